// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "condis_sap": registering and deregistering SAPs, with the
 * rules of SAP deregistration (Documentation/core.rst), each for a
 * stand-alone call manager and for an MCM.
 */
#include <kunit/test.h>
#include <linux/kthread.h>
#include <linux/sched/task.h>

#include "fake_roles.h"

static struct fake_world *sap_world(struct kunit *test)
{
	const enum fake_cm_kind *kind = test->param_value;
	struct fake_world *w = fake_world_new(test, *kind);

	KUNIT_ASSERT_EQ(test, fake_world_open_af(w), 0);
	KUNIT_ASSERT_NOT_NULL(test, w->cl_af);
	return w;
}

static struct condis_sap *register_sap(struct kunit *test, struct fake_world *w, u32 id)
{
	struct fake_sap_addr a;
	struct condis_sap *sap = NULL;

	fake_sap_addr(&a, id);
	KUNIT_ASSERT_EQ(test, condis_cl_register_sap(w->cl_af, w, &a.addr, &sap), 0);
	KUNIT_ASSERT_NOT_NULL(test, sap);
	return sap;
}

static struct condis_sap *lookup(struct fake_world *w, u32 id)
{
	struct fake_sap_addr a;
	struct condis_sap *sap;

	fake_sap_addr(&a, id);
	sap = condis_cm_lookup_sap(w->cm_af, &a.addr);
	if (sap)
		condis_sap_put(sap);
	return sap;
}

/* Seed 1+2: NdisClDeregisterSap makes condis call the CM's deregister handler. */
static void client_deregister_sap_reaches_cm_deregister_sap(struct kunit *test)
{
	struct fake_world *w = sap_world(test);
	struct condis_sap *sap = register_sap(test, w, 1);

	KUNIT_EXPECT_EQ(test, condis_cl_deregister_sap(sap), CONDIS_PENDING);
	fake_world_settle(w);
	FAKE_EXPECT_ONCE(test, w, "cm.deregister_sap");
	/* It ran on condis's workqueue: the caller never blocks on the CM. */
	KUNIT_EXPECT_PTR_NE(test, fake_task(w, "cm.deregister_sap"), current);
}

/* Seed 2: the CM frees every resource it allocated for the SAP. */
static void cm_frees_sap_resources_on_deregister_sap(struct kunit *test)
{
	struct fake_world *w = sap_world(test);
	struct condis_sap *sap = register_sap(test, w, 2);

	KUNIT_EXPECT_EQ(test, w->cm_sap_ctx_live, 1);
	KUNIT_EXPECT_EQ(test, condis_cl_deregister_sap(sap), CONDIS_PENDING);
	fake_world_settle(w);
	/* The CM was handed back the context it returned, and freed it. */
	KUNIT_EXPECT_EQ(test, w->cm_sap_ctx_live, 0);
}

/* Seed 3: the CM may complete synchronously ... */
static void cm_deregister_sap_completes_synchronously(struct kunit *test)
{
	struct fake_world *w = sap_world(test);
	struct condis_sap *sap = register_sap(test, w, 3);

	w->cm.deregister_sap = 0;
	KUNIT_EXPECT_EQ(test, condis_cl_deregister_sap(sap), CONDIS_PENDING);
	fake_world_settle(w);
	FAKE_EXPECT_ONCE(test, w, "cl.deregister_sap_complete 0");
	FAKE_EXPECT_BEFORE(test, w, "cm.deregister_sap", "cl.deregister_sap_complete");
}

/* Seed 3: ... or return pending and call the deregister-complete function later. */
static void cm_deregister_sap_completes_pended(struct kunit *test)
{
	struct fake_world *w = sap_world(test);
	struct condis_sap *sap = register_sap(test, w, 4);

	w->cm.deregister_sap = CONDIS_PENDING;
	KUNIT_EXPECT_EQ(test, condis_cl_deregister_sap(sap), CONDIS_PENDING);
	fake_world_settle(w);
	FAKE_EXPECT_ONCE(test, w, "cm.deregister_sap");
	FAKE_EXPECT_NONE(test, w, "cl.deregister_sap_complete");

	condis_cm_deregister_sap_complete(0, w->cm_last_sap);
	fake_world_settle(w);
	FAKE_EXPECT_ONCE(test, w, "cl.deregister_sap_complete 0");
	FAKE_EXPECT_BEFORE(test, w, "cm.deregister_sap", "cl.deregister_sap_complete");
}

/* Seed 4: the completion reaches the client's deregister-complete exactly once. */
static void deregister_sap_complete_reaches_client_exactly_once(struct kunit *test)
{
	/* An NDIS status with no errno twin (NDIS_STATUS_SAP_IN_USE). */
	const int ndis_status = -1073676265;	/* 0xC0010017 as an int */
	struct fake_world *w = sap_world(test);
	struct condis_sap *sap = register_sap(test, w, 5);
	char want[FAKE_EVENT_LEN];

	w->cm.deregister_sap = CONDIS_PENDING;
	KUNIT_EXPECT_EQ(test, condis_cl_deregister_sap(sap), CONDIS_PENDING);
	fake_world_settle(w);
	condis_cm_deregister_sap_complete(ndis_status, w->cm_last_sap);
	condis_cm_deregister_sap_complete(0, w->cm_last_sap);	/* a buggy second one */
	fake_world_settle(w);
	FAKE_EXPECT_ONCE(test, w, "cl.deregister_sap_complete");
	/* The CM's status reaches the client unchanged. */
	snprintf(want, sizeof(want), "cl.deregister_sap_complete %d", ndis_status);
	FAKE_EXPECT_ONCE(test, w, want);
}

/* The SAP handle is invalid for the client as soon as it deregisters. */
static void deregister_invalidates_handle_at_once(struct kunit *test)
{
	struct fake_world *w = sap_world(test);
	struct condis_sap *sap = register_sap(test, w, 6);

	w->cm.deregister_sap = CONDIS_PENDING;
	KUNIT_EXPECT_EQ(test, condis_cl_deregister_sap(sap), CONDIS_PENDING);
	/* No new call can be routed to it, even before the CM has run. */
	KUNIT_EXPECT_NULL(test, lookup(w, 6));
	/* A second deregistration fails and changes nothing. */
	KUNIT_EXPECT_EQ(test, condis_cl_deregister_sap(sap), -EBADF);
	fake_world_settle(w);
	FAKE_EXPECT_ONCE(test, w, "cm.deregister_sap");
	condis_cm_deregister_sap_complete(0, w->cm_last_sap);
	fake_world_settle(w);
	FAKE_EXPECT_ONCE(test, w, "cl.deregister_sap_complete");
	/* After the completion the handle is stale for everyone. */
	KUNIT_EXPECT_EQ(test, condis_cl_deregister_sap(sap), -EBADF);
	FAKE_EXPECT_ONCE(test, w, "cl.deregister_sap_complete");
}

/* Deregistering a SAP of an AF that is closing fails, and changes nothing. */
static void deregister_on_closing_af_fails(struct kunit *test)
{
	struct fake_world *w = sap_world(test);
	struct condis_sap *sap = register_sap(test, w, 7);

	/* Keep the refused close's completion undelivered: the AF is closing. */
	fake_world_hold_wq(w);
	KUNIT_EXPECT_EQ(test, condis_cl_close_af(w->cl_af), CONDIS_PENDING);
	KUNIT_EXPECT_EQ(test, condis_cl_deregister_sap(sap), -ESHUTDOWN);
	fake_world_release_wq(w);
	fake_world_settle(w);
	/* The close was refused because of the SAP; the CM never saw it. */
	FAKE_EXPECT_ONCE(test, w, "cl.close_af_complete -16");
	FAKE_EXPECT_NONE(test, w, "cm.close_af");
	FAKE_EXPECT_NONE(test, w, "cm.deregister_sap");
	KUNIT_EXPECT_PTR_EQ(test, lookup(w, 7), sap);
	/* The AF is open again: now the SAP goes, then the AF. */
	KUNIT_EXPECT_EQ(test, condis_cl_deregister_sap(sap), CONDIS_PENDING);
	fake_world_settle(w);
	FAKE_EXPECT_ONCE(test, w, "cl.deregister_sap_complete 0");
	KUNIT_EXPECT_EQ(test, condis_cl_close_af(w->cl_af), CONDIS_PENDING);
	fake_world_settle(w);
	FAKE_EXPECT_ONCE(test, w, "cl.close_af_complete 0");
}

/* An incoming call may be routed to a SAP whose registration is still pending. */
static void register_pended_sap_is_routable_before_completion(struct kunit *test)
{
	struct fake_world *w = sap_world(test);
	struct fake_sap_addr a;
	struct condis_sap *sap = NULL;

	fake_sap_addr(&a, 8);
	w->cm.register_sap = CONDIS_PENDING;
	KUNIT_EXPECT_EQ(test, condis_cl_register_sap(w->cl_af, w, &a.addr, &sap), CONDIS_PENDING);
	KUNIT_ASSERT_NOT_NULL(test, sap);
	KUNIT_EXPECT_PTR_EQ(test, lookup(w, 8), sap);
	FAKE_EXPECT_NONE(test, w, "cl.register_sap_complete");
	/* Deregistering before the registration completed is refused. */
	KUNIT_EXPECT_EQ(test, condis_cl_deregister_sap(sap), -EBUSY);

	condis_cm_register_sap_complete(0, sap, w->cm_last_sap_ctx);
	condis_cm_register_sap_complete(0, sap, w->cm_last_sap_ctx);	/* a buggy second one */
	fake_world_settle(w);
	FAKE_EXPECT_ONCE(test, w, "cl.register_sap_complete 0");
	/* What the CM routes with: the client's AF and its own SAP context. */
	KUNIT_EXPECT_PTR_EQ(test, condis_sap_af(sap), w->cl_af);
	KUNIT_EXPECT_PTR_EQ(test, condis_sap_cm_context(sap), w->cm_last_sap_ctx);
	KUNIT_EXPECT_EQ(test, condis_cl_deregister_sap(sap), CONDIS_PENDING);
	fake_world_settle(w);
	FAKE_EXPECT_ONCE(test, w, "cl.deregister_sap_complete 0");
}

/* A SAP already registered on the AF is refused before the CM is asked. */
static void register_duplicate_sap_is_refused(struct kunit *test)
{
	struct fake_world *w = sap_world(test);
	struct condis_sap *sap = register_sap(test, w, 9), *dup = NULL;
	struct fake_sap_addr a;

	fake_sap_addr(&a, 9);
	KUNIT_EXPECT_EQ(test, condis_cl_register_sap(w->cl_af, w, &a.addr, &dup), -EADDRINUSE);
	KUNIT_EXPECT_NULL(test, dup);
	FAKE_EXPECT_ONCE(test, w, "cm.register_sap");
	KUNIT_EXPECT_PTR_EQ(test, lookup(w, 9), sap);
	KUNIT_EXPECT_EQ(test, condis_cl_deregister_sap(sap), CONDIS_PENDING);
}

/* A CM that refuses a SAP synchronously leaves nothing behind. */
static void register_refused_by_cm_leaves_nothing(struct kunit *test)
{
	struct fake_world *w = sap_world(test);
	struct condis_sap *sap = NULL;
	struct fake_sap_addr a;

	fake_sap_addr(&a, 10);
	w->cm.register_sap = -EINVAL;
	KUNIT_EXPECT_EQ(test, condis_cl_register_sap(w->cl_af, w, &a.addr, &sap), -EINVAL);
	KUNIT_EXPECT_NULL(test, sap);
	KUNIT_EXPECT_NULL(test, lookup(w, 10));
	FAKE_EXPECT_NONE(test, w, "cl.register_sap_complete");
	/* The address is free again. */
	w->cm.register_sap = 0;
	sap = register_sap(test, w, 10);
	KUNIT_EXPECT_EQ(test, condis_cl_deregister_sap(sap), CONDIS_PENDING);
}

/* NULL, stale and wrong-kind handles get -EBADF and change nothing. */
static void bad_handles_are_refused(struct kunit *test)
{
	struct fake_world *w = sap_world(test);
	struct condis_sap *sap = register_sap(test, w, 11), *out = NULL;
	struct fake_sap_addr a;
	int not_an_object;
	struct condis_sap *bogus = (struct condis_sap *)&not_an_object;

	fake_sap_addr(&a, 12);
	KUNIT_EXPECT_EQ(test, condis_cl_deregister_sap(NULL), -EBADF);
	KUNIT_EXPECT_EQ(test, condis_cl_deregister_sap(bogus), -EBADF);
	KUNIT_EXPECT_EQ(test, condis_cl_deregister_sap((struct condis_sap *)w->cl_af), -EBADF);
	KUNIT_EXPECT_EQ(test, condis_cl_register_sap(NULL, w, &a.addr, &out), -EBADF);
	KUNIT_EXPECT_EQ(test, condis_cl_register_sap((struct condis_af *)sap, w, &a.addr, &out),
			-EBADF);
	KUNIT_EXPECT_EQ(test, condis_cl_register_sap(w->cl_af, w, NULL, &out), -EINVAL);
	KUNIT_EXPECT_NULL(test, out);
	condis_cm_deregister_sap_complete(0, bogus);
	condis_cm_deregister_sap_complete(0, sap);	/* no deregistration in flight */
	condis_cm_register_sap_complete(0, sap, NULL);	/* registered synchronously */
	fake_world_settle(w);
	FAKE_EXPECT_NONE(test, w, "cl.deregister_sap_complete");
	FAKE_EXPECT_NONE(test, w, "cl.register_sap_complete");
	KUNIT_EXPECT_PTR_EQ(test, lookup(w, 11), sap);
	KUNIT_EXPECT_EQ(test, condis_cl_deregister_sap(sap), CONDIS_PENDING);
	fake_world_settle(w);
	FAKE_EXPECT_ONCE(test, w, "cl.deregister_sap_complete 0");
}

struct lookup_race {
	struct fake_world *w;
	atomic_t found;
	atomic_t lookups;
	atomic_t deregistering_seen;
	bool stop;
};

static int lookup_racer(void *data)
{
	struct lookup_race *r = data;
	struct fake_sap_addr a;

	fake_sap_addr(&a, 99);
	while (!READ_ONCE(r->stop)) {
		struct condis_sap *sap = condis_cm_lookup_sap(r->w->cm_af, &a.addr);

		if (sap) {
			atomic_inc(&r->found);
			/* What we hold stays valid; it was not deregistering when returned. */
			condis_sap_put(sap);
		}
		atomic_inc(&r->lookups);
		cond_resched();
	}
	return 0;
}

/*
 * Routing races deregistration safely: a lookup returns the SAP with a
 * reference or not at all, never a freed one (KASAN watches), and once
 * condis_cl_deregister_sap() has returned no lookup finds the SAP.
 */
static void lookup_racing_deregistration_is_safe(struct kunit *test)
{
	struct fake_world *w = sap_world(test);
	struct lookup_race *r = kunit_kzalloc(test, sizeof(*r), GFP_KERNEL);
	struct task_struct *racer;
	int i;

	KUNIT_ASSERT_NOT_NULL(test, r);
	r->w = w;
	racer = kthread_run(lookup_racer, r, "condis-lookup-racer");
	KUNIT_ASSERT_FALSE(test, IS_ERR(racer));
	get_task_struct(racer);
	for (i = 0; i < 100; i++) {
		struct condis_sap *sap = register_sap(test, w, 99);

		cond_resched();
		KUNIT_EXPECT_EQ(test, condis_cl_deregister_sap(sap), CONDIS_PENDING);
		if (lookup(w, 99))
			atomic_inc(&r->deregistering_seen);
		if (i % 16 == 0)
			fake_world_settle(w);
	}
	WRITE_ONCE(r->stop, true);
	kthread_stop(racer);
	put_task_struct(racer);
	fake_world_settle(w);
	KUNIT_EXPECT_EQ(test, atomic_read(&r->deregistering_seen), 0);
	KUNIT_EXPECT_GT(test, atomic_read(&r->lookups), 0);
	KUNIT_EXPECT_EQ(test, fake_count(w, "cl.deregister_sap_complete 0"), 100U);
}

static struct kunit_case condis_sap_cases[] = {
	KUNIT_CASE_PARAM(client_deregister_sap_reaches_cm_deregister_sap, fake_kind_gen_params),
	KUNIT_CASE_PARAM(cm_frees_sap_resources_on_deregister_sap, fake_kind_gen_params),
	KUNIT_CASE_PARAM(cm_deregister_sap_completes_synchronously, fake_kind_gen_params),
	KUNIT_CASE_PARAM(cm_deregister_sap_completes_pended, fake_kind_gen_params),
	KUNIT_CASE_PARAM(deregister_sap_complete_reaches_client_exactly_once,
			 fake_kind_gen_params),
	KUNIT_CASE_PARAM(deregister_invalidates_handle_at_once, fake_kind_gen_params),
	KUNIT_CASE_PARAM(deregister_on_closing_af_fails, fake_kind_gen_params),
	KUNIT_CASE_PARAM(register_pended_sap_is_routable_before_completion, fake_kind_gen_params),
	KUNIT_CASE_PARAM(register_duplicate_sap_is_refused, fake_kind_gen_params),
	KUNIT_CASE_PARAM(register_refused_by_cm_leaves_nothing, fake_kind_gen_params),
	KUNIT_CASE_PARAM(bad_handles_are_refused, fake_kind_gen_params),
	KUNIT_CASE_PARAM_ATTR(lookup_racing_deregistration_is_safe, fake_kind_gen_params,
			      { .speed = KUNIT_SPEED_SLOW }),
	{}
};

static struct kunit_suite condis_sap_suite = {
	.name = "condis_sap",
	.test_cases = condis_sap_cases,
};

kunit_test_suite(condis_sap_suite);
