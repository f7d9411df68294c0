# SPDX-License-Identifier: GPL-2.0
# A call manager written for ATM runs its calls over two plain conic ports
# back to back (Documentation/conic.rst, "Activation"): cocm with
# media=atm activates every VC with ATM's media parameters (VPI 0, AAL5):
# its signaling VC at ATM's signaling VCI 5 and each call at the VCI both
# ends agreed on.  Each port receives and sends on the VCI; data flows
# both ways.
. /condis/tests/guest/lib.sh
. /condis/tests/guest/conic.sh

# vcs PORT: the port's VCs as "RX/FIRST_TX" pairs, sorted
vcs() {
	awk '$1 == "vc" { split($2, r, "="); split($4, t, "="); print r[2] "/" t[2] }' \
		$DEBUGFS/conic/conic$1/state | sort -n | tr '\n' ' '
}

conic_load
log_mark "cocm media=atm"
load_module drivers/cocm/cocm.ko media=atm || fail "insmod cocm media=atm"
port 1 plain
port 2 plain
wire 1 2
for p in 1 2; do
	[ "$(vcs $p)" = "5/5 " ] || fail "conic$p's signaling VC is not on VCI 5: '$(vcs $p)'"
	wait_for "grep -q '^signaling conic$p: link=up afs=1' $DEBUGFS/cocm/engines" ||
		fail "cocm's engine for conic$p is not up: $(cat $DEBUGFS/cocm/engines)"
done
ctl listen conic2 svc
ctl listen conic1 back
ctl call 1 conic1 svc
ctl call 2 conic2 back
ctl send 1 20 300
ctl send 2 20 1000
echoed 1 20
echoed 2 20
want="5/5 32/32 33/33 "
for p in 1 2; do
	[ "$(vcs $p)" = "$want" ] || fail "conic$p's channels are '$(vcs $p)', not '$want'"
	got=$(kmsg_after "cocm media=atm" | sed -n "s/.*cocm: conic$p: VC activated at VPI\/VCI //p" |
		tr '\n' ' ')
	[ "$got" = "0/32 0/33 " ] || fail "cocm activated conic$p's calls at '$got', not '0/32 0/33 '"
done
ctl close 1
ctl close 2
wait_for "! grep -q dir=in $CALLS" || fail "incoming calls left"
for p in 1 2; do
	[ "$(vcs $p)" = "5/5 " ] || fail "conic$p kept call channels: '$(vcs $p)'"
done
ctl unlisten conic2 svc
ctl unlisten conic1 back
# The client first, as documented: cocm was loaded after it.
rmmod coecho || fail "rmmod coecho"
rmmod cocm || fail "rmmod cocm"
echo "ATM media parameters: calls carried data both ways on their VCIs"
exit 0
