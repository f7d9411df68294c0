// SPDX-License-Identifier: GPL-2.0
/*
 * ndisloop: the call-manager handlers for address families, SAPs and OID
 * requests, and the placeholders NDIS requires (an MCM is never asked to
 * complete activations).
 * See loop.h for the objects and locking, loop.c for the whole.
 */
#include "loop.h"

/* ---- call-manager handlers: address families and SAPs ------------------------------- */

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
NDIS_STATUS LoopCmOpenAf(NDIS_HANDLE CallMgrBindingContext, PCO_ADDRESS_FAMILY AddressFamily,
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
NDIS_STATUS LoopCmCloseAf(NDIS_HANDLE CallMgrAfContext)
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
void LoopCmNotifyCloseAfComplete(NDIS_HANDLE CallMgrAfContext, NDIS_STATUS Status)
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
NDIS_STATUS LoopCmRegisterSap(NDIS_HANDLE CallMgrAfContext, PCO_SAP Sap,
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
 * LoopCmDeregisterSap() - ProtocolCmDeregisterSap: free the SAP, at once or after a delay
 * @CallMgrSapContext: the SAP (LOOP_SAP)
 *
 * The SAP leaves the AF's list (no call is routed to it any more) and, by
 * default, the deregistration pends until the timer, then the work item,
 * complete it with NdisMCmDeregisterSapComplete().
 *
 * Context: process (condis's workqueue); does not sleep.
 * Return: NDIS_STATUS_SUCCESS or NDIS_STATUS_PENDING.
 */
NDIS_STATUS LoopCmDeregisterSap(NDIS_HANDLE CallMgrSapContext)
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
void LoopDeregTimer(PVOID SystemSpecific1, PVOID FunctionContext, PVOID SystemSpecific2,
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
void LoopDoDeregSap(PLOOP_ADAPTER Adapter, PLOOP_SAP Sap)
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

/* ---- OIDs to the call manager -------------------------------------------------------- */

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
void LoopDoMpOid(PLOOP_ADAPTER Adapter, PLOOP_OID Oid)
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
NDIS_STATUS LoopCmOidRequest(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE ProtocolVcContext,
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

void LoopDoOid(PLOOP_ADAPTER Adapter, PLOOP_OID Oid)
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
void LoopCmOidRequestComplete(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE ProtocolVcContext,
			      NDIS_HANDLE ProtocolPartyContext,
			      PNDIS_OID_REQUEST OidRequest, NDIS_STATUS Status)
{
	/* ndisloop sends no OID requests. */
}

/* ---- placeholders NDIS requires ------------------------------------------------------- */

/**
 * LoopCmActivateVcComplete() - ProtocolCmActivateVcComplete placeholder
 * @Status: the result
 * @CallMgrVcContext: the VC (LOOP_VC)
 * @CallParameters: the call parameters
 *
 * Context: never called for an MCM.
 */
void LoopCmActivateVcComplete(NDIS_STATUS Status, NDIS_HANDLE CallMgrVcContext,
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
void LoopCmDeactivateVcComplete(NDIS_STATUS Status, NDIS_HANDLE CallMgrVcContext)
{
}
