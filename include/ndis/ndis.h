/* SPDX-License-Identifier: GPL-2.0 */
/*
 * NDIS compat for CoNDIS drivers ported to condis: include this, and only
 * this, in a ported driver.  Documentation/porting.rst says what maps to
 * what, what differs, and what is not provided.
 *
 *   types.h    Windows base types, NDIS_OBJECT_HEADER, NDIS_STRING, lists
 *   status.h   NDIS_STATUS values and the conversion to condis's int status
 *   oids.h     CoNDIS OIDs and NDIS_OID_REQUEST
 *   co.h       CO structures, flags, callback types, characteristics tables
 *   nbl.h      NET_BUFFER_LIST, NET_BUFFER, MDL over sk_buffs
 *   os.h       spin locks, memory, timers, work items, events, interlocked
 *   driver.h   registration structures and the compat handles
 *   register.h driver registration, binding, adapters
 *   cocalls.h  the CoNDIS functions (NdisCl*, NdisCm*, NdisMCm*, NdisCo*,
 *              NdisMCo*)
 *   ndis5.h    the NDIS 5.x CoNDIS interface: NdisRegisterProtocol,
 *              NdisMRegisterMiniport, NDIS_PACKET, NDIS_REQUEST, ...
 *
 * Every function is exported by ndis.ko (ndis/), the compat library, as
 * ndis.sys is on Windows, and so are the trampolines that carry condis's
 * callbacks to a driver's handlers: nothing is compiled into the driver,
 * which may register any number of protocol and miniport drivers from any
 * of its source files.
 * condis itself (cond/) never includes these headers.
 *
 * The header imports condis's symbol namespace for the module that
 * includes it, so a driver's Kbuild and sources need no Linux-only line.
 * Every source file that includes it adds the same modinfo entry, which
 * modpost accepts any number of times.
 */
#ifndef _NDIS_NDIS_H
#define _NDIS_NDIS_H

#include <linux/module.h>

#include <ndis/types.h>
#include <ndis/status.h>
#include <ndis/oids.h>
#include <ndis/co.h>
#include <ndis/nbl.h>
#include <ndis/os.h>
#include <ndis/driver.h>
#include <ndis/register.h>
#include <ndis/cocalls.h>
#include <ndis/ndis5.h>

/*
 * MODULE_IMPORT_NS(CONDIS) and (NDIS), spelled as what they expand to: the
 * macro takes an identifier up to 6.12 and a string from 6.13 on, this
 * form any.  ndis.ko itself (NDIS_LIBRARY) exports the NDIS namespace.
 */
MODULE_INFO(import_ns, "CONDIS");
#ifndef NDIS_LIBRARY
MODULE_INFO(import_ns, "NDIS");
#endif

#endif /* _NDIS_NDIS_H */
