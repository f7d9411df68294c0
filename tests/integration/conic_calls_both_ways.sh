# SPDX-License-Identifier: GPL-2.0
# Two MCM ports back to back: calls placed in both directions carry data
# end to end (echoed and checked), are closed by either end, and a call to
# a name nobody listens on is refused.
. /condis/tests/guest/lib.sh
. /condis/tests/guest/conic.sh

conic_load
port 0 mcm
port 1 mcm
wire 0 1
ctl listen conic1 echo
ctl listen conic0 back
ctl call 1 conic0 echo
ctl call 2 conic1 back
ctl send 1 50 200
ctl send 2 50 1000
echoed 1 50
echoed 2 50
[ "$(field 1 state)" = connected ] || fail "call 1 not connected"
ctl_fails call 3 conic0 nobody
grep -q 'dir=in' $CALLS || fail "no incoming call listed"
ctl close 1
# The callee's end goes when the caller closes.
wait_for "! grep -q 'sap=echo.*dir=in\|dir=in.*sap=echo' $CALLS" || fail "callee end of call 1 stayed"
ctl close 2
wait_for "! grep -q dir=in $CALLS" || fail "incoming calls left"
echo "both directions carried data; refusal and release work"
exit 0
