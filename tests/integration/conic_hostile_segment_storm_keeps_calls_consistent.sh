# SPDX-License-Identifier: GPL-2.0
# A hostile station on the Ethernet segment storms two MCM ports that carry
# live calls.  Each round places fresh calls, a two-leaf multipoint call
# rooted at each end and a point-to-point call each way, starts data on
# them, then storms both ports with random and malformed signaling frames,
# seeded (each storm's seed is printed: write it to sig_storm_seed to
# replay the frames), three in ten from foreign addresses and the rest from
# the peer's.  After each round:
#  - every call is alive (connected, carrying data), half-open (still up at
#    its caller while the far end was told to forget it: the protocol has
#    no keep-alive), or was cleared through condis (its client heard
#    "closed by the network") and closed; no call is left half-way in an
#    engine, no party is left once the round's calls are closed, the
#    client counted no error;
# and at the end:
#  - every frame from a foreign address was dropped unread (rx_foreign =
#    the foreign frames injected), each port's peer address is unchanged;
#  - the counters add up: a port's rx = rx_bad + rx_sig + rx_data, its
#    engine's rx + malformed + rx_dropped = rx_sig;
#  - once everything is unloaded, no condis object is left.
# The harness fails the test on any kernel report; kmemleak runs after.
. /condis/tests/guest/lib.sh
. /condis/tests/guest/conic.sh

# Storm frames name call references below 8 (Documentation/conic.rst): each
# port places two calls a round after a first one, so three rounds keep
# every call in reach.  Frames per port in each round: a short storm that
# calls often survive, then longer ones that outrun the engines' queues.
SIZES="10 500 5000"
FOREIGN=30	# percent

veth_pair cva
conic_load
port 0 mcm
port 1 mcm
eth 0 cva
eth 1 "$VETH_PEER"
for p in 0 1; do
	for n in leafa leafb s; do
		ctl listen conic$p $n
	done
done
wait_for "echo 'call 9 conic0 s' >$CTL" || fail "no call over the veth"
ctl close 9
close_incoming
peer0=$(sig_field 0 peer)
peer1=$(sig_field 1 peer)
[ "$peer0" = "$(mac_of "$VETH_PEER")" ] || fail "conic0's peer is $peer0"
[ "$peer1" = "$(mac_of cva)" ] || fail "conic1's peer is $peer1"

# The storm is over for the engines: each has read every signaling frame
# its port took in, and no call is half-way in either (retransmissions and
# time-outs ran out, 8 tries 100 ms apart).  What they told condis may
# still be on its way to the client: see verdict.
settled() {
	for p in 0 1; do
		[ "$(sig_field $p rx_sig)" = $(($(engine_field $p rx) + $(engine_field $p malformed) + $(engine_field $p rx_dropped))) ] ||
			return 1
		awk '$1 == "call" { split($5, s, "="); if (s[2] != "active" && s[2] != "closed" && s[2] != "idle") bad = 1 }
			END { exit bad }' $DEBUGFS/conic/conic$p/state || return 1
	done
}

# placed_cref PORT TYPE SAP: the reference of the active call of TYPE (p2p
# or root) to SAP the port placed
placed_cref() {
	awk -v t="$2" -v s="sap=$3" '$1 == "call" && $2 ~ /[(]ours[)]/ && $4 == t &&
		$5 == "state=active" && $6 == s { sub("cref=", "", $2); sub("[(].*", "", $2); print $2; exit }' \
		$DEBUGFS/conic/conic$1/state
}
# far_has PORT CREF: the port has an active call (or leaf) the peer placed
# with reference CREF
far_has() {
	awk -v c="cref=$2" '$1 == "call" && $2 == c && $5 == "state=active" { f = 1 } END { exit !f }' \
		$DEBUGFS/conic/conic$1/state
}

# verdict ID PORT TYPE SAP: once the client and the engine of PORT agree
# on call ID, "cleared" (the client no longer lists it) or "up" (connected
# at the client, active in the engine); "stuck" if they never agree.  An
# engine's clearing reaches the client through condis's work queue, after
# the engine settled.
verdict() {
	local n=0
	while [ $n -le 100 ]; do
		if ! grep -q "^id=$1 " $CALLS; then
			echo cleared
			return
		fi
		if grep "^id=$1 " $CALLS | grep -q ' state=connected ' &&
			[ -n "$(placed_cref $2 $3 $4)" ]; then
			echo up
			return
		fi
		n=$((n + 1))
		sleep 0.1
	done
	echo stuck
}

alive=0
halfopen=0
cleared=0
round=0
total=0
for frames in $SIZES; do
	round=$((round + 1))
	total=$((total + 2 * frames))
	base=$((round * 10))
	# Calls base+1 and base+2: two leaves each, rooted at conic0 and conic1;
	# base+3 and base+4: point-to-point, each way.
	wait_for "echo 'mcall $((base + 1)) conic0 leafa' >$CTL" || fail "round $round: no call"
	ctl addparty $((base + 1)) 2 leafb
	ctl mcall $((base + 2)) conic1 leafa
	ctl addparty $((base + 2)) 2 leafb
	ctl call $((base + 3)) conic0 s
	ctl call $((base + 4)) conic1 s
	for id in $((base + 1)) $((base + 2)) $((base + 3)) $((base + 4)); do
		(echo "send $id 1000 200" >$CTL 2>/dev/null) &
	done
	log_mark "storm round $round begins"
	for p in 0 1; do
		d=$DEBUGFS/conic/conic$p
		echo 0 >$d/sig_storm_seed
		echo $FOREIGN >$d/sig_storm_foreign_pct
		echo $frames >$d/sig_storm || fail "storm at conic$p"
		echo "round $round: conic$p: $frames frames, seed $(cat $d/sig_storm_seed)"
	done
	wait
	n=0
	until settled; do
		n=$((n + 1))
		[ $n -gt 150 ] && fail "round $round: calls left half-way in an engine"
		sleep 0.1
	done
	# Each call is alive and carries data, or its client heard it closed
	# by the network and closed it.  A call still up at its caller whose
	# far end was told to forget it (a forged RESTART, RELEASE or STATUS
	# there) is half-open, as the protocol has it: it has no keep-alive.
	for c in "1 0 root leafa" "2 1 root leafa" "3 0 p2p s" "4 1 p2p s"; do
		set -- $c
		id=$((base + $1))
		case $(verdict $id $2 $3 $4) in
		cleared)
			# The client logs the close before it unlists the call.
			kmsg_after "storm round $round begins" | grep -q "call $id: closed by the network" ||
				fail "call $id went without its client hearing it closed"
			cleared=$((cleared + 1))
			continue
			;;
		stuck)
			fail "call $id: its client and conic$2's engine disagree: $(grep "^id=$id " $CALLS)"
			;;
		esac
		cref=$(placed_cref $2 $3 $4)
		if far_has $((1 - $2)) "$cref"; then
			rx=$(field $id rx)
			ctl send $id 10 64
			if [ $3 = p2p ]; then
				echoed $id $((rx + 10))
			else
				[ "$(field $id parties)" -ge 1 ] || fail "call $id is up with no party"
			fi
			alive=$((alive + 1))
		else
			halfopen=$((halfopen + 1))
		fi
		ctl close $id
	done
	close_incoming
	wait_for "! grep -q ' party ' $DEBUGFS/condis/objects" ||
		{ cat $DEBUGFS/condis/objects; fail "round $round: parties left in condis"; }
	for p in 0 1; do
		grep -q '^    party ' $DEBUGFS/conic/conic$p/state &&
			fail "round $round: parties left in conic$p's engine"
	done
	[ "$(awk '$1 == "errors" { print $2 }' $DEBUGFS/coecho/stats)" = 0 ] ||
		fail "round $round: the client counted errors"
done
echo "calls: $alive alive after their storm, $halfopen half-open, $cleared cleared through condis"

for p in 0 1; do
	[ "$(sig_field $p lost)" = 0 ] || fail "conic$p: the device refused $(sig_field $p lost) frames"
	[ "$(sig_field $p rx_foreign)" = "$(sig_field $p foreign)" ] ||
		fail "conic$p: $(sig_field $p foreign) frames from foreign addresses, $(sig_field $p rx_foreign) dropped as such"
	[ "$(sig_field $p rx)" = $(($(sig_field $p rx_bad) + $(sig_field $p rx_sig) + $(sig_field $p rx_data))) ] ||
		fail "conic$p: rx is not rx_bad + rx_sig + rx_data"
	[ "$(sig_field $p rx_sig)" = $(($(engine_field $p rx) + $(engine_field $p malformed) + $(engine_field $p rx_dropped))) ] ||
		fail "conic$p: the engine's rx + malformed + rx_dropped is not the port's rx_sig"
	echo "conic$p: $(sig_field $p frames) frames injected, $(sig_field $p foreign) from foreign addresses, all dropped as such; the engine read $(engine_field $p rx), refused $(engine_field $p malformed) as malformed, dropped $(engine_field $p rx_dropped)"
done
[ "$(sig_field 0 peer)" = "$peer0" ] || fail "conic0's peer became $(sig_field 0 peer)"
[ "$(sig_field 1 peer)" = "$peer1" ] || fail "conic1's peer became $(sig_field 1 peer)"

rmmod coecho conic cosig || fail "rmmod after the storm"
objects=$DEBUGFS/condis/objects
wait_for "grep -q 'live objects: 0' $objects" || { cat $objects; fail "objects left"; }
rmmod condis || fail "rmmod condis"
echo "storms of $total frames against live two-leaf and point-to-point calls: calls alive or cleared through condis, counters add up"
exit 0
