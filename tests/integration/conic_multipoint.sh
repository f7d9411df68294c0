# SPDX-License-Identifier: GPL-2.0
# A point-to-multipoint call with three leaves: every leaf receives what the
# root sends, a leaf is dropped and gets no more, the call closes.
. /condis/tests/guest/lib.sh
. /condis/tests/guest/conic.sh

conic_load
port 0 mcm
port 1 mcm
wire 0 1
for n in a b c; do
	ctl listen conic1 leaf$n
done
ctl mcall 1 conic0 leafa
ctl addparty 1 2 leafb
ctl addparty 1 3 leafc
[ "$(field 1 parties)" = 3 ] || fail "root has $(field 1 parties) parties, not 3"
ctl send 1 10 100
for n in a b c; do
	wait_for "grep sap=leaf$n $CALLS | grep -q ' rx=10 '" ||
		fail "leaf $n did not get the 10 packets"
done
ctl dropparty 1 2
[ "$(field 1 parties)" = 2 ] || fail "root has $(field 1 parties) parties after the drop"
wait_for "! grep -q sap=leafb $CALLS" || fail "dropped leaf b still has its call"
ctl send 1 5 100
for n in a c; do
	wait_for "grep sap=leaf$n $CALLS | grep -q ' rx=15 '" || fail "leaf $n missed packets"
done
ctl close 1
wait_for "! grep -q dir=in $CALLS" || fail "leaves left after the close"
echo "multipoint: 3 leaves added, one dropped, data to each active leaf"
exit 0
