# SPDX-License-Identifier: GPL-2.0
# NdisMCmNotifyCloseAddressFamily, drivers written against the NDIS compat
# headers: the client's ProtocolClNotifyCloseAf pends, closes its calls,
# deregisters its SAPs and closes the AF, in that order, then completes
# the notification; the MCM's ProtocolCmNotifyCloseAfComplete runs once
# with the client's status.  The far end of a call hears one incoming
# close; the other adapter's AF stays open.
. /condis/tests/guest/lib.sh
. /condis/tests/guest/ndis.sh

ndis_load dereg_delay_ms=200
nctl listen ndisloop0 n1
nctl call 1 ndisloop1 n1
expect_call 1000 state connected
lctl notify ndisloop0
ev_once $NLOOP/events 'notify_close_af adapter=ndisloop0 status=0x00000103'
wait_for "grep -q 'notify_close_af_complete adapter=ndisloop0 status=0x00000000' $NLOOP/events" ||
	fail "no ProtocolCmNotifyCloseAfComplete"
ev_once $NCL/events 'notify_close_af adapter=ndisloop0'
note=$SEQ
ev_once $NCL/events 'close_call_complete call=1000 status=0x00000000 n=1'
closed=$SEQ
ev_once $NCL/events 'deregister_sap_complete adapter=ndisloop0 sap=n1 status=0x00000000 n=1'
dereg=$SEQ
ev_once $NCL/events ' close_af_complete adapter=ndisloop0 status=0x00000000'
caf=$SEQ
ev_once $NCL/events 'notify_close_af_complete adapter=ndisloop0 status=0x00000000'
done_=$SEQ
before "$note" "$closed"
before "$closed" "$dereg"
before "$dereg" "$caf"
before "$caf" "$done_"
ev_once $NLOOP/events 'notify_close_af_complete adapter=ndisloop0'
wait_call 1 vc 0
expect_call 1 incoming_close 1
grep -q 'adapter=ndisloop0 af=closed' $NCL/saps || fail "the AF on ndisloop0 is still open"
grep -q 'adapter=ndisloop1 af=open' $NCL/saps || fail "the AF on ndisloop1 closed too"
nctl_fails listen ndisloop0 again
nctl listen ndisloop1 again
ndis_unload
echo "notify-close: torn down in order, completed once"
exit 0
