// SPDX-License-Identifier: GPL-2.0
/*
 * Data-path benchmark: packets per second through condis between two
 * endpoints, side by side with the same work done by plain function calls
 * in the same run.
 *
 * The set-up is a loopback MCM (a miniport that is its own call manager)
 * and one client with two connected calls, VC A and VC B.  Each packet the
 * client sends on A is indicated by the miniport as received on B ("copy
 * now", so it stays the miniport's) and then completed back to the client;
 * the skb is reused, so nothing is allocated while timing.  The direct
 * variant makes the same three calls (send, receive, send-complete) on the
 * same skb through function pointers, without condis.
 */
#include <linux/completion.h>
#include <linux/ktime.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <net/condis.h>

#include "bench.h"

struct dp_bench {
	struct condis_miniport *mp;
	struct condis_adapter *adapter;
	struct condis_protocol *client;
	struct condis_binding *binding;
	struct condis_cm_af *cm_af;
	struct condis_af *af;
	struct condis_vc *vc_a, *vc_b;
	struct completion opened;
	int open_status;
	u64 received, completed;
};

static const struct condis_af_type dp_af_type = { .family = 0x7f, .major = 1 };
static struct condis_call_params dp_params;

/* The two VCs' contexts say which end they are; the MCM's are the same. */
struct dp_vc {
	struct dp_bench *b;
	struct condis_vc *vc;
	struct dp_vc *peer;
};

static struct dp_vc dp_a, dp_b;

/* ---- the loopback MCM ------------------------------------------------- */

static void dp_mp_send(void *mp_vc_ctx, struct sk_buff_head *skbs)
{
	struct dp_vc *v = mp_vc_ctx;

	condis_mco_indicate_receive(v->peer->vc, skbs, CONDIS_RECEIVE_RESOURCES);
	condis_mco_send_complete(v->vc, skbs);
}

static void dp_mp_return(void *mp_vc_ctx, struct sk_buff_head *skbs)
{
	skb_queue_purge(skbs);
}

static const struct condis_miniport_ops dp_mp_ops = {
	.send = dp_mp_send,
	.return_skbs = dp_mp_return,
};

static int dp_cm_open_af(void *bctx, const struct condis_af_type *type, struct condis_af *af,
			 void **cm_af_ctx)
{
	*cm_af_ctx = bctx;
	return 0;
}

static int dp_cm_zero(void *ctx)
{
	return 0;
}

static int dp_cm_register_sap(void *ctx, const struct condis_sap_addr *a, struct condis_sap *s,
			      void **sctx)
{
	return -EOPNOTSUPP;
}

static void dp_cm_notify_done(void *ctx, int status)
{
}

static int dp_cm_create_vc(void *af_ctx, struct condis_vc *vc, void **vc_ctx)
{
	struct dp_vc *v = dp_a.vc ? &dp_b : &dp_a;

	v->vc = vc;
	*vc_ctx = v;
	return 0;
}

static int dp_cm_make_call(void *vc_ctx, struct condis_call_params *p, struct condis_party *party,
			   void **party_ctx)
{
	struct dp_vc *v = vc_ctx;

	return condis_mcm_activate_vc(v->vc, p);
}

static int dp_cm_close_call(void *vc_ctx, void *party_ctx, void *data, unsigned int size)
{
	struct dp_vc *v = vc_ctx;

	return condis_mcm_deactivate_vc(v->vc);
}

static void dp_cm_incoming_done(int status, void *vc_ctx, struct condis_call_params *p)
{
}

static int dp_cm_add_party(void *vc_ctx, struct condis_call_params *p, struct condis_party *party,
			   void **party_ctx)
{
	return -EOPNOTSUPP;
}

static int dp_cm_drop_party(void *party_ctx, void *data, unsigned int size)
{
	return -EOPNOTSUPP;
}

static int dp_cm_modify_qos(void *vc_ctx, struct condis_call_params *p)
{
	return -EOPNOTSUPP;
}

static int dp_oid(void *af_ctx, void *vc_ctx, void *party_ctx, struct condis_oid_request *req)
{
	return -EOPNOTSUPP;
}

static void dp_oid_done(void *af_ctx, void *vc_ctx, void *party_ctx,
			struct condis_oid_request *req, int status)
{
}

static const struct condis_cm_ops dp_cm_ops = {
	.open_af = dp_cm_open_af,
	.close_af = dp_cm_zero,
	.register_sap = dp_cm_register_sap,
	.deregister_sap = dp_cm_zero,
	.notify_close_af_complete = dp_cm_notify_done,
	.create_vc = dp_cm_create_vc,
	.delete_vc = dp_cm_zero,
	.make_call = dp_cm_make_call,
	.close_call = dp_cm_close_call,
	.incoming_call_complete = dp_cm_incoming_done,
	.add_party = dp_cm_add_party,
	.drop_party = dp_cm_drop_party,
	.modify_call_qos = dp_cm_modify_qos,
	.oid_request = dp_oid,
	.oid_request_complete = dp_oid_done,
};

/* ---- the client --------------------------------------------------------- */

static struct dp_bench *dp_the_bench;

static int dp_cl_bind(void *priv, struct condis_adapter *adapter)
{
	struct dp_bench *b = priv;

	return condis_open_adapter(b->client, adapter, b, &b->binding);
}

static int dp_cl_unbind(void *bctx, struct condis_binding *binding)
{
	return condis_close_adapter(binding);
}

static void dp_cl_af_notify(void *bctx, const struct condis_af_type *type)
{
}

static void dp_cl_status(void *bctx, void *vc_ctx, const struct condis_status_indication *ind)
{
}

/* What the endpoint does with a packet: count it. */
static void dp_cl_receive(void *bctx, void *vc_ctx, struct sk_buff_head *skbs,
			  unsigned int flags)
{
	struct dp_bench *b = bctx;

	b->received += skb_queue_len(skbs);
}

static void dp_cl_send_complete(void *vc_ctx, struct sk_buff_head *skbs)
{
	dp_the_bench->completed += skb_queue_len(skbs);
}

static void dp_cl_open_done(void *af_ctx, struct condis_af *af, int status)
{
	struct dp_bench *b = af_ctx;

	b->open_status = status;
	complete(&b->opened);
}

static void dp_cl_close_done(int status, void *af_ctx)
{
	struct dp_bench *b = af_ctx;

	complete(&b->opened);
}

static void dp_cl_sap_done(int status, void *ctx, const struct condis_sap_addr *a,
			   struct condis_sap *sap)
{
}

static void dp_cl_status_done(int status, void *ctx)
{
}

static int dp_cl_notify_close(void *af_ctx)
{
	return -EOPNOTSUPP;
}

static int dp_cl_create_vc(void *af_ctx, struct condis_vc *vc, void **vc_ctx)
{
	return -EOPNOTSUPP;	/* no incoming calls */
}

static int dp_cl_delete_vc(void *vc_ctx)
{
	return 0;
}

static void dp_cl_make_done(int status, void *vc_ctx, struct condis_party *party,
			    struct condis_call_params *p)
{
}

static void dp_cl_close_call_done(int status, void *vc_ctx, void *party_ctx)
{
}

static int dp_cl_incoming_call(void *sap_ctx, void *vc_ctx, struct condis_call_params *p)
{
	return -EOPNOTSUPP;
}

static void dp_cl_vc_event(void *vc_ctx)
{
}

static void dp_cl_incoming_close(int status, void *vc_ctx, void *data, unsigned int size)
{
}

static void dp_cl_party_done(int status, void *party_ctx, struct condis_party *party,
			     struct condis_call_params *p)
{
}

static void dp_cl_incoming_drop(int status, void *party_ctx, void *data, unsigned int size)
{
}

static void dp_cl_qos_done(int status, void *vc_ctx, struct condis_call_params *p)
{
}

static void dp_cl_qos_change(void *vc_ctx, struct condis_call_params *p)
{
}

static const struct condis_protocol_ops dp_proto_ops = {
	.bind_adapter = dp_cl_bind,
	.unbind_adapter = dp_cl_unbind,
	.af_register_notify = dp_cl_af_notify,
	.co_status = dp_cl_status,
	.co_receive = dp_cl_receive,
	.co_send_complete = dp_cl_send_complete,
};

static const struct condis_cl_ops dp_cl_ops = {
	.open_af_complete = dp_cl_open_done,
	.close_af_complete = dp_cl_close_done,
	.register_sap_complete = dp_cl_sap_done,
	.deregister_sap_complete = dp_cl_status_done,
	.notify_close_af = dp_cl_notify_close,
	.create_vc = dp_cl_create_vc,
	.delete_vc = dp_cl_delete_vc,
	.make_call_complete = dp_cl_make_done,
	.close_call_complete = dp_cl_close_call_done,
	.incoming_call = dp_cl_incoming_call,
	.call_connected = dp_cl_vc_event,
	.incoming_close_call = dp_cl_incoming_close,
	.add_party_complete = dp_cl_party_done,
	.drop_party_complete = dp_cl_status_done,
	.incoming_drop_party = dp_cl_incoming_drop,
	.modify_call_qos_complete = dp_cl_qos_done,
	.incoming_call_qos_change = dp_cl_qos_change,
	.oid_request = dp_oid,
	.oid_request_complete = dp_oid_done,
};

/* ---- the direct baseline ------------------------------------------------ */

struct direct_ops {
	void (*send)(struct dp_bench *b, struct sk_buff_head *skbs);
	void (*receive)(struct dp_bench *b, struct sk_buff_head *skbs);
	void (*send_complete)(struct dp_bench *b, struct sk_buff_head *skbs);
};

static void direct_receive(struct dp_bench *b, struct sk_buff_head *skbs)
{
	b->received += skb_queue_len(skbs);
}

static void direct_send_complete(struct dp_bench *b, struct sk_buff_head *skbs)
{
	b->completed += skb_queue_len(skbs);
}

static void direct_send(struct dp_bench *b, struct sk_buff_head *skbs);

static const struct direct_ops dp_direct = {
	.send = direct_send,
	.receive = direct_receive,
	.send_complete = direct_send_complete,
};

static const struct direct_ops *dp_direct_ops = &dp_direct;

static void direct_send(struct dp_bench *b, struct sk_buff_head *skbs)
{
	READ_ONCE(dp_direct_ops)->receive(b, skbs);
	READ_ONCE(dp_direct_ops)->send_complete(b, skbs);
}

/* ---- set-up, timing, teardown -------------------------------------------- */

static int dp_setup(struct dp_bench *b)
{
	static const struct condis_miniport_desc mp_desc = {
		.name = "bench-mcm", .ops = &dp_mp_ops, .cm_ops = &dp_cm_ops,
	};
	static const struct condis_protocol_desc cl_desc = {
		.name = "bench-client", .ops = &dp_proto_ops, .cl_ops = &dp_cl_ops,
	};
	int err;

	init_completion(&b->opened);
	err = condis_register_miniport(&mp_desc, b, &b->mp);
	if (!err)
		err = condis_register_protocol(&cl_desc, b, &b->client);
	if (!err)
		err = condis_adapter_register(b->mp, "bench0", b, &b->adapter);
	if (!err)
		err = condis_mcm_register_af(b->adapter, &dp_af_type, &b->cm_af);
	if (!err && !b->binding)
		err = -ENODEV;
	if (err)
		return err;
	err = condis_cl_open_af(b->binding, &dp_af_type, b, &b->af);
	if (err != CONDIS_PENDING)
		return err ?: -EPROTO;
	wait_for_completion(&b->opened);
	if (b->open_status)
		return b->open_status;
	err = condis_co_create_vc(b->binding, b->af, &dp_a, &b->vc_a);
	if (!err)
		err = condis_co_create_vc(b->binding, b->af, &dp_b, &b->vc_b);
	if (!err)
		err = condis_cl_make_call(b->vc_a, &dp_params, NULL, NULL);
	if (!err)
		err = condis_cl_make_call(b->vc_b, &dp_params, NULL, NULL);
	return err;
}

static void dp_teardown(struct dp_bench *b)
{
	if (b->vc_a) {
		condis_cl_close_call(b->vc_a, NULL, NULL, 0);
		condis_co_delete_vc(b->vc_a);
	}
	if (b->vc_b) {
		condis_cl_close_call(b->vc_b, NULL, NULL, 0);
		condis_co_delete_vc(b->vc_b);
	}
	if (b->af) {
		reinit_completion(&b->opened);
		if (condis_cl_close_af(b->af) == CONDIS_PENDING)
			wait_for_completion(&b->opened);
	}
	if (b->client)
		condis_deregister_protocol(b->client);
	if (b->mp)
		condis_deregister_miniport(b->mp);
}

/* Send @n packets in batches of @batch; returns the nanoseconds it took. */
static u64 dp_time(struct dp_bench *b, struct sk_buff **skbs, unsigned int batch, u64 n,
		   bool direct)
{
	struct sk_buff_head q;
	u64 sent, t0;
	unsigned int i;

	b->received = 0;
	b->completed = 0;
	t0 = ktime_get_ns();
	for (sent = 0; sent < n; sent += batch) {
		__skb_queue_head_init(&q);
		for (i = 0; i < batch; i++)
			__skb_queue_tail(&q, skbs[i]);
		if (direct)
			READ_ONCE(dp_direct_ops)->send(b, &q);
		else if (condis_co_send(b->vc_a, &q))
			break;
		if (!(sent & 0xffff))
			cond_resched();
	}
	t0 = ktime_get_ns() - t0;
	WARN_ON(b->received != sent || b->completed != sent);
	return max_t(u64, t0, 1);
}

/* "12.3": tenths of nanoseconds per packet. */
static void ns_per_packet(char buf[24], u64 ns, u64 packets)
{
	u64 tenths = div64_u64(ns * 10, packets);

	snprintf(buf, 24, "%llu.%u", div64_u64(tenths, 10), (unsigned int)(tenths % 10));
}

static struct dp_bench *dp_kept;

/**
 * datapath_bench_release() - tear down what datapath_bench() left live
 *
 * The client deregisters with its calls still connected and its AF open,
 * and the MCM with its adapter registered, as module unload with live
 * objects does; condis closes what they left (forced teardown).
 *
 * Context: process; sleeps.
 */
void datapath_bench_release(void)
{
	struct dp_bench *b = dp_kept;

	if (!b)
		return;
	dp_kept = NULL;
	condis_deregister_protocol(b->client);
	condis_deregister_miniport(b->mp);
	kfree(b);
}

/**
 * datapath_bench() - run the data-path benchmark
 * @packets: how many packets each variant sends
 * @keep: leave the MCM, the client, its AF and both calls live afterwards,
 *	for datapath_bench_release() (module unload) to tear down
 *
 * Context: process; takes seconds.
 * Return: 0, or the error of the set-up.
 */
int datapath_bench(unsigned int packets, bool keep)
{
	static const unsigned int batches[] = { 1, 16 };
	struct sk_buff *skbs[16] = { };
	struct dp_bench *b;
	int err, i;

	b = kzalloc(sizeof(*b), GFP_KERNEL);
	if (!b)
		return -ENOMEM;
	dp_the_bench = b;
	dp_a = (struct dp_vc){ .b = b, .peer = &dp_b };
	dp_b = (struct dp_vc){ .b = b, .peer = &dp_a };
	err = dp_setup(b);
	for (i = 0; !err && i < ARRAY_SIZE(skbs); i++) {
		skbs[i] = alloc_skb(64, GFP_KERNEL);
		if (!skbs[i])
			err = -ENOMEM;
		else
			skb_put_zero(skbs[i], 64);
	}
	if (err) {
		pr_err("condis-bench: datapath set-up failed: %d\n", err);
		goto out;
	}
	bench_print("datapath: %u packets of 64 bytes through VC A -> loopback MCM -> VC B",
		    packets);
	bench_print("%6s %12s %10s %12s %10s %8s", "batch", "condis pps", "ns/pkt",
		    "direct pps", "ns/pkt", "ratio");
	for (i = 0; i < ARRAY_SIZE(batches); i++) {
		u64 n = packets - packets % batches[i], c, d;
		char r[24], cn[24], dn[24];

		dp_time(b, skbs, batches[i], n / 10, false);	/* warm-up */
		c = dp_time(b, skbs, batches[i], n, false);
		d = dp_time(b, skbs, batches[i], n, true);
		snprintf(r, sizeof(r), "%llu.%02u", div64_u64(c, d),
			 (unsigned int)(div64_u64(c * 100, d) % 100));
		ns_per_packet(cn, c, n);
		ns_per_packet(dn, d, n);
		bench_print("%6u %12llu %10s %12llu %10s %8s", batches[i],
			    div64_u64(n * NSEC_PER_SEC, c), cn, div64_u64(n * NSEC_PER_SEC, d), dn,
			    r);
	}
	bench_print("datapath: done");
out:
	for (i = 0; i < ARRAY_SIZE(skbs); i++)
		kfree_skb(skbs[i]);
	if (keep && !err) {
		bench_print("datapath: leaving 2 calls live until the module is removed");
		dp_kept = b;
		return 0;
	}
	dp_teardown(b);
	kfree(b);
	return err;
}
