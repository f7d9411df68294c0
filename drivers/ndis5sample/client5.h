/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ndis5client: an NDIS 5.x CoNDIS client of the loopback medium
 * (loop5net.h), written as an NDIS 5 client is: client5.c (DriverEntry,
 * binding, the AF and SAP handlers, teardown), client5_call.c (VCs,
 * calls, packets, requests, status), client5_linux.c (module init and
 * exit, debugfs).
 *
 * Objects: CL5_BINDING (ProtocolBindingContext, also the ProtocolAfContext
 * and ProtocolSapContext of its one AF and SAP) and CL5_CALL
 * (ProtocolVcContext), kept in Cl5.Calls.
 *
 * Locking: Cl5.Lock protects the bindings list, the call table and every
 * state and counter field; it is never held across a call into NDIS.
 */
#ifndef _CLIENT5_H
#define _CLIENT5_H

#include <ndis/ndis.h>

#include "loop5net.h"

#define CL5_MAX_CALLS	128
#define CL5_WAIT_MS	10000

typedef enum _CL5_AF_STATE {
	Cl5AfNone,
	Cl5AfOpening,
	Cl5AfOpen,
	Cl5AfClosing,
	Cl5AfClosed,
} CL5_AF_STATE;

typedef struct _CL5_BINDING {
	LIST_ENTRY Link;
	NDIS_HANDLE BindingHandle;
	char Name[NDIS_COMPAT_NAME_MAX];
	CL5_AF_STATE AfState;
	NDIS_HANDLE AfHandle;
	NDIS_HANDLE SapHandle;
	BOOLEAN SapRegistered;
	NDIS_EVENT Done;		/* an AF or SAP completion came */
	NDIS_STATUS DoneStatus;
	UCHAR SapBuf[sizeof(CO_SAP) + LOOP5_NAME_MAX];
	NDIS_REQUEST Request;		/* NdisCoRequest of "oid" */
	ULONG OidValue;
	LONG OidCompletions;
	LONG StatusIndications;
	NDIS_WORK_ITEM CloseWork;	/* OID_CO_AF_CLOSE: the AF's teardown */
	BOOLEAN Unbinding;
} CL5_BINDING, *PCL5_BINDING;

typedef enum _CL5_CALL_STATE {
	Cl5CallIdle,
	Cl5CallCalling,
	Cl5CallOffered,
	Cl5CallConnected,
	Cl5CallClosing,
	Cl5CallClosed,
} CL5_CALL_STATE;

typedef struct _CL5_CALL {
	BOOLEAN Used;
	ULONG Id;
	PCL5_BINDING Binding;
	NDIS_HANDLE VcHandle;
	BOOLEAN Out;			/* we placed it (and created the VC) */
	CL5_CALL_STATE State;
	PCO_CALL_PARAMETERS Params;
	LONG Make, Connected, Close, IncomingClose, Offered;
	LONG TxOk, TxErr, SendComplete;
	LONG RxPackets, RxBytes, RxBad, Kept, Returned;
	LIST_ENTRY KeptList;		/* received packets held ("keep on") */
} CL5_CALL, *PCL5_CALL;

typedef struct _CL5_GLOBALS {
	NDIS_HANDLE ProtocolHandle;
	NDIS_HANDLE PacketPool;
	NDIS_HANDLE BufferPool;
	NDIS_SPIN_LOCK Lock;
	LIST_ENTRY Bindings;
	CL5_CALL Calls[CL5_MAX_CALLS];
	ULONG NextInId;
	BOOLEAN Keep;			/* keep received packets until "return" */
	LONG Busy;			/* work items queued or running */
} CL5_GLOBALS;

extern CL5_GLOBALS Cl5;
extern NDIS_CLIENT_CHARACTERISTICS Cl5ClChars;

/* client5.c */
NTSTATUS Cl5DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath);
PVOID Cl5Alloc(ULONG Size);
void Cl5Free(PVOID Memory);
PCL5_BINDING Cl5FindBinding(const char *Name);
NDIS_STATUS Cl5Listen(const char *Adapter, const char *Name);
NDIS_STATUS Cl5Oid(const char *Adapter, BOOLEAN Miniport);
void Cl5TeardownAf(PCL5_BINDING Binding);
NDIS_STATUS Cl5Request(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE ProtocolVcContext,
		       NDIS_HANDLE ProtocolPartyContext, PNDIS_REQUEST NdisRequest);
void Cl5RequestComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolAfContext,
			NDIS_HANDLE ProtocolVcContext, NDIS_HANDLE ProtocolPartyContext,
			PNDIS_REQUEST NdisRequest);
void Cl5OpenAfComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolAfContext,
		       NDIS_HANDLE NdisAfHandle);
void Cl5CloseAfComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolAfContext);
void Cl5RegisterSapComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolSapContext, PCO_SAP Sap,
			    NDIS_HANDLE NdisSapHandle);
void Cl5DeregisterSapComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolSapContext);

/* client5_call.c */
PCL5_CALL Cl5NewCall(PCL5_BINDING Binding, ULONG Id, BOOLEAN Out);
PCL5_CALL Cl5FindCall(ULONG Id);
NDIS_STATUS Cl5MakeCall(ULONG Id, const char *Adapter, const char *Name);
NDIS_STATUS Cl5CloseCall(PCL5_CALL Call);
NDIS_STATUS Cl5Send(ULONG Id, ULONG Count, ULONG Size);
ULONG Cl5ReturnKept(ULONG Id);
void Cl5SendComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolVcContext, PNDIS_PACKET Packet);
UINT Cl5ReceivePacket(NDIS_HANDLE ProtocolBindingContext, NDIS_HANDLE ProtocolVcContext,
		      PNDIS_PACKET Packet);
void Cl5CoStatus(NDIS_HANDLE ProtocolBindingContext, NDIS_HANDLE ProtocolVcContext,
		 NDIS_STATUS GeneralStatus, PVOID StatusBuffer, UINT StatusBufferSize);

/* client5_linux.c */
void Cl5Log(const char *fmt, ...) __printf(1, 2);

#endif /* _CLIENT5_H */
