# SPDX-License-Identifier: GPL-2.0
# Calls both ways between two adapters of the loopback MCM, placed and
# answered by the client written against the NDIS compat headers: each
# make-call completes once, after the callee's VC was created, the offer
# made and the call connected, in that order; a pended answer
# (NdisClIncomingCallComplete from a work item) connects once too; data
# flows each way intact; a close by either end reaches the other end as
# one incoming close, and every VC is deleted.
. /condis/tests/guest/lib.sh
. /condis/tests/guest/ndis.sh

ndis_load
nctl listen ndisloop0 west
nctl listen ndisloop1 east

# loop0 -> loop1 (accepted at once), loop1 -> loop0, then a pended answer.
nctl call 1 ndisloop0 east
nctl call 2 ndisloop1 west
nctl answer pend
nctl call 3 ndisloop0 east
nctl answer accept
expect_call 1000 sap east
expect_call 1001 sap west
expect_call 1002 sap east
for id in 1 2 3 1000 1001 1002; do
	expect_call $id state connected
done
for id in 1 2 3; do
	expect_call $id make 1
	expect_call $id dir out
done
for id in 1000 1001 1002; do
	expect_call $id connected 1
	expect_call $id dir in
done
# NDIS's order for an outgoing call on an MCM.
ev_once $NCL/events 'make_call call=1 adapter=ndisloop0 sap=east'
made=$SEQ
ev_once $NCL/events 'create_vc call=1000 adapter=ndisloop1'
vc=$SEQ
ev_once $NCL/events 'incoming_call call=1000 sap=east answer=0x00000000'
offer=$SEQ
ev_once $NCL/events 'call_connected call=1000 n=1'
conn=$SEQ
ev_once $NCL/events 'make_call_complete call=1 status=0x00000000 n=1'
done1=$SEQ
before "$made" "$vc"
before "$vc" "$offer"
before "$offer" "$conn"
before "$conn" "$done1"
# The pended answer: PENDING, then NdisClIncomingCallComplete, then connected.
ev_once $NCL/events 'incoming_call call=1002 sap=east answer=0x00000103'
pend=$SEQ
ev_once $NCL/events 'incoming_call_complete call=1002'
answer=$SEQ
ev_once $NCL/events 'call_connected call=1002 n=1'
conn=$SEQ
ev_once $NCL/events 'make_call_complete call=3 status=0x00000000 n=1'
done3=$SEQ
before "$pend" "$answer"
before "$answer" "$conn"
before "$conn" "$done3"
[ "$(sap_field ndisloop1 east calls)" = 2 ] || fail "SAP east: $(sap_field ndisloop1 east calls) calls"
[ "$(sap_field ndisloop0 west calls)" = 1 ] || fail "SAP west: $(sap_field ndisloop0 west calls) calls"

# Data both ways on every call, sizes from the smallest to the MTU.
nctl send 1 25 16
nctl send 1000 25 2048
nctl send 2 40 700
nctl send 1001 10 1500
nctl send 3 5 64
nctl send 1002 5 64
received 1000 25
received 1 25
received 1001 40
received 2 10
received 1002 5
received 3 5
for id in 1 2 3 1000 1001 1002; do
	expect_call $id tx_err 0
done
expect_call 1 tx_ok 25
expect_call 1000 rx_bytes 400
expect_call 1 rx_bytes 51200
nctl_fails send 1 1 2049

# Closes: by the caller (1), by the callee (1001), by the caller (3).
nctl close 1
nctl close 1001
nctl close 3
wait_for "[ \$(grep -c 'vc=1' $NCL/calls) = 0 ]" || fail "VCs left"
for id in 1 1001 3; do
	expect_call $id close 1
	expect_call $id incoming_close 0
done
for id in 1000 2 1002; do
	expect_call $id close 1
	expect_call $id incoming_close 1
done
for id in 1 2 3 1000 1001 1002; do
	expect_call $id state closed
	expect_call $id vc 0
done
ev_once $NCL/events 'incoming_close_call call=2 status=0x00000000 n=1'
grep -q 'vc id=' $NLOOP/state && fail "the MCM still has VCs"
ndis_unload
echo "calls both ways: each completion once, in NDIS's order; data intact"
exit 0
