// SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause)
/* Do not edit directly, auto-generated from: */
/*	Documentation/netlink/specs/coecho.yaml */
/* YNL-GEN kernel source */

#include <net/netlink.h>
#include <net/genetlink.h>

#include "genl.h"

#include <uapi/linux/coecho.h>

/* Integer value ranges */
static const struct netlink_range_validation coecho_a_client_count_range = {
	.min	= 1ULL,
	.max	= 100000ULL,
};

/* COECHO_CMD_LISTEN - do */
static const struct nla_policy coecho_listen_nl_policy[COECHO_A_CLIENT_SAP_NAME + 1] = {
	[COECHO_A_CLIENT_ADAPTER] = { .type = NLA_NUL_STRING, .len = 31, },
	[COECHO_A_CLIENT_SAP_NAME] = { .type = NLA_NUL_STRING, .len = COECHO_SAP_NAME_MAX, },
};

/* COECHO_CMD_UNLISTEN - do */
static const struct nla_policy coecho_unlisten_nl_policy[COECHO_A_CLIENT_SAP_NAME + 1] = {
	[COECHO_A_CLIENT_ADAPTER] = { .type = NLA_NUL_STRING, .len = 31, },
	[COECHO_A_CLIENT_SAP_NAME] = { .type = NLA_NUL_STRING, .len = COECHO_SAP_NAME_MAX, },
};

/* COECHO_CMD_CALL - do */
static const struct nla_policy coecho_call_nl_policy[COECHO_A_CLIENT_RATE + 1] = {
	[COECHO_A_CLIENT_CALL_ID] = NLA_POLICY_MIN(NLA_U32, 1),
	[COECHO_A_CLIENT_ADAPTER] = { .type = NLA_NUL_STRING, .len = 31, },
	[COECHO_A_CLIENT_SAP_NAME] = { .type = NLA_NUL_STRING, .len = COECHO_SAP_NAME_MAX, },
	[COECHO_A_CLIENT_RATE] = { .type = NLA_U32, },
};

/* COECHO_CMD_SEND - do */
static const struct nla_policy coecho_send_nl_policy[COECHO_A_CLIENT_SIZE + 1] = {
	[COECHO_A_CLIENT_CALL_ID] = NLA_POLICY_MIN(NLA_U32, 1),
	[COECHO_A_CLIENT_COUNT] = NLA_POLICY_FULL_RANGE(NLA_U32, &coecho_a_client_count_range),
	[COECHO_A_CLIENT_SIZE] = NLA_POLICY_RANGE(NLA_U32, 16, 1500),
};

/* COECHO_CMD_CLOSE - do */
static const struct nla_policy coecho_close_nl_policy[COECHO_A_CLIENT_CALL_ID + 1] = {
	[COECHO_A_CLIENT_CALL_ID] = NLA_POLICY_MIN(NLA_U32, 1),
};

/* Ops table for coecho */
static const struct genl_split_ops coecho_nl_ops[] = {
	{
		.cmd		= COECHO_CMD_LISTEN,
		.pre_doit	= coecho_nl_pre_doit,
		.doit		= coecho_nl_listen_doit,
		.policy		= coecho_listen_nl_policy,
		.maxattr	= COECHO_A_CLIENT_SAP_NAME,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= COECHO_CMD_UNLISTEN,
		.pre_doit	= coecho_nl_pre_doit,
		.doit		= coecho_nl_unlisten_doit,
		.policy		= coecho_unlisten_nl_policy,
		.maxattr	= COECHO_A_CLIENT_SAP_NAME,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= COECHO_CMD_CALL,
		.pre_doit	= coecho_nl_pre_doit,
		.doit		= coecho_nl_call_doit,
		.policy		= coecho_call_nl_policy,
		.maxattr	= COECHO_A_CLIENT_RATE,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= COECHO_CMD_SEND,
		.pre_doit	= coecho_nl_pre_doit,
		.doit		= coecho_nl_send_doit,
		.policy		= coecho_send_nl_policy,
		.maxattr	= COECHO_A_CLIENT_SIZE,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= COECHO_CMD_CLOSE,
		.pre_doit	= coecho_nl_pre_doit,
		.doit		= coecho_nl_close_doit,
		.policy		= coecho_close_nl_policy,
		.maxattr	= COECHO_A_CLIENT_CALL_ID,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd	= COECHO_CMD_CALL_GET,
		.start	= coecho_nl_pre_dumpit,
		.dumpit	= coecho_nl_call_get_dumpit,
		.flags	= GENL_CMD_CAP_DUMP,
	},
};

struct genl_family coecho_nl_family __ro_after_init = {
	.name		= COECHO_FAMILY_NAME,
	.version	= COECHO_FAMILY_VERSION,
	.netnsok	= true,
	.parallel_ops	= true,
	.module		= THIS_MODULE,
	.split_ops	= coecho_nl_ops,
	.n_split_ops	= ARRAY_SIZE(coecho_nl_ops),
};
