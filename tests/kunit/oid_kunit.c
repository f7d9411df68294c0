// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "condis_oid": CoNDIS OID requests routed to the miniport (no
 * AF), from a client to its call manager and from a call manager (CM or
 * MCM) to the client of an AF, answered at once or pended and completed
 * exactly once; CO OIDs sent the wrong way, the obsolete OID_CO_AF_CLOSE,
 * and requests on a closing AF refused.
 *
 * The fake requesters find their world through req->buf.
 */
#include <kunit/test.h>

#include "fake_roles.h"

static struct fake_world *oid_world(struct kunit *test)
{
	const enum fake_cm_kind *kind = test->param_value;
	struct fake_world *w = fake_world_new(test, *kind);

	KUNIT_ASSERT_EQ(test, fake_world_open_af(w), 0);
	return w;
}

static void oid_req(struct condis_oid_request *req, struct fake_world *w, u32 oid,
		    enum condis_oid_type type)
{
	memset(req, 0, sizeof(*req));
	req->type = type;
	req->oid = oid;
	req->buf = w;
	req->len = sizeof(*w);
}

/* The CM (stand-alone or MCM) sends @req to the client of its AF. */
static int cm_to_client(struct fake_world *w, struct condis_vc *vc,
			struct condis_oid_request *req)
{
	if (w->kind == FAKE_MCM)
		return condis_mcm_oid_request(w->cm_last_af, vc, NULL, req);
	return condis_co_oid_request(w->cm_binding, w->cm_last_af, vc, NULL, req);
}

#define OID_GEN_CO_LINK_SPEED	0x00010107

/* No AF: the miniport answers (an MCM's miniport part, for an MCM); at once, no completion. */
static void oid_without_af_reaches_miniport(struct kunit *test)
{
	struct fake_world *w = oid_world(test);
	struct condis_oid_request req;

	oid_req(&req, w, OID_GEN_CO_LINK_SPEED, CONDIS_OID_QUERY);
	KUNIT_EXPECT_EQ(test, condis_co_oid_request(w->cl_binding, NULL, NULL, NULL, &req), 0);
	FAKE_EXPECT_ONCE(test, w, "mp.oid_request 0x10107 vc=0");
	FAKE_EXPECT_NONE(test, w, "cm.oid_request");
	w->mp.oid = -EOPNOTSUPP;
	KUNIT_EXPECT_EQ(test, condis_co_oid_request(w->cl_binding, NULL, NULL, NULL, &req),
			-EOPNOTSUPP);
	fake_world_settle(w);
	FAKE_EXPECT_NONE(test, w, "cl.oid_request_complete");
}

/* A per-VC request reaches the miniport with its VC context. */
static void oid_for_vc_reaches_miniport_with_vc(struct kunit *test)
{
	struct fake_world *w = fake_world_new(test, FAKE_STANDALONE_CM);
	struct condis_oid_request req;
	struct condis_vc *vc;

	KUNIT_ASSERT_EQ(test, fake_world_open_af(w), 0);
	KUNIT_ASSERT_EQ(test, condis_co_create_vc(w->cl_binding, w->cl_af, w, &vc), 0);
	oid_req(&req, w, OID_GEN_CO_LINK_SPEED, CONDIS_OID_QUERY);
	KUNIT_EXPECT_EQ(test, condis_co_oid_request(w->cl_binding, NULL, vc, NULL, &req), 0);
	FAKE_EXPECT_ONCE(test, w, "mp.oid_request 0x10107 vc=1");
	KUNIT_EXPECT_EQ(test, condis_co_delete_vc(vc), 0);
}

/* A pended miniport request completes once to the requester, off its thread. */
static void oid_to_miniport_pended_completes_once(struct kunit *test)
{
	struct fake_world *w = oid_world(test);
	struct condis_oid_request req;

	oid_req(&req, w, OID_GEN_CO_LINK_SPEED, CONDIS_OID_QUERY);
	w->mp.oid = CONDIS_PENDING;
	KUNIT_EXPECT_EQ(test, condis_co_oid_request(w->cl_binding, NULL, NULL, NULL, &req),
			CONDIS_PENDING);
	condis_mco_oid_request_complete(w->adapter, NULL, &req, 0);
	condis_mco_oid_request_complete(w->adapter, NULL, &req, 0);	/* a buggy second one */
	fake_world_settle(w);
	FAKE_EXPECT_ONCE(test, w, "cl.oid_request_complete");
	FAKE_EXPECT_ONCE(test, w, "cl.oid_request_complete 0x10107 0 af=0");
	KUNIT_EXPECT_PTR_NE(test, fake_task(w, "cl.oid_request_complete"), current);
}

/* With its AF the client asks its call manager; a pended answer completes once. */
static void oid_client_to_call_manager(struct kunit *test)
{
	struct fake_world *w = oid_world(test);
	struct condis_oid_request req;

	oid_req(&req, w, CONDIS_OID_CO_GET_ADDRESSES, CONDIS_OID_QUERY);
	w->cm.oid = CONDIS_PENDING;
	KUNIT_EXPECT_EQ(test, condis_co_oid_request(w->cl_binding, w->cl_af, NULL, NULL, &req),
			CONDIS_PENDING);
	FAKE_EXPECT_ONCE(test, w, "cm.oid_request 0xfe000006");
	FAKE_EXPECT_NONE(test, w, "mp.oid_request");
	/* The AF cannot close under a request in flight on it. */
	KUNIT_EXPECT_EQ(test, condis_cl_close_af(w->cl_af), CONDIS_PENDING);
	fake_world_settle(w);
	FAKE_EXPECT_ONCE(test, w, "cl.close_af_complete -16");
	condis_co_oid_request_complete(w->cm_last_af, NULL, NULL, &req, -ENOSPC);
	condis_co_oid_request_complete(w->cm_last_af, NULL, NULL, &req, 0);
	fake_world_settle(w);
	FAKE_EXPECT_ONCE(test, w, "cl.oid_request_complete");
	FAKE_EXPECT_ONCE(test, w, "cl.oid_request_complete 0xfe000006 -28 af=1");
}

/* The call manager (CM or MCM) asks the client of an AF; a pended answer completes once. */
static void oid_call_manager_to_client(struct kunit *test)
{
	struct fake_world *w = oid_world(test);
	struct condis_oid_request req;

	oid_req(&req, w, CONDIS_OID_CO_ADDRESS_CHANGE, CONDIS_OID_SET);
	KUNIT_EXPECT_EQ(test, cm_to_client(w, NULL, &req), 0);
	FAKE_EXPECT_ONCE(test, w, "cl.oid_request 0xfe000007");
	w->cl_oid = CONDIS_PENDING;
	KUNIT_EXPECT_EQ(test, cm_to_client(w, NULL, &req), CONDIS_PENDING);
	condis_co_oid_request_complete(w->cl_af, NULL, NULL, &req, 0);
	fake_world_settle(w);
	FAKE_EXPECT_ONCE(test, w, "cm.oid_request_complete 0xfe000007 0");
	FAKE_EXPECT_NONE(test, w, "cl.oid_request_complete");
}

/* NDIS: the completion may come before the request call returns; still once. */
static void oid_completion_before_request_returns(struct kunit *test)
{
	struct fake_world *w = oid_world(test);
	struct condis_oid_request req, req2;

	oid_req(&req, w, CONDIS_OID_CO_GET_ADDRESSES, CONDIS_OID_QUERY);
	w->oid_complete_inline = true;
	w->cm.oid = CONDIS_PENDING;
	KUNIT_EXPECT_EQ(test, condis_co_oid_request(w->cl_binding, w->cl_af, NULL, NULL, &req),
			CONDIS_PENDING);
	/* A handler that completes and then returns a status: the completion wins. */
	oid_req(&req2, w, OID_GEN_CO_LINK_SPEED, CONDIS_OID_QUERY);
	w->mp.oid = -EIO;
	KUNIT_EXPECT_EQ(test, condis_co_oid_request(w->cl_binding, NULL, NULL, NULL, &req2),
			CONDIS_PENDING);
	w->oid_complete_inline = false;
	fake_world_settle(w);
	FAKE_EXPECT_ONCE(test, w, "cl.oid_request_complete 0xfe000006 0 af=1");
	FAKE_EXPECT_ONCE(test, w, "cl.oid_request_complete 0x10107 0 af=0");
	KUNIT_EXPECT_EQ(test, fake_count(w, "cl.oid_request_complete"), 2U);
}

/* CO OIDs go their documented way; OID_CO_AF_CLOSE is CoNDIS 5's. Nothing is sent. */
static void oid_wrong_direction_is_refused(struct kunit *test)
{
	struct fake_world *w = oid_world(test);
	struct condis_oid_request req;

	oid_req(&req, w, CONDIS_OID_CO_ADDRESS_CHANGE, CONDIS_OID_SET);
	KUNIT_EXPECT_EQ(test, condis_co_oid_request(w->cl_binding, w->cl_af, NULL, NULL, &req),
			-EINVAL);
	oid_req(&req, w, CONDIS_OID_CO_GET_ADDRESSES, CONDIS_OID_QUERY);
	KUNIT_EXPECT_EQ(test, cm_to_client(w, NULL, &req), -EINVAL);
	KUNIT_EXPECT_EQ(test, condis_co_oid_request(w->cl_binding, NULL, NULL, NULL, &req),
			-EINVAL);
	oid_req(&req, w, CONDIS_OID_CO_AF_CLOSE, CONDIS_OID_SET);
	KUNIT_EXPECT_EQ(test, cm_to_client(w, NULL, &req), -EOPNOTSUPP);
	/* Bad handles, and a completion nobody waits for. */
	KUNIT_EXPECT_EQ(test, condis_co_oid_request(NULL, NULL, NULL, NULL, &req), -EBADF);
	KUNIT_EXPECT_EQ(test, condis_co_oid_request(w->cl_binding, NULL, NULL, NULL, NULL),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, condis_mcm_oid_request(NULL, NULL, NULL, &req), -EBADF);
	condis_co_oid_request_complete(w->cl_af, NULL, NULL, &req, 0);
	condis_mco_oid_request_complete(w->adapter, NULL, &req, 0);
	fake_world_settle(w);
	FAKE_EXPECT_NONE(test, w, "cl.oid_request");
	FAKE_EXPECT_NONE(test, w, "cm.oid_request");
	FAKE_EXPECT_NONE(test, w, "mp.oid_request");
}

/*
 * A stand-alone CM must use condis_co_oid_request(); an MCM's spelling is
 * refused.  A protocol may name a VC only if it is one of its ends.
 */
static void oid_mcm_spelling_only_for_mcm(struct kunit *test)
{
	struct fake_world *w = fake_world_new(test, FAKE_STANDALONE_CM);
	struct condis_oid_request req;
	struct condis_vc *sig;

	KUNIT_ASSERT_EQ(test, fake_world_open_af(w), 0);
	oid_req(&req, w, CONDIS_OID_CO_ADDRESS_CHANGE, CONDIS_OID_SET);
	KUNIT_EXPECT_EQ(test, condis_mcm_oid_request(w->cm_last_af, NULL, NULL, &req), -EINVAL);
	FAKE_EXPECT_NONE(test, w, "cl.oid_request");
	/* The client naming the CM's signalling VC. */
	KUNIT_ASSERT_EQ(test, condis_co_create_vc(w->cm_binding, NULL, w, &sig), 0);
	oid_req(&req, w, 0x00010107, CONDIS_OID_QUERY);
	KUNIT_EXPECT_EQ(test, condis_co_oid_request(w->cl_binding, NULL, sig, NULL, &req),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, condis_co_oid_request(w->cm_binding, NULL, sig, NULL, &req), 0);
	FAKE_EXPECT_ONCE(test, w, "mp.oid_request 0x10107 vc=1");
	KUNIT_EXPECT_EQ(test, condis_co_delete_vc(sig), 0);
}

/* An AF being closed takes no more requests. */
static void oid_on_closing_af_is_refused(struct kunit *test)
{
	struct fake_world *w = oid_world(test);
	struct condis_oid_request req;

	oid_req(&req, w, CONDIS_OID_CO_ADDRESS_CHANGE, CONDIS_OID_SET);
	w->cm.close_af = CONDIS_PENDING;
	KUNIT_EXPECT_EQ(test, condis_cl_close_af(w->cl_af), CONDIS_PENDING);
	KUNIT_EXPECT_EQ(test, cm_to_client(w, NULL, &req), -ESHUTDOWN);
	FAKE_EXPECT_NONE(test, w, "cl.oid_request");
	condis_cm_close_af_complete(0, w->cm_last_af);
	fake_world_settle(w);
	FAKE_EXPECT_ONCE(test, w, "cl.close_af_complete 0");
}

static struct kunit_case condis_oid_cases[] = {
	KUNIT_CASE_PARAM(oid_without_af_reaches_miniport, fake_kind_gen_params),
	KUNIT_CASE(oid_for_vc_reaches_miniport_with_vc),
	KUNIT_CASE_PARAM(oid_to_miniport_pended_completes_once, fake_kind_gen_params),
	KUNIT_CASE_PARAM(oid_client_to_call_manager, fake_kind_gen_params),
	KUNIT_CASE_PARAM(oid_call_manager_to_client, fake_kind_gen_params),
	KUNIT_CASE_PARAM(oid_completion_before_request_returns, fake_kind_gen_params),
	KUNIT_CASE_PARAM(oid_wrong_direction_is_refused, fake_kind_gen_params),
	KUNIT_CASE(oid_mcm_spelling_only_for_mcm),
	KUNIT_CASE_PARAM(oid_on_closing_af_is_refused, fake_kind_gen_params),
	{}
};

static struct kunit_suite condis_oid_suite = {
	.name = "condis_oid",
	.test_cases = condis_oid_cases,
};

kunit_test_suite(condis_oid_suite);
