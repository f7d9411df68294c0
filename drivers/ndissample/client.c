// SPDX-License-Identifier: GPL-2.0
/*
 * ndisclient: a CoNDIS client written as a Windows CoNDIS client is,
 * against <ndis/ndis.h> only.  See client.h for its objects and locking.
 *
 * It binds to every adapter, opens the loopback address family when the
 * MCM advertises it (or conic's, when a conic port's call manager does),
 * and on request (client_linux.c) registers and deregisters SAPs, places,
 * closes and sends on calls (multipoint calls too, adding and dropping
 * their parties), changes their QoS, and queries OIDs.  Incoming calls
 * are accepted, accepted late (pended answer) or rejected as configured.
 * Received packets are checked and returned at once.
 *
 * As NDIS documents for client calls: when NdisClRegisterSap,
 * NdisClMakeCall or NdisClCloseCall return anything but
 * NDIS_STATUS_PENDING, the client calls its own completion handler.
 */
#include "client.h"

static PROTOCOL_BIND_ADAPTER_EX ClBindAdapter;
static PROTOCOL_UNBIND_ADAPTER_EX ClUnbindAdapter;
static PROTOCOL_CO_AF_REGISTER_NOTIFY ClCoAfRegisterNotify;
static PROTOCOL_CO_STATUS_EX ClCoStatus;
static PROTOCOL_CO_RECEIVE_NET_BUFFER_LISTS ClCoReceiveNetBufferLists;
static PROTOCOL_CO_SEND_NET_BUFFER_LISTS_COMPLETE ClCoSendNetBufferListsComplete;
static PROTOCOL_SET_OPTIONS ClSetOptions;
static DRIVER_UNLOAD ClUnload;

CL_GLOBALS Cl;

PVOID ClAlloc(ULONG Size)
{
	return NdisAllocateMemoryWithTagPriority(Cl.ProtocolHandle, Size, CL_TAG,
						 NormalPoolPriority);
}

void ClFree(PVOID Memory)
{
	if (Memory)
		NdisFreeMemoryWithTagPriority(Cl.ProtocolHandle, Memory, CL_TAG);
}

/* ---- bindings and their use by control commands ------------------------------------ */

/*
 * The binding of @Adapter with its AF open, referenced (CL_BINDING.Busy)
 * until ClPutBinding(); NULL if there is none.
 */
PCL_BINDING ClGetBinding(const char *Adapter)
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

void ClPutBinding(PCL_BINDING Binding)
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
 * ClCoAfRegisterNotify() - ProtocolCoAfRegisterNotify: open the loopback (or conic's) AF, once
 *	per binding
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

	if ((AddressFamily->AddressFamily != NDISLOOP_AF ||
	     AddressFamily->MajorVersion != NDISLOOP_AF_MAJOR) &&
	    (AddressFamily->AddressFamily != CL_CONIC_AF ||
	     AddressFamily->MajorVersion != CL_CONIC_AF_MAJOR))
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
void ClNotifyWorker(PVOID WorkItemContext, NDIS_HANDLE NdisIoWorkItemHandle)
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
	while (!IsListEmpty(&Binding->Calls))
		ClFreeCall(CONTAINING_RECORD(RemoveHeadList(&Binding->Calls), CL_CALL, Link));
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

/* ---- registration ----------------------------------------------------------------------- */

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
