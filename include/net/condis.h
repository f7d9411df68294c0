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
 * never sleep and may be called in softirq context or with a BH-disabling
 * spinlock held (NDIS's IRQL <= DISPATCH_LEVEL), but not with hard
 * interrupts disabled.
 */
#ifndef _NET_CONDIS_H
#define _NET_CONDIS_H

#include <linux/errno.h>
#include <linux/skbuff.h>
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
struct condis_vc;		/* a virtual connection */
struct condis_party;		/* a leaf of a point-to-multipoint call */

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
 * struct condis_flow_spec - QoS of one direction of a call (NDIS FLOWSPEC)
 * @token_rate: bytes per second
 * @token_bucket_size: bytes
 * @peak_bandwidth: bytes per second
 * @latency: microseconds
 * @delay_variation: microseconds
 * @service_type: SERVICETYPE_xxx
 * @max_sdu_size: bytes
 * @minimum_policed_size: bytes
 *
 * 0xffffffff is "not specified", as in NDIS.
 */
struct condis_flow_spec {
	u32 token_rate;
	u32 token_bucket_size;
	u32 peak_bandwidth;
	u32 latency;
	u32 delay_variation;
	u32 service_type;
	u32 max_sdu_size;
	u32 minimum_policed_size;
};

/**
 * struct condis_specific_params - a CM- or media-specific blob
 *	(CO_SPECIFIC_PARAMETERS)
 * @type: its tag, defined by the CM or medium
 * @len: bytes in @data
 * @data: the blob
 */
struct condis_specific_params {
	u32 type;
	u32 len;
	u8 data[];
};

/**
 * struct condis_cm_params - what a call manager sets a call up with
 *	(CO_CALL_MANAGER_PARAMETERS)
 * @transmit: QoS towards the peer
 * @receive: QoS from the peer
 * @specific: call-manager-specific parameters; last, variable length
 */
struct condis_cm_params {
	struct condis_flow_spec transmit;
	struct condis_flow_spec receive;
	struct condis_specific_params specific;
};

/* condis_media_params.flags, as CO_MEDIA_PARAMETERS.Flags */
#define CONDIS_MEDIA_TRANSMIT_VC	0x00000004
#define CONDIS_MEDIA_RECEIVE_VC		0x00000008
#define CONDIS_MEDIA_ROUND_DOWN_FLOW	0x00000080
#define CONDIS_MEDIA_ROUND_UP_FLOW	0x00000100

/**
 * struct condis_media_params - what a miniport activates a VC with
 *	(CO_MEDIA_PARAMETERS)
 * @flags: CONDIS_MEDIA_xxx
 * @receive_priority: as NDIS
 * @receive_size_hint: as NDIS
 * @specific: media-specific parameters; last, variable length.  Pointer
 *	aligned, as the WDK's POINTER_ALIGNMENT puts MediaSpecific (offset 16
 *	on 64-bit), so an NDIS driver's buffers are condis's as they are.
 */
struct condis_media_params {
	u32 flags;
	u32 receive_priority;
	u32 receive_size_hint;
	struct condis_specific_params specific __aligned(sizeof(void *));
};

/* condis_call_params.flags, as CO_CALL_PARAMETERS.Flags */
#define CONDIS_CALL_PERMANENT_VC	0x00000001
#define CONDIS_CALL_PARAMETERS_CHANGED	0x00000002

/**
 * struct condis_call_params - the parameters of a call (CO_CALL_PARAMETERS)
 * @flags: CONDIS_CALL_xxx
 * @cm: the call manager's part, or NULL
 * @media: the miniport's part, or NULL
 *
 * The buffer belongs to whoever passed it and stays lent to the callee
 * until the operation completes; condis copies nothing.
 */
struct condis_call_params {
	u32 flags;
	struct condis_cm_params *cm;
	struct condis_media_params *media;
};

/* An OID request's kind (NDIS_OID_REQUEST.RequestType). */
enum condis_oid_type {
	CONDIS_OID_QUERY,
	CONDIS_OID_SET,
};

/**
 * struct condis_oid_request - a CoNDIS OID request (NDIS_OID_REQUEST)
 * @type: query or set
 * @oid: the OID_xxx code
 * @buf: the requester's buffer, lent to the target until the request
 *	completes
 * @len: bytes in @buf
 * @bytes_done: set by the target: bytes written (query) or read (set)
 * @bytes_needed: set by the target when @len is too short
 */
struct condis_oid_request {
	enum condis_oid_type type;
	u32 oid;
	void *buf;
	u32 len;
	u32 bytes_done;
	u32 bytes_needed;
};

/* The CoNDIS OIDs condis itself knows (client <-> call manager). */
#define CONDIS_OID_CO_ADD_PVC			0xFE000001
#define CONDIS_OID_CO_DELETE_PVC		0xFE000002
#define CONDIS_OID_CO_GET_CALL_INFORMATION	0xFE000003
#define CONDIS_OID_CO_ADD_ADDRESS		0xFE000004
#define CONDIS_OID_CO_DELETE_ADDRESS		0xFE000005
#define CONDIS_OID_CO_GET_ADDRESSES		0xFE000006
#define CONDIS_OID_CO_ADDRESS_CHANGE		0xFE000007
#define CONDIS_OID_CO_SIGNALING_ENABLED		0xFE000008
#define CONDIS_OID_CO_SIGNALING_DISABLED	0xFE000009
#define CONDIS_OID_CO_AF_CLOSE			0xFE00000A

/**
 * struct condis_status_indication - a status a miniport indicates
 *	(NDIS_STATUS_INDICATION)
 * @code: the NDIS_STATUS_xxx code of the event (media connect, ...)
 * @buf: its data, valid only during the co_status callback, or NULL
 * @len: bytes in @buf
 */
struct condis_status_indication {
	int code;
	const void *buf;
	u32 len;
};

/* Status codes of the link state (NDIS_STATUS_MEDIA_xxx), for co_status. */
#define CONDIS_STATUS_MEDIA_CONNECT	0x4001000B
#define CONDIS_STATUS_MEDIA_DISCONNECT	0x4001000C

/*
 * OID_GEN_CO_MEDIA_CONNECT_STATUS: a u32, CONDIS_MEDIA_STATE_CONNECTED (0)
 * or CONDIS_MEDIA_STATE_DISCONNECTED (1), as NdisMediaStateXxx.
 */
#define CONDIS_OID_GEN_CO_MEDIA_CONNECT_STATUS	0x00010114
#define CONDIS_MEDIA_STATE_CONNECTED		0
#define CONDIS_MEDIA_STATE_DISCONNECTED		1

/* Longest status data condis passes on, in bytes. */
#define CONDIS_STATUS_BUF_MAX	256

/**
 * struct condis_skb_cb - what condis keeps in skb->cb on the VC data path
 * @status: set by the miniport before it completes a send: 0, or why the
 *	packet was not sent (NET_BUFFER_LIST.Status)
 * @vc: the VC the skb travels on (NET_BUFFER_LIST.SourceHandle), set by
 *	condis on every skb it hands to a driver: to the miniport's send, to
 *	the sender's co_send_complete and to the owner's co_receive.  Valid
 *	when that callback starts; the driver holding the skb may reuse it.
 *
 * The rest of skb->cb belongs to whichever driver holds the skb.  condis
 * keeps nothing of its own there while a driver holds an skb: it knows the
 * skbs out on each VC by their address, and takes a send completion or a
 * return only of those (see Documentation/core.rst, the data path).
 */
struct condis_skb_cb {
	int status;
	struct condis_vc *vc;
};

#define CONDIS_SKB_CB(skb)	((struct condis_skb_cb *)(skb)->cb)

/* condis_mco_indicate_receive() flags */
#define CONDIS_RECEIVE_RESOURCES	0x1	/* copy now: the skbs go back on return */

/*
 * Contexts condis keeps.  A driver gives condis a context for each
 * binding, AF, SAP, VC and party it has a part in: as an argument of the
 * call that creates the object (condis_open_adapter(), condis_cl_open_af(),
 * condis_co_create_vc(), ...), through an out parameter of a callback
 * (open_af, create_vc, make_call, ...) or with a completion
 * (condis_cm_open_af_complete(), ...), and condis passes it back in that
 * driver's callbacks.  A driver whose ops table has release_ctx learns
 * when condis is done with each one: it is called once for every non-NULL
 * context condis kept, when the object holding it is freed (after the
 * last callback that passes it), when a completion replaces it with
 * another, or at once when condis refuses the successful completion (a
 * second one) or handler return that gave it.  condis keeps no context of
 * a call that fails (returns an error other than %CONDIS_PENDING), nor one
 * that a failing callback set, except the party context make_call and
 * add_party set, which is kept whatever they return.  release_ctx may run
 * after the driver deregistered: whoever provides it (ndis.ko, whose
 * wrapper contexts tell its callbacks which NDIS driver they are for)
 * must stay loaded until the objects are freed.
 */

/**
 * struct condis_protocol_ops - what every protocol driver provides
 * @bind_adapter: an adapter appeared (or existed when the protocol
 *	registered).  Open a binding with condis_open_adapter() and return
 *	0, or return a negative errno to stay unbound.  Context: process.
 * @unbind_adapter: the binding must go (adapter removal, protocol
 *	deregistration).  Close the AFs on it, then call
 *	condis_close_adapter(), before returning 0, or return
 *	%CONDIS_PENDING and call condis_close_adapter() later.  Context: process.
 * @af_register_notify: a call manager registered @type on the adapter of
 *	this binding (also sent for AFs registered before the bind).  A
 *	client that wants it calls condis_cl_open_af().  Context: process.
 * @co_receive: packets arrived on a VC this protocol owns (its client's
 *	data VC, or a CM's signalling VC) (ProtocolCoReceiveNetBufferLists).
 *	Take the skbs off @skbs to keep them and hand each back later, once,
 *	with condis_co_return_skbs() on this VC; those left on the list are
 *	returned when this returns.  With %CONDIS_RECEIVE_RESOURCES copy
 *	what you need: nothing may be kept.  May run on several CPUs at
 *	once.  Context: any.
 * @co_send_complete: the miniport is done with skbs sent on the VC
 *	(ProtocolCoSendNetBufferListsComplete); CONDIS_SKB_CB(skb)->status
 *	says how each fared; the skbs are the protocol's again.  In any order
 *	and batched.  Context: any.
 * @co_status: the miniport indicated a status (ProtocolCoStatusEx):
 *	for the adapter (@vc_ctx NULL) or for a VC this protocol shares
 *	(@vc_ctx its context).  Never two at a time for one binding.
 *	Context: any.
 * @release_ctx: optional: condis will never pass @binding_ctx again: the
 *	binding object is freed, after its last callback (see "Contexts
 *	condis keeps" above; not for a condis_open_adapter() that failed),
 *	in any context (an RCU callback).
 */
struct condis_protocol_ops {
	int (*bind_adapter)(void *proto_priv, struct condis_adapter *adapter);
	int (*unbind_adapter)(void *binding_ctx, struct condis_binding *binding);
	void (*af_register_notify)(void *binding_ctx, const struct condis_af_type *type);
	void (*co_status)(void *binding_ctx, void *vc_ctx,
			  const struct condis_status_indication *ind);
	void (*co_receive)(void *binding_ctx, void *vc_ctx, struct sk_buff_head *skbs,
			   unsigned int flags);
	void (*co_send_complete)(void *vc_ctx, struct sk_buff_head *skbs);
	void (*release_ctx)(void *binding_ctx);
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
 * @create_vc: the call manager created @vc on this AF for an incoming
 *	call (ProtocolCoCreateVc).  Set *@cl_vc_ctx and return 0, or fail;
 *	never %CONDIS_PENDING.  Context: any.
 * @delete_vc: the VC's creator deleted it (ProtocolCoDeleteVc); the VC
 *	handle is stale once this returns 0.  Return an error to refuse
 *	(operations still outstanding).  Context: any.
 * @make_call_complete: the result of a condis_cl_make_call() that returned
 *	%CONDIS_PENDING, once; @party is the first party of a multipoint call
 *	(NULL on failure or for a point-to-point call); @params is the buffer
 *	the client lent, possibly changed by the CM
 *	(%CONDIS_CALL_PARAMETERS_CHANGED).  On failure the client deletes or
 *	reuses the VC.  Context: process (condis's workqueue).
 * @close_call_complete: the result of a condis_cl_close_call() that
 *	returned %CONDIS_PENDING, once, from condis's workqueue (process
 *	context); @cl_party_ctx is the last party's, or NULL.  0: the call is
 *	closed and the VC deactivated; a VC the call manager created is no
 *	longer the client's.
 * @add_party_complete: the result of a condis_cl_add_party() that returned
 *	%CONDIS_PENDING, once, from condis's workqueue; on failure @party is
 *	NULL and the party gone.
 * @drop_party_complete: the result of a condis_cl_drop_party() that
 *	returned %CONDIS_PENDING, once, from condis's workqueue.
 * @incoming_drop_party: the network dropped a leaf (not the last one:
 *	that comes as incoming_close_call); answer with
 *	condis_cl_drop_party().  Context: any.
 * @modify_call_qos_complete: the result of a condis_cl_modify_call_qos()
 *	that returned %CONDIS_PENDING, once, from condis's workqueue; @params
 *	holds the new QoS, or the old one restored on failure.
 * @incoming_call_qos_change: the peer changed the call's QoS and the VC
 *	already runs with @params.  Return to accept; to refuse, close the
 *	call.  Context: any.
 * @oid_request: the call manager sends an OID on this AF (and VC or
 *	party, or NULL contexts for the AF as a whole): return a status, or
 *	%CONDIS_PENDING and call condis_co_oid_request_complete().
 *	Context: any.
 * @oid_request_complete: a request this client sent with
 *	condis_co_oid_request() and that returned %CONDIS_PENDING is done;
 *	once, from condis's workqueue, possibly before that call returned.
 *	The contexts are the client's for the AF, VC and party it named.
 * @incoming_call: the call manager offers a call on the client's SAP
 *	@cl_sap_ctx, on a VC it created and activated (create_vc came first).
 *	Return 0 to accept, an error to reject, or %CONDIS_PENDING and answer
 *	with condis_cl_incoming_call_complete().  The client may change
 *	@params and set %CONDIS_CALL_PARAMETERS_CHANGED.  Context: any.
 * @call_connected: an accepted incoming call is up; data may flow.  Context: any.
 * @incoming_close_call: the peer or the network closed the call (@status
 *	0: an orderly release), or the call manager refused the client's
 *	changed parameters.  Stop using the VC and call
 *	condis_cl_close_call(); with a non-zero @status a VC the client
 *	created must then be deleted, not reused.  @data holds @size bytes
 *	the peer sent, or is NULL.  Context: any.
 * @release_ctx: optional: condis will never pass @ctx, an AF, SAP, VC or
 *	party context of this client, again (see "Contexts condis keeps"
 *	above).  Context: any (an RCU callback or condis's workqueue).
 */
struct condis_cl_ops {
	void (*open_af_complete)(void *cl_af_ctx, struct condis_af *af, int status);
	void (*close_af_complete)(int status, void *cl_af_ctx);
	void (*register_sap_complete)(int status, void *cl_sap_ctx,
				      const struct condis_sap_addr *addr, struct condis_sap *sap);
	void (*deregister_sap_complete)(int status, void *cl_sap_ctx);
	int (*notify_close_af)(void *cl_af_ctx);
	int (*create_vc)(void *cl_af_ctx, struct condis_vc *vc, void **cl_vc_ctx);
	int (*delete_vc)(void *cl_vc_ctx);
	void (*make_call_complete)(int status, void *cl_vc_ctx, struct condis_party *party,
				   struct condis_call_params *params);
	void (*close_call_complete)(int status, void *cl_vc_ctx, void *cl_party_ctx);
	int (*incoming_call)(void *cl_sap_ctx, void *cl_vc_ctx, struct condis_call_params *params);
	void (*call_connected)(void *cl_vc_ctx);
	void (*incoming_close_call)(int status, void *cl_vc_ctx, void *data, unsigned int size);
	void (*add_party_complete)(int status, void *cl_party_ctx, struct condis_party *party,
				   struct condis_call_params *params);
	void (*drop_party_complete)(int status, void *cl_party_ctx);
	void (*incoming_drop_party)(int status, void *cl_party_ctx, void *data, unsigned int size);
	void (*modify_call_qos_complete)(int status, void *cl_vc_ctx,
					 struct condis_call_params *params);
	void (*incoming_call_qos_change)(void *cl_vc_ctx, struct condis_call_params *params);
	int (*oid_request)(void *cl_af_ctx, void *cl_vc_ctx, void *cl_party_ctx,
			   struct condis_oid_request *req);
	void (*oid_request_complete)(void *cl_af_ctx, void *cl_vc_ctx, void *cl_party_ctx,
				     struct condis_oid_request *req, int status);
	void (*release_ctx)(void *ctx);
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
 *	Incoming calls may be routed to @sap before it completes.  Context: any.
 * @deregister_sap: the client deregistered the SAP: free what was
 *	allocated for it.  Return 0 or %CONDIS_PENDING and call
 *	condis_cm_deregister_sap_complete().  Context: process (condis's
 *	workqueue), but a CM must not rely on sleeping.
 * @notify_close_af_complete: the client finished a notify-close that
 *	condis_cm_notify_close_af() reported as pending; called once, with
 *	the client's status.  Context: process (condis's workqueue).
 * @create_vc: a client created @vc on this AF for an outgoing call
 *	(ProtocolCoCreateVc); as &condis_cl_ops.create_vc.  An MCM's replaces
 *	the miniport's VC creation for client VCs.
 * @delete_vc: as &condis_cl_ops.delete_vc.
 * @activate_vc_complete: the result of a condis_cm_activate_vc() that
 *	returned %CONDIS_PENDING, once, from condis's workqueue.  Not used
 *	for an MCM.
 * @deactivate_vc_complete: the same for condis_cm_deactivate_vc().
 * @make_call: the client places a call on its VC with @params, a buffer
 *	lent until the call completes, which the CM may rewrite (setting
 *	%CONDIS_CALL_PARAMETERS_CHANGED).  @party is non-NULL for a
 *	point-to-multipoint call: set *@cm_party_ctx for it.  Activate the VC,
 *	then return 0; return an error; or return %CONDIS_PENDING and call
 *	condis_cm_make_call_complete(), which is mandatory even on
 *	failure.  Context: any.
 * @close_call: the client closes the call (@data, @size: bytes to send
 *	to the peer, or NULL; @cm_party_ctx: the last party's, or NULL).
 *	Release the call, deactivate the VC, then return 0 or complete with
 *	condis_cm_close_call_complete() after %CONDIS_PENDING.  Context: any.
 * @add_party: the client adds a leaf @party to its multipoint call; set
 *	*@cm_party_ctx, and return 0, an error, or %CONDIS_PENDING and call
 *	condis_cm_add_party_complete().  Context: any.
 * @drop_party: the client drops a leaf (never the last one); free its
 *	state and return 0 or %CONDIS_PENDING and call
 *	condis_cm_drop_party_complete().  Context: any.
 * @modify_call_qos: the client asks for new QoS on a connected call.
 *	Negotiate, re-activate the VC with the new parameters, then return 0
 *	or complete with condis_cm_modify_call_qos_complete() after
 *	%CONDIS_PENDING; on failure leave the VC as it was.  Return
 *	-EOPNOTSUPP if the medium has no QoS.  Context: any.
 * @oid_request: a client sends an OID to the call manager on this AF:
 *	as &condis_cl_ops.oid_request (an MCM answers with the same
 *	condis_co_oid_request_complete()).
 * @oid_request_complete: as &condis_cl_ops.oid_request_complete, for
 *	requests the CM sent with condis_co_oid_request() (an MCM: with
 *	condis_mcm_oid_request(), or to its own miniport part).
 * @incoming_call_complete: the client's answer to an offer that
 *	condis_cm_dispatch_incoming_call() reported as pending, once: 0
 *	accepted (then condis_cm_dispatch_call_connected() or, if the changed
 *	@params are unacceptable, condis_cm_dispatch_incoming_close_call()),
 *	otherwise rejected (deactivate and delete or reuse the VC).  From
 *	condis's workqueue (process context).
 * @release_ctx: optional: as &condis_cl_ops.release_ctx, for this call
 *	manager's AF, SAP, VC and party contexts (an MCM's VC contexts
 *	included).
 */
struct condis_cm_ops {
	int (*open_af)(void *cm_binding_ctx, const struct condis_af_type *type,
		       struct condis_af *af, void **cm_af_ctx);
	int (*close_af)(void *cm_af_ctx);
	int (*register_sap)(void *cm_af_ctx, const struct condis_sap_addr *addr,
			    struct condis_sap *sap, void **cm_sap_ctx);
	int (*deregister_sap)(void *cm_sap_ctx);
	void (*notify_close_af_complete)(void *cm_af_ctx, int status);
	int (*create_vc)(void *cm_af_ctx, struct condis_vc *vc, void **cm_vc_ctx);
	int (*delete_vc)(void *cm_vc_ctx);
	void (*activate_vc_complete)(int status, void *cm_vc_ctx,
				     struct condis_call_params *params);
	void (*deactivate_vc_complete)(int status, void *cm_vc_ctx);
	int (*make_call)(void *cm_vc_ctx, struct condis_call_params *params,
			 struct condis_party *party, void **cm_party_ctx);
	int (*close_call)(void *cm_vc_ctx, void *cm_party_ctx, void *data, unsigned int size);
	void (*incoming_call_complete)(int status, void *cm_vc_ctx,
				       struct condis_call_params *params);
	int (*add_party)(void *cm_vc_ctx, struct condis_call_params *params,
			 struct condis_party *party, void **cm_party_ctx);
	int (*drop_party)(void *cm_party_ctx, void *data, unsigned int size);
	int (*modify_call_qos)(void *cm_vc_ctx, struct condis_call_params *params);
	int (*oid_request)(void *cm_af_ctx, void *cm_vc_ctx, void *cm_party_ctx,
			   struct condis_oid_request *req);
	void (*oid_request_complete)(void *cm_af_ctx, void *cm_vc_ctx, void *cm_party_ctx,
				     struct condis_oid_request *req, int status);
	void (*release_ctx)(void *ctx);
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
 * struct condis_miniport_ops - a CO miniport's VC handlers
 *	(NDIS_MINIPORT_CO_CHARACTERISTICS)
 * @create_vc: make per-VC state for @vc (MiniportCoCreateVc); never
 *	%CONDIS_PENDING.  NULL for an MCM.  Context: any.
 * @delete_vc: free it (MiniportCoDeleteVc).  NULL for an MCM.  Context: any.
 * @activate_vc: set the VC up, or change it, with @params
 *	(MiniportCoActivateVc): 0, an error, or %CONDIS_PENDING and
 *	condis_mco_activate_vc_complete().  A failed re-activation must leave
 *	the VC working with its old parameters.  Context: any.
 * @deactivate_vc: stop the VC (MiniportCoDeactivateVc): 0 or
 *	%CONDIS_PENDING and condis_mco_deactivate_vc_complete().  Context: any.
 * @send: transmit the skbs on @skbs, in order, taking them off the list
 *	(MiniportCoSendNetBufferLists); complete every one, once, with
 *	condis_mco_send_complete() on the same VC, in any order and
 *	batches.  Required of every CO miniport, an MCM included.
 *	Context: any.
 * @return_skbs: a protocol hands back received skbs it kept
 *	(MiniportReturnNetBufferLists).  Required.  Context: any.
 * @oid_request: an OID for the adapter, or for one VC when @mp_vc_ctx is
 *	not NULL (MiniportCoOidRequest): a status, or %CONDIS_PENDING and
 *	condis_mco_oid_request_complete().  Requests are not serialised.
 *	Optional (-EOPNOTSUPP without it); an MCM's miniport part may have
 *	one too.  Context: any.
 * @release_ctx: optional: as &condis_cl_ops.release_ctx, for the VC
 *	contexts of a plain miniport (an MCM's go to its &condis_cm_ops).
 */
struct condis_miniport_ops {
	int (*create_vc)(void *adapter_ctx, struct condis_vc *vc, void **mp_vc_ctx);
	int (*delete_vc)(void *mp_vc_ctx);
	int (*activate_vc)(void *mp_vc_ctx, struct condis_call_params *params);
	int (*deactivate_vc)(void *mp_vc_ctx);
	int (*oid_request)(void *adapter_ctx, void *mp_vc_ctx, struct condis_oid_request *req);
	void (*send)(void *mp_vc_ctx, struct sk_buff_head *skbs);
	void (*return_skbs)(void *mp_vc_ctx, struct sk_buff_head *skbs);
	void (*release_ctx)(void *ctx);
};

/**
 * struct condis_miniport_desc - how a CO miniport driver registers
 * @name: shown in debugfs and traces
 * @ops: VC and data handlers; send and return_skbs are required of every
 *	CO miniport; create_vc, delete_vc, activate_vc and deactivate_vc of a
 *	plain one (an MCM's are unused)
 * @cm_ops: call-manager callbacks if the miniport is an MCM, else NULL
 */
struct condis_miniport_desc {
	const char *name;
	const struct condis_miniport_ops *ops;
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
const char *condis_adapter_name(struct condis_adapter *adapter);

int condis_open_adapter(struct condis_protocol *protocol, struct condis_adapter *adapter,
			void *binding_ctx, struct condis_binding **binding);
int condis_close_adapter(struct condis_binding *binding);
int condis_request_unbind(struct condis_binding *binding);

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

int condis_co_create_vc(struct condis_binding *binding, struct condis_af *af, void *vc_ctx,
			struct condis_vc **vc);
int condis_co_delete_vc(struct condis_vc *vc);
int condis_mcm_create_vc(struct condis_adapter *adapter, struct condis_af *af, void *mp_vc_ctx,
			 struct condis_vc **vc);
int condis_mcm_delete_vc(struct condis_vc *vc);
int condis_cm_activate_vc(struct condis_vc *vc, struct condis_call_params *params);
void condis_mco_activate_vc_complete(int status, struct condis_vc *vc,
				     struct condis_call_params *params);
int condis_cm_deactivate_vc(struct condis_vc *vc);
void condis_mco_deactivate_vc_complete(int status, struct condis_vc *vc);
int condis_mcm_activate_vc(struct condis_vc *vc, struct condis_call_params *params);
int condis_mcm_deactivate_vc(struct condis_vc *vc);

int condis_cl_make_call(struct condis_vc *vc, struct condis_call_params *params,
			void *cl_party_ctx, struct condis_party **party);
void condis_cm_make_call_complete(int status, struct condis_vc *vc, void *cm_party_ctx,
				  struct condis_call_params *params);
int condis_cl_close_call(struct condis_vc *vc, struct condis_party *party, void *data,
			 unsigned int size);
void condis_cm_close_call_complete(int status, struct condis_vc *vc);
int condis_cm_dispatch_incoming_call(struct condis_sap *sap, struct condis_vc *vc,
				     struct condis_call_params *params);
void condis_cl_incoming_call_complete(int status, struct condis_vc *vc,
				      struct condis_call_params *params);
int condis_cm_dispatch_call_connected(struct condis_vc *vc);
int condis_cm_dispatch_incoming_close_call(int status, struct condis_vc *vc, void *data,
					   unsigned int size);

int condis_cl_add_party(struct condis_vc *vc, void *cl_party_ctx,
			struct condis_call_params *params, struct condis_party **party);
void condis_cm_add_party_complete(int status, struct condis_party *party, void *cm_party_ctx,
				  struct condis_call_params *params);
int condis_cl_drop_party(struct condis_party *party, void *data, unsigned int size);
void condis_cm_drop_party_complete(int status, struct condis_party *party);
int condis_cm_dispatch_incoming_drop_party(int status, struct condis_party *party, void *data,
					   unsigned int size);

int condis_co_send(struct condis_vc *vc, struct sk_buff_head *skbs);
void condis_mco_send_complete(struct condis_vc *vc, struct sk_buff_head *skbs);
int condis_mco_indicate_receive(struct condis_vc *vc, struct sk_buff_head *skbs,
				unsigned int flags);
void condis_co_return_skbs(struct condis_vc *vc, struct sk_buff_head *skbs);
void *condis_vc_owner_context(struct condis_vc *vc);
void *condis_driver_priv(const void *handle, bool cm);

int condis_mco_indicate_status(struct condis_adapter *adapter, struct condis_vc *vc,
			       const struct condis_status_indication *ind);

int condis_co_oid_request(struct condis_binding *binding, struct condis_af *af,
			  struct condis_vc *vc, struct condis_party *party,
			  struct condis_oid_request *req);
int condis_mcm_oid_request(struct condis_af *af, struct condis_vc *vc, struct condis_party *party,
			   struct condis_oid_request *req);
void condis_co_oid_request_complete(struct condis_af *af, struct condis_vc *vc,
				    struct condis_party *party, struct condis_oid_request *req,
				    int status);
void condis_mco_oid_request_complete(struct condis_adapter *adapter, struct condis_vc *vc,
				     struct condis_oid_request *req, int status);

int condis_cl_modify_call_qos(struct condis_vc *vc, struct condis_call_params *params);
void condis_cm_modify_call_qos_complete(int status, struct condis_vc *vc,
					struct condis_call_params *params);
int condis_cm_dispatch_incoming_call_qos_change(struct condis_vc *vc,
						struct condis_call_params *params);

struct condis_sap *condis_cm_lookup_sap(struct condis_cm_af *cm_af,
					const struct condis_sap_addr *addr);
void *condis_sap_cm_context(struct condis_sap *sap);
struct condis_af *condis_sap_af(struct condis_sap *sap);
void condis_sap_put(struct condis_sap *sap);

#endif /* _NET_CONDIS_H */
