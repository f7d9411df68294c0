/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ndis.ko: the NDIS 5.x layer's objects, private to ndis.ko.
 *
 * The layer: protocol and miniport registration, bindings and adapters,
 * the per-AF client and call-manager handlers, the trampolines condis
 * calls, NDIS_REQUEST and status indications.  One object a file:
 * ndis5_registry.c (the handle registry), ndis5_request.c (requests),
 * ndis5_protocol.c (protocols and bindings), ndis5_client.c (clients),
 * ndis5_cm.c (call managers), ndis5_miniport.c (miniports and adapters),
 * ndis5_data.c (packets) and ndis5_os.c (the OS services).  Statuses
 * cross with ndis_status_to_native()/ndis_status_from_native() as in the
 * 6.x layer, so a 5.x driver and a 6.x or native driver on the other side
 * of condis read each other's codes.
 *
 * Handles.  A 5.x driver gets compat objects for its protocol, binding,
 * wrapper (miniport driver) and adapter handles, and condis's own AF, SAP,
 * VC and party handles, as a 6.x driver does, so the CoNDIS functions both
 * share take the same handles.
 *
 * Contexts.  condis calls one ops table for every 5.x driver; a callback
 * finds its driver from the context it gets, never from a global: the
 * contexts the 5.x layer gives condis are its own wrappers (&struct
 * ndis5_binding for a binding, &struct ndis5_adapter for an adapter,
 * &struct ndis5_af for an AF, holding that AF's client or call-manager
 * characteristics, &struct ndis5_sap and &struct ndis5_vc), each holding
 * the driver's own context to pass on.  A shared function that takes a
 * driver context (NdisCoCreateVc, NdisClRegisterSap, NdisMCmCreateVc, the
 * pended CM completions) asks ndis5_*() first whether its handle is a 5.x
 * one: the binding and adapter handles are compat objects and say so
 * themselves; AFs and VCs are looked up in a registry keyed by the condis
 * handle (never dereferenced), which holds every 5.x AF wrapper and the
 * VC wrappers of the VCs a 5.x driver created.
 */
#ifndef _NDIS5_INT_H
#define _NDIS5_INT_H

#include <linux/kref.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/refcount.h>
#include <linux/spinlock.h>

#include <ndis/ndis.h>

enum ndis5_kind {
	NDIS5_OBJ_PROTOCOL = 0x501,
	NDIS5_OBJ_BINDING,
	NDIS5_OBJ_MINIPORT,
	NDIS5_OBJ_ADAPTER,
	NDIS5_OBJ_CONFIG,
};

/* What a registry entry's key names. */
enum ndis5_role {
	NDIS5_CL_AF = 1,	/* a client's AF wrapper, key: the condis AF */
	NDIS5_CM_AF,		/* a call manager's AF wrapper, key: the condis AF */
	NDIS5_VC,		/* a VC a 5.x driver created, key: the condis VC */
	NDIS5_CM_SAP,		/* a call manager's SAP wrapper, key: the condis SAP */
	NDIS5_MP_VC,		/* a miniport's (or MCM's) VC wrapper, key: the condis VC */
};

/**
 * struct ndis5_ent - an entry of the handle registry
 * @node: in the hash table, under ndis5_reg_lock
 * @key: the condis handle
 * @role: what @key names
 * @hashed: in the table
 */
struct ndis5_ent {
	struct hlist_node node;
	const void *key;
	enum ndis5_role role;
	bool hashed;
};

/**
 * struct ndis5_protocol - what a 5.x NdisProtocolHandle points at
 * @obj: its header
 * @native: condis's protocol
 * @desc: what condis was given
 * @chars: the driver's characteristics
 * @lock: protects @binds and @bindings
 * @binds: binds in flight (&struct ndis5_bind), for NdisOpenAdapter()
 * @bindings: its open bindings
 * @name: its name
 */
struct ndis5_protocol {
	struct ndis_object obj;
	struct condis_protocol *native;
	struct condis_protocol_desc desc;
	NDIS_PROTOCOL_CHARACTERISTICS chars;
	struct mutex lock;	/* protects binds and bindings */
	struct list_head binds;
	struct list_head bindings;
	char name[NDIS_COMPAT_NAME_MAX];
};

/**
 * struct ndis5_bind - a ProtocolBindAdapter in flight (its BindContext)
 * @node: in the protocol's binds
 * @adapter: the condis adapter to open
 * @done: completed by NdisCompleteBindAdapter()
 * @status: its status
 * @name: the adapter's name
 */
struct ndis5_bind {
	struct list_head node;
	struct condis_adapter *adapter;
	struct completion done;
	NDIS_STATUS status;
	char name[NDIS_COMPAT_NAME_MAX];
};

/**
 * struct ndis5_unbind - a ProtocolUnbindAdapter in flight (its UnbindContext)
 * @done: completed by NdisCompleteUnbindAdapter()
 */
struct ndis5_unbind {
	struct completion done;
};

/**
 * struct ndis5_cm_reg - an AF a call manager (an MCM or a stand-alone one)
 *	registered, with its handlers
 * @type: the address family
 * @chars: its NDIS_CALL_MANAGER_CHARACTERISTICS
 */
struct ndis5_cm_reg {
	CO_ADDRESS_FAMILY type;
	NDIS_CALL_MANAGER_CHARACTERISTICS chars;
};

/**
 * struct ndis5_binding - what a 5.x NdisBindingHandle points at; condis's
 *	binding context
 * @obj: its header
 * @native: condis's binding
 * @proto: its protocol
 * @context: the ProtocolBindingContext
 * @node: in the protocol's bindings
 * @lock: protects @afs and @nr_afs
 * @afs: the AFs a stand-alone call manager registered on it
 *	(NdisCmRegisterAddressFamily())
 * @nr_afs: how many
 */
struct ndis5_binding {
	struct ndis_object obj;
	struct condis_binding *native;
	struct ndis5_protocol *proto;
	NDIS_HANDLE context;
	struct list_head node;
	spinlock_t lock;	/* protects afs and nr_afs */
	struct ndis5_cm_reg afs[NDIS_COMPAT_MAX_AFS];
	unsigned int nr_afs;
};

/**
 * struct ndis5_miniport - what an NdisWrapperHandle points at
 * @obj: its header
 * @native: condis's miniport, once registered
 * @desc: what condis was given
 * @chars: the driver's characteristics
 * @driver_object: the DriverObject of NdisMInitializeWrapper()
 * @unload: the NdisMRegisterUnloadHandler() handler
 * @mcm: no CoCreateVc/CoDeleteVc handlers: a miniport call manager
 * @unloading: inside NdisLinuxUnloadMiniport5(): NdisTerminateWrapper() waits
 * @lock: protects @adapters
 * @adapters: its adapters
 * @name: its name
 */
struct ndis5_miniport {
	struct ndis_object obj;
	struct condis_miniport *native;
	struct condis_miniport_desc desc;
	NDIS_MINIPORT_CHARACTERISTICS chars;
	PDRIVER_OBJECT driver_object;
	PNDIS_UNLOAD_HANDLER unload;
	bool mcm, unloading;
	struct mutex lock;	/* protects adapters */
	struct list_head adapters;
	char name[NDIS_COMPAT_NAME_MAX];
};

/**
 * struct ndis5_adapter - what a 5.x MiniportAdapterHandle points at;
 *	condis's adapter context (and an MCM's CM binding context)
 * @obj: its header
 * @drv: its miniport driver
 * @native: condis's adapter, once registered
 * @context: the MiniportAdapterContext of NdisMSetAttributesEx()
 * @initializing: inside MiniportInitialize: AF registrations wait
 * @afs: the AFs the MCM registered
 * @nr_afs: how many
 * @node: in the driver's adapters
 * @name: its name
 */
struct ndis5_adapter {
	struct ndis_object obj;
	struct ndis5_miniport *drv;
	struct condis_adapter *native;
	NDIS_HANDLE context;
	bool initializing;
	struct ndis5_cm_reg afs[NDIS_COMPAT_MAX_AFS];
	unsigned int nr_afs;
	struct list_head node;
	char name[NDIS_COMPAT_NAME_MAX];
};

/**
 * struct ndis5_af - an open AF as one side sees it; that side's condis AF
 *	context
 * @ent: in the registry (key: the condis AF)
 * @ref: references: the registry's, and one per VC and SAP wrapper on it
 * @af: the condis AF
 * @ctx: the driver's ProtocolAfContext (client) or CallMgrAfContext (CM)
 * @binding: the client's or stand-alone call manager's binding
 * @adapter: the MCM's adapter (NULL for a stand-alone call manager)
 * @cl: the client's handlers (NdisClOpenAddressFamily)
 * @cm: the call manager's handlers (NdisMCmRegisterAddressFamily or
 *	NdisCmRegisterAddressFamily)
 * @lock: protects the notify flags and @saps
 * @in_notify: inside the OID_CO_AF_CLOSE request of a notify-close
 * @closed_in_notify: the client closed the AF inside it
 * @notify_pending: condis waits for the close (notify returned pending)
 * @saps: the client's SAP wrappers, freed with the AF
 */
struct ndis5_af {
	struct ndis5_ent ent;
	struct kref ref;
	struct condis_af *af;
	NDIS_HANDLE ctx;
	struct ndis5_binding *binding;
	struct ndis5_adapter *adapter;
	NDIS_CLIENT_CHARACTERISTICS cl;
	NDIS_CALL_MANAGER_CHARACTERISTICS cm;
	spinlock_t lock;	/* protects the notify flags and saps */
	bool in_notify, closed_in_notify, notify_pending;
	struct list_head saps;
};

/**
 * struct ndis5_sap - a SAP's wrapper: condis's SAP context
 * @ent: a call manager's: in the registry (key: the condis SAP)
 * @af: its AF wrapper
 * @ctx: the driver's ProtocolSapContext or CallMgrSapContext
 * @node: in the client AF's saps
 */
struct ndis5_sap {
	struct ndis5_ent ent;
	struct ndis5_af *af;
	NDIS_HANDLE ctx;
	struct list_head node;
};

/**
 * struct ndis5_vc - a VC as one 5.x driver sees it: condis's VC context
 * @ent: in the registry: a client's if it created the VC (%NDIS5_VC), a
 *	miniport's or MCM's always (%NDIS5_MP_VC)
 * @created: an MCM created it (NdisMCmCreateVc())
 * @vc: the condis VC
 * @af: the AF wrapper of a client or call manager, or NULL (a plain
 *	miniport's VC)
 * @adapter: the adapter, for a miniport's (or MCM's) VC
 * @ctx: the driver's ProtocolVcContext, CallMgrVcContext or
 *	MiniportVcContext
 */
struct ndis5_vc {
	struct ndis5_ent ent;
	bool created;
	struct condis_vc *vc;
	struct ndis5_af *af;
	struct ndis5_adapter *adapter;
	NDIS_HANDLE ctx;
};

/**
 * struct ndis5_req_wrap - an NDIS_REQUEST the compat layer gives a 5.x
 *	target for a condis request
 * @r: the request; NdisReserved starts with %NDIS5_REQ_WRAP_MAGIC
 * @origin: the condis request, or NULL (OID_CO_AF_CLOSE of a notify-close)
 * @ref: the call's and the completion's
 * @adapter: for a miniport's request: its adapter
 * @vc: for a miniport's request: the VC, or NULL
 */
struct ndis5_req_wrap {
	NDIS_REQUEST r;
	struct condis_oid_request *origin;
	refcount_t ref;
	struct ndis5_adapter *adapter;
	struct condis_vc *vc;
};

/* The registry (ndis5_registry.c). */
void ndis5_reg_add(struct ndis5_ent *e, const void *key, enum ndis5_role role);
void ndis5_reg_del(struct ndis5_ent *e);
struct ndis5_af *ndis5_af_find(const void *af, enum ndis5_role role);
struct ndis5_vc *ndis5_vc_find(const void *vc);
struct ndis5_vc *ndis5_mp_vc_find(const void *vc);
void ndis5_af_put(struct ndis5_af *a);
/* A call manager's SAP wrapper of the condis SAP @sap, or NULL. */
struct ndis5_sap *ndis5_cm_sap_find(NDIS_HANDLE sap);
/* A new AF wrapper of @af (NULL until an open completes), one reference held. */
struct ndis5_af *ndis5_af_new(struct condis_af *af);
/* Forget an AF wrapper: out of the registry, the registry's reference dropped. */
void ndis5_af_forget(struct ndis5_af *a);
/* A new VC wrapper, not yet in the registry; it holds a reference to @af. */
struct ndis5_vc *ndis5_vc_new(struct ndis5_af *af, struct ndis5_adapter *ad,
			      NDIS_HANDLE ctx);
/* Free a VC wrapper: out of the registry, its AF reference dropped. */
void ndis5_vc_free(struct ndis5_vc *v);

/* Requests (ndis5_request.c). */
/* A request wrapper for a 5.x target, with two references, or NULL. */
struct ndis5_req_wrap *ndis5_req_wrap(struct condis_oid_request *origin, u32 oid,
				      bool set);
/* Drop a reference to a request wrapper. */
void ndis5_req_wrap_put(struct ndis5_req_wrap *w);
/* A 5.x target's answer @st to wrapper @w, as a condis status. */
int ndis5_req_call(struct ndis5_req_wrap *w, NDIS_STATUS st);
/* A request a 5.x driver sent completed: to its AF's (or binding's) handler. */
void ndis5_req_done(struct condis_oid_request *req, void *vc_ctx, void *party_ctx,
		    int status, bool cm);

/* The client callbacks (ndis5_client.c); a 5.x protocol's cl_ops. */
extern const struct condis_cl_ops ndis5_cl_ops;
/* Delete a VC through the driver's @del; the wrapper goes if it succeeds. */
int ndis5_vc_delete(struct ndis5_vc *v, CO_DELETE_VC_HANDLER del);

/* The call-manager callbacks (ndis5_cm.c), of a 5.x protocol and an MCM. */
extern const struct condis_cm_ops ndis5_cm_ops;

static inline struct ndis5_binding *ndis5_binding_of(NDIS_HANDLE h)
{
	struct ndis_object *o = h;

	return o && o->magic == NDIS_COMPAT_MAGIC && o->kind == NDIS5_OBJ_BINDING ?
		(struct ndis5_binding *)o : NULL;
}

static inline struct ndis5_adapter *ndis5_adapter_of(NDIS_HANDLE h)
{
	struct ndis_object *o = h;

	return o && o->magic == NDIS_COMPAT_MAGIC && o->kind == NDIS5_OBJ_ADAPTER ?
		(struct ndis5_adapter *)o : NULL;
}

/* The driver's context behind a condis VC context of the 5.x layer. */
static inline NDIS_HANDLE ndis5_vc_ctx(void *vc_ctx)
{
	return vc_ctx ? ((struct ndis5_vc *)vc_ctx)->ctx : NULL;
}

/*
 * The hooks the shared CoNDIS functions (cocalls.c) call first: each
 * returns true and sets *@st if the handle was a 5.x one and the call was
 * handled.
 */
bool ndis5_co_create_vc(NDIS_HANDLE binding, NDIS_HANDLE af, NDIS_HANDLE ctx,
			PNDIS_HANDLE vc, NDIS_STATUS *st);
bool ndis5_co_delete_vc(NDIS_HANDLE vc, NDIS_STATUS *st);
bool ndis5_mcm_create_vc(NDIS_HANDLE adapter, NDIS_HANDLE af, NDIS_HANDLE ctx,
			 PNDIS_HANDLE vc, NDIS_STATUS *st);
bool ndis5_mcm_delete_vc(NDIS_HANDLE vc, NDIS_STATUS *st);
bool ndis5_cl_register_sap(NDIS_HANDLE af, NDIS_HANDLE ctx, PCO_SAP sap,
			   PNDIS_HANDLE sap_handle, NDIS_STATUS *st);
bool ndis5_cl_close_af(NDIS_HANDLE af, NDIS_STATUS *st);
bool ndis5_cl_party_refused(NDIS_HANDLE vc, NDIS_HANDLE party_ctx, NDIS_STATUS *st);
bool ndis5_cm_open_af_complete(NDIS_STATUS status, NDIS_HANDLE af, NDIS_HANDLE ctx);
bool ndis5_cm_close_af_complete(NDIS_STATUS status, NDIS_HANDLE af);
bool ndis5_cm_register_sap_complete(NDIS_STATUS status, NDIS_HANDLE sap, NDIS_HANDLE ctx);
bool ndis5_cm_deregister_sap_complete(NDIS_STATUS status, NDIS_HANDLE sap);

/* The data path (ndis5_data.c). */
void ndis5_co_receive(void *binding_ctx, void *vc_ctx, struct sk_buff_head *skbs,
		      unsigned int flags);
void ndis5_co_send_complete(void *vc_ctx, struct sk_buff_head *skbs);
void ndis5_mp_send(void *mp_vc_ctx, struct sk_buff_head *skbs);
void ndis5_mp_return_skbs(void *mp_vc_ctx, struct sk_buff_head *skbs);

#endif /* _NDIS5_INT_H */
