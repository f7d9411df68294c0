# SPDX-License-Identifier: GPL-2.0
# An NDIS-style stand-alone call manager (ndiscm, a protocol driver with
# the call-manager role) over plain CO miniports: conic ports in plain
# mode, back to back.  It binds to the plain ports only (not to an MCM
# port), registers its AF on each, and connects calls between ndisclient
# on the two ports in memory: both ends activated with ATM's media
# parameters on one channel no other call uses, so the data crosses
# conic's wire.  Each make-call completes once after the callee's VC,
# offer and connect; data flows both ways intact; each close completes
# once and the other end gets one incoming close; channels are reused
# once free; unloading the call manager with a call up ends it at both
# ends once and closes the client's AFs; nothing is left.
. /condis/tests/guest/lib.sh
. /condis/tests/guest/ndis.sh

BUS=/sys/bus/conic
NCM=$DEBUGFS/ndiscm

# cm_vc ID FIELD: a field of ndiscm's VC ID
cm_vc() {
	awk -v id="id=$1" -v f="$2" '$1 == "vc" && $2 == id {
		for (i = 3; i <= NF; i++) { split($i, kv, "="); if (kv[1] == f) v = kv[2] }
	} END { print v }' $NCM/state
}

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
load_module drivers/ndissample/ndiscm.ko || fail "insmod ndiscm"
ev_once $NCM/events 'bind adapter=conic0 register_af=0x00000000'
ev_once $NCM/events 'bind adapter=conic1 register_af=0x00000000'
ev_once $NCM/events 'mode adapter=conic2 status=0x00000000 mode=1'
grep -q 'adapter=conic2' $NCM/state && fail "ndiscm bound to the MCM port"
[ "$(grep -c 'protocol=ndiscm' $OBJECTS)" = 2 ] || { cat $OBJECTS; fail "ndiscm: not 2 bindings"; }

load_module drivers/ndissample/ndisclient.ko || fail "insmod ndisclient"
for p in 0 1; do
	wait_for "grep -q 'adapter=conic$p af=open' $NCL/saps" || fail "ndisclient: no AF on conic$p"
done
ev_once $NCM/events 'open_af adapter=conic0'
ev_once $NCM/events 'open_af adapter=conic1'
nctl listen conic1 east
nctl listen conic0 west

# Calls both ways, and a second one the same way.
nctl call 1 conic0 east
nctl call 2 conic1 west
nctl call 3 conic0 east
expect_call 1000 sap east
expect_call 1001 sap west
expect_call 1002 sap east
for id in 1 2 3; do
	ev_once $NCL/events "make_call_complete call=$id status=0x00000000 n=1"
	expect_call $id state connected
done
for id in 1000 1001 1002; do
	ev_once $NCL/events "call_connected call=$id n=1"
	expect_call $id state connected
done
ev_once $NCL/events 'make_call call=1 adapter=conic0 sap=east'
made=$SEQ
ev_once $NCL/events 'create_vc call=1000 adapter=conic1'
vc=$SEQ
ev_once $NCL/events 'incoming_call call=1000 sap=east answer=0x00000000'
offer=$SEQ
ev_once $NCL/events 'call_connected call=1000 n=1'
conn=$SEQ
ev_once $NCL/events 'make_call_complete call=1 status=0x00000000 n=1'
before "$made" "$vc"
before "$vc" "$offer"
before "$offer" "$conn"
before "$conn" "$SEQ"
# Each call's two ends on one channel, each call on its own.
ev_once $NCM/events 'offer vc=[0-9]+ to vc=[0-9]+ adapter=conic1 vci=32 sap=east'
ev_once $NCM/events 'offer vc=[0-9]+ to vc=[0-9]+ adapter=conic0 vci=33 sap=west'
ev_once $NCM/events 'offer vc=[0-9]+ to vc=[0-9]+ adapter=conic1 vci=34 sap=east'
for v in 1 2; do [ "$(cm_vc $v vci)" = 32 ] || fail "ndiscm VC $v: vci $(cm_vc $v vci)"; done
for v in 3 4; do [ "$(cm_vc $v vci)" = 33 ] || fail "ndiscm VC $v: vci $(cm_vc $v vci)"; done
[ "$(cm_vc 1 peer)" = 2 ] || fail "ndiscm VC 1 is not VC 2's peer"

# Data both ways over conic's wire.
nctl send 1 20 100
nctl send 1000 10 1500
nctl send 2 7 64
nctl send 1001 9 200
nctl send 3 5 300
received 1000 20
received 1 10
received 1001 7
received 2 9
received 1002 5
expect_call 1 rx 10
expect_call 3 rx 0
for id in 1 2 3 1000 1001 1002; do
	expect_call $id tx_err 0
done

# Closes by a caller, a callee, a caller: each once, the other end one incoming close.
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
grep -q '^vc ' $NCM/state && fail "ndiscm has VCs left"
# The channels are free again: a new call gets the first one.
nctl call 4 conic0 east
# The freed channel 32 again: a second offer on it.
n=$(ev_count $NCM/events 'offer vc=[0-9]+ to vc=[0-9]+ adapter=conic1 vci=32 sap=east')
[ "$n" = 2 ] || fail "ndis CM events: $n offers on VCI 32, expected 2 (the first call's, then this one)"
nctl send 4 3 100
received 1003 3
[ "$(ev_count $NCL/events ' n=2')" = 0 ] || fail "a completion came twice"

# The call manager leaves first, with that call up: it asks the client to
# close its AFs (NdisCmNotifyCloseAddressFamily), the client closes its
# call (the other end hears one incoming close) and its SAPs and AFs, then
# the binding closes; no VC is left; each rmmod within 15 s.
timed_rmmod ndiscm
ev_once $NCL/events 'notify_close_af_complete adapter=conic0 status=0x00000000'
ev_once $NCL/events 'notify_close_af_complete adapter=conic1 status=0x00000000'
# condis would say so if the CM had closed a binding its clients' AFs were still open on.
dmesg | grep -q "still have ndiscm's AF" && fail "ndiscm closed a binding with AFs open"
expect_call 4 close 1
expect_call 4 incoming_close 0
expect_call 1003 close 1
expect_call 1003 incoming_close 1
for id in 4 1003; do
	expect_call $id vc 0
done
for p in 0 1; do
	grep -q "adapter=conic$p af=closed" $NCL/saps || fail "ndisclient's AF on conic$p not closed"
done
grep -qE 'protocol=ndiscm|family=0x4c50' $OBJECTS && { cat $OBJECTS; fail "ndiscm or its AF is left"; }
[ "$(ev_count $NCL/events ' n=2')" = 0 ] || fail "a completion came twice"
timed_rmmod ndisclient
timed_rmmod conic
wait_for "grep -q 'live objects: 0' $OBJECTS" || { cat $OBJECTS; fail "condis objects left"; }
rmmod cosig || fail "rmmod cosig"
rmmod ndis || fail "rmmod ndis"
rmmod condis || fail "rmmod condis"
echo "a stand-alone NDIS call manager over plain conic ports: calls each way, each completion once"
exit 0
