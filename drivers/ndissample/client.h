/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ndisclient: a CoNDIS client for the loopback medium of <ndisloop.h> (and
 * conic's, which names services the same way),
 * written against the NDIS compat headers only (client.c), with a Linux
 * shim for module init and the debugfs control file (client_linux.c).
 *
 * Objects (NdisAllocateMemoryWithTagPriority):
 *   CL_BINDING  one per adapter (ProtocolBindingContext and, once the AF
 *               is open, ClientAfContext)
 *   CL_SAP      a SAP (ProtocolSapContext)
 *   CL_CALL     a call and its VC (ProtocolVcContext)
 *   CL_PARTY    a party of a multipoint call we made (ProtocolPartyContext)
 * SAPs, calls and parties stay on their binding's lists after they end (state
 * "gone", "closed", "failed") until the binding goes: a completion that
 * came twice would find them and be counted, never touch freed memory,
 * and the tests read how many of each completion every object got.
 *
 * Locking: Cl.Lock (an NDIS_SPIN_LOCK) protects the lists, every state
 * and counter below except the data-path counters (interlocked), and the
 * configuration.  It is never held across a call into NDIS.  A control
 * command that uses a binding holds a reference (CL_BINDING.Busy) taken
 * only while the AF is open; the AF teardown (unbind, notify-close) waits
 * for those to drop before it closes anything.
 */
#ifndef _CLIENT_H
#define _CLIENT_H

#include <ndis/ndis.h>

#include "ndisloop.h"

#define CL_TAG		0x6c436c4e	/* 'NlCl' */
/*
 * The other address family the client opens: conic's (drivers/conic,
 * include/net/conic.h), whose SAPs, called names and FLOWSPECs are the
 * loopback medium's, so the client places the same calls over conic's
 * call manager (client_linux.c checks the values match).
 */
#define CL_CONIC_AF	0x00008C01
#define CL_CONIC_AF_MAJOR	1
/* How long a control command or the teardown waits for one completion (ms). */
#define CL_WAIT_MS	10000
/* Ids of incoming calls start here. */
#define CL_FIRST_IN_ID	1000
/* The first bytes of every packet the client sends. */
#define CL_PKT_MAGIC	0x4e44434cU	/* 'NDCL' */

typedef enum _CL_AF_STATE {
	ClAfNone,
	ClAfOpening,
	ClAfOpen,
	ClAfClosing,
} CL_AF_STATE;

/**
 * struct _CL_BINDING - the client bound to one adapter
 * @Link: in Cl.Bindings
 * @BindingHandle: from NdisOpenAdapterEx
 * @AfHandle: the open AF's handle
 * @AfState: see CL_AF_STATE
 * @AfEvent: set when an AF open or close completes
 * @AfStatus: its status
 * @TxPool: the NBL pool of the packets the client sends
 * @NotifyWork: runs a notify-close
 * @NotifyAf: the AF handle of the notify-close in progress, or NULL
 * @Saps: its CL_SAPs
 * @Calls: its CL_CALLs
 * @Unbinding: the binding is going
 * @Busy: control commands using the binding
 * @Name: the adapter's name
 */
typedef struct _CL_BINDING {
	LIST_ENTRY Link;
	NDIS_HANDLE BindingHandle;
	NDIS_HANDLE AfHandle;
	CL_AF_STATE AfState;
	NDIS_EVENT AfEvent;
	NDIS_STATUS AfStatus;
	NDIS_HANDLE TxPool;
	NDIS_HANDLE NotifyWork;
	NDIS_HANDLE NotifyAf;
	LIST_ENTRY Saps;
	LIST_ENTRY Calls;
	BOOLEAN Unbinding;
	LONG Busy;
	char Name[NDIS_COMPAT_NAME_MAX];
} CL_BINDING, *PCL_BINDING;

typedef enum _CL_SAP_STATE {
	ClSapRegistering,
	ClSapRegistered,
	ClSapDeregistering,
	ClSapGone,
	ClSapFailed,
} CL_SAP_STATE;

/**
 * struct _CL_SAP - a SAP (ProtocolSapContext)
 * @Link: in its binding's Saps
 * @Binding: its binding
 * @SapHandle: NDIS's handle
 * @State: see CL_SAP_STATE
 * @Done: set when a registration or deregistration completes
 * @Status: the registration's status
 * @RegCompletions: ProtocolClRegisterSapComplete calls (or own completion)
 * @DeregCompletions: ProtocolClDeregisterSapComplete calls
 * @Calls: incoming calls offered on it
 * @Name: the service name
 * @Sap: what NdisClRegisterSap is given
 * @SapBytes: room for the name after @Sap
 */
typedef struct _CL_SAP {
	LIST_ENTRY Link;
	PCL_BINDING Binding;
	NDIS_HANDLE SapHandle;
	CL_SAP_STATE State;
	NDIS_EVENT Done;
	NDIS_STATUS Status;
	ULONG RegCompletions;
	ULONG DeregCompletions;
	ULONG Calls;
	char Name[NDISLOOP_NAME_MAX + 1];
	union {
		CO_SAP Sap;
		UCHAR SapBytes[sizeof(CO_SAP) + NDISLOOP_NAME_MAX];
	};
} CL_SAP, *PCL_SAP;

typedef enum _CL_CALL_STATE {
	ClCallIdle,		/* incoming: VC created, no offer yet */
	ClCallMaking,		/* outgoing: NdisClMakeCall in flight */
	ClCallOffered,		/* incoming: our answer pended */
	ClCallAccepted,		/* incoming: accepted, not connected yet */
	ClCallConnected,
	ClCallClosing,
	ClCallClosed,
	ClCallFailed,		/* make-call failed, or offer rejected */
} CL_CALL_STATE;

typedef enum _CL_PARTY_STATE {
	ClPartyAdding,		/* NdisClMakeCall or NdisClAddParty in flight */
	ClPartyActive,
	ClPartyDropping,	/* NdisClDropParty in flight */
	ClPartyDropped,
	ClPartyFailed,		/* the add failed */
	ClPartyClosed,		/* the last party, gone with the call */
} CL_PARTY_STATE;

struct _CL_CALL;

/**
 * struct _CL_PARTY - a party of a multipoint call we made (ProtocolPartyContext)
 * @Link: in its call's Parties
 * @Call: its call
 * @PartyHandle: NDIS's handle, NULL once it is gone
 * @Id: its number within the call (1: the party the call was made with)
 * @State: see CL_PARTY_STATE
 * @Name: the service name its leaf listens on
 * @Params: the parameters of its NdisClAddParty (NULL for the first party)
 * @Done: set when an add or drop completes
 * @Status: its status
 * @AddCompletions: ProtocolClAddPartyComplete calls (the first party: none)
 * @DropCompletions: ProtocolClDropPartyComplete calls
 * @IncomingDrops: ProtocolClIncomingDropParty calls
 */
typedef struct _CL_PARTY {
	LIST_ENTRY Link;
	struct _CL_CALL *Call;
	NDIS_HANDLE PartyHandle;
	ULONG Id;
	CL_PARTY_STATE State;
	char Name[NDISLOOP_NAME_MAX + 1];
	PCO_CALL_PARAMETERS Params;
	NDIS_EVENT Done;
	NDIS_STATUS Status;
	ULONG AddCompletions;
	ULONG DropCompletions;
	ULONG IncomingDrops;
} CL_PARTY, *PCL_PARTY;

/**
 * struct _CL_CALL - a call and its VC (ProtocolVcContext)
 * @Link: in its binding's Calls
 * @Binding: its binding
 * @VcHandle: the VC, NULL once deleted
 * @Id: its number (chosen by the user, or from CL_FIRST_IN_ID if incoming)
 * @Outgoing: we made it and created its VC
 * @State: see CL_CALL_STATE
 * @Sap: the called name (outgoing) or the SAP it came on (incoming)
 * @Params: an outgoing call's parameters, ours
 * @Offer: an incoming call's parameters while our answer is pended
 * @Multipoint: we made it with a party: a multipoint call we are the root of
 * @Parties: its CL_PARTYs
 * @Qos: the parameters of our last NdisClModifyCallQoS
 * @QosDone: set when a QoS change completes
 * @QosStatus: its status
 * @QosCompletions: ProtocolClModifyCallQoSComplete calls
 * @QosChanges: ProtocolClIncomingCallQoSChange calls
 * @TxRate: the transmit token rate of the last QoS the call got (bytes/s)
 * @AnswerWork: answers a pended offer
 * @Done: set when a make-call or close-call completes
 * @Status: its status
 * @TxIdle: set when every packet sent has completed
 * @TxPending: packets sent, not completed
 * @Tx: packets sent
 * @TxOk: completed with NDIS_STATUS_SUCCESS
 * @TxErr: completed with another status
 * @Rx: packets received
 * @RxBytes: their bytes
 * @RxBad: received packets that were not as sent
 * @MakeCompletions: ProtocolClMakeCallComplete calls
 * @Connects: ProtocolClCallConnected calls
 * @CloseCompletions: ProtocolClCloseCallComplete calls
 * @IncomingCloses: ProtocolClIncomingCloseCall calls
 */
typedef struct _CL_CALL {
	LIST_ENTRY Link;
	PCL_BINDING Binding;
	NDIS_HANDLE VcHandle;
	ULONG Id;
	BOOLEAN Outgoing;
	CL_CALL_STATE State;
	char Sap[NDISLOOP_NAME_MAX + 1];
	PCO_CALL_PARAMETERS Params;
	PCO_CALL_PARAMETERS Offer;
	BOOLEAN Multipoint;
	LIST_ENTRY Parties;
	PCO_CALL_PARAMETERS Qos;
	NDIS_EVENT QosDone;
	NDIS_STATUS QosStatus;
	ULONG QosCompletions;
	ULONG QosChanges;
	ULONG TxRate;
	NDIS_HANDLE AnswerWork;
	NDIS_EVENT Done;
	NDIS_STATUS Status;
	NDIS_EVENT TxIdle;
	LONG TxPending;
	LONG Tx;
	LONG TxOk;
	LONG TxErr;
	LONG Rx;
	ULONG RxBytes;
	LONG RxBad;
	ULONG MakeCompletions;
	ULONG Connects;
	ULONG CloseCompletions;
	ULONG IncomingCloses;
} CL_CALL, *PCL_CALL;

/* How the client answers an incoming call. */
typedef enum _CL_ANSWER {
	ClAnswerAccept,
	ClAnswerPend,		/* PENDING, then accept from a work item */
	ClAnswerReject,		/* with Cl.RejectStatus */
} CL_ANSWER;

/**
 * struct _CL_GLOBALS - the driver's state
 * @ProtocolHandle: from NdisRegisterProtocolDriver
 * @Lock: see the top of this file
 * @Bindings: CL_BINDINGs
 * @NextInId: the next id for an incoming call
 * @Answer: how to answer incoming calls
 * @RejectStatus: the status of a rejection
 */
typedef struct _CL_GLOBALS {
	NDIS_HANDLE ProtocolHandle;
	NDIS_SPIN_LOCK Lock;
	LIST_ENTRY Bindings;
	ULONG NextInId;
	CL_ANSWER Answer;
	NDIS_STATUS RejectStatus;
} CL_GLOBALS;

extern CL_GLOBALS Cl;

/* The packets the client sends: a header, then bytes (Seq + i). */
struct cl_pkt_hdr {
	ULONG Magic;
	ULONG CallId;
	ULONG Seq;
	ULONG Length;
};

/*
 * client.c: DriverEntry and the bindings; client_ctl.c and client_oid.c:
 * what the control file asks for (NDIS statuses).
 */
DRIVER_INITIALIZE ClDriverEntry;
NDIS_STATUS ClListen(const char *Adapter, const char *Name);
NDIS_STATUS ClUnlisten(const char *Adapter, const char *Name);
NDIS_STATUS ClCall(ULONG Id, const char *Adapter, const char *Name, BOOLEAN Multipoint);
NDIS_STATUS ClClose(ULONG Id);
NDIS_STATUS ClAddParty(ULONG Id, ULONG PartyId, const char *Name);
NDIS_STATUS ClDropParty(ULONG Id, ULONG PartyId);
NDIS_STATUS ClModifyQos(ULONG Id, ULONG Rate);
NDIS_STATUS ClSend(ULONG Id, ULONG Count, ULONG Size);
NDIS_STATUS ClOid(const char *Adapter, BOOLEAN ToCallManager);
NDIS_STATUS ClMediaState(const char *Adapter);
NDIS_STATUS ClUnbind(const char *Adapter);

/* client_linux.c: the event log tests read (debugfs "events"). */
void ClLog(const char *fmt, ...) __printf(1, 2);

/* Shared by the driver's files: client.c, client_af.c, client_call.c. */
PVOID ClAlloc(ULONG Size);
void ClFree(PVOID Memory);
PCL_BINDING ClGetBinding(const char *Adapter);
void ClPutBinding(PCL_BINDING Binding);
PCL_CALL ClNewCall(PCL_BINDING Binding, BOOLEAN Outgoing);
void ClFreeCall(PCL_CALL Call);
PCO_CALL_PARAMETERS ClNewParams(const char *Name, ULONG Rate);
PCL_PARTY ClNewParty(PCL_CALL Call, ULONG Id, const char *Name);
void ClCloseOne(PCL_CALL Call);

/* The handlers client.c registers: client_af.c, client_call.c, client_oid.c. */
NDIS_IO_WORKITEM_FUNCTION ClNotifyWorker;
PROTOCOL_CL_OPEN_AF_COMPLETE_EX ClOpenAfComplete;
PROTOCOL_CL_CLOSE_AF_COMPLETE ClCloseAfComplete;
PROTOCOL_CL_NOTIFY_CLOSE_AF ClNotifyCloseAf;
PROTOCOL_CL_REGISTER_SAP_COMPLETE ClRegisterSapComplete;
PROTOCOL_CL_DEREGISTER_SAP_COMPLETE ClDeregisterSapComplete;
PROTOCOL_CO_CREATE_VC ClCoCreateVc;
PROTOCOL_CO_DELETE_VC ClCoDeleteVc;
PROTOCOL_CL_MAKE_CALL_COMPLETE ClMakeCallComplete;
PROTOCOL_CL_CLOSE_CALL_COMPLETE ClCloseCallComplete;
PROTOCOL_CL_INCOMING_CALL ClIncomingCall;
PROTOCOL_CL_CALL_CONNECTED ClCallConnectedHandler;
PROTOCOL_CL_INCOMING_CLOSE_CALL ClIncomingCloseCall;
PROTOCOL_CL_ADD_PARTY_COMPLETE ClAddPartyComplete;
PROTOCOL_CL_DROP_PARTY_COMPLETE ClDropPartyComplete;
PROTOCOL_CL_INCOMING_DROP_PARTY ClIncomingDropParty;
PROTOCOL_CL_MODIFY_CALL_QOS_COMPLETE ClModifyCallQoSComplete;
PROTOCOL_CL_INCOMING_CALL_QOS_CHANGE ClIncomingCallQoSChange;
PROTOCOL_CO_OID_REQUEST ClOidRequest;
PROTOCOL_CO_OID_REQUEST_COMPLETE ClOidRequestComplete;
PROTOCOL_OID_REQUEST_COMPLETE ClOidRequestCompleteEx;

#endif /* _CLIENT_H */
