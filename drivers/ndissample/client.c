// SPDX-License-Identifier: GPL-2.0
/*
 * ndisclient: a CoNDIS client written as a Windows CoNDIS client is,
 * against <ndis/ndis.h> only.  See client.h for its objects and locking.
 *
 * It binds to every adapter, opens the loopback address family when the
 * MCM advertises it, and on request (client_linux.c) registers and
 * deregisters SAPs, places, closes and sends on calls, and queries OIDs.
 * Incoming calls are accepted, accepted late (pended answer) or rejected
 * as configured.  Received packets are checked and returned at once.
 *
 * As NDIS documents for client calls: when NdisClRegisterSap,
 * NdisClMakeCall or NdisClCloseCall return anything but
 * NDIS_STATUS_PENDING, the client calls its own completion handler.
 */
#include "client.h"

CL_GLOBALS Cl;

static PVOID ClAlloc(ULONG Size)
{
	return NdisAllocateMemoryWithTagPriority(Cl.ProtocolHandle, Size, CL_TAG,
						 NormalPoolPriority);
}

static void ClFree(PVOID Memory)
{
	if (Memory)
		NdisFreeMemoryWithTagPriority(Cl.ProtocolHandle, Memory, CL_TAG);
}

/* ---- bindings and their use by control commands ------------------------------------ */

/*
 * The binding of @Adapter with its AF open, referenced (CL_BINDING.Busy)
 * until ClPutBinding(); NULL if there is none.
 */
static PCL_BINDING ClGetBinding(const char *Adapter)
{
	PCL_BINDING found = NULL;
	PLIST_ENTRY e;

	NdisAcquireSpinLock(&Cl.Lock);
	for (e = Cl.Bindings.Flink; e != &Cl.Bindings; e = e->Flink) {
		PCL_BINDING b = CONTAINING_RECORD(e, CL_BINDING, Link);

		if (!strcmp(b->Name, Adapter) && !b->Unbinding && b->AfState == ClAfOpen) {
			b->Busy++;
			found = b;
			break;
		}
	}
	NdisReleaseSpinLock(&Cl.Lock);
	return found;
}

static void ClPutBinding(PCL_BINDING Binding)
{
	NdisAcquireSpinLock(&Cl.Lock);
	Binding->Busy--;
	NdisReleaseSpinLock(&Cl.Lock);
}

/* Wait until @Cond (evaluated under Cl.Lock) holds, polling, up to CL_WAIT_MS. */
#define CL_WAIT_UNTIL(Cond) ({						\
	ULONG __ms = 0;							\
	BOOLEAN __ok;							\
	for (;;) {							\
		NdisAcquireSpinLock(&Cl.Lock);				\
		__ok = (Cond);						\
		NdisReleaseSpinLock(&Cl.Lock);				\
		if (__ok || __ms >= CL_WAIT_MS)				\
			break;						\
		NdisMSleep(10000);					\
		__ms += 10;						\
	}								\
	__ok;								\
})

/* ---- protocol handlers ----------------------------------------------------------------- */

static PROTOCOL_BIND_ADAPTER_EX ClBindAdapter;
static PROTOCOL_UNBIND_ADAPTER_EX ClUnbindAdapter;
static PROTOCOL_CO_AF_REGISTER_NOTIFY ClCoAfRegisterNotify;
static PROTOCOL_CO_STATUS_EX ClCoStatus;
static PROTOCOL_CO_RECEIVE_NET_BUFFER_LISTS ClCoReceiveNetBufferLists;
static PROTOCOL_CO_SEND_NET_BUFFER_LISTS_COMPLETE ClCoSendNetBufferListsComplete;
static NDIS_IO_WORKITEM_FUNCTION ClNotifyWorker;

/**
 * ClBindAdapter() - ProtocolBindAdapterEx: open a binding and its NBL pool
 * @ProtocolDriverContext: unused
 * @BindContext: what NdisOpenAdapterEx needs
 * @BindParameters: the adapter to bind to
 *
 * Context: process (PASSIVE_LEVEL).
 * Return: NDIS_STATUS_SUCCESS or why not.
 */
static NDIS_STATUS ClBindAdapter(NDIS_HANDLE ProtocolDriverContext, NDIS_HANDLE BindContext,
				 PNDIS_BIND_PARAMETERS BindParameters)
{
	NET_BUFFER_LIST_POOL_PARAMETERS pool;
	NDIS_MEDIUM medium = NdisMediumCoWan;
	NDIS_OPEN_PARAMETERS open;
	UINT selected;
	PCL_BINDING b;
	NDIS_STATUS status;

	b = ClAlloc(sizeof(*b));
	if (!b)
		return NDIS_STATUS_RESOURCES;
	ndis_string_to_ascii(BindParameters->AdapterName, b->Name, sizeof(b->Name));
	NdisInitializeEvent(&b->AfEvent);
	InitializeListHead(&b->Saps);
	InitializeListHead(&b->Calls);
	b->NotifyWork = NdisAllocateIoWorkItem(Cl.ProtocolHandle);
	if (!b->NotifyWork) {
		ClFree(b);
		return NDIS_STATUS_RESOURCES;
	}

	NdisZeroMemory(&open, sizeof(open));
	open.Header.Type = NDIS_OBJECT_TYPE_OPEN_PARAMETERS;
	open.Header.Revision = NDIS_OPEN_PARAMETERS_REVISION_1;
	open.Header.Size = sizeof(open);
	open.AdapterName = BindParameters->AdapterName;
	open.MediumArray = &medium;
	open.MediumArraySize = 1;
	open.SelectedMediumIndex = &selected;
	status = NdisOpenAdapterEx(Cl.ProtocolHandle, b, &open, BindContext, &b->BindingHandle);
	if (status != NDIS_STATUS_SUCCESS)
		goto err_free;

	NdisZeroMemory(&pool, sizeof(pool));
	pool.Header.Type = NDIS_OBJECT_TYPE_DEFAULT;
	pool.Header.Revision = NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1;
	pool.Header.Size = NDIS_SIZEOF_NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1;
	pool.ProtocolId = NDIS_PROTOCOL_ID_DEFAULT;
	pool.fAllocateNetBuffer = TRUE;
	pool.PoolTag = CL_TAG;
	pool.DataSize = NDISLOOP_MTU;
	b->TxPool = NdisAllocateNetBufferListPool(b->BindingHandle, &pool);
	if (!b->TxPool) {
		NdisCloseAdapterEx(b->BindingHandle);
		status = NDIS_STATUS_RESOURCES;
		goto err_free;
	}
	NdisAcquireSpinLock(&Cl.Lock);
	InsertTailList(&Cl.Bindings, &b->Link);
	NdisReleaseSpinLock(&Cl.Lock);
	ClLog("bind adapter=%s", b->Name);
	return NDIS_STATUS_SUCCESS;

err_free:
	NdisFreeIoWorkItem(b->NotifyWork);
	ClFree(b);
	return status;
}

/**
 * ClCoAfRegisterNotify() - ProtocolCoAfRegisterNotify: open the loopback AF, once per binding
 * @ProtocolBindingContext: the binding (CL_BINDING)
 * @AddressFamily: the address family
 *
 * Context: process (PASSIVE_LEVEL).
 */
static void ClCoAfRegisterNotify(NDIS_HANDLE ProtocolBindingContext,
				 PCO_ADDRESS_FAMILY AddressFamily)
{
	PCL_BINDING b = ProtocolBindingContext;
	NDIS_HANDLE af = NULL;
	NDIS_STATUS status;
	BOOLEAN open;

	if (AddressFamily->AddressFamily != NDISLOOP_AF ||
	    AddressFamily->MajorVersion != NDISLOOP_AF_MAJOR)
		return;
	NdisAcquireSpinLock(&Cl.Lock);
	open = !b->Unbinding && b->AfState == ClAfNone;
	if (open) {
		b->AfState = ClAfOpening;
		NdisResetEvent(&b->AfEvent);
	}
	NdisReleaseSpinLock(&Cl.Lock);
	if (!open)
		return;
	ClLog("af_register_notify adapter=%s", b->Name);
	status = NdisClOpenAddressFamilyEx(b->BindingHandle, AddressFamily, b, &af);
	if (status != NDIS_STATUS_PENDING) {
		NdisAcquireSpinLock(&Cl.Lock);
		b->AfState = ClAfNone;
		NdisReleaseSpinLock(&Cl.Lock);
		ClLog("open_af adapter=%s status=0x%08x", b->Name, status);
		NdisSetEvent(&b->AfEvent);
	}
}

/**
 * ClCoStatus() - ProtocolCoStatusEx: log the indication
 * @ProtocolBindingContext: the binding (CL_BINDING)
 * @ProtocolVcContext: the call (CL_CALL)
 * @StatusIndication: the indication
 *
 * Context: any (<= DISPATCH_LEVEL).
 */
static void ClCoStatus(NDIS_HANDLE ProtocolBindingContext, NDIS_HANDLE ProtocolVcContext,
		       PNDIS_STATUS_INDICATION StatusIndication)
{
	PCL_BINDING b = ProtocolBindingContext;

	ClLog("status adapter=%s code=0x%08x", b->Name, StatusIndication->StatusCode);
}

/* The packets the client sends: a header, then bytes (Seq + i). */
struct cl_pkt_hdr {
	ULONG Magic;
	ULONG CallId;
	ULONG Seq;
	ULONG Length;
};

/**
 * ClCoReceiveNetBufferLists() - ProtocolCoReceiveNetBufferLists: check each packet, then
 *	return them all
 * @ProtocolBindingContext: the binding (CL_BINDING)
 * @ProtocolVcContext: the call (CL_CALL)
 * @NetBufferLists: the NBL chain
 * @NumberOfNetBufferLists: how many NBLs
 * @ReceiveFlags: NDIS_RECEIVE_FLAGS_xxx
 *
 * Context: any (<= DISPATCH_LEVEL).
 */
static void ClCoReceiveNetBufferLists(NDIS_HANDLE ProtocolBindingContext,
				      NDIS_HANDLE ProtocolVcContext,
				      PNET_BUFFER_LIST NetBufferLists,
				      ULONG NumberOfNetBufferLists, ULONG ReceiveFlags)
{
	PCL_BINDING b = ProtocolBindingContext;
	PCL_CALL call = ProtocolVcContext;
	PNET_BUFFER_LIST nbl;

	for (nbl = NetBufferLists; nbl; nbl = NET_BUFFER_LIST_NEXT_NBL(nbl)) {
		PNET_BUFFER nb = NET_BUFFER_LIST_FIRST_NB(nbl);
		ULONG len = NET_BUFFER_DATA_LENGTH(nb), i;
		struct cl_pkt_hdr hdr, *h;
		PUCHAR data;
		BOOLEAN bad;

		h = NdisGetDataBuffer(nb, sizeof(hdr), &hdr, 1, 0);
		bad = !h || h->Magic != CL_PKT_MAGIC || h->Length != len;
		data = bad ? NULL : NdisGetDataBuffer(nb, len, NULL, 1, 0);
		for (i = sizeof(hdr); data && i < len; i++)
			if (data[i] != (UCHAR)(h->Seq + i))
				bad = TRUE;
		NdisInterlockedIncrement(&call->Rx);
		NdisInterlockedAddUlong(&call->RxBytes, len, &Cl.Lock);
		if (bad)
			NdisInterlockedIncrement(&call->RxBad);
	}
	if (!(ReceiveFlags & NDIS_RECEIVE_FLAGS_RESOURCES))
		NdisReturnNetBufferLists(b->BindingHandle, NetBufferLists, 0);
}

/**
 * ClCoSendNetBufferListsComplete() - ProtocolCoSendNetBufferListsComplete: count and free the
 *	NBLs sent
 * @ProtocolVcContext: the call (CL_CALL)
 * @NetBufferLists: the NBL chain
 * @SendCompleteFlags: NDIS_SEND_COMPLETE_FLAGS_xxx (unused)
 *
 * Context: any (<= DISPATCH_LEVEL).
 */
static void ClCoSendNetBufferListsComplete(NDIS_HANDLE ProtocolVcContext,
					   PNET_BUFFER_LIST NetBufferLists, ULONG SendCompleteFlags)
{
	PCL_CALL call = ProtocolVcContext;
	PNET_BUFFER_LIST nbl, next;

	for (nbl = NetBufferLists; nbl; nbl = next) {
		next = NET_BUFFER_LIST_NEXT_NBL(nbl);
		if (NET_BUFFER_LIST_STATUS(nbl) == NDIS_STATUS_SUCCESS)
			NdisInterlockedIncrement(&call->TxOk);
		else
			NdisInterlockedIncrement(&call->TxErr);
		NdisFreeNetBufferList(nbl);
		if (!NdisInterlockedDecrement(&call->TxPending))
			NdisSetEvent(&call->TxIdle);
	}
}

/* ---- AF teardown (unbind and notify-close), in NDIS's order ------------------------------- */

/* A call of @b in a state the teardown must act on or wait for, or NULL. */
static PCL_CALL ClNextCall(PCL_BINDING Binding, BOOLEAN *Busy)
{
	PLIST_ENTRY e;

	*Busy = FALSE;
	for (e = Binding->Calls.Flink; e != &Binding->Calls; e = e->Flink) {
		PCL_CALL call = CONTAINING_RECORD(e, CL_CALL, Link);

		if (call->State == ClCallConnected || call->State == ClCallAccepted)
			return call;
		if (call->State == ClCallMaking || call->State == ClCallOffered ||
		    call->State == ClCallClosing)
			*Busy = TRUE;
	}
	return NULL;
}

static void ClCloseOne(PCL_CALL Call);

static BOOLEAN ClBindingHasVcs(PCL_BINDING Binding)
{
	PLIST_ENTRY e;

	for (e = Binding->Calls.Flink; e != &Binding->Calls; e = e->Flink)
		if (CONTAINING_RECORD(e, CL_CALL, Link)->VcHandle)
			return TRUE;
	return FALSE;
}

static PCL_SAP ClNextSap(PCL_BINDING Binding, CL_SAP_STATE State)
{
	PLIST_ENTRY e;

	for (e = Binding->Saps.Flink; e != &Binding->Saps; e = e->Flink) {
		PCL_SAP sap = CONTAINING_RECORD(e, CL_SAP, Link);

		if (sap->State == State)
			return sap;
	}
	return NULL;
}

/*
 * Close the calls, wait for their VCs to go, deregister the SAPs, close
 * the AF: the order NDIS gives a client closing an AF.  Nothing else uses
 * the binding meanwhile (AfState is ClAfClosing and Busy is 0).
 */
static NDIS_STATUS ClTeardownAf(PCL_BINDING Binding)
{
	NDIS_STATUS status;
	PCL_CALL call;
	PCL_SAP sap;
	BOOLEAN busy;

	for (;;) {
		NdisAcquireSpinLock(&Cl.Lock);
		call = ClNextCall(Binding, &busy);
		NdisReleaseSpinLock(&Cl.Lock);
		if (call) {
			ClCloseOne(call);
			continue;
		}
		if (!busy || !CL_WAIT_UNTIL((ClNextCall(Binding, &busy), !busy)))
			break;
	}
	if (!CL_WAIT_UNTIL(!ClBindingHasVcs(Binding)))
		ClLog("teardown adapter=%s: VCs are left", Binding->Name);

	CL_WAIT_UNTIL(!ClNextSap(Binding, ClSapRegistering));
	for (;;) {
		NdisAcquireSpinLock(&Cl.Lock);
		sap = ClNextSap(Binding, ClSapRegistered);
		if (sap) {
			sap->State = ClSapDeregistering;
			NdisResetEvent(&sap->Done);
		}
		NdisReleaseSpinLock(&Cl.Lock);
		if (!sap)
			break;
		ClLog("deregister_sap adapter=%s sap=%s (teardown)", Binding->Name, sap->Name);
		status = NdisClDeregisterSap(sap->SapHandle);
		if (status == NDIS_STATUS_PENDING) {
			if (!NdisWaitEvent(&sap->Done, CL_WAIT_MS))
				ClLog("teardown sap=%s: no deregister completion", sap->Name);
		} else {
			NdisAcquireSpinLock(&Cl.Lock);
			sap->State = ClSapGone;
			NdisReleaseSpinLock(&Cl.Lock);
		}
	}

	NdisResetEvent(&Binding->AfEvent);
	status = NdisClCloseAddressFamily(Binding->AfHandle);
	if (status == NDIS_STATUS_PENDING) {
		if (!NdisWaitEvent(&Binding->AfEvent, CL_WAIT_MS))
			return NDIS_STATUS_FAILURE;
		status = Binding->AfStatus;
	}
	ClLog("teardown adapter=%s close_af=0x%08x", Binding->Name, status);
	return status;
}

/* Start an AF teardown: no new command may use the AF; wait for those that do. */
static BOOLEAN ClBeginTeardown(PCL_BINDING Binding)
{
	BOOLEAN open;

	NdisAcquireSpinLock(&Cl.Lock);
	open = Binding->AfState == ClAfOpen;
	if (open)
		Binding->AfState = ClAfClosing;
	NdisReleaseSpinLock(&Cl.Lock);
	if (open && !CL_WAIT_UNTIL(!Binding->Busy))
		ClLog("teardown adapter=%s: commands still running", Binding->Name);
	return open;
}

/**
 * ClNotifyWorker() - the notify-close work item: tear the AF down, then complete
 * @WorkItemContext: what the work item was queued with
 * @NdisIoWorkItemHandle: the work item
 *
 * Context: process (PASSIVE_LEVEL).
 */
static void ClNotifyWorker(PVOID WorkItemContext, NDIS_HANDLE NdisIoWorkItemHandle)
{
	PCL_BINDING b = WorkItemContext;
	NDIS_STATUS status = NDIS_STATUS_SUCCESS;
	NDIS_HANDLE af;

	if (ClBeginTeardown(b))
		status = ClTeardownAf(b);
	NdisAcquireSpinLock(&Cl.Lock);
	af = b->NotifyAf;
	b->NotifyAf = NULL;
	NdisReleaseSpinLock(&Cl.Lock);
	ClLog("notify_close_af_complete adapter=%s status=0x%08x", b->Name, status);
	NdisClNotifyCloseAddressFamilyComplete(af, status);
}

static void ClFreeBinding(PCL_BINDING Binding)
{
	while (!IsListEmpty(&Binding->Calls)) {
		PCL_CALL call = CONTAINING_RECORD(RemoveHeadList(&Binding->Calls), CL_CALL, Link);

		NdisFreeIoWorkItem(call->AnswerWork);
		ClFree(call->Params);
		ClFree(call);
	}
	while (!IsListEmpty(&Binding->Saps))
		ClFree(CONTAINING_RECORD(RemoveHeadList(&Binding->Saps), CL_SAP, Link));
	NdisFreeNetBufferListPool(Binding->TxPool);
	ClFree(Binding);
}

/**
 * ClUnbindAdapter() - ProtocolUnbindAdapterEx: tear the AF down, close and free the binding
 * @UnbindContext: unused (the unbind is answered at once)
 * @ProtocolBindingContext: the binding (CL_BINDING)
 *
 * After a notify-close in progress; answered at once.
 *
 * Context: process (PASSIVE_LEVEL); sleeps.
 * Return: NDIS_STATUS_SUCCESS.
 */
static NDIS_STATUS ClUnbindAdapter(NDIS_HANDLE UnbindContext, NDIS_HANDLE ProtocolBindingContext)
{
	PCL_BINDING b = ProtocolBindingContext;
	NDIS_HANDLE work;
	NDIS_STATUS status;

	NdisAcquireSpinLock(&Cl.Lock);
	b->Unbinding = TRUE;
	work = b->NotifyWork;
	b->NotifyWork = NULL;
	NdisReleaseSpinLock(&Cl.Lock);
	ClLog("unbind adapter=%s", b->Name);
	NdisFreeIoWorkItem(work);	/* waits for a notify-close running */
	CL_WAIT_UNTIL(b->AfState != ClAfOpening);
	if (ClBeginTeardown(b))
		ClTeardownAf(b);
	status = NdisCloseAdapterEx(b->BindingHandle);
	if (status != NDIS_STATUS_SUCCESS)
		ClLog("unbind adapter=%s close=0x%08x", b->Name, status);
	NdisAcquireSpinLock(&Cl.Lock);
	RemoveEntryList(&b->Link);
	NdisReleaseSpinLock(&Cl.Lock);
	ClLog("unbound adapter=%s", b->Name);
	ClFreeBinding(b);
	return NDIS_STATUS_SUCCESS;
}

/* ---- client handlers: AF and SAPs ---------------------------------------------------- */

static PROTOCOL_CL_OPEN_AF_COMPLETE_EX ClOpenAfComplete;
static PROTOCOL_CL_CLOSE_AF_COMPLETE ClCloseAfComplete;
static PROTOCOL_CL_NOTIFY_CLOSE_AF ClNotifyCloseAf;
static PROTOCOL_CL_REGISTER_SAP_COMPLETE ClRegisterSapComplete;
static PROTOCOL_CL_DEREGISTER_SAP_COMPLETE ClDeregisterSapComplete;

/**
 * ClOpenAfComplete() - ProtocolClOpenAfCompleteEx: the AF is open, or not
 * @ProtocolAfContext: the binding (CL_BINDING)
 * @NdisAfHandle: NDIS's handle of the AF
 * @Status: the result
 *
 * Context: process (PASSIVE_LEVEL).
 */
static void ClOpenAfComplete(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE NdisAfHandle,
			     NDIS_STATUS Status)
{
	PCL_BINDING b = ProtocolAfContext;

	NdisAcquireSpinLock(&Cl.Lock);
	b->AfStatus = Status;
	if (Status == NDIS_STATUS_SUCCESS) {
		b->AfHandle = NdisAfHandle;
		b->AfState = ClAfOpen;
	} else {
		b->AfState = ClAfNone;
	}
	NdisReleaseSpinLock(&Cl.Lock);
	ClLog("open_af_complete adapter=%s status=0x%08x", b->Name, Status);
	NdisSetEvent(&b->AfEvent);
}

/**
 * ClCloseAfComplete() - ProtocolClCloseAfComplete: the AF is closed, or stays open
 * @Status: the result
 * @ProtocolAfContext: the binding (CL_BINDING)
 *
 * Context: any (<= DISPATCH_LEVEL).
 */
static void ClCloseAfComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolAfContext)
{
	PCL_BINDING b = ProtocolAfContext;

	NdisAcquireSpinLock(&Cl.Lock);
	b->AfStatus = Status;
	if (Status == NDIS_STATUS_SUCCESS) {
		b->AfHandle = NULL;
		b->AfState = ClAfNone;
	}
	NdisReleaseSpinLock(&Cl.Lock);
	ClLog("close_af_complete adapter=%s status=0x%08x", b->Name, Status);
	NdisSetEvent(&b->AfEvent);
}

/**
 * ClNotifyCloseAf() - ProtocolClNotifyCloseAf: the call manager wants the AF closed
 * @ClientAfContext: the binding (CL_BINDING)
 *
 * Context: any (<= DISPATCH_LEVEL).
 * Return: NDIS_STATUS_PENDING, or NDIS_STATUS_SUCCESS while unbinding.
 */
static NDIS_STATUS ClNotifyCloseAf(NDIS_HANDLE ClientAfContext)
{
	PCL_BINDING b = ClientAfContext;

	BOOLEAN queued;

	NdisAcquireSpinLock(&Cl.Lock);
	queued = !!b->NotifyWork;
	if (queued) {
		b->NotifyAf = b->AfHandle;
		/* Under the lock: the unbind frees the work item after it. */
		NdisQueueIoWorkItem(b->NotifyWork, ClNotifyWorker, b);
	}
	NdisReleaseSpinLock(&Cl.Lock);
	ClLog("notify_close_af adapter=%s%s", b->Name, queued ? "" : " (unbinding)");
	/* Unbinding: the unbind closes the AF itself. */
	return queued ? NDIS_STATUS_PENDING : NDIS_STATUS_SUCCESS;
}

/**
 * ClRegisterSapComplete() - ProtocolClRegisterSapComplete: a registration's result (also
 *	called by us for a result given at once)
 * @Status: the result
 * @ProtocolSapContext: the SAP (CL_SAP)
 * @Sap: the SAP address
 * @NdisSapHandle: NDIS's handle of the SAP
 *
 * Context: any (<= DISPATCH_LEVEL).
 */
static void ClRegisterSapComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolSapContext, PCO_SAP Sap,
				  NDIS_HANDLE NdisSapHandle)
{
	PCL_SAP sap = ProtocolSapContext;
	ULONG n;

	NdisAcquireSpinLock(&Cl.Lock);
	n = ++sap->RegCompletions;
	if (sap->State == ClSapRegistering) {
		sap->Status = Status;
		if (Status == NDIS_STATUS_SUCCESS) {
			sap->SapHandle = NdisSapHandle;
			sap->State = ClSapRegistered;
		} else {
			sap->State = ClSapFailed;
		}
	}
	NdisReleaseSpinLock(&Cl.Lock);
	ClLog("register_sap_complete adapter=%s sap=%s status=0x%08x n=%u", sap->Binding->Name,
	      sap->Name, Status, n);
	NdisSetEvent(&sap->Done);
}

/**
 * ClDeregisterSapComplete() - ProtocolClDeregisterSapComplete: the seed's completion, counted
 * @Status: the result
 * @ProtocolSapContext: the SAP (CL_SAP)
 *
 * Context: any (<= DISPATCH_LEVEL).
 */
static void ClDeregisterSapComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolSapContext)
{
	PCL_SAP sap = ProtocolSapContext;
	ULONG n;

	NdisAcquireSpinLock(&Cl.Lock);
	n = ++sap->DeregCompletions;
	if (sap->State == ClSapDeregistering)
		sap->State = ClSapGone;
	NdisReleaseSpinLock(&Cl.Lock);
	ClLog("deregister_sap_complete adapter=%s sap=%s status=0x%08x n=%u",
	      sap->Binding->Name, sap->Name, Status, n);
	NdisSetEvent(&sap->Done);
}

/* ---- client handlers: VCs and calls --------------------------------------------------- */

static PROTOCOL_CO_CREATE_VC ClCoCreateVc;
static PROTOCOL_CO_DELETE_VC ClCoDeleteVc;
static PROTOCOL_CL_MAKE_CALL_COMPLETE ClMakeCallComplete;
static PROTOCOL_CL_CLOSE_CALL_COMPLETE ClCloseCallComplete;
static PROTOCOL_CL_INCOMING_CALL ClIncomingCall;
static PROTOCOL_CL_CALL_CONNECTED ClCallConnectedHandler;
static PROTOCOL_CL_INCOMING_CLOSE_CALL ClIncomingCloseCall;
static NDIS_IO_WORKITEM_FUNCTION ClAnswerWorker;

static PCL_CALL ClNewCall(PCL_BINDING Binding, BOOLEAN Outgoing)
{
	PCL_CALL call = ClAlloc(sizeof(*call));

	if (!call)
		return NULL;
	call->AnswerWork = NdisAllocateIoWorkItem(Cl.ProtocolHandle);
	if (!call->AnswerWork) {
		ClFree(call);
		return NULL;
	}
	call->Binding = Binding;
	call->Outgoing = Outgoing;
	call->State = Outgoing ? ClCallMaking : ClCallIdle;
	NdisInitializeEvent(&call->Done);
	NdisInitializeEvent(&call->TxIdle);
	return call;
}

/**
 * ClCoCreateVc() - ProtocolCoCreateVc: the MCM creates a VC for an incoming call
 * @ProtocolAfContext: the binding (CL_BINDING)
 * @NdisVcHandle: NDIS's handle of the VC
 * @ProtocolVcContext: set to the call (CL_CALL)
 *
 * Context: any (<= DISPATCH_LEVEL).
 * Return: NDIS_STATUS_SUCCESS, NDIS_STATUS_RESOURCES or NDIS_STATUS_CLOSING.
 */
static NDIS_STATUS ClCoCreateVc(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE NdisVcHandle,
				PNDIS_HANDLE ProtocolVcContext)
{
	PCL_BINDING b = ProtocolAfContext;
	PCL_CALL call = ClNewCall(b, FALSE);
	BOOLEAN ok;

	if (!call)
		return NDIS_STATUS_RESOURCES;
	call->VcHandle = NdisVcHandle;
	NdisAcquireSpinLock(&Cl.Lock);
	ok = !b->Unbinding && b->AfState == ClAfOpen;
	if (ok) {
		call->Id = Cl.NextInId++;
		InsertTailList(&b->Calls, &call->Link);
	}
	NdisReleaseSpinLock(&Cl.Lock);
	if (!ok) {
		NdisFreeIoWorkItem(call->AnswerWork);
		ClFree(call);
		return NDIS_STATUS_CLOSING;
	}
	*ProtocolVcContext = call;
	ClLog("create_vc call=%u adapter=%s", call->Id, b->Name);
	return NDIS_STATUS_SUCCESS;
}

/**
 * ClCoDeleteVc() - ProtocolCoDeleteVc: the MCM deletes an incoming call's VC
 * @ProtocolVcContext: the call (CL_CALL)
 *
 * Context: any (<= DISPATCH_LEVEL).
 * Return: NDIS_STATUS_SUCCESS.
 */
static NDIS_STATUS ClCoDeleteVc(NDIS_HANDLE ProtocolVcContext)
{
	PCL_CALL call = ProtocolVcContext;

	NdisAcquireSpinLock(&Cl.Lock);
	call->VcHandle = NULL;
	NdisReleaseSpinLock(&Cl.Lock);
	ClLog("delete_vc call=%u", call->Id);
	return NDIS_STATUS_SUCCESS;
}

/* Copy the called name of an offer into @Call; FALSE if it carries none. */
static BOOLEAN ClOfferName(PCL_CALL Call, PCO_CALL_PARAMETERS CallParameters)
{
	PCO_SPECIFIC_PARAMETERS sp;

	if (!CallParameters || !CallParameters->CallMgrParameters)
		return FALSE;
	sp = &CallParameters->CallMgrParameters->CallMgrSpecific;
	if (sp->ParamType != NDISLOOP_PARAM_CALLED || sp->Length > NDISLOOP_NAME_MAX)
		return FALSE;
	NdisMoveMemory(Call->Sap, sp->Parameters, sp->Length);
	Call->Sap[sp->Length] = '\0';
	return TRUE;
}

/**
 * ClIncomingCall() - ProtocolClIncomingCall: answer an offer as configured
 * @ProtocolSapContext: the SAP (CL_SAP)
 * @ProtocolVcContext: the call (CL_CALL)
 * @CallParameters: the call parameters
 *
 * Context: any (<= DISPATCH_LEVEL).
 * Return: NDIS_STATUS_SUCCESS (accept), NDIS_STATUS_PENDING, or the rejection status.
 */
static NDIS_STATUS ClIncomingCall(NDIS_HANDLE ProtocolSapContext, NDIS_HANDLE ProtocolVcContext,
				  PCO_CALL_PARAMETERS CallParameters)
{
	PCL_SAP sap = ProtocolSapContext;
	PCL_CALL call = ProtocolVcContext;
	NDIS_STATUS status;
	CL_ANSWER answer;

	if (!ClOfferName(call, CallParameters))
		return NDIS_STATUS_INVALID_DATA;
	NdisAcquireSpinLock(&Cl.Lock);
	sap->Calls++;
	answer = Cl.Answer;
	status = Cl.RejectStatus;
	if (answer == ClAnswerAccept) {
		call->State = ClCallAccepted;
		status = NDIS_STATUS_SUCCESS;
	} else if (answer == ClAnswerPend) {
		call->State = ClCallOffered;
		call->Offer = CallParameters;
		status = NDIS_STATUS_PENDING;
	} else {
		call->State = ClCallFailed;
	}
	NdisReleaseSpinLock(&Cl.Lock);
	ClLog("incoming_call call=%u sap=%s answer=0x%08x", call->Id, sap->Name, status);
	if (status == NDIS_STATUS_PENDING)
		NdisQueueIoWorkItem(call->AnswerWork, ClAnswerWorker, call);
	return status;
}

/**
 * ClAnswerWorker() - the work item of a pended answer: accept
 * @WorkItemContext: what the work item was queued with
 * @NdisIoWorkItemHandle: the work item
 *
 * Context: process (PASSIVE_LEVEL).
 */
static void ClAnswerWorker(PVOID WorkItemContext, NDIS_HANDLE NdisIoWorkItemHandle)
{
	PCL_CALL call = WorkItemContext;
	PCO_CALL_PARAMETERS params;
	NDIS_HANDLE vc;

	NdisMSleep(50000);
	NdisAcquireSpinLock(&Cl.Lock);
	params = call->Offer;
	call->Offer = NULL;
	call->State = ClCallAccepted;
	vc = call->VcHandle;
	NdisReleaseSpinLock(&Cl.Lock);
	ClLog("incoming_call_complete call=%u", call->Id);
	NdisClIncomingCallComplete(NDIS_STATUS_SUCCESS, vc, params);
}

/**
 * ClCallConnectedHandler() - ProtocolClCallConnected: an incoming call is up
 * @ProtocolVcContext: the call (CL_CALL)
 *
 * Context: any (<= DISPATCH_LEVEL).
 */
static void ClCallConnectedHandler(NDIS_HANDLE ProtocolVcContext)
{
	PCL_CALL call = ProtocolVcContext;
	ULONG n;

	NdisAcquireSpinLock(&Cl.Lock);
	n = ++call->Connects;
	if (call->State == ClCallAccepted)
		call->State = ClCallConnected;
	NdisReleaseSpinLock(&Cl.Lock);
	ClLog("call_connected call=%u n=%u", call->Id, n);
}

/**
 * ClMakeCallComplete() - ProtocolClMakeCallComplete: a make-call's result (also called by us
 *	for a result given at once); delete the VC of a failed one
 * @Status: the result
 * @ProtocolVcContext: the call (CL_CALL)
 * @NdisPartyHandle: NDIS's handle of the party, or NULL
 * @CallParameters: the call parameters
 *
 * Context: any (<= DISPATCH_LEVEL).
 */
static void ClMakeCallComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolVcContext,
			       NDIS_HANDLE NdisPartyHandle, PCO_CALL_PARAMETERS CallParameters)
{
	PCL_CALL call = ProtocolVcContext;
	NDIS_HANDLE vc = NULL;
	ULONG n;

	NdisAcquireSpinLock(&Cl.Lock);
	n = ++call->MakeCompletions;
	call->Status = Status;
	if (call->State == ClCallMaking) {
		call->State = Status == NDIS_STATUS_SUCCESS ? ClCallConnected : ClCallFailed;
		if (Status != NDIS_STATUS_SUCCESS)
			vc = call->VcHandle;
	}
	NdisReleaseSpinLock(&Cl.Lock);
	ClLog("make_call_complete call=%u status=0x%08x n=%u", call->Id, Status, n);
	if (vc) {
		/* As NDIS says: after a failed make-call, delete (or reuse) the VC. */
		NDIS_STATUS st = NdisCoDeleteVc(vc);

		NdisAcquireSpinLock(&Cl.Lock);
		if (st == NDIS_STATUS_SUCCESS)
			call->VcHandle = NULL;
		NdisReleaseSpinLock(&Cl.Lock);
	}
	NdisSetEvent(&call->Done);
}

/**
 * ClCloseCallComplete() - ProtocolClCloseCallComplete: a close-call's result; delete our own VC
 * @Status: the result
 * @ProtocolVcContext: the call (CL_CALL)
 * @ProtocolPartyContext: unused (no multipoint)
 *
 * Context: any (<= DISPATCH_LEVEL).
 */
static void ClCloseCallComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolVcContext,
				NDIS_HANDLE ProtocolPartyContext)
{
	PCL_CALL call = ProtocolVcContext;
	NDIS_HANDLE vc = NULL;
	ULONG n;

	NdisAcquireSpinLock(&Cl.Lock);
	n = ++call->CloseCompletions;
	call->Status = Status;
	if (Status == NDIS_STATUS_SUCCESS) {
		call->State = ClCallClosed;
		if (call->Outgoing)
			vc = call->VcHandle;	/* ours to delete */
	} else if (call->State == ClCallClosing) {
		call->State = ClCallConnected;
	}
	NdisReleaseSpinLock(&Cl.Lock);
	ClLog("close_call_complete call=%u status=0x%08x n=%u", call->Id, Status, n);
	if (vc) {
		NDIS_STATUS st = NdisCoDeleteVc(vc);

		ClLog("delete_vc call=%u status=0x%08x", call->Id, st);
		NdisAcquireSpinLock(&Cl.Lock);
		if (st == NDIS_STATUS_SUCCESS)
			call->VcHandle = NULL;
		NdisReleaseSpinLock(&Cl.Lock);
	}
	NdisSetEvent(&call->Done);
}

/* NdisClCloseCall on a call, completing it ourselves if it does not pend. */
static void ClCloseOne(PCL_CALL Call)
{
	NDIS_STATUS status;
	NDIS_HANDLE vc;

	NdisAcquireSpinLock(&Cl.Lock);
	Call->State = ClCallClosing;
	vc = Call->VcHandle;
	NdisResetEvent(&Call->Done);
	NdisReleaseSpinLock(&Cl.Lock);
	status = NdisClCloseCall(vc, NULL, NULL, 0);
	if (status != NDIS_STATUS_PENDING)
		ClCloseCallComplete(status, Call, NULL);
	else if (!NdisWaitEvent(&Call->Done, CL_WAIT_MS))
		ClLog("close call=%u: no completion", Call->Id);
}

/**
 * ClIncomingCloseCall() - ProtocolClIncomingCloseCall: the other end closed: close ours
 * @CloseStatus: why the call was closed (SUCCESS: an orderly release)
 * @ProtocolVcContext: the call (CL_CALL)
 * @CloseData: data to send with the close, or NULL
 * @Size: bytes of the close data
 *
 * Context: any (<= DISPATCH_LEVEL).
 */
static void ClIncomingCloseCall(NDIS_STATUS CloseStatus, NDIS_HANDLE ProtocolVcContext,
				PVOID CloseData, UINT Size)
{
	PCL_CALL call = ProtocolVcContext;
	NDIS_STATUS status;
	NDIS_HANDLE vc;
	ULONG n;

	NdisAcquireSpinLock(&Cl.Lock);
	n = ++call->IncomingCloses;
	call->State = ClCallClosing;
	vc = call->VcHandle;
	NdisResetEvent(&call->Done);
	NdisReleaseSpinLock(&Cl.Lock);
	ClLog("incoming_close_call call=%u status=0x%08x n=%u", call->Id, CloseStatus, n);
	status = NdisClCloseCall(vc, NULL, NULL, 0);
	if (status != NDIS_STATUS_PENDING)
		ClCloseCallComplete(status, call, NULL);
}

/* ---- placeholders NDIS requires (no multipoint, no QoS changes) ---------------------- */

static PROTOCOL_CL_ADD_PARTY_COMPLETE ClAddPartyComplete;
static PROTOCOL_CL_DROP_PARTY_COMPLETE ClDropPartyComplete;
static PROTOCOL_CL_INCOMING_DROP_PARTY ClIncomingDropParty;
static PROTOCOL_CL_MODIFY_CALL_QOS_COMPLETE ClModifyCallQoSComplete;
static PROTOCOL_CL_INCOMING_CALL_QOS_CHANGE ClIncomingCallQoSChange;

/**
 * ClAddPartyComplete() - ProtocolClAddPartyComplete placeholder
 * @Status: the result
 * @ProtocolPartyContext: unused (no multipoint)
 * @NdisPartyHandle: NDIS's handle of the party, or NULL
 * @CallParameters: the call parameters
 *
 * Context: never called (no multipoint).
 */
static void ClAddPartyComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolPartyContext,
			       NDIS_HANDLE NdisPartyHandle, PCO_CALL_PARAMETERS CallParameters)
{
}

/**
 * ClDropPartyComplete() - ProtocolClDropPartyComplete placeholder
 * @Status: the result
 * @ProtocolPartyContext: unused (no multipoint)
 *
 * Context: never called (no multipoint).
 */
static void ClDropPartyComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolPartyContext)
{
}

/**
 * ClIncomingDropParty() - ProtocolClIncomingDropParty placeholder
 * @DropStatus: why the party was dropped
 * @ProtocolPartyContext: unused (no multipoint)
 * @CloseData: data to send with the close, or NULL
 * @Size: bytes of the close data
 *
 * Context: never called (no multipoint).
 */
static void ClIncomingDropParty(NDIS_STATUS DropStatus, NDIS_HANDLE ProtocolPartyContext,
				PVOID CloseData, UINT Size)
{
}

/**
 * ClModifyCallQoSComplete() - ProtocolClModifyCallQoSComplete placeholder
 * @Status: the result
 * @ProtocolVcContext: the call (CL_CALL)
 * @CallParameters: the call parameters
 *
 * Context: never called (no QoS changes).
 */
static void ClModifyCallQoSComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolVcContext,
				    PCO_CALL_PARAMETERS CallParameters)
{
}

/**
 * ClIncomingCallQoSChange() - ProtocolClIncomingCallQoSChange placeholder
 * @ProtocolVcContext: the call (CL_CALL)
 * @CallParameters: the call parameters
 *
 * Context: never called (the MCM changes no QoS).
 */
static void ClIncomingCallQoSChange(NDIS_HANDLE ProtocolVcContext,
				    PCO_CALL_PARAMETERS CallParameters)
{
}

/* ---- OID requests ----------------------------------------------------------------------- */

/**
 * struct _CL_OID - an OID request the client sends
 * @Request: the request
 * @Done: set by ProtocolCoOidRequestComplete
 * @Status: its status
 * @Buffer: the information buffer
 */
typedef struct _CL_OID {
	NDIS_OID_REQUEST Request;
	NDIS_EVENT Done;
	NDIS_STATUS Status;
	UCHAR Buffer[64];
} CL_OID, *PCL_OID;

static PROTOCOL_CO_OID_REQUEST ClOidRequest;
static PROTOCOL_CO_OID_REQUEST_COMPLETE ClOidRequestComplete;

/**
 * ClOidRequest() - ProtocolCoOidRequest: the call manager asks; nothing is supported
 * @ProtocolAfContext: the binding (CL_BINDING)
 * @ProtocolVcContext: the call (CL_CALL)
 * @ProtocolPartyContext: unused (no multipoint)
 * @OidRequest: the request
 *
 * Context: any (<= DISPATCH_LEVEL).
 * Return: NDIS_STATUS_NOT_SUPPORTED.
 */
static NDIS_STATUS ClOidRequest(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE ProtocolVcContext,
				NDIS_HANDLE ProtocolPartyContext, PNDIS_OID_REQUEST OidRequest)
{
	return NDIS_STATUS_NOT_SUPPORTED;
}

/**
 * ClOidRequestComplete() - ProtocolCoOidRequestComplete: a request we sent is done
 * @ProtocolAfContext: the binding (CL_BINDING)
 * @ProtocolVcContext: the call (CL_CALL)
 * @ProtocolPartyContext: unused (no multipoint)
 * @OidRequest: the request
 * @Status: the result
 *
 * Context: any (<= DISPATCH_LEVEL).
 */
static void ClOidRequestComplete(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE ProtocolVcContext,
				 NDIS_HANDLE ProtocolPartyContext, PNDIS_OID_REQUEST OidRequest,
				 NDIS_STATUS Status)
{
	PCL_OID oid = CONTAINING_RECORD(OidRequest, CL_OID, Request);

	ClLog("co_oid_request_complete oid=0x%08x status=0x%08x", OidRequest->DATA.Oid, Status);
	oid->Status = Status;
	NdisSetEvent(&oid->Done);
}

static PROTOCOL_OID_REQUEST_COMPLETE ClOidRequestCompleteEx;

/**
 * ClOidRequestCompleteEx() - ProtocolOidRequestComplete: an NdisOidRequest() is done
 * @ProtocolBindingContext: the binding (CL_BINDING)
 * @OidRequest: the request
 * @Status: the result
 *
 * Context: any (<= DISPATCH_LEVEL).
 */
static void ClOidRequestCompleteEx(NDIS_HANDLE ProtocolBindingContext,
				   PNDIS_OID_REQUEST OidRequest, NDIS_STATUS Status)
{
	PCL_OID oid = CONTAINING_RECORD(OidRequest, CL_OID, Request);
	PCL_BINDING b = ProtocolBindingContext;

	ClLog("oid_request_complete adapter=%s oid=0x%08x status=0x%08x", b->Name,
	      OidRequest->DATA.Oid, Status);
	oid->Status = Status;
	NdisSetEvent(&oid->Done);
}

/**
 * ClOidStart() - the busy binding of an adapter and a request to send on it
 * @Adapter: the adapter's name
 * @Binding: set to the binding, held busy (ClPutBinding())
 * @Status: set to why there is none
 *
 * Context: process.
 * Return: the request (ClFree()), or NULL.
 */
static PCL_OID ClOidStart(const char *Adapter, PCL_BINDING *Binding, NDIS_STATUS *Status)
{
	PCL_BINDING b = ClGetBinding(Adapter);
	PCL_OID oid;

	*Status = NDIS_STATUS_ADAPTER_NOT_FOUND;
	if (!b)
		return NULL;
	oid = ClAlloc(sizeof(*oid));
	if (!oid) {
		ClPutBinding(b);
		*Status = NDIS_STATUS_RESOURCES;
		return NULL;
	}
	*Binding = b;
	return oid;
}

/**
 * ClQuery() - send a query and wait for a pended one
 * @b: the binding, held busy by the caller
 * @Oid: the request, its buffer and completion event
 * @Code: the OID
 * @Connectionless: with NdisOidRequest(), else with NdisCoOidRequest()
 * @ToCallManager: for NdisCoOidRequest(): to the call manager (with the
 *	AF), else to the miniport
 *
 * Context: process; waits up to CL_WAIT_MS for a pended request.
 * Return: the request's status; NDIS_STATUS_PENDING if it never completed
 *	(the request stays lent: the caller must not free it).
 */
static NDIS_STATUS ClQuery(PCL_BINDING b, PCL_OID Oid, NDIS_OID Code, BOOLEAN Connectionless,
			   BOOLEAN ToCallManager)
{
	NDIS_STATUS status;

	NdisInitializeEvent(&Oid->Done);
	Oid->Request.Header.Type = NDIS_OBJECT_TYPE_OID_REQUEST;
	Oid->Request.Header.Revision = NDIS_OID_REQUEST_REVISION_1;
	Oid->Request.Header.Size = NDIS_SIZEOF_OID_REQUEST_REVISION_1;
	Oid->Request.RequestType = NdisRequestQueryInformation;
	Oid->Request.DATA.QUERY_INFORMATION.Oid = Code;
	Oid->Request.DATA.QUERY_INFORMATION.InformationBuffer = Oid->Buffer;
	Oid->Request.DATA.QUERY_INFORMATION.InformationBufferLength = sizeof(Oid->Buffer);
	if (Connectionless)
		status = NdisOidRequest(b->BindingHandle, &Oid->Request);
	else
		status = NdisCoOidRequest(b->BindingHandle, ToCallManager ? b->AfHandle : NULL,
					  NULL, NULL, &Oid->Request);
	if (status != NDIS_STATUS_PENDING)
		return status;
	if (!NdisWaitEvent(&Oid->Done, CL_WAIT_MS)) {
		ClLog("oid adapter=%s oid=0x%08x: no completion", b->Name, Code);
		return NDIS_STATUS_PENDING;
	}
	return Oid->Status;
}

/**
 * ClMediaState() - ask the miniport its media state with NdisOidRequest()
 * @Adapter: the adapter's name
 *
 * Context: process; waits for a pended request.
 * Return: the request's status.
 */
NDIS_STATUS ClMediaState(const char *Adapter)
{
	NDIS_STATUS status;
	PCL_BINDING b;
	PCL_OID oid;
	ULONG value = 0;

	oid = ClOidStart(Adapter, &b, &status);
	if (!oid)
		return status;
	status = ClQuery(b, oid, OID_GEN_CO_MEDIA_CONNECT_STATUS, TRUE, FALSE);
	if (status == NDIS_STATUS_PENDING) {
		ClPutBinding(b);
		return NDIS_STATUS_FAILURE;	/* the request stays lent: leaked */
	}
	if (status == NDIS_STATUS_SUCCESS)
		NdisMoveMemory(&value, oid->Buffer, sizeof(value));
	ClLog("mediastate adapter=%s oid=0x%08x status=0x%08x written=%u value=%u", b->Name,
	      oid->Request.DATA.Oid, status, oid->Request.DATA.QUERY_INFORMATION.BytesWritten,
	      value);
	ClPutBinding(b);
	ClFree(oid);
	return status;
}

/**
 * ClUnbind() - ask NDIS to unbind the client from an adapter (NdisUnbindAdapter())
 * @Adapter: the adapter's name
 *
 * ProtocolUnbindAdapterEx runs later and closes the binding as for an
 * adapter that goes away.
 *
 * Context: process.
 * Return: the status of NdisUnbindAdapter(), or NDIS_STATUS_ADAPTER_NOT_FOUND.
 */
NDIS_STATUS ClUnbind(const char *Adapter)
{
	PCL_BINDING b = ClGetBinding(Adapter);
	NDIS_STATUS status;

	if (!b)
		return NDIS_STATUS_ADAPTER_NOT_FOUND;
	status = NdisUnbindAdapter(b->BindingHandle);
	ClLog("unbind_request adapter=%s status=0x%08x", b->Name, status);
	ClPutBinding(b);	/* the unbind waits for this */
	return status;
}

/**
 * ClOid() - query an OID: the link speed of the miniport, or the
 *	addresses of the call manager (with the AF)
 * @Adapter: the adapter's name
 * @ToCallManager: OID_CO_GET_ADDRESSES to the call manager, else
 *	OID_GEN_CO_LINK_SPEED to the miniport
 *
 * Context: process; waits for a pended request.
 * Return: the request's status.
 */
NDIS_STATUS ClOid(const char *Adapter, BOOLEAN ToCallManager)
{
	NDIS_STATUS status;
	PCL_BINDING b;
	PCL_OID oid;
	ULONG value;

	oid = ClOidStart(Adapter, &b, &status);
	if (!oid)
		return status;
	status = ClQuery(b, oid, ToCallManager ? OID_CO_GET_ADDRESSES : OID_GEN_CO_LINK_SPEED,
			 FALSE, ToCallManager);
	if (status == NDIS_STATUS_PENDING) {
		ClPutBinding(b);
		return NDIS_STATUS_FAILURE;	/* the request stays lent: leaked */
	}
	NdisMoveMemory(&value, oid->Buffer, sizeof(value));
	ClLog("oid adapter=%s oid=0x%08x status=0x%08x written=%u value=%u%s%.*s", b->Name,
	      oid->Request.DATA.Oid, status, oid->Request.DATA.QUERY_INFORMATION.BytesWritten,
	      ToCallManager ? ((PCO_ADDRESS_LIST)oid->Buffer)->NumberOfAddresses : value,
	      ToCallManager ? " address=" : "",
	      ToCallManager && status == NDIS_STATUS_SUCCESS ?
	      (int)((PCO_ADDRESS_LIST)oid->Buffer)->AddressList.AddressSize : 0,
	      ((PCO_ADDRESS_LIST)oid->Buffer)->AddressList.Address);
	ClPutBinding(b);
	ClFree(oid);
	return status;
}

/* ---- what the control file asks for ----------------------------------------------------- */

static PCL_SAP ClFindSap(PCL_BINDING Binding, const char *Name, CL_SAP_STATE State)
{
	PLIST_ENTRY e;

	for (e = Binding->Saps.Flink; e != &Binding->Saps; e = e->Flink) {
		PCL_SAP sap = CONTAINING_RECORD(e, CL_SAP, Link);

		if (!strcmp(sap->Name, Name) && sap->State == State)
			return sap;
	}
	return NULL;
}

/**
 * ClListen() - register a SAP and wait for the result
 * @Adapter: the adapter's name
 * @Name: the service name
 *
 * Context: process.
 * Return: the registration's status.
 */
NDIS_STATUS ClListen(const char *Adapter, const char *Name)
{
	PCL_BINDING b;
	NDIS_STATUS status;
	NDIS_HANDLE handle = NULL;
	ULONG len = strlen(Name);
	PCL_SAP sap;

	if (!len || len > NDISLOOP_NAME_MAX)
		return NDIS_STATUS_INVALID_PARAMETER;
	b = ClGetBinding(Adapter);
	if (!b)
		return NDIS_STATUS_ADAPTER_NOT_FOUND;
	sap = ClAlloc(sizeof(*sap));
	if (!sap) {
		ClPutBinding(b);
		return NDIS_STATUS_RESOURCES;
	}
	sap->Binding = b;
	sap->State = ClSapRegistering;
	NdisInitializeEvent(&sap->Done);
	NdisMoveMemory(sap->Name, Name, len);
	sap->Sap.SapType = NDISLOOP_SAP_TYPE;
	sap->Sap.SapLength = len;
	NdisMoveMemory(sap->Sap.Sap, Name, len);
	NdisAcquireSpinLock(&Cl.Lock);
	InsertTailList(&b->Saps, &sap->Link);
	NdisReleaseSpinLock(&Cl.Lock);

	ClLog("register_sap adapter=%s sap=%s", b->Name, Name);
	status = NdisClRegisterSap(b->AfHandle, sap, &sap->Sap, &handle);
	if (status == NDIS_STATUS_PENDING) {
		if (!NdisWaitEvent(&sap->Done, CL_WAIT_MS))
			status = NDIS_STATUS_FAILURE;
		else
			status = sap->Status;
	} else {
		ClRegisterSapComplete(status, sap, &sap->Sap, handle);
	}
	ClPutBinding(b);
	return status;
}

/**
 * ClUnlisten() - deregister a SAP; the completion comes later
 * @Adapter: the adapter's name
 * @Name: the service name
 *
 * Context: process.
 * Return: what NdisClDeregisterSap returned (NDIS_STATUS_PENDING), or
 * NDIS_STATUS_INVALID_DATA if there is no such registered SAP.
 */
NDIS_STATUS ClUnlisten(const char *Adapter, const char *Name)
{
	PCL_BINDING b = ClGetBinding(Adapter);
	NDIS_HANDLE handle = NULL;
	NDIS_STATUS status;
	PCL_SAP sap;

	if (!b)
		return NDIS_STATUS_ADAPTER_NOT_FOUND;
	NdisAcquireSpinLock(&Cl.Lock);
	sap = ClFindSap(b, Name, ClSapRegistered);
	if (sap) {
		sap->State = ClSapDeregistering;
		NdisResetEvent(&sap->Done);
		handle = sap->SapHandle;
	}
	NdisReleaseSpinLock(&Cl.Lock);
	status = NDIS_STATUS_INVALID_DATA;
	if (sap) {
		ClLog("deregister_sap adapter=%s sap=%s", b->Name, Name);
		status = NdisClDeregisterSap(handle);
		ClLog("deregister_sap adapter=%s sap=%s returned=0x%08x", b->Name, Name, status);
		if (status != NDIS_STATUS_PENDING) {
			NdisAcquireSpinLock(&Cl.Lock);
			sap->State = ClSapRegistered;
			NdisReleaseSpinLock(&Cl.Lock);
		}
	}
	ClPutBinding(b);
	return status;
}

static PCL_CALL ClFindCall(ULONG Id)
{
	PLIST_ENTRY e, c;

	for (e = Cl.Bindings.Flink; e != &Cl.Bindings; e = e->Flink) {
		PCL_BINDING b = CONTAINING_RECORD(e, CL_BINDING, Link);

		for (c = b->Calls.Flink; c != &b->Calls; c = c->Flink) {
			PCL_CALL call = CONTAINING_RECORD(c, CL_CALL, Link);

			if (call->Id == Id && call->VcHandle)
				return call;
		}
	}
	return NULL;
}

/* The live call @Id with its binding referenced (ClPutBinding()), or NULL. */
static PCL_CALL ClGetCall(ULONG Id)
{
	PCL_CALL call;

	NdisAcquireSpinLock(&Cl.Lock);
	call = ClFindCall(Id);
	if (call && (call->Binding->Unbinding || call->Binding->AfState != ClAfOpen))
		call = NULL;
	if (call)
		call->Binding->Busy++;
	NdisReleaseSpinLock(&Cl.Lock);
	return call;
}

/**
 * ClCall() - place a call and wait for the result
 * @Id: the call's id, not in use
 * @Adapter: the adapter to call from
 * @Name: the called service name
 *
 * Context: process.
 * Return: the make-call's status.
 */
NDIS_STATUS ClCall(ULONG Id, const char *Adapter, const char *Name)
{
	PCO_CALL_MANAGER_PARAMETERS cm;
	ULONG len = strlen(Name);
	PCL_BINDING b;
	NDIS_STATUS status;
	PCL_CALL call;
	BOOLEAN taken;

	if (!len || len > NDISLOOP_NAME_MAX || Id >= CL_FIRST_IN_ID)
		return NDIS_STATUS_INVALID_PARAMETER;
	b = ClGetBinding(Adapter);
	if (!b)
		return NDIS_STATUS_ADAPTER_NOT_FOUND;
	status = NDIS_STATUS_RESOURCES;
	call = ClNewCall(b, TRUE);
	if (!call)
		goto out;
	call->Id = Id;
	NdisMoveMemory(call->Sap, Name, len);
	call->Params = ClAlloc(sizeof(CO_CALL_PARAMETERS) + sizeof(*cm) + len);
	if (!call->Params) {
		NdisFreeIoWorkItem(call->AnswerWork);
		ClFree(call);
		goto out;
	}
	cm = (PCO_CALL_MANAGER_PARAMETERS)(call->Params + 1);
	cm->Transmit.TokenRate = QOS_NOT_SPECIFIED;
	cm->Receive.TokenRate = QOS_NOT_SPECIFIED;
	cm->CallMgrSpecific.ParamType = NDISLOOP_PARAM_CALLED;
	cm->CallMgrSpecific.Length = len;
	NdisMoveMemory(cm->CallMgrSpecific.Parameters, Name, len);
	call->Params->CallMgrParameters = cm;

	NdisAcquireSpinLock(&Cl.Lock);
	taken = !!ClFindCall(Id);
	if (!taken)
		InsertTailList(&b->Calls, &call->Link);
	NdisReleaseSpinLock(&Cl.Lock);
	if (taken) {
		NdisFreeIoWorkItem(call->AnswerWork);
		ClFree(call->Params);
		ClFree(call);
		status = NDIS_STATUS_INVALID_PARAMETER;
		goto out;
	}

	status = NdisCoCreateVc(b->BindingHandle, b->AfHandle, call, &call->VcHandle);
	if (status != NDIS_STATUS_SUCCESS) {
		NdisAcquireSpinLock(&Cl.Lock);
		call->State = ClCallFailed;
		NdisReleaseSpinLock(&Cl.Lock);
		goto out;
	}
	ClLog("make_call call=%u adapter=%s sap=%s", Id, b->Name, Name);
	status = NdisClMakeCall(call->VcHandle, call->Params, NULL, NULL);
	if (status == NDIS_STATUS_PENDING) {
		if (NdisWaitEvent(&call->Done, CL_WAIT_MS))
			status = call->Status;
		else
			status = NDIS_STATUS_FAILURE;
	} else {
		ClMakeCallComplete(status, call, NULL, call->Params);
	}
out:
	ClPutBinding(b);
	return status;
}

/**
 * ClClose() - close a call and wait for the result
 * @Id: the call's id
 *
 * Context: process.
 * Return: the close-call's status.
 */
NDIS_STATUS ClClose(ULONG Id)
{
	PCL_CALL call = ClGetCall(Id);
	NDIS_STATUS status;

	if (!call)
		return NDIS_STATUS_INVALID_PARAMETER;
	ClLog("close_call call=%u", Id);
	ClCloseOne(call);
	NdisAcquireSpinLock(&Cl.Lock);
	status = call->Status;
	NdisReleaseSpinLock(&Cl.Lock);
	ClPutBinding(call->Binding);
	return status;
}

/**
 * ClSend() - send packets on a call and wait until they all completed
 * @Id: the call's id
 * @Count: how many packets
 * @Size: bytes each (a header, then a pattern)
 *
 * Context: process.
 * Return: NDIS_STATUS_SUCCESS if every packet completed with success,
 * NDIS_STATUS_FAILURE otherwise.
 */
NDIS_STATUS ClSend(ULONG Id, ULONG Count, ULONG Size)
{
	PCL_CALL call = ClGetCall(Id);
	PNET_BUFFER_LIST head, *tail, nbl;
	ULONG sent = 0, errors, batch, i, j;
	NDIS_STATUS status = NDIS_STATUS_SUCCESS;

	if (!call)
		return NDIS_STATUS_INVALID_PARAMETER;
	if (Size < sizeof(struct cl_pkt_hdr) || Size > NDISLOOP_MTU) {
		ClPutBinding(call->Binding);
		return NDIS_STATUS_INVALID_LENGTH;
	}
	errors = call->TxErr;
	while (sent < Count && status == NDIS_STATUS_SUCCESS) {
		head = NULL;
		tail = &head;
		batch = min_t(ULONG, Count - sent, 16);
		for (i = 0; i < batch; i++) {
			struct cl_pkt_hdr *h;
			PNET_BUFFER nb;
			PUCHAR data;

			nbl = NdisAllocateNetBufferList(call->Binding->TxPool, 0, 0);
			if (!nbl) {
				status = NDIS_STATUS_RESOURCES;
				break;
			}
			nb = NET_BUFFER_LIST_FIRST_NB(nbl);
			data = MmGetSystemAddressForMdlSafe(NET_BUFFER_FIRST_MDL(nb),
							    NormalPagePriority);
			h = (struct cl_pkt_hdr *)data;
			h->Magic = CL_PKT_MAGIC;
			h->CallId = Id;
			h->Seq = call->Tx + i;
			h->Length = Size;
			for (j = sizeof(*h); j < Size; j++)
				data[j] = (UCHAR)(h->Seq + j);
			NET_BUFFER_DATA_LENGTH(nb) = Size;
			nbl->SourceHandle = call->VcHandle;
			*tail = nbl;
			tail = &NET_BUFFER_LIST_NEXT_NBL(nbl);
		}
		if (!head)
			break;
		NdisResetEvent(&call->TxIdle);
		for (nbl = head; nbl; nbl = NET_BUFFER_LIST_NEXT_NBL(nbl)) {
			NdisInterlockedIncrement(&call->TxPending);
			NdisInterlockedIncrement(&call->Tx);
			sent++;
		}
		NdisCoSendNetBufferLists(call->VcHandle, head, 0);
		if (!NdisWaitEvent(&call->TxIdle, CL_WAIT_MS))
			status = NDIS_STATUS_FAILURE;
	}
	if (call->TxErr != errors)
		status = NDIS_STATUS_FAILURE;
	ClLog("send call=%u count=%u size=%u status=0x%08x", Id, sent, Size, status);
	ClPutBinding(call->Binding);
	return status;
}

/* ---- registration ----------------------------------------------------------------------- */

static PROTOCOL_SET_OPTIONS ClSetOptions;

/**
 * ClSetOptions() - ProtocolSetOptions: register the CoNDIS protocol and client tables
 * @NdisDriverHandle: our driver handle
 * @DriverContext: unused
 *
 * Context: process (PASSIVE_LEVEL), inside NdisRegisterProtocolDriver().
 * Return: the status of NdisSetOptionalHandlers().
 */
static NDIS_STATUS ClSetOptions(NDIS_HANDLE NdisDriverHandle, NDIS_HANDLE DriverContext)
{
	NDIS_DRIVER_OPTIONAL_HANDLERS handlers;
	PNDIS_PROTOCOL_CO_CHARACTERISTICS co = &handlers.ProtocolCoCharacteristics;
	PNDIS_CO_CLIENT_OPTIONAL_HANDLERS cl = &handlers.ClientChars;
	NDIS_STATUS status;

	NdisZeroMemory(&handlers, sizeof(handlers));
	co->Header.Type = NDIS_OBJECT_TYPE_CO_PROTOCOL_CHARACTERISTICS;
	co->Header.Revision = NDIS_PROTOCOL_CO_CHARACTERISTICS_REVISION_1;
	co->Header.Size = NDIS_SIZEOF_PROTOCOL_CO_CHARACTERISTICS_REVISION_1;
	co->CoStatusHandlerEx = ClCoStatus;
	co->CoAfRegisterNotifyHandler = ClCoAfRegisterNotify;
	co->CoReceiveNetBufferListsHandler = ClCoReceiveNetBufferLists;
	co->CoSendNetBufferListsCompleteHandler = ClCoSendNetBufferListsComplete;
	status = NdisSetOptionalHandlers(NdisDriverHandle, &handlers);
	if (status != NDIS_STATUS_SUCCESS)
		return status;

	NdisZeroMemory(&handlers, sizeof(handlers));
	cl->Header.Type = NDIS_OBJECT_TYPE_CO_CLIENT_OPTIONAL_HANDLERS;
	cl->Header.Revision = NDIS_CO_CLIENT_OPTIONAL_HANDLERS_REVISION_1;
	cl->Header.Size = NDIS_SIZEOF_CO_CLIENT_OPTIONAL_HANDLERS_REVISION_1;
	cl->ClCreateVcHandler = ClCoCreateVc;
	cl->ClDeleteVcHandler = ClCoDeleteVc;
	cl->ClOidRequestHandler = ClOidRequest;
	cl->ClOidRequestCompleteHandler = ClOidRequestComplete;
	cl->ClOpenAfCompleteHandlerEx = ClOpenAfComplete;
	cl->ClCloseAfCompleteHandler = ClCloseAfComplete;
	cl->ClRegisterSapCompleteHandler = ClRegisterSapComplete;
	cl->ClDeregisterSapCompleteHandler = ClDeregisterSapComplete;
	cl->ClMakeCallCompleteHandler = ClMakeCallComplete;
	cl->ClModifyCallQoSCompleteHandler = ClModifyCallQoSComplete;
	cl->ClCloseCallCompleteHandler = ClCloseCallComplete;
	cl->ClAddPartyCompleteHandler = ClAddPartyComplete;
	cl->ClDropPartyCompleteHandler = ClDropPartyComplete;
	cl->ClIncomingCallHandler = ClIncomingCall;
	cl->ClIncomingCallQoSChangeHandler = ClIncomingCallQoSChange;
	cl->ClIncomingCloseCallHandler = ClIncomingCloseCall;
	cl->ClIncomingDropPartyHandler = ClIncomingDropParty;
	cl->ClCallConnectedHandler = ClCallConnectedHandler;
	cl->ClNotifyCloseAfHandler = ClNotifyCloseAf;
	return NdisSetOptionalHandlers(NdisDriverHandle, &handlers);
}

static DRIVER_UNLOAD ClUnload;

/**
 * ClUnload() - DriverUnload: deregister the protocol (it unbinds everywhere)
 * @DriverObject: our driver object
 *
 * Context: process (module exit).
 */
static void ClUnload(PDRIVER_OBJECT DriverObject)
{
	NdisDeregisterProtocolDriver(Cl.ProtocolHandle);
	NdisFreeSpinLock(&Cl.Lock);
}

/**
 * ClDriverEntry() - DriverEntry: register the protocol (it binds at once)
 * @DriverObject: the driver object
 * @RegistryPath: unused
 *
 * Context: process (module init).
 * Return: the status of NdisRegisterProtocolDriver().
 */
NTSTATUS ClDriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
	NDIS_PROTOCOL_DRIVER_CHARACTERISTICS pc;
	NDIS_STRING name = NDIS_STRING_CONST("ndisclient");
	NDIS_STATUS status;

	NdisAllocateSpinLock(&Cl.Lock);
	InitializeListHead(&Cl.Bindings);
	Cl.NextInId = CL_FIRST_IN_ID;
	Cl.Answer = ClAnswerAccept;

	NdisZeroMemory(&pc, sizeof(pc));
	pc.Header.Type = NDIS_OBJECT_TYPE_PROTOCOL_DRIVER_CHARACTERISTICS;
	pc.Header.Revision = NDIS_PROTOCOL_DRIVER_CHARACTERISTICS_REVISION_1;
	pc.Header.Size = NDIS_SIZEOF_PROTOCOL_DRIVER_CHARACTERISTICS_REVISION_1;
	pc.MajorNdisVersion = 6;
	pc.MinorNdisVersion = 0;
	pc.MajorDriverVersion = 1;
	pc.MinorDriverVersion = 0;
	pc.Name = name;
	pc.SetOptionsHandler = ClSetOptions;
	pc.BindAdapterHandlerEx = ClBindAdapter;
	pc.UnbindAdapterHandlerEx = ClUnbindAdapter;
	pc.OidRequestCompleteHandler = ClOidRequestCompleteEx;
	status = NdisRegisterProtocolDriver(NULL, &pc, &Cl.ProtocolHandle);
	if (status == NDIS_STATUS_SUCCESS)
		DriverObject->DriverUnload = ClUnload;
	else
		NdisFreeSpinLock(&Cl.Lock);
	return status;
}
