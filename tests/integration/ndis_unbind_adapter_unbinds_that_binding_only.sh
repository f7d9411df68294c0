# SPDX-License-Identifier: GPL-2.0
# NdisUnbindAdapter(): the client asks to be unbound from one adapter with
# a call up on it.  Its ProtocolUnbindAdapterEx runs once, for that binding
# only, and not inside the request: the client holds the binding busy
# across NdisUnbindAdapter() and its unbind waits for that, so the binding
# is gone only after the request returned.  The call's far end on the
# other adapter hears the close, the other binding keeps working, and a
# second request for the gone binding fails.  Unloading afterwards leaves
# no object.
. /condis/tests/guest/lib.sh
. /condis/tests/guest/ndis.sh

ndis_load
nctl listen ndisloop1 east
nctl call 1 ndisloop0 east
wait_call 1000 state connected
nctl unbind ndisloop0
ev_once $NCL/events 'unbind_request adapter=ndisloop0 status=0x00000000'
requested=$SEQ
wait_for "grep -q 'unbound adapter=ndisloop0' $NCL/events" || fail "no unbind after the request"
ev_once $NCL/events 'unbind adapter=ndisloop0$'
ev_once $NCL/events 'unbound adapter=ndisloop0$'
before "$requested" "$SEQ"
wait_call 1000 state closed
ev_once $NCL/events 'incoming_close_call call=1000 '
[ "$(ev_count $NCL/events 'unbind adapter=ndisloop1')" = 0 ] || fail "ndisloop1 was unbound too"
nctl_fails unbind ndisloop0
nctl oid ndisloop1 linkspeed
ev_once $NCL/events 'oid adapter=ndisloop1 oid=0x00010107 status=0x00000000'
ndis_unload
echo "NdisUnbindAdapter unbound one binding, once; the other kept working"
exit 0
