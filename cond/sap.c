// SPDX-License-Identifier: GPL-2.0
/*
 * Service access points.
 *
 * Registration (NdisClRegisterSap): the SAP is published in its AF's SAP
 * table before the CM's register_sap runs, so an incoming call may be
 * routed to it before the registration completes.
 *
 * Deregistration (NdisClDeregisterSap), the seed of this project:
 *  1. the client calls condis_cl_deregister_sap(); the handle is stale for
 *     the client at once and the SAP leaves the table, so no new call can
 *     be routed to it; the call returns %CONDIS_PENDING and never blocks;
 *  2. condis's workqueue calls the CM's deregister_sap, which frees what
 *     it allocated for the SAP;
 *  3. the CM finishes synchronously or returns %CONDIS_PENDING and calls
 *     condis_cm_deregister_sap_complete() later;
 *  4. either way the client's deregister_sap_complete runs exactly once;
 *  5. calls already received on the SAP, and their VCs, are not touched.
 */
#include <linux/slab.h>

#include "core.h"
#include "netlink.h"
#include "objects.h"
#include "trace.h"

/* Every state change of a SAP goes through here, under its AF's lock. */
static void sap_set_state(struct condis_sap *sap, enum condis_sap_state state)
{
	lockdep_assert_held(&sap->af->lock);
	trace_condis_sap_state(sap, state);
	condis_nl_notify_sap(sap, state == CONDIS_SAP_STATE_GONE ? CONDIS_EVENT_TYPE_DEL
								 : CONDIS_EVENT_TYPE_CHANGE,
			     sap->state, state);
	WRITE_ONCE(sap->state, state);	/* lookups read it without the lock */
}

static void condis_sap_release(struct condis_obj *obj)
{
	struct condis_sap *sap = container_of(obj, struct condis_sap, obj);

	condis_ctx_release(sap->af->cl_release, sap->cl_sap_ctx);
	condis_ctx_release(sap->af->cm_release, sap->cm_sap_ctx);
	condis_af_put(sap->af);
	kfree(sap);
}

static struct condis_sap *condis_sap_get(struct condis_sap *sap)
{
	return condis_obj_get_handle(sap, CONDIS_OBJ_SAP) ? sap : NULL;
}

/**
 * condis_sap_put() - drop a reference condis_cm_lookup_sap() returned
 * @sap: the SAP
 *
 * Context: any.
 */
void condis_sap_put(struct condis_sap *sap)
{
	condis_obj_put(&sap->obj);
}
EXPORT_SYMBOL_NS_GPL(condis_sap_put, CONDIS);

/* The SAP is gone: off its AF, handle stale, the registration's ref dropped. */
static void condis_sap_finish(struct condis_sap *sap)
{
	struct condis_af *af = sap->af;

	spin_lock_bh(&af->lock);
	sap_set_state(sap, CONDIS_SAP_STATE_GONE);
	list_del(&sap->af_node);
	af->nr_saps--;
	spin_unlock_bh(&af->lock);
	condis_obj_unpublish(&sap->obj);
	condis_sap_put(sap);
}

static void condis_sap_unpublish_address(struct condis_sap *sap)
{
	condis_sap_table_remove(&sap->af->cm_af->saps, &sap->sn);
}

static void condis_sap_deregister_fn(struct work_struct *work);
static void condis_sap_deregister_done_fn(struct work_struct *work);

/* Workqueue: deliver the result of a pended registration to the client. */
static void condis_sap_register_complete_fn(struct work_struct *work)
{
	struct condis_sap *sap = container_of(work, struct condis_sap, reg_work);
	int status = sap->status;

	if (status) {
		condis_sap_unpublish_address(sap);
		condis_sap_finish(sap);
	} else {
		spin_lock_bh(&sap->af->lock);
		sap_set_state(sap, CONDIS_SAP_STATE_REGISTERED);
		spin_unlock_bh(&sap->af->lock);
	}
	sap->af->cl_ops->register_sap_complete(status, sap->cl_sap_ctx, &sap->addr,
					       status ? NULL : sap);
	condis_sap_put(sap);	/* the queued work's */
}

/**
 * condis_cl_register_sap() - a client registers a SAP (NdisClRegisterSap)
 * @af: an open AF of the client
 * @cl_sap_ctx: the client's context for the SAP
 * @addr: the SAP; condis keeps a copy
 * @sap: set to the SAP handle before the CM is asked, since calls may be
 *	routed to the SAP before the registration completes
 *
 * An address already registered on the AF (by any client) is refused
 * before the CM is asked.
 *
 * Context: any.
 * Return: 0 if the CM registered the SAP synchronously; %CONDIS_PENDING if
 * register_sap_complete will report the result; otherwise an error and no
 * completion: -EBADF (bad handle), -EINVAL (bad address, AF not open),
 * -EADDRINUSE (already registered), -ENOMEM, or the CM's own error.
 */
int condis_cl_register_sap(struct condis_af *af, void *cl_sap_ctx,
			   const struct condis_sap_addr *addr, struct condis_sap **sap)
{
	struct condis_sap *s;
	void *cm_sap_ctx = NULL;
	int err, ret;

	if (!condis_obj_get_handle(af, CONDIS_OBJ_AF)) {
		condis_bad_input("cl_register_sap: bad AF handle %p", af);
		return -EBADF;
	}
	if (!condis_sap_addr_valid(addr) || !sap) {
		condis_bad_input("cl_register_sap: no SAP or one longer than %d bytes",
				 CONDIS_SAP_ADDR_MAX);
		err = -EINVAL;
		goto err_put_af;
	}
	s = kzalloc(condis_sap_addr_size(addr) + offsetof(struct condis_sap, addr), GFP_ATOMIC);
	if (!s) {
		err = -ENOMEM;
		goto err_put_af;
	}
	condis_obj_init(&s->obj, CONDIS_OBJ_SAP, condis_sap_release);
	s->af = af;			/* keeps the handle lookup's reference */
	s->cl_sap_ctx = cl_sap_ctx;
	s->state = CONDIS_SAP_STATE_REGISTERING;
	/*
	 * Header and bytes separately: one memcpy() over &s->addr writes past
	 * the fixed part of the field, which FORTIFY_SOURCE reports.
	 */
	s->addr.type = addr->type;
	s->addr.len = addr->len;
	memcpy(s->addr.addr, addr->addr, addr->len);
	s->sn.addr = &s->addr;
	INIT_WORK(&s->reg_work, condis_sap_register_complete_fn);
	INIT_WORK(&s->dereg_work, condis_sap_deregister_fn);
	INIT_WORK(&s->done_work, condis_sap_deregister_done_fn);

	spin_lock_bh(&af->lock);
	if (af->state != CONDIS_AF_STATE_OPEN) {
		spin_unlock_bh(&af->lock);
		condis_bad_input("cl_register_sap: AF %u is not open", af->obj.id);
		s->cl_sap_ctx = NULL;	/* a failed call keeps no context */
		condis_sap_put(s);	/* frees s, drops the AF reference */
		return -EINVAL;
	}
	err = condis_sap_table_insert(&af->cm_af->saps, &s->sn);
	if (!err)
		err = condis_obj_publish(&s->obj);
	if (err) {
		spin_unlock_bh(&af->lock);
		s->cl_sap_ctx = NULL;
		condis_sap_put(s);
		return err;
	}
	list_add_tail(&s->af_node, &af->saps);
	af->nr_saps++;
	trace_condis_sap_state(s, CONDIS_SAP_STATE_REGISTERING);
	condis_nl_notify_sap(s, CONDIS_EVENT_TYPE_NEW, 0, CONDIS_SAP_STATE_REGISTERING);
	spin_unlock_bh(&af->lock);
	*sap = s;

	ret = af->cm_af->cm_ops->register_sap(af->cm_af_ctx, &s->addr, s, &cm_sap_ctx);
	if (ret == CONDIS_PENDING)
		return CONDIS_PENDING;
	if (test_and_set_bit(CONDIS_SAP_REG_DONE, &s->flags)) {
		/* The CM completed and also returned a result: take the completion. */
		condis_bad_input("register_sap of %s returned %d after completing",
				 af->binding->adapter->name, ret);
		if (!ret && cm_sap_ctx != READ_ONCE(s->cm_sap_ctx))
			condis_ctx_release(af->cm_release, cm_sap_ctx);	/* not kept */
		return CONDIS_PENDING;
	}
	if (ret) {
		condis_sap_unpublish_address(s);
		s->cl_sap_ctx = NULL;
		condis_sap_finish(s);
		*sap = NULL;
		return ret;
	}
	s->cm_sap_ctx = cm_sap_ctx;
	spin_lock_bh(&af->lock);
	sap_set_state(s, CONDIS_SAP_STATE_REGISTERED);
	spin_unlock_bh(&af->lock);
	return 0;

err_put_af:
	condis_af_put(af);
	return err;
}
EXPORT_SYMBOL_NS_GPL(condis_cl_register_sap, CONDIS);

/**
 * condis_cm_register_sap_complete() - finish a pended register_sap
 *	(NdisCmRegisterSapComplete, NdisMCmRegisterSapComplete)
 * @status: 0 or why the SAP was refused
 * @sap: the SAP handle register_sap was given
 * @cm_sap_ctx: the CM's context for the SAP; ignored on failure
 *
 * On failure the SAP handle is stale once the client has been told.
 *
 * Context: any.
 */
void condis_cm_register_sap_complete(int status, struct condis_sap *sap, void *cm_sap_ctx)
{
	if (!condis_sap_get(sap)) {
		condis_bad_input("cm_register_sap_complete: bad SAP handle %p", sap);
		return;
	}
	if (test_and_set_bit(CONDIS_SAP_REG_DONE, &sap->flags)) {
		condis_bad_input("cm_register_sap_complete: SAP %u completed twice", sap->obj.id);
		/* A refused success's context would have been kept: it is released. */
		if (!status && cm_sap_ctx != READ_ONCE(sap->cm_sap_ctx))
			condis_ctx_release(sap->af->cm_release, cm_sap_ctx);
		condis_sap_put(sap);
		return;
	}
	status = condis_completion_status(status, "cm_register_sap_complete");
	if (!status)
		sap->cm_sap_ctx = cm_sap_ctx;
	sap->status = status;
	/* The work inherits our reference; the client hears from the workqueue. */
	queue_work(condis_wq_get(), &sap->reg_work);
}
EXPORT_SYMBOL_NS_GPL(condis_cm_register_sap_complete, CONDIS);

/*
 * Workqueue: the deregistration is over; tell the client, once.  Not while
 * the client is inside incoming_call for this SAP, whose context it may
 * free once told: the last such dispatch queues this again.
 */
static void condis_sap_deregister_done_fn(struct work_struct *work)
{
	struct condis_sap *sap = container_of(work, struct condis_sap, done_work);
	const struct condis_cl_ops *cl = sap->af->cl_ops;
	void *cl_sap_ctx = sap->cl_sap_ctx;
	int status = sap->status;
	bool defer;

	spin_lock_bh(&sap->af->lock);
	defer = sap->nr_dispatching;
	sap->done_deferred = defer;
	spin_unlock_bh(&sap->af->lock);
	if (defer)
		return;

	condis_sap_finish(sap);
	cl->deregister_sap_complete(status, cl_sap_ctx);
	condis_sap_put(sap);	/* the deregistration's */
}

/* Workqueue: step 2 of the seed, the CM's deregister_sap. */
static void condis_sap_deregister_fn(struct work_struct *work)
{
	struct condis_sap *sap = container_of(work, struct condis_sap, dereg_work);
	int ret;

	ret = sap->af->cm_af->cm_ops->deregister_sap(sap->cm_sap_ctx);
	if (ret == CONDIS_PENDING) {
		set_bit(CONDIS_SAP_DEREG_PENDED, &sap->flags);
		return;		/* condis_cm_deregister_sap_complete() follows */
	}
	if (test_and_set_bit(CONDIS_SAP_DEREG_DONE, &sap->flags)) {
		condis_bad_input("deregister_sap returned %d after completing SAP %u",
				 ret, sap->obj.id);
		return;
	}
	sap->status = ret;
	condis_sap_deregister_done_fn(&sap->done_work);
}

/**
 * condis_sap_dispatch_begin() - an incoming call is being offered on @sap
 * @sap: the SAP, its AF's lock held
 *
 * Until condis_sap_dispatch_end(), the client's deregister_sap_complete
 * for @sap is held back.
 */
void condis_sap_dispatch_begin(struct condis_sap *sap)
{
	lockdep_assert_held(&sap->af->lock);
	sap->nr_dispatching++;
}

/**
 * condis_sap_dispatch_end() - the client's incoming_call for @sap returned
 * @sap: the SAP
 */
void condis_sap_dispatch_end(struct condis_sap *sap)
{
	bool queue;

	spin_lock_bh(&sap->af->lock);
	queue = !--sap->nr_dispatching && sap->done_deferred;
	if (queue)
		sap->done_deferred = false;
	spin_unlock_bh(&sap->af->lock);
	if (queue)
		queue_work(condis_wq_get(), &sap->done_work);
}

/**
 * condis_cl_deregister_sap() - a client releases a SAP (NdisClDeregisterSap)
 * @sap: a registered SAP of the client
 *
 * The handle is stale for the client as soon as this is called; no new
 * incoming call is routed to the SAP, while calls already received on it
 * carry on.  The CM's deregister_sap runs on condis's workqueue, so this
 * never blocks, and deregister_sap_complete reports the result exactly once.
 *
 * Context: any.
 * Return: %CONDIS_PENDING; or, with no completion to follow, -EBADF for a
 * bad or already deregistered handle, -EBUSY if the registration has not
 * completed yet, -ESHUTDOWN if the AF is closing.
 */
int condis_cl_deregister_sap(struct condis_sap *sap)
{
	struct condis_af *af;
	int err = 0;

	if (!condis_sap_get(sap)) {
		condis_bad_input("cl_deregister_sap: bad SAP handle %p", sap);
		return -EBADF;
	}
	af = sap->af;
	spin_lock_bh(&af->lock);
	if (sap->state == CONDIS_SAP_STATE_DEREGISTERING || sap->state == CONDIS_SAP_STATE_GONE)
		err = -EBADF;
	else if (sap->state == CONDIS_SAP_STATE_REGISTERING)
		err = -EBUSY;
	else if (af->state == CONDIS_AF_STATE_CLOSING)
		err = -ESHUTDOWN;
	else
		sap_set_state(sap, CONDIS_SAP_STATE_DEREGISTERING);
	spin_unlock_bh(&af->lock);
	if (err) {
		condis_bad_input("cl_deregister_sap: SAP %u cannot be deregistered now (%d)",
				 sap->obj.id, err);
		condis_sap_put(sap);
		return err;
	}

	/* Seed step 1: no new call reaches the SAP from here on. */
	condis_sap_unpublish_address(sap);
	queue_work(condis_wq_get(), &sap->dereg_work);	/* keeps our reference */
	return CONDIS_PENDING;
}
EXPORT_SYMBOL_NS_GPL(condis_cl_deregister_sap, CONDIS);

/**
 * condis_cm_deregister_sap_complete() - finish a pended deregister_sap
 *	(NdisCmDeregisterSapComplete, NdisMCmDeregisterSapComplete)
 * @status: the result, passed to the client unchanged
 * @sap: the SAP handle
 *
 * The SAP handle is stale for the CM when this returns.
 *
 * Context: any.
 */
void condis_cm_deregister_sap_complete(int status, struct condis_sap *sap)
{
	if (!condis_sap_get(sap)) {
		condis_bad_input("cm_deregister_sap_complete: bad SAP handle %p", sap);
		return;
	}
	if (READ_ONCE(sap->state) != CONDIS_SAP_STATE_DEREGISTERING ||
	    test_and_set_bit(CONDIS_SAP_DEREG_DONE, &sap->flags)) {
		condis_bad_input("cm_deregister_sap_complete: SAP %u is not being deregistered",
				 sap->obj.id);
		condis_sap_put(sap);
		return;
	}
	status = condis_completion_status(status, "cm_deregister_sap_complete");
	sap->status = status;
	condis_sap_put(sap);
	/* The client hears from the workqueue, never inside the CM's call. */
	queue_work(condis_wq_get(), &sap->done_work);
}
EXPORT_SYMBOL_NS_GPL(condis_cm_deregister_sap_complete, CONDIS);

/**
 * condis_cm_lookup_sap() - route an incoming call to a SAP
 * @cm_af: the call manager's address family registration
 * @addr: the called address
 *
 * Matches exactly, then the wildcard SAP of @addr's type
 * (Documentation/sap-table.rst), in constant time.  A SAP being
 * deregistered is never returned.
 *
 * Context: any.
 * Return: the SAP with a reference the caller drops with condis_sap_put(),
 * or NULL.
 */
struct condis_sap *condis_cm_lookup_sap(struct condis_cm_af *cm_af,
					const struct condis_sap_addr *addr)
{
	struct condis_sap_node *sn;
	struct condis_sap *sap = NULL;
	struct condis_obj *obj;

	obj = condis_obj_get_handle(cm_af, CONDIS_OBJ_CM_AF);
	if (!obj || !condis_sap_addr_valid(addr)) {
		condis_bad_input("cm_lookup_sap: bad AF handle %p or address", cm_af);
		if (obj)
			condis_obj_put(obj);
		return NULL;
	}
	rcu_read_lock();
	sn = condis_sap_table_match(&cm_af->saps, addr);
	if (sn) {
		sap = container_of(sn, struct condis_sap, sn);
		if (!kref_get_unless_zero(&sap->obj.ref))
			sap = NULL;
	}
	rcu_read_unlock();
	condis_obj_put(obj);
	if (sap && READ_ONCE(sap->state) > CONDIS_SAP_STATE_REGISTERED) {
		/* Lost the race with condis_cl_deregister_sap(): not routable. */
		condis_sap_put(sap);
		sap = NULL;
	}
	return sap;
}
EXPORT_SYMBOL_NS_GPL(condis_cm_lookup_sap, CONDIS);

/**
 * condis_sap_cm_context() - the CM's context of a SAP
 * @sap: a SAP the CM holds (from condis_cm_lookup_sap())
 *
 * Context: any.
 * Return: what the CM gave at registration.
 */
void *condis_sap_cm_context(struct condis_sap *sap)
{
	return sap->cm_sap_ctx;
}
EXPORT_SYMBOL_NS_GPL(condis_sap_cm_context, CONDIS);

/**
 * condis_sap_af() - the open AF a SAP was registered on
 * @sap: a SAP the CM holds
 *
 * Context: any.
 * Return: the AF handle of the client that owns the SAP.
 */
struct condis_af *condis_sap_af(struct condis_sap *sap)
{
	return sap->af;
}
EXPORT_SYMBOL_NS_GPL(condis_sap_af, CONDIS);
