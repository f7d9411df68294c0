/* SPDX-License-Identifier: GPL-2.0 */
/*
 * NDIS compat: the CoNDIS OIDs (condis-api.md 4.8) and NDIS_OID_REQUEST.
 *
 * condis carries an OID request as struct condis_oid_request.  An
 * NDIS_OID_REQUEST a driver sends embeds the condis request it is sent as
 * (NdisCompat.native), so the requester's completion finds its own
 * NDIS_OID_REQUEST again with container_of().  A request an NDIS driver
 * receives comes from any driver, native or not, so the compat layer
 * gives the target a copy (a wrapper, NdisCompat.origin pointing at the
 * condis request) and copies the results back when the target answers or
 * completes; the wrapper is freed then.
 */
#ifndef _NDIS_OIDS_H
#define _NDIS_OIDS_H

#include <linux/bitops.h>
#include <linux/printk.h>
#include <linux/refcount.h>
#include <linux/slab.h>
#include <net/condis.h>

#include <ndis/types.h>
#include <ndis/status.h>

/* Client <-> call manager (sent with an AF handle). */
#define OID_CO_ADD_PVC				0xFE000001
#define OID_CO_DELETE_PVC			0xFE000002
#define OID_CO_GET_CALL_INFORMATION		0xFE000003
#define OID_CO_ADD_ADDRESS			0xFE000004
#define OID_CO_DELETE_ADDRESS			0xFE000005
#define OID_CO_GET_ADDRESSES			0xFE000006
#define OID_CO_ADDRESS_CHANGE			0xFE000007
#define OID_CO_SIGNALING_ENABLED		0xFE000008
#define OID_CO_SIGNALING_DISABLED		0xFE000009
#define OID_CO_AF_CLOSE				0xFE00000A
#define OID_CO_TAPI_CM_CAPS			0xFE001001
#define OID_CO_TAPI_LINE_CAPS			0xFE001002
#define OID_CO_TAPI_ADDRESS_CAPS		0xFE001003
#define OID_CO_TAPI_TRANSLATE_TAPI_CALLPARAMS	0xFE001004
#define OID_CO_TAPI_TRANSLATE_NDIS_CALLPARAMS	0xFE001005
#define OID_CO_TAPI_TRANSLATE_TAPI_SAP		0xFE001006
#define OID_CO_TAPI_GET_CALL_DIAGNOSTICS	0xFE001007
#define OID_CO_TAPI_REPORT_DIGITS		0xFE001008
#define OID_CO_TAPI_DONT_REPORT_DIGITS		0xFE001009

/* Miniport OIDs (sent without an AF). */
#define OID_GEN_CO_SUPPORTED_LIST		0x00010101
#define OID_GEN_CO_HARDWARE_STATUS		0x00010102
#define OID_GEN_CO_MEDIA_SUPPORTED		0x00010103
#define OID_GEN_CO_MEDIA_IN_USE			0x00010104
#define OID_GEN_CO_LINK_SPEED			0x00010107
#define OID_GEN_CO_VENDOR_ID			0x0001010C
#define OID_GEN_CO_VENDOR_DESCRIPTION		0x0001010D
#define OID_GEN_CO_DRIVER_VERSION		0x00010110
#define OID_GEN_CO_PROTOCOL_OPTIONS		0x00010112
#define OID_GEN_CO_MAC_OPTIONS			0x00010113
#define OID_GEN_CO_MEDIA_CONNECT_STATUS		0x00010114
#define OID_GEN_CO_VENDOR_DRIVER_VERSION	0x00010116
#define OID_GEN_CO_SUPPORTED_GUIDS		0x00010117
#define OID_GEN_CO_XMIT_PDUS_OK			0x00020101
#define OID_GEN_CO_RCV_PDUS_OK			0x00020102
#define OID_GEN_CO_XMIT_PDUS_ERROR		0x00020103
#define OID_GEN_CO_RCV_PDUS_ERROR		0x00020104
#define OID_GEN_CO_RCV_PDUS_NO_BUFFER		0x00020105
#define OID_GEN_CO_BYTES_XMIT			0x00020201
#define OID_GEN_CO_BYTES_RCV			0x00020207
#define OID_GEN_CO_RCV_CRC_ERROR		0x0002020D
#define OID_GEN_CO_TRANSMIT_QUEUE_LENGTH	0x0002020E
#define OID_GEN_CO_GET_TIME_CAPS		0x0002020F
#define OID_GEN_CO_GET_NETCARD_TIME		0x00020210
#define OID_GEN_CO_NETCARD_LOAD			0x00020211
#define OID_GEN_CO_DEVICE_PROFILE		0x00020212
#define OID_GEN_CO_MINIMUM_LINK_SPEED		0x00020120
#define OID_GEN_CO_BYTES_XMIT_OUTSTANDING	0x00020221

/* CoNDIS WAN. */
#define OID_WAN_CO_GET_INFO			0x04010180
#define OID_WAN_CO_SET_LINK_INFO		0x04010181
#define OID_WAN_CO_GET_LINK_INFO		0x04010182
#define OID_WAN_CO_GET_COMP_INFO		0x04010280
#define OID_WAN_CO_SET_COMP_INFO		0x04010281
#define OID_WAN_CO_GET_STATS_INFO		0x04010282

/* OID_GEN_CO_MEDIA_CONNECT_STATUS values (NDIS_MEDIA_STATE). */
typedef enum _NDIS_MEDIA_STATE {
	NdisMediaStateConnected,
	NdisMediaStateDisconnected,
} NDIS_MEDIA_STATE, *PNDIS_MEDIA_STATE;

typedef enum _NDIS_REQUEST_TYPE {
	NdisRequestQueryInformation,
	NdisRequestSetInformation,
	NdisRequestQueryStatistics,
	NdisRequestOpen,
	NdisRequestClose,
	NdisRequestSend,
	NdisRequestTransferData,
	NdisRequestReset,
	NdisRequestGeneric1,
	NdisRequestGeneric2,
	NdisRequestGeneric3,
	NdisRequestGeneric4,
	NdisRequestMethod,
} NDIS_REQUEST_TYPE, *PNDIS_REQUEST_TYPE;

struct _NDIS_OID_REQUEST;

/**
 * struct ndis_oid_compat - the compat layer's part of an NDIS_OID_REQUEST
 * @native: what condis is given when an NDIS driver sends the request
 * @origin: for a copy an NDIS target got: the condis request it stands
 *	for; NULL in a request a driver allocated
 * @ref: a copy's references: the target's call and its completion
 * @done: bit 0: the copy's results were given back (answer or completion)
 * @complete: for an NdisOidRequest(): the protocol's
 *	ProtocolOidRequestComplete; NULL for a CoNDIS request
 * @binding_ctx: for an NdisOidRequest(): its ProtocolBindingContext
 * @requester: for a CoNDIS request an NDIS driver sent: that driver (a
 *	&struct ndis_object), whose completion handler gets it back
 */
struct ndis_oid_compat {
	struct condis_oid_request native;
	struct condis_oid_request *origin;
	refcount_t ref;
	unsigned long done;
	void (*complete)(NDIS_HANDLE binding_ctx, struct _NDIS_OID_REQUEST *r,
			 NDIS_STATUS status);
	NDIS_HANDLE binding_ctx;
	void *requester;
};

/*
 * NDIS 6's request, reduced to what CoNDIS uses (no method requests, no
 * NIC-switch fields); NdisCompat is the compat layer's and not in the WDK.
 */
typedef struct _NDIS_OID_REQUEST {
	NDIS_OBJECT_HEADER Header;
	NDIS_REQUEST_TYPE RequestType;
	NDIS_PORT_NUMBER PortNumber;
	UINT Timeout;
	PVOID RequestId;
	NDIS_HANDLE RequestHandle;
	union _NDIS_OID_REQUEST_DATA {
		NDIS_OID Oid;
		struct _NDIS_OID_QUERY {
			NDIS_OID Oid;
			PVOID InformationBuffer;
			UINT InformationBufferLength;
			UINT BytesWritten;
			UINT BytesNeeded;
		} QUERY_INFORMATION;
		struct _NDIS_OID_SET {
			NDIS_OID Oid;
			PVOID InformationBuffer;
			UINT InformationBufferLength;
			UINT BytesRead;
			UINT BytesNeeded;
		} SET_INFORMATION;
	} DATA;
	PVOID MiniportReserved[2];
	PVOID SourceReserved[2];
	UCHAR SupportedRevision;
	UCHAR Reserved1;
	USHORT Reserved2;
	struct ndis_oid_compat NdisCompat;
} NDIS_OID_REQUEST, *PNDIS_OID_REQUEST;

#define NDIS_OID_REQUEST_REVISION_1	1
#define NDIS_SIZEOF_OID_REQUEST_REVISION_1 \
	RTL_SIZEOF_THROUGH_FIELD(NDIS_OID_REQUEST, Reserved2)

/* The fields of DATA that query and set share. */
static_assert(offsetof(struct _NDIS_OID_QUERY, BytesWritten) ==
	      offsetof(struct _NDIS_OID_SET, BytesRead));
static_assert(offsetof(struct _NDIS_OID_QUERY, BytesNeeded) ==
	      offsetof(struct _NDIS_OID_SET, BytesNeeded));

/**
 * ndis_oid_prepare() - fill the condis request an NDIS requester sends
 * @r: the driver's request
 *
 * Context: any.
 * Return: the condis request inside @r, or NULL for a request type
 * CoNDIS does not carry (method requests).
 */
static inline struct condis_oid_request *ndis_oid_prepare(PNDIS_OID_REQUEST r)
{
	struct condis_oid_request *n = &r->NdisCompat.native;

	if (r->RequestType != NdisRequestQueryInformation &&
	    r->RequestType != NdisRequestQueryStatistics &&
	    r->RequestType != NdisRequestSetInformation)
		return NULL;
	n->type = r->RequestType == NdisRequestSetInformation ? CONDIS_OID_SET : CONDIS_OID_QUERY;
	n->oid = r->DATA.QUERY_INFORMATION.Oid;
	n->buf = r->DATA.QUERY_INFORMATION.InformationBuffer;
	n->len = r->DATA.QUERY_INFORMATION.InformationBufferLength;
	n->bytes_done = 0;
	n->bytes_needed = 0;
	r->NdisCompat.origin = NULL;
	r->NdisCompat.complete = NULL;
	return n;
}

/* The target's counts into the NDIS request (query and set share them). */
static inline void ndis_oid_results_to_ndis(PNDIS_OID_REQUEST r,
					    const struct condis_oid_request *n)
{
	r->DATA.QUERY_INFORMATION.BytesWritten = n->bytes_done;
	r->DATA.QUERY_INFORMATION.BytesNeeded = n->bytes_needed;
}

/**
 * ndis_oid_from_native() - the NDIS_OID_REQUEST an NDIS requester sent
 * @n: the condis request from a completion callback
 *
 * Only for requests an NDIS driver sent through the compat layer.  Copies
 * the target's counts into it.
 *
 * Context: any.
 * Return: the driver's request.
 */
static inline PNDIS_OID_REQUEST ndis_oid_from_native(struct condis_oid_request *n)
{
	PNDIS_OID_REQUEST r = container_of(n, NDIS_OID_REQUEST, NdisCompat.native);

	ndis_oid_results_to_ndis(r, n);
	return r;
}

/**
 * ndis_oid_wrap() - the copy of a condis request an NDIS target is given
 * @origin: the request condis delivered
 *
 * Context: any (allocates with GFP_ATOMIC).
 * Return: the copy, or NULL (the target is not asked; NDIS_STATUS_RESOURCES).
 */
static inline PNDIS_OID_REQUEST ndis_oid_wrap(struct condis_oid_request *origin)
{
	PNDIS_OID_REQUEST r = kzalloc(sizeof(*r), GFP_ATOMIC);

	if (!r)
		return NULL;
	r->Header.Type = NDIS_OBJECT_TYPE_OID_REQUEST;
	r->Header.Revision = NDIS_OID_REQUEST_REVISION_1;
	r->Header.Size = NDIS_SIZEOF_OID_REQUEST_REVISION_1;
	r->RequestType = origin->type == CONDIS_OID_SET ? NdisRequestSetInformation :
							    NdisRequestQueryInformation;
	r->DATA.QUERY_INFORMATION.Oid = origin->oid;
	r->DATA.QUERY_INFORMATION.InformationBuffer = origin->buf;
	r->DATA.QUERY_INFORMATION.InformationBufferLength = origin->len;
	r->NdisCompat.origin = origin;
	refcount_set(&r->NdisCompat.ref, 2);	/* the call's and the completion's */
	return r;
}

static inline void ndis_oid_wrap_put(PNDIS_OID_REQUEST r)
{
	if (refcount_dec_and_test(&r->NdisCompat.ref))
		kfree(r);
}

/* The target's counts back into the condis request, once. */
static inline bool ndis_oid_wrap_give_back(PNDIS_OID_REQUEST r)
{
	struct condis_oid_request *n = r->NdisCompat.origin;

	if (test_and_set_bit(0, &r->NdisCompat.done))
		return false;
	n->bytes_done = r->DATA.QUERY_INFORMATION.BytesWritten;
	n->bytes_needed = r->DATA.QUERY_INFORMATION.BytesNeeded;
	return true;
}

/**
 * ndis_oid_wrap_returned() - the NDIS target returned from its handler
 * @r: the copy it was given
 * @status: what it returned
 *
 * Context: any.
 * Return: the condis status for condis.
 */
static inline int ndis_oid_wrap_returned(PNDIS_OID_REQUEST r, NDIS_STATUS status)
{
	int ret = ndis_status_to_native(status);

	if (ret != CONDIS_PENDING) {
		if (ndis_oid_wrap_give_back(r))
			ndis_oid_wrap_put(r);	/* no completion will come */
		else
			pr_warn_ratelimited("ndis: OID %#x completed, then answered %#x\n",
					    r->DATA.Oid, status);
	}
	ndis_oid_wrap_put(r);
	return ret;
}

/**
 * ndis_oid_wrap_completed() - the NDIS target completes a request it pended
 * @r: the copy it was given
 *
 * Context: any.
 * Return: the condis request to complete, or NULL for bad input (not a
 * copy the compat layer made, or completed already).
 */
static inline struct condis_oid_request *ndis_oid_wrap_completed(PNDIS_OID_REQUEST r)
{
	struct condis_oid_request *origin = r ? r->NdisCompat.origin : NULL;

	if (!origin || !ndis_oid_wrap_give_back(r)) {
		pr_warn_ratelimited("ndis: completion of an OID request that is not pending\n");
		return NULL;
	}
	ndis_oid_wrap_put(r);
	return origin;
}

#endif /* _NDIS_OIDS_H */
