// SPDX-License-Identifier: GPL-2.0
/*
 * QoS changes on a connected call: asked by the client
 * (NdisClModifyCallQoS and the CM's completion) or by the peer
 * (NdisCmDispatchIncomingCallQoSChange).
 *
 * The rules condis checks, under vc->lock:
 * - one modify at a time per VC (-EBUSY), only on a connected call;
 * - the CM reports success only after it re-activated the VC (with the new
 *   parameters); otherwise the client gets -EPROTO;
 * - on failure the VC keeps the parameters it had: a CM that left others
 *   active gets a warning (the client is told the CM's status);
 * - the CM dispatches a peer's change only with the VC already running
 *   with the new parameters;
 * - the client cannot close the call while its modify is pending (-EBUSY):
 *   the CM completes it first, as it must complete every modify.
 */
#include "core.h"
#include "objects.h"
#include "trace.h"

/*
 * The modify's result, under vc->lock, before it ends; returns the status
 * to deliver.
 */
static int qos_finish(struct condis_vc *vc, int status)
{
	lockdep_assert_held(&vc->lock);
	if (!status && vc->activations == vc->qos.activations) {
		condis_bad_input("modify-call-QoS on VC %u succeeded without re-activating it",
				 vc->obj.id);
		status = -EPROTO;
	} else if (status && vc->params != vc->qos.old) {
		condis_bad_input("modify-call-QoS on VC %u failed but left new parameters active",
				 vc->obj.id);
	}
	trace_condis_call_qos(vc, status);
	return status;
}

/* Workqueue: deliver a pended modify's result to the client. */
static void qos_deliver(struct condis_pending *p)
{
	struct condis_vc *vc = container_of(p, struct condis_vc, qos.pending);
	struct condis_call_params *params;
	int status;

	spin_lock_bh(&vc->lock);
	params = vc->qos.params;
	status = qos_finish(vc, p->status);
	condis_pending_end(p);
	spin_unlock_bh(&vc->lock);
	vc->af->cl_ops->modify_call_qos_complete(status, vc->cl_vc_ctx, params);
}

/**
 * condis_vc_qos_init() - set up the QoS part of a new VC
 * @vc: the VC, not yet published
 *
 * Context: any.
 */
void condis_vc_qos_init(struct condis_vc *vc)
{
	condis_pending_init(&vc->qos.pending, &vc->lock, &vc->obj, qos_deliver);
}

/**
 * condis_qos_in_flight() - whether a client's QoS change is in flight
 * @vc: the VC
 *
 * Context: under vc->lock.
 * Return: true from the modify's start until its result is delivered.
 */
bool condis_qos_in_flight(const struct condis_vc *vc)
{
	return condis_pending_busy(&vc->qos.pending);
}

/**
 * condis_qos_complete_for_cm() - the call manager will not answer: fail
 *	the QoS change it owes
 * @vc: the VC, referenced by the caller
 *
 * The client's modify_call_qos_complete follows once, with -ENETDOWN,
 * from condis's workqueue.
 *
 * Context: any.
 */
void condis_qos_complete_for_cm(struct condis_vc *vc)
{
	struct condis_pending *p = &vc->qos.pending;
	bool owed;

	spin_lock_bh(&vc->lock);
	owed = condis_pending_owed(p) &&
	       condis_pending_complete(p, CONDIS_QOS_OP_MODIFY, -ENETDOWN, "teardown");
	spin_unlock_bh(&vc->lock);
	if (owed)
		condis_pending_queue(p);
}

/**
 * condis_cl_modify_call_qos() - a client asks for new QoS on a call
 *	(NdisClModifyCallQoS)
 * @vc: the VC of a connected call
 * @params: the parameters wanted; the client's buffer, lent until the
 *	modify completes
 *
 * The CM's modify_call_qos runs before this returns; on success the CM has
 * re-activated the VC with the new parameters.
 *
 * Context: any.
 * Return: 0; %CONDIS_PENDING (modify_call_qos_complete follows once);
 * otherwise no completion follows and the QoS is unchanged: -EBADF,
 * -EINVAL (no connected call, no @params), -EBUSY (a modify is already
 * pending), -EPROTO (the CM claimed success without re-activating), or the
 * CM's error (-EOPNOTSUPP: no QoS on this medium).
 */
int condis_cl_modify_call_qos(struct condis_vc *vc, struct condis_call_params *params)
{
	int err = 0, ret;

	if (!condis_vc_handle(vc, "cl_modify_call_qos"))
		return -EBADF;
	spin_lock_bh(&vc->lock);
	if (!params || !condis_call_connected(vc))
		err = -EINVAL;
	else if (!condis_pending_start(&vc->qos.pending, CONDIS_QOS_OP_MODIFY))
		err = -EBUSY;
	if (!err) {
		vc->qos.params = params;
		vc->qos.old = vc->params;
		vc->qos.activations = vc->activations;
	}
	spin_unlock_bh(&vc->lock);
	if (err) {
		condis_bad_input("cl_modify_call_qos: VC %u: no connected call or busy (%d)",
				 vc->obj.id, err);
		condis_vc_put(vc);
		return err;
	}

	ret = vc->cm_ops->modify_call_qos(vc->cm_vc_ctx, params);
	spin_lock_bh(&vc->lock);
	ret = condis_pending_returned(&vc->qos.pending, ret, "modify_call_qos");
	if (ret != CONDIS_PENDING) {
		ret = qos_finish(vc, ret);
		condis_pending_end(&vc->qos.pending);
	}
	spin_unlock_bh(&vc->lock);
	condis_vc_put(vc);
	return ret;
}
EXPORT_SYMBOL_NS_GPL(condis_cl_modify_call_qos, CONDIS);

/**
 * condis_cm_modify_call_qos_complete() - a call manager finishes a pended
 *	modify_call_qos (NdisCmModifyCallQoSComplete,
 *	NdisMCmModifyCallQoSComplete)
 * @status: 0 once the VC runs with the new QoS; on failure the VC must
 *	have its previous parameters
 * @vc: the VC
 * @params: the QoS now in force (new, possibly changed by the CM, or the
 *	old one restored), or NULL for the client's buffer
 *
 * The client's modify_call_qos_complete runs once, from condis's workqueue.
 *
 * Context: any.
 */
void condis_cm_modify_call_qos_complete(int status, struct condis_vc *vc,
					struct condis_call_params *params)
{
	const char *who = "cm_modify_call_qos_complete";
	bool ok;

	if (!condis_vc_handle(vc, who))
		return;
	spin_lock_bh(&vc->lock);
	ok = condis_pending_complete(&vc->qos.pending, CONDIS_QOS_OP_MODIFY, status, who);
	if (ok && params)
		vc->qos.params = params;
	spin_unlock_bh(&vc->lock);
	if (ok)
		condis_pending_queue(&vc->qos.pending);
	condis_vc_put(vc);
}
EXPORT_SYMBOL_NS_GPL(condis_cm_modify_call_qos_complete, CONDIS);

/**
 * condis_cm_dispatch_incoming_call_qos_change() - the peer changed a call's
 *	QoS (NdisCmDispatchIncomingCallQoSChange,
 *	NdisMCmDispatchIncomingCallQoSChange)
 * @vc: the VC of a connected call
 * @params: the new parameters, which the VC already runs with (the CM
 *	re-activated it before telling the client)
 *
 * The client's incoming_call_qos_change runs before this returns.
 *
 * Context: any.
 * Return: 0; -EBADF; -EINVAL (no connected call, or the VC does not run
 * with @params); -EBUSY (the client's own modify is pending: complete it
 * first).
 */
int condis_cm_dispatch_incoming_call_qos_change(struct condis_vc *vc,
						struct condis_call_params *params)
{
	int err = 0;

	if (!condis_vc_handle(vc, "cm_dispatch_incoming_call_qos_change"))
		return -EBADF;
	spin_lock_bh(&vc->lock);
	if (!condis_call_connected(vc) || !params ||
	    vc->state != CONDIS_VC_STATE_ACTIVE || vc->params != params)
		err = -EINVAL;
	else if (condis_qos_in_flight(vc))
		err = -EBUSY;
	else
		trace_condis_call_qos(vc, 0);
	spin_unlock_bh(&vc->lock);
	if (err)
		condis_bad_input("cm_dispatch_incoming_call_qos_change: VC %u (%d)", vc->obj.id,
				 err);
	else
		vc->af->cl_ops->incoming_call_qos_change(vc->cl_vc_ctx, params);
	condis_vc_put(vc);
	return err;
}
EXPORT_SYMBOL_NS_GPL(condis_cm_dispatch_incoming_call_qos_change, CONDIS);
