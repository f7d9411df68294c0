# SPDX-License-Identifier: GPL-2.0
# NDIS 5.x requests: an NdisCoRequest on the AF that the MCM's
# CmRequestHandler pends completes once, through the AF's
# ClRequestCompleteHandler, with the client's own NDIS_REQUEST, the value
# the CM wrote and BytesWritten, after the CM completed it with
# NdisMCmRequestComplete; one to the miniport (no AF) that
# MiniportCoRequest answers at once returns its value synchronously and
# calls no completion handler.
. /condis/tests/guest/lib.sh
. /condis/tests/guest/ndis.sh
. /condis/tests/guest/ndis5.sh

ndis5_load
cctl oid ndis5loop0
wait_for "grep -q 'oid_complete adapter=ndis5loop0' $NCL/events" || fail "no request completion"
ev_once $NCL/events 'oid_request adapter=ndis5loop0 to=cm status=0x00000103'
ev_once $NCL/events 'oid_complete adapter=ndis5loop0 ours=1 status=0x00000000 value=0x00c0de55 written=4 n=1'
ev_once $NLOOP/events 'cm_request oid=0x0001010c pended'
asked=$SEQ
ev_once $NLOOP/events 'cm_request_complete oid=0x0001010c status=0x00000000'
answered=$SEQ
before "$asked" "$answered"

cctl mpoid ndis5loop1
ev_once $NCL/events 'oid_request adapter=ndis5loop1 to=miniport status=0x00000000 value=0x00c0de55'
sleep 0.3
[ "$(ev_count $NCL/events 'oid_complete')" = 1 ] ||
	fail "a request answered synchronously reached a completion handler"
ndis5_unload
echo "NdisCoRequest: pended once to ClRequestCompleteHandler, synchronous without it"
exit 0
