/* SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause) */
/* Do not edit directly, auto-generated from: */
/*	Documentation/netlink/specs/condis.yaml */
/* YNL-GEN uapi header */

#ifndef _UAPI_LINUX_CONDIS_H
#define _UAPI_LINUX_CONDIS_H

#define CONDIS_FAMILY_NAME	"condis"
#define CONDIS_FAMILY_VERSION	1

#define CONDIS_SAP_ADDR_MAX	512

/**
 * enum condis_obj_kind - The kind of object an event is about.
 * @CONDIS_OBJ_KIND_ADAPTER: An adapter of a CO miniport driver.
 * @CONDIS_OBJ_KIND_BINDING: A protocol driver (client or call manager) bound
 *   to an adapter.
 * @CONDIS_OBJ_KIND_AF: An address family one client opened with one call
 *   manager.
 * @CONDIS_OBJ_KIND_SAP: A service access point a client registered on an open
 *   AF.
 * @CONDIS_OBJ_KIND_VC: A virtual connection and the call on it.
 * @CONDIS_OBJ_KIND_PARTY: A leaf of a point-to-multipoint call.
 */
enum condis_obj_kind {
	CONDIS_OBJ_KIND_ADAPTER = 1,
	CONDIS_OBJ_KIND_BINDING,
	CONDIS_OBJ_KIND_AF,
	CONDIS_OBJ_KIND_SAP,
	CONDIS_OBJ_KIND_VC,
	CONDIS_OBJ_KIND_PARTY,
};

/**
 * enum condis_event_type - What happened to the object.
 * @CONDIS_EVENT_TYPE_NEW: The object was created.
 * @CONDIS_EVENT_TYPE_CHANGE: Its state changed; old-state and state say how.
 * @CONDIS_EVENT_TYPE_DEL: It reached its final state and is gone from the
 *   dumps.
 */
enum condis_event_type {
	CONDIS_EVENT_TYPE_NEW = 1,
	CONDIS_EVENT_TYPE_CHANGE,
	CONDIS_EVENT_TYPE_DEL,
};

/**
 * enum condis_af_state - The state of an open address family.
 * @CONDIS_AF_STATE_OPENING: The call manager has not completed the open yet.
 * @CONDIS_AF_STATE_OPEN: Open; SAPs may be registered and calls made.
 * @CONDIS_AF_STATE_CLOSING: The client asked to close it.
 * @CONDIS_AF_STATE_CLOSED: Closed, or the open failed.
 */
enum condis_af_state {
	CONDIS_AF_STATE_OPENING,
	CONDIS_AF_STATE_OPEN,
	CONDIS_AF_STATE_CLOSING,
	CONDIS_AF_STATE_CLOSED,
};

/**
 * enum condis_sap_state - The state of a SAP.
 * @CONDIS_SAP_STATE_REGISTERING: The call manager has not completed the
 *   registration yet.
 * @CONDIS_SAP_STATE_REGISTERED: Incoming calls for it are dispatched to its
 *   client.
 * @CONDIS_SAP_STATE_DEREGISTERING: The client deregistered it; no new call
 *   reaches it, and the call manager has not completed the deregistration yet.
 * @CONDIS_SAP_STATE_GONE: Deregistered.
 */
enum condis_sap_state {
	CONDIS_SAP_STATE_REGISTERING,
	CONDIS_SAP_STATE_REGISTERED,
	CONDIS_SAP_STATE_DEREGISTERING,
	CONDIS_SAP_STATE_GONE,
};

/**
 * enum condis_vc_state - The activation state of a VC.
 * @CONDIS_VC_STATE_INACTIVE: Created, or deactivated.
 * @CONDIS_VC_STATE_ACTIVATING: An activation is with the miniport.
 * @CONDIS_VC_STATE_ACTIVE: Active; data may flow.
 * @CONDIS_VC_STATE_DEACTIVATING: A deactivation is with the miniport.
 * @CONDIS_VC_STATE_DELETED: Deleted.
 */
enum condis_vc_state {
	CONDIS_VC_STATE_INACTIVE,
	CONDIS_VC_STATE_ACTIVATING,
	CONDIS_VC_STATE_ACTIVE,
	CONDIS_VC_STATE_DEACTIVATING,
	CONDIS_VC_STATE_DELETED,
};

/**
 * enum condis_vc_creator - Who created a VC.
 * @CONDIS_VC_CREATOR_CLIENT: A client, for an outgoing call.
 * @CONDIS_VC_CREATOR_CM: A stand-alone call manager (an incoming call or its
 *   signalling VC).
 * @CONDIS_VC_CREATOR_MCM: A miniport call manager, for an incoming call.
 */
enum condis_vc_creator {
	CONDIS_VC_CREATOR_CLIENT,
	CONDIS_VC_CREATOR_CM,
	CONDIS_VC_CREATOR_MCM,
};

/**
 * enum condis_call_state - The state of the call on a VC, as its client sees
 *   it.
 * @CONDIS_CALL_STATE_IDLE: No call.
 * @CONDIS_CALL_STATE_MAKING: The client's make-call is with the call manager.
 * @CONDIS_CALL_STATE_OFFERED: An incoming call awaits the client's answer.
 * @CONDIS_CALL_STATE_ACCEPTED: Accepted; waiting for call-connected.
 * @CONDIS_CALL_STATE_CONNECTED: Connected.
 * @CONDIS_CALL_STATE_CLOSING: The client's close-call is with the call
 *   manager.
 */
enum condis_call_state {
	CONDIS_CALL_STATE_IDLE,
	CONDIS_CALL_STATE_MAKING,
	CONDIS_CALL_STATE_OFFERED,
	CONDIS_CALL_STATE_ACCEPTED,
	CONDIS_CALL_STATE_CONNECTED,
	CONDIS_CALL_STATE_CLOSING,
};

/**
 * enum condis_party_state - The state of a party of a point-to-multipoint
 *   call.
 * @CONDIS_PARTY_STATE_ADDING: Its make-call or add-party is with the call
 *   manager.
 * @CONDIS_PARTY_STATE_ACTIVE: Active.
 * @CONDIS_PARTY_STATE_DROPPING: The client's drop-party is with the call
 *   manager.
 * @CONDIS_PARTY_STATE_GONE: Dropped.
 */
enum condis_party_state {
	CONDIS_PARTY_STATE_ADDING,
	CONDIS_PARTY_STATE_ACTIVE,
	CONDIS_PARTY_STATE_DROPPING,
	CONDIS_PARTY_STATE_GONE,
};

enum {
	CONDIS_A_ADAPTER_ID = 1,
	CONDIS_A_ADAPTER_NAME,
	CONDIS_A_ADAPTER_MINIPORT,
	CONDIS_A_ADAPTER_MCM,
	CONDIS_A_ADAPTER_DYING,
	CONDIS_A_ADAPTER_BINDINGS,
	CONDIS_A_ADAPTER_CM_AFS,

	__CONDIS_A_ADAPTER_MAX,
	CONDIS_A_ADAPTER_MAX = (__CONDIS_A_ADAPTER_MAX - 1)
};

enum {
	CONDIS_A_BINDING_ID = 1,
	CONDIS_A_BINDING_ADAPTER_ID,
	CONDIS_A_BINDING_ADAPTER,
	CONDIS_A_BINDING_PROTOCOL,
	CONDIS_A_BINDING_CLIENT,
	CONDIS_A_BINDING_CM,
	CONDIS_A_BINDING_AFS,

	__CONDIS_A_BINDING_MAX,
	CONDIS_A_BINDING_MAX = (__CONDIS_A_BINDING_MAX - 1)
};

enum {
	CONDIS_A_AF_ID = 1,
	CONDIS_A_AF_ADAPTER_ID,
	CONDIS_A_AF_ADAPTER,
	CONDIS_A_AF_CM_AF_ID,
	CONDIS_A_AF_FAMILY,
	CONDIS_A_AF_CLIENT,
	CONDIS_A_AF_CM,
	CONDIS_A_AF_STATE,
	CONDIS_A_AF_SAPS,
	CONDIS_A_AF_VCS,

	__CONDIS_A_AF_MAX,
	CONDIS_A_AF_MAX = (__CONDIS_A_AF_MAX - 1)
};

enum {
	CONDIS_A_SAP_ID = 1,
	CONDIS_A_SAP_AF_ID,
	CONDIS_A_SAP_ADAPTER,
	CONDIS_A_SAP_TYPE,
	CONDIS_A_SAP_ADDR,
	CONDIS_A_SAP_STATE,

	__CONDIS_A_SAP_MAX,
	CONDIS_A_SAP_MAX = (__CONDIS_A_SAP_MAX - 1)
};

enum {
	CONDIS_A_VC_STATS_TX_PACKETS = 1,
	CONDIS_A_VC_STATS_TX_BYTES,
	CONDIS_A_VC_STATS_TX_ERRORS,
	CONDIS_A_VC_STATS_TX_IN_FLIGHT,
	CONDIS_A_VC_STATS_RX_PACKETS,
	CONDIS_A_VC_STATS_RX_BYTES,
	CONDIS_A_VC_STATS_RX_KEPT,

	__CONDIS_A_VC_STATS_MAX,
	CONDIS_A_VC_STATS_MAX = (__CONDIS_A_VC_STATS_MAX - 1)
};

enum {
	CONDIS_A_VC_ID = 1,
	CONDIS_A_VC_AF_ID,
	CONDIS_A_VC_ADAPTER_ID,
	CONDIS_A_VC_ADAPTER,
	CONDIS_A_VC_CREATOR,
	CONDIS_A_VC_STATE,
	CONDIS_A_VC_CALL_STATE,
	CONDIS_A_VC_CLOSED_BY_NETWORK,
	CONDIS_A_VC_MULTIPOINT,
	CONDIS_A_VC_PARTIES,
	CONDIS_A_VC_STATS,

	__CONDIS_A_VC_MAX,
	CONDIS_A_VC_MAX = (__CONDIS_A_VC_MAX - 1)
};

enum {
	CONDIS_A_PARTY_ID = 1,
	CONDIS_A_PARTY_VC_ID,
	CONDIS_A_PARTY_STATE,

	__CONDIS_A_PARTY_MAX,
	CONDIS_A_PARTY_MAX = (__CONDIS_A_PARTY_MAX - 1)
};

enum {
	CONDIS_A_EVENT_KIND = 1,
	CONDIS_A_EVENT_TYPE,
	CONDIS_A_EVENT_ID,
	CONDIS_A_EVENT_PARENT_ID,
	CONDIS_A_EVENT_NAME,
	CONDIS_A_EVENT_OLD_STATE,
	CONDIS_A_EVENT_STATE,
	CONDIS_A_EVENT_CALL_STATE,
	CONDIS_A_EVENT_OLD_CALL_STATE,

	__CONDIS_A_EVENT_MAX,
	CONDIS_A_EVENT_MAX = (__CONDIS_A_EVENT_MAX - 1)
};

enum {
	CONDIS_CMD_ADAPTER_GET = 1,
	CONDIS_CMD_BINDING_GET,
	CONDIS_CMD_AF_GET,
	CONDIS_CMD_SAP_GET,
	CONDIS_CMD_VC_GET,
	CONDIS_CMD_CALL_GET,
	CONDIS_CMD_PARTY_GET,
	CONDIS_CMD_EVENT_NTF,

	__CONDIS_CMD_MAX,
	CONDIS_CMD_MAX = (__CONDIS_CMD_MAX - 1)
};

#define CONDIS_MCGRP_MONITOR	"monitor"

#endif /* _UAPI_LINUX_CONDIS_H */
