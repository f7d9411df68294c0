// SPDX-License-Identifier: GPL-2.0
/*
 * VCs: the NIC's per-VC state (channels, bandwidth reservation, counters),
 * the MiniportCo* VC handlers of a plain port, and the carrier an MCM
 * port's signaling engine drives them through.
 */
#include <kunit/visibility.h>
#include <linux/delay.h>
#include <linux/slab.h>

#include "conic.h"

/**
 * conic_vc_alloc() - per-VC state
 * @port: the port
 * @vc: condis's handle
 * @gfp: allocation flags
 *
 * Return: the state or NULL.
 */
struct conic_vc *conic_vc_alloc(struct conic_port *port, struct condis_vc *vc, gfp_t gfp)
{
	struct conic_vc *cvc = kzalloc(sizeof(*cvc), gfp);

	if (cvc) {
		cvc->port = port;
		cvc->vc = vc;
	}
	return cvc;
}
EXPORT_SYMBOL_IF_KUNIT(conic_vc_alloc);

/**
 * conic_vc_free() - free per-VC state once receivers are done with it
 * @cvc: an inactive VC's state
 *
 * Context: any.
 */
void conic_vc_free(struct conic_vc *cvc)
{
	WARN_ON(cvc->active);
	kfree_rcu(cvc, rcu);
}
EXPORT_SYMBOL_IF_KUNIT(conic_vc_free);

static bool conic_rate_set(u32 rate)
{
	return rate && rate != 0xffffffff;
}

/*
 * Whether a VC with these channels is entered in the receive map: data VCs
 * with a receive channel, and a plain port's signaling VC (receives on 0,
 * sends on 0 only).  A multipoint root (receive channel 0) is not.
 */
static bool conic_vcis_listen(const struct conic_media_vcis *v)
{
	return v->rx_vci || (v->n_tx == 1 && v->tx_vci[0] == CONIC_SIG_VCI);
}

/**
 * conic_media_parse() - the channels a VC's media parameters ask for
 * @media: the media parameters, or NULL
 * @v: set to the channels for CONIC_ASK_OWN and CONIC_ASK_ATM, else zeroed
 *
 * Context: any.
 * Return: CONIC_ASK_OWN (conic's own part), CONIC_ASK_ATM (ATM's, mapped
 * to one channel both ways), CONIC_ASK_CHOOSE (no part: conic chooses), or
 * -EINVAL (a part of another type, or a bad one).
 */
int conic_media_parse(const struct condis_media_params *media, struct conic_media_vcis *v)
{
	struct conic_atm_media atm;
	unsigned int i;

	memset(v, 0, sizeof(*v));
	if (!media || !media->specific.len || media->specific.type == CONIC_MEDIA_NONE)
		return CONIC_ASK_CHOOSE;
	switch (media->specific.type) {
	case CONIC_MEDIA_VCIS:
		if (media->specific.len != sizeof(*v))
			return -EINVAL;
		memcpy(v, media->specific.data, sizeof(*v));
		if (v->rx_vci > CONIC_MAX_VCI || v->n_tx > CONIC_MAX_LEAVES)
			return -EINVAL;
		for (i = 0; i < v->n_tx; i++)
			if (v->tx_vci[i] > CONIC_MAX_VCI)
				return -EINVAL;
		return CONIC_ASK_OWN;
	case CONIC_MEDIA_ATM:
		if (media->specific.len < sizeof(atm))
			return -EINVAL;
		memcpy(&atm, media->specific.data, sizeof(atm));
		/* One path: a VPI other than 0 would alias another VC's channel. */
		if (atm.vpi || !atm.vci || atm.vci > CONIC_MAX_VCI ||
		    atm.aal_type != CONIC_ATM_AAL5)
			return -EINVAL;
		v->rx_vci = atm.vci;
		v->n_tx = 1;
		v->tx_vci[0] = atm.vci;
		return CONIC_ASK_ATM;
	}
	return -EINVAL;
}
EXPORT_SYMBOL_IF_KUNIT(conic_media_parse);

/* The lowest data channel no VC of the port receives on, or 0. */
static u32 conic_vci_free(struct conic_port *port)
{
	u32 vci;

	lockdep_assert_held(&port->vc_lock);
	for (vci = CONIC_FIRST_DATA_VCI; vci <= CONIC_MAX_VCI; vci++)
		if (!xa_load(&port->rx_vcis, vci))
			return vci;
	return 0;
}

/*
 * A part of type CONIC_MEDIA_NONE with room gets the channels conic chose,
 * so that the call manager sees them and a re-activation with the same
 * buffer keeps them.
 */
static void conic_media_report(struct condis_media_params *media,
			       const struct conic_media_vcis *v)
{
	if (!media || media->specific.type != CONIC_MEDIA_NONE ||
	    media->specific.len < sizeof(*v))
		return;
	memcpy(media->specific.data, v, sizeof(*v));
	media->specific.type = CONIC_MEDIA_VCIS;
	media->specific.len = sizeof(*v);
}

/**
 * conic_vc_activate() - set a VC up, or change it
 * @cvc: the VC
 * @params: media parameters (conic's, ATM's or none: conic_media_parse())
 *	and the QoS
 *
 * Reserves the transmit token rate on the port and publishes the receive
 * channel.  Without a media-specific part, a first activation takes the
 * lowest free data channel both ways (and reports it, see
 * conic_media_report()); a re-activation keeps the VC's channels.  A
 * failed activation changes nothing: a re-activation leaves the VC as it
 * was.
 *
 * Context: any.
 * Return: 0; -EINVAL (bad parameters); -ENOSPC (the rate does not fit);
 * -EADDRINUSE (another VC receives on that channel); -EADDRNOTAVAIL (no
 * channel left to choose); -ENOMEM; or an injected fault.
 */
int conic_vc_activate(struct conic_vc *cvc, struct condis_call_params *params)
{
	struct condis_media_params *media = params ? params->media : NULL;
	struct conic_port *port = cvc->port;
	struct conic_media_vcis v;
	u64 reserved;
	u32 rate = 0;
	int ask, err;

	err = conic_fault_take(port, CONIC_FAIL_ACTIVATE_VC);
	if (err)
		return err;
	ask = conic_media_parse(media, &v);
	if (ask < 0)
		return ask;
	if (params && params->cm && conic_rate_set(params->cm->transmit.token_rate))
		rate = params->cm->transmit.token_rate;
	spin_lock_bh(&port->vc_lock);
	reserved = port->reserved - (cvc->active ? cvc->reserved : 0) + rate;
	if (reserved > port->link_speed) {
		err = -ENOSPC;
		goto out;
	}
	if (ask == CONIC_ASK_CHOOSE) {
		if (cvc->active) {
			v = cvc->vcis;
		} else {
			v.rx_vci = conic_vci_free(port);
			v.n_tx = 1;
			v.tx_vci[0] = v.rx_vci;
			if (!v.rx_vci) {
				err = -EADDRNOTAVAIL;
				goto out;
			}
		}
	}
	if (port->mcm && !v.rx_vci && v.n_tx == 1 && !v.tx_vci[0]) {
		err = -EINVAL;	/* an MCM's signaling is its own */
		goto out;
	}
	if (!cvc->active || v.rx_vci != cvc->vcis.rx_vci) {
		if (conic_vcis_listen(&v)) {
			err = xa_insert_bh(&port->rx_vcis, v.rx_vci, cvc, GFP_ATOMIC);
			if (err) {
				err = err == -EBUSY ? -EADDRINUSE : err;
				goto out;
			}
		}
		if (cvc->active && conic_vcis_listen(&cvc->vcis))
			xa_erase_bh(&port->rx_vcis, cvc->vcis.rx_vci);
	}
	port->reserved = reserved;
	cvc->reserved = rate;
	cvc->vcis = v;
	WRITE_ONCE(cvc->active, true);
out:
	spin_unlock_bh(&port->vc_lock);
	if (!err && ask == CONIC_ASK_CHOOSE)
		conic_media_report(media, &v);
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(conic_vc_activate);

/**
 * conic_vc_deactivate() - stop a VC: it sends and receives no more
 * @cvc: the VC
 *
 * Context: any.
 */
void conic_vc_deactivate(struct conic_vc *cvc)
{
	struct conic_port *port = cvc->port;

	spin_lock_bh(&port->vc_lock);
	if (cvc->active) {
		if (conic_vcis_listen(&cvc->vcis))
			xa_erase_bh(&port->rx_vcis, cvc->vcis.rx_vci);
		port->reserved -= cvc->reserved;
		cvc->reserved = 0;
		WRITE_ONCE(cvc->active, false);
	}
	spin_unlock_bh(&port->vc_lock);
}
EXPORT_SYMBOL_IF_KUNIT(conic_vc_deactivate);

/* ---- a plain port: MiniportCo* handlers ------------------------------- */

static int conic_mp_create_vc(void *adapter_ctx, struct condis_vc *vc, void **mp_vc_ctx)
{
	struct conic_port *port = adapter_ctx;
	struct conic_vc *cvc;
	int err;

	err = conic_fault_take(port, CONIC_FAIL_CREATE_VC);
	if (err)
		return err;
	cvc = conic_vc_alloc(port, vc, GFP_ATOMIC);
	if (!cvc)
		return -ENOMEM;
	*mp_vc_ctx = cvc;
	return 0;
}

static int conic_mp_delete_vc(void *mp_vc_ctx)
{
	struct conic_vc *cvc = mp_vc_ctx;

	if (READ_ONCE(cvc->active))
		return -EBUSY;
	conic_vc_free(cvc);
	return 0;
}

static int conic_mp_activate_vc(void *mp_vc_ctx, struct condis_call_params *params)
{
	return conic_vc_activate(mp_vc_ctx, params);
}

static int conic_mp_deactivate_vc(void *mp_vc_ctx)
{
	conic_vc_deactivate(mp_vc_ctx);
	return 0;
}

static void conic_mp_send(void *mp_vc_ctx, struct sk_buff_head *skbs)
{
	conic_vc_send(mp_vc_ctx, skbs);
}

static void conic_mp_return_skbs(void *mp_vc_ctx, struct sk_buff_head *skbs)
{
	__skb_queue_purge(skbs);
}

static int conic_mp_oid_request(void *adapter_ctx, void *mp_vc_ctx,
				struct condis_oid_request *req)
{
	return conic_oid_request(adapter_ctx, mp_vc_ctx, req);
}

static const struct condis_miniport_ops conic_plain_ops = {
	.create_vc = conic_mp_create_vc,
	.delete_vc = conic_mp_delete_vc,
	.activate_vc = conic_mp_activate_vc,
	.deactivate_vc = conic_mp_deactivate_vc,
	.oid_request = conic_mp_oid_request,
	.send = conic_mp_send,
	.return_skbs = conic_mp_return_skbs,
};

const struct condis_miniport_desc conic_plain_desc = {
	.name = "conic",
	.ops = &conic_plain_ops,
};

/* ---- an MCM port: the VC context is the engine's, with our slot ------- */

static struct conic_vc *conic_mcm_vc(void *mp_vc_ctx)
{
	return READ_ONCE(*cosig_carrier_slot(mp_vc_ctx));
}

static void conic_mcm_send(void *mp_vc_ctx, struct sk_buff_head *skbs)
{
	struct conic_vc *cvc = conic_mcm_vc(mp_vc_ctx);

	/* condis sends only on active VCs, and activation sets the slot. */
	if (WARN_ON_ONCE(!cvc)) {
		__skb_queue_purge(skbs);
		return;
	}
	conic_vc_send(cvc, skbs);
}

static int conic_mcm_oid_request(void *adapter_ctx, void *mp_vc_ctx,
				 struct condis_oid_request *req)
{
	return conic_oid_request(adapter_ctx, mp_vc_ctx ? conic_mcm_vc(mp_vc_ctx) : NULL, req);
}

static const struct condis_miniport_ops conic_mcm_ops = {
	.oid_request = conic_mcm_oid_request,
	.send = conic_mcm_send,
	.return_skbs = conic_mp_return_skbs,
};

const struct condis_miniport_desc conic_mcm_desc = {
	.name = "conic-mcm",
	.ops = &conic_mcm_ops,
	.cm_ops = &cosig_cm_ops,
};

static void conic_carrier_xmit(void *carrier, struct sk_buff *skb)
{
	conic_port_xmit(carrier, CONIC_SIG_VCI, skb);
}

static int conic_carrier_create_vc(void *carrier, struct condis_af *af, void *cm_vc_ctx,
				   struct condis_vc **vc)
{
	struct conic_port *port = carrier;
	int err = conic_fault_take(port, CONIC_FAIL_CREATE_VC);

	return err ?: condis_mcm_create_vc(port->adapter, af, cm_vc_ctx, vc);
}

static int conic_carrier_delete_vc(void *carrier, struct condis_vc *vc)
{
	return condis_mcm_delete_vc(vc);
}

static int conic_carrier_activate_vc(void *carrier, struct condis_vc *vc, void **slot,
				     struct condis_call_params *params)
{
	struct conic_vc *cvc = *slot;
	bool fresh = !cvc;
	int err;

	if (fresh) {
		cvc = conic_vc_alloc(carrier, vc, GFP_KERNEL);
		if (!cvc)
			return -ENOMEM;
	}
	err = conic_vc_activate(cvc, params);
	if (!err)
		err = condis_mcm_activate_vc(vc, params);
	if (err) {
		if (fresh) {
			conic_vc_deactivate(cvc);
			conic_vc_free(cvc);
		}
		return err;
	}
	WRITE_ONCE(*slot, cvc);
	return 0;
}

static int conic_carrier_deactivate_vc(void *carrier, struct condis_vc *vc, void **slot)
{
	unsigned int tries = 0;
	int err;

	if (*slot)
		conic_vc_deactivate(*slot);
	/*
	 * -EBUSY: received skbs not yet returned or sends in flight.  A
	 * client returns them within milliseconds; one that keeps them is not
	 * waited for past half a second (the call is over; condis's teardown
	 * gives them back if it goes away).
	 */
	while ((err = condis_mcm_deactivate_vc(vc)) == -EBUSY && tries++ < 250)
		usleep_range(1000, 2000);
	return err;
}

static void conic_carrier_release_slot(void *carrier, void **slot)
{
	conic_vc_free(*slot);
	*slot = NULL;
}

/* How an MCM port's signaling engine reaches the link and condis. */
const struct cosig_carrier_ops conic_mcm_carrier = {
	.xmit = conic_carrier_xmit,
	.create_vc = conic_carrier_create_vc,
	.delete_vc = conic_carrier_delete_vc,
	.activate_vc = conic_carrier_activate_vc,
	.deactivate_vc = conic_carrier_deactivate_vc,
	.release_slot = conic_carrier_release_slot,
};
