# SPDX-License-Identifier: GPL-2.0
# A storm of random and malformed signaling frames from the wire at an MCM
# port and at a port run by cocm, first on an idle link, then during live
# calls: no crash, no leak (kmemleak runs after the tests), malformed
# frames counted and dropped, and the engines still place and carry calls.
# Well-formed random messages (RELEASE, RESTART for a live cref) may
# legitimately end the live calls, so only new calls are checked after.
. /condis/tests/guest/lib.sh
. /condis/tests/guest/conic.sh

conic_load cocm
port 0 mcm
port 1 plain
wire 0 1
ctl listen conic1 s
ctl listen conic0 s
for p in 0 1; do
	echo 3000 >$DEBUGFS/conic/conic$p/sig_storm || fail "storm at conic$p"
done
[ "$(sig_field 0 malformed)" -gt 0 ] || fail "conic0 counted no malformed frame"
# Forged frames still queued may hit these calls (a forged CONNECT without
# a channel fails the call with -EPROTO): they only need to be live targets
# for the second storm, so a failure here is not the test's.
echo "call 1 conic0 s" >$CTL 2>/dev/null
echo "call 2 conic1 s" >$CTL 2>/dev/null
for p in 0 1; do
	echo 3000 >$DEBUGFS/conic/conic$p/sig_storm || fail "storm at conic$p"
done
# Let the engines answer what they will, then place fresh calls.
sleep 2
wait_for "echo 'call 3 conic0 s' >$CTL" || fail "no call from conic0 after the storms"
wait_for "echo 'call 4 conic1 s' >$CTL" || fail "no call from conic1 after the storms"
ctl send 3 10 64
ctl send 4 10 64
echoed 3 10
echoed 4 10
for id in 1 2 3 4; do
	echo "close $id" >$CTL 2>/dev/null
done
# A forged RESTART or RELEASE can leave the other end of a live call
# half-open (the protocol has no keep-alive): its client closes it.
for id in $(awk '{ sub("id=", "", $1); print $1 }' $CALLS); do
	echo "close $id" >$CTL 2>/dev/null
done
wait_for "! grep -q dir=in $CALLS" || fail "incoming calls left"
cat $DEBUGFS/conic/conic0/state
echo "12000 random frames: counted, dropped or answered; new calls still work"
exit 0
