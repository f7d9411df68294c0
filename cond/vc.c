// SPDX-License-Identifier: GPL-2.0
/*
 * Virtual connections: creation and deletion (NdisCoCreateVc,
 * NdisCoDeleteVc, NdisMCmCreateVc, NdisMCmDeleteVc) and activation
 * (NdisCmActivateVc, NdisCmDeactivateVc and the miniport's completions;
 * NdisMCmActivateVc, NdisMCmDeactivateVc for an MCM).
 *
 * Who is called when a VC is created:
 *   client creates (outgoing call):  miniport create_vc, then the CM's
 *                                    create_vc (an MCM's only)
 *   CM creates for an incoming call: miniport create_vc, then the client's
 *   CM creates a signalling VC:      miniport create_vc only
 *   MCM creates for an incoming call: the client's create_vc only
 * Deletion calls the same parties, the other protocol first.
 *
 * Activation rules: one activation at a time (-EBUSY, NDIS's
 * NOT_ACCEPTED); deactivating while activating is refused with -EBUSY;
 * a second deactivation is refused with -ESHUTDOWN (NDIS_STATUS_CLOSING);
 * a failed activation returns the VC to its previous state with its old
 * parameters; an active or deactivating VC cannot be deleted.
 */
#include <linux/slab.h>

#include "core.h"
#include "netlink.h"
#include "objects.h"
#include "trace.h"

/* Every state change of a VC goes through here, under vc->lock. */
static void vc_set_state(struct condis_vc *vc, enum condis_vc_state state)
{
	lockdep_assert_held(&vc->lock);
	trace_condis_vc_state(vc, state);
	condis_nl_notify_vc(vc, state == CONDIS_VC_STATE_DELETED ? CONDIS_EVENT_TYPE_DEL
								 : CONDIS_EVENT_TYPE_CHANGE,
			    vc->state, state);
	vc->state = state;
	condis_settle_wake();
}

static void condis_vc_release(struct condis_obj *obj)
{
	struct condis_vc *vc = container_of(obj, struct condis_vc, obj);

	if (vc->af)
		condis_ctx_release(vc->af->cl_release, vc->cl_vc_ctx);
	condis_ctx_release(vc->cm_release, vc->cm_vc_ctx);
	if (!vc->mcm)	/* an MCM's VC context is its cm_vc_ctx */
		condis_ctx_release(vc->mp_release, vc->mp_vc_ctx);
	if (vc->af)
		condis_af_put(vc->af);
	if (vc->sig_binding)
		condis_binding_put(vc->sig_binding);
	condis_obj_put(&vc->adapter->obj);
	condis_vc_datapath_free(vc);
	kfree(vc);
}

/**
 * condis_vc_get() - take a reference through a driver's VC handle, quietly
 * @vc: the handle
 *
 * Entry points use condis_vc_handle(), which warns about a bad handle.
 *
 * Context: any.
 * Return: @vc, referenced; NULL if the handle is bad, or if its creator
 * deleted the VC and only the deferred deletion is outstanding.
 */
struct condis_vc *condis_vc_get(struct condis_vc *vc)
{
	if (!condis_obj_get_handle(vc, CONDIS_OBJ_VC))
		return NULL;
	if (READ_ONCE(vc->delete_deferred)) {
		condis_obj_put(&vc->obj);
		return NULL;
	}
	return vc;
}

/**
 * condis_vc_put() - drop a reference on a VC
 * @vc: the VC
 *
 * Context: any.
 */
void condis_vc_put(struct condis_vc *vc)
{
	condis_obj_put(&vc->obj);
}

static void vc_act_deliver(struct condis_pending *p);

static struct condis_vc *condis_vc_alloc(struct condis_adapter *adapter, struct condis_af *af,
					 enum condis_vc_creator creator)
{
	struct condis_vc *vc = kzalloc(sizeof(*vc), GFP_ATOMIC);

	if (!vc)
		return NULL;
	condis_obj_init(&vc->obj, CONDIS_OBJ_VC, condis_vc_release);
	condis_obj_get(&adapter->obj);
	vc->adapter = adapter;
	if (af)
		condis_obj_get(&af->obj);
	vc->af = af;
	vc->creator = creator;
	vc->mcm = !!adapter->miniport->cm_ops;
	vc->mp_release = adapter->miniport->ops->release_ctx;
	spin_lock_init(&vc->lock);
	vc->state = CONDIS_VC_STATE_INACTIVE;
	condis_pending_init(&vc->act, &vc->lock, &vc->obj, vc_act_deliver);
	INIT_LIST_HEAD(&vc->node);
	condis_vc_data_init(vc);
	condis_vc_call_init(vc);
	condis_vc_qos_init(vc);
	return vc;
}

/*
 * Link a live VC into its AF's list (an AF with VCs cannot be closed) or,
 * for a signalling VC, its adapter's; both lists feed the debugfs dump.
 */
static void vc_link(struct condis_vc *vc, bool add)
{
	spinlock_t *lock = vc->af ? &vc->af->lock : &vc->adapter->lock;

	spin_lock_bh(lock);
	if (add)
		list_add_tail(&vc->node, vc->af ? &vc->af->vcs : &vc->adapter->sig_vcs);
	else
		list_del_init(&vc->node);
	if (vc->af)
		vc->af->nr_vcs += add ? 1 : -1;
	spin_unlock_bh(lock);
}

/* Whether @af is open (its client may create VCs on it). */
static bool af_usable(struct condis_af *af)
{
	bool ok;

	spin_lock_bh(&af->lock);
	ok = af->state == CONDIS_AF_STATE_OPEN;
	spin_unlock_bh(&af->lock);
	return ok;
}

/*
 * Call the miniport and the peer protocol's create_vc; on failure undo the
 * miniport's.  @peer_is_client selects whose create_vc the peer is.
 */
static int condis_vc_create_parties(struct condis_vc *vc, bool call_miniport, bool peer_is_client,
				    bool has_peer)
{
	const struct condis_miniport_ops *mp_ops = vc->adapter->miniport->ops;
	struct condis_af *af = vc->af;
	void *ctx = NULL;
	int err;

	if (call_miniport) {
		err = mp_ops->create_vc(vc->adapter->ctx, vc, &vc->mp_vc_ctx);
		if (err == CONDIS_PENDING) {
			condis_bad_input("%s: create_vc may not pend", vc->adapter->miniport->name);
			err = -EINVAL;
		}
		if (err) {
			vc->mp_vc_ctx = NULL;	/* a failing callback's context is not kept */
			return err;
		}
	}
	if (!has_peer)
		return 0;
	if (peer_is_client)
		err = af->cl_ops->create_vc(af->cl_af_ctx, vc, &ctx);
	else
		err = af->cm_af->cm_ops->create_vc(af->cm_af_ctx, vc, &ctx);
	if (err == CONDIS_PENDING) {
		condis_bad_input("create_vc of the %s may not pend",
				 peer_is_client ? "client" : "CM");
		err = -EINVAL;
	}
	if (err) {
		if (call_miniport)
			mp_ops->delete_vc(vc->mp_vc_ctx);
		return err;
	}
	if (peer_is_client) {
		vc->cl_vc_ctx = ctx;
	} else {
		vc->cm_vc_ctx = ctx;
		if (vc->mcm)
			vc->mp_vc_ctx = ctx;	/* an MCM's VC context serves both roles */
	}
	return 0;
}

/*
 * Make a new VC known: its handle first, since the create_vc handlers get
 * it and may use it, then the miniport's and the peer's create_vc.  On
 * failure nothing is left and @vc is freed.
 */
static int condis_vc_publish(struct condis_vc *vc, bool call_miniport, bool peer_is_client,
			     bool has_peer)
{
	int err;

	err = condis_obj_publish(&vc->obj);
	if (!err) {
		err = condis_vc_create_parties(vc, call_miniport, peer_is_client, has_peer);
		if (err)
			condis_obj_unpublish(&vc->obj);
	}
	if (err) {
		/* The creator's context stays the creator's (the peer's was not kept). */
		if (vc->creator == CONDIS_VC_CREATOR_CLIENT) {
			vc->cl_vc_ctx = NULL;
		} else {
			vc->cm_vc_ctx = NULL;
			if (vc->mcm)
				vc->mp_vc_ctx = NULL;
		}
		condis_vc_put(vc);
		return err;
	}
	vc_link(vc, true);
	spin_lock_bh(&vc->lock);
	trace_condis_vc_state(vc, CONDIS_VC_STATE_INACTIVE);
	condis_nl_notify_vc(vc, CONDIS_EVENT_TYPE_NEW, 0, CONDIS_VC_STATE_INACTIVE);
	spin_unlock_bh(&vc->lock);
	return 0;
}

/**
 * condis_co_create_vc() - create a VC (NdisCoCreateVc)
 * @binding: the caller's binding
 * @af: the AF the VC is for: the client's own AF for an outgoing call, or,
 *	for a CM creating a VC for an incoming call, the AF of the client
 *	that owns the target SAP; NULL for a CM's signalling VC
 * @vc_ctx: the caller's context for the VC
 * @vc: set to the VC handle on success
 *
 * The miniport's and the other protocol's create_vc run before this
 * returns; if either fails, nothing is left.
 *
 * Context: any.
 * Return: 0; -EBADF for a bad handle; -EINVAL if the caller has no role on
 * @af, or @af is not open; -ENOMEM; or the error a create_vc returned.
 */
int condis_co_create_vc(struct condis_binding *binding, struct condis_af *af, void *vc_ctx,
			struct condis_vc **vc)
{
	struct condis_adapter *adapter;
	enum condis_vc_creator creator;
	struct condis_vc *v;
	int err = -EINVAL;

	if (!condis_handle_get(binding, CONDIS_OBJ_BINDING, "co_create_vc"))
		return -EBADF;
	if (af && !condis_handle_get(af, CONDIS_OBJ_AF, "co_create_vc")) {
		condis_binding_put(binding);
		return -EBADF;
	}
	adapter = binding->adapter;
	if (!vc)
		goto out_put;
	if (!af) {
		/* A stand-alone CM's signalling VC: only the miniport is involved. */
		if (!binding->protocol->cm_ops || adapter->miniport->cm_ops)
			goto out_put;
		creator = CONDIS_VC_CREATOR_CM;
	} else if (af->binding == binding) {
		creator = CONDIS_VC_CREATOR_CLIENT;
	} else if (af->cm_af->cm_binding == binding) {
		creator = CONDIS_VC_CREATOR_CM;
	} else {
		goto out_put;
	}
	if (af && !af_usable(af))
		goto out_put;

	err = -ENOMEM;
	v = condis_vc_alloc(adapter, af, creator);
	if (!v)
		goto out_put;
	v->cm_ops = af ? af->cm_af->cm_ops : binding->protocol->cm_ops;
	v->cm_release = v->cm_ops->release_ctx;
	if (!af)
		v->sig_binding = condis_binding_get(binding);
	if (creator == CONDIS_VC_CREATOR_CLIENT)
		v->cl_vc_ctx = vc_ctx;
	else
		v->cm_vc_ctx = vc_ctx;
	err = condis_vc_publish(v, !v->mcm, creator == CONDIS_VC_CREATOR_CM, af);
	if (!err)
		*vc = v;
out_put:
	if (err == -EINVAL)
		condis_bad_input("co_create_vc: the caller has no role on AF %p or it is not open",
				 af);
	if (af)
		condis_af_put(af);
	condis_binding_put(binding);
	return err;
}
EXPORT_SYMBOL_NS_GPL(condis_co_create_vc, CONDIS);

/**
 * condis_mcm_create_vc() - an MCM creates a VC for an incoming call
 *	(NdisMCmCreateVc)
 * @adapter: the MCM's adapter
 * @af: the AF of the client that owns the target SAP
 * @mp_vc_ctx: the MCM's context for the VC
 * @vc: set to the VC handle on success
 *
 * The client's create_vc runs before this returns.
 *
 * Context: any.
 * Return: as condis_co_create_vc().
 */
int condis_mcm_create_vc(struct condis_adapter *adapter, struct condis_af *af, void *mp_vc_ctx,
			 struct condis_vc **vc)
{
	struct condis_obj *aobj = condis_handle_get(adapter, CONDIS_OBJ_ADAPTER, "mcm_create_vc");
	struct condis_vc *v;
	int err = -EINVAL;

	if (!aobj)
		return -EBADF;
	if (!condis_handle_get(af, CONDIS_OBJ_AF, "mcm_create_vc")) {
		condis_obj_put(aobj);
		return -EBADF;
	}
	if (!vc || !adapter->miniport->cm_ops || af->cm_af->adapter != adapter || !af_usable(af)) {
		condis_bad_input("mcm_create_vc: AF %u is not an open AF of this MCM", af->obj.id);
		goto out_put;
	}
	err = -ENOMEM;
	v = condis_vc_alloc(adapter, af, CONDIS_VC_CREATOR_MCM);
	if (!v)
		goto out_put;
	v->cm_ops = af->cm_af->cm_ops;
	v->cm_release = v->cm_ops->release_ctx;
	v->cm_vc_ctx = mp_vc_ctx;
	v->mp_vc_ctx = mp_vc_ctx;
	err = condis_vc_publish(v, false, true, true);
	if (!err)
		*vc = v;
out_put:
	condis_af_put(af);
	condis_obj_put(aobj);
	return err;
}
EXPORT_SYMBOL_NS_GPL(condis_mcm_create_vc, CONDIS);

/*
 * Whether @vc may be deleted now, under vc->lock.  *@defer is set when the
 * deletion must wait: the CM completed the close of the call on a VC it
 * created, and the client's close_call_complete is still to be delivered;
 * the client must hear of the close before its VC goes (delete_vc).
 */
static int vc_delete_check(struct condis_vc *vc, bool *defer)
{
	lockdep_assert_held(&vc->lock);
	*defer = false;
	if (vc->state == CONDIS_VC_STATE_DELETED)
		return -EBADF;
	if (vc->state == CONDIS_VC_STATE_ACTIVE || vc->state == CONDIS_VC_STATE_ACTIVATING)
		return -EBUSY;		/* NDIS_STATUS_NOT_ACCEPTED */
	if (vc->state == CONDIS_VC_STATE_DEACTIVATING)
		return -ESHUTDOWN;	/* NDIS_STATUS_CLOSING */
	return condis_call_delete_check(vc, defer);
}

/* Delete @vc, which vc_delete_check() allowed; the caller holds a reference. */
static int vc_delete_now(struct condis_vc *vc, const char *who)
{
	int err;

	/* The other protocol first: it may refuse while it has work outstanding. */
	if (vc->af && vc->creator == CONDIS_VC_CREATOR_CLIENT)
		err = vc->cm_ops->delete_vc(vc->cm_vc_ctx);
	else if (vc->af)
		err = vc->af->cl_ops->delete_vc(vc->cl_vc_ctx);
	else
		err = 0;
	if (err) {
		condis_bad_input("%s: VC %u: the %s refused to delete it (%d)", who, vc->obj.id,
				 vc->creator == CONDIS_VC_CREATOR_CLIENT ? "CM" : "client", err);
		spin_lock_bh(&vc->lock);
		vc->deleting = false;
		spin_unlock_bh(&vc->lock);
		return err;
	}
	if (!vc->mcm)
		vc->adapter->miniport->ops->delete_vc(vc->mp_vc_ctx);
	spin_lock_bh(&vc->lock);
	vc_set_state(vc, CONDIS_VC_STATE_DELETED);
	spin_unlock_bh(&vc->lock);
	vc_link(vc, false);
	condis_obj_unpublish(&vc->obj);
	condis_vc_put(vc);	/* the creation's reference */
	return 0;
}

static int condis_vc_delete(struct condis_vc *vc, const char *who)
{
	bool defer = false;
	int err;

	spin_lock_bh(&vc->lock);
	err = vc->delete_deferred || vc->deleting ? -EBADF : vc_delete_check(vc, &defer);
	if (!err && defer)
		WRITE_ONCE(vc->delete_deferred, true);
	else if (!err)
		vc->deleting = true;	/* one deletion at a time, however many callers */
	spin_unlock_bh(&vc->lock);
	if (err) {
		condis_bad_input("%s: VC %u cannot be deleted now (%d)", who, vc->obj.id, err);
		return err;
	}
	if (defer)
		return 0;	/* condis_vc_delete_deferred() follows the delivery */
	return vc_delete_now(vc, who);
}

/**
 * condis_vc_delete_deferred() - carry out a deletion that waited for the
 *	client's close_call_complete, if the creator asked for one
 * @vc: the VC, referenced by the caller (the delivery's reference)
 *
 * Called after every delivery of a call operation; does nothing unless a
 * deletion was deferred.  The handle stays refused (condis_vc_get()) throughout: the creator
 * deleted it already.
 *
 * Context: process (condis's workqueue), right after the delivery.
 */
void condis_vc_delete_deferred(struct condis_vc *vc)
{
	bool defer;
	int err;

	spin_lock_bh(&vc->lock);
	if (!vc->delete_deferred) {
		spin_unlock_bh(&vc->lock);
		return;		/* nobody deleted it meanwhile */
	}
	err = vc->deleting ? -EBADF : vc_delete_check(vc, &defer);
	if (!err && !defer)
		vc->deleting = true;
	spin_unlock_bh(&vc->lock);
	if (!err && !defer)
		err = vc_delete_now(vc, "deferred delete_vc");
	else if (!err)
		err = -EBUSY;
	if (!err)
		return;
	condis_bad_input("VC %u: the deletion its creator asked for failed (%d)", vc->obj.id, err);
	/* The VC lives on: make it reachable again, so teardown can end it. */
	spin_lock_bh(&vc->lock);
	WRITE_ONCE(vc->delete_deferred, false);
	spin_unlock_bh(&vc->lock);
}

/**
 * condis_co_delete_vc() - delete a VC its caller created (NdisCoDeleteVc)
 * @vc: the VC
 *
 * Only the VC's creator may delete it; the VC must be deactivated.  The
 * other protocol's and the miniport's delete_vc run before this returns,
 * except when a CM deletes a VC it created right after completing the
 * close of its call: they then run once the client has had its
 * close_call_complete, from condis's workqueue.  The handle is stale once
 * this returns 0.
 *
 * Context: any.
 * Return: 0; -EBADF for a bad handle; -EBUSY if the VC is active or being
 * activated, or a call on it is not closed; -ESHUTDOWN if it is being
 * deactivated; or the error of the other protocol's delete_vc.
 */
int condis_co_delete_vc(struct condis_vc *vc)
{
	int err;

	if (!condis_vc_handle(vc, "co_delete_vc"))
		return -EBADF;
	if (vc->creator == CONDIS_VC_CREATOR_MCM) {
		condis_bad_input("co_delete_vc: VC %u belongs to an MCM", vc->obj.id);
		err = -EINVAL;
	} else {
		err = condis_vc_delete(vc, "co_delete_vc");
	}
	condis_vc_put(vc);
	return err;
}
EXPORT_SYMBOL_NS_GPL(condis_co_delete_vc, CONDIS);

/**
 * condis_mcm_delete_vc() - an MCM deletes a VC it created (NdisMCmDeleteVc)
 * @vc: the VC
 *
 * Context: any.
 * Return: as condis_co_delete_vc().
 */
int condis_mcm_delete_vc(struct condis_vc *vc)
{
	int err;

	if (!condis_vc_handle(vc, "mcm_delete_vc"))
		return -EBADF;
	if (vc->creator != CONDIS_VC_CREATOR_MCM) {
		condis_bad_input("mcm_delete_vc: VC %u was not created by the MCM", vc->obj.id);
		err = -EINVAL;
	} else {
		err = condis_vc_delete(vc, "mcm_delete_vc");
	}
	condis_vc_put(vc);
	return err;
}
EXPORT_SYMBOL_NS_GPL(condis_mcm_delete_vc, CONDIS);

/* Record the end of an activation, under vc->lock. */
static void vc_finish_activation(struct condis_vc *vc, int status)
{
	lockdep_assert_held(&vc->lock);
	if (status) {
		vc_set_state(vc, vc->before);		/* old parameters, if any, stay */
	} else {
		vc_set_state(vc, CONDIS_VC_STATE_ACTIVE);
		vc->params = vc->new_params;
		vc->activations++;
	}
	vc->new_params = NULL;
}

/* Record the end of a deactivation, under vc->lock. */
static void vc_finish_deactivation(struct condis_vc *vc, int status)
{
	lockdep_assert_held(&vc->lock);
	vc_set_state(vc, status ? CONDIS_VC_STATE_ACTIVE : CONDIS_VC_STATE_INACTIVE);
	if (!status)
		vc->params = NULL;
}

/* Workqueue: deliver a pended (de)activation's result to the CM. */
static void vc_act_deliver(struct condis_pending *p)
{
	struct condis_vc *vc = container_of(p, struct condis_vc, act);
	struct condis_call_params *params;
	unsigned int op;
	int status;

	spin_lock_bh(&vc->lock);
	op = p->op;
	status = p->status;
	params = vc->new_params;
	if (op == CONDIS_VC_OP_ACTIVATE)
		vc_finish_activation(vc, status);
	else
		vc_finish_deactivation(vc, status);
	condis_pending_end(p);
	spin_unlock_bh(&vc->lock);
	if (op == CONDIS_VC_OP_ACTIVATE)
		vc->cm_ops->activate_vc_complete(status, vc->cm_vc_ctx, params);
	else
		vc->cm_ops->deactivate_vc_complete(status, vc->cm_vc_ctx);
}

/**
 * condis_cm_activate_vc() - a stand-alone CM activates or re-activates a VC
 *	(NdisCmActivateVc)
 * @vc: the VC
 * @params: the parameters; the CM's buffer, resident until completion and,
 *	on success, for as long as the VC is active with them
 *
 * The miniport's activate_vc runs before this returns.  As NDIS documents,
 * a result the miniport gives at once is returned here and no completion
 * follows; %CONDIS_PENDING means activate_vc_complete reports it once.
 *
 * Context: any.
 * Return: 0, %CONDIS_PENDING, the miniport's error (the VC keeps its
 * previous state and parameters), -EBADF, -EINVAL (an MCM's VC, or no
 * @params), -EBUSY if an activation is in flight, -ESHUTDOWN if a
 * deactivation is.
 */
int condis_cm_activate_vc(struct condis_vc *vc, struct condis_call_params *params)
{
	int err = 0, ret;

	if (!condis_vc_handle(vc, "cm_activate_vc"))
		return -EBADF;
	spin_lock_bh(&vc->lock);
	if (vc->mcm || !params)
		err = -EINVAL;
	else if (vc->state == CONDIS_VC_STATE_ACTIVATING)
		err = -EBUSY;
	else if (vc->state == CONDIS_VC_STATE_DEACTIVATING || vc->state == CONDIS_VC_STATE_DELETED)
		err = -ESHUTDOWN;
	else if (!condis_pending_start(&vc->act, CONDIS_VC_OP_ACTIVATE))
		err = -EBUSY;
	if (!err) {
		vc->before = vc->state;
		vc_set_state(vc, CONDIS_VC_STATE_ACTIVATING);
		vc->new_params = params;
	}
	spin_unlock_bh(&vc->lock);
	if (err) {
		condis_bad_input("cm_activate_vc: VC %u cannot be activated now (%d)",
				 vc->obj.id, err);
		condis_vc_put(vc);
		return err;
	}

	ret = vc->adapter->miniport->ops->activate_vc(vc->mp_vc_ctx, params);
	spin_lock_bh(&vc->lock);
	ret = condis_pending_returned(&vc->act, ret, "activate_vc");
	if (ret != CONDIS_PENDING) {
		vc_finish_activation(vc, ret);
		condis_pending_end(&vc->act);
	}
	spin_unlock_bh(&vc->lock);
	condis_vc_put(vc);
	return ret;
}
EXPORT_SYMBOL_NS_GPL(condis_cm_activate_vc, CONDIS);

/*
 * Accept the miniport's completion of @op, under vc->lock.  Return: true
 * if the caller is to queue its delivery now; a successful deactivation
 * is held until the data path has drained (condis_vc_deactivation_drained()).
 */
static bool vc_act_accept(struct condis_vc *vc, unsigned int op, int status, const char *who)
{
	bool hold;

	lockdep_assert_held(&vc->lock);
	if (!condis_pending_complete(&vc->act, op, status, who))
		return false;
	if (op != CONDIS_VC_OP_DEACTIVATE)
		return true;
	hold = !vc->act.status && !condis_vc_drained(vc);
	condis_vc_data_wait_drain(vc, hold);
	return !hold;
}

/*
 * A miniport completes the activation or the deactivation (@op) it
 * pended: accepted once, then delivered to the CM from the workqueue.
 */
static void vc_miniport_done(struct condis_vc *vc, int status, unsigned int op, const char *who)
{
	bool deliver;

	if (!condis_vc_handle(vc, who))
		return;
	spin_lock_bh(&vc->lock);
	deliver = vc_act_accept(vc, op, status, who);
	spin_unlock_bh(&vc->lock);
	if (deliver)
		condis_pending_queue(&vc->act);
	condis_vc_put(vc);
}

/**
 * condis_vc_deactivation_drained() - the data path a finished deactivation
 *	waited for has drained: deliver it
 * @vc: the VC
 *
 * Context: under vc->lock.
 */
void condis_vc_deactivation_drained(struct condis_vc *vc)
{
	lockdep_assert_held(&vc->lock);
	condis_pending_queue(&vc->act);
}

/**
 * condis_mco_activate_vc_complete() - a miniport finishes a pended
 *	activate_vc (NdisMCoActivateVcComplete)
 * @status: 0 or why the activation failed
 * @vc: the VC
 * @params: the buffer activate_vc was given, possibly with rates the
 *	miniport rounded in place; the CM gets its own buffer back
 *
 * The CM's activate_vc_complete runs once, from condis's workqueue.
 *
 * Context: any.
 */
void condis_mco_activate_vc_complete(int status, struct condis_vc *vc,
				     struct condis_call_params *params)
{
	vc_miniport_done(vc, status, CONDIS_VC_OP_ACTIVATE, "mco_activate_vc_complete");
}
EXPORT_SYMBOL_NS_GPL(condis_mco_activate_vc_complete, CONDIS);

/**
 * condis_cm_deactivate_vc() - a stand-alone CM deactivates a VC
 *	(NdisCmDeactivateVc)
 * @vc: an active VC
 *
 * The miniport's deactivate_vc runs once per deactivation, before this
 * returns; after it completes no data moves on the VC and its parameters
 * are forgotten.  A result the miniport gives at once is returned here,
 * unless skbs sent on the VC are still with the miniport or received ones
 * with a protocol: then the deactivation completes (%CONDIS_PENDING,
 * deactivate_vc_complete) once they are all back.
 *
 * Context: any.
 * Return: 0, %CONDIS_PENDING (deactivate_vc_complete follows, once),
 * -EBADF, -EINVAL (an MCM's VC, or not active), -EBUSY if an activation is
 * in flight, -ESHUTDOWN if a deactivation already is.
 */
int condis_cm_deactivate_vc(struct condis_vc *vc)
{
	int err = 0, ret;

	if (!condis_vc_handle(vc, "cm_deactivate_vc"))
		return -EBADF;
	condis_vc_drop_held(vc);	/* the call never connected: nobody gets them */
	spin_lock_bh(&vc->lock);
	if (vc->mcm)
		err = -EINVAL;
	else if (vc->state == CONDIS_VC_STATE_ACTIVATING)
		err = -EBUSY;
	else if (vc->state == CONDIS_VC_STATE_DEACTIVATING)
		err = -ESHUTDOWN;
	else if (vc->state != CONDIS_VC_STATE_ACTIVE)
		err = -EINVAL;
	else if (!condis_pending_start(&vc->act, CONDIS_VC_OP_DEACTIVATE))
		err = -EBUSY;
	if (!err)
		vc_set_state(vc, CONDIS_VC_STATE_DEACTIVATING);
	spin_unlock_bh(&vc->lock);
	if (err) {
		condis_bad_input("cm_deactivate_vc: VC %u cannot be deactivated now (%d)",
				 vc->obj.id, err);
		condis_vc_put(vc);
		return err;
	}

	ret = vc->adapter->miniport->ops->deactivate_vc(vc->mp_vc_ctx);
	spin_lock_bh(&vc->lock);
	ret = condis_pending_returned(&vc->act, ret, "deactivate_vc");
	if (!ret && !condis_vc_drained(vc)) {
		/* Done before its skbs are back: the completion follows then. */
		condis_pending_answer(&vc->act, 0);
		condis_vc_data_wait_drain(vc, true);
		ret = CONDIS_PENDING;
	} else if (ret != CONDIS_PENDING) {
		vc_finish_deactivation(vc, ret);
		condis_pending_end(&vc->act);
	}
	spin_unlock_bh(&vc->lock);
	condis_vc_put(vc);
	return ret;
}
EXPORT_SYMBOL_NS_GPL(condis_cm_deactivate_vc, CONDIS);

/**
 * condis_mco_deactivate_vc_complete() - a miniport finishes a pended
 *	deactivate_vc (NdisMCoDeactivateVcComplete)
 * @status: the result
 * @vc: the VC
 *
 * The CM's deactivate_vc_complete runs once, from condis's workqueue.
 *
 * Context: any.
 */
void condis_mco_deactivate_vc_complete(int status, struct condis_vc *vc)
{
	vc_miniport_done(vc, status, CONDIS_VC_OP_DEACTIVATE, "mco_deactivate_vc_complete");
}
EXPORT_SYMBOL_NS_GPL(condis_mco_deactivate_vc_complete, CONDIS);

/**
 * condis_mcm_activate_vc() - an MCM tells condis a client VC is ready, or
 *	has new parameters (NdisMCmActivateVc)
 * @vc: a client VC on the MCM's adapter
 * @params: the parameters, the MCM's buffer
 *
 * Synchronous: condis never calls an MCM's activate_vc_complete (NDIS's
 * documentation contradicts itself here; see Documentation/core.rst).
 *
 * Context: any.
 * Return: 0, -EBADF, -EINVAL (not an MCM's VC, no @params, deleted).
 */
int condis_mcm_activate_vc(struct condis_vc *vc, struct condis_call_params *params)
{
	int err = 0;

	if (!condis_vc_handle(vc, "mcm_activate_vc"))
		return -EBADF;
	spin_lock_bh(&vc->lock);
	if (!vc->mcm || !params || vc->state == CONDIS_VC_STATE_DELETED) {
		err = -EINVAL;
	} else {
		vc_set_state(vc, CONDIS_VC_STATE_ACTIVE);
		vc->params = params;
		vc->activations++;
	}
	spin_unlock_bh(&vc->lock);
	if (err)
		condis_bad_input("mcm_activate_vc: VC %u is no MCM VC to activate", vc->obj.id);
	condis_vc_put(vc);
	return err;
}
EXPORT_SYMBOL_NS_GPL(condis_mcm_activate_vc, CONDIS);

/**
 * condis_mcm_deactivate_vc() - an MCM marks a client VC inactive
 *	(NdisMCmDeactivateVc)
 * @vc: an active client VC on the MCM's adapter
 *
 * Context: any.
 * Return: 0, -EBADF, -EINVAL (not an MCM's VC), -EALREADY if it is not
 * active (NDIS_STATUS_NOT_ACCEPTED), -EBUSY while skbs sent on it are not
 * completed or received ones not returned.
 */
int condis_mcm_deactivate_vc(struct condis_vc *vc)
{
	unsigned int sent = 0, kept = 0;
	int err = 0;

	if (!condis_vc_handle(vc, "mcm_deactivate_vc"))
		return -EBADF;
	condis_vc_drop_held(vc);	/* the call never connected: nobody gets them */
	spin_lock_bh(&vc->lock);
	if (!vc->mcm) {
		err = -EINVAL;
	} else if (vc->state != CONDIS_VC_STATE_ACTIVE) {
		err = -EALREADY;
	} else if (!condis_vc_drained(vc)) {
		err = -EBUSY;	/* complete the sends, get the receives back first */
		condis_vc_data_outstanding(vc, &sent, &kept);
	} else {
		vc_finish_deactivation(vc, 0);
	}
	spin_unlock_bh(&vc->lock);
	if (err)
		condis_bad_input("mcm_deactivate_vc: VC %u not deactivated (%d; %u sent, %u kept)",
				 vc->obj.id, err, sent, kept);
	condis_vc_put(vc);
	return err;
}
EXPORT_SYMBOL_NS_GPL(condis_mcm_deactivate_vc, CONDIS);

/*
 * Teardown: the other side of a VC is gone.  teardown.c puts these steps
 * in NDIS's order and waits between them.
 */

/**
 * condis_vc_inactive() - whether a VC is inactive
 * @vc: the VC
 *
 * Context: any.
 * Return: true if so.
 */
bool condis_vc_inactive(struct condis_vc *vc)
{
	return READ_ONCE(vc->state) == CONDIS_VC_STATE_INACTIVE;
}

/**
 * condis_vc_deleted() - whether a VC is deleted
 * @vc: the VC, referenced by the caller
 *
 * Context: any.
 * Return: true if so.
 */
bool condis_vc_deleted(struct condis_vc *vc)
{
	return READ_ONCE(vc->state) == CONDIS_VC_STATE_DELETED;
}

/**
 * condis_vc_needs_deactivation() - whether a VC is active, or being
 *	deactivated
 * @vc: the VC
 *
 * Context: any.
 * Return: true if so.
 */
bool condis_vc_needs_deactivation(struct condis_vc *vc)
{
	enum condis_vc_state state = READ_ONCE(vc->state);

	return state == CONDIS_VC_STATE_ACTIVE || state == CONDIS_VC_STATE_DEACTIVATING;
}

/**
 * condis_vc_deactivate_for_cm() - deactivate a VC its call manager left
 *	active
 * @vc: the VC, referenced by the caller
 *
 * Through the miniport for a stand-alone CM, as the CM would; an MCM's VC
 * is marked inactive, as the MCM would.
 *
 * Context: any.
 */
void condis_vc_deactivate_for_cm(struct condis_vc *vc)
{
	if (READ_ONCE(vc->state) != CONDIS_VC_STATE_ACTIVE)
		return;
	if (vc->mcm)
		condis_mcm_deactivate_vc(vc);
	else
		condis_cm_deactivate_vc(vc);
}

/**
 * condis_vc_deactivated_for_miniport() - the miniport will not answer:
 *	complete the deactivation it owes
 * @vc: the VC, referenced by the caller
 *
 * The CM's deactivate_vc_complete follows once, once the data path has
 * drained.
 *
 * Context: any.
 */
void condis_vc_deactivated_for_miniport(struct condis_vc *vc)
{
	bool deliver;

	spin_lock_bh(&vc->lock);
	deliver = condis_pending_owed(&vc->act) == CONDIS_VC_OP_DEACTIVATE &&
		  vc_act_accept(vc, CONDIS_VC_OP_DEACTIVATE, 0, "teardown");
	spin_unlock_bh(&vc->lock);
	if (deliver)
		condis_pending_queue(&vc->act);
}

/**
 * condis_vc_delete_for_client() - delete a VC its client created, for the
 *	client
 * @vc: the VC, referenced by the caller, with no call
 *
 * Context: any.
 * Return: true if the client created @vc (deleted, or refused and warned
 * about); false if the VC is a call manager's.
 */
bool condis_vc_delete_for_client(struct condis_vc *vc)
{
	if (vc->creator != CONDIS_VC_CREATOR_CLIENT)
		return false;
	condis_co_delete_vc(vc);
	return true;
}

/**
 * condis_vc_delete_for_cm() - delete a VC its call manager left, for the CM
 * @vc: the VC, referenced by the caller, with no call
 *
 * Context: any.
 */
void condis_vc_delete_for_cm(struct condis_vc *vc)
{
	if (condis_vc_deleted(vc))
		return;
	pr_warn("teardown: VC %u deleted for its call manager\n", vc->obj.id);
	if (vc->creator == CONDIS_VC_CREATOR_MCM)
		condis_mcm_delete_vc(vc);
	else
		condis_co_delete_vc(vc);
}
