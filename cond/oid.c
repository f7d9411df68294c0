// SPDX-License-Identifier: GPL-2.0
/*
 * Connection-oriented OID requests (NdisCoOidRequest, NdisMCmOidRequest and
 * their completions).
 *
 * Routing (Documentation/core.rst):
 *   no AF:        the adapter's miniport (for one VC if a VC is named);
 *   client's AF:  the client asks its call manager (CM or MCM);
 *   CM's AF:      the call manager asks the client of that AF.
 * A request the target answers at once returns its status; a pended one
 * reaches the requester's oid_request_complete exactly once, from condis's
 * workqueue, possibly before the request call itself has returned.
 *
 * Every request in flight has a record on its adapter's list, found again
 * by the target's completion through the request pointer; the record
 * holds references on the AF, VC and party it names.
 */
#include <linux/refcount.h>
#include <linux/seq_file.h>
#include <linux/slab.h>

#include "core.h"
#include "objects.h"
#include "pending.h"
#include "trace.h"

enum condis_oid_target {
	CONDIS_OID_TO_MINIPORT,
	CONDIS_OID_TO_CLIENT,
	CONDIS_OID_TO_CM,
};

typedef void (*condis_oid_done_t)(void *af_ctx, void *vc_ctx, void *party_ctx,
				  struct condis_oid_request *req, int status);

/* A request in flight. */
struct condis_oid {
	struct list_head node;		/* in adapter->oids, under adapter->lock */
	refcount_t ref;			/* the request call's and the completion's */
	struct condis_oid_request *req;
	struct condis_adapter *adapter;	/* holds a reference */
	struct condis_binding *binding;	/* the requester's (a reference), or NULL: an MCM */
	enum condis_oid_target target;
	struct condis_af *af;		/* each holds a reference, or NULL */
	struct condis_vc *vc;
	struct condis_party *party;
	condis_oid_done_t done_fn;	/* the requester's oid_request_complete */
	void *af_ctx;			/* the requester's contexts */
	void *vc_ctx;
	void *party_ctx;
	struct condis_pending p;	/* the target's answer; under adapter->lock */
};

/* The one operation of a request's slot. */
#define OID_OP_REQUEST	1

static void condis_oid_put(struct condis_oid *o)
{
	if (!refcount_dec_and_test(&o->ref))
		return;
	if (o->party)
		condis_party_put(o->party);
	if (o->vc)
		condis_vc_put(o->vc);
	if (o->af) {
		spin_lock_bh(&o->af->lock);
		o->af->nr_oids--;
		spin_unlock_bh(&o->af->lock);
		condis_af_put(o->af);
	}
	if (o->binding)
		condis_binding_put(o->binding);
	condis_obj_put(&o->adapter->obj);
	kfree(o);
}

/* Workqueue: tell the requester the result of a pended request, once. */
static void oid_deliver(struct condis_pending *p)
{
	struct condis_oid *o = container_of(p, struct condis_oid, p);
	int status;

	spin_lock_bh(&o->adapter->lock);
	status = p->status;
	condis_pending_end(p);
	spin_unlock_bh(&o->adapter->lock);
	trace_condis_oid(o->req, o->target, status);
	o->done_fn(o->af_ctx, o->vc_ctx, o->party_ctx, o->req, status);
	condis_oid_put(o);	/* the completion's */
}

/*
 * The CO OIDs condis knows go one way only; OID_CO_AF_CLOSE is CoNDIS 5's
 * and has no meaning since notify-close replaced it.
 */
static int oid_check(const struct condis_oid_request *req, enum condis_oid_target target)
{
	switch (req->oid) {
	case CONDIS_OID_CO_ADD_PVC:
	case CONDIS_OID_CO_DELETE_PVC:
	case CONDIS_OID_CO_ADD_ADDRESS:
	case CONDIS_OID_CO_DELETE_ADDRESS:
	case CONDIS_OID_CO_GET_ADDRESSES:
		return target == CONDIS_OID_TO_CM ? 0 : -EINVAL;
	case CONDIS_OID_CO_ADDRESS_CHANGE:
	case CONDIS_OID_CO_SIGNALING_ENABLED:
	case CONDIS_OID_CO_SIGNALING_DISABLED:
		return target == CONDIS_OID_TO_CLIENT ? 0 : -EINVAL;
	case CONDIS_OID_CO_AF_CLOSE:
	case CONDIS_OID_CO_GET_CALL_INFORMATION:
		return -EOPNOTSUPP;
	}
	/* Any other OID_CO_xxx needs an AF; the miniport's OIDs need none. */
	if ((req->oid & 0xFF000000) == 0xFE000000 && target == CONDIS_OID_TO_MINIPORT)
		return -EINVAL;
	return 0;
}

/*
 * Send @o's request to its target and sort out the answer.  @o carries two
 * references: this call's and the completion's.
 */
static int oid_send(struct condis_oid *o)
{
	struct condis_adapter *ad = o->adapter;
	const struct condis_miniport_ops *mp_ops = ad->miniport->ops;
	struct condis_vc *vc = o->vc;
	struct condis_party *party = o->party;
	struct condis_af *af = o->af;
	int ret;

	spin_lock_bh(&ad->lock);
	list_add_tail(&o->node, &ad->oids);
	condis_pending_start(&o->p, OID_OP_REQUEST);
	spin_unlock_bh(&ad->lock);

	if (o->target == CONDIS_OID_TO_MINIPORT)
		ret = mp_ops->oid_request(ad->ctx, vc ? vc->mp_vc_ctx : NULL, o->req);
	else if (o->target == CONDIS_OID_TO_CM)
		ret = af->cm_af->cm_ops->oid_request(af->cm_af_ctx, vc ? vc->cm_vc_ctx : NULL,
						     party ? party->cm_party_ctx : NULL, o->req);
	else
		ret = af->cl_ops->oid_request(af->cl_af_ctx, vc ? vc->cl_vc_ctx : NULL,
					      party ? party->cl_party_ctx : NULL, o->req);

	if (ret == CONDIS_PENDING) {
		condis_oid_put(o);	/* this call's; the completion has its own */
		return CONDIS_PENDING;
	}
	spin_lock_bh(&ad->lock);
	if (condis_pending_returned_op(&o->p, OID_OP_REQUEST, ret, "an OID handler") ==
	    CONDIS_PENDING) {
		spin_unlock_bh(&ad->lock);
		condis_oid_put(o);
		return CONDIS_PENDING;
	}
	list_del(&o->node);
	condis_pending_end(&o->p);
	spin_unlock_bh(&ad->lock);
	trace_condis_oid(o->req, o->target, ret);
	condis_oid_put(o);
	condis_oid_put(o);	/* no completion will come */
	return ret;
}

/*
 * A record for a request to @target, with references on what it names.
 * The caller has checked the handles and holds references of its own.
 */
static struct condis_oid *oid_new(struct condis_binding *binding, struct condis_adapter *ad,
				  enum condis_oid_target target, struct condis_af *af,
				  struct condis_vc *vc, struct condis_party *party,
				  struct condis_oid_request *req)
{
	struct condis_oid *o = kzalloc(sizeof(*o), GFP_ATOMIC);

	if (!o)
		return NULL;
	refcount_set(&o->ref, 2);
	o->req = req;
	o->target = target;
	condis_obj_get(&ad->obj);
	o->adapter = ad;
	if (binding)
		o->binding = condis_binding_get(binding);
	if (af) {
		condis_obj_get(&af->obj);
		spin_lock_bh(&af->lock);
		af->nr_oids++;		/* the AF cannot close under it */
		spin_unlock_bh(&af->lock);
	}
	o->af = af;
	if (vc)
		condis_obj_get(&vc->obj);
	o->vc = vc;
	if (party)
		condis_obj_get(&party->obj);
	o->party = party;
	condis_pending_init(&o->p, &ad->lock, &ad->obj, oid_deliver);
	return o;
}

/* Whether @af still takes requests: open (a notify-close may be pending). */
static bool af_takes_oids(struct condis_af *af)
{
	bool ok;

	spin_lock_bh(&af->lock);
	ok = af->state == CONDIS_AF_STATE_OPEN;
	spin_unlock_bh(&af->lock);
	return ok;
}

/* Whether @binding is one end of @vc; *@client says which. */
static bool vc_end(struct condis_vc *vc, struct condis_binding *binding, bool *client)
{
	*client = vc->af && vc->af->binding == binding;
	if (*client)
		return true;
	if (vc->af)
		return vc->af->cm_af->cm_binding == binding;
	return vc->sig_binding == binding;
}

/*
 * Route a request from @binding's protocol (or, @binding NULL, from the MCM
 * of @af) and send it.  Handles are referenced by the caller.
 */
static int oid_route(struct condis_binding *binding, struct condis_af *af, struct condis_vc *vc,
		     struct condis_party *party, struct condis_oid_request *req)
{
	struct condis_adapter *ad = binding ? binding->adapter : af->cm_af->adapter;
	enum condis_oid_target target;
	bool asker_is_client;
	struct condis_oid *o;
	int err;

	if (!req || (party && party->vc != vc) || (vc && vc->adapter != ad) ||
	    (af && vc && vc->af != af) || (!af && party))
		return -EINVAL;
	if (!af) {
		/* To the miniport: the asker must be one of the VC's two ends. */
		target = CONDIS_OID_TO_MINIPORT;
		if (vc && !vc_end(vc, binding, &asker_is_client))
			return -EINVAL;
		if (!vc)
			asker_is_client = !!binding->protocol->cl_ops;
		if (!ad->miniport->ops || !ad->miniport->ops->oid_request)
			return -EOPNOTSUPP;
	} else if (binding && af->binding == binding) {
		target = CONDIS_OID_TO_CM;
		asker_is_client = true;
	} else if (!binding || af->cm_af->cm_binding == binding) {
		target = CONDIS_OID_TO_CLIENT;
		asker_is_client = false;
	} else {
		return -EINVAL;
	}
	err = oid_check(req, target);
	if (err)
		return err;
	if (READ_ONCE(ad->dying))
		return -ENODEV;
	if (af && !af_takes_oids(af))
		return -ESHUTDOWN;

	/* The asker must have the role it asks in (a client-only protocol is no CM). */
	if (binding && (asker_is_client ? !binding->protocol->cl_ops : !binding->protocol->cm_ops))
		return -EINVAL;
	o = oid_new(binding, ad, target, af, vc, party, req);
	if (!o)
		return -ENOMEM;
	if (asker_is_client) {
		o->done_fn = binding->protocol->cl_ops->oid_request_complete;
		o->af_ctx = af ? af->cl_af_ctx : NULL;
		o->vc_ctx = vc ? vc->cl_vc_ctx : NULL;
		o->party_ctx = party ? party->cl_party_ctx : NULL;
	} else {
		const struct condis_cm_ops *cm_ops = af ? af->cm_af->cm_ops :
						     binding->protocol->cm_ops;

		o->done_fn = cm_ops->oid_request_complete;
		o->af_ctx = af ? af->cm_af_ctx : NULL;
		o->vc_ctx = vc ? vc->cm_vc_ctx : NULL;
		o->party_ctx = party ? party->cm_party_ctx : NULL;
	}
	return oid_send(o);
}

/* Reference the optional handles of a request; -EBADF if one is bad. */
static int oid_get_handles(struct condis_af *af, struct condis_vc *vc, struct condis_party *party)
{
	if (af && !condis_obj_get_handle(af, CONDIS_OBJ_AF))
		return -EBADF;
	if (vc && !condis_vc_get(vc))
		goto put_af;
	if (party && !condis_obj_get_handle(party, CONDIS_OBJ_PARTY))
		goto put_vc;
	return 0;
put_vc:
	if (vc)
		condis_vc_put(vc);
put_af:
	if (af)
		condis_af_put(af);
	return -EBADF;
}

static void oid_put_handles(struct condis_af *af, struct condis_vc *vc,
			    struct condis_party *party)
{
	if (party)
		condis_party_put(party);
	if (vc)
		condis_vc_put(vc);
	if (af)
		condis_af_put(af);
}

/**
 * condis_co_oid_request() - a client or a stand-alone CM sends an OID
 *	request (NdisCoOidRequest)
 * @binding: the requester's binding
 * @af: NULL to ask the miniport; otherwise the AF whose other end is asked
 *	(the client's AF: its call manager; an AF opened on the CM: its client)
 * @vc: a VC the request is about, or NULL
 * @party: a party the request is about, or NULL (never without @af)
 * @req: the request; the requester's, lent until it completes
 *
 * The target's handler runs before this returns.  OID_CO_xxx requests
 * condis knows must go their documented way (client to CM, or CM to
 * client); OID_CO_AF_CLOSE is refused, as CoNDIS 6 replaced it with
 * notify-close.
 *
 * Context: any.
 * Return: the target's status; %CONDIS_PENDING (oid_request_complete
 * follows once, possibly before this returns); or, with no completion:
 * -EBADF, -EINVAL (handles that do not belong together, an OID sent the
 * wrong way), -EOPNOTSUPP, -ENODEV (the adapter is going away),
 * -ESHUTDOWN (the AF is closing or closed), -ENOMEM.
 */
int condis_co_oid_request(struct condis_binding *binding, struct condis_af *af,
			  struct condis_vc *vc, struct condis_party *party,
			  struct condis_oid_request *req)
{
	int err;

	if (!condis_handle_get(binding, CONDIS_OBJ_BINDING, "co_oid_request"))
		return -EBADF;
	err = oid_get_handles(af, vc, party);
	if (err) {
		condis_bad_input("co_oid_request: bad handle (AF %p, VC %p, party %p)", af, vc,
				 party);
		condis_binding_put(binding);
		return err;
	}
	err = oid_route(binding, af, vc, party, req);
	if (err && err != CONDIS_PENDING && err != -EOPNOTSUPP)
		condis_bad_input("co_oid_request: OID %#x refused (%d)", req ? req->oid : 0, err);
	oid_put_handles(af, vc, party);
	condis_binding_put(binding);
	return err;
}
EXPORT_SYMBOL_NS_GPL(condis_co_oid_request, CONDIS);

/**
 * condis_mcm_oid_request() - an MCM sends an OID request to the client of
 *	an AF (NdisMCmOidRequest)
 * @af: an AF a client opened on the MCM
 * @vc: a VC the request is about, or NULL
 * @party: a party the request is about, or NULL
 * @req: the request; the MCM's, lent until it completes
 *
 * Context: any.
 * Return: as condis_co_oid_request(); the MCM's oid_request_complete
 * reports a pended one.
 */
int condis_mcm_oid_request(struct condis_af *af, struct condis_vc *vc, struct condis_party *party,
			   struct condis_oid_request *req)
{
	int err;

	if (!af || oid_get_handles(af, vc, party)) {
		condis_bad_input("mcm_oid_request: bad handle (AF %p, VC %p, party %p)", af, vc,
				 party);
		return -EBADF;
	}
	err = af->cm_af->cm_binding ? -EINVAL : oid_route(NULL, af, vc, party, req);
	if (err && err != CONDIS_PENDING && err != -EOPNOTSUPP)
		condis_bad_input("mcm_oid_request: OID %#x refused (%d)", req ? req->oid : 0, err);
	oid_put_handles(af, vc, party);
	return err;
}
EXPORT_SYMBOL_NS_GPL(condis_mcm_oid_request, CONDIS);

/* Find the pended request @req of @ad answered by @target, and deliver @status. */
static void oid_complete(struct condis_adapter *ad, bool by_miniport, struct condis_af *af,
			 struct condis_oid_request *req, int status, const char *who)
{
	struct condis_oid *o, *found = NULL;

	spin_lock_bh(&ad->lock);
	list_for_each_entry(o, &ad->oids, node) {
		bool to_miniport = o->target == CONDIS_OID_TO_MINIPORT;

		if (o->req != req || !condis_pending_owed(&o->p) || to_miniport != by_miniport ||
		    (!by_miniport && o->af != af))
			continue;
		found = o;
		condis_pending_complete(&o->p, OID_OP_REQUEST, status, who);
		list_del(&o->node);
		break;
	}
	spin_unlock_bh(&ad->lock);
	if (found)
		condis_pending_queue(&found->p);
	else
		condis_bad_input("%s: no such OID request in flight (%p)", who, req);
}

/**
 * condis_co_oid_request_complete() - a client, CM or MCM finishes a request
 *	its oid_request pended (NdisCoOidRequestComplete,
 *	NdisMCmOidRequestComplete)
 * @af: the AF the request came on
 * @vc: the VC it named, or NULL (for the record; the request identifies it)
 * @party: the party it named, or NULL
 * @req: the request
 * @status: its result; @req's byte counts are set
 *
 * The requester's oid_request_complete runs once, from condis's workqueue.
 *
 * Context: any.
 */
void condis_co_oid_request_complete(struct condis_af *af, struct condis_vc *vc,
				    struct condis_party *party, struct condis_oid_request *req,
				    int status)
{
	if (!condis_handle_get(af, CONDIS_OBJ_AF, "co_oid_request_complete"))
		return;
	oid_complete(af->cm_af->adapter, false, af, req, status, "co_oid_request_complete");
	condis_af_put(af);
}
EXPORT_SYMBOL_NS_GPL(condis_co_oid_request_complete, CONDIS);

/**
 * condis_mco_oid_request_complete() - a miniport finishes a request its
 *	oid_request pended (NdisMCoOidRequestComplete)
 * @adapter: the adapter
 * @vc: the VC the request named, or NULL
 * @req: the request
 * @status: its result, never %CONDIS_PENDING
 *
 * The requester's oid_request_complete runs once, from condis's workqueue.
 *
 * Context: any.
 */
void condis_mco_oid_request_complete(struct condis_adapter *adapter, struct condis_vc *vc,
				     struct condis_oid_request *req, int status)
{
	struct condis_obj *obj = condis_handle_get(adapter, CONDIS_OBJ_ADAPTER,
						   "mco_oid_request_complete");

	if (!obj)
		return;
	oid_complete(adapter, true, NULL, req, status, "mco_oid_request_complete");
	condis_obj_put(obj);
}
EXPORT_SYMBOL_NS_GPL(condis_mco_oid_request_complete, CONDIS);

/**
 * condis_oid_dump() - list @adapter's OID requests in flight (debugfs)
 * @m: the seq_file
 * @adapter: the adapter
 * @indent: printed before each line
 *
 * Context: any; takes the adapter's lock.
 */
void condis_oid_dump(struct seq_file *m, struct condis_adapter *adapter, const char *indent)
{
	static const char *const to[] = {
		[CONDIS_OID_TO_MINIPORT] = "miniport",
		[CONDIS_OID_TO_CLIENT] = "client",
		[CONDIS_OID_TO_CM] = "call-manager",
	};
	struct condis_oid *o;

	spin_lock_bh(&adapter->lock);
	list_for_each_entry(o, &adapter->oids, node)
		seq_printf(m, "%soid %#x %s to=%s vc=%u pending\n", indent, o->req->oid,
			   o->req->type == CONDIS_OID_SET ? "set" : "query", to[o->target],
			   o->vc ? o->vc->obj.id : 0);
	spin_unlock_bh(&adapter->lock);
}
