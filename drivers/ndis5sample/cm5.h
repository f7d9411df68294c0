/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ndis5cm: an NDIS 5.x stand-alone call manager, a protocol driver with
 * the call-manager role, written as an NDIS 5.x driver is against
 * <ndis/ndis.h> only (cm5.c, cm5_call.c), with a Linux shim for module
 * init and debugfs (cm5_linux.c).
 *
 * It binds to plain CO miniports (conic ports in plain mode: it asks each
 * adapter CM_OID_PORT_MODE with NdisCoRequest and keeps only those that
 * answer "plain"), registers the ndis5 sample medium's address family
 * (loop5net.h: SAPs are service names, a call names the one it calls) on
 * each with NdisCmRegisterAddressFamily and its per-AF
 * NDIS_CALL_MANAGER_CHARACTERISTICS, and connects calls between clients on
 * two of its adapters in memory: its "signaling" is the lookup of the
 * called SAP on another adapter, a channel (an ATM VCI, <ndis/atm.h>)
 * that no call uses on any of its adapters, and both VCs activated with
 * NdisCmActivateVc on that VCI, so the miniports carry the call's data
 * on their wire.  Point to point only; no QoS changes.
 *
 * Objects (NdisAllocateMemory):
 *   CM_BINDING  one per adapter (ProtocolBindingContext)
 *   CM_AF       an AF a client opened (CallMgrAfContext)
 *   CM_SAP      a SAP (CallMgrSapContext)
 *   CM_VC       a VC, a client's or ours (CallMgrVcContext)
 *
 * Locking: Cm.Lock (an NDIS_SPIN_LOCK) protects the lists, VC states,
 * peer links, the channel table and the request queue.  It is never held
 * across a call into NDIS.  Make-calls and close-calls run on the driver's
 * one NDIS_WORK_ITEM, one at a time, at PASSIVE_LEVEL: it waits there for
 * activations and deactivations the miniport pends.
 */
#ifndef _CM5_H
#define _CM5_H

#include <ndis/ndis.h>
#include <ndis/atm.h>

#include "loop5net.h"

/* How long the work item waits for a pended activation or deactivation (ms). */
#define CM_WAIT_MS	10000
/* The channels it hands out: VCIs CM_FIRST_VCI .. CM_FIRST_VCI + CM_VCIS - 1. */
#define CM_FIRST_VCI	32
#define CM_VCIS		256
/* The vendor OID a conic port answers with its mode, and the answer "plain". */
#define CM_OID_PORT_MODE	0xFF0C0001
#define CM_MODE_PLAIN		0

typedef enum _CM_REQ_KIND {
	CmReqMakeCall,
	CmReqCloseCall,
} CM_REQ_KIND;

/**
 * struct _CM_REQ - a request for the work item
 * @Link: in Cm.Requests
 * @Kind: what to do
 * @Vc: the CM_VC it is about
 */
typedef struct _CM_REQ {
	LIST_ENTRY Link;
	CM_REQ_KIND Kind;
	struct _CM_VC *Vc;
} CM_REQ, *PCM_REQ;

/**
 * struct _CM_BINDING - the call manager bound to one adapter
 * @Link: in Cm.Bindings
 * @BindingHandle: from NdisOpenAdapter
 * @Afs: the CM_AFs clients opened on it
 * @OidDone: set when the mode query completes
 * @OidStatus: its status
 * @Name: the adapter's name
 */
typedef struct _CM_BINDING {
	LIST_ENTRY Link;
	NDIS_HANDLE BindingHandle;
	LIST_ENTRY Afs;
	NDIS_EVENT OidDone;
	NDIS_STATUS OidStatus;
	char Name[NDIS_COMPAT_NAME_MAX];
} CM_BINDING, *PCM_BINDING;

/**
 * struct _CM_AF - an AF a client opened (CallMgrAfContext)
 * @Link: in its binding's Afs
 * @Binding: its binding
 * @NdisAfHandle: NDIS's handle
 * @Saps: its CM_SAPs
 * @Asked: our unbind sent it OID_CO_AF_CLOSE; under Cm.Lock
 */
typedef struct _CM_AF {
	LIST_ENTRY Link;
	PCM_BINDING Binding;
	NDIS_HANDLE NdisAfHandle;
	LIST_ENTRY Saps;
	BOOLEAN Asked;
} CM_AF, *PCM_AF;

/**
 * struct _CM_SAP - a registered SAP (CallMgrSapContext)
 * @Link: in its AF's Saps
 * @Af: its AF
 * @NdisSapHandle: NDIS's handle
 * @Len: bytes in @Name
 * @Name: the service name
 */
typedef struct _CM_SAP {
	LIST_ENTRY Link;
	PCM_AF Af;
	NDIS_HANDLE NdisSapHandle;
	ULONG Len;
	UCHAR Name[LOOP5_NAME_MAX + 1];
} CM_SAP, *PCM_SAP;

typedef enum _CM_VC_STATE {
	CmVcIdle,
	CmVcCalling,
	CmVcOffered,
	CmVcConnected,
	CmVcClosing,
} CM_VC_STATE;

/**
 * struct _CM_VC - a VC (CallMgrVcContext)
 * @Link: in Cm.Vcs
 * @Af: the AF it is on
 * @NdisVcHandle: NDIS's handle
 * @Ours: we created it (an incoming call's VC): we delete it
 * @State: its call; under Cm.Lock
 * @Peer: the other end of its call, or NULL; under Cm.Lock
 * @CallParameters: the client's parameters of a make-call in progress
 * @Params: what we activate it with (ours): the flows, the called name
 *	and ATM's media parameters with the call's VCI
 * @Vci: the call's channel while active, or 0
 * @Event: set when a pended activation or deactivation completes
 * @EventStatus: its status
 * @Req: its make-call or close-call request
 * @Id: a number for debugfs
 */
typedef struct _CM_VC {
	LIST_ENTRY Link;
	PCM_AF Af;
	NDIS_HANDLE NdisVcHandle;
	BOOLEAN Ours;
	CM_VC_STATE State;
	struct _CM_VC *Peer;
	PCO_CALL_PARAMETERS CallParameters;
	PCO_CALL_PARAMETERS Params;
	ULONG Vci;
	NDIS_EVENT Event;
	NDIS_STATUS EventStatus;
	CM_REQ Req;
	ULONG Id;
} CM_VC, *PCM_VC;

/**
 * struct _CM_GLOBALS - the driver's state
 * @ProtocolHandle: from NdisRegisterProtocol
 * @Lock: see the top of this file
 * @Bindings: CM_BINDINGs
 * @Vcs: every CM_VC
 * @Requests: CM_REQs for @WorkItem
 * @WorkItem: runs the requests
 * @WorkQueued: @WorkItem is scheduled or running; under @Lock
 * @Unloading: no more requests are queued; under @Lock
 * @NextVcId: the next CM_VC.Id
 * @VciUsers: per channel, the active VCs on it (0, 1 or 2: a call's ends)
 */
typedef struct _CM_GLOBALS {
	NDIS_HANDLE ProtocolHandle;
	NDIS_SPIN_LOCK Lock;
	LIST_ENTRY Bindings;
	LIST_ENTRY Vcs;
	LIST_ENTRY Requests;
	NDIS_WORK_ITEM WorkItem;
	BOOLEAN WorkQueued;
	BOOLEAN Unloading;
	ULONG NextVcId;
	UCHAR VciUsers[CM_VCIS];
} CM_GLOBALS;

extern CM_GLOBALS Cm;

/* cm5.c */
DRIVER_INITIALIZE CmDriverEntry;
PVOID CmAlloc(ULONG Size);
void CmFree(PVOID Memory);
BOOLEAN CmQueue(PCM_REQ Req, CM_REQ_KIND Kind, struct _CM_VC *Vc);

/* cm5_linux.c: the event log tests read (debugfs "events"). */
void CmLog(const char *fmt, ...) __printf(1, 2);

/* cm5_call.c: the work item's requests, and the handlers cm.c registers. */
void CmDoMakeCall(PCM_VC Caller);
void CmDoCloseCall(PCM_VC Vc);
NDIS_STATUS CmCreateVc(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE NdisVcHandle,
		       PNDIS_HANDLE ProtocolVcContext);
NDIS_STATUS CmDeleteVc(NDIS_HANDLE ProtocolVcContext);
NDIS_STATUS CmOpenAf(NDIS_HANDLE CallMgrBindingContext, PCO_ADDRESS_FAMILY AddressFamily,
		     NDIS_HANDLE NdisAfHandle, PNDIS_HANDLE CallMgrAfContext);
NDIS_STATUS CmCloseAf(NDIS_HANDLE CallMgrAfContext);
NDIS_STATUS CmRegisterSap(NDIS_HANDLE CallMgrAfContext, PCO_SAP Sap, NDIS_HANDLE NdisSapHandle,
			  PNDIS_HANDLE CallMgrSapContext);
NDIS_STATUS CmDeregisterSap(NDIS_HANDLE CallMgrSapContext);
NDIS_STATUS CmMakeCall(NDIS_HANDLE CallMgrVcContext, PCO_CALL_PARAMETERS CallParameters,
		       NDIS_HANDLE NdisPartyHandle, PNDIS_HANDLE CallMgrPartyContext);
NDIS_STATUS CmCloseCall(NDIS_HANDLE CallMgrVcContext, NDIS_HANDLE CallMgrPartyContext,
			PVOID CloseData, UINT Size);
void CmIncomingCallComplete(NDIS_STATUS Status, NDIS_HANDLE CallMgrVcContext,
			    PCO_CALL_PARAMETERS CallParameters);
NDIS_STATUS CmAddParty(NDIS_HANDLE CallMgrVcContext, PCO_CALL_PARAMETERS CallParameters,
		       NDIS_HANDLE NdisPartyHandle, PNDIS_HANDLE CallMgrPartyContext);
NDIS_STATUS CmDropParty(NDIS_HANDLE CallMgrPartyContext, PVOID CloseData, UINT Size);
void CmActivateVcComplete(NDIS_STATUS Status, NDIS_HANDLE CallMgrVcContext,
			  PCO_CALL_PARAMETERS CallParameters);
void CmDeactivateVcComplete(NDIS_STATUS Status, NDIS_HANDLE CallMgrVcContext);
NDIS_STATUS CmModifyCallQoS(NDIS_HANDLE CallMgrVcContext, PCO_CALL_PARAMETERS CallParameters);
NDIS_STATUS CmRequest(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE ProtocolVcContext,
		      NDIS_HANDLE ProtocolPartyContext, PNDIS_REQUEST NdisRequest);
void CmRequestComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolAfContext,
		       NDIS_HANDLE ProtocolVcContext, NDIS_HANDLE ProtocolPartyContext,
		       PNDIS_REQUEST NdisRequest);

#endif /* _CM5_H */
