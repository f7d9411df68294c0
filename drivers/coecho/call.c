// SPDX-License-Identifier: GPL-2.0
/*
 * coecho: calls.
 *
 * A call object is the context of one VC: made for an outgoing call
 * (ctl "call"/"mcall", then condis_co_create_vc()), or by create_vc when
 * the call manager creates a VC for an incoming call.  It holds a
 * reference for its VC until the VC is deleted: by us after an outgoing
 * call closed or failed, by the call manager (delete_vc) for an incoming
 * one.  A call is listed (visible to ctl commands and debugfs) from the
 * make-call or the offer until it is forgotten: its VC deleted, or its
 * offer rejected.  The call manager may offer a new call on a VC whose
 * call closed: it gets a new id.
 *
 * Every operation on a call runs under the call's mutex, in process
 * context; its completion callback finishes it (state, VC deletion) in
 * whatever context condis calls it, so a completion that comes after the
 * waiting ctl command gave up still does everything, and the waiter only
 * reads the status.
 */
#include <linux/module.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "coecho.h"

static bool coecho_accept_pending;
module_param_named(accept_pending, coecho_accept_pending, bool, 0644);
MODULE_PARM_DESC(accept_pending, "answer incoming calls from a work item (pended)");

static char coecho_reject_sap[CONIC_SAP_NAME_MAX + 1];
module_param_string(reject_sap, coecho_reject_sap, sizeof(coecho_reject_sap), 0644);
MODULE_PARM_DESC(reject_sap, "reject incoming calls on the SAP of this name (\"*\": the wildcard)");

static void coecho_call_close_fn(struct work_struct *work);
static void coecho_call_answer_fn(struct work_struct *work);

/**
 * coecho_params_new() - call parameters naming a called SAP
 * @name: the SAP name bytes
 * @len: how many; 0 for none
 * @rate: the token rate of both directions; everything else is "not
 *	specified"
 * @gfp: allocation flags
 *
 * Context: as @gfp allows.
 * Return: the parameters, or NULL.
 */
struct coecho_params *coecho_params_new(const char *name, u32 len, u32 rate, gfp_t gfp)
{
	struct condis_cm_params *cm;
	struct coecho_params *p;

	p = kzalloc(sizeof(*p) + sizeof(*cm) + len, gfp);
	if (!p)
		return NULL;
	cm = (struct condis_cm_params *)(p + 1);
	memset(&cm->transmit, 0xff, sizeof(cm->transmit));
	memset(&cm->receive, 0xff, sizeof(cm->receive));
	cm->transmit.token_rate = rate;
	cm->receive.token_rate = rate;
	cm->specific.type = CONIC_CM_CALLED_SAP;
	cm->specific.len = len;
	memcpy(cm->specific.data, name, len);
	p->call.cm = cm;
	return p;
}

/**
 * coecho_params_free() - free parameters and those they replaced
 * @p: the parameters, or NULL
 *
 * Context: any.
 */
void coecho_params_free(struct coecho_params *p)
{
	struct coecho_params *older;

	for (; p; p = older) {
		older = p->older;
		kfree(p);
	}
}

static struct coecho_call *coecho_call_alloc(struct coecho_binding *b, gfp_t gfp)
{
	struct coecho_call *call = kzalloc(sizeof(*call), gfp);

	if (!call)
		return NULL;
	kref_init(&call->ref);
	mutex_init(&call->mutex);
	INIT_LIST_HEAD(&call->node);
	INIT_LIST_HEAD(&call->vc_node);
	INIT_LIST_HEAD(&call->parties);
	init_completion(&call->done);
	INIT_WORK(&call->close_work, coecho_call_close_fn);
	INIT_WORK(&call->answer_work, coecho_call_answer_fn);
	init_waitqueue_head(&call->tx_wait);
	kref_get(&b->ref);
	call->b = b;
	call->state = COECHO_CALL_CLOSED;
	call->rate = COECHO_RATE_ANY;
	return call;
}

static void coecho_call_release(struct kref *ref)
{
	struct coecho_call *call = container_of(ref, struct coecho_call, ref);

	WARN_ON(call->listed || !list_empty(&call->parties));
	coecho_params_free(call->params);
	coecho_params_free(call->qos_params);
	mutex_destroy(&call->mutex);
	coecho_binding_put(call->b);
	kfree(call);
}

/**
 * coecho_call_put() - drop a reference to a call
 * @call: the call
 *
 * Context: any.
 */
void coecho_call_put(struct coecho_call *call)
{
	kref_put(&call->ref, coecho_call_release);
}

static struct coecho_call *coecho_call_find_locked(u32 id)
{
	struct coecho_call *call;

	lockdep_assert_held(&coecho.lock);
	list_for_each_entry(call, &coecho.calls, node)
		if (call->id == id)
			return call;
	return NULL;
}

/* List @call on coecho.calls, kept sorted by id. */
static void coecho_call_list_locked(struct coecho_call *call)
{
	struct coecho_call *pos;

	lockdep_assert_held(&coecho.lock);
	list_for_each_entry(pos, &coecho.calls, node)
		if (pos->id > call->id)
			break;
	list_add_tail(&call->node, &pos->node);
	call->listed = true;
}

static void coecho_call_unlist_locked(struct coecho_call *call)
{
	lockdep_assert_held(&coecho.lock);
	if (call->listed) {
		list_del_init(&call->node);
		call->listed = false;
	}
}

static void coecho_call_attach_vc_locked(struct coecho_call *call, struct condis_vc *vc)
{
	lockdep_assert_held(&coecho.lock);
	call->vc = vc;
	call->b->nr_vcs++;
	list_add_tail(&call->vc_node, &coecho.vcs);
}

static void coecho_call_detach_vc_locked(struct coecho_call *call)
{
	lockdep_assert_held(&coecho.lock);
	call->vc = NULL;
	call->b->nr_vcs--;
	list_del_init(&call->vc_node);
}

/* The first incoming-call id from coecho.next_in_id on that is free. */
static u32 coecho_call_next_in_id_locked(void)
{
	u32 id;

	lockdep_assert_held(&coecho.lock);
	do {
		id = coecho.next_in_id++;
		if (coecho.next_in_id < COECHO_FIRST_IN_ID)
			coecho.next_in_id = COECHO_FIRST_IN_ID;
	} while (coecho_call_find_locked(id));
	return id;
}

/**
 * coecho_call_get() - find a listed call by id
 * @id: the call's id
 *
 * Context: any.
 * Return: the call, with a reference for the caller, or NULL.
 */
struct coecho_call *coecho_call_get(u32 id)
{
	struct coecho_call *call;

	spin_lock_bh(&coecho.lock);
	call = coecho_call_find_locked(id);
	if (call)
		kref_get(&call->ref);
	spin_unlock_bh(&coecho.lock);
	return call;
}

/**
 * coecho_call_lock() - take a call's mutex for an operation
 * @call: a call the caller holds a reference to
 *
 * Context: process; sleeps.
 * Return: 0 with the mutex held, or -ENOENT (without it) if the call was
 * forgotten meanwhile.
 */
int coecho_call_lock(struct coecho_call *call)
{
	bool listed;

	mutex_lock(&call->mutex);
	spin_lock_bh(&coecho.lock);
	listed = call->listed;
	spin_unlock_bh(&coecho.lock);
	if (listed)
		return 0;
	mutex_unlock(&call->mutex);
	return -ENOENT;
}

/*
 * Delete the VC of an outgoing call that is over, and forget the call.
 * The caller holds a reference of its own.
 */
static int coecho_call_delete_vc(struct coecho_call *call)
{
	struct condis_vc *vc;
	int err;

	spin_lock_bh(&coecho.lock);
	vc = call->outgoing ? call->vc : NULL;
	spin_unlock_bh(&coecho.lock);
	if (!vc)
		return 0;
	err = condis_co_delete_vc(vc);
	if (err) {
		coecho_error("call %u: cannot delete its VC: %pe", call->id, ERR_PTR(err));
		return err;
	}
	spin_lock_bh(&coecho.lock);
	coecho_call_detach_vc_locked(call);
	coecho_call_unlist_locked(call);
	spin_unlock_bh(&coecho.lock);
	wake_up(&coecho.waitq);
	coecho_call_put(call);	/* the VC's */
	return 0;
}

/* ---- outgoing calls ------------------------------------------------------ */

/*
 * The make-call's result, given at once or by make_call_complete; the
 * caller holds a reference of its own.
 */
static void coecho_call_made(struct coecho_call *call, int status, struct condis_party *party,
			     struct condis_call_params *params)
{
	LIST_HEAD(gone);
	bool ok;

	spin_lock_bh(&coecho.lock);
	ok = call->state == COECHO_CALL_MAKING;
	if (ok) {
		call->status = status;
		if (!status) {
			call->state = COECHO_CALL_CONNECTED;
			if (params && params->cm)
				call->rate = params->cm->transmit.token_rate;
			if (call->multipoint)
				coecho_parties_made_locked(call, party);
		} else {
			call->state = COECHO_CALL_CLOSED;
			coecho_parties_gone_locked(call, &gone);
		}
	}
	spin_unlock_bh(&coecho.lock);
	if (!ok) {
		coecho_error("call %u: a make-call completed that was not in flight", call->id);
		return;
	}
	coecho_parties_put_list(&gone);
	if (!status) {
		coecho_count(calls_connected);
		pr_info("call %u: connected to %s on %s\n", call->id, call->sap, call->b->name);
	} else {
		pr_warn("call %u: to %s on %s failed: %pe\n", call->id, call->sap, call->b->name,
			ERR_PTR(status));
		coecho_call_delete_vc(call);
	}
	complete_all(&call->done);
}

/* List a new outgoing @call (and its first leaf): -EEXIST if its id is taken. */
static int coecho_call_list_outgoing(struct coecho_call *call, struct coecho_party *first)
{
	int err;

	spin_lock_bh(&coecho.lock);
	err = coecho_call_find_locked(call->id) ? -EEXIST : 0;
	if (!err) {
		call->state = COECHO_CALL_MAKING;
		coecho_call_list_locked(call);
		if (first)
			list_add_tail(&first->node, &call->parties);
	}
	spin_unlock_bh(&coecho.lock);
	return err;
}

/* Create the VC of a listed outgoing @call; on failure the call is closed and unlisted. */
static int coecho_call_create_vc(struct coecho_binding *b, struct coecho_call *call,
				 struct condis_vc **vc)
{
	LIST_HEAD(gone);
	int err;

	err = condis_co_create_vc(b->handle, b->af, call, vc);
	spin_lock_bh(&coecho.lock);
	if (err) {
		call->state = COECHO_CALL_CLOSED;
		coecho_call_unlist_locked(call);
		coecho_parties_gone_locked(call, &gone);
	} else {
		kref_get(&call->ref);		/* the VC's */
		coecho_call_attach_vc_locked(call, *vc);
	}
	spin_unlock_bh(&coecho.lock);
	coecho_parties_put_list(&gone);
	return err;
}

/**
 * coecho_call_make() - place a call (ctl "call" and "mcall")
 * @id: the new call's id
 * @adapter: the adapter's name
 * @name: the called service name
 * @rate: the token rate both ways, or COECHO_RATE_ANY
 * @multipoint: make it point-to-multipoint, @name its first leaf (leaf 0)
 *
 * Context: process; waits up to COECHO_WAIT for a pended make-call.
 * Return: the make-call's status; -ENODEV (no such adapter, or no open AF
 * on it); -EEXIST (@id in use); -ENOMEM; -ETIMEDOUT (the call stays
 * "calling" until the completion comes).
 */
int coecho_call_make(u32 id, const char *adapter, const char *name, u32 rate, bool multipoint)
{
	struct coecho_party *first = NULL;
	struct condis_party *party = NULL;
	bool first_listed = false;
	struct coecho_binding *b;
	struct coecho_call *call;
	struct condis_vc *vc;
	int err;

	err = coecho_binding_get_open(adapter, &b);
	if (err)
		return err;
	call = coecho_call_alloc(b, GFP_KERNEL);
	if (!call) {
		coecho_binding_put_open(b);
		return -ENOMEM;
	}
	call->id = id;
	call->outgoing = true;
	call->multipoint = multipoint;
	strscpy(call->sap, name, sizeof(call->sap));
	call->rate = rate;
	call->params = coecho_params_new(name, strlen(name), rate, GFP_KERNEL);
	if (multipoint)
		first = coecho_party_new(call, 0, GFP_KERNEL);
	if (!call->params || (multipoint && !first)) {
		err = -ENOMEM;
		goto out_put;
	}

	mutex_lock(&call->mutex);
	err = coecho_call_list_outgoing(call, first);
	first_listed = !err;
	if (!err)
		err = coecho_call_create_vc(b, call, &vc);
	if (err)
		goto out_unlock;

	reinit_completion(&call->done);
	err = condis_cl_make_call(vc, &call->params->call, first, first ? &party : NULL);
	/* From here the teardown takes care of the call: the AF may go. */
	coecho_binding_put_open(b);
	b = NULL;
	if (err == CONDIS_PENDING)
		err = coecho_wait(&call->done, &call->status);
	else
		coecho_call_made(call, err, party, &call->params->call);

out_unlock:
	mutex_unlock(&call->mutex);
out_put:
	if (first && !first_listed)
		coecho_party_put(first);
	coecho_call_put(call);
	if (b)
		coecho_binding_put_open(b);
	return err;
}

/**
 * coecho_make_call_complete() - condis_cl_ops.make_call_complete
 * @status: the make-call's result
 * @cl_vc_ctx: the call
 * @party: the first party's handle of a multipoint call, or NULL
 * @params: our parameters, possibly changed by the call manager
 *
 * Context: process (condis's workqueue).
 */
void coecho_make_call_complete(int status, void *cl_vc_ctx, struct condis_party *party,
			       struct condis_call_params *params)
{
	struct coecho_call *call = cl_vc_ctx;

	kref_get(&call->ref);
	coecho_call_made(call, status, party, params);
	coecho_call_put(call);
}

/* ---- closing ------------------------------------------------------------- */

/*
 * The close-call's result, given at once or by close_call_complete (also
 * for a close condis made for us in a forced teardown); the caller holds
 * a reference of its own.
 */
static void coecho_call_closed(struct coecho_call *call, int status)
{
	LIST_HEAD(gone);
	bool ours;

	spin_lock_bh(&coecho.lock);
	ours = call->close_pending;
	call->close_pending = false;
	call->status = status;
	if (!status) {
		call->state = COECHO_CALL_CLOSED;
		coecho_parties_gone_locked(call, &gone);
	} else if (ours) {
		call->state = call->before_close;
	}
	spin_unlock_bh(&coecho.lock);
	coecho_parties_put_list(&gone);
	if (status)
		pr_warn("call %u: closing failed: %pe\n", call->id, ERR_PTR(status));
	else
		pr_info("call %u: closed%s\n", call->id, ours ? "" : " by condis");
	if (!status)
		coecho_call_delete_vc(call);
	complete_all(&call->done);
}

/*
 * Wait until no operation is in flight on @call: a make-call, a close, a
 * QoS change, or our pended answer to an offer.
 */
static int coecho_call_settle(struct coecho_call *call)
{
	bool busy, offered;
	int tries;

	lockdep_assert_held(&call->mutex);
	for (tries = 0; tries < 4; tries++) {
		spin_lock_bh(&coecho.lock);
		busy = call->state == COECHO_CALL_MAKING || call->close_pending ||
		       call->qos_pending;
		offered = call->state == COECHO_CALL_OFFERED;
		spin_unlock_bh(&coecho.lock);
		if (offered)
			flush_work(&call->answer_work);
		else if (!busy)
			return 0;
		else if (!wait_for_completion_timeout(&call->done, COECHO_WAIT))
			return -ETIMEDOUT;
	}
	return -EBUSY;
}

/*
 * Close @call (dropping all parties but the last first), wait for the
 * close, and delete the VC of an outgoing call.  A call that is closed
 * already only gets a VC deletion that failed before retried.
 */
static int coecho_call_close_locked(struct coecho_call *call)
{
	enum coecho_call_state state;
	struct condis_party *last = NULL;
	struct condis_vc *vc;
	int err;

	lockdep_assert_held(&call->mutex);
	err = coecho_call_settle(call);
	if (err)
		return err;
	spin_lock_bh(&coecho.lock);
	state = call->state;
	spin_unlock_bh(&coecho.lock);
	if (state == COECHO_CALL_CLOSED)
		return coecho_call_delete_vc(call);
	if (state != COECHO_CALL_ACCEPTED && state != COECHO_CALL_CONNECTED &&
	    state != COECHO_CALL_CLOSING)
		return -EBUSY;
	if (call->multipoint) {
		err = coecho_parties_trim(call, &last);
		if (err)
			return err;
	}

	spin_lock_bh(&coecho.lock);
	call->before_close = call->state;
	call->state = COECHO_CALL_CLOSING;
	call->close_pending = true;
	vc = call->vc;
	reinit_completion(&call->done);
	spin_unlock_bh(&coecho.lock);

	err = condis_cl_close_call(vc, last, NULL, 0);
	if (err == CONDIS_PENDING)
		return coecho_wait(&call->done, &call->status);
	coecho_call_closed(call, err);
	return err;
}

/**
 * coecho_call_close() - close a call (ctl "close")
 * @id: the call's id
 *
 * A multipoint call's leaves but the last are dropped first.
 *
 * Context: process; waits up to COECHO_WAIT per pended operation.
 * Return: the close's status, -ENOENT (no such call) or -ETIMEDOUT.
 */
int coecho_call_close(u32 id)
{
	struct coecho_call *call = coecho_call_get(id);
	int err;

	if (!call)
		return -ENOENT;
	err = coecho_call_lock(call);
	if (!err) {
		err = coecho_call_close_locked(call);
		mutex_unlock(&call->mutex);
	}
	coecho_call_put(call);
	return err;
}

/**
 * coecho_close_call_complete() - condis_cl_ops.close_call_complete
 * @status: the close's result
 * @cl_vc_ctx: the call
 * @cl_party_ctx: the last party of a multipoint call, or NULL
 *
 * Context: process (condis's workqueue).
 */
void coecho_close_call_complete(int status, void *cl_vc_ctx, void *cl_party_ctx)
{
	struct coecho_call *call = cl_vc_ctx;

	kref_get(&call->ref);
	coecho_call_closed(call, status);
	coecho_call_put(call);
}

/* Work: the network closed the call; close our end. */
static void coecho_call_close_fn(struct work_struct *work)
{
	struct coecho_call *call = container_of(work, struct coecho_call, close_work);
	bool todo;
	int err;

	mutex_lock(&call->mutex);
	spin_lock_bh(&coecho.lock);
	todo = call->remote_closed && call->state == COECHO_CALL_CLOSING && !call->close_pending;
	spin_unlock_bh(&coecho.lock);
	if (todo) {
		err = coecho_call_close_locked(call);
		if (err)
			coecho_error("call %u: closing after the peer failed: %pe", call->id,
				     ERR_PTR(err));
	}
	mutex_unlock(&call->mutex);
	coecho_call_put(call);
}

/**
 * coecho_incoming_close_call() - condis_cl_ops.incoming_close_call
 * @status: 0 for the peer's orderly release, else why the call ended
 * @cl_vc_ctx: the call
 * @data: what the peer sent with the release, or NULL
 * @size: bytes in @data
 *
 * The call is marked closing and closed from a work item.
 *
 * Context: any.
 */
void coecho_incoming_close_call(int status, void *cl_vc_ctx, void *data, unsigned int size)
{
	struct coecho_call *call = cl_vc_ctx;
	bool queue;

	coecho_count(remote_closes);
	spin_lock_bh(&coecho.lock);
	queue = call->listed && (call->state == COECHO_CALL_ACCEPTED ||
				 call->state == COECHO_CALL_CONNECTED);
	if (queue) {
		call->remote_closed = true;
		call->state = COECHO_CALL_CLOSING;
	}
	spin_unlock_bh(&coecho.lock);
	if (!queue) {
		coecho_error("call %u: an incoming close for a call not up", call->id);
		return;
	}
	pr_info("call %u: closed by the network, status %d\n", call->id, status);
	wake_up(&call->tx_wait);
	kref_get(&call->ref);
	if (!queue_work(coecho.wq, &call->close_work))
		coecho_call_put(call);
}

/* ---- QoS ----------------------------------------------------------------- */

/* The modify's result, given at once or by modify_call_qos_complete. */
static void coecho_call_qos_done(struct coecho_call *call, int status,
				 struct condis_call_params *params)
{
	struct coecho_params *p;
	bool ok;

	spin_lock_bh(&coecho.lock);
	ok = call->qos_pending;
	p = call->qos_params;
	if (ok) {
		call->qos_pending = false;
		call->qos_params = NULL;
		call->status = status;
		if (!status) {
			if (!params || !params->cm)
				params = &p->call;
			call->rate = params->cm->transmit.token_rate;
			/* Ours again now; kept with the call all the same. */
			p->older = call->params;
			call->params = p;
			p = NULL;
		}
	}
	spin_unlock_bh(&coecho.lock);
	if (!ok) {
		coecho_error("call %u: a QoS change completed that was not in flight", call->id);
		return;
	}
	coecho_params_free(p);
	if (status)
		pr_warn("call %u: QoS change failed: %pe\n", call->id, ERR_PTR(status));
	complete_all(&call->done);
}

/**
 * coecho_call_qos() - change a call's token rate (ctl "qos")
 * @id: the call's id
 * @rate: the new token rate, both ways
 *
 * Context: process; waits up to COECHO_WAIT for a pended change.
 * Return: the change's status; -ENOENT (no such call); -ENOTCONN (not
 * connected); -EBUSY (a change is in flight); -ENOMEM; -ETIMEDOUT.
 */
int coecho_call_qos(u32 id, u32 rate)
{
	struct coecho_call *call = coecho_call_get(id);
	struct coecho_params *p;
	struct condis_vc *vc = NULL;
	int err;

	if (!call)
		return -ENOENT;
	err = coecho_call_lock(call);
	if (err)
		goto out_put;
	p = coecho_params_new(call->sap, call->wild ? 0 : strlen(call->sap), rate, GFP_KERNEL);
	if (!p) {
		err = -ENOMEM;
		goto out_unlock;
	}
	spin_lock_bh(&coecho.lock);
	if (call->state != COECHO_CALL_CONNECTED) {
		err = -ENOTCONN;
	} else if (call->qos_pending) {
		err = -EBUSY;
	} else {
		call->qos_pending = true;
		call->qos_params = p;
		vc = call->vc;
		reinit_completion(&call->done);
	}
	spin_unlock_bh(&coecho.lock);
	if (err) {
		coecho_params_free(p);
		goto out_unlock;
	}
	err = condis_cl_modify_call_qos(vc, &p->call);
	if (err == CONDIS_PENDING)
		err = coecho_wait(&call->done, &call->status);
	else
		coecho_call_qos_done(call, err, NULL);
out_unlock:
	mutex_unlock(&call->mutex);
out_put:
	coecho_call_put(call);
	return err;
}

/**
 * coecho_modify_call_qos_complete() - condis_cl_ops.modify_call_qos_complete
 * @status: the change's result
 * @cl_vc_ctx: the call
 * @params: the QoS in force
 *
 * Context: process (condis's workqueue).
 */
void coecho_modify_call_qos_complete(int status, void *cl_vc_ctx,
				     struct condis_call_params *params)
{
	struct coecho_call *call = cl_vc_ctx;

	kref_get(&call->ref);
	coecho_call_qos_done(call, status, params);
	coecho_call_put(call);
}

/**
 * coecho_incoming_call_qos_change() - condis_cl_ops.incoming_call_qos_change
 * @cl_vc_ctx: the call
 * @params: the QoS the VC runs with now
 *
 * Context: any.
 */
void coecho_incoming_call_qos_change(void *cl_vc_ctx, struct condis_call_params *params)
{
	struct coecho_call *call = cl_vc_ctx;

	if (!params->cm)
		return;
	spin_lock_bh(&coecho.lock);
	call->rate = params->cm->transmit.token_rate;
	spin_unlock_bh(&coecho.lock);
	pr_info("call %u: the peer changed the rate to %u\n", call->id,
		params->cm->transmit.token_rate);
}

/* ---- incoming calls ------------------------------------------------------ */

/**
 * coecho_create_vc() - condis_cl_ops.create_vc: a VC for an incoming call
 * @cl_af_ctx: the binding
 * @vc: the call manager's VC
 * @cl_vc_ctx: set to the new call object
 *
 * Context: any.
 * Return: 0 or -ENOMEM.
 */
int coecho_create_vc(void *cl_af_ctx, struct condis_vc *vc, void **cl_vc_ctx)
{
	struct coecho_call *call = coecho_call_alloc(cl_af_ctx, GFP_ATOMIC);

	if (!call)
		return -ENOMEM;
	/* The allocation's reference is the VC's. */
	spin_lock_bh(&coecho.lock);
	coecho_call_attach_vc_locked(call, vc);
	spin_unlock_bh(&coecho.lock);
	*cl_vc_ctx = call;
	return 0;
}

/**
 * coecho_delete_vc() - condis_cl_ops.delete_vc: the call manager deleted
 *	the VC of an incoming call
 * @cl_vc_ctx: the call
 *
 * Context: any.
 * Return: 0.
 */
int coecho_delete_vc(void *cl_vc_ctx)
{
	struct coecho_call *call = cl_vc_ctx;

	spin_lock_bh(&coecho.lock);
	coecho_call_unlist_locked(call);
	coecho_call_detach_vc_locked(call);
	spin_unlock_bh(&coecho.lock);
	wake_up(&coecho.waitq);
	coecho_call_put(call);	/* the VC's */
	return 0;
}

/* A new call on a VC: no data has moved on it yet. */
static void coecho_call_reset_locked(struct coecho_call *call)
{
	struct coecho_counters *cnt = &call->cnt;

	lockdep_assert_held(&coecho.lock);
	call->remote_closed = false;
	call->close_pending = false;
	call->qos_pending = false;
	atomic64_set(&call->tx_seq, 0);
	atomic64_set(&cnt->tx, 0);
	atomic64_set(&cnt->tx_bytes, 0);
	atomic64_set(&cnt->tx_done, 0);
	atomic64_set(&cnt->tx_err, 0);
	atomic64_set(&cnt->rx, 0);
	atomic64_set(&cnt->rx_bytes, 0);
	atomic64_set(&cnt->rx_bad, 0);
	atomic64_set(&cnt->echoed, 0);
}

/* The reject_sap parameter, copied. */
static void coecho_reject_name(char *name, size_t size)
{
	memcpy(name, coecho_reject_sap, min(size, sizeof(coecho_reject_sap)));
	name[size - 1] = '\0';
}

/**
 * coecho_incoming_call() - condis_cl_ops.incoming_call
 * @cl_sap_ctx: the SAP's id
 * @cl_vc_ctx: the call object create_vc made
 * @params: the offered parameters, lent until we answer
 *
 * Accepts, unless the SAP is the one reject_sap names or the binding is
 * going away; with accept_pending, answers from a work item.
 *
 * Context: any.
 * Return: 0, %CONDIS_PENDING, -ECONNREFUSED (reject_sap), -ESHUTDOWN (the
 * SAP or the AF is going away), or -EBUSY (a call is on the VC already).
 */
int coecho_incoming_call(void *cl_sap_ctx, void *cl_vc_ctx, struct condis_call_params *params)
{
	unsigned long sap_id = (unsigned long)cl_sap_ctx;
	bool pend = READ_ONCE(coecho_accept_pending);
	char reject[CONIC_SAP_NAME_MAX + 1];
	struct coecho_call *call = cl_vc_ctx;
	struct coecho_binding *b = call->b;
	struct coecho_sap *s;
	int err = 0;

	coecho_count(incoming_offered);
	coecho_reject_name(reject, sizeof(reject));
	spin_lock_bh(&coecho.lock);
	s = coecho_sap_find_locked(sap_id);
	if (!s || s->b != b)
		err = -ESHUTDOWN;
	else if (call->state != COECHO_CALL_CLOSED)
		err = -EBUSY;
	else if (reject[0] && !strcmp(reject, s->name))
		err = -ECONNREFUSED;
	else if (b->dying || b->af_state != COECHO_AF_OPEN)
		err = -ESHUTDOWN;
	if (!err) {
		/* A VC offered again after its call closed: a new call. */
		coecho_call_unlist_locked(call);
		coecho_call_reset_locked(call);
		call->id = coecho_call_next_in_id_locked();
		call->sap_id = sap_id;
		call->wild = !s->len;
		strscpy(call->sap, s->name, sizeof(call->sap));
		call->rate = params && params->cm ? params->cm->transmit.token_rate
						  : COECHO_RATE_ANY;
		call->state = pend ? COECHO_CALL_OFFERED : COECHO_CALL_ACCEPTED;
		call->offer = pend ? params : NULL;
		if (!pend)
			s->calls++;
		coecho_call_list_locked(call);
	}
	spin_unlock_bh(&coecho.lock);

	if (err) {
		coecho_count(incoming_rejected);
		if (err == -ECONNREFUSED)
			pr_info("%s: rejected a call on SAP %s\n", b->name, reject);
		else
			pr_warn("%s: rejected a call: %pe\n", b->name, ERR_PTR(err));
		return err;
	}
	if (!pend) {
		coecho_count(incoming_accepted);
		pr_info("call %u: accepted on SAP %s of %s\n", call->id, call->sap, b->name);
		return 0;
	}
	kref_get(&call->ref);
	if (!queue_work(coecho.wq, &call->answer_work))
		coecho_call_put(call);
	return CONDIS_PENDING;
}

/* Work: the pended answer to an offer. */
static void coecho_call_answer_fn(struct work_struct *work)
{
	struct coecho_call *call = container_of(work, struct coecho_call, answer_work);
	struct condis_call_params *params;
	struct coecho_binding *b = call->b;
	struct condis_vc *vc;
	struct coecho_sap *s;
	int status = 0;
	bool ok;

	spin_lock_bh(&coecho.lock);
	ok = call->state == COECHO_CALL_OFFERED;
	params = call->offer;
	call->offer = NULL;
	vc = call->vc;
	if (ok && (b->dying || b->af_state != COECHO_AF_OPEN)) {
		/* Going away: the call manager deletes the VC. */
		status = -ESHUTDOWN;
		call->state = COECHO_CALL_CLOSED;
		coecho_call_unlist_locked(call);
	} else if (ok) {
		call->state = COECHO_CALL_ACCEPTED;
		s = coecho_sap_find_locked(call->sap_id);
		if (s)
			s->calls++;
	}
	spin_unlock_bh(&coecho.lock);
	if (ok) {
		if (status) {
			coecho_count(incoming_rejected);
		} else {
			coecho_count(incoming_accepted);
			pr_info("call %u: accepted on SAP %s of %s\n", call->id, call->sap,
				b->name);
		}
		condis_cl_incoming_call_complete(status, vc, params);
	} else {
		coecho_error("call %u: no offer to answer", call->id);
	}
	coecho_call_put(call);
}

/**
 * coecho_call_connected() - condis_cl_ops.call_connected
 * @cl_vc_ctx: the call
 *
 * Context: any.
 */
void coecho_call_connected(void *cl_vc_ctx)
{
	struct coecho_call *call = cl_vc_ctx;
	bool ok;

	spin_lock_bh(&coecho.lock);
	ok = call->state == COECHO_CALL_ACCEPTED;
	if (ok)
		call->state = COECHO_CALL_CONNECTED;
	spin_unlock_bh(&coecho.lock);
	if (!ok) {
		coecho_error("call %u: connected, but it was not accepted", call->id);
		return;
	}
	coecho_count(calls_connected);
	pr_info("call %u: connected\n", call->id);
}

/* ---- teardown and debugfs ------------------------------------------------ */

/* The first listed call of @b with an id of at least @from, referenced. */
static struct coecho_call *coecho_call_next(struct coecho_binding *b, u64 from)
{
	struct coecho_call *call, *found = NULL;

	spin_lock_bh(&coecho.lock);
	list_for_each_entry(call, &coecho.calls, node) {
		if (call->b == b && call->id >= from) {
			kref_get(&call->ref);
			found = call;
			break;
		}
	}
	spin_unlock_bh(&coecho.lock);
	return found;
}

/**
 * coecho_calls_teardown() - close every call of a binding
 * @b: the binding, its AF closing (no new call is listed on it)
 *
 * Context: process; b->rwsem held for writing.
 */
void coecho_calls_teardown(struct coecho_binding *b)
{
	struct coecho_call *call;
	u64 from = 0;
	int err;

	lockdep_assert_held_write(&b->rwsem);
	while ((call = coecho_call_next(b, from))) {
		from = (u64)call->id + 1;
		mutex_lock(&call->mutex);
		err = coecho_call_close_locked(call);
		mutex_unlock(&call->mutex);
		if (err)
			pr_warn("call %u on %s: cannot close: %pe\n", call->id, b->name,
				ERR_PTR(err));
		coecho_call_put(call);
	}
}

/**
 * coecho_calls_forget_all() - drop the calls a failed teardown left
 *
 * After the protocol is deregistered condis calls nothing back: the VCs
 * those calls had are condis's to clean up; the objects are freed here.
 *
 * Context: process (module exit).
 */
void coecho_calls_forget_all(void)
{
	struct coecho_call *call, *tmp;
	LIST_HEAD(left);

	spin_lock_bh(&coecho.lock);
	list_for_each_entry_safe(call, tmp, &coecho.vcs, vc_node) {
		pr_warn("call %u left behind on %s\n", call->id, call->b->name);
		coecho_call_unlist_locked(call);
		coecho_call_detach_vc_locked(call);
		list_add_tail(&call->vc_node, &left);
	}
	spin_unlock_bh(&coecho.lock);
	list_for_each_entry_safe(call, tmp, &left, vc_node) {
		list_del_init(&call->vc_node);
		coecho_call_put(call);	/* the VC's */
	}
}

static const char *const coecho_call_state_names[] = {
	[COECHO_CALL_MAKING] = "calling",
	[COECHO_CALL_OFFERED] = "calling",
	[COECHO_CALL_ACCEPTED] = "calling",
	[COECHO_CALL_CONNECTED] = "connected",
	[COECHO_CALL_CLOSING] = "closing",
	[COECHO_CALL_CLOSED] = "closed",
};

/**
 * coecho_calls_show() - the debugfs "calls" file
 * @m: the seq_file
 * @v: unused
 *
 * One line per call, by id.
 *
 * Context: process.
 * Return: 0.
 */
int coecho_calls_show(struct seq_file *m, void *v)
{
	struct coecho_call *call;

	spin_lock_bh(&coecho.lock);
	list_for_each_entry(call, &coecho.calls, node) {
		seq_printf(m, "id=%u adapter=%s dir=%s sap=%s type=%s state=%s parties=%u rate=%u",
			   call->id, call->b->name, call->outgoing ? "out" : "in", call->sap,
			   call->multipoint ? "root" : "p2p", coecho_call_state_names[call->state],
			   coecho_parties_active_locked(call), call->rate);
		seq_printf(m, " tx=%lld tx_done=%lld tx_err=%lld rx=%lld rx_bytes=%lld rx_bad=%lld echoed=%lld\n",
			   atomic64_read(&call->cnt.tx), atomic64_read(&call->cnt.tx_done),
			   atomic64_read(&call->cnt.tx_err), atomic64_read(&call->cnt.rx),
			   atomic64_read(&call->cnt.rx_bytes), atomic64_read(&call->cnt.rx_bad),
			   atomic64_read(&call->cnt.echoed));
	}
	spin_unlock_bh(&coecho.lock);
	return 0;
}
