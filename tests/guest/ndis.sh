# SPDX-License-Identifier: GPL-2.0
# Helpers for the tests of the NDIS compat sample pair (drivers/ndissample):
# ndisloop, a loopback MCM with adapters ndisloop0..N-1, and ndisclient,
# a client; both log every callback they get, numbered, in debugfs
# "events".  Sourced after lib.sh.

NCL=$DEBUGFS/ndisclient
NLOOP=$DEBUGFS/ndisloop
OBJECTS=$DEBUGFS/condis/objects

fail() {
	echo "FAIL: $*"
	for f in $NCL/calls $NCL/saps $NLOOP/state; do
		[ -r "$f" ] && { echo "--- $f"; cat "$f"; }
	done
	for f in $NCL/events $NLOOP/events; do
		[ -r "$f" ] && { echo "--- $f (last 60)"; tail -n 60 "$f"; }
	done
	exit 1
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

# ndis_load [NDISLOOP-PARAMS...]: condis, the compat library, the MCM, the
# client; wait until the client has the AF open on every adapter.
ndis_load() {
	load_module cond/condis.ko || fail "insmod condis"
	load_module ndis/ndis.ko || fail "insmod ndis"
	load_module drivers/ndissample/ndisloop.ko "$@" || fail "insmod ndisloop"
	load_module drivers/ndissample/ndisclient.ko || fail "insmod ndisclient"
	wait_for "! grep -q 'af=closed' $NCL/saps && grep -q 'af=open' $NCL/saps" ||
		fail "the client did not open the AF"
}

# nctl COMMAND...: an ndisclient command that must succeed
nctl() {
	echo "$*" >$NCL/ctl || fail "ndisclient: '$*' failed"
}

# nctl_fails COMMAND...: an ndisclient command that must fail
nctl_fails() {
	if echo "$*" >$NCL/ctl 2>/dev/null; then
		fail "ndisclient: '$*' succeeded but should not have"
	fi
}

# lctl COMMAND...: an ndisloop command that must succeed
lctl() {
	echo "$*" >$NLOOP/ctl || fail "ndisloop: '$*' failed"
}

# ev_count FILE REGEX: how many events of FILE match REGEX
ev_count() {
	grep -cE "$2" "$1"
}

# ev_seq FILE REGEX: the number of the first event matching REGEX, or 0
ev_seq() {
	awk -v re="$2" '$0 ~ re { print $1; found = 1; exit } END { if (!found) print 0 }' "$1"
}

# ev_once FILE REGEX: exactly one event matches; its number is left in SEQ
ev_once() {
	local n
	n=$(ev_count "$1" "$2")
	[ "$n" = 1 ] || fail "$(basename "$1"): $n events match '$2', expected exactly 1"
	SEQ=$(ev_seq "$1" "$2")
}

# before A B: event number A is non-zero and comes before B
before() {
	[ "$1" -gt 0 ] && [ "$1" -lt "$2" ] || fail "event $1 should come before event $2"
}

# call_field ID NAME: a field of call ID (the live one, else the last) in calls
call_field() {
	awk -v id="id=$1" -v f="$2" '$1 == id {
		for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == f) v = kv[2] }
	} END { print v }' $NCL/calls
}

# sap_field ADAPTER NAME FIELD: a field of the last SAP of that name in saps
sap_field() {
	awk -v a="adapter=$1" -v s="sap=$2" -v f="$3" '$1 == a && $2 == s {
		for (i = 3; i <= NF; i++) { split($i, kv, "="); if (kv[1] == f) v = kv[2] }
	} END { print v }' $NCL/saps
}

# expect_call ID NAME VALUE
expect_call() {
	local v
	v=$(call_field "$1" "$2")
	[ "$v" = "$3" ] || fail "call $1: $2=$v, expected $3"
}

# wait_call ID FIELD VALUE [TENTHS]: wait until call ID's FIELD is VALUE
wait_call() {
	local n=0 max=${4:-100}
	until [ "$(call_field "$1" "$2")" = "$3" ]; do
		n=$((n + 1))
		[ $n -gt "$max" ] && fail "call $1: $2=$(call_field "$1" "$2"), expected $3"
		sleep 0.1
	done
}

# received ID N: wait until call ID received N packets, none bad
received() {
	wait_for "[ \"\$(awk -v id=id=$1 '\$1 == id' $NCL/calls | tr ' ' '\n' | grep '^rx=' | tail -n 1 | cut -d= -f2)\" -ge $2 ]" ||
		fail "call $1: fewer than $2 packets received"
	expect_call "$1" rx "$2"
	expect_call "$1" rx_bad 0
}

# ndis_unload: unload the pair and condis; nothing may be left
ndis_unload() {
	rmmod ndisclient || fail "rmmod ndisclient"
	rmmod ndisloop || fail "rmmod ndisloop"
	wait_for "grep -q 'live objects: 0' $OBJECTS" || { cat $OBJECTS; fail "condis objects left"; }
	rmmod ndis || fail "rmmod ndis"
	rmmod condis || fail "rmmod condis"
}
