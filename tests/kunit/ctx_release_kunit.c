// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "condis_ctx_release": condis tells a driver when it is done
 * with each binding, AF, SAP, VC and party context the driver gave it
 * (release_ctx), once, after the last callback that passes it, and never
 * for the context of a call that failed; condis_driver_priv() names the
 * driver of a handle.  The NDIS compat layer (ndis.ko) frees its compat
 * bindings and wrapper contexts on release_ctx and finds the driver of an
 * AF, VC or party with condis_driver_priv().
 */
#include <kunit/test.h>
#include <linux/rcupdate.h>

#include "fake_roles.h"

#define RELEASES_MAX	32

static DEFINE_SPINLOCK(releases_lock);	/* protects the two below */
static struct {
	char role;
	void *ctx;
} releases[RELEASES_MAX];
static unsigned int nr_releases;

static void record_release(char role, void *ctx)
{
	spin_lock_bh(&releases_lock);
	if (nr_releases < RELEASES_MAX) {
		releases[nr_releases].role = role;
		releases[nr_releases].ctx = ctx;
	}
	nr_releases++;
	spin_unlock_bh(&releases_lock);
}

/* How many releases of @ctx (any context if NULL) by @role there were. */
static unsigned int released(char role, const void *ctx)
{
	unsigned int i, n = 0;

	spin_lock_bh(&releases_lock);
	for (i = 0; i < min(nr_releases, RELEASES_MAX); i++)
		if (releases[i].role == role && (!ctx || releases[i].ctx == ctx))
			n++;
	spin_unlock_bh(&releases_lock);
	return n;
}

/* Objects are freed an RCU grace period after their last put, in chains. */
static void drain(struct fake_world *w)
{
	int i;

	for (i = 0; i < 4; i++) {
		fake_world_settle(w);
		rcu_barrier();
	}
}

static void stop_recording(void *unused)
{
	WRITE_ONCE(fake_release_hook, NULL);
}

/* A world of the test's kind whose releases are recorded from now on. */
static struct fake_world *recorded_world(struct kunit *test)
{
	const enum fake_cm_kind *kind = test->param_value;
	struct fake_world *w = fake_world_new(test, *kind);

	/*
	 * What earlier tests freed is not counted: their objects go in chains
	 * of RCU callbacks and work items, which one rcu_barrier() does not end.
	 */
	drain(w);
	spin_lock_bh(&releases_lock);
	nr_releases = 0;
	spin_unlock_bh(&releases_lock);
	WRITE_ONCE(fake_release_hook, record_release);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, stop_recording, NULL), 0);
	return w;
}

static struct fake_world *recording_world(struct kunit *test)
{
	struct fake_world *w = recorded_world(test);

	KUNIT_ASSERT_EQ(test, fake_world_open_af(w), 0);
	return w;
}

static char tok_vc, tok_sap, tok_binding, tok_second;

/* A binding's context is released once, when the binding is freed after its close. */
static void binding_ctx_released_once_after_the_binding_is_freed(struct kunit *test)
{
	struct fake_world *w = recorded_world(test);
	struct condis_binding *b = NULL;

	/* A second binding of the same pair is refused: its context is not kept. */
	KUNIT_EXPECT_EQ(test, condis_open_adapter(w->client, w->adapter, &tok_binding, &b),
			-EEXIST);
	KUNIT_ASSERT_EQ(test, condis_request_unbind(w->cl_binding), 0);
	drain(w);
	FAKE_EXPECT_ONCE(test, w, "cl.unbind");
	KUNIT_EXPECT_EQ(test, released('b', w), 1);
	KUNIT_EXPECT_EQ(test, released('b', &tok_binding), 0);
	KUNIT_EXPECT_EQ(test, nr_releases, 1);
	w->cl_binding = NULL;
}

/*
 * Each context of a VC is released once, when the VC is freed after its
 * deletion, by the driver that gave it; the AF's go when the AF does.
 */
static void ctx_released_once_after_its_object_is_freed(struct kunit *test)
{
	struct fake_world *w = recording_world(test);
	bool mcm = w->kind == FAKE_MCM;
	struct condis_vc *vc = NULL;

	KUNIT_ASSERT_EQ(test, condis_co_create_vc(w->cl_binding, w->cl_af, &tok_vc, &vc), 0);
	drain(w);
	KUNIT_EXPECT_EQ(test, nr_releases, 0);
	KUNIT_ASSERT_EQ(test, condis_co_delete_vc(vc), 0);
	drain(w);
	KUNIT_EXPECT_EQ(test, released('l', &tok_vc), 1);
	KUNIT_EXPECT_EQ(test, released('c', w), 1);		/* the CM's VC context */
	KUNIT_EXPECT_EQ(test, released('m', w), mcm ? 0 : 1);	/* an MCM's is its CM's */
	KUNIT_EXPECT_EQ(test, nr_releases, mcm ? 2 : 3);

	KUNIT_ASSERT_EQ(test, condis_cl_close_af(w->cl_af), CONDIS_PENDING);
	drain(w);
	FAKE_EXPECT_ONCE(test, w, "cl.close_af_complete 0");
	KUNIT_EXPECT_EQ(test, released('l', w), 1);		/* the client's AF context */
	KUNIT_EXPECT_EQ(test, released('c', w), 2);		/* ... and the CM's */
	KUNIT_EXPECT_EQ(test, nr_releases, mcm ? 4 : 5);
	w->cl_af = NULL;
}

/* A create that fails keeps no context of its caller: it stays the caller's. */
static void ctx_of_a_failed_call_is_not_released(struct kunit *test)
{
	struct fake_world *w = recording_world(test);
	struct condis_sap *sap = NULL;
	struct condis_vc *vc = NULL;
	struct fake_sap_addr a;

	w->cm.create_vc = -ENOMEM;
	KUNIT_EXPECT_EQ(test, condis_co_create_vc(w->cl_binding, w->cl_af, &tok_vc, &vc), -ENOMEM);
	drain(w);
	KUNIT_EXPECT_EQ(test, released('l', &tok_vc), 0);
	KUNIT_EXPECT_EQ(test, released('c', NULL), 0);		/* its create_vc failed */
	/* The miniport's create_vc succeeded: its context was kept, then released. */
	KUNIT_EXPECT_EQ(test, released('m', w), w->kind == FAKE_MCM ? 0 : 1);

	w->cm.register_sap = -EIO;
	fake_sap_addr(&a, 7);
	KUNIT_EXPECT_EQ(test, condis_cl_register_sap(w->cl_af, &tok_sap, &a.addr, &sap), -EIO);
	drain(w);
	KUNIT_EXPECT_EQ(test, released('l', &tok_sap), 0);
}

/*
 * A second (refused) successful completion of a pended open: its context
 * is not kept and is released at once; the first one's goes with the AF.
 */
static void ctx_of_a_refused_completion_is_released_at_once(struct kunit *test)
{
	struct fake_world *w = recorded_world(test);

	w->cm.open_af = CONDIS_PENDING;
	KUNIT_ASSERT_EQ(test, condis_cl_open_af(w->cl_binding, &w->af_type, w, &w->cl_af),
			CONDIS_PENDING);
	condis_cm_open_af_complete(0, w->cm_last_af, w);
	fake_world_settle(w);
	FAKE_EXPECT_ONCE(test, w, "cl.open_af_complete 0");
	condis_cm_open_af_complete(0, w->cm_last_af, &tok_second);
	drain(w);
	KUNIT_EXPECT_EQ(test, released('c', &tok_second), 1);
	KUNIT_EXPECT_EQ(test, nr_releases, 1);
	FAKE_EXPECT_ONCE(test, w, "cl.open_af_complete 0");

	KUNIT_ASSERT_EQ(test, condis_cl_close_af(w->cl_af), CONDIS_PENDING);
	drain(w);
	KUNIT_EXPECT_EQ(test, released('c', w), 1);
	KUNIT_EXPECT_EQ(test, released('c', &tok_second), 1);
	w->cl_af = NULL;
}

/* condis_driver_priv(): the priv the client or CM of a handle registered with. */
static void driver_priv_names_the_drivers_of_a_handle(struct kunit *test)
{
	struct fake_world *w = recording_world(test);
	struct condis_vc *vc = NULL;

	KUNIT_EXPECT_PTR_EQ(test, condis_driver_priv(w->cl_af, false), (void *)w);
	KUNIT_EXPECT_PTR_EQ(test, condis_driver_priv(w->cl_af, true), (void *)w);
	KUNIT_ASSERT_EQ(test, condis_co_create_vc(w->cl_binding, w->cl_af, &tok_vc, &vc), 0);
	KUNIT_EXPECT_PTR_EQ(test, condis_driver_priv(vc, false), (void *)w);
	KUNIT_EXPECT_PTR_EQ(test, condis_driver_priv(vc, true), (void *)w);
	KUNIT_EXPECT_EQ(test, condis_co_delete_vc(vc), 0);
	/* A stale handle, and something that is no handle. */
	KUNIT_EXPECT_NULL(test, condis_driver_priv(vc, false));
	KUNIT_EXPECT_NULL(test, condis_driver_priv(&tok_vc, true));
}

static struct kunit_case condis_ctx_release_cases[] = {
	KUNIT_CASE_PARAM(binding_ctx_released_once_after_the_binding_is_freed,
			 fake_kind_gen_params),
	KUNIT_CASE_PARAM(ctx_released_once_after_its_object_is_freed, fake_kind_gen_params),
	KUNIT_CASE_PARAM(ctx_of_a_failed_call_is_not_released, fake_kind_gen_params),
	KUNIT_CASE_PARAM(ctx_of_a_refused_completion_is_released_at_once, fake_kind_gen_params),
	KUNIT_CASE_PARAM(driver_priv_names_the_drivers_of_a_handle, fake_kind_gen_params),
	{}
};

static struct kunit_suite condis_ctx_release_suite = {
	.name = "condis_ctx_release",
	.test_cases = condis_ctx_release_cases,
};

kunit_test_suite(condis_ctx_release_suite);
