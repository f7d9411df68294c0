// SPDX-License-Identifier: GPL-2.0
/*
 * coecho: parties (leaves) of the point-to-multipoint calls we root.
 *
 * The first party (leaf 0) comes with the make-call (call.c), the others
 * with ctl "addparty".  A party is listed on its call from before condis
 * is asked until condis reports it gone: a failed add, a completed drop,
 * or the call's end.  Operations on parties run under their call's mutex.
 */
#include <linux/slab.h>
#include <linux/string.h>

#include "coecho.h"

static void coecho_party_drop_fn(struct work_struct *work);

static void coecho_party_release(struct kref *ref)
{
	struct coecho_party *p = container_of(ref, struct coecho_party, ref);

	coecho_params_free(p->params);
	coecho_call_put(p->call);
	kfree(p);
}

/**
 * coecho_party_put() - drop a reference to a party
 * @p: the party
 *
 * Context: any.
 */
void coecho_party_put(struct coecho_party *p)
{
	kref_put(&p->ref, coecho_party_release);
}

/**
 * coecho_party_new() - a new party, not listed yet
 * @call: its call
 * @leaf: the user's number for it
 * @gfp: allocation flags
 *
 * The reference returned becomes the list's once the caller lists it.
 *
 * Context: as @gfp allows.
 * Return: the party, or NULL.
 */
struct coecho_party *coecho_party_new(struct coecho_call *call, u32 leaf, gfp_t gfp)
{
	struct coecho_party *p = kzalloc(sizeof(*p), gfp);

	if (!p)
		return NULL;
	kref_init(&p->ref);
	INIT_LIST_HEAD(&p->node);
	init_completion(&p->done);
	INIT_WORK(&p->drop_work, coecho_party_drop_fn);
	kref_get(&call->ref);
	p->call = call;
	p->leaf = leaf;
	p->state = COECHO_PARTY_ADDING;
	return p;
}

static struct coecho_party *coecho_party_find_locked(struct coecho_call *call, u32 leaf)
{
	struct coecho_party *p;

	lockdep_assert_held(&coecho.lock);
	list_for_each_entry(p, &call->parties, node)
		if (p->leaf == leaf)
			return p;
	return NULL;
}

/**
 * coecho_parties_active_locked() - how many leaves a call has
 * @call: the call
 *
 * Context: coecho.lock held.
 * Return: the number of active parties.
 */
unsigned int coecho_parties_active_locked(struct coecho_call *call)
{
	struct coecho_party *p;
	unsigned int n = 0;

	lockdep_assert_held(&coecho.lock);
	list_for_each_entry(p, &call->parties, node)
		n += p->state == COECHO_PARTY_ACTIVE;
	return n;
}

/**
 * coecho_parties_made_locked() - a multipoint make-call succeeded
 * @call: the call
 * @handle: condis's handle of its first party
 *
 * Context: coecho.lock held.
 */
void coecho_parties_made_locked(struct coecho_call *call, struct condis_party *handle)
{
	struct coecho_party *p;

	lockdep_assert_held(&coecho.lock);
	list_for_each_entry(p, &call->parties, node) {
		if (p->state == COECHO_PARTY_ADDING && !p->handle) {
			p->state = COECHO_PARTY_ACTIVE;
			p->handle = handle;
			return;
		}
	}
}

/**
 * coecho_parties_gone_locked() - a call ended: all its parties with it
 * @call: the call
 * @gone: the parties are moved here; coecho_parties_put_list() them
 *	once coecho.lock is dropped
 *
 * Context: coecho.lock held.
 */
void coecho_parties_gone_locked(struct coecho_call *call, struct list_head *gone)
{
	struct coecho_party *p, *tmp;

	lockdep_assert_held(&coecho.lock);
	list_for_each_entry_safe(p, tmp, &call->parties, node) {
		p->state = COECHO_PARTY_GONE;
		list_move_tail(&p->node, gone);
	}
}

/**
 * coecho_parties_put_list() - drop the list references of gone parties
 * @gone: the list coecho_parties_gone_locked() filled
 *
 * Context: any, without coecho.lock.
 */
void coecho_parties_put_list(struct list_head *gone)
{
	struct coecho_party *p, *tmp;

	list_for_each_entry_safe(p, tmp, gone, node) {
		list_del_init(&p->node);
		complete_all(&p->done);	/* for anyone waiting on an add or drop */
		coecho_party_put(p);
	}
}

/* The add's result, given at once or by add_party_complete. */
static void coecho_party_added(struct coecho_party *p, int status, struct condis_party *handle)
{
	bool ok, gone = false;

	spin_lock_bh(&coecho.lock);
	ok = p->state == COECHO_PARTY_ADDING && !list_empty(&p->node);
	if (ok) {
		p->status = status;
		if (!status) {
			p->state = COECHO_PARTY_ACTIVE;
			p->handle = handle;
		} else {
			p->state = COECHO_PARTY_GONE;
			list_del_init(&p->node);
			gone = true;
		}
	}
	spin_unlock_bh(&coecho.lock);
	if (!ok) {
		coecho_error("call %u leaf %u: an add completed that was not in flight",
			     p->call->id, p->leaf);
		return;
	}
	if (status)
		pr_warn("call %u leaf %u: add failed: %pe\n", p->call->id, p->leaf,
			ERR_PTR(status));
	complete_all(&p->done);
	if (gone)
		coecho_party_put(p);	/* the list's */
}

/* The drop's result, given at once or by drop_party_complete. */
static void coecho_party_dropped(struct coecho_party *p, int status)
{
	bool ok, gone = false;

	spin_lock_bh(&coecho.lock);
	/* An active party: condis dropped it for us in a forced teardown. */
	ok = p->state == COECHO_PARTY_DROPPING ||
	     (p->state == COECHO_PARTY_ACTIVE && !status);
	if (ok) {
		p->status = status;
		if (!status) {
			p->state = COECHO_PARTY_GONE;
			list_del_init(&p->node);
			gone = true;
		} else {
			p->state = COECHO_PARTY_ACTIVE;
		}
	}
	spin_unlock_bh(&coecho.lock);
	if (!ok) {
		coecho_error("call %u leaf %u: a drop completed that was not in flight",
			     p->call->id, p->leaf);
		return;
	}
	if (status)
		pr_warn("call %u leaf %u: drop failed: %pe\n", p->call->id, p->leaf,
			ERR_PTR(status));
	complete_all(&p->done);
	if (gone)
		coecho_party_put(p);	/* the list's */
}

/* Drop @p and wait for it; its call's mutex held, the caller holds a reference. */
static int coecho_party_drop_locked(struct coecho_party *p)
{
	struct condis_party *handle = NULL;
	int err = 0;

	lockdep_assert_held(&p->call->mutex);
	spin_lock_bh(&coecho.lock);
	if (p->state != COECHO_PARTY_ACTIVE) {
		err = -EBUSY;
	} else {
		p->state = COECHO_PARTY_DROPPING;
		handle = p->handle;
		reinit_completion(&p->done);
	}
	spin_unlock_bh(&coecho.lock);
	if (err)
		return err;
	err = condis_cl_drop_party(handle, NULL, 0);
	if (err == CONDIS_PENDING)
		return coecho_wait(&p->done, &p->status);
	coecho_party_dropped(p, err);
	return err;
}

/**
 * coecho_party_add() - add a leaf to a multipoint call (ctl "addparty")
 * @id: the call's id
 * @leaf: the new leaf's number
 * @name: the service name the leaf is called at
 *
 * Context: process; waits up to COECHO_WAIT for a pended add.
 * Return: the add's status; -ENOENT (no such call); -EINVAL (not a
 * multipoint call); -ENOTCONN (not connected); -EEXIST (@leaf in use);
 * -ENOMEM; -ETIMEDOUT.
 */
int coecho_party_add(u32 id, u32 leaf, const char *name)
{
	struct coecho_call *call = coecho_call_get(id);
	struct condis_party *handle = NULL;
	struct condis_vc *vc = NULL;
	struct coecho_party *p;
	int err;

	if (!call)
		return -ENOENT;
	err = coecho_call_lock(call);
	if (err)
		goto out_put_call;
	p = coecho_party_new(call, leaf, GFP_KERNEL);
	if (p)
		p->params = coecho_params_new(name, strlen(name), READ_ONCE(call->rate),
					      GFP_KERNEL);
	if (!p || !p->params) {
		err = -ENOMEM;
		goto out_put_party;
	}
	spin_lock_bh(&coecho.lock);
	if (!call->multipoint)
		err = -EINVAL;
	else if (call->state != COECHO_CALL_CONNECTED)
		err = -ENOTCONN;
	else if (coecho_party_find_locked(call, leaf))
		err = -EEXIST;
	if (!err) {
		list_add_tail(&p->node, &call->parties);	/* the list's reference */
		kref_get(&p->ref);				/* ours */
		vc = call->vc;
	}
	spin_unlock_bh(&coecho.lock);
	if (err)
		goto out_put_party;

	err = condis_cl_add_party(vc, p, &p->params->call, &handle);
	if (err == CONDIS_PENDING)
		err = coecho_wait(&p->done, &p->status);
	else
		coecho_party_added(p, err, handle);
out_put_party:
	if (p)
		coecho_party_put(p);
	mutex_unlock(&call->mutex);
out_put_call:
	coecho_call_put(call);
	return err;
}

/**
 * coecho_party_drop() - drop a leaf of a multipoint call (ctl "dropparty")
 * @id: the call's id
 * @leaf: the leaf's number
 *
 * Context: process; waits up to COECHO_WAIT for a pended drop.
 * Return: the drop's status (-EBUSY from condis for the last leaf: close
 * the call instead); -ENOENT (no such call or leaf); -EBUSY (the leaf is
 * not active); -ETIMEDOUT.
 */
int coecho_party_drop(u32 id, u32 leaf)
{
	struct coecho_call *call = coecho_call_get(id);
	struct coecho_party *p;
	int err;

	if (!call)
		return -ENOENT;
	err = coecho_call_lock(call);
	if (err)
		goto out_put_call;
	spin_lock_bh(&coecho.lock);
	p = coecho_party_find_locked(call, leaf);
	if (p)
		kref_get(&p->ref);
	spin_unlock_bh(&coecho.lock);
	if (p) {
		err = coecho_party_drop_locked(p);
		coecho_party_put(p);
	} else {
		err = -ENOENT;
	}
	mutex_unlock(&call->mutex);
out_put_call:
	coecho_call_put(call);
	return err;
}

/**
 * coecho_parties_trim() - drop all parties of a call but one, for its close
 * @call: a multipoint call
 * @last: set to the handle of the party left (NULL if none is active)
 *
 * Adds and drops in flight are waited for first.
 *
 * Context: process; the call's mutex held.
 * Return: 0, or the error of a drop (or -ETIMEDOUT, -EBUSY).
 */
int coecho_parties_trim(struct coecho_call *call, struct condis_party **last)
{
	struct coecho_party *p, *keep, *busy, *extra;
	unsigned int tries;
	int err;

	lockdep_assert_held(&call->mutex);
	for (tries = 0; tries < 2 * CONIC_MAX_LEAVES + 2; tries++) {
		keep = NULL;
		busy = NULL;
		extra = NULL;
		spin_lock_bh(&coecho.lock);
		list_for_each_entry(p, &call->parties, node) {
			if (p->state == COECHO_PARTY_ADDING || p->state == COECHO_PARTY_DROPPING) {
				busy = p;
				break;
			}
			if (p->state != COECHO_PARTY_ACTIVE)
				continue;
			if (keep) {
				extra = p;
				break;
			}
			keep = p;
		}
		p = busy ?: extra;
		if (p)
			kref_get(&p->ref);
		else
			*last = keep ? keep->handle : NULL;
		spin_unlock_bh(&coecho.lock);
		if (!p)
			return 0;

		if (busy)
			err = wait_for_completion_timeout(&p->done, COECHO_WAIT) ? 0 : -ETIMEDOUT;
		else
			err = coecho_party_drop_locked(p);
		coecho_party_put(p);
		if (err)
			return err;
	}
	return -EBUSY;
}

/**
 * coecho_add_party_complete() - condis_cl_ops.add_party_complete
 * @status: the add's result
 * @cl_party_ctx: the party
 * @party: condis's handle (NULL on failure)
 * @params: the leaf's parameters
 *
 * Context: process (condis's workqueue).
 */
void coecho_add_party_complete(int status, void *cl_party_ctx, struct condis_party *party,
			       struct condis_call_params *params)
{
	struct coecho_party *p = cl_party_ctx;

	kref_get(&p->ref);
	coecho_party_added(p, status, party);
	coecho_party_put(p);
}

/**
 * coecho_drop_party_complete() - condis_cl_ops.drop_party_complete
 * @status: the drop's result
 * @cl_party_ctx: the party
 *
 * Context: process (condis's workqueue).
 */
void coecho_drop_party_complete(int status, void *cl_party_ctx)
{
	struct coecho_party *p = cl_party_ctx;

	kref_get(&p->ref);
	coecho_party_dropped(p, status);
	coecho_party_put(p);
}

/* Work: the network dropped the leaf; drop our end. */
static void coecho_party_drop_fn(struct work_struct *work)
{
	struct coecho_party *p = container_of(work, struct coecho_party, drop_work);
	struct coecho_call *call = p->call;
	bool todo;
	int err;

	mutex_lock(&call->mutex);
	spin_lock_bh(&coecho.lock);
	todo = p->state == COECHO_PARTY_ACTIVE;
	spin_unlock_bh(&coecho.lock);
	if (todo) {
		err = coecho_party_drop_locked(p);
		if (err)
			coecho_error("call %u leaf %u: dropping after the network failed: %pe",
				     call->id, p->leaf, ERR_PTR(err));
	}
	mutex_unlock(&call->mutex);
	coecho_party_put(p);
}

/**
 * coecho_incoming_drop_party() - condis_cl_ops.incoming_drop_party
 * @status: why the leaf left
 * @cl_party_ctx: the party
 * @data: what the leaf sent, or NULL
 * @size: bytes in @data
 *
 * Answered with condis_cl_drop_party() from a work item.
 *
 * Context: any.
 */
void coecho_incoming_drop_party(int status, void *cl_party_ctx, void *data, unsigned int size)
{
	struct coecho_party *p = cl_party_ctx;

	pr_info("call %u leaf %u: dropped by the network, status %d\n", p->call->id, p->leaf,
		status);
	kref_get(&p->ref);
	if (!queue_work(coecho.wq, &p->drop_work))
		coecho_party_put(p);
}
