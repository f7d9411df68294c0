// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "condis_pending": the exactly-once operation slot
 * (cond/pending.h), the settle waitqueue teardown sleeps on, and the
 * handle prologue, each rule on its own, on an owner object of the test's.
 */
#include <kunit/test.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/workqueue.h>
#include <net/condis.h>

#include "core.h"
#include "pending.h"

#define PEND_OP		1	/* the test's operations */
#define PEND_OTHER_OP	2

struct pend_owner {
	struct condis_obj obj;		/* first: the handle points here */
	spinlock_t lock;		/* protects p and the fields below */
	struct condis_pending p;
	unsigned int delivered;
	int delivered_status;
	bool delivered_by_worker;	/* from a workqueue worker */
	unsigned int ref_before_end;	/* owner's references in deliver */
	unsigned int ref_after_end;
	struct delayed_work end_later;	/* ends the operation from elsewhere */
	unsigned int done_calls;	/* settle_wait's condition ran */
};

static void pend_release(struct condis_obj *obj)
{
	kfree(container_of(obj, struct pend_owner, obj));
}

static void pend_deliver(struct condis_pending *p)
{
	struct pend_owner *o = container_of(p, struct pend_owner, p);

	spin_lock_bh(&o->lock);
	o->delivered++;
	o->delivered_status = p->status;
	o->delivered_by_worker = !!(current->flags & PF_WQ_WORKER);
	o->ref_before_end = kref_read(&o->obj.ref);
	condis_pending_end(p);
	o->ref_after_end = kref_read(&o->obj.ref);
	spin_unlock_bh(&o->lock);
}

static void pend_end_later_fn(struct work_struct *work)
{
	struct pend_owner *o = container_of(to_delayed_work(work), struct pend_owner, end_later);

	spin_lock_bh(&o->lock);
	condis_pending_returned(&o->p, 0, "test");
	condis_pending_end(&o->p);
	spin_unlock_bh(&o->lock);
}

static void pend_owner_exit(void *data)
{
	struct pend_owner *o = data;

	cancel_delayed_work_sync(&o->end_later);
	flush_workqueue(condis_wq_get());
	condis_obj_put(&o->obj);
}

/* A published owner with an idle slot; freed when the test ends. */
static struct pend_owner *pend_owner_new(struct kunit *test)
{
	struct pend_owner *o = kzalloc(sizeof(*o), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, o);
	condis_obj_init(&o->obj, CONDIS_OBJ_SAP, pend_release);
	spin_lock_init(&o->lock);
	condis_pending_init(&o->p, &o->lock, &o->obj, pend_deliver);
	INIT_DELAYED_WORK(&o->end_later, pend_end_later_fn);
	KUNIT_ASSERT_EQ(test, condis_obj_publish(&o->obj), 0);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, pend_owner_exit, o), 0);
	return o;
}

static bool pend_start(struct pend_owner *o, unsigned int op)
{
	bool ok;

	spin_lock_bh(&o->lock);
	ok = condis_pending_start(&o->p, op);
	spin_unlock_bh(&o->lock);
	return ok;
}

static int pend_returned(struct pend_owner *o, int ret)
{
	spin_lock_bh(&o->lock);
	ret = condis_pending_returned(&o->p, ret, "test handler");
	if (ret != CONDIS_PENDING)
		condis_pending_end(&o->p);	/* the caller's synchronous finish */
	spin_unlock_bh(&o->lock);
	return ret;
}

/* A driver's completion: accepted ones are queued for delivery. */
static bool pend_complete(struct pend_owner *o, unsigned int op, int status)
{
	bool ok;

	spin_lock_bh(&o->lock);
	ok = condis_pending_complete(&o->p, op, status, "test completion");
	spin_unlock_bh(&o->lock);
	if (ok)
		condis_pending_queue(&o->p);
	return ok;
}

static unsigned int pend_busy(struct pend_owner *o)
{
	unsigned int op;

	spin_lock_bh(&o->lock);
	op = condis_pending_busy(&o->p);
	spin_unlock_bh(&o->lock);
	return op;
}

static unsigned int pend_delivered(struct pend_owner *o)
{
	flush_workqueue(condis_wq_get());
	return o->delivered;
}

static void pending_admits_one_operation_at_a_time(struct kunit *test)
{
	struct pend_owner *o = pend_owner_new(test);

	KUNIT_EXPECT_TRUE(test, pend_start(o, PEND_OP));
	KUNIT_EXPECT_FALSE(test, pend_start(o, PEND_OTHER_OP));
	KUNIT_EXPECT_EQ(test, pend_busy(o), PEND_OP);
	KUNIT_EXPECT_EQ(test, pend_returned(o, 0), 0);
	KUNIT_EXPECT_TRUE(test, pend_start(o, PEND_OTHER_OP));
	KUNIT_EXPECT_EQ(test, pend_busy(o), PEND_OTHER_OP);
	KUNIT_EXPECT_EQ(test, pend_returned(o, 0), 0);
}

static void pending_synchronous_answer_ends_without_delivery(struct kunit *test)
{
	struct pend_owner *o = pend_owner_new(test);

	KUNIT_ASSERT_TRUE(test, pend_start(o, PEND_OP));
	KUNIT_EXPECT_EQ(test, pend_returned(o, -EIO), -EIO);
	KUNIT_EXPECT_EQ(test, pend_busy(o), 0U);
	KUNIT_EXPECT_EQ(test, pend_delivered(o), 0U);
	/* The answer was the return value: no completion may follow. */
	KUNIT_EXPECT_FALSE(test, pend_complete(o, PEND_OP, 0));
	KUNIT_EXPECT_EQ(test, pend_delivered(o), 0U);
}

static void pending_synchronous_answer_delivered_like_a_completion(struct kunit *test)
{
	struct pend_owner *o = pend_owner_new(test);
	int ret;

	/* condis_pending_answer(): the caller delivers it from the workqueue. */
	KUNIT_ASSERT_TRUE(test, pend_start(o, PEND_OP));
	spin_lock_bh(&o->lock);
	ret = condis_pending_returned(&o->p, -EIO, "test handler");
	if (ret != CONDIS_PENDING)
		condis_pending_answer(&o->p, ret);
	spin_unlock_bh(&o->lock);
	KUNIT_EXPECT_EQ(test, ret, -EIO);
	/* Answered: no completion is taken for it any more. */
	KUNIT_EXPECT_FALSE(test, pend_complete(o, PEND_OP, 0));
	condis_pending_queue(&o->p);
	KUNIT_EXPECT_EQ(test, pend_delivered(o), 1U);
	KUNIT_EXPECT_EQ(test, o->delivered_status, -EIO);
	KUNIT_EXPECT_TRUE(test, o->delivered_by_worker);
	KUNIT_EXPECT_EQ(test, pend_busy(o), 0U);
}

static void pending_completion_delivered_once_from_workqueue(struct kunit *test)
{
	struct pend_owner *o = pend_owner_new(test);

	KUNIT_ASSERT_TRUE(test, pend_start(o, PEND_OP));
	KUNIT_EXPECT_EQ(test, pend_returned(o, CONDIS_PENDING), CONDIS_PENDING);
	KUNIT_EXPECT_EQ(test, pend_delivered(o), 0U);
	KUNIT_EXPECT_TRUE(test, pend_complete(o, PEND_OP, -EIO));
	KUNIT_EXPECT_EQ(test, pend_delivered(o), 1U);
	KUNIT_EXPECT_EQ(test, o->delivered_status, -EIO);
	KUNIT_EXPECT_TRUE(test, o->delivered_by_worker);
	KUNIT_EXPECT_EQ(test, pend_busy(o), 0U);
}

static void pending_second_completion_is_refused(struct kunit *test)
{
	struct pend_owner *o = pend_owner_new(test);
	bool first, second;

	KUNIT_ASSERT_TRUE(test, pend_start(o, PEND_OP));
	KUNIT_EXPECT_EQ(test, pend_returned(o, CONDIS_PENDING), CONDIS_PENDING);
	/* Both under one hold of the lock: no delivery in between. */
	spin_lock_bh(&o->lock);
	first = condis_pending_complete(&o->p, PEND_OP, 0, "first");
	second = condis_pending_complete(&o->p, PEND_OP, -EIO, "second");
	spin_unlock_bh(&o->lock);
	KUNIT_EXPECT_TRUE(test, first);
	KUNIT_EXPECT_FALSE(test, second);
	condis_pending_queue(&o->p);
	KUNIT_EXPECT_EQ(test, pend_delivered(o), 1U);
	KUNIT_EXPECT_EQ(test, o->delivered_status, 0);
	/* And once delivered, still refused. */
	KUNIT_EXPECT_FALSE(test, pend_complete(o, PEND_OP, 0));
	KUNIT_EXPECT_EQ(test, pend_delivered(o), 1U);
}

static void pending_completion_of_another_or_no_operation_is_refused(struct kunit *test)
{
	struct pend_owner *o = pend_owner_new(test);

	KUNIT_EXPECT_FALSE(test, pend_complete(o, PEND_OP, 0));	/* none in flight */
	KUNIT_ASSERT_TRUE(test, pend_start(o, PEND_OP));
	KUNIT_EXPECT_EQ(test, pend_returned(o, CONDIS_PENDING), CONDIS_PENDING);
	KUNIT_EXPECT_FALSE(test, pend_complete(o, PEND_OTHER_OP, 0));
	KUNIT_EXPECT_FALSE(test, pend_complete(o, 0, 0));
	KUNIT_EXPECT_EQ(test, pend_delivered(o), 0U);
	KUNIT_EXPECT_TRUE(test, pend_complete(o, PEND_OP, 0));
	KUNIT_EXPECT_EQ(test, pend_delivered(o), 1U);
}

static void pending_status_returned_after_completion_is_ignored(struct kunit *test)
{
	struct pend_owner *o = pend_owner_new(test);

	/* The driver completes inside its handler, then returns a status too. */
	KUNIT_ASSERT_TRUE(test, pend_start(o, PEND_OP));
	KUNIT_EXPECT_TRUE(test, pend_complete(o, PEND_OP, -EIO));
	KUNIT_EXPECT_EQ(test, pend_returned(o, 0), CONDIS_PENDING);
	KUNIT_EXPECT_EQ(test, pend_delivered(o), 1U);
	KUNIT_EXPECT_EQ(test, o->delivered_status, -EIO);
	KUNIT_EXPECT_EQ(test, pend_busy(o), 0U);
}

static void pending_status_returned_after_delivery_is_ignored(struct kunit *test)
{
	struct pend_owner *o = pend_owner_new(test);
	int ret, ret_op;

	/* The completion is delivered, ending the operation, before the handler returns. */
	KUNIT_ASSERT_TRUE(test, pend_start(o, PEND_OP));
	KUNIT_EXPECT_TRUE(test, pend_complete(o, PEND_OP, -EIO));
	KUNIT_EXPECT_EQ(test, pend_delivered(o), 1U);
	spin_lock_bh(&o->lock);
	ret_op = condis_pending_returned_op(&o->p, PEND_OP, 0, "test");
	ret = condis_pending_returned(&o->p, 0, "test");
	spin_unlock_bh(&o->lock);
	KUNIT_EXPECT_EQ(test, ret_op, CONDIS_PENDING);
	KUNIT_EXPECT_EQ(test, ret, CONDIS_PENDING);
	/* Nor when the slot already runs the next operation. */
	KUNIT_ASSERT_TRUE(test, pend_start(o, PEND_OTHER_OP));
	spin_lock_bh(&o->lock);
	ret_op = condis_pending_returned_op(&o->p, PEND_OP, 0, "test");
	spin_unlock_bh(&o->lock);
	KUNIT_EXPECT_EQ(test, ret_op, CONDIS_PENDING);
	KUNIT_EXPECT_EQ(test, pend_busy(o), PEND_OTHER_OP);
	KUNIT_EXPECT_EQ(test, pend_returned(o, 0), 0);
	KUNIT_EXPECT_EQ(test, pend_delivered(o), 1U);
}

static void pending_completion_status_pending_becomes_einval(struct kunit *test)
{
	struct pend_owner *o = pend_owner_new(test);

	KUNIT_ASSERT_TRUE(test, pend_start(o, PEND_OP));
	KUNIT_EXPECT_EQ(test, pend_returned(o, CONDIS_PENDING), CONDIS_PENDING);
	KUNIT_EXPECT_TRUE(test, pend_complete(o, PEND_OP, CONDIS_PENDING));
	KUNIT_EXPECT_EQ(test, pend_delivered(o), 1U);
	KUNIT_EXPECT_EQ(test, o->delivered_status, -EINVAL);
}

static void pending_holds_owner_reference_until_delivery_ended(struct kunit *test)
{
	struct pend_owner *o = pend_owner_new(test);

	KUNIT_EXPECT_EQ(test, kref_read(&o->obj.ref), 1U);
	KUNIT_ASSERT_TRUE(test, pend_start(o, PEND_OP));
	KUNIT_EXPECT_EQ(test, kref_read(&o->obj.ref), 2U);
	KUNIT_EXPECT_EQ(test, pend_returned(o, CONDIS_PENDING), CONDIS_PENDING);
	KUNIT_EXPECT_EQ(test, kref_read(&o->obj.ref), 2U);
	KUNIT_EXPECT_TRUE(test, pend_complete(o, PEND_OP, 0));
	KUNIT_EXPECT_EQ(test, pend_delivered(o), 1U);
	/* Delivery held the operation's reference (and its own) until it ended. */
	KUNIT_EXPECT_EQ(test, o->ref_before_end, 3U);
	KUNIT_EXPECT_EQ(test, o->ref_after_end, 2U);
	KUNIT_EXPECT_EQ(test, kref_read(&o->obj.ref), 1U);

	/* A synchronous answer drops it when the caller ends the operation. */
	KUNIT_ASSERT_TRUE(test, pend_start(o, PEND_OP));
	KUNIT_EXPECT_EQ(test, kref_read(&o->obj.ref), 2U);
	KUNIT_EXPECT_EQ(test, pend_returned(o, 0), 0);
	KUNIT_EXPECT_EQ(test, kref_read(&o->obj.ref), 1U);
}

static bool pend_idle(void *arg)
{
	struct pend_owner *o = arg;

	o->done_calls++;
	return !pend_busy(o);
}

static bool pend_never(void *arg)
{
	struct pend_owner *o = arg;

	o->done_calls++;
	return false;
}

static void settle_wait_returns_when_pending_end_runs(struct kunit *test)
{
	struct pend_owner *o = pend_owner_new(test);
	unsigned long start;

	KUNIT_ASSERT_TRUE(test, pend_start(o, PEND_OP));
	queue_delayed_work(system_wq, &o->end_later, msecs_to_jiffies(100));
	start = jiffies;
	KUNIT_EXPECT_TRUE(test, condis_settle_wait(pend_idle, o, 10 * HZ));
	/* Woken by condis_pending_end(), long before the timeout. */
	KUNIT_EXPECT_LT(test, jiffies - start, (unsigned long)(5 * HZ));
	KUNIT_EXPECT_EQ(test, pend_busy(o), 0U);
	/* A few checks (start, each wake, the end), not one per poll. */
	KUNIT_EXPECT_LE(test, o->done_calls, 5U);
}

static void settle_wait_times_out_false_without_polling(struct kunit *test)
{
	struct pend_owner *o = pend_owner_new(test);
	unsigned long timeout = msecs_to_jiffies(300), start = jiffies;

	KUNIT_EXPECT_FALSE(test, condis_settle_wait(pend_never, o, timeout));
	KUNIT_EXPECT_GE(test, jiffies - start, timeout);
	/* Nothing woke it: the condition ran at the start and the end only. */
	KUNIT_EXPECT_LE(test, o->done_calls, 4U);
}

static void handle_get_refuses_null_stale_and_wrong_type_handles(struct kunit *test)
{
	struct pend_owner *o = pend_owner_new(test);
	struct condis_obj *obj;

	obj = condis_handle_get(o, CONDIS_OBJ_SAP, "test");
	KUNIT_EXPECT_PTR_EQ(test, obj, &o->obj);
	KUNIT_EXPECT_EQ(test, kref_read(&o->obj.ref), 2U);
	if (obj)
		condis_obj_put(obj);

	KUNIT_EXPECT_NULL(test, condis_handle_get(NULL, CONDIS_OBJ_SAP, "test"));
	KUNIT_EXPECT_NULL(test, condis_handle_get(o, CONDIS_OBJ_AF, "test"));
	condis_obj_unpublish(&o->obj);
	KUNIT_EXPECT_NULL(test, condis_handle_get(o, CONDIS_OBJ_SAP, "test"));
	/* A refused handle took no reference. */
	KUNIT_EXPECT_EQ(test, kref_read(&o->obj.ref), 1U);
}

static struct kunit_case condis_pending_cases[] = {
	KUNIT_CASE(pending_admits_one_operation_at_a_time),
	KUNIT_CASE(pending_synchronous_answer_ends_without_delivery),
	KUNIT_CASE(pending_synchronous_answer_delivered_like_a_completion),
	KUNIT_CASE(pending_completion_delivered_once_from_workqueue),
	KUNIT_CASE(pending_second_completion_is_refused),
	KUNIT_CASE(pending_completion_of_another_or_no_operation_is_refused),
	KUNIT_CASE(pending_status_returned_after_completion_is_ignored),
	KUNIT_CASE(pending_status_returned_after_delivery_is_ignored),
	KUNIT_CASE(pending_completion_status_pending_becomes_einval),
	KUNIT_CASE(pending_holds_owner_reference_until_delivery_ended),
	KUNIT_CASE(settle_wait_returns_when_pending_end_runs),
	KUNIT_CASE(settle_wait_times_out_false_without_polling),
	KUNIT_CASE(handle_get_refuses_null_stale_and_wrong_type_handles),
	{}
};

static struct kunit_suite condis_pending_suite = {
	.name = "condis_pending",
	.test_cases = condis_pending_cases,
};

kunit_test_suite(condis_pending_suite);
