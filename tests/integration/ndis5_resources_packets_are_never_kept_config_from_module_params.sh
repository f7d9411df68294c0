# SPDX-License-Identifier: GPL-2.0
# A 5.x miniport's configuration comes from its module parameters:
# ndis5loop loaded with rxresources=1 reads RxResources=1 once per adapter
# through NdisOpenConfiguration/NdisReadConfiguration, and then indicates
# its packets with NDIS_STATUS_RESOURCES: the client sees that status, so
# it cannot keep them even when it wants to (ProtocolCoReceivePacket's
# count is ignored), no packet waits for NdisReturnPackets, and
# MiniportReturnPacket is never called for them (the MCM takes each back
# itself when the indication returns).
. /condis/tests/guest/lib.sh
. /condis/tests/guest/ndis.sh
. /condis/tests/guest/ndis5.sh

ndis5_load rxresources=1
[ "$(ev_count $NLOOP/events 'config RxResources=1')" = 2 ] ||
	fail "RxResources not read once per adapter from the module parameter"
cctl listen ndis5loop1 east
cctl call 1 ndis5loop0 east
wait_call 1 state connected
wait_call 1000 state connected
cctl keep on
cctl send 1 12 300
received 1000 12
expect_call 1000 kept 0
wait_call 1 send_complete 12
expect_call 1 tx_ok 12
grep -q 'rx_outstanding=0 ' $NLOOP/state || fail "the MCM has receive packets out"
[ "$(ev_count $NLOOP/events 'return_packet')" = 12 ] ||
	fail "$(ev_count $NLOOP/events 'return_packet') packets taken back, expected 12"
cctl close 1
wait_call 1 vc 0
wait_call 1000 vc 0
ndis5_unload
echo "RxResources from the module parameter; RESOURCES packets copied, never kept"
exit 0
