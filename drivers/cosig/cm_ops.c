// SPDX-License-Identifier: GPL-2.0
/*
 * The call-manager callbacks condis calls (cosig_cm_ops).  They run in any
 * context, so they only check their arguments, record the request in the
 * call or party and queue it for the worker (see internal.h), returning
 * %CONDIS_PENDING; the worker completes the request.
 */
#include <linux/slab.h>
#include <linux/string.h>

#include "internal.h"

/**
 * struct cosig_af - a client's AF open on an engine (the CM's AF context)
 * @node: in &cosig.afs
 * @sig: the engine
 * @af: condis's handle
 * @notified: cosig_cm_notify_all() asked its client to close it
 */
struct cosig_af {
	struct list_head node;
	struct cosig *sig;
	struct condis_af *af;
	bool notified;
};

static int cosig_cm_open_af(void *cm_binding_ctx, const struct condis_af_type *type,
			    struct condis_af *af, void **cm_af_ctx)
{
	struct cosig *sig = *(struct cosig **)cm_binding_ctx;
	struct cosig_af *a;

	if (!sig || type->family != CONIC_AF_FAMILY || type->major != CONIC_AF_MAJOR)
		return -EAFNOSUPPORT;
	a = kzalloc(sizeof(*a), GFP_ATOMIC);
	if (!a)
		return -ENOMEM;
	a->sig = sig;
	a->af = af;
	spin_lock_bh(&sig->ev_lock);
	if (sig->dying) {
		spin_unlock_bh(&sig->ev_lock);
		kfree(a);
		return -ESHUTDOWN;
	}
	list_add_tail(&a->node, &sig->afs);
	atomic_inc(&sig->open_afs);
	spin_unlock_bh(&sig->ev_lock);
	*cm_af_ctx = a;
	return 0;
}

static int cosig_cm_close_af(void *cm_af_ctx)
{
	struct cosig_af *a = cm_af_ctx;
	struct cosig *sig = a->sig;

	spin_lock_bh(&sig->ev_lock);
	list_del(&a->node);
	atomic_dec(&sig->open_afs);
	spin_unlock_bh(&sig->ev_lock);
	complete(&sig->afs_closed);
	kfree(a);
	return 0;
}

/**
 * cosig_cm_notify_all() - ask every client to close its AF
 * @sig: the engine
 *
 * Context: process.
 */
void cosig_cm_notify_all(struct cosig *sig)
{
	struct condis_af *af;
	struct cosig_af *a;
	int err;

	/* One at a time, unlocked: the client may close the AF right away. */
	for (;;) {
		af = NULL;
		spin_lock_bh(&sig->ev_lock);
		list_for_each_entry(a, &sig->afs, node) {
			if (!a->notified) {
				a->notified = true;
				af = a->af;
				break;
			}
		}
		spin_unlock_bh(&sig->ev_lock);
		if (!af)
			return;
		err = condis_cm_notify_close_af(af);
		if (err && err != CONDIS_PENDING)
			pr_debug("cosig %s: notify-close: %d\n", sig->name, err);
	}
}

static int cosig_cm_register_sap(void *cm_af_ctx, const struct condis_sap_addr *addr,
				 struct condis_sap *sap, void **cm_sap_ctx)
{
	if (addr->type != CONIC_SAP_TYPE || addr->len > CONIC_SAP_NAME_MAX)
		return -EINVAL;
	*cm_sap_ctx = NULL;	/* condis's SAP table is all the state a SAP needs */
	return 0;
}

static int cosig_cm_deregister_sap(void *cm_sap_ctx)
{
	return 0;
}

static void cosig_cm_notify_close_af_complete(void *cm_af_ctx, int status)
{
}

static int cosig_cm_create_vc(void *cm_af_ctx, struct condis_vc *vc, void **cm_vc_ctx)
{
	struct cosig_af *a = cm_af_ctx;
	struct cosig_call *call = cosig_call_alloc(a->sig, GFP_ATOMIC);

	if (!call)
		return -ENOMEM;
	call->vc = vc;
	call->af = a->af;
	call->outgoing = true;
	*cm_vc_ctx = call;	/* its reference is condis's until delete_vc */
	return 0;
}

static int cosig_cm_delete_vc(void *cm_vc_ctx)
{
	struct cosig_call *call = cm_vc_ctx;

	if (READ_ONCE(call->state) != COSIG_IDLE)
		return -EBUSY;
	cosig_event_queue(call->sig, &call->ev, COSIG_EV_DELETE);
	cosig_call_put(call);
	return 0;
}

static void cosig_cm_activate_vc_complete(int status, void *cm_vc_ctx,
					  struct condis_call_params *params)
{
	cosig_activate_vc_complete(cm_vc_ctx, status);
}

static void cosig_cm_deactivate_vc_complete(int status, void *cm_vc_ctx)
{
	cosig_deactivate_vc_complete(cm_vc_ctx, status);
}

/**
 * cosig_activate_vc_complete() - a pended activation of a call's VC is done
 * @cm_vc_ctx: the call
 * @status: its result
 *
 * Context: any.
 */
void cosig_activate_vc_complete(void *cm_vc_ctx, int status)
{
	struct cosig_call *call = cm_vc_ctx;

	call->act_status = status;
	complete(&call->act_done);
}
EXPORT_SYMBOL_GPL(cosig_activate_vc_complete);

/**
 * cosig_deactivate_vc_complete() - a pended deactivation is done
 * @cm_vc_ctx: the call
 * @status: its result
 *
 * Context: any.
 */
void cosig_deactivate_vc_complete(void *cm_vc_ctx, int status)
{
	cosig_activate_vc_complete(cm_vc_ctx, status);
}
EXPORT_SYMBOL_GPL(cosig_deactivate_vc_complete);

/* The called name of call parameters, or an error. */
static int cosig_called_name(const struct condis_call_params *params)
{
	const struct condis_cm_params *cm = params ? params->cm : NULL;

	if (!cm || cm->specific.type != CONIC_CM_CALLED_SAP || !cm->specific.len ||
	    cm->specific.len > CONIC_SAP_NAME_MAX)
		return -EINVAL;
	return cm->specific.len;
}

static struct cosig_party *cosig_party_new(struct cosig_call *call, struct condis_party *party,
					   const struct condis_call_params *params)
{
	struct cosig_party *p = kzalloc(sizeof(*p), GFP_ATOMIC);

	if (!p)
		return NULL;
	kref_init(&p->ref);
	INIT_LIST_HEAD(&p->node);
	INIT_LIST_HEAD(&p->ev.node);
	p->ev.is_party = true;
	p->party = party;
	p->state = COSIG_PARTY_ADDING;
	p->name_len = params->cm->specific.len;
	memcpy(p->name, params->cm->specific.data, p->name_len);
	return p;
}

static int cosig_cm_make_call(void *cm_vc_ctx, struct condis_call_params *params,
			      struct condis_party *party, void **cm_party_ctx)
{
	struct cosig_call *call = cm_vc_ctx;
	struct cosig_party *p = NULL;

	if (cosig_called_name(params) < 0 || (params->flags & CONDIS_CALL_PERMANENT_VC))
		return -EINVAL;
	if (party) {
		p = cosig_party_new(call, party, params);
		if (!p)
			return -ENOMEM;
		p->epref = 1;
		*cm_party_ctx = p;
	}
	call->first_party = p;
	call->client_params = params;
	cosig_event_queue(call->sig, &call->ev, COSIG_EV_MAKE_CALL);
	return CONDIS_PENDING;
}

static int cosig_cm_close_call(void *cm_vc_ctx, void *cm_party_ctx, void *data,
			       unsigned int size)
{
	struct cosig_call *call = cm_vc_ctx;

	if (size > COSIG_USER_DATA_MAX || (size && !data))
		return -EINVAL;
	if (size)
		memcpy(call->close_data, data, size);
	call->close_len = size;
	cosig_event_queue(call->sig, &call->ev, COSIG_EV_CLOSE);
	return CONDIS_PENDING;
}

static void cosig_cm_incoming_call_complete(int status, void *cm_vc_ctx,
					    struct condis_call_params *params)
{
	struct cosig_call *call = cm_vc_ctx;

	call->answer = status;
	cosig_event_queue(call->sig, &call->ev, COSIG_EV_ANSWER);
}

static int cosig_cm_add_party(void *cm_vc_ctx, struct condis_call_params *params,
			      struct condis_party *party, void **cm_party_ctx)
{
	struct cosig_call *call = cm_vc_ctx;
	struct cosig_party *p;

	if (cosig_called_name(params) < 0)
		return -EINVAL;
	p = cosig_party_new(call, party, params);
	if (!p)
		return -ENOMEM;
	kref_get(&call->ref);
	p->call = call;
	p->params = params;
	/* Its first reference is condis's until condis is done with the party. */
	*cm_party_ctx = p;
	cosig_event_queue(call->sig, &p->ev, COSIG_EV_ADD);
	return CONDIS_PENDING;
}

static int cosig_cm_drop_party(void *cm_party_ctx, void *data, unsigned int size)
{
	struct cosig_party *p = cm_party_ctx;

	if (size > COSIG_USER_DATA_MAX || (size && !data))
		return -EINVAL;
	if (size)
		memcpy(p->drop_data, data, size);
	p->drop_len = size;
	cosig_event_queue(p->call->sig, &p->ev, COSIG_EV_DROP);
	return CONDIS_PENDING;
}

static int cosig_cm_modify_call_qos(void *cm_vc_ctx, struct condis_call_params *params)
{
	struct cosig_call *call = cm_vc_ctx;

	if (!params || !params->cm)
		return -EINVAL;
	call->client_params = params;
	cosig_event_queue(call->sig, &call->ev, COSIG_EV_MODIFY);
	return CONDIS_PENDING;
}

static int cosig_cm_oid_request(void *cm_af_ctx, void *cm_vc_ctx, void *cm_party_ctx,
				struct condis_oid_request *req)
{
	return -EOPNOTSUPP;
}

static void cosig_cm_oid_request_complete(void *cm_af_ctx, void *cm_vc_ctx, void *cm_party_ctx,
					  struct condis_oid_request *req, int status)
{
}

/*
 * The call manager's side of condis for every cosig engine, stand-alone or
 * inside an MCM: the binding context must start with the engine's pointer.
 */
const struct condis_cm_ops cosig_cm_ops = {
	.open_af = cosig_cm_open_af,
	.close_af = cosig_cm_close_af,
	.register_sap = cosig_cm_register_sap,
	.deregister_sap = cosig_cm_deregister_sap,
	.notify_close_af_complete = cosig_cm_notify_close_af_complete,
	.create_vc = cosig_cm_create_vc,
	.delete_vc = cosig_cm_delete_vc,
	.activate_vc_complete = cosig_cm_activate_vc_complete,
	.deactivate_vc_complete = cosig_cm_deactivate_vc_complete,
	.make_call = cosig_cm_make_call,
	.close_call = cosig_cm_close_call,
	.incoming_call_complete = cosig_cm_incoming_call_complete,
	.add_party = cosig_cm_add_party,
	.drop_party = cosig_cm_drop_party,
	.modify_call_qos = cosig_cm_modify_call_qos,
	.oid_request = cosig_cm_oid_request,
	.oid_request_complete = cosig_cm_oid_request_complete,
};
EXPORT_SYMBOL_GPL(cosig_cm_ops);
