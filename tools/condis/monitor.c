// SPDX-License-Identifier: GPL-2.0
/*
 * condis tool: "condis monitor", the family's event-ntf notifications.
 *
 * One line per event until SIGINT or SIGTERM, flushed at once:
 *
 *   TYPE KIND ID [parent N] [name S] [old-state X] [state Y]
 *        [old-call-state X] [call-state Y]
 *
 * or, with -j, one JSON object per line with the spec's attribute names.
 * States are named in the enum of the object's kind.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <linux/genetlink.h>

#include "tool.h"

/* Socket receive buffer: enough for bursts of events (a port's removal). */
#define MONITOR_RCVBUF	(4 << 20)

/* The enum an event's states are in, by the kind of object. */
static const struct names *state_names(uint32_t kind)
{
	switch (kind) {
	case CONDIS_OBJ_KIND_AF:
		return &af_state_names;
	case CONDIS_OBJ_KIND_SAP:
		return &sap_state_names;
	case CONDIS_OBJ_KIND_VC:
		return &vc_state_names;
	case CONDIS_OBJ_KIND_PARTY:
		return &party_state_names;
	}
	return NULL;
}

static bool u32_attr(const struct nlattr *a, uint32_t *v)
{
	if (!a || mnl_attr_get_payload_len(a) != sizeof(uint32_t))
		return false;
	*v = mnl_attr_get_u32(a);
	return true;
}

static int event_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[CONDIS_A_EVENT_MAX + 1];
	const struct genlmsghdr *genl = mnl_nlmsg_get_payload(nlh);
	const struct names *states;
	uint32_t kind = 0, type = 0, id = 0, v;
	const char *kname, *tname;
	struct nl *nl = data;

	if (nlh->nlmsg_type != nl->family ||
	    mnl_nlmsg_get_payload_len(nlh) < GENL_HDRLEN ||
	    genl->cmd != CONDIS_CMD_EVENT_NTF ||
	    nl_attrs(nlh, GENL_HDRLEN, tb, CONDIS_A_EVENT_MAX) < 0)
		return MNL_CB_OK;
	u32_attr(tb[CONDIS_A_EVENT_KIND], &kind);
	u32_attr(tb[CONDIS_A_EVENT_TYPE], &type);
	u32_attr(tb[CONDIS_A_EVENT_ID], &id);
	states = state_names(kind);
	kname = name_of(&obj_kind_names, kind);
	tname = name_of(&event_type_names, type);

	if (out_json()) {
		out_obj_begin();
		out_enum("type", "type", &event_type_names, type);
		out_enum("kind", "kind", &obj_kind_names, kind);
		out_uint("id", "id", id);
	} else {
		if (tname)
			printf("%s ", tname);
		else
			printf("event-%u ", type);
		out_obj_begin();
		if (kname) {
			out_uint(kname, "id", id);
		} else {
			out_uint("object", "id", id);
			out_uint("kind", "kind", kind);
		}
	}
	if (u32_attr(tb[CONDIS_A_EVENT_PARENT_ID], &v))
		out_uint("parent", "parent-id", v);
	if (tb[CONDIS_A_EVENT_NAME])
		out_strn("name", "name", mnl_attr_get_payload(tb[CONDIS_A_EVENT_NAME]),
			 nl_attr_strlen(tb[CONDIS_A_EVENT_NAME]));
	if (u32_attr(tb[CONDIS_A_EVENT_OLD_STATE], &v))
		out_enum("old-state", "old-state", states, v);
	if (u32_attr(tb[CONDIS_A_EVENT_STATE], &v))
		out_enum("state", "state", states, v);
	if (u32_attr(tb[CONDIS_A_EVENT_OLD_CALL_STATE], &v))
		out_enum("old-call-state", "old-call-state", &call_state_names, v);
	if (u32_attr(tb[CONDIS_A_EVENT_CALL_STATE], &v))
		out_enum("call-state", "call-state", &call_state_names, v);
	out_obj_end();
	if (out_json())
		putchar('\n');
	fflush(stdout);
	return MNL_CB_OK;
}

/* Read and print what the socket has; 0, or a negative errno. */
static int monitor_read(struct nl *nl)
{
	ssize_t n;

	n = recv(mnl_socket_get_fd(nl->sk), nl->rcv, NL_RCV_SIZE, MSG_DONTWAIT);
	if (n < 0) {
		if (errno == EAGAIN || errno == EINTR)
			return 0;
		if (errno == ENOBUFS) {
			fputs("condis: monitor: events were lost (receive buffer overrun)\n",
			      stderr);
			return 0;
		}
		return -errno;
	}
	mnl_cb_run(nl->rcv, n, 0, 0, event_cb, nl);
	return 0;
}

/**
 * cmd_monitor() - condis monitor
 * @c: the command
 *
 * Return: EXIT_OK once stopped by SIGINT or SIGTERM; EXIT_FAIL if the
 * socket fails.
 */
int cmd_monitor(struct cmd_ctx *c)
{
	struct pollfd pfd[2];
	int err = 0, sfd, size = MONITOR_RCVBUF;
	sigset_t sigs;

	if (c->argc)
		return usage_error("monitor: takes no arguments");
	if (nl_connect(c))
		return EXIT_FAIL;
	out_init(out_json(), false);	/* one event per line, even with -p */
	if (!c->nl.monitor_grp) {
		fputs("condis: monitor: the condis family has no monitor group\n", stderr);
		return EXIT_FAIL;
	}
	pfd[0].fd = mnl_socket_get_fd(c->nl.sk);
	if (setsockopt(pfd[0].fd, SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof(size)) < 0)
		setsockopt(pfd[0].fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof(size));

	/*
	 * SIGINT and SIGTERM come through a signalfd, polled with the socket.
	 * A shell starts background jobs with SIGINT ignored, and an ignored
	 * signal never reaches a signalfd: take the default back first (the
	 * signals are blocked, so it never runs).
	 */
	sigemptyset(&sigs);
	sigaddset(&sigs, SIGINT);
	sigaddset(&sigs, SIGTERM);
	sigprocmask(SIG_BLOCK, &sigs, NULL);
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	sfd = signalfd(-1, &sigs, SFD_CLOEXEC);
	if (sfd < 0) {
		fprintf(stderr, "condis: monitor: signalfd: %s\n", strerror(errno));
		return EXIT_FAIL;
	}
	err = nl_join(&c->nl, c->nl.monitor_grp);
	if (err) {
		fprintf(stderr, "condis: monitor: cannot join the monitor group: %s\n",
			strerror(-err));
		close(sfd);
		return EXIT_FAIL;
	}
	pfd[0].events = POLLIN;
	pfd[1].fd = sfd;
	pfd[1].events = POLLIN;
	while (!err) {
		if (poll(pfd, 2, -1) < 0) {
			if (errno != EINTR)
				err = -errno;
			continue;
		}
		/* Events that came before the signal are printed first. */
		if (pfd[0].revents)
			err = monitor_read(&c->nl);
		if (pfd[1].revents)
			break;
	}
	close(sfd);
	if (err) {
		fprintf(stderr, "condis: monitor: %s\n", strerror(-err));
		return EXIT_FAIL;
	}
	return EXIT_OK;
}
