# SPDX-License-Identifier: GPL-2.0
# NDIS_STATUS values round-trip exactly between two drivers written
# against the NDIS compat headers, through condis: a status the MCM
# refuses a SAP with (at once, or pended and completed later) reaches the
# client's ProtocolClRegisterSapComplete unchanged, once, whatever its
# class (error, warning, informational, with or without an errno twin);
# a status the called client rejects a call with reaches the caller's
# ProtocolClMakeCallComplete unchanged.  condis's own refusal (a duplicate
# SAP, -EADDRINUSE) reaches the client as NDIS_STATUS_SAP_IN_USE; a code
# with the customer bit, which cannot be carried, as NDIS_STATUS_FAILURE.
. /condis/tests/guest/lib.sh
. /condis/tests/guest/ndis.sh

ndis_load

# refused STATUS MODE EXPECTED: the MCM refuses a SAP with STATUS.
n=0
refused() {
	n=$((n + 1))
	lctl refuse r$n "$1" "$2"
	nctl_fails listen ndisloop0 r$n
	ev_once $NCL/events "register_sap_complete adapter=ndisloop0 sap=r$n status=0x$3 n=1"
	ev_once $NLOOP/events "register_sap sap=r$n refused=0x$1"
	[ "$(sap_field ndisloop0 r$n state)" = failed ] || fail "SAP r$n not failed"
	[ "$(sap_field ndisloop0 r$n status)" = "0x$3" ] || fail "SAP r$n: status $(sap_field ndisloop0 r$n status)"
}
for mode in sync pend; do
	refused c0010021 $mode c0010021	# SAP_IN_USE (errno twin -EADDRINUSE)
	refused c0010015 $mode c0010015	# INVALID_DATA (carried as it is)
	refused c000009a $mode c000009a	# RESOURCES (errno twin -ENOMEM)
	refused 00010003 $mode 00010003	# NOT_ACCEPTED (positive; twin -EBUSY)
	refused 00010007 $mode 00010007	# CALL_ACTIVE (positive; tagged)
	refused 40230001 $mode 40230001	# INDICATION_REQUIRED (informational)
	refused 80000005 $mode 80000005	# BUFFER_OVERFLOW (warning)
	refused c0ab0001 $mode c0ab0001	# an error code no table knows
	refused e0000001 $mode c0000001	# customer bit: FAILURE, as documented
done
lctl refuse off
# The pended refusals completed from the MCM's work item, later.
[ "$(ev_count $NCL/events 'register_sap_complete')" = $n ] || fail "not one completion per refusal"

# condis refuses a duplicate before asking the MCM: -EADDRINUSE.
nctl listen ndisloop0 dup
nctl_fails listen ndisloop0 dup
[ "$(ev_count $NCL/events 'register_sap_complete adapter=ndisloop0 sap=dup status=0xc0010021')" = 1 ] ||
	fail "a duplicate SAP did not get NDIS_STATUS_SAP_IN_USE"
[ "$(ev_count $NLOOP/events 'register_sap sap=dup')" = 1 ] || fail "the MCM saw the duplicate"

# The called client's rejection reaches the caller unchanged.
nctl listen ndisloop1 rej
id=1
for st in c0010024 00010003 c0ab0002; do
	nctl answer reject $st
	nctl_fails call $id ndisloop0 rej
	ev_once $NCL/events "make_call_complete call=$id status=0x$st n=1"
	ev_once $NLOOP/events "incoming_call_complete vc=.* status=0x$st"
	expect_call $id state failed
	expect_call $id vc 0
	id=$((id + 1))
done
nctl answer accept
# A call to no SAP: the MCM's NDIS_STATUS_INVALID_ADDRESS.
nctl_fails call $id ndisloop0 nobody
ev_once $NCL/events "make_call_complete call=$id status=0xc0010022 n=1"
ndis_unload
echo "NDIS statuses round-tripped exactly"
exit 0
