/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A stand-alone call manager, a protocol driver with the call-manager
 * role, written against <ndis/ndis.h> only (cm.c, cm_call.c), with a
 * Linux shim for module init and debugfs (cm_linux.c).  One source, built
 * twice as a Windows CoNDIS driver is built for several NDIS versions: the
 * build defines the version macro (Kbuild: CFLAGS_<object>.o), and the
 * few version differences are under #ifdef NDIS60:
 *
 *   ndiscm.ko   NDIS60 (drivers/ndissample): NdisRegisterProtocolDriver
 *               with the optional call-manager handlers, NDIS_OID_REQUEST,
 *               NdisCmNotifyCloseAddressFamily on unbind, an NDIS I/O work
 *               item, the loopback medium's AF (<ndisloop.h>)
 *   ndis5cm.ko  NDIS50 (drivers/ndis5sample, whose cm5*.c include these
 *               files): NdisRegisterProtocol and the per-AF
 *               NDIS_CALL_MANAGER_CHARACTERISTICS, NDIS_REQUEST,
 *               OID_CO_AF_CLOSE on unbind, an NDIS_WORK_ITEM, the ndis5
 *               sample medium's AF (loop5net.h)
 *
 * It binds to plain CO miniports (conic ports in plain mode: it asks each
 * adapter CM_OID_PORT_MODE and keeps only those that answer "plain"),
 * registers the medium's address family (SAPs are service names, a call
 * names the one it calls) on each, and connects calls between clients on
 * two of its adapters in memory: its "signaling" is the lookup of the
 * called SAP on another adapter, a channel (an ATM VCI, <ndis/atm.h>)
 * that no call uses on any of its adapters, and both VCs activated with
 * NdisCmActivateVc on that VCI, so the miniports carry the call's data
 * on their wire.  Point to point only; no QoS changes.
 *
 * Objects (NdisAllocateMemoryWithTagPriority; NDIS 5.x: NdisAllocateMemory):
 *   CM_BINDING  one per adapter (ProtocolBindingContext)
 *   CM_AF       an AF a client opened (CallMgrAfContext)
 *   CM_SAP      a SAP (CallMgrSapContext)
 *   CM_VC       a VC, a client's or ours (CallMgrVcContext)
 *
 * Locking: Cm.Lock (an NDIS_SPIN_LOCK) protects the lists, VC states,
 * peer links, the channel table and the request queue.  It is never held
 * across a call into NDIS.  Make-calls and close-calls run on the driver's
 * one work item, one at a time, at PASSIVE_LEVEL: it waits there for
 * activations and deactivations the miniport pends.
 */
#ifndef _CM_H
#define _CM_H

#if defined(NDIS60) == defined(NDIS50)
#error "build the call manager with exactly one of NDIS60 and NDIS50 defined (Kbuild)"
#endif

#include <ndis/ndis.h>
#include <ndis/atm.h>

#ifdef NDIS60
#include "ndisloop.h"

#define CM_TAG		0x4d436c4e	/* 'NlCM' */
/* The medium's address family, SAP and call parameter (see the medium's header). */
#define CM_AF_FAMILY		NDISLOOP_AF
#define CM_AF_MAJOR		NDISLOOP_AF_MAJOR
#define CM_AF_MINOR		NDISLOOP_AF_MINOR
#define CM_SAP_TYPE		NDISLOOP_SAP_TYPE
#define CM_NAME_MAX		NDISLOOP_NAME_MAX
#define CM_PARAM_CALLED		NDISLOOP_PARAM_CALLED
#else
#include "../ndis5sample/loop5net.h"

#define CM_AF_FAMILY		LOOP5_ADDRESS_FAMILY
#define CM_AF_MAJOR		LOOP5_ADDRESS_FAMILY_MAJOR
#define CM_AF_MINOR		LOOP5_ADDRESS_FAMILY_MINOR
#define CM_SAP_TYPE		LOOP5_SAP_TYPE
#define CM_NAME_MAX		LOOP5_NAME_MAX
#define CM_PARAM_CALLED		LOOP5_PARAM_CALLED
#endif

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
 * @BindingHandle: from NdisOpenAdapterEx (NDIS 5.x: NdisOpenAdapter)
 * @Afs: the CM_AFs clients opened on it (and, NDIS 6, while our
 *	notify-close is pending, closed)
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
 * @NotifyPending: NDIS 6: our notify-close is pending: the AF stays until
 *	ProtocolCmNotifyCloseAfComplete; under Cm.Lock
 * @Closed: NDIS 6: the client closed it (while @NotifyPending); under Cm.Lock
 * @Asked: NDIS 5.x: our unbind sent it OID_CO_AF_CLOSE; under Cm.Lock
 */
typedef struct _CM_AF {
	LIST_ENTRY Link;
	PCM_BINDING Binding;
	NDIS_HANDLE NdisAfHandle;
	LIST_ENTRY Saps;
#ifdef NDIS60
	BOOLEAN NotifyPending;
	BOOLEAN Closed;
#else
	BOOLEAN Asked;
#endif
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
	UCHAR Name[CM_NAME_MAX + 1];
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
 * @ProtocolHandle: from NdisRegisterProtocolDriver (NDIS 5.x: NdisRegisterProtocol)
 * @Lock: see the top of this file
 * @Bindings: CM_BINDINGs
 * @Vcs: every CM_VC
 * @Requests: CM_REQs for @WorkItem
 * @WorkItem: runs the requests (NDIS 6: NULL once the driver unloads)
 * @WorkQueued: NDIS 5.x: @WorkItem is scheduled or running; under @Lock
 * @Unloading: NDIS 5.x: no more requests are queued; under @Lock
 * @NextVcId: the next CM_VC.Id
 * @VciUsers: per channel, the active VCs on it (0, 1 or 2: a call's ends)
 */
typedef struct _CM_GLOBALS {
	NDIS_HANDLE ProtocolHandle;
	NDIS_SPIN_LOCK Lock;
	LIST_ENTRY Bindings;
	LIST_ENTRY Vcs;
	LIST_ENTRY Requests;
#ifdef NDIS60
	NDIS_HANDLE WorkItem;
#else
	NDIS_WORK_ITEM WorkItem;
	BOOLEAN WorkQueued;
	BOOLEAN Unloading;
#endif
	ULONG NextVcId;
	UCHAR VciUsers[CM_VCIS];
} CM_GLOBALS;

extern CM_GLOBALS Cm;

/* cm.c */
DRIVER_INITIALIZE CmDriverEntry;
PVOID CmAlloc(ULONG Size);
void CmFree(PVOID Memory);
BOOLEAN CmQueue(PCM_REQ Req, CM_REQ_KIND Kind, struct _CM_VC *Vc);

/* cm_linux.c: the event log tests read (debugfs "events"). */
void CmLog(const char *fmt, ...) __printf(1, 2);

/* cm_call.c: the work item's requests, and the handlers cm.c registers. */
void CmDoMakeCall(PCM_VC Caller);
void CmDoCloseCall(PCM_VC Vc);
PROTOCOL_CM_OPEN_AF CmOpenAf;
PROTOCOL_CM_CLOSE_AF CmCloseAf;
PROTOCOL_CM_REG_SAP CmRegisterSap;
PROTOCOL_CM_DEREGISTER_SAP CmDeregisterSap;
PROTOCOL_CM_ADD_PARTY CmAddParty;
PROTOCOL_CM_DROP_PARTY CmDropParty;
PROTOCOL_CM_MODIFY_QOS_CALL CmModifyCallQoS;
PROTOCOL_CM_ACTIVATE_VC_COMPLETE CmActivateVcComplete;
PROTOCOL_CM_DEACTIVATE_VC_COMPLETE CmDeactivateVcComplete;
PROTOCOL_CO_CREATE_VC CmCreateVc;
PROTOCOL_CO_DELETE_VC CmDeleteVc;
PROTOCOL_CM_MAKE_CALL CmMakeCall;
PROTOCOL_CM_CLOSE_CALL CmCloseCall;
PROTOCOL_CM_INCOMING_CALL_COMPLETE CmIncomingCallComplete;
#ifdef NDIS60
PROTOCOL_CM_NOTIFY_CLOSE_AF_COMPLETE CmNotifyCloseAfComplete;
PROTOCOL_CO_OID_REQUEST CmOidRequest;
PROTOCOL_CO_OID_REQUEST_COMPLETE CmOidRequestComplete;
#else
NDIS_STATUS CmRequest(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE ProtocolVcContext,
		      NDIS_HANDLE ProtocolPartyContext, PNDIS_REQUEST NdisRequest);
void CmRequestComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolAfContext,
		       NDIS_HANDLE ProtocolVcContext, NDIS_HANDLE ProtocolPartyContext,
		       PNDIS_REQUEST NdisRequest);
#endif

#endif /* _CM_H */
