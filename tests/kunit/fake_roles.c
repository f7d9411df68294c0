// SPDX-License-Identifier: GPL-2.0
/*
 * Fake roles for the condis KUnit suites (see fake_roles.h).
 */
#include <linux/delay.h>
#include <linux/slab.h>
#include <linux/stdarg.h>
#include <linux/string.h>

#include "fake_roles.h"
#include "core.h"
#include "objects.h"
#include "pending.h"

void fake_log_add(struct fake_world *w, const char *fmt, ...)
{
	unsigned long flags;
	va_list args;

	spin_lock_irqsave(&w->log.lock, flags);
	if (w->log.n < FAKE_LOG_MAX) {
		va_start(args, fmt);
		vsnprintf(w->log.ev[w->log.n], FAKE_EVENT_LEN, fmt, args);
		va_end(args);
		w->log.task[w->log.n] = current;
		w->log.n++;
	}
	spin_unlock_irqrestore(&w->log.lock, flags);
}

unsigned int fake_count(struct fake_world *w, const char *prefix)
{
	unsigned int i, n = 0;

	spin_lock_irq(&w->log.lock);
	for (i = 0; i < w->log.n; i++)
		if (!strncmp(w->log.ev[i], prefix, strlen(prefix)))
			n++;
	spin_unlock_irq(&w->log.lock);
	return n;
}

int fake_index(struct fake_world *w, const char *prefix)
{
	int i, found = -1;

	spin_lock_irq(&w->log.lock);
	for (i = 0; i < w->log.n; i++)
		if (!strncmp(w->log.ev[i], prefix, strlen(prefix))) {
			found = i;
			break;
		}
	spin_unlock_irq(&w->log.lock);
	return found;
}

struct task_struct *fake_task(struct fake_world *w, const char *prefix)
{
	int i = fake_index(w, prefix);

	return i < 0 ? NULL : w->log.task[i];
}

void fake_expect_count(struct kunit *test, struct fake_world *w, const char *prefix,
		       unsigned int want)
{
	KUNIT_EXPECT_EQ_MSG(test, fake_count(w, prefix), want, "events starting '%s'", prefix);
}

void fake_expect_before(struct kunit *test, struct fake_world *w, const char *a, const char *b)
{
	int ia = fake_index(w, a), ib = fake_index(w, b);

	KUNIT_EXPECT_GE_MSG(test, ia, 0, "no event '%s'", a);
	KUNIT_EXPECT_GE_MSG(test, ib, 0, "no event '%s'", b);
	KUNIT_EXPECT_LT_MSG(test, ia, ib, "'%s' must come before '%s'", a, b);
}

void fake_sap_addr(struct fake_sap_addr *a, u32 id)
{
	a->addr.type = 1;
	a->addr.len = sizeof(a->bytes);
	memcpy(a->bytes, &id, sizeof(id));
}

/* ---- the client ---------------------------------------------------------- */

static int fake_cl_bind(void *priv, struct condis_adapter *adapter)
{
	struct fake_world *w = priv;

	fake_log_add(w, "cl.bind");
	return condis_open_adapter(w->client, adapter, w, &w->cl_binding);
}

static int fake_cl_unbind(void *ctx, struct condis_binding *binding)
{
	struct fake_world *w = ctx;

	fake_log_add(w, "cl.unbind");
	if (w->cl_lazy_unbind)
		return 0;	/* a buggy client: condis must clean up after it */
	if (w->cl_pend_unbind) {
		complete(&w->cl_unbind_entered);
		return CONDIS_PENDING;	/* the test closes the binding */
	}
	if (w->cl_af && !w->cl_open_status) {
		w->cm.close_af = 0;
		if (condis_cl_close_af(w->cl_af) == CONDIS_PENDING)
			return CONDIS_PENDING;	/* close_af_complete closes the binding */
	}
	return condis_close_adapter(binding);
}

static void fake_cl_af_notify(void *ctx, const struct condis_af_type *type)
{
	struct fake_world *w = ctx;

	fake_log_add(w, "cl.af_notify %#x", type->family);
}

static void fake_cl_open_af_complete(void *cl_af_ctx, struct condis_af *af, int status)
{
	struct fake_world *w = cl_af_ctx;

	fake_log_add(w, "cl.open_af_complete %d", status);
	w->cl_open_status = status;
	if (status)
		w->cl_af = NULL;
}

static void fake_cl_close_af_complete(int status, void *cl_af_ctx)
{
	struct fake_world *w = cl_af_ctx;
	struct condis_af *notify_af = w->notify_af;

	fake_log_add(w, "cl.close_af_complete %d", status);
	if (!status)
		w->cl_af = NULL;
	if (notify_af) {
		/* The pended notify-close is over once the AF is closed. */
		w->notify_af = NULL;
		condis_cl_notify_close_af_complete(notify_af, status);
	}
	if (w->unbinding)
		condis_close_adapter(w->cl_binding);
}

static void fake_cl_register_sap_complete(int status, void *cl_sap_ctx,
					  const struct condis_sap_addr *addr,
					  struct condis_sap *sap)
{
	struct fake_world *w = cl_sap_ctx;

	fake_log_add(w, "cl.register_sap_complete %d", status);
}

static void fake_cl_deregister_sap_complete(int status, void *cl_sap_ctx)
{
	struct fake_world *w = cl_sap_ctx;

	fake_log_add(w, "cl.deregister_sap_complete %d", status);
}

/* Client VC contexts are the world; events name who was called. */
static int fake_cl_create_vc(void *cl_af_ctx, struct condis_vc *vc, void **cl_vc_ctx)
{
	struct fake_world *w = cl_af_ctx;

	fake_log_add(w, "cl.create_vc");
	*cl_vc_ctx = w;
	return w->cl_create_vc;
}

static int fake_cl_delete_vc(void *cl_vc_ctx)
{
	struct fake_world *w = cl_vc_ctx;

	fake_log_add(w, "cl.delete_vc");
	return 0;
}

static void fake_cl_make_call_complete(int status, void *cl_vc_ctx, struct condis_party *party,
				       struct condis_call_params *params)
{
	struct fake_world *w = cl_vc_ctx;

	fake_log_add(w, "cl.make_call_complete %d", status);
	w->cl_params = params;
	w->cl_made_party = party;
}

static void fake_cl_close_call_complete(int status, void *cl_vc_ctx, void *cl_party_ctx)
{
	struct fake_world *w = cl_vc_ctx;
	struct fake_party *fp = cl_party_ctx;

	fake_log_add(w, "cl.close_call_complete %d party=%d", status, fp ? fp->id : -1);
}

static void fake_cl_add_party_complete(int status, void *cl_party_ctx,
				       struct condis_party *party,
				       struct condis_call_params *params)
{
	struct fake_party *fp = cl_party_ctx;

	fake_log_add(fp->w, "cl.add_party_complete %d party=%d", status, fp->id);
	if (status)
		fp->party = NULL;
	KUNIT_EXPECT_PTR_EQ(fp->w->test, party, status ? NULL : fp->party);
}

static void fake_cl_drop_party_complete(int status, void *cl_party_ctx)
{
	struct fake_party *fp = cl_party_ctx;

	fake_log_add(fp->w, "cl.drop_party_complete %d party=%d", status, fp->id);
}

static void fake_cl_modify_call_qos_complete(int status, void *cl_vc_ctx,
					     struct condis_call_params *params)
{
	struct fake_world *w = cl_vc_ctx;

	fake_log_add(w, "cl.modify_call_qos_complete %d", status);
	w->cl_params = params;
}

static void fake_cl_incoming_call_qos_change(void *cl_vc_ctx, struct condis_call_params *params)
{
	struct fake_world *w = cl_vc_ctx;

	fake_log_add(w, "cl.incoming_call_qos_change");
	w->cl_params = params;
}

/* OIDs: events name the OID and whether a VC context came along. */
static int fake_cl_oid_request(void *cl_af_ctx, void *cl_vc_ctx, void *cl_party_ctx,
			       struct condis_oid_request *req)
{
	struct fake_world *w = cl_af_ctx;

	fake_log_add(w, "cl.oid_request %#x vc=%d", req->oid, !!cl_vc_ctx);
	if (w->oid_complete_inline)
		condis_co_oid_request_complete(w->cl_af, NULL, NULL, req, 0);
	return w->cl_oid;
}

/* The client's AF context is the world; for a request to the miniport it is NULL. */
static void fake_cl_oid_request_complete(void *cl_af_ctx, void *cl_vc_ctx, void *cl_party_ctx,
					 struct condis_oid_request *req, int status)
{
	struct fake_world *w = req->buf;

	fake_log_add(w, "cl.oid_request_complete %#x %d af=%d", req->oid, status, !!cl_af_ctx);
}

static void fake_cl_incoming_drop_party(int status, void *cl_party_ctx, void *data,
					unsigned int size)
{
	struct fake_party *fp = cl_party_ctx;

	fake_log_add(fp->w, "cl.incoming_drop_party %d party=%d", status, fp->id);
	if (fp->drop_on_remote_drop)
		fp->drop_ret = condis_cl_drop_party(fp->party, NULL, 0);
}

static int fake_cl_incoming_call(void *cl_sap_ctx, void *cl_vc_ctx,
				 struct condis_call_params *params)
{
	struct fake_world *w = cl_vc_ctx;

	fake_log_add(w, "cl.incoming_call");
	w->cl_params = params;
	if (w->cl_dereg_in_offer) {
		/* Deregister the SAP from inside the offer, then linger in it. */
		fake_log_add(w, "cl.deregister_sap %d",
			     condis_cl_deregister_sap(w->cl_dereg_in_offer));
		mdelay(50);
		fake_log_add(w, "cl.incoming_call returns");
	}
	return w->cl_incoming;
}

static void fake_cl_call_connected(void *cl_vc_ctx)
{
	struct fake_world *w = cl_vc_ctx;

	fake_log_add(w, "cl.call_connected");
}

static void fake_cl_incoming_close_call(int status, void *cl_vc_ctx, void *data,
					unsigned int size)
{
	struct fake_world *w = cl_vc_ctx;

	fake_log_add(w, "cl.incoming_close_call %d", status);
	if (w->cl_close_on_remote_close)
		w->cl_close_ret = condis_cl_close_call(w->cl_vc, w->cl_made_party, NULL, 0);
}

/* Close the AF; answer w->cl_notify (0: done, or pended until the close completes). */
static int fake_cl_notify_close_af(void *cl_af_ctx)
{
	struct fake_world *w = cl_af_ctx;

	fake_log_add(w, "cl.notify_close_af");
	if (w->cl_notify == CONDIS_PENDING)
		w->notify_af = w->cl_af;
	condis_cl_close_af(w->cl_af);
	return w->cl_notify;
}

/* Both protocols log each status; a second one inside at once is an overlap. */
static void fake_status(struct fake_world *w, const char *who, atomic_t *inside, atomic_t *seen,
			void *vc_ctx, const struct condis_status_indication *ind)
{
	if (atomic_inc_return(inside) > 1)
		atomic_inc(&w->status_overlaps);
	atomic_inc(seen);
	if (!w->status_slow)
		fake_log_add(w, "%s.co_status %#x vc=%d", who, ind->code, !!vc_ctx);
	else
		udelay(5);	/* may be atomic context: no sleeping */
	/* The data must be the indication's own, whether it was queued or not. */
	if (ind->len == sizeof(int) && *(const int *)ind->buf != ind->code)
		atomic_inc(&w->status_overlaps);
	atomic_dec(inside);
}

static void fake_cl_co_status(void *binding_ctx, void *vc_ctx,
			      const struct condis_status_indication *ind)
{
	struct fake_world *w = binding_ctx;

	fake_status(w, "cl", &w->cl_status_inside, &w->cl_status_seen, vc_ctx, ind);
}

static void fake_record(struct sk_buff **got, unsigned int *n, struct sk_buff *skb)
{
	if (*n < FAKE_SKBS_MAX)
		got[*n] = skb;
	++*n;
}

/*
 * A client that lies: it returns the first skb it got from inside
 * co_receive and leaves it on the list all the same.  The fake miniport
 * recycles it (mp_recycle), so it is taken out of the pool again.
 */
static struct sk_buff *fake_return_first(struct fake_world *w, struct sk_buff_head *skbs)
{
	struct sk_buff *skb = __skb_dequeue(skbs);
	struct sk_buff_head back;

	__skb_queue_head_init(&back);
	__skb_queue_tail(&back, skb);
	condis_co_return_skbs(CONDIS_SKB_CB(skb)->vc, &back);
	if (skb_queue_empty(&back))
		skb_unlink(skb, &w->mp_pool);
	else
		__skb_unlink(skb, &back);
	return skb;
}

/* The client keeps received skbs if asked (and not told to copy), else leaves them. */
static void fake_co_receive(struct fake_world *w, const char *who, struct sk_buff_head *skbs,
			    unsigned int flags)
{
	struct sk_buff *first = NULL;

	fake_log_add(w, "%s.co_receive %u%s", who, skb_queue_len(skbs),
		     flags & CONDIS_RECEIVE_RESOURCES ? " copy" : "");
	if (!skb_queue_empty(skbs))
		w->cl_rx_vc = CONDIS_SKB_CB(skb_peek_tail(skbs))->vc;
	if (w->cl_return_first && !skb_queue_empty(skbs))
		first = fake_return_first(w, skbs);
	if (w->cl_keep && !(flags & CONDIS_RECEIVE_RESOURCES))
		skb_queue_splice_tail_init(skbs, &w->cl_kept);
	if (first)
		__skb_queue_head(skbs, first);
}

static void fake_co_send_complete(struct fake_world *w, const char *who,
				  struct sk_buff_head *skbs)
{
	struct sk_buff *skb;

	fake_log_add(w, "%s.co_send_complete %u", who, skb_queue_len(skbs));
	while ((skb = __skb_dequeue(skbs))) {
		fake_record(w->cl_got, &w->cl_got_n, skb);
		w->cl_done_vc = CONDIS_SKB_CB(skb)->vc;
		w->cl_sent_back++;
		w->cl_send_errors += !!CONDIS_SKB_CB(skb)->status;
		if (w->cl_hold_done)
			skb_queue_tail(&w->cl_done, skb);
		else
			kfree_skb(skb);
	}
}

static void fake_cl_co_receive(void *binding_ctx, void *vc_ctx, struct sk_buff_head *skbs,
			       unsigned int flags)
{
	fake_co_receive(binding_ctx, "cl", skbs, flags);
}

static void fake_cl_co_send_complete(void *vc_ctx, struct sk_buff_head *skbs)
{
	fake_co_send_complete(vc_ctx, "cl", skbs);
}

static void fake_cl_binding_release(void *ctx);

static const struct condis_protocol_ops fake_cl_proto_ops = {
	.bind_adapter = fake_cl_bind,
	.unbind_adapter = fake_cl_unbind,
	.af_register_notify = fake_cl_af_notify,
	.co_status = fake_cl_co_status,
	.co_receive = fake_cl_co_receive,
	.co_send_complete = fake_cl_co_send_complete,
	.release_ctx = fake_cl_binding_release,
};

/*
 * release_ctx of every fake role: nothing is logged (the suites count
 * callbacks), the test that set fake_release_hook is told.
 */
void (*fake_release_hook)(char role, void *ctx);

static void fake_cl_release(void *ctx)
{
	void (*hook)(char role, void *ctx) = READ_ONCE(fake_release_hook);

	if (hook)
		hook('l', ctx);
}

static void fake_cl_binding_release(void *ctx)
{
	void (*hook)(char role, void *ctx) = READ_ONCE(fake_release_hook);

	if (hook)
		hook('b', ctx);
}

static void fake_cm_release(void *ctx)
{
	void (*hook)(char role, void *ctx) = READ_ONCE(fake_release_hook);

	if (hook)
		hook('c', ctx);
}

static void fake_mp_release(void *ctx)
{
	void (*hook)(char role, void *ctx) = READ_ONCE(fake_release_hook);

	if (hook)
		hook('m', ctx);
}

static const struct condis_cl_ops fake_cl_ops = {
	.open_af_complete = fake_cl_open_af_complete,
	.close_af_complete = fake_cl_close_af_complete,
	.register_sap_complete = fake_cl_register_sap_complete,
	.deregister_sap_complete = fake_cl_deregister_sap_complete,
	.notify_close_af = fake_cl_notify_close_af,
	.create_vc = fake_cl_create_vc,
	.delete_vc = fake_cl_delete_vc,
	.make_call_complete = fake_cl_make_call_complete,
	.close_call_complete = fake_cl_close_call_complete,
	.incoming_call = fake_cl_incoming_call,
	.call_connected = fake_cl_call_connected,
	.incoming_close_call = fake_cl_incoming_close_call,
	.add_party_complete = fake_cl_add_party_complete,
	.drop_party_complete = fake_cl_drop_party_complete,
	.incoming_drop_party = fake_cl_incoming_drop_party,
	.modify_call_qos_complete = fake_cl_modify_call_qos_complete,
	.incoming_call_qos_change = fake_cl_incoming_call_qos_change,
	.oid_request = fake_cl_oid_request,
	.oid_request_complete = fake_cl_oid_request_complete,
	.release_ctx = fake_cl_release,
};

/* ---- the call manager (stand-alone or MCM: same handlers) ------------------ */

static int fake_cm_open_af(void *cm_binding_ctx, const struct condis_af_type *type,
			   struct condis_af *af, void **cm_af_ctx)
{
	struct fake_world *w = cm_binding_ctx;

	fake_log_add(w, "cm.open_af");
	w->cm_last_af = af;
	*cm_af_ctx = w;
	return w->cm.open_af;
}

static int fake_cm_close_af(void *cm_af_ctx)
{
	struct fake_world *w = cm_af_ctx;

	fake_log_add(w, "cm.close_af");
	return w->cm.close_af;
}

static int fake_cm_register_sap(void *cm_af_ctx, const struct condis_sap_addr *addr,
				struct condis_sap *sap, void **cm_sap_ctx)
{
	struct fake_world *w = cm_af_ctx;
	struct fake_cm_sap *cs;
	int ret = w->cm.register_sap;

	fake_log_add(w, "cm.register_sap");
	cs = kzalloc(sizeof(*cs), GFP_ATOMIC);
	if (!cs)
		return -ENOMEM;
	cs->w = w;
	cs->sap = sap;
	w->cm_last_sap = sap;
	w->cm_last_sap_ctx = cs;
	if (ret && ret != CONDIS_PENDING) {
		kfree(cs);
		return ret;
	}
	w->cm_sap_ctx_live++;
	*cm_sap_ctx = cs;
	return ret;
}

static int fake_cm_deregister_sap(void *cm_sap_ctx)
{
	struct fake_cm_sap *cs = cm_sap_ctx;
	struct fake_world *w = cs->w;

	/* Seed rule 2: the CM frees everything it allocated for the SAP. */
	fake_log_add(w, "cm.deregister_sap");
	w->cm_last_sap = cs->sap;
	kfree(cs);
	w->cm_sap_ctx_live--;
	return w->cm.deregister_sap;
}

static void fake_cm_notify_close_af_complete(void *cm_af_ctx, int status)
{
	struct fake_world *w = cm_af_ctx;

	fake_log_add(w, "cm.notify_close_af_complete %d", status);
}

static int fake_cm_create_vc(void *cm_af_ctx, struct condis_vc *vc, void **cm_vc_ctx)
{
	struct fake_world *w = cm_af_ctx;

	fake_log_add(w, "cm.create_vc");
	*cm_vc_ctx = w;
	return w->cm.create_vc;
}

static int fake_cm_delete_vc(void *cm_vc_ctx)
{
	struct fake_world *w = cm_vc_ctx;

	fake_log_add(w, "cm.delete_vc");
	return 0;
}

static void fake_cm_activate_vc_complete(int status, void *cm_vc_ctx,
					 struct condis_call_params *params)
{
	struct fake_world *w = cm_vc_ctx;

	fake_log_add(w, "cm.activate_vc_complete %d", status);
}

static void fake_cm_deactivate_vc_complete(int status, void *cm_vc_ctx)
{
	struct fake_world *w = cm_vc_ctx;

	fake_log_add(w, "cm.deactivate_vc_complete %d", status);
}

static struct condis_call_params fake_cm_call_params;

/* Activate @vc as a CM of the world's kind does: through the miniport or not. */
int fake_cm_activate_with(struct fake_world *w, struct condis_vc *vc,
			  struct condis_call_params *params)
{
	if (w->kind == FAKE_MCM)
		return condis_mcm_activate_vc(vc, params);
	return condis_cm_activate_vc(vc, params);
}

int fake_cm_activate(struct fake_world *w, struct condis_vc *vc)
{
	return fake_cm_activate_with(w, vc, &fake_cm_call_params);
}

static int fake_cm_modify_call_qos(void *cm_vc_ctx, struct condis_call_params *params)
{
	struct fake_world *w = cm_vc_ctx;
	int ret = w->cm.modify_qos;

	fake_log_add(w, "cm.modify_call_qos");
	w->cm_params = params;
	if (!ret)
		ret = fake_cm_activate_with(w, w->cl_vc, params);
	return ret;
}

int fake_cm_deactivate(struct fake_world *w, struct condis_vc *vc)
{
	if (w->kind == FAKE_MCM)
		return condis_mcm_deactivate_vc(vc);
	return condis_cm_deactivate_vc(vc);
}

/* The CM creates a VC for an incoming call to the client of @af. */
int fake_cm_create_vc_for(struct fake_world *w, struct condis_af *af, struct condis_vc **vc)
{
	if (w->kind == FAKE_MCM)
		return condis_mcm_create_vc(w->adapter, af, w, vc);
	return condis_co_create_vc(w->cm_binding, af, w, vc);
}

/**
 * fake_accepted_incoming() - an incoming call the client has accepted
 * @test: the test
 * @w: the world, with the client's AF open
 * @id: the SAP the client registers (fake_sap_addr()) and the call goes to
 * @params: the offer's parameters
 * @sap: set to the client's SAP handle
 *
 * The CM looks the SAP up, creates and activates a VC for the client and
 * offers the call, which the client accepts at once; it is not connected.
 *
 * Return: the call's VC.
 */
struct condis_vc *fake_accepted_incoming(struct kunit *test, struct fake_world *w, u32 id,
					 struct condis_call_params *params,
					 struct condis_sap **sap)
{
	struct condis_sap *csap;
	struct fake_sap_addr a;
	struct condis_vc *vc;

	fake_sap_addr(&a, id);
	KUNIT_ASSERT_EQ(test, condis_cl_register_sap(w->cl_af, w, &a.addr, sap), 0);
	csap = condis_cm_lookup_sap(w->cm_af, &a.addr);
	KUNIT_ASSERT_NOT_NULL(test, csap);
	KUNIT_ASSERT_EQ(test, fake_cm_create_vc_for(w, w->cl_af, &vc), 0);
	KUNIT_ASSERT_EQ(test, fake_cm_activate(w, vc), 0);
	KUNIT_ASSERT_EQ(test, condis_cm_dispatch_incoming_call(csap, vc, params), 0);
	condis_sap_put(csap);
	return vc;
}

int fake_cm_drop_vc(struct fake_world *w, struct condis_vc *vc)
{
	if (w->kind == FAKE_MCM)
		return condis_mcm_delete_vc(vc);
	return condis_co_delete_vc(vc);
}

/* The CM's VC context is the world, so the VC comes from w->cl_vc. */
static int fake_cm_make_call(void *cm_vc_ctx, struct condis_call_params *params,
			     struct condis_party *party, void **cm_party_ctx)
{
	struct fake_world *w = cm_vc_ctx;
	int ret = w->cm.make_call;

	fake_log_add(w, "cm.make_call%s", party ? " multipoint" : "");
	w->cm_params = params;
	w->cm_last_party = party;
	if (party)
		*cm_party_ctx = party;
	if (!ret)
		ret = fake_cm_activate(w, w->cl_vc);
	if (w->cm_make_completes_early) {
		condis_cm_make_call_complete(0, w->cl_vc, NULL, NULL);
		flush_workqueue(condis_wq_get());
		return -EIO;
	}
	return ret;
}

static int fake_cm_close_call(void *cm_vc_ctx, void *cm_party_ctx, void *data, unsigned int size)
{
	struct condis_party *party = cm_party_ctx;	/* a multipoint call's */
	struct fake_world *w = cm_vc_ctx;
	struct condis_vc *vc = party ? party->vc : w->cl_vc;
	int ret = w->cm.close_call;

	fake_log_add(w, "cm.close_call%s", cm_party_ctx ? " with party" : "");
	if (w->cm_close_lies)
		return 0;	/* a buggy CM: "closed", the VC still active */
	if (w->cm_deletes_closed && vc->creator != CONDIS_VC_CREATOR_CLIENT) {
		w->cm_closing_vc = vc;
		queue_work(system_wq, &w->cm_close_work);
		return CONDIS_PENDING;
	}
	if (!ret)
		ret = fake_cm_deactivate(w, vc);
	return ret;
}

/* NDIS's order for the close of a call on the CM's own VC. */
static void fake_cm_close_work_fn(struct work_struct *work)
{
	struct fake_world *w = container_of(work, struct fake_world, cm_close_work);
	struct condis_vc *vc = w->cm_closing_vc;

	fake_cm_deactivate(w, vc);
	condis_cm_close_call_complete(0, vc);
	fake_log_add(w, "cm.delete_own_vc %d", fake_cm_drop_vc(w, vc));
}

static void fake_cm_incoming_call_complete(int status, void *cm_vc_ctx,
					   struct condis_call_params *params)
{
	struct fake_world *w = cm_vc_ctx;

	fake_log_add(w, "cm.incoming_call_complete %d", status);
	w->cm_params = params;
}

/* The CM's party context is the client's fake_party (the test shares it). */
static int fake_cm_add_party(void *cm_vc_ctx, struct condis_call_params *params,
			     struct condis_party *party, void **cm_party_ctx)
{
	struct fake_world *w = cm_vc_ctx;

	fake_log_add(w, "cm.add_party");
	w->cm_last_party = party;
	*cm_party_ctx = party;
	return w->cm.add_party;
}

static int fake_cm_drop_party(void *cm_party_ctx, void *data, unsigned int size)
{
	struct condis_party *party = cm_party_ctx;
	struct fake_world *w = NULL;

	/* Find the world through the party's VC: its CM context is the world. */
	w = party->vc->cm_vc_ctx;
	fake_log_add(w, "cm.drop_party");
	w->cm_last_party = party;
	if (w->cm_drop_fails) {
		w->cm_drop_fails--;
		condis_cm_drop_party_complete(-EIO, party);
		return CONDIS_PENDING;
	}
	return w->cm.drop_party;
}

static int fake_cm_oid_request(void *cm_af_ctx, void *cm_vc_ctx, void *cm_party_ctx,
			       struct condis_oid_request *req)
{
	struct fake_world *w = cm_af_ctx;

	fake_log_add(w, "cm.oid_request %#x vc=%d", req->oid, !!cm_vc_ctx);
	if (w->oid_complete_inline)
		condis_co_oid_request_complete(w->cm_last_af, NULL, NULL, req, 0);
	return w->cm.oid;
}

static void fake_cm_oid_request_complete(void *cm_af_ctx, void *cm_vc_ctx, void *cm_party_ctx,
					 struct condis_oid_request *req, int status)
{
	struct fake_world *w = req->buf;

	fake_log_add(w, "cm.oid_request_complete %#x %d", req->oid, status);
}

static const struct condis_cm_ops fake_cm_ops = {
	.open_af = fake_cm_open_af,
	.close_af = fake_cm_close_af,
	.register_sap = fake_cm_register_sap,
	.deregister_sap = fake_cm_deregister_sap,
	.notify_close_af_complete = fake_cm_notify_close_af_complete,
	.create_vc = fake_cm_create_vc,
	.delete_vc = fake_cm_delete_vc,
	.activate_vc_complete = fake_cm_activate_vc_complete,
	.deactivate_vc_complete = fake_cm_deactivate_vc_complete,
	.make_call = fake_cm_make_call,
	.close_call = fake_cm_close_call,
	.incoming_call_complete = fake_cm_incoming_call_complete,
	.add_party = fake_cm_add_party,
	.drop_party = fake_cm_drop_party,
	.modify_call_qos = fake_cm_modify_call_qos,
	.oid_request = fake_cm_oid_request,
	.oid_request_complete = fake_cm_oid_request_complete,
	.release_ctx = fake_cm_release,
};

/* ---- the plain CO miniport ------------------------------------------------- */

static int fake_mp_create_vc(void *adapter_ctx, struct condis_vc *vc, void **mp_vc_ctx)
{
	struct fake_world *w = adapter_ctx;

	fake_log_add(w, "mp.create_vc");
	*mp_vc_ctx = w;
	w->mp_vcs++;
	return 0;
}

static int fake_mp_delete_vc(void *mp_vc_ctx)
{
	struct fake_world *w = mp_vc_ctx;

	fake_log_add(w, "mp.delete_vc");
	w->mp_vcs--;
	return 0;
}

static int fake_mp_activate_vc(void *mp_vc_ctx, struct condis_call_params *params)
{
	struct fake_world *w = mp_vc_ctx;

	fake_log_add(w, "mp.activate_vc");
	return w->mp.activate_vc;
}

static int fake_mp_deactivate_vc(void *mp_vc_ctx)
{
	struct fake_world *w = mp_vc_ctx;

	fake_log_add(w, "mp.deactivate_vc");
	return w->mp.deactivate_vc;
}

static int fake_mp_oid_request(void *adapter_ctx, void *mp_vc_ctx, struct condis_oid_request *req)
{
	struct fake_world *w = adapter_ctx;

	fake_log_add(w, "mp.oid_request %#x vc=%d", req->oid, !!mp_vc_ctx);
	if (w->oid_complete_inline)
		condis_mco_oid_request_complete(w->adapter, NULL, req, 0);
	return w->mp.oid;
}

/* The miniport holds what it is sent until the test completes it. */
static void fake_mp_send(void *mp_vc_ctx, struct sk_buff_head *skbs)
{
	struct fake_world *w = mp_vc_ctx;

	fake_log_add(w, "mp.send %u", skb_queue_len(skbs));
	if (!skb_queue_empty(skbs))
		w->mp_send_vc = CONDIS_SKB_CB(skb_peek_tail(skbs))->vc;
	skb_queue_splice_tail_init(skbs, &w->mp_tx);
}

static void fake_mp_return_skbs(void *mp_vc_ctx, struct sk_buff_head *skbs)
{
	struct fake_world *w = mp_vc_ctx;
	struct sk_buff *skb;

	fake_log_add(w, "mp.return_skbs %u", skb_queue_len(skbs));
	w->mp_returned += skb_queue_len(skbs);
	while ((skb = __skb_dequeue(skbs))) {
		fake_record(w->mp_got, &w->mp_got_n, skb);
		if (w->mp_recycle)
			skb_queue_tail(&w->mp_pool, skb);
		else
			kfree_skb(skb);
	}
}

void fake_mp_complete_sends(struct fake_world *w, struct condis_vc *vc, int status)
{
	struct sk_buff_head done;
	struct sk_buff *skb;

	__skb_queue_head_init(&done);
	skb_queue_splice_tail_init(&w->mp_tx, &done);
	skb_queue_walk(&done, skb) {
		CONDIS_SKB_CB(skb)->status = status;
		CONDIS_SKB_CB(skb)->vc = NULL;	/* a miniport may reuse it */
	}
	condis_mco_send_complete(vc, &done);
	__skb_queue_purge(&done);		/* none, unless the completion was refused */
}

static const struct condis_miniport_ops fake_mp_ops = {
	.create_vc = fake_mp_create_vc,
	.delete_vc = fake_mp_delete_vc,
	.activate_vc = fake_mp_activate_vc,
	.deactivate_vc = fake_mp_deactivate_vc,
	.oid_request = fake_mp_oid_request,
	.send = fake_mp_send,
	.return_skbs = fake_mp_return_skbs,
	.release_ctx = fake_mp_release,
};

/* An MCM's miniport part: OIDs and data (its VCs are its call manager's). */
static const struct condis_miniport_ops fake_mcm_mp_ops = {
	.oid_request = fake_mp_oid_request,
	.send = fake_mp_send,
	.return_skbs = fake_mp_return_skbs,
};

static int fake_cmp_bind(void *priv, struct condis_adapter *adapter)
{
	struct fake_world *w = priv;
	int err;

	fake_log_add(w, "cmp.bind");
	err = condis_open_adapter(w->cm_proto, adapter, w, &w->cm_binding);
	if (err)
		return err;
	err = condis_cm_register_af(w->cm_binding, &w->af_type, &w->cm_af);
	if (err)
		condis_close_adapter(w->cm_binding);
	return err;
}

static int fake_cmp_unbind(void *ctx, struct condis_binding *binding)
{
	struct fake_world *w = ctx;

	fake_log_add(w, "cmp.unbind");
	return condis_close_adapter(binding);
}

static void fake_cmp_af_notify(void *ctx, const struct condis_af_type *type)
{
}

static void fake_cmp_co_status(void *binding_ctx, void *vc_ctx,
			       const struct condis_status_indication *ind)
{
	struct fake_world *w = binding_ctx;

	fake_status(w, "cmp", &w->cm_status_inside, &w->cm_status_seen, vc_ctx, ind);
}

static void fake_cmp_co_receive(void *binding_ctx, void *vc_ctx, struct sk_buff_head *skbs,
				unsigned int flags)
{
	fake_co_receive(binding_ctx, "cmp", skbs, flags);
}

static void fake_cmp_co_send_complete(void *vc_ctx, struct sk_buff_head *skbs)
{
	fake_co_send_complete(vc_ctx, "cmp", skbs);
}

static const struct condis_protocol_ops fake_cm_proto_ops = {
	.bind_adapter = fake_cmp_bind,
	.unbind_adapter = fake_cmp_unbind,
	.af_register_notify = fake_cmp_af_notify,
	.co_status = fake_cmp_co_status,
	.co_receive = fake_cmp_co_receive,
	.co_send_complete = fake_cmp_co_send_complete,
};

/* ---- the world --------------------------------------------------------------- */

static void fake_wq_gate_fn(struct work_struct *work)
{
	struct fake_world *w = container_of(work, struct fake_world, gate_work);

	wait_for_completion(&w->gate);
}

/*
 * Hold condis's workqueue: nothing queued after this runs until
 * fake_world_release_wq(), so a test can act inside a window (say, while a
 * completion is still undelivered) deterministically.
 */
void fake_world_hold_wq(struct fake_world *w)
{
	init_completion(&w->gate);
	INIT_WORK(&w->gate_work, fake_wq_gate_fn);
	workqueue_set_max_active(condis_wq_get(), 1);
	queue_work(condis_wq_get(), &w->gate_work);
}

void fake_world_release_wq(struct fake_world *w)
{
	complete(&w->gate);
	flush_work(&w->gate_work);
	workqueue_set_max_active(condis_wq_get(), 0);	/* back to the default */
}

struct fake_later {
	struct delayed_work work;
	void (*fn)(void *arg);
	void *arg;
};

static void fake_later_fn(struct work_struct *work)
{
	struct fake_later *l = container_of(to_delayed_work(work), struct fake_later, work);

	l->fn(l->arg);
}

/*
 * Run @fn(@arg) from the system workqueue @ms from now, while sleeping in
 * condis_settle_wait() until @done(@arg), for FAKE_SETTLE_WAIT_MS at most.
 * Return: the milliseconds the wait took, or -1 if @done never held.
 */
s64 fake_settle_wait_for(void (*fn)(void *arg), bool (*done)(void *arg), void *arg,
			 unsigned int ms)
{
	struct fake_later l = { .fn = fn, .arg = arg };
	ktime_t start = ktime_get();
	bool ok;

	INIT_DELAYED_WORK_ONSTACK(&l.work, fake_later_fn);
	schedule_delayed_work(&l.work, msecs_to_jiffies(ms));
	ok = condis_settle_wait(done, arg, msecs_to_jiffies(FAKE_SETTLE_WAIT_MS));
	flush_delayed_work(&l.work);
	destroy_delayed_work_on_stack(&l.work);
	return ok ? ktime_ms_delta(ktime_get(), start) : -1;
}

void fake_world_settle(struct fake_world *w)
{
	int i;

	/* Completions may queue further completions: flush until quiet. */
	for (i = 0; i < 4; i++)
		flush_workqueue(condis_wq_get());
}

/*
 * A test that failed half-way may leave SAPs registered, and then the
 * client could never close its AF nor unbind: deregister what is left.
 */
static void fake_world_drop_saps(struct fake_world *w)
{
	struct condis_sap *sap, *left[16];
	struct condis_af *af = w->cl_af;
	unsigned int n = 0, i;

	if (!af)
		return;
	spin_lock_bh(&af->lock);
	list_for_each_entry(sap, &af->saps, af_node)
		if (sap->state == CONDIS_SAP_STATE_REGISTERED && n < ARRAY_SIZE(left))
			left[n++] = sap;
	spin_unlock_bh(&af->lock);
	for (i = 0; i < n; i++)
		condis_cl_deregister_sap(left[i]);
	fake_world_settle(w);
}

static void fake_world_teardown(void *data)
{
	struct fake_world *w = data;

	flush_work(&w->cm_close_work);
	fake_world_settle(w);
	w->cm.deregister_sap = 0;
	fake_world_drop_saps(w);
	w->unbinding = true;
	w->cm.close_af = 0;
	w->cm.deregister_sap = 0;
	if (w->client)
		condis_deregister_protocol(w->client);
	if (w->cm_proto)
		condis_deregister_protocol(w->cm_proto);
	if (w->miniport)
		condis_deregister_miniport(w->miniport);
	fake_world_settle(w);
	KUNIT_EXPECT_EQ_MSG(w->test, w->cm_sap_ctx_live, 0, "CM SAP contexts leaked");
	skb_queue_purge(&w->mp_tx);	/* a failed test may leave some */
	skb_queue_purge(&w->cl_kept);
	skb_queue_purge(&w->mp_pool);
	skb_queue_purge(&w->cl_done);
}

/**
 * fake_world_new() - a miniport with one adapter, a client and a call manager
 * @test: the test
 * @kind: a stand-alone CM over a plain miniport, or an MCM
 *
 * When this returns the client is bound and has been told of the AF; it
 * has not opened it.  Everything is torn down when the test ends.
 *
 * Return: the world; the test is aborted if it cannot be built.
 */
struct fake_world *fake_world_new(struct kunit *test, enum fake_cm_kind kind)
{
	return fake_world_new_ex(test, kind, false);
}

/**
 * fake_world_new_ex() - fake_world_new(), optionally with a CM under an MCM
 * @test: the test
 * @kind: as fake_world_new()
 * @cm_under_mcm: with %FAKE_MCM, also register the stand-alone CM (which
 *	registers the AF on its binding) and leave the MCM's AF registration
 *	to the test
 *
 * Return: the world; the test is aborted if it cannot be built.
 */
struct fake_world *fake_world_new_ex(struct kunit *test, enum fake_cm_kind kind,
				     bool cm_under_mcm)
{
	static const struct condis_protocol_desc cl_desc = {
		.name = "fake-client", .ops = &fake_cl_proto_ops, .cl_ops = &fake_cl_ops,
	};
	static const struct condis_protocol_desc cm_desc = {
		.name = "fake-cm", .ops = &fake_cm_proto_ops, .cm_ops = &fake_cm_ops,
	};
	static const struct condis_miniport_desc plain_desc = {
		.name = "fake-nic", .ops = &fake_mp_ops,
	};
	static const struct condis_miniport_desc mcm_desc = {
		.name = "fake-mcm", .ops = &fake_mcm_mp_ops, .cm_ops = &fake_cm_ops,
	};
	struct fake_world *w = kunit_kzalloc(test, sizeof(*w), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, w);
	w->test = test;
	w->kind = kind;
	spin_lock_init(&w->log.lock);
	INIT_WORK(&w->cm_close_work, fake_cm_close_work_fn);
	skb_queue_head_init(&w->mp_tx);
	skb_queue_head_init(&w->cl_kept);
	skb_queue_head_init(&w->mp_pool);
	skb_queue_head_init(&w->cl_done);
	w->af_type.family = 0x5;	/* an arbitrary CO_ADDRESS_FAMILY */
	w->af_type.major = 1;
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, fake_world_teardown, w), 0);

	KUNIT_ASSERT_EQ(test, condis_register_miniport(kind == FAKE_MCM ? &mcm_desc : &plain_desc,
						       w, &w->miniport), 0);
	KUNIT_ASSERT_EQ(test, condis_register_protocol(&cl_desc, w, &w->client), 0);
	if (kind == FAKE_STANDALONE_CM || cm_under_mcm)
		KUNIT_ASSERT_EQ(test, condis_register_protocol(&cm_desc, w, &w->cm_proto), 0);
	KUNIT_ASSERT_EQ(test, condis_adapter_register(w->miniport, "fake0", w, &w->adapter), 0);
	if (kind == FAKE_MCM && !cm_under_mcm)
		KUNIT_ASSERT_EQ(test,
				condis_mcm_register_af(w->adapter, &w->af_type, &w->cm_af), 0);
	fake_world_settle(w);
	KUNIT_ASSERT_NOT_NULL(test, w->cl_binding);
	KUNIT_ASSERT_NOT_NULL(test, w->cm_af);
	return w;
}

/* Open the AF with the CM answering synchronously; returns the open status. */
int fake_world_open_af(struct fake_world *w)
{
	int ret = condis_cl_open_af(w->cl_binding, &w->af_type, w, &w->cl_af);

	if (ret != CONDIS_PENDING)
		return ret;
	fake_world_settle(w);
	return w->cl_open_status;
}

static const enum fake_cm_kind fake_kinds[] = { FAKE_STANDALONE_CM, FAKE_MCM };

const void *fake_kind_gen_params(const void *prev, char *desc)
{
	const enum fake_cm_kind *k = prev ? (const enum fake_cm_kind *)prev + 1 : fake_kinds;

	if (k >= fake_kinds + ARRAY_SIZE(fake_kinds))
		return NULL;
	strscpy(desc, *k == FAKE_MCM ? "mcm" : "standalone-cm", KUNIT_PARAM_DESC_SIZE);
	return k;
}
