# SPDX-License-Identifier: GPL-2.0
# Harness self-test job: everything here misbehaves on purpose.  The host
# (tools/check/check) expects exactly these failures to be detected: one
# failed KUnit case, a lockdep report, a KASAN report, a WARN, a FORTIFY
# report, and the taint the last two leave.
. /condis/tests/guest/lib.sh
boot_check

kmemleak_clear
kmsg_mark "begin selftest"
run_kunit_module tests/harness/condis_harness_kunit.ko ""
for what in lockdep kasan warn fortify; do
	kmsg_mark "begin provoke-$what"
	load_module tests/harness/condis_harness_provoke.ko provoke=$what
	rmmod condis_harness_provoke
	kmsg_mark "end provoke-$what"
done
kmsg_mark "end selftest"
taint_check
dump_dmesg
