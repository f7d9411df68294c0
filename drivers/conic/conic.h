/* SPDX-License-Identifier: GPL-2.0 */
/*
 * conic: a connection-oriented NIC for condis.  Ports are created at run
 * time through /sys/bus/conic; a port's link is a back-to-back wire to
 * another port or an Ethernet device (EtherType 0x88B5).  A port runs as a
 * plain CO miniport (a call manager such as cocm binds to it) or as an MCM
 * whose call manager is a cosig engine.  Documentation/conic.rst.
 *
 * Locking:
 *  - conic_ports_lock (mutex) protects the port list and every link change
 *    (peer and netdev pointers are written under it, read under RCU).
 *  - conic_port.vc_lock (BH spinlock) protects the port's reservations and
 *    each of its VCs' channels and state; rx_vcis is an xarray with its own
 *    BH lock, read under RCU.
 *  - conic_port.fault_lock (BH spinlock) protects the fault knobs' state.
 */
#ifndef _CONIC_H
#define _CONIC_H

#include <linux/debugfs.h>
#include <linux/device.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <linux/workqueue.h>
#include <linux/xarray.h>
#include <net/conic.h>
#include <net/condis.h>

#include "../cosig/cosig.h"

#define CONIC_ETH_P		0x88B5	/* IEEE 802 local experimental */
#define CONIC_RXQ_MAX		4096	/* frames waiting for a port's rx work */
#define CONIC_DEFAULT_SPEED	125000000u	/* bytes per second (1 Gbit/s) */
#define CONIC_MTU		2048	/* largest VC payload */

extern struct workqueue_struct *conic_wq;
extern struct mutex conic_ports_lock;
extern struct list_head conic_ports;
extern struct dentry *conic_debugfs;
extern const struct bus_type conic_bus;
extern const struct condis_miniport_desc conic_plain_desc;
extern const struct condis_miniport_desc conic_mcm_desc;
extern struct condis_miniport *conic_plain_mp;
extern struct condis_miniport *conic_mcm_mp;

/**
 * struct conic_wire_hdr - the head of every frame on a conic link
 * @vci: the channel (0: signaling)
 * @len: payload bytes after this head
 */
struct conic_wire_hdr {
	__be16 vci;
	__be16 len;
} __packed;

/* Operations a port can be told to fail once (fault injection). */
enum conic_fault_op {
	CONIC_FAIL_NONE,
	CONIC_FAIL_CREATE_VC,
	CONIC_FAIL_ACTIVATE_VC,
	CONIC_FAIL_SEND,
	CONIC_FAIL_OID,
	CONIC_FAIL_MAX,
};

/**
 * struct conic_faults - a port's fault knobs (debugfs), on the signaling
 *	frames it sends
 * @drop_pct: percentage of frames dropped
 * @dup_pct: percentage sent twice
 * @reorder_pct: percentage held back 30 ms, so later ones overtake them
 * @delay_ms: every frame is held this long
 * @drop_next: the next this-many frames are dropped
 * @fail_op: the operation to fail once (enum conic_fault_op)
 * @fail_err: with this errno (negative)
 * @storm_seed: the seed of the frames sig_storm injects; 0 draws one,
 *	which is left here so that it can be read back
 * @storm_foreign_pct: percentage of them that come from a foreign address
 *	(on an Ethernet link)
 * @delayq: frames held back, release time in skb->cb
 * @delay_work: releases them
 */
struct conic_faults {
	u32 drop_pct;
	u32 dup_pct;
	u32 reorder_pct;
	u32 delay_ms;
	u32 drop_next;
	u32 fail_op;
	int fail_err;
	u64 storm_seed;
	u32 storm_foreign_pct;
	struct sk_buff_head delayq;
	struct delayed_work delay_work;
};

/**
 * struct conic_stats - a port's counters
 * @tx_frames: frames put on the link
 * @tx_dropped: frames lost on the way out (link down, no memory)
 * @rx_frames: frames taken off the link and looked at: each is counted
 *	in exactly one of @rx_bad, @rx_sig and @rx_data too
 * @rx_bad: frames with a bad head, arriving while the link is down, or
 *	for no active VC
 * @rx_sig: signaling frames handed to the port's engine (MCM)
 * @rx_data: frames indicated to condis on a VC (a plain port's signaling
 *	VC included)
 * @rx_overflow: frames dropped because the rx queue was full
 * @rx_foreign: frames from an address other than the learned peer's (or
 *	not a unicast one), dropped unread (Ethernet)
 * @sig_dropped: signaling frames the fault knobs dropped
 * @sig_duplicated: ... sent twice
 * @sig_delayed: ... held back (delay or reorder)
 * @injected: frames the inject and sig_storm knobs put in
 * @injected_foreign: of those, frames from an address other than the
 *	learned peer's
 * @inject_lost: of those, frames the device's receive path refused
 */
struct conic_stats {
	atomic64_t tx_frames, tx_dropped;
	atomic64_t rx_frames, rx_bad, rx_sig, rx_data, rx_overflow, rx_foreign;
	atomic64_t sig_dropped, sig_duplicated, sig_delayed;
	atomic64_t injected, injected_foreign, inject_lost;
};

/**
 * struct conic_rx_cb - what a received frame carries in skb->cb through
 *	the port's queue
 * @src: the Ethernet source address (ether_addr_to_u64()), 0 for a frame
 *	from a back-to-back wire
 */
struct conic_rx_cb {
	u64 src;
};

static inline struct conic_rx_cb *conic_rx_cb(struct sk_buff *skb)
{
	return (struct conic_rx_cb *)skb->cb;
}

/**
 * struct conic_port - one port: a condis adapter
 * @sig: the port's signaling engine in MCM mode, else NULL; first member,
 *	as cosig_cm_ops finds it through the adapter context
 * @dev: the port's device on the conic bus
 * @node: in conic_ports
 * @id: the number the user gave it
 * @mcm: MCM mode (signaling in the driver)
 * @name: "conic<id>", the adapter's name
 * @adapter: condis's handle
 * @cm_af: the AF the MCM registered
 * @peer: the other end of a back-to-back wire, or NULL (RCU)
 * @netdev: the Ethernet device carrying the link, or NULL (RCU)
 * @dev_tracker: for @netdev's reference
 * @peer_mac: the peer's Ethernet address, as ether_addr_to_u64() packs it
 *	(so a reader never sees half a change), 0 until learned: frames go
 *	there (broadcast until then) and are taken only from there.  Set by
 *	the port's rx work from the first valid frame (conic_port_learn()),
 *	cleared when the link goes down or the device is released (eth.c)
 * @admin_up: the "link" knob: 0 holds the link down
 * @link_up: the state last indicated
 * @link_work: indicates a change of link state
 * @dying: the port is being removed: no more frames in
 * @rxq: frames from the link
 * @rx_work: delivers them
 * @vc_lock: see conic.h
 * @rx_vcis: receive channel -> struct conic_vc (RCU readers)
 * @reserved: bytes per second reserved by active VCs
 * @link_speed: bytes per second the port can reserve
 * @fault_lock: see conic.h
 * @faults: the fault knobs
 * @stats: counters
 * @dfs: the port's debugfs directory
 */
struct conic_port {
	struct cosig *sig;
	struct device dev;
	struct list_head node;
	u32 id;
	bool mcm;
	char name[16];
	struct condis_adapter *adapter;
	struct condis_cm_af *cm_af;
	struct conic_port __rcu *peer;
	struct net_device __rcu *netdev;
	netdevice_tracker dev_tracker;
	u64 peer_mac;
	bool admin_up;
	bool link_up;
	struct work_struct link_work;
	bool dying;
	struct sk_buff_head rxq;
	struct work_struct rx_work;
	spinlock_t vc_lock;	/* reservations, VC channels and state */
	struct xarray rx_vcis;
	u64 reserved;
	u32 link_speed;
	spinlock_t fault_lock;	/* the fault knobs' state */
	struct conic_faults faults;
	struct conic_stats stats;
	struct dentry *dfs;
};

/**
 * struct conic_vc - the NIC's state for one VC
 * @port: its port
 * @vc: condis's handle
 * @active: activated: it sends, and receives on @vcis.rx_vci
 * @vcis: its channels
 * @reserved: bytes per second it reserved on the port
 * @tx_pkts: packets sent
 * @tx_bytes: bytes sent
 * @tx_err: packets that could not be sent
 * @rx_pkts: packets received
 * @rx_bytes: bytes received
 * @rcu: for freeing after readers are done
 */
struct conic_vc {
	struct conic_port *port;
	struct condis_vc *vc;
	bool active;
	struct conic_media_vcis vcis;
	u32 reserved;
	atomic64_t tx_pkts, tx_bytes, tx_err, rx_pkts, rx_bytes;
	struct rcu_head rcu;
};

/* bus.c */
int conic_bus_init(void);
void conic_bus_exit(void);

/* netlink.c */
int conic_netlink_init(void);
void conic_netlink_exit(void);

/* port.c */
int conic_port_new(u32 id, bool mcm);
int conic_port_del(u32 id);
void conic_port_del_all(void);
struct conic_port *conic_port_find(u32 id);
int conic_link_ports(u32 a, u32 b);
int conic_unlink_port(u32 id);
void conic_port_link_eval(struct conic_port *port);
void conic_port_xmit(struct conic_port *port, u16 vci, struct sk_buff *skb);
void conic_port_wire_out(struct conic_port *port, struct sk_buff *skb);
void conic_port_rx(struct conic_port *port, struct sk_buff *skb, u64 src);

/* eth.c */
int conic_eth_init(void);
void conic_eth_exit(void);
int conic_eth_link(u32 id, const char *ifname);
void conic_eth_unlink(struct conic_port *port);
void conic_eth_xmit(struct conic_port *port, struct net_device *dev, struct sk_buff *skb);
int conic_eth_deliver(struct conic_port *port, u64 src, struct sk_buff *skb);
bool conic_port_foreign(struct conic_port *port, u64 src);
void conic_port_learn(struct conic_port *port, u64 src);
unsigned int conic_port_mtu(struct conic_port *port);

/* vc.c: what a VC's media parameters ask for (conic_media_parse()) */
enum conic_media_ask {
	CONIC_ASK_OWN,		/* conic's channels (CONIC_MEDIA_VCIS) */
	CONIC_ASK_ATM,		/* ATM's: the VCI, both ways */
	CONIC_ASK_CHOOSE,	/* no part: conic chooses */
};

int conic_media_parse(const struct condis_media_params *media, struct conic_media_vcis *v);
struct conic_vc *conic_vc_alloc(struct conic_port *port, struct condis_vc *vc, gfp_t gfp);
void conic_vc_free(struct conic_vc *cvc);
int conic_vc_activate(struct conic_vc *cvc, struct condis_call_params *params);
void conic_vc_deactivate(struct conic_vc *cvc);
extern const struct cosig_carrier_ops conic_mcm_carrier;

/* datapath.c */
void conic_vc_send(struct conic_vc *cvc, struct sk_buff_head *skbs);
void conic_rx_work(struct work_struct *work);

/* oid.c */
int conic_oid_request(struct conic_port *port, struct conic_vc *cvc,
		      struct condis_oid_request *req);

/* fault.c */
int conic_fault_take(struct conic_port *port, enum conic_fault_op op);
void conic_fault_sig_out(struct conic_port *port, struct sk_buff *skb);
void conic_fault_init(struct conic_port *port);
void conic_fault_exit(struct conic_port *port);
void conic_debugfs_port(struct conic_port *port);

#endif /* _CONIC_H */
