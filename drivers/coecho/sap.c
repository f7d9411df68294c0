// SPDX-License-Identifier: GPL-2.0
/*
 * coecho: SAPs.
 *
 * condis gets a SAP's id as its context, not a pointer: a
 * deregister_sap_complete for a SAP that is gone already (a second
 * completion) finds no SAP with that id and is counted as such, instead of
 * touching freed memory.  Ids are never reused.
 *
 * A SAP is listed from before condis_cl_register_sap() (an incoming call
 * may be routed to it before the registration completes) until condis
 * reports it gone: a failed registration, or deregister_sap_complete.
 */
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "coecho.h"

static void coecho_sap_release(struct kref *ref)
{
	struct coecho_sap *s = container_of(ref, struct coecho_sap, ref);

	coecho_binding_put(s->b);
	kfree(s);
}

static void coecho_sap_put(struct coecho_sap *s)
{
	kref_put(&s->ref, coecho_sap_release);
}

/**
 * coecho_sap_find_locked() - find a listed SAP by id
 * @id: the SAP's id (its condis context)
 *
 * Context: coecho.lock held.
 * Return: the SAP, or NULL.
 */
struct coecho_sap *coecho_sap_find_locked(unsigned long id)
{
	struct coecho_binding *b;
	struct coecho_sap *s;

	lockdep_assert_held(&coecho.lock);
	list_for_each_entry(b, &coecho.bindings, node)
		list_for_each_entry(s, &b->saps, node)
			if (s->id == id)
				return s;
	return NULL;
}

/* The SAP of @b named @name ("*": the wildcard), preferring a registered one. */
static struct coecho_sap *coecho_sap_find_name_locked(struct coecho_binding *b, const char *name)
{
	struct coecho_sap *s, *found = NULL;

	lockdep_assert_held(&coecho.lock);
	list_for_each_entry(s, &b->saps, node) {
		if (strcmp(s->name, name))
			continue;
		if (s->state == COECHO_SAP_REGISTERED)
			return s;
		found = found ?: s;
	}
	return found;
}

static void coecho_sap_unlist_locked(struct coecho_sap *s)
{
	lockdep_assert_held(&coecho.lock);
	list_del_init(&s->node);
}

/* The registration's result, given at once or by register_sap_complete. */
static void coecho_sap_registered(struct coecho_sap *s, int status, struct condis_sap *handle)
{
	bool ok, gone = false;

	spin_lock_bh(&coecho.lock);
	ok = s->state == COECHO_SAP_REGISTERING && !list_empty(&s->node);
	if (ok) {
		s->status = status;
		if (!status) {
			s->state = COECHO_SAP_REGISTERED;
			s->handle = handle;
		} else {
			coecho_sap_unlist_locked(s);
			gone = true;
		}
	}
	spin_unlock_bh(&coecho.lock);
	if (!ok) {
		coecho_error("SAP %s on %s: a registration completed that was not in flight",
			     s->name, s->b->name);
		return;
	}
	complete_all(&s->done);
	if (gone) {
		wake_up(&coecho.waitq);
		coecho_sap_put(s);	/* the list's */
	}
}

/**
 * coecho_sap_listen() - register a SAP (ctl "listen")
 * @adapter: the adapter's name
 * @name: the service name, or "*" for the wildcard
 *
 * Context: process; waits up to COECHO_WAIT for a pended registration.
 * Return: the registration's status, -ENODEV (no such adapter or no open
 * AF on it), -ENOMEM or -ETIMEDOUT.
 */
int coecho_sap_listen(const char *adapter, const char *name)
{
	struct condis_sap_addr *addr;
	struct coecho_binding *b;
	struct condis_sap *handle = NULL;
	struct coecho_sap *s;
	u32 len;
	int err;

	len = strcmp(name, "*") ? strlen(name) : 0;
	err = coecho_binding_get_open(adapter, &b);
	if (err)
		return err;
	s = kzalloc(sizeof(*s), GFP_KERNEL);
	addr = kzalloc(sizeof(*addr) + len, GFP_KERNEL);
	if (!s || !addr) {
		kfree(s);
		kfree(addr);
		coecho_binding_put_open(b);
		return -ENOMEM;
	}
	kref_init(&s->ref);		/* the list's */
	kref_get(&s->ref);		/* ours */
	kref_get(&b->ref);
	s->b = b;
	s->state = COECHO_SAP_REGISTERING;
	init_completion(&s->done);
	s->len = len;
	strscpy(s->name, name, sizeof(s->name));
	addr->type = CONIC_SAP_TYPE;
	addr->len = len;
	memcpy(addr->addr, name, len);

	spin_lock_bh(&coecho.lock);
	s->id = ++coecho.next_sap_id;
	list_add_tail(&s->node, &b->saps);
	spin_unlock_bh(&coecho.lock);

	err = condis_cl_register_sap(b->af, (void *)s->id, addr, &handle);
	kfree(addr);	/* condis keeps a copy */
	/* The teardown waits for a registration in flight itself. */
	coecho_binding_put_open(b);
	if (err == CONDIS_PENDING)
		err = coecho_wait(&s->done, &s->status);
	else
		coecho_sap_registered(s, err, handle);
	coecho_sap_put(s);
	return err;
}

/**
 * coecho_sap_unlisten() - deregister a SAP (ctl "unlisten")
 * @adapter: the adapter's name
 * @name: the service name, or "*" for the wildcard
 *
 * Returns as soon as condis has the deregistration; deregister_sap_complete
 * comes later and removes the SAP.
 *
 * Context: process.
 * Return: 0; -ENODEV (no such adapter or no open AF on it); -ENOENT (no
 * such SAP); -EBUSY (its registration is still in flight); -EALREADY
 * (being deregistered); or condis's error.
 */
int coecho_sap_unlisten(const char *adapter, const char *name)
{
	struct condis_sap *handle = NULL;
	struct coecho_binding *b;
	struct coecho_sap *s;
	int err = 0;

	err = coecho_binding_get_open(adapter, &b);
	if (err)
		return err;
	spin_lock_bh(&coecho.lock);
	s = coecho_sap_find_name_locked(b, name);
	if (!s)
		err = -ENOENT;
	else if (s->state == COECHO_SAP_REGISTERING)
		err = -EBUSY;
	else if (s->state == COECHO_SAP_DEREGISTERING)
		err = -EALREADY;
	if (!err) {
		s->state = COECHO_SAP_DEREGISTERING;
		handle = s->handle;
		kref_get(&s->ref);
	}
	spin_unlock_bh(&coecho.lock);
	coecho_binding_put_open(b);
	if (err)
		return err;

	err = condis_cl_deregister_sap(handle);
	if (err == CONDIS_PENDING) {
		err = 0;
	} else {
		/* No completion follows: condis kept the SAP. */
		spin_lock_bh(&coecho.lock);
		if (s->state == COECHO_SAP_DEREGISTERING)
			s->state = COECHO_SAP_REGISTERED;
		spin_unlock_bh(&coecho.lock);
	}
	coecho_sap_put(s);
	return err;
}

/**
 * coecho_register_sap_complete() - condis_cl_ops.register_sap_complete
 * @status: the registration's result
 * @cl_sap_ctx: the SAP's id
 * @addr: the SAP's address
 * @sap: condis's handle (NULL on failure)
 *
 * Context: any.
 */
void coecho_register_sap_complete(int status, void *cl_sap_ctx,
				  const struct condis_sap_addr *addr, struct condis_sap *sap)
{
	unsigned long id = (unsigned long)cl_sap_ctx;
	struct coecho_sap *s;

	spin_lock_bh(&coecho.lock);
	s = coecho_sap_find_locked(id);
	if (s)
		kref_get(&s->ref);
	spin_unlock_bh(&coecho.lock);
	if (!s) {
		coecho_error("register_sap_complete for SAP %lu, which is gone", id);
		return;
	}
	coecho_sap_registered(s, status, sap);
	coecho_sap_put(s);
}

/**
 * coecho_deregister_sap_complete() - condis_cl_ops.deregister_sap_complete
 * @status: the deregistration's result
 * @cl_sap_ctx: the SAP's id
 *
 * The SAP is gone whatever @status says.  A second completion finds no
 * SAP with its id: it is logged and counted in dereg_dup.
 *
 * Context: any.
 */
void coecho_deregister_sap_complete(int status, void *cl_sap_ctx)
{
	unsigned long id = (unsigned long)cl_sap_ctx;
	struct coecho_sap *s;

	spin_lock_bh(&coecho.lock);
	s = coecho_sap_find_locked(id);
	if (s)
		coecho_sap_unlist_locked(s);
	spin_unlock_bh(&coecho.lock);
	if (!s) {
		coecho_count(dereg_dup);
		pr_err("deregister_sap_complete for SAP %lu, which is gone already (a second completion?)\n",
		       id);
		return;
	}
	coecho_count(dereg_completions);
	if (s->state != COECHO_SAP_DEREGISTERING)
		pr_info("SAP %s on %s was deregistered by condis\n", s->name, s->b->name);
	if (status)
		pr_warn("SAP %s on %s: deregistration status %pe\n", s->name, s->b->name,
			ERR_PTR(status));
	wake_up(&coecho.waitq);
	coecho_sap_put(s);	/* the list's */
}

/* The first SAP of @b in @state with an id above @after, referenced. */
static struct coecho_sap *coecho_sap_next(struct coecho_binding *b, enum coecho_sap_state state,
					  unsigned long after)
{
	struct coecho_sap *s, *found = NULL;

	spin_lock_bh(&coecho.lock);
	list_for_each_entry(s, &b->saps, node) {
		if (s->id > after && s->state == state) {
			kref_get(&s->ref);
			found = s;
			break;
		}
	}
	spin_unlock_bh(&coecho.lock);
	return found;
}

static bool coecho_binding_has_saps(struct coecho_binding *b)
{
	bool any;

	spin_lock_bh(&coecho.lock);
	any = !list_empty(&b->saps);
	spin_unlock_bh(&coecho.lock);
	return any;
}

/**
 * coecho_saps_teardown() - deregister every SAP of a binding
 * @b: the binding, its AF closing
 *
 * Waits for registrations in flight, deregisters, and returns once every
 * deregistration has completed (or COECHO_WAIT has passed).
 *
 * Context: process; b->rwsem held for writing.
 */
void coecho_saps_teardown(struct coecho_binding *b)
{
	struct condis_sap *handle;
	unsigned long after = 0;
	struct coecho_sap *s;
	bool mine;
	int err;

	lockdep_assert_held_write(&b->rwsem);
	while ((s = coecho_sap_next(b, COECHO_SAP_REGISTERING, after))) {
		after = s->id;
		if (!wait_for_completion_timeout(&s->done, COECHO_WAIT))
			pr_warn("SAP %s on %s: the registration did not complete\n", s->name,
				b->name);
		coecho_sap_put(s);
	}

	after = 0;
	while ((s = coecho_sap_next(b, COECHO_SAP_REGISTERED, after))) {
		after = s->id;
		spin_lock_bh(&coecho.lock);
		mine = s->state == COECHO_SAP_REGISTERED;
		if (mine)
			s->state = COECHO_SAP_DEREGISTERING;
		handle = s->handle;
		spin_unlock_bh(&coecho.lock);
		err = mine ? condis_cl_deregister_sap(handle) : CONDIS_PENDING;
		if (err != CONDIS_PENDING) {
			/* No completion will come: forget the SAP. */
			pr_warn("SAP %s on %s: cannot deregister: %pe\n", s->name, b->name,
				ERR_PTR(err));
			spin_lock_bh(&coecho.lock);
			mine = !list_empty(&s->node);
			if (mine)
				coecho_sap_unlist_locked(s);
			spin_unlock_bh(&coecho.lock);
			if (mine)
				coecho_sap_put(s);	/* the list's */
		}
		coecho_sap_put(s);
	}

	if (!wait_event_timeout(coecho.waitq, !coecho_binding_has_saps(b), COECHO_WAIT))
		pr_warn("%s: SAP deregistrations did not complete\n", b->name);
}

static const char *const coecho_sap_state_names[] = {
	[COECHO_SAP_REGISTERING] = "registering",
	[COECHO_SAP_REGISTERED] = "registered",
	[COECHO_SAP_DEREGISTERING] = "deregistering",
};

/**
 * coecho_saps_show() - the debugfs "saps" file
 * @m: the seq_file
 * @v: unused
 *
 * One line per SAP: adapter=NAME sap=NAME|* state=STATE calls=N.
 *
 * Context: process.
 * Return: 0.
 */
int coecho_saps_show(struct seq_file *m, void *v)
{
	struct coecho_binding *b;
	struct coecho_sap *s;

	spin_lock_bh(&coecho.lock);
	list_for_each_entry(b, &coecho.bindings, node)
		list_for_each_entry(s, &b->saps, node)
			seq_printf(m, "adapter=%s sap=%s state=%s calls=%llu\n", b->name, s->name,
				   coecho_sap_state_names[s->state], s->calls);
	spin_unlock_bh(&coecho.lock);
	return 0;
}
