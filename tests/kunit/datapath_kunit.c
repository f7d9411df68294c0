// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "condis_datapath": sends and receives on VCs: only on an
 * active VC with a connected call, completions batched and in any order,
 * receives to the VC's owner (the client, or the CM for its signalling
 * VC), the "copy now" case, and a deactivation that completes only once
 * every sent skb is back and every kept one returned.
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
	KUNIT_EXPECT_EQ(test, w->cl_vc->tx_outstanding, 3U);
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
	KUNIT_EXPECT_EQ(test, w->cl_vc->tx_packets, 5ULL);
	KUNIT_EXPECT_EQ(test, w->cl_vc->tx_bytes, 240ULL);
	make_skbs(test, &a, 1, 10);
	KUNIT_EXPECT_EQ(test, condis_co_send(w->cl_vc, &a), 0);
	fake_mp_complete_sends(w, w->cl_vc, -EIO);
	KUNIT_EXPECT_EQ(test, w->cl_send_errors, 1);
	KUNIT_EXPECT_EQ(test, w->cl_vc->tx_errors, 1ULL);
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
	KUNIT_EXPECT_EQ(test, w->cl_vc->rx_outstanding, 2U);
	KUNIT_EXPECT_EQ(test, w->cl_vc->rx_bytes, 160ULL);
	condis_co_return_skbs(w->cl_vc, &w->cl_kept);
	FAKE_EXPECT_ONCE(test, w, "mp.return_skbs 2");
	KUNIT_EXPECT_EQ(test, w->cl_vc->rx_outstanding, 0U);
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
	KUNIT_EXPECT_EQ(test, w->cl_vc->rx_outstanding, 0U);
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

static struct kunit_case condis_datapath_cases[] = {
	KUNIT_CASE_PARAM(data_send_needs_connected_call, fake_kind_gen_params),
	KUNIT_CASE_PARAM(data_send_completions_batched_with_status, fake_kind_gen_params),
	KUNIT_CASE_PARAM(data_no_send_once_call_closing, fake_kind_gen_params),
	KUNIT_CASE_PARAM(data_receive_kept_skbs_are_returned, fake_kind_gen_params),
	KUNIT_CASE_PARAM(data_receive_resources_low_copy_now, fake_kind_gen_params),
	KUNIT_CASE_PARAM(data_receive_on_inactive_vc_refused, fake_kind_gen_params),
	KUNIT_CASE_PARAM(data_skbs_name_their_vc, fake_kind_gen_params),
	KUNIT_CASE(data_deactivation_waits_for_drain),
	KUNIT_CASE(data_signalling_vc_belongs_to_cm),
	{}
};

static struct kunit_suite condis_datapath_suite = {
	.name = "condis_datapath",
	.test_cases = condis_datapath_cases,
};

kunit_test_suite(condis_datapath_suite);
