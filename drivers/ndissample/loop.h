/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ndisloop: a CoNDIS miniport call manager (MCM) for the loopback medium
 * of <ndisloop.h>, written against the NDIS compat headers only
 * (loop.c), with a small Linux shim for module init and debugfs
 * (loop_linux.c).
 *
 * Objects (all allocated with NdisAllocateMemoryWithTagPriority):
 *   LOOP_ADAPTER  one per adapter (MiniportAdapterContext)
 *   LOOP_AF       an address family a client opened (CallMgrAfContext)
 *   LOOP_SAP      a SAP a client registered (CallMgrSapContext)
 *   LOOP_VC       a VC, ours or a client's (CallMgrVcContext, also the
 *                 MiniportVcContext of an MCM)
 *
 * Locking: Loop.Lock (an NDIS_SPIN_LOCK) protects every list below, the
 * VC states and peer links, each adapter's request queue and the
 * configuration.  It is never held across a call into NDIS.
 *
 * Asynchronous work (make-call, close-call, add and drop party, QoS
 * changes, pended SAP deregistration and OID requests) goes on an
 * adapter's request queue and runs on the adapter's one NDIS I/O work
 * item, which MiniportHaltEx frees (waiting for it), so no work of ours
 * runs after the adapter is gone.  A call's two ends may be on two
 * adapters, so two work items may act on one call: a QoS change runs on
 * the work item of the end that did not ask, which also closes that end
 * (the asking end cannot close meanwhile: NDIS refuses it).
 */
#ifndef _LOOP_H
#define _LOOP_H

#include <ndis/ndis.h>

#include "ndisloop.h"

#define LOOP_TAG	0x706f6f4c	/* 'Loop' */

/* What a queued request asks the adapter's work item to do. */
typedef enum _LOOP_REQ_KIND {
	LoopReqMakeCall,
	LoopReqCloseCall,
	LoopReqDeregSap,
	LoopReqOid,
	LoopReqMpOid,
	LoopReqAddParty,
	LoopReqDropParty,
	LoopReqModifyQos,
} LOOP_REQ_KIND;

/**
 * struct _LOOP_REQ - a request on an adapter's queue
 * @Link: in LOOP_ADAPTER.Requests
 * @Kind: what to do
 * @Object: the LOOP_VC, LOOP_SAP or LOOP_OID it is about
 */
typedef struct _LOOP_REQ {
	LIST_ENTRY Link;
	LOOP_REQ_KIND Kind;
	PVOID Object;
} LOOP_REQ, *PLOOP_REQ;

/**
 * struct _LOOP_ADAPTER - an adapter (MiniportAdapterContext)
 * @Link: in Loop.Adapters
 * @MiniportAdapterHandle: NDIS's handle
 * @Name: the adapter's name
 * @AfList: the LOOP_AFs clients opened on it
 * @Requests: LOOP_REQs for @WorkItem
 * @PendingDeregs: LOOP_SAPs whose deregistration waits for their timer
 * @WorkItem: runs the requests
 * @RxPool: the NBL pool of packets indicated on its VCs
 * @RxOutstanding: NBLs of @RxPool not freed yet
 * @Halting: MiniportHaltEx has begun: nothing more is queued
 */
typedef struct _LOOP_ADAPTER {
	LIST_ENTRY Link;
	NDIS_HANDLE MiniportAdapterHandle;
	char Name[NDIS_COMPAT_NAME_MAX];
	LIST_ENTRY AfList;
	LIST_ENTRY Requests;
	LIST_ENTRY PendingDeregs;
	NDIS_HANDLE WorkItem;
	NDIS_HANDLE RxPool;
	LONG RxOutstanding;
	BOOLEAN Halting;
} LOOP_ADAPTER, *PLOOP_ADAPTER;

/**
 * struct _LOOP_AF - an open address family (CallMgrAfContext)
 * @Link: in its adapter's AfList
 * @Adapter: the adapter
 * @NdisAfHandle: NDIS's handle
 * @SapList: the LOOP_SAPs registered on it and not being deregistered
 * @NotifyPending: a notify-close of ours is pending: the AF stays until
 *	ProtocolCmNotifyCloseAfComplete, which comes after the client closed it
 * @Closed: the client closed it (while @NotifyPending)
 */
typedef struct _LOOP_AF {
	LIST_ENTRY Link;
	PLOOP_ADAPTER Adapter;
	NDIS_HANDLE NdisAfHandle;
	LIST_ENTRY SapList;
	BOOLEAN NotifyPending;
	BOOLEAN Closed;
} LOOP_AF, *PLOOP_AF;

/**
 * struct _LOOP_SAP - a registered SAP (CallMgrSapContext)
 * @Link: in its AF's SapList, or its adapter's PendingDeregs
 * @Af: its address family
 * @NdisSapHandle: NDIS's handle
 * @Timer: delays a pended deregistration
 * @Req: its deregistration request (or late refusal)
 * @Refusal: the status of a registration refused late (no @Timer then)
 * @Len: bytes in @Name
 * @Name: the service name
 */
typedef struct _LOOP_SAP {
	LIST_ENTRY Link;
	PLOOP_AF Af;
	NDIS_HANDLE NdisSapHandle;
	NDIS_HANDLE Timer;
	LOOP_REQ Req;
	NDIS_STATUS Refusal;
	ULONG Len;
	UCHAR Name[NDISLOOP_NAME_MAX + 1];
} LOOP_SAP, *PLOOP_SAP;

/* A VC's call, as the MCM sees it. */
typedef enum _LOOP_VC_STATE {
	LoopVcIdle,
	LoopVcCalling,		/* outgoing: the make-call is being set up */
	LoopVcOffered,		/* incoming: offered to the client */
	LoopVcConnected,
	LoopVcClosing,
} LOOP_VC_STATE;

/* Most parties a multipoint call may have, the one being added included. */
#define LOOP_MAX_PARTIES	8

/* A party of a multipoint call, as the MCM sees it. */
typedef enum _LOOP_PARTY_STATE {
	LoopPartyAdding,	/* its leaf is being offered the call */
	LoopPartyActive,
	LoopPartyDropping,	/* the root asked to drop it */
} LOOP_PARTY_STATE;

struct _LOOP_VC;

/**
 * struct _LOOP_PARTY - a party of a multipoint call (CallMgrPartyContext)
 * @Link: in its root's Parties
 * @Root: the root's VC (the client's, which made the call)
 * @Leaf: the VC the party's end was offered on (ours), or NULL once
 *	either end let go of the other; under Loop.Lock
 * @NdisPartyHandle: NDIS's handle
 * @State: see LOOP_PARTY_STATE; under Loop.Lock
 * @CallParameters: the client's parameters of an add-party in progress
 * @Req: its add-party or drop-party request
 * @Id: a number for debugfs
 */
typedef struct _LOOP_PARTY {
	LIST_ENTRY Link;
	struct _LOOP_VC *Root;
	struct _LOOP_VC *Leaf;
	NDIS_HANDLE NdisPartyHandle;
	LOOP_PARTY_STATE State;
	PCO_CALL_PARAMETERS CallParameters;
	LOOP_REQ Req;
	ULONG Id;
} LOOP_PARTY, *PLOOP_PARTY;

/**
 * struct _LOOP_VC - a VC (CallMgrVcContext and MiniportVcContext)
 * @Link: in Loop.Vcs
 * @Af: the AF it was created on
 * @NdisVcHandle: NDIS's handle
 * @Ours: we created it (an incoming call's VC): we delete it
 * @State: its call; under Loop.Lock
 * @Peer: the other end of its point-to-point call, or NULL; under Loop.Lock
 * @Multipoint: its call is a multipoint call it is the root of; under Loop.Lock
 * @Parties: the LOOP_PARTYs of that call; under Loop.Lock
 * @Party: the party whose leaf it is, or NULL; under Loop.Lock
 * @CallParameters: the client's parameters of a make-call in progress
 * @OwnParameters: the parameters of an incoming call we offered
 * @Running: the parameters it was last activated with
 * @QosParameters: the parameters our own QoS change activated it with
 *	(ours to free), or NULL
 * @Modify: the client's parameters of a QoS change in progress, or NULL;
 *	under Loop.Lock
 * @Req: its make-call or close-call request
 * @QosReq: its QoS change request
 * @Id: a number for debugfs
 * @TxPackets: packets sent on it
 * @RxPackets: packets indicated on it
 * @TxRate: the transmit token rate it runs with (bytes/s), or QOS_NOT_SPECIFIED
 * @QosChanges: how often its QoS changed
 */
typedef struct _LOOP_VC {
	LIST_ENTRY Link;
	PLOOP_AF Af;
	NDIS_HANDLE NdisVcHandle;
	BOOLEAN Ours;
	LOOP_VC_STATE State;
	struct _LOOP_VC *Peer;
	BOOLEAN Multipoint;
	LIST_ENTRY Parties;
	PLOOP_PARTY Party;
	PCO_CALL_PARAMETERS CallParameters;
	PCO_CALL_PARAMETERS OwnParameters;
	PCO_CALL_PARAMETERS Running;
	PCO_CALL_PARAMETERS QosParameters;
	PCO_CALL_PARAMETERS Modify;
	LOOP_REQ Req;
	LOOP_REQ QosReq;
	ULONG Id;
	LONG TxPackets;
	LONG RxPackets;
	ULONG TxRate;
	ULONG QosChanges;
} LOOP_VC, *PLOOP_VC;

/**
 * struct _LOOP_OID - an OID request the call manager, or the miniport, answers later
 * @Req: its request
 * @Af: the AF it came on; NULL for one the miniport answers
 * @OidRequest: the request
 */
typedef struct _LOOP_OID {
	LOOP_REQ Req;
	PLOOP_AF Af;
	PNDIS_OID_REQUEST OidRequest;
} LOOP_OID, *PLOOP_OID;

/**
 * struct _LOOP_GLOBALS - the driver's state
 * @DriverHandle: from NdisMRegisterMiniportDriver
 * @Lock: see the top of this file
 * @Adapters: LOOP_ADAPTERs, in creation order
 * @Vcs: every LOOP_VC
 * @NextVcId: the next LOOP_VC.Id
 * @NextPartyId: the next LOOP_PARTY.Id
 * @DeregPend: pend SAP deregistrations (else complete them at once)
 * @DeregDelayMs: how long a pended deregistration waits
 * @RefuseName: a SAP name to refuse, or ""
 * @RefuseStatus: with this status
 * @RefusePend: refuse by pending and completing (else at once)
 * @DeregCompletions: pended deregistrations completed
 */
typedef struct _LOOP_GLOBALS {
	NDIS_HANDLE DriverHandle;
	NDIS_SPIN_LOCK Lock;
	LIST_ENTRY Adapters;
	LIST_ENTRY Vcs;
	ULONG NextVcId;
	ULONG NextPartyId;
	BOOLEAN DeregPend;
	ULONG DeregDelayMs;
	char RefuseName[NDISLOOP_NAME_MAX + 1];
	NDIS_STATUS RefuseStatus;
	BOOLEAN RefusePend;
	LONG DeregCompletions;
} LOOP_GLOBALS;

extern LOOP_GLOBALS Loop;

/* loop.c */
DRIVER_INITIALIZE LoopDriverEntry;
NDIS_STATUS LoopAddAdapter(const char *Name);
NDIS_STATUS LoopRemoveAdapter(const char *Name);
ULONG LoopNotifyCloseAfs(const char *Name);

/* loop_linux.c: the event log tests read (debugfs "events"). */
void LoopLog(const char *fmt, ...) __printf(1, 2);

/* Shared by the driver's files: loop.c, loop_cm.c, loop_call.c. */
PVOID LoopAlloc(ULONG Size);
void LoopFree(PVOID Memory);
BOOLEAN LoopQueue(PLOOP_ADAPTER Adapter, PLOOP_REQ Req, LOOP_REQ_KIND Kind, PVOID Object);
PCO_SPECIFIC_PARAMETERS LoopCalledName(PCO_CALL_PARAMETERS CallParameters);
void LoopDoDeregSap(PLOOP_ADAPTER Adapter, PLOOP_SAP Sap);
void LoopDoMpOid(PLOOP_ADAPTER Adapter, PLOOP_OID Oid);
void LoopDoOid(PLOOP_ADAPTER Adapter, PLOOP_OID Oid);
void LoopDoMakeCall(PLOOP_VC Caller);
void LoopDoCloseCall(PLOOP_VC Vc);
void LoopDoAddParty(PLOOP_PARTY Party);
void LoopDoDropParty(PLOOP_PARTY Party);
void LoopDoModifyQos(PLOOP_VC Vc);

/* The handlers loop.c registers: loop_cm.c, loop_call.c. */
NDIS_IO_WORKITEM_FUNCTION LoopWorker;
MINIPORT_CO_OID_REQUEST LoopCoOidRequest;
NDIS_TIMER_FUNCTION LoopDeregTimer;
PROTOCOL_CM_OPEN_AF LoopCmOpenAf;
PROTOCOL_CM_CLOSE_AF LoopCmCloseAf;
PROTOCOL_CM_NOTIFY_CLOSE_AF_COMPLETE LoopCmNotifyCloseAfComplete;
PROTOCOL_CM_REG_SAP LoopCmRegisterSap;
PROTOCOL_CM_DEREGISTER_SAP LoopCmDeregisterSap;
PROTOCOL_CO_OID_REQUEST LoopCmOidRequest;
PROTOCOL_CO_OID_REQUEST_COMPLETE LoopCmOidRequestComplete;
PROTOCOL_CM_ADD_PARTY LoopCmAddParty;
PROTOCOL_CM_DROP_PARTY LoopCmDropParty;
PROTOCOL_CM_MODIFY_QOS_CALL LoopCmModifyCallQoS;
PROTOCOL_CM_ACTIVATE_VC_COMPLETE LoopCmActivateVcComplete;
PROTOCOL_CM_DEACTIVATE_VC_COMPLETE LoopCmDeactivateVcComplete;
PROTOCOL_CO_CREATE_VC LoopCmCreateVc;
PROTOCOL_CO_DELETE_VC LoopCmDeleteVc;
PROTOCOL_CM_MAKE_CALL LoopCmMakeCall;
PROTOCOL_CM_CLOSE_CALL LoopCmCloseCall;
PROTOCOL_CM_INCOMING_CALL_COMPLETE LoopCmIncomingCallComplete;

#endif /* _LOOP_H */
