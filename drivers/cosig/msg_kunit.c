// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "cosig_msg": the message parser and builder of the conic
 * signaling protocol (Documentation/signaling.rst, "Messages").  Each case
 * is named after the rule it checks: frames from the wire are untrusted,
 * and every malformed one is refused as a whole.
 */
#include <kunit/test.h>
#include <kunit/visibility.h>
#include <linux/skbuff.h>
#include <linux/unaligned.h>

#include "internal.h"

/* A frame under construction: header, then elements appended by hand. */
struct frame {
	u8 buf[512];
	unsigned int len;
};

static void frame_init(struct frame *f, u8 version, u8 type, u32 cref, u32 epref)
{
	struct cosig_wire_hdr *hdr = (struct cosig_wire_hdr *)f->buf;

	memset(f, 0, sizeof(*f));
	hdr->version = version;
	hdr->type = type;
	hdr->cref = cpu_to_be32(cref);
	hdr->epref = cpu_to_be32(epref);
	f->len = sizeof(*hdr);
}

static void frame_ie(struct frame *f, u16 type, const void *val, u16 len)
{
	put_unaligned_be16(type, f->buf + f->len);
	put_unaligned_be16(len, f->buf + f->len + 2);
	memcpy(f->buf + f->len + 4, val, len);
	f->len += 4 + len;
}

static void frame_ie_u32(struct frame *f, u16 type, u32 v)
{
	__be32 be = cpu_to_be32(v);

	frame_ie(f, type, &be, sizeof(be));
}

/* A zeroed frame, freed when the case ends (too big for the stack). */
static struct frame *new_frame(struct kunit *test)
{
	struct frame *f = kunit_kzalloc(test, sizeof(*f), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, f);
	return f;
}

/* Set the header's length from what was appended. */
static void frame_seal(struct frame *f)
{
	struct cosig_wire_hdr *hdr = (struct cosig_wire_hdr *)f->buf;

	hdr->length = cpu_to_be16(f->len - sizeof(*hdr));
}

/* Parse the first @len bytes of @f as one frame. */
static int parse(struct kunit *test, const struct frame *f, unsigned int len,
		 struct cosig_msg *msg)
{
	struct sk_buff *skb = alloc_skb(len + 1, GFP_KERNEL);
	int err;

	KUNIT_ASSERT_NOT_NULL(test, skb);
	skb_put_data(skb, f->buf, len);
	err = cosig_msg_parse(skb, msg);
	kfree_skb(skb);
	return err;
}

static int parse_sealed(struct kunit *test, struct frame *f, struct cosig_msg *msg)
{
	frame_seal(f);
	return parse(test, f, f->len, msg);
}

static const struct condis_flow_spec fwd = {
	.token_rate = 125000, .token_bucket_size = 3000, .peak_bandwidth = 250000,
	.latency = 1000, .delay_variation = 50, .service_type = 2,
	.max_sdu_size = 1500, .minimum_policed_size = 64,
};

static const struct condis_flow_spec bwd = {
	.token_rate = 0xffffffff, .token_bucket_size = 0xffffffff, .peak_bandwidth = 7,
	.latency = 8, .delay_variation = 9, .service_type = 10,
	.max_sdu_size = 11, .minimum_policed_size = 12,
};

/* What the builder puts in, the parser gives back, field by field. */
static void cosig_msg_built_setup_parses_back(struct kunit *test)
{
	static const u8 data[] = { 1, 2, 3, 4, 5 };
	struct condis_flow_spec traffic[2] = { fwd, bwd };
	struct cosig_out out = {
		.type = COSIG_MSG_SETUP, .cref = 0x1234, .ours = true, .epref = 7,
		.sap_name = "echo", .sap_len = 4, .vci = 40, .has_vci = true,
		.traffic = traffic, .data = data, .data_len = sizeof(data),
		.flags = COSIG_FLAG_MULTIPOINT,
	};
	struct cosig_msg msg;
	struct sk_buff *skb;

	skb = cosig_msg_build(&out);
	KUNIT_ASSERT_NOT_NULL(test, skb);
	KUNIT_EXPECT_EQ(test, cosig_msg_parse(skb, &msg), 0);
	kfree_skb(skb);
	KUNIT_EXPECT_EQ(test, msg.type, COSIG_MSG_SETUP);
	KUNIT_EXPECT_EQ(test, msg.cref, 0x1234);
	KUNIT_EXPECT_TRUE(test, msg.from_owner);
	KUNIT_EXPECT_EQ(test, msg.epref, 7);
	KUNIT_EXPECT_EQ(test, msg.sap_type, CONIC_SAP_TYPE);
	KUNIT_EXPECT_EQ(test, msg.sap_len, 4);
	KUNIT_EXPECT_EQ(test, msg.vci, 40);
	KUNIT_EXPECT_EQ(test, msg.flags, COSIG_FLAG_MULTIPOINT);
	KUNIT_EXPECT_EQ(test, msg.data_len, sizeof(data));
	KUNIT_EXPECT_EQ(test, msg.cause, 0);
	KUNIT_EXPECT_EQ(test, memcmp(&msg.traffic[0], &fwd, sizeof(fwd)), 0);
	KUNIT_EXPECT_EQ(test, memcmp(&msg.traffic[1], &bwd, sizeof(bwd)), 0);
	KUNIT_EXPECT_TRUE(test, test_bit(COSIG_IE_CALLED_SAP, &msg.has));
	KUNIT_EXPECT_TRUE(test, test_bit(COSIG_IE_VCI, &msg.has));
	KUNIT_EXPECT_TRUE(test, test_bit(COSIG_IE_TRAFFIC, &msg.has));
	KUNIT_EXPECT_FALSE(test, test_bit(COSIG_IE_CAUSE, &msg.has));
}

/* Bit 31 of the call reference is set by the side that did not allocate it. */
static void cosig_msg_cref_flag_marks_the_non_owner(struct kunit *test)
{
	struct cosig_out out = {
		.type = COSIG_MSG_RELEASE, .cref = 0x55, .ours = false,
		.cause = COSIG_CAUSE_NORMAL,
	};
	struct cosig_msg msg;
	struct sk_buff *skb;

	skb = cosig_msg_build(&out);
	KUNIT_ASSERT_NOT_NULL(test, skb);
	KUNIT_EXPECT_EQ(test, get_unaligned_be32(skb->data + 4), 0x55 | COSIG_CREF_FLAG);
	KUNIT_EXPECT_EQ(test, cosig_msg_parse(skb, &msg), 0);
	kfree_skb(skb);
	KUNIT_EXPECT_EQ(test, msg.cref, 0x55);
	KUNIT_EXPECT_FALSE(test, msg.from_owner);
	KUNIT_EXPECT_EQ(test, msg.cause, COSIG_CAUSE_NORMAL);
}

static void cosig_msg_short_frame_refused(struct kunit *test)
{
	struct cosig_msg msg;
	struct frame *f = new_frame(test);
	unsigned int len;

	frame_init(f, COSIG_VERSION, COSIG_MSG_RESTART, 0, 0);
	frame_seal(f);
	KUNIT_EXPECT_EQ(test, parse(test, f, f->len, &msg), 0);
	for (len = 0; len < sizeof(struct cosig_wire_hdr); len++)
		KUNIT_EXPECT_EQ_MSG(test, parse(test, f, len, &msg), -EINVAL, "length %u", len);
}

static void cosig_msg_wrong_version_refused(struct kunit *test)
{
	struct cosig_msg msg;
	struct frame *f = new_frame(test);

	frame_init(f, COSIG_VERSION + 1, COSIG_MSG_RESTART, 0, 0);
	KUNIT_EXPECT_EQ(test, parse_sealed(test, f, &msg), -EINVAL);
	frame_init(f, 0, COSIG_MSG_RESTART, 0, 0);
	KUNIT_EXPECT_EQ(test, parse_sealed(test, f, &msg), -EINVAL);
}

static void cosig_msg_length_field_must_match_frame(struct kunit *test)
{
	struct cosig_wire_hdr *hdr;
	struct cosig_msg msg;
	struct frame *f = new_frame(test);

	frame_init(f, COSIG_VERSION, COSIG_MSG_RELEASE, 9, 0);
	frame_ie_u32(f, COSIG_IE_CAUSE, COSIG_CAUSE_NORMAL);
	frame_seal(f);
	hdr = (struct cosig_wire_hdr *)f->buf;
	KUNIT_EXPECT_EQ(test, parse(test, f, f->len, &msg), 0);
	hdr->length = cpu_to_be16(f->len - sizeof(*hdr) + 1);	/* says more */
	KUNIT_EXPECT_EQ(test, parse(test, f, f->len, &msg), -EINVAL);
	hdr->length = cpu_to_be16(f->len - sizeof(*hdr) - 1);	/* says less */
	KUNIT_EXPECT_EQ(test, parse(test, f, f->len, &msg), -EINVAL);
	hdr->length = cpu_to_be16(0xffff);
	KUNIT_EXPECT_EQ(test, parse(test, f, f->len, &msg), -EINVAL);
}

static void cosig_msg_unknown_type_refused(struct kunit *test)
{
	static const u8 unknown[] = { 0x00, 0x01, 0x03, 0x47, 0x7e, 0x85, 0x8b, 0xff };
	struct cosig_msg msg;
	struct frame *f = new_frame(test);
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(unknown); i++) {
		frame_init(f, COSIG_VERSION, unknown[i], 1, 0);
		KUNIT_EXPECT_EQ_MSG(test, parse_sealed(test, f, &msg), -EINVAL,
				    "type %#x", unknown[i]);
	}
}

/* Reference 0 is RESTART's and RESTART ACK's; any other message with it is malformed. */
static void cosig_msg_cref_0_only_for_restart(struct kunit *test)
{
	static const u8 others[] = {
		COSIG_MSG_CALL_PROC, COSIG_MSG_SETUP, COSIG_MSG_CONNECT, COSIG_MSG_CONNECT_ACK,
		COSIG_MSG_RELEASE, COSIG_MSG_RELEASE_COMPLETE, COSIG_MSG_STATUS,
		COSIG_MSG_ADD_PARTY, COSIG_MSG_ADD_PARTY_ACK, COSIG_MSG_ADD_PARTY_REJ,
		COSIG_MSG_DROP_PARTY, COSIG_MSG_DROP_PARTY_ACK, COSIG_MSG_MODIFY_REQ,
		COSIG_MSG_MODIFY_ACK, COSIG_MSG_MODIFY_REJ,
	};
	struct cosig_msg msg;
	struct frame *f = new_frame(test);
	unsigned int i;

	frame_init(f, COSIG_VERSION, COSIG_MSG_RESTART, 0, 0);
	KUNIT_EXPECT_EQ(test, parse_sealed(test, f, &msg), 0);
	frame_init(f, COSIG_VERSION, COSIG_MSG_RESTART_ACK, 0, 0);
	KUNIT_EXPECT_EQ(test, parse_sealed(test, f, &msg), 0);
	for (i = 0; i < ARRAY_SIZE(others); i++) {
		/* The flag does not make it a reference. */
		frame_init(f, COSIG_VERSION, others[i], 0, 0);
		frame_ie_u32(f, COSIG_IE_CAUSE, COSIG_CAUSE_NORMAL);
		KUNIT_EXPECT_EQ_MSG(test, parse_sealed(test, f, &msg), -EINVAL, "type %#x",
				    others[i]);
		frame_init(f, COSIG_VERSION, others[i], COSIG_CREF_FLAG, 0);
		frame_ie_u32(f, COSIG_IE_CAUSE, COSIG_CAUSE_NORMAL);
		KUNIT_EXPECT_EQ_MSG(test, parse_sealed(test, f, &msg), -EINVAL,
				    "type %#x, flag set", others[i]);
		frame_init(f, COSIG_VERSION, others[i], 1, 0);
		frame_ie_u32(f, COSIG_IE_CAUSE, COSIG_CAUSE_NORMAL);
		KUNIT_EXPECT_EQ_MSG(test, parse_sealed(test, f, &msg), 0, "type %#x, cref 1",
				    others[i]);
	}
}

static void cosig_msg_element_overrunning_frame_refused(struct kunit *test)
{
	struct cosig_msg msg;
	struct frame *f = new_frame(test);

	/* An element head that says 8 bytes with only 4 behind it. */
	frame_init(f, COSIG_VERSION, COSIG_MSG_RELEASE, 1, 0);
	frame_ie_u32(f, COSIG_IE_USER_DATA, 0xdeadbeef);
	put_unaligned_be16(8, f->buf + sizeof(struct cosig_wire_hdr) + 2);
	KUNIT_EXPECT_EQ(test, parse_sealed(test, f, &msg), -EINVAL);

	/* A truncated element head (2 of its 4 bytes). */
	frame_init(f, COSIG_VERSION, COSIG_MSG_RELEASE, 1, 0);
	f->len += 2;
	KUNIT_EXPECT_EQ(test, parse_sealed(test, f, &msg), -EINVAL);
}

static void cosig_msg_fixed_size_element_wrong_length_refused(struct kunit *test)
{
	static const u16 fixed[] = { COSIG_IE_VCI, COSIG_IE_CAUSE, COSIG_IE_FLAGS,
				     COSIG_IE_CALL_STATE, COSIG_IE_TRAFFIC };
	static const u8 zeros[sizeof(struct cosig_wire_traffic) + 1];
	struct cosig_msg msg;
	struct frame *f = new_frame(test);
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(fixed); i++) {
		u16 good = fixed[i] == COSIG_IE_TRAFFIC ? sizeof(struct cosig_wire_traffic) : 4;

		frame_init(f, COSIG_VERSION, COSIG_MSG_STATUS, 1, 0);
		frame_ie(f, fixed[i], zeros, good);
		KUNIT_EXPECT_EQ_MSG(test, parse_sealed(test, f, &msg), 0, "element %u", fixed[i]);
		frame_init(f, COSIG_VERSION, COSIG_MSG_STATUS, 1, 0);
		frame_ie(f, fixed[i], zeros, good - 1);
		KUNIT_EXPECT_EQ_MSG(test, parse_sealed(test, f, &msg), -EINVAL,
				    "element %u short", fixed[i]);
		frame_init(f, COSIG_VERSION, COSIG_MSG_STATUS, 1, 0);
		frame_ie(f, fixed[i], zeros, good + 1);
		KUNIT_EXPECT_EQ_MSG(test, parse_sealed(test, f, &msg), -EINVAL,
				    "element %u long", fixed[i]);
	}
}

static void cosig_msg_element_twice_refused(struct kunit *test)
{
	struct cosig_msg msg;
	struct frame *f = new_frame(test);

	frame_init(f, COSIG_VERSION, COSIG_MSG_RELEASE, 1, 0);
	frame_ie_u32(f, COSIG_IE_CAUSE, COSIG_CAUSE_NORMAL);
	frame_ie_u32(f, COSIG_IE_CAUSE, COSIG_CAUSE_REJECTED);
	KUNIT_EXPECT_EQ(test, parse_sealed(test, f, &msg), -EINVAL);
}

/* Elements a newer peer may send are skipped, and change nothing. */
static void cosig_msg_unknown_element_skipped(struct kunit *test)
{
	static const u8 blob[] = { 9, 9, 9 };
	struct cosig_msg msg;
	struct frame *f = new_frame(test);

	frame_init(f, COSIG_VERSION, COSIG_MSG_RELEASE, 1, 0);
	frame_ie(f, 200, blob, sizeof(blob));
	frame_ie_u32(f, COSIG_IE_CAUSE, COSIG_CAUSE_USER_BUSY);
	frame_ie(f, 200, blob, sizeof(blob));	/* twice: still skipped */
	KUNIT_EXPECT_EQ(test, parse_sealed(test, f, &msg), 0);
	KUNIT_EXPECT_EQ(test, msg.cause, COSIG_CAUSE_USER_BUSY);
	KUNIT_EXPECT_EQ(test, msg.has, BIT(COSIG_IE_CAUSE));
}

/* A VCI is 0 (none) or a data channel, 32 to 4095. */
static void cosig_msg_vci_must_be_a_data_channel(struct kunit *test)
{
	static const struct { u32 vci; int err; } cases[] = {
		{ 0, 0 }, { 1, -EINVAL }, { CONIC_FIRST_DATA_VCI - 1, -EINVAL },
		{ CONIC_FIRST_DATA_VCI, 0 }, { CONIC_MAX_VCI, 0 },
		{ CONIC_MAX_VCI + 1, -EINVAL }, { 0xffffffff, -EINVAL },
	};
	struct cosig_msg msg;
	struct frame *f = new_frame(test);
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		frame_init(f, COSIG_VERSION, COSIG_MSG_CONNECT, 1, 0);
		frame_ie_u32(f, COSIG_IE_VCI, cases[i].vci);
		KUNIT_EXPECT_EQ_MSG(test, parse_sealed(test, f, &msg), cases[i].err,
				    "vci %u", cases[i].vci);
	}
}

/* A called SAP is a type and 1 to 32 name bytes. */
static void cosig_msg_called_sap_name_bounded(struct kunit *test)
{
	u8 sap[4 + CONIC_SAP_NAME_MAX + 1];
	struct cosig_msg msg;
	struct frame *f = new_frame(test);

	memset(sap, 'a', sizeof(sap));
	put_unaligned_be32(CONIC_SAP_TYPE, sap);
	frame_init(f, COSIG_VERSION, COSIG_MSG_SETUP, 1, 0);
	frame_ie(f, COSIG_IE_CALLED_SAP, sap, 4);
	KUNIT_EXPECT_EQ(test, parse_sealed(test, f, &msg), -EINVAL);
	frame_init(f, COSIG_VERSION, COSIG_MSG_SETUP, 1, 0);
	frame_ie(f, COSIG_IE_CALLED_SAP, sap, 5);
	KUNIT_EXPECT_EQ(test, parse_sealed(test, f, &msg), 0);
	KUNIT_EXPECT_EQ(test, msg.sap_len, 1);
	frame_init(f, COSIG_VERSION, COSIG_MSG_SETUP, 1, 0);
	frame_ie(f, COSIG_IE_CALLED_SAP, sap, 4 + CONIC_SAP_NAME_MAX);
	KUNIT_EXPECT_EQ(test, parse_sealed(test, f, &msg), 0);
	KUNIT_EXPECT_EQ(test, msg.sap_len, CONIC_SAP_NAME_MAX);
	frame_init(f, COSIG_VERSION, COSIG_MSG_SETUP, 1, 0);
	frame_ie(f, COSIG_IE_CALLED_SAP, sap, 4 + CONIC_SAP_NAME_MAX + 1);
	KUNIT_EXPECT_EQ(test, parse_sealed(test, f, &msg), -EINVAL);
}

static void cosig_msg_user_data_bounded(struct kunit *test)
{
	static const u8 data[COSIG_USER_DATA_MAX + 1];
	struct cosig_msg msg;
	struct frame *f = new_frame(test);

	frame_init(f, COSIG_VERSION, COSIG_MSG_RELEASE, 1, 0);
	frame_ie(f, COSIG_IE_USER_DATA, data, COSIG_USER_DATA_MAX);
	KUNIT_EXPECT_EQ(test, parse_sealed(test, f, &msg), 0);
	KUNIT_EXPECT_EQ(test, msg.data_len, COSIG_USER_DATA_MAX);
	frame_init(f, COSIG_VERSION, COSIG_MSG_RELEASE, 1, 0);
	frame_ie(f, COSIG_IE_USER_DATA, data, COSIG_USER_DATA_MAX + 1);
	KUNIT_EXPECT_EQ(test, parse_sealed(test, f, &msg), -EINVAL);
}

static void cosig_msg_unknown_flags_refused(struct kunit *test)
{
	struct cosig_msg msg;
	struct frame *f = new_frame(test);

	frame_init(f, COSIG_VERSION, COSIG_MSG_SETUP, 1, 0);
	frame_ie_u32(f, COSIG_IE_FLAGS, COSIG_FLAG_MULTIPOINT);
	KUNIT_EXPECT_EQ(test, parse_sealed(test, f, &msg), 0);
	frame_init(f, COSIG_VERSION, COSIG_MSG_SETUP, 1, 0);
	frame_ie_u32(f, COSIG_IE_FLAGS, COSIG_FLAG_MULTIPOINT | 0x2);
	KUNIT_EXPECT_EQ(test, parse_sealed(test, f, &msg), -EINVAL);
}

/* A frame in page fragments parses as the same frame in one buffer. */
static void cosig_msg_nonlinear_frame_parsed(struct kunit *test)
{
	struct cosig_msg msg;
	struct sk_buff *skb;
	struct page *page;
	struct frame *f = new_frame(test);
	unsigned int head = sizeof(struct cosig_wire_hdr) + 2;

	frame_init(f, COSIG_VERSION, COSIG_MSG_RELEASE, 3, 0);
	frame_ie_u32(f, COSIG_IE_CAUSE, COSIG_CAUSE_REJECTED);
	frame_seal(f);
	skb = alloc_skb(head, GFP_KERNEL);
	page = alloc_page(GFP_KERNEL);
	if (!skb || !page) {
		kfree_skb(skb);
		if (page)
			__free_page(page);
		KUNIT_FAIL(test, "no memory");
		return;
	}
	skb_put_data(skb, f->buf, head);
	memcpy(page_address(page), f->buf + head, f->len - head);
	skb_add_rx_frag(skb, 0, page, 0, f->len - head, PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, cosig_msg_parse(skb, &msg), 0);
	KUNIT_EXPECT_EQ(test, msg.cause, COSIG_CAUSE_REJECTED);
	KUNIT_EXPECT_EQ(test, msg.cref, 3);
	kfree_skb(skb);
}

/* Each local failure a client can see travels as a cause and back. */
static void cosig_msg_causes_carry_client_errors(struct kunit *test)
{
	static const int errs[] = { 0, -ECONNREFUSED, -EBUSY, -EAGAIN, -ENOLINK, -ENOSPC,
				    -ETIMEDOUT, -EINVAL };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(errs); i++)
		KUNIT_EXPECT_EQ_MSG(test, cosig_cause_to_errno(cosig_errno_to_cause(errs[i])),
				    errs[i], "errno %d", errs[i]);
	/* The rest are refusals, and causes nobody defined are protocol errors. */
	KUNIT_EXPECT_EQ(test, cosig_errno_to_cause(-ENOMEM), COSIG_CAUSE_REJECTED);
	KUNIT_EXPECT_EQ(test, cosig_cause_to_errno(COSIG_CAUSE_REJECTED), -EACCES);
	KUNIT_EXPECT_EQ(test, cosig_cause_to_errno(12345), -EPROTO);
}

static struct kunit_case cosig_msg_cases[] = {
	KUNIT_CASE(cosig_msg_built_setup_parses_back),
	KUNIT_CASE(cosig_msg_cref_flag_marks_the_non_owner),
	KUNIT_CASE(cosig_msg_short_frame_refused),
	KUNIT_CASE(cosig_msg_wrong_version_refused),
	KUNIT_CASE(cosig_msg_length_field_must_match_frame),
	KUNIT_CASE(cosig_msg_unknown_type_refused),
	KUNIT_CASE(cosig_msg_cref_0_only_for_restart),
	KUNIT_CASE(cosig_msg_element_overrunning_frame_refused),
	KUNIT_CASE(cosig_msg_fixed_size_element_wrong_length_refused),
	KUNIT_CASE(cosig_msg_element_twice_refused),
	KUNIT_CASE(cosig_msg_unknown_element_skipped),
	KUNIT_CASE(cosig_msg_vci_must_be_a_data_channel),
	KUNIT_CASE(cosig_msg_called_sap_name_bounded),
	KUNIT_CASE(cosig_msg_user_data_bounded),
	KUNIT_CASE(cosig_msg_unknown_flags_refused),
	KUNIT_CASE(cosig_msg_nonlinear_frame_parsed),
	KUNIT_CASE(cosig_msg_causes_carry_client_errors),
	{}
};

static struct kunit_suite cosig_msg_suite = {
	.name = "cosig_msg",
	.test_cases = cosig_msg_cases,
};

kunit_test_suite(cosig_msg_suite);

MODULE_DESCRIPTION("KUnit suite of the conic signaling protocol's messages");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
