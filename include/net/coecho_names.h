/* SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause) */
/* Do not edit directly, auto-generated from: */
/*	Documentation/netlink/specs/coecho.yaml */
/* by tools/check/nlnames: the names of its enums' values, for the */
/* kernel (tracepoints, debugfs) and the tool alike */

#ifndef _NET_COECHO_NAMES_H
#define _NET_COECHO_NAMES_H

/* client-call-state: The state of a call of the sample client */
#define COECHO_CLIENT_CALL_STATE_NAMES				\
	[COECHO_CLIENT_CALL_STATE_CALLING] = "calling",		\
	[COECHO_CLIENT_CALL_STATE_CONNECTED] = "connected",	\
	[COECHO_CLIENT_CALL_STATE_CLOSING] = "closing",		\
	[COECHO_CLIENT_CALL_STATE_CLOSED] = "closed"
#define coecho_show_client_call_state(v)				\
	__print_symbolic(v,						\
		{ COECHO_CLIENT_CALL_STATE_CALLING, "calling" },	\
		{ COECHO_CLIENT_CALL_STATE_CONNECTED, "connected" },	\
		{ COECHO_CLIENT_CALL_STATE_CLOSING, "closing" },	\
		{ COECHO_CLIENT_CALL_STATE_CLOSED, "closed" })

/* the attributes of the client set */
#define COECHO_CLIENT_ATTR_NAMES			\
	[COECHO_A_CLIENT_ADAPTER] = "adapter",		\
	[COECHO_A_CLIENT_SAP_NAME] = "sap-name",	\
	[COECHO_A_CLIENT_CALL_ID] = "call-id",		\
	[COECHO_A_CLIENT_RATE] = "rate",		\
	[COECHO_A_CLIENT_COUNT] = "count",		\
	[COECHO_A_CLIENT_SIZE] = "size",		\
	[COECHO_A_CLIENT_OUTGOING] = "outgoing",	\
	[COECHO_A_CLIENT_STATE] = "state",		\
	[COECHO_A_CLIENT_PARTIES] = "parties",		\
	[COECHO_A_CLIENT_TX_PACKETS] = "tx-packets",	\
	[COECHO_A_CLIENT_TX_DONE] = "tx-done",		\
	[COECHO_A_CLIENT_TX_ERRORS] = "tx-errors",	\
	[COECHO_A_CLIENT_RX_PACKETS] = "rx-packets",	\
	[COECHO_A_CLIENT_RX_BYTES] = "rx-bytes",	\
	[COECHO_A_CLIENT_RX_BAD] = "rx-bad",		\
	[COECHO_A_CLIENT_ECHOED] = "echoed"

/* the commands */
#define COECHO_CMD_NAMES			\
	[COECHO_CMD_LISTEN] = "listen",		\
	[COECHO_CMD_UNLISTEN] = "unlisten",	\
	[COECHO_CMD_CALL] = "call",		\
	[COECHO_CMD_SEND] = "send",		\
	[COECHO_CMD_CLOSE] = "close",		\
	[COECHO_CMD_CALL_GET] = "call-get"

#endif /* _NET_COECHO_NAMES_H */
