# SPDX-License-Identifier: GPL-2.0
# A client that breaks every rule of teardown (tests/rogue: it keeps every
# packet, ignores incoming closes, pends notify-close and unbind forever)
# holds calls with data on both ports, one run by the MCM and one by cocm.
# The rogue, the call manager and the NIC are unloaded in every order, and
# each rmmod returns within 15 s: condis waits for the rogue once (10 s),
# then completes for it and hands its packets back to the miniport.
. /condis/tests/guest/lib.sh
. /condis/tests/guest/conic.sh

ROGUE=$DEBUGFS/condis_rogue/stats
for order in "condis_rogue cocm conic" "condis_rogue conic cocm" "cocm condis_rogue conic" \
	     "cocm conic condis_rogue" "conic condis_rogue cocm" "conic cocm condis_rogue"; do
	conic_load cocm
	load_module tests/rogue/condis_rogue.ko || fail "insmod condis_rogue"
	port 0 mcm
	port 1 plain
	wire 0 1
	wait_for "echo 'call 1 conic0 rogue' >$CTL" || fail "no call to the rogue on conic1"
	ctl call 2 conic1 rogue
	ctl send 1 50 256
	ctl send 2 50 256
	wait_for "grep -q 'kept=100 ' $ROGUE" || { cat $ROGUE; fail "the rogue did not get the packets"; }
	echo "order: $order ($(cat $ROGUE))"
	for m in $order; do
		timed_rmmod "$m"
	done
	timed_rmmod coecho
	timed_rmmod cosig
	objects=$DEBUGFS/condis/objects
	wait_for "grep -q 'live objects: 0' $objects" || { cat $objects; fail "objects left"; }
	rmmod condis || fail "rmmod condis"
done
echo "every order under the rogue: the longest rmmod took $RMMOD_LONGEST ms"
exit 0
