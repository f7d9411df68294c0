// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "condis_qos": QoS changes on a connected call, asked by the
 * client (modify, synchronous or pended, success only after re-activation,
 * failure keeps the old parameters) or by the peer (dispatched only once
 * the VC runs with them), for a stand-alone call manager and for an MCM.
 */
#include <kunit/test.h>

#include "fake_roles.h"
#include "objects.h"

static struct condis_call_params old_qos, new_qos;

/* A connected outgoing call on w->cl_vc. */
static struct fake_world *qos_world(struct kunit *test)
{
	const enum fake_cm_kind *kind = test->param_value;
	struct fake_world *w = fake_world_new(test, *kind);

	KUNIT_ASSERT_EQ(test, fake_world_open_af(w), 0);
	KUNIT_ASSERT_EQ(test, condis_co_create_vc(w->cl_binding, w->cl_af, w, &w->cl_vc), 0);
	w->cm.make_call = CONDIS_PENDING;
	KUNIT_ASSERT_EQ(test, condis_cl_make_call(w->cl_vc, &old_qos, NULL, NULL),
			CONDIS_PENDING);
	KUNIT_ASSERT_EQ(test, fake_cm_activate_with(w, w->cl_vc, &old_qos), 0);
	condis_cm_make_call_complete(0, w->cl_vc, NULL, NULL);
	fake_world_settle(w);
	KUNIT_ASSERT_EQ(test, fake_count(w, "cl.make_call_complete 0"), 1U);
	return w;
}

static void close_and_delete(struct kunit *test, struct fake_world *w)
{
	KUNIT_EXPECT_EQ(test, condis_cl_close_call(w->cl_vc, NULL, NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, condis_co_delete_vc(w->cl_vc), 0);
}

/* The CM answers at once: the VC runs with the new QoS, no completion follows. */
static void qos_modify_synchronous_reactivates_vc(struct kunit *test)
{
	struct fake_world *w = qos_world(test);

	KUNIT_EXPECT_EQ(test, condis_cl_modify_call_qos(w->cl_vc, &new_qos), 0);
	FAKE_EXPECT_ONCE(test, w, "cm.modify_call_qos");
	KUNIT_EXPECT_PTR_EQ(test, w->cm_params, &new_qos);
	KUNIT_EXPECT_PTR_EQ(test, w->cl_vc->params, &new_qos);
	if (w->kind == FAKE_STANDALONE_CM)
		KUNIT_EXPECT_EQ(test, fake_count(w, "mp.activate_vc"), 2U);
	fake_world_settle(w);
	FAKE_EXPECT_NONE(test, w, "cl.modify_call_qos_complete");
	close_and_delete(test, w);
}

/* A pended modify completes once; meanwhile no second modify and no close. */
static void qos_modify_pended_completes_once(struct kunit *test)
{
	struct fake_world *w = qos_world(test);

	w->cm.modify_qos = CONDIS_PENDING;
	KUNIT_EXPECT_EQ(test, condis_cl_modify_call_qos(w->cl_vc, &new_qos), CONDIS_PENDING);
	KUNIT_EXPECT_EQ(test, condis_cl_modify_call_qos(w->cl_vc, &new_qos), -EBUSY);
	KUNIT_EXPECT_EQ(test, condis_cl_close_call(w->cl_vc, NULL, NULL, 0), -EBUSY);
	KUNIT_EXPECT_EQ(test, condis_cm_dispatch_incoming_call_qos_change(w->cl_vc, &old_qos),
			-EBUSY);
	KUNIT_EXPECT_EQ(test, fake_cm_activate_with(w, w->cl_vc, &new_qos), 0);
	condis_cm_modify_call_qos_complete(0, w->cl_vc, NULL);
	condis_cm_modify_call_qos_complete(0, w->cl_vc, NULL);
	fake_world_settle(w);
	FAKE_EXPECT_ONCE(test, w, "cl.modify_call_qos_complete");
	FAKE_EXPECT_ONCE(test, w, "cl.modify_call_qos_complete 0");
	KUNIT_EXPECT_PTR_NE(test, fake_task(w, "cl.modify_call_qos_complete"), current);
	KUNIT_EXPECT_PTR_EQ(test, w->cl_params, &new_qos);
	close_and_delete(test, w);
}

/* NDIS: a successful modify re-activates the VC; without that the client gets -EPROTO. */
static void qos_modify_success_requires_reactivation(struct kunit *test)
{
	struct fake_world *w = qos_world(test);

	w->cm.modify_qos = CONDIS_PENDING;
	KUNIT_EXPECT_EQ(test, condis_cl_modify_call_qos(w->cl_vc, &new_qos), CONDIS_PENDING);
	condis_cm_modify_call_qos_complete(0, w->cl_vc, NULL);
	fake_world_settle(w);
	FAKE_EXPECT_ONCE(test, w, "cl.modify_call_qos_complete -71");
	KUNIT_EXPECT_PTR_EQ(test, w->cl_vc->params, &old_qos);
	close_and_delete(test, w);
}

/* A refused modify leaves the call up with its old QoS; the client may try again. */
static void qos_modify_failure_keeps_old_parameters(struct kunit *test)
{
	struct fake_world *w = qos_world(test);

	w->cm.modify_qos = -EOPNOTSUPP;
	KUNIT_EXPECT_EQ(test, condis_cl_modify_call_qos(w->cl_vc, &new_qos), -EOPNOTSUPP);
	KUNIT_EXPECT_PTR_EQ(test, w->cl_vc->params, &old_qos);
	w->cm.modify_qos = 0;
	KUNIT_EXPECT_EQ(test, condis_cl_modify_call_qos(w->cl_vc, &new_qos), 0);
	FAKE_EXPECT_NONE(test, w, "cl.modify_call_qos_complete");
	close_and_delete(test, w);
}

/* The peer's change reaches the client once the VC runs with it, not before. */
static void qos_incoming_change_only_after_reactivation(struct kunit *test)
{
	struct fake_world *w = qos_world(test);

	KUNIT_EXPECT_EQ(test, condis_cm_dispatch_incoming_call_qos_change(w->cl_vc, &new_qos),
			-EINVAL);
	FAKE_EXPECT_NONE(test, w, "cl.incoming_call_qos_change");
	KUNIT_EXPECT_EQ(test, fake_cm_activate_with(w, w->cl_vc, &new_qos), 0);
	KUNIT_EXPECT_EQ(test, condis_cm_dispatch_incoming_call_qos_change(w->cl_vc, &new_qos), 0);
	FAKE_EXPECT_ONCE(test, w, "cl.incoming_call_qos_change");
	KUNIT_EXPECT_PTR_EQ(test, w->cl_params, &new_qos);
	/* The client refuses a change by closing the call. */
	close_and_delete(test, w);
}

/* QoS belongs to connected calls; bad handles and stray completions change nothing. */
static void qos_needs_connected_call(struct kunit *test)
{
	struct fake_world *w = qos_world(test);

	KUNIT_EXPECT_EQ(test, condis_cl_modify_call_qos(NULL, &new_qos), -EBADF);
	KUNIT_EXPECT_EQ(test, condis_cl_modify_call_qos(w->cl_vc, NULL), -EINVAL);
	KUNIT_EXPECT_EQ(test, condis_cm_dispatch_incoming_call_qos_change(NULL, &new_qos),
			-EBADF);
	condis_cm_modify_call_qos_complete(0, w->cl_vc, NULL);	/* none pending */
	condis_cm_modify_call_qos_complete(0, NULL, NULL);
	KUNIT_EXPECT_EQ(test, condis_cl_close_call(w->cl_vc, NULL, NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, condis_cl_modify_call_qos(w->cl_vc, &new_qos), -EINVAL);
	KUNIT_EXPECT_EQ(test, condis_co_delete_vc(w->cl_vc), 0);
	fake_world_settle(w);
	FAKE_EXPECT_NONE(test, w, "cm.modify_call_qos");
	FAKE_EXPECT_NONE(test, w, "cl.modify_call_qos_complete");
}

static struct kunit_case condis_qos_cases[] = {
	KUNIT_CASE_PARAM(qos_modify_synchronous_reactivates_vc, fake_kind_gen_params),
	KUNIT_CASE_PARAM(qos_modify_pended_completes_once, fake_kind_gen_params),
	KUNIT_CASE_PARAM(qos_modify_success_requires_reactivation, fake_kind_gen_params),
	KUNIT_CASE_PARAM(qos_modify_failure_keeps_old_parameters, fake_kind_gen_params),
	KUNIT_CASE_PARAM(qos_incoming_change_only_after_reactivation, fake_kind_gen_params),
	KUNIT_CASE_PARAM(qos_needs_connected_call, fake_kind_gen_params),
	{}
};

static struct kunit_suite condis_qos_suite = {
	.name = "condis_qos",
	.test_cases = condis_qos_cases,
};

kunit_test_suite(condis_qos_suite);
