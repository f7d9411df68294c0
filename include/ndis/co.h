/* SPDX-License-Identifier: GPL-2.0 */
/*
 * NDIS compat: the CoNDIS structures, flags, callback types and the four
 * CoNDIS characteristics tables (reference: condis-api.md sections 2-4).
 *
 * The CO_xxx parameter structures have the layout of condis's own (struct
 * condis_call_params and its parts, struct condis_sap_addr, struct
 * condis_af_type), checked at build time below, so the compat layer hands
 * a driver's buffers to condis as they are and condis copies nothing.
 * CO_MEDIA_PARAMETERS.MediaSpecific is pointer-aligned (offset 16 on
 * x86-64), as the WDK's POINTER_ALIGNMENT puts it.  The one-element
 * trailing arrays of the WDK (Sap[1], Parameters[1], Address[1]) are
 * flexible arrays here, so the kernel's
 * bounds checking accepts them, padded so that sizeof() is the WDK's and
 * "sizeof(CO_SAP) + n" style allocations stay large enough.
 */
#ifndef _NDIS_CO_H
#define _NDIS_CO_H

#include <linux/build_bug.h>
#include <net/condis.h>

#include <ndis/types.h>
#include <ndis/status.h>
#include <ndis/oids.h>

struct _NET_BUFFER_LIST;

/* ---- address families (4.1) --------------------------------------------- */

typedef ULONG NDIS_AF, *PNDIS_AF;

typedef struct _CO_ADDRESS_FAMILY {
	NDIS_AF AddressFamily;
	ULONG MajorVersion;
	ULONG MinorVersion;
} CO_ADDRESS_FAMILY, *PCO_ADDRESS_FAMILY;

#define CO_ADDRESS_FAMILY_Q2931		0x00000001
#define CO_ADDRESS_FAMILY_PSCHED	0x00000002
#define CO_ADDRESS_FAMILY_L2TP		0x00000003
#define CO_ADDRESS_FAMILY_IRDA		0x00000004
#define CO_ADDRESS_FAMILY_1394		0x00000005
#define CO_ADDRESS_FAMILY_PPP		0x00000006
#define CO_ADDRESS_FAMILY_INFINIBAND	0x00000007
#define CO_ADDRESS_FAMILY_TAPI		0x00000800
#define CO_ADDRESS_FAMILY_TAPI_PROXY	0x00000801
#define CO_ADDRESS_FAMILY_PROXY		0x80000000

/* ---- SAPs (4.2) ------------------------------------------------------------ */

typedef struct _CO_SAP {
	ULONG SapType;
	ULONG SapLength;
	union {
		UCHAR NdisCompatWdkSize[4];
		DECLARE_FLEX_ARRAY(UCHAR, Sap);
	};
} CO_SAP, *PCO_SAP;

/* ---- call parameters (4.3) ------------------------------------------------ */

typedef ULONG SERVICETYPE;

#define SERVICETYPE_NOTRAFFIC			0x00000000
#define SERVICETYPE_BESTEFFORT			0x00000001
#define SERVICETYPE_CONTROLLEDLOAD		0x00000002
#define SERVICETYPE_GUARANTEED			0x00000003
#define SERVICETYPE_NETWORK_UNAVAILABLE		0x00000004
#define SERVICETYPE_GENERAL_INFORMATION		0x00000005
#define SERVICETYPE_NOCHANGE			0x00000006
#define SERVICETYPE_NONCONFORMING		0x00000009
#define SERVICETYPE_NETWORK_CONTROL		0x0000000A
#define SERVICETYPE_QUALITATIVE			0x0000000D

#define QOS_NOT_SPECIFIED			0xFFFFFFFF
#define POSITIVE_INFINITY_RATE			0xFFFFFFFE

typedef struct _flowspec {
	ULONG TokenRate;
	ULONG TokenBucketSize;
	ULONG PeakBandwidth;
	ULONG Latency;
	ULONG DelayVariation;
	SERVICETYPE ServiceType;
	ULONG MaxSduSize;
	ULONG MinimumPolicedSize;
} FLOWSPEC, *PFLOWSPEC;

typedef struct _CO_SPECIFIC_PARAMETERS {
	ULONG ParamType;
	ULONG Length;
	union {
		UCHAR NdisCompatWdkSize[4];
		DECLARE_FLEX_ARRAY(UCHAR, Parameters);
	};
} CO_SPECIFIC_PARAMETERS, *PCO_SPECIFIC_PARAMETERS;

typedef struct _CO_CALL_MANAGER_PARAMETERS {
	FLOWSPEC Transmit;
	FLOWSPEC Receive;
	CO_SPECIFIC_PARAMETERS CallMgrSpecific;
} CO_CALL_MANAGER_PARAMETERS, *PCO_CALL_MANAGER_PARAMETERS;

typedef struct _CO_MEDIA_PARAMETERS {
	ULONG Flags;
	ULONG ReceivePriority;
	ULONG ReceiveSizeHint;
	/* At offset 16 on 64-bit, as in the WDK. */
	CO_SPECIFIC_PARAMETERS POINTER_ALIGNMENT MediaSpecific;
} CO_MEDIA_PARAMETERS, *PCO_MEDIA_PARAMETERS;

/* CO_MEDIA_PARAMETERS.Flags */
#define RECEIVE_TIME_INDICATION		0x00000001
#define USE_TIME_STAMPS			0x00000002
#define TRANSMIT_VC			0x00000004
#define RECEIVE_VC			0x00000008
#define INDICATE_ERRED_PACKETS		0x00000010
#define INDICATE_END_OF_TX		0x00000020
#define RESERVE_RESOURCES_VC		0x00000040
#define ROUND_DOWN_FLOW			0x00000080
#define ROUND_UP_FLOW			0x00000100
/* A per-packet flag, not a media flag. */
#define ERRED_PACKET_INDICATION		0x00000001

typedef struct _CO_CALL_PARAMETERS {
	ULONG Flags;
	PCO_CALL_MANAGER_PARAMETERS CallMgrParameters;
	PCO_MEDIA_PARAMETERS MediaParameters;
} CO_CALL_PARAMETERS, *PCO_CALL_PARAMETERS;

/* CO_CALL_PARAMETERS.Flags */
#define PERMANENT_VC			0x00000001
#define CALL_PARAMETERS_CHANGED		0x00000002
#define QUERY_CALL_PARAMETERS		0x00000004
#define BROADCAST_VC			0x00000008
#define MULTIPOINT_VC			0x00000010

/* ---- addresses and PVCs (4.4) ---------------------------------------------- */

typedef struct _CO_ADDRESS {
	ULONG AddressSize;
	union {
		UCHAR NdisCompatWdkSize[4];
		DECLARE_FLEX_ARRAY(UCHAR, Address);
	};
} CO_ADDRESS, *PCO_ADDRESS;

typedef struct _CO_ADDRESS_LIST {
	ULONG NumberOfAddressesAvailable;
	ULONG NumberOfAddresses;
	CO_ADDRESS AddressList;
} CO_ADDRESS_LIST, *PCO_ADDRESS_LIST;

typedef struct _CO_PVC {
	NDIS_HANDLE NdisAfHandle;
	CO_SPECIFIC_PARAMETERS PvcParameters;
} CO_PVC, *PCO_PVC;

#define CO_SEND_FLAG_SET_DISCARD_ELIBILITY	0x00000001

/* ---- other structures CoNDIS calls touch (4.5) ----------------------------- */

typedef struct _NDIS_CO_LINK_SPEED {
	ULONG Outbound;		/* units of 100 bit/s */
	ULONG Inbound;
} NDIS_CO_LINK_SPEED, *PNDIS_CO_LINK_SPEED;

typedef struct _GEN_GET_TIME_CAPS {
	ULONG Flags;
	ULONG ClockPrecision;
} GEN_GET_TIME_CAPS, *PGEN_GET_TIME_CAPS;

#define READABLE_LOCAL_CLOCK			0x00000001
#define CLOCK_NETWORK_DERIVED			0x00000002
#define CLOCK_PRECISION				0x00000004
#define RECEIVE_TIME_INDICATION_CAPABLE		0x00000008
#define TIMED_SEND_CAPABLE			0x00000010
#define TIME_STAMP_CAPABLE			0x00000020

#define NDIS_CO_MAC_OPTION_DYNAMIC_LINK_SPEED	0x00000001

/* OID_GEN_CO_MAC_OPTIONS bits (4.6) */
#define NDIS_MAC_OPTION_NO_LOOPBACK		0x00000008
#define NDIS_MAC_OPTION_EOTX_INDICATION		0x00000020
#define NDIS_MAC_OPTION_RESERVED		0x80000000

typedef struct _VAR_STRING {
	ULONG ulTotalSize;
	ULONG ulNeededSize;
	ULONG ulUsedSize;
	ULONG ulStringFormat;
	ULONG ulStringSize;
	ULONG ulStringOffset;
} VAR_STRING, *PVAR_STRING;

#define STRINGFORMAT_ASCII		0x00000001
#define STRINGFORMAT_DBCS		0x00000002
#define STRINGFORMAT_UNICODE		0x00000003
#define STRINGFORMAT_BINARY		0x00000004

typedef struct _NDIS_STATUS_INDICATION {
	NDIS_OBJECT_HEADER Header;
	NDIS_HANDLE SourceHandle;
	NDIS_PORT_NUMBER PortNumber;
	NDIS_STATUS StatusCode;
	ULONG Flags;
	NDIS_HANDLE DestinationHandle;
	PVOID RequestId;
	PVOID StatusBuffer;
	ULONG StatusBufferSize;
	GUID Guid;
	PVOID NdisReserved[4];
} NDIS_STATUS_INDICATION, *PNDIS_STATUS_INDICATION;

#define NDIS_STATUS_INDICATION_REVISION_1	1
#define NDIS_SIZEOF_STATUS_INDICATION_REVISION_1 \
	RTL_SIZEOF_THROUGH_FIELD(NDIS_STATUS_INDICATION, NdisReserved)

/* ---- data-path flags (4.6) ------------------------------------------------- */

#define NDIS_SEND_FLAGS_DISPATCH_LEVEL		0x00000001
#define NDIS_SEND_FLAGS_CHECK_FOR_LOOPBACK	0x00000002
#define NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL	0x00000001
#define NDIS_RECEIVE_FLAGS_DISPATCH_LEVEL	0x00000001
#define NDIS_RECEIVE_FLAGS_RESOURCES		0x00000002
#define NDIS_RETURN_FLAGS_DISPATCH_LEVEL	0x00000001

/* ---- callbacks (section 2) ------------------------------------------------- */

/* Common connection-oriented protocol callbacks (2.1). */
typedef NDIS_STATUS PROTOCOL_CO_CREATE_VC(NDIS_HANDLE ProtocolAfContext,
					    NDIS_HANDLE NdisVcHandle,
					    PNDIS_HANDLE ProtocolVcContext);
typedef NDIS_STATUS PROTOCOL_CO_DELETE_VC(NDIS_HANDLE ProtocolVcContext);
typedef NDIS_STATUS PROTOCOL_CO_OID_REQUEST(NDIS_HANDLE ProtocolAfContext,
					      NDIS_HANDLE ProtocolVcContext,
					      NDIS_HANDLE ProtocolPartyContext,
					      PNDIS_OID_REQUEST OidRequest);
typedef VOID PROTOCOL_CO_OID_REQUEST_COMPLETE(NDIS_HANDLE ProtocolAfContext,
						NDIS_HANDLE ProtocolVcContext,
						NDIS_HANDLE ProtocolPartyContext,
						PNDIS_OID_REQUEST OidRequest,
						NDIS_STATUS Status);
typedef VOID PROTOCOL_CO_AF_REGISTER_NOTIFY(NDIS_HANDLE ProtocolBindingContext,
					      PCO_ADDRESS_FAMILY AddressFamily);
typedef PROTOCOL_CO_AF_REGISTER_NOTIFY PROTCOL_CO_AF_REGISTER_NOTIFY;	/* Win7 WDK spelling */
typedef VOID PROTOCOL_CO_RECEIVE_NET_BUFFER_LISTS(NDIS_HANDLE ProtocolBindingContext,
						    NDIS_HANDLE ProtocolVcContext,
						    struct _NET_BUFFER_LIST *NetBufferLists,
						    ULONG NumberOfNetBufferLists,
						    ULONG ReceiveFlags);
typedef VOID PROTOCOL_CO_SEND_NET_BUFFER_LISTS_COMPLETE(NDIS_HANDLE ProtocolVcContext,
							  struct _NET_BUFFER_LIST *NetBufferLists,
							  ULONG SendCompleteFlags);
typedef VOID PROTOCOL_CO_STATUS_EX(NDIS_HANDLE ProtocolBindingContext,
				     NDIS_HANDLE ProtocolVcContext,
				     PNDIS_STATUS_INDICATION StatusIndication);

typedef PROTOCOL_CO_CREATE_VC(*CO_CREATE_VC_HANDLER);
typedef PROTOCOL_CO_DELETE_VC(*CO_DELETE_VC_HANDLER);
typedef PROTOCOL_CO_OID_REQUEST(*CO_OID_REQUEST_HANDLER);
typedef PROTOCOL_CO_OID_REQUEST_COMPLETE(*CO_OID_REQUEST_COMPLETE_HANDLER);
typedef PROTOCOL_CO_AF_REGISTER_NOTIFY(*CO_AF_REGISTER_NOTIFY_HANDLER);
typedef PROTOCOL_CO_RECEIVE_NET_BUFFER_LISTS(*CO_RECEIVE_NET_BUFFER_LISTS_HANDLER);
typedef PROTOCOL_CO_SEND_NET_BUFFER_LISTS_COMPLETE(*CO_SEND_NET_BUFFER_LISTS_COMPLETE_HANDLER);
typedef PROTOCOL_CO_STATUS_EX(*CO_STATUS_HANDLER_EX);

/* Client callbacks (2.2). */
typedef VOID PROTOCOL_CL_OPEN_AF_COMPLETE_EX(NDIS_HANDLE ProtocolAfContext,
					       NDIS_HANDLE NdisAfHandle, NDIS_STATUS Status);
typedef VOID PROTOCOL_CL_CLOSE_AF_COMPLETE(NDIS_STATUS Status, NDIS_HANDLE ProtocolAfContext);
typedef NDIS_STATUS PROTOCOL_CL_NOTIFY_CLOSE_AF(NDIS_HANDLE ClientAfContext);
typedef VOID PROTOCOL_CL_REGISTER_SAP_COMPLETE(NDIS_STATUS Status,
						 NDIS_HANDLE ProtocolSapContext,
						 PCO_SAP Sap, NDIS_HANDLE NdisSapHandle);
typedef VOID PROTOCOL_CL_DEREGISTER_SAP_COMPLETE(NDIS_STATUS Status,
						   NDIS_HANDLE ProtocolSapContext);
typedef VOID PROTOCOL_CL_MAKE_CALL_COMPLETE(NDIS_STATUS Status, NDIS_HANDLE ProtocolVcContext,
					      NDIS_HANDLE NdisPartyHandle,
					      PCO_CALL_PARAMETERS CallParameters);
typedef VOID PROTOCOL_CL_CLOSE_CALL_COMPLETE(NDIS_STATUS Status,
					       NDIS_HANDLE ProtocolVcContext,
					       NDIS_HANDLE ProtocolPartyContext);
typedef VOID PROTOCOL_CL_ADD_PARTY_COMPLETE(NDIS_STATUS Status,
					      NDIS_HANDLE ProtocolPartyContext,
					      NDIS_HANDLE NdisPartyHandle,
					      PCO_CALL_PARAMETERS CallParameters);
typedef VOID PROTOCOL_CL_DROP_PARTY_COMPLETE(NDIS_STATUS Status,
					       NDIS_HANDLE ProtocolPartyContext);
typedef NDIS_STATUS PROTOCOL_CL_INCOMING_CALL(NDIS_HANDLE ProtocolSapContext,
						NDIS_HANDLE ProtocolVcContext,
						PCO_CALL_PARAMETERS CallParameters);
typedef VOID PROTOCOL_CL_CALL_CONNECTED(NDIS_HANDLE ProtocolVcContext);
typedef VOID PROTOCOL_CL_INCOMING_CLOSE_CALL(NDIS_STATUS CloseStatus,
					       NDIS_HANDLE ProtocolVcContext,
					       PVOID CloseData, UINT Size);
typedef VOID PROTOCOL_CL_INCOMING_DROP_PARTY(NDIS_STATUS DropStatus,
					       NDIS_HANDLE ProtocolPartyContext,
					       PVOID CloseData, UINT Size);
typedef VOID PROTOCOL_CL_INCOMING_CALL_QOS_CHANGE(NDIS_HANDLE ProtocolVcContext,
						    PCO_CALL_PARAMETERS CallParameters);
typedef VOID PROTOCOL_CL_MODIFY_CALL_QOS_COMPLETE(NDIS_STATUS Status,
						    NDIS_HANDLE ProtocolVcContext,
						    PCO_CALL_PARAMETERS CallParameters);

typedef PROTOCOL_CL_OPEN_AF_COMPLETE_EX(*CL_OPEN_AF_COMPLETE_HANDLER_EX);
typedef PROTOCOL_CL_CLOSE_AF_COMPLETE(*CL_CLOSE_AF_COMPLETE_HANDLER);
typedef PROTOCOL_CL_NOTIFY_CLOSE_AF(*CL_NOTIFY_CLOSE_AF_HANDLER);
typedef PROTOCOL_CL_REGISTER_SAP_COMPLETE(*CL_REG_SAP_COMPLETE_HANDLER);
typedef PROTOCOL_CL_DEREGISTER_SAP_COMPLETE(*CL_DEREG_SAP_COMPLETE_HANDLER);
typedef PROTOCOL_CL_MAKE_CALL_COMPLETE(*CL_MAKE_CALL_COMPLETE_HANDLER);
typedef PROTOCOL_CL_CLOSE_CALL_COMPLETE(*CL_CLOSE_CALL_COMPLETE_HANDLER);
typedef PROTOCOL_CL_ADD_PARTY_COMPLETE(*CL_ADD_PARTY_COMPLETE_HANDLER);
typedef PROTOCOL_CL_DROP_PARTY_COMPLETE(*CL_DROP_PARTY_COMPLETE_HANDLER);
typedef PROTOCOL_CL_INCOMING_CALL(*CL_INCOMING_CALL_HANDLER);
typedef PROTOCOL_CL_CALL_CONNECTED(*CL_CALL_CONNECTED_HANDLER);
typedef PROTOCOL_CL_INCOMING_CLOSE_CALL(*CL_INCOMING_CLOSE_CALL_HANDLER);
typedef PROTOCOL_CL_INCOMING_DROP_PARTY(*CL_INCOMING_DROP_PARTY_HANDLER);
typedef PROTOCOL_CL_INCOMING_CALL_QOS_CHANGE(*CL_INCOMING_CALL_QOS_CHANGE_HANDLER);
typedef PROTOCOL_CL_MODIFY_CALL_QOS_COMPLETE(*CL_MODIFY_CALL_QOS_COMPLETE_HANDLER);

/* Call-manager callbacks (2.3), for stand-alone CMs and MCMs. */
typedef NDIS_STATUS PROTOCOL_CM_OPEN_AF(NDIS_HANDLE CallMgrBindingContext,
					  PCO_ADDRESS_FAMILY AddressFamily,
					  NDIS_HANDLE NdisAfHandle, PNDIS_HANDLE CallMgrAfContext);
typedef NDIS_STATUS PROTOCOL_CM_CLOSE_AF(NDIS_HANDLE CallMgrAfContext);
typedef VOID PROTOCOL_CM_NOTIFY_CLOSE_AF_COMPLETE(NDIS_HANDLE CallMgrAfContext,
						    NDIS_STATUS Status);
typedef NDIS_STATUS PROTOCOL_CM_REG_SAP(NDIS_HANDLE CallMgrAfContext, PCO_SAP Sap,
					  NDIS_HANDLE NdisSapHandle,
					  PNDIS_HANDLE CallMgrSapContext);
typedef NDIS_STATUS PROTOCOL_CM_DEREGISTER_SAP(NDIS_HANDLE CallMgrSapContext);
typedef NDIS_STATUS PROTOCOL_CM_MAKE_CALL(NDIS_HANDLE CallMgrVcContext,
					    PCO_CALL_PARAMETERS CallParameters,
					    NDIS_HANDLE NdisPartyHandle,
					    PNDIS_HANDLE CallMgrPartyContext);
typedef NDIS_STATUS PROTOCOL_CM_CLOSE_CALL(NDIS_HANDLE CallMgrVcContext,
					     NDIS_HANDLE CallMgrPartyContext,
					     PVOID CloseData, UINT Size);
typedef VOID PROTOCOL_CM_INCOMING_CALL_COMPLETE(NDIS_STATUS Status,
						  NDIS_HANDLE CallMgrVcContext,
						  PCO_CALL_PARAMETERS CallParameters);
typedef NDIS_STATUS PROTOCOL_CM_ADD_PARTY(NDIS_HANDLE CallMgrVcContext,
					    PCO_CALL_PARAMETERS CallParameters,
					    NDIS_HANDLE NdisPartyHandle,
					    PNDIS_HANDLE CallMgrPartyContext);
typedef NDIS_STATUS PROTOCOL_CM_DROP_PARTY(NDIS_HANDLE CallMgrPartyContext,
					     PVOID CloseData, UINT Size);
typedef NDIS_STATUS PROTOCOL_CM_MODIFY_QOS_CALL(NDIS_HANDLE CallMgrVcContext,
						  PCO_CALL_PARAMETERS CallParameters);
typedef VOID PROTOCOL_CM_ACTIVATE_VC_COMPLETE(NDIS_STATUS Status,
						NDIS_HANDLE CallMgrVcContext,
						PCO_CALL_PARAMETERS CallParameters);
typedef VOID PROTOCOL_CM_DEACTIVATE_VC_COMPLETE(NDIS_STATUS Status,
						  NDIS_HANDLE CallMgrVcContext);

typedef PROTOCOL_CM_OPEN_AF(*CM_OPEN_AF_HANDLER);
typedef PROTOCOL_CM_CLOSE_AF(*CM_CLOSE_AF_HANDLER);
typedef PROTOCOL_CM_NOTIFY_CLOSE_AF_COMPLETE(*CM_NOTIFY_CLOSE_AF_COMPLETE_HANDLER);
typedef PROTOCOL_CM_REG_SAP(*CM_REG_SAP_HANDLER);
typedef PROTOCOL_CM_DEREGISTER_SAP(*CM_DEREG_SAP_HANDLER);
typedef PROTOCOL_CM_MAKE_CALL(*CM_MAKE_CALL_HANDLER);
typedef PROTOCOL_CM_CLOSE_CALL(*CM_CLOSE_CALL_HANDLER);
typedef PROTOCOL_CM_INCOMING_CALL_COMPLETE(*CM_INCOMING_CALL_COMPLETE_HANDLER);
typedef PROTOCOL_CM_ADD_PARTY(*CM_ADD_PARTY_HANDLER);
typedef PROTOCOL_CM_DROP_PARTY(*CM_DROP_PARTY_HANDLER);
typedef PROTOCOL_CM_MODIFY_QOS_CALL(*CM_MODIFY_CALL_QOS_HANDLER);
typedef PROTOCOL_CM_ACTIVATE_VC_COMPLETE(*CM_ACTIVATE_VC_COMPLETE_HANDLER);
typedef PROTOCOL_CM_DEACTIVATE_VC_COMPLETE(*CM_DEACTIVATE_VC_COMPLETE_HANDLER);

/* Connection-oriented miniport callbacks (2.4). */
typedef NDIS_STATUS MINIPORT_CO_CREATE_VC(NDIS_HANDLE MiniportAdapterContext,
					    NDIS_HANDLE NdisVcHandle,
					    PNDIS_HANDLE MiniportVcContext);
typedef NDIS_STATUS MINIPORT_CO_DELETE_VC(NDIS_HANDLE MiniportVcContext);
typedef NDIS_STATUS MINIPORT_CO_ACTIVATE_VC(NDIS_HANDLE MiniportVcContext,
					      PCO_CALL_PARAMETERS CallParameters);
typedef NDIS_STATUS MINIPORT_CO_DEACTIVATE_VC(NDIS_HANDLE MiniportVcContext);
typedef VOID MINIPORT_CO_SEND_NET_BUFFER_LISTS(NDIS_HANDLE MiniportVcContext,
						 struct _NET_BUFFER_LIST *NetBufferLists,
						 ULONG SendFlags);
typedef NDIS_STATUS MINIPORT_CO_OID_REQUEST(NDIS_HANDLE MiniportAdapterContext,
					      NDIS_HANDLE MiniportVcContext,
					      PNDIS_OID_REQUEST NdisRequest);

typedef MINIPORT_CO_CREATE_VC(*W_CO_CREATE_VC_HANDLER);
typedef MINIPORT_CO_DELETE_VC(*W_CO_DELETE_VC_HANDLER);
typedef MINIPORT_CO_ACTIVATE_VC(*W_CO_ACTIVATE_VC_HANDLER);
typedef MINIPORT_CO_DEACTIVATE_VC(*W_CO_DEACTIVATE_VC_HANDLER);
typedef MINIPORT_CO_SEND_NET_BUFFER_LISTS(*W_CO_SEND_NET_BUFFER_LISTS_HANDLER);
typedef MINIPORT_CO_OID_REQUEST(*W_CO_OID_REQUEST_HANDLER);

/* ---- the characteristics tables (section 3) ---------------------------- */

typedef struct _NDIS_PROTOCOL_CO_CHARACTERISTICS {
	NDIS_OBJECT_HEADER Header;
	ULONG Flags;
	CO_STATUS_HANDLER_EX CoStatusHandlerEx;
	CO_AF_REGISTER_NOTIFY_HANDLER CoAfRegisterNotifyHandler;
	CO_RECEIVE_NET_BUFFER_LISTS_HANDLER CoReceiveNetBufferListsHandler;
	CO_SEND_NET_BUFFER_LISTS_COMPLETE_HANDLER CoSendNetBufferListsCompleteHandler;
} NDIS_PROTOCOL_CO_CHARACTERISTICS, *PNDIS_PROTOCOL_CO_CHARACTERISTICS;

#define NDIS_PROTOCOL_CO_CHARACTERISTICS_REVISION_1	1
#define NDIS_SIZEOF_PROTOCOL_CO_CHARACTERISTICS_REVISION_1 \
	RTL_SIZEOF_THROUGH_FIELD(NDIS_PROTOCOL_CO_CHARACTERISTICS, \
				 CoSendNetBufferListsCompleteHandler)

typedef struct _NDIS_MINIPORT_CO_CHARACTERISTICS {
	NDIS_OBJECT_HEADER Header;
	ULONG Flags;
	W_CO_CREATE_VC_HANDLER CoCreateVcHandler;
	W_CO_DELETE_VC_HANDLER CoDeleteVcHandler;
	W_CO_ACTIVATE_VC_HANDLER CoActivateVcHandler;
	W_CO_DEACTIVATE_VC_HANDLER CoDeactivateVcHandler;
	W_CO_SEND_NET_BUFFER_LISTS_HANDLER CoSendNetBufferListsHandler;
	W_CO_OID_REQUEST_HANDLER CoOidRequestHandler;
} NDIS_MINIPORT_CO_CHARACTERISTICS, *PNDIS_MINIPORT_CO_CHARACTERISTICS;

#define NDIS_MINIPORT_CO_CHARACTERISTICS_REVISION_1	1
#define NDIS_SIZEOF_MINIPORT_CO_CHARACTERISTICS_REVISION_1 \
	RTL_SIZEOF_THROUGH_FIELD(NDIS_MINIPORT_CO_CHARACTERISTICS, CoOidRequestHandler)

typedef struct _NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS {
	NDIS_OBJECT_HEADER Header;
	ULONG Reserved;
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
	CO_OID_REQUEST_HANDLER CmOidRequestHandler;
	CO_OID_REQUEST_COMPLETE_HANDLER CmOidRequestCompleteHandler;
	CM_NOTIFY_CLOSE_AF_COMPLETE_HANDLER CmNotifyCloseAfCompleteHandler;
} NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS, *PNDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS;

#define NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS_REVISION_1	1
/*
 * As in both WDK versions, REVISION_1's size stops before the last member,
 * CmNotifyCloseAfCompleteHandler, which NDIS 6 nevertheless requires and
 * WDK-built drivers set: the compat layer reads the whole structure when
 * Header.Size is at least this size, and refuses a table without that
 * handler (NDIS_STATUS_BAD_CHARACTERISTICS).
 */
#define NDIS_SIZEOF_CO_CALL_MANAGER_OPTIONAL_HANDLERS_REVISION_1 \
	RTL_SIZEOF_THROUGH_FIELD(NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS, \
				 CmOidRequestCompleteHandler)

typedef struct _NDIS_CO_CLIENT_OPTIONAL_HANDLERS {
	NDIS_OBJECT_HEADER Header;
	ULONG Reserved;
	CO_CREATE_VC_HANDLER ClCreateVcHandler;
	CO_DELETE_VC_HANDLER ClDeleteVcHandler;
	CO_OID_REQUEST_HANDLER ClOidRequestHandler;
	CO_OID_REQUEST_COMPLETE_HANDLER ClOidRequestCompleteHandler;
	CL_OPEN_AF_COMPLETE_HANDLER_EX ClOpenAfCompleteHandlerEx;
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
	CL_NOTIFY_CLOSE_AF_HANDLER ClNotifyCloseAfHandler;
} NDIS_CO_CLIENT_OPTIONAL_HANDLERS, *PNDIS_CO_CLIENT_OPTIONAL_HANDLERS;

#define NDIS_CO_CLIENT_OPTIONAL_HANDLERS_REVISION_1	1
#define NDIS_SIZEOF_CO_CLIENT_OPTIONAL_HANDLERS_REVISION_1 \
	RTL_SIZEOF_THROUGH_FIELD(NDIS_CO_CLIENT_OPTIONAL_HANDLERS, ClNotifyCloseAfHandler)

/* ---- layout checks --------------------------------------------------------- */

/* The condis structures these are handed to as they are (see the top). */
static_assert(offsetof(CO_ADDRESS_FAMILY, MinorVersion) == offsetof(struct condis_af_type, minor));
static_assert(sizeof(CO_ADDRESS_FAMILY) == sizeof(struct condis_af_type));
static_assert(offsetof(CO_SAP, SapLength) == offsetof(struct condis_sap_addr, len));
static_assert(offsetof(CO_SAP, Sap) == offsetof(struct condis_sap_addr, addr));
static_assert(sizeof(FLOWSPEC) == sizeof(struct condis_flow_spec));
static_assert(offsetof(FLOWSPEC, MinimumPolicedSize) ==
	      offsetof(struct condis_flow_spec, minimum_policed_size));
static_assert(offsetof(CO_SPECIFIC_PARAMETERS, Length) ==
	      offsetof(struct condis_specific_params, len));
static_assert(offsetof(CO_SPECIFIC_PARAMETERS, Parameters) ==
	      offsetof(struct condis_specific_params, data));
static_assert(offsetof(CO_CALL_MANAGER_PARAMETERS, Receive) ==
	      offsetof(struct condis_cm_params, receive));
static_assert(offsetof(CO_CALL_MANAGER_PARAMETERS, CallMgrSpecific) ==
	      offsetof(struct condis_cm_params, specific));
static_assert(offsetof(CO_MEDIA_PARAMETERS, ReceiveSizeHint) ==
	      offsetof(struct condis_media_params, receive_size_hint));
static_assert(offsetof(CO_MEDIA_PARAMETERS, MediaSpecific) ==
	      offsetof(struct condis_media_params, specific));
static_assert(offsetof(CO_CALL_PARAMETERS, CallMgrParameters) ==
	      offsetof(struct condis_call_params, cm));
static_assert(offsetof(CO_CALL_PARAMETERS, MediaParameters) ==
	      offsetof(struct condis_call_params, media));
static_assert(sizeof(CO_CALL_PARAMETERS) == sizeof(struct condis_call_params));
/* The WDK's sizes of the one-element-array structures. */
static_assert(sizeof(CO_SAP) == 12 && sizeof(CO_CALL_MANAGER_PARAMETERS) == 76);
/* condis's flag values are the WDK's. */
static_assert(!(PERMANENT_VC ^ CONDIS_CALL_PERMANENT_VC) &&
	      !(CALL_PARAMETERS_CHANGED ^ CONDIS_CALL_PARAMETERS_CHANGED));
static_assert(!(ROUND_UP_FLOW ^ CONDIS_MEDIA_ROUND_UP_FLOW) &&
	      !(ROUND_DOWN_FLOW ^ CONDIS_MEDIA_ROUND_DOWN_FLOW));
#ifdef CONFIG_64BIT
/* The WDK's x64 sizes (condis-api.md 3.2). */
static_assert(sizeof(NDIS_PROTOCOL_CO_CHARACTERISTICS) == 40);
static_assert(sizeof(NDIS_MINIPORT_CO_CHARACTERISTICS) == 56);
static_assert(sizeof(NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS) == 144 &&
	      NDIS_SIZEOF_CO_CALL_MANAGER_OPTIONAL_HANDLERS_REVISION_1 == 136);
static_assert(sizeof(NDIS_CO_CLIENT_OPTIONAL_HANDLERS) == 160);
#endif

/* The condis spelling of a CO parameter structure, and back. */
#define ndis_params_native(p)	((struct condis_call_params *)(p))
#define ndis_params_ndis(p)	((PCO_CALL_PARAMETERS)(p))

#endif /* _NDIS_CO_H */
