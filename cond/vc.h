/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A virtual connection and what lives on it, one part per concern:
 * - struct condis_vc: who made it, for whom, and its activation (vc.c);
 * - struct condis_call: the call on it and its parties (call.c, party.c);
 * - struct condis_qos_change: a client's QoS change in flight (qos.c);
 * - struct condis_vc_data: the skbs out on it and its counters (datapath.c).
 * The parts are embedded in the VC (vc->call, vc->qos, vc->data): one
 * allocation, one lock.  vc->lock protects every part's changing fields;
 * the fields set at creation are read without it.
 */
#ifndef _CONDIS_VC_H
#define _CONDIS_VC_H

#include <linux/list.h>
#include <linux/skbuff.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/workqueue.h>
#include <net/condis.h>
#include <uapi/linux/condis.h>

#include "object.h"
#include "pending.h"

struct condis_adapter;
struct condis_af;
struct condis_binding;
struct condis_party;

/* The operations of vc->act: the miniport (de)activates the VC. */
enum condis_vc_op {
	CONDIS_VC_OP_ACTIVATE = 1,
	CONDIS_VC_OP_DEACTIVATE,
};

/*
 * The operations of vc->call.pending.  The call's state (enum
 * condis_call_state) is the client's view: an operation ends when its
 * completion has been delivered, not when the driver completes it.
 */
enum condis_call_op {
	CONDIS_CALL_OP_MAKE = 1,	/* the CM's make-call result, to the client */
	CONDIS_CALL_OP_CLOSE,		/* the CM's close-call result, to the client */
	CONDIS_CALL_OP_ANSWER,		/* the client's answer to an offer, to the CM */
};

/* The operation of vc->qos.pending. */
#define CONDIS_QOS_OP_MODIFY	1

/**
 * struct condis_call - the call on a VC (call.c) and its parties (party.c)
 * @state: the client's view of the call (vc->lock; read locklessly by
 *	teardown's waits and dumps)
 * @before: the state to go back to if a close fails (vc->lock)
 * @pending: the make-call, close-call or answer in flight (vc->lock)
 * @close_untold: a successful close the client has not been told of yet:
 *	a deletion of the VC by the CM waits for it (vc->lock)
 * @remote_closed: the CM dispatched an incoming close (vc->lock)
 * @no_reuse: closed by a failure: the client deletes the VC, no new call
 *	on it (vc->lock)
 * @params: the parameters to deliver (vc->lock)
 * @party: the party the operation concerns (vc->lock)
 * @party_gone: the party call_finish() ended, to release unlocked (vc->lock)
 * @multipoint: the call was made with a party (vc->lock)
 * @nr_parties: parties not yet gone (vc->lock)
 * @parties: condis_party.node (vc->lock)
 */
struct condis_call {
	enum condis_call_state state;
	enum condis_call_state before;
	struct condis_pending pending;
	bool close_untold;
	bool remote_closed;
	bool no_reuse;
	bool multipoint;
	unsigned int nr_parties;
	struct condis_call_params *params;
	struct condis_party *party;
	struct condis_party *party_gone;
	struct list_head parties;
};

/**
 * struct condis_qos_change - a client's modify-call-QoS (qos.c)
 * @pending: a modify-call-QoS in flight (vc->lock)
 * @activations: the VC's activations when it started (vc->lock)
 * @old: the VC's parameters before it (vc->lock)
 * @params: the parameters to deliver (vc->lock)
 */
struct condis_qos_change {
	struct condis_pending pending;
	unsigned int activations;
	struct condis_call_params *old;
	struct condis_call_params *params;
};

/**
 * struct condis_vc_data - the data path of a VC (datapath.c), all under
 *	vc->lock (dumps read the counters locklessly)
 * @skbs: the skbs out on the VC: a hash set (see datapath.c)
 * @skbs_bits: @skbs has 1 << @skbs_bits slots
 * @skbs_used: entries in @skbs
 * @tx_outstanding: skbs with the miniport, or being completed
 * @rx_outstanding: skbs being indicated, kept or being returned
 * @rx_held: received before call-connected (kept by condis)
 * @rx_flushing: call-connected: @rx_held is being delivered
 * @deact_waiting: a deactivation the miniport finished waits for the data
 *	path to drain
 * @tx_packets: sends completed with success
 * @tx_bytes: bytes of the sends completed
 * @tx_errors: sends completed with an error
 * @rx_packets: packets indicated (or held)
 * @rx_bytes: their bytes
 */
struct condis_vc_data {
	unsigned long *skbs;
	unsigned int skbs_bits;
	unsigned int skbs_used;
	unsigned int tx_outstanding;
	unsigned int rx_outstanding;
	struct sk_buff_head rx_held;
	bool rx_flushing;
	bool deact_waiting;
	u64 tx_packets, tx_bytes, tx_errors;
	u64 rx_packets, rx_bytes;
};

/**
 * struct condis_vc - a virtual connection (vc.c)
 * @obj: the handle's header; first
 * @adapter: holds a reference
 * @af: holds a reference; NULL: a stand-alone CM's signalling VC
 * @sig_binding: a signalling VC's CM binding (holds a reference)
 * @cm_ops: the call manager's
 * @creator: who created the VC
 * @mcm: the adapter's miniport is the CM
 * @cl_vc_ctx: the client's context
 * @cm_vc_ctx: the CM's context
 * @mp_vc_ctx: the miniport's context (for an MCM, its cm_vc_ctx)
 * @cm_release: the CM's release_ctx (see condis_af)
 * @mp_release: a plain miniport's release_ctx
 * @node: in af->vcs or adapter->sig_vcs, under that object's lock
 * @lock: protects the fields below and the changing fields of @call,
 *	@qos and @data; taken after af->lock or adapter->lock
 * @state: activation state (vc->lock; read locklessly by waits and dumps)
 * @before: the state to go back to if an activation fails
 * @params: the active parameters
 * @new_params: those of the activation in flight
 * @activations: successful (re)activations so far
 * @deleting: a deletion is calling out now
 * @delete_deferred: the VC's creator deleted it while a close result was
 *	still to be delivered; the deletion follows the delivery (vc->lock;
 *	read locklessly by the handle check, condis_vc_get())
 * @act: the miniport's activation or deactivation in flight
 * @call: the call on the VC
 * @qos: a QoS change in flight
 * @data: the data path
 */
struct condis_vc {
	struct condis_obj obj;
	struct condis_adapter *adapter;
	struct condis_af *af;
	struct condis_binding *sig_binding;
	const struct condis_cm_ops *cm_ops;
	enum condis_vc_creator creator;
	bool mcm;
	void *cl_vc_ctx;
	void *cm_vc_ctx;
	void *mp_vc_ctx;
	void (*cm_release)(void *ctx);
	void (*mp_release)(void *ctx);
	struct list_head node;

	spinlock_t lock;	/* see above */
	enum condis_vc_state state;
	enum condis_vc_state before;
	struct condis_call_params *params;
	struct condis_call_params *new_params;
	unsigned int activations;
	bool deleting;
	bool delete_deferred;
	struct condis_pending act;

	struct condis_call call;
	struct condis_qos_change qos;
	struct condis_vc_data data;
};

/*
 * A driver's VC handle, referenced, or NULL after a rate-limited warning
 * naming @who: also for a VC its creator deleted while the deletion waits
 * for a close to be delivered (see condis_vc_get()).  A macro, so that the
 * warning names the driver that called the entry point.
 */
#define condis_vc_handle(handle, who) ({					\
	struct condis_vc *__vc = (handle);					\
	const char *__who = (who);						\
	struct condis_obj *__vo = condis_handle_get(__vc, CONDIS_OBJ_VC, __who); \
	if (__vo && READ_ONCE(__vc->delete_deferred)) {				\
		condis_obj_put(__vo);						\
		condis_bad_input("%s: bad VC handle %p", __who, __vc);		\
		__vo = NULL;							\
	}									\
	__vo ? __vc : NULL;							\
})

#endif /* _CONDIS_VC_H */
