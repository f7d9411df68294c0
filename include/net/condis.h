/* SPDX-License-Identifier: GPL-2.0 */
/*
 * condis: the driver-facing API of the CoNDIS-compatible core.
 *
 * This header grows with the core.  Conventions that hold for every call:
 *
 * Status values: 0 is success, a negative errno is a failure, and
 * -EINPROGRESS (CONDIS_PENDING) means "pended: the completion callback will
 * report the result exactly once".  A status that a driver hands to condis
 * (a completion status, a callback's return value) reaches the other driver
 * unchanged, whatever its value, so NDIS status codes carried by the compat
 * layer round-trip exactly.
 *
 * Contexts: "Context: process" functions may sleep; "Context: any" ones
 * never sleep and may be called in softirq context or with a spinlock held
 * (NDIS's IRQL <= DISPATCH_LEVEL).
 */
#ifndef _NET_CONDIS_H
#define _NET_CONDIS_H

#include <linux/errno.h>
#include <linux/types.h>

/* A pended operation: its completion callback reports the result later. */
#define CONDIS_PENDING	(-EINPROGRESS)

/* Longest SAP address condis accepts, in bytes (NDIS CO_SAP.SapLength). */
#define CONDIS_SAP_ADDR_MAX	512

/**
 * struct condis_sap_addr - a service access point, as a client registers it
 * @type: the SapType; its meaning belongs to the call manager and medium
 * @len: number of bytes in @addr, at most %CONDIS_SAP_ADDR_MAX; 0 makes the
 *	SAP a wildcard for @type (see Documentation/sap-table.rst)
 * @addr: the address bytes, compared byte for byte
 *
 * The layout matches NDIS's CO_SAP so compat drivers pass theirs directly.
 */
struct condis_sap_addr {
	u32 type;
	u32 len;
	u8 addr[];
};

/*
 * Handles.  Every object condis creates is reached through an opaque
 * pointer.  condis checks each handle a driver passes in: NULL, a handle of
 * the wrong kind, or one whose object is gone (a "stale" handle) gets
 * -EBADF and a rate-limited warning, and changes nothing.  A handle stops
 * being valid for a driver at the point the kernel-doc of the call that
 * ends it says (for a SAP: as soon as the client calls
 * condis_cl_deregister_sap()).
 */
struct condis_protocol;		/* a registered protocol driver (client, CM) */
struct condis_miniport;		/* a registered CO miniport driver (plain or MCM) */
struct condis_adapter;		/* one adapter of a miniport driver */
struct condis_binding;		/* a protocol bound to an adapter */
struct condis_cm_af;		/* an address family a CM or MCM registered */
struct condis_af;		/* an open address family: one client <-> one CM */
struct condis_sap;		/* a SAP a client registered on an open AF */

/**
 * struct condis_af_type - an address family type, as NDIS's CO_ADDRESS_FAMILY
 * @family: the CO_ADDRESS_FAMILY_xxx value
 * @major: version of the call manager
 * @minor: version of the call manager
 */
struct condis_af_type {
	u32 family;
	u32 major;
	u32 minor;
};

/**
 * struct condis_protocol_ops - what every protocol driver provides
 * @bind_adapter: an adapter appeared (or existed when the protocol
 *	registered).  Open a binding with condis_open_adapter() and return
 *	0, or return a negative errno to stay unbound.  Context: process.
 * @unbind_adapter: the binding must go (adapter removal, protocol
 *	deregistration).  Close the AFs on it, then call
 *	condis_close_adapter(), before returning 0, or return
 *	%CONDIS_PENDING and call condis_close_adapter() later.
 *	Context: process.
 * @af_register_notify: a call manager registered @type on the adapter of
 *	this binding (also sent for AFs registered before the bind).  A
 *	client that wants it calls condis_cl_open_af().  Context: process.
 */
struct condis_protocol_ops {
	int (*bind_adapter)(void *proto_priv, struct condis_adapter *adapter);
	int (*unbind_adapter)(void *binding_ctx, struct condis_binding *binding);
	void (*af_register_notify)(void *binding_ctx, const struct condis_af_type *type);
};

/**
 * struct condis_cl_ops - a client's callbacks (NDIS_CO_CLIENT_OPTIONAL_HANDLERS)
 * @open_af_complete: the result of condis_cl_open_af(); on failure @af is
 *	NULL.  Context: process.
 * @close_af_complete: the result of condis_cl_close_af().  0: the AF is
 *	gone; -EBUSY: SAPs were still registered on it and it stays
 *	open.  Context: process.
 * @register_sap_complete: the result of a condis_cl_register_sap() that
 *	returned %CONDIS_PENDING; on failure @sap is gone.  Context: any.
 * @deregister_sap_complete: the result of condis_cl_deregister_sap(),
 *	exactly once per call that returned %CONDIS_PENDING.  Context: any.
 * @notify_close_af: the call manager wants the AF closed (it is unbinding
 *	or halting).  Deregister the SAPs, close the calls, then call
 *	condis_cl_close_af(); return 0 if that is all done, or
 *	%CONDIS_PENDING and call condis_cl_notify_close_af_complete() when it
 *	is.  The AF handle stays usable until then.  Never wait for
 *	close_af_complete here: it cannot come before this
 *	returns.  Context: process.
 */
struct condis_cl_ops {
	void (*open_af_complete)(void *cl_af_ctx, struct condis_af *af, int status);
	void (*close_af_complete)(int status, void *cl_af_ctx);
	void (*register_sap_complete)(int status, void *cl_sap_ctx,
				      const struct condis_sap_addr *addr, struct condis_sap *sap);
	void (*deregister_sap_complete)(int status, void *cl_sap_ctx);
	int (*notify_close_af)(void *cl_af_ctx);
};

/**
 * struct condis_cm_ops - a call manager's callbacks
 *	(NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS), for stand-alone CMs and MCMs
 * @open_af: a client opens an AF of this CM.  @cm_binding_ctx is the CM's
 *	binding context (an MCM's adapter context).  Store @af, set
 *	*@cm_af_ctx and return 0, fail, or return %CONDIS_PENDING and call
 *	condis_cm_open_af_complete().  Context: any.
 * @close_af: the client closes the AF.  Return 0 or %CONDIS_PENDING and
 *	call condis_cm_close_af_complete().  Context: any.
 * @register_sap: a client registers @addr.  Return 0, an error, or
 *	%CONDIS_PENDING and call condis_cm_register_sap_complete().
 *	Incoming calls may be routed to @sap before it completes.
 *	Context: any.
 * @deregister_sap: the client deregistered the SAP: free what was
 *	allocated for it.  Return 0 or %CONDIS_PENDING and call
 *	condis_cm_deregister_sap_complete().  Context: process (condis's
 *	workqueue), but a CM must not rely on sleeping.
 * @notify_close_af_complete: the client finished a notify-close that
 *	condis_cm_notify_close_af() reported as pending; called once, with
 *	the client's status.  Context: process (condis's workqueue).
 */
struct condis_cm_ops {
	int (*open_af)(void *cm_binding_ctx, const struct condis_af_type *type,
		       struct condis_af *af, void **cm_af_ctx);
	int (*close_af)(void *cm_af_ctx);
	int (*register_sap)(void *cm_af_ctx, const struct condis_sap_addr *addr,
			    struct condis_sap *sap, void **cm_sap_ctx);
	int (*deregister_sap)(void *cm_sap_ctx);
	void (*notify_close_af_complete)(void *cm_af_ctx, int status);
};

/**
 * struct condis_protocol_desc - how a protocol driver registers
 * @name: shown in debugfs and traces
 * @ops: binding callbacks; required
 * @cl_ops: client callbacks, or NULL if the protocol is no client
 * @cm_ops: call-manager callbacks, or NULL if it is no stand-alone CM
 */
struct condis_protocol_desc {
	const char *name;
	const struct condis_protocol_ops *ops;
	const struct condis_cl_ops *cl_ops;
	const struct condis_cm_ops *cm_ops;
};

/**
 * struct condis_miniport_desc - how a CO miniport driver registers
 * @name: shown in debugfs and traces
 * @cm_ops: call-manager callbacks if the miniport is an MCM, else NULL
 */
struct condis_miniport_desc {
	const char *name;
	const struct condis_cm_ops *cm_ops;
};

int condis_register_protocol(const struct condis_protocol_desc *desc, void *priv,
			     struct condis_protocol **protocol);
void condis_deregister_protocol(struct condis_protocol *protocol);
int condis_register_miniport(const struct condis_miniport_desc *desc, void *priv,
			     struct condis_miniport **miniport);
void condis_deregister_miniport(struct condis_miniport *miniport);

int condis_adapter_register(struct condis_miniport *miniport, const char *name,
			    void *adapter_ctx, struct condis_adapter **adapter);
void condis_adapter_unregister(struct condis_adapter *adapter);

int condis_open_adapter(struct condis_protocol *protocol, struct condis_adapter *adapter,
			void *binding_ctx, struct condis_binding **binding);
int condis_close_adapter(struct condis_binding *binding);

int condis_cm_register_af(struct condis_binding *binding, const struct condis_af_type *type,
			  struct condis_cm_af **cm_af);
int condis_mcm_register_af(struct condis_adapter *adapter, const struct condis_af_type *type,
			   struct condis_cm_af **cm_af);

int condis_cl_open_af(struct condis_binding *binding, const struct condis_af_type *type,
		      void *cl_af_ctx, struct condis_af **af);
void condis_cm_open_af_complete(int status, struct condis_af *af, void *cm_af_ctx);
int condis_cl_close_af(struct condis_af *af);
void condis_cm_close_af_complete(int status, struct condis_af *af);
int condis_cm_notify_close_af(struct condis_af *af);
void condis_cl_notify_close_af_complete(struct condis_af *af, int status);

int condis_cl_register_sap(struct condis_af *af, void *cl_sap_ctx,
			   const struct condis_sap_addr *addr, struct condis_sap **sap);
void condis_cm_register_sap_complete(int status, struct condis_sap *sap, void *cm_sap_ctx);
int condis_cl_deregister_sap(struct condis_sap *sap);
void condis_cm_deregister_sap_complete(int status, struct condis_sap *sap);

struct condis_sap *condis_cm_lookup_sap(struct condis_cm_af *cm_af,
					const struct condis_sap_addr *addr);
void *condis_sap_cm_context(struct condis_sap *sap);
struct condis_af *condis_sap_af(struct condis_sap *sap);
void condis_sap_put(struct condis_sap *sap);

#endif /* _NET_CONDIS_H */
