// SPDX-License-Identifier: GPL-2.0
/*
 * ndis5cm: an NDIS 5.x stand-alone call manager over plain CO miniports,
 * written as an NDIS 5.x CoNDIS call manager is, against <ndis/ndis.h>
 * only.  See cm5.h for what it does, its objects and locking.  This file:
 * DriverEntry, registration, bindings and the work item; cm5_call.c has
 * the call-manager handlers.
 */
#include "cm5.h"

CM_GLOBALS Cm;

PVOID CmAlloc(ULONG Size)
{
	NDIS_PHYSICAL_ADDRESS highest = { .QuadPart = -1 };
	PVOID p;

	if (NdisAllocateMemory(&p, Size, 0, highest) != NDIS_STATUS_SUCCESS)
		return NULL;
	return p;
}

void CmFree(PVOID Memory)
{
	if (Memory)
		NdisFreeMemory(Memory, 0, 0);
}

/**
 * CmWorker() - the work item: run the queued requests, one at a time
 * @WorkItem: Cm.WorkItem
 * @Context: unused
 *
 * Context: process (PASSIVE_LEVEL).
 */
static void CmWorker(PNDIS_WORK_ITEM WorkItem, PVOID Context)
{
	PCM_REQ req;

	for (;;) {
		NdisAcquireSpinLock(&Cm.Lock);
		req = IsListEmpty(&Cm.Requests) ? NULL :
			CONTAINING_RECORD(RemoveHeadList(&Cm.Requests), CM_REQ, Link);
		if (!req)
			Cm.WorkQueued = FALSE;	/* a request queued from now schedules it again */
		NdisReleaseSpinLock(&Cm.Lock);
		if (!req)
			return;
		if (req->Kind == CmReqMakeCall)
			CmDoMakeCall(req->Vc);
		else
			CmDoCloseCall(req->Vc);
	}
}

/* Queue @Req for the work item; FALSE once the driver unloads. */
BOOLEAN CmQueue(PCM_REQ Req, CM_REQ_KIND Kind, PCM_VC Vc)
{
	BOOLEAN queued, schedule = FALSE;

	Req->Kind = Kind;
	Req->Vc = Vc;
	NdisAcquireSpinLock(&Cm.Lock);
	queued = !Cm.Unloading;
	if (queued) {
		InsertTailList(&Cm.Requests, &Req->Link);
		schedule = !Cm.WorkQueued;
		Cm.WorkQueued = TRUE;
	}
	NdisReleaseSpinLock(&Cm.Lock);
	if (schedule)
		NdisScheduleWorkItem(&Cm.WorkItem);
	return queued;
}

/* ---- bindings ----------------------------------------------------------------------------- */

/* Ask the adapter whether it is a plain port (CM_OID_PORT_MODE); FALSE for anything else. */
static BOOLEAN CmPlainPort(PCM_BINDING Binding)
{
	NDIS_REQUEST req;
	ULONG mode = ~0U;
	NDIS_STATUS status;

	NdisZeroMemory(&req, sizeof(req));
	req.RequestType = NdisRequestQueryInformation;
	req.DATA.QUERY_INFORMATION.Oid = CM_OID_PORT_MODE;
	req.DATA.QUERY_INFORMATION.InformationBuffer = &mode;
	req.DATA.QUERY_INFORMATION.InformationBufferLength = sizeof(mode);
	NdisInitializeEvent(&Binding->OidDone);
	status = NdisCoRequest(Binding->BindingHandle, NULL, NULL, NULL, &req);
	if (status == NDIS_STATUS_PENDING) {
		/* The request is on our stack: wait for it whatever it takes. */
		NdisWaitEvent(&Binding->OidDone, 0);
		status = Binding->OidStatus;
	}
	CmLog("mode adapter=%s status=0x%08x mode=%u", Binding->Name, status, mode);
	return status == NDIS_STATUS_SUCCESS && mode == CM_MODE_PLAIN;
}

/**
 * CmRequestCompleteAdapter() - ProtocolRequestComplete: the mode query pended and is done
 * @ProtocolBindingContext: the binding (CM_BINDING)
 * @NdisRequest: the request
 * @Status: its result
 *
 * Context: any (<= DISPATCH_LEVEL).
 */
static void CmRequestCompleteAdapter(NDIS_HANDLE ProtocolBindingContext,
				     PNDIS_REQUEST NdisRequest, NDIS_STATUS Status)
{
	PCM_BINDING b = ProtocolBindingContext;

	b->OidStatus = Status;
	NdisSetEvent(&b->OidDone);
}

/* The call-manager handlers of our AF (cm5_call.c), the same on every binding. */
static NDIS_CALL_MANAGER_CHARACTERISTICS CmChars = {
	.MajorVersion = 5,
	.MinorVersion = 0,
	.CmCreateVcHandler = CmCreateVc,
	.CmDeleteVcHandler = CmDeleteVc,
	.CmOpenAfHandler = CmOpenAf,
	.CmCloseAfHandler = CmCloseAf,
	.CmRegisterSapHandler = CmRegisterSap,
	.CmDeregisterSapHandler = CmDeregisterSap,
	.CmMakeCallHandler = CmMakeCall,
	.CmCloseCallHandler = CmCloseCall,
	.CmIncomingCallCompleteHandler = CmIncomingCallComplete,
	.CmAddPartyHandler = CmAddParty,
	.CmDropPartyHandler = CmDropParty,
	.CmActivateVcCompleteHandler = CmActivateVcComplete,
	.CmDeactivateVcCompleteHandler = CmDeactivateVcComplete,
	.CmModifyCallQoSHandler = CmModifyCallQoS,
	.CmRequestHandler = CmRequest,
	.CmRequestCompleteHandler = CmRequestComplete,
};

/**
 * CmBindAdapter() - ProtocolBindAdapter: bind to a plain port and register the AF on it
 * @Status: set to NDIS_STATUS_SUCCESS, NDIS_STATUS_NOT_SUPPORTED (not a plain port) or why
 *	not
 * @BindContext: unused (we never pend)
 * @DeviceName: the adapter to bind to
 * @SystemSpecific1: unused
 * @SystemSpecific2: unused
 *
 * Context: process (PASSIVE_LEVEL).
 */
static void CmBindAdapter(PNDIS_STATUS Status, NDIS_HANDLE BindContext,
			  PNDIS_STRING DeviceName, PVOID SystemSpecific1, PVOID SystemSpecific2)
{
	NDIS_MEDIUM medium = NdisMediumAtm;
	NDIS_STATUS status, openError;
	CO_ADDRESS_FAMILY af;
	PCM_BINDING b;
	UINT selected;

	b = CmAlloc(sizeof(*b));
	if (!b) {
		*Status = NDIS_STATUS_RESOURCES;
		return;
	}
	ndis_string_to_ascii(DeviceName, b->Name, sizeof(b->Name));
	InitializeListHead(&b->Afs);
	NdisOpenAdapter(&status, &openError, &b->BindingHandle, &selected, &medium, 1,
			Cm.ProtocolHandle, b, DeviceName, 0, NULL);
	if (status != NDIS_STATUS_SUCCESS)
		goto err_free;
	status = NDIS_STATUS_NOT_SUPPORTED;
	if (!CmPlainPort(b))
		goto err_close;
	NdisAcquireSpinLock(&Cm.Lock);
	InsertTailList(&Cm.Bindings, &b->Link);
	NdisReleaseSpinLock(&Cm.Lock);
	af.AddressFamily = LOOP5_ADDRESS_FAMILY;
	af.MajorVersion = LOOP5_ADDRESS_FAMILY_MAJOR;
	af.MinorVersion = LOOP5_ADDRESS_FAMILY_MINOR;
	status = NdisCmRegisterAddressFamily(b->BindingHandle, &af, &CmChars, sizeof(CmChars));
	CmLog("bind adapter=%s register_af=0x%08x", b->Name, status);
	if (status == NDIS_STATUS_SUCCESS) {
		*Status = NDIS_STATUS_SUCCESS;
		return;
	}
	NdisAcquireSpinLock(&Cm.Lock);
	RemoveEntryList(&b->Link);
	NdisReleaseSpinLock(&Cm.Lock);
err_close:
	NdisCloseAdapter(&openError, b->BindingHandle);
err_free:
	CmFree(b);
	*Status = status;
}

/* The next AF of @Binding to ask to close, marked asked; NULL if none is left. */
static PCM_AF CmNextAfToAsk(PCM_BINDING Binding)
{
	PLIST_ENTRY e;

	for (e = Binding->Afs.Flink; e != &Binding->Afs; e = e->Flink) {
		PCM_AF af = CONTAINING_RECORD(e, CM_AF, Link);

		if (!af->Asked) {
			af->Asked = TRUE;
			return af;
		}
	}
	return NULL;
}

/**
 * CmUnbindAdapter() - ProtocolUnbindAdapter: ask the clients to close their AFs on the
 *	binding (OID_CO_AF_CLOSE), wait until they have, then close the binding
 * @Status: set to NDIS_STATUS_SUCCESS
 * @ProtocolBindingContext: the binding (CM_BINDING)
 * @UnbindContext: unused (answered at once)
 *
 * As an NDIS 5 call manager leaves: NdisCoRequest(OID_CO_AF_CLOSE) on
 * each AF; each client tears its AF down (its calls, which the work item
 * closes meanwhile, and its SAPs) and closes it (ProtocolCmCloseAf)
 * before the CM closes the binding, which NDIS refuses while an AF is
 * open.
 *
 * Context: process (PASSIVE_LEVEL); sleeps up to CM_WAIT_MS.
 */
static void CmUnbindAdapter(PNDIS_STATUS Status, NDIS_HANDLE ProtocolBindingContext,
			    NDIS_HANDLE UnbindContext)
{
	PCM_BINDING b = ProtocolBindingContext;
	NDIS_HANDLE afHandle;
	NDIS_REQUEST req;
	NDIS_STATUS status;
	ULONG waited = 0;
	BOOLEAN empty;
	PCM_AF af;

	CmLog("unbind adapter=%s", b->Name);
	for (;;) {
		NdisAcquireSpinLock(&Cm.Lock);
		af = CmNextAfToAsk(b);
		afHandle = af ? af->NdisAfHandle : NULL;
		NdisReleaseSpinLock(&Cm.Lock);
		if (!af)
			break;
		/* The AF may be closed (and freed) inside the request: not touched after. */
		NdisZeroMemory(&req, sizeof(req));
		req.RequestType = NdisRequestSetInformation;
		req.DATA.SET_INFORMATION.Oid = OID_CO_AF_CLOSE;
		status = NdisCoRequest(b->BindingHandle, afHandle, NULL, NULL, &req);
		CmLog("af_close adapter=%s status=0x%08x", b->Name, status);
	}
	for (;;) {
		NdisAcquireSpinLock(&Cm.Lock);
		empty = IsListEmpty(&b->Afs);
		NdisReleaseSpinLock(&Cm.Lock);
		if (empty || waited >= CM_WAIT_MS)
			break;
		NdisMSleep(10000);
		waited += 10;
	}
	NdisCloseAdapter(&status, b->BindingHandle);
	CmLog("unbound adapter=%s close=0x%08x afs_left=%d", b->Name, status, !empty);
	NdisAcquireSpinLock(&Cm.Lock);
	RemoveEntryList(&b->Link);
	NdisReleaseSpinLock(&Cm.Lock);
	/* An AF a client would not close is NDIS's to end now: it may still call us on it. */
	if (empty)
		CmFree(b);
	*Status = NDIS_STATUS_SUCCESS;
}

/* ---- protocol handlers a call manager has no use for ------------------------------------- */

/**
 * CmCoAfRegisterNotify() - ProtocolCoAfRegisterNotify: not for a call manager
 * @ProtocolBindingContext: the binding (CM_BINDING)
 * @AddressFamily: the address family
 *
 * Context: process.
 */
static void CmCoAfRegisterNotify(NDIS_HANDLE ProtocolBindingContext,
				 PCO_ADDRESS_FAMILY AddressFamily)
{
}

/**
 * CmCoStatus() - ProtocolCoStatus: log the indication
 * @ProtocolBindingContext: the binding (CM_BINDING)
 * @ProtocolVcContext: the VC (CM_VC), or NULL
 * @GeneralStatus: the status
 * @StatusBuffer: its data
 * @StatusBufferSize: bytes in @StatusBuffer
 *
 * Context: any (<= DISPATCH_LEVEL).
 */
static void CmCoStatus(NDIS_HANDLE ProtocolBindingContext, NDIS_HANDLE ProtocolVcContext,
		       NDIS_STATUS GeneralStatus, PVOID StatusBuffer, UINT StatusBufferSize)
{
	PCM_BINDING b = ProtocolBindingContext;

	CmLog("status adapter=%s code=0x%08x", b->Name, GeneralStatus);
}

/**
 * CmCoReceivePacket() - ProtocolCoReceivePacket: never called (no VC of ours carries data
 *	to us); nothing kept
 * @ProtocolBindingContext: the binding (CM_BINDING)
 * @ProtocolVcContext: the VC (CM_VC)
 * @Packet: the packet
 *
 * Context: any (<= DISPATCH_LEVEL).
 * Return: 0.
 */
static UINT CmCoReceivePacket(NDIS_HANDLE ProtocolBindingContext, NDIS_HANDLE ProtocolVcContext,
			      PNDIS_PACKET Packet)
{
	return 0;
}

/**
 * CmCoSendComplete() - ProtocolCoSendComplete: never called (we send nothing)
 * @Status: the result
 * @ProtocolVcContext: the VC (CM_VC)
 * @Packet: the packet
 *
 * Context: any (<= DISPATCH_LEVEL).
 */
static void CmCoSendComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolVcContext,
			     PNDIS_PACKET Packet)
{
}

/* ---- registration ----------------------------------------------------------------------- */

/**
 * CmUnload() - DriverUnload: deregister the protocol (it unbinds everywhere), then wait for
 *	the work item
 * @DriverObject: our driver object
 *
 * Context: process (module exit).
 */
static void CmUnload(PDRIVER_OBJECT DriverObject)
{
	NDIS_STATUS status;
	BOOLEAN busy;

	NdisDeregisterProtocol(&status, Cm.ProtocolHandle);
	NdisAcquireSpinLock(&Cm.Lock);
	Cm.Unloading = TRUE;
	NdisReleaseSpinLock(&Cm.Lock);
	/* An NDIS 5 driver waits for its own work item before it goes. */
	for (;;) {
		NdisAcquireSpinLock(&Cm.Lock);
		busy = Cm.WorkQueued;
		NdisReleaseSpinLock(&Cm.Lock);
		if (!busy)
			break;
		NdisMSleep(1000);
	}
	NdisFreeSpinLock(&Cm.Lock);
}

/**
 * CmDriverEntry() - DriverEntry: register the protocol (it binds at once)
 * @DriverObject: the driver object
 * @RegistryPath: unused
 *
 * Context: process (module init).
 * Return: the status of NdisRegisterProtocol().
 */
NTSTATUS CmDriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
	NDIS_PROTOCOL_CHARACTERISTICS pc;
	NDIS_STRING name = NDIS_STRING_CONST("ndis5cm");
	NDIS_STATUS status;

	NdisAllocateSpinLock(&Cm.Lock);
	InitializeListHead(&Cm.Bindings);
	InitializeListHead(&Cm.Vcs);
	InitializeListHead(&Cm.Requests);
	NdisInitializeWorkItem(&Cm.WorkItem, CmWorker, NULL);

	NdisZeroMemory(&pc, sizeof(pc));
	pc.MajorNdisVersion = 5;
	pc.MinorNdisVersion = 0;
	pc.Name = name;
	pc.BindAdapterHandler = CmBindAdapter;
	pc.UnbindAdapterHandler = CmUnbindAdapter;
	pc.RequestCompleteHandler = CmRequestCompleteAdapter;
	pc.CoSendCompleteHandler = CmCoSendComplete;
	pc.CoStatusHandler = CmCoStatus;
	pc.CoReceivePacketHandler = CmCoReceivePacket;
	pc.CoAfRegisterNotifyHandler = CmCoAfRegisterNotify;
	NdisRegisterProtocol(&status, &Cm.ProtocolHandle, &pc, sizeof(pc));
	if (status != NDIS_STATUS_SUCCESS) {
		NdisFreeSpinLock(&Cm.Lock);
		return status;
	}
	DriverObject->DriverUnload = CmUnload;
	return NDIS_STATUS_SUCCESS;
}
