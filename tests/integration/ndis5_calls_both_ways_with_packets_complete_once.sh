# SPDX-License-Identifier: GPL-2.0
# An NDIS 5.x client and MCM (drivers/ndis5sample) over ndis.ko's 5.x
# layer: calls both ways between the two adapters, each make-call
# completing once, after the callee's VC was created, the call offered and
# connected, in that order; NdisCoSendPackets packets (two chained
# NDIS_BUFFERs each) arrive intact through ProtocolCoReceivePacket, each
# send completing once through ProtocolCoSendComplete; every packet the
# MCM indicated comes back once through MiniportReturnPacket, at once
# when the client keeps nothing, after NdisReturnPackets when it keeps
# them; closes by either end reach the other as one incoming close and
# every VC goes.
. /condis/tests/guest/lib.sh
. /condis/tests/guest/ndis.sh
. /condis/tests/guest/ndis5.sh

ndis5_load
cctl listen ndis5loop0 west
cctl listen ndis5loop1 east
# One call at a time: the client numbers incoming calls in the order they
# are offered, and two calls in flight may be offered in either order.
cctl call 1 ndis5loop0 east
wait_call 1 state connected
wait_call 1000 state connected
cctl call 2 ndis5loop1 west
wait_call 2 state connected
wait_call 1001 state connected
for id in 1 2; do
	expect_call $id make 1
	expect_call $id dir out
done
for id in 1000 1001; do
	expect_call $id offered 1
	expect_call $id connected 1
	expect_call $id dir in
done
# NDIS's order for an outgoing call on an MCM.
ev_once $NCL/events 'make_call call=1 adapter=ndis5loop0 sap=east'
made=$SEQ
ev_once $NCL/events 'create_vc call=1000 adapter=ndis5loop1'
vc=$SEQ
ev_once $NCL/events 'incoming_call call=1000 n=1'
offer=$SEQ
ev_once $NCL/events 'call_connected call=1000 n=1'
conn=$SEQ
ev_once $NCL/events 'make_call_complete call=1 status=0x00000000 n=1'
done1=$SEQ
before "$made" "$vc"
before "$vc" "$offer"
before "$offer" "$conn"
before "$conn" "$done1"

# Packets both ways; the client keeps nothing: each returned at once.
cctl send 1 20 100
cctl send 1000 15 2048
cctl send 2 7 1
received 1000 20
received 1 15
received 1001 7
wait_call 1 send_complete 20
wait_call 1000 send_complete 15
wait_call 2 send_complete 7
expect_call 1 tx_ok 20
expect_call 1000 tx_ok 15
expect_call 2 tx_ok 7
for id in 1 2 1000; do
	expect_call $id tx_err 0
done
expect_call 1000 rx_bytes 2000
expect_call 1 rx_bytes 30720
wait_for "[ \$(grep -c 'return_packet' $NLOOP/events) = 42 ]" ||
	fail "$(grep -c 'return_packet' $NLOOP/events) packets returned, expected 42"
grep -q 'rx_outstanding=0 ' $NLOOP/state || fail "the MCM has receive packets out"

# Kept packets: none returned until NdisReturnPackets, then each once.
cctl keep on
cctl send 2 5 64
received 1001 12
expect_call 1001 kept 5
sleep 0.3
[ "$(grep -c 'return_packet vc=' $NLOOP/events)" = 42 ] ||
	fail "a kept packet was returned to the miniport before NdisReturnPackets"
grep -q 'rx_outstanding=5 ' $NLOOP/state || fail "the MCM does not have 5 packets out"
cctl return 1001
wait_for "[ \$(grep -c 'return_packet' $NLOOP/events) = 47 ]" ||
	fail "kept packets not returned once each"
grep -q 'rx_outstanding=0 ' $NLOOP/state || fail "the MCM has receive packets out"
cctl keep off

# Closes: by the caller (1) and by the callee (1001).
cctl close 1
cctl close 1001
wait_call 1 vc 0
wait_call 1000 vc 0
wait_call 2 vc 0
wait_call 1001 vc 0
for id in 1 1001; do
	expect_call $id close 1
	expect_call $id incoming_close 0
done
for id in 1000 2; do
	expect_call $id close 1
	expect_call $id incoming_close 1
done
ev_once $NCL/events 'incoming_close_call call=1000 status=0x00000000 n=1'
ev_once $NCL/events 'incoming_close_call call=2 status=0x00000000 n=1'
grep -q 'vc id=' $NLOOP/state && fail "the MCM still has VCs"
ndis5_unload
echo "NDIS 5.x calls both ways: each completion once, in order; packets intact and returned once"
exit 0
