// SPDX-License-Identifier: GPL-2.0
/*
 * The coecho generic netlink family (Documentation/netlink/specs/coecho.yaml,
 * generated into genl.[ch]): listen, unlisten, call, send, close and the
 * call-get dump, carried out by the same functions as the ctl file, with
 * an extack message for every refusal coecho can explain.  The module
 * registers the family when it loads and unregisters it first when it
 * unloads.  The commands need CAP_NET_ADMIN (GENL_ADMIN_PERM); every
 * request, as the condis family's, the initial network namespace (the
 * pre hooks).
 */
#include <linux/module.h>
#include <net/condis_netlink.h>
#include <net/genetlink.h>
#include <net/sock.h>

#include "coecho.h"
#include "genl.h"

/* The wildcard SAP is "*" to coecho and an empty name on netlink. */
static const char *coecho_nl_sap_name(const char *name)
{
	return *name ? name : "*";
}

static void coecho_nl_adapter_msg(int err, const char *adapter, struct netlink_ext_ack *extack)
{
	if (err == -ENODEV)
		NL_SET_ERR_MSG_FMT(extack, "no adapter %s, or coecho has no AF open on it",
				   adapter);
	else if (err == -ETIMEDOUT)
		NL_SET_ERR_MSG(extack, "the call manager did not complete in time");
}

static int coecho_nl_listen(const char *adapter, const char *name, struct netlink_ext_ack *extack)
{
	int err = coecho_sap_listen(adapter, coecho_nl_sap_name(name));

	coecho_nl_adapter_msg(err, adapter, extack);
	if (err == -EEXIST || err == -EADDRINUSE)
		NL_SET_ERR_MSG(extack, "that SAP is registered already");
	return err;
}

static int coecho_nl_unlisten(const char *adapter, const char *name,
			      struct netlink_ext_ack *extack)
{
	int err = coecho_sap_unlisten(adapter, coecho_nl_sap_name(name));

	coecho_nl_adapter_msg(err, adapter, extack);
	if (err == -ENOENT)
		NL_SET_ERR_MSG(extack, "coecho does not listen on that SAP");
	else if (err == -EBUSY)
		NL_SET_ERR_MSG(extack, "the SAP's registration is still in flight");
	else if (err == -EALREADY)
		NL_SET_ERR_MSG(extack, "the SAP is being deregistered already");
	return err;
}

static int coecho_nl_call(u32 id, const char *adapter, const char *name, u32 rate,
			  struct netlink_ext_ack *extack)
{
	int err;

	if (id >= COECHO_FIRST_IN_ID) {
		NL_SET_ERR_MSG_FMT(extack, "call ids from %u on name incoming calls",
				   COECHO_FIRST_IN_ID);
		return -EINVAL;
	}
	err = coecho_call_make(id, adapter, name, rate ?: COECHO_RATE_ANY, false);
	coecho_nl_adapter_msg(err, adapter, extack);
	if (err == -EEXIST)
		NL_SET_ERR_MSG_FMT(extack, "call %u exists", id);
	else if (err == -ECONNREFUSED)
		NL_SET_ERR_MSG_FMT(extack, "no SAP %s answers at the other end", name);
	else if (err == -EACCES)
		NL_SET_ERR_MSG(extack, "the called client refused the call");
	return err;
}

static int coecho_nl_send(u32 id, u32 count, u32 size, struct netlink_ext_ack *extack)
{
	int err;

	if (!count || count > COECHO_SEND_MAX || size < COECHO_SIZE_MIN ||
	    size > COECHO_SIZE_MAX) {
		NL_SET_ERR_MSG(extack, "count or size out of range");
		return -EINVAL;
	}
	err = coecho_send(id, count, size);
	if (err == -ENOENT)
		NL_SET_ERR_MSG_FMT(extack, "no call %u", id);
	else if (err == -ENOTCONN)
		NL_SET_ERR_MSG_FMT(extack, "call %u is not connected", id);
	return err;
}

static int coecho_nl_close(u32 id, struct netlink_ext_ack *extack)
{
	int err = coecho_call_close(id);

	if (err == -ENOENT)
		NL_SET_ERR_MSG_FMT(extack, "no call %u", id);
	return err;
}

static u32 coecho_nl_call_state(enum coecho_call_state state)
{
	switch (state) {
	case COECHO_CALL_CONNECTED:
		return COECHO_CLIENT_CALL_STATE_CONNECTED;
	case COECHO_CALL_CLOSING:
		return COECHO_CLIENT_CALL_STATE_CLOSING;
	case COECHO_CALL_CLOSED:
		return COECHO_CLIENT_CALL_STATE_CLOSED;
	default:
		return COECHO_CLIENT_CALL_STATE_CALLING;
	}
}

static int coecho_nl_put_call(struct sk_buff *skb, struct netlink_callback *cb,
			      struct coecho_call *call)
{
	void *hdr = genlmsg_iput(skb, genl_info_dump(cb));

	if (!hdr)
		return -EMSGSIZE;
	if (nla_put_u32(skb, COECHO_A_CLIENT_CALL_ID, call->id) ||
	    nla_put_string(skb, COECHO_A_CLIENT_ADAPTER, call->b->name) ||
	    nla_put_string(skb, COECHO_A_CLIENT_SAP_NAME, call->wild ? "" : call->sap) ||
	    (call->outgoing && nla_put_flag(skb, COECHO_A_CLIENT_OUTGOING)) ||
	    nla_put_u32(skb, COECHO_A_CLIENT_STATE, coecho_nl_call_state(call->state)) ||
	    nla_put_u32(skb, COECHO_A_CLIENT_PARTIES, coecho_parties_active_locked(call)) ||
	    nla_put_u32(skb, COECHO_A_CLIENT_RATE,
			call->rate == COECHO_RATE_ANY ? 0 : call->rate) ||
	    nla_put_uint(skb, COECHO_A_CLIENT_TX_PACKETS, atomic64_read(&call->cnt.tx)) ||
	    nla_put_uint(skb, COECHO_A_CLIENT_TX_DONE, atomic64_read(&call->cnt.tx_done)) ||
	    nla_put_uint(skb, COECHO_A_CLIENT_TX_ERRORS, atomic64_read(&call->cnt.tx_err)) ||
	    nla_put_uint(skb, COECHO_A_CLIENT_RX_PACKETS, atomic64_read(&call->cnt.rx)) ||
	    nla_put_uint(skb, COECHO_A_CLIENT_RX_BYTES, atomic64_read(&call->cnt.rx_bytes)) ||
	    nla_put_uint(skb, COECHO_A_CLIENT_RX_BAD, atomic64_read(&call->cnt.rx_bad)) ||
	    nla_put_uint(skb, COECHO_A_CLIENT_ECHOED, atomic64_read(&call->cnt.echoed))) {
		genlmsg_cancel(skb, hdr);
		return -EMSGSIZE;
	}
	genlmsg_end(skb, hdr);
	return 0;
}

struct coecho_nl_dump_ctx {
	u32 next_id;	/* the calls are listed by id: resume from here */
};

/*
 * One message per call, by id.  The list is sorted by id, so a dump that
 * fills its buffer resumes at the first call above the last one it put.
 */
int coecho_nl_call_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct coecho_nl_dump_ctx *ctx = (struct coecho_nl_dump_ctx *)cb->ctx;
	struct coecho_call *call;
	int err = 0;

	NL_ASSERT_DUMP_CTX_FITS(struct coecho_nl_dump_ctx);
	spin_lock_bh(&coecho.lock);
	list_for_each_entry(call, &coecho.calls, node) {
		if (call->id < ctx->next_id)
			continue;
		err = coecho_nl_put_call(skb, cb, call);
		if (err)
			break;
		ctx->next_id = call->id + 1;
	}
	spin_unlock_bh(&coecho.lock);
	if (err && skb->len)
		return skb->len;
	return err;
}

/**
 * coecho_nl_pre_doit() - what every command of the family checks first
 * @ops: the command's ops
 * @skb: the request
 * @info: the request's attributes and extack
 *
 * Context: process, from genetlink.
 * Return: 0, or -EOPNOTSUPP outside the initial network namespace.
 */
int coecho_nl_pre_doit(const struct genl_split_ops *ops, struct sk_buff *skb,
		       struct genl_info *info)
{
	return condis_nl_check_netns(genl_info_net(info), info->extack);
}

/**
 * coecho_nl_pre_dumpit() - the start of every dump of the family
 * @cb: the dump
 *
 * Context: process, from genetlink.
 * Return: 0, or -EOPNOTSUPP outside the initial network namespace.
 */
int coecho_nl_pre_dumpit(struct netlink_callback *cb)
{
	return condis_nl_check_netns(sock_net(cb->skb->sk), cb->extack);
}

/*
 * The adapter and SAP name of a listen, unlisten or call; the policy has
 * bounded and NUL-terminated both.
 */
static int coecho_nl_sap_attrs(struct genl_info *info, const char **adapter, const char **name)
{
	if (GENL_REQ_ATTR_CHECK(info, COECHO_A_CLIENT_ADAPTER) ||
	    GENL_REQ_ATTR_CHECK(info, COECHO_A_CLIENT_SAP_NAME))
		return -EINVAL;
	*adapter = nla_data(info->attrs[COECHO_A_CLIENT_ADAPTER]);
	*name = nla_data(info->attrs[COECHO_A_CLIENT_SAP_NAME]);
	return 0;
}

int coecho_nl_listen_doit(struct sk_buff *skb, struct genl_info *info)
{
	const char *adapter, *name;

	return coecho_nl_sap_attrs(info, &adapter, &name) ?:
	       coecho_nl_listen(adapter, name, info->extack);
}

int coecho_nl_unlisten_doit(struct sk_buff *skb, struct genl_info *info)
{
	const char *adapter, *name;

	return coecho_nl_sap_attrs(info, &adapter, &name) ?:
	       coecho_nl_unlisten(adapter, name, info->extack);
}

int coecho_nl_call_doit(struct sk_buff *skb, struct genl_info *info)
{
	const char *adapter, *name;
	u32 rate = 0;
	int err;

	err = coecho_nl_sap_attrs(info, &adapter, &name);
	if (err)
		return err;
	if (GENL_REQ_ATTR_CHECK(info, COECHO_A_CLIENT_CALL_ID))
		return -EINVAL;
	if (!*name) {
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[COECHO_A_CLIENT_SAP_NAME],
				    "a call needs the called SAP's name");
		return -EINVAL;
	}
	if (info->attrs[COECHO_A_CLIENT_RATE])
		rate = nla_get_u32(info->attrs[COECHO_A_CLIENT_RATE]);
	return coecho_nl_call(nla_get_u32(info->attrs[COECHO_A_CLIENT_CALL_ID]), adapter, name,
			      rate, info->extack);
}

int coecho_nl_send_doit(struct sk_buff *skb, struct genl_info *info)
{
	if (GENL_REQ_ATTR_CHECK(info, COECHO_A_CLIENT_CALL_ID) ||
	    GENL_REQ_ATTR_CHECK(info, COECHO_A_CLIENT_COUNT) ||
	    GENL_REQ_ATTR_CHECK(info, COECHO_A_CLIENT_SIZE))
		return -EINVAL;
	return coecho_nl_send(nla_get_u32(info->attrs[COECHO_A_CLIENT_CALL_ID]),
			      nla_get_u32(info->attrs[COECHO_A_CLIENT_COUNT]),
			      nla_get_u32(info->attrs[COECHO_A_CLIENT_SIZE]), info->extack);
}

int coecho_nl_close_doit(struct sk_buff *skb, struct genl_info *info)
{
	if (GENL_REQ_ATTR_CHECK(info, COECHO_A_CLIENT_CALL_ID))
		return -EINVAL;
	return coecho_nl_close(nla_get_u32(info->attrs[COECHO_A_CLIENT_CALL_ID]), info->extack);
}

int coecho_netlink_init(void)
{
	return genl_register_family(&coecho_nl_family);
}

void coecho_netlink_uninit(void)
{
	genl_unregister_family(&coecho_nl_family);
}
