/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The loopback medium of the NDIS 5.x sample pair, as the two drivers
 * would share it in a header: every adapter of ndis5loop is on one
 * network; a call to a service name is offered to the SAP of that name
 * (on whichever adapter registered it), and packets sent on either VC of
 * a call are received on the other.
 */
#ifndef _LOOP5NET_H
#define _LOOP5NET_H

/* CO_ADDRESS_FAMILY.AddressFamily (vendor range). */
#define LOOP5_ADDRESS_FAMILY	0x00004C35
#define LOOP5_ADDRESS_FAMILY_MAJOR	5
#define LOOP5_ADDRESS_FAMILY_MINOR	0

/* CO_SAP.SapType; CO_SAP.Sap holds the service name, 1 to 32 bytes. */
#define LOOP5_SAP_TYPE		1
#define LOOP5_NAME_MAX		32

/* CallMgrSpecific.ParamType of a call: Parameters hold the called name. */
#define LOOP5_PARAM_CALLED	1

/* Largest packet, in bytes. */
#define LOOP5_MTU		2048

/* OID_GEN_CO_VENDOR_ID answered by the call manager (pended). */
#define LOOP5_VENDOR_ID		0x00C0DE55

#endif /* _LOOP5NET_H */
