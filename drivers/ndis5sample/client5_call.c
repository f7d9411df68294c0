// SPDX-License-Identifier: GPL-2.0
/*
 * ndis5client: VCs, calls, packets and status, and the client
 * characteristics of its AF.  See client5.h for the objects and locking.
 */
#include "client5.h"

/* A free call slot for call @Id; NULL if none.  Called with Cl5.Lock held. */
PCL5_CALL Cl5NewCall(PCL5_BINDING Binding, ULONG Id, BOOLEAN Out)
{
	ULONG i;

	for (i = 0; i < CL5_MAX_CALLS; i++) {
		PCL5_CALL c = &Cl5.Calls[i];

		if (c->Used)
			continue;
		NdisZeroMemory(c, sizeof(*c));
		c->Used = TRUE;
		c->Id = Id;
		c->Binding = Binding;
		c->Out = Out;
		InitializeListHead(&c->KeptList);
		return c;
	}
	return NULL;
}

/* The call @Id; NULL if none.  Called with Cl5.Lock held. */
PCL5_CALL Cl5FindCall(ULONG Id)
{
	ULONG i;

	for (i = 0; i < CL5_MAX_CALLS; i++)
		if (Cl5.Calls[i].Used && Cl5.Calls[i].Id == Id)
			return &Cl5.Calls[i];
	return NULL;
}

/* The parameters of a call to service @Name (best effort). */
static PCO_CALL_PARAMETERS Cl5CallParameters(const char *Name)
{
	PCO_CALL_PARAMETERS cp;
	PCO_CALL_MANAGER_PARAMETERS cm;
	PCO_MEDIA_PARAMETERS mp;
	ULONG len = strlen(Name);

	cp = Cl5Alloc(sizeof(*cp) + sizeof(*cm) + len + sizeof(*mp));
	if (!cp)
		return NULL;
	cm = (PCO_CALL_MANAGER_PARAMETERS)(cp + 1);
	mp = (PCO_MEDIA_PARAMETERS)ALIGN((ULONG_PTR)cm->CallMgrSpecific.Parameters + len,
					 sizeof(PVOID));
	cm->Transmit.TokenRate = QOS_NOT_SPECIFIED;
	cm->Transmit.ServiceType = SERVICETYPE_BESTEFFORT;
	cm->Transmit.MaxSduSize = LOOP5_MTU;
	cm->Receive = cm->Transmit;
	cm->CallMgrSpecific.ParamType = LOOP5_PARAM_CALLED;
	cm->CallMgrSpecific.Length = len;
	NdisMoveMemory(cm->CallMgrSpecific.Parameters, Name, len);
	mp->Flags = TRANSMIT_VC | RECEIVE_VC;
	cp->CallMgrParameters = cm;
	cp->MediaParameters = mp;
	return cp;
}

static void Cl5MakeCallComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolVcContext,
				NDIS_HANDLE NdisPartyHandle, PCO_CALL_PARAMETERS CallParameters)
{
	PCL5_CALL c = ProtocolVcContext;
	PCO_CALL_PARAMETERS params = NULL;
	NDIS_HANDLE vc = NULL;
	LONG n;

	NdisAcquireSpinLock(&Cl5.Lock);
	n = ++c->Make;
	c->State = Status == NDIS_STATUS_SUCCESS ? Cl5CallConnected : Cl5CallClosed;
	if (Status != NDIS_STATUS_SUCCESS) {
		vc = c->VcHandle;
		c->VcHandle = NULL;
		params = c->Params;
		c->Params = NULL;
	}
	NdisReleaseSpinLock(&Cl5.Lock);
	Cl5Free(params);
	Cl5Log("make_call_complete call=%u status=0x%08x n=%d", c->Id, Status, n);
	if (vc)
		Cl5Log("delete_vc call=%u status=0x%08x", c->Id, NdisCoDeleteVc(vc));
}

/* Place call @Id on adapter @Adapter to service @Name. */
NDIS_STATUS Cl5MakeCall(ULONG Id, const char *Adapter, const char *Name)
{
	PCO_CALL_PARAMETERS params;
	NDIS_STATUS status;
	PCL5_BINDING b;
	PCL5_CALL c = NULL;

	if (!strlen(Name) || strlen(Name) > LOOP5_NAME_MAX || Id >= 1000)
		return NDIS_STATUS_INVALID_DATA;
	params = Cl5CallParameters(Name);
	if (!params)
		return NDIS_STATUS_RESOURCES;
	NdisAcquireSpinLock(&Cl5.Lock);
	b = Cl5FindBinding(Adapter);
	if (b && b->AfState == Cl5AfOpen && !Cl5FindCall(Id))
		c = Cl5NewCall(b, Id, TRUE);
	if (c) {
		c->State = Cl5CallCalling;
		c->Params = params;
	}
	NdisReleaseSpinLock(&Cl5.Lock);
	if (!c) {
		Cl5Free(params);
		return NDIS_STATUS_INVALID_STATE;
	}
	status = NdisCoCreateVc(b->BindingHandle, b->AfHandle, c, &c->VcHandle);
	if (status != NDIS_STATUS_SUCCESS) {
		NdisAcquireSpinLock(&Cl5.Lock);
		c->Used = FALSE;
		NdisReleaseSpinLock(&Cl5.Lock);
		Cl5Free(params);
		return status;
	}
	Cl5Log("make_call call=%u adapter=%s sap=%s", Id, Adapter, Name);
	status = NdisClMakeCall(c->VcHandle, params, NULL, NULL);
	if (status != NDIS_STATUS_PENDING)
		Cl5MakeCallComplete(status, c, NULL, params);
	return NDIS_STATUS_SUCCESS;
}

static void Cl5CloseCallComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolVcContext,
				 NDIS_HANDLE ProtocolPartyContext)
{
	PCL5_CALL c = ProtocolVcContext;
	PCO_CALL_PARAMETERS params;
	NDIS_HANDLE vc = NULL;
	LONG n;

	NdisAcquireSpinLock(&Cl5.Lock);
	n = ++c->Close;
	c->State = Cl5CallClosed;
	if (c->Out) {
		vc = c->VcHandle;
		c->VcHandle = NULL;
	}
	/* The call manager is done with the parameters we lent. */
	params = c->Params;
	c->Params = NULL;
	NdisReleaseSpinLock(&Cl5.Lock);
	Cl5Free(params);
	Cl5Log("close_call_complete call=%u status=0x%08x n=%d", c->Id, Status, n);
	/* Our VC: deleted now; the call manager's goes with ProtocolCoDeleteVc. */
	if (vc)
		Cl5Log("delete_vc call=%u status=0x%08x", c->Id, NdisCoDeleteVc(vc));
}

/* Close call @Call (connected or offered). */
NDIS_STATUS Cl5CloseCall(PCL5_CALL Call)
{
	NDIS_STATUS status;
	NDIS_HANDLE vc;

	NdisAcquireSpinLock(&Cl5.Lock);
	vc = Call->VcHandle;
	if (Call->State != Cl5CallConnected && Call->State != Cl5CallOffered)
		vc = NULL;
	else
		Call->State = Cl5CallClosing;
	NdisReleaseSpinLock(&Cl5.Lock);
	if (!vc)
		return NDIS_STATUS_INVALID_STATE;
	/* Packets kept on the VC go back first: the miniport waits for them. */
	while (Cl5ReturnKept(Call->Id))
		;
	Cl5Log("close_call call=%u", Call->Id);
	status = NdisClCloseCall(vc, NULL, NULL, 0);
	if (status != NDIS_STATUS_PENDING)
		Cl5CloseCallComplete(status, Call, NULL);
	return NDIS_STATUS_SUCCESS;
}

static NDIS_STATUS Cl5CreateVc(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE NdisVcHandle,
			       PNDIS_HANDLE ProtocolVcContext)
{
	PCL5_BINDING b = ProtocolAfContext;
	PCL5_CALL c;

	NdisAcquireSpinLock(&Cl5.Lock);
	c = Cl5NewCall(b, Cl5.NextInId, FALSE);
	if (c) {
		Cl5.NextInId++;
		c->VcHandle = NdisVcHandle;
		c->State = Cl5CallIdle;
	}
	NdisReleaseSpinLock(&Cl5.Lock);
	if (!c)
		return NDIS_STATUS_RESOURCES;
	Cl5Log("create_vc call=%u adapter=%s", c->Id, b->Name);
	*ProtocolVcContext = c;
	return NDIS_STATUS_SUCCESS;
}

static NDIS_STATUS Cl5DeleteVc(NDIS_HANDLE ProtocolVcContext)
{
	PCL5_CALL c = ProtocolVcContext;

	NdisAcquireSpinLock(&Cl5.Lock);
	c->VcHandle = NULL;
	NdisReleaseSpinLock(&Cl5.Lock);
	Cl5Log("delete_vc call=%u (by the call manager)", c->Id);
	return NDIS_STATUS_SUCCESS;
}

static NDIS_STATUS Cl5IncomingCall(NDIS_HANDLE ProtocolSapContext, NDIS_HANDLE ProtocolVcContext,
				   PCO_CALL_PARAMETERS CallParameters)
{
	PCL5_CALL c = ProtocolVcContext;
	LONG n;

	NdisAcquireSpinLock(&Cl5.Lock);
	c->State = Cl5CallOffered;
	n = ++c->Offered;
	NdisReleaseSpinLock(&Cl5.Lock);
	Cl5Log("incoming_call call=%u n=%d", c->Id, n);
	return NDIS_STATUS_SUCCESS;
}

static void Cl5CallConnectedHandler(NDIS_HANDLE ProtocolVcContext)
{
	PCL5_CALL c = ProtocolVcContext;
	LONG n;

	NdisAcquireSpinLock(&Cl5.Lock);
	c->State = Cl5CallConnected;
	n = ++c->Connected;
	NdisReleaseSpinLock(&Cl5.Lock);
	Cl5Log("call_connected call=%u n=%d", c->Id, n);
}

static void Cl5IncomingCloseCall(NDIS_STATUS CloseStatus, NDIS_HANDLE ProtocolVcContext,
				 PVOID CloseData, UINT Size)
{
	PCL5_CALL c = ProtocolVcContext;
	LONG n;

	NdisAcquireSpinLock(&Cl5.Lock);
	n = ++c->IncomingClose;
	NdisReleaseSpinLock(&Cl5.Lock);
	Cl5Log("incoming_close_call call=%u status=0x%08x n=%d", c->Id, CloseStatus, n);
	Cl5CloseCall(c);
}

/* Multipoint and QoS changes are not used on this medium. */
static void Cl5AddPartyComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolPartyContext,
				NDIS_HANDLE NdisPartyHandle, PCO_CALL_PARAMETERS CallParameters)
{
}

static void Cl5DropPartyComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolPartyContext)
{
}

static void Cl5IncomingDropParty(NDIS_STATUS DropStatus, NDIS_HANDLE ProtocolPartyContext,
				 PVOID CloseData, UINT Size)
{
}

static void Cl5ModifyCallQoSComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolVcContext,
				     PCO_CALL_PARAMETERS CallParameters)
{
}

static void Cl5IncomingCallQoSChange(NDIS_HANDLE ProtocolVcContext,
				     PCO_CALL_PARAMETERS CallParameters)
{
}

/* ---- packets ---------------------------------------------------------------------------- */

/* A packet of @Size pattern bytes (byte j of packet @Seq is Seq + j) in two buffers. */
static PNDIS_PACKET Cl5BuildPacket(ULONG Seq, ULONG Size)
{
	PNDIS_BUFFER b1, b2;
	PNDIS_PACKET p;
	NDIS_STATUS status;
	PUCHAR data;
	ULONG j, half = Size / 2;

	data = Cl5Alloc(Size);
	if (!data)
		return NULL;
	for (j = 0; j < Size; j++)
		data[j] = (UCHAR)(Seq + j);
	NdisAllocatePacket(&status, &p, Cl5.PacketPool);
	if (status != NDIS_STATUS_SUCCESS)
		goto err_data;
	NdisAllocateBuffer(&status, &b2, Cl5.BufferPool, data + half, Size - half);
	if (status != NDIS_STATUS_SUCCESS)
		goto err_packet;
	NdisChainBufferAtBack(p, b2);
	if (half) {
		NdisAllocateBuffer(&status, &b1, Cl5.BufferPool, data, half);
		if (status != NDIS_STATUS_SUCCESS) {
			NdisFreeBuffer(b2);
			goto err_packet;
		}
		NdisChainBufferAtFront(p, b1);
	}
	*(PVOID *)p->ProtocolReserved = data;
	return p;
err_packet:
	NdisFreePacket(p);
err_data:
	Cl5Free(data);
	return NULL;
}

static void Cl5FreePacket(PNDIS_PACKET Packet)
{
	PNDIS_BUFFER b;

	Cl5Free(*(PVOID *)Packet->ProtocolReserved);
	for (NdisUnchainBufferAtFront(Packet, &b); b; NdisUnchainBufferAtFront(Packet, &b))
		NdisFreeBuffer(b);
	NdisFreePacket(Packet);
}

/* Send @Count packets of @Size bytes on call @Id. */
NDIS_STATUS Cl5Send(ULONG Id, ULONG Count, ULONG Size)
{
	NDIS_HANDLE vc = NULL;
	PCL5_CALL c;
	ULONG i;

	if (!Size || Size > LOOP5_MTU || !Count || Count > 1000)
		return NDIS_STATUS_INVALID_LENGTH;
	NdisAcquireSpinLock(&Cl5.Lock);
	c = Cl5FindCall(Id);
	if (c && c->State == Cl5CallConnected)
		vc = c->VcHandle;
	NdisReleaseSpinLock(&Cl5.Lock);
	if (!vc)
		return NDIS_STATUS_INVALID_STATE;
	for (i = 0; i < Count; i++) {
		PNDIS_PACKET p = Cl5BuildPacket(i, Size);

		if (!p)
			return NDIS_STATUS_RESOURCES;
		NdisCoSendPackets(vc, &p, 1);
	}
	return NDIS_STATUS_SUCCESS;
}

void Cl5SendComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolVcContext, PNDIS_PACKET Packet)
{
	PCL5_CALL c = ProtocolVcContext;

	NdisAcquireSpinLock(&Cl5.Lock);
	c->SendComplete++;
	if (Status == NDIS_STATUS_SUCCESS && NDIS_GET_PACKET_STATUS(Packet) == Status)
		c->TxOk++;
	else
		c->TxErr++;
	NdisReleaseSpinLock(&Cl5.Lock);
	Cl5FreePacket(Packet);
}

/* Whether @Packet holds the pattern Cl5BuildPacket() made (Seq unknown: from byte 0). */
static BOOLEAN Cl5PatternOk(PNDIS_PACKET Packet, UINT *Total)
{
	PNDIS_BUFFER b;
	PUCHAR va;
	UINT len, j, off = 0;
	UCHAR seq = 0;

	NdisQueryPacket(Packet, NULL, NULL, &b, Total);
	for (; b; NdisGetNextBuffer(b, &b)) {
		NdisQueryBufferSafe(b, (PVOID *)&va, &len, NormalPagePriority);
		for (j = 0; j < len; j++, off++) {
			if (!off)
				seq = va[j];
			else if (va[j] != (UCHAR)(seq + off))
				return FALSE;
		}
	}
	return TRUE;
}

UINT Cl5ReceivePacket(NDIS_HANDLE ProtocolBindingContext, NDIS_HANDLE ProtocolVcContext,
		      PNDIS_PACKET Packet)
{
	PCL5_CALL c = ProtocolVcContext;
	BOOLEAN ok, keep;
	UINT total;

	ok = Cl5PatternOk(Packet, &total);
	NdisAcquireSpinLock(&Cl5.Lock);
	c->RxPackets++;
	c->RxBytes += total;
	if (!ok)
		c->RxBad++;
	/* A packet indicated with NDIS_STATUS_RESOURCES cannot be kept. */
	keep = Cl5.Keep && NDIS_GET_PACKET_STATUS(Packet) != NDIS_STATUS_RESOURCES;
	if (keep) {
		InsertTailList(&c->KeptList, (PLIST_ENTRY)Packet->ProtocolReserved);
		c->Kept++;
	}
	NdisReleaseSpinLock(&Cl5.Lock);
	return keep ? 1 : 0;
}

/* Return the packets call @Id kept; how many. */
ULONG Cl5ReturnKept(ULONG Id)
{
	PNDIS_PACKET packets[64];
	ULONG n = 0;
	PCL5_CALL c;

	NdisAcquireSpinLock(&Cl5.Lock);
	c = Cl5FindCall(Id);
	while (c && n < ARRAY_SIZE(packets) && !IsListEmpty(&c->KeptList)) {
		PLIST_ENTRY e = RemoveHeadList(&c->KeptList);

		packets[n++] = (PNDIS_PACKET)((PUCHAR)e - offsetof(NDIS_PACKET, ProtocolReserved));
	}
	if (c)
		c->Returned += n;
	NdisReleaseSpinLock(&Cl5.Lock);
	if (n)
		NdisReturnPackets(packets, n);
	return n;
}

void Cl5CoStatus(NDIS_HANDLE ProtocolBindingContext, NDIS_HANDLE ProtocolVcContext,
		 NDIS_STATUS GeneralStatus, PVOID StatusBuffer, UINT StatusBufferSize)
{
	PCL5_BINDING b = ProtocolBindingContext;
	LONG n = NdisInterlockedIncrement(&b->StatusIndications);

	Cl5Log("status adapter=%s vc=%d code=0x%08x value=%u size=%u n=%d", b->Name,
	       !!ProtocolVcContext, GeneralStatus,
	       StatusBufferSize >= sizeof(ULONG) ? *(PULONG)StatusBuffer : 0, StatusBufferSize, n);
}

NDIS_CLIENT_CHARACTERISTICS Cl5ClChars = {
	.MajorVersion = 5,
	.MinorVersion = 0,
	.ClCreateVcHandler = Cl5CreateVc,
	.ClDeleteVcHandler = Cl5DeleteVc,
	.ClRequestHandler = Cl5Request,
	.ClRequestCompleteHandler = Cl5RequestComplete,
	.ClOpenAfCompleteHandler = Cl5OpenAfComplete,
	.ClCloseAfCompleteHandler = Cl5CloseAfComplete,
	.ClRegisterSapCompleteHandler = Cl5RegisterSapComplete,
	.ClDeregisterSapCompleteHandler = Cl5DeregisterSapComplete,
	.ClMakeCallCompleteHandler = Cl5MakeCallComplete,
	.ClModifyCallQoSCompleteHandler = Cl5ModifyCallQoSComplete,
	.ClCloseCallCompleteHandler = Cl5CloseCallComplete,
	.ClAddPartyCompleteHandler = Cl5AddPartyComplete,
	.ClDropPartyCompleteHandler = Cl5DropPartyComplete,
	.ClIncomingCallHandler = Cl5IncomingCall,
	.ClIncomingCallQoSChangeHandler = Cl5IncomingCallQoSChange,
	.ClIncomingCloseCallHandler = Cl5IncomingCloseCall,
	.ClIncomingDropPartyHandler = Cl5IncomingDropParty,
	.ClCallConnectedHandler = Cl5CallConnectedHandler,
};
