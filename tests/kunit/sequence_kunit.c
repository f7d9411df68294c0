// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "condis_sequence": a randomized sequence of valid and invalid
 * operations by a client and its call manager (SAPs, VCs, outgoing calls
 * answered at once or pended, completions, closes from both sides, deletes,
 * stale handles), checked step by step against a model of the rules, and
 * at the end for exactly-once completions and nothing left behind.  Each
 * seed is a parameter, so a failure names the sequence that produced it.
 */
#include <kunit/test.h>
#include <linux/prandom.h>

#include "fake_roles.h"
#include "objects.h"

#define SEQ_VCS		4
#define SEQ_SAPS	4
#define SEQ_STEPS	200	/* keeps the event log (FAKE_LOG_MAX) whole */

/* What the model expects of one client VC. */
struct seq_vc {
	struct condis_vc *vc;		/* NULL: slot free */
	enum { IDLE, MAKING, UP, CLOSING } call;
	bool remote_closed;
	bool no_reuse;
};

struct seq {
	struct kunit *test;
	struct fake_world *w;
	struct rnd_state rnd;
	struct seq_vc vcs[SEQ_VCS];
	struct condis_sap *saps[SEQ_SAPS];
	struct condis_vc *stale;	/* a deleted VC's handle */
	unsigned int makes_pended, closes_pended, deregs;
	struct condis_call_params params;
};

static u32 seq_rand(struct seq *s, u32 n)
{
	return prandom_u32_state(&s->rnd) % n;
}

/* A status for the fake CM: at once, a failure, or pended. */
static int seq_answer(struct seq *s)
{
	static const int answers[] = { 0, -EIO, CONDIS_PENDING };

	return answers[seq_rand(s, ARRAY_SIZE(answers))];
}

static void seq_make(struct seq *s, struct seq_vc *v)
{
	int answer = seq_answer(s), want, ret;

	s->w->cm.make_call = answer;
	s->w->cl_vc = v->vc;
	if (v->no_reuse)
		want = -EINVAL;
	else if (v->call != IDLE)
		want = -EBUSY;
	else
		want = answer;
	ret = condis_cl_make_call(v->vc, &s->params, NULL, NULL);
	KUNIT_EXPECT_EQ_MSG(s->test, ret, want, "make-call, model state %d", v->call);
	if (ret == CONDIS_PENDING) {
		v->call = MAKING;
		s->makes_pended++;
	} else if (!ret) {
		v->call = UP;
	}
}

/* The CM finishes a pended make-call, well or badly. */
static void seq_make_done(struct seq *s, struct seq_vc *v)
{
	int status = seq_rand(s, 2) ? 0 : -ECONNREFUSED;

	if (!status)
		KUNIT_EXPECT_EQ(s->test, fake_cm_activate(s->w, v->vc), 0);
	condis_cm_make_call_complete(status, v->vc, NULL, NULL);
	fake_world_settle(s->w);
	v->call = status ? IDLE : UP;
	if (status && v->vc->state == CONDIS_VC_STATE_ACTIVE)
		fake_cm_deactivate(s->w, v->vc);
}

static void seq_close(struct seq *s, struct seq_vc *v)
{
	int answer = seq_rand(s, 2) ? 0 : CONDIS_PENDING, want, ret;

	s->w->cm.close_call = answer;
	s->w->cl_vc = v->vc;
	if (v->call == IDLE)
		want = -ENOTCONN;
	else if (v->call == MAKING)
		want = -EBUSY;
	else if (v->call == CLOSING)
		want = -EALREADY;
	else
		want = answer;
	ret = condis_cl_close_call(v->vc, NULL, NULL, 0);
	KUNIT_EXPECT_EQ_MSG(s->test, ret, want, "close-call, model state %d", v->call);
	if (ret == CONDIS_PENDING) {
		v->call = CLOSING;
		s->closes_pended++;
	} else if (!ret) {
		v->call = IDLE;
		v->remote_closed = false;
	}
}

static void seq_close_done(struct seq *s, struct seq_vc *v)
{
	KUNIT_EXPECT_EQ(s->test, fake_cm_deactivate(s->w, v->vc), 0);
	condis_cm_close_call_complete(0, v->vc);
	fake_world_settle(s->w);
	v->call = IDLE;
	v->remote_closed = false;
}

static void seq_remote_close(struct seq *s, struct seq_vc *v)
{
	int status = seq_rand(s, 2) ? 0 : -ENETDOWN, want, ret;

	if (v->call == CLOSING || (v->call == UP && v->remote_closed))
		want = -EALREADY;
	else if (v->call != UP)
		want = -EINVAL;
	else
		want = 0;
	ret = condis_cm_dispatch_incoming_close_call(status, v->vc, NULL, 0);
	KUNIT_EXPECT_EQ_MSG(s->test, ret, want, "incoming close, model state %d", v->call);
	if (!ret) {
		v->remote_closed = true;
		v->no_reuse |= !!status;
	}
}

static void seq_delete(struct seq *s, struct seq_vc *v)
{
	int want = v->call == IDLE ? 0 : -EBUSY, ret;

	ret = condis_co_delete_vc(v->vc);
	KUNIT_EXPECT_EQ_MSG(s->test, ret, want, "delete, model state %d", v->call);
	if (!ret) {
		s->stale = v->vc;
		memset(v, 0, sizeof(*v));
	}
}

static void seq_sap(struct seq *s, unsigned int i)
{
	struct fake_sap_addr a;

	if (!s->saps[i]) {
		fake_sap_addr(&a, 100 + i);
		s->w->cm.register_sap = 0;
		KUNIT_EXPECT_EQ(s->test, condis_cl_register_sap(s->w->cl_af, s->w, &a.addr,
								&s->saps[i]), 0);
	} else {
		KUNIT_EXPECT_EQ(s->test, condis_cl_deregister_sap(s->saps[i]), CONDIS_PENDING);
		/* A second deregistration of the same handle is refused. */
		KUNIT_EXPECT_EQ(s->test, condis_cl_deregister_sap(s->saps[i]), -EBADF);
		s->saps[i] = NULL;
		s->deregs++;
	}
}

static void seq_step(struct seq *s)
{
	struct seq_vc *v = &s->vcs[seq_rand(s, SEQ_VCS)];
	u32 op = seq_rand(s, 9);

	if (!v->vc && op < 8) {
		KUNIT_EXPECT_EQ(s->test, condis_co_create_vc(s->w->cl_binding, s->w->cl_af, s->w,
							     &v->vc), 0);
		/* Handles are addresses: a new VC may reuse a freed one's. */
		if (v->vc == s->stale)
			s->stale = NULL;
		return;
	}
	switch (op) {
	case 0:
	case 1:
		seq_make(s, v);
		break;
	case 2:
		if (v->call == MAKING)
			seq_make_done(s, v);
		break;
	case 3:
		seq_close(s, v);
		break;
	case 4:
		if (v->call == CLOSING)
			seq_close_done(s, v);
		break;
	case 5:
		seq_remote_close(s, v);
		break;
	case 6:
		seq_delete(s, v);
		break;
	case 7:
		seq_sap(s, seq_rand(s, SEQ_SAPS));
		break;
	default:
		/* Invalid: a stale handle, or a completion nobody waits for. */
		if (s->stale) {
			KUNIT_EXPECT_EQ(s->test, condis_cl_make_call(s->stale, &s->params, NULL,
								     NULL), -EBADF);
			KUNIT_EXPECT_EQ(s->test, condis_co_delete_vc(s->stale), -EBADF);
		}
		if (v->vc && v->call != MAKING)
			condis_cm_make_call_complete(0, v->vc, NULL, NULL);
		break;
	}
}

/* Finish everything in flight, close and delete every call and VC, drop the SAPs. */
static void seq_drain(struct seq *s)
{
	unsigned int i;

	for (i = 0; i < SEQ_VCS; i++) {
		struct seq_vc *v = &s->vcs[i];

		if (!v->vc)
			continue;
		if (v->call == MAKING)
			seq_make_done(s, v);
		if (v->call == CLOSING)
			seq_close_done(s, v);
		if (v->call == UP) {
			s->w->cm.close_call = 0;
			s->w->cl_vc = v->vc;
			KUNIT_EXPECT_EQ(s->test, condis_cl_close_call(v->vc, NULL, NULL, 0), 0);
			v->call = IDLE;
		}
		seq_delete(s, v);
	}
	for (i = 0; i < SEQ_SAPS; i++)
		if (s->saps[i])
			seq_sap(s, i);
	fake_world_settle(s->w);
}

static const u64 seq_seeds[] = { 1, 0xc0d15, 20261124 };

static const void *seq_gen_params(const void *prev, char *desc)
{
	const u64 *seed = prev ? (const u64 *)prev + 1 : seq_seeds;

	if (seed >= seq_seeds + ARRAY_SIZE(seq_seeds))
		return NULL;
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "seed %llu", *seed);
	return seed;
}

/*
 * Random operations against the model; at the end every pended operation
 * has completed exactly once and the AF closes with nothing left on it.
 */
static void sequence_random_operations_keep_invariants(struct kunit *test)
{
	const u64 *seed = test->param_value;
	struct seq *s = kunit_kzalloc(test, sizeof(*s), GFP_KERNEL);
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, s);
	s->test = test;
	s->w = fake_world_new(test, *seed & 1 ? FAKE_MCM : FAKE_STANDALONE_CM);
	prandom_seed_state(&s->rnd, *seed);
	KUNIT_ASSERT_EQ(test, fake_world_open_af(s->w), 0);
	for (i = 0; i < SEQ_STEPS && !test->status; i++)
		seq_step(s);
	seq_drain(s);

	/* Exactly once: one completion per pended operation, none for the rest. */
	KUNIT_EXPECT_EQ(test, fake_count(s->w, "cl.make_call_complete"), s->makes_pended);
	KUNIT_EXPECT_EQ(test, fake_count(s->w, "cl.close_call_complete"), s->closes_pended);
	KUNIT_EXPECT_EQ(test, fake_count(s->w, "cl.deregister_sap_complete"), s->deregs);
	KUNIT_EXPECT_EQ(test, fake_count(s->w, "cm.deregister_sap"), s->deregs);
	/* Nothing left: every VC deleted everywhere, the AF closes. */
	KUNIT_EXPECT_EQ(test, s->w->mp_vcs, 0);
	KUNIT_EXPECT_EQ(test, s->w->cl_af->nr_vcs, 0U);
	KUNIT_EXPECT_EQ(test, s->w->cl_af->nr_saps, 0U);
	s->w->cm.close_af = 0;
	KUNIT_EXPECT_EQ(test, condis_cl_close_af(s->w->cl_af), CONDIS_PENDING);
	fake_world_settle(s->w);
	FAKE_EXPECT_ONCE(test, s->w, "cl.close_af_complete 0");
	KUNIT_EXPECT_LT(test, s->w->log.n, (unsigned int)FAKE_LOG_MAX);	/* counts are whole */
}

static struct kunit_case condis_sequence_cases[] = {
	KUNIT_CASE_PARAM(sequence_random_operations_keep_invariants, seq_gen_params),
	{}
};

static struct kunit_suite condis_sequence_suite = {
	.name = "condis_sequence",
	.test_cases = condis_sequence_cases,
};

kunit_test_suite(condis_sequence_suite);
