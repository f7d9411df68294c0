/* SPDX-License-Identifier: GPL-2.0 */
/*
 * conic: what a condis client needs to place and accept calls over the
 * condis CO NIC (drivers/conic) and its signaling protocol (drivers/cosig),
 * whichever way the call manager runs: inside the NIC (MCM) or as the
 * stand-alone cocm module.
 *
 * The call manager registers the address family CONIC_AF_FAMILY.  A client
 * registers SAPs of type CONIC_SAP_TYPE whose address is a service name
 * (1 to CONIC_SAP_NAME_MAX bytes, no terminating NUL); a SAP of length 0
 * listens for every name.  To call, the client passes call parameters whose
 * CM-specific part (condis_cm_params.specific) has type CONIC_CM_CALLED_SAP
 * and holds the called service name.  With the same part, condis_cl_add_party()
 * adds a leaf.  The QoS in condis_cm_params.transmit/receive is carried to
 * the peer and reserved on both NICs (token_rate, bytes per second; a
 * reservation beyond the port's link speed fails with -ENOSPC).
 *
 * See Documentation/signaling.rst for the protocol and
 * Documentation/conic.rst for the NIC.
 */
#ifndef _NET_CONIC_H
#define _NET_CONIC_H

#include <linux/types.h>

/* The address family the conic call manager registers (CO_ADDRESS_FAMILY). */
#define CONIC_AF_FAMILY		0x00008C01
#define CONIC_AF_MAJOR		1
#define CONIC_AF_MINOR		0

/* condis_sap_addr.type of a conic SAP: the address is a service name. */
#define CONIC_SAP_TYPE		1
#define CONIC_SAP_NAME_MAX	32

/* condis_cm_params.specific.type: the called service name follows. */
#define CONIC_CM_CALLED_SAP	1

/*
 * condis_media_params.specific.type of the parameters a conic VC is
 * activated with (the call manager builds them; clients never need to).
 *
 * A plain port also takes a call manager that does not know conic
 * (Documentation/conic.rst, "Activation"):
 *
 * - no media-specific part (media NULL, or specific.len 0, whatever its
 *   type): conic picks the lowest free receive channel from
 *   CONIC_FIRST_DATA_VCI up and sends on the same number; a re-activation
 *   of an active VC keeps its channels.  A part of type CONIC_MEDIA_NONE
 *   with room for struct conic_media_vcis is no part either, and gets the
 *   chosen channels written back as CONIC_MEDIA_VCIS;
 * - ATM's (CONIC_MEDIA_ATM, the WDK's ATM_MEDIA_SPECIFIC with
 *   ATM_MEDIA_PARAMETERS): receive and send on the VCI, which must be 1 to
 *   CONIC_MAX_VCI with VPI 0 and AAL5;
 * - any other type with data: refused with -EINVAL.
 */
#define CONIC_MEDIA_VCIS	0xC0
#define CONIC_MEDIA_NONE	0
#define CONIC_MEDIA_ATM		1

/**
 * struct conic_atm_media - the head of the WDK's ATM_MEDIA_PARAMETERS
 *	(atm.h), the part conic reads
 * @vpi: ConnectionId.Vpi, must be 0 (conic has one path)
 * @vci: ConnectionId.Vci, the channel both ways
 * @aal_type: AALType, must be CONIC_ATM_AAL5 (conic carries whole packets)
 *
 * The whole structure is CONIC_ATM_MEDIA_SIZE bytes (seven more u32 of
 * cell-level figures and two 56-byte ATM_FLOW_PARAMETERS); conic ignores
 * the rest, and takes a VC's reservation from the call manager parameters
 * as for every VC.
 */
struct conic_atm_media {
	u32 vpi;
	u32 vci;
	u32 aal_type;
};

#define CONIC_ATM_AAL5		8	/* AAL_TYPE_AAL5 */
#define CONIC_ATM_MEDIA_SIZE	152	/* sizeof(ATM_MEDIA_PARAMETERS) */

/* Most leaves a point-to-multipoint call can have. */
#define CONIC_MAX_LEAVES	16

/**
 * struct conic_media_vcis - a VC's link channels (CONIC_MEDIA_VCIS)
 * @rx_vci: channel the VC receives on, 0 for none (a transmit-only root of
 *	a multipoint call)
 * @n_tx: number of entries in @tx_vci (0 for a receive-only leaf)
 * @tx_vci: channels each packet sent on the VC goes to; a multipoint root
 *	has one per leaf
 */
struct conic_media_vcis {
	u32 rx_vci;
	u32 n_tx;
	u32 tx_vci[CONIC_MAX_LEAVES];
};

/*
 * A conic port answers this vendor OID (query, u32) with its mode:
 * CONIC_MODE_PLAIN (a CO miniport a call manager such as cocm binds to) or
 * CONIC_MODE_MCM (it is its own call manager).
 */
#define CONIC_OID_PORT_MODE	0xFF0C0001
#define CONIC_MODE_PLAIN	0
#define CONIC_MODE_MCM		1

/* The channel of the signaling VC, and the first data channel. */
#define CONIC_SIG_VCI		0
#define CONIC_FIRST_DATA_VCI	32
#define CONIC_MAX_VCI		4095

#endif /* _NET_CONIC_H */
