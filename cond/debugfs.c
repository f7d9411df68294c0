// SPDX-License-Identifier: GPL-2.0
/*
 * /sys/kernel/debug/condis: the introspection directory of the core.
 *
 * debugfs failures are not fatal (debugfs may be disabled or not mounted);
 * the directory is an aid, and the netlink family is the stable interface.
 */
#include <linux/debugfs.h>
#include <linux/seq_file.h>
#include <linux/utsname.h>
#include <kunit/visibility.h>
#include <net/condis_names.h>

#include "core.h"
#include "objects.h"

/* The names of the states, as the netlink spec spells them. */
static const char *const af_state_names[] = { CONDIS_AF_STATE_NAMES };
static const char *const sap_state_names[] = { CONDIS_SAP_STATE_NAMES };
static const char *const vc_state_names[] = { CONDIS_VC_STATE_NAMES };
static const char *const vc_creator_names[] = { CONDIS_VC_CREATOR_NAMES };
static const char *const call_state_names[] = { CONDIS_CALL_STATE_NAMES };
static const char *const party_state_names[] = { CONDIS_PARTY_STATE_NAMES };

/* One line per VC on @list, then its parties; the list's lock is held. */
static void dump_vcs(struct seq_file *m, struct list_head *list, const char *indent)
{
	struct condis_party *party;
	struct condis_vc *vc;

	list_for_each_entry(vc, list, node) {
		spin_lock(&vc->lock);
		seq_printf(m, "%svc %u by=%s state=%s call=%s%s\n", indent, vc->obj.id,
			   vc_creator_names[vc->creator], vc_state_names[vc->state],
			   call_state_names[vc->call.state],
			   vc->call.remote_closed ? " closed-by-network" : "");
		seq_printf(m, "%s  tx packets=%llu bytes=%llu errors=%llu in-flight=%u\n", indent,
			   vc->data.tx_packets, vc->data.tx_bytes, vc->data.tx_errors,
			   vc->data.tx_outstanding);
		seq_printf(m, "%s  rx packets=%llu bytes=%llu kept=%u\n", indent,
			   vc->data.rx_packets, vc->data.rx_bytes, vc->data.rx_outstanding);
		list_for_each_entry(party, &vc->call.parties, node)
			seq_printf(m, "%s  party %u state=%s\n", indent, party->obj.id,
				   party_state_names[party->state]);
		spin_unlock(&vc->lock);
	}
}

static void dump_af(struct seq_file *m, struct condis_af *af)
{
	struct condis_sap *sap;

	spin_lock_bh(&af->lock);
	seq_printf(m, "      af %u client=%s state=%s saps=%u vcs=%u\n", af->obj.id,
		   af->binding->protocol->name, af_state_names[af->state], af->nr_saps,
		   af->nr_vcs);
	list_for_each_entry(sap, &af->saps, af_node)
		seq_printf(m, "        sap %u type=%u len=%u addr=%*phN state=%s\n", sap->obj.id,
			   sap->addr.type, sap->addr.len, min_t(int, sap->addr.len, 32),
			   sap->addr.addr, sap_state_names[sap->state]);
	dump_vcs(m, &af->vcs, "        ");
	spin_unlock_bh(&af->lock);
}

/*
 * /sys/kernel/debug/condis/objects: every live object and its state, as a
 * tree: miniports, their adapters, the bindings and AFs on each adapter,
 * the OID requests in flight on each adapter, the open AFs on each AF with
 * their SAPs and VCs (the call, parties and packet counters of each); then
 * the protocols.
 */
VISIBLE_IF_KUNIT int condis_objects_show(struct seq_file *m, void *v)
{
	struct condis_protocol *proto;
	struct condis_miniport *mp;
	struct condis_binding *binding;
	struct condis_adapter *ad;
	struct condis_cm_af *cm_af;
	struct condis_af *af;

	mutex_lock(&condis_config_lock);
	list_for_each_entry(mp, &condis_miniports, node) {
		seq_printf(m, "miniport %u %s%s\n", mp->obj.id, mp->name,
			   mp->cm_ops ? " mcm" : "");
		list_for_each_entry(ad, &mp->adapters, node) {
			seq_printf(m, "  adapter %u %s%s\n", ad->obj.id, ad->name,
				   ad->dying ? " dying" : "");
			list_for_each_entry(binding, &ad->bindings, adapter_node)
				seq_printf(m, "    binding %u protocol=%s afs=%d\n",
					   binding->obj.id, binding->protocol->name,
					   atomic_read(&binding->nr_afs));
			spin_lock_bh(&ad->lock);
			dump_vcs(m, &ad->sig_vcs, "    signalling ");
			spin_unlock_bh(&ad->lock);
			condis_oid_dump(m, ad, "    ");
			list_for_each_entry(cm_af, &ad->cm_afs, node) {
				seq_printf(m, "    cm-af %u family=%#x by=%s opens=%d saps=%u\n",
					   cm_af->obj.id, cm_af->type.family,
					   cm_af->cm_binding ? cm_af->cm_binding->protocol->name
							     : mp->name,
					   atomic_read(&cm_af->nr_opens),
					   condis_sap_table_count(&cm_af->saps));
				list_for_each_entry(af, &cm_af->afs, cm_af_node)
					dump_af(m, af);
			}
		}
	}
	list_for_each_entry(proto, &condis_protocols, node)
		seq_printf(m, "protocol %u %s%s%s%s\n", proto->obj.id, proto->name,
			   proto->cl_ops ? " client" : "", proto->cm_ops ? " cm" : "",
			   proto->dying ? " dying" : "");
	seq_printf(m, "live objects: %u\n", condis_obj_live_count());
	mutex_unlock(&condis_config_lock);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(condis_objects_show);
DEFINE_SHOW_ATTRIBUTE(condis_objects);

static struct dentry *condis_debugfs_dir;

static int condis_version_show(struct seq_file *m, void *v)
{
	seq_printf(m, "condis %s on %s\n", CONDIS_VERSION, init_utsname()->release);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(condis_version);

int condis_debugfs_init(void)
{
	condis_debugfs_dir = debugfs_create_dir("condis", NULL);
	debugfs_create_file("version", 0444, condis_debugfs_dir, NULL,
			    &condis_version_fops);
	debugfs_create_file("objects", 0444, condis_debugfs_dir, NULL,
			    &condis_objects_fops);
	return 0;
}

void condis_debugfs_uninit(void)
{
	debugfs_remove_recursive(condis_debugfs_dir);
	condis_debugfs_dir = NULL;
}

#if IS_ENABLED(CONFIG_KUNIT)
/* For the condis_core KUnit suite only. */
struct dentry *condis_debugfs_root(void)
{
	return condis_debugfs_dir;
}
EXPORT_SYMBOL_IF_KUNIT(condis_debugfs_root);
#endif
