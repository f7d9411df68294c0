/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The SAP table: the SAPs registered on one address family, hashed by their
 * address so that routing an incoming call costs the same whatever the
 * number of SAPs.  Writers serialise on the table's bucket locks (they may
 * run in atomic context); readers are lock-free under RCU.
 */
#ifndef _CONDIS_SAP_TABLE_H
#define _CONDIS_SAP_TABLE_H

#include <linux/rhashtable-types.h>
#include <net/condis.h>

/**
 * struct condis_sap_node - a SAP's entry in a &struct condis_sap_table
 * @node: the hash table linkage
 * @addr: the SAP's address; must stay valid and unchanged while the node
 *	is in a table and for an RCU grace period after its removal
 */
struct condis_sap_node {
	struct rhash_head node;
	const struct condis_sap_addr *addr;
};

/**
 * struct condis_sap_table - the SAPs of one address family
 * @ht: SAP address -> &struct condis_sap_node; resizes itself
 */
struct condis_sap_table {
	struct rhashtable ht;
};

int condis_sap_table_init(struct condis_sap_table *table);
void condis_sap_table_destroy(struct condis_sap_table *table);
int condis_sap_table_insert(struct condis_sap_table *table, struct condis_sap_node *sn);
void condis_sap_table_remove(struct condis_sap_table *table, struct condis_sap_node *sn);
struct condis_sap_node *condis_sap_table_find_exact(struct condis_sap_table *table,
						    const struct condis_sap_addr *addr);
struct condis_sap_node *condis_sap_table_match(struct condis_sap_table *table,
					       const struct condis_sap_addr *addr);
unsigned int condis_sap_table_count(struct condis_sap_table *table);
bool condis_sap_addr_valid(const struct condis_sap_addr *addr);
size_t condis_sap_addr_size(const struct condis_sap_addr *addr);

#endif /* _CONDIS_SAP_TABLE_H */
