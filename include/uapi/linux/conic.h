/* SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause) */
/* Do not edit directly, auto-generated from: */
/*	Documentation/netlink/specs/conic.yaml */
/* YNL-GEN uapi header */

#ifndef _UAPI_LINUX_CONIC_H
#define _UAPI_LINUX_CONIC_H

#define CONIC_FAMILY_NAME	"conic"
#define CONIC_FAMILY_VERSION	1

/**
 * enum conic_port_mode - How a conic port offers signalling.
 * @CONIC_PORT_MODE_PLAIN: A plain CO miniport; a stand-alone call manager
 *   (cocm) binds to it.
 * @CONIC_PORT_MODE_MCM: A miniport call manager with integrated signalling.
 */
enum conic_port_mode {
	CONIC_PORT_MODE_PLAIN,
	CONIC_PORT_MODE_MCM,
};

enum {
	CONIC_A_PORT_ID = 1,
	CONIC_A_PORT_MODE,
	CONIC_A_PORT_PEER,
	CONIC_A_PORT_IFNAME,

	__CONIC_A_PORT_MAX,
	CONIC_A_PORT_MAX = (__CONIC_A_PORT_MAX - 1)
};

enum {
	CONIC_CMD_PORT_NEW = 1,
	CONIC_CMD_PORT_DEL,
	CONIC_CMD_PORT_LINK,
	CONIC_CMD_PORT_UNLINK,

	__CONIC_CMD_MAX,
	CONIC_CMD_MAX = (__CONIC_CMD_MAX - 1)
};

#endif /* _UAPI_LINUX_CONIC_H */
