// SPDX-License-Identifier: GPL-2.0
/*
 * Parties of point-to-multipoint calls, rooted at the client
 * (NdisClAddParty, NdisClDropParty, the CM's completions and
 * NdisCmDispatchIncomingDropParty).  The first party comes with the
 * make-call (call.c) and the last one leaves with the close-call.
 *
 * A party's state lives under its VC's lock.  Each party has its own work
 * item, so adds and drops of different parties may be in flight together;
 * each result reaches the client exactly once, from condis's workqueue.
 *
 * Decisions (Documentation/core.rst): dropping the last party is refused at
 * once with -EBUSY (NDIS: a FAILURE completion; close the call instead);
 * an incoming drop of the last party is refused with -EINVAL (NDIS: the CM
 * dispatches an incoming close instead); an incoming drop crossing the
 * client's own drop of that party is not dispatched (-EALREADY); parties
 * can be added only to a connected multipoint call.
 */
#include <linux/slab.h>

#include "core.h"
#include "netlink.h"
#include "objects.h"
#include "trace.h"

/**
 * condis_party_set_state() - every state change of a party goes through here
 * @party: the party
 * @state: its new state
 *
 * Context: under party->vc->lock.
 */
void condis_party_set_state(struct condis_party *party, enum condis_party_state state)
{
	lockdep_assert_held(&party->vc->lock);
	trace_condis_party_state(party, state);
	condis_nl_notify_party(party, state == CONDIS_PARTY_STATE_GONE ? CONDIS_EVENT_TYPE_DEL
									: CONDIS_EVENT_TYPE_CHANGE,
			       party->state, state);
	WRITE_ONCE(party->state, state);
	condis_settle_wake();
}

static void condis_party_release(struct condis_obj *obj)
{
	struct condis_party *party = container_of(obj, struct condis_party, obj);

	condis_ctx_release(party->vc->af->cl_release, party->cl_party_ctx);
	condis_ctx_release(party->vc->cm_release, party->cm_party_ctx);
	condis_vc_put(party->vc);
	kfree(party);
}

/**
 * condis_party_put() - drop a reference on a party
 * @party: the party
 *
 * Context: any.
 */
void condis_party_put(struct condis_party *party)
{
	condis_obj_put(&party->obj);
}

/**
 * condis_party_release_gone() - a party has left its VC
 * @party: the party, off the VC's list
 *
 * Its handle goes stale now, its memory follows its last reference.
 *
 * Context: any.
 */
void condis_party_release_gone(struct condis_party *party)
{
	condis_obj_unpublish(&party->obj);
	condis_party_put(party);	/* the creation's */
}

static void party_deliver(struct condis_pending *p);

/**
 * condis_party_new() - a new party of a VC
 * @vc: the VC
 * @cl_party_ctx: the client's context for it
 *
 * Published, in state ADDING, not yet on the VC's list: the caller links
 * it under vc->lock (condis_party_link()).
 *
 * Context: any.
 * Return: the party, or NULL (no memory).
 */
struct condis_party *condis_party_new(struct condis_vc *vc, void *cl_party_ctx)
{
	struct condis_party *party = kzalloc(sizeof(*party), GFP_ATOMIC);

	if (!party)
		return NULL;
	condis_obj_init(&party->obj, CONDIS_OBJ_PARTY, condis_party_release);
	condis_obj_get(&vc->obj);
	party->vc = vc;
	party->cl_party_ctx = cl_party_ctx;
	party->state = CONDIS_PARTY_STATE_ADDING;
	INIT_LIST_HEAD(&party->node);
	condis_pending_init(&party->pending, &vc->lock, &party->obj, party_deliver);
	if (condis_obj_publish(&party->obj)) {
		condis_party_put(party);
		return NULL;
	}
	return party;
}

/**
 * condis_party_link() - a new party joins its VC's call, in state ADDING
 * @party: from condis_party_new()
 *
 * Context: under party->vc->lock.
 */
void condis_party_link(struct condis_party *party)
{
	struct condis_vc *vc = party->vc;

	lockdep_assert_held(&vc->lock);
	list_add_tail(&party->node, &vc->call.parties);
	vc->call.nr_parties++;
	trace_condis_party_state(party, CONDIS_PARTY_STATE_ADDING);
	condis_nl_notify_party(party, CONDIS_EVENT_TYPE_NEW, 0, CONDIS_PARTY_STATE_ADDING);
}

/*
 * The result of the add or drop in flight, under vc->lock, before it
 * ends.  Returns true if the party left with it: the caller then releases
 * it (once), unlocked.
 */
static bool party_finish(struct condis_party *party, int status)
{
	struct condis_vc *vc = party->vc;
	bool gone = false;

	lockdep_assert_held(&vc->lock);
	if (status && party->pending.op == CONDIS_PARTY_OP_DROP) {
		condis_party_set_state(party, CONDIS_PARTY_STATE_ACTIVE);
	} else if (!status && party->pending.op == CONDIS_PARTY_OP_ADD) {
		condis_party_set_state(party, CONDIS_PARTY_STATE_ACTIVE);
	} else {
		/* A failed add or a successful drop: the party leaves. */
		condis_party_set_state(party, CONDIS_PARTY_STATE_GONE);
		list_del_init(&party->node);
		vc->call.nr_parties--;
		gone = true;
	}
	return gone;
}

/* Whether @vc has an active party besides @party; under vc->lock. */
static bool other_active_party(struct condis_vc *vc, struct condis_party *party)
{
	struct condis_party *p;

	lockdep_assert_held(&vc->lock);
	list_for_each_entry(p, &vc->call.parties, node)
		if (p != party && p->state == CONDIS_PARTY_STATE_ACTIVE)
			return true;
	return false;
}

/* Workqueue: deliver a pended add or drop to the client. */
static void party_deliver(struct condis_pending *p)
{
	struct condis_party *party = container_of(p, struct condis_party, pending);
	const struct condis_cl_ops *cl = party->vc->af->cl_ops;
	unsigned int op;
	bool gone;
	int status;

	spin_lock_bh(&party->vc->lock);
	op = p->op;
	status = p->status;
	gone = party_finish(party, status);
	condis_pending_end(p);
	spin_unlock_bh(&party->vc->lock);
	if (op == CONDIS_PARTY_OP_ADD)
		cl->add_party_complete(status, party->cl_party_ctx, status ? NULL : party,
				       party->params);
	else
		cl->drop_party_complete(status, party->cl_party_ctx);
	if (gone)
		condis_party_release_gone(party);
}

/*
 * The CM's handler returned @ret for the add or drop just started.  The
 * caller holds a reference of its own across this (an early completion may
 * end the party meanwhile).
 */
static int party_returned(struct condis_party *party, int ret, const char *who)
{
	bool gone;

	spin_lock_bh(&party->vc->lock);
	ret = condis_pending_returned(&party->pending, ret, who);
	if (ret == CONDIS_PENDING) {
		spin_unlock_bh(&party->vc->lock);
		return CONDIS_PENDING;
	}
	gone = party_finish(party, ret);
	condis_pending_end(&party->pending);
	spin_unlock_bh(&party->vc->lock);
	if (gone)
		condis_party_release_gone(party);
	return ret;
}

/**
 * condis_cl_add_party() - the root of a multipoint call adds a leaf
 *	(NdisClAddParty)
 * @vc: the VC of a connected call made with a party
 * @cl_party_ctx: the client's context for the new party
 * @params: the leaf's parameters (address, per-party QoS where the medium
 *	has it); lent to the CM until the add completes
 * @party: set to the new party's handle before the CM is asked
 *
 * The CM's add_party runs before this returns.  Data is still sent on the
 * VC, never on a party.
 *
 * Context: any.
 * Return: 0 (the party is active); %CONDIS_PENDING (add_party_complete
 * follows once); otherwise no completion follows and the party is gone:
 * -EBADF, -EINVAL (no connected multipoint call on @vc, or a missing
 * argument), -ENOMEM, or the CM's error.
 */
int condis_cl_add_party(struct condis_vc *vc, void *cl_party_ctx,
			struct condis_call_params *params, struct condis_party **party)
{
	struct condis_party *p;
	void *cm_party_ctx = NULL;
	int err = 0, ret;

	if (!condis_vc_handle(vc, "cl_add_party"))
		return -EBADF;
	err = -EINVAL;
	if (!params || !party)
		goto out_put;
	err = -ENOMEM;
	p = condis_party_new(vc, cl_party_ctx);
	if (!p)
		goto out_put;
	err = 0;
	spin_lock_bh(&vc->lock);
	if (!vc->call.multipoint || vc->call.state != CONDIS_CALL_STATE_CONNECTED ||
	    vc->call.remote_closed) {
		err = -EINVAL;
	} else {
		condis_pending_start(&p->pending, CONDIS_PARTY_OP_ADD);
		p->params = params;
		condis_party_link(p);
	}
	spin_unlock_bh(&vc->lock);
	if (err) {
		p->cl_party_ctx = NULL;	/* a failed call keeps no context */
		condis_party_release_gone(p);
		goto out_put;
	}
	*party = p;
	condis_vc_put(vc);	/* the party holds the VC */
	condis_obj_get(&p->obj);	/* ours: an early completion may end the party */
	ret = vc->cm_ops->add_party(vc->cm_vc_ctx, params, p, &cm_party_ctx);
	/* The context the handler set, unless an early completion gave one. */
	spin_lock_bh(&vc->lock);
	if (cm_party_ctx && (condis_pending_owed(&p->pending) || !p->cm_party_ctx))
		swap(p->cm_party_ctx, cm_party_ctx);
	spin_unlock_bh(&vc->lock);
	condis_ctx_release(vc->cm_release, cm_party_ctx);	/* the one not kept */
	ret = party_returned(p, ret, "add_party");
	if (ret && ret != CONDIS_PENDING) {
		*party = NULL;
		p->cl_party_ctx = NULL;	/* gone with a failure: the client keeps it */
	}
	condis_party_put(p);
	return ret;

out_put:
	condis_bad_input("cl_add_party: VC %u: no connected multipoint call (%d)", vc->obj.id, err);
	condis_vc_put(vc);
	return err;
}
EXPORT_SYMBOL_NS_GPL(condis_cl_add_party, CONDIS);

/* A CM completes the pended @op of @party: accepted once, delivered from the workqueue. */
static void party_completed(struct condis_party *party, enum condis_party_op op, int status,
			    void *cm_party_ctx, struct condis_call_params *params,
			    const char *who)
{
	bool ok;

	if (!condis_handle_get(party, CONDIS_OBJ_PARTY, who))
		return;
	spin_lock_bh(&party->vc->lock);
	ok = condis_pending_complete(&party->pending, op, status, who);
	if (ok) {
		/* A new context replaces (and releases) the old; a failure's is not kept. */
		if (!party->pending.status && cm_party_ctx && cm_party_ctx != party->cm_party_ctx)
			swap(party->cm_party_ctx, cm_party_ctx);
		else
			cm_party_ctx = NULL;
		if (params)
			party->params = params;
	} else if (status || cm_party_ctx == party->cm_party_ctx) {
		cm_party_ctx = NULL;	/* refused: only a success's context is released */
	}
	spin_unlock_bh(&party->vc->lock);
	condis_ctx_release(party->vc->cm_release, cm_party_ctx);
	if (ok)
		condis_pending_queue(&party->pending);
	condis_party_put(party);
}

/**
 * condis_cm_add_party_complete() - a call manager finishes a pended
 *	add_party (NdisCmAddPartyComplete, NdisMCmAddPartyComplete)
 * @status: 0 or why the leaf could not be added
 * @party: the party handle add_party was given
 * @cm_party_ctx: the CM's context for the party (NULL keeps the one
 *	add_party set)
 * @params: the parameters, possibly changed, or NULL for the client's
 *
 * Context: any.
 */
void condis_cm_add_party_complete(int status, struct condis_party *party, void *cm_party_ctx,
				  struct condis_call_params *params)
{
	party_completed(party, CONDIS_PARTY_OP_ADD, status, cm_party_ctx, params,
			"cm_add_party_complete");
}
EXPORT_SYMBOL_NS_GPL(condis_cm_add_party_complete, CONDIS);

/**
 * condis_cl_drop_party() - the root drops a leaf (NdisClDropParty)
 * @party: an active party that is not the call's last
 * @data: bytes to send to the leaf with the release, or NULL
 * @size: bytes in @data
 *
 * The handle is stale for the client as soon as this returns
 * %CONDIS_PENDING or 0.  The CM's drop_party runs before this returns.
 *
 * Context: any.
 * Return: 0 (dropped); %CONDIS_PENDING (drop_party_complete follows once);
 * otherwise no completion follows and the party stays: -EBADF (bad or
 * already dropped handle), -EBUSY (the last party: close the call instead;
 * or still being added), or the CM's error.
 */
int condis_cl_drop_party(struct condis_party *party, void *data, unsigned int size)
{
	struct condis_vc *vc;
	int err = 0, ret;

	if (!condis_handle_get(party, CONDIS_OBJ_PARTY, "cl_drop_party"))
		return -EBADF;
	vc = party->vc;
	spin_lock_bh(&vc->lock);
	if (party->state == CONDIS_PARTY_STATE_DROPPING || party->state == CONDIS_PARTY_STATE_GONE)
		err = -EBADF;
	else if (party->state == CONDIS_PARTY_STATE_ADDING || !other_active_party(vc, party) ||
		 vc->call.state == CONDIS_CALL_STATE_CLOSING)
		err = -EBUSY;	/* the last active party: close the call instead */
	else if (!condis_pending_start(&party->pending, CONDIS_PARTY_OP_DROP))
		err = -EBUSY;
	if (!err)
		condis_party_set_state(party, CONDIS_PARTY_STATE_DROPPING);
	spin_unlock_bh(&vc->lock);
	if (err) {
		condis_bad_input("cl_drop_party: party %u cannot be dropped now (%d)",
				 party->obj.id, err);
		condis_party_put(party);
		return err;
	}
	ret = party_returned(party, vc->cm_ops->drop_party(party->cm_party_ctx, data, size),
			     "drop_party");
	condis_party_put(party);
	return ret;
}
EXPORT_SYMBOL_NS_GPL(condis_cl_drop_party, CONDIS);

/**
 * condis_cm_drop_party_complete() - a call manager finishes a pended
 *	drop_party (NdisCmDropPartyComplete, NdisMCmDropPartyComplete)
 * @status: 0 once the leaf is released
 * @party: the party
 *
 * On success the party handle is stale for the CM when this returns.
 *
 * Context: any.
 */
void condis_cm_drop_party_complete(int status, struct condis_party *party)
{
	party_completed(party, CONDIS_PARTY_OP_DROP, status, NULL, NULL,
			"cm_drop_party_complete");
}
EXPORT_SYMBOL_NS_GPL(condis_cm_drop_party_complete, CONDIS);

/**
 * condis_cm_dispatch_incoming_drop_party() - the network dropped a leaf
 *	(NdisCmDispatchIncomingDropParty, NdisMCmDispatchIncomingDropParty)
 * @status: 0 for an orderly release by the leaf, otherwise why it left
 * @party: an active party that is not the call's last
 * @data: bytes the leaf sent, or NULL
 * @size: bytes in @data
 *
 * The client's incoming_drop_party runs before this returns; it answers
 * with condis_cl_drop_party().
 *
 * Context: any.
 * Return: 0; -EBADF; -EINVAL (the last party: dispatch an incoming close
 * instead); -EBUSY (still being added: fail the add instead); -EALREADY
 * (the client is dropping it already: nothing is dispatched).
 */
int condis_cm_dispatch_incoming_drop_party(int status, struct condis_party *party, void *data,
					   unsigned int size)
{
	struct condis_vc *vc;
	int err = 0;

	if (!condis_handle_get(party, CONDIS_OBJ_PARTY, "cm_dispatch_incoming_drop_party"))
		return -EBADF;
	vc = party->vc;
	spin_lock_bh(&vc->lock);
	if (party->state == CONDIS_PARTY_STATE_DROPPING || party->state == CONDIS_PARTY_STATE_GONE)
		err = -EALREADY;
	else if (party->state == CONDIS_PARTY_STATE_ADDING)
		err = -EBUSY;
	else if (!other_active_party(vc, party) || vc->call.state != CONDIS_CALL_STATE_CONNECTED)
		err = -EINVAL;
	spin_unlock_bh(&vc->lock);
	if (err && err != -EALREADY)
		condis_bad_input("cm_dispatch_incoming_drop_party: party %u (%d)",
				 party->obj.id, err);
	if (!err)
		vc->af->cl_ops->incoming_drop_party(status, party->cl_party_ctx, data, size);
	condis_party_put(party);
	return err;
}
EXPORT_SYMBOL_NS_GPL(condis_cm_dispatch_incoming_drop_party, CONDIS);

/*
 * Teardown: the other side of a multipoint call is gone (see call.c).
 */

/**
 * condis_party_ops_in_flight() - whether a party of a VC is being added or
 *	dropped
 * @vc: the VC
 *
 * Context: under vc->lock.
 * Return: true if so.
 */
bool condis_party_ops_in_flight(struct condis_vc *vc)
{
	struct condis_party *party;

	lockdep_assert_held(&vc->lock);
	list_for_each_entry(party, &vc->call.parties, node)
		if (party->state == CONDIS_PARTY_STATE_ADDING ||
		    party->state == CONDIS_PARTY_STATE_DROPPING)
			return true;
	return false;
}

/**
 * condis_party_extra() - an active party of a VC other than its first
 * @vc: the VC
 *
 * Context: any; takes vc->lock.
 * Return: the party, referenced, or NULL if at most one is active.
 */
struct condis_party *condis_party_extra(struct condis_vc *vc)
{
	struct condis_party *party, *found = NULL;
	bool first = true;

	spin_lock_bh(&vc->lock);
	list_for_each_entry(party, &vc->call.parties, node) {
		if (party->state != CONDIS_PARTY_STATE_ACTIVE)
			continue;
		if (first) {
			first = false;
			continue;
		}
		found = party;
		condis_obj_get(&found->obj);
		break;
	}
	spin_unlock_bh(&vc->lock);
	return found;
}

/**
 * condis_party_gone() - whether a party has left its call
 * @party: the party, referenced by the caller
 *
 * Context: any.
 * Return: true if so.
 */
bool condis_party_gone(struct condis_party *party)
{
	return READ_ONCE(party->state) == CONDIS_PARTY_STATE_GONE;
}

/**
 * condis_party_last() - the party a multipoint call is closed with
 * @vc: the VC
 *
 * Context: any; takes vc->lock.
 * Return: the first party on the call, not referenced (it stays linked
 * to the call until the close), or NULL for a point-to-point call.
 */
struct condis_party *condis_party_last(struct condis_vc *vc)
{
	struct condis_party *party = NULL;

	spin_lock_bh(&vc->lock);
	if (vc->call.multipoint && !list_empty(&vc->call.parties))
		party = list_first_entry(&vc->call.parties, struct condis_party, node);
	spin_unlock_bh(&vc->lock);
	return party;
}

/**
 * condis_party_complete_for_cm() - the call manager will not answer:
 *	complete every party add and drop it owes on a VC
 * @vc: the VC, referenced by the caller
 *
 * An add fails with -ENETDOWN, a drop succeeds; the client hears of each
 * once, from condis's workqueue.  One pass: each completion is accepted
 * before the lock is dropped, so none is owed afterwards.
 *
 * Context: any.
 */
void condis_party_complete_for_cm(struct condis_vc *vc)
{
	struct condis_party *party;
	unsigned int op;

	spin_lock_bh(&vc->lock);
	list_for_each_entry(party, &vc->call.parties, node) {
		op = condis_pending_owed(&party->pending);
		if (op && condis_pending_complete(&party->pending, op,
						  op == CONDIS_PARTY_OP_ADD ? -ENETDOWN : 0,
						  "teardown"))
			condis_pending_queue(&party->pending);
	}
	spin_unlock_bh(&vc->lock);
}
