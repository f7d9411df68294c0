// SPDX-License-Identifier: GPL-2.0
/*
 * ndis.ko: a 5.x CO miniport or MCM: the condis miniport callbacks,
 * registration (NdisMInitializeWrapper(), NdisMRegisterMiniport()), AF
 * registration, and its adapters' life (NdisLinuxAddAdapter5() and the rest).
 */
#include "ndis5.h"

/* ---- miniport callbacks --------------------------------------------------------------- */

static int ndis5_mp_create_vc(void *adapter_ctx, struct condis_vc *vc, void **mp_vc_ctx)
{
	struct ndis5_adapter *ad = adapter_ctx;
	struct ndis5_vc *v = ndis5_vc_new(NULL, ad, NULL);
	NDIS_STATUS st;

	if (!v)
		return -ENOMEM;
	v->vc = vc;
	st = ad->drv->chars.CoCreateVcHandler(ad->context, vc, &v->ctx);
	if (st != NDIS_STATUS_SUCCESS) {
		ndis5_vc_free(v);
		return ndis_status_to_native(st == NDIS_STATUS_PENDING ? NDIS_STATUS_FAILURE : st);
	}
	ndis5_reg_add(&v->ent, vc, NDIS5_MP_VC);
	*mp_vc_ctx = v;
	return 0;
}

static int ndis5_mp_delete_vc(void *mp_vc_ctx)
{
	struct ndis5_vc *v = mp_vc_ctx;

	return ndis5_vc_delete(v, v->adapter->drv->chars.CoDeleteVcHandler);
}

static int ndis5_mp_activate_vc(void *mp_vc_ctx, struct condis_call_params *params)
{
	struct ndis5_vc *v = mp_vc_ctx;

	return ndis_status_to_native(v->adapter->drv->chars.CoActivateVcHandler(v->ctx,
							ndis_params_ndis(params)));
}

static int ndis5_mp_deactivate_vc(void *mp_vc_ctx)
{
	struct ndis5_vc *v = mp_vc_ctx;

	return ndis_status_to_native(v->adapter->drv->chars.CoDeactivateVcHandler(v->ctx));
}

static int ndis5_mp_oid_request(void *adapter_ctx, void *mp_vc_ctx, struct condis_oid_request *req)
{
	struct ndis5_adapter *ad = adapter_ctx;
	struct ndis5_vc *v = mp_vc_ctx;
	struct ndis5_req_wrap *w = ndis5_req_wrap(req, req->oid, req->type == CONDIS_OID_SET);

	if (!w)
		return -ENOMEM;
	w->adapter = ad;
	w->vc = v ? v->vc : NULL;
	return ndis5_req_call(w, ad->drv->chars.CoRequestHandler(ad->context, ndis5_vc_ctx(v),
								 &w->r));
}

static const struct condis_miniport_ops ndis5_mp_ops = {
	.create_vc = ndis5_mp_create_vc,
	.delete_vc = ndis5_mp_delete_vc,
	.activate_vc = ndis5_mp_activate_vc,
	.deactivate_vc = ndis5_mp_deactivate_vc,
	.oid_request = ndis5_mp_oid_request,
	.send = ndis5_mp_send,
	.return_skbs = ndis5_mp_return_skbs,
};

/* An MCM's miniport part: condis creates and activates no VC through it. */
static const struct condis_miniport_ops ndis5_mcm_mp_ops = {
	.oid_request = ndis5_mp_oid_request,
	.send = ndis5_mp_send,
	.return_skbs = ndis5_mp_return_skbs,
};

/* ---- miniport registration and adapters --------------------------------------------- */

/**
 * NdisMInitializeWrapper() - the first call of a 5.x miniport's DriverEntry
 * @NdisWrapperHandle: set to the driver's handle, or NULL (no memory)
 * @SystemSpecific1: the DriverObject
 * @SystemSpecific2: the RegistryPath; unused
 * @SystemSpecific3: unused
 *
 * Context: process (PASSIVE_LEVEL).
 */
void NdisMInitializeWrapper(PNDIS_HANDLE NdisWrapperHandle, PVOID SystemSpecific1,
			    PVOID SystemSpecific2, PVOID SystemSpecific3)
{
	PDRIVER_OBJECT dobj = SystemSpecific1;
	struct ndis5_miniport *drv = kzalloc(sizeof(*drv), GFP_KERNEL);

	*NdisWrapperHandle = drv;
	if (!drv)
		return;
	drv->obj.magic = NDIS_COMPAT_MAGIC;
	drv->obj.kind = NDIS5_OBJ_MINIPORT;
	drv->driver_object = dobj;
	mutex_init(&drv->lock);
	INIT_LIST_HEAD(&drv->adapters);
	strscpy(drv->name, dobj && dobj->Module ? module_name(dobj->Module) : "ndis5-miniport",
		sizeof(drv->name));
}
EXPORT_SYMBOL_NS_GPL(NdisMInitializeWrapper, NDIS);

static struct ndis5_miniport *ndis5_miniport_of(NDIS_HANDLE h)
{
	struct ndis_object *o = h;

	if (o && o->magic == NDIS_COMPAT_MAGIC && o->kind == NDIS5_OBJ_MINIPORT)
		return (struct ndis5_miniport *)o;
	pr_warn_ratelimited("ndis: %ps: bad wrapper handle %p\n", __builtin_return_address(0), h);
	return NULL;
}

/**
 * NdisMRegisterMiniport() - register a 5.x CO miniport or MCM
 * @NdisWrapperHandle: from NdisMInitializeWrapper()
 * @MiniportCharacteristics: 5.0 or 5.1 characteristics; copied
 * @CharacteristicsLength: their size, at least the 5.0 size
 *
 * A driver without CoCreateVcHandler and CoDeleteVcHandler is a miniport
 * call manager: it registers its AFs with NdisMCmRegisterAddressFamily()
 * from MiniportInitialize.  Adapters come with NdisLinuxAddAdapter5().
 *
 * Context: process (PASSIVE_LEVEL); sleeps.
 * Return: NDIS_STATUS_SUCCESS, NDIS_STATUS_BAD_VERSION,
 * NDIS_STATUS_BAD_CHARACTERISTICS or condis's error.
 */
NDIS_STATUS NdisMRegisterMiniport(NDIS_HANDLE NdisWrapperHandle,
				  PNDIS_MINIPORT_CHARACTERISTICS MiniportCharacteristics,
				  UINT CharacteristicsLength)
{
	struct ndis5_miniport *drv = ndis5_miniport_of(NdisWrapperHandle);
	PNDIS_MINIPORT_CHARACTERISTICS mc = MiniportCharacteristics;
	int err;

	if (!drv || drv->native)
		return NDIS_STATUS_FAILURE;
	if (!mc || CharacteristicsLength < NDIS50_MINIPORT_CHARACTERISTICS_SIZE)
		return NDIS_STATUS_BAD_CHARACTERISTICS;
	if (mc->MajorNdisVersion != 5)
		return NDIS_STATUS_BAD_VERSION;
	memcpy(&drv->chars, mc, min_t(size_t, CharacteristicsLength, sizeof(drv->chars)));
	mc = &drv->chars;
	if (!mc->InitializeHandler || !mc->HaltHandler || !mc->ReturnPacketHandler ||
	    !mc->CoActivateVcHandler || !mc->CoDeactivateVcHandler ||
	    !mc->CoSendPacketsHandler || !mc->CoRequestHandler ||
	    !mc->CoCreateVcHandler != !mc->CoDeleteVcHandler)
		return NDIS_STATUS_BAD_CHARACTERISTICS;
	drv->mcm = !mc->CoCreateVcHandler;
	drv->desc.name = drv->name;
	drv->desc.ops = drv->mcm ? &ndis5_mcm_mp_ops : &ndis5_mp_ops;
	drv->desc.cm_ops = drv->mcm ? &ndis5_cm_ops : NULL;
	err = condis_register_miniport(&drv->desc, drv, &drv->native);
	return ndis_status_from_native(err);
}
EXPORT_SYMBOL_NS_GPL(NdisMRegisterMiniport, NDIS);

/**
 * NdisMRegisterUnloadHandler() - what NdisLinuxUnloadMiniport5() calls last
 * @NdisWrapperHandle: the driver
 * @UnloadHandler: its MiniportUnload
 *
 * Context: process (PASSIVE_LEVEL).
 */
void NdisMRegisterUnloadHandler(NDIS_HANDLE NdisWrapperHandle,
				PNDIS_UNLOAD_HANDLER UnloadHandler)
{
	struct ndis5_miniport *drv = ndis5_miniport_of(NdisWrapperHandle);

	if (drv)
		drv->unload = UnloadHandler;
}
EXPORT_SYMBOL_NS_GPL(NdisMRegisterUnloadHandler, NDIS);

static void ndis5_miniport_free(struct ndis5_miniport *drv)
{
	drv->obj.magic = 0;
	mutex_destroy(&drv->lock);
	kfree(drv);
}

/**
 * NdisTerminateWrapper() - give up a wrapper handle whose registration failed
 * @NdisWrapperHandle: the handle; stale afterwards
 * @SystemSpecific: unused
 *
 * A registered driver goes with NdisLinuxUnloadMiniport5() instead, which
 * may call this from its MiniportUnload (then it does nothing).
 *
 * Context: process (PASSIVE_LEVEL).
 */
void NdisTerminateWrapper(NDIS_HANDLE NdisWrapperHandle, PVOID SystemSpecific)
{
	struct ndis5_miniport *drv = ndis5_miniport_of(NdisWrapperHandle);

	if (drv && !drv->native && !drv->unloading)
		ndis5_miniport_free(drv);
}
EXPORT_SYMBOL_NS_GPL(NdisTerminateWrapper, NDIS);

/**
 * NdisMSetAttributesEx() - name the adapter's context, from MiniportInitialize
 * @MiniportAdapterHandle: the adapter
 * @MiniportAdapterContext: the driver's context for it
 * @CheckForHangTimeInSeconds: unused (no hang checks)
 * @AttributeFlags: NDIS_ATTRIBUTE_xxx; unused (a condis miniport is
 *	deserialized)
 * @AdapterType: unused
 *
 * Context: process (PASSIVE_LEVEL).
 */
void NdisMSetAttributesEx(NDIS_HANDLE MiniportAdapterHandle,
			  NDIS_HANDLE MiniportAdapterContext,
			  UINT CheckForHangTimeInSeconds, ULONG AttributeFlags,
			  NDIS_INTERFACE_TYPE AdapterType)
{
	struct ndis5_adapter *ad = ndis5_adapter_of(MiniportAdapterHandle);

	if (ad)
		ad->context = MiniportAdapterContext;
}
EXPORT_SYMBOL_NS_GPL(NdisMSetAttributesEx, NDIS);

/**
 * NdisMCmRegisterAddressFamily() - an MCM registers an AF with its CM handlers
 * @MiniportAdapterHandle: the adapter
 * @AddressFamily: the AF
 * @CmCharacteristics: the call-manager handlers for it; copied
 * @SizeOfCmCharacteristics: their size
 *
 * From MiniportInitialize (the clients hear of it once the adapter is
 * up), or later.  Every handler must be set (add/drop party ones are
 * never called).
 *
 * Context: process (PASSIVE_LEVEL).
 * Return: NDIS_STATUS_SUCCESS or why not.
 */
NDIS_STATUS NdisMCmRegisterAddressFamily(NDIS_HANDLE MiniportAdapterHandle,
					 PCO_ADDRESS_FAMILY AddressFamily,
					 PNDIS_CALL_MANAGER_CHARACTERISTICS CmCharacteristics,
					 UINT SizeOfCmCharacteristics)
{
	struct ndis5_adapter *ad = ndis5_adapter_of(MiniportAdapterHandle);
	struct condis_cm_af *cm_af;
	struct ndis5_cm_reg *reg;

	if (!ad || !ad->drv->mcm || !AddressFamily || !CmCharacteristics)
		return NDIS_STATUS_INVALID_PARAMETER;
	if (SizeOfCmCharacteristics < sizeof(*CmCharacteristics) ||
	    !ndis_table_complete(CmCharacteristics,
				 offsetof(NDIS_CALL_MANAGER_CHARACTERISTICS, CmCreateVcHandler),
				 sizeof(*CmCharacteristics)))
		return NDIS_STATUS_BAD_CHARACTERISTICS;
	if (ad->nr_afs >= NDIS_COMPAT_MAX_AFS)
		return NDIS_STATUS_RESOURCES;
	reg = &ad->afs[ad->nr_afs];
	reg->type = *AddressFamily;
	reg->chars = *CmCharacteristics;
	ad->nr_afs++;
	if (ad->initializing)
		return NDIS_STATUS_SUCCESS;
	return ndis_status_from_native(condis_mcm_register_af(ad->native,
							      (struct condis_af_type *)&reg->type,
							      &cm_af));
}
EXPORT_SYMBOL_NS_GPL(NdisMCmRegisterAddressFamily, NDIS);

/**
 * NdisCmRegisterAddressFamily() - a stand-alone 5.x call manager registers
 *	an AF on a binding, with its CM handlers
 * @NdisBindingHandle: the CM's binding (from NdisOpenAdapter())
 * @AddressFamily: the AF
 * @CmCharacteristics: the call-manager handlers for it; copied
 * @SizeOfCmCharacteristics: their size
 *
 * condis_cm_register_af() on the binding: clients bound to the adapter
 * hear of the AF (ProtocolCoAfRegisterNotify) and open it; the opens and
 * every later call reach these handlers with the AF's CallMgrAfContext,
 * as an MCM's do.  The CM activates its VCs on the (plain) miniport with
 * NdisCmActivateVc() and completes with the NdisCm* functions.  Every
 * handler must be set (add/drop party ones are never called).  The AF
 * lives until the binding closes.
 *
 * Context: process (PASSIVE_LEVEL), e.g. ProtocolBindAdapter.
 * Return: NDIS_STATUS_SUCCESS or why not.
 */
NDIS_STATUS NdisCmRegisterAddressFamily(NDIS_HANDLE NdisBindingHandle,
					PCO_ADDRESS_FAMILY AddressFamily,
					PNDIS_CALL_MANAGER_CHARACTERISTICS CmCharacteristics,
					UINT SizeOfCmCharacteristics)
{
	struct ndis5_binding *b = ndis5_binding_of(NdisBindingHandle);
	struct condis_cm_af *cm_af;
	struct ndis5_cm_reg *reg;
	unsigned long flags;
	unsigned int i;
	int err;

	if (!b || !AddressFamily || !CmCharacteristics)
		return NDIS_STATUS_INVALID_PARAMETER;
	if (SizeOfCmCharacteristics < sizeof(*CmCharacteristics) ||
	    !ndis_table_complete(CmCharacteristics,
				 offsetof(NDIS_CALL_MANAGER_CHARACTERISTICS, CmCreateVcHandler),
				 sizeof(*CmCharacteristics)))
		return NDIS_STATUS_BAD_CHARACTERISTICS;
	/* Recorded before condis knows of it: a client may open it at once. */
	spin_lock_irqsave(&b->lock, flags);
	for (i = 0; i < b->nr_afs; i++) {
		if (b->afs[i].type.AddressFamily == AddressFamily->AddressFamily) {
			spin_unlock_irqrestore(&b->lock, flags);
			return NDIS_STATUS_INVALID_PARAMETER;
		}
	}
	if (b->nr_afs >= NDIS_COMPAT_MAX_AFS) {
		spin_unlock_irqrestore(&b->lock, flags);
		return NDIS_STATUS_RESOURCES;
	}
	reg = &b->afs[b->nr_afs++];
	reg->type = *AddressFamily;
	reg->chars = *CmCharacteristics;
	spin_unlock_irqrestore(&b->lock, flags);
	err = condis_cm_register_af(b->native, (struct condis_af_type *)&reg->type, &cm_af);
	if (err) {
		/* Only this caller appends to afs, so @reg is still the last. */
		spin_lock_irqsave(&b->lock, flags);
		b->nr_afs--;
		spin_unlock_irqrestore(&b->lock, flags);
	}
	return ndis_status_from_native(err);
}
EXPORT_SYMBOL_NS_GPL(NdisCmRegisterAddressFamily, NDIS);

bool ndis5_mcm_create_vc(NDIS_HANDLE adapter, NDIS_HANDLE af, NDIS_HANDLE ctx,
			 PNDIS_HANDLE vc, NDIS_STATUS *st)
{
	struct ndis5_adapter *ad = ndis5_adapter_of(adapter);
	struct ndis5_af *a;
	struct ndis5_vc *v;
	int err;

	if (!ad)
		return false;
	a = ndis5_af_find(af, NDIS5_CM_AF);
	if (!a || !vc) {
		if (a)
			ndis5_af_put(a);
		*st = NDIS_STATUS_INVALID_PARAMETER;
		return true;
	}
	v = ndis5_vc_new(a, ad, ctx);
	ndis5_af_put(a);
	if (!v) {
		*st = NDIS_STATUS_RESOURCES;
		return true;
	}
	v->created = true;
	err = condis_mcm_create_vc(ad->native, af, v, &v->vc);
	if (err) {
		ndis5_vc_free(v);
		*st = ndis_status_from_native(err);
		return true;
	}
	ndis5_reg_add(&v->ent, v->vc, NDIS5_MP_VC);
	*vc = v->vc;
	*st = NDIS_STATUS_SUCCESS;
	return true;
}

bool ndis5_mcm_delete_vc(NDIS_HANDLE vc, NDIS_STATUS *st)
{
	struct ndis5_vc *v = ndis5_mp_vc_find(vc);
	int err;

	if (!v || !v->created)
		return false;
	err = condis_mcm_delete_vc(vc);
	if (!err)
		ndis5_vc_free(v);
	*st = ndis_status_from_native(err);
	return true;
}

/**
 * NdisMCoIndicateStatus() - a 5.x miniport indicates a status
 * @MiniportAdapterHandle: the adapter
 * @NdisVcHandle: the VC it concerns, or NULL for the adapter
 * @GeneralStatus: the NDIS_STATUS_xxx event
 * @StatusBuffer: its data, or NULL
 * @StatusBufferSize: bytes in @StatusBuffer
 *
 * Reaches each protocol bound to the adapter (adapter-wide) or sharing
 * the VC, as ProtocolCoStatus (5.x) or ProtocolCoStatusEx.
 *
 * Context: any.
 */
void NdisMCoIndicateStatus(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE NdisVcHandle,
			   NDIS_STATUS GeneralStatus, PVOID StatusBuffer, ULONG StatusBufferSize)
{
	struct ndis5_adapter *ad = ndis5_adapter_of(MiniportAdapterHandle);
	struct condis_status_indication ind = {
		.code = GeneralStatus,
		.buf = StatusBuffer,
		.len = StatusBufferSize,
	};

	if (ad)
		condis_mco_indicate_status(ad->native, NDIS__VC(NdisVcHandle), &ind);
}
EXPORT_SYMBOL_NS_GPL(NdisMCoIndicateStatus, NDIS);

/**
 * NdisMCoReceiveComplete() - the end of a batch of receive indications
 * @MiniportAdapterHandle: the adapter
 *
 * condis delivers each indication whole, so there is nothing to flush;
 * accepted for the drivers that call it.
 *
 * Context: any.
 */
void NdisMCoReceiveComplete(NDIS_HANDLE MiniportAdapterHandle)
{
}
EXPORT_SYMBOL_NS_GPL(NdisMCoReceiveComplete, NDIS);

/**
 * NdisLinuxAddAdapter5() - bring a 5.x miniport's adapter up: what PnP
 *	does in Windows
 * @NdisWrapperHandle: the registered driver
 * @Name: the adapter's name (the DeviceName protocols bind to)
 * @MiniportAdapterHandle: set to the adapter's handle, or NULL
 *
 * Runs MiniportInitialize (media offered: NdisMediumAtm, NdisMediumCoWan),
 * registers the adapter with condis (protocols bind), then the AFs the
 * MCM registered (clients are notified).
 *
 * Context: process; sleeps.
 * Return: NDIS_STATUS_SUCCESS, MiniportInitialize's failure, or condis's error.
 */
NDIS_STATUS NdisLinuxAddAdapter5(NDIS_HANDLE NdisWrapperHandle, const char *Name,
				 PNDIS_HANDLE MiniportAdapterHandle)
{
	struct ndis5_miniport *drv = ndis5_miniport_of(NdisWrapperHandle);
	NDIS_MEDIUM media[] = { NdisMediumAtm, NdisMediumCoWan };
	NDIS_STATUS st, open_err = NDIS_STATUS_SUCCESS;
	struct ndis5_adapter *ad;
	struct condis_cm_af *cm_af;
	UINT medium = 0;
	unsigned int i;
	int err;

	if (!drv || !drv->native)
		return NDIS_STATUS_INVALID_PARAMETER;
	ad = kzalloc(sizeof(*ad), GFP_KERNEL);
	if (!ad)
		return NDIS_STATUS_RESOURCES;
	ad->obj.magic = NDIS_COMPAT_MAGIC;
	ad->obj.kind = NDIS5_OBJ_ADAPTER;
	ad->drv = drv;
	INIT_LIST_HEAD(&ad->node);
	strscpy(ad->name, Name ?: "ndis5", sizeof(ad->name));
	ad->initializing = true;
	st = drv->chars.InitializeHandler(&open_err, &medium, media, ARRAY_SIZE(media), ad, ad);
	ad->initializing = false;
	if (st != NDIS_STATUS_SUCCESS) {
		ad->obj.magic = 0;
		kfree(ad);
		return st == NDIS_STATUS_PENDING ? NDIS_STATUS_FAILURE : st;
	}
	err = condis_adapter_register(drv->native, ad->name, ad, &ad->native);
	if (err) {
		drv->chars.HaltHandler(ad->context);
		ad->obj.magic = 0;
		kfree(ad);
		return ndis_status_from_native(err);
	}
	mutex_lock(&drv->lock);
	list_add_tail(&ad->node, &drv->adapters);
	mutex_unlock(&drv->lock);
	for (i = 0; i < ad->nr_afs; i++) {
		err = condis_mcm_register_af(ad->native, (struct condis_af_type *)&ad->afs[i].type,
					     &cm_af);
		if (err)
			pr_warn("ndis: %s: address family %#x: %pe\n", ad->name,
				ad->afs[i].type.AddressFamily, ERR_PTR(err));
	}
	if (MiniportAdapterHandle)
		*MiniportAdapterHandle = ad;
	return NDIS_STATUS_SUCCESS;
}
EXPORT_SYMBOL_NS_GPL(NdisLinuxAddAdapter5, NDIS);

static void ndis5_adapter_destroy(struct ndis5_adapter *ad)
{
	/* condis unbinds every protocol first: AFs, SAPs, calls and VCs go. */
	condis_adapter_unregister(ad->native);
	ad->drv->chars.HaltHandler(ad->context);
	ad->obj.magic = 0;
	kfree(ad);
}

/**
 * NdisLinuxRemoveAdapter5() - take a 5.x adapter down: what removal does
 * @MiniportAdapterHandle: the adapter; stale afterwards
 *
 * condis unbinds every protocol, then MiniportHalt runs.
 *
 * Context: process; sleeps.
 */
void NdisLinuxRemoveAdapter5(NDIS_HANDLE MiniportAdapterHandle)
{
	struct ndis5_adapter *ad = ndis5_adapter_of(MiniportAdapterHandle);
	bool listed;

	if (!ad)
		return;
	mutex_lock(&ad->drv->lock);
	listed = !list_empty(&ad->node);
	list_del_init(&ad->node);
	mutex_unlock(&ad->drv->lock);
	if (listed)
		ndis5_adapter_destroy(ad);
}
EXPORT_SYMBOL_NS_GPL(NdisLinuxRemoveAdapter5, NDIS);

/**
 * NdisLinuxUnloadMiniport5() - unload a 5.x miniport: what NDIS does when
 *	its driver unloads
 * @NdisWrapperHandle: the driver; stale afterwards
 *
 * Removes every adapter (NdisLinuxRemoveAdapter5()), calls the
 * MiniportUnload of NdisMRegisterUnloadHandler(), and deregisters the
 * driver from condis.
 *
 * Context: process (module exit); sleeps.
 */
void NdisLinuxUnloadMiniport5(NDIS_HANDLE NdisWrapperHandle)
{
	struct ndis5_miniport *drv = ndis5_miniport_of(NdisWrapperHandle);
	struct condis_miniport *native;
	struct ndis5_adapter *ad;

	if (!drv)
		return;
	for (;;) {
		mutex_lock(&drv->lock);
		ad = list_first_entry_or_null(&drv->adapters, struct ndis5_adapter, node);
		if (ad)
			list_del_init(&ad->node);
		mutex_unlock(&drv->lock);
		if (!ad)
			break;
		ndis5_adapter_destroy(ad);
	}
	native = drv->native;
	drv->unloading = true;	/* NdisTerminateWrapper() from the unload frees nothing */
	if (drv->unload)
		drv->unload(drv->driver_object);
	if (native)
		condis_deregister_miniport(native);
	ndis5_miniport_free(drv);
}
EXPORT_SYMBOL_NS_GPL(NdisLinuxUnloadMiniport5, NDIS);
