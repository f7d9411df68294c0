# SPDX-License-Identifier: GPL-2.0
# Unbind and unload with live calls, drivers written against the NDIS
# compat headers.  (1) The client module goes while calls carry data: its
# ProtocolUnbindAdapterEx closes the calls, deregisters the SAPs (pended
# by the MCM), closes the AF and the binding, in NDIS's order, each
# completion once, and condis has nothing left to close for it.  (2) An
# adapter goes under a call that crosses adapters: the client unbinds from
# it and the far end of the call hears one incoming close.  (3) The MCM
# module goes while calls live: every client binding is torn down the same
# way before MiniportHaltEx.  Nothing leaks (kmemleak runs after).
. /condis/tests/guest/lib.sh
. /condis/tests/guest/ndis.sh

forced_before=$(dmesg | grep -c 'teardown: closing AF')
ndis_load

# (1) rmmod the client.
nctl listen ndisloop1 u
nctl listen ndisloop0 idle
nctl call 1 ndisloop0 u
nctl call 2 ndisloop0 u
nctl send 1 10 100
received 1000 10
rmmod ndisclient || fail "rmmod ndisclient with live calls"
# The MCM saw, in order: every call closed, the SAPs deregistered (pended,
# then completed), the AFs closed.
# (The calls' incoming ends, on ndisloop1, close when their callers do,
# before that binding's SAP goes.)
last_close=$(grep -E 'close_call vc=' $NLOOP/events | tail -n 1 | cut -d' ' -f1)
ev_once $NLOOP/events 'deregister_sap sap=u pended'
u_dereg=$SEQ
ev_once $NLOOP/events 'deregister_sap_complete sap=u'
u_done=$SEQ
ev_once $NLOOP/events 'deregister_sap_complete sap=idle'
idle_done=$SEQ
ev_once $NLOOP/events 'close_af adapter=ndisloop0'
af0=$SEQ
ev_once $NLOOP/events 'close_af adapter=ndisloop1'
af1=$SEQ
[ "$(ev_count $NLOOP/events 'close_call vc=')" = 4 ] || fail "not 4 VCs closed"
before "$last_close" "$u_dereg"
before "$u_dereg" "$u_done"
before "$u_done" "$af1"
before "$idle_done" "$af0"
grep -q 'vc id=' $NLOOP/state && fail "the MCM still has VCs"
grep -qE '^ *(af|vc|sap) ' $OBJECTS && { cat $OBJECTS; fail "condis still has client objects"; }
[ "$(dmesg | grep -c 'teardown: closing AF')" = "$forced_before" ] ||
	fail "condis had to close what the client left"

# (2) An adapter goes under a call that crosses adapters.
load_module drivers/ndissample/ndisclient.ko || fail "insmod ndisclient again"
wait_for "[ \$(grep -c 'af=open' $NCL/saps) = 2 ]" || fail "no AFs after reload"
nctl listen ndisloop1 far
nctl call 1 ndisloop0 far
nctl send 1000 5 100
received 1 5
lctl remove ndisloop1
ev_once $NCL/events 'unbind adapter=ndisloop1'
ev_once $NCL/events 'unbound adapter=ndisloop1'
wait_call 1 vc 0
expect_call 1 incoming_close 1
expect_call 1 close 1
ev_once $NLOOP/events 'halt adapter=ndisloop1 action='
grep -q 'adapter=ndisloop1' $NCL/saps && fail "the client kept its binding to ndisloop1"
lctl add ndisloop1
wait_for "[ \$(grep -c 'af=open' $NCL/saps) = 2 ]" || fail "no AF on the new ndisloop1"

# (3) rmmod the MCM under live calls.
nctl listen ndisloop1 m
nctl call 2 ndisloop0 m
nctl call 3 ndisloop1 m
nctl send 2 5 100
rmmod ndisloop || fail "rmmod ndisloop with live calls"
for a in ndisloop0 ndisloop1; do
	unb=$(ev_seq $NCL/events "^[0-9]+ unbind adapter=$a\$")
	caf=$(ev_seq $NCL/events " close_af_complete adapter=$a status=0x00000000")
	done_=$(ev_seq $NCL/events "unbound adapter=$a")
	before "$unb" "$caf"
	before "$caf" "$done_"
done
[ "$(ev_count $NCL/events 'deregister_sap_complete adapter=ndisloop1 sap=m status=0x00000000 n=1')" = 1 ] ||
	fail "SAP m: not one deregistration completion"
[ "$(ev_count $NCL/events 'deregister_sap_complete .* n=2')" = 0 ] || fail "a second completion"
# Each of the four ends closed once; the outgoing ones by the client, the
# incoming ones as the MCM's incoming close or the client's own close.
for id in 2 3 1001 1002; do
	ev_once $NCL/events "close_call_complete call=$id status=0x00000000 n=1"
done
grep -qE '^protocol [0-9]+ ndisclient' $OBJECTS || fail "the client is no longer registered"
grep -q 'binding' $OBJECTS && { cat $OBJECTS; fail "bindings left"; }
[ "$(dmesg | grep -c 'teardown: closing AF')" = "$forced_before" ] ||
	fail "condis had to close what the client left"
rmmod ndisclient || fail "rmmod ndisclient"
wait_for "grep -q 'live objects: 0' $OBJECTS" || { cat $OBJECTS; fail "condis objects left"; }
rmmod ndis || fail "rmmod ndis"
rmmod condis || fail "rmmod condis"
echo "unbind and unload with live calls: torn down in NDIS's order, once each"
exit 0
