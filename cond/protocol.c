// SPDX-License-Identifier: GPL-2.0
/*
 * Protocol drivers: clients and stand-alone call managers
 * (NdisRegisterProtocolDriver + NdisSetOptionalHandlers).
 */
#include <linux/slab.h>
#include <linux/string.h>

#include "core.h"
#include "objects.h"
#include "pending.h"

/* Protects the topology: see objects.h. */
DEFINE_MUTEX(condis_config_lock);
LIST_HEAD(condis_protocols);

static void condis_protocol_release(struct condis_obj *obj)
{
	kfree(container_of(obj, struct condis_protocol, obj));
}

static bool condis_cl_ops_complete(const struct condis_cl_ops *ops)
{
	/* NDIS: every client handler must be present, even as a placeholder. */
	return ops->open_af_complete && ops->close_af_complete &&
	       ops->register_sap_complete && ops->deregister_sap_complete &&
	       ops->notify_close_af && ops->create_vc && ops->delete_vc &&
	       ops->make_call_complete && ops->close_call_complete && ops->incoming_call &&
	       ops->call_connected && ops->incoming_close_call && ops->add_party_complete &&
	       ops->drop_party_complete && ops->incoming_drop_party &&
	       ops->modify_call_qos_complete && ops->incoming_call_qos_change &&
	       ops->oid_request && ops->oid_request_complete;
}

bool condis_cm_ops_complete(const struct condis_cm_ops *ops)
{
	return ops->open_af && ops->close_af && ops->register_sap && ops->deregister_sap &&
	       ops->notify_close_af_complete && ops->create_vc && ops->delete_vc &&
	       ops->make_call && ops->close_call && ops->incoming_call_complete &&
	       ops->add_party && ops->drop_party && ops->modify_call_qos && ops->oid_request &&
	       ops->oid_request_complete;
}

/**
 * condis_register_protocol() - register a client and/or stand-alone CM
 * @desc: the protocol's callbacks; must outlive the registration
 * @priv: passed back to @desc->ops->bind_adapter
 * @protocol: set to the protocol's handle on success
 *
 * Every callback of the tables @desc names must be non-NULL.  The protocol
 * is asked to bind to every adapter that exists already before this
 * returns, and to every adapter registered later.
 *
 * Context: process; sleeps.
 * Return: 0, -EINVAL for an incomplete @desc, or -ENOMEM.
 */
int condis_register_protocol(const struct condis_protocol_desc *desc, void *priv,
			     struct condis_protocol **protocol)
{
	struct condis_protocol *proto;
	int err;

	if (!desc || !desc->ops || !desc->ops->bind_adapter || !desc->ops->unbind_adapter ||
	    !desc->ops->af_register_notify || !desc->ops->co_status || !desc->ops->co_receive ||
	    !desc->ops->co_send_complete || !protocol ||
	    (desc->cl_ops && !condis_cl_ops_complete(desc->cl_ops)) ||
	    (desc->cm_ops && (!condis_cm_ops_complete(desc->cm_ops) ||
			      !desc->cm_ops->activate_vc_complete ||
			      !desc->cm_ops->deactivate_vc_complete))) {
		condis_bad_input("register_protocol: missing callbacks");
		return -EINVAL;
	}

	proto = kzalloc(sizeof(*proto), GFP_KERNEL);
	if (!proto)
		return -ENOMEM;
	condis_obj_init(&proto->obj, CONDIS_OBJ_PROTOCOL, condis_protocol_release);
	strscpy(proto->name, desc->name ?: "protocol", sizeof(proto->name));
	proto->ops = desc->ops;
	proto->cl_ops = desc->cl_ops;
	proto->cm_ops = desc->cm_ops;
	proto->priv = priv;
	INIT_LIST_HEAD(&proto->bindings);
	err = condis_obj_publish(&proto->obj);
	if (err) {
		condis_obj_put(&proto->obj);
		return err;
	}

	mutex_lock(&condis_config_lock);
	list_add_tail(&proto->node, &condis_protocols);
	mutex_unlock(&condis_config_lock);

	*protocol = proto;
	condis_protocol_bind_all(proto);
	return 0;
}
EXPORT_SYMBOL_NS_GPL(condis_register_protocol, CONDIS);

/**
 * condis_deregister_protocol() - unbind a protocol everywhere and remove it
 * @protocol: a registered protocol
 *
 * Each binding gets @unbind_adapter; this waits until every binding is
 * closed, by the protocol or, what it leaves, by condis (forced teardown,
 * Documentation/core.rst): at most condis_teardown_wait_ms for all the
 * drivers involved, then condis completes for them.  The handle is stale
 * once this returns.
 *
 * Context: process; sleeps.
 */
void condis_deregister_protocol(struct condis_protocol *protocol)
{
	struct condis_obj *obj = condis_handle_get(protocol, CONDIS_OBJ_PROTOCOL,
						   "deregister_protocol");
	struct condis_teardown td;

	if (!obj)
		return;
	mutex_lock(&condis_config_lock);
	if (protocol->dying) {
		mutex_unlock(&condis_config_lock);
		condis_bad_input("deregister_protocol: %s deregistered twice", protocol->name);
		condis_obj_put(obj);
		return;
	}
	protocol->dying = true;
	mutex_unlock(&condis_config_lock);

	condis_teardown_begin(&td, protocol->name);
	condis_protocol_unbind_all(protocol, &td);

	mutex_lock(&condis_config_lock);
	list_del(&protocol->node);
	mutex_unlock(&condis_config_lock);
	/* Notifications queued for its bindings must not outlive it. */
	flush_workqueue(condis_wq_get());
	condis_obj_unpublish(obj);
	condis_obj_put(obj);	/* the handle lookup's */
	condis_obj_put(obj);	/* the registration's */
}
EXPORT_SYMBOL_NS_GPL(condis_deregister_protocol, CONDIS);

/* The priv of the client (@cm false) or the call manager of an open AF. */
static void *af_driver_priv(struct condis_af *af, bool cm)
{
	struct condis_cm_af *cm_af = af->cm_af;

	if (!cm)
		return af->binding->protocol->priv;
	return cm_af->cm_binding ? cm_af->cm_binding->protocol->priv :
				   cm_af->adapter->miniport->priv;
}

/**
 * condis_driver_priv() - which driver has a part in an object
 * @handle: an AF, SAP, VC or party handle
 * @cm: false for its client, true for its call manager
 *
 * The priv the driver registered with (condis_register_protocol(), or
 * condis_register_miniport() for an MCM): a driver whose functions serve
 * several drivers (ndis.ko's) finds the one a handle belongs to.  A
 * signalling VC has no client; its call manager is the protocol that
 * created it.
 *
 * Context: any.
 * Return: the priv; NULL for a bad handle or a role nobody has.
 */
void *condis_driver_priv(const void *handle, bool cm)
{
	static const enum condis_obj_type types[] = {
		CONDIS_OBJ_AF, CONDIS_OBJ_SAP, CONDIS_OBJ_VC, CONDIS_OBJ_PARTY,
	};
	struct condis_obj *obj = NULL;
	struct condis_vc *vc = NULL;
	void *priv = NULL;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(types) && !obj; i++)
		obj = condis_obj_get_handle(handle, types[i]);
	if (!obj) {
		condis_bad_input("driver_priv: bad handle %p", handle);
		return NULL;
	}
	switch (obj->type) {
	case CONDIS_OBJ_AF:
		priv = af_driver_priv(container_of(obj, struct condis_af, obj), cm);
		break;
	case CONDIS_OBJ_SAP:
		priv = af_driver_priv(container_of(obj, struct condis_sap, obj)->af, cm);
		break;
	case CONDIS_OBJ_VC:
		vc = container_of(obj, struct condis_vc, obj);
		break;
	default:
		vc = container_of(obj, struct condis_party, obj)->vc;
		break;
	}
	if (vc && vc->af)
		priv = af_driver_priv(vc->af, cm);
	else if (vc && cm)
		priv = vc->sig_binding->protocol->priv;
	condis_obj_put(obj);
	return priv;
}
EXPORT_SYMBOL_NS_GPL(condis_driver_priv, CONDIS);
