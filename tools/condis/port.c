// SPDX-License-Identifier: GPL-2.0
/*
 * condis tool: "condis port ...", the ports of the conic CO NIC, in the
 * conic family.
 *
 *   port add ID [mode plain|mcm]         port-new
 *   port del ID                          port-del
 *   port link ID peer ID2                port-link, back to back
 *   port link ID dev IFNAME              port-link, over Ethernet
 *   port unlink ID                       port-unlink
 *
 * The kernel checks the ranges (an ID is at most 65535); the tool checks
 * only that each ID is a number.
 */
#include <string.h>

#include <linux/genetlink.h>

#include "tool.h"

/* Longest string argument the tool sends; the kernel has its own limits. */
#define ARG_STR_MAX	1024

static int port_id(const char *what, const char *s, uint32_t *id)
{
	if (parse_u32(s, id))
		return usage_error("%s: bad port number '%s'", what, s);
	return 0;
}

static int port_add(struct cmd_ctx *c)
{
	struct nlmsghdr *nlh;
	uint32_t id, mode;
	bool has_mode = false;
	int i, ret;

	if (c->argc < 2)
		return usage_error("port add: which port?");
	ret = port_id(c->what, c->argv[1], &id);
	if (ret)
		return ret;
	for (i = 2; i < c->argc; i += 2) {
		if (strcmp(c->argv[i], "mode") || i + 1 >= c->argc)
			return usage_error("port add: unexpected '%s'", c->argv[i]);
		if (value_of(&port_mode_names, c->argv[i + 1], &mode))
			return usage_error("port add: mode is plain or mcm, not '%s'",
					   c->argv[i + 1]);
		has_mode = true;
	}
	if (nl_connect_to(c, CONIC_FAMILY_NAME))
		return EXIT_FAIL;
	nlh = nl_msg(&c->nl, c->nl.family, CONIC_CMD_PORT_NEW, 0);
	mnl_attr_put_u32(nlh, CONIC_A_PORT_ID, id);
	if (has_mode)
		mnl_attr_put_u32(nlh, CONIC_A_PORT_MODE, mode);
	return do_request(c, nlh, &port_attr_names);
}

/* "port del ID" and "port unlink ID". */
static int port_simple(struct cmd_ctx *c, uint8_t cmd)
{
	struct nlmsghdr *nlh;
	uint32_t id;
	int ret;

	if (c->argc != 2)
		return usage_error("%s: takes one port number", c->what);
	ret = port_id(c->what, c->argv[1], &id);
	if (ret)
		return ret;
	if (nl_connect_to(c, CONIC_FAMILY_NAME))
		return EXIT_FAIL;
	nlh = nl_msg(&c->nl, c->nl.family, cmd, 0);
	mnl_attr_put_u32(nlh, CONIC_A_PORT_ID, id);
	return do_request(c, nlh, &port_attr_names);
}

static int port_link(struct cmd_ctx *c)
{
	struct nlmsghdr *nlh;
	uint32_t id, peer = 0;
	const char *dev = NULL;
	int ret;

	if (c->argc != 4)
		return usage_error("port link: ID peer ID2, or ID dev IFNAME");
	ret = port_id(c->what, c->argv[1], &id);
	if (ret)
		return ret;
	if (!strcmp(c->argv[2], "peer")) {
		ret = port_id(c->what, c->argv[3], &peer);
		if (ret)
			return ret;
	} else if (!strcmp(c->argv[2], "dev")) {
		dev = c->argv[3];
		if (strlen(dev) > ARG_STR_MAX)
			return usage_error("port link: device name too long");
	} else {
		return usage_error("port link: peer or dev, not '%s'", c->argv[2]);
	}
	if (nl_connect_to(c, CONIC_FAMILY_NAME))
		return EXIT_FAIL;
	nlh = nl_msg(&c->nl, c->nl.family, CONIC_CMD_PORT_LINK, 0);
	mnl_attr_put_u32(nlh, CONIC_A_PORT_ID, id);
	if (dev)
		mnl_attr_put_strz(nlh, CONIC_A_PORT_IFNAME, dev);
	else
		mnl_attr_put_u32(nlh, CONIC_A_PORT_PEER, peer);
	return do_request(c, nlh, &port_attr_names);
}

/**
 * cmd_port() - condis port add|del|link|unlink ...
 * @c: the command
 *
 * Return: an exit status.
 */
int cmd_port(struct cmd_ctx *c)
{
	const char *sub = c->argc ? c->argv[0] : "";

	if (!strcmp(sub, "add") || !strcmp(sub, "new")) {
		c->what = "port add";
		return port_add(c);
	}
	if (!strcmp(sub, "del") || !strcmp(sub, "delete")) {
		c->what = "port del";
		return port_simple(c, CONIC_CMD_PORT_DEL);
	}
	if (!strcmp(sub, "link")) {
		c->what = "port link";
		return port_link(c);
	}
	if (!strcmp(sub, "unlink")) {
		c->what = "port unlink";
		return port_simple(c, CONIC_CMD_PORT_UNLINK);
	}
	if (!c->argc)
		return usage_error("port: add, del, link or unlink?");
	return usage_error("port: unknown subcommand '%s'", sub);
}
