// SPDX-License-Identifier: GPL-2.0
/*
 * QoS modify on a connected point-to-point call.  The side that asks
 * re-activates its own VC first (so its NIC reserves the new rates), then
 * sends MODIFY REQ; the peer does the same before it acknowledges.  A
 * refusal or a time-out puts the asking side back on its old parameters.
 * Runs in the worker with the engine lock held.
 */
#include <linux/jiffies.h>
#include <linux/string.h>

#include "internal.h"

static void cosig_qos_done(struct cosig_call *call, int status)
{
	struct condis_call_params *params = call->client_params;

	call->client_params = NULL;
	condis_cm_modify_call_qos_complete(status, call->vc, params);
}

/* Back to the parameters the call had before the modify. */
static void cosig_qos_restore(struct cosig_call *call)
{
	call->params.cm.transmit = call->old_params.transmit;
	call->params.cm.receive = call->old_params.receive;
	if (cosig_call_activate(call))
		pr_warn("cosig %s: call %u could not go back to its old QoS\n",
			call->sig->name, call->cref);
}

/**
 * cosig_qos_modify() - the client asked for new QoS
 * @call: the call; @call->client_params holds the client's buffer
 *
 * Context: the worker.
 */
void cosig_qos_modify(struct cosig_call *call)
{
	const struct condis_cm_params *cm = call->client_params->cm;
	int err;

	if (call->state != COSIG_ACTIVE || call->multipoint || call->pending_msg) {
		cosig_qos_done(call, call->multipoint ? -EOPNOTSUPP : -EBUSY);
		return;
	}
	call->old_params.transmit = call->params.cm.transmit;
	call->old_params.receive = call->params.cm.receive;
	call->params.cm.transmit = cm->transmit;
	call->params.cm.receive = cm->receive;
	err = cosig_call_activate(call);
	if (err) {
		call->params.cm.transmit = call->old_params.transmit;
		call->params.cm.receive = call->old_params.receive;
		cosig_qos_done(call, err);
		return;
	}
	cosig_call_send(call, COSIG_MSG_MODIFY_REQ, 0);
	cosig_arm(call, COSIG_MSG_MODIFY_REQ, msecs_to_jiffies(cosig_retry_ms));
}

static void cosig_qos_answer(struct cosig_call *call, u8 type, u32 cause)
{
	cosig_call_send(call, type, cause);
}

/* The peer asks for new QoS. */
static void cosig_qos_rx_req(struct cosig_call *call, const struct cosig_msg *msg)
{
	const struct condis_flow_spec *tx = &msg->traffic[1], *rx = &msg->traffic[0];
	int err;

	if (!(msg->has & BIT(COSIG_IE_TRAFFIC))) {
		cosig_qos_answer(call, COSIG_MSG_MODIFY_REJ, COSIG_CAUSE_MANDATORY_IE);
		return;
	}
	if (call->state != COSIG_ACTIVE || call->multipoint) {
		cosig_qos_answer(call, COSIG_MSG_MODIFY_REJ, COSIG_CAUSE_WRONG_STATE);
		return;
	}
	if (call->pending_msg == COSIG_MSG_MODIFY_REQ) {
		/* Two modifies crossed: both are refused. */
		cosig_qos_answer(call, COSIG_MSG_MODIFY_REJ, COSIG_CAUSE_USER_BUSY);
		return;
	}
	if (!memcmp(tx, &call->params.cm.transmit, sizeof(*tx)) &&
	    !memcmp(rx, &call->params.cm.receive, sizeof(*rx))) {
		/* A repeat of a request we carried out. */
		cosig_qos_answer(call, COSIG_MSG_MODIFY_ACK, 0);
		return;
	}
	call->old_params.transmit = call->params.cm.transmit;
	call->old_params.receive = call->params.cm.receive;
	call->params.cm.transmit = *tx;
	call->params.cm.receive = *rx;
	err = cosig_call_activate(call);
	if (err) {
		call->params.cm.transmit = call->old_params.transmit;
		call->params.cm.receive = call->old_params.receive;
		cosig_qos_answer(call, COSIG_MSG_MODIFY_REJ, cosig_errno_to_cause(err));
		return;
	}
	cosig_qos_answer(call, COSIG_MSG_MODIFY_ACK, 0);
	condis_cm_dispatch_incoming_call_qos_change(call->vc, &call->params.call);
}

/**
 * cosig_qos_rx() - a MODIFY message arrived
 * @call: the call it is about
 * @msg: MODIFY_REQ, MODIFY_ACK or MODIFY_REJ
 *
 * Context: the worker.
 */
void cosig_qos_rx(struct cosig_call *call, struct cosig_msg *msg)
{
	if (msg->type == COSIG_MSG_MODIFY_REQ) {
		cosig_qos_rx_req(call, msg);
		return;
	}
	if (call->pending_msg != COSIG_MSG_MODIFY_REQ)
		return;		/* a late duplicate */
	cosig_disarm(call);
	if (msg->type == COSIG_MSG_MODIFY_ACK) {
		cosig_qos_done(call, 0);
		return;
	}
	cosig_qos_restore(call);
	cosig_qos_done(call, cosig_cause_to_errno(msg->cause) ?: -EPROTO);
}

/**
 * cosig_qos_abort() - the call ends while a modify is pending: fail it
 * @call: the call
 * @status: what the client is told
 *
 * Context: the worker.
 */
void cosig_qos_abort(struct cosig_call *call, int status)
{
	if (call->pending_msg != COSIG_MSG_MODIFY_REQ || !call->client_params)
		return;
	cosig_disarm(call);
	cosig_qos_done(call, status);
}

/**
 * cosig_qos_timeout() - the peer did not answer a MODIFY REQ
 * @call: the call
 *
 * Context: the worker.
 */
void cosig_qos_timeout(struct cosig_call *call)
{
	if (call->tries < cosig_retries) {
		call->tries++;
		call->sig->stats.retransmits++;
		cosig_call_send(call, COSIG_MSG_MODIFY_REQ, 0);
		call->deadline = jiffies + msecs_to_jiffies(cosig_retry_ms);
		return;
	}
	call->sig->stats.timeouts++;
	cosig_disarm(call);
	cosig_qos_restore(call);
	cosig_qos_done(call, -ETIMEDOUT);
}
