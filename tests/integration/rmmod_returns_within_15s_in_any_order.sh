# SPDX-License-Identifier: GPL-2.0
# Every driver module unloads, in every order, while calls carry data
# both ways (one call manager per port: the MCM and cocm), and each rmmod
# returns within 15 s (Documentation/core.rst: one 10 s budget per
# departure).  The longest is printed.
. /condis/tests/guest/lib.sh
. /condis/tests/guest/conic.sh

for order in "coecho cocm conic" "coecho conic cocm" "cocm coecho conic" \
	     "cocm conic coecho" "conic coecho cocm" "conic cocm coecho"; do
	conic_load cocm
	port 0 mcm
	port 1 plain
	wire 0 1
	wait_for "echo 'listen conic1 o' >$CTL" || fail "no AF on conic1"
	ctl listen conic0 o
	ctl call 1 conic0 o
	ctl call 2 conic1 o
	ctl send 1 200 512
	ctl send 2 200 512
	echo "order: $order"
	for m in $order; do
		timed_rmmod "$m"
	done
	timed_rmmod cosig
	objects=$DEBUGFS/condis/objects
	wait_for "grep -q 'live objects: 0' $objects" || { cat $objects; fail "objects left"; }
	rmmod condis || fail "rmmod condis"
done
echo "every order: the longest rmmod took $RMMOD_LONGEST ms"
exit 0
