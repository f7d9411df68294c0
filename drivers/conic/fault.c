// SPDX-License-Identifier: GPL-2.0
/*
 * Fault injection and the port's debugfs directory
 * (/sys/kernel/debug/conic/conic<id>/): knobs that drop, duplicate, delay
 * and reorder the signaling frames a port sends, fail one operation once,
 * hold the link down, inject frames as if from the wire, and read-outs of
 * the port's VCs and counters.
 */
#include <linux/jiffies.h>
#include <linux/random.h>
#include <linux/seq_file.h>
#include <linux/uaccess.h>
#include <linux/unaligned.h>

#include "conic.h"

#define CONIC_REORDER_MS	30

static const char * const conic_fault_names[CONIC_FAIL_MAX] = {
	[CONIC_FAIL_NONE] = "none",
	[CONIC_FAIL_CREATE_VC] = "create_vc",
	[CONIC_FAIL_ACTIVATE_VC] = "activate_vc",
	[CONIC_FAIL_SEND] = "send",
	[CONIC_FAIL_OID] = "oid",
};

/**
 * conic_fault_take() - should this operation fail (once)?
 * @port: the port
 * @op: the operation
 *
 * Context: any.
 * Return: 0, or the errno the user asked for (then the knob clears).
 */
int conic_fault_take(struct conic_port *port, enum conic_fault_op op)
{
	int err = 0;

	if (likely(READ_ONCE(port->faults.fail_op) != op))
		return 0;
	spin_lock_bh(&port->fault_lock);
	if (port->faults.fail_op == op) {
		err = port->faults.fail_err;
		port->faults.fail_op = CONIC_FAIL_NONE;
		port->faults.fail_err = 0;
	}
	spin_unlock_bh(&port->fault_lock);
	if (err)
		dev_info(&port->dev, "injected fault: %s fails with %d\n",
			 conic_fault_names[op], err);
	return err;
}

static bool conic_chance(u32 pct)
{
	return pct && get_random_u32_below(100) < pct;
}

static void conic_hold(struct conic_port *port, struct sk_buff *skb, unsigned int ms)
{
	*(unsigned long *)skb->cb = jiffies + msecs_to_jiffies(ms);
	atomic64_inc(&port->stats.sig_delayed);
	skb_queue_tail(&port->faults.delayq, skb);
	mod_delayed_work(conic_wq, &port->faults.delay_work, msecs_to_jiffies(ms));
}

/**
 * conic_fault_sig_out() - a signaling frame leaves: apply the knobs
 * @port: the sending port
 * @skb: the frame, head included; consumed
 *
 * Context: any.
 */
void conic_fault_sig_out(struct conic_port *port, struct sk_buff *skb)
{
	struct conic_faults *f = &port->faults;
	struct sk_buff *dup = NULL;
	bool drop;

	spin_lock_bh(&port->fault_lock);
	drop = f->drop_next || conic_chance(f->drop_pct);
	if (f->drop_next)
		f->drop_next--;
	spin_unlock_bh(&port->fault_lock);
	if (drop) {
		atomic64_inc(&port->stats.sig_dropped);
		kfree_skb(skb);
		return;
	}
	if (conic_chance(READ_ONCE(f->dup_pct))) {
		dup = skb_copy(skb, GFP_ATOMIC);
		if (dup)
			atomic64_inc(&port->stats.sig_duplicated);
	}
	if (READ_ONCE(f->delay_ms))
		conic_hold(port, skb, READ_ONCE(f->delay_ms));
	else if (conic_chance(READ_ONCE(f->reorder_pct)))
		conic_hold(port, skb, CONIC_REORDER_MS);
	else
		conic_port_wire_out(port, skb);
	if (dup)
		conic_port_wire_out(port, dup);
}

static void conic_delay_work(struct work_struct *work)
{
	struct conic_faults *f = container_of(to_delayed_work(work), struct conic_faults,
					      delay_work);
	struct conic_port *port = container_of(f, struct conic_port, faults);
	struct sk_buff_head due;
	struct sk_buff *skb, *tmp;
	unsigned long next = 0;

	__skb_queue_head_init(&due);
	spin_lock_bh(&f->delayq.lock);
	skb_queue_walk_safe(&f->delayq, skb, tmp) {
		unsigned long at = *(unsigned long *)skb->cb;

		if (time_after_eq(jiffies, at)) {
			__skb_unlink(skb, &f->delayq);
			__skb_queue_tail(&due, skb);
		} else if (!next || time_before(at, next)) {
			next = at;
		}
	}
	spin_unlock_bh(&f->delayq.lock);
	while ((skb = __skb_dequeue(&due)))
		conic_port_wire_out(port, skb);
	if (next)
		mod_delayed_work(conic_wq, &f->delay_work,
				 time_after(next, jiffies) ? next - jiffies : 0);
}

/**
 * conic_fault_init() - a new port's knobs, all off
 * @port: the port
 */
void conic_fault_init(struct conic_port *port)
{
	skb_queue_head_init(&port->faults.delayq);
	INIT_DELAYED_WORK(&port->faults.delay_work, conic_delay_work);
}

/**
 * conic_fault_exit() - drop what the knobs hold
 * @port: the port
 *
 * Context: process.
 */
void conic_fault_exit(struct conic_port *port)
{
	cancel_delayed_work_sync(&port->faults.delay_work);
	skb_queue_purge(&port->faults.delayq);
}

/* ---- debugfs ------------------------------------------------------------ */

static ssize_t conic_fail_op_write(struct file *file, const char __user *ubuf, size_t len,
				   loff_t *ppos)
{
	struct conic_port *port = file->private_data;
	char buf[48], name[24];
	int err, op;

	if (len >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, len))
		return -EFAULT;
	buf[len] = '\0';
	if (sscanf(buf, "%23s %d", name, &err) != 2 || err >= 0 || err < -MAX_ERRNO) {
		dev_warn(&port->dev, "fail_op: expected \"OP -ERRNO\"\n");
		return -EINVAL;
	}
	op = match_string(conic_fault_names, CONIC_FAIL_MAX, name);
	if (op < 0) {
		dev_warn(&port->dev, "fail_op: unknown operation %s\n", name);
		return -EINVAL;
	}
	spin_lock_bh(&port->fault_lock);
	port->faults.fail_op = op;
	port->faults.fail_err = err;
	spin_unlock_bh(&port->fault_lock);
	return len;
}

static ssize_t conic_fail_op_read(struct file *file, char __user *ubuf, size_t len,
				  loff_t *ppos)
{
	struct conic_port *port = file->private_data;
	char buf[48];
	int n;

	n = scnprintf(buf, sizeof(buf), "%s %d\n",
		      conic_fault_names[READ_ONCE(port->faults.fail_op)],
		      READ_ONCE(port->faults.fail_err));
	return simple_read_from_buffer(ubuf, len, ppos, buf, n);
}

static const struct file_operations conic_fail_op_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.read = conic_fail_op_read,
	.write = conic_fail_op_write,
};

static int conic_link_get(void *data, u64 *val)
{
	struct conic_port *port = data;

	*val = READ_ONCE(port->link_up);
	return 0;
}

static int conic_link_set(void *data, u64 val)
{
	struct conic_port *port = data;
	struct conic_port *peer;

	if (val > 1)
		return -EINVAL;
	WRITE_ONCE(port->admin_up, val);
	conic_port_link_eval(port);
	rcu_read_lock();
	peer = rcu_dereference(port->peer);
	if (peer)	/* a wire has two ends */
		conic_port_link_eval(peer);
	rcu_read_unlock();
	return 0;
}
DEFINE_DEBUGFS_ATTRIBUTE(conic_link_fops, conic_link_get, conic_link_set, "%llu\n");

/* A malformed or random frame, as if it came from the wire (tests). */
static void conic_storm_frame(struct conic_port *port)
{
	static const u8 types[] = { 0x02, 0x05, 0x07, 0x0f, 0x46, 0x4d, 0x4e, 0x5a, 0x7d,
				    0x80, 0x81, 0x82, 0x83, 0x84, 0x88, 0x89, 0x8a };
	unsigned int len = get_random_u32_below(96);
	struct conic_wire_hdr *hdr;
	struct sk_buff *skb;
	u8 *p;

	skb = alloc_skb(sizeof(*hdr) + len, GFP_KERNEL);
	if (!skb)
		return;
	hdr = skb_put(skb, sizeof(*hdr));
	p = skb_put(skb, len);
	get_random_bytes(p, len);
	hdr->vci = cpu_to_be16(CONIC_SIG_VCI);
	hdr->len = cpu_to_be16(len);
	if (len >= 12 && get_random_u32_below(4)) {
		/* Mostly well-formed heads, so the parser and the state
		 * machines past it are exercised too.
		 */
		p[0] = 1;
		p[1] = types[get_random_u32_below(ARRAY_SIZE(types))];
		if (get_random_u32_below(2))
			put_unaligned_be16(len - 12, p + 2);
		if (get_random_u32_below(2))
			put_unaligned_be32(get_random_u32_below(8), p + 4);
	}
	if (get_random_u32_below(8) == 0)
		hdr->len = cpu_to_be16(get_random_u16());
	conic_port_rx(port, skb);
}

static int conic_storm_set(void *data, u64 val)
{
	struct conic_port *port = data;

	if (val > 100000)
		return -EINVAL;
	while (val--) {
		conic_storm_frame(port);
		if (!(val & 63))
			cond_resched();
	}
	return 0;
}
DEFINE_DEBUGFS_ATTRIBUTE(conic_storm_fops, NULL, conic_storm_set, "%llu\n");

static int conic_vcs_show(struct seq_file *m, void *v)
{
	struct conic_port *port = m->private;
	struct conic_vc *cvc;
	unsigned long vci;

	seq_printf(m, "port %s mode=%s link=%s reserved=%llu link_speed=%u\n", port->name,
		   port->mcm ? "mcm" : "plain", READ_ONCE(port->link_up) ? "up" : "down",
		   port->reserved, port->link_speed);
	seq_printf(m, "frames tx=%lld tx_dropped=%lld rx=%lld rx_bad=%lld rx_overflow=%lld\n",
		   atomic64_read(&port->stats.tx_frames), atomic64_read(&port->stats.tx_dropped),
		   atomic64_read(&port->stats.rx_frames), atomic64_read(&port->stats.rx_bad),
		   atomic64_read(&port->stats.rx_overflow));
	seq_printf(m, "signaling faults dropped=%lld duplicated=%lld delayed=%lld\n",
		   atomic64_read(&port->stats.sig_dropped),
		   atomic64_read(&port->stats.sig_duplicated),
		   atomic64_read(&port->stats.sig_delayed));
	rcu_read_lock();
	xa_for_each(&port->rx_vcis, vci, cvc)
		seq_printf(m, "vc rx_vci=%lu n_tx=%u first_tx_vci=%u rate=%u tx=%lld rx=%lld tx_err=%lld\n",
			   vci, cvc->vcis.n_tx, cvc->vcis.n_tx ? cvc->vcis.tx_vci[0] : 0,
			   cvc->reserved, atomic64_read(&cvc->tx_pkts),
			   atomic64_read(&cvc->rx_pkts), atomic64_read(&cvc->tx_err));
	rcu_read_unlock();
	if (port->sig)
		cosig_debugfs_show(port->sig, m);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(conic_vcs);

/**
 * conic_debugfs_port() - a port's debugfs directory and knobs
 * @port: the port
 */
void conic_debugfs_port(struct conic_port *port)
{
	struct dentry *d = debugfs_create_dir(port->name, conic_debugfs);

	port->dfs = d;
	debugfs_create_u32("sig_drop_pct", 0600, d, &port->faults.drop_pct);
	debugfs_create_u32("sig_dup_pct", 0600, d, &port->faults.dup_pct);
	debugfs_create_u32("sig_reorder_pct", 0600, d, &port->faults.reorder_pct);
	debugfs_create_u32("sig_delay_ms", 0600, d, &port->faults.delay_ms);
	debugfs_create_u32("sig_drop_next", 0600, d, &port->faults.drop_next);
	debugfs_create_u32("link_speed", 0600, d, &port->link_speed);
	debugfs_create_file("fail_op", 0600, d, port, &conic_fail_op_fops);
	debugfs_create_file_unsafe("link", 0600, d, port, &conic_link_fops);
	debugfs_create_file_unsafe("sig_storm", 0200, d, port, &conic_storm_fops);
	debugfs_create_file("state", 0400, d, port, &conic_vcs_fops);
}
