// SPDX-License-Identifier: GPL-2.0
/*
 * ndis.ko: the registration helpers that do not depend on the registering
 * source file (NdisSetOptionalHandlers); <ndis/tramp.h> keeps the rest.
 */
#include <ndis/ndis.h>

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
