/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The loopback medium of the ndissample drivers, as a Windows driver pair
 * would share it in a header: the address family the MCM (ndisloop)
 * registers, the SAP format and the call parameters a client
 * (ndisclient) places calls with.
 *
 * Every adapter of ndisloop is on one loopback network: a call placed on
 * any adapter to a service name is offered, as an incoming call, to the
 * SAP registered with that name on the first adapter (in creation order)
 * that has one, and data sent on either VC of the call is received on the
 * other.
 *
 * A call made with a party is a point-to-multipoint call: each party
 * (the first, and each one added) is a call offered to the SAP its own
 * parameters name, and what the root sends is received by every leaf
 * that accepted; the leaves send nothing (their sends fail).
 *
 * The QoS of a connected point-to-point call may change: the new
 * FLOWSPECs of the end that asks are the other end's with Transmit and
 * Receive swapped.  A token rate or peak bandwidth above
 * NDISLOOP_MAX_RATE does not fit the medium.
 */
#ifndef _NDISLOOP_H
#define _NDISLOOP_H

/* CO_ADDRESS_FAMILY.AddressFamily of the loopback medium (vendor range). */
#define NDISLOOP_AF			0x00004C50
#define NDISLOOP_AF_MAJOR		1
#define NDISLOOP_AF_MINOR		0

/* CO_SAP.SapType; CO_SAP.Sap holds the service name, 1 to 32 bytes. */
#define NDISLOOP_SAP_TYPE		1
#define NDISLOOP_NAME_MAX		32

/*
 * CO_CALL_MANAGER_PARAMETERS.CallMgrSpecific.ParamType of a call: its
 * Parameters hold the called service name.
 */
#define NDISLOOP_PARAM_CALLED		1

/* Largest packet the medium carries, in bytes. */
#define NDISLOOP_MTU			2048

/* The link speed the adapters report (OID_GEN_CO_LINK_SPEED), in 100 bit/s. */
#define NDISLOOP_LINK_SPEED		10000000

/* The largest FLOWSPEC TokenRate or PeakBandwidth it carries: the link speed in bytes/s. */
#define NDISLOOP_MAX_RATE		(NDISLOOP_LINK_SPEED / 80 * 1000)

#endif /* _NDISLOOP_H */
