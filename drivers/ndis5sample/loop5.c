// SPDX-License-Identifier: GPL-2.0
/*
 * ndis5loop: DriverEntry, the miniport handlers and the work item.
 * See loop5.h for the objects and locking.
 */
#include "loop5.h"

#define LOOP5_TAG	0x35706f4c	/* 'Lop5' */

LOOP5_GLOBALS Loop5;

PVOID Loop5Alloc(ULONG Size)
{
	PVOID p;

	if (NdisAllocateMemoryWithTag(&p, Size, LOOP5_TAG) != NDIS_STATUS_SUCCESS)
		return NULL;
	NdisZeroMemory(p, Size);
	return p;
}

void Loop5Free(PVOID Memory)
{
	if (Memory)
		NdisFreeMemory(Memory, 0, 0);
}

static void Loop5Worker(PNDIS_WORK_ITEM WorkItem, PVOID Context)
{
	PLOOP5_VC vc = Context;

	if (vc->Closing)
		Loop5DoCloseCall(vc);
	else
		Loop5DoMakeCall(vc);
	NdisInterlockedDecrement(&Loop5.Busy);
}

/* Run a VC's make-call or close-call on its work item. */
void Loop5Queue(PLOOP5_VC Vc, BOOLEAN Closing)
{
	Vc->Closing = Closing;
	NdisInterlockedIncrement(&Loop5.Busy);
	NdisInitializeWorkItem(&Vc->Work, Loop5Worker, Vc);
	NdisScheduleWorkItem(&Vc->Work);
}

/**
 * Loop5Initialize() - MiniportInitialize: a new adapter
 * @OpenErrorStatus: unused
 * @SelectedMediumIndex: set to the medium chosen
 * @MediumArray: the media NDIS offers
 * @MediumArraySize: how many
 * @MiniportAdapterHandle: NDIS's handle
 * @WrapperConfigurationContext: for NdisOpenConfiguration
 *
 * Context: process (PASSIVE_LEVEL).
 * Return: NDIS_STATUS_SUCCESS, NDIS_STATUS_UNSUPPORTED_MEDIA or
 *	NDIS_STATUS_RESOURCES.
 */
static NDIS_STATUS Loop5Initialize(PNDIS_STATUS OpenErrorStatus, PUINT SelectedMediumIndex,
				   PNDIS_MEDIUM MediumArray, UINT MediumArraySize,
				   NDIS_HANDLE MiniportAdapterHandle,
				   NDIS_HANDLE WrapperConfigurationContext)
{
	CO_ADDRESS_FAMILY af = {
		LOOP5_ADDRESS_FAMILY, LOOP5_ADDRESS_FAMILY_MAJOR, LOOP5_ADDRESS_FAMILY_MINOR
	};
	PNDIS_CONFIGURATION_PARAMETER value;
	NDIS_STRING keyword = NDIS_STRING_CONST("RxResources");
	PLOOP5_ADAPTER adapter;
	NDIS_HANDLE config;
	NDIS_STATUS status;
	UINT i;

	for (i = 0; i < MediumArraySize; i++)
		if (MediumArray[i] == NdisMediumCoWan)
			break;
	if (i == MediumArraySize)
		return NDIS_STATUS_UNSUPPORTED_MEDIA;
	*SelectedMediumIndex = i;
	adapter = Loop5Alloc(sizeof(*adapter));
	if (!adapter)
		return NDIS_STATUS_RESOURCES;
	adapter->MiniportAdapterHandle = MiniportAdapterHandle;
	InitializeListHead(&adapter->AfList);
	NdisMSetAttributesEx(MiniportAdapterHandle, adapter, 0, NDIS_ATTRIBUTE_DESERIALIZE,
			     NdisInterfaceInternal);

	NdisOpenConfiguration(&status, &config, WrapperConfigurationContext);
	if (status == NDIS_STATUS_SUCCESS) {
		NdisReadConfiguration(&status, &value, config, &keyword, NdisParameterInteger);
		if (status == NDIS_STATUS_SUCCESS) {
			Loop5.RxResources = value->ParameterData.IntegerData != 0;
			Loop5Log("config RxResources=%u", value->ParameterData.IntegerData);
		}
		NdisCloseConfiguration(config);
	}

	status = NdisMCmRegisterAddressFamily(MiniportAdapterHandle, &af, &Loop5CmChars,
					      sizeof(Loop5CmChars));
	if (status != NDIS_STATUS_SUCCESS) {
		Loop5Free(adapter);
		return status;
	}
	NdisAcquireSpinLock(&Loop5.Lock);
	InsertTailList(&Loop5.Adapters, &adapter->Link);
	NdisReleaseSpinLock(&Loop5.Lock);
	return NDIS_STATUS_SUCCESS;
}

/**
 * Loop5Halt() - MiniportHalt: the adapter goes; its AFs and calls are gone
 * @MiniportAdapterContext: the adapter
 *
 * Context: process (PASSIVE_LEVEL).
 */
static void Loop5Halt(NDIS_HANDLE MiniportAdapterContext)
{
	PLOOP5_ADAPTER adapter = MiniportAdapterContext;

	NdisAcquireSpinLock(&Loop5.Lock);
	adapter->Halting = TRUE;
	RemoveEntryList(&adapter->Link);
	NdisReleaseSpinLock(&Loop5.Lock);
	/* The calls are gone; their last work items may still be finishing. */
	while (NdisInterlockedExchange(&Loop5.Busy, Loop5.Busy))
		NdisMSleep(1000);
	Loop5Log("halt adapter=%s", adapter->Name);
	Loop5Free(adapter);
}

/**
 * Loop5ReturnPacket() - MiniportReturnPacket: a receive packet is ours again
 * @MiniportAdapterContext: the adapter
 * @Packet: the packet we indicated
 *
 * Context: any (<= DISPATCH_LEVEL).
 */
static void Loop5ReturnPacket(NDIS_HANDLE MiniportAdapterContext, PNDIS_PACKET Packet)
{
	PNDIS_BUFFER buffer;
	PVOID data;
	UINT len;
	ULONG vcId = *(PULONG)Packet->MiniportReserved;

	NdisUnchainBufferAtFront(Packet, &buffer);
	if (buffer) {
		NdisQueryBufferSafe(buffer, &data, &len, NormalPagePriority);
		Loop5Free(data);
		NdisFreeBuffer(buffer);
	}
	NdisFreePacket(Packet);
	NdisInterlockedDecrement(&Loop5.RxOut);
	Loop5Log("return_packet vc=%u", vcId);
}

/* A copy of @Packet in a receive packet of ours, or NULL. */
static PNDIS_PACKET Loop5CopyPacket(PNDIS_PACKET Packet, ULONG VcId)
{
	PNDIS_BUFFER buffer, b;
	PNDIS_PACKET rx;
	NDIS_STATUS status;
	UINT total, len, off = 0;
	PUCHAR data;
	PVOID va;

	NdisQueryPacket(Packet, NULL, NULL, &b, &total);
	if (!total || total > LOOP5_MTU)
		return NULL;
	data = Loop5Alloc(total);
	if (!data)
		return NULL;
	for (; b; NdisGetNextBuffer(b, &b)) {
		NdisQueryBufferSafe(b, &va, &len, NormalPagePriority);
		NdisMoveMemory(data + off, va, len);
		off += len;
	}
	NdisAllocatePacket(&status, &rx, Loop5.PacketPool);
	if (status != NDIS_STATUS_SUCCESS)
		goto err;
	NdisAllocateBuffer(&status, &buffer, Loop5.BufferPool, data, total);
	if (status != NDIS_STATUS_SUCCESS) {
		NdisFreePacket(rx);
		goto err;
	}
	NdisChainBufferAtFront(rx, buffer);
	*(PULONG)rx->MiniportReserved = VcId;
	return rx;
err:
	Loop5Free(data);
	return NULL;
}

/**
 * Loop5CoSendPackets() - MiniportCoSendPackets: loop packets to the peer VC
 * @MiniportVcContext: the VC
 * @PacketArray: the packets
 * @NumberOfPackets: how many
 *
 * Each is indicated on the other VC of the call, then completed once.
 *
 * Context: any (<= DISPATCH_LEVEL).
 */
static void Loop5CoSendPackets(NDIS_HANDLE MiniportVcContext, PPNDIS_PACKET PacketArray,
			       UINT NumberOfPackets)
{
	PLOOP5_VC vc = MiniportVcContext, peer;
	NDIS_HANDLE peerHandle = NULL;
	ULONG peerId = 0;
	UINT i;

	NdisAcquireSpinLock(&Loop5.Lock);
	peer = vc->Peer;
	if (peer && peer->State == Loop5Connected) {
		peerHandle = peer->NdisVcHandle;
		peerId = peer->Id;
	}
	NdisReleaseSpinLock(&Loop5.Lock);
	for (i = 0; i < NumberOfPackets; i++) {
		NDIS_STATUS status = NDIS_STATUS_FAILURE;
		PNDIS_PACKET rx = peerHandle ? Loop5CopyPacket(PacketArray[i], peerId) : NULL;

		if (rx) {
			NDIS_SET_PACKET_STATUS(rx, Loop5.RxResources ? NDIS_STATUS_RESOURCES :
						   NDIS_STATUS_SUCCESS);
			NdisInterlockedIncrement(&Loop5.RxOut);
			NdisInterlockedIncrement(&peer->RxPackets);
			NdisMCoIndicateReceivePacket(peerHandle, &rx, 1);
			/* With RESOURCES the packet is ours again at once. */
			if (Loop5.RxResources)
				Loop5ReturnPacket(vc->Af->Adapter, rx);
			NdisInterlockedIncrement(&vc->TxPackets);
			status = NDIS_STATUS_SUCCESS;
		}
		NdisMCoSendComplete(status, vc->NdisVcHandle, PacketArray[i]);
	}
	if (peerHandle)
		NdisMCoReceiveComplete(vc->Af->Adapter->MiniportAdapterHandle);
}

/**
 * Loop5CoRequest() - MiniportCoRequest: an OID for the adapter or a VC
 * @MiniportAdapterContext: the adapter
 * @MiniportVcContext: the VC, or NULL
 * @NdisRequest: the request
 *
 * Context: any (<= DISPATCH_LEVEL).
 * Return: NDIS_STATUS_SUCCESS, NDIS_STATUS_INVALID_LENGTH or
 *	NDIS_STATUS_NOT_SUPPORTED.
 */
static NDIS_STATUS Loop5CoRequest(NDIS_HANDLE MiniportAdapterContext,
				  NDIS_HANDLE MiniportVcContext, PNDIS_REQUEST NdisRequest)
{
	struct _QUERY_INFORMATION *q = &NdisRequest->DATA.QUERY_INFORMATION;

	if (NdisRequest->RequestType != NdisRequestQueryInformation ||
	    q->Oid != OID_GEN_CO_VENDOR_ID)
		return NDIS_STATUS_NOT_SUPPORTED;
	if (q->InformationBufferLength < sizeof(ULONG)) {
		q->BytesNeeded = sizeof(ULONG);
		return NDIS_STATUS_INVALID_LENGTH;
	}
	*(PULONG)q->InformationBuffer = LOOP5_VENDOR_ID;
	q->BytesWritten = sizeof(ULONG);
	return NDIS_STATUS_SUCCESS;
}

/* An MCM's VCs are activated by itself: these are never called. */
static NDIS_STATUS Loop5CoActivateVc(NDIS_HANDLE MiniportVcContext,
				     PCO_CALL_PARAMETERS CallParameters)
{
	return NDIS_STATUS_SUCCESS;
}

static NDIS_STATUS Loop5CoDeactivateVc(NDIS_HANDLE MiniportVcContext)
{
	return NDIS_STATUS_SUCCESS;
}

static void Loop5Unload(PDRIVER_OBJECT DriverObject)
{
	Loop5Log("unload");
	NdisFreeBufferPool(Loop5.BufferPool);
	NdisFreePacketPool(Loop5.PacketPool);
	NdisTerminateWrapper(Loop5.WrapperHandle, NULL);
}

/* The adapter of debugfs name @Name, or NULL.  Called with Loop5.Lock held. */
PLOOP5_ADAPTER Loop5FindAdapter(const char *Name)
{
	PLIST_ENTRY l;

	for (l = Loop5.Adapters.Flink; l != &Loop5.Adapters; l = l->Flink) {
		PLOOP5_ADAPTER a = CONTAINING_RECORD(l, LOOP5_ADAPTER, Link);

		if (!strcmp(a->Name, Name))
			return a;
	}
	return NULL;
}

/* Indicate @Status with a ULONG @Value on adapter @Name; 1 if it exists. */
ULONG Loop5IndicateStatus(const char *Name, NDIS_STATUS Status, ULONG Value)
{
	PLOOP5_ADAPTER a;
	NDIS_HANDLE handle = NULL;

	NdisAcquireSpinLock(&Loop5.Lock);
	a = Loop5FindAdapter(Name);
	if (a)
		handle = a->MiniportAdapterHandle;
	NdisReleaseSpinLock(&Loop5.Lock);
	if (!handle)
		return 0;
	Loop5Log("indicate_status adapter=%s status=0x%08x value=%u", Name, Status, Value);
	NdisMCoIndicateStatus(handle, NULL, Status, &Value, sizeof(Value));
	return 1;
}

/* Ask the clients of adapter @Name to close their AFs (OID_CO_AF_CLOSE). */
ULONG Loop5CloseAfs(const char *Name)
{
	PLOOP5_ADAPTER a;
	PLOOP5_AF afs[8];
	ULONG n = 0, i;
	PLIST_ENTRY l;

	NdisAcquireSpinLock(&Loop5.Lock);
	a = Loop5FindAdapter(Name);
	for (l = a ? a->AfList.Flink : NULL; l && l != &a->AfList && n < 8; l = l->Flink)
		afs[n++] = CONTAINING_RECORD(l, LOOP5_AF, Link);
	NdisReleaseSpinLock(&Loop5.Lock);
	for (i = 0; i < n; i++) {
		PNDIS_REQUEST r = &afs[i]->CloseRequest;
		NDIS_STATUS status;

		NdisZeroMemory(r, sizeof(*r));
		r->RequestType = NdisRequestSetInformation;
		r->DATA.SET_INFORMATION.Oid = OID_CO_AF_CLOSE;
		status = NdisMCmRequest(afs[i]->NdisAfHandle, NULL, NULL, r);
		Loop5Log("af_close_request adapter=%s status=0x%08x", Name, status);
	}
	return n;
}

/**
 * Loop5DriverEntry() - DriverEntry: register the miniport
 * @DriverObject: the driver object
 * @RegistryPath: unused
 *
 * Context: process (PASSIVE_LEVEL).
 * Return: STATUS_SUCCESS (0) or an NDIS_STATUS failure.
 */
NTSTATUS Loop5DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
	NDIS_MINIPORT_CHARACTERISTICS mc;
	NDIS_STATUS status;

	NdisAllocateSpinLock(&Loop5.Lock);
	InitializeListHead(&Loop5.Adapters);
	InitializeListHead(&Loop5.Vcs);
	NdisMInitializeWrapper(&Loop5.WrapperHandle, DriverObject, RegistryPath, NULL);
	if (!Loop5.WrapperHandle)
		return NDIS_STATUS_FAILURE;
	NdisAllocatePacketPool(&status, &Loop5.PacketPool, 1024, 0);
	if (status != NDIS_STATUS_SUCCESS)
		goto err_wrapper;
	NdisAllocateBufferPool(&status, &Loop5.BufferPool, 1024);
	if (status != NDIS_STATUS_SUCCESS)
		goto err_pool;

	NdisZeroMemory(&mc, sizeof(mc));
	mc.MajorNdisVersion = 5;
	mc.MinorNdisVersion = 1;
	mc.InitializeHandler = Loop5Initialize;
	mc.HaltHandler = Loop5Halt;
	mc.ReturnPacketHandler = Loop5ReturnPacket;
	/* No CoCreateVcHandler/CoDeleteVcHandler: a miniport call manager. */
	mc.CoActivateVcHandler = Loop5CoActivateVc;
	mc.CoDeactivateVcHandler = Loop5CoDeactivateVc;
	mc.CoSendPacketsHandler = Loop5CoSendPackets;
	mc.CoRequestHandler = Loop5CoRequest;
	status = NdisMRegisterMiniport(Loop5.WrapperHandle, &mc, sizeof(mc));
	if (status != NDIS_STATUS_SUCCESS)
		goto err_bufpool;
	NdisMRegisterUnloadHandler(Loop5.WrapperHandle, Loop5Unload);
	return NDIS_STATUS_SUCCESS;

err_bufpool:
	NdisFreeBufferPool(Loop5.BufferPool);
err_pool:
	NdisFreePacketPool(Loop5.PacketPool);
err_wrapper:
	NdisTerminateWrapper(Loop5.WrapperHandle, NULL);
	return status;
}
