// SPDX-License-Identifier: GPL-2.0
/*
 * ndisclient: the client handlers for VCs and calls, multipoint calls
 * (parties) and QoS changes.
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
	call->TxRate = QOS_NOT_SPECIFIED;
	InitializeListHead(&call->Parties);
	NdisInitializeEvent(&call->Done);
	NdisInitializeEvent(&call->TxIdle);
	NdisInitializeEvent(&call->QosDone);
	return call;
}

/* Free a call that is off every list, with its parties and parameters. */
void ClFreeCall(PCL_CALL Call)
{
	while (!IsListEmpty(&Call->Parties)) {
		PCL_PARTY party = CONTAINING_RECORD(RemoveHeadList(&Call->Parties), CL_PARTY,
						    Link);

		ClFree(party->Params);
		ClFree(party);
	}
	NdisFreeIoWorkItem(Call->AnswerWork);
	ClFree(Call->Qos);
	ClFree(Call->Params);
	ClFree(Call);
}

/**
 * ClNewParams() - call parameters naming a service, with a token rate both ways
 * @Name: the called service name, 1 to NDISLOOP_NAME_MAX bytes
 * @Rate: FLOWSPEC TokenRate and PeakBandwidth (bytes/s), or QOS_NOT_SPECIFIED
 *
 * Context: any.
 * Return: the parameters (ClFree()), or NULL.
 */
PCO_CALL_PARAMETERS ClNewParams(const char *Name, ULONG Rate)
{
	PCO_CALL_MANAGER_PARAMETERS cm;
	PCO_CALL_PARAMETERS cp;
	ULONG len = strlen(Name);

	cp = ClAlloc(sizeof(*cp) + sizeof(*cm) + len);
	if (!cp)
		return NULL;
	cm = (PCO_CALL_MANAGER_PARAMETERS)(cp + 1);
	cm->Transmit.TokenRate = Rate;
	cm->Transmit.PeakBandwidth = Rate;
	cm->Receive.TokenRate = Rate;
	cm->Receive.PeakBandwidth = Rate;
	cm->CallMgrSpecific.ParamType = NDISLOOP_PARAM_CALLED;
	cm->CallMgrSpecific.Length = len;
	NdisMoveMemory(cm->CallMgrSpecific.Parameters, Name, len);
	cp->CallMgrParameters = cm;
	return cp;
}

/**
 * ClNewParty() - a party of @Call, in state adding, not on its list yet
 * @Call: a multipoint call of ours
 * @Id: its number within the call
 * @Name: the service name its leaf listens on
 *
 * Context: any.
 * Return: the party, or NULL.
 */
PCL_PARTY ClNewParty(PCL_CALL Call, ULONG Id, const char *Name)
{
	PCL_PARTY party = ClAlloc(sizeof(*party));

	if (!party)
		return NULL;
	party->Call = Call;
	party->Id = Id;
	party->State = ClPartyAdding;
	strscpy(party->Name, Name, sizeof(party->Name));
	NdisInitializeEvent(&party->Done);
	return party;
}

/* The one active party of a multipoint call, or NULL; under Cl.Lock. */
static PCL_PARTY ClActiveParty(PCL_CALL Call, PCL_PARTY Except)
{
	PLIST_ENTRY e;

	for (e = Call->Parties.Flink; e != &Call->Parties; e = e->Flink) {
		PCL_PARTY party = CONTAINING_RECORD(e, CL_PARTY, Link);

		if (party != Except && party->State == ClPartyActive)
			return party;
	}
	return NULL;
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
		ClFreeCall(call);
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
	PCL_PARTY party = NULL;
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
	/* The party the call was made with: active with it, or gone. */
	if (call->Multipoint && !IsListEmpty(&call->Parties)) {
		party = CONTAINING_RECORD(call->Parties.Flink, CL_PARTY, Link);
		party->Status = Status;
		if (party->State == ClPartyAdding) {
			party->State = Status == NDIS_STATUS_SUCCESS ? ClPartyActive :
								       ClPartyFailed;
			party->PartyHandle = Status == NDIS_STATUS_SUCCESS ? NdisPartyHandle : NULL;
		}
	}
	NdisReleaseSpinLock(&Cl.Lock);
	if (party)
		ClLog("make_call_complete call=%u status=0x%08x n=%u party=%u handle=%d", call->Id,
		      Status, n, party->Id, !!NdisPartyHandle);
	else
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
 * @ProtocolPartyContext: the last party of a multipoint call (CL_PARTY), or NULL
 *
 * Context: any (<= DISPATCH_LEVEL).
 */
void ClCloseCallComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolVcContext,
			 NDIS_HANDLE ProtocolPartyContext)
{
	PCL_CALL call = ProtocolVcContext;
	PCL_PARTY party = ProtocolPartyContext;
	NDIS_HANDLE vc = NULL;
	ULONG n;

	NdisAcquireSpinLock(&Cl.Lock);
	n = ++call->CloseCompletions;
	call->Status = Status;
	if (Status == NDIS_STATUS_SUCCESS) {
		call->State = ClCallClosed;
		if (call->Outgoing)
			vc = call->VcHandle;	/* ours to delete */
		if (party) {
			party->State = ClPartyClosed;	/* the last party left with the call */
			party->PartyHandle = NULL;
		}
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

/* NdisClDropParty on @Party (not the last), completing it ourselves if it does not pend. */
static NDIS_STATUS ClDropOne(PCL_PARTY Party)
{
	NDIS_STATUS status;
	NDIS_HANDLE handle;

	NdisAcquireSpinLock(&Cl.Lock);
	Party->State = ClPartyDropping;
	handle = Party->PartyHandle;
	NdisResetEvent(&Party->Done);
	NdisReleaseSpinLock(&Cl.Lock);
	ClLog("drop_party call=%u party=%u", Party->Call->Id, Party->Id);
	status = NdisClDropParty(handle, NULL, 0);
	if (status != NDIS_STATUS_PENDING) {
		ClDropPartyComplete(status, Party);
		return status;
	}
	if (!NdisWaitEvent(&Party->Done, CL_WAIT_MS)) {
		ClLog("drop call=%u party=%u: no completion", Party->Call->Id, Party->Id);
		return NDIS_STATUS_FAILURE;
	}
	return Party->Status;
}

/* Drop every party of a multipoint call but one, as NDIS asks before NdisClCloseCall. */
static PCL_PARTY ClDropAllButOne(PCL_CALL Call)
{
	PCL_PARTY last, other;

	for (;;) {
		NdisAcquireSpinLock(&Cl.Lock);
		last = ClActiveParty(Call, NULL);
		other = last ? ClActiveParty(Call, last) : NULL;
		NdisReleaseSpinLock(&Cl.Lock);
		if (!other || ClDropOne(other) != NDIS_STATUS_SUCCESS)
			return last;
	}
}

/* NdisClCloseCall on a call, completing it ourselves if it does not pend. */
void ClCloseOne(PCL_CALL Call)
{
	PCL_PARTY party = NULL;
	NDIS_HANDLE vc, partyHandle = NULL;
	NDIS_STATUS status;

	if (Call->Multipoint) {
		party = ClDropAllButOne(Call);
		partyHandle = party ? party->PartyHandle : NULL;
	}
	NdisAcquireSpinLock(&Cl.Lock);
	Call->State = ClCallClosing;
	vc = Call->VcHandle;
	NdisResetEvent(&Call->Done);
	NdisReleaseSpinLock(&Cl.Lock);
	status = NdisClCloseCall(vc, partyHandle, NULL, 0);
	if (status != NDIS_STATUS_PENDING)
		ClCloseCallComplete(status, Call, party);
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
	PCL_PARTY party = NULL;
	NDIS_STATUS status;
	NDIS_HANDLE vc;
	ULONG n;

	NdisAcquireSpinLock(&Cl.Lock);
	n = ++call->IncomingCloses;
	call->State = ClCallClosing;
	vc = call->VcHandle;
	/* A multipoint call's last leaf left: the close names that last party. */
	if (call->Multipoint)
		party = ClActiveParty(call, NULL);
	NdisResetEvent(&call->Done);
	NdisReleaseSpinLock(&Cl.Lock);
	ClLog("incoming_close_call call=%u status=0x%08x n=%u", call->Id, CloseStatus, n);
	status = NdisClCloseCall(vc, party ? party->PartyHandle : NULL, NULL, 0);
	if (status != NDIS_STATUS_PENDING)
		ClCloseCallComplete(status, call, party);
}

/* ---- multipoint: parties --------------------------------------------------------------- */

/**
 * ClAddPartyComplete() - ProtocolClAddPartyComplete: an add-party's result
 * @Status: the result
 * @ProtocolPartyContext: the party (CL_PARTY)
 * @NdisPartyHandle: NDIS's handle of the party (valid on success)
 * @CallParameters: the call parameters
 *
 * Context: any (<= DISPATCH_LEVEL).
 */
void ClAddPartyComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolPartyContext,
			NDIS_HANDLE NdisPartyHandle, PCO_CALL_PARAMETERS CallParameters)
{
	PCL_PARTY party = ProtocolPartyContext;
	ULONG n;

	NdisAcquireSpinLock(&Cl.Lock);
	n = ++party->AddCompletions;
	party->Status = Status;
	if (party->State == ClPartyAdding) {
		party->State = Status == NDIS_STATUS_SUCCESS ? ClPartyActive : ClPartyFailed;
		party->PartyHandle = Status == NDIS_STATUS_SUCCESS ? NdisPartyHandle : NULL;
	}
	NdisReleaseSpinLock(&Cl.Lock);
	ClLog("add_party_complete call=%u party=%u status=0x%08x n=%u", party->Call->Id, party->Id,
	      Status, n);
	NdisSetEvent(&party->Done);
}

/**
 * ClDropPartyComplete() - ProtocolClDropPartyComplete: a drop-party's result (also called by
 *	us for a result given at once)
 * @Status: the result
 * @ProtocolPartyContext: the party (CL_PARTY)
 *
 * Context: any (<= DISPATCH_LEVEL).
 */
void ClDropPartyComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolPartyContext)
{
	PCL_PARTY party = ProtocolPartyContext;
	ULONG n;

	NdisAcquireSpinLock(&Cl.Lock);
	n = ++party->DropCompletions;
	party->Status = Status;
	if (party->State == ClPartyDropping) {
		party->State = Status == NDIS_STATUS_SUCCESS ? ClPartyDropped : ClPartyActive;
		if (Status == NDIS_STATUS_SUCCESS)
			party->PartyHandle = NULL;
	}
	NdisReleaseSpinLock(&Cl.Lock);
	ClLog("drop_party_complete call=%u party=%u status=0x%08x n=%u", party->Call->Id,
	      party->Id, Status, n);
	NdisSetEvent(&party->Done);
}

/**
 * ClIncomingDropParty() - ProtocolClIncomingDropParty: a leaf left: drop its party
 * @DropStatus: why the party was dropped
 * @ProtocolPartyContext: the party (CL_PARTY)
 * @CloseData: data the leaf sent, or NULL
 * @Size: bytes of the close data
 *
 * Context: any (<= DISPATCH_LEVEL).
 */
void ClIncomingDropParty(NDIS_STATUS DropStatus, NDIS_HANDLE ProtocolPartyContext,
			 PVOID CloseData, UINT Size)
{
	PCL_PARTY party = ProtocolPartyContext;
	NDIS_STATUS status;
	NDIS_HANDLE handle;
	ULONG n;

	NdisAcquireSpinLock(&Cl.Lock);
	n = ++party->IncomingDrops;
	party->State = ClPartyDropping;
	handle = party->PartyHandle;
	NdisResetEvent(&party->Done);
	NdisReleaseSpinLock(&Cl.Lock);
	ClLog("incoming_drop_party call=%u party=%u status=0x%08x n=%u", party->Call->Id,
	      party->Id, DropStatus, n);
	status = NdisClDropParty(handle, NULL, 0);
	if (status != NDIS_STATUS_PENDING)
		ClDropPartyComplete(status, party);
}

/* ---- QoS changes -------------------------------------------------------------------------- */

/**
 * ClModifyCallQoSComplete() - ProtocolClModifyCallQoSComplete: a QoS change's result
 * @Status: the result
 * @ProtocolVcContext: the call (CL_CALL)
 * @CallParameters: the QoS in force now
 *
 * Context: any (<= DISPATCH_LEVEL).
 */
void ClModifyCallQoSComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolVcContext,
			     PCO_CALL_PARAMETERS CallParameters)
{
	PCL_CALL call = ProtocolVcContext;
	ULONG n;

	NdisAcquireSpinLock(&Cl.Lock);
	n = ++call->QosCompletions;
	call->QosStatus = Status;
	if (Status == NDIS_STATUS_SUCCESS && CallParameters && CallParameters->CallMgrParameters)
		call->TxRate = CallParameters->CallMgrParameters->Transmit.TokenRate;
	NdisReleaseSpinLock(&Cl.Lock);
	ClLog("modify_qos_complete call=%u status=0x%08x n=%u", call->Id, Status, n);
	NdisSetEvent(&call->QosDone);
}

/**
 * ClIncomingCallQoSChange() - ProtocolClIncomingCallQoSChange: the other end changed the QoS;
 *	accepted (by returning)
 * @ProtocolVcContext: the call (CL_CALL)
 * @CallParameters: the new QoS, which the VC already runs with
 *
 * Context: any (<= DISPATCH_LEVEL).
 */
void ClIncomingCallQoSChange(NDIS_HANDLE ProtocolVcContext,
			     PCO_CALL_PARAMETERS CallParameters)
{
	PCL_CALL call = ProtocolVcContext;
	ULONG n, rate = QOS_NOT_SPECIFIED;

	if (CallParameters && CallParameters->CallMgrParameters)
		rate = CallParameters->CallMgrParameters->Transmit.TokenRate;
	NdisAcquireSpinLock(&Cl.Lock);
	n = ++call->QosChanges;
	call->TxRate = rate;
	NdisReleaseSpinLock(&Cl.Lock);
	ClLog("incoming_qos_change call=%u tx_rate=%u n=%u", call->Id, rate, n);
}
