// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "condis_binding": registering drivers, binding protocols to
 * adapters and unbinding them, and an MCM displacing a stand-alone CM.
 */
#include <kunit/test.h>

#include "fake_roles.h"
#include "objects.h"

static int noop_bind(void *priv, struct condis_adapter *adapter)
{
	return -ENODEV;
}

static int noop_unbind(void *ctx, struct condis_binding *binding)
{
	return 0;
}

static void noop_notify(void *ctx, const struct condis_af_type *type)
{
}

static void noop_status(void *ctx, void *vc_ctx, const struct condis_status_indication *ind)
{
}

static void noop_receive(void *ctx, void *vc_ctx, struct sk_buff_head *skbs, unsigned int flags)
{
}

static void noop_send_complete(void *vc_ctx, struct sk_buff_head *skbs)
{
}

/* A protocol without the callbacks NDIS requires is refused. */
static void register_protocol_without_required_callbacks_fails(struct kunit *test)
{
	static const struct condis_protocol_ops no_notify = {
		.bind_adapter = noop_bind, .unbind_adapter = noop_unbind,
	};
	static const struct condis_cl_ops half_client = { };
	static const struct condis_protocol_ops ops = {
		.bind_adapter = noop_bind, .unbind_adapter = noop_unbind,
		.af_register_notify = noop_notify, .co_status = noop_status,
		.co_receive = noop_receive, .co_send_complete = noop_send_complete,
	};
	const struct condis_protocol_desc bad[] = {
		{ .name = "no-ops" },
		{ .name = "no-notify", .ops = &no_notify },
		{ .name = "half-client", .ops = &ops, .cl_ops = &half_client },
	};
	struct condis_protocol *proto = NULL;
	int i;

	for (i = 0; i < ARRAY_SIZE(bad); i++)
		KUNIT_EXPECT_EQ_MSG(test, condis_register_protocol(&bad[i], NULL, &proto), -EINVAL,
				    "%s", bad[i].name);
	KUNIT_EXPECT_NULL(test, proto);
	KUNIT_EXPECT_EQ(test, condis_register_protocol(NULL, NULL, &proto), -EINVAL);
}

/*
 * Bad handles get -EBADF and change nothing (Documentation/core.rst):
 * condis_adapter_register() with a NULL miniport handle, a handle of
 * another kind or a deregistered miniport's makes no adapter, asks no
 * protocol to bind, leaves the caller's handle variable alone and takes
 * no reference.  A NULL place for the handle is a bad argument: -EINVAL.
 */
static void adapter_register_bad_miniport_handle_gets_ebadf_changes_nothing(struct kunit *test)
{
	struct fake_world *w = fake_world_new(test, FAKE_STANDALONE_CM);
	struct condis_miniport_desc desc = {
		.name = "fake-gone", .ops = w->miniport->ops, .cm_ops = w->miniport->cm_ops,
	};
	struct condis_adapter *const untouched = ERR_PTR(-EFAULT);
	struct condis_miniport *gone = NULL;
	struct condis_adapter *out;
	unsigned int refs, i;
	int not_an_object;
	void *bad[] = { NULL, &not_an_object, w->adapter, w->client, w->cl_binding, NULL };

	KUNIT_ASSERT_EQ(test, condis_register_miniport(&desc, w, &gone), 0);
	condis_deregister_miniport(gone);
	bad[ARRAY_SIZE(bad) - 1] = gone;	/* stale */
	refs = kref_read(&w->miniport->obj.ref);

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		out = untouched;
		KUNIT_EXPECT_EQ_MSG(test, condis_adapter_register(bad[i], "fake-bad", w, &out),
				    -EBADF, "bad handle #%u", i);
		KUNIT_EXPECT_PTR_EQ_MSG(test, out, untouched, "bad handle #%u", i);
	}
	KUNIT_EXPECT_EQ(test, condis_adapter_register(w->miniport, "fake-bad", w, NULL), -EINVAL);
	fake_world_settle(w);

	KUNIT_EXPECT_EQ(test, list_count_nodes(&w->miniport->adapters), 1);
	KUNIT_EXPECT_EQ(test, kref_read(&w->miniport->obj.ref), refs);
	FAKE_EXPECT_ONCE(test, w, "cl.bind");
	FAKE_EXPECT_ONCE(test, w, "cmp.bind");
	/* The world's own adapter works on. */
	KUNIT_EXPECT_EQ(test, fake_world_open_af(w), 0);
}

/* Every protocol is bound to the adapter, and a binding is opened once. */
static void protocols_bind_to_adapters_once(struct kunit *test)
{
	struct fake_world *w = fake_world_new(test, FAKE_STANDALONE_CM);
	struct condis_binding *again = NULL;

	FAKE_EXPECT_ONCE(test, w, "cl.bind");
	FAKE_EXPECT_ONCE(test, w, "cmp.bind");
	KUNIT_EXPECT_EQ(test, condis_open_adapter(w->client, w->adapter, w, &again), -EEXIST);
	KUNIT_EXPECT_NULL(test, again);
	KUNIT_EXPECT_EQ(test, condis_open_adapter(NULL, w->adapter, w, &again), -EBADF);
	KUNIT_EXPECT_EQ(test, condis_open_adapter(w->client, (void *)w->client, w, &again),
			-EBADF);
}

/* Removing an adapter unbinds every protocol from it first. */
static void adapter_unregister_unbinds_every_protocol(struct kunit *test)
{
	struct fake_world *w = fake_world_new(test, FAKE_STANDALONE_CM);

	condis_adapter_unregister(w->adapter);
	FAKE_EXPECT_ONCE(test, w, "cl.unbind");
	FAKE_EXPECT_ONCE(test, w, "cmp.unbind");
	KUNIT_EXPECT_EQ(test, condis_close_adapter(w->cl_binding), -EBADF);
	/* The adapter handle is stale now. */
	KUNIT_EXPECT_EQ(test, condis_mcm_register_af(w->adapter, &w->af_type, NULL), -EBADF);
}

/*
 * A protocol's request to be unbound (NdisUnbindAdapter) unbinds that
 * binding, later and once: the request returns before unbind_adapter runs
 * to its end, a second request while it runs is refused, the protocol's
 * other roles on the adapter stay bound, and a request on the closed
 * binding or a bad handle changes nothing.
 */
static void request_unbind_unbinds_that_binding_once(struct kunit *test)
{
	struct fake_world *w = fake_world_new(test, FAKE_STANDALONE_CM);
	struct condis_binding *binding = w->cl_binding;

	init_completion(&w->cl_unbind_entered);
	w->cl_pend_unbind = true;
	KUNIT_EXPECT_EQ(test, condis_request_unbind(binding), 0);
	KUNIT_ASSERT_TRUE(test, wait_for_completion_timeout(&w->cl_unbind_entered, 5 * HZ));
	KUNIT_EXPECT_EQ(test, condis_request_unbind(binding), -EALREADY);
	/* Pended: the binding is open until the protocol closes it. */
	KUNIT_EXPECT_FALSE(test, completion_done(&binding->unbound));
	KUNIT_EXPECT_EQ(test, condis_close_adapter(binding), 0);
	KUNIT_EXPECT_EQ(test, condis_request_unbind(binding), -EBADF);
	KUNIT_EXPECT_EQ(test, condis_request_unbind(NULL), -EBADF);
	FAKE_EXPECT_ONCE(test, w, "cl.unbind");
	FAKE_EXPECT_NONE(test, w, "cmp.unbind");
	w->cl_binding = NULL;
	w->cl_af = NULL;
	/* The adapter's departure unbinds the rest, and the client not again. */
	condis_adapter_unregister(w->adapter);
	FAKE_EXPECT_ONCE(test, w, "cl.unbind");
	FAKE_EXPECT_ONCE(test, w, "cmp.unbind");
}

/* An MCM displaces a stand-alone CM that offers the same family, if idle. */
static void mcm_displaces_idle_standalone_cm(struct kunit *test)
{
	struct fake_world *w = fake_world_new_ex(test, FAKE_MCM, true);
	struct condis_cm_af *mcm_af = NULL;

	KUNIT_ASSERT_NOT_NULL(test, w->cm_af);
	KUNIT_EXPECT_NOT_NULL(test, w->cm_af->cm_binding);	/* the CM's */
	KUNIT_EXPECT_EQ(test, condis_mcm_register_af(w->adapter, &w->af_type, &mcm_af), 0);
	KUNIT_ASSERT_NOT_NULL(test, mcm_af);
	KUNIT_EXPECT_NULL(test, mcm_af->cm_binding);
	w->cm_af = mcm_af;
	fake_world_settle(w);
	/* The client was told of the MCM's AF as well, and opens the MCM's. */
	KUNIT_EXPECT_EQ(test, fake_count(w, "cl.af_notify 0x5"), 2U);
	KUNIT_ASSERT_EQ(test, fake_world_open_af(w), 0);
	KUNIT_EXPECT_PTR_EQ(test, w->cl_af->cm_af, mcm_af);
	/* Now a CM cannot register the family: the MCM owns it. */
	KUNIT_EXPECT_EQ(test, condis_cm_register_af(w->cm_binding, &w->af_type, NULL), -EEXIST);
}

/* ... but not while clients have the CM's AF open. */
static void mcm_does_not_displace_cm_in_use(struct kunit *test)
{
	struct fake_world *w = fake_world_new_ex(test, FAKE_MCM, true);
	struct condis_cm_af *mcm_af = NULL;

	KUNIT_ASSERT_EQ(test, fake_world_open_af(w), 0);
	KUNIT_EXPECT_EQ(test, condis_mcm_register_af(w->adapter, &w->af_type, &mcm_af), -EBUSY);
	KUNIT_EXPECT_NULL(test, mcm_af);
	KUNIT_EXPECT_PTR_EQ(test, w->cl_af->cm_af, w->cm_af);
}

static struct kunit_case condis_binding_cases[] = {
	KUNIT_CASE(register_protocol_without_required_callbacks_fails),
	KUNIT_CASE(adapter_register_bad_miniport_handle_gets_ebadf_changes_nothing),
	KUNIT_CASE(protocols_bind_to_adapters_once),
	KUNIT_CASE(adapter_unregister_unbinds_every_protocol),
	KUNIT_CASE(request_unbind_unbinds_that_binding_once),
	KUNIT_CASE(mcm_displaces_idle_standalone_cm),
	KUNIT_CASE(mcm_does_not_displace_cm_in_use),
	{}
};

static struct kunit_suite condis_binding_suite = {
	.name = "condis_binding",
	.test_cases = condis_binding_cases,
};

kunit_test_suite(condis_binding_suite);
