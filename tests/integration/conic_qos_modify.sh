# SPDX-License-Identifier: GPL-2.0
# QoS: a call reserves its token rate on both NICs; modify to a rate that
# fits succeeds on both ends, one beyond the link speed fails and the call
# keeps its old rate and keeps working.
. /condis/tests/guest/lib.sh
. /condis/tests/guest/conic.sh

conic_load
port 0 mcm
port 1 mcm
wire 0 1
ctl listen conic1 q
ctl call 1 conic0 q 1000000
grep -q 'reserved=1000000 ' $DEBUGFS/conic/conic0/state || fail "caller did not reserve"
grep -q 'reserved=1000000 ' $DEBUGFS/conic/conic1/state || fail "callee did not reserve"
ctl qos 1 5000000
grep -q 'reserved=5000000 ' $DEBUGFS/conic/conic0/state || fail "caller kept its old rate"
wait_for "grep -q 'reserved=5000000 ' $DEBUGFS/conic/conic1/state" || fail "callee kept its old rate"
wait_for "grep dir=in $CALLS | grep -q rate=5000000" || fail "callee's client not told"
# The peer cannot reserve more than its link speed: refused, rolled back.
echo 8000000 >$DEBUGFS/conic/conic1/link_speed
ctl_fails qos 1 9000000
grep -q 'reserved=5000000 ' $DEBUGFS/conic/conic0/state || fail "caller did not roll back"
ctl send 1 10 100
echoed 1 10
ctl close 1
wait_for "grep -q 'reserved=0 ' $DEBUGFS/conic/conic1/state" || fail "callee reservation left"
grep -q 'reserved=0 ' $DEBUGFS/conic/conic0/state || fail "caller reservation left"
echo "QoS modify applied on both ends; a refused one rolled back"
exit 0
