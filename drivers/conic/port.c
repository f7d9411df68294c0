// SPDX-License-Identifier: GPL-2.0
/*
 * Ports: their life, their link (a back-to-back wire or an Ethernet
 * device), link state, and frames in and out.
 */
#include <linux/etherdevice.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>

#include "conic.h"

static const struct condis_af_type conic_af_type = {
	.family = CONIC_AF_FAMILY, .major = CONIC_AF_MAJOR, .minor = CONIC_AF_MINOR,
};

/**
 * conic_port_find() - a port by number
 * @id: its number
 *
 * Context: process, conic_ports_lock held.
 * Return: the port or NULL.
 */
struct conic_port *conic_port_find(u32 id)
{
	struct conic_port *port;

	lockdep_assert_held(&conic_ports_lock);
	list_for_each_entry(port, &conic_ports, node)
		if (port->id == id)
			return port;
	return NULL;
}

static void conic_status(struct conic_port *port, int code)
{
	struct condis_status_indication ind = { .code = code };

	condis_mco_indicate_status(port->adapter, NULL, &ind);
}

static void conic_link_work(struct work_struct *work)
{
	struct conic_port *port = container_of(work, struct conic_port, link_work);
	bool up;

	rcu_read_lock();
	up = READ_ONCE(port->admin_up) && !READ_ONCE(port->dying);
	if (rcu_access_pointer(port->peer)) {
		struct conic_port *peer = rcu_dereference(port->peer);

		up = up && READ_ONCE(peer->admin_up);
	} else if (rcu_access_pointer(port->netdev)) {
		struct net_device *dev = rcu_dereference(port->netdev);

		up = up && netif_running(dev) && netif_carrier_ok(dev);
	} else {
		up = false;
	}
	rcu_read_unlock();
	if (up == port->link_up)
		return;
	port->link_up = up;
	if (!up)
		WRITE_ONCE(port->peer_mac, 0);	/* learned again once it is up */
	dev_info(&port->dev, "link %s\n", up ? "up" : "down");
	conic_status(port, up ? CONDIS_STATUS_MEDIA_CONNECT : CONDIS_STATUS_MEDIA_DISCONNECT);
	if (port->sig)
		cosig_link_change(port->sig, up);
}

/**
 * conic_port_link_eval() - the link may have changed: indicate it if so
 * @port: the port
 *
 * Context: any.
 */
void conic_port_link_eval(struct conic_port *port)
{
	queue_work(conic_wq, &port->link_work);
}

/**
 * conic_port_wire_out() - put a frame (head included) on the link
 * @port: the sending port
 * @skb: the frame; consumed
 *
 * Context: any.
 */
void conic_port_wire_out(struct conic_port *port, struct sk_buff *skb)
{
	struct conic_port *peer;
	struct net_device *dev;

	rcu_read_lock();
	if (!READ_ONCE(port->link_up))
		goto drop;
	peer = rcu_dereference(port->peer);
	if (peer) {
		atomic64_inc(&port->stats.tx_frames);
		conic_port_rx(peer, skb, 0);
		goto out;
	}
	dev = rcu_dereference(port->netdev);
	if (dev) {
		atomic64_inc(&port->stats.tx_frames);
		conic_eth_xmit(port, dev, skb);
		goto out;
	}
drop:
	atomic64_inc(&port->stats.tx_dropped);
	kfree_skb(skb);
out:
	rcu_read_unlock();
}

/**
 * conic_port_xmit() - send a payload on a channel
 * @port: the port
 * @vci: the channel; signaling frames (0) go through the fault knobs
 * @skb: the payload, with room for the head in front; consumed
 *
 * Context: any.
 */
void conic_port_xmit(struct conic_port *port, u16 vci, struct sk_buff *skb)
{
	struct conic_wire_hdr *hdr;
	unsigned int len = skb->len;

	if (skb_cow_head(skb, sizeof(*hdr) + ETH_HLEN)) {
		atomic64_inc(&port->stats.tx_dropped);
		kfree_skb(skb);
		return;
	}
	hdr = skb_push(skb, sizeof(*hdr));
	hdr->vci = cpu_to_be16(vci);
	hdr->len = cpu_to_be16(len);
	if (vci == CONIC_SIG_VCI)
		conic_fault_sig_out(port, skb);
	else
		conic_port_wire_out(port, skb);
}

/**
 * conic_port_rx() - a frame arrived from the link
 * @port: the receiving port
 * @skb: the frame, head included; consumed
 * @src: its Ethernet source address (ether_addr_to_u64()), 0 from a wire
 *
 * Context: any.
 */
void conic_port_rx(struct conic_port *port, struct sk_buff *skb, u64 src)
{
	if (READ_ONCE(port->dying) || skb_queue_len(&port->rxq) >= CONIC_RXQ_MAX) {
		atomic64_inc(&port->stats.rx_overflow);
		kfree_skb(skb);
		return;
	}
	conic_rx_cb(skb)->src = src;
	skb_queue_tail(&port->rxq, skb);
	queue_work(conic_wq, &port->rx_work);
}

static void conic_port_release(struct device *dev)
{
	kfree(container_of(dev, struct conic_port, dev));
}

static int conic_port_mcm_start(struct conic_port *port)
{
	int err;

	port->sig = cosig_create(port->name, &conic_mcm_carrier, port);
	if (!port->sig)
		return -ENOMEM;
	err = condis_adapter_register(conic_mcm_mp, port->name, port, &port->adapter);
	if (err)
		goto err_sig;
	err = condis_mcm_register_af(port->adapter, &conic_af_type, &port->cm_af);
	if (err)
		goto err_adapter;
	cosig_set_cm_af(port->sig, port->cm_af);
	return 0;

err_adapter:
	condis_adapter_unregister(port->adapter);
err_sig:
	cosig_destroy(port->sig);
	port->sig = NULL;
	return err;
}

/**
 * conic_port_new() - create a port
 * @id: its number (unique)
 * @mcm: MCM mode, else a plain CO miniport
 *
 * Context: process, conic_ports_lock held.
 * Return: 0, -EEXIST, -ENOMEM, or condis's error.
 */
int conic_port_new(u32 id, bool mcm)
{
	struct conic_port *port;
	int err;

	lockdep_assert_held(&conic_ports_lock);
	if (conic_port_find(id))
		return -EEXIST;
	port = kzalloc(sizeof(*port), GFP_KERNEL);
	if (!port)
		return -ENOMEM;
	port->id = id;
	port->mcm = mcm;
	snprintf(port->name, sizeof(port->name), "conic%u", id);
	port->admin_up = true;
	port->link_speed = CONIC_DEFAULT_SPEED;
	INIT_WORK(&port->link_work, conic_link_work);
	skb_queue_head_init(&port->rxq);
	INIT_WORK(&port->rx_work, conic_rx_work);
	spin_lock_init(&port->vc_lock);
	xa_init_flags(&port->rx_vcis, XA_FLAGS_LOCK_BH);
	spin_lock_init(&port->fault_lock);
	conic_fault_init(port);
	device_initialize(&port->dev);
	port->dev.bus = &conic_bus;
	port->dev.release = conic_port_release;
	err = dev_set_name(&port->dev, "%s", port->name);
	if (err)
		goto err_put;
	err = device_add(&port->dev);
	if (err)
		goto err_put;
	err = mcm ? conic_port_mcm_start(port) :
		condis_adapter_register(conic_plain_mp, port->name, port, &port->adapter);
	if (err)
		goto err_del;
	list_add_tail_rcu(&port->node, &conic_ports);
	conic_debugfs_port(port);
	dev_info(&port->dev, "port created (%s)\n", mcm ? "MCM" : "plain CO miniport");
	return 0;

err_del:
	device_del(&port->dev);
err_put:
	conic_fault_exit(port);
	put_device(&port->dev);
	return err;
}

static void conic_unlink_locked(struct conic_port *port)
{
	struct conic_port *peer = rcu_dereference_protected(port->peer,
							    lockdep_is_held(&conic_ports_lock));

	if (peer) {
		RCU_INIT_POINTER(peer->peer, NULL);
		RCU_INIT_POINTER(port->peer, NULL);
		conic_port_link_eval(peer);
	}
	conic_eth_unlink(port);
	conic_port_link_eval(port);
}

static void conic_port_destroy(struct conic_port *port)
{
	lockdep_assert_held(&conic_ports_lock);
	debugfs_remove_recursive(port->dfs);
	list_del_rcu(&port->node);
	conic_unlink_locked(port);
	synchronize_rcu();
	flush_work(&port->link_work);
	/*
	 * The link is cut; the peer clears its side when its link goes
	 * down.  The protocols unbind first, as NDIS halts a miniport only
	 * after they have: each closes its calls through the engine, and
	 * condis closes, within its teardown budget, what one leaves.  The
	 * engine then ends what is left locally (-ENOLINK).
	 */
	condis_adapter_unregister(port->adapter);
	if (port->sig)
		cosig_shutdown(port->sig);
	WRITE_ONCE(port->dying, true);
	cancel_work_sync(&port->rx_work);
	cancel_work_sync(&port->link_work);
	skb_queue_purge(&port->rxq);
	if (port->sig)
		cosig_destroy(port->sig);
	conic_fault_exit(port);
	WARN_ON(!xa_empty(&port->rx_vcis));
	xa_destroy(&port->rx_vcis);
	dev_info(&port->dev, "port removed\n");
	device_del(&port->dev);
	put_device(&port->dev);
}

/**
 * conic_port_del() - remove a port, closing everything on it
 * @id: its number
 *
 * Context: process, conic_ports_lock held.
 * Return: 0 or -ENOENT.
 */
int conic_port_del(u32 id)
{
	struct conic_port *port = conic_port_find(id);

	if (!port)
		return -ENOENT;
	conic_port_destroy(port);
	return 0;
}

/**
 * conic_port_del_all() - remove every port (module unload)
 *
 * Context: process.
 */
void conic_port_del_all(void)
{
	struct conic_port *port, *tmp;

	mutex_lock(&conic_ports_lock);
	list_for_each_entry_safe(port, tmp, &conic_ports, node)
		conic_port_destroy(port);
	mutex_unlock(&conic_ports_lock);
}

/**
 * conic_link_ports() - join two ports back to back
 * @a: one port's number
 * @b: the other's
 *
 * Context: process, conic_ports_lock held.
 * Return: 0, -ENOENT, -EINVAL (the same port), -EBUSY (one is linked).
 */
int conic_link_ports(u32 a, u32 b)
{
	struct conic_port *pa = conic_port_find(a), *pb = conic_port_find(b);

	if (!pa || !pb)
		return -ENOENT;
	if (pa == pb)
		return -EINVAL;
	if (rcu_access_pointer(pa->peer) || rcu_access_pointer(pb->peer) ||
	    rcu_access_pointer(pa->netdev) || rcu_access_pointer(pb->netdev))
		return -EBUSY;
	rcu_assign_pointer(pa->peer, pb);
	rcu_assign_pointer(pb->peer, pa);
	conic_port_link_eval(pa);
	conic_port_link_eval(pb);
	return 0;
}

/**
 * conic_unlink_port() - cut a port's link
 * @id: the port's number
 *
 * Context: process, conic_ports_lock held.
 * Return: 0, -ENOENT, -ENOTCONN.
 */
int conic_unlink_port(u32 id)
{
	struct conic_port *port = conic_port_find(id);

	if (!port)
		return -ENOENT;
	if (!rcu_access_pointer(port->peer) && !rcu_access_pointer(port->netdev))
		return -ENOTCONN;
	conic_unlink_locked(port);
	return 0;
}

