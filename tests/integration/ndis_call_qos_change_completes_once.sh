# SPDX-License-Identifier: GPL-2.0
# QoS changes through the NDIS compat layer: the client (ndisclient) asks
# the loopback MCM (ndisloop) for a new token rate on a connected call
# (NdisClModifyCallQoS).  A change that fits completes once, after the MCM
# re-activated both ends and the other end was told once
# (ProtocolClIncomingCallQoSChange) with the flows seen from its side; a
# change the medium cannot carry completes once with
# NDIS_STATUS_INCOMPATABLE_QOS and changes nothing at either end; either
# end may ask; a multipoint call is refused at once with no completion;
# data still flows after the changes.
. /condis/tests/guest/lib.sh
. /condis/tests/guest/ndis.sh

# loop_vc ID FIELD: a field of the MCM's VC ID in its state file
loop_vc() {
	awk -v id="id=$1" -v f="$2" '$1 == "vc" && $2 == id {
		for (i = 3; i <= NF; i++) { split($i, kv, "="); if (kv[1] == f) v = kv[2] }
	} END { print v }' $NLOOP/state
}

ndis_load
nctl listen ndisloop1 east
nctl call 1 ndisloop0 east
expect_call 1000 state connected
expect_call 1 tx_rate 4294967295
# The MCM's VCs: 1 is the caller's, 2 the callee's.
[ "$(loop_vc 1 peer)" = 2 ] || fail "the MCM's VC 1 is not the caller's"

# A change that fits, asked by the caller.
nctl qos 1 1000000
ev_once $NCL/events 'modify_qos call=1 rate=1000000'
asked=$SEQ
ev_once $NCL/events 'incoming_qos_change call=1000 tx_rate=1000000 n=1'
told=$SEQ
ev_once $NCL/events 'modify_qos_complete call=1 status=0x00000000 n=1'
done1=$SEQ
before "$asked" "$told"
before "$told" "$done1"
ev_once $NLOOP/events 'modify_qos vc=1 peer=2 tx_rate=1000000'
react=$SEQ
ev_once $NLOOP/events 'incoming_qos_change vc=2'
before "$react" "$SEQ"
expect_call 1 qos 1
expect_call 1 qos_in 0
expect_call 1 tx_rate 1000000
expect_call 1000 qos 0
expect_call 1000 qos_in 1
expect_call 1000 tx_rate 1000000
for vc in 1 2; do
	[ "$(loop_vc $vc qos_changes)" = 1 ] || fail "MCM VC $vc: $(loop_vc $vc qos_changes) changes"
	[ "$(loop_vc $vc tx_rate)" = 1000000 ] || fail "MCM VC $vc: tx_rate $(loop_vc $vc tx_rate)"
done

# One the medium cannot carry: refused once, nothing changes at either end.
nctl_fails qos 1 200000000
ev_once $NCL/events 'modify_qos_complete call=1 status=0xc0010027 n=2'
ev_once $NLOOP/events 'modify_qos vc=1 refused status=0xc0010027'
expect_call 1 qos 2
expect_call 1 qos_status 0xc0010027
expect_call 1 tx_rate 1000000
expect_call 1000 qos_in 1
[ "$(ev_count $NCL/events 'incoming_qos_change')" = 1 ] || fail "a refused change reached the other end"
for vc in 1 2; do
	[ "$(loop_vc $vc qos_changes)" = 1 ] || fail "MCM VC $vc changed on a refused change"
done

# The callee asks: the caller is told once, from its side.
nctl qos 1000 64000
ev_once $NCL/events 'modify_qos call=1000 rate=64000'
asked=$SEQ
ev_once $NCL/events 'incoming_qos_change call=1 tx_rate=64000 n=1'
told=$SEQ
ev_once $NCL/events 'modify_qos_complete call=1000 status=0x00000000 n=1'
before "$asked" "$told"
before "$told" "$SEQ"
expect_call 1 qos_in 1
expect_call 1 tx_rate 64000
expect_call 1000 qos 1
for vc in 1 2; do
	[ "$(loop_vc $vc qos_changes)" = 2 ] || fail "MCM VC $vc: $(loop_vc $vc qos_changes) changes"
done

# Data still flows both ways.
nctl send 1 10 200
nctl send 1000 7 300
received 1000 10
received 1 7

# A multipoint call: no QoS changes on this medium, refused at once, no completion.
nctl listen ndisloop0 west
nctl mcall 2 ndisloop1 west
nctl_fails qos 2 1000
ev_once $NCL/events 'modify_qos call=2 returned=0xc00000bb'
expect_call 2 qos 0
[ "$(ev_count $NCL/events 'incoming_qos_change')" = 2 ] || fail "the refused change reached a leaf"

# Closes complete once; nothing is left.
nctl close 1
nctl close 2
for id in 1 2; do
	expect_call $id close 1
done
wait_for "[ \$(grep -c 'vc=1' $NCL/calls) = 0 ]" || fail "VCs left"
[ "$(ev_count $NCL/events ' n=2')" = 1 ] || fail "a completion came twice"
ndis_unload
echo "QoS changes: each completes once, after both ends were re-activated and the other told once"
exit 0
