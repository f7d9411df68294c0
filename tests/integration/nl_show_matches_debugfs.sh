# SPDX-License-Identifier: GPL-2.0
# "condis KIND show" against /sys/kernel/debug/condis/objects, object by object
# and in order: every adapter, binding, AF, SAP (a wildcard one among them),
# VC (signalling VCs of the stand-alone call manager, point-to-point and
# point-to-multipoint calls, with their data counters), call and party,
# with every id, state and counter the debugfs dump has; and the sample
# client's calls against coecho's own listing.  Both snapshots are taken
# while nothing moves, and the debugfs dump must read the same before and
# after the tool's.
. /condis/tests/guest/lib.sh
. /condis/tests/guest/conic.sh
. /condis/tests/guest/tool.sh

conic_load cocm
t port add 0
t port add 1
t port link 0 peer 1
t port add 2
t port add 3 mode plain
t port link 2 peer 3
t port add 4 mode plain
wait_link 1
wait_link 3
t client listen conic1 echo
t client listen conic0 back
t client listen conic3 ""
t client listen conic1 leafa
t client listen conic1 leafb
t client listen conic4 idle
[ "$(tout client call conic0 echo)" = "call 1" ] || fail "call 1"
[ "$(tout client call conic1 back rate 80000)" = "call 2" ] || fail "call 2"
retry 100 sh -c 'condis client call conic2 anyname id 3 >/dev/null' || fail "call 3 via the wildcard SAP"
ctl mcall 4 conic0 leafa
ctl addparty 4 2 leafb
t client send 1 count 30 size 100
t client send 2 count 7 size 1000
t client send 3 count 5 size 64
t client send 4 count 3 size 100
wait_rx 1 30
wait_rx 2 7
wait_rx 3 5
retry 100 sh -c '[ "$(condis client show | grep -c " sap-name leaf[ab] .* rx-packets 3 .* echoed 3$")" = 2 ]' ||
	fail "the leaves did not echo 3 packets each: $(condis client show)"

# compare KIND MIN: the tool's and debugfs's lists are equal, with at least
# MIN objects; with $verbose set, print both when they differ
verbose=
compare() {
	local tool dfs
	tool=$(tool_canon "$1")
	dfs=$(debugfs_canon "$1")
	if [ "$tool" != "$dfs" ]; then
		[ -n "$verbose" ] && printf -- '--- condis %s show\n%s\n--- debugfs\n%s\n' "$1" "$tool" "$dfs"
		return 1
	fi
	[ "$(echo "$tool" | grep -c .)" -ge "$2" ] && return 0
	[ -n "$verbose" ] && echo "fewer than $2 ${1}s: $tool"
	return 1
}

clients_match() {
	[ "$(tool_canon client)" = "$(coecho_canon)" ] && return 0
	[ -n "$verbose" ] && printf -- '--- condis client show\n%s\n--- coecho\n%s\n' \
		"$(tool_canon client)" "$(coecho_canon)"
	return 1
}

# Both lists, while the debugfs dump stays the same (counters settled).
snapshot_ok() {
	local before
	before=$(cat "$OBJECTS")
	compare adapter 5 && compare binding 7 && compare af 5 && compare sap 6 &&
		compare vc 11 && compare call 9 && compare party 2 && clients_match &&
		[ "$(cat "$OBJECTS")" = "$before" ]
}
retry 50 snapshot_ok || { verbose=1; snapshot_ok; fail "condis differs show from debugfs"; }

# What debugfs has no key for: the multipoint flag, on the root's VC only.
mp=$(condis vc show | awk '/ multipoint yes / { print $2 }')
pv=$(condis party show | awk '{ print $4 }' | sort -u)
[ -n "$mp" ] && [ "$mp" = "$pv" ] || fail "multipoint VCs '$mp', VCs with parties '$pv'"

# Spot checks, so that the comparison cannot pass on two empty lists.
condis sap show | grep -qx "sap [0-9]* af [0-9]* adapter conic3 type 1 addr \"\" state registered" ||
	fail "no wildcard SAP on conic3: $(condis sap show)"
[ "$(condis vc show | grep -c ' creator cm .* call-state idle ')" -ge 2 ] ||
	fail "no signalling VCs of cocm: $(condis vc show)"
condis vc show | grep -q " tx-packets 30 tx-bytes 3000 tx-errors 0 tx-in-flight 0 rx-packets 30 rx-bytes 3000 rx-kept 0$" ||
	fail "no VC with call 1's counters"
[ "$(condis party show | grep -c ' state active$')" = 2 ] || fail "parties: $(condis party show)"
[ "$(val client 2 rate)" = 80000 ] || fail "call 2's rate"
[ "$(condis adapter show | grep -c 'miniport conic mcm no')" = 2 ] || fail "plain ports"

# The same ids in JSON, in the same order.
for o in adapter binding af sap vc call party client; do
	plain=$(condis $o show | awk '{ print $2 }')
	json=$(condis -j $o show | grep -oE '"(id|call-id)":[0-9]+' | sed 's/.*://')
	[ "$plain" = "$json" ] || fail "show $o: ids '$plain' in plain output, '$json' in JSON"
done

# Gone objects leave both lists alike.
ctl dropparty 4 2
t client close 4
t client unlisten conic1 leafb
after_ok() {
	compare adapter 5 && compare binding 7 && compare af 5 && compare sap 5 &&
		compare vc 8 && compare call 6 && compare party 0 && clients_match &&
		[ -z "$(condis party show)" ] && ! condis sap show | grep -q 6c65616662
}
retry 100 after_ok || { verbose=1; after_ok; fail "after a drop, a close and an unlisten"; }
echo "every object the tool lists is the object debugfs lists, ids, states and counters"
exit 0
