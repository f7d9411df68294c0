/* SPDX-License-Identifier: GPL-2.0 */
/*
 * NDIS compat: the trampolines between condis's ops tables and an NDIS
 * driver's characteristics, and the functions that register drivers,
 * bind protocols and bring adapters up and down.
 *
 * Everything here is static to the translation unit that includes it (see
 * <ndis/driver.h>): NdisRegisterProtocolDriver() and
 * NdisMRegisterMiniportDriver() install this unit's ops tables and record
 * the driver in this unit's ndis__protocol / ndis__miniport, which is how
 * a trampoline, given only a driver's context by condis, finds the
 * driver's handlers.  Units that register nothing compile none of it.
 *
 * Each trampoline converts statuses (<ndis/status.h>), packets
 * (<ndis/nbl.h>) and OID requests (<ndis/oids.h>) and otherwise only
 * calls: no lock is held across a call into the driver or into condis.
 * The callbacks keep the contexts condis documents for the native
 * callbacks in <net/condis.h>.
 */
#ifndef _NDIS_TRAMP_H
#define _NDIS_TRAMP_H

#include <ndis/driver.h>

/* The drivers this translation unit registered. */
static struct ndis_protocol_driver *ndis__protocol __maybe_unused;
static struct ndis_miniport_driver *ndis__miniport __maybe_unused;

/* The call-manager handlers of this unit's MCM or stand-alone CM. */
static inline const NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS *ndis__cm(void)
{
	if (ndis__miniport && ndis__miniport->has_cm)
		return &ndis__miniport->cm;
	return &ndis__protocol->cm;
}

/* ---- protocol callbacks --------------------------------------------------------- */

/**
 * struct ndis_bind_context - what BindContext points at during a bind
 * @adapter: the condis adapter to open
 * @done: completed by NdisCompleteBindAdapterEx()
 * @status: its status
 */
struct ndis_bind_context {
	struct condis_adapter *adapter;
	struct completion done;
	NDIS_STATUS status;
};

/**
 * struct ndis_unbind_context - what UnbindContext points at during an unbind
 * @done: completed by NdisCompleteUnbindAdapterEx()
 */
struct ndis_unbind_context {
	struct completion done;
};

/* ProtocolBindAdapterEx; a pended bind is waited for here (process context). */
static int ndis__bind_adapter(void *proto_priv, struct condis_adapter *adapter)
{
	struct ndis_protocol_driver *drv = proto_priv;
	struct ndis_bind_context bc = { .adapter = adapter };
	NDIS_BIND_PARAMETERS bp = { };
	WCHAR name[NDIS_COMPAT_NAME_MAX];
	NDIS_STRING adapter_name;
	NDIS_STATUS st;

	init_completion(&bc.done);
	ndis_string_from_ascii(condis_adapter_name(adapter), name, ARRAY_SIZE(name), &adapter_name);
	bp.Header.Type = NDIS_OBJECT_TYPE_BIND_PARAMETERS;
	bp.Header.Revision = NDIS_BIND_PARAMETERS_REVISION_1;
	bp.Header.Size = NDIS_SIZEOF_BIND_PARAMETERS_REVISION_1;
	bp.AdapterName = &adapter_name;
	bp.MediaType = NdisMediumCoWan;
	bp.MediaConnectState = MediaConnectStateUnknown;
	st = drv->chars.BindAdapterHandlerEx(drv->context, &bc, &bp);
	if (st == NDIS_STATUS_PENDING) {
		wait_for_completion(&bc.done);
		st = bc.status;
	}
	return ndis_status_to_native(st);
}

/* Forget the compat binding of @native if the driver left it open. */
static inline void ndis_binding_forget(struct ndis_protocol_driver *drv,
				       struct condis_binding *native)
{
	struct ndis_binding *b, *found = NULL;

	mutex_lock(&drv->lock);
	list_for_each_entry(b, &drv->bindings, node) {
		if (b->native == native) {
			list_del(&b->node);
			found = b;
			break;
		}
	}
	mutex_unlock(&drv->lock);
	if (found) {
		found->obj.magic = 0;
		kfree(found);
	}
}

/* ProtocolUnbindAdapterEx; a pended unbind is waited for here. */
static int ndis__unbind_adapter(void *binding_ctx, struct condis_binding *binding)
{
	struct ndis_protocol_driver *drv = ndis__protocol;
	struct ndis_unbind_context uc;
	NDIS_STATUS st;

	init_completion(&uc.done);
	st = drv->chars.UnbindAdapterHandlerEx(&uc, binding_ctx);
	if (st == NDIS_STATUS_PENDING)
		wait_for_completion(&uc.done);
	/* Still open: condis closes what the driver left once this returns. */
	ndis_binding_forget(drv, binding);
	return 0;
}

static void ndis__af_register_notify(void *binding_ctx, const struct condis_af_type *type)
{
	ndis__protocol->co.CoAfRegisterNotifyHandler(binding_ctx, (PCO_ADDRESS_FAMILY)type);
}

static void ndis__co_status(void *binding_ctx, void *vc_ctx,
			    const struct condis_status_indication *ind)
{
	NDIS_STATUS_INDICATION si = { };

	si.Header.Type = NDIS_OBJECT_TYPE_STATUS_INDICATION;
	si.Header.Revision = NDIS_STATUS_INDICATION_REVISION_1;
	si.Header.Size = NDIS_SIZEOF_STATUS_INDICATION_REVISION_1;
	si.StatusCode = ind->code;
	si.StatusBuffer = (PVOID)ind->buf;
	si.StatusBufferSize = ind->len;
	ndis__protocol->co.CoStatusHandlerEx(binding_ctx, vc_ctx, &si);
}

/*
 * ProtocolCoReceiveNetBufferLists.  Without "resources low" the driver
 * owns every NBL until NdisReturnNetBufferLists(), so every skb is taken
 * off the list (kept); with it, the NBLs are views valid during the call
 * and every skb stays the miniport's.  An skb no wrapper could be made
 * for is left to the miniport: the driver does not see it.
 */
static void ndis__co_receive(void *binding_ctx, void *vc_ctx, struct sk_buff_head *skbs,
			     unsigned int flags)
{
	bool resources = flags & CONDIS_RECEIVE_RESOURCES;
	PNET_BUFFER_LIST head = NULL, *tail = &head, nbl;
	struct sk_buff_head left;
	struct sk_buff *skb, *tmp;
	ULONG n = 0;

	__skb_queue_head_init(&left);
	skb_queue_walk_safe(skbs, skb, tmp) {
		struct condis_vc *vc = CONDIS_SKB_CB(skb)->vc;
		struct sk_buff *view = skb;

		if (resources && skb_is_nonlinear(skb))
			view = skb_copy(skb, GFP_ATOMIC);	/* theirs: not to be changed */
		else if (!resources)
			__skb_unlink(skb, skbs);
		nbl = view ? ndis_nbl_wrap(view, vc) : NULL;
		if (!nbl) {
			pr_warn_ratelimited("ndis: no memory for a received packet: dropped\n");
			if (view && view != skb)
				kfree_skb(view);
			if (!resources)
				__skb_queue_tail(&left, skb);
			continue;
		}
		if (view != skb)
			nbl->NdisCompat.flags |= NDIS_NBL_TEMP;
		*tail = nbl;
		tail = &nbl->Next;
		n++;
	}
	if (head)
		ndis__protocol->co.CoReceiveNetBufferListsHandler(binding_ctx, vc_ctx, head, n,
								  resources ?
								  NDIS_RECEIVE_FLAGS_RESOURCES : 0);
	while (resources && head) {
		nbl = head;
		head = head->Next;
		tmp = nbl->NdisCompat.flags & NDIS_NBL_TEMP ? nbl->NdisCompat.skb : NULL;
		ndis_nbl_unwrap(nbl);
		kfree_skb(tmp);
	}
	skb_queue_splice_tail(&left, skbs);
}

/* ProtocolCoSendNetBufferListsComplete: the driver's own NBLs, with their status. */
static void ndis__co_send_complete(void *vc_ctx, struct sk_buff_head *skbs)
{
	PNET_BUFFER_LIST head = NULL, *tail = &head, nbl;
	struct sk_buff *skb;

	while ((skb = __skb_dequeue(skbs))) {
		int status = CONDIS_SKB_CB(skb)->status;

		nbl = ndis_nbl_from_skb(skb);
		if (!nbl) {
			pr_warn_ratelimited("ndis: send completion of a packet that is no NBL's\n");
			kfree_skb(skb);
			continue;
		}
		nbl->Status = ndis_status_from_native(status);
		nbl->Next = NULL;
		*tail = nbl;
		tail = &nbl->Next;
	}
	if (head)
		ndis__protocol->co.CoSendNetBufferListsCompleteHandler(vc_ctx, head, 0);
}

static const struct condis_protocol_ops ndis__proto_ops __maybe_unused = {
	.bind_adapter = ndis__bind_adapter,
	.unbind_adapter = ndis__unbind_adapter,
	.af_register_notify = ndis__af_register_notify,
	.co_status = ndis__co_status,
	.co_receive = ndis__co_receive,
	.co_send_complete = ndis__co_send_complete,
};

/* ---- client callbacks ---------------------------------------------------------------- */

#define NDIS__CL	(&ndis__protocol->cl)

static void ndis__cl_open_af_complete(void *cl_af_ctx, struct condis_af *af, int status)
{
	NDIS__CL->ClOpenAfCompleteHandlerEx(cl_af_ctx, af, ndis_status_from_native(status));
}

static void ndis__cl_close_af_complete(int status, void *cl_af_ctx)
{
	NDIS__CL->ClCloseAfCompleteHandler(ndis_status_from_native(status), cl_af_ctx);
}

static void ndis__cl_register_sap_complete(int status, void *cl_sap_ctx,
					   const struct condis_sap_addr *addr,
					   struct condis_sap *sap)
{
	NDIS__CL->ClRegisterSapCompleteHandler(ndis_status_from_native(status), cl_sap_ctx,
					       (PCO_SAP)addr, sap);
}

static void ndis__cl_deregister_sap_complete(int status, void *cl_sap_ctx)
{
	NDIS__CL->ClDeregisterSapCompleteHandler(ndis_status_from_native(status), cl_sap_ctx);
}

static int ndis__cl_notify_close_af(void *cl_af_ctx)
{
	return ndis_status_to_native(NDIS__CL->ClNotifyCloseAfHandler(cl_af_ctx));
}

static int ndis__cl_create_vc(void *cl_af_ctx, struct condis_vc *vc, void **cl_vc_ctx)
{
	return ndis_status_to_native(NDIS__CL->ClCreateVcHandler(cl_af_ctx, vc, cl_vc_ctx));
}

static int ndis__cl_delete_vc(void *cl_vc_ctx)
{
	return ndis_status_to_native(NDIS__CL->ClDeleteVcHandler(cl_vc_ctx));
}

static void ndis__cl_make_call_complete(int status, void *cl_vc_ctx, struct condis_party *party,
					struct condis_call_params *params)
{
	NDIS__CL->ClMakeCallCompleteHandler(ndis_status_from_native(status), cl_vc_ctx, party,
					    ndis_params_ndis(params));
}

static void ndis__cl_close_call_complete(int status, void *cl_vc_ctx, void *cl_party_ctx)
{
	NDIS__CL->ClCloseCallCompleteHandler(ndis_status_from_native(status), cl_vc_ctx,
					     cl_party_ctx);
}

static int ndis__cl_incoming_call(void *cl_sap_ctx, void *cl_vc_ctx,
				  struct condis_call_params *params)
{
	return ndis_status_to_native(NDIS__CL->ClIncomingCallHandler(cl_sap_ctx, cl_vc_ctx,
								     ndis_params_ndis(params)));
}

static void ndis__cl_call_connected(void *cl_vc_ctx)
{
	NDIS__CL->ClCallConnectedHandler(cl_vc_ctx);
}

static void ndis__cl_incoming_close_call(int status, void *cl_vc_ctx, void *data,
					 unsigned int size)
{
	NDIS__CL->ClIncomingCloseCallHandler(ndis_status_from_native(status), cl_vc_ctx, data,
					     size);
}

static void ndis__cl_add_party_complete(int status, void *cl_party_ctx,
					struct condis_party *party,
					struct condis_call_params *params)
{
	NDIS__CL->ClAddPartyCompleteHandler(ndis_status_from_native(status), cl_party_ctx, party,
					    ndis_params_ndis(params));
}

static void ndis__cl_drop_party_complete(int status, void *cl_party_ctx)
{
	NDIS__CL->ClDropPartyCompleteHandler(ndis_status_from_native(status), cl_party_ctx);
}

static void ndis__cl_incoming_drop_party(int status, void *cl_party_ctx, void *data,
					 unsigned int size)
{
	NDIS__CL->ClIncomingDropPartyHandler(ndis_status_from_native(status), cl_party_ctx, data,
					     size);
}

static void ndis__cl_modify_call_qos_complete(int status, void *cl_vc_ctx,
					      struct condis_call_params *params)
{
	NDIS__CL->ClModifyCallQoSCompleteHandler(ndis_status_from_native(status), cl_vc_ctx,
						 ndis_params_ndis(params));
}

static void ndis__cl_incoming_call_qos_change(void *cl_vc_ctx, struct condis_call_params *params)
{
	NDIS__CL->ClIncomingCallQoSChangeHandler(cl_vc_ctx, ndis_params_ndis(params));
}

static int ndis__cl_oid_request(void *cl_af_ctx, void *cl_vc_ctx, void *cl_party_ctx,
				struct condis_oid_request *req)
{
	PNDIS_OID_REQUEST r = ndis_oid_wrap(req);
	NDIS_STATUS st;

	if (!r)
		return -ENOMEM;
	st = NDIS__CL->ClOidRequestHandler(cl_af_ctx, cl_vc_ctx, cl_party_ctx, r);
	return ndis_oid_wrap_returned(r, st);
}

/*
 * An NdisOidRequest() that pended finishes in ProtocolOidRequestComplete,
 * recorded in the request; true if @r was one.
 */
static inline bool ndis_oid_connectionless_done(PNDIS_OID_REQUEST r, int status)
{
	if (!r->NdisCompat.complete)
		return false;
	r->NdisCompat.complete(r->NdisCompat.binding_ctx, r, ndis_status_from_native(status));
	return true;
}

static void ndis__cl_oid_request_complete(void *cl_af_ctx, void *cl_vc_ctx, void *cl_party_ctx,
					  struct condis_oid_request *req, int status)
{
	PNDIS_OID_REQUEST r = ndis_oid_from_native(req);

	if (!ndis_oid_connectionless_done(r, status))
		NDIS__CL->ClOidRequestCompleteHandler(cl_af_ctx, cl_vc_ctx, cl_party_ctx, r,
						      ndis_status_from_native(status));
}

static const struct condis_cl_ops ndis__cl_ops __maybe_unused = {
	.open_af_complete = ndis__cl_open_af_complete,
	.close_af_complete = ndis__cl_close_af_complete,
	.register_sap_complete = ndis__cl_register_sap_complete,
	.deregister_sap_complete = ndis__cl_deregister_sap_complete,
	.notify_close_af = ndis__cl_notify_close_af,
	.create_vc = ndis__cl_create_vc,
	.delete_vc = ndis__cl_delete_vc,
	.make_call_complete = ndis__cl_make_call_complete,
	.close_call_complete = ndis__cl_close_call_complete,
	.incoming_call = ndis__cl_incoming_call,
	.call_connected = ndis__cl_call_connected,
	.incoming_close_call = ndis__cl_incoming_close_call,
	.add_party_complete = ndis__cl_add_party_complete,
	.drop_party_complete = ndis__cl_drop_party_complete,
	.incoming_drop_party = ndis__cl_incoming_drop_party,
	.modify_call_qos_complete = ndis__cl_modify_call_qos_complete,
	.incoming_call_qos_change = ndis__cl_incoming_call_qos_change,
	.oid_request = ndis__cl_oid_request,
	.oid_request_complete = ndis__cl_oid_request_complete,
};

/* ---- call-manager callbacks (stand-alone CM or MCM) -------------------------------------- */

static int ndis__cm_open_af(void *cm_binding_ctx, const struct condis_af_type *type,
			    struct condis_af *af, void **cm_af_ctx)
{
	void *ctx = cm_binding_ctx;

	/* An MCM's binding context is its adapter's: condis has the compat object. */
	if (ndis__miniport && ndis__miniport->has_cm)
		ctx = ((struct ndis_miniport_adapter *)cm_binding_ctx)->context;
	return ndis_status_to_native(ndis__cm()->CmOpenAfHandler(ctx, (PCO_ADDRESS_FAMILY)type,
								 af, cm_af_ctx));
}

static int ndis__cm_close_af(void *cm_af_ctx)
{
	return ndis_status_to_native(ndis__cm()->CmCloseAfHandler(cm_af_ctx));
}

static int ndis__cm_register_sap(void *cm_af_ctx, const struct condis_sap_addr *addr,
				 struct condis_sap *sap, void **cm_sap_ctx)
{
	return ndis_status_to_native(ndis__cm()->CmRegisterSapHandler(cm_af_ctx, (PCO_SAP)addr,
								      sap, cm_sap_ctx));
}

static int ndis__cm_deregister_sap(void *cm_sap_ctx)
{
	return ndis_status_to_native(ndis__cm()->CmDeregisterSapHandler(cm_sap_ctx));
}

static void ndis__cm_notify_close_af_complete(void *cm_af_ctx, int status)
{
	/* Set: NdisSetOptionalHandlers() refuses a table without it. */
	ndis__cm()->CmNotifyCloseAfCompleteHandler(cm_af_ctx, ndis_status_from_native(status));
}

static int ndis__cm_create_vc(void *cm_af_ctx, struct condis_vc *vc, void **cm_vc_ctx)
{
	return ndis_status_to_native(ndis__cm()->CmCreateVcHandler(cm_af_ctx, vc, cm_vc_ctx));
}

static int ndis__cm_delete_vc(void *cm_vc_ctx)
{
	return ndis_status_to_native(ndis__cm()->CmDeleteVcHandler(cm_vc_ctx));
}

static void ndis__cm_activate_vc_complete(int status, void *cm_vc_ctx,
					  struct condis_call_params *params)
{
	ndis__cm()->CmActivateVcCompleteHandler(ndis_status_from_native(status), cm_vc_ctx,
						ndis_params_ndis(params));
}

static void ndis__cm_deactivate_vc_complete(int status, void *cm_vc_ctx)
{
	ndis__cm()->CmDeactivateVcCompleteHandler(ndis_status_from_native(status), cm_vc_ctx);
}

static int ndis__cm_make_call(void *cm_vc_ctx, struct condis_call_params *params,
			      struct condis_party *party, void **cm_party_ctx)
{
	return ndis_status_to_native(ndis__cm()->CmMakeCallHandler(cm_vc_ctx,
								   ndis_params_ndis(params),
								   party, cm_party_ctx));
}

static int ndis__cm_close_call(void *cm_vc_ctx, void *cm_party_ctx, void *data, unsigned int size)
{
	return ndis_status_to_native(ndis__cm()->CmCloseCallHandler(cm_vc_ctx, cm_party_ctx,
								    data, size));
}

static void ndis__cm_incoming_call_complete(int status, void *cm_vc_ctx,
					    struct condis_call_params *params)
{
	ndis__cm()->CmIncomingCallCompleteHandler(ndis_status_from_native(status), cm_vc_ctx,
						  ndis_params_ndis(params));
}

static int ndis__cm_add_party(void *cm_vc_ctx, struct condis_call_params *params,
			      struct condis_party *party, void **cm_party_ctx)
{
	return ndis_status_to_native(ndis__cm()->CmAddPartyHandler(cm_vc_ctx,
								   ndis_params_ndis(params),
								   party, cm_party_ctx));
}

static int ndis__cm_drop_party(void *cm_party_ctx, void *data, unsigned int size)
{
	return ndis_status_to_native(ndis__cm()->CmDropPartyHandler(cm_party_ctx, data, size));
}

static int ndis__cm_modify_call_qos(void *cm_vc_ctx, struct condis_call_params *params)
{
	return ndis_status_to_native(ndis__cm()->CmModifyCallQoSHandler(cm_vc_ctx,
									ndis_params_ndis(params)));
}

static int ndis__cm_oid_request(void *cm_af_ctx, void *cm_vc_ctx, void *cm_party_ctx,
				struct condis_oid_request *req)
{
	PNDIS_OID_REQUEST r = ndis_oid_wrap(req);
	NDIS_STATUS st;

	if (!r)
		return -ENOMEM;
	st = ndis__cm()->CmOidRequestHandler(cm_af_ctx, cm_vc_ctx, cm_party_ctx, r);
	return ndis_oid_wrap_returned(r, st);
}

static void ndis__cm_oid_request_complete(void *cm_af_ctx, void *cm_vc_ctx, void *cm_party_ctx,
					  struct condis_oid_request *req, int status)
{
	PNDIS_OID_REQUEST r = ndis_oid_from_native(req);

	if (!ndis_oid_connectionless_done(r, status))
		ndis__cm()->CmOidRequestCompleteHandler(cm_af_ctx, cm_vc_ctx, cm_party_ctx, r,
							ndis_status_from_native(status));
}

static const struct condis_cm_ops ndis__cm_ops __maybe_unused = {
	.open_af = ndis__cm_open_af,
	.close_af = ndis__cm_close_af,
	.register_sap = ndis__cm_register_sap,
	.deregister_sap = ndis__cm_deregister_sap,
	.notify_close_af_complete = ndis__cm_notify_close_af_complete,
	.create_vc = ndis__cm_create_vc,
	.delete_vc = ndis__cm_delete_vc,
	.activate_vc_complete = ndis__cm_activate_vc_complete,
	.deactivate_vc_complete = ndis__cm_deactivate_vc_complete,
	.make_call = ndis__cm_make_call,
	.close_call = ndis__cm_close_call,
	.incoming_call_complete = ndis__cm_incoming_call_complete,
	.add_party = ndis__cm_add_party,
	.drop_party = ndis__cm_drop_party,
	.modify_call_qos = ndis__cm_modify_call_qos,
	.oid_request = ndis__cm_oid_request,
	.oid_request_complete = ndis__cm_oid_request_complete,
};

/* ---- miniport callbacks ---------------------------------------------------------------- */

#define NDIS__MCO	(&ndis__miniport->co)

static int ndis__mp_create_vc(void *adapter_ctx, struct condis_vc *vc, void **mp_vc_ctx)
{
	struct ndis_miniport_adapter *ad = adapter_ctx;

	return ndis_status_to_native(NDIS__MCO->CoCreateVcHandler(ad->context, vc, mp_vc_ctx));
}

static int ndis__mp_delete_vc(void *mp_vc_ctx)
{
	return ndis_status_to_native(NDIS__MCO->CoDeleteVcHandler(mp_vc_ctx));
}

static int ndis__mp_activate_vc(void *mp_vc_ctx, struct condis_call_params *params)
{
	return ndis_status_to_native(NDIS__MCO->CoActivateVcHandler(mp_vc_ctx,
								    ndis_params_ndis(params)));
}

static int ndis__mp_deactivate_vc(void *mp_vc_ctx)
{
	return ndis_status_to_native(NDIS__MCO->CoDeactivateVcHandler(mp_vc_ctx));
}

static int ndis__mp_oid_request(void *adapter_ctx, void *mp_vc_ctx,
				struct condis_oid_request *req)
{
	struct ndis_miniport_adapter *ad = adapter_ctx;
	PNDIS_OID_REQUEST r;
	NDIS_STATUS st;

	if (!NDIS__MCO->CoOidRequestHandler)
		return -EOPNOTSUPP;
	r = ndis_oid_wrap(req);
	if (!r)
		return -ENOMEM;
	st = NDIS__MCO->CoOidRequestHandler(ad->context, mp_vc_ctx, r);
	return ndis_oid_wrap_returned(r, st);
}

/*
 * MiniportCoSendNetBufferLists: every skb gets an NBL view, which the
 * driver completes with NdisMCoSendNetBufferListsComplete(); one no view
 * could be made for is completed at once with -ENOMEM.
 */
static void ndis__mp_send(void *mp_vc_ctx, struct sk_buff_head *skbs)
{
	PNET_BUFFER_LIST head = NULL, *tail = &head, nbl;
	struct condis_vc *failed_vc = NULL;
	struct sk_buff_head failed;
	struct sk_buff *skb;

	__skb_queue_head_init(&failed);
	while ((skb = __skb_dequeue(skbs))) {
		struct condis_vc *vc = CONDIS_SKB_CB(skb)->vc;

		nbl = ndis_nbl_wrap(skb, vc);
		if (!nbl) {
			CONDIS_SKB_CB(skb)->status = -ENOMEM;
			CONDIS_SKB_CB(skb)->vc = vc;
			__skb_queue_tail(&failed, skb);
			failed_vc = vc;
			continue;
		}
		*tail = nbl;
		tail = &nbl->Next;
	}
	if (head)
		NDIS__MCO->CoSendNetBufferListsHandler(mp_vc_ctx, head, 0);
	if (failed_vc)
		condis_mco_send_complete(failed_vc, &failed);
	__skb_queue_purge(&failed);
}

/* The MiniportAdapterContext a miniport's own NBL goes back to. */
static inline NDIS_HANDLE ndis_nbl_adapter_context(PNET_BUFFER_LIST nbl)
{
	struct ndis_nbl_pool *pool = nbl->NdisCompat.pool;
	struct ndis_miniport_adapter *ad = pool ? ndis_pool_adapter(pool->owner) : NULL;

	return ad ? ad->context : NULL;
}

/* MiniportReturnNetBufferLists: the driver's NBLs, one call per adapter. */
static void ndis__mp_return_skbs(void *mp_vc_ctx, struct sk_buff_head *skbs)
{
	PNET_BUFFER_LIST head = NULL, *tail = &head, nbl;
	NDIS_HANDLE ctx = NULL;
	struct sk_buff *skb;

	while ((skb = __skb_dequeue(skbs))) {
		nbl = ndis_nbl_from_skb(skb);
		if (!nbl) {
			pr_warn_ratelimited("ndis: a returned packet is no NBL's\n");
			kfree_skb(skb);
			continue;
		}
		if (head && ndis_nbl_adapter_context(nbl) != ctx) {
			ndis__miniport->chars.ReturnNetBufferListsHandler(ctx, head, 0);
			head = NULL;
			tail = &head;
		}
		ctx = ndis_nbl_adapter_context(nbl);
		nbl->Next = NULL;
		*tail = nbl;
		tail = &nbl->Next;
	}
	if (head)
		ndis__miniport->chars.ReturnNetBufferListsHandler(ctx, head, 0);
}

static const struct condis_miniport_ops ndis__mp_ops __maybe_unused = {
	.create_vc = ndis__mp_create_vc,
	.delete_vc = ndis__mp_delete_vc,
	.activate_vc = ndis__mp_activate_vc,
	.deactivate_vc = ndis__mp_deactivate_vc,
	.oid_request = ndis__mp_oid_request,
	.send = ndis__mp_send,
	.return_skbs = ndis__mp_return_skbs,
};

/* ---- protocol registration and binding --------------------------------------------- */

/* Whether this unit already registered a call manager (one CM role per unit). */
static inline bool ndis__cm_taken(void)
{
	return (ndis__protocol && ndis__protocol->has_cm) ||
	       (ndis__miniport && ndis__miniport->has_cm);
}

/**
 * NdisRegisterProtocolDriver() - register a CoNDIS client and/or call manager
 * @ProtocolDriverContext: passed to ProtocolSetOptions and ProtocolBindAdapterEx
 * @ProtocolCharacteristics: the driver's characteristics, copied
 * @NdisProtocolHandle: set to the driver's handle, before the first
 *	ProtocolBindAdapterEx (condis binds to every adapter before this
 *	returns)
 *
 * ProtocolSetOptions runs first and must register the CoNDIS tables with
 * NdisSetOptionalHandlers(): the NDIS_PROTOCOL_CO_CHARACTERISTICS and a
 * client table, a call-manager table, or both.
 *
 * Context: process (PASSIVE_LEVEL); sleeps.
 * Return: NDIS_STATUS_SUCCESS; NDIS_STATUS_BAD_CHARACTERISTICS (bad
 * header, a required handler or table missing); NDIS_STATUS_BAD_VERSION
 * (not NDIS 6); NDIS_STATUS_FAILURE (this source file registered a
 * protocol, or a second call manager, already); NDIS_STATUS_RESOURCES;
 * or what ProtocolSetOptions returned.
 */
static inline NDIS_STATUS
NdisRegisterProtocolDriver(NDIS_HANDLE ProtocolDriverContext,
			   PNDIS_PROTOCOL_DRIVER_CHARACTERISTICS ProtocolCharacteristics,
			   PNDIS_HANDLE NdisProtocolHandle)
{
	PNDIS_PROTOCOL_DRIVER_CHARACTERISTICS pc = ProtocolCharacteristics;
	struct ndis_protocol_driver *drv;
	NDIS_STATUS st = NDIS_STATUS_SUCCESS;
	int err;

	if (!pc || !NdisProtocolHandle ||
	    pc->Header.Type != NDIS_OBJECT_TYPE_PROTOCOL_DRIVER_CHARACTERISTICS ||
	    pc->Header.Size < NDIS_SIZEOF_PROTOCOL_DRIVER_CHARACTERISTICS_REVISION_1 ||
	    !pc->BindAdapterHandlerEx || !pc->UnbindAdapterHandlerEx)
		return NDIS_STATUS_BAD_CHARACTERISTICS;
	if (pc->MajorNdisVersion != 6)
		return NDIS_STATUS_BAD_VERSION;
	if (ndis__protocol) {
		pr_warn("ndis: a second protocol driver registered from one source file\n");
		return NDIS_STATUS_FAILURE;
	}
	drv = kzalloc(sizeof(*drv), GFP_KERNEL);
	if (!drv)
		return NDIS_STATUS_RESOURCES;
	drv->obj.magic = NDIS_COMPAT_MAGIC;
	drv->obj.kind = NDIS_OBJ_PROTOCOL;
	drv->context = ProtocolDriverContext;
	memcpy(&drv->chars, pc, min_t(size_t, pc->Header.Size, sizeof(drv->chars)));
	mutex_init(&drv->lock);
	INIT_LIST_HEAD(&drv->bindings);
	ndis_string_to_ascii(&pc->Name, drv->name, sizeof(drv->name));
	if (!drv->name[0])
		strscpy(drv->name, "ndis-protocol", sizeof(drv->name));

	drv->registering = true;
	if (pc->SetOptionsHandler)
		st = pc->SetOptionsHandler(drv, ProtocolDriverContext);
	drv->registering = false;
	if (st == NDIS_STATUS_SUCCESS && (!drv->has_co || (!drv->has_cl && !drv->has_cm)))
		st = NDIS_STATUS_BAD_CHARACTERISTICS;
	if (st == NDIS_STATUS_SUCCESS && drv->has_cm && ndis__cm_taken())
		st = NDIS_STATUS_FAILURE;
	if (st != NDIS_STATUS_SUCCESS)
		goto err_free;

	drv->desc.name = drv->name;
	drv->desc.ops = &ndis__proto_ops;
	drv->desc.cl_ops = drv->has_cl ? &ndis__cl_ops : NULL;
	drv->desc.cm_ops = drv->has_cm ? &ndis__cm_ops : NULL;
	drv->slot = &ndis__protocol;
	ndis__protocol = drv;
	*NdisProtocolHandle = drv;
	err = condis_register_protocol(&drv->desc, drv, &drv->native);
	if (!err)
		return NDIS_STATUS_SUCCESS;
	ndis__protocol = NULL;
	*NdisProtocolHandle = NULL;
	st = ndis_status_from_native(err);
err_free:
	mutex_destroy(&drv->lock);
	kfree(drv);
	return st;
}

/**
 * NdisDeregisterProtocolDriver() - unbind a protocol everywhere and remove it
 * @NdisProtocolHandle: its handle
 *
 * Each binding gets ProtocolUnbindAdapterEx first; condis closes what a
 * driver leaves open.
 *
 * Context: process (PASSIVE_LEVEL); sleeps.
 */
static inline void NdisDeregisterProtocolDriver(NDIS_HANDLE NdisProtocolHandle)
{
	struct ndis_protocol_driver *drv = (struct ndis_protocol_driver *)
		ndis_object_get(NdisProtocolHandle, NDIS_OBJ_PROTOCOL);

	if (!drv)
		return;
	condis_deregister_protocol(drv->native);
	WARN_ON(!list_empty(&drv->bindings));
	*drv->slot = NULL;
	drv->obj.magic = 0;
	mutex_destroy(&drv->lock);
	kfree(drv);
}

/**
 * NdisOpenAdapterEx() - open a binding, from ProtocolBindAdapterEx
 * @NdisProtocolHandle: the protocol's handle
 * @ProtocolBindingContext: the protocol's context for the binding
 * @NdisOpenParameters: as NDIS; *SelectedMediumIndex is set to 0
 * @BindContext: what ProtocolBindAdapterEx got
 * @NdisBindingHandle: set to the binding's handle
 *
 * Never pends: ProtocolOpenAdapterCompleteEx is not called.
 *
 * Context: process (PASSIVE_LEVEL), during the bind.
 * Return: NDIS_STATUS_SUCCESS, or why not (condis's error, or
 * NDIS_STATUS_RESOURCES).
 */
static inline NDIS_STATUS NdisOpenAdapterEx(NDIS_HANDLE NdisProtocolHandle,
					    NDIS_HANDLE ProtocolBindingContext,
					    PNDIS_OPEN_PARAMETERS NdisOpenParameters,
					    NDIS_HANDLE BindContext, PNDIS_HANDLE NdisBindingHandle)
{
	struct ndis_protocol_driver *drv = (struct ndis_protocol_driver *)
		ndis_object_get(NdisProtocolHandle, NDIS_OBJ_PROTOCOL);
	struct ndis_bind_context *bc = BindContext;
	struct ndis_binding *b;
	int err;

	if (!drv || !bc || !NdisBindingHandle)
		return NDIS_STATUS_INVALID_PARAMETER;
	b = kzalloc(sizeof(*b), GFP_KERNEL);
	if (!b)
		return NDIS_STATUS_RESOURCES;
	b->obj.magic = NDIS_COMPAT_MAGIC;
	b->obj.kind = NDIS_OBJ_BINDING;
	b->driver = drv;
	b->context = ProtocolBindingContext;
	err = condis_open_adapter(drv->native, bc->adapter, ProtocolBindingContext, &b->native);
	if (err) {
		kfree(b);
		return ndis_status_from_native(err);
	}
	mutex_lock(&drv->lock);
	list_add_tail(&b->node, &drv->bindings);
	mutex_unlock(&drv->lock);
	if (NdisOpenParameters && NdisOpenParameters->SelectedMediumIndex)
		*NdisOpenParameters->SelectedMediumIndex = 0;
	*NdisBindingHandle = b;
	return NDIS_STATUS_SUCCESS;
}

/* Context: any.  Ends a bind that ProtocolBindAdapterEx pended. */
static inline void NdisCompleteBindAdapterEx(NDIS_HANDLE BindContext, NDIS_STATUS Status)
{
	struct ndis_bind_context *bc = BindContext;

	bc->status = Status;
	complete(&bc->done);
}

/**
 * NdisCloseAdapterEx() - close a binding, from ProtocolUnbindAdapterEx
 * @NdisBindingHandle: the binding; stale once this succeeds
 *
 * Never pends: ProtocolCloseAdapterCompleteEx is not called.
 *
 * Context: process (PASSIVE_LEVEL).
 * Return: NDIS_STATUS_SUCCESS, or NDIS_STATUS_NOT_ACCEPTED (address
 * families still open: close them first) and other condis errors.
 */
static inline NDIS_STATUS NdisCloseAdapterEx(NDIS_HANDLE NdisBindingHandle)
{
	struct ndis_binding *b = ndis_binding_of(NdisBindingHandle);
	int err;

	if (!b)
		return NDIS_STATUS_INVALID_PARAMETER;
	err = condis_close_adapter(b->native);
	if (err)
		return ndis_status_from_native(err);
	mutex_lock(&b->driver->lock);
	list_del(&b->node);
	mutex_unlock(&b->driver->lock);
	b->obj.magic = 0;
	kfree(b);
	return NDIS_STATUS_SUCCESS;
}

/**
 * NdisUnbindAdapter() - ask to be unbound from an adapter
 * @NdisBindingHandle: the protocol's binding
 *
 * ProtocolUnbindAdapterEx runs later, from condis's workqueue, as for an
 * adapter that goes away; the protocol closes the binding there as usual.
 *
 * Context: process (PASSIVE_LEVEL).
 * Return: NDIS_STATUS_SUCCESS (the unbind is started),
 * NDIS_STATUS_INVALID_PARAMETER (bad handle), or NDIS_STATUS_FAILURE (the
 * binding is being unbound or closed already).
 */
static inline NDIS_STATUS NdisUnbindAdapter(NDIS_HANDLE NdisBindingHandle)
{
	struct ndis_binding *b = ndis_binding_of(NdisBindingHandle);

	if (!b)
		return NDIS_STATUS_INVALID_PARAMETER;
	return condis_request_unbind(b->native) ? NDIS_STATUS_FAILURE : NDIS_STATUS_SUCCESS;
}

/**
 * NdisOidRequest() - a connectionless OID request to a binding's miniport
 * @NdisBindingHandle: the binding
 * @OidRequest: the request, lent until it completes; a pended one comes
 *	back to the protocol's ProtocolOidRequestComplete (possibly before
 *	this returns)
 *
 * condis gives a miniport one OID entry: a compat miniport gets the
 * request in MiniportCoOidRequest, with no VC.
 *
 * Context: any (<= DISPATCH_LEVEL).
 * Return: the miniport's status, NDIS_STATUS_PENDING,
 * NDIS_STATUS_INVALID_PARAMETER (bad handle), or NDIS_STATUS_NOT_SUPPORTED
 * (a method request, or a protocol without ProtocolOidRequestComplete).
 */
static inline NDIS_STATUS NdisOidRequest(NDIS_HANDLE NdisBindingHandle,
					 PNDIS_OID_REQUEST OidRequest)
{
	struct ndis_binding *b = ndis_binding_of(NdisBindingHandle);
	struct condis_oid_request *n;
	int err;

	if (!b)
		return NDIS_STATUS_INVALID_PARAMETER;
	n = ndis_oid_prepare(OidRequest);
	if (!n || !b->driver->chars.OidRequestCompleteHandler)
		return NDIS_STATUS_NOT_SUPPORTED;
	OidRequest->NdisCompat.complete = b->driver->chars.OidRequestCompleteHandler;
	OidRequest->NdisCompat.binding_ctx = b->context;
	err = condis_co_oid_request(b->native, NULL, NULL, NULL, n);
	if (err != CONDIS_PENDING)
		ndis_oid_results_to_ndis(OidRequest, n);
	return ndis_status_from_native(err);
}

/**
 * NdisCancelOidRequest() - ask that a pended NdisOidRequest() end early
 * @NdisBindingHandle: the binding it was sent on
 * @RequestId: its RequestId
 *
 * condis cancels no request: the request completes as it would have, which
 * NDIS allows (a cancellation is a hint).
 *
 * Context: any (<= DISPATCH_LEVEL).
 */
static inline void NdisCancelOidRequest(NDIS_HANDLE NdisBindingHandle, PVOID RequestId)
{
}

/* Context: any.  Ends an unbind that ProtocolUnbindAdapterEx pended. */
static inline void NdisCompleteUnbindAdapterEx(NDIS_HANDLE UnbindContext)
{
	struct ndis_unbind_context *uc = UnbindContext;

	complete(&uc->done);
}

/* ---- miniport registration and adapters ------------------------------------------------ */

/**
 * NdisMRegisterMiniportDriver() - register a CoNDIS miniport or MCM
 * @DriverObject: the driver object DriverEntry got; its DriverUnload
 *	becomes the characteristics' UnloadHandler
 * @RegistryPath: unused
 * @MiniportDriverContext: passed to MiniportSetOptions and
 *	MiniportInitializeEx
 * @MiniportDriverCharacteristics: copied
 * @NdisMiniportDriverHandle: set to the driver's handle
 *
 * MiniportSetOptions must register an NDIS_MINIPORT_CO_CHARACTERISTICS
 * and, for an MCM, an NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS.  Adapters
 * come with NdisLinuxAddAdapter() (what PnP does in Windows).
 *
 * Context: process (PASSIVE_LEVEL); sleeps.
 * Return: as NdisRegisterProtocolDriver().
 */
static inline NDIS_STATUS
NdisMRegisterMiniportDriver(PDRIVER_OBJECT DriverObject, PVOID RegistryPath,
			    NDIS_HANDLE MiniportDriverContext,
			    PNDIS_MINIPORT_DRIVER_CHARACTERISTICS MiniportDriverCharacteristics,
			    PNDIS_HANDLE NdisMiniportDriverHandle)
{
	PNDIS_MINIPORT_DRIVER_CHARACTERISTICS mc = MiniportDriverCharacteristics;
	struct ndis_miniport_driver *drv;
	NDIS_STATUS st = NDIS_STATUS_SUCCESS;
	int err;

	if (!mc || !NdisMiniportDriverHandle ||
	    mc->Header.Type != NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS ||
	    mc->Header.Size < NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_1 ||
	    !mc->InitializeHandlerEx || !mc->HaltHandlerEx || !mc->ReturnNetBufferListsHandler)
		return NDIS_STATUS_BAD_CHARACTERISTICS;
	if (mc->MajorNdisVersion != 6)
		return NDIS_STATUS_BAD_VERSION;
	if (ndis__miniport) {
		pr_warn("ndis: a second miniport driver registered from one source file\n");
		return NDIS_STATUS_FAILURE;
	}
	drv = kzalloc(sizeof(*drv), GFP_KERNEL);
	if (!drv)
		return NDIS_STATUS_RESOURCES;
	drv->obj.magic = NDIS_COMPAT_MAGIC;
	drv->obj.kind = NDIS_OBJ_MINIPORT;
	drv->context = MiniportDriverContext;
	memcpy(&drv->chars, mc, min_t(size_t, mc->Header.Size, sizeof(drv->chars)));
	mutex_init(&drv->lock);
	INIT_LIST_HEAD(&drv->adapters);
	strscpy(drv->name, DriverObject && DriverObject->Module ?
		module_name(DriverObject->Module) : "ndis-miniport", sizeof(drv->name));

	drv->registering = true;
	if (mc->SetOptionsHandler)
		st = mc->SetOptionsHandler(drv, MiniportDriverContext);
	drv->registering = false;
	if (st == NDIS_STATUS_SUCCESS &&
	    (!drv->has_co || (!drv->has_cm && (!drv->co.CoCreateVcHandler ||
					       !drv->co.CoDeleteVcHandler ||
					       !drv->co.CoActivateVcHandler ||
					       !drv->co.CoDeactivateVcHandler))))
		st = NDIS_STATUS_BAD_CHARACTERISTICS;
	if (st == NDIS_STATUS_SUCCESS && drv->has_cm && ndis__cm_taken())
		st = NDIS_STATUS_FAILURE;
	if (st != NDIS_STATUS_SUCCESS)
		goto err_free;

	drv->desc.name = drv->name;
	drv->desc.ops = &ndis__mp_ops;
	drv->desc.cm_ops = drv->has_cm ? &ndis__cm_ops : NULL;
	drv->slot = &ndis__miniport;
	ndis__miniport = drv;
	*NdisMiniportDriverHandle = drv;
	err = condis_register_miniport(&drv->desc, drv, &drv->native);
	if (!err) {
		if (DriverObject)
			DriverObject->DriverUnload = mc->UnloadHandler;
		return NDIS_STATUS_SUCCESS;
	}
	ndis__miniport = NULL;
	*NdisMiniportDriverHandle = NULL;
	st = ndis_status_from_native(err);
err_free:
	mutex_destroy(&drv->lock);
	kfree(drv);
	return st;
}

/* Restart or pause an adapter, waiting if the driver pends (process context). */
static inline NDIS_STATUS ndis_adapter_set_running(struct ndis_miniport_adapter *ad, bool run)
{
	PNDIS_MINIPORT_DRIVER_CHARACTERISTICS mc = &ad->driver->chars;
	NDIS_MINIPORT_RESTART_PARAMETERS rp = { };
	NDIS_MINIPORT_PAUSE_PARAMETERS pp = { };
	NDIS_STATUS st;

	if (run ? !mc->RestartHandler : !mc->PauseHandler)
		return NDIS_STATUS_SUCCESS;
	reinit_completion(&ad->state_done);
	rp.Header.Type = NDIS_OBJECT_TYPE_DEFAULT;
	rp.Header.Revision = NDIS_MINIPORT_RESTART_PARAMETERS_REVISION_1;
	rp.Header.Size = NDIS_SIZEOF_MINIPORT_RESTART_PARAMETERS_REVISION_1;
	pp.Header = rp.Header;
	pp.Header.Revision = NDIS_MINIPORT_PAUSE_PARAMETERS_REVISION_1;
	pp.Header.Size = NDIS_SIZEOF_MINIPORT_PAUSE_PARAMETERS_REVISION_1;
	st = run ? mc->RestartHandler(ad->context, &rp) : mc->PauseHandler(ad->context, &pp);
	if (st == NDIS_STATUS_PENDING) {
		wait_for_completion(&ad->state_done);
		st = ad->state_status;
	}
	return st;
}

/* Context: any.  Ends a pended MiniportPause. */
static inline void NdisMPauseComplete(NDIS_HANDLE MiniportAdapterHandle)
{
	struct ndis_miniport_adapter *ad = ndis_adapter_of(MiniportAdapterHandle);

	if (ad) {
		ad->state_status = NDIS_STATUS_SUCCESS;
		complete(&ad->state_done);
	}
}

/* Context: any.  Ends a pended MiniportRestart. */
static inline void NdisMRestartComplete(NDIS_HANDLE MiniportAdapterHandle, NDIS_STATUS Status)
{
	struct ndis_miniport_adapter *ad = ndis_adapter_of(MiniportAdapterHandle);

	if (ad) {
		ad->state_status = Status;
		complete(&ad->state_done);
	}
}

/**
 * NdisMResetComplete() - end a pended MiniportResetEx
 * @MiniportAdapterHandle: the adapter
 * @Status: the reset's status
 * @AddressingReset: whether NDIS must restore the addressing
 *
 * condis never resets an adapter (it calls no ResetHandlerEx), so no reset
 * is ever pending: the call changes nothing.
 *
 * Context: any.
 */
static inline void NdisMResetComplete(NDIS_HANDLE MiniportAdapterHandle, NDIS_STATUS Status,
				      BOOLEAN AddressingReset)
{
}

/**
 * NdisMSetMiniportAttributes() - set an adapter's attributes, from
 *	MiniportInitializeEx
 * @MiniportAdapterHandle: the adapter
 * @MiniportAttributes: registration attributes (the MiniportAdapterContext
 *	is kept) or general attributes (accepted, unused)
 *
 * Context: process (PASSIVE_LEVEL).
 * Return: NDIS_STATUS_SUCCESS or NDIS_STATUS_INVALID_PARAMETER.
 */
static inline NDIS_STATUS
NdisMSetMiniportAttributes(NDIS_HANDLE MiniportAdapterHandle,
			   PNDIS_MINIPORT_ADAPTER_ATTRIBUTES MiniportAttributes)
{
	struct ndis_miniport_adapter *ad = ndis_adapter_of(MiniportAdapterHandle);

	if (!ad || !MiniportAttributes)
		return NDIS_STATUS_INVALID_PARAMETER;
	switch (MiniportAttributes->Header.Type) {
	case NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES:
		if (MiniportAttributes->Header.Size <
		    NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1)
			return NDIS_STATUS_INVALID_PARAMETER;
		ad->context = MiniportAttributes->RegistrationAttributes.MiniportAdapterContext;
		return NDIS_STATUS_SUCCESS;
	case NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES:
		return NDIS_STATUS_SUCCESS;
	}
	return NDIS_STATUS_INVALID_PARAMETER;
}

/**
 * NdisMQueryAdapterInstanceName() - an adapter's name, as condis shows it
 * @pAdapterInstanceName: set to a copy; free it with NdisFreeString()
 * @MiniportHandle: the adapter
 *
 * Context: process (PASSIVE_LEVEL).
 * Return: NDIS_STATUS_SUCCESS, NDIS_STATUS_INVALID_PARAMETER or
 * NDIS_STATUS_RESOURCES.
 */
static inline NDIS_STATUS NdisMQueryAdapterInstanceName(PNDIS_STRING pAdapterInstanceName,
							NDIS_HANDLE MiniportHandle)
{
	struct ndis_miniport_adapter *ad = ndis_adapter_of(MiniportHandle);
	size_t n;
	WCHAR *buf;

	if (!ad || !pAdapterInstanceName)
		return NDIS_STATUS_INVALID_PARAMETER;
	n = strlen(ad->name) + 1;
	buf = kmalloc_array(n, sizeof(WCHAR), GFP_KERNEL);
	if (!buf)
		return NDIS_STATUS_RESOURCES;
	ndis_string_from_ascii(ad->name, buf, n, pAdapterInstanceName);
	return NDIS_STATUS_SUCCESS;
}

/* Free a string NDIS allocated (NdisMQueryAdapterInstanceName()). */
#define NdisFreeString(s)	kfree((s).Buffer)

/* Unregister, pause and halt an adapter already off its driver's list, then free it. */
static inline void ndis_adapter_destroy(struct ndis_miniport_adapter *ad,
					NDIS_HALT_ACTION HaltAction)
{
	if (ad->native)
		condis_adapter_unregister(ad->native);
	ndis_adapter_set_running(ad, false);
	ad->driver->chars.HaltHandlerEx(ad->context, HaltAction);
	ad->obj.magic = 0;
	kfree(ad);
}

/**
 * NdisLinuxAddAdapter() - bring an adapter up: what PnP does in Windows
 * @NdisMiniportDriverHandle: the miniport driver
 * @Name: the adapter's name, as condis shows it (and ProtocolBindAdapterEx
 *	gets it)
 * @MiniportAdapterHandle: set to the adapter's handle, or NULL
 *
 * Runs MiniportInitializeEx (and MiniportRestart), then registers the
 * adapter with condis, which binds every protocol to it, then the address
 * families an MCM registered during MiniportInitializeEx, which notifies
 * the bound clients: NDIS's order.
 *
 * Context: process; sleeps.
 * Return: NDIS_STATUS_SUCCESS, what MiniportInitializeEx or
 * MiniportRestart returned, or condis's error.
 */
static inline NDIS_STATUS NdisLinuxAddAdapter(NDIS_HANDLE NdisMiniportDriverHandle,
					      const char *Name,
					      PNDIS_HANDLE MiniportAdapterHandle)
{
	struct ndis_miniport_driver *drv = (struct ndis_miniport_driver *)
		ndis_object_get(NdisMiniportDriverHandle, NDIS_OBJ_MINIPORT);
	NDIS_MINIPORT_INIT_PARAMETERS ip = { };
	struct ndis_miniport_adapter *ad;
	struct condis_cm_af *cm_af;
	unsigned int i;
	NDIS_STATUS st;
	int err;

	if (!drv)
		return NDIS_STATUS_INVALID_PARAMETER;
	ad = kzalloc(sizeof(*ad), GFP_KERNEL);
	if (!ad)
		return NDIS_STATUS_RESOURCES;
	ad->obj.magic = NDIS_COMPAT_MAGIC;
	ad->obj.kind = NDIS_OBJ_ADAPTER;
	ad->driver = drv;
	init_completion(&ad->state_done);
	INIT_LIST_HEAD(&ad->node);
	strscpy(ad->name, Name ?: "ndis", sizeof(ad->name));
	ip.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_INIT_PARAMETERS;
	ip.Header.Revision = NDIS_MINIPORT_INIT_PARAMETERS_REVISION_1;
	ip.Header.Size = NDIS_SIZEOF_MINIPORT_INIT_PARAMETERS_REVISION_1;

	ad->initializing = true;
	st = drv->chars.InitializeHandlerEx(ad, drv->context, &ip);
	ad->initializing = false;
	if (st != NDIS_STATUS_SUCCESS) {
		ad->obj.magic = 0;
		kfree(ad);
		return st == NDIS_STATUS_PENDING ? NDIS_STATUS_FAILURE : st;
	}
	st = ndis_adapter_set_running(ad, true);
	if (st == NDIS_STATUS_SUCCESS) {
		err = condis_adapter_register(drv->native, ad->name, ad, &ad->native);
		st = ndis_status_from_native(err);
	}
	if (st != NDIS_STATUS_SUCCESS) {
		ndis_adapter_destroy(ad, NdisHaltDeviceInitializationFailed);
		return st;
	}
	mutex_lock(&drv->lock);
	list_add_tail(&ad->node, &drv->adapters);
	mutex_unlock(&drv->lock);
	for (i = 0; i < ad->nr_afs; i++) {
		err = condis_mcm_register_af(ad->native, (struct condis_af_type *)&ad->afs[i],
					     &cm_af);
		if (err)
			pr_warn("ndis: %s: address family %#x: %pe\n", ad->name,
				ad->afs[i].AddressFamily, ERR_PTR(err));
	}
	if (MiniportAdapterHandle)
		*MiniportAdapterHandle = ad;
	return NDIS_STATUS_SUCCESS;
}

/**
 * NdisLinuxRemoveAdapter() - take an adapter down: what removal does in Windows
 * @MiniportAdapterHandle: the adapter
 *
 * condis unbinds every protocol first (their AFs, SAPs and calls go), then
 * MiniportPause and MiniportHaltEx run.  The handle is stale afterwards.
 *
 * Context: process; sleeps.
 */
static inline void NdisLinuxRemoveAdapter(NDIS_HANDLE MiniportAdapterHandle)
{
	struct ndis_miniport_adapter *ad = ndis_adapter_of(MiniportAdapterHandle);
	bool listed;

	if (!ad)
		return;
	mutex_lock(&ad->driver->lock);
	listed = !list_empty(&ad->node);
	list_del_init(&ad->node);
	mutex_unlock(&ad->driver->lock);
	if (listed)
		ndis_adapter_destroy(ad, NdisHaltDeviceDisabled);
}

/**
 * NdisMDeregisterMiniportDriver() - remove a miniport driver
 * @NdisMiniportDriverHandle: its handle
 *
 * Removes the adapters it still has (NdisLinuxRemoveAdapter()), then the
 * driver.  The handle is stale afterwards.
 *
 * Context: process (PASSIVE_LEVEL); sleeps.
 */
static inline void NdisMDeregisterMiniportDriver(NDIS_HANDLE NdisMiniportDriverHandle)
{
	struct ndis_miniport_driver *drv = (struct ndis_miniport_driver *)
		ndis_object_get(NdisMiniportDriverHandle, NDIS_OBJ_MINIPORT);
	struct ndis_miniport_adapter *ad;

	if (!drv)
		return;
	for (;;) {
		mutex_lock(&drv->lock);
		ad = list_first_entry_or_null(&drv->adapters, struct ndis_miniport_adapter, node);
		if (ad)
			list_del_init(&ad->node);
		mutex_unlock(&drv->lock);
		if (!ad)
			break;
		ndis_adapter_destroy(ad, NdisHaltDeviceInstanceDeInitialized);
	}
	condis_deregister_miniport(drv->native);
	*drv->slot = NULL;
	drv->obj.magic = 0;
	mutex_destroy(&drv->lock);
	kfree(drv);
}

#endif /* _NDIS_TRAMP_H */
