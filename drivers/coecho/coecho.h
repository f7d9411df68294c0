/* SPDX-License-Identifier: GPL-2.0 */
/*
 * coecho: a sample condis client.  It binds to every condis adapter, opens
 * the conic address family on each binding, registers SAPs, accepts
 * incoming calls and echoes their data, and places calls, all on request
 * from user space through debugfs (debugfs.c).
 *
 * Objects: a binding per adapter (main.c), with at most one open AF; SAPs
 * on the binding (sap.c); calls, one per VC (call.c), with the parties of
 * a point-to-multipoint call (party.c); the data path (data.c).
 *
 * Locking, outermost first:
 * 1. coecho_binding.rwsem: read by the ctl commands that use the
 *    binding's AF handle (listen, call, mcall) while they do; written by
 *    the AF teardown (notify-close, unbind), so the AF cannot be closed
 *    under them.
 * 2. coecho_call.mutex: serialises the operations on one call (make,
 *    close, QoS, parties, send), from ctl commands, from the work items
 *    that answer the network, and from the teardown.
 * 3. coecho.lock (spinlock, taken with spin_lock_bh): every list (bindings,
 *    SAPs, calls, parties), every object's state, the AF fields of the
 *    bindings and the id counters.  Never held across a condis_*() call:
 *    condis may call back into coecho from inside any of them.
 * condis callbacks never sleep: they take coecho.lock only, and leave
 * anything that must sleep to a work item on coecho.wq.  Data-path
 * counters are atomics and need no lock.
 *
 * Lifetimes: every object is reference-counted (kref).  A binding lives
 * from bind_adapter to unbind_adapter, plus the references of its AF, its
 * SAPs and its calls.  A SAP is referenced by its binding's list until
 * condis reports it gone.  A call is referenced by its VC from creation to
 * deletion; listed calls always have a VC, so listing takes no reference
 * of its own.  A party is referenced by its call's list until condis
 * reports it gone.  Work items and waiting ctl commands hold their own
 * references, so a completion that comes after a timed-out wait still
 * finds its object.
 */
#ifndef _COECHO_H
#define _COECHO_H

#include <linux/atomic.h>
#include <linux/completion.h>
#include <linux/jiffies.h>
#include <linux/kref.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/rwsem.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/wait.h>
#include <linux/workqueue.h>
#include <net/condis.h>
#include <net/conic.h>

struct dentry;
struct seq_file;

/* How long a ctl command or the teardown waits for one completion. */
#define COECHO_WAIT		(10 * HZ)
/* Longest adapter name condis keeps, with its NUL. */
#define COECHO_ADAPTER_NAME_MAX	32
/* Ids of incoming calls start here. */
#define COECHO_FIRST_IN_ID	1000
/* condis_flow_spec "not specified". */
#define COECHO_RATE_ANY		0xffffffffU

/* What one send command may ask for (ctl "send" and netlink client-send). */
#define COECHO_SEND_MAX		100000
#define COECHO_SIZE_MIN		16
#define COECHO_SIZE_MAX		1500

/**
 * struct coecho_stats - module-wide event counters (debugfs "stats")
 * @binds: adapters bound
 * @afs_open: address families opened successfully
 * @incoming_offered: incoming calls offered on our SAPs
 * @incoming_accepted: of those, accepted
 * @incoming_rejected: of those, rejected
 * @calls_connected: calls that came up, either way
 * @remote_closes: calls closed by the peer or the network
 * @dereg_completions: SAP deregistrations completed
 * @dereg_dup: deregistration completions for a SAP already gone
 * @errors: anything else that should not happen (each with a log line)
 */
struct coecho_stats {
	atomic64_t binds;
	atomic64_t afs_open;
	atomic64_t incoming_offered;
	atomic64_t incoming_accepted;
	atomic64_t incoming_rejected;
	atomic64_t calls_connected;
	atomic64_t remote_closes;
	atomic64_t dereg_completions;
	atomic64_t dereg_dup;
	atomic64_t errors;
};

/**
 * struct coecho_module - the module's state
 * @lock: protects the lists, the object states and the id counters (see
 *	the top of this file)
 * @bindings: &struct coecho_binding.node, in bind order
 * @calls: &struct coecho_call.node, sorted by id
 * @vcs: &struct coecho_call.vc_node: every call that has a VC
 * @next_in_id: the next id to try for an incoming call
 * @next_sap_id: the last SAP id handed out; ids are never reused
 * @waitq: woken when a SAP or a VC goes away (the teardown waits on it)
 * @wq: runs what callbacks cannot do in their context
 * @protocol: our condis protocol handle
 * @dir: the debugfs directory
 * @stats: event counters
 */
struct coecho_module {
	spinlock_t lock;	/* protects lists, states, ids (see above) */
	struct list_head bindings;
	struct list_head calls;
	struct list_head vcs;
	u32 next_in_id;
	unsigned long next_sap_id;
	wait_queue_head_t waitq;
	struct workqueue_struct *wq;
	struct condis_protocol *protocol;
	struct dentry *dir;
	struct coecho_stats stats;
};

extern struct coecho_module coecho;

#define coecho_count(field)	atomic64_inc(&coecho.stats.field)

/* An anomaly: counted in stats "errors" and logged (rate-limited). */
#define coecho_error(fmt, ...) do {				\
	coecho_count(errors);					\
	pr_warn_ratelimited(fmt "\n", ##__VA_ARGS__);		\
} while (0)

/**
 * enum coecho_af_state - the binding's address family
 * @COECHO_AF_NONE: none open (none offered yet, or closed)
 * @COECHO_AF_OPENING: condis_cl_open_af() is in flight
 * @COECHO_AF_OPEN: open: SAPs and calls may use it
 * @COECHO_AF_CLOSING: the teardown is closing it
 */
enum coecho_af_state {
	COECHO_AF_NONE,
	COECHO_AF_OPENING,
	COECHO_AF_OPEN,
	COECHO_AF_CLOSING,
};

/**
 * struct coecho_binding - coecho bound to one condis adapter
 * @node: in coecho.bindings, under coecho.lock
 * @ref: references: the binding itself (until unbind), its open AF, its
 *	SAPs and calls, work items and ctl commands using it
 * @name: the adapter's name
 * @handle: condis's binding handle, valid once @bound is complete
 * @bound: completed when @handle is set
 * @rwsem: read by ctl commands using @af, written by the AF teardown
 * @af_state: see &enum coecho_af_state; under coecho.lock
 * @af: the open AF's handle; under coecho.lock
 * @af_done: completed when an AF open or close completes
 * @af_status: that completion's status
 * @dying: unbinding: no new AF, no new incoming call; under coecho.lock
 * @notify_pending: the call manager asked us to close the AF and waits
 *	for condis_cl_notify_close_af_complete(); under coecho.lock
 * @notify_af: the AF handle of that notify-close
 * @notify_work: runs the notify-close
 * @saps: &struct coecho_sap.node, in registration order; under coecho.lock
 * @nr_vcs: calls of this binding that still have a VC; under coecho.lock
 */
struct coecho_binding {
	struct list_head node;
	struct kref ref;
	char name[COECHO_ADAPTER_NAME_MAX];
	struct condis_binding *handle;
	struct completion bound;
	struct rw_semaphore rwsem;	/* protects the use of @af against its close */
	enum coecho_af_state af_state;
	struct condis_af *af;
	struct completion af_done;
	int af_status;
	bool dying;
	bool notify_pending;
	struct condis_af *notify_af;
	struct work_struct notify_work;
	struct list_head saps;
	unsigned int nr_vcs;
};

/**
 * enum coecho_sap_state - a SAP, as condis sees it
 * @COECHO_SAP_REGISTERING: condis_cl_register_sap() has not completed
 * @COECHO_SAP_REGISTERED: registered: calls are offered on it
 * @COECHO_SAP_DEREGISTERING: deregister_sap_complete has not come yet
 */
enum coecho_sap_state {
	COECHO_SAP_REGISTERING,
	COECHO_SAP_REGISTERED,
	COECHO_SAP_DEREGISTERING,
};

/**
 * struct coecho_sap - a SAP registered on a binding's AF
 * @node: in its binding's saps list, under coecho.lock
 * @ref: references: the list's, and those of ctl commands waiting on it
 * @b: its binding (holds a reference)
 * @id: our context for condis (cl_sap_ctx): a number never reused, so a
 *	completion for a SAP already gone is recognised, not dereferenced
 * @handle: condis's handle, once registered
 * @state: see &enum coecho_sap_state; under coecho.lock
 * @calls: incoming calls accepted on it; under coecho.lock
 * @done: completed when the registration completes
 * @status: its status
 * @len: bytes in @name; 0 for the wildcard
 * @name: the service name, NUL-terminated; "*" for the wildcard
 */
struct coecho_sap {
	struct list_head node;
	struct kref ref;
	struct coecho_binding *b;
	unsigned long id;
	struct condis_sap *handle;
	enum coecho_sap_state state;
	u64 calls;
	struct completion done;
	int status;
	u32 len;
	char name[CONIC_SAP_NAME_MAX + 1];
};

/**
 * struct coecho_params - call parameters coecho lends to condis
 * @older: parameters this one replaced (a QoS change), freed with the call
 * @call: what condis is given; @call.cm points just past this struct, to
 *	a &struct condis_cm_params and its called-SAP bytes
 */
struct coecho_params {
	struct coecho_params *older;
	struct condis_call_params call;
};

/**
 * enum coecho_call_state - a call, as coecho sees it
 * @COECHO_CALL_MAKING: outgoing: the make-call is with the CM ("calling")
 * @COECHO_CALL_OFFERED: incoming: our pended answer is not given yet
 *	("calling")
 * @COECHO_CALL_ACCEPTED: incoming: accepted, not connected yet ("calling")
 * @COECHO_CALL_CONNECTED: up: data flows
 * @COECHO_CALL_CLOSING: closed by the peer, or our close is in flight
 * @COECHO_CALL_CLOSED: closed, or no call on the VC
 */
enum coecho_call_state {
	COECHO_CALL_MAKING,
	COECHO_CALL_OFFERED,
	COECHO_CALL_ACCEPTED,
	COECHO_CALL_CONNECTED,
	COECHO_CALL_CLOSING,
	COECHO_CALL_CLOSED,
};

/**
 * struct coecho_counters - a call's data counters
 * @tx: packets handed to condis_co_send(), echoes included
 * @tx_bytes: their bytes
 * @tx_done: packets the miniport completed
 * @tx_err: of those, completed with an error status
 * @rx: packets received
 * @rx_bytes: their bytes
 * @rx_bad: received on an outgoing call and not matching what we sent
 * @echoed: received on an incoming call and sent back
 */
struct coecho_counters {
	atomic64_t tx;
	atomic64_t tx_bytes;
	atomic64_t tx_done;
	atomic64_t tx_err;
	atomic64_t rx;
	atomic64_t rx_bytes;
	atomic64_t rx_bad;
	atomic64_t echoed;
};

/**
 * struct coecho_call - a call, and the VC it is on
 * @node: in coecho.calls while listed, under coecho.lock
 * @vc_node: in coecho.vcs while @vc is set, under coecho.lock
 * @ref: references: the VC's (from its creation to its deletion), those
 *	of its parties, work items and ctl commands
 * @mutex: serialises the operations on the call
 * @b: its binding (holds a reference)
 * @vc: the VC handle; NULL once deleted; under coecho.lock
 * @id: the call's id (user-chosen, or from COECHO_FIRST_IN_ID for an
 *	incoming call)
 * @listed: on coecho.calls; under coecho.lock
 * @outgoing: we made it (and created its VC)
 * @multipoint: made with a first party: we are the root
 * @state: see &enum coecho_call_state; under coecho.lock
 * @before_close: @state to go back to if our close fails
 * @close_pending: our close-call is with the CM; under coecho.lock
 * @qos_pending: our modify-QoS is with the CM; under coecho.lock
 * @remote_closed: the peer or the network closed it; under coecho.lock
 * @sap_id: incoming: the id of the SAP it came in on
 * @wild: @sap is the wildcard
 * @sap: the called name (outgoing) or the SAP's name (incoming), or "*"
 * @rate: the token rate in force, both ways
 * @params: the parameters we made the call with, or of our last QoS
 *	change; kept until the call is freed
 * @qos_params: those of the QoS change in flight
 * @offer: incoming: the CM's parameters until our pended answer
 * @parties: &struct coecho_party.node; under coecho.lock
 * @done: completed when the make, close or QoS change in flight completes
 * @status: that completion's status
 * @close_work: closes the call after the network did
 * @answer_work: answers a pended incoming call
 * @tx_wait: senders waiting for completions
 * @tx_seq: sequence numbers handed out so far
 * @cnt: data counters
 */
struct coecho_call {
	struct list_head node;
	struct list_head vc_node;
	struct kref ref;
	struct mutex mutex;	/* serialises the operations on this call */
	struct coecho_binding *b;
	struct condis_vc *vc;
	u32 id;
	bool listed;
	bool outgoing;
	bool multipoint;
	enum coecho_call_state state;
	enum coecho_call_state before_close;
	bool close_pending;
	bool qos_pending;
	bool remote_closed;
	unsigned long sap_id;
	bool wild;
	char sap[CONIC_SAP_NAME_MAX + 1];
	u32 rate;
	struct coecho_params *params;
	struct coecho_params *qos_params;
	struct condis_call_params *offer;
	struct list_head parties;
	struct completion done;
	int status;
	struct work_struct close_work;
	struct work_struct answer_work;
	wait_queue_head_t tx_wait;
	atomic64_t tx_seq;
	struct coecho_counters cnt;
};

/**
 * enum coecho_party_state - a leaf of a multipoint call
 * @COECHO_PARTY_ADDING: the make-call's or an add-party is in flight
 * @COECHO_PARTY_ACTIVE: added
 * @COECHO_PARTY_DROPPING: our drop is in flight
 * @COECHO_PARTY_GONE: off the call
 */
enum coecho_party_state {
	COECHO_PARTY_ADDING,
	COECHO_PARTY_ACTIVE,
	COECHO_PARTY_DROPPING,
	COECHO_PARTY_GONE,
};

/**
 * struct coecho_party - a leaf of a point-to-multipoint call we root
 * @node: in its call's parties list, under coecho.lock
 * @ref: references: the list's, and those of work items and ctl commands
 * @call: its call (holds a reference)
 * @leaf: the user's number for it
 * @handle: condis's party handle, once added; under coecho.lock
 * @state: see &enum coecho_party_state; under coecho.lock
 * @done: completed when the add or drop in flight completes
 * @status: that completion's status
 * @params: the add-party's parameters (NULL for the first party)
 * @drop_work: drops the party after the network did
 */
struct coecho_party {
	struct list_head node;
	struct kref ref;
	struct coecho_call *call;
	u32 leaf;
	struct condis_party *handle;
	enum coecho_party_state state;
	struct completion done;
	int status;
	struct coecho_params *params;
	struct work_struct drop_work;
};

/* main.c */
int coecho_wait(struct completion *done, int *status);
void coecho_binding_put(struct coecho_binding *b);
int coecho_binding_get_open(const char *name, struct coecho_binding **bp);
void coecho_binding_put_open(struct coecho_binding *b);

/* sap.c */
int coecho_sap_listen(const char *adapter, const char *name);
int coecho_sap_unlisten(const char *adapter, const char *name);
struct coecho_sap *coecho_sap_find_locked(unsigned long id);
void coecho_saps_teardown(struct coecho_binding *b);
int coecho_saps_show(struct seq_file *m, void *v);
void coecho_register_sap_complete(int status, void *cl_sap_ctx,
				  const struct condis_sap_addr *addr, struct condis_sap *sap);
void coecho_deregister_sap_complete(int status, void *cl_sap_ctx);

/* call.c */
struct coecho_params *coecho_params_new(const char *name, u32 len, u32 rate, gfp_t gfp);
void coecho_params_free(struct coecho_params *p);
struct coecho_call *coecho_call_get(u32 id);
void coecho_call_put(struct coecho_call *call);
int coecho_call_lock(struct coecho_call *call);
int coecho_call_make(u32 id, const char *adapter, const char *name, u32 rate, bool multipoint);
int coecho_call_close(u32 id);
int coecho_call_qos(u32 id, u32 rate);
void coecho_calls_teardown(struct coecho_binding *b);
void coecho_calls_forget_all(void);
int coecho_calls_show(struct seq_file *m, void *v);
int coecho_create_vc(void *cl_af_ctx, struct condis_vc *vc, void **cl_vc_ctx);
int coecho_delete_vc(void *cl_vc_ctx);
void coecho_make_call_complete(int status, void *cl_vc_ctx, struct condis_party *party,
			       struct condis_call_params *params);
void coecho_close_call_complete(int status, void *cl_vc_ctx, void *cl_party_ctx);
int coecho_incoming_call(void *cl_sap_ctx, void *cl_vc_ctx, struct condis_call_params *params);
void coecho_call_connected(void *cl_vc_ctx);
void coecho_incoming_close_call(int status, void *cl_vc_ctx, void *data, unsigned int size);
void coecho_modify_call_qos_complete(int status, void *cl_vc_ctx,
				     struct condis_call_params *params);
void coecho_incoming_call_qos_change(void *cl_vc_ctx, struct condis_call_params *params);

/* party.c */
struct coecho_party *coecho_party_new(struct coecho_call *call, u32 leaf, gfp_t gfp);
void coecho_party_put(struct coecho_party *p);
int coecho_party_add(u32 id, u32 leaf, const char *name);
int coecho_party_drop(u32 id, u32 leaf);
int coecho_parties_trim(struct coecho_call *call, struct condis_party **last);
void coecho_parties_made_locked(struct coecho_call *call, struct condis_party *handle);
void coecho_parties_gone_locked(struct coecho_call *call, struct list_head *gone);
void coecho_parties_put_list(struct list_head *gone);
unsigned int coecho_parties_active_locked(struct coecho_call *call);
void coecho_add_party_complete(int status, void *cl_party_ctx, struct condis_party *party,
			       struct condis_call_params *params);
void coecho_drop_party_complete(int status, void *cl_party_ctx);
void coecho_incoming_drop_party(int status, void *cl_party_ctx, void *data, unsigned int size);

/* data.c */
int coecho_send(u32 id, u32 count, u32 size);

/* bench.c */
int coecho_bench(const char *adapter, const char *name, u32 calls, u32 callers);
int coecho_bench_listen_many(const char *adapter, const char *prefix, u32 n);
int coecho_bench_show(struct seq_file *m, void *v);
void coecho_co_receive(void *binding_ctx, void *vc_ctx, struct sk_buff_head *skbs,
		       unsigned int flags);
void coecho_co_send_complete(void *vc_ctx, struct sk_buff_head *skbs);

/* debugfs.c */
void coecho_debugfs_init(void);
void coecho_debugfs_uninit(void);

/* netlink.c */
int coecho_netlink_init(void);
void coecho_netlink_uninit(void);

#endif /* _COECHO_H */
