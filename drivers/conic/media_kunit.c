// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "conic_media": what a plain conic port makes of the media
 * parameters a VC is activated with (Documentation/conic.rst,
 * "Activation"): conic's own channels, none at all (a call manager that
 * does not know conic: the port chooses), ATM's, or anything else
 * (refused, nothing changed).  Each case is named after its rule and runs
 * conic_vc_activate() on a port that is not registered anywhere.
 */
#include <kunit/test.h>
#include <kunit/visibility.h>

#include "conic.h"

/* Media parameters and room for any part the cases build. */
struct media_buf {
	struct condis_media_params media;
	u8 data[CONIC_ATM_MEDIA_SIZE];
};

static void xa_destroy_action(void *xa)
{
	xa_destroy(xa);
}

/*
 * A port with only what activation uses; its receive map is emptied when
 * the case ends (after its VCs, which are put first).
 */
static struct conic_port *fake_port(struct kunit *test)
{
	struct conic_port *port = kunit_kzalloc(test, sizeof(*port), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, port);
	port->link_speed = CONIC_DEFAULT_SPEED;
	spin_lock_init(&port->vc_lock);
	xa_init_flags(&port->rx_vcis, XA_FLAGS_LOCK_BH);
	spin_lock_init(&port->fault_lock);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, xa_destroy_action,
							&port->rx_vcis), 0);
	return port;
}

static void put_vc_action(void *cvc)
{
	conic_vc_deactivate(cvc);
	conic_vc_free(cvc);
}

/* A VC, deactivated and freed by put_vc() or, if a case stops, at its end. */
static struct conic_vc *fake_vc(struct kunit *test, struct conic_port *port)
{
	struct conic_vc *cvc = conic_vc_alloc(port, NULL, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, cvc);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, put_vc_action, cvc), 0);
	return cvc;
}

static void put_vc(struct kunit *test, struct conic_vc *cvc)
{
	kunit_release_action(test, put_vc_action, cvc);
}

static void set_part(struct media_buf *b, u32 type, const void *data, u32 len)
{
	memset(b, 0, sizeof(*b));
	b->media.flags = CONDIS_MEDIA_TRANSMIT_VC | CONDIS_MEDIA_RECEIVE_VC;
	b->media.specific.type = type;
	b->media.specific.len = len;
	if (data)
		memcpy(b->media.specific.data, data, len);
}

/*
 * ATM_MEDIA_PARAMETERS as a WDK call manager fills it: the whole 152 bytes
 * (tests/ndis_names/atm.c checks that struct conic_atm_media is its head).
 */
static void set_atm(struct media_buf *b, u32 vpi, u32 vci, u32 aal)
{
	struct conic_atm_media atm = { .vpi = vpi, .vci = vci, .aal_type = aal };

	set_part(b, CONIC_MEDIA_ATM, NULL, CONIC_ATM_MEDIA_SIZE);
	memcpy(b->media.specific.data, &atm, sizeof(atm));
	memset(b->media.specific.data + sizeof(atm), 0x5a, CONIC_ATM_MEDIA_SIZE - sizeof(atm));
}

static int activate(struct conic_vc *cvc, struct condis_media_params *media, u32 rate)
{
	struct condis_cm_params cm = { .transmit.token_rate = rate };
	struct condis_call_params params = { .cm = &cm, .media = media };

	return conic_vc_activate(cvc, &params);
}

static void expect_channels(struct kunit *test, struct conic_vc *cvc, u32 rx, u32 tx)
{
	KUNIT_EXPECT_TRUE(test, READ_ONCE(cvc->active));
	KUNIT_EXPECT_EQ(test, cvc->vcis.rx_vci, rx);
	KUNIT_EXPECT_EQ(test, cvc->vcis.n_tx, 1);
	KUNIT_EXPECT_EQ(test, cvc->vcis.tx_vci[0], tx);
	KUNIT_EXPECT_PTR_EQ(test, xa_load(&cvc->port->rx_vcis, rx), (void *)cvc);
}

/* conic's own part is taken as given (what cocm and cosig build). */
static void conic_media_own_part_taken_as_given(struct kunit *test)
{
	struct conic_media_vcis v = { .rx_vci = 40, .n_tx = 2, .tx_vci = { 41, 42 } };
	struct conic_port *port = fake_port(test);
	struct conic_vc *cvc = fake_vc(test, port);
	struct media_buf b;

	set_part(&b, CONIC_MEDIA_VCIS, &v, sizeof(v));
	KUNIT_ASSERT_EQ(test, activate(cvc, &b.media, 1000), 0);
	KUNIT_EXPECT_EQ(test, cvc->vcis.rx_vci, 40);
	KUNIT_EXPECT_EQ(test, cvc->vcis.n_tx, 2);
	KUNIT_EXPECT_EQ(test, cvc->vcis.tx_vci[1], 42);
	KUNIT_EXPECT_EQ(test, port->reserved, 1000);
	/* Nothing is written back into a part the caller filled. */
	KUNIT_EXPECT_EQ(test, b.media.specific.type, CONIC_MEDIA_VCIS);
	KUNIT_EXPECT_EQ(test, memcmp(b.media.specific.data, &v, sizeof(v)), 0);
	put_vc(test, cvc);
	KUNIT_EXPECT_EQ(test, port->reserved, 0);
	KUNIT_EXPECT_TRUE(test, xa_empty(&port->rx_vcis));
}

/*
 * No media-specific part (no media parameters at all, or a part of length
 * 0 whatever its type): the port takes the lowest free data channel and
 * sends on the same number; a channel freed is taken again first.
 */
static void conic_media_none_takes_lowest_free_channel_both_ways(struct kunit *test)
{
	struct conic_port *port = fake_port(test);
	struct conic_vc *a = fake_vc(test, port), *b = fake_vc(test, port);
	struct conic_vc *c = fake_vc(test, port);
	struct media_buf empty;

	KUNIT_ASSERT_EQ(test, activate(a, NULL, 0), 0);
	expect_channels(test, a, CONIC_FIRST_DATA_VCI, CONIC_FIRST_DATA_VCI);
	set_part(&empty, 0x77, NULL, 0);
	KUNIT_ASSERT_EQ(test, activate(b, &empty.media, 0), 0);
	expect_channels(test, b, CONIC_FIRST_DATA_VCI + 1, CONIC_FIRST_DATA_VCI + 1);
	/* Nothing to write into: the caller's part stays as it was. */
	KUNIT_EXPECT_EQ(test, empty.media.specific.type, 0x77);
	KUNIT_EXPECT_EQ(test, empty.media.specific.len, 0);
	conic_vc_deactivate(a);
	KUNIT_EXPECT_NULL(test, xa_load(&port->rx_vcis, CONIC_FIRST_DATA_VCI));
	KUNIT_ASSERT_EQ(test, activate(c, NULL, 0), 0);
	expect_channels(test, c, CONIC_FIRST_DATA_VCI, CONIC_FIRST_DATA_VCI);
	put_vc(test, a);
	put_vc(test, b);
	put_vc(test, c);
	KUNIT_EXPECT_TRUE(test, xa_empty(&port->rx_vcis));
}

/* A channel a VC already receives on by conic's own part is not chosen. */
static void conic_media_none_skips_channels_in_use(struct kunit *test)
{
	struct conic_media_vcis v = { .rx_vci = CONIC_FIRST_DATA_VCI, .n_tx = 1,
				      .tx_vci = { 50 } };
	struct conic_port *port = fake_port(test);
	struct conic_vc *own = fake_vc(test, port), *gen = fake_vc(test, port);
	struct media_buf b;

	set_part(&b, CONIC_MEDIA_VCIS, &v, sizeof(v));
	KUNIT_ASSERT_EQ(test, activate(own, &b.media, 0), 0);
	KUNIT_ASSERT_EQ(test, activate(gen, NULL, 0), 0);
	expect_channels(test, gen, CONIC_FIRST_DATA_VCI + 1, CONIC_FIRST_DATA_VCI + 1);
	put_vc(test, own);
	put_vc(test, gen);
}

/*
 * A re-activation (a QoS change) without a part keeps the VC's channels
 * and replaces its reservation.
 */
static void conic_media_none_reactivation_keeps_channels(struct kunit *test)
{
	struct conic_port *port = fake_port(test);
	struct conic_vc *a = fake_vc(test, port), *b = fake_vc(test, port);

	KUNIT_ASSERT_EQ(test, activate(a, NULL, 1000), 0);
	KUNIT_ASSERT_EQ(test, activate(b, NULL, 0), 0);
	conic_vc_deactivate(a);
	/* a's old channel is now the lowest free one; b keeps its own. */
	KUNIT_ASSERT_EQ(test, activate(b, NULL, 5000), 0);
	expect_channels(test, b, CONIC_FIRST_DATA_VCI + 1, CONIC_FIRST_DATA_VCI + 1);
	KUNIT_EXPECT_EQ(test, port->reserved, 5000);
	KUNIT_EXPECT_NULL(test, xa_load(&port->rx_vcis, CONIC_FIRST_DATA_VCI));
	put_vc(test, a);
	put_vc(test, b);
	KUNIT_EXPECT_EQ(test, port->reserved, 0);
}

/*
 * A part of type CONIC_MEDIA_NONE with room for struct conic_media_vcis
 * gets the chosen channels as CONIC_MEDIA_VCIS; one without room is left
 * alone and the activation still succeeds.  Re-activating with the filled
 * buffer keeps the channels.
 */
static void conic_media_none_channels_reported_where_room(struct kunit *test)
{
	struct conic_port *port = fake_port(test);
	struct conic_vc *a = fake_vc(test, port), *b = fake_vc(test, port);
	struct conic_media_vcis got;
	struct media_buf room, small;

	set_part(&room, CONIC_MEDIA_NONE, NULL, sizeof(struct conic_media_vcis) + 4);
	KUNIT_ASSERT_EQ(test, activate(a, &room.media, 0), 0);
	expect_channels(test, a, CONIC_FIRST_DATA_VCI, CONIC_FIRST_DATA_VCI);
	KUNIT_EXPECT_EQ(test, room.media.specific.type, CONIC_MEDIA_VCIS);
	KUNIT_EXPECT_EQ(test, room.media.specific.len, sizeof(got));
	memcpy(&got, room.media.specific.data, sizeof(got));
	KUNIT_EXPECT_EQ(test, got.rx_vci, CONIC_FIRST_DATA_VCI);
	KUNIT_EXPECT_EQ(test, got.n_tx, 1);
	KUNIT_EXPECT_EQ(test, got.tx_vci[0], CONIC_FIRST_DATA_VCI);
	KUNIT_ASSERT_EQ(test, activate(a, &room.media, 2000), 0);
	expect_channels(test, a, CONIC_FIRST_DATA_VCI, CONIC_FIRST_DATA_VCI);

	set_part(&small, CONIC_MEDIA_NONE, NULL, sizeof(struct conic_media_vcis) - 1);
	KUNIT_ASSERT_EQ(test, activate(b, &small.media, 0), 0);
	expect_channels(test, b, CONIC_FIRST_DATA_VCI + 1, CONIC_FIRST_DATA_VCI + 1);
	KUNIT_EXPECT_EQ(test, small.media.specific.type, CONIC_MEDIA_NONE);
	KUNIT_EXPECT_EQ(test, small.media.specific.len, sizeof(struct conic_media_vcis) - 1);
	KUNIT_EXPECT_TRUE(test, !memchr_inv(small.media.specific.data, 0, sizeof(small.data)));
	put_vc(test, a);
	put_vc(test, b);
}

/* Every data channel taken: -EADDRNOTAVAIL, and the VC stays inactive. */
static void conic_media_none_no_free_channel_refused(struct kunit *test)
{
	struct conic_port *port = fake_port(test);
	struct conic_vc *cvc = fake_vc(test, port);
	u32 vci;

	for (vci = CONIC_FIRST_DATA_VCI; vci <= CONIC_MAX_VCI; vci++)
		KUNIT_ASSERT_EQ(test, xa_insert_bh(&port->rx_vcis, vci, port, GFP_KERNEL), 0);
	KUNIT_EXPECT_EQ(test, activate(cvc, NULL, 1000), -EADDRNOTAVAIL);
	KUNIT_EXPECT_FALSE(test, READ_ONCE(cvc->active));
	KUNIT_EXPECT_EQ(test, port->reserved, 0);
	put_vc(test, cvc);
}

/*
 * ATM's media parameters, as an ATM call manager fills them: the VCI is
 * the channel both ways, and nothing is written back.
 */
static void conic_media_atm_vci_is_the_channel_both_ways(struct kunit *test)
{
	struct conic_port *port = fake_port(test);
	struct conic_vc *cvc = fake_vc(test, port), *low = fake_vc(test, port);
	struct media_buf b, before;

	set_atm(&b, 0, 100, CONIC_ATM_AAL5);
	before = b;
	KUNIT_ASSERT_EQ(test, activate(cvc, &b.media, 3000), 0);
	expect_channels(test, cvc, 100, 100);
	KUNIT_EXPECT_EQ(test, port->reserved, 3000);
	KUNIT_EXPECT_EQ(test, memcmp(&b, &before, sizeof(b)), 0);
	/* Below the first data channel too: ATM's well-known VCIs (5, 16). */
	set_atm(&b, 0, 5, CONIC_ATM_AAL5);
	KUNIT_ASSERT_EQ(test, activate(low, &b.media, 0), 0);
	expect_channels(test, low, 5, 5);
	/* A re-activation with another VCI moves the VC. */
	set_atm(&b, 0, 101, CONIC_ATM_AAL5);
	KUNIT_ASSERT_EQ(test, activate(cvc, &b.media, 3000), 0);
	expect_channels(test, cvc, 101, 101);
	KUNIT_EXPECT_NULL(test, xa_load(&port->rx_vcis, 100));
	put_vc(test, cvc);
	put_vc(test, low);
	KUNIT_EXPECT_TRUE(test, xa_empty(&port->rx_vcis));
}

/* The ATM parts conic cannot honour, as conic_media_parse() sees them. */
static void conic_media_atm_bad_parts_refused(struct kunit *test)
{
	static const struct {
		u32 vpi, vci, aal, len;
	} bad[] = {
		{ 1, 100, CONIC_ATM_AAL5, CONIC_ATM_MEDIA_SIZE },	/* another path */
		{ 0, 0, CONIC_ATM_AAL5, CONIC_ATM_MEDIA_SIZE },		/* no VCI */
		{ 0, CONIC_MAX_VCI + 1, CONIC_ATM_AAL5, CONIC_ATM_MEDIA_SIZE },
		{ 0, 100, 1, CONIC_ATM_MEDIA_SIZE },			/* AAL0 */
		{ 0, 100, 2, CONIC_ATM_MEDIA_SIZE },			/* AAL1 */
		{ 0, 100, CONIC_ATM_AAL5, sizeof(struct conic_atm_media) - 1 },
	};
	struct conic_media_vcis v;
	struct media_buf b;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		set_atm(&b, bad[i].vpi, bad[i].vci, bad[i].aal);
		b.media.specific.len = bad[i].len;
		KUNIT_EXPECT_EQ_MSG(test, conic_media_parse(&b.media, &v), -EINVAL, "case %u", i);
	}
	/* The smallest part conic reads is enough. */
	set_atm(&b, 0, CONIC_MAX_VCI, CONIC_ATM_AAL5);
	b.media.specific.len = sizeof(struct conic_atm_media);
	KUNIT_EXPECT_EQ(test, conic_media_parse(&b.media, &v), CONIC_ASK_ATM);
	KUNIT_EXPECT_EQ(test, v.rx_vci, CONIC_MAX_VCI);
}

/*
 * A part of a type conic does not know (another medium's), or a bad one of
 * conic's own or ATM's, is refused with -EINVAL and changes nothing: a
 * first activation leaves the VC inactive, a re-activation leaves its
 * channels, its reservation and the port's receive map as they were.
 */
static void conic_media_unknown_type_refused_changes_nothing(struct kunit *test)
{
	static const u8 other[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
	struct conic_media_vcis big = { .rx_vci = CONIC_MAX_VCI + 1 };
	struct conic_port *port = fake_port(test);
	struct conic_vc *cvc = fake_vc(test, port), *fresh = fake_vc(test, port);
	struct media_buf b, before;
	unsigned int i;

	KUNIT_ASSERT_EQ(test, activate(cvc, NULL, 1000), 0);
	for (i = 0; i < 4; i++) {
		switch (i) {
		case 0:
			set_part(&b, 0x77, other, sizeof(other));
			break;
		case 1:
			set_part(&b, CONIC_MEDIA_VCIS, other, sizeof(other));
			break;
		case 2:
			set_part(&b, CONIC_MEDIA_VCIS, &big, sizeof(big));
			break;
		case 3:
			set_atm(&b, 2, 40, CONIC_ATM_AAL5);
			break;
		}
		before = b;
		KUNIT_EXPECT_EQ_MSG(test, activate(cvc, &b.media, 9000), -EINVAL, "case %u", i);
		KUNIT_EXPECT_EQ_MSG(test, activate(fresh, &b.media, 0), -EINVAL, "case %u", i);
		KUNIT_EXPECT_EQ(test, memcmp(&b, &before, sizeof(b)), 0);
		expect_channels(test, cvc, CONIC_FIRST_DATA_VCI, CONIC_FIRST_DATA_VCI);
		KUNIT_EXPECT_EQ(test, cvc->reserved, 1000);
		KUNIT_EXPECT_EQ(test, port->reserved, 1000);
		KUNIT_EXPECT_FALSE(test, READ_ONCE(fresh->active));
		KUNIT_EXPECT_NULL(test, xa_load(&port->rx_vcis, CONIC_FIRST_DATA_VCI + 1));
	}
	put_vc(test, cvc);
	put_vc(test, fresh);
	KUNIT_EXPECT_TRUE(test, xa_empty(&port->rx_vcis));
}

static struct kunit_case conic_media_cases[] = {
	KUNIT_CASE(conic_media_own_part_taken_as_given),
	KUNIT_CASE(conic_media_none_takes_lowest_free_channel_both_ways),
	KUNIT_CASE(conic_media_none_skips_channels_in_use),
	KUNIT_CASE(conic_media_none_reactivation_keeps_channels),
	KUNIT_CASE(conic_media_none_channels_reported_where_room),
	KUNIT_CASE(conic_media_none_no_free_channel_refused),
	KUNIT_CASE(conic_media_atm_vci_is_the_channel_both_ways),
	KUNIT_CASE(conic_media_atm_bad_parts_refused),
	KUNIT_CASE(conic_media_unknown_type_refused_changes_nothing),
	{}
};

static struct kunit_suite conic_media_suite = {
	.name = "conic_media",
	.test_cases = conic_media_cases,
};

kunit_test_suite(conic_media_suite);

MODULE_DESCRIPTION("KUnit suite of conic's VC media parameters");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
