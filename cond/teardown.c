// SPDX-License-Identifier: GPL-2.0
/*
 * Forced teardown: a protocol whose unbind_adapter returned with its
 * binding still open (a client that left calls, SAPs or AFs behind; a CM
 * whose clients still have its AFs open) is cleaned up by condis, in the
 * order NDIS documents for a client closing an AF: answer offers still
 * pending, drop parties down to one, close calls, delete VCs, deregister
 * SAPs, close the AF.  Each step goes through the ordinary entry points,
 * so every driver hears of it as it would of a well-behaved client, and
 * every pended operation completes exactly once.
 *
 * A call manager's binding is closed the way NDIS has CMs do it: each
 * client with one of its AFs open is asked to close it (notify-close), and
 * only what the client leaves open after CONDIS_TEARDOWN_NOTIFY_WAIT_MS is
 * closed for it.
 *
 * This runs in process context during unbinding (adapter removal, or a
 * protocol deregistering, e.g. on module unload), before the protocol is
 * gone, so its callbacks may still run.  Each step waits for the
 * completions it starts, but one departure waits for the other drivers
 * once: all its steps share one budget of condis_teardown_wait_ms.  Once
 * that is spent (reported once), nothing sleeps for a driver any more:
 * condis completes what the drivers still owe on their behalf, as it does
 * for a call manager that is going away, so every departure ends a few
 * seconds past the budget whatever the other drivers do.
 */
#include <linux/jiffies.h>
#include <linux/slab.h>

#include "core.h"
#include "objects.h"

#define CONDIS_TEARDOWN_NOTIFY_WAIT_MS	1000

/*
 * How long one departure waits for the other drivers, in all
 * (Documentation/core.rst).  Writable so that tests need not wait long.
 */
unsigned int condis_teardown_wait_ms = 10000;
EXPORT_SYMBOL_NS_GPL(condis_teardown_wait_ms, CONDIS_INTERNAL);

/**
 * condis_teardown_begin() - start a departure's budget
 * @td: the departure's state, on the departing caller's stack
 * @who: the departing driver or adapter, for the report
 *
 * Context: any.
 */
void condis_teardown_begin(struct condis_teardown *td, const char *who)
{
	td->deadline = jiffies + msecs_to_jiffies(READ_ONCE(condis_teardown_wait_ms));
	td->expired = false;
	td->who = who;
}

/* The budget is spent: say so once, and from now on complete for drivers. */
static void teardown_expire(struct condis_teardown *td, const char *what)
{
	if (td->expired)
		return;
	td->expired = true;
	pr_warn("teardown of %s: gave up waiting for %s; condis completes what the drivers still owe\n",
		td->who, what);
}

/*
 * Sleep until @done(@arg), for at most @ms or what is left of the budget;
 * true if done.  Sleeps on the settle waitqueue, which every state change
 * @done may wait for wakes.  With the budget spent, only what condis
 * itself queued is let run.  A NULL @what waits without spending the
 * budget when it runs out (the notify-close courtesy wait).
 */
static bool teardown_wait_ms(struct condis_teardown *td, bool (*done)(void *arg), void *arg,
			     unsigned int ms, const char *what)
{
	unsigned long now = jiffies, end = td->deadline;

	if (ms != UINT_MAX && time_before(now + msecs_to_jiffies(ms), end))
		end = now + msecs_to_jiffies(ms);
	if (!td->expired && time_before(now, end) && condis_settle_wait(done, arg, end - now))
		return true;
	if (what && !time_before(jiffies, td->deadline))
		teardown_expire(td, what);
	flush_workqueue(condis_wq_get());
	return done(arg);
}

/* The same on the rest of the budget. */
static bool teardown_wait(struct condis_teardown *td, bool (*done)(void *arg), void *arg,
			  const char *what)
{
	return teardown_wait_ms(td, done, arg, UINT_MAX, what);
}

/*
 * The VC steps: what each object's "the other side is gone" function does
 * (vc.c, call.c, qos.c, party.c), in NDIS's order, with the waits between.
 */

static bool vc_quiet(void *vc)
{
	return condis_call_quiet(vc);
}

static bool vc_call_idle(void *vc)
{
	return condis_call_idle(vc);
}

static bool vc_deleted(void *vc)
{
	return condis_vc_deleted(vc);
}

static bool vc_drained(void *vc)
{
	return condis_vc_data_drained(vc);
}

static bool vc_inactive(void *vc)
{
	return condis_vc_inactive(vc);
}

/*
 * Deactivate @vc for its call manager, which left it active: through the
 * miniport for a stand-alone CM.  Its data path drains first, or is given
 * up on with the budget.
 */
static void vc_deactivate_for_cm(struct condis_vc *vc, struct condis_teardown *td)
{
	if (!condis_vc_needs_deactivation(vc))
		return;
	if (!teardown_wait(td, vc_drained, vc, "the VC's data path to drain"))
		condis_vc_abandon_skbs(vc);
	condis_vc_deactivate_for_cm(vc);
	if (teardown_wait(td, vc_inactive, vc, "a deactivation"))
		return;
	/* A miniport that never completes the deactivation: complete it for it. */
	condis_vc_deactivated_for_miniport(vc);
	teardown_wait(td, vc_inactive, vc, "a deactivation");
}

/*
 * The call manager will not answer (it is going away, or the budget is
 * spent): finish, for it, what it left pended on @vc (make-call,
 * close-call, QoS change, party adds and drops), so each of the client's
 * operations still completes exactly once.
 */
static void vc_complete_for_cm(struct condis_vc *vc, struct condis_teardown *td)
{
	bool closing = condis_call_close_owed(vc);

	condis_call_fail_make_for_cm(vc);
	condis_qos_complete_for_cm(vc);
	condis_party_complete_for_cm(vc);
	if (closing) {
		/* A close completes once the VC is deactivated: do that for it too. */
		vc_deactivate_for_cm(vc, td);
		condis_call_close_for_cm(vc);
	}
	flush_workqueue(condis_wq_get());
}

/*
 * Close the call on @vc as its client would; a CM that leaves it up (it
 * refused, or claimed success without deactivating the VC) gets the VC
 * deactivated for it and one more close, then the call is abandoned.
 * True if there was a call to close.
 */
static bool teardown_close_call(struct condis_vc *vc, bool for_cm, struct condis_teardown *td)
{
	int ret;

	if (!condis_call_up(vc))
		return false;
	ret = condis_call_close_for_client(vc);
	if (ret == CONDIS_PENDING && !teardown_wait(td, vc_call_idle, vc, "a call to close"))
		vc_complete_for_cm(vc, td);
	if (condis_call_idle(vc))
		return true;
	if (!for_cm && !td->expired) {
		pr_warn("teardown: VC %u: the call manager did not close the call (%d)\n",
			vc->obj.id, ret);
		teardown_expire(td, "a call manager that does not close its calls");
	}
	vc_deactivate_for_cm(vc, td);
	ret = condis_call_close_for_client(vc);
	if (ret == CONDIS_PENDING && !teardown_wait(td, vc_call_idle, vc, "a call to close"))
		vc_complete_for_cm(vc, td);
	if (!condis_call_idle(vc))
		condis_call_abandon(vc);
	return true;
}

/*
 * Drop the parties of the call on @vc down to one, as its client would.
 * Each round drops one party or ends the loop: a drop refused, or failed
 * leaving the party on the call, leaves the rest to the close.
 */
static void teardown_parties(struct condis_vc *vc, struct condis_teardown *td)
{
	struct condis_party *party;
	bool gone;
	int ret;

	while ((party = condis_party_extra(vc))) {
		ret = condis_cl_drop_party(party, NULL, 0);
		if ((!ret || ret == CONDIS_PENDING) &&
		    !teardown_wait(td, vc_quiet, vc, "a party drop"))
			vc_complete_for_cm(vc, td);
		gone = condis_party_gone(party);
		condis_party_put(party);
		if (!gone)
			break;
	}
}

/*
 * End the call on @vc, as its client would, then see the VC deleted: a
 * client's VC by condis for the client; a CM's whose call this closed by
 * the CM, which NDIS has delete its VC once the close is complete; any
 * other CM VC (no call on it, or the CM not answering) by condis for the
 * CM, as before the AF can close.
 */
static void teardown_vc(struct condis_vc *vc, bool for_cm, struct condis_teardown *td)
{
	bool closed;

	if (!teardown_wait(td, vc_quiet, vc, "a call operation") || for_cm)
		vc_complete_for_cm(vc, td);
	/* The client will not answer an offer any more: refuse it for it. */
	if (condis_call_refuse_offer(vc))
		teardown_wait(td, vc_quiet, vc, "a refused offer");
	teardown_parties(vc, td);
	closed = teardown_close_call(vc, for_cm || td->expired, td);

	if (condis_vc_delete_for_client(vc))
		return;
	if (closed && !for_cm &&
	    teardown_wait(td, vc_deleted, vc, "the call manager to delete its VC"))
		return;
	condis_vc_delete_for_cm(vc);
}

/* Deregister every SAP of @af, as its client would. */
static void teardown_saps(struct condis_af *af, bool for_cm, struct condis_teardown *td)
{
	if (!teardown_wait(td, condis_saps_settled, af, "a SAP registration"))
		condis_sap_complete_for_cm(af);
	condis_sap_deregister_all(af);
	if (for_cm) {
		/* The CM's deregister_sap runs from the workqueue; what it pends, finish. */
		flush_workqueue(condis_wq_get());
		condis_sap_complete_for_cm(af);
	}
	if (!teardown_wait(td, condis_saps_gone, af, "SAP deregistrations"))
		condis_sap_complete_for_cm(af);
}

/* An AF open or close the call manager left pended: finish it. */
static bool af_complete_for_cm(struct condis_af *af, struct condis_teardown *td)
{
	if (!condis_af_complete_for_cm(af))
		return false;
	teardown_wait(td, condis_af_closed, af, "a refused AF open");
	return true;
}

/* Close @af for its client once nothing is left on it. */
static void teardown_close_af(struct condis_af *af, bool for_cm, struct condis_teardown *td)
{
	if (for_cm)
		af_complete_for_cm(af, td);		/* a close the client started */
	if (!teardown_wait(td, condis_af_not_closing, af, "an AF close in flight"))
		af_complete_for_cm(af, td);
	if (condis_af_is_open(af)) {
		condis_cl_close_af(af);
		if (for_cm || td->expired)
			af_complete_for_cm(af, td);
		if (!teardown_wait(td, condis_af_closed, af, "the AF to close"))
			af_complete_for_cm(af, td);
	}
	/* A notify-close the client never completed is completed for it. */
	condis_af_notify_complete_for_client(af);
}

/**
 * condis_af_force_close() - tear down everything on an open AF and close it
 * @af: the AF, referenced by the caller
 * @cm_leaving: the AF's call manager is going away: what it left pended is
 *	completed for it, with -ENETDOWN (NDIS_STATUS_NETWORK_UNREACHABLE's
 *	twin) where it is a failure
 * @td: the departure this is part of; once its budget is spent the call
 *	manager is treated as going away too
 *
 * Context: process; sleeps.
 */
void condis_af_force_close(struct condis_af *af, bool cm_leaving, struct condis_teardown *td)
{
	struct condis_vc **vcs;
	unsigned int n, i;

	pr_warn("teardown: closing AF %u of %s, left open\n", af->obj.id,
		condis_af_client_name(af));
	if ((cm_leaving || td->expired) && af_complete_for_cm(af, td))
		return;		/* it never opened */
	vcs = condis_af_vcs(af, &n);
	/*
	 * A client that already let a budget run out will not return what it
	 * kept either: give it back to the miniport now, so that the VCs can
	 * be deactivated and the calls closed without waiting again.
	 */
	if (condis_af_client_unresponsive(af))
		for (i = 0; i < n; i++)
			condis_vc_abandon_skbs(vcs[i]);
	if (cm_leaving) {
		for (i = 0; i < n; i++)
			vc_complete_for_cm(vcs[i], td);
		condis_sap_complete_for_cm(af);
	}
	for (i = 0; i < n; i++) {
		teardown_vc(vcs[i], cm_leaving || td->expired, td);
		condis_vc_put(vcs[i]);
	}
	kfree(vcs);
	teardown_saps(af, cm_leaving || td->expired, td);
	teardown_close_af(af, cm_leaving || td->expired, td);
}

/**
 * condis_binding_force_close() - close a binding its protocol left open
 * @binding: the binding, referenced by the caller
 * @td: the departure this is part of
 *
 * Every AF on the binding is closed once, in the order of their ids; an
 * AF that a misbehaving driver kept open is passed over (and the binding
 * then stays open, reported), so this ends whatever the drivers do.
 *
 * Context: process; sleeps.
 */
void condis_binding_force_close(struct condis_binding *binding, struct condis_teardown *td)
{
	struct condis_af *af;
	u32 after = 0;

	while ((af = condis_binding_next_af(binding, after))) {
		after = af->obj.id;
		/*
		 * A CM going away asks each client to close first, as NDIS has
		 * CMs do; only what a client leaves open is closed for it.
		 */
		if (condis_af_ask_client_to_close(af, binding))
			teardown_wait_ms(td, condis_af_closed, af, CONDIS_TEARDOWN_NOTIFY_WAIT_MS,
					 NULL);
		if (!condis_af_closed(af))
			condis_af_force_close(af, condis_af_cm_leaving(af, binding), td);
		if (!condis_af_closed(af))
			pr_warn("teardown of %s: AF %u stays open\n", td->who, af->obj.id);
		condis_af_put(af);
	}
	teardown_wait(td, condis_binding_afs_finished, binding,
		      "closed AFs to leave their binding");
	condis_binding_close_left_open(binding);
}
