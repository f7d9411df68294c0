# SPDX-License-Identifier: GPL-2.0
# NdisOidRequest(), the connectionless OID request a protocol sends on its
# binding, reaches the miniport (the loopback MCM's MiniportCoOidRequest,
# with no VC), which pends the media-state query and completes it from its
# work item (NdisMCoOidRequestComplete).  The requester hears it in its
# ProtocolOidRequestComplete, once, with the state and the byte count the
# miniport wrote, and never in ProtocolCoOidRequestComplete; a CoNDIS
# request pended the same way still completes in the Co handler only.
. /condis/tests/guest/lib.sh
. /condis/tests/guest/ndis.sh

ndis_load
nctl mediastate ndisloop0
ev_once $NLOOP/events 'oid_complete adapter=ndisloop0 oid=0x00010114 status=0x00000000'
ev_once $NCL/events ' oid_request_complete adapter=ndisloop0 oid=0x00010114 status=0x00000000'
completed=$SEQ
ev_once $NCL/events 'mediastate adapter=ndisloop0 oid=0x00010114 status=0x00000000 written=4 value=0$'
before "$completed" "$SEQ"
[ "$(ev_count $NCL/events 'co_oid_request_complete oid=0x00010114')" = 0 ] ||
	fail "the connectionless request came back to ProtocolCoOidRequestComplete"

nctl oid ndisloop1 addresses
ev_once $NCL/events 'co_oid_request_complete oid=0xfe000006 status=0x00000000'
[ "$(ev_count $NCL/events ' oid_request_complete .*oid=0xfe000006')" = 0 ] ||
	fail "a CoNDIS request came back to ProtocolOidRequestComplete"
ndis_unload
echo "NdisOidRequest pended by the miniport: one ProtocolOidRequestComplete, no Co completion"
exit 0
