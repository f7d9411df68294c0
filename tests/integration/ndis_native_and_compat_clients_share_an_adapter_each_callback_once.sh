# SPDX-License-Identifier: GPL-2.0
# A native client (coecho) and a compat one (ndisclient) bound to the same
# adapters: conic's MCM ports, back to back.  Each opens the AF and
# registers SAPs of its own; calls go from each to the other and to
# itself, placed in parallel, and data flows on all of them at once.
# Each driver gets each of its callbacks exactly once (ndisclient's event
# log and completion counts, coecho's stats); unloading coecho closes only
# the calls that had coecho at an end (one incoming close each at
# ndisclient) and unbinding ndisclient from one port only ndisclient's
# calls there: the other driver's calls stay up and carry data.
. /condis/tests/guest/lib.sh
. /condis/tests/guest/conic.sh
. /condis/tests/guest/ndis.sh

fail() {
	echo "FAIL: $*"
	for f in $NCL/calls $NCL/saps $CALLS $DEBUGFS/coecho/stats $OBJECTS; do
		[ -r "$f" ] && { echo "--- $f"; cat "$f"; }
	done
	[ -r $NCL/events ] && { echo "--- events"; tail -n 60 $NCL/events; }
	exit 1
}

# stat NAME: one of coecho's counters
stat() {
	awk -v k="$1" '$1 == k { print $2 }' $DEBUGFS/coecho/stats
}

# expect_stat NAME VALUE
expect_stat() {
	[ "$(stat "$1")" = "$2" ] || fail "coecho: $1=$(stat "$1"), expected $2"
}

# ncl_in SAP: the id of ndisclient's incoming call on SAP
ncl_in() {
	awk '$3 == "dir=in" && $4 == "sap='"$1"'" { sub("id=", "", $1); print $1 }' $NCL/calls
}

# co_in SAP: the id of coecho's incoming call on SAP
co_in() {
	awk '/ dir=in / && / sap='"$1"' / { sub("id=", "", $1); print $1 }' $CALLS
}

conic_load
load_module ndis/ndis.ko || fail "insmod ndis"
port 0 mcm
port 1 mcm
wire 0 1
load_module drivers/ndissample/ndisclient.ko || fail "insmod ndisclient"
for p in 0 1; do
	wait_for "grep -q 'adapter=conic$p af=open' $NCL/saps" || fail "ndisclient: no AF on conic$p"
done
expect_stat afs_open 2
[ "$(grep -c 'protocol=ndisclient' $OBJECTS)" = 2 ] || fail "ndisclient is not bound to both ports"
[ "$(grep -c 'protocol=coecho' $OBJECTS)" = 2 ] || fail "coecho is not bound to both ports"

# SAPs of each on conic1: one for the other driver's calls, one for its own.
ctl listen conic1 fromcompat
ctl listen conic1 fromnative
nctl listen conic1 fromnative2
nctl listen conic1 fromcompat2

# Four calls from conic0, placed in parallel: compat->native, native->compat,
# compat->compat, native->native.
echo "call 1 conic0 fromcompat" >$NCL/ctl &
a=$!
echo "call 1 conic0 fromnative2" >$CTL &
b=$!
echo "call 2 conic0 fromcompat2" >$NCL/ctl &
c=$!
echo "call 2 conic0 fromnative" >$CTL &
d=$!
for p in $a $b $c $d; do
	wait $p || fail "a call placed in parallel failed"
done
N1=$(ncl_in fromnative2)
N2=$(ncl_in fromcompat2)
C1=$(co_in fromcompat)
C2=$(co_in fromnative)
[ -n "$N1" ] && [ -n "$N2" ] && [ -n "$C1" ] && [ -n "$C2" ] || fail "an incoming call is missing"
for id in 1 2; do
	ev_once $NCL/events "make_call_complete call=$id status=0x00000000 n=1"
	expect_call $id state connected
done
for id in $N1 $N2; do
	ev_once $NCL/events "incoming_call call=$id sap=fromc?[a-z]+2? answer=0x00000000"
	ev_once $NCL/events "call_connected call=$id n=1"
done
[ "$(ev_count $NCL/events '^[0-9]+ incoming_call ')" = 2 ] || fail "ndisclient: not 2 offers"
[ "$(sap_field conic1 fromnative2 calls)" = 1 ] || fail "ndisclient SAP fromnative2: not 1 call"
[ "$(sap_field conic1 fromcompat2 calls)" = 1 ] || fail "ndisclient SAP fromcompat2: not 1 call"
expect_stat incoming_offered 2
expect_stat incoming_accepted 2
expect_stat calls_connected 4
expect_stat errors 0

# Data on all four at once: coecho echoes what reaches it, ndisclient counts.
echo "send 1 200 100" >$NCL/ctl &
a=$!
echo "send 1 150 100" >$CTL &
b=$!
echo "send 2 120 100" >$NCL/ctl &
c=$!
echo "send 2 100 100" >$CTL &
d=$!
for p in $a $b $c $d; do
	wait $p || fail "a send in parallel failed"
done
received 1 200
received "$N2" 120
wait_for "[ \"\$(awk '\$1 == \"id=$N1\"' $NCL/calls | tr ' ' '\n' | grep '^rx=' | cut -d= -f2)\" = 150 ]" ||
	fail "ndisclient did not get coecho's 150 packets"
expect_call "$N1" rx_bytes 15000
echoed 2 100
[ "$(field "$C1" echoed)" = 200 ] || fail "coecho echoed $(field "$C1" echoed) of ndisclient's 200"

# coecho leaves: the calls with coecho at an end close, once each, at ndisclient.
rmmod coecho || fail "rmmod coecho"
wait_call 1 incoming_close 1
wait_call "$N1" incoming_close 1
wait_call 1 vc 0
wait_call "$N1" vc 0
for id in 2 "$N2"; do
	expect_call $id state connected
	expect_call $id incoming_close 0
done
[ "$(grep -c 'protocol=coecho' $OBJECTS)" = 0 ] || fail "coecho is still bound"
nctl send 2 30 100
received "$N2" 150

# coecho again, with a call between its two ports; ndisclient unbinds from
# conic0: its call from there ends, coecho's stays up.
load_module drivers/coecho/coecho.ko || fail "insmod coecho"
wait_for "[ \"\$(awk '\$1 == \"afs_open\" { print \$2 }' $DEBUGFS/coecho/stats)\" = 2 ]" ||
	fail "coecho did not open its AFs again"
ctl listen conic1 again
ctl call 3 conic0 again
nctl unbind conic0
wait_for "! grep -q 'adapter=conic0' $NCL/saps" || fail "ndisclient still bound to conic0"
wait_call "$N2" incoming_close 1
[ "$(grep -c 'protocol=ndisclient' $OBJECTS)" = 1 ] || fail "ndisclient: not one binding left"
ctl send 3 50 100
echoed 3 50
expect_stat errors 0

rmmod ndisclient || fail "rmmod ndisclient"
ctl send 3 10 100
echoed 3 60
rmmod coecho || fail "rmmod coecho"
rmmod conic || fail "rmmod conic"
wait_for "grep -q 'live objects: 0' $OBJECTS" || fail "condis objects left"
rmmod cosig || fail "rmmod cosig"
rmmod ndis || fail "rmmod ndis"
rmmod condis || fail "rmmod condis"
echo "native and compat clients on one adapter: each callback once; one leaving spares the other"
exit 0
