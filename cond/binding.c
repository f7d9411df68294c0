// SPDX-License-Identifier: GPL-2.0
/*
 * Bindings: a protocol driver bound to an adapter (ProtocolBindAdapterEx,
 * NdisOpenAdapterEx, ProtocolUnbindAdapterEx, NdisCloseAdapterEx).
 *
 * condis calls bind_adapter for every (protocol, adapter) pair, from the
 * thread that registered the second of the two, and unbind_adapter when
 * either goes away.  No lock is held across those callbacks: they call
 * back into condis.
 */
#include <linux/slab.h>

#include "core.h"
#include "netlink.h"
#include "objects.h"
#include "pending.h"

static void condis_requested_unbind(struct work_struct *work);

static void condis_binding_release(struct condis_obj *obj)
{
	struct condis_binding *binding = container_of(obj, struct condis_binding, obj);

	condis_ctx_release(binding->release, binding->ctx);
	condis_obj_put(&binding->protocol->obj);
	condis_obj_put(&binding->adapter->obj);
	kfree(binding);
}

/**
 * condis_binding_get() - check a binding handle and take a reference
 * @binding: the handle from a driver
 *
 * Context: any.
 * Return: @binding, or NULL if the handle is not a live binding.
 */
struct condis_binding *condis_binding_get(struct condis_binding *binding)
{
	return condis_obj_get_handle(binding, CONDIS_OBJ_BINDING) ? binding : NULL;
}

void condis_binding_put(struct condis_binding *binding)
{
	condis_obj_put(&binding->obj);
}

static struct condis_binding *find_binding(struct condis_protocol *protocol,
					   struct condis_adapter *adapter)
{
	struct condis_binding *binding;

	lockdep_assert_held(&condis_config_lock);
	list_for_each_entry(binding, &protocol->bindings, proto_node)
		if (binding->adapter == adapter)
			return binding;
	return NULL;
}

/**
 * condis_open_adapter() - open a binding (NdisOpenAdapterEx)
 * @protocol: the protocol, from its @bind_adapter callback
 * @adapter: the adapter @bind_adapter named
 * @binding_ctx: the protocol's context, passed back in its callbacks
 * @binding: set to the binding's handle on success
 *
 * Context: process.
 * Return: 0; -EBADF for a bad handle; -ENODEV if the protocol or adapter
 * is going away; -EEXIST if they are bound already; -ENOMEM.
 */
int condis_open_adapter(struct condis_protocol *protocol, struct condis_adapter *adapter,
			void *binding_ctx, struct condis_binding **binding)
{
	struct condis_obj *pobj = condis_handle_get(protocol, CONDIS_OBJ_PROTOCOL, "open_adapter");
	struct condis_obj *aobj = condis_handle_get(adapter, CONDIS_OBJ_ADAPTER, "open_adapter");
	struct condis_binding *b;
	int err;

	if (!pobj || !aobj || !binding) {
		if (!binding)
			condis_bad_input("open_adapter: no binding handle to set");
		err = -EBADF;
		goto err_put;
	}
	b = kzalloc(sizeof(*b), GFP_KERNEL);
	if (!b) {
		err = -ENOMEM;
		goto err_put;
	}
	condis_obj_init(&b->obj, CONDIS_OBJ_BINDING, condis_binding_release);
	b->protocol = protocol;		/* keeps pobj's reference */
	b->adapter = adapter;		/* keeps aobj's reference */
	b->ctx = binding_ctx;
	b->release = protocol->ops->release_ctx;
	b->state = CONDIS_BINDING_OPEN;
	init_completion(&b->closed);
	init_completion(&b->unbound);
	INIT_WORK(&b->unbind_work, condis_requested_unbind);
	spin_lock_init(&b->status_lock);
	INIT_LIST_HEAD(&b->status_queue);

	mutex_lock(&condis_config_lock);
	if (protocol->dying || adapter->dying)
		err = -ENODEV;
	else if (find_binding(protocol, adapter))
		err = -EEXIST;
	else
		err = condis_obj_publish(&b->obj);
	if (err) {
		mutex_unlock(&condis_config_lock);
		b->ctx = NULL;			/* a failed call keeps no context */
		condis_obj_put(&b->obj);	/* drops pobj and aobj too */
		return err;
	}
	list_add_tail(&b->proto_node, &protocol->bindings);
	b->listed_seq = ++adapter->af_notify_seq;
	spin_lock_bh(&adapter->lock);	/* status indications walk the list too */
	list_add_tail(&b->adapter_node, &adapter->bindings);
	spin_unlock_bh(&adapter->lock);
	condis_nl_notify_binding(b, CONDIS_EVENT_TYPE_NEW);
	mutex_unlock(&condis_config_lock);
	*binding = b;
	return 0;

err_put:
	if (pobj)
		condis_obj_put(pobj);
	if (aobj)
		condis_obj_put(aobj);
	return err;
}
EXPORT_SYMBOL_NS_GPL(condis_open_adapter, CONDIS);

/**
 * condis_close_adapter() - close a binding (NdisCloseAdapterEx)
 * @binding: an open binding
 *
 * The protocol closes every address family it opened on the binding, and
 * a CM's address families must have no client left on them, before this.
 * The handle is stale once it returns 0.
 *
 * Context: process.
 * Return: 0; -EBADF for a bad handle; -EALREADY if closed already; -EBUSY
 * if address families are still open (nothing changes then).
 */
int condis_close_adapter(struct condis_binding *binding)
{
	int err;

	if (!condis_handle_get(binding, CONDIS_OBJ_BINDING, "close_adapter"))
		return -EBADF;
	mutex_lock(&condis_config_lock);
	if (binding->state != CONDIS_BINDING_OPEN) {
		err = -EALREADY;
	} else if (condis_binding_has_afs(binding)) {
		condis_bad_input("close_adapter: %s still has address families open on %s",
				 binding->protocol->name, binding->adapter->name);
		err = -EBUSY;
	} else {
		err = condis_cm_af_remove_binding(binding);
	}
	if (!err) {
		WRITE_ONCE(binding->state, CONDIS_BINDING_CLOSED);
		list_del(&binding->proto_node);
		spin_lock_bh(&binding->adapter->lock);
		list_del(&binding->adapter_node);
		spin_unlock_bh(&binding->adapter->lock);
		condis_nl_notify_binding(binding, CONDIS_EVENT_TYPE_DEL);
	}
	mutex_unlock(&condis_config_lock);
	if (!err) {
		complete_all(&binding->closed);
		condis_settle_wake();	/* teardown may wait for bindings to close */
		condis_obj_unpublish(&binding->obj);
		condis_binding_put(binding);	/* the open's reference */
	}
	condis_binding_put(binding);
	return err;
}
EXPORT_SYMBOL_NS_GPL(condis_close_adapter, CONDIS);

/**
 * condis_binding_close_left_open() - close a binding whose AFs a teardown
 *	closed (condis_binding_force_close())
 * @binding: the binding
 *
 * A binding that still cannot be closed is reported, and left open.
 *
 * Context: process.
 */
void condis_binding_close_left_open(struct condis_binding *binding)
{
	if (condis_close_adapter(binding) && !completion_done(&binding->closed))
		pr_warn("teardown: %s's binding to %s could not be closed\n",
			binding->protocol->name, binding->adapter->name);
}

static void condis_bind(struct condis_protocol *protocol, struct condis_adapter *adapter)
{
	struct condis_binding *binding;
	int err;

	err = protocol->ops->bind_adapter(protocol->priv, adapter);
	if (err)
		return;
	mutex_lock(&condis_config_lock);
	binding = find_binding(protocol, adapter);
	if (binding)
		condis_obj_get(&binding->obj);
	mutex_unlock(&condis_config_lock);
	if (!binding) {
		condis_bad_input("%s returned 0 from bind_adapter without opening %s",
				 protocol->name, adapter->name);
		return;
	}
	/* Advertise the address families registered before this binding. */
	condis_binding_notify_afs(binding);
	condis_binding_put(binding);
}

/*
 * Unbind @binding and see it closed: by its protocol, or, if the protocol
 * leaves it open or does not finish a pended unbind within what is left
 * of @td's budget, by condis in NDIS's order (teardown.c).
 */
static void condis_unbind(struct condis_binding *binding, struct condis_teardown *td)
{
	struct condis_protocol *protocol = binding->protocol;
	long left;
	int ret;

	ret = protocol->ops->unbind_adapter(binding->ctx, binding);
	if (ret != CONDIS_PENDING && !completion_done(&binding->closed)) {
		condis_bad_input("%s: unbind_adapter returned %d but %s is still open",
				 protocol->name, ret, binding->adapter->name);
		condis_binding_force_close(binding, td);
		return;
	}
	/*
	 * A protocol that let one budget run out is not waited for again;
	 * one that did not still gets a second when another spent the budget.
	 */
	if (READ_ONCE(protocol->unresponsive))
		left = 0;
	else if (td->expired)
		left = HZ;
	else
		left = (long)td->deadline - (long)jiffies;
	if (wait_for_completion_timeout(&binding->closed, max(left, 1L)))
		return;
	if (!READ_ONCE(protocol->unresponsive))
		pr_warn("teardown of %s: %s did not finish unbinding from %s; condis closes what it left, and waits for %s no more\n",
			td->who, protocol->name, binding->adapter->name, protocol->name);
	WRITE_ONCE(protocol->unresponsive, true);
	td->expired = true;
	condis_binding_force_close(binding, td);
}

/* The unbind condis_request_unbind() queued; it holds a binding reference. */
static void condis_requested_unbind(struct work_struct *work)
{
	struct condis_binding *binding = container_of(work, struct condis_binding, unbind_work);
	struct condis_teardown td;

	condis_teardown_begin(&td, binding->protocol->name);
	condis_unbind(binding, &td);
	complete_all(&binding->unbound);
	condis_binding_put(binding);
}

/**
 * condis_request_unbind() - a protocol asks to be unbound from an adapter
 *	(NdisUnbindAdapter)
 * @binding: the protocol's open binding
 *
 * condis calls the protocol's unbind_adapter for @binding from its
 * workqueue, as it would for a departing adapter, and the binding ends as
 * any unbind does; the protocol and the adapter stay registered.  Only the
 * first unbind of a binding runs: one this requests, or a departure's.
 *
 * Context: process (takes condis_config_lock).
 * Return: 0 (the unbind is queued); -EBADF for a bad handle; -EALREADY if
 * the binding is being unbound or closed already.
 */
int condis_request_unbind(struct condis_binding *binding)
{
	bool ours;

	if (!condis_handle_get(binding, CONDIS_OBJ_BINDING, "request_unbind"))
		return -EBADF;
	mutex_lock(&condis_config_lock);
	ours = !binding->unbinding && binding->state == CONDIS_BINDING_OPEN;
	if (ours)
		binding->unbinding = true;
	mutex_unlock(&condis_config_lock);
	if (!ours) {
		condis_binding_put(binding);
		return -EALREADY;
	}
	queue_work(condis_wq_get(), &binding->unbind_work);	/* keeps the reference */
	return 0;
}
EXPORT_SYMBOL_NS_GPL(condis_request_unbind, CONDIS);

/* Bind @protocol to every adapter; the protocol was just registered. */
void condis_protocol_bind_all(struct condis_protocol *protocol)
{
	struct condis_miniport *mp;
	struct condis_adapter *ad, **todo;
	unsigned int n = 0, i;

	might_sleep();
	mutex_lock(&condis_config_lock);
	list_for_each_entry(mp, &condis_miniports, node)
		list_for_each_entry(ad, &mp->adapters, node)
			n++;
	todo = kcalloc(n, sizeof(*todo), GFP_KERNEL);
	n = 0;
	list_for_each_entry(mp, &condis_miniports, node)
		list_for_each_entry(ad, &mp->adapters, node)
			if (todo && !ad->dying) {
				condis_obj_get(&ad->obj);
				todo[n++] = ad;
			}
	mutex_unlock(&condis_config_lock);
	for (i = 0; i < n; i++) {
		condis_bind(protocol, todo[i]);
		condis_obj_put(&todo[i]->obj);
	}
	kfree(todo);
}

/* Bind every protocol to @adapter; the adapter was just registered. */
void condis_adapter_bind_all(struct condis_adapter *adapter)
{
	struct condis_protocol *proto, **todo;
	unsigned int n = 0, i;

	might_sleep();
	mutex_lock(&condis_config_lock);
	list_for_each_entry(proto, &condis_protocols, node)
		n++;
	todo = kcalloc(n, sizeof(*todo), GFP_KERNEL);
	n = 0;
	list_for_each_entry(proto, &condis_protocols, node)
		if (todo && !proto->dying) {
			condis_obj_get(&proto->obj);
			todo[n++] = proto;
		}
	mutex_unlock(&condis_config_lock);
	for (i = 0; i < n; i++) {
		condis_bind(todo[i], adapter);
		condis_obj_put(&todo[i]->obj);
	}
	kfree(todo);
}

/*
 * Unbind the first binding on @list (a protocol's or an adapter's) until
 * none is left.  Each round takes the lock afresh: unbinding one binding
 * may change the list.  A binding is on two lists, and an adapter may go
 * away while its protocol deregisters: whichever comes first calls
 * unbind_adapter, exactly once, and the other waits for that unbind.
 */
static void condis_unbind_list(struct list_head *list, bool adapter_list,
			       struct condis_teardown *td)
{
	struct condis_binding *binding;
	bool ours = false;

	might_sleep();
	for (;;) {
		mutex_lock(&condis_config_lock);
		if (adapter_list)
			binding = list_first_entry_or_null(list, struct condis_binding,
							   adapter_node);
		else
			binding = list_first_entry_or_null(list, struct condis_binding,
							   proto_node);
		if (binding) {
			condis_obj_get(&binding->obj);
			ours = !binding->unbinding;
			binding->unbinding = true;
		}
		mutex_unlock(&condis_config_lock);
		if (!binding)
			return;
		if (ours) {
			condis_unbind(binding, td);
			complete_all(&binding->unbound);
		} else {
			wait_for_completion(&binding->unbound);
		}
		if (!completion_done(&binding->closed)) {
			/* The protocol refused to close: leave it, say so once. */
			condis_binding_put(binding);
			return;
		}
		condis_binding_put(binding);
	}
}

void condis_protocol_unbind_all(struct condis_protocol *protocol, struct condis_teardown *td)
{
	condis_unbind_list(&protocol->bindings, false, td);
}

void condis_adapter_unbind_all(struct condis_adapter *adapter, struct condis_teardown *td)
{
	condis_unbind_list(&adapter->bindings, true, td);
}
