// SPDX-License-Identifier: GPL-2.0
/*
 * ndisloop: the call-manager handlers for VCs and calls.
 * See loop.h for the objects and locking, loop.c for the whole.
 */
#include "loop.h"

/* ---- call-manager handlers: VCs and calls ----------------------------------------------- */

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
NDIS_STATUS LoopCmCreateVc(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE NdisVcHandle,
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
NDIS_STATUS LoopCmDeleteVc(NDIS_HANDLE ProtocolVcContext)
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
NDIS_STATUS LoopCmMakeCall(NDIS_HANDLE CallMgrVcContext, PCO_CALL_PARAMETERS CallParameters,
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
void LoopDoMakeCall(PLOOP_VC Caller)
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
void LoopCmIncomingCallComplete(NDIS_STATUS Status, NDIS_HANDLE CallMgrVcContext,
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
NDIS_STATUS LoopCmCloseCall(NDIS_HANDLE CallMgrVcContext, NDIS_HANDLE CallMgrPartyContext,
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
void LoopDoCloseCall(PLOOP_VC Vc)
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
