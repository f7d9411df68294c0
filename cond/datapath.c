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
 * - a deactivation completes only once every skb sent is back from the
 *   miniport and every skb a protocol kept has been returned: if the
 *   miniport finishes earlier, condis holds the completion until then.
 */
#include "core.h"
#include "objects.h"
#include "trace.h"

/*
 * Whether nothing is in flight on @vc: every skb sent is back with its
 * sender and every skb kept is back with the miniport (the callbacks that
 * hand them back have returned).  Under vc->lock.
 */
bool condis_vc_drained(struct condis_vc *vc)
{
	lockdep_assert_held(&vc->lock);
	return !vc->tx_outstanding && !vc->rx_outstanding;
}

/* After skbs came back: a held deactivation may now complete. */
static void vc_release_deactivation(struct condis_vc *vc)
{
	bool go;

	lockdep_assert_held(&vc->lock);
	go = vc->deact_waiting && condis_vc_drained(vc);
	if (go) {
		vc->deact_waiting = false;
		queue_work(condis_wq_get(), &vc->deactivate_work);
	}
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

	if (!condis_vc_get(vc)) {
		condis_bad_input("vc_owner_context: bad VC handle %p", vc);
		return NULL;
	}
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
	return !vc->af || (vc->call == CONDIS_CALL_STATE_CONNECTED && !vc->remote_closed);
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
 * Return: 0; -EBADF; -EINVAL (no @skbs); -ENOTCONN (the VC is not active
 * or its call not connected, or being closed): the skbs stay on @skbs.
 */
int condis_co_send(struct condis_vc *vc, struct sk_buff_head *skbs)
{
	struct sk_buff *skb;
	int err = 0;

	if (!condis_vc_get(vc)) {
		condis_bad_input("co_send: bad VC handle %p", vc);
		return -EBADF;
	}
	if (!skbs || skb_queue_empty(skbs)) {
		condis_vc_put(vc);
		return skbs ? 0 : -EINVAL;
	}
	spin_lock_bh(&vc->lock);
	if (vc_may_send(vc)) {
		vc->tx_outstanding += skb_queue_len(skbs);
		skb_queue_walk(skbs, skb) {
			CONDIS_SKB_CB(skb)->status = 0;
			CONDIS_SKB_CB(skb)->vc = vc;
		}
	} else {
		err = -ENOTCONN;
	}
	spin_unlock_bh(&vc->lock);
	if (err) {
		condis_bad_input("co_send: VC %u takes no data now", vc->obj.id);
	} else {
		trace_condis_send(vc, skb_queue_len(skbs));
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
 * The sender's co_send_complete runs before this returns.
 *
 * Context: any.
 */
void condis_mco_send_complete(struct condis_vc *vc, struct sk_buff_head *skbs)
{
	const struct condis_protocol_ops *ops;
	unsigned int n, errors = 0;
	struct sk_buff *skb;
	void *bctx, *vctx;
	u64 bytes = 0;

	if (!condis_vc_get(vc)) {
		condis_bad_input("mco_send_complete: bad VC handle %p", vc);
		return;
	}
	if (!skbs) {
		condis_vc_put(vc);
		return;
	}
	n = skb_queue_len(skbs);
	skb_queue_walk(skbs, skb) {
		bytes += skb->len;
		errors += !!CONDIS_SKB_CB(skb)->status;
		CONDIS_SKB_CB(skb)->vc = vc;	/* the miniport may have reused it */
	}
	spin_lock_bh(&vc->lock);
	if (n > vc->tx_outstanding - vc->tx_completing) {
		spin_unlock_bh(&vc->lock);
		condis_bad_input("mco_send_complete: VC %u: %u skbs completed, %u were sent",
				 vc->obj.id, n, vc->tx_outstanding - vc->tx_completing);
		condis_vc_put(vc);
		return;
	}
	vc->tx_completing += n;
	vc->tx_packets += n - errors;
	vc->tx_errors += errors;
	vc->tx_bytes += bytes;
	spin_unlock_bh(&vc->lock);

	ops = vc_owner(vc, &bctx, &vctx);
	ops->co_send_complete(vctx, skbs);
	/* Only now are they back: a held deactivation may complete. */
	spin_lock_bh(&vc->lock);
	vc->tx_completing -= n;
	vc->tx_outstanding -= n;
	vc_release_deactivation(vc);
	spin_unlock_bh(&vc->lock);
	condis_vc_put(vc);
}
EXPORT_SYMBOL_NS_GPL(condis_mco_send_complete, CONDIS);

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
 * runs before this returns.
 *
 * Context: any.
 * Return: 0; -EBADF; -EINVAL (no @skbs); -ENOTCONN (the VC takes no data:
 * nothing was indicated).
 */
int condis_mco_indicate_receive(struct condis_vc *vc, struct sk_buff_head *skbs,
				unsigned int flags)
{
	const struct condis_protocol_ops *ops;
	unsigned int n, left;
	struct sk_buff *skb;
	void *bctx, *vctx;
	u64 bytes = 0;
	int err = 0;

	if (!condis_vc_get(vc)) {
		condis_bad_input("mco_indicate_receive: bad VC handle %p", vc);
		return -EBADF;
	}
	if (!skbs) {
		condis_vc_put(vc);
		return -EINVAL;
	}
	n = skb_queue_len(skbs);
	skb_queue_walk(skbs, skb) {
		bytes += skb->len;
		CONDIS_SKB_CB(skb)->vc = vc;
	}
	spin_lock_bh(&vc->lock);
	if (vc->state == CONDIS_VC_STATE_ACTIVE || vc->state == CONDIS_VC_STATE_DEACTIVATING) {
		vc->rx_packets += n;
		vc->rx_bytes += bytes;
		/* Until the owner says which it keeps, all count as kept. */
		vc->rx_outstanding += n;
	} else {
		err = -ENOTCONN;
	}
	spin_unlock_bh(&vc->lock);
	if (err) {
		condis_bad_input("mco_indicate_receive: VC %u takes no data now", vc->obj.id);
		condis_vc_put(vc);
		return err;
	}

	trace_condis_receive(vc, n, flags);
	ops = vc_owner(vc, &bctx, &vctx);
	ops->co_receive(bctx, vctx, skbs, flags);
	left = skb_queue_len(skbs);
	if (flags & CONDIS_RECEIVE_RESOURCES && left != n)
		condis_bad_input("co_receive kept %u skbs of VC %u despite RESOURCES",
				 n - left, vc->obj.id);
	spin_lock_bh(&vc->lock);
	vc->rx_outstanding -= min(left, n);
	vc_release_deactivation(vc);
	spin_unlock_bh(&vc->lock);
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
 * Context: any.
 */
void condis_co_return_skbs(struct condis_vc *vc, struct sk_buff_head *skbs)
{
	unsigned int n;

	if (!condis_vc_get(vc)) {
		condis_bad_input("co_return_skbs: bad VC handle %p", vc);
		return;
	}
	if (!skbs) {
		condis_vc_put(vc);
		return;
	}
	n = skb_queue_len(skbs);
	spin_lock_bh(&vc->lock);
	if (n > vc->rx_outstanding - vc->rx_returning) {
		spin_unlock_bh(&vc->lock);
		condis_bad_input("co_return_skbs: VC %u: %u skbs returned, %u were kept",
				 vc->obj.id, n, vc->rx_outstanding - vc->rx_returning);
		condis_vc_put(vc);
		return;
	}
	vc->rx_returning += n;
	spin_unlock_bh(&vc->lock);
	vc->adapter->miniport->ops->return_skbs(vc->mp_vc_ctx, skbs);
	spin_lock_bh(&vc->lock);
	vc->rx_returning -= n;
	vc->rx_outstanding -= n;
	vc_release_deactivation(vc);
	spin_unlock_bh(&vc->lock);
	condis_vc_put(vc);
}
EXPORT_SYMBOL_NS_GPL(condis_co_return_skbs, CONDIS);
