# SPDX-License-Identifier: GPL-2.0
# The compat client (ndisclient) over a native call manager: conic's MCM
# ports, back to back, with cosig's signaling on the wire.  ndisclient
# opens conic's address family on both ports and places, on conic's
# wire: a point-to-point call whose QoS it changes (the other end told
# once, the change completing once, both NICs reserving the new rate; one
# the peer cannot carry refused once and rolled back), then a multipoint
# call to two leaves whose parties it adds and drops, each completion
# once.  Data flows on every call; nothing is left.
. /condis/tests/guest/lib.sh
. /condis/tests/guest/ndis.sh

BUS=/sys/bus/conic
NPARTIES=$NCL/parties

party_field() {
	awk -v c="call=$1" -v p="party=$2" -v f="$3" '$1 == c && $2 == p {
		for (i = 3; i <= NF; i++) { split($i, kv, "="); if (kv[1] == f) v = kv[2] }
	} END { print v }' $NPARTIES
}

expect_party() {
	local v
	v=$(party_field "$1" "$2" "$3")
	[ "$v" = "$4" ] || { cat $NPARTIES; fail "call $1 party $2: $3=$v, expected $4"; }
}

# reserved PORT RATE: the condition that port PORT reserves RATE (for wait_for)
reserved() {
	echo "grep -q 'reserved=$2 ' $DEBUGFS/conic/conic$1/state"
}

load_module cond/condis.ko || fail "insmod condis"
load_module ndis/ndis.ko || fail "insmod ndis"
load_module drivers/cosig/cosig.ko retry_ms=100 || fail "insmod cosig"
load_module drivers/conic/conic.ko || fail "insmod conic"
for p in 0 1; do
	echo "$p mcm" >$BUS/new_port || fail "new_port $p"
done
echo "0 1" >$BUS/link_ports || fail "link_ports"
for p in 0 1; do
	wait_for "grep -q link=up $DEBUGFS/conic/conic$p/state" || fail "conic$p link not up"
done
load_module drivers/ndissample/ndisclient.ko || fail "insmod ndisclient"
for p in 0 1; do
	wait_for "grep -q 'adapter=conic$p af=open' $NCL/saps" || fail "no AF open on conic$p"
done
ev_once $NCL/events 'af_register_notify adapter=conic0'

# A point-to-point call and its QoS.
nctl listen conic1 q
nctl call 1 conic0 q
expect_call 1000 sap q
expect_call 1 make 1
expect_call 1000 connected 1
nctl qos 1 5000000
ev_once $NCL/events 'modify_qos call=1 rate=5000000'
asked=$SEQ
ev_once $NCL/events 'incoming_qos_change call=1000 tx_rate=5000000 n=1'
told=$SEQ
ev_once $NCL/events 'modify_qos_complete call=1 status=0x00000000 n=1'
before "$asked" "$told"
before "$told" "$SEQ"
wait_for "$(reserved 0 5000000)" || fail "conic0 did not reserve the new rate"
wait_for "$(reserved 1 5000000)" || fail "conic1 did not reserve the new rate"
expect_call 1 tx_rate 5000000
# The peer cannot carry it: refused once, rolled back, the other end not told.
echo 8000000 >$DEBUGFS/conic/conic1/link_speed
nctl_fails qos 1 9000000
ev_once $NCL/events 'modify_qos_complete call=1 status=0x[0-9a-f]+ n=2'
expect_call 1 qos 2
[ "$(call_field 1 qos_status)" != 0x00000000 ] || fail "the refused change succeeded"
expect_call 1000 qos_in 1
wait_for "$(reserved 0 5000000)" 1 || fail "conic0 did not roll back"
nctl send 1 10 100
nctl send 1000 6 200
received 1000 10
received 1 6

# A multipoint call to two leaves; a party added and dropped.
nctl listen conic1 leafa
nctl listen conic1 leafb
nctl mcall 2 conic0 leafa
ev_once $NCL/events 'make_call_complete call=2 status=0x00000000 n=1 party=1 handle=1'
nctl addparty 2 2 leafb
ev_once $NCL/events 'add_party_complete call=2 party=2 status=0x00000000 n=1'
expect_party 2 2 state active
expect_call 1001 sap leafa
expect_call 1002 sap leafb
nctl send 2 10 100
received 1001 10
received 1002 10
nctl dropparty 2 2
ev_once $NCL/events 'drop_party_complete call=2 party=2 status=0x00000000 n=1'
expect_party 2 2 state dropped
wait_call 1002 incoming_close 1
wait_call 1002 vc 0
nctl send 2 5 100
received 1001 15
expect_call 1002 rx 10

# Closes: each once, the leaves' VCs gone with them.
nctl close 2
nctl close 1
ev_once $NCL/events 'close_call_complete call=2 status=0x00000000 n=1'
expect_party 2 1 state closed
wait_call 1001 incoming_close 1
wait_for "[ \$(grep -c 'vc=1' $NCL/calls) = 0 ]" || fail "VCs left"
[ "$(ev_count $NCL/events ' n=2')" = 1 ] || fail "a completion came twice"
wait_for "$(reserved 0 0) && $(reserved 1 0)" || fail "reservations left"

rmmod ndisclient || fail "rmmod ndisclient"
rmmod conic || fail "rmmod conic"
wait_for "grep -q 'live objects: 0' $OBJECTS" || { cat $OBJECTS; fail "condis objects left"; }
rmmod cosig || fail "rmmod cosig"
rmmod ndis || fail "rmmod ndis"
rmmod condis || fail "rmmod condis"
echo "the compat client over conic's MCM: multipoint and QoS, each completion once"
exit 0
