// SPDX-License-Identifier: GPL-2.0
/*
 * A port's link over Ethernet: frames travel as EtherType 0x88B5 on a
 * network device (a veth pair, a NIC between two hosts or VMs), so exactly
 * two conic ports may share a segment.
 *
 * The peer's address is learned once per link, from the first valid frame
 * received while none is known: a signaling message the engine takes as
 * well-formed, or a frame indicated on an active VC (conic_rx_work()).  A
 * frame that is dropped (malformed, for no VC, arriving while the link is
 * down) teaches nothing.  Once an address is learned, frames go there
 * (broadcast until then) and frames from any other address are dropped
 * unread (rx_foreign): another station on the segment can neither
 * redirect the port's traffic nor reach its engine under another address.
 * The address is forgotten when the link goes down or the device is
 * released.
 */
#include <linux/etherdevice.h>
#include <linux/if_arp.h>
#include <linux/if_ether.h>
#include <linux/rtnetlink.h>

#include "conic.h"

static struct conic_port *conic_eth_port_of(const struct net_device *dev)
{
	struct conic_port *port;

	list_for_each_entry_rcu(port, &conic_ports, node, lockdep_is_held(&conic_ports_lock))
		if (rcu_access_pointer(port->netdev) == dev)
			return port;
	return NULL;
}

static int conic_eth_rcv(struct sk_buff *skb, struct net_device *dev, struct packet_type *pt,
			 struct net_device *orig_dev)
{
	struct conic_port *port;
	u64 src;

	skb = skb_share_check(skb, GFP_ATOMIC);
	if (!skb)
		return NET_RX_DROP;
	rcu_read_lock();
	port = conic_eth_port_of(dev);
	if (!port || skb->pkt_type == PACKET_OTHERHOST) {
		rcu_read_unlock();
		kfree_skb(skb);
		return NET_RX_DROP;
	}
	src = ether_addr_to_u64(eth_hdr(skb)->h_source);
	if (!is_valid_ether_addr(eth_hdr(skb)->h_source) || conic_port_foreign(port, src)) {
		atomic64_inc(&port->stats.rx_foreign);
		rcu_read_unlock();
		kfree_skb(skb);
		return NET_RX_DROP;
	}
	conic_port_rx(port, skb, src);
	rcu_read_unlock();
	return NET_RX_SUCCESS;
}

/**
 * conic_port_foreign() - is a frame from a station other than the peer?
 * @port: the receiving port
 * @src: the frame's Ethernet source address (ether_addr_to_u64()), 0 for a
 *	frame from a back-to-back wire
 *
 * Context: any.
 * Return: true if the port learned its peer's address and @src is another.
 */
bool conic_port_foreign(struct conic_port *port, u64 src)
{
	u64 peer = READ_ONCE(port->peer_mac);

	return src && peer && src != peer;
}

/**
 * conic_port_learn() - a valid frame came from @src: learn the peer's
 *	address if none is known
 * @port: the receiving port
 * @src: the frame's source address, 0 from a wire (nothing to learn)
 *
 * Only the port's rx work calls this, for a frame it did not drop.
 *
 * Context: process (the port's rx work).
 */
void conic_port_learn(struct conic_port *port, u64 src)
{
	if (src && !READ_ONCE(port->peer_mac))
		WRITE_ONCE(port->peer_mac, src);
}

static struct packet_type conic_eth_pt = {
	.type = cpu_to_be16(CONIC_ETH_P),
	.func = conic_eth_rcv,
};

/**
 * conic_eth_xmit() - send a frame over the port's Ethernet device
 * @port: the port
 * @dev: its device
 * @skb: the frame (conic head included); consumed
 *
 * Context: any, under rcu_read_lock().
 */
void conic_eth_xmit(struct conic_port *port, struct net_device *dev, struct sk_buff *skb)
{
	u8 dst[ETH_ALEN];

	/* The device would drop it without a word: count it here. */
	if (skb->len > READ_ONCE(dev->mtu)) {
		atomic64_inc(&port->stats.tx_dropped);
		kfree_skb(skb);
		return;
	}

	u64_to_ether_addr(READ_ONCE(port->peer_mac), dst);
	if (is_zero_ether_addr(dst))
		eth_broadcast_addr(dst);
	if (skb_cow_head(skb, LL_RESERVED_SPACE(dev))) {
		kfree_skb(skb);
		return;
	}
	skb->dev = dev;
	skb->protocol = cpu_to_be16(CONIC_ETH_P);
	skb_reset_network_header(skb);
	if (dev_hard_header(skb, dev, CONIC_ETH_P, dst, dev->dev_addr, skb->len) < 0) {
		kfree_skb(skb);
		return;
	}
	dev_queue_xmit(skb);
}

/**
 * conic_eth_deliver() - a frame arrives at the port from its Ethernet
 *	segment (the inject and sig_storm knobs)
 * @port: the port
 * @src: the frame's source address (ether_addr_to_u64())
 * @skb: the conic frame, head included, with LL_MAX_HEADER of headroom;
 *	consumed
 *
 * The frame gets an Ethernet header from @src to the device's address and
 * enters the device's receive path, where conic_eth_rcv() takes it as any
 * frame from the segment.
 *
 * Context: process.
 * Return: 0; -ENOTCONN (no Ethernet device); -ENOBUFS (the receive path
 * dropped it).
 */
int conic_eth_deliver(struct conic_port *port, u64 src, struct sk_buff *skb)
{
	struct net_device *dev;
	struct ethhdr *eth;
	int ret;

	rcu_read_lock();
	dev = rcu_dereference(port->netdev);
	if (!dev) {
		rcu_read_unlock();
		kfree_skb(skb);
		return -ENOTCONN;
	}
	eth = skb_push(skb, ETH_HLEN);
	ether_addr_copy(eth->h_dest, dev->dev_addr);
	u64_to_ether_addr(src, eth->h_source);
	eth->h_proto = cpu_to_be16(CONIC_ETH_P);
	skb->protocol = eth_type_trans(skb, dev);
	ret = netif_rx(skb);
	rcu_read_unlock();
	return ret == NET_RX_SUCCESS ? 0 : -ENOBUFS;
}

/**
 * conic_port_mtu() - the largest VC payload the port's link carries
 * @port: the port
 *
 * %CONIC_MTU on a back-to-back wire; over Ethernet, less if the device's
 * MTU leaves less room after the conic head.  A send larger than this
 * completes with -EMSGSIZE instead of being lost on the way.
 *
 * Context: any.
 * Return: bytes.
 */
unsigned int conic_port_mtu(struct conic_port *port)
{
	const int head = sizeof(struct conic_wire_hdr);
	unsigned int mtu = CONIC_MTU;
	struct net_device *dev;

	rcu_read_lock();
	dev = rcu_dereference(port->netdev);
	if (dev)
		mtu = min_t(unsigned int, mtu, max_t(int, READ_ONCE(dev->mtu) - head, 0));
	rcu_read_unlock();
	return mtu;
}

/**
 * conic_eth_link() - carry a port's link over a network device
 * @id: the port's number
 * @ifname: the device's name (initial network namespace)
 *
 * Context: process, conic_ports_lock held.
 * Return: 0, -ENOENT (no such port), -ENODEV (no such device), -EBUSY
 * (the port is linked, or another port uses the device), -EINVAL (not an
 * Ethernet device).
 */
int conic_eth_link(u32 id, const char *ifname)
{
	struct conic_port *port = conic_port_find(id);
	struct net_device *dev;

	if (!port)
		return -ENOENT;
	if (rcu_access_pointer(port->peer) || rcu_access_pointer(port->netdev))
		return -EBUSY;
	dev = netdev_get_by_name(&init_net, ifname, &port->dev_tracker, GFP_KERNEL);
	if (!dev)
		return -ENODEV;
	if (dev->type != ARPHRD_ETHER || conic_eth_port_of(dev)) {
		int err = dev->type != ARPHRD_ETHER ? -EINVAL : -EBUSY;

		netdev_put(dev, &port->dev_tracker);
		return err;
	}
	rcu_assign_pointer(port->netdev, dev);
	conic_port_link_eval(port);
	return 0;
}

/**
 * conic_eth_unlink() - stop using the port's network device
 * @port: the port
 *
 * Context: process, conic_ports_lock held.
 */
void conic_eth_unlink(struct conic_port *port)
{
	struct net_device *dev = rcu_dereference_protected(port->netdev,
							   lockdep_is_held(&conic_ports_lock));

	if (!dev)
		return;
	RCU_INIT_POINTER(port->netdev, NULL);
	synchronize_net();
	WRITE_ONCE(port->peer_mac, 0);	/* learned again on the next link */
	netdev_put(dev, &port->dev_tracker);
	conic_port_link_eval(port);
}

static int conic_eth_event(struct notifier_block *nb, unsigned long event, void *ptr)
{
	struct net_device *dev = netdev_notifier_info_to_dev(ptr);
	struct conic_port *port;

	switch (event) {
	case NETDEV_UNREGISTER:
		mutex_lock(&conic_ports_lock);
		port = conic_eth_port_of(dev);
		if (port)
			conic_eth_unlink(port);
		mutex_unlock(&conic_ports_lock);
		break;
	case NETDEV_UP:
	case NETDEV_DOWN:
	case NETDEV_CHANGE:
		rcu_read_lock();
		port = conic_eth_port_of(dev);
		if (port)
			conic_port_link_eval(port);
		rcu_read_unlock();
		break;
	}
	return NOTIFY_DONE;
}

static struct notifier_block conic_eth_nb = {
	.notifier_call = conic_eth_event,
};

/**
 * conic_eth_init() - receive conic frames from every Ethernet device
 *
 * Return: 0 or the notifier's error.
 */
int conic_eth_init(void)
{
	int err = register_netdevice_notifier(&conic_eth_nb);

	if (err)
		return err;
	dev_add_pack(&conic_eth_pt);
	return 0;
}

/**
 * conic_eth_exit() - undo conic_eth_init(); ports are gone by now
 */
void conic_eth_exit(void)
{
	dev_remove_pack(&conic_eth_pt);
	unregister_netdevice_notifier(&conic_eth_nb);
}
