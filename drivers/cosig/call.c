// SPDX-License-Identifier: GPL-2.0
/*
 * Calls: the point-to-point state machine of Documentation/signaling.rst,
 * which also carries a multipoint call's first leaf.  Everything here runs
 * in the worker with &cosig.lock held.
 */
#include <linux/jiffies.h>
#include <linux/net.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "internal.h"

/*
 * A (de)activation the miniport pends takes milliseconds; one that waits
 * for a client that keeps its packets may never end, and the worker must
 * not stall on it for long: the call is over all the same.
 */
#define COSIG_ACT_TIMEOUT	(2 * HZ)

static const char * const cosig_state_names[] = {
	[COSIG_IDLE] = "idle",
	[COSIG_CALLING] = "calling",
	[COSIG_PROCEEDING] = "proceeding",
	[COSIG_OFFERED] = "offered",
	[COSIG_CONNECTING] = "connecting",
	[COSIG_ACTIVE] = "active",
	[COSIG_RELEASING] = "releasing",
	[COSIG_CLEARING] = "clearing",
	[COSIG_CLOSED] = "closed",
};

/**
 * cosig_state_name() - a call state's name
 * @state: COSIG_xxx
 *
 * Return: the name.
 */
const char *cosig_state_name(enum cosig_call_state state)
{
	return state < ARRAY_SIZE(cosig_state_names) ? cosig_state_names[state] : "?";
}

/**
 * cosig_call_alloc() - a new call, with one reference for the caller
 * @sig: the engine
 * @gfp: allocation flags
 *
 * Context: any (with GFP_ATOMIC).
 * Return: the call, or NULL.
 */
struct cosig_call *cosig_call_alloc(struct cosig *sig, gfp_t gfp)
{
	struct cosig_call *call = kzalloc(sizeof(*call), gfp);

	if (!call)
		return NULL;
	kref_init(&call->ref);
	call->sig = sig;
	INIT_LIST_HEAD(&call->node);
	INIT_LIST_HEAD(&call->ev.node);
	INIT_LIST_HEAD(&call->parties);
	init_completion(&call->act_done);
	call->next_epref = 2;
	return call;
}

/**
 * cosig_call_release() - free a call whose last reference went
 * @ref: its kref
 *
 * Context: the worker, or a condis handler for a call that never reached
 * the worker (its carrier slot is then empty).
 */
void cosig_call_release(struct kref *ref)
{
	struct cosig_call *call = container_of(ref, struct cosig_call, ref);
	struct cosig *sig = call->sig;

	if (call->carrier_slot && sig->ops->release_slot)
		sig->ops->release_slot(sig->carrier, &call->carrier_slot);
	kfree(call->first_party);
	kfree(call);
}

/**
 * cosig_call_put() - drop a reference
 * @call: the call
 */
void cosig_call_put(struct cosig_call *call)
{
	kref_put(&call->ref, cosig_call_release);
}

static void cosig_call_list(struct cosig_call *call)
{
	lockdep_assert_held(&call->sig->lock);
	if (list_empty(&call->node)) {
		kref_get(&call->ref);
		list_add_tail(&call->node, &call->sig->calls);
	}
}

static void cosig_call_unlist(struct cosig_call *call)
{
	lockdep_assert_held(&call->sig->lock);
	if (call->rx_vci) {
		ida_free(&call->sig->vcis, call->rx_vci);
		call->rx_vci = 0;
	}
	if (!list_empty(&call->node)) {
		list_del_init(&call->node);
		cosig_call_put(call);
	}
}

/**
 * cosig_call_find() - the call a message is about
 * @sig: the engine
 * @cref: call reference, without the flag
 * @ours: we allocated @cref (we placed the call)
 * @epref: for a call placed by the peer, the leaf's endpoint reference
 *
 * Context: the worker.
 * Return: the call (no reference taken), or NULL.
 */
struct cosig_call *cosig_call_find(struct cosig *sig, u32 cref, bool ours, u32 epref)
{
	struct cosig_call *call;

	lockdep_assert_held(&sig->lock);
	list_for_each_entry(call, &sig->calls, node)
		if (call->cref == cref && call->outgoing == ours && call->state != COSIG_IDLE &&
		    (ours || call->epref == epref))
			return call;
	return NULL;
}

/**
 * cosig_call_fill_params() - set the QoS a call activates its VC with
 * @call: the call
 * @tx: towards the peer
 * @rx: from the peer
 *
 * Also points the condis parameters at the call's name and channels.
 */
void cosig_call_fill_params(struct cosig_call *call, const struct condis_flow_spec *tx,
			    const struct condis_flow_spec *rx)
{
	struct cosig_act_params *p = &call->params;

	p->call.cm = &p->cm;
	p->call.media = &p->media;
	p->cm.transmit = *tx;
	p->cm.receive = *rx;
	p->cm.specific.type = CONIC_CM_CALLED_SAP;
	p->cm.specific.len = call->sap_len;
	memcpy(p->name, call->sap_name, call->sap_len);
	p->media.flags = CONDIS_MEDIA_TRANSMIT_VC | CONDIS_MEDIA_RECEIVE_VC;
	p->media.specific.type = CONIC_MEDIA_VCIS;
	p->media.specific.len = sizeof(p->vcis);
}

static int cosig_vc_op_wait(struct cosig_call *call, int ret)
{
	if (ret != CONDIS_PENDING)
		return ret;
	if (!wait_for_completion_timeout(&call->act_done, COSIG_ACT_TIMEOUT)) {
		pr_warn("cosig %s: VC (de)activation never completed\n", call->sig->name);
		return -ETIMEDOUT;
	}
	return call->act_status;
}

/**
 * cosig_call_activate() - (re-)activate the call's VC with its parameters
 * @call: the call, whose channels in @call->params.vcis are set
 *
 * Waits for a pended activation.
 *
 * Context: the worker.
 * Return: 0 or the carrier's error.
 */
int cosig_call_activate(struct cosig_call *call)
{
	struct cosig *sig = call->sig;
	int ret;

	lockdep_assert_held(&sig->lock);
	reinit_completion(&call->act_done);
	ret = sig->ops->activate_vc(sig->carrier, call->vc, &call->carrier_slot,
				    &call->params.call);
	ret = cosig_vc_op_wait(call, ret);
	if (!ret)
		call->vc_active = true;
	return ret;
}

/**
 * cosig_call_deactivate() - deactivate the call's VC if it is active
 * @call: the call
 *
 * Context: the worker.
 * Return: 0 or the carrier's error (the VC then counts as inactive anyway:
 * the call is over).
 */
int cosig_call_deactivate(struct cosig_call *call)
{
	struct cosig *sig = call->sig;
	int ret;

	lockdep_assert_held(&sig->lock);
	if (!call->vc_active)
		return 0;
	reinit_completion(&call->act_done);
	ret = sig->ops->deactivate_vc(sig->carrier, call->vc, &call->carrier_slot);
	ret = cosig_vc_op_wait(call, ret);
	if (ret)
		pr_warn("cosig %s: deactivating call %u's VC failed: %d\n", sig->name,
			call->cref, ret);
	call->vc_active = false;
	return ret;
}

/**
 * cosig_call_send() - send a message about a call
 * @call: the call
 * @type: COSIG_MSG_xxx
 * @cause: COSIG_CAUSE_xxx for messages that carry one, else 0
 *
 * Builds the elements each message needs from the call's state.
 */
void cosig_call_send(struct cosig_call *call, u8 type, u32 cause)
{
	const struct condis_flow_spec *tr = &call->params.cm.transmit;
	struct cosig_out out = {
		.type = type, .cref = call->cref, .ours = call->outgoing,
		.epref = call->epref, .cause = cause,
	};

	switch (type) {
	case COSIG_MSG_SETUP:
		out.sap_name = call->sap_name;
		out.sap_len = call->sap_len;
		out.has_vci = true;
		out.vci = call->rx_vci;
		out.traffic = tr;
		if (call->multipoint) {
			out.flags = COSIG_FLAG_MULTIPOINT;
			out.epref = 1;
		}
		break;
	case COSIG_MSG_CONNECT:
	case COSIG_MSG_ADD_PARTY_ACK:
		out.has_vci = true;
		out.vci = call->rx_vci;
		break;
	case COSIG_MSG_CONNECT_ACK:
		if (call->multipoint && call->outgoing)
			out.epref = 1;	/* about the first leaf */
		break;
	case COSIG_MSG_MODIFY_REQ:
		out.traffic = tr;
		break;
	case COSIG_MSG_RELEASE:
	case COSIG_MSG_DROP_PARTY:
		out.data = call->close_data;
		out.data_len = call->close_len;
		break;
	}
	cosig_send(call->sig, &out);
}

/* Answer a message about a call we do not have (or no longer have). */
static void cosig_reply_unknown(struct cosig *sig, const struct cosig_msg *msg)
{
	struct cosig_out out = {
		.cref = msg->cref, .ours = !msg->from_owner, .epref = msg->epref,
	};

	switch (msg->type) {
	case COSIG_MSG_RELEASE_COMPLETE:
	case COSIG_MSG_STATUS:
	case COSIG_MSG_DROP_PARTY_ACK:
	case COSIG_MSG_ADD_PARTY_REJ:
	case COSIG_MSG_MODIFY_ACK:
	case COSIG_MSG_MODIFY_REJ:
		return;		/* the peer expects nothing back */
	case COSIG_MSG_RELEASE:
		out.type = COSIG_MSG_RELEASE_COMPLETE;
		out.cause = COSIG_CAUSE_NORMAL;
		break;
	case COSIG_MSG_DROP_PARTY:
		out.type = COSIG_MSG_DROP_PARTY_ACK;
		break;
	default:
		out.type = COSIG_MSG_RELEASE_COMPLETE;
		out.cause = COSIG_CAUSE_INVALID_CREF;
		break;
	}
	sig->stats.unknown_cref++;
	cosig_send(sig, &out);
}

static void cosig_reply_status(struct cosig_call *call, const struct cosig_msg *msg)
{
	struct cosig_out out = {
		.type = COSIG_MSG_STATUS, .cref = call->cref, .ours = call->outgoing,
		.epref = msg->epref, .cause = COSIG_CAUSE_WRONG_STATE,
		.call_state = call->state + 1,
	};

	call->sig->stats.unexpected++;
	net_dbg_ratelimited("cosig %s: %s unexpected in call %u state %s\n", call->sig->name,
			    cosig_msg_name(msg->type), call->cref, cosig_state_name(call->state));
	cosig_send(call->sig, &out);
}

/* Fail a make_call: the call never came up. */
static void cosig_make_failed(struct cosig_call *call, int err)
{
	struct condis_call_params *params = call->client_params;

	cosig_disarm(call);
	cosig_call_deactivate(call);
	call->state = COSIG_IDLE;
	call->client_params = NULL;
	cosig_call_unlist(call);
	condis_cm_make_call_complete(err, call->vc, NULL, params);
	/* The first leaf failed with the make-call: condis is done with it. */
	cosig_party_forget_all(call);
}

static void cosig_call_make(struct cosig_call *call)
{
	struct condis_call_params *params = call->client_params;
	struct cosig *sig = call->sig;
	const struct condis_cm_params *cm = params->cm;
	struct cosig_party *first = call->first_party;
	int vci;

	call->first_party = NULL;
	call->sap_len = cm->specific.len;
	memcpy(call->sap_name, cm->specific.data, call->sap_len);
	call->outgoing = true;
	call->multipoint = !!first;
	call->epref = 0;
	call->peer_vci = 0;
	call->cref = sig->next_cref;
	sig->next_cref = (sig->next_cref + 1) & COSIG_CREF_MASK ?: 1;
	call->state = COSIG_CALLING;
	cosig_call_list(call);
	if (first) {
		first->call = call;
		kref_get(&call->ref);
		list_add_tail(&first->node, &call->parties);
	}
	if (!sig->link_up) {
		cosig_make_failed(call, -ENOLINK);
		return;
	}
	if (!call->multipoint) {
		vci = ida_alloc_range(&sig->vcis, CONIC_FIRST_DATA_VCI, CONIC_MAX_VCI, GFP_KERNEL);
		if (vci < 0) {
			cosig_make_failed(call, -EAGAIN);
			return;
		}
		call->rx_vci = vci;
	}
	cosig_call_fill_params(call, &cm->transmit, &cm->receive);
	if (sig->restarting) {
		/* No SETUP before the peer acknowledged our RESTART. */
		cosig_arm(call, COSIG_MSG_SETUP, msecs_to_jiffies(cosig_connect_timeout_ms));
		call->tries = 0;
		return;
	}
	cosig_call_send(call, COSIG_MSG_SETUP, 0);
	cosig_arm(call, COSIG_MSG_SETUP, msecs_to_jiffies(cosig_retry_ms));
}

/**
 * cosig_call_held() - a call waiting for the restart to finish
 * @call: the call
 *
 * Return: whether its SETUP was not sent yet.
 */
bool cosig_call_held(const struct cosig_call *call)
{
	return call->state == COSIG_CALLING && !call->tries;
}

/**
 * cosig_calls_restarted() - the restart is over: send the held SETUPs
 * @sig: the engine
 *
 * Context: the worker.
 */
void cosig_calls_restarted(struct cosig *sig)
{
	struct cosig_call *call;

	lockdep_assert_held(&sig->lock);
	list_for_each_entry(call, &sig->calls, node) {
		if (!cosig_call_held(call))
			continue;
		cosig_call_send(call, COSIG_MSG_SETUP, 0);
		cosig_arm(call, COSIG_MSG_SETUP, msecs_to_jiffies(cosig_retry_ms));
	}
}

/* The called side's CONNECT arrived: the call is up once our VC is. */
static void cosig_call_connected_out(struct cosig_call *call, const struct cosig_msg *msg)
{
	struct condis_call_params *params = call->client_params;
	struct cosig_party *first = NULL;
	int err;

	if (!(msg->has & BIT(COSIG_IE_VCI)) || !msg->vci) {
		call->close_len = 0;
		cosig_call_send(call, COSIG_MSG_RELEASE, COSIG_CAUSE_MANDATORY_IE);
		cosig_make_failed(call, -EPROTO);
		return;
	}
	call->params.vcis.rx_vci = call->rx_vci;
	call->params.vcis.n_tx = 1;
	call->params.vcis.tx_vci[0] = msg->vci;
	if (call->multipoint) {
		first = list_first_entry(&call->parties, struct cosig_party, node);
		first->peer_vci = msg->vci;
	} else {
		call->peer_vci = msg->vci;
	}
	err = cosig_call_activate(call);
	if (err) {
		call->close_len = 0;
		cosig_call_send(call, COSIG_MSG_RELEASE, cosig_errno_to_cause(err));
		cosig_make_failed(call, err);
		return;
	}
	if (first)
		first->state = COSIG_PARTY_ACTIVE;
	cosig_disarm(call);
	call->state = COSIG_ACTIVE;
	call->client_params = NULL;
	cosig_call_send(call, COSIG_MSG_CONNECT_ACK, 0);
	condis_cm_make_call_complete(0, call->vc, first, params);
}

/*
 * Delete the VC of a closed incoming call, once the close is complete:
 * condis accepts that at once (the deletion reaches the client after its
 * close completion).  It refuses only while the VC is still being
 * deactivated (a deactivation that outlived COSIG_ACT_TIMEOUT): condis
 * still calls back with this call as the VC's context then, so the call
 * keeps condis's reference and tries again when its linger ends.  -EBADF
 * says condis deleted the VC already (forced teardown): it is done.
 */
static void cosig_call_try_delete(struct cosig_call *call)
{
	struct cosig *sig = call->sig;
	int err = sig->ops->delete_vc(sig->carrier, call->vc);

	call->pending_msg = COSIG_LINGER;
	call->deadline = jiffies + msecs_to_jiffies(cosig_linger_ms);
	if (err && err != -EBADF) {
		pr_warn("cosig %s: could not delete call %u's VC yet: %d\n", sig->name,
			call->cref, err);
		return;
	}
	call->vc = NULL;
	cosig_call_put(call);	/* condis's reference */
}

/* An incoming call is over: its VC goes, the call lingers a while. */
static void cosig_call_drop_in(struct cosig_call *call)
{
	struct cosig *sig = call->sig;

	cosig_call_deactivate(call);
	if (call->rx_vci) {
		ida_free(&sig->vcis, call->rx_vci);
		call->rx_vci = 0;
	}
	call->state = COSIG_CLOSED;
	call->tries = 0;
	call->pending_msg = COSIG_LINGER;
	call->deadline = jiffies + msecs_to_jiffies(cosig_linger_ms);
	if (call->vc)
		cosig_call_try_delete(call);
}

static void cosig_reject_in(struct cosig_call *call, int err)
{
	u32 cause = cosig_errno_to_cause(err);

	cosig_call_send(call, call->epref > 1 ? COSIG_MSG_ADD_PARTY_REJ :
			COSIG_MSG_RELEASE_COMPLETE, cause);
	call->pending_cause = cause;
	cosig_call_drop_in(call);
}

/* The client took an offered call. */
static void cosig_call_accepted(struct cosig_call *call)
{
	if (call->peer_released) {
		/* The caller gave up meanwhile: the client learns it now. */
		cosig_call_deactivate(call);
		call->state = COSIG_CLEARING;
		condis_cm_dispatch_incoming_close_call(-ECONNRESET, call->vc, NULL, 0);
		return;
	}
	if (call->epref > 1) {
		call->state = COSIG_ACTIVE;
		cosig_call_send(call, COSIG_MSG_ADD_PARTY_ACK, 0);
		condis_cm_dispatch_call_connected(call->vc);
		return;
	}
	call->state = COSIG_CONNECTING;
	cosig_call_send(call, COSIG_MSG_CONNECT, 0);
	cosig_arm(call, COSIG_MSG_CONNECT, msecs_to_jiffies(cosig_retry_ms));
}

static void cosig_call_answered(struct cosig_call *call, int status)
{
	if (call->state != COSIG_OFFERED)
		return;
	if (!status) {
		cosig_call_accepted(call);
		return;
	}
	if (call->peer_released)
		cosig_call_drop_in(call);
	else
		cosig_reject_in(call, status);
}

/* Reject a SETUP or ADD PARTY we made no call for. */
static void cosig_refuse(struct cosig *sig, const struct cosig_msg *msg, u32 cause)
{
	struct cosig_out out = {
		.type = msg->type == COSIG_MSG_ADD_PARTY ? COSIG_MSG_ADD_PARTY_REJ :
			COSIG_MSG_RELEASE_COMPLETE,
		.cref = msg->cref, .ours = false, .epref = msg->epref, .cause = cause,
	};

	cosig_send(sig, &out);
}

/* Why a SETUP or ADD PARTY cannot be offered as it is, or 0. */
static int cosig_offer_fault(const struct cosig *sig, const struct cosig_msg *msg)
{
	bool add = msg->type == COSIG_MSG_ADD_PARTY;

	if (!(msg->has & BIT(COSIG_IE_CALLED_SAP)) || !(msg->has & BIT(COSIG_IE_TRAFFIC)) ||
	    (!add && !(msg->has & BIT(COSIG_IE_VCI))) || (add && msg->epref < 2) ||
	    (!add && msg->epref != ((msg->flags & COSIG_FLAG_MULTIPOINT) ? 1 : 0)))
		return COSIG_CAUSE_MANDATORY_IE;
	if (!add && !(msg->flags & COSIG_FLAG_MULTIPOINT) && !msg->vci)
		return COSIG_CAUSE_INVALID_IE;
	if (msg->sap_type != CONIC_SAP_TYPE || !sig->cm_af)
		return COSIG_CAUSE_NO_SAP;
	return 0;
}

/* The SAP a SETUP or ADD PARTY calls, referenced, or NULL. */
static struct condis_sap *cosig_offer_sap(const struct cosig *sig, const struct cosig_msg *msg)
{
	struct {
		struct condis_sap_addr addr;
		u8 name[CONIC_SAP_NAME_MAX];
	} key;

	key.addr.type = CONIC_SAP_TYPE;
	key.addr.len = msg->sap_len;
	memcpy(key.name, msg->sap_name, msg->sap_len);
	return condis_cm_lookup_sap(sig->cm_af, &key.addr);
}

/* A new listed call for an offer, with a channel of ours; a cause on failure. */
static struct cosig_call *cosig_offer_call(struct cosig *sig, const struct cosig_msg *msg,
					   int *cause)
{
	bool add = msg->type == COSIG_MSG_ADD_PARTY;
	struct cosig_call *call;
	int vci;

	call = cosig_call_alloc(sig, GFP_KERNEL);
	if (!call) {
		*cause = COSIG_CAUSE_TEMPORARY;
		return NULL;
	}
	call->cref = msg->cref;
	call->epref = msg->epref;
	call->multipoint = add || (msg->flags & COSIG_FLAG_MULTIPOINT);
	call->vc_ours = true;
	call->peer_vci = call->multipoint ? 0 : msg->vci;
	call->sap_len = msg->sap_len;
	memcpy(call->sap_name, msg->sap_name, msg->sap_len);
	call->state = COSIG_OFFERED;
	cosig_call_list(call);
	vci = ida_alloc_range(&sig->vcis, CONIC_FIRST_DATA_VCI, CONIC_MAX_VCI, GFP_KERNEL);
	if (vci < 0) {
		*cause = COSIG_CAUSE_NO_CHANNEL;
		cosig_call_unlist(call);
		cosig_call_put(call);
		return NULL;
	}
	call->rx_vci = vci;
	/* The caller's forward direction is what we receive. */
	cosig_call_fill_params(call, &msg->traffic[1], &msg->traffic[0]);
	call->params.vcis.rx_vci = call->rx_vci;
	call->params.vcis.n_tx = call->peer_vci ? 1 : 0;
	call->params.vcis.tx_vci[0] = call->peer_vci;
	return call;
}

/* A SETUP or ADD PARTY for a call the peer places: offer it to a client. */
static void cosig_call_offer(struct cosig *sig, const struct cosig_msg *msg)
{
	struct condis_sap *sap;
	struct cosig_call *call;
	int cause, err;

	cause = cosig_offer_fault(sig, msg);
	if (cause) {
		cosig_refuse(sig, msg, cause);
		return;
	}
	sap = cosig_offer_sap(sig, msg);
	if (!sap) {
		cosig_refuse(sig, msg, COSIG_CAUSE_NO_SAP);
		return;
	}
	call = cosig_offer_call(sig, msg, &cause);
	if (!call) {
		cosig_refuse(sig, msg, cause);
		goto out_sap;
	}
	if (msg->type != COSIG_MSG_ADD_PARTY)
		cosig_call_send(call, COSIG_MSG_CALL_PROC, 0);
	call->af = condis_sap_af(sap);
	err = sig->ops->create_vc(sig->carrier, call->af, call, &call->vc);
	if (err) {
		call->vc = NULL;
		cosig_reject_in(call, err);
		goto out_call;
	}
	kref_get(&call->ref);	/* condis's, until we delete the VC */
	err = cosig_call_activate(call);
	if (err) {
		cosig_reject_in(call, err);
		goto out_call;
	}
	err = condis_cm_dispatch_incoming_call(sap, call->vc, &call->params.call);
	if (err != CONDIS_PENDING)
		cosig_call_answered(call, err);
out_call:
	cosig_call_put(call);
out_sap:
	condis_sap_put(sap);
}

/* A SETUP or ADD PARTY again: the peer missed our answer. */
static void cosig_call_repeat_answer(struct cosig_call *call, const struct cosig_msg *msg)
{
	bool add = msg->type == COSIG_MSG_ADD_PARTY;

	switch (call->state) {
	case COSIG_OFFERED:
		if (!add)
			cosig_call_send(call, COSIG_MSG_CALL_PROC, 0);
		break;
	case COSIG_CONNECTING:
		cosig_call_send(call, COSIG_MSG_CONNECT, 0);
		break;
	case COSIG_ACTIVE:
		cosig_call_send(call, add ? COSIG_MSG_ADD_PARTY_ACK : COSIG_MSG_CONNECT, 0);
		break;
	case COSIG_CLOSED:
		if (call->pending_cause)
			cosig_call_send(call, add ? COSIG_MSG_ADD_PARTY_REJ :
					COSIG_MSG_RELEASE_COMPLETE, call->pending_cause);
		break;
	default:
		break;
	}
}

/**
 * cosig_call_clear_data() - the peer, the link or a time-out ended a call
 * @call: the call
 * @status: what the client is told (0: orderly release by the peer)
 * @data: the peer's user data, or NULL
 * @len: bytes in @data
 *
 * Context: the worker.
 */
void cosig_call_clear_data(struct cosig_call *call, int status, const u8 *data, u32 len)
{
	lockdep_assert_held(&call->sig->lock);
	switch (call->state) {
	case COSIG_CALLING:
	case COSIG_PROCEEDING:
		cosig_make_failed(call, status ?: -ECONNRESET);
		break;
	case COSIG_OFFERED:
		call->peer_released = true;
		break;
	case COSIG_CONNECTING:
	case COSIG_ACTIVE:
		cosig_qos_abort(call, status ?: -ECONNRESET);
		cosig_disarm(call);
		cosig_call_deactivate(call);
		call->state = COSIG_CLEARING;
		/* A root's leaves first: incoming drops but for the last. */
		cosig_party_clear_all(call, status);
		condis_cm_dispatch_incoming_close_call(status, call->vc, (void *)data, len);
		break;
	case COSIG_RELEASING:
		cosig_call_finish_close(call);
		break;
	default:
		break;
	}
}

/**
 * cosig_call_clear() - cosig_call_clear_data() without user data
 * @call: the call
 * @status: what the client is told
 */
void cosig_call_clear(struct cosig_call *call, int status)
{
	cosig_call_clear_data(call, status, NULL, 0);
}

/**
 * cosig_call_finish_close() - the client's close is done: tell it
 * @call: a call being released (RELEASING) or cleared (CLEARING)
 *
 * Context: the worker.
 */
void cosig_call_finish_close(struct cosig_call *call)
{
	struct condis_vc *vc = call->vc;

	cosig_disarm(call);
	cosig_call_deactivate(call);
	if (!call->vc_ours) {
		/*
		 * Idle before the client hears of it: it may delete its VC
		 * from its close completion (cosig_cm_delete_vc() refuses a
		 * call that is not idle).
		 */
		call->state = COSIG_IDLE;
		cosig_call_unlist(call);
	}
	condis_cm_close_call_complete(0, vc);
	/* The last leaf left with the close: condis is done with it. */
	cosig_party_forget_all(call);
	if (call->vc_ours) {
		call->pending_cause = 0;
		cosig_call_drop_in(call);
	}
}

/* The client closes its call. */
static void cosig_call_close(struct cosig_call *call)
{
	switch (call->state) {
	case COSIG_CLEARING:
		cosig_call_finish_close(call);
		return;
	case COSIG_ACTIVE:
	case COSIG_CONNECTING:
		cosig_qos_abort(call, -ECONNRESET);
		cosig_disarm(call);
		cosig_call_deactivate(call);
		call->state = COSIG_RELEASING;
		if (call->multipoint && !call->outgoing) {
			/* A leaf leaves the root's call. */
			cosig_call_send(call, COSIG_MSG_DROP_PARTY, COSIG_CAUSE_NORMAL);
			cosig_arm(call, COSIG_MSG_DROP_PARTY, msecs_to_jiffies(cosig_retry_ms));
		} else {
			cosig_call_send(call, COSIG_MSG_RELEASE, COSIG_CAUSE_NORMAL);
			cosig_arm(call, COSIG_MSG_RELEASE, msecs_to_jiffies(cosig_retry_ms));
		}
		return;
	default:
		pr_warn("cosig %s: close of call %u in state %s\n", call->sig->name, call->cref,
			cosig_state_name(call->state));
		condis_cm_close_call_complete(-EINVAL, call->vc);
		return;
	}
}

/**
 * cosig_call_gone() - forget a call at once (engine going away)
 * @call: the call
 *
 * Context: the worker or cosig_destroy(), with the lock held.
 */
void cosig_call_gone(struct cosig_call *call)
{
	cosig_party_forget_all(call);
	if (call->vc && call->vc_ours) {
		call->vc = NULL;
		cosig_call_put(call);
	}
	cosig_call_unlist(call);
}

/**
 * cosig_call_events() - handle what condis asked of a call
 * @call: the call; the queue's reference passes to this function
 * @ev: COSIG_EV_xxx bits
 *
 * Context: the worker.
 */
void cosig_call_events(struct cosig_call *call, unsigned long ev)
{
	lockdep_assert_held(&call->sig->lock);
	if (test_bit(COSIG_EV_ANSWER, &ev))
		cosig_call_answered(call, call->answer);
	if (test_bit(COSIG_EV_MAKE_CALL, &ev))
		cosig_call_make(call);
	if (test_bit(COSIG_EV_MODIFY, &ev))
		cosig_qos_modify(call);
	if (test_bit(COSIG_EV_CLOSE, &ev))
		cosig_call_close(call);
	if (test_bit(COSIG_EV_DELETE, &ev)) {
		call->vc = NULL;
		cosig_call_unlist(call);
	}
	cosig_call_put(call);
}

/**
 * cosig_call_timeout() - the message a call waits on was not answered
 * @call: the call
 *
 * Context: the worker.
 */
void cosig_call_timeout(struct cosig_call *call)
{
	struct cosig *sig = call->sig;
	u8 msg = call->pending_msg;

	if (msg == COSIG_LINGER) {
		if (call->vc) {
			cosig_call_try_delete(call);
			return;
		}
		call->pending_msg = 0;
		cosig_call_unlist(call);
		return;
	}
	if (msg == COSIG_MSG_MODIFY_REQ) {
		cosig_qos_timeout(call);
		return;
	}
	if (msg != COSIG_MSG_CALL_PROC && call->tries < cosig_retries) {
		call->tries++;
		sig->stats.retransmits++;
		cosig_call_send(call, msg, msg == COSIG_MSG_RELEASE ? COSIG_CAUSE_NORMAL : 0);
		call->deadline = jiffies + msecs_to_jiffies(cosig_retry_ms);
		return;
	}
	sig->stats.timeouts++;
	cosig_disarm(call);
	switch (msg) {
	case COSIG_MSG_SETUP:
	case COSIG_MSG_CALL_PROC:
		call->close_len = 0;
		cosig_call_send(call, COSIG_MSG_RELEASE, COSIG_CAUSE_TIMER_EXPIRY);
		cosig_make_failed(call, -ETIMEDOUT);
		break;
	case COSIG_MSG_CONNECT:
		call->close_len = 0;
		cosig_call_send(call, COSIG_MSG_RELEASE, COSIG_CAUSE_TIMER_EXPIRY);
		cosig_call_clear(call, -ETIMEDOUT);
		break;
	default:	/* RELEASE, a leaf's DROP PARTY: the call is over anyway */
		cosig_call_finish_close(call);
		break;
	}
}

/* Messages about a call we placed (the peer did not allocate the cref). */
static void cosig_call_rx_out(struct cosig_call *call, struct cosig_msg *msg)
{
	switch (msg->type) {
	case COSIG_MSG_CALL_PROC:
		if (call->state == COSIG_CALLING) {
			call->state = COSIG_PROCEEDING;
			cosig_arm(call, COSIG_MSG_CALL_PROC,
				  msecs_to_jiffies(cosig_connect_timeout_ms));
		}
		return;
	case COSIG_MSG_CONNECT:
		if (call->state == COSIG_CALLING || call->state == COSIG_PROCEEDING)
			cosig_call_connected_out(call, msg);
		else if (call->state == COSIG_ACTIVE)
			cosig_call_send(call, COSIG_MSG_CONNECT_ACK, 0);
		else
			cosig_reply_status(call, msg);
		return;
	case COSIG_MSG_ADD_PARTY_ACK:
	case COSIG_MSG_ADD_PARTY_REJ:
	case COSIG_MSG_DROP_PARTY:
	case COSIG_MSG_DROP_PARTY_ACK:
		if (call->multipoint) {
			cosig_party_rx(call, msg);
			return;
		}
		break;
	default:
		return;
	}
	cosig_reply_status(call, msg);
}

/* Messages from the side that allocated the cref, about a call it placed. */
static void cosig_call_rx_in(struct cosig_call *call, struct cosig_msg *msg)
{
	switch (msg->type) {
	case COSIG_MSG_SETUP:
	case COSIG_MSG_ADD_PARTY:
		cosig_call_repeat_answer(call, msg);
		return;
	case COSIG_MSG_CONNECT_ACK:
		if (call->state == COSIG_CONNECTING) {
			cosig_disarm(call);
			call->state = COSIG_ACTIVE;
			condis_cm_dispatch_call_connected(call->vc);
		}
		return;
	case COSIG_MSG_DROP_PARTY:
		/* The root drops this leaf: a release, as far as it goes. */
		{
			struct cosig_out out = {
				.type = COSIG_MSG_DROP_PARTY_ACK, .cref = call->cref,
				.epref = call->epref,
			};

			cosig_send(call->sig, &out);
		}
		cosig_call_clear_data(call, cosig_cause_to_errno(msg->cause), msg->data,
				      msg->data_len);
		return;
	case COSIG_MSG_DROP_PARTY_ACK:
		if (call->state == COSIG_RELEASING)
			cosig_call_finish_close(call);
		return;
	default:
		cosig_reply_status(call, msg);
	}
}

/**
 * cosig_call_rx() - a message about a call arrived
 * @sig: the engine
 * @msg: the parsed message
 *
 * Context: the worker.
 */
void cosig_call_rx(struct cosig *sig, struct cosig_msg *msg)
{
	struct cosig_out out = { .type = COSIG_MSG_RELEASE_COMPLETE, .cause = COSIG_CAUSE_NORMAL };
	bool ours = !msg->from_owner;
	struct cosig_call *call, *tmp;
	bool found = false;

	lockdep_assert_held(&sig->lock);
	if (msg->type == COSIG_MSG_RELEASE || msg->type == COSIG_MSG_RELEASE_COMPLETE ||
	    msg->type == COSIG_MSG_STATUS) {
		/* About the whole call: every leaf of it, at a leaf's end. */
		list_for_each_entry_safe(call, tmp, &sig->calls, node) {
			if (call->cref != msg->cref || call->outgoing != ours ||
			    call->state == COSIG_IDLE)
				continue;
			found = true;
			kref_get(&call->ref);
			if (msg->type == COSIG_MSG_STATUS) {
				if ((msg->has & BIT(COSIG_IE_CALL_STATE)) && msg->call_state == 0 &&
				    call->state != COSIG_CLOSED)
					cosig_call_clear(call, -ECONNRESET);
			} else if (call->state == COSIG_CLOSED) {
				/* late duplicate */
			} else if (msg->type == COSIG_MSG_RELEASE_COMPLETE &&
				   call->state == COSIG_RELEASING) {
				cosig_call_finish_close(call);
			} else {
				cosig_call_clear_data(call, cosig_cause_to_errno(msg->cause),
						      msg->data, msg->data_len);
			}
			cosig_call_put(call);
		}
		if (!found) {
			cosig_reply_unknown(sig, msg);
		} else if (msg->type == COSIG_MSG_RELEASE) {
			out.cref = msg->cref;
			out.ours = ours;
			cosig_send(sig, &out);
		}
		return;
	}
	call = cosig_call_find(sig, msg->cref, ours, msg->epref);
	if (!call) {
		if (!ours && (msg->type == COSIG_MSG_SETUP || msg->type == COSIG_MSG_ADD_PARTY))
			cosig_call_offer(sig, msg);
		else
			cosig_reply_unknown(sig, msg);
		return;
	}
	kref_get(&call->ref);
	if (msg->type == COSIG_MSG_MODIFY_REQ || msg->type == COSIG_MSG_MODIFY_ACK ||
	    msg->type == COSIG_MSG_MODIFY_REJ)
		cosig_qos_rx(call, msg);
	else if (ours)
		cosig_call_rx_out(call, msg);
	else
		cosig_call_rx_in(call, msg);
	cosig_call_put(call);
}
