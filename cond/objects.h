/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The objects of condis.ko and how they link.  Each object's code lives in
 * the file named after it (protocol.c, miniport.c, binding.c, af.c, sap.c);
 * they share these definitions because the objects point at each other.
 *
 * Locking:
 * - condis_config_lock (a mutex, process context) protects the topology:
 *   the lists of protocols, miniports, adapters, bindings and CM AFs.  It is
 *   never held while a driver callback runs, because callbacks call back
 *   into condis.
 * - af->lock (a spinlock, any context) protects an open AF's state, its
 *   lists of SAPs and VCs, and the state of those SAPs.
 * - adapter->lock (a spinlock, any context) protects the adapter's list of
 *   signalling VCs (VCs on no AF).
 * - vc->lock (a spinlock, any context) protects a VC's activation state,
 *   the call on it and its parties, its QoS change and its data path
 *   (vc.h).
 * - The SAP table has its own bucket locks (sap_table.c).
 * Lock order: condis_config_lock, then af->lock or adapter->lock, then
 * vc->lock.  No lock is held while a driver callback runs.
 *
 * The states of AFs, SAPs, VCs, calls and parties, and who created a VC,
 * are the enums of the netlink uapi (include/uapi/linux/condis.h, generated
 * from Documentation/netlink/specs/condis.yaml), so dumps and events carry
 * them unchanged.
 */
#ifndef _CONDIS_OBJECTS_H
#define _CONDIS_OBJECTS_H

#include <linux/completion.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>
#include <net/condis.h>
#include <uapi/linux/condis.h>

#include "object.h"
#include "pending.h"
#include "sap_table.h"
#include "vc.h"

extern struct mutex condis_config_lock;
extern struct list_head condis_protocols;	/* under condis_config_lock */
extern struct list_head condis_miniports;	/* under condis_config_lock */

struct condis_protocol {
	struct condis_obj obj;		/* first: the handle points here */
	char name[32];
	const struct condis_protocol_ops *ops;
	const struct condis_cl_ops *cl_ops;
	const struct condis_cm_ops *cm_ops;
	void *priv;
	struct list_head node;		/* in condis_protocols */
	struct list_head bindings;	/* condis_binding.proto_node */
	bool dying;			/* deregistering: no new bindings */
	bool unresponsive;		/* left an unbind unfinished past a teardown
					 * budget: never waited for again
					 */
};

struct condis_miniport {
	struct condis_obj obj;
	char name[32];
	const struct condis_miniport_ops *ops;
	const struct condis_cm_ops *cm_ops;	/* non-NULL: an MCM */
	void *priv;
	struct list_head node;		/* in condis_miniports */
	struct list_head adapters;	/* condis_adapter.node */
};

struct condis_adapter {
	struct condis_obj obj;
	char name[32];
	struct condis_miniport *miniport;	/* holds a reference */
	void *ctx;
	struct list_head node;		/* in miniport->adapters */
	struct list_head bindings;	/* condis_binding.adapter_node: changed under
					 * condis_config_lock and lock, read under either
					 */
	struct list_head cm_afs;	/* condis_cm_af.node */
	spinlock_t lock;		/* protects sig_vcs, oids, bindings (see above) */
	struct list_head sig_vcs;	/* signalling VCs: condis_vc.node */
	struct list_head oids;		/* OID requests in flight: condis_oid.node */
	bool dying;			/* unregistering: no new bindings or AFs */
	/*
	 * Orders bindings joining and AFs being announced, under
	 * condis_config_lock, so each binding hears of each AF once: from the
	 * AF's announcement if it was listed by then, else when it binds.
	 */
	u64 af_notify_seq;
};

enum condis_binding_state {
	CONDIS_BINDING_OPEN,
	CONDIS_BINDING_CLOSED,
};

struct condis_binding {
	struct condis_obj obj;
	struct condis_protocol *protocol;	/* holds a reference */
	struct condis_adapter *adapter;		/* holds a reference */
	void *ctx;
	void (*release)(void *ctx);		/* the protocol's release_ctx, read at open */
	enum condis_binding_state state;	/* under condis_config_lock; status reads it */
	struct list_head proto_node;		/* in protocol->bindings */
	struct list_head adapter_node;		/* in adapter->bindings */
	u64 listed_seq;				/* adapter->af_notify_seq when listed */
	struct completion closed;		/* condis_close_adapter() ran */
	bool unbinding;				/* unbind_adapter called; config lock */
	struct completion unbound;		/* that unbind is over, closed or not */
	struct work_struct unbind_work;		/* condis_request_unbind()'s unbind */
	atomic_t nr_afs;			/* AFs its client opened, not yet closed */
	spinlock_t status_lock;			/* protects the two below */
	bool status_busy;			/* a co_status runs: others queue */
	struct list_head status_queue;		/* condis_status_entry.node */
};

/* An address family a call manager (CM or MCM) offers on one adapter. */
struct condis_cm_af {
	struct condis_obj obj;
	struct condis_af_type type;
	struct condis_adapter *adapter;		/* holds a reference */
	struct condis_binding *cm_binding;	/* stand-alone CM; NULL for an MCM */
	const struct condis_cm_ops *cm_ops;
	void *cm_binding_ctx;			/* CM binding or MCM adapter context */
	struct condis_sap_table saps;		/* every client's SAPs on this AF */
	struct list_head node;			/* in adapter->cm_afs */
	u64 announce_seq;			/* adapter->af_notify_seq when its
						 * announcement took the bindings to
						 * tell; 0 before (condis_config_lock)
						 */
	atomic_t nr_opens;			/* client AFs open on it, not yet closed */
	struct list_head afs;			/* condis_af.cm_af_node, under condis_config_lock */
	struct work_struct free_work;		/* frees it in process context */
};

/* An address family one client opened with one call manager. */
struct condis_af {
	struct condis_obj obj;
	struct condis_cm_af *cm_af;		/* holds a reference */
	struct condis_binding *binding;		/* the client's; holds a reference */
	struct list_head cm_af_node;		/* in cm_af->afs, under condis_config_lock */
	const struct condis_cl_ops *cl_ops;
	void *cl_af_ctx;
	void *cm_af_ctx;
	/*
	 * The release_ctx of the client and of the CM, read when the AF is
	 * made: its objects are freed after their drivers may have gone.
	 */
	void (*cl_release)(void *ctx);
	void (*cm_release)(void *ctx);
	spinlock_t lock;			/* protects the fields below and SAP states */
	enum condis_af_state state;
	unsigned int nr_saps;
	unsigned int nr_vcs;			/* VCs created on it, not deleted */
	unsigned int nr_oids;			/* OID requests on it in flight */
	struct list_head saps;			/* condis_sap.af_node */
	struct list_head vcs;			/* condis_vc.node */
	struct condis_pending cm;		/* the CM's open_af or close_af */
	struct condis_pending notify;		/* the client's notify_close_af */
};

struct condis_sap {
	struct condis_obj obj;
	struct condis_af *af;			/* holds a reference */
	void *cl_sap_ctx;
	void *cm_sap_ctx;
	enum condis_sap_state state;		/* under af->lock; read locklessly by lookups */
	struct list_head af_node;		/* in af->saps, under af->lock */
	struct condis_sap_node sn;		/* in af->cm_af->saps */
	struct condis_pending reg;		/* the CM's register_sap; af->lock */
	struct condis_pending dereg;		/* the CM's deregister_sap; af->lock */
	struct work_struct dereg_work;		/* runs the CM's deregister_sap */
	unsigned int nr_dispatching;		/* clients inside incoming_call; af->lock */
	bool done_deferred;			/* deregistration result waits for them */
	struct condis_sap_addr addr;		/* last: the address bytes follow */
};

/* The operations of party->pending. */
enum condis_party_op {
	CONDIS_PARTY_OP_NONE,	/* none: the make-call's party is the call's */
	CONDIS_PARTY_OP_ADD,
	CONDIS_PARTY_OP_DROP,
};

/* A leaf of a point-to-multipoint call. */
struct condis_party {
	struct condis_obj obj;
	struct condis_vc *vc;			/* holds a reference */
	void *cl_party_ctx;
	void *cm_party_ctx;
	struct list_head node;			/* in vc->call.parties, under vc->lock */
	enum condis_party_state state;		/* under vc->lock */
	struct condis_pending pending;		/* its add or drop, under vc->lock */
	struct condis_call_params *params;	/* the parameters to deliver; vc->lock */
};

bool condis_cm_ops_complete(const struct condis_cm_ops *ops);

/* condis is done with a driver's context: tell the driver if it asked (release_ctx). */
static inline void condis_ctx_release(void (*release_ctx)(void *ctx), void *ctx)
{
	if (release_ctx && ctx)
		release_ctx(ctx);
}

/* sap.c */
void condis_sap_dispatch_begin(struct condis_sap *sap);
void condis_sap_dispatch_end(struct condis_sap *sap);
bool condis_saps_settled(void *arg);
bool condis_saps_gone(void *arg);
void condis_sap_deregister_all(struct condis_af *af);
void condis_sap_complete_for_cm(struct condis_af *af);

/* vc.c */
struct condis_vc *condis_vc_get(struct condis_vc *vc);
void condis_vc_put(struct condis_vc *vc);
void condis_vc_deactivation_drained(struct condis_vc *vc);
bool condis_vc_inactive(struct condis_vc *vc);
bool condis_vc_deleted(struct condis_vc *vc);
bool condis_vc_needs_deactivation(struct condis_vc *vc);
void condis_vc_deactivate_for_cm(struct condis_vc *vc);
void condis_vc_deactivated_for_miniport(struct condis_vc *vc);
bool condis_vc_delete_for_client(struct condis_vc *vc);
void condis_vc_delete_for_cm(struct condis_vc *vc);
/* for call.c: a deletion deferred until a close result is delivered, if any */
void condis_vc_delete_deferred(struct condis_vc *vc);

/* call.c */
void condis_vc_call_init(struct condis_vc *vc);
bool condis_call_abandon(struct condis_vc *vc);
bool condis_call_quiet(struct condis_vc *vc);
bool condis_call_idle(struct condis_vc *vc);
bool condis_call_up(struct condis_vc *vc);
bool condis_call_refuse_offer(struct condis_vc *vc);
void condis_call_fail_make_for_cm(struct condis_vc *vc);
bool condis_call_close_owed(struct condis_vc *vc);
void condis_call_close_for_cm(struct condis_vc *vc);
int condis_call_close_for_client(struct condis_vc *vc);
bool condis_call_connected(const struct condis_vc *vc);
bool condis_call_answering(const struct condis_vc *vc);
int condis_call_delete_check(const struct condis_vc *vc, bool *defer);

/* oid.c */
struct seq_file;
void condis_oid_dump(struct seq_file *m, struct condis_adapter *adapter, const char *indent);

/* teardown.c */

/*
 * One departure (a protocol deregistering, an adapter or a miniport going
 * away): the other drivers are waited for once, all steps sharing one
 * budget of condis_teardown_wait_ms.
 */
struct condis_teardown {
	unsigned long deadline;		/* jiffies: no waiting for drivers past it */
	bool expired;			/* spent (reported once): complete for them */
	const char *who;		/* the departing driver or adapter */
};

extern unsigned int condis_teardown_wait_ms;
#if IS_ENABLED(CONFIG_KUNIT)
void condis_af_set_finish_hook(void (*hook)(struct condis_af *af));	/* KUnit only (af.c) */
#endif
void condis_teardown_begin(struct condis_teardown *td, const char *who);
void condis_af_force_close(struct condis_af *af, bool cm_leaving, struct condis_teardown *td);
void condis_binding_force_close(struct condis_binding *binding, struct condis_teardown *td);

/* datapath.c */
bool condis_vc_drained(struct condis_vc *vc);
void condis_vc_data_init(struct condis_vc *vc);
void condis_vc_data_wait_drain(struct condis_vc *vc, bool wait);
void condis_vc_data_flush_begin(struct condis_vc *vc);
void condis_vc_data_outstanding(struct condis_vc *vc, unsigned int *sent, unsigned int *kept);
bool condis_vc_data_drained(struct condis_vc *vc);
unsigned int condis_vc_abandon_skbs(struct condis_vc *vc);
void condis_vc_deliver_held(struct condis_vc *vc);
void condis_vc_drop_held(struct condis_vc *vc);
void condis_vc_datapath_free(struct condis_vc *vc);

/* qos.c */
void condis_vc_qos_init(struct condis_vc *vc);
bool condis_qos_in_flight(const struct condis_vc *vc);
void condis_qos_complete_for_cm(struct condis_vc *vc);

/* party.c */
struct condis_party *condis_party_new(struct condis_vc *vc, void *cl_party_ctx);
void condis_party_link(struct condis_party *party);
bool condis_party_ops_in_flight(struct condis_vc *vc);
struct condis_party *condis_party_extra(struct condis_vc *vc);
struct condis_party *condis_party_last(struct condis_vc *vc);
bool condis_party_gone(struct condis_party *party);
void condis_party_complete_for_cm(struct condis_vc *vc);
void condis_party_set_state(struct condis_party *party, enum condis_party_state state);
void condis_party_put(struct condis_party *party);
void condis_party_release_gone(struct condis_party *party);

/* binding.c */
struct condis_binding *condis_binding_get(struct condis_binding *binding);
void condis_binding_put(struct condis_binding *binding);
void condis_protocol_bind_all(struct condis_protocol *protocol);
void condis_protocol_unbind_all(struct condis_protocol *protocol, struct condis_teardown *td);
void condis_adapter_bind_all(struct condis_adapter *adapter);
void condis_adapter_unbind_all(struct condis_adapter *adapter, struct condis_teardown *td);
void condis_binding_close_left_open(struct condis_binding *binding);

/* af.c */
void condis_binding_notify_afs(struct condis_binding *binding);
bool condis_binding_has_afs(struct condis_binding *binding);
int condis_cm_af_remove_binding(struct condis_binding *binding);
void condis_cm_af_remove_all(struct condis_adapter *adapter);
void condis_af_sap_gone(struct condis_af *af);
void condis_af_put(struct condis_af *af);
bool condis_af_closed(void *arg);
bool condis_af_not_closing(void *arg);
bool condis_af_is_open(struct condis_af *af);
bool condis_af_complete_for_cm(struct condis_af *af);
void condis_af_notify_complete_for_client(struct condis_af *af);
bool condis_af_ask_client_to_close(struct condis_af *af, struct condis_binding *binding);
bool condis_af_cm_leaving(struct condis_af *af, struct condis_binding *binding);
bool condis_af_client_unresponsive(struct condis_af *af);
const char *condis_af_client_name(struct condis_af *af);
struct condis_vc **condis_af_vcs(struct condis_af *af, unsigned int *n);
struct condis_af *condis_binding_next_af(struct condis_binding *binding, u32 after);
bool condis_binding_afs_finished(void *arg);

#endif /* _CONDIS_OBJECTS_H */
