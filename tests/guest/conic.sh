# SPDX-License-Identifier: GPL-2.0
# Helpers for tests and the demo that drive conic ports and the coecho
# sample client.  Sourced after lib.sh.

BUS=/sys/bus/conic
CTL=$DEBUGFS/coecho/ctl
CALLS=$DEBUGFS/coecho/calls

fail() {
	echo "FAIL: $*"
	[ -r "$CALLS" ] && cat "$CALLS"
	for s in "$DEBUGFS"/conic/conic*/state; do
		[ -r "$s" ] && cat "$s"
	done
	exit 1
}

# conic_load [cocm]: condis, the engine, the NIC, the sample client (and
# the stand-alone call manager).
conic_load() {
	load_module cond/condis.ko || fail "insmod condis"
	load_module drivers/cosig/cosig.ko retry_ms=100 || fail "insmod cosig"
	load_module drivers/conic/conic.ko || fail "insmod conic"
	if [ "$1" = cocm ]; then
		load_module drivers/cocm/cocm.ko || fail "insmod cocm"
	fi
	load_module drivers/coecho/coecho.ko || fail "insmod coecho"
}

# port ID MODE: create a port (mcm or plain)
port() {
	echo "$1 $2" >$BUS/new_port || fail "new_port $1 $2"
}

# wire A B: join two ports back to back and wait for both links
wire() {
	echo "$1 $2" >$BUS/link_ports || fail "link_ports $1 $2"
	wait_for "grep -q link=up $DEBUGFS/conic/conic$1/state" || fail "conic$1 link not up"
	wait_for "grep -q link=up $DEBUGFS/conic/conic$2/state" || fail "conic$2 link not up"
}

# wait_for CMD [TENTHS]: poll CMD until it succeeds (default 10 s)
wait_for() {
	local n=0 max=${2:-100}
	until sh -c "$1" 2>/dev/null; do
		n=$((n + 1))
		[ $n -gt "$max" ] && return 1
		sleep 0.1
	done
}

# ctl COMMAND...: one coecho command; fails the test if it fails
ctl() {
	echo "$*" >$CTL || fail "coecho: '$*' failed"
}

# ctl_fails COMMAND...: the command must fail
ctl_fails() {
	if echo "$*" >$CTL 2>/dev/null; then
		fail "coecho: '$*' succeeded but should not have"
	fi
}

# field ID NAME: one field of a call in coecho's calls file
field() {
	awk -v id="id=$1" -v f="$2" '$1 == id {
		for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == f) print kv[2] }
	}' $CALLS
}

# sig_field PORT NAME: the first NAME=VALUE of the port's state file (the
# port's counters come before its engine's: see engine_field)
sig_field() {
	tr ' ' '\n' <$DEBUGFS/conic/conic$1/state |
		awk -F= -v f="$2" 'NF > 1 && $1 == f { print $2; exit }'
}

# echoed ID N: wait until call ID got N packets back, all intact
echoed() {
	wait_for "[ \"\$(awk -v id=id=$1 '\$1 == id' $CALLS | tr ' ' '\n' | grep ^rx= | cut -d= -f2)\" -ge $2 ]" ||
		fail "call $1: fewer than $2 packets came back"
	[ "$(field "$1" rx_bad)" = 0 ] || fail "call $1: corrupted packets"
}

# veth_pair A: create the veth pair A and its peer, both up, removed when
# the test exits; VETH_PEER is the peer's name (busybox's ip names it)
veth_pair() {
	ip link add "$1" type veth peer name "$1p" 2>/dev/null || exit 4
	VETH_PEER=$(ip link show "$1" | sed -n "s/.*$1@\([^:]*\):.*/\1/p")
	[ -n "$VETH_PEER" ] || fail "no veth peer for $1"
	ip link set "$1" up && ip link set "$VETH_PEER" up
	trap "ip link del $1 2>/dev/null" EXIT
}

# eth PORT IFNAME: carry the port's link over a device and wait for it
eth() {
	echo "$1 $2" >$BUS/link_eth || fail "link_eth $1 $2"
	wait_for "grep -q link=up $DEBUGFS/conic/conic$1/state" || fail "conic$1 link not up"
}

# mac_of IFNAME: a device's Ethernet address
mac_of() {
	cat "/sys/class/net/$1/address"
}

# engine_field PORT NAME: a counter of the port's signaling engine (its
# counter line, not the port's frame counters of the same name)
engine_field() {
	grep ' retransmits=' $DEBUGFS/conic/conic$1/state | tr ' ' '\n' |
		awk -F= -v f="$2" '$1 == f { print $2; exit }'
}

# root_cref PORT: the call reference of the port's multipoint root call
root_cref() {
	awk '$1 == "call" && $4 == "root" { sub("cref=", "", $2); sub("[(].*", "", $2); print $2; exit }' \
		$DEBUGFS/conic/conic$1/state
}

# sigframe TYPE CREF EPREF [IE...]: the hex of a conic frame on the
# signaling channel carrying one message (TYPE, CREF and EPREF as numbers;
# each IE as ie_u32 or ie_hex prints it)
sigframe() {
	local type=$1 cref=$2 epref=$3 ies
	shift 3
	ies=$(printf '%s' "$@")
	printf '0000%04x01%02x%04x%08x%08x%s' $((12 + ${#ies} / 2)) "$type" $((${#ies} / 2)) \
		"$cref" "$epref" "$ies"
}

# ie_u32 TYPE VALUE: an information element holding a 32-bit value
ie_u32() {
	printf '%04x0004%08x' "$1" "$2"
}

# inject PORT SRC HEX: one frame arrives at the port as if from its link
inject() {
	echo "$2 $3" >$DEBUGFS/conic/conic$1/inject || fail "inject at conic$1: $3"
}

# close_incoming: close every incoming call coecho has (leaves, and calls
# a forged frame left half-open)
close_incoming() {
	for id in $(awk '/dir=in/ { sub("id=", "", $1); print $1 }' $CALLS); do
		echo "close $id" >$CTL 2>/dev/null
	done
	wait_for "! grep -q dir=in $CALLS" || fail "incoming calls left"
}

# log_mark TEXT: a line in the kernel log; kmsg_after TEXT: the log after
# the last such line
log_mark() {
	echo "<6>conic-test: $*" >/dev/kmsg
}
kmsg_after() {
	dmesg | awk -v m="conic-test: $1" 'index($0, m) { n = NR } { l[NR] = $0 }
		END { for (i = n + 1; i <= NR; i++) print l[i] }'
}
