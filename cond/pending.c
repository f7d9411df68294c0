// SPDX-License-Identifier: GPL-2.0
/*
 * Operations a driver answers exactly once (pending.h), and the waitqueue
 * teardown sleeps on until the answers it waits for have arrived.
 */
#include <linux/wait.h>
#include <kunit/visibility.h>
#include <net/condis.h>

#include "core.h"
#include "pending.h"

/* Woken whenever an operation ends or an object's state settles. */
static DECLARE_WAIT_QUEUE_HEAD(condis_settle_wq);

static void condis_pending_work(struct work_struct *work)
{
	struct condis_pending *p = container_of(work, struct condis_pending, work);
	struct condis_obj *owner = p->owner;

	/* @deliver ends the operation, dropping its reference: keep one across. */
	condis_obj_get(owner);
	p->deliver(p);
	condis_settle_wake();
	condis_obj_put(owner);
}

/**
 * condis_pending_init() - set up an operation slot
 * @p: the slot, in its owner
 * @lock: the owner's lock, which will protect @p
 * @owner: the object an operation in flight holds a reference on
 * @deliver: delivers an accepted completion (see struct condis_pending)
 *
 * Context: any; before @p is used.
 */
void condis_pending_init(struct condis_pending *p, spinlock_t *lock, struct condis_obj *owner,
			 void (*deliver)(struct condis_pending *p))
{
	p->lock = lock;
	p->owner = owner;
	p->deliver = deliver;
	INIT_WORK(&p->work, condis_pending_work);
	p->op = 0;
	p->answered = false;
	p->status = 0;
}
EXPORT_SYMBOL_IF_KUNIT(condis_pending_init);

/**
 * condis_pending_start() - begin an operation
 * @p: the slot
 * @op: the operation (non-zero)
 *
 * On success the operation holds a reference on the owner until
 * condis_pending_end().
 *
 * Context: under @p->lock.
 * Return: true; false if an operation is already in flight.
 */
bool condis_pending_start(struct condis_pending *p, unsigned int op)
{
	lockdep_assert_held(p->lock);
	if (WARN_ON_ONCE(!op) || p->op)
		return false;
	p->op = op;
	p->answered = false;
	p->status = 0;
	condis_obj_get(p->owner);
	return true;
}
EXPORT_SYMBOL_IF_KUNIT(condis_pending_start);

static int pending_returned(struct condis_pending *p, bool ended, int ret, const char *who)
{
	lockdep_assert_held(p->lock);
	if (ret == CONDIS_PENDING)
		return CONDIS_PENDING;
	if (ended || p->answered) {
		condis_bad_input("%s returned %d after completing %s %u", who, ret,
				 condis_obj_type_name(p->owner->type), p->owner->id);
		return CONDIS_PENDING;
	}
	p->answered = true;
	return ret;
}

/**
 * condis_pending_returned() - take a driver handler's return value
 * @p: the slot, with the handler's operation in flight, or ended by a
 *	completion delivered while the handler ran
 * @ret: what the handler returned
 * @who: the handler, for the warning
 *
 * %CONDIS_PENDING: the completion will follow (or already came).  Any other
 * value answers the operation synchronously, unless a completion was
 * accepted first: a driver that completes and then returns a status is
 * warned about, and its completion wins.  An idle slot means the
 * completion was accepted and delivered before the handler returned.
 *
 * Context: under @p->lock.
 * Return: %CONDIS_PENDING if a completion follows or was accepted (its
 * delivery ends, or already ended, the operation); else @ret, and the
 * caller finishes the operation and calls condis_pending_end() under the
 * same lock.
 */
int condis_pending_returned(struct condis_pending *p, int ret, const char *who)
{
	return pending_returned(p, !p->op, ret, who);
}
EXPORT_SYMBOL_IF_KUNIT(condis_pending_returned);

/**
 * condis_pending_returned_op() - condis_pending_returned() for operation @op
 * @p: the slot
 * @op: the operation the handler was asked to do
 * @ret: what the handler returned
 * @who: the handler, for the warning
 *
 * As condis_pending_returned(), for a slot whose next operation may start
 * while a handler is still returning: if @op is no longer in flight, its
 * completion was accepted and delivered already, and @ret is ignored.
 *
 * Context: under @p->lock.
 * Return: as condis_pending_returned().
 */
int condis_pending_returned_op(struct condis_pending *p, unsigned int op, int ret,
			       const char *who)
{
	return pending_returned(p, p->op != op, ret, who);
}
EXPORT_SYMBOL_IF_KUNIT(condis_pending_returned_op);

/**
 * condis_pending_answer() - deliver a synchronous answer as a completion
 * @p: the slot, its handler's status just taken by condis_pending_returned()
 * @status: that status
 *
 * For operations whose result condis always delivers from its workqueue:
 * the caller then queues the delivery (condis_pending_queue()) instead of
 * finishing the operation itself.
 *
 * Context: under @p->lock.
 */
void condis_pending_answer(struct condis_pending *p, int status)
{
	lockdep_assert_held(p->lock);
	WARN_ON_ONCE(!p->op || !p->answered);
	p->status = status;
}
EXPORT_SYMBOL_IF_KUNIT(condis_pending_answer);

/**
 * condis_pending_complete() - accept a driver's completion
 * @p: the slot
 * @op: the operation the completion function finishes
 * @status: the driver's status (%CONDIS_PENDING there is bad input: -EINVAL)
 * @who: the completion function, for the warning
 *
 * Accepted once, for @op in flight and not yet answered; any other
 * completion is refused with a warning.  The caller records what else the
 * completion carries under the same lock, then queues the delivery.
 *
 * Context: under @p->lock.
 * Return: true if accepted.
 */
bool condis_pending_complete(struct condis_pending *p, unsigned int op, int status,
			     const char *who)
{
	lockdep_assert_held(p->lock);
	if (!op || p->op != op || p->answered) {
		condis_bad_input("%s: %s %u has no such operation in flight", who,
				 condis_obj_type_name(p->owner->type), p->owner->id);
		return false;
	}
	p->answered = true;
	p->status = condis_completion_status(status, who);
	return true;
}
EXPORT_SYMBOL_IF_KUNIT(condis_pending_complete);

/**
 * condis_pending_queue() - deliver an accepted completion from the workqueue
 * @p: the slot
 *
 * The owner's deliver function runs once, in process context.
 *
 * Context: any.
 */
void condis_pending_queue(struct condis_pending *p)
{
	queue_work(condis_wq_get(), &p->work);
}
EXPORT_SYMBOL_IF_KUNIT(condis_pending_queue);

/**
 * condis_pending_end() - the operation is over
 * @p: the slot
 *
 * Frees the slot for the next operation, drops the operation's reference
 * on the owner (the owner is freed only after an RCU grace period, so
 * the caller may still unlock its lock) and wakes condis_settle_wait().
 *
 * Context: under @p->lock.
 */
void condis_pending_end(struct condis_pending *p)
{
	lockdep_assert_held(p->lock);
	if (WARN_ON_ONCE(!p->op))
		return;
	p->op = 0;
	p->answered = false;
	condis_obj_put(p->owner);
	condis_settle_wake();
}
EXPORT_SYMBOL_IF_KUNIT(condis_pending_end);

/**
 * condis_settle_wake() - something condis_settle_wait() may wait for changed
 *
 * Every state change teardown waits for calls this (operations ending do
 * it themselves).
 *
 * Context: any.
 */
void condis_settle_wake(void)
{
	if (wq_has_sleeper(&condis_settle_wq))
		wake_up_all(&condis_settle_wq);
}
EXPORT_SYMBOL_IF_KUNIT(condis_settle_wake);

/**
 * condis_settle_wait() - sleep until a condition holds
 * @done: the condition; runs in process context in TASK_RUNNING, so it may
 *	take mutexes
 * @arg: its argument
 * @timeout: the longest wait, in jiffies
 *
 * Sleeps on the waitqueue condis_settle_wake() wakes, never polls.
 *
 * Context: process; sleeps.
 * Return: whether @done held before @timeout ran out.
 */
bool condis_settle_wait(bool (*done)(void *arg), void *arg, unsigned long timeout)
{
	DEFINE_WAIT_FUNC(wait, woken_wake_function);
	bool ok;

	add_wait_queue(&condis_settle_wq, &wait);
	while (!(ok = done(arg)) && timeout)
		timeout = wait_woken(&wait, TASK_UNINTERRUPTIBLE, timeout);
	remove_wait_queue(&condis_settle_wq, &wait);
	return ok || done(arg);
}
EXPORT_SYMBOL_IF_KUNIT(condis_settle_wait);
