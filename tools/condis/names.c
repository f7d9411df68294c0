// SPDX-License-Identifier: GPL-2.0
/*
 * condis tool: the names of the enum values of the families condis, conic
 * and coecho, of the attributes of the sets requests use, and of their
 * commands, from the headers tools/check/nlgen generates from the netlink
 * specs (Documentation/netlink/specs/), which the kernel's tracepoints and
 * debugfs files use too.
 */
#include <string.h>

#include "tool.h"
#include "../../include/net/condis_names.h"
#include "../../include/net/conic_names.h"
#include "../../include/net/coecho_names.h"

/* A struct names over NAME's array, named @label. */
#define NAMES(name, label, list)					\
	static const char *const name##_names_v[] = { list };		\
	const struct names name##_names = {				\
		label, name##_names_v, ARRAY_SIZE(name##_names_v)	\
	}

NAMES(af_state, "af-state", CONDIS_AF_STATE_NAMES);
NAMES(sap_state, "sap-state", CONDIS_SAP_STATE_NAMES);
NAMES(vc_state, "vc-state", CONDIS_VC_STATE_NAMES);
NAMES(vc_creator, "vc-creator", CONDIS_VC_CREATOR_NAMES);
NAMES(call_state, "call-state", CONDIS_CALL_STATE_NAMES);
NAMES(party_state, "party-state", CONDIS_PARTY_STATE_NAMES);
NAMES(port_mode, "port-mode", CONIC_PORT_MODE_NAMES);
NAMES(client_call_state, "client-call-state", COECHO_CLIENT_CALL_STATE_NAMES);
NAMES(obj_kind, "obj-kind", CONDIS_OBJ_KIND_NAMES);
NAMES(event_type, "event-type", CONDIS_EVENT_TYPE_NAMES);
NAMES(port_attr, "port", CONIC_PORT_ATTR_NAMES);
NAMES(client_attr, "client", COECHO_CLIENT_ATTR_NAMES);
NAMES(cmd, "command", CONDIS_CMD_NAMES);
NAMES(conic_cmd, "conic command", CONIC_CMD_NAMES);
NAMES(coecho_cmd, "coecho command", COECHO_CMD_NAMES);

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
