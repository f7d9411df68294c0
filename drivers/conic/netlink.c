// SPDX-License-Identifier: GPL-2.0
/*
 * The conic generic netlink family (Documentation/netlink/specs/conic.yaml,
 * generated into genl.[ch]): port-new, port-del, port-link, port-unlink,
 * carried out by the same functions as the bus files in /sys/bus/conic,
 * with an extack message for every refusal.  The module registers the
 * family when it loads and unregisters it before its ports go, so no
 * command runs while the module unloads.  Every command needs
 * CAP_NET_ADMIN (GENL_ADMIN_PERM) and, as the condis family, the initial
 * network namespace (conic_nl_pre_doit()).
 */
#include <linux/module.h>
#include <net/condis_netlink.h>
#include <net/genetlink.h>

#include "conic.h"
#include "genl.h"

static int conic_nl_port_new(u32 id, bool mcm, struct netlink_ext_ack *extack)
{
	int err;

	mutex_lock(&conic_ports_lock);
	err = conic_port_new(id, mcm);
	mutex_unlock(&conic_ports_lock);
	if (err == -EEXIST)
		NL_SET_ERR_MSG_FMT(extack, "port %u exists", id);
	return err;
}

static int conic_nl_port_del(u32 id, struct netlink_ext_ack *extack)
{
	int err;

	mutex_lock(&conic_ports_lock);
	err = conic_port_del(id);
	mutex_unlock(&conic_ports_lock);
	if (err == -ENOENT)
		NL_SET_ERR_MSG_FMT(extack, "no port %u", id);
	return err;
}

static int conic_nl_port_link(u32 id, u32 peer, struct netlink_ext_ack *extack)
{
	int err;

	mutex_lock(&conic_ports_lock);
	err = conic_link_ports(id, peer);
	mutex_unlock(&conic_ports_lock);
	if (err == -ENOENT)
		NL_SET_ERR_MSG_FMT(extack, "no port %u or no port %u", id, peer);
	else if (err == -EINVAL)
		NL_SET_ERR_MSG(extack, "a port cannot be linked to itself");
	else if (err == -EBUSY)
		NL_SET_ERR_MSG(extack, "one of the ports is linked already");
	return err;
}

static int conic_nl_port_link_eth(u32 id, const char *ifname, struct netlink_ext_ack *extack)
{
	int err;

	mutex_lock(&conic_ports_lock);
	err = conic_eth_link(id, ifname);
	mutex_unlock(&conic_ports_lock);
	if (err == -ENOENT)
		NL_SET_ERR_MSG_FMT(extack, "no port %u", id);
	else if (err == -ENODEV)
		NL_SET_ERR_MSG_FMT(extack, "no network device %s", ifname);
	else if (err == -EINVAL)
		NL_SET_ERR_MSG_FMT(extack, "%s is not an Ethernet device", ifname);
	else if (err == -EBUSY)
		NL_SET_ERR_MSG(extack, "the port, or a port on that device, is linked already");
	return err;
}

static int conic_nl_port_unlink(u32 id, struct netlink_ext_ack *extack)
{
	int err;

	mutex_lock(&conic_ports_lock);
	err = conic_unlink_port(id);
	mutex_unlock(&conic_ports_lock);
	if (err == -ENOENT)
		NL_SET_ERR_MSG_FMT(extack, "no port %u", id);
	else if (err == -ENOTCONN)
		NL_SET_ERR_MSG_FMT(extack, "port %u has no link", id);
	return err;
}

/**
 * conic_nl_pre_doit() - what every command of the family checks first
 * @ops: the command's ops
 * @skb: the request
 * @info: the request's attributes and extack
 *
 * Context: process, from genetlink.
 * Return: 0, or -EOPNOTSUPP outside the initial network namespace.
 */
int conic_nl_pre_doit(const struct genl_split_ops *ops, struct sk_buff *skb,
		      struct genl_info *info)
{
	return condis_nl_check_netns(genl_info_net(info), info->extack);
}

int conic_nl_port_new_doit(struct sk_buff *skb, struct genl_info *info)
{
	bool mcm = true;

	if (GENL_REQ_ATTR_CHECK(info, CONIC_A_PORT_ID))
		return -EINVAL;
	if (info->attrs[CONIC_A_PORT_MODE])
		mcm = nla_get_u32(info->attrs[CONIC_A_PORT_MODE]) == CONIC_PORT_MODE_MCM;
	return conic_nl_port_new(nla_get_u32(info->attrs[CONIC_A_PORT_ID]), mcm, info->extack);
}

int conic_nl_port_del_doit(struct sk_buff *skb, struct genl_info *info)
{
	if (GENL_REQ_ATTR_CHECK(info, CONIC_A_PORT_ID))
		return -EINVAL;
	return conic_nl_port_del(nla_get_u32(info->attrs[CONIC_A_PORT_ID]), info->extack);
}

int conic_nl_port_link_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *peer = info->attrs[CONIC_A_PORT_PEER];
	struct nlattr *ifname = info->attrs[CONIC_A_PORT_IFNAME];
	u32 id;

	if (GENL_REQ_ATTR_CHECK(info, CONIC_A_PORT_ID))
		return -EINVAL;
	if (!!peer == !!ifname) {
		NL_SET_ERR_MSG(info->extack, "give exactly one of peer and ifname");
		return -EINVAL;
	}
	/* The policy makes it a NUL-terminated string, so never 0 bytes long. */
	if (ifname && !*(const char *)nla_data(ifname)) {
		NL_SET_ERR_MSG_ATTR(info->extack, ifname, "empty device name");
		return -EINVAL;
	}
	id = nla_get_u32(info->attrs[CONIC_A_PORT_ID]);
	if (peer)
		return conic_nl_port_link(id, nla_get_u32(peer), info->extack);
	return conic_nl_port_link_eth(id, nla_data(ifname), info->extack);
}

int conic_nl_port_unlink_doit(struct sk_buff *skb, struct genl_info *info)
{
	if (GENL_REQ_ATTR_CHECK(info, CONIC_A_PORT_ID))
		return -EINVAL;
	return conic_nl_port_unlink(nla_get_u32(info->attrs[CONIC_A_PORT_ID]), info->extack);
}

int conic_netlink_init(void)
{
	return genl_register_family(&conic_nl_family);
}

void conic_netlink_exit(void)
{
	genl_unregister_family(&conic_nl_family);
}
