// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "condis_ndis_compat": the NDIS compat layer's own logic,
 * which lives in static inlines of include/ndis/:
 *
 * - the NDIS_STATUS <-> condis status conversion of <ndis/status.h>: the
 *   fixed pairs, the errno twins (one to one), every NDIS code Microsoft
 *   could define round-tripping unchanged, the documented exceptions;
 * - the NBL <-> skb mapping of <ndis/nbl.h>: a driver's NBL comes back
 *   from the skb condis carried even when the other driver reused that
 *   skb's cb, with its data in place or copied from an MDL chain;
 * - the statuses the NdisXxx functions of <ndis/cocalls.h> return where
 *   NDIS documents one, with condis and the fake roles under them;
 * - NdisSetOptionalHandlers(): a call-manager table of the REVISION_1 size
 *   keeps its CmNotifyCloseAfCompleteHandler.
 */
#include <kunit/test.h>
#include <linux/skbuff.h>

#include <ndis/ndis.h>

#include "fake_roles.h"

/* The fixed points and the errno twins, both ways. */
static void ndis_status_fixed_pairs(struct kunit *test)
{
	unsigned int i, j;

	KUNIT_EXPECT_EQ(test, ndis_status_to_native(NDIS_STATUS_SUCCESS), 0);
	KUNIT_EXPECT_EQ(test, ndis_status_from_native(0), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, ndis_status_to_native(NDIS_STATUS_PENDING), CONDIS_PENDING);
	KUNIT_EXPECT_EQ(test, ndis_status_from_native(CONDIS_PENDING), NDIS_STATUS_PENDING);
	for (i = 0; i < ARRAY_SIZE(ndis_status_errnos); i++) {
		const struct ndis_status_errno *e = &ndis_status_errnos[i];

		KUNIT_EXPECT_EQ(test, ndis_status_to_native(e->status), e->err);
		KUNIT_EXPECT_EQ(test, ndis_status_from_native(e->err), e->status);
		KUNIT_EXPECT_TRUE(test, e->err < 0 && e->err >= -MAX_ERRNO);
		for (j = i + 1; j < ARRAY_SIZE(ndis_status_errnos); j++) {
			KUNIT_EXPECT_NE(test, e->status, ndis_status_errnos[j].status);
			KUNIT_EXPECT_NE(test, e->err, ndis_status_errnos[j].err);
		}
	}
	/* The ones condis itself returns most. */
	KUNIT_EXPECT_EQ(test, ndis_status_from_native(-ENOMEM), NDIS_STATUS_RESOURCES);
	KUNIT_EXPECT_EQ(test, ndis_status_from_native(-EBUSY), NDIS_STATUS_NOT_ACCEPTED);
	KUNIT_EXPECT_EQ(test, ndis_status_from_native(-ESHUTDOWN), NDIS_STATUS_CLOSING);
	KUNIT_EXPECT_EQ(test, ndis_status_from_native(-EADDRINUSE), NDIS_STATUS_SAP_IN_USE);
	KUNIT_EXPECT_EQ(test, ndis_status_from_native(-EINVAL), NDIS_STATUS_INVALID_PARAMETER);
}

/* Errnos without a twin, and nonsense from a native driver, are FAILURE. */
static void ndis_status_other_errnos_are_failure(struct kunit *test)
{
	static const int others[] = { -EBADF, -EALREADY, -EEXIST, -ENOENT, -ECONNRESET,
				      -ETIMEDOUT, -ENETDOWN, -1, -MAX_ERRNO, 1, 0x7fffffff };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(others); i++)
		KUNIT_EXPECT_EQ_MSG(test, ndis_status_from_native(others[i]), NDIS_STATUS_FAILURE,
				    "native %d", others[i]);
}

/*
 * Every code without the customer bit goes from an NDIS driver through
 * condis to another NDIS driver unchanged, and never looks like success
 * or an errno to a native driver.  Swept over each severity and every
 * facility, with low words around the ones NDIS uses.
 */
static void ndis_status_codes_round_trip(struct kunit *test)
{
	static const u32 codes[] = { 0x0000, 0x0001, 0x0003, 0x0007, 0x0015, 0x0021, 0x00bb,
				     0x0103, 0x0184, 0x7fff, 0xfffe, 0xffff };
	static const u32 severities[] = { 0x00000000, 0x40000000, 0x80000000, 0xc0000000 };
	unsigned int s, c, bad = 0;
	u32 facility;

	for (s = 0; s < ARRAY_SIZE(severities); s++)
		for (facility = 0; facility < 0x1000; facility++)
			for (c = 0; c < ARRAY_SIZE(codes); c++) {
				NDIS_STATUS st = severities[s] | facility << 16 | codes[c];
				int n = ndis_status_to_native(st);

				if ((u32)st >= 0x5ffff001 && (u32)st <= 0x5fffffff)
					continue;	/* the documented exception */
				if (ndis_status_from_native(n) != st)
					bad++;
				if (st != NDIS_STATUS_SUCCESS && st != NDIS_STATUS_PENDING &&
				    n >= 0)
					bad++;
			}
	KUNIT_EXPECT_EQ(test, bad, 0U);
	/* Raw and tagged carriage, spot checks. */
	KUNIT_EXPECT_EQ(test, ndis_status_to_native(NDIS_STATUS_INVALID_DATA),
			(int)NDIS_STATUS_INVALID_DATA);
	KUNIT_EXPECT_EQ(test, (u32)ndis_status_to_native(NDIS_STATUS_CALL_ACTIVE), 0xa0010007U);
	KUNIT_EXPECT_LT(test, ndis_status_to_native(NDIS_STATUS_INDICATION_REQUIRED), -MAX_ERRNO);
}

/* What cannot be represented becomes FAILURE, as documented. */
static void ndis_status_unrepresentable_is_failure(struct kunit *test)
{
	static const u32 codes[] = { 0xe0000001, 0x20000001, 0x5fffffff, 0x5ffff001 };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(codes); i++)
		KUNIT_EXPECT_EQ_MSG(test,
				    ndis_status_from_native(ndis_status_to_native(codes[i])),
				    NDIS_STATUS_FAILURE, "code %#x", codes[i]);
	KUNIT_EXPECT_EQ(test, ndis_status_to_errno(NDIS_STATUS_INVALID_DATA), -EIO);
	KUNIT_EXPECT_EQ(test, ndis_status_to_errno(NDIS_STATUS_SAP_IN_USE), -EADDRINUSE);
	KUNIT_EXPECT_EQ(test, ndis_status_to_errno(NDIS_STATUS_SUCCESS), 0);
}

/* A pool as a protocol's driver handle would have it. */
static NDIS_HANDLE ndis_test_pool(struct kunit *test, struct ndis_object *owner, ULONG data_size)
{
	NET_BUFFER_LIST_POOL_PARAMETERS p = { };
	NDIS_HANDLE pool;

	owner->magic = NDIS_COMPAT_MAGIC;
	owner->kind = NDIS_OBJ_PROTOCOL;
	p.Header.Type = NDIS_OBJECT_TYPE_DEFAULT;
	p.Header.Revision = NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1;
	p.Header.Size = NDIS_SIZEOF_NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1;
	p.fAllocateNetBuffer = TRUE;
	p.DataSize = data_size;
	pool = NdisAllocateNetBufferListPool(owner, &p);
	KUNIT_ASSERT_NOT_NULL(test, pool);
	return pool;
}

/*
 * A pool NBL with its own data: the skb condis carries shows its data in
 * place, and leads back to the NBL whatever was written over its cb.
 */
static void ndis_nbl_own_data_survives_cb_reuse(struct kunit *test)
{
	struct ndis_object owner;
	NDIS_HANDLE pool = ndis_test_pool(test, &owner, 256);
	PNET_BUFFER_LIST nbl = NdisAllocateNetBufferList(pool, 0, 0), back;
	PNET_BUFFER nb;
	struct sk_buff *skb;
	PUCHAR data;

	KUNIT_ASSERT_NOT_NULL(test, nbl);
	nb = NET_BUFFER_LIST_FIRST_NB(nbl);
	data = MmGetSystemAddressForMdlSafe(NET_BUFFER_FIRST_MDL(nb), NormalPagePriority);
	memset(data, 0x5a, 256);
	data[10] = 0x11;
	NdisAdvanceNetBufferDataStart(nb, 10, FALSE, NULL);
	NET_BUFFER_DATA_LENGTH(nb) = 100;

	skb = ndis_nbl_to_skb(nbl);
	KUNIT_ASSERT_NOT_NULL(test, skb);
	KUNIT_EXPECT_EQ(test, skb->len, 100U);
	KUNIT_EXPECT_EQ(test, skb->data[0], 0x11);
	KUNIT_EXPECT_PTR_EQ(test, (PVOID)skb->data, (PVOID)(data + 10));	/* not copied */
	/* In flight: the NBL cannot be sent again. */
	KUNIT_EXPECT_NULL(test, ndis_nbl_to_skb(nbl));
	KUNIT_EXPECT_EQ(test, NET_BUFFER_LIST_STATUS(nbl), NDIS_STATUS_INVALID_PACKET);
	memset(skb->cb, 0xa5, sizeof(skb->cb));	/* the miniport's to use */
	back = ndis_nbl_from_skb(skb);
	KUNIT_EXPECT_PTR_EQ(test, back, nbl);
	/* Reusable once back. */
	skb = ndis_nbl_to_skb(nbl);
	KUNIT_ASSERT_NOT_NULL(test, skb);
	KUNIT_EXPECT_PTR_EQ(test, ndis_nbl_from_skb(skb), nbl);
	NdisFreeNetBufferList(nbl);
	NdisFreeNetBufferListPool(pool);
}

/* An NBL over the driver's own MDL chain is copied for the trip. */
static void ndis_nbl_mdl_chain_is_copied(struct kunit *test)
{
	struct ndis_object owner;
	NDIS_HANDLE pool = ndis_test_pool(test, &owner, 0);
	UCHAR a[8] = "abcdefgh", b[8] = "ijklmnop";
	MDL m1, m2;
	PNET_BUFFER_LIST nbl;
	struct sk_buff *skb;

	ndis_mdl_init(&m1, a, sizeof(a));
	ndis_mdl_init(&m2, b, sizeof(b));
	m1.Next = &m2;
	nbl = NdisAllocateNetBufferAndNetBufferList(pool, 0, 0, &m1, 6, 6);
	KUNIT_ASSERT_NOT_NULL(test, nbl);
	skb = ndis_nbl_to_skb(nbl);
	KUNIT_ASSERT_NOT_NULL(test, skb);
	KUNIT_EXPECT_EQ(test, skb->len, 6U);
	KUNIT_EXPECT_EQ(test, memcmp(skb->data, "ghijkl", 6), 0);
	memset(skb->cb, 0, sizeof(skb->cb));
	KUNIT_EXPECT_PTR_EQ(test, ndis_nbl_from_skb(skb), nbl);
	KUNIT_EXPECT_NULL(test, nbl->NdisCompat.skb);	/* the copy is gone */
	NdisFreeNetBufferList(nbl);
	NdisFreeNetBufferListPool(pool);
}

/* A received skb's NBL view: data in place, the skb back on unwrap. */
static void ndis_nbl_wrap_shows_skb(struct kunit *test)
{
	struct sk_buff *skb = alloc_skb(64, GFP_KERNEL);
	PNET_BUFFER_LIST nbl;
	UCHAR buf[4], *p;

	KUNIT_ASSERT_NOT_NULL(test, skb);
	memcpy(skb_put(skb, 10), "0123456789", 10);
	nbl = ndis_nbl_wrap(skb, NULL);
	KUNIT_ASSERT_NOT_NULL(test, nbl);
	KUNIT_EXPECT_EQ(test, NET_BUFFER_DATA_LENGTH(NET_BUFFER_LIST_FIRST_NB(nbl)), 10U);
	p = NdisGetDataBuffer(NET_BUFFER_LIST_FIRST_NB(nbl), 4, buf, 1, 0);
	KUNIT_EXPECT_PTR_EQ(test, (PVOID)p, (PVOID)skb->data);
	KUNIT_EXPECT_NULL(test, ndis_nbl_to_skb(nbl));	/* a view is not sent on */
	KUNIT_EXPECT_PTR_EQ(test, ndis_nbl_unwrap(nbl), skb);
	kfree_skb(skb);
}

/* A SAP the client registered, the CM answering at once. */
static struct condis_sap *ndis_test_sap(struct kunit *test, struct fake_world *w, u32 id)
{
	struct fake_sap_addr a;
	struct condis_sap *sap = NULL;

	fake_sap_addr(&a, id);
	KUNIT_ASSERT_EQ(test, condis_cl_register_sap(w->cl_af, w, &a.addr, &sap), 0);
	return sap;
}

/* The CM routes a call to SAP @id: the SAP it found (a reference) and an active VC. */
static struct condis_sap *ndis_test_route(struct kunit *test, struct fake_world *w, u32 id,
					  struct condis_vc **vc)
{
	struct fake_sap_addr a;
	struct condis_sap *sap;

	fake_sap_addr(&a, id);
	sap = condis_cm_lookup_sap(w->cm_af, &a.addr);
	KUNIT_ASSERT_NOT_NULL(test, sap);
	KUNIT_ASSERT_EQ(test, fake_cm_create_vc_for(w, condis_sap_af(sap), vc), 0);
	KUNIT_ASSERT_EQ(test, fake_cm_activate(w, *vc), 0);
	return sap;
}

/* The CM is done with a VC no call was offered on (or one refused). */
static void ndis_test_drop_vc(struct kunit *test, struct fake_world *w, struct condis_vc *vc)
{
	KUNIT_EXPECT_EQ(test, fake_cm_deactivate(w, vc), 0);
	KUNIT_EXPECT_EQ(test, fake_cm_drop_vc(w, vc), 0);
}

/*
 * NdisCmDispatchIncomingCall() on a SAP being deregistered, or on an AF
 * being closed, returns NDIS_STATUS_FAILURE, the status NDIS documents for
 * it (what the CM passes on to its ProtocolCmIncomingCallComplete), and
 * the client is not asked; a client's own rejection comes back as it is.
 */
static void ndis_dispatch_on_closing_sap_or_af_is_failure(struct kunit *test)
{
	const enum fake_cm_kind *kind = test->param_value;
	struct fake_world *w = fake_world_new(test, *kind);
	CO_CALL_PARAMETERS cp = { };
	struct condis_sap *sap7, *sap8, *csap;
	struct condis_vc *vc = NULL;

	KUNIT_ASSERT_EQ(test, fake_world_open_af(w), 0);
	sap7 = ndis_test_sap(test, w, 7);
	sap8 = ndis_test_sap(test, w, 8);

	/* An open SAP: the offer reaches the client, its rejection the CM. */
	csap = ndis_test_route(test, w, 7, &vc);
	w->cl_incoming = -EBUSY;
	KUNIT_EXPECT_EQ(test, NdisCmDispatchIncomingCall(csap, vc, &cp), NDIS_STATUS_NOT_ACCEPTED);
	FAKE_EXPECT_ONCE(test, w, "cl.incoming_call");
	ndis_test_drop_vc(test, w, vc);

	/* The client deregisters the SAP; the CM had looked it up before. */
	KUNIT_ASSERT_EQ(test, fake_cm_create_vc_for(w, condis_sap_af(csap), &vc), 0);
	KUNIT_ASSERT_EQ(test, fake_cm_activate(w, vc), 0);
	fake_world_hold_wq(w);		/* the CM's deregister_sap waits */
	KUNIT_EXPECT_EQ(test, condis_cl_deregister_sap(sap7), CONDIS_PENDING);
	KUNIT_EXPECT_EQ(test, NdisCmDispatchIncomingCall(csap, vc, &cp), NDIS_STATUS_FAILURE);
	fake_world_release_wq(w);
	fake_world_settle(w);
	condis_sap_put(csap);
	FAKE_EXPECT_ONCE(test, w, "cl.incoming_call");	/* the first offer's only */
	FAKE_EXPECT_ONCE(test, w, "cl.deregister_sap_complete 0");
	ndis_test_drop_vc(test, w, vc);

	/* The client closes the AF (refused: SAP 8 is left, but closing until completed). */
	csap = ndis_test_route(test, w, 8, &vc);
	fake_world_hold_wq(w);		/* the refused close completes from it */
	KUNIT_EXPECT_EQ(test, condis_cl_close_af(w->cl_af), CONDIS_PENDING);
	KUNIT_EXPECT_EQ(test, NdisCmDispatchIncomingCall(csap, vc, &cp), NDIS_STATUS_FAILURE);
	fake_world_release_wq(w);
	fake_world_settle(w);
	condis_sap_put(csap);
	FAKE_EXPECT_ONCE(test, w, "cl.incoming_call");
	FAKE_EXPECT_ONCE(test, w, "cl.close_af_complete -16");
	ndis_test_drop_vc(test, w, vc);

	KUNIT_EXPECT_EQ(test, condis_cl_deregister_sap(sap8), CONDIS_PENDING);
	fake_world_settle(w);
	FAKE_EXPECT_ONCE(test, w, "cl.incoming_call");
}

/* ndis.ko's call-manager trampolines (ndis/tramp.c), exported for KUnit. */
extern const struct condis_cm_ops ndis_cm_ops;

static atomic_t ndis_test_notify_close_calls;
static NDIS_HANDLE ndis_test_notify_close_ctx;
static NDIS_STATUS ndis_test_notify_close_status;

static VOID ndis_test_notify_close_af_complete(NDIS_HANDLE CallMgrAfContext, NDIS_STATUS Status)
{
	ndis_test_notify_close_ctx = CallMgrAfContext;
	ndis_test_notify_close_status = Status;
	atomic_inc(&ndis_test_notify_close_calls);
}

/*
 * A call-manager table as a WDK-built driver gives it: Header.Size the
 * WDK's REVISION_1 size (which stops before CmNotifyCloseAfCompleteHandler),
 * every handler set.  The handlers other than the one under test are never
 * called here: any non-NULL address will do.
 */
static void ndis_test_cm_table_rev1(NDIS_DRIVER_OPTIONAL_HANDLERS *h)
{
	NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS *cm = &h->CallManagerChars;
	void *any = ndis_test_notify_close_af_complete;
	size_t off;

	memset(h, 0, sizeof(*h));
	cm->Header.Type = NDIS_OBJECT_TYPE_CO_CALL_MANAGER_OPTIONAL_HANDLERS;
	cm->Header.Revision = NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS_REVISION_1;
	cm->Header.Size = NDIS_SIZEOF_CO_CALL_MANAGER_OPTIONAL_HANDLERS_REVISION_1;
	for (off = offsetof(NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS, CmCreateVcHandler);
	     off < sizeof(*cm); off += sizeof(any))
		memcpy((u8 *)cm + off, &any, sizeof(any));
	cm->CmNotifyCloseAfCompleteHandler = ndis_test_notify_close_af_complete;
}

/*
 * A call manager (stand-alone or MCM) registering its table with the
 * REVISION_1 size still has its CmNotifyCloseAfCompleteHandler called when
 * condis completes a pended notify-close, once, with its AF context and
 * the client's status.
 */
static void ndis_cm_rev1_table_notify_close_af_complete_is_called(struct kunit *test)
{
	struct ndis_protocol_driver *p;
	struct ndis_miniport_driver *m;
	NDIS_DRIVER_OPTIONAL_HANDLERS h;
	struct ndis_ctx c = { .obj = { NDIS_COMPAT_MAGIC, NDIS_OBJ_CTX } };
	int ctx;

	BUILD_BUG_ON(NDIS_SIZEOF_CO_CALL_MANAGER_OPTIONAL_HANDLERS_REVISION_1 !=
		     offsetof(NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS,
			      CmNotifyCloseAfCompleteHandler));
	p = kunit_kzalloc(test, sizeof(*p), GFP_KERNEL);
	m = kunit_kzalloc(test, sizeof(*m), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_ASSERT_NOT_NULL(test, m);
	p->obj.magic = NDIS_COMPAT_MAGIC;
	p->obj.kind = NDIS_OBJ_PROTOCOL;
	p->registering = true;
	m->obj.magic = NDIS_COMPAT_MAGIC;
	m->obj.kind = NDIS_OBJ_MINIPORT;
	m->registering = true;

	/* A stand-alone CM (a protocol driver). */
	ndis_test_cm_table_rev1(&h);
	KUNIT_ASSERT_EQ(test, NdisSetOptionalHandlers(p, &h), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_TRUE(test, p->has_cm);
	atomic_set(&ndis_test_notify_close_calls, 0);
	c.driver = &p->obj;
	c.context = &ctx;
	ndis_cm_ops.notify_close_af_complete(&c, 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&ndis_test_notify_close_calls), 1);
	KUNIT_EXPECT_PTR_EQ(test, ndis_test_notify_close_ctx, (NDIS_HANDLE)&ctx);
	KUNIT_EXPECT_EQ(test, ndis_test_notify_close_status, NDIS_STATUS_SUCCESS);

	/* An MCM (a miniport driver), the client's failure passed on. */
	ndis_test_cm_table_rev1(&h);
	KUNIT_ASSERT_EQ(test, NdisSetOptionalHandlers(m, &h), NDIS_STATUS_SUCCESS);
	KUNIT_EXPECT_TRUE(test, m->has_cm);
	atomic_set(&ndis_test_notify_close_calls, 0);
	ndis_test_notify_close_ctx = NULL;
	c.driver = &m->obj;
	ndis_cm_ops.notify_close_af_complete(&c, -EBUSY);
	KUNIT_EXPECT_EQ(test, atomic_read(&ndis_test_notify_close_calls), 1);
	KUNIT_EXPECT_PTR_EQ(test, ndis_test_notify_close_ctx, (NDIS_HANDLE)&ctx);
	KUNIT_EXPECT_EQ(test, ndis_test_notify_close_status, NDIS_STATUS_NOT_ACCEPTED);
}

/* NDIS 6 requires CmNotifyCloseAfCompleteHandler: a table without it is refused. */
static void ndis_cm_table_without_notify_close_af_complete_is_refused(struct kunit *test)
{
	struct ndis_protocol_driver *p = kunit_kzalloc(test, sizeof(*p), GFP_KERNEL);
	NDIS_DRIVER_OPTIONAL_HANDLERS h;

	KUNIT_ASSERT_NOT_NULL(test, p);
	p->obj.magic = NDIS_COMPAT_MAGIC;
	p->obj.kind = NDIS_OBJ_PROTOCOL;
	p->registering = true;
	ndis_test_cm_table_rev1(&h);
	h.CallManagerChars.CmNotifyCloseAfCompleteHandler = NULL;
	KUNIT_EXPECT_EQ(test, NdisSetOptionalHandlers(p, &h), NDIS_STATUS_BAD_CHARACTERISTICS);
	h.CallManagerChars.Header.Size = sizeof(h.CallManagerChars);
	KUNIT_EXPECT_EQ(test, NdisSetOptionalHandlers(p, &h), NDIS_STATUS_BAD_CHARACTERISTICS);
	KUNIT_EXPECT_FALSE(test, p->has_cm);
	/* Below the REVISION_1 size, even with every handler set. */
	ndis_test_cm_table_rev1(&h);
	h.CallManagerChars.Header.Size--;
	KUNIT_EXPECT_EQ(test, NdisSetOptionalHandlers(p, &h), NDIS_STATUS_BAD_CHARACTERISTICS);
	KUNIT_EXPECT_FALSE(test, p->has_cm);
}

static struct kunit_case ndis_compat_cases[] = {
	KUNIT_CASE(ndis_status_fixed_pairs),
	KUNIT_CASE(ndis_status_other_errnos_are_failure),
	KUNIT_CASE(ndis_status_codes_round_trip),
	KUNIT_CASE(ndis_status_unrepresentable_is_failure),
	KUNIT_CASE(ndis_nbl_own_data_survives_cb_reuse),
	KUNIT_CASE(ndis_nbl_mdl_chain_is_copied),
	KUNIT_CASE(ndis_nbl_wrap_shows_skb),
	KUNIT_CASE_PARAM(ndis_dispatch_on_closing_sap_or_af_is_failure, fake_kind_gen_params),
	KUNIT_CASE(ndis_cm_rev1_table_notify_close_af_complete_is_called),
	KUNIT_CASE(ndis_cm_table_without_notify_close_af_complete_is_refused),
	{}
};

static struct kunit_suite ndis_compat_suite = {
	.name = "condis_ndis_compat",
	.test_cases = ndis_compat_cases,
};

kunit_test_suite(ndis_compat_suite);
