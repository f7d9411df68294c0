// SPDX-License-Identifier: GPL-2.0
/*
 * Messages: building them, and parsing what arrives from the wire, which
 * is untrusted: every length is checked before it is used, and a frame that
 * breaks a rule of Documentation/signaling.rst is refused as a whole.
 */
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <linux/string.h>
#include <linux/unaligned.h>
#include <kunit/visibility.h>

#include "internal.h"

/* The length each information element must have (0: variable). */
static const u16 cosig_ie_len[] = {
	[COSIG_IE_VCI] = 4,
	[COSIG_IE_TRAFFIC] = sizeof(struct cosig_wire_traffic),
	[COSIG_IE_CAUSE] = 4,
	[COSIG_IE_FLAGS] = 4,
	[COSIG_IE_CALL_STATE] = 4,
};

static void cosig_flow_from_wire(struct condis_flow_spec *f, const struct cosig_wire_flow *w)
{
	f->token_rate = be32_to_cpu(w->token_rate);
	f->token_bucket_size = be32_to_cpu(w->token_bucket_size);
	f->peak_bandwidth = be32_to_cpu(w->peak_bandwidth);
	f->latency = be32_to_cpu(w->latency);
	f->delay_variation = be32_to_cpu(w->delay_variation);
	f->service_type = be32_to_cpu(w->service_type);
	f->max_sdu_size = be32_to_cpu(w->max_sdu_size);
	f->minimum_policed_size = be32_to_cpu(w->minimum_policed_size);
}

static void cosig_flow_to_wire(struct cosig_wire_flow *w, const struct condis_flow_spec *f)
{
	w->token_rate = cpu_to_be32(f->token_rate);
	w->token_bucket_size = cpu_to_be32(f->token_bucket_size);
	w->peak_bandwidth = cpu_to_be32(f->peak_bandwidth);
	w->latency = cpu_to_be32(f->latency);
	w->delay_variation = cpu_to_be32(f->delay_variation);
	w->service_type = cpu_to_be32(f->service_type);
	w->max_sdu_size = cpu_to_be32(f->max_sdu_size);
	w->minimum_policed_size = cpu_to_be32(f->minimum_policed_size);
}

static bool cosig_msg_type_known(u8 type)
{
	return cosig_msg_name(type)[0] != '?';
}

static int cosig_ie_parse(struct cosig_msg *msg, u16 type, const u8 *val, u16 len)
{
	const struct cosig_wire_traffic *t;

	if (type < ARRAY_SIZE(cosig_ie_len) && cosig_ie_len[type] && len != cosig_ie_len[type])
		return -EINVAL;
	switch (type) {
	case COSIG_IE_CALLED_SAP:
		if (len < 5 || len > 4 + CONIC_SAP_NAME_MAX)
			return -EINVAL;
		msg->sap_type = get_unaligned_be32(val);
		msg->sap_name = val + 4;
		msg->sap_len = len - 4;
		break;
	case COSIG_IE_VCI:
		msg->vci = get_unaligned_be32(val);
		if (msg->vci > CONIC_MAX_VCI || (msg->vci && msg->vci < CONIC_FIRST_DATA_VCI))
			return -EINVAL;
		break;
	case COSIG_IE_TRAFFIC:
		t = (const struct cosig_wire_traffic *)val;
		cosig_flow_from_wire(&msg->traffic[0], &t->forward);
		cosig_flow_from_wire(&msg->traffic[1], &t->backward);
		break;
	case COSIG_IE_CAUSE:
		msg->cause = get_unaligned_be32(val);
		break;
	case COSIG_IE_USER_DATA:
		if (len > COSIG_USER_DATA_MAX)
			return -EINVAL;
		msg->data = val;
		msg->data_len = len;
		break;
	case COSIG_IE_FLAGS:
		msg->flags = get_unaligned_be32(val);
		if (msg->flags & ~COSIG_FLAG_MULTIPOINT)
			return -EINVAL;
		break;
	case COSIG_IE_CALL_STATE:
		msg->call_state = get_unaligned_be32(val);
		break;
	default:
		return 0;	/* unknown elements are skipped (newer peers) */
	}
	if (__test_and_set_bit(type, &msg->has))
		return -EINVAL;	/* an element twice */
	return 0;
}

/**
 * cosig_msg_parse() - check and decode a message from the wire
 * @skb: the frame's payload (linear or not)
 * @msg: filled in; its pointers point into @skb's linear data
 *
 * Context: any.
 * Return: 0, or -EINVAL for a malformed frame (short, wrong version or
 * length, unknown message type, call reference 0 on a message other than
 * RESTART and RESTART ACK, an element overrunning the frame, of the wrong
 * size or value, or present twice).
 */
int cosig_msg_parse(const struct sk_buff *skb, struct cosig_msg *msg)
{
	const struct cosig_wire_hdr *hdr;
	unsigned int off, len;
	int err;

	memset(msg, 0, sizeof(*msg));
	if (skb->len < sizeof(*hdr) || skb_linearize((struct sk_buff *)skb))
		return -EINVAL;
	hdr = (const struct cosig_wire_hdr *)skb->data;
	len = be16_to_cpu(hdr->length);
	if (hdr->version != COSIG_VERSION || sizeof(*hdr) + len != skb->len ||
	    !cosig_msg_type_known(hdr->type))
		return -EINVAL;
	msg->type = hdr->type;
	msg->cref = be32_to_cpu(hdr->cref) & COSIG_CREF_MASK;
	msg->from_owner = !(be32_to_cpu(hdr->cref) & COSIG_CREF_FLAG);
	msg->epref = be32_to_cpu(hdr->epref);
	/* Reference 0 is RESTART's: about no call. */
	if (!msg->cref && msg->type != COSIG_MSG_RESTART && msg->type != COSIG_MSG_RESTART_ACK)
		return -EINVAL;
	for (off = sizeof(*hdr); off < skb->len;) {
		const struct cosig_wire_ie *ie;
		u16 ilen;

		if (skb->len - off < sizeof(*ie))
			return -EINVAL;
		ie = (const struct cosig_wire_ie *)(skb->data + off);
		ilen = be16_to_cpu(ie->length);
		off += sizeof(*ie);
		if (ilen > skb->len - off)
			return -EINVAL;
		err = cosig_ie_parse(msg, be16_to_cpu(ie->type), skb->data + off, ilen);
		if (err)
			return err;
		off += ilen;
	}
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(cosig_msg_parse);

static void cosig_put_ie(struct sk_buff *skb, u16 type, const void *val, u16 len)
{
	struct cosig_wire_ie *ie = skb_put(skb, sizeof(*ie));

	ie->type = cpu_to_be16(type);
	ie->length = cpu_to_be16(len);
	skb_put_data(skb, val, len);
}

static void cosig_put_u32(struct sk_buff *skb, u16 type, u32 val)
{
	__be32 v = cpu_to_be32(val);

	cosig_put_ie(skb, type, &v, sizeof(v));
}

/**
 * cosig_msg_build() - build a message
 * @out: what goes in it
 *
 * Context: process.
 * Return: the frame's payload, or NULL without memory.
 */
struct sk_buff *cosig_msg_build(const struct cosig_out *out)
{
	struct cosig_wire_hdr *hdr;
	struct sk_buff *skb;
	u32 cref = out->cref;

	skb = alloc_skb(LL_MAX_HEADER + 512, GFP_KERNEL);
	if (!skb)
		return NULL;
	skb_reserve(skb, LL_MAX_HEADER);
	hdr = skb_put(skb, sizeof(*hdr));
	hdr->version = COSIG_VERSION;
	hdr->type = out->type;
	if (!out->ours && cref)
		cref |= COSIG_CREF_FLAG;
	hdr->cref = cpu_to_be32(cref);
	hdr->epref = cpu_to_be32(out->epref);
	if (out->sap_name) {
		u8 buf[4 + CONIC_SAP_NAME_MAX];

		put_unaligned_be32(CONIC_SAP_TYPE, buf);
		memcpy(buf + 4, out->sap_name, out->sap_len);
		cosig_put_ie(skb, COSIG_IE_CALLED_SAP, buf, 4 + out->sap_len);
	}
	if (out->has_vci)
		cosig_put_u32(skb, COSIG_IE_VCI, out->vci);
	if (out->traffic) {
		struct cosig_wire_traffic t;

		cosig_flow_to_wire(&t.forward, &out->traffic[0]);
		cosig_flow_to_wire(&t.backward, &out->traffic[1]);
		cosig_put_ie(skb, COSIG_IE_TRAFFIC, &t, sizeof(t));
	}
	if (out->cause)
		cosig_put_u32(skb, COSIG_IE_CAUSE, out->cause);
	if (out->data && out->data_len)
		cosig_put_ie(skb, COSIG_IE_USER_DATA, out->data, out->data_len);
	if (out->flags)
		cosig_put_u32(skb, COSIG_IE_FLAGS, out->flags);
	if (out->call_state)
		cosig_put_u32(skb, COSIG_IE_CALL_STATE, out->call_state - 1);
	hdr->length = cpu_to_be16(skb->len - sizeof(*hdr));
	return skb;
}
EXPORT_SYMBOL_IF_KUNIT(cosig_msg_build);

/**
 * cosig_msg_name() - a message type's name
 * @type: COSIG_MSG_xxx
 *
 * Return: the name, or a string starting with '?' for an unknown type.
 */
const char *cosig_msg_name(u8 type)
{
	switch (type) {
	case COSIG_MSG_CALL_PROC: return "CALL_PROC";
	case COSIG_MSG_SETUP: return "SETUP";
	case COSIG_MSG_CONNECT: return "CONNECT";
	case COSIG_MSG_CONNECT_ACK: return "CONNECT_ACK";
	case COSIG_MSG_RESTART: return "RESTART";
	case COSIG_MSG_RELEASE: return "RELEASE";
	case COSIG_MSG_RESTART_ACK: return "RESTART_ACK";
	case COSIG_MSG_RELEASE_COMPLETE: return "RELEASE_COMPLETE";
	case COSIG_MSG_STATUS: return "STATUS";
	case COSIG_MSG_ADD_PARTY: return "ADD_PARTY";
	case COSIG_MSG_ADD_PARTY_ACK: return "ADD_PARTY_ACK";
	case COSIG_MSG_ADD_PARTY_REJ: return "ADD_PARTY_REJ";
	case COSIG_MSG_DROP_PARTY: return "DROP_PARTY";
	case COSIG_MSG_DROP_PARTY_ACK: return "DROP_PARTY_ACK";
	case COSIG_MSG_MODIFY_REQ: return "MODIFY_REQ";
	case COSIG_MSG_MODIFY_ACK: return "MODIFY_ACK";
	case COSIG_MSG_MODIFY_REJ: return "MODIFY_REJ";
	default: return "?";
	}
}

/**
 * cosig_cause_to_errno() - what a client sees for a cause from the wire
 * @cause: COSIG_CAUSE_xxx (or anything a peer sent)
 *
 * Return: 0 for a normal release, else a negative errno.
 */
int cosig_cause_to_errno(u32 cause)
{
	switch (cause) {
	case 0:
	case COSIG_CAUSE_NORMAL: return 0;
	case COSIG_CAUSE_NO_SAP: return -ECONNREFUSED;
	case COSIG_CAUSE_USER_BUSY: return -EBUSY;
	case COSIG_CAUSE_REJECTED: return -EACCES;
	case COSIG_CAUSE_NO_CHANNEL: return -EAGAIN;
	case COSIG_CAUSE_TEMPORARY: return -ENOLINK;
	case COSIG_CAUSE_QOS_UNAVAILABLE: return -ENOSPC;
	case COSIG_CAUSE_TIMER_EXPIRY: return -ETIMEDOUT;
	case COSIG_CAUSE_INVALID_IE: return -EINVAL;
	default: return -EPROTO;
	}
}
EXPORT_SYMBOL_IF_KUNIT(cosig_cause_to_errno);

/**
 * cosig_errno_to_cause() - the cause sent for a local failure
 * @err: 0 or a negative errno
 *
 * Return: COSIG_CAUSE_xxx.
 */
u32 cosig_errno_to_cause(int err)
{
	switch (err) {
	case 0: return COSIG_CAUSE_NORMAL;
	case -ECONNREFUSED:
	case -ESHUTDOWN: return COSIG_CAUSE_NO_SAP;
	case -EBUSY: return COSIG_CAUSE_USER_BUSY;
	case -EAGAIN: return COSIG_CAUSE_NO_CHANNEL;
	case -ENOLINK: return COSIG_CAUSE_TEMPORARY;
	case -ENOSPC: return COSIG_CAUSE_QOS_UNAVAILABLE;
	case -ETIMEDOUT: return COSIG_CAUSE_TIMER_EXPIRY;
	case -EINVAL: return COSIG_CAUSE_INVALID_IE;
	default: return COSIG_CAUSE_REJECTED;
	}
}
EXPORT_SYMBOL_IF_KUNIT(cosig_errno_to_cause);
