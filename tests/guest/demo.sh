# SPDX-License-Identifier: GPL-2.0
# The `make run` demo, on Debian's stock kernel.  It grows with condis: for
# now condis.ko is loaded, inspected and unloaded; calls and data come with
# the CO NIC driver.
. /condis/tests/guest/lib.sh

say() {
	echo
	echo "== $*"
}

run() {
	echo "\$ $*"
	"$@" 2>&1 | sed 's/^/  /'
}

say "condis demo on $(uname -sr) ($(nproc) CPUs)"
say "Load the core module"
run insmod /condis/cond/condis.ko
run sh -c "grep ^condis /proc/modules"
say "What it tells about itself"
run cat /sys/kernel/debug/condis/version
run sh -c "dmesg | grep condis:"
say "Its live objects (none until drivers register) and its trace events"
run cat /sys/kernel/debug/condis/objects
run ls /sys/kernel/tracing/events/condis
say "Unload it"
run rmmod condis
if [ -e /sys/kernel/debug/condis ]; then
	echo "  debugfs directory left behind!"
	exit 1
fi
echo "  condis unloaded; its debugfs directory is gone"
say "Done"
