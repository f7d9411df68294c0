// SPDX-License-Identifier: GPL-2.0
/*
 * The condis generic netlink family: registration, and the commands other
 * modules carry out (ports by the CO NIC driver, client commands by the
 * sample client).  The policies and the op table are generated from
 * Documentation/netlink/specs/condis.yaml into genl.c; the dumps are in
 * netlink_dump.c and the monitor events in notify.c.
 *
 * condis objects are global, not per network namespace, so the family
 * answers only in the initial namespace, and the commands that change
 * state need CAP_NET_ADMIN in the initial user namespace (GENL_ADMIN_PERM).
 */
#include <linux/module.h>
#include <linux/mutex.h>
#include <net/condis_netlink.h>
#include <net/genetlink.h>
#include <net/net_namespace.h>
#include <net/sock.h>

#include "core.h"
#include "genl.h"
#include "netlink.h"

/* Protects the two provider pointers; held only to read or change them. */
static DEFINE_MUTEX(condis_nl_providers_lock);
static const struct condis_nl_port_ops *condis_nl_port_ops;
static const struct condis_nl_client_ops *condis_nl_client_ops;

static int condis_nl_register(const void **slot, const void *ops, struct module *owner)
{
	int err = 0;

	if (!ops || !owner)
		return -EINVAL;
	mutex_lock(&condis_nl_providers_lock);
	if (*slot)
		err = -EBUSY;
	else
		*slot = ops;
	mutex_unlock(&condis_nl_providers_lock);
	return err;
}

static void condis_nl_unregister(const void **slot, const void *ops)
{
	mutex_lock(&condis_nl_providers_lock);
	if (*slot == ops)
		*slot = NULL;
	else
		pr_warn("%ps: unregistering netlink ops that are not registered\n",
			__builtin_return_address(0));
	mutex_unlock(&condis_nl_providers_lock);
}

/**
 * condis_nl_register_port_ops() - provide the port commands
 * @ops: the provider's ops; they stay in use until unregistered
 *
 * Context: process.  Takes and releases the providers mutex.
 * Return: 0, -EINVAL for NULL @ops or owner, or -EBUSY if another module
 * provides them already.
 */
int condis_nl_register_port_ops(const struct condis_nl_port_ops *ops)
{
	return condis_nl_register((const void **)&condis_nl_port_ops, ops, ops ? ops->owner : NULL);
}
EXPORT_SYMBOL_NS_GPL(condis_nl_register_port_ops, CONDIS);

/**
 * condis_nl_unregister_port_ops() - stop providing the port commands
 * @ops: what condis_nl_register_port_ops() was given
 *
 * Commands already running finish on their own (they hold a reference on
 * the provider's module, so this is called from its exit only after they
 * are done); later ones get -EOPNOTSUPP.
 *
 * Context: process.  Takes and releases the providers mutex.
 */
void condis_nl_unregister_port_ops(const struct condis_nl_port_ops *ops)
{
	condis_nl_unregister((const void **)&condis_nl_port_ops, ops);
}
EXPORT_SYMBOL_NS_GPL(condis_nl_unregister_port_ops, CONDIS);

/**
 * condis_nl_register_client_ops() - provide the client commands
 * @ops: the provider's ops; they stay in use until unregistered
 *
 * Context: process.  Takes and releases the providers mutex.
 * Return: 0, -EINVAL for NULL @ops or owner, or -EBUSY if another module
 * provides them already.
 */
int condis_nl_register_client_ops(const struct condis_nl_client_ops *ops)
{
	return condis_nl_register((const void **)&condis_nl_client_ops, ops,
				  ops ? ops->owner : NULL);
}
EXPORT_SYMBOL_NS_GPL(condis_nl_register_client_ops, CONDIS);

/**
 * condis_nl_unregister_client_ops() - stop providing the client commands
 * @ops: what condis_nl_register_client_ops() was given
 *
 * Context: process.  Takes and releases the providers mutex.
 */
void condis_nl_unregister_client_ops(const struct condis_nl_client_ops *ops)
{
	condis_nl_unregister((const void **)&condis_nl_client_ops, ops);
}
EXPORT_SYMBOL_NS_GPL(condis_nl_unregister_client_ops, CONDIS);

/*
 * The provider in @slot with a reference on its module, or NULL (and an
 * extack message) if none is loaded.  The caller drops the reference with
 * module_put(ops->owner).
 */
static const void *condis_nl_provider_get(const void **slot, const char *module,
					  struct netlink_ext_ack *extack)
{
	const struct condis_nl_port_ops *ops;	/* owner is first in both */

	BUILD_BUG_ON(offsetof(struct condis_nl_port_ops, owner) !=
		     offsetof(struct condis_nl_client_ops, owner));
	mutex_lock(&condis_nl_providers_lock);
	ops = *slot;
	if (ops && !try_module_get(ops->owner))
		ops = NULL;
	mutex_unlock(&condis_nl_providers_lock);
	if (!ops)
		NL_SET_ERR_MSG_FMT(extack, "the %s module is not loaded", module);
	return ops;
}

static const struct condis_nl_port_ops *port_ops_get(struct netlink_ext_ack *extack)
{
	return condis_nl_provider_get((const void **)&condis_nl_port_ops, "conic", extack);
}

static const struct condis_nl_client_ops *client_ops_get(struct netlink_ext_ack *extack)
{
	return condis_nl_provider_get((const void **)&condis_nl_client_ops, "coecho", extack);
}

/**
 * condis_nl_check_netns() - refuse a request from outside the initial netns
 * @net: the requester's network namespace
 * @extack: for the message
 *
 * Context: any.
 * Return: 0 or -EOPNOTSUPP.
 */
int condis_nl_check_netns(struct net *net, struct netlink_ext_ack *extack)
{
	if (net_eq(net, &init_net))
		return 0;
	NL_SET_ERR_MSG(extack, "condis objects are visible only in the initial network namespace");
	return -EOPNOTSUPP;
}

int condis_nl_port_new_doit(struct sk_buff *skb, struct genl_info *info)
{
	const struct condis_nl_port_ops *ops;
	bool mcm = true;
	int err;

	err = condis_nl_check_netns(genl_info_net(info), info->extack);
	if (err)
		return err;
	if (GENL_REQ_ATTR_CHECK(info, CONDIS_A_PORT_ID))
		return -EINVAL;
	if (info->attrs[CONDIS_A_PORT_MODE])
		mcm = nla_get_u32(info->attrs[CONDIS_A_PORT_MODE]) == CONDIS_PORT_MODE_MCM;
	ops = port_ops_get(info->extack);
	if (!ops)
		return -EOPNOTSUPP;
	err = ops->port_new(nla_get_u32(info->attrs[CONDIS_A_PORT_ID]), mcm, info->extack);
	module_put(ops->owner);
	return err;
}

int condis_nl_port_del_doit(struct sk_buff *skb, struct genl_info *info)
{
	const struct condis_nl_port_ops *ops;
	int err;

	err = condis_nl_check_netns(genl_info_net(info), info->extack);
	if (err)
		return err;
	if (GENL_REQ_ATTR_CHECK(info, CONDIS_A_PORT_ID))
		return -EINVAL;
	ops = port_ops_get(info->extack);
	if (!ops)
		return -EOPNOTSUPP;
	err = ops->port_del(nla_get_u32(info->attrs[CONDIS_A_PORT_ID]), info->extack);
	module_put(ops->owner);
	return err;
}

int condis_nl_port_link_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *peer = info->attrs[CONDIS_A_PORT_PEER];
	struct nlattr *ifname = info->attrs[CONDIS_A_PORT_IFNAME];
	const struct condis_nl_port_ops *ops;
	u32 id;
	int err;

	err = condis_nl_check_netns(genl_info_net(info), info->extack);
	if (err)
		return err;
	if (GENL_REQ_ATTR_CHECK(info, CONDIS_A_PORT_ID))
		return -EINVAL;
	if (!!peer == !!ifname) {
		NL_SET_ERR_MSG(info->extack, "give exactly one of peer and ifname");
		return -EINVAL;
	}
	if (ifname && !nla_len(ifname)) {
		NL_SET_ERR_MSG_ATTR(info->extack, ifname, "empty device name");
		return -EINVAL;
	}
	id = nla_get_u32(info->attrs[CONDIS_A_PORT_ID]);
	ops = port_ops_get(info->extack);
	if (!ops)
		return -EOPNOTSUPP;
	if (peer)
		err = ops->port_link(id, nla_get_u32(peer), info->extack);
	else
		err = ops->port_link_eth(id, nla_data(ifname), info->extack);
	module_put(ops->owner);
	return err;
}

int condis_nl_port_unlink_doit(struct sk_buff *skb, struct genl_info *info)
{
	const struct condis_nl_port_ops *ops;
	int err;

	err = condis_nl_check_netns(genl_info_net(info), info->extack);
	if (err)
		return err;
	if (GENL_REQ_ATTR_CHECK(info, CONDIS_A_PORT_ID))
		return -EINVAL;
	ops = port_ops_get(info->extack);
	if (!ops)
		return -EOPNOTSUPP;
	err = ops->port_unlink(nla_get_u32(info->attrs[CONDIS_A_PORT_ID]), info->extack);
	module_put(ops->owner);
	return err;
}

/*
 * The adapter and SAP name of a listen or unlisten; the policy has bounded
 * and NUL-terminated both.
 */
static int client_sap_attrs(struct genl_info *info, const char **adapter, const char **name)
{
	int err;

	err = condis_nl_check_netns(genl_info_net(info), info->extack);
	if (err)
		return err;
	if (GENL_REQ_ATTR_CHECK(info, CONDIS_A_CLIENT_ADAPTER) ||
	    GENL_REQ_ATTR_CHECK(info, CONDIS_A_CLIENT_SAP_NAME))
		return -EINVAL;
	*adapter = nla_data(info->attrs[CONDIS_A_CLIENT_ADAPTER]);
	*name = nla_data(info->attrs[CONDIS_A_CLIENT_SAP_NAME]);
	return 0;
}

int condis_nl_client_listen_doit(struct sk_buff *skb, struct genl_info *info)
{
	const struct condis_nl_client_ops *ops;
	const char *adapter, *name;
	int err;

	err = client_sap_attrs(info, &adapter, &name);
	if (err)
		return err;
	ops = client_ops_get(info->extack);
	if (!ops)
		return -EOPNOTSUPP;
	err = ops->listen(adapter, name, info->extack);
	module_put(ops->owner);
	return err;
}

int condis_nl_client_unlisten_doit(struct sk_buff *skb, struct genl_info *info)
{
	const struct condis_nl_client_ops *ops;
	const char *adapter, *name;
	int err;

	err = client_sap_attrs(info, &adapter, &name);
	if (err)
		return err;
	ops = client_ops_get(info->extack);
	if (!ops)
		return -EOPNOTSUPP;
	err = ops->unlisten(adapter, name, info->extack);
	module_put(ops->owner);
	return err;
}

int condis_nl_client_call_doit(struct sk_buff *skb, struct genl_info *info)
{
	const struct condis_nl_client_ops *ops;
	const char *adapter, *name;
	u32 rate = 0;
	int err;

	err = client_sap_attrs(info, &adapter, &name);
	if (err)
		return err;
	if (GENL_REQ_ATTR_CHECK(info, CONDIS_A_CLIENT_CALL_ID))
		return -EINVAL;
	if (!*name) {
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[CONDIS_A_CLIENT_SAP_NAME],
				    "a call needs the called SAP's name");
		return -EINVAL;
	}
	if (info->attrs[CONDIS_A_CLIENT_RATE])
		rate = nla_get_u32(info->attrs[CONDIS_A_CLIENT_RATE]);
	ops = client_ops_get(info->extack);
	if (!ops)
		return -EOPNOTSUPP;
	err = ops->call(nla_get_u32(info->attrs[CONDIS_A_CLIENT_CALL_ID]), adapter, name, rate,
			info->extack);
	module_put(ops->owner);
	return err;
}

int condis_nl_client_send_doit(struct sk_buff *skb, struct genl_info *info)
{
	const struct condis_nl_client_ops *ops;
	int err;

	err = condis_nl_check_netns(genl_info_net(info), info->extack);
	if (err)
		return err;
	if (GENL_REQ_ATTR_CHECK(info, CONDIS_A_CLIENT_CALL_ID) ||
	    GENL_REQ_ATTR_CHECK(info, CONDIS_A_CLIENT_COUNT) ||
	    GENL_REQ_ATTR_CHECK(info, CONDIS_A_CLIENT_SIZE))
		return -EINVAL;
	ops = client_ops_get(info->extack);
	if (!ops)
		return -EOPNOTSUPP;
	err = ops->send(nla_get_u32(info->attrs[CONDIS_A_CLIENT_CALL_ID]),
			nla_get_u32(info->attrs[CONDIS_A_CLIENT_COUNT]),
			nla_get_u32(info->attrs[CONDIS_A_CLIENT_SIZE]), info->extack);
	module_put(ops->owner);
	return err;
}

int condis_nl_client_close_doit(struct sk_buff *skb, struct genl_info *info)
{
	const struct condis_nl_client_ops *ops;
	int err;

	err = condis_nl_check_netns(genl_info_net(info), info->extack);
	if (err)
		return err;
	if (GENL_REQ_ATTR_CHECK(info, CONDIS_A_CLIENT_CALL_ID))
		return -EINVAL;
	ops = client_ops_get(info->extack);
	if (!ops)
		return -EOPNOTSUPP;
	err = ops->close(nla_get_u32(info->attrs[CONDIS_A_CLIENT_CALL_ID]), info->extack);
	module_put(ops->owner);
	return err;
}

int condis_nl_client_call_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	const struct condis_nl_client_ops *ops;
	int err;

	err = condis_nl_check_netns(sock_net(skb->sk), cb->extack);
	if (err)
		return err;
	ops = client_ops_get(cb->extack);
	if (!ops)
		return -EOPNOTSUPP;
	err = ops->dump_calls(skb, cb);
	module_put(ops->owner);
	return err;
}

int condis_netlink_init(void)
{
	return genl_register_family(&condis_nl_family);
}

void condis_netlink_uninit(void)
{
	genl_unregister_family(&condis_nl_family);
}
