# SPDX-License-Identifier: GPL-2.0
# The `make run` demo, on Debian's stock kernel: two conic ports joined by a
# back-to-back wire, one running its own signaling (MCM), the other run by
# the stand-alone call manager cocm; the sample client coecho listens,
# places calls and echoes data; a SAP is deregistered while
# its call lives on; calls closed; counters and trace events.
. /condis/tests/guest/lib.sh
. /condis/tests/guest/conic.sh

say() {
	echo
	echo "== $*"
}

run() {
	echo "\$ $*"
	sh -c "$*" 2>&1 | sed 's/^/  /'
}


say "condis demo on $(uname -sr) ($(nproc) CPUs)"
say "Load the modules: the core, the signaling engine, the NIC, the stand-alone call manager, the sample client"
for ko in cond/condis.ko drivers/cosig/cosig.ko drivers/conic/conic.ko drivers/cocm/cocm.ko \
	drivers/coecho/coecho.ko; do
	run insmod /condis/$ko || exit 1
done
run "grep -E '^(condis|cosig|conic|cocm|coecho) ' /proc/modules | cut -d' ' -f1-3"
echo 1 >/sys/kernel/tracing/events/condis/enable 2>/dev/null

say "Create two ports: conic0 is an MCM (signaling inside the driver), conic1 a plain CO miniport"
run "echo '0 mcm' > /sys/bus/conic/new_port"
run "echo '1 plain' > /sys/bus/conic/new_port"
say "Join them back to back; cocm binds to conic1 and opens its signaling VC"
run "echo '0 1' > /sys/bus/conic/link_ports"
wait_for "grep -q link=up $DEBUGFS/conic/conic1/state" || fail "link did not come up"
run "dmesg | grep -E 'conic|cocm' | tail -n 4"

say "The client listens on service 'echo' at conic1 and on 'back' at conic0"
run "echo 'listen conic1 echo' > $CTL"
run "echo 'listen conic0 back' > $CTL"
run cat $DEBUGFS/coecho/saps

say "Place call 1 from conic0 to 'echo' (MCM -> cocm) and call 2 from conic1 to 'back'"
run "echo 'call 1 conic0 echo 1000000' > $CTL"
run "echo 'call 2 conic1 back' > $CTL"
say "Send 100 packets of 256 bytes on each; the far end echoes them back"
run "echo 'send 1 100 256' > $CTL"
run "echo 'send 2 100 256' > $CTL"
echoed 1 100
echoed 2 100
run cat $CALLS

say "A call to a service nobody listens on is refused"
run "echo 'call 3 conic0 nobody' > $CTL || echo 'refused, as it should be'"

say "SAP deregistration: deregister SAP 'echo' while call 1 carries data"
run "echo 'unlisten conic1 echo' > $CTL"
run cat $DEBUGFS/coecho/saps
run "echo 'send 1 50 256' > $CTL"
echoed 1 150
run "grep 'id=1 ' $CALLS"
run "echo 'call 4 conic0 echo' > $CTL || echo 'new call to the deregistered SAP refused'"

say "condis's view of the objects"
run cat $DEBUGFS/condis/objects

say "Close the calls"
run "echo 'close 1' > $CTL"
run "echo 'close 2' > $CTL"
wait_for "! grep -q dir=in $CALLS"
run cat $CALLS

say "Counters: the ports and their signaling"
run cat $DEBUGFS/conic/conic0/state
run cat $DEBUGFS/conic/conic1/state
run cat $DEBUGFS/coecho/stats

say "A few trace events (condis tracepoints)"
run "grep -E 'condis_(call_state|sap_state)' /sys/kernel/tracing/trace | sed 's/^ *//' | head -n 12"
echo 0 >/sys/kernel/tracing/events/condis/enable 2>/dev/null

say "Remove the ports and unload everything"
run "echo 0 > /sys/bus/conic/del_port"
run "echo 1 > /sys/bus/conic/del_port"
for m in coecho cocm conic cosig condis; do
	run rmmod $m || exit 1
done
say "Done"
