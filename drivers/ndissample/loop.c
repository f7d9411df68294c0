// SPDX-License-Identifier: GPL-2.0
/*
 * ndisloop: a CoNDIS MCM for a loopback medium, written as a Windows
 * CoNDIS miniport call manager is, against <ndis/ndis.h> only.  See
 * loop.h for its objects and locking, ndisloop.h for the medium.
 *
 * A make-call is set up on the adapter's work item: the called SAP is
 * looked up on every adapter, a VC is created for the incoming end
 * (NdisMCmCreateVc), both ends activated (NdisMCmActivateVc), and the
 * call offered (NdisMCmDispatchIncomingCall); the caller's make-call
 * completes with the callee's answer.  Packets sent on one end are copied
 * into NBLs of the other end's adapter and indicated there.
 *
 * A make-call with a party is a multipoint call: the first party's leaf
 * is offered the call as above, each added party's leaf the same way,
 * and the root's packets go to every leaf (loop_call.c).  A QoS change is
 * both ends re-activated with the new flows, the other end told, then the
 * change completed.
 *
 * SAP deregistration pends by default: ProtocolCmDeregisterSap returns
 * NDIS_STATUS_PENDING, a timer waits Loop.DeregDelayMs, and the work item
 * calls NdisMCmDeregisterSapComplete.
 */
#include "loop.h"

static MINIPORT_INITIALIZE LoopInitialize;
static MINIPORT_HALT LoopHalt;
static MINIPORT_UNLOAD LoopUnload;
static MINIPORT_PAUSE LoopPause;
static MINIPORT_RESTART LoopRestart;
static MINIPORT_RETURN_NET_BUFFER_LISTS LoopReturnNetBufferLists;
static MINIPORT_CO_SEND_NET_BUFFER_LISTS LoopCoSendNetBufferLists;
static MINIPORT_SET_OPTIONS LoopSetOptions;

LOOP_GLOBALS Loop;

PVOID LoopAlloc(ULONG Size)
{
	return NdisAllocateMemoryWithTagPriority(Loop.DriverHandle, Size, LOOP_TAG,
						 NormalPoolPriority);
}

void LoopFree(PVOID Memory)
{
	if (Memory)
		NdisFreeMemoryWithTagPriority(Loop.DriverHandle, Memory, LOOP_TAG);
}

/* Queue @Req for the adapter's work item; FALSE once the adapter halts. */
BOOLEAN LoopQueue(PLOOP_ADAPTER Adapter, PLOOP_REQ Req, LOOP_REQ_KIND Kind, PVOID Object)
{
	BOOLEAN queued;

	Req->Kind = Kind;
	Req->Object = Object;
	NdisAcquireSpinLock(&Loop.Lock);
	queued = !Adapter->Halting;
	if (queued) {
		InsertTailList(&Adapter->Requests, &Req->Link);
		/* Under the lock: once Halting is set, the halt's flush sees it. */
		NdisQueueIoWorkItem(Adapter->WorkItem, LoopWorker, Adapter);
	}
	NdisReleaseSpinLock(&Loop.Lock);
	return queued;
}

/* The called name of a make-call, or NULL if the parameters carry none. */
PCO_SPECIFIC_PARAMETERS LoopCalledName(PCO_CALL_PARAMETERS CallParameters)
{
	PCO_SPECIFIC_PARAMETERS sp;

	if (!CallParameters || !CallParameters->CallMgrParameters)
		return NULL;
	sp = &CallParameters->CallMgrParameters->CallMgrSpecific;
	if (sp->ParamType != NDISLOOP_PARAM_CALLED || !sp->Length ||
	    sp->Length > NDISLOOP_NAME_MAX)
		return NULL;
	return sp;
}

/* ---- miniport handlers --------------------------------------------------------- */

/* Tell NDIS the adapter's context and bus (NdisMSetMiniportAttributes). */
static NDIS_STATUS LoopSetAttributes(PLOOP_ADAPTER Adapter)
{
	NDIS_MINIPORT_ADAPTER_ATTRIBUTES attrs;
	PNDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES reg = &attrs.RegistrationAttributes;

	NdisZeroMemory(&attrs, sizeof(attrs));
	reg->Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
	reg->Header.Revision = NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
	reg->Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
	reg->MiniportAdapterContext = Adapter;
	reg->InterfaceType = NdisInterfaceInternal;
	return NdisMSetMiniportAttributes(Adapter->MiniportAdapterHandle, &attrs);
}

/* The adapter's receive pool: NBLs with one MTU-sized net buffer each; NULL if none. */
static NDIS_HANDLE LoopAllocRxPool(PLOOP_ADAPTER Adapter)
{
	NET_BUFFER_LIST_POOL_PARAMETERS pool;

	NdisZeroMemory(&pool, sizeof(pool));
	pool.Header.Type = NDIS_OBJECT_TYPE_DEFAULT;
	pool.Header.Revision = NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1;
	pool.Header.Size = NDIS_SIZEOF_NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1;
	pool.ProtocolId = NDIS_PROTOCOL_ID_DEFAULT;
	pool.fAllocateNetBuffer = TRUE;
	pool.PoolTag = LOOP_TAG;
	pool.DataSize = NDISLOOP_MTU;
	return NdisAllocateNetBufferListPool(Adapter->MiniportAdapterHandle, &pool);
}

/**
 * LoopInitialize() - MiniportInitializeEx: set up an adapter and register the loopback AF
 * @NdisMiniportHandle: NDIS's handle of the adapter
 * @MiniportDriverContext: unused
 * @MiniportInitParameters: unused
 *
 * Context: process (PASSIVE_LEVEL), from NdisLinuxAddAdapter().
 * Return: NDIS_STATUS_SUCCESS or why not.
 */
static NDIS_STATUS LoopInitialize(NDIS_HANDLE NdisMiniportHandle, NDIS_HANDLE MiniportDriverContext,
				  PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters)
{
	CO_ADDRESS_FAMILY af;
	PLOOP_ADAPTER adapter;
	NDIS_STRING name;
	NDIS_STATUS status;

	adapter = LoopAlloc(sizeof(*adapter));
	if (!adapter)
		return NDIS_STATUS_RESOURCES;
	adapter->MiniportAdapterHandle = NdisMiniportHandle;
	InitializeListHead(&adapter->AfList);
	InitializeListHead(&adapter->Requests);
	InitializeListHead(&adapter->PendingDeregs);
	status = NdisMQueryAdapterInstanceName(&name, NdisMiniportHandle);
	if (status != NDIS_STATUS_SUCCESS)
		goto err_free;
	ndis_string_to_ascii(&name, adapter->Name, sizeof(adapter->Name));
	NdisFreeString(name);

	status = LoopSetAttributes(adapter);
	if (status != NDIS_STATUS_SUCCESS)
		goto err_free;

	status = NDIS_STATUS_RESOURCES;
	adapter->WorkItem = NdisAllocateIoWorkItem(NdisMiniportHandle);
	if (!adapter->WorkItem)
		goto err_free;
	adapter->RxPool = LoopAllocRxPool(adapter);
	if (!adapter->RxPool)
		goto err_free_work;

	/* Registered with condis once this returns, after the bindings. */
	af.AddressFamily = NDISLOOP_AF;
	af.MajorVersion = NDISLOOP_AF_MAJOR;
	af.MinorVersion = NDISLOOP_AF_MINOR;
	status = NdisMCmRegisterAddressFamilyEx(NdisMiniportHandle, &af);
	if (status != NDIS_STATUS_SUCCESS)
		goto err_free_pool;

	NdisAcquireSpinLock(&Loop.Lock);
	InsertTailList(&Loop.Adapters, &adapter->Link);
	NdisReleaseSpinLock(&Loop.Lock);
	LoopLog("initialize adapter=%s", adapter->Name);
	return NDIS_STATUS_SUCCESS;

err_free_pool:
	NdisFreeNetBufferListPool(adapter->RxPool);
err_free_work:
	NdisFreeIoWorkItem(adapter->WorkItem);
err_free:
	LoopFree(adapter);
	return status;
}

/**
 * LoopHalt() - MiniportHaltEx: free an adapter
 * @MiniportAdapterContext: the adapter (LOOP_ADAPTER)
 * @HaltAction: why
 *
 * condis has unbound every client first, so no AF, SAP or call is left;
 * what the adapter still owes (a deregistration waiting for its timer,
 * requests queued) was completed by condis for it and is only freed here.
 *
 * Context: process (PASSIVE_LEVEL); sleeps until the work item and the NBLs it indicated are back.
 */
static void LoopHalt(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction)
{
	PLOOP_ADAPTER adapter = MiniportAdapterContext;
	LIST_ENTRY pending;
	ULONG waited = 0;

	InitializeListHead(&pending);
	NdisAcquireSpinLock(&Loop.Lock);
	adapter->Halting = TRUE;
	RemoveEntryList(&adapter->Link);
	while (!IsListEmpty(&adapter->PendingDeregs))
		InsertTailList(&pending, RemoveHeadList(&adapter->PendingDeregs));
	NdisReleaseSpinLock(&Loop.Lock);

	while (!IsListEmpty(&pending)) {
		PLOOP_SAP sap = CONTAINING_RECORD(RemoveHeadList(&pending), LOOP_SAP, Link);

		NdisFreeTimerObject(sap->Timer);	/* waits for LoopDeregTimer */
		LoopFree(sap);
	}
	/* Waits for the work item; it frees what it finds queued. */
	NdisFreeIoWorkItem(adapter->WorkItem);
	/* Closed AFs whose notify-close the client never completed. */
	while (!IsListEmpty(&adapter->AfList))
		LoopFree(CONTAINING_RECORD(RemoveHeadList(&adapter->AfList), LOOP_AF, Link));
	while (adapter->RxOutstanding && waited++ < 5000)
		NdisMSleep(1000);
	if (adapter->RxOutstanding)
		LoopLog("halt adapter=%s rx_outstanding=%d", adapter->Name,
			adapter->RxOutstanding);
	NdisFreeNetBufferListPool(adapter->RxPool);
	LoopLog("halt adapter=%s action=%d", adapter->Name, HaltAction);
	LoopFree(adapter);
}

/**
 * LoopUnload() - MiniportDriverUnload: deregister the driver (its adapters go first)
 * @DriverObject: our driver object
 *
 * Context: process (module exit).
 */
static void LoopUnload(PDRIVER_OBJECT DriverObject)
{
	NdisMDeregisterMiniportDriver(Loop.DriverHandle);
	NdisFreeSpinLock(&Loop.Lock);
}

/**
 * LoopPause() - MiniportPause: nothing to stop
 * @MiniportAdapterContext: the adapter (LOOP_ADAPTER)
 * @PauseParameters: unused
 *
 * Context: process.
 * Return: NDIS_STATUS_SUCCESS.
 */
static NDIS_STATUS LoopPause(NDIS_HANDLE MiniportAdapterContext,
			     PNDIS_MINIPORT_PAUSE_PARAMETERS PauseParameters)
{
	return NDIS_STATUS_SUCCESS;
}

/**
 * LoopRestart() - MiniportRestart: nothing to start
 * @MiniportAdapterContext: the adapter (LOOP_ADAPTER)
 * @RestartParameters: unused
 *
 * Context: process.
 * Return: NDIS_STATUS_SUCCESS.
 */
static NDIS_STATUS LoopRestart(NDIS_HANDLE MiniportAdapterContext,
			       PNDIS_MINIPORT_RESTART_PARAMETERS RestartParameters)
{
	return NDIS_STATUS_SUCCESS;
}

/**
 * LoopReturnNetBufferLists() - MiniportReturnNetBufferLists: free NBLs we indicated
 * @MiniportAdapterContext: the adapter (LOOP_ADAPTER)
 * @NetBufferLists: the NBL chain
 * @ReturnFlags: NDIS_RETURN_FLAGS_xxx (unused)
 *
 * Context: any (<= DISPATCH_LEVEL).
 */
static void LoopReturnNetBufferLists(NDIS_HANDLE MiniportAdapterContext,
				     PNET_BUFFER_LIST NetBufferLists, ULONG ReturnFlags)
{
	PLOOP_ADAPTER adapter = MiniportAdapterContext;
	PNET_BUFFER_LIST nbl, next;

	for (nbl = NetBufferLists; nbl; nbl = next) {
		next = NET_BUFFER_LIST_NEXT_NBL(nbl);
		NdisFreeNetBufferList(nbl);
		NdisInterlockedDecrement(&adapter->RxOutstanding);
	}
}

/* Where a VC's packets go: the ends that receive them (under Loop.Lock). */
typedef struct _LOOP_TARGETS {
	ULONG Count;
	PLOOP_VC Vc[LOOP_MAX_PARTIES];
	NDIS_HANDLE Handle[LOOP_MAX_PARTIES];
	PNET_BUFFER_LIST Head[LOOP_MAX_PARTIES];
	PNET_BUFFER_LIST *Tail[LOOP_MAX_PARTIES];
	ULONG Packets[LOOP_MAX_PARTIES];
} LOOP_TARGETS;

/* The peer of a point-to-point call, or every connected leaf of a multipoint root. */
static void LoopTargets(PLOOP_VC Vc, LOOP_TARGETS *T)
{
	PLIST_ENTRY e;

	T->Count = 0;
	if (Vc->State != LoopVcConnected)
		return;
	if (Vc->Peer) {
		T->Vc[T->Count++] = Vc->Peer;
	} else if (Vc->Multipoint) {
		for (e = Vc->Parties.Flink; e != &Vc->Parties; e = e->Flink) {
			PLOOP_PARTY party = CONTAINING_RECORD(e, LOOP_PARTY, Link);

			if (party->State == LoopPartyActive && party->Leaf &&
			    party->Leaf->State == LoopVcConnected && T->Count < LOOP_MAX_PARTIES)
				T->Vc[T->Count++] = party->Leaf;
		}
	}
}

/* A copy of @Nb in an NBL of @Rx's adapter, appended to target @I; FALSE if none is left. */
static BOOLEAN LoopCopyTo(LOOP_TARGETS *T, ULONG I, PNET_BUFFER Nb, ULONG Len)
{
	PLOOP_ADAPTER adapter = T->Vc[I]->Af->Adapter;
	PNET_BUFFER_LIST rx;
	PNET_BUFFER rxnb;
	PVOID dst, src;

	rx = NdisAllocateNetBufferList(adapter->RxPool, 0, 0);
	if (!rx)
		return FALSE;
	NdisInterlockedIncrement(&adapter->RxOutstanding);
	rxnb = NET_BUFFER_LIST_FIRST_NB(rx);
	dst = MmGetSystemAddressForMdlSafe(NET_BUFFER_FIRST_MDL(rxnb), NormalPagePriority);
	src = NdisGetDataBuffer(Nb, Len, dst, 1, 0);
	if (src && src != dst)
		NdisMoveMemory(dst, src, Len);
	NET_BUFFER_DATA_LENGTH(rxnb) = Len;
	*T->Tail[I] = rx;
	T->Tail[I] = &NET_BUFFER_LIST_NEXT_NBL(rx);
	T->Packets[I]++;
	T->Vc[I]->RxPackets++;
	return TRUE;
}

/**
 * LoopCoSendNetBufferLists() - MiniportCoSendNetBufferLists: loop packets to the other end of
 *	the call, or to every leaf of a multipoint call
 * @MiniportVcContext: the VC (LOOP_VC)
 * @NetBufferLists: the NBL chain
 * @SendFlags: NDIS_SEND_FLAGS_xxx (unused)
 *
 * Each packet is copied into an NBL of each receiving end's adapter and
 * indicated there; the sends complete at once (NDIS_STATUS_FAILURE if
 * nobody receives them: no connected call, or a leaf's send).
 *
 * Context: any (<= DISPATCH_LEVEL).
 */
static void LoopCoSendNetBufferLists(NDIS_HANDLE MiniportVcContext,
				     PNET_BUFFER_LIST NetBufferLists, ULONG SendFlags)
{
	PLOOP_VC vc = MiniportVcContext;
	NDIS_HANDLE ourHandle = vc->NdisVcHandle;
	LOOP_TARGETS targets, *t = &targets;
	PNET_BUFFER_LIST nbl;
	ULONG i;

	NdisAcquireSpinLock(&Loop.Lock);
	LoopTargets(vc, t);
	for (i = 0; i < t->Count; i++) {
		t->Handle[i] = t->Vc[i]->NdisVcHandle;
		t->Head[i] = NULL;
		t->Tail[i] = &t->Head[i];
		t->Packets[i] = 0;
	}
	for (nbl = NetBufferLists; nbl; nbl = NET_BUFFER_LIST_NEXT_NBL(nbl)) {
		PNET_BUFFER nb = NET_BUFFER_LIST_FIRST_NB(nbl);
		ULONG len = nb ? NET_BUFFER_DATA_LENGTH(nb) : 0;
		NDIS_STATUS status = NDIS_STATUS_SUCCESS;

		if (!t->Count || !nb)
			status = NDIS_STATUS_FAILURE;
		else if (len > NDISLOOP_MTU)
			status = NDIS_STATUS_INVALID_LENGTH;
		for (i = 0; status == NDIS_STATUS_SUCCESS && i < t->Count; i++)
			if (!LoopCopyTo(t, i, nb, len))
				status = NDIS_STATUS_RESOURCES;
		if (status == NDIS_STATUS_SUCCESS)
			vc->TxPackets++;
		NET_BUFFER_LIST_STATUS(nbl) = status;
	}
	NdisReleaseSpinLock(&Loop.Lock);

	NdisMCoSendNetBufferListsComplete(ourHandle, NetBufferLists, 0);
	for (i = 0; i < t->Count; i++)
		if (t->Head[i])
			NdisMCoIndicateReceiveNetBufferLists(t->Handle[i], t->Head[i],
							     t->Packets[i], 0);
}

/**
 * LoopCoOidRequest() - MiniportCoOidRequest: the adapter's link speed and media state
 * @MiniportAdapterContext: the adapter (LOOP_ADAPTER)
 * @MiniportVcContext: the VC (LOOP_VC)
 * @NdisRequest: the request
 *
 * The link speed is answered at once; the media state on the work item
 * (NdisMCoOidRequestComplete()), so that both ways of answering are used.
 *
 * Context: any (<= DISPATCH_LEVEL).
 * Return: NDIS_STATUS_SUCCESS, NDIS_STATUS_PENDING, NDIS_STATUS_BUFFER_TOO_SHORT,
 *	NDIS_STATUS_INVALID_OID, NDIS_STATUS_NOT_SUPPORTED, NDIS_STATUS_RESOURCES or
 *	NDIS_STATUS_FAILURE.
 */
NDIS_STATUS LoopCoOidRequest(NDIS_HANDLE MiniportAdapterContext,
			     NDIS_HANDLE MiniportVcContext, PNDIS_OID_REQUEST NdisRequest)
{
	PLOOP_ADAPTER adapter = MiniportAdapterContext;
	PVOID buf = NdisRequest->DATA.QUERY_INFORMATION.InformationBuffer;
	UINT len = NdisRequest->DATA.QUERY_INFORMATION.InformationBufferLength;
	NDIS_CO_LINK_SPEED speed;
	PLOOP_OID oid;
	PVOID data;
	UINT need;

	if (NdisRequest->RequestType != NdisRequestQueryInformation)
		return NDIS_STATUS_NOT_SUPPORTED;
	switch (NdisRequest->DATA.QUERY_INFORMATION.Oid) {
	case OID_GEN_CO_LINK_SPEED:
		speed.Outbound = NDISLOOP_LINK_SPEED;
		speed.Inbound = NDISLOOP_LINK_SPEED;
		data = &speed;
		need = sizeof(speed);
		break;
	case OID_GEN_CO_MEDIA_CONNECT_STATUS:
		oid = LoopAlloc(sizeof(*oid));
		if (!oid)
			return NDIS_STATUS_RESOURCES;
		oid->Af = NULL;
		oid->OidRequest = NdisRequest;
		if (!LoopQueue(adapter, &oid->Req, LoopReqMpOid, oid)) {
			LoopFree(oid);
			return NDIS_STATUS_FAILURE;
		}
		return NDIS_STATUS_PENDING;
	default:
		return NDIS_STATUS_INVALID_OID;
	}
	if (len < need) {
		NdisRequest->DATA.QUERY_INFORMATION.BytesNeeded = need;
		return NDIS_STATUS_BUFFER_TOO_SHORT;
	}
	NdisMoveMemory(buf, data, need);
	NdisRequest->DATA.QUERY_INFORMATION.BytesWritten = need;
	LoopLog("oid adapter=%s oid=0x%08x", adapter->Name, NdisRequest->DATA.Oid);
	return NDIS_STATUS_SUCCESS;
}

/* ---- the work item ---------------------------------------------------------------- */

/**
 * LoopWorker() - the adapter's work item: run its queued requests
 * @WorkItemContext: what the work item was queued with
 * @NdisIoWorkItemHandle: the work item
 *
 * Context: process (PASSIVE_LEVEL).
 */
void LoopWorker(PVOID WorkItemContext, NDIS_HANDLE NdisIoWorkItemHandle)
{
	PLOOP_ADAPTER adapter = WorkItemContext;
	PLOOP_REQ req;

	for (;;) {
		NdisAcquireSpinLock(&Loop.Lock);
		req = IsListEmpty(&adapter->Requests) ? NULL :
			CONTAINING_RECORD(RemoveHeadList(&adapter->Requests), LOOP_REQ, Link);
		NdisReleaseSpinLock(&Loop.Lock);
		if (!req)
			return;
		switch (req->Kind) {
		case LoopReqMakeCall:
			LoopDoMakeCall(req->Object);
			break;
		case LoopReqCloseCall:
			LoopDoCloseCall(req->Object);
			break;
		case LoopReqDeregSap:
			LoopDoDeregSap(adapter, req->Object);
			break;
		case LoopReqOid:
			LoopDoOid(adapter, req->Object);
			break;
		case LoopReqMpOid:
			LoopDoMpOid(adapter, req->Object);
			break;
		case LoopReqAddParty:
			LoopDoAddParty(req->Object);
			break;
		case LoopReqDropParty:
			LoopDoDropParty(req->Object);
			break;
		case LoopReqModifyQos:
			LoopDoModifyQos(req->Object);
			break;
		}
	}
}

/* ---- registration ---------------------------------------------------------------- */

/**
 * LoopSetOptions() - MiniportSetOptions: register the CoNDIS miniport and call-manager tables
 * @NdisDriverHandle: our driver handle
 * @DriverContext: unused
 *
 * Context: process (PASSIVE_LEVEL), inside NdisMRegisterMiniportDriver().
 * Return: the status of NdisSetOptionalHandlers().
 */
static NDIS_STATUS LoopSetOptions(NDIS_HANDLE NdisDriverHandle, NDIS_HANDLE DriverContext)
{
	NDIS_DRIVER_OPTIONAL_HANDLERS handlers;
	PNDIS_MINIPORT_CO_CHARACTERISTICS co = &handlers.MiniportCoCharacteristics;
	PNDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS cm = &handlers.CallManagerChars;
	NDIS_STATUS status;

	NdisZeroMemory(&handlers, sizeof(handlers));
	co->Header.Type = NDIS_OBJECT_TYPE_CO_MINIPORT_CHARACTERISTICS;
	co->Header.Revision = NDIS_MINIPORT_CO_CHARACTERISTICS_REVISION_1;
	co->Header.Size = NDIS_SIZEOF_MINIPORT_CO_CHARACTERISTICS_REVISION_1;
	/* An MCM: no CoCreateVc/CoDeleteVc/CoActivateVc/CoDeactivateVc. */
	co->CoSendNetBufferListsHandler = LoopCoSendNetBufferLists;
	co->CoOidRequestHandler = LoopCoOidRequest;
	status = NdisSetOptionalHandlers(NdisDriverHandle, &handlers);
	if (status != NDIS_STATUS_SUCCESS)
		return status;

	NdisZeroMemory(&handlers, sizeof(handlers));
	cm->Header.Type = NDIS_OBJECT_TYPE_CO_CALL_MANAGER_OPTIONAL_HANDLERS;
	cm->Header.Revision = NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS_REVISION_1;
	/* As the WDK documents it; CmNotifyCloseAfCompleteHandler is set all the same. */
	cm->Header.Size = NDIS_SIZEOF_CO_CALL_MANAGER_OPTIONAL_HANDLERS_REVISION_1;
	cm->CmCreateVcHandler = LoopCmCreateVc;
	cm->CmDeleteVcHandler = LoopCmDeleteVc;
	cm->CmOpenAfHandler = LoopCmOpenAf;
	cm->CmCloseAfHandler = LoopCmCloseAf;
	cm->CmRegisterSapHandler = LoopCmRegisterSap;
	cm->CmDeregisterSapHandler = LoopCmDeregisterSap;
	cm->CmMakeCallHandler = LoopCmMakeCall;
	cm->CmCloseCallHandler = LoopCmCloseCall;
	cm->CmIncomingCallCompleteHandler = LoopCmIncomingCallComplete;
	cm->CmAddPartyHandler = LoopCmAddParty;
	cm->CmDropPartyHandler = LoopCmDropParty;
	cm->CmActivateVcCompleteHandler = LoopCmActivateVcComplete;
	cm->CmDeactivateVcCompleteHandler = LoopCmDeactivateVcComplete;
	cm->CmModifyCallQoSHandler = LoopCmModifyCallQoS;
	cm->CmOidRequestHandler = LoopCmOidRequest;
	cm->CmOidRequestCompleteHandler = LoopCmOidRequestComplete;
	cm->CmNotifyCloseAfCompleteHandler = LoopCmNotifyCloseAfComplete;
	return NdisSetOptionalHandlers(NdisDriverHandle, &handlers);
}

/**
 * LoopDriverEntry() - DriverEntry: register the miniport call manager
 * @DriverObject: the driver object
 * @RegistryPath: unused
 *
 * Context: process (module init).
 * Return: the status of NdisMRegisterMiniportDriver().
 */
NTSTATUS LoopDriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
	NDIS_MINIPORT_DRIVER_CHARACTERISTICS mc;

	NdisAllocateSpinLock(&Loop.Lock);
	InitializeListHead(&Loop.Adapters);
	InitializeListHead(&Loop.Vcs);

	NdisZeroMemory(&mc, sizeof(mc));
	mc.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
	mc.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_1;
	mc.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_1;
	mc.MajorNdisVersion = 6;
	mc.MinorNdisVersion = 0;
	mc.MajorDriverVersion = 1;
	mc.MinorDriverVersion = 0;
	mc.SetOptionsHandler = LoopSetOptions;
	mc.InitializeHandlerEx = LoopInitialize;
	mc.HaltHandlerEx = LoopHalt;
	mc.UnloadHandler = LoopUnload;
	mc.PauseHandler = LoopPause;
	mc.RestartHandler = LoopRestart;
	mc.ReturnNetBufferListsHandler = LoopReturnNetBufferLists;
	return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, &Loop, &mc,
					   &Loop.DriverHandle);
}

/**
 * LoopAddAdapter() - bring up an adapter (what a device's arrival does)
 * @Name: its name
 *
 * Context: process.
 * Return: an NDIS status.
 */
NDIS_STATUS LoopAddAdapter(const char *Name)
{
	return NdisLinuxAddAdapter(Loop.DriverHandle, Name, NULL);
}

/**
 * LoopRemoveAdapter() - take an adapter down (what a device's removal does)
 * @Name: its name
 *
 * Context: process; the caller serialises adapter additions and removals.
 * Return: NDIS_STATUS_SUCCESS or NDIS_STATUS_ADAPTER_NOT_FOUND.
 */
NDIS_STATUS LoopRemoveAdapter(const char *Name)
{
	NDIS_HANDLE handle = NULL;
	PLIST_ENTRY a;

	NdisAcquireSpinLock(&Loop.Lock);
	for (a = Loop.Adapters.Flink; a != &Loop.Adapters; a = a->Flink) {
		PLOOP_ADAPTER adapter = CONTAINING_RECORD(a, LOOP_ADAPTER, Link);

		if (!strcmp(adapter->Name, Name) && !adapter->Halting) {
			handle = adapter->MiniportAdapterHandle;
			break;
		}
	}
	NdisReleaseSpinLock(&Loop.Lock);
	if (!handle)
		return NDIS_STATUS_ADAPTER_NOT_FOUND;
	NdisLinuxRemoveAdapter(handle);
	return NDIS_STATUS_SUCCESS;
}
