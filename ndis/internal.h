/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ndis.ko's own declarations, shared by its files and seen by no driver:
 * the trampoline tables (tramp.c), the wrapper contexts and the bind and
 * unbind contexts (driver.c).
 */
#ifndef _NDIS_INTERNAL_H
#define _NDIS_INTERNAL_H

#include <ndis/ndis.h>

/* tramp.c: the ops tables every NDIS driver registers with condis. */
extern const struct condis_protocol_ops ndis_proto_ops;
extern const struct condis_cl_ops ndis_cl_ops;
extern const struct condis_cm_ops ndis_cm_ops;
extern const struct condis_miniport_ops ndis_mp_ops;

/* tramp.c: what condis holds for NDIS drivers, freed on its release_ctx. */
struct ndis_ctx *ndis_ctx_new(struct ndis_object *driver, NDIS_HANDLE context);
void ndis_ctx_free(struct ndis_ctx *c);
void ndis_ctx_wait_all(void);

/* The driver's own context in a wrapper condis passed (NULL stays NULL). */
static inline NDIS_HANDLE ndis_ctx_inner(void *ctx)
{
	return ctx ? ((struct ndis_ctx *)ctx)->context : NULL;
}

/* The driver a wrapper belongs to. */
static inline struct ndis_object *ndis_ctx_driver(void *ctx)
{
	return ((struct ndis_ctx *)ctx)->driver;
}

NDIS_HANDLE ndis_nbl_adapter_context(PNET_BUFFER_LIST nbl);

/**
 * struct ndis_bind_context - what BindContext points at during a bind
 * @adapter: the condis adapter to open
 * @done: completed by NdisCompleteBindAdapterEx()
 * @status: its status
 */
struct ndis_bind_context {
	struct condis_adapter *adapter;
	struct completion done;
	NDIS_STATUS status;
};

/**
 * struct ndis_unbind_context - what UnbindContext points at during an unbind
 * @done: completed by NdisCompleteUnbindAdapterEx()
 */
struct ndis_unbind_context {
	struct completion done;
};

struct ndis_binding *ndis_binding_new(struct ndis_protocol_driver *drv, NDIS_HANDLE context);
void ndis_binding_free(struct ndis_binding *b);

#endif /* _NDIS_INTERNAL_H */
