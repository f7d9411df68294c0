// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "condis_trace": every state transition of an AF, a SAP, a
 * VC and a call fires its tracepoint, in order; the debugfs dump shows
 * live objects.
 */
#include <kunit/test.h>
#include <linux/seq_file.h>
#include <linux/string.h>

#include "fake_roles.h"
#include "trace.h"
#include "core.h"

struct trace_rec {
	struct fake_world *w;
};

static void probe_af(void *data, const struct condis_af *af, enum condis_af_state state)
{
	struct trace_rec *rec = data;

	fake_log_add(rec->w, "trace.af %d->%d", af->state, state);
}

static void probe_sap(void *data, const struct condis_sap *sap, enum condis_sap_state state)
{
	struct trace_rec *rec = data;

	fake_log_add(rec->w, "trace.sap %d->%d", sap->state, state);
}

static void probe_vc(void *data, const struct condis_vc *vc, enum condis_vc_state state)
{
	struct trace_rec *rec = data;

	fake_log_add(rec->w, "trace.vc %d->%d", vc->state, state);
}

static void probe_call(void *data, const struct condis_vc *vc, enum condis_call_state state)
{
	struct trace_rec *rec = data;

	fake_log_add(rec->w, "trace.call %d->%d", vc->call.state, state);
}

static void probe_remote_close(void *data, const struct condis_vc *vc, int status)
{
	struct trace_rec *rec = data;

	fake_log_add(rec->w, "trace.remote_close %d %d", vc->call.state, status);
}

static void probe_party(void *data, const struct condis_party *party,
			enum condis_party_state state)
{
	struct trace_rec *rec = data;

	fake_log_add(rec->w, "trace.party %d->%d", party->state, state);
}

static void unregister_party_probe(void *data)
{
	unregister_trace_condis_party_state(probe_party, data);
	tracepoint_synchronize_unregister();
}

static void unregister_call_probes(void *data)
{
	unregister_trace_condis_call_state(probe_call, data);
	unregister_trace_condis_call_remote_close(probe_remote_close, data);
	tracepoint_synchronize_unregister();
}

static void unregister_af_sap_probes(void *data)
{
	unregister_trace_condis_af_state(probe_af, data);
	unregister_trace_condis_sap_state(probe_sap, data);
	tracepoint_synchronize_unregister();
}

static void unregister_vc_probe(void *data)
{
	unregister_trace_condis_vc_state(probe_vc, data);
	tracepoint_synchronize_unregister();
}

/* Open, register, deregister, close: each transition traced once, in order. */
static void trace_every_af_and_sap_transition(struct kunit *test)
{
	struct fake_world *w = fake_world_new(test, FAKE_STANDALONE_CM);
	struct trace_rec *rec = kunit_kzalloc(test, sizeof(*rec), GFP_KERNEL);
	struct condis_sap *sap = NULL;
	struct fake_sap_addr a;
	char ev[FAKE_EVENT_LEN];
	static const int af_steps[][2] = {
		{ CONDIS_AF_STATE_OPENING, CONDIS_AF_STATE_OPENING },
		{ CONDIS_AF_STATE_OPENING, CONDIS_AF_STATE_OPEN },
		{ CONDIS_AF_STATE_OPEN, CONDIS_AF_STATE_CLOSING },
		{ CONDIS_AF_STATE_CLOSING, CONDIS_AF_STATE_CLOSED },
	};
	static const int sap_steps[][2] = {
		{ CONDIS_SAP_STATE_REGISTERING, CONDIS_SAP_STATE_REGISTERING },
		{ CONDIS_SAP_STATE_REGISTERING, CONDIS_SAP_STATE_REGISTERED },
		{ CONDIS_SAP_STATE_REGISTERED, CONDIS_SAP_STATE_DEREGISTERING },
		{ CONDIS_SAP_STATE_DEREGISTERING, CONDIS_SAP_STATE_GONE },
	};
	int i, last = -1;

	KUNIT_ASSERT_NOT_NULL(test, rec);
	rec->w = w;
	KUNIT_ASSERT_EQ(test, register_trace_condis_af_state(probe_af, rec), 0);
	KUNIT_ASSERT_EQ(test, register_trace_condis_sap_state(probe_sap, rec), 0);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, unregister_af_sap_probes, rec), 0);

	KUNIT_ASSERT_EQ(test, fake_world_open_af(w), 0);
	fake_sap_addr(&a, 1);
	KUNIT_ASSERT_EQ(test, condis_cl_register_sap(w->cl_af, w, &a.addr, &sap), 0);
	KUNIT_EXPECT_EQ(test, condis_cl_deregister_sap(sap), CONDIS_PENDING);
	fake_world_settle(w);
	KUNIT_EXPECT_EQ(test, condis_cl_close_af(w->cl_af), CONDIS_PENDING);
	fake_world_settle(w);

	for (i = 0; i < ARRAY_SIZE(af_steps); i++) {
		snprintf(ev, sizeof(ev), "trace.af %d->%d", af_steps[i][0], af_steps[i][1]);
		fake_expect_count(test, w, ev, 1);
	}
	for (i = 0; i < ARRAY_SIZE(sap_steps); i++) {
		int at;

		snprintf(ev, sizeof(ev), "trace.sap %d->%d", sap_steps[i][0], sap_steps[i][1]);
		fake_expect_count(test, w, ev, 1);
		at = fake_index(w, ev);
		KUNIT_EXPECT_GT_MSG(test, at, last, "'%s' out of order", ev);
		last = at;
	}
	KUNIT_EXPECT_EQ(test, fake_count(w, "trace.af"), 4U);
	KUNIT_EXPECT_EQ(test, fake_count(w, "trace.sap"), 4U);
}

/* A VC's life: created, activated, deactivated, deleted; each step traced. */
static void trace_every_vc_transition(struct kunit *test)
{
	static const int steps[][2] = {
		{ CONDIS_VC_STATE_INACTIVE, CONDIS_VC_STATE_INACTIVE },
		{ CONDIS_VC_STATE_INACTIVE, CONDIS_VC_STATE_ACTIVATING },
		{ CONDIS_VC_STATE_ACTIVATING, CONDIS_VC_STATE_ACTIVE },
		{ CONDIS_VC_STATE_ACTIVE, CONDIS_VC_STATE_DEACTIVATING },
		{ CONDIS_VC_STATE_DEACTIVATING, CONDIS_VC_STATE_INACTIVE },
		{ CONDIS_VC_STATE_INACTIVE, CONDIS_VC_STATE_DELETED },
	};
	struct fake_world *w = fake_world_new(test, FAKE_STANDALONE_CM);
	struct trace_rec *rec = kunit_kzalloc(test, sizeof(*rec), GFP_KERNEL);
	struct condis_call_params params = { };
	struct condis_vc *vc = NULL;
	char ev[FAKE_EVENT_LEN];
	int i, at, last = -1;

	KUNIT_ASSERT_NOT_NULL(test, rec);
	rec->w = w;
	KUNIT_ASSERT_EQ(test, fake_world_open_af(w), 0);
	KUNIT_ASSERT_EQ(test, register_trace_condis_vc_state(probe_vc, rec), 0);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, unregister_vc_probe, rec), 0);
	KUNIT_ASSERT_EQ(test, condis_co_create_vc(w->cl_binding, w->cl_af, w, &vc), 0);
	KUNIT_EXPECT_EQ(test, condis_cm_activate_vc(vc, &params), 0);
	KUNIT_EXPECT_EQ(test, condis_cm_deactivate_vc(vc), 0);
	KUNIT_EXPECT_EQ(test, condis_co_delete_vc(vc), 0);
	for (i = 0; i < ARRAY_SIZE(steps); i++) {
		snprintf(ev, sizeof(ev), "trace.vc %d->%d", steps[i][0], steps[i][1]);
		at = fake_index(w, ev);
		KUNIT_EXPECT_GT_MSG(test, at, last, "'%s' missing or out of order", ev);
		if (at > last)
			last = at;
	}
	KUNIT_EXPECT_EQ(test, fake_count(w, "trace.vc"), 6U);
}

/*
 * A call's life, both ways: made (pended), closed by the network and then
 * the client; offered, accepted, connected, closed.  Each step traced once.
 */
static void trace_every_call_transition(struct kunit *test)
{
	static const char *const steps[] = {
		"trace.call 0->1", "trace.call 1->4", "trace.remote_close 4 -104",
		"trace.call 4->5", "trace.call 5->0",
		"trace.call 0->2", "trace.call 2->3", "trace.call 3->4",
	};
	struct fake_world *w = fake_world_new(test, FAKE_MCM);
	struct trace_rec *rec = kunit_kzalloc(test, sizeof(*rec), GFP_KERNEL);
	struct condis_call_params params = { };
	struct condis_sap *sap = NULL;
	struct condis_vc *vc = NULL;
	struct fake_sap_addr a;
	int i, at, last = -1;

	BUILD_BUG_ON(CONDIS_CALL_STATE_IDLE != 0 || CONDIS_CALL_STATE_MAKING != 1 ||
		     CONDIS_CALL_STATE_OFFERED != 2 || CONDIS_CALL_STATE_ACCEPTED != 3 ||
		     CONDIS_CALL_STATE_CONNECTED != 4 || CONDIS_CALL_STATE_CLOSING != 5);
	KUNIT_ASSERT_NOT_NULL(test, rec);
	rec->w = w;
	KUNIT_ASSERT_EQ(test, fake_world_open_af(w), 0);
	KUNIT_ASSERT_EQ(test, register_trace_condis_call_state(probe_call, rec), 0);
	KUNIT_ASSERT_EQ(test, register_trace_condis_call_remote_close(probe_remote_close, rec), 0);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, unregister_call_probes, rec), 0);

	KUNIT_ASSERT_EQ(test, condis_co_create_vc(w->cl_binding, w->cl_af, w, &w->cl_vc), 0);
	w->cm.make_call = CONDIS_PENDING;
	KUNIT_EXPECT_EQ(test, condis_cl_make_call(w->cl_vc, &params, NULL, NULL), CONDIS_PENDING);
	KUNIT_EXPECT_EQ(test, fake_cm_activate(w, w->cl_vc), 0);
	condis_cm_make_call_complete(0, w->cl_vc, NULL, NULL);
	fake_world_settle(w);
	w->cl_close_on_remote_close = true;
	KUNIT_EXPECT_EQ(test,
			condis_cm_dispatch_incoming_close_call(-ECONNRESET, w->cl_vc, NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, condis_co_delete_vc(w->cl_vc), 0);

	fake_sap_addr(&a, 3);
	KUNIT_ASSERT_EQ(test, condis_cl_register_sap(w->cl_af, w, &a.addr, &sap), 0);
	KUNIT_ASSERT_EQ(test, fake_cm_create_vc_for(w, w->cl_af, &vc), 0);
	w->cl_vc = vc;
	KUNIT_EXPECT_EQ(test, fake_cm_activate(w, vc), 0);
	KUNIT_EXPECT_EQ(test, condis_cm_dispatch_incoming_call(sap, vc, &params), 0);
	KUNIT_EXPECT_EQ(test, condis_cm_dispatch_call_connected(vc), 0);
	KUNIT_EXPECT_EQ(test, condis_cl_close_call(vc, NULL, NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, fake_cm_drop_vc(w, vc), 0);
	KUNIT_EXPECT_EQ(test, condis_cl_deregister_sap(sap), CONDIS_PENDING);
	fake_world_settle(w);

	for (i = 0; i < ARRAY_SIZE(steps); i++) {
		at = fake_index(w, steps[i]);
		KUNIT_EXPECT_GT_MSG(test, at, last, "'%s' missing or out of order", steps[i]);
		if (at > last)
			last = at;
	}
	KUNIT_EXPECT_EQ(test, fake_count(w, "trace.call"), 9U);
	KUNIT_EXPECT_EQ(test, fake_count(w, "trace.remote_close"), 1U);
}

/* A multipoint call: first party, an added one dropped, the last closed. */
static void trace_every_party_transition(struct kunit *test)
{
	static const char *const steps[] = {
		"trace.party 0->0", "trace.party 0->1",			/* the first */
		"trace.party 0->0", "trace.party 0->1",			/* added */
		"trace.party 1->2", "trace.party 2->3",			/* dropped */
		"trace.party 1->3",					/* closed */
	};
	struct fake_world *w = fake_world_new(test, FAKE_MCM);
	struct trace_rec *rec = kunit_kzalloc(test, sizeof(*rec), GFP_KERNEL);
	struct condis_call_params params = { };
	struct fake_party *root, *leaf;
	int i, at, last = -1;

	BUILD_BUG_ON(CONDIS_PARTY_STATE_ADDING != 0 || CONDIS_PARTY_STATE_ACTIVE != 1 ||
		     CONDIS_PARTY_STATE_DROPPING != 2 || CONDIS_PARTY_STATE_GONE != 3);
	KUNIT_ASSERT_NOT_NULL(test, rec);
	root = kunit_kzalloc(test, sizeof(*root), GFP_KERNEL);
	leaf = kunit_kzalloc(test, sizeof(*leaf), GFP_KERNEL);
	KUNIT_ASSERT_TRUE(test, root && leaf);
	root->w = w;
	leaf->w = w;
	rec->w = w;
	KUNIT_ASSERT_EQ(test, fake_world_open_af(w), 0);
	KUNIT_ASSERT_EQ(test, register_trace_condis_party_state(probe_party, rec), 0);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, unregister_party_probe, rec), 0);
	KUNIT_ASSERT_EQ(test, condis_co_create_vc(w->cl_binding, w->cl_af, w, &w->cl_vc), 0);
	KUNIT_ASSERT_EQ(test, condis_cl_make_call(w->cl_vc, &params, root, &root->party), 0);
	KUNIT_ASSERT_EQ(test, condis_cl_add_party(w->cl_vc, leaf, &params, &leaf->party), 0);
	KUNIT_EXPECT_EQ(test, condis_cl_drop_party(leaf->party, NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, condis_cl_close_call(w->cl_vc, root->party, NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, condis_co_delete_vc(w->cl_vc), 0);
	for (i = 0; i < ARRAY_SIZE(steps); i++) {
		at = fake_index(w, steps[i]);
		/* Repeated steps: find the next occurrence after the last one. */
		while (at >= 0 && at <= last) {
			int j;

			for (j = at + 1, at = -1; j < (int)w->log.n; j++)
				if (!strcmp(w->log.ev[j], steps[i])) {
					at = j;
					break;
				}
		}
		KUNIT_EXPECT_GT_MSG(test, at, last, "'%s' missing or out of order", steps[i]);
		if (at > last)
			last = at;
	}
	KUNIT_EXPECT_EQ(test, fake_count(w, "trace.party"), 7U);
}

/* Print the objects dump into @m, from the start, as a string. */
static void dump_objects(struct kunit *test, struct seq_file *m)
{
	m->count = 0;
	KUNIT_ASSERT_EQ(test, condis_objects_show(m, NULL), 0);
	KUNIT_ASSERT_LT(test, m->count, m->size);
	m->buf[m->count] = 0;
}

/* The debugfs dump shows every live object with its state. */
static void debugfs_dump_shows_live_objects(struct kunit *test)
{
	struct fake_world *w = fake_world_new(test, FAKE_MCM);
	struct seq_file *m = kunit_kzalloc(test, sizeof(*m), GFP_KERNEL);
	struct condis_call_params params = { };
	struct condis_oid_request oid = { };
	struct condis_sap *sap = NULL;
	struct fake_sap_addr a;

	KUNIT_ASSERT_NOT_NULL(test, m);
	m->size = PAGE_SIZE;
	m->buf = kunit_kzalloc(test, m->size, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, m->buf);
	KUNIT_ASSERT_EQ(test, fake_world_open_af(w), 0);
	fake_sap_addr(&a, 0x0a0b0c0d);
	KUNIT_ASSERT_EQ(test, condis_cl_register_sap(w->cl_af, w, &a.addr, &sap), 0);

	dump_objects(test, m);
	KUNIT_EXPECT_NOT_NULL(test, strstr(m->buf, "miniport"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(m->buf, "fake-mcm mcm"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(m->buf, "adapter"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(m->buf, "binding"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(m->buf, "family=0x5 by=fake-mcm opens=1 saps=1"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(m->buf, "client=fake-client state=open saps=1 vcs=0"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(m->buf, "addr=0d0c0b0a state=registered"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(m->buf, "protocol"));

	/* A VC with a call on it. */
	KUNIT_ASSERT_EQ(test, condis_co_create_vc(w->cl_binding, w->cl_af, w, &w->cl_vc), 0);
	KUNIT_ASSERT_EQ(test, condis_cl_make_call(w->cl_vc, &params, NULL, NULL), 0);
	dump_objects(test, m);
	KUNIT_EXPECT_NOT_NULL(test, strstr(m->buf, "saps=1 vcs=1"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(m->buf, "by=client state=active call=connected"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(m->buf, "tx packets=0 bytes=0 errors=0 in-flight=0"));

	/* An OID request in flight. */
	oid.type = CONDIS_OID_QUERY;
	oid.oid = CONDIS_OID_CO_GET_ADDRESSES;
	oid.buf = w;
	w->cm.oid = CONDIS_PENDING;
	KUNIT_EXPECT_EQ(test, condis_co_oid_request(w->cl_binding, w->cl_af, NULL, NULL, &oid),
			CONDIS_PENDING);
	dump_objects(test, m);
	KUNIT_EXPECT_NOT_NULL(test, strstr(m->buf, "oid 0xfe000006 query to=call-manager"));
	condis_co_oid_request_complete(w->cl_af, NULL, NULL, &oid, 0);
	fake_world_settle(w);

	KUNIT_EXPECT_EQ(test, condis_cl_close_call(w->cl_vc, NULL, NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, condis_co_delete_vc(w->cl_vc), 0);

	KUNIT_EXPECT_EQ(test, condis_cl_deregister_sap(sap), CONDIS_PENDING);
	fake_world_settle(w);
}

static struct kunit_case condis_trace_cases[] = {
	KUNIT_CASE(trace_every_af_and_sap_transition),
	KUNIT_CASE(trace_every_vc_transition),
	KUNIT_CASE(trace_every_call_transition),
	KUNIT_CASE(trace_every_party_transition),
	KUNIT_CASE(debugfs_dump_shows_live_objects),
	{}
};

static struct kunit_suite condis_trace_suite = {
	.name = "condis_trace",
	.test_cases = condis_trace_cases,
};

kunit_test_suite(condis_trace_suite);
