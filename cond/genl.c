// SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause)
/* Do not edit directly, auto-generated from: */
/*	Documentation/netlink/specs/condis.yaml */
/* YNL-GEN kernel source */

#include <net/netlink.h>
#include <net/genetlink.h>

#include "genl.h"

#include <uapi/linux/condis.h>

/* Integer value ranges */
static const struct netlink_range_validation condis_a_port_id_range = {
	.max	= 65535ULL,
};

static const struct netlink_range_validation condis_a_port_peer_range = {
	.max	= 65535ULL,
};

static const struct netlink_range_validation condis_a_client_count_range = {
	.min	= 1ULL,
	.max	= 100000ULL,
};

/* CONDIS_CMD_PORT_NEW - do */
static const struct nla_policy condis_port_new_nl_policy[CONDIS_A_PORT_MODE + 1] = {
	[CONDIS_A_PORT_ID] = NLA_POLICY_FULL_RANGE(NLA_U32, &condis_a_port_id_range),
	[CONDIS_A_PORT_MODE] = NLA_POLICY_MAX(NLA_U32, 1),
};

/* CONDIS_CMD_PORT_DEL - do */
static const struct nla_policy condis_port_del_nl_policy[CONDIS_A_PORT_ID + 1] = {
	[CONDIS_A_PORT_ID] = NLA_POLICY_FULL_RANGE(NLA_U32, &condis_a_port_id_range),
};

/* CONDIS_CMD_PORT_LINK - do */
static const struct nla_policy condis_port_link_nl_policy[CONDIS_A_PORT_IFNAME + 1] = {
	[CONDIS_A_PORT_ID] = NLA_POLICY_FULL_RANGE(NLA_U32, &condis_a_port_id_range),
	[CONDIS_A_PORT_PEER] = NLA_POLICY_FULL_RANGE(NLA_U32, &condis_a_port_peer_range),
	[CONDIS_A_PORT_IFNAME] = { .type = NLA_NUL_STRING, .len = 15, },
};

/* CONDIS_CMD_PORT_UNLINK - do */
static const struct nla_policy condis_port_unlink_nl_policy[CONDIS_A_PORT_ID + 1] = {
	[CONDIS_A_PORT_ID] = NLA_POLICY_FULL_RANGE(NLA_U32, &condis_a_port_id_range),
};

/* CONDIS_CMD_CLIENT_LISTEN - do */
static const struct nla_policy condis_client_listen_nl_policy[CONDIS_A_CLIENT_SAP_NAME + 1] = {
	[CONDIS_A_CLIENT_ADAPTER] = { .type = NLA_NUL_STRING, .len = 31, },
	[CONDIS_A_CLIENT_SAP_NAME] = { .type = NLA_NUL_STRING, .len = CONDIS_CLIENT_SAP_NAME_MAX, },
};

/* CONDIS_CMD_CLIENT_UNLISTEN - do */
static const struct nla_policy condis_client_unlisten_nl_policy[CONDIS_A_CLIENT_SAP_NAME + 1] = {
	[CONDIS_A_CLIENT_ADAPTER] = { .type = NLA_NUL_STRING, .len = 31, },
	[CONDIS_A_CLIENT_SAP_NAME] = { .type = NLA_NUL_STRING, .len = CONDIS_CLIENT_SAP_NAME_MAX, },
};

/* CONDIS_CMD_CLIENT_CALL - do */
static const struct nla_policy condis_client_call_nl_policy[CONDIS_A_CLIENT_RATE + 1] = {
	[CONDIS_A_CLIENT_CALL_ID] = NLA_POLICY_MIN(NLA_U32, 1),
	[CONDIS_A_CLIENT_ADAPTER] = { .type = NLA_NUL_STRING, .len = 31, },
	[CONDIS_A_CLIENT_SAP_NAME] = { .type = NLA_NUL_STRING, .len = CONDIS_CLIENT_SAP_NAME_MAX, },
	[CONDIS_A_CLIENT_RATE] = { .type = NLA_U32, },
};

/* CONDIS_CMD_CLIENT_SEND - do */
static const struct nla_policy condis_client_send_nl_policy[CONDIS_A_CLIENT_SIZE + 1] = {
	[CONDIS_A_CLIENT_CALL_ID] = NLA_POLICY_MIN(NLA_U32, 1),
	[CONDIS_A_CLIENT_COUNT] = NLA_POLICY_FULL_RANGE(NLA_U32, &condis_a_client_count_range),
	[CONDIS_A_CLIENT_SIZE] = NLA_POLICY_RANGE(NLA_U32, 16, 1500),
};

/* CONDIS_CMD_CLIENT_CLOSE - do */
static const struct nla_policy condis_client_close_nl_policy[CONDIS_A_CLIENT_CALL_ID + 1] = {
	[CONDIS_A_CLIENT_CALL_ID] = NLA_POLICY_MIN(NLA_U32, 1),
};

/* Ops table for condis */
static const struct genl_split_ops condis_nl_ops[] = {
	{
		.cmd	= CONDIS_CMD_ADAPTER_GET,
		.dumpit	= condis_nl_adapter_get_dumpit,
		.flags	= GENL_CMD_CAP_DUMP,
	},
	{
		.cmd	= CONDIS_CMD_BINDING_GET,
		.dumpit	= condis_nl_binding_get_dumpit,
		.flags	= GENL_CMD_CAP_DUMP,
	},
	{
		.cmd	= CONDIS_CMD_AF_GET,
		.dumpit	= condis_nl_af_get_dumpit,
		.flags	= GENL_CMD_CAP_DUMP,
	},
	{
		.cmd	= CONDIS_CMD_SAP_GET,
		.dumpit	= condis_nl_sap_get_dumpit,
		.flags	= GENL_CMD_CAP_DUMP,
	},
	{
		.cmd	= CONDIS_CMD_VC_GET,
		.dumpit	= condis_nl_vc_get_dumpit,
		.flags	= GENL_CMD_CAP_DUMP,
	},
	{
		.cmd	= CONDIS_CMD_CALL_GET,
		.dumpit	= condis_nl_call_get_dumpit,
		.flags	= GENL_CMD_CAP_DUMP,
	},
	{
		.cmd	= CONDIS_CMD_PARTY_GET,
		.dumpit	= condis_nl_party_get_dumpit,
		.flags	= GENL_CMD_CAP_DUMP,
	},
	{
		.cmd		= CONDIS_CMD_PORT_NEW,
		.doit		= condis_nl_port_new_doit,
		.policy		= condis_port_new_nl_policy,
		.maxattr	= CONDIS_A_PORT_MODE,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= CONDIS_CMD_PORT_DEL,
		.doit		= condis_nl_port_del_doit,
		.policy		= condis_port_del_nl_policy,
		.maxattr	= CONDIS_A_PORT_ID,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= CONDIS_CMD_PORT_LINK,
		.doit		= condis_nl_port_link_doit,
		.policy		= condis_port_link_nl_policy,
		.maxattr	= CONDIS_A_PORT_IFNAME,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= CONDIS_CMD_PORT_UNLINK,
		.doit		= condis_nl_port_unlink_doit,
		.policy		= condis_port_unlink_nl_policy,
		.maxattr	= CONDIS_A_PORT_ID,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= CONDIS_CMD_CLIENT_LISTEN,
		.doit		= condis_nl_client_listen_doit,
		.policy		= condis_client_listen_nl_policy,
		.maxattr	= CONDIS_A_CLIENT_SAP_NAME,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= CONDIS_CMD_CLIENT_UNLISTEN,
		.doit		= condis_nl_client_unlisten_doit,
		.policy		= condis_client_unlisten_nl_policy,
		.maxattr	= CONDIS_A_CLIENT_SAP_NAME,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= CONDIS_CMD_CLIENT_CALL,
		.doit		= condis_nl_client_call_doit,
		.policy		= condis_client_call_nl_policy,
		.maxattr	= CONDIS_A_CLIENT_RATE,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= CONDIS_CMD_CLIENT_SEND,
		.doit		= condis_nl_client_send_doit,
		.policy		= condis_client_send_nl_policy,
		.maxattr	= CONDIS_A_CLIENT_SIZE,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= CONDIS_CMD_CLIENT_CLOSE,
		.doit		= condis_nl_client_close_doit,
		.policy		= condis_client_close_nl_policy,
		.maxattr	= CONDIS_A_CLIENT_CALL_ID,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd	= CONDIS_CMD_CLIENT_CALL_GET,
		.dumpit	= condis_nl_client_call_get_dumpit,
		.flags	= GENL_CMD_CAP_DUMP,
	},
};

static const struct genl_multicast_group condis_nl_mcgrps[] = {
	[CONDIS_NLGRP_MONITOR] = { "monitor", },
};

struct genl_family condis_nl_family __ro_after_init = {
	.name		= CONDIS_FAMILY_NAME,
	.version	= CONDIS_FAMILY_VERSION,
	.netnsok	= true,
	.parallel_ops	= true,
	.module		= THIS_MODULE,
	.split_ops	= condis_nl_ops,
	.n_split_ops	= ARRAY_SIZE(condis_nl_ops),
	.mcgrps		= condis_nl_mcgrps,
	.n_mcgrps	= ARRAY_SIZE(condis_nl_mcgrps),
};
