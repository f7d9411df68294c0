// SPDX-License-Identifier: GPL-2.0
/* The only file that instantiates condis's tracepoints. */
#include "objects.h"

#define CREATE_TRACE_POINTS
#include "trace.h"

/* For the KUnit suites, which check that every transition is traced. */
EXPORT_TRACEPOINT_SYMBOL_GPL(condis_af_state);
EXPORT_TRACEPOINT_SYMBOL_GPL(condis_sap_state);
EXPORT_TRACEPOINT_SYMBOL_GPL(condis_vc_state);
EXPORT_TRACEPOINT_SYMBOL_GPL(condis_call_state);
EXPORT_TRACEPOINT_SYMBOL_GPL(condis_call_remote_close);
EXPORT_TRACEPOINT_SYMBOL_GPL(condis_party_state);
EXPORT_TRACEPOINT_SYMBOL_GPL(condis_call_qos);
EXPORT_TRACEPOINT_SYMBOL_GPL(condis_oid);
EXPORT_TRACEPOINT_SYMBOL_GPL(condis_status);
EXPORT_TRACEPOINT_SYMBOL_GPL(condis_send);
EXPORT_TRACEPOINT_SYMBOL_GPL(condis_receive);
