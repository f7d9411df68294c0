// SPDX-License-Identifier: GPL-2.0
/*
 * The VC data path: packets sent on a VC go to each of its transmit
 * channels as frames; frames arriving on a receive channel are indicated
 * on the VC that listens there.
 */
#include "conic.h"

/**
 * conic_vc_send() - transmit packets a protocol sent on a VC
 * @cvc: the VC
 * @skbs: the packets; each is copied onto the link, then all are completed
 *
 * Context: any.
 */
void conic_vc_send(struct conic_vc *cvc, struct sk_buff_head *skbs)
{
	struct conic_port *port = cvc->port;
	struct conic_media_vcis v;
	int fault = conic_fault_take(port, CONIC_FAIL_SEND);
	unsigned int mtu = conic_port_mtu(port);
	struct sk_buff_head done;
	struct sk_buff *skb;
	bool active;
	unsigned int i;

	__skb_queue_head_init(&done);
	spin_lock_bh(&port->vc_lock);
	active = cvc->active;
	v = cvc->vcis;
	spin_unlock_bh(&port->vc_lock);
	while ((skb = __skb_dequeue(skbs))) {
		int status = fault;

		if (!status && (!active || !READ_ONCE(port->link_up)))
			status = -ENOLINK;
		if (!status && skb->len > mtu)
			status = -EMSGSIZE;
		for (i = 0; !status && i < v.n_tx; i++) {
			struct sk_buff *frame;

			frame = alloc_skb(LL_MAX_HEADER + sizeof(struct conic_wire_hdr) + skb->len,
					  GFP_ATOMIC);
			if (!frame) {
				status = -ENOMEM;
				break;
			}
			skb_reserve(frame, LL_MAX_HEADER + sizeof(struct conic_wire_hdr));
			skb_copy_bits(skb, 0, skb_put(frame, skb->len), skb->len);
			conic_port_xmit(port, v.tx_vci[i], frame);
		}
		CONDIS_SKB_CB(skb)->status = status;
		if (status) {
			atomic64_inc(&cvc->tx_err);
		} else {
			atomic64_inc(&cvc->tx_pkts);
			atomic64_add(skb->len, &cvc->tx_bytes);
		}
		__skb_queue_tail(&done, skb);
	}
	condis_mco_send_complete(cvc->vc, &done);
}

/* Indicate a frame on the VC receiving on @vci; false if none is active. */
static bool conic_rx_data(struct conic_port *port, u16 vci, struct sk_buff *skb)
{
	struct sk_buff_head list;
	struct conic_vc *cvc;

	rcu_read_lock();
	cvc = xa_load(&port->rx_vcis, vci);
	if (!cvc || !READ_ONCE(cvc->active)) {
		rcu_read_unlock();
		atomic64_inc(&port->stats.rx_bad);
		kfree_skb(skb);
		return false;
	}
	atomic64_inc(&port->stats.rx_data);
	atomic64_inc(&cvc->rx_pkts);
	atomic64_add(skb->len, &cvc->rx_bytes);
	__skb_queue_head_init(&list);
	__skb_queue_tail(&list, skb);
	/* Kept skbs come back through return_skbs; the rest are freed here. */
	condis_mco_indicate_receive(cvc->vc, &list, 0);
	rcu_read_unlock();
	__skb_queue_purge(&list);
	return true;
}

/**
 * conic_rx_work() - deliver the frames a port received
 * @work: the port's rx_work
 *
 * Context: process (conic_wq).
 */
void conic_rx_work(struct work_struct *work)
{
	struct conic_port *port = container_of(work, struct conic_port, rx_work);
	unsigned int budget = 256;
	struct sk_buff *skb;

	while (budget-- && (skb = skb_dequeue(&port->rxq))) {
		u64 src = conic_rx_cb(skb)->src;
		const struct conic_wire_hdr *hdr;
		u16 vci, len;

		/* The peer's address may have been learned since it was queued. */
		if (conic_port_foreign(port, src)) {
			atomic64_inc(&port->stats.rx_foreign);
			kfree_skb(skb);
			continue;
		}
		atomic64_inc(&port->stats.rx_frames);
		if (!READ_ONCE(port->link_up) || !pskb_may_pull(skb, sizeof(*hdr)))
			goto bad;
		hdr = (const struct conic_wire_hdr *)skb->data;
		vci = be16_to_cpu(hdr->vci);
		len = be16_to_cpu(hdr->len);
		if (vci > CONIC_MAX_VCI || len > skb->len - sizeof(*hdr) || len > CONIC_MTU)
			goto bad;
		skb_pull(skb, sizeof(*hdr));
		if (pskb_trim(skb, len))
			goto bad;
		/* Only a frame taken in teaches the peer's address (eth.c). */
		if (vci == CONIC_SIG_VCI && port->sig) {
			atomic64_inc(&port->stats.rx_sig);
			if (!cosig_receive(port->sig, skb))
				conic_port_learn(port, src);
			continue;
		}
		if (conic_rx_data(port, vci, skb))
			conic_port_learn(port, src);
		continue;
bad:
		atomic64_inc(&port->stats.rx_bad);
		kfree_skb(skb);
	}
	if (!skb_queue_empty(&port->rxq))
		queue_work(conic_wq, &port->rx_work);
}
