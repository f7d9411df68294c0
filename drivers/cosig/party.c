// SPDX-License-Identifier: GPL-2.0
/*
 * Parties: the leaves of a multipoint call, at the root.  The root's VC
 * sends each packet to every active leaf's channel; adding or dropping a
 * leaf re-activates the VC with the new list.  At a leaf's end each leaf is
 * an ordinary incoming call (call.c).  Runs in the worker with the engine
 * lock held.
 *
 * Lifetime.  condis holds a party (as its cm_party_ctx) from the client's
 * make-call or add-party until it is done with it: the add or the make-call
 * failed, the party's drop completed, or the call's close completed.  All
 * that time the party is on its call's list, and the list's reference is
 * condis's: only cosig_party_unlink() takes it off, and only on one of those
 * completions.  A leaf the wire ends (the peer's DROP PARTY, or the whole
 * call cleared by RELEASE, RESTART, STATUS or the link) is %COSIG_PARTY_GONE
 * but stays listed until the client's drop or close reaches the engine.
 *
 * Every such end goes through condis, as the WDK has it
 * (NdisCmDispatchIncomingDropParty, NdisCmDispatchIncomingCloseCall,
 * Documentation/signaling.rst): a leaf that leaves while others remain is
 * an incoming drop-party; when the call itself ends, every active leaf but
 * one is an incoming drop-party ("the network dropped a leaf") and the
 * call an incoming close, which the last leaf leaves with.  The client
 * answers each with condis_cl_drop_party(), and the close with
 * condis_cl_close_call() on its last party; ProtocolClIncomingCloseCall
 * obliges it to drop the parties down to one anyway, so a drop condis
 * declines to dispatch (the client's own drop crossed it, or an add's
 * completion has not reached the client yet) still ends in a drop.
 */
#include <linux/jiffies.h>
#include <linux/slab.h>

#include "internal.h"

static void cosig_party_release(struct kref *ref)
{
	struct cosig_party *p = container_of(ref, struct cosig_party, ref);

	if (p->call)
		cosig_call_put(p->call);
	kfree(p);
}

/**
 * cosig_party_put() - drop a reference
 * @party: the party
 */
void cosig_party_put(struct cosig_party *party)
{
	kref_put(&party->ref, cosig_party_release);
}

/**
 * cosig_party_active_count() - leaves data goes to
 * @call: a multipoint root
 *
 * Return: the number of active parties.
 */
unsigned int cosig_party_active_count(struct cosig_call *call)
{
	struct cosig_party *p;
	unsigned int n = 0;

	list_for_each_entry(p, &call->parties, node)
		n += p->state == COSIG_PARTY_ACTIVE;
	return n;
}

/* Leaves added or being added (the new one included). */
static unsigned int cosig_party_live_count(struct cosig_call *call)
{
	struct cosig_party *p;
	unsigned int n = 0;

	list_for_each_entry(p, &call->parties, node)
		n += p->state != COSIG_PARTY_GONE;
	return n;
}

/**
 * cosig_party_update_vc() - re-activate a root's VC for its active leaves
 * @call: a multipoint root with an active VC
 *
 * Context: the worker.
 * Return: 0 or the carrier's error (the VC keeps its old channels).
 */
int cosig_party_update_vc(struct cosig_call *call)
{
	struct conic_media_vcis old = call->params.vcis;
	struct cosig_party *p;
	unsigned int n = 0;
	int err;

	list_for_each_entry(p, &call->parties, node)
		if (p->state == COSIG_PARTY_ACTIVE && n < CONIC_MAX_LEAVES)
			call->params.vcis.tx_vci[n++] = p->peer_vci;
	call->params.vcis.n_tx = n;
	err = cosig_call_activate(call);
	if (err)
		call->params.vcis = old;
	return err;
}

static void cosig_party_send(struct cosig_party *p, u8 type, u32 cause)
{
	struct cosig_call *call = p->call;
	struct cosig_out out = {
		.type = type, .cref = call->cref, .ours = true, .epref = p->epref,
		.cause = cause,
	};

	if (type == COSIG_MSG_ADD_PARTY) {
		out.sap_name = p->name;
		out.sap_len = p->name_len;
		out.traffic = &call->params.cm.transmit;
	} else if (type == COSIG_MSG_DROP_PARTY) {
		out.data = p->drop_data;
		out.data_len = p->drop_len;
	}
	cosig_send(call->sig, &out);
}

static void cosig_party_arm(struct cosig_party *p)
{
	p->tries = 1;
	p->deadline = jiffies + msecs_to_jiffies(cosig_retry_ms);
}

/*
 * condis is done with the party (the caller completes its add or drop, or
 * the call's make or close): it leaves the call's list, whose reference
 * was condis's.
 */
static void cosig_party_unlink(struct cosig_party *p)
{
	p->state = COSIG_PARTY_GONE;
	if (!list_empty(&p->node)) {
		list_del_init(&p->node);
		cosig_party_put(p);
	}
}

/* A drop is over: the party goes and the client hears of it. */
static void cosig_party_dropped(struct cosig_party *p)
{
	struct condis_party *party = p->party;

	cosig_party_unlink(p);
	condis_cm_drop_party_complete(0, party);
}

static void cosig_party_add_done(struct cosig_party *p, int status)
{
	struct condis_call_params *params = p->params;
	struct condis_party *party = p->party;

	p->params = NULL;
	if (status)
		cosig_party_unlink(p);
	else
		p->state = COSIG_PARTY_ACTIVE;
	condis_cm_add_party_complete(status, party, status ? NULL : p, params);
}

static void cosig_party_add(struct cosig_party *p)
{
	struct cosig_call *call = p->call;

	if (call->state != COSIG_ACTIVE || !call->multipoint || !call->outgoing) {
		cosig_party_add_done(p, -EINVAL);
		return;
	}
	if (cosig_party_live_count(call) > CONIC_MAX_LEAVES) {
		cosig_party_add_done(p, -ENOSPC);
		return;
	}
	p->epref = call->next_epref++;
	p->state = COSIG_PARTY_ADDING;
	cosig_party_send(p, COSIG_MSG_ADD_PARTY, 0);
	cosig_party_arm(p);
}

static void cosig_party_drop(struct cosig_party *p)
{
	if (p->state != COSIG_PARTY_ACTIVE) {
		/* Dropped by the leaf already (incoming drop): done. */
		cosig_party_dropped(p);
		return;
	}
	p->state = COSIG_PARTY_DROPPING;
	cosig_party_update_vc(p->call);
	cosig_party_send(p, COSIG_MSG_DROP_PARTY, COSIG_CAUSE_NORMAL);
	cosig_party_arm(p);
}

/**
 * cosig_party_events() - handle what condis asked of a party
 * @party: the party; the queue's reference passes to this function
 * @ev: COSIG_EV_xxx bits
 *
 * Context: the worker.
 */
void cosig_party_events(struct cosig_party *party, unsigned long ev)
{
	lockdep_assert_held(&party->call->sig->lock);
	if (test_bit(COSIG_EV_ADD, &ev)) {
		/* condis's reference, from cosig_cm_add_party(), is the list's. */
		list_add_tail(&party->node, &party->call->parties);
		cosig_party_add(party);
	}
	if (test_bit(COSIG_EV_DROP, &ev))
		cosig_party_drop(party);
	cosig_party_put(party);
}

static struct cosig_party *cosig_party_find(struct cosig_call *call, u32 epref)
{
	struct cosig_party *p;

	list_for_each_entry(p, &call->parties, node)
		if (p->epref == epref)
			return p;
	return NULL;
}

/*
 * An active leaf left on the wire while the call goes on: the client hears
 * of it (NdisCmDispatchIncomingDropParty: "the remote party left, or the
 * network dropped it"; only while other parties remain) and answers with
 * its drop, which cosig_party_drop() completes at once.  Until then the
 * party stays listed: condis still holds it.  condis declines (-EALREADY)
 * when the client's own drop crossed this one: that drop ends the party;
 * other refusals leave it to the client's drops before its close.
 */
static void cosig_party_left(struct cosig_party *p, int status, const u8 *data, u32 len)
{
	int err;

	p->state = COSIG_PARTY_GONE;
	err = condis_cm_dispatch_incoming_drop_party(status, p->party, (void *)data, len);
	if (err && err != -EALREADY)
		pr_debug("cosig %s: call %u leaf %u: incoming drop not dispatched: %d\n",
			 p->call->sig->name, p->call->cref, p->epref, err);
}

static void cosig_party_rx_drop(struct cosig_call *call, struct cosig_party *p,
				const struct cosig_msg *msg)
{
	struct cosig_out out = {
		.type = COSIG_MSG_DROP_PARTY_ACK, .cref = call->cref, .ours = true,
		.epref = msg->epref,
	};

	cosig_send(call->sig, &out);
	if (!p || p->state == COSIG_PARTY_GONE)
		return;
	if (p->state == COSIG_PARTY_DROPPING) {	/* crossed with ours */
		cosig_party_dropped(p);
		return;
	}
	if (p->state == COSIG_PARTY_ADDING) {
		cosig_party_add_done(p, cosig_cause_to_errno(msg->cause) ?: -ECONNRESET);
		return;
	}
	if (cosig_party_active_count(call) <= 1) {
		/* The last leaf left: the call is over (an incoming close). */
		cosig_call_clear_data(call, 0, msg->data, msg->data_len);
		return;
	}
	p->state = COSIG_PARTY_DROPPING;
	cosig_party_update_vc(call);
	cosig_party_left(p, 0, msg->data, msg->data_len);
}

/**
 * cosig_party_rx() - a message about a leaf arrived at the root
 * @call: the root call
 * @msg: ADD_PARTY_ACK/REJ, DROP_PARTY or DROP_PARTY_ACK
 *
 * Context: the worker.
 */
void cosig_party_rx(struct cosig_call *call, struct cosig_msg *msg)
{
	struct cosig_party *p = cosig_party_find(call, msg->epref);
	int err;

	if (msg->type == COSIG_MSG_DROP_PARTY) {
		cosig_party_rx_drop(call, p, msg);
		return;
	}
	if (!p)
		return;
	switch (msg->type) {
	case COSIG_MSG_ADD_PARTY_ACK:
		if (p->state != COSIG_PARTY_ADDING || p->epref == 1)
			return;
		if (!(msg->has & BIT(COSIG_IE_VCI)) || !msg->vci) {
			cosig_party_send(p, COSIG_MSG_DROP_PARTY, COSIG_CAUSE_MANDATORY_IE);
			cosig_party_add_done(p, -EPROTO);
			return;
		}
		p->peer_vci = msg->vci;
		p->state = COSIG_PARTY_ACTIVE;
		err = cosig_party_update_vc(call);
		if (err) {
			p->state = COSIG_PARTY_DROPPING;
			cosig_party_send(p, COSIG_MSG_DROP_PARTY, cosig_errno_to_cause(err));
			cosig_party_add_done(p, err);
			return;
		}
		cosig_party_add_done(p, 0);
		return;
	case COSIG_MSG_ADD_PARTY_REJ:
		if (p->state == COSIG_PARTY_ADDING && p->epref != 1)
			cosig_party_add_done(p, cosig_cause_to_errno(msg->cause) ?: -EPROTO);
		return;
	case COSIG_MSG_DROP_PARTY_ACK:
		if (p->state == COSIG_PARTY_DROPPING)
			cosig_party_dropped(p);
		return;
	}
}

/**
 * cosig_party_timeout() - an ADD or DROP PARTY was not answered
 * @party: the party
 *
 * Context: the worker.
 */
void cosig_party_timeout(struct cosig_party *party)
{
	struct cosig *sig = party->call->sig;

	if (party->tries < cosig_retries) {
		party->tries++;
		sig->stats.retransmits++;
		cosig_party_send(party, party->state == COSIG_PARTY_ADDING ?
				 COSIG_MSG_ADD_PARTY : COSIG_MSG_DROP_PARTY, COSIG_CAUSE_NORMAL);
		party->deadline = jiffies + msecs_to_jiffies(cosig_retry_ms);
		return;
	}
	sig->stats.timeouts++;
	if (party->state == COSIG_PARTY_ADDING) {
		cosig_party_send(party, COSIG_MSG_DROP_PARTY, COSIG_CAUSE_TIMER_EXPIRY);
		cosig_party_add_done(party, -ETIMEDOUT);
	} else {
		cosig_party_dropped(party);
	}
}

/**
 * cosig_party_clear_all() - the call ended on the wire: tell the client
 *	about its leaves
 * @call: a root whose call the peer, the link or a time-out ended; the
 *	caller dispatches the incoming close next
 * @status: why (0: the peer released the call)
 *
 * Adds and drops in flight complete (adds fail with @status, or
 * -ECONNRESET).  Every active leaf but one is dropped by the network: an
 * incoming drop-party; the last one leaves with the incoming close that
 * follows (NdisCmDispatchIncomingDropParty is only for a party that is
 * not the last).  The parties stay listed as %COSIG_PARTY_GONE until the
 * client's drops and close reach the engine: condis holds them till then.
 *
 * Context: the worker.
 */
void cosig_party_clear_all(struct cosig_call *call, int status)
{
	struct cosig_party *p, *tmp;
	bool last_kept = false;

	lockdep_assert_held(&call->sig->lock);
	list_for_each_entry_safe(p, tmp, &call->parties, node) {
		kref_get(&p->ref);
		switch (p->state) {
		case COSIG_PARTY_ADDING:
			/* The first leaf's add is the make-call: its caller fails it. */
			if (p->epref != 1)
				cosig_party_add_done(p, status ?: -ECONNRESET);
			break;
		case COSIG_PARTY_DROPPING:
			cosig_party_dropped(p);
			break;
		case COSIG_PARTY_ACTIVE:
			if (last_kept) {
				cosig_party_left(p, status, NULL, 0);
			} else {
				last_kept = true;
				p->state = COSIG_PARTY_GONE;
			}
			break;
		case COSIG_PARTY_GONE:
			break;	/* told already, its drop not here yet */
		}
		cosig_party_put(p);
	}
}

/**
 * cosig_party_forget_all() - condis is done with the call's leaves
 * @call: a root whose make-call failed or whose close completed (the caller
 *	has called the completion), or an engine going away
 *
 * A completed close leaves no other party to condis, nor does a failed
 * make-call (condis_cl_close_call() refuses while a second party is there
 * or on its way); adds or drops still in flight here complete all the
 * same, then every party leaves the list.
 *
 * Context: the worker, or cosig_destroy() with the lock held.
 */
void cosig_party_forget_all(struct cosig_call *call)
{
	struct cosig_party *p, *tmp;

	lockdep_assert_held(&call->sig->lock);
	list_for_each_entry_safe(p, tmp, &call->parties, node) {
		kref_get(&p->ref);
		if (p->state == COSIG_PARTY_ADDING && p->epref != 1)
			cosig_party_add_done(p, -ECONNRESET);
		else if (p->state == COSIG_PARTY_DROPPING)
			cosig_party_dropped(p);
		else
			cosig_party_unlink(p);
		cosig_party_put(p);
	}
}
