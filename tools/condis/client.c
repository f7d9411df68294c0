// SPDX-License-Identifier: GPL-2.0
/*
 * condis tool: "condis client ...", the coecho sample client's commands,
 * in the coecho family.
 *
 *   client show                                 call-get (show.c)
 *   client listen ADAPTER NAME                  listen
 *   client unlisten ADAPTER NAME                unlisten
 *   client call ADAPTER NAME [id N] [rate N]    call; prints "call N"
 *   client send ID [count N] [size N]           send (default: 1 packet of 64 bytes)
 *   client close ID                             close
 *
 * "call" without an id takes the lowest one no call of the client has,
 * from a call-get dump, and tries the next one if another program took
 * it meanwhile.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <linux/genetlink.h>

#include "tool.h"

#define ARG_STR_MAX		1024
#define SEND_DEFAULT_COUNT	1
#define SEND_DEFAULT_SIZE	64
/* Attempts at a free call id when others take the ones we pick. */
#define CALL_ID_TRIES		5

static int arg_str(const char *what, const char *s)
{
	if (strlen(s) > ARG_STR_MAX)
		return usage_error("%s: '%.20s...' is too long", what, s);
	return 0;
}

static int arg_u32(const char *what, const char *key, const char *s, uint32_t *v)
{
	if (parse_u32(s, v))
		return usage_error("%s: bad %s '%s'", what, key, s);
	return 0;
}

/* listen and unlisten: ADAPTER NAME */
static int client_sap(struct cmd_ctx *c, uint8_t cmd)
{
	struct nlmsghdr *nlh;
	int ret;

	if (c->argc != 2)
		return usage_error("%s: takes ADAPTER NAME", c->what);
	ret = arg_str(c->what, c->argv[0]) ?: arg_str(c->what, c->argv[1]);
	if (ret)
		return ret;
	if (nl_connect_to(c, COECHO_FAMILY_NAME))
		return EXIT_FAIL;
	nlh = nl_msg(&c->nl, c->nl.family, cmd, 0);
	mnl_attr_put_strz(nlh, COECHO_A_CLIENT_ADAPTER, c->argv[0]);
	mnl_attr_put_strz(nlh, COECHO_A_CLIENT_SAP_NAME, c->argv[1]);
	return do_request(c, nlh, &client_attr_names);
}

/**
 * cmd_listen() - condis client listen ADAPTER NAME
 * @c: the command
 *
 * Return: an exit status.
 */
int cmd_listen(struct cmd_ctx *c)
{
	return client_sap(c, COECHO_CMD_LISTEN);
}

/**
 * cmd_unlisten() - condis client unlisten ADAPTER NAME
 * @c: the command
 *
 * Return: an exit status.
 */
int cmd_unlisten(struct cmd_ctx *c)
{
	return client_sap(c, COECHO_CMD_UNLISTEN);
}

/**
 * struct call_ids - the ids of the client's calls
 * @v: the ids
 * @n: how many
 * @size: room in @v
 * @oom: an allocation failed
 */
struct call_ids {
	uint32_t *v;
	size_t n;
	size_t size;
	bool oom;
};

static int call_ids_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[COECHO_A_CLIENT_MAX + 1];
	struct call_ids *ids = data;
	uint32_t *v;

	if (nl_attrs(nlh, GENL_HDRLEN, tb, COECHO_A_CLIENT_MAX) < 0 ||
	    !tb[COECHO_A_CLIENT_CALL_ID] ||
	    mnl_attr_validate(tb[COECHO_A_CLIENT_CALL_ID], MNL_TYPE_U32) < 0)
		return MNL_CB_OK;
	if (ids->n == ids->size) {
		ids->size = ids->size ? 2 * ids->size : 64;
		v = realloc(ids->v, ids->size * sizeof(*v));
		if (!v) {
			ids->oom = true;
			return MNL_CB_ERROR;
		}
		ids->v = v;
	}
	ids->v[ids->n++] = mnl_attr_get_u32(tb[COECHO_A_CLIENT_CALL_ID]);
	return MNL_CB_OK;
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* The lowest call id, from @from up, that no call of the client has. */
static int free_call_id(struct cmd_ctx *c, uint32_t from, uint32_t *id)
{
	struct call_ids ids = { 0 };
	struct nlmsghdr *nlh;
	size_t i;
	int err;

	nlh = nl_msg(&c->nl, c->nl.family, COECHO_CMD_CALL_GET, NLM_F_DUMP);
	err = nl_exchange(&c->nl, nlh, call_ids_cb, &ids);
	if (ids.oom)
		err = -ENOMEM;
	if (err) {
		free(ids.v);
		return nl_failure(c, err, &client_attr_names);
	}
	qsort(ids.v, ids.n, sizeof(*ids.v), cmp_u32);
	*id = from;
	for (i = 0; i < ids.n; i++) {
		if (ids.v[i] == *id)
			(*id)++;
	}
	free(ids.v);
	return EXIT_OK;
}

/**
 * cmd_call() - condis client call ADAPTER NAME [id N] [rate N]
 * @c: the command
 *
 * Prints the call's id: "call N", or {"call-id": N} in JSON.
 *
 * Return: an exit status.
 */
int cmd_call(struct cmd_ctx *c)
{
	uint32_t id = 0, rate = 0;
	bool has_id = false, has_rate = false;
	struct nlmsghdr *nlh;
	int i, ret, tries;

	if (c->argc < 2 || c->argc % 2)
		return usage_error("%s: takes ADAPTER NAME [id N] [rate N]", c->what);
	ret = arg_str(c->what, c->argv[0]) ?: arg_str(c->what, c->argv[1]);
	if (ret)
		return ret;
	for (i = 2; i < c->argc; i += 2) {
		if (!strcmp(c->argv[i], "id")) {
			ret = arg_u32(c->what, "id", c->argv[i + 1], &id);
			has_id = true;
		} else if (!strcmp(c->argv[i], "rate")) {
			ret = arg_u32(c->what, "rate", c->argv[i + 1], &rate);
			has_rate = true;
		} else {
			ret = usage_error("%s: unexpected '%s'", c->what, c->argv[i]);
		}
		if (ret)
			return ret;
	}
	if (nl_connect_to(c, COECHO_FAMILY_NAME))
		return EXIT_FAIL;

	for (tries = 0;; tries++) {
		if (!has_id) {
			ret = free_call_id(c, id ? id + 1 : 1, &id);
			if (ret)
				return ret;
		}
		nlh = nl_msg(&c->nl, c->nl.family, COECHO_CMD_CALL, NLM_F_ACK);
		mnl_attr_put_u32(nlh, COECHO_A_CLIENT_CALL_ID, id);
		mnl_attr_put_strz(nlh, COECHO_A_CLIENT_ADAPTER, c->argv[0]);
		mnl_attr_put_strz(nlh, COECHO_A_CLIENT_SAP_NAME, c->argv[1]);
		if (has_rate)
			mnl_attr_put_u32(nlh, COECHO_A_CLIENT_RATE, rate);
		ret = nl_exchange(&c->nl, nlh, NULL, NULL);
		/* Another program took the id we picked: pick again. */
		if (ret == -EEXIST && !has_id && tries < CALL_ID_TRIES)
			continue;
		if (ret)
			return nl_failure(c, ret, &client_attr_names);
		break;
	}
	out_obj_begin();
	out_uint("call", "call-id", id);
	out_obj_end();
	if (out_json())
		putchar('\n');
	return EXIT_OK;
}

/**
 * cmd_send() - condis client send ID [count N] [size N]
 * @c: the command
 *
 * Return: an exit status.
 */
int cmd_send(struct cmd_ctx *c)
{
	uint32_t id, count = SEND_DEFAULT_COUNT, size = SEND_DEFAULT_SIZE;
	struct nlmsghdr *nlh;
	int i, ret;

	if (c->argc < 1 || c->argc % 2 == 0)
		return usage_error("%s: takes ID [count N] [size N]", c->what);
	ret = arg_u32(c->what, "call id", c->argv[0], &id);
	for (i = 1; !ret && i < c->argc; i += 2) {
		if (!strcmp(c->argv[i], "count"))
			ret = arg_u32(c->what, "count", c->argv[i + 1], &count);
		else if (!strcmp(c->argv[i], "size"))
			ret = arg_u32(c->what, "size", c->argv[i + 1], &size);
		else
			ret = usage_error("%s: unexpected '%s'", c->what, c->argv[i]);
	}
	if (ret)
		return ret;
	if (nl_connect_to(c, COECHO_FAMILY_NAME))
		return EXIT_FAIL;
	nlh = nl_msg(&c->nl, c->nl.family, COECHO_CMD_SEND, 0);
	mnl_attr_put_u32(nlh, COECHO_A_CLIENT_CALL_ID, id);
	mnl_attr_put_u32(nlh, COECHO_A_CLIENT_COUNT, count);
	mnl_attr_put_u32(nlh, COECHO_A_CLIENT_SIZE, size);
	return do_request(c, nlh, &client_attr_names);
}

/**
 * cmd_close() - condis client close ID
 * @c: the command
 *
 * Return: an exit status.
 */
int cmd_close(struct cmd_ctx *c)
{
	struct nlmsghdr *nlh;
	uint32_t id;
	int ret;

	if (c->argc != 1)
		return usage_error("%s: takes one call id", c->what);
	ret = arg_u32(c->what, "call id", c->argv[0], &id);
	if (ret)
		return ret;
	if (nl_connect_to(c, COECHO_FAMILY_NAME))
		return EXIT_FAIL;
	nlh = nl_msg(&c->nl, c->nl.family, COECHO_CMD_CLOSE, 0);
	mnl_attr_put_u32(nlh, COECHO_A_CLIENT_CALL_ID, id);
	return do_request(c, nlh, &client_attr_names);
}

/**
 * cmd_client() - condis client COMMAND [ARGUMENTS]
 * @c: the command; argv[0] is COMMAND
 *
 * Return: an exit status.
 */
int cmd_client(struct cmd_ctx *c)
{
	static const struct {
		const char *name, *what;
		int (*run)(struct cmd_ctx *c);
	} subs[] = {
		{ "show", "client show", cmd_show },
		{ "list", "client show", cmd_show },
		{ "listen", "client listen", cmd_listen },
		{ "unlisten", "client unlisten", cmd_unlisten },
		{ "call", "client call", cmd_call },
		{ "send", "client send", cmd_send },
		{ "close", "client close", cmd_close },
	};
	size_t i;

	if (!c->argc)	/* "condis client" lists, as "condis client show" */
		return cmd_show(c);
	for (i = 0; i < ARRAY_SIZE(subs); i++) {
		if (!strcmp(c->argv[0], subs[i].name)) {
			c->what = subs[i].what;
			if (subs[i].run != cmd_show) {
				c->argc--;
				c->argv++;
			}
			return subs[i].run(c);
		}
	}
	return usage_error("client: unknown command '%s'", c->argv[0]);
}
