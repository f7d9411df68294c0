// SPDX-License-Identifier: GPL-2.0
/*
 * The call manager's handlers (AFs, SAPs, VCs, calls) and the in-memory
 * signaling of the work item, the same for NDIS 6 and 5.x but for the AF's
 * close (NDIS 6's notify-close completion) and the request handlers at the
 * end.  See cm.h for the objects, locking and the two builds, cm.c for the
 * whole.
 */
#include "cm.h"

/* ---- address families and SAPs ---------------------------------------------------------- */

/**
 * CmOpenAf() - ProtocolCmOpenAf: a client opens the AF on one of our bindings
 * @CallMgrBindingContext: the binding (CM_BINDING)
 * @AddressFamily: the address family
 * @NdisAfHandle: NDIS's handle of the AF
 * @CallMgrAfContext: set to the AF (CM_AF)
 *
 * Context: any (<= DISPATCH_LEVEL).
 * Return: NDIS_STATUS_SUCCESS, NDIS_STATUS_INVALID_PARAMETER or NDIS_STATUS_RESOURCES.
 */
NDIS_STATUS CmOpenAf(NDIS_HANDLE CallMgrBindingContext, PCO_ADDRESS_FAMILY AddressFamily,
		     NDIS_HANDLE NdisAfHandle, PNDIS_HANDLE CallMgrAfContext)
{
	PCM_BINDING b = CallMgrBindingContext;
	PCM_AF af;

	if (AddressFamily->AddressFamily != CM_AF_FAMILY ||
	    AddressFamily->MajorVersion != CM_AF_MAJOR)
		return NDIS_STATUS_INVALID_PARAMETER;
	af = CmAlloc(sizeof(*af));
	if (!af)
		return NDIS_STATUS_RESOURCES;
	af->Binding = b;
	af->NdisAfHandle = NdisAfHandle;
	InitializeListHead(&af->Saps);
	NdisAcquireSpinLock(&Cm.Lock);
	InsertTailList(&b->Afs, &af->Link);
	NdisReleaseSpinLock(&Cm.Lock);
	*CallMgrAfContext = af;
	CmLog("open_af adapter=%s", b->Name);
	return NDIS_STATUS_SUCCESS;
}

/**
 * CmCloseAf() - ProtocolCmCloseAf: the client closes its AF (nothing is left on it), by
 *	itself or because our unbind asked it to
 * @CallMgrAfContext: the AF (CM_AF)
 *
 * Context: any (<= DISPATCH_LEVEL).
 * Return: NDIS_STATUS_SUCCESS.
 */
NDIS_STATUS CmCloseAf(NDIS_HANDLE CallMgrAfContext)
{
	PCM_AF af = CallMgrAfContext;
	BOOLEAN keep = FALSE;

	NdisAcquireSpinLock(&Cm.Lock);
#ifdef NDIS60
	keep = af->NotifyPending;	/* its completion still needs the context */
	if (keep)
		af->Closed = TRUE;
#endif
	if (!keep)
		RemoveEntryList(&af->Link);
	NdisReleaseSpinLock(&Cm.Lock);
	CmLog("close_af adapter=%s", af->Binding->Name);
	if (!keep)
		CmFree(af);
	return NDIS_STATUS_SUCCESS;
}

#ifdef NDIS60
/**
 * CmNotifyCloseAfComplete() - ProtocolCmNotifyCloseAfComplete: a client finished the
 *	notify-close of our unbind (CmUnbind())
 * @CallMgrAfContext: the AF (CM_AF)
 * @Status: the result
 *
 * Context: process.
 */
void CmNotifyCloseAfComplete(NDIS_HANDLE CallMgrAfContext, NDIS_STATUS Status)
{
	PCM_AF af = CallMgrAfContext;
	BOOLEAN closed;

	CmLog("notify_close_af_complete adapter=%s status=0x%08x", af->Binding->Name, Status);
	NdisAcquireSpinLock(&Cm.Lock);
	af->NotifyPending = FALSE;
	closed = af->Closed;
	if (closed)
		RemoveEntryList(&af->Link);
	NdisReleaseSpinLock(&Cm.Lock);
	if (closed)
		CmFree(af);
}
#endif

/**
 * CmRegisterSap() - ProtocolCmRegisterSap: a client registers a service name
 * @CallMgrAfContext: the AF (CM_AF)
 * @Sap: the SAP address
 * @NdisSapHandle: NDIS's handle of the SAP
 * @CallMgrSapContext: set to the SAP (CM_SAP)
 *
 * Context: any (<= DISPATCH_LEVEL).
 * Return: NDIS_STATUS_SUCCESS, NDIS_STATUS_INVALID_DATA or NDIS_STATUS_RESOURCES.
 */
NDIS_STATUS CmRegisterSap(NDIS_HANDLE CallMgrAfContext, PCO_SAP Sap, NDIS_HANDLE NdisSapHandle,
			  PNDIS_HANDLE CallMgrSapContext)
{
	PCM_AF af = CallMgrAfContext;
	PCM_SAP sap;

	if (Sap->SapType != CM_SAP_TYPE || !Sap->SapLength ||
	    Sap->SapLength > CM_NAME_MAX)
		return NDIS_STATUS_INVALID_DATA;
	sap = CmAlloc(sizeof(*sap));
	if (!sap)
		return NDIS_STATUS_RESOURCES;
	sap->Af = af;
	sap->NdisSapHandle = NdisSapHandle;
	sap->Len = Sap->SapLength;
	NdisMoveMemory(sap->Name, Sap->Sap, Sap->SapLength);
	NdisAcquireSpinLock(&Cm.Lock);
	InsertTailList(&af->Saps, &sap->Link);
	NdisReleaseSpinLock(&Cm.Lock);
	*CallMgrSapContext = sap;
	CmLog("register_sap sap=%s adapter=%s", sap->Name, af->Binding->Name);
	return NDIS_STATUS_SUCCESS;
}

/**
 * CmDeregisterSap() - ProtocolCmDeregisterSap: a client deregisters a SAP, at once
 * @CallMgrSapContext: the SAP (CM_SAP)
 *
 * Context: process.
 * Return: NDIS_STATUS_SUCCESS.
 */
NDIS_STATUS CmDeregisterSap(NDIS_HANDLE CallMgrSapContext)
{
	PCM_SAP sap = CallMgrSapContext;

	NdisAcquireSpinLock(&Cm.Lock);
	RemoveEntryList(&sap->Link);
	NdisReleaseSpinLock(&Cm.Lock);
	CmLog("deregister_sap sap=%s", sap->Name);
	CmFree(sap);
	return NDIS_STATUS_SUCCESS;
}

/* ---- VCs ----------------------------------------------------------------------------------- */

static PCM_VC CmNewVc(PCM_AF Af, BOOLEAN Ours)
{
	PCM_VC vc = CmAlloc(sizeof(*vc));

	if (!vc)
		return NULL;
	vc->Af = Af;
	vc->Ours = Ours;
	vc->State = CmVcIdle;
	NdisInitializeEvent(&vc->Event);
	NdisAcquireSpinLock(&Cm.Lock);
	vc->Id = ++Cm.NextVcId;
	InsertTailList(&Cm.Vcs, &vc->Link);
	NdisReleaseSpinLock(&Cm.Lock);
	return vc;
}

static void CmFreeVc(PCM_VC Vc)
{
	NdisAcquireSpinLock(&Cm.Lock);
	RemoveEntryList(&Vc->Link);
	NdisReleaseSpinLock(&Cm.Lock);
	CmFree(Vc->Params);
	CmFree(Vc);
}

/**
 * CmCreateVc() - ProtocolCoCreateVc: a client creates a VC for an outgoing call
 * @ProtocolAfContext: the AF (CM_AF)
 * @NdisVcHandle: NDIS's handle of the VC
 * @ProtocolVcContext: set to the VC (CM_VC)
 *
 * Context: any (<= DISPATCH_LEVEL).
 * Return: NDIS_STATUS_SUCCESS or NDIS_STATUS_RESOURCES.
 */
NDIS_STATUS CmCreateVc(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE NdisVcHandle,
		       PNDIS_HANDLE ProtocolVcContext)
{
	PCM_VC vc = CmNewVc(ProtocolAfContext, FALSE);

	if (!vc)
		return NDIS_STATUS_RESOURCES;
	vc->NdisVcHandle = NdisVcHandle;
	*ProtocolVcContext = vc;
	return NDIS_STATUS_SUCCESS;
}

/**
 * CmDeleteVc() - ProtocolCoDeleteVc: the client deletes its VC
 * @ProtocolVcContext: the VC (CM_VC)
 *
 * Context: any (<= DISPATCH_LEVEL).
 * Return: NDIS_STATUS_SUCCESS.
 */
NDIS_STATUS CmDeleteVc(NDIS_HANDLE ProtocolVcContext)
{
	CmFreeVc(ProtocolVcContext);
	return NDIS_STATUS_SUCCESS;
}

/**
 * CmActivateVcComplete() - ProtocolCmActivateVcComplete: the miniport finished an activation
 *	it pended; the work item waits for it
 * @Status: the result
 * @CallMgrVcContext: the VC (CM_VC)
 * @CallParameters: the parameters
 *
 * Context: any (<= DISPATCH_LEVEL).
 */
void CmActivateVcComplete(NDIS_STATUS Status, NDIS_HANDLE CallMgrVcContext,
			  PCO_CALL_PARAMETERS CallParameters)
{
	PCM_VC vc = CallMgrVcContext;

	vc->EventStatus = Status;
	NdisSetEvent(&vc->Event);
}

/**
 * CmDeactivateVcComplete() - ProtocolCmDeactivateVcComplete: the miniport finished a
 *	deactivation it pended; the work item waits for it
 * @Status: the result
 * @CallMgrVcContext: the VC (CM_VC)
 *
 * Context: any (<= DISPATCH_LEVEL).
 */
void CmDeactivateVcComplete(NDIS_STATUS Status, NDIS_HANDLE CallMgrVcContext)
{
	PCM_VC vc = CallMgrVcContext;

	vc->EventStatus = Status;
	NdisSetEvent(&vc->Event);
}

/* The result of an activation or deactivation, waiting for it if it pended. */
static NDIS_STATUS CmWaitVc(PCM_VC Vc, NDIS_STATUS Status)
{
	if (Status != NDIS_STATUS_PENDING)
		return Status;
	if (!NdisWaitEvent(&Vc->Event, CM_WAIT_MS))
		return NDIS_STATUS_FAILURE;
	return Vc->EventStatus;
}

/*
 * The parameters one end of a call is activated with (and an incoming
 * call offered with): the call's flows (swapped for the called end), the
 * called name, and ATM's media parameters with the call's VCI.
 */
static PCO_CALL_PARAMETERS CmBuildParams(PCO_CALL_PARAMETERS Call, BOOLEAN Called, ULONG Vci)
{
	PCO_CALL_MANAGER_PARAMETERS want = Call->CallMgrParameters, cm;
	PCO_SPECIFIC_PARAMETERS name = &want->CallMgrSpecific;
	PATM_MEDIA_PARAMETERS atm;
	PCO_MEDIA_PARAMETERS mp;
	PCO_CALL_PARAMETERS cp;
	ULONG cmSize = sizeof(*cm) + name->Length;

	cp = CmAlloc(sizeof(*cp) + ALIGN(cmSize, sizeof(PVOID)) + sizeof(*mp) + sizeof(*atm));
	if (!cp)
		return NULL;
	cm = (PCO_CALL_MANAGER_PARAMETERS)(cp + 1);
	mp = (PCO_MEDIA_PARAMETERS)((PUCHAR)cm + ALIGN(cmSize, sizeof(PVOID)));
	cm->Transmit = Called ? want->Receive : want->Transmit;
	cm->Receive = Called ? want->Transmit : want->Receive;
	cm->CallMgrSpecific.ParamType = CM_PARAM_CALLED;
	cm->CallMgrSpecific.Length = name->Length;
	NdisMoveMemory(cm->CallMgrSpecific.Parameters, name->Parameters, name->Length);
	mp->MediaSpecific.ParamType = ATM_MEDIA_SPECIFIC;
	mp->MediaSpecific.Length = sizeof(*atm);
	atm = (PATM_MEDIA_PARAMETERS)mp->MediaSpecific.Parameters;
	atm->ConnectionId.Vpi = 0;
	atm->ConnectionId.Vci = Vci;
	atm->AALType = AAL_TYPE_AAL5;
	cp->CallMgrParameters = cm;
	cp->MediaParameters = mp;
	return cp;
}

/* A channel no call uses, 0 if none is left; taken for both ends. */
static ULONG CmTakeVci(void)
{
	ULONG i, vci = 0;

	NdisAcquireSpinLock(&Cm.Lock);
	for (i = 0; i < CM_VCIS && !vci; i++) {
		if (!Cm.VciUsers[i]) {
			Cm.VciUsers[i] = 2;
			vci = CM_FIRST_VCI + i;
		}
	}
	NdisReleaseSpinLock(&Cm.Lock);
	return vci;
}

/* One end lets go of its channel; the channel is free once both have. */
static void CmPutVci(ULONG Vci)
{
	if (!Vci)
		return;
	NdisAcquireSpinLock(&Cm.Lock);
	Cm.VciUsers[Vci - CM_FIRST_VCI]--;
	NdisReleaseSpinLock(&Cm.Lock);
}

/* Deactivate an end and give back its channel. */
static void CmDeactivate(PCM_VC Vc)
{
	NDIS_STATUS status;
	ULONG vci;

	NdisResetEvent(&Vc->Event);
	status = CmWaitVc(Vc, NdisCmDeactivateVc(Vc->NdisVcHandle));
	if (status != NDIS_STATUS_SUCCESS)
		CmLog("deactivate vc=%u status=0x%08x", Vc->Id, status);
	NdisAcquireSpinLock(&Cm.Lock);
	vci = Vc->Vci;
	Vc->Vci = 0;
	NdisReleaseSpinLock(&Cm.Lock);
	CmPutVci(vci);
}

/* Activate an end on its channel. */
static NDIS_STATUS CmActivate(PCM_VC Vc, PCO_CALL_PARAMETERS Params, ULONG Vci)
{
	NDIS_STATUS status;

	NdisResetEvent(&Vc->Event);
	status = CmWaitVc(Vc, NdisCmActivateVc(Vc->NdisVcHandle, Params));
	if (status == NDIS_STATUS_SUCCESS) {
		NdisAcquireSpinLock(&Cm.Lock);
		Vc->Vci = Vci;
		NdisReleaseSpinLock(&Cm.Lock);
	}
	return status;
}

/* ---- calls ------------------------------------------------------------------------------- */

/* The called name of a call, or NULL if the parameters carry none. */
static PCO_SPECIFIC_PARAMETERS CmCalledName(PCO_CALL_PARAMETERS CallParameters)
{
	PCO_SPECIFIC_PARAMETERS sp;

	if (!CallParameters || !CallParameters->CallMgrParameters)
		return NULL;
	sp = &CallParameters->CallMgrParameters->CallMgrSpecific;
	if (sp->ParamType != CM_PARAM_CALLED || !sp->Length ||
	    sp->Length > CM_NAME_MAX)
		return NULL;
	return sp;
}

/**
 * CmMakeCall() - ProtocolCmMakeCall: a client calls a service name; set up on the work item
 * @CallMgrVcContext: the VC (CM_VC)
 * @CallParameters: the call parameters
 * @NdisPartyHandle: NULL (multipoint is refused)
 * @CallMgrPartyContext: set to NULL
 *
 * Context: any (<= DISPATCH_LEVEL).
 * Return: NDIS_STATUS_PENDING, NDIS_STATUS_NOT_SUPPORTED (multipoint),
 *	NDIS_STATUS_INVALID_DATA (no called name) or NDIS_STATUS_FAILURE (unloading).
 */
NDIS_STATUS CmMakeCall(NDIS_HANDLE CallMgrVcContext, PCO_CALL_PARAMETERS CallParameters,
		       NDIS_HANDLE NdisPartyHandle, PNDIS_HANDLE CallMgrPartyContext)
{
	PCM_VC vc = CallMgrVcContext;

	if (NdisPartyHandle)
		return NDIS_STATUS_NOT_SUPPORTED;	/* point to point only */
	if (!CmCalledName(CallParameters))
		return NDIS_STATUS_INVALID_DATA;
	if (CallMgrPartyContext)
		*CallMgrPartyContext = NULL;
	NdisAcquireSpinLock(&Cm.Lock);
	vc->State = CmVcCalling;
	vc->CallParameters = CallParameters;
	NdisReleaseSpinLock(&Cm.Lock);
	if (!CmQueue(&vc->Req, CmReqMakeCall, vc)) {
		vc->State = CmVcIdle;
		return NDIS_STATUS_FAILURE;
	}
	return NDIS_STATUS_PENDING;
}

/*
 * The SAP a call names, on a binding other than the caller's (the call's
 * two ends must be on the two ends of a wire); its handles are copied
 * out, since the SAP may go once the lock is dropped.  Under Cm.Lock.
 */
static BOOLEAN CmFindSap(PCM_BINDING Caller, PCO_SPECIFIC_PARAMETERS Called, PCM_AF *Af,
			 NDIS_HANDLE *SapHandle)
{
	PLIST_ENTRY e, f, s;

	for (e = Cm.Bindings.Flink; e != &Cm.Bindings; e = e->Flink) {
		PCM_BINDING b = CONTAINING_RECORD(e, CM_BINDING, Link);

		if (b == Caller)
			continue;
		for (f = b->Afs.Flink; f != &b->Afs; f = f->Flink) {
			PCM_AF af = CONTAINING_RECORD(f, CM_AF, Link);

			for (s = af->Saps.Flink; s != &af->Saps; s = s->Flink) {
				PCM_SAP sap = CONTAINING_RECORD(s, CM_SAP, Link);

				if (sap->Len == Called->Length &&
				    NdisEqualMemory(sap->Name, Called->Parameters, sap->Len)) {
					*Af = af;
					*SapHandle = sap->NdisSapHandle;
					return TRUE;
				}
			}
		}
	}
	return FALSE;
}

/* Delete a VC we created, once its call is over. */
static void CmDeleteOurVc(PCM_VC Vc)
{
	NDIS_STATUS status = NdisCoDeleteVc(Vc->NdisVcHandle);

	if (status != NDIS_STATUS_SUCCESS)
		CmLog("delete vc=%u status=0x%08x", Vc->Id, status);
	CmFreeVc(Vc);
}

/* Link the call's ends, log the offer and offer the call on the called SAP (NDIS's @SapHandle). */
static void CmOffer(PCM_VC Caller, PCM_VC Callee, NDIS_HANDLE SapHandle,
		    PCO_SPECIFIC_PARAMETERS Called)
{
	NDIS_STATUS status;

	NdisAcquireSpinLock(&Cm.Lock);
	Caller->Peer = Callee;
	Callee->Peer = Caller;
	Callee->State = CmVcOffered;
	NdisReleaseSpinLock(&Cm.Lock);
	CmLog("offer vc=%u to vc=%u adapter=%s vci=%u sap=%.*s", Caller->Id, Callee->Id,
	      Callee->Af->Binding->Name, Callee->Vci, (int)Called->Length, Called->Parameters);
	status = NdisCmDispatchIncomingCall(SapHandle, Callee->NdisVcHandle, Callee->Params);
	if (status != NDIS_STATUS_PENDING)
		CmIncomingCallComplete(status, Callee, Callee->Params);
}

/* The make-call of @Caller fails with @Status: its VC is idle again, the client is told. */
static void CmMakeCallFailed(PCM_VC Caller, NDIS_STATUS Status)
{
	PCO_CALL_PARAMETERS params = Caller->CallParameters;

	NdisAcquireSpinLock(&Cm.Lock);
	Caller->State = CmVcIdle;
	Caller->CallParameters = NULL;
	NdisReleaseSpinLock(&Cm.Lock);
	CmLog("make_call vc=%u failed status=0x%08x", Caller->Id, Status);
	NdisCmMakeCallComplete(Status, Caller->NdisVcHandle, NULL, NULL, params);
}

/*
 * Work item: the in-memory signaling of a make-call: find the called SAP
 * on another adapter, take a channel, create the called end's VC
 * (NdisCoCreateVc), activate both ends on the channel and offer the call;
 * the answer completes the make-call (CmIncomingCallComplete()).
 */
void CmDoMakeCall(PCM_VC Caller)
{
	PCO_CALL_PARAMETERS params = Caller->CallParameters;
	PCO_SPECIFIC_PARAMETERS called = CmCalledName(params);
	NDIS_HANDLE sapHandle;
	PCM_VC callee = NULL;
	NDIS_STATUS status;
	ULONG vci = 0;
	PCM_AF af;
	BOOLEAN found;

	NdisAcquireSpinLock(&Cm.Lock);
	found = CmFindSap(Caller->Af->Binding, called, &af, &sapHandle);
	NdisReleaseSpinLock(&Cm.Lock);
	status = NDIS_STATUS_INVALID_ADDRESS;
	if (!found)
		goto fail;
	status = NDIS_STATUS_RESOURCES;
	vci = CmTakeVci();
	if (!vci)
		goto fail;
	callee = CmNewVc(af, TRUE);
	if (!callee)
		goto fail;
	CmFree(Caller->Params);		/* a VC the client reuses */
	Caller->Params = CmBuildParams(params, FALSE, vci);
	callee->Params = CmBuildParams(params, TRUE, vci);
	if (!Caller->Params || !callee->Params)
		goto fail_free;
	status = NdisCoCreateVc(af->Binding->BindingHandle, af->NdisAfHandle, callee,
				&callee->NdisVcHandle);
	if (status != NDIS_STATUS_SUCCESS)
		goto fail_free;
	status = CmActivate(callee, callee->Params, vci);
	if (status != NDIS_STATUS_SUCCESS)
		goto fail_delete;
	vci = 0;	/* each end gives back its own use of the channel */
	status = CmActivate(Caller, Caller->Params, callee->Vci);
	if (status != NDIS_STATUS_SUCCESS) {
		CmPutVci(callee->Vci);	/* the caller's use */
		CmDeactivate(callee);
		goto fail_delete;
	}
	CmOffer(Caller, callee, sapHandle, called);
	return;

fail_delete:
	CmDeleteOurVc(callee);
	callee = NULL;
fail_free:
	if (callee)
		CmFreeVc(callee);
	CmFree(Caller->Params);
	Caller->Params = NULL;
fail:
	if (vci) {
		CmPutVci(vci);
		CmPutVci(vci);
	}
	CmMakeCallFailed(Caller, status);
}

/**
 * CmIncomingCallComplete() - ProtocolCmIncomingCallComplete: the called client's answer, which
 *	completes the make-call
 * @Status: the result
 * @CallMgrVcContext: the VC (CM_VC)
 * @CallParameters: the call parameters
 *
 * Context: process (condis's workqueue or our work item).
 */
void CmIncomingCallComplete(NDIS_STATUS Status, NDIS_HANDLE CallMgrVcContext,
			    PCO_CALL_PARAMETERS CallParameters)
{
	PCM_VC callee = CallMgrVcContext, caller;
	PCO_CALL_PARAMETERS params;
	NDIS_HANDLE callerHandle;

	NdisAcquireSpinLock(&Cm.Lock);
	caller = callee->Peer;
	if (!caller) {
		NdisReleaseSpinLock(&Cm.Lock);
		CmLog("incoming_call_complete vc=%u: no caller", callee->Id);
		return;
	}
	callerHandle = caller->NdisVcHandle;
	params = caller->CallParameters;
	caller->CallParameters = NULL;
	if (Status == NDIS_STATUS_SUCCESS) {
		callee->State = CmVcConnected;
		caller->State = CmVcConnected;
	} else {
		callee->Peer = NULL;
		caller->Peer = NULL;
		callee->State = CmVcIdle;
		caller->State = CmVcIdle;
	}
	NdisReleaseSpinLock(&Cm.Lock);

	CmLog("incoming_call_complete vc=%u status=0x%08x", callee->Id, Status);
	if (Status == NDIS_STATUS_SUCCESS) {
		NdisCmDispatchCallConnected(callee->NdisVcHandle);
		NdisCmMakeCallComplete(NDIS_STATUS_SUCCESS, callerHandle, NULL, NULL, params);
		return;
	}
	CmDeactivate(callee);
	CmDeleteOurVc(callee);
	CmDeactivate(caller);
	NdisCmMakeCallComplete(Status, callerHandle, NULL, NULL, params);
}

/**
 * CmCloseCall() - ProtocolCmCloseCall: a client closes a call; done on the work item
 * @CallMgrVcContext: the VC (CM_VC)
 * @CallMgrPartyContext: unused (no multipoint)
 * @CloseData: data to send with the close, or NULL
 * @Size: bytes of the close data
 *
 * Context: any (<= DISPATCH_LEVEL).
 * Return: NDIS_STATUS_PENDING, NDIS_STATUS_INVALID_DATA (close data) or NDIS_STATUS_FAILURE
 *	(unloading).
 */
NDIS_STATUS CmCloseCall(NDIS_HANDLE CallMgrVcContext, NDIS_HANDLE CallMgrPartyContext,
			PVOID CloseData, UINT Size)
{
	PCM_VC vc = CallMgrVcContext;

	if (CloseData && Size)
		return NDIS_STATUS_INVALID_DATA;
	if (!CmQueue(&vc->Req, CmReqCloseCall, vc))
		return NDIS_STATUS_FAILURE;
	return NDIS_STATUS_PENDING;
}

/* Work item: close one end: deactivate it, complete, tell the other end; delete it if ours. */
void CmDoCloseCall(PCM_VC Vc)
{
	NDIS_HANDLE handle = Vc->NdisVcHandle, peerHandle = NULL;
	BOOLEAN ours = Vc->Ours;
	ULONG id = Vc->Id;

	NdisAcquireSpinLock(&Cm.Lock);
	Vc->State = CmVcClosing;
	if (Vc->Peer) {
		peerHandle = Vc->Peer->NdisVcHandle;
		Vc->Peer->Peer = NULL;
		Vc->Peer = NULL;
	}
	NdisReleaseSpinLock(&Cm.Lock);
	CmDeactivate(Vc);
	NdisAcquireSpinLock(&Cm.Lock);
	Vc->State = CmVcIdle;
	NdisReleaseSpinLock(&Cm.Lock);
	CmLog("close_call vc=%u", id);
	NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, handle, NULL);
	if (peerHandle)
		NdisCmDispatchIncomingCloseCall(NDIS_STATUS_SUCCESS, peerHandle, NULL, 0);
	if (ours)
		CmDeleteOurVc(Vc);
}

/* ---- what a point-to-point call manager refuses ------------------------------------------- */

/**
 * CmAddParty() - ProtocolCmAddParty: no multipoint
 * @CallMgrVcContext: the VC (CM_VC)
 * @CallParameters: the call parameters
 * @NdisPartyHandle: NDIS's handle of the party
 * @CallMgrPartyContext: unused
 *
 * Context: any.
 * Return: NDIS_STATUS_NOT_SUPPORTED.
 */
NDIS_STATUS CmAddParty(NDIS_HANDLE CallMgrVcContext, PCO_CALL_PARAMETERS CallParameters,
		       NDIS_HANDLE NdisPartyHandle, PNDIS_HANDLE CallMgrPartyContext)
{
	return NDIS_STATUS_NOT_SUPPORTED;
}

/**
 * CmDropParty() - ProtocolCmDropParty: no multipoint
 * @CallMgrPartyContext: unused
 * @CloseData: data to send with the drop, or NULL
 * @Size: bytes of the close data
 *
 * Context: any.
 * Return: NDIS_STATUS_NOT_SUPPORTED.
 */
NDIS_STATUS CmDropParty(NDIS_HANDLE CallMgrPartyContext, PVOID CloseData, UINT Size)
{
	return NDIS_STATUS_NOT_SUPPORTED;
}

/**
 * CmModifyCallQoS() - ProtocolCmModifyCallQoS: no QoS changes
 * @CallMgrVcContext: the VC (CM_VC)
 * @CallParameters: the call parameters
 *
 * Context: any.
 * Return: NDIS_STATUS_NOT_SUPPORTED.
 */
NDIS_STATUS CmModifyCallQoS(NDIS_HANDLE CallMgrVcContext, PCO_CALL_PARAMETERS CallParameters)
{
	return NDIS_STATUS_NOT_SUPPORTED;
}

#ifdef NDIS60
/**
 * CmOidRequest() - ProtocolCoOidRequest: the call manager answers no OIDs
 * @ProtocolAfContext: the AF (CM_AF)
 * @ProtocolVcContext: the VC (CM_VC), or NULL
 * @ProtocolPartyContext: unused
 * @OidRequest: the request
 *
 * Context: any.
 * Return: NDIS_STATUS_NOT_SUPPORTED.
 */
NDIS_STATUS CmOidRequest(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE ProtocolVcContext,
			 NDIS_HANDLE ProtocolPartyContext, PNDIS_OID_REQUEST OidRequest)
{
	return NDIS_STATUS_NOT_SUPPORTED;
}

/**
 * CmOidRequestComplete() - ProtocolCoOidRequestComplete: never called (we send no OIDs on AFs)
 * @ProtocolAfContext: the AF (CM_AF)
 * @ProtocolVcContext: the VC (CM_VC)
 * @ProtocolPartyContext: unused
 * @OidRequest: the request
 * @Status: the result
 *
 * Context: process.
 */
void CmOidRequestComplete(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE ProtocolVcContext,
			  NDIS_HANDLE ProtocolPartyContext, PNDIS_OID_REQUEST OidRequest,
			  NDIS_STATUS Status)
{
}
#else
/**
 * CmRequest() - ProtocolCoRequest: the call manager answers no requests
 * @ProtocolAfContext: the AF (CM_AF)
 * @ProtocolVcContext: the VC (CM_VC), or NULL
 * @ProtocolPartyContext: unused
 * @NdisRequest: the request
 *
 * Context: any.
 * Return: NDIS_STATUS_NOT_SUPPORTED.
 */
NDIS_STATUS CmRequest(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE ProtocolVcContext,
		      NDIS_HANDLE ProtocolPartyContext, PNDIS_REQUEST NdisRequest)
{
	return NDIS_STATUS_NOT_SUPPORTED;
}

/**
 * CmRequestComplete() - ProtocolCoRequestComplete: never called (OID_CO_AF_CLOSE, the one
 *	request we send on an AF, does not pend)
 * @Status: the result
 * @ProtocolAfContext: the AF (CM_AF)
 * @ProtocolVcContext: the VC (CM_VC)
 * @ProtocolPartyContext: unused
 * @NdisRequest: the request
 *
 * Context: process.
 */
void CmRequestComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolAfContext,
		       NDIS_HANDLE ProtocolVcContext, NDIS_HANDLE ProtocolPartyContext,
		       PNDIS_REQUEST NdisRequest)
{
}
#endif
