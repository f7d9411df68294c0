/* SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause) */
/* Do not edit directly, auto-generated from: */
/*	Documentation/netlink/specs/condis.yaml */
/* YNL-GEN kernel header */

#ifndef _LINUX_CONDIS_GEN_H
#define _LINUX_CONDIS_GEN_H

#include <net/netlink.h>
#include <net/genetlink.h>

#include <uapi/linux/condis.h>

int condis_nl_pre_dumpit(struct netlink_callback *cb);

int condis_nl_adapter_get_dumpit(struct sk_buff *skb,
				 struct netlink_callback *cb);
int condis_nl_binding_get_dumpit(struct sk_buff *skb,
				 struct netlink_callback *cb);
int condis_nl_af_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb);
int condis_nl_sap_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb);
int condis_nl_vc_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb);
int condis_nl_call_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb);
int condis_nl_party_get_dumpit(struct sk_buff *skb,
			       struct netlink_callback *cb);

enum {
	CONDIS_NLGRP_MONITOR,
};

extern struct genl_family condis_nl_family;

#endif /* _LINUX_CONDIS_GEN_H */
