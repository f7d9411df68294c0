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
 * completions it starts; a driver that never completes is waited for
 * CONDIS_TEARDOWN_WAIT_MS at most per step and reported.
 */
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/slab.h>

#include "core.h"
#include "objects.h"

#define CONDIS_TEARDOWN_WAIT_MS		10000
#define CONDIS_TEARDOWN_NOTIFY_WAIT_MS	1000

/* Sleep until @done(@arg) or @ms pass; true if done. */
static bool teardown_wait_ms(bool (*done)(void *arg), void *arg, unsigned int ms,
			     const char *what)
{
	unsigned long end = jiffies + msecs_to_jiffies(ms);

	while (!done(arg)) {
		if (time_after(jiffies, end)) {
			if (what)
				pr_warn("teardown: gave up waiting for %s\n", what);
			return false;
		}
		usleep_range(1000, 3000);
	}
	return true;
}

static bool teardown_wait(bool (*done)(void *arg), void *arg, const char *what)
{
	return teardown_wait_ms(done, arg, CONDIS_TEARDOWN_WAIT_MS, what);
}

/* No call operation, QoS change or party add/drop in flight on the VC. */
static bool vc_quiet(void *arg)
{
	struct condis_vc *vc = arg;
	struct condis_party *party;
	bool quiet;

	spin_lock_bh(&vc->lock);
	quiet = vc->call != CONDIS_CALL_STATE_MAKING && vc->call != CONDIS_CALL_STATE_CLOSING &&
		!(vc->call == CONDIS_CALL_STATE_OFFERED && vc->call_done) && !vc->qos_pending;
	list_for_each_entry(party, &vc->parties, node)
		if (party->state == CONDIS_PARTY_STATE_ADDING ||
		    party->state == CONDIS_PARTY_STATE_DROPPING)
			quiet = false;
	spin_unlock_bh(&vc->lock);
	return quiet;
}

static bool vc_call_idle(void *arg)
{
	struct condis_vc *vc = arg;

	return READ_ONCE(vc->call) == CONDIS_CALL_STATE_IDLE;
}

/* One active party other than @keep, referenced, or NULL. */
static struct condis_party *vc_extra_party(struct condis_vc *vc)
{
	struct condis_party *party, *found = NULL, *first = NULL;

	spin_lock_bh(&vc->lock);
	list_for_each_entry(party, &vc->parties, node) {
		if (party->state != CONDIS_PARTY_STATE_ACTIVE)
			continue;
		if (!first) {
			first = party;
			continue;
		}
		found = party;
		condis_obj_get(&found->obj);
		break;
	}
	spin_unlock_bh(&vc->lock);
	return found;
}

static struct condis_party *vc_last_party(struct condis_vc *vc)
{
	struct condis_party *party = NULL;

	spin_lock_bh(&vc->lock);
	if (vc->multipoint && !list_empty(&vc->parties))
		party = list_first_entry(&vc->parties, struct condis_party, node);
	spin_unlock_bh(&vc->lock);
	return party;
}

/* End the call on @vc, as its client would, then delete the VC for its creator. */
static void teardown_vc(struct condis_vc *vc)
{
	struct condis_party *party;
	enum condis_call_state call;

	teardown_wait(vc_quiet, vc, "a call operation");
	spin_lock_bh(&vc->lock);
	call = vc->call;
	spin_unlock_bh(&vc->lock);
	if (call == CONDIS_CALL_STATE_OFFERED) {
		/* The client will not answer any more: refuse the offer for it. */
		condis_cl_incoming_call_complete(-ECONNRESET, vc, NULL);
		teardown_wait(vc_quiet, vc, "a refused offer");
	}
	while ((party = vc_extra_party(vc))) {
		int ret = condis_cl_drop_party(party, NULL, 0);

		condis_party_put(party);
		if (ret && ret != CONDIS_PENDING)
			break;	/* refused: the close below is refused too, and reported */
		teardown_wait(vc_quiet, vc, "a party drop");
	}
	spin_lock_bh(&vc->lock);
	call = vc->call;
	spin_unlock_bh(&vc->lock);
	if (call == CONDIS_CALL_STATE_ACCEPTED || call == CONDIS_CALL_STATE_CONNECTED) {
		condis_cl_close_call(vc, vc_last_party(vc), NULL, 0);
		teardown_wait(vc_call_idle, vc, "a call to close");
	}
	if (vc->creator == CONDIS_VC_CREATOR_MCM)
		condis_mcm_delete_vc(vc);
	else
		condis_co_delete_vc(vc);
}

static bool af_saps_settled(void *arg)
{
	struct condis_af *af = arg;
	struct condis_sap *sap;
	bool settled = true;

	spin_lock_bh(&af->lock);
	list_for_each_entry(sap, &af->saps, af_node)
		if (sap->state == CONDIS_SAP_STATE_REGISTERING)
			settled = false;
	spin_unlock_bh(&af->lock);
	return settled;
}

static bool af_no_saps(void *arg)
{
	struct condis_af *af = arg;
	bool none;

	spin_lock_bh(&af->lock);
	none = !af->nr_saps;
	spin_unlock_bh(&af->lock);
	return none;
}

static bool af_closed(void *arg)
{
	struct condis_af *af = arg;

	return READ_ONCE(af->state) == CONDIS_AF_STATE_CLOSED;
}

static bool af_not_closing(void *arg)
{
	struct condis_af *af = arg;

	return READ_ONCE(af->state) != CONDIS_AF_STATE_CLOSING;
}

static void saps_complete_for_cm(struct condis_af *af);

/* Deregister every SAP of @af, as its client would. */
static void teardown_saps(struct condis_af *af, bool cm_leaving)
{
	struct condis_sap *sap, *found;

	teardown_wait(af_saps_settled, af, "a SAP registration");
	do {
		found = NULL;
		spin_lock_bh(&af->lock);
		list_for_each_entry(sap, &af->saps, af_node)
			if (sap->state == CONDIS_SAP_STATE_REGISTERED) {
				found = sap;
				break;
			}
		spin_unlock_bh(&af->lock);
		if (found && condis_cl_deregister_sap(found) != CONDIS_PENDING)
			break;	/* the wait below reports it */
	} while (found);
	if (cm_leaving) {
		/* The CM's deregister_sap runs from the workqueue; what it pends, finish. */
		flush_workqueue(condis_wq_get());
		saps_complete_for_cm(af);
	}
	teardown_wait(af_no_saps, af, "SAP deregistrations");
}

/* Every VC on @af, referenced, in a new array of *@n; NULL if none. */
static struct condis_vc **af_vcs(struct condis_af *af, unsigned int *n)
{
	struct condis_vc *vc, **all = NULL;
	unsigned int count, i = 0;

	spin_lock_bh(&af->lock);
	count = af->nr_vcs;
	spin_unlock_bh(&af->lock);
	if (count)
		all = kcalloc(count, sizeof(*all), GFP_KERNEL);
	if (all) {
		spin_lock_bh(&af->lock);
		list_for_each_entry(vc, &af->vcs, node) {
			if (i == count)
				break;
			condis_obj_get(&vc->obj);
			all[i++] = vc;
		}
		spin_unlock_bh(&af->lock);
	}
	*n = i;
	return all;
}

static bool vc_drained(void *arg)
{
	struct condis_vc *vc = arg;
	bool drained;

	spin_lock_bh(&vc->lock);
	drained = condis_vc_drained(vc);
	spin_unlock_bh(&vc->lock);
	return drained;
}

static bool vc_inactive(void *arg)
{
	struct condis_vc *vc = arg;

	return READ_ONCE(vc->state) == CONDIS_VC_STATE_INACTIVE;
}

/*
 * The call manager is going away: finish, for it, what it left pended on
 * @vc (make-call, close-call, QoS change, party add or drop), so each of
 * the client's operations still completes exactly once.
 */
static void vc_complete_for_cm(struct condis_vc *vc)
{
	bool making, closing, qos, add = false;
	struct condis_party *party, *found;
	int rounds = 0;

	spin_lock_bh(&vc->lock);
	making = vc->call == CONDIS_CALL_STATE_MAKING && !vc->call_done;
	closing = vc->call == CONDIS_CALL_STATE_CLOSING && !vc->call_done;
	qos = vc->qos_pending && !vc->qos_done;
	spin_unlock_bh(&vc->lock);

	if (making)
		condis_cm_make_call_complete(-ENETDOWN, vc, NULL, NULL);
	if (qos)
		condis_cm_modify_call_qos_complete(-ENETDOWN, vc, NULL);
	/* Every pended add and drop; each completion marks its party done. */
	do {
		found = NULL;
		spin_lock_bh(&vc->lock);
		list_for_each_entry(party, &vc->parties, node)
			if (!party->done && party->op != CONDIS_PARTY_OP_NONE) {
				found = party;
				add = party->op == CONDIS_PARTY_OP_ADD;
				condis_obj_get(&found->obj);
				break;
			}
		spin_unlock_bh(&vc->lock);
		if (found && add)
			condis_cm_add_party_complete(-ENETDOWN, found, NULL, NULL);
		else if (found)
			condis_cm_drop_party_complete(0, found);
		if (found)
			condis_party_put(found);
	} while (found && ++rounds < 64);
	if (closing) {
		/*
		 * A close completes once the VC is deactivated: do that for it
		 * too, once its data path is drained (an MCM's must be first).
		 */
		teardown_wait(vc_drained, vc, "the VC's data path to drain");
		if (READ_ONCE(vc->state) == CONDIS_VC_STATE_ACTIVE && vc->mcm)
			condis_mcm_deactivate_vc(vc);
		else if (READ_ONCE(vc->state) == CONDIS_VC_STATE_ACTIVE)
			condis_cm_deactivate_vc(vc);
		teardown_wait(vc_inactive, vc, "a deactivation");
		condis_cm_close_call_complete(0, vc);
	}
}

/* The same for SAP registrations and deregistrations it left pended. */
static void saps_complete_for_cm(struct condis_af *af)
{
	struct condis_sap *sap, *found;
	bool reg;

	do {
		found = NULL;
		spin_lock_bh(&af->lock);
		list_for_each_entry(sap, &af->saps, af_node) {
			reg = sap->state == CONDIS_SAP_STATE_REGISTERING &&
			      !test_bit(CONDIS_SAP_REG_DONE, &sap->flags);
			if (reg || (sap->state == CONDIS_SAP_STATE_DEREGISTERING &&
				    test_bit(CONDIS_SAP_DEREG_PENDED, &sap->flags) &&
				    !test_bit(CONDIS_SAP_DEREG_DONE, &sap->flags))) {
				found = sap;
				condis_obj_get(&sap->obj);
				break;
			}
		}
		spin_unlock_bh(&af->lock);
		if (found && reg)
			condis_cm_register_sap_complete(-ENETDOWN, found, NULL);
		else if (found)
			condis_cm_deregister_sap_complete(0, found);
		if (found)
			condis_sap_put(found);
	} while (found);
}

/* An AF open or close the departing call manager left pended: finish it. */
static bool af_complete_for_cm(struct condis_af *af)
{
	enum condis_af_state state;
	bool cm_owes;

	spin_lock_bh(&af->lock);
	state = af->state;
	cm_owes = !af->cm_done && !af->close_refused;
	spin_unlock_bh(&af->lock);
	if (state == CONDIS_AF_STATE_OPENING && cm_owes) {
		condis_cm_open_af_complete(-ENETDOWN, af, NULL);
		teardown_wait(af_closed, af, "a refused AF open");
		return true;
	}
	if (state == CONDIS_AF_STATE_CLOSING && cm_owes)
		condis_cm_close_af_complete(0, af);
	return false;
}

/**
 * condis_af_force_close() - tear down everything on an open AF and close it
 * @af: the AF, referenced by the caller
 * @cm_leaving: the AF's call manager is going away: what it left pended is
 *	completed for it, with -ENETDOWN (NDIS_STATUS_NETWORK_UNREACHABLE's
 *	twin) where it is a failure
 *
 * Context: process; sleeps.
 */
void condis_af_force_close(struct condis_af *af, bool cm_leaving)
{
	struct condis_vc **vcs;
	unsigned int n, i;

	pr_warn("teardown: closing AF %u of %s, left open\n", af->obj.id,
		af->binding->protocol->name);
	if (cm_leaving && af_complete_for_cm(af))
		return;		/* it never opened */
	vcs = af_vcs(af, &n);
	if (cm_leaving) {
		for (i = 0; i < n; i++)
			vc_complete_for_cm(vcs[i]);
		saps_complete_for_cm(af);
	}
	for (i = 0; i < n; i++) {
		teardown_vc(vcs[i]);
		condis_vc_put(vcs[i]);
	}
	kfree(vcs);
	teardown_saps(af, cm_leaving);
	if (cm_leaving)
		af_complete_for_cm(af);		/* a close the client started */
	teardown_wait(af_not_closing, af, "an AF close in flight");
	if (READ_ONCE(af->state) == CONDIS_AF_STATE_OPEN) {
		condis_cl_close_af(af);
		if (cm_leaving)
			af_complete_for_cm(af);
		teardown_wait(af_closed, af, "the AF to close");
	}
	/* A notify-close the client never completed is completed for it. */
	if (READ_ONCE(af->notify_pending))
		condis_cl_notify_close_af_complete(af, 0);
}

/*
 * The AFs that keep @binding open: those its client opened, and, for a
 * CM's binding, those clients opened on its AF registrations.
 */
static struct condis_af *binding_next_af(struct condis_binding *binding)
{
	struct condis_cm_af *cm_af;
	struct condis_af *af, *found = NULL;

	mutex_lock(&condis_config_lock);
	list_for_each_entry(cm_af, &binding->adapter->cm_afs, node) {
		list_for_each_entry(af, &cm_af->afs, cm_af_node) {
			if ((af->binding == binding || cm_af->cm_binding == binding) &&
			    READ_ONCE(af->state) != CONDIS_AF_STATE_CLOSED) {
				found = af;
				condis_obj_get(&af->obj);
				break;
			}
		}
		if (found)
			break;
	}
	mutex_unlock(&condis_config_lock);
	return found;
}

/*
 * Whether @af's call manager is the one going away: it is @binding's
 * protocol (a CM unbinding), or an MCM whose adapter is being removed.
 */
static bool cm_leaving(struct condis_binding *binding, struct condis_af *af)
{
	if (af->binding != binding)
		return true;
	return READ_ONCE(binding->adapter->dying) && !af->cm_af->cm_binding;
}

/**
 * condis_binding_force_close() - close a binding its protocol left open
 * @binding: the binding, referenced by the caller
 *
 * Context: process; sleeps.
 */
void condis_binding_force_close(struct condis_binding *binding)
{
	struct condis_af *af;
	int tries = 0;

	while ((af = binding_next_af(binding)) && tries++ < 64) {
		/*
		 * A CM going away asks each client to close first, as NDIS has
		 * CMs do; only what a client leaves open is closed for it.
		 */
		if (af->binding != binding && READ_ONCE(af->state) == CONDIS_AF_STATE_OPEN &&
		    !READ_ONCE(af->notify_pending)) {
			int ret = condis_cm_notify_close_af(af);

			if (!ret || ret == CONDIS_PENDING)
				teardown_wait_ms(af_closed, af, CONDIS_TEARDOWN_NOTIFY_WAIT_MS,
						 NULL);
		}
		if (READ_ONCE(af->state) != CONDIS_AF_STATE_CLOSED)
			condis_af_force_close(af, cm_leaving(binding, af));
		condis_af_put(af);
	}
	if (af)
		condis_af_put(af);
	if (condis_close_adapter(binding) && !completion_done(&binding->closed))
		pr_warn("teardown: %s's binding to %s could not be closed\n",
			binding->protocol->name, binding->adapter->name);
}
