# SPDX-License-Identifier: GPL-2.0
# The link over Ethernet: two ports on the two ends of a veth pair
# (EtherType 0x88B5) place calls both ways, a send larger than the
# device's MTU allows fails instead of being lost, and the veth going down
# clears them.
. /condis/tests/guest/lib.sh
. /condis/tests/guest/conic.sh

ip link add cva type veth peer name cvb 2>/dev/null || exit 4
# busybox's ip names the peer itself (cva@veth0)
cvb=$(ip link show cva | sed -n 's/.*cva@\([^:]*\):.*/\1/p')
[ -n "$cvb" ] || fail "no veth peer"
ip link set cva up && ip link set "$cvb" up
trap 'ip link del cva 2>/dev/null' EXIT
conic_load cocm
port 0 mcm
port 1 plain
echo "0 cva" >$BUS/link_eth || fail "link_eth 0"
echo "1 $cvb" >$BUS/link_eth || fail "link_eth 1"
wait_for "grep -q link=up $DEBUGFS/conic/conic0/state" || fail "conic0 not up"
wait_for "grep -q link=up $DEBUGFS/conic/conic1/state" || fail "conic1 not up"
ctl listen conic1 e
ctl listen conic0 e
wait_for "echo 'call 1 conic0 e' >$CTL" || fail "call over veth"
ctl call 2 conic1 e
ctl send 1 20 1400
ctl send 2 20 64
echoed 1 20
echoed 2 20
# The veths' MTU is 1500: 1496 bytes of payload fit behind the 4-byte
# head, 1497 do not and fail the send instead of vanishing on the way.
ctl send 1 1 1496
echoed 1 21
ctl send 1 1 1497
n=0
until [ "$(field 1 tx_err)" = 1 ]; do
	n=$((n + 1))
	[ $n -gt 100 ] && fail "an oversize send did not fail (tx_err=$(field 1 tx_err))"
	sleep 0.1
done
[ "$(field 1 tx_done)" = 22 ] || fail "call 1: tx_done=$(field 1 tx_done), expected 22"
[ "$(tr ' ' '\n' <$DEBUGFS/conic/conic0/state | grep -c '^tx_dropped=[1-9]')" = 0 ] ||
	fail "conic0 dropped frames: $(cat $DEBUGFS/conic/conic0/state)"
ip link set cva down
wait_for "! grep -q state=connected $CALLS" || fail "calls survived the veth going down"
echo "calls over a veth pair, cleared when it went down"
exit 0
