// SPDX-License-Identifier: GPL-2.0
/*
 * The dumps of the condis netlink family: adapters, bindings, open AFs,
 * SAPs, VCs (all, or those carrying a call) and parties, one message each.
 *
 * Each dump walks the object tree under condis_config_lock, as the debugfs
 * "objects" file does, in the same order.  An object's place in that walk
 * is its key: the ids of the objects above it and its own (miniport,
 * adapter, call manager's AF or binding, open AF, SAP or VC, party), zero
 * for the levels it does not have.  A dump that fills its buffer keeps the
 * key of the last object it put and resumes, in the next buffer, with the
 * first object whose key is greater.  Every list in the tree is in
 * creation order and ids grow with creation, so the walk meets keys in
 * increasing order, and an object created or removed between two buffers
 * moves no other object's key: none is skipped or put twice (one created
 * meanwhile may or may not be put).  The exception: two children of one
 * parent created at the same moment take their ids before the parent's
 * lock and may be linked out of id order.  Each buffer on its own is a
 * consistent snapshot.
 */
#include <net/genetlink.h>

#include "genl.h"
#include "netlink.h"
#include "objects.h"

/* The levels of an object's key. */
enum condis_nl_level {
	LVL_MINIPORT,
	LVL_ADAPTER,
	LVL_CM_AF,	/* or binding; 0 for an adapter's signalling VCs */
	LVL_AF,
	LVL_LEAF,	/* SAP or VC */
	LVL_PARTY,
	LVL_NR,
};

struct condis_nl_dump_ctx {
	u32 last[LVL_NR];	/* key of the last object put; all 0 at first */
};

/* Where one dump is: the key being walked and the buffer being filled. */
struct condis_nl_walk {
	struct sk_buff *skb;
	struct netlink_callback *cb;
	u32 key[LVL_NR];	/* ids down to the current level, 0 below */
	int err;		/* -EMSGSIZE once the buffer is full */
};

static struct condis_nl_dump_ctx *dump_ctx(struct netlink_callback *cb)
{
	NL_ASSERT_DUMP_CTX_FITS(struct condis_nl_dump_ctx);
	return (struct condis_nl_dump_ctx *)cb->ctx;
}

/*
 * Compare the first @n levels of the walk's key with the last key put:
 * negative, 0 or positive as the walk's is before, equal to or after it.
 */
static int walk_cmp(const struct condis_nl_walk *w, int n)
{
	const u32 *last = dump_ctx(w->cb)->last;
	int i;

	for (i = 0; i < n; i++) {
		if (w->key[i] != last[i])
			return w->key[i] < last[i] ? -1 : 1;
	}
	return 0;
}

/*
 * Enter the object @id at @lvl: true if the walk must look at it or below
 * it, false if the buffer is full or it and everything below it are at or
 * before the last key put (an object below it may still come after).
 */
static bool walk_enter(struct condis_nl_walk *w, enum condis_nl_level lvl, u32 id)
{
	int i;

	if (w->err)
		return false;
	w->key[lvl] = id;
	for (i = lvl + 1; i < LVL_NR; i++)
		w->key[i] = 0;
	return walk_cmp(w, lvl + 1) >= 0;
}

/*
 * Start the message of the object walk_enter() entered last, or return
 * NULL if an earlier buffer took it or this one is full.
 */
static void *walk_begin(struct condis_nl_walk *w)
{
	void *hdr;

	if (w->err || walk_cmp(w, LVL_NR) <= 0)
		return NULL;
	hdr = genlmsg_iput(w->skb, genl_info_dump(w->cb));
	if (!hdr)
		w->err = -EMSGSIZE;	/* the next buffer starts with it */
	return hdr;
}

/* Finish the object's message, or take it back if it did not fit. */
static void walk_end(struct condis_nl_walk *w, void *hdr, int err)
{
	if (err) {
		genlmsg_cancel(w->skb, hdr);
		w->err = -EMSGSIZE;
		return;
	}
	genlmsg_end(w->skb, hdr);
	memcpy(dump_ctx(w->cb)->last, w->key, sizeof(w->key));
}

static int walk_done(struct condis_nl_walk *w)
{
	if (w->err && !w->skb->len)
		return w->err;	/* not even one object fits */
	return w->err ? w->skb->len : 0;
}

static void walk_init(struct condis_nl_walk *w, struct sk_buff *skb, struct netlink_callback *cb)
{
	memset(w, 0, sizeof(*w));
	w->skb = skb;
	w->cb = cb;
}

static const char *cm_af_cm_name(struct condis_cm_af *cm_af)
{
	return cm_af->cm_binding ? cm_af->cm_binding->protocol->name
				 : cm_af->adapter->miniport->name;
}

static void put_adapter(struct condis_nl_walk *w, struct condis_adapter *ad)
{
	struct condis_binding *b;
	struct condis_cm_af *cm_af;
	u32 nr_bindings = 0, nr_cm_afs = 0;
	void *hdr;

	hdr = walk_begin(w);
	if (!hdr)
		return;
	list_for_each_entry(b, &ad->bindings, adapter_node)
		nr_bindings++;
	list_for_each_entry(cm_af, &ad->cm_afs, node)
		nr_cm_afs++;
	walk_end(w, hdr,
		 nla_put_u32(w->skb, CONDIS_A_ADAPTER_ID, ad->obj.id) ||
		 nla_put_string(w->skb, CONDIS_A_ADAPTER_NAME, ad->name) ||
		 nla_put_string(w->skb, CONDIS_A_ADAPTER_MINIPORT, ad->miniport->name) ||
		 (ad->miniport->cm_ops && nla_put_flag(w->skb, CONDIS_A_ADAPTER_MCM)) ||
		 (ad->dying && nla_put_flag(w->skb, CONDIS_A_ADAPTER_DYING)) ||
		 nla_put_u32(w->skb, CONDIS_A_ADAPTER_BINDINGS, nr_bindings) ||
		 nla_put_u32(w->skb, CONDIS_A_ADAPTER_CM_AFS, nr_cm_afs));
}

static void put_binding(struct condis_nl_walk *w, struct condis_binding *b)
{
	void *hdr = walk_begin(w);

	if (!hdr)
		return;
	walk_end(w, hdr,
		 nla_put_u32(w->skb, CONDIS_A_BINDING_ID, b->obj.id) ||
		 nla_put_u32(w->skb, CONDIS_A_BINDING_ADAPTER_ID, b->adapter->obj.id) ||
		 nla_put_string(w->skb, CONDIS_A_BINDING_ADAPTER, b->adapter->name) ||
		 nla_put_string(w->skb, CONDIS_A_BINDING_PROTOCOL, b->protocol->name) ||
		 (b->protocol->cl_ops && nla_put_flag(w->skb, CONDIS_A_BINDING_CLIENT)) ||
		 (b->protocol->cm_ops && nla_put_flag(w->skb, CONDIS_A_BINDING_CM)) ||
		 nla_put_u32(w->skb, CONDIS_A_BINDING_AFS, atomic_read(&b->nr_afs)));
}

/* Under af->lock. */
static void put_af(struct condis_nl_walk *w, struct condis_af *af)
{
	struct condis_cm_af *cm_af = af->cm_af;
	void *hdr = walk_begin(w);

	lockdep_assert_held(&af->lock);
	if (!hdr)
		return;
	walk_end(w, hdr,
		 nla_put_u32(w->skb, CONDIS_A_AF_ID, af->obj.id) ||
		 nla_put_u32(w->skb, CONDIS_A_AF_ADAPTER_ID, cm_af->adapter->obj.id) ||
		 nla_put_string(w->skb, CONDIS_A_AF_ADAPTER, cm_af->adapter->name) ||
		 nla_put_u32(w->skb, CONDIS_A_AF_CM_AF_ID, cm_af->obj.id) ||
		 nla_put_u32(w->skb, CONDIS_A_AF_FAMILY, cm_af->type.family) ||
		 nla_put_string(w->skb, CONDIS_A_AF_CLIENT, af->binding->protocol->name) ||
		 nla_put_string(w->skb, CONDIS_A_AF_CM, cm_af_cm_name(cm_af)) ||
		 nla_put_u32(w->skb, CONDIS_A_AF_STATE, af->state) ||
		 nla_put_u32(w->skb, CONDIS_A_AF_SAPS, af->nr_saps) ||
		 nla_put_u32(w->skb, CONDIS_A_AF_VCS, af->nr_vcs));
}

/* Under the SAP's AF's lock. */
static void put_sap(struct condis_nl_walk *w, struct condis_sap *sap)
{
	void *hdr = walk_begin(w);

	lockdep_assert_held(&sap->af->lock);
	if (!hdr)
		return;
	walk_end(w, hdr,
		 nla_put_u32(w->skb, CONDIS_A_SAP_ID, sap->obj.id) ||
		 nla_put_u32(w->skb, CONDIS_A_SAP_AF_ID, sap->af->obj.id) ||
		 nla_put_string(w->skb, CONDIS_A_SAP_ADAPTER, sap->af->cm_af->adapter->name) ||
		 nla_put_u32(w->skb, CONDIS_A_SAP_TYPE, sap->addr.type) ||
		 nla_put(w->skb, CONDIS_A_SAP_ADDR, sap->addr.len, sap->addr.addr) ||
		 nla_put_u32(w->skb, CONDIS_A_SAP_STATE, sap->state));
}

static int put_vc_stats(struct sk_buff *skb, struct condis_vc *vc)
{
	struct nlattr *nest = nla_nest_start(skb, CONDIS_A_VC_STATS);

	if (!nest)
		return -EMSGSIZE;
	if (nla_put_uint(skb, CONDIS_A_VC_STATS_TX_PACKETS, vc->data.tx_packets) ||
	    nla_put_uint(skb, CONDIS_A_VC_STATS_TX_BYTES, vc->data.tx_bytes) ||
	    nla_put_uint(skb, CONDIS_A_VC_STATS_TX_ERRORS, vc->data.tx_errors) ||
	    nla_put_u32(skb, CONDIS_A_VC_STATS_TX_IN_FLIGHT, vc->data.tx_outstanding) ||
	    nla_put_uint(skb, CONDIS_A_VC_STATS_RX_PACKETS, vc->data.rx_packets) ||
	    nla_put_uint(skb, CONDIS_A_VC_STATS_RX_BYTES, vc->data.rx_bytes) ||
	    nla_put_u32(skb, CONDIS_A_VC_STATS_RX_KEPT, vc->data.rx_outstanding)) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

/* Under vc->lock. */
static void put_vc(struct condis_nl_walk *w, struct condis_vc *vc)
{
	void *hdr = walk_begin(w);

	lockdep_assert_held(&vc->lock);
	if (!hdr)
		return;
	walk_end(w, hdr,
		 nla_put_u32(w->skb, CONDIS_A_VC_ID, vc->obj.id) ||
		 (vc->af && nla_put_u32(w->skb, CONDIS_A_VC_AF_ID, vc->af->obj.id)) ||
		 nla_put_u32(w->skb, CONDIS_A_VC_ADAPTER_ID, vc->adapter->obj.id) ||
		 nla_put_string(w->skb, CONDIS_A_VC_ADAPTER, vc->adapter->name) ||
		 nla_put_u32(w->skb, CONDIS_A_VC_CREATOR, vc->creator) ||
		 nla_put_u32(w->skb, CONDIS_A_VC_STATE, vc->state) ||
		 nla_put_u32(w->skb, CONDIS_A_VC_CALL_STATE, vc->call.state) ||
		 (vc->call.remote_closed && nla_put_flag(w->skb, CONDIS_A_VC_CLOSED_BY_NETWORK)) ||
		 (vc->call.multipoint && nla_put_flag(w->skb, CONDIS_A_VC_MULTIPOINT)) ||
		 nla_put_u32(w->skb, CONDIS_A_VC_PARTIES, vc->call.nr_parties) ||
		 put_vc_stats(w->skb, vc));
}

/* Under the party's VC's lock. */
static void put_party(struct condis_nl_walk *w, struct condis_party *party)
{
	void *hdr = walk_begin(w);

	lockdep_assert_held(&party->vc->lock);
	if (!hdr)
		return;
	walk_end(w, hdr,
		 nla_put_u32(w->skb, CONDIS_A_PARTY_ID, party->obj.id) ||
		 nla_put_u32(w->skb, CONDIS_A_PARTY_VC_ID, party->vc->obj.id) ||
		 nla_put_u32(w->skb, CONDIS_A_PARTY_STATE, party->state));
}

/* What a dump puts. */
enum dump_what {
	DUMP_ADAPTERS,
	DUMP_BINDINGS,
	DUMP_AFS,
	DUMP_SAPS,
	DUMP_VCS,
	DUMP_CALLS,	/* the VCs whose call is not idle */
	DUMP_PARTIES,
};

/*
 * The VCs on @list (or their parties), under the lock of the list's owner;
 * the walk's key is entered down to the level above the VCs.
 */
static void walk_vc_list(struct condis_nl_walk *w, struct list_head *list, enum dump_what what)
{
	struct condis_party *party;
	struct condis_vc *vc;

	list_for_each_entry(vc, list, node) {
		if (!walk_enter(w, LVL_LEAF, vc->obj.id))
			continue;
		spin_lock(&vc->lock);
		if (what == DUMP_PARTIES) {
			list_for_each_entry(party, &vc->call.parties, node)
				if (walk_enter(w, LVL_PARTY, party->obj.id))
					put_party(w, party);
		} else if (what == DUMP_VCS || vc->call.state != CONDIS_CALL_STATE_IDLE) {
			put_vc(w, vc);
		}
		spin_unlock(&vc->lock);
	}
}

static void walk_af(struct condis_nl_walk *w, struct condis_af *af, enum dump_what what)
{
	struct condis_sap *sap;

	if (!walk_enter(w, LVL_AF, af->obj.id))
		return;
	spin_lock_bh(&af->lock);
	if (what == DUMP_AFS) {
		put_af(w, af);
	} else if (what == DUMP_SAPS) {
		list_for_each_entry(sap, &af->saps, af_node)
			if (walk_enter(w, LVL_LEAF, sap->obj.id))
				put_sap(w, sap);
	} else {
		walk_vc_list(w, &af->vcs, what);
	}
	spin_unlock_bh(&af->lock);
}

/* An adapter's signalling VCs: key level LVL_CM_AF 0, before its AFs. */
static void walk_sig_vcs(struct condis_nl_walk *w, struct condis_adapter *ad,
			 enum dump_what what)
{
	if (!walk_enter(w, LVL_CM_AF, 0) || !walk_enter(w, LVL_AF, 0))
		return;
	spin_lock_bh(&ad->lock);
	walk_vc_list(w, &ad->sig_vcs, what);
	spin_unlock_bh(&ad->lock);
}

/* The objects of one adapter a dump asks for, under condis_config_lock. */
static void walk_adapter(struct condis_nl_walk *w, struct condis_adapter *ad,
			 enum dump_what what)
{
	struct condis_binding *b;
	struct condis_cm_af *cm_af;
	struct condis_af *af;

	lockdep_assert_held(&condis_config_lock);
	switch (what) {
	case DUMP_ADAPTERS:
		put_adapter(w, ad);
		return;
	case DUMP_BINDINGS:
		list_for_each_entry(b, &ad->bindings, adapter_node)
			if (walk_enter(w, LVL_CM_AF, b->obj.id))
				put_binding(w, b);
		return;
	case DUMP_VCS:
	case DUMP_CALLS:
	case DUMP_PARTIES:
		walk_sig_vcs(w, ad, what);
		break;
	default:
		break;
	}
	list_for_each_entry(cm_af, &ad->cm_afs, node) {
		if (!walk_enter(w, LVL_CM_AF, cm_af->obj.id))
			continue;
		list_for_each_entry(af, &cm_af->afs, cm_af_node)
			walk_af(w, af, what);
	}
}

/*
 * Every adapter of every miniport, in the order of the debugfs dump; the
 * objects of the kind asked for whose key is after the last one put.
 */
static int condis_nl_dump(struct sk_buff *skb, struct netlink_callback *cb, enum dump_what what)
{
	struct condis_nl_walk w;
	struct condis_miniport *mp;
	struct condis_adapter *ad;

	walk_init(&w, skb, cb);
	mutex_lock(&condis_config_lock);
	list_for_each_entry(mp, &condis_miniports, node) {
		if (!walk_enter(&w, LVL_MINIPORT, mp->obj.id))
			continue;
		list_for_each_entry(ad, &mp->adapters, node) {
			if (walk_enter(&w, LVL_ADAPTER, ad->obj.id))
				walk_adapter(&w, ad, what);
		}
	}
	mutex_unlock(&condis_config_lock);
	return walk_done(&w);
}

int condis_nl_adapter_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	return condis_nl_dump(skb, cb, DUMP_ADAPTERS);
}

int condis_nl_binding_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	return condis_nl_dump(skb, cb, DUMP_BINDINGS);
}

int condis_nl_af_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	return condis_nl_dump(skb, cb, DUMP_AFS);
}

int condis_nl_sap_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	return condis_nl_dump(skb, cb, DUMP_SAPS);
}

int condis_nl_vc_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	return condis_nl_dump(skb, cb, DUMP_VCS);
}

int condis_nl_call_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	return condis_nl_dump(skb, cb, DUMP_CALLS);
}

int condis_nl_party_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	return condis_nl_dump(skb, cb, DUMP_PARTIES);
}
