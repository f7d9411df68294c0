# SPDX-License-Identifier: GPL-2.0
# The NDIS 5.x pair and ndis.ko unload in every order the module
# references allow, while calls placed both ways carry packets and the
# client holds received packets (ProtocolCoReceivePacket returned 1):
# ndis.ko is refused while a 5.x driver uses it; ndis5client and
# ndis5loop go in either order, each rmmod within 15 s; then ndis.ko; no
# condis object is left (objects dump) and kmemleak runs after the job.
. /condis/tests/guest/lib.sh
. /condis/tests/guest/ndis.sh
. /condis/tests/guest/ndis5.sh

for order in "ndis5client ndis5loop" "ndis5loop ndis5client"; do
	ndis5_load
	cctl listen ndis5loop0 west
	cctl listen ndis5loop1 east
	cctl call 1 ndis5loop0 east
	cctl call 2 ndis5loop1 west
	for id in 1 2 1000 1001; do
		wait_call $id state connected
	done
	cctl keep on
	cctl send 1 50 512
	cctl send 2 50 512
	received 1000 50
	expect_call 1000 kept 50
	if rmmod ndis 2>/dev/null; then
		fail "ndis.ko unloaded under its 5.x drivers"
	fi
	echo "order: $order ndis"
	for m in $order; do
		timed_rmmod "$m"
	done
	wait_for "grep -q 'live objects: 0' $OBJECTS" || { cat $OBJECTS; fail "condis objects left"; }
	timed_rmmod ndis
	rmmod condis || fail "rmmod condis"
done
echo "every order, calls live, packets held: the longest rmmod took $RMMOD_LONGEST ms"
exit 0
