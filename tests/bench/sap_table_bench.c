// SPDX-License-Identifier: GPL-2.0
/*
 * SAP table benchmark: the cost of registering, deregistering and looking
 * up a SAP with N SAPs already registered, for the condis SAP table and,
 * side by side in the same run, for a linear list of the same SAPs (what a
 * table-less implementation such as Linux ATM's signaling does).
 *
 * Registering includes the duplicate check the CoNDIS rules require; the
 * linear variant therefore scans the list before appending.  Lookups use
 * SAPs chosen at random among the N.  Figures are nanoseconds per
 * operation, averaged over a batch; only ratios from one run mean much.
 */
#include <linux/kernel.h>
#include <linux/ktime.h>
#include <linux/list.h>
#include <linux/rhashtable.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/workqueue.h>

#include "bench.h"
#include "sap_table.h"

#define BENCH_ADDR_LEN	20	/* an ATM NSAP address */
#define BENCH_EXTRA	1000	/* SAPs registered and deregistered per step */

struct bench_sap {
	struct condis_sap_node sn;
	struct list_head link;		/* the linear baseline */
	struct condis_sap_addr addr;	/* last: BENCH_ADDR_LEN bytes follow */
};

struct bench_state {
	struct condis_sap_table table;
	struct list_head list;
	struct bench_sap **saps;	/* [0, n) registered, then the extras */
	unsigned int n;
	u32 rnd;
};

static u32 bench_rand(struct bench_state *st)
{
	/* xorshift32: cheap and reproducible, so both variants see the same keys */
	st->rnd ^= st->rnd << 13;
	st->rnd ^= st->rnd >> 17;
	st->rnd ^= st->rnd << 5;
	return st->rnd;
}

static struct bench_sap *bench_sap_new(u32 index)
{
	struct bench_sap *bs = kzalloc(sizeof(*bs) + BENCH_ADDR_LEN, GFP_KERNEL);

	if (!bs)
		return NULL;
	bs->addr.type = 1;
	bs->addr.len = BENCH_ADDR_LEN;
	/* A fixed 16-byte network prefix and a 4-byte selector-like suffix. */
	memset(bs->addr.addr, 0x47, BENCH_ADDR_LEN - sizeof(index));
	memcpy(bs->addr.addr + BENCH_ADDR_LEN - sizeof(index), &index, sizeof(index));
	bs->sn.addr = &bs->addr;
	return bs;
}

static bool addr_equal(const struct condis_sap_addr *a, const struct condis_sap_addr *b)
{
	return a->type == b->type && a->len == b->len && !memcmp(a->addr, b->addr, a->len);
}

static struct bench_sap *linear_find(struct bench_state *st, const struct condis_sap_addr *addr)
{
	struct bench_sap *bs;

	list_for_each_entry(bs, &st->list, link)
		if (addr_equal(&bs->addr, addr))
			return bs;
	return NULL;
}

static int table_insert(struct bench_state *st, struct bench_sap *bs)
{
	int err;

	/* A resize in progress may refuse an insert for a moment; retry. */
	while ((err = condis_sap_table_insert(&st->table, &bs->sn)) == -EBUSY)
		cond_resched();
	return err;
}

static void table_settle(struct bench_state *st)
{
	/* Let a background resize finish so lookups see the final table. */
	flush_work(&st->table.ht.run_work);
	synchronize_rcu();
	flush_work(&st->table.ht.run_work);
}

static int grow_to(struct bench_state *st, unsigned int n)
{
	int err;

	for (; st->n < n; st->n++) {
		struct bench_sap *bs = st->saps[st->n];

		err = table_insert(st, bs);
		if (err)
			return err;
		list_add_tail(&bs->link, &st->list);
		if (!(st->n % 4096))
			cond_resched();
	}
	table_settle(st);
	return 0;
}

static u64 per_op(u64 ns, unsigned int ops)
{
	return div_u64(ns, ops);
}

/* Register and then deregister @extra SAPs on top of st->n. */
static void measure_register(struct bench_state *st, bool linear, unsigned int extra,
			     u64 *reg_ns, u64 *dereg_ns)
{
	struct bench_sap **more = st->saps + st->n;
	unsigned int i;
	u64 t0, t1, t2;

	t0 = ktime_get_ns();
	for (i = 0; i < extra; i++) {
		if (linear) {
			if (WARN_ON_ONCE(linear_find(st, &more[i]->addr)))
				break;
			list_add_tail(&more[i]->link, &st->list);
		} else if (WARN_ON_ONCE(table_insert(st, more[i]))) {
			break;
		}
	}
	t1 = ktime_get_ns();
	for (i = 0; i < extra; i++) {
		if (linear)
			list_del(&more[i]->link);
		else
			condis_sap_table_remove(&st->table, &more[i]->sn);
	}
	t2 = ktime_get_ns();
	if (!linear) {
		synchronize_rcu();
		table_settle(st);
	}
	*reg_ns = per_op(t1 - t0, extra);
	*dereg_ns = per_op(t2 - t1, extra);
}

/*
 * The lookup keys are copied into a flat array first, so that the timed loop
 * reads them sequentially and the only random memory accesses are the ones
 * the lookup itself makes (a bucket and the SAPs in it).
 */
union bench_key {
	struct condis_sap_addr addr;
	u8 raw[sizeof(struct condis_sap_addr) + BENCH_ADDR_LEN];
};

/*
 * Which SAPs the lookups ask for: any of the N at random (cold caches once
 * N is large), one SAP over and over (everything cache-warm), or a random
 * one of a fixed working set of BENCH_WORKING_SET SAPs spread over the
 * table (the structure's own cost, with the memory it touches the same
 * size at every N).
 */
enum bench_keys { KEYS_RANDOM, KEYS_HOT, KEYS_WORKING_SET };

#define BENCH_WORKING_SET	1024

static u32 key_index(struct bench_state *st, enum bench_keys kind, u32 hot_index)
{
	u32 ws = min_t(u32, st->n, BENCH_WORKING_SET);

	if (kind == KEYS_HOT)
		return hot_index;
	if (kind == KEYS_WORKING_SET)
		return (u32)div_u64((u64)(bench_rand(st) % ws) * st->n, ws);
	return bench_rand(st) % st->n;
}

static union bench_key *make_keys(struct bench_state *st, unsigned int ops, enum bench_keys kind)
{
	union bench_key *keys = vmalloc_array(ops, sizeof(*keys));
	u32 hot_index;
	unsigned int i;

	if (!keys)
		return NULL;
	st->rnd = 2463534242U;
	hot_index = bench_rand(st) % st->n;
	for (i = 0; i < ops; i++) {
		const struct bench_sap *bs = st->saps[key_index(st, kind, hot_index)];

		keys[i].addr.type = bs->addr.type;
		keys[i].addr.len = bs->addr.len;
		memcpy(keys[i].addr.addr, bs->addr.addr, BENCH_ADDR_LEN);
	}
	return keys;
}

static bool found_key(const struct condis_sap_addr *found, const union bench_key *key)
{
	return found && !memcmp(found->addr, key->addr.addr, BENCH_ADDR_LEN);
}

static u64 time_lookups(struct bench_state *st, bool linear, const union bench_key *keys,
			unsigned int ops)
{
	unsigned int i, misses = 0;
	u64 t0, t1;

	t0 = ktime_get_ns();
	for (i = 0; i < ops; i++) {
		if (linear) {
			struct bench_sap *bs = linear_find(st, &keys[i].addr);

			misses += !found_key(bs ? &bs->addr : NULL, &keys[i]);
		} else {
			struct condis_sap_node *sn;

			rcu_read_lock();
			sn = condis_sap_table_match(&st->table, &keys[i].addr);
			misses += !found_key(sn ? sn->addr : NULL, &keys[i]);
			rcu_read_unlock();
		}
	}
	t1 = ktime_get_ns();
	WARN_ON(misses);
	return per_op(t1 - t0, ops);
}

/* Best of three timed passes after one warm-up pass: ns per lookup. */
static u64 measure_lookup(struct bench_state *st, bool linear, unsigned int ops,
			  enum bench_keys kind)
{
	union bench_key *keys = make_keys(st, ops, kind);
	u64 best = U64_MAX;
	int pass;

	if (!keys)
		return 0;
	for (pass = 0; pass < 4; pass++) {
		u64 ns = time_lookups(st, linear, keys, ops);

		if (pass)
			best = min(best, ns);
		cond_resched();
	}
	vfree(keys);
	return best;
}

/*
 * The memory reference: one read of a random registered SAP, through a
 * pointer array read in order, i.e. exactly one random memory access per
 * operation.  A cache-cold lookup cannot cost less than the accesses it
 * must make; this says what one costs at this N on this machine.
 */
static u64 measure_memory(struct bench_state *st, unsigned int ops)
{
	struct bench_sap **order = vmalloc_array(ops, sizeof(*order));
	u64 best = U64_MAX, t0;
	unsigned int i, sum = 0;
	int pass;

	if (!order)
		return 0;
	st->rnd = 2463534242U;
	for (i = 0; i < ops; i++)
		order[i] = st->saps[bench_rand(st) % st->n];
	for (pass = 0; pass < 4; pass++) {
		t0 = ktime_get_ns();
		for (i = 0; i < ops; i++)
			sum += READ_ONCE(order[i]->addr.len);
		if (pass)
			best = min(best, per_op(ktime_get_ns() - t0, ops));
		cond_resched();
	}
	WARN_ON(sum != 4 * ops * BENCH_ADDR_LEN);
	vfree(order);
	return best;
}

static void ratio(char buf[16], u64 num, u64 den)
{
	snprintf(buf, 16, "%llu.%02llu", div_u64(num, den), div_u64(num * 100, den) % 100);
}

static void bench_free(struct bench_state *st, unsigned int allocated)
{
	unsigned int i;

	for (i = 0; i < st->n; i++)
		condis_sap_table_remove(&st->table, &st->saps[i]->sn);
	synchronize_rcu();
	condis_sap_table_destroy(&st->table);
	for (i = 0; i < allocated; i++)
		kfree(st->saps[i]);
	vfree(st->saps);
}

/**
 * sap_table_bench() - run the SAP table benchmark
 * @counts: the numbers of registered SAPs to measure at, ascending
 * @ncounts: entries in @counts
 *
 * Context: process; takes seconds to minutes.
 * Return: 0, or -ENOMEM / -EINVAL.
 */
int sap_table_bench(const unsigned int *counts, unsigned int ncounts)
{
	unsigned int max = 0, allocated, i;
	u64 base_lookup = 0, base_hot = 0, base_ws = 0;
	struct bench_state *st;
	int err = 0;

	for (i = 0; i < ncounts; i++) {
		if (!counts[i] || counts[i] < max)
			return -EINVAL;
		max = counts[i];
	}
	st = kzalloc(sizeof(*st), GFP_KERNEL);
	if (!st)
		return -ENOMEM;
	INIT_LIST_HEAD(&st->list);
	err = condis_sap_table_init(&st->table);
	if (err)
		goto out_free_state;
	st->saps = vcalloc(max + BENCH_EXTRA, sizeof(*st->saps));
	if (!st->saps) {
		condis_sap_table_destroy(&st->table);
		err = -ENOMEM;
		goto out_free_state;
	}
	for (allocated = 0; allocated < max + BENCH_EXTRA; allocated++) {
		st->saps[allocated] = bench_sap_new(allocated);
		if (!st->saps[allocated]) {
			err = -ENOMEM;
			goto out_free_saps;
		}
	}

	bench_print("sap_table: ns per operation with N SAPs registered (%u-byte addresses)",
		    BENCH_ADDR_LEN);
	bench_print("lookup keys: random = any SAP, hot = one SAP, ws = %u SAPs spread over N",
		    BENCH_WORKING_SET);
	bench_print("mem = one random read of a SAP; lin- = the same SAPs in a linear list");
	bench_print("%8s %8s %6s %6s %5s %5s %4s %9s %9s %5s %5s %5s", "N", "register", "dereg",
		    "random", "hot", "ws", "mem", "lin-look", "lin-reg", "rand", "hot", "ws");
	bench_print("%8s %8s %6s %6s %5s %5s %4s %9s %9s %5s %5s %5s", "", "", "", "", "", "",
		    "", "", "", "/N=1", "/N=1", "/N=1");
	for (i = 0; i < ncounts; i++) {
		unsigned int n = counts[i], lin_ops, lin_extra;
		u64 reg, dereg, look, hot, ws, mem, lreg, lin_dereg, llook;
		char look_ratio[16], hot_ratio[16], ws_ratio[16];

		err = grow_to(st, n);
		if (err)
			goto out_free_saps;
		/* Keep the linear baseline to a bounded number of list walks. */
		lin_ops = clamp_t(unsigned int, 20000000U / n, 20, 200000);
		lin_extra = clamp_t(unsigned int, 20000000U / n, 10, BENCH_EXTRA);

		measure_register(st, false, BENCH_EXTRA, &reg, &dereg);
		look = measure_lookup(st, false, 200000, KEYS_RANDOM);
		hot = measure_lookup(st, false, 200000, KEYS_HOT);
		ws = measure_lookup(st, false, 200000, KEYS_WORKING_SET);
		mem = measure_memory(st, 200000);
		measure_register(st, true, lin_extra, &lreg, &lin_dereg);
		llook = measure_lookup(st, true, lin_ops, KEYS_RANDOM);
		if (!base_lookup) {
			base_lookup = look ?: 1;
			base_hot = hot ?: 1;
			base_ws = ws ?: 1;
		}
		ratio(look_ratio, look, base_lookup);
		ratio(hot_ratio, hot, base_hot);
		ratio(ws_ratio, ws, base_ws);
		bench_print("%8u %8llu %6llu %6llu %5llu %5llu %4llu %9llu %9llu %5s %5s %5s",
			    n, reg, dereg, look, hot, ws, mem, llook, lreg,
			    look_ratio, hot_ratio, ws_ratio);
		cond_resched();
	}
	bench_print("sap_table: done");

out_free_saps:
	bench_free(st, allocated);
out_free_state:
	kfree(st);
	return err;
}
