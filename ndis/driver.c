// SPDX-License-Identifier: GPL-2.0
/*
 * ndis.ko: registering protocol and miniport drivers and their handler
 * tables, binding protocols to adapters, bringing adapters up and down
 * (<ndis/register.h>).  Each driver registers with condis with the tables
 * of tramp.c and itself as priv; nothing depends on the source file or
 * module that registers, so a module may register any number of drivers.
 */
#include "internal.h"

/**
 * NdisSetOptionalHandlers() - register a CoNDIS handler table
 * @NdisHandle: the driver handle, from within ProtocolSetOptions or
 *	MiniportSetOptions (per-binding tables are not supported)
 * @OptionalHandlers: an NDIS_PROTOCOL_CO_CHARACTERISTICS,
 *	NDIS_CO_CLIENT_OPTIONAL_HANDLERS or NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS
 *	(protocol), or NDIS_MINIPORT_CO_CHARACTERISTICS or
 *	NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS (miniport)
 *
 * Every handler of the client and call-manager tables must be set, as
 * NDIS requires (placeholders return NDIS_STATUS_NOT_SUPPORTED),
 * including the call manager's CmNotifyCloseAfCompleteHandler, which is
 * read even when Header.Size is the REVISION_1 size that stops before it
 * (see <ndis/co.h>).
 *
 * Context: process (PASSIVE_LEVEL).
 * Return: NDIS_STATUS_SUCCESS, NDIS_STATUS_BAD_CHARACTERISTICS (wrong type
 * for the driver, too small, a handler missing) or NDIS_STATUS_NOT_SUPPORTED
 * (not a driver handle, or not during registration).
 */
NDIS_STATUS NdisSetOptionalHandlers(NDIS_HANDLE NdisHandle,
				    PNDIS_DRIVER_OPTIONAL_HANDLERS OptionalHandlers)
{
	struct ndis_object *o = ndis_object_get(NdisHandle, 0);
	const NDIS_OBJECT_HEADER *h = &OptionalHandlers->Header;
	struct ndis_protocol_driver *p;
	struct ndis_miniport_driver *m;

	if (!o || (o->kind != NDIS_OBJ_PROTOCOL && o->kind != NDIS_OBJ_MINIPORT))
		return NDIS_STATUS_NOT_SUPPORTED;
	if (o->kind == NDIS_OBJ_PROTOCOL) {
		p = (struct ndis_protocol_driver *)o;
		if (!p->registering)
			return NDIS_STATUS_NOT_SUPPORTED;
		switch (h->Type) {
		case NDIS_OBJECT_TYPE_CO_PROTOCOL_CHARACTERISTICS:
			if (!ndis_table_copy(&p->co, sizeof(p->co), h,
					     NDIS_SIZEOF_PROTOCOL_CO_CHARACTERISTICS_REVISION_1) ||
			    !p->co.CoAfRegisterNotifyHandler || !p->co.CoStatusHandlerEx ||
			    !p->co.CoReceiveNetBufferListsHandler ||
			    !p->co.CoSendNetBufferListsCompleteHandler)
				return NDIS_STATUS_BAD_CHARACTERISTICS;
			p->has_co = true;
			return NDIS_STATUS_SUCCESS;
		case NDIS_OBJECT_TYPE_CO_CLIENT_OPTIONAL_HANDLERS:
			if (!ndis_table_copy(&p->cl, sizeof(p->cl), h,
					     NDIS_SIZEOF_CO_CLIENT_OPTIONAL_HANDLERS_REVISION_1) ||
			    !ndis_table_complete(&p->cl, offsetof(NDIS_CO_CLIENT_OPTIONAL_HANDLERS,
								  ClCreateVcHandler),
						 sizeof(p->cl)))
				return NDIS_STATUS_BAD_CHARACTERISTICS;
			p->has_cl = true;
			return NDIS_STATUS_SUCCESS;
		case NDIS_OBJECT_TYPE_CO_CALL_MANAGER_OPTIONAL_HANDLERS:
			if (!ndis_cm_table_copy(&p->cm, h))
				return NDIS_STATUS_BAD_CHARACTERISTICS;
			p->has_cm = true;
			return NDIS_STATUS_SUCCESS;
		}
		return NDIS_STATUS_BAD_CHARACTERISTICS;
	}
	m = (struct ndis_miniport_driver *)o;
	if (!m->registering)
		return NDIS_STATUS_NOT_SUPPORTED;
	switch (h->Type) {
	case NDIS_OBJECT_TYPE_CO_MINIPORT_CHARACTERISTICS:
		if (!ndis_table_copy(&m->co, sizeof(m->co), h,
				     NDIS_SIZEOF_MINIPORT_CO_CHARACTERISTICS_REVISION_1) ||
		    !m->co.CoSendNetBufferListsHandler)
			return NDIS_STATUS_BAD_CHARACTERISTICS;
		m->has_co = true;
		return NDIS_STATUS_SUCCESS;
	case NDIS_OBJECT_TYPE_CO_CALL_MANAGER_OPTIONAL_HANDLERS:
		if (!ndis_cm_table_copy(&m->cm, h))
			return NDIS_STATUS_BAD_CHARACTERISTICS;
		m->has_cm = true;
		return NDIS_STATUS_SUCCESS;
	}
	return NDIS_STATUS_BAD_CHARACTERISTICS;
}
EXPORT_SYMBOL_NS_GPL(NdisSetOptionalHandlers, NDIS);

/* ---- protocol registration and binding --------------------------------------------- */

/**
 * NdisRegisterProtocolDriver() - register a CoNDIS client and/or call manager
 * @ProtocolDriverContext: passed to ProtocolSetOptions and ProtocolBindAdapterEx
 * @ProtocolCharacteristics: the driver's characteristics, copied
 * @NdisProtocolHandle: set to the driver's handle, before the first
 *	ProtocolBindAdapterEx (condis binds to every adapter before this
 *	returns)
 *
 * ProtocolSetOptions runs first and must register the CoNDIS tables with
 * NdisSetOptionalHandlers(): the NDIS_PROTOCOL_CO_CHARACTERISTICS and a
 * client table, a call-manager table, or both.
 *
 * Context: process (PASSIVE_LEVEL); sleeps.
 * Return: NDIS_STATUS_SUCCESS; NDIS_STATUS_BAD_CHARACTERISTICS (bad
 * header, a required handler or table missing); NDIS_STATUS_BAD_VERSION
 * (not NDIS 6); NDIS_STATUS_RESOURCES; condis's refusal; or what
 * ProtocolSetOptions returned.
 */
NDIS_STATUS
NdisRegisterProtocolDriver(NDIS_HANDLE ProtocolDriverContext,
			   PNDIS_PROTOCOL_DRIVER_CHARACTERISTICS ProtocolCharacteristics,
			   PNDIS_HANDLE NdisProtocolHandle)
{
	PNDIS_PROTOCOL_DRIVER_CHARACTERISTICS pc = ProtocolCharacteristics;
	struct ndis_protocol_driver *drv;
	NDIS_STATUS st = NDIS_STATUS_SUCCESS;
	int err;

	if (!pc || !NdisProtocolHandle ||
	    pc->Header.Type != NDIS_OBJECT_TYPE_PROTOCOL_DRIVER_CHARACTERISTICS ||
	    pc->Header.Size < NDIS_SIZEOF_PROTOCOL_DRIVER_CHARACTERISTICS_REVISION_1 ||
	    !pc->BindAdapterHandlerEx || !pc->UnbindAdapterHandlerEx)
		return NDIS_STATUS_BAD_CHARACTERISTICS;
	if (pc->MajorNdisVersion != 6)
		return NDIS_STATUS_BAD_VERSION;
	drv = kzalloc(sizeof(*drv), GFP_KERNEL);
	if (!drv)
		return NDIS_STATUS_RESOURCES;
	drv->obj.magic = NDIS_COMPAT_MAGIC;
	drv->obj.kind = NDIS_OBJ_PROTOCOL;
	drv->context = ProtocolDriverContext;
	memcpy(&drv->chars, pc, min_t(size_t, pc->Header.Size, sizeof(drv->chars)));
	ndis_string_to_ascii(&pc->Name, drv->name, sizeof(drv->name));
	if (!drv->name[0])
		strscpy(drv->name, "ndis-protocol", sizeof(drv->name));

	drv->registering = true;
	if (pc->SetOptionsHandler)
		st = pc->SetOptionsHandler(drv, ProtocolDriverContext);
	drv->registering = false;
	if (st == NDIS_STATUS_SUCCESS && (!drv->has_co || (!drv->has_cl && !drv->has_cm)))
		st = NDIS_STATUS_BAD_CHARACTERISTICS;
	if (st != NDIS_STATUS_SUCCESS)
		goto err_free;

	drv->desc.name = drv->name;
	drv->desc.ops = &ndis_proto_ops;
	drv->desc.cl_ops = drv->has_cl ? &ndis_cl_ops : NULL;
	drv->desc.cm_ops = drv->has_cm ? &ndis_cm_ops : NULL;
	*NdisProtocolHandle = drv;
	err = condis_register_protocol(&drv->desc, drv, &drv->native);
	if (!err)
		return NDIS_STATUS_SUCCESS;
	*NdisProtocolHandle = NULL;
	st = ndis_status_from_native(err);
err_free:
	kfree(drv);
	return st;
}
EXPORT_SYMBOL_NS_GPL(NdisRegisterProtocolDriver, NDIS);

/**
 * NdisDeregisterProtocolDriver() - unbind a protocol everywhere and remove it
 * @NdisProtocolHandle: its handle
 *
 * Each binding gets ProtocolUnbindAdapterEx first; condis closes what a
 * driver leaves open.
 *
 * Context: process (PASSIVE_LEVEL); sleeps.
 */
void NdisDeregisterProtocolDriver(NDIS_HANDLE NdisProtocolHandle)
{
	struct ndis_protocol_driver *drv = (struct ndis_protocol_driver *)
		ndis_object_get(NdisProtocolHandle, NDIS_OBJ_PROTOCOL);

	if (!drv)
		return;
	condis_deregister_protocol(drv->native);
	drv->obj.magic = 0;
	kfree(drv);
}
EXPORT_SYMBOL_NS_GPL(NdisDeregisterProtocolDriver, NDIS);

/**
 * NdisOpenAdapterEx() - open a binding, from ProtocolBindAdapterEx
 * @NdisProtocolHandle: the protocol's handle
 * @ProtocolBindingContext: the protocol's context for the binding
 * @NdisOpenParameters: as NDIS; *SelectedMediumIndex is set to 0
 * @BindContext: what ProtocolBindAdapterEx got
 * @NdisBindingHandle: set to the binding's handle
 *
 * Never pends: ProtocolOpenAdapterCompleteEx is not called.
 *
 * Context: process (PASSIVE_LEVEL), during the bind.
 * Return: NDIS_STATUS_SUCCESS, or why not (condis's error, or
 * NDIS_STATUS_RESOURCES).
 */
NDIS_STATUS NdisOpenAdapterEx(NDIS_HANDLE NdisProtocolHandle, NDIS_HANDLE ProtocolBindingContext,
			      PNDIS_OPEN_PARAMETERS NdisOpenParameters, NDIS_HANDLE BindContext,
			      PNDIS_HANDLE NdisBindingHandle)
{
	struct ndis_protocol_driver *drv = (struct ndis_protocol_driver *)
		ndis_object_get(NdisProtocolHandle, NDIS_OBJ_PROTOCOL);
	struct ndis_bind_context *bc = BindContext;
	struct ndis_binding *b;
	int err;

	if (!drv || !bc || !NdisBindingHandle)
		return NDIS_STATUS_INVALID_PARAMETER;
	b = ndis_binding_new(drv, ProtocolBindingContext);
	if (!b)
		return NDIS_STATUS_RESOURCES;
	/*
	 * condis's context for the binding is the compat binding: it names the
	 * driver.  condis's release_ctx frees it; a failed open keeps none.
	 */
	err = condis_open_adapter(drv->native, bc->adapter, b, &b->native);
	if (err) {
		ndis_binding_free(b);
		return ndis_status_from_native(err);
	}
	if (NdisOpenParameters && NdisOpenParameters->SelectedMediumIndex)
		*NdisOpenParameters->SelectedMediumIndex = 0;
	*NdisBindingHandle = b;
	return NDIS_STATUS_SUCCESS;
}
EXPORT_SYMBOL_NS_GPL(NdisOpenAdapterEx, NDIS);

/**
 * NdisCompleteBindAdapterEx() - end a bind that ProtocolBindAdapterEx pended
 * @BindContext: what ProtocolBindAdapterEx got
 * @Status: the bind's status
 *
 * Context: any.
 */
void NdisCompleteBindAdapterEx(NDIS_HANDLE BindContext, NDIS_STATUS Status)
{
	struct ndis_bind_context *bc = BindContext;

	bc->status = Status;
	complete(&bc->done);
}
EXPORT_SYMBOL_NS_GPL(NdisCompleteBindAdapterEx, NDIS);

/**
 * NdisCloseAdapterEx() - close a binding, from ProtocolUnbindAdapterEx
 * @NdisBindingHandle: the binding; stale once this succeeds (the compat
 *	binding goes when condis releases it)
 *
 * Never pends: ProtocolCloseAdapterCompleteEx is not called.
 *
 * Context: process (PASSIVE_LEVEL).
 * Return: NDIS_STATUS_SUCCESS, or NDIS_STATUS_NOT_ACCEPTED (address
 * families still open: close them first) and other condis errors.
 */
NDIS_STATUS NdisCloseAdapterEx(NDIS_HANDLE NdisBindingHandle)
{
	struct ndis_binding *b = ndis_binding_of(NdisBindingHandle);

	if (!b)
		return NDIS_STATUS_INVALID_PARAMETER;
	return ndis_status_from_native(condis_close_adapter(b->native));
}
EXPORT_SYMBOL_NS_GPL(NdisCloseAdapterEx, NDIS);

/**
 * NdisUnbindAdapter() - ask to be unbound from an adapter
 * @NdisBindingHandle: the protocol's binding
 *
 * ProtocolUnbindAdapterEx runs later, from condis's workqueue, as for an
 * adapter that goes away; the protocol closes the binding there as usual.
 *
 * Context: process (PASSIVE_LEVEL).
 * Return: NDIS_STATUS_SUCCESS (the unbind is started),
 * NDIS_STATUS_INVALID_PARAMETER (bad handle), or NDIS_STATUS_FAILURE (the
 * binding is being unbound or closed already).
 */
NDIS_STATUS NdisUnbindAdapter(NDIS_HANDLE NdisBindingHandle)
{
	struct ndis_binding *b = ndis_binding_of(NdisBindingHandle);

	if (!b)
		return NDIS_STATUS_INVALID_PARAMETER;
	return condis_request_unbind(b->native) ? NDIS_STATUS_FAILURE : NDIS_STATUS_SUCCESS;
}
EXPORT_SYMBOL_NS_GPL(NdisUnbindAdapter, NDIS);

/**
 * NdisOidRequest() - a connectionless OID request to a binding's miniport
 * @NdisBindingHandle: the binding
 * @OidRequest: the request, lent until it completes; a pended one comes
 *	back to the protocol's ProtocolOidRequestComplete (possibly before
 *	this returns)
 *
 * condis gives a miniport one OID entry: a compat miniport gets the
 * request in MiniportCoOidRequest, with no VC.
 *
 * Context: any (<= DISPATCH_LEVEL).
 * Return: the miniport's status, NDIS_STATUS_PENDING,
 * NDIS_STATUS_INVALID_PARAMETER (bad handle), or NDIS_STATUS_NOT_SUPPORTED
 * (a method request, or a protocol without ProtocolOidRequestComplete).
 */
NDIS_STATUS NdisOidRequest(NDIS_HANDLE NdisBindingHandle, PNDIS_OID_REQUEST OidRequest)
{
	struct ndis_binding *b = ndis_binding_of(NdisBindingHandle);
	struct condis_oid_request *n;
	int err;

	if (!b)
		return NDIS_STATUS_INVALID_PARAMETER;
	n = ndis_oid_prepare(OidRequest);
	if (!n || !b->driver->chars.OidRequestCompleteHandler)
		return NDIS_STATUS_NOT_SUPPORTED;
	OidRequest->NdisCompat.complete = b->driver->chars.OidRequestCompleteHandler;
	OidRequest->NdisCompat.requester = &b->driver->obj;
	OidRequest->NdisCompat.binding_ctx = b->context;
	err = condis_co_oid_request(b->native, NULL, NULL, NULL, n);
	if (err != CONDIS_PENDING)
		ndis_oid_results_to_ndis(OidRequest, n);
	return ndis_status_from_native(err);
}
EXPORT_SYMBOL_NS_GPL(NdisOidRequest, NDIS);

/**
 * NdisCancelOidRequest() - ask that a pended NdisOidRequest() end early
 * @NdisBindingHandle: the binding it was sent on
 * @RequestId: its RequestId
 *
 * condis cancels no request: the request completes as it would have, which
 * NDIS allows (a cancellation is a hint).
 *
 * Context: any (<= DISPATCH_LEVEL).
 */
void NdisCancelOidRequest(NDIS_HANDLE NdisBindingHandle, PVOID RequestId)
{
}
EXPORT_SYMBOL_NS_GPL(NdisCancelOidRequest, NDIS);

/**
 * NdisCompleteUnbindAdapterEx() - end an unbind that ProtocolUnbindAdapterEx pended
 * @UnbindContext: what ProtocolUnbindAdapterEx got
 *
 * Context: any.
 */
void NdisCompleteUnbindAdapterEx(NDIS_HANDLE UnbindContext)
{
	struct ndis_unbind_context *uc = UnbindContext;

	complete(&uc->done);
}
EXPORT_SYMBOL_NS_GPL(NdisCompleteUnbindAdapterEx, NDIS);

/* ---- miniport registration and adapters ------------------------------------------------ */

/**
 * NdisMRegisterMiniportDriver() - register a CoNDIS miniport or MCM
 * @DriverObject: the driver object DriverEntry got; its DriverUnload
 *	becomes the characteristics' UnloadHandler
 * @RegistryPath: unused
 * @MiniportDriverContext: passed to MiniportSetOptions and
 *	MiniportInitializeEx
 * @MiniportDriverCharacteristics: copied
 * @NdisMiniportDriverHandle: set to the driver's handle
 *
 * MiniportSetOptions must register an NDIS_MINIPORT_CO_CHARACTERISTICS
 * and, for an MCM, an NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS.  Adapters
 * come with NdisLinuxAddAdapter() (what PnP does in Windows).
 *
 * Context: process (PASSIVE_LEVEL); sleeps.
 * Return: as NdisRegisterProtocolDriver().
 */
NDIS_STATUS
NdisMRegisterMiniportDriver(PDRIVER_OBJECT DriverObject, PVOID RegistryPath,
			    NDIS_HANDLE MiniportDriverContext,
			    PNDIS_MINIPORT_DRIVER_CHARACTERISTICS MiniportDriverCharacteristics,
			    PNDIS_HANDLE NdisMiniportDriverHandle)
{
	PNDIS_MINIPORT_DRIVER_CHARACTERISTICS mc = MiniportDriverCharacteristics;
	struct ndis_miniport_driver *drv;
	NDIS_STATUS st = NDIS_STATUS_SUCCESS;
	int err;

	if (!mc || !NdisMiniportDriverHandle ||
	    mc->Header.Type != NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS ||
	    mc->Header.Size < NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_1 ||
	    !mc->InitializeHandlerEx || !mc->HaltHandlerEx || !mc->ReturnNetBufferListsHandler)
		return NDIS_STATUS_BAD_CHARACTERISTICS;
	if (mc->MajorNdisVersion != 6)
		return NDIS_STATUS_BAD_VERSION;
	drv = kzalloc(sizeof(*drv), GFP_KERNEL);
	if (!drv)
		return NDIS_STATUS_RESOURCES;
	drv->obj.magic = NDIS_COMPAT_MAGIC;
	drv->obj.kind = NDIS_OBJ_MINIPORT;
	drv->context = MiniportDriverContext;
	memcpy(&drv->chars, mc, min_t(size_t, mc->Header.Size, sizeof(drv->chars)));
	mutex_init(&drv->lock);
	INIT_LIST_HEAD(&drv->adapters);
	strscpy(drv->name, DriverObject && DriverObject->Module ?
		module_name(DriverObject->Module) : "ndis-miniport", sizeof(drv->name));

	drv->registering = true;
	if (mc->SetOptionsHandler)
		st = mc->SetOptionsHandler(drv, MiniportDriverContext);
	drv->registering = false;
	if (st == NDIS_STATUS_SUCCESS &&
	    (!drv->has_co || (!drv->has_cm && (!drv->co.CoCreateVcHandler ||
					       !drv->co.CoDeleteVcHandler ||
					       !drv->co.CoActivateVcHandler ||
					       !drv->co.CoDeactivateVcHandler))))
		st = NDIS_STATUS_BAD_CHARACTERISTICS;
	if (st != NDIS_STATUS_SUCCESS)
		goto err_free;

	drv->desc.name = drv->name;
	drv->desc.ops = &ndis_mp_ops;
	drv->desc.cm_ops = drv->has_cm ? &ndis_cm_ops : NULL;
	*NdisMiniportDriverHandle = drv;
	err = condis_register_miniport(&drv->desc, drv, &drv->native);
	if (!err) {
		if (DriverObject)
			DriverObject->DriverUnload = mc->UnloadHandler;
		return NDIS_STATUS_SUCCESS;
	}
	*NdisMiniportDriverHandle = NULL;
	st = ndis_status_from_native(err);
err_free:
	mutex_destroy(&drv->lock);
	kfree(drv);
	return st;
}
EXPORT_SYMBOL_NS_GPL(NdisMRegisterMiniportDriver, NDIS);

/* Restart or pause an adapter, waiting if the driver pends (process context). */
static NDIS_STATUS ndis_adapter_set_running(struct ndis_miniport_adapter *ad, bool run)
{
	PNDIS_MINIPORT_DRIVER_CHARACTERISTICS mc = &ad->driver->chars;
	NDIS_MINIPORT_RESTART_PARAMETERS rp = { };
	NDIS_MINIPORT_PAUSE_PARAMETERS pp = { };
	NDIS_STATUS st;

	if (run ? !mc->RestartHandler : !mc->PauseHandler)
		return NDIS_STATUS_SUCCESS;
	reinit_completion(&ad->state_done);
	rp.Header.Type = NDIS_OBJECT_TYPE_DEFAULT;
	rp.Header.Revision = NDIS_MINIPORT_RESTART_PARAMETERS_REVISION_1;
	rp.Header.Size = NDIS_SIZEOF_MINIPORT_RESTART_PARAMETERS_REVISION_1;
	pp.Header = rp.Header;
	pp.Header.Revision = NDIS_MINIPORT_PAUSE_PARAMETERS_REVISION_1;
	pp.Header.Size = NDIS_SIZEOF_MINIPORT_PAUSE_PARAMETERS_REVISION_1;
	st = run ? mc->RestartHandler(ad->context, &rp) : mc->PauseHandler(ad->context, &pp);
	if (st == NDIS_STATUS_PENDING) {
		wait_for_completion(&ad->state_done);
		st = ad->state_status;
	}
	return st;
}

/**
 * NdisMPauseComplete() - end a pended MiniportPause
 * @MiniportAdapterHandle: the adapter
 *
 * Context: any.
 */
void NdisMPauseComplete(NDIS_HANDLE MiniportAdapterHandle)
{
	struct ndis_miniport_adapter *ad = ndis_adapter_of(MiniportAdapterHandle);

	if (ad) {
		ad->state_status = NDIS_STATUS_SUCCESS;
		complete(&ad->state_done);
	}
}
EXPORT_SYMBOL_NS_GPL(NdisMPauseComplete, NDIS);

/**
 * NdisMRestartComplete() - end a pended MiniportRestart
 * @MiniportAdapterHandle: the adapter
 * @Status: the restart's status
 *
 * Context: any.
 */
void NdisMRestartComplete(NDIS_HANDLE MiniportAdapterHandle, NDIS_STATUS Status)
{
	struct ndis_miniport_adapter *ad = ndis_adapter_of(MiniportAdapterHandle);

	if (ad) {
		ad->state_status = Status;
		complete(&ad->state_done);
	}
}
EXPORT_SYMBOL_NS_GPL(NdisMRestartComplete, NDIS);

/**
 * NdisMResetComplete() - end a pended MiniportResetEx
 * @MiniportAdapterHandle: the adapter
 * @Status: the reset's status
 * @AddressingReset: whether NDIS must restore the addressing
 *
 * condis never resets an adapter (it calls no ResetHandlerEx), so no reset
 * is ever pending: the call changes nothing.
 *
 * Context: any.
 */
void NdisMResetComplete(NDIS_HANDLE MiniportAdapterHandle, NDIS_STATUS Status,
			BOOLEAN AddressingReset)
{
}
EXPORT_SYMBOL_NS_GPL(NdisMResetComplete, NDIS);

/**
 * NdisMSetMiniportAttributes() - set an adapter's attributes, from
 *	MiniportInitializeEx
 * @MiniportAdapterHandle: the adapter
 * @MiniportAttributes: registration attributes (the MiniportAdapterContext
 *	is kept) or general attributes (accepted, unused)
 *
 * Context: process (PASSIVE_LEVEL).
 * Return: NDIS_STATUS_SUCCESS or NDIS_STATUS_INVALID_PARAMETER.
 */
NDIS_STATUS
NdisMSetMiniportAttributes(NDIS_HANDLE MiniportAdapterHandle,
			   PNDIS_MINIPORT_ADAPTER_ATTRIBUTES MiniportAttributes)
{
	struct ndis_miniport_adapter *ad = ndis_adapter_of(MiniportAdapterHandle);

	if (!ad || !MiniportAttributes)
		return NDIS_STATUS_INVALID_PARAMETER;
	switch (MiniportAttributes->Header.Type) {
	case NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES:
		if (MiniportAttributes->Header.Size <
		    NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1)
			return NDIS_STATUS_INVALID_PARAMETER;
		ad->context = MiniportAttributes->RegistrationAttributes.MiniportAdapterContext;
		return NDIS_STATUS_SUCCESS;
	case NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES:
		return NDIS_STATUS_SUCCESS;
	}
	return NDIS_STATUS_INVALID_PARAMETER;
}
EXPORT_SYMBOL_NS_GPL(NdisMSetMiniportAttributes, NDIS);

/**
 * NdisMQueryAdapterInstanceName() - an adapter's name, as condis shows it
 * @pAdapterInstanceName: set to a copy; free it with NdisFreeString()
 * @MiniportHandle: the adapter
 *
 * Context: process (PASSIVE_LEVEL).
 * Return: NDIS_STATUS_SUCCESS, NDIS_STATUS_INVALID_PARAMETER or
 * NDIS_STATUS_RESOURCES.
 */
NDIS_STATUS NdisMQueryAdapterInstanceName(PNDIS_STRING pAdapterInstanceName,
					  NDIS_HANDLE MiniportHandle)
{
	struct ndis_miniport_adapter *ad = ndis_adapter_of(MiniportHandle);
	size_t n;
	WCHAR *buf;

	if (!ad || !pAdapterInstanceName)
		return NDIS_STATUS_INVALID_PARAMETER;
	n = strlen(ad->name) + 1;
	buf = kmalloc_array(n, sizeof(WCHAR), GFP_KERNEL);
	if (!buf)
		return NDIS_STATUS_RESOURCES;
	ndis_string_from_ascii(ad->name, buf, n, pAdapterInstanceName);
	return NDIS_STATUS_SUCCESS;
}
EXPORT_SYMBOL_NS_GPL(NdisMQueryAdapterInstanceName, NDIS);

/* Unregister, pause and halt an adapter already off its driver's list, then free it. */
static void ndis_adapter_destroy(struct ndis_miniport_adapter *ad, NDIS_HALT_ACTION HaltAction)
{
	if (ad->native)
		condis_adapter_unregister(ad->native);
	ndis_adapter_set_running(ad, false);
	ad->driver->chars.HaltHandlerEx(ad->context, HaltAction);
	ad->obj.magic = 0;
	kfree(ad);
}

/**
 * NdisLinuxAddAdapter() - bring an adapter up: what PnP does in Windows
 * @NdisMiniportDriverHandle: the miniport driver
 * @Name: the adapter's name, as condis shows it (and ProtocolBindAdapterEx
 *	gets it)
 * @MiniportAdapterHandle: set to the adapter's handle, or NULL
 *
 * Runs MiniportInitializeEx (and MiniportRestart), then registers the
 * adapter with condis, which binds every protocol to it, then the address
 * families an MCM registered during MiniportInitializeEx, which notifies
 * the bound clients: NDIS's order.
 *
 * Context: process; sleeps.
 * Return: NDIS_STATUS_SUCCESS, what MiniportInitializeEx or
 * MiniportRestart returned, or condis's error.
 */
NDIS_STATUS NdisLinuxAddAdapter(NDIS_HANDLE NdisMiniportDriverHandle, const char *Name,
				PNDIS_HANDLE MiniportAdapterHandle)
{
	struct ndis_miniport_driver *drv = (struct ndis_miniport_driver *)
		ndis_object_get(NdisMiniportDriverHandle, NDIS_OBJ_MINIPORT);
	NDIS_MINIPORT_INIT_PARAMETERS ip = { };
	struct ndis_miniport_adapter *ad;
	struct condis_cm_af *cm_af;
	unsigned int i;
	NDIS_STATUS st;
	int err;

	if (!drv)
		return NDIS_STATUS_INVALID_PARAMETER;
	ad = kzalloc(sizeof(*ad), GFP_KERNEL);
	if (!ad)
		return NDIS_STATUS_RESOURCES;
	ad->obj.magic = NDIS_COMPAT_MAGIC;
	ad->obj.kind = NDIS_OBJ_ADAPTER;
	ad->driver = drv;
	init_completion(&ad->state_done);
	INIT_LIST_HEAD(&ad->node);
	strscpy(ad->name, Name ?: "ndis", sizeof(ad->name));
	ip.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_INIT_PARAMETERS;
	ip.Header.Revision = NDIS_MINIPORT_INIT_PARAMETERS_REVISION_1;
	ip.Header.Size = NDIS_SIZEOF_MINIPORT_INIT_PARAMETERS_REVISION_1;

	ad->initializing = true;
	st = drv->chars.InitializeHandlerEx(ad, drv->context, &ip);
	ad->initializing = false;
	if (st != NDIS_STATUS_SUCCESS) {
		ad->obj.magic = 0;
		kfree(ad);
		return st == NDIS_STATUS_PENDING ? NDIS_STATUS_FAILURE : st;
	}
	st = ndis_adapter_set_running(ad, true);
	if (st == NDIS_STATUS_SUCCESS) {
		err = condis_adapter_register(drv->native, ad->name, ad, &ad->native);
		st = ndis_status_from_native(err);
	}
	if (st != NDIS_STATUS_SUCCESS) {
		ndis_adapter_destroy(ad, NdisHaltDeviceInitializationFailed);
		return st;
	}
	mutex_lock(&drv->lock);
	list_add_tail(&ad->node, &drv->adapters);
	mutex_unlock(&drv->lock);
	for (i = 0; i < ad->nr_afs; i++) {
		err = condis_mcm_register_af(ad->native, (struct condis_af_type *)&ad->afs[i],
					     &cm_af);
		if (err)
			pr_warn("%s: address family %#x: %pe\n", ad->name,
				ad->afs[i].AddressFamily, ERR_PTR(err));
	}
	if (MiniportAdapterHandle)
		*MiniportAdapterHandle = ad;
	return NDIS_STATUS_SUCCESS;
}
EXPORT_SYMBOL_NS_GPL(NdisLinuxAddAdapter, NDIS);

/**
 * NdisLinuxRemoveAdapter() - take an adapter down: what removal does in Windows
 * @MiniportAdapterHandle: the adapter
 *
 * condis unbinds every protocol first (their AFs, SAPs and calls go), then
 * MiniportPause and MiniportHaltEx run.  The handle is stale afterwards.
 *
 * Context: process; sleeps.
 */
void NdisLinuxRemoveAdapter(NDIS_HANDLE MiniportAdapterHandle)
{
	struct ndis_miniport_adapter *ad = ndis_adapter_of(MiniportAdapterHandle);
	bool listed;

	if (!ad)
		return;
	mutex_lock(&ad->driver->lock);
	listed = !list_empty(&ad->node);
	list_del_init(&ad->node);
	mutex_unlock(&ad->driver->lock);
	if (listed)
		ndis_adapter_destroy(ad, NdisHaltDeviceDisabled);
}
EXPORT_SYMBOL_NS_GPL(NdisLinuxRemoveAdapter, NDIS);

/**
 * NdisMDeregisterMiniportDriver() - remove a miniport driver
 * @NdisMiniportDriverHandle: its handle
 *
 * Removes the adapters it still has (NdisLinuxRemoveAdapter()), then the
 * driver.  The handle is stale afterwards.
 *
 * Context: process (PASSIVE_LEVEL); sleeps.
 */
void NdisMDeregisterMiniportDriver(NDIS_HANDLE NdisMiniportDriverHandle)
{
	struct ndis_miniport_driver *drv = (struct ndis_miniport_driver *)
		ndis_object_get(NdisMiniportDriverHandle, NDIS_OBJ_MINIPORT);
	struct ndis_miniport_adapter *ad;

	if (!drv)
		return;
	for (;;) {
		mutex_lock(&drv->lock);
		ad = list_first_entry_or_null(&drv->adapters, struct ndis_miniport_adapter, node);
		if (ad)
			list_del_init(&ad->node);
		mutex_unlock(&drv->lock);
		if (!ad)
			break;
		ndis_adapter_destroy(ad, NdisHaltDeviceInstanceDeInitialized);
	}
	condis_deregister_miniport(drv->native);
	drv->obj.magic = 0;
	mutex_destroy(&drv->lock);
	kfree(drv);
}
EXPORT_SYMBOL_NS_GPL(NdisMDeregisterMiniportDriver, NDIS);
