# SPDX-License-Identifier: GPL-2.0
# "condis monitor", plain and JSON, in the background while a SAP is
# registered, a call placed, carried, closed, and the SAP deregistered: the
# events of the SAP, of the caller's VC and of the callee's VC come in
# order, exactly those, in both formats, and the monitors stop cleanly on
# SIGINT and SIGTERM.
. /condis/tests/guest/lib.sh
. /condis/tests/guest/conic.sh
. /condis/tests/guest/tool.sh

MON=/tmp/mon.txt
MONJ=/tmp/monj.txt
conic_load
t port add 0
t port add 1
t port link 0 peer 1
wait_link 0
wait_link 1

condis monitor >$MON 2>/tmp/mon.err &
mon=$!
condis -j -p monitor >$MONJ 2>/tmp/monj.err &
monj=$!
trap 'kill $mon $monj 2>/dev/null' EXIT
# Both are listening once both saw a port come and go.
synced() {
	grep -q '^del adapter [0-9]* name conic9$' $MON &&
		grep -q '^{"type":"del","kind":"adapter","id":[0-9]*,"name":"conic9"}$' $MONJ
}
n=0
until synced; do
	n=$((n + 1))
	[ $n -gt 30 ] && fail "the monitors saw no events: $(cat $MON $MONJ /tmp/mon.err)"
	t port add 9
	t port del 9
	sleep 0.2
done

t client listen conic1 echo
sap=$(condis sap show | kv sap)
saf=$(condis sap show | kv af)
[ "$(tout client call conic0 echo)" = "call 1" ] || fail "call 1"
v0=$(condis vc show | awk '$8 == "conic0"' | kv vc)
v1=$(condis vc show | awk '$8 == "conic1"' | kv vc)
a0=$(val vc "$v0" af)
a1=$(val vc "$v1" af)
[ -n "$v0" ] && [ -n "$v1" ] && [ "$a1" = "$saf" ] || fail "VCs '$v0' '$v1', AFs '$a0' '$a1' '$saf'"
t client send 1 count 5 size 100
wait_rx 1 5
t client close 1
retry 100 sh -c '[ -z "$(condis vc show)" ]' || fail "VCs left: $(condis vc show)"
t client unlisten conic1 echo
retry 100 sh -c "grep -q '^del sap $sap ' $MON" || fail "no del event for SAP $sap: $(cat $MON)"
retry 100 sh -c "grep -q '\"type\":\"del\",\"kind\":\"sap\",\"id\":$sap,' $MONJ" ||
	fail "no JSON del event for SAP $sap: $(cat $MONJ)"

kill -INT $mon
wait $mon
rc=$?
[ $rc = 0 ] || fail "the monitor exited with $rc on SIGINT"
kill -TERM $monj
wait $monj
rc=$?
[ $rc = 0 ] || fail "the JSON monitor exited with $rc on SIGTERM"
[ ! -s /tmp/mon.err ] && [ ! -s /tmp/monj.err ] ||
	fail "the monitors complained: $(cat /tmp/mon.err /tmp/monj.err)"

# events KIND ID: one object's events, in order
events() {
	grep "^[a-z]* $1 $2 " $MON
}
expect() {
	# expect KIND ID LINES: exactly these events for that object
	[ "$(events "$1" "$2")" = "$3" ] || {
		echo "--- events of $1 $2"
		events "$1" "$2"
		echo "--- expected"
		echo "$3"
		fail "wrong events for $1 $2"
	}
}
expect sap "$sap" "new sap $sap parent $saf state registering
change sap $sap parent $saf old-state registering state registered
change sap $sap parent $saf old-state registered state deregistering
del sap $sap parent $saf old-state deregistering state gone"
expect vc "$v0" "new vc $v0 parent $a0 state inactive call-state idle
change vc $v0 parent $a0 state inactive old-call-state idle call-state making
change vc $v0 parent $a0 old-state inactive state active call-state making
change vc $v0 parent $a0 state active old-call-state making call-state connected
change vc $v0 parent $a0 state active old-call-state connected call-state closing
change vc $v0 parent $a0 old-state active state inactive call-state closing
change vc $v0 parent $a0 state inactive old-call-state closing call-state idle
del vc $v0 parent $a0 old-state inactive state deleted call-state idle"
# The callee's VC: its activation and its call each in order (the MCM may
# take the VC down before or after it passes the release on).
[ "$(events vc "$v1" | head -n 1)" = "new vc $v1 parent $a1 state inactive call-state idle" ] ||
	fail "callee VC: first event: $(events vc "$v1")"
[ "$(events vc "$v1" | tail -n 1)" = "del vc $v1 parent $a1 old-state inactive state deleted call-state idle" ] ||
	fail "callee VC: last event: $(events vc "$v1")"
calls=$(events vc "$v1" | sed -n 's/.* old-call-state \([a-z]*\) call-state \([a-z]*\)$/\1>\2/p' | tr '\n' ' ')
[ "$calls" = "idle>offered offered>accepted accepted>connected connected>closing closing>idle " ] ||
	fail "callee VC: call states $calls"
acts=$(events vc "$v1" | sed -n 's/.* old-state \([a-z]*\) state \([a-z]*\) .*/\1>\2/p' | tr '\n' ' ')
[ "$acts" = "inactive>active active>inactive inactive>deleted " ] ||
	fail "callee VC: activation $acts"
[ "$(events vc "$v1" | wc -l)" = 9 ] || fail "callee VC: $(events vc "$v1")"

# Across objects: registered before the call, offered to the callee before
# the caller is connected, the caller's VC gone before the SAP goes.
at() {
	grep -n "$1" $MON | head -n 1 | cut -d: -f1
}
[ "$(at "^change sap $sap .* state registered$")" -lt "$(at "^new vc $v0 ")" ] &&
	[ "$(at "^new vc $v0 ")" -lt "$(at "^new vc $v1 ")" ] &&
	[ "$(at "^change vc $v1 .* call-state offered$")" -lt "$(at "^change vc $v0 .* call-state connected$")" ] &&
	[ "$(at "^del vc $v0 ")" -lt "$(at "^change sap $sap .* state deregistering$")" ] ||
	fail "events out of order: $(cat $MON)"

# The JSON monitor saw the same events (one object per line despite -p).
plain_of_json() {
	sed -e 's/^{"type":"\([a-z]*\)","kind":"\([a-z]*\)","id":\([0-9]*\)/\1 \2 \3/' \
	    -e 's/,"parent-id":\([0-9]*\)/ parent \1/' -e 's/,"name":"\([^"]*\)"/ name \1/' \
	    -e 's/,"\([a-z-]*\)":"\([a-z]*\)"/ \1 \2/g' -e 's/}$//' $MONJ
}
for o in "sap $sap" "vc $v0" "vc $v1"; do
	[ "$(plain_of_json | grep "^[a-z]* $o ")" = "$(grep "^[a-z]* $o " $MON)" ] ||
		fail "JSON events of $o differ: $(grep "\"id\":${o#* }," $MONJ)"
done
! plain_of_json | grep -q '[{}"]' || fail "JSON lines that are not events: $(cat $MONJ)"
t port unlink 0
t port del 0
t port del 1
echo "monitor: SAP, caller and callee VC events in order, plain and JSON"
exit 0
