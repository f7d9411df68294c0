// SPDX-License-Identifier: GPL-2.0
/*
 * ndisclient: the client handlers for VCs and calls, and the placeholders NDIS
 * requires (no multipoint, no QoS changes).
 * See client.h for the objects and locking, client.c for the whole.
 */
#include "client.h"

static NDIS_IO_WORKITEM_FUNCTION ClAnswerWorker;

/* ---- client handlers: VCs and calls --------------------------------------------------- */

PCL_CALL ClNewCall(PCL_BINDING Binding, BOOLEAN Outgoing)
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
NDIS_STATUS ClCoCreateVc(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE NdisVcHandle,
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
NDIS_STATUS ClCoDeleteVc(NDIS_HANDLE ProtocolVcContext)
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
NDIS_STATUS ClIncomingCall(NDIS_HANDLE ProtocolSapContext, NDIS_HANDLE ProtocolVcContext,
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
void ClCallConnectedHandler(NDIS_HANDLE ProtocolVcContext)
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
void ClMakeCallComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolVcContext,
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
void ClCloseCallComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolVcContext,
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
void ClCloseOne(PCL_CALL Call)
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
void ClIncomingCloseCall(NDIS_STATUS CloseStatus, NDIS_HANDLE ProtocolVcContext,
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

/**
 * ClAddPartyComplete() - ProtocolClAddPartyComplete placeholder
 * @Status: the result
 * @ProtocolPartyContext: unused (no multipoint)
 * @NdisPartyHandle: NDIS's handle of the party, or NULL
 * @CallParameters: the call parameters
 *
 * Context: never called (no multipoint).
 */
void ClAddPartyComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolPartyContext,
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
void ClDropPartyComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolPartyContext)
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
void ClIncomingDropParty(NDIS_STATUS DropStatus, NDIS_HANDLE ProtocolPartyContext,
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
void ClModifyCallQoSComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolVcContext,
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
void ClIncomingCallQoSChange(NDIS_HANDLE ProtocolVcContext,
			     PCO_CALL_PARAMETERS CallParameters)
{
}
