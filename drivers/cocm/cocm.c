// SPDX-License-Identifier: GPL-2.0
/*
 * cocm.ko: the stand-alone conic call manager.  It binds to every plain
 * conic port (a CO miniport), opens the port's signaling VC (channel 0),
 * registers the conic address family and runs a cosig engine over that VC:
 * the same protocol an MCM port speaks, so either can be at the other end.
 * /sys/kernel/debug/cocm/engines shows each engine's calls and counters.
 *
 * With media=none, room or atm it activates its VCs as a call manager that
 * does not know conic would (Documentation/conic.rst, "Activation"): with
 * no media-specific part, with an empty part that has room for the
 * channels the port chooses, or with ATM's media parameters.  Both ends of
 * a link must then run cocm in the same mode.
 */
#include <linux/debugfs.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/workqueue.h>
#include <net/conic.h>
#include <net/condis.h>

#include "../cosig/cosig.h"

/* How cocm fills the media parameters it activates VCs with. */
enum cocm_media_mode {
	COCM_MEDIA_CONIC,	/* conic's channels, as the engine chose them */
	COCM_MEDIA_NONE,	/* no media parameters: the port chooses */
	COCM_MEDIA_ROOM,	/* an empty part with room: the port reports */
	COCM_MEDIA_ATM,		/* ATM's: one VCI both ways */
};

static const char * const cocm_media_names[] = {
	[COCM_MEDIA_CONIC] = "conic",
	[COCM_MEDIA_NONE] = "none",
	[COCM_MEDIA_ROOM] = "room",
	[COCM_MEDIA_ATM] = "atm",
};

static char *media = "conic";
module_param(media, charp, 0444);
MODULE_PARM_DESC(media, "media parameters of the VCs: conic (default), none, room or atm");

/* media, parsed at load (read-only afterwards) */
static enum cocm_media_mode cocm_media;

/* ATM's signaling VCI (VPI 0), where cocm signals in the atm mode. */
#define COCM_ATM_SIG_VCI	5

/**
 * struct cocm_media_buf - media parameters with room for any part cocm builds
 * @media: the parameters
 * @data: storage for @media.specific.data
 */
struct cocm_media_buf {
	struct condis_media_params media;
	u8 data[CONIC_ATM_MEDIA_SIZE];
};

/**
 * struct cocm_act - a data VC's activation parameters in a mode other
 *	than conic's, kept in the call's carrier slot until the call is freed
 * @call: what condis gets: the engine's flags and CM part, @m.media or none
 * @m: the media parameters; in the room mode they keep what the port
 *	reported, so a re-activation asks for the same channels
 * @reported: the port has filled @m
 */
struct cocm_act {
	struct condis_call_params call;
	struct cocm_media_buf m;
	bool reported;
};

/**
 * struct cocm_binding - cocm on one adapter
 * @sig: the engine; first member (cosig_cm_ops finds it through the
 *	binding context)
 * @binding: condis's handle
 * @adapter: the adapter it binds to
 * @node: in cocm_bindings
 * @sig_vc: the signaling VC
 * @act: signalled when a pended (de)activation of @sig_vc completes
 * @act_status: its status
 * @params: what @sig_vc is activated with
 * @m: @params.media: channel 0 both ways in the conic mode (see
 *	cocm_sig_params() for the others)
 * @link_up: the link state last passed to the engine, or -1
 * @link_want: the state the last status indication reported
 * @link_work: passes @link_want to the engine (process context)
 */
struct cocm_binding {
	struct cosig *sig;
	struct condis_binding *binding;
	struct condis_adapter *adapter;
	struct list_head node;
	struct condis_vc *sig_vc;
	struct completion act;
	int act_status;
	struct condis_call_params params;
	struct cocm_media_buf m;
	int link_up;
	bool link_want;
	struct work_struct link_work;
};

static struct condis_protocol *cocm_protocol;
static struct condis_cm_ops cocm_cm_ops;
static struct dentry *cocm_debugfs;
/*
 * Serialises binding, unbinding and the debugfs dump: cocm_bindings and
 * cocm_orphans change only under it (and cocm_lock), so the dump may walk
 * them and print each engine.  Order: before an engine's lock.
 */
static DEFINE_MUTEX(cocm_config_lock);
/* Protects cocm_bindings (walked by completions in any context). */
static DEFINE_SPINLOCK(cocm_lock);
static LIST_HEAD(cocm_bindings);
/* Engines whose binding condis had to close for us (torn down at exit). */
static LIST_HEAD(cocm_orphans);

static const struct condis_af_type cocm_af_type = {
	.family = CONIC_AF_FAMILY, .major = CONIC_AF_MAJOR, .minor = CONIC_AF_MINOR,
};

/* ---- the engine's carrier: the signaling VC and condis_cm_* ------------ */

static void cocm_xmit(void *carrier, struct sk_buff *skb)
{
	struct cocm_binding *b = carrier;
	struct sk_buff_head list;

	__skb_queue_head_init(&list);
	__skb_queue_tail(&list, skb);
	if (condis_co_send(b->sig_vc, &list))
		__skb_queue_purge(&list);
}

static int cocm_create_vc(void *carrier, struct condis_af *af, void *cm_vc_ctx,
			  struct condis_vc **vc)
{
	struct cocm_binding *b = carrier;

	return condis_co_create_vc(b->binding, af, cm_vc_ctx, vc);
}

static int cocm_delete_vc(void *carrier, struct condis_vc *vc)
{
	return condis_co_delete_vc(vc);
}

/* Fill @m with ATM's media parameters for VCI @vci (VPI 0, AAL5). */
static void cocm_atm_media(struct cocm_media_buf *m, u32 vci)
{
	struct conic_atm_media atm = { .vci = vci, .aal_type = CONIC_ATM_AAL5 };

	memset(m, 0, sizeof(*m));
	m->media.flags = CONDIS_MEDIA_TRANSMIT_VC | CONDIS_MEDIA_RECEIVE_VC;
	m->media.specific.type = CONIC_MEDIA_ATM;
	m->media.specific.len = CONIC_ATM_MEDIA_SIZE;
	memcpy(m->media.specific.data, &atm, sizeof(atm));
}

/*
 * In the room mode: log the channels the port wrote into @m's empty part
 * (the test conic_generic_cm_without_media_part_gets_matching_channels
 * reads them); false if it wrote none.
 */
static bool cocm_reported(struct cocm_binding *b, const struct cocm_media_buf *m)
{
	struct conic_media_vcis v;

	if (m->media.specific.type != CONIC_MEDIA_VCIS || m->media.specific.len != sizeof(v))
		return false;
	memcpy(&v, m->media.specific.data, sizeof(v));
	pr_info("%s: the miniport reported channels rx=%u tx=%u\n",
		condis_adapter_name(b->adapter), v.rx_vci, v.n_tx ? v.tx_vci[0] : 0);
	return true;
}

/*
 * The one VCI of a call in the atm mode: both ends see the same two
 * channels the engines allocated (each end's receive channel is the other's
 * transmit channel) and take the lower.  Point-to-point calls only: a
 * multipoint root receives on no channel, a leaf sends to none.
 */
static int cocm_atm_vci(const struct conic_media_vcis *v, u32 *vci)
{
	if (!v->rx_vci || v->n_tx != 1 || !v->tx_vci[0])
		return -EOPNOTSUPP;
	*vci = min(v->rx_vci, v->tx_vci[0]);
	return 0;
}

/*
 * A data VC: conic's channels as the engine built them, or (other modes)
 * the parameters of a call manager that does not know conic, kept in the
 * call's slot.
 */
static int cocm_activate_vc(void *carrier, struct condis_vc *vc, void **slot,
			    struct condis_call_params *params)
{
	struct cocm_binding *b = carrier;
	struct cocm_act *act = *slot;
	struct conic_media_vcis v;
	u32 vci = 0;
	int ret;

	if (cocm_media == COCM_MEDIA_CONIC)
		return condis_cm_activate_vc(vc, params);
	if (!act) {
		act = kzalloc(sizeof(*act), GFP_KERNEL);
		if (!act)
			return -ENOMEM;
		*slot = act;
	}
	act->call.flags = params->flags;
	act->call.cm = params->cm;
	act->call.media = &act->m.media;
	switch (cocm_media) {
	case COCM_MEDIA_NONE:
		act->call.media = NULL;
		break;
	case COCM_MEDIA_ROOM:
		if (act->reported)
			break;	/* ask for the channels the port chose */
		memset(&act->m, 0, sizeof(act->m));
		act->m.media.flags = CONDIS_MEDIA_TRANSMIT_VC | CONDIS_MEDIA_RECEIVE_VC;
		act->m.media.specific.type = CONIC_MEDIA_NONE;
		act->m.media.specific.len = sizeof(act->m.data);
		break;
	case COCM_MEDIA_ATM:
		memcpy(&v, params->media->specific.data, sizeof(v));
		ret = cocm_atm_vci(&v, &vci);
		if (ret)
			return ret;
		cocm_atm_media(&act->m, vci);
		break;
	default:
		return -EINVAL;
	}
	ret = condis_cm_activate_vc(vc, &act->call);
	if (ret)
		return ret;
	if (cocm_media == COCM_MEDIA_ROOM && !act->reported)
		act->reported = cocm_reported(b, &act->m);
	else if (cocm_media == COCM_MEDIA_ATM)
		pr_info("%s: VC activated at VPI/VCI 0/%u\n",
			condis_adapter_name(b->adapter), vci);
	return 0;
}

static int cocm_deactivate_vc(void *carrier, struct condis_vc *vc, void **slot)
{
	return condis_cm_deactivate_vc(vc);
}

static void cocm_release_slot(void *carrier, void **slot)
{
	kfree(*slot);
	*slot = NULL;
}

static const struct cosig_carrier_ops cocm_carrier = {
	.xmit = cocm_xmit,
	.create_vc = cocm_create_vc,
	.delete_vc = cocm_delete_vc,
	.activate_vc = cocm_activate_vc,
	.deactivate_vc = cocm_deactivate_vc,
	.release_slot = cocm_release_slot,
};

/* ---- completions: the signaling VC's are ours, the rest the engine's ---- */

static struct cocm_binding *cocm_binding_of_vc_ctx(void *ctx)
{
	struct cocm_binding *b, *found = NULL;

	spin_lock_bh(&cocm_lock);
	list_for_each_entry(b, &cocm_bindings, node)
		if (b == ctx)
			found = b;
	spin_unlock_bh(&cocm_lock);
	return found;
}

static void cocm_activate_vc_complete(int status, void *cm_vc_ctx,
				      struct condis_call_params *params)
{
	struct cocm_binding *b = cocm_binding_of_vc_ctx(cm_vc_ctx);

	if (!b) {
		cosig_activate_vc_complete(cm_vc_ctx, status);
		return;
	}
	b->act_status = status;
	complete(&b->act);
}

static void cocm_deactivate_vc_complete(int status, void *cm_vc_ctx)
{
	cocm_activate_vc_complete(status, cm_vc_ctx, NULL);
}

static int cocm_wait(struct cocm_binding *b, int ret)
{
	if (ret != CONDIS_PENDING)
		return ret;
	if (!wait_for_completion_timeout(&b->act, 10 * HZ))
		return -ETIMEDOUT;
	return b->act_status;
}

/* ---- binding ------------------------------------------------------------ */

static void cocm_link_work(struct work_struct *work)
{
	struct cocm_binding *b = container_of(work, struct cocm_binding, link_work);
	bool want = READ_ONCE(b->link_want);

	if (b->link_up == want)
		return;
	b->link_up = want;
	cosig_link_change(b->sig, want);
}

/* The link's state now, asked of the miniport. */
static void cocm_query_link(struct cocm_binding *b)
{
	u32 state = 1;
	struct condis_oid_request req = {
		.type = CONDIS_OID_QUERY, .oid = CONDIS_OID_GEN_CO_MEDIA_CONNECT_STATUS,
		.buf = &state, .len = sizeof(state),
	};

	if (condis_co_oid_request(b->binding, NULL, NULL, NULL, &req) == 0)
		WRITE_ONCE(b->link_want, state == CONDIS_MEDIA_STATE_CONNECTED);
	schedule_work(&b->link_work);
}

/* Bind only to plain conic ports: an MCM one runs its own signaling. */
static int cocm_query_mode(struct cocm_binding *b)
{
	u32 mode = CONIC_MODE_MCM;
	struct condis_oid_request req = {
		.type = CONDIS_OID_QUERY, .oid = CONIC_OID_PORT_MODE,
		.buf = &mode, .len = sizeof(mode),
	};
	int err = condis_co_oid_request(b->binding, NULL, NULL, NULL, &req);

	if (err)
		return err == CONDIS_PENDING ? -EOPNOTSUPP : err;
	return mode == CONIC_MODE_PLAIN ? 0 : -EOPNOTSUPP;
}

static void cocm_free(struct cocm_binding *b)
{
	cancel_work_sync(&b->link_work);
	if (b->sig)
		cosig_destroy(b->sig);
	kfree(b);
}

/*
 * The signaling VC's parameters: channel 0 both ways in the conic mode;
 * in the others, what a call manager that does not know conic would ask
 * for (the lowest free channel, or ATM's signaling VCI), as both ends of
 * the link then do alike.
 */
static void cocm_sig_params(struct cocm_binding *b)
{
	struct conic_media_vcis v = { .n_tx = 1 };	/* receive and send on 0 */

	b->params.media = &b->m.media;
	b->m.media.flags = CONDIS_MEDIA_TRANSMIT_VC | CONDIS_MEDIA_RECEIVE_VC;
	switch (cocm_media) {
	case COCM_MEDIA_CONIC:
		b->m.media.specific.type = CONIC_MEDIA_VCIS;
		b->m.media.specific.len = sizeof(v);
		memcpy(b->m.media.specific.data, &v, sizeof(v));
		break;
	case COCM_MEDIA_NONE:
		b->params.media = NULL;
		break;
	case COCM_MEDIA_ROOM:
		b->m.media.specific.type = CONIC_MEDIA_NONE;
		b->m.media.specific.len = sizeof(b->m.data);
		break;
	case COCM_MEDIA_ATM:
		cocm_atm_media(&b->m, COCM_ATM_SIG_VCI);
		break;
	}
}

static int cocm_bind_adapter_locked(struct condis_adapter *adapter)
{
	struct condis_cm_af *cm_af;
	struct cocm_binding *b;
	int err;

	b = kzalloc(sizeof(*b), GFP_KERNEL);
	if (!b)
		return -ENOMEM;
	init_completion(&b->act);
	INIT_WORK(&b->link_work, cocm_link_work);
	b->link_up = -1;
	b->adapter = adapter;
	cocm_sig_params(b);
	err = condis_open_adapter(cocm_protocol, adapter, b, &b->binding);
	if (err)
		goto err_free;
	err = cocm_query_mode(b);
	if (err)	/* not a conic port, or an MCM one */
		goto err_close;
	b->sig = cosig_create(condis_adapter_name(adapter), &cocm_carrier, b);
	if (!b->sig) {
		err = -ENOMEM;
		goto err_close;
	}
	spin_lock_bh(&cocm_lock);
	list_add_tail(&b->node, &cocm_bindings);
	spin_unlock_bh(&cocm_lock);
	err = condis_co_create_vc(b->binding, NULL, b, &b->sig_vc);
	if (err)
		goto err_unlist;
	err = cocm_wait(b, condis_cm_activate_vc(b->sig_vc, &b->params));
	if (err)
		goto err_vc;
	if (cocm_media == COCM_MEDIA_ROOM)
		cocm_reported(b, &b->m);
	err = condis_cm_register_af(b->binding, &cocm_af_type, &cm_af);
	if (err)
		goto err_deact;
	cosig_set_cm_af(b->sig, cm_af);
	cocm_query_link(b);
	return 0;

err_deact:
	cocm_wait(b, condis_cm_deactivate_vc(b->sig_vc));
err_vc:
	condis_co_delete_vc(b->sig_vc);
err_unlist:
	spin_lock_bh(&cocm_lock);
	list_del(&b->node);
	spin_unlock_bh(&cocm_lock);
err_close:
	condis_close_adapter(b->binding);
err_free:
	cocm_free(b);
	return err;
}

static int cocm_bind_adapter(void *proto_priv, struct condis_adapter *adapter)
{
	int err;

	mutex_lock(&cocm_config_lock);
	err = cocm_bind_adapter_locked(adapter);
	mutex_unlock(&cocm_config_lock);
	return err;
}

static void cocm_unbind_adapter_locked(struct cocm_binding *b, struct condis_binding *binding)
{
	lockdep_assert_held(&cocm_config_lock);
	cancel_work_sync(&b->link_work);
	/* Clients close their calls (released on the wire) and AFs. */
	if (cosig_shutdown(b->sig))
		pr_warn("cocm: clients still have AFs open; condis closes them\n");
	if (cocm_wait(b, condis_cm_deactivate_vc(b->sig_vc)))
		pr_warn("cocm: signaling VC did not deactivate\n");
	condis_co_delete_vc(b->sig_vc);
	spin_lock_bh(&cocm_lock);
	list_del(&b->node);
	spin_unlock_bh(&cocm_lock);
	if (condis_close_adapter(binding)) {
		/* condis's forced teardown still needs the engine. */
		list_add_tail(&b->node, &cocm_orphans);
		return;
	}
	cocm_free(b);
}

static int cocm_unbind_adapter(void *binding_ctx, struct condis_binding *binding)
{
	mutex_lock(&cocm_config_lock);
	cocm_unbind_adapter_locked(binding_ctx, binding);
	mutex_unlock(&cocm_config_lock);
	return 0;
}

static void cocm_af_register_notify(void *binding_ctx, const struct condis_af_type *type)
{
}

static void cocm_co_status(void *binding_ctx, void *vc_ctx,
			   const struct condis_status_indication *ind)
{
	struct cocm_binding *b = binding_ctx;

	if (vc_ctx || (ind->code != CONDIS_STATUS_MEDIA_CONNECT &&
		       ind->code != CONDIS_STATUS_MEDIA_DISCONNECT))
		return;
	WRITE_ONCE(b->link_want, ind->code == CONDIS_STATUS_MEDIA_CONNECT);
	schedule_work(&b->link_work);
}

static void cocm_co_receive(void *binding_ctx, void *vc_ctx, struct sk_buff_head *skbs,
			    unsigned int flags)
{
	struct cocm_binding *b = binding_ctx;
	struct sk_buff *skb, *copy;

	if (vc_ctx != b)
		return;		/* only the signaling VC is ours to receive on */
	/* The frames stay the miniport's: the engine gets copies. */
	skb_queue_walk(skbs, skb) {
		copy = skb_copy(skb, GFP_ATOMIC);
		if (copy)
			cosig_receive(b->sig, copy);
	}
}

static void cocm_co_send_complete(void *vc_ctx, struct sk_buff_head *skbs)
{
	__skb_queue_purge(skbs);
}

static const struct condis_protocol_ops cocm_ops = {
	.bind_adapter = cocm_bind_adapter,
	.unbind_adapter = cocm_unbind_adapter,
	.af_register_notify = cocm_af_register_notify,
	.co_status = cocm_co_status,
	.co_receive = cocm_co_receive,
	.co_send_complete = cocm_co_send_complete,
};

static const struct condis_protocol_desc cocm_desc = {
	.name = "cocm",
	.ops = &cocm_ops,
	.cm_ops = &cocm_cm_ops,
};

/* /sys/kernel/debug/cocm/engines: each engine, as an MCM port's state shows its own. */
static int cocm_engines_show(struct seq_file *m, void *v)
{
	struct cocm_binding *b;

	mutex_lock(&cocm_config_lock);
	list_for_each_entry(b, &cocm_bindings, node)
		cosig_debugfs_show(b->sig, m);
	list_for_each_entry(b, &cocm_orphans, node) {
		seq_puts(m, "(unbound, waiting for condis's teardown)\n");
		cosig_debugfs_show(b->sig, m);
	}
	mutex_unlock(&cocm_config_lock);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(cocm_engines);

static int __init cocm_init(void)
{
	int err;

	err = sysfs_match_string(cocm_media_names, media);
	if (err < 0) {
		pr_err("media=%s: not conic, none, room or atm\n", media);
		return err;
	}
	cocm_media = err;
	cocm_cm_ops = cosig_cm_ops;
	cocm_cm_ops.activate_vc_complete = cocm_activate_vc_complete;
	cocm_cm_ops.deactivate_vc_complete = cocm_deactivate_vc_complete;
	cocm_debugfs = debugfs_create_dir("cocm", NULL);
	debugfs_create_file("engines", 0444, cocm_debugfs, NULL, &cocm_engines_fops);
	err = condis_register_protocol(&cocm_desc, NULL, &cocm_protocol);
	if (err)
		debugfs_remove_recursive(cocm_debugfs);
	return err;
}

static void __exit cocm_exit(void)
{
	struct cocm_binding *b, *tmp;

	debugfs_remove_recursive(cocm_debugfs);
	condis_deregister_protocol(cocm_protocol);
	list_for_each_entry_safe(b, tmp, &cocm_orphans, node)
		cocm_free(b);
}

module_init(cocm_init);
module_exit(cocm_exit);
MODULE_DESCRIPTION("cocm: stand-alone call manager for conic ports (plain CO miniports)");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS(CONDIS);
