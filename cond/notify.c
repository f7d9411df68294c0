// SPDX-License-Identifier: GPL-2.0
/*
 * Monitor events: one CONDIS_CMD_EVENT_NTF message to the "monitor"
 * multicast group per object created, per state change and per object
 * gone.  They are sent from the same places as the state tracepoints, often
 * under the object's spinlock, so the message is built with GFP_ATOMIC; an
 * event that cannot be allocated is dropped (a listener that cannot keep up
 * sees ENOBUFS on its socket, as with any netlink multicast).  With no
 * listener an event costs one test.
 */
#include <net/genetlink.h>

#include "genl.h"
#include "netlink.h"
#include "objects.h"

/* No value: the attribute is left out of the event. */
#define NONE	(-1)

struct condis_nl_event {
	u32 kind;
	u32 type;
	u32 id;
	u32 parent;		/* 0: none */
	const char *name;	/* NULL: none */
	int old_state;
	int state;
	int old_call;
	int call;
};

static bool condis_nl_listening(void)
{
	return genl_has_listeners(&condis_nl_family, &init_net, CONDIS_NLGRP_MONITOR);
}

static int put_state(struct sk_buff *skb, int attr, int value)
{
	return value == NONE ? 0 : nla_put_u32(skb, attr, value);
}

static void condis_nl_send(const struct condis_nl_event *ev)
{
	struct sk_buff *skb;
	void *hdr;

	skb = genlmsg_new(NLMSG_GOODSIZE, GFP_ATOMIC);
	if (!skb)
		return;
	hdr = genlmsg_put(skb, 0, 0, &condis_nl_family, 0, CONDIS_CMD_EVENT_NTF);
	if (!hdr)
		goto err_free;
	if (nla_put_u32(skb, CONDIS_A_EVENT_KIND, ev->kind) ||
	    nla_put_u32(skb, CONDIS_A_EVENT_TYPE, ev->type) ||
	    nla_put_u32(skb, CONDIS_A_EVENT_ID, ev->id) ||
	    (ev->parent && nla_put_u32(skb, CONDIS_A_EVENT_PARENT_ID, ev->parent)) ||
	    (ev->name && nla_put_string(skb, CONDIS_A_EVENT_NAME, ev->name)) ||
	    put_state(skb, CONDIS_A_EVENT_OLD_STATE, ev->old_state) ||
	    put_state(skb, CONDIS_A_EVENT_STATE, ev->state) ||
	    put_state(skb, CONDIS_A_EVENT_OLD_CALL_STATE, ev->old_call) ||
	    put_state(skb, CONDIS_A_EVENT_CALL_STATE, ev->call))
		goto err_free;
	genlmsg_end(skb, hdr);
	genlmsg_multicast(&condis_nl_family, skb, 0, CONDIS_NLGRP_MONITOR, GFP_ATOMIC);
	return;

err_free:
	nlmsg_free(skb);
}

/*
 * A new object has no old state; the others report the state they left
 * and the state they entered.
 */
static void condis_nl_state_event(u32 kind, u32 type, u32 id, u32 parent, int old, int state)
{
	struct condis_nl_event ev = {
		.kind = kind, .type = type, .id = id, .parent = parent,
		.old_state = type == CONDIS_EVENT_TYPE_NEW ? NONE : old, .state = state,
		.old_call = NONE, .call = NONE,
	};

	condis_nl_send(&ev);
}

/* Context: process; under condis_config_lock. */
void condis_nl_notify_adapter(struct condis_adapter *adapter, u32 type)
{
	struct condis_nl_event ev = {
		.kind = CONDIS_OBJ_KIND_ADAPTER, .type = type, .id = adapter->obj.id,
		.name = adapter->name,
		.old_state = NONE, .state = NONE, .old_call = NONE, .call = NONE,
	};

	lockdep_assert_held(&condis_config_lock);
	if (condis_nl_listening())
		condis_nl_send(&ev);
}

/* Context: process; under condis_config_lock. */
void condis_nl_notify_binding(struct condis_binding *binding, u32 type)
{
	lockdep_assert_held(&condis_config_lock);
	if (condis_nl_listening())
		condis_nl_state_event(CONDIS_OBJ_KIND_BINDING, type, binding->obj.id,
				      binding->adapter->obj.id, NONE, NONE);
}

/* Context: any; under af->lock, except for a new AF (not yet shared). */
void condis_nl_notify_af(struct condis_af *af, u32 type, int old, int state)
{
	if (condis_nl_listening())
		condis_nl_state_event(CONDIS_OBJ_KIND_AF, type, af->obj.id, af->binding->obj.id,
				      old, state);
}

/* Context: any; under the SAP's AF's lock. */
void condis_nl_notify_sap(struct condis_sap *sap, u32 type, int old, int state)
{
	lockdep_assert_held(&sap->af->lock);
	if (condis_nl_listening())
		condis_nl_state_event(CONDIS_OBJ_KIND_SAP, type, sap->obj.id, sap->af->obj.id,
				      old, state);
}

static u32 vc_parent(struct condis_vc *vc)
{
	return vc->af ? vc->af->obj.id : vc->adapter->obj.id;
}

/* Context: any; under vc->lock. */
void condis_nl_notify_vc(struct condis_vc *vc, u32 type, int old, int state)
{
	struct condis_nl_event ev = {
		.kind = CONDIS_OBJ_KIND_VC, .type = type, .id = vc->obj.id,
		.parent = vc_parent(vc),
		.old_state = type == CONDIS_EVENT_TYPE_NEW ? NONE : old, .state = state,
		.old_call = NONE, .call = vc->call.state,
	};

	lockdep_assert_held(&vc->lock);
	if (condis_nl_listening())
		condis_nl_send(&ev);
}

/* Context: any; under vc->lock.  The VC's own state is unchanged. */
void condis_nl_notify_call(struct condis_vc *vc, int old, int state)
{
	struct condis_nl_event ev = {
		.kind = CONDIS_OBJ_KIND_VC, .type = CONDIS_EVENT_TYPE_CHANGE, .id = vc->obj.id,
		.parent = vc_parent(vc),
		.old_state = NONE, .state = vc->state, .old_call = old, .call = state,
	};

	lockdep_assert_held(&vc->lock);
	if (condis_nl_listening())
		condis_nl_send(&ev);
}

/* Context: any; under the party's VC's lock. */
void condis_nl_notify_party(struct condis_party *party, u32 type, int old, int state)
{
	lockdep_assert_held(&party->vc->lock);
	if (condis_nl_listening())
		condis_nl_state_event(CONDIS_OBJ_KIND_PARTY, type, party->obj.id,
				      party->vc->obj.id, old, state);
}
