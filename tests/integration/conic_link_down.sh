# SPDX-License-Identifier: GPL-2.0
# Taking the link down clears every call on it at both ends (clients see a
# remote close); once it is up again, new calls work.
. /condis/tests/guest/lib.sh
. /condis/tests/guest/conic.sh

conic_load cocm
port 0 mcm
port 1 plain
wire 0 1
ctl listen conic1 l
ctl call 1 conic0 l
ctl call 2 conic0 l
ctl send 1 5 64
echoed 1 5
echo 0 >$DEBUGFS/conic/conic0/link
wait_for "grep -q link=down $DEBUGFS/conic/conic1/state" || fail "conic1 still up"
wait_for "! grep -q 'state=connected' $CALLS" || fail "calls survived the link going down"
for id in 1 2; do
	wait_for "[ -z \"\$(awk '\$1 == \"id=$id\"' $CALLS)\" ]" || fail "call $id not cleared"
done
grep -q 'remote_closes [1-9]' $DEBUGFS/coecho/stats || fail "no remote close counted"
ctl_fails call 3 conic0 l
echo 1 >$DEBUGFS/conic/conic0/link
wait_for "grep -q link=up $DEBUGFS/conic/conic1/state" || fail "link not back"
wait_for "echo 'call 4 conic0 l' >$CTL" || fail "no call after the link came back"
ctl send 4 5 64
echoed 4 5
ctl close 4
echo "link down cleared the calls; calls work again after it came up"
exit 0
