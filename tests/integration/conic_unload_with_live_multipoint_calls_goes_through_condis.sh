# SPDX-License-Identifier: GPL-2.0
# Ports go away under live two-leaf calls with data flowing: first one
# port is deleted (del_port), then conic is unloaded with calls rooted at
# both ends of a wire and of a veth pair.  Each root's client hears its
# leaves dropped and its call closed through condis (an incoming
# drop-party for every leaf but the last, then the incoming close), every
# rmmod returns, and nothing is left: no condis object, no kernel report.
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
for p in 0 1 2 3; do
	ctl listen conic$p leafa
	ctl listen conic$p leafb
done

# two_leaves ID PORT: multipoint call ID from conicPORT to leafa and leafb
# at the other end, with data
two_leaves() {
	wait_for "echo 'mcall $1 conic$2 leafa' >$CTL" || fail "no call $1 from conic$2"
	ctl addparty "$1" 2 leafb
	[ "$(field "$1" parties)" = 2 ] || fail "call $1 has $(field "$1" parties) parties, not 2"
	ctl send "$1" 10 100
}

# heard ID WHAT: call ID's client heard "drop close", in that order
heard() {
	local log lines
	log=$(kmsg_after "$2" | grep -E "call $1( leaf [0-9]+)?: (dropped|closed) by the network")
	lines=$(echo "$log" | sed -n "s/.*call $1 leaf [0-9]*: dropped by the network.*/drop/p;
		s/.*call $1: closed by the network.*/close/p" | tr '\n' ' ')
	[ "$lines" = "drop close " ] || { echo "$log"; fail "$2: call $1's client heard '$lines'"; }
}

two_leaves 1 0
two_leaves 2 1
two_leaves 3 2
two_leaves 4 3
for id in 1 2 3 4; do
	(echo "send $id 5000 200" >$CTL 2>/dev/null) &
done
log_mark "del_port 2"
echo 2 >$BUS/del_port || fail "del_port 2 under live calls"
wait_for "! grep -q '^id=3 ' $CALLS" || fail "call 3 outlived its port"
heard 3 "del_port 2"
wait_for "! grep -q '^id=4 ' $CALLS" || fail "call 4 outlived the wire"
heard 4 "del_port 2"

log_mark "rmmod conic"
start=$(date +%s)
rmmod conic || fail "rmmod conic under live calls"
echo "rmmod conic took $(($(date +%s) - start)) s"
wait
heard 1 "rmmod conic"
heard 2 "rmmod conic"
grep -q '^id=' $CALLS && fail "calls left after conic went"
[ "$(awk '$1 == "errors" { print $2 }' $DEBUGFS/coecho/stats)" = 0 ] ||
	fail "the client counted errors"
rmmod coecho cosig || fail "rmmod coecho cosig"
objects=$DEBUGFS/condis/objects
wait_for "grep -q 'live objects: 0' $objects" || { cat $objects; fail "objects left"; }
rmmod condis || fail "rmmod condis"
echo "del_port and rmmod conic under live two-leaf calls went through condis"
exit 0
