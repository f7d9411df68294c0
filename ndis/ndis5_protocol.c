// SPDX-License-Identifier: GPL-2.0
/*
 * ndis.ko: a 5.x protocol driver: the condis protocol callbacks, and
 * NdisRegisterProtocol(), bindings (NdisOpenAdapter()) and their unbinding.
 */
#include "ndis5.h"

/* ---- protocol callbacks ----------------------------------------------------------- */

static int ndis5_bind_adapter(void *proto_priv, struct condis_adapter *adapter)
{
	struct ndis5_protocol *proto = proto_priv;
	struct ndis5_bind bc = { .adapter = adapter };
	WCHAR name[NDIS_COMPAT_NAME_MAX];
	NDIS_STRING device_name;
	NDIS_STATUS st = NDIS_STATUS_SUCCESS;

	init_completion(&bc.done);
	strscpy(bc.name, condis_adapter_name(adapter), sizeof(bc.name));
	ndis_string_from_ascii(bc.name, name, ARRAY_SIZE(name), &device_name);
	mutex_lock(&proto->lock);
	list_add_tail(&bc.node, &proto->binds);
	mutex_unlock(&proto->lock);
	proto->chars.BindAdapterHandler(&st, &bc, &device_name, NULL, NULL);
	if (st == NDIS_STATUS_PENDING) {
		wait_for_completion(&bc.done);
		st = bc.status;
	}
	mutex_lock(&proto->lock);
	list_del(&bc.node);
	mutex_unlock(&proto->lock);
	return ndis_status_to_native(st);
}

/* Take the binding of @native off @proto's list; true if the driver left it open. */
static struct ndis5_binding *ndis5_binding_take(struct ndis5_protocol *proto,
						struct condis_binding *native)
{
	struct ndis5_binding *b, *found = NULL;

	mutex_lock(&proto->lock);
	list_for_each_entry(b, &proto->bindings, node) {
		if (b->native == native) {
			list_del(&b->node);
			found = b;
			break;
		}
	}
	mutex_unlock(&proto->lock);
	return found;
}

static int ndis5_unbind_adapter(void *binding_ctx, struct condis_binding *binding)
{
	struct ndis5_binding *b = binding_ctx;
	struct ndis5_protocol *proto = b->proto;
	struct ndis5_unbind uc;
	NDIS_STATUS st = NDIS_STATUS_SUCCESS;

	init_completion(&uc.done);
	proto->chars.UnbindAdapterHandler(&st, b->context, &uc);
	if (st == NDIS_STATUS_PENDING)
		wait_for_completion(&uc.done);
	/* @b is gone if the driver closed it; otherwise condis closes what is left. */
	b = ndis5_binding_take(proto, binding);
	if (b) {
		b->obj.magic = 0;
		kfree(b);
	}
	return 0;
}

static void ndis5_af_register_notify(void *binding_ctx, const struct condis_af_type *type)
{
	struct ndis5_binding *b = binding_ctx;

	b->proto->chars.CoAfRegisterNotifyHandler(b->context, (PCO_ADDRESS_FAMILY)type);
}

static void ndis5_co_status(void *binding_ctx, void *vc_ctx,
			    const struct condis_status_indication *ind)
{
	struct ndis5_binding *b = binding_ctx;

	b->proto->chars.CoStatusHandler(b->context, ndis5_vc_ctx(vc_ctx), ind->code,
					(PVOID)ind->buf, ind->len);
}

static const struct condis_protocol_ops ndis5_proto_ops = {
	.bind_adapter = ndis5_bind_adapter,
	.unbind_adapter = ndis5_unbind_adapter,
	.af_register_notify = ndis5_af_register_notify,
	.co_status = ndis5_co_status,
	.co_receive = ndis5_co_receive,
	.co_send_complete = ndis5_co_send_complete,
};

/* ---- protocol registration and bindings --------------------------------------------- */

/**
 * NdisRegisterProtocol() - register an NDIS 5 CO protocol driver
 * @Status: set to NDIS_STATUS_SUCCESS, NDIS_STATUS_BAD_VERSION,
 *	NDIS_STATUS_BAD_CHARACTERISTICS, NDIS_STATUS_RESOURCES or condis's error
 * @NdisProtocolHandle: set to the protocol's handle (before any bind)
 * @ProtocolCharacteristics: NDIS 5.0 or 5.1 characteristics; copied
 * @CharacteristicsLength: their size, at least NDIS50_PROTOCOL_CHARACTERISTICS'
 *
 * ProtocolBindAdapter runs for every adapter, before this returns for
 * those that exist.  A 5.x protocol is a client, a stand-alone call
 * manager (NdisCmRegisterAddressFamily() on a binding), or both.
 *
 * Context: process (PASSIVE_LEVEL); sleeps.
 */
void NdisRegisterProtocol(PNDIS_STATUS Status, PNDIS_HANDLE NdisProtocolHandle,
			  PNDIS_PROTOCOL_CHARACTERISTICS ProtocolCharacteristics,
			  UINT CharacteristicsLength)
{
	PNDIS_PROTOCOL_CHARACTERISTICS pc = ProtocolCharacteristics;
	struct ndis5_protocol *proto;
	int err;

	if (!pc || !NdisProtocolHandle || CharacteristicsLength < sizeof(*pc) ||
	    !pc->BindAdapterHandler || !pc->UnbindAdapterHandler ||
	    !pc->CoSendCompleteHandler || !pc->CoStatusHandler ||
	    !pc->CoReceivePacketHandler || !pc->CoAfRegisterNotifyHandler) {
		*Status = NDIS_STATUS_BAD_CHARACTERISTICS;
		return;
	}
	if (pc->MajorNdisVersion != 5) {
		*Status = NDIS_STATUS_BAD_VERSION;
		return;
	}
	proto = kzalloc(sizeof(*proto), GFP_KERNEL);
	if (!proto) {
		*Status = NDIS_STATUS_RESOURCES;
		return;
	}
	proto->obj.magic = NDIS_COMPAT_MAGIC;
	proto->obj.kind = NDIS5_OBJ_PROTOCOL;
	proto->chars = *pc;
	mutex_init(&proto->lock);
	INIT_LIST_HEAD(&proto->binds);
	INIT_LIST_HEAD(&proto->bindings);
	ndis_string_to_ascii(&pc->Name, proto->name, sizeof(proto->name));
	if (!proto->name[0])
		strscpy(proto->name, "ndis5-protocol", sizeof(proto->name));
	proto->desc.name = proto->name;
	proto->desc.ops = &ndis5_proto_ops;
	proto->desc.cl_ops = &ndis5_cl_ops;
	/* Any 5.x protocol may be a stand-alone CM: NdisCmRegisterAddressFamily(). */
	proto->desc.cm_ops = &ndis5_cm_ops;
	*NdisProtocolHandle = proto;
	err = condis_register_protocol(&proto->desc, proto, &proto->native);
	if (err) {
		*NdisProtocolHandle = NULL;
		mutex_destroy(&proto->lock);
		kfree(proto);
	}
	*Status = ndis_status_from_native(err);
}
EXPORT_SYMBOL_NS_GPL(NdisRegisterProtocol, NDIS);

/**
 * NdisDeregisterProtocol() - remove an NDIS 5 protocol driver
 * @Status: set to NDIS_STATUS_SUCCESS, or NDIS_STATUS_INVALID_PARAMETER
 * @NdisProtocolHandle: its handle; stale afterwards
 *
 * Every binding is unbound first (ProtocolUnbindAdapter).
 *
 * Context: process (PASSIVE_LEVEL); sleeps.
 */
void NdisDeregisterProtocol(PNDIS_STATUS Status, NDIS_HANDLE NdisProtocolHandle)
{
	struct ndis5_protocol *proto = NdisProtocolHandle;
	struct ndis5_binding *b, *n;

	if (!proto || proto->obj.magic != NDIS_COMPAT_MAGIC ||
	    proto->obj.kind != NDIS5_OBJ_PROTOCOL) {
		*Status = NDIS_STATUS_INVALID_PARAMETER;
		return;
	}
	condis_deregister_protocol(proto->native);
	list_for_each_entry_safe(b, n, &proto->bindings, node) {
		b->obj.magic = 0;
		kfree(b);
	}
	proto->obj.magic = 0;
	mutex_destroy(&proto->lock);
	kfree(proto);
	*Status = NDIS_STATUS_SUCCESS;
}
EXPORT_SYMBOL_NS_GPL(NdisDeregisterProtocol, NDIS);

/**
 * NdisOpenAdapter() - bind to an adapter, from ProtocolBindAdapter
 * @Status: set to NDIS_STATUS_SUCCESS (never pending), or why not
 * @OpenErrorStatus: set to NDIS_STATUS_SUCCESS
 * @NdisBindingHandle: set to the binding's handle
 * @SelectedMediumIndex: set to 0: condis adapters take any CO medium
 * @MediumArray: the media the protocol takes
 * @MediumArraySize: how many
 * @NdisProtocolHandle: the protocol
 * @ProtocolBindingContext: its context for the binding
 * @AdapterName: the DeviceName ProtocolBindAdapter got
 * @OpenOptions: unused
 * @AddressingInformation: unused
 *
 * Only for an adapter whose ProtocolBindAdapter is running.
 *
 * Context: process (PASSIVE_LEVEL), inside ProtocolBindAdapter.
 */
void NdisOpenAdapter(PNDIS_STATUS Status, PNDIS_STATUS OpenErrorStatus,
		     PNDIS_HANDLE NdisBindingHandle, PUINT SelectedMediumIndex,
		     PNDIS_MEDIUM MediumArray, UINT MediumArraySize,
		     NDIS_HANDLE NdisProtocolHandle, NDIS_HANDLE ProtocolBindingContext,
		     PNDIS_STRING AdapterName, UINT OpenOptions,
		     PVOID AddressingInformation)
{
	struct ndis5_protocol *proto = NdisProtocolHandle;
	struct ndis5_bind *bc, *found = NULL;
	struct ndis5_binding *b;
	char name[NDIS_COMPAT_NAME_MAX];
	int err;

	*OpenErrorStatus = NDIS_STATUS_SUCCESS;
	if (!proto || proto->obj.magic != NDIS_COMPAT_MAGIC ||
	    proto->obj.kind != NDIS5_OBJ_PROTOCOL || !NdisBindingHandle || !MediumArraySize) {
		*Status = NDIS_STATUS_INVALID_PARAMETER;
		return;
	}
	ndis_string_to_ascii(AdapterName, name, sizeof(name));
	b = kzalloc(sizeof(*b), GFP_KERNEL);
	if (!b) {
		*Status = NDIS_STATUS_RESOURCES;
		return;
	}
	b->obj.magic = NDIS_COMPAT_MAGIC;
	b->obj.kind = NDIS5_OBJ_BINDING;
	b->proto = proto;
	b->context = ProtocolBindingContext;
	spin_lock_init(&b->lock);
	mutex_lock(&proto->lock);
	list_for_each_entry(bc, &proto->binds, node)
		if (!strcmp(bc->name, name))
			found = bc;
	if (found) {
		err = condis_open_adapter(proto->native, found->adapter, b, &b->native);
		if (!err)
			list_add_tail(&b->node, &proto->bindings);
	} else {
		err = -ENODEV;
	}
	mutex_unlock(&proto->lock);
	if (err) {
		kfree(b);
		*Status = err == -ENODEV ? NDIS_STATUS_ADAPTER_NOT_FOUND :
					   ndis_status_from_native(err);
		return;
	}
	*SelectedMediumIndex = 0;
	*NdisBindingHandle = b;
	*Status = NDIS_STATUS_SUCCESS;
}
EXPORT_SYMBOL_NS_GPL(NdisOpenAdapter, NDIS);

/**
 * NdisCloseAdapter() - close a binding
 * @Status: set to NDIS_STATUS_SUCCESS (never pending) or why not (AFs
 *	still open: NDIS_STATUS_FAILURE-class codes from condis)
 * @NdisBindingHandle: the binding; stale on success
 *
 * Close the AFs on the binding first (their ClCloseAfCompleteHandler ran).
 *
 * Context: process (PASSIVE_LEVEL).
 */
void NdisCloseAdapter(PNDIS_STATUS Status, NDIS_HANDLE NdisBindingHandle)
{
	struct ndis5_binding *b = ndis5_binding_of(NdisBindingHandle);
	int err;

	if (!b) {
		*Status = NDIS_STATUS_INVALID_PARAMETER;
		return;
	}
	err = condis_close_adapter(b->native);
	if (!err && ndis5_binding_take(b->proto, b->native)) {
		b->obj.magic = 0;
		kfree(b);
	}
	*Status = ndis_status_from_native(err);
}
EXPORT_SYMBOL_NS_GPL(NdisCloseAdapter, NDIS);

/**
 * NdisCompleteBindAdapter() - finish a ProtocolBindAdapter that pended
 * @BindAdapterContext: the BindContext it got
 * @Status: its result
 * @OpenStatus: unused
 *
 * Context: any.
 */
void NdisCompleteBindAdapter(NDIS_HANDLE BindAdapterContext, NDIS_STATUS Status,
			     NDIS_STATUS OpenStatus)
{
	struct ndis5_bind *bc = BindAdapterContext;

	bc->status = Status;
	complete(&bc->done);
}
EXPORT_SYMBOL_NS_GPL(NdisCompleteBindAdapter, NDIS);

/**
 * NdisCompleteUnbindAdapter() - finish a ProtocolUnbindAdapter that pended
 * @UnbindAdapterContext: the UnbindContext it got
 * @Status: unused: an unbind cannot fail
 *
 * Context: any.
 */
void NdisCompleteUnbindAdapter(NDIS_HANDLE UnbindAdapterContext, NDIS_STATUS Status)
{
	struct ndis5_unbind *uc = UnbindAdapterContext;

	complete(&uc->done);
}
EXPORT_SYMBOL_NS_GPL(NdisCompleteUnbindAdapter, NDIS);
