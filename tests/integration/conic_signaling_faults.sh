# SPDX-License-Identifier: GPL-2.0
# Lost, duplicated, delayed and reordered signaling frames are survived by
# retransmission: calls still come up and close, nothing is left behind.
. /condis/tests/guest/lib.sh
. /condis/tests/guest/conic.sh

conic_load cocm
port 0 mcm
port 1 plain
wire 0 1
ctl listen conic1 f
ctl listen conic0 f
# The next three frames each way are lost (SETUP, then CALL PROC/CONNECT).
echo 3 >$DEBUGFS/conic/conic0/sig_drop_next
echo 3 >$DEBUGFS/conic/conic1/sig_drop_next
ctl call 1 conic0 f
wait_for "! grep dir=in $CALLS | grep -qv state=connected" || fail "called end never connected"
ctl send 1 10 64
echoed 1 10
ctl close 1
[ "$(sig_field 0 retransmits)" -gt 0 ] || fail "conic0 never retransmitted"
for p in 0 1; do
	echo 20 >$DEBUGFS/conic/conic$p/sig_drop_pct
	echo 30 >$DEBUGFS/conic/conic$p/sig_dup_pct
	echo 20 >$DEBUGFS/conic/conic$p/sig_reorder_pct
done
i=2
while [ $i -le 9 ]; do
	if [ $((i % 2)) = 0 ]; then from=conic0; else from=conic1; fi
	ctl call $i $from f
	# The called end is connected once our CONNECT ACK got through
	# (it may be lost and sent again); data before that is dropped.
	wait_for "! grep dir=in $CALLS | grep -qv state=connected" ||
		fail "called end of call $i never connected"
	ctl send $i 3 64
	echoed $i 3
	ctl close $i
	i=$((i + 1))
done
for p in 0 1; do
	echo 0 >$DEBUGFS/conic/conic$p/sig_drop_pct
	echo 0 >$DEBUGFS/conic/conic$p/sig_dup_pct
	echo 0 >$DEBUGFS/conic/conic$p/sig_reorder_pct
done
grep -q "duplicated=[1-9]" $DEBUGFS/conic/conic0/state $DEBUGFS/conic/conic1/state ||
	fail "no frame was duplicated"
wait_for "! grep -q dir=in $CALLS" 100 || fail "incoming calls left"
cat $DEBUGFS/conic/conic0/state
echo "8 calls survived 20% loss, 30% duplication and 20% reordering"
exit 0
