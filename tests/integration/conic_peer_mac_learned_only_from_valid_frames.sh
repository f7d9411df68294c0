# SPDX-License-Identifier: GPL-2.0
# An Ethernet port learns its peer's address from the first valid frame
# (a well-formed signaling message, or data for an active VC) and from then
# on takes frames from that address only: a malformed or a valid frame
# from another station is dropped unread (rx_foreign), never learned, and
# the live call's traffic keeps flowing.  While no address is learned, a
# frame that is dropped (malformed, or for no VC) is not learned either.
. /condis/tests/guest/lib.sh
. /condis/tests/guest/conic.sh

veth_pair cva
conic_load
port 0 mcm
port 1 mcm
stranger=02:00:00:00:0a:0b	# a station on the segment that is not conic1
# A signaling frame whose message has version 2: malformed.
malformed=0000000c$(printf '0246%04x%08x%08x' 0 0 0)

# Before anyone speaks, conic1 holds its link down: conic0 comes up alone
# and knows no peer.
echo 0 >$DEBUGFS/conic/conic1/link
echo "1 $VETH_PEER" >$BUS/link_eth || fail "link_eth 1"
eth 0 cva
[ "$(sig_field 0 peer)" = 00:00:00:00:00:00 ] || fail "conic0 knows a peer already"
# From the stranger: a malformed message (a header only, wrong version),
# then data for a channel no VC receives on.  Both are dropped.
mal=$(engine_field 0 malformed)
bad=$(sig_field 0 rx_bad)
inject 0 $stranger "$malformed"
inject 0 $stranger "0020000401020304"
wait_for "[ \$(grep ' retransmits=' $DEBUGFS/conic/conic0/state | tr ' ' '\n' | sed -n 's/^malformed=//p') = $((mal + 1)) ]" ||
	fail "the malformed frame was not counted"
wait_for "[ \$(tr ' ' '\n' <$DEBUGFS/conic/conic0/state | sed -n 's/^rx_bad=//p') = $((bad + 1)) ]" ||
	fail "the frame for no VC was not counted"
[ "$(sig_field 0 peer)" = 00:00:00:00:00:00 ] ||
	fail "conic0 learned $(sig_field 0 peer) from a frame it dropped"

# conic1 comes up: its RESTART is the first valid frame conic0 sees.
echo 1 >$DEBUGFS/conic/conic1/link
peer=$(mac_of "$VETH_PEER")
wait_for "grep -q 'peer=$peer' $DEBUGFS/conic/conic0/state" ||
	fail "conic0 did not learn conic1's address $peer (it has $(sig_field 0 peer))"
ctl listen conic1 e
wait_for "echo 'call 1 conic0 e' >$CTL" || fail "no call over the veth"
ctl send 1 10 64
echoed 1 10

# The stranger sends a malformed frame, then a well-formed one (a STATUS
# for no call, which needs no answer): both are dropped before they are
# read, the peer's address stays, and the call's data still flows.
mal=$(engine_field 0 malformed)
inject 0 $stranger "$malformed"
inject 0 $stranger "$(sigframe $((0x7d)) 7 0 "$(ie_u32 4 101)")"
wait_for "[ \"\$(tr ' ' '\n' <$DEBUGFS/conic/conic0/state | sed -n 's/^rx_foreign=//p')\" = 2 ]" ||
	fail "frames from the stranger not counted as foreign"
[ "$(sig_field 0 peer)" = "$peer" ] || fail "conic0's peer is now $(sig_field 0 peer)"
[ "$(engine_field 0 malformed)" = "$mal" ] || fail "the engine read the stranger's frame"
ctl send 1 10 64
echoed 1 20

# The link going down forgets the address; the peer is learned again.
echo 0 >$DEBUGFS/conic/conic0/link
wait_for "grep -q 'peer=00:00:00:00:00:00' $DEBUGFS/conic/conic0/state" ||
	fail "conic0 kept its peer across a link down"
echo 1 >$DEBUGFS/conic/conic0/link
wait_for "grep -q 'peer=$peer' $DEBUGFS/conic/conic0/state" ||
	fail "conic0 did not learn its peer again"
close_incoming
wait_for "echo 'call 2 conic0 e' >$CTL" || fail "no call after the link came back"
ctl send 2 10 64
echoed 2 10
ctl close 2
echo "the peer's address is learned from valid frames only; strangers' frames are dropped"
exit 0
