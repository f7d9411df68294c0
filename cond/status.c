// SPDX-License-Identifier: GPL-2.0
/*
 * Status indications from a CO miniport (NdisMCoIndicateStatusEx): for the
 * adapter, to every protocol bound to it; for a VC, only to the protocols
 * that share it (its client and, for a stand-alone CM, the CM; the CM alone
 * for a signalling VC).
 *
 * NDIS serialises indications per binding.  condis delivers in the
 * miniport's context; if another indication is being delivered to the same
 * binding, this one is copied onto the binding's queue and the CPU already
 * delivering passes it on, in order, before it lets go.  No lock is held
 * while a protocol's co_status runs.
 */
#include <linux/slab.h>

#include "core.h"
#include "objects.h"
#include "pending.h"
#include "trace.h"

/* An indication waiting for its binding. */
struct condis_status_entry {
	struct list_head node;		/* in binding->status_queue */
	struct condis_vc *vc;		/* holds a reference, or NULL */
	void *vc_ctx;
	struct condis_status_indication ind;
	u8 data[];			/* ind.buf points here */
};

/* Pass @ind to @b's protocol, unless @vc was deleted meanwhile. */
static void status_call(struct condis_binding *b, struct condis_vc *vc, void *vc_ctx,
			const struct condis_status_indication *ind)
{
	/* Not to a binding closed meanwhile, nor about a VC deleted meanwhile. */
	if (READ_ONCE(b->state) != CONDIS_BINDING_OPEN ||
	    (vc && READ_ONCE(vc->state) == CONDIS_VC_STATE_DELETED))
		return;
	trace_condis_status(b, vc, ind->code);
	b->protocol->ops->co_status(b->ctx, vc_ctx, ind);
}

static int status_deliver(struct condis_binding *b, struct condis_vc *vc, void *vc_ctx,
			  const struct condis_status_indication *ind)
{
	struct condis_status_entry *e;
	unsigned long flags;

	spin_lock_irqsave(&b->status_lock, flags);
	if (b->status_busy) {
		e = kmalloc(struct_size(e, data, ind->len), GFP_ATOMIC);
		if (e) {
			e->ind = *ind;
			memcpy(e->data, ind->buf, ind->len);
			e->ind.buf = ind->buf ? e->data : NULL;
			e->vc = vc;
			if (vc)
				condis_obj_get(&vc->obj);
			e->vc_ctx = vc_ctx;
			list_add_tail(&e->node, &b->status_queue);
		}
		spin_unlock_irqrestore(&b->status_lock, flags);
		if (!e) {
			pr_warn_ratelimited("binding %u: status %#x lost: out of memory\n",
					    b->obj.id, ind->code);
			return -ENOMEM;
		}
		return 0;
	}
	b->status_busy = true;
	spin_unlock_irqrestore(&b->status_lock, flags);

	status_call(b, vc, vc_ctx, ind);
	for (;;) {
		spin_lock_irqsave(&b->status_lock, flags);
		e = list_first_entry_or_null(&b->status_queue, struct condis_status_entry, node);
		if (e)
			list_del(&e->node);
		else
			b->status_busy = false;
		spin_unlock_irqrestore(&b->status_lock, flags);
		if (!e)
			break;
		status_call(b, e->vc, e->vc_ctx, &e->ind);
		if (e->vc)
			condis_vc_put(e->vc);
		kfree(e);
	}
	return 0;
}

/* The bindings that share @vc, with the context each has for it. */
static unsigned int vc_sharers(struct condis_vc *vc, struct condis_binding *b[2], void *ctx[2])
{
	unsigned int n = 0;

	if (!vc->af) {
		b[n] = vc->sig_binding;
		ctx[n++] = vc->cm_vc_ctx;
		return n;
	}
	b[n] = vc->af->binding;
	ctx[n++] = vc->cl_vc_ctx;
	if (vc->af->cm_af->cm_binding) {
		b[n] = vc->af->cm_af->cm_binding;
		ctx[n++] = vc->cm_vc_ctx;
	}
	return n;
}

/*
 * Every binding of @ad, referenced, into a new array; *@n is its length.
 * NULL with *@n 0 if there are none, or on allocation failure (-ENOMEM).
 */
static struct condis_binding **adapter_bindings(struct condis_adapter *ad, unsigned int *n,
						int *err)
{
	struct condis_binding *b, **all;
	unsigned int count = 0, i = 0;

	*err = 0;
	*n = 0;
	spin_lock_bh(&ad->lock);
	list_for_each_entry(b, &ad->bindings, adapter_node)
		count++;
	spin_unlock_bh(&ad->lock);
	if (!count)
		return NULL;
	all = kmalloc_array(count, sizeof(*all), GFP_ATOMIC);
	if (!all) {
		*err = -ENOMEM;
		return NULL;
	}
	spin_lock_bh(&ad->lock);
	list_for_each_entry(b, &ad->bindings, adapter_node) {
		if (i == count)
			break;	/* one bound meanwhile: it missed this indication */
		condis_obj_get(&b->obj);
		all[i++] = b;
	}
	spin_unlock_bh(&ad->lock);
	*n = i;
	return all;
}

/**
 * condis_mco_indicate_status() - a CO miniport indicates a status
 *	(NdisMCoIndicateStatusEx)
 * @adapter: the miniport's adapter
 * @vc: NULL for the adapter as a whole, or the VC the status is about
 * @ind: the indication; its buffer need only live during this call
 *
 * The protocols' co_status run before this returns (unless one is busy
 * with an earlier indication on another CPU: then that CPU passes this one
 * on).  Not allowed once the adapter is being unregistered.
 *
 * Context: any.
 * Return: 0; -EBADF (bad handle, or a VC of another adapter); -EINVAL (no
 * @ind, or more than %CONDIS_STATUS_BUF_MAX bytes of data); -ENODEV (the
 * adapter is going away); -ENOMEM (for at least one binding the indication
 * could not be queued and was lost; the others got it).
 */
int condis_mco_indicate_status(struct condis_adapter *adapter, struct condis_vc *vc,
			       const struct condis_status_indication *ind)
{
	struct condis_obj *aobj = condis_handle_get(adapter, CONDIS_OBJ_ADAPTER,
						    "mco_indicate_status");
	struct condis_binding *sharer[2], **all = NULL;
	void *ctx[2];
	unsigned int i, n;
	int err = 0;

	if (!aobj)
		return -EBADF;
	if (vc && !condis_vc_get(vc)) {
		condis_bad_input("mco_indicate_status: bad VC handle %p", vc);
		condis_obj_put(aobj);
		return -EBADF;
	}
	if (vc && vc->adapter != adapter)
		err = -EBADF;
	else if (!ind || ind->len > CONDIS_STATUS_BUF_MAX || (ind->len && !ind->buf))
		err = -EINVAL;
	else if (READ_ONCE(adapter->dying))
		err = -ENODEV;
	if (err) {
		condis_bad_input("mco_indicate_status: adapter %s: refused (%d)", adapter->name,
				 err);
		goto out;
	}

	if (vc) {
		n = vc_sharers(vc, sharer, ctx);
		for (i = 0; i < n; i++)
			err = status_deliver(sharer[i], vc, ctx[i], ind) ?: err;
	} else {
		all = adapter_bindings(adapter, &n, &err);
		for (i = 0; i < n; i++) {
			err = status_deliver(all[i], NULL, NULL, ind) ?: err;
			condis_binding_put(all[i]);
		}
		kfree(all);
	}
out:
	if (vc)
		condis_vc_put(vc);
	condis_obj_put(aobj);
	return err;
}
EXPORT_SYMBOL_NS_GPL(condis_mco_indicate_status, CONDIS);
