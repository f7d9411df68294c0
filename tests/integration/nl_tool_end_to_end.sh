# SPDX-License-Identifier: GPL-2.0
# The condis tool end to end, nothing through sysfs or debugfs: ports
# created, linked back to back and over a veth pair, a SAP registered,
# calls placed with and without an id and with a rate, data sent and
# echoed, calls closed, links taken down, ports removed.  The sample
# client's counters are checked exactly, in plain and in JSON output, and
# against coecho's own debugfs listing.
. /condis/tests/guest/lib.sh
. /condis/tests/guest/conic.sh
. /condis/tests/guest/tool.sh

ip link add cva type veth peer name cvb || fail "no veth pair"
cvb=$(ip link show cva | sed -n 's/.*cva@\([^:]*\):.*/\1/p')
[ -n "$cvb" ] || fail "no veth peer"
ip link set cva up && ip link set "$cvb" up
trap 'ip link del cva 2>/dev/null' EXIT

conic_load cocm
base=$(live_objects)
[ -z "$(condis adapter show)" ] || fail "adapters before any port"

# --- ports -------------------------------------------------------------------
t port add 0
t port add 1 mode mcm
t port link 0 peer 1
wait_link 0
wait_link 1
for p in 0 1; do
	l=$(condis adapter show | awk -v n=conic$p '$4 == n')
	echo "$l" | grep -qx "adapter [0-9]* name conic$p miniport conic-mcm mcm yes dying no bindings 1 cm-afs 1" ||
		fail "conic$p: '$l'"
done

# --- a SAP -------------------------------------------------------------------
t client listen conic1 echo
sap=$(tout sap show)
echo "$sap" | grep -qx "sap [0-9]* af [0-9]* adapter conic1 type 1 addr 6563686f state registered" ||
	fail "the SAP: '$sap'"
af=$(echo "$sap" | kv af)
[ "$(val af "$af" adapter)" = conic1 ] || fail "the SAP's AF $af is not on conic1"
[ "$(val af "$af" saps)" = 1 ] || fail "AF $af does not count its SAP"

# --- calls -------------------------------------------------------------------
[ "$(tout client call conic0 echo)" = "call 1" ] || fail "the first call did not get id 1"
[ "$(tout client call conic0 echo rate 50000)" = "call 2" ] || fail "the second call did not get id 2"
[ "$(tout client call conic0 echo id 7)" = "call 7" ] || fail "call id 7 not taken"
[ "$(tout -j client call conic0 echo id 8)" = '{"call-id":8}' ] || fail "JSON call id 8"
[ "$(tout client call conic0 echo)" = "call 3" ] || fail "the lowest free id was not 3"
t client send 3
wait_rx 3 1
t client close 3
# Call 3 was closed: it is forgotten, and its id is free again.
retry 50 sh -c '! condis client show | grep -q "^call 3 "' || fail "closed call 3 still listed"
[ "$(tout client call conic0 echo)" = "call 3" ] || fail "id 3 was not taken again"
t client send 3
wait_rx 3 1
t client close 3
retry 50 sh -c '! condis client show | grep -q "^call 3 "' || fail "closed call 3 still listed"
t client send 1 count 25 size 200
t client send 2
t client send 7 count 10 size 1500
t client send 8 count 3 size 16
wait_rx 1 25
wait_rx 2 1
wait_rx 7 10
wait_rx 8 3

# The callers' lines, exactly; each callee echoed what it got.
want_caller() {
	# want_caller ID RATE PACKETS BYTES
	[ "$(line client "$1")" = "call $1 adapter conic0 sap-name echo outgoing yes state connected parties 0 rate $2 tx-packets $3 tx-done $3 tx-errors 0 rx-packets $3 rx-bytes $4 rx-bad 0 echoed 0" ] ||
		fail "call $1: '$(line client "$1")'"
}
want_caller 1 0 25 5000
want_caller 2 50000 1 64
want_caller 7 0 10 15000
want_caller 8 0 3 48
in=$(condis client show | awk '$2 >= 1000')
[ "$(echo "$in" | wc -l)" = 4 ] || fail "not 4 incoming calls: $in"
echo "$in" | awk '$4 != "conic1" || $6 != "echo" || $8 != "no" || $10 != "connected" {
	print "bad incoming call: " $0; bad = 1 } END { exit bad }' || fail "incoming calls"
for n in 25:5000 1:64 10:15000 3:48; do
	echo "$in" | grep -q " tx-packets ${n%:*} tx-done ${n%:*} tx-errors 0 rx-packets ${n%:*} rx-bytes ${n#*:} rx-bad 0 echoed ${n%:*}$" ||
		fail "no incoming call echoed ${n%:*} packets of ${n#*:} bytes: $in"
done
[ "$(tout client show)" = "$(coecho_canon)" ] || fail "show client differs from coecho's calls file"

# The VCs: eight calls, each VC's counters those of its call.
[ "$(condis call show | wc -l)" = 8 ] || fail "not 8 VCs with calls: $(condis call show)"
[ "$(condis call show)" = "$(condis vc show)" ] || fail "show call is not show vc (every VC has a call)"
vc1=$(condis vc show | awk '$8 == "conic0" && / tx-packets 25 /' | kv vc)
[ -n "$vc1" ] || fail "no VC on conic0 with call 1's 25 packets"
ad0=$(condis adapter show | awk '$4 == "conic0"' | kv adapter)
[ "$(line vc "$vc1")" = "vc $vc1 af $(val vc "$vc1" af) adapter-id $ad0 adapter conic0 creator client state active call-state connected closed-by-network no multipoint no parties 0 tx-packets 25 tx-bytes 5000 tx-errors 0 tx-in-flight 0 rx-packets 25 rx-bytes 5000 rx-kept 0" ] ||
	fail "VC $vc1: '$(line vc "$vc1")'"

# --- JSON --------------------------------------------------------------------
split_json() {
	sed 's/^\[//; s/\]$//; s/},{/}\n{/g'
}
j=$(tout -j client show | split_json)
echo "$j" | grep -qx '{"call-id":1,"adapter":"conic0","sap-name":"echo","outgoing":true,"state":"connected","parties":0,"rate":0,"tx-packets":25,"tx-done":25,"tx-errors":0,"rx-packets":25,"rx-bytes":5000,"rx-bad":0,"echoed":0}' ||
	fail "JSON call 1: $j"
echo "$j" | grep -qx '{"call-id":2,"adapter":"conic0","sap-name":"echo","outgoing":true,"state":"connected","parties":0,"rate":50000,"tx-packets":1,"tx-done":1,"tx-errors":0,"rx-packets":1,"rx-bytes":64,"rx-bad":0,"echoed":0}' ||
	fail "JSON call 2: $j"
[ "$(echo "$j" | grep -c '"outgoing":false,"state":"connected".*"rx-bad":0,"echoed":[1-9]')" = 4 ] ||
	fail "JSON: not 4 incoming calls that echoed: $j"
tout -j vc show | split_json | grep -qx "{\"id\":$vc1,.*\"creator\":\"client\",\"state\":\"active\",\"call-state\":\"connected\",\"closed-by-network\":false,\"multipoint\":false,\"parties\":0,\"stats\":{\"tx-packets\":25,\"tx-bytes\":5000,\"tx-errors\":0,\"tx-in-flight\":0,\"rx-packets\":25,\"rx-bytes\":5000,\"rx-kept\":0}}" ||
	fail "JSON VC $vc1: $(condis -j vc show)"
# Every kind: the same objects in the same order in both outputs.
for o in adapter binding af sap vc call party client; do
	plain=$(condis $o show | awk '{ print $2 }')
	json=$(condis -j $o show | grep -oE '"(id|call-id)":[0-9]+' | sed 's/.*://')
	[ "$plain" = "$json" ] || fail "show $o: ids '$plain' in plain output, '$json' in JSON"
done
p=$(tout -j -p sap show)
[ "$(echo "$p" | sed -n '1p;2p;3p')" = "$(printf '[\n  {\n    "id": %s,' "$(echo "$sap" | kv sap)")" ] ||
	fail "pretty JSON: $p"
[ "$(echo "$p" | tail -n 2)" = "$(printf '  }\n]')" ] || fail "pretty JSON end: $p"
[ "$(condis -j party show)" = "[]" ] || fail "JSON with no parties: $(condis -j party show)"

# --- close -------------------------------------------------------------------
for c in 1 2 7 8; do
	t client close "$c"
done
retry 100 sh -c '[ -z "$(condis client show)" ]' || fail "calls left: $(condis client show)"
retry 100 sh -c '[ -z "$(condis vc show)" ]' || fail "VCs left: $(condis vc show)"
t client unlisten conic1 echo
retry 50 sh -c '[ -z "$(condis sap show)" ]' || fail "SAP left: $(condis sap show)"

# --- over Ethernet: an MCM port and a plain one (cocm) on a veth pair ---------
t port add 2
t port add 3 mode plain
[ "$(condis adapter show | awk '$4 == "conic3"' | kv miniport)" = conic ] ||
	fail "conic3 is not a plain port"
t port link 2 dev cva
t port link 3 dev "$cvb"
wait_link 2
wait_link 3
t client listen conic3 e
retry 100 sh -c 'condis client call conic2 e id 20 >/dev/null' || fail "no call over the veth pair"
t client send 20 count 5 size 1400
wait_rx 20 5
t port unlink 2
retry 100 sh -c '! condis client show | grep -q "^call 20 .* state connected"' ||
	fail "call 20 survived the unlink: $(condis client show)"
grep -q link=down $DEBUGFS/conic/conic2/state || fail "conic2 still linked"

# --- unlink and remove -------------------------------------------------------
t port unlink 0
wait_for "grep -q link=down $DEBUGFS/conic/conic1/state" || fail "unlinking 0 left 1 linked"
for p in 0 1 2 3; do
	t port del $p
done
[ -z "$(condis adapter show)" ] || fail "adapters left: $(condis adapter show)"
retry 50 sh -c "[ \"\$(sed -n 's/^live objects: //p' $OBJECTS)\" = $base ]" ||
	fail "$(live_objects) live objects, $base before the test"
echo "ports, links, SAPs, calls and data all driven by condis; plain and JSON agree"
exit 0
