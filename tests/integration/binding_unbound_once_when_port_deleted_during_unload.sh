# SPDX-License-Identifier: GPL-2.0
# Ports deleted while the protocol modules bound to them unload, round
# after round: a binding is on its adapter's list and its protocol's, and
# whichever departure comes first unbinds it, once; the other waits.  Any
# use after free, list corruption or hang fails the run (the harness reads
# the console; kmemleak runs after the tests).
. /condis/tests/guest/lib.sh
. /condis/tests/guest/conic.sh

rounds=12
conic_load cocm
round=0
while [ $round -lt $rounds ]; do
	port 0 mcm
	port 1 plain
	wire 0 1
	wait_for "echo 'listen conic1 r$round' >$CTL" || fail "round $round: no AF on conic1"
	ctl listen conic0 "r$round"
	ctl call 1 conic0 "r$round"
	ctl call 2 conic1 "r$round"
	# Both departures at once, in an order that changes every round.
	if [ $((round % 2)) = 0 ]; then
		rmmod coecho &
		echo 0 >$BUS/del_port &
		rmmod cocm &
		echo 1 >$BUS/del_port &
	else
		echo 1 >$BUS/del_port &
		rmmod cocm &
		echo 0 >$BUS/del_port &
		rmmod coecho &
	fi
	wait
	grep -q '^coecho ' /proc/modules && fail "round $round: coecho did not unload"
	grep -q '^cocm ' /proc/modules && fail "round $round: cocm did not unload"
	[ -e "$DEBUGFS/conic/conic0" ] && fail "round $round: conic0 left"
	[ -e "$DEBUGFS/conic/conic1" ] && fail "round $round: conic1 left"
	load_module drivers/cocm/cocm.ko || fail "round $round: insmod cocm"
	load_module drivers/coecho/coecho.ko || fail "round $round: insmod coecho"
	round=$((round + 1))
done
rmmod coecho cocm conic cosig || fail "rmmod the rest"
objects=$DEBUGFS/condis/objects
wait_for "grep -q 'live objects: 0' $objects" || { cat $objects; fail "objects left"; }
echo "$rounds rounds of ports deleted during the protocols' unload: each binding unbound once"
exit 0
