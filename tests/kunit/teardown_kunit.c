// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "condis_teardown": a client that deregisters (as on module
 * unload) and whose unbind_adapter leaves everything open: condis closes
 * its calls, parties, VCs, SAPs and AF in NDIS's order through the
 * ordinary paths, every pended operation completes exactly once, and
 * nothing is left behind, for a stand-alone call manager and for an MCM.
 */
#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/kthread.h>
#include <linux/ktime.h>
#include <linux/slab.h>

#include "fake_roles.h"
#include "objects.h"

static struct condis_call_params td_params;

/*
 * Live objects of every kind: a registered SAP, an accepted and connected
 * incoming call on it, a multipoint outgoing call with two parties, and an
 * idle VC of the client's.
 */
static void teardown_unbind_with_live_objects_closes_in_order(struct kunit *test)
{
	const enum fake_cm_kind *kind = test->param_value;
	struct fake_world *w = fake_world_new(test, *kind);
	struct fake_party *root, *leaf;
	struct condis_vc *in_vc, *mp_vc, *idle_vc;
	struct condis_sap *sap = NULL;

	KUNIT_ASSERT_EQ(test, fake_world_open_af(w), 0);
	/* The incoming call, connected. */
	in_vc = fake_accepted_incoming(test, w, 5, &td_params, &sap);
	KUNIT_ASSERT_EQ(test, condis_cm_dispatch_call_connected(in_vc), 0);

	/* The multipoint call with two parties. */
	root = kunit_kzalloc(test, sizeof(*root), GFP_KERNEL);
	leaf = kunit_kzalloc(test, sizeof(*leaf), GFP_KERNEL);
	KUNIT_ASSERT_TRUE(test, root && leaf);
	root->w = w;
	root->id = 1;
	leaf->w = w;
	leaf->id = 2;
	KUNIT_ASSERT_EQ(test, condis_co_create_vc(w->cl_binding, w->cl_af, w, &mp_vc), 0);
	w->cl_vc = mp_vc;	/* the fake CM activates and deactivates this one */
	KUNIT_ASSERT_EQ(test, condis_cl_make_call(mp_vc, &td_params, root, &root->party), 0);
	KUNIT_ASSERT_EQ(test, condis_cl_add_party(mp_vc, leaf, &td_params, &leaf->party), 0);

	KUNIT_ASSERT_EQ(test, condis_co_create_vc(w->cl_binding, w->cl_af, w, &idle_vc), 0);

	/* The fake CM deactivates w->cl_vc for a point-to-point close. */
	w->cl_vc = in_vc;
	w->cm_deletes_closed = true;	/* and deletes it, as NDIS has CMs do */
	w->cl_lazy_unbind = true;
	condis_deregister_protocol(w->client);
	w->client = NULL;
	w->cl_af = NULL;
	fake_world_settle(w);

	/* NDIS's order: parties, then calls, then SAPs, then the AF. */
	FAKE_EXPECT_ONCE(test, w, "cm.drop_party");
	KUNIT_EXPECT_EQ(test, fake_count(w, "cm.close_call"), 2U);
	FAKE_EXPECT_ONCE(test, w, "cm.deregister_sap");
	FAKE_EXPECT_ONCE(test, w, "cm.close_af");
	FAKE_EXPECT_BEFORE(test, w, "cm.drop_party", "cm.close_call with party");
	FAKE_EXPECT_BEFORE(test, w, "cm.close_call", "cm.deregister_sap");
	FAKE_EXPECT_BEFORE(test, w, "cm.deregister_sap", "cm.close_af");
	/* Each completion reached the client once, before it was gone. */
	FAKE_EXPECT_ONCE(test, w, "cl.deregister_sap_complete 0");
	FAKE_EXPECT_ONCE(test, w, "cl.close_af_complete 0");
	FAKE_EXPECT_BEFORE(test, w, "cl.unbind", "cm.drop_party");
	FAKE_EXPECT_BEFORE(test, w, "cm.close_af", "cl.close_af_complete");
	/* Every VC is gone: the CM's and the client's. */
	KUNIT_EXPECT_EQ(test, fake_count(w, "cm.delete_vc"), 2U);
	FAKE_EXPECT_ONCE(test, w, "cl.delete_vc");
	FAKE_EXPECT_ONCE(test, w, "cm.delete_own_vc 0");
	KUNIT_EXPECT_EQ(test, w->mp_vcs, 0);
}

/* One of two departures racing for the same binding. */
struct unbind_racer {
	struct fake_world *w;
	bool adapter;		/* remove the adapter; else deregister the client */
	struct completion done;
};

static int unbind_racer_fn(void *data)
{
	struct unbind_racer *r = data;

	if (r->adapter)
		condis_adapter_unregister(r->w->adapter);
	else
		condis_deregister_protocol(r->w->client);
	complete(&r->done);
	return 0;
}

static void unbind_racer_start(struct kunit *test, struct unbind_racer *r,
			       struct fake_world *w, bool adapter)
{
	struct task_struct *t;

	r->w = w;
	r->adapter = adapter;
	init_completion(&r->done);
	t = kthread_run(unbind_racer_fn, r, "unbind-racer");
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
}

/*
 * The adapter goes away while its client deregisters (a port deleted
 * while the protocol module unloads): the binding is on both lists, and
 * unbind_adapter must run once for it, the other departure waiting.
 */
static void unbind_runs_once_when_adapter_and_protocol_go_together(struct kunit *test)
{
	const enum fake_cm_kind *kind = test->param_value;
	struct fake_world *w = fake_world_new(test, *kind);
	struct unbind_racer by_adapter, by_protocol;

	init_completion(&w->cl_unbind_entered);
	w->cl_pend_unbind = true;
	unbind_racer_start(test, &by_adapter, w, true);
	KUNIT_ASSERT_TRUE(test, wait_for_completion_timeout(&w->cl_unbind_entered, 5 * HZ));
	unbind_racer_start(test, &by_protocol, w, false);
	/* Give the second departure time to reach the binding. */
	msleep(200);
	KUNIT_EXPECT_FALSE(test, completion_done(&by_protocol.done));
	KUNIT_EXPECT_FALSE(test, completion_done(&by_adapter.done));
	KUNIT_EXPECT_EQ(test, condis_close_adapter(w->cl_binding), 0);
	KUNIT_EXPECT_TRUE(test, wait_for_completion_timeout(&by_adapter.done, 10 * HZ));
	KUNIT_EXPECT_TRUE(test, wait_for_completion_timeout(&by_protocol.done, 10 * HZ));
	FAKE_EXPECT_ONCE(test, w, "cl.unbind");
	w->client = NULL;
	w->cl_af = NULL;
}

/* A connected outgoing call on w->cl_vc and a registered SAP. */
static struct condis_sap *call_and_sap(struct kunit *test, struct fake_world *w)
{
	struct condis_sap *sap = NULL;
	struct fake_sap_addr a;

	KUNIT_ASSERT_EQ(test, fake_world_open_af(w), 0);
	fake_sap_addr(&a, 6);
	KUNIT_ASSERT_EQ(test, condis_cl_register_sap(w->cl_af, w, &a.addr, &sap), 0);
	KUNIT_ASSERT_EQ(test, condis_co_create_vc(w->cl_binding, w->cl_af, w, &w->cl_vc), 0);
	KUNIT_ASSERT_EQ(test, condis_cl_make_call(w->cl_vc, &td_params, NULL, NULL), 0);
	return sap;
}

/* An adapter removed (a miniport halting) under a client that leaves everything open. */
static void teardown_adapter_removal_under_lazy_client(struct kunit *test)
{
	const enum fake_cm_kind *kind = test->param_value;
	struct fake_world *w = fake_world_new(test, *kind);

	call_and_sap(test, w);
	w->cl_lazy_unbind = true;
	condis_adapter_unregister(w->adapter);
	fake_world_settle(w);
	FAKE_EXPECT_ONCE(test, w, "cm.close_call");
	FAKE_EXPECT_ONCE(test, w, "cm.delete_vc");
	FAKE_EXPECT_ONCE(test, w, "cl.deregister_sap_complete 0");
	FAKE_EXPECT_ONCE(test, w, "cl.close_af_complete 0");
	FAKE_EXPECT_BEFORE(test, w, "cm.close_call", "cm.deregister_sap");
	FAKE_EXPECT_BEFORE(test, w, "cm.deregister_sap", "cm.close_af");
	KUNIT_EXPECT_EQ(test, w->mp_vcs, 0);
	w->cl_af = NULL;
}

/* A short teardown budget for one test, restored when it ends. */
#define TD_TEST_BUDGET_MS	2000
/* What a departure may take past its budget (core.rst: 10 s + 5 s at most). */
#define TD_SLACK_MS		5000

static void td_budget_restore(void *data)
{
	condis_teardown_wait_ms = (uintptr_t)data;
}

static void td_short_budget(struct kunit *test)
{
	void *was = (void *)(uintptr_t)condis_teardown_wait_ms;

	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, td_budget_restore, was), 0);
	condis_teardown_wait_ms = TD_TEST_BUDGET_MS;
}

static s64 td_deregister_client_ms(struct fake_world *w)
{
	ktime_t start = ktime_get();

	condis_deregister_protocol(w->client);
	w->client = NULL;
	w->cl_af = NULL;
	return ktime_ms_delta(ktime_get(), start);
}

/*
 * A CM that answers close-call with success without deactivating its VC
 * (its close is refused each time) cannot hold a departing client: the
 * client's deregistration ends within the budget plus a few seconds, the
 * VC deactivated and the call ended for the CM, the VC and AF gone.
 */
static void teardown_ends_within_budget_when_cm_closes_without_deactivating(struct kunit *test)
{
	const enum fake_cm_kind *kind = test->param_value;
	struct fake_world *w = fake_world_new(test, *kind);
	s64 ms;

	td_short_budget(test);
	call_and_sap(test, w);
	w->cm_close_lies = true;
	w->cl_lazy_unbind = true;
	ms = td_deregister_client_ms(w);
	w->cm_close_lies = false;
	fake_world_settle(w);
	kunit_info(test, "deregistration took %lld ms (budget %u ms)", ms, TD_TEST_BUDGET_MS);
	KUNIT_EXPECT_LT(test, ms, (s64)(TD_TEST_BUDGET_MS + TD_SLACK_MS));
	KUNIT_EXPECT_GE(test, fake_count(w, "cm.close_call"), 1U);
	FAKE_EXPECT_ONCE(test, w, "cm.delete_vc");
	FAKE_EXPECT_ONCE(test, w, "cl.close_af_complete 0");
	KUNIT_EXPECT_EQ(test, w->mp_vcs, 0);
}

/* A client whose unbind pends and never closes its binding is not waited for forever. */
static void teardown_ends_within_budget_when_unbind_never_finishes(struct kunit *test)
{
	const enum fake_cm_kind *kind = test->param_value;
	struct fake_world *w = fake_world_new(test, *kind);
	unsigned int budget = condis_teardown_wait_ms;	/* the real one: 10 s */
	s64 ms;

	init_completion(&w->cl_unbind_entered);
	w->cl_pend_unbind = true;
	ms = td_deregister_client_ms(w);
	kunit_info(test, "deregistration took %lld ms (budget %u ms)", ms, budget);
	KUNIT_EXPECT_LT(test, ms, (s64)(budget + TD_SLACK_MS));
	KUNIT_EXPECT_GE(test, ms, (s64)budget - 100);	/* it was waited for */
	FAKE_EXPECT_ONCE(test, w, "cl.unbind");
}

/*
 * NDIS has the CM delete the VC it created for an incoming call once the
 * close is complete.  When a client leaves with such a call, condis
 * closes the call for it and leaves the deletion to the CM: the CM is
 * told of everything, and the client hears the close before the delete.
 */
static void teardown_leaves_cm_vc_deletion_to_the_cm(struct kunit *test)
{
	const enum fake_cm_kind *kind = test->param_value;
	struct fake_world *w = fake_world_new(test, *kind);
	struct condis_sap *sap = NULL;
	struct condis_vc *in_vc;
	s64 ms;

	KUNIT_ASSERT_EQ(test, fake_world_open_af(w), 0);
	in_vc = fake_accepted_incoming(test, w, 8, &td_params, &sap);
	KUNIT_ASSERT_EQ(test, condis_cm_dispatch_call_connected(in_vc), 0);

	w->cl_vc = in_vc;
	w->cm_deletes_closed = true;
	w->cl_lazy_unbind = true;
	ms = td_deregister_client_ms(w);
	flush_work(&w->cm_close_work);
	fake_world_settle(w);
	kunit_info(test, "deregistration took %lld ms", ms);
	FAKE_EXPECT_ONCE(test, w, "cm.close_call");
	FAKE_EXPECT_ONCE(test, w, "cm.delete_own_vc 0");
	FAKE_EXPECT_ONCE(test, w, "cl.close_call_complete 0");
	FAKE_EXPECT_ONCE(test, w, "cl.delete_vc");
	FAKE_EXPECT_BEFORE(test, w, "cl.close_call_complete", "cl.delete_vc");
	FAKE_EXPECT_BEFORE(test, w, "cl.delete_vc", "cm.close_af");
	FAKE_EXPECT_ONCE(test, w, "cl.close_af_complete 0");
	/* The CM was not waited for: it did its part at once. */
	KUNIT_EXPECT_LT(test, ms, (s64)(condis_teardown_wait_ms / 2));
}

/*
 * A stand-alone CM deregisters while a client has its AF open: the client
 * is asked first (notify-close); what it leaves open is closed for it.
 */
static void teardown_cm_going_away_notifies_client_first(struct kunit *test)
{
	struct fake_world *w = fake_world_new(test, FAKE_STANDALONE_CM);

	call_and_sap(test, w);
	condis_deregister_protocol(w->cm_proto);
	w->cm_proto = NULL;
	fake_world_settle(w);
	FAKE_EXPECT_ONCE(test, w, "cl.notify_close_af");
	FAKE_EXPECT_BEFORE(test, w, "cl.notify_close_af", "cm.close_call");
	FAKE_EXPECT_ONCE(test, w, "cm.close_call");
	FAKE_EXPECT_ONCE(test, w, "cm.deregister_sap");
	FAKE_EXPECT_ONCE(test, w, "cl.close_af_complete 0");
	FAKE_EXPECT_BEFORE(test, w, "cm.deregister_sap", "cl.close_af_complete 0");
	KUNIT_EXPECT_EQ(test, w->mp_vcs, 0);
	w->cl_af = NULL;
}

/* Holds an AF that reads closed back from leaving its binding, a moment. */
static void af_finish_pause(struct condis_af *af)
{
	msleep(300);
}

static void af_finish_hook_restore(void *data)
{
	condis_af_set_finish_hook(NULL);
}

/*
 * A stand-alone CM deregisters and its client closes the AF when asked;
 * the AF reads closed a moment before it leaves the CM's binding (here
 * 300 ms).  The teardown waits for that and closes the CM's binding: a
 * binding left open would keep a departed module's callbacks in reach.
 */
static void teardown_cm_binding_closes_after_its_client_afs_leave(struct kunit *test)
{
	struct fake_world *w = fake_world_new(test, FAKE_STANDALONE_CM);
	struct condis_binding *cm_binding = w->cm_binding;

	KUNIT_ASSERT_EQ(test, fake_world_open_af(w), 0);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, af_finish_hook_restore, NULL), 0);
	condis_af_set_finish_hook(af_finish_pause);
	condis_deregister_protocol(w->cm_proto);
	w->cm_proto = NULL;
	FAKE_EXPECT_ONCE(test, w, "cl.notify_close_af");
	FAKE_EXPECT_ONCE(test, w, "cl.close_af_complete 0");
	/* Closed and gone: the handle is stale, not still open (0 or -EBUSY). */
	KUNIT_EXPECT_EQ(test, condis_close_adapter(cm_binding), -EBADF);
	w->cl_af = NULL;
}

/*
 * The call manager goes away (a stand-alone CM deregisters; an MCM's
 * adapter is removed) with a client's make-call and SAP registration still
 * pended in it, and pends the SAP deregistration and AF close the teardown
 * starts: condis completes them all for it, each exactly once.
 */
static void teardown_cm_going_away_completes_what_it_pended(struct kunit *test)
{
	const enum fake_cm_kind *kind = test->param_value;
	struct fake_world *w = fake_world_new(test, *kind);
	struct condis_sap *sap = NULL;
	struct fake_sap_addr a;

	struct condis_sap *done_sap = NULL;

	KUNIT_ASSERT_EQ(test, fake_world_open_af(w), 0);
	fake_sap_addr(&a, 9);
	KUNIT_ASSERT_EQ(test, condis_cl_register_sap(w->cl_af, w, &a.addr, &done_sap), 0);
	KUNIT_ASSERT_EQ(test, condis_co_create_vc(w->cl_binding, w->cl_af, w, &w->cl_vc), 0);
	w->cm.make_call = CONDIS_PENDING;
	KUNIT_ASSERT_EQ(test, condis_cl_make_call(w->cl_vc, &td_params, NULL, NULL),
			CONDIS_PENDING);
	fake_sap_addr(&a, 8);
	w->cm.register_sap = CONDIS_PENDING;
	KUNIT_ASSERT_EQ(test, condis_cl_register_sap(w->cl_af, w, &a.addr, &sap), CONDIS_PENDING);
	w->cm.register_sap = 0;
	w->cm.make_call = 0;
	/* The departing CM would pend the teardown's deregistration and close too. */
	w->cm.deregister_sap = CONDIS_PENDING;
	w->cm.close_af = CONDIS_PENDING;
	w->cl_lazy_unbind = true;
	if (w->kind == FAKE_MCM) {
		condis_adapter_unregister(w->adapter);
	} else {
		condis_deregister_protocol(w->cm_proto);
		w->cm_proto = NULL;
	}
	fake_world_settle(w);
	FAKE_EXPECT_ONCE(test, w, "cl.make_call_complete");
	FAKE_EXPECT_ONCE(test, w, "cl.make_call_complete -100");
	FAKE_EXPECT_ONCE(test, w, "cl.register_sap_complete");
	FAKE_EXPECT_ONCE(test, w, "cl.register_sap_complete -100");
	FAKE_EXPECT_ONCE(test, w, "cl.deregister_sap_complete");
	FAKE_EXPECT_ONCE(test, w, "cl.deregister_sap_complete 0");
	FAKE_EXPECT_ONCE(test, w, "cl.close_af_complete 0");
	FAKE_EXPECT_BEFORE(test, w, "cl.make_call_complete", "cl.close_af_complete 0");
	FAKE_EXPECT_BEFORE(test, w, "cl.deregister_sap_complete", "cl.close_af_complete 0");
	KUNIT_EXPECT_EQ(test, w->mp_vcs, 0);
	/* The departing CM frees its own state for the SAP it never answered. */
	kfree(w->cm_last_sap_ctx);
	w->cm_sap_ctx_live--;
	w->cl_af = NULL;
}

static struct fake_party *td_party(struct kunit *test, struct fake_world *w, int id)
{
	struct fake_party *fp = kunit_kzalloc(test, sizeof(*fp), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, fp);
	fp->w = w;
	fp->id = id;
	return fp;
}

/*
 * A party drop the CM fails leaves the party on the call: a departing
 * client's teardown asks once, then leaves the parties to the close
 * (refused with parties left, so the call ends without the CM), instead
 * of dropping the same party again and again.
 */
static void teardown_party_drop_failed_by_cm_is_not_retried(struct kunit *test)
{
	const enum fake_cm_kind *kind = test->param_value;
	struct fake_world *w = fake_world_new(test, *kind);
	struct fake_party *root = td_party(test, w, 1), *leaf2 = td_party(test, w, 2);
	struct fake_party *leaf3 = td_party(test, w, 3);

	td_short_budget(test);
	KUNIT_ASSERT_EQ(test, fake_world_open_af(w), 0);
	KUNIT_ASSERT_EQ(test, condis_co_create_vc(w->cl_binding, w->cl_af, w, &w->cl_vc), 0);
	KUNIT_ASSERT_EQ(test, condis_cl_make_call(w->cl_vc, &td_params, root, &root->party), 0);
	KUNIT_ASSERT_EQ(test, condis_cl_add_party(w->cl_vc, leaf2, &td_params, &leaf2->party), 0);
	KUNIT_ASSERT_EQ(test, condis_cl_add_party(w->cl_vc, leaf3, &td_params, &leaf3->party), 0);
	w->cm_drop_fails = 3;
	w->cl_lazy_unbind = true;
	KUNIT_EXPECT_LT(test, td_deregister_client_ms(w), TD_TEST_BUDGET_MS + TD_SLACK_MS);
	fake_world_settle(w);
	FAKE_EXPECT_ONCE(test, w, "cm.drop_party");
	FAKE_EXPECT_ONCE(test, w, "cl.drop_party_complete -5 party=2");
	KUNIT_EXPECT_EQ(test, w->mp_vcs, 0);
}

static struct kunit_case condis_teardown_cases[] = {
	KUNIT_CASE_PARAM(teardown_unbind_with_live_objects_closes_in_order, fake_kind_gen_params),
	KUNIT_CASE_PARAM(teardown_adapter_removal_under_lazy_client, fake_kind_gen_params),
	KUNIT_CASE_PARAM(unbind_runs_once_when_adapter_and_protocol_go_together,
			 fake_kind_gen_params),
	KUNIT_CASE_PARAM_ATTR(teardown_ends_within_budget_when_cm_closes_without_deactivating,
			      fake_kind_gen_params, { .speed = KUNIT_SPEED_SLOW }),
	KUNIT_CASE_PARAM_ATTR(teardown_ends_within_budget_when_unbind_never_finishes,
			      fake_kind_gen_params, { .speed = KUNIT_SPEED_SLOW }),
	KUNIT_CASE_PARAM(teardown_leaves_cm_vc_deletion_to_the_cm, fake_kind_gen_params),
	KUNIT_CASE(teardown_cm_going_away_notifies_client_first),
	KUNIT_CASE(teardown_cm_binding_closes_after_its_client_afs_leave),
	KUNIT_CASE_PARAM(teardown_cm_going_away_completes_what_it_pended, fake_kind_gen_params),
	KUNIT_CASE_PARAM_ATTR(teardown_party_drop_failed_by_cm_is_not_retried,
			      fake_kind_gen_params, { .speed = KUNIT_SPEED_SLOW }),
	{}
};

static struct kunit_suite condis_teardown_suite = {
	.name = "condis_teardown",
	.test_cases = condis_teardown_cases,
};

kunit_test_suite(condis_teardown_suite);
