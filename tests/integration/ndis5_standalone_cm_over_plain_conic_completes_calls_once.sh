# SPDX-License-Identifier: GPL-2.0
# An NDIS 5.x stand-alone call manager (ndis5cm: NdisCmRegisterAddressFamily
# on a binding, per-AF NDIS_CALL_MANAGER_CHARACTERISTICS) over plain CO
# miniports (conic plain ports, back to back), with the 5.x client
# ndis5client.  It binds to the plain ports only; the client opens its AF
# on each.  Calls both ways: each make-call completes once, after the
# callee's VC, offer and connect, in NDIS's order; the CM activates both
# ends with NdisCmActivateVc on one channel and data crosses conic's wire
# both ways, each send completing once; closes by either end complete once
# and reach the other end as one incoming close.  Unloading the CM first
# with a call up: OID_CO_AF_CLOSE (NdisCoRequest) reaches the client once
# per AF, the client closes its call (the other end hears one incoming
# close), SAP and AF once each, then the CM's binding closes; nothing is
# left; each rmmod within 15 s.
. /condis/tests/guest/lib.sh
. /condis/tests/guest/ndis.sh
. /condis/tests/guest/ndis5.sh

BUS=/sys/bus/conic
NCM=$DEBUGFS/ndis5cm
# fail() (ndis5.sh) shows $NLOOP's state and events: here, the CM's.
NLOOP=$NCM

load_module cond/condis.ko || fail "insmod condis"
load_module ndis/ndis.ko || fail "insmod ndis"
load_module drivers/cosig/cosig.ko retry_ms=100 || fail "insmod cosig"
load_module drivers/conic/conic.ko || fail "insmod conic"
echo "0 plain" >$BUS/new_port || fail "new_port 0"
echo "1 plain" >$BUS/new_port || fail "new_port 1"
echo "2 mcm" >$BUS/new_port || fail "new_port 2"
echo "0 1" >$BUS/link_ports || fail "link_ports"
for p in 0 1; do
	wait_for "grep -q link=up $DEBUGFS/conic/conic$p/state" || fail "conic$p link not up"
done
load_module drivers/ndis5sample/ndis5cm.ko || fail "insmod ndis5cm"
ev_once $NCM/events 'bind adapter=conic0 register_af=0x00000000'
ev_once $NCM/events 'bind adapter=conic1 register_af=0x00000000'
ev_once $NCM/events 'mode adapter=conic2 status=0x00000000 mode=1'
grep -q 'adapter=conic2' $NCM/state && fail "ndis5cm bound to the MCM port"
[ "$(grep -c 'protocol=ndis5cm' $OBJECTS)" = 2 ] || { cat $OBJECTS; fail "ndis5cm: not 2 bindings"; }

load_module drivers/ndis5sample/ndis5client.ko || fail "insmod ndis5client"
for p in 0 1; do
	wait_for "grep -q 'open_af adapter=conic$p status=0x00000000' $NCL/events" ||
		fail "ndis5client: no AF on conic$p"
	ev_once $NCL/events "open_af adapter=conic$p status=0x00000000"
	ev_once $NCM/events "open_af adapter=conic$p"
done
cctl listen conic1 east
cctl listen conic0 west

# Calls both ways.
cctl call 1 conic0 east
cctl call 2 conic1 west
for id in 1 2 1000 1001; do
	wait_call $id state connected
done
for id in 1 2; do
	expect_call $id make 1
	expect_call $id dir out
done
for id in 1000 1001; do
	expect_call $id offered 1
	expect_call $id connected 1
	expect_call $id dir in
done
# NDIS's order for an outgoing call through a stand-alone CM.
ev_once $NCL/events 'make_call call=1 adapter=conic0 sap=east'
made=$SEQ
ev_once $NCL/events 'create_vc call=1000 adapter=conic1'
vc=$SEQ
ev_once $NCL/events 'incoming_call call=1000 n=1'
offer=$SEQ
ev_once $NCL/events 'call_connected call=1000 n=1'
conn=$SEQ
ev_once $NCL/events 'make_call_complete call=1 status=0x00000000 n=1'
before "$made" "$vc"
before "$vc" "$offer"
before "$offer" "$conn"
before "$conn" "$SEQ"
ev_once $NCL/events 'make_call_complete call=2 status=0x00000000 n=1'
# Each call's two ends on one channel of its own, in the order the calls
# were made.  The CM numbers VCs as they are created, and the client may
# create the second caller's VC before the first callee's: any numbers.
ev_once $NCM/events 'offer vc=[0-9]+ to vc=[0-9]+ adapter=conic1 vci=32 sap=east'
ev_once $NCM/events 'offer vc=[0-9]+ to vc=[0-9]+ adapter=conic0 vci=33 sap=west'

# Data both ways over conic's wire, each send completed once.
cctl send 1 20 100
cctl send 1000 15 1500
cctl send 2 7 64
received 1000 20
received 1 15
received 1001 7
wait_call 1 send_complete 20
wait_call 1000 send_complete 15
wait_call 2 send_complete 7
expect_call 1 tx_ok 20
expect_call 1000 tx_ok 15
expect_call 2 tx_ok 7
for id in 1 2 1000 1001; do
	expect_call $id tx_err 0
	expect_call $id rx_bad 0
done
expect_call 1000 rx_bytes 2000
expect_call 1 rx_bytes 22500

# Closes: by the caller (1) and by the callee (1001).
cctl close 1
cctl close 1001
for id in 1 1000 2 1001; do
	wait_call $id vc 0
done
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
grep -q '^vc ' $NCM/state && fail "ndis5cm has VCs left"

# The CM leaves first with a call up: OID_CO_AF_CLOSE to each AF, once.
cctl call 3 conic0 east
wait_call 3 state connected
wait_call 1002 state connected
# The freed channel 32 again: a second offer on it.
n=$(ev_count $NCM/events 'offer vc=[0-9]+ to vc=[0-9]+ adapter=conic1 vci=32 sap=east')
[ "$n" = 2 ] || fail "ndis CM events: $n offers on VCI 32, expected 2 (the first call's, then this one)"
cctl send 3 3 100
received 1002 3
timed_rmmod ndis5cm
for p in 0 1; do
	ev_once $NCL/events "af_close_request adapter=conic$p"
	ev_once $NCL/events "close_af adapter=conic$p status=0x00000000"
done
expect_call 3 close 1
expect_call 3 incoming_close 0
expect_call 1002 incoming_close 1
for id in 3 1002; do
	expect_call $id vc 0
done
dmesg | grep -q "still have ndis5cm's AF" && fail "ndis5cm closed a binding with AFs open"
grep -qE 'protocol=ndis5cm|family=0x4c35' $OBJECTS && { cat $OBJECTS; fail "ndis5cm or its AF is left"; }
[ "$(ev_count $NCL/events ' n=2')" = 0 ] || fail "a completion came twice"
timed_rmmod ndis5client
timed_rmmod conic
wait_for "grep -q 'live objects: 0' $OBJECTS" || { cat $OBJECTS; fail "condis objects left"; }
rmmod cosig || fail "rmmod cosig"
rmmod ndis || fail "rmmod ndis"
rmmod condis || fail "rmmod condis"
echo "an NDIS 5.x stand-alone call manager over plain conic ports: calls each way, each completion once"
exit 0
