/* SPDX-License-Identifier: GPL-2.0 */
/*
 * condis netlink: the commands of the condis generic netlink family that
 * other modules carry out.  The family (Documentation/netlink/condis.rst)
 * lives in condis.ko; the CO NIC driver (conic) provides the port commands
 * and the sample client (coecho) the client commands.  A provider registers
 * its ops when it loads and unregisters them before it unloads; until then
 * the family answers those commands with -EOPNOTSUPP and an extack message
 * naming the missing module.
 *
 * The core takes a reference on @owner around every call, so a provider's
 * ops never run after its module's exit has started.  The ops run in
 * process context with no condis lock held (they may sleep and may call
 * any condis function); the caller holds CAP_NET_ADMIN and the attributes
 * have been validated against the family's policy.  Each op returns 0 or a
 * negative errno, and sets an extack message for anything it refuses.
 */
#ifndef _NET_CONDIS_NETLINK_H
#define _NET_CONDIS_NETLINK_H

#include <linux/netlink.h>
#include <linux/types.h>

struct module;
struct netlink_callback;
struct sk_buff;

/**
 * struct condis_nl_port_ops - the port commands, provided by a CO NIC driver
 * @owner: the providing module
 * @port_new: create port @id, an MCM if @mcm, else a plain CO miniport
 * @port_del: remove port @id and everything on it
 * @port_link: join port @id back to back with port @peer
 * @port_link_eth: carry port @id's link over the Ethernet device @ifname
 * @port_unlink: take port @id's link away
 */
struct condis_nl_port_ops {
	struct module *owner;
	int (*port_new)(u32 id, bool mcm, struct netlink_ext_ack *extack);
	int (*port_del)(u32 id, struct netlink_ext_ack *extack);
	int (*port_link)(u32 id, u32 peer, struct netlink_ext_ack *extack);
	int (*port_link_eth)(u32 id, const char *ifname, struct netlink_ext_ack *extack);
	int (*port_unlink)(u32 id, struct netlink_ext_ack *extack);
};

/**
 * struct condis_nl_client_ops - the client commands, provided by a client
 * @owner: the providing module
 * @listen: register a SAP named @name on adapter @adapter
 * @unlisten: deregister that SAP
 * @call: place call @id to the SAP @name through adapter @adapter, asking
 *	for @rate bytes/s each way (0: unspecified)
 * @send: send @count packets of @size bytes on call @id
 * @close: close call @id
 * @dump_calls: fill a CONDIS_CMD_CLIENT_CALL_GET dump: one message per
 *	call with the attributes of the "client" set, resuming from the
 *	position the op keeps in @cb->ctx; returns as a genetlink dumpit does
 */
struct condis_nl_client_ops {
	struct module *owner;
	int (*listen)(const char *adapter, const char *name, struct netlink_ext_ack *extack);
	int (*unlisten)(const char *adapter, const char *name, struct netlink_ext_ack *extack);
	int (*call)(u32 id, const char *adapter, const char *name, u32 rate,
		    struct netlink_ext_ack *extack);
	int (*send)(u32 id, u32 count, u32 size, struct netlink_ext_ack *extack);
	int (*close)(u32 id, struct netlink_ext_ack *extack);
	int (*dump_calls)(struct sk_buff *skb, struct netlink_callback *cb);
};

int condis_nl_register_port_ops(const struct condis_nl_port_ops *ops);
void condis_nl_unregister_port_ops(const struct condis_nl_port_ops *ops);
int condis_nl_register_client_ops(const struct condis_nl_client_ops *ops);
void condis_nl_unregister_client_ops(const struct condis_nl_client_ops *ops);

#endif /* _NET_CONDIS_NETLINK_H */
