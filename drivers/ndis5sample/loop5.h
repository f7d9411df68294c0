/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ndis5loop: an NDIS 5.x miniport call manager (MCM) for the loopback
 * medium of loop5net.h, written as an NDIS 5 driver is: loop5.c
 * (DriverEntry, the miniport handlers, the work item), loop5_cm.c (the
 * call-manager handlers of its AF), loop5_linux.c (module init and exit,
 * debugfs).
 *
 * Objects:
 *   LOOP5_ADAPTER  MiniportAdapterContext
 *   LOOP5_AF       CallMgrAfContext
 *   LOOP5_SAP      CallMgrSapContext
 *   LOOP5_VC       CallMgrVcContext and MiniportVcContext
 *
 * Locking: Loop5.Lock protects every list, each VC's State and Peer, and
 * the settings; it is never held across a call into NDIS.  Make-calls and
 * close-calls run on the VC's NDIS_WORK_ITEM; Loop5.Busy counts the items
 * queued or running, and MiniportHalt waits for none to be left.
 */
#ifndef _LOOP5_H
#define _LOOP5_H

#include <ndis/ndis.h>

#include "loop5net.h"

typedef struct _LOOP5_ADAPTER {
	LIST_ENTRY Link;
	NDIS_HANDLE MiniportAdapterHandle;
	char Name[NDIS_COMPAT_NAME_MAX];
	LIST_ENTRY AfList;
	BOOLEAN Halting;
} LOOP5_ADAPTER, *PLOOP5_ADAPTER;

typedef struct _LOOP5_AF {
	LIST_ENTRY Link;
	PLOOP5_ADAPTER Adapter;
	NDIS_HANDLE NdisAfHandle;
	LIST_ENTRY SapList;
	NDIS_REQUEST CloseRequest;	/* OID_CO_AF_CLOSE we sent */
} LOOP5_AF, *PLOOP5_AF;

typedef struct _LOOP5_SAP {
	LIST_ENTRY Link;
	PLOOP5_AF Af;
	NDIS_HANDLE NdisSapHandle;
	ULONG Len;
	UCHAR Name[LOOP5_NAME_MAX + 1];
} LOOP5_SAP, *PLOOP5_SAP;

typedef enum _LOOP5_VC_STATE {
	Loop5Idle,
	Loop5Calling,
	Loop5Offered,
	Loop5Connected,
	Loop5Closing,
} LOOP5_VC_STATE;

typedef struct _LOOP5_VC {
	LIST_ENTRY Link;
	PLOOP5_AF Af;
	NDIS_HANDLE NdisVcHandle;
	BOOLEAN Ours;			/* we created it (incoming call) */
	LOOP5_VC_STATE State;
	struct _LOOP5_VC *Peer;
	PCO_CALL_PARAMETERS CallParameters;	/* a make-call's, while it runs */
	PCO_CALL_PARAMETERS OwnParameters;	/* an incoming call's */
	NDIS_WORK_ITEM Work;
	BOOLEAN Closing;		/* the work item closes (else makes) the call */
	ULONG Id;
	LONG TxPackets;
	LONG RxPackets;
} LOOP5_VC, *PLOOP5_VC;

/* An OID the call manager answers from a work item. */
typedef struct _LOOP5_OID {
	NDIS_WORK_ITEM Work;
	PLOOP5_AF Af;
	NDIS_HANDLE VcHandle;
	PNDIS_REQUEST Request;
} LOOP5_OID, *PLOOP5_OID;

typedef struct _LOOP5_GLOBALS {
	NDIS_HANDLE WrapperHandle;
	NDIS_HANDLE PacketPool;
	NDIS_HANDLE BufferPool;
	NDIS_SPIN_LOCK Lock;
	LIST_ENTRY Adapters;
	LIST_ENTRY Vcs;
	ULONG NextVcId;
	LONG Busy;			/* work items queued or running */
	LONG RxOut;			/* receive packets not returned */
	BOOLEAN RxResources;		/* indicate with NDIS_STATUS_RESOURCES */
} LOOP5_GLOBALS;

extern LOOP5_GLOBALS Loop5;

/* loop5.c */
NTSTATUS Loop5DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath);
PVOID Loop5Alloc(ULONG Size);
void Loop5Free(PVOID Memory);
void Loop5Queue(PLOOP5_VC Vc, BOOLEAN Closing);
PLOOP5_ADAPTER Loop5FindAdapter(const char *Name);
ULONG Loop5IndicateStatus(const char *Name, NDIS_STATUS Status, ULONG Value);
ULONG Loop5CloseAfs(const char *Name);

/* loop5_cm.c */
extern NDIS_CALL_MANAGER_CHARACTERISTICS Loop5CmChars;
void Loop5DoMakeCall(PLOOP5_VC Caller);
void Loop5DoCloseCall(PLOOP5_VC Vc);
void Loop5FreeVc(PLOOP5_VC Vc);

/* loop5_linux.c */
void Loop5Log(const char *fmt, ...) __printf(1, 2);

#endif /* _LOOP5_H */
