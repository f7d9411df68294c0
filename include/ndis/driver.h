/* SPDX-License-Identifier: GPL-2.0 */
/*
 * NDIS compat: driver registration, the handles the compat layer issues,
 * and the objects behind them.
 *
 * Handles.  The CoNDIS handles (NdisAfHandle, NdisSapHandle, NdisVcHandle,
 * NdisPartyHandle) are condis's own, passed through as they are.  Four
 * handles are compat objects, each starting with struct ndis_object:
 * NdisProtocolHandle (struct ndis_protocol_driver), NdisBindingHandle
 * (struct ndis_binding), NdisMiniportDriverHandle (struct
 * ndis_miniport_driver) and MiniportAdapterHandle (struct
 * ndis_miniport_adapter).
 *
 * Callbacks.  condis calls a native ops table; NDIS calls a driver's
 * characteristics.  The trampolines between the two are ndis.ko's
 * (ndis/tramp.c), one set for every NDIS driver, so each context condis
 * passes them names its driver: the binding context condis gets is the
 * compat binding, an adapter's context its compat adapter, and each AF,
 * SAP, VC and party context a driver gives (as an argument, through an out
 * parameter of a handler such as ClCreateVc or CmMakeCall, or with a
 * completion such as NdisCmOpenAddressFamilyComplete) reaches condis
 * wrapped in a struct ndis_ctx {driver, the driver's context}.  A wrapper
 * or compat binding is freed when condis says it will never pass it again
 * (release_ctx in <net/condis.h>: its object is freed, or a completion
 * replaced it), or at once when the call that would have handed it over
 * fails.  So there
 * is no state per source file: any number of protocol and miniport
 * drivers (clients, call managers, MCMs, miniports) may register from one
 * module, even from one source file, and a driver's handlers may live in
 * any of its files.
 */
#ifndef _NDIS_DRIVER_H
#define _NDIS_DRIVER_H

#include <linux/completion.h>
#include <linux/list.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <net/condis.h>

#include <ndis/types.h>
#include <ndis/status.h>
#include <ndis/oids.h>
#include <ndis/co.h>
#include <ndis/nbl.h>

typedef LONG NTSTATUS;

/* ---- the driver object ----------------------------------------------------- */

typedef struct _DRIVER_OBJECT DRIVER_OBJECT, *PDRIVER_OBJECT;
typedef VOID DRIVER_UNLOAD(PDRIVER_OBJECT DriverObject);
typedef NTSTATUS DRIVER_INITIALIZE(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath);

/**
 * struct _DRIVER_OBJECT - what DriverEntry gets: the module, in Linux
 * @Module: the driver's module
 * @DriverUnload: set by the driver (a protocol) or by
 *	NdisMRegisterMiniportDriver() (a miniport's MiniportDriverUnload);
 *	NdisLinuxDriverUnload() calls it
 */
struct _DRIVER_OBJECT {
	struct module *Module;
	DRIVER_UNLOAD *DriverUnload;
};

/**
 * NdisLinuxDriverEntry() - run a driver's DriverEntry from module_init()
 * @DriverObject: the driver's (static) driver object
 * @Module: THIS_MODULE
 * @Entry: the driver's DriverEntry
 *
 * Context: process (module init).
 * Return: 0 or a -errno for module_init().
 */
static inline int NdisLinuxDriverEntry(PDRIVER_OBJECT DriverObject, struct module *Module,
				       DRIVER_INITIALIZE *Entry)
{
	DriverObject->Module = Module;
	return ndis_status_to_errno(Entry(DriverObject, NULL));
}

/**
 * NdisLinuxDriverUnload() - run a driver's unload routine from module_exit()
 * @DriverObject: the object DriverEntry got
 *
 * Context: process (module exit).
 */
static inline void NdisLinuxDriverUnload(PDRIVER_OBJECT DriverObject)
{
	if (DriverObject->DriverUnload)
		DriverObject->DriverUnload(DriverObject);
}

/* ---- media, bind and open parameters ------------------------------------------- */

typedef enum _NDIS_MEDIUM {
	NdisMedium802_3,
	NdisMedium802_5,
	NdisMediumFddi,
	NdisMediumWan,
	NdisMediumLocalTalk,
	NdisMediumDix,
	NdisMediumArcnetRaw,
	NdisMediumArcnet878_2,
	NdisMediumAtm,
	NdisMediumWirelessWan,
	NdisMediumIrda,
	NdisMediumBpc,
	NdisMediumCoWan,
	NdisMedium1394,
	NdisMediumInfiniBand,
	NdisMediumTunnel,
	NdisMediumNative802_11,
	NdisMediumLoopback,
	NdisMediumWiMAX,
	NdisMediumIP,
	NdisMediumMax
} NDIS_MEDIUM, *PNDIS_MEDIUM;

typedef enum _NDIS_MEDIA_CONNECT_STATE {
	MediaConnectStateUnknown,
	MediaConnectStateConnected,
	MediaConnectStateDisconnected,
} NDIS_MEDIA_CONNECT_STATE;

/* Reduced to the fields a CoNDIS protocol uses; the rest of NDIS's are absent. */
typedef struct _NDIS_BIND_PARAMETERS {
	NDIS_OBJECT_HEADER Header;
	PNDIS_STRING ProtocolSection;
	PNDIS_STRING AdapterName;
	PVOID PhysicalDeviceObject;
	NDIS_MEDIUM MediaType;
	ULONG MtuSize;
	ULONG64 MaxXmitLinkSpeed;
	ULONG64 XmitLinkSpeed;
	ULONG64 MaxRcvLinkSpeed;
	ULONG64 RcvLinkSpeed;
	NDIS_MEDIA_CONNECT_STATE MediaConnectState;
} NDIS_BIND_PARAMETERS, *PNDIS_BIND_PARAMETERS;

#define NDIS_BIND_PARAMETERS_REVISION_1		1
/* The reduced structure's size: what NDIS fills, never what a driver sets. */
#define NDIS_SIZEOF_BIND_PARAMETERS_REVISION_1 \
	RTL_SIZEOF_THROUGH_FIELD(NDIS_BIND_PARAMETERS, MediaConnectState)

typedef struct _NDIS_OPEN_PARAMETERS {
	NDIS_OBJECT_HEADER Header;
	PNDIS_STRING AdapterName;
	PNDIS_MEDIUM MediumArray;
	UINT MediumArraySize;
	PUINT SelectedMediumIndex;
	PUSHORT FrameTypeArray;
	UINT FrameTypeArraySize;
} NDIS_OPEN_PARAMETERS, *PNDIS_OPEN_PARAMETERS;

#define NDIS_OPEN_PARAMETERS_REVISION_1		1
#define NDIS_SIZEOF_OPEN_PARAMETERS_REVISION_1 \
	RTL_SIZEOF_THROUGH_FIELD(NDIS_OPEN_PARAMETERS, FrameTypeArraySize)

/* ---- PnP events -------------------------------------------------------------------- */

/* NDIS 6.0's codes; condis delivers none of them (see NetPnPEventHandler). */
typedef enum _NET_PNP_EVENT_CODE {
	NetEventSetPower,
	NetEventQueryPower,
	NetEventQueryRemoveDevice,
	NetEventCancelRemoveDevice,
	NetEventReconfigure,
	NetEventBindList,
	NetEventBindsComplete,
	NetEventPnPCapabilities,
	NetEventPause,
	NetEventRestart,
	NetEventPortActivation,
	NetEventPortDeactivation,
	NetEventIMReEnableDevice,
} NET_PNP_EVENT_CODE, *PNET_PNP_EVENT_CODE;

typedef struct _NET_PNP_EVENT {
	NET_PNP_EVENT_CODE NetEvent;
	PVOID Buffer;
	ULONG BufferLength;
	ULONG_PTR NdisReserved[4];
	ULONG_PTR TransportReserved[4];
	ULONG_PTR TdiReserved[4];
	ULONG_PTR TdiClientReserved[4];
} NET_PNP_EVENT, *PNET_PNP_EVENT;

typedef ULONG NDIS_NIC_SWITCH_ID, *PNDIS_NIC_SWITCH_ID;
typedef ULONG NDIS_NIC_SWITCH_VPORT_ID, *PNDIS_NIC_SWITCH_VPORT_ID;

/* Header.Type NDIS_OBJECT_TYPE_DEFAULT. */
typedef struct _NET_PNP_EVENT_NOTIFICATION {
	NDIS_OBJECT_HEADER Header;
	NDIS_PORT_NUMBER PortNumber;
	NET_PNP_EVENT NetPnPEvent;
	ULONG Flags;
	NDIS_NIC_SWITCH_ID SwitchId;
	NDIS_NIC_SWITCH_VPORT_ID VPortId;
} NET_PNP_EVENT_NOTIFICATION, *PNET_PNP_EVENT_NOTIFICATION;

/* A miniport adapter's PnP event (MiniportDevicePnPEventNotify; never sent). */
typedef enum _NDIS_DEVICE_PNP_EVENT {
	NdisDevicePnPEventQueryRemoved,
	NdisDevicePnPEventRemoved,
	NdisDevicePnPEventSurpriseRemoved,
	NdisDevicePnPEventQueryStopped,
	NdisDevicePnPEventStopped,
	NdisDevicePnPEventPowerProfileChanged,
	NdisDevicePnPEventFilterListChanged,
} NDIS_DEVICE_PNP_EVENT, *PNDIS_DEVICE_PNP_EVENT;

typedef struct _NET_DEVICE_PNP_EVENT {
	NDIS_OBJECT_HEADER Header;
	NDIS_PORT_NUMBER PortNumber;
	NDIS_DEVICE_PNP_EVENT DevicePnPEvent;
	PVOID InformationBuffer;
	ULONG InformationBufferLength;
	UCHAR NdisReserved[2 * sizeof(PVOID)];
} NET_DEVICE_PNP_EVENT, *PNET_DEVICE_PNP_EVENT;

#define NET_DEVICE_PNP_EVENT_REVISION_1		1
#define NDIS_SIZEOF_NET_DEVICE_PNP_EVENT_REVISION_1 \
	RTL_SIZEOF_THROUGH_FIELD(NET_DEVICE_PNP_EVENT, NdisReserved)

#define NET_PNP_EVENT_NOTIFICATION_REVISION_1	1
#define NET_PNP_EVENT_NOTIFICATION_REVISION_2	2
/* NDIS 6.0's layout ends with NetPnPEvent; Flags and the NIC-switch ids came later. */
#define NDIS_SIZEOF_NET_PNP_EVENT_NOTIFICATION_REVISION_1 \
	RTL_SIZEOF_THROUGH_FIELD(NET_PNP_EVENT_NOTIFICATION, NetPnPEvent)
#define NDIS_SIZEOF_NET_PNP_EVENT_NOTIFICATION_REVISION_2 \
	RTL_SIZEOF_THROUGH_FIELD(NET_PNP_EVENT_NOTIFICATION, VPortId)

/* ---- protocol drivers ------------------------------------------------------------- */

typedef NDIS_STATUS SET_OPTIONS(NDIS_HANDLE NdisDriverHandle, NDIS_HANDLE DriverContext);
typedef SET_OPTIONS(*SET_OPTIONS_HANDLER);
typedef SET_OPTIONS PROTOCOL_SET_OPTIONS;
typedef SET_OPTIONS MINIPORT_SET_OPTIONS;

typedef NDIS_STATUS PROTOCOL_BIND_ADAPTER_EX(NDIS_HANDLE ProtocolDriverContext,
					       NDIS_HANDLE BindContext,
					       PNDIS_BIND_PARAMETERS BindParameters);
typedef NDIS_STATUS PROTOCOL_UNBIND_ADAPTER_EX(NDIS_HANDLE UnbindContext,
						 NDIS_HANDLE ProtocolBindingContext);
typedef VOID PROTOCOL_OPEN_ADAPTER_COMPLETE_EX(NDIS_HANDLE ProtocolBindingContext,
						 NDIS_STATUS Status);
typedef VOID PROTOCOL_CLOSE_ADAPTER_COMPLETE_EX(NDIS_HANDLE ProtocolBindingContext);
typedef NDIS_STATUS PROTOCOL_NET_PNP_EVENT(NDIS_HANDLE ProtocolBindingContext,
					     PNET_PNP_EVENT_NOTIFICATION NetPnPEventNotification);
typedef VOID PROTOCOL_UNINSTALL(VOID);
typedef VOID PROTOCOL_OID_REQUEST_COMPLETE(NDIS_HANDLE ProtocolBindingContext,
					     PNDIS_OID_REQUEST OidRequest, NDIS_STATUS Status);
typedef VOID PROTOCOL_STATUS_EX(NDIS_HANDLE ProtocolBindingContext,
				  PNDIS_STATUS_INDICATION StatusIndication);
typedef VOID PROTOCOL_RECEIVE_NET_BUFFER_LISTS(NDIS_HANDLE ProtocolBindingContext,
						 PNET_BUFFER_LIST NetBufferLists,
						 NDIS_PORT_NUMBER PortNumber,
						 ULONG NumberOfNetBufferLists, ULONG ReceiveFlags);
typedef VOID PROTOCOL_SEND_NET_BUFFER_LISTS_COMPLETE(NDIS_HANDLE ProtocolBindingContext,
						       PNET_BUFFER_LIST NetBufferList,
						       ULONG SendCompleteFlags);
typedef VOID PROTOCOL_DIRECT_OID_REQUEST_COMPLETE(NDIS_HANDLE ProtocolBindingContext,
						    PNDIS_OID_REQUEST OidRequest,
						    NDIS_STATUS Status);

/* The handler-pointer names of the WDK's NDIS_PROTOCOL_DRIVER_CHARACTERISTICS. */
typedef PROTOCOL_BIND_ADAPTER_EX(*BIND_HANDLER_EX);
typedef PROTOCOL_UNBIND_ADAPTER_EX(*UNBIND_HANDLER_EX);
typedef PROTOCOL_OPEN_ADAPTER_COMPLETE_EX(*OPEN_ADAPTER_COMPLETE_HANDLER_EX);
typedef PROTOCOL_CLOSE_ADAPTER_COMPLETE_EX(*CLOSE_ADAPTER_COMPLETE_HANDLER_EX);
typedef PROTOCOL_NET_PNP_EVENT(*NET_PNP_EVENT_HANDLER);
typedef PROTOCOL_UNINSTALL(*UNINSTALL_PROTOCOL_HANDLER);
typedef PROTOCOL_OID_REQUEST_COMPLETE(*OID_REQUEST_COMPLETE_HANDLER);
typedef PROTOCOL_STATUS_EX(*STATUS_HANDLER_EX);
typedef PROTOCOL_RECEIVE_NET_BUFFER_LISTS(*RECEIVE_NET_BUFFER_LISTS_HANDLER);
typedef PROTOCOL_SEND_NET_BUFFER_LISTS_COMPLETE(*SEND_NET_BUFFER_LISTS_COMPLETE_HANDLER);
typedef PROTOCOL_DIRECT_OID_REQUEST_COMPLETE(*DIRECT_OID_REQUEST_COMPLETE_HANDLER);

/*
 * OidRequestComplete finishes the NdisOidRequest()s that pended.  The other
 * connectionless handlers (StatusEx, Receive, SendComplete,
 * DirectOidRequestComplete), NetPnPEvent and Uninstall are accepted and
 * never called: CoNDIS uses the Co tables.
 */
typedef struct _NDIS_PROTOCOL_DRIVER_CHARACTERISTICS {
	NDIS_OBJECT_HEADER Header;
	UCHAR MajorNdisVersion;
	UCHAR MinorNdisVersion;
	UCHAR MajorDriverVersion;
	UCHAR MinorDriverVersion;
	ULONG Flags;
	NDIS_STRING Name;
	SET_OPTIONS_HANDLER SetOptionsHandler;
	BIND_HANDLER_EX BindAdapterHandlerEx;
	UNBIND_HANDLER_EX UnbindAdapterHandlerEx;
	OPEN_ADAPTER_COMPLETE_HANDLER_EX OpenAdapterCompleteHandlerEx;
	CLOSE_ADAPTER_COMPLETE_HANDLER_EX CloseAdapterCompleteHandlerEx;
	NET_PNP_EVENT_HANDLER NetPnPEventHandler;
	UNINSTALL_PROTOCOL_HANDLER UninstallHandler;
	OID_REQUEST_COMPLETE_HANDLER OidRequestCompleteHandler;
	STATUS_HANDLER_EX StatusHandlerEx;
	RECEIVE_NET_BUFFER_LISTS_HANDLER ReceiveNetBufferListsHandler;
	SEND_NET_BUFFER_LISTS_COMPLETE_HANDLER SendNetBufferListsCompleteHandler;
	DIRECT_OID_REQUEST_COMPLETE_HANDLER DirectOidRequestCompleteHandler;
} NDIS_PROTOCOL_DRIVER_CHARACTERISTICS, *PNDIS_PROTOCOL_DRIVER_CHARACTERISTICS;

#define NDIS_PROTOCOL_DRIVER_CHARACTERISTICS_REVISION_1	1
#define NDIS_PROTOCOL_DRIVER_CHARACTERISTICS_REVISION_2	2
#define NDIS_SIZEOF_PROTOCOL_DRIVER_CHARACTERISTICS_REVISION_1 \
	RTL_SIZEOF_THROUGH_FIELD(NDIS_PROTOCOL_DRIVER_CHARACTERISTICS, \
				 SendNetBufferListsCompleteHandler)
#define NDIS_SIZEOF_PROTOCOL_DRIVER_CHARACTERISTICS_REVISION_2 \
	RTL_SIZEOF_THROUGH_FIELD(NDIS_PROTOCOL_DRIVER_CHARACTERISTICS, \
				 DirectOidRequestCompleteHandler)

/* What NdisSetOptionalHandlers() takes: one of the CoNDIS tables. */
typedef union _NDIS_DRIVER_OPTIONAL_HANDLERS {
	NDIS_OBJECT_HEADER Header;
	NDIS_PROTOCOL_CO_CHARACTERISTICS ProtocolCoCharacteristics;
	NDIS_MINIPORT_CO_CHARACTERISTICS MiniportCoCharacteristics;
	NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS CallManagerChars;
	NDIS_CO_CLIENT_OPTIONAL_HANDLERS ClientChars;
} NDIS_DRIVER_OPTIONAL_HANDLERS, *PNDIS_DRIVER_OPTIONAL_HANDLERS;

/* ---- miniport drivers ------------------------------------------------------------- */

typedef enum _NDIS_HALT_ACTION {
	NdisHaltDeviceDisabled,
	NdisHaltDeviceInstanceDeInitialized,
	NdisHaltDevicePoweredDown,
	NdisHaltDeviceSurpriseRemoved,
	NdisHaltDeviceFailed,
	NdisHaltDeviceInitializationFailed,
	NdisHaltDeviceStopped,
} NDIS_HALT_ACTION;

typedef enum _NDIS_INTERFACE_TYPE {
	NdisInterfaceInternal = 0,
	NdisInterfacePci = 5,
	NdisInterfacePNPBus = 15,
} NDIS_INTERFACE_TYPE;

typedef struct _NDIS_MINIPORT_INIT_PARAMETERS {
	NDIS_OBJECT_HEADER Header;
	ULONG Flags;
	PVOID AllocatedResources;
	NDIS_HANDLE IMDeviceInstanceContext;
	NDIS_HANDLE MiniportAddDeviceContext;
	ULONG IfIndex;
} NDIS_MINIPORT_INIT_PARAMETERS, *PNDIS_MINIPORT_INIT_PARAMETERS;

#define NDIS_MINIPORT_INIT_PARAMETERS_REVISION_1	1
#define NDIS_SIZEOF_MINIPORT_INIT_PARAMETERS_REVISION_1 \
	RTL_SIZEOF_THROUGH_FIELD(NDIS_MINIPORT_INIT_PARAMETERS, IfIndex)

typedef struct _NDIS_MINIPORT_PAUSE_PARAMETERS {
	NDIS_OBJECT_HEADER Header;
	ULONG Flags;
	ULONG PauseReason;
} NDIS_MINIPORT_PAUSE_PARAMETERS, *PNDIS_MINIPORT_PAUSE_PARAMETERS;

#define NDIS_MINIPORT_PAUSE_PARAMETERS_REVISION_1	1
#define NDIS_SIZEOF_MINIPORT_PAUSE_PARAMETERS_REVISION_1 \
	RTL_SIZEOF_THROUGH_FIELD(NDIS_MINIPORT_PAUSE_PARAMETERS, PauseReason)

typedef struct _NDIS_MINIPORT_RESTART_PARAMETERS {
	NDIS_OBJECT_HEADER Header;
	PVOID FilterModuleNameList;
	PVOID RestartAttributes;
	ULONG Flags;
} NDIS_MINIPORT_RESTART_PARAMETERS, *PNDIS_MINIPORT_RESTART_PARAMETERS;

#define NDIS_MINIPORT_RESTART_PARAMETERS_REVISION_1	1
#define NDIS_SIZEOF_MINIPORT_RESTART_PARAMETERS_REVISION_1 \
	RTL_SIZEOF_THROUGH_FIELD(NDIS_MINIPORT_RESTART_PARAMETERS, Flags)

typedef NDIS_STATUS MINIPORT_INITIALIZE(NDIS_HANDLE NdisMiniportHandle,
					  NDIS_HANDLE MiniportDriverContext,
					  PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters);
typedef VOID MINIPORT_HALT(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction);
typedef DRIVER_UNLOAD MINIPORT_UNLOAD;
typedef NDIS_STATUS MINIPORT_PAUSE(NDIS_HANDLE MiniportAdapterContext,
				     PNDIS_MINIPORT_PAUSE_PARAMETERS PauseParameters);
typedef NDIS_STATUS MINIPORT_RESTART(NDIS_HANDLE MiniportAdapterContext,
				       PNDIS_MINIPORT_RESTART_PARAMETERS RestartParameters);
typedef NDIS_STATUS MINIPORT_OID_REQUEST(NDIS_HANDLE MiniportAdapterContext,
					   PNDIS_OID_REQUEST OidRequest);
typedef VOID MINIPORT_SEND_NET_BUFFER_LISTS(NDIS_HANDLE MiniportAdapterContext,
					      PNET_BUFFER_LIST NetBufferList,
					      NDIS_PORT_NUMBER PortNumber, ULONG SendFlags);
typedef VOID MINIPORT_RETURN_NET_BUFFER_LISTS(NDIS_HANDLE MiniportAdapterContext,
						PNET_BUFFER_LIST NetBufferLists,
						ULONG ReturnFlags);
typedef VOID MINIPORT_CANCEL_SEND(NDIS_HANDLE MiniportAdapterContext, PVOID CancelId);
typedef BOOLEAN MINIPORT_CHECK_FOR_HANG(NDIS_HANDLE MiniportAdapterContext);
typedef NDIS_STATUS MINIPORT_RESET(NDIS_HANDLE MiniportAdapterContext,
				     PBOOLEAN AddressingReset);
typedef VOID MINIPORT_DEVICE_PNP_EVENT_NOTIFY(NDIS_HANDLE MiniportAdapterContext,
						PNET_DEVICE_PNP_EVENT NetDevicePnPEvent);
typedef VOID MINIPORT_SHUTDOWN(NDIS_HANDLE MiniportAdapterContext, ULONG ShutdownAction);
typedef VOID MINIPORT_CANCEL_OID_REQUEST(NDIS_HANDLE MiniportAdapterContext, PVOID RequestId);

typedef MINIPORT_INITIALIZE(*MINIPORT_INITIALIZE_HANDLER);
typedef MINIPORT_HALT(*MINIPORT_HALT_HANDLER);
typedef MINIPORT_UNLOAD(*MINIPORT_DRIVER_UNLOAD);
typedef MINIPORT_PAUSE(*MINIPORT_PAUSE_HANDLER);
typedef MINIPORT_RESTART(*MINIPORT_RESTART_HANDLER);
typedef MINIPORT_OID_REQUEST(*MINIPORT_OID_REQUEST_HANDLER);
typedef MINIPORT_SEND_NET_BUFFER_LISTS(*MINIPORT_SEND_NET_BUFFER_LISTS_HANDLER);
typedef MINIPORT_RETURN_NET_BUFFER_LISTS(*MINIPORT_RETURN_NET_BUFFER_LISTS_HANDLER);
typedef MINIPORT_CANCEL_SEND(*MINIPORT_CANCEL_SEND_HANDLER);
typedef MINIPORT_CHECK_FOR_HANG(*MINIPORT_CHECK_FOR_HANG_HANDLER);
typedef MINIPORT_RESET(*MINIPORT_RESET_HANDLER);
typedef MINIPORT_DEVICE_PNP_EVENT_NOTIFY(*MINIPORT_DEVICE_PNP_EVENT_NOTIFY_HANDLER);
typedef MINIPORT_SHUTDOWN(*MINIPORT_SHUTDOWN_HANDLER);
typedef MINIPORT_CANCEL_OID_REQUEST(*MINIPORT_CANCEL_OID_REQUEST_HANDLER);

/*
 * Called: SetOptions, InitializeEx, HaltEx, Unload, Pause, Restart and
 * ReturnNetBufferLists.  Never called (no reset, hang check, PnP or
 * shutdown events in condis; CoNDIS sends and OIDs use the Co table):
 * OidRequest, SendNetBufferLists, CancelSend, CheckForHangEx, ResetEx,
 * DevicePnPEventNotify, ShutdownEx, CancelOidRequest and the rest.
 */
typedef struct _NDIS_MINIPORT_DRIVER_CHARACTERISTICS {
	NDIS_OBJECT_HEADER Header;
	UCHAR MajorNdisVersion;
	UCHAR MinorNdisVersion;
	UCHAR MajorDriverVersion;
	UCHAR MinorDriverVersion;
	ULONG Flags;
	SET_OPTIONS_HANDLER SetOptionsHandler;
	MINIPORT_INITIALIZE_HANDLER InitializeHandlerEx;
	MINIPORT_HALT_HANDLER HaltHandlerEx;
	MINIPORT_DRIVER_UNLOAD UnloadHandler;
	MINIPORT_PAUSE_HANDLER PauseHandler;
	MINIPORT_RESTART_HANDLER RestartHandler;
	MINIPORT_OID_REQUEST_HANDLER OidRequestHandler;
	MINIPORT_SEND_NET_BUFFER_LISTS_HANDLER SendNetBufferListsHandler;
	MINIPORT_RETURN_NET_BUFFER_LISTS_HANDLER ReturnNetBufferListsHandler;
	MINIPORT_CANCEL_SEND_HANDLER CancelSendHandler;
	MINIPORT_CHECK_FOR_HANG_HANDLER CheckForHangHandlerEx;
	MINIPORT_RESET_HANDLER ResetHandlerEx;
	MINIPORT_DEVICE_PNP_EVENT_NOTIFY_HANDLER DevicePnPEventNotifyHandler;
	MINIPORT_SHUTDOWN_HANDLER ShutdownHandlerEx;
	MINIPORT_CANCEL_OID_REQUEST_HANDLER CancelOidRequestHandler;
} NDIS_MINIPORT_DRIVER_CHARACTERISTICS, *PNDIS_MINIPORT_DRIVER_CHARACTERISTICS;

#define NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_1	1
#define NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_1 \
	RTL_SIZEOF_THROUGH_FIELD(NDIS_MINIPORT_DRIVER_CHARACTERISTICS, CancelOidRequestHandler)

#define NDIS_MINIPORT_ATTRIBUTES_NOT_CO_NDIS		0x00000008
#define NDIS_MINIPORT_ATTRIBUTES_DO_NOT_BIND_TO_ALL_CO	0x00000010

typedef struct _NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES {
	NDIS_OBJECT_HEADER Header;
	NDIS_HANDLE MiniportAdapterContext;
	ULONG AttributeFlags;
	UINT CheckForHangTimeInSeconds;
	NDIS_INTERFACE_TYPE InterfaceType;
} NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES,
	*PNDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;

#define NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1	1
#define NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1 \
	RTL_SIZEOF_THROUGH_FIELD(NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES, InterfaceType)

/* Reduced: accepted and not used by condis. */
typedef struct _NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES {
	NDIS_OBJECT_HEADER Header;
	ULONG Flags;
	NDIS_MEDIUM MediaType;
	ULONG PhysicalMediumType;
	ULONG MtuSize;
	ULONG64 MaxXmitLinkSpeed;
	ULONG64 XmitLinkSpeed;
	ULONG64 MaxRcvLinkSpeed;
	ULONG64 RcvLinkSpeed;
	NDIS_MEDIA_CONNECT_STATE MediaConnectState;
} NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES, *PNDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES;

#define NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_1	1
#define NDIS_SIZEOF_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES_REVISION_1 \
	RTL_SIZEOF_THROUGH_FIELD(NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES, MediaConnectState)

typedef union _NDIS_MINIPORT_ADAPTER_ATTRIBUTES {
	NDIS_OBJECT_HEADER Header;
	NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES RegistrationAttributes;
	NDIS_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES GeneralAttributes;
} NDIS_MINIPORT_ADAPTER_ATTRIBUTES, *PNDIS_MINIPORT_ADAPTER_ATTRIBUTES;

/* ---- the compat objects -------------------------------------------------------------- */

#define NDIS_COMPAT_MAGIC	0x4e444953	/* "NDIS" */
#define NDIS_COMPAT_NAME_MAX	32
/* Address families an MCM may register per adapter in MiniportInitializeEx. */
#define NDIS_COMPAT_MAX_AFS	4

enum ndis_object_kind {
	NDIS_OBJ_PROTOCOL = 1,
	NDIS_OBJ_BINDING,
	NDIS_OBJ_MINIPORT,
	NDIS_OBJ_ADAPTER,
	NDIS_OBJ_CTX,
};

/**
 * struct ndis_object - the start of every handle the compat layer issues
 * @magic: %NDIS_COMPAT_MAGIC while the object lives
 * @kind: what it is (&enum ndis_object_kind)
 */
struct ndis_object {
	u32 magic;
	u32 kind;
};

/**
 * struct ndis_protocol_driver - what an NdisProtocolHandle points at
 * @obj: its header
 * @native: condis's handle, once registered
 * @desc: what condis was given
 * @context: the driver's ProtocolDriverContext
 * @chars: its characteristics
 * @co: its NDIS_PROTOCOL_CO_CHARACTERISTICS
 * @cl: its client handlers, if @has_cl
 * @cm: its call-manager handlers, if @has_cm
 * @has_co: @co was set
 * @has_cl: @cl was set
 * @has_cm: @cm was set
 * @registering: inside NdisRegisterProtocolDriver(): tables may be set
 * @name: its name, for condis
 */
struct ndis_protocol_driver {
	struct ndis_object obj;
	struct condis_protocol *native;
	struct condis_protocol_desc desc;
	NDIS_HANDLE context;
	NDIS_PROTOCOL_DRIVER_CHARACTERISTICS chars;
	NDIS_PROTOCOL_CO_CHARACTERISTICS co;
	NDIS_CO_CLIENT_OPTIONAL_HANDLERS cl;
	NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS cm;
	bool has_co, has_cl, has_cm;
	bool registering;
	char name[NDIS_COMPAT_NAME_MAX];
};

/**
 * struct ndis_binding - what an NdisBindingHandle points at
 * @obj: its header
 * @native: condis's binding
 * @driver: the protocol that opened it
 * @context: the protocol's ProtocolBindingContext
 *
 * condis's context for the binding: its callbacks find the driver here.
 * Freed when condis releases it (release_ctx), not when the driver closes
 * the binding: condis may pass it until its binding object is freed.
 */
struct ndis_binding {
	struct ndis_object obj;
	struct condis_binding *native;
	struct ndis_protocol_driver *driver;
	NDIS_HANDLE context;
};

/**
 * struct ndis_miniport_driver - what an NdisMiniportDriverHandle points at
 * @obj: its header
 * @native: condis's handle, once registered
 * @desc: what condis was given
 * @context: the driver's MiniportDriverContext
 * @chars: its characteristics
 * @co: its NDIS_MINIPORT_CO_CHARACTERISTICS
 * @cm: its call-manager handlers, if an MCM
 * @has_co: @co was set
 * @has_cm: @cm was set: an MCM
 * @registering: inside NdisMRegisterMiniportDriver(): tables may be set
 * @lock: protects @adapters
 * @adapters: its &struct ndis_miniport_adapter objects
 * @name: its name, for condis
 */
struct ndis_miniport_driver {
	struct ndis_object obj;
	struct condis_miniport *native;
	struct condis_miniport_desc desc;
	NDIS_HANDLE context;
	NDIS_MINIPORT_DRIVER_CHARACTERISTICS chars;
	NDIS_MINIPORT_CO_CHARACTERISTICS co;
	NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS cm;
	bool has_co, has_cm;
	bool registering;
	struct mutex lock;	/* protects adapters */
	struct list_head adapters;
	char name[NDIS_COMPAT_NAME_MAX];
};

/**
 * struct ndis_miniport_adapter - what a MiniportAdapterHandle points at
 * @obj: its header
 * @driver: its miniport driver
 * @native: condis's adapter, once registered (after MiniportInitializeEx)
 * @context: the MiniportAdapterContext the driver set
 * @initializing: inside MiniportInitializeEx: AF registrations wait
 * @afs: address families registered during MiniportInitializeEx
 * @nr_afs: how many
 * @state_done: NdisMPauseComplete() / NdisMRestartComplete() was called
 * @state_status: its status
 * @node: in the driver's adapters list
 * @name: the adapter's name
 */
struct ndis_miniport_adapter {
	struct ndis_object obj;
	struct ndis_miniport_driver *driver;
	struct condis_adapter *native;
	NDIS_HANDLE context;
	bool initializing;
	CO_ADDRESS_FAMILY afs[NDIS_COMPAT_MAX_AFS];
	unsigned int nr_afs;
	struct completion state_done;
	NDIS_STATUS state_status;
	struct list_head node;
	char name[NDIS_COMPAT_NAME_MAX];
};

/**
 * struct ndis_ctx - what condis holds for a driver's AF, SAP, VC or party
 *	context
 * @obj: its header (%NDIS_OBJ_CTX)
 * @driver: the driver it belongs to: a &struct ndis_protocol_driver (a
 *	client's or stand-alone CM's) or a &struct ndis_miniport_driver (an
 *	MCM's or miniport's)
 * @context: the driver's own context, what its handlers get
 *
 * Made by ndis.ko when the context reaches condis, freed by ndis.ko's
 * release_ctx (see the top of this file).  Never seen by a driver.
 */
struct ndis_ctx {
	struct ndis_object obj;
	struct ndis_object *driver;
	NDIS_HANDLE context;
};

/* The compat object behind @h if it is one of @kind, else NULL (and a warning). */
static inline struct ndis_object *ndis_object_get(NDIS_HANDLE h, u32 kind)
{
	struct ndis_object *o = h;

	if (o && o->magic == NDIS_COMPAT_MAGIC && (!kind || o->kind == kind))
		return o;
	pr_warn_ratelimited("ndis: %ps: bad handle %p\n", __builtin_return_address(0), h);
	return NULL;
}

static inline struct ndis_binding *ndis_binding_of(NDIS_HANDLE h)
{
	return (struct ndis_binding *)ndis_object_get(h, NDIS_OBJ_BINDING);
}

static inline struct ndis_miniport_adapter *ndis_adapter_of(NDIS_HANDLE h)
{
	return (struct ndis_miniport_adapter *)ndis_object_get(h, NDIS_OBJ_ADAPTER);
}

static inline struct condis_binding *ndis_native_binding(NDIS_HANDLE h)
{
	struct ndis_binding *b = ndis_binding_of(h);

	return b ? b->native : NULL;
}

static inline struct condis_adapter *ndis_native_adapter(NDIS_HANDLE h)
{
	struct ndis_miniport_adapter *a = ndis_adapter_of(h);

	return a ? a->native : NULL;
}

/* The protocol driver of a protocol driver or binding handle, else NULL. */
static inline struct ndis_protocol_driver *ndis_protocol_of(struct ndis_object *o)
{
	if (o && o->kind == NDIS_OBJ_PROTOCOL)
		return (struct ndis_protocol_driver *)o;
	if (o && o->kind == NDIS_OBJ_BINDING)
		return ((struct ndis_binding *)o)->driver;
	return NULL;
}

/* The adapter of an adapter handle, else NULL (a miniport driver handle). */
static inline struct ndis_miniport_adapter *ndis_pool_adapter(struct ndis_object *o)
{
	return o && o->kind == NDIS_OBJ_ADAPTER ? (struct ndis_miniport_adapter *)o : NULL;
}

static inline struct ndis_miniport_driver *ndis_miniport_of(struct ndis_object *o)
{
	if (o && o->kind == NDIS_OBJ_MINIPORT)
		return (struct ndis_miniport_driver *)o;
	if (o && o->kind == NDIS_OBJ_ADAPTER)
		return ((struct ndis_miniport_adapter *)o)->driver;
	return NULL;
}

NDIS_HANDLE NdisAllocateNetBufferListPool(NDIS_HANDLE NdisHandle,
					  PNET_BUFFER_LIST_POOL_PARAMETERS Parameters);

/* ---- NdisSetOptionalHandlers ---------------------------------------------------------- */

/* Whether every handler of a CoNDIS table is set (NDIS requires it). */
static inline bool ndis_table_complete(const void *table, size_t first, size_t end)
{
	const u8 *p = table;
	size_t off;

	for (off = first; off + sizeof(void *) <= end; off += sizeof(void *)) {
		void *fn;

		memcpy(&fn, p + off, sizeof(fn));
		if (!fn)
			return false;
	}
	return true;
}

/*
 * Copy a table of @size bytes whose header says @have bytes, at least
 * @need, into @dst (zero-filled beyond what the driver gave).
 */
static inline bool ndis_table_copy(void *dst, size_t size, const NDIS_OBJECT_HEADER *hdr,
				   size_t need)
{
	size_t have = min_t(size_t, hdr->Size, size);

	if (hdr->Revision < 1 || have < need)
		return false;
	memset(dst, 0, size);
	memcpy(dst, hdr, have);
	return true;
}

/*
 * The call-manager table, read whole whatever Header.Size says beyond the
 * REVISION_1 size.  The WDK's NDIS_SIZEOF_CO_CALL_MANAGER_OPTIONAL_HANDLERS_REVISION_1
 * stops before CmNotifyCloseAfCompleteHandler, which NDIS 6 requires and
 * WDK-built drivers set with that size in the header.  Reading the member
 * is safe: the table a driver passes is its NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS
 * (or the NDIS_DRIVER_OPTIONAL_HANDLERS union holding it), declared by
 * this header as by the WDK's with the member inside it, so all of it is
 * the driver's memory.
 */
static inline bool ndis_cm_table_copy(NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS *dst,
				      const NDIS_OBJECT_HEADER *hdr)
{
	const size_t first = offsetof(NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS, CmCreateVcHandler);

	if (hdr->Revision < 1 ||
	    hdr->Size < NDIS_SIZEOF_CO_CALL_MANAGER_OPTIONAL_HANDLERS_REVISION_1)
		return false;
	memcpy(dst, hdr, sizeof(*dst));
	return ndis_table_complete(dst, first, sizeof(*dst));
}

NDIS_STATUS NdisSetOptionalHandlers(NDIS_HANDLE NdisHandle,
				    PNDIS_DRIVER_OPTIONAL_HANDLERS OptionalHandlers);

#endif /* _NDIS_DRIVER_H */
