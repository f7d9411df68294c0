/* SPDX-License-Identifier: GPL-2.0 */
/*
 * condis tracepoints: one event per state transition of an address family,
 * an open AF, a SAP, a VC, the call on a VC and a party, with ids and
 * state names.
 *
 *   echo 1 > /sys/kernel/tracing/events/condis/enable
 *   cat /sys/kernel/tracing/trace_pipe
 */
#undef TRACE_SYSTEM
#define TRACE_SYSTEM condis

#if !defined(_CONDIS_TRACE_H) || defined(TRACE_HEADER_MULTI_READ)
#define _CONDIS_TRACE_H

#include <linux/tracepoint.h>
#include <net/condis_names.h>

#include "objects.h"

/*
 * The state names come from the netlink spec (condis_show_xxx() in
 * net/condis_names.h); user space needs the values of the enum constants
 * to decode them.
 */
TRACE_DEFINE_ENUM(CONDIS_AF_STATE_OPENING);
TRACE_DEFINE_ENUM(CONDIS_AF_STATE_OPEN);
TRACE_DEFINE_ENUM(CONDIS_AF_STATE_CLOSING);
TRACE_DEFINE_ENUM(CONDIS_AF_STATE_CLOSED);

TRACE_DEFINE_ENUM(CONDIS_SAP_STATE_REGISTERING);
TRACE_DEFINE_ENUM(CONDIS_SAP_STATE_REGISTERED);
TRACE_DEFINE_ENUM(CONDIS_SAP_STATE_DEREGISTERING);
TRACE_DEFINE_ENUM(CONDIS_SAP_STATE_GONE);

TRACE_DEFINE_ENUM(CONDIS_VC_STATE_INACTIVE);
TRACE_DEFINE_ENUM(CONDIS_VC_STATE_ACTIVATING);
TRACE_DEFINE_ENUM(CONDIS_VC_STATE_ACTIVE);
TRACE_DEFINE_ENUM(CONDIS_VC_STATE_DEACTIVATING);
TRACE_DEFINE_ENUM(CONDIS_VC_STATE_DELETED);

TRACE_DEFINE_ENUM(CONDIS_CALL_STATE_IDLE);
TRACE_DEFINE_ENUM(CONDIS_CALL_STATE_MAKING);
TRACE_DEFINE_ENUM(CONDIS_CALL_STATE_OFFERED);
TRACE_DEFINE_ENUM(CONDIS_CALL_STATE_ACCEPTED);
TRACE_DEFINE_ENUM(CONDIS_CALL_STATE_CONNECTED);
TRACE_DEFINE_ENUM(CONDIS_CALL_STATE_CLOSING);

TRACE_DEFINE_ENUM(CONDIS_PARTY_STATE_ADDING);
TRACE_DEFINE_ENUM(CONDIS_PARTY_STATE_ACTIVE);
TRACE_DEFINE_ENUM(CONDIS_PARTY_STATE_DROPPING);
TRACE_DEFINE_ENUM(CONDIS_PARTY_STATE_GONE);

TRACE_EVENT(condis_cm_af,
	TP_PROTO(const struct condis_cm_af *cm_af, bool registered),
	TP_ARGS(cm_af, registered),
	TP_STRUCT__entry(
		__array(char, adapter, 32)
		__field(u32, cm_af_id)
		__field(u32, family)
		__field(bool, mcm)
		__field(bool, registered)
	),
	TP_fast_assign(
		strscpy(__entry->adapter, cm_af->adapter->name, sizeof(__entry->adapter));
		__entry->cm_af_id = cm_af->obj.id;
		__entry->family = cm_af->type.family;
		__entry->mcm = !cm_af->cm_binding;
		__entry->registered = registered;
	),
	TP_printk("adapter=%s cm_af=%u family=%#x by=%s %s", __entry->adapter,
		  __entry->cm_af_id, __entry->family, __entry->mcm ? "mcm" : "cm",
		  __entry->registered ? "registered" : "unregistered")
);

TRACE_EVENT(condis_af_state,
	TP_PROTO(const struct condis_af *af, enum condis_af_state state),
	TP_ARGS(af, state),
	TP_STRUCT__entry(
		__field(u32, af_id)
		__field(u32, cm_af_id)
		__field(u32, family)
		__field(unsigned int, old)
		__field(unsigned int, state)
	),
	TP_fast_assign(
		__entry->af_id = af->obj.id;
		__entry->cm_af_id = af->cm_af->obj.id;
		__entry->family = af->cm_af->type.family;
		__entry->old = af->state;
		__entry->state = state;
	),
	TP_printk("af=%u cm_af=%u family=%#x %s -> %s", __entry->af_id, __entry->cm_af_id,
		  __entry->family, condis_show_af_state(__entry->old),
		  condis_show_af_state(__entry->state))
);

TRACE_EVENT(condis_sap_state,
	TP_PROTO(const struct condis_sap *sap, enum condis_sap_state state),
	TP_ARGS(sap, state),
	TP_STRUCT__entry(
		__field(u32, sap_id)
		__field(u32, af_id)
		__field(u32, type)
		__field(u32, len)
		__field(unsigned int, old)
		__field(unsigned int, state)
	),
	TP_fast_assign(
		__entry->sap_id = sap->obj.id;
		__entry->af_id = sap->af->obj.id;
		__entry->type = sap->addr.type;
		__entry->len = sap->addr.len;
		__entry->old = sap->state;
		__entry->state = state;
	),
	TP_printk("sap=%u af=%u type=%u len=%u %s -> %s", __entry->sap_id, __entry->af_id,
		  __entry->type, __entry->len, condis_show_sap_state(__entry->old),
		  condis_show_sap_state(__entry->state))
);

TRACE_EVENT(condis_vc_state,
	TP_PROTO(const struct condis_vc *vc, enum condis_vc_state state),
	TP_ARGS(vc, state),
	TP_STRUCT__entry(
		__field(u32, vc_id)
		__field(u32, af_id)
		__field(unsigned int, creator)
		__field(unsigned int, old)
		__field(unsigned int, state)
	),
	TP_fast_assign(
		__entry->vc_id = vc->obj.id;
		__entry->af_id = vc->af ? vc->af->obj.id : 0;
		__entry->creator = vc->creator;
		__entry->old = vc->state;
		__entry->state = state;
	),
	TP_printk("vc=%u af=%u by=%s %s -> %s", __entry->vc_id, __entry->af_id,
		  condis_show_vc_creator(__entry->creator),
		  condis_show_vc_state(__entry->old), condis_show_vc_state(__entry->state))
);

TRACE_EVENT(condis_call_state,
	TP_PROTO(const struct condis_vc *vc, enum condis_call_state state),
	TP_ARGS(vc, state),
	TP_STRUCT__entry(
		__field(u32, vc_id)
		__field(u32, af_id)
		__field(unsigned int, old)
		__field(unsigned int, state)
	),
	TP_fast_assign(
		__entry->vc_id = vc->obj.id;
		__entry->af_id = vc->af ? vc->af->obj.id : 0;
		__entry->old = vc->call.state;
		__entry->state = state;
	),
	TP_printk("vc=%u af=%u call %s -> %s", __entry->vc_id, __entry->af_id,
		  condis_show_call_state(__entry->old), condis_show_call_state(__entry->state))
);

/* The network closed the call; the client is told (its state is unchanged). */
TRACE_EVENT(condis_call_remote_close,
	TP_PROTO(const struct condis_vc *vc, int status),
	TP_ARGS(vc, status),
	TP_STRUCT__entry(
		__field(u32, vc_id)
		__field(unsigned int, state)
		__field(int, status)
	),
	TP_fast_assign(
		__entry->vc_id = vc->obj.id;
		__entry->state = vc->call.state;
		__entry->status = status;
	),
	TP_printk("vc=%u call %s closed by the network, status %d", __entry->vc_id,
		  condis_show_call_state(__entry->state), __entry->status)
);

/* A QoS change: the client's modify ended with @status, or the peer's (0). */
TRACE_EVENT(condis_call_qos,
	TP_PROTO(const struct condis_vc *vc, int status),
	TP_ARGS(vc, status),
	TP_STRUCT__entry(
		__field(u32, vc_id)
		__field(bool, peer)
		__field(int, status)
	),
	TP_fast_assign(
		__entry->vc_id = vc->obj.id;
		__entry->peer = !condis_qos_in_flight(vc);
		__entry->status = status;
	),
	TP_printk("vc=%u QoS changed by the %s, status %d", __entry->vc_id,
		  __entry->peer ? "peer" : "client", __entry->status)
);

/* An OID request answered (at once or by its completion). */
TRACE_EVENT(condis_oid,
	TP_PROTO(const struct condis_oid_request *req, unsigned int target, int status),
	TP_ARGS(req, target, status),
	TP_STRUCT__entry(
		__field(u32, oid)
		__field(bool, set)
		__field(unsigned int, target)
		__field(int, status)
	),
	TP_fast_assign(
		__entry->oid = req->oid;
		__entry->set = req->type == CONDIS_OID_SET;
		__entry->target = target;
		__entry->status = status;
	),
	TP_printk("%s oid=%#x answered by the %s, status %d", __entry->set ? "set" : "query",
		  __entry->oid, __print_symbolic(__entry->target, { 0, "miniport" },
						 { 1, "client" }, { 2, "call manager" }),
		  __entry->status)
);

/* A status indication handed to one binding's protocol. */
TRACE_EVENT(condis_status,
	TP_PROTO(const struct condis_binding *binding, const struct condis_vc *vc, int code),
	TP_ARGS(binding, vc, code),
	TP_STRUCT__entry(
		__field(u32, binding_id)
		__field(u32, vc_id)
		__field(int, code)
	),
	TP_fast_assign(
		__entry->binding_id = binding->obj.id;
		__entry->vc_id = vc ? vc->obj.id : 0;
		__entry->code = code;
	),
	TP_printk("binding=%u vc=%u status %#x", __entry->binding_id, __entry->vc_id,
		  __entry->code)
);

/* Packets handed to a miniport for sending on a VC. */
TRACE_EVENT(condis_send,
	TP_PROTO(const struct condis_vc *vc, unsigned int n),
	TP_ARGS(vc, n),
	TP_STRUCT__entry(
		__field(u32, vc_id)
		__field(unsigned int, n)
	),
	TP_fast_assign(
		__entry->vc_id = vc->obj.id;
		__entry->n = n;
	),
	TP_printk("vc=%u send %u skbs", __entry->vc_id, __entry->n)
);

/* Packets a miniport indicated on a VC. */
TRACE_EVENT(condis_receive,
	TP_PROTO(const struct condis_vc *vc, unsigned int n, unsigned int flags),
	TP_ARGS(vc, n, flags),
	TP_STRUCT__entry(
		__field(u32, vc_id)
		__field(unsigned int, n)
		__field(unsigned int, flags)
	),
	TP_fast_assign(
		__entry->vc_id = vc->obj.id;
		__entry->n = n;
		__entry->flags = flags;
	),
	TP_printk("vc=%u receive %u skbs%s", __entry->vc_id, __entry->n,
		  __entry->flags & CONDIS_RECEIVE_RESOURCES ? " (copy now)" : "")
);

TRACE_EVENT(condis_party_state,
	TP_PROTO(const struct condis_party *party, enum condis_party_state state),
	TP_ARGS(party, state),
	TP_STRUCT__entry(
		__field(u32, party_id)
		__field(u32, vc_id)
		__field(unsigned int, old)
		__field(unsigned int, state)
	),
	TP_fast_assign(
		__entry->party_id = party->obj.id;
		__entry->vc_id = party->vc->obj.id;
		__entry->old = party->state;
		__entry->state = state;
	),
	TP_printk("party=%u vc=%u %s -> %s", __entry->party_id, __entry->vc_id,
		  condis_show_party_state(__entry->old), condis_show_party_state(__entry->state))
);

#endif /* _CONDIS_TRACE_H */

/* Outside the guard: define_trace.h reads this file again. */
#undef TRACE_INCLUDE_PATH
#define TRACE_INCLUDE_PATH .
#undef TRACE_INCLUDE_FILE
#define TRACE_INCLUDE_FILE trace
#include <trace/define_trace.h>
