// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "condis_sap_table": the SAP table's matching rule, uniqueness,
 * unpublishing, growth, and lock-free readers racing a writer.
 */
#include <kunit/test.h>
#include <linux/kthread.h>
#include <linux/rcupdate.h>
#include <linux/rhashtable.h>
#include <linux/sched/task.h>
#include <linux/slab.h>

#include "sap_table.h"

struct test_sap {
	struct list_head link;		/* in sap_table_ctx.saps */
	struct condis_sap_node sn;
	struct condis_sap_addr addr;	/* must be last: flexible address */
};

struct sap_table_ctx {
	struct condis_sap_table table;
	struct list_head saps;		/* every test_sap, freed after the table */
};

/*
 * Test SAPs are not KUnit allocations: KUnit would free them before the
 * table (actions unwind in reverse order) while the table's background
 * resize may still walk them.  The ctx frees them after the table.
 */
static struct condis_sap_table *test_table(struct kunit *test)
{
	return &((struct sap_table_ctx *)test->priv)->table;
}

static struct test_sap *test_sap_new(struct kunit *test, u32 type, const void *bytes, u32 len)
{
	struct sap_table_ctx *ctx = test->priv;
	struct test_sap *ts = kzalloc(sizeof(*ts) + len, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, ts);
	list_add(&ts->link, &ctx->saps);
	ts->addr.type = type;
	ts->addr.len = len;
	memcpy(ts->addr.addr, bytes, len);
	ts->sn.addr = &ts->addr;
	return ts;
}

static struct condis_sap_addr *test_addr(struct kunit *test, u32 type, const void *bytes, u32 len)
{
	return &test_sap_new(test, type, bytes, len)->addr;
}

static void sap_table_destroy_action(void *data)
{
	struct sap_table_ctx *ctx = data;
	struct test_sap *ts, *tmp;

	/* Stops the background resize and frees the buckets, not the nodes. */
	rhashtable_destroy(&ctx->table.ht);
	synchronize_rcu();
	list_for_each_entry_safe(ts, tmp, &ctx->saps, link)
		kfree(ts);
}

static int sap_table_test_init(struct kunit *test)
{
	struct sap_table_ctx *ctx = kunit_kzalloc(test, sizeof(*ctx), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, ctx);
	INIT_LIST_HEAD(&ctx->saps);
	KUNIT_ASSERT_EQ(test, condis_sap_table_init(&ctx->table), 0);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, sap_table_destroy_action, ctx), 0);
	test->priv = ctx;
	return 0;
}

static struct condis_sap_node *match(struct condis_sap_table *table,
				     const struct condis_sap_addr *addr)
{
	struct condis_sap_node *sn;

	rcu_read_lock();
	sn = condis_sap_table_match(table, addr);
	rcu_read_unlock();
	return sn;
}

static const u8 nsap_a[] = { 0x47, 0x00, 0x05, 0x80, 0xff, 0xe1 };
static const u8 nsap_b[] = { 0x47, 0x00, 0x05, 0x80, 0xff, 0xe2 };

static void condis_sap_table_exact_match_is_found(struct kunit *test)
{
	struct condis_sap_table *table = test_table(test);
	struct test_sap *a = test_sap_new(test, 1, nsap_a, sizeof(nsap_a));

	KUNIT_ASSERT_EQ(test, condis_sap_table_insert(table, &a->sn), 0);
	KUNIT_EXPECT_PTR_EQ(test, match(table, test_addr(test, 1, nsap_a, sizeof(nsap_a))), &a->sn);
	KUNIT_EXPECT_NULL(test, match(table, test_addr(test, 1, nsap_b, sizeof(nsap_b))));
	KUNIT_EXPECT_EQ(test, condis_sap_table_count(table), 1U);
}

static void condis_sap_table_duplicate_is_refused_and_changes_nothing(struct kunit *test)
{
	struct condis_sap_table *table = test_table(test);
	struct test_sap *a = test_sap_new(test, 1, nsap_a, sizeof(nsap_a));
	struct test_sap *dup = test_sap_new(test, 1, nsap_a, sizeof(nsap_a));

	KUNIT_ASSERT_EQ(test, condis_sap_table_insert(table, &a->sn), 0);
	KUNIT_EXPECT_EQ(test, condis_sap_table_insert(table, &dup->sn), -EADDRINUSE);
	KUNIT_EXPECT_EQ(test, condis_sap_table_count(table), 1U);
	KUNIT_EXPECT_PTR_EQ(test, match(table, &dup->addr), &a->sn);
}

static void condis_sap_table_type_and_length_are_part_of_the_key(struct kunit *test)
{
	struct condis_sap_table *table = test_table(test);
	struct test_sap *t1 = test_sap_new(test, 1, nsap_a, sizeof(nsap_a));
	struct test_sap *t2 = test_sap_new(test, 2, nsap_a, sizeof(nsap_a));
	struct test_sap *prefix = test_sap_new(test, 1, nsap_a, sizeof(nsap_a) - 1);

	KUNIT_ASSERT_EQ(test, condis_sap_table_insert(table, &t1->sn), 0);
	KUNIT_ASSERT_EQ(test, condis_sap_table_insert(table, &t2->sn), 0);
	KUNIT_ASSERT_EQ(test, condis_sap_table_insert(table, &prefix->sn), 0);
	KUNIT_EXPECT_PTR_EQ(test, match(table, &t1->addr), &t1->sn);
	KUNIT_EXPECT_PTR_EQ(test, match(table, &t2->addr), &t2->sn);
	KUNIT_EXPECT_PTR_EQ(test, match(table, &prefix->addr), &prefix->sn);
}

static void condis_sap_table_wildcard_matches_any_address_of_its_type(struct kunit *test)
{
	struct condis_sap_table *table = test_table(test);
	struct test_sap *any = test_sap_new(test, 7, NULL, 0);

	KUNIT_ASSERT_EQ(test, condis_sap_table_insert(table, &any->sn), 0);
	KUNIT_EXPECT_PTR_EQ(test, match(table, test_addr(test, 7, nsap_a, 6)), &any->sn);
	KUNIT_EXPECT_PTR_EQ(test, match(table, test_addr(test, 7, nsap_b, 3)), &any->sn);
	KUNIT_EXPECT_NULL(test, match(table, test_addr(test, 8, nsap_a, sizeof(nsap_a))));
}

static void condis_sap_table_exact_sap_beats_wildcard(struct kunit *test)
{
	struct condis_sap_table *table = test_table(test);
	struct test_sap *any = test_sap_new(test, 1, NULL, 0);
	struct test_sap *a = test_sap_new(test, 1, nsap_a, sizeof(nsap_a));

	KUNIT_ASSERT_EQ(test, condis_sap_table_insert(table, &any->sn), 0);
	KUNIT_ASSERT_EQ(test, condis_sap_table_insert(table, &a->sn), 0);
	KUNIT_EXPECT_PTR_EQ(test, match(table, test_addr(test, 1, nsap_a, 6)), &a->sn);
	KUNIT_EXPECT_PTR_EQ(test, match(table, test_addr(test, 1, nsap_b, 6)), &any->sn);
}

static void condis_sap_table_removed_sap_is_not_found(struct kunit *test)
{
	struct condis_sap_table *table = test_table(test);
	struct test_sap *a = test_sap_new(test, 1, nsap_a, sizeof(nsap_a));
	struct test_sap *any = test_sap_new(test, 1, NULL, 0);

	KUNIT_ASSERT_EQ(test, condis_sap_table_insert(table, &a->sn), 0);
	KUNIT_ASSERT_EQ(test, condis_sap_table_insert(table, &any->sn), 0);
	condis_sap_table_remove(table, &a->sn);
	/* The wildcard now routes the address the exact SAP used to own. */
	KUNIT_EXPECT_PTR_EQ(test, match(table, &a->addr), &any->sn);
	condis_sap_table_remove(table, &any->sn);
	KUNIT_EXPECT_NULL(test, match(table, &a->addr));
	KUNIT_EXPECT_EQ(test, condis_sap_table_count(table), 0U);
	/* A removed address can be registered again. */
	KUNIT_EXPECT_EQ(test, condis_sap_table_insert(table, &a->sn), 0);
}

static void condis_sap_addr_valid_rejects_null_and_oversize(struct kunit *test)
{
	struct condis_sap_addr *ok = test_addr(test, 1, nsap_a, sizeof(nsap_a));
	struct condis_sap_addr big = { .type = 1, .len = CONDIS_SAP_ADDR_MAX + 1 };

	KUNIT_EXPECT_TRUE(test, condis_sap_addr_valid(ok));
	KUNIT_EXPECT_FALSE(test, condis_sap_addr_valid(NULL));
	KUNIT_EXPECT_FALSE(test, condis_sap_addr_valid(&big));
	KUNIT_EXPECT_EQ(test, condis_sap_addr_size(ok), sizeof(*ok) + sizeof(nsap_a));
}

#define GROW_SAPS 20000

static void condis_sap_table_grows_and_finds_every_sap(struct kunit *test)
{
	struct condis_sap_table *table = test_table(test);
	struct test_sap **saps;
	u32 i;

	saps = kunit_kcalloc(test, GROW_SAPS, sizeof(*saps), GFP_KERNEL);	/* pointers only */
	KUNIT_ASSERT_NOT_NULL(test, saps);
	for (i = 0; i < GROW_SAPS; i++) {
		saps[i] = test_sap_new(test, 1, &i, sizeof(i));
		KUNIT_ASSERT_EQ(test, condis_sap_table_insert(table, &saps[i]->sn), 0);
	}
	KUNIT_EXPECT_EQ(test, condis_sap_table_count(table), (unsigned int)GROW_SAPS);
	for (i = 0; i < GROW_SAPS; i++)
		if (match(table, &saps[i]->addr) != &saps[i]->sn)
			KUNIT_FAIL(test, "SAP %u not found after growth", i);
	for (i = 0; i < GROW_SAPS; i += 2)
		condis_sap_table_remove(table, &saps[i]->sn);
	for (i = 0; i < GROW_SAPS; i++) {
		struct condis_sap_node *want = i % 2 ? &saps[i]->sn : NULL;

		if (match(table, &saps[i]->addr) != want)
			KUNIT_FAIL(test, "SAP %u: wrong lookup result after removals", i);
	}
}

struct race_ctx {
	struct condis_sap_table *table;
	struct test_sap *stable;
	struct test_sap *churn;
	atomic_t wrong;
	atomic_t lookups;
	bool stop;
};

static int race_reader(void *data)
{
	struct race_ctx *ctx = data;

	while (!READ_ONCE(ctx->stop)) {
		struct condis_sap_node *sn;

		rcu_read_lock();
		sn = condis_sap_table_match(ctx->table, &ctx->stable->addr);
		if (sn != &ctx->stable->sn)
			atomic_inc(&ctx->wrong);
		sn = condis_sap_table_match(ctx->table, &ctx->churn->addr);
		if (sn && sn != &ctx->churn->sn)
			atomic_inc(&ctx->wrong);
		rcu_read_unlock();
		atomic_inc(&ctx->lookups);
		cond_resched();
	}
	return 0;
}

/* Readers never see a wrong or torn entry while a writer churns the table. */
static void condis_sap_table_readers_race_writer_safely(struct kunit *test)
{
	struct race_ctx *ctx = kunit_kzalloc(test, sizeof(*ctx), GFP_KERNEL);
	struct task_struct *reader;
	int i;

	KUNIT_ASSERT_NOT_NULL(test, ctx);
	ctx->table = test_table(test);
	ctx->stable = test_sap_new(test, 1, nsap_a, sizeof(nsap_a));
	ctx->churn = test_sap_new(test, 1, nsap_b, sizeof(nsap_b));
	KUNIT_ASSERT_EQ(test, condis_sap_table_insert(ctx->table, &ctx->stable->sn), 0);

	reader = kthread_run(race_reader, ctx, "condis-sap-reader");
	KUNIT_ASSERT_FALSE(test, IS_ERR(reader));
	get_task_struct(reader);
	for (i = 0; i < 2000; i++) {
		KUNIT_EXPECT_EQ(test, condis_sap_table_insert(ctx->table, &ctx->churn->sn), 0);
		condis_sap_table_remove(ctx->table, &ctx->churn->sn);
		/* Reinsertion is only safe once old readers are gone. */
		if (i % 64 == 0)
			synchronize_rcu();
		else
			cond_resched();
	}
	WRITE_ONCE(ctx->stop, true);
	kthread_stop(reader);
	put_task_struct(reader);
	KUNIT_EXPECT_EQ(test, atomic_read(&ctx->wrong), 0);
	KUNIT_EXPECT_GT(test, atomic_read(&ctx->lookups), 0);
}

static struct kunit_case condis_sap_table_cases[] = {
	KUNIT_CASE(condis_sap_table_exact_match_is_found),
	KUNIT_CASE(condis_sap_table_duplicate_is_refused_and_changes_nothing),
	KUNIT_CASE(condis_sap_table_type_and_length_are_part_of_the_key),
	KUNIT_CASE(condis_sap_table_wildcard_matches_any_address_of_its_type),
	KUNIT_CASE(condis_sap_table_exact_sap_beats_wildcard),
	KUNIT_CASE(condis_sap_table_removed_sap_is_not_found),
	KUNIT_CASE(condis_sap_addr_valid_rejects_null_and_oversize),
	KUNIT_CASE_SLOW(condis_sap_table_grows_and_finds_every_sap),
	KUNIT_CASE_SLOW(condis_sap_table_readers_race_writer_safely),
	{}
};

static struct kunit_suite condis_sap_table_suite = {
	.name = "condis_sap_table",
	.init = sap_table_test_init,
	.test_cases = condis_sap_table_cases,
};

kunit_test_suite(condis_sap_table_suite);
