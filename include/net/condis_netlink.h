/* SPDX-License-Identifier: GPL-2.0 */
/*
 * condis netlink, for drivers that register a generic netlink family of
 * their own about objects built on condis (conic's ports, coecho's calls):
 * condis objects are global, not per network namespace, so such a family
 * answers only in the initial namespace, as the core's does.  Call this
 * from the family's pre_doit and dump start hooks (the spec's "pre:").
 */
#ifndef _NET_CONDIS_NETLINK_H
#define _NET_CONDIS_NETLINK_H

struct net;
struct netlink_ext_ack;

int condis_nl_check_netns(struct net *net, struct netlink_ext_ack *extack);

#endif /* _NET_CONDIS_NETLINK_H */
