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

PVOID NdisAllocateMemoryWithTagPriority(NDIS_HANDLE NdisHandle, UINT Length,
					ULONG Tag, EX_POOL_PRIORITY Priority);

NDIS_STATUS NdisAllocateMemoryWithTag(PVOID *VirtualAddress, UINT Length,
				      ULONG Tag);

void NdisFreeMemory(PVOID VirtualAddress, UINT Length, UINT MemoryFlags);

void NdisFreeMemoryWithTagPriority(NDIS_HANDLE NdisHandle, PVOID VirtualAddress,
				   ULONG Tag);

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

void NdisInitializeEvent(PNDIS_EVENT Event);

void NdisSetEvent(PNDIS_EVENT Event);

void NdisResetEvent(PNDIS_EVENT Event);

BOOLEAN NdisWaitEvent(PNDIS_EVENT Event, UINT MsToWait);

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

void NdisGetCurrentSystemTime(PLARGE_INTEGER pSystemTime);

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

NDIS_STATUS NdisAllocateTimerObject(NDIS_HANDLE NdisHandle,
				    PNDIS_TIMER_CHARACTERISTICS TimerCharacteristics,
				    PNDIS_HANDLE pTimerObject);

BOOLEAN NdisSetTimerObject(NDIS_HANDLE TimerObject, LARGE_INTEGER DueTime,
			   LONG MillisecondsPeriod, PVOID FunctionContext);

BOOLEAN NdisCancelTimerObject(NDIS_HANDLE TimerObject);

void NdisFreeTimerObject(NDIS_HANDLE TimerObject);

/* NDIS 5 timers, kept for drivers that still use them. */
typedef struct _NDIS_TIMER {
	struct ndis_timer Timer;
} NDIS_TIMER, *PNDIS_TIMER;

void NdisInitializeTimer(PNDIS_TIMER Timer, PNDIS_TIMER_FUNCTION TimerFunction,
			 PVOID FunctionContext);

void NdisSetTimer(PNDIS_TIMER Timer, UINT MillisecondsToDelay);

void NdisCancelTimer(PNDIS_TIMER Timer, PBOOLEAN TimerCancelled);

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

NDIS_HANDLE NdisAllocateIoWorkItem(NDIS_HANDLE NdisObjectHandle);

void NdisQueueIoWorkItem(NDIS_HANDLE NdisIoWorkItemHandle,
			 NDIS_IO_WORKITEM_ROUTINE Routine, PVOID WorkItemContext);

void NdisFreeIoWorkItem(NDIS_HANDLE NdisIoWorkItemHandle);

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
