# SPDX-License-Identifier: GPL-2.0
# The family under nlfuzz (tools/condis/nlfuzz.c), as root and as nobody:
# thousands of messages with known and unknown commands, well-formed,
# wrong-sized, unknown, oversized, truncated, nested and duplicated
# attributes, random flags and lengths, from fixed seeds.  Every reply must
# be an ACK, an error with an errno or a finished dump (nlfuzz checks each);
# as nobody every state-changing command must get EPERM.  Afterwards the
# objects are those of the start, id for id and counter for counter (root's
# run removes what its successful requests created), the dumps work, and
# the call that was up before carries data still.  The harness fails the
# test on any kernel report (KASAN, lockdep, kmemleak...).
. /condis/tests/guest/lib.sh
. /condis/tests/guest/conic.sh
. /condis/tests/guest/tool.sh

SEED_ROOT=${NLFUZZ_SEED:-20261124}
SEED_NOBODY=$((SEED_ROOT + 1))
conic_load cocm
t port add 0
t port add 1
t port link 0 peer 1
t port add 3 mode plain
wait_link 1
t client listen conic1 echo
[ "$(tout client call conic0 echo)" = "call 1" ] || fail "call 1"
t client send 1 count 10 size 100
wait_rx 1 10
settled() {
	[ "$(cat "$OBJECTS")" = "$(sleep 0.5; cat "$OBJECTS")" ]
}
retry 50 settled || fail "the objects do not settle"
before=$(cat "$OBJECTS")
dumps=$(all_dumps)
echo "live objects before: $(live_objects)"

fuzz() {
	# fuzz ARGS...: run nlfuzz (--seed first), show its report, check it
	local out rc
	out=$(nlfuzz "$@")
	rc=$?
	echo "$out"
	[ $rc = 0 ] || fail "nlfuzz $*: exit status $rc"
	echo "$out" | grep -qx "nlfuzz: every reply was well-formed" || fail "nlfuzz $*: no verdict"
	echo "$out" | grep -q "^nlfuzz: seed $2, " || fail "nlfuzz $*: no seed line"
}
same_as_before() {
	[ "$(cat "$OBJECTS")" = "$before" ]
}

fuzz --seed "$SEED_ROOT" --count 15000
retry 200 same_as_before || {
	echo "--- before"
	echo "$before"
	echo "--- after"
	cat "$OBJECTS"
	fail "the root fuzz run left objects behind (seed $SEED_ROOT)"
}
[ "$(all_dumps)" = "$dumps" ] || fail "the dumps differ after the root fuzz run (seed $SEED_ROOT)"

fuzz --seed "$SEED_NOBODY" --count 5000 --as 65534
same_as_before || fail "the unprivileged fuzz run changed objects (seed $SEED_NOBODY)"
[ "$(all_dumps)" = "$dumps" ] || fail "the dumps differ after the unprivileged run"

# Still healthy: the call carries data, new ports and calls work.
t client send 1 count 5 size 200
wait_rx 1 15
t port add 5
t port add 6
t port link 5 peer 6
wait_link 6
t client listen conic6 after
[ "$(tout client call conic5 after)" = "call 2" ] || fail "a call after the fuzzing"
t client send 2 count 3 size 64
wait_rx 2 3
t client close 2
t client close 1
for p in 0 1 3 5 6; do
	t port del $p
done
echo "nlfuzz: seeds $SEED_ROOT (root) and $SEED_NOBODY (nobody); every reply well-formed, nothing left behind"
exit 0
