// SPDX-License-Identifier: GPL-2.0
/*
 * Compile test, protocol side: the names a CoNDIS client or stand-alone
 * call manager written from the WDK documentation uses, as it uses them.
 * Sizes are x86-64's: the CoNDIS tables' from the WDK headers
 * (shared/reference/condis-api.md §3.2), the others computed from the
 * WDK's field lists.
 */
#include <ndis/ndis.h>

/* The role types, declared and defined as the WDK samples do. */
static PROTOCOL_NET_PNP_EVENT NamesNetPnPEvent;
static PROTOCOL_BIND_ADAPTER_EX NamesBindAdapterEx;
static PROTOCOL_UNBIND_ADAPTER_EX NamesUnbindAdapterEx;
static PROTOCOL_OPEN_ADAPTER_COMPLETE_EX NamesOpenAdapterCompleteEx;
static PROTOCOL_CLOSE_ADAPTER_COMPLETE_EX NamesCloseAdapterCompleteEx;
static PROTOCOL_UNINSTALL NamesUninstall;

/* PROTOCOL_NET_PNP_EVENT takes a PNET_PNP_EVENT_NOTIFICATION, as in the WDK. */
static NDIS_STATUS NamesNetPnPEvent(NDIS_HANDLE ProtocolBindingContext,
				    PNET_PNP_EVENT_NOTIFICATION NetPnPEventNotification)
{
	PNET_PNP_EVENT ev = &NetPnPEventNotification->NetPnPEvent;
	NET_PNP_EVENT_CODE code = ev->NetEvent;

	DbgPrint("names: pnp event %d on port %u\n", code, NetPnPEventNotification->PortNumber);
	return NDIS_STATUS_SUCCESS;
}

static NDIS_STATUS NamesBindAdapterEx(NDIS_HANDLE ProtocolDriverContext, NDIS_HANDLE BindContext,
				      PNDIS_BIND_PARAMETERS BindParameters)
{
	return NDIS_STATUS_FAILURE;
}

static NDIS_STATUS NamesUnbindAdapterEx(NDIS_HANDLE UnbindContext,
					NDIS_HANDLE ProtocolBindingContext)
{
	return NDIS_STATUS_SUCCESS;
}

static VOID NamesOpenAdapterCompleteEx(NDIS_HANDLE ProtocolBindingContext, NDIS_STATUS Status)
{
}

static VOID NamesCloseAdapterCompleteEx(NDIS_HANDLE ProtocolBindingContext)
{
}

static VOID NamesUninstall(VOID)
{
}

/* The handler-pointer typedefs, and the characteristics' members of those types. */
#define NAMES_MEMBER_IS(type, member, ptr) \
	BUILD_BUG_ON(!__same_type(typeof_member(type, member), ptr))

static void __maybe_unused names_protocol_characteristics(PNDIS_PROTOCOL_DRIVER_CHARACTERISTICS pc)
{
	BIND_HANDLER_EX bind = NamesBindAdapterEx;
	UNBIND_HANDLER_EX unbind = NamesUnbindAdapterEx;
	OPEN_ADAPTER_COMPLETE_HANDLER_EX open = NamesOpenAdapterCompleteEx;
	CLOSE_ADAPTER_COMPLETE_HANDLER_EX close = NamesCloseAdapterCompleteEx;
	NET_PNP_EVENT_HANDLER pnp = NamesNetPnPEvent;
	UNINSTALL_PROTOCOL_HANDLER uninstall = NamesUninstall;

	NAMES_MEMBER_IS(NDIS_PROTOCOL_DRIVER_CHARACTERISTICS, SetOptionsHandler,
			SET_OPTIONS_HANDLER);
	NAMES_MEMBER_IS(NDIS_PROTOCOL_DRIVER_CHARACTERISTICS, BindAdapterHandlerEx,
			BIND_HANDLER_EX);
	NAMES_MEMBER_IS(NDIS_PROTOCOL_DRIVER_CHARACTERISTICS, UnbindAdapterHandlerEx,
			UNBIND_HANDLER_EX);
	NAMES_MEMBER_IS(NDIS_PROTOCOL_DRIVER_CHARACTERISTICS, OpenAdapterCompleteHandlerEx,
			OPEN_ADAPTER_COMPLETE_HANDLER_EX);
	NAMES_MEMBER_IS(NDIS_PROTOCOL_DRIVER_CHARACTERISTICS, CloseAdapterCompleteHandlerEx,
			CLOSE_ADAPTER_COMPLETE_HANDLER_EX);
	NAMES_MEMBER_IS(NDIS_PROTOCOL_DRIVER_CHARACTERISTICS, NetPnPEventHandler,
			NET_PNP_EVENT_HANDLER);
	NAMES_MEMBER_IS(NDIS_PROTOCOL_DRIVER_CHARACTERISTICS, UninstallHandler,
			UNINSTALL_PROTOCOL_HANDLER);
	NAMES_MEMBER_IS(NDIS_PROTOCOL_DRIVER_CHARACTERISTICS, OidRequestCompleteHandler,
			OID_REQUEST_COMPLETE_HANDLER);
	NAMES_MEMBER_IS(NDIS_PROTOCOL_DRIVER_CHARACTERISTICS, StatusHandlerEx,
			STATUS_HANDLER_EX);
	NAMES_MEMBER_IS(NDIS_PROTOCOL_DRIVER_CHARACTERISTICS, ReceiveNetBufferListsHandler,
			RECEIVE_NET_BUFFER_LISTS_HANDLER);
	NAMES_MEMBER_IS(NDIS_PROTOCOL_DRIVER_CHARACTERISTICS, SendNetBufferListsCompleteHandler,
			SEND_NET_BUFFER_LISTS_COMPLETE_HANDLER);
	NAMES_MEMBER_IS(NDIS_PROTOCOL_DRIVER_CHARACTERISTICS, DirectOidRequestCompleteHandler,
			DIRECT_OID_REQUEST_COMPLETE_HANDLER);

	pc->BindAdapterHandlerEx = bind;
	pc->UnbindAdapterHandlerEx = unbind;
	pc->OpenAdapterCompleteHandlerEx = open;
	pc->CloseAdapterCompleteHandlerEx = close;
	pc->NetPnPEventHandler = pnp;
	pc->UninstallHandler = uninstall;
}

/* Every NDIS_SIZEOF_*_REVISION_1 of a protocol's structures, and the values the WDK gives. */
static void __maybe_unused names_protocol_sizes(void)
{
	BUILD_BUG_ON(NET_PNP_EVENT_NOTIFICATION_REVISION_1 != 1);
	BUILD_BUG_ON(NET_PNP_EVENT_NOTIFICATION_REVISION_2 != 2);
	BUILD_BUG_ON(NDIS_SIZEOF_NET_PNP_EVENT_NOTIFICATION_REVISION_1 >
		     NDIS_SIZEOF_NET_PNP_EVENT_NOTIFICATION_REVISION_2);
	BUILD_BUG_ON(NetEventSetPower != 0 || NetEventPause != 8 ||
		     NetEventIMReEnableDevice != 12);
	BUILD_BUG_ON(NDIS_BIND_PARAMETERS_REVISION_1 != 1);
	BUILD_BUG_ON(sizeof(NDIS_BIND_PARAMETERS) < NDIS_SIZEOF_BIND_PARAMETERS_REVISION_1);
	BUILD_BUG_ON(NDIS_OPEN_PARAMETERS_REVISION_1 != 1);
	BUILD_BUG_ON(NDIS_PROTOCOL_DRIVER_CHARACTERISTICS_REVISION_1 != 1);
	BUILD_BUG_ON(NDIS_SIZEOF_PROTOCOL_DRIVER_CHARACTERISTICS_REVISION_1 >
		     NDIS_SIZEOF_PROTOCOL_DRIVER_CHARACTERISTICS_REVISION_2);
	BUILD_BUG_ON(NDIS_STATUS_INDICATION_REVISION_1 != 1);
	BUILD_BUG_ON(sizeof(NDIS_STATUS_INDICATION) <
		     NDIS_SIZEOF_STATUS_INDICATION_REVISION_1);
	BUILD_BUG_ON(NDIS_OID_REQUEST_REVISION_1 != 1);
	BUILD_BUG_ON(sizeof(NDIS_OID_REQUEST) < NDIS_SIZEOF_OID_REQUEST_REVISION_1);
	BUILD_BUG_ON(NDIS_OBJECT_TYPE_CO_PROTOCOL_CHARACTERISTICS != 0x90);
	BUILD_BUG_ON(NDIS_OBJECT_TYPE_CO_CALL_MANAGER_OPTIONAL_HANDLERS != 0xa5);
	BUILD_BUG_ON(NDIS_OBJECT_TYPE_CO_CLIENT_OPTIONAL_HANDLERS != 0xa6);
	BUILD_BUG_ON(NDIS_PROTOCOL_CO_CHARACTERISTICS_REVISION_1 != 1);
	BUILD_BUG_ON(NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS_REVISION_1 != 1);
	BUILD_BUG_ON(NDIS_CO_CLIENT_OPTIONAL_HANDLERS_REVISION_1 != 1);
#ifdef CONFIG_X86_64
	/* NET_PNP_EVENT_NOTIFICATION through NetPnPEvent (NDIS 6.0's layout). */
	BUILD_BUG_ON(NDIS_SIZEOF_NET_PNP_EVENT_NOTIFICATION_REVISION_1 != 160);
	/* Header, AdapterName ... FrameTypeArraySize. */
	BUILD_BUG_ON(NDIS_SIZEOF_OPEN_PARAMETERS_REVISION_1 != 52);
	BUILD_BUG_ON(NDIS_SIZEOF_PROTOCOL_CO_CHARACTERISTICS_REVISION_1 != 40);
	BUILD_BUG_ON(sizeof(NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS) != 144);
	/* The WDK's quirk: stops before CmNotifyCloseAfCompleteHandler. */
	BUILD_BUG_ON(NDIS_SIZEOF_CO_CALL_MANAGER_OPTIONAL_HANDLERS_REVISION_1 != 136);
	BUILD_BUG_ON(NDIS_SIZEOF_CO_CLIENT_OPTIONAL_HANDLERS_REVISION_1 != 160);
#endif
}

/*
 * A CoNDIS function, so that modpost checks the module imports condis's
 * namespace: the header does it, not this file.
 */
static const void *const names_protocol_calls[] __used = {
	NdisClOpenAddressFamilyEx,
	NamesNetPnPEvent,
	names_protocol_characteristics,
	names_protocol_sizes,
};

MODULE_DESCRIPTION("ndis_names: a compile test of the NDIS compat headers");
MODULE_LICENSE("GPL");
