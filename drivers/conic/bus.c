// SPDX-License-Identifier: GPL-2.0
/*
 * The conic bus: ports are created, linked and removed by writing to
 * /sys/bus/conic/{new_port,del_port,link_ports,unlink_port,link_eth}.
 * Each port appears as /sys/bus/conic/devices/conic<id>.
 */
#include <linux/device.h>
#include <linux/string.h>

#include "conic.h"

static ssize_t new_port_store(const struct bus_type *bus, const char *buf, size_t count)
{
	char mode[8] = "mcm";
	u32 id;
	int err;

	if (sscanf(buf, "%u %7s", &id, mode) < 1 ||
	    (strcmp(mode, "mcm") && strcmp(mode, "plain"))) {
		pr_warn("new_port: expected \"ID [mcm|plain]\"\n");
		return -EINVAL;
	}
	mutex_lock(&conic_ports_lock);
	err = conic_port_new(id, !strcmp(mode, "mcm"));
	mutex_unlock(&conic_ports_lock);
	return err ?: count;
}
static BUS_ATTR_WO(new_port);

static ssize_t del_port_store(const struct bus_type *bus, const char *buf, size_t count)
{
	u32 id;
	int err;

	if (kstrtou32(buf, 0, &id)) {
		pr_warn("del_port: expected \"ID\"\n");
		return -EINVAL;
	}
	mutex_lock(&conic_ports_lock);
	err = conic_port_del(id);
	mutex_unlock(&conic_ports_lock);
	return err ?: count;
}
static BUS_ATTR_WO(del_port);

static ssize_t link_ports_store(const struct bus_type *bus, const char *buf, size_t count)
{
	u32 a, b;
	int err;

	if (sscanf(buf, "%u %u", &a, &b) != 2) {
		pr_warn("link_ports: expected \"ID ID\"\n");
		return -EINVAL;
	}
	mutex_lock(&conic_ports_lock);
	err = conic_link_ports(a, b);
	mutex_unlock(&conic_ports_lock);
	return err ?: count;
}
static BUS_ATTR_WO(link_ports);

static ssize_t unlink_port_store(const struct bus_type *bus, const char *buf, size_t count)
{
	u32 id;
	int err;

	if (kstrtou32(buf, 0, &id)) {
		pr_warn("unlink_port: expected \"ID\"\n");
		return -EINVAL;
	}
	mutex_lock(&conic_ports_lock);
	err = conic_unlink_port(id);
	mutex_unlock(&conic_ports_lock);
	return err ?: count;
}
static BUS_ATTR_WO(unlink_port);

static ssize_t link_eth_store(const struct bus_type *bus, const char *buf, size_t count)
{
	char ifname[IFNAMSIZ];
	u32 id;
	int err;

	if (sscanf(buf, "%u %15s", &id, ifname) != 2) {
		pr_warn("link_eth: expected \"ID IFNAME\"\n");
		return -EINVAL;
	}
	mutex_lock(&conic_ports_lock);
	err = conic_eth_link(id, ifname);
	mutex_unlock(&conic_ports_lock);
	return err ?: count;
}
static BUS_ATTR_WO(link_eth);

static struct attribute *conic_bus_attrs[] = {
	&bus_attr_new_port.attr,
	&bus_attr_del_port.attr,
	&bus_attr_link_ports.attr,
	&bus_attr_unlink_port.attr,
	&bus_attr_link_eth.attr,
	NULL,
};
ATTRIBUTE_GROUPS(conic_bus);

const struct bus_type conic_bus = {
	.name = "conic",
	.bus_groups = conic_bus_groups,
};

/**
 * conic_bus_init() - register the bus and its control files
 *
 * Return: 0 or the driver core's error.
 */
int conic_bus_init(void)
{
	return bus_register(&conic_bus);
}

/**
 * conic_bus_exit() - unregister the bus; every port is gone
 */
void conic_bus_exit(void)
{
	bus_unregister(&conic_bus);
}
