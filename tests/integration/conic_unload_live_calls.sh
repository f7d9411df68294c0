# SPDX-License-Identifier: GPL-2.0
# Modules unload with live calls: the client, the stand-alone call manager
# and the NIC each go while calls are connected, and nothing is left.
. /condis/tests/guest/lib.sh
. /condis/tests/guest/conic.sh

conic_load cocm
port 0 mcm
port 1 plain
wire 0 1
ctl listen conic1 u
ctl listen conic0 u
ctl call 1 conic0 u
ctl call 2 conic1 u
ctl send 1 5 64
echoed 1 5
rmmod coecho || fail "rmmod coecho with live calls"
load_module drivers/coecho/coecho.ko || fail "insmod coecho again"
wait_for "echo 'listen conic1 u' >$CTL" || fail "no AF after reload"
ctl call 3 conic0 u
rmmod cocm || fail "rmmod cocm with a live call"
wait_for "[ -z \"\$(awk '\$1 == \"id=3\"' $CALLS)\" ]" || fail "call 3 outlived its call manager"
load_module drivers/cocm/cocm.ko || fail "insmod cocm again"
wait_for "echo 'listen conic1 u2' >$CTL" || fail "no AF after cocm reload"
ctl call 4 conic0 u2
rmmod conic || fail "rmmod conic with a live call"
rmmod cocm coecho cosig || fail "rmmod the rest"
objects=$DEBUGFS/condis/objects
wait_for "grep -q 'live objects: 0' $objects" || { cat $objects; fail "objects left"; }
rmmod condis || fail "rmmod condis"
echo "unloaded the client, the call manager and the NIC under live calls"
exit 0
