# SPDX-License-Identifier: GPL-2.0
# condis.ko loads and unloads cleanly, again and again: its debugfs directory
# appears with it and is gone after it, and it holds no references when idle.
. /condis/tests/guest/lib.sh

fail() {
	echo "FAIL: $*"
	exit 1
}

i=0
while [ $i -lt 10 ]; do
	load_module cond/condis.ko || fail "insmod #$i"
	[ -r /sys/kernel/debug/condis/version ] || fail "no debugfs version file after load #$i"
	refs=$(cat /sys/module/condis/refcnt)
	[ "$refs" = 0 ] || fail "condis holds $refs references while idle"
	rmmod condis || fail "rmmod #$i"
	[ -e /sys/kernel/debug/condis ] && fail "debugfs directory left behind after unload #$i"
	i=$((i + 1))
done
echo "loaded and unloaded $i times"
exit 0
