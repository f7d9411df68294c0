// SPDX-License-Identifier: GPL-2.0
/*
 * condis tool: the names of the family's enum values, of the attributes of
 * the sets requests use, and of its commands, as the netlink spec
 * (Documentation/netlink/specs/condis.yaml) spells them.
 */
#include <string.h>

#include "tool.h"

static const char *const af_state_names_v[] = {
	[CONDIS_AF_STATE_OPENING] = "opening",
	[CONDIS_AF_STATE_OPEN] = "open",
	[CONDIS_AF_STATE_CLOSING] = "closing",
	[CONDIS_AF_STATE_CLOSED] = "closed",
};

const struct names af_state_names = {
	"af-state", af_state_names_v, ARRAY_SIZE(af_state_names_v)
};

static const char *const sap_state_names_v[] = {
	[CONDIS_SAP_STATE_REGISTERING] = "registering",
	[CONDIS_SAP_STATE_REGISTERED] = "registered",
	[CONDIS_SAP_STATE_DEREGISTERING] = "deregistering",
	[CONDIS_SAP_STATE_GONE] = "gone",
};

const struct names sap_state_names = {
	"sap-state", sap_state_names_v, ARRAY_SIZE(sap_state_names_v)
};

static const char *const vc_state_names_v[] = {
	[CONDIS_VC_STATE_INACTIVE] = "inactive",
	[CONDIS_VC_STATE_ACTIVATING] = "activating",
	[CONDIS_VC_STATE_ACTIVE] = "active",
	[CONDIS_VC_STATE_DEACTIVATING] = "deactivating",
	[CONDIS_VC_STATE_DELETED] = "deleted",
};

const struct names vc_state_names = {
	"vc-state", vc_state_names_v, ARRAY_SIZE(vc_state_names_v)
};

static const char *const vc_creator_names_v[] = {
	[CONDIS_VC_CREATOR_CLIENT] = "client",
	[CONDIS_VC_CREATOR_CM] = "cm",
	[CONDIS_VC_CREATOR_MCM] = "mcm",
};

const struct names vc_creator_names = {
	"vc-creator", vc_creator_names_v, ARRAY_SIZE(vc_creator_names_v)
};

static const char *const call_state_names_v[] = {
	[CONDIS_CALL_STATE_IDLE] = "idle",
	[CONDIS_CALL_STATE_MAKING] = "making",
	[CONDIS_CALL_STATE_OFFERED] = "offered",
	[CONDIS_CALL_STATE_ACCEPTED] = "accepted",
	[CONDIS_CALL_STATE_CONNECTED] = "connected",
	[CONDIS_CALL_STATE_CLOSING] = "closing",
};

const struct names call_state_names = {
	"call-state", call_state_names_v, ARRAY_SIZE(call_state_names_v)
};

static const char *const party_state_names_v[] = {
	[CONDIS_PARTY_STATE_ADDING] = "adding",
	[CONDIS_PARTY_STATE_ACTIVE] = "active",
	[CONDIS_PARTY_STATE_DROPPING] = "dropping",
	[CONDIS_PARTY_STATE_GONE] = "gone",
};

const struct names party_state_names = {
	"party-state", party_state_names_v, ARRAY_SIZE(party_state_names_v)
};

static const char *const port_mode_names_v[] = {
	[CONDIS_PORT_MODE_PLAIN] = "plain",
	[CONDIS_PORT_MODE_MCM] = "mcm",
};

const struct names port_mode_names = {
	"port-mode", port_mode_names_v, ARRAY_SIZE(port_mode_names_v)
};

static const char *const client_call_state_names_v[] = {
	[CONDIS_CLIENT_CALL_STATE_CALLING] = "calling",
	[CONDIS_CLIENT_CALL_STATE_CONNECTED] = "connected",
	[CONDIS_CLIENT_CALL_STATE_CLOSING] = "closing",
	[CONDIS_CLIENT_CALL_STATE_CLOSED] = "closed",
};

const struct names client_call_state_names = {
	"client-call-state", client_call_state_names_v, ARRAY_SIZE(client_call_state_names_v)
};

static const char *const obj_kind_names_v[] = {
	[CONDIS_OBJ_KIND_ADAPTER] = "adapter",
	[CONDIS_OBJ_KIND_BINDING] = "binding",
	[CONDIS_OBJ_KIND_AF] = "af",
	[CONDIS_OBJ_KIND_SAP] = "sap",
	[CONDIS_OBJ_KIND_VC] = "vc",
	[CONDIS_OBJ_KIND_PARTY] = "party",
};

const struct names obj_kind_names = {
	"obj-kind", obj_kind_names_v, ARRAY_SIZE(obj_kind_names_v)
};

static const char *const event_type_names_v[] = {
	[CONDIS_EVENT_TYPE_NEW] = "new",
	[CONDIS_EVENT_TYPE_CHANGE] = "change",
	[CONDIS_EVENT_TYPE_DEL] = "del",
};

const struct names event_type_names = {
	"event-type", event_type_names_v, ARRAY_SIZE(event_type_names_v)
};

static const char *const port_attr_names_v[] = {
	[CONDIS_A_PORT_ID] = "id",
	[CONDIS_A_PORT_MODE] = "mode",
	[CONDIS_A_PORT_PEER] = "peer",
	[CONDIS_A_PORT_IFNAME] = "ifname",
};

const struct names port_attr_names = {
	"port", port_attr_names_v, ARRAY_SIZE(port_attr_names_v)
};

static const char *const client_attr_names_v[] = {
	[CONDIS_A_CLIENT_ADAPTER] = "adapter",
	[CONDIS_A_CLIENT_SAP_NAME] = "sap-name",
	[CONDIS_A_CLIENT_CALL_ID] = "call-id",
	[CONDIS_A_CLIENT_RATE] = "rate",
	[CONDIS_A_CLIENT_COUNT] = "count",
	[CONDIS_A_CLIENT_SIZE] = "size",
	[CONDIS_A_CLIENT_OUTGOING] = "outgoing",
	[CONDIS_A_CLIENT_STATE] = "state",
	[CONDIS_A_CLIENT_PARTIES] = "parties",
	[CONDIS_A_CLIENT_TX_PACKETS] = "tx-packets",
	[CONDIS_A_CLIENT_TX_DONE] = "tx-done",
	[CONDIS_A_CLIENT_TX_ERRORS] = "tx-errors",
	[CONDIS_A_CLIENT_RX_PACKETS] = "rx-packets",
	[CONDIS_A_CLIENT_RX_BYTES] = "rx-bytes",
	[CONDIS_A_CLIENT_RX_BAD] = "rx-bad",
	[CONDIS_A_CLIENT_ECHOED] = "echoed",
};

const struct names client_attr_names = {
	"client", client_attr_names_v, ARRAY_SIZE(client_attr_names_v)
};

static const char *const cmd_names_v[] = {
	[CONDIS_CMD_ADAPTER_GET] = "adapter-get",
	[CONDIS_CMD_BINDING_GET] = "binding-get",
	[CONDIS_CMD_AF_GET] = "af-get",
	[CONDIS_CMD_SAP_GET] = "sap-get",
	[CONDIS_CMD_VC_GET] = "vc-get",
	[CONDIS_CMD_CALL_GET] = "call-get",
	[CONDIS_CMD_PARTY_GET] = "party-get",
	[CONDIS_CMD_PORT_NEW] = "port-new",
	[CONDIS_CMD_PORT_DEL] = "port-del",
	[CONDIS_CMD_PORT_LINK] = "port-link",
	[CONDIS_CMD_PORT_UNLINK] = "port-unlink",
	[CONDIS_CMD_CLIENT_LISTEN] = "client-listen",
	[CONDIS_CMD_CLIENT_UNLISTEN] = "client-unlisten",
	[CONDIS_CMD_CLIENT_CALL] = "client-call",
	[CONDIS_CMD_CLIENT_SEND] = "client-send",
	[CONDIS_CMD_CLIENT_CLOSE] = "client-close",
	[CONDIS_CMD_CLIENT_CALL_GET] = "client-call-get",
	[CONDIS_CMD_EVENT_NTF] = "event-ntf",
};

const struct names cmd_names = {
	"command", cmd_names_v, ARRAY_SIZE(cmd_names_v)
};

/**
 * name_of() - the name of a value
 * @names: the enum's or attribute set's names
 * @value: the value
 *
 * Return: its name, or NULL when it has none.
 */
const char *name_of(const struct names *names, uint32_t value)
{
	return value < names->n ? names->v[value] : NULL;
}

/**
 * value_of() - the value of a name
 * @names: the enum's or attribute set's names
 * @name: the name
 * @value: set to its value
 *
 * Return: 0, or -1 when no value has that name.
 */
int value_of(const struct names *names, const char *name, uint32_t *value)
{
	size_t i;

	for (i = 0; i < names->n; i++) {
		if (names->v[i] && !strcmp(names->v[i], name)) {
			*value = i;
			return 0;
		}
	}
	return -1;
}
