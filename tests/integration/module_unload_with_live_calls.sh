# SPDX-License-Identifier: GPL-2.0
# A module that registered a miniport (an MCM) and a client is removed while
# its AF is open and two calls are connected: condis closes what it left
# (forced teardown), nothing stays behind, and condis unloads cleanly after.
. /condis/tests/guest/lib.sh

fail() {
	echo "FAIL: $*"
	exit 1
}

objects=/sys/kernel/debug/condis/objects
load_module cond/condis.ko || fail "insmod condis"
load_module tests/bench/condis_bench.ko run=datapath packets=2000 keep=1 ||
	fail "insmod condis_bench"
grep -q 'call=connected' $objects || fail "no connected call before the unload"
echo "live before the unload:"
grep -E 'af |vc ' $objects
rmmod condis_bench || fail "rmmod condis_bench"
grep -qE 'miniport|protocol|vc ' $objects && { cat $objects; fail "objects left behind"; }
# Objects are freed an RCU grace period after their last reference.
n=0
until grep -q 'live objects: 0' $objects; do
	n=$((n + 1))
	[ $n -gt 50 ] && { cat $objects; fail "live objects remain"; }
	sleep 0.1
done
dmesg | grep -q 'teardown: closing AF' || fail "the AF was not closed by the teardown"
rmmod condis || fail "rmmod condis"
echo "unloaded with live calls; nothing left"
exit 0
