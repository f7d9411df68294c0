# SPDX-License-Identifier: GPL-2.0
# OID_CO_AF_CLOSE, NDIS 5's way for a call manager to ask a client to
# close an AF (NdisMCmRequest, condis's notify-close): the request
# succeeds at once (it never pends, so the MCM never gets a completion
# for it after it freed the AF); the client gets it once in
# ClRequestHandler, closes its call, deregisters its SAP and closes the
# AF, in that order; the MCM's CmCloseAf follows; the call's peer on the
# other adapter sees one incoming close; the other AF stays open.
. /condis/tests/guest/lib.sh
. /condis/tests/guest/ndis.sh
. /condis/tests/guest/ndis5.sh

ndis5_load
cctl listen ndis5loop0 west
cctl listen ndis5loop1 east
cctl call 1 ndis5loop1 west
wait_call 1 state connected
wait_call 1000 state connected
lctl closeaf ndis5loop0
wait_for "grep -q 'close_af adapter=ndis5loop0' $NLOOP/events" || fail "the AF was not closed"
ev_once $NCL/events 'af_close_request adapter=ndis5loop0'
req=$SEQ
ev_once $NCL/events 'close_call call=1000'
closed=$SEQ
ev_once $NCL/events 'deregister_sap adapter=ndis5loop0 status='
dereg=$SEQ
ev_once $NCL/events 'close_af adapter=ndis5loop0 status=0x00000000'
afclosed=$SEQ
before "$req" "$closed"
before "$closed" "$dereg"
before "$dereg" "$afclosed"
ev_once $NLOOP/events 'af_close_request adapter=ndis5loop0 status=0x00000000'
ev_once $NLOOP/events 'close_af adapter=ndis5loop0'
[ "$(ev_count $NLOOP/events 'cm_request_complete_unexpected')" = 0 ] ||
	fail "the MCM got a completion for a request that did not pend"
wait_call 1 incoming_close 1
wait_call 1 vc 0
wait_call 1000 vc 0
grep -q 'af adapter=ndis5loop1' $NLOOP/state || fail "the other AF was closed"
grep -q 'af adapter=ndis5loop0' $NLOOP/state && fail "the AF is still open"
ndis5_unload
echo "OID_CO_AF_CLOSE: calls, SAP, then AF closed; the request completed once after"
exit 0
