// SPDX-License-Identifier: GPL-2.0
/*
 * Provokes kernel reports on purpose, for the harness self-test only:
 *
 *   insmod condis_harness_provoke.ko provoke=lockdep   AB-BA lock order
 *   insmod condis_harness_provoke.ko provoke=kasan     slab out-of-bounds read
 *   insmod condis_harness_provoke.ko provoke=warn      WARN_ON(1)
 *
 * Each report must be caught by tools/check/scan-log, or the self-test fails.
 */
#include <linux/bug.h>
#include <linux/compiler.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/string.h>

static char *provoke = "";
module_param(provoke, charp, 0444);
MODULE_PARM_DESC(provoke, "report to provoke at load: lockdep, kasan or warn");

static DEFINE_MUTEX(harness_lock_a);	/* protects nothing: lock-order bait */
static DEFINE_MUTEX(harness_lock_b);	/* protects nothing: lock-order bait */

static void harness_provoke_lockdep(void)
{
	mutex_lock(&harness_lock_a);
	mutex_lock(&harness_lock_b);
	mutex_unlock(&harness_lock_b);
	mutex_unlock(&harness_lock_a);

	/* The reverse order: lockdep reports a possible circular dependency. */
	mutex_lock(&harness_lock_b);
	mutex_lock(&harness_lock_a);
	mutex_unlock(&harness_lock_a);
	mutex_unlock(&harness_lock_b);
}

static void harness_provoke_kasan(void)
{
	size_t size = 16;
	char *buf;

	buf = kmalloc(size, GFP_KERNEL);
	if (!buf)
		return;
	/* Hide the index from the compiler so it cannot see the overflow. */
	OPTIMIZER_HIDE_VAR(size);
	pr_info("harness: read past the end: %d\n", READ_ONCE(buf[size]));
	kfree(buf);
}

static int __init harness_provoke_init(void)
{
	if (!strcmp(provoke, "lockdep"))
		harness_provoke_lockdep();
	else if (!strcmp(provoke, "kasan"))
		harness_provoke_kasan();
	else if (!strcmp(provoke, "warn"))
		WARN_ON(1);
	else
		return -EINVAL;
	return 0;
}

static void __exit harness_provoke_exit(void)
{
}

module_init(harness_provoke_init);
module_exit(harness_provoke_exit);

MODULE_DESCRIPTION("condis harness self-test: provokes lockdep, KASAN and WARN reports");
MODULE_LICENSE("GPL");
