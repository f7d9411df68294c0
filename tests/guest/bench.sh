# SPDX-License-Identifier: GPL-2.0
# Benchmark job (tools/bench/run): load condis and run one benchmark of
# condis_bench.ko, then print its figures.  usage: bench.sh NAME [PARAMS...]
. /condis/tests/guest/lib.sh

name=${1:-sap_table}
[ $# -gt 0 ] && shift
echo "benchmark $name on $(uname -r), $(nproc) CPUs, $(awk '/MemTotal/ { print $2 / 1024 " MiB" }' /proc/meminfo)"
if [ "$name" = callrate ]; then
	# Calls set up and torn down over a back-to-back wire between two MCM
	# ports, with 1 and 4 callers, with 0 and then 100 000 other SAPs in
	# the called side's table.  The VM is thrown away afterwards.
	. /condis/tests/guest/conic.sh
	conic_load
	port 0 mcm
	port 1 mcm
	wire 0 1
	ctl listen conic1 bench
	calls=${1:-400}
	for others in 0 100000; do
		if [ $others -gt 0 ]; then
			echo "registering $others other SAPs on conic1"
			ctl listen_many conic1 other $others
		fi
		for callers in 1 4; do
			ctl bench conic0 bench $calls $callers
			echo "other_saps=$others $(cat $DEBUGFS/coecho/bench)"
		done
	done
	exit 0
fi
load_module cond/condis.ko || exit 1
dmesg -c >/dev/null
if ! load_module tests/bench/condis_bench.ko run="$name" "$@"; then
	dmesg | tail -n 20
	exit 1
fi
dmesg | sed -n 's/^.*condis-bench: //p'
rmmod condis_bench
rmmod condis
