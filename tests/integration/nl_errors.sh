# SPDX-License-Identifier: GPL-2.0
# Bad requests: unknown ports, calls and adapters, ids out of range, ports
# that cannot be linked, strings too long, missing, unknown and malformed
# attributes.  Each one fails with exit status 1 and the kernel's own
# message (naming the attribute at fault), and none changes anything: the
# debugfs objects and every dump read the same afterwards.
. /condis/tests/guest/lib.sh
. /condis/tests/guest/conic.sh
. /condis/tests/guest/tool.sh

conic_load
t port add 0
t port add 1
t port link 0 peer 1
wait_link 1
t port add 4 mode plain
t client listen conic1 echo
[ "$(tout client call conic0 echo)" = "call 1" ] || fail "call 1"
t client send 1 count 6 size 100
wait_rx 1 6
before=$(cat "$OBJECTS")
dumps=$(all_dumps)

# Ports.
t_err 1 "condis: port del: No such file or directory: no port 9" port del 9
t_err 1 "condis: port unlink: No such file or directory: no port 9" port unlink 9
t_err 1 "condis: port unlink: Transport endpoint is not connected: port 4 has no link" port unlink 4
t_err 1 "condis: port add: File exists: port 0 exists" port add 0
t_err 1 "condis: port add: Numerical result out of range: integer out of range (attribute id)" \
	port add 65536
t_err 1 "condis: port del: Numerical result out of range: integer out of range (attribute id)" \
	port del 4294967295
t_err 1 "condis: port link: Invalid argument: a port cannot be linked to itself" port link 4 peer 4
t_err 1 "condis: port link: No such file or directory: no port 4 or no port 9" port link 4 peer 9
t_err 1 "condis: port link: Device or resource busy: one of the ports is linked already" \
	port link 4 peer 0
t_err 1 "condis: port link: Numerical result out of range: integer out of range (attribute peer)" \
	port link 4 peer 70000
t_err 1 "condis: port link: No such device: no network device nosuchdev" port link 4 dev nosuchdev
t_err 1 "condis: port link: Invalid argument: lo is not an Ethernet device" port link 4 dev lo
t_err 1 "condis: port link: Invalid argument: empty device name (attribute ifname)" port link 4 dev ""
t_err 1 "condis: port link: Invalid argument: Attribute failed policy validation (attribute ifname)" \
	port link 4 dev 0123456789abcdef

# The sample client.
t_err 1 "condis: client listen: No such device: no adapter conic9, or coecho has no AF open on it" \
	client listen conic9 x
t_err 1 "condis: client listen: Address already in use: that SAP is registered already" client listen conic1 echo
t_err 1 "condis: client listen: Invalid argument: Attribute failed policy validation (attribute sap-name)" \
	client listen conic1 0123456789abcdef0123456789abcdef0
t_err 1 "condis: client listen: Invalid argument: Attribute failed policy validation (attribute adapter)" \
	client listen conic0123456789abcdef0123456789abcdef echo
t_err 1 "condis: client unlisten: No such file or directory: coecho does not listen on that SAP" \
	client unlisten conic1 nope
t_err 1 "condis: client call: No such device: no adapter conic9, or coecho has no AF open on it" \
	client call conic9 echo id 5
t_err 1 "condis: client call: No such device: no adapter conic4, or coecho has no AF open on it" \
	client call conic4 echo id 5
t_err 1 "condis: client call: File exists: call 1 exists" client call conic0 echo id 1
t_err 1 "condis: client call: Invalid argument: call ids from 1000 on name incoming calls" \
	client call conic0 echo id 1000
t_err 1 "condis: client call: Numerical result out of range: integer out of range (attribute call-id)" \
	client call conic0 echo id 0
t_err 1 "condis: client call: Invalid argument: a call needs the called SAP's name (attribute sap-name)" \
	client call conic0 ""
t_err 1 "condis: client send: No such file or directory: no call 9" client send 9
for bad in "count 0" "count 100001"; do
	t_err 1 "condis: client send: Numerical result out of range: integer out of range (attribute count)" \
		client send 1 $bad
done
for bad in "size 15" "size 1501"; do
	t_err 1 "condis: client send: Numerical result out of range: integer out of range (attribute size)" \
		client send 1 $bad
done
t_err 1 "condis: client close: No such file or directory: no call 9" client close 9

[ "$(cat "$OBJECTS")" = "$before" ] || fail "a refused command changed objects"
[ "$(all_dumps)" = "$dumps" ] || fail "a refused command changed the dumps"

# A call to a name nobody listens on is refused by the far end; it leaves
# no call and no VC behind.
t_err 1 "condis: client call: Connection refused: no SAP nobody answers at the other end" client call conic0 nobody id 5
retry 50 sh -c "[ \"\$(cat $OBJECTS)\" = \"\$0\" ]" "$before" ||
	fail "the refused call left objects: $(cat "$OBJECTS")"
[ "$(all_dumps)" = "$dumps" ] || fail "the refused call changed the dumps: $(condis client show)"

# Requests the tool would not send: raw ones.
raw() {
	# raw EXPECTED CMD ATTRS...: nlfuzz's report of one request
	local want=$1 out
	shift
	out=$(nlfuzz send "$@")
	[ "$out" = "$want" ] || fail "nlfuzz send $*: '$out', not '$want'"
}
raw "error EINVAL (Invalid argument)
missing-attr: 1" port-new
raw "error EINVAL (Invalid argument)
missing-attr: 1" port-del
raw "error EINVAL (Invalid argument)
msg: Unknown attribute type
bad-attr: 2" port-del u32:2:1
raw "error EINVAL (Invalid argument)
msg: Unknown attribute type
bad-attr: 9" port-new u32:1:5 u32:9:1
raw "error EINVAL (Invalid argument)
msg: invalid attribute length
bad-attr: 1" port-new hex:1:0500
raw "error ERANGE (Numerical result out of range)
msg: integer out of range
bad-attr: 2" port-new u32:1:5 u32:2:7
raw "error EINVAL (Invalid argument)
msg: invalid attribute length
bad-attr: 2" port-new u32:1:5 flag:2
raw "error EINVAL (Invalid argument)
msg: give exactly one of peer and ifname" port-link u32:1:4
raw "error EINVAL (Invalid argument)
msg: give exactly one of peer and ifname" port-link u32:1:4 u32:3:0 str:4:lo
raw "error EINVAL (Invalid argument)
missing-attr: 1" client-call u32:3:5
raw "error EINVAL (Invalid argument)
missing-attr: 3" client-call str:1:conic0 str:2:echo
raw "error EINVAL (Invalid argument)
missing-attr: 5" client-send u32:3:1
raw "error EINVAL (Invalid argument)
missing-attr: 6" client-send u32:3:1 u32:5:1
raw "error EINVAL (Invalid argument)
msg: Attribute failed policy validation
bad-attr: 1" client-listen raw:1:conic1 str:2:x
raw "error EOPNOTSUPP (Operation not supported)" 99
raw "error EOPNOTSUPP (Operation not supported)" adapter-get
raw "error EOPNOTSUPP (Operation not supported)" event-ntf
raw "ok" --dump sap-get

[ "$(cat "$OBJECTS")" = "$before" ] || fail "a raw request changed objects"
[ "$(all_dumps)" = "$dumps" ] || fail "a raw request changed the dumps"
t client close 1
echo "bad requests: exit status 1, the kernel's message, nothing changed"
exit 0
