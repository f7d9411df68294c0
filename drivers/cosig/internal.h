/* SPDX-License-Identifier: GPL-2.0 */
/*
 * cosig internals: the engine, its calls and parties.
 *
 * Concurrency model.  Each engine has one worker (a delayed work item on
 * cosig_wq) and everything about its calls changes there, under
 * &cosig.lock (a mutex).  condis calls cosig_cm_ops in any context; those
 * handlers never take the mutex: they record what the client asked for in
 * the call or party (an "event"), queue it on &cosig.events under
 * &cosig.ev_lock and kick the worker, and return %CONDIS_PENDING.  Frames
 * from the peer queue on &cosig.rxq the same way.  The worker may call any
 * condis function and sleep; condis callbacks it triggers that come back
 * into cosig only queue events, so nothing re-enters the mutex.
 *
 * Lock order: cosig.lock > cosig.ev_lock (ev_lock is a leaf, taken with BH
 * disabled).
 */
#ifndef _COSIG_INTERNAL_H
#define _COSIG_INTERNAL_H

#include <linux/completion.h>
#include <linux/idr.h>
#include <linux/kref.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>
#include <net/conic.h>

#include "cosig.h"
#include "wire.h"

extern struct workqueue_struct *cosig_wq;
extern unsigned int cosig_retry_ms;
extern unsigned int cosig_retries;
extern unsigned int cosig_connect_timeout_ms;
extern unsigned int cosig_linger_ms;

/* Events a condis handler leaves for the worker (cosig_event.pending). */
enum {
	COSIG_EV_MAKE_CALL,	/* call: the client placed it */
	COSIG_EV_ANSWER,	/* call: the client answered an offer late */
	COSIG_EV_MODIFY,	/* call: the client asked for new QoS */
	COSIG_EV_CLOSE,		/* call: the client closes it */
	COSIG_EV_DELETE,	/* call: condis deleted its VC */
	COSIG_EV_ADD,		/* party: the client adds it */
	COSIG_EV_DROP,		/* party: the client drops it */
};

/**
 * struct cosig_event - a call's or party's place in the worker's queue
 * @node: in &cosig.events while @pending is not 0
 * @pending: COSIG_EV_xxx bits not handled yet
 * @is_party: whether this is embedded in a struct cosig_party
 */
struct cosig_event {
	struct list_head node;
	unsigned long pending;
	bool is_party;
};

enum cosig_call_state {
	COSIG_IDLE,		/* a client VC with no call on it */
	COSIG_CALLING,		/* out: SETUP sent */
	COSIG_PROCEEDING,	/* out: CALL PROCEEDING received */
	COSIG_OFFERED,		/* in: offered, the client's answer pending */
	COSIG_CONNECTING,	/* in: CONNECT sent, waiting for CONNECT ACK */
	COSIG_ACTIVE,		/* data flows */
	COSIG_RELEASING,	/* our RELEASE sent */
	COSIG_CLEARING,		/* ended by the peer or the link, client closing */
	COSIG_CLOSED,		/* over; kept a while to absorb late duplicates */
};

enum cosig_party_state {
	COSIG_PARTY_ADDING,	/* ADD PARTY (or the first leaf's SETUP) sent */
	COSIG_PARTY_ACTIVE,
	COSIG_PARTY_DROPPING,	/* DROP PARTY sent */
	COSIG_PARTY_GONE,	/* left on the wire; listed until condis is done */
};

/**
 * struct cosig_party - a leaf of a multipoint call, at its root
 * @carrier_slot: unused (cosig VC and party contexts all start with one)
 * @ev: its place in the worker's queue (EV_ADD, EV_DROP)
 * @ref: references: condis's (as cm_party_ctx, from the client's make-call
 *	or add until condis is done with the party; held by the call's list
 *	once the worker listed it, see party.c), a queued @ev
 * @call: the root call
 * @node: in &cosig_call.parties
 * @party: condis's handle
 * @epref: endpoint reference on the wire (the first leaf has 1)
 * @state: COSIG_PARTY_xxx
 * @peer_vci: the channel the leaf receives on, once it answered
 * @name: the leaf's service name
 * @name_len: bytes in @name
 * @params: the client's buffer while an add is pending
 * @drop_data: what the client's drop sends to the leaf
 * @drop_len: bytes in @drop_data
 * @deadline: jiffies at which the pending message is sent again
 * @tries: times it was sent
 */
struct cosig_party {
	void *carrier_slot;
	struct cosig_event ev;
	struct kref ref;
	struct cosig_call *call;
	struct list_head node;
	struct condis_party *party;
	u32 epref;
	enum cosig_party_state state;
	u32 peer_vci;
	u8 name[CONIC_SAP_NAME_MAX];
	u32 name_len;
	struct condis_call_params *params;
	u8 drop_data[COSIG_USER_DATA_MAX];
	u32 drop_len;
	unsigned long deadline;
	unsigned int tries;
};

/**
 * struct cosig_act_params - what the engine activates a VC with
 * @call: the condis parameters, pointing at the two parts below
 * @cm: QoS and the called name
 * @name: storage for @cm.specific.data
 * @media: condis media parameters
 * @vcis: storage for @media.specific.data
 */
struct cosig_act_params {
	struct condis_call_params call;
	struct condis_cm_params cm;
	u8 name[CONIC_SAP_NAME_MAX];
	struct condis_media_params media;
	struct conic_media_vcis vcis;
};

/**
 * struct cosig_call - one VC cosig is the call manager of
 * @carrier_slot: the carrier's pointer (cosig_carrier_slot()); first member
 * @ev: its place in the worker's queue
 * @ref: references: condis (as cm_vc_ctx, until the VC is deleted), the
 *	engine's list, a queued @ev
 * @sig: the engine
 * @node: in &cosig.calls
 * @vc: condis's handle, NULL once deleted
 * @af: the AF the VC is on
 * @state: COSIG_xxx
 * @outgoing: placed by our client (else offered to it)
 * @vc_ours: cosig created the VC (an incoming call): cosig deletes it
 * @vc_active: the VC is activated
 * @multipoint: a multipoint root (outgoing) or leaf (incoming)
 * @peer_released: the peer ended an offered call before the client answered
 * @cref: call reference, without %COSIG_CREF_FLAG
 * @epref: the leaf's endpoint reference (incoming multipoint), else 0
 * @rx_vci: the channel allocated for receiving, 0 for none
 * @peer_vci: the peer's receive channel (p2p)
 * @params: our activation parameters
 * @old_params: the QoS before a pending modify
 * @client_params: the client's lent buffer while make_call, the answer or
 *	a modify is pending
 * @sap_name: the called name
 * @sap_len: bytes in @sap_name
 * @parties: a root's leaves (struct cosig_party)
 * @first_party: the first leaf while the client's make_call is queued
 * @next_epref: the next leaf's endpoint reference
 * @close_data: user data of the client's close
 * @close_len: bytes in @close_data
 * @answer: the client's late answer to an offer
 * @pending_msg: the message to send again until answered, or 0
 * @pending_cause: its cause, if it carries one
 * @deadline: jiffies of the next retransmission or time-out
 * @tries: times @pending_msg went out
 * @act_done: signalled by a pended (de)activation's completion
 * @act_status: its status
 */
struct cosig_call {
	void *carrier_slot;
	struct cosig_event ev;
	struct kref ref;
	struct cosig *sig;
	struct list_head node;
	struct condis_vc *vc;
	struct condis_af *af;
	enum cosig_call_state state;
	bool outgoing;
	bool vc_ours;
	bool vc_active;
	bool multipoint;
	bool peer_released;
	u32 cref;
	u32 epref;
	u32 rx_vci;
	u32 peer_vci;
	struct cosig_act_params params;
	struct condis_cm_params old_params;
	struct condis_call_params *client_params;
	u8 sap_name[CONIC_SAP_NAME_MAX];
	u32 sap_len;
	struct list_head parties;
	struct cosig_party *first_party;
	u32 next_epref;
	u8 close_data[COSIG_USER_DATA_MAX];
	u32 close_len;
	int answer;
	u8 pending_msg;
	u32 pending_cause;
	unsigned long deadline;
	unsigned int tries;
	struct completion act_done;
	int act_status;
};

/**
 * struct cosig_stats - counters shown in debugfs
 * @rx: well-formed messages taken in for the worker
 * @malformed: frames refused as malformed
 * @rx_dropped: frames dropped unread: the queue was full, or the engine is
 *	going away
 * @tx: messages sent
 * @retransmits: messages sent again after a time-out
 * @unexpected: valid messages not expected in the call's state
 * @unknown_cref: messages for no known call
 * @timeouts: calls or operations given up on
 * @restarts: restarts sent
 * @peer_restarts: restarts received
 *
 * Every frame handed to cosig_receive() is counted in exactly one of @rx,
 * @malformed and @rx_dropped, there, in any context (atomics); the others
 * are counted by the worker, under &cosig.lock.
 */
struct cosig_stats {
	atomic64_t rx, malformed, rx_dropped;
	u64 tx, retransmits, unexpected, unknown_cref;
	u64 timeouts, restarts, peer_restarts;
};

/**
 * struct cosig - one engine: the call manager of one end of a conic link
 * @name: for logs and debugfs
 * @ops: the carrier's
 * @carrier: the carrier's context
 * @lock: protects everything below it except what says otherwise
 * @cm_af: the AF the engine registered (SETUPs are routed against it)
 * @calls: every struct cosig_call
 * @vcis: receive channels in use
 * @next_cref: the next call reference to allocate
 * @link_up: the link is up
 * @restarting: a RESTART is out, not yet acknowledged
 * @restart_deadline: when to send it again
 * @restart_tries: times it went out
 * @open_afs: client AFs open on this engine
 * @afs: the struct cosig_af of each (under @ev_lock)
 * @dying: no new work is accepted (cosig_destroy())
 * @afs_closed: signalled whenever an AF closes
 * @stats: counters
 * @ev_lock: protects @events, every queued &cosig_event.pending, @dying,
 *	@afs
 * @events: calls and parties with pending events
 * @rxq: frames from the peer (its own lock)
 * @work: the worker; also the timer (re-queued with a delay)
 */
struct cosig {
	char name[32];
	const struct cosig_carrier_ops *ops;
	void *carrier;
	struct mutex lock;		/* see the comment at the top */
	struct condis_cm_af *cm_af;
	struct list_head calls;
	struct ida vcis;
	u32 next_cref;
	bool link_up;
	bool restarting;
	unsigned long restart_deadline;
	unsigned int restart_tries;
	atomic_t open_afs;
	struct list_head afs;
	bool dying;
	struct completion afs_closed;
	struct cosig_stats stats;
	spinlock_t ev_lock;		/* events, dying, afs */
	struct list_head events;
	struct sk_buff_head rxq;
	struct delayed_work work;
};

/**
 * struct cosig_msg - a parsed message; pointers point into the frame
 * @type: COSIG_MSG_xxx
 * @cref: the call reference without %COSIG_CREF_FLAG
 * @from_owner: the sender allocated @cref (the flag was clear)
 * @epref: endpoint reference
 * @has: bit per COSIG_IE_xxx present
 * @sap_type: COSIG_IE_CALLED_SAP's type
 * @sap_name: its name
 * @sap_len: bytes in @sap_name
 * @vci: COSIG_IE_VCI
 * @traffic: COSIG_IE_TRAFFIC
 * @cause: COSIG_IE_CAUSE
 * @data: COSIG_IE_USER_DATA
 * @data_len: bytes in @data
 * @flags: COSIG_IE_FLAGS
 * @call_state: COSIG_IE_CALL_STATE
 */
struct cosig_msg {
	u8 type;
	u32 cref;
	bool from_owner;
	u32 epref;
	unsigned long has;
	u32 sap_type;
	const u8 *sap_name;
	u32 sap_len;
	u32 vci;
	struct condis_flow_spec traffic[2];
	u32 cause;
	const u8 *data;
	u32 data_len;
	u32 flags;
	u32 call_state;
};

/**
 * struct cosig_out - what the engine puts in a message it sends
 * @type: COSIG_MSG_xxx
 * @cref: call reference without the flag
 * @ours: we allocated @cref
 * @epref: endpoint reference
 * @sap_name: COSIG_IE_CALLED_SAP's name, or NULL
 * @sap_len: its length
 * @vci: COSIG_IE_VCI if @has_vci
 * @has_vci: include the VCI element
 * @traffic: COSIG_IE_TRAFFIC (forward, backward) or NULL
 * @cause: COSIG_IE_CAUSE if not 0
 * @data: COSIG_IE_USER_DATA, or NULL
 * @data_len: its length
 * @flags: COSIG_IE_FLAGS if not 0
 * @call_state: COSIG_IE_CALL_STATE + 1 if not 0 (STATUS)
 */
struct cosig_out {
	u8 type;
	u32 cref;
	bool ours;
	u32 epref;
	const u8 *sap_name;
	u32 sap_len;
	u32 vci;
	bool has_vci;
	const struct condis_flow_spec *traffic;
	u32 cause;
	const u8 *data;
	u32 data_len;
	u32 flags;
	u32 call_state;
};

/* msg.c */
int cosig_msg_parse(const struct sk_buff *skb, struct cosig_msg *msg);
struct sk_buff *cosig_msg_build(const struct cosig_out *out);
const char *cosig_msg_name(u8 type);
int cosig_cause_to_errno(u32 cause);
u32 cosig_errno_to_cause(int err);

/* pending_msg of a closed call kept to absorb late duplicates */
#define COSIG_LINGER		0xff

/* engine.c */
void cosig_send(struct cosig *sig, const struct cosig_out *out);
void cosig_kick(struct cosig *sig);
void cosig_event_queue(struct cosig *sig, struct cosig_event *ev, unsigned int bit);
void cosig_arm(struct cosig_call *call, u8 msg, unsigned long timeout);
void cosig_disarm(struct cosig_call *call);

/* call.c */
struct cosig_call *cosig_call_alloc(struct cosig *sig, gfp_t gfp);
void cosig_call_release(struct kref *ref);
void cosig_call_put(struct cosig_call *call);
struct cosig_call *cosig_call_find(struct cosig *sig, u32 cref, bool ours, u32 epref);
int cosig_call_activate(struct cosig_call *call);
int cosig_call_deactivate(struct cosig_call *call);
void cosig_call_fill_params(struct cosig_call *call, const struct condis_flow_spec *tx,
			    const struct condis_flow_spec *rx);
void cosig_call_send(struct cosig_call *call, u8 type, u32 cause);
void cosig_call_events(struct cosig_call *call, unsigned long ev);
void cosig_call_rx(struct cosig *sig, struct cosig_msg *msg);
void cosig_call_timeout(struct cosig_call *call);
void cosig_call_clear(struct cosig_call *call, int status);
bool cosig_call_held(const struct cosig_call *call);
void cosig_calls_restarted(struct cosig *sig);
void cosig_call_clear_data(struct cosig_call *call, int status, const u8 *data, u32 len);
void cosig_call_finish_close(struct cosig_call *call);
void cosig_call_gone(struct cosig_call *call);
const char *cosig_state_name(enum cosig_call_state state);

/* party.c */
void cosig_party_put(struct cosig_party *party);
void cosig_party_events(struct cosig_party *party, unsigned long ev);
void cosig_party_rx(struct cosig_call *call, struct cosig_msg *msg);
void cosig_party_timeout(struct cosig_party *party);
void cosig_party_clear_all(struct cosig_call *call, int status);
void cosig_party_forget_all(struct cosig_call *call);
int cosig_party_update_vc(struct cosig_call *call);
unsigned int cosig_party_active_count(struct cosig_call *call);

/* cm_ops.c */
void cosig_cm_notify_all(struct cosig *sig);

/* qos.c */
void cosig_qos_modify(struct cosig_call *call);
void cosig_qos_rx(struct cosig_call *call, struct cosig_msg *msg);
void cosig_qos_timeout(struct cosig_call *call);
void cosig_qos_abort(struct cosig_call *call, int status);

#endif /* _COSIG_INTERNAL_H */
