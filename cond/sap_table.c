// SPDX-License-Identifier: GPL-2.0
/*
 * The SAP table (see sap_table.h).
 *
 * Keys are variable-length SAP addresses (type, length, bytes).  The table is
 * an rhashtable: lookups walk one bucket under RCU, inserts and removals take
 * that bucket's lock (a bit spinlock, so they are safe in atomic context),
 * and the table grows and shrinks in the background to keep buckets short,
 * which is what keeps the cost of a lookup flat as SAPs are added.
 *
 * Matching rule: an exact SAP (same type, length and bytes) wins; otherwise
 * a wildcard SAP of the same type (length 0) matches any address of that
 * type.  There is at most one SAP per exact key, so at most one wildcard
 * per type.  Routing therefore costs at most two hash lookups.
 */
#include <linux/export.h>
#include <linux/jhash.h>
#include <linux/rhashtable.h>

#include "core.h"
#include "sap_table.h"

static u32 sap_addr_hash(const struct condis_sap_addr *addr, u32 seed)
{
	return jhash(addr->addr, addr->len, jhash_2words(addr->type, addr->len, seed));
}

static u32 sap_table_hashfn(const void *data, u32 len, u32 seed)
{
	return sap_addr_hash(data, seed);
}

static u32 sap_table_obj_hashfn(const void *data, u32 len, u32 seed)
{
	const struct condis_sap_node *sn = data;

	return sap_addr_hash(sn->addr, seed);
}

static bool sap_addr_equal(const struct condis_sap_addr *a, const struct condis_sap_addr *b)
{
	return a->type == b->type && a->len == b->len && !memcmp(a->addr, b->addr, a->len);
}

static int sap_table_obj_cmpfn(struct rhashtable_compare_arg *arg, const void *obj)
{
	const struct condis_sap_node *sn = obj;

	return !sap_addr_equal(arg->key, sn->addr);
}

static const struct rhashtable_params sap_table_params = {
	.head_offset = offsetof(struct condis_sap_node, node),
	.hashfn = sap_table_hashfn,
	.obj_hashfn = sap_table_obj_hashfn,
	.obj_cmpfn = sap_table_obj_cmpfn,
	.automatic_shrinking = true,
};

/**
 * condis_sap_addr_valid() - check a SAP address a driver passed in
 * @addr: the address, may be NULL
 *
 * Context: any.
 * Return: true if @addr is non-NULL and not longer than %CONDIS_SAP_ADDR_MAX.
 */
bool condis_sap_addr_valid(const struct condis_sap_addr *addr)
{
	return addr && addr->len <= CONDIS_SAP_ADDR_MAX;
}
EXPORT_SYMBOL_NS_GPL(condis_sap_addr_valid, CONDIS_INTERNAL);

/**
 * condis_sap_addr_size() - bytes a SAP address occupies, header included
 * @addr: a valid address (condis_sap_addr_valid())
 *
 * Context: any.
 * Return: the size to allocate when copying @addr.
 */
size_t condis_sap_addr_size(const struct condis_sap_addr *addr)
{
	return struct_size(addr, addr, addr->len);
}
EXPORT_SYMBOL_NS_GPL(condis_sap_addr_size, CONDIS_INTERNAL);

/**
 * condis_sap_table_init() - set up an empty SAP table
 * @table: the table
 *
 * Context: process; may sleep.
 * Return: 0 or -ENOMEM.
 */
int condis_sap_table_init(struct condis_sap_table *table)
{
	return rhashtable_init(&table->ht, &sap_table_params);
}
EXPORT_SYMBOL_NS_GPL(condis_sap_table_init, CONDIS_INTERNAL);

/**
 * condis_sap_table_destroy() - free a SAP table
 * @table: the table, which must be empty
 *
 * Context: process; may sleep (waits for a pending resize).
 */
void condis_sap_table_destroy(struct condis_sap_table *table)
{
	WARN_ON_ONCE(atomic_read(&table->ht.nelems));
	rhashtable_destroy(&table->ht);
}
EXPORT_SYMBOL_NS_GPL(condis_sap_table_destroy, CONDIS_INTERNAL);

/**
 * condis_sap_table_insert() - publish a SAP
 * @table: the table
 * @sn: the SAP's node; @sn->addr must be set and valid
 *
 * Readers may find @sn as soon as this returns 0.
 *
 * Context: any; takes a bucket lock.
 * Return: 0, -EADDRINUSE if a SAP with the same address is in the table,
 * or -ENOMEM / -EBUSY if the table could not grow.
 */
int condis_sap_table_insert(struct condis_sap_table *table, struct condis_sap_node *sn)
{
	int err;

	err = rhashtable_lookup_insert_key(&table->ht, sn->addr, &sn->node, sap_table_params);
	return err == -EEXIST ? -EADDRINUSE : err;
}
EXPORT_SYMBOL_NS_GPL(condis_sap_table_insert, CONDIS_INTERNAL);

/**
 * condis_sap_table_remove() - unpublish a SAP
 * @table: the table
 * @sn: a node inserted into @table
 *
 * New lookups no longer find @sn once this returns; lookups already running
 * may still see it until an RCU grace period has passed, so @sn and its
 * address may only be freed after one.
 *
 * Context: any; takes a bucket lock.
 */
void condis_sap_table_remove(struct condis_sap_table *table, struct condis_sap_node *sn)
{
	WARN_ON_ONCE(rhashtable_remove_fast(&table->ht, &sn->node, sap_table_params));
}
EXPORT_SYMBOL_NS_GPL(condis_sap_table_remove, CONDIS_INTERNAL);

/**
 * condis_sap_table_find_exact() - the SAP registered for exactly this address
 * @table: the table
 * @addr: the address to find
 *
 * Context: any; the caller holds rcu_read_lock() and must not use the
 * result after dropping it unless it took a reference to the SAP.
 * Return: the node, or NULL.
 */
struct condis_sap_node *condis_sap_table_find_exact(struct condis_sap_table *table,
						    const struct condis_sap_addr *addr)
{
	RCU_LOCKDEP_WARN(!rcu_read_lock_held(), "SAP table lookup outside an RCU read section");
	return rhashtable_lookup(&table->ht, addr, sap_table_params);
}
EXPORT_SYMBOL_NS_GPL(condis_sap_table_find_exact, CONDIS_INTERNAL);

/**
 * condis_sap_table_match() - route an address to a SAP
 * @table: the table
 * @addr: the called address from an incoming call
 *
 * Applies the matching rule: the exact SAP if there is one, else the
 * wildcard SAP of @addr's type.
 *
 * Context: any; the caller holds rcu_read_lock() (see
 * condis_sap_table_find_exact()).
 * Return: the node, or NULL.
 */
struct condis_sap_node *condis_sap_table_match(struct condis_sap_table *table,
					       const struct condis_sap_addr *addr)
{
	struct condis_sap_addr wildcard = { .type = addr->type, .len = 0 };
	struct condis_sap_node *sn;

	sn = condis_sap_table_find_exact(table, addr);
	if (sn || !addr->len)
		return sn;
	return condis_sap_table_find_exact(table, &wildcard);
}
EXPORT_SYMBOL_NS_GPL(condis_sap_table_match, CONDIS_INTERNAL);

/**
 * condis_sap_table_count() - number of SAPs in a table
 * @table: the table
 *
 * Context: any.
 * Return: the count at some instant during the call.
 */
unsigned int condis_sap_table_count(struct condis_sap_table *table)
{
	return atomic_read(&table->ht.nelems);
}
EXPORT_SYMBOL_NS_GPL(condis_sap_table_count, CONDIS_INTERNAL);
