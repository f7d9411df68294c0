// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "condis_call": point-to-point calls, outgoing and incoming,
 * closed by the client or by the network, with the crossings NDIS leaves
 * open, for a stand-alone call manager and for an MCM.  Every completion is
 * checked to arrive exactly once and in order.
 */
#include <kunit/test.h>

#include "fake_roles.h"
#include "objects.h"

static struct condis_call_params call_params;

static struct fake_world *call_world(struct kunit *test)
{
	const enum fake_cm_kind *kind = test->param_value;
	struct fake_world *w = fake_world_new(test, *kind);

	KUNIT_ASSERT_EQ(test, fake_world_open_af(w), 0);
	call_params.flags = 0;
	return w;
}

/* A client VC for an outgoing call; w->cl_vc. */
static struct condis_vc *client_vc(struct kunit *test, struct fake_world *w)
{
	KUNIT_ASSERT_EQ(test, condis_co_create_vc(w->cl_binding, w->cl_af, w, &w->cl_vc), 0);
	return w->cl_vc;
}

/* A registered SAP (the CM answering at once). */
static struct condis_sap *registered_sap(struct kunit *test, struct fake_world *w, u32 id)
{
	struct fake_sap_addr a;
	struct condis_sap *sap = NULL;

	fake_sap_addr(&a, id);
	KUNIT_ASSERT_EQ(test, condis_cl_register_sap(w->cl_af, w, &a.addr, &sap), 0);
	return sap;
}

/* The CM routes a call to @id: looks the SAP up, creates and activates a VC. */
static struct condis_sap *route(struct kunit *test, struct fake_world *w, u32 id)
{
	struct fake_sap_addr a;
	struct condis_sap *sap;

	fake_sap_addr(&a, id);
	sap = condis_cm_lookup_sap(w->cm_af, &a.addr);
	KUNIT_ASSERT_NOT_NULL(test, sap);
	KUNIT_ASSERT_EQ(test, fake_cm_create_vc_for(w, condis_sap_af(sap), &w->cl_vc), 0);
	KUNIT_ASSERT_EQ(test, fake_cm_activate(w, w->cl_vc), 0);
	return sap;
}

/* The CM routes a call to SAP @id and offers it: the dispatch's result must be @want. */
static struct condis_vc *offer(struct kunit *test, struct fake_world *w, u32 id, int want)
{
	struct condis_sap *csap = route(test, w, id);

	KUNIT_EXPECT_EQ(test, condis_cm_dispatch_incoming_call(csap, w->cl_vc, &call_params), want);
	condis_sap_put(csap);
	return w->cl_vc;
}

/* The CM's side of ending an incoming call: deactivate (if active) and delete. */
static void cm_end_incoming(struct kunit *test, struct fake_world *w, struct condis_vc *vc)
{
	fake_cm_deactivate(w, vc);
	KUNIT_EXPECT_EQ(test, fake_cm_drop_vc(w, vc), 0);
}

static void deregister(struct kunit *test, struct fake_world *w, struct condis_sap *sap)
{
	KUNIT_EXPECT_EQ(test, condis_cl_deregister_sap(sap), CONDIS_PENDING);
	fake_world_settle(w);
}

/* Outgoing call, CM answering at once: connected on return, no completion. */
static void call_make_synchronous_returns_result_without_completion(struct kunit *test)
{
	struct fake_world *w = call_world(test);
	struct condis_vc *vc = client_vc(test, w);

	KUNIT_EXPECT_EQ(test, condis_cl_make_call(vc, &call_params, NULL, NULL), 0);
	FAKE_EXPECT_ONCE(test, w, "cm.make_call");
	KUNIT_EXPECT_PTR_EQ(test, w->cm_params, &call_params);
	/* A connected call keeps its VC: neither a second call nor a delete. */
	KUNIT_EXPECT_EQ(test, condis_cl_make_call(vc, &call_params, NULL, NULL), -EBUSY);
	KUNIT_EXPECT_EQ(test, condis_co_delete_vc(vc), -EBUSY);

	KUNIT_EXPECT_EQ(test, condis_cl_close_call(vc, NULL, NULL, 0), 0);
	FAKE_EXPECT_ONCE(test, w, "cm.close_call");
	fake_world_settle(w);
	FAKE_EXPECT_NONE(test, w, "cl.make_call_complete");
	FAKE_EXPECT_NONE(test, w, "cl.close_call_complete");
	KUNIT_EXPECT_EQ(test, condis_co_delete_vc(vc), 0);
	FAKE_EXPECT_ONCE(test, w, "cm.delete_vc");
}

/*
 * A pended make-call completes once, on the workqueue, with the CM's
 * changed parameters; meanwhile close and delete are refused.
 */
static void call_make_pended_completes_once_with_changed_params(struct kunit *test)
{
	struct fake_world *w = call_world(test);
	struct condis_vc *vc = client_vc(test, w);

	w->cm.make_call = CONDIS_PENDING;
	KUNIT_EXPECT_EQ(test, condis_cl_make_call(vc, &call_params, NULL, NULL), CONDIS_PENDING);
	/* Decision: no close while the make-call is pending; no delete either. */
	KUNIT_EXPECT_EQ(test, condis_cl_close_call(vc, NULL, NULL, 0), -EBUSY);
	KUNIT_EXPECT_EQ(test, condis_co_delete_vc(vc), -EBUSY);
	FAKE_EXPECT_NONE(test, w, "cm.close_call");

	KUNIT_EXPECT_EQ(test, fake_cm_activate(w, vc), 0);
	w->cm_params->flags |= CONDIS_CALL_PARAMETERS_CHANGED;
	condis_cm_make_call_complete(0, vc, NULL, w->cm_params);
	condis_cm_make_call_complete(0, vc, NULL, w->cm_params);	/* a buggy second one */
	fake_world_settle(w);
	FAKE_EXPECT_ONCE(test, w, "cl.make_call_complete");
	FAKE_EXPECT_ONCE(test, w, "cl.make_call_complete 0");
	KUNIT_EXPECT_PTR_NE(test, fake_task(w, "cl.make_call_complete"), current);
	KUNIT_EXPECT_PTR_EQ(test, w->cl_params, &call_params);
	KUNIT_EXPECT_TRUE(test, call_params.flags & CONDIS_CALL_PARAMETERS_CHANGED);

	w->cm.close_call = 0;
	KUNIT_EXPECT_EQ(test, condis_cl_close_call(vc, NULL, NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, condis_co_delete_vc(vc), 0);
}

/* NDIS: a CM reports success only after activating the VC. */
static void call_make_success_requires_active_vc(struct kunit *test)
{
	struct fake_world *w = call_world(test);
	struct condis_vc *vc = client_vc(test, w);

	w->cm.make_call = CONDIS_PENDING;
	KUNIT_EXPECT_EQ(test, condis_cl_make_call(vc, &call_params, NULL, NULL), CONDIS_PENDING);
	condis_cm_make_call_complete(0, vc, NULL, NULL);	/* never activated */
	fake_world_settle(w);
	FAKE_EXPECT_ONCE(test, w, "cl.make_call_complete -71");	/* -EPROTO */
	/* The call did not happen: the client may delete its VC. */
	KUNIT_EXPECT_EQ(test, condis_cl_close_call(vc, NULL, NULL, 0), -ENOTCONN);
	KUNIT_EXPECT_EQ(test, condis_co_delete_vc(vc), 0);
}

/* A failed make-call completes once; the client then deletes or reuses its VC. */
static void call_make_failure_leaves_vc_to_client(struct kunit *test)
{
	struct fake_world *w = call_world(test);
	struct condis_vc *vc = client_vc(test, w);

	w->cm.make_call = CONDIS_PENDING;
	KUNIT_EXPECT_EQ(test, condis_cl_make_call(vc, &call_params, NULL, NULL), CONDIS_PENDING);
	condis_cm_make_call_complete(-ECONNREFUSED, vc, NULL, NULL);
	fake_world_settle(w);
	FAKE_EXPECT_ONCE(test, w, "cl.make_call_complete -111");
	/* Reuse: the same VC takes a new call, which the CM now refuses at once. */
	w->cm.make_call = -EHOSTUNREACH;
	KUNIT_EXPECT_EQ(test, condis_cl_make_call(vc, &call_params, NULL, NULL), -EHOSTUNREACH);
	FAKE_EXPECT_ONCE(test, w, "cl.make_call_complete");
	KUNIT_EXPECT_EQ(test, condis_co_delete_vc(vc), 0);
	FAKE_EXPECT_ONCE(test, w, "cm.delete_vc");
}

/* A pended close completes once; a second close meanwhile is refused. */
static void call_close_pended_completes_once(struct kunit *test)
{
	struct fake_world *w = call_world(test);
	struct condis_vc *vc = client_vc(test, w);

	KUNIT_ASSERT_EQ(test, condis_cl_make_call(vc, &call_params, NULL, NULL), 0);
	w->cm.close_call = CONDIS_PENDING;
	KUNIT_EXPECT_EQ(test, condis_cl_close_call(vc, NULL, NULL, 0), CONDIS_PENDING);
	KUNIT_EXPECT_EQ(test, condis_cl_close_call(vc, NULL, NULL, 0), -EALREADY);
	KUNIT_EXPECT_EQ(test, condis_co_delete_vc(vc), -EBUSY);
	FAKE_EXPECT_ONCE(test, w, "cm.close_call");
	/* Deactivate, then complete: NDIS's order. */
	KUNIT_EXPECT_EQ(test, fake_cm_deactivate(w, vc), 0);
	condis_cm_close_call_complete(0, vc);
	condis_cm_close_call_complete(0, vc);
	fake_world_settle(w);
	FAKE_EXPECT_ONCE(test, w, "cl.close_call_complete");
	FAKE_EXPECT_ONCE(test, w, "cl.close_call_complete 0");
	KUNIT_EXPECT_PTR_NE(test, fake_task(w, "cl.close_call_complete"), current);
	/* Decision: the creator may reuse a VC after an orderly close. */
	w->cm.close_call = 0;
	KUNIT_EXPECT_EQ(test, condis_cl_make_call(vc, &call_params, NULL, NULL), 0);
	KUNIT_EXPECT_EQ(test, condis_cl_close_call(vc, NULL, NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, condis_co_delete_vc(vc), 0);
}

/* A close reported as successful while the VC is still active is refused. */
static void call_close_success_requires_deactivated_vc(struct kunit *test)
{
	struct fake_world *w = call_world(test);
	struct condis_vc *vc = client_vc(test, w);

	KUNIT_ASSERT_EQ(test, condis_cl_make_call(vc, &call_params, NULL, NULL), 0);
	w->cm.close_call = CONDIS_PENDING;
	KUNIT_EXPECT_EQ(test, condis_cl_close_call(vc, NULL, NULL, 0), CONDIS_PENDING);
	condis_cm_close_call_complete(0, vc);	/* without deactivating */
	fake_world_settle(w);
	FAKE_EXPECT_ONCE(test, w, "cl.close_call_complete -71");
	/* The call is still up, and closes properly the second time. */
	KUNIT_EXPECT_EQ(test, condis_cl_make_call(vc, &call_params, NULL, NULL), -EBUSY);
	w->cm.close_call = 0;
	KUNIT_EXPECT_EQ(test, condis_cl_close_call(vc, NULL, NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, condis_co_delete_vc(vc), 0);
}

/* Incoming call: VC created for the client, offered, accepted, connected. */
static void call_incoming_accepted_then_connected(struct kunit *test)
{
	struct fake_world *w = call_world(test);
	struct condis_sap *sap = registered_sap(test, w, 7);
	struct condis_vc *vc = offer(test, w, 7, 0);

	FAKE_EXPECT_BEFORE(test, w, "cl.create_vc", "cl.incoming_call");
	KUNIT_EXPECT_PTR_EQ(test, w->cl_params, &call_params);
	/* Accepted but not connected: no second offer, no delete. */
	KUNIT_EXPECT_EQ(test, condis_cm_dispatch_incoming_call(sap, vc, &call_params), -EBUSY);
	KUNIT_EXPECT_EQ(test, fake_cm_drop_vc(w, vc), -EBUSY);
	KUNIT_EXPECT_EQ(test, condis_cm_dispatch_call_connected(vc), 0);
	KUNIT_EXPECT_EQ(test, condis_cm_dispatch_call_connected(vc), -EINVAL);
	FAKE_EXPECT_ONCE(test, w, "cl.call_connected");
	FAKE_EXPECT_NONE(test, w, "cm.incoming_call_complete");	/* answered at once */

	/* The client closes; the CM deactivates and deletes its VC. */
	KUNIT_EXPECT_EQ(test, condis_cl_close_call(vc, NULL, NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, fake_cm_drop_vc(w, vc), 0);
	FAKE_EXPECT_BEFORE(test, w, "cm.close_call", "cl.delete_vc");
	deregister(test, w, sap);
}

/*
 * NDIS: once the CM has completed the close of a call on a VC it created,
 * it deletes the VC.  That deletion succeeds even while the client's
 * close_call_complete is still undelivered, and the client hears of the
 * close before its VC goes.
 */
static void call_cm_deletes_its_vc_right_after_completing_close(struct kunit *test)
{
	struct fake_world *w = call_world(test);
	struct condis_sap *sap = registered_sap(test, w, 7);
	struct condis_vc *vc = offer(test, w, 7, 0);

	KUNIT_EXPECT_EQ(test, condis_cm_dispatch_call_connected(vc), 0);
	w->cm.close_call = CONDIS_PENDING;
	KUNIT_EXPECT_EQ(test, condis_cl_close_call(vc, NULL, NULL, 0), CONDIS_PENDING);
	fake_world_hold_wq(w);
	KUNIT_EXPECT_EQ(test, fake_cm_deactivate(w, vc), 0);
	condis_cm_close_call_complete(0, vc);
	KUNIT_EXPECT_EQ(test, fake_cm_drop_vc(w, vc), 0);
	FAKE_EXPECT_NONE(test, w, "cl.delete_vc");	/* not before the client knows */
	KUNIT_EXPECT_EQ(test, fake_cm_drop_vc(w, vc), -EBADF);	/* deleted already */
	KUNIT_EXPECT_EQ(test, condis_cm_dispatch_call_connected(vc), -EBADF);
	fake_world_release_wq(w);
	fake_world_settle(w);
	FAKE_EXPECT_ONCE(test, w, "cl.close_call_complete 0");
	FAKE_EXPECT_ONCE(test, w, "cl.delete_vc");
	FAKE_EXPECT_BEFORE(test, w, "cl.close_call_complete", "cl.delete_vc");
	if (w->kind == FAKE_STANDALONE_CM)
		FAKE_EXPECT_BEFORE(test, w, "cl.close_call_complete", "mp.delete_vc");
	deregister(test, w, sap);
}

/* A rejected offer leaves no call; the CM deactivates and deletes the VC. */
static void call_incoming_rejected_synchronously(struct kunit *test)
{
	struct fake_world *w = call_world(test);
	struct condis_sap *sap = registered_sap(test, w, 7), *csap;

	csap = route(test, w, 7);
	w->cl_incoming = -ECONNREFUSED;
	KUNIT_EXPECT_EQ(test, condis_cm_dispatch_incoming_call(csap, w->cl_vc, &call_params),
			-ECONNREFUSED);
	condis_sap_put(csap);
	KUNIT_EXPECT_EQ(test, condis_cm_dispatch_call_connected(w->cl_vc), -EINVAL);
	KUNIT_EXPECT_EQ(test, condis_cl_close_call(w->cl_vc, NULL, NULL, 0), -ENOTCONN);
	cm_end_incoming(test, w, w->cl_vc);
	FAKE_EXPECT_ONCE(test, w, "cl.delete_vc");
	deregister(test, w, sap);
}

/* A pended answer reaches the CM once, from the workqueue. */
static void call_incoming_pended_answer_completes_once(struct kunit *test)
{
	struct fake_world *w = call_world(test);
	struct condis_sap *sap = registered_sap(test, w, 7);
	struct condis_vc *vc;

	w->cl_incoming = CONDIS_PENDING;
	vc = offer(test, w, 7, CONDIS_PENDING);
	/* Until the client answers: no connect, no close from either side. */
	KUNIT_EXPECT_EQ(test, condis_cm_dispatch_call_connected(vc), -EINVAL);
	KUNIT_EXPECT_EQ(test, condis_cl_close_call(vc, NULL, NULL, 0), -EBUSY);
	KUNIT_EXPECT_EQ(test, condis_cm_dispatch_incoming_close_call(0, vc, NULL, 0), -EBUSY);
	FAKE_EXPECT_NONE(test, w, "cl.incoming_close_call");

	call_params.flags |= CONDIS_CALL_PARAMETERS_CHANGED;
	condis_cl_incoming_call_complete(0, vc, &call_params);
	condis_cl_incoming_call_complete(-EIO, vc, &call_params);	/* a buggy second one */
	fake_world_settle(w);
	FAKE_EXPECT_ONCE(test, w, "cm.incoming_call_complete");
	FAKE_EXPECT_ONCE(test, w, "cm.incoming_call_complete 0");
	KUNIT_EXPECT_PTR_NE(test, fake_task(w, "cm.incoming_call_complete"), current);
	KUNIT_EXPECT_TRUE(test, w->cm_params->flags & CONDIS_CALL_PARAMETERS_CHANGED);
	KUNIT_EXPECT_EQ(test, condis_cm_dispatch_call_connected(vc), 0);
	FAKE_EXPECT_BEFORE(test, w, "cm.incoming_call_complete", "cl.call_connected");

	KUNIT_EXPECT_EQ(test, condis_cl_close_call(vc, NULL, NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, fake_cm_drop_vc(w, vc), 0);
	deregister(test, w, sap);
}

/* A pended rejection also reaches the CM once; the call is gone. */
static void call_incoming_pended_rejection_completes_once(struct kunit *test)
{
	struct fake_world *w = call_world(test);
	struct condis_sap *sap = registered_sap(test, w, 7), *csap;

	csap = route(test, w, 7);
	w->cl_incoming = CONDIS_PENDING;
	KUNIT_EXPECT_EQ(test, condis_cm_dispatch_incoming_call(csap, w->cl_vc, &call_params),
			CONDIS_PENDING);
	condis_sap_put(csap);
	condis_cl_incoming_call_complete(-ENOMEM, w->cl_vc, NULL);
	fake_world_settle(w);
	FAKE_EXPECT_ONCE(test, w, "cm.incoming_call_complete -12");
	KUNIT_EXPECT_PTR_EQ(test, w->cm_params, &call_params);	/* the CM's own buffer */
	KUNIT_EXPECT_EQ(test, condis_cm_dispatch_call_connected(w->cl_vc), -EINVAL);
	cm_end_incoming(test, w, w->cl_vc);
	deregister(test, w, sap);
}

/* §7.1 rule 1: an incoming call may arrive before the SAP's registration completes. */
static void call_incoming_before_sap_registration_completes(struct kunit *test)
{
	struct fake_world *w = call_world(test);
	struct condis_sap *sap = NULL, *csap;
	struct fake_sap_addr a;

	fake_sap_addr(&a, 9);
	w->cm.register_sap = CONDIS_PENDING;
	KUNIT_ASSERT_EQ(test, condis_cl_register_sap(w->cl_af, w, &a.addr, &sap),
			CONDIS_PENDING);
	csap = route(test, w, 9);
	KUNIT_EXPECT_EQ(test, condis_cm_dispatch_incoming_call(csap, w->cl_vc, &call_params), 0);
	condis_sap_put(csap);
	condis_cm_register_sap_complete(0, w->cm_last_sap, w->cm_last_sap_ctx);
	fake_world_settle(w);
	FAKE_EXPECT_BEFORE(test, w, "cl.incoming_call", "cl.register_sap_complete 0");
	KUNIT_EXPECT_EQ(test, condis_cm_dispatch_call_connected(w->cl_vc), 0);
	KUNIT_EXPECT_EQ(test, condis_cl_close_call(w->cl_vc, NULL, NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, fake_cm_drop_vc(w, w->cl_vc), 0);
	deregister(test, w, sap);
}

/*
 * §7.1 rule 3: a dispatch on a SAP being deregistered fails with NDIS's
 * FAILURE (-ESHUTDOWN) and the client is not asked.  The CM looked the SAP
 * up before the client deregistered it.
 */
static void call_dispatch_on_deregistering_sap_fails(struct kunit *test)
{
	struct fake_world *w = call_world(test);
	struct condis_sap *sap = registered_sap(test, w, 7), *csap;

	csap = route(test, w, 7);
	fake_world_hold_wq(w);		/* the CM's deregister_sap waits */
	KUNIT_EXPECT_EQ(test, condis_cl_deregister_sap(sap), CONDIS_PENDING);
	KUNIT_EXPECT_EQ(test, condis_cm_dispatch_incoming_call(csap, w->cl_vc, &call_params),
			-ESHUTDOWN);
	condis_sap_put(csap);
	fake_world_release_wq(w);
	fake_world_settle(w);
	FAKE_EXPECT_NONE(test, w, "cl.incoming_call");
	FAKE_EXPECT_ONCE(test, w, "cl.deregister_sap_complete 0");
	/* The VC is the CM's to drop. */
	cm_end_incoming(test, w, w->cl_vc);
	FAKE_EXPECT_ONCE(test, w, "cl.delete_vc");
}

/*
 * Seed rule 5: deregistering a SAP leaves an incoming call already received
 * on it, and its VC, working: the call connects, closes from the network
 * and from the client, and the VC is deleted normally.
 */
static void sap_deregistration_leaves_received_call_and_vc_working(struct kunit *test)
{
	struct fake_world *w = call_world(test);
	struct condis_sap *sap = registered_sap(test, w, 7), *csap;
	struct condis_vc *vc;

	csap = route(test, w, 7);
	vc = w->cl_vc;
	w->cl_incoming = CONDIS_PENDING;
	KUNIT_ASSERT_EQ(test, condis_cm_dispatch_incoming_call(csap, vc, &call_params),
			CONDIS_PENDING);
	condis_sap_put(csap);

	deregister(test, w, sap);
	FAKE_EXPECT_ONCE(test, w, "cm.deregister_sap");
	FAKE_EXPECT_ONCE(test, w, "cl.deregister_sap_complete 0");

	/* The offer is still answered, connected, closed by both sides. */
	condis_cl_incoming_call_complete(0, vc, NULL);
	fake_world_settle(w);
	FAKE_EXPECT_ONCE(test, w, "cm.incoming_call_complete 0");
	KUNIT_EXPECT_EQ(test, condis_cm_dispatch_call_connected(vc), 0);
	/* Its VC still re-activates with new parameters. */
	KUNIT_EXPECT_EQ(test, fake_cm_activate(w, vc), 0);
	w->cl_close_on_remote_close = true;
	KUNIT_EXPECT_EQ(test, condis_cm_dispatch_incoming_close_call(0, vc, NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, w->cl_close_ret, 0);
	FAKE_EXPECT_BEFORE(test, w, "cl.deregister_sap_complete", "cl.call_connected");
	FAKE_EXPECT_BEFORE(test, w, "cl.incoming_close_call 0", "cm.close_call");
	KUNIT_EXPECT_EQ(test, fake_cm_drop_vc(w, vc), 0);
	FAKE_EXPECT_ONCE(test, w, "cl.delete_vc");
	/* With the SAP and the VC gone the AF closes. */
	KUNIT_EXPECT_EQ(test, condis_cl_close_af(w->cl_af), CONDIS_PENDING);
	fake_world_settle(w);
	FAKE_EXPECT_ONCE(test, w, "cl.close_af_complete 0");
}

/*
 * A client that deregisters a SAP inside incoming_call for it hears of the
 * deregistration only after incoming_call returns (it may then free the
 * SAP's context the offer was given).
 */
static void sap_deregister_complete_waits_for_incoming_call(struct kunit *test)
{
	struct fake_world *w = call_world(test);
	struct condis_sap *sap = registered_sap(test, w, 7), *csap;

	csap = route(test, w, 7);
	w->cl_dereg_in_offer = sap;
	KUNIT_EXPECT_EQ(test, condis_cm_dispatch_incoming_call(csap, w->cl_vc, &call_params), 0);
	condis_sap_put(csap);
	fake_world_settle(w);
	FAKE_EXPECT_ONCE(test, w, "cl.deregister_sap -115");
	FAKE_EXPECT_ONCE(test, w, "cl.deregister_sap_complete 0");
	FAKE_EXPECT_BEFORE(test, w, "cl.incoming_call returns", "cl.deregister_sap_complete");
	/* And the call goes on. */
	KUNIT_EXPECT_EQ(test, condis_cm_dispatch_call_connected(w->cl_vc), 0);
	KUNIT_EXPECT_EQ(test, condis_cl_close_call(w->cl_vc, NULL, NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, fake_cm_drop_vc(w, w->cl_vc), 0);
}

/* An incoming close of a connected outgoing call; the client closes in its handler. */
static void call_incoming_close_of_connected_call(struct kunit *test)
{
	struct fake_world *w = call_world(test);
	struct condis_vc *vc = client_vc(test, w);

	KUNIT_ASSERT_EQ(test, condis_cl_make_call(vc, &call_params, NULL, NULL), 0);
	w->cl_close_on_remote_close = true;
	KUNIT_EXPECT_EQ(test, condis_cm_dispatch_incoming_close_call(0, vc, NULL, 0), 0);
	FAKE_EXPECT_ONCE(test, w, "cl.incoming_close_call 0");
	FAKE_EXPECT_BEFORE(test, w, "cl.incoming_close_call", "cm.close_call");
	KUNIT_EXPECT_EQ(test, w->cl_close_ret, 0);
	/* The call is closed; an orderly release lets the client reuse its VC. */
	KUNIT_EXPECT_EQ(test, condis_cm_dispatch_incoming_close_call(0, vc, NULL, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, condis_cl_make_call(vc, &call_params, NULL, NULL), 0);
	w->cl_close_on_remote_close = false;
	KUNIT_EXPECT_EQ(test, condis_cl_close_call(vc, NULL, NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, condis_co_delete_vc(vc), 0);
}

/*
 * NDIS: an incoming close may target an offered call the client accepted
 * but that is not connected yet (the peer gave up, or the client's changed
 * parameters were refused); call-connected is then no longer possible.
 */
static void call_incoming_close_of_offered_call(struct kunit *test)
{
	struct fake_world *w = call_world(test);
	struct condis_sap *sap = registered_sap(test, w, 7);
	struct condis_vc *vc = offer(test, w, 7, 0);

	KUNIT_EXPECT_EQ(test, condis_cm_dispatch_incoming_close_call(-ECONNRESET, vc, NULL, 0), 0);
	FAKE_EXPECT_ONCE(test, w, "cl.incoming_close_call -104");
	KUNIT_EXPECT_EQ(test, condis_cm_dispatch_call_connected(vc), -EINVAL);
	/* Told once only. */
	KUNIT_EXPECT_EQ(test, condis_cm_dispatch_incoming_close_call(-ECONNRESET, vc, NULL, 0),
			-EALREADY);
	FAKE_EXPECT_ONCE(test, w, "cl.incoming_close_call");
	KUNIT_EXPECT_EQ(test, condis_cl_close_call(vc, NULL, NULL, 0), 0);
	FAKE_EXPECT_NONE(test, w, "cl.call_connected");
	KUNIT_EXPECT_EQ(test, fake_cm_drop_vc(w, vc), 0);
	deregister(test, w, sap);
}

/*
 * Decision: an incoming close crossing the client's own close is not
 * dispatched (-EALREADY to the CM); the client's close completes the call,
 * once.
 */
static void call_incoming_close_crossing_local_close(struct kunit *test)
{
	struct fake_world *w = call_world(test);
	struct condis_vc *vc = client_vc(test, w);

	KUNIT_ASSERT_EQ(test, condis_cl_make_call(vc, &call_params, NULL, NULL), 0);
	w->cm.close_call = CONDIS_PENDING;
	KUNIT_EXPECT_EQ(test, condis_cl_close_call(vc, NULL, NULL, 0), CONDIS_PENDING);
	KUNIT_EXPECT_EQ(test, condis_cm_dispatch_incoming_close_call(0, vc, NULL, 0), -EALREADY);
	FAKE_EXPECT_NONE(test, w, "cl.incoming_close_call");
	KUNIT_EXPECT_EQ(test, fake_cm_deactivate(w, vc), 0);
	condis_cm_close_call_complete(0, vc);
	fake_world_settle(w);
	FAKE_EXPECT_ONCE(test, w, "cl.close_call_complete 0");
	KUNIT_EXPECT_EQ(test, condis_co_delete_vc(vc), 0);
}

/* NDIS: after an incoming close with a failure status the client must delete its VC. */
static void call_failed_incoming_close_forbids_vc_reuse(struct kunit *test)
{
	struct fake_world *w = call_world(test);
	struct condis_vc *vc = client_vc(test, w);

	KUNIT_ASSERT_EQ(test, condis_cl_make_call(vc, &call_params, NULL, NULL), 0);
	w->cl_close_on_remote_close = true;
	KUNIT_EXPECT_EQ(test, condis_cm_dispatch_incoming_close_call(-ENETDOWN, vc, NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, w->cl_close_ret, 0);
	KUNIT_EXPECT_EQ(test, condis_cl_make_call(vc, &call_params, NULL, NULL), -EINVAL);
	FAKE_EXPECT_ONCE(test, w, "cm.make_call");
	KUNIT_EXPECT_EQ(test, condis_co_delete_vc(vc), 0);
}

/* Bad handles and calls in the wrong state get a clear error and change nothing. */
static void call_bad_input_changes_nothing(struct kunit *test)
{
	struct fake_world *w = call_world(test);
	struct condis_sap *sap = registered_sap(test, w, 7), *csap;
	struct condis_vc *vc = client_vc(test, w), *cm_vc;

	KUNIT_EXPECT_EQ(test, condis_cl_make_call(NULL, &call_params, NULL, NULL), -EBADF);
	KUNIT_EXPECT_EQ(test, condis_cl_close_call(NULL, NULL, NULL, 0), -EBADF);
	KUNIT_EXPECT_EQ(test, condis_cm_dispatch_call_connected(NULL), -EBADF);
	KUNIT_EXPECT_EQ(test, condis_cm_dispatch_incoming_close_call(0, NULL, NULL, 0), -EBADF);
	KUNIT_EXPECT_EQ(test, condis_cm_dispatch_incoming_call(NULL, vc, &call_params), -EBADF);
	KUNIT_EXPECT_EQ(test, condis_cm_dispatch_incoming_call(sap, NULL, &call_params), -EBADF);
	condis_cm_make_call_complete(0, NULL, NULL, NULL);
	condis_cl_incoming_call_complete(0, NULL, NULL);

	/* Wrong state or role: nothing reaches the other driver. */
	KUNIT_EXPECT_EQ(test, condis_cl_make_call(vc, NULL, NULL, NULL), -EINVAL);
	KUNIT_EXPECT_EQ(test, condis_cl_close_call(vc, NULL, NULL, 0), -ENOTCONN);
	KUNIT_EXPECT_EQ(test, condis_cm_dispatch_call_connected(vc), -EINVAL);
	KUNIT_EXPECT_EQ(test, condis_cm_dispatch_incoming_close_call(0, vc, NULL, 0), -EINVAL);
	/* An offer on the client's own VC is refused. */
	KUNIT_EXPECT_EQ(test, condis_cm_dispatch_incoming_call(sap, vc, &call_params), -EINVAL);
	condis_cm_make_call_complete(0, vc, NULL, NULL);
	condis_cm_close_call_complete(0, vc);
	condis_cl_incoming_call_complete(0, vc, NULL);

	/* An offer on a CM VC that is not active is refused; a client cannot call on it. */
	csap = route(test, w, 7);
	cm_vc = w->cl_vc;
	KUNIT_EXPECT_EQ(test, fake_cm_deactivate(w, cm_vc), 0);
	KUNIT_EXPECT_EQ(test, condis_cm_dispatch_incoming_call(csap, cm_vc, &call_params),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, condis_cl_make_call(cm_vc, &call_params, NULL, NULL), -EINVAL);
	condis_sap_put(csap);
	fake_world_settle(w);

	FAKE_EXPECT_NONE(test, w, "cm.make_call");
	FAKE_EXPECT_NONE(test, w, "cm.close_call");
	FAKE_EXPECT_NONE(test, w, "cm.incoming_call_complete");
	FAKE_EXPECT_NONE(test, w, "cl.incoming_call");
	FAKE_EXPECT_NONE(test, w, "cl.make_call_complete");
	FAKE_EXPECT_NONE(test, w, "cl.close_call_complete");
	FAKE_EXPECT_NONE(test, w, "cl.call_connected");
	FAKE_EXPECT_NONE(test, w, "cl.incoming_close_call");
	/* Everything still works afterwards. */
	KUNIT_EXPECT_EQ(test, fake_cm_drop_vc(w, cm_vc), 0);
	w->cl_vc = vc;
	KUNIT_EXPECT_EQ(test, condis_cl_make_call(vc, &call_params, NULL, NULL), 0);
	KUNIT_EXPECT_EQ(test, condis_cl_close_call(vc, NULL, NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, condis_co_delete_vc(vc), 0);
	deregister(test, w, sap);
}

/*
 * Decision: a call on a PVC is made by the client (PERMANENT_VC set; the CM
 * activates the configured VC without signalling), never offered.
 */
static void call_on_pvc_is_made_not_offered(struct kunit *test)
{
	struct fake_world *w = call_world(test);
	struct condis_sap *sap = registered_sap(test, w, 7), *csap;
	struct condis_call_params pvc = { .flags = CONDIS_CALL_PERMANENT_VC };
	struct condis_vc *vc;

	csap = route(test, w, 7);
	KUNIT_EXPECT_EQ(test, condis_cm_dispatch_incoming_call(csap, w->cl_vc, &pvc), -EINVAL);
	FAKE_EXPECT_NONE(test, w, "cl.incoming_call");
	condis_sap_put(csap);
	cm_end_incoming(test, w, w->cl_vc);
	vc = client_vc(test, w);
	KUNIT_EXPECT_EQ(test, condis_cl_make_call(vc, &pvc, NULL, NULL), 0);
	KUNIT_EXPECT_PTR_EQ(test, w->cm_params, &pvc);
	KUNIT_EXPECT_EQ(test, condis_cl_close_call(vc, NULL, NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, condis_co_delete_vc(vc), 0);
	deregister(test, w, sap);
}

static void settle_call_connected(void *vc)
{
	condis_cm_dispatch_call_connected(vc);
}

static bool settle_call_is_connected(void *vc)
{
	return READ_ONCE(((struct condis_vc *)vc)->call.state) == CONDIS_CALL_STATE_CONNECTED;
}

/*
 * A call's state change wakes whoever waits for it (teardown): the CM's
 * call-connected, which no pended operation ends, ends the wait at once.
 */
static void call_state_change_wakes_settle_waiters(struct kunit *test)
{
	struct fake_world *w = call_world(test);
	struct condis_sap *sap = registered_sap(test, w, 7);
	struct condis_vc *vc = offer(test, w, 7, 0);
	s64 ms;

	ms = fake_settle_wait_for(settle_call_connected, settle_call_is_connected, vc, 50);
	KUNIT_EXPECT_GE(test, ms, 0);
	KUNIT_EXPECT_LT(test, ms, FAKE_SETTLE_WAIT_MS / 2);
	FAKE_EXPECT_ONCE(test, w, "cl.call_connected");
	KUNIT_EXPECT_EQ(test, condis_cl_close_call(vc, NULL, NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, fake_cm_drop_vc(w, vc), 0);
	deregister(test, w, sap);
}

/*
 * A CM whose make_call completes, has the completion delivered, and only
 * then returns a status: the completion wins, the status is ignored, and
 * the client hears of the call once.
 */
static void call_status_returned_after_delivered_completion_is_ignored(struct kunit *test)
{
	struct fake_world *w = call_world(test);
	struct condis_vc *vc = client_vc(test, w);

	w->cm_make_completes_early = true;
	KUNIT_EXPECT_EQ(test, condis_cl_make_call(vc, &call_params, NULL, NULL), CONDIS_PENDING);
	fake_world_settle(w);
	FAKE_EXPECT_ONCE(test, w, "cl.make_call_complete");
	FAKE_EXPECT_ONCE(test, w, "cl.make_call_complete 0");
	KUNIT_EXPECT_EQ(test, vc->call.state, CONDIS_CALL_STATE_CONNECTED);
	KUNIT_EXPECT_EQ(test, condis_cl_close_call(vc, NULL, NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, condis_co_delete_vc(vc), 0);
}

static struct kunit_case condis_call_cases[] = {
	KUNIT_CASE_PARAM(call_make_synchronous_returns_result_without_completion,
			 fake_kind_gen_params),
	KUNIT_CASE_PARAM(call_make_pended_completes_once_with_changed_params,
			 fake_kind_gen_params),
	KUNIT_CASE_PARAM(call_make_success_requires_active_vc, fake_kind_gen_params),
	KUNIT_CASE_PARAM(call_state_change_wakes_settle_waiters, fake_kind_gen_params),
	KUNIT_CASE_PARAM(call_status_returned_after_delivered_completion_is_ignored,
			 fake_kind_gen_params),
	KUNIT_CASE_PARAM(call_make_failure_leaves_vc_to_client, fake_kind_gen_params),
	KUNIT_CASE_PARAM(call_close_pended_completes_once, fake_kind_gen_params),
	KUNIT_CASE_PARAM(call_close_success_requires_deactivated_vc, fake_kind_gen_params),
	KUNIT_CASE_PARAM(call_incoming_accepted_then_connected, fake_kind_gen_params),
	KUNIT_CASE_PARAM(call_cm_deletes_its_vc_right_after_completing_close,
			 fake_kind_gen_params),
	KUNIT_CASE_PARAM(call_incoming_rejected_synchronously, fake_kind_gen_params),
	KUNIT_CASE_PARAM(call_incoming_pended_answer_completes_once, fake_kind_gen_params),
	KUNIT_CASE_PARAM(call_incoming_pended_rejection_completes_once, fake_kind_gen_params),
	KUNIT_CASE_PARAM(call_incoming_before_sap_registration_completes, fake_kind_gen_params),
	KUNIT_CASE_PARAM(call_dispatch_on_deregistering_sap_fails, fake_kind_gen_params),
	KUNIT_CASE_PARAM(sap_deregistration_leaves_received_call_and_vc_working,
			 fake_kind_gen_params),
	KUNIT_CASE_PARAM(sap_deregister_complete_waits_for_incoming_call, fake_kind_gen_params),
	KUNIT_CASE_PARAM(call_incoming_close_of_connected_call, fake_kind_gen_params),
	KUNIT_CASE_PARAM(call_incoming_close_of_offered_call, fake_kind_gen_params),
	KUNIT_CASE_PARAM(call_incoming_close_crossing_local_close, fake_kind_gen_params),
	KUNIT_CASE_PARAM(call_failed_incoming_close_forbids_vc_reuse, fake_kind_gen_params),
	KUNIT_CASE_PARAM(call_bad_input_changes_nothing, fake_kind_gen_params),
	KUNIT_CASE_PARAM(call_on_pvc_is_made_not_offered, fake_kind_gen_params),
	{}
};

static struct kunit_suite condis_call_suite = {
	.name = "condis_call",
	.test_cases = condis_call_cases,
};

kunit_test_suite(condis_call_suite);
