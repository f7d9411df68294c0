// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "condis_party": point-to-multipoint calls rooted at the
 * client: the first party with the make-call, added and dropped leaves,
 * leaves dropped by the network, and the last-party rules, for a
 * stand-alone call manager and for an MCM.
 */
#include <kunit/test.h>

#include "fake_roles.h"

static struct condis_call_params party_params;

static struct fake_world *party_world(struct kunit *test)
{
	const enum fake_cm_kind *kind = test->param_value;
	struct fake_world *w = fake_world_new(test, *kind);

	KUNIT_ASSERT_EQ(test, fake_world_open_af(w), 0);
	KUNIT_ASSERT_EQ(test, condis_co_create_vc(w->cl_binding, w->cl_af, w, &w->cl_vc), 0);
	return w;
}

static struct fake_party *new_party(struct kunit *test, struct fake_world *w, int id)
{
	struct fake_party *fp = kunit_kzalloc(test, sizeof(*fp), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, fp);
	fp->w = w;
	fp->id = id;
	return fp;
}

/* A connected multipoint call whose first party is returned. */
static struct fake_party *multipoint_call(struct kunit *test, struct fake_world *w)
{
	struct fake_party *root = new_party(test, w, 1);

	KUNIT_ASSERT_EQ(test, condis_cl_make_call(w->cl_vc, &party_params, root, &root->party),
			0);
	KUNIT_ASSERT_NOT_NULL(test, root->party);
	w->cl_made_party = root->party;
	return root;
}

static struct fake_party *added_party(struct kunit *test, struct fake_world *w, int id)
{
	struct fake_party *fp = new_party(test, w, id);

	KUNIT_ASSERT_EQ(test, condis_cl_add_party(w->cl_vc, fp, &party_params, &fp->party), 0);
	return fp;
}

static void close_and_delete(struct kunit *test, struct fake_world *w, struct fake_party *last)
{
	KUNIT_EXPECT_EQ(test, condis_cl_close_call(w->cl_vc, last->party, NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, condis_co_delete_vc(w->cl_vc), 0);
}

/* A make-call with a party is multipoint: the CM gets the party, the client its handle. */
static void party_make_call_with_party_is_multipoint(struct kunit *test)
{
	struct fake_world *w = party_world(test);
	struct fake_party *root = multipoint_call(test, w);
	struct fake_party *leaf;

	FAKE_EXPECT_ONCE(test, w, "cm.make_call multipoint");
	KUNIT_EXPECT_PTR_EQ(test, w->cm_last_party, root->party);
	leaf = added_party(test, w, 2);
	FAKE_EXPECT_ONCE(test, w, "cm.add_party");
	FAKE_EXPECT_NONE(test, w, "cl.add_party_complete");	/* answered at once */
	KUNIT_EXPECT_EQ(test, condis_cl_drop_party(leaf->party, NULL, 0), 0);
	FAKE_EXPECT_ONCE(test, w, "cm.drop_party");
	KUNIT_EXPECT_EQ(test, condis_cl_drop_party(leaf->party, NULL, 0), -EBADF);
	/* The close carries the last party to the CM. */
	close_and_delete(test, w, root);
	FAKE_EXPECT_ONCE(test, w, "cm.close_call with party");
	/* The last party left with the call. */
	KUNIT_EXPECT_EQ(test, condis_cl_drop_party(root->party, NULL, 0), -EBADF);
}

/* A pended make-call delivers the first party with its completion, once. */
static void party_make_call_pended_delivers_party_once(struct kunit *test)
{
	struct fake_world *w = party_world(test);
	struct fake_party *root = new_party(test, w, 1);

	w->cm.make_call = CONDIS_PENDING;
	KUNIT_ASSERT_EQ(test, condis_cl_make_call(w->cl_vc, &party_params, root, &root->party),
			CONDIS_PENDING);
	KUNIT_ASSERT_NOT_NULL(test, root->party);
	/* No add or drop before the call is up. */
	KUNIT_EXPECT_EQ(test, condis_cl_drop_party(root->party, NULL, 0), -EBUSY);
	KUNIT_EXPECT_EQ(test, condis_cl_add_party(w->cl_vc, root, &party_params, &root->party),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, fake_cm_activate(w, w->cl_vc), 0);
	condis_cm_make_call_complete(0, w->cl_vc, NULL, NULL);
	condis_cm_make_call_complete(0, w->cl_vc, NULL, NULL);
	fake_world_settle(w);
	FAKE_EXPECT_ONCE(test, w, "cl.make_call_complete 0");
	KUNIT_EXPECT_PTR_EQ(test, w->cl_made_party, root->party);
	close_and_delete(test, w, root);
}

/* A failed make-call takes its first party with it: the handle is stale. */
static void party_make_call_failure_ends_first_party(struct kunit *test)
{
	struct fake_world *w = party_world(test);
	struct fake_party *root = new_party(test, w, 1);

	w->cm.make_call = CONDIS_PENDING;
	KUNIT_ASSERT_EQ(test, condis_cl_make_call(w->cl_vc, &party_params, root, &root->party),
			CONDIS_PENDING);
	condis_cm_make_call_complete(-ECONNREFUSED, w->cl_vc, NULL, NULL);
	fake_world_settle(w);
	FAKE_EXPECT_ONCE(test, w, "cl.make_call_complete -111");
	KUNIT_EXPECT_NULL(test, w->cl_made_party);
	KUNIT_EXPECT_EQ(test, condis_cl_drop_party(root->party, NULL, 0), -EBADF);
	KUNIT_EXPECT_EQ(test, condis_cl_close_call(w->cl_vc, root->party, NULL, 0), -EBADF);
	/* A refusal at once also leaves no party, and clears the client's handle. */
	w->cm.make_call = -EHOSTUNREACH;
	KUNIT_EXPECT_EQ(test, condis_cl_make_call(w->cl_vc, &party_params, root, &root->party),
			-EHOSTUNREACH);
	KUNIT_EXPECT_NULL(test, root->party);
	KUNIT_EXPECT_EQ(test, condis_co_delete_vc(w->cl_vc), 0);
}

/* A pended add completes once, off the caller's thread. */
static void party_add_pended_completes_once(struct kunit *test)
{
	struct fake_world *w = party_world(test);
	struct fake_party *root = multipoint_call(test, w), *leaf = new_party(test, w, 2);

	w->cm.add_party = CONDIS_PENDING;
	KUNIT_ASSERT_EQ(test, condis_cl_add_party(w->cl_vc, leaf, &party_params, &leaf->party),
			CONDIS_PENDING);
	/* Being added: not droppable, and the call cannot be closed yet. */
	KUNIT_EXPECT_EQ(test, condis_cl_drop_party(leaf->party, NULL, 0), -EBUSY);
	KUNIT_EXPECT_EQ(test, condis_cl_close_call(w->cl_vc, root->party, NULL, 0), -EBUSY);
	KUNIT_EXPECT_EQ(test, condis_cm_dispatch_incoming_drop_party(0, leaf->party, NULL, 0),
			-EBUSY);
	condis_cm_add_party_complete(0, w->cm_last_party, NULL, NULL);
	condis_cm_add_party_complete(0, w->cm_last_party, NULL, NULL);
	fake_world_settle(w);
	FAKE_EXPECT_ONCE(test, w, "cl.add_party_complete 0 party=2");
	FAKE_EXPECT_ONCE(test, w, "cl.add_party_complete");
	KUNIT_EXPECT_PTR_NE(test, fake_task(w, "cl.add_party_complete"), current);
	KUNIT_EXPECT_EQ(test, condis_cl_drop_party(leaf->party, NULL, 0), 0);
	close_and_delete(test, w, root);
}

/* A failed add leaves no party behind. */
static void party_add_failure_removes_party(struct kunit *test)
{
	struct fake_world *w = party_world(test);
	struct fake_party *root = multipoint_call(test, w), *leaf = new_party(test, w, 2);
	struct condis_party *handle;

	w->cm.add_party = CONDIS_PENDING;
	KUNIT_ASSERT_EQ(test, condis_cl_add_party(w->cl_vc, leaf, &party_params, &leaf->party),
			CONDIS_PENDING);
	handle = leaf->party;
	condis_cm_add_party_complete(-ENOMEM, handle, NULL, NULL);
	fake_world_settle(w);
	FAKE_EXPECT_ONCE(test, w, "cl.add_party_complete -12 party=2");
	KUNIT_EXPECT_EQ(test, condis_cl_drop_party(handle, NULL, 0), -EBADF);
	/* One party is left: the call closes. */
	close_and_delete(test, w, root);
}

/* A pended drop: the handle is stale at once, the completion comes once. */
static void party_drop_pended_completes_once(struct kunit *test)
{
	struct fake_world *w = party_world(test);
	struct fake_party *root = multipoint_call(test, w), *leaf = added_party(test, w, 2);

	w->cm.drop_party = CONDIS_PENDING;
	KUNIT_EXPECT_EQ(test, condis_cl_drop_party(leaf->party, NULL, 0), CONDIS_PENDING);
	KUNIT_EXPECT_EQ(test, condis_cl_drop_party(leaf->party, NULL, 0), -EBADF);
	/* The root is now the only active party: it cannot go too, nor be dropped remotely. */
	KUNIT_EXPECT_EQ(test, condis_cl_drop_party(root->party, NULL, 0), -EBUSY);
	KUNIT_EXPECT_EQ(test, condis_cm_dispatch_incoming_drop_party(0, root->party, NULL, 0),
			-EINVAL);
	/* Still a party of the call until the CM is done. */
	KUNIT_EXPECT_EQ(test, condis_cl_close_call(w->cl_vc, root->party, NULL, 0), -EBUSY);
	condis_cm_drop_party_complete(0, leaf->party);
	condis_cm_drop_party_complete(0, leaf->party);
	fake_world_settle(w);
	FAKE_EXPECT_ONCE(test, w, "cl.drop_party_complete");
	FAKE_EXPECT_ONCE(test, w, "cl.drop_party_complete 0 party=2");
	close_and_delete(test, w, root);
}

/*
 * NDIS: the last party is not dropped but closed with the call, with
 * whichever party is left (not necessarily the first).
 */
static void party_last_party_leaves_only_with_close(struct kunit *test)
{
	struct fake_world *w = party_world(test);
	struct fake_party *root = multipoint_call(test, w), *leaf = added_party(test, w, 2);

	KUNIT_EXPECT_EQ(test, condis_cl_close_call(w->cl_vc, leaf->party, NULL, 0), -EBUSY);
	KUNIT_EXPECT_EQ(test, condis_cl_close_call(w->cl_vc, NULL, NULL, 0), -EBUSY);
	KUNIT_EXPECT_EQ(test, condis_cl_drop_party(root->party, NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, condis_cl_drop_party(leaf->party, NULL, 0), -EBUSY);
	FAKE_EXPECT_ONCE(test, w, "cm.drop_party");
	/* A multipoint call is closed with its last party, not without one. */
	KUNIT_EXPECT_EQ(test, condis_cl_close_call(w->cl_vc, NULL, NULL, 0), -EINVAL);
	close_and_delete(test, w, leaf);
}

/*
 * The network drops a leaf: the client is told and drops it; the last
 * leaf cannot be dropped that way, and a drop crossing the client's own
 * drop is not dispatched.
 */
static void party_incoming_drop_reaches_client(struct kunit *test)
{
	struct fake_world *w = party_world(test);
	struct fake_party *root = multipoint_call(test, w), *leaf = added_party(test, w, 2);
	struct fake_party *third = added_party(test, w, 3);

	leaf->drop_on_remote_drop = true;
	KUNIT_EXPECT_EQ(test,
			condis_cm_dispatch_incoming_drop_party(-ENETDOWN, leaf->party, NULL, 0), 0);
	FAKE_EXPECT_ONCE(test, w, "cl.incoming_drop_party -100 party=2");
	KUNIT_EXPECT_EQ(test, leaf->drop_ret, 0);
	FAKE_EXPECT_BEFORE(test, w, "cl.incoming_drop_party", "cm.drop_party");

	w->cm.drop_party = CONDIS_PENDING;
	KUNIT_EXPECT_EQ(test, condis_cl_drop_party(third->party, NULL, 0), CONDIS_PENDING);
	KUNIT_EXPECT_EQ(test, condis_cm_dispatch_incoming_drop_party(0, third->party, NULL, 0),
			-EALREADY);
	FAKE_EXPECT_NONE(test, w, "cl.incoming_drop_party 0 party=3");
	condis_cm_drop_party_complete(0, third->party);
	fake_world_settle(w);
	/* The root is the last party: the network must close the call instead. */
	KUNIT_EXPECT_EQ(test, condis_cm_dispatch_incoming_drop_party(0, root->party, NULL, 0),
			-EINVAL);
	FAKE_EXPECT_ONCE(test, w, "cl.incoming_drop_party");
	w->cl_close_on_remote_close = true;
	KUNIT_EXPECT_EQ(test, condis_cm_dispatch_incoming_close_call(0, w->cl_vc, NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, w->cl_close_ret, 0);
	KUNIT_EXPECT_EQ(test, condis_co_delete_vc(w->cl_vc), 0);
}

/* Parties belong to connected multipoint calls only. */
static void party_add_needs_connected_multipoint_call(struct kunit *test)
{
	struct fake_world *w = party_world(test);
	struct fake_party *fp = new_party(test, w, 2);

	KUNIT_EXPECT_EQ(test, condis_cl_add_party(w->cl_vc, fp, &party_params, &fp->party),
			-EINVAL);
	KUNIT_ASSERT_EQ(test, condis_cl_make_call(w->cl_vc, &party_params, NULL, NULL), 0);
	KUNIT_EXPECT_EQ(test, condis_cl_add_party(w->cl_vc, fp, &party_params, &fp->party),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, condis_cl_add_party(w->cl_vc, fp, NULL, &fp->party), -EINVAL);
	KUNIT_EXPECT_EQ(test, condis_cl_add_party(NULL, fp, &party_params, &fp->party), -EBADF);
	KUNIT_EXPECT_EQ(test, condis_cl_drop_party(NULL, NULL, 0), -EBADF);
	KUNIT_EXPECT_EQ(test, condis_cm_dispatch_incoming_drop_party(0, NULL, NULL, 0), -EBADF);
	condis_cm_add_party_complete(0, NULL, NULL, NULL);
	condis_cm_drop_party_complete(0, NULL);
	/* A point-to-point call is closed without a party. */
	KUNIT_EXPECT_EQ(test, condis_cl_close_call(w->cl_vc, NULL, NULL, 0), 0);
	FAKE_EXPECT_NONE(test, w, "cm.add_party");
	FAKE_EXPECT_NONE(test, w, "cl.add_party_complete");
	FAKE_EXPECT_NONE(test, w, "cl.drop_party_complete");
	KUNIT_EXPECT_EQ(test, condis_co_delete_vc(w->cl_vc), 0);
}

static struct kunit_case condis_party_cases[] = {
	KUNIT_CASE_PARAM(party_make_call_with_party_is_multipoint, fake_kind_gen_params),
	KUNIT_CASE_PARAM(party_make_call_pended_delivers_party_once, fake_kind_gen_params),
	KUNIT_CASE_PARAM(party_make_call_failure_ends_first_party, fake_kind_gen_params),
	KUNIT_CASE_PARAM(party_add_pended_completes_once, fake_kind_gen_params),
	KUNIT_CASE_PARAM(party_add_failure_removes_party, fake_kind_gen_params),
	KUNIT_CASE_PARAM(party_drop_pended_completes_once, fake_kind_gen_params),
	KUNIT_CASE_PARAM(party_last_party_leaves_only_with_close, fake_kind_gen_params),
	KUNIT_CASE_PARAM(party_incoming_drop_reaches_client, fake_kind_gen_params),
	KUNIT_CASE_PARAM(party_add_needs_connected_multipoint_call, fake_kind_gen_params),
	{}
};

static struct kunit_suite condis_party_suite = {
	.name = "condis_party",
	.test_cases = condis_party_cases,
};

kunit_test_suite(condis_party_suite);
