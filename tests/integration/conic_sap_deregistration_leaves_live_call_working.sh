# SPDX-License-Identifier: GPL-2.0
# SAP deregistration over the wire: a SAP is deregistered while a call it
# received carries data; the call keeps working, new calls to that SAP are
# refused, and it closes normally.  Both CM modes.
. /condis/tests/guest/lib.sh
. /condis/tests/guest/conic.sh

conic_load cocm
port 0 mcm
port 1 mcm
port 2 mcm
port 3 plain
wire 0 1
wire 2 3
n=1
for callee in conic1 conic3; do
	caller=conic$(( ${callee#conic} - 1 ))
	ctl listen $callee svc
	ctl call $n $caller svc
	ctl send $n 20 100
	ctl unlisten $callee svc
	ctl send $n 20 100
	echoed $n 40
	ctl_fails call $((n + 10)) $caller svc
	ctl send $n 5 100
	echoed $n 45
	ctl close $n
	n=$((n + 1))
done
grep -q 'dereg_completions' $DEBUGFS/coecho/stats || fail "no stats"
echo "calls outlived their SAPs; new calls to them were refused"
exit 0
