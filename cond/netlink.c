// SPDX-License-Identifier: GPL-2.0
/*
 * The condis generic netlink family: registration and the namespace check.
 * The family speaks of the core's objects only; the policies and the op
 * table are generated from Documentation/netlink/specs/condis.yaml into
 * genl.c, the dumps are in netlink_dump.c and the monitor events in
 * notify.c.  Drivers built on condis register families of their own and
 * use condis_nl_check_netns() in their pre hooks.
 *
 * condis objects are global, not per network namespace, so the family
 * answers only in the initial namespace.
 */
#include <linux/module.h>
#include <net/condis_netlink.h>
#include <net/genetlink.h>
#include <net/net_namespace.h>
#include <net/sock.h>

#include "core.h"
#include "genl.h"
#include "netlink.h"

/**
 * condis_nl_check_netns() - refuse a request from outside the initial netns
 * @net: the requester's network namespace
 * @extack: for the message
 *
 * condis objects are global, so every family about them (the core's, and
 * those of drivers built on it) answers only in the initial namespace.
 *
 * Context: any.
 * Return: 0 or -EOPNOTSUPP.
 */
int condis_nl_check_netns(struct net *net, struct netlink_ext_ack *extack)
{
	if (net_eq(net, &init_net))
		return 0;
	NL_SET_ERR_MSG(extack, "condis objects are visible only in the initial network namespace");
	return -EOPNOTSUPP;
}
EXPORT_SYMBOL_NS_GPL(condis_nl_check_netns, CONDIS);

/**
 * condis_nl_pre_dumpit() - the start of every dump of the family
 * @cb: the dump
 *
 * Context: process, from genetlink.
 * Return: 0, or -EOPNOTSUPP outside the initial network namespace.
 */
int condis_nl_pre_dumpit(struct netlink_callback *cb)
{
	return condis_nl_check_netns(sock_net(cb->skb->sk), cb->extack);
}

int condis_netlink_init(void)
{
	return genl_register_family(&condis_nl_family);
}

void condis_netlink_uninit(void)
{
	genl_unregister_family(&condis_nl_family);
}
