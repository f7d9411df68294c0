# SPDX-License-Identifier: GPL-2.0
# Point-to-multipoint calls through the NDIS compat layer: the client
# (ndisclient) roots a multipoint call on the loopback MCM (ndisloop) and
# adds and drops parties.  Each make-call, add-party and drop-party
# completes exactly once, after the leaf's VC was created, the offer
# made and the leaf connected; what the root sends reaches every leaf
# still on the call and no other; a leaf that hangs up reaches the root
# as one incoming drop party (the last one as an incoming close);
# dropping the last party is refused at once; a root's close drops all
# parties but one first; condis and the MCM are left with no party.
. /condis/tests/guest/lib.sh
. /condis/tests/guest/ndis.sh

NPARTIES=$NCL/parties

# party_field CALL PARTY NAME: a field of that party in ndisclient's parties
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

# condis_parties STATE: parties in that state in condis's objects dump
condis_parties() {
	grep -cE "^ +party [0-9]+ state=$1\$" $OBJECTS
}

ndis_load
nctl listen ndisloop1 leafa
nctl listen ndisloop1 leafb
nctl listen ndisloop0 leafc

# A multipoint call with its first party, then two parties added.
nctl mcall 1 ndisloop0 leafa
nctl addparty 1 2 leafb
nctl addparty 1 3 leafc
ev_once $NCL/events 'make_call_complete call=1 status=0x00000000 n=1 party=1 handle=1'
expect_call 1000 sap leafa
expect_call 1001 sap leafb
expect_call 1002 sap leafc
for p in 1 2 3; do
	expect_party 1 $p state active
	expect_party 1 $p handle 1
done
expect_party 1 1 add 0
for p in 2 3; do
	expect_party 1 $p add 1
	ev_once $NCL/events "add_party_complete call=1 party=$p status=0x00000000 n=1"
done
# NDIS's order for an added party: the leaf's VC, the offer, connected, then the completion.
ev_once $NCL/events 'add_party call=1 party=2 sap=leafb'
asked=$SEQ
ev_once $NCL/events 'create_vc call=1001 adapter=ndisloop1'
vc=$SEQ
ev_once $NCL/events 'incoming_call call=1001 sap=leafb answer=0x00000000'
offer=$SEQ
ev_once $NCL/events 'call_connected call=1001 n=1'
conn=$SEQ
ev_once $NCL/events 'add_party_complete call=1 party=2 '
done2=$SEQ
before "$asked" "$vc"
before "$vc" "$offer"
before "$offer" "$conn"
before "$conn" "$done2"
[ "$(condis_parties active)" = 3 ] || { cat $OBJECTS; fail "condis: not 3 active parties"; }
[ "$(grep -c '^party .*state=active' $NLOOP/state)" = 3 ] || fail "the MCM: not 3 active parties"

# A party whose leaf is not there: the add fails (INVALID_ADDRESS), once; the call keeps its three.
nctl_fails addparty 1 9 nobody
ev_once $NCL/events 'add_party_complete call=1 party=9 status=0xc0010022 n=1'
expect_party 1 9 state failed
expect_party 1 9 handle 0
[ "$(condis_parties active)" = 3 ] || { cat $OBJECTS; fail "condis: a failed add left a party"; }

# The root's packets reach every leaf; a leaf sends nothing.
nctl send 1 10 100
received 1000 10
received 1001 10
received 1002 10
expect_call 1 tx_ok 10
nctl_fails send 1000 1 64
expect_call 1000 tx_err 1
expect_call 1 rx 0

# The root drops party 2: its leaf hears an incoming close first, then the drop completes.
nctl dropparty 1 2
ev_once $NCL/events 'incoming_close_call call=1001 status=0x00000000 n=1'
leafclose=$SEQ
ev_once $NCL/events 'drop_party_complete call=1 party=2 status=0x00000000 n=1'
dropped=$SEQ
before "$leafclose" "$dropped"
expect_party 1 2 state dropped
expect_party 1 2 handle 0
wait_call 1001 vc 0
expect_call 1001 close 1
[ "$(condis_parties active)" = 2 ] || { cat $OBJECTS; fail "condis: party 2 not gone"; }
nctl send 1 5 100
received 1000 15
received 1002 15
expect_call 1001 rx 10

# Leaf c hangs up: one incoming drop party at the root, which drops it: one completion.
nctl close 1002
wait_for "grep -q 'call=1 party=3 .*state=dropped' $NPARTIES" || fail "party 3 not dropped"
ev_once $NCL/events 'incoming_drop_party call=1 party=3 status=0x00000000 n=1'
indrop=$SEQ
ev_once $NCL/events 'drop_party_complete call=1 party=3 status=0x00000000 n=1'
before "$indrop" "$SEQ"
expect_party 1 3 incoming_drop 1
expect_party 1 3 drop 1
ev_once $NLOOP/events 'incoming_drop_party party=3'
expect_call 1 incoming_close 0

# The last party cannot be dropped (refused at once, no completion)...
nctl_fails dropparty 1 1
expect_party 1 1 state active
expect_party 1 1 drop 0
[ "$(ev_count $NCL/events 'drop_party_complete call=1 party=1 ')" = 0 ] || fail "party 1 drop completed"
# ...its leaf hanging up is an incoming close of the whole call, not a drop.
nctl close 1000
wait_call 1 vc 0
ev_once $NCL/events 'incoming_close_call call=1 status=0x00000000 n=1'
inclose=$SEQ
ev_once $NCL/events 'close_call_complete call=1 status=0x00000000 n=1'
before "$inclose" "$SEQ"
expect_party 1 1 state closed
expect_party 1 1 incoming_drop 0
[ "$(ev_count $NCL/events 'incoming_drop_party call=1 party=1 ')" = 0 ] || fail "an incoming drop for the last party"

# The root closes a call of two parties: it drops one, then closes with the other.
nctl mcall 2 ndisloop1 leafc
nctl addparty 2 2 leafa
nctl close 2
ev_once $NCL/events 'drop_party_complete call=2 party=2 status=0x00000000 n=1'
drop=$SEQ
ev_once $NCL/events 'close_call_complete call=2 status=0x00000000 n=1'
before "$drop" "$SEQ"
expect_party 2 1 state closed
expect_party 2 2 state dropped
for id in 1003 1004; do
	wait_call $id vc 0
	expect_call $id incoming_close 1
	expect_call $id close 1
done
wait_for "[ \$(grep -c 'vc=1' $NCL/calls) = 0 ]" || fail "VCs left"
[ "$(grep -cE '^ +party ' $OBJECTS)" = 0 ] || { cat $OBJECTS; fail "condis has parties left"; }
grep -qE '^(vc|party) ' $NLOOP/state && fail "the MCM has VCs or parties left"
# Every completion once, none for a party twice.
[ "$(ev_count $NCL/events ' n=2')" = 0 ] || fail "a completion came twice"

# The MCM unloads first with a live multipoint call of two parties: the
# client tears it down (one drop, one close, each completed once) before
# the adapters halt; then the client; nothing is left.
nctl mcall 3 ndisloop0 leafa
nctl addparty 3 2 leafb
[ "$(condis_parties active)" = 2 ] || { cat $OBJECTS; fail "condis: not 2 active parties"; }
timed_rmmod ndisloop
# The bindings are gone with their objects: the client's event log tells.
ev_once $NCL/events 'drop_party_complete call=3 party=2 status=0x00000000 n=1'
drop=$SEQ
ev_once $NCL/events 'close_call_complete call=3 status=0x00000000 n=1'
before "$drop" "$SEQ"
[ "$(ev_count $NCL/events ' n=2')" = 0 ] || fail "a completion came twice in the teardown"
[ "$(grep -cE '^ +party ' $OBJECTS)" = 0 ] || { cat $OBJECTS; fail "condis has parties left"; }
timed_rmmod ndisclient
wait_for "grep -q 'live objects: 0' $OBJECTS" || { cat $OBJECTS; fail "condis objects left"; }
rmmod ndis || fail "rmmod ndis"
rmmod condis || fail "rmmod condis"
echo "multipoint: every make, add and drop completes once, in NDIS's order; leaves get the root's data"
exit 0
