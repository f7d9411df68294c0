/* SPDX-License-Identifier: GPL-2.0 */
/*
 * NDIS compat: the operating-system services an NDIS driver uses: spin
 * locks, memory, timers, work items, events, interlocked operations,
 * delays and the system time.
 *
 * IRQL: NDIS raises to DISPATCH_LEVEL around a spin lock; here that is
 * spin_lock_bh().  The Dpr variants, which NDIS allows only at
 * DISPATCH_LEVEL, take the same lock the same way, because a condis
 * callback NDIS documents at <= DISPATCH_LEVEL may run in process context
 * with bottom halves enabled (see Documentation/porting.rst).  Every
 * allocation may happen at DISPATCH_LEVEL and uses GFP_ATOMIC.
 */
#ifndef _NDIS_OS_H
#define _NDIS_OS_H

#include <linux/atomic.h>
#include <linux/bitops.h>
#include <linux/ctype.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <linux/wait.h>
#include <linux/workqueue.h>

#include <ndis/types.h>
#include <ndis/status.h>

/* ---- spin locks ------------------------------------------------------------ */

/**
 * struct _NDIS_SPIN_LOCK - NDIS_SPIN_LOCK
 * @SpinLock: the lock; what it protects is the driver's to say
 */
typedef struct _NDIS_SPIN_LOCK {
	spinlock_t SpinLock;	/* protects what the driver says it does */
} NDIS_SPIN_LOCK, *PNDIS_SPIN_LOCK;

#define NdisAllocateSpinLock(l)		spin_lock_init(&(l)->SpinLock)
#define NdisFreeSpinLock(l)		((void)(l))
#define NdisAcquireSpinLock(l)		spin_lock_bh(&(l)->SpinLock)
#define NdisReleaseSpinLock(l)		spin_unlock_bh(&(l)->SpinLock)
#define NdisDprAcquireSpinLock(l)	spin_lock_bh(&(l)->SpinLock)
#define NdisDprReleaseSpinLock(l)	spin_unlock_bh(&(l)->SpinLock)

/* ---- memory ---------------------------------------------------------------- */

typedef enum _EX_POOL_PRIORITY {
	LowPoolPriority = 0,
	LowPoolPrioritySpecialPoolOverrun = 8,
	LowPoolPrioritySpecialPoolUnderrun = 9,
	NormalPoolPriority = 16,
	NormalPoolPrioritySpecialPoolOverrun = 24,
	NormalPoolPrioritySpecialPoolUnderrun = 25,
	HighPoolPriority = 32,
	HighPoolPrioritySpecialPoolOverrun = 40,
	HighPoolPrioritySpecialPoolUnderrun = 41,
} EX_POOL_PRIORITY;

/*
 * The pool tag is not kept (kmemleak and slab debugging name the caller
 * instead), nor the priority.  Memory is zeroed, which NDIS does not
 * promise: drivers may not rely on either.
 */
static inline PVOID NdisAllocateMemoryWithTagPriority(NDIS_HANDLE NdisHandle, UINT Length,
						      ULONG Tag, EX_POOL_PRIORITY Priority)
{
	return kzalloc(Length, GFP_ATOMIC);
}

static inline NDIS_STATUS NdisAllocateMemoryWithTag(PVOID *VirtualAddress, UINT Length,
						    ULONG Tag)
{
	*VirtualAddress = kzalloc(Length, GFP_ATOMIC);
	return *VirtualAddress ? NDIS_STATUS_SUCCESS : NDIS_STATUS_FAILURE;
}

static inline void NdisFreeMemory(PVOID VirtualAddress, UINT Length, UINT MemoryFlags)
{
	kfree(VirtualAddress);
}

static inline void NdisFreeMemoryWithTagPriority(NDIS_HANDLE NdisHandle, PVOID VirtualAddress,
						 ULONG Tag)
{
	kfree(VirtualAddress);
}

#define NdisZeroMemory(dst, len)		memset((dst), 0, (len))
#define NdisFillMemory(dst, len, fill)		memset((dst), (fill), (len))
#define NdisMoveMemory(dst, src, len)		memcpy((dst), (src), (len))
#define NdisEqualMemory(a, b, len)		(!memcmp((a), (b), (len)))
#define NdisEqualString(a, b, ci)		ndis_equal_string((a), (b), (ci))

static inline BOOLEAN ndis_equal_string(const NDIS_STRING *a, const NDIS_STRING *b,
					BOOLEAN CaseInsensitive)
{
	USHORT i;

	if (a->Length != b->Length)
		return FALSE;
	for (i = 0; i < a->Length / sizeof(WCHAR); i++) {
		WCHAR x = a->Buffer[i], y = b->Buffer[i];

		if (CaseInsensitive && x < 0x80 && y < 0x80) {
			x = tolower(x);
			y = tolower(y);
		}
		if (x != y)
			return FALSE;
	}
	return TRUE;
}

/* ---- interlocked operations ------------------------------------------------- */

static_assert(sizeof(atomic_t) == sizeof(LONG));

#define NdisInterlockedIncrement(p)	atomic_inc_return((atomic_t *)(p))
#define NdisInterlockedDecrement(p)	atomic_dec_return((atomic_t *)(p))
#define NdisInterlockedExchange(p, v)	atomic_xchg((atomic_t *)(p), (v))
#define NdisInterlockedCompareExchange(p, v, cmp) \
	atomic_cmpxchg((atomic_t *)(p), (cmp), (v))

/**
 * NdisInterlockedAddUlong() - add to a ULONG under an NDIS spin lock
 * @Addend: the counter
 * @Increment: what to add
 * @SpinLock: the lock that protects @Addend
 *
 * Context: any.
 */
static inline void NdisInterlockedAddUlong(PULONG Addend, ULONG Increment,
					   PNDIS_SPIN_LOCK SpinLock)
{
	NdisAcquireSpinLock(SpinLock);
	*Addend += Increment;
	NdisReleaseSpinLock(SpinLock);
}

static inline PLIST_ENTRY
NdisInterlockedInsertHeadList(PLIST_ENTRY ListHead, PLIST_ENTRY ListEntry,
			      PNDIS_SPIN_LOCK SpinLock)
{
	PLIST_ENTRY first;

	NdisAcquireSpinLock(SpinLock);
	first = IsListEmpty(ListHead) ? NULL : ListHead->Flink;
	InsertHeadList(ListHead, ListEntry);
	NdisReleaseSpinLock(SpinLock);
	return first;
}

static inline PLIST_ENTRY
NdisInterlockedInsertTailList(PLIST_ENTRY ListHead, PLIST_ENTRY ListEntry,
			      PNDIS_SPIN_LOCK SpinLock)
{
	PLIST_ENTRY last;

	NdisAcquireSpinLock(SpinLock);
	last = IsListEmpty(ListHead) ? NULL : ListHead->Blink;
	InsertTailList(ListHead, ListEntry);
	NdisReleaseSpinLock(SpinLock);
	return last;
}

static inline PLIST_ENTRY
NdisInterlockedRemoveHeadList(PLIST_ENTRY ListHead, PNDIS_SPIN_LOCK SpinLock)
{
	PLIST_ENTRY first = NULL;

	NdisAcquireSpinLock(SpinLock);
	if (!IsListEmpty(ListHead))
		first = RemoveHeadList(ListHead);
	NdisReleaseSpinLock(SpinLock);
	return first;
}

/* ---- events ---------------------------------------------------------------- */

/**
 * struct _NDIS_EVENT - NDIS_EVENT, a notification event
 * @Signaled: set by NdisSetEvent(), cleared by NdisResetEvent()
 * @Wait: waiters in NdisWaitEvent()
 */
typedef struct _NDIS_EVENT {
	int Signaled;
	wait_queue_head_t Wait;
} NDIS_EVENT, *PNDIS_EVENT;

static inline void NdisInitializeEvent(PNDIS_EVENT Event)
{
	Event->Signaled = 0;
	init_waitqueue_head(&Event->Wait);
}

/* Context: any.  Every waiter wakes; the event stays set until reset. */
static inline void NdisSetEvent(PNDIS_EVENT Event)
{
	WRITE_ONCE(Event->Signaled, 1);
	wake_up_all(&Event->Wait);
}

static inline void NdisResetEvent(PNDIS_EVENT Event)
{
	WRITE_ONCE(Event->Signaled, 0);
}

/**
 * NdisWaitEvent() - wait for an event to be set
 * @Event: the event
 * @MsToWait: the longest wait in milliseconds; 0 waits for ever
 *
 * Context: process (PASSIVE_LEVEL); sleeps.
 * Return: TRUE if the event is set, FALSE on timeout.
 */
static inline BOOLEAN NdisWaitEvent(PNDIS_EVENT Event, UINT MsToWait)
{
	if (!MsToWait) {
		wait_event(Event->Wait, READ_ONCE(Event->Signaled));
		return TRUE;
	}
	return wait_event_timeout(Event->Wait, READ_ONCE(Event->Signaled),
				  msecs_to_jiffies(MsToWait)) ? TRUE : FALSE;
}

/* ---- delays and time ---------------------------------------------------------- */

/* Context: process (PASSIVE_LEVEL); sleeps. */
static inline void NdisMSleep(ULONG MicrosecondsToSleep)
{
	if (MicrosecondsToSleep < 20000)
		usleep_range(MicrosecondsToSleep,
			     MicrosecondsToSleep + MicrosecondsToSleep / 4 + 1);
	else
		msleep(DIV_ROUND_UP(MicrosecondsToSleep, 1000));
}

/* Context: any; busy-waits. */
static inline void NdisStallExecution(UINT MicrosecondsToStall)
{
	udelay(MicrosecondsToStall);
}

/* 100 ns intervals between 1601-01-01 and 1970-01-01. */
#define NDIS_COMPAT_EPOCH_DELTA		116444736000000000LL

/* Context: any.  The system time in 100 ns units since 1601, as Windows. */
static inline void NdisGetCurrentSystemTime(PLARGE_INTEGER pSystemTime)
{
	pSystemTime->QuadPart = div_s64(ktime_get_real_ns(), 100) + NDIS_COMPAT_EPOCH_DELTA;
}

/* ---- timers (NDIS 6 timer objects) ---------------------------------------------- */

typedef VOID NDIS_TIMER_FUNCTION(PVOID SystemSpecific1, PVOID FunctionContext,
				   PVOID SystemSpecific2, PVOID SystemSpecific3);
typedef NDIS_TIMER_FUNCTION(*PNDIS_TIMER_FUNCTION);

typedef struct _NDIS_TIMER_CHARACTERISTICS {
	NDIS_OBJECT_HEADER Header;
	ULONG AllocationTag;
	PNDIS_TIMER_FUNCTION TimerFunction;
	PVOID FunctionContext;
} NDIS_TIMER_CHARACTERISTICS, *PNDIS_TIMER_CHARACTERISTICS;

#define NDIS_TIMER_CHARACTERISTICS_REVISION_1	1
#define NDIS_SIZEOF_TIMER_CHARACTERISTICS_REVISION_1 \
	RTL_SIZEOF_THROUGH_FIELD(NDIS_TIMER_CHARACTERISTICS, FunctionContext)

/**
 * struct ndis_timer - what an NDIS timer object handle points at
 * @timer: the kernel timer; its function runs in softirq context
 *	(DISPATCH_LEVEL), as an NDIS timer DPC does
 * @func: the driver's function
 * @ctx: its context, from NdisSetTimerObject() or the characteristics
 * @period: milliseconds between runs of a periodic timer, or 0
 */
struct ndis_timer {
	struct timer_list timer;
	PNDIS_TIMER_FUNCTION func;
	PVOID ctx;
	LONG period;
};

static inline void ndis_timer_fn(struct timer_list *t)
{
	struct ndis_timer *nt = from_timer(nt, t, timer);
	PVOID ctx = READ_ONCE(nt->ctx);
	LONG period = READ_ONCE(nt->period);

	if (period > 0)
		mod_timer(&nt->timer, jiffies + msecs_to_jiffies(period));
	nt->func(NULL, ctx, NULL, NULL);
}

/**
 * NdisAllocateTimerObject() - make a timer object
 * @NdisHandle: a compat handle (unused)
 * @TimerCharacteristics: the function, its default context
 * @pTimerObject: set to the timer's handle
 *
 * Free it with NdisFreeTimerObject() before the driver unloads.
 *
 * Context: any (GFP_ATOMIC).
 * Return: NDIS_STATUS_SUCCESS, NDIS_STATUS_BAD_CHARACTERISTICS or
 * NDIS_STATUS_RESOURCES.
 */
static inline NDIS_STATUS NdisAllocateTimerObject(NDIS_HANDLE NdisHandle,
						  PNDIS_TIMER_CHARACTERISTICS TimerCharacteristics,
						  PNDIS_HANDLE pTimerObject)
{
	PNDIS_TIMER_CHARACTERISTICS tc = TimerCharacteristics;
	struct ndis_timer *nt;

	*pTimerObject = NULL;
	if (!tc || tc->Header.Type != NDIS_OBJECT_TYPE_TIMER_CHARACTERISTICS ||
	    tc->Header.Size < NDIS_SIZEOF_TIMER_CHARACTERISTICS_REVISION_1 || !tc->TimerFunction)
		return NDIS_STATUS_BAD_CHARACTERISTICS;
	nt = kzalloc(sizeof(*nt), GFP_ATOMIC);
	if (!nt)
		return NDIS_STATUS_RESOURCES;
	timer_setup(&nt->timer, ndis_timer_fn, 0);
	nt->func = tc->TimerFunction;
	nt->ctx = tc->FunctionContext;
	*pTimerObject = nt;
	return NDIS_STATUS_SUCCESS;
}

/**
 * NdisSetTimerObject() - (re)arm a timer
 * @TimerObject: the timer
 * @DueTime: negative: relative, in 100 ns units; positive: absolute
 *	system time (NdisGetCurrentSystemTime())
 * @MillisecondsPeriod: re-arm every that many milliseconds, or 0
 * @FunctionContext: the context for the function, or NULL for the one
 *	given at allocation
 *
 * Context: any.
 * Return: TRUE if the timer was already armed.
 */
static inline BOOLEAN NdisSetTimerObject(NDIS_HANDLE TimerObject, LARGE_INTEGER DueTime,
					 LONG MillisecondsPeriod, PVOID FunctionContext)
{
	struct ndis_timer *nt = TimerObject;
	LONGLONG due = DueTime.QuadPart;
	unsigned long delay;

	if (due > 0) {
		LARGE_INTEGER now;

		NdisGetCurrentSystemTime(&now);
		due = now.QuadPart - due;	/* negative if still ahead */
		if (due > 0)
			due = 0;
	}
	delay = nsecs_to_jiffies(-due * 100);
	if (FunctionContext)
		WRITE_ONCE(nt->ctx, FunctionContext);
	WRITE_ONCE(nt->period, MillisecondsPeriod);
	return mod_timer(&nt->timer, jiffies + delay) ? TRUE : FALSE;
}

/**
 * NdisCancelTimerObject() - disarm a timer
 * @TimerObject: the timer
 *
 * Does not wait for a function already running, as in NDIS.
 *
 * Context: any.
 * Return: TRUE if the timer was armed.
 */
static inline BOOLEAN NdisCancelTimerObject(NDIS_HANDLE TimerObject)
{
	struct ndis_timer *nt = TimerObject;

	WRITE_ONCE(nt->period, 0);
	return timer_delete(&nt->timer) ? TRUE : FALSE;
}

/**
 * NdisFreeTimerObject() - free a timer
 * @TimerObject: the timer
 *
 * Waits for its function if it runs (so call it from process context, not
 * from the timer's own function).
 *
 * Context: process.
 */
static inline void NdisFreeTimerObject(NDIS_HANDLE TimerObject)
{
	struct ndis_timer *nt = TimerObject;

	if (!nt)
		return;
	WRITE_ONCE(nt->period, 0);
	timer_delete_sync(&nt->timer);
	kfree(nt);
}

/* NDIS 5 timers, kept for drivers that still use them. */
typedef struct _NDIS_TIMER {
	struct ndis_timer Timer;
} NDIS_TIMER, *PNDIS_TIMER;

static inline void NdisInitializeTimer(PNDIS_TIMER Timer, PNDIS_TIMER_FUNCTION TimerFunction,
				       PVOID FunctionContext)
{
	timer_setup(&Timer->Timer.timer, ndis_timer_fn, 0);
	Timer->Timer.func = TimerFunction;
	Timer->Timer.ctx = FunctionContext;
	Timer->Timer.period = 0;
}

static inline void NdisSetTimer(PNDIS_TIMER Timer, UINT MillisecondsToDelay)
{
	mod_timer(&Timer->Timer.timer, jiffies + msecs_to_jiffies(MillisecondsToDelay));
}

static inline void NdisCancelTimer(PNDIS_TIMER Timer, PBOOLEAN TimerCancelled)
{
	*TimerCancelled = timer_delete(&Timer->Timer.timer) ? TRUE : FALSE;
}

/* ---- work items ------------------------------------------------------------------ */

typedef VOID NDIS_IO_WORKITEM_FUNCTION(PVOID WorkItemContext, NDIS_HANDLE NdisIoWorkItemHandle);
typedef NDIS_IO_WORKITEM_FUNCTION(*NDIS_IO_WORKITEM_ROUTINE);

/**
 * struct ndis_work_item - what an NDIS I/O work item handle points at
 * @work: queued on system_unbound_wq; runs in process context
 *	(PASSIVE_LEVEL)
 * @routine: the driver's routine, set by NdisQueueIoWorkItem()
 * @ctx: its context
 */
struct ndis_work_item {
	struct work_struct work;
	NDIS_IO_WORKITEM_ROUTINE routine;
	PVOID ctx;
};

static inline void ndis_work_fn(struct work_struct *work)
{
	struct ndis_work_item *wi = container_of(work, struct ndis_work_item, work);

	wi->routine(wi->ctx, wi);	/* may free @wi */
}

/**
 * NdisAllocateIoWorkItem() - make a work item
 * @NdisObjectHandle: a compat handle (unused)
 *
 * Context: any (GFP_ATOMIC).
 * Return: the work item's handle, or NULL.
 */
static inline NDIS_HANDLE NdisAllocateIoWorkItem(NDIS_HANDLE NdisObjectHandle)
{
	struct ndis_work_item *wi = kzalloc(sizeof(*wi), GFP_ATOMIC);

	if (wi)
		INIT_WORK(&wi->work, ndis_work_fn);
	return wi;
}

/**
 * NdisQueueIoWorkItem() - run a routine in process context, once
 * @NdisIoWorkItemHandle: the work item, not queued
 * @Routine: the routine
 * @WorkItemContext: its context
 *
 * Context: any.
 */
static inline void NdisQueueIoWorkItem(NDIS_HANDLE NdisIoWorkItemHandle,
				       NDIS_IO_WORKITEM_ROUTINE Routine, PVOID WorkItemContext)
{
	struct ndis_work_item *wi = NdisIoWorkItemHandle;

	wi->routine = Routine;
	wi->ctx = WorkItemContext;
	queue_work(system_unbound_wq, &wi->work);
}

/**
 * NdisFreeIoWorkItem() - free a work item
 * @NdisIoWorkItemHandle: the work item
 *
 * From its own routine it is simply freed; from anywhere else this first
 * waits until a queued or running routine has finished, so a driver that
 * frees its work items before unloading runs no code after it is gone.
 *
 * Context: its own routine, or process context.
 */
static inline void NdisFreeIoWorkItem(NDIS_HANDLE NdisIoWorkItemHandle)
{
	struct ndis_work_item *wi = NdisIoWorkItemHandle;

	if (!wi)
		return;
	if (current_work() != &wi->work)
		cancel_work_sync(&wi->work);
	kfree(wi);
}

/* ---- debug output ------------------------------------------------------------------ */

/**
 * DbgPrint() - the kernel debugger's printf: a printk at KERN_DEBUG
 * @Format: a printk format: the Windows-only conversions (%wZ, %ws, %Z,
 *	%I64x, ...) are not understood, and __printf() has the compiler flag
 *	them; the driver's own prefix, if any, is part of it (no pr_fmt)
 *
 * Not filtered by DbgPrint's component mask as on Windows, nor compiled
 * out as pr_debug() is without dynamic debug: the line goes to the kernel
 * log at KERN_DEBUG (LOGLEVEL_DEBUG; dmesg shows it, the console only if
 * its loglevel is 8).
 *
 * Context: any.
 * Return: 0 (STATUS_SUCCESS).
 */
static inline __printf(1, 2) ULONG DbgPrint(const char *Format, ...)
{
	va_list args;

	va_start(args, Format);
	vprintk_emit(0, LOGLEVEL_DEBUG, NULL, Format, args);
	va_end(args);
	return 0;
}

#endif /* _NDIS_OS_H */
