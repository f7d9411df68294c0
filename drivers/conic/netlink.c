// SPDX-License-Identifier: GPL-2.0
/*
 * The port commands of the condis netlink family (port-new, port-del,
 * port-link, port-unlink), carried out by the same functions as the bus
 * files in /sys/bus/conic, with an extack message for every refusal.
 */
#include <linux/module.h>
#include <net/condis_netlink.h>

#include "conic.h"

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

static const struct condis_nl_port_ops conic_nl_port_ops = {
	.owner = THIS_MODULE,
	.port_new = conic_nl_port_new,
	.port_del = conic_nl_port_del,
	.port_link = conic_nl_port_link,
	.port_link_eth = conic_nl_port_link_eth,
	.port_unlink = conic_nl_port_unlink,
};

int conic_netlink_init(void)
{
	return condis_nl_register_port_ops(&conic_nl_port_ops);
}

void conic_netlink_exit(void)
{
	condis_nl_unregister_port_ops(&conic_nl_port_ops);
}
