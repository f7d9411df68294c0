// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "condis_af": registering, advertising, opening and closing
 * address families, for a stand-alone call manager and for an MCM.
 */
#include <kunit/test.h>

#include "fake_roles.h"

static struct fake_world *af_world(struct kunit *test)
{
	const enum fake_cm_kind *kind = test->param_value;

	return fake_world_new(test, *kind);
}

/* Registering an AF advertises it to every client bound to the adapter. */
static void af_register_notifies_bound_clients(struct kunit *test)
{
	struct fake_world *w = af_world(test);

	FAKE_EXPECT_ONCE(test, w, "cl.af_notify 0x5");
	/* Notified from the workqueue, after the registration returned. */
	KUNIT_EXPECT_PTR_NE(test, fake_task(w, "cl.af_notify"), current);
}

struct late_client {
	struct fake_world *w;
	struct condis_protocol *proto;	/* set before condis binds it */
};

static int late_bind(void *priv, struct condis_adapter *adapter)
{
	struct late_client *lc = priv;
	struct condis_binding *binding;

	return condis_open_adapter(lc->proto, adapter, lc, &binding);
}

static int late_unbind(void *ctx, struct condis_binding *binding)
{
	return condis_close_adapter(binding);
}

static void late_notify(void *ctx, const struct condis_af_type *type)
{
	struct late_client *lc = ctx;

	fake_log_add(lc->w, "late.af_notify %#x", type->family);
}

static void late_open_af_complete(void *ctx, struct condis_af *af, int status)
{
}

static void late_close_af_complete(int status, void *ctx)
{
}

static void late_register_sap_complete(int status, void *ctx, const struct condis_sap_addr *a,
				       struct condis_sap *sap)
{
}

static void late_deregister_sap_complete(int status, void *ctx)
{
}

static int late_notify_close_af(void *ctx)
{
	return 0;
}

static int late_create_vc(void *ctx, struct condis_vc *vc, void **vc_ctx)
{
	return -EOPNOTSUPP;
}

static int late_delete_vc(void *vc_ctx)
{
	return 0;
}

/* NDIS: a client without calls still provides every handler, as placeholders. */
static void late_make_call_complete(int status, void *vc_ctx, struct condis_party *party,
				    struct condis_call_params *p)
{
}

static void late_close_call_complete(int status, void *vc_ctx, void *party_ctx)
{
}

static void late_add_party_complete(int status, void *party_ctx, struct condis_party *party,
				    struct condis_call_params *p)
{
}

static void late_drop_party_complete(int status, void *party_ctx)
{
}

static int late_incoming_call(void *sap_ctx, void *vc_ctx, struct condis_call_params *p)
{
	return -EOPNOTSUPP;
}

static void late_call_connected(void *vc_ctx)
{
}

static void late_incoming_close_call(int status, void *vc_ctx, void *data, unsigned int size)
{
}

static void late_incoming_drop_party(int status, void *party_ctx, void *data, unsigned int size)
{
}

static void late_modify_call_qos_complete(int status, void *vc_ctx, struct condis_call_params *p)
{
}

static void late_incoming_call_qos_change(void *vc_ctx, struct condis_call_params *p)
{
}

static void late_co_status(void *binding_ctx, void *vc_ctx,
			   const struct condis_status_indication *ind)
{
}

static void late_co_receive(void *binding_ctx, void *vc_ctx, struct sk_buff_head *skbs,
			    unsigned int flags)
{
}

static void late_co_send_complete(void *vc_ctx, struct sk_buff_head *skbs)
{
}

static int late_oid_request(void *af_ctx, void *vc_ctx, void *party_ctx,
			    struct condis_oid_request *req)
{
	return -EOPNOTSUPP;
}

static void late_oid_request_complete(void *af_ctx, void *vc_ctx, void *party_ctx,
				      struct condis_oid_request *req, int status)
{
}

static const struct condis_protocol_ops late_ops = {
	.bind_adapter = late_bind,
	.unbind_adapter = late_unbind,
	.af_register_notify = late_notify,
	.co_status = late_co_status,
	.co_receive = late_co_receive,
	.co_send_complete = late_co_send_complete,
};

static const struct condis_cl_ops late_cl_ops = {
	.open_af_complete = late_open_af_complete,
	.close_af_complete = late_close_af_complete,
	.register_sap_complete = late_register_sap_complete,
	.deregister_sap_complete = late_deregister_sap_complete,
	.notify_close_af = late_notify_close_af,
	.create_vc = late_create_vc,
	.delete_vc = late_delete_vc,
	.make_call_complete = late_make_call_complete,
	.close_call_complete = late_close_call_complete,
	.incoming_call = late_incoming_call,
	.call_connected = late_call_connected,
	.incoming_close_call = late_incoming_close_call,
	.add_party_complete = late_add_party_complete,
	.drop_party_complete = late_drop_party_complete,
	.incoming_drop_party = late_incoming_drop_party,
	.modify_call_qos_complete = late_modify_call_qos_complete,
	.incoming_call_qos_change = late_incoming_call_qos_change,
	.oid_request = late_oid_request,
	.oid_request_complete = late_oid_request_complete,
};

static const struct condis_protocol_desc late_desc = {
	.name = "late-client", .ops = &late_ops, .cl_ops = &late_cl_ops,
};

/* A client that binds after the AF was registered is told about it too. */
static void af_register_notifies_clients_binding_later(struct kunit *test)
{
	struct fake_world *w = af_world(test);
	struct late_client lc = { .w = w };

	KUNIT_ASSERT_EQ(test, condis_register_protocol(&late_desc, &lc, &lc.proto), 0);
	FAKE_EXPECT_ONCE(test, w, "late.af_notify 0x5");
	condis_deregister_protocol(lc.proto);
}

/*
 * A client that binds while an AF's announcement is still queued hears of
 * that AF once, not from both its bind and the announcement (NDIS calls
 * ProtocolCoAfRegisterNotify once per binding and AF).
 */
static void af_registered_while_a_client_binds_is_notified_once(struct kunit *test)
{
	struct fake_world *w = af_world(test);
	struct condis_af_type second = { .family = 0x6, .major = 1 };
	struct late_client lc = { .w = w };
	struct condis_cm_af *cm_af = NULL;

	fake_world_hold_wq(w);
	if (w->kind == FAKE_MCM)
		KUNIT_EXPECT_EQ(test, condis_mcm_register_af(w->adapter, &second, &cm_af), 0);
	else
		KUNIT_EXPECT_EQ(test, condis_cm_register_af(w->cm_binding, &second, &cm_af), 0);
	/* Binds while 0x6's announcement waits on the workqueue. */
	KUNIT_ASSERT_EQ(test, condis_register_protocol(&late_desc, &lc, &lc.proto), 0);
	fake_world_release_wq(w);
	fake_world_settle(w);
	FAKE_EXPECT_ONCE(test, w, "late.af_notify 0x5");
	FAKE_EXPECT_ONCE(test, w, "late.af_notify 0x6");
	FAKE_EXPECT_ONCE(test, w, "cl.af_notify 0x6");
	condis_deregister_protocol(lc.proto);
}

/* One call manager per AF type per adapter. */
static void af_register_second_cm_for_same_family_fails(struct kunit *test)
{
	struct fake_world *w = af_world(test);
	struct condis_cm_af *second = NULL;

	if (w->kind == FAKE_MCM)
		KUNIT_EXPECT_EQ(test, condis_mcm_register_af(w->adapter, &w->af_type, &second),
				-EEXIST);
	else
		KUNIT_EXPECT_EQ(test, condis_cm_register_af(w->cm_binding, &w->af_type, &second),
				-EEXIST);
	KUNIT_EXPECT_NULL(test, second);
	fake_world_settle(w);
	FAKE_EXPECT_ONCE(test, w, "cl.af_notify");
}

/* The CM may open synchronously; the client hears from the workqueue, once. */
static void af_open_completes_once_when_cm_is_synchronous(struct kunit *test)
{
	struct fake_world *w = af_world(test);

	KUNIT_EXPECT_EQ(test, condis_cl_open_af(w->cl_binding, &w->af_type, w, &w->cl_af),
			CONDIS_PENDING);
	fake_world_settle(w);
	FAKE_EXPECT_ONCE(test, w, "cl.open_af_complete 0");
	FAKE_EXPECT_BEFORE(test, w, "cm.open_af", "cl.open_af_complete");
	KUNIT_EXPECT_PTR_NE(test, fake_task(w, "cl.open_af_complete"), current);
	KUNIT_EXPECT_PTR_EQ(test, w->cm_last_af, w->cl_af);
}

/* The CM may pend the open and complete it later, exactly once. */
static void af_open_completes_once_when_cm_pends(struct kunit *test)
{
	struct fake_world *w = af_world(test);

	w->cm.open_af = CONDIS_PENDING;
	KUNIT_EXPECT_EQ(test, condis_cl_open_af(w->cl_binding, &w->af_type, w, &w->cl_af),
			CONDIS_PENDING);
	fake_world_settle(w);
	FAKE_EXPECT_NONE(test, w, "cl.open_af_complete");
	/* Closing an AF whose open is still pending is refused. */
	KUNIT_EXPECT_EQ(test, condis_cl_close_af(w->cl_af), -EBUSY);
	condis_cm_open_af_complete(0, w->cm_last_af, w);
	condis_cm_open_af_complete(0, w->cm_last_af, w);	/* a buggy second one */
	fake_world_settle(w);
	FAKE_EXPECT_ONCE(test, w, "cl.open_af_complete 0");
}

/* A refused open reports failure and leaves no AF behind. */
static void af_open_refused_by_cm_leaves_nothing(struct kunit *test)
{
	struct fake_world *w = af_world(test);
	struct condis_af *af = NULL;

	w->cm.open_af = -ENOMEM;
	KUNIT_EXPECT_EQ(test, condis_cl_open_af(w->cl_binding, &w->af_type, w, &af),
			CONDIS_PENDING);
	fake_world_settle(w);
	FAKE_EXPECT_ONCE(test, w, "cl.open_af_complete -12");
	/* The handle is stale: closing it is a bad handle, not a second close. */
	KUNIT_EXPECT_EQ(test, condis_cl_close_af(af), -EBADF);
	w->cl_af = NULL;
}

/* Opening a family no call manager offers fails at once, without a completion. */
static void af_open_unknown_family_fails(struct kunit *test)
{
	struct fake_world *w = af_world(test);
	struct condis_af_type other = { .family = 0x800 };
	struct condis_af *af = NULL;

	KUNIT_EXPECT_EQ(test, condis_cl_open_af(w->cl_binding, &other, w, &af), -ENOENT);
	KUNIT_EXPECT_NULL(test, af);
	fake_world_settle(w);
	FAKE_EXPECT_NONE(test, w, "cm.open_af");
	FAKE_EXPECT_NONE(test, w, "cl.open_af_complete");
}

/* Close: synchronous or pended, completed once; a second close fails. */
static void af_close_completes_once_and_second_close_fails(struct kunit *test)
{
	struct fake_world *w = af_world(test);
	struct condis_af *af;

	KUNIT_ASSERT_EQ(test, fake_world_open_af(w), 0);
	af = w->cl_af;
	w->cm.close_af = CONDIS_PENDING;
	KUNIT_EXPECT_EQ(test, condis_cl_close_af(af), CONDIS_PENDING);
	KUNIT_EXPECT_EQ(test, condis_cl_close_af(af), -EALREADY);
	fake_world_settle(w);
	FAKE_EXPECT_ONCE(test, w, "cm.close_af");
	FAKE_EXPECT_NONE(test, w, "cl.close_af_complete");
	condis_cm_close_af_complete(0, af);
	fake_world_settle(w);
	FAKE_EXPECT_ONCE(test, w, "cl.close_af_complete 0");
	/* Gone: the handle is stale for everyone now. */
	KUNIT_EXPECT_EQ(test, condis_cl_close_af(af), -EBADF);
	condis_cm_close_af_complete(0, af);
	fake_world_settle(w);
	FAKE_EXPECT_ONCE(test, w, "cl.close_af_complete");
}

/* Closing an AF with SAPs still registered fails and leaves it open. */
static void af_close_with_saps_outstanding_fails(struct kunit *test)
{
	struct fake_world *w = af_world(test);
	struct condis_sap *sap = NULL;
	struct fake_sap_addr a;

	KUNIT_ASSERT_EQ(test, fake_world_open_af(w), 0);
	fake_sap_addr(&a, 1);
	KUNIT_ASSERT_EQ(test, condis_cl_register_sap(w->cl_af, w, &a.addr, &sap), 0);
	KUNIT_EXPECT_EQ(test, condis_cl_close_af(w->cl_af), CONDIS_PENDING);
	fake_world_settle(w);
	FAKE_EXPECT_ONCE(test, w, "cl.close_af_complete -16");
	FAKE_EXPECT_NONE(test, w, "cm.close_af");
	/* Still open: SAPs can still be registered on it. */
	fake_sap_addr(&a, 2);
	KUNIT_EXPECT_EQ(test, condis_cl_register_sap(w->cl_af, w, &a.addr, &sap), 0);
	KUNIT_EXPECT_EQ(test, condis_cl_deregister_sap(sap), CONDIS_PENDING);
	fake_world_settle(w);
	fake_sap_addr(&a, 1);
	sap = condis_cm_lookup_sap(w->cm_af, &a.addr);
	KUNIT_ASSERT_NOT_NULL(test, sap);
	condis_sap_put(sap);
	KUNIT_EXPECT_EQ(test, condis_cl_deregister_sap(sap), CONDIS_PENDING);
	fake_world_settle(w);
}

/* A binding with an open AF cannot be closed under it. */
static void binding_close_with_open_af_fails(struct kunit *test)
{
	struct fake_world *w = af_world(test);

	KUNIT_ASSERT_EQ(test, fake_world_open_af(w), 0);
	KUNIT_EXPECT_EQ(test, condis_close_adapter(w->cl_binding), -EBUSY);
	if (w->kind == FAKE_STANDALONE_CM)
		KUNIT_EXPECT_EQ(test, condis_close_adapter(w->cm_binding), -EBUSY);
}

/* Notify-close: the client closes at once and says so; no completion follows. */
static void notify_close_af_client_closes_at_once(struct kunit *test)
{
	struct fake_world *w = af_world(test);

	KUNIT_ASSERT_EQ(test, fake_world_open_af(w), 0);
	w->cl_notify = 0;
	KUNIT_EXPECT_EQ(test, condis_cm_notify_close_af(w->cm_last_af), 0);
	fake_world_settle(w);
	FAKE_EXPECT_BEFORE(test, w, "cl.notify_close_af", "cm.close_af");
	FAKE_EXPECT_ONCE(test, w, "cl.close_af_complete 0");
	FAKE_EXPECT_NONE(test, w, "cm.notify_close_af_complete");
	/* The AF is gone: notifying again is a stale handle. */
	KUNIT_EXPECT_EQ(test, condis_cm_notify_close_af(w->cm_last_af), -EBADF);
	FAKE_EXPECT_ONCE(test, w, "cl.notify_close_af");
}

/* Notify-close pended by the client completes to the CM exactly once. */
static void notify_close_af_pended_completes_once(struct kunit *test)
{
	struct fake_world *w = af_world(test);
	struct condis_af *af;

	KUNIT_ASSERT_EQ(test, fake_world_open_af(w), 0);
	af = w->cl_af;
	w->cl_notify = CONDIS_PENDING;
	/* Keep the close and the notify completion undelivered meanwhile. */
	fake_world_hold_wq(w);
	KUNIT_EXPECT_EQ(test, condis_cm_notify_close_af(af), CONDIS_PENDING);
	/* A second request while one is pending is refused. */
	KUNIT_EXPECT_EQ(test, condis_cm_notify_close_af(af), -EINVAL);
	fake_world_release_wq(w);
	fake_world_settle(w);
	FAKE_EXPECT_ONCE(test, w, "cl.close_af_complete 0");
	FAKE_EXPECT_ONCE(test, w, "cm.notify_close_af_complete 0");
	FAKE_EXPECT_BEFORE(test, w, "cl.close_af_complete", "cm.notify_close_af_complete");
	/* A buggy second completion from the client changes nothing. */
	condis_cl_notify_close_af_complete(af, 0);
	fake_world_settle(w);
	FAKE_EXPECT_ONCE(test, w, "cm.notify_close_af_complete");
}

static struct kunit_case condis_af_cases[] = {
	KUNIT_CASE_PARAM(notify_close_af_client_closes_at_once, fake_kind_gen_params),
	KUNIT_CASE_PARAM(notify_close_af_pended_completes_once, fake_kind_gen_params),
	KUNIT_CASE_PARAM(af_register_notifies_bound_clients, fake_kind_gen_params),
	KUNIT_CASE_PARAM(af_register_notifies_clients_binding_later, fake_kind_gen_params),
	KUNIT_CASE_PARAM(af_registered_while_a_client_binds_is_notified_once, fake_kind_gen_params),
	KUNIT_CASE_PARAM(af_register_second_cm_for_same_family_fails, fake_kind_gen_params),
	KUNIT_CASE_PARAM(af_open_completes_once_when_cm_is_synchronous, fake_kind_gen_params),
	KUNIT_CASE_PARAM(af_open_completes_once_when_cm_pends, fake_kind_gen_params),
	KUNIT_CASE_PARAM(af_open_refused_by_cm_leaves_nothing, fake_kind_gen_params),
	KUNIT_CASE_PARAM(af_open_unknown_family_fails, fake_kind_gen_params),
	KUNIT_CASE_PARAM(af_close_completes_once_and_second_close_fails, fake_kind_gen_params),
	KUNIT_CASE_PARAM(af_close_with_saps_outstanding_fails, fake_kind_gen_params),
	KUNIT_CASE_PARAM(binding_close_with_open_af_fails, fake_kind_gen_params),
	{}
};

static struct kunit_suite condis_af_suite = {
	.name = "condis_af",
	.test_cases = condis_af_cases,
};

kunit_test_suite(condis_af_suite);
