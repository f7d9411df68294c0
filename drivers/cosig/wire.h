/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The conic signaling protocol on the wire: one message per frame on the
 * signaling channel (VCI 0) of a conic link.  Documentation/signaling.rst
 * is the specification; this header is its C form.  All fields are big
 * endian.
 */
#ifndef _COSIG_WIRE_H
#define _COSIG_WIRE_H

#include <linux/types.h>

#define COSIG_VERSION		1

/* Bit 31 of the call reference: set by the side that did not allocate it. */
#define COSIG_CREF_FLAG		0x80000000u
#define COSIG_CREF_MASK		0x7fffffffu

/**
 * struct cosig_wire_hdr - the fixed head of every message
 * @version: %COSIG_VERSION
 * @type: COSIG_MSG_xxx
 * @length: bytes of information elements after this header
 * @cref: call reference (0 with %COSIG_MSG_RESTART and its ack)
 * @epref: endpoint (party) reference of a multipoint leaf, else 0
 */
struct cosig_wire_hdr {
	u8 version;
	u8 type;
	__be16 length;
	__be32 cref;
	__be32 epref;
} __packed;

/* Message types (Q.2931 numbering where Q.2931 has the message). */
enum cosig_msg_type {
	COSIG_MSG_CALL_PROC		= 0x02,
	COSIG_MSG_SETUP			= 0x05,
	COSIG_MSG_CONNECT		= 0x07,
	COSIG_MSG_CONNECT_ACK		= 0x0f,
	COSIG_MSG_RESTART		= 0x46,
	COSIG_MSG_RELEASE		= 0x4d,
	COSIG_MSG_RESTART_ACK		= 0x4e,
	COSIG_MSG_RELEASE_COMPLETE	= 0x5a,
	COSIG_MSG_STATUS		= 0x7d,
	COSIG_MSG_ADD_PARTY		= 0x80,
	COSIG_MSG_ADD_PARTY_ACK		= 0x81,
	COSIG_MSG_ADD_PARTY_REJ		= 0x82,
	COSIG_MSG_DROP_PARTY		= 0x83,
	COSIG_MSG_DROP_PARTY_ACK	= 0x84,
	COSIG_MSG_MODIFY_REQ		= 0x88,
	COSIG_MSG_MODIFY_ACK		= 0x89,
	COSIG_MSG_MODIFY_REJ		= 0x8a,
};

/**
 * struct cosig_wire_ie - head of an information element
 * @type: COSIG_IE_xxx
 * @length: bytes of value after this head
 */
struct cosig_wire_ie {
	__be16 type;
	__be16 length;
} __packed;

/* Information elements and the length each must have. */
enum cosig_ie_type {
	COSIG_IE_CALLED_SAP	= 1,	/* __be32 SAP type, then 1..32 name bytes */
	COSIG_IE_VCI		= 2,	/* __be32: the sender's receive channel */
	COSIG_IE_TRAFFIC	= 3,	/* struct cosig_wire_traffic */
	COSIG_IE_CAUSE		= 4,	/* __be32 COSIG_CAUSE_xxx */
	COSIG_IE_USER_DATA	= 5,	/* 0..COSIG_USER_DATA_MAX bytes */
	COSIG_IE_FLAGS		= 6,	/* __be32 COSIG_FLAG_xxx */
	COSIG_IE_CALL_STATE	= 7,	/* __be32: the sender's state (STATUS) */
};

#define COSIG_USER_DATA_MAX	128

/* COSIG_IE_FLAGS */
#define COSIG_FLAG_MULTIPOINT	0x1	/* the setup is a multipoint call's first leaf */

/**
 * struct cosig_wire_flow - one direction's QoS (condis_flow_spec)
 * @token_rate: bytes per second, 0xffffffff unspecified
 * @token_bucket_size: bytes
 * @peak_bandwidth: bytes per second
 * @latency: microseconds
 * @delay_variation: microseconds
 * @service_type: SERVICETYPE_xxx
 * @max_sdu_size: bytes
 * @minimum_policed_size: bytes
 */
struct cosig_wire_flow {
	__be32 token_rate;
	__be32 token_bucket_size;
	__be32 peak_bandwidth;
	__be32 latency;
	__be32 delay_variation;
	__be32 service_type;
	__be32 max_sdu_size;
	__be32 minimum_policed_size;
} __packed;

/**
 * struct cosig_wire_traffic - COSIG_IE_TRAFFIC, seen from the sender
 * @forward: sender to receiver
 * @backward: receiver to sender
 */
struct cosig_wire_traffic {
	struct cosig_wire_flow forward;
	struct cosig_wire_flow backward;
} __packed;

/* Causes (COSIG_IE_CAUSE); Q.850 numbering. */
enum cosig_cause {
	COSIG_CAUSE_NO_SAP		= 1,	/* no SAP matches the called name */
	COSIG_CAUSE_NORMAL		= 16,
	COSIG_CAUSE_USER_BUSY		= 17,
	COSIG_CAUSE_REJECTED		= 21,	/* the called client refused */
	COSIG_CAUSE_NO_CHANNEL		= 34,	/* no VCI free */
	COSIG_CAUSE_TEMPORARY		= 41,	/* link down, restart, shutdown */
	COSIG_CAUSE_QOS_UNAVAILABLE	= 49,	/* the reservation does not fit */
	COSIG_CAUSE_INVALID_CREF	= 81,	/* no call with that reference */
	COSIG_CAUSE_MANDATORY_IE	= 96,	/* a required element is missing */
	COSIG_CAUSE_INVALID_IE		= 100,
	COSIG_CAUSE_WRONG_STATE		= 101,	/* not expected in the call's state */
	COSIG_CAUSE_TIMER_EXPIRY	= 102,
};

#endif /* _COSIG_WIRE_H */
