// SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause)
/* Do not edit directly, auto-generated from: */
/*	Documentation/netlink/specs/conic.yaml */
/* YNL-GEN kernel source */

#include <net/netlink.h>
#include <net/genetlink.h>

#include "genl.h"

#include <uapi/linux/conic.h>

/* Integer value ranges */
static const struct netlink_range_validation conic_a_port_id_range = {
	.max	= 65535ULL,
};

static const struct netlink_range_validation conic_a_port_peer_range = {
	.max	= 65535ULL,
};

/* CONIC_CMD_PORT_NEW - do */
static const struct nla_policy conic_port_new_nl_policy[CONIC_A_PORT_MODE + 1] = {
	[CONIC_A_PORT_ID] = NLA_POLICY_FULL_RANGE(NLA_U32, &conic_a_port_id_range),
	[CONIC_A_PORT_MODE] = NLA_POLICY_MAX(NLA_U32, 1),
};

/* CONIC_CMD_PORT_DEL - do */
static const struct nla_policy conic_port_del_nl_policy[CONIC_A_PORT_ID + 1] = {
	[CONIC_A_PORT_ID] = NLA_POLICY_FULL_RANGE(NLA_U32, &conic_a_port_id_range),
};

/* CONIC_CMD_PORT_LINK - do */
static const struct nla_policy conic_port_link_nl_policy[CONIC_A_PORT_IFNAME + 1] = {
	[CONIC_A_PORT_ID] = NLA_POLICY_FULL_RANGE(NLA_U32, &conic_a_port_id_range),
	[CONIC_A_PORT_PEER] = NLA_POLICY_FULL_RANGE(NLA_U32, &conic_a_port_peer_range),
	[CONIC_A_PORT_IFNAME] = { .type = NLA_NUL_STRING, .len = 15, },
};

/* CONIC_CMD_PORT_UNLINK - do */
static const struct nla_policy conic_port_unlink_nl_policy[CONIC_A_PORT_ID + 1] = {
	[CONIC_A_PORT_ID] = NLA_POLICY_FULL_RANGE(NLA_U32, &conic_a_port_id_range),
};

/* Ops table for conic */
static const struct genl_split_ops conic_nl_ops[] = {
	{
		.cmd		= CONIC_CMD_PORT_NEW,
		.pre_doit	= conic_nl_pre_doit,
		.doit		= conic_nl_port_new_doit,
		.policy		= conic_port_new_nl_policy,
		.maxattr	= CONIC_A_PORT_MODE,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= CONIC_CMD_PORT_DEL,
		.pre_doit	= conic_nl_pre_doit,
		.doit		= conic_nl_port_del_doit,
		.policy		= conic_port_del_nl_policy,
		.maxattr	= CONIC_A_PORT_ID,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= CONIC_CMD_PORT_LINK,
		.pre_doit	= conic_nl_pre_doit,
		.doit		= conic_nl_port_link_doit,
		.policy		= conic_port_link_nl_policy,
		.maxattr	= CONIC_A_PORT_IFNAME,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= CONIC_CMD_PORT_UNLINK,
		.pre_doit	= conic_nl_pre_doit,
		.doit		= conic_nl_port_unlink_doit,
		.policy		= conic_port_unlink_nl_policy,
		.maxattr	= CONIC_A_PORT_ID,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
};

struct genl_family conic_nl_family __ro_after_init = {
	.name		= CONIC_FAMILY_NAME,
	.version	= CONIC_FAMILY_VERSION,
	.netnsok	= true,
	.parallel_ops	= true,
	.module		= THIS_MODULE,
	.split_ops	= conic_nl_ops,
	.n_split_ops	= ARRAY_SIZE(conic_nl_ops),
};
