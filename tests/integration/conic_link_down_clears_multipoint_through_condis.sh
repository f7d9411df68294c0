# SPDX-License-Identifier: GPL-2.0
# The link of a port rooting a two-leaf call goes down (its "link" knob)
# while data flows: the root's client hears one leaf dropped by the
# network, then the call closed (condis's incoming drop-party, then its
# incoming close), drops the leaf and closes the call; nothing is left,
# and once the link is back a new two-leaf call carries data.  Over
# Ethernet, then over a back-to-back wire (where the leaves' end goes down
# too and clears the leaves).
. /condis/tests/guest/lib.sh
. /condis/tests/guest/conic.sh

veth_pair cva
conic_load
port 0 mcm
port 1 mcm
eth 0 cva
eth 1 "$VETH_PEER"
port 2 mcm
port 3 mcm
wire 2 3
for p in 1 3; do
	ctl listen conic$p leafa
	ctl listen conic$p leafb
done

# two_leaves ID PORT PEER: multipoint call ID from conicPORT to leafa and
# leafb at conicPEER, with data
two_leaves() {
	wait_for "echo 'mcall $1 conic$2 leafa' >$CTL" || fail "no call $1 from conic$2"
	ctl addparty "$1" 2 leafb
	[ "$(field "$1" parties)" = 2 ] || fail "call $1 has $(field "$1" parties) parties, not 2"
	ctl send "$1" 10 100
	for n in a b; do
		wait_for "grep adapter=conic$3 $CALLS | grep sap=leaf$n | grep -q ' rx=10 '" ||
			fail "leaf $n did not get call $1's packets"
	done
}

# down ID PORT: take conicPORT's link down under call ID's data; its client
# hears one drop, then the close, in that order, and nothing is left
down() {
	local log lines
	(echo "send $1 2000 200" >$CTL 2>/dev/null) &
	log_mark "link of conic$2 down"
	echo 0 >$DEBUGFS/conic/conic$2/link
	wait
	wait_for "! grep -q '^id=$1 ' $CALLS" || fail "call $1 was not closed"
	log=$(kmsg_after "link of conic$2 down" |
		grep -E "call $1( leaf [0-9]+)?: (dropped|closed) by the network")
	lines=$(echo "$log" | sed -n "s/.*call $1 leaf [0-9]*: dropped by the network.*/drop/p;
		s/.*call $1: closed by the network.*/close/p" | tr '\n' ' ')
	[ "$lines" = "drop close " ] || { echo "$log"; fail "call $1: the client heard '$lines'"; }
	close_incoming
	wait_for "! grep -q ' party ' $DEBUGFS/condis/objects" ||
		{ cat $DEBUGFS/condis/objects; fail "parties left in condis"; }
	grep -q '^    party ' $DEBUGFS/conic/conic$2/state && fail "parties left in conic$2's engine"
	[ "$(awk '$1 == "errors" { print $2 }' $DEBUGFS/coecho/stats)" = 0 ] ||
		fail "the client counted errors"
	echo 1 >$DEBUGFS/conic/conic$2/link
	wait_for "grep -q link=up $DEBUGFS/conic/conic$2/state" || fail "conic$2 not up again"
}

two_leaves 1 0 1
down 1 0
two_leaves 2 0 1
ctl close 2
close_incoming

two_leaves 3 2 3
down 3 2
two_leaves 4 2 3
ctl close 4
close_incoming
echo "link down cleared two-leaf calls through condis, over Ethernet and a wire"
exit 0
