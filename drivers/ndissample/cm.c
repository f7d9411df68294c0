// SPDX-License-Identifier: GPL-2.0
/*
 * ndiscm: an NDIS 6 stand-alone call manager over plain CO miniports,
 * written as a Windows CoNDIS call manager is, against <ndis/ndis.h> only.
 * See cm.h for what it does, its objects and locking.  This file:
 * DriverEntry, registration, bindings and the work item; cm_call.c has
 * the call-manager handlers.
 */
#include "cm.h"

static PROTOCOL_BIND_ADAPTER_EX CmBindAdapter;
static PROTOCOL_UNBIND_ADAPTER_EX CmUnbindAdapter;
static PROTOCOL_OID_REQUEST_COMPLETE CmOidRequestCompleteEx;
static PROTOCOL_CO_AF_REGISTER_NOTIFY CmCoAfRegisterNotify;
static PROTOCOL_CO_STATUS_EX CmCoStatus;
static PROTOCOL_CO_RECEIVE_NET_BUFFER_LISTS CmCoReceiveNetBufferLists;
static PROTOCOL_CO_SEND_NET_BUFFER_LISTS_COMPLETE CmCoSendNetBufferListsComplete;
static PROTOCOL_SET_OPTIONS CmSetOptions;
static NDIS_IO_WORKITEM_FUNCTION CmWorker;
static DRIVER_UNLOAD CmUnload;

CM_GLOBALS Cm;

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

/**
 * CmWorker() - the work item: run the queued requests, one at a time
 * @WorkItemContext: unused
 * @NdisIoWorkItemHandle: the work item
 *
 * Context: process (PASSIVE_LEVEL).
 */
static void CmWorker(PVOID WorkItemContext, NDIS_HANDLE NdisIoWorkItemHandle)
{
	PCM_REQ req;

	for (;;) {
		NdisAcquireSpinLock(&Cm.Lock);
		req = IsListEmpty(&Cm.Requests) ? NULL :
			CONTAINING_RECORD(RemoveHeadList(&Cm.Requests), CM_REQ, Link);
		NdisReleaseSpinLock(&Cm.Lock);
		if (!req)
			return;
		if (req->Kind == CmReqMakeCall)
			CmDoMakeCall(req->Vc);
		else
			CmDoCloseCall(req->Vc);
	}
}

/* ---- bindings ----------------------------------------------------------------------------- */

/* Ask the adapter whether it is a plain port (CM_OID_PORT_MODE); FALSE for anything else. */
static BOOLEAN CmPlainPort(PCM_BINDING Binding)
{
	NDIS_OID_REQUEST req;
	ULONG mode = ~0U;
	NDIS_STATUS status;

	NdisZeroMemory(&req, sizeof(req));
	req.Header.Type = NDIS_OBJECT_TYPE_OID_REQUEST;
	req.Header.Revision = NDIS_OID_REQUEST_REVISION_1;
	req.Header.Size = NDIS_SIZEOF_OID_REQUEST_REVISION_1;
	req.RequestType = NdisRequestQueryInformation;
	req.DATA.QUERY_INFORMATION.Oid = CM_OID_PORT_MODE;
	req.DATA.QUERY_INFORMATION.InformationBuffer = &mode;
	req.DATA.QUERY_INFORMATION.InformationBufferLength = sizeof(mode);
	NdisInitializeEvent(&Binding->OidDone);
	status = NdisOidRequest(Binding->BindingHandle, &req);
	if (status == NDIS_STATUS_PENDING) {
		/* The request is on our stack: wait for it whatever it takes. */
		NdisWaitEvent(&Binding->OidDone, 0);
		status = Binding->OidStatus;
	}
	CmLog("mode adapter=%s status=0x%08x mode=%u", Binding->Name, status, mode);
	return status == NDIS_STATUS_SUCCESS && mode == CM_MODE_PLAIN;
}

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
	PCM_BINDING b = ProtocolBindingContext;

	b->OidStatus = Status;
	NdisSetEvent(&b->OidDone);
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
	NDIS_MEDIUM medium = NdisMediumAtm;
	NDIS_OPEN_PARAMETERS open;
	CO_ADDRESS_FAMILY af;
	NDIS_STATUS status;
	PCM_BINDING b;
	UINT selected;

	b = CmAlloc(sizeof(*b));
	if (!b)
		return NDIS_STATUS_RESOURCES;
	ndis_string_to_ascii(BindParameters->AdapterName, b->Name, sizeof(b->Name));
	InitializeListHead(&b->Afs);
	NdisZeroMemory(&open, sizeof(open));
	open.Header.Type = NDIS_OBJECT_TYPE_OPEN_PARAMETERS;
	open.Header.Revision = NDIS_OPEN_PARAMETERS_REVISION_1;
	open.Header.Size = sizeof(open);
	open.AdapterName = BindParameters->AdapterName;
	open.MediumArray = &medium;
	open.MediumArraySize = 1;
	open.SelectedMediumIndex = &selected;
	status = NdisOpenAdapterEx(Cm.ProtocolHandle, b, &open, BindContext, &b->BindingHandle);
	if (status != NDIS_STATUS_SUCCESS)
		goto err_free;
	status = NDIS_STATUS_NOT_SUPPORTED;
	if (!CmPlainPort(b))
		goto err_close;
	NdisAcquireSpinLock(&Cm.Lock);
	InsertTailList(&Cm.Bindings, &b->Link);
	NdisReleaseSpinLock(&Cm.Lock);
	af.AddressFamily = NDISLOOP_AF;
	af.MajorVersion = NDISLOOP_AF_MAJOR;
	af.MinorVersion = NDISLOOP_AF_MINOR;
	status = NdisCmRegisterAddressFamilyEx(b->BindingHandle, &af);
	CmLog("bind adapter=%s register_af=0x%08x", b->Name, status);
	if (status == NDIS_STATUS_SUCCESS)
		return NDIS_STATUS_SUCCESS;
	NdisAcquireSpinLock(&Cm.Lock);
	RemoveEntryList(&b->Link);
	NdisReleaseSpinLock(&Cm.Lock);
err_close:
	NdisCloseAdapterEx(b->BindingHandle);
err_free:
	CmFree(b);
	return status;
}

/* The next AF of @Binding to notify, marked notified; NULL if none is left. */
static PCM_AF CmNextAfToNotify(PCM_BINDING Binding)
{
	PLIST_ENTRY e;

	for (e = Binding->Afs.Flink; e != &Binding->Afs; e = e->Flink) {
		PCM_AF af = CONTAINING_RECORD(e, CM_AF, Link);

		if (!af->NotifyPending && !af->Closed) {
			af->NotifyPending = TRUE;	/* keeps it until the completion */
			return af;
		}
	}
	return NULL;
}

/**
 * CmUnbindAdapter() - ProtocolUnbindAdapterEx: ask the clients to close their AFs on the
 *	binding (NdisCmNotifyCloseAddressFamily), wait until they have, then close the binding
 * @UnbindContext: unused (answered at once)
 * @ProtocolBindingContext: the binding (CM_BINDING)
 *
 * As NDIS has a call manager leave: a client tears its AF down (its calls,
 * which the work item closes meanwhile, and its SAPs) before the CM
 * closes the binding, which NDIS refuses while an AF is open.
 *
 * Context: process (PASSIVE_LEVEL); sleeps up to CM_WAIT_MS.
 * Return: NDIS_STATUS_SUCCESS.
 */
static NDIS_STATUS CmUnbindAdapter(NDIS_HANDLE UnbindContext, NDIS_HANDLE ProtocolBindingContext)
{
	PCM_BINDING b = ProtocolBindingContext;
	NDIS_STATUS status;
	ULONG waited = 0;
	BOOLEAN empty;
	PCM_AF af;

	CmLog("unbind adapter=%s", b->Name);
	for (;;) {
		NdisAcquireSpinLock(&Cm.Lock);
		af = CmNextAfToNotify(b);
		NdisReleaseSpinLock(&Cm.Lock);
		if (!af)
			break;
		status = NdisCmNotifyCloseAddressFamily(af->NdisAfHandle);
		CmLog("notify_close_af adapter=%s status=0x%08x", b->Name, status);
		if (status != NDIS_STATUS_PENDING)
			CmNotifyCloseAfComplete(af, status);
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
	status = NdisCloseAdapterEx(b->BindingHandle);
	CmLog("unbound adapter=%s close=0x%08x afs_left=%d", b->Name, status, !empty);
	NdisAcquireSpinLock(&Cm.Lock);
	RemoveEntryList(&b->Link);
	NdisReleaseSpinLock(&Cm.Lock);
	/* An AF a client would not close is NDIS's to end now: it may still call us on it. */
	if (empty)
		CmFree(b);
	return NDIS_STATUS_SUCCESS;
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

/* ---- registration ----------------------------------------------------------------------- */

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
