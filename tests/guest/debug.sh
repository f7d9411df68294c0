# SPDX-License-Identifier: GPL-2.0
# Job for the debug VM (KASAN, lockdep, kmemleak): every KUnit suite, then
# every integration test, then a kmemleak scan with all modules unloaded.
#
# usage: debug.sh [--only kunit|itest] [--suite GLOB] [--test NAME]
. /condis/tests/guest/lib.sh
boot_check

only= suite= test=
while [ $# -gt 0 ]; do
	case $1 in
	--only) only=$2; shift 2 ;;
	--suite) suite=$2; shift 2 ;;
	--test) test=$2; shift 2 ;;
	*) echo "debug.sh: unknown argument $1"; exit 2 ;;
	esac
done

kmemleak_clear
kmsg_mark "begin debug-job"

if [ "$only" != itest ]; then
	kmsg_mark "begin kunit (loading condis.ko)"
	if load_module cond/condis.ko; then
		# condis_kunit.ko's compat suite calls the NDIS library.
		load_module ndis/ndis.ko || result fail "ndis.load" "insmod ndis.ko failed"
		run_kunit_module tests/kunit/condis_kunit.ko "$suite"
		rmmod ndis || result fail "ndis.unload" "rmmod ndis failed after the KUnit suites"
		# The drivers' suites (built on 6.12 only).
		if [ -f drivers/cosig/cosig_kunit.ko ]; then
			if load_module drivers/cosig/cosig.ko; then
				run_kunit_module drivers/cosig/cosig_kunit.ko "$suite"
				if load_module drivers/conic/conic.ko; then
					run_kunit_module drivers/conic/conic_kunit.ko "$suite"
					rmmod conic || result fail "conic.unload" "rmmod conic failed"
				else
					result fail "conic.load" "insmod conic.ko failed"
				fi
				rmmod cosig || result fail "cosig.unload" "rmmod cosig failed"
			else
				result fail "cosig.load" "insmod cosig.ko failed"
			fi
		fi
		kunit_check_ran "$suite"
		rmmod condis || result fail "condis.unload" "rmmod condis failed after the KUnit suites"
	else
		result fail "condis.load" "insmod condis.ko failed"
	fi
fi

if [ "$only" != kunit ]; then
	run_itests "$test" '*'
fi

unload_all
kmsg_mark "end debug-job"
kmemleak_check
taint_check
dump_dmesg
