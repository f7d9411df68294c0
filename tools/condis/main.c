// SPDX-License-Identifier: GPL-2.0
/*
 * condis: inspect and drive the condis CoNDIS-compatible stack over its
 * generic netlink families (condis, conic, coecho), with the grammar of ip
 * and devlink: condis OBJECT COMMAND [ARGUMENTS].  See condis(8).
 *
 * Exit status: 0 on success, 1 when the kernel refused or something failed,
 * 2 for a bad command line.
 */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "tool.h"

static const char usage_text[] =
	"usage: condis [-j|--json] [-p|--pretty] OBJECT COMMAND [ARGUMENTS]\n"
	"       condis [-j|--json] [-p|--pretty] monitor\n"
	"       condis -V|--version\n"
	"objects and commands:\n"
	"  {adapter|binding|af|sap|vc|call|party} show\n"
	"  port add ID [mode plain|mcm]\n"
	"  port del ID\n"
	"  port link ID {peer ID2 | dev IFNAME}\n"
	"  port unlink ID\n"
	"  client show\n"
	"  client listen ADAPTER NAME\n"
	"  client unlisten ADAPTER NAME\n"
	"  client call ADAPTER NAME [id N] [rate N]\n"
	"  client send ID [count N] [size N]\n"
	"  client close ID\n"
	"  monitor\n"
	"  help\n";

/**
 * usage_error() - report a bad command line, with the usage, on stderr
 * @fmt: what is wrong, printf-style
 *
 * Return: EXIT_USAGE.
 */
int usage_error(const char *fmt, ...)
{
	va_list ap;

	fputs("condis: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	fputs(usage_text, stderr);
	return EXIT_USAGE;
}

/**
 * parse_u32() - a decimal number of 0 to 4294967295, the whole word
 * @s: the word
 * @v: set to the number
 *
 * Return: 0, or -1 when @s is not such a number.
 */
int parse_u32(const char *s, uint32_t *v)
{
	unsigned long long n;
	char *end;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	n = strtoull(s, &end, 10);
	if (errno || *end || n > UINT32_MAX)
		return -1;
	*v = n;
	return 0;
}

/**
 * nl_connect() - open the socket and find the condis family
 * @c: the command
 *
 * Reports a failure on stderr.
 *
 * Return: 0, or -1 on failure.
 */
int nl_connect(struct cmd_ctx *c)
{
	int err;

	err = nl_open(&c->nl);
	if (err) {
		fprintf(stderr, "condis: cannot open a generic netlink socket: %s\n",
			strerror(-err));
		return -1;
	}
	err = nl_resolve(&c->nl, CONDIS_FAMILY_NAME);
	if (err == -ENOENT) {
		fputs("condis: the condis kernel module is not loaded (modprobe condis)\n", stderr);
	} else if (err) {
		fprintf(stderr, "condis: cannot look up the condis netlink family: %s\n",
			strerror(-err));
	}
	if (err) {
		nl_close(&c->nl);
		return -1;
	}
	c->connected = true;
	return 0;
}

/**
 * nl_connect_to() - open the socket and find a driver's family
 * @c: the command
 * @family: the family, named as the module that registers it (conic, coecho)
 *
 * The condis family must be there too: without it the message is that of
 * nl_connect(); without @family, that the module is not loaded.
 *
 * Return: 0, or -1 once the failure is reported.
 */
int nl_connect_to(struct cmd_ctx *c, const char *family)
{
	int err;

	if (nl_connect(c))
		return -1;
	err = nl_resolve(&c->nl, family);
	if (!err)
		return 0;
	if (err == -ENOENT) {
		snprintf(c->nl.msg, sizeof(c->nl.msg), "the %s module is not loaded", family);
		nl_failure(c, -EOPNOTSUPP, NULL);
	} else {
		fprintf(stderr, "condis: cannot look up the %s netlink family: %s\n", family,
			strerror(-err));
	}
	nl_close(&c->nl);
	c->connected = false;
	return -1;
}

/**
 * nl_failure() - report a failed request: the kernel's message, the
 * attribute at fault, the error
 * @c: the command
 * @err: the negative errno
 * @attrs: the names of the request's attributes (NULL for a dump)
 *
 * Return: EXIT_FAIL.
 */
int nl_failure(struct cmd_ctx *c, int err, const struct names *attrs)
{
	const struct nl *nl = &c->nl;
	const char *name;

	fflush(stdout);
	if (err == -EPERM) {
		fprintf(stderr, "condis: %s needs CAP_NET_ADMIN (%s)\n", c->what, strerror(EPERM));
		return EXIT_FAIL;
	}
	fprintf(stderr, "condis: %s: %s", c->what, strerror(-err));
	if (nl->msg[0])
		fprintf(stderr, ": %s", nl->msg);
	if (attrs && nl->miss_attr >= 0) {
		name = name_of(attrs, nl->miss_attr);
		if (name)
			fprintf(stderr, " (missing attribute %s)", name);
		else
			fprintf(stderr, " (missing attribute %d)", nl->miss_attr);
	}
	if (attrs && nl->bad_attr >= 0) {
		name = name_of(attrs, nl->bad_attr);
		if (name)
			fprintf(stderr, " (attribute %s)", name);
		else
			fprintf(stderr, " (attribute %d)", nl->bad_attr);
	}
	/* A kernel without the module's part says so; guess if it does not. */
	if (err == -EOPNOTSUPP && !nl->msg[0]) {
		if (attrs == &port_attr_names)
			fputs(" (is the conic module loaded?)", stderr);
		else if (attrs == &client_attr_names)
			fputs(" (is the coecho module loaded?)", stderr);
	}
	fputc('\n', stderr);
	return EXIT_FAIL;
}

/**
 * do_request() - send a "do" request and wait for its acknowledgment
 * @c: the command
 * @nlh: the request
 * @attrs: the names of its attributes, for error messages
 *
 * Return: an exit status; a failure is reported.
 */
int do_request(struct cmd_ctx *c, struct nlmsghdr *nlh, const struct names *attrs)
{
	int err;

	nlh->nlmsg_flags |= NLM_F_ACK;
	err = nl_exchange(&c->nl, nlh, NULL, NULL);
	return err ? nl_failure(c, err, attrs) : EXIT_OK;
}

/**
 * struct object - an object of the command line, as ip's and devlink's
 * @name: its word
 * @plural: the plural the command line takes too
 * @run: runs its COMMAND (argv[0]: "condis OBJECT COMMAND [ARGUMENTS]")
 */
struct object {
	const char *name;
	const char *plural;
	int (*run)(struct cmd_ctx *c);
};

static const struct object objects[] = {
	{ "adapter", "adapters", cmd_show },
	{ "binding", "bindings", cmd_show },
	{ "af", "afs", cmd_show },
	{ "sap", "saps", cmd_show },
	{ "vc", "vcs", cmd_show },
	{ "call", "calls", cmd_show },
	{ "party", "parties", cmd_show },
	{ "port", "ports", cmd_port },
	{ "client", "clients", cmd_client },
	{ "monitor", "monitor", cmd_monitor },
};

int main(int argc, char **argv)
{
	static const struct option options[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "pretty", no_argument, NULL, 'p' },
		{ "version", no_argument, NULL, 'V' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct cmd_ctx c = { 0 };
	bool json = false, pretty = false;
	const char *word;
	size_t i;
	int opt, ret;

	opterr = 0;
	while ((opt = getopt_long(argc, argv, "+jpVh", options, NULL)) != -1) {
		switch (opt) {
		case 'j':
			json = true;
			break;
		case 'p':
			pretty = true;
			break;
		case 'V':
			printf("condis %s (netlink family %s, version %d)\n", CONDIS_TOOL_VERSION,
			       CONDIS_FAMILY_NAME, CONDIS_FAMILY_VERSION);
			return EXIT_OK;
		case 'h':
			fputs(usage_text, stdout);
			return EXIT_OK;
		default:
			return usage_error("unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind >= argc)
		return usage_error("no command");
	word = argv[optind];
	if (!strcmp(word, "help")) {
		fputs(usage_text, stdout);
		return EXIT_OK;
	}
	for (i = 0; i < ARRAY_SIZE(objects); i++) {
		if (!strcmp(word, objects[i].name) || !strcmp(word, objects[i].plural))
			break;
	}
	if (i == ARRAY_SIZE(objects))
		return usage_error("unknown object '%s'", word);

	out_init(json, pretty);
	c.argc = argc - optind - 1;
	c.argv = argv + optind + 1;
	c.object = word;
	c.what = objects[i].name;
	ret = objects[i].run(&c);
	if (c.connected)
		nl_close(&c.nl);
	out_init(false, false);
	if (fflush(stdout) || ferror(stdout)) {
		fprintf(stderr, "condis: cannot write the output: %s\n", strerror(errno));
		return EXIT_FAIL;
	}
	return ret;
}
