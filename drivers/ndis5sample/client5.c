// SPDX-License-Identifier: GPL-2.0
/*
 * ndis5client: DriverEntry, bindings, the AF and SAP handlers, requests
 * and the AF teardown.  See client5.h for the objects and locking.
 *
 * As NDIS 5 has it, when a function that may pend does not, the client
 * carries on itself (its completion handler is not called).
 */
#include "client5.h"

#define CL5_TAG		0x35436c43	/* 'ClC5' */

CL5_GLOBALS Cl5;

PVOID Cl5Alloc(ULONG Size)
{
	PVOID p;

	if (NdisAllocateMemoryWithTag(&p, Size, CL5_TAG) != NDIS_STATUS_SUCCESS)
		return NULL;
	NdisZeroMemory(p, Size);
	return p;
}

void Cl5Free(PVOID Memory)
{
	if (Memory)
		NdisFreeMemory(Memory, 0, 0);
}

/* The binding to adapter @Name, or NULL.  Called with Cl5.Lock held. */
PCL5_BINDING Cl5FindBinding(const char *Name)
{
	PLIST_ENTRY l;

	for (l = Cl5.Bindings.Flink; l != &Cl5.Bindings; l = l->Flink) {
		PCL5_BINDING b = CONTAINING_RECORD(l, CL5_BINDING, Link);

		if (!strcmp(b->Name, Name) && !b->Unbinding)
			return b;
	}
	return NULL;
}

/* Wait up to CL5_WAIT_MS until *@Value is @Want, polling (PASSIVE_LEVEL). */
static BOOLEAN Cl5WaitFor(LONG *Value, LONG Want)
{
	ULONG ms;

	for (ms = 0; READ_ONCE(*Value) != Want && ms < CL5_WAIT_MS; ms++)
		NdisMSleep(1000);
	return READ_ONCE(*Value) == Want;
}

static void Cl5BindAdapter(PNDIS_STATUS Status, NDIS_HANDLE BindContext,
			   PNDIS_STRING DeviceName, PVOID SystemSpecific1, PVOID SystemSpecific2)
{
	NDIS_MEDIUM media[] = { NdisMediumCoWan };
	NDIS_STATUS openError;
	PCL5_BINDING b;
	UINT medium;

	b = Cl5Alloc(sizeof(*b));
	if (!b) {
		*Status = NDIS_STATUS_RESOURCES;
		return;
	}
	ndis_string_to_ascii(DeviceName, b->Name, sizeof(b->Name));
	NdisInitializeEvent(&b->Done);
	NdisOpenAdapter(Status, &openError, &b->BindingHandle, &medium, media, ARRAY_SIZE(media),
			Cl5.ProtocolHandle, b, DeviceName, 0, NULL);
	if (*Status != NDIS_STATUS_SUCCESS) {
		Cl5Log("bind adapter=%s failed status=0x%08x", b->Name, *Status);
		Cl5Free(b);
		return;
	}
	NdisAcquireSpinLock(&Cl5.Lock);
	InsertTailList(&Cl5.Bindings, &b->Link);
	NdisReleaseSpinLock(&Cl5.Lock);
	Cl5Log("bind adapter=%s", b->Name);
}

/* Any call of @Binding still holding a VC, or still busy. */
static PCL5_CALL Cl5NextLiveCall(PCL5_BINDING Binding, BOOLEAN *Vcs)
{
	PCL5_CALL found = NULL;
	ULONG i;

	*Vcs = FALSE;
	for (i = 0; i < CL5_MAX_CALLS; i++) {
		PCL5_CALL c = &Cl5.Calls[i];

		if (!c->Used || c->Binding != Binding || !c->VcHandle)
			continue;
		*Vcs = TRUE;
		if (!found && (c->State == Cl5CallConnected || c->State == Cl5CallOffered))
			found = c;
	}
	return found;
}

/*
 * Close the calls, wait for their VCs to go, deregister the SAP, close the
 * AF: the order a client closing an AF follows.
 */
void Cl5TeardownAf(PCL5_BINDING Binding)
{
	NDIS_STATUS status;
	PCL5_CALL call;
	BOOLEAN vcs, open;
	ULONG waited = 0;

	NdisAcquireSpinLock(&Cl5.Lock);
	open = Binding->AfState == Cl5AfOpen;
	if (open)
		Binding->AfState = Cl5AfClosing;
	NdisReleaseSpinLock(&Cl5.Lock);
	if (!open)
		return;
	/* Close every live call; then wait for the VCs to go (ProtocolCoDeleteVc). */
	for (;;) {
		NdisAcquireSpinLock(&Cl5.Lock);
		call = Cl5NextLiveCall(Binding, &vcs);
		NdisReleaseSpinLock(&Cl5.Lock);
		if (call) {
			Cl5CloseCall(call);
		} else if (!vcs) {
			break;
		} else if (waited++ < CL5_WAIT_MS) {
			NdisMSleep(1000);
		} else {
			Cl5Log("teardown adapter=%s: VCs are left", Binding->Name);
			break;
		}
	}
	if (Binding->SapRegistered) {
		NdisResetEvent(&Binding->Done);
		status = NdisClDeregisterSap(Binding->SapHandle);
		if (status == NDIS_STATUS_PENDING && !NdisWaitEvent(&Binding->Done, CL5_WAIT_MS))
			Cl5Log("teardown adapter=%s: no deregister completion", Binding->Name);
		Binding->SapRegistered = FALSE;
		Cl5Log("deregister_sap adapter=%s status=0x%08x", Binding->Name, status);
	}
	NdisResetEvent(&Binding->Done);
	status = NdisClCloseAddressFamily(Binding->AfHandle);
	if (status == NDIS_STATUS_PENDING) {
		if (!NdisWaitEvent(&Binding->Done, CL5_WAIT_MS))
			Cl5Log("teardown adapter=%s: no close-AF completion", Binding->Name);
		status = Binding->DoneStatus;
	}
	NdisAcquireSpinLock(&Cl5.Lock);
	Binding->AfState = Cl5AfClosed;
	NdisReleaseSpinLock(&Cl5.Lock);
	Cl5Log("close_af adapter=%s status=0x%08x", Binding->Name, status);
}

static void Cl5UnbindAdapter(PNDIS_STATUS Status, NDIS_HANDLE ProtocolBindingContext,
			     NDIS_HANDLE UnbindContext)
{
	PCL5_BINDING b = ProtocolBindingContext;

	NdisAcquireSpinLock(&Cl5.Lock);
	b->Unbinding = TRUE;
	NdisReleaseSpinLock(&Cl5.Lock);
	Cl5Log("unbind adapter=%s", b->Name);
	/* An open in flight, or an OID_CO_AF_CLOSE teardown, finishes first. */
	while (READ_ONCE(b->AfState) == Cl5AfOpening)
		NdisMSleep(1000);
	Cl5WaitFor(&Cl5.Busy, 0);
	Cl5TeardownAf(b);
	NdisCloseAdapter(Status, b->BindingHandle);
	NdisAcquireSpinLock(&Cl5.Lock);
	RemoveEntryList(&b->Link);
	NdisReleaseSpinLock(&Cl5.Lock);
	Cl5Log("unbound adapter=%s close=0x%08x", b->Name, *Status);
	Cl5Free(b);
	*Status = NDIS_STATUS_SUCCESS;
}

static void Cl5AfRegisterNotify(NDIS_HANDLE ProtocolBindingContext,
				PCO_ADDRESS_FAMILY AddressFamily)
{
	PCL5_BINDING b = ProtocolBindingContext;
	NDIS_STATUS status;
	BOOLEAN open;

	if (AddressFamily->AddressFamily != LOOP5_ADDRESS_FAMILY)
		return;
	NdisAcquireSpinLock(&Cl5.Lock);
	open = !b->Unbinding && b->AfState == Cl5AfNone;
	if (open)
		b->AfState = Cl5AfOpening;
	NdisReleaseSpinLock(&Cl5.Lock);
	if (!open)
		return;
	status = NdisClOpenAddressFamily(b->BindingHandle, AddressFamily, b, &Cl5ClChars,
					 sizeof(Cl5ClChars), &b->AfHandle);
	if (status != NDIS_STATUS_PENDING)
		Cl5OpenAfComplete(status, b, b->AfHandle);
}

void Cl5OpenAfComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolAfContext,
		       NDIS_HANDLE NdisAfHandle)
{
	PCL5_BINDING b = ProtocolAfContext;

	NdisAcquireSpinLock(&Cl5.Lock);
	b->AfHandle = Status == NDIS_STATUS_SUCCESS ? NdisAfHandle : NULL;
	b->AfState = Status == NDIS_STATUS_SUCCESS ? Cl5AfOpen : Cl5AfNone;
	NdisReleaseSpinLock(&Cl5.Lock);
	Cl5Log("open_af adapter=%s status=0x%08x", b->Name, Status);
}

void Cl5CloseAfComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolAfContext)
{
	PCL5_BINDING b = ProtocolAfContext;

	Cl5Log("close_af_complete adapter=%s status=0x%08x", b->Name, Status);
	b->DoneStatus = Status;
	NdisSetEvent(&b->Done);
}

void Cl5RegisterSapComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolSapContext, PCO_SAP Sap,
			    NDIS_HANDLE NdisSapHandle)
{
	PCL5_BINDING b = ProtocolSapContext;

	NdisAcquireSpinLock(&Cl5.Lock);
	b->SapRegistered = Status == NDIS_STATUS_SUCCESS;
	b->SapHandle = NdisSapHandle;
	NdisReleaseSpinLock(&Cl5.Lock);
	Cl5Log("register_sap_complete adapter=%s status=0x%08x", b->Name, Status);
}

void Cl5DeregisterSapComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolSapContext)
{
	PCL5_BINDING b = ProtocolSapContext;

	Cl5Log("deregister_sap_complete adapter=%s status=0x%08x", b->Name, Status);
	NdisSetEvent(&b->Done);
}

/* Register SAP @Name on the AF of adapter @Adapter. */
NDIS_STATUS Cl5Listen(const char *Adapter, const char *Name)
{
	PCO_SAP sap;
	PCL5_BINDING b;
	NDIS_STATUS status;
	size_t len = strlen(Name);

	if (!len || len > LOOP5_NAME_MAX)
		return NDIS_STATUS_INVALID_DATA;
	NdisAcquireSpinLock(&Cl5.Lock);
	b = Cl5FindBinding(Adapter);
	if (b && (b->AfState != Cl5AfOpen || b->SapRegistered))
		b = NULL;
	NdisReleaseSpinLock(&Cl5.Lock);
	if (!b)
		return NDIS_STATUS_INVALID_STATE;
	sap = (PCO_SAP)b->SapBuf;
	sap->SapType = LOOP5_SAP_TYPE;
	sap->SapLength = len;
	NdisMoveMemory(sap->Sap, Name, len);
	status = NdisClRegisterSap(b->AfHandle, b, sap, &b->SapHandle);
	if (status != NDIS_STATUS_PENDING)
		Cl5RegisterSapComplete(status, b, sap, b->SapHandle);
	return status == NDIS_STATUS_PENDING ? NDIS_STATUS_SUCCESS : status;
}

/*
 * Query OID_GEN_CO_VENDOR_ID: of the call manager on the AF (it pends),
 * or of the miniport (@Miniport: no AF).
 */
NDIS_STATUS Cl5Oid(const char *Adapter, BOOLEAN Miniport)
{
	PCL5_BINDING b;
	PNDIS_REQUEST r;
	NDIS_STATUS status;

	NdisAcquireSpinLock(&Cl5.Lock);
	b = Cl5FindBinding(Adapter);
	if (b && b->AfState != Cl5AfOpen)
		b = NULL;
	NdisReleaseSpinLock(&Cl5.Lock);
	if (!b)
		return NDIS_STATUS_INVALID_STATE;
	r = &b->Request;
	NdisZeroMemory(r, sizeof(*r));
	b->OidValue = 0;
	r->RequestType = NdisRequestQueryInformation;
	r->DATA.QUERY_INFORMATION.Oid = OID_GEN_CO_VENDOR_ID;
	r->DATA.QUERY_INFORMATION.InformationBuffer = &b->OidValue;
	r->DATA.QUERY_INFORMATION.InformationBufferLength = sizeof(b->OidValue);
	status = NdisCoRequest(b->BindingHandle, Miniport ? NULL : b->AfHandle, NULL, NULL, r);
	Cl5Log("oid_request adapter=%s to=%s status=0x%08x value=0x%08x", b->Name,
	       Miniport ? "miniport" : "cm", status,
	       status == NDIS_STATUS_SUCCESS ? b->OidValue : 0);
	return status;
}

/* A request of ours on the AF the call manager pended is done. */
void Cl5RequestComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolAfContext,
			NDIS_HANDLE ProtocolVcContext, NDIS_HANDLE ProtocolPartyContext,
			PNDIS_REQUEST NdisRequest)
{
	PCL5_BINDING b = ProtocolAfContext;
	LONG n = NdisInterlockedIncrement(&b->OidCompletions);

	Cl5Log("oid_complete adapter=%s ours=%d status=0x%08x value=0x%08x written=%u n=%d",
	       b->Name, NdisRequest == &b->Request, Status, b->OidValue,
	       NdisRequest->DATA.QUERY_INFORMATION.BytesWritten, n);
}

static void Cl5CloseWorker(PNDIS_WORK_ITEM WorkItem, PVOID Context)
{
	PCL5_BINDING b = Context;

	Cl5TeardownAf(b);
	NdisInterlockedDecrement(&Cl5.Busy);
}

/* The call manager's requests: OID_CO_AF_CLOSE asks us to close the AF. */
NDIS_STATUS Cl5Request(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE ProtocolVcContext,
		       NDIS_HANDLE ProtocolPartyContext, PNDIS_REQUEST NdisRequest)
{
	PCL5_BINDING b = ProtocolAfContext;

	if (NdisRequest->RequestType != NdisRequestSetInformation ||
	    NdisRequest->DATA.SET_INFORMATION.Oid != OID_CO_AF_CLOSE)
		return NDIS_STATUS_NOT_SUPPORTED;
	Cl5Log("af_close_request adapter=%s", b->Name);
	NdisInterlockedIncrement(&Cl5.Busy);
	NdisInitializeWorkItem(&b->CloseWork, Cl5CloseWorker, b);
	NdisScheduleWorkItem(&b->CloseWork);
	return NDIS_STATUS_SUCCESS;
}

static void Cl5Unload(PDRIVER_OBJECT DriverObject)
{
	NDIS_STATUS status;
	ULONG i;

	NdisDeregisterProtocol(&status, Cl5.ProtocolHandle);
	for (i = 0; i < CL5_MAX_CALLS; i++)
		Cl5Free(Cl5.Calls[i].Params);
	NdisFreeBufferPool(Cl5.BufferPool);
	NdisFreePacketPool(Cl5.PacketPool);
}

/**
 * Cl5DriverEntry() - DriverEntry: register the protocol
 * @DriverObject: the driver object
 * @RegistryPath: unused
 *
 * Context: process (PASSIVE_LEVEL).
 * Return: STATUS_SUCCESS (0) or an NDIS_STATUS failure.
 */
NTSTATUS Cl5DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
	NDIS_PROTOCOL_CHARACTERISTICS pc;
	NDIS_STRING name = NDIS_STRING_CONST("ndis5client");
	NDIS_STATUS status;

	NdisAllocateSpinLock(&Cl5.Lock);
	InitializeListHead(&Cl5.Bindings);
	Cl5.NextInId = 1000;
	NdisAllocatePacketPool(&status, &Cl5.PacketPool, 1024, 2 * sizeof(PVOID));
	if (status != NDIS_STATUS_SUCCESS)
		return status;
	NdisAllocateBufferPool(&status, &Cl5.BufferPool, 2048);
	if (status != NDIS_STATUS_SUCCESS)
		goto err_pool;

	NdisZeroMemory(&pc, sizeof(pc));
	pc.MajorNdisVersion = 5;
	pc.MinorNdisVersion = 0;
	pc.Name = name;
	pc.BindAdapterHandler = Cl5BindAdapter;
	pc.UnbindAdapterHandler = Cl5UnbindAdapter;
	pc.CoSendCompleteHandler = Cl5SendComplete;
	pc.CoStatusHandler = Cl5CoStatus;
	pc.CoReceivePacketHandler = Cl5ReceivePacket;
	pc.CoAfRegisterNotifyHandler = Cl5AfRegisterNotify;
	NdisRegisterProtocol(&status, &Cl5.ProtocolHandle, &pc, sizeof(pc));
	if (status != NDIS_STATUS_SUCCESS)
		goto err_bufpool;
	DriverObject->DriverUnload = Cl5Unload;
	return NDIS_STATUS_SUCCESS;

err_bufpool:
	NdisFreeBufferPool(Cl5.BufferPool);
err_pool:
	NdisFreePacketPool(Cl5.PacketPool);
	return status;
}
