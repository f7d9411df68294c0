# SPDX-License-Identifier: GPL-2.0
# Every signaling frame an engine is handed is counted once: in rx (a
# well-formed message, read), malformed (refused) or rx_dropped (its queue
# was full).  A well-formed message with call reference 0 other than
# RESTART is malformed, not read; the sums agree with the port's rx_sig.
. /condis/tests/guest/lib.sh
. /condis/tests/guest/conic.sh

conic_load
port 0 mcm
port 1 mcm
wire 0 1
# Let the link's RESTART exchange finish.
wait_for "grep -q 'restarting=0' $DEBUGFS/conic/conic0/state" || fail "conic0 still restarting"
sleep 1
rx=$(engine_field 0 rx)
mal=$(engine_field 0 malformed)
# A RELEASE with reference 0 (well-formed but for no call: malformed), a
# frame of 5 bytes (malformed), a STATUS for no call (read, no answer).
inject 0 - "$(sigframe $((0x4d)) 0 0 "$(ie_u32 4 16)")"
inject 0 - "000000050146000000"
inject 0 - "$(sigframe $((0x7d)) 9 0 "$(ie_u32 4 101)")"
engine() { grep ' retransmits=' $DEBUGFS/conic/conic0/state; }
n=0
until [ $(($(engine_field 0 rx) + $(engine_field 0 malformed))) -ge $((rx + mal + 3)) ]; do
	n=$((n + 1))
	[ $n -gt 100 ] && fail "the engine did not read the three frames: $(engine)"
	sleep 0.1
done
sleep 0.5
[ "$(engine_field 0 rx)" = $((rx + 1)) ] ||
	fail "rx went from $rx to $(engine_field 0 rx), not up by 1: $(engine)"
[ "$(engine_field 0 malformed)" = $((mal + 2)) ] ||
	fail "malformed went from $mal to $(engine_field 0 malformed), not up by 2: $(engine)"
sum=$(($(engine_field 0 rx) + $(engine_field 0 malformed) + $(engine_field 0 rx_dropped)))
[ "$sum" = "$(sig_field 0 rx_sig)" ] ||
	fail "rx + malformed + rx_dropped = $sum, the port handed the engine $(sig_field 0 rx_sig)"
echo "rx $rx -> $(engine_field 0 rx), malformed $mal -> $(engine_field 0 malformed), rx_sig $(sig_field 0 rx_sig)"
exit 0
