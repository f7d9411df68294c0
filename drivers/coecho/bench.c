// SPDX-License-Identifier: GPL-2.0
/*
 * The call-rate benchmark (ctl "bench", "listen_many"): callers in kernel
 * threads place a call, wait for it to connect, close it, and again; the
 * set-up latency of each call (make-call to connected) is recorded.  The
 * last result is in /sys/kernel/debug/coecho/bench.  A tool that prints
 * figures, not a test: see Documentation/conic.rst.
 */
#include <linux/kthread.h>
#include <linux/ktime.h>
#include <linux/mutex.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <linux/vmalloc.h>

#include "coecho.h"

#define COECHO_BENCH_ID		3000000	/* call ids the benchmark uses */
#define COECHO_BENCH_MAX_CALLS	100000
#define COECHO_BENCH_MAX_CALLERS	16

/**
 * struct coecho_bench_run - one benchmark run
 * @adapter: where the calls are placed from
 * @name: the service they call
 * @calls: how many in all
 * @next: the next call's index
 * @lat: set-up latency of each call, ns
 * @err: the first error a caller met
 * @running: callers still running
 * @done: the last caller finished
 */
struct coecho_bench_run {
	const char *adapter;
	const char *name;
	u32 calls;
	atomic_t next;
	u64 *lat;
	int err;
	atomic_t running;
	struct completion done;
};

/* Serialises runs and protects coecho_bench_result. */
static DEFINE_MUTEX(coecho_bench_lock);
static char coecho_bench_result[256] = "no run yet\n";

static int coecho_bench_caller(void *arg)
{
	struct coecho_bench_run *run = arg;
	int i, err;

	while ((i = atomic_inc_return(&run->next) - 1) < run->calls && !READ_ONCE(run->err)) {
		u64 t0 = ktime_get_ns();

		err = coecho_call_make(COECHO_BENCH_ID + i, run->adapter, run->name,
				       COECHO_RATE_ANY, false);
		run->lat[i] = ktime_get_ns() - t0;
		if (!err)
			err = coecho_call_close(COECHO_BENCH_ID + i);
		if (err) {
			cmpxchg(&run->err, 0, err);
			break;
		}
	}
	if (atomic_dec_and_test(&run->running))
		complete(&run->done);
	return 0;
}

static int coecho_u64_cmp(const void *a, const void *b)
{
	u64 x = *(const u64 *)a, y = *(const u64 *)b;

	return x < y ? -1 : x > y;
}

/**
 * coecho_bench() - run the call-rate benchmark
 * @adapter: the adapter the calls are placed from
 * @name: the service they call
 * @calls: calls in all (1..100000)
 * @callers: concurrent callers (1..16)
 *
 * Context: process; sleeps until the run is over.
 * Return: 0, -EINVAL, -ENOMEM, or the first error a call met.
 */
int coecho_bench(const char *adapter, const char *name, u32 calls, u32 callers)
{
	struct coecho_bench_run run = {
		.adapter = adapter, .name = name, .calls = calls,
	};
	u64 start, elapsed;
	u32 i;

	if (!calls || calls > COECHO_BENCH_MAX_CALLS || !callers ||
	    callers > COECHO_BENCH_MAX_CALLERS || callers > calls)
		return -EINVAL;
	run.lat = vcalloc(calls, sizeof(*run.lat));
	if (!run.lat)
		return -ENOMEM;
	mutex_lock(&coecho_bench_lock);
	init_completion(&run.done);
	atomic_set(&run.running, callers);
	start = ktime_get_ns();
	for (i = 0; i < callers; i++) {
		struct task_struct *t;

		t = kthread_run(coecho_bench_caller, &run, "coecho-bench/%u", i);

		if (IS_ERR(t)) {
			cmpxchg(&run.err, 0, PTR_ERR(t));
			if (atomic_dec_and_test(&run.running))
				complete(&run.done);
		}
	}
	wait_for_completion(&run.done);
	elapsed = ktime_get_ns() - start;
	if (!run.err) {
		sort(run.lat, calls, sizeof(*run.lat), coecho_u64_cmp, NULL);
		snprintf(coecho_bench_result, sizeof(coecho_bench_result),
			 "callers=%u calls=%u elapsed_ms=%llu calls_per_s=%llu setup_p50_us=%llu setup_p99_us=%llu\n",
			 callers, calls, elapsed / NSEC_PER_MSEC,
			 div64_u64((u64)calls * NSEC_PER_SEC, elapsed ?: 1),
			 run.lat[calls / 2] / NSEC_PER_USEC,
			 run.lat[(u64)calls * 99 / 100] / NSEC_PER_USEC);
		pr_info("bench: %s", coecho_bench_result);
	} else {
		snprintf(coecho_bench_result, sizeof(coecho_bench_result),
			 "callers=%u calls=%u failed: %d\n", callers, calls, run.err);
	}
	mutex_unlock(&coecho_bench_lock);
	vfree(run.lat);
	return run.err;
}

/**
 * coecho_bench_listen_many() - register many SAPs (background for the
 *	benchmark)
 * @adapter: the adapter
 * @prefix: their names are PREFIX0, PREFIX1, ...
 * @n: how many (1..1000000)
 *
 * Context: process.
 * Return: 0, -EINVAL, or the first registration's error.
 */
int coecho_bench_listen_many(const char *adapter, const char *prefix, u32 n)
{
	char name[CONIC_SAP_NAME_MAX + 1];
	u32 i;
	int err;

	if (!n || n > 1000000 || strlen(prefix) > CONIC_SAP_NAME_MAX - 7)
		return -EINVAL;
	for (i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "%s%u", prefix, i);
		err = coecho_sap_listen(adapter, name);
		if (err)
			return err;
		cond_resched();
	}
	return 0;
}

/**
 * coecho_bench_show() - the last run's figures (debugfs "bench")
 * @m: where to
 * @v: unused
 *
 * Return: 0.
 */
int coecho_bench_show(struct seq_file *m, void *v)
{
	mutex_lock(&coecho_bench_lock);
	seq_puts(m, coecho_bench_result);
	mutex_unlock(&coecho_bench_lock);
	return 0;
}
