// SPDX-License-Identifier: GPL-2.0
/*
 * ndis.ko: NDIS_REQUEST for 5.x drivers: the requests they send
 * (NdisCoRequest(), NdisMCmRequest()) and complete, and the wrappers of
 * condis requests the 5.x layer gives them.
 */
#include "ndis5.h"

#define NDIS5_REQ_MAGIC		0x52513530	/* "RQ50": a request a 5.x driver sent */
#define NDIS5_REQ_WRAP_MAGIC	0x57513530	/* "WQ50": one the compat layer made */

/**
 * struct ndis5_req_priv - what the compat layer keeps in a requester's
 *	NDIS_REQUEST (NdisReserved, as NDIS does)
 * @native: the condis request sent
 * @magic: %NDIS5_REQ_MAGIC
 * @binding: the requester's binding (NdisCoRequest), or NULL
 * @af: the requester's AF wrapper, or NULL
 */
struct ndis5_req_priv {
	struct condis_oid_request native;
	u32 magic;
	struct ndis5_binding *binding;
	struct ndis5_af *af;
};

static_assert(sizeof(struct ndis5_req_priv) <= sizeof(((NDIS_REQUEST *)0)->NdisReserved));

#define NDIS5_REQ_PRIV(r)	((struct ndis5_req_priv *)(r)->NdisReserved)

struct ndis5_req_wrap *ndis5_req_wrap(struct condis_oid_request *origin, u32 oid,
				      bool set)
{
	struct ndis5_req_wrap *w = kzalloc(sizeof(*w), GFP_ATOMIC);

	if (!w)
		return NULL;
	*(u32 *)w->r.NdisReserved = NDIS5_REQ_WRAP_MAGIC;
	w->r.RequestType = set ? NdisRequestSetInformation : NdisRequestQueryInformation;
	w->r.DATA.QUERY_INFORMATION.Oid = oid;
	if (origin) {
		w->r.DATA.QUERY_INFORMATION.InformationBuffer = origin->buf;
		w->r.DATA.QUERY_INFORMATION.InformationBufferLength = origin->len;
	}
	w->origin = origin;
	refcount_set(&w->ref, 2);
	return w;
}

void ndis5_req_wrap_put(struct ndis5_req_wrap *w)
{
	if (refcount_dec_and_test(&w->ref))
		kfree(w);
}

static void ndis5_req_results(struct ndis5_req_wrap *w)
{
	if (!w->origin)
		return;
	w->origin->bytes_done = w->r.DATA.QUERY_INFORMATION.BytesWritten;
	w->origin->bytes_needed = w->r.DATA.QUERY_INFORMATION.BytesNeeded;
}

/* Ask a 5.x target (@call) with a wrapper of @origin; a condis status back. */
int ndis5_req_call(struct ndis5_req_wrap *w, NDIS_STATUS st)
{
	if (st == NDIS_STATUS_PENDING) {
		ndis5_req_wrap_put(w);	/* the call's; the completion puts the other */
		return CONDIS_PENDING;
	}
	ndis5_req_results(w);
	kfree(w);
	return ndis_status_to_native(st);
}

/*
 * A call manager's request to the client of an AF: an MCM's (@b NULL) or
 * a stand-alone CM's on its binding @b.
 */
static NDIS_STATUS ndis5_cm_request(struct ndis5_binding *b, NDIS_HANDLE NdisAfHandle,
				    NDIS_HANDLE NdisVcHandle, NDIS_HANDLE NdisPartyHandle,
				    PNDIS_REQUEST NdisRequest)
{
	struct ndis5_req_priv *p;
	struct ndis5_af *a;
	int err;

	if (!NdisRequest)
		return NDIS_STATUS_INVALID_PARAMETER;
	a = ndis5_af_find(NdisAfHandle, NDIS5_CM_AF);
	if (!a)
		return NDIS_STATUS_INVALID_PARAMETER;
	if (NdisRequest->DATA.QUERY_INFORMATION.Oid == OID_CO_AF_CLOSE) {
		/* Delivered is done: the close itself comes as CmCloseAf. */
		err = condis_cm_notify_close_af(NDIS__AF(NdisAfHandle));
		ndis5_af_put(a);
		return ndis_status_from_native(err == CONDIS_PENDING ? 0 : err);
	}
	p = NDIS5_REQ_PRIV(NdisRequest);
	memset(p, 0, sizeof(*p));
	p->magic = NDIS5_REQ_MAGIC;
	p->af = a;
	p->native.type = NdisRequest->RequestType == NdisRequestSetInformation ?
			 CONDIS_OID_SET : CONDIS_OID_QUERY;
	p->native.oid = NdisRequest->DATA.QUERY_INFORMATION.Oid;
	p->native.buf = NdisRequest->DATA.QUERY_INFORMATION.InformationBuffer;
	p->native.len = NdisRequest->DATA.QUERY_INFORMATION.InformationBufferLength;
	if (b)
		err = condis_co_oid_request(b->native, NDIS__AF(NdisAfHandle),
					    NDIS__VC(NdisVcHandle), NDIS__PARTY(NdisPartyHandle),
					    &p->native);
	else
		err = condis_mcm_oid_request(NDIS__AF(NdisAfHandle), NDIS__VC(NdisVcHandle),
					     NDIS__PARTY(NdisPartyHandle), &p->native);
	if (err == CONDIS_PENDING)
		return NDIS_STATUS_PENDING;
	NdisRequest->DATA.QUERY_INFORMATION.BytesWritten = p->native.bytes_done;
	NdisRequest->DATA.QUERY_INFORMATION.BytesNeeded = p->native.bytes_needed;
	ndis5_af_put(a);
	return ndis_status_from_native(err);
}

/**
 * NdisCoRequest() - a client's or stand-alone CM's NDIS 5 request, over
 *	condis_co_oid_request()
 * @NdisBindingHandle: the client's or call manager's binding
 * @NdisAfHandle: the AF, or NULL for the miniport
 * @NdisVcHandle: the VC, or NULL
 * @NdisPartyHandle: the party, or NULL
 * @NdisRequest: the request; lent until it completes
 *
 * A pended request completes through the AF's ClRequestCompleteHandler
 * (or, without an AF, the protocol's RequestCompleteHandler).  A
 * stand-alone CM's request on its own AF goes to the client as
 * NdisMCmRequest()'s does (OID_CO_AF_CLOSE included) and completes through
 * that AF's CmRequestCompleteHandler.
 *
 * Context: any (NDIS: <= DISPATCH_LEVEL).
 * Return: the target's status, or NDIS_STATUS_PENDING.
 */
NDIS_STATUS NdisCoRequest(NDIS_HANDLE NdisBindingHandle, NDIS_HANDLE NdisAfHandle,
			  NDIS_HANDLE NdisVcHandle, NDIS_HANDLE NdisPartyHandle,
			  PNDIS_REQUEST NdisRequest)
{
	struct ndis5_binding *b = ndis5_binding_of(NdisBindingHandle);
	struct ndis5_req_priv *p;
	struct ndis5_af *a;
	bool cm;
	int err;

	if (!b || !NdisRequest)
		return NDIS_STATUS_INVALID_PARAMETER;
	/* A stand-alone CM's request to the client goes as an MCM's does. */
	if (NdisAfHandle) {
		a = ndis5_af_find(NdisAfHandle, NDIS5_CM_AF);
		cm = a && a->binding == b;
		if (a)
			ndis5_af_put(a);
		if (cm)
			return ndis5_cm_request(b, NdisAfHandle, NdisVcHandle, NdisPartyHandle,
						NdisRequest);
	}
	if (NdisRequest->RequestType != NdisRequestQueryInformation &&
	    NdisRequest->RequestType != NdisRequestSetInformation &&
	    NdisRequest->RequestType != NdisRequestQueryStatistics)
		return NDIS_STATUS_NOT_SUPPORTED;
	p = NDIS5_REQ_PRIV(NdisRequest);
	memset(p, 0, sizeof(*p));
	p->magic = NDIS5_REQ_MAGIC;
	p->binding = b;
	p->af = NdisAfHandle ? ndis5_af_find(NdisAfHandle, NDIS5_CL_AF) : NULL;
	p->native.type = NdisRequest->RequestType == NdisRequestSetInformation ?
			 CONDIS_OID_SET : CONDIS_OID_QUERY;
	p->native.oid = NdisRequest->DATA.QUERY_INFORMATION.Oid;
	p->native.buf = NdisRequest->DATA.QUERY_INFORMATION.InformationBuffer;
	p->native.len = NdisRequest->DATA.QUERY_INFORMATION.InformationBufferLength;
	err = condis_co_oid_request(b->native, NDIS__AF(NdisAfHandle), NDIS__VC(NdisVcHandle),
				    NDIS__PARTY(NdisPartyHandle), &p->native);
	if (err == CONDIS_PENDING)
		return NDIS_STATUS_PENDING;
	NdisRequest->DATA.QUERY_INFORMATION.BytesWritten = p->native.bytes_done;
	NdisRequest->DATA.QUERY_INFORMATION.BytesNeeded = p->native.bytes_needed;
	if (p->af)
		ndis5_af_put(p->af);
	return ndis_status_from_native(err);
}
EXPORT_SYMBOL_NS_GPL(NdisCoRequest, NDIS);

/**
 * NdisMCmRequest() - an MCM's NDIS 5 request to a client, over
 *	condis_mcm_oid_request()
 * @NdisAfHandle: the AF
 * @NdisVcHandle: the VC, or NULL
 * @NdisPartyHandle: the party, or NULL
 * @NdisRequest: the request; lent until it completes
 *
 * OID_CO_AF_CLOSE (a set) asks the client to close the AF: NDIS 6's
 * notify-close (condis_cm_notify_close_af()).  It never pends: it
 * succeeds once the client has been asked, and the close follows as
 * CmCloseAf (so the CM may free the request and the AF there).  Other
 * requests pended complete through the AF's CmRequestCompleteHandler.
 *
 * Context: any (NDIS: <= DISPATCH_LEVEL).
 * Return: the client's status, or NDIS_STATUS_PENDING.
 */
NDIS_STATUS NdisMCmRequest(NDIS_HANDLE NdisAfHandle, NDIS_HANDLE NdisVcHandle,
			   NDIS_HANDLE NdisPartyHandle, PNDIS_REQUEST NdisRequest)
{
	return ndis5_cm_request(NULL, NdisAfHandle, NdisVcHandle, NdisPartyHandle, NdisRequest);
}
EXPORT_SYMBOL_NS_GPL(NdisMCmRequest, NDIS);

/**
 * NdisCoRequestComplete() - a 5.x client or call manager completes a
 *	request it pended (NdisMCmRequestComplete is this function)
 * @Status: its result
 * @NdisAfHandle: the AF it came on
 * @NdisVcHandle: the VC, or NULL
 * @NdisPartyHandle: the party, or NULL
 * @NdisRequest: the request its CO request handler got
 *
 * Context: any (NDIS: <= DISPATCH_LEVEL).
 */
void NdisCoRequestComplete(NDIS_STATUS Status, NDIS_HANDLE NdisAfHandle,
			   NDIS_HANDLE NdisVcHandle, NDIS_HANDLE NdisPartyHandle,
			   PNDIS_REQUEST NdisRequest)
{
	struct ndis5_req_wrap *w;

	if (!NdisRequest || *(u32 *)NdisRequest->NdisReserved != NDIS5_REQ_WRAP_MAGIC) {
		pr_warn_ratelimited("ndis: %ps: not a request it was given\n",
				    __builtin_return_address(0));
		return;
	}
	w = container_of(NdisRequest, struct ndis5_req_wrap, r);
	if (w->origin) {
		ndis5_req_results(w);
		condis_co_oid_request_complete(NDIS__AF(NdisAfHandle), NDIS__VC(NdisVcHandle),
					       NDIS__PARTY(NdisPartyHandle), w->origin,
					       ndis_status_to_native(Status));
	}
	ndis5_req_wrap_put(w);
}
EXPORT_SYMBOL_NS_GPL(NdisCoRequestComplete, NDIS);

/**
 * NdisMCoRequestComplete() - a 5.x miniport completes a request it pended
 * @Status: its result
 * @MiniportAdapterHandle: the adapter
 * @Request: the request its MiniportCoRequest got
 *
 * Context: any (NDIS: <= DISPATCH_LEVEL).
 */
void NdisMCoRequestComplete(NDIS_STATUS Status, NDIS_HANDLE MiniportAdapterHandle,
			    PNDIS_REQUEST Request)
{
	struct ndis5_adapter *ad = ndis5_adapter_of(MiniportAdapterHandle);
	struct ndis5_req_wrap *w;

	if (!ad || !Request || *(u32 *)Request->NdisReserved != NDIS5_REQ_WRAP_MAGIC) {
		pr_warn_ratelimited("ndis: %ps: bad adapter or request\n",
				    __builtin_return_address(0));
		return;
	}
	w = container_of(Request, struct ndis5_req_wrap, r);
	ndis5_req_results(w);
	condis_mco_oid_request_complete(ad->native, w->vc, w->origin,
					ndis_status_to_native(Status));
	ndis5_req_wrap_put(w);
}
EXPORT_SYMBOL_NS_GPL(NdisMCoRequestComplete, NDIS);

/* A request a 5.x driver sent completed: to its AF's (or binding's) handler. */
void ndis5_req_done(struct condis_oid_request *req, void *vc_ctx, void *party_ctx,
		    int status, bool cm)
{
	struct ndis5_req_priv *p = container_of(req, struct ndis5_req_priv, native);
	PNDIS_REQUEST r = container_of((void *)p, NDIS_REQUEST, NdisReserved);
	NDIS_STATUS st = ndis_status_from_native(status);
	struct ndis5_af *a = p->af;

	r->DATA.QUERY_INFORMATION.BytesWritten = req->bytes_done;
	r->DATA.QUERY_INFORMATION.BytesNeeded = req->bytes_needed;
	if (a && cm)
		a->cm.CmRequestCompleteHandler(st, a->ctx, ndis5_vc_ctx(vc_ctx), party_ctx, r);
	else if (a)
		a->cl.ClRequestCompleteHandler(st, a->ctx, ndis5_vc_ctx(vc_ctx), party_ctx, r);
	else if (p->binding && p->binding->proto->chars.RequestCompleteHandler)
		p->binding->proto->chars.RequestCompleteHandler(p->binding->context, r, st);
	if (a)
		ndis5_af_put(a);
}
