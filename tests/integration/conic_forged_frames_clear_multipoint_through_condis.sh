# SPDX-License-Identifier: GPL-2.0
# A point-to-multipoint call with two leaves over Ethernet, carrying data,
# is cleared by one forged frame from the segment (sent with the peer's
# address: any station can): RESTART, RELEASE, RELEASE COMPLETE, STATUS
# with call state 0, then the peer's DROP PARTY of each leaf, then a
# make-call that times out.  Each time the root's client hears it through
# condis, in the WDK's order: every leaf but the last as an incoming
# drop-party, then the call as an incoming close; it drops the leaf and
# closes the call with the last one, and nothing is left (no party in
# condis or the engine, no error in the client, no kernel report).
. /condis/tests/guest/lib.sh
. /condis/tests/guest/conic.sh

F=$((0x80000000))	# the call reference flag: a call the receiver placed

veth_pair cva
conic_load
port 0 mcm
port 1 mcm
eth 0 cva
eth 1 "$VETH_PEER"
peer=$(mac_of "$VETH_PEER")	# conic1's address, as conic0 sees the peer
ctl listen conic1 leafa
ctl listen conic1 leafb
wait_for "echo 'call 99 conic0 leafa' >$CTL" || fail "no call over the veth"
ctl close 99
close_incoming

# two_leaves ID: multipoint call ID from conic0 to leafa and leafb, with data
two_leaves() {
	ctl mcall "$1" conic0 leafa
	ctl addparty "$1" 2 leafb
	[ "$(field "$1" parties)" = 2 ] || fail "call $1 has $(field "$1" parties) parties, not 2"
	ctl send "$1" 10 100
	for n in a b; do
		wait_for "grep sap=leaf$n $CALLS | grep -q ' rx=10 '" ||
			fail "leaf $n did not get call $1's packets"
	done
}

# heard_in_order ID WHAT N: since the mark WHAT, call ID's client was told
# of N leaves dropped by the network, then of the call's close (one line
# each, in that order), and closed it; nothing of it is left
heard_in_order() {
	local id=$1 what=$2 drops=$3 log lines
	wait_for "! grep -q '^id=$id ' $CALLS" || fail "$what: call $id was not closed"
	log=$(kmsg_after "$what" | grep -E "call $id( leaf [0-9]+)?: (dropped|closed) by the network")
	lines=$(echo "$log" | sed -n "s/.*call $id leaf [0-9]*: dropped by the network.*/drop/p;
		s/.*call $id: closed by the network.*/close/p" | tr '\n' ' ')
	expect=""
	n=0
	while [ $n -lt "$drops" ]; do
		expect="${expect}drop "
		n=$((n + 1))
	done
	expect="${expect}close "
	[ "$lines" = "$expect" ] || { echo "$log"; fail "$what: the client heard '$lines', not '$expect'"; }
	echo "$what: $lines"
}

# settled: no party left in condis or in either engine, no client error
settled() {
	close_incoming
	wait_for "! grep -q ' party ' $DEBUGFS/condis/objects" ||
		{ cat $DEBUGFS/condis/objects; fail "$1: parties left in condis"; }
	grep -q '^    party ' $DEBUGFS/conic/conic0/state && fail "$1: parties left in conic0's engine"
	[ "$(awk '$1 == "errors" { print $2 }' $DEBUGFS/coecho/stats)" = 0 ] ||
		fail "$1: the client counted errors"
}

# The frames, about the root call with reference $1 (the peer sets the
# flag: conic0 placed the call).  Types and elements: signaling.rst.
frame_restart() { sigframe $((0x46)) 0 0; }
frame_release() { sigframe $((0x4d)) $((F | $1)) 0 "$(ie_u32 4 16)"; }
frame_release_complete() { sigframe $((0x5a)) $((F | $1)) 0 "$(ie_u32 4 16)"; }
frame_status_idle() { sigframe $((0x7d)) $((F | $1)) 0 "$(ie_u32 4 101)" "$(ie_u32 7 0)"; }
frame_drop_party() { sigframe $((0x83)) $((F | $1)) "$2" "$(ie_u32 4 16)"; }

# forged ID WHAT BUILDER: two leaves on call ID, data going, then the frame
# BUILDER prints arrives at conic0 from the peer's address
forged() {
	local cref
	two_leaves "$1"
	cref=$(root_cref 0)
	[ -n "$cref" ] || fail "no root call in conic0's engine"
	(echo "send $1 2000 200" >$CTL 2>/dev/null) &
	log_mark "$2"
	inject 0 "$peer" "$($3 "$cref")"
	wait
	heard_in_order "$1" "$2" 1
	settled "$2"
}

forged 1 "forged RESTART" frame_restart
forged 2 "forged RELEASE" frame_release
forged 3 "forged RELEASE COMPLETE" frame_release_complete
forged 4 "forged STATUS idle" frame_status_idle

# The peer drops leaf 2 (the call goes on), then leaf 1, the last: the call
# ends with it.
two_leaves 5
cref=$(root_cref 0)
log_mark "DROP PARTY of each leaf"
inject 0 "$peer" "$(frame_drop_party "$cref" 2)"
wait_for "grep '^id=5 ' $CALLS | grep -q ' parties=1 '" ||
	fail "leaf 2 of call 5 was not dropped"
inject 0 "$peer" "$(frame_drop_party "$cref" 1)"
heard_in_order 5 "DROP PARTY of each leaf" 1
settled "DROP PARTY of each leaf"

# A make-call the peer never answers (it drops every frame it sends) fails
# with the first leaf; the offered leaf at conic1 times out.
echo 100 >$DEBUGFS/conic/conic1/sig_drop_pct
ctl_fails mcall 6 conic0 leafa
echo 0 >$DEBUGFS/conic/conic1/sig_drop_pct
grep -q '^id=6 ' $CALLS && fail "call 6 listed after its make-call failed"
settled "make-call time-out"

# Multipoint calls still work.
two_leaves 7
ctl close 7
settled "a last call"
echo "RESTART, RELEASE, RELEASE COMPLETE, STATUS 0, DROP PARTY and a time-out cleared two-leaf calls through condis"
exit 0
