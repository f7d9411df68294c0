/* SPDX-License-Identifier: GPL-2.0 */
/*
 * condis: the user-space tool of the condis generic netlink families.
 *
 * main.c parses the command line and dispatches; nl.c talks netlink (family
 * resolution, requests, dumps, extack); names.c has the names of the enums
 * and attributes; out.c and json.c print plain or JSON output; show.c,
 * port.c, client.c and monitor.c are the commands.
 */
#ifndef _CONDIS_TOOL_TOOL_H
#define _CONDIS_TOOL_TOOL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <libmnl/libmnl.h>
#include <linux/coecho.h>
#include <linux/condis.h>
#include <linux/conic.h>

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

/* Exit statuses. */
#define EXIT_OK		0
#define EXIT_FAIL	1
#define EXIT_USAGE	2

/* Request and receive buffer sizes: a dump skb is at most 32 KiB. */
#define NL_REQ_SIZE	16384
#define NL_RCV_SIZE	65536

/**
 * struct nl - a generic netlink socket talking to one family
 * @sk: the libmnl socket
 * @req: the request buffer (NL_REQ_SIZE bytes)
 * @rcv: the receive buffer (NL_RCV_SIZE bytes)
 * @portid: the socket's netlink port id
 * @seq: sequence number of the last request
 * @family: the family id (0 until resolved)
 * @monitor_grp: the id of the family's "monitor" group (0 if none)
 * @err: errno of the last error reply (0 if none)
 * @msg: its extack message ("" if none)
 * @bad_attr: type of the attribute the extack offset points at, or -1
 * @miss_attr: type of the missing attribute the extack names, or -1
 * @sent: the last request, kept to map an extack offset to an attribute
 */
struct nl {
	struct mnl_socket *sk;
	char *req;
	char *rcv;
	unsigned int portid;
	unsigned int seq;
	uint16_t family;
	uint32_t monitor_grp;
	int err;
	char msg[256];
	int bad_attr;
	int miss_attr;
	const struct nlmsghdr *sent;
};

int nl_open(struct nl *nl);
void nl_close(struct nl *nl);
int nl_resolve(struct nl *nl, const char *name);
struct nlmsghdr *nl_msg(struct nl *nl, uint16_t type, uint8_t cmd, uint16_t flags);
int nl_send(struct nl *nl, const struct nlmsghdr *nlh, size_t len);
int nl_exchange(struct nl *nl, struct nlmsghdr *nlh, mnl_cb_t cb, void *data);
int nl_join(struct nl *nl, uint32_t group);
void nl_clear_error(struct nl *nl);
int nl_parse_error(struct nl *nl, const struct nlmsghdr *nlh);
int nl_parse_done(struct nl *nl, const struct nlmsghdr *nlh);
uint64_t nl_attr_uint(const struct nlattr *attr);
bool nl_attr_uint_ok(const struct nlattr *attr);
size_t nl_attr_strlen(const struct nlattr *attr);
int nl_attrs(const struct nlmsghdr *nlh, size_t offset, const struct nlattr **tb,
	     unsigned int max);
int nl_nested(const struct nlattr *nest, const struct nlattr **tb, unsigned int max);

/**
 * struct names - the names of an enum's values, or of an attribute set's
 * attributes, indexed by value
 * @name: the enum's or the set's name
 * @v: the names; NULL for a value without one
 * @n: entries in @v
 */
struct names {
	const char *name;
	const char *const *v;
	size_t n;
};

const char *name_of(const struct names *names, uint32_t value);
int value_of(const struct names *names, const char *name, uint32_t *value);

extern const struct names af_state_names, sap_state_names, vc_state_names,
	vc_creator_names, call_state_names, party_state_names, port_mode_names,
	client_call_state_names, obj_kind_names, event_type_names;
extern const struct names port_attr_names, client_attr_names, cmd_names, conic_cmd_names,
	coecho_cmd_names;

/* Output: plain "key value" lines, or JSON (json.c) through the same calls. */
void out_init(bool json, bool pretty);
bool out_json(void);
void out_list_begin(void);
void out_list_end(bool ok);
void out_obj_begin(void);
void out_obj_end(void);
void out_nest_begin(const char *jkey);
void out_nest_end(void);
void out_uint(const char *key, const char *jkey, uint64_t v);
void out_hex32(const char *key, const char *jkey, uint32_t v);
void out_str(const char *key, const char *jkey, const char *s);
void out_strn(const char *key, const char *jkey, const char *s, size_t len);
void out_bytes(const char *key, const char *jkey, const void *p, size_t len);
void out_bool(const char *key, const char *jkey, bool v);
void out_enum(const char *key, const char *jkey, const struct names *names, uint32_t v);

/* JSON writer. */
struct json;
struct json *json_new(FILE *f, bool pretty);
void json_free(struct json *j);
void json_obj_begin(struct json *j);
void json_obj_end(struct json *j);
void json_arr_begin(struct json *j);
void json_arr_end(struct json *j);
void json_key(struct json *j, const char *key);
void json_str(struct json *j, const char *s);
void json_strn(struct json *j, const char *s, size_t len);
void json_uint(struct json *j, uint64_t v);
void json_bool(struct json *j, bool v);
void json_newline(struct json *j);

/**
 * struct cmd_ctx - what every command gets
 * @nl: the socket, once nl_connect() opened it
 * @connected: @nl is open and the family resolved
 * @argc: words after the object's (or the command's own, once dispatched)
 * @argv: those words
 * @object: the object word ("adapter", "port", "client"...)
 * @what: the command's name, for messages ("port add")
 * @what_buf: room for @what
 */
struct cmd_ctx {
	struct nl nl;
	bool connected;
	int argc;
	char **argv;
	const char *object;
	const char *what;
	char what_buf[32];
};

/* main.c */
int usage_error(const char *fmt, ...);
int nl_connect(struct cmd_ctx *c);
int nl_connect_to(struct cmd_ctx *c, const char *family);
int nl_failure(struct cmd_ctx *c, int err, const struct names *attrs);
int parse_u32(const char *s, uint32_t *v);
int do_request(struct cmd_ctx *c, struct nlmsghdr *nlh, const struct names *attrs);

/* The commands. */
int cmd_show(struct cmd_ctx *c);
int cmd_port(struct cmd_ctx *c);
int cmd_listen(struct cmd_ctx *c);
int cmd_unlisten(struct cmd_ctx *c);
int cmd_call(struct cmd_ctx *c);
int cmd_send(struct cmd_ctx *c);
int cmd_close(struct cmd_ctx *c);
int cmd_client(struct cmd_ctx *c);
int cmd_monitor(struct cmd_ctx *c);

/* nlfuzz's churn command (churn.c). */
int churn_main(int argc, char **argv, const char *family);

#endif /* _CONDIS_TOOL_TOOL_H */
