// SPDX-License-Identifier: GPL-2.0
/*
 * Address families.
 *
 * A call manager registers an address family on an adapter
 * (NdisCmRegisterAddressFamilyEx on its binding, NdisMCmRegisterAddressFamilyEx
 * for an MCM): a &struct condis_cm_af, which owns the SAP table of every
 * client on that AF.  Every client bound to the adapter, now or later, is
 * told with af_register_notify.  A client then opens the AF
 * (NdisClOpenAddressFamilyEx): a &struct condis_af joining it to the CM.
 *
 * Completion rules (see Documentation/core.rst):
 * - condis_cl_open_af() and condis_cl_close_af() return %CONDIS_PENDING
 *   and their completion callback runs exactly once, from condis's
 *   workqueue (process context, as NDIS documents ProtocolClOpenAfCompleteEx),
 *   whether the CM finished synchronously or later.
 * - Closing an AF that still has SAPs completes with -EBUSY without asking
 *   the CM, and the AF stays open; while that close is in flight the AF is
 *   closing and condis_cl_deregister_sap() fails with -ESHUTDOWN.
 */
#include <linux/slab.h>
#include <kunit/visibility.h>

#include "core.h"
#include "netlink.h"
#include "objects.h"
#include "pending.h"
#include "trace.h"

/* Every state change of an open AF goes through here, under af->lock. */
static void af_set_state(struct condis_af *af, enum condis_af_state state)
{
	lockdep_assert_held(&af->lock);
	trace_condis_af_state(af, state);
	condis_nl_notify_af(af, state == CONDIS_AF_STATE_CLOSED ? CONDIS_EVENT_TYPE_DEL
								 : CONDIS_EVENT_TYPE_CHANGE,
			    af->state, state);
	WRITE_ONCE(af->state, state);	/* teardown reads it without the lock */
	condis_settle_wake();		/* and waits for it */
}

/* The operations of an open AF, each slot admitting one at a time. */
enum {
	AF_OP_OPEN = 1,		/* the CM's open_af (slot cm) */
	AF_OP_CLOSE,		/* the CM's close_af, or a close refused (slot cm) */
	AF_OP_NOTIFY_CLOSE,	/* the client's notify_close_af (slot notify) */
};

static void condis_cm_af_free_fn(struct work_struct *work)
{
	struct condis_cm_af *cm_af = container_of(work, struct condis_cm_af, free_work);

	condis_sap_table_destroy(&cm_af->saps);	/* may sleep */
	condis_obj_put(&cm_af->adapter->obj);
	kfree(cm_af);
}

static void condis_cm_af_release(struct condis_obj *obj)
{
	struct condis_cm_af *cm_af = container_of(obj, struct condis_cm_af, obj);

	/* RCU callback context: the table's destruction has to sleep. */
	queue_work(condis_wq_get(), &cm_af->free_work);
}

static struct condis_cm_af *find_cm_af(struct condis_adapter *adapter, u32 family)
{
	struct condis_cm_af *cm_af;

	lockdep_assert_held(&condis_config_lock);
	list_for_each_entry(cm_af, &adapter->cm_afs, node)
		if (cm_af->type.family == family)
			return cm_af;
	return NULL;
}

static bool cm_af_in_use(struct condis_cm_af *cm_af)
{
	return atomic_read(&cm_af->nr_opens) > 0;
}

static void cm_af_unlink(struct condis_cm_af *cm_af)
{
	lockdep_assert_held(&condis_config_lock);
	list_del(&cm_af->node);
	trace_condis_cm_af(cm_af, false);
	condis_obj_unpublish(&cm_af->obj);
	condis_obj_put(&cm_af->obj);
}

struct af_notify_work {
	struct work_struct work;
	struct condis_cm_af *cm_af;		/* holds a reference */
};

/* Tell every client bound to the adapter that @cm_af exists. */
static void condis_af_notify_fn(struct work_struct *work)
{
	struct af_notify_work *nw = container_of(work, struct af_notify_work, work);
	struct condis_adapter *adapter = nw->cm_af->adapter;
	struct condis_binding *binding, **todo;
	unsigned int n = 0, i;

	mutex_lock(&condis_config_lock);
	/* The bindings listed now hear it from here; later ones as they bind. */
	nw->cm_af->announce_seq = ++adapter->af_notify_seq;
	list_for_each_entry(binding, &adapter->bindings, adapter_node)
		n++;
	todo = kcalloc(n, sizeof(*todo), GFP_KERNEL);
	n = 0;
	list_for_each_entry(binding, &adapter->bindings, adapter_node)
		if (todo && binding->protocol->cl_ops) {
			condis_obj_get(&binding->obj);
			todo[n++] = binding;
		}
	mutex_unlock(&condis_config_lock);

	for (i = 0; i < n; i++) {
		binding = todo[i];
		if (READ_ONCE(binding->state) == CONDIS_BINDING_OPEN)
			binding->protocol->ops->af_register_notify(binding->ctx, &nw->cm_af->type);
		condis_binding_put(binding);
	}
	kfree(todo);
	condis_obj_put(&nw->cm_af->obj);
	kfree(nw);
}

static int condis_register_af(struct condis_adapter *adapter, struct condis_binding *cm_binding,
			      const struct condis_cm_ops *cm_ops, void *cm_binding_ctx,
			      const struct condis_af_type *type, struct condis_cm_af **out)
{
	struct condis_cm_af *cm_af, *old;
	struct af_notify_work *nw;
	int err;

	cm_af = kzalloc(sizeof(*cm_af), GFP_KERNEL);
	nw = kzalloc(sizeof(*nw), GFP_KERNEL);
	if (!cm_af || !nw) {
		kfree(cm_af);
		kfree(nw);
		return -ENOMEM;
	}
	err = condis_sap_table_init(&cm_af->saps);
	if (err) {
		kfree(cm_af);
		kfree(nw);
		return err;
	}
	condis_obj_init(&cm_af->obj, CONDIS_OBJ_CM_AF, condis_cm_af_release);
	INIT_LIST_HEAD(&cm_af->afs);
	INIT_WORK(&cm_af->free_work, condis_cm_af_free_fn);
	cm_af->type = *type;
	condis_obj_get(&adapter->obj);
	cm_af->adapter = adapter;
	cm_af->cm_binding = cm_binding;
	cm_af->cm_ops = cm_ops;
	cm_af->cm_binding_ctx = cm_binding_ctx;

	mutex_lock(&condis_config_lock);
	old = find_cm_af(adapter, type->family);
	if (adapter->dying || (cm_binding && cm_binding->state != CONDIS_BINDING_OPEN)) {
		err = -ENODEV;
	} else if (old && (cm_binding || !old->cm_binding)) {
		/* One call manager per AF type per adapter. */
		err = -EEXIST;
	} else if (old && cm_af_in_use(old)) {
		/* An MCM displaces a stand-alone CM, but not under its clients. */
		err = -EBUSY;
	} else {
		if (old)
			cm_af_unlink(old);
		err = condis_obj_publish(&cm_af->obj);
	}
	if (err) {
		mutex_unlock(&condis_config_lock);
		condis_obj_put(&cm_af->obj);
		kfree(nw);
		return err;
	}
	list_add_tail(&cm_af->node, &adapter->cm_afs);
	trace_condis_cm_af(cm_af, true);
	mutex_unlock(&condis_config_lock);

	/* After the caller returns, as NDIS notifies after the CM's bind. */
	INIT_WORK(&nw->work, condis_af_notify_fn);
	condis_obj_get(&cm_af->obj);
	nw->cm_af = cm_af;
	queue_work(condis_wq_get(), &nw->work);
	if (out)
		*out = cm_af;
	return 0;
}

/**
 * condis_cm_register_af() - a stand-alone CM offers an address family
 * @binding: the CM's binding to the adapter
 * @type: the address family
 * @cm_af: set to the registration's handle, for condis_cm_lookup_sap()
 *
 * Every client bound to the adapter, now or later, gets af_register_notify
 * from condis's workqueue.  The registration lasts until the binding
 * closes.
 *
 * Context: process.
 * Return: 0; -EBADF for a bad handle; -EINVAL if the protocol is no call
 * manager; -EEXIST if a call manager already offers @type->family on this
 * adapter; -ENODEV if the binding or adapter is going away; -ENOMEM.
 */
int condis_cm_register_af(struct condis_binding *binding, const struct condis_af_type *type,
			  struct condis_cm_af **cm_af)
{
	int err;

	if (!condis_handle_get(binding, CONDIS_OBJ_BINDING, "cm_register_af"))
		return -EBADF;
	if (!type || !binding->protocol->cm_ops) {
		condis_bad_input("cm_register_af: %s is no call manager or gave no AF",
				 binding->protocol->name);
		err = -EINVAL;
	} else {
		err = condis_register_af(binding->adapter, binding, binding->protocol->cm_ops,
					 binding->ctx, type, cm_af);
	}
	condis_binding_put(binding);
	return err;
}
EXPORT_SYMBOL_NS_GPL(condis_cm_register_af, CONDIS);

/**
 * condis_mcm_register_af() - an MCM offers an address family on its adapter
 * @adapter: one of the MCM's adapters
 * @type: the address family
 * @cm_af: set to the registration's handle, for condis_cm_lookup_sap()
 *
 * As condis_cm_register_af(); in addition an MCM displaces a stand-alone
 * CM that offers the same family on the adapter, unless clients have it
 * open (-EBUSY).  The registration lasts until the adapter goes away.
 *
 * Context: process.
 * Return: as condis_cm_register_af().
 */
int condis_mcm_register_af(struct condis_adapter *adapter, const struct condis_af_type *type,
			   struct condis_cm_af **cm_af)
{
	struct condis_obj *obj = condis_handle_get(adapter, CONDIS_OBJ_ADAPTER, "mcm_register_af");
	int err;

	if (!obj)
		return -EBADF;
	if (!type || !adapter->miniport->cm_ops) {
		condis_bad_input("mcm_register_af: %s is no MCM or gave no AF",
				 adapter->miniport->name);
		err = -EINVAL;
	} else {
		err = condis_register_af(adapter, NULL, adapter->miniport->cm_ops, adapter->ctx,
					 type, cm_af);
	}
	condis_obj_put(obj);
	return err;
}
EXPORT_SYMBOL_NS_GPL(condis_mcm_register_af, CONDIS);

/* An AF whose announcement took its bindings before @binding was listed. */
static bool af_announced_before(const struct condis_cm_af *cm_af,
				const struct condis_binding *binding)
{
	lockdep_assert_held(&condis_config_lock);
	return cm_af->announce_seq && cm_af->announce_seq < binding->listed_seq;
}

/*
 * Tell a client that just bound about the AFs announced before it was
 * listed; the announcement of any other tells it (condis_af_notify_fn()).
 */
void condis_binding_notify_afs(struct condis_binding *binding)
{
	struct condis_adapter *adapter = binding->adapter;
	struct condis_cm_af *cm_af, **todo;
	unsigned int n = 0, i;

	if (!binding->protocol->cl_ops)
		return;
	mutex_lock(&condis_config_lock);
	list_for_each_entry(cm_af, &adapter->cm_afs, node)
		n++;
	todo = kcalloc(n, sizeof(*todo), GFP_KERNEL);
	n = 0;
	list_for_each_entry(cm_af, &adapter->cm_afs, node)
		if (todo && af_announced_before(cm_af, binding)) {
			condis_obj_get(&cm_af->obj);
			todo[n++] = cm_af;
		}
	mutex_unlock(&condis_config_lock);
	for (i = 0; i < n; i++) {
		if (READ_ONCE(binding->state) == CONDIS_BINDING_OPEN)
			binding->protocol->ops->af_register_notify(binding->ctx, &todo[i]->type);
		condis_obj_put(&todo[i]->obj);
	}
	kfree(todo);
}

/* Whether a client opened AFs on @binding that are not closed yet. */
bool condis_binding_has_afs(struct condis_binding *binding)
{
	lockdep_assert_held(&condis_config_lock);
	return atomic_read(&binding->nr_afs) > 0;
}

/* A CM's binding closes: its AF registrations go, unless clients use them. */
int condis_cm_af_remove_binding(struct condis_binding *binding)
{
	struct condis_cm_af *cm_af, *tmp;

	lockdep_assert_held(&condis_config_lock);
	list_for_each_entry(cm_af, &binding->adapter->cm_afs, node)
		if (cm_af->cm_binding == binding && cm_af_in_use(cm_af)) {
			condis_bad_input("close_adapter: clients still have %s's AF %#x open",
					 binding->protocol->name, cm_af->type.family);
			return -EBUSY;
		}
	list_for_each_entry_safe(cm_af, tmp, &binding->adapter->cm_afs, node)
		if (cm_af->cm_binding == binding)
			cm_af_unlink(cm_af);
	return 0;
}

/* The adapter is gone and every binding closed: drop the MCM's AFs. */
void condis_cm_af_remove_all(struct condis_adapter *adapter)
{
	struct condis_cm_af *cm_af, *tmp;

	lockdep_assert_held(&condis_config_lock);
	list_for_each_entry_safe(cm_af, tmp, &adapter->cm_afs, node) {
		WARN_ON_ONCE(cm_af_in_use(cm_af));
		cm_af_unlink(cm_af);
	}
}

static void condis_af_release(struct condis_obj *obj)
{
	struct condis_af *af = container_of(obj, struct condis_af, obj);

	condis_ctx_release(af->cl_release, af->cl_af_ctx);
	condis_ctx_release(af->cm_release, af->cm_af_ctx);
	condis_obj_put(&af->cm_af->obj);
	condis_binding_put(af->binding);
	kfree(af);
}

static struct condis_af *condis_af_get(struct condis_af *af, const char *who)
{
	return condis_handle_get(af, CONDIS_OBJ_AF, who) ? af : NULL;
}

/**
 * condis_af_put() - drop a reference to an AF
 * @af: the AF
 *
 * Context: any.
 */
void condis_af_put(struct condis_af *af)
{
	condis_obj_put(&af->obj);
}

#if IS_ENABLED(CONFIG_KUNIT)
/*
 * KUnit: runs when an AF whose close completed reads closed and has not
 * yet left its binding (the window teardown must wait out); NULL in use.
 */
static void (*condis_af_finish_hook)(struct condis_af *af);

/**
 * condis_af_set_finish_hook() - KUnit: set what runs in that window
 * @hook: the function, or NULL
 *
 * Context: any.
 */
void condis_af_set_finish_hook(void (*hook)(struct condis_af *af))
{
	WRITE_ONCE(condis_af_finish_hook, hook);
}
EXPORT_SYMBOL_IF_KUNIT(condis_af_set_finish_hook);

static void af_finish_hook(struct condis_af *af)
{
	void (*hook)(struct condis_af *af) = READ_ONCE(condis_af_finish_hook);

	if (hook)
		hook(af);
}
#else
static inline void af_finish_hook(struct condis_af *af)
{
}
#endif

/* The AF is gone for good: the open's reference and counts go. */
static void condis_af_finish(struct condis_af *af)
{
	bool notify_busy;

	af_finish_hook(af);
	/*
	 * Off the CM's list and out of both counts at once, under the lock
	 * condis_close_adapter() checks them under: a departure that sees the
	 * AF gone from the list can close the binding.
	 */
	mutex_lock(&condis_config_lock);
	list_del(&af->cm_af_node);
	atomic_dec(&af->cm_af->nr_opens);
	atomic_dec(&af->binding->nr_afs);
	mutex_unlock(&condis_config_lock);
	condis_settle_wake();	/* teardown waits for AFs to leave their binding */
	/*
	 * Under a notify-close the client still needs the handle for
	 * condis_cl_notify_close_af_complete(); that completion unpublishes it.
	 */
	spin_lock_bh(&af->lock);
	notify_busy = condis_pending_busy(&af->notify);
	spin_unlock_bh(&af->lock);
	if (!notify_busy)
		condis_obj_unpublish(&af->obj);
	condis_af_put(af);
}

/*
 * Workqueue: deliver the result of the open or close in flight, once;
 * af->state says which: OPENING or CLOSING.
 */
static void af_cm_deliver(struct condis_pending *p)
{
	struct condis_af *af = container_of(p, struct condis_af, cm);
	const struct condis_cl_ops *cl = af->cl_ops;
	enum condis_af_state was;
	bool gone;
	int status;

	spin_lock_bh(&af->lock);
	was = af->state;
	status = p->status;
	if (was == CONDIS_AF_STATE_OPENING) {
		af_set_state(af, status ? CONDIS_AF_STATE_CLOSED : CONDIS_AF_STATE_OPEN);
		gone = status;
	} else {
		af_set_state(af, status ? CONDIS_AF_STATE_OPEN : CONDIS_AF_STATE_CLOSED);
		gone = !status;
	}
	condis_pending_end(p);
	spin_unlock_bh(&af->lock);

	/*
	 * A gone AF leaves its binding before the client hears of it: the
	 * client may close the binding from its completion callback.
	 */
	if (gone)
		condis_af_finish(af);
	if (was == CONDIS_AF_STATE_OPENING)
		cl->open_af_complete(af->cl_af_ctx, status ? NULL : af, status);
	else
		cl->close_af_complete(status, af->cl_af_ctx);
}

/*
 * The CM answered the open or close @op with @status, by a completion or
 * by its handler's return value: take the answer and deliver it from the
 * workqueue, or refuse it.
 */
static void af_cm_answer(struct condis_af *af, unsigned int op, bool completion, int status,
			 void *cm_af_ctx, const char *who)
{
	bool ok;

	spin_lock_bh(&af->lock);
	if (completion) {
		ok = condis_pending_complete(&af->cm, op, status, who);
	} else {
		ok = condis_pending_returned_op(&af->cm, op, status, who) != CONDIS_PENDING;
		if (ok)
			condis_pending_answer(&af->cm, status);
	}
	if (ok && op == AF_OP_OPEN && !af->cm.status)
		af->cm_af_ctx = cm_af_ctx;
	spin_unlock_bh(&af->lock);
	if (ok)
		condis_pending_queue(&af->cm);
	else if (!status && cm_af_ctx && cm_af_ctx != READ_ONCE(af->cm_af_ctx))
		/* A refused success's context would have been kept: it is released. */
		condis_ctx_release(af->cm_release, cm_af_ctx);
}

/* Workqueue: tell the CM the client finished a pended notify-close. */
static void af_notify_deliver(struct condis_pending *p)
{
	struct condis_af *af = container_of(p, struct condis_af, notify);
	bool closed;
	int status;

	spin_lock_bh(&af->lock);
	status = p->status;
	closed = af->state == CONDIS_AF_STATE_CLOSED;
	condis_pending_end(p);
	spin_unlock_bh(&af->lock);
	/* A client closing the AF under a notify-close kept its handle valid till now. */
	if (closed)
		condis_obj_unpublish(&af->obj);
	af->cm_af->cm_ops->notify_close_af_complete(af->cm_af_ctx, status);
}

/* A new AF of @binding's client on @cm_af, opening; NULL: no memory. */
static struct condis_af *af_new(struct condis_binding *binding, struct condis_cm_af *cm_af,
				void *cl_af_ctx)
{
	struct condis_af *a = kzalloc(sizeof(*a), GFP_KERNEL);

	if (!a)
		return NULL;
	condis_obj_init(&a->obj, CONDIS_OBJ_AF, condis_af_release);
	a->cm_af = cm_af;
	a->binding = binding;
	a->cl_ops = binding->protocol->cl_ops;
	a->cl_af_ctx = cl_af_ctx;
	a->cl_release = a->cl_ops->release_ctx;
	a->cm_release = cm_af->cm_ops->release_ctx;
	spin_lock_init(&a->lock);
	a->state = CONDIS_AF_STATE_OPENING;
	INIT_LIST_HEAD(&a->saps);
	INIT_LIST_HEAD(&a->vcs);
	condis_pending_init(&a->cm, &a->lock, &a->obj, af_cm_deliver);
	condis_pending_init(&a->notify, &a->lock, &a->obj, af_notify_deliver);
	return a;
}

/* The CM that offers @type->family to @binding's adapter, referenced, or NULL. */
static struct condis_cm_af *binding_find_cm_af(struct condis_binding *binding,
					       const struct condis_af_type *type)
{
	struct condis_cm_af *cm_af = NULL;

	mutex_lock(&condis_config_lock);
	if (binding->state == CONDIS_BINDING_OPEN)
		cm_af = find_cm_af(binding->adapter, type->family);
	if (cm_af)
		condis_obj_get(&cm_af->obj);
	mutex_unlock(&condis_config_lock);
	return cm_af;
}

/* Publish @a, opening on its CM's AF and its binding; else an error. */
static int af_add(struct condis_af *a)
{
	int err = condis_obj_publish(&a->obj);

	if (err)
		return err;
	atomic_inc(&a->cm_af->nr_opens);
	atomic_inc(&a->binding->nr_afs);
	mutex_lock(&condis_config_lock);
	list_add_tail(&a->cm_af_node, &a->cm_af->afs);
	mutex_unlock(&condis_config_lock);
	spin_lock_bh(&a->lock);
	condis_pending_start(&a->cm, AF_OP_OPEN);
	spin_unlock_bh(&a->lock);
	trace_condis_af_state(a, CONDIS_AF_STATE_OPENING);
	condis_nl_notify_af(a, CONDIS_EVENT_TYPE_NEW, 0, CONDIS_AF_STATE_OPENING);
	return 0;
}

/**
 * condis_cl_open_af() - a client opens an address family (NdisClOpenAddressFamilyEx)
 * @binding: the client's binding
 * @type: the AF, as af_register_notify gave it
 * @cl_af_ctx: the client's context for the AF
 * @af: set to the AF handle; the client may use it once open_af_complete
 *	reports success
 *
 * The CM's open_af runs before this returns; the client's
 * open_af_complete runs exactly once afterwards, from condis's workqueue.
 *
 * Context: process.
 * Return: %CONDIS_PENDING; or, with no completion to follow, -EBADF for a
 * bad handle, -EINVAL if the protocol is no client, -ENOENT if no call
 * manager offers @type->family on the adapter, -ENOMEM.
 */
int condis_cl_open_af(struct condis_binding *binding, const struct condis_af_type *type,
		      void *cl_af_ctx, struct condis_af **af)
{
	struct condis_cm_af *cm_af;
	struct condis_af *a;
	void *cm_af_ctx = NULL;
	int err, ret;

	if (!condis_handle_get(binding, CONDIS_OBJ_BINDING, "cl_open_af"))
		return -EBADF;
	if (!type || !af || !binding->protocol->cl_ops) {
		condis_bad_input("cl_open_af: %s is no client or gave no AF",
				 binding->protocol->name);
		err = -EINVAL;
		goto out_put_binding;
	}
	cm_af = binding_find_cm_af(binding, type);
	if (!cm_af) {
		err = -ENOENT;
		goto out_put_binding;
	}
	a = af_new(binding, cm_af, cl_af_ctx);	/* keeps both references */
	if (!a) {
		condis_obj_put(&cm_af->obj);
		err = -ENOMEM;
		goto out_put_binding;
	}
	err = af_add(a);
	if (err) {
		a->cl_af_ctx = NULL;	/* a failed call keeps no context */
		condis_af_put(a);
		return err;
	}
	*af = a;

	condis_obj_get(&a->obj);	/* across the call: a completion may end the AF */
	ret = cm_af->cm_ops->open_af(cm_af->cm_binding_ctx, type, a, &cm_af_ctx);
	if (ret != CONDIS_PENDING)
		af_cm_answer(a, AF_OP_OPEN, false, ret, cm_af_ctx, "open_af");
	condis_af_put(a);
	return CONDIS_PENDING;

out_put_binding:
	condis_binding_put(binding);
	return err;
}
EXPORT_SYMBOL_NS_GPL(condis_cl_open_af, CONDIS);

/**
 * condis_cm_open_af_complete() - finish a pended open_af
 *	(NdisCmOpenAddressFamilyComplete, NdisMCmOpenAddressFamilyComplete)
 * @status: 0 or the reason the open failed
 * @af: the AF handle open_af was given
 * @cm_af_ctx: the CM's context for the AF; ignored on failure
 *
 * On failure the AF handle is stale for the CM when this returns.
 *
 * Context: any.
 */
void condis_cm_open_af_complete(int status, struct condis_af *af, void *cm_af_ctx)
{
	if (!condis_af_get(af, "cm_open_af_complete"))
		return;
	af_cm_answer(af, AF_OP_OPEN, true, status, cm_af_ctx, "cm_open_af_complete");
	condis_af_put(af);
}
EXPORT_SYMBOL_NS_GPL(condis_cm_open_af_complete, CONDIS);

/**
 * condis_cl_close_af() - a client closes an address family (NdisClCloseAddressFamily)
 * @af: an open AF
 *
 * The handle is unusable for the client from this call on.  If SAPs are
 * still registered or VCs exist on the AF, the close completes with -EBUSY
 * without reaching the
 * CM and the AF stays open; otherwise the CM's close_af runs before this
 * returns.  close_af_complete runs exactly once, from condis's workqueue.
 *
 * Context: any.
 * Return: %CONDIS_PENDING; or, with no completion to follow, -EBADF for a
 * bad handle, -EALREADY if a close is already in flight or done, -EBUSY
 * if the open has not completed yet.
 */
int condis_cl_close_af(struct condis_af *af)
{
	bool refused;
	int ret;

	if (!condis_af_get(af, "cl_close_af"))
		return -EBADF;
	spin_lock_bh(&af->lock);
	if (af->state != CONDIS_AF_STATE_OPEN) {
		ret = af->state == CONDIS_AF_STATE_OPENING ? -EBUSY : -EALREADY;
		spin_unlock_bh(&af->lock);
		condis_bad_input("cl_close_af: AF %u is not open", af->obj.id);
		condis_af_put(af);
		return ret;
	}
	af_set_state(af, CONDIS_AF_STATE_CLOSING);
	condis_pending_start(&af->cm, AF_OP_CLOSE);
	/* Not while anything is on the AF: condis answers for the CM. */
	refused = af->nr_saps > 0 || af->nr_vcs > 0 || af->nr_oids > 0;
	if (refused)
		condis_pending_complete(&af->cm, AF_OP_CLOSE, -EBUSY, "cl_close_af");
	spin_unlock_bh(&af->lock);
	if (refused) {
		condis_pending_queue(&af->cm);
	} else {
		ret = af->cm_af->cm_ops->close_af(af->cm_af_ctx);
		if (ret != CONDIS_PENDING)
			af_cm_answer(af, AF_OP_CLOSE, false, ret, NULL, "close_af");
	}
	condis_af_put(af);
	return CONDIS_PENDING;
}
EXPORT_SYMBOL_NS_GPL(condis_cl_close_af, CONDIS);

/**
 * condis_cm_close_af_complete() - finish a pended close_af
 *	(NdisCmCloseAddressFamilyComplete, NdisMCmCloseAddressFamilyComplete)
 * @status: 0, or why the CM could not close (the AF stays open)
 * @af: the AF handle
 *
 * The AF handle is stale for the CM after a successful completion.
 *
 * Context: any.
 */
void condis_cm_close_af_complete(int status, struct condis_af *af)
{
	if (!condis_af_get(af, "cm_close_af_complete"))
		return;
	af_cm_answer(af, AF_OP_CLOSE, true, status, NULL, "cm_close_af_complete");
	condis_af_put(af);
}
EXPORT_SYMBOL_NS_GPL(condis_cm_close_af_complete, CONDIS);

/**
 * condis_cm_notify_close_af() - a call manager asks the client to close an AF
 *	(NdisCmNotifyCloseAddressFamily, NdisMCmNotifyCloseAddressFamily)
 * @af: an open AF of this call manager
 *
 * The client's notify_close_af runs before this returns.  A CM calls this
 * for each open AF before it unbinds, an MCM before its adapter halts.
 *
 * Context: process.
 * Return: the client's status if it finished at once (0: the AF is closed
 * or closing); %CONDIS_PENDING if the CM's notify_close_af_complete will
 * report it, exactly once; -EBADF for a bad handle; -EINVAL if the AF is
 * not open; -EALREADY if a notify-close is already pending.
 */
int condis_cm_notify_close_af(struct condis_af *af)
{
	int err = 0, ret;

	might_sleep();
	if (!condis_af_get(af, "cm_notify_close_af"))
		return -EBADF;
	spin_lock_bh(&af->lock);
	if (af->state != CONDIS_AF_STATE_OPEN)
		err = -EINVAL;
	else if (!condis_pending_start(&af->notify, AF_OP_NOTIFY_CLOSE))
		err = -EALREADY;
	spin_unlock_bh(&af->lock);
	if (err) {
		condis_bad_input("cm_notify_close_af: AF %u cannot be notified now (%d)",
				 af->obj.id, err);
		condis_af_put(af);
		return err;
	}

	ret = af->cl_ops->notify_close_af(af->cl_af_ctx);
	spin_lock_bh(&af->lock);
	ret = condis_pending_returned_op(&af->notify, AF_OP_NOTIFY_CLOSE, ret, "notify_close_af");
	if (ret != CONDIS_PENDING)
		condis_pending_end(&af->notify);
	spin_unlock_bh(&af->lock);
	condis_af_put(af);
	return ret;
}
EXPORT_SYMBOL_NS_GPL(condis_cm_notify_close_af, CONDIS);

/**
 * condis_cl_notify_close_af_complete() - a client finished a pended
 *	notify-close (NdisClNotifyCloseAddressFamilyComplete)
 * @af: the AF handle notify_close_af was about
 * @status: the client's result, passed to the CM
 *
 * The CM's notify_close_af_complete runs once, from condis's workqueue.
 *
 * Context: any.
 */
void condis_cl_notify_close_af_complete(struct condis_af *af, int status)
{
	bool ok;

	if (!condis_af_get(af, "cl_notify_close_af_complete"))
		return;
	spin_lock_bh(&af->lock);
	ok = condis_pending_complete(&af->notify, AF_OP_NOTIFY_CLOSE, status,
				     "cl_notify_close_af_complete");
	spin_unlock_bh(&af->lock);
	if (ok)
		condis_pending_queue(&af->notify);
	condis_af_put(af);
}
EXPORT_SYMBOL_NS_GPL(condis_cl_notify_close_af_complete, CONDIS);

/*
 * The other side is gone: the steps of a teardown (teardown.c) that read
 * an AF's state, and the AFs that keep a binding open.
 */

/**
 * condis_af_closed() - whether an AF is closed
 * @arg: the AF
 *
 * Context: any.
 * Return: true if closed (it may not have left its binding yet).
 */
bool condis_af_closed(void *arg)
{
	struct condis_af *af = arg;

	return READ_ONCE(af->state) == CONDIS_AF_STATE_CLOSED;
}

/**
 * condis_af_not_closing() - whether no close of an AF is in flight
 * @arg: the AF
 *
 * Context: any.
 * Return: true if the AF is not closing.
 */
bool condis_af_not_closing(void *arg)
{
	struct condis_af *af = arg;

	return READ_ONCE(af->state) != CONDIS_AF_STATE_CLOSING;
}

/**
 * condis_af_is_open() - whether an AF is open
 * @af: the AF
 *
 * Context: any.
 * Return: true if open (a notify-close may be pending).
 */
bool condis_af_is_open(struct condis_af *af)
{
	return READ_ONCE(af->state) == CONDIS_AF_STATE_OPEN;
}

/**
 * condis_af_complete_for_cm() - answer, for its call manager, the open or
 *	close it owes on an AF
 * @af: the AF
 *
 * An open fails with -ENETDOWN (the AF closes without having opened); a
 * close succeeds.
 *
 * Context: process.  After a close, condis's workqueue is flushed, so the
 * client has heard of it; after an open the caller waits for condis_af_closed().
 * Return: true if it was an open.
 */
bool condis_af_complete_for_cm(struct condis_af *af)
{
	unsigned int op;

	spin_lock_bh(&af->lock);
	op = condis_pending_owed(&af->cm);
	spin_unlock_bh(&af->lock);
	if (op == AF_OP_OPEN) {
		condis_cm_open_af_complete(-ENETDOWN, af, NULL);
		return true;
	}
	if (op == AF_OP_CLOSE)
		condis_cm_close_af_complete(0, af);
	flush_workqueue(condis_wq_get());
	return false;
}

/**
 * condis_af_notify_complete_for_client() - complete, for its client, a
 *	notify-close it never completed
 * @af: the AF
 *
 * Context: any.
 */
void condis_af_notify_complete_for_client(struct condis_af *af)
{
	unsigned int op;

	spin_lock_bh(&af->lock);
	op = condis_pending_owed(&af->notify);
	spin_unlock_bh(&af->lock);
	if (op)
		condis_cl_notify_close_af_complete(af, 0);
}

/**
 * condis_af_ask_client_to_close() - a departing call manager's binding asks
 *	the client of an AF to close it (notify-close), as NDIS has CMs do
 * @af: an AF that keeps @binding open
 * @binding: the departing binding
 *
 * Only the client of an open AF on another binding, not already asked.
 *
 * Context: process.
 * Return: true if the client was asked and closes the AF, or will say.
 */
bool condis_af_ask_client_to_close(struct condis_af *af, struct condis_binding *binding)
{
	bool ask;
	int ret;

	spin_lock_bh(&af->lock);
	ask = af->binding != binding && af->state == CONDIS_AF_STATE_OPEN &&
	      !condis_pending_owed(&af->notify);
	spin_unlock_bh(&af->lock);
	if (!ask)
		return false;
	ret = condis_cm_notify_close_af(af);
	return !ret || ret == CONDIS_PENDING;
}

/**
 * condis_af_cm_leaving() - whether an AF's call manager is the one going
 *	away with @binding
 * @af: an AF that keeps @binding open
 * @binding: the departing binding
 *
 * It is: @binding's protocol (a CM unbinding), or an MCM whose adapter is
 * being removed.
 *
 * Context: any.
 * Return: true if so.
 */
bool condis_af_cm_leaving(struct condis_af *af, struct condis_binding *binding)
{
	if (af->binding != binding)
		return true;
	return READ_ONCE(binding->adapter->dying) && !af->cm_af->cm_binding;
}

/**
 * condis_af_client_unresponsive() - whether an AF's client already let a
 *	teardown's budget run out
 * @af: the AF
 *
 * Context: any.
 * Return: true if so: it will not return what it kept either.
 */
bool condis_af_client_unresponsive(struct condis_af *af)
{
	return READ_ONCE(af->binding->protocol->unresponsive);
}

/**
 * condis_af_client_name() - the name of the protocol that opened an AF
 * @af: the AF
 *
 * Context: any.
 * Return: the name, for messages.
 */
const char *condis_af_client_name(struct condis_af *af)
{
	return af->binding->protocol->name;
}

/**
 * condis_af_vcs() - every VC on an AF
 * @af: the AF
 * @n: set to the number of VCs returned
 *
 * Context: process.
 * Return: a new array of the VCs, each referenced (condis_vc_put()), or
 * NULL if there is none; the caller kfree()s it.
 */
struct condis_vc **condis_af_vcs(struct condis_af *af, unsigned int *n)
{
	struct condis_vc *vc, **all = NULL;
	unsigned int count, i = 0;

	spin_lock_bh(&af->lock);
	count = af->nr_vcs;
	spin_unlock_bh(&af->lock);
	if (count)
		all = kcalloc(count, sizeof(*all), GFP_KERNEL);
	if (all) {
		spin_lock_bh(&af->lock);
		list_for_each_entry(vc, &af->vcs, node) {
			if (i == count)
				break;
			condis_obj_get(&vc->obj);
			all[i++] = vc;
		}
		spin_unlock_bh(&af->lock);
	}
	*n = i;
	return all;
}

/* @af keeps @binding open: its client opened it there, or it is on @binding's CM registration. */
static bool af_on_binding(struct condis_binding *binding, struct condis_cm_af *cm_af,
			  struct condis_af *af)
{
	return af->binding == binding || cm_af->cm_binding == binding;
}

/**
 * condis_binding_next_af() - the next AF that keeps a binding open
 * @binding: the binding
 * @after: the id of the AF before (0: from the start)
 *
 * Those its client opened, and, for a CM's binding, those clients opened
 * on its AF registrations; closed ones are passed over.
 *
 * Context: process; takes condis_config_lock.
 * Return: the AF with the lowest id above @after, referenced
 * (condis_af_put()), or NULL.
 */
struct condis_af *condis_binding_next_af(struct condis_binding *binding, u32 after)
{
	struct condis_cm_af *cm_af;
	struct condis_af *af, *found = NULL;

	mutex_lock(&condis_config_lock);
	list_for_each_entry(cm_af, &binding->adapter->cm_afs, node) {
		list_for_each_entry(af, &cm_af->afs, cm_af_node) {
			if (af_on_binding(binding, cm_af, af) &&
			    READ_ONCE(af->state) != CONDIS_AF_STATE_CLOSED && af->obj.id > after &&
			    (!found || af->obj.id < found->obj.id))
				found = af;
		}
	}
	if (found)
		condis_obj_get(&found->obj);
	mutex_unlock(&condis_config_lock);
	return found;
}

/**
 * condis_binding_afs_finished() - no AF keeps a binding open any more
 * @arg: the binding
 *
 * An AF's close completion marks it closed before it leaves its binding
 * and its CM's registration (condis_af_finish(), on the workqueue), and
 * the binding cannot be closed before that.
 *
 * Context: process; takes condis_config_lock.
 * Return: true if no closed AF is still on the binding.
 */
bool condis_binding_afs_finished(void *arg)
{
	struct condis_binding *binding = arg;
	struct condis_cm_af *cm_af;
	struct condis_af *af;
	bool finished = true;

	mutex_lock(&condis_config_lock);
	list_for_each_entry(cm_af, &binding->adapter->cm_afs, node)
		list_for_each_entry(af, &cm_af->afs, cm_af_node)
			if (af_on_binding(binding, cm_af, af) &&
			    READ_ONCE(af->state) == CONDIS_AF_STATE_CLOSED)
				finished = false;
	mutex_unlock(&condis_config_lock);
	return finished;
}
