// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "condis_core": the module-level services every later object
 * relies on: the core's workqueue and its debugfs directory.
 */
#include <kunit/test.h>
#include <linux/atomic.h>
#include <linux/completion.h>
#include <linux/debugfs.h>
#include <linux/delay.h>
#include <linux/workqueue.h>

#include "core.h"

struct core_work_probe {
	struct work_struct work;
	struct completion done;
	atomic_t runs;
	unsigned int delay_ms;
};

static void core_work_probe_fn(struct work_struct *work)
{
	struct core_work_probe *probe = container_of(work, struct core_work_probe, work);

	if (probe->delay_ms)
		msleep(probe->delay_ms);
	atomic_inc(&probe->runs);
	complete(&probe->done);
}

static struct core_work_probe *core_work_probe_new(struct kunit *test, unsigned int delay_ms)
{
	struct core_work_probe *probe = kunit_kzalloc(test, sizeof(*probe), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, probe);
	INIT_WORK(&probe->work, core_work_probe_fn);
	init_completion(&probe->done);
	probe->delay_ms = delay_ms;
	return probe;
}

/* The core's workqueue exists while condis is loaded and runs work exactly once. */
static void condis_core_workqueue_runs_work_once(struct kunit *test)
{
	struct workqueue_struct *wq = condis_wq_get();
	struct core_work_probe *probe = core_work_probe_new(test, 0);
	bool again;

	KUNIT_ASSERT_NOT_NULL(test, wq);
	KUNIT_EXPECT_TRUE(test, queue_work(wq, &probe->work));
	/*
	 * Queueing an item that is still pending is a no-op; once it has
	 * started it may be queued again.  Either way: one run per queueing.
	 */
	again = queue_work(wq, &probe->work);
	KUNIT_ASSERT_GT(test, wait_for_completion_timeout(&probe->done, 10 * HZ), 0UL);
	flush_workqueue(wq);
	KUNIT_EXPECT_EQ(test, atomic_read(&probe->runs), again ? 2 : 1);
}

/* Flushing the core's workqueue waits for work that is still running. */
static void condis_core_workqueue_flush_waits(struct kunit *test)
{
	struct workqueue_struct *wq = condis_wq_get();
	struct core_work_probe *probe = core_work_probe_new(test, 50);

	KUNIT_ASSERT_NOT_NULL(test, wq);
	queue_work(wq, &probe->work);
	flush_workqueue(wq);
	KUNIT_EXPECT_EQ(test, atomic_read(&probe->runs), 1);
	KUNIT_EXPECT_TRUE(test, completion_done(&probe->done));
}

/* /sys/kernel/debug/condis exists and holds the version file. */
static void condis_core_debugfs_has_version(struct kunit *test)
{
	struct dentry *root = condis_debugfs_root();
	struct dentry *version;

	if (IS_ERR_OR_NULL(root))
		kunit_skip(test, "debugfs is not available in this kernel");

	version = debugfs_lookup("version", root);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, version);
	dput(version);
}

static struct kunit_case condis_core_cases[] = {
	KUNIT_CASE(condis_core_workqueue_runs_work_once),
	KUNIT_CASE(condis_core_workqueue_flush_waits),
	KUNIT_CASE(condis_core_debugfs_has_version),
	{}
};

static struct kunit_suite condis_core_suite = {
	.name = "condis_core",
	.test_cases = condis_core_cases,
};

kunit_test_suite(condis_core_suite);
