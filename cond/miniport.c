// SPDX-License-Identifier: GPL-2.0
/*
 * Connection-oriented miniport drivers and their adapters
 * (NdisMRegisterMiniportDriver with NDIS_MINIPORT_CO_CHARACTERISTICS, and
 * the adapters that MiniportInitializeEx / MiniportHaltEx bring and take).
 */
#include <linux/slab.h>
#include <linux/string.h>

#include "core.h"
#include "netlink.h"
#include "objects.h"
#include "pending.h"

LIST_HEAD(condis_miniports);

static void condis_miniport_release(struct condis_obj *obj)
{
	kfree(container_of(obj, struct condis_miniport, obj));
}

static void condis_adapter_release(struct condis_obj *obj)
{
	struct condis_adapter *adapter = container_of(obj, struct condis_adapter, obj);

	condis_obj_put(&adapter->miniport->obj);
	kfree(adapter);
}

/**
 * condis_register_miniport() - register a CO miniport driver
 * @desc: the driver; @desc->cm_ops makes it an MCM
 * @priv: the driver's own pointer, kept for it
 * @miniport: set to the driver's handle on success
 *
 * Context: process.
 * Return: 0, -EINVAL, or -ENOMEM.
 */
int condis_register_miniport(const struct condis_miniport_desc *desc, void *priv,
			     struct condis_miniport **miniport)
{
	struct condis_miniport *mp;
	int err;

	if (!desc || !miniport || (desc->cm_ops && !condis_cm_ops_complete(desc->cm_ops)) ||
	    !desc->ops || !desc->ops->send || !desc->ops->return_skbs ||
	    (!desc->cm_ops && (!desc->ops->create_vc || !desc->ops->delete_vc ||
			       !desc->ops->activate_vc || !desc->ops->deactivate_vc))) {
		condis_bad_input("register_miniport: missing callbacks");
		return -EINVAL;
	}
	mp = kzalloc(sizeof(*mp), GFP_KERNEL);
	if (!mp)
		return -ENOMEM;
	condis_obj_init(&mp->obj, CONDIS_OBJ_MINIPORT, condis_miniport_release);
	strscpy(mp->name, desc->name ?: "miniport", sizeof(mp->name));
	mp->ops = desc->ops;
	mp->cm_ops = desc->cm_ops;
	mp->priv = priv;
	INIT_LIST_HEAD(&mp->adapters);
	err = condis_obj_publish(&mp->obj);
	if (err) {
		condis_obj_put(&mp->obj);
		return err;
	}
	mutex_lock(&condis_config_lock);
	list_add_tail(&mp->node, &condis_miniports);
	mutex_unlock(&condis_config_lock);
	*miniport = mp;
	return 0;
}
EXPORT_SYMBOL_NS_GPL(condis_register_miniport, CONDIS);

static void adapter_remove(struct condis_adapter *adapter, struct condis_teardown *td);

/**
 * condis_deregister_miniport() - remove a CO miniport driver
 * @miniport: a registered driver
 *
 * Adapters still registered are unregistered first, as
 * condis_adapter_unregister() does.
 *
 * Context: process; sleeps.
 */
void condis_deregister_miniport(struct condis_miniport *miniport)
{
	struct condis_obj *obj = condis_handle_get(miniport, CONDIS_OBJ_MINIPORT,
						   "deregister_miniport");
	struct condis_adapter *adapter;
	struct condis_teardown td;

	if (!obj)
		return;
	/* One budget for all its adapters: its module's unload waits once. */
	condis_teardown_begin(&td, miniport->name);
	for (;;) {
		mutex_lock(&condis_config_lock);
		adapter = list_first_entry_or_null(&miniport->adapters,
						   struct condis_adapter, node);
		mutex_unlock(&condis_config_lock);
		if (!adapter)
			break;
		adapter_remove(adapter, &td);
	}
	mutex_lock(&condis_config_lock);
	list_del(&miniport->node);
	mutex_unlock(&condis_config_lock);
	condis_obj_unpublish(obj);
	condis_obj_put(obj);
	condis_obj_put(obj);
}
EXPORT_SYMBOL_NS_GPL(condis_deregister_miniport, CONDIS);

/**
 * condis_adapter_register() - an adapter of a miniport comes up
 * @miniport: its driver
 * @name: shown in debugfs and traces
 * @adapter_ctx: the miniport's context for the adapter (an MCM's
 *	CallMgrBindingContext)
 * @adapter: set to the adapter's handle on success
 *
 * Every registered protocol is asked to bind before this returns.  An MCM
 * registers its address families with condis_mcm_register_af() afterwards.
 *
 * Context: process; sleeps.
 * Return: 0; -EBADF for a bad miniport handle; -EINVAL if @adapter is
 * NULL; -ENOMEM.  On failure nothing changed and *@adapter is untouched.
 */
int condis_adapter_register(struct condis_miniport *miniport, const char *name,
			    void *adapter_ctx, struct condis_adapter **adapter)
{
	struct condis_obj *mp_obj = condis_handle_get(miniport, CONDIS_OBJ_MINIPORT,
						      "adapter_register");
	struct condis_adapter *ad;
	int err;

	if (!mp_obj)
		return -EBADF;
	if (!adapter) {
		condis_bad_input("adapter_register: no place for the adapter's handle");
		condis_obj_put(mp_obj);
		return -EINVAL;
	}
	ad = kzalloc(sizeof(*ad), GFP_KERNEL);
	if (!ad) {
		condis_obj_put(mp_obj);
		return -ENOMEM;
	}
	condis_obj_init(&ad->obj, CONDIS_OBJ_ADAPTER, condis_adapter_release);
	strscpy(ad->name, name ?: "adapter", sizeof(ad->name));
	ad->miniport = miniport;	/* keeps the handle lookup's reference */
	ad->ctx = adapter_ctx;
	INIT_LIST_HEAD(&ad->bindings);
	INIT_LIST_HEAD(&ad->cm_afs);
	spin_lock_init(&ad->lock);
	INIT_LIST_HEAD(&ad->sig_vcs);
	INIT_LIST_HEAD(&ad->oids);
	err = condis_obj_publish(&ad->obj);
	if (err) {
		condis_obj_put(&ad->obj);
		return err;
	}
	mutex_lock(&condis_config_lock);
	list_add_tail(&ad->node, &miniport->adapters);
	condis_nl_notify_adapter(ad, CONDIS_EVENT_TYPE_NEW);
	mutex_unlock(&condis_config_lock);
	*adapter = ad;
	condis_adapter_bind_all(ad);
	return 0;
}
EXPORT_SYMBOL_NS_GPL(condis_adapter_register, CONDIS);

/**
 * condis_adapter_unregister() - an adapter goes away (MiniportHaltEx)
 * @adapter: a registered adapter
 *
 * Every binding gets its protocol's @unbind_adapter and this waits until
 * they are closed, by their protocols or by condis (forced teardown): at
 * most condis_teardown_wait_ms for all the drivers involved.  The MCM's
 * address families go with the adapter.
 *
 * Context: process; sleeps.
 */
void condis_adapter_unregister(struct condis_adapter *adapter)
{
	adapter_remove(adapter, NULL);
}
EXPORT_SYMBOL_NS_GPL(condis_adapter_unregister, CONDIS);

/* Unregister @adapter as part of the departure @td (NULL: its own). */
static void adapter_remove(struct condis_adapter *adapter, struct condis_teardown *td)
{
	struct condis_obj *obj = condis_handle_get(adapter, CONDIS_OBJ_ADAPTER,
						   "adapter_unregister");
	struct condis_teardown own;

	if (!obj)
		return;
	mutex_lock(&condis_config_lock);
	if (adapter->dying) {
		mutex_unlock(&condis_config_lock);
		condis_obj_put(obj);
		return;
	}
	adapter->dying = true;
	mutex_unlock(&condis_config_lock);

	if (!td) {
		condis_teardown_begin(&own, adapter->name);
		td = &own;
	}
	condis_adapter_unbind_all(adapter, td);
	flush_workqueue(condis_wq_get());

	mutex_lock(&condis_config_lock);
	condis_cm_af_remove_all(adapter);
	list_del(&adapter->node);
	condis_nl_notify_adapter(adapter, CONDIS_EVENT_TYPE_DEL);
	mutex_unlock(&condis_config_lock);
	condis_obj_unpublish(obj);
	condis_obj_put(obj);
	condis_obj_put(obj);
}

/**
 * condis_adapter_name() - the name a miniport registered an adapter with
 * @adapter: the adapter, as a protocol's bind_adapter received it
 *
 * Context: any, while the adapter is registered (in bind_adapter, or while
 * the caller has a binding open on it).
 * Return: the name; it lives as long as the adapter.
 */
const char *condis_adapter_name(struct condis_adapter *adapter)
{
	return adapter ? adapter->name : "(none)";
}
EXPORT_SYMBOL_NS_GPL(condis_adapter_name, CONDIS);
