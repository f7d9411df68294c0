// SPDX-License-Identifier: GPL-2.0
/*
 * Provokes kernel reports on purpose, for the harness self-test only:
 *
 *   insmod condis_harness_provoke.ko provoke=lockdep   AB-BA lock order
 *   insmod condis_harness_provoke.ko provoke=kasan     slab out-of-bounds read
 *   insmod condis_harness_provoke.ko provoke=warn      WARN_ON(1)
 *   insmod condis_harness_provoke.ko provoke=fortify   a memcpy() across a
 *                                                      struct member's end
 *
 * Each report must be caught by tools/check/results, or the self-test fails.
 */
#include <linux/bug.h>
#include <linux/compiler.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/string.h>

static char *provoke = "";
module_param(provoke, charp, 0444);
MODULE_PARM_DESC(provoke, "report to provoke at load: lockdep, kasan, warn or fortify");

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

struct harness_fortify {
	struct {
		u8 type;
		u8 len;
		u8 bytes[2];
	} head;
	u8 tail[16];
};

/*
 * What cond/sap.c once did: one memcpy() over a member and what follows
 * it.  The object is big enough (no overflow), but FORTIFY_SOURCE checks
 * the member's size and WARNs ("detected field-spanning write").
 */
static void harness_provoke_fortify(void)
{
	u8 src[sizeof(((struct harness_fortify *)NULL)->head) + 4] = { 1, 4, 2, 3, 4, 5 };
	struct harness_fortify *f;
	size_t len = sizeof(src);

	f = kzalloc(sizeof(*f), GFP_KERNEL);
	if (!f)
		return;
	/* Hide the length so the check happens at run time, as in sap.c. */
	OPTIMIZER_HIDE_VAR(len);
	memcpy(&f->head, src, len);
	pr_info("harness: copied up to %u\n", READ_ONCE(f->tail[1]));
	kfree(f);
}

static int __init harness_provoke_init(void)
{
	if (!strcmp(provoke, "lockdep"))
		harness_provoke_lockdep();
	else if (!strcmp(provoke, "kasan"))
		harness_provoke_kasan();
	else if (!strcmp(provoke, "warn"))
		WARN_ON(1);
	else if (!strcmp(provoke, "fortify"))
		harness_provoke_fortify();
	else
		return -EINVAL;
	return 0;
}

static void __exit harness_provoke_exit(void)
{
}

module_init(harness_provoke_init);
module_exit(harness_provoke_exit);

MODULE_DESCRIPTION("condis harness self-test: provokes lockdep, KASAN, WARN and FORTIFY reports");
MODULE_LICENSE("GPL");
