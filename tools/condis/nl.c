// SPDX-License-Identifier: GPL-2.0
/*
 * condis tool: generic netlink over libmnl.
 *
 * One socket per struct nl.  Requests are sent one at a time and their
 * replies read until the terminal message: the ACK or error of a "do"
 * request, the NLMSG_DONE of a dump.  Error replies carry extended ACK
 * attributes (NETLINK_EXT_ACK): the message, the offset of the attribute
 * at fault in the request, the type of a missing attribute.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <linux/genetlink.h>
#include <linux/netlink.h>

#include "tool.h"

#ifndef SOL_NETLINK
#define SOL_NETLINK	270
#endif

/**
 * nl_open() - open and bind a generic netlink socket
 * @nl: the socket to set up
 *
 * Return: 0, or a negative errno (the socket is then closed).
 */
int nl_open(struct nl *nl)
{
	int one = 1;
	int err;

	memset(nl, 0, sizeof(*nl));
	nl->bad_attr = -1;
	nl->miss_attr = -1;
	nl->req = calloc(1, NL_REQ_SIZE);
	nl->rcv = malloc(NL_RCV_SIZE);
	if (!nl->req || !nl->rcv) {
		nl_close(nl);
		return -ENOMEM;
	}
	nl->sk = mnl_socket_open2(NETLINK_GENERIC, SOCK_CLOEXEC);
	if (!nl->sk)
		goto fail;
	if (mnl_socket_bind(nl->sk, 0, MNL_SOCKET_AUTOPID) < 0)
		goto fail;
	nl->portid = mnl_socket_get_portid(nl->sk);
	/* Extended ACKs; do not echo the request back in errors. */
	if (mnl_socket_setsockopt(nl->sk, NETLINK_EXT_ACK, &one, sizeof(one)) < 0 ||
	    mnl_socket_setsockopt(nl->sk, NETLINK_CAP_ACK, &one, sizeof(one)) < 0)
		goto fail;
	nl->seq = (unsigned int)getpid() << 8;
	return 0;
fail:
	err = -errno;
	nl_close(nl);
	return err ? err : -EIO;
}

/**
 * nl_close() - close the socket and free the buffers
 * @nl: the socket (may be half set up)
 */
void nl_close(struct nl *nl)
{
	if (nl->sk)
		mnl_socket_close(nl->sk);
	free(nl->req);
	free(nl->rcv);
	nl->sk = NULL;
	nl->req = NULL;
	nl->rcv = NULL;
}

/**
 * nl_clear_error() - forget the last error reply
 * @nl: the socket
 */
void nl_clear_error(struct nl *nl)
{
	nl->err = 0;
	nl->msg[0] = '\0';
	nl->bad_attr = -1;
	nl->miss_attr = -1;
}

/**
 * nl_msg() - start a request in the request buffer
 * @nl: the socket
 * @type: the family id (or GENL_ID_CTRL)
 * @cmd: the generic netlink command
 * @flags: NLM_F_* flags besides NLM_F_REQUEST
 *
 * Return: the message, to add attributes to.
 */
struct nlmsghdr *nl_msg(struct nl *nl, uint16_t type, uint8_t cmd, uint16_t flags)
{
	struct genlmsghdr *genl;
	struct nlmsghdr *nlh;

	memset(nl->req, 0, NL_REQ_SIZE);
	nlh = mnl_nlmsg_put_header(nl->req);
	nlh->nlmsg_type = type;
	nlh->nlmsg_flags = NLM_F_REQUEST | flags;
	nlh->nlmsg_seq = ++nl->seq;
	genl = mnl_nlmsg_put_extra_header(nlh, sizeof(*genl));
	genl->cmd = cmd;
	genl->version = CONDIS_FAMILY_VERSION;
	return nlh;
}

/**
 * nl_send() - send a datagram as it is
 * @nl: the socket
 * @nlh: the message(s)
 * @len: the datagram's length (may differ from nlh->nlmsg_len)
 *
 * Return: 0 or a negative errno.
 */
int nl_send(struct nl *nl, const struct nlmsghdr *nlh, size_t len)
{
	ssize_t n = mnl_socket_sendto(nl->sk, nlh, len);

	if (n < 0)
		return -errno;
	return (size_t)n == len ? 0 : -EMSGSIZE;
}

/* The type of the request's top-level attribute at or around @offset. */
static int nl_attr_at(const struct nlmsghdr *req, uint32_t offset)
{
	const struct nlattr *attr;
	const char *base = (const char *)req;

	if (!req || offset >= req->nlmsg_len)
		return -1;
	mnl_attr_for_each(attr, req, GENL_HDRLEN) {
		uint32_t start = (const char *)attr - base;

		if (offset >= start && offset < start + attr->nla_len)
			return mnl_attr_get_type(attr);
	}
	return -1;
}

/**
 * struct ext_ack - the extended ACK attributes of an error reply
 * @msg: NLMSGERR_ATTR_MSG
 * @offs: NLMSGERR_ATTR_OFFS
 * @miss_type: NLMSGERR_ATTR_MISS_TYPE
 */
struct ext_ack {
	const struct nlattr *msg;
	const struct nlattr *offs;
	const struct nlattr *miss_type;
};

static int nl_ext_ack_cb(const struct nlattr *attr, void *data)
{
	struct ext_ack *ea = data;

	switch (mnl_attr_get_type(attr)) {
	case NLMSGERR_ATTR_MSG:
		if (mnl_attr_validate(attr, MNL_TYPE_NUL_STRING) == 0)
			ea->msg = attr;
		break;
	case NLMSGERR_ATTR_OFFS:
		if (mnl_attr_validate(attr, MNL_TYPE_U32) == 0)
			ea->offs = attr;
		break;
	case NLMSGERR_ATTR_MISS_TYPE:
		if (mnl_attr_validate(attr, MNL_TYPE_U32) == 0)
			ea->miss_type = attr;
		break;
	}
	return MNL_CB_OK;
}

/* Record the extended ACK that starts @offset bytes into @nlh's payload. */
static void nl_parse_ext_ack(struct nl *nl, const struct nlmsghdr *nlh, size_t offset)
{
	struct ext_ack ea = { 0 };

	if (!(nlh->nlmsg_flags & NLM_F_ACK_TLVS) ||
	    offset > mnl_nlmsg_get_payload_len(nlh))
		return;
	if (mnl_attr_parse(nlh, offset, nl_ext_ack_cb, &ea) < 0)
		return;
	if (ea.msg)
		snprintf(nl->msg, sizeof(nl->msg), "%s", mnl_attr_get_str(ea.msg));
	if (ea.offs)
		nl->bad_attr = nl_attr_at(nl->sent, mnl_attr_get_u32(ea.offs));
	if (ea.miss_type)
		nl->miss_attr = mnl_attr_get_u32(ea.miss_type);
}

/**
 * nl_parse_error() - read an NLMSG_ERROR message
 * @nl: the socket; its error fields are set
 * @nlh: the message
 *
 * Return: 0 for an ACK, the reply's (negative) error, or -EBADMSG when the
 * message is malformed.
 */
int nl_parse_error(struct nl *nl, const struct nlmsghdr *nlh)
{
	const struct nlmsgerr *e = mnl_nlmsg_get_payload(nlh);
	size_t offset = sizeof(*e);

	nl_clear_error(nl);
	if (nlh->nlmsg_len < mnl_nlmsg_size(sizeof(*e)))
		return -EBADMSG;
	if (e->error > 0 || e->error < -4095)
		return -EBADMSG;
	if (!e->error)
		return 0;
	if (!(nlh->nlmsg_flags & NLM_F_CAPPED))
		offset += e->msg.nlmsg_len - sizeof(struct nlmsghdr);
	nl->err = -e->error;
	nl_parse_ext_ack(nl, nlh, offset);
	return e->error;
}

/**
 * nl_parse_done() - read the NLMSG_DONE message that ends a dump
 * @nl: the socket; its error fields are set
 * @nlh: the message
 *
 * Return: 0, the dump's (negative) error, or -EBADMSG.
 */
int nl_parse_done(struct nl *nl, const struct nlmsghdr *nlh)
{
	int status;

	nl_clear_error(nl);
	if (nlh->nlmsg_len < mnl_nlmsg_size(sizeof(int)))
		return -EBADMSG;
	memcpy(&status, mnl_nlmsg_get_payload(nlh), sizeof(status));
	if (status > 0 || status < -4095)
		return -EBADMSG;
	if (!status)
		return 0;
	nl->err = -status;
	nl_parse_ext_ack(nl, nlh, sizeof(int));
	return status;
}

/**
 * struct nl_ctx - one request being answered
 * @nl: the socket
 * @cb: called for each reply message of the family
 * @data: @cb's data
 */
struct nl_ctx {
	struct nl *nl;
	mnl_cb_t cb;
	void *data;
};

static int nl_data_cb(const struct nlmsghdr *nlh, void *data)
{
	struct nl_ctx *ctx = data;

	return ctx->cb ? ctx->cb(nlh, ctx->data) : MNL_CB_OK;
}

static int nl_error_cb(const struct nlmsghdr *nlh, void *data)
{
	struct nl_ctx *ctx = data;
	int err = nl_parse_error(ctx->nl, nlh);

	if (!err)
		return MNL_CB_STOP;
	errno = -err;
	return MNL_CB_ERROR;
}

static int nl_done_cb(const struct nlmsghdr *nlh, void *data)
{
	struct nl_ctx *ctx = data;
	int err = nl_parse_done(ctx->nl, nlh);

	if (!err)
		return MNL_CB_STOP;
	errno = -err;
	return MNL_CB_ERROR;
}

static mnl_cb_t nl_ctl_cbs[NLMSG_MIN_TYPE] = {
	[NLMSG_ERROR] = nl_error_cb,
	[NLMSG_DONE] = nl_done_cb,
};

/**
 * nl_exchange() - send a request and read its replies
 * @nl: the socket
 * @nlh: the request, built with nl_msg()
 * @cb: called for each reply of the family (dump entries, a "do" reply);
 *	may be NULL
 * @data: @cb's data
 *
 * Return: 0 once the request was acknowledged or the dump done, or a
 * negative errno; for an error reply, @nl's error fields say more.
 */
int nl_exchange(struct nl *nl, struct nlmsghdr *nlh, mnl_cb_t cb, void *data)
{
	struct nl_ctx ctx = { .nl = nl, .cb = cb, .data = data };
	ssize_t n;
	int ret;

	nl_clear_error(nl);
	nl->sent = nlh;
	ret = nl_send(nl, nlh, nlh->nlmsg_len);
	if (ret)
		return ret;
	for (;;) {
		n = mnl_socket_recvfrom(nl->sk, nl->rcv, NL_RCV_SIZE);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		errno = 0;
		ret = mnl_cb_run2(nl->rcv, n, nlh->nlmsg_seq, nl->portid, nl_data_cb, &ctx,
				  nl_ctl_cbs, ARRAY_SIZE(nl_ctl_cbs));
		if (ret == MNL_CB_ERROR)
			return errno ? -errno : -EPROTO;
		if (ret == MNL_CB_STOP)
			return 0;
	}
}

/**
 * struct family_info - what nl_resolve() looks for in the reply
 * @id: the family id
 * @monitor: the "monitor" group's id
 */
struct family_info {
	uint16_t id;
	uint32_t monitor;
};

static void nl_parse_groups(const struct nlattr *groups, struct family_info *fi)
{
	const struct nlattr *grp;

	mnl_attr_for_each_nested(grp, groups) {
		const struct nlattr *tb[CTRL_ATTR_MCAST_GRP_MAX + 1];

		if (nl_nested(grp, tb, CTRL_ATTR_MCAST_GRP_MAX) < 0 ||
		    !tb[CTRL_ATTR_MCAST_GRP_NAME] || !tb[CTRL_ATTR_MCAST_GRP_ID] ||
		    mnl_attr_validate(tb[CTRL_ATTR_MCAST_GRP_ID], MNL_TYPE_U32) < 0 ||
		    mnl_attr_validate(tb[CTRL_ATTR_MCAST_GRP_NAME], MNL_TYPE_NUL_STRING) < 0)
			continue;
		if (!strcmp(mnl_attr_get_str(tb[CTRL_ATTR_MCAST_GRP_NAME]), CONDIS_MCGRP_MONITOR))
			fi->monitor = mnl_attr_get_u32(tb[CTRL_ATTR_MCAST_GRP_ID]);
	}
}

static int nl_family_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[CTRL_ATTR_MAX + 1];
	struct family_info *fi = data;

	if (nl_attrs(nlh, GENL_HDRLEN, tb, CTRL_ATTR_MAX) < 0)
		return MNL_CB_ERROR;
	if (tb[CTRL_ATTR_FAMILY_ID] &&
	    mnl_attr_validate(tb[CTRL_ATTR_FAMILY_ID], MNL_TYPE_U16) == 0)
		fi->id = mnl_attr_get_u16(tb[CTRL_ATTR_FAMILY_ID]);
	if (tb[CTRL_ATTR_MCAST_GROUPS])
		nl_parse_groups(tb[CTRL_ATTR_MCAST_GROUPS], fi);
	return MNL_CB_OK;
}

/**
 * nl_resolve() - find a generic netlink family's id and monitor group
 * @nl: the socket; its family and monitor_grp are set
 * @name: the family's name
 *
 * Return: 0, -ENOENT when there is no such family, or another negative
 * errno.
 */
int nl_resolve(struct nl *nl, const char *name)
{
	struct family_info fi = { 0 };
	struct nlmsghdr *nlh;
	int err;

	nlh = nl_msg(nl, GENL_ID_CTRL, CTRL_CMD_GETFAMILY, NLM_F_ACK);
	mnl_attr_put_strz(nlh, CTRL_ATTR_FAMILY_NAME, name);
	err = nl_exchange(nl, nlh, nl_family_cb, &fi);
	if (err)
		return err;
	if (!fi.id)
		return -ENOENT;
	nl->family = fi.id;
	nl->monitor_grp = fi.monitor;
	return 0;
}

/**
 * nl_join() - join a multicast group
 * @nl: the socket
 * @group: the group's id
 *
 * Return: 0 or a negative errno.
 */
int nl_join(struct nl *nl, uint32_t group)
{
	if (mnl_socket_setsockopt(nl->sk, NETLINK_ADD_MEMBERSHIP, &group, sizeof(group)) < 0)
		return -errno;
	return 0;
}

/**
 * nl_attr_uint() - the value of a "uint" attribute (4 or 8 bytes)
 * @attr: the attribute
 *
 * Return: its value; 0 if it has another length.
 */
uint64_t nl_attr_uint(const struct nlattr *attr)
{
	switch (mnl_attr_get_payload_len(attr)) {
	case sizeof(uint32_t):
		return mnl_attr_get_u32(attr);
	case sizeof(uint64_t):
		return mnl_attr_get_u64(attr);
	}
	return 0;
}

/**
 * nl_attr_uint_ok() - whether an attribute holds a u32 or a u64
 * @attr: the attribute
 *
 * Return: true if its payload is 4 or 8 bytes long.
 */
bool nl_attr_uint_ok(const struct nlattr *attr)
{
	size_t len = mnl_attr_get_payload_len(attr);

	return len == sizeof(uint32_t) || len == sizeof(uint64_t);
}

/**
 * nl_attr_strlen() - length of a string attribute, up to its first NUL
 * @attr: the attribute
 *
 * Return: the length; never beyond the payload.
 */
size_t nl_attr_strlen(const struct nlattr *attr)
{
	return strnlen(mnl_attr_get_payload(attr), mnl_attr_get_payload_len(attr));
}

/**
 * struct attr_table - where nl_table_cb() files attributes
 * @tb: by type
 * @max: highest type kept; others are skipped
 */
struct attr_table {
	const struct nlattr **tb;
	unsigned int max;
};

static int nl_table_cb(const struct nlattr *attr, void *data)
{
	struct attr_table *t = data;
	unsigned int type = mnl_attr_get_type(attr);

	if (type <= t->max)
		t->tb[type] = attr;
	return MNL_CB_OK;
}

/**
 * nl_attrs() - file a message's attributes by type
 * @nlh: the message
 * @offset: where they start in its payload
 * @tb: the table, @max + 1 entries; cleared first
 * @max: the highest type kept
 *
 * Return: 0, or -1 when the attributes are malformed.
 */
int nl_attrs(const struct nlmsghdr *nlh, size_t offset, const struct nlattr **tb,
	     unsigned int max)
{
	struct attr_table t = { .tb = tb, .max = max };

	memset(tb, 0, (max + 1) * sizeof(*tb));
	return mnl_attr_parse(nlh, offset, nl_table_cb, &t) < 0 ? -1 : 0;
}

/**
 * nl_nested() - file a nest's attributes by type
 * @nest: the nest
 * @tb: the table, @max + 1 entries; cleared first
 * @max: the highest type kept
 *
 * Return: 0, or -1 when the attributes are malformed.
 */
int nl_nested(const struct nlattr *nest, const struct nlattr **tb, unsigned int max)
{
	struct attr_table t = { .tb = tb, .max = max };

	memset(tb, 0, (max + 1) * sizeof(*tb));
	return mnl_attr_parse_nested(nest, nl_table_cb, &t) < 0 ? -1 : 0;
}
