# SPDX-License-Identifier: GPL-2.0
# Commands whose module is not loaded: without conic the port commands say
# so, without coecho the client commands say so (the kernel's message, exit
# status 1), while the dumps of the core work; without condis every command
# says the family is missing.  A bad command line is exit status 2 either
# way.
. /condis/tests/guest/lib.sh
. /condis/tests/guest/conic.sh
. /condis/tests/guest/tool.sh

NOCONIC="Operation not supported: the conic module is not loaded"
NOCOECHO="Operation not supported: the coecho module is not loaded"
NOCONDIS="condis: the condis kernel module is not loaded (modprobe condis)"

ports_missing() {
	t_err 1 "condis: port add: $NOCONIC" port add 0
	t_err 1 "condis: port add: $NOCONIC" port add 0 mode plain
	t_err 1 "condis: port del: $NOCONIC" port del 0
	t_err 1 "condis: port link: $NOCONIC" port link 0 peer 1
	t_err 1 "condis: port link: $NOCONIC" port link 0 dev lo
	t_err 1 "condis: port unlink: $NOCONIC" port unlink 0
}
client_missing() {
	t_err 1 "condis: client listen: $NOCOECHO" client listen conic0 echo
	t_err 1 "condis: client unlisten: $NOCOECHO" client unlisten conic0 echo
	t_err 1 "condis: client call: $NOCOECHO" client call conic0 echo id 1
	t_err 1 "condis: client call: $NOCOECHO" client call conic0 echo
	t_err 1 "condis: client send: $NOCOECHO" client send 1
	t_err 1 "condis: client close: $NOCOECHO" client close 1
	t_err 1 "condis: client show: $NOCOECHO" client show
	t_err 1 "condis: client show: $NOCOECHO" -j clients show
}

# condis alone: no provider of either kind.
load_module cond/condis.ko || fail "insmod condis"
ports_missing
client_missing
for o in adapter binding af sap vc call party; do
	[ -z "$(tout $o show)" ] || fail "show $o without ports: $(condis $o show)"
	[ "$(tout -j $o show)" = "[]" ] || fail "show -j $o without ports: $(condis -j $o show)"
done

# The NIC without the sample client.
load_module drivers/cosig/cosig.ko || fail "insmod cosig"
load_module drivers/conic/conic.ko || fail "insmod conic"
t port add 0
t port add 1
t port link 0 peer 1
wait_link 1
[ "$(condis adapter show | wc -l)" = 2 ] || fail "two ports: $(condis adapter show)"
client_missing

# The sample client too: the client commands work.
load_module drivers/coecho/coecho.ko || fail "insmod coecho"
retry 50 sh -c 'condis client listen conic1 echo' || fail "listen with coecho loaded"
[ "$(tout client call conic0 echo)" = "call 1" ] || fail "call with coecho loaded"
t client close 1
retry 50 sh -c '[ -z "$(condis client show)" ]' || fail "call 1 left"
t client unlisten conic1 echo
t port unlink 0

# coecho goes: its commands are refused again, the ports stay.
rmmod coecho || fail "rmmod coecho"
client_missing
[ "$(condis adapter show | wc -l)" = 2 ] || fail "ports after coecho left: $(condis adapter show)"

# conic goes with its ports.
rmmod conic || fail "rmmod conic"
[ -z "$(condis adapter show)" ] || fail "adapters after conic left: $(condis adapter show)"
ports_missing
rmmod cosig || fail "rmmod cosig"

# coecho without conic: the client commands work (there is no adapter).
load_module drivers/coecho/coecho.ko || fail "insmod coecho alone"
t_err 1 "condis: client listen: No such device: no adapter conic0, or coecho has no AF open on it" \
	client listen conic0 echo
[ -z "$(tout client show)" ] || fail "calls without adapters"
ports_missing
rmmod coecho || fail "rmmod coecho"

# No condis: the family is missing, whatever the command.
rmmod condis || fail "rmmod condis"
for cmd in "adapter show" "-j vc show" "client show" "port add 0" "port del 0" \
	"port link 0 peer 1" "client listen conic0 echo" "client call conic0 echo" "client send 1" \
	"client close 1" monitor; do
	# shellcheck disable=SC2086
	t_err 1 "$NOCONDIS" $cmd
done
# The command line is checked first, module or not.
t_err 2 "condis: port add: bad port number 'x'
$(condis help)" port add x
tout -V | grep -qx "condis [0-9.]* (netlink family condis, version 1)" || fail "condis -V: $(condis -V)"
echo "missing conic, coecho and condis each reported as such"
exit 0
