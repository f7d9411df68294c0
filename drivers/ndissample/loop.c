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
 * SAP deregistration pends by default: ProtocolCmDeregisterSap returns
 * NDIS_STATUS_PENDING, a timer waits Loop.DeregDelayMs, and the work item
 * calls NdisMCmDeregisterSapComplete (the seed of condis).
 */
#include "loop.h"

LOOP_GLOBALS Loop;

static NDIS_IO_WORKITEM_FUNCTION LoopWorker;

static PVOID LoopAlloc(ULONG Size)
{
	return NdisAllocateMemoryWithTagPriority(Loop.DriverHandle, Size, LOOP_TAG,
						 NormalPoolPriority);
}

static void LoopFree(PVOID Memory)
{
	if (Memory)
		NdisFreeMemoryWithTagPriority(Loop.DriverHandle, Memory, LOOP_TAG);
}

/* Queue @Req for the adapter's work item; FALSE once the adapter halts. */
static BOOLEAN LoopQueue(PLOOP_ADAPTER Adapter, PLOOP_REQ Req, LOOP_REQ_KIND Kind, PVOID Object)
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
static PCO_SPECIFIC_PARAMETERS LoopCalledName(PCO_CALL_PARAMETERS CallParameters)
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

static MINIPORT_INITIALIZE LoopInitialize;
static MINIPORT_HALT LoopHalt;
static MINIPORT_UNLOAD LoopUnload;
static MINIPORT_PAUSE LoopPause;
static MINIPORT_RESTART LoopRestart;
static MINIPORT_RETURN_NET_BUFFER_LISTS LoopReturnNetBufferLists;
static MINIPORT_CO_SEND_NET_BUFFER_LISTS LoopCoSendNetBufferLists;
static MINIPORT_CO_OID_REQUEST LoopCoOidRequest;

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
	NDIS_MINIPORT_ADAPTER_ATTRIBUTES attrs;
	PNDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES reg = &attrs.RegistrationAttributes;
	NET_BUFFER_LIST_POOL_PARAMETERS pool;
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

	NdisZeroMemory(&attrs, sizeof(attrs));
	reg->Header.Type = NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
	reg->Header.Revision = NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
	reg->Header.Size = NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
	reg->MiniportAdapterContext = adapter;
	reg->InterfaceType = NdisInterfaceInternal;
	status = NdisMSetMiniportAttributes(NdisMiniportHandle, &attrs);
	if (status != NDIS_STATUS_SUCCESS)
		goto err_free;

	status = NDIS_STATUS_RESOURCES;
	adapter->WorkItem = NdisAllocateIoWorkItem(NdisMiniportHandle);
	if (!adapter->WorkItem)
		goto err_free;
	NdisZeroMemory(&pool, sizeof(pool));
	pool.Header.Type = NDIS_OBJECT_TYPE_DEFAULT;
	pool.Header.Revision = NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1;
	pool.Header.Size = NDIS_SIZEOF_NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1;
	pool.ProtocolId = NDIS_PROTOCOL_ID_DEFAULT;
	pool.fAllocateNetBuffer = TRUE;
	pool.PoolTag = LOOP_TAG;
	pool.DataSize = NDISLOOP_MTU;
	adapter->RxPool = NdisAllocateNetBufferListPool(NdisMiniportHandle, &pool);
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

static NDIS_TIMER_FUNCTION LoopDeregTimer;

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

/**
 * LoopCoSendNetBufferLists() - MiniportCoSendNetBufferLists: loop packets to the other end of
 *	the call
 * @MiniportVcContext: the VC (LOOP_VC)
 * @NetBufferLists: the NBL chain
 * @SendFlags: NDIS_SEND_FLAGS_xxx (unused)
 *
 * Each packet is copied into an NBL of the receiving end's adapter and
 * indicated there; the sends complete at once (NDIS_STATUS_FAILURE if the
 * call is not connected).
 *
 * Context: any (<= DISPATCH_LEVEL).
 */
static void LoopCoSendNetBufferLists(NDIS_HANDLE MiniportVcContext,
				     PNET_BUFFER_LIST NetBufferLists, ULONG SendFlags)
{
	PLOOP_VC vc = MiniportVcContext;
	PNET_BUFFER_LIST nbl, rx, rxHead = NULL, *rxTail = &rxHead;
	NDIS_HANDLE ourHandle = vc->NdisVcHandle, peerHandle = NULL;
	PLOOP_ADAPTER rxAdapter = NULL;
	ULONG rxCount = 0;

	NdisAcquireSpinLock(&Loop.Lock);
	if (vc->State == LoopVcConnected && vc->Peer) {
		peerHandle = vc->Peer->NdisVcHandle;
		rxAdapter = vc->Peer->Af->Adapter;
	}
	for (nbl = NetBufferLists; nbl; nbl = NET_BUFFER_LIST_NEXT_NBL(nbl)) {
		PNET_BUFFER nb = NET_BUFFER_LIST_FIRST_NB(nbl), rxnb;
		ULONG len = nb ? NET_BUFFER_DATA_LENGTH(nb) : 0;
		PVOID dst, src;

		if (!rxAdapter || !nb) {
			NET_BUFFER_LIST_STATUS(nbl) = NDIS_STATUS_FAILURE;
			continue;
		}
		if (len > NDISLOOP_MTU) {
			NET_BUFFER_LIST_STATUS(nbl) = NDIS_STATUS_INVALID_LENGTH;
			continue;
		}
		rx = NdisAllocateNetBufferList(rxAdapter->RxPool, 0, 0);
		if (!rx) {
			NET_BUFFER_LIST_STATUS(nbl) = NDIS_STATUS_RESOURCES;
			continue;
		}
		NdisInterlockedIncrement(&rxAdapter->RxOutstanding);
		rxnb = NET_BUFFER_LIST_FIRST_NB(rx);
		dst = MmGetSystemAddressForMdlSafe(NET_BUFFER_FIRST_MDL(rxnb), NormalPagePriority);
		src = NdisGetDataBuffer(nb, len, dst, 1, 0);
		if (src && src != dst)
			NdisMoveMemory(dst, src, len);
		NET_BUFFER_DATA_LENGTH(rxnb) = len;
		*rxTail = rx;
		rxTail = &NET_BUFFER_LIST_NEXT_NBL(rx);
		rxCount++;
		vc->TxPackets++;
		vc->Peer->RxPackets++;
		NET_BUFFER_LIST_STATUS(nbl) = NDIS_STATUS_SUCCESS;
	}
	NdisReleaseSpinLock(&Loop.Lock);

	NdisMCoSendNetBufferListsComplete(ourHandle, NetBufferLists, 0);
	if (rxHead)
		NdisMCoIndicateReceiveNetBufferLists(peerHandle, rxHead, rxCount, 0);
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
static NDIS_STATUS LoopCoOidRequest(NDIS_HANDLE MiniportAdapterContext,
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

/* ---- call-manager handlers: address families and SAPs ------------------------------- */

static PROTOCOL_CM_OPEN_AF LoopCmOpenAf;
static PROTOCOL_CM_CLOSE_AF LoopCmCloseAf;
static PROTOCOL_CM_NOTIFY_CLOSE_AF_COMPLETE LoopCmNotifyCloseAfComplete;
static PROTOCOL_CM_REG_SAP LoopCmRegisterSap;
static PROTOCOL_CM_DEREGISTER_SAP LoopCmDeregisterSap;

/**
 * LoopCmOpenAf() - ProtocolCmOpenAf: a client opens the loopback AF
 * @CallMgrBindingContext: the adapter (LOOP_ADAPTER)
 * @AddressFamily: the address family
 * @NdisAfHandle: NDIS's handle of the AF
 * @CallMgrAfContext: set to the AF (LOOP_AF)
 *
 * Context: any (<= DISPATCH_LEVEL).
 * Return: NDIS_STATUS_SUCCESS, NDIS_STATUS_INVALID_PARAMETER or NDIS_STATUS_RESOURCES.
 */
static NDIS_STATUS LoopCmOpenAf(NDIS_HANDLE CallMgrBindingContext, PCO_ADDRESS_FAMILY AddressFamily,
				NDIS_HANDLE NdisAfHandle, PNDIS_HANDLE CallMgrAfContext)
{
	PLOOP_ADAPTER adapter = CallMgrBindingContext;
	PLOOP_AF af;

	if (AddressFamily->AddressFamily != NDISLOOP_AF ||
	    AddressFamily->MajorVersion != NDISLOOP_AF_MAJOR)
		return NDIS_STATUS_INVALID_PARAMETER;
	af = LoopAlloc(sizeof(*af));
	if (!af)
		return NDIS_STATUS_RESOURCES;
	af->Adapter = adapter;
	af->NdisAfHandle = NdisAfHandle;
	InitializeListHead(&af->SapList);
	NdisAcquireSpinLock(&Loop.Lock);
	InsertTailList(&adapter->AfList, &af->Link);
	NdisReleaseSpinLock(&Loop.Lock);
	*CallMgrAfContext = af;
	LoopLog("open_af adapter=%s", adapter->Name);
	return NDIS_STATUS_SUCCESS;
}

/**
 * LoopCmCloseAf() - ProtocolCmCloseAf: the client closes its AF (condis saw to it that nothing
 *	is left on it)
 * @CallMgrAfContext: the AF (LOOP_AF)
 *
 * Context: any (<= DISPATCH_LEVEL).
 * Return: NDIS_STATUS_SUCCESS.
 */
static NDIS_STATUS LoopCmCloseAf(NDIS_HANDLE CallMgrAfContext)
{
	PLOOP_AF af = CallMgrAfContext;
	BOOLEAN keep;

	NdisAcquireSpinLock(&Loop.Lock);
	keep = af->NotifyPending;	/* its completion still needs the context */
	if (keep)
		af->Closed = TRUE;
	else
		RemoveEntryList(&af->Link);
	NdisReleaseSpinLock(&Loop.Lock);
	LoopLog("close_af adapter=%s", af->Adapter->Name);
	if (!keep)
		LoopFree(af);
	return NDIS_STATUS_SUCCESS;
}

/**
 * LoopCmNotifyCloseAfComplete() - ProtocolCmNotifyCloseAfComplete: a pended notify-close is done
 * @CallMgrAfContext: the AF (LOOP_AF)
 * @Status: the result
 *
 * Context: process (condis's workqueue).
 */
static void LoopCmNotifyCloseAfComplete(NDIS_HANDLE CallMgrAfContext, NDIS_STATUS Status)
{
	PLOOP_AF af = CallMgrAfContext;
	BOOLEAN closed;

	LoopLog("notify_close_af_complete adapter=%s status=0x%08x", af->Adapter->Name, Status);
	NdisAcquireSpinLock(&Loop.Lock);
	af->NotifyPending = FALSE;
	closed = af->Closed;
	if (closed)
		RemoveEntryList(&af->Link);
	NdisReleaseSpinLock(&Loop.Lock);
	if (closed)
		LoopFree(af);
}

/**
 * LoopNotifyCloseAfs() - ask the clients of an adapter to close their AFs
 * @Name: the adapter's name
 *
 * NdisMCmNotifyCloseAddressFamily on every open AF of the adapter; a
 * client that pends is answered in LoopCmNotifyCloseAfComplete().
 *
 * Context: process (PASSIVE_LEVEL).
 * Return: the number of AFs notified.
 */
ULONG LoopNotifyCloseAfs(const char *Name)
{
	PLOOP_AF afs[8];
	ULONG n = 0, i;
	PLIST_ENTRY a, f;

	NdisAcquireSpinLock(&Loop.Lock);
	for (a = Loop.Adapters.Flink; a != &Loop.Adapters; a = a->Flink) {
		PLOOP_ADAPTER adapter = CONTAINING_RECORD(a, LOOP_ADAPTER, Link);

		if (strcmp(adapter->Name, Name) || adapter->Halting)
			continue;
		for (f = adapter->AfList.Flink; f != &adapter->AfList && n < ARRAY_SIZE(afs);
		     f = f->Flink) {
			PLOOP_AF af = CONTAINING_RECORD(f, LOOP_AF, Link);

			if (af->NotifyPending || af->Closed)
				continue;
			af->NotifyPending = TRUE;	/* keeps it until the completion */
			afs[n++] = af;
		}
	}
	NdisReleaseSpinLock(&Loop.Lock);
	for (i = 0; i < n; i++) {
		NDIS_STATUS status = NdisMCmNotifyCloseAddressFamily(afs[i]->NdisAfHandle);

		LoopLog("notify_close_af adapter=%s status=0x%08x", Name, status);
		if (status != NDIS_STATUS_PENDING)
			LoopCmNotifyCloseAfComplete(afs[i], status);
	}
	return n;
}

/* What LoopCmRegisterSap does to a SAP named as the one to refuse, if any. */
static BOOLEAN LoopRefused(PCO_SAP Sap, NDIS_STATUS *Status, BOOLEAN *Pend)
{
	BOOLEAN refuse;

	NdisAcquireSpinLock(&Loop.Lock);
	refuse = Sap->SapLength == strlen(Loop.RefuseName) &&
		 NdisEqualMemory(Sap->Sap, Loop.RefuseName, Sap->SapLength);
	*Status = Loop.RefuseStatus;
	*Pend = Loop.RefusePend;
	NdisReleaseSpinLock(&Loop.Lock);
	return refuse;
}

/**
 * LoopCmRegisterSap() - ProtocolCmRegisterSap: a client registers a service name
 * @CallMgrAfContext: the AF (LOOP_AF)
 * @Sap: the SAP address
 * @NdisSapHandle: NDIS's handle of the SAP
 * @CallMgrSapContext: set to the SAP (LOOP_SAP)
 *
 * Context: any (<= DISPATCH_LEVEL).
 * Return: NDIS_STATUS_SUCCESS, NDIS_STATUS_PENDING (a refusal completed later),
 *	NDIS_STATUS_INVALID_DATA, NDIS_STATUS_RESOURCES or the configured refusal.
 */
static NDIS_STATUS LoopCmRegisterSap(NDIS_HANDLE CallMgrAfContext, PCO_SAP Sap,
				     NDIS_HANDLE NdisSapHandle, PNDIS_HANDLE CallMgrSapContext)
{
	PLOOP_AF af = CallMgrAfContext;
	NDIS_TIMER_CHARACTERISTICS timer;
	NDIS_STATUS status, refusal;
	BOOLEAN pend;
	PLOOP_SAP sap;

	if (Sap->SapType != NDISLOOP_SAP_TYPE || !Sap->SapLength ||
	    Sap->SapLength > NDISLOOP_NAME_MAX)
		return NDIS_STATUS_INVALID_DATA;
	sap = LoopAlloc(sizeof(*sap));
	if (!sap)
		return NDIS_STATUS_RESOURCES;
	sap->Af = af;
	sap->NdisSapHandle = NdisSapHandle;
	sap->Len = Sap->SapLength;
	NdisMoveMemory(sap->Name, Sap->Sap, Sap->SapLength);

	if (LoopRefused(Sap, &refusal, &pend)) {
		LoopLog("register_sap sap=%s refused=0x%08x%s", sap->Name, refusal,
			pend ? " pended" : "");
		if (pend) {
			sap->Timer = NULL;
			sap->Refusal = refusal;
			if (LoopQueue(af->Adapter, &sap->Req, LoopReqDeregSap, sap))
				return NDIS_STATUS_PENDING;
		}
		LoopFree(sap);
		return refusal;
	}

	NdisZeroMemory(&timer, sizeof(timer));
	timer.Header.Type = NDIS_OBJECT_TYPE_TIMER_CHARACTERISTICS;
	timer.Header.Revision = NDIS_TIMER_CHARACTERISTICS_REVISION_1;
	timer.Header.Size = NDIS_SIZEOF_TIMER_CHARACTERISTICS_REVISION_1;
	timer.AllocationTag = LOOP_TAG;
	timer.TimerFunction = LoopDeregTimer;
	timer.FunctionContext = sap;
	status = NdisAllocateTimerObject(Loop.DriverHandle, &timer, &sap->Timer);
	if (status != NDIS_STATUS_SUCCESS) {
		LoopFree(sap);
		return status;
	}
	NdisAcquireSpinLock(&Loop.Lock);
	InsertTailList(&af->SapList, &sap->Link);
	NdisReleaseSpinLock(&Loop.Lock);
	*CallMgrSapContext = sap;
	LoopLog("register_sap sap=%s adapter=%s", sap->Name, af->Adapter->Name);
	return NDIS_STATUS_SUCCESS;
}

/**
 * LoopCmDeregisterSap() - ProtocolCmDeregisterSap: the seed: free the SAP, at once or after a delay
 * @CallMgrSapContext: the SAP (LOOP_SAP)
 *
 * The SAP leaves the AF's list (no call is routed to it any more) and, by
 * default, the deregistration pends until the timer, then the work item,
 * complete it with NdisMCmDeregisterSapComplete().
 *
 * Context: process (condis's workqueue); does not sleep.
 * Return: NDIS_STATUS_SUCCESS or NDIS_STATUS_PENDING.
 */
static NDIS_STATUS LoopCmDeregisterSap(NDIS_HANDLE CallMgrSapContext)
{
	PLOOP_SAP sap = CallMgrSapContext;
	PLOOP_ADAPTER adapter = sap->Af->Adapter;
	LARGE_INTEGER due;
	BOOLEAN pend;
	ULONG delay;

	NdisAcquireSpinLock(&Loop.Lock);
	RemoveEntryList(&sap->Link);
	pend = Loop.DeregPend && !adapter->Halting;
	delay = Loop.DeregDelayMs;
	if (pend)
		InsertTailList(&adapter->PendingDeregs, &sap->Link);
	NdisReleaseSpinLock(&Loop.Lock);

	if (!pend) {
		LoopLog("deregister_sap sap=%s completed", sap->Name);
		NdisFreeTimerObject(sap->Timer);
		LoopFree(sap);
		return NDIS_STATUS_SUCCESS;
	}
	LoopLog("deregister_sap sap=%s pended delay_ms=%u", sap->Name, delay);
	due.QuadPart = -(LONGLONG)delay * 10000;	/* relative, 100 ns units */
	NdisSetTimerObject(sap->Timer, due, 0, NULL);
	return NDIS_STATUS_PENDING;
}

/**
 * LoopDeregTimer() - the timer of a pended deregistration: hand the SAP to the work item
 * @SystemSpecific1: unused
 * @FunctionContext: the SAP (LOOP_SAP)
 * @SystemSpecific2: unused
 * @SystemSpecific3: unused
 *
 * Context: softirq (DISPATCH_LEVEL).
 */
static void LoopDeregTimer(PVOID SystemSpecific1, PVOID FunctionContext, PVOID SystemSpecific2,
			   PVOID SystemSpecific3)
{
	PLOOP_SAP sap = FunctionContext;
	PLOOP_ADAPTER adapter = sap->Af->Adapter;
	BOOLEAN queue;

	NdisDprAcquireSpinLock(&Loop.Lock);
	queue = !adapter->Halting;	/* else the halt owns the SAP */
	if (queue) {
		RemoveEntryList(&sap->Link);
		sap->Req.Kind = LoopReqDeregSap;
		sap->Req.Object = sap;
		InsertTailList(&adapter->Requests, &sap->Req.Link);
		NdisQueueIoWorkItem(adapter->WorkItem, LoopWorker, adapter);
	}
	NdisDprReleaseSpinLock(&Loop.Lock);
}

/* Work item: finish a pended SAP deregistration, or a pended refusal. */
static void LoopDoDeregSap(PLOOP_ADAPTER Adapter, PLOOP_SAP Sap)
{
	BOOLEAN halting;

	NdisAcquireSpinLock(&Loop.Lock);
	halting = Adapter->Halting;
	NdisReleaseSpinLock(&Loop.Lock);
	if (!Sap->Timer) {
		/* A registration refused late. */
		if (!halting)
			NdisMCmRegisterSapComplete(Sap->Refusal, Sap->NdisSapHandle, NULL);
		LoopFree(Sap);
		return;
	}
	if (!halting) {
		NdisInterlockedIncrement(&Loop.DeregCompletions);
		LoopLog("deregister_sap_complete sap=%s", Sap->Name);
		NdisMCmDeregisterSapComplete(NDIS_STATUS_SUCCESS, Sap->NdisSapHandle);
	}
	NdisFreeTimerObject(Sap->Timer);
	LoopFree(Sap);
}

/* ---- call-manager handlers: VCs and calls ----------------------------------------------- */

static PROTOCOL_CO_CREATE_VC LoopCmCreateVc;
static PROTOCOL_CO_DELETE_VC LoopCmDeleteVc;
static PROTOCOL_CM_MAKE_CALL LoopCmMakeCall;
static PROTOCOL_CM_CLOSE_CALL LoopCmCloseCall;
static PROTOCOL_CM_INCOMING_CALL_COMPLETE LoopCmIncomingCallComplete;

static PLOOP_VC LoopNewVc(PLOOP_AF Af, BOOLEAN Ours)
{
	PLOOP_VC vc = LoopAlloc(sizeof(*vc));

	if (!vc)
		return NULL;
	vc->Af = Af;
	vc->Ours = Ours;
	vc->State = LoopVcIdle;
	NdisAcquireSpinLock(&Loop.Lock);
	vc->Id = ++Loop.NextVcId;
	InsertTailList(&Loop.Vcs, &vc->Link);
	NdisReleaseSpinLock(&Loop.Lock);
	return vc;
}

static void LoopFreeVc(PLOOP_VC Vc)
{
	NdisAcquireSpinLock(&Loop.Lock);
	RemoveEntryList(&Vc->Link);
	NdisReleaseSpinLock(&Loop.Lock);
	LoopFree(Vc->OwnParameters);
	LoopFree(Vc);
}

/**
 * LoopCmCreateVc() - ProtocolCoCreateVc: a client creates a VC for an outgoing call
 * @ProtocolAfContext: the AF (LOOP_AF)
 * @NdisVcHandle: NDIS's handle of the VC
 * @ProtocolVcContext: set to the VC (LOOP_VC)
 *
 * Context: any (<= DISPATCH_LEVEL).
 * Return: NDIS_STATUS_SUCCESS or NDIS_STATUS_RESOURCES.
 */
static NDIS_STATUS LoopCmCreateVc(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE NdisVcHandle,
				  PNDIS_HANDLE ProtocolVcContext)
{
	PLOOP_VC vc = LoopNewVc(ProtocolAfContext, FALSE);

	if (!vc)
		return NDIS_STATUS_RESOURCES;
	vc->NdisVcHandle = NdisVcHandle;
	*ProtocolVcContext = vc;
	return NDIS_STATUS_SUCCESS;
}

/**
 * LoopCmDeleteVc() - ProtocolCoDeleteVc: the client deletes its VC
 * @ProtocolVcContext: the VC (LOOP_VC)
 *
 * Context: any (<= DISPATCH_LEVEL).
 * Return: NDIS_STATUS_SUCCESS.
 */
static NDIS_STATUS LoopCmDeleteVc(NDIS_HANDLE ProtocolVcContext)
{
	LoopFreeVc(ProtocolVcContext);
	return NDIS_STATUS_SUCCESS;
}

/* Deactivate a VC we activated; retried while packets are still out. */
static void LoopDeactivate(PLOOP_VC Vc)
{
	NDIS_STATUS status;
	ULONG tries = 0;

	while ((status = NdisMCmDeactivateVc(Vc->NdisVcHandle)) == NDIS_STATUS_NOT_ACCEPTED &&
	       tries++ < 2000)
		NdisMSleep(1000);
	if (status != NDIS_STATUS_SUCCESS && status != NDIS_STATUS_NOT_ACCEPTED)
		LoopLog("deactivate vc=%u status=0x%08x", Vc->Id, status);
}

/* Delete a VC we created, once condis has delivered its call's end. */
static void LoopDeleteOurVc(PLOOP_VC Vc)
{
	NDIS_STATUS status;
	ULONG tries = 0;

	while ((status = NdisMCmDeleteVc(Vc->NdisVcHandle)) == NDIS_STATUS_NOT_ACCEPTED &&
	       tries++ < 500)
		NdisMSleep(10000);
	if (status != NDIS_STATUS_SUCCESS)
		LoopLog("delete vc=%u status=0x%08x", Vc->Id, status);
	LoopFreeVc(Vc);
}

/**
 * LoopCmMakeCall() - ProtocolCmMakeCall: a client calls a service name; set up on the work item
 * @CallMgrVcContext: the VC (LOOP_VC)
 * @CallParameters: the call parameters
 * @NdisPartyHandle: NDIS's handle of the party, or NULL
 * @CallMgrPartyContext: set to NULL (no multipoint)
 *
 * Context: any (<= DISPATCH_LEVEL).
 * Return: NDIS_STATUS_PENDING, NDIS_STATUS_NOT_SUPPORTED (multipoint),
 *	NDIS_STATUS_INVALID_DATA (no called name) or NDIS_STATUS_FAILURE (adapter halting).
 */
static NDIS_STATUS LoopCmMakeCall(NDIS_HANDLE CallMgrVcContext, PCO_CALL_PARAMETERS CallParameters,
				  NDIS_HANDLE NdisPartyHandle, PNDIS_HANDLE CallMgrPartyContext)
{
	PLOOP_VC vc = CallMgrVcContext;

	if (NdisPartyHandle)
		return NDIS_STATUS_NOT_SUPPORTED;	/* point to point only */
	if (!LoopCalledName(CallParameters))
		return NDIS_STATUS_INVALID_DATA;
	if (CallMgrPartyContext)
		*CallMgrPartyContext = NULL;
	NdisAcquireSpinLock(&Loop.Lock);
	vc->State = LoopVcCalling;
	vc->CallParameters = CallParameters;
	NdisReleaseSpinLock(&Loop.Lock);
	if (!LoopQueue(vc->Af->Adapter, &vc->Req, LoopReqMakeCall, vc)) {
		vc->State = LoopVcIdle;
		return NDIS_STATUS_FAILURE;
	}
	return NDIS_STATUS_PENDING;
}

/* A copy of a make-call's parameters, for the incoming end. */
static PCO_CALL_PARAMETERS LoopCopyParameters(PCO_SPECIFIC_PARAMETERS Called)
{
	PCO_CALL_PARAMETERS cp;
	PCO_CALL_MANAGER_PARAMETERS cm;
	ULONG size = sizeof(*cp) + sizeof(*cm) + Called->Length;

	cp = LoopAlloc(size);
	if (!cp)
		return NULL;
	cm = (PCO_CALL_MANAGER_PARAMETERS)(cp + 1);
	cm->Transmit.TokenRate = QOS_NOT_SPECIFIED;
	cm->Receive.TokenRate = QOS_NOT_SPECIFIED;
	cm->CallMgrSpecific.ParamType = NDISLOOP_PARAM_CALLED;
	cm->CallMgrSpecific.Length = Called->Length;
	NdisMoveMemory(cm->CallMgrSpecific.Parameters, Called->Parameters, Called->Length);
	cp->CallMgrParameters = cm;
	return cp;
}

/*
 * Find the SAP a make-call names, on any adapter; its handles are copied
 * out, since the SAP may go once the lock is dropped (NDIS then refuses
 * the stale handles).
 */
static BOOLEAN LoopFindSap(PCO_SPECIFIC_PARAMETERS Called, PLOOP_AF *Af, NDIS_HANDLE *SapHandle,
			   NDIS_HANDLE *AdapterHandle, NDIS_HANDLE *AfHandle)
{
	PLIST_ENTRY a, f, s;

	for (a = Loop.Adapters.Flink; a != &Loop.Adapters; a = a->Flink) {
		PLOOP_ADAPTER adapter = CONTAINING_RECORD(a, LOOP_ADAPTER, Link);

		if (adapter->Halting)
			continue;
		for (f = adapter->AfList.Flink; f != &adapter->AfList; f = f->Flink) {
			PLOOP_AF af = CONTAINING_RECORD(f, LOOP_AF, Link);

			for (s = af->SapList.Flink; s != &af->SapList; s = s->Flink) {
				PLOOP_SAP sap = CONTAINING_RECORD(s, LOOP_SAP, Link);

				if (sap->Len != Called->Length ||
				    !NdisEqualMemory(sap->Name, Called->Parameters, sap->Len))
					continue;
				*Af = af;
				*SapHandle = sap->NdisSapHandle;
				*AdapterHandle = adapter->MiniportAdapterHandle;
				*AfHandle = af->NdisAfHandle;
				return TRUE;
			}
		}
	}
	return FALSE;
}

/* Work item: set up a make-call and offer it to the called SAP. */
static void LoopDoMakeCall(PLOOP_VC Caller)
{
	PCO_SPECIFIC_PARAMETERS called = LoopCalledName(Caller->CallParameters);
	NDIS_HANDLE sapHandle, adapterHandle, afHandle;
	PLOOP_VC callee = NULL;
	NDIS_STATUS status;
	PLOOP_AF af;
	BOOLEAN found;

	NdisAcquireSpinLock(&Loop.Lock);
	found = LoopFindSap(called, &af, &sapHandle, &adapterHandle, &afHandle);
	NdisReleaseSpinLock(&Loop.Lock);
	status = NDIS_STATUS_INVALID_ADDRESS;
	if (!found)
		goto fail;
	status = NDIS_STATUS_RESOURCES;
	callee = LoopNewVc(af, TRUE);
	if (!callee)
		goto fail;
	callee->OwnParameters = LoopCopyParameters(called);
	if (!callee->OwnParameters)
		goto fail_free;
	status = NdisMCmCreateVc(adapterHandle, afHandle, callee, &callee->NdisVcHandle);
	if (status != NDIS_STATUS_SUCCESS)
		goto fail_free;
	status = NdisMCmActivateVc(callee->NdisVcHandle, callee->OwnParameters);
	if (status != NDIS_STATUS_SUCCESS)
		goto fail_delete;
	status = NdisMCmActivateVc(Caller->NdisVcHandle, Caller->CallParameters);
	if (status != NDIS_STATUS_SUCCESS) {
		LoopDeactivate(callee);
		goto fail_delete;
	}
	NdisAcquireSpinLock(&Loop.Lock);
	Caller->Peer = callee;
	callee->Peer = Caller;
	callee->State = LoopVcOffered;
	NdisReleaseSpinLock(&Loop.Lock);
	LoopLog("offer vc=%u to vc=%u sap=%.*s", Caller->Id, callee->Id, (int)called->Length,
		called->Parameters);
	status = NdisMCmDispatchIncomingCall(sapHandle, callee->NdisVcHandle,
					     callee->OwnParameters);
	/* As NDIS has it: an answer given at once, the CM completes itself. */
	if (status != NDIS_STATUS_PENDING)
		LoopCmIncomingCallComplete(status, callee, callee->OwnParameters);
	return;

fail_delete:
	LoopDeleteOurVc(callee);
	callee = NULL;
fail_free:
	if (callee)
		LoopFreeVc(callee);
fail:
	NdisAcquireSpinLock(&Loop.Lock);
	Caller->State = LoopVcIdle;
	NdisReleaseSpinLock(&Loop.Lock);
	LoopLog("make_call vc=%u failed status=0x%08x", Caller->Id, status);
	NdisMCmMakeCallComplete(status, Caller->NdisVcHandle, NULL, NULL, Caller->CallParameters);
}

/**
 * LoopCmIncomingCallComplete() - ProtocolCmIncomingCallComplete: the called client's answer
 * @Status: the result
 * @CallMgrVcContext: the VC (LOOP_VC)
 * @CallParameters: the call parameters
 *
 * The caller's make-call completes with that answer, whatever it is.
 *
 * Context: process (condis's workqueue or our work item).
 */
static void LoopCmIncomingCallComplete(NDIS_STATUS Status, NDIS_HANDLE CallMgrVcContext,
				       PCO_CALL_PARAMETERS CallParameters)
{
	PLOOP_VC callee = CallMgrVcContext, caller;
	PCO_CALL_PARAMETERS params;
	NDIS_HANDLE callerHandle;

	NdisAcquireSpinLock(&Loop.Lock);
	caller = callee->Peer;
	if (!caller) {
		NdisReleaseSpinLock(&Loop.Lock);
		LoopLog("incoming_call_complete vc=%u: no caller", callee->Id);
		return;
	}
	callerHandle = caller->NdisVcHandle;
	params = caller->CallParameters;
	if (Status == NDIS_STATUS_SUCCESS) {
		callee->State = LoopVcConnected;
		caller->State = LoopVcConnected;
	} else {
		callee->Peer = NULL;
		caller->Peer = NULL;
		callee->State = LoopVcIdle;
		caller->State = LoopVcIdle;
	}
	caller->CallParameters = NULL;
	NdisReleaseSpinLock(&Loop.Lock);

	LoopLog("incoming_call_complete vc=%u status=0x%08x", callee->Id, Status);
	if (Status == NDIS_STATUS_SUCCESS) {
		NdisMCmDispatchCallConnected(callee->NdisVcHandle);
		NdisMCmMakeCallComplete(NDIS_STATUS_SUCCESS, callerHandle, NULL, NULL, params);
		return;
	}
	LoopDeactivate(callee);
	LoopDeleteOurVc(callee);
	LoopDeactivate(caller);
	NdisMCmMakeCallComplete(Status, callerHandle, NULL, NULL, params);
}

/**
 * LoopCmCloseCall() - ProtocolCmCloseCall: a client closes a call
 * @CallMgrVcContext: the VC (LOOP_VC)
 * @CallMgrPartyContext: unused (no multipoint)
 * @CloseData: data to send with the close, or NULL
 * @Size: bytes of the close data
 *
 * The call is torn down on the work item; the other end hears of it as an
 * incoming close.
 *
 * Context: any (<= DISPATCH_LEVEL).
 * Return: NDIS_STATUS_PENDING, NDIS_STATUS_INVALID_DATA (close data) or NDIS_STATUS_FAILURE
 *	(adapter halting).
 */
static NDIS_STATUS LoopCmCloseCall(NDIS_HANDLE CallMgrVcContext, NDIS_HANDLE CallMgrPartyContext,
				   PVOID CloseData, UINT Size)
{
	PLOOP_VC vc = CallMgrVcContext;

	if (CloseData && Size)
		return NDIS_STATUS_INVALID_DATA;	/* the medium carries no close data */
	if (!LoopQueue(vc->Af->Adapter, &vc->Req, LoopReqCloseCall, vc))
		return NDIS_STATUS_FAILURE;
	return NDIS_STATUS_PENDING;
}

/* Work item: close a call: deactivate, complete, tell the other end. */
static void LoopDoCloseCall(PLOOP_VC Vc)
{
	NDIS_HANDLE handle = Vc->NdisVcHandle, peerHandle = NULL;
	BOOLEAN ours = Vc->Ours;
	ULONG id = Vc->Id;

	NdisAcquireSpinLock(&Loop.Lock);
	Vc->State = LoopVcClosing;
	if (Vc->Peer) {
		peerHandle = Vc->Peer->NdisVcHandle;
		Vc->Peer->Peer = NULL;
		Vc->Peer = NULL;
	}
	NdisReleaseSpinLock(&Loop.Lock);

	LoopDeactivate(Vc);
	NdisAcquireSpinLock(&Loop.Lock);
	Vc->State = LoopVcIdle;
	NdisReleaseSpinLock(&Loop.Lock);
	LoopLog("close_call vc=%u", id);
	/* A client's VC may be deleted from here on: not touched again. */
	NdisMCmCloseCallComplete(NDIS_STATUS_SUCCESS, handle, NULL);
	if (peerHandle)
		NdisMCmDispatchIncomingCloseCall(NDIS_STATUS_SUCCESS, peerHandle, NULL, 0);
	if (ours)
		LoopDeleteOurVc(Vc);
}

/* ---- OIDs to the call manager -------------------------------------------------------- */

static PROTOCOL_CO_OID_REQUEST LoopCmOidRequest;
static PROTOCOL_CO_OID_REQUEST_COMPLETE LoopCmOidRequestComplete;

/* Log a pended request's answer; FALSE once the adapter halts (no completion then). */
static BOOLEAN LoopOidAnswered(PLOOP_ADAPTER Adapter, PNDIS_OID_REQUEST Req, NDIS_STATUS Status)
{
	BOOLEAN halting;

	NdisAcquireSpinLock(&Loop.Lock);
	halting = Adapter->Halting;
	NdisReleaseSpinLock(&Loop.Lock);
	LoopLog("oid_complete adapter=%s oid=0x%08x status=0x%08x", Adapter->Name,
		Req->DATA.Oid, Status);
	return !halting;
}

/* Answer a media-state query the miniport pended (LoopCoOidRequest). */
static void LoopDoMpOid(PLOOP_ADAPTER Adapter, PLOOP_OID Oid)
{
	PNDIS_OID_REQUEST req = Oid->OidRequest;
	ULONG state = NdisMediaStateConnected;
	NDIS_STATUS status = NDIS_STATUS_SUCCESS;

	if (req->DATA.QUERY_INFORMATION.InformationBufferLength < sizeof(state)) {
		req->DATA.QUERY_INFORMATION.BytesNeeded = sizeof(state);
		status = NDIS_STATUS_BUFFER_TOO_SHORT;
	} else {
		NdisMoveMemory(req->DATA.QUERY_INFORMATION.InformationBuffer, &state,
			       sizeof(state));
		req->DATA.QUERY_INFORMATION.BytesWritten = sizeof(state);
	}
	if (LoopOidAnswered(Adapter, req, status))
		NdisMCoOidRequestComplete(Adapter->MiniportAdapterHandle, NULL, req, status);
	LoopFree(Oid);
}

/**
 * LoopCmOidRequest() - ProtocolCoOidRequest: a client asks the call manager
 * @ProtocolAfContext: the AF (LOOP_AF)
 * @ProtocolVcContext: the VC (LOOP_VC)
 * @ProtocolPartyContext: unused
 * @OidRequest: the request
 *
 * OID_CO_GET_ADDRESSES is answered on the work item
 * (NdisMCmOidRequestComplete()); the AF's one address is the adapter name.
 *
 * Context: any (<= DISPATCH_LEVEL).
 * Return: NDIS_STATUS_PENDING, NDIS_STATUS_NOT_SUPPORTED, NDIS_STATUS_RESOURCES or
 *	NDIS_STATUS_FAILURE.
 */
static NDIS_STATUS LoopCmOidRequest(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE ProtocolVcContext,
				    NDIS_HANDLE ProtocolPartyContext, PNDIS_OID_REQUEST OidRequest)
{
	PLOOP_AF af = ProtocolAfContext;
	PLOOP_OID oid;

	if (OidRequest->DATA.Oid != OID_CO_GET_ADDRESSES ||
	    OidRequest->RequestType != NdisRequestQueryInformation)
		return NDIS_STATUS_NOT_SUPPORTED;
	oid = LoopAlloc(sizeof(*oid));
	if (!oid)
		return NDIS_STATUS_RESOURCES;
	oid->Af = af;
	oid->OidRequest = OidRequest;
	if (!LoopQueue(af->Adapter, &oid->Req, LoopReqOid, oid)) {
		LoopFree(oid);
		return NDIS_STATUS_FAILURE;
	}
	return NDIS_STATUS_PENDING;
}

static void LoopDoOid(PLOOP_ADAPTER Adapter, PLOOP_OID Oid)
{
	PNDIS_OID_REQUEST req = Oid->OidRequest;
	PCO_ADDRESS_LIST list = req->DATA.QUERY_INFORMATION.InformationBuffer;
	ULONG nameLen = strlen(Adapter->Name);
	ULONG need = sizeof(CO_ADDRESS_LIST) + nameLen;
	NDIS_STATUS status = NDIS_STATUS_SUCCESS;

	if (req->DATA.QUERY_INFORMATION.InformationBufferLength < need) {
		req->DATA.QUERY_INFORMATION.BytesNeeded = need;
		status = NDIS_STATUS_BUFFER_TOO_SHORT;
	} else {
		list->NumberOfAddressesAvailable = 1;
		list->NumberOfAddresses = 1;
		list->AddressList.AddressSize = nameLen;
		NdisMoveMemory(list->AddressList.Address, Adapter->Name, nameLen);
		req->DATA.QUERY_INFORMATION.BytesWritten = need;
	}
	if (LoopOidAnswered(Adapter, req, status))
		NdisMCmOidRequestComplete(Oid->Af->NdisAfHandle, NULL, NULL, req, status);
	LoopFree(Oid);
}

/**
 * LoopCmOidRequestComplete() - ProtocolCoOidRequestComplete: never called (we send no OIDs)
 * @ProtocolAfContext: the AF (LOOP_AF)
 * @ProtocolVcContext: the VC (LOOP_VC)
 * @ProtocolPartyContext: unused
 * @OidRequest: the request
 * @Status: the result
 *
 * Context: process (condis's workqueue).
 */
static void LoopCmOidRequestComplete(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE ProtocolVcContext,
				     NDIS_HANDLE ProtocolPartyContext,
				     PNDIS_OID_REQUEST OidRequest, NDIS_STATUS Status)
{
	/* ndisloop sends no OID requests. */
}

/* ---- the work item ---------------------------------------------------------------- */

/**
 * LoopWorker() - the adapter's work item: run its queued requests
 * @WorkItemContext: what the work item was queued with
 * @NdisIoWorkItemHandle: the work item
 *
 * Context: process (PASSIVE_LEVEL).
 */
static void LoopWorker(PVOID WorkItemContext, NDIS_HANDLE NdisIoWorkItemHandle)
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
		}
	}
}

/* ---- placeholders NDIS requires ------------------------------------------------------- */

static PROTOCOL_CM_ADD_PARTY LoopCmAddParty;
static PROTOCOL_CM_DROP_PARTY LoopCmDropParty;
static PROTOCOL_CM_MODIFY_QOS_CALL LoopCmModifyCallQoS;
static PROTOCOL_CM_ACTIVATE_VC_COMPLETE LoopCmActivateVcComplete;
static PROTOCOL_CM_DEACTIVATE_VC_COMPLETE LoopCmDeactivateVcComplete;

/**
 * LoopCmAddParty() - ProtocolCmAddParty placeholder: no multipoint
 * @CallMgrVcContext: the VC (LOOP_VC)
 * @CallParameters: the call parameters
 * @NdisPartyHandle: NDIS's handle of the party, or NULL
 * @CallMgrPartyContext: set to NULL (no multipoint)
 *
 * Context: any.
 * Return: NDIS_STATUS_NOT_SUPPORTED.
 */
static NDIS_STATUS LoopCmAddParty(NDIS_HANDLE CallMgrVcContext, PCO_CALL_PARAMETERS CallParameters,
				  NDIS_HANDLE NdisPartyHandle, PNDIS_HANDLE CallMgrPartyContext)
{
	return NDIS_STATUS_NOT_SUPPORTED;
}

/**
 * LoopCmDropParty() - ProtocolCmDropParty placeholder: no multipoint
 * @CallMgrPartyContext: unused (no multipoint)
 * @CloseData: data to send with the close, or NULL
 * @Size: bytes of the close data
 *
 * Context: any.
 * Return: NDIS_STATUS_NOT_SUPPORTED.
 */
static NDIS_STATUS LoopCmDropParty(NDIS_HANDLE CallMgrPartyContext, PVOID CloseData, UINT Size)
{
	return NDIS_STATUS_NOT_SUPPORTED;
}

/**
 * LoopCmModifyCallQoS() - ProtocolCmModifyCallQoS placeholder: no QoS changes
 * @CallMgrVcContext: the VC (LOOP_VC)
 * @CallParameters: the call parameters
 *
 * Context: any.
 * Return: NDIS_STATUS_NOT_SUPPORTED.
 */
static NDIS_STATUS LoopCmModifyCallQoS(NDIS_HANDLE CallMgrVcContext,
				       PCO_CALL_PARAMETERS CallParameters)
{
	return NDIS_STATUS_NOT_SUPPORTED;
}

/**
 * LoopCmActivateVcComplete() - ProtocolCmActivateVcComplete placeholder
 * @Status: the result
 * @CallMgrVcContext: the VC (LOOP_VC)
 * @CallParameters: the call parameters
 *
 * Context: never called for an MCM.
 */
static void LoopCmActivateVcComplete(NDIS_STATUS Status, NDIS_HANDLE CallMgrVcContext,
				     PCO_CALL_PARAMETERS CallParameters)
{
}

/**
 * LoopCmDeactivateVcComplete() - ProtocolCmDeactivateVcComplete placeholder
 * @Status: the result
 * @CallMgrVcContext: the VC (LOOP_VC)
 *
 * Context: never called for an MCM.
 */
static void LoopCmDeactivateVcComplete(NDIS_STATUS Status, NDIS_HANDLE CallMgrVcContext)
{
}

/* ---- registration ---------------------------------------------------------------- */

static MINIPORT_SET_OPTIONS LoopSetOptions;

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
