/* SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause) */
/* Do not edit directly, auto-generated from: */
/*	Documentation/netlink/specs/conic.yaml */
/* by tools/check/nlnames: the names of its enums' values, for the */
/* kernel (tracepoints, debugfs) and the tool alike */

#ifndef _NET_CONIC_NAMES_H
#define _NET_CONIC_NAMES_H

/* port-mode: How a conic port offers signalling */
#define CONIC_PORT_MODE_NAMES			\
	[CONIC_PORT_MODE_PLAIN] = "plain",	\
	[CONIC_PORT_MODE_MCM] = "mcm"
#define conic_show_port_mode(v)				\
	__print_symbolic(v,				\
		{ CONIC_PORT_MODE_PLAIN, "plain" },	\
		{ CONIC_PORT_MODE_MCM, "mcm" })

/* the attributes of the port set */
#define CONIC_PORT_ATTR_NAMES		\
	[CONIC_A_PORT_ID] = "id",	\
	[CONIC_A_PORT_MODE] = "mode",	\
	[CONIC_A_PORT_PEER] = "peer",	\
	[CONIC_A_PORT_IFNAME] = "ifname"

/* the commands */
#define CONIC_CMD_NAMES				\
	[CONIC_CMD_PORT_NEW] = "port-new",	\
	[CONIC_CMD_PORT_DEL] = "port-del",	\
	[CONIC_CMD_PORT_LINK] = "port-link",	\
	[CONIC_CMD_PORT_UNLINK] = "port-unlink"

#endif /* _NET_CONIC_NAMES_H */
