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
#include "pending.h"
#include "trace.h"

/* The operations of a SAP, each in its own slot (struct condis_pending). */
enum {
	SAP_OP_REGISTER = 1,	/* the CM's register_sap */
	SAP_OP_DEREGISTER,	/* the CM's deregister_sap */
};

/* Every state change of a SAP goes through here, under its AF's lock. */
static void sap_set_state(struct condis_sap *sap, enum condis_sap_state state)
{
	lockdep_assert_held(&sap->af->lock);
	trace_condis_sap_state(sap, state);
	condis_nl_notify_sap(sap, state == CONDIS_SAP_STATE_GONE ? CONDIS_EVENT_TYPE_DEL
								 : CONDIS_EVENT_TYPE_CHANGE,
			     sap->state, state);
	WRITE_ONCE(sap->state, state);	/* lookups read it without the lock */
	condis_settle_wake();		/* teardown waits for SAP states */
}

static void condis_sap_release(struct condis_obj *obj)
{
	struct condis_sap *sap = container_of(obj, struct condis_sap, obj);

	condis_ctx_release(sap->af->cl_release, sap->cl_sap_ctx);
	condis_ctx_release(sap->af->cm_release, sap->cm_sap_ctx);
	condis_af_put(sap->af);
	kfree(sap);
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

static struct condis_sap *condis_sap_get(struct condis_sap *sap, const char *who)
{
	return condis_handle_get(sap, CONDIS_OBJ_SAP, who) ? sap : NULL;
}

/* The SAP is gone, under its AF's lock: off the AF (see sap_drop()). */
static void sap_gone(struct condis_sap *sap)
{
	lockdep_assert_held(&sap->af->lock);
	sap_set_state(sap, CONDIS_SAP_STATE_GONE);
	list_del(&sap->af_node);
	sap->af->nr_saps--;
}

/* After sap_gone(): handle stale, the registration's reference dropped. */
static void sap_drop(struct condis_sap *sap)
{
	condis_obj_unpublish(&sap->obj);
	condis_sap_put(sap);
}

static void condis_sap_unpublish_address(struct condis_sap *sap)
{
	condis_sap_table_remove(&sap->af->cm_af->saps, &sap->sn);
}

/*
 * The registration is over, under the AF's lock: the SAP is registered,
 * or gone (true: the caller unpublishes its address and drops it).
 */
static bool sap_register_end(struct condis_sap *sap, int status)
{
	lockdep_assert_held(&sap->af->lock);
	condis_pending_end(&sap->reg);
	if (!status) {
		sap_set_state(sap, CONDIS_SAP_STATE_REGISTERED);
		return false;
	}
	sap_gone(sap);
	return true;
}

/* Workqueue: deliver the result of a pended registration to the client. */
static void sap_register_deliver(struct condis_pending *p)
{
	struct condis_sap *sap = container_of(p, struct condis_sap, reg);
	struct condis_af *af = sap->af;
	bool gone;
	int status;

	spin_lock_bh(&af->lock);
	status = p->status;
	gone = sap_register_end(sap, status);
	spin_unlock_bh(&af->lock);
	if (gone) {
		condis_sap_unpublish_address(sap);
		sap_drop(sap);
	}
	af->cl_ops->register_sap_complete(status, sap->cl_sap_ctx, &sap->addr,
					  status ? NULL : sap);
}

static void sap_deregister_deliver(struct condis_pending *p);
static void condis_sap_deregister_fn(struct work_struct *work);

/* A new SAP on @af, holding @af's reference the caller took; NULL: no memory. */
static struct condis_sap *sap_new(struct condis_af *af, void *cl_sap_ctx,
				  const struct condis_sap_addr *addr)
{
	struct condis_sap *s;

	s = kzalloc(condis_sap_addr_size(addr) + offsetof(struct condis_sap, addr), GFP_ATOMIC);
	if (!s)
		return NULL;
	condis_obj_init(&s->obj, CONDIS_OBJ_SAP, condis_sap_release);
	s->af = af;
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
	condis_pending_init(&s->reg, &af->lock, &s->obj, sap_register_deliver);
	condis_pending_init(&s->dereg, &af->lock, &s->obj, sap_deregister_deliver);
	INIT_WORK(&s->dereg_work, condis_sap_deregister_fn);
	return s;
}

/* Publish @s on its open AF, its registration in flight; else an error. */
static int sap_add(struct condis_sap *s)
{
	struct condis_af *af = s->af;
	int err;

	spin_lock_bh(&af->lock);
	if (af->state != CONDIS_AF_STATE_OPEN) {
		spin_unlock_bh(&af->lock);
		condis_bad_input("cl_register_sap: AF %u is not open", af->obj.id);
		return -EINVAL;
	}
	err = condis_sap_table_insert(&af->cm_af->saps, &s->sn);
	if (!err)
		err = condis_obj_publish(&s->obj);
	if (err) {
		spin_unlock_bh(&af->lock);
		return err;
	}
	list_add_tail(&s->af_node, &af->saps);
	af->nr_saps++;
	condis_pending_start(&s->reg, SAP_OP_REGISTER);
	trace_condis_sap_state(s, CONDIS_SAP_STATE_REGISTERING);
	condis_nl_notify_sap(s, CONDIS_EVENT_TYPE_NEW, 0, CONDIS_SAP_STATE_REGISTERING);
	spin_unlock_bh(&af->lock);
	return 0;
}

/* The CM's register_sap returned @ret (not pending): the answer, if it is one. */
static int sap_register_returned(struct condis_sap *s, int ret, void *cm_sap_ctx)
{
	struct condis_af *af = s->af;
	bool gone;

	spin_lock_bh(&af->lock);
	if (condis_pending_returned_op(&s->reg, SAP_OP_REGISTER, ret, "register_sap") ==
	    CONDIS_PENDING) {
		/* The CM completed and also returned a result: take the completion. */
		spin_unlock_bh(&af->lock);
		if (!ret && cm_sap_ctx != READ_ONCE(s->cm_sap_ctx))
			condis_ctx_release(af->cm_release, cm_sap_ctx);	/* not kept */
		return CONDIS_PENDING;
	}
	if (!ret)
		s->cm_sap_ctx = cm_sap_ctx;
	else
		s->cl_sap_ctx = NULL;	/* a failed call keeps no context */
	gone = sap_register_end(s, ret);
	spin_unlock_bh(&af->lock);
	if (gone) {
		condis_sap_unpublish_address(s);
		sap_drop(s);
	}
	return ret;
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

	if (!condis_handle_get(af, CONDIS_OBJ_AF, "cl_register_sap"))
		return -EBADF;
	if (!condis_sap_addr_valid(addr) || !sap) {
		condis_bad_input("cl_register_sap: no SAP or one longer than %d bytes",
				 CONDIS_SAP_ADDR_MAX);
		condis_af_put(af);
		return -EINVAL;
	}
	s = sap_new(af, cl_sap_ctx, addr);	/* keeps the handle lookup's reference */
	if (!s) {
		condis_af_put(af);
		return -ENOMEM;
	}
	err = sap_add(s);
	if (err) {
		s->cl_sap_ctx = NULL;	/* a failed call keeps no context */
		condis_sap_put(s);	/* frees s, drops the AF reference */
		return err;
	}
	*sap = s;

	condis_obj_get(&s->obj);	/* across the call: a completion may end the SAP */
	ret = af->cm_af->cm_ops->register_sap(af->cm_af_ctx, &s->addr, s, &cm_sap_ctx);
	if (ret != CONDIS_PENDING)
		ret = sap_register_returned(s, ret, cm_sap_ctx);
	condis_sap_put(s);
	if (ret && ret != CONDIS_PENDING)
		*sap = NULL;
	return ret;
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
	bool ok;

	if (!condis_sap_get(sap, "cm_register_sap_complete"))
		return;
	spin_lock_bh(&sap->af->lock);
	ok = condis_pending_complete(&sap->reg, SAP_OP_REGISTER, status,
				     "cm_register_sap_complete");
	if (ok && !sap->reg.status)
		sap->cm_sap_ctx = cm_sap_ctx;
	spin_unlock_bh(&sap->af->lock);
	if (ok)
		condis_pending_queue(&sap->reg);	/* the client hears from the workqueue */
	else if (!status && cm_sap_ctx != READ_ONCE(sap->cm_sap_ctx))
		/* A refused success's context would have been kept: it is released. */
		condis_ctx_release(sap->af->cm_release, cm_sap_ctx);
	condis_sap_put(sap);
}
EXPORT_SYMBOL_NS_GPL(condis_cm_register_sap_complete, CONDIS);

/*
 * Process context: the CM answered the deregistration (its status in the
 * slot); tell the client, once.  Not while the client is inside
 * incoming_call for this SAP, whose context it may free once told: the
 * last such dispatch delivers it (condis_sap_dispatch_end()).
 */
static void sap_deregistered(struct condis_sap *sap)
{
	struct condis_af *af = sap->af;
	void *cl_sap_ctx = sap->cl_sap_ctx;
	int status;

	spin_lock_bh(&af->lock);
	if (sap->nr_dispatching) {
		sap->done_deferred = true;
		spin_unlock_bh(&af->lock);
		return;
	}
	status = sap->dereg.status;
	condis_pending_end(&sap->dereg);
	sap_gone(sap);
	spin_unlock_bh(&af->lock);
	condis_obj_unpublish(&sap->obj);
	af->cl_ops->deregister_sap_complete(status, cl_sap_ctx);
	condis_sap_put(sap);	/* the registration's */
}

/* Workqueue: a pended deregistration's completion, or one held back. */
static void sap_deregister_deliver(struct condis_pending *p)
{
	sap_deregistered(container_of(p, struct condis_sap, dereg));
}

/* Workqueue: step 2 of the seed, the CM's deregister_sap. */
static void condis_sap_deregister_fn(struct work_struct *work)
{
	struct condis_sap *sap = container_of(work, struct condis_sap, dereg_work);
	struct condis_af *af = sap->af;
	int ret;

	spin_lock_bh(&af->lock);
	condis_pending_start(&sap->dereg, SAP_OP_DEREGISTER);	/* once per SAP */
	spin_unlock_bh(&af->lock);
	ret = af->cm_af->cm_ops->deregister_sap(sap->cm_sap_ctx);
	spin_lock_bh(&af->lock);
	ret = condis_pending_returned_op(&sap->dereg, SAP_OP_DEREGISTER, ret, "deregister_sap");
	if (ret != CONDIS_PENDING)
		condis_pending_answer(&sap->dereg, ret);
	spin_unlock_bh(&af->lock);
	if (ret != CONDIS_PENDING)
		sap_deregistered(sap);
	condis_sap_put(sap);	/* condis_cl_deregister_sap()'s */
}

/**
 * condis_sap_dispatch_begin() - an incoming call is being offered on @sap
 * @sap: the SAP, its AF's lock held
 *
 * Until condis_sap_dispatch_end(), the client's deregister_sap_complete
 * for @sap is held back.
 *
 * Context: under @sap's AF's lock.
 */
void condis_sap_dispatch_begin(struct condis_sap *sap)
{
	lockdep_assert_held(&sap->af->lock);
	sap->nr_dispatching++;
}

/**
 * condis_sap_dispatch_end() - the client's incoming_call for @sap returned
 * @sap: the SAP
 *
 * Context: any.
 */
void condis_sap_dispatch_end(struct condis_sap *sap)
{
	bool deliver;

	spin_lock_bh(&sap->af->lock);
	deliver = !--sap->nr_dispatching && sap->done_deferred;
	if (deliver)
		sap->done_deferred = false;
	spin_unlock_bh(&sap->af->lock);
	if (deliver)
		condis_pending_queue(&sap->dereg);
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

	if (!condis_sap_get(sap, "cl_deregister_sap"))
		return -EBADF;
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
	bool ok;

	if (!condis_sap_get(sap, "cm_deregister_sap_complete"))
		return;
	spin_lock_bh(&sap->af->lock);
	ok = condis_pending_complete(&sap->dereg, SAP_OP_DEREGISTER, status,
				     "cm_deregister_sap_complete");
	spin_unlock_bh(&sap->af->lock);
	/* The client hears from the workqueue, never inside the CM's call. */
	if (ok)
		condis_pending_queue(&sap->dereg);
	condis_sap_put(sap);
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

	obj = condis_handle_get(cm_af, CONDIS_OBJ_CM_AF, "cm_lookup_sap");
	if (!obj)
		return NULL;
	if (!condis_sap_addr_valid(addr)) {
		condis_bad_input("cm_lookup_sap: bad address for AF %u", cm_af->obj.id);
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

/*
 * The other side is gone: the steps of a teardown (teardown.c) that read
 * the state of an AF's SAPs.
 */

/**
 * condis_saps_settled() - no SAP registration on an AF is in flight
 * @arg: the AF
 *
 * Context: any; takes the AF's lock.
 * Return: true if none of the AF's SAPs is registering.
 */
bool condis_saps_settled(void *arg)
{
	struct condis_af *af = arg;
	struct condis_sap *sap;
	bool settled = true;

	spin_lock_bh(&af->lock);
	list_for_each_entry(sap, &af->saps, af_node)
		if (sap->state == CONDIS_SAP_STATE_REGISTERING)
			settled = false;
	spin_unlock_bh(&af->lock);
	return settled;
}

/**
 * condis_saps_gone() - every SAP of an AF is gone
 * @arg: the AF
 *
 * Context: any; takes the AF's lock.
 * Return: true if the AF has no SAP left.
 */
bool condis_saps_gone(void *arg)
{
	struct condis_af *af = arg;
	bool none;

	spin_lock_bh(&af->lock);
	none = !af->nr_saps;
	spin_unlock_bh(&af->lock);
	return none;
}

/**
 * condis_sap_deregister_all() - deregister every registered SAP of an AF,
 *	as its client would
 * @af: the AF
 *
 * Stops at the first SAP that cannot be deregistered (the caller's wait
 * for condis_saps_gone() reports it).
 *
 * Context: any.
 */
void condis_sap_deregister_all(struct condis_af *af)
{
	struct condis_sap *sap, *found;

	do {
		found = NULL;
		spin_lock_bh(&af->lock);
		list_for_each_entry(sap, &af->saps, af_node)
			if (sap->state == CONDIS_SAP_STATE_REGISTERED) {
				found = sap;
				break;
			}
		spin_unlock_bh(&af->lock);
		if (found && condis_cl_deregister_sap(found) != CONDIS_PENDING)
			break;
	} while (found);
}

/**
 * condis_sap_complete_for_cm() - answer what a call manager owes on an
 *	AF's SAPs, for it
 * @af: the AF
 *
 * For a call manager that will not answer (it is going away, or a
 * teardown's budget is spent): every registration it has not answered
 * fails with -ENETDOWN, every deregistration it has not answered
 * succeeds, so each client operation still completes exactly once.
 *
 * Context: process; flushes condis's workqueue, so the client has heard
 * of each when this returns.
 */
void condis_sap_complete_for_cm(struct condis_af *af)
{
	struct condis_sap *sap, *found;
	bool reg = false;

	do {
		found = NULL;
		spin_lock_bh(&af->lock);
		list_for_each_entry(sap, &af->saps, af_node) {
			reg = condis_pending_owed(&sap->reg);
			if (reg || condis_pending_owed(&sap->dereg)) {
				found = sap;
				condis_obj_get(&sap->obj);
				break;
			}
		}
		spin_unlock_bh(&af->lock);
		if (found && reg)
			condis_cm_register_sap_complete(-ENETDOWN, found, NULL);
		else if (found)
			condis_cm_deregister_sap_complete(0, found);
		if (found)
			condis_sap_put(found);
	} while (found);
	flush_workqueue(condis_wq_get());
}
