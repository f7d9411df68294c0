# SPDX-License-Identifier: GPL-2.0
# Helpers for the tests of the NDIS 5.x sample pair (drivers/ndis5sample):
# ndis5loop, a loopback MCM with adapters ndis5loop0..N-1, and ndis5client,
# a client; both log their handlers, numbered, in debugfs "events".
# Sourced after lib.sh and ndis.sh (whose event helpers it uses, with
# NCL and NLOOP pointing at the 5.x pair).

NCL=$DEBUGFS/ndis5client
NLOOP=$DEBUGFS/ndis5loop

fail() {
	echo "FAIL: $*"
	for f in $NCL/calls $NLOOP/state; do
		[ -r "$f" ] && { echo "--- $f"; cat "$f"; }
	done
	for f in $NCL/events $NLOOP/events; do
		[ -r "$f" ] && { echo "--- $f (last 60)"; tail -n 60 "$f"; }
	done
	exit 1
}

# ndis5_load [NDIS5LOOP-PARAMS...]: condis, ndis.ko, the MCM, the client;
# wait until the client has the AF open on both adapters.
ndis5_load() {
	load_module cond/condis.ko || fail "insmod condis"
	load_module ndis/ndis.ko || fail "insmod ndis"
	load_module drivers/ndis5sample/ndis5loop.ko "$@" || fail "insmod ndis5loop"
	load_module drivers/ndis5sample/ndis5client.ko || fail "insmod ndis5client"
	wait_for "[ \$(grep -c 'open_af adapter=.* status=0x00000000' $NCL/events) = 2 ]" ||
		fail "the client did not open the AF on both adapters"
}

# cctl / lctl COMMAND...: a client / MCM command that must succeed
cctl() {
	echo "$*" >$NCL/ctl || fail "ndis5client: '$*' failed"
}

lctl() {
	echo "$*" >$NLOOP/ctl || fail "ndis5loop: '$*' failed"
}

# ndis5_unload: unload the pair, ndis.ko and condis; nothing may be left
ndis5_unload() {
	rmmod ndis5client || fail "rmmod ndis5client"
	rmmod ndis5loop || fail "rmmod ndis5loop"
	wait_for "grep -q 'live objects: 0' $OBJECTS" || { cat $OBJECTS; fail "condis objects left"; }
	rmmod ndis || fail "rmmod ndis"
	rmmod condis || fail "rmmod condis"
}
