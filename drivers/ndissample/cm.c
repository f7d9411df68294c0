// SPDX-License-Identifier: GPL-2.0
/*
 * A stand-alone call manager over plain CO miniports, written as a Windows
 * CoNDIS call manager is, against <ndis/ndis.h> only, for NDIS 6 (NDIS60:
 * ndiscm.ko) and NDIS 5.x (NDIS50: ndis5cm.ko).  See cm.h for what it does,
 * its objects and locking.  This file: DriverEntry, registration, bindings
 * and the work item; cm_call.c has the call-manager handlers.
 *
 * Three parts: the NDIS-version primitives (memory, the work item, opening
 * and closing an adapter, asking a client to close its AF), the bindings
 * both versions share, and the NDIS-version entry points (the protocol
 * handlers, registration and unload).
 */
#include "cm.h"

#ifdef NDIS60
static PROTOCOL_BIND_ADAPTER_EX CmBindAdapter;
static PROTOCOL_UNBIND_ADAPTER_EX CmUnbindAdapter;
static PROTOCOL_OID_REQUEST_COMPLETE CmOidRequestCompleteEx;
static PROTOCOL_CO_STATUS_EX CmCoStatus;
static PROTOCOL_CO_RECEIVE_NET_BUFFER_LISTS CmCoReceiveNetBufferLists;
static PROTOCOL_CO_SEND_NET_BUFFER_LISTS_COMPLETE CmCoSendNetBufferListsComplete;
static PROTOCOL_SET_OPTIONS CmSetOptions;
static NDIS_IO_WORKITEM_FUNCTION CmWorker;
static DRIVER_UNLOAD CmUnload;
#endif
static PROTOCOL_CO_AF_REGISTER_NOTIFY CmCoAfRegisterNotify;

CM_GLOBALS Cm;

/* The work item's loop: run the queued requests, one at a time, until none is left. */
static void CmRunRequests(void)
{
	PCM_REQ req;

	for (;;) {
		NdisAcquireSpinLock(&Cm.Lock);
		req = IsListEmpty(&Cm.Requests) ? NULL :
			CONTAINING_RECORD(RemoveHeadList(&Cm.Requests), CM_REQ, Link);
#ifndef NDIS60
		if (!req)
			Cm.WorkQueued = FALSE;	/* a request queued from now schedules it again */
#endif
		NdisReleaseSpinLock(&Cm.Lock);
		if (!req)
			return;
		if (req->Kind == CmReqMakeCall)
			CmDoMakeCall(req->Vc);
		else
			CmDoCloseCall(req->Vc);
	}
}

#ifdef NDIS60
/* ---- NDIS 6 primitives ---------------------------------------------------------------------- */

PVOID CmAlloc(ULONG Size)
{
	return NdisAllocateMemoryWithTagPriority(Cm.ProtocolHandle, Size, CM_TAG,
						 NormalPoolPriority);
}

void CmFree(PVOID Memory)
{
	if (Memory)
		NdisFreeMemoryWithTagPriority(Cm.ProtocolHandle, Memory, CM_TAG);
}

/**
 * CmWorker() - the work item: run the queued requests, one at a time
 * @WorkItemContext: unused
 * @NdisIoWorkItemHandle: the work item
 *
 * Context: process (PASSIVE_LEVEL).
 */
static void CmWorker(PVOID WorkItemContext, NDIS_HANDLE NdisIoWorkItemHandle)
{
	CmRunRequests();
}

/* Queue @Req for the work item; FALSE once the driver unloads. */
BOOLEAN CmQueue(PCM_REQ Req, CM_REQ_KIND Kind, PCM_VC Vc)
{
	BOOLEAN queued;

	Req->Kind = Kind;
	Req->Vc = Vc;
	NdisAcquireSpinLock(&Cm.Lock);
	queued = !!Cm.WorkItem;
	if (queued) {
		InsertTailList(&Cm.Requests, &Req->Link);
		NdisQueueIoWorkItem(Cm.WorkItem, CmWorker, NULL);
	}
	NdisReleaseSpinLock(&Cm.Lock);
	return queued;
}

/* Open the adapter @AdapterName for @Binding (NdisOpenAdapterEx, with NDIS's @BindContext). */
static NDIS_STATUS CmOpenAdapter(PCM_BINDING Binding, PNDIS_STRING AdapterName,
				 NDIS_HANDLE BindContext)
{
	NDIS_MEDIUM medium = NdisMediumAtm;
	NDIS_OPEN_PARAMETERS open;
	UINT selected;

	NdisZeroMemory(&open, sizeof(open));
	open.Header.Type = NDIS_OBJECT_TYPE_OPEN_PARAMETERS;
	open.Header.Revision = NDIS_OPEN_PARAMETERS_REVISION_1;
	open.Header.Size = sizeof(open);
	open.AdapterName = AdapterName;
	open.MediumArray = &medium;
	open.MediumArraySize = 1;
	open.SelectedMediumIndex = &selected;
	return NdisOpenAdapterEx(Cm.ProtocolHandle, Binding, &open, BindContext,
				 &Binding->BindingHandle);
}

static NDIS_STATUS CmCloseAdapter(PCM_BINDING Binding)
{
	return NdisCloseAdapterEx(Binding->BindingHandle);
}

/*
 * Ask the client of @Af (NDIS's @NdisAfHandle) to close it:
 * NdisCmNotifyCloseAddressFamily, completed by CmNotifyCloseAfComplete().
 */
static void CmAskToCloseAf(PCM_BINDING Binding, PCM_AF Af, NDIS_HANDLE NdisAfHandle)
{
	NDIS_STATUS status;

	status = NdisCmNotifyCloseAddressFamily(NdisAfHandle);
	CmLog("notify_close_af adapter=%s status=0x%08x", Binding->Name, status);
	if (status != NDIS_STATUS_PENDING)
		CmNotifyCloseAfComplete(Af, status);
}
#else
/* ---- NDIS 5.x primitives -------------------------------------------------------------------- */

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
	CmRunRequests();
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

/* Open the adapter @AdapterName for @Binding (NdisOpenAdapter; an NDIS 5 open needs no context). */
static NDIS_STATUS CmOpenAdapter(PCM_BINDING Binding, PNDIS_STRING AdapterName,
				 NDIS_HANDLE BindContext)
{
	NDIS_MEDIUM medium = NdisMediumAtm;
	NDIS_STATUS status, openError;
	UINT selected;

	NdisOpenAdapter(&status, &openError, &Binding->BindingHandle, &selected, &medium, 1,
			Cm.ProtocolHandle, Binding, AdapterName, 0, NULL);
	return status;
}

static NDIS_STATUS CmCloseAdapter(PCM_BINDING Binding)
{
	NDIS_STATUS status;

	NdisCloseAdapter(&status, Binding->BindingHandle);
	return status;
}

/* The call-manager handlers of our AF (cm_call.c), the same on every binding. */
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

/*
 * Ask the client of the AF (NDIS's @NdisAfHandle) to close it:
 * NdisCoRequest(OID_CO_AF_CLOSE).  The client may close the AF, and we
 * free it, inside the request: @Af is not touched.
 */
static void CmAskToCloseAf(PCM_BINDING Binding, PCM_AF Af, NDIS_HANDLE NdisAfHandle)
{
	NDIS_REQUEST req;
	NDIS_STATUS status;

	NdisZeroMemory(&req, sizeof(req));
	req.RequestType = NdisRequestSetInformation;
	req.DATA.SET_INFORMATION.Oid = OID_CO_AF_CLOSE;
	status = NdisCoRequest(Binding->BindingHandle, NdisAfHandle, NULL, NULL, &req);
	CmLog("af_close adapter=%s status=0x%08x", Binding->Name, status);
}
#endif

/* ---- bindings ----------------------------------------------------------------------------- */

/* Ask the adapter whether it is a plain port (CM_OID_PORT_MODE); FALSE for anything else. */
static BOOLEAN CmPlainPort(PCM_BINDING Binding)
{
#ifdef NDIS60
	NDIS_OID_REQUEST req;
#else
	NDIS_REQUEST req;
#endif
	ULONG mode = ~0U;
	NDIS_STATUS status;

	NdisZeroMemory(&req, sizeof(req));
	req.RequestType = NdisRequestQueryInformation;
	req.DATA.QUERY_INFORMATION.Oid = CM_OID_PORT_MODE;
	req.DATA.QUERY_INFORMATION.InformationBuffer = &mode;
	req.DATA.QUERY_INFORMATION.InformationBufferLength = sizeof(mode);
	NdisInitializeEvent(&Binding->OidDone);
#ifdef NDIS60
	req.Header.Type = NDIS_OBJECT_TYPE_OID_REQUEST;
	req.Header.Revision = NDIS_OID_REQUEST_REVISION_1;
	req.Header.Size = NDIS_SIZEOF_OID_REQUEST_REVISION_1;
	status = NdisOidRequest(Binding->BindingHandle, &req);
#else
	status = NdisCoRequest(Binding->BindingHandle, NULL, NULL, NULL, &req);
#endif
	if (status == NDIS_STATUS_PENDING) {
		/* The request is on our stack: wait for it whatever it takes. */
		NdisWaitEvent(&Binding->OidDone, 0);
		status = Binding->OidStatus;
	}
	CmLog("mode adapter=%s status=0x%08x mode=%u", Binding->Name, status, mode);
	return status == NDIS_STATUS_SUCCESS && mode == CM_MODE_PLAIN;
}

/* The mode query pended and is done: see CmPlainPort(). */
static void CmPlainPortDone(PCM_BINDING Binding, NDIS_STATUS Status)
{
	Binding->OidStatus = Status;
	NdisSetEvent(&Binding->OidDone);
}

/**
 * CmBind() - bind to a plain port and register the AF on it (ProtocolBindAdapter[Ex])
 * @AdapterName: the adapter to bind to
 * @BindContext: what NdisOpenAdapterEx needs (NDIS 5.x: unused)
 *
 * Context: process (PASSIVE_LEVEL).
 * Return: NDIS_STATUS_SUCCESS, NDIS_STATUS_NOT_SUPPORTED (not a plain port) or why not.
 */
static NDIS_STATUS CmBind(PNDIS_STRING AdapterName, NDIS_HANDLE BindContext)
{
	CO_ADDRESS_FAMILY af;
	NDIS_STATUS status;
	PCM_BINDING b;

	b = CmAlloc(sizeof(*b));
	if (!b)
		return NDIS_STATUS_RESOURCES;
	ndis_string_to_ascii(AdapterName, b->Name, sizeof(b->Name));
	InitializeListHead(&b->Afs);
	status = CmOpenAdapter(b, AdapterName, BindContext);
	if (status != NDIS_STATUS_SUCCESS)
		goto err_free;
	status = NDIS_STATUS_NOT_SUPPORTED;
	if (!CmPlainPort(b))
		goto err_close;
	NdisAcquireSpinLock(&Cm.Lock);
	InsertTailList(&Cm.Bindings, &b->Link);
	NdisReleaseSpinLock(&Cm.Lock);
	af.AddressFamily = CM_AF_FAMILY;
	af.MajorVersion = CM_AF_MAJOR;
	af.MinorVersion = CM_AF_MINOR;
#ifdef NDIS60
	status = NdisCmRegisterAddressFamilyEx(b->BindingHandle, &af);
#else
	status = NdisCmRegisterAddressFamily(b->BindingHandle, &af, &CmChars, sizeof(CmChars));
#endif
	CmLog("bind adapter=%s register_af=0x%08x", b->Name, status);
	if (status == NDIS_STATUS_SUCCESS)
		return NDIS_STATUS_SUCCESS;
	NdisAcquireSpinLock(&Cm.Lock);
	RemoveEntryList(&b->Link);
	NdisReleaseSpinLock(&Cm.Lock);
err_close:
	CmCloseAdapter(b);
err_free:
	CmFree(b);
	return status;
}

/* The next AF of @Binding to ask to close, marked asked; NULL if none is left. */
static PCM_AF CmNextAfToAsk(PCM_BINDING Binding)
{
	PLIST_ENTRY e;

	for (e = Binding->Afs.Flink; e != &Binding->Afs; e = e->Flink) {
		PCM_AF af = CONTAINING_RECORD(e, CM_AF, Link);

#ifdef NDIS60
		if (!af->NotifyPending && !af->Closed) {
			af->NotifyPending = TRUE;	/* keeps it until the completion */
			return af;
		}
#else
		if (!af->Asked) {
			af->Asked = TRUE;
			return af;
		}
#endif
	}
	return NULL;
}

/**
 * CmUnbind() - ask the clients to close their AFs on the binding, wait until they have, then
 *	close the binding (ProtocolUnbindAdapter[Ex])
 * @b: the binding
 *
 * As NDIS has a call manager leave: NdisCmNotifyCloseAddressFamily (NDIS
 * 5.x: NdisCoRequest(OID_CO_AF_CLOSE)) on each AF; each client tears its
 * AF down (its calls, which the work item closes meanwhile, and its SAPs)
 * and closes it before the CM closes the binding, which NDIS refuses
 * while an AF is open.
 *
 * Context: process (PASSIVE_LEVEL); sleeps up to CM_WAIT_MS.
 */
static void CmUnbind(PCM_BINDING b)
{
	NDIS_HANDLE afHandle;
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
		CmAskToCloseAf(b, af, afHandle);
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
	status = CmCloseAdapter(b);
	CmLog("unbound adapter=%s close=0x%08x afs_left=%d", b->Name, status, !empty);
	NdisAcquireSpinLock(&Cm.Lock);
	RemoveEntryList(&b->Link);
	NdisReleaseSpinLock(&Cm.Lock);
	/* An AF a client would not close is NDIS's to end now: it may still call us on it. */
	if (empty)
		CmFree(b);
}

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

#ifdef NDIS60
/* ---- NDIS 6 protocol handlers and registration ---------------------------------------------- */

/**
 * CmOidRequestCompleteEx() - ProtocolOidRequestComplete: the mode query pended and is done
 * @ProtocolBindingContext: the binding (CM_BINDING)
 * @OidRequest: the request
 * @Status: its result
 *
 * Context: any (<= DISPATCH_LEVEL).
 */
static void CmOidRequestCompleteEx(NDIS_HANDLE ProtocolBindingContext,
				   PNDIS_OID_REQUEST OidRequest, NDIS_STATUS Status)
{
	CmPlainPortDone(ProtocolBindingContext, Status);
}

/**
 * CmBindAdapter() - ProtocolBindAdapterEx: bind to a plain port and register the AF on it
 * @ProtocolDriverContext: unused
 * @BindContext: what NdisOpenAdapterEx needs
 * @BindParameters: the adapter to bind to
 *
 * Context: process (PASSIVE_LEVEL).
 * Return: NDIS_STATUS_SUCCESS, NDIS_STATUS_NOT_SUPPORTED (not a plain port) or why not.
 */
static NDIS_STATUS CmBindAdapter(NDIS_HANDLE ProtocolDriverContext, NDIS_HANDLE BindContext,
				 PNDIS_BIND_PARAMETERS BindParameters)
{
	return CmBind(BindParameters->AdapterName, BindContext);
}

/**
 * CmUnbindAdapter() - ProtocolUnbindAdapterEx: close the AFs on the binding, then the binding
 *	(CmUnbind())
 * @UnbindContext: unused (answered at once)
 * @ProtocolBindingContext: the binding (CM_BINDING)
 *
 * Context: process (PASSIVE_LEVEL); sleeps up to CM_WAIT_MS.
 * Return: NDIS_STATUS_SUCCESS.
 */
static NDIS_STATUS CmUnbindAdapter(NDIS_HANDLE UnbindContext, NDIS_HANDLE ProtocolBindingContext)
{
	CmUnbind(ProtocolBindingContext);
	return NDIS_STATUS_SUCCESS;
}

/**
 * CmCoStatus() - ProtocolCoStatusEx: log the indication
 * @ProtocolBindingContext: the binding (CM_BINDING)
 * @ProtocolVcContext: the VC (CM_VC), or NULL
 * @StatusIndication: the indication
 *
 * Context: any (<= DISPATCH_LEVEL).
 */
static void CmCoStatus(NDIS_HANDLE ProtocolBindingContext, NDIS_HANDLE ProtocolVcContext,
		       PNDIS_STATUS_INDICATION StatusIndication)
{
	PCM_BINDING b = ProtocolBindingContext;

	CmLog("status adapter=%s code=0x%08x", b->Name, StatusIndication->StatusCode);
}

/**
 * CmCoReceiveNetBufferLists() - ProtocolCoReceiveNetBufferLists: never called (no VC of ours
 *	carries data to us); returned at once
 * @ProtocolBindingContext: the binding (CM_BINDING)
 * @ProtocolVcContext: the VC (CM_VC)
 * @NetBufferLists: the NBL chain
 * @NumberOfNetBufferLists: how many NBLs
 * @ReceiveFlags: NDIS_RECEIVE_FLAGS_xxx
 *
 * Context: any (<= DISPATCH_LEVEL).
 */
static void CmCoReceiveNetBufferLists(NDIS_HANDLE ProtocolBindingContext,
				      NDIS_HANDLE ProtocolVcContext,
				      PNET_BUFFER_LIST NetBufferLists,
				      ULONG NumberOfNetBufferLists, ULONG ReceiveFlags)
{
	PCM_BINDING b = ProtocolBindingContext;

	if (!(ReceiveFlags & NDIS_RECEIVE_FLAGS_RESOURCES))
		NdisReturnNetBufferLists(b->BindingHandle, NetBufferLists, 0);
}

/**
 * CmCoSendNetBufferListsComplete() - ProtocolCoSendNetBufferListsComplete: never called (we
 *	send nothing)
 * @ProtocolVcContext: the VC (CM_VC)
 * @NetBufferLists: the NBL chain
 * @SendCompleteFlags: NDIS_SEND_COMPLETE_FLAGS_xxx
 *
 * Context: any (<= DISPATCH_LEVEL).
 */
static void CmCoSendNetBufferListsComplete(NDIS_HANDLE ProtocolVcContext,
					   PNET_BUFFER_LIST NetBufferLists, ULONG SendCompleteFlags)
{
}

/**
 * CmSetOptions() - ProtocolSetOptions: register the CoNDIS protocol and call-manager tables
 * @NdisDriverHandle: our driver handle
 * @DriverContext: unused
 *
 * Context: process (PASSIVE_LEVEL), inside NdisRegisterProtocolDriver().
 * Return: the status of NdisSetOptionalHandlers().
 */
static NDIS_STATUS CmSetOptions(NDIS_HANDLE NdisDriverHandle, NDIS_HANDLE DriverContext)
{
	NDIS_DRIVER_OPTIONAL_HANDLERS handlers;
	PNDIS_PROTOCOL_CO_CHARACTERISTICS co = &handlers.ProtocolCoCharacteristics;
	PNDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS cm = &handlers.CallManagerChars;
	NDIS_STATUS status;

	NdisZeroMemory(&handlers, sizeof(handlers));
	co->Header.Type = NDIS_OBJECT_TYPE_CO_PROTOCOL_CHARACTERISTICS;
	co->Header.Revision = NDIS_PROTOCOL_CO_CHARACTERISTICS_REVISION_1;
	co->Header.Size = NDIS_SIZEOF_PROTOCOL_CO_CHARACTERISTICS_REVISION_1;
	co->CoStatusHandlerEx = CmCoStatus;
	co->CoAfRegisterNotifyHandler = CmCoAfRegisterNotify;
	co->CoReceiveNetBufferListsHandler = CmCoReceiveNetBufferLists;
	co->CoSendNetBufferListsCompleteHandler = CmCoSendNetBufferListsComplete;
	status = NdisSetOptionalHandlers(NdisDriverHandle, &handlers);
	if (status != NDIS_STATUS_SUCCESS)
		return status;

	NdisZeroMemory(&handlers, sizeof(handlers));
	cm->Header.Type = NDIS_OBJECT_TYPE_CO_CALL_MANAGER_OPTIONAL_HANDLERS;
	cm->Header.Revision = NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS_REVISION_1;
	cm->Header.Size = NDIS_SIZEOF_CO_CALL_MANAGER_OPTIONAL_HANDLERS_REVISION_1;
	cm->CmCreateVcHandler = CmCreateVc;
	cm->CmDeleteVcHandler = CmDeleteVc;
	cm->CmOpenAfHandler = CmOpenAf;
	cm->CmCloseAfHandler = CmCloseAf;
	cm->CmRegisterSapHandler = CmRegisterSap;
	cm->CmDeregisterSapHandler = CmDeregisterSap;
	cm->CmMakeCallHandler = CmMakeCall;
	cm->CmCloseCallHandler = CmCloseCall;
	cm->CmIncomingCallCompleteHandler = CmIncomingCallComplete;
	cm->CmAddPartyHandler = CmAddParty;
	cm->CmDropPartyHandler = CmDropParty;
	cm->CmActivateVcCompleteHandler = CmActivateVcComplete;
	cm->CmDeactivateVcCompleteHandler = CmDeactivateVcComplete;
	cm->CmModifyCallQoSHandler = CmModifyCallQoS;
	cm->CmOidRequestHandler = CmOidRequest;
	cm->CmOidRequestCompleteHandler = CmOidRequestComplete;
	cm->CmNotifyCloseAfCompleteHandler = CmNotifyCloseAfComplete;
	return NdisSetOptionalHandlers(NdisDriverHandle, &handlers);
}

/**
 * CmUnload() - DriverUnload: deregister the protocol (it unbinds everywhere), then free the
 *	work item (waiting for it)
 * @DriverObject: our driver object
 *
 * Context: process (module exit).
 */
static void CmUnload(PDRIVER_OBJECT DriverObject)
{
	NDIS_HANDLE work;

	NdisDeregisterProtocolDriver(Cm.ProtocolHandle);
	NdisAcquireSpinLock(&Cm.Lock);
	work = Cm.WorkItem;
	Cm.WorkItem = NULL;
	NdisReleaseSpinLock(&Cm.Lock);
	NdisFreeIoWorkItem(work);
	NdisFreeSpinLock(&Cm.Lock);
}

/**
 * CmDriverEntry() - DriverEntry: register the protocol (it binds at once)
 * @DriverObject: the driver object
 * @RegistryPath: unused
 *
 * Context: process (module init).
 * Return: the status of NdisRegisterProtocolDriver(), or NDIS_STATUS_RESOURCES.
 */
NTSTATUS CmDriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
	NDIS_PROTOCOL_DRIVER_CHARACTERISTICS pc;
	NDIS_STRING name = NDIS_STRING_CONST("ndiscm");
	NDIS_STATUS status;

	NdisAllocateSpinLock(&Cm.Lock);
	InitializeListHead(&Cm.Bindings);
	InitializeListHead(&Cm.Vcs);
	InitializeListHead(&Cm.Requests);

	NdisZeroMemory(&pc, sizeof(pc));
	pc.Header.Type = NDIS_OBJECT_TYPE_PROTOCOL_DRIVER_CHARACTERISTICS;
	pc.Header.Revision = NDIS_PROTOCOL_DRIVER_CHARACTERISTICS_REVISION_1;
	pc.Header.Size = NDIS_SIZEOF_PROTOCOL_DRIVER_CHARACTERISTICS_REVISION_1;
	pc.MajorNdisVersion = 6;
	pc.MinorNdisVersion = 0;
	pc.MajorDriverVersion = 1;
	pc.MinorDriverVersion = 0;
	pc.Name = name;
	pc.SetOptionsHandler = CmSetOptions;
	pc.BindAdapterHandlerEx = CmBindAdapter;
	pc.UnbindAdapterHandlerEx = CmUnbindAdapter;
	pc.OidRequestCompleteHandler = CmOidRequestCompleteEx;
	/* Clients place calls only once bound and told of the AF: none before the work item. */
	status = NdisRegisterProtocolDriver(NULL, &pc, &Cm.ProtocolHandle);
	if (status != NDIS_STATUS_SUCCESS) {
		NdisFreeSpinLock(&Cm.Lock);
		return status;
	}
	Cm.WorkItem = NdisAllocateIoWorkItem(Cm.ProtocolHandle);
	if (!Cm.WorkItem) {
		NdisDeregisterProtocolDriver(Cm.ProtocolHandle);
		NdisFreeSpinLock(&Cm.Lock);
		return NDIS_STATUS_RESOURCES;
	}
	DriverObject->DriverUnload = CmUnload;
	return NDIS_STATUS_SUCCESS;
}
#else
/* ---- NDIS 5.x protocol handlers and registration -------------------------------------------- */

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
	CmPlainPortDone(ProtocolBindingContext, Status);
}

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
	*Status = CmBind(DeviceName, BindContext);
}

/**
 * CmUnbindAdapter() - ProtocolUnbindAdapter: close the AFs on the binding, then the binding
 *	(CmUnbind())
 * @Status: set to NDIS_STATUS_SUCCESS
 * @ProtocolBindingContext: the binding (CM_BINDING)
 * @UnbindContext: unused (answered at once)
 *
 * Context: process (PASSIVE_LEVEL); sleeps up to CM_WAIT_MS.
 */
static void CmUnbindAdapter(PNDIS_STATUS Status, NDIS_HANDLE ProtocolBindingContext,
			    NDIS_HANDLE UnbindContext)
{
	CmUnbind(ProtocolBindingContext);
	*Status = NDIS_STATUS_SUCCESS;
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
#endif
