/* SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause) */
/* Do not edit directly, auto-generated from: */
/*	Documentation/netlink/specs/coecho.yaml */
/* YNL-GEN kernel header */

#ifndef _LINUX_COECHO_GEN_H
#define _LINUX_COECHO_GEN_H

#include <net/netlink.h>
#include <net/genetlink.h>

#include <uapi/linux/coecho.h>

int coecho_nl_pre_doit(const struct genl_split_ops *ops, struct sk_buff *skb,
		       struct genl_info *info);
int coecho_nl_pre_dumpit(struct netlink_callback *cb);

int coecho_nl_listen_doit(struct sk_buff *skb, struct genl_info *info);
int coecho_nl_unlisten_doit(struct sk_buff *skb, struct genl_info *info);
int coecho_nl_call_doit(struct sk_buff *skb, struct genl_info *info);
int coecho_nl_send_doit(struct sk_buff *skb, struct genl_info *info);
int coecho_nl_close_doit(struct sk_buff *skb, struct genl_info *info);
int coecho_nl_call_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb);

extern struct genl_family coecho_nl_family;

#endif /* _LINUX_COECHO_GEN_H */
