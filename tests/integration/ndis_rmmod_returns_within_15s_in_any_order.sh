# SPDX-License-Identifier: GPL-2.0
# Both compat modules unload, in either order, while calls placed both
# ways through the NDIS compat headers carry data, one of them answered
# by a pended NdisClIncomingCallComplete: each rmmod returns within 15 s
# (one 10 s teardown budget per departure, Documentation/core.rst) and
# no condis object is left.  The longest is printed; kmemleak runs after
# the job.
. /condis/tests/guest/lib.sh
. /condis/tests/guest/ndis.sh

for order in "ndisclient ndisloop" "ndisloop ndisclient"; do
	ndis_load
	nctl listen ndisloop0 west
	nctl listen ndisloop1 east
	nctl call 1 ndisloop0 east
	nctl answer pend
	nctl call 2 ndisloop1 west
	nctl answer accept
	for id in 1 2 1000 1001; do
		expect_call $id state connected
	done
	nctl send 1 200 512
	nctl send 2 200 512
	echo "order: $order"
	for m in $order; do
		timed_rmmod "$m"
	done
	wait_for "grep -q 'live objects: 0' $OBJECTS" || { cat $OBJECTS; fail "condis objects left"; }
	rmmod ndis || fail "rmmod ndis"
	rmmod condis || fail "rmmod condis"
done
echo "either order, calls live: the longest rmmod took $RMMOD_LONGEST ms"
exit 0
