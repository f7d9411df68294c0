/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One operation a driver answers exactly once (NDIS's completion rule):
 * condis asks a driver (register_sap, make_call, activate_vc, an OID ...),
 * and the driver answers either by the handler's return value or, after
 * returning pending, by one call of the matching completion function.
 *
 * A struct condis_pending lives in the object the operation concerns and
 * is protected by that object's lock, because accepting an answer and
 * changing the object's state must be one step.  It:
 * - admits one operation at a time (condis_pending_start());
 * - takes the handler's return (condis_pending_returned()): a synchronous
 *   answer, pending, or a status returned after a completion was accepted
 *   (a driver bug: the completion wins);
 * - accepts one completion and refuses every other (condis_pending_complete());
 * - delivers an accepted completion once, from condis's workqueue
 *   (condis_pending_queue(), then the owner's deliver function);
 * - holds a reference on its owner from start to the end of delivery;
 * - tells teardown what a driver still owes (condis_pending_owed()), so
 *   that condis can complete it on the driver's behalf;
 * - wakes condis_settle_wait() whenever an operation ends, so teardown
 *   waits on a waitqueue instead of polling.
 */
#ifndef _CONDIS_PENDING_H
#define _CONDIS_PENDING_H

#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/workqueue.h>

#include "object.h"

/**
 * struct condis_pending - an operation a driver answers once
 * @lock: the owner's lock; protects every field below
 * @owner: the object the operation holds a reference on while in flight
 * @deliver: the owner's delivery of an accepted completion; runs from
 *	condis's workqueue in process context, without @lock held.  It
 *	takes @lock, reads @status and what else the completion left, ends
 *	the operation (condis_pending_end()), unlocks and calls the driver.
 * @work: runs @deliver
 * @op: the operation in flight (the owner's own numbering, never 0), or 0
 * @answered: the driver has answered @op (returned a status or completed)
 * @status: a completion's status, for @deliver
 */
struct condis_pending {
	spinlock_t *lock;			/* the owner's: protects the rest */
	struct condis_obj *owner;
	void (*deliver)(struct condis_pending *p);
	struct work_struct work;
	unsigned int op;
	bool answered;
	int status;
};

void condis_pending_init(struct condis_pending *p, spinlock_t *lock, struct condis_obj *owner,
			 void (*deliver)(struct condis_pending *p));
bool condis_pending_start(struct condis_pending *p, unsigned int op);
int condis_pending_returned(struct condis_pending *p, int ret, const char *who);
int condis_pending_returned_op(struct condis_pending *p, unsigned int op, int ret,
			       const char *who);
void condis_pending_answer(struct condis_pending *p, int status);
bool condis_pending_complete(struct condis_pending *p, unsigned int op, int status,
			     const char *who);
void condis_pending_queue(struct condis_pending *p);
void condis_pending_end(struct condis_pending *p);
void condis_pending_put_owner(struct condis_pending *p);

/**
 * condis_pending_busy() - whether an operation is in flight
 * @p: the operation slot
 *
 * Context: under @p->lock.
 * Return: the operation in flight, or 0.
 */
static inline unsigned int condis_pending_busy(const struct condis_pending *p)
{
	lockdep_assert_held(p->lock);
	return p->op;
}

/**
 * condis_pending_owed() - whether a driver still owes an answer
 * @p: the operation slot
 *
 * Context: under @p->lock.
 * Return: the operation in flight that the driver has not answered, or 0.
 */
static inline unsigned int condis_pending_owed(const struct condis_pending *p)
{
	lockdep_assert_held(p->lock);
	return p->answered ? 0 : p->op;
}

void condis_settle_wake(void);
bool condis_settle_wait(bool (*done)(void *arg), void *arg, unsigned long timeout);

/*
 * A handle from a driver, referenced, or NULL after a rate-limited warning
 * naming @who: the prologue of every entry point that takes a handle.
 */
#define condis_handle_get(handle, type, who) ({					\
	const void *__h = (handle);						\
	struct condis_obj *__o = condis_obj_get_handle(__h, (type));		\
	if (!__o)								\
		condis_bad_input("%s: bad %s handle %p", (who),			\
				 condis_obj_type_name(type), __h);		\
	__o;									\
})

#endif /* _CONDIS_PENDING_H */
