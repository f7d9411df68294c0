/* SPDX-License-Identifier: GPL-2.0 */
/*
 * condis: the driver-facing API of the CoNDIS-compatible core.
 *
 * This header grows with the core.  Conventions that hold for every call:
 *
 * Status values: 0 is success, a negative errno is a failure, and
 * -EINPROGRESS (CONDIS_PENDING) means "pended: the completion callback will
 * report the result exactly once".  A status that a driver hands to condis
 * (a completion status, a callback's return value) reaches the other driver
 * unchanged, whatever its value, so NDIS status codes carried by the compat
 * layer round-trip exactly.
 *
 * Contexts: "Context: process" functions may sleep; "Context: any" ones
 * never sleep and may be called in softirq context or with a spinlock held
 * (NDIS's IRQL <= DISPATCH_LEVEL).
 */
#ifndef _NET_CONDIS_H
#define _NET_CONDIS_H

#include <linux/errno.h>
#include <linux/types.h>

/* A pended operation: its completion callback reports the result later. */
#define CONDIS_PENDING	(-EINPROGRESS)

/* Longest SAP address condis accepts, in bytes (NDIS CO_SAP.SapLength). */
#define CONDIS_SAP_ADDR_MAX	512

/**
 * struct condis_sap_addr - a service access point, as a client registers it
 * @type: the SapType; its meaning belongs to the call manager and medium
 * @len: number of bytes in @addr, at most %CONDIS_SAP_ADDR_MAX; 0 makes the
 *	SAP a wildcard for @type (see Documentation/sap-table.rst)
 * @addr: the address bytes, compared byte for byte
 *
 * The layout matches NDIS's CO_SAP so compat drivers pass theirs directly.
 */
struct condis_sap_addr {
	u32 type;
	u32 len;
	u8 addr[];
};

#endif /* _NET_CONDIS_H */
