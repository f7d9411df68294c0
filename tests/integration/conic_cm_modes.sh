# SPDX-License-Identifier: GPL-2.0
# The two ways to run the NIC speak one protocol: an MCM port calls a plain
# port run by the stand-alone call manager cocm and back, and two plain
# ports call each other; cocm's debugfs shows its engines' calls.
. /condis/tests/guest/lib.sh
. /condis/tests/guest/conic.sh

conic_load cocm
port 0 mcm
port 1 plain
port 2 plain
port 3 plain
wire 0 1
wire 2 3
grep -q "^cocm" /proc/modules || fail "cocm not loaded"
ctl listen conic1 svc
ctl listen conic0 svc
ctl listen conic3 svc
ctl call 1 conic0 svc
ctl call 2 conic1 svc
ctl call 3 conic2 svc
for id in 1 2 3; do
	ctl send $id 20 300
done
for id in 1 2 3; do
	echoed $id 20
done
# cocm's engines show their calls: conic1 has two (1 in, 2 out), conic2
# and conic3 one each, all active.
engines=$DEBUGFS/cocm/engines
for p in 1 2 3; do
	grep -q "^signaling conic$p: link=up" $engines || fail "no engine for conic$p: $(cat $engines)"
done
n=$(awk '/^signaling conic1:/ { on = 1; next } /^signaling/ { on = 0 } on && /call cref=.*state=active/' \
	$engines | wc -l)
[ "$n" = 2 ] || fail "conic1's engine shows $n active calls, not 2: $(cat $engines)"
[ "$(grep -c 'call cref=.*state=active' $engines)" = 4 ] || fail "not 4 active calls: $(cat $engines)"
for id in 1 2 3; do
	ctl close $id
done
wait_for "! grep -q dir=in $CALLS" || fail "incoming calls left"
echo "MCM <-> stand-alone CM and CM <-> CM calls work"
exit 0
