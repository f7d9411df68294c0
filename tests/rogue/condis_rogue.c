// SPDX-License-Identifier: GPL-2.0
/*
 * condis_rogue: a client protocol that misbehaves on purpose, for the
 * integration tests of forced teardown.  It binds to every adapter, opens
 * the conic address family and registers the SAP "rogue", accepts every
 * call offered there, and then never lets go of anything:
 *
 * - every packet indicated to it is kept and never returned;
 * - an incoming close is ignored (the call is never closed);
 * - a notify-close is pended and never completed;
 * - unbind_adapter pends and never closes the binding.
 *
 * Whatever it does, every departure (its own unload, the adapter's, the
 * call manager's) must end within condis's teardown budget plus a little.
 * Its counters are in /sys/kernel/debug/condis_rogue/stats.
 */
#include <linux/atomic.h>
#include <linux/debugfs.h>
#include <linux/module.h>
#include <linux/seq_file.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <net/condis.h>
#include <net/conic.h>

#define ROGUE_SAP	"rogue"

/* One binding of the rogue: it is never freed before the module goes. */
struct rogue_binding {
	struct list_head node;			/* in rogue.bindings */
	struct condis_binding *handle;
	struct condis_af *af;			/* set once open_af_complete says so */
	struct condis_sap *sap;
};

static struct {
	struct condis_protocol *protocol;
	struct dentry *dir;
	spinlock_t lock;			/* protects bindings */
	struct list_head bindings;
	atomic_t kept, calls, unbinds, notifies;
} rogue;

static int rogue_bind_adapter(void *priv, struct condis_adapter *adapter)
{
	struct rogue_binding *b = kzalloc(sizeof(*b), GFP_KERNEL);
	int err;

	if (!b)
		return -ENOMEM;
	err = condis_open_adapter(rogue.protocol, adapter, b, &b->handle);
	if (err) {
		kfree(b);
		return err;
	}
	spin_lock_bh(&rogue.lock);
	list_add_tail(&b->node, &rogue.bindings);
	spin_unlock_bh(&rogue.lock);
	return 0;
}

/* Rogue: pends, and never closes the binding. */
static int rogue_unbind_adapter(void *binding_ctx, struct condis_binding *binding)
{
	atomic_inc(&rogue.unbinds);
	return CONDIS_PENDING;
}

static void rogue_af_register_notify(void *binding_ctx, const struct condis_af_type *type)
{
	struct rogue_binding *b = binding_ctx;
	struct condis_af *af;

	if (type->family != CONIC_AF_FAMILY || type->major != CONIC_AF_MAJOR)
		return;
	condis_cl_open_af(b->handle, type, b, &af);
}

static void rogue_co_status(void *binding_ctx, void *vc_ctx,
			    const struct condis_status_indication *ind)
{
}

/* Rogue: keeps every packet, and never hands one back. */
static void rogue_co_receive(void *binding_ctx, void *vc_ctx, struct sk_buff_head *skbs,
			     unsigned int flags)
{
	if (flags & CONDIS_RECEIVE_RESOURCES)
		return;
	atomic_add(skb_queue_len(skbs), &rogue.kept);
	__skb_queue_head_init(skbs);
}

static void rogue_co_send_complete(void *vc_ctx, struct sk_buff_head *skbs)
{
	skb_queue_purge(skbs);
}

static void rogue_open_af_complete(void *cl_af_ctx, struct condis_af *af, int status)
{
	struct rogue_binding *b = cl_af_ctx;
	struct {
		struct condis_sap_addr addr;
		u8 name[sizeof(ROGUE_SAP) - 1];
	} sap = {
		.addr.type = CONIC_SAP_TYPE,
		.addr.len = sizeof(ROGUE_SAP) - 1,
	};

	if (status)
		return;
	b->af = af;
	memcpy(sap.name, ROGUE_SAP, sizeof(sap.name));
	condis_cl_register_sap(af, b, &sap.addr, &b->sap);
}

static void rogue_close_af_complete(int status, void *cl_af_ctx)
{
}

static void rogue_register_sap_complete(int status, void *cl_sap_ctx,
					const struct condis_sap_addr *addr, struct condis_sap *sap)
{
}

static void rogue_deregister_sap_complete(int status, void *cl_sap_ctx)
{
}

/* Rogue: pends, and never completes. */
static int rogue_notify_close_af(void *cl_af_ctx)
{
	atomic_inc(&rogue.notifies);
	return CONDIS_PENDING;
}

static int rogue_create_vc(void *cl_af_ctx, struct condis_vc *vc, void **cl_vc_ctx)
{
	*cl_vc_ctx = cl_af_ctx;
	return 0;
}

static int rogue_delete_vc(void *cl_vc_ctx)
{
	return 0;
}

static void rogue_make_call_complete(int status, void *cl_vc_ctx, struct condis_party *party,
				     struct condis_call_params *params)
{
}

static void rogue_close_call_complete(int status, void *cl_vc_ctx, void *cl_party_ctx)
{
}

static int rogue_incoming_call(void *cl_sap_ctx, void *cl_vc_ctx,
			       struct condis_call_params *params)
{
	atomic_inc(&rogue.calls);
	return 0;
}

static void rogue_call_connected(void *cl_vc_ctx)
{
}

/* Rogue: told the call is gone, it never closes it. */
static void rogue_incoming_close_call(int status, void *cl_vc_ctx, void *data, unsigned int size)
{
}

static void rogue_add_party_complete(int status, void *cl_party_ctx, struct condis_party *party,
				     struct condis_call_params *params)
{
}

static void rogue_drop_party_complete(int status, void *cl_party_ctx)
{
}

static void rogue_incoming_drop_party(int status, void *cl_party_ctx, void *data,
				      unsigned int size)
{
}

static void rogue_modify_call_qos_complete(int status, void *cl_vc_ctx,
					   struct condis_call_params *params)
{
}

static void rogue_incoming_call_qos_change(void *cl_vc_ctx, struct condis_call_params *params)
{
}

static int rogue_oid_request(void *cl_af_ctx, void *cl_vc_ctx, void *cl_party_ctx,
			     struct condis_oid_request *req)
{
	return -EOPNOTSUPP;
}

static void rogue_oid_request_complete(void *cl_af_ctx, void *cl_vc_ctx, void *cl_party_ctx,
				       struct condis_oid_request *req, int status)
{
}

static const struct condis_protocol_ops rogue_proto_ops = {
	.bind_adapter = rogue_bind_adapter,
	.unbind_adapter = rogue_unbind_adapter,
	.af_register_notify = rogue_af_register_notify,
	.co_status = rogue_co_status,
	.co_receive = rogue_co_receive,
	.co_send_complete = rogue_co_send_complete,
};

static const struct condis_cl_ops rogue_cl_ops = {
	.open_af_complete = rogue_open_af_complete,
	.close_af_complete = rogue_close_af_complete,
	.register_sap_complete = rogue_register_sap_complete,
	.deregister_sap_complete = rogue_deregister_sap_complete,
	.notify_close_af = rogue_notify_close_af,
	.create_vc = rogue_create_vc,
	.delete_vc = rogue_delete_vc,
	.make_call_complete = rogue_make_call_complete,
	.close_call_complete = rogue_close_call_complete,
	.incoming_call = rogue_incoming_call,
	.call_connected = rogue_call_connected,
	.incoming_close_call = rogue_incoming_close_call,
	.add_party_complete = rogue_add_party_complete,
	.drop_party_complete = rogue_drop_party_complete,
	.incoming_drop_party = rogue_incoming_drop_party,
	.modify_call_qos_complete = rogue_modify_call_qos_complete,
	.incoming_call_qos_change = rogue_incoming_call_qos_change,
	.oid_request = rogue_oid_request,
	.oid_request_complete = rogue_oid_request_complete,
};

static const struct condis_protocol_desc rogue_desc = {
	.name = "condis_rogue",
	.ops = &rogue_proto_ops,
	.cl_ops = &rogue_cl_ops,
};

static int rogue_stats_show(struct seq_file *m, void *unused)
{
	seq_printf(m, "calls=%d kept=%d unbinds=%d notifies=%d\n", atomic_read(&rogue.calls),
		   atomic_read(&rogue.kept), atomic_read(&rogue.unbinds),
		   atomic_read(&rogue.notifies));
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(rogue_stats);

static int __init rogue_init(void)
{
	int err;

	spin_lock_init(&rogue.lock);
	INIT_LIST_HEAD(&rogue.bindings);
	err = condis_register_protocol(&rogue_desc, NULL, &rogue.protocol);
	if (err)
		return err;
	rogue.dir = debugfs_create_dir("condis_rogue", NULL);
	debugfs_create_file("stats", 0444, rogue.dir, NULL, &rogue_stats_fops);
	return 0;
}

static void __exit rogue_exit(void)
{
	struct rogue_binding *b, *next;

	debugfs_remove_recursive(rogue.dir);
	/* condis closes everything it left, within its budget. */
	condis_deregister_protocol(rogue.protocol);
	list_for_each_entry_safe(b, next, &rogue.bindings, node) {
		list_del(&b->node);
		kfree(b);
	}
}

module_init(rogue_init);
module_exit(rogue_exit);

MODULE_DESCRIPTION("condis_rogue: a client that breaks NDIS's rules, for teardown tests");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS(CONDIS);
