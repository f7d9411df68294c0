/* SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause) */
/* Do not edit directly, auto-generated from: */
/*	Documentation/netlink/specs/conic.yaml */
/* YNL-GEN kernel header */

#ifndef _LINUX_CONIC_GEN_H
#define _LINUX_CONIC_GEN_H

#include <net/netlink.h>
#include <net/genetlink.h>

#include <uapi/linux/conic.h>

int conic_nl_pre_doit(const struct genl_split_ops *ops, struct sk_buff *skb,
		      struct genl_info *info);

int conic_nl_port_new_doit(struct sk_buff *skb, struct genl_info *info);
int conic_nl_port_del_doit(struct sk_buff *skb, struct genl_info *info);
int conic_nl_port_link_doit(struct sk_buff *skb, struct genl_info *info);
int conic_nl_port_unlink_doit(struct sk_buff *skb, struct genl_info *info);

extern struct genl_family conic_nl_family;

#endif /* _LINUX_CONIC_GEN_H */
