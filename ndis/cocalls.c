// SPDX-License-Identifier: GPL-2.0
/*
 * ndis.ko: the CoNDIS functions (condis-api.md section 1), each over its
 * condis twin in <net/condis.h>.
 *
 * What every function here does: convert handles (condis's own, or a
 * compat binding or adapter handle), convert statuses both ways
 * (<ndis/status.h>), and call condis.  The rules (states, exactly-once
 * completions, routing) are condis's; this file implements none.
 * Contexts: as the condis function called, documented in <net/condis.h>
 * and Documentation/core.rst; the NDIS IRQL of each is kept (PASSIVE_LEVEL
 * functions may sleep, the others do not).
 *
 * The AF, SAP, VC and party contexts a driver gives reach condis wrapped
 * (struct ndis_ctx, see <ndis/driver.h>): made here, freed here if the
 * call fails (condis keeps no context of a failed call), otherwise by
 * condis's release_ctx.
 */
#include "internal.h"
#include "ndis5.h"

/*
 * Set *@c to a wrapper of @context for the client (@cm false) or the CM of
 * the AF, SAP, VC or party @handle.  Return: NDIS_STATUS_SUCCESS, what
 * condis says of a bad handle, or NDIS_STATUS_RESOURCES.
 */
static NDIS_STATUS ndis_ctx_for(NDIS_HANDLE handle, bool cm, NDIS_HANDLE context,
				struct ndis_ctx **c)
{
	struct ndis_object *driver = condis_driver_priv(handle, cm);

	*c = NULL;
	if (!driver)
		return ndis_status_from_native(-EBADF);
	/* A 5.x driver's contexts are the 5.x layer's (ndis5_*.c): no party ones. */
	if (driver->kind != NDIS_OBJ_PROTOCOL && driver->kind != NDIS_OBJ_MINIPORT)
		return NDIS_STATUS_NOT_SUPPORTED;
	*c = ndis_ctx_new(driver, context);
	return *c ? NDIS_STATUS_SUCCESS : NDIS_STATUS_RESOURCES;
}

/* What a call that was handed @c returned: condis keeps it unless it failed. */
static NDIS_STATUS ndis_ctx_handed(struct ndis_ctx *c, int err)
{
	if (err && err != CONDIS_PENDING)
		ndis_ctx_free(c);
	return ndis_status_from_native(err);
}

/**
 * NdisClOpenAddressFamilyEx() - the NDIS function of that name, over condis_cl_open_af()
 * @NdisBindingHandle: as in the WDK
 * @AddressFamily: as in the WDK
 * @ClientAfContext: as in the WDK
 * @NdisAfHandle: as in the WDK
 *
 * Context: as condis_cl_open_af().
 * Return: the NDIS_STATUS of condis_cl_open_af().
 */
NDIS_STATUS NdisClOpenAddressFamilyEx(NDIS_HANDLE NdisBindingHandle,
				      PCO_ADDRESS_FAMILY AddressFamily,
				      NDIS_HANDLE ClientAfContext,
				      PNDIS_HANDLE NdisAfHandle)
{
	struct ndis_binding *b = ndis_binding_of(NdisBindingHandle);
	struct ndis_ctx *c;
	int err;

	if (!b)
		return ndis_status_from_native(-EBADF);
	c = ndis_ctx_new(&b->driver->obj, ClientAfContext);
	if (!c)
		return NDIS_STATUS_RESOURCES;
	err = condis_cl_open_af(b->native, (struct condis_af_type *)AddressFamily, c,
				(struct condis_af **)NdisAfHandle);
	if (err && err != CONDIS_PENDING)
		ndis_ctx_free(c);
	return ndis_status_from_native(err);
}
EXPORT_SYMBOL_NS_GPL(NdisClOpenAddressFamilyEx, NDIS);

/**
 * NdisClCloseAddressFamily() - the NDIS function of that name, over condis_cl_close_af()
 * @NdisAfHandle: as in the WDK
 *
 * Context: as condis_cl_close_af().
 * Return: the NDIS_STATUS of condis_cl_close_af().
 */
NDIS_STATUS NdisClCloseAddressFamily(NDIS_HANDLE NdisAfHandle)
{
	NDIS_STATUS st;

	if (ndis5_cl_close_af(NdisAfHandle, &st))
		return st;
	return ndis_status_from_native(condis_cl_close_af(NDIS__AF(NdisAfHandle)));
}
EXPORT_SYMBOL_NS_GPL(NdisClCloseAddressFamily, NDIS);

/**
 * NdisClRegisterSap() - the NDIS function of that name, over condis_cl_register_sap()
 * @NdisAfHandle: as in the WDK
 * @ProtocolSapContext: as in the WDK
 * @Sap: as in the WDK
 * @NdisSapHandle: as in the WDK
 *
 * Context: as condis_cl_register_sap().
 * Return: the NDIS_STATUS of condis_cl_register_sap().
 */
NDIS_STATUS NdisClRegisterSap(NDIS_HANDLE NdisAfHandle,
			      NDIS_HANDLE ProtocolSapContext, PCO_SAP Sap,
			      PNDIS_HANDLE NdisSapHandle)
{
	struct ndis_ctx *c;
	NDIS_STATUS st;

	if (ndis5_cl_register_sap(NdisAfHandle, ProtocolSapContext, Sap, NdisSapHandle, &st))
		return st;
	st = ndis_ctx_for(NdisAfHandle, false, ProtocolSapContext, &c);
	if (st != NDIS_STATUS_SUCCESS)
		return st;
	return ndis_ctx_handed(c, condis_cl_register_sap(NDIS__AF(NdisAfHandle), c,
							 (struct condis_sap_addr *)Sap,
							 (struct condis_sap **)NdisSapHandle));
}
EXPORT_SYMBOL_NS_GPL(NdisClRegisterSap, NDIS);

/**
 * NdisClDeregisterSap() - release a SAP
 * @NdisSapHandle: the SAP; stale for the client at once
 *
 * As the DDI page documents, the result is NDIS_STATUS_PENDING (the
 * client's ProtocolClDeregisterSapComplete follows, exactly once) or
 * NDIS_STATUS_FAILURE (a bad or already deregistered handle, a
 * registration still in flight, the AF closing), whatever errno condis
 * gave.
 *
 * Context: any (<= DISPATCH_LEVEL).
 * Return: NDIS_STATUS_PENDING or NDIS_STATUS_FAILURE.
 */
NDIS_STATUS NdisClDeregisterSap(NDIS_HANDLE NdisSapHandle)
{
	int err = condis_cl_deregister_sap(NDIS__SAP(NdisSapHandle));

	return err == CONDIS_PENDING ? NDIS_STATUS_PENDING : NDIS_STATUS_FAILURE;
}
EXPORT_SYMBOL_NS_GPL(NdisClDeregisterSap, NDIS);

/**
 * NdisClMakeCall() - the NDIS function of that name, over condis_cl_make_call()
 * @NdisVcHandle: as in the WDK
 * @CallParameters: as in the WDK
 * @ProtocolPartyContext: as in the WDK
 * @NdisPartyHandle: as in the WDK
 *
 * Context: as condis_cl_make_call().
 * Return: the NDIS_STATUS of condis_cl_make_call().
 */
NDIS_STATUS NdisClMakeCall(NDIS_HANDLE NdisVcHandle,
			   PCO_CALL_PARAMETERS CallParameters,
			   NDIS_HANDLE ProtocolPartyContext,
			   PNDIS_HANDLE NdisPartyHandle)
{
	struct ndis_ctx *c = NULL;
	NDIS_STATUS st;

	if (ndis5_cl_party_refused(NdisVcHandle, ProtocolPartyContext, &st))
		return st;

	/* A party context makes the call multipoint: it gets a wrapper. */
	if (ProtocolPartyContext) {
		st = ndis_ctx_for(NdisVcHandle, false, ProtocolPartyContext, &c);
		if (st != NDIS_STATUS_SUCCESS)
			return st;
	}
	return ndis_ctx_handed(c, condis_cl_make_call(NDIS__VC(NdisVcHandle),
						      ndis_params_native(CallParameters), c,
						      (struct condis_party **)NdisPartyHandle));
}
EXPORT_SYMBOL_NS_GPL(NdisClMakeCall, NDIS);

/**
 * NdisClCloseCall() - the NDIS function of that name, over condis_cl_close_call()
 * @NdisVcHandle: as in the WDK
 * @NdisPartyHandle: as in the WDK
 * @Buffer: as in the WDK
 * @Size: as in the WDK
 *
 * Context: as condis_cl_close_call().
 * Return: the NDIS_STATUS of condis_cl_close_call().
 */
NDIS_STATUS NdisClCloseCall(NDIS_HANDLE NdisVcHandle, NDIS_HANDLE NdisPartyHandle,
			    PVOID Buffer, UINT Size)
{
	return ndis_status_from_native(condis_cl_close_call(NDIS__VC(NdisVcHandle),
							    NDIS__PARTY(NdisPartyHandle),
							    Buffer, Size));
}
EXPORT_SYMBOL_NS_GPL(NdisClCloseCall, NDIS);

/**
 * NdisClIncomingCallComplete() - the NDIS function of that name,
 *	over condis_cl_incoming_call_complete()
 * @Status: as in the WDK
 * @NdisVcHandle: as in the WDK
 * @CallParameters: as in the WDK
 *
 * Context: as condis_cl_incoming_call_complete().
 */
void NdisClIncomingCallComplete(NDIS_STATUS Status, NDIS_HANDLE NdisVcHandle,
				PCO_CALL_PARAMETERS CallParameters)
{
	condis_cl_incoming_call_complete(ndis_status_to_native(Status), NDIS__VC(NdisVcHandle),
					 ndis_params_native(CallParameters));
}
EXPORT_SYMBOL_NS_GPL(NdisClIncomingCallComplete, NDIS);

/**
 * NdisClModifyCallQoS() - the NDIS function of that name, over condis_cl_modify_call_qos()
 * @NdisVcHandle: as in the WDK
 * @CallParameters: as in the WDK
 *
 * Context: as condis_cl_modify_call_qos().
 * Return: the NDIS_STATUS of condis_cl_modify_call_qos().
 */
NDIS_STATUS NdisClModifyCallQoS(NDIS_HANDLE NdisVcHandle,
				PCO_CALL_PARAMETERS CallParameters)
{
	int err = condis_cl_modify_call_qos(NDIS__VC(NdisVcHandle),
					    ndis_params_native(CallParameters));

	return ndis_status_from_native(err);
}
EXPORT_SYMBOL_NS_GPL(NdisClModifyCallQoS, NDIS);

/**
 * NdisClAddParty() - the NDIS function of that name, over condis_cl_add_party()
 * @NdisVcHandle: as in the WDK
 * @ProtocolPartyContext: as in the WDK
 * @CallParameters: as in the WDK
 * @NdisPartyHandle: as in the WDK
 *
 * Context: as condis_cl_add_party().
 * Return: the NDIS_STATUS of condis_cl_add_party().
 */
NDIS_STATUS NdisClAddParty(NDIS_HANDLE NdisVcHandle,
			   NDIS_HANDLE ProtocolPartyContext,
			   PCO_CALL_PARAMETERS CallParameters,
			   PNDIS_HANDLE NdisPartyHandle)
{
	struct ndis_ctx *c;
	NDIS_STATUS st;

	if (ndis5_cl_party_refused(NdisVcHandle, NdisVcHandle, &st))
		return st;
	st = ndis_ctx_for(NdisVcHandle, false, ProtocolPartyContext, &c);

	if (st != NDIS_STATUS_SUCCESS)
		return st;
	return ndis_ctx_handed(c, condis_cl_add_party(NDIS__VC(NdisVcHandle), c,
						      ndis_params_native(CallParameters),
						      (struct condis_party **)NdisPartyHandle));
}
EXPORT_SYMBOL_NS_GPL(NdisClAddParty, NDIS);

/**
 * NdisClDropParty() - the NDIS function of that name, over condis_cl_drop_party()
 * @NdisPartyHandle: as in the WDK
 * @Buffer: as in the WDK
 * @Size: as in the WDK
 *
 * Context: as condis_cl_drop_party().
 * Return: the NDIS_STATUS of condis_cl_drop_party().
 */
NDIS_STATUS NdisClDropParty(NDIS_HANDLE NdisPartyHandle, PVOID Buffer, UINT Size)
{
	return ndis_status_from_native(condis_cl_drop_party(NDIS__PARTY(NdisPartyHandle),
							    Buffer, Size));
}
EXPORT_SYMBOL_NS_GPL(NdisClDropParty, NDIS);

/**
 * NdisClNotifyCloseAddressFamilyComplete() - the NDIS function of that name,
 *	over condis_cl_notify_close_af_complete()
 * @NdisAfHandle: as in the WDK
 * @Status: as in the WDK
 *
 * Context: as condis_cl_notify_close_af_complete().
 */
void NdisClNotifyCloseAddressFamilyComplete(NDIS_HANDLE NdisAfHandle,
					    NDIS_STATUS Status)
{
	condis_cl_notify_close_af_complete(NDIS__AF(NdisAfHandle), ndis_status_to_native(Status));
}
EXPORT_SYMBOL_NS_GPL(NdisClNotifyCloseAddressFamilyComplete, NDIS);

/**
 * NdisClGetProtocolVcContextFromTapiCallId() - the NDIS function of that name
 * @TapiCallId: as in the WDK
 * @ProtocolVcContext: as in the WDK
 *
 * TAPI call ids: condis has no TAPI (see Documentation/porting.rst).
 *
 * Context: as the condis functions it calls.
 * Return: the NDIS_STATUS of the condis functions it calls.
 */
NDIS_STATUS NdisClGetProtocolVcContextFromTapiCallId(UNICODE_STRING TapiCallId,
						     PNDIS_HANDLE ProtocolVcContext)
{
	return NDIS_STATUS_NOT_SUPPORTED;
}
EXPORT_SYMBOL_NS_GPL(NdisClGetProtocolVcContextFromTapiCallId, NDIS);

/**
 * NdisCmRegisterAddressFamilyEx() - the NDIS function of that name, over condis_cm_register_af()
 * @NdisBindingHandle: as in the WDK
 * @AddressFamily: as in the WDK
 *
 * Context: as condis_cm_register_af().
 * Return: the NDIS_STATUS of condis_cm_register_af().
 */
NDIS_STATUS NdisCmRegisterAddressFamilyEx(NDIS_HANDLE NdisBindingHandle,
					  PCO_ADDRESS_FAMILY AddressFamily)
{
	struct condis_cm_af *cm_af;

	return ndis_status_from_native(condis_cm_register_af(ndis_native_binding(NdisBindingHandle),
							     (struct condis_af_type *)AddressFamily,
							     &cm_af));
}
EXPORT_SYMBOL_NS_GPL(NdisCmRegisterAddressFamilyEx, NDIS);

/**
 * NdisCmOpenAddressFamilyComplete() - the NDIS function of that name,
 *	over condis_cm_open_af_complete()
 * @Status: as in the WDK
 * @NdisAfHandle: as in the WDK
 * @CallMgrAfContext: as in the WDK
 *
 * Context: as condis_cm_open_af_complete().
 */
void NdisCmOpenAddressFamilyComplete(NDIS_STATUS Status, NDIS_HANDLE NdisAfHandle,
				     NDIS_HANDLE CallMgrAfContext)
{
	struct ndis_ctx *c = NULL;

	if (ndis5_cm_open_af_complete(Status, NdisAfHandle, CallMgrAfContext))
		return;
	/* condis keeps the context of a successful open only. */
	if (Status == NDIS_STATUS_SUCCESS)
		Status = ndis_ctx_for(NdisAfHandle, true, CallMgrAfContext, &c);
	condis_cm_open_af_complete(ndis_status_to_native(Status), NDIS__AF(NdisAfHandle), c);
}
EXPORT_SYMBOL_NS_GPL(NdisCmOpenAddressFamilyComplete, NDIS);

/**
 * NdisCmCloseAddressFamilyComplete() - the NDIS function of that name,
 *	over condis_cm_close_af_complete()
 * @Status: as in the WDK
 * @NdisAfHandle: as in the WDK
 *
 * Context: as condis_cm_close_af_complete().
 */
void NdisCmCloseAddressFamilyComplete(NDIS_STATUS Status, NDIS_HANDLE NdisAfHandle)
{
	if (ndis5_cm_close_af_complete(Status, NdisAfHandle))
		return;
	condis_cm_close_af_complete(ndis_status_to_native(Status), NDIS__AF(NdisAfHandle));
}
EXPORT_SYMBOL_NS_GPL(NdisCmCloseAddressFamilyComplete, NDIS);

/**
 * NdisCmNotifyCloseAddressFamily() - the NDIS function of that name,
 *	over condis_cm_notify_close_af()
 * @NdisAfHandle: as in the WDK
 *
 * Context: as condis_cm_notify_close_af().
 * Return: the NDIS_STATUS of condis_cm_notify_close_af().
 */
NDIS_STATUS NdisCmNotifyCloseAddressFamily(NDIS_HANDLE NdisAfHandle)
{
	return ndis_status_from_native(condis_cm_notify_close_af(NDIS__AF(NdisAfHandle)));
}
EXPORT_SYMBOL_NS_GPL(NdisCmNotifyCloseAddressFamily, NDIS);

/**
 * NdisCmRegisterSapComplete() - the NDIS function of that name,
 *	over condis_cm_register_sap_complete()
 * @Status: as in the WDK
 * @NdisSapHandle: as in the WDK
 * @CallMgrSapContext: as in the WDK
 *
 * Context: as condis_cm_register_sap_complete().
 */
void NdisCmRegisterSapComplete(NDIS_STATUS Status, NDIS_HANDLE NdisSapHandle,
			       NDIS_HANDLE CallMgrSapContext)
{
	struct ndis_ctx *c = NULL;

	if (ndis5_cm_register_sap_complete(Status, NdisSapHandle, CallMgrSapContext))
		return;
	if (Status == NDIS_STATUS_SUCCESS)
		Status = ndis_ctx_for(NdisSapHandle, true, CallMgrSapContext, &c);
	condis_cm_register_sap_complete(ndis_status_to_native(Status), NDIS__SAP(NdisSapHandle), c);
}
EXPORT_SYMBOL_NS_GPL(NdisCmRegisterSapComplete, NDIS);

/**
 * NdisCmDeregisterSapComplete() - the NDIS function of that name,
 *	over condis_cm_deregister_sap_complete()
 * @Status: as in the WDK
 * @NdisSapHandle: as in the WDK
 *
 * Context: as condis_cm_deregister_sap_complete().
 */
void NdisCmDeregisterSapComplete(NDIS_STATUS Status, NDIS_HANDLE NdisSapHandle)
{
	if (ndis5_cm_deregister_sap_complete(Status, NdisSapHandle))
		return;
	condis_cm_deregister_sap_complete(ndis_status_to_native(Status), NDIS__SAP(NdisSapHandle));
}
EXPORT_SYMBOL_NS_GPL(NdisCmDeregisterSapComplete, NDIS);

/**
 * NdisCmActivateVc() - the NDIS function of that name, over condis_cm_activate_vc()
 * @NdisVcHandle: as in the WDK
 * @CallParameters: as in the WDK
 *
 * Context: as condis_cm_activate_vc().
 * Return: the NDIS_STATUS of condis_cm_activate_vc().
 */
NDIS_STATUS NdisCmActivateVc(NDIS_HANDLE NdisVcHandle,
			     PCO_CALL_PARAMETERS CallParameters)
{
	return ndis_status_from_native(condis_cm_activate_vc(NDIS__VC(NdisVcHandle),
							     ndis_params_native(CallParameters)));
}
EXPORT_SYMBOL_NS_GPL(NdisCmActivateVc, NDIS);

/**
 * NdisCmDeactivateVc() - the NDIS function of that name, over condis_cm_deactivate_vc()
 * @NdisVcHandle: as in the WDK
 *
 * Context: as condis_cm_deactivate_vc().
 * Return: the NDIS_STATUS of condis_cm_deactivate_vc().
 */
NDIS_STATUS NdisCmDeactivateVc(NDIS_HANDLE NdisVcHandle)
{
	return ndis_status_from_native(condis_cm_deactivate_vc(NDIS__VC(NdisVcHandle)));
}
EXPORT_SYMBOL_NS_GPL(NdisCmDeactivateVc, NDIS);

/**
 * NdisCmMakeCallComplete() - the NDIS function of that name, over condis_cm_make_call_complete()
 * @Status: as in the WDK
 * @NdisVcHandle: as in the WDK
 * @NdisPartyHandle: as in the WDK
 * @CallMgrPartyContext: as in the WDK
 * @CallParameters: as in the WDK
 *
 * The party handle is condis's to know: NdisPartyHandle is not needed.
 *
 * Context: as condis_cm_make_call_complete().
 */
void NdisCmMakeCallComplete(NDIS_STATUS Status, NDIS_HANDLE NdisVcHandle,
			    NDIS_HANDLE NdisPartyHandle,
			    NDIS_HANDLE CallMgrPartyContext,
			    PCO_CALL_PARAMETERS CallParameters)
{
	struct ndis_ctx *c = NULL;

	/* A new party context replaces the one CmMakeCall set (condis releases that). */
	if (Status == NDIS_STATUS_SUCCESS && CallMgrPartyContext)
		Status = ndis_ctx_for(NdisVcHandle, true, CallMgrPartyContext, &c);
	condis_cm_make_call_complete(ndis_status_to_native(Status), NDIS__VC(NdisVcHandle), c,
				     ndis_params_native(CallParameters));
}
EXPORT_SYMBOL_NS_GPL(NdisCmMakeCallComplete, NDIS);

/**
 * NdisCmCloseCallComplete() - the NDIS function of that name, over condis_cm_close_call_complete()
 * @Status: as in the WDK
 * @NdisVcHandle: as in the WDK
 * @NdisPartyHandle: as in the WDK
 *
 * Context: as condis_cm_close_call_complete().
 */
void NdisCmCloseCallComplete(NDIS_STATUS Status, NDIS_HANDLE NdisVcHandle,
			     NDIS_HANDLE NdisPartyHandle)
{
	condis_cm_close_call_complete(ndis_status_to_native(Status), NDIS__VC(NdisVcHandle));
}
EXPORT_SYMBOL_NS_GPL(NdisCmCloseCallComplete, NDIS);

/**
 * NdisCmAddPartyComplete() - the NDIS function of that name, over condis_cm_add_party_complete()
 * @Status: as in the WDK
 * @NdisPartyHandle: as in the WDK
 * @CallMgrPartyContext: as in the WDK
 * @CallParameters: as in the WDK
 *
 * Context: as condis_cm_add_party_complete().
 */
void NdisCmAddPartyComplete(NDIS_STATUS Status, NDIS_HANDLE NdisPartyHandle,
			    NDIS_HANDLE CallMgrPartyContext,
			    PCO_CALL_PARAMETERS CallParameters)
{
	struct ndis_ctx *c = NULL;

	if (Status == NDIS_STATUS_SUCCESS && CallMgrPartyContext)
		Status = ndis_ctx_for(NdisPartyHandle, true, CallMgrPartyContext, &c);
	condis_cm_add_party_complete(ndis_status_to_native(Status), NDIS__PARTY(NdisPartyHandle),
				     c, ndis_params_native(CallParameters));
}
EXPORT_SYMBOL_NS_GPL(NdisCmAddPartyComplete, NDIS);

/**
 * NdisCmDropPartyComplete() - the NDIS function of that name, over condis_cm_drop_party_complete()
 * @Status: as in the WDK
 * @NdisPartyHandle: as in the WDK
 *
 * Context: as condis_cm_drop_party_complete().
 */
void NdisCmDropPartyComplete(NDIS_STATUS Status, NDIS_HANDLE NdisPartyHandle)
{
	condis_cm_drop_party_complete(ndis_status_to_native(Status), NDIS__PARTY(NdisPartyHandle));
}
EXPORT_SYMBOL_NS_GPL(NdisCmDropPartyComplete, NDIS);

/**
 * NdisCmDispatchIncomingCall() - offer an incoming call to the client of a SAP
 * @NdisSapHandle: the SAP
 * @NdisVcHandle: a VC the CM created on the SAP's AF and activated
 * @CallParameters: the offered parameters, lent until the client answers
 *
 * A SAP being deregistered or an AF being closed refuses the offer before
 * the client is asked, with the status NDIS documents for it,
 * NDIS_STATUS_FAILURE (condis says -ESHUTDOWN, whose twin is
 * NDIS_STATUS_CLOSING).  A client that rejects the offer because its SAP
 * or AF is going away (-ESHUTDOWN, or NDIS_STATUS_CLOSING from an NDIS
 * client) is the same case and gets the same status; any other answer of
 * the client comes back as it is.
 *
 * Context: any (<= DISPATCH_LEVEL).
 * Return: NDIS_STATUS_SUCCESS (accepted), NDIS_STATUS_PENDING (the CM's
 * ProtocolCmIncomingCallComplete brings the answer), NDIS_STATUS_FAILURE
 * (SAP or AF closing), the client's rejection, or condis's refusal of a
 * bad handle or VC converted as ndis_status_from_native() does.
 */
NDIS_STATUS NdisCmDispatchIncomingCall(NDIS_HANDLE NdisSapHandle,
				       NDIS_HANDLE NdisVcHandle,
				       PCO_CALL_PARAMETERS CallParameters)
{
	int err = condis_cm_dispatch_incoming_call(NDIS__SAP(NdisSapHandle),
						   NDIS__VC(NdisVcHandle),
						   ndis_params_native(CallParameters));

	if (err == -ESHUTDOWN)
		return NDIS_STATUS_FAILURE;
	return ndis_status_from_native(err);
}
EXPORT_SYMBOL_NS_GPL(NdisCmDispatchIncomingCall, NDIS);

/**
 * NdisCmDispatchCallConnected() - the NDIS function of that name,
 *	over condis_cm_dispatch_call_connected()
 * @NdisVcHandle: as in the WDK
 *
 * Context: as condis_cm_dispatch_call_connected().
 */
void NdisCmDispatchCallConnected(NDIS_HANDLE NdisVcHandle)
{
	condis_cm_dispatch_call_connected(NDIS__VC(NdisVcHandle));
}
EXPORT_SYMBOL_NS_GPL(NdisCmDispatchCallConnected, NDIS);

/**
 * NdisCmModifyCallQoSComplete() - the NDIS function of that name,
 *	over condis_cm_modify_call_qos_complete()
 * @Status: as in the WDK
 * @NdisVcHandle: as in the WDK
 * @CallParameters: as in the WDK
 *
 * Context: as condis_cm_modify_call_qos_complete().
 */
void NdisCmModifyCallQoSComplete(NDIS_STATUS Status, NDIS_HANDLE NdisVcHandle,
				 PCO_CALL_PARAMETERS CallParameters)
{
	condis_cm_modify_call_qos_complete(ndis_status_to_native(Status), NDIS__VC(NdisVcHandle),
					   ndis_params_native(CallParameters));
}
EXPORT_SYMBOL_NS_GPL(NdisCmModifyCallQoSComplete, NDIS);

/**
 * NdisCmDispatchIncomingCallQoSChange() - the NDIS function of that name,
 *	over condis_cm_dispatch_incoming_call_qos_change()
 * @NdisVcHandle: as in the WDK
 * @CallParameters: as in the WDK
 *
 * Context: as condis_cm_dispatch_incoming_call_qos_change().
 */
void NdisCmDispatchIncomingCallQoSChange(NDIS_HANDLE NdisVcHandle,
					 PCO_CALL_PARAMETERS CallParameters)
{
	condis_cm_dispatch_incoming_call_qos_change(NDIS__VC(NdisVcHandle),
						    ndis_params_native(CallParameters));
}
EXPORT_SYMBOL_NS_GPL(NdisCmDispatchIncomingCallQoSChange, NDIS);

/**
 * NdisCmDispatchIncomingCloseCall() - the NDIS function of that name,
 *	over condis_cm_dispatch_incoming_close_call()
 * @CloseStatus: as in the WDK
 * @NdisVcHandle: as in the WDK
 * @Buffer: as in the WDK
 * @Size: as in the WDK
 *
 * Context: as condis_cm_dispatch_incoming_close_call().
 */
void NdisCmDispatchIncomingCloseCall(NDIS_STATUS CloseStatus,
				     NDIS_HANDLE NdisVcHandle, PVOID Buffer,
				     UINT Size)
{
	condis_cm_dispatch_incoming_close_call(ndis_status_to_native(CloseStatus),
					       NDIS__VC(NdisVcHandle), Buffer, Size);
}
EXPORT_SYMBOL_NS_GPL(NdisCmDispatchIncomingCloseCall, NDIS);

/**
 * NdisCmDispatchIncomingDropParty() - the NDIS function of that name,
 *	over condis_cm_dispatch_incoming_drop_party()
 * @DropStatus: as in the WDK
 * @NdisPartyHandle: as in the WDK
 * @Buffer: as in the WDK
 * @Size: as in the WDK
 *
 * Context: as condis_cm_dispatch_incoming_drop_party().
 */
void NdisCmDispatchIncomingDropParty(NDIS_STATUS DropStatus,
				     NDIS_HANDLE NdisPartyHandle, PVOID Buffer,
				     UINT Size)
{
	condis_cm_dispatch_incoming_drop_party(ndis_status_to_native(DropStatus),
					       NDIS__PARTY(NdisPartyHandle), Buffer, Size);
}
EXPORT_SYMBOL_NS_GPL(NdisCmDispatchIncomingDropParty, NDIS);

/**
 * NdisMCmRegisterAddressFamilyEx() - an MCM advertises an address family
 * @MiniportAdapterHandle: the adapter
 * @AddressFamily: the family
 *
 * From MiniportInitializeEx the registration is recorded and made once
 * the adapter is registered with condis, after MiniportInitializeEx
 * returns (so clients bind, then learn of the family, as in NDIS); later
 * it is made at once.
 *
 * Context: process (PASSIVE_LEVEL).
 * Return: NDIS_STATUS_SUCCESS, NDIS_STATUS_RESOURCES (more than
 * NDIS_COMPAT_MAX_AFS during initialization) or condis's error.
 */
NDIS_STATUS NdisMCmRegisterAddressFamilyEx(NDIS_HANDLE MiniportAdapterHandle,
					   PCO_ADDRESS_FAMILY AddressFamily)
{
	struct ndis_miniport_adapter *ad = ndis_adapter_of(MiniportAdapterHandle);
	struct condis_cm_af *cm_af;

	if (!ad || !AddressFamily)
		return NDIS_STATUS_INVALID_PARAMETER;
	if (ad->initializing) {
		if (ad->nr_afs == NDIS_COMPAT_MAX_AFS)
			return NDIS_STATUS_RESOURCES;
		ad->afs[ad->nr_afs++] = *AddressFamily;
		return NDIS_STATUS_SUCCESS;
	}
	return ndis_status_from_native(condis_mcm_register_af(ad->native, (struct condis_af_type *)
							      AddressFamily, &cm_af));
}
EXPORT_SYMBOL_NS_GPL(NdisMCmRegisterAddressFamilyEx, NDIS);

/**
 * NdisMCmCreateVc() - the NDIS function of that name, over condis_mcm_create_vc()
 * @MiniportAdapterHandle: as in the WDK
 * @NdisAfHandle: as in the WDK
 * @MiniportVcContext: as in the WDK
 * @NdisVcHandle: as in the WDK
 *
 * Context: as condis_mcm_create_vc().
 * Return: the NDIS_STATUS of condis_mcm_create_vc().
 */
NDIS_STATUS NdisMCmCreateVc(NDIS_HANDLE MiniportAdapterHandle,
			    NDIS_HANDLE NdisAfHandle, NDIS_HANDLE MiniportVcContext,
			    PNDIS_HANDLE NdisVcHandle)
{
	struct ndis_miniport_adapter *ad;
	struct ndis_ctx *c;
	NDIS_STATUS st;

	if (ndis5_mcm_create_vc(MiniportAdapterHandle, NdisAfHandle, MiniportVcContext,
				NdisVcHandle, &st))
		return st;
	ad = ndis_adapter_of(MiniportAdapterHandle);
	if (!ad)
		return ndis_status_from_native(-EBADF);
	c = ndis_ctx_new(&ad->driver->obj, MiniportVcContext);
	if (!c)
		return NDIS_STATUS_RESOURCES;
	return ndis_ctx_handed(c, condis_mcm_create_vc(ad->native, NDIS__AF(NdisAfHandle), c,
						       (struct condis_vc **)NdisVcHandle));
}
EXPORT_SYMBOL_NS_GPL(NdisMCmCreateVc, NDIS);

/**
 * NdisMCmDeleteVc() - the NDIS function of that name, over condis_mcm_delete_vc()
 * @NdisVcHandle: as in the WDK
 *
 * Context: as condis_mcm_delete_vc().
 * Return: the NDIS_STATUS of condis_mcm_delete_vc().
 */
NDIS_STATUS NdisMCmDeleteVc(NDIS_HANDLE NdisVcHandle)
{
	NDIS_STATUS st;

	if (ndis5_mcm_delete_vc(NdisVcHandle, &st))
		return st;
	return ndis_status_from_native(condis_mcm_delete_vc(NDIS__VC(NdisVcHandle)));
}
EXPORT_SYMBOL_NS_GPL(NdisMCmDeleteVc, NDIS);

/**
 * NdisMCmActivateVc() - the NDIS function of that name, over condis_mcm_activate_vc()
 * @NdisVcHandle: as in the WDK
 * @CallParameters: as in the WDK
 *
 * Context: as condis_mcm_activate_vc().
 * Return: the NDIS_STATUS of condis_mcm_activate_vc().
 */
NDIS_STATUS NdisMCmActivateVc(NDIS_HANDLE NdisVcHandle,
			      PCO_CALL_PARAMETERS CallParameters)
{
	return ndis_status_from_native(condis_mcm_activate_vc(NDIS__VC(NdisVcHandle),
							      ndis_params_native(CallParameters)));
}
EXPORT_SYMBOL_NS_GPL(NdisMCmActivateVc, NDIS);

/**
 * NdisMCmDeactivateVc() - the NDIS function of that name, over condis_mcm_deactivate_vc()
 * @NdisVcHandle: as in the WDK
 *
 * NDIS: NOT_ACCEPTED for a VC already deactivated (condis: -EALREADY).
 *
 * Context: as condis_mcm_deactivate_vc().
 * Return: the NDIS_STATUS of condis_mcm_deactivate_vc().
 */
NDIS_STATUS NdisMCmDeactivateVc(NDIS_HANDLE NdisVcHandle)
{
	int err = condis_mcm_deactivate_vc(NDIS__VC(NdisVcHandle));

	return err == -EALREADY ? NDIS_STATUS_NOT_ACCEPTED : ndis_status_from_native(err);
}
EXPORT_SYMBOL_NS_GPL(NdisMCmDeactivateVc, NDIS);

/**
 * NdisMCmOidRequest() - the NDIS function of that name, over condis_mcm_oid_request()
 * @NdisAfHandle: as in the WDK
 * @NdisVcHandle: as in the WDK
 * @NdisPartyHandle: as in the WDK
 * @OidRequest: as in the WDK
 *
 * Context: as condis_mcm_oid_request().
 * Return: the NDIS_STATUS of condis_mcm_oid_request().
 */
NDIS_STATUS NdisMCmOidRequest(NDIS_HANDLE NdisAfHandle, NDIS_HANDLE NdisVcHandle,
			      NDIS_HANDLE NdisPartyHandle,
			      PNDIS_OID_REQUEST OidRequest)
{
	struct condis_oid_request *n = ndis_oid_prepare(OidRequest);
	int err;

	if (!n)
		return NDIS_STATUS_NOT_SUPPORTED;
	OidRequest->NdisCompat.requester = condis_driver_priv(NdisAfHandle, true);
	err = condis_mcm_oid_request(NDIS__AF(NdisAfHandle), NDIS__VC(NdisVcHandle),
				     NDIS__PARTY(NdisPartyHandle), n);
	if (err != CONDIS_PENDING)
		ndis_oid_results_to_ndis(OidRequest, n);
	return ndis_status_from_native(err);
}
EXPORT_SYMBOL_NS_GPL(NdisMCmOidRequest, NDIS);

/**
 * NdisCoCreateVc() - the NDIS function of that name, over condis_co_create_vc()
 * @NdisBindingHandle: as in the WDK
 * @NdisAfHandle: as in the WDK
 * @ProtocolVcContext: as in the WDK
 * @NdisVcHandle: as in the WDK
 *
 * Context: as condis_co_create_vc().
 * Return: the NDIS_STATUS of condis_co_create_vc().
 */
NDIS_STATUS NdisCoCreateVc(NDIS_HANDLE NdisBindingHandle, NDIS_HANDLE NdisAfHandle,
			   NDIS_HANDLE ProtocolVcContext, PNDIS_HANDLE NdisVcHandle)
{
	struct ndis_binding *b;
	struct ndis_ctx *c;
	NDIS_STATUS st;

	if (ndis5_co_create_vc(NdisBindingHandle, NdisAfHandle, ProtocolVcContext, NdisVcHandle,
			       &st))
		return st;
	if (!NdisVcHandle || *NdisVcHandle)
		return NDIS_STATUS_INVALID_PARAMETER;	/* must be NULL on input */
	b = ndis_binding_of(NdisBindingHandle);
	if (!b)
		return ndis_status_from_native(-EBADF);
	c = ndis_ctx_new(&b->driver->obj, ProtocolVcContext);
	if (!c)
		return NDIS_STATUS_RESOURCES;
	return ndis_ctx_handed(c, condis_co_create_vc(b->native, NDIS__AF(NdisAfHandle), c,
						      (struct condis_vc **)NdisVcHandle));
}
EXPORT_SYMBOL_NS_GPL(NdisCoCreateVc, NDIS);

/**
 * NdisCoDeleteVc() - the NDIS function of that name, over condis_co_delete_vc()
 * @NdisVcHandle: as in the WDK
 *
 * Context: as condis_co_delete_vc().
 * Return: the NDIS_STATUS of condis_co_delete_vc().
 */
NDIS_STATUS NdisCoDeleteVc(NDIS_HANDLE NdisVcHandle)
{
	NDIS_STATUS st;

	if (ndis5_co_delete_vc(NdisVcHandle, &st))
		return st;
	return ndis_status_from_native(condis_co_delete_vc(NDIS__VC(NdisVcHandle)));
}
EXPORT_SYMBOL_NS_GPL(NdisCoDeleteVc, NDIS);

/**
 * NdisCoAssignInstanceName() - the NDIS function of that name
 * @NdisVcHandle: as in the WDK
 * @BaseInstanceName: as in the WDK
 * @VcInstanceName: as in the WDK
 *
 * WMI instance names and TAPI call ids: condis has neither.
 *
 * Context: as the condis functions it calls.
 * Return: the NDIS_STATUS of the condis functions it calls.
 */
NDIS_STATUS NdisCoAssignInstanceName(NDIS_HANDLE NdisVcHandle,
				     PNDIS_STRING BaseInstanceName,
				     PNDIS_STRING VcInstanceName)
{
	return NDIS_STATUS_NOT_SUPPORTED;
}
EXPORT_SYMBOL_NS_GPL(NdisCoAssignInstanceName, NDIS);

/**
 * NdisCoGetTapiCallId() - the NDIS function of that name
 * @NdisVcHandle: as in the WDK
 * @TapiCallId: as in the WDK
 *
 * Context: as the condis functions it calls.
 * Return: the NDIS_STATUS of the condis functions it calls.
 */
NDIS_STATUS NdisCoGetTapiCallId(NDIS_HANDLE NdisVcHandle, PVAR_STRING TapiCallId)
{
	return NDIS_STATUS_NOT_SUPPORTED;
}
EXPORT_SYMBOL_NS_GPL(NdisCoGetTapiCallId, NDIS);

/**
 * NdisCoOidRequest() - query or set an OID in the miniport or the peer
 * @NdisBindingHandle: the binding
 * @NdisAfHandle: NULL for the miniport, else the AF whose peer is asked
 * @NdisVcHandle: a VC, or NULL
 * @NdisPartyHandle: a party, or NULL
 * @OidRequest: the request, lent until it completes; a pended one comes
 *	back to ProtocolCoOidRequestComplete (possibly before this returns)
 *
 * Context: any (<= DISPATCH_LEVEL).
 * Return: the target's status, NDIS_STATUS_PENDING, or
 * NDIS_STATUS_NOT_SUPPORTED for a method request.
 */
NDIS_STATUS NdisCoOidRequest(NDIS_HANDLE NdisBindingHandle, NDIS_HANDLE NdisAfHandle,
			     NDIS_HANDLE NdisVcHandle, NDIS_HANDLE NdisPartyHandle,
			     PNDIS_OID_REQUEST OidRequest)
{
	struct condis_oid_request *n = ndis_oid_prepare(OidRequest);
	struct ndis_binding *b;
	int err;

	if (!n)
		return NDIS_STATUS_NOT_SUPPORTED;
	b = ndis_binding_of(NdisBindingHandle);
	OidRequest->NdisCompat.requester = b ? &b->driver->obj : NULL;
	err = condis_co_oid_request(b ? b->native : NULL, NDIS__AF(NdisAfHandle),
				    NDIS__VC(NdisVcHandle), NDIS__PARTY(NdisPartyHandle), n);
	if (err != CONDIS_PENDING)
		ndis_oid_results_to_ndis(OidRequest, n);
	return ndis_status_from_native(err);
}
EXPORT_SYMBOL_NS_GPL(NdisCoOidRequest, NDIS);

/**
 * NdisCoOidRequestComplete() - the NDIS function of that name,
 *	over condis_co_oid_request_complete()
 * @NdisAfHandle: as in the WDK
 * @NdisVcHandle: as in the WDK
 * @NdisPartyHandle: as in the WDK
 * @OidRequest: as in the WDK
 * @Status: as in the WDK
 *
 * Finish a request a protocol's ProtocolCoOidRequest pended (any IRQL <= DISPATCH).
 *
 * Context: as condis_co_oid_request_complete().
 */
void NdisCoOidRequestComplete(NDIS_HANDLE NdisAfHandle, NDIS_HANDLE NdisVcHandle,
			      NDIS_HANDLE NdisPartyHandle,
			      PNDIS_OID_REQUEST OidRequest, NDIS_STATUS Status)
{
	struct condis_oid_request *origin = ndis_oid_wrap_completed(OidRequest);

	if (origin)
		condis_co_oid_request_complete(NDIS__AF(NdisAfHandle), NDIS__VC(NdisVcHandle),
					       NDIS__PARTY(NdisPartyHandle), origin,
					       ndis_status_to_native(Status));
}
EXPORT_SYMBOL_NS_GPL(NdisCoOidRequestComplete, NDIS);

/* Complete sends that never reached condis, to the driver of their pool. */
static void ndis_complete_unsent(struct condis_vc *vc, PNET_BUFFER_LIST nbls)
{
	struct ndis_nbl_pool *pool = nbls->NdisCompat.pool;
	struct ndis_protocol_driver *drv = pool ? ndis_protocol_of(pool->owner) : NULL;

	if (!drv || !drv->has_co) {
		pr_warn_ratelimited("cannot complete refused sends: their NBL pool is not a protocol's\n");
		return;
	}
	drv->co.CoSendNetBufferListsCompleteHandler(ndis_ctx_inner(condis_vc_owner_context(vc)),
						    nbls, 0);
}

/**
 * NdisCoSendNetBufferLists() - send packets on a VC
 * @NdisVcHandle: the VC
 * @NetBufferLists: NBLs of the caller's pools, one NET_BUFFER each
 * @SendFlags: NDIS_SEND_FLAGS_xxx (hints; ignored)
 *
 * Every NBL comes back through ProtocolCoSendNetBufferListsComplete with
 * its Status, possibly before this returns: those condis refuses (VC not
 * connected) or the compat layer cannot carry (see <ndis/nbl.h>) at once.
 *
 * Context: any (<= DISPATCH_LEVEL).
 */
void NdisCoSendNetBufferLists(NDIS_HANDLE NdisVcHandle,
			      PNET_BUFFER_LIST NetBufferLists, ULONG SendFlags)
{
	PNET_BUFFER_LIST nbl, next, failed = NULL, *ftail = &failed;
	struct condis_vc *vc = NdisVcHandle;
	struct sk_buff_head q;
	struct sk_buff *skb;
	int err;

	__skb_queue_head_init(&q);
	for (nbl = NetBufferLists; nbl; nbl = next) {
		next = nbl->Next;
		nbl->Next = NULL;
		skb = ndis_nbl_to_skb(nbl);
		if (skb) {
			__skb_queue_tail(&q, skb);
		} else {
			*ftail = nbl;
			ftail = &nbl->Next;
		}
	}
	err = skb_queue_empty(&q) ? 0 : condis_co_send(vc, &q);
	while ((skb = __skb_dequeue(&q))) {	/* refused: none went */
		nbl = ndis_nbl_from_skb(skb);
		if (!nbl)
			continue;
		nbl->Status = ndis_status_from_native(err);
		*ftail = nbl;
		ftail = &nbl->Next;
	}
	if (failed)
		ndis_complete_unsent(vc, failed);
}
EXPORT_SYMBOL_NS_GPL(NdisCoSendNetBufferLists, NDIS);

/* Hand each group of NBLs that share an adapter to the miniport's return handler. */
static void ndis_return_to_miniport(PNET_BUFFER_LIST nbls)
{
	struct ndis_nbl_pool *pool = nbls->NdisCompat.pool;
	struct ndis_miniport_driver *drv = pool ? ndis_miniport_of(pool->owner) : NULL;
	PNET_BUFFER_LIST head = NULL, *tail = &head, nbl, next;
	NDIS_HANDLE ctx = NULL;

	if (!drv) {
		pr_warn_ratelimited("cannot return NBLs: their pool is not a miniport's\n");
		return;
	}
	for (nbl = nbls; nbl; nbl = next) {
		next = nbl->Next;
		nbl->Next = NULL;
		if (head && ndis_nbl_adapter_context(nbl) != ctx) {
			drv->chars.ReturnNetBufferListsHandler(ctx, head, 0);
			head = NULL;
			tail = &head;
		}
		ctx = ndis_nbl_adapter_context(nbl);
		*tail = nbl;
		tail = &nbl->Next;
	}
	if (head)
		drv->chars.ReturnNetBufferListsHandler(ctx, head, 0);
}

/**
 * NdisReturnNetBufferLists() - hand back received NBLs a protocol kept
 * @NdisBindingHandle: the binding (unused: each NBL's SourceHandle names
 *	its VC)
 * @NetBufferLists: NBLs from ProtocolCoReceiveNetBufferLists
 * @ReturnFlags: NDIS_RETURN_FLAGS_xxx (ignored)
 *
 * Context: any (<= DISPATCH_LEVEL), also from within the receive handler.
 */
void NdisReturnNetBufferLists(NDIS_HANDLE NdisBindingHandle,
			      PNET_BUFFER_LIST NetBufferLists, ULONG ReturnFlags)
{
	PNET_BUFFER_LIST nbl, next;
	struct condis_vc *vc = NULL;
	struct sk_buff_head q;
	struct sk_buff *skb;

	__skb_queue_head_init(&q);
	for (nbl = NetBufferLists; nbl; nbl = next) {
		struct condis_vc *nvc = nbl->SourceHandle;

		next = nbl->Next;
		skb = ndis_nbl_unwrap(nbl);
		if (!skb) {
			pr_warn_ratelimited("%s of an NBL not received\n", __func__);
			continue;
		}
		if (!skb_queue_empty(&q) && nvc != vc) {
			condis_co_return_skbs(vc, &q);
			__skb_queue_purge(&q);
		}
		vc = nvc;
		__skb_queue_tail(&q, skb);
	}
	if (!skb_queue_empty(&q)) {
		condis_co_return_skbs(vc, &q);
		__skb_queue_purge(&q);
	}
}
EXPORT_SYMBOL_NS_GPL(NdisReturnNetBufferLists, NDIS);

/**
 * NdisMCoActivateVcComplete() - the NDIS function of that name,
 *	over condis_mco_activate_vc_complete()
 * @Status: as in the WDK
 * @NdisVcHandle: as in the WDK
 * @CallParameters: as in the WDK
 *
 * Context: as condis_mco_activate_vc_complete().
 */
void NdisMCoActivateVcComplete(NDIS_STATUS Status, NDIS_HANDLE NdisVcHandle,
			       PCO_CALL_PARAMETERS CallParameters)
{
	condis_mco_activate_vc_complete(ndis_status_to_native(Status), NDIS__VC(NdisVcHandle),
					ndis_params_native(CallParameters));
}
EXPORT_SYMBOL_NS_GPL(NdisMCoActivateVcComplete, NDIS);

/**
 * NdisMCoDeactivateVcComplete() - the NDIS function of that name,
 *	over condis_mco_deactivate_vc_complete()
 * @Status: as in the WDK
 * @NdisVcHandle: as in the WDK
 *
 * Context: as condis_mco_deactivate_vc_complete().
 */
void NdisMCoDeactivateVcComplete(NDIS_STATUS Status, NDIS_HANDLE NdisVcHandle)
{
	condis_mco_deactivate_vc_complete(ndis_status_to_native(Status), NDIS__VC(NdisVcHandle));
}
EXPORT_SYMBOL_NS_GPL(NdisMCoDeactivateVcComplete, NDIS);

/**
 * NdisMCoSendNetBufferListsComplete() - a miniport returns sent NBLs
 * @NdisVcHandle: the VC they were sent on
 * @NetBufferLists: the NBLs MiniportCoSendNetBufferLists got, each with
 *	its Status; stale once this returns
 * @SendCompleteFlags: NDIS_SEND_COMPLETE_FLAGS_xxx (ignored)
 *
 * Context: any (<= DISPATCH_LEVEL).
 */
void NdisMCoSendNetBufferListsComplete(NDIS_HANDLE NdisVcHandle,
				       PNET_BUFFER_LIST NetBufferLists,
				       ULONG SendCompleteFlags)
{
	PNET_BUFFER_LIST nbl, next;
	struct sk_buff_head q;
	struct sk_buff *skb;

	__skb_queue_head_init(&q);
	for (nbl = NetBufferLists; nbl; nbl = next) {
		NDIS_STATUS st = nbl->Status;

		next = nbl->Next;
		skb = ndis_nbl_unwrap(nbl);
		if (!skb) {
			pr_warn_ratelimited("send completion of an NBL that was not sent\n");
			continue;
		}
		CONDIS_SKB_CB(skb)->status = ndis_status_to_native(st);
		__skb_queue_tail(&q, skb);
	}
	condis_mco_send_complete(NDIS__VC(NdisVcHandle), &q);
	__skb_queue_purge(&q);	/* only if condis refused the completion */
}
EXPORT_SYMBOL_NS_GPL(NdisMCoSendNetBufferListsComplete, NDIS);

/**
 * NdisMCoIndicateReceiveNetBufferLists() - a miniport indicates received NBLs
 * @NdisVcHandle: the VC
 * @NetBufferLists: NBLs of the miniport's pools (allocated with its
 *	adapter handle), one NET_BUFFER each
 * @NumberOfNetBufferLists: how many (the chain is followed to its end)
 * @CoReceiveFlags: NDIS_RECEIVE_FLAGS_RESOURCES: the NBLs are the
 *	miniport's again when this returns
 *
 * Without NDIS_RECEIVE_FLAGS_RESOURCES every NBL comes back through
 * MiniportReturnNetBufferLists, those nobody kept (and those condis
 * refused) before this returns.
 *
 * Context: any (<= DISPATCH_LEVEL); hold no lock the return handler takes.
 */
void NdisMCoIndicateReceiveNetBufferLists(NDIS_HANDLE NdisVcHandle,
					  PNET_BUFFER_LIST NetBufferLists,
					  ULONG NumberOfNetBufferLists,
					  ULONG CoReceiveFlags)
{
	bool resources = CoReceiveFlags & NDIS_RECEIVE_FLAGS_RESOURCES;
	PNET_BUFFER_LIST nbl, next, back = NULL, *btail = &back;
	struct sk_buff_head q;
	struct sk_buff *skb;

	__skb_queue_head_init(&q);
	for (nbl = NetBufferLists; nbl; nbl = next) {
		next = nbl->Next;
		nbl->Next = NULL;
		nbl->SourceHandle = NdisVcHandle;
		skb = ndis_nbl_to_skb(nbl);
		if (skb) {
			__skb_queue_tail(&q, skb);
		} else if (!resources) {
			*btail = nbl;
			btail = &nbl->Next;
		}
	}
	if (!skb_queue_empty(&q))
		condis_mco_indicate_receive(NDIS__VC(NdisVcHandle), &q,
					    resources ? CONDIS_RECEIVE_RESOURCES : 0);
	while ((skb = __skb_dequeue(&q))) {	/* not kept, or refused */
		nbl = ndis_nbl_from_skb(skb);
		if (nbl && !resources) {
			*btail = nbl;
			btail = &nbl->Next;
		}
	}
	if (back)
		ndis_return_to_miniport(back);
}
EXPORT_SYMBOL_NS_GPL(NdisMCoIndicateReceiveNetBufferLists, NDIS);

/**
 * NdisMCoIndicateStatusEx() - the NDIS function of that name, over condis_mco_indicate_status()
 * @MiniportAdapterHandle: as in the WDK
 * @NdisVcHandle: as in the WDK
 * @StatusIndication: as in the WDK
 *
 * Context: as condis_mco_indicate_status().
 */
void NdisMCoIndicateStatusEx(NDIS_HANDLE MiniportAdapterHandle,
			     NDIS_HANDLE NdisVcHandle,
			     PNDIS_STATUS_INDICATION StatusIndication)
{
	struct condis_status_indication ind = {
		.code = StatusIndication->StatusCode,
		.buf = StatusIndication->StatusBuffer,
		.len = StatusIndication->StatusBufferSize,
	};

	condis_mco_indicate_status(ndis_native_adapter(MiniportAdapterHandle),
				   NDIS__VC(NdisVcHandle), &ind);
}
EXPORT_SYMBOL_NS_GPL(NdisMCoIndicateStatusEx, NDIS);

/**
 * NdisMCoOidRequestComplete() - the NDIS function of that name,
 *	over condis_mco_oid_request_complete()
 * @MiniportAdapterHandle: as in the WDK
 * @NdisMiniportVcHandle: as in the WDK
 * @Request: as in the WDK
 * @Status: as in the WDK
 *
 * Finish a request MiniportCoOidRequest pended.
 *
 * Context: as condis_mco_oid_request_complete().
 */
void NdisMCoOidRequestComplete(NDIS_HANDLE MiniportAdapterHandle,
			       NDIS_HANDLE NdisMiniportVcHandle,
			       PNDIS_OID_REQUEST Request, NDIS_STATUS Status)
{
	struct condis_oid_request *origin = ndis_oid_wrap_completed(Request);

	if (origin)
		condis_mco_oid_request_complete(ndis_native_adapter(MiniportAdapterHandle),
						NDIS__VC(NdisMiniportVcHandle), origin,
						ndis_status_to_native(Status));
}
EXPORT_SYMBOL_NS_GPL(NdisMCoOidRequestComplete, NDIS);
