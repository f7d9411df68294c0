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
	vc->TxRate = QOS_NOT_SPECIFIED;
	InitializeListHead(&vc->Parties);
	NdisAcquireSpinLock(&Loop.Lock);
	vc->Id = ++Loop.NextVcId;
	InsertTailList(&Loop.Vcs, &vc->Link);
	NdisReleaseSpinLock(&Loop.Lock);
	return vc;
}

static void LoopFreeVc(PLOOP_VC Vc)
{
	LIST_ENTRY parties;

	InitializeListHead(&parties);
	NdisAcquireSpinLock(&Loop.Lock);
	RemoveEntryList(&Vc->Link);
	/* Parties a failed or torn-down multipoint call left (condis has ended them). */
	while (!IsListEmpty(&Vc->Parties)) {
		PLOOP_PARTY party = CONTAINING_RECORD(RemoveHeadList(&Vc->Parties), LOOP_PARTY,
						      Link);

		if (party->Leaf)
			party->Leaf->Party = NULL;
		InsertTailList(&parties, &party->Link);
	}
	if (Vc->Party) {
		Vc->Party->Leaf = NULL;
		Vc->Party = NULL;
	}
	NdisReleaseSpinLock(&Loop.Lock);
	while (!IsListEmpty(&parties))
		LoopFree(CONTAINING_RECORD(RemoveHeadList(&parties), LOOP_PARTY, Link));
	LoopFree(Vc->QosParameters);
	LoopFree(Vc->OwnParameters);
	LoopFree(Vc);
}

static PLOOP_PARTY LoopNewParty(PLOOP_VC Root, NDIS_HANDLE NdisPartyHandle,
				PCO_CALL_PARAMETERS CallParameters)
{
	PLOOP_PARTY party = LoopAlloc(sizeof(*party));

	if (!party)
		return NULL;
	party->Root = Root;
	party->NdisPartyHandle = NdisPartyHandle;
	party->State = LoopPartyAdding;
	party->CallParameters = CallParameters;
	NdisAcquireSpinLock(&Loop.Lock);
	party->Id = ++Loop.NextPartyId;
	NdisReleaseSpinLock(&Loop.Lock);
	return party;
}

/* The parties of @Root, the one given excepted, in state @State; under Loop.Lock. */
static ULONG LoopCountParties(PLOOP_VC Root, PLOOP_PARTY Except, LOOP_PARTY_STATE State)
{
	PLIST_ENTRY e;
	ULONG n = 0;

	for (e = Root->Parties.Flink; e != &Root->Parties; e = e->Flink) {
		PLOOP_PARTY party = CONTAINING_RECORD(e, LOOP_PARTY, Link);

		if (party != Except && party->State == State)
			n++;
	}
	return n;
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
 * @NdisPartyHandle: NDIS's handle of the first party of a multipoint call, or NULL
 * @CallMgrPartyContext: set to that party (LOOP_PARTY), or NULL
 *
 * Context: any (<= DISPATCH_LEVEL).
 * Return: NDIS_STATUS_PENDING, NDIS_STATUS_INVALID_DATA (no called name),
 *	NDIS_STATUS_RESOURCES or NDIS_STATUS_FAILURE (adapter halting).
 */
NDIS_STATUS LoopCmMakeCall(NDIS_HANDLE CallMgrVcContext, PCO_CALL_PARAMETERS CallParameters,
			   NDIS_HANDLE NdisPartyHandle, PNDIS_HANDLE CallMgrPartyContext)
{
	PLOOP_VC vc = CallMgrVcContext;
	PLOOP_PARTY party = NULL;

	if (!LoopCalledName(CallParameters))
		return NDIS_STATUS_INVALID_DATA;
	if (NdisPartyHandle) {
		/* The first party's leaf is the called SAP, as for any call. */
		party = LoopNewParty(vc, NdisPartyHandle, NULL);
		if (!party)
			return NDIS_STATUS_RESOURCES;
	}
	if (CallMgrPartyContext)
		*CallMgrPartyContext = party;
	NdisAcquireSpinLock(&Loop.Lock);
	vc->State = LoopVcCalling;
	vc->CallParameters = CallParameters;
	vc->Multipoint = !!party;
	if (party)
		InsertTailList(&vc->Parties, &party->Link);
	NdisReleaseSpinLock(&Loop.Lock);
	if (!LoopQueue(vc->Af->Adapter, &vc->Req, LoopReqMakeCall, vc)) {
		NdisAcquireSpinLock(&Loop.Lock);
		vc->State = LoopVcIdle;
		vc->Multipoint = FALSE;
		if (party)
			RemoveEntryList(&party->Link);
		NdisReleaseSpinLock(&Loop.Lock);
		LoopFree(party);
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

/*
 * Link @Callee, active, to @Caller (as @Party's leaf with @Party, else as
 * its peer), log the offer and offer the call on the called SAP (NDIS's
 * @SapHandle, named @Called).
 */
static void LoopDispatchOffer(PLOOP_VC Caller, PLOOP_PARTY Party, PLOOP_VC Callee,
			      NDIS_HANDLE SapHandle, PCO_SPECIFIC_PARAMETERS Called)
{
	NDIS_STATUS status;

	NdisAcquireSpinLock(&Loop.Lock);
	if (Party) {
		Party->Leaf = Callee;
		Callee->Party = Party;
	} else {
		Caller->Peer = Callee;
		Callee->Peer = Caller;
	}
	Callee->State = LoopVcOffered;
	NdisReleaseSpinLock(&Loop.Lock);
	if (Party)
		LoopLog("offer vc=%u party=%u to vc=%u sap=%.*s", Caller->Id, Party->Id, Callee->Id,
			(int)Called->Length, Called->Parameters);
	else
		LoopLog("offer vc=%u to vc=%u sap=%.*s", Caller->Id, Callee->Id,
			(int)Called->Length, Called->Parameters);
	status = NdisMCmDispatchIncomingCall(SapHandle, Callee->NdisVcHandle,
					     Callee->OwnParameters);
	/* As NDIS has it: an answer given at once, the CM completes itself. */
	if (status != NDIS_STATUS_PENDING)
		LoopCmIncomingCallComplete(status, Callee, Callee->OwnParameters);
}

/*
 * Work item: offer a call from @Caller to the SAP @Params name: create
 * and activate the called end's VC, activate @Caller's too if @Making (a
 * make-call; an added party's root is active already), and dispatch the
 * offer.  With @Party the called end becomes that party's leaf, else
 * @Caller's peer.  Return: NDIS_STATUS_PENDING once offered (the answer
 * goes to LoopCmIncomingCallComplete()), else why not, nothing left behind.
 */
static NDIS_STATUS LoopOffer(PLOOP_VC Caller, PLOOP_PARTY Party, PCO_CALL_PARAMETERS Params,
			     BOOLEAN Making)
{
	PCO_SPECIFIC_PARAMETERS called = LoopCalledName(Params);
	NDIS_HANDLE sapHandle, adapterHandle, afHandle;
	PLOOP_VC callee = NULL;
	NDIS_STATUS status;
	PLOOP_AF af;
	BOOLEAN found;

	NdisAcquireSpinLock(&Loop.Lock);
	found = LoopFindSap(called, &af, &sapHandle, &adapterHandle, &afHandle);
	NdisReleaseSpinLock(&Loop.Lock);
	if (!found)
		return NDIS_STATUS_INVALID_ADDRESS;
	callee = LoopNewVc(af, TRUE);
	if (!callee)
		return NDIS_STATUS_RESOURCES;
	status = NDIS_STATUS_RESOURCES;
	callee->OwnParameters = LoopCopyParameters(called);
	if (!callee->OwnParameters)
		goto fail_free;
	status = NdisMCmCreateVc(adapterHandle, afHandle, callee, &callee->NdisVcHandle);
	if (status != NDIS_STATUS_SUCCESS)
		goto fail_free;
	status = NdisMCmActivateVc(callee->NdisVcHandle, callee->OwnParameters);
	if (status != NDIS_STATUS_SUCCESS)
		goto fail_delete;
	callee->Running = callee->OwnParameters;
	if (Making) {
		status = NdisMCmActivateVc(Caller->NdisVcHandle, Params);
		if (status != NDIS_STATUS_SUCCESS) {
			LoopDeactivate(callee);
			goto fail_delete;
		}
		Caller->Running = Params;
	}
	LoopDispatchOffer(Caller, Party, callee, sapHandle, called);
	return NDIS_STATUS_PENDING;

fail_delete:
	LoopDeleteOurVc(callee);
	return status;
fail_free:
	LoopFreeVc(callee);
	return status;
}

/* The first party of a multipoint call being made, or NULL; under Loop.Lock. */
static PLOOP_PARTY LoopFirstParty(PLOOP_VC Root)
{
	if (!Root->Multipoint || IsListEmpty(&Root->Parties))
		return NULL;
	return CONTAINING_RECORD(Root->Parties.Flink, LOOP_PARTY, Link);
}

/* Work item: set up a make-call and offer it to the called SAP. */
void LoopDoMakeCall(PLOOP_VC Caller)
{
	PLOOP_PARTY party;
	NDIS_STATUS status;

	NdisAcquireSpinLock(&Loop.Lock);
	party = LoopFirstParty(Caller);
	NdisReleaseSpinLock(&Loop.Lock);
	status = LoopOffer(Caller, party, Caller->CallParameters, TRUE);
	if (status == NDIS_STATUS_PENDING)
		return;
	NdisAcquireSpinLock(&Loop.Lock);
	Caller->State = LoopVcIdle;
	Caller->Multipoint = FALSE;
	if (party)
		RemoveEntryList(&party->Link);
	NdisReleaseSpinLock(&Loop.Lock);
	LoopLog("make_call vc=%u failed status=0x%08x", Caller->Id, status);
	NdisMCmMakeCallComplete(status, Caller->NdisVcHandle, NULL, NULL, Caller->CallParameters);
	LoopFree(party);
}

/*
 * The states after the called client's answer @Status: the call (or the
 * party, @Party, of @Caller's multipoint call) connects, or its ends go
 * back to idle and a refused party leaves.  @Making: the answer is to a
 * make-call, not an add-party.  Under Loop.Lock.
 */
static void LoopSetAnswered(NDIS_STATUS Status, PLOOP_VC Callee, PLOOP_VC Caller,
			    PLOOP_PARTY Party, BOOLEAN Making)
{
	if (Status == NDIS_STATUS_SUCCESS) {
		Callee->State = LoopVcConnected;
		Caller->State = LoopVcConnected;
		if (Party)
			Party->State = LoopPartyActive;
	} else {
		Callee->State = LoopVcIdle;
		if (Making) {
			Caller->State = LoopVcIdle;
			Caller->Multipoint = FALSE;
		}
		if (Party) {
			Party->Leaf = NULL;
			Callee->Party = NULL;
			RemoveEntryList(&Party->Link);	/* a refused party leaves */
		} else {
			Callee->Peer = NULL;
			Caller->Peer = NULL;
		}
	}
	if (Making)
		Caller->CallParameters = NULL;
	else
		Party->CallParameters = NULL;
}

/**
 * LoopCmIncomingCallComplete() - ProtocolCmIncomingCallComplete: the called client's answer
 * @Status: the result
 * @CallMgrVcContext: the VC (LOOP_VC)
 * @CallParameters: the call parameters
 *
 * The caller's make-call, or the root's add-party, completes with that
 * answer, whatever it is; a party whose leaf refused leaves the call.
 *
 * Context: process (condis's workqueue or our work item).
 */
void LoopCmIncomingCallComplete(NDIS_STATUS Status, NDIS_HANDLE CallMgrVcContext,
				PCO_CALL_PARAMETERS CallParameters)
{
	PLOOP_VC callee = CallMgrVcContext, caller;
	NDIS_HANDLE callerHandle, partyHandle = NULL;
	PLOOP_PARTY party;
	PCO_CALL_PARAMETERS params;
	BOOLEAN making;

	NdisAcquireSpinLock(&Loop.Lock);
	party = callee->Party;
	caller = party ? party->Root : callee->Peer;
	if (!caller) {
		NdisReleaseSpinLock(&Loop.Lock);
		LoopLog("incoming_call_complete vc=%u: no caller", callee->Id);
		return;
	}
	/* A party's leaf answers a make-call (the first party) or an add-party. */
	making = caller->State == LoopVcCalling;
	callerHandle = caller->NdisVcHandle;
	params = making ? caller->CallParameters : party->CallParameters;
	if (party)
		partyHandle = party->NdisPartyHandle;
	LoopSetAnswered(Status, callee, caller, party, making);
	NdisReleaseSpinLock(&Loop.Lock);

	LoopLog("incoming_call_complete vc=%u status=0x%08x", callee->Id, Status);
	if (Status == NDIS_STATUS_SUCCESS) {
		NdisMCmDispatchCallConnected(callee->NdisVcHandle);
		if (!making) {
			LoopLog("add_party_complete party=%u status=0x%08x", party->Id, Status);
			NdisMCmAddPartyComplete(Status, partyHandle, party, params);
		} else {
			NdisMCmMakeCallComplete(Status, callerHandle, partyHandle, party, params);
		}
		return;
	}
	LoopDeactivate(callee);
	LoopDeleteOurVc(callee);
	if (making) {
		LoopDeactivate(caller);
		NdisMCmMakeCallComplete(Status, callerHandle, NULL, NULL, params);
	} else {
		LoopLog("add_party_complete party=%u status=0x%08x", party->Id, Status);
		NdisMCmAddPartyComplete(Status, partyHandle, NULL, params);
	}
	LoopFree(party);
}

/**
 * LoopCmCloseCall() - ProtocolCmCloseCall: a client closes a call
 * @CallMgrVcContext: the VC (LOOP_VC)
 * @CallMgrPartyContext: the last party of a multipoint call (LOOP_PARTY), or NULL
 * @CloseData: data to send with the close, or NULL
 * @Size: bytes of the close data
 *
 * The call is torn down on the work item; the other end, or the last
 * party's leaf, hears of it as an incoming close.
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

/*
 * A leaf's call ends (under Loop.Lock): it lets go of its party, and the
 * root hears of it, if the root is not dropping that party itself: as an
 * incoming drop party while other parties are active, else as an
 * incoming close.  Sets what to dispatch; returns the root's VC handle
 * for a close, NULL otherwise.
 */
static NDIS_HANDLE LoopLeafLeaves(PLOOP_VC Leaf, NDIS_HANDLE *DropParty, ULONG *PartyId)
{
	PLOOP_PARTY party = Leaf->Party;
	PLOOP_VC root;

	*DropParty = NULL;
	if (!party)
		return NULL;
	root = party->Root;
	Leaf->Party = NULL;
	party->Leaf = NULL;
	*PartyId = party->Id;
	if (party->State != LoopPartyActive || root->State != LoopVcConnected)
		return NULL;
	if (LoopCountParties(root, party, LoopPartyActive)) {
		*DropParty = party->NdisPartyHandle;
		return NULL;
	}
	return root->NdisVcHandle;
}

/* Work item: close a call: deactivate, complete, tell the other end (or ends). */
void LoopDoCloseCall(PLOOP_VC Vc)
{
	NDIS_HANDLE handle = Vc->NdisVcHandle, peerHandle = NULL, dropParty = NULL;
	NDIS_HANDLE leaves[LOOP_MAX_PARTIES];
	ULONG id = Vc->Id, nleaves = 0, partyId = 0, i;
	BOOLEAN ours = Vc->Ours;
	LIST_ENTRY parties;

	InitializeListHead(&parties);
	NdisAcquireSpinLock(&Loop.Lock);
	Vc->State = LoopVcClosing;
	if (Vc->Peer) {
		peerHandle = Vc->Peer->NdisVcHandle;
		Vc->Peer->Peer = NULL;
		Vc->Peer = NULL;
	}
	peerHandle = peerHandle ?: LoopLeafLeaves(Vc, &dropParty, &partyId);
	/* A root: its parties (the last one, as condis has it) end with the call. */
	while (!IsListEmpty(&Vc->Parties)) {
		PLOOP_PARTY party = CONTAINING_RECORD(RemoveHeadList(&Vc->Parties), LOOP_PARTY,
						      Link);

		if (party->Leaf && nleaves < ARRAY_SIZE(leaves)) {
			leaves[nleaves++] = party->Leaf->NdisVcHandle;
			party->Leaf->Party = NULL;
		}
		InsertTailList(&parties, &party->Link);
	}
	Vc->Multipoint = FALSE;
	NdisReleaseSpinLock(&Loop.Lock);

	while (!IsListEmpty(&parties))
		LoopFree(CONTAINING_RECORD(RemoveHeadList(&parties), LOOP_PARTY, Link));
	LoopDeactivate(Vc);
	NdisAcquireSpinLock(&Loop.Lock);
	Vc->State = LoopVcIdle;
	NdisReleaseSpinLock(&Loop.Lock);
	LoopLog("close_call vc=%u", id);
	/* A client's VC may be deleted from here on: not touched again. */
	NdisMCmCloseCallComplete(NDIS_STATUS_SUCCESS, handle, NULL);
	if (peerHandle)
		NdisMCmDispatchIncomingCloseCall(NDIS_STATUS_SUCCESS, peerHandle, NULL, 0);
	for (i = 0; i < nleaves; i++)
		NdisMCmDispatchIncomingCloseCall(NDIS_STATUS_SUCCESS, leaves[i], NULL, 0);
	if (dropParty) {
		LoopLog("incoming_drop_party party=%u", partyId);
		NdisMCmDispatchIncomingDropParty(NDIS_STATUS_SUCCESS, dropParty, NULL, 0);
	}
	if (ours)
		LoopDeleteOurVc(Vc);
}

/* ---- multipoint: add and drop party ----------------------------------------------------- */

/**
 * LoopCmAddParty() - ProtocolCmAddParty: the root adds a leaf; offered on the work item
 * @CallMgrVcContext: the root's VC (LOOP_VC)
 * @CallParameters: the leaf's parameters: its called name
 * @NdisPartyHandle: NDIS's handle of the party
 * @CallMgrPartyContext: set to the party (LOOP_PARTY)
 *
 * Context: any (<= DISPATCH_LEVEL).
 * Return: NDIS_STATUS_PENDING, NDIS_STATUS_INVALID_DATA (no called name),
 *	NDIS_STATUS_NOT_SUPPORTED (no connected multipoint call on the VC),
 *	NDIS_STATUS_RESOURCES (LOOP_MAX_PARTIES) or NDIS_STATUS_FAILURE (adapter halting).
 */
NDIS_STATUS LoopCmAddParty(NDIS_HANDLE CallMgrVcContext, PCO_CALL_PARAMETERS CallParameters,
			   NDIS_HANDLE NdisPartyHandle, PNDIS_HANDLE CallMgrPartyContext)
{
	PLOOP_VC vc = CallMgrVcContext;
	NDIS_STATUS status = NDIS_STATUS_SUCCESS;
	PLOOP_PARTY party;

	if (!LoopCalledName(CallParameters))
		return NDIS_STATUS_INVALID_DATA;
	party = LoopNewParty(vc, NdisPartyHandle, CallParameters);
	if (!party)
		return NDIS_STATUS_RESOURCES;
	NdisAcquireSpinLock(&Loop.Lock);
	if (!vc->Multipoint || vc->State != LoopVcConnected)
		status = NDIS_STATUS_NOT_SUPPORTED;
	else if (LoopCountParties(vc, NULL, LoopPartyActive) +
		 LoopCountParties(vc, NULL, LoopPartyAdding) +
		 LoopCountParties(vc, NULL, LoopPartyDropping) >= LOOP_MAX_PARTIES)
		status = NDIS_STATUS_RESOURCES;
	else
		InsertTailList(&vc->Parties, &party->Link);
	NdisReleaseSpinLock(&Loop.Lock);
	if (status != NDIS_STATUS_SUCCESS) {
		LoopFree(party);
		return status;
	}
	*CallMgrPartyContext = party;
	if (!LoopQueue(vc->Af->Adapter, &party->Req, LoopReqAddParty, party)) {
		NdisAcquireSpinLock(&Loop.Lock);
		RemoveEntryList(&party->Link);
		NdisReleaseSpinLock(&Loop.Lock);
		LoopFree(party);
		*CallMgrPartyContext = NULL;
		return NDIS_STATUS_FAILURE;
	}
	return NDIS_STATUS_PENDING;
}

/* Work item: offer the call to an added party's leaf; its answer completes the add. */
void LoopDoAddParty(PLOOP_PARTY Party)
{
	NDIS_STATUS status = LoopOffer(Party->Root, Party, Party->CallParameters, FALSE);
	PCO_CALL_PARAMETERS params = Party->CallParameters;

	if (status == NDIS_STATUS_PENDING)
		return;
	NdisAcquireSpinLock(&Loop.Lock);
	RemoveEntryList(&Party->Link);
	NdisReleaseSpinLock(&Loop.Lock);
	LoopLog("add_party_complete party=%u status=0x%08x", Party->Id, status);
	NdisMCmAddPartyComplete(status, Party->NdisPartyHandle, NULL, params);
	LoopFree(Party);
}

/**
 * LoopCmDropParty() - ProtocolCmDropParty: the root drops a leaf; done on the work item
 * @CallMgrPartyContext: the party (LOOP_PARTY)
 * @CloseData: data to send with the drop, or NULL
 * @Size: bytes of the close data
 *
 * Context: any (<= DISPATCH_LEVEL).
 * Return: NDIS_STATUS_PENDING, NDIS_STATUS_INVALID_DATA (close data) or NDIS_STATUS_FAILURE
 *	(adapter halting).
 */
NDIS_STATUS LoopCmDropParty(NDIS_HANDLE CallMgrPartyContext, PVOID CloseData, UINT Size)
{
	PLOOP_PARTY party = CallMgrPartyContext;
	LOOP_PARTY_STATE was;

	if (CloseData && Size)
		return NDIS_STATUS_INVALID_DATA;	/* the medium carries no close data */
	NdisAcquireSpinLock(&Loop.Lock);
	was = party->State;
	party->State = LoopPartyDropping;
	NdisReleaseSpinLock(&Loop.Lock);
	if (!LoopQueue(party->Root->Af->Adapter, &party->Req, LoopReqDropParty, party)) {
		NdisAcquireSpinLock(&Loop.Lock);
		party->State = was;
		NdisReleaseSpinLock(&Loop.Lock);
		return NDIS_STATUS_FAILURE;
	}
	return NDIS_STATUS_PENDING;
}

/*
 * Work item: drop a party: its leaf (unless it left first) hears of it as
 * an incoming close, then the drop completes and the party is freed.
 */
void LoopDoDropParty(PLOOP_PARTY Party)
{
	NDIS_HANDLE leaf = NULL;
	ULONG leafId = 0;

	NdisAcquireSpinLock(&Loop.Lock);
	if (Party->Leaf) {
		leaf = Party->Leaf->NdisVcHandle;
		leafId = Party->Leaf->Id;
		Party->Leaf->Party = NULL;
		Party->Leaf = NULL;
	}
	RemoveEntryList(&Party->Link);
	NdisReleaseSpinLock(&Loop.Lock);
	LoopLog("drop_party party=%u leaf_vc=%u", Party->Id, leafId);
	if (leaf)
		NdisMCmDispatchIncomingCloseCall(NDIS_STATUS_SUCCESS, leaf, NULL, 0);
	LoopLog("drop_party_complete party=%u", Party->Id);
	NdisMCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle);
	LoopFree(Party);
}

/* ---- QoS changes ------------------------------------------------------------------------ */

/* Whether a FLOWSPEC fits the medium (NDISLOOP_MAX_RATE). */
static BOOLEAN LoopFlowFits(PFLOWSPEC Flow)
{
	return (Flow->TokenRate == QOS_NOT_SPECIFIED || Flow->TokenRate <= NDISLOOP_MAX_RATE) &&
	       (Flow->PeakBandwidth == QOS_NOT_SPECIFIED ||
		Flow->PeakBandwidth <= NDISLOOP_MAX_RATE);
}

/**
 * LoopCmModifyCallQoS() - ProtocolCmModifyCallQoS: a client asks for new QoS; done on the work
 *	item of the other end's adapter (which also closes that end: the two cannot cross)
 * @CallMgrVcContext: the VC (LOOP_VC)
 * @CallParameters: the QoS wanted
 *
 * Context: any (<= DISPATCH_LEVEL).
 * Return: NDIS_STATUS_PENDING, NDIS_STATUS_INVALID_DATA (no call-manager parameters),
 *	NDIS_STATUS_NOT_SUPPORTED (a multipoint call) or NDIS_STATUS_FAILURE (no connected
 *	call, or a change in progress, or the adapter halting).
 */
NDIS_STATUS LoopCmModifyCallQoS(NDIS_HANDLE CallMgrVcContext,
				PCO_CALL_PARAMETERS CallParameters)
{
	PLOOP_VC vc = CallMgrVcContext;
	PLOOP_ADAPTER adapter = NULL;
	NDIS_STATUS status = NDIS_STATUS_FAILURE;

	if (!CallParameters->CallMgrParameters)
		return NDIS_STATUS_INVALID_DATA;
	NdisAcquireSpinLock(&Loop.Lock);
	if (vc->Multipoint || vc->Party) {
		status = NDIS_STATUS_NOT_SUPPORTED;
	} else if (vc->State == LoopVcConnected && vc->Peer && !vc->Modify) {
		vc->Modify = CallParameters;
		adapter = vc->Peer->Af->Adapter;
	}
	NdisReleaseSpinLock(&Loop.Lock);
	if (!adapter)
		return status;
	if (!LoopQueue(adapter, &vc->QosReq, LoopReqModifyQos, vc)) {
		NdisAcquireSpinLock(&Loop.Lock);
		vc->Modify = NULL;
		NdisReleaseSpinLock(&Loop.Lock);
		return NDIS_STATUS_FAILURE;
	}
	return NDIS_STATUS_PENDING;
}

/* Parameters for one end of a call after a QoS change: @Want's flows, swapped for the other end. */
static PCO_CALL_PARAMETERS LoopQosParameters(PLOOP_VC Callee, PCO_CALL_PARAMETERS Want,
					     BOOLEAN Swap)
{
	PCO_CALL_MANAGER_PARAMETERS want = Want->CallMgrParameters;
	PCO_CALL_PARAMETERS cp;

	cp = LoopCopyParameters(&Callee->OwnParameters->CallMgrParameters->CallMgrSpecific);
	if (!cp)
		return NULL;
	cp->CallMgrParameters->Transmit = Swap ? want->Receive : want->Transmit;
	cp->CallMgrParameters->Receive = Swap ? want->Transmit : want->Receive;
	return cp;
}

/* Activate @Vc with its new @Params (ours); the ones it had are freed if ours. */
static void LoopRunning(PLOOP_VC Vc, PCO_CALL_PARAMETERS Params)
{
	PCO_CALL_PARAMETERS old;

	NdisAcquireSpinLock(&Loop.Lock);
	old = Vc->QosParameters;
	Vc->QosParameters = Params;
	Vc->Running = Params;
	Vc->TxRate = Params->CallMgrParameters->Transmit.TokenRate;
	Vc->QosChanges++;
	NdisReleaseSpinLock(&Loop.Lock);
	LoopFree(old);
}

/*
 * Work item: change a call's QoS: if the new flows fit the medium,
 * re-activate both ends with them, tell the other end
 * (NdisMCmDispatchIncomingCallQoSChange), then complete the change;
 * otherwise complete it with NDIS_STATUS_INCOMPATABLE_QOS, both ends
 * running as they were.
 */
void LoopDoModifyQos(PLOOP_VC Vc)
{
	PCO_CALL_PARAMETERS want, mine = NULL, theirs = NULL;
	NDIS_STATUS status = NDIS_STATUS_SUCCESS;
	PLOOP_VC peer;

	NdisAcquireSpinLock(&Loop.Lock);
	want = Vc->Modify;
	peer = Vc->State == LoopVcConnected ? Vc->Peer : NULL;
	NdisReleaseSpinLock(&Loop.Lock);

	if (!peer)
		status = NDIS_STATUS_FAILURE;	/* the other end has gone meanwhile */
	else if (!LoopFlowFits(&want->CallMgrParameters->Transmit) ||
		 !LoopFlowFits(&want->CallMgrParameters->Receive))
		status = NDIS_STATUS_INCOMPATABLE_QOS;
	if (status == NDIS_STATUS_SUCCESS) {
		PLOOP_VC callee = Vc->Ours ? Vc : peer;

		mine = LoopQosParameters(callee, want, FALSE);
		theirs = LoopQosParameters(callee, want, TRUE);
		if (!mine || !theirs)
			status = NDIS_STATUS_RESOURCES;
	}
	if (status == NDIS_STATUS_SUCCESS)
		status = NdisMCmActivateVc(Vc->NdisVcHandle, mine);
	if (status == NDIS_STATUS_SUCCESS) {
		status = NdisMCmActivateVc(peer->NdisVcHandle, theirs);
		if (status != NDIS_STATUS_SUCCESS)	/* back to what it ran with */
			NdisMCmActivateVc(Vc->NdisVcHandle, Vc->Running);
	}
	if (status == NDIS_STATUS_SUCCESS) {
		LoopRunning(Vc, mine);
		LoopRunning(peer, theirs);
		LoopLog("modify_qos vc=%u peer=%u tx_rate=%u", Vc->Id, peer->Id,
			mine->CallMgrParameters->Transmit.TokenRate);
		LoopLog("incoming_qos_change vc=%u", peer->Id);
		NdisMCmDispatchIncomingCallQoSChange(peer->NdisVcHandle, theirs);
	} else {
		LoopLog("modify_qos vc=%u refused status=0x%08x", Vc->Id, status);
		LoopFree(mine);
		LoopFree(theirs);
	}
	NdisAcquireSpinLock(&Loop.Lock);
	Vc->Modify = NULL;
	NdisReleaseSpinLock(&Loop.Lock);
	NdisMCmModifyCallQoSComplete(status, Vc->NdisVcHandle, want);
}
