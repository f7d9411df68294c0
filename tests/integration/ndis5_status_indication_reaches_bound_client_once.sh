# SPDX-License-Identifier: GPL-2.0
# NdisMCoIndicateStatus of a 5.x miniport for an adapter reaches the 5.x
# client bound to that adapter, once, in ProtocolCoStatus, with the code,
# buffer and size indicated, and no other binding.
. /condis/tests/guest/lib.sh
. /condis/tests/guest/ndis.sh
. /condis/tests/guest/ndis5.sh

ndis5_load
lctl status ndis5loop1 4001000B 7
lctl status ndis5loop1 4001000C 9
wait_for "grep -q 'code=0x4001000c' $NCL/events" || fail "no status indication"
ev_once $NCL/events 'status adapter=ndis5loop1 vc=0 code=0x4001000b value=7 size=4 n=1'
first=$SEQ
ev_once $NCL/events 'status adapter=ndis5loop1 vc=0 code=0x4001000c value=9 size=4 n=2'
before "$first" "$SEQ"
[ "$(ev_count $NCL/events 'status adapter=ndis5loop0')" = 0 ] ||
	fail "the other adapter's binding got the status"
ndis5_unload
echo "NdisMCoIndicateStatus: once, to the bound client only, code and buffer intact"
exit 0
