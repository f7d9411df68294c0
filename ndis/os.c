// SPDX-License-Identifier: GPL-2.0
/*
 * ndis.ko: the operating-system services of NDIS a driver uses: memory,
 * events, timers and work items over their Linux twins (see
 * <ndis/os.h> for the types and the trivial inlines).
 */
#include <ndis/ndis.h>

/**
 * NdisAllocateMemoryWithTagPriority() - the NDIS function of that name
 * @NdisHandle: as in the WDK
 * @Length: as in the WDK
 * @Tag: as in the WDK
 * @Priority: as in the WDK
 *
 * The pool tag is not kept (kmemleak and slab debugging name the caller
 * instead), nor the priority.  Memory is zeroed, which NDIS does not
 * promise: drivers may not rely on either.
 *
 * Context: as in the WDK (see Documentation/porting.rst).
 * Return: as in the WDK.
 */
PVOID NdisAllocateMemoryWithTagPriority(NDIS_HANDLE NdisHandle, UINT Length,
					ULONG Tag, EX_POOL_PRIORITY Priority)
{
	return kzalloc(Length, GFP_ATOMIC);
}
EXPORT_SYMBOL_NS_GPL(NdisAllocateMemoryWithTagPriority, NDIS);

/**
 * NdisAllocateMemoryWithTag() - the NDIS function of that name
 * @VirtualAddress: as in the WDK
 * @Length: as in the WDK
 * @Tag: as in the WDK
 *
 * Context: as in the WDK (see Documentation/porting.rst).
 * Return: as in the WDK.
 */
NDIS_STATUS NdisAllocateMemoryWithTag(PVOID *VirtualAddress, UINT Length,
				      ULONG Tag)
{
	*VirtualAddress = kzalloc(Length, GFP_ATOMIC);
	return *VirtualAddress ? NDIS_STATUS_SUCCESS : NDIS_STATUS_FAILURE;
}
EXPORT_SYMBOL_NS_GPL(NdisAllocateMemoryWithTag, NDIS);

/**
 * NdisFreeMemory() - the NDIS function of that name
 * @VirtualAddress: as in the WDK
 * @Length: as in the WDK
 * @MemoryFlags: as in the WDK
 *
 * Context: as in the WDK (see Documentation/porting.rst).
 */
void NdisFreeMemory(PVOID VirtualAddress, UINT Length, UINT MemoryFlags)
{
	kfree(VirtualAddress);
}
EXPORT_SYMBOL_NS_GPL(NdisFreeMemory, NDIS);

/**
 * NdisFreeMemoryWithTagPriority() - the NDIS function of that name
 * @NdisHandle: as in the WDK
 * @VirtualAddress: as in the WDK
 * @Tag: as in the WDK
 *
 * Context: as in the WDK (see Documentation/porting.rst).
 */
void NdisFreeMemoryWithTagPriority(NDIS_HANDLE NdisHandle, PVOID VirtualAddress,
				   ULONG Tag)
{
	kfree(VirtualAddress);
}
EXPORT_SYMBOL_NS_GPL(NdisFreeMemoryWithTagPriority, NDIS);

/**
 * NdisInitializeEvent() - the NDIS function of that name
 * @Event: as in the WDK
 *
 * Context: as in the WDK (see Documentation/porting.rst).
 */
void NdisInitializeEvent(PNDIS_EVENT Event)
{
	Event->Signaled = 0;
	init_waitqueue_head(&Event->Wait);
}
EXPORT_SYMBOL_NS_GPL(NdisInitializeEvent, NDIS);

/**
 * NdisSetEvent() - the NDIS function of that name
 * @Event: as in the WDK
 *
 * Context: any.  Every waiter wakes; the event stays set until reset.
 */
void NdisSetEvent(PNDIS_EVENT Event)
{
	WRITE_ONCE(Event->Signaled, 1);
	wake_up_all(&Event->Wait);
}
EXPORT_SYMBOL_NS_GPL(NdisSetEvent, NDIS);

/**
 * NdisResetEvent() - the NDIS function of that name
 * @Event: as in the WDK
 *
 * Context: as in the WDK (see Documentation/porting.rst).
 */
void NdisResetEvent(PNDIS_EVENT Event)
{
	WRITE_ONCE(Event->Signaled, 0);
}
EXPORT_SYMBOL_NS_GPL(NdisResetEvent, NDIS);

/**
 * NdisWaitEvent() - wait for an event to be set
 * @Event: the event
 * @MsToWait: the longest wait in milliseconds; 0 waits for ever
 *
 * Context: process (PASSIVE_LEVEL); sleeps.
 * Return: TRUE if the event is set, FALSE on timeout.
 */
BOOLEAN NdisWaitEvent(PNDIS_EVENT Event, UINT MsToWait)
{
	if (!MsToWait) {
		wait_event(Event->Wait, READ_ONCE(Event->Signaled));
		return TRUE;
	}
	return wait_event_timeout(Event->Wait, READ_ONCE(Event->Signaled),
				  msecs_to_jiffies(MsToWait)) ? TRUE : FALSE;
}
EXPORT_SYMBOL_NS_GPL(NdisWaitEvent, NDIS);

/**
 * NdisGetCurrentSystemTime() - the NDIS function of that name
 * @pSystemTime: as in the WDK
 *
 * Context: any.  The system time in 100 ns units since 1601, as Windows.
 */
void NdisGetCurrentSystemTime(PLARGE_INTEGER pSystemTime)
{
	pSystemTime->QuadPart = div_s64(ktime_get_real_ns(), 100) + NDIS_COMPAT_EPOCH_DELTA;
}
EXPORT_SYMBOL_NS_GPL(NdisGetCurrentSystemTime, NDIS);

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
NDIS_STATUS NdisAllocateTimerObject(NDIS_HANDLE NdisHandle,
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
EXPORT_SYMBOL_NS_GPL(NdisAllocateTimerObject, NDIS);

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
BOOLEAN NdisSetTimerObject(NDIS_HANDLE TimerObject, LARGE_INTEGER DueTime,
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
EXPORT_SYMBOL_NS_GPL(NdisSetTimerObject, NDIS);

/**
 * NdisCancelTimerObject() - disarm a timer
 * @TimerObject: the timer
 *
 * Does not wait for a function already running, as in NDIS.
 *
 * Context: any.
 * Return: TRUE if the timer was armed.
 */
BOOLEAN NdisCancelTimerObject(NDIS_HANDLE TimerObject)
{
	struct ndis_timer *nt = TimerObject;

	WRITE_ONCE(nt->period, 0);
	return timer_delete(&nt->timer) ? TRUE : FALSE;
}
EXPORT_SYMBOL_NS_GPL(NdisCancelTimerObject, NDIS);

/**
 * NdisFreeTimerObject() - free a timer
 * @TimerObject: the timer
 *
 * Waits for its function if it runs (so call it from process context, not
 * from the timer's own function).
 *
 * Context: process.
 */
void NdisFreeTimerObject(NDIS_HANDLE TimerObject)
{
	struct ndis_timer *nt = TimerObject;

	if (!nt)
		return;
	WRITE_ONCE(nt->period, 0);
	timer_delete_sync(&nt->timer);
	kfree(nt);
}
EXPORT_SYMBOL_NS_GPL(NdisFreeTimerObject, NDIS);

/**
 * NdisInitializeTimer() - the NDIS function of that name
 * @Timer: as in the WDK
 * @TimerFunction: as in the WDK
 * @FunctionContext: as in the WDK
 */
void NdisInitializeTimer(PNDIS_TIMER Timer, PNDIS_TIMER_FUNCTION TimerFunction,
			 PVOID FunctionContext)
{
	timer_setup(&Timer->Timer.timer, ndis_timer_fn, 0);
	Timer->Timer.func = TimerFunction;
	Timer->Timer.ctx = FunctionContext;
	Timer->Timer.period = 0;
}
EXPORT_SYMBOL_NS_GPL(NdisInitializeTimer, NDIS);

/**
 * NdisSetTimer() - the NDIS function of that name
 * @Timer: as in the WDK
 * @MillisecondsToDelay: as in the WDK
 *
 * Context: as in the WDK (see Documentation/porting.rst).
 */
void NdisSetTimer(PNDIS_TIMER Timer, UINT MillisecondsToDelay)
{
	mod_timer(&Timer->Timer.timer, jiffies + msecs_to_jiffies(MillisecondsToDelay));
}
EXPORT_SYMBOL_NS_GPL(NdisSetTimer, NDIS);

/**
 * NdisCancelTimer() - the NDIS function of that name
 * @Timer: as in the WDK
 * @TimerCancelled: as in the WDK
 *
 * Context: as in the WDK (see Documentation/porting.rst).
 */
void NdisCancelTimer(PNDIS_TIMER Timer, PBOOLEAN TimerCancelled)
{
	*TimerCancelled = timer_delete(&Timer->Timer.timer) ? TRUE : FALSE;
}
EXPORT_SYMBOL_NS_GPL(NdisCancelTimer, NDIS);

/**
 * NdisAllocateIoWorkItem() - make a work item
 * @NdisObjectHandle: a compat handle (unused)
 *
 * Context: any (GFP_ATOMIC).
 * Return: the work item's handle, or NULL.
 */
NDIS_HANDLE NdisAllocateIoWorkItem(NDIS_HANDLE NdisObjectHandle)
{
	struct ndis_work_item *wi = kzalloc(sizeof(*wi), GFP_ATOMIC);

	if (wi)
		INIT_WORK(&wi->work, ndis_work_fn);
	return wi;
}
EXPORT_SYMBOL_NS_GPL(NdisAllocateIoWorkItem, NDIS);

/**
 * NdisQueueIoWorkItem() - run a routine in process context, once
 * @NdisIoWorkItemHandle: the work item, not queued
 * @Routine: the routine
 * @WorkItemContext: its context
 *
 * Context: any.
 */
void NdisQueueIoWorkItem(NDIS_HANDLE NdisIoWorkItemHandle,
			 NDIS_IO_WORKITEM_ROUTINE Routine, PVOID WorkItemContext)
{
	struct ndis_work_item *wi = NdisIoWorkItemHandle;

	wi->routine = Routine;
	wi->ctx = WorkItemContext;
	queue_work(system_unbound_wq, &wi->work);
}
EXPORT_SYMBOL_NS_GPL(NdisQueueIoWorkItem, NDIS);

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
void NdisFreeIoWorkItem(NDIS_HANDLE NdisIoWorkItemHandle)
{
	struct ndis_work_item *wi = NdisIoWorkItemHandle;

	if (!wi)
		return;
	if (current_work() != &wi->work)
		cancel_work_sync(&wi->work);
	kfree(wi);
}
EXPORT_SYMBOL_NS_GPL(NdisFreeIoWorkItem, NDIS);
