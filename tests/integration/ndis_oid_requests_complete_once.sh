# SPDX-License-Identifier: GPL-2.0
# OID requests between drivers written against the NDIS compat headers:
# without an AF the request reaches the MCM's miniport part
# (MiniportCoOidRequest), answered at once; with the client's AF it
# reaches the MCM's call manager (ProtocolCoOidRequest), which pends it
# and completes it from its work item (NdisMCmOidRequestComplete); the
# client's ProtocolCoOidRequestComplete then sees the data and the byte
# counts the MCM wrote, once.
. /condis/tests/guest/lib.sh
. /condis/tests/guest/ndis.sh

ndis_load
nctl oid ndisloop0 linkspeed
ev_once $NLOOP/events 'oid adapter=ndisloop0 oid=0x00010107'
ev_once $NCL/events 'oid adapter=ndisloop0 oid=0x00010107 status=0x00000000 written=8 value=10000000'
nctl oid ndisloop1 addresses
ev_once $NLOOP/events 'oid_complete adapter=ndisloop1 oid=0xfe000006 status=0x00000000'
ev_once $NCL/events 'oid adapter=ndisloop1 oid=0xfe000006 status=0x00000000 written=[0-9]+ value=1 address=ndisloop1$'
ndis_unload
echo "OID requests: answered at once and pended, each once"
exit 0
