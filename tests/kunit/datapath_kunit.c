// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "condis_datapath": sends and receives on VCs: only on an
 * active VC with a connected call, completions batched and in any order,
 * receives to the VC's owner (the client, or the CM for its signalling
 * VC), the "copy now" case, and a deactivation that completes only once
 * every sent skb is back and every kept one returned.  Fake drivers that
 * lie: completions and returns of skbs that are not out on the VC (twice,
 * foreign, mixed into a batch) are refused skb by skb.
 */
#include <kunit/test.h>
#include <linux/skbuff.h>

#include "fake_roles.h"
#include "objects.h"

static struct condis_call_params dp_params;

/* @n skbs of @len bytes on @q. */
static void make_skbs(struct kunit *test, struct sk_buff_head *q, unsigned int n,
		      unsigned int len)
{
	skb_queue_head_init(q);	/* the tests purge with skb_queue_purge(), which locks */
	while (n--) {
		struct sk_buff *skb = alloc_skb(len, GFP_KERNEL);

		KUNIT_ASSERT_NOT_NULL(test, skb);
		skb_put_zero(skb, len);
		__skb_queue_tail(q, skb);
	}
}

/* A client VC with a connected call (the CM answering at once). */
static struct fake_world *dp_world(struct kunit *test)
{
	const enum fake_cm_kind *kind = test->param_value;
	struct fake_world *w = fake_world_new(test, *kind);

	KUNIT_ASSERT_EQ(test, fake_world_open_af(w), 0);
	KUNIT_ASSERT_EQ(test, condis_co_create_vc(w->cl_binding, w->cl_af, w, &w->cl_vc), 0);
	return w;
}

static void connect(struct kunit *test, struct fake_world *w)
{
	KUNIT_ASSERT_EQ(test, condis_cl_make_call(w->cl_vc, &dp_params, NULL, NULL), 0);
}

static void close_and_delete(struct kunit *test, struct fake_world *w)
{
	KUNIT_EXPECT_EQ(test, condis_cl_close_call(w->cl_vc, NULL, NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, condis_co_delete_vc(w->cl_vc), 0);
}

/* Sends need an active VC with a connected call; refused ones stay the sender's. */
static void data_send_needs_connected_call(struct kunit *test)
{
	struct fake_world *w = dp_world(test);
	struct sk_buff_head q;

	make_skbs(test, &q, 3, 100);
	KUNIT_EXPECT_EQ(test, condis_co_send(w->cl_vc, &q), -ENOTCONN);
	KUNIT_EXPECT_EQ(test, skb_queue_len(&q), 3U);
	FAKE_EXPECT_NONE(test, w, "mp.send");
	connect(test, w);
	KUNIT_EXPECT_EQ(test, condis_co_send(w->cl_vc, &q), 0);
	KUNIT_EXPECT_TRUE(test, skb_queue_empty(&q));
	FAKE_EXPECT_ONCE(test, w, "mp.send 3");
	KUNIT_EXPECT_EQ(test, w->cl_vc->data.tx_outstanding, 3U);
	/* An active VC with sends in flight cannot be deactivated by an MCM. */
	if (w->kind == FAKE_MCM)
		KUNIT_EXPECT_EQ(test, condis_mcm_deactivate_vc(w->cl_vc), -EBUSY);
	fake_mp_complete_sends(w, w->cl_vc, 0);
	close_and_delete(test, w);
	skb_queue_purge(&q);
}

/* Completions may batch several sends; each skb's status reaches the sender. */
static void data_send_completions_batched_with_status(struct kunit *test)
{
	struct fake_world *w = dp_world(test);
	struct sk_buff_head a, b;

	connect(test, w);
	make_skbs(test, &a, 2, 60);
	make_skbs(test, &b, 3, 40);
	KUNIT_EXPECT_EQ(test, condis_co_send(w->cl_vc, &a), 0);
	KUNIT_EXPECT_EQ(test, condis_co_send(w->cl_vc, &b), 0);
	fake_mp_complete_sends(w, w->cl_vc, 0);
	FAKE_EXPECT_ONCE(test, w, "cl.co_send_complete 5");
	KUNIT_EXPECT_EQ(test, w->cl_sent_back, 5U);
	KUNIT_EXPECT_EQ(test, w->cl_vc->data.tx_packets, 5ULL);
	KUNIT_EXPECT_EQ(test, w->cl_vc->data.tx_bytes, 240ULL);
	make_skbs(test, &a, 1, 10);
	KUNIT_EXPECT_EQ(test, condis_co_send(w->cl_vc, &a), 0);
	fake_mp_complete_sends(w, w->cl_vc, -EIO);
	KUNIT_EXPECT_EQ(test, w->cl_send_errors, 1);
	KUNIT_EXPECT_EQ(test, w->cl_vc->data.tx_errors, 1ULL);
	/* More completions than sends are refused. */
	make_skbs(test, &a, 1, 10);
	condis_mco_send_complete(w->cl_vc, &a);
	KUNIT_EXPECT_EQ(test, skb_queue_len(&a), 1U);
	skb_queue_purge(&a);
	close_and_delete(test, w);
}

/* No sends once the client closes, or once the network closed the call. */
static void data_no_send_once_call_closing(struct kunit *test)
{
	struct fake_world *w = dp_world(test);
	struct sk_buff_head q;

	connect(test, w);
	KUNIT_EXPECT_EQ(test, condis_cm_dispatch_incoming_close_call(0, w->cl_vc, NULL, 0), 0);
	make_skbs(test, &q, 1, 10);
	KUNIT_EXPECT_EQ(test, condis_co_send(w->cl_vc, &q), -ENOTCONN);
	close_and_delete(test, w);
	KUNIT_EXPECT_EQ(test, condis_co_send(w->cl_vc, &q), -EBADF);
	skb_queue_purge(&q);
	FAKE_EXPECT_NONE(test, w, "mp.send");
}

/* Received skbs the client keeps go back to the miniport when it returns them. */
static void data_receive_kept_skbs_are_returned(struct kunit *test)
{
	struct fake_world *w = dp_world(test);
	struct sk_buff_head q;

	connect(test, w);
	w->cl_keep = true;
	make_skbs(test, &q, 2, 80);
	KUNIT_EXPECT_EQ(test, condis_mco_indicate_receive(w->cl_vc, &q, 0), 0);
	FAKE_EXPECT_ONCE(test, w, "cl.co_receive 2");
	KUNIT_EXPECT_TRUE(test, skb_queue_empty(&q));
	KUNIT_EXPECT_EQ(test, w->cl_vc->data.rx_outstanding, 2U);
	KUNIT_EXPECT_EQ(test, w->cl_vc->data.rx_bytes, 160ULL);
	condis_co_return_skbs(w->cl_vc, &w->cl_kept);
	FAKE_EXPECT_ONCE(test, w, "mp.return_skbs 2");
	KUNIT_EXPECT_EQ(test, w->cl_vc->data.rx_outstanding, 0U);
	close_and_delete(test, w);
}

/* "Resources low": the receiver must copy; every skb is the miniport's again. */
static void data_receive_resources_low_copy_now(struct kunit *test)
{
	struct fake_world *w = dp_world(test);
	struct sk_buff_head q;

	connect(test, w);
	make_skbs(test, &q, 2, 80);
	KUNIT_EXPECT_EQ(test, condis_mco_indicate_receive(w->cl_vc, &q,
							  CONDIS_RECEIVE_RESOURCES), 0);
	FAKE_EXPECT_ONCE(test, w, "cl.co_receive 2 copy");
	KUNIT_EXPECT_EQ(test, skb_queue_len(&q), 2U);
	KUNIT_EXPECT_EQ(test, w->cl_vc->data.rx_outstanding, 0U);
	skb_queue_purge(&q);
	close_and_delete(test, w);
}

/*
 * Every skb condis hands to a driver names its VC in CONDIS_SKB_CB(skb)->vc
 * (NET_BUFFER_LIST.SourceHandle): the miniport's send, the sender's
 * completion (even if the miniport reused the field) and the receiver's;
 * condis_vc_owner_context() gives the context the owner gets them with.
 */
static void data_skbs_name_their_vc(struct kunit *test)
{
	struct fake_world *w = dp_world(test);
	struct sk_buff_head q;

	connect(test, w);
	make_skbs(test, &q, 2, 20);
	KUNIT_EXPECT_EQ(test, condis_co_send(w->cl_vc, &q), 0);
	KUNIT_EXPECT_PTR_EQ(test, w->mp_send_vc, w->cl_vc);
	fake_mp_complete_sends(w, w->cl_vc, 0);
	KUNIT_EXPECT_PTR_EQ(test, w->cl_done_vc, w->cl_vc);
	make_skbs(test, &q, 1, 20);
	KUNIT_EXPECT_EQ(test, condis_mco_indicate_receive(w->cl_vc, &q, 0), 0);
	KUNIT_EXPECT_PTR_EQ(test, w->cl_rx_vc, w->cl_vc);
	/* ... and the context its owner gets them with. */
	KUNIT_EXPECT_PTR_EQ(test, condis_vc_owner_context(w->cl_vc), (void *)w);
	KUNIT_EXPECT_NULL(test, condis_vc_owner_context(NULL));
	skb_queue_purge(&q);
	close_and_delete(test, w);
}

/* Nothing is indicated on a VC that is not active. */
static void data_receive_on_inactive_vc_refused(struct kunit *test)
{
	struct fake_world *w = dp_world(test);
	struct sk_buff_head q;

	make_skbs(test, &q, 1, 10);
	KUNIT_EXPECT_EQ(test, condis_mco_indicate_receive(w->cl_vc, &q, 0), -ENOTCONN);
	KUNIT_EXPECT_EQ(test, condis_mco_indicate_receive(NULL, &q, 0), -EBADF);
	KUNIT_EXPECT_EQ(test, skb_queue_len(&q), 1U);
	FAKE_EXPECT_NONE(test, w, "cl.co_receive");
	skb_queue_purge(&q);
	KUNIT_EXPECT_EQ(test, condis_co_delete_vc(w->cl_vc), 0);
}

/*
 * NDIS: a deactivation completes only once the miniport has completed every
 * send and got back every received skb.  The miniport finishes early here;
 * condis holds the CM's completion until the data path is drained.
 */
static void data_deactivation_waits_for_drain(struct kunit *test)
{
	struct fake_world *w = fake_world_new(test, FAKE_STANDALONE_CM);
	struct sk_buff_head q;

	KUNIT_ASSERT_EQ(test, fake_world_open_af(w), 0);
	KUNIT_ASSERT_EQ(test, condis_co_create_vc(w->cl_binding, w->cl_af, w, &w->cl_vc), 0);
	connect(test, w);
	make_skbs(test, &q, 1, 10);
	KUNIT_EXPECT_EQ(test, condis_co_send(w->cl_vc, &q), 0);
	w->cl_keep = true;
	make_skbs(test, &q, 1, 10);
	KUNIT_EXPECT_EQ(test, condis_mco_indicate_receive(w->cl_vc, &q, 0), 0);

	/* The CM's close deactivates; the miniport says done at once. */
	KUNIT_EXPECT_EQ(test, condis_cl_close_call(w->cl_vc, NULL, NULL, 0), CONDIS_PENDING);
	FAKE_EXPECT_ONCE(test, w, "mp.deactivate_vc");
	/* No more sends; receives in flight may still arrive. */
	make_skbs(test, &q, 1, 10);
	KUNIT_EXPECT_EQ(test, condis_co_send(w->cl_vc, &q), -ENOTCONN);
	skb_queue_purge(&q);
	fake_mp_complete_sends(w, w->cl_vc, 0);
	fake_world_settle(w);
	FAKE_EXPECT_NONE(test, w, "cm.deactivate_vc_complete");
	condis_co_return_skbs(w->cl_vc, &w->cl_kept);
	fake_world_settle(w);
	FAKE_EXPECT_ONCE(test, w, "cm.deactivate_vc_complete 0");
	FAKE_EXPECT_BEFORE(test, w, "mp.return_skbs", "cm.deactivate_vc_complete");
	FAKE_EXPECT_BEFORE(test, w, "cl.co_send_complete", "cm.deactivate_vc_complete");
	/* Nothing is indicated after the deactivation. */
	make_skbs(test, &q, 1, 10);
	KUNIT_EXPECT_EQ(test, condis_mco_indicate_receive(w->cl_vc, &q, 0), -ENOTCONN);
	skb_queue_purge(&q);
	condis_cm_close_call_complete(0, w->cl_vc);
	fake_world_settle(w);
	FAKE_EXPECT_ONCE(test, w, "cl.close_call_complete 0");
	KUNIT_EXPECT_EQ(test, condis_co_delete_vc(w->cl_vc), 0);
}

/* The skbs a fake driver got, in order, are exactly @want. */
static void expect_skbs(struct kunit *test, const char *who, struct sk_buff *const *got,
			unsigned int n, struct sk_buff *const *want, unsigned int nwant)
{
	unsigned int i;

	KUNIT_EXPECT_EQ_MSG(test, n, nwant, "skbs %s got", who);
	for (i = 0; i < min3(n, nwant, (unsigned int)FAKE_SKBS_MAX); i++)
		KUNIT_EXPECT_PTR_EQ_MSG(test, got[i], want[i], "skb %u %s got", i, who);
}

#define EXPECT_SKBS(test, who, got, n, ...)						\
	expect_skbs(test, who, got, n, (struct sk_buff *[]){ __VA_ARGS__ },		\
		    ARRAY_SIZE(((struct sk_buff *[]){ __VA_ARGS__ })))

/*
 * The client returns @skb alone, taken off @home; if condis refuses it,
 * it goes back there.  Return: whether condis refused it.
 */
static bool dp_return_one(struct fake_world *w, struct sk_buff *skb, struct sk_buff_head *home)
{
	struct sk_buff_head q;
	bool refused;

	skb_queue_head_init(&q);
	skb_unlink(skb, home);
	skb_queue_tail(&q, skb);
	condis_co_return_skbs(w->cl_vc, &q);
	refused = skb_queue_len(&q) == 1 && skb_peek(&q) == skb;
	if (refused) {
		skb_unlink(skb, &q);
		skb_queue_tail(home, skb);
	}
	return refused;
}

/* The miniport completes @skb alone, taken off @home; the same. */
static bool dp_complete_one(struct fake_world *w, struct sk_buff *skb, struct sk_buff_head *home)
{
	struct sk_buff_head q;
	bool refused;

	skb_queue_head_init(&q);
	skb_unlink(skb, home);
	CONDIS_SKB_CB(skb)->status = 0;
	skb_queue_tail(&q, skb);
	condis_mco_send_complete(w->cl_vc, &q);
	refused = skb_queue_len(&q) == 1 && skb_peek(&q) == skb;
	if (refused) {
		skb_unlink(skb, &q);
		skb_queue_tail(home, skb);
	}
	return refused;
}

/*
 * A kept skb goes back to the miniport once.  The client returns it a
 * second time (the miniport recycles its buffers, so it still lives):
 * refused, nothing counted, and the skb the client still keeps comes back
 * normally after.
 */
static void data_second_return_of_kept_skb_is_refused(struct kunit *test)
{
	struct fake_world *w = dp_world(test);
	struct sk_buff *a, *b;
	struct sk_buff_head q;

	connect(test, w);
	w->cl_keep = true;
	w->mp_recycle = true;
	make_skbs(test, &q, 2, 50);
	a = skb_peek(&q);
	b = skb_peek_tail(&q);
	KUNIT_ASSERT_EQ(test, condis_mco_indicate_receive(w->cl_vc, &q, 0), 0);
	KUNIT_EXPECT_FALSE(test, dp_return_one(w, a, &w->cl_kept));
	KUNIT_EXPECT_TRUE(test, dp_return_one(w, a, &w->mp_pool));
	FAKE_EXPECT_ONCE(test, w, "mp.return_skbs");
	KUNIT_EXPECT_EQ(test, w->cl_vc->data.rx_outstanding, 1U);
	KUNIT_EXPECT_EQ(test, w->cl_vc->data.rx_packets, 2ULL);
	KUNIT_EXPECT_EQ(test, w->cl_vc->data.rx_bytes, 100ULL);

	condis_co_return_skbs(w->cl_vc, &w->cl_kept);
	KUNIT_EXPECT_TRUE(test, skb_queue_empty(&w->cl_kept));
	fake_expect_count(test, w, "mp.return_skbs", 2);
	EXPECT_SKBS(test, "return_skbs", w->mp_got, w->mp_got_n, a, b);
	KUNIT_EXPECT_EQ(test, w->cl_vc->data.rx_outstanding, 0U);
	close_and_delete(test, w);
}

/*
 * Only skbs received on the VC and kept go back to the miniport: one never
 * received, one received but left to the miniport, and one sent on the VC
 * are refused, each on its own, while the client keeps another.
 */
static void data_return_of_unkept_skb_is_refused(struct kunit *test)
{
	struct fake_world *w = dp_world(test);
	struct sk_buff *kept, *left, *sent, *foreign;
	struct sk_buff_head q, rx, mine;

	connect(test, w);
	w->mp_recycle = true;	/* what it wrongly got would live on */
	make_skbs(test, &rx, 1, 30);
	left = skb_peek(&rx);
	KUNIT_ASSERT_EQ(test, condis_mco_indicate_receive(w->cl_vc, &rx, 0), 0);
	KUNIT_ASSERT_PTR_EQ(test, skb_peek(&rx), left);
	w->cl_keep = true;
	make_skbs(test, &q, 1, 50);
	kept = skb_peek(&q);
	KUNIT_ASSERT_EQ(test, condis_mco_indicate_receive(w->cl_vc, &q, 0), 0);
	make_skbs(test, &q, 1, 20);
	sent = skb_peek(&q);
	KUNIT_ASSERT_EQ(test, condis_co_send(w->cl_vc, &q), 0);
	make_skbs(test, &mine, 1, 70);
	foreign = skb_peek(&mine);

	KUNIT_EXPECT_TRUE(test, dp_return_one(w, foreign, &mine));
	KUNIT_EXPECT_TRUE(test, dp_return_one(w, left, &rx));
	KUNIT_EXPECT_TRUE(test, dp_return_one(w, sent, &w->mp_tx));
	FAKE_EXPECT_NONE(test, w, "mp.return_skbs");
	KUNIT_EXPECT_EQ(test, w->cl_vc->data.rx_outstanding, 1U);
	KUNIT_EXPECT_EQ(test, w->cl_vc->data.tx_outstanding, 1U);
	KUNIT_EXPECT_EQ(test, w->cl_vc->data.rx_packets, 2ULL);

	condis_co_return_skbs(w->cl_vc, &w->cl_kept);
	EXPECT_SKBS(test, "return_skbs", w->mp_got, w->mp_got_n, kept);
	fake_mp_complete_sends(w, w->cl_vc, 0);
	EXPECT_SKBS(test, "co_send_complete", w->cl_got, w->cl_got_n, sent);
	skb_queue_purge(&mine);
	skb_queue_purge(&rx);
	close_and_delete(test, w);
}

/*
 * Only skbs sent on the VC complete: one the miniport never got from
 * condis, and one received on the VC and kept by the client, are refused,
 * not handed to the sender and counted nowhere; the send in flight
 * completes after.
 */
static void data_completion_of_foreign_skb_is_refused(struct kunit *test)
{
	struct fake_world *w = dp_world(test);
	struct sk_buff *sent, *kept, *foreign;
	struct sk_buff_head q, mine;

	connect(test, w);
	w->cl_hold_done = true;	/* what it wrongly got would live on */
	make_skbs(test, &q, 1, 40);
	sent = skb_peek(&q);
	KUNIT_ASSERT_EQ(test, condis_co_send(w->cl_vc, &q), 0);
	w->cl_keep = true;
	make_skbs(test, &q, 1, 30);
	kept = skb_peek(&q);
	KUNIT_ASSERT_EQ(test, condis_mco_indicate_receive(w->cl_vc, &q, 0), 0);
	make_skbs(test, &mine, 1, 60);
	foreign = skb_peek(&mine);

	KUNIT_EXPECT_TRUE(test, dp_complete_one(w, foreign, &mine));
	KUNIT_EXPECT_TRUE(test, dp_complete_one(w, kept, &w->cl_kept));
	FAKE_EXPECT_NONE(test, w, "cl.co_send_complete");
	KUNIT_EXPECT_EQ(test, w->cl_vc->data.tx_outstanding, 1U);
	KUNIT_EXPECT_EQ(test, w->cl_vc->data.tx_packets, 0ULL);
	KUNIT_EXPECT_EQ(test, w->cl_vc->data.tx_errors, 0ULL);
	KUNIT_EXPECT_EQ(test, w->cl_vc->data.tx_bytes, 0ULL);

	KUNIT_EXPECT_FALSE(test, dp_complete_one(w, sent, &w->mp_tx));
	FAKE_EXPECT_ONCE(test, w, "cl.co_send_complete 1");
	EXPECT_SKBS(test, "co_send_complete", w->cl_got, w->cl_got_n, sent);
	KUNIT_EXPECT_EQ(test, w->cl_vc->data.tx_bytes, 40ULL);
	condis_co_return_skbs(w->cl_vc, &w->cl_kept);
	skb_queue_purge(&mine);
	close_and_delete(test, w);
}

/*
 * A send completes once.  The miniport completes it a second time (the
 * client still has it): refused, nothing counted, and the other send in
 * flight completes after.
 */
static void data_second_completion_of_send_is_refused(struct kunit *test)
{
	struct fake_world *w = dp_world(test);
	struct sk_buff_head q;
	struct sk_buff *a, *b;

	connect(test, w);
	w->cl_hold_done = true;
	make_skbs(test, &q, 2, 40);
	a = skb_peek(&q);
	b = skb_peek_tail(&q);
	KUNIT_ASSERT_EQ(test, condis_co_send(w->cl_vc, &q), 0);
	KUNIT_EXPECT_FALSE(test, dp_complete_one(w, a, &w->mp_tx));
	KUNIT_EXPECT_TRUE(test, dp_complete_one(w, a, &w->cl_done));
	FAKE_EXPECT_ONCE(test, w, "cl.co_send_complete");
	KUNIT_EXPECT_EQ(test, w->cl_vc->data.tx_outstanding, 1U);
	KUNIT_EXPECT_EQ(test, w->cl_vc->data.tx_packets, 1ULL);
	KUNIT_EXPECT_EQ(test, w->cl_vc->data.tx_bytes, 40ULL);

	KUNIT_EXPECT_FALSE(test, dp_complete_one(w, b, &w->mp_tx));
	fake_expect_count(test, w, "cl.co_send_complete", 2);
	EXPECT_SKBS(test, "co_send_complete", w->cl_got, w->cl_got_n, a, b);
	close_and_delete(test, w);
}

/*
 * A completion batch mixing skbs sent on the VC with foreign ones: the sent
 * ones complete, in one call to the sender, with their status; the foreign
 * ones are refused and left on the miniport's list, in their order.
 */
static void data_completion_batch_completes_sent_and_refuses_foreign(struct kunit *test)
{
	struct fake_world *w = dp_world(test);
	struct sk_buff *a, *b, *c, *f1, *f2, *skb, *tmp;
	struct sk_buff_head q, mine, batch;

	connect(test, w);
	make_skbs(test, &q, 3, 40);
	a = skb_peek(&q);
	b = a->next;
	c = skb_peek_tail(&q);
	KUNIT_ASSERT_EQ(test, condis_co_send(w->cl_vc, &q), 0);
	make_skbs(test, &mine, 2, 70);
	f1 = skb_peek(&mine);
	f2 = skb_peek_tail(&mine);

	skb_queue_head_init(&batch);
	skb_unlink(a, &w->mp_tx);
	skb_queue_tail(&batch, a);
	skb_unlink(f1, &mine);
	skb_queue_tail(&batch, f1);
	skb_unlink(b, &w->mp_tx);
	skb_queue_tail(&batch, b);
	skb_unlink(f2, &mine);
	skb_queue_tail(&batch, f2);
	CONDIS_SKB_CB(a)->status = 0;
	CONDIS_SKB_CB(b)->status = -EIO;
	condis_mco_send_complete(w->cl_vc, &batch);

	FAKE_EXPECT_ONCE(test, w, "cl.co_send_complete 2");
	FAKE_EXPECT_ONCE(test, w, "cl.co_send_complete");
	EXPECT_SKBS(test, "co_send_complete", w->cl_got, w->cl_got_n, a, b);
	KUNIT_EXPECT_EQ(test, w->cl_send_errors, 1);
	KUNIT_EXPECT_EQ(test, skb_queue_len(&batch), 2U);
	KUNIT_EXPECT_PTR_EQ(test, skb_peek(&batch), f1);
	KUNIT_EXPECT_PTR_EQ(test, skb_peek_tail(&batch), f2);
	KUNIT_EXPECT_EQ(test, w->cl_vc->data.tx_packets, 1ULL);
	KUNIT_EXPECT_EQ(test, w->cl_vc->data.tx_errors, 1ULL);
	KUNIT_EXPECT_EQ(test, w->cl_vc->data.tx_bytes, 80ULL);
	KUNIT_EXPECT_EQ(test, w->cl_vc->data.tx_outstanding, 1U);

	/* A sent skb condis left on the list (it must not) is completed again. */
	skb_queue_walk_safe(&batch, skb, tmp) {
		if (skb == a || skb == b) {
			skb_unlink(skb, &batch);
			skb_queue_tail(&w->mp_tx, skb);
		}
	}
	skb_queue_purge(&batch);
	fake_mp_complete_sends(w, w->cl_vc, 0);
	EXPECT_SKBS(test, "co_send_complete", w->cl_got, w->cl_got_n, a, b, c);
	close_and_delete(test, w);
}

/*
 * An skb in flight on the VC cannot be sent on it again: the whole send is
 * refused, the skbs stay the sender's and nothing of it stays entered.
 */
static void data_send_of_skb_in_flight_is_refused(struct kunit *test)
{
	struct fake_world *w = dp_world(test);
	struct sk_buff_head q;
	struct sk_buff *a, *b;

	connect(test, w);
	w->cl_hold_done = true;
	make_skbs(test, &q, 1, 40);
	a = skb_peek(&q);
	KUNIT_ASSERT_EQ(test, condis_co_send(w->cl_vc, &q), 0);
	make_skbs(test, &q, 1, 30);
	b = skb_peek(&q);
	skb_unlink(a, &w->mp_tx);
	skb_queue_tail(&q, a);
	KUNIT_EXPECT_EQ(test, condis_co_send(w->cl_vc, &q), -EINVAL);
	KUNIT_EXPECT_EQ(test, skb_queue_len(&q), 2U);
	FAKE_EXPECT_ONCE(test, w, "mp.send");
	KUNIT_EXPECT_EQ(test, w->cl_vc->data.tx_outstanding, 1U);

	if (skb_queue_len(&q) == 2) {
		/* b alone goes: the refused send left nothing entered. */
		skb_unlink(a, &q);
		skb_queue_tail(&w->mp_tx, a);
		KUNIT_EXPECT_EQ(test, condis_co_send(w->cl_vc, &q), 0);
		fake_mp_complete_sends(w, w->cl_vc, 0);
	} else {
		/* condis sent a twice: the miniport completes it twice. */
		fake_mp_complete_sends(w, w->cl_vc, 0);
		dp_complete_one(w, a, &w->cl_done);
	}
	EXPECT_SKBS(test, "co_send_complete", w->cl_got, w->cl_got_n, a, b);
	close_and_delete(test, w);
}

/*
 * An skb the client keeps cannot be indicated again (the miniport does not
 * hold it): refused, left on the miniport's list, nothing counted.
 */
static void data_indication_of_kept_skb_is_refused(struct kunit *test)
{
	struct fake_world *w = dp_world(test);
	struct sk_buff_head q;
	struct sk_buff *a;

	connect(test, w);
	w->cl_keep = true;
	w->mp_recycle = true;
	make_skbs(test, &q, 1, 50);
	a = skb_peek(&q);
	KUNIT_ASSERT_EQ(test, condis_mco_indicate_receive(w->cl_vc, &q, 0), 0);
	skb_unlink(a, &w->cl_kept);
	skb_queue_tail(&q, a);
	KUNIT_EXPECT_EQ(test, condis_mco_indicate_receive(w->cl_vc, &q, 0), 0);
	KUNIT_EXPECT_EQ(test, skb_queue_len(&q), 1U);
	FAKE_EXPECT_ONCE(test, w, "cl.co_receive");
	KUNIT_EXPECT_EQ(test, w->cl_vc->data.rx_packets, 1ULL);
	KUNIT_EXPECT_EQ(test, w->cl_vc->data.rx_bytes, 50ULL);
	KUNIT_EXPECT_EQ(test, w->cl_vc->data.rx_outstanding, 1U);

	if (!skb_queue_empty(&q)) {
		skb_unlink(a, &q);
		skb_queue_tail(&w->cl_kept, a);
	}
	condis_co_return_skbs(w->cl_vc, &w->cl_kept);
	if (w->cl_vc->data.rx_outstanding)	/* condis took it twice: it goes back twice */
		dp_return_one(w, a, &w->mp_pool);
	EXPECT_SKBS(test, "return_skbs", w->mp_got, w->mp_got_n, a);
	close_and_delete(test, w);
}

/*
 * A client that returns an skb from inside co_receive and leaves it on the
 * list all the same: the miniport gets it back once, through return_skbs,
 * and condis takes it off the list; the skb kept with it is returned later.
 */
static void data_skb_returned_inside_receive_goes_back_once(struct kunit *test)
{
	struct fake_world *w = dp_world(test);
	struct sk_buff_head q;
	struct sk_buff *a, *b;

	connect(test, w);
	w->mp_recycle = true;
	w->cl_return_first = true;
	w->cl_keep = true;
	make_skbs(test, &q, 2, 60);
	a = skb_peek(&q);
	b = skb_peek_tail(&q);
	KUNIT_ASSERT_EQ(test, condis_mco_indicate_receive(w->cl_vc, &q, 0), 0);
	KUNIT_EXPECT_TRUE(test, skb_queue_empty(&q));
	EXPECT_SKBS(test, "return_skbs", w->mp_got, w->mp_got_n, a);
	KUNIT_EXPECT_EQ(test, w->cl_vc->data.rx_outstanding, 1U);
	if (skb_queue_empty(&q))
		skb_queue_tail(&w->mp_pool, a);	/* the miniport got it back */
	skb_queue_purge(&q);

	condis_co_return_skbs(w->cl_vc, &w->cl_kept);
	EXPECT_SKBS(test, "return_skbs", w->mp_got, w->mp_got_n, a, b);
	KUNIT_EXPECT_EQ(test, w->cl_vc->data.rx_outstanding, 0U);
	close_and_delete(test, w);
}

#define DP_MANY	100U

/* @n skbs of @p, from @from, onto the end of @q (each taken off the list it is on). */
static void dp_take(struct sk_buff_head *q, struct sk_buff **p, const unsigned int *order,
		    unsigned int from, unsigned int n, struct sk_buff_head *home)
{
	unsigned int i;

	for (i = from; i < from + n && i < DP_MANY; i++) {
		skb_unlink(p[order[i]], home);
		skb_queue_tail(q, p[order[i]]);
	}
}

/*
 * However many skbs are out on a VC (the set grows several times here)
 * and in whatever order they come back, each comes back once: 100 sends
 * completed in a scrambled order, in batches, each batch followed by a
 * second completion of an skb of the one before; 100 kept receives
 * returned the same way.  Every second one is refused.
 */
static void data_many_skbs_out_each_come_back_once(struct kunit *test)
{
	struct fake_world *w = dp_world(test);
	unsigned int i, refused = 0, *order;
	struct sk_buff **p, *again;
	struct sk_buff_head q;

	p = kunit_kcalloc(test, DP_MANY, sizeof(*p), GFP_KERNEL);
	order = kunit_kcalloc(test, DP_MANY, sizeof(*order), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_ASSERT_NOT_NULL(test, order);
	for (i = 0; i < DP_MANY; i++)
		order[i] = i * 37 % DP_MANY;
	connect(test, w);
	w->cl_hold_done = true;
	w->mp_recycle = true;

	/* Sends, in batches of 7; completions in batches of 5, scrambled. */
	for (i = 0; i < DP_MANY; i += 7) {
		make_skbs(test, &q, min(7U, DP_MANY - i), 10);
		KUNIT_ASSERT_EQ(test, condis_co_send(w->cl_vc, &q), 0);
	}
	i = 0;
	skb_queue_walk(&w->mp_tx, again)
		p[i++] = again;
	KUNIT_ASSERT_EQ(test, i, DP_MANY);
	KUNIT_EXPECT_EQ(test, w->cl_vc->data.tx_outstanding, DP_MANY);
	for (i = 0; i < DP_MANY; i += 5) {
		skb_queue_head_init(&q);
		dp_take(&q, p, order, i, 5, &w->mp_tx);
		condis_mco_send_complete(w->cl_vc, &q);
		KUNIT_EXPECT_TRUE(test, skb_queue_empty(&q));
		skb_queue_splice_tail_init(&q, &w->mp_tx);
		if (i)
			refused += dp_complete_one(w, p[order[i - 3]], &w->cl_done);
	}
	KUNIT_EXPECT_EQ(test, refused, DP_MANY / 5 - 1);
	KUNIT_EXPECT_EQ(test, w->cl_sent_back, DP_MANY);
	KUNIT_EXPECT_EQ(test, skb_queue_len(&w->cl_done), DP_MANY);
	KUNIT_EXPECT_EQ(test, w->cl_vc->data.tx_packets, (u64)DP_MANY);
	KUNIT_EXPECT_EQ(test, w->cl_vc->data.tx_outstanding, 0U);
	fake_mp_complete_sends(w, w->cl_vc, 0);	/* what a failing run left */

	/* Receives kept, in batches of 9; returns in batches of 6, scrambled. */
	w->cl_keep = true;
	refused = 0;
	for (i = 0; i < DP_MANY; i += 9) {
		make_skbs(test, &q, min(9U, DP_MANY - i), 10);
		KUNIT_ASSERT_EQ(test, condis_mco_indicate_receive(w->cl_vc, &q, 0), 0);
	}
	i = 0;
	skb_queue_walk(&w->cl_kept, again)
		p[i++] = again;
	KUNIT_ASSERT_EQ(test, i, DP_MANY);
	KUNIT_EXPECT_EQ(test, w->cl_vc->data.rx_outstanding, DP_MANY);
	for (i = 0; i < DP_MANY; i += 6) {
		skb_queue_head_init(&q);
		dp_take(&q, p, order, i, 6, &w->cl_kept);
		condis_co_return_skbs(w->cl_vc, &q);
		KUNIT_EXPECT_TRUE(test, skb_queue_empty(&q));
		skb_queue_splice_tail_init(&q, &w->cl_kept);
		if (i)
			refused += dp_return_one(w, p[order[i - 4]], &w->mp_pool);
	}
	KUNIT_EXPECT_EQ(test, refused, (DP_MANY + 5) / 6 - 1);
	KUNIT_EXPECT_EQ(test, w->mp_returned, DP_MANY);
	KUNIT_EXPECT_EQ(test, skb_queue_len(&w->mp_pool), DP_MANY);
	KUNIT_EXPECT_EQ(test, w->cl_vc->data.rx_outstanding, 0U);
	condis_co_return_skbs(w->cl_vc, &w->cl_kept);	/* what a failing run left */
	close_and_delete(test, w);
}

/*
 * condis keeps nothing of its own in skb->cb while a driver holds the skb
 * (it knows the skbs out on a VC by their address): the miniport may
 * overwrite all of it between send and completion (setting the status
 * last), the client all of a kept skb's before returning it.
 */
static void data_skb_cb_is_the_holders_between_hand_over_and_return(struct kunit *test)
{
	struct fake_world *w = dp_world(test);
	struct sk_buff_head q;
	struct sk_buff *skb;

	connect(test, w);
	make_skbs(test, &q, 2, 40);
	KUNIT_ASSERT_EQ(test, condis_co_send(w->cl_vc, &q), 0);
	skb_queue_walk(&w->mp_tx, skb)
		memset(skb->cb, 0xa5, sizeof(skb->cb));
	fake_mp_complete_sends(w, w->cl_vc, 0);
	FAKE_EXPECT_ONCE(test, w, "cl.co_send_complete 2");
	KUNIT_EXPECT_PTR_EQ(test, w->cl_done_vc, w->cl_vc);
	KUNIT_EXPECT_EQ(test, w->cl_vc->data.tx_outstanding, 0U);

	w->cl_keep = true;
	make_skbs(test, &q, 2, 40);
	KUNIT_ASSERT_EQ(test, condis_mco_indicate_receive(w->cl_vc, &q, 0), 0);
	skb_queue_walk(&w->cl_kept, skb)
		memset(skb->cb, 0x5a, sizeof(skb->cb));
	condis_co_return_skbs(w->cl_vc, &w->cl_kept);
	FAKE_EXPECT_ONCE(test, w, "mp.return_skbs 2");
	KUNIT_EXPECT_EQ(test, w->cl_vc->data.rx_outstanding, 0U);
	close_and_delete(test, w);
}

/* A CM's signalling VC carries the CM's own data, to and from the CM. */
static void data_signalling_vc_belongs_to_cm(struct kunit *test)
{
	struct fake_world *w = fake_world_new(test, FAKE_STANDALONE_CM);
	struct condis_vc *sig;
	struct sk_buff_head q;

	KUNIT_ASSERT_EQ(test, condis_co_create_vc(w->cm_binding, NULL, w, &sig), 0);
	KUNIT_ASSERT_EQ(test, fake_cm_activate(w, sig), 0);
	make_skbs(test, &q, 2, 30);
	KUNIT_EXPECT_EQ(test, condis_co_send(sig, &q), 0);
	fake_mp_complete_sends(w, sig, 0);
	FAKE_EXPECT_ONCE(test, w, "cmp.co_send_complete 2");
	make_skbs(test, &q, 1, 30);
	KUNIT_EXPECT_EQ(test, condis_mco_indicate_receive(sig, &q, 0), 0);
	FAKE_EXPECT_ONCE(test, w, "cmp.co_receive 1");
	FAKE_EXPECT_NONE(test, w, "cl.co_");
	skb_queue_purge(&q);
	KUNIT_EXPECT_EQ(test, condis_cm_deactivate_vc(sig), 0);
	KUNIT_EXPECT_EQ(test, condis_co_delete_vc(sig), 0);
}

/* An incoming call on w->cl_vc, offered and accepted, not connected yet. */
static struct condis_sap *accepted_incoming(struct kunit *test, struct fake_world *w)
{
	struct condis_sap *sap = NULL;

	KUNIT_ASSERT_EQ(test, fake_world_open_af(w), 0);
	w->cl_vc = fake_accepted_incoming(test, w, 9, &dp_params, &sap);
	return sap;
}

static void end_incoming(struct kunit *test, struct fake_world *w, struct condis_sap *sap)
{
	fake_cm_deactivate(w, w->cl_vc);
	KUNIT_EXPECT_EQ(test, fake_cm_drop_vc(w, w->cl_vc), 0);
	KUNIT_EXPECT_EQ(test, condis_cl_deregister_sap(sap), CONDIS_PENDING);
	fake_world_settle(w);
}

/*
 * WDK: data flows on an incoming call from ProtocolClCallConnected on.
 * Packets that overtake the call manager's handshake are held, and reach
 * the client right after its call_connected, all of them, in order.
 */
static void data_receive_before_call_connected_waits_for_it(struct kunit *test)
{
	const enum fake_cm_kind *kind = test->param_value;
	struct fake_world *w = fake_world_new(test, *kind);
	struct condis_sap *sap = accepted_incoming(test, w);
	struct sk_buff *first, *last;
	struct sk_buff_head q;

	make_skbs(test, &q, 3, 60);
	first = skb_peek(&q);
	last = skb_peek_tail(&q);
	KUNIT_EXPECT_EQ(test, condis_mco_indicate_receive(w->cl_vc, &q, 0), 0);
	KUNIT_EXPECT_TRUE(test, skb_queue_empty(&q));	/* held by condis */
	FAKE_EXPECT_NONE(test, w, "cl.co_receive");
	KUNIT_EXPECT_EQ(test, w->cl_vc->data.rx_outstanding, 3U);

	w->cl_keep = true;
	KUNIT_EXPECT_EQ(test, condis_cm_dispatch_call_connected(w->cl_vc), 0);
	FAKE_EXPECT_ONCE(test, w, "cl.co_receive 3");
	FAKE_EXPECT_BEFORE(test, w, "cl.call_connected", "cl.co_receive");
	KUNIT_EXPECT_PTR_EQ(test, skb_peek(&w->cl_kept), first);
	KUNIT_EXPECT_PTR_EQ(test, skb_peek_tail(&w->cl_kept), last);
	condis_co_return_skbs(w->cl_vc, &w->cl_kept);
	FAKE_EXPECT_ONCE(test, w, "mp.return_skbs 3");
	KUNIT_EXPECT_EQ(test, w->cl_vc->data.rx_outstanding, 0U);
	KUNIT_EXPECT_EQ(test, condis_cl_close_call(w->cl_vc, NULL, NULL, 0), 0);
	end_incoming(test, w, sap);
}

/* Held packets of a call that never connects go back to the miniport, once. */
static void data_held_receives_of_unconnected_call_go_back(struct kunit *test)
{
	const enum fake_cm_kind *kind = test->param_value;
	struct fake_world *w = fake_world_new(test, *kind);
	struct condis_sap *sap = accepted_incoming(test, w);
	struct sk_buff_head q;

	make_skbs(test, &q, 2, 60);
	KUNIT_EXPECT_EQ(test, condis_mco_indicate_receive(w->cl_vc, &q, 0), 0);
	w->cl_close_on_remote_close = true;
	KUNIT_EXPECT_EQ(test,
			condis_cm_dispatch_incoming_close_call(-ECONNRESET, w->cl_vc, NULL, 0), 0);
	FAKE_EXPECT_ONCE(test, w, "mp.return_skbs 2");	/* the CM deactivated the VC */
	FAKE_EXPECT_NONE(test, w, "cl.co_receive");
	KUNIT_EXPECT_EQ(test, w->cl_vc->data.rx_outstanding, 0U);
	end_incoming(test, w, sap);
	FAKE_EXPECT_ONCE(test, w, "mp.return_skbs");
}

static void settle_complete_sends(void *w)
{
	struct fake_world *fw = w;

	fake_mp_complete_sends(fw, fw->cl_vc, 0);
}

static bool settle_drained(void *w)
{
	struct condis_vc *vc = ((struct fake_world *)w)->cl_vc;
	bool drained;

	spin_lock_bh(&vc->lock);
	drained = !vc->data.tx_outstanding && !vc->data.rx_outstanding;
	spin_unlock_bh(&vc->lock);
	return drained;
}

/*
 * The data path draining wakes whoever waits for it (teardown): the
 * miniport completing the last sends ends the wait at once.
 */
static void data_drain_wakes_settle_waiters(struct kunit *test)
{
	struct fake_world *w = dp_world(test);
	struct sk_buff_head q;
	s64 ms;

	connect(test, w);
	make_skbs(test, &q, 2, 50);
	KUNIT_EXPECT_EQ(test, condis_co_send(w->cl_vc, &q), 0);
	ms = fake_settle_wait_for(settle_complete_sends, settle_drained, w, 50);
	KUNIT_EXPECT_GE(test, ms, 0);
	KUNIT_EXPECT_LT(test, ms, FAKE_SETTLE_WAIT_MS / 2);
	FAKE_EXPECT_ONCE(test, w, "cl.co_send_complete 2");
	close_and_delete(test, w);
}

static struct kunit_case condis_datapath_cases[] = {
	KUNIT_CASE_PARAM(data_send_needs_connected_call, fake_kind_gen_params),
	KUNIT_CASE_PARAM(data_send_completions_batched_with_status, fake_kind_gen_params),
	KUNIT_CASE_PARAM(data_no_send_once_call_closing, fake_kind_gen_params),
	KUNIT_CASE_PARAM(data_receive_kept_skbs_are_returned, fake_kind_gen_params),
	KUNIT_CASE_PARAM(data_receive_resources_low_copy_now, fake_kind_gen_params),
	KUNIT_CASE_PARAM(data_receive_on_inactive_vc_refused, fake_kind_gen_params),
	KUNIT_CASE_PARAM(data_receive_before_call_connected_waits_for_it, fake_kind_gen_params),
	KUNIT_CASE_PARAM(data_held_receives_of_unconnected_call_go_back, fake_kind_gen_params),
	KUNIT_CASE_PARAM(data_skbs_name_their_vc, fake_kind_gen_params),
	KUNIT_CASE(data_deactivation_waits_for_drain),
	KUNIT_CASE_PARAM(data_drain_wakes_settle_waiters, fake_kind_gen_params),
	KUNIT_CASE(data_signalling_vc_belongs_to_cm),
	KUNIT_CASE_PARAM(data_second_return_of_kept_skb_is_refused, fake_kind_gen_params),
	KUNIT_CASE_PARAM(data_return_of_unkept_skb_is_refused, fake_kind_gen_params),
	KUNIT_CASE_PARAM(data_completion_of_foreign_skb_is_refused, fake_kind_gen_params),
	KUNIT_CASE_PARAM(data_second_completion_of_send_is_refused, fake_kind_gen_params),
	KUNIT_CASE_PARAM(data_completion_batch_completes_sent_and_refuses_foreign,
			 fake_kind_gen_params),
	KUNIT_CASE_PARAM(data_send_of_skb_in_flight_is_refused, fake_kind_gen_params),
	KUNIT_CASE_PARAM(data_indication_of_kept_skb_is_refused, fake_kind_gen_params),
	KUNIT_CASE_PARAM(data_skb_returned_inside_receive_goes_back_once, fake_kind_gen_params),
	KUNIT_CASE_PARAM(data_skb_cb_is_the_holders_between_hand_over_and_return,
			 fake_kind_gen_params),
	KUNIT_CASE_PARAM(data_many_skbs_out_each_come_back_once, fake_kind_gen_params),
	{}
};

static struct kunit_suite condis_datapath_suite = {
	.name = "condis_datapath",
	.test_cases = condis_datapath_cases,
};

kunit_test_suite(condis_datapath_suite);
