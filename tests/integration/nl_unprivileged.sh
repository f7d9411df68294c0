# SPDX-License-Identifier: GPL-2.0
# A user without CAP_NET_ADMIN ("nobody"): every command that changes state
# is refused with EPERM and a message that says so, and changes nothing;
# every dump works and shows what root sees; the monitor works.
. /condis/tests/guest/lib.sh
. /condis/tests/guest/conic.sh
. /condis/tests/guest/tool.sh

conic_load
t port add 0
t port add 1
t port link 0 peer 1
wait_link 1
t port add 2
t client listen conic1 echo
[ "$(tout client call conic0 echo)" = "call 1" ] || fail "call 1"
t client send 1 count 4 size 100
wait_rx 1 4
[ "$(as_nobody id -u)" = 65534 ] || fail "su nobody does not run as 65534"

before=$(cat "$OBJECTS")
dumps=$(all_dumps)
# refused WHAT ARGS...: condis ARGS as nobody fails with the EPERM message
refused() {
	local what=$1 out rc
	shift
	out=$(as_nobody condis "$@" 2>&1)
	rc=$?
	[ $rc = 1 ] || fail "nobody: condis $*: exit status $rc ($out)"
	[ "$out" = "condis: $what needs CAP_NET_ADMIN (Operation not permitted)" ] ||
		fail "nobody: condis $*: '$out'"
}
refused "port add" port add 5
refused "port add" port add 6 mode plain
refused "port del" port del 2
refused "port del" port del 0
refused "port link" port link 2 peer 0
refused "port link" port link 2 dev lo
refused "port unlink" port unlink 0
refused "client listen" client listen conic1 other
refused "client unlisten" client unlisten conic1 echo
refused "client call" client call conic0 echo
refused "client call" client call conic0 echo id 9 rate 1000
refused "client send" client send 1 count 5 size 100
refused "client close" client close 1
# The same without the tool: the kernel refuses before looking further.
for cmd in port-new port-del port-link port-unlink client-listen client-unlisten client-call \
	client-send client-close; do
	out=$(as_nobody nlfuzz send $cmd)
	[ "$out" = "error EPERM (Operation not permitted)" ] || fail "nobody: $cmd without attributes: $out"
done

[ "$(cat "$OBJECTS")" = "$before" ] || fail "a refused command changed objects"
nobody_dumps=$(as_nobody '
	for o in adapter binding af sap vc call party client; do
		echo "== $o"
		condis $o show 2>&1
		condis -j $o show 2>&1
	done')
[ "$nobody_dumps" = "$dumps" ] || fail "nobody's dumps differ from root's: $nobody_dumps"
[ "$(all_dumps)" = "$dumps" ] || fail "the dumps changed"
[ "$(echo "$dumps" | grep -c '^call ')" = 2 ] || fail "the dumps show no calls: $dumps"

# nobody may watch.
# su execs the shell, which execs condis: $! is the monitor.
su nobody -s /bin/sh -c 'exec condis monitor' >/tmp/mon.txt 2>&1 &
mon=$!
n=0
until grep -q '^new adapter [0-9]* name conic7$' /tmp/mon.txt; do
	n=$((n + 1))
	[ $n -gt 30 ] && fail "nobody's monitor saw nothing: $(cat /tmp/mon.txt)"
	t port add 7
	t port del 7
	sleep 0.2
done
kill $mon
wait $mon
rc=$?
[ $rc = 0 ] || fail "nobody's monitor exited with $rc on SIGTERM"
t client close 1
for p in 0 1 2; do
	t port del $p
done
echo "nobody: 13 commands refused with EPERM, nothing changed, dumps and monitor work"
exit 0
