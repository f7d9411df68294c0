// SPDX-License-Identifier: GPL-2.0
/*
 * coecho: module init and exit, the protocol's registration, bindings and
 * their address family.
 *
 * coecho binds to every condis adapter and opens the conic AF on a
 * binding as soon as af_register_notify offers it, one AF per binding.
 * The AF is closed, after everything on it, when the call manager asks
 * (notify-close, from a work item) or when the binding goes (unbind,
 * synchronously); both run coecho_af_teardown() with the binding's rwsem
 * held for writing.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "coecho.h"
/*
 * Only for the adapter's name, which the user names adapters by:
 * <net/condis.h> has no accessor for it (NDIS gives it to
 * ProtocolBindAdapterEx in its bind parameters).
 */

struct coecho_module coecho;

/**
 * coecho_wait() - wait for a pended operation's completion
 * @done: completed by the operation's completion callback
 * @status: where that callback left the operation's status
 *
 * Context: process; sleeps for up to COECHO_WAIT.
 * Return: the operation's status, or -ETIMEDOUT (the completion then
 * still comes, later, and finishes the operation without a waiter).
 */
int coecho_wait(struct completion *done, int *status)
{
	if (!wait_for_completion_timeout(done, COECHO_WAIT))
		return -ETIMEDOUT;
	return READ_ONCE(*status);
}

static void coecho_binding_release(struct kref *ref)
{
	kfree(container_of(ref, struct coecho_binding, ref));
}

/**
 * coecho_binding_put() - drop a reference to a binding
 * @b: the binding
 *
 * Context: any.
 */
void coecho_binding_put(struct coecho_binding *b)
{
	kref_put(&b->ref, coecho_binding_release);
}

/**
 * coecho_binding_get_open() - find the binding of an adapter with an open AF
 * @name: the adapter's name
 * @bp: set to the binding
 *
 * On success the caller holds a reference and the binding's rwsem for
 * reading, so the AF stays open until coecho_binding_put_open().
 *
 * Context: process; sleeps while the AF is being torn down.
 * Return: 0, or -ENODEV for an unknown adapter or one without an open AF.
 */
int coecho_binding_get_open(const char *name, struct coecho_binding **bp)
{
	struct coecho_binding *b, *found = NULL;
	bool open;

	spin_lock_bh(&coecho.lock);
	list_for_each_entry(b, &coecho.bindings, node) {
		if (!b->dying && b->af_state == COECHO_AF_OPEN && !strcmp(b->name, name)) {
			kref_get(&b->ref);
			found = b;
			break;
		}
	}
	spin_unlock_bh(&coecho.lock);
	if (!found)
		return -ENODEV;

	down_read(&found->rwsem);
	spin_lock_bh(&coecho.lock);
	open = !found->dying && found->af_state == COECHO_AF_OPEN;
	spin_unlock_bh(&coecho.lock);
	if (!open) {
		coecho_binding_put_open(found);
		return -ENODEV;
	}
	*bp = found;
	return 0;
}

/**
 * coecho_binding_put_open() - undo coecho_binding_get_open()
 * @b: the binding
 *
 * Context: process.
 */
void coecho_binding_put_open(struct coecho_binding *b)
{
	up_read(&b->rwsem);
	coecho_binding_put(b);
}

/* No SAP and no VC left on @b. */
static bool coecho_binding_quiet(struct coecho_binding *b)
{
	bool quiet;

	spin_lock_bh(&coecho.lock);
	quiet = list_empty(&b->saps) && !b->nr_vcs;
	spin_unlock_bh(&coecho.lock);
	return quiet;
}

/*
 * Close everything on @b's AF, then the AF, and answer a pending
 * notify-close.  Each step waits COECHO_WAIT at most per completion; what
 * does not complete is reported and left to condis's forced teardown.
 */
static int coecho_af_teardown(struct coecho_binding *b)
{
	struct condis_af *af = NULL, *notify_af = NULL;
	bool opening;
	int status = 0;

	lockdep_assert_held_write(&b->rwsem);
	spin_lock_bh(&coecho.lock);
	opening = b->af_state == COECHO_AF_OPENING;
	spin_unlock_bh(&coecho.lock);
	if (opening && !wait_for_completion_timeout(&b->af_done, COECHO_WAIT))
		pr_warn("%s: the AF open did not complete\n", b->name);

	spin_lock_bh(&coecho.lock);
	if (b->af_state == COECHO_AF_OPEN) {
		b->af_state = COECHO_AF_CLOSING;
		af = b->af;
	}
	spin_unlock_bh(&coecho.lock);

	if (af) {
		coecho_saps_teardown(b);
		coecho_calls_teardown(b);
		if (!wait_event_timeout(coecho.waitq, coecho_binding_quiet(b), COECHO_WAIT))
			pr_warn("%s: SAPs or VCs are left on the AF\n", b->name);
		reinit_completion(&b->af_done);
		status = condis_cl_close_af(af);
		if (status == CONDIS_PENDING) {
			status = coecho_wait(&b->af_done, &b->af_status);
		} else {
			/* No completion follows: the AF stays as it was. */
			spin_lock_bh(&coecho.lock);
			if (b->af_state == COECHO_AF_CLOSING)
				b->af_state = COECHO_AF_OPEN;
			spin_unlock_bh(&coecho.lock);
		}
		if (status)
			pr_warn("%s: closing the AF failed: %pe\n", b->name, ERR_PTR(status));
	}

	spin_lock_bh(&coecho.lock);
	if (b->notify_pending) {
		notify_af = b->notify_af;
		b->notify_pending = false;
		b->notify_af = NULL;
	}
	spin_unlock_bh(&coecho.lock);
	if (notify_af)
		condis_cl_notify_close_af_complete(notify_af, status);
	return status;
}

static void coecho_notify_fn(struct work_struct *work)
{
	struct coecho_binding *b = container_of(work, struct coecho_binding, notify_work);

	down_write(&b->rwsem);
	coecho_af_teardown(b);
	up_write(&b->rwsem);
	coecho_binding_put(b);
}

/* ---- condis_protocol_ops ------------------------------------------------ */

static void coecho_adapter_name(struct condis_adapter *adapter, char *name)
{
	strscpy(name, condis_adapter_name(adapter), COECHO_ADAPTER_NAME_MAX);
}

static int coecho_bind_adapter(void *proto_priv, struct condis_adapter *adapter)
{
	struct condis_binding *handle;
	struct coecho_binding *b;
	int err;

	b = kzalloc(sizeof(*b), GFP_KERNEL);
	if (!b)
		return -ENOMEM;
	kref_init(&b->ref);
	init_completion(&b->bound);
	init_rwsem(&b->rwsem);
	init_completion(&b->af_done);
	INIT_WORK(&b->notify_work, coecho_notify_fn);
	INIT_LIST_HEAD(&b->saps);
	coecho_adapter_name(adapter, b->name);

	err = condis_open_adapter(coecho.protocol, adapter, b, &handle);
	if (err) {
		pr_warn("%s: cannot bind: %pe\n", b->name, ERR_PTR(err));
		kfree(b);
		return err;
	}
	b->handle = handle;
	spin_lock_bh(&coecho.lock);
	list_add_tail(&b->node, &coecho.bindings);
	spin_unlock_bh(&coecho.lock);
	/* af_register_notify may already be waiting for the handle. */
	complete_all(&b->bound);
	coecho_count(binds);
	pr_info("%s: bound\n", b->name);
	return 0;
}

static int coecho_unbind_adapter(void *binding_ctx, struct condis_binding *binding)
{
	struct coecho_binding *b = binding_ctx;
	int err;

	spin_lock_bh(&coecho.lock);
	b->dying = true;
	spin_unlock_bh(&coecho.lock);

	down_write(&b->rwsem);
	coecho_af_teardown(b);
	up_write(&b->rwsem);
	/* Work items queued for the binding's objects find them closed. */
	flush_workqueue(coecho.wq);

	err = condis_close_adapter(binding);
	if (err)
		pr_warn("%s: cannot close the binding: %pe\n", b->name, ERR_PTR(err));
	spin_lock_bh(&coecho.lock);
	list_del(&b->node);
	spin_unlock_bh(&coecho.lock);
	pr_info("%s: unbound\n", b->name);
	coecho_binding_put(b);
	return err;
}

static void coecho_af_register_notify(void *binding_ctx, const struct condis_af_type *type)
{
	struct coecho_binding *b = binding_ctx;
	struct condis_af *af;
	bool open = false;
	int ret;

	if (type->family != CONIC_AF_FAMILY || type->major != CONIC_AF_MAJOR)
		return;
	wait_for_completion(&b->bound);

	spin_lock_bh(&coecho.lock);
	if (!b->dying && b->af_state == COECHO_AF_NONE) {
		b->af_state = COECHO_AF_OPENING;
		reinit_completion(&b->af_done);
		kref_get(&b->ref);	/* the AF's */
		open = true;
	}
	spin_unlock_bh(&coecho.lock);
	if (!open)
		return;

	ret = condis_cl_open_af(b->handle, type, b, &af);
	if (ret == CONDIS_PENDING)
		return;
	pr_warn("%s: cannot open the AF: %pe\n", b->name, ERR_PTR(ret));
	spin_lock_bh(&coecho.lock);
	b->af_state = COECHO_AF_NONE;
	spin_unlock_bh(&coecho.lock);
	complete_all(&b->af_done);
	coecho_binding_put(b);
}

static void coecho_co_status(void *binding_ctx, void *vc_ctx,
			     const struct condis_status_indication *ind)
{
	struct coecho_binding *b = binding_ctx;

	pr_debug("%s: status %#x%s\n", b->name, ind->code, vc_ctx ? " on a VC" : "");
}

/* ---- AF callbacks (condis_cl_ops) ---------------------------------------- */

static void coecho_open_af_complete(void *cl_af_ctx, struct condis_af *af, int status)
{
	struct coecho_binding *b = cl_af_ctx;
	bool ok;

	spin_lock_bh(&coecho.lock);
	ok = b->af_state == COECHO_AF_OPENING;
	if (ok) {
		b->af_status = status;
		if (!status) {
			b->af = af;
			b->af_state = COECHO_AF_OPEN;
		} else {
			b->af_state = COECHO_AF_NONE;
		}
	}
	spin_unlock_bh(&coecho.lock);
	if (!ok) {
		coecho_error("%s: an AF open completed that was not in flight", b->name);
		return;
	}
	if (!status) {
		coecho_count(afs_open);
		pr_info("%s: AF open\n", b->name);
	} else {
		pr_warn("%s: the AF open failed: %pe\n", b->name, ERR_PTR(status));
	}
	complete_all(&b->af_done);
	if (status)
		coecho_binding_put(b);	/* the AF's */
}

static void coecho_close_af_complete(int status, void *cl_af_ctx)
{
	struct coecho_binding *b = cl_af_ctx;

	spin_lock_bh(&coecho.lock);
	b->af_status = status;
	if (!status) {
		b->af = NULL;
		b->af_state = COECHO_AF_NONE;
	} else if (b->af_state == COECHO_AF_CLOSING) {
		b->af_state = COECHO_AF_OPEN;	/* refused: it stays open */
	}
	spin_unlock_bh(&coecho.lock);
	if (!status)
		pr_info("%s: AF closed\n", b->name);
	complete_all(&b->af_done);
	if (!status)
		coecho_binding_put(b);	/* the AF's */
}

static int coecho_notify_close_af(void *cl_af_ctx)
{
	struct coecho_binding *b = cl_af_ctx;

	spin_lock_bh(&coecho.lock);
	b->notify_pending = true;
	b->notify_af = b->af;
	spin_unlock_bh(&coecho.lock);
	pr_info("%s: the call manager closes the AF\n", b->name);
	kref_get(&b->ref);
	if (!queue_work(coecho.wq, &b->notify_work))
		coecho_binding_put(b);
	return CONDIS_PENDING;
}

static int coecho_oid_request(void *cl_af_ctx, void *cl_vc_ctx, void *cl_party_ctx,
			      struct condis_oid_request *req)
{
	return -EOPNOTSUPP;
}

static void coecho_oid_request_complete(void *cl_af_ctx, void *cl_vc_ctx, void *cl_party_ctx,
					struct condis_oid_request *req, int status)
{
	/* coecho sends no OID requests. */
}

static const struct condis_protocol_ops coecho_proto_ops = {
	.bind_adapter = coecho_bind_adapter,
	.unbind_adapter = coecho_unbind_adapter,
	.af_register_notify = coecho_af_register_notify,
	.co_status = coecho_co_status,
	.co_receive = coecho_co_receive,
	.co_send_complete = coecho_co_send_complete,
};

static const struct condis_cl_ops coecho_cl_ops = {
	.open_af_complete = coecho_open_af_complete,
	.close_af_complete = coecho_close_af_complete,
	.register_sap_complete = coecho_register_sap_complete,
	.deregister_sap_complete = coecho_deregister_sap_complete,
	.notify_close_af = coecho_notify_close_af,
	.create_vc = coecho_create_vc,
	.delete_vc = coecho_delete_vc,
	.make_call_complete = coecho_make_call_complete,
	.close_call_complete = coecho_close_call_complete,
	.incoming_call = coecho_incoming_call,
	.call_connected = coecho_call_connected,
	.incoming_close_call = coecho_incoming_close_call,
	.add_party_complete = coecho_add_party_complete,
	.drop_party_complete = coecho_drop_party_complete,
	.incoming_drop_party = coecho_incoming_drop_party,
	.modify_call_qos_complete = coecho_modify_call_qos_complete,
	.incoming_call_qos_change = coecho_incoming_call_qos_change,
	.oid_request = coecho_oid_request,
	.oid_request_complete = coecho_oid_request_complete,
};

static const struct condis_protocol_desc coecho_desc = {
	.name = "coecho",
	.ops = &coecho_proto_ops,
	.cl_ops = &coecho_cl_ops,
};

static int __init coecho_init(void)
{
	int err;

	spin_lock_init(&coecho.lock);
	INIT_LIST_HEAD(&coecho.bindings);
	INIT_LIST_HEAD(&coecho.calls);
	INIT_LIST_HEAD(&coecho.vcs);
	init_waitqueue_head(&coecho.waitq);
	coecho.next_in_id = COECHO_FIRST_IN_ID;

	coecho.wq = alloc_workqueue("coecho", WQ_UNBOUND, 0);
	if (!coecho.wq)
		return -ENOMEM;
	/* Binds to every adapter before it returns. */
	err = condis_register_protocol(&coecho_desc, NULL, &coecho.protocol);
	if (err)
		goto err_destroy_wq;
	coecho_debugfs_init();
	err = coecho_netlink_init();
	if (err)
		goto err_deregister;
	return 0;

err_deregister:
	coecho_debugfs_uninit();
	condis_deregister_protocol(coecho.protocol);
err_destroy_wq:
	destroy_workqueue(coecho.wq);
	return err;
}

static void __exit coecho_exit(void)
{
	coecho_netlink_uninit();
	/* Unbinds every binding: unbind_adapter tears each one down. */
	condis_deregister_protocol(coecho.protocol);
	coecho_debugfs_uninit();
	destroy_workqueue(coecho.wq);
	coecho_calls_forget_all();
	WARN_ON(!list_empty(&coecho.bindings));
}

module_init(coecho_init);
module_exit(coecho_exit);

MODULE_DESCRIPTION("coecho: a sample condis client that echoes call data");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS(CONDIS);
