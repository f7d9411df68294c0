# SPDX-License-Identifier: GPL-2.0
# Smoke test on Debian's stock kernel, the kernel users run: load condis,
# exercise what it has, unload it.
. /condis/tests/guest/lib.sh
boot_check

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
dump_dmesg
