// SPDX-License-Identifier: GPL-2.0
/*
 * ndis5loop: the call-manager handlers of its address family
 * (NDIS_CALL_MANAGER_CHARACTERISTICS, given per AF in NDIS 5).
 * See loop5.h for the objects and locking.
 */
#include "loop5.h"

static NDIS_STATUS Loop5CmOpenAf(NDIS_HANDLE CallMgrBindingContext,
				 PCO_ADDRESS_FAMILY AddressFamily, NDIS_HANDLE NdisAfHandle,
				 PNDIS_HANDLE CallMgrAfContext)
{
	PLOOP5_ADAPTER adapter = CallMgrBindingContext;
	PLOOP5_AF af;

	if (AddressFamily->AddressFamily != LOOP5_ADDRESS_FAMILY)
		return NDIS_STATUS_BAD_VERSION;
	af = Loop5Alloc(sizeof(*af));
	if (!af)
		return NDIS_STATUS_RESOURCES;
	af->Adapter = adapter;
	af->NdisAfHandle = NdisAfHandle;
	InitializeListHead(&af->SapList);
	NdisAcquireSpinLock(&Loop5.Lock);
	InsertTailList(&adapter->AfList, &af->Link);
	NdisReleaseSpinLock(&Loop5.Lock);
	Loop5Log("open_af adapter=%s", adapter->Name);
	*CallMgrAfContext = af;
	return NDIS_STATUS_SUCCESS;
}

static NDIS_STATUS Loop5CmCloseAf(NDIS_HANDLE CallMgrAfContext)
{
	PLOOP5_AF af = CallMgrAfContext;

	NdisAcquireSpinLock(&Loop5.Lock);
	RemoveEntryList(&af->Link);
	NdisReleaseSpinLock(&Loop5.Lock);
	Loop5Log("close_af adapter=%s", af->Adapter->Name);
	Loop5Free(af);
	return NDIS_STATUS_SUCCESS;
}

static NDIS_STATUS Loop5CmRegisterSap(NDIS_HANDLE CallMgrAfContext, PCO_SAP Sap,
				      NDIS_HANDLE NdisSapHandle, PNDIS_HANDLE CallMgrSapContext)
{
	PLOOP5_AF af = CallMgrAfContext;
	PLOOP5_SAP sap;

	if (Sap->SapType != LOOP5_SAP_TYPE || !Sap->SapLength || Sap->SapLength > LOOP5_NAME_MAX)
		return NDIS_STATUS_INVALID_DATA;
	sap = Loop5Alloc(sizeof(*sap));
	if (!sap)
		return NDIS_STATUS_RESOURCES;
	sap->Af = af;
	sap->NdisSapHandle = NdisSapHandle;
	sap->Len = Sap->SapLength;
	NdisMoveMemory(sap->Name, Sap->Sap, Sap->SapLength);
	NdisAcquireSpinLock(&Loop5.Lock);
	InsertTailList(&af->SapList, &sap->Link);
	NdisReleaseSpinLock(&Loop5.Lock);
	Loop5Log("register_sap adapter=%s sap=%s", af->Adapter->Name, sap->Name);
	*CallMgrSapContext = sap;
	return NDIS_STATUS_SUCCESS;
}

static NDIS_STATUS Loop5CmDeregisterSap(NDIS_HANDLE CallMgrSapContext)
{
	PLOOP5_SAP sap = CallMgrSapContext;

	NdisAcquireSpinLock(&Loop5.Lock);
	RemoveEntryList(&sap->Link);
	NdisReleaseSpinLock(&Loop5.Lock);
	Loop5Log("deregister_sap sap=%s", sap->Name);
	Loop5Free(sap);
	return NDIS_STATUS_SUCCESS;
}

static PLOOP5_VC Loop5NewVc(PLOOP5_AF Af, BOOLEAN Ours)
{
	PLOOP5_VC vc = Loop5Alloc(sizeof(*vc));

	if (!vc)
		return NULL;
	vc->Af = Af;
	vc->Ours = Ours;
	NdisAcquireSpinLock(&Loop5.Lock);
	vc->Id = ++Loop5.NextVcId;
	InsertTailList(&Loop5.Vcs, &vc->Link);
	NdisReleaseSpinLock(&Loop5.Lock);
	return vc;
}

void Loop5FreeVc(PLOOP5_VC Vc)
{
	NdisAcquireSpinLock(&Loop5.Lock);
	RemoveEntryList(&Vc->Link);
	NdisReleaseSpinLock(&Loop5.Lock);
	Loop5Free(Vc->OwnParameters);
	Loop5Free(Vc);
}

static NDIS_STATUS Loop5CmCreateVc(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE NdisVcHandle,
				   PNDIS_HANDLE ProtocolVcContext)
{
	PLOOP5_VC vc = Loop5NewVc(ProtocolAfContext, FALSE);

	if (!vc)
		return NDIS_STATUS_RESOURCES;
	vc->NdisVcHandle = NdisVcHandle;
	*ProtocolVcContext = vc;
	return NDIS_STATUS_SUCCESS;
}

static NDIS_STATUS Loop5CmDeleteVc(NDIS_HANDLE ProtocolVcContext)
{
	Loop5FreeVc(ProtocolVcContext);
	return NDIS_STATUS_SUCCESS;
}

static PCO_SPECIFIC_PARAMETERS Loop5Called(PCO_CALL_PARAMETERS CallParameters)
{
	PCO_CALL_MANAGER_PARAMETERS cm = CallParameters ? CallParameters->CallMgrParameters : NULL;

	if (!cm || cm->CallMgrSpecific.ParamType != LOOP5_PARAM_CALLED ||
	    !cm->CallMgrSpecific.Length || cm->CallMgrSpecific.Length > LOOP5_NAME_MAX)
		return NULL;
	return &cm->CallMgrSpecific;
}

static NDIS_STATUS Loop5CmMakeCall(NDIS_HANDLE CallMgrVcContext,
				   PCO_CALL_PARAMETERS CallParameters,
				   NDIS_HANDLE NdisPartyHandle, PNDIS_HANDLE CallMgrPartyContext)
{
	PLOOP5_VC vc = CallMgrVcContext;

	if (NdisPartyHandle)
		return NDIS_STATUS_NOT_SUPPORTED;
	if (!Loop5Called(CallParameters))
		return NDIS_STATUS_INVALID_DATA;
	NdisAcquireSpinLock(&Loop5.Lock);
	vc->State = Loop5Calling;
	vc->CallParameters = CallParameters;
	NdisReleaseSpinLock(&Loop5.Lock);
	Loop5Queue(vc, FALSE);
	return NDIS_STATUS_PENDING;
}

/* The parameters of an incoming call: the called name, best effort. */
static PCO_CALL_PARAMETERS Loop5CopyParameters(PCO_SPECIFIC_PARAMETERS Called)
{
	PCO_CALL_PARAMETERS cp;
	PCO_CALL_MANAGER_PARAMETERS cm;

	cp = Loop5Alloc(sizeof(*cp) + sizeof(*cm) + Called->Length);
	if (!cp)
		return NULL;
	cm = (PCO_CALL_MANAGER_PARAMETERS)(cp + 1);
	cm->Transmit.TokenRate = QOS_NOT_SPECIFIED;
	cm->Receive.TokenRate = QOS_NOT_SPECIFIED;
	cm->CallMgrSpecific.ParamType = LOOP5_PARAM_CALLED;
	cm->CallMgrSpecific.Length = Called->Length;
	NdisMoveMemory(cm->CallMgrSpecific.Parameters, Called->Parameters, Called->Length);
	cp->CallMgrParameters = cm;
	return cp;
}

/* The SAP named @Called: its AF and handles, copied under the lock. */
static BOOLEAN Loop5FindSap(PCO_SPECIFIC_PARAMETERS Called, PLOOP5_AF *Af,
			    NDIS_HANDLE *SapHandle, NDIS_HANDLE *AdapterHandle)
{
	PLIST_ENTRY a, f, s;

	for (a = Loop5.Adapters.Flink; a != &Loop5.Adapters; a = a->Flink) {
		PLOOP5_ADAPTER adapter = CONTAINING_RECORD(a, LOOP5_ADAPTER, Link);

		if (adapter->Halting)
			continue;
		for (f = adapter->AfList.Flink; f != &adapter->AfList; f = f->Flink) {
			PLOOP5_AF af = CONTAINING_RECORD(f, LOOP5_AF, Link);

			for (s = af->SapList.Flink; s != &af->SapList; s = s->Flink) {
				PLOOP5_SAP sap = CONTAINING_RECORD(s, LOOP5_SAP, Link);

				if (sap->Len != Called->Length ||
				    !NdisEqualMemory(sap->Name, Called->Parameters, sap->Len))
					continue;
				*Af = af;
				*SapHandle = sap->NdisSapHandle;
				*AdapterHandle = adapter->MiniportAdapterHandle;
				return TRUE;
			}
		}
	}
	return FALSE;
}

/* Deactivate a VC, waiting for packets still out (condis refuses until then). */
static void Loop5Deactivate(PLOOP5_VC Vc)
{
	NDIS_STATUS status;
	ULONG tries = 0;

	while ((status = NdisMCmDeactivateVc(Vc->NdisVcHandle)) == NDIS_STATUS_NOT_ACCEPTED &&
	       tries++ < 2000)
		NdisMSleep(1000);
	if (status != NDIS_STATUS_SUCCESS)
		Loop5Log("deactivate vc=%u status=0x%08x", Vc->Id, status);
}

/* Delete a VC we created, once the client's call on it is over. */
static void Loop5DeleteOurVc(PLOOP5_VC Vc)
{
	NDIS_STATUS status;
	ULONG tries = 0;

	while ((status = NdisMCmDeleteVc(Vc->NdisVcHandle)) == NDIS_STATUS_NOT_ACCEPTED &&
	       tries++ < 500)
		NdisMSleep(10000);
	Loop5Log("delete_vc vc=%u status=0x%08x", Vc->Id, status);
	/* Not deleted: NDIS still names it with our context; it stays until then. */
	if (status == NDIS_STATUS_SUCCESS)
		Loop5FreeVc(Vc);
}

static void Loop5CmIncomingCallComplete(NDIS_STATUS Status, NDIS_HANDLE CallMgrVcContext,
					PCO_CALL_PARAMETERS CallParameters);

/* Work item: offer a make-call to the called SAP. */
void Loop5DoMakeCall(PLOOP5_VC Caller)
{
	PCO_SPECIFIC_PARAMETERS called = Loop5Called(Caller->CallParameters);
	NDIS_HANDLE sapHandle, adapterHandle;
	NDIS_STATUS status = NDIS_STATUS_INVALID_ADDRESS;
	PLOOP5_VC callee = NULL;
	PCO_CALL_PARAMETERS params;
	PLOOP5_AF af;
	BOOLEAN found;

	NdisAcquireSpinLock(&Loop5.Lock);
	found = Loop5FindSap(called, &af, &sapHandle, &adapterHandle);
	NdisReleaseSpinLock(&Loop5.Lock);
	if (!found)
		goto fail;
	status = NDIS_STATUS_RESOURCES;
	callee = Loop5NewVc(af, TRUE);
	if (!callee)
		goto fail;
	callee->OwnParameters = Loop5CopyParameters(called);
	if (!callee->OwnParameters)
		goto fail_free;
	status = NdisMCmCreateVc(adapterHandle, af->NdisAfHandle, callee, &callee->NdisVcHandle);
	if (status != NDIS_STATUS_SUCCESS)
		goto fail_free;
	status = NdisMCmActivateVc(callee->NdisVcHandle, callee->OwnParameters);
	if (status != NDIS_STATUS_SUCCESS)
		goto fail_delete;
	status = NdisMCmActivateVc(Caller->NdisVcHandle, Caller->CallParameters);
	if (status != NDIS_STATUS_SUCCESS) {
		Loop5Deactivate(callee);
		goto fail_delete;
	}
	NdisAcquireSpinLock(&Loop5.Lock);
	Caller->Peer = callee;
	callee->Peer = Caller;
	callee->State = Loop5Offered;
	NdisReleaseSpinLock(&Loop5.Lock);
	Loop5Log("offer vc=%u to vc=%u", Caller->Id, callee->Id);
	status = NdisMCmDispatchIncomingCall(sapHandle, callee->NdisVcHandle,
					     callee->OwnParameters);
	if (status != NDIS_STATUS_PENDING)
		Loop5CmIncomingCallComplete(status, callee, callee->OwnParameters);
	return;

fail_delete:
	Loop5DeleteOurVc(callee);
	callee = NULL;
fail_free:
	if (callee)
		Loop5FreeVc(callee);
fail:
	NdisAcquireSpinLock(&Loop5.Lock);
	Caller->State = Loop5Idle;
	params = Caller->CallParameters;
	Caller->CallParameters = NULL;
	NdisReleaseSpinLock(&Loop5.Lock);
	Loop5Log("make_call vc=%u failed status=0x%08x", Caller->Id, status);
	NdisMCmMakeCallComplete(status, Caller->NdisVcHandle, NULL, NULL, params);
}

static void Loop5CmIncomingCallComplete(NDIS_STATUS Status, NDIS_HANDLE CallMgrVcContext,
					PCO_CALL_PARAMETERS CallParameters)
{
	PLOOP5_VC callee = CallMgrVcContext, caller;
	PCO_CALL_PARAMETERS params;
	NDIS_HANDLE callerHandle;

	NdisAcquireSpinLock(&Loop5.Lock);
	caller = callee->Peer;
	if (!caller) {
		NdisReleaseSpinLock(&Loop5.Lock);
		return;
	}
	callerHandle = caller->NdisVcHandle;
	params = caller->CallParameters;
	caller->CallParameters = NULL;
	if (Status == NDIS_STATUS_SUCCESS) {
		callee->State = Loop5Connected;
		caller->State = Loop5Connected;
	} else {
		callee->Peer = NULL;
		caller->Peer = NULL;
		callee->State = Loop5Idle;
		caller->State = Loop5Idle;
	}
	NdisReleaseSpinLock(&Loop5.Lock);
	Loop5Log("incoming_call_complete vc=%u status=0x%08x", callee->Id, Status);
	if (Status == NDIS_STATUS_SUCCESS) {
		NdisMCmDispatchCallConnected(callee->NdisVcHandle);
		NdisMCmMakeCallComplete(NDIS_STATUS_SUCCESS, callerHandle, NULL, NULL, params);
		return;
	}
	Loop5Deactivate(callee);
	Loop5DeleteOurVc(callee);
	Loop5Deactivate(caller);
	NdisMCmMakeCallComplete(Status, callerHandle, NULL, NULL, params);
}

static NDIS_STATUS Loop5CmCloseCall(NDIS_HANDLE CallMgrVcContext, NDIS_HANDLE CallMgrPartyContext,
				    PVOID CloseData, UINT Size)
{
	Loop5Queue(CallMgrVcContext, TRUE);
	return NDIS_STATUS_PENDING;
}

/* Work item: close a call; the other end hears of it as an incoming close. */
void Loop5DoCloseCall(PLOOP5_VC Vc)
{
	NDIS_HANDLE handle = Vc->NdisVcHandle, peerHandle = NULL;
	BOOLEAN ours = Vc->Ours;
	ULONG id = Vc->Id;

	NdisAcquireSpinLock(&Loop5.Lock);
	Vc->State = Loop5Closing;
	if (Vc->Peer) {
		peerHandle = Vc->Peer->NdisVcHandle;
		Vc->Peer->Peer = NULL;
		Vc->Peer = NULL;
	}
	NdisReleaseSpinLock(&Loop5.Lock);
	Loop5Deactivate(Vc);
	NdisAcquireSpinLock(&Loop5.Lock);
	Vc->State = Loop5Idle;
	NdisReleaseSpinLock(&Loop5.Lock);
	Loop5Log("close_call vc=%u", id);
	/* A client's VC may be deleted from here on: not touched again. */
	NdisMCmCloseCallComplete(NDIS_STATUS_SUCCESS, handle, NULL);
	if (peerHandle)
		NdisMCmDispatchIncomingCloseCall(NDIS_STATUS_SUCCESS, peerHandle, NULL, 0);
	if (ours)
		Loop5DeleteOurVc(Vc);
}

static NDIS_STATUS Loop5CmAddParty(NDIS_HANDLE CallMgrVcContext,
				   PCO_CALL_PARAMETERS CallParameters,
				   NDIS_HANDLE NdisPartyHandle, PNDIS_HANDLE CallMgrPartyContext)
{
	return NDIS_STATUS_NOT_SUPPORTED;
}

static NDIS_STATUS Loop5CmDropParty(NDIS_HANDLE CallMgrPartyContext, PVOID CloseData, UINT Size)
{
	return NDIS_STATUS_NOT_SUPPORTED;
}

static NDIS_STATUS Loop5CmModifyCallQoS(NDIS_HANDLE CallMgrVcContext,
					PCO_CALL_PARAMETERS CallParameters)
{
	return NDIS_STATUS_NOT_SUPPORTED;
}

static void Loop5CmActivateVcComplete(NDIS_STATUS Status, NDIS_HANDLE CallMgrVcContext,
				      PCO_CALL_PARAMETERS CallParameters)
{
}

static void Loop5CmDeactivateVcComplete(NDIS_STATUS Status, NDIS_HANDLE CallMgrVcContext)
{
}

/* Work item: answer a client's OID_GEN_CO_VENDOR_ID, pended. */
static void Loop5OidWorker(PNDIS_WORK_ITEM WorkItem, PVOID Context)
{
	PLOOP5_OID oid = Context;
	struct _QUERY_INFORMATION *q = &oid->Request->DATA.QUERY_INFORMATION;
	NDIS_STATUS status = NDIS_STATUS_INVALID_LENGTH;

	if (q->InformationBufferLength >= sizeof(ULONG)) {
		*(PULONG)q->InformationBuffer = LOOP5_VENDOR_ID;
		q->BytesWritten = sizeof(ULONG);
		status = NDIS_STATUS_SUCCESS;
	} else {
		q->BytesNeeded = sizeof(ULONG);
	}
	Loop5Log("cm_request_complete oid=0x%08x status=0x%08x", q->Oid, status);
	NdisMCmRequestComplete(status, oid->Af->NdisAfHandle, oid->VcHandle, NULL, oid->Request);
	Loop5Free(oid);
	NdisInterlockedDecrement(&Loop5.Busy);
}

static NDIS_STATUS Loop5CmRequest(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE ProtocolVcContext,
				  NDIS_HANDLE ProtocolPartyContext, PNDIS_REQUEST NdisRequest)
{
	PLOOP5_AF af = ProtocolAfContext;
	PLOOP5_VC vc = ProtocolVcContext;
	PLOOP5_OID oid;

	if (NdisRequest->RequestType != NdisRequestQueryInformation ||
	    NdisRequest->DATA.QUERY_INFORMATION.Oid != OID_GEN_CO_VENDOR_ID)
		return NDIS_STATUS_NOT_SUPPORTED;
	oid = Loop5Alloc(sizeof(*oid));
	if (!oid)
		return NDIS_STATUS_RESOURCES;
	oid->Af = af;
	oid->VcHandle = vc ? vc->NdisVcHandle : NULL;
	oid->Request = NdisRequest;
	NdisInterlockedIncrement(&Loop5.Busy);
	NdisInitializeWorkItem(&oid->Work, Loop5OidWorker, oid);
	NdisScheduleWorkItem(&oid->Work);
	Loop5Log("cm_request oid=0x%08x pended", NdisRequest->DATA.QUERY_INFORMATION.Oid);
	return NDIS_STATUS_PENDING;
}

/* A request of ours pended by the client: we send none that pend. */
static void Loop5CmRequestComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolAfContext,
				   NDIS_HANDLE ProtocolVcContext, NDIS_HANDLE ProtocolPartyContext,
				   PNDIS_REQUEST NdisRequest)
{
	Loop5Log("cm_request_complete_unexpected oid=0x%08x status=0x%08x",
		 NdisRequest->DATA.SET_INFORMATION.Oid, Status);
}

NDIS_CALL_MANAGER_CHARACTERISTICS Loop5CmChars = {
	.MajorVersion = 5,
	.MinorVersion = 0,
	.CmCreateVcHandler = Loop5CmCreateVc,
	.CmDeleteVcHandler = Loop5CmDeleteVc,
	.CmOpenAfHandler = Loop5CmOpenAf,
	.CmCloseAfHandler = Loop5CmCloseAf,
	.CmRegisterSapHandler = Loop5CmRegisterSap,
	.CmDeregisterSapHandler = Loop5CmDeregisterSap,
	.CmMakeCallHandler = Loop5CmMakeCall,
	.CmCloseCallHandler = Loop5CmCloseCall,
	.CmIncomingCallCompleteHandler = Loop5CmIncomingCallComplete,
	.CmAddPartyHandler = Loop5CmAddParty,
	.CmDropPartyHandler = Loop5CmDropParty,
	.CmActivateVcCompleteHandler = Loop5CmActivateVcComplete,
	.CmDeactivateVcCompleteHandler = Loop5CmDeactivateVcComplete,
	.CmModifyCallQoSHandler = Loop5CmModifyCallQoS,
	.CmRequestHandler = Loop5CmRequest,
	.CmRequestCompleteHandler = Loop5CmRequestComplete,
};
