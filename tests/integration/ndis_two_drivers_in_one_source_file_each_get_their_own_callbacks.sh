# SPDX-License-Identifier: GPL-2.0
# Two NDIS clients and two NDIS MCMs registered from one source file
# (tests/ndis_multi/ndismulti.c), each with handlers of its own: every
# registration succeeds; each client binds to both MCMs' adapters and opens
# the AF on each, each MCM getting one open per client; one call per
# client and AF is made and closed, one at a time, and after each step
# exactly the expected handlers of exactly the expected two drivers ran,
# once (the module checks it and counts failures); every handler got only
# contexts of its own driver; NdisUnbindAdapter() closes every AF and
# binding, each once, in the owner's handlers; rmmod leaves no object.
. /condis/tests/guest/lib.sh
. /condis/tests/guest/ndis.sh

NM=$DEBUGFS/ndismulti

fail() {
	echo "FAIL: $*"
	for f in $NM/counts $NM/events; do
		[ -r "$f" ] && { echo "--- $f"; cat "$f"; }
	done
	exit 1
}

# count DRIVER EVENT: how many times DRIVER's handler for EVENT ran
count() {
	awk -v d="$1" -v e="$2" '$1 == d && $2 == e { print $3 }' $NM/counts
}

# expect_count DRIVER EVENT N
expect_count() {
	[ "$(count "$1" "$2")" = "$3" ] || fail "$1 $2: $(count "$1" "$2"), expected $3"
}

# wait_count DRIVER EVENT N: wait (up to 10 s) until the count is N, then expect it
wait_count() {
	local n=0
	until [ "$(count "$1" "$2")" = "$3" ] || [ $n -ge 100 ]; do
		n=$((n + 1))
		sleep 0.1
	done
	expect_count "$@"
}

load_module cond/condis.ko || fail "insmod condis"
load_module ndis/ndis.ko || fail "insmod ndis"
load_module tests/ndis_multi/ndismulti.ko || fail "insmod ndismulti: $(dmesg | grep ndismulti | tail -n 3)"
for d in mcmA mcmB clA clB; do
	ev_once $NM/events "register $d 0x00000000"
done
wait_count clA open_af_complete 2
wait_count clB open_af_complete 2

for d in mcmA mcmB; do
	expect_count $d initialize 1
	expect_count $d open_af 2
done
# af_notify: at least once per binding (condis may repeat it for a binding
# made while the AF's own notification was queued; the clients open once).
for d in clA clB; do
	expect_count $d bind 2
	[ "$(count $d af_notify)" -ge 2 ] || fail "$d af_notify: $(count $d af_notify)"
done

echo call >$NM/ctl || fail "ctl call"
for d in clA clB; do
	expect_count $d make_call_complete 2
	expect_count $d close_call_complete 2
done
for d in mcmA mcmB; do
	for e in create_vc make_call close_call delete_vc; do
		expect_count $d $e 2
	done
done
# One call per client and adapter, each in NDIS's order on the right MCM.
for cl in clA clB; do
	for a in A B; do
		ev_once $NM/events "call $cl on multi$a"
		start=$SEQ
		seq=$(awk -v s="$start" -v want="mcm$a make_call" '$1 > s && substr($0, index($0, " ") + 1) == want { print $1; exit }' $NM/events)
		done1=$(awk -v s="$start" -v want="$cl make_call_complete" '$1 > s && substr($0, index($0, " ") + 1) == want { print $1; exit }' $NM/events)
		closed=$(awk -v s="$start" -v want="mcm$a close_call" '$1 > s && substr($0, index($0, " ") + 1) == want { print $1; exit }' $NM/events)
		done2=$(awk -v s="$start" -v want="$cl close_call_complete" '$1 > s && substr($0, index($0, " ") + 1) == want { print $1; exit }' $NM/events)
		deleted=$(awk -v s="$start" -v want="mcm$a delete_vc" '$1 > s && substr($0, index($0, " ") + 1) == want { print $1; exit }' $NM/events)
		before "$seq" "$done1"
		before "$done1" "$closed"
		before "$closed" "$done2"
		before "$done2" "$deleted"
	done
done

echo unbind >$NM/ctl || fail "ctl unbind"
wait_count clA unbind 2
wait_count clB unbind 2
for d in clA clB; do
	wait_count $d close_af_complete 2
done
for d in mcmA mcmB; do
	expect_count $d close_af 2
done
for d in clA clB mcmA mcmB; do
	expect_count $d misrouted 0
done
expect_count clA unexpected 0
grep -q '^failures 0$' $NM/counts || fail "$(grep -c FAIL $NM/events) step checks failed"
grep -q FAIL $NM/events && fail "a step failed"

timed_rmmod ndismulti
wait_for "grep -q 'live objects: 0' $OBJECTS" || { cat $OBJECTS; fail "condis objects left"; }
timed_rmmod ndis
rmmod condis || fail "rmmod condis"
echo "four drivers from one source file: each handler ran for its own driver, once per step"
exit 0
