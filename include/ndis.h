/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <ndis.h>, as a WDK-built driver spells it: with -I pointing at condis's
 * include/ directory, a driver's sources include this unchanged, or
 * <ndis/ndis.h>; both are the same header.
 */
#ifndef _NDIS_H
#define _NDIS_H

#include <ndis/ndis.h>

#endif /* _NDIS_H */
