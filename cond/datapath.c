// SPDX-License-Identifier: GPL-2.0
/*
 * The VC data path on sk_buffs: sends (NdisCoSendNetBufferLists and the
 * miniport's NdisMCoSendNetBufferListsComplete), receives
 * (NdisMCoIndicateReceiveNetBufferLists) and the return of received skbs a
 * protocol kept (NdisReturnNetBufferLists).
 *
 * Who is on each end: a VC on an AF carries the client's data; a VC on no
 * AF is a stand-alone CM's signalling VC.  The miniport is the adapter's
 * (for an MCM, its miniport part, with the MCM's VC context).
 *
 * The rules condis enforces, under vc->lock:
 * - sends only on an active VC, and on a data VC only while its call is
 *   connected and neither side has started to close it;
 * - receives only on an active VC, or one being deactivated;
 * - a send completion only of an skb sent on the VC and not completed yet,
 *   a return only of an skb indicated on it, kept and not returned yet:
 *   condis knows which skbs those are (the set below) and refuses any
 *   other, skb by skb;
 * - a deactivation completes only once every skb sent is back from the
 *   miniport and every skb a protocol kept has been returned: if the
 *   miniport finishes earlier, condis holds the completion until then.
 */
#include <linux/hash.h>
#include <linux/slab.h>

#include "core.h"
#include "objects.h"
#include "trace.h"

/*
 * The skbs out on a VC.  An skb condis hands over on a VC has an entry in
 * vc->data.skbs until it comes back: SENT from condis_co_send() until the
 * miniport completes it, KEPT from condis_mco_indicate_receive() until the
 * owner returns it (or leaves it on the list).  A completion or a return
 * is accepted only for an skb with the matching entry, which it removes; a
 * second one, or one of an skb that never travelled on this VC that way,
 * finds none and is refused.
 *
 * The key is the skb's address with the kind in bit 0 (an sk_buff is
 * word-aligned), so nothing is stored in the skb: its cb belongs to the
 * driver holding it, which may overwrite it meanwhile.  The set is an
 * open-addressing hash table with linear probing, at most half full, grown
 * by doubling (GFP_ATOMIC: the data path runs in any context) and freed
 * with the VC.  Lookups, insertions and removals take O(1) on average,
 * under vc->lock, which the data path takes once per batch anyway.
 *
 * What an address cannot tell: an owner that frees a kept skb instead of
 * returning it leaves its entry, and the VC undrained; an skb freed and
 * reallocated at the same address while its entry lives is taken for the
 * one that left.
 */
#define SKB_SENT	0UL
#define SKB_KEPT	1UL
#define SKBS_MIN_BITS	4	/* 16 slots: 8 skbs */
#define SKBS_MAX_BITS	30

static unsigned long skb_key(const struct sk_buff *skb, unsigned long kind)
{
	return (unsigned long)skb | kind;
}

/*
 * A batch works on a copy of the set's pointer and size, read once: the
 * kernel is built without strict aliasing, so every store into the slots
 * would otherwise make the compiler read them from the VC again.  The
 * caller keeps vc->data.skbs_used.
 */
struct skb_set {
	unsigned long *slot;
	unsigned int bits;
	unsigned int mask;
};

static struct skb_set skbs_of(const struct condis_vc *vc)
{
	return (struct skb_set){
		.slot = vc->data.skbs,
		.bits = vc->data.skbs_bits,
		.mask = (1U << vc->data.skbs_bits) - 1,
	};
}

/* Where the probe for @key starts. */
static unsigned int skbs_home(const struct skb_set *set, unsigned long key)
{
	return hash_long(key, set->bits);
}

/* The slot that holds @key, or -1.  A free slot always ends the probe. */
static int skbs_find(const struct skb_set *set, unsigned long key)
{
	unsigned int i;

	if (!set->slot)
		return -1;
	for (i = skbs_home(set, key); set->slot[i]; i = (i + 1) & set->mask)
		if (set->slot[i] == key)
			return i;
	return -1;
}

/* Add @key, with room reserved.  Return: false if it is there already. */
static bool skbs_add(const struct skb_set *set, unsigned long key)
{
	unsigned int i;

	for (i = skbs_home(set, key); set->slot[i]; i = (i + 1) & set->mask)
		if (set->slot[i] == key)
			return false;
	set->slot[i] = key;
	return true;
}

/*
 * Remove @key.  The gap it leaves is filled by moving back each entry
 * after it that a probe would no longer reach (one whose home is not
 * cyclically in the gap's slot + 1 .. its own slot), so no tombstones.
 * Return: false if @key was not there.
 */
static bool skbs_del(const struct skb_set *set, unsigned long key)
{
	unsigned long *slot = set->slot;
	unsigned int mask = set->mask, i, j;
	int at = skbs_find(set, key);

	if (at < 0)
		return false;
	i = at;
	j = i;
	for (;;) {
		slot[i] = 0;
		do {
			j = (j + 1) & mask;
			if (!slot[j])
				return true;
		} while (((j - skbs_home(set, slot[j])) & mask) < ((j - i) & mask));
		slot[i] = slot[j];
		i = j;
	}
}

/*
 * Make room in @vc's set for @n more entries.  Under vc->lock; GFP_ATOMIC.
 * Return: false (no memory) if there is none.
 */
static bool skbs_reserve(struct condis_vc *vc, unsigned int n)
{
	unsigned int bits = max_t(unsigned int, vc->data.skbs_bits, SKBS_MIN_BITS);
	struct skb_set old = skbs_of(vc), set;
	u64 need = (u64)vc->data.skbs_used + n;
	unsigned int i;

	lockdep_assert_held(&vc->lock);
	if (old.slot && need <= old.mask / 2 + 1)
		return true;
	while (need > 1ULL << (bits - 1))
		if (++bits > SKBS_MAX_BITS)
			return false;
	set.slot = kcalloc(1U << bits, sizeof(*set.slot), GFP_ATOMIC | __GFP_NOWARN);
	if (!set.slot)
		return false;
	set.bits = bits;
	set.mask = (1U << bits) - 1;
	for (i = 0; old.slot && i <= old.mask; i++)
		if (old.slot[i])
			skbs_add(&set, old.slot[i]);
	kfree(old.slot);
	vc->data.skbs = set.slot;
	vc->data.skbs_bits = bits;
	return true;
}

/**
 * condis_vc_data_init() - set up the data part of a new VC
 * @vc: the VC, not yet published
 *
 * Context: any.
 */
void condis_vc_data_init(struct condis_vc *vc)
{
	__skb_queue_head_init(&vc->data.rx_held);
}

/**
 * condis_vc_data_wait_drain() - whether a deactivation the miniport
 *	finished waits for the data path to drain
 * @vc: the VC
 * @wait: it does; the last skb back completes the deactivation
 *
 * Context: under vc->lock.
 */
void condis_vc_data_wait_drain(struct condis_vc *vc, bool wait)
{
	lockdep_assert_held(&vc->lock);
	vc->data.deact_waiting = wait;
}

/**
 * condis_vc_data_flush_begin() - the call is connected: receives held
 *	until now are delivered, and new ones queue behind them meanwhile
 * @vc: the VC
 *
 * Context: under vc->lock.
 */
void condis_vc_data_flush_begin(struct condis_vc *vc)
{
	lockdep_assert_held(&vc->lock);
	vc->data.rx_flushing = true;
}

/**
 * condis_vc_data_outstanding() - the skbs out on a VC, for a report
 * @vc: the VC
 * @sent: set to the sends not yet completed
 * @kept: set to the receives not yet returned
 *
 * Context: under vc->lock.
 */
void condis_vc_data_outstanding(struct condis_vc *vc, unsigned int *sent, unsigned int *kept)
{
	lockdep_assert_held(&vc->lock);
	*sent = vc->data.tx_outstanding;
	*kept = vc->data.rx_outstanding;
}

/**
 * condis_vc_datapath_free() - free what the data path holds for a VC
 * @vc: a VC being freed
 *
 * Context: any.
 */
void condis_vc_datapath_free(struct condis_vc *vc)
{
	kfree(vc->data.skbs);
	vc->data.skbs = NULL;
	vc->data.skbs_used = 0;
}

/**
 * condis_vc_drained() - whether nothing is in flight on a VC
 * @vc: the VC
 *
 * Every skb sent is back with its sender and every skb kept is back with
 * the miniport (the callbacks that hand them back have returned).
 *
 * Context: under vc->lock.
 * Return: true if so.
 */
bool condis_vc_drained(struct condis_vc *vc)
{
	lockdep_assert_held(&vc->lock);
	return !vc->data.tx_outstanding && !vc->data.rx_outstanding;
}

/**
 * condis_vc_data_drained() - whether nothing is in flight on a VC
 * @vc: the VC
 *
 * Context: any; takes vc->lock.
 * Return: as condis_vc_drained().
 */
bool condis_vc_data_drained(struct condis_vc *vc)
{
	bool drained;

	spin_lock_bh(&vc->lock);
	drained = condis_vc_drained(vc);
	spin_unlock_bh(&vc->lock);
	return drained;
}

/*
 * After skbs came back, under vc->lock: once none is out any more,
 * teardown may be waiting for that, and a held deactivation completes.
 * Nothing but the check when some still are (the cost per batch).
 */
static void vc_data_back(struct condis_vc *vc)
{
	lockdep_assert_held(&vc->lock);
	if (!condis_vc_drained(vc))
		return;
	condis_settle_wake();
	if (vc->data.deact_waiting) {
		vc->data.deact_waiting = false;
		condis_vc_deactivation_drained(vc);
	}
}

/**
 * condis_vc_abandon_skbs() - give up on the skbs still out on a VC
 * @vc: the VC, referenced by the caller
 *
 * Forced teardown's last resort, once the drivers have had their budget:
 * skbs the owner kept and never returned are handed back to the miniport
 * for it (the owner must not touch them again: it is going away, or broke
 * the rules), and skbs the miniport never completed are forgotten (they
 * stay its own; a late completion is refused as foreign).  A deactivation
 * waiting for them then completes.
 *
 * Context: process.
 * Return: the number of skbs given up on.
 */
unsigned int condis_vc_abandon_skbs(struct condis_vc *vc)
{
	unsigned int i, sent = 0, kept;
	struct sk_buff_head back;

	condis_vc_drop_held(vc);
	__skb_queue_head_init(&back);
	spin_lock_bh(&vc->lock);
	vc->data.rx_flushing = false;
	for (i = 0; vc->data.skbs && i < 1U << vc->data.skbs_bits; i++) {
		unsigned long key = vc->data.skbs[i];

		if (!key)
			continue;
		if (key & SKB_KEPT)
			__skb_queue_tail(&back, (struct sk_buff *)(key & ~SKB_KEPT));
		else
			sent++;
		vc->data.skbs[i] = 0;
	}
	vc->data.skbs_used = 0;
	kept = skb_queue_len(&back);
	vc->data.tx_outstanding -= min(sent, vc->data.tx_outstanding);
	spin_unlock_bh(&vc->lock);

	if (kept)
		vc->adapter->miniport->ops->return_skbs(vc->mp_vc_ctx, &back);
	spin_lock_bh(&vc->lock);
	vc->data.rx_outstanding -= min(kept, vc->data.rx_outstanding);
	vc_data_back(vc);
	spin_unlock_bh(&vc->lock);
	if (sent + kept)
		pr_warn("teardown: VC %u: %u kept skbs returned for their owner, %u unsent given up\n",
			vc->obj.id, kept, sent);
	return sent + kept;
}

/* The protocol at the data end of @vc and its context for it. */
static const struct condis_protocol_ops *vc_owner(struct condis_vc *vc, void **binding_ctx,
						  void **vc_ctx)
{
	struct condis_binding *b = vc->af ? vc->af->binding : vc->sig_binding;

	*binding_ctx = b->ctx;
	*vc_ctx = vc->af ? vc->cl_vc_ctx : vc->cm_vc_ctx;
	return b->protocol->ops;
}

/**
 * condis_vc_owner_context() - the context the data owner of a VC gave it
 * @vc: a VC
 *
 * The owner is the VC's client, or the CM for its signalling VC: the
 * protocol whose co_send_complete and co_receive get the VC's packets,
 * with this context.  The NDIS compat layer needs it to complete sends it
 * refuses before they reach condis (NDIS completes those too).
 *
 * Context: any.
 * Return: the context, or NULL for a bad handle.
 */
void *condis_vc_owner_context(struct condis_vc *vc)
{
	void *bctx, *vctx;

	if (!condis_vc_handle(vc, "vc_owner_context"))
		return NULL;
	vc_owner(vc, &bctx, &vctx);
	condis_vc_put(vc);
	return vctx;
}
EXPORT_SYMBOL_NS_GPL(condis_vc_owner_context, CONDIS);

static bool vc_may_send(struct condis_vc *vc)
{
	lockdep_assert_held(&vc->lock);
	if (vc->state != CONDIS_VC_STATE_ACTIVE)
		return false;
	return !vc->af || condis_call_connected(vc);
}

/*
 * Enter each skb of @skbs as sent on @vc, with room reserved, and name the
 * VC in its cb.  Return: NULL, or the first skb already in flight on @vc;
 * then nothing is entered.
 */
static struct sk_buff *vc_add_sent(struct condis_vc *vc, struct sk_buff_head *skbs)
{
	struct skb_set set = skbs_of(vc);
	struct sk_buff *skb, *undo;

	skb_queue_walk(skbs, skb) {
		if (!skbs_add(&set, skb_key(skb, SKB_SENT))) {
			skb_queue_walk(skbs, undo) {
				if (undo == skb)
					break;
				skbs_del(&set, skb_key(undo, SKB_SENT));
			}
			return skb;
		}
		CONDIS_SKB_CB(skb)->status = 0;
		CONDIS_SKB_CB(skb)->vc = vc;
	}
	vc->data.skbs_used += skb_queue_len(skbs);
	return NULL;
}

/**
 * condis_co_send() - send packets on a VC (NdisCoSendNetBufferLists)
 * @vc: an active VC: a client's with a connected call, or a CM's
 *	signalling VC
 * @skbs: the packets, in transmit order; on success the list is emptied
 *	and the skbs belong to the miniport until co_send_complete gives
 *	them back
 *
 * The miniport's send runs before this returns.
 *
 * Context: any.
 * Return: 0; -EBADF; -EINVAL (no @skbs, or one of them is still in flight
 * on @vc); -ENOTCONN (the VC is not active or its call not connected, or
 * being closed); -ENOMEM (no memory to track them).  On an error the skbs
 * stay on @skbs.
 */
int condis_co_send(struct condis_vc *vc, struct sk_buff_head *skbs)
{
	struct sk_buff *dup = NULL;
	unsigned int n;
	int err = 0;

	if (!condis_vc_handle(vc, "co_send"))
		return -EBADF;
	if (!skbs || skb_queue_empty(skbs)) {
		condis_vc_put(vc);
		return skbs ? 0 : -EINVAL;
	}
	n = skb_queue_len(skbs);
	spin_lock_bh(&vc->lock);
	if (!vc_may_send(vc)) {
		err = -ENOTCONN;
	} else if (!skbs_reserve(vc, n)) {
		err = -ENOMEM;
	} else {
		dup = vc_add_sent(vc, skbs);
		if (dup)
			err = -EINVAL;
		else
			vc->data.tx_outstanding += n;
	}
	spin_unlock_bh(&vc->lock);
	if (err == -ENOTCONN)
		condis_bad_input("co_send: VC %u takes no data now", vc->obj.id);
	else if (err == -EINVAL)
		condis_bad_input("co_send: VC %u: skb %p is in flight on it already",
				 vc->obj.id, dup);
	else if (err)
		pr_warn_ratelimited("condis: VC %u: no memory to track %u skbs sent\n",
				    vc->obj.id, n);
	if (!err) {
		trace_condis_send(vc, n);
		vc->adapter->miniport->ops->send(vc->mp_vc_ctx, skbs);
	}
	condis_vc_put(vc);
	return err;
}
EXPORT_SYMBOL_NS_GPL(condis_co_send, CONDIS);

/**
 * condis_mco_send_complete() - a miniport is done with sent skbs
 *	(NdisMCoSendNetBufferListsComplete)
 * @vc: the VC they were sent on
 * @skbs: skbs of one or more sends, in any order, each with
 *	CONDIS_SKB_CB(skb)->status set; handed on to the sender
 *
 * Each skb must have been sent on @vc and not completed yet; any other
 * (a second completion, an skb sent on another VC or never sent) is
 * refused: it is not handed on, counts nothing and is left on @skbs, the
 * caller's again.  The others go to the sender's co_send_complete, which
 * runs before this returns.
 *
 * Context: any.
 */
void condis_mco_send_complete(struct condis_vc *vc, struct sk_buff_head *skbs)
{
	const struct condis_protocol_ops *ops;
	unsigned int n = 0, errors = 0;
	struct sk_buff_head refused;
	struct skb_set set;
	struct sk_buff *skb, *tmp;
	void *bctx, *vctx;
	u64 bytes = 0;

	if (!condis_vc_handle(vc, "mco_send_complete"))
		return;
	if (!skbs) {
		condis_vc_put(vc);
		return;
	}
	__skb_queue_head_init(&refused);
	spin_lock_bh(&vc->lock);
	set = skbs_of(vc);
	skb_queue_walk_safe(skbs, skb, tmp) {
		/* Nothing of a refused skb is read: it may be long gone. */
		if (!skbs_del(&set, skb_key(skb, SKB_SENT))) {
			__skb_unlink(skb, skbs);
			__skb_queue_tail(&refused, skb);
			continue;
		}
		n++;
		bytes += skb->len;
		errors += !!CONDIS_SKB_CB(skb)->status;
		CONDIS_SKB_CB(skb)->vc = vc;	/* the miniport may have reused it */
	}
	vc->data.skbs_used -= n;
	vc->data.tx_packets += n - errors;
	vc->data.tx_errors += errors;
	vc->data.tx_bytes += bytes;
	spin_unlock_bh(&vc->lock);
	if (!skb_queue_empty(&refused))
		condis_bad_input("mco_send_complete: VC %u: %u skbs not in flight on it refused",
				 vc->obj.id, skb_queue_len(&refused));

	if (n) {
		ops = vc_owner(vc, &bctx, &vctx);
		ops->co_send_complete(vctx, skbs);
		/* Only now are they back: a held deactivation may complete. */
		spin_lock_bh(&vc->lock);
		vc->data.tx_outstanding -= n;
		vc_data_back(vc);
		spin_unlock_bh(&vc->lock);
	}
	skb_queue_splice_tail(&refused, skbs);
	condis_vc_put(vc);
}
EXPORT_SYMBOL_NS_GPL(condis_mco_send_complete, CONDIS);

/*
 * After the owner's co_receive: the skbs left on @skbs are the miniport's
 * again, the others stay kept.  One left there that is no longer kept was
 * returned from inside co_receive (or never indicated): it is taken off,
 * so the miniport does not get it back twice.  Under vc->lock.
 * Return: how many were taken off.
 */
static unsigned int vc_unkeep_left(struct condis_vc *vc, struct sk_buff_head *skbs)
{
	struct skb_set set = skbs_of(vc);
	unsigned int left = 0, stray = 0;
	struct sk_buff *skb, *tmp;

	skb_queue_walk_safe(skbs, skb, tmp) {
		if (skbs_del(&set, skb_key(skb, SKB_KEPT))) {
			left++;
		} else {
			__skb_unlink(skb, skbs);
			stray++;
		}
	}
	vc->data.skbs_used -= left;
	vc->data.rx_outstanding -= left;
	return stray;
}

/*
 * Receives before call-connected.  The WDK lets data flow on an incoming
 * call from ProtocolClCallConnected on; a peer that sends as soon as its
 * make-call completes can overtake the call manager's own handshake, so
 * what arrives on an offered or accepted incoming call is held (kept by
 * condis, at most CONDIS_RX_HELD_MAX skbs; beyond that, dropped: left to
 * the miniport) and given to the client right after its call_connected, in
 * order.  A call that ends without connecting gives them back to the
 * miniport when the VC is deactivated.
 */
#define CONDIS_RX_HELD_MAX	256

/* Whether receives on @vc wait for call-connected; under vc->lock. */
static bool vc_holds_receives(struct condis_vc *vc)
{
	lockdep_assert_held(&vc->lock);
	if (!vc->af || vc->creator == CONDIS_VC_CREATOR_CLIENT)
		return false;
	return condis_call_answering(vc) || vc->data.rx_flushing;
}

/* Hold what fits of @skbs on @vc; the rest stays on @skbs.  Under vc->lock. */
static void vc_hold(struct condis_vc *vc, struct sk_buff_head *skbs, unsigned int flags)
{
	struct sk_buff *skb, *tmp;
	struct skb_set set;

	lockdep_assert_held(&vc->lock);
	if (flags & CONDIS_RECEIVE_RESOURCES)
		return;		/* nothing may be kept */
	if (!skbs_reserve(vc, skb_queue_len(skbs)))
		return;
	set = skbs_of(vc);
	skb_queue_walk_safe(skbs, skb, tmp) {
		if (skb_queue_len(&vc->data.rx_held) >= CONDIS_RX_HELD_MAX)
			break;
		if (!skbs_add(&set, skb_key(skb, SKB_KEPT)))
			continue;	/* kept already: refused, as below */
		vc->data.skbs_used++;
		__skb_unlink(skb, skbs);
		CONDIS_SKB_CB(skb)->vc = vc;
		__skb_queue_tail(&vc->data.rx_held, skb);
		vc->data.rx_outstanding++;
		vc->data.rx_packets++;
		vc->data.rx_bytes += skb->len;
	}
}

/**
 * condis_vc_deliver_held() - give the client what arrived before its call
 *	was connected
 * @vc: the VC, referenced by the caller, right after call_connected
 *
 * Context: as condis_cm_dispatch_call_connected().
 */
void condis_vc_deliver_held(struct condis_vc *vc)
{
	const struct condis_protocol_ops *ops;
	struct sk_buff_head batch;
	void *bctx, *vctx;

	__skb_queue_head_init(&batch);
	for (;;) {
		spin_lock_bh(&vc->lock);
		if (skb_queue_empty(&vc->data.rx_held)) {
			vc->data.rx_flushing = false;
			spin_unlock_bh(&vc->lock);
			return;
		}
		skb_queue_splice_init(&vc->data.rx_held, &batch);
		spin_unlock_bh(&vc->lock);

		trace_condis_receive(vc, skb_queue_len(&batch), 0);
		ops = vc_owner(vc, &bctx, &vctx);
		ops->co_receive(bctx, vctx, &batch, 0);
		spin_lock_bh(&vc->lock);
		vc_unkeep_left(vc, &batch);
		spin_unlock_bh(&vc->lock);
		/* Indicated long ago: what the client did not keep goes back now. */
		if (!skb_queue_empty(&batch))
			vc->adapter->miniport->ops->return_skbs(vc->mp_vc_ctx, &batch);
		spin_lock_bh(&vc->lock);
		vc_data_back(vc);
		spin_unlock_bh(&vc->lock);
	}
}

/**
 * condis_vc_drop_held() - give back what arrived on a call that never
 *	connected
 * @vc: the VC, referenced by the caller, being deactivated
 *
 * Context: any.
 */
void condis_vc_drop_held(struct condis_vc *vc)
{
	struct sk_buff_head back;
	struct skb_set set;
	struct sk_buff *skb;
	unsigned int n;

	__skb_queue_head_init(&back);
	spin_lock_bh(&vc->lock);
	if (vc->data.rx_flushing) {
		spin_unlock_bh(&vc->lock);
		return;		/* being delivered: the client returns them */
	}
	skb_queue_splice_init(&vc->data.rx_held, &back);
	set = skbs_of(vc);
	skb_queue_walk(&back, skb)
		if (skbs_del(&set, skb_key(skb, SKB_KEPT)))
			vc->data.skbs_used--;
	n = skb_queue_len(&back);
	spin_unlock_bh(&vc->lock);
	if (!n)
		return;
	vc->adapter->miniport->ops->return_skbs(vc->mp_vc_ctx, &back);
	spin_lock_bh(&vc->lock);
	vc->data.rx_outstanding -= n;
	vc_data_back(vc);
	spin_unlock_bh(&vc->lock);
}

/*
 * Enter @skbs as received on @vc, under vc->lock.  What the owner may keep
 * is entered before it can keep (or return) it; an skb entered as kept
 * already is moved to @refused.  With no memory to track them, *@flags
 * gains %CONDIS_RECEIVE_RESOURCES: the owner copies.
 * Return: the number of skbs to indicate.
 */
static unsigned int vc_rx_enter(struct condis_vc *vc, struct sk_buff_head *skbs,
				unsigned int *flags, struct sk_buff_head *refused)
{
	bool track = !(*flags & CONDIS_RECEIVE_RESOURCES);
	struct sk_buff *skb, *tmp;
	struct skb_set set;
	unsigned int n = 0;
	u64 bytes = 0;

	lockdep_assert_held(&vc->lock);
	if (track && !skbs_reserve(vc, skb_queue_len(skbs))) {
		*flags |= CONDIS_RECEIVE_RESOURCES;
		track = false;
	}
	set = skbs_of(vc);
	skb_queue_walk_safe(skbs, skb, tmp) {
		if (track && !skbs_add(&set, skb_key(skb, SKB_KEPT))) {
			__skb_unlink(skb, skbs);
			__skb_queue_tail(refused, skb);
			continue;
		}
		n++;
		bytes += skb->len;
		CONDIS_SKB_CB(skb)->vc = vc;
	}
	if (track)
		vc->data.skbs_used += n;
	vc->data.rx_packets += n;
	vc->data.rx_bytes += bytes;
	/* Until the owner says which it keeps, all count as kept. */
	vc->data.rx_outstanding += n;
	return n;
}

/*
 * Give the @n skbs entered on @vc to its owner's co_receive, then take
 * back those it did not keep.
 */
static void vc_rx_indicate(struct condis_vc *vc, struct sk_buff_head *skbs, unsigned int n,
			   unsigned int flags)
{
	bool track = !(flags & CONDIS_RECEIVE_RESOURCES);
	const struct condis_protocol_ops *ops;
	unsigned int left = 0, stray = 0;
	void *bctx, *vctx;

	trace_condis_receive(vc, n, flags);
	ops = vc_owner(vc, &bctx, &vctx);
	ops->co_receive(bctx, vctx, skbs, flags);
	spin_lock_bh(&vc->lock);
	if (track) {
		stray = vc_unkeep_left(vc, skbs);
	} else {
		left = skb_queue_len(skbs);
		vc->data.rx_outstanding -= n;
	}
	vc_data_back(vc);
	spin_unlock_bh(&vc->lock);
	if (!track && left != n)
		condis_bad_input("co_receive kept %u skbs of VC %u despite RESOURCES",
				 n - min(left, n), vc->obj.id);
	if (stray)
		condis_bad_input("co_receive of VC %u listed %u skbs it returned: unlisted",
				 vc->obj.id, stray);
}

/**
 * condis_mco_indicate_receive() - a miniport indicates packets received on
 *	a VC (NdisMCoIndicateReceiveNetBufferLists)
 * @vc: an active VC (or one being deactivated)
 * @skbs: the packets; those the owner keeps are taken off the list and
 *	come back through the miniport's return_skbs; the rest are the
 *	miniport's again when this returns
 * @flags: %CONDIS_RECEIVE_RESOURCES: the owner must copy, all skbs stay
 *	the miniport's
 *
 * The owner's co_receive (the client's, or the CM's for a signalling VC)
 * runs before this returns.  An skb indicated on @vc before and still kept
 * is refused: not indicated, left on @skbs.  If condis has no memory to
 * track what the owner keeps, it indicates with %CONDIS_RECEIVE_RESOURCES.
 *
 * Context: any.
 * Return: 0; -EBADF; -EINVAL (no @skbs); -ENOTCONN (the VC takes no data:
 * nothing was indicated).
 */
int condis_mco_indicate_receive(struct condis_vc *vc, struct sk_buff_head *skbs,
				unsigned int flags)
{
	struct sk_buff_head refused;
	unsigned int n, asked = flags;

	if (!condis_vc_handle(vc, "mco_indicate_receive"))
		return -EBADF;
	if (!skbs) {
		condis_vc_put(vc);
		return -EINVAL;
	}
	__skb_queue_head_init(&refused);
	spin_lock_bh(&vc->lock);
	if (vc->state != CONDIS_VC_STATE_ACTIVE && vc->state != CONDIS_VC_STATE_DEACTIVATING) {
		spin_unlock_bh(&vc->lock);
		condis_bad_input("mco_indicate_receive: VC %u takes no data now", vc->obj.id);
		condis_vc_put(vc);
		return -ENOTCONN;
	}
	if (vc_holds_receives(vc)) {
		vc_hold(vc, skbs, flags);
		spin_unlock_bh(&vc->lock);
		condis_vc_put(vc);
		return 0;
	}
	n = vc_rx_enter(vc, skbs, &flags, &refused);
	spin_unlock_bh(&vc->lock);
	if (flags != asked)
		pr_warn_ratelimited("condis: VC %u: no memory to track receives: owner copies\n",
				    vc->obj.id);
	if (!skb_queue_empty(&refused))
		condis_bad_input("mco_indicate_receive: VC %u: %u skbs still kept refused",
				 vc->obj.id, skb_queue_len(&refused));
	if (n)
		vc_rx_indicate(vc, skbs, n, flags);
	skb_queue_splice_tail(&refused, skbs);
	condis_vc_put(vc);
	return 0;
}
EXPORT_SYMBOL_NS_GPL(condis_mco_indicate_receive, CONDIS);

/**
 * condis_co_return_skbs() - a protocol hands back received skbs it kept
 *	(NdisReturnNetBufferLists)
 * @vc: the VC they arrived on
 * @skbs: the skbs; they go to the miniport's return_skbs
 *
 * Each skb must have been indicated on @vc, kept and not returned yet; any
 * other (a second return, an skb indicated on another VC, or not kept, or
 * never received) is refused: it does not reach the miniport and is left
 * on @skbs, the caller's again.
 *
 * Context: any.
 */
void condis_co_return_skbs(struct condis_vc *vc, struct sk_buff_head *skbs)
{
	struct sk_buff_head refused;
	struct skb_set set;
	struct sk_buff *skb, *tmp;
	unsigned int n = 0;

	if (!condis_vc_handle(vc, "co_return_skbs"))
		return;
	if (!skbs) {
		condis_vc_put(vc);
		return;
	}
	__skb_queue_head_init(&refused);
	spin_lock_bh(&vc->lock);
	set = skbs_of(vc);
	skb_queue_walk_safe(skbs, skb, tmp) {
		if (skbs_del(&set, skb_key(skb, SKB_KEPT))) {
			n++;
		} else {
			__skb_unlink(skb, skbs);
			__skb_queue_tail(&refused, skb);
		}
	}
	vc->data.skbs_used -= n;
	spin_unlock_bh(&vc->lock);
	if (!skb_queue_empty(&refused))
		condis_bad_input("co_return_skbs: VC %u: %u skbs not kept from it refused",
				 vc->obj.id, skb_queue_len(&refused));

	if (n) {
		vc->adapter->miniport->ops->return_skbs(vc->mp_vc_ctx, skbs);
		spin_lock_bh(&vc->lock);
		vc->data.rx_outstanding -= n;
		vc_data_back(vc);
		spin_unlock_bh(&vc->lock);
	}
	skb_queue_splice_tail(&refused, skbs);
	condis_vc_put(vc);
}
EXPORT_SYMBOL_NS_GPL(condis_co_return_skbs, CONDIS);
