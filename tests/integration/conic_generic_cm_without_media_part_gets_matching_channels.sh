# SPDX-License-Identifier: GPL-2.0
# A call manager that does not know conic's media parameters runs calls
# over two plain ports back to back (Documentation/conic.rst,
# "Activation"): cocm with media=none activates every VC with no media
# parameters, with media=room with an empty part that has room for the
# answer.  Each port takes the lowest free channel and sends on the same
# number, so the two ends meet: the signaling VCs on 32, the calls on 33
# and 34, the same on both ports; data flows both ways; a channel freed is
# taken again; in the room mode the port reports the channels back.
. /condis/tests/guest/lib.sh
. /condis/tests/guest/conic.sh

# vcs PORT: the port's VCs as "RX/FIRST_TX" pairs, sorted
vcs() {
	awk '$1 == "vc" { split($2, r, "="); split($4, t, "="); print r[2] "/" t[2] }' \
		$DEBUGFS/conic/conic$1/state | sort -n | tr '\n' ' '
}

# calls_both_ways MODE: two calls, one each way, with data echoed back
calls_both_ways() {
	ctl listen conic2 svc
	ctl listen conic1 back
	ctl call 1 conic1 svc
	ctl call 2 conic2 back
	ctl send 1 20 300
	ctl send 2 20 1000
	echoed 1 20
	echoed 2 20
	want="32/32 33/33 34/34 "
	[ "$(vcs 1)" = "$want" ] || fail "$1: conic1's channels are '$(vcs 1)', not '$want'"
	[ "$(vcs 2)" = "$want" ] || fail "$1: conic2's channels are '$(vcs 2)', not '$want'"
	# A channel freed is the lowest free one again, on both ends.
	ctl close 1
	wait_for "[ \"\$(grep -c '^vc ' $DEBUGFS/conic/conic2/state)\" = 2 ]" ||
		fail "$1: call 1's channels stayed: $(vcs 1) / $(vcs 2)"
	ctl call 3 conic1 svc
	ctl send 3 10 500
	echoed 3 10
	[ "$(vcs 1)" = "$want" ] || fail "$1: after a new call conic1 has '$(vcs 1)', not '$want'"
	[ "$(vcs 2)" = "$want" ] || fail "$1: after a new call conic2 has '$(vcs 2)', not '$want'"
	ctl close 2
	ctl close 3
	wait_for "! grep -q dir=in $CALLS" || fail "$1: incoming calls left"
	ctl unlisten conic2 svc
	ctl unlisten conic1 back
}

conic_load
load_module drivers/cocm/cocm.ko media=none || fail "insmod cocm media=none"
port 1 plain
port 2 plain
wire 1 2
calls_both_ways none
echo "media=none: calls carried data both ways on channels the ports chose alike"

# Unload in the documented order (the client first), then load cocm in the
# other mode and the client again.
rmmod coecho || fail "rmmod coecho"
rmmod cocm || fail "rmmod cocm"
log_mark "cocm media=room"
load_module drivers/cocm/cocm.ko media=room || fail "insmod cocm media=room"
load_module drivers/coecho/coecho.ko || fail "insmod coecho"
for p in 1 2; do
	wait_for "grep -q '^signaling conic$p: link=up afs=1' $DEBUGFS/cocm/engines" ||
		fail "cocm's engine for conic$p is not up with coecho's AF: $(cat $DEBUGFS/cocm/engines)"
done
calls_both_ways room
# Each port reported each VC's channels: the signaling VC's, then calls 1,
# 2 and 3's.
for p in 1 2; do
	got=$(kmsg_after "cocm media=room" | sed -n "s/.*cocm: conic$p: the miniport reported channels //p" |
		tr '\n' ' ')
	want="rx=32 tx=32 rx=33 tx=33 rx=34 tx=34 rx=33 tx=33 "
	[ "$got" = "$want" ] || fail "conic$p reported '$got', not '$want'"
done
echo "media=room: the ports reported the channels they chose"
rmmod coecho || fail "rmmod coecho"
rmmod cocm || fail "rmmod cocm"
exit 0
