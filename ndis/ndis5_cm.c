// SPDX-License-Identifier: GPL-2.0
/*
 * ndis.ko: a 5.x call manager's (an MCM's or a stand-alone one's) condis
 * call-manager callbacks per AF, and the completions of what it pended.
 */
#include "ndis5.h"

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

const struct condis_cm_ops ndis5_cm_ops = {
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
