// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "condis_vc": creating, deleting, activating and deactivating
 * VCs, for a stand-alone call manager over a plain CO miniport and for an
 * MCM, with NDIS's concurrency rules.
 */
#include <kunit/test.h>

#include "fake_roles.h"
#include "objects.h"

static struct fake_world *vc_world(struct kunit *test)
{
	const enum fake_cm_kind *kind = test->param_value;
	struct fake_world *w = fake_world_new(test, *kind);

	KUNIT_ASSERT_EQ(test, fake_world_open_af(w), 0);
	return w;
}

static struct condis_call_params test_params = { .flags = 0 };
static struct condis_call_params other_params = { .flags = CONDIS_CALL_PARAMETERS_CHANGED };

/* A client's VC: the miniport (if any) and the CM are asked, in that order. */
static void vc_created_by_client_reaches_cm_and_miniport(struct kunit *test)
{
	struct fake_world *w = vc_world(test);
	struct condis_vc *vc = NULL;

	KUNIT_ASSERT_EQ(test, condis_co_create_vc(w->cl_binding, w->cl_af, w, &vc), 0);
	KUNIT_ASSERT_NOT_NULL(test, vc);
	FAKE_EXPECT_ONCE(test, w, "cm.create_vc");
	if (w->kind == FAKE_MCM) {
		/* An MCM's create_vc replaces the miniport's. */
		FAKE_EXPECT_NONE(test, w, "mp.create_vc");
	} else {
		FAKE_EXPECT_BEFORE(test, w, "mp.create_vc", "cm.create_vc");
	}
	FAKE_EXPECT_NONE(test, w, "cl.create_vc");
	KUNIT_EXPECT_EQ(test, condis_co_delete_vc(vc), 0);
	FAKE_EXPECT_ONCE(test, w, "cm.delete_vc");
	KUNIT_EXPECT_EQ(test, w->mp_vcs, 0);
	/* The handle is stale after the delete. */
	KUNIT_EXPECT_EQ(test, condis_co_delete_vc(vc), -EBADF);
	FAKE_EXPECT_ONCE(test, w, "cm.delete_vc");
}

/* A VC the CM refuses leaves nothing, not even miniport state. */
static void vc_create_refused_by_peer_leaves_nothing(struct kunit *test)
{
	struct fake_world *w = vc_world(test);
	struct condis_vc *vc = NULL;

	w->cm.create_vc = -ENOMEM;
	KUNIT_EXPECT_EQ(test, condis_co_create_vc(w->cl_binding, w->cl_af, w, &vc), -ENOMEM);
	KUNIT_EXPECT_NULL(test, vc);
	KUNIT_EXPECT_EQ(test, w->mp_vcs, 0);
	/* And the AF can be closed: no VC is left on it. */
	KUNIT_EXPECT_EQ(test, condis_cl_close_af(w->cl_af), CONDIS_PENDING);
	fake_world_settle(w);
	FAKE_EXPECT_ONCE(test, w, "cl.close_af_complete 0");
}

/* For an incoming call the call manager creates the VC; the client is asked. */
static void vc_created_for_incoming_call_reaches_client(struct kunit *test)
{
	struct fake_world *w = vc_world(test);
	struct condis_vc *vc = NULL;

	if (w->kind == FAKE_MCM)
		KUNIT_ASSERT_EQ(test, condis_mcm_create_vc(w->adapter, w->cm_last_af, w, &vc), 0);
	else
		KUNIT_ASSERT_EQ(test, condis_co_create_vc(w->cm_binding, w->cm_last_af, w, &vc), 0);
	FAKE_EXPECT_ONCE(test, w, "cl.create_vc");
	FAKE_EXPECT_NONE(test, w, "cm.create_vc");
	/* Only the right creator's delete works. */
	if (w->kind == FAKE_MCM) {
		KUNIT_EXPECT_EQ(test, condis_co_delete_vc(vc), -EINVAL);
		KUNIT_EXPECT_EQ(test, condis_mcm_delete_vc(vc), 0);
	} else {
		KUNIT_EXPECT_EQ(test, condis_mcm_delete_vc(vc), -EINVAL);
		KUNIT_EXPECT_EQ(test, condis_co_delete_vc(vc), 0);
	}
	FAKE_EXPECT_ONCE(test, w, "cl.delete_vc");
	KUNIT_EXPECT_EQ(test, w->mp_vcs, 0);
}

/* An AF with a VC on it cannot be closed. */
static void af_close_with_vcs_outstanding_fails(struct kunit *test)
{
	struct fake_world *w = vc_world(test);
	struct condis_vc *vc = NULL;

	KUNIT_ASSERT_EQ(test, condis_co_create_vc(w->cl_binding, w->cl_af, w, &vc), 0);
	KUNIT_EXPECT_EQ(test, condis_cl_close_af(w->cl_af), CONDIS_PENDING);
	fake_world_settle(w);
	FAKE_EXPECT_ONCE(test, w, "cl.close_af_complete -16");
	KUNIT_EXPECT_EQ(test, condis_co_delete_vc(vc), 0);
}

static struct condis_vc *activated_vc(struct kunit *test, struct fake_world *w)
{
	struct condis_vc *vc = NULL;

	KUNIT_ASSERT_EQ(test, condis_co_create_vc(w->cl_binding, w->cl_af, w, &vc), 0);
	if (w->kind == FAKE_MCM)
		KUNIT_ASSERT_EQ(test, condis_mcm_activate_vc(vc, &test_params), 0);
	else
		KUNIT_ASSERT_EQ(test, condis_cm_activate_vc(vc, &test_params), 0);
	return vc;
}

static void deactivate(struct kunit *test, struct fake_world *w, struct condis_vc *vc)
{
	if (w->kind == FAKE_MCM)
		KUNIT_EXPECT_EQ(test, condis_mcm_deactivate_vc(vc), 0);
	else
		KUNIT_EXPECT_EQ(test, condis_cm_deactivate_vc(vc), 0);
}

/* An active VC cannot be deleted; a deactivated one can. */
static void vc_delete_of_active_vc_is_refused(struct kunit *test)
{
	struct fake_world *w = vc_world(test);
	struct condis_vc *vc = activated_vc(test, w);

	KUNIT_EXPECT_EQ(test, condis_co_delete_vc(vc), -EBUSY);
	FAKE_EXPECT_NONE(test, w, "cm.delete_vc");
	deactivate(test, w, vc);
	KUNIT_EXPECT_EQ(test, condis_co_delete_vc(vc), 0);
	FAKE_EXPECT_ONCE(test, w, "cm.delete_vc");
}

/* Activation through the miniport may pend; it completes to the CM once. */
static void vc_activate_pended_completes_once(struct kunit *test)
{
	struct fake_world *w = fake_world_new(test, FAKE_STANDALONE_CM);
	struct condis_vc *vc = NULL;

	KUNIT_ASSERT_EQ(test, fake_world_open_af(w), 0);
	KUNIT_ASSERT_EQ(test, condis_co_create_vc(w->cl_binding, w->cl_af, w, &vc), 0);
	w->mp.activate_vc = CONDIS_PENDING;
	KUNIT_EXPECT_EQ(test, condis_cm_activate_vc(vc, &test_params), CONDIS_PENDING);
	/* One activation at a time; no deactivation or delete meanwhile. */
	KUNIT_EXPECT_EQ(test, condis_cm_activate_vc(vc, &other_params), -EBUSY);
	KUNIT_EXPECT_EQ(test, condis_cm_deactivate_vc(vc), -EBUSY);
	KUNIT_EXPECT_EQ(test, condis_co_delete_vc(vc), -EBUSY);
	FAKE_EXPECT_ONCE(test, w, "mp.activate_vc");

	condis_mco_activate_vc_complete(0, vc, &test_params);
	condis_mco_activate_vc_complete(0, vc, &test_params);	/* a buggy second one */
	fake_world_settle(w);
	FAKE_EXPECT_ONCE(test, w, "cm.activate_vc_complete 0");
	KUNIT_EXPECT_PTR_NE(test, fake_task(w, "cm.activate_vc_complete"), current);

	/* Deactivation may pend too; a second one is refused as redundant. */
	w->mp.deactivate_vc = CONDIS_PENDING;
	KUNIT_EXPECT_EQ(test, condis_cm_deactivate_vc(vc), CONDIS_PENDING);
	KUNIT_EXPECT_EQ(test, condis_cm_deactivate_vc(vc), -ESHUTDOWN);
	KUNIT_EXPECT_EQ(test, condis_cm_activate_vc(vc, &test_params), -ESHUTDOWN);
	KUNIT_EXPECT_EQ(test, condis_co_delete_vc(vc), -ESHUTDOWN);
	FAKE_EXPECT_ONCE(test, w, "mp.deactivate_vc");
	condis_mco_deactivate_vc_complete(0, vc);
	fake_world_settle(w);
	FAKE_EXPECT_ONCE(test, w, "cm.deactivate_vc_complete 0");
	KUNIT_EXPECT_EQ(test, condis_co_delete_vc(vc), 0);
}

/* A failed re-activation leaves the VC active with its old parameters. */
static void vc_failed_reactivation_keeps_old_parameters(struct kunit *test)
{
	struct fake_world *w = fake_world_new(test, FAKE_STANDALONE_CM);
	struct condis_vc *vc;

	KUNIT_ASSERT_EQ(test, fake_world_open_af(w), 0);
	vc = activated_vc(test, w);
	w->mp.activate_vc = -EINVAL;
	KUNIT_EXPECT_EQ(test, condis_cm_activate_vc(vc, &other_params), -EINVAL);
	/* Still active: it cannot be deleted, and deactivates normally. */
	KUNIT_EXPECT_EQ(test, condis_co_delete_vc(vc), -EBUSY);
	w->mp.activate_vc = 0;
	deactivate(test, w, vc);
	/* A failed first activation leaves it inactive: deletable at once. */
	w->mp.activate_vc = -EINVAL;
	KUNIT_EXPECT_EQ(test, condis_cm_activate_vc(vc, &test_params), -EINVAL);
	KUNIT_EXPECT_EQ(test, condis_co_delete_vc(vc), 0);
	FAKE_EXPECT_NONE(test, w, "cm.activate_vc_complete");
}

/* An MCM's activation is synchronous and never reaches a miniport handler. */
static void vc_mcm_activation_is_synchronous(struct kunit *test)
{
	struct fake_world *w = fake_world_new(test, FAKE_MCM);
	struct condis_vc *vc;

	KUNIT_ASSERT_EQ(test, fake_world_open_af(w), 0);
	vc = activated_vc(test, w);
	KUNIT_EXPECT_EQ(test, condis_cm_activate_vc(vc, &test_params), -EINVAL);
	KUNIT_EXPECT_EQ(test, condis_mcm_deactivate_vc(vc), 0);
	KUNIT_EXPECT_EQ(test, condis_mcm_deactivate_vc(vc), -EALREADY);
	FAKE_EXPECT_NONE(test, w, "mp.activate_vc");
	FAKE_EXPECT_NONE(test, w, "cm.activate_vc_complete");
	KUNIT_EXPECT_EQ(test, condis_co_delete_vc(vc), 0);
}

static void settle_mcm_activate(void *vc)
{
	condis_mcm_activate_vc(vc, &test_params);
}

static bool settle_vc_active(void *vc)
{
	return READ_ONCE(((struct condis_vc *)vc)->state) == CONDIS_VC_STATE_ACTIVE;
}

/*
 * A VC's state change wakes whoever waits for it (teardown): an MCM's
 * activation, which no pended operation ends, ends the wait at once.
 */
static void vc_state_change_wakes_settle_waiters(struct kunit *test)
{
	struct fake_world *w = fake_world_new(test, FAKE_MCM);
	struct condis_vc *vc = NULL;
	s64 ms;

	KUNIT_ASSERT_EQ(test, fake_world_open_af(w), 0);
	KUNIT_ASSERT_EQ(test, condis_co_create_vc(w->cl_binding, w->cl_af, w, &vc), 0);
	ms = fake_settle_wait_for(settle_mcm_activate, settle_vc_active, vc, 50);
	KUNIT_EXPECT_GE(test, ms, 0);
	KUNIT_EXPECT_LT(test, ms, FAKE_SETTLE_WAIT_MS / 2);
	KUNIT_EXPECT_EQ(test, condis_mcm_deactivate_vc(vc), 0);
	KUNIT_EXPECT_EQ(test, condis_co_delete_vc(vc), 0);
}

static struct kunit_case condis_vc_cases[] = {
	KUNIT_CASE_PARAM(vc_created_by_client_reaches_cm_and_miniport, fake_kind_gen_params),
	KUNIT_CASE(vc_state_change_wakes_settle_waiters),
	KUNIT_CASE_PARAM(vc_create_refused_by_peer_leaves_nothing, fake_kind_gen_params),
	KUNIT_CASE_PARAM(vc_created_for_incoming_call_reaches_client, fake_kind_gen_params),
	KUNIT_CASE_PARAM(af_close_with_vcs_outstanding_fails, fake_kind_gen_params),
	KUNIT_CASE_PARAM(vc_delete_of_active_vc_is_refused, fake_kind_gen_params),
	KUNIT_CASE(vc_activate_pended_completes_once),
	KUNIT_CASE(vc_failed_reactivation_keeps_old_parameters),
	KUNIT_CASE(vc_mcm_activation_is_synchronous),
	{}
};

static struct kunit_suite condis_vc_suite = {
	.name = "condis_vc",
	.test_cases = condis_vc_cases,
};

kunit_test_suite(condis_vc_suite);
