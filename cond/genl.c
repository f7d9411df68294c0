// SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause)
/* Do not edit directly, auto-generated from: */
/*	Documentation/netlink/specs/condis.yaml */
/* YNL-GEN kernel source */

#include <net/netlink.h>
#include <net/genetlink.h>

#include "genl.h"

#include <uapi/linux/condis.h>

/* Ops table for condis */
static const struct genl_split_ops condis_nl_ops[] = {
	{
		.cmd	= CONDIS_CMD_ADAPTER_GET,
		.start	= condis_nl_pre_dumpit,
		.dumpit	= condis_nl_adapter_get_dumpit,
		.flags	= GENL_CMD_CAP_DUMP,
	},
	{
		.cmd	= CONDIS_CMD_BINDING_GET,
		.start	= condis_nl_pre_dumpit,
		.dumpit	= condis_nl_binding_get_dumpit,
		.flags	= GENL_CMD_CAP_DUMP,
	},
	{
		.cmd	= CONDIS_CMD_AF_GET,
		.start	= condis_nl_pre_dumpit,
		.dumpit	= condis_nl_af_get_dumpit,
		.flags	= GENL_CMD_CAP_DUMP,
	},
	{
		.cmd	= CONDIS_CMD_SAP_GET,
		.start	= condis_nl_pre_dumpit,
		.dumpit	= condis_nl_sap_get_dumpit,
		.flags	= GENL_CMD_CAP_DUMP,
	},
	{
		.cmd	= CONDIS_CMD_VC_GET,
		.start	= condis_nl_pre_dumpit,
		.dumpit	= condis_nl_vc_get_dumpit,
		.flags	= GENL_CMD_CAP_DUMP,
	},
	{
		.cmd	= CONDIS_CMD_CALL_GET,
		.start	= condis_nl_pre_dumpit,
		.dumpit	= condis_nl_call_get_dumpit,
		.flags	= GENL_CMD_CAP_DUMP,
	},
	{
		.cmd	= CONDIS_CMD_PARTY_GET,
		.start	= condis_nl_pre_dumpit,
		.dumpit	= condis_nl_party_get_dumpit,
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
