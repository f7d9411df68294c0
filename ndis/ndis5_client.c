// SPDX-License-Identifier: GPL-2.0
/*
 * ndis.ko: a 5.x CoNDIS client: the condis client callbacks per AF, and
 * the client functions (NdisClOpenAddressFamily(), the hooks of the shared
 * CoNDIS functions for a client's AFs, SAPs and VCs).
 */
#include "ndis5.h"

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

int ndis5_vc_delete(struct ndis5_vc *v, CO_DELETE_VC_HANDLER del)
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

const struct condis_cl_ops ndis5_cl_ops = {
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
