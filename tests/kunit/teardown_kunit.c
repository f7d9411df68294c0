// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "condis_teardown": a client that deregisters (as on module
 * unload) and whose unbind_adapter leaves everything open: condis closes
 * its calls, parties, VCs, SAPs and AF in NDIS's order through the
 * ordinary paths, every pended operation completes exactly once, and
 * nothing is left behind, for a stand-alone call manager and for an MCM.
 */
#include <kunit/test.h>
#include <linux/slab.h>

#include "fake_roles.h"

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
	struct condis_sap *sap = NULL, *csap;
	struct fake_sap_addr a;

	KUNIT_ASSERT_EQ(test, fake_world_open_af(w), 0);
	fake_sap_addr(&a, 5);
	KUNIT_ASSERT_EQ(test, condis_cl_register_sap(w->cl_af, w, &a.addr, &sap), 0);

	/* The incoming call, connected. */
	csap = condis_cm_lookup_sap(w->cm_af, &a.addr);
	KUNIT_ASSERT_NOT_NULL(test, csap);
	KUNIT_ASSERT_EQ(test, fake_cm_create_vc_for(w, w->cl_af, &in_vc), 0);
	KUNIT_ASSERT_EQ(test, fake_cm_activate(w, in_vc), 0);
	KUNIT_ASSERT_EQ(test, condis_cm_dispatch_incoming_call(csap, in_vc, &td_params), 0);
	condis_sap_put(csap);
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
	KUNIT_EXPECT_EQ(test, w->mp_vcs, 0);
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

static struct kunit_case condis_teardown_cases[] = {
	KUNIT_CASE_PARAM(teardown_unbind_with_live_objects_closes_in_order, fake_kind_gen_params),
	KUNIT_CASE_PARAM(teardown_adapter_removal_under_lazy_client, fake_kind_gen_params),
	KUNIT_CASE(teardown_cm_going_away_notifies_client_first),
	KUNIT_CASE_PARAM(teardown_cm_going_away_completes_what_it_pended, fake_kind_gen_params),
	{}
};

static struct kunit_suite condis_teardown_suite = {
	.name = "condis_teardown",
	.test_cases = condis_teardown_cases,
};

kunit_test_suite(condis_teardown_suite);
