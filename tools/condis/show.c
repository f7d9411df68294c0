// SPDX-License-Identifier: GPL-2.0
/*
 * condis tool: "condis OBJECT show", the dumps of the condis family (and
 * coecho's call-get for "condis client show").
 *
 * Each kind of object is described by a table of its attributes: the
 * attribute, how to print it, its plain key and its JSON key.  The plain
 * line starts with the object's kind and id ("sap 12 ..."); references to
 * other objects drop the "-id" of the spec's name where the spec's name
 * without it is free ("af 7" for af-id) and keep it otherwise
 * ("adapter-id 3", since "adapter" is the adapter's name).
 */
#include <errno.h>
#include <string.h>

#include <linux/genetlink.h>

#include "tool.h"

enum field_kind {
	F_U32,		/* u32 */
	F_UINT,		/* uint: u32 or u64 */
	F_HEX,		/* u32, 0x-prefixed in plain output */
	F_STR,		/* string */
	F_FLAG,		/* flag: always printed, yes or no */
	F_BIN,		/* binary, as hex */
	F_ENUM,		/* u32 with names */
	F_NEST,		/* nest, flattened in plain output */
};

/**
 * struct field - one attribute of an object
 * @attr: its type
 * @kind: enum field_kind
 * @key: its key in plain output
 * @jkey: its key in JSON output (the spec's name)
 * @names: the names of its values (F_ENUM)
 * @nest: the nested attributes (F_NEST)
 */
struct field {
	uint16_t attr;
	uint8_t kind;
	const char *key;
	const char *jkey;
	const struct names *names;
	const struct objtype *nest;
};

/**
 * struct objtype - a kind of object "show" lists
 * @name: its name on the command line ("adapter")
 * @plural: the plural the command line takes too
 * @family: the family of the dump, NULL for condis (coecho's for "client")
 * @cmd: the dump command
 * @max: the highest attribute type of its set
 * @fields: its attributes, in output order
 * @n_fields: how many
 */
struct objtype {
	const char *name;
	const char *plural;
	const char *family;
	uint8_t cmd;
	unsigned int max;
	const struct field *fields;
	size_t n_fields;
};

#define FIELD(a, k, key, jkey)		{ a, k, key, jkey, NULL, NULL }
#define ENUM_FIELD(a, key, jkey, n)	{ a, F_ENUM, key, jkey, n, NULL }

static const struct field adapter_fields[] = {
	FIELD(CONDIS_A_ADAPTER_ID, F_U32, "adapter", "id"),
	FIELD(CONDIS_A_ADAPTER_NAME, F_STR, "name", "name"),
	FIELD(CONDIS_A_ADAPTER_MINIPORT, F_STR, "miniport", "miniport"),
	FIELD(CONDIS_A_ADAPTER_MCM, F_FLAG, "mcm", "mcm"),
	FIELD(CONDIS_A_ADAPTER_DYING, F_FLAG, "dying", "dying"),
	FIELD(CONDIS_A_ADAPTER_BINDINGS, F_U32, "bindings", "bindings"),
	FIELD(CONDIS_A_ADAPTER_CM_AFS, F_U32, "cm-afs", "cm-afs"),
};

static const struct field binding_fields[] = {
	FIELD(CONDIS_A_BINDING_ID, F_U32, "binding", "id"),
	FIELD(CONDIS_A_BINDING_ADAPTER_ID, F_U32, "adapter-id", "adapter-id"),
	FIELD(CONDIS_A_BINDING_ADAPTER, F_STR, "adapter", "adapter"),
	FIELD(CONDIS_A_BINDING_PROTOCOL, F_STR, "protocol", "protocol"),
	FIELD(CONDIS_A_BINDING_CLIENT, F_FLAG, "client", "client"),
	FIELD(CONDIS_A_BINDING_CM, F_FLAG, "cm", "cm"),
	FIELD(CONDIS_A_BINDING_AFS, F_U32, "afs", "afs"),
};

static const struct field af_fields[] = {
	FIELD(CONDIS_A_AF_ID, F_U32, "af", "id"),
	FIELD(CONDIS_A_AF_ADAPTER_ID, F_U32, "adapter-id", "adapter-id"),
	FIELD(CONDIS_A_AF_ADAPTER, F_STR, "adapter", "adapter"),
	FIELD(CONDIS_A_AF_CM_AF_ID, F_U32, "cm-af", "cm-af-id"),
	FIELD(CONDIS_A_AF_FAMILY, F_HEX, "family", "family"),
	FIELD(CONDIS_A_AF_CLIENT, F_STR, "client", "client"),
	FIELD(CONDIS_A_AF_CM, F_STR, "cm", "cm"),
	ENUM_FIELD(CONDIS_A_AF_STATE, "state", "state", &af_state_names),
	FIELD(CONDIS_A_AF_SAPS, F_U32, "saps", "saps"),
	FIELD(CONDIS_A_AF_VCS, F_U32, "vcs", "vcs"),
};

static const struct field sap_fields[] = {
	FIELD(CONDIS_A_SAP_ID, F_U32, "sap", "id"),
	FIELD(CONDIS_A_SAP_AF_ID, F_U32, "af", "af-id"),
	FIELD(CONDIS_A_SAP_ADAPTER, F_STR, "adapter", "adapter"),
	FIELD(CONDIS_A_SAP_TYPE, F_U32, "type", "type"),
	FIELD(CONDIS_A_SAP_ADDR, F_BIN, "addr", "addr"),
	ENUM_FIELD(CONDIS_A_SAP_STATE, "state", "state", &sap_state_names),
};

static const struct field vc_stats_fields[] = {
	FIELD(CONDIS_A_VC_STATS_TX_PACKETS, F_UINT, "tx-packets", "tx-packets"),
	FIELD(CONDIS_A_VC_STATS_TX_BYTES, F_UINT, "tx-bytes", "tx-bytes"),
	FIELD(CONDIS_A_VC_STATS_TX_ERRORS, F_UINT, "tx-errors", "tx-errors"),
	FIELD(CONDIS_A_VC_STATS_TX_IN_FLIGHT, F_U32, "tx-in-flight", "tx-in-flight"),
	FIELD(CONDIS_A_VC_STATS_RX_PACKETS, F_UINT, "rx-packets", "rx-packets"),
	FIELD(CONDIS_A_VC_STATS_RX_BYTES, F_UINT, "rx-bytes", "rx-bytes"),
	FIELD(CONDIS_A_VC_STATS_RX_KEPT, F_U32, "rx-kept", "rx-kept"),
};

static const struct objtype vc_stats = {
	.name = "stats",
	.max = CONDIS_A_VC_STATS_MAX,
	.fields = vc_stats_fields,
	.n_fields = ARRAY_SIZE(vc_stats_fields),
};

static const struct field vc_fields[] = {
	FIELD(CONDIS_A_VC_ID, F_U32, "vc", "id"),
	FIELD(CONDIS_A_VC_AF_ID, F_U32, "af", "af-id"),
	FIELD(CONDIS_A_VC_ADAPTER_ID, F_U32, "adapter-id", "adapter-id"),
	FIELD(CONDIS_A_VC_ADAPTER, F_STR, "adapter", "adapter"),
	ENUM_FIELD(CONDIS_A_VC_CREATOR, "creator", "creator", &vc_creator_names),
	ENUM_FIELD(CONDIS_A_VC_STATE, "state", "state", &vc_state_names),
	ENUM_FIELD(CONDIS_A_VC_CALL_STATE, "call-state", "call-state", &call_state_names),
	FIELD(CONDIS_A_VC_CLOSED_BY_NETWORK, F_FLAG, "closed-by-network", "closed-by-network"),
	FIELD(CONDIS_A_VC_MULTIPOINT, F_FLAG, "multipoint", "multipoint"),
	FIELD(CONDIS_A_VC_PARTIES, F_U32, "parties", "parties"),
	{ CONDIS_A_VC_STATS, F_NEST, "stats", "stats", NULL, &vc_stats },
};

static const struct field party_fields[] = {
	FIELD(CONDIS_A_PARTY_ID, F_U32, "party", "id"),
	FIELD(CONDIS_A_PARTY_VC_ID, F_U32, "vc", "vc-id"),
	ENUM_FIELD(CONDIS_A_PARTY_STATE, "state", "state", &party_state_names),
};

static const struct field client_fields[] = {
	FIELD(COECHO_A_CLIENT_CALL_ID, F_U32, "call", "call-id"),
	FIELD(COECHO_A_CLIENT_ADAPTER, F_STR, "adapter", "adapter"),
	FIELD(COECHO_A_CLIENT_SAP_NAME, F_STR, "sap-name", "sap-name"),
	FIELD(COECHO_A_CLIENT_OUTGOING, F_FLAG, "outgoing", "outgoing"),
	ENUM_FIELD(COECHO_A_CLIENT_STATE, "state", "state", &client_call_state_names),
	FIELD(COECHO_A_CLIENT_PARTIES, F_U32, "parties", "parties"),
	FIELD(COECHO_A_CLIENT_RATE, F_U32, "rate", "rate"),
	FIELD(COECHO_A_CLIENT_TX_PACKETS, F_UINT, "tx-packets", "tx-packets"),
	FIELD(COECHO_A_CLIENT_TX_DONE, F_UINT, "tx-done", "tx-done"),
	FIELD(COECHO_A_CLIENT_TX_ERRORS, F_UINT, "tx-errors", "tx-errors"),
	FIELD(COECHO_A_CLIENT_RX_PACKETS, F_UINT, "rx-packets", "rx-packets"),
	FIELD(COECHO_A_CLIENT_RX_BYTES, F_UINT, "rx-bytes", "rx-bytes"),
	FIELD(COECHO_A_CLIENT_RX_BAD, F_UINT, "rx-bad", "rx-bad"),
	FIELD(COECHO_A_CLIENT_ECHOED, F_UINT, "echoed", "echoed"),
};

static const struct objtype objtypes[] = {
	{ "adapter", "adapters", NULL, CONDIS_CMD_ADAPTER_GET, CONDIS_A_ADAPTER_MAX,
	  adapter_fields, ARRAY_SIZE(adapter_fields) },
	{ "binding", "bindings", NULL, CONDIS_CMD_BINDING_GET, CONDIS_A_BINDING_MAX,
	  binding_fields, ARRAY_SIZE(binding_fields) },
	{ "af", "afs", NULL, CONDIS_CMD_AF_GET, CONDIS_A_AF_MAX,
	  af_fields, ARRAY_SIZE(af_fields) },
	{ "sap", "saps", NULL, CONDIS_CMD_SAP_GET, CONDIS_A_SAP_MAX,
	  sap_fields, ARRAY_SIZE(sap_fields) },
	{ "vc", "vcs", NULL, CONDIS_CMD_VC_GET, CONDIS_A_VC_MAX,
	  vc_fields, ARRAY_SIZE(vc_fields) },
	{ "call", "calls", NULL, CONDIS_CMD_CALL_GET, CONDIS_A_VC_MAX,
	  vc_fields, ARRAY_SIZE(vc_fields) },
	{ "party", "parties", NULL, CONDIS_CMD_PARTY_GET, CONDIS_A_PARTY_MAX,
	  party_fields, ARRAY_SIZE(party_fields) },
	{ "client", "clients", COECHO_FAMILY_NAME, COECHO_CMD_CALL_GET, COECHO_A_CLIENT_MAX,
	  client_fields, ARRAY_SIZE(client_fields) },
};

/* The largest attribute set's highest type, for the parse tables. */
#define SHOW_MAX_ATTR	16

static void show_fields(const struct objtype *t, const struct nlattr **tb);

static void show_field(const struct field *f, const struct nlattr *a)
{
	const struct nlattr *tb[SHOW_MAX_ATTR + 1];
	size_t len;

	if (f->kind == F_FLAG) {
		out_bool(f->key, f->jkey, a);
		return;
	}
	if (!a)
		return;
	len = mnl_attr_get_payload_len(a);
	switch (f->kind) {
	case F_U32:
	case F_HEX:
	case F_ENUM:
		if (len != sizeof(uint32_t))
			return;
		if (f->kind == F_U32)
			out_uint(f->key, f->jkey, mnl_attr_get_u32(a));
		else if (f->kind == F_HEX)
			out_hex32(f->key, f->jkey, mnl_attr_get_u32(a));
		else
			out_enum(f->key, f->jkey, f->names, mnl_attr_get_u32(a));
		break;
	case F_UINT:
		if (nl_attr_uint_ok(a))
			out_uint(f->key, f->jkey, nl_attr_uint(a));
		break;
	case F_STR:
		out_strn(f->key, f->jkey, mnl_attr_get_payload(a), nl_attr_strlen(a));
		break;
	case F_BIN:
		out_bytes(f->key, f->jkey, mnl_attr_get_payload(a), len);
		break;
	case F_NEST:
		if (f->nest->max > SHOW_MAX_ATTR || nl_nested(a, tb, f->nest->max) < 0)
			return;
		out_nest_begin(f->jkey);
		show_fields(f->nest, tb);
		out_nest_end();
		break;
	}
}

static void show_fields(const struct objtype *t, const struct nlattr **tb)
{
	size_t i;

	for (i = 0; i < t->n_fields; i++)
		show_field(&t->fields[i], tb[t->fields[i].attr]);
}

static int show_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[SHOW_MAX_ATTR + 1];
	const struct objtype *t = data;

	if (nl_attrs(nlh, GENL_HDRLEN, tb, t->max) < 0)
		return MNL_CB_OK;	/* a malformed entry: skip it */
	out_obj_begin();
	show_fields(t, tb);
	out_obj_end();
	return MNL_CB_OK;
}

/**
 * cmd_show() - condis OBJECT [show]
 * @c: the command; @c->object names the objects, argv[0] is "show" or
 *	"list" (or absent)
 *
 * Return: an exit status.
 */
int cmd_show(struct cmd_ctx *c)
{
	const struct objtype *t = NULL;
	struct nlmsghdr *nlh;
	size_t i;
	int err;

	for (i = 0; i < ARRAY_SIZE(objtypes); i++) {
		if (!strcmp(c->object, objtypes[i].name) ||
		    !strcmp(c->object, objtypes[i].plural))
			t = &objtypes[i];
	}
	if (!t)
		return usage_error("unknown object '%s'", c->object);
	if (c->argc && strcmp(c->argv[0], "show") && strcmp(c->argv[0], "list"))
		return usage_error("%s: unknown command '%s' (%s show lists them)", t->name,
				   c->argv[0], t->name);
	if (c->argc > 1)
		return usage_error("%s show: takes no arguments", t->name);
	snprintf(c->what_buf, sizeof(c->what_buf), "%s show", t->name);
	c->what = c->what_buf;
	if (t->family ? nl_connect_to(c, t->family) : nl_connect(c))
		return EXIT_FAIL;

	nlh = nl_msg(&c->nl, c->nl.family, t->cmd, NLM_F_DUMP);
	out_list_begin();
	err = nl_exchange(&c->nl, nlh, show_cb, (void *)t);
	out_list_end(!err);
	fflush(stdout);
	if (err)
		return nl_failure(c, err, NULL);
	return EXIT_OK;
}
