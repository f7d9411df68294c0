/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Fake client, call manager, MCM and miniport for the condis KUnit suites.
 * Every callback appends an event ("cm.open_af", "cl.deregister_sap_complete 0")
 * to a log, so a test can check the order of calls and that each completion
 * came exactly once.  The fake CM answers each operation with the status
 * the test set beforehand, or pends it and leaves the completion to the test.
 */
#ifndef _CONDIS_FAKE_ROLES_H
#define _CONDIS_FAKE_ROLES_H

#include <kunit/test.h>
#include <linux/sched.h>
#include <linux/completion.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>
#include <net/condis.h>

#define FAKE_LOG_MAX	1024
#define FAKE_EVENT_LEN	64
#define FAKE_SKBS_MAX	16	/* skbs recorded per data callback kind */

enum fake_cm_kind {
	FAKE_STANDALONE_CM,	/* a protocol driver over a plain CO miniport */
	FAKE_MCM,		/* the miniport is the call manager */
};

struct fake_world;

struct fake_log {
	spinlock_t lock;	/* protects the fields below */
	unsigned int n;
	char ev[FAKE_LOG_MAX][FAKE_EVENT_LEN];
	struct task_struct *task[FAKE_LOG_MAX];
};

/* What the fake CM does when asked: a status to return, or CONDIS_PENDING. */
struct fake_cm_answers {
	int open_af;
	int close_af;
	int register_sap;
	int deregister_sap;
	int create_vc;
	int make_call;		/* 0: activate the VC and connect at once */
	int close_call;		/* 0: deactivate the VC and close at once */
	int add_party;
	int drop_party;
	int modify_qos;		/* 0: re-activate with the new QoS at once */
	int oid;
};

/* What the fake miniport answers. */
struct fake_mp_answers {
	int activate_vc;
	int deactivate_vc;
	int oid;
};

struct fake_world {
	struct kunit *test;
	enum fake_cm_kind kind;
	struct fake_log log;
	struct fake_cm_answers cm;
	struct fake_mp_answers mp;
	int cl_create_vc;		/* the client's answer to create_vc */
	int mp_vcs;			/* VCs the miniport holds state for */

	struct condis_miniport *miniport;
	struct condis_adapter *adapter;
	struct condis_protocol *client;
	struct condis_protocol *cm_proto;	/* stand-alone CM only */
	struct condis_binding *cl_binding;
	struct condis_binding *cm_binding;
	struct condis_cm_af *cm_af;
	struct condis_af_type af_type;

	/* What the CM was last handed, for the test to complete pended ops. */
	struct condis_af *cm_last_af;
	struct condis_sap *cm_last_sap;
	void *cm_last_sap_ctx;
	int cm_sap_ctx_live;		/* CM per-SAP contexts allocated, not freed */

	/* The client's results. */
	struct condis_af *cl_af;
	int cl_open_status;
	bool unbinding;
	bool cl_lazy_unbind;		/* unbind_adapter leaves everything open */
	bool cl_pend_unbind;		/* unbind_adapter pends; the test closes */
	struct completion cl_unbind_entered;	/* ... and it was called */
	int cl_notify;			/* the client's answer to notify-close */
	struct completion gate;		/* fake_world_hold_wq() */
	struct work_struct gate_work;
	struct condis_af *notify_af;	/* the AF of a pended notify-close */

	/* Calls. */
	bool cm_close_lies;		/* close_call claims success, VC left active */
	bool cm_make_completes_early;	/* make_call completes, has the completion
					 * delivered, then returns -EIO (a bug)
					 */
	int cm_drop_fails;		/* drop_party fails this many drops: completes
					 * them with -EIO inside, returns pending
					 */
	bool cm_deletes_closed;		/* NDIS's CM: an incoming call's close pends,
					 * then deactivate, complete, delete the VC
					 */
	struct condis_vc *cm_closing_vc;
	struct work_struct cm_close_work;
	struct condis_vc *cl_vc;	/* the VC the client's call callbacks act on */
	int cl_incoming;		/* the client's answer to incoming_call */
	bool cl_close_on_remote_close;	/* incoming_close_call closes the call */
	int cl_close_ret;		/* what that close returned */
	struct condis_sap *cl_dereg_in_offer;	/* deregistered inside incoming_call */
	struct condis_call_params *cl_params;	/* last parameters the client got */
	struct condis_call_params *cm_params;	/* last parameters the CM got */
	struct condis_party *cm_last_party;	/* the party the CM last got */
	struct condis_party *cl_made_party;	/* from make_call_complete */
	int cl_oid;				/* the client's answer to an OID */
	bool oid_complete_inline;		/* targets complete before returning */

	/* Status indications: per binding, how many are inside co_status. */
	atomic_t cl_status_inside, cm_status_inside;
	atomic_t status_overlaps;		/* times two were inside at once */
	atomic_t cl_status_seen, cm_status_seen;
	bool status_slow;			/* co_status lingers a little */

	/* The data path. */
	struct sk_buff_head mp_tx;		/* skbs the miniport holds, unsent */
	struct sk_buff_head cl_kept;		/* received skbs the client kept */
	bool cl_keep;				/* co_receive keeps what it gets */
	unsigned int mp_returned;		/* skbs handed back to the miniport */
	unsigned int cl_sent_back;		/* skbs whose send completed */
	int cl_send_errors;			/* ... with a non-zero status */
	/* Every skb return_skbs and co_send_complete got, in order. */
	struct sk_buff *mp_got[FAKE_SKBS_MAX], *cl_got[FAKE_SKBS_MAX];
	unsigned int mp_got_n, cl_got_n;
	bool mp_recycle;			/* return_skbs keeps them on mp_pool */
	struct sk_buff_head mp_pool;		/* ... like a miniport's buffer pool */
	bool cl_hold_done;			/* co_send_complete keeps them on cl_done */
	struct sk_buff_head cl_done;		/* completed sends the client still has */
	bool cl_return_first;			/* co_receive returns the first skb, and
						 * leaves it on the list all the same
						 */
	/* The VC each data callback found in CONDIS_SKB_CB(skb)->vc, last skb. */
	struct condis_vc *mp_send_vc, *cl_done_vc, *cl_rx_vc;
};

/*
 * The fake client's context for a party; the CM's context for it is the
 * same structure, so events name the party by @id.
 */
struct fake_party {
	struct fake_world *w;
	struct condis_party *party;	/* the client's handle */
	int id;
	bool drop_on_remote_drop;	/* incoming_drop_party drops it */
	int drop_ret;			/* what that drop returned */
};

/* The fake CM's context for a SAP: allocated in register_sap, freed in deregister_sap. */
struct fake_cm_sap {
	struct fake_world *w;
	struct condis_sap *sap;
};

struct fake_world *fake_world_new(struct kunit *test, enum fake_cm_kind kind);
struct fake_world *fake_world_new_ex(struct kunit *test, enum fake_cm_kind kind,
				     bool cm_under_mcm);
int fake_world_open_af(struct fake_world *w);
void fake_world_settle(struct fake_world *w);
/* condis_settle_wait() for at most this long in fake_settle_wait_for() */
#define FAKE_SETTLE_WAIT_MS	10000
s64 fake_settle_wait_for(void (*fn)(void *arg), bool (*done)(void *arg), void *arg,
			 unsigned int ms);
void fake_world_hold_wq(struct fake_world *w);
void fake_world_release_wq(struct fake_world *w);

void fake_log_add(struct fake_world *w, const char *fmt, ...) __printf(2, 3);

/*
 * Told of every release_ctx of the fake roles ('l' client, 'b' client
 * binding, 'c' call manager, 'm' plain miniport) while set; a suite sets
 * it for one test.
 */
extern void (*fake_release_hook)(char role, void *ctx);
unsigned int fake_count(struct fake_world *w, const char *prefix);
int fake_index(struct fake_world *w, const char *prefix);
struct task_struct *fake_task(struct fake_world *w, const char *prefix);

const void *fake_kind_gen_params(const void *prev, char *desc);

/* The fake CM's side of a call, as its kind (CM or MCM) does it. */
int fake_cm_activate(struct fake_world *w, struct condis_vc *vc);
int fake_cm_activate_with(struct fake_world *w, struct condis_vc *vc,
			  struct condis_call_params *params);
int fake_cm_deactivate(struct fake_world *w, struct condis_vc *vc);
int fake_cm_create_vc_for(struct fake_world *w, struct condis_af *af, struct condis_vc **vc);
int fake_cm_drop_vc(struct fake_world *w, struct condis_vc *vc);
struct condis_vc *fake_accepted_incoming(struct kunit *test, struct fake_world *w, u32 id,
					 struct condis_call_params *params,
					 struct condis_sap **sap);

/* The fake miniport completes every skb it holds, with @status. */
void fake_mp_complete_sends(struct fake_world *w, struct condis_vc *vc, int status);

/* A SAP address for tests: type 1 and the bytes of @id. */
struct fake_sap_addr {
	struct condis_sap_addr addr;
	u8 bytes[4];
};

void fake_sap_addr(struct fake_sap_addr *a, u32 id);

void fake_expect_count(struct kunit *test, struct fake_world *w, const char *prefix,
		       unsigned int want);
void fake_expect_before(struct kunit *test, struct fake_world *w, const char *a, const char *b);

#define FAKE_EXPECT_ONCE(test, w, prefix) fake_expect_count(test, w, prefix, 1)
#define FAKE_EXPECT_NONE(test, w, prefix) fake_expect_count(test, w, prefix, 0)
#define FAKE_EXPECT_BEFORE(test, w, a, b) fake_expect_before(test, w, a, b)

#endif /* _CONDIS_FAKE_ROLES_H */
