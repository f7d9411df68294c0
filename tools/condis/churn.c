// SPDX-License-Identifier: GPL-2.0
/*
 * nlfuzz churn: a dump of the condis family that the topology changes
 * under, between its first buffer and the rest.
 *
 *   nlfuzz churn [--between SHELL-COMMAND] DUMP-COMMAND
 *	dumps DUMP-COMMAND (e.g. sap-get) once to learn the ids; then sends
 *	the dump request on a fresh socket, which makes the kernel fill the
 *	first buffer at once, runs SHELL-COMMAND (which adds or removes
 *	objects), and only then reads the dump, whose later buffers the
 *	kernel fills now; then dumps once more.  Every object in both the
 *	first and the last dump must be in the churned dump exactly once, no
 *	object may be in it twice, and the churned dump must have come in at
 *	least two buffers (else it proves nothing).
 *
 * Prints one summary line ("churn: ...") and each missing or repeated id;
 * exit status 0 when the checks hold, 1 otherwise, 2 for a bad command line.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <linux/genetlink.h>

#include "tool.h"

#define CHURN_MAX_IDS	4096

/**
 * struct idlist - the object ids of one dump, in the order they came
 * @id: the ids
 * @n: how many
 * @overflow: more than CHURN_MAX_IDS came
 */
struct idlist {
	uint32_t id[CHURN_MAX_IDS];
	unsigned int n;
	bool overflow;
};

/* Every dump's first attribute (type 1) is the object's id. */
static int churn_id_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[2];
	struct idlist *l = data;

	if (nl_attrs(nlh, GENL_HDRLEN, tb, 1) < 0 || !tb[1] ||
	    mnl_attr_validate(tb[1], MNL_TYPE_U32) < 0)
		return MNL_CB_OK;
	if (l->n == CHURN_MAX_IDS) {
		l->overflow = true;
		return MNL_CB_OK;
	}
	l->id[l->n++] = mnl_attr_get_u32(tb[1]);
	return MNL_CB_OK;
}

static unsigned int count_of(const struct idlist *l, uint32_t id)
{
	unsigned int i, n = 0;

	for (i = 0; i < l->n; i++)
		n += l->id[i] == id;
	return n;
}

static int full_dump(struct nl *nl, uint8_t cmd, struct idlist *l)
{
	l->n = 0;
	return nl_exchange(nl, nl_msg(nl, nl->family, cmd, NLM_F_DUMP), churn_id_cb, l);
}

/*
 * Read a dump whose request went out already, datagram by datagram;
 * @buffers counts the datagrams that carried objects.
 */
static int read_dump(struct nl *nl, struct idlist *l, unsigned int *buffers)
{
	unsigned int had;
	ssize_t len;
	int ret;

	l->n = 0;
	*buffers = 0;
	do {
		len = mnl_socket_recvfrom(nl->sk, nl->rcv, NL_RCV_SIZE);
		if (len < 0)
			return -errno;
		had = l->n;
		errno = 0;
		ret = mnl_cb_run(nl->rcv, len, nl->seq, nl->portid, churn_id_cb, l);
		if (l->n > had)
			(*buffers)++;
	} while (ret == MNL_CB_OK);
	if (ret == MNL_CB_STOP)
		return 0;
	return errno ? -errno : -EPROTO;
}

/* Whether @l->id[@i] is that id's first place in @l. */
static bool first_place(const struct idlist *l, unsigned int i)
{
	unsigned int j;

	for (j = 0; j < i; j++) {
		if (l->id[j] == l->id[i])
			return false;
	}
	return true;
}

/* The checks; print what fails and return the number of failures. */
static unsigned int churn_check(const struct idlist *before, const struct idlist *during,
				const struct idlist *after, unsigned int buffers)
{
	unsigned int i, n, failures = 0;

	for (i = 0; i < during->n; i++) {
		n = count_of(during, during->id[i]);
		if (n > 1 && first_place(during, i)) {
			printf("churn: FAIL: id %u is in the dump %u times\n", during->id[i], n);
			failures++;
		}
	}
	for (i = 0; i < before->n; i++) {
		if (count_of(after, before->id[i]) && !count_of(during, before->id[i])) {
			printf("churn: FAIL: id %u, there before and after, is not in the dump\n",
			       before->id[i]);
			failures++;
		}
	}
	if (buffers < 2) {
		printf("churn: FAIL: the dump came in %u buffer(s), so nothing resumed\n", buffers);
		failures++;
	}
	if (before->overflow || during->overflow || after->overflow) {
		printf("churn: FAIL: more than %u objects\n", CHURN_MAX_IDS);
		failures++;
	}
	return failures;
}

/**
 * churn_main() - nlfuzz churn
 * @argc: words after "churn"
 * @argv: those words
 * @family: the family name to resolve
 *
 * Return: the exit status.
 */
int churn_main(int argc, char **argv, const char *family)
{
	static struct idlist before, during, after;
	const char *between = NULL, *step;
	bool between_failed = false;
	unsigned int buffers = 0, failures;
	struct nlmsghdr *nlh;
	struct nl nl, dnl;
	uint8_t cmd;
	uint32_t v;
	int err;

	if (argc >= 2 && !strcmp(argv[0], "--between")) {
		between = argv[1];
		argc -= 2;
		argv += 2;
	}
	if (argc != 1 || !between) {
		fprintf(stderr, "usage: nlfuzz churn --between SHELL-COMMAND DUMP-COMMAND\n");
		return EXIT_USAGE;
	}
	/*
	 * The dump's socket reads nothing before the dump: the kernel sizes a
	 * dump buffer by the largest read on the socket so far, and a first
	 * buffer of one page leaves most objects to the later buffers.
	 */
	if (nl_open(&nl) || nl_resolve(&nl, family) || nl_open(&dnl)) {
		fprintf(stderr, "nlfuzz churn: cannot open the %s family\n", family);
		return EXIT_FAIL;
	}
	dnl.family = nl.family;
	if (value_of(&cmd_names, argv[0], &v) < 0) {
		fprintf(stderr, "nlfuzz churn: no command %s\n", argv[0]);
		return EXIT_USAGE;
	}
	cmd = v;
	step = "the first dump";
	err = full_dump(&nl, cmd, &before);
	if (!err) {
		step = "the churned dump's request";
		nlh = nl_msg(&dnl, dnl.family, cmd, NLM_F_DUMP);
		err = nl_send(&dnl, nlh, nlh->nlmsg_len);
	}
	if (!err && system(between) != 0) {
		printf("churn: FAIL: '%s' failed\n", between);
		between_failed = true;
	}
	if (!err) {
		step = "the churned dump";
		err = read_dump(&dnl, &during, &buffers);
	}
	if (!err) {
		step = "the last dump";
		err = full_dump(&nl, cmd, &after);
	}
	if (err) {
		printf("churn: FAIL: %s: %s\n", step, strerror(-err));
		return EXIT_FAIL;
	}
	failures = churn_check(&before, &during, &after, buffers) + between_failed;
	printf("churn: %s: %u objects before, %u in %u buffers while '%s' ran, %u after\n",
	       argv[0], before.n, during.n, buffers, between, after.n);
	nl_close(&nl);
	nl_close(&dnl);
	return failures ? EXIT_FAIL : EXIT_OK;
}
