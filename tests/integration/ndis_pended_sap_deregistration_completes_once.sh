# SPDX-License-Identifier: GPL-2.0
# SAP deregistration, with drivers written against the NDIS compat headers: a client
# registers a SAP, accepts an incoming call on it, and deregisters the SAP;
# the MCM's ProtocolCmDeregisterSap returns NDIS_STATUS_PENDING and a work
# item later calls NdisMCmDeregisterSapComplete.  The client's
# ProtocolClDeregisterSapComplete runs exactly once, after the MCM's
# completion; no new call reaches the SAP; the call received on it carries
# data before, during and after the deregistration, until it is closed.
. /condis/tests/guest/lib.sh
. /condis/tests/guest/ndis.sh

ndis_load dereg_delay_ms=8000
lctl dereg pend

nctl listen ndisloop1 svc
[ "$(sap_field ndisloop1 svc state)" = registered ] || fail "SAP not registered"
nctl call 1 ndisloop0 svc
expect_call 1 state connected
expect_call 1000 state connected
expect_call 1000 sap svc
ev_once $NCL/events 'incoming_call call=1000 sap=svc'
ev_once $NCL/events 'call_connected call=1000 '
nctl send 1 20 100
nctl send 1000 20 200
received 1000 20
received 1 20

# Deregister: the client's call returns at once; the MCM holds it pended.
nctl unlisten ndisloop1 svc
ev_once $NCL/events 'deregister_sap adapter=ndisloop1 sap=svc$'
req=$SEQ
ev_once $NCL/events 'deregister_sap .*sap=svc returned=0x00000103'
ev_once $NLOOP/events 'deregister_sap sap=svc pended'
pended=$SEQ
[ "$(sap_field ndisloop1 svc state)" = deregistering ] || fail "SAP not deregistering"
[ "$(ev_count $NCL/events 'deregister_sap_complete')" = 0 ] ||
	fail "the client heard of the deregistration before the MCM completed it"

# Meanwhile: data both ways; a new call to the SAP is refused (no such SAP).
nctl send 1 10 100
nctl send 1000 10 100
received 1000 30
received 1 30
nctl_fails call 2 ndisloop0 svc
ev_once $NCL/events 'make_call_complete call=2 status=0xc0010022'
[ "$(sap_field ndisloop1 svc state)" = deregistering ] ||
	fail "the deregistration completed too early (delay 8 s)"

# The MCM completes from its work item; the client hears it once.
wait_for "grep -q 'deregister_sap_complete .*sap=svc' $NCL/events" 150 ||
	fail "no ProtocolClDeregisterSapComplete"
ev_once $NLOOP/events 'deregister_sap_complete sap=svc'
mcm_done=$SEQ
ev_once $NCL/events 'deregister_sap_complete adapter=ndisloop1 sap=svc status=0x00000000 n=1'
cl_done=$SEQ
before "$req" "$cl_done"
before "$pended" "$mcm_done"
[ "$(sap_field ndisloop1 svc state)" = gone ] || fail "SAP not gone"
[ "$(sap_field ndisloop1 svc dereg)" = 1 ] || fail "deregistration completions: $(sap_field ndisloop1 svc dereg)"
grep -q 'dereg_completions=1' $NLOOP/state || fail "the MCM completed more than one deregistration"

# The call received on the SAP lives on.
expect_call 1000 state connected
expect_call 1000 incoming_close 0
nctl send 1 15 300
nctl send 1000 15 300
received 1000 45
received 1 45

# Closed normally: the other end hears it once, every VC goes.
nctl close 1
expect_call 1 close 1
wait_call 1000 vc 0
expect_call 1000 incoming_close 1
expect_call 1000 close 1
expect_call 1 vc 0
# Nothing more arrives later: still exactly one completion of each kind.
sleep 2
ev_once $NCL/events 'deregister_sap_complete'
ev_once $NCL/events 'close_call_complete call=1000 '
ev_once $NCL/events 'close_call_complete call=1 '
ndis_unload
echo "deregistration pended and completed once; the call on the SAP lived on"
exit 0
