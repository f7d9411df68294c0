# SPDX-License-Identifier: GPL-2.0
# A storm of random and malformed signaling frames from the wire, during a
# live call, at an MCM port and at a port run by cocm: no crash, no leak
# (kmemleak runs after the tests), frames counted as malformed, and the
# live call and new calls keep working.
. /condis/tests/guest/lib.sh
. /condis/tests/guest/conic.sh

conic_load cocm
port 0 mcm
port 1 plain
wire 0 1
ctl listen conic1 s
ctl listen conic0 s
ctl call 1 conic0 s
for p in 0 1; do
	echo 3000 >$DEBUGFS/conic/conic$p/sig_storm || fail "storm at conic$p"
done
ctl send 1 10 64
echoed 1 10
[ "$(sig_field 0 malformed)" -gt 0 ] || fail "conic0 counted no malformed frame"
ctl call 2 conic1 s
ctl send 2 10 64
echoed 2 10
ctl close 1
ctl close 2
cat $DEBUGFS/conic/conic0/state
echo "6000 random frames: counted, dropped or answered; calls still work"
exit 0
