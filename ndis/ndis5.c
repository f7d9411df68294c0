// SPDX-License-Identifier: GPL-2.0
/*
 * ndis.ko: the NDIS 5.x CoNDIS layer: protocol and miniport registration,
 * bindings and adapters, the per-AF client and call-manager handlers, the
 * trampolines condis calls, NDIS_REQUEST and status indications.  The
 * objects are in ndis5.h; the packets in ndis5_data.c.
 *
 * Statuses cross with ndis_status_to_native()/ndis_status_from_native()
 * as in the 6.x layer, so a 5.x driver and a 6.x or native driver on the
 * other side of condis read each other's codes.
 */
#include <linux/hashtable.h>

#include "ndis5.h"

/* ---- the registry -------------------------------------------------------------- */

static DEFINE_HASHTABLE(ndis5_reg, 8);
/* Protects ndis5_reg and every entry's hashed flag. */
static DEFINE_SPINLOCK(ndis5_reg_lock);

static unsigned long ndis5_hash(const void *key, enum ndis5_role role)
{
	return (unsigned long)key ^ role;
}

void ndis5_reg_add(struct ndis5_ent *e, const void *key, enum ndis5_role role)
{
	unsigned long flags;

	e->key = key;
	e->role = role;
	spin_lock_irqsave(&ndis5_reg_lock, flags);
	hash_add(ndis5_reg, &e->node, ndis5_hash(key, role));
	e->hashed = true;
	spin_unlock_irqrestore(&ndis5_reg_lock, flags);
}

void ndis5_reg_del(struct ndis5_ent *e)
{
	unsigned long flags;

	spin_lock_irqsave(&ndis5_reg_lock, flags);
	if (e->hashed)
		hash_del(&e->node);
	e->hashed = false;
	spin_unlock_irqrestore(&ndis5_reg_lock, flags);
}

/* Called with ndis5_reg_lock held. */
static struct ndis5_ent *ndis5_reg_find(const void *key, enum ndis5_role role)
{
	struct ndis5_ent *e;

	if (!key)
		return NULL;
	hash_for_each_possible(ndis5_reg, e, node, ndis5_hash(key, role))
		if (e->key == key && e->role == role)
			return e;
	return NULL;
}

static void ndis5_af_release(struct kref *ref)
{
	struct ndis5_af *a = container_of(ref, struct ndis5_af, ref);
	struct ndis5_sap *s, *n;

	list_for_each_entry_safe(s, n, &a->saps, node)
		kfree(s);
	kfree(a);
}

void ndis5_af_put(struct ndis5_af *a)
{
	kref_put(&a->ref, ndis5_af_release);
}

/* The AF wrapper of @af for @role, with a reference, or NULL. */
struct ndis5_af *ndis5_af_find(const void *af, enum ndis5_role role)
{
	struct ndis5_af *a = NULL;
	struct ndis5_ent *e;
	unsigned long flags;

	spin_lock_irqsave(&ndis5_reg_lock, flags);
	e = ndis5_reg_find(af, role);
	if (e) {
		a = container_of(e, struct ndis5_af, ent);
		kref_get(&a->ref);
	}
	spin_unlock_irqrestore(&ndis5_reg_lock, flags);
	return a;
}

/*
 * The wrapper of a VC a 5.x driver created, or NULL.  The driver owns it
 * until it deletes the VC, so no reference is taken.
 */
static struct ndis5_vc *ndis5_vc_lookup(const void *vc, enum ndis5_role role)
{
	struct ndis5_ent *e;
	unsigned long flags;

	spin_lock_irqsave(&ndis5_reg_lock, flags);
	e = ndis5_reg_find(vc, role);
	spin_unlock_irqrestore(&ndis5_reg_lock, flags);
	return e ? container_of(e, struct ndis5_vc, ent) : NULL;
}

struct ndis5_vc *ndis5_vc_find(const void *vc)
{
	return ndis5_vc_lookup(vc, NDIS5_VC);
}

/* The miniport's (or MCM's) wrapper of a VC; it lives until the VC is deleted. */
struct ndis5_vc *ndis5_mp_vc_find(const void *vc)
{
	return ndis5_vc_lookup(vc, NDIS5_MP_VC);
}

static struct ndis5_af *ndis5_af_new(struct condis_af *af)
{
	struct ndis5_af *a = kzalloc(sizeof(*a), GFP_ATOMIC);

	if (!a)
		return NULL;
	kref_init(&a->ref);
	a->af = af;
	spin_lock_init(&a->lock);
	INIT_LIST_HEAD(&a->saps);
	return a;
}

/* Forget an AF wrapper: out of the registry, the registry's reference dropped. */
static void ndis5_af_forget(struct ndis5_af *a)
{
	bool hashed;
	unsigned long flags;

	spin_lock_irqsave(&ndis5_reg_lock, flags);
	hashed = a->ent.hashed;
	if (hashed)
		hash_del(&a->ent.node);
	a->ent.hashed = false;
	spin_unlock_irqrestore(&ndis5_reg_lock, flags);
	if (hashed)
		ndis5_af_put(a);
}

static struct ndis5_vc *ndis5_vc_new(struct ndis5_af *af, struct ndis5_adapter *ad,
				     NDIS_HANDLE ctx)
{
	struct ndis5_vc *v = kzalloc(sizeof(*v), GFP_ATOMIC);

	if (!v)
		return NULL;
	v->af = af;
	if (af)
		kref_get(&af->ref);
	v->adapter = ad;
	v->ctx = ctx;
	return v;
}

static void ndis5_vc_free(struct ndis5_vc *v)
{
	ndis5_reg_del(&v->ent);
	if (v->af)
		ndis5_af_put(v->af);
	kfree(v);
}

/* ---- requests ------------------------------------------------------------------ */

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

/**
 * struct ndis5_req_wrap - an NDIS_REQUEST the compat layer gives a 5.x
 *	target for a condis request
 * @r: the request; NdisReserved starts with %NDIS5_REQ_WRAP_MAGIC
 * @origin: the condis request, or NULL (OID_CO_AF_CLOSE of a notify-close)
 * @ref: the call's and the completion's
 * @adapter: for a miniport's request: its adapter
 * @vc: for a miniport's request: the VC, or NULL
 */
struct ndis5_req_wrap {
	NDIS_REQUEST r;
	struct condis_oid_request *origin;
	refcount_t ref;
	struct ndis5_adapter *adapter;
	struct condis_vc *vc;
};

static struct ndis5_req_wrap *ndis5_req_wrap(struct condis_oid_request *origin, u32 oid,
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

static void ndis5_req_wrap_put(struct ndis5_req_wrap *w)
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
static int ndis5_req_call(struct ndis5_req_wrap *w, NDIS_STATUS st)
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
static void ndis5_req_done(struct condis_oid_request *req, void *vc_ctx, void *party_ctx,
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

/* ---- protocol callbacks ----------------------------------------------------------- */

static int ndis5_bind_adapter(void *proto_priv, struct condis_adapter *adapter)
{
	struct ndis5_protocol *proto = proto_priv;
	struct ndis5_bind bc = { .adapter = adapter };
	WCHAR name[NDIS_COMPAT_NAME_MAX];
	NDIS_STRING device_name;
	NDIS_STATUS st = NDIS_STATUS_SUCCESS;

	init_completion(&bc.done);
	strscpy(bc.name, condis_adapter_name(adapter), sizeof(bc.name));
	ndis_string_from_ascii(bc.name, name, ARRAY_SIZE(name), &device_name);
	mutex_lock(&proto->lock);
	list_add_tail(&bc.node, &proto->binds);
	mutex_unlock(&proto->lock);
	proto->chars.BindAdapterHandler(&st, &bc, &device_name, NULL, NULL);
	if (st == NDIS_STATUS_PENDING) {
		wait_for_completion(&bc.done);
		st = bc.status;
	}
	mutex_lock(&proto->lock);
	list_del(&bc.node);
	mutex_unlock(&proto->lock);
	return ndis_status_to_native(st);
}

/* Take the binding of @native off @proto's list; true if the driver left it open. */
static struct ndis5_binding *ndis5_binding_take(struct ndis5_protocol *proto,
						struct condis_binding *native)
{
	struct ndis5_binding *b, *found = NULL;

	mutex_lock(&proto->lock);
	list_for_each_entry(b, &proto->bindings, node) {
		if (b->native == native) {
			list_del(&b->node);
			found = b;
			break;
		}
	}
	mutex_unlock(&proto->lock);
	return found;
}

static int ndis5_unbind_adapter(void *binding_ctx, struct condis_binding *binding)
{
	struct ndis5_binding *b = binding_ctx;
	struct ndis5_protocol *proto = b->proto;
	struct ndis5_unbind uc;
	NDIS_STATUS st = NDIS_STATUS_SUCCESS;

	init_completion(&uc.done);
	proto->chars.UnbindAdapterHandler(&st, b->context, &uc);
	if (st == NDIS_STATUS_PENDING)
		wait_for_completion(&uc.done);
	/* @b is gone if the driver closed it; otherwise condis closes what is left. */
	b = ndis5_binding_take(proto, binding);
	if (b) {
		b->obj.magic = 0;
		kfree(b);
	}
	return 0;
}

static void ndis5_af_register_notify(void *binding_ctx, const struct condis_af_type *type)
{
	struct ndis5_binding *b = binding_ctx;

	b->proto->chars.CoAfRegisterNotifyHandler(b->context, (PCO_ADDRESS_FAMILY)type);
}

static void ndis5_co_status(void *binding_ctx, void *vc_ctx,
			    const struct condis_status_indication *ind)
{
	struct ndis5_binding *b = binding_ctx;

	b->proto->chars.CoStatusHandler(b->context, ndis5_vc_ctx(vc_ctx), ind->code,
					(PVOID)ind->buf, ind->len);
}

static const struct condis_protocol_ops ndis5_proto_ops = {
	.bind_adapter = ndis5_bind_adapter,
	.unbind_adapter = ndis5_unbind_adapter,
	.af_register_notify = ndis5_af_register_notify,
	.co_status = ndis5_co_status,
	.co_receive = ndis5_co_receive,
	.co_send_complete = ndis5_co_send_complete,
};

/* ---- client callbacks ---------------------------------------------------------- */

static void ndis5_cl_open_af_complete(void *cl_af_ctx, struct condis_af *af, int status)
{
	struct ndis5_af *a = cl_af_ctx;
	CL_OPEN_AF_COMPLETE_HANDLER done = a->cl.ClOpenAfCompleteHandler;
	NDIS_HANDLE ctx = a->ctx;

	if (status) {
		ndis5_af_put(a);	/* never in the registry */
		done(ndis_status_from_native(status), ctx, NULL);
		return;
	}
	a->af = af;
	ndis5_reg_add(&a->ent, af, NDIS5_CL_AF);
	done(NDIS_STATUS_SUCCESS, ctx, af);
}

static void ndis5_cl_close_af_complete(int status, void *cl_af_ctx)
{
	struct ndis5_af *a = cl_af_ctx;

	a->cl.ClCloseAfCompleteHandler(ndis_status_from_native(status), a->ctx);
	if (!status)
		ndis5_af_forget(a);
}

static void ndis5_cl_register_sap_complete(int status, void *cl_sap_ctx,
					   const struct condis_sap_addr *addr,
					   struct condis_sap *sap)
{
	struct ndis5_sap *s = cl_sap_ctx;

	s->af->cl.ClRegisterSapCompleteHandler(ndis_status_from_native(status), s->ctx,
					       (PCO_SAP)addr, status ? NULL : sap);
}

static void ndis5_cl_deregister_sap_complete(int status, void *cl_sap_ctx)
{
	struct ndis5_sap *s = cl_sap_ctx;

	s->af->cl.ClDeregisterSapCompleteHandler(ndis_status_from_native(status), s->ctx);
}

/*
 * NDIS 5 has no notify-close handler: the client gets OID_CO_AF_CLOSE on
 * the AF.  The notify is done when the client calls
 * NdisClCloseAddressFamily() (ndis5_cl_close_af()).
 */
static int ndis5_cl_notify_close_af(void *cl_af_ctx)
{
	struct ndis5_af *a = cl_af_ctx;
	struct ndis5_req_wrap *w = ndis5_req_wrap(NULL, OID_CO_AF_CLOSE, true);
	unsigned long flags;
	NDIS_STATUS st;
	bool closed;

	if (!w)
		return -ENOMEM;
	spin_lock_irqsave(&a->lock, flags);
	a->in_notify = true;
	spin_unlock_irqrestore(&a->lock, flags);
	st = a->cl.ClRequestHandler(a->ctx, NULL, NULL, &w->r);
	if (st == NDIS_STATUS_PENDING)
		ndis5_req_wrap_put(w);
	else
		kfree(w);
	spin_lock_irqsave(&a->lock, flags);
	a->in_notify = false;
	closed = a->closed_in_notify;
	a->notify_pending = !closed;
	spin_unlock_irqrestore(&a->lock, flags);
	return closed ? 0 : CONDIS_PENDING;
}

static int ndis5_cl_create_vc(void *cl_af_ctx, struct condis_vc *vc, void **cl_vc_ctx)
{
	struct ndis5_af *a = cl_af_ctx;
	struct ndis5_vc *v = ndis5_vc_new(a, NULL, NULL);
	NDIS_STATUS st;

	if (!v)
		return -ENOMEM;
	v->vc = vc;
	st = a->cl.ClCreateVcHandler(a->ctx, vc, &v->ctx);
	if (st != NDIS_STATUS_SUCCESS) {
		ndis5_vc_free(v);
		return ndis_status_to_native(st == NDIS_STATUS_PENDING ? NDIS_STATUS_FAILURE : st);
	}
	*cl_vc_ctx = v;
	return 0;
}

static int ndis5_vc_delete(struct ndis5_vc *v, CO_DELETE_VC_HANDLER del)
{
	NDIS_STATUS st = del(v->ctx);

	if (st == NDIS_STATUS_SUCCESS)
		ndis5_vc_free(v);
	return ndis_status_to_native(st);
}

static int ndis5_cl_delete_vc(void *cl_vc_ctx)
{
	struct ndis5_vc *v = cl_vc_ctx;

	return ndis5_vc_delete(v, v->af->cl.ClDeleteVcHandler);
}

static void ndis5_cl_make_call_complete(int status, void *cl_vc_ctx, struct condis_party *party,
					struct condis_call_params *params)
{
	struct ndis5_vc *v = cl_vc_ctx;

	v->af->cl.ClMakeCallCompleteHandler(ndis_status_from_native(status), v->ctx, party,
					    ndis_params_ndis(params));
}

static void ndis5_cl_close_call_complete(int status, void *cl_vc_ctx, void *cl_party_ctx)
{
	struct ndis5_vc *v = cl_vc_ctx;

	v->af->cl.ClCloseCallCompleteHandler(ndis_status_from_native(status), v->ctx,
					     cl_party_ctx);
}

static int ndis5_cl_incoming_call(void *cl_sap_ctx, void *cl_vc_ctx,
				  struct condis_call_params *params)
{
	struct ndis5_sap *s = cl_sap_ctx;
	struct ndis5_vc *v = cl_vc_ctx;

	return ndis_status_to_native(s->af->cl.ClIncomingCallHandler(s->ctx, v->ctx,
								     ndis_params_ndis(params)));
}

static void ndis5_cl_call_connected(void *cl_vc_ctx)
{
	struct ndis5_vc *v = cl_vc_ctx;

	v->af->cl.ClCallConnectedHandler(v->ctx);
}

static void ndis5_cl_incoming_close_call(int status, void *cl_vc_ctx, void *data,
					 unsigned int size)
{
	struct ndis5_vc *v = cl_vc_ctx;

	v->af->cl.ClIncomingCloseCallHandler(ndis_status_from_native(status), v->ctx, data, size);
}

/* Point-to-multipoint is not carried for 5.x drivers (porting.rst): never reached. */
static void ndis5_cl_add_party_complete(int status, void *cl_party_ctx,
					struct condis_party *party,
					struct condis_call_params *params)
{
	pr_warn_ratelimited("ndis: 5.x add-party completion dropped\n");
}

static void ndis5_cl_drop_party_complete(int status, void *cl_party_ctx)
{
	pr_warn_ratelimited("ndis: 5.x drop-party completion dropped\n");
}

static void ndis5_cl_incoming_drop_party(int status, void *cl_party_ctx, void *data,
					 unsigned int size)
{
	pr_warn_ratelimited("ndis: 5.x incoming drop-party dropped\n");
}

static void ndis5_cl_modify_call_qos_complete(int status, void *cl_vc_ctx,
					      struct condis_call_params *params)
{
	struct ndis5_vc *v = cl_vc_ctx;

	v->af->cl.ClModifyCallQoSCompleteHandler(ndis_status_from_native(status), v->ctx,
						 ndis_params_ndis(params));
}

static void ndis5_cl_incoming_call_qos_change(void *cl_vc_ctx, struct condis_call_params *params)
{
	struct ndis5_vc *v = cl_vc_ctx;

	v->af->cl.ClIncomingCallQoSChangeHandler(v->ctx, ndis_params_ndis(params));
}

static int ndis5_cl_oid_request(void *cl_af_ctx, void *cl_vc_ctx, void *cl_party_ctx,
				struct condis_oid_request *req)
{
	struct ndis5_af *a = cl_af_ctx;
	struct ndis5_req_wrap *w = ndis5_req_wrap(req, req->oid, req->type == CONDIS_OID_SET);

	if (!w)
		return -ENOMEM;
	return ndis5_req_call(w, a->cl.ClRequestHandler(a->ctx, ndis5_vc_ctx(cl_vc_ctx),
							cl_party_ctx, &w->r));
}

static void ndis5_cl_oid_request_complete(void *cl_af_ctx, void *cl_vc_ctx, void *cl_party_ctx,
					  struct condis_oid_request *req, int status)
{
	ndis5_req_done(req, cl_vc_ctx, cl_party_ctx, status, false);
}

static const struct condis_cl_ops ndis5_cl_ops = {
	.open_af_complete = ndis5_cl_open_af_complete,
	.close_af_complete = ndis5_cl_close_af_complete,
	.register_sap_complete = ndis5_cl_register_sap_complete,
	.deregister_sap_complete = ndis5_cl_deregister_sap_complete,
	.notify_close_af = ndis5_cl_notify_close_af,
	.create_vc = ndis5_cl_create_vc,
	.delete_vc = ndis5_cl_delete_vc,
	.make_call_complete = ndis5_cl_make_call_complete,
	.close_call_complete = ndis5_cl_close_call_complete,
	.incoming_call = ndis5_cl_incoming_call,
	.call_connected = ndis5_cl_call_connected,
	.incoming_close_call = ndis5_cl_incoming_close_call,
	.add_party_complete = ndis5_cl_add_party_complete,
	.drop_party_complete = ndis5_cl_drop_party_complete,
	.incoming_drop_party = ndis5_cl_incoming_drop_party,
	.modify_call_qos_complete = ndis5_cl_modify_call_qos_complete,
	.incoming_call_qos_change = ndis5_cl_incoming_call_qos_change,
	.oid_request = ndis5_cl_oid_request,
	.oid_request_complete = ndis5_cl_oid_request_complete,
};

/* ---- call-manager callbacks (an MCM's) ---------------------------------------------- */

/* The handlers @regs hold for @family into @chars; false if none. */
static bool ndis5_cm_reg_find(const struct ndis5_cm_reg *regs, unsigned int nr, u32 family,
			      NDIS_CALL_MANAGER_CHARACTERISTICS *chars)
{
	unsigned int i;

	for (i = 0; i < nr; i++) {
		if (regs[i].type.AddressFamily == family) {
			*chars = regs[i].chars;
			return true;
		}
	}
	return false;
}

/*
 * @cm_binding_ctx is an MCM's adapter (NdisMCmRegisterAddressFamily()) or
 * a stand-alone CM's binding (NdisCmRegisterAddressFamily()); each says
 * which by its compat-object kind.
 */
static int ndis5_cm_open_af(void *cm_binding_ctx, const struct condis_af_type *type,
			    struct condis_af *af, void **cm_af_ctx)
{
	struct ndis5_adapter *ad = ndis5_adapter_of(cm_binding_ctx);
	struct ndis5_binding *b = ndis5_binding_of(cm_binding_ctx);
	NDIS_CALL_MANAGER_CHARACTERISTICS chars;
	unsigned long flags;
	NDIS_HANDLE bind_ctx;
	struct ndis5_af *a;
	NDIS_STATUS st;
	bool found;

	if (ad) {
		found = ndis5_cm_reg_find(ad->afs, ad->nr_afs, type->family, &chars);
		bind_ctx = ad->context;
	} else if (b) {
		spin_lock_irqsave(&b->lock, flags);
		found = ndis5_cm_reg_find(b->afs, b->nr_afs, type->family, &chars);
		spin_unlock_irqrestore(&b->lock, flags);
		bind_ctx = b->context;
	} else {
		return -EINVAL;
	}
	if (!found)
		return -EAFNOSUPPORT;
	a = ndis5_af_new(af);
	if (!a)
		return -ENOMEM;
	a->adapter = ad;
	a->binding = b;
	a->cm = chars;
	/* In the registry first: a pended open completes by the AF handle. */
	ndis5_reg_add(&a->ent, af, NDIS5_CM_AF);
	*cm_af_ctx = a;
	st = a->cm.CmOpenAfHandler(bind_ctx, (PCO_ADDRESS_FAMILY)type, af, &a->ctx);
	if (st == NDIS_STATUS_PENDING)
		return CONDIS_PENDING;
	if (st != NDIS_STATUS_SUCCESS)
		ndis5_af_forget(a);
	return ndis_status_to_native(st);
}

bool ndis5_cm_open_af_complete(NDIS_STATUS status, NDIS_HANDLE af, NDIS_HANDLE ctx)
{
	struct ndis5_af *a = ndis5_af_find(af, NDIS5_CM_AF);

	if (!a)
		return false;
	a->ctx = ctx;
	condis_cm_open_af_complete(ndis_status_to_native(status), af, a);
	if (status != NDIS_STATUS_SUCCESS)
		ndis5_af_forget(a);
	ndis5_af_put(a);
	return true;
}

static int ndis5_cm_close_af(void *cm_af_ctx)
{
	struct ndis5_af *a = cm_af_ctx;
	NDIS_STATUS st = a->cm.CmCloseAfHandler(a->ctx);

	if (st == NDIS_STATUS_SUCCESS)
		ndis5_af_forget(a);
	return ndis_status_to_native(st);
}

bool ndis5_cm_close_af_complete(NDIS_STATUS status, NDIS_HANDLE af)
{
	struct ndis5_af *a = ndis5_af_find(af, NDIS5_CM_AF);

	if (!a)
		return false;
	condis_cm_close_af_complete(ndis_status_to_native(status), af);
	if (status == NDIS_STATUS_SUCCESS)
		ndis5_af_forget(a);
	ndis5_af_put(a);
	return true;
}

static void ndis5_cm_sap_free(struct ndis5_sap *s)
{
	ndis5_reg_del(&s->ent);
	ndis5_af_put(s->af);
	kfree(s);
}

static int ndis5_cm_register_sap(void *cm_af_ctx, const struct condis_sap_addr *addr,
				 struct condis_sap *sap, void **cm_sap_ctx)
{
	struct ndis5_af *a = cm_af_ctx;
	struct ndis5_sap *s = kzalloc(sizeof(*s), GFP_ATOMIC);
	NDIS_STATUS st;

	if (!s)
		return -ENOMEM;
	kref_get(&a->ref);
	s->af = a;
	ndis5_reg_add(&s->ent, sap, NDIS5_CM_SAP);
	*cm_sap_ctx = s;
	st = a->cm.CmRegisterSapHandler(a->ctx, (PCO_SAP)addr, sap, &s->ctx);
	if (st == NDIS_STATUS_PENDING)
		return CONDIS_PENDING;
	if (st != NDIS_STATUS_SUCCESS)
		ndis5_cm_sap_free(s);
	return ndis_status_to_native(st);
}

static struct ndis5_sap *ndis5_cm_sap_find(NDIS_HANDLE sap)
{
	struct ndis5_ent *e;
	unsigned long flags;

	spin_lock_irqsave(&ndis5_reg_lock, flags);
	e = ndis5_reg_find(sap, NDIS5_CM_SAP);
	spin_unlock_irqrestore(&ndis5_reg_lock, flags);
	return e ? container_of(e, struct ndis5_sap, ent) : NULL;
}

bool ndis5_cm_register_sap_complete(NDIS_STATUS status, NDIS_HANDLE sap, NDIS_HANDLE ctx)
{
	struct ndis5_sap *s = ndis5_cm_sap_find(sap);

	if (!s)
		return false;
	s->ctx = ctx;
	condis_cm_register_sap_complete(ndis_status_to_native(status), sap, s);
	if (status != NDIS_STATUS_SUCCESS)
		ndis5_cm_sap_free(s);
	return true;
}

static int ndis5_cm_deregister_sap(void *cm_sap_ctx)
{
	struct ndis5_sap *s = cm_sap_ctx;
	NDIS_STATUS st = s->af->cm.CmDeregisterSapHandler(s->ctx);

	if (st == NDIS_STATUS_SUCCESS)
		ndis5_cm_sap_free(s);
	return ndis_status_to_native(st);
}

bool ndis5_cm_deregister_sap_complete(NDIS_STATUS status, NDIS_HANDLE sap)
{
	struct ndis5_sap *s = ndis5_cm_sap_find(sap);

	if (!s)
		return false;
	condis_cm_deregister_sap_complete(ndis_status_to_native(status), sap);
	if (status == NDIS_STATUS_SUCCESS)
		ndis5_cm_sap_free(s);
	return true;
}

/*
 * The client finished the close an OID_CO_AF_CLOSE asked for.  NDIS 5 has
 * no handler for it (the request completed when it was delivered), and
 * the AF, closed by now, may be freed: @cm_af_ctx is not touched.
 */
static void ndis5_cm_notify_close_af_complete(void *cm_af_ctx, int status)
{
}

static int ndis5_cm_create_vc(void *cm_af_ctx, struct condis_vc *vc, void **cm_vc_ctx)
{
	struct ndis5_af *a = cm_af_ctx;
	struct ndis5_vc *v = ndis5_vc_new(a, a->adapter, NULL);
	NDIS_STATUS st;

	if (!v)
		return -ENOMEM;
	v->vc = vc;
	st = a->cm.CmCreateVcHandler(a->ctx, vc, &v->ctx);
	if (st != NDIS_STATUS_SUCCESS) {
		ndis5_vc_free(v);
		return ndis_status_to_native(st == NDIS_STATUS_PENDING ? NDIS_STATUS_FAILURE : st);
	}
	/*
	 * An MCM's VC is also its miniport VC (NdisMCmDeleteVc(), the data
	 * path find it); a stand-alone CM's is only ever reached through
	 * this context, and a 5.x plain miniport owns the MP_VC key.
	 */
	if (a->adapter)
		ndis5_reg_add(&v->ent, vc, NDIS5_MP_VC);
	*cm_vc_ctx = v;
	return 0;
}

static int ndis5_cm_delete_vc(void *cm_vc_ctx)
{
	struct ndis5_vc *v = cm_vc_ctx;

	return ndis5_vc_delete(v, v->af->cm.CmDeleteVcHandler);
}

static void ndis5_cm_activate_vc_complete(int status, void *cm_vc_ctx,
					  struct condis_call_params *params)
{
	struct ndis5_vc *v = cm_vc_ctx;

	v->af->cm.CmActivateVcCompleteHandler(ndis_status_from_native(status), v->ctx,
					      ndis_params_ndis(params));
}

static void ndis5_cm_deactivate_vc_complete(int status, void *cm_vc_ctx)
{
	struct ndis5_vc *v = cm_vc_ctx;

	v->af->cm.CmDeactivateVcCompleteHandler(ndis_status_from_native(status), v->ctx);
}

static int ndis5_cm_make_call(void *cm_vc_ctx, struct condis_call_params *params,
			      struct condis_party *party, void **cm_party_ctx)
{
	struct ndis5_vc *v = cm_vc_ctx;

	if (party)
		return -EOPNOTSUPP;
	return ndis_status_to_native(v->af->cm.CmMakeCallHandler(v->ctx, ndis_params_ndis(params),
								 NULL, cm_party_ctx));
}

static int ndis5_cm_close_call(void *cm_vc_ctx, void *cm_party_ctx, void *data, unsigned int size)
{
	struct ndis5_vc *v = cm_vc_ctx;

	return ndis_status_to_native(v->af->cm.CmCloseCallHandler(v->ctx, cm_party_ctx, data,
								  size));
}

static void ndis5_cm_incoming_call_complete(int status, void *cm_vc_ctx,
					    struct condis_call_params *params)
{
	struct ndis5_vc *v = cm_vc_ctx;

	v->af->cm.CmIncomingCallCompleteHandler(ndis_status_from_native(status), v->ctx,
						ndis_params_ndis(params));
}

static int ndis5_cm_add_party(void *cm_vc_ctx, struct condis_call_params *params,
			      struct condis_party *party, void **cm_party_ctx)
{
	return -EOPNOTSUPP;
}

static int ndis5_cm_drop_party(void *cm_party_ctx, void *data, unsigned int size)
{
	return -EOPNOTSUPP;
}

static int ndis5_cm_modify_call_qos(void *cm_vc_ctx, struct condis_call_params *params)
{
	struct ndis5_vc *v = cm_vc_ctx;

	return ndis_status_to_native(v->af->cm.CmModifyCallQoSHandler(v->ctx,
								      ndis_params_ndis(params)));
}

static int ndis5_cm_oid_request(void *cm_af_ctx, void *cm_vc_ctx, void *cm_party_ctx,
				struct condis_oid_request *req)
{
	struct ndis5_af *a = cm_af_ctx;
	struct ndis5_req_wrap *w = ndis5_req_wrap(req, req->oid, req->type == CONDIS_OID_SET);

	if (!w)
		return -ENOMEM;
	return ndis5_req_call(w, a->cm.CmRequestHandler(a->ctx, ndis5_vc_ctx(cm_vc_ctx),
							cm_party_ctx, &w->r));
}

static void ndis5_cm_oid_request_complete(void *cm_af_ctx, void *cm_vc_ctx, void *cm_party_ctx,
					  struct condis_oid_request *req, int status)
{
	ndis5_req_done(req, cm_vc_ctx, cm_party_ctx, status, true);
}

static const struct condis_cm_ops ndis5_cm_ops = {
	.open_af = ndis5_cm_open_af,
	.close_af = ndis5_cm_close_af,
	.register_sap = ndis5_cm_register_sap,
	.deregister_sap = ndis5_cm_deregister_sap,
	.notify_close_af_complete = ndis5_cm_notify_close_af_complete,
	.create_vc = ndis5_cm_create_vc,
	.delete_vc = ndis5_cm_delete_vc,
	.activate_vc_complete = ndis5_cm_activate_vc_complete,
	.deactivate_vc_complete = ndis5_cm_deactivate_vc_complete,
	.make_call = ndis5_cm_make_call,
	.close_call = ndis5_cm_close_call,
	.incoming_call_complete = ndis5_cm_incoming_call_complete,
	.add_party = ndis5_cm_add_party,
	.drop_party = ndis5_cm_drop_party,
	.modify_call_qos = ndis5_cm_modify_call_qos,
	.oid_request = ndis5_cm_oid_request,
	.oid_request_complete = ndis5_cm_oid_request_complete,
};

/* ---- miniport callbacks --------------------------------------------------------------- */

static int ndis5_mp_create_vc(void *adapter_ctx, struct condis_vc *vc, void **mp_vc_ctx)
{
	struct ndis5_adapter *ad = adapter_ctx;
	struct ndis5_vc *v = ndis5_vc_new(NULL, ad, NULL);
	NDIS_STATUS st;

	if (!v)
		return -ENOMEM;
	v->vc = vc;
	st = ad->drv->chars.CoCreateVcHandler(ad->context, vc, &v->ctx);
	if (st != NDIS_STATUS_SUCCESS) {
		ndis5_vc_free(v);
		return ndis_status_to_native(st == NDIS_STATUS_PENDING ? NDIS_STATUS_FAILURE : st);
	}
	ndis5_reg_add(&v->ent, vc, NDIS5_MP_VC);
	*mp_vc_ctx = v;
	return 0;
}

static int ndis5_mp_delete_vc(void *mp_vc_ctx)
{
	struct ndis5_vc *v = mp_vc_ctx;

	return ndis5_vc_delete(v, v->adapter->drv->chars.CoDeleteVcHandler);
}

static int ndis5_mp_activate_vc(void *mp_vc_ctx, struct condis_call_params *params)
{
	struct ndis5_vc *v = mp_vc_ctx;

	return ndis_status_to_native(v->adapter->drv->chars.CoActivateVcHandler(v->ctx,
							ndis_params_ndis(params)));
}

static int ndis5_mp_deactivate_vc(void *mp_vc_ctx)
{
	struct ndis5_vc *v = mp_vc_ctx;

	return ndis_status_to_native(v->adapter->drv->chars.CoDeactivateVcHandler(v->ctx));
}

static int ndis5_mp_oid_request(void *adapter_ctx, void *mp_vc_ctx, struct condis_oid_request *req)
{
	struct ndis5_adapter *ad = adapter_ctx;
	struct ndis5_vc *v = mp_vc_ctx;
	struct ndis5_req_wrap *w = ndis5_req_wrap(req, req->oid, req->type == CONDIS_OID_SET);

	if (!w)
		return -ENOMEM;
	w->adapter = ad;
	w->vc = v ? v->vc : NULL;
	return ndis5_req_call(w, ad->drv->chars.CoRequestHandler(ad->context, ndis5_vc_ctx(v),
								 &w->r));
}

static const struct condis_miniport_ops ndis5_mp_ops = {
	.create_vc = ndis5_mp_create_vc,
	.delete_vc = ndis5_mp_delete_vc,
	.activate_vc = ndis5_mp_activate_vc,
	.deactivate_vc = ndis5_mp_deactivate_vc,
	.oid_request = ndis5_mp_oid_request,
	.send = ndis5_mp_send,
	.return_skbs = ndis5_mp_return_skbs,
};

/* An MCM's miniport part: condis creates and activates no VC through it. */
static const struct condis_miniport_ops ndis5_mcm_mp_ops = {
	.oid_request = ndis5_mp_oid_request,
	.send = ndis5_mp_send,
	.return_skbs = ndis5_mp_return_skbs,
};

/* ---- protocol registration and bindings --------------------------------------------- */

/**
 * NdisRegisterProtocol() - register an NDIS 5 CO protocol driver
 * @Status: set to NDIS_STATUS_SUCCESS, NDIS_STATUS_BAD_VERSION,
 *	NDIS_STATUS_BAD_CHARACTERISTICS, NDIS_STATUS_RESOURCES or condis's error
 * @NdisProtocolHandle: set to the protocol's handle (before any bind)
 * @ProtocolCharacteristics: NDIS 5.0 or 5.1 characteristics; copied
 * @CharacteristicsLength: their size, at least NDIS50_PROTOCOL_CHARACTERISTICS'
 *
 * ProtocolBindAdapter runs for every adapter, before this returns for
 * those that exist.  A 5.x protocol is a client, a stand-alone call
 * manager (NdisCmRegisterAddressFamily() on a binding), or both.
 *
 * Context: process (PASSIVE_LEVEL); sleeps.
 */
void NdisRegisterProtocol(PNDIS_STATUS Status, PNDIS_HANDLE NdisProtocolHandle,
			  PNDIS_PROTOCOL_CHARACTERISTICS ProtocolCharacteristics,
			  UINT CharacteristicsLength)
{
	PNDIS_PROTOCOL_CHARACTERISTICS pc = ProtocolCharacteristics;
	struct ndis5_protocol *proto;
	int err;

	if (!pc || !NdisProtocolHandle || CharacteristicsLength < sizeof(*pc) ||
	    !pc->BindAdapterHandler || !pc->UnbindAdapterHandler ||
	    !pc->CoSendCompleteHandler || !pc->CoStatusHandler ||
	    !pc->CoReceivePacketHandler || !pc->CoAfRegisterNotifyHandler) {
		*Status = NDIS_STATUS_BAD_CHARACTERISTICS;
		return;
	}
	if (pc->MajorNdisVersion != 5) {
		*Status = NDIS_STATUS_BAD_VERSION;
		return;
	}
	proto = kzalloc(sizeof(*proto), GFP_KERNEL);
	if (!proto) {
		*Status = NDIS_STATUS_RESOURCES;
		return;
	}
	proto->obj.magic = NDIS_COMPAT_MAGIC;
	proto->obj.kind = NDIS5_OBJ_PROTOCOL;
	proto->chars = *pc;
	mutex_init(&proto->lock);
	INIT_LIST_HEAD(&proto->binds);
	INIT_LIST_HEAD(&proto->bindings);
	ndis_string_to_ascii(&pc->Name, proto->name, sizeof(proto->name));
	if (!proto->name[0])
		strscpy(proto->name, "ndis5-protocol", sizeof(proto->name));
	proto->desc.name = proto->name;
	proto->desc.ops = &ndis5_proto_ops;
	proto->desc.cl_ops = &ndis5_cl_ops;
	/* Any 5.x protocol may be a stand-alone CM: NdisCmRegisterAddressFamily(). */
	proto->desc.cm_ops = &ndis5_cm_ops;
	*NdisProtocolHandle = proto;
	err = condis_register_protocol(&proto->desc, proto, &proto->native);
	if (err) {
		*NdisProtocolHandle = NULL;
		mutex_destroy(&proto->lock);
		kfree(proto);
	}
	*Status = ndis_status_from_native(err);
}
EXPORT_SYMBOL_NS_GPL(NdisRegisterProtocol, NDIS);

/**
 * NdisDeregisterProtocol() - remove an NDIS 5 protocol driver
 * @Status: set to NDIS_STATUS_SUCCESS, or NDIS_STATUS_INVALID_PARAMETER
 * @NdisProtocolHandle: its handle; stale afterwards
 *
 * Every binding is unbound first (ProtocolUnbindAdapter).
 *
 * Context: process (PASSIVE_LEVEL); sleeps.
 */
void NdisDeregisterProtocol(PNDIS_STATUS Status, NDIS_HANDLE NdisProtocolHandle)
{
	struct ndis5_protocol *proto = NdisProtocolHandle;
	struct ndis5_binding *b, *n;

	if (!proto || proto->obj.magic != NDIS_COMPAT_MAGIC ||
	    proto->obj.kind != NDIS5_OBJ_PROTOCOL) {
		*Status = NDIS_STATUS_INVALID_PARAMETER;
		return;
	}
	condis_deregister_protocol(proto->native);
	list_for_each_entry_safe(b, n, &proto->bindings, node) {
		b->obj.magic = 0;
		kfree(b);
	}
	proto->obj.magic = 0;
	mutex_destroy(&proto->lock);
	kfree(proto);
	*Status = NDIS_STATUS_SUCCESS;
}
EXPORT_SYMBOL_NS_GPL(NdisDeregisterProtocol, NDIS);

/**
 * NdisOpenAdapter() - bind to an adapter, from ProtocolBindAdapter
 * @Status: set to NDIS_STATUS_SUCCESS (never pending), or why not
 * @OpenErrorStatus: set to NDIS_STATUS_SUCCESS
 * @NdisBindingHandle: set to the binding's handle
 * @SelectedMediumIndex: set to 0: condis adapters take any CO medium
 * @MediumArray: the media the protocol takes
 * @MediumArraySize: how many
 * @NdisProtocolHandle: the protocol
 * @ProtocolBindingContext: its context for the binding
 * @AdapterName: the DeviceName ProtocolBindAdapter got
 * @OpenOptions: unused
 * @AddressingInformation: unused
 *
 * Only for an adapter whose ProtocolBindAdapter is running.
 *
 * Context: process (PASSIVE_LEVEL), inside ProtocolBindAdapter.
 */
void NdisOpenAdapter(PNDIS_STATUS Status, PNDIS_STATUS OpenErrorStatus,
		     PNDIS_HANDLE NdisBindingHandle, PUINT SelectedMediumIndex,
		     PNDIS_MEDIUM MediumArray, UINT MediumArraySize,
		     NDIS_HANDLE NdisProtocolHandle, NDIS_HANDLE ProtocolBindingContext,
		     PNDIS_STRING AdapterName, UINT OpenOptions,
		     PVOID AddressingInformation)
{
	struct ndis5_protocol *proto = NdisProtocolHandle;
	struct ndis5_bind *bc, *found = NULL;
	struct ndis5_binding *b;
	char name[NDIS_COMPAT_NAME_MAX];
	int err;

	*OpenErrorStatus = NDIS_STATUS_SUCCESS;
	if (!proto || proto->obj.magic != NDIS_COMPAT_MAGIC ||
	    proto->obj.kind != NDIS5_OBJ_PROTOCOL || !NdisBindingHandle || !MediumArraySize) {
		*Status = NDIS_STATUS_INVALID_PARAMETER;
		return;
	}
	ndis_string_to_ascii(AdapterName, name, sizeof(name));
	b = kzalloc(sizeof(*b), GFP_KERNEL);
	if (!b) {
		*Status = NDIS_STATUS_RESOURCES;
		return;
	}
	b->obj.magic = NDIS_COMPAT_MAGIC;
	b->obj.kind = NDIS5_OBJ_BINDING;
	b->proto = proto;
	b->context = ProtocolBindingContext;
	spin_lock_init(&b->lock);
	mutex_lock(&proto->lock);
	list_for_each_entry(bc, &proto->binds, node)
		if (!strcmp(bc->name, name))
			found = bc;
	if (found) {
		err = condis_open_adapter(proto->native, found->adapter, b, &b->native);
		if (!err)
			list_add_tail(&b->node, &proto->bindings);
	} else {
		err = -ENODEV;
	}
	mutex_unlock(&proto->lock);
	if (err) {
		kfree(b);
		*Status = err == -ENODEV ? NDIS_STATUS_ADAPTER_NOT_FOUND :
					   ndis_status_from_native(err);
		return;
	}
	*SelectedMediumIndex = 0;
	*NdisBindingHandle = b;
	*Status = NDIS_STATUS_SUCCESS;
}
EXPORT_SYMBOL_NS_GPL(NdisOpenAdapter, NDIS);

/**
 * NdisCloseAdapter() - close a binding
 * @Status: set to NDIS_STATUS_SUCCESS (never pending) or why not (AFs
 *	still open: NDIS_STATUS_FAILURE-class codes from condis)
 * @NdisBindingHandle: the binding; stale on success
 *
 * Close the AFs on the binding first (their ClCloseAfCompleteHandler ran).
 *
 * Context: process (PASSIVE_LEVEL).
 */
void NdisCloseAdapter(PNDIS_STATUS Status, NDIS_HANDLE NdisBindingHandle)
{
	struct ndis5_binding *b = ndis5_binding_of(NdisBindingHandle);
	int err;

	if (!b) {
		*Status = NDIS_STATUS_INVALID_PARAMETER;
		return;
	}
	err = condis_close_adapter(b->native);
	if (!err && ndis5_binding_take(b->proto, b->native)) {
		b->obj.magic = 0;
		kfree(b);
	}
	*Status = ndis_status_from_native(err);
}
EXPORT_SYMBOL_NS_GPL(NdisCloseAdapter, NDIS);

/**
 * NdisCompleteBindAdapter() - finish a ProtocolBindAdapter that pended
 * @BindAdapterContext: the BindContext it got
 * @Status: its result
 * @OpenStatus: unused
 *
 * Context: any.
 */
void NdisCompleteBindAdapter(NDIS_HANDLE BindAdapterContext, NDIS_STATUS Status,
			     NDIS_STATUS OpenStatus)
{
	struct ndis5_bind *bc = BindAdapterContext;

	bc->status = Status;
	complete(&bc->done);
}
EXPORT_SYMBOL_NS_GPL(NdisCompleteBindAdapter, NDIS);

/**
 * NdisCompleteUnbindAdapter() - finish a ProtocolUnbindAdapter that pended
 * @UnbindAdapterContext: the UnbindContext it got
 * @Status: unused: an unbind cannot fail
 *
 * Context: any.
 */
void NdisCompleteUnbindAdapter(NDIS_HANDLE UnbindAdapterContext, NDIS_STATUS Status)
{
	struct ndis5_unbind *uc = UnbindAdapterContext;

	complete(&uc->done);
}
EXPORT_SYMBOL_NS_GPL(NdisCompleteUnbindAdapter, NDIS);

/* ---- client functions ---------------------------------------------------------------- */

/**
 * NdisClOpenAddressFamily() - open an AF with its client handlers (NDIS 5)
 * @NdisBindingHandle: the client's binding
 * @AddressFamily: the AF its ProtocolCoAfRegisterNotify got
 * @ClientAfContext: its context for the AF
 * @ClCharacteristics: the handlers for this AF and everything on it; copied
 * @SizeOfClCharacteristics: their size
 * @NdisAfHandle: set to the AF handle when the open completes synchronously
 *
 * Every handler must be set (the party ones included; they are never
 * called).  When this returns NDIS_STATUS_PENDING the handle comes with
 * ClOpenAfCompleteHandler.
 *
 * Context: process (PASSIVE_LEVEL).
 * Return: NDIS_STATUS_SUCCESS, NDIS_STATUS_PENDING, or why not.
 */
NDIS_STATUS NdisClOpenAddressFamily(NDIS_HANDLE NdisBindingHandle,
				    PCO_ADDRESS_FAMILY AddressFamily,
				    NDIS_HANDLE ClientAfContext,
				    PNDIS_CLIENT_CHARACTERISTICS ClCharacteristics,
				    UINT SizeOfClCharacteristics, PNDIS_HANDLE NdisAfHandle)
{
	struct ndis5_binding *b = ndis5_binding_of(NdisBindingHandle);
	struct condis_af *af = NULL;
	struct ndis5_af *a;
	int err;

	if (!b || !AddressFamily || !ClCharacteristics || !NdisAfHandle)
		return NDIS_STATUS_INVALID_PARAMETER;
	if (SizeOfClCharacteristics < sizeof(*ClCharacteristics) ||
	    !ndis_table_complete(ClCharacteristics,
				 offsetof(NDIS_CLIENT_CHARACTERISTICS, ClCreateVcHandler),
				 sizeof(*ClCharacteristics)))
		return NDIS_STATUS_BAD_CHARACTERISTICS;
	a = ndis5_af_new(NULL);
	if (!a)
		return NDIS_STATUS_RESOURCES;
	a->binding = b;
	a->ctx = ClientAfContext;
	a->cl = *ClCharacteristics;
	err = condis_cl_open_af(b->native, (struct condis_af_type *)AddressFamily, a, &af);
	if (err == CONDIS_PENDING)
		return NDIS_STATUS_PENDING;
	if (err) {
		ndis5_af_put(a);
		return ndis_status_from_native(err);
	}
	a->af = af;
	ndis5_reg_add(&a->ent, af, NDIS5_CL_AF);
	*NdisAfHandle = af;
	return NDIS_STATUS_SUCCESS;
}
EXPORT_SYMBOL_NS_GPL(NdisClOpenAddressFamily, NDIS);

bool ndis5_cl_close_af(NDIS_HANDLE af, NDIS_STATUS *st)
{
	struct ndis5_af *a = ndis5_af_find(af, NDIS5_CL_AF);
	unsigned long flags;
	bool notify_done;
	int err;

	if (!a)
		return false;
	err = condis_cl_close_af(af);
	spin_lock_irqsave(&a->lock, flags);
	notify_done = a->notify_pending && err != -EBUSY;
	if (notify_done)
		a->notify_pending = false;
	if (a->in_notify && err != -EBUSY)
		a->closed_in_notify = true;
	spin_unlock_irqrestore(&a->lock, flags);
	if (notify_done)
		condis_cl_notify_close_af_complete(af, 0);
	/* A close that completed at once: the AF is gone. */
	if (!err)
		ndis5_af_forget(a);
	ndis5_af_put(a);
	*st = ndis_status_from_native(err);
	return true;
}

bool ndis5_cl_register_sap(NDIS_HANDLE af, NDIS_HANDLE ctx, PCO_SAP sap,
			   PNDIS_HANDLE sap_handle, NDIS_STATUS *st)
{
	struct ndis5_af *a = ndis5_af_find(af, NDIS5_CL_AF);
	struct ndis5_sap *s;
	unsigned long flags;
	int err;

	if (!a)
		return false;
	s = kzalloc(sizeof(*s), GFP_ATOMIC);
	if (!s) {
		ndis5_af_put(a);
		*st = NDIS_STATUS_RESOURCES;
		return true;
	}
	s->af = a;
	s->ctx = ctx;
	/* Kept until the AF goes: a SAP's completions and calls may come until then. */
	spin_lock_irqsave(&a->lock, flags);
	list_add_tail(&s->node, &a->saps);
	spin_unlock_irqrestore(&a->lock, flags);
	err = condis_cl_register_sap(af, s, (struct condis_sap_addr *)sap,
				     (struct condis_sap **)sap_handle);
	ndis5_af_put(a);
	*st = ndis_status_from_native(err);
	return true;
}

bool ndis5_cl_party_refused(NDIS_HANDLE vc, NDIS_HANDLE party_ctx, NDIS_STATUS *st)
{
	if (!party_ctx || !ndis5_vc_find(vc))
		return false;
	*st = NDIS_STATUS_NOT_SUPPORTED;
	return true;
}

bool ndis5_co_create_vc(NDIS_HANDLE binding, NDIS_HANDLE af, NDIS_HANDLE ctx,
			PNDIS_HANDLE vc, NDIS_STATUS *st)
{
	struct ndis5_binding *b = ndis5_binding_of(binding);
	struct ndis5_af *a;
	struct ndis5_vc *v;
	int err;

	if (!b)
		return false;
	a = ndis5_af_find(af, NDIS5_CL_AF);
	if (a && a->binding != b) {
		ndis5_af_put(a);
		a = NULL;
	}
	/* A stand-alone CM creates a VC for an incoming call on its own AF. */
	if (!a)
		a = ndis5_af_find(af, NDIS5_CM_AF);
	if (a && a->binding != b) {
		ndis5_af_put(a);
		a = NULL;
	}
	if (!a || !vc || *vc) {
		if (a)
			ndis5_af_put(a);
		*st = NDIS_STATUS_INVALID_PARAMETER;
		return true;
	}
	v = ndis5_vc_new(a, NULL, ctx);
	ndis5_af_put(a);
	if (!v) {
		*st = NDIS_STATUS_RESOURCES;
		return true;
	}
	err = condis_co_create_vc(b->native, af, v, &v->vc);
	if (err) {
		ndis5_vc_free(v);
		*st = ndis_status_from_native(err);
		return true;
	}
	ndis5_reg_add(&v->ent, v->vc, NDIS5_VC);
	*vc = v->vc;
	*st = NDIS_STATUS_SUCCESS;
	return true;
}

bool ndis5_co_delete_vc(NDIS_HANDLE vc, NDIS_STATUS *st)
{
	struct ndis5_vc *v = ndis5_vc_find(vc);
	int err;

	if (!v)
		return false;
	err = condis_co_delete_vc(vc);
	if (!err)
		ndis5_vc_free(v);
	*st = ndis_status_from_native(err);
	return true;
}

/* ---- miniport registration and adapters --------------------------------------------- */

/**
 * NdisMInitializeWrapper() - the first call of a 5.x miniport's DriverEntry
 * @NdisWrapperHandle: set to the driver's handle, or NULL (no memory)
 * @SystemSpecific1: the DriverObject
 * @SystemSpecific2: the RegistryPath; unused
 * @SystemSpecific3: unused
 *
 * Context: process (PASSIVE_LEVEL).
 */
void NdisMInitializeWrapper(PNDIS_HANDLE NdisWrapperHandle, PVOID SystemSpecific1,
			    PVOID SystemSpecific2, PVOID SystemSpecific3)
{
	PDRIVER_OBJECT dobj = SystemSpecific1;
	struct ndis5_miniport *drv = kzalloc(sizeof(*drv), GFP_KERNEL);

	*NdisWrapperHandle = drv;
	if (!drv)
		return;
	drv->obj.magic = NDIS_COMPAT_MAGIC;
	drv->obj.kind = NDIS5_OBJ_MINIPORT;
	drv->driver_object = dobj;
	mutex_init(&drv->lock);
	INIT_LIST_HEAD(&drv->adapters);
	strscpy(drv->name, dobj && dobj->Module ? module_name(dobj->Module) : "ndis5-miniport",
		sizeof(drv->name));
}
EXPORT_SYMBOL_NS_GPL(NdisMInitializeWrapper, NDIS);

static struct ndis5_miniport *ndis5_miniport_of(NDIS_HANDLE h)
{
	struct ndis_object *o = h;

	if (o && o->magic == NDIS_COMPAT_MAGIC && o->kind == NDIS5_OBJ_MINIPORT)
		return (struct ndis5_miniport *)o;
	pr_warn_ratelimited("ndis: %ps: bad wrapper handle %p\n", __builtin_return_address(0), h);
	return NULL;
}

/**
 * NdisMRegisterMiniport() - register a 5.x CO miniport or MCM
 * @NdisWrapperHandle: from NdisMInitializeWrapper()
 * @MiniportCharacteristics: 5.0 or 5.1 characteristics; copied
 * @CharacteristicsLength: their size, at least the 5.0 size
 *
 * A driver without CoCreateVcHandler and CoDeleteVcHandler is a miniport
 * call manager: it registers its AFs with NdisMCmRegisterAddressFamily()
 * from MiniportInitialize.  Adapters come with NdisLinuxAddAdapter5().
 *
 * Context: process (PASSIVE_LEVEL); sleeps.
 * Return: NDIS_STATUS_SUCCESS, NDIS_STATUS_BAD_VERSION,
 * NDIS_STATUS_BAD_CHARACTERISTICS or condis's error.
 */
NDIS_STATUS NdisMRegisterMiniport(NDIS_HANDLE NdisWrapperHandle,
				  PNDIS_MINIPORT_CHARACTERISTICS MiniportCharacteristics,
				  UINT CharacteristicsLength)
{
	struct ndis5_miniport *drv = ndis5_miniport_of(NdisWrapperHandle);
	PNDIS_MINIPORT_CHARACTERISTICS mc = MiniportCharacteristics;
	int err;

	if (!drv || drv->native)
		return NDIS_STATUS_FAILURE;
	if (!mc || CharacteristicsLength < NDIS50_MINIPORT_CHARACTERISTICS_SIZE)
		return NDIS_STATUS_BAD_CHARACTERISTICS;
	if (mc->MajorNdisVersion != 5)
		return NDIS_STATUS_BAD_VERSION;
	memcpy(&drv->chars, mc, min_t(size_t, CharacteristicsLength, sizeof(drv->chars)));
	mc = &drv->chars;
	if (!mc->InitializeHandler || !mc->HaltHandler || !mc->ReturnPacketHandler ||
	    !mc->CoActivateVcHandler || !mc->CoDeactivateVcHandler ||
	    !mc->CoSendPacketsHandler || !mc->CoRequestHandler ||
	    !mc->CoCreateVcHandler != !mc->CoDeleteVcHandler)
		return NDIS_STATUS_BAD_CHARACTERISTICS;
	drv->mcm = !mc->CoCreateVcHandler;
	drv->desc.name = drv->name;
	drv->desc.ops = drv->mcm ? &ndis5_mcm_mp_ops : &ndis5_mp_ops;
	drv->desc.cm_ops = drv->mcm ? &ndis5_cm_ops : NULL;
	err = condis_register_miniport(&drv->desc, drv, &drv->native);
	return ndis_status_from_native(err);
}
EXPORT_SYMBOL_NS_GPL(NdisMRegisterMiniport, NDIS);

/**
 * NdisMRegisterUnloadHandler() - what NdisLinuxUnloadMiniport5() calls last
 * @NdisWrapperHandle: the driver
 * @UnloadHandler: its MiniportUnload
 *
 * Context: process (PASSIVE_LEVEL).
 */
void NdisMRegisterUnloadHandler(NDIS_HANDLE NdisWrapperHandle,
				PNDIS_UNLOAD_HANDLER UnloadHandler)
{
	struct ndis5_miniport *drv = ndis5_miniport_of(NdisWrapperHandle);

	if (drv)
		drv->unload = UnloadHandler;
}
EXPORT_SYMBOL_NS_GPL(NdisMRegisterUnloadHandler, NDIS);

static void ndis5_miniport_free(struct ndis5_miniport *drv)
{
	drv->obj.magic = 0;
	mutex_destroy(&drv->lock);
	kfree(drv);
}

/**
 * NdisTerminateWrapper() - give up a wrapper handle whose registration failed
 * @NdisWrapperHandle: the handle; stale afterwards
 * @SystemSpecific: unused
 *
 * A registered driver goes with NdisLinuxUnloadMiniport5() instead, which
 * may call this from its MiniportUnload (then it does nothing).
 *
 * Context: process (PASSIVE_LEVEL).
 */
void NdisTerminateWrapper(NDIS_HANDLE NdisWrapperHandle, PVOID SystemSpecific)
{
	struct ndis5_miniport *drv = ndis5_miniport_of(NdisWrapperHandle);

	if (drv && !drv->native && !drv->unloading)
		ndis5_miniport_free(drv);
}
EXPORT_SYMBOL_NS_GPL(NdisTerminateWrapper, NDIS);

/**
 * NdisMSetAttributesEx() - name the adapter's context, from MiniportInitialize
 * @MiniportAdapterHandle: the adapter
 * @MiniportAdapterContext: the driver's context for it
 * @CheckForHangTimeInSeconds: unused (no hang checks)
 * @AttributeFlags: NDIS_ATTRIBUTE_xxx; unused (a condis miniport is
 *	deserialized)
 * @AdapterType: unused
 *
 * Context: process (PASSIVE_LEVEL).
 */
void NdisMSetAttributesEx(NDIS_HANDLE MiniportAdapterHandle,
			  NDIS_HANDLE MiniportAdapterContext,
			  UINT CheckForHangTimeInSeconds, ULONG AttributeFlags,
			  NDIS_INTERFACE_TYPE AdapterType)
{
	struct ndis5_adapter *ad = ndis5_adapter_of(MiniportAdapterHandle);

	if (ad)
		ad->context = MiniportAdapterContext;
}
EXPORT_SYMBOL_NS_GPL(NdisMSetAttributesEx, NDIS);

/**
 * NdisMCmRegisterAddressFamily() - an MCM registers an AF with its CM handlers
 * @MiniportAdapterHandle: the adapter
 * @AddressFamily: the AF
 * @CmCharacteristics: the call-manager handlers for it; copied
 * @SizeOfCmCharacteristics: their size
 *
 * From MiniportInitialize (the clients hear of it once the adapter is
 * up), or later.  Every handler must be set (add/drop party ones are
 * never called).
 *
 * Context: process (PASSIVE_LEVEL).
 * Return: NDIS_STATUS_SUCCESS or why not.
 */
NDIS_STATUS NdisMCmRegisterAddressFamily(NDIS_HANDLE MiniportAdapterHandle,
					 PCO_ADDRESS_FAMILY AddressFamily,
					 PNDIS_CALL_MANAGER_CHARACTERISTICS CmCharacteristics,
					 UINT SizeOfCmCharacteristics)
{
	struct ndis5_adapter *ad = ndis5_adapter_of(MiniportAdapterHandle);
	struct condis_cm_af *cm_af;
	struct ndis5_cm_reg *reg;

	if (!ad || !ad->drv->mcm || !AddressFamily || !CmCharacteristics)
		return NDIS_STATUS_INVALID_PARAMETER;
	if (SizeOfCmCharacteristics < sizeof(*CmCharacteristics) ||
	    !ndis_table_complete(CmCharacteristics,
				 offsetof(NDIS_CALL_MANAGER_CHARACTERISTICS, CmCreateVcHandler),
				 sizeof(*CmCharacteristics)))
		return NDIS_STATUS_BAD_CHARACTERISTICS;
	if (ad->nr_afs >= NDIS_COMPAT_MAX_AFS)
		return NDIS_STATUS_RESOURCES;
	reg = &ad->afs[ad->nr_afs];
	reg->type = *AddressFamily;
	reg->chars = *CmCharacteristics;
	ad->nr_afs++;
	if (ad->initializing)
		return NDIS_STATUS_SUCCESS;
	return ndis_status_from_native(condis_mcm_register_af(ad->native,
							      (struct condis_af_type *)&reg->type,
							      &cm_af));
}
EXPORT_SYMBOL_NS_GPL(NdisMCmRegisterAddressFamily, NDIS);

/**
 * NdisCmRegisterAddressFamily() - a stand-alone 5.x call manager registers
 *	an AF on a binding, with its CM handlers
 * @NdisBindingHandle: the CM's binding (from NdisOpenAdapter())
 * @AddressFamily: the AF
 * @CmCharacteristics: the call-manager handlers for it; copied
 * @SizeOfCmCharacteristics: their size
 *
 * condis_cm_register_af() on the binding: clients bound to the adapter
 * hear of the AF (ProtocolCoAfRegisterNotify) and open it; the opens and
 * every later call reach these handlers with the AF's CallMgrAfContext,
 * as an MCM's do.  The CM activates its VCs on the (plain) miniport with
 * NdisCmActivateVc() and completes with the NdisCm* functions.  Every
 * handler must be set (add/drop party ones are never called).  The AF
 * lives until the binding closes.
 *
 * Context: process (PASSIVE_LEVEL), e.g. ProtocolBindAdapter.
 * Return: NDIS_STATUS_SUCCESS or why not.
 */
NDIS_STATUS NdisCmRegisterAddressFamily(NDIS_HANDLE NdisBindingHandle,
					PCO_ADDRESS_FAMILY AddressFamily,
					PNDIS_CALL_MANAGER_CHARACTERISTICS CmCharacteristics,
					UINT SizeOfCmCharacteristics)
{
	struct ndis5_binding *b = ndis5_binding_of(NdisBindingHandle);
	struct condis_cm_af *cm_af;
	struct ndis5_cm_reg *reg;
	unsigned long flags;
	unsigned int i;
	int err;

	if (!b || !AddressFamily || !CmCharacteristics)
		return NDIS_STATUS_INVALID_PARAMETER;
	if (SizeOfCmCharacteristics < sizeof(*CmCharacteristics) ||
	    !ndis_table_complete(CmCharacteristics,
				 offsetof(NDIS_CALL_MANAGER_CHARACTERISTICS, CmCreateVcHandler),
				 sizeof(*CmCharacteristics)))
		return NDIS_STATUS_BAD_CHARACTERISTICS;
	/* Recorded before condis knows of it: a client may open it at once. */
	spin_lock_irqsave(&b->lock, flags);
	for (i = 0; i < b->nr_afs; i++) {
		if (b->afs[i].type.AddressFamily == AddressFamily->AddressFamily) {
			spin_unlock_irqrestore(&b->lock, flags);
			return NDIS_STATUS_INVALID_PARAMETER;
		}
	}
	if (b->nr_afs >= NDIS_COMPAT_MAX_AFS) {
		spin_unlock_irqrestore(&b->lock, flags);
		return NDIS_STATUS_RESOURCES;
	}
	reg = &b->afs[b->nr_afs++];
	reg->type = *AddressFamily;
	reg->chars = *CmCharacteristics;
	spin_unlock_irqrestore(&b->lock, flags);
	err = condis_cm_register_af(b->native, (struct condis_af_type *)&reg->type, &cm_af);
	if (err) {
		/* Only this caller appends to afs, so @reg is still the last. */
		spin_lock_irqsave(&b->lock, flags);
		b->nr_afs--;
		spin_unlock_irqrestore(&b->lock, flags);
	}
	return ndis_status_from_native(err);
}
EXPORT_SYMBOL_NS_GPL(NdisCmRegisterAddressFamily, NDIS);

bool ndis5_mcm_create_vc(NDIS_HANDLE adapter, NDIS_HANDLE af, NDIS_HANDLE ctx,
			 PNDIS_HANDLE vc, NDIS_STATUS *st)
{
	struct ndis5_adapter *ad = ndis5_adapter_of(adapter);
	struct ndis5_af *a;
	struct ndis5_vc *v;
	int err;

	if (!ad)
		return false;
	a = ndis5_af_find(af, NDIS5_CM_AF);
	if (!a || !vc) {
		if (a)
			ndis5_af_put(a);
		*st = NDIS_STATUS_INVALID_PARAMETER;
		return true;
	}
	v = ndis5_vc_new(a, ad, ctx);
	ndis5_af_put(a);
	if (!v) {
		*st = NDIS_STATUS_RESOURCES;
		return true;
	}
	v->created = true;
	err = condis_mcm_create_vc(ad->native, af, v, &v->vc);
	if (err) {
		ndis5_vc_free(v);
		*st = ndis_status_from_native(err);
		return true;
	}
	ndis5_reg_add(&v->ent, v->vc, NDIS5_MP_VC);
	*vc = v->vc;
	*st = NDIS_STATUS_SUCCESS;
	return true;
}

bool ndis5_mcm_delete_vc(NDIS_HANDLE vc, NDIS_STATUS *st)
{
	struct ndis5_vc *v = ndis5_mp_vc_find(vc);
	int err;

	if (!v || !v->created)
		return false;
	err = condis_mcm_delete_vc(vc);
	if (!err)
		ndis5_vc_free(v);
	*st = ndis_status_from_native(err);
	return true;
}

/**
 * NdisMCoIndicateStatus() - a 5.x miniport indicates a status
 * @MiniportAdapterHandle: the adapter
 * @NdisVcHandle: the VC it concerns, or NULL for the adapter
 * @GeneralStatus: the NDIS_STATUS_xxx event
 * @StatusBuffer: its data, or NULL
 * @StatusBufferSize: bytes in @StatusBuffer
 *
 * Reaches each protocol bound to the adapter (adapter-wide) or sharing
 * the VC, as ProtocolCoStatus (5.x) or ProtocolCoStatusEx.
 *
 * Context: any.
 */
void NdisMCoIndicateStatus(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE NdisVcHandle,
			   NDIS_STATUS GeneralStatus, PVOID StatusBuffer, ULONG StatusBufferSize)
{
	struct ndis5_adapter *ad = ndis5_adapter_of(MiniportAdapterHandle);
	struct condis_status_indication ind = {
		.code = GeneralStatus,
		.buf = StatusBuffer,
		.len = StatusBufferSize,
	};

	if (ad)
		condis_mco_indicate_status(ad->native, NDIS__VC(NdisVcHandle), &ind);
}
EXPORT_SYMBOL_NS_GPL(NdisMCoIndicateStatus, NDIS);

/**
 * NdisMCoReceiveComplete() - the end of a batch of receive indications
 * @MiniportAdapterHandle: the adapter
 *
 * condis delivers each indication whole, so there is nothing to flush;
 * accepted for the drivers that call it.
 *
 * Context: any.
 */
void NdisMCoReceiveComplete(NDIS_HANDLE MiniportAdapterHandle)
{
}
EXPORT_SYMBOL_NS_GPL(NdisMCoReceiveComplete, NDIS);

/**
 * NdisLinuxAddAdapter5() - bring a 5.x miniport's adapter up: what PnP
 *	does in Windows
 * @NdisWrapperHandle: the registered driver
 * @Name: the adapter's name (the DeviceName protocols bind to)
 * @MiniportAdapterHandle: set to the adapter's handle, or NULL
 *
 * Runs MiniportInitialize (media offered: NdisMediumAtm, NdisMediumCoWan),
 * registers the adapter with condis (protocols bind), then the AFs the
 * MCM registered (clients are notified).
 *
 * Context: process; sleeps.
 * Return: NDIS_STATUS_SUCCESS, MiniportInitialize's failure, or condis's error.
 */
NDIS_STATUS NdisLinuxAddAdapter5(NDIS_HANDLE NdisWrapperHandle, const char *Name,
				 PNDIS_HANDLE MiniportAdapterHandle)
{
	struct ndis5_miniport *drv = ndis5_miniport_of(NdisWrapperHandle);
	NDIS_MEDIUM media[] = { NdisMediumAtm, NdisMediumCoWan };
	NDIS_STATUS st, open_err = NDIS_STATUS_SUCCESS;
	struct ndis5_adapter *ad;
	struct condis_cm_af *cm_af;
	UINT medium = 0;
	unsigned int i;
	int err;

	if (!drv || !drv->native)
		return NDIS_STATUS_INVALID_PARAMETER;
	ad = kzalloc(sizeof(*ad), GFP_KERNEL);
	if (!ad)
		return NDIS_STATUS_RESOURCES;
	ad->obj.magic = NDIS_COMPAT_MAGIC;
	ad->obj.kind = NDIS5_OBJ_ADAPTER;
	ad->drv = drv;
	INIT_LIST_HEAD(&ad->node);
	strscpy(ad->name, Name ?: "ndis5", sizeof(ad->name));
	ad->initializing = true;
	st = drv->chars.InitializeHandler(&open_err, &medium, media, ARRAY_SIZE(media), ad, ad);
	ad->initializing = false;
	if (st != NDIS_STATUS_SUCCESS) {
		ad->obj.magic = 0;
		kfree(ad);
		return st == NDIS_STATUS_PENDING ? NDIS_STATUS_FAILURE : st;
	}
	err = condis_adapter_register(drv->native, ad->name, ad, &ad->native);
	if (err) {
		drv->chars.HaltHandler(ad->context);
		ad->obj.magic = 0;
		kfree(ad);
		return ndis_status_from_native(err);
	}
	mutex_lock(&drv->lock);
	list_add_tail(&ad->node, &drv->adapters);
	mutex_unlock(&drv->lock);
	for (i = 0; i < ad->nr_afs; i++) {
		err = condis_mcm_register_af(ad->native, (struct condis_af_type *)&ad->afs[i].type,
					     &cm_af);
		if (err)
			pr_warn("ndis: %s: address family %#x: %pe\n", ad->name,
				ad->afs[i].type.AddressFamily, ERR_PTR(err));
	}
	if (MiniportAdapterHandle)
		*MiniportAdapterHandle = ad;
	return NDIS_STATUS_SUCCESS;
}
EXPORT_SYMBOL_NS_GPL(NdisLinuxAddAdapter5, NDIS);

static void ndis5_adapter_destroy(struct ndis5_adapter *ad)
{
	/* condis unbinds every protocol first: AFs, SAPs, calls and VCs go. */
	condis_adapter_unregister(ad->native);
	ad->drv->chars.HaltHandler(ad->context);
	ad->obj.magic = 0;
	kfree(ad);
}

/**
 * NdisLinuxRemoveAdapter5() - take a 5.x adapter down: what removal does
 * @MiniportAdapterHandle: the adapter; stale afterwards
 *
 * condis unbinds every protocol, then MiniportHalt runs.
 *
 * Context: process; sleeps.
 */
void NdisLinuxRemoveAdapter5(NDIS_HANDLE MiniportAdapterHandle)
{
	struct ndis5_adapter *ad = ndis5_adapter_of(MiniportAdapterHandle);
	bool listed;

	if (!ad)
		return;
	mutex_lock(&ad->drv->lock);
	listed = !list_empty(&ad->node);
	list_del_init(&ad->node);
	mutex_unlock(&ad->drv->lock);
	if (listed)
		ndis5_adapter_destroy(ad);
}
EXPORT_SYMBOL_NS_GPL(NdisLinuxRemoveAdapter5, NDIS);

/**
 * NdisLinuxUnloadMiniport5() - unload a 5.x miniport: what NDIS does when
 *	its driver unloads
 * @NdisWrapperHandle: the driver; stale afterwards
 *
 * Removes every adapter (NdisLinuxRemoveAdapter5()), calls the
 * MiniportUnload of NdisMRegisterUnloadHandler(), and deregisters the
 * driver from condis.
 *
 * Context: process (module exit); sleeps.
 */
void NdisLinuxUnloadMiniport5(NDIS_HANDLE NdisWrapperHandle)
{
	struct ndis5_miniport *drv = ndis5_miniport_of(NdisWrapperHandle);
	struct condis_miniport *native;
	struct ndis5_adapter *ad;

	if (!drv)
		return;
	for (;;) {
		mutex_lock(&drv->lock);
		ad = list_first_entry_or_null(&drv->adapters, struct ndis5_adapter, node);
		if (ad)
			list_del_init(&ad->node);
		mutex_unlock(&drv->lock);
		if (!ad)
			break;
		ndis5_adapter_destroy(ad);
	}
	native = drv->native;
	drv->unloading = true;	/* NdisTerminateWrapper() from the unload frees nothing */
	if (drv->unload)
		drv->unload(drv->driver_object);
	if (native)
		condis_deregister_miniport(native);
	ndis5_miniport_free(drv);
}
EXPORT_SYMBOL_NS_GPL(NdisLinuxUnloadMiniport5, NDIS);
