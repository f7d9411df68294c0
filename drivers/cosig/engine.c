// SPDX-License-Identifier: GPL-2.0
/*
 * The engine: its life, its worker (events from condis, frames from the
 * peer, timers), link state and restart.
 */
#include <linux/jiffies.h>
#include <linux/net.h>
#include <linux/seq_file.h>
#include <linux/slab.h>

#include "internal.h"

#define COSIG_RXQ_MAX	1024	/* frames waiting for the worker */

/**
 * cosig_kick() - run the worker soon
 * @sig: the engine
 *
 * Context: any.
 */
void cosig_kick(struct cosig *sig)
{
	if (!READ_ONCE(sig->dying))
		mod_delayed_work(cosig_wq, &sig->work, 0);
}

/**
 * cosig_event_queue() - leave an event for the worker
 * @sig: the engine
 * @ev: the call's or party's event node
 * @bit: COSIG_EV_xxx
 *
 * The queue holds a reference on the call or party while @ev is listed;
 * the caller has one to give.
 *
 * Context: any.
 */
void cosig_event_queue(struct cosig *sig, struct cosig_event *ev, unsigned int bit)
{
	bool first;

	spin_lock_bh(&sig->ev_lock);
	first = !ev->pending;
	__set_bit(bit, &ev->pending);
	if (first) {
		list_add_tail(&ev->node, &sig->events);
		if (ev->is_party)
			kref_get(&container_of(ev, struct cosig_party, ev)->ref);
		else
			kref_get(&container_of(ev, struct cosig_call, ev)->ref);
	}
	spin_unlock_bh(&sig->ev_lock);
	cosig_kick(sig);
}

/**
 * cosig_send() - send a message to the peer
 * @sig: the engine
 * @out: the message
 *
 * A message that cannot be built (no memory) or sent (link down) is lost;
 * the timers of Documentation/signaling.rst recover from that.
 *
 * Context: the worker.
 */
void cosig_send(struct cosig *sig, const struct cosig_out *out)
{
	struct sk_buff *skb;

	lockdep_assert_held(&sig->lock);
	if (!sig->link_up)
		return;
	skb = cosig_msg_build(out);
	if (!skb)
		return;
	sig->stats.tx++;
	sig->ops->xmit(sig->carrier, skb);
}

/**
 * cosig_arm() - wait for an answer to @msg, sending it again on time-out
 * @call: the call
 * @msg: the message sent (COSIG_MSG_xxx)
 * @timeout: jiffies until it goes out again
 *
 * Context: the worker.
 */
void cosig_arm(struct cosig_call *call, u8 msg, unsigned long timeout)
{
	lockdep_assert_held(&call->sig->lock);
	call->pending_msg = msg;
	call->tries = 1;
	call->deadline = jiffies + timeout;
}

/**
 * cosig_disarm() - the answer came: stop the timer
 * @call: the call
 *
 * Context: the worker.
 */
void cosig_disarm(struct cosig_call *call)
{
	lockdep_assert_held(&call->sig->lock);
	call->pending_msg = 0;
}

static void cosig_send_restart(struct cosig *sig)
{
	struct cosig_out out = { .type = COSIG_MSG_RESTART, .ours = true };

	sig->stats.restarts++;
	cosig_send(sig, &out);
}

static void cosig_rx_restart(struct cosig *sig, const struct cosig_msg *msg)
{
	struct cosig_out out = { .type = COSIG_MSG_RESTART_ACK, .ours = true };
	struct cosig_call *call, *tmp;

	if (msg->type == COSIG_MSG_RESTART_ACK) {
		if (sig->restarting) {
			sig->restarting = false;
			cosig_calls_restarted(sig);
		}
		return;
	}
	/* The peer forgot every call: so do we, then say so. */
	sig->stats.peer_restarts++;
	list_for_each_entry_safe(call, tmp, &sig->calls, node) {
		if (call->state == COSIG_CLOSED && !call->vc)
			cosig_call_gone(call);	/* its cref may come back */
		else if (!cosig_call_held(call))
			cosig_call_clear(call, -ENOLINK);
	}
	cosig_send(sig, &out);
}

static void cosig_rx_one(struct cosig *sig, struct sk_buff *skb)
{
	struct cosig_msg msg;

	/* cosig_receive() checked it; parsed again for pointers into it. */
	if (WARN_ON_ONCE(cosig_msg_parse(skb, &msg)))
		return;
	switch (msg.type) {
	case COSIG_MSG_RESTART:
	case COSIG_MSG_RESTART_ACK:
		cosig_rx_restart(sig, &msg);
		break;
	default:
		cosig_call_rx(sig, &msg);
		break;
	}
}

static void cosig_timers(struct cosig *sig, unsigned long *next)
{
	struct cosig_call *call, *tmp;
	struct cosig_party *p, *ptmp;

	lockdep_assert_held(&sig->lock);
	if (sig->restarting && sig->link_up) {
		if (time_after_eq(jiffies, sig->restart_deadline)) {
			if (++sig->restart_tries > cosig_retries) {
				sig->restarting = false;
				sig->stats.timeouts++;
				cosig_calls_restarted(sig);
			} else {
				sig->stats.retransmits++;
				cosig_send_restart(sig);
				sig->restart_deadline = jiffies + msecs_to_jiffies(cosig_retry_ms);
			}
		}
		if (sig->restarting && time_before(sig->restart_deadline, *next))
			*next = sig->restart_deadline;
	}
	list_for_each_entry_safe(call, tmp, &sig->calls, node) {
		kref_get(&call->ref);
		if (call->pending_msg && time_after_eq(jiffies, call->deadline))
			cosig_call_timeout(call);
		list_for_each_entry_safe(p, ptmp, &call->parties, node) {
			/* The first leaf's add is the call's SETUP, timed there. */
			if ((p->state != COSIG_PARTY_ADDING && p->state != COSIG_PARTY_DROPPING) ||
			    (p->epref == 1 && p->state == COSIG_PARTY_ADDING))
				continue;
			if (time_after_eq(jiffies, p->deadline)) {
				cosig_party_timeout(p);	/* may unlink p */
				*next = jiffies + 1;	/* the rest on the next run */
				break;
			}
			if (time_before(p->deadline, *next))
				*next = p->deadline;
		}
		if (call->pending_msg && time_before(call->deadline, *next))
			*next = call->deadline;
		cosig_call_put(call);
	}
}

static void cosig_worker(struct work_struct *work)
{
	struct cosig *sig = container_of(to_delayed_work(work), struct cosig, work);
	unsigned long next = jiffies + 60 * HZ;
	struct cosig_event *ev;
	struct sk_buff *skb;

	mutex_lock(&sig->lock);
	for (;;) {
		unsigned long pending;

		skb = skb_dequeue(&sig->rxq);
		if (skb) {
			cosig_rx_one(sig, skb);
			kfree_skb(skb);
			continue;
		}
		spin_lock_bh(&sig->ev_lock);
		ev = list_first_entry_or_null(&sig->events, struct cosig_event, node);
		if (ev) {
			list_del_init(&ev->node);
			pending = ev->pending;
			ev->pending = 0;
		}
		spin_unlock_bh(&sig->ev_lock);
		if (!ev)
			break;
		/* The queue's reference passes to the handler, which drops it. */
		if (ev->is_party)
			cosig_party_events(container_of(ev, struct cosig_party, ev), pending);
		else
			cosig_call_events(container_of(ev, struct cosig_call, ev), pending);
	}
	cosig_timers(sig, &next);
	mutex_unlock(&sig->lock);
	if (!READ_ONCE(sig->dying))
		queue_delayed_work(cosig_wq, &sig->work,
				   time_after(next, jiffies) ? next - jiffies : 0);
}

/**
 * cosig_receive() - a signaling frame arrived from the peer
 * @sig: the engine
 * @skb: the frame's payload; cosig owns it from now on
 *
 * The frame is checked here (Documentation/signaling.rst, "Malformed
 * frames") and queued for the worker if it is a well-formed message.  It
 * is counted in exactly one of the engine's rx, malformed and rx_dropped.
 *
 * Context: any.
 * Return: 0 if the frame is a well-formed message, taken in; -EINVAL if it
 * is malformed, -ENOBUFS if it was dropped unread (the engine's queue is
 * full or the engine is going away): then it is freed.
 */
int cosig_receive(struct cosig *sig, struct sk_buff *skb)
{
	struct cosig_msg msg;

	if (READ_ONCE(sig->dying) || skb_queue_len(&sig->rxq) >= COSIG_RXQ_MAX) {
		atomic64_inc(&sig->stats.rx_dropped);
		kfree_skb(skb);
		return -ENOBUFS;
	}
	if (cosig_msg_parse(skb, &msg)) {
		atomic64_inc(&sig->stats.malformed);
		net_dbg_ratelimited("cosig %s: malformed frame of %u bytes dropped\n",
				    sig->name, skb->len);
		kfree_skb(skb);
		return -EINVAL;
	}
	atomic64_inc(&sig->stats.rx);
	skb_queue_tail(&sig->rxq, skb);
	cosig_kick(sig);
	return 0;
}
EXPORT_SYMBOL_GPL(cosig_receive);

/**
 * cosig_link_change() - the link went up or down
 * @sig: the engine
 * @up: its new state
 *
 * Down: every call is cleared (its client sees -ENOLINK).  Up: a RESTART
 * tells the peer to forget what it had with us (we may have rebooted).
 *
 * Context: process.
 */
void cosig_link_change(struct cosig *sig, bool up)
{
	struct cosig_call *call, *tmp;

	mutex_lock(&sig->lock);
	if (sig->link_up == up)
		goto out;
	sig->link_up = up;
	if (up) {
		sig->restarting = true;
		sig->restart_tries = 1;
		sig->restart_deadline = jiffies + msecs_to_jiffies(cosig_retry_ms);
		cosig_send_restart(sig);
	} else {
		sig->restarting = false;
		list_for_each_entry_safe(call, tmp, &sig->calls, node)
			cosig_call_clear(call, -ENOLINK);
	}
out:
	mutex_unlock(&sig->lock);
	cosig_kick(sig);
}
EXPORT_SYMBOL_GPL(cosig_link_change);

/**
 * cosig_create() - make an engine
 * @name: for logs and debugfs (copied)
 * @ops: the carrier's operations
 * @carrier: their context
 *
 * The link starts down; cosig_link_change() brings it up.
 *
 * Context: process.
 * Return: the engine, or NULL without memory.
 */
struct cosig *cosig_create(const char *name, const struct cosig_carrier_ops *ops, void *carrier)
{
	struct cosig *sig = kzalloc(sizeof(*sig), GFP_KERNEL);

	if (!sig)
		return NULL;
	strscpy(sig->name, name, sizeof(sig->name));
	sig->ops = ops;
	sig->carrier = carrier;
	mutex_init(&sig->lock);
	INIT_LIST_HEAD(&sig->calls);
	ida_init(&sig->vcis);
	sig->next_cref = 1;
	init_completion(&sig->afs_closed);
	spin_lock_init(&sig->ev_lock);
	INIT_LIST_HEAD(&sig->events);
	INIT_LIST_HEAD(&sig->afs);
	skb_queue_head_init(&sig->rxq);
	INIT_DELAYED_WORK(&sig->work, cosig_worker);
	return sig;
}
EXPORT_SYMBOL_GPL(cosig_create);

/**
 * cosig_set_cm_af() - the AF incoming calls are routed against
 * @sig: the engine
 * @cm_af: the AF the carrier registered for it
 *
 * Context: process.
 */
void cosig_set_cm_af(struct cosig *sig, struct condis_cm_af *cm_af)
{
	mutex_lock(&sig->lock);
	sig->cm_af = cm_af;
	mutex_unlock(&sig->lock);
}
EXPORT_SYMBOL_GPL(cosig_set_cm_af);

/**
 * cosig_shutdown() - ask every client to close its AF, and wait
 * @sig: the engine
 *
 * Each client AF open on the engine gets a notify-close
 * (condis_cm_notify_close_af()); their calls are released on the wire as
 * they close them.  Call it before the carrier's binding or adapter goes.
 *
 * Clients get a second, as condis gives them after a notify-close: what
 * they leave open condis closes for them, within its own teardown budget,
 * and a longer wait here would only add to that.
 *
 * Context: process; sleeps up to a second.
 * Return: 0, or -ETIMEDOUT if AFs are still open (condis's forced teardown
 * then closes them).
 */
int cosig_shutdown(struct cosig *sig)
{
	unsigned long end = jiffies + HZ;

	cosig_cm_notify_all(sig);
	while (atomic_read(&sig->open_afs)) {
		if (time_after(jiffies, end))
			return -ETIMEDOUT;
		wait_for_completion_timeout(&sig->afs_closed, HZ / 10);
		reinit_completion(&sig->afs_closed);
	}
	return 0;
}
EXPORT_SYMBOL_GPL(cosig_shutdown);

/**
 * cosig_destroy() - free an engine
 * @sig: the engine, whose AF and VCs condis has closed and deleted
 *
 * Context: process.
 */
void cosig_destroy(struct cosig *sig)
{
	struct cosig_call *call, *tmp;

	spin_lock_bh(&sig->ev_lock);
	WRITE_ONCE(sig->dying, true);
	spin_unlock_bh(&sig->ev_lock);
	cancel_delayed_work_sync(&sig->work);
	/* Run what was queued once more: events hold references. */
	cosig_worker(&sig->work.work);
	cancel_delayed_work_sync(&sig->work);
	skb_queue_purge(&sig->rxq);
	mutex_lock(&sig->lock);
	list_for_each_entry_safe(call, tmp, &sig->calls, node) {
		if (call->vc)
			pr_warn("cosig %s: call %u freed with its VC still live\n",
				sig->name, call->cref);
		cosig_call_gone(call);
	}
	mutex_unlock(&sig->lock);
	WARN_ON(!list_empty(&sig->events));
	ida_destroy(&sig->vcis);
	mutex_destroy(&sig->lock);
	kfree(sig);
}
EXPORT_SYMBOL_GPL(cosig_destroy);

/**
 * cosig_debugfs_show() - print the engine's state
 * @sig: the engine
 * @m: where to
 *
 * Context: process.
 */
void cosig_debugfs_show(struct cosig *sig, struct seq_file *m)
{
	struct cosig_stats *s = &sig->stats;
	struct cosig_call *call;
	struct cosig_party *p;

	mutex_lock(&sig->lock);
	seq_printf(m, "signaling %s: link=%s afs=%d restarting=%d\n", sig->name,
		   sig->link_up ? "up" : "down", atomic_read(&sig->open_afs), sig->restarting);
	seq_printf(m, "  tx=%llu rx=%lld retransmits=%llu malformed=%lld unexpected=%llu unknown_cref=%llu timeouts=%llu restarts=%llu peer_restarts=%llu rx_dropped=%lld\n",
		   s->tx, atomic64_read(&s->rx), s->retransmits, atomic64_read(&s->malformed),
		   s->unexpected, s->unknown_cref, s->timeouts, s->restarts, s->peer_restarts,
		   atomic64_read(&s->rx_dropped));
	list_for_each_entry(call, &sig->calls, node) {
		seq_printf(m, "  call cref=%u%s ep=%u %s state=%s sap=%.*s rx_vci=%u peer_vci=%u rate=%u\n",
			   call->cref, call->outgoing ? "(ours)" : "", call->epref,
			   call->multipoint ? (call->outgoing ? "root" : "leaf") : "p2p",
			   cosig_state_name(call->state), call->sap_len, call->sap_name,
			   call->rx_vci, call->peer_vci, call->params.cm.transmit.token_rate);
		list_for_each_entry(p, &call->parties, node)
			seq_printf(m, "    party ep=%u state=%u sap=%.*s vci=%u\n", p->epref,
				   p->state, p->name_len, p->name, p->peer_vci);
	}
	mutex_unlock(&sig->lock);
}
EXPORT_SYMBOL_GPL(cosig_debugfs_show);
