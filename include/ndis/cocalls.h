/* SPDX-License-Identifier: GPL-2.0 */
/*
 * NDIS compat: the CoNDIS functions (condis-api.md section 1), exported by
 * ndis.ko (ndis/cocalls.c), each over its condis twin in <net/condis.h>;
 * the NdisMCmXxx names the WDK defines as macros are macros here too.
 */
#ifndef _NDIS_COCALLS_H
#define _NDIS_COCALLS_H

#include <ndis/register.h>

#define NDIS__AF(h)	((struct condis_af *)(h))
#define NDIS__SAP(h)	((struct condis_sap *)(h))
#define NDIS__VC(h)	((struct condis_vc *)(h))
#define NDIS__PARTY(h)	((struct condis_party *)(h))

/* ---- client functions (1.1) ---------------------------------------------------------- */

NDIS_STATUS NdisClOpenAddressFamilyEx(NDIS_HANDLE NdisBindingHandle,
				      PCO_ADDRESS_FAMILY AddressFamily,
				      NDIS_HANDLE ClientAfContext,
				      PNDIS_HANDLE NdisAfHandle);

NDIS_STATUS NdisClCloseAddressFamily(NDIS_HANDLE NdisAfHandle);

NDIS_STATUS NdisClRegisterSap(NDIS_HANDLE NdisAfHandle,
			      NDIS_HANDLE ProtocolSapContext, PCO_SAP Sap,
			      PNDIS_HANDLE NdisSapHandle);

NDIS_STATUS NdisClDeregisterSap(NDIS_HANDLE NdisSapHandle);

NDIS_STATUS NdisClMakeCall(NDIS_HANDLE NdisVcHandle,
			   PCO_CALL_PARAMETERS CallParameters,
			   NDIS_HANDLE ProtocolPartyContext,
			   PNDIS_HANDLE NdisPartyHandle);

NDIS_STATUS NdisClCloseCall(NDIS_HANDLE NdisVcHandle, NDIS_HANDLE NdisPartyHandle,
			    PVOID Buffer, UINT Size);

void NdisClIncomingCallComplete(NDIS_STATUS Status, NDIS_HANDLE NdisVcHandle,
				PCO_CALL_PARAMETERS CallParameters);

NDIS_STATUS NdisClModifyCallQoS(NDIS_HANDLE NdisVcHandle,
				PCO_CALL_PARAMETERS CallParameters);

NDIS_STATUS NdisClAddParty(NDIS_HANDLE NdisVcHandle,
			   NDIS_HANDLE ProtocolPartyContext,
			   PCO_CALL_PARAMETERS CallParameters,
			   PNDIS_HANDLE NdisPartyHandle);

NDIS_STATUS NdisClDropParty(NDIS_HANDLE NdisPartyHandle, PVOID Buffer, UINT Size);

void NdisClNotifyCloseAddressFamilyComplete(NDIS_HANDLE NdisAfHandle,
					    NDIS_STATUS Status);

NDIS_STATUS NdisClGetProtocolVcContextFromTapiCallId(UNICODE_STRING TapiCallId,
						     PNDIS_HANDLE ProtocolVcContext);

/* ---- call-manager functions (1.2) ------------------------------------------------------ */

NDIS_STATUS NdisCmRegisterAddressFamilyEx(NDIS_HANDLE NdisBindingHandle,
					  PCO_ADDRESS_FAMILY AddressFamily);

void NdisCmOpenAddressFamilyComplete(NDIS_STATUS Status, NDIS_HANDLE NdisAfHandle,
				     NDIS_HANDLE CallMgrAfContext);

void NdisCmCloseAddressFamilyComplete(NDIS_STATUS Status, NDIS_HANDLE NdisAfHandle);

NDIS_STATUS NdisCmNotifyCloseAddressFamily(NDIS_HANDLE NdisAfHandle);

void NdisCmRegisterSapComplete(NDIS_STATUS Status, NDIS_HANDLE NdisSapHandle,
			       NDIS_HANDLE CallMgrSapContext);

void NdisCmDeregisterSapComplete(NDIS_STATUS Status, NDIS_HANDLE NdisSapHandle);

NDIS_STATUS NdisCmActivateVc(NDIS_HANDLE NdisVcHandle,
			     PCO_CALL_PARAMETERS CallParameters);

NDIS_STATUS NdisCmDeactivateVc(NDIS_HANDLE NdisVcHandle);

void NdisCmMakeCallComplete(NDIS_STATUS Status, NDIS_HANDLE NdisVcHandle,
			    NDIS_HANDLE NdisPartyHandle,
			    NDIS_HANDLE CallMgrPartyContext,
			    PCO_CALL_PARAMETERS CallParameters);

void NdisCmCloseCallComplete(NDIS_STATUS Status, NDIS_HANDLE NdisVcHandle,
			     NDIS_HANDLE NdisPartyHandle);

void NdisCmAddPartyComplete(NDIS_STATUS Status, NDIS_HANDLE NdisPartyHandle,
			    NDIS_HANDLE CallMgrPartyContext,
			    PCO_CALL_PARAMETERS CallParameters);

void NdisCmDropPartyComplete(NDIS_STATUS Status, NDIS_HANDLE NdisPartyHandle);

NDIS_STATUS NdisCmDispatchIncomingCall(NDIS_HANDLE NdisSapHandle,
				       NDIS_HANDLE NdisVcHandle,
				       PCO_CALL_PARAMETERS CallParameters);

void NdisCmDispatchCallConnected(NDIS_HANDLE NdisVcHandle);

void NdisCmModifyCallQoSComplete(NDIS_STATUS Status, NDIS_HANDLE NdisVcHandle,
				 PCO_CALL_PARAMETERS CallParameters);

void NdisCmDispatchIncomingCallQoSChange(NDIS_HANDLE NdisVcHandle,
					 PCO_CALL_PARAMETERS CallParameters);

void NdisCmDispatchIncomingCloseCall(NDIS_STATUS CloseStatus,
				     NDIS_HANDLE NdisVcHandle, PVOID Buffer,
				     UINT Size);

void NdisCmDispatchIncomingDropParty(NDIS_STATUS DropStatus,
				     NDIS_HANDLE NdisPartyHandle, PVOID Buffer,
				     UINT Size);

/* ---- MCM functions (1.3) ------------------------------------------------------------ */

NDIS_STATUS NdisMCmRegisterAddressFamilyEx(NDIS_HANDLE MiniportAdapterHandle,
					   PCO_ADDRESS_FAMILY AddressFamily);

NDIS_STATUS NdisMCmCreateVc(NDIS_HANDLE MiniportAdapterHandle,
			    NDIS_HANDLE NdisAfHandle, NDIS_HANDLE MiniportVcContext,
			    PNDIS_HANDLE NdisVcHandle);

NDIS_STATUS NdisMCmDeleteVc(NDIS_HANDLE NdisVcHandle);

NDIS_STATUS NdisMCmActivateVc(NDIS_HANDLE NdisVcHandle,
			      PCO_CALL_PARAMETERS CallParameters);

NDIS_STATUS NdisMCmDeactivateVc(NDIS_HANDLE NdisVcHandle);

NDIS_STATUS NdisMCmOidRequest(NDIS_HANDLE NdisAfHandle, NDIS_HANDLE NdisVcHandle,
			      NDIS_HANDLE NdisPartyHandle,
			      PNDIS_OID_REQUEST OidRequest);

/* The NdisMCmXxx macros of ndis.h: the same functions. */
#define NdisMCmOpenAddressFamilyComplete	NdisCmOpenAddressFamilyComplete
#define NdisMCmCloseAddressFamilyComplete	NdisCmCloseAddressFamilyComplete
#define NdisMCmNotifyCloseAddressFamily		NdisCmNotifyCloseAddressFamily
#define NdisMCmRegisterSapComplete		NdisCmRegisterSapComplete
#define NdisMCmDeregisterSapComplete		NdisCmDeregisterSapComplete
#define NdisMCmMakeCallComplete			NdisCmMakeCallComplete
#define NdisMCmCloseCallComplete		NdisCmCloseCallComplete
#define NdisMCmAddPartyComplete			NdisCmAddPartyComplete
#define NdisMCmDropPartyComplete		NdisCmDropPartyComplete
#define NdisMCmDispatchIncomingCall		NdisCmDispatchIncomingCall
#define NdisMCmDispatchCallConnected		NdisCmDispatchCallConnected
#define NdisMCmModifyCallQoSComplete		NdisCmModifyCallQoSComplete
#define NdisMCmDispatchIncomingCallQoSChange	NdisCmDispatchIncomingCallQoSChange
#define NdisMCmDispatchIncomingCloseCall	NdisCmDispatchIncomingCloseCall
#define NdisMCmDispatchIncomingDropParty	NdisCmDispatchIncomingDropParty
#define NdisMCmOidRequestComplete		NdisCoOidRequestComplete

/* ---- shared connection-oriented functions (1.4) ------------------------------------ */

NDIS_STATUS NdisCoCreateVc(NDIS_HANDLE NdisBindingHandle, NDIS_HANDLE NdisAfHandle,
			   NDIS_HANDLE ProtocolVcContext, PNDIS_HANDLE NdisVcHandle);

NDIS_STATUS NdisCoDeleteVc(NDIS_HANDLE NdisVcHandle);

NDIS_STATUS NdisCoAssignInstanceName(NDIS_HANDLE NdisVcHandle,
				     PNDIS_STRING BaseInstanceName,
				     PNDIS_STRING VcInstanceName);

NDIS_STATUS NdisCoGetTapiCallId(NDIS_HANDLE NdisVcHandle, PVAR_STRING TapiCallId);

NDIS_STATUS NdisCoOidRequest(NDIS_HANDLE NdisBindingHandle, NDIS_HANDLE NdisAfHandle,
			     NDIS_HANDLE NdisVcHandle, NDIS_HANDLE NdisPartyHandle,
			     PNDIS_OID_REQUEST OidRequest);

void NdisCoOidRequestComplete(NDIS_HANDLE NdisAfHandle, NDIS_HANDLE NdisVcHandle,
			      NDIS_HANDLE NdisPartyHandle,
			      PNDIS_OID_REQUEST OidRequest, NDIS_STATUS Status);

void NdisCoSendNetBufferLists(NDIS_HANDLE NdisVcHandle,
			      PNET_BUFFER_LIST NetBufferLists, ULONG SendFlags);

void NdisReturnNetBufferLists(NDIS_HANDLE NdisBindingHandle,
			      PNET_BUFFER_LIST NetBufferLists, ULONG ReturnFlags);

/* ---- connection-oriented miniport functions (1.5) ---------------------------------------- */

void NdisMCoActivateVcComplete(NDIS_STATUS Status, NDIS_HANDLE NdisVcHandle,
			       PCO_CALL_PARAMETERS CallParameters);

void NdisMCoDeactivateVcComplete(NDIS_STATUS Status, NDIS_HANDLE NdisVcHandle);

void NdisMCoSendNetBufferListsComplete(NDIS_HANDLE NdisVcHandle,
				       PNET_BUFFER_LIST NetBufferLists,
				       ULONG SendCompleteFlags);

void NdisMCoIndicateReceiveNetBufferLists(NDIS_HANDLE NdisVcHandle,
					  PNET_BUFFER_LIST NetBufferLists,
					  ULONG NumberOfNetBufferLists,
					  ULONG CoReceiveFlags);

void NdisMCoIndicateStatusEx(NDIS_HANDLE MiniportAdapterHandle,
			     NDIS_HANDLE NdisVcHandle,
			     PNDIS_STATUS_INDICATION StatusIndication);

void NdisMCoOidRequestComplete(NDIS_HANDLE MiniportAdapterHandle,
			       NDIS_HANDLE NdisMiniportVcHandle,
			       PNDIS_OID_REQUEST Request, NDIS_STATUS Status);

#endif /* _NDIS_COCALLS_H */
