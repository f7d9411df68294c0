# SPDX-License-Identifier: GPL-2.0
# Job for Debian's stock kernel, the kernel users run, with its hardening
# (FORTIFY_SOURCE, HARDENED_USERCOPY, list and freelist hardening): load
# condis, check its debugfs, unload it; then the integration tests of the
# drivers on top (conic_*, ndis_*, nl_*).  That kernel has no KUnit and no
# kmemleak; a kernel report on the console fails the run as in the debug VM.
#
# usage: smoke.sh [--test NAME]
. /condis/tests/guest/lib.sh
boot_check

test=
while [ $# -gt 0 ]; do
	case $1 in
	--test) test=$2; shift 2 ;;
	*) echo "smoke.sh: unknown argument $1"; exit 2 ;;
	esac
done

kmsg_mark "begin smoke"
if load_module cond/condis.ko; then
	result pass load
	if grep -q "condis .* on $(uname -r)" /sys/kernel/debug/condis/version; then
		result pass debugfs
	else
		result fail debugfs "/sys/kernel/debug/condis/version missing or wrong"
	fi
	if rmmod condis && [ ! -e /sys/kernel/debug/condis ]; then
		result pass unload
	else
		result fail unload "rmmod failed or left debugfs entries behind"
	fi
else
	result fail load "insmod condis.ko failed on $(uname -r)"
fi
kmsg_mark "end smoke"

run_itests "$test" 'conic_*' 'ndis_*' 'ndis5_*' 'nl_*'

unload_all
kmsg_mark "end stock-job"
taint_check
dump_dmesg
