/* SPDX-License-Identifier: GPL-2.0 */
/*
 * NDIS compat: the NDIS 5.x CoNDIS interface (condis-api.md sections 1.7
 * and 3.4), for CO drivers of the NDIS 5 era (ATM, ISDN, WAN miniports and
 * their clients): NdisRegisterProtocol and NdisMRegisterMiniport with the
 * Co handlers, the per-AF NDIS_CLIENT_CHARACTERISTICS and
 * NDIS_CALL_MANAGER_CHARACTERISTICS, NDIS_PACKET and NDIS_BUFFER,
 * NDIS_REQUEST, and the OS services of a software-only 5.x driver.
 *
 * Always declared: no 5.x name collides with a 6.x one, so a driver needs
 * no NDIS50/NDIS51/NDIS50_MINIPORT/NDIS51_MINIPORT macro (it may define
 * them; they change nothing).  The functions are ndis.ko's (ndis/ndis5*.c);
 * the CoNDIS functions whose names 5.x and 6.x share (NdisClMakeCall,
 * NdisCoCreateVc, NdisMCmActivateVc, NdisMCmDispatchIncomingCall, ...) are
 * the same exported functions for both, in <ndis/cocalls.h>.
 * Documentation/porting.rst ("NDIS 5.x drivers") says what maps to what
 * and what is left out.
 */
#ifndef _NDIS_NDIS5_H
#define _NDIS_NDIS5_H

#include <linux/workqueue.h>

#include <ndis/types.h>
#include <ndis/status.h>
#include <ndis/oids.h>
#include <ndis/co.h>
#include <ndis/nbl.h>
#include <ndis/os.h>
#include <ndis/driver.h>

/* ---- buffers and packets ----------------------------------------------------- */

/* An NDIS 5 buffer descriptor is an MDL (<ndis/nbl.h>): kernel virtual memory. */
typedef MDL NDIS_BUFFER, *PNDIS_BUFFER;

typedef struct _NDIS_PACKET NDIS_PACKET, *PNDIS_PACKET, **PPNDIS_PACKET;
typedef struct _NDIS_PACKET_POOL *PNDIS_PACKET_POOL;

typedef struct _NDIS_PACKET_PRIVATE {
	UINT PhysicalCount;
	UINT TotalLength;
	PNDIS_BUFFER Head;
	PNDIS_BUFFER Tail;
	PNDIS_PACKET_POOL Pool;
	UINT Count;
	ULONG Flags;
	BOOLEAN ValidCounts;
	UCHAR NdisPacketFlags;
	USHORT NdisPacketOobOffset;
} NDIS_PACKET_PRIVATE, *PNDIS_PACKET_PRIVATE;

/*
 * A packet: the chain of buffers (Private), the miniport's and NDIS's
 * scratch space, and ProtocolReserved of the length the pool was made
 * with.  The out-of-band data (NDIS_PACKET_OOB_DATA, with the packet's
 * status) follows at Private.NdisPacketOobOffset, as in NDIS.
 */
struct _NDIS_PACKET {
	NDIS_PACKET_PRIVATE Private;
	union {
		struct {
			UCHAR MiniportReserved[2 * sizeof(PVOID)];
			UCHAR WrapperReserved[2 * sizeof(PVOID)];
		};
		struct {
			UCHAR MiniportReservedEx[3 * sizeof(PVOID)];
			UCHAR WrapperReservedEx[sizeof(PVOID)];
		};
		struct {
			UCHAR MacReserved[4 * sizeof(PVOID)];
		};
	};
	ULONG_PTR Reserved[2];
	/* UCHAR ProtocolReserved[1] in the WDK: as long as the pool says. */
	union {
		UCHAR NdisCompatWdkSize[1];
		DECLARE_FLEX_ARRAY(UCHAR, ProtocolReserved);
	};
};

typedef struct _NDIS_PACKET_OOB_DATA {
	union {
		ULONGLONG TimeToSend;
		ULONGLONG TimeSent;
	};
	ULONGLONG TimeReceived;
	UINT HeaderSize;
	UINT SizeMediaSpecificInfo;
	PVOID MediaSpecificInformation;
	NDIS_STATUS Status;
} NDIS_PACKET_OOB_DATA, *PNDIS_PACKET_OOB_DATA;

static inline PNDIS_PACKET_OOB_DATA NDIS_OOB_DATA_FROM_PACKET(PNDIS_PACKET p)
{
	return (PNDIS_PACKET_OOB_DATA)((PUCHAR)p + p->Private.NdisPacketOobOffset);
}

#define NDIS_GET_PACKET_STATUS(p)	(NDIS_OOB_DATA_FROM_PACKET(p)->Status)
#define NDIS_SET_PACKET_STATUS(p, s)	(NDIS_OOB_DATA_FROM_PACKET(p)->Status = (s))
#define NDIS_GET_PACKET_HEADER_SIZE(p)	(NDIS_OOB_DATA_FROM_PACKET(p)->HeaderSize)
#define NDIS_SET_PACKET_HEADER_SIZE(p, s) (NDIS_OOB_DATA_FROM_PACKET(p)->HeaderSize = (s))

void NdisAllocatePacketPool(PNDIS_STATUS Status, PNDIS_HANDLE PoolHandle,
			    UINT NumberOfDescriptors, UINT ProtocolReservedLength);
void NdisAllocatePacketPoolEx(PNDIS_STATUS Status, PNDIS_HANDLE PoolHandle,
			      UINT NumberOfDescriptors, UINT NumberOfOverflowDescriptors,
			      UINT ProtocolReservedLength);
void NdisFreePacketPool(NDIS_HANDLE PoolHandle);
UINT NdisPacketPoolUsage(NDIS_HANDLE PoolHandle);
void NdisAllocatePacket(PNDIS_STATUS Status, PNDIS_PACKET *Packet, NDIS_HANDLE PoolHandle);
void NdisFreePacket(PNDIS_PACKET Packet);
void NdisReinitializePacket(PNDIS_PACKET Packet);
#define NdisDprAllocatePacket		NdisAllocatePacket
#define NdisDprFreePacket		NdisFreePacket

void NdisAllocateBufferPool(PNDIS_STATUS Status, PNDIS_HANDLE PoolHandle,
			    UINT NumberOfDescriptors);
void NdisFreeBufferPool(NDIS_HANDLE PoolHandle);
void NdisAllocateBuffer(PNDIS_STATUS Status, PNDIS_BUFFER *Buffer, NDIS_HANDLE PoolHandle,
			PVOID VirtualAddress, UINT Length);
void NdisFreeBuffer(PNDIS_BUFFER Buffer);

void NdisReturnPackets(PPNDIS_PACKET PacketsToReturn, UINT NumberOfPackets);

/* Let the packet's counts be recomputed from its chain. */
static inline void ndis5_packet_changed(PNDIS_PACKET Packet)
{
	Packet->Private.ValidCounts = FALSE;
}

/**
 * NdisChainBufferAtFront() - put a buffer at the head of a packet's chain
 * @Packet: the packet
 * @Buffer: the buffer (its Next is overwritten)
 *
 * Context: any.
 */
static inline void NdisChainBufferAtFront(PNDIS_PACKET Packet, PNDIS_BUFFER Buffer)
{
	Buffer->Next = Packet->Private.Head;
	if (!Packet->Private.Head)
		Packet->Private.Tail = Buffer;
	Packet->Private.Head = Buffer;
	ndis5_packet_changed(Packet);
}

/**
 * NdisChainBufferAtBack() - put a buffer at the tail of a packet's chain
 * @Packet: the packet
 * @Buffer: the buffer
 *
 * Context: any.
 */
static inline void NdisChainBufferAtBack(PNDIS_PACKET Packet, PNDIS_BUFFER Buffer)
{
	Buffer->Next = NULL;
	if (Packet->Private.Tail)
		Packet->Private.Tail->Next = Buffer;
	else
		Packet->Private.Head = Buffer;
	Packet->Private.Tail = Buffer;
	ndis5_packet_changed(Packet);
}

/**
 * NdisUnchainBufferAtFront() - take the first buffer off a packet's chain
 * @Packet: the packet
 * @Buffer: set to the buffer, or NULL if the chain was empty
 *
 * Context: any.
 */
static inline void NdisUnchainBufferAtFront(PNDIS_PACKET Packet, PNDIS_BUFFER *Buffer)
{
	PNDIS_BUFFER b = Packet->Private.Head;

	*Buffer = b;
	if (!b)
		return;
	Packet->Private.Head = b->Next;
	if (!b->Next)
		Packet->Private.Tail = NULL;
	b->Next = NULL;
	ndis5_packet_changed(Packet);
}

/**
 * NdisQueryPacket() - the counts and first buffer of a packet
 * @Packet: the packet
 * @PhysicalBufferCount: set to the number of buffers (one physical page
 *	range each here), or NULL
 * @BufferCount: set to the number of buffers, or NULL
 * @FirstBuffer: set to the first buffer, or NULL
 * @TotalPacketLength: set to the bytes in all buffers, or NULL
 *
 * Context: any.
 */
static inline void NdisQueryPacket(PNDIS_PACKET Packet, PUINT PhysicalBufferCount,
				   PUINT BufferCount, PNDIS_BUFFER *FirstBuffer,
				   PUINT TotalPacketLength)
{
	PNDIS_BUFFER b;

	if (!Packet->Private.ValidCounts) {
		Packet->Private.Count = 0;
		Packet->Private.TotalLength = 0;
		for (b = Packet->Private.Head; b; b = b->Next) {
			Packet->Private.Count++;
			Packet->Private.TotalLength += b->ByteCount;
		}
		Packet->Private.PhysicalCount = Packet->Private.Count;
		Packet->Private.ValidCounts = TRUE;
	}
	if (PhysicalBufferCount)
		*PhysicalBufferCount = Packet->Private.PhysicalCount;
	if (BufferCount)
		*BufferCount = Packet->Private.Count;
	if (FirstBuffer)
		*FirstBuffer = Packet->Private.Head;
	if (TotalPacketLength)
		*TotalPacketLength = Packet->Private.TotalLength;
}

/**
 * NdisQueryBuffer() - a buffer's address and length
 * @Buffer: the buffer
 * @VirtualAddress: set to its address, or NULL
 * @Length: set to its length in bytes
 *
 * Context: any.
 */
static inline void NdisQueryBuffer(PNDIS_BUFFER Buffer, PVOID *VirtualAddress, PUINT Length)
{
	if (VirtualAddress)
		*VirtualAddress = Buffer->MappedSystemVa;
	*Length = Buffer->ByteCount;
}

/**
 * NdisQueryBufferSafe() - NdisQueryBuffer() that may fail to map (never here)
 * @Buffer: the buffer
 * @VirtualAddress: set to its address, or NULL
 * @Length: set to its length in bytes
 * @Priority: a MM_PAGE_PRIORITY; kernel memory is always mapped
 *
 * Context: any.
 */
static inline void NdisQueryBufferSafe(PNDIS_BUFFER Buffer, PVOID *VirtualAddress,
				       PUINT Length, UINT Priority)
{
	NdisQueryBuffer(Buffer, VirtualAddress, Length);
}

static inline void NdisQueryBufferOffset(PNDIS_BUFFER Buffer, PUINT Offset, PUINT Length)
{
	*Offset = Buffer->ByteOffset;
	*Length = Buffer->ByteCount;
}

static inline void NdisGetNextBuffer(PNDIS_BUFFER CurrentBuffer, PNDIS_BUFFER *NextBuffer)
{
	*NextBuffer = CurrentBuffer->Next;
}

static inline ULONG NdisBufferLength(PNDIS_BUFFER Buffer)
{
	return Buffer->ByteCount;
}

static inline PVOID NdisBufferVirtualAddress(PNDIS_BUFFER Buffer)
{
	return Buffer->MappedSystemVa;
}

static inline PVOID NdisBufferVirtualAddressSafe(PNDIS_BUFFER Buffer, UINT Priority)
{
	return Buffer->MappedSystemVa;
}

static inline void NdisAdjustBufferLength(PNDIS_BUFFER Buffer, UINT Length)
{
	Buffer->ByteCount = Length;
}

/**
 * NdisGetFirstBufferFromPacketSafe() - a packet's first buffer and its length
 * @Packet: the packet
 * @FirstBuffer: set to the first buffer (NULL for an empty packet)
 * @FirstBufferVA: set to its address
 * @FirstBufferLength: set to its length
 * @TotalBufferLength: set to the bytes in all the packet's buffers
 * @Priority: a MM_PAGE_PRIORITY; unused
 *
 * Context: any.
 */
static inline void NdisGetFirstBufferFromPacketSafe(PNDIS_PACKET Packet,
						    PNDIS_BUFFER *FirstBuffer,
						    PVOID *FirstBufferVA,
						    PUINT FirstBufferLength,
						    PUINT TotalBufferLength, UINT Priority)
{
	PNDIS_BUFFER b = Packet->Private.Head;

	*FirstBuffer = b;
	*FirstBufferVA = b ? b->MappedSystemVa : NULL;
	*FirstBufferLength = b ? b->ByteCount : 0;
	NdisQueryPacket(Packet, NULL, NULL, NULL, TotalBufferLength);
}

static inline void NdisGetFirstBufferFromPacket(PNDIS_PACKET Packet, PNDIS_BUFFER *FirstBuffer,
						PVOID *FirstBufferVA, PUINT FirstBufferLength,
						PUINT TotalBufferLength)
{
	NdisGetFirstBufferFromPacketSafe(Packet, FirstBuffer, FirstBufferVA, FirstBufferLength,
					 TotalBufferLength, NormalPagePriority);
}

/* ---- NDIS_REQUEST ------------------------------------------------------------ */

/*
 * An NDIS 5 request, with the WDK's layout.  The compat layer keeps its
 * own state in NdisReserved, as NDIS does, so the structure is the
 * driver's to allocate (on the stack only if it cannot pend).
 */
typedef struct _NDIS_REQUEST {
	UCHAR MacReserved[4 * sizeof(PVOID)];
	NDIS_REQUEST_TYPE RequestType;
	union _NDIS_REQUEST_DATA {
		struct _QUERY_INFORMATION {
			NDIS_OID Oid;
			PVOID InformationBuffer;
			UINT InformationBufferLength;
			UINT BytesWritten;
			UINT BytesNeeded;
		} QUERY_INFORMATION;
		struct _SET_INFORMATION {
			NDIS_OID Oid;
			PVOID InformationBuffer;
			UINT InformationBufferLength;
			UINT BytesRead;
			UINT BytesNeeded;
		} SET_INFORMATION;
	} DATA;
	UCHAR NdisReserved[9 * sizeof(PVOID)];
	union {
		UCHAR CallMgrReserved[2 * sizeof(PVOID)];
		UCHAR ProtocolReserved[2 * sizeof(PVOID)];
	};
	UCHAR MiniportReserved[2 * sizeof(PVOID)];
} NDIS_REQUEST, *PNDIS_REQUEST;

/*
 * OID_CO_AF_CLOSE: what an NDIS 5 call manager sends a client (a set, no
 * data) to ask it to close an AF; NDIS 6's ProtocolClNotifyCloseAf.
 */
#ifndef OID_CO_AF_CLOSE
#define OID_CO_AF_CLOSE		0xFE00000A
#endif

/* ---- the CO handlers of clients and call managers (per AF) --------------------- */

typedef NDIS_STATUS (*CO_REQUEST_HANDLER)(NDIS_HANDLE ProtocolAfContext,
					  NDIS_HANDLE ProtocolVcContext,
					  NDIS_HANDLE ProtocolPartyContext,
					  PNDIS_REQUEST NdisRequest);
typedef void (*CO_REQUEST_COMPLETE_HANDLER)(NDIS_STATUS Status,
					    NDIS_HANDLE ProtocolAfContext,
					    NDIS_HANDLE ProtocolVcContext,
					    NDIS_HANDLE ProtocolPartyContext,
					    PNDIS_REQUEST NdisRequest);
typedef void (*CL_OPEN_AF_COMPLETE_HANDLER)(NDIS_STATUS Status, NDIS_HANDLE ProtocolAfContext,
					    NDIS_HANDLE NdisAfHandle);

typedef struct _NDIS_CLIENT_CHARACTERISTICS {
	UCHAR MajorVersion;
	UCHAR MinorVersion;
	USHORT Filler;
	UINT Reserved;
	CO_CREATE_VC_HANDLER ClCreateVcHandler;
	CO_DELETE_VC_HANDLER ClDeleteVcHandler;
	CO_REQUEST_HANDLER ClRequestHandler;
	CO_REQUEST_COMPLETE_HANDLER ClRequestCompleteHandler;
	CL_OPEN_AF_COMPLETE_HANDLER ClOpenAfCompleteHandler;
	CL_CLOSE_AF_COMPLETE_HANDLER ClCloseAfCompleteHandler;
	CL_REG_SAP_COMPLETE_HANDLER ClRegisterSapCompleteHandler;
	CL_DEREG_SAP_COMPLETE_HANDLER ClDeregisterSapCompleteHandler;
	CL_MAKE_CALL_COMPLETE_HANDLER ClMakeCallCompleteHandler;
	CL_MODIFY_CALL_QOS_COMPLETE_HANDLER ClModifyCallQoSCompleteHandler;
	CL_CLOSE_CALL_COMPLETE_HANDLER ClCloseCallCompleteHandler;
	CL_ADD_PARTY_COMPLETE_HANDLER ClAddPartyCompleteHandler;
	CL_DROP_PARTY_COMPLETE_HANDLER ClDropPartyCompleteHandler;
	CL_INCOMING_CALL_HANDLER ClIncomingCallHandler;
	CL_INCOMING_CALL_QOS_CHANGE_HANDLER ClIncomingCallQoSChangeHandler;
	CL_INCOMING_CLOSE_CALL_HANDLER ClIncomingCloseCallHandler;
	CL_INCOMING_DROP_PARTY_HANDLER ClIncomingDropPartyHandler;
	CL_CALL_CONNECTED_HANDLER ClCallConnectedHandler;
} NDIS_CLIENT_CHARACTERISTICS, *PNDIS_CLIENT_CHARACTERISTICS;

typedef struct _NDIS_CALL_MANAGER_CHARACTERISTICS {
	UCHAR MajorVersion;
	UCHAR MinorVersion;
	USHORT Filler;
	UINT Reserved;
	CO_CREATE_VC_HANDLER CmCreateVcHandler;
	CO_DELETE_VC_HANDLER CmDeleteVcHandler;
	CM_OPEN_AF_HANDLER CmOpenAfHandler;
	CM_CLOSE_AF_HANDLER CmCloseAfHandler;
	CM_REG_SAP_HANDLER CmRegisterSapHandler;
	CM_DEREG_SAP_HANDLER CmDeregisterSapHandler;
	CM_MAKE_CALL_HANDLER CmMakeCallHandler;
	CM_CLOSE_CALL_HANDLER CmCloseCallHandler;
	CM_INCOMING_CALL_COMPLETE_HANDLER CmIncomingCallCompleteHandler;
	CM_ADD_PARTY_HANDLER CmAddPartyHandler;
	CM_DROP_PARTY_HANDLER CmDropPartyHandler;
	CM_ACTIVATE_VC_COMPLETE_HANDLER CmActivateVcCompleteHandler;
	CM_DEACTIVATE_VC_COMPLETE_HANDLER CmDeactivateVcCompleteHandler;
	CM_MODIFY_CALL_QOS_HANDLER CmModifyCallQoSHandler;
	CO_REQUEST_HANDLER CmRequestHandler;
	CO_REQUEST_COMPLETE_HANDLER CmRequestCompleteHandler;
} NDIS_CALL_MANAGER_CHARACTERISTICS, *PNDIS_CALL_MANAGER_CHARACTERISTICS;

/* ---- protocol drivers ----------------------------------------------------------- */

typedef void (*OPEN_ADAPTER_COMPLETE_HANDLER)(NDIS_HANDLE ProtocolBindingContext,
					      NDIS_STATUS Status, NDIS_STATUS OpenErrorStatus);
typedef void (*CLOSE_ADAPTER_COMPLETE_HANDLER)(NDIS_HANDLE ProtocolBindingContext,
					       NDIS_STATUS Status);
typedef void (*SEND_COMPLETE_HANDLER)(NDIS_HANDLE ProtocolBindingContext, PNDIS_PACKET Packet,
				      NDIS_STATUS Status);
typedef void (*TRANSFER_DATA_COMPLETE_HANDLER)(NDIS_HANDLE ProtocolBindingContext,
					       PNDIS_PACKET Packet, NDIS_STATUS Status,
					       UINT BytesTransferred);
typedef void (*RESET_COMPLETE_HANDLER)(NDIS_HANDLE ProtocolBindingContext, NDIS_STATUS Status);
typedef void (*REQUEST_COMPLETE_HANDLER)(NDIS_HANDLE ProtocolBindingContext,
					 PNDIS_REQUEST NdisRequest, NDIS_STATUS Status);
typedef NDIS_STATUS (*RECEIVE_HANDLER)(NDIS_HANDLE ProtocolBindingContext,
				       NDIS_HANDLE MacReceiveContext, PVOID HeaderBuffer,
				       UINT HeaderBufferSize, PVOID LookAheadBuffer,
				       UINT LookaheadBufferSize, UINT PacketSize);
typedef void (*RECEIVE_COMPLETE_HANDLER)(NDIS_HANDLE ProtocolBindingContext);
typedef void (*STATUS_HANDLER)(NDIS_HANDLE ProtocolBindingContext, NDIS_STATUS GeneralStatus,
			       PVOID StatusBuffer, UINT StatusBufferSize);
typedef void (*STATUS_COMPLETE_HANDLER)(NDIS_HANDLE ProtocolBindingContext);
typedef int (*RECEIVE_PACKET_HANDLER)(NDIS_HANDLE ProtocolBindingContext, PNDIS_PACKET Packet);
typedef void (*BIND_HANDLER)(PNDIS_STATUS Status, NDIS_HANDLE BindContext,
			     PNDIS_STRING DeviceName, PVOID SystemSpecific1,
			     PVOID SystemSpecific2);
typedef void (*UNBIND_HANDLER)(PNDIS_STATUS Status, NDIS_HANDLE ProtocolBindingContext,
			       NDIS_HANDLE UnbindContext);
typedef NDIS_STATUS (*PNP_EVENT_HANDLER)(NDIS_HANDLE ProtocolBindingContext,
					 PNET_PNP_EVENT NetPnPEvent);
typedef void (*UNLOAD_PROTOCOL_HANDLER)(VOID);
typedef void (*CO_SEND_COMPLETE_HANDLER)(NDIS_STATUS Status, NDIS_HANDLE ProtocolVcContext,
					 PNDIS_PACKET Packet);
typedef void (*CO_STATUS_HANDLER)(NDIS_HANDLE ProtocolBindingContext,
				  NDIS_HANDLE ProtocolVcContext, NDIS_STATUS GeneralStatus,
				  PVOID StatusBuffer, UINT StatusBufferSize);
typedef UINT (*CO_RECEIVE_PACKET_HANDLER)(NDIS_HANDLE ProtocolBindingContext,
					  NDIS_HANDLE ProtocolVcContext, PNDIS_PACKET Packet);

/*
 * NDIS50_PROTOCOL_CHARACTERISTICS (5.1 has the same).  Used by a CO
 * protocol: BindAdapterHandler, UnbindAdapterHandler, CoSendCompleteHandler,
 * CoStatusHandler, CoReceivePacketHandler, CoAfRegisterNotifyHandler (all
 * required), OpenAdapterCompleteHandler and CloseAdapterCompleteHandler
 * (never called: NdisOpenAdapter and NdisCloseAdapter do not pend),
 * UnloadHandler (called by NdisDeregisterProtocol).  The connectionless
 * handlers and PnPEventHandler are accepted and never called.
 */
typedef struct _NDIS50_PROTOCOL_CHARACTERISTICS {
	UCHAR MajorNdisVersion;
	UCHAR MinorNdisVersion;
	USHORT Filler;
	union {
		UINT Reserved;
		UINT Flags;
	};
	OPEN_ADAPTER_COMPLETE_HANDLER OpenAdapterCompleteHandler;
	CLOSE_ADAPTER_COMPLETE_HANDLER CloseAdapterCompleteHandler;
	SEND_COMPLETE_HANDLER SendCompleteHandler;
	TRANSFER_DATA_COMPLETE_HANDLER TransferDataCompleteHandler;
	RESET_COMPLETE_HANDLER ResetCompleteHandler;
	REQUEST_COMPLETE_HANDLER RequestCompleteHandler;
	RECEIVE_HANDLER ReceiveHandler;
	RECEIVE_COMPLETE_HANDLER ReceiveCompleteHandler;
	STATUS_HANDLER StatusHandler;
	STATUS_COMPLETE_HANDLER StatusCompleteHandler;
	NDIS_STRING Name;
	RECEIVE_PACKET_HANDLER ReceivePacketHandler;
	BIND_HANDLER BindAdapterHandler;
	UNBIND_HANDLER UnbindAdapterHandler;
	PNP_EVENT_HANDLER PnPEventHandler;
	UNLOAD_PROTOCOL_HANDLER UnloadHandler;
	PVOID ReservedHandlers[4];
	CO_SEND_COMPLETE_HANDLER CoSendCompleteHandler;
	CO_STATUS_HANDLER CoStatusHandler;
	CO_RECEIVE_PACKET_HANDLER CoReceivePacketHandler;
	CO_AF_REGISTER_NOTIFY_HANDLER CoAfRegisterNotifyHandler;
} NDIS50_PROTOCOL_CHARACTERISTICS, *PNDIS50_PROTOCOL_CHARACTERISTICS,
	NDIS_PROTOCOL_CHARACTERISTICS, *PNDIS_PROTOCOL_CHARACTERISTICS;

void NdisRegisterProtocol(PNDIS_STATUS Status, PNDIS_HANDLE NdisProtocolHandle,
			  PNDIS_PROTOCOL_CHARACTERISTICS ProtocolCharacteristics,
			  UINT CharacteristicsLength);
void NdisDeregisterProtocol(PNDIS_STATUS Status, NDIS_HANDLE NdisProtocolHandle);
void NdisOpenAdapter(PNDIS_STATUS Status, PNDIS_STATUS OpenErrorStatus,
		     PNDIS_HANDLE NdisBindingHandle, PUINT SelectedMediumIndex,
		     PNDIS_MEDIUM MediumArray, UINT MediumArraySize,
		     NDIS_HANDLE NdisProtocolHandle, NDIS_HANDLE ProtocolBindingContext,
		     PNDIS_STRING AdapterName, UINT OpenOptions,
		     PVOID AddressingInformation);
void NdisCloseAdapter(PNDIS_STATUS Status, NDIS_HANDLE NdisBindingHandle);
void NdisCompleteBindAdapter(NDIS_HANDLE BindAdapterContext, NDIS_STATUS Status,
			     NDIS_STATUS OpenStatus);
void NdisCompleteUnbindAdapter(NDIS_HANDLE UnbindAdapterContext, NDIS_STATUS Status);

/* ---- miniport drivers ------------------------------------------------------------ */

typedef BOOLEAN (*W_CHECK_FOR_HANG_HANDLER)(NDIS_HANDLE MiniportAdapterContext);
typedef void (*W_DISABLE_INTERRUPT_HANDLER)(NDIS_HANDLE MiniportAdapterContext);
typedef void (*W_ENABLE_INTERRUPT_HANDLER)(NDIS_HANDLE MiniportAdapterContext);
typedef void (*W_HALT_HANDLER)(NDIS_HANDLE MiniportAdapterContext);
typedef void (*W_HANDLE_INTERRUPT_HANDLER)(NDIS_HANDLE MiniportAdapterContext);
typedef NDIS_STATUS (*W_INITIALIZE_HANDLER)(PNDIS_STATUS OpenErrorStatus,
					    PUINT SelectedMediumIndex,
					    PNDIS_MEDIUM MediumArray, UINT MediumArraySize,
					    NDIS_HANDLE MiniportAdapterHandle,
					    NDIS_HANDLE WrapperConfigurationContext);
typedef void (*W_ISR_HANDLER)(PBOOLEAN InterruptRecognized, PBOOLEAN QueueMiniportHandleInterrupt,
			      NDIS_HANDLE MiniportAdapterContext);
typedef NDIS_STATUS (*W_QUERY_INFORMATION_HANDLER)(NDIS_HANDLE MiniportAdapterContext,
						   NDIS_OID Oid, PVOID InformationBuffer,
						   ULONG InformationBufferLength,
						   PULONG BytesWritten, PULONG BytesNeeded);
typedef NDIS_STATUS (*W_RECONFIGURE_HANDLER)(PNDIS_STATUS OpenErrorStatus,
					     NDIS_HANDLE MiniportAdapterContext,
					     NDIS_HANDLE WrapperConfigurationContext);
typedef NDIS_STATUS (*W_RESET_HANDLER)(PBOOLEAN AddressingReset,
				       NDIS_HANDLE MiniportAdapterContext);
typedef NDIS_STATUS (*W_SEND_HANDLER)(NDIS_HANDLE MiniportAdapterContext, PNDIS_PACKET Packet,
				      UINT Flags);
typedef NDIS_STATUS (*W_SET_INFORMATION_HANDLER)(NDIS_HANDLE MiniportAdapterContext,
						 NDIS_OID Oid, PVOID InformationBuffer,
						 ULONG InformationBufferLength,
						 PULONG BytesRead, PULONG BytesNeeded);
typedef NDIS_STATUS (*W_TRANSFER_DATA_HANDLER)(PNDIS_PACKET Packet, PUINT BytesTransferred,
					       NDIS_HANDLE MiniportAdapterContext,
					       NDIS_HANDLE MiniportReceiveContext,
					       UINT ByteOffset, UINT BytesToTransfer);
typedef void (*W_RETURN_PACKET_HANDLER)(NDIS_HANDLE MiniportAdapterContext,
					PNDIS_PACKET Packet);
typedef void (*W_SEND_PACKETS_HANDLER)(NDIS_HANDLE MiniportAdapterContext,
				       PPNDIS_PACKET PacketArray, UINT NumberOfPackets);
typedef void (*W_ALLOCATE_COMPLETE_HANDLER)(NDIS_HANDLE MiniportAdapterContext,
					    PVOID VirtualAddress,
					    PNDIS_PHYSICAL_ADDRESS PhysicalAddress,
					    ULONG Length, PVOID Context);
typedef void (*W_CO_SEND_PACKETS_HANDLER)(NDIS_HANDLE MiniportVcContext,
					  PPNDIS_PACKET PacketArray, UINT NumberOfPackets);
typedef NDIS_STATUS (*W_CO_REQUEST_HANDLER)(NDIS_HANDLE MiniportAdapterContext,
					    NDIS_HANDLE MiniportVcContext,
					    PNDIS_REQUEST NdisRequest);
typedef void (*W_CANCEL_SEND_PACKETS_HANDLER)(NDIS_HANDLE MiniportAdapterContext,
					      PVOID CancelId);
typedef void (*W_PNP_EVENT_NOTIFY_HANDLER)(NDIS_HANDLE MiniportAdapterContext,
					   NDIS_DEVICE_PNP_EVENT PnPEvent,
					   PVOID InformationBuffer,
					   ULONG InformationBufferLength);
typedef void (*W_MINIPORT_SHUTDOWN_HANDLER)(NDIS_HANDLE MiniportAdapterContext);

/*
 * NDIS51_MINIPORT_CHARACTERISTICS (a 5.0 driver passes the shorter 5.0
 * size).  Used: InitializeHandler, HaltHandler, ReturnPacketHandler,
 * CoActivateVcHandler, CoDeactivateVcHandler, CoSendPacketsHandler,
 * CoRequestHandler (all required); CoCreateVcHandler and CoDeleteVcHandler
 * for a plain CO miniport (both NULL: the driver is an MCM, as NDIS
 * decides).  The connectionless and hardware handlers (ISR, interrupts,
 * Send, TransferData, QueryInformation, CheckForHang, Reset, ...) are
 * accepted and never called.
 */
typedef struct _NDIS51_MINIPORT_CHARACTERISTICS {
	UCHAR MajorNdisVersion;
	UCHAR MinorNdisVersion;
	USHORT Filler;
	UINT Reserved;
	W_CHECK_FOR_HANG_HANDLER CheckForHangHandler;
	W_DISABLE_INTERRUPT_HANDLER DisableInterruptHandler;
	W_ENABLE_INTERRUPT_HANDLER EnableInterruptHandler;
	W_HALT_HANDLER HaltHandler;
	W_HANDLE_INTERRUPT_HANDLER HandleInterruptHandler;
	W_INITIALIZE_HANDLER InitializeHandler;
	W_ISR_HANDLER ISRHandler;
	W_QUERY_INFORMATION_HANDLER QueryInformationHandler;
	W_RECONFIGURE_HANDLER ReconfigureHandler;
	W_RESET_HANDLER ResetHandler;
	W_SEND_HANDLER SendHandler;
	W_SET_INFORMATION_HANDLER SetInformationHandler;
	W_TRANSFER_DATA_HANDLER TransferDataHandler;
	W_RETURN_PACKET_HANDLER ReturnPacketHandler;
	W_SEND_PACKETS_HANDLER SendPacketsHandler;
	W_ALLOCATE_COMPLETE_HANDLER AllocateCompleteHandler;
	W_CO_CREATE_VC_HANDLER CoCreateVcHandler;
	W_CO_DELETE_VC_HANDLER CoDeleteVcHandler;
	W_CO_ACTIVATE_VC_HANDLER CoActivateVcHandler;
	W_CO_DEACTIVATE_VC_HANDLER CoDeactivateVcHandler;
	W_CO_SEND_PACKETS_HANDLER CoSendPacketsHandler;
	W_CO_REQUEST_HANDLER CoRequestHandler;
	W_CANCEL_SEND_PACKETS_HANDLER CancelSendPacketsHandler;
	W_PNP_EVENT_NOTIFY_HANDLER PnPEventNotifyHandler;
	W_MINIPORT_SHUTDOWN_HANDLER AdapterShutdownHandler;
	PVOID Reserved1;
	PVOID Reserved2;
	PVOID Reserved3;
	PVOID Reserved4;
} NDIS51_MINIPORT_CHARACTERISTICS, NDIS_MINIPORT_CHARACTERISTICS,
	*PNDIS_MINIPORT_CHARACTERISTICS;

/* The 5.0 size: through CoRequestHandler. */
#define NDIS50_MINIPORT_CHARACTERISTICS_SIZE \
	RTL_SIZEOF_THROUGH_FIELD(NDIS51_MINIPORT_CHARACTERISTICS, CoRequestHandler)

/* NdisMSetAttributesEx() AttributeFlags */
#define NDIS_ATTRIBUTE_IGNORE_PACKET_TIMEOUT		0x00000001
#define NDIS_ATTRIBUTE_IGNORE_REQUEST_TIMEOUT		0x00000002
#define NDIS_ATTRIBUTE_IGNORE_TOKEN_RING_ERRORS		0x00000004
#define NDIS_ATTRIBUTE_BUS_MASTER			0x00000008
#define NDIS_ATTRIBUTE_INTERMEDIATE_DRIVER		0x00000010
#define NDIS_ATTRIBUTE_DESERIALIZE			0x00000020
#define NDIS_ATTRIBUTE_NO_HALT_ON_SUSPEND		0x00000040
#define NDIS_ATTRIBUTE_SURPRISE_REMOVE_OK		0x00000080
#define NDIS_ATTRIBUTE_NOT_CO_NDIS			0x00000100
#define NDIS_ATTRIBUTE_USES_SAFE_BUFFER_APIS		0x00000200

typedef void (*PNDIS_UNLOAD_HANDLER)(PDRIVER_OBJECT DriverObject);

void NdisMInitializeWrapper(PNDIS_HANDLE NdisWrapperHandle, PVOID SystemSpecific1,
			    PVOID SystemSpecific2, PVOID SystemSpecific3);
NDIS_STATUS NdisMRegisterMiniport(NDIS_HANDLE NdisWrapperHandle,
				  PNDIS_MINIPORT_CHARACTERISTICS MiniportCharacteristics,
				  UINT CharacteristicsLength);
void NdisMRegisterUnloadHandler(NDIS_HANDLE NdisWrapperHandle,
				PNDIS_UNLOAD_HANDLER UnloadHandler);
void NdisTerminateWrapper(NDIS_HANDLE NdisWrapperHandle, PVOID SystemSpecific);
void NdisMSetAttributesEx(NDIS_HANDLE MiniportAdapterHandle,
			  NDIS_HANDLE MiniportAdapterContext,
			  UINT CheckForHangTimeInSeconds, ULONG AttributeFlags,
			  NDIS_INTERFACE_TYPE AdapterType);

/* The Linux side of PnP for a 5.x miniport (see porting.rst). */
NDIS_STATUS NdisLinuxAddAdapter5(NDIS_HANDLE NdisWrapperHandle, const char *Name,
				 PNDIS_HANDLE MiniportAdapterHandle);
void NdisLinuxRemoveAdapter5(NDIS_HANDLE MiniportAdapterHandle);
void NdisLinuxUnloadMiniport5(NDIS_HANDLE NdisWrapperHandle);

/* ---- CoNDIS 5.x functions -------------------------------------------------------- */

NDIS_STATUS NdisClOpenAddressFamily(NDIS_HANDLE NdisBindingHandle,
				    PCO_ADDRESS_FAMILY AddressFamily,
				    NDIS_HANDLE ClientAfContext,
				    PNDIS_CLIENT_CHARACTERISTICS ClCharacteristics,
				    UINT SizeOfClCharacteristics, PNDIS_HANDLE NdisAfHandle);
NDIS_STATUS NdisMCmRegisterAddressFamily(NDIS_HANDLE MiniportAdapterHandle,
					 PCO_ADDRESS_FAMILY AddressFamily,
					 PNDIS_CALL_MANAGER_CHARACTERISTICS CmCharacteristics,
					 UINT SizeOfCmCharacteristics);
NDIS_STATUS NdisCmRegisterAddressFamily(NDIS_HANDLE NdisBindingHandle,
					PCO_ADDRESS_FAMILY AddressFamily,
					PNDIS_CALL_MANAGER_CHARACTERISTICS CmCharacteristics,
					UINT SizeOfCmCharacteristics);
NDIS_STATUS NdisCoRequest(NDIS_HANDLE NdisBindingHandle, NDIS_HANDLE NdisAfHandle,
			  NDIS_HANDLE NdisVcHandle, NDIS_HANDLE NdisPartyHandle,
			  PNDIS_REQUEST NdisRequest);
void NdisCoRequestComplete(NDIS_STATUS Status, NDIS_HANDLE NdisAfHandle,
			   NDIS_HANDLE NdisVcHandle, NDIS_HANDLE NdisPartyHandle,
			   PNDIS_REQUEST NdisRequest);
NDIS_STATUS NdisMCmRequest(NDIS_HANDLE NdisAfHandle, NDIS_HANDLE NdisVcHandle,
			   NDIS_HANDLE NdisPartyHandle, PNDIS_REQUEST NdisRequest);
#define NdisMCmRequestComplete(Status, AfH, VcH, PartyH, Req) \
	NdisCoRequestComplete(Status, AfH, VcH, PartyH, Req)
void NdisMCoRequestComplete(NDIS_STATUS Status, NDIS_HANDLE MiniportAdapterHandle,
			    PNDIS_REQUEST Request);

void NdisCoSendPackets(NDIS_HANDLE NdisVcHandle, PPNDIS_PACKET PacketArray,
		       UINT NumberOfPackets);
void NdisMCoSendComplete(NDIS_STATUS Status, NDIS_HANDLE NdisVcHandle, PNDIS_PACKET Packet);
void NdisMCoIndicateReceivePacket(NDIS_HANDLE NdisVcHandle, PPNDIS_PACKET PacketArray,
				  UINT NumberOfPackets);
void NdisMCoReceiveComplete(NDIS_HANDLE MiniportAdapterHandle);
void NdisMCoIndicateStatus(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE NdisVcHandle,
			   NDIS_STATUS GeneralStatus, PVOID StatusBuffer, ULONG StatusBufferSize);

/* ---- OS services ------------------------------------------------------------------ */

typedef NDIS_TIMER NDIS_MINIPORT_TIMER, *PNDIS_MINIPORT_TIMER;

void NdisMInitializeTimer(PNDIS_MINIPORT_TIMER Timer, NDIS_HANDLE MiniportAdapterHandle,
			  PNDIS_TIMER_FUNCTION TimerFunction, PVOID FunctionContext);
void NdisMSetTimer(PNDIS_MINIPORT_TIMER Timer, UINT MillisecondsToDelay);
void NdisMSetPeriodicTimer(PNDIS_MINIPORT_TIMER Timer, UINT MillisecondPeriod);
void NdisMCancelTimer(PNDIS_MINIPORT_TIMER Timer, PBOOLEAN TimerCancelled);

typedef struct _NDIS_WORK_ITEM NDIS_WORK_ITEM, *PNDIS_WORK_ITEM;
typedef void (*NDIS_PROC)(struct _NDIS_WORK_ITEM *WorkItem, PVOID Context);

/*
 * The WDK's layout, then the compat layer's work (the WDK's 8 pointers of
 * WrapperReserved are too few for a work_struct with lock debugging), so
 * sizeof() is larger than the WDK's: a driver embeds it, never sizes it
 * by hand.
 */
struct _NDIS_WORK_ITEM {
	PVOID Context;
	NDIS_PROC Routine;
	UCHAR WrapperReserved[8 * sizeof(PVOID)];
	struct work_struct NdisCompatWork;
};

void NdisInitializeWorkItem(PNDIS_WORK_ITEM WorkItem, NDIS_PROC Routine, PVOID Context);
NDIS_STATUS NdisScheduleWorkItem(PNDIS_WORK_ITEM WorkItem);

NDIS_STATUS NdisAllocateMemory(PVOID *VirtualAddress, UINT Length, UINT MemoryFlags,
			       NDIS_PHYSICAL_ADDRESS HighestAcceptableAddress);

/* Configuration: read from the driver module's parameters (porting.rst). */
typedef enum _NDIS_PARAMETER_TYPE {
	NdisParameterInteger,
	NdisParameterHexInteger,
	NdisParameterString,
	NdisParameterMultiString,
	NdisParameterBinary,
} NDIS_PARAMETER_TYPE, *PNDIS_PARAMETER_TYPE;

typedef struct {
	USHORT Length;
	PVOID Buffer;
} BINARY_DATA;

typedef struct _NDIS_CONFIGURATION_PARAMETER {
	NDIS_PARAMETER_TYPE ParameterType;
	union {
		ULONG IntegerData;
		NDIS_STRING StringData;
		BINARY_DATA BinaryData;
	} ParameterData;
} NDIS_CONFIGURATION_PARAMETER, *PNDIS_CONFIGURATION_PARAMETER;

void NdisOpenConfiguration(PNDIS_STATUS Status, PNDIS_HANDLE ConfigurationHandle,
			   NDIS_HANDLE WrapperConfigurationContext);
void NdisReadConfiguration(PNDIS_STATUS Status,
			   PNDIS_CONFIGURATION_PARAMETER *ParameterValue,
			   NDIS_HANDLE ConfigurationHandle, PNDIS_STRING Keyword,
			   NDIS_PARAMETER_TYPE ParameterType);
void NdisCloseConfiguration(NDIS_HANDLE ConfigurationHandle);

#endif /* _NDIS_NDIS5_H */
