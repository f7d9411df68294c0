// SPDX-License-Identifier: GPL-2.0
/*
 * coecho: the data path.
 *
 * "send ID COUNT SIZE" sends numbered packets on a call: bytes 0..3 are
 * COECHO_MAGIC ^ the call's id, bytes 4..7 the packet's sequence number
 * (both big-endian), byte i from 8 on is (u8)(seq + i).  Packets received
 * on an incoming call are copied and sent back on the same VC; packets
 * received on an outgoing call are checked against that pattern.
 *
 * Received skbs are only lent: coecho copies what it echoes and leaves
 * every received skb on the list, so condis hands them all back to the
 * miniport when co_receive returns, with or without
 * CONDIS_RECEIVE_RESOURCES.
 */
#include <linux/minmax.h>
#include <linux/sched/signal.h>
#include <linux/skbuff.h>
#include <linux/string.h>
#include <asm/byteorder.h>

#include "coecho.h"

#define COECHO_MAGIC		0xC0EC40E0U
#define COECHO_HDR_LEN		8
#define COECHO_BATCH		32
/* Room in front of each packet for the link's own header. */
#define COECHO_HEADROOM		128
/* Most packets a sender has with the miniport before it waits. */
#define COECHO_TX_WINDOW	4096

/* Big-endian words at any alignment (<linux/unaligned.h> is new in 6.12). */
static void coecho_put_be32(u8 *p, u32 v)
{
	__be32 be = cpu_to_be32(v);

	memcpy(p, &be, sizeof(be));
}

static u32 coecho_get_be32(const u8 *p)
{
	__be32 be;

	memcpy(&be, p, sizeof(be));
	return be32_to_cpu(be);
}

static void coecho_fill(u8 *data, u32 size, u32 magic, u32 seq)
{
	u32 i;

	coecho_put_be32(data, magic);
	coecho_put_be32(data + 4, seq);
	for (i = COECHO_HDR_LEN; i < size; i++)
		data[i] = (u8)(seq + i);
}

/* Whether @skb is one of the packets sent on @call so far. */
static bool coecho_verify(struct coecho_call *call, const struct sk_buff *skb)
{
	u8 buf[64];
	const u8 *p;
	u32 seq, off, n, i;

	if (skb->len < COECHO_HDR_LEN)
		return false;
	p = skb_header_pointer(skb, 0, COECHO_HDR_LEN, buf);
	if (!p || coecho_get_be32(p) != (COECHO_MAGIC ^ call->id))
		return false;
	seq = coecho_get_be32(p + 4);
	if (seq >= atomic64_read(&call->tx_seq))
		return false;
	for (off = COECHO_HDR_LEN; off < skb->len; off += n) {
		n = min_t(u32, skb->len - off, sizeof(buf));
		p = skb_header_pointer(skb, off, n, buf);
		if (!p)
			return false;
		for (i = 0; i < n; i++)
			if (p[i] != (u8)(seq + off + i))
				return false;
	}
	return true;
}

/* Packets sent on @call that the miniport has not completed yet. */
static s64 coecho_tx_in_flight(struct coecho_call *call)
{
	return atomic64_read(&call->cnt.tx) - atomic64_read(&call->cnt.tx_done);
}

static bool coecho_may_send(struct coecho_call *call)
{
	return READ_ONCE(call->state) != COECHO_CALL_CONNECTED ||
	       coecho_tx_in_flight(call) < COECHO_TX_WINDOW;
}

/* One batch of @n packets of @size bytes from sequence number @seq. */
static int coecho_send_batch(struct coecho_call *call, struct condis_vc *vc, u32 n, u32 size,
			     u32 seq)
{
	struct sk_buff_head q;
	struct sk_buff *skb;
	u32 i;
	int err;

	__skb_queue_head_init(&q);
	for (i = 0; i < n; i++) {
		skb = alloc_skb(COECHO_HEADROOM + size, GFP_KERNEL);
		if (!skb) {
			__skb_queue_purge(&q);
			return -ENOMEM;
		}
		skb_reserve(skb, COECHO_HEADROOM);
		coecho_fill(skb_put(skb, size), size, COECHO_MAGIC ^ call->id, seq + i);
		__skb_queue_tail(&q, skb);
	}
	/* Counted first, so tx_done never runs ahead of tx. */
	atomic64_add(n, &call->cnt.tx);
	atomic64_add((u64)n * size, &call->cnt.tx_bytes);
	err = condis_co_send(vc, &q);
	if (err) {
		atomic64_sub(n, &call->cnt.tx);
		atomic64_sub((u64)n * size, &call->cnt.tx_bytes);
		__skb_queue_purge(&q);
	}
	return err;
}

/**
 * coecho_send() - send numbered packets on a call (ctl "send")
 * @id: the call's id
 * @count: how many packets
 * @size: bytes per packet, at least COECHO_HDR_LEN
 *
 * In batches of up to COECHO_BATCH; with more than COECHO_TX_WINDOW
 * packets not completed, waits for completions.
 *
 * Context: process; sleeps.
 * Return: 0 once all are handed to condis; -ENOENT (no such call);
 * -ENOTCONN (not connected, or no longer); -ENOMEM; -ETIMEDOUT (the
 * miniport completes nothing); -EINTR (a fatal signal).
 */
int coecho_send(u32 id, u32 count, u32 size)
{
	struct coecho_call *call = coecho_call_get(id);
	struct condis_vc *vc;
	u32 sent, n;
	u64 seq;
	int err;

	if (!call)
		return -ENOENT;
	err = coecho_call_lock(call);
	if (err)
		goto out_put;
	spin_lock_bh(&coecho.lock);
	vc = call->state == COECHO_CALL_CONNECTED ? call->vc : NULL;
	spin_unlock_bh(&coecho.lock);
	if (!vc)
		err = -ENOTCONN;

	for (sent = 0; !err && sent < count; sent += n) {
		n = min_t(u32, count - sent, COECHO_BATCH);
		if (!wait_event_timeout(call->tx_wait, coecho_may_send(call), COECHO_WAIT)) {
			err = -ETIMEDOUT;
			break;
		}
		if (READ_ONCE(call->state) != COECHO_CALL_CONNECTED) {
			err = -ENOTCONN;
			break;
		}
		seq = atomic64_fetch_add(n, &call->tx_seq);
		err = coecho_send_batch(call, vc, n, size, (u32)seq);
		if (!err && fatal_signal_pending(current))
			err = -EINTR;
		cond_resched();
	}
	mutex_unlock(&call->mutex);
out_put:
	coecho_call_put(call);
	return err;
}

/**
 * coecho_co_send_complete() - condis_protocol_ops.co_send_complete
 * @vc_ctx: the call
 * @skbs: the completed packets, each with its status; freed here
 *
 * Context: any.
 */
void coecho_co_send_complete(void *vc_ctx, struct sk_buff_head *skbs)
{
	struct coecho_call *call = vc_ctx;
	struct sk_buff *skb;
	u32 n = 0, errors = 0;

	while ((skb = __skb_dequeue(skbs))) {
		n++;
		if (CONDIS_SKB_CB(skb)->status) {
			errors++;
			kfree_skb(skb);
		} else {
			consume_skb(skb);
		}
	}
	atomic64_add(errors, &call->cnt.tx_err);
	atomic64_add(n, &call->cnt.tx_done);
	if (wq_has_sleeper(&call->tx_wait))
		wake_up(&call->tx_wait);
}

/* Send a copy of every packet on @skbs back on @call's VC. */
static void coecho_echo(struct coecho_call *call, struct sk_buff_head *skbs)
{
	struct sk_buff *skb, *copy;
	struct sk_buff_head q;
	u64 bytes = 0;
	u32 n;
	int err;

	__skb_queue_head_init(&q);
	skb_queue_walk(skbs, skb) {
		copy = skb_copy_expand(skb, COECHO_HEADROOM, 0, GFP_ATOMIC);
		if (!copy) {
			coecho_error("call %u: no memory to echo a packet", call->id);
			continue;
		}
		bytes += copy->len;
		__skb_queue_tail(&q, copy);
	}
	n = skb_queue_len(&q);
	if (!n)
		return;
	atomic64_add(n, &call->cnt.tx);
	atomic64_add(bytes, &call->cnt.tx_bytes);
	err = condis_co_send(READ_ONCE(call->vc), &q);
	if (err) {
		atomic64_sub(n, &call->cnt.tx);
		atomic64_sub(bytes, &call->cnt.tx_bytes);
		__skb_queue_purge(&q);
		coecho_error("call %u: cannot echo: %pe", call->id, ERR_PTR(err));
		return;
	}
	atomic64_add(n, &call->cnt.echoed);
}

/**
 * coecho_co_receive() - condis_protocol_ops.co_receive
 * @binding_ctx: the binding
 * @vc_ctx: the call
 * @skbs: the packets; all stay on the list (condis returns them)
 * @flags: CONDIS_RECEIVE_RESOURCES or 0; coecho always copies
 *
 * Context: any; may run on several CPUs at once.
 */
void coecho_co_receive(void *binding_ctx, void *vc_ctx, struct sk_buff_head *skbs,
		       unsigned int flags)
{
	struct coecho_call *call = vc_ctx;
	struct sk_buff *skb;
	u64 bytes = 0;
	u32 bad = 0;

	if (READ_ONCE(call->state) != COECHO_CALL_CONNECTED) {
		coecho_error("call %u: %u packets received while not connected, dropped", call->id,
			     skb_queue_len(skbs));
		return;
	}
	skb_queue_walk(skbs, skb) {
		bytes += skb->len;
		if (call->outgoing && !coecho_verify(call, skb))
			bad++;
	}
	atomic64_add(skb_queue_len(skbs), &call->cnt.rx);
	atomic64_add(bytes, &call->cnt.rx_bytes);
	if (call->outgoing)
		atomic64_add(bad, &call->cnt.rx_bad);
	else
		coecho_echo(call, skbs);
}
