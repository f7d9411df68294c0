// SPDX-License-Identifier: GPL-2.0
/*
 * Point-to-point calls on VCs: outgoing (NdisClMakeCall and the CM's
 * completion), incoming (NdisCmDispatchIncomingCall, the client's answer,
 * NdisCmDispatchCallConnected), closing by the client (NdisClCloseCall)
 * and by the network (NdisCmDispatchIncomingCloseCall).
 *
 * The call state (enum condis_call_state) lives on the VC under vc->lock.
 * Only one call operation is in flight per VC, so one work item delivers
 * whichever result is pended; a result reaches its driver exactly once,
 * from condis's workqueue, and the operation ends when it is delivered.
 *
 * Decisions where NDIS is silent (Documentation/core.rst):
 * - close-call while a make-call is pending: -EBUSY; the client waits for
 *   make_call_complete and closes a call that succeeded;
 * - close-call while the client's own answer to an offer is pending:
 *   -EBUSY, answer first;
 * - an incoming close while the client's answer is pending: -EBUSY to the
 *   CM, which waits for the answer;
 * - an incoming close while the client's own close is in flight (or after
 *   an earlier incoming close): -EALREADY to the CM, and the client is not
 *   told again: its close completes the call;
 * - a dispatch on a SAP being deregistered or an AF being closed:
 *   -ESHUTDOWN, NDIS's NDIS_STATUS_FAILURE; the client never sees it;
 * - a CM reporting a make-call as successful on a VC it did not activate,
 *   or a close as successful on a VC it did not deactivate, broke NDIS's
 *   order: the client gets -EPROTO and the call stays as it was.
 */
#include "core.h"
#include "netlink.h"
#include "objects.h"
#include "trace.h"

static void call_set_state(struct condis_vc *vc, enum condis_call_state state)
{
	lockdep_assert_held(&vc->lock);
	trace_condis_call_state(vc, state);
	condis_nl_notify_call(vc, vc->call.state, state);
	WRITE_ONCE(vc->call.state, state);
	condis_settle_wake();
}

/*
 * The call's party (of a multipoint call) is gone with the call, under
 * vc->lock; the caller releases it once it is done with it, unlocked.
 */
static void call_party_gone(struct condis_vc *vc)
{
	struct condis_party *party = vc->call.party;

	lockdep_assert_held(&vc->lock);
	condis_party_set_state(party, CONDIS_PARTY_STATE_GONE);
	list_del_init(&party->node);
	vc->call.nr_parties = 0;
	vc->call.multipoint = false;
	vc->call.party_gone = party;
}

/*
 * The result of the operation in flight, under vc->lock: the call's next
 * state follows, and the status the waiting driver is given is returned.
 * A party that is gone afterwards is released by the caller, unlocked.
 */
static int call_finish(struct condis_vc *vc, int status)
{
	lockdep_assert_held(&vc->lock);
	switch (vc->call.pending.op) {
	case CONDIS_CALL_OP_MAKE:
		if (!status && vc->state != CONDIS_VC_STATE_ACTIVE) {
			condis_bad_input("make-call on VC %u succeeded but the VC is not active",
					 vc->obj.id);
			status = -EPROTO;
		}
		call_set_state(vc, status ? CONDIS_CALL_STATE_IDLE : CONDIS_CALL_STATE_CONNECTED);
		if (vc->call.party && status)
			call_party_gone(vc);
		else if (vc->call.party)
			condis_party_set_state(vc->call.party, CONDIS_PARTY_STATE_ACTIVE);
		break;
	case CONDIS_CALL_OP_CLOSE:
		if (!status && vc->state != CONDIS_VC_STATE_INACTIVE) {
			condis_bad_input("close-call on VC %u succeeded but the VC is active",
					 vc->obj.id);
			status = -EPROTO;
		}
		if (status) {
			call_set_state(vc, vc->call.before);
		} else {
			call_set_state(vc, CONDIS_CALL_STATE_IDLE);
			vc->call.remote_closed = false;
			if (vc->call.party)
				call_party_gone(vc);
		}
		break;
	case CONDIS_CALL_OP_ANSWER:
		call_set_state(vc, status ? CONDIS_CALL_STATE_IDLE : CONDIS_CALL_STATE_ACCEPTED);
		break;
	}
	vc->call.params = NULL;
	return status;
}

/* Under vc->lock after call_finish(): the party it ended, if any, to release. */
static struct condis_party *call_take_gone_party(struct condis_vc *vc)
{
	struct condis_party *party = vc->call.party_gone;

	lockdep_assert_held(&vc->lock);
	vc->call.party_gone = NULL;
	return party;
}

static void call_release_party(struct condis_party *party)
{
	if (party)
		condis_party_release_gone(party);
}

/* Workqueue: deliver the pended operation's result to the driver waiting. */
static void call_deliver(struct condis_pending *p)
{
	struct condis_vc *vc = container_of(p, struct condis_vc, call.pending);
	struct condis_call_params *params;
	struct condis_party *party, *gone;
	unsigned int op;
	int status;

	spin_lock_bh(&vc->lock);
	op = p->op;
	params = vc->call.params;
	party = vc->call.party;
	status = call_finish(vc, p->status);
	gone = call_take_gone_party(vc);
	condis_pending_end(p);
	spin_unlock_bh(&vc->lock);

	if (op == CONDIS_CALL_OP_MAKE)
		vc->af->cl_ops->make_call_complete(status, vc->cl_vc_ctx, status ? NULL : party,
						   params);
	else if (op == CONDIS_CALL_OP_CLOSE)
		vc->af->cl_ops->close_call_complete(status, vc->cl_vc_ctx,
						    party ? party->cl_party_ctx : NULL);
	else
		vc->cm_ops->incoming_call_complete(status, vc->cm_vc_ctx, params);
	call_release_party(gone);

	spin_lock_bh(&vc->lock);
	vc->call.close_untold = false;
	spin_unlock_bh(&vc->lock);
	condis_vc_delete_deferred(vc);
}

/**
 * condis_call_connected() - whether a VC carries a connected call its
 *	network has not closed (data may be sent, QoS changed)
 * @vc: the VC
 *
 * Context: under vc->lock.
 * Return: true if so.
 */
bool condis_call_connected(const struct condis_vc *vc)
{
	lockdep_assert_held(&vc->lock);
	return vc->call.state == CONDIS_CALL_STATE_CONNECTED && !vc->call.remote_closed;
}

/**
 * condis_call_answering() - whether a VC's incoming call is offered or
 *	accepted but not yet connected (its receives are held)
 * @vc: the VC
 *
 * Context: under vc->lock.
 * Return: true if so.
 */
bool condis_call_answering(const struct condis_vc *vc)
{
	lockdep_assert_held(&vc->lock);
	return vc->call.state == CONDIS_CALL_STATE_OFFERED ||
	       vc->call.state == CONDIS_CALL_STATE_ACCEPTED;
}

/**
 * condis_call_delete_check() - whether the call on a VC lets it be deleted
 * @vc: the VC
 * @defer: set when the deletion must wait: a call manager deletes its VC
 *	as soon as its close succeeded, before condis told the client
 *
 * Context: under vc->lock.
 * Return: 0, or -EBUSY while a call is on the VC.
 */
int condis_call_delete_check(const struct condis_vc *vc, bool *defer)
{
	lockdep_assert_held(&vc->lock);
	if (vc->call.close_untold && vc->creator != CONDIS_VC_CREATOR_CLIENT) {
		*defer = true;
		return 0;
	}
	return vc->call.state != CONDIS_CALL_STATE_IDLE ? -EBUSY : 0;
}

/**
 * condis_vc_call_init() - set up the call part of a new VC
 * @vc: the VC, not yet published
 *
 * Context: any.
 */
void condis_vc_call_init(struct condis_vc *vc)
{
	vc->call.state = CONDIS_CALL_STATE_IDLE;
	condis_pending_init(&vc->call.pending, &vc->lock, &vc->obj, call_deliver);
	INIT_LIST_HEAD(&vc->call.parties);
}

/*
 * Start @op on @vc, under vc->lock, from a state the caller allows.
 * Return: false if another operation is in flight.
 */
static bool call_start(struct condis_vc *vc, enum condis_call_op op, enum condis_call_state to,
		       struct condis_call_params *params, struct condis_party *party)
{
	lockdep_assert_held(&vc->lock);
	if (!condis_pending_start(&vc->call.pending, op))
		return false;
	vc->call.before = vc->call.state;
	vc->call.params = params;
	vc->call.party = party;
	call_set_state(vc, to);
	return true;
}

/*
 * The driver asked returned @ret from its handler.  %CONDIS_PENDING: the
 * completion will come (it may already have).  Otherwise that is the
 * result, unless a completion was already accepted: then it wins.
 */
static int call_returned(struct condis_vc *vc, int ret, const char *who)
{
	struct condis_party *party;

	spin_lock_bh(&vc->lock);
	ret = condis_pending_returned(&vc->call.pending, ret, who);
	if (ret == CONDIS_PENDING) {
		spin_unlock_bh(&vc->lock);
		return CONDIS_PENDING;
	}
	ret = call_finish(vc, ret);
	party = call_take_gone_party(vc);
	condis_pending_end(&vc->call.pending);
	spin_unlock_bh(&vc->lock);
	call_release_party(party);
	return ret;
}

/*
 * Accept a completion of @op on @vc, under vc->lock; the caller queues
 * its delivery.  Return: false (warned about) if @op is not in flight.
 */
static bool call_accept(struct condis_vc *vc, enum condis_call_op op, int status,
			struct condis_call_params *params, const char *who)
{
	struct condis_pending *p = &vc->call.pending;

	lockdep_assert_held(&vc->lock);
	if (!condis_pending_complete(p, op, status, who))
		return false;
	vc->call.close_untold = op == CONDIS_CALL_OP_CLOSE && !p->status;
	if (params)
		vc->call.params = params;
	return true;
}

/*
 * A driver completes the pended @op on @vc: accepted once, then delivered
 * from the workqueue.
 */
static void call_completed(struct condis_vc *vc, enum condis_call_op op, int status,
			   struct condis_call_params *params, void *cm_party_ctx, const char *who)
{
	struct condis_party *party;
	bool ok;

	if (!condis_vc_handle(vc, who))
		return;
	spin_lock_bh(&vc->lock);
	party = vc->call.party;
	ok = call_accept(vc, op, status, params, who);
	if (ok) {
		/* A new context replaces (and releases) the old one. */
		if (party && cm_party_ctx && cm_party_ctx != party->cm_party_ctx)
			swap(party->cm_party_ctx, cm_party_ctx);
		else
			cm_party_ctx = NULL;
	} else if (status || (party && cm_party_ctx == party->cm_party_ctx)) {
		cm_party_ctx = NULL;	/* refused: only a success's context is released */
	}
	spin_unlock_bh(&vc->lock);
	condis_ctx_release(vc->cm_release, cm_party_ctx);
	if (ok)
		condis_pending_queue(&vc->call.pending);
	condis_vc_put(vc);
}

/**
 * condis_call_abandon() - end a call its call manager would not close
 * @vc: the VC, referenced by the caller
 *
 * Teardown's last resort, once the CM has had its chance and its budget:
 * a call with no operation in flight becomes idle without the CM, and its
 * parties go with it.  Nobody is called.
 *
 * Context: process.
 * Return: true if the call is idle now.
 */
bool condis_call_abandon(struct condis_vc *vc)
{
	struct condis_party *party, *next;
	LIST_HEAD(gone);
	bool idle;

	spin_lock_bh(&vc->lock);
	if (vc->call.state == CONDIS_CALL_STATE_ACCEPTED ||
	    vc->call.state == CONDIS_CALL_STATE_CONNECTED) {
		call_set_state(vc, CONDIS_CALL_STATE_IDLE);
		vc->call.remote_closed = false;
		list_for_each_entry_safe(party, next, &vc->call.parties, node) {
			if (party->state != CONDIS_PARTY_STATE_ACTIVE)
				continue;	/* an operation still owns it */
			condis_party_set_state(party, CONDIS_PARTY_STATE_GONE);
			list_move_tail(&party->node, &gone);
			vc->call.nr_parties--;
		}
		if (!vc->call.nr_parties)
			vc->call.multipoint = false;
	}
	idle = vc->call.state == CONDIS_CALL_STATE_IDLE;
	spin_unlock_bh(&vc->lock);
	list_for_each_entry_safe(party, next, &gone, node) {
		list_del_init(&party->node);
		condis_party_release_gone(party);
	}
	if (idle)
		pr_warn("teardown: VC %u: call ended without its call manager\n", vc->obj.id);
	return idle;
}

/*
 * Start a make-call on the client's @vc, with @p (or none) as its first
 * party.  Return: 0, or why the VC takes no call now.
 */
static int call_start_make(struct condis_vc *vc, struct condis_call_params *params,
			   struct condis_party *p)
{
	int err = 0;

	spin_lock_bh(&vc->af->lock);
	spin_lock(&vc->lock);
	if (vc->call.no_reuse || vc->af->state != CONDIS_AF_STATE_OPEN) {
		err = -EINVAL;
	} else if (vc->call.state != CONDIS_CALL_STATE_IDLE ||
		   vc->state == CONDIS_VC_STATE_DELETED ||
		   !call_start(vc, CONDIS_CALL_OP_MAKE, CONDIS_CALL_STATE_MAKING, params, p)) {
		err = -EBUSY;
	} else if (p) {
		condis_party_link(p);
		vc->call.multipoint = true;
	}
	spin_unlock(&vc->lock);
	spin_unlock_bh(&vc->af->lock);
	return err;
}

/*
 * Ask the CM to make the call started on @vc, and keep the context its
 * handler set for the first party @p, unless an early completion gave one.
 * Return: as condis_cl_make_call().
 */
static int call_ask_make(struct condis_vc *vc, struct condis_call_params *params,
			 struct condis_party *p)
{
	void *cm_party_ctx = NULL;
	int ret;

	ret = vc->cm_ops->make_call(vc->cm_vc_ctx, params, p, p ? &cm_party_ctx : NULL);
	if (p) {
		spin_lock_bh(&vc->lock);
		if (cm_party_ctx && (condis_pending_owed(&vc->call.pending) || !p->cm_party_ctx))
			swap(p->cm_party_ctx, cm_party_ctx);
		spin_unlock_bh(&vc->lock);
		condis_ctx_release(vc->cm_release, cm_party_ctx);	/* the one not kept */
	}
	return call_returned(vc, ret, "make_call");
}

/**
 * condis_cl_make_call() - a client places a call (NdisClMakeCall)
 * @vc: a VC the client created on an open AF, with no call on it
 * @params: the call's parameters; the client's buffer, lent to the call
 *	manager (which may rewrite it) until the call completes
 * @cl_party_ctx: non-NULL makes the call point-to-multipoint with the
 *	client as root: the client's context for the first party
 * @party: with @cl_party_ctx, set to the first party's handle before the
 *	CM is asked (NULL again if the call fails at once)
 *
 * The CM's make_call runs before this returns.  The CM activates the VC
 * before it reports success.
 *
 * Context: any.
 * Return: 0 if the call is up at once; %CONDIS_PENDING if
 * make_call_complete will report the result; otherwise no completion
 * follows: -EBADF (bad handle), -EINVAL (not a VC the client created, no
 * @params, AF not open, or a VC closed by a failure that must be deleted),
 * -EBUSY (a call is already on the VC), -ENOMEM, -EPROTO (the CM claimed
 * success without activating the VC), or the CM's error.
 */
int condis_cl_make_call(struct condis_vc *vc, struct condis_call_params *params,
			void *cl_party_ctx, struct condis_party **party)
{
	struct condis_party *p = NULL;
	int err, ret;

	if (!condis_vc_handle(vc, "cl_make_call"))
		return -EBADF;
	if (vc->creator != CONDIS_VC_CREATOR_CLIENT || !params || (cl_party_ctx && !party)) {
		condis_bad_input("cl_make_call: VC %u is not the client's, or no parameters",
				 vc->obj.id);
		condis_vc_put(vc);
		return -EINVAL;
	}
	if (cl_party_ctx) {
		p = condis_party_new(vc, cl_party_ctx);
		if (!p) {
			condis_vc_put(vc);
			return -ENOMEM;
		}
	}
	err = call_start_make(vc, params, p);
	if (err) {
		condis_bad_input("cl_make_call: VC %u cannot take a call now (%d)",
				 vc->obj.id, err);
		if (p) {
			p->cl_party_ctx = NULL;	/* a failed call keeps no context */
			condis_party_release_gone(p);
		}
		condis_vc_put(vc);
		return err;
	}
	if (p) {
		*party = p;
		condis_obj_get(&p->obj);	/* an early completion may end the party */
	}
	ret = call_ask_make(vc, params, p);
	condis_vc_put(vc);
	if (p && ret && ret != CONDIS_PENDING) {
		*party = NULL;
		p->cl_party_ctx = NULL;	/* gone with a failure: the client keeps it */
	}
	if (p)
		condis_party_put(p);
	return ret;
}
EXPORT_SYMBOL_NS_GPL(condis_cl_make_call, CONDIS);

/**
 * condis_cm_make_call_complete() - a call manager finishes a pended
 *	make_call (NdisCmMakeCallComplete, NdisMCmMakeCallComplete)
 * @status: 0 once the VC is active and the call up, or why it failed
 * @vc: the VC
 * @cm_party_ctx: for a multipoint call, the CM's context for the first
 *	party (NULL keeps the one make_call set)
 * @params: the parameters the call was set up with (the client's buffer,
 *	possibly changed), or NULL to hand the client's buffer back as is
 *
 * Mandatory, even on failure.  The client's make_call_complete runs once,
 * from condis's workqueue; on failure the first party is gone.
 *
 * Context: any.
 */
void condis_cm_make_call_complete(int status, struct condis_vc *vc, void *cm_party_ctx,
				  struct condis_call_params *params)
{
	call_completed(vc, CONDIS_CALL_OP_MAKE, status, params, cm_party_ctx,
		       "cm_make_call_complete");
}
EXPORT_SYMBOL_NS_GPL(condis_cm_make_call_complete, CONDIS);

/**
 * condis_cl_close_call() - a client closes the call on a VC (NdisClCloseCall)
 * @vc: the VC: one the client created, or one a call was offered on
 * @party: for a point-to-multipoint call, its last party (drop the others
 *	first); NULL otherwise
 * @data: bytes to send to the peer with the release, or NULL
 * @size: bytes in @data
 *
 * From here on the client sends nothing on the VC.  The CM's close_call
 * runs before this returns; it deactivates the VC before the call is
 * closed.  Also the answer to condis_cl_ops.incoming_close_call.
 *
 * Context: any.
 * Return: 0 if the call is closed at once; %CONDIS_PENDING if
 * close_call_complete will report it; otherwise no completion follows:
 * -EBADF, -EINVAL (a VC with no AF, or @party is not the call's last
 * party), -ENOTCONN (no call), -EBUSY (a make-call, the client's answer to
 * an offer or a QoS change is pending, or another party is still there or
 * on its way), -EALREADY (a
 * close is already in flight), -EPROTO (the CM claimed success without
 * deactivating the VC), or the CM's error (the call stays).
 */
int condis_cl_close_call(struct condis_vc *vc, struct condis_party *party, void *data,
			 unsigned int size)
{
	void *cm_party_ctx = NULL;
	int err = 0, ret;

	if (!condis_vc_handle(vc, "cl_close_call"))
		return -EBADF;
	if (party && !condis_handle_get(party, CONDIS_OBJ_PARTY, "cl_close_call")) {
		condis_vc_put(vc);
		return -EBADF;
	}
	spin_lock_bh(&vc->lock);
	if (!vc->af)
		err = -EINVAL;
	else if (vc->call.state == CONDIS_CALL_STATE_IDLE)
		err = -ENOTCONN;
	else if (vc->call.state == CONDIS_CALL_STATE_MAKING ||
		 vc->call.state == CONDIS_CALL_STATE_OFFERED)
		err = -EBUSY;
	else if (vc->call.state == CONDIS_CALL_STATE_CLOSING)
		err = -EALREADY;
	else if ((vc->call.multipoint && vc->call.nr_parties > 1) || condis_qos_in_flight(vc))
		err = -EBUSY;		/* drop all parties but one; finish the modify */
	else if (vc->call.multipoint != !!party ||
		 (party && (party->vc != vc || party->state != CONDIS_PARTY_STATE_ACTIVE)))
		err = -EINVAL;
	else if (!call_start(vc, CONDIS_CALL_OP_CLOSE, CONDIS_CALL_STATE_CLOSING, NULL, party))
		err = -EBUSY;
	if (!err && party)
		cm_party_ctx = party->cm_party_ctx;
	spin_unlock_bh(&vc->lock);
	if (party)
		condis_party_put(party);	/* linked to the VC, it stays */
	if (err) {
		condis_bad_input("cl_close_call: VC %u has no call to close now (%d)",
				 vc->obj.id, err);
		condis_vc_put(vc);
		return err;
	}
	ret = call_returned(vc, vc->cm_ops->close_call(vc->cm_vc_ctx, cm_party_ctx, data, size),
			    "close_call");
	condis_vc_put(vc);
	return ret;
}
EXPORT_SYMBOL_NS_GPL(condis_cl_close_call, CONDIS);

/**
 * condis_cm_close_call_complete() - a call manager finishes a pended
 *	close_call (NdisCmCloseCallComplete, NdisMCmCloseCallComplete)
 * @status: 0 once the VC is deactivated, or why the close failed
 * @vc: the VC
 *
 * The client's close_call_complete runs once, from condis's workqueue.
 * A VC the CM created may be deleted by the CM as soon as this returns
 * (NDIS: the CM deletes its VC once it has completed the close), even
 * before the client has been told: the deletion then follows the client's
 * close_call_complete.  Or the VC may be offered another call to the same
 * client.
 *
 * Context: any.
 */
void condis_cm_close_call_complete(int status, struct condis_vc *vc)
{
	call_completed(vc, CONDIS_CALL_OP_CLOSE, status, NULL, NULL, "cm_close_call_complete");
}
EXPORT_SYMBOL_NS_GPL(condis_cm_close_call_complete, CONDIS);

/* Whether @sap and its AF may still be offered calls; under af->lock. */
static bool sap_takes_calls(struct condis_sap *sap)
{
	lockdep_assert_held(&sap->af->lock);
	return sap->state <= CONDIS_SAP_STATE_REGISTERED && sap->af->state == CONDIS_AF_STATE_OPEN;
}

/**
 * condis_cm_dispatch_incoming_call() - a call manager offers an incoming
 *	call to the client that registered a SAP (NdisCmDispatchIncomingCall,
 *	NdisMCmDispatchIncomingCall)
 * @sap: the SAP the call is for (from condis_cm_lookup_sap()); it may still
 *	be registering
 * @vc: a VC the CM created on the SAP's AF and activated
 * @params: the offered parameters; the CM's buffer, lent until the client
 *	answers
 *
 * The client's incoming_call runs before this returns.  Once offered, the
 * call and its VC are independent of the SAP: deregistering the SAP does
 * not touch them.
 *
 * Context: any.
 * Return: 0 (accepted), the client's rejection, or %CONDIS_PENDING
 * (incoming_call_complete brings the answer once); -ESHUTDOWN if the SAP
 * is being deregistered or the AF closed (NDIS_STATUS_FAILURE: the client
 * is not asked); -EBADF; -EINVAL (VC not the CM's, on another AF, or not
 * active; or %CONDIS_CALL_PERMANENT_VC set: calls on PVCs are made, never
 * offered); -EBUSY (a call is already on the VC).
 */
int condis_cm_dispatch_incoming_call(struct condis_sap *sap, struct condis_vc *vc,
				     struct condis_call_params *params)
{
	struct condis_obj *sobj = condis_handle_get(sap, CONDIS_OBJ_SAP,
						    "cm_dispatch_incoming_call");
	struct condis_af *af;
	void *cl_sap_ctx;
	int err = 0, ret;

	if (!sobj)
		return -EBADF;
	if (!condis_vc_handle(vc, "cm_dispatch_incoming_call")) {
		condis_obj_put(sobj);
		return -EBADF;
	}
	af = sap->af;
	if (vc->af != af || vc->creator == CONDIS_VC_CREATOR_CLIENT || !params ||
	    params->flags & CONDIS_CALL_PERMANENT_VC) {
		condis_bad_input("cm_dispatch_incoming_call: VC %u: not the CM's on AF %u or PVC",
				 vc->obj.id, af->obj.id);
		err = -EINVAL;
		goto out;
	}
	cl_sap_ctx = sap->cl_sap_ctx;
	spin_lock_bh(&af->lock);
	spin_lock(&vc->lock);
	if (!sap_takes_calls(sap))
		err = -ESHUTDOWN;
	else if (vc->state != CONDIS_VC_STATE_ACTIVE)
		err = -EINVAL;
	else if (vc->call.state != CONDIS_CALL_STATE_IDLE)
		err = -EBUSY;
	else if (!call_start(vc, CONDIS_CALL_OP_ANSWER, CONDIS_CALL_STATE_OFFERED, params, NULL))
		err = -EBUSY;
	if (!err)
		condis_sap_dispatch_begin(sap);
	spin_unlock(&vc->lock);
	spin_unlock_bh(&af->lock);
	if (err) {
		/* -ESHUTDOWN is no misuse: the client lost the race, legitimately. */
		if (err != -ESHUTDOWN)
			condis_bad_input("cm_dispatch_incoming_call: VC %u cannot take a call (%d)",
					 vc->obj.id, err);
		goto out;
	}
	ret = af->cl_ops->incoming_call(cl_sap_ctx, vc->cl_vc_ctx, params);
	/* From here on the call does not need the SAP (seed rule 5). */
	condis_sap_dispatch_end(sap);
	condis_obj_put(sobj);
	ret = call_returned(vc, ret, "incoming_call");
	condis_vc_put(vc);
	return ret;
out:
	condis_vc_put(vc);
	condis_obj_put(sobj);
	return err;
}
EXPORT_SYMBOL_NS_GPL(condis_cm_dispatch_incoming_call, CONDIS);

/**
 * condis_cl_incoming_call_complete() - a client answers an offer its
 *	incoming_call pended (NdisClIncomingCallComplete)
 * @status: 0 to accept, an error to reject
 * @vc: the VC of the offer
 * @params: the parameters, possibly changed by the client
 *	(%CONDIS_CALL_PARAMETERS_CHANGED), or NULL for the CM's buffer as is
 *
 * The CM's incoming_call_complete runs once, from condis's workqueue.
 *
 * Context: any.
 */
void condis_cl_incoming_call_complete(int status, struct condis_vc *vc,
				      struct condis_call_params *params)
{
	call_completed(vc, CONDIS_CALL_OP_ANSWER, status, params, NULL,
		       "cl_incoming_call_complete");
}
EXPORT_SYMBOL_NS_GPL(condis_cl_incoming_call_complete, CONDIS);

/**
 * condis_cm_dispatch_call_connected() - an accepted incoming call is up
 *	(NdisCmDispatchCallConnected, NdisMCmDispatchCallConnected)
 * @vc: the VC of a call the client accepted
 *
 * The client's call_connected runs before this returns.
 *
 * Context: any.
 * Return: 0; -EBADF; -EINVAL if the call on @vc is not accepted and
 * waiting to connect.
 */
int condis_cm_dispatch_call_connected(struct condis_vc *vc)
{
	int err = 0;

	if (!condis_vc_handle(vc, "cm_dispatch_call_connected"))
		return -EBADF;
	spin_lock_bh(&vc->lock);
	if (vc->call.state != CONDIS_CALL_STATE_ACCEPTED || vc->call.remote_closed) {
		err = -EINVAL;
	} else {
		call_set_state(vc, CONDIS_CALL_STATE_CONNECTED);
		condis_vc_data_flush_begin(vc);	/* receives wait behind the held ones */
	}
	spin_unlock_bh(&vc->lock);
	if (err) {
		condis_bad_input("cm_dispatch_call_connected: VC %u has no accepted call",
				 vc->obj.id);
	} else {
		vc->af->cl_ops->call_connected(vc->cl_vc_ctx);
		condis_vc_deliver_held(vc);
	}
	condis_vc_put(vc);
	return err;
}
EXPORT_SYMBOL_NS_GPL(condis_cm_dispatch_call_connected, CONDIS);

/**
 * condis_cm_dispatch_incoming_close_call() - the network closed a call
 *	(NdisCmDispatchIncomingCloseCall, NdisMCmDispatchIncomingCloseCall)
 * @status: 0 for an orderly release by the peer; otherwise a network
 *	failure or the client's changed parameters being unacceptable
 * @vc: the VC of a connected call, or of an accepted one not yet connected
 * @data: bytes the peer sent with the release, or NULL
 * @size: bytes in @data
 *
 * The client's incoming_close_call runs before this returns; the client
 * answers with condis_cl_close_call().
 *
 * Context: any.
 * Return: 0; -EBADF; -EINVAL (no call to close, or a make-call pending:
 * complete it with an error instead); -EBUSY (the client has not answered
 * the offer yet); -EALREADY (the client is closing already, or was told
 * already: nothing is dispatched).
 */
int condis_cm_dispatch_incoming_close_call(int status, struct condis_vc *vc, void *data,
					   unsigned int size)
{
	int err = 0;

	if (!condis_vc_handle(vc, "cm_dispatch_incoming_close_call"))
		return -EBADF;
	spin_lock_bh(&vc->lock);
	if (vc->call.state == CONDIS_CALL_STATE_CLOSING || vc->call.remote_closed) {
		err = -EALREADY;
	} else if (vc->call.state == CONDIS_CALL_STATE_OFFERED) {
		err = -EBUSY;
	} else if (vc->call.state != CONDIS_CALL_STATE_ACCEPTED &&
		   vc->call.state != CONDIS_CALL_STATE_CONNECTED) {
		err = -EINVAL;
	} else {
		/* NDIS: after a failure the client must delete its VC, not reuse it. */
		if (status && vc->creator == CONDIS_VC_CREATOR_CLIENT)
			vc->call.no_reuse = true;
		trace_condis_call_remote_close(vc, status);
		vc->call.remote_closed = true;
	}
	spin_unlock_bh(&vc->lock);
	if (err == -EINVAL || err == -EBUSY)
		condis_bad_input("cm_dispatch_incoming_close_call: VC %u: no call to close (%d)",
				 vc->obj.id, err);
	if (!err)
		vc->af->cl_ops->incoming_close_call(status, vc->cl_vc_ctx, data, size);
	condis_vc_put(vc);
	return err;
}
EXPORT_SYMBOL_NS_GPL(condis_cm_dispatch_incoming_close_call, CONDIS);

/*
 * Teardown: the other side of a call is gone.  teardown.c puts these steps
 * in NDIS's order and waits between them; each completes what a driver
 * owes as the driver would have, and the delivery follows from the
 * workqueue as usual.
 */

/**
 * condis_call_quiet() - whether nothing is in flight on a VC's call
 * @vc: the VC
 *
 * No make-call or close-call with the call manager, no answer of the
 * client still to be delivered, no QoS change and no party being added or
 * dropped: what teardown waits for before it ends the call.
 *
 * Context: any; takes vc->lock.
 * Return: true if so.
 */
bool condis_call_quiet(struct condis_vc *vc)
{
	enum condis_call_state state;
	bool quiet;

	spin_lock_bh(&vc->lock);
	state = vc->call.state;
	quiet = state != CONDIS_CALL_STATE_MAKING && state != CONDIS_CALL_STATE_CLOSING &&
		!(state == CONDIS_CALL_STATE_OFFERED && vc->call.pending.answered) &&
		!condis_qos_in_flight(vc) && !condis_party_ops_in_flight(vc);
	spin_unlock_bh(&vc->lock);
	return quiet;
}

/**
 * condis_call_idle() - whether a VC has no call
 * @vc: the VC
 *
 * Context: any.
 * Return: true if the call is idle.
 */
bool condis_call_idle(struct condis_vc *vc)
{
	return READ_ONCE(vc->call.state) == CONDIS_CALL_STATE_IDLE;
}

/**
 * condis_call_up() - whether a VC's call is accepted or connected
 * @vc: the VC
 *
 * Context: any; takes vc->lock.
 * Return: true if the client could close it.
 */
bool condis_call_up(struct condis_vc *vc)
{
	enum condis_call_state state;

	spin_lock_bh(&vc->lock);
	state = vc->call.state;
	spin_unlock_bh(&vc->lock);
	return state == CONDIS_CALL_STATE_ACCEPTED || state == CONDIS_CALL_STATE_CONNECTED;
}

/*
 * Complete @op on @vc with @status for the driver that owes it, if it
 * still does.  Return: whether it did (the delivery is queued).
 */
static bool call_complete_owed(struct condis_vc *vc, enum condis_call_op op, int status)
{
	bool owed;

	spin_lock_bh(&vc->lock);
	owed = condis_pending_owed(&vc->call.pending) == op &&
	       call_accept(vc, op, status, NULL, "teardown");
	spin_unlock_bh(&vc->lock);
	if (owed)
		condis_pending_queue(&vc->call.pending);
	return owed;
}

/**
 * condis_call_refuse_offer() - the client will not answer an offer:
 *	refuse it for the client
 * @vc: the VC, referenced by the caller
 *
 * The CM's incoming_call_complete follows once, with -ECONNRESET.
 *
 * Context: any.
 * Return: true if there was an unanswered offer.
 */
bool condis_call_refuse_offer(struct condis_vc *vc)
{
	return call_complete_owed(vc, CONDIS_CALL_OP_ANSWER, -ECONNRESET);
}

/**
 * condis_call_fail_make_for_cm() - the call manager will not answer: fail
 *	the make-call it owes
 * @vc: the VC, referenced by the caller
 *
 * The client's make_call_complete follows once, with -ENETDOWN.
 *
 * Context: any.
 */
void condis_call_fail_make_for_cm(struct condis_vc *vc)
{
	call_complete_owed(vc, CONDIS_CALL_OP_MAKE, -ENETDOWN);
}

/**
 * condis_call_close_owed() - whether the call manager owes a close-call
 * @vc: the VC
 *
 * Context: any; takes vc->lock.
 * Return: true if a close-call is with the call manager, unanswered.
 */
bool condis_call_close_owed(struct condis_vc *vc)
{
	bool owed;

	spin_lock_bh(&vc->lock);
	owed = condis_pending_owed(&vc->call.pending) == CONDIS_CALL_OP_CLOSE;
	spin_unlock_bh(&vc->lock);
	return owed;
}

/**
 * condis_call_close_for_cm() - the call manager will not answer: complete
 *	the close-call it owes
 * @vc: the VC, referenced by the caller, deactivated (or given up on)
 *
 * The client's close_call_complete follows once.
 *
 * Context: any.
 */
void condis_call_close_for_cm(struct condis_vc *vc)
{
	call_complete_owed(vc, CONDIS_CALL_OP_CLOSE, 0);
}

/**
 * condis_call_close_for_client() - close the call on a VC as its client
 *	would
 * @vc: the VC, referenced by the caller
 *
 * With the call's last party, for a multipoint call.
 *
 * Context: any.
 * Return: as condis_cl_close_call().
 */
int condis_call_close_for_client(struct condis_vc *vc)
{
	return condis_cl_close_call(vc, condis_party_last(vc), NULL, 0);
}
