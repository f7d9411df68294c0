// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "condis_status": status indications from a CO miniport reach
 * every binding (adapter status) or only the protocols sharing a VC (VC
 * status), one at a time per binding even when indicated from several CPUs
 * at once, and none once the adapter is gone.
 */
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/kthread.h>

#include "fake_roles.h"

#define MEDIA_CONNECT	CONDIS_STATUS_MEDIA_CONNECT

static struct fake_world *status_world(struct kunit *test)
{
	const enum fake_cm_kind *kind = test->param_value;
	struct fake_world *w = fake_world_new(test, *kind);

	KUNIT_ASSERT_EQ(test, fake_world_open_af(w), 0);
	return w;
}

static int indicate(struct fake_world *w, struct condis_vc *vc, int code)
{
	struct condis_status_indication ind = {
		.code = code, .buf = &code, .len = sizeof(code),
	};

	return condis_mco_indicate_status(w->adapter, vc, &ind);
}

/* An adapter status reaches every protocol bound to the adapter, once. */
static void status_for_adapter_reaches_every_binding(struct kunit *test)
{
	struct fake_world *w = status_world(test);

	KUNIT_EXPECT_EQ(test, indicate(w, NULL, MEDIA_CONNECT), 0);
	FAKE_EXPECT_ONCE(test, w, "cl.co_status 0x4001000b vc=0");
	if (w->kind == FAKE_STANDALONE_CM)
		FAKE_EXPECT_ONCE(test, w, "cmp.co_status 0x4001000b vc=0");
	else
		FAKE_EXPECT_NONE(test, w, "cmp.co_status");	/* an MCM is no binding */
}

/* A VC status reaches only the protocols sharing the VC, with their VC contexts. */
static void status_for_vc_reaches_only_its_sharers(struct kunit *test)
{
	struct fake_world *w = status_world(test);
	struct condis_vc *vc, *sig;

	KUNIT_ASSERT_EQ(test, condis_co_create_vc(w->cl_binding, w->cl_af, w, &vc), 0);
	KUNIT_EXPECT_EQ(test, indicate(w, vc, MEDIA_CONNECT), 0);
	FAKE_EXPECT_ONCE(test, w, "cl.co_status 0x4001000b vc=1");
	if (w->kind == FAKE_STANDALONE_CM) {
		FAKE_EXPECT_ONCE(test, w, "cmp.co_status 0x4001000b vc=1");
		/* A signalling VC is the CM's alone. */
		KUNIT_ASSERT_EQ(test, condis_co_create_vc(w->cm_binding, NULL, w, &sig), 0);
		KUNIT_EXPECT_EQ(test, indicate(w, sig, MEDIA_CONNECT + 1), 0);
		FAKE_EXPECT_ONCE(test, w, "cmp.co_status 0x4001000c vc=1");
		FAKE_EXPECT_NONE(test, w, "cl.co_status 0x4001000c");
		KUNIT_EXPECT_EQ(test, condis_co_delete_vc(sig), 0);
	} else {
		FAKE_EXPECT_NONE(test, w, "cmp.co_status");
	}
	KUNIT_EXPECT_EQ(test, condis_co_delete_vc(vc), 0);
}

struct status_thread {
	struct fake_world *w;
	struct completion go, done;
	int base;
};

#define STATUS_PER_THREAD	300

static int status_thread_fn(void *data)
{
	struct status_thread *t = data;
	int i;

	wait_for_completion(&t->go);
	for (i = 0; i < STATUS_PER_THREAD; i++)
		indicate(t->w, NULL, t->base + i);
	complete(&t->done);
	return 0;
}

/*
 * NDIS serialises indications per binding: indicated from two CPUs at
 * once, each binding still sees one at a time, each with its own data,
 * and sees all of them.
 */
static void status_is_serialised_per_binding(struct kunit *test)
{
	struct fake_world *w = fake_world_new(test, FAKE_STANDALONE_CM);
	struct status_thread t[2];
	int i;

	w->status_slow = true;
	for (i = 0; i < 2; i++) {
		t[i].w = w;
		t[i].base = 0x1000 * (i + 1);
		init_completion(&t[i].go);
		init_completion(&t[i].done);
		KUNIT_ASSERT_FALSE(test, IS_ERR(kthread_run(status_thread_fn, &t[i], "status%d",
							    i)));
	}
	for (i = 0; i < 2; i++)
		complete(&t[i].go);
	for (i = 0; i < 2; i++)
		wait_for_completion(&t[i].done);
	KUNIT_EXPECT_EQ(test, atomic_read(&w->status_overlaps), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&w->cl_status_seen), 2 * STATUS_PER_THREAD);
	KUNIT_EXPECT_EQ(test, atomic_read(&w->cm_status_seen), 2 * STATUS_PER_THREAD);
}

/* Bad indications, and any once the adapter is gone, are refused; nothing arrives. */
static void status_refused_when_bad_or_adapter_gone(struct kunit *test)
{
	struct fake_world *w = status_world(test);
	struct condis_status_indication big = { .code = 1, .buf = w, .len = 4096 };

	KUNIT_EXPECT_EQ(test, condis_mco_indicate_status(NULL, NULL, &big), -EBADF);
	KUNIT_EXPECT_EQ(test, condis_mco_indicate_status(w->adapter, NULL, &big), -EINVAL);
	KUNIT_EXPECT_EQ(test, condis_mco_indicate_status(w->adapter, NULL, NULL), -EINVAL);
	w->cm.close_af = 0;
	w->unbinding = true;	/* the client closes its AF, then its binding */
	condis_adapter_unregister(w->adapter);
	KUNIT_EXPECT_EQ(test, indicate(w, NULL, MEDIA_CONNECT), -EBADF);
	FAKE_EXPECT_NONE(test, w, "cl.co_status");
	FAKE_EXPECT_NONE(test, w, "cmp.co_status");
}

static struct kunit_case condis_status_cases[] = {
	KUNIT_CASE_PARAM(status_for_adapter_reaches_every_binding, fake_kind_gen_params),
	KUNIT_CASE_PARAM(status_for_vc_reaches_only_its_sharers, fake_kind_gen_params),
	KUNIT_CASE(status_is_serialised_per_binding),
	KUNIT_CASE_PARAM(status_refused_when_bad_or_adapter_gone, fake_kind_gen_params),
	{}
};

static struct kunit_suite condis_status_suite = {
	.name = "condis_status",
	.test_cases = condis_status_cases,
};

kunit_test_suite(condis_status_suite);
