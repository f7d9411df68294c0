// SPDX-License-Identifier: GPL-2.0
/*
 * ndis.ko: the trampolines between condis's ops tables and the NDIS
 * drivers' characteristics, one set for every driver.
 *
 * Each callback finds its driver in what condis passes it: a protocol's
 * binding context is its struct ndis_binding, an adapter's context its
 * struct ndis_miniport_adapter, a protocol's priv its struct
 * ndis_protocol_driver, and every AF, SAP, VC and party context a struct
 * ndis_ctx wrapper (see <ndis/driver.h>).  A trampoline that gets a
 * context from a driver's handler (an out parameter) wraps it; condis's
 * release_ctx frees the wrapper.
 *
 * Each trampoline converts statuses (<ndis/status.h>), packets
 * (<ndis/nbl.h>) and OID requests (<ndis/oids.h>) and otherwise only
 * calls: no lock is held across a call into the driver or into condis.
 * The callbacks keep the contexts condis documents for the native
 * callbacks in <net/condis.h>.
 */
#include <kunit/visibility.h>
#include <linux/wait.h>

#include "internal.h"

/* ---- wrapper contexts ----------------------------------------------------------------- */

/*
 * Wrappers and compat bindings made and not yet freed: module exit waits
 * for condis to release them all.
 */
static atomic_t ndis_ctx_live = ATOMIC_INIT(0);
static DECLARE_WAIT_QUEUE_HEAD(ndis_ctx_gone);

static void ndis_ctx_put_live(void)
{
	if (atomic_dec_and_test(&ndis_ctx_live))
		wake_up(&ndis_ctx_gone);
}

/**
 * ndis_ctx_new() - wrap a driver's context for condis
 * @driver: the driver (protocol or miniport driver object)
 * @context: its context, or NULL (a handler may set it through
 *	&ndis_ctx.context)
 *
 * Context: any (allocates with GFP_ATOMIC).
 * Return: the wrapper, or NULL.
 */
struct ndis_ctx *ndis_ctx_new(struct ndis_object *driver, NDIS_HANDLE context)
{
	struct ndis_ctx *c = kmalloc(sizeof(*c), GFP_ATOMIC);

	if (!c)
		return NULL;
	c->obj.magic = NDIS_COMPAT_MAGIC;
	c->obj.kind = NDIS_OBJ_CTX;
	c->driver = driver;
	c->context = context;
	atomic_inc(&ndis_ctx_live);
	return c;
}

/**
 * ndis_ctx_free() - free a wrapper condis does not hold (any more)
 * @c: the wrapper, or NULL
 *
 * Context: any.
 */
void ndis_ctx_free(struct ndis_ctx *c)
{
	if (!c)
		return;
	c->obj.magic = 0;
	kfree(c);
	ndis_ctx_put_live();
}

/* release_ctx of every table: condis will never pass @ctx again. */
static void ndis_ctx_release(void *ctx)
{
	struct ndis_ctx *c = ctx;

	if (WARN_ON_ONCE(c->obj.magic != NDIS_COMPAT_MAGIC || c->obj.kind != NDIS_OBJ_CTX))
		return;
	ndis_ctx_free(c);
}

/**
 * ndis_binding_new() - a compat binding, what NdisBindingHandle and
 *	condis's binding context point at
 * @drv: the protocol driver
 * @context: its ProtocolBindingContext
 *
 * Context: process.
 * Return: the binding, or NULL.
 */
struct ndis_binding *ndis_binding_new(struct ndis_protocol_driver *drv, NDIS_HANDLE context)
{
	struct ndis_binding *b = kzalloc(sizeof(*b), GFP_KERNEL);

	if (!b)
		return NULL;
	b->obj.magic = NDIS_COMPAT_MAGIC;
	b->obj.kind = NDIS_OBJ_BINDING;
	b->driver = drv;
	b->context = context;
	atomic_inc(&ndis_ctx_live);
	return b;
}

/**
 * ndis_binding_free() - free a compat binding condis does not hold (any more)
 * @b: the binding
 *
 * Context: any.
 */
void ndis_binding_free(struct ndis_binding *b)
{
	b->obj.magic = 0;
	kfree(b);
	ndis_ctx_put_live();
}

/* release_ctx of the protocol table: condis's binding object is freed. */
static void ndis_binding_release(void *binding_ctx)
{
	struct ndis_binding *b = binding_ctx;

	if (WARN_ON_ONCE(b->obj.magic != NDIS_COMPAT_MAGIC || b->obj.kind != NDIS_OBJ_BINDING))
		return;
	ndis_binding_free(b);
}

/**
 * ndis_ctx_wait_all() - wait until condis released every wrapper
 *
 * condis frees its objects, and so releases the wrappers in them, an RCU
 * grace period or a work item after the drivers that made them are gone:
 * ndis.ko, whose code does the release, waits for them before it goes.
 *
 * Context: process (module exit).
 */
void ndis_ctx_wait_all(void)
{
	while (!wait_event_timeout(ndis_ctx_gone, !atomic_read(&ndis_ctx_live), 10 * HZ))
		pr_warn("%d contexts still held by condis: waiting\n",
			atomic_read(&ndis_ctx_live));
}

/* The handler tables of the driver a wrapper belongs to. */
static struct ndis_protocol_driver *ctx_protocol(void *ctx)
{
	return ndis_protocol_of(ndis_ctx_driver(ctx));
}

static struct ndis_miniport_driver *ctx_miniport(void *ctx)
{
	return ndis_miniport_of(ndis_ctx_driver(ctx));
}

#define CTX_CL(ctx)	(&ctx_protocol(ctx)->cl)
#define CTX_CO(ctx)	(&ctx_protocol(ctx)->co)
#define CTX_MCO(ctx)	(&ctx_miniport(ctx)->co)
#define CTX(ctx)	ndis_ctx_inner(ctx)

/* A stand-alone CM's handlers, or an MCM's. */
static const NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS *ctx_cm(void *ctx)
{
	struct ndis_object *d = ndis_ctx_driver(ctx);

	if (d->kind == NDIS_OBJ_MINIPORT)
		return &((struct ndis_miniport_driver *)d)->cm;
	return &((struct ndis_protocol_driver *)d)->cm;
}

/*
 * Run @handler's out-parameter context into a new wrapper of @driver and
 * hand it to condis if the handler succeeded; otherwise condis keeps
 * nothing and the wrapper goes.
 */
static int ctx_out(struct ndis_ctx *c, NDIS_STATUS st, void **out)
{
	if (st == NDIS_STATUS_SUCCESS) {
		*out = c;
	} else {
		ndis_ctx_free(c);
		*out = NULL;
	}
	return ndis_status_to_native(st);
}

/* ---- protocol callbacks --------------------------------------------------------- */

/* ProtocolBindAdapterEx; a pended bind is waited for here (process context). */
static int ndis_bind_adapter(void *proto_priv, struct condis_adapter *adapter)
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

/* ProtocolUnbindAdapterEx; a pended unbind is waited for here. */
static int ndis_unbind_adapter(void *binding_ctx, struct condis_binding *binding)
{
	struct ndis_binding *b = binding_ctx;
	struct ndis_protocol_driver *drv = b->driver;
	struct ndis_unbind_context uc;
	NDIS_STATUS st;

	init_completion(&uc.done);
	st = drv->chars.UnbindAdapterHandlerEx(&uc, b->context);
	if (st == NDIS_STATUS_PENDING)
		wait_for_completion(&uc.done);
	/* Still open: condis closes what the driver left once this returns. */
	return 0;
}

static void ndis_af_register_notify(void *binding_ctx, const struct condis_af_type *type)
{
	struct ndis_binding *b = binding_ctx;

	b->driver->co.CoAfRegisterNotifyHandler(b->context, (PCO_ADDRESS_FAMILY)type);
}

static void ndis_co_status(void *binding_ctx, void *vc_ctx,
			   const struct condis_status_indication *ind)
{
	struct ndis_binding *b = binding_ctx;
	NDIS_STATUS_INDICATION si = { };

	si.Header.Type = NDIS_OBJECT_TYPE_STATUS_INDICATION;
	si.Header.Revision = NDIS_STATUS_INDICATION_REVISION_1;
	si.Header.Size = NDIS_SIZEOF_STATUS_INDICATION_REVISION_1;
	si.StatusCode = ind->code;
	si.StatusBuffer = (PVOID)ind->buf;
	si.StatusBufferSize = ind->len;
	b->driver->co.CoStatusHandlerEx(b->context, CTX(vc_ctx), &si);
}

/*
 * ProtocolCoReceiveNetBufferLists.  Without "resources low" the driver
 * owns every NBL until NdisReturnNetBufferLists(), so every skb is taken
 * off the list (kept); with it, the NBLs are views valid during the call
 * and every skb stays the miniport's.  An skb no wrapper could be made
 * for is left to the miniport: the driver does not see it.
 */
static void ndis_co_receive(void *binding_ctx, void *vc_ctx, struct sk_buff_head *skbs,
			    unsigned int flags)
{
	struct ndis_binding *b = binding_ctx;
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
			pr_warn_ratelimited("no memory for a received packet: dropped\n");
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
		b->driver->co.CoReceiveNetBufferListsHandler(b->context, CTX(vc_ctx), head, n,
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
static void ndis_co_send_complete(void *vc_ctx, struct sk_buff_head *skbs)
{
	PNET_BUFFER_LIST head = NULL, *tail = &head, nbl;
	struct sk_buff *skb;

	while ((skb = __skb_dequeue(skbs))) {
		int status = CONDIS_SKB_CB(skb)->status;

		nbl = ndis_nbl_from_skb(skb);
		if (!nbl) {
			pr_warn_ratelimited("send completion of a packet that is no NBL's\n");
			kfree_skb(skb);
			continue;
		}
		nbl->Status = ndis_status_from_native(status);
		nbl->Next = NULL;
		*tail = nbl;
		tail = &nbl->Next;
	}
	if (head)
		CTX_CO(vc_ctx)->CoSendNetBufferListsCompleteHandler(CTX(vc_ctx), head, 0);
}

const struct condis_protocol_ops ndis_proto_ops = {
	.bind_adapter = ndis_bind_adapter,
	.unbind_adapter = ndis_unbind_adapter,
	.af_register_notify = ndis_af_register_notify,
	.co_status = ndis_co_status,
	.co_receive = ndis_co_receive,
	.co_send_complete = ndis_co_send_complete,
	.release_ctx = ndis_binding_release,
};

/* ---- client callbacks ---------------------------------------------------------------- */

static void ndis_cl_open_af_complete(void *cl_af_ctx, struct condis_af *af, int status)
{
	CTX_CL(cl_af_ctx)->ClOpenAfCompleteHandlerEx(CTX(cl_af_ctx), af,
						     ndis_status_from_native(status));
}

static void ndis_cl_close_af_complete(int status, void *cl_af_ctx)
{
	CTX_CL(cl_af_ctx)->ClCloseAfCompleteHandler(ndis_status_from_native(status),
						    CTX(cl_af_ctx));
}

static void ndis_cl_register_sap_complete(int status, void *cl_sap_ctx,
					  const struct condis_sap_addr *addr,
					  struct condis_sap *sap)
{
	CTX_CL(cl_sap_ctx)->ClRegisterSapCompleteHandler(ndis_status_from_native(status),
							 CTX(cl_sap_ctx), (PCO_SAP)addr, sap);
}

static void ndis_cl_deregister_sap_complete(int status, void *cl_sap_ctx)
{
	CTX_CL(cl_sap_ctx)->ClDeregisterSapCompleteHandler(ndis_status_from_native(status),
							   CTX(cl_sap_ctx));
}

static int ndis_cl_notify_close_af(void *cl_af_ctx)
{
	return ndis_status_to_native(CTX_CL(cl_af_ctx)->ClNotifyCloseAfHandler(CTX(cl_af_ctx)));
}

/* ProtocolCoCreateVc of a client: its context is wrapped for condis. */
static int ndis_cl_create_vc(void *cl_af_ctx, struct condis_vc *vc, void **cl_vc_ctx)
{
	struct ndis_ctx *c = ndis_ctx_new(ndis_ctx_driver(cl_af_ctx), NULL);

	if (!c)
		return -ENOMEM;
	return ctx_out(c, CTX_CL(cl_af_ctx)->ClCreateVcHandler(CTX(cl_af_ctx), vc, &c->context),
		       cl_vc_ctx);
}

static int ndis_cl_delete_vc(void *cl_vc_ctx)
{
	return ndis_status_to_native(CTX_CL(cl_vc_ctx)->ClDeleteVcHandler(CTX(cl_vc_ctx)));
}

static void ndis_cl_make_call_complete(int status, void *cl_vc_ctx, struct condis_party *party,
				       struct condis_call_params *params)
{
	CTX_CL(cl_vc_ctx)->ClMakeCallCompleteHandler(ndis_status_from_native(status),
						     CTX(cl_vc_ctx), party,
						     ndis_params_ndis(params));
}

static void ndis_cl_close_call_complete(int status, void *cl_vc_ctx, void *cl_party_ctx)
{
	CTX_CL(cl_vc_ctx)->ClCloseCallCompleteHandler(ndis_status_from_native(status),
						      CTX(cl_vc_ctx), CTX(cl_party_ctx));
}

static int ndis_cl_incoming_call(void *cl_sap_ctx, void *cl_vc_ctx,
				 struct condis_call_params *params)
{
	NDIS_STATUS st = CTX_CL(cl_vc_ctx)->ClIncomingCallHandler(CTX(cl_sap_ctx), CTX(cl_vc_ctx),
								  ndis_params_ndis(params));

	return ndis_status_to_native(st);
}

static void ndis_cl_call_connected(void *cl_vc_ctx)
{
	CTX_CL(cl_vc_ctx)->ClCallConnectedHandler(CTX(cl_vc_ctx));
}

static void ndis_cl_incoming_close_call(int status, void *cl_vc_ctx, void *data,
					unsigned int size)
{
	CTX_CL(cl_vc_ctx)->ClIncomingCloseCallHandler(ndis_status_from_native(status),
						      CTX(cl_vc_ctx), data, size);
}

static void ndis_cl_add_party_complete(int status, void *cl_party_ctx, struct condis_party *party,
				       struct condis_call_params *params)
{
	CTX_CL(cl_party_ctx)->ClAddPartyCompleteHandler(ndis_status_from_native(status),
							CTX(cl_party_ctx), party,
							ndis_params_ndis(params));
}

static void ndis_cl_drop_party_complete(int status, void *cl_party_ctx)
{
	CTX_CL(cl_party_ctx)->ClDropPartyCompleteHandler(ndis_status_from_native(status),
							 CTX(cl_party_ctx));
}

static void ndis_cl_incoming_drop_party(int status, void *cl_party_ctx, void *data,
					unsigned int size)
{
	CTX_CL(cl_party_ctx)->ClIncomingDropPartyHandler(ndis_status_from_native(status),
							 CTX(cl_party_ctx), data, size);
}

static void ndis_cl_modify_call_qos_complete(int status, void *cl_vc_ctx,
					     struct condis_call_params *params)
{
	CTX_CL(cl_vc_ctx)->ClModifyCallQoSCompleteHandler(ndis_status_from_native(status),
							  CTX(cl_vc_ctx), ndis_params_ndis(params));
}

static void ndis_cl_incoming_call_qos_change(void *cl_vc_ctx, struct condis_call_params *params)
{
	CTX_CL(cl_vc_ctx)->ClIncomingCallQoSChangeHandler(CTX(cl_vc_ctx), ndis_params_ndis(params));
}

/* A request from the CM to the client: it names the client's AF. */
static int ndis_cl_oid_request(void *cl_af_ctx, void *cl_vc_ctx, void *cl_party_ctx,
			       struct condis_oid_request *req)
{
	PNDIS_OID_REQUEST r = ndis_oid_wrap(req);
	NDIS_STATUS st;

	if (!r)
		return -ENOMEM;
	st = CTX_CL(cl_af_ctx)->ClOidRequestHandler(CTX(cl_af_ctx), CTX(cl_vc_ctx),
						    CTX(cl_party_ctx), r);
	return ndis_oid_wrap_returned(r, st);
}

/*
 * An NdisOidRequest() that pended finishes in ProtocolOidRequestComplete,
 * recorded in the request; true if @r was one.
 */
static bool ndis_oid_connectionless_done(PNDIS_OID_REQUEST r, int status)
{
	if (!r->NdisCompat.complete)
		return false;
	r->NdisCompat.complete(r->NdisCompat.binding_ctx, r, ndis_status_from_native(status));
	return true;
}

/* The requester's completion: the contexts may all be NULL (a request to the miniport). */
static void ndis_cl_oid_request_complete(void *cl_af_ctx, void *cl_vc_ctx, void *cl_party_ctx,
					 struct condis_oid_request *req, int status)
{
	PNDIS_OID_REQUEST r = ndis_oid_from_native(req);
	struct ndis_protocol_driver *drv = ndis_protocol_of(r->NdisCompat.requester);

	if (!ndis_oid_connectionless_done(r, status))
		drv->cl.ClOidRequestCompleteHandler(CTX(cl_af_ctx), CTX(cl_vc_ctx),
						    CTX(cl_party_ctx), r,
						    ndis_status_from_native(status));
}

const struct condis_cl_ops ndis_cl_ops = {
	.open_af_complete = ndis_cl_open_af_complete,
	.close_af_complete = ndis_cl_close_af_complete,
	.register_sap_complete = ndis_cl_register_sap_complete,
	.deregister_sap_complete = ndis_cl_deregister_sap_complete,
	.notify_close_af = ndis_cl_notify_close_af,
	.create_vc = ndis_cl_create_vc,
	.delete_vc = ndis_cl_delete_vc,
	.make_call_complete = ndis_cl_make_call_complete,
	.close_call_complete = ndis_cl_close_call_complete,
	.incoming_call = ndis_cl_incoming_call,
	.call_connected = ndis_cl_call_connected,
	.incoming_close_call = ndis_cl_incoming_close_call,
	.add_party_complete = ndis_cl_add_party_complete,
	.drop_party_complete = ndis_cl_drop_party_complete,
	.incoming_drop_party = ndis_cl_incoming_drop_party,
	.modify_call_qos_complete = ndis_cl_modify_call_qos_complete,
	.incoming_call_qos_change = ndis_cl_incoming_call_qos_change,
	.oid_request = ndis_cl_oid_request,
	.oid_request_complete = ndis_cl_oid_request_complete,
	.release_ctx = ndis_ctx_release,
};

/* ---- call-manager callbacks (stand-alone CM or MCM) -------------------------------------- */

/*
 * ProtocolCmOpenAf.  The CM's binding context is its compat binding (a
 * stand-alone CM) or its compat adapter (an MCM).  A pended open's context
 * comes with NdisCmOpenAddressFamilyComplete(), wrapped there.
 */
static int ndis_cm_open_af(void *cm_binding_ctx, const struct condis_af_type *type,
			   struct condis_af *af, void **cm_af_ctx)
{
	struct ndis_object *o = cm_binding_ctx;
	const NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS *cm;
	struct ndis_object *driver;
	struct ndis_ctx *c;
	NDIS_HANDLE ctx;

	if (o->kind == NDIS_OBJ_ADAPTER) {
		struct ndis_miniport_adapter *ad = cm_binding_ctx;

		driver = &ad->driver->obj;
		cm = &ad->driver->cm;
		ctx = ad->context;
	} else {
		struct ndis_binding *b = cm_binding_ctx;

		driver = &b->driver->obj;
		cm = &b->driver->cm;
		ctx = b->context;
	}
	c = ndis_ctx_new(driver, NULL);
	if (!c)
		return -ENOMEM;
	return ctx_out(c, cm->CmOpenAfHandler(ctx, (PCO_ADDRESS_FAMILY)type, af, &c->context),
		       cm_af_ctx);
}

static int ndis_cm_close_af(void *cm_af_ctx)
{
	return ndis_status_to_native(ctx_cm(cm_af_ctx)->CmCloseAfHandler(CTX(cm_af_ctx)));
}

static int ndis_cm_register_sap(void *cm_af_ctx, const struct condis_sap_addr *addr,
				struct condis_sap *sap, void **cm_sap_ctx)
{
	struct ndis_ctx *c = ndis_ctx_new(ndis_ctx_driver(cm_af_ctx), NULL);

	if (!c)
		return -ENOMEM;
	return ctx_out(c, ctx_cm(cm_af_ctx)->CmRegisterSapHandler(CTX(cm_af_ctx), (PCO_SAP)addr,
								  sap, &c->context),
		       cm_sap_ctx);
}

static int ndis_cm_deregister_sap(void *cm_sap_ctx)
{
	return ndis_status_to_native(ctx_cm(cm_sap_ctx)->CmDeregisterSapHandler(CTX(cm_sap_ctx)));
}

static void ndis_cm_notify_close_af_complete(void *cm_af_ctx, int status)
{
	/* Set: NdisSetOptionalHandlers() refuses a table without it. */
	ctx_cm(cm_af_ctx)->CmNotifyCloseAfCompleteHandler(CTX(cm_af_ctx),
							  ndis_status_from_native(status));
}

static int ndis_cm_create_vc(void *cm_af_ctx, struct condis_vc *vc, void **cm_vc_ctx)
{
	struct ndis_ctx *c = ndis_ctx_new(ndis_ctx_driver(cm_af_ctx), NULL);

	if (!c)
		return -ENOMEM;
	return ctx_out(c, ctx_cm(cm_af_ctx)->CmCreateVcHandler(CTX(cm_af_ctx), vc, &c->context),
		       cm_vc_ctx);
}

static int ndis_cm_delete_vc(void *cm_vc_ctx)
{
	return ndis_status_to_native(ctx_cm(cm_vc_ctx)->CmDeleteVcHandler(CTX(cm_vc_ctx)));
}

static void ndis_cm_activate_vc_complete(int status, void *cm_vc_ctx,
					 struct condis_call_params *params)
{
	ctx_cm(cm_vc_ctx)->CmActivateVcCompleteHandler(ndis_status_from_native(status),
						       CTX(cm_vc_ctx), ndis_params_ndis(params));
}

static void ndis_cm_deactivate_vc_complete(int status, void *cm_vc_ctx)
{
	ctx_cm(cm_vc_ctx)->CmDeactivateVcCompleteHandler(ndis_status_from_native(status),
							 CTX(cm_vc_ctx));
}

/*
 * ProtocolCmMakeCall.  For a multipoint call condis keeps the party
 * context the handler sets whatever it returns (a completion may replace
 * it): the party always gets a wrapper, so the CM's party callbacks find
 * the driver even if it set none.
 */
static int ndis_cm_make_call(void *cm_vc_ctx, struct condis_call_params *params,
			     struct condis_party *party, void **cm_party_ctx)
{
	const NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS *cm = ctx_cm(cm_vc_ctx);
	struct ndis_ctx *c = NULL;

	if (party) {
		c = ndis_ctx_new(ndis_ctx_driver(cm_vc_ctx), NULL);
		if (!c)
			return -ENOMEM;
		*cm_party_ctx = c;
	}
	return ndis_status_to_native(cm->CmMakeCallHandler(CTX(cm_vc_ctx), ndis_params_ndis(params),
							   party, c ? &c->context : NULL));
}

static int ndis_cm_close_call(void *cm_vc_ctx, void *cm_party_ctx, void *data, unsigned int size)
{
	return ndis_status_to_native(ctx_cm(cm_vc_ctx)->CmCloseCallHandler(CTX(cm_vc_ctx),
									   CTX(cm_party_ctx),
									   data, size));
}

static void ndis_cm_incoming_call_complete(int status, void *cm_vc_ctx,
					   struct condis_call_params *params)
{
	ctx_cm(cm_vc_ctx)->CmIncomingCallCompleteHandler(ndis_status_from_native(status),
							 CTX(cm_vc_ctx), ndis_params_ndis(params));
}

/* ProtocolCmAddParty: as make_call, the party always gets a wrapper. */
static int ndis_cm_add_party(void *cm_vc_ctx, struct condis_call_params *params,
			     struct condis_party *party, void **cm_party_ctx)
{
	struct ndis_ctx *c = ndis_ctx_new(ndis_ctx_driver(cm_vc_ctx), NULL);

	if (!c)
		return -ENOMEM;
	*cm_party_ctx = c;
	return ndis_status_to_native(ctx_cm(cm_vc_ctx)->CmAddPartyHandler(CTX(cm_vc_ctx),
									  ndis_params_ndis(params),
									  party, &c->context));
}

static int ndis_cm_drop_party(void *cm_party_ctx, void *data, unsigned int size)
{
	return ndis_status_to_native(ctx_cm(cm_party_ctx)->CmDropPartyHandler(CTX(cm_party_ctx),
									      data, size));
}

static int ndis_cm_modify_call_qos(void *cm_vc_ctx, struct condis_call_params *params)
{
	NDIS_STATUS st = ctx_cm(cm_vc_ctx)->CmModifyCallQoSHandler(CTX(cm_vc_ctx),
								   ndis_params_ndis(params));

	return ndis_status_to_native(st);
}

/* A request from the client to the CM: it names the CM's AF. */
static int ndis_cm_oid_request(void *cm_af_ctx, void *cm_vc_ctx, void *cm_party_ctx,
			       struct condis_oid_request *req)
{
	PNDIS_OID_REQUEST r = ndis_oid_wrap(req);
	NDIS_STATUS st;

	if (!r)
		return -ENOMEM;
	st = ctx_cm(cm_af_ctx)->CmOidRequestHandler(CTX(cm_af_ctx), CTX(cm_vc_ctx),
						    CTX(cm_party_ctx), r);
	return ndis_oid_wrap_returned(r, st);
}

static void ndis_cm_oid_request_complete(void *cm_af_ctx, void *cm_vc_ctx, void *cm_party_ctx,
					 struct condis_oid_request *req, int status)
{
	PNDIS_OID_REQUEST r = ndis_oid_from_native(req);
	struct ndis_object *d = r->NdisCompat.requester;
	const NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS *cm;

	if (ndis_oid_connectionless_done(r, status))
		return;
	if (d->kind == NDIS_OBJ_MINIPORT)
		cm = &((struct ndis_miniport_driver *)d)->cm;
	else
		cm = &ndis_protocol_of(d)->cm;
	cm->CmOidRequestCompleteHandler(CTX(cm_af_ctx), CTX(cm_vc_ctx), CTX(cm_party_ctx), r,
					ndis_status_from_native(status));
}

const struct condis_cm_ops ndis_cm_ops = {
	.open_af = ndis_cm_open_af,
	.close_af = ndis_cm_close_af,
	.register_sap = ndis_cm_register_sap,
	.deregister_sap = ndis_cm_deregister_sap,
	.notify_close_af_complete = ndis_cm_notify_close_af_complete,
	.create_vc = ndis_cm_create_vc,
	.delete_vc = ndis_cm_delete_vc,
	.activate_vc_complete = ndis_cm_activate_vc_complete,
	.deactivate_vc_complete = ndis_cm_deactivate_vc_complete,
	.make_call = ndis_cm_make_call,
	.close_call = ndis_cm_close_call,
	.incoming_call_complete = ndis_cm_incoming_call_complete,
	.add_party = ndis_cm_add_party,
	.drop_party = ndis_cm_drop_party,
	.modify_call_qos = ndis_cm_modify_call_qos,
	.oid_request = ndis_cm_oid_request,
	.oid_request_complete = ndis_cm_oid_request_complete,
	.release_ctx = ndis_ctx_release,
};

/* The condis_ndis_compat KUnit suite calls a trampoline of it directly. */
EXPORT_SYMBOL_IF_KUNIT(ndis_cm_ops);

/* ---- miniport callbacks ---------------------------------------------------------------- */

/* MiniportCoCreateVc of a plain miniport: its context is wrapped for condis. */
static int ndis_mp_create_vc(void *adapter_ctx, struct condis_vc *vc, void **mp_vc_ctx)
{
	struct ndis_miniport_adapter *ad = adapter_ctx;
	struct ndis_ctx *c = ndis_ctx_new(&ad->driver->obj, NULL);

	if (!c)
		return -ENOMEM;
	return ctx_out(c, ad->driver->co.CoCreateVcHandler(ad->context, vc, &c->context),
		       mp_vc_ctx);
}

static int ndis_mp_delete_vc(void *mp_vc_ctx)
{
	return ndis_status_to_native(CTX_MCO(mp_vc_ctx)->CoDeleteVcHandler(CTX(mp_vc_ctx)));
}

static int ndis_mp_activate_vc(void *mp_vc_ctx, struct condis_call_params *params)
{
	NDIS_STATUS st = CTX_MCO(mp_vc_ctx)->CoActivateVcHandler(CTX(mp_vc_ctx),
								 ndis_params_ndis(params));

	return ndis_status_to_native(st);
}

static int ndis_mp_deactivate_vc(void *mp_vc_ctx)
{
	return ndis_status_to_native(CTX_MCO(mp_vc_ctx)->CoDeactivateVcHandler(CTX(mp_vc_ctx)));
}

static int ndis_mp_oid_request(void *adapter_ctx, void *mp_vc_ctx,
			       struct condis_oid_request *req)
{
	struct ndis_miniport_adapter *ad = adapter_ctx;
	PNDIS_OID_REQUEST r;
	NDIS_STATUS st;

	if (!ad->driver->co.CoOidRequestHandler)
		return -EOPNOTSUPP;
	r = ndis_oid_wrap(req);
	if (!r)
		return -ENOMEM;
	st = ad->driver->co.CoOidRequestHandler(ad->context, CTX(mp_vc_ctx), r);
	return ndis_oid_wrap_returned(r, st);
}

/*
 * MiniportCoSendNetBufferLists: every skb gets an NBL view, which the
 * driver completes with NdisMCoSendNetBufferListsComplete(); one no view
 * could be made for is completed at once with -ENOMEM.
 */
static void ndis_mp_send(void *mp_vc_ctx, struct sk_buff_head *skbs)
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
		CTX_MCO(mp_vc_ctx)->CoSendNetBufferListsHandler(CTX(mp_vc_ctx), head, 0);
	if (failed_vc)
		condis_mco_send_complete(failed_vc, &failed);
	__skb_queue_purge(&failed);
}

/* The MiniportAdapterContext a miniport's own NBL goes back to. */
NDIS_HANDLE ndis_nbl_adapter_context(PNET_BUFFER_LIST nbl)
{
	struct ndis_nbl_pool *pool = nbl->NdisCompat.pool;
	struct ndis_miniport_adapter *ad = pool ? ndis_pool_adapter(pool->owner) : NULL;

	return ad ? ad->context : NULL;
}

/* MiniportReturnNetBufferLists: the driver's NBLs, one call per adapter. */
static void ndis_mp_return_skbs(void *mp_vc_ctx, struct sk_buff_head *skbs)
{
	struct ndis_miniport_driver *drv = ctx_miniport(mp_vc_ctx);
	PNET_BUFFER_LIST head = NULL, *tail = &head, nbl;
	NDIS_HANDLE ctx = NULL;
	struct sk_buff *skb;

	while ((skb = __skb_dequeue(skbs))) {
		nbl = ndis_nbl_from_skb(skb);
		if (!nbl) {
			pr_warn_ratelimited("a returned packet is no NBL's\n");
			kfree_skb(skb);
			continue;
		}
		if (head && ndis_nbl_adapter_context(nbl) != ctx) {
			drv->chars.ReturnNetBufferListsHandler(ctx, head, 0);
			head = NULL;
			tail = &head;
		}
		ctx = ndis_nbl_adapter_context(nbl);
		nbl->Next = NULL;
		*tail = nbl;
		tail = &nbl->Next;
	}
	if (head)
		drv->chars.ReturnNetBufferListsHandler(ctx, head, 0);
}

const struct condis_miniport_ops ndis_mp_ops = {
	.create_vc = ndis_mp_create_vc,
	.delete_vc = ndis_mp_delete_vc,
	.activate_vc = ndis_mp_activate_vc,
	.deactivate_vc = ndis_mp_deactivate_vc,
	.oid_request = ndis_mp_oid_request,
	.send = ndis_mp_send,
	.return_skbs = ndis_mp_return_skbs,
	.release_ctx = ndis_ctx_release,
};
