// SPDX-License-Identifier: GPL-2.0
/*
 * Fault injection and the port's debugfs directory
 * (/sys/kernel/debug/conic/conic<id>/): knobs that drop, duplicate, delay
 * and reorder the signaling frames a port sends, fail one operation once,
 * hold the link down, inject frames as if from the wire (one given frame,
 * or a seeded storm of random ones), and read-outs of the port's VCs and
 * counters.
 */
#include <linux/etherdevice.h>
#include <linux/jiffies.h>
#include <linux/prandom.h>
#include <linux/random.h>
#include <linux/seq_file.h>
#include <linux/uaccess.h>
#include <linux/unaligned.h>

#include "conic.h"
#include "../cosig/wire.h"

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

/* ---- frames from the wire: inject and sig_storm ------------------------ */

/*
 * Put a frame (head included, LL_MAX_HEADER of headroom) into the port as
 * if it came from its link: on an Ethernet port through the device's
 * receive path from @src, else straight into the port's receive queue
 * (@src 0).  Counted in injected, injected_foreign and inject_lost.
 */
static int conic_inject_frame(struct conic_port *port, struct sk_buff *skb, u64 src)
{
	int err = 0;

	atomic64_inc(&port->stats.injected);
	if (!src) {
		conic_port_rx(port, skb, 0);
		return 0;
	}
	if (src != READ_ONCE(port->peer_mac))
		atomic64_inc(&port->stats.injected_foreign);
	err = conic_eth_deliver(port, src, skb);
	if (err)
		atomic64_inc(&port->stats.inject_lost);
	return err;
}

/* The longest frame inject takes: a conic head and a full payload. */
#define CONIC_INJECT_MAX	(sizeof(struct conic_wire_hdr) + CONIC_MTU)

static ssize_t conic_inject_write(struct file *file, const char __user *ubuf, size_t len,
				  loff_t *ppos)
{
	struct conic_port *port = file->private_data;
	struct sk_buff *skb = NULL;
	char *buf, *src, *hex;
	u8 mac[ETH_ALEN];
	size_t n;
	bool eth;
	int err = -EINVAL;

	if (!len || len > 2 * CONIC_INJECT_MAX + 32)
		return -EINVAL;
	buf = memdup_user_nul(ubuf, len);
	if (IS_ERR(buf))
		return PTR_ERR(buf);
	hex = strim(buf);
	src = strsep(&hex, " ");
	hex = hex ? skip_spaces(hex) : NULL;
	n = hex ? strlen(hex) / 2 : 0;
	rcu_read_lock();
	eth = rcu_access_pointer(port->netdev);
	rcu_read_unlock();
	if (!hex || strlen(hex) % 2 || n < sizeof(struct conic_wire_hdr) ||
	    n > CONIC_INJECT_MAX || (eth ? !mac_pton(src, mac) || !is_valid_ether_addr(mac)
					 : strcmp(src, "-")))
		goto bad;
	skb = alloc_skb(LL_MAX_HEADER + n, GFP_KERNEL);
	if (!skb) {
		err = -ENOMEM;
		goto out;
	}
	skb_reserve(skb, LL_MAX_HEADER);
	if (hex2bin(skb_put(skb, n), hex, n))
		goto bad;
	err = conic_inject_frame(port, skb, eth ? ether_addr_to_u64(mac) : 0);
	skb = NULL;
	goto out;
bad:
	dev_warn(&port->dev, "inject: expected \"SRC HEX\": SRC a unicast MAC address on an Ethernet link, else \"-\"; HEX a frame of 4 to %zu bytes\n",
		 CONIC_INJECT_MAX);
out:
	kfree_skb(skb);
	kfree(buf);
	return err ?: len;
}

static const struct file_operations conic_inject_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.write = conic_inject_write,
	.llseek = noop_llseek,
};

static u32 conic_storm_below(struct rnd_state *rnd, u32 n)
{
	return prandom_u32_state(rnd) % n;
}

static u8 *conic_storm_ie(u8 *p, u16 type, u16 len)
{
	put_unaligned_be16(type, p);
	put_unaligned_be16(len, p + 2);
	return p + 4;
}

static u8 *conic_storm_ie_u32(u8 *p, u16 type, u32 val)
{
	p = conic_storm_ie(p, type, 4);
	put_unaligned_be32(val, p);
	return p + 4;
}

/* Well-formed information elements, chosen at random; returns the end. */
static u8 *conic_storm_ies(struct rnd_state *rnd, u8 *p)
{
	static const char * const names[] = { "s", "leafa", "leafb", "e" };
	static const u32 causes[] = { COSIG_CAUSE_NORMAL, COSIG_CAUSE_TEMPORARY,
				      COSIG_CAUSE_INVALID_CREF, COSIG_CAUSE_WRONG_STATE };
	unsigned int i, n = conic_storm_below(rnd, 4);
	const char *name;
	bool coin;
	u32 len;

	for (i = 0; i < n; i++) {
		coin = conic_storm_below(rnd, 2);
		switch (conic_storm_below(rnd, 7)) {
		case 0:
			name = names[conic_storm_below(rnd, ARRAY_SIZE(names))];
			len = strlen(name);
			p = conic_storm_ie(p, COSIG_IE_CALLED_SAP, 4 + len);
			put_unaligned_be32(CONIC_SAP_TYPE, p);
			memcpy(p + 4, name, len);
			p += 4 + len;
			break;
		case 1:
			len = CONIC_FIRST_DATA_VCI + conic_storm_below(rnd, 8);
			p = conic_storm_ie_u32(p, COSIG_IE_VCI, coin ? 0 : len);
			break;
		case 2:
			len = sizeof(struct cosig_wire_traffic);
			p = conic_storm_ie(p, COSIG_IE_TRAFFIC, len);
			prandom_bytes_state(rnd, p, len);
			p += len;
			break;
		case 3:
			len = causes[conic_storm_below(rnd, ARRAY_SIZE(causes))];
			p = conic_storm_ie_u32(p, COSIG_IE_CAUSE, len);
			break;
		case 4:
			len = conic_storm_below(rnd, 17);
			p = conic_storm_ie(p, COSIG_IE_USER_DATA, len);
			prandom_bytes_state(rnd, p, len);
			p += len;
			break;
		case 5:
			p = conic_storm_ie_u32(p, COSIG_IE_FLAGS, coin ? COSIG_FLAG_MULTIPOINT : 0);
			break;
		default:
			len = conic_storm_below(rnd, 10);
			p = conic_storm_ie_u32(p, COSIG_IE_CALL_STATE, coin ? 0 : len);
			break;
		}
	}
	return p;
}

/* The longest message conic_storm_msg() writes. */
#define CONIC_STORM_MAX		256

/*
 * One storm message into @msg; returns its length.  A quarter are 0 to 95
 * random bytes.  The rest have a plausible head: version 1, a known type,
 * mostly a consistent length, a call reference below 8 with the flag set
 * or clear (so calls placed at either end are hit), an endpoint reference
 * below 4 (leaves) or random; then, half the time, well-formed elements,
 * otherwise random bytes.
 */
static unsigned int conic_storm_msg(struct rnd_state *rnd, u8 *msg)
{
	static const u8 types[] = {
		COSIG_MSG_CALL_PROC, COSIG_MSG_SETUP, COSIG_MSG_CONNECT, COSIG_MSG_CONNECT_ACK,
		COSIG_MSG_RESTART, COSIG_MSG_RELEASE, COSIG_MSG_RESTART_ACK,
		COSIG_MSG_RELEASE_COMPLETE, COSIG_MSG_STATUS, COSIG_MSG_ADD_PARTY,
		COSIG_MSG_ADD_PARTY_ACK, COSIG_MSG_ADD_PARTY_REJ, COSIG_MSG_DROP_PARTY,
		COSIG_MSG_DROP_PARTY_ACK, COSIG_MSG_MODIFY_REQ, COSIG_MSG_MODIFY_ACK,
		COSIG_MSG_MODIFY_REJ,
	};
	struct cosig_wire_hdr *hdr = (struct cosig_wire_hdr *)msg;
	unsigned int len;
	u32 cref;

	if (!conic_storm_below(rnd, 4)) {
		len = conic_storm_below(rnd, 96);
		prandom_bytes_state(rnd, msg, len);
		return len;
	}
	hdr->version = COSIG_VERSION;
	hdr->type = types[conic_storm_below(rnd, ARRAY_SIZE(types))];
	cref = conic_storm_below(rnd, 8);
	if (conic_storm_below(rnd, 2))
		cref |= COSIG_CREF_FLAG;
	hdr->cref = cpu_to_be32(cref);
	hdr->epref = cpu_to_be32(conic_storm_below(rnd, 4) ? conic_storm_below(rnd, 4) :
				 prandom_u32_state(rnd));
	if (conic_storm_below(rnd, 2)) {
		len = conic_storm_ies(rnd, msg + sizeof(*hdr)) - msg;
	} else {
		len = sizeof(*hdr) + conic_storm_below(rnd, 84);
		prandom_bytes_state(rnd, msg + sizeof(*hdr), len - sizeof(*hdr));
	}
	hdr->length = cpu_to_be16(conic_storm_below(rnd, 4) ? (u16)(len - sizeof(*hdr)) :
				  (u16)prandom_u32_state(rnd));
	return len;
}

/*
 * One storm frame on channel 0: a storm message, and one in eight gets a
 * random conic length.  On an Ethernet port it comes from the learned
 * peer's address, or (storm_foreign_pct, or while none is learned) from a
 * random locally administered one.
 */
static void conic_storm_frame(struct conic_port *port, struct rnd_state *rnd, bool eth)
{
	u64 peer = READ_ONCE(port->peer_mac), src = 0;
	struct conic_wire_hdr *hdr;
	struct sk_buff *skb;
	u8 mac[ETH_ALEN];
	unsigned int len;
	bool foreign;

	skb = alloc_skb(LL_MAX_HEADER + sizeof(*hdr) + CONIC_STORM_MAX, GFP_KERNEL);
	if (!skb)
		return;
	skb_reserve(skb, LL_MAX_HEADER);
	hdr = skb_put(skb, sizeof(*hdr));
	len = conic_storm_msg(rnd, skb_tail_pointer(skb));
	skb_put(skb, len);
	hdr->vci = cpu_to_be16(CONIC_SIG_VCI);
	if (!conic_storm_below(rnd, 8))
		len = prandom_u32_state(rnd);
	hdr->len = cpu_to_be16((u16)len);
	foreign = conic_storm_below(rnd, 100) < READ_ONCE(port->faults.storm_foreign_pct);
	if (eth) {
		src = peer;
		if (!peer || foreign) {
			do {
				prandom_bytes_state(rnd, mac, sizeof(mac));
				mac[0] = (mac[0] & ~0x01) | 0x02;	/* unicast, local */
				src = ether_addr_to_u64(mac);
			} while (src == peer);
		}
	}
	conic_inject_frame(port, skb, src);
}

static int conic_storm_set(void *data, u64 val)
{
	struct conic_port *port = data;
	u64 seed, n = val;
	struct rnd_state rnd;
	bool eth;

	if (val > 100000)
		return -EINVAL;
	seed = READ_ONCE(port->faults.storm_seed);
	if (!seed) {
		seed = get_random_u64() ?: 1;
		WRITE_ONCE(port->faults.storm_seed, seed);
	}
	prandom_seed_state(&rnd, seed);
	rcu_read_lock();
	eth = rcu_access_pointer(port->netdev);
	rcu_read_unlock();
	dev_info(&port->dev, "signaling storm: %llu frames, seed %llu, foreign %u%%\n", n, seed,
		 eth ? READ_ONCE(port->faults.storm_foreign_pct) : 0);
	while (val--) {
		conic_storm_frame(port, &rnd, eth);
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
	u8 peer[ETH_ALEN];

	u64_to_ether_addr(READ_ONCE(port->peer_mac), peer);
	seq_printf(m, "port %s mode=%s link=%s reserved=%llu link_speed=%u peer=%pM\n", port->name,
		   port->mcm ? "mcm" : "plain", READ_ONCE(port->link_up) ? "up" : "down",
		   port->reserved, port->link_speed, peer);
	seq_printf(m, "frames tx=%lld tx_dropped=%lld rx=%lld rx_bad=%lld rx_sig=%lld rx_data=%lld rx_overflow=%lld rx_foreign=%lld\n",
		   atomic64_read(&port->stats.tx_frames), atomic64_read(&port->stats.tx_dropped),
		   atomic64_read(&port->stats.rx_frames), atomic64_read(&port->stats.rx_bad),
		   atomic64_read(&port->stats.rx_sig), atomic64_read(&port->stats.rx_data),
		   atomic64_read(&port->stats.rx_overflow), atomic64_read(&port->stats.rx_foreign));
	seq_printf(m, "signaling faults dropped=%lld duplicated=%lld delayed=%lld\n",
		   atomic64_read(&port->stats.sig_dropped),
		   atomic64_read(&port->stats.sig_duplicated),
		   atomic64_read(&port->stats.sig_delayed));
	seq_printf(m, "injected frames=%lld foreign=%lld lost=%lld\n",
		   atomic64_read(&port->stats.injected),
		   atomic64_read(&port->stats.injected_foreign),
		   atomic64_read(&port->stats.inject_lost));
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
	debugfs_create_u64("sig_storm_seed", 0600, d, &port->faults.storm_seed);
	debugfs_create_u32("sig_storm_foreign_pct", 0600, d, &port->faults.storm_foreign_pct);
	debugfs_create_file("inject", 0200, d, port, &conic_inject_fops);
	debugfs_create_file("state", 0400, d, port, &conic_vcs_fops);
}
