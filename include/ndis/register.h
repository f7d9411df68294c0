/* SPDX-License-Identifier: GPL-2.0 */
/*
 * NDIS compat: registering protocol and miniport drivers, binding
 * protocols to adapters and bringing adapters up and down.  The functions
 * are ndis.ko's (ndis/driver.c), as are the trampolines that carry
 * condis's callbacks to each driver's handlers (ndis/tramp.c); see
 * <ndis/driver.h> for how a callback finds its driver.
 */
#ifndef _NDIS_REGISTER_H
#define _NDIS_REGISTER_H

#include <ndis/driver.h>

NDIS_STATUS
NdisRegisterProtocolDriver(NDIS_HANDLE ProtocolDriverContext,
			   PNDIS_PROTOCOL_DRIVER_CHARACTERISTICS ProtocolCharacteristics,
			   PNDIS_HANDLE NdisProtocolHandle);
void NdisDeregisterProtocolDriver(NDIS_HANDLE NdisProtocolHandle);
NDIS_STATUS NdisOpenAdapterEx(NDIS_HANDLE NdisProtocolHandle, NDIS_HANDLE ProtocolBindingContext,
			      PNDIS_OPEN_PARAMETERS NdisOpenParameters, NDIS_HANDLE BindContext,
			      PNDIS_HANDLE NdisBindingHandle);
void NdisCompleteBindAdapterEx(NDIS_HANDLE BindContext, NDIS_STATUS Status);
NDIS_STATUS NdisCloseAdapterEx(NDIS_HANDLE NdisBindingHandle);
void NdisCompleteUnbindAdapterEx(NDIS_HANDLE UnbindContext);
NDIS_STATUS NdisUnbindAdapter(NDIS_HANDLE NdisBindingHandle);
NDIS_STATUS NdisOidRequest(NDIS_HANDLE NdisBindingHandle, PNDIS_OID_REQUEST OidRequest);
void NdisCancelOidRequest(NDIS_HANDLE NdisBindingHandle, PVOID RequestId);

NDIS_STATUS
NdisMRegisterMiniportDriver(PDRIVER_OBJECT DriverObject, PVOID RegistryPath,
			    NDIS_HANDLE MiniportDriverContext,
			    PNDIS_MINIPORT_DRIVER_CHARACTERISTICS MiniportDriverCharacteristics,
			    PNDIS_HANDLE NdisMiniportDriverHandle);
void NdisMDeregisterMiniportDriver(NDIS_HANDLE NdisMiniportDriverHandle);
void NdisMPauseComplete(NDIS_HANDLE MiniportAdapterHandle);
void NdisMRestartComplete(NDIS_HANDLE MiniportAdapterHandle, NDIS_STATUS Status);
void NdisMResetComplete(NDIS_HANDLE MiniportAdapterHandle, NDIS_STATUS Status,
			BOOLEAN AddressingReset);
NDIS_STATUS NdisMSetMiniportAttributes(NDIS_HANDLE MiniportAdapterHandle,
				       PNDIS_MINIPORT_ADAPTER_ATTRIBUTES MiniportAttributes);
NDIS_STATUS NdisMQueryAdapterInstanceName(PNDIS_STRING pAdapterInstanceName,
					  NDIS_HANDLE MiniportHandle);

/* Free a string NDIS allocated (NdisMQueryAdapterInstanceName()). */
#define NdisFreeString(s)	kfree((s).Buffer)

NDIS_STATUS NdisLinuxAddAdapter(NDIS_HANDLE NdisMiniportDriverHandle, const char *Name,
				PNDIS_HANDLE MiniportAdapterHandle);
void NdisLinuxRemoveAdapter(NDIS_HANDLE MiniportAdapterHandle);

#endif /* _NDIS_REGISTER_H */
