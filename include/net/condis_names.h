/* SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause) */
/* Do not edit directly, auto-generated from: */
/*	Documentation/netlink/specs/condis.yaml */
/* by tools/check/nlnames: the names of its enums' values, for the */
/* kernel (tracepoints, debugfs) and the tool alike */

#ifndef _NET_CONDIS_NAMES_H
#define _NET_CONDIS_NAMES_H

/* obj-kind: The kind of object an event is about */
#define CONDIS_OBJ_KIND_NAMES			\
	[CONDIS_OBJ_KIND_ADAPTER] = "adapter",	\
	[CONDIS_OBJ_KIND_BINDING] = "binding",	\
	[CONDIS_OBJ_KIND_AF] = "af",		\
	[CONDIS_OBJ_KIND_SAP] = "sap",		\
	[CONDIS_OBJ_KIND_VC] = "vc",		\
	[CONDIS_OBJ_KIND_PARTY] = "party"
#define condis_show_obj_kind(v)				\
	__print_symbolic(v,				\
		{ CONDIS_OBJ_KIND_ADAPTER, "adapter" },	\
		{ CONDIS_OBJ_KIND_BINDING, "binding" },	\
		{ CONDIS_OBJ_KIND_AF, "af" },		\
		{ CONDIS_OBJ_KIND_SAP, "sap" },		\
		{ CONDIS_OBJ_KIND_VC, "vc" },		\
		{ CONDIS_OBJ_KIND_PARTY, "party" })

/* event-type: What happened to the object */
#define CONDIS_EVENT_TYPE_NAMES			\
	[CONDIS_EVENT_TYPE_NEW] = "new",	\
	[CONDIS_EVENT_TYPE_CHANGE] = "change",	\
	[CONDIS_EVENT_TYPE_DEL] = "del"
#define condis_show_event_type(v)			\
	__print_symbolic(v,				\
		{ CONDIS_EVENT_TYPE_NEW, "new" },	\
		{ CONDIS_EVENT_TYPE_CHANGE, "change" },	\
		{ CONDIS_EVENT_TYPE_DEL, "del" })

/* af-state: The state of an open address family */
#define CONDIS_AF_STATE_NAMES			\
	[CONDIS_AF_STATE_OPENING] = "opening",	\
	[CONDIS_AF_STATE_OPEN] = "open",	\
	[CONDIS_AF_STATE_CLOSING] = "closing",	\
	[CONDIS_AF_STATE_CLOSED] = "closed"
#define condis_show_af_state(v)				\
	__print_symbolic(v,				\
		{ CONDIS_AF_STATE_OPENING, "opening" },	\
		{ CONDIS_AF_STATE_OPEN, "open" },	\
		{ CONDIS_AF_STATE_CLOSING, "closing" },	\
		{ CONDIS_AF_STATE_CLOSED, "closed" })

/* sap-state: The state of a SAP */
#define CONDIS_SAP_STATE_NAMES					\
	[CONDIS_SAP_STATE_REGISTERING] = "registering",		\
	[CONDIS_SAP_STATE_REGISTERED] = "registered",		\
	[CONDIS_SAP_STATE_DEREGISTERING] = "deregistering",	\
	[CONDIS_SAP_STATE_GONE] = "gone"
#define condis_show_sap_state(v)					\
	__print_symbolic(v,						\
		{ CONDIS_SAP_STATE_REGISTERING, "registering" },	\
		{ CONDIS_SAP_STATE_REGISTERED, "registered" },		\
		{ CONDIS_SAP_STATE_DEREGISTERING, "deregistering" },	\
		{ CONDIS_SAP_STATE_GONE, "gone" })

/* vc-state: The activation state of a VC */
#define CONDIS_VC_STATE_NAMES					\
	[CONDIS_VC_STATE_INACTIVE] = "inactive",		\
	[CONDIS_VC_STATE_ACTIVATING] = "activating",		\
	[CONDIS_VC_STATE_ACTIVE] = "active",			\
	[CONDIS_VC_STATE_DEACTIVATING] = "deactivating",	\
	[CONDIS_VC_STATE_DELETED] = "deleted"
#define condis_show_vc_state(v)						\
	__print_symbolic(v,						\
		{ CONDIS_VC_STATE_INACTIVE, "inactive" },		\
		{ CONDIS_VC_STATE_ACTIVATING, "activating" },		\
		{ CONDIS_VC_STATE_ACTIVE, "active" },			\
		{ CONDIS_VC_STATE_DEACTIVATING, "deactivating" },	\
		{ CONDIS_VC_STATE_DELETED, "deleted" })

/* vc-creator: Who created a VC */
#define CONDIS_VC_CREATOR_NAMES			\
	[CONDIS_VC_CREATOR_CLIENT] = "client",	\
	[CONDIS_VC_CREATOR_CM] = "cm",		\
	[CONDIS_VC_CREATOR_MCM] = "mcm"
#define condis_show_vc_creator(v)			\
	__print_symbolic(v,				\
		{ CONDIS_VC_CREATOR_CLIENT, "client" },	\
		{ CONDIS_VC_CREATOR_CM, "cm" },		\
		{ CONDIS_VC_CREATOR_MCM, "mcm" })

/* call-state: The state of the call on a VC, as its client sees it */
#define CONDIS_CALL_STATE_NAMES				\
	[CONDIS_CALL_STATE_IDLE] = "idle",		\
	[CONDIS_CALL_STATE_MAKING] = "making",		\
	[CONDIS_CALL_STATE_OFFERED] = "offered",	\
	[CONDIS_CALL_STATE_ACCEPTED] = "accepted",	\
	[CONDIS_CALL_STATE_CONNECTED] = "connected",	\
	[CONDIS_CALL_STATE_CLOSING] = "closing"
#define condis_show_call_state(v)				\
	__print_symbolic(v,					\
		{ CONDIS_CALL_STATE_IDLE, "idle" },		\
		{ CONDIS_CALL_STATE_MAKING, "making" },		\
		{ CONDIS_CALL_STATE_OFFERED, "offered" },	\
		{ CONDIS_CALL_STATE_ACCEPTED, "accepted" },	\
		{ CONDIS_CALL_STATE_CONNECTED, "connected" },	\
		{ CONDIS_CALL_STATE_CLOSING, "closing" })

/* party-state: The state of a party of a point-to-multipoint call */
#define CONDIS_PARTY_STATE_NAMES			\
	[CONDIS_PARTY_STATE_ADDING] = "adding",		\
	[CONDIS_PARTY_STATE_ACTIVE] = "active",		\
	[CONDIS_PARTY_STATE_DROPPING] = "dropping",	\
	[CONDIS_PARTY_STATE_GONE] = "gone"
#define condis_show_party_state(v)				\
	__print_symbolic(v,					\
		{ CONDIS_PARTY_STATE_ADDING, "adding" },	\
		{ CONDIS_PARTY_STATE_ACTIVE, "active" },	\
		{ CONDIS_PARTY_STATE_DROPPING, "dropping" },	\
		{ CONDIS_PARTY_STATE_GONE, "gone" })

/* the attributes of the adapter set */
#define CONDIS_ADAPTER_ATTR_NAMES			\
	[CONDIS_A_ADAPTER_ID] = "id",			\
	[CONDIS_A_ADAPTER_NAME] = "name",		\
	[CONDIS_A_ADAPTER_MINIPORT] = "miniport",	\
	[CONDIS_A_ADAPTER_MCM] = "mcm",			\
	[CONDIS_A_ADAPTER_DYING] = "dying",		\
	[CONDIS_A_ADAPTER_BINDINGS] = "bindings",	\
	[CONDIS_A_ADAPTER_CM_AFS] = "cm-afs"

/* the attributes of the binding set */
#define CONDIS_BINDING_ATTR_NAMES			\
	[CONDIS_A_BINDING_ID] = "id",			\
	[CONDIS_A_BINDING_ADAPTER_ID] = "adapter-id",	\
	[CONDIS_A_BINDING_ADAPTER] = "adapter",		\
	[CONDIS_A_BINDING_PROTOCOL] = "protocol",	\
	[CONDIS_A_BINDING_CLIENT] = "client",		\
	[CONDIS_A_BINDING_CM] = "cm",			\
	[CONDIS_A_BINDING_AFS] = "afs"

/* the attributes of the af set */
#define CONDIS_AF_ATTR_NAMES				\
	[CONDIS_A_AF_ID] = "id",			\
	[CONDIS_A_AF_ADAPTER_ID] = "adapter-id",	\
	[CONDIS_A_AF_ADAPTER] = "adapter",		\
	[CONDIS_A_AF_CM_AF_ID] = "cm-af-id",		\
	[CONDIS_A_AF_FAMILY] = "family",		\
	[CONDIS_A_AF_CLIENT] = "client",		\
	[CONDIS_A_AF_CM] = "cm",			\
	[CONDIS_A_AF_STATE] = "state",			\
	[CONDIS_A_AF_SAPS] = "saps",			\
	[CONDIS_A_AF_VCS] = "vcs"

/* the attributes of the sap set */
#define CONDIS_SAP_ATTR_NAMES			\
	[CONDIS_A_SAP_ID] = "id",		\
	[CONDIS_A_SAP_AF_ID] = "af-id",		\
	[CONDIS_A_SAP_ADAPTER] = "adapter",	\
	[CONDIS_A_SAP_TYPE] = "type",		\
	[CONDIS_A_SAP_ADDR] = "addr",		\
	[CONDIS_A_SAP_STATE] = "state"

/* the attributes of the vc-stats set */
#define CONDIS_VC_STATS_ATTR_NAMES				\
	[CONDIS_A_VC_STATS_TX_PACKETS] = "tx-packets",		\
	[CONDIS_A_VC_STATS_TX_BYTES] = "tx-bytes",		\
	[CONDIS_A_VC_STATS_TX_ERRORS] = "tx-errors",		\
	[CONDIS_A_VC_STATS_TX_IN_FLIGHT] = "tx-in-flight",	\
	[CONDIS_A_VC_STATS_RX_PACKETS] = "rx-packets",		\
	[CONDIS_A_VC_STATS_RX_BYTES] = "rx-bytes",		\
	[CONDIS_A_VC_STATS_RX_KEPT] = "rx-kept"

/* the attributes of the vc set */
#define CONDIS_VC_ATTR_NAMES					\
	[CONDIS_A_VC_ID] = "id",				\
	[CONDIS_A_VC_AF_ID] = "af-id",				\
	[CONDIS_A_VC_ADAPTER_ID] = "adapter-id",		\
	[CONDIS_A_VC_ADAPTER] = "adapter",			\
	[CONDIS_A_VC_CREATOR] = "creator",			\
	[CONDIS_A_VC_STATE] = "state",				\
	[CONDIS_A_VC_CALL_STATE] = "call-state",		\
	[CONDIS_A_VC_CLOSED_BY_NETWORK] = "closed-by-network",	\
	[CONDIS_A_VC_MULTIPOINT] = "multipoint",		\
	[CONDIS_A_VC_PARTIES] = "parties",			\
	[CONDIS_A_VC_STATS] = "stats"

/* the attributes of the party set */
#define CONDIS_PARTY_ATTR_NAMES			\
	[CONDIS_A_PARTY_ID] = "id",		\
	[CONDIS_A_PARTY_VC_ID] = "vc-id",	\
	[CONDIS_A_PARTY_STATE] = "state"

/* the attributes of the event set */
#define CONDIS_EVENT_ATTR_NAMES				\
	[CONDIS_A_EVENT_KIND] = "kind",			\
	[CONDIS_A_EVENT_TYPE] = "type",			\
	[CONDIS_A_EVENT_ID] = "id",			\
	[CONDIS_A_EVENT_PARENT_ID] = "parent-id",	\
	[CONDIS_A_EVENT_NAME] = "name",			\
	[CONDIS_A_EVENT_OLD_STATE] = "old-state",	\
	[CONDIS_A_EVENT_STATE] = "state",		\
	[CONDIS_A_EVENT_CALL_STATE] = "call-state",	\
	[CONDIS_A_EVENT_OLD_CALL_STATE] = "old-call-state"

/* the commands */
#define CONDIS_CMD_NAMES				\
	[CONDIS_CMD_ADAPTER_GET] = "adapter-get",	\
	[CONDIS_CMD_BINDING_GET] = "binding-get",	\
	[CONDIS_CMD_AF_GET] = "af-get",			\
	[CONDIS_CMD_SAP_GET] = "sap-get",		\
	[CONDIS_CMD_VC_GET] = "vc-get",			\
	[CONDIS_CMD_CALL_GET] = "call-get",		\
	[CONDIS_CMD_PARTY_GET] = "party-get",		\
	[CONDIS_CMD_EVENT_NTF] = "event-ntf"

#endif /* _NET_CONDIS_NAMES_H */
