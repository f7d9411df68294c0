# SPDX-License-Identifier: GPL-2.0
# Benchmark job (tools/bench/run): load condis and run one benchmark of
# condis_bench.ko, then print its figures.  usage: bench.sh NAME [PARAMS...]
. /condis/tests/guest/lib.sh

name=${1:-sap_table}
[ $# -gt 0 ] && shift
echo "benchmark $name on $(uname -r), $(nproc) CPUs, $(awk '/MemTotal/ { print $2 / 1024 " MiB" }' /proc/meminfo)"
load_module cond/condis.ko || exit 1
dmesg -c >/dev/null
if ! load_module tests/bench/condis_bench.ko run="$name" "$@"; then
	dmesg | tail -n 20
	exit 1
fi
dmesg | sed -n 's/^.*condis-bench: //p'
rmmod condis_bench
rmmod condis
