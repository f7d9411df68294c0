# SPDX-License-Identifier: GPL-2.0
# Helpers for the jobs that run inside the test VM (busybox sh).  Sourced.
#
# Everything a job prints goes to the host's output.log.  Lines starting
# with "### " carry results; tools/check/results reads them:
#   ### RESULT pass|fail|skip NAME [# why]
#   ### KTAP-BEGIN SUITE ... ### KTAP-END SUITE      (one KUnit suite's KTAP)
#   ### KMEMLEAK-BEGIN ... ### KMEMLEAK-END          (kmemleak's report)
#   ### DMESG-BEGIN ... ### DMESG-END                (the whole kernel log)
# Kernel-log markers ("condis-harness: begin NAME") let the host attribute a
# kernel report on the console to the test that was running.

DEBUGFS=/sys/kernel/debug
KMEMLEAK=$DEBUGFS/kmemleak

result() {
	# result pass|fail|skip NAME [why...]
	local verdict=$1 name=$2
	shift 2
	if [ $# -gt 0 ]; then
		echo "### RESULT $verdict $name # $*"
	else
		echo "### RESULT $verdict $name"
	fi
}

# First thing every job does: say whether the kernel was already tainted
# by a report during boot (which also switches lockdep off).  The host
# boots again when it was: such a report is the kernel's, not condis's,
# and a run without lockdep would prove nothing.
boot_check() {
	echo "### BOOT tainted=$(cat /proc/sys/kernel/tainted)"
}

# Last thing before the kernel log: the taint flags now.  A flag a kernel
# report sets (W: a WARN, D: an oops, B: a bad page, L: a soft lockup) that
# was not set at boot fails the console result (tools/check/results), even
# if the report's lines never reached the console.
taint_check() {
	echo "### TAINT tainted=$(cat /proc/sys/kernel/tainted)"
}

kmsg_mark() {
	# Printed at KERN_WARNING so it reaches the console at loglevel=5.
	echo "<4>condis-harness: $*" >/dev/kmsg
}

kmemleak_clear() {
	[ -w "$KMEMLEAK" ] && echo clear >"$KMEMLEAK"
}

# Scan for leaks and report them.  kmemleak ignores objects younger than
# five seconds, so wait that long first; two scans settle stray pointers.
kmemleak_check() {
	local report
	if [ ! -w "$KMEMLEAK" ]; then
		result skip kmemleak "kmemleak is not enabled in this kernel"
		return 0
	fi
	sleep 6
	echo scan >"$KMEMLEAK"
	echo scan >"$KMEMLEAK"
	report=$(cat "$KMEMLEAK")
	if [ -n "$report" ]; then
		echo "### KMEMLEAK-BEGIN"
		echo "$report"
		echo "### KMEMLEAK-END"
		result fail kmemleak "unreferenced objects after every module was unloaded"
	else
		result pass kmemleak
	fi
}

dump_dmesg() {
	echo "### DMESG-BEGIN"
	dmesg
	echo "### DMESG-END"
}

# Load a module from the module tree: load_module cond/condis.ko [params]
load_module() {
	local ko=$1
	shift
	insmod "/condis/$ko" "$@"
}

# Unload every condis module still loaded, newest first.
unload_all() {
	local m
	for m in $(awk '/^(condis|coecho|cocm|conic|cosig|ndis)/ { print $1 }' /proc/modules); do
		rmmod "$m" || echo "rmmod $m failed"
	done
}

# Run one integration test script in a subshell and record its verdict.
# Exit status 0 is a pass, 4 a skip, anything else a failure.  A failure's
# result carries the test's first "FAIL: why" line, so the summary that CI
# keeps says why without the full log.
run_itest() {
	local path=$1 name rc why
	name=$(basename "$path" .sh)
	kmsg_mark "begin itest $name"
	echo "# itest $name"
	# The output streams as it comes (a hang still shows how far it got).
	{ (cd /condis && sh "$path") 2>&1; echo $? >/tmp/itest.rc; } | tee /tmp/itest.out
	rc=$(cat /tmp/itest.rc)
	kmsg_mark "end itest $name"
	case $rc in
	0) result pass "itest.$name" ;;
	4) result skip "itest.$name" "the test skipped itself" ;;
	*)
		why=$(sed -n 's/^FAIL: //p' /tmp/itest.out | head -n 1)
		result fail "itest.$name" "exit status $rc${why:+: $why}"
		;;
	esac
}

# run_itests TEST GLOB...: every integration test whose name matches a
# GLOB (tests/integration/GLOB.sh) and, if TEST is not empty, the shell
# pattern TEST (a name, or e.g. 'ndis5_*'); each is a result, and what it
# left loaded is unloaded after it.
run_itests() {
	local test=$1 glob t
	shift
	for glob in "$@"; do
		for t in /condis/tests/integration/$glob.sh; do
			[ -f "$t" ] || continue
			# shellcheck disable=SC2254 # TEST is a pattern
			case $(basename "$t" .sh) in
			${test:-*}) ;;
			*) continue ;;
			esac
			run_itest "$t"
			unload_all
		done
	done
}

# Load the KUnit module and print the KTAP of every suite it registered.
# $1: module path, $2: optional suite glob (KUnit's filter_glob).
# KUNIT_SUITES_RAN counts the suites run, for kunit_check_ran.
KUNIT_SUITES_RAN=0
run_kunit_module() {
	local ko=$1 glob=$2 before suite ran
	if [ ! -d "$DEBUGFS/kunit" ]; then
		result fail "kunit" "no $DEBUGFS/kunit: kernel without KUNIT_DEBUGFS"
		return 1
	fi
	# No newline: KUnit would make it part of the glob.
	[ -n "$glob" ] && printf '%s' "$glob" >/sys/module/kunit/parameters/filter_glob
	before=$(ls "$DEBUGFS/kunit")
	kmsg_mark "begin kunit $(basename "$ko")"
	if ! load_module "$ko"; then
		result fail "kunit.load" "insmod $ko failed"
		return 1
	fi
	kmsg_mark "end kunit $(basename "$ko")"
	ran=0
	for suite in $(ls "$DEBUGFS/kunit"); do
		echo "$before" | grep -qx "$suite" && continue
		echo "### KTAP-BEGIN $suite"
		cat "$DEBUGFS/kunit/$suite/results"
		echo "### KTAP-END $suite"
		ran=$((ran + 1))
	done
	rmmod "$(basename "$ko" .ko)"
	[ -n "$glob" ] && printf '*' >/sys/module/kunit/parameters/filter_glob
	KUNIT_SUITES_RAN=$((KUNIT_SUITES_RAN + ran))
	# Without a filter every module must run its suites.
	if [ $ran = 0 ] && [ -z "$glob" ]; then
		result fail "kunit.suites" "$(basename "$ko") ran no KUnit suite"
		return 1
	fi
	return 0
}

# After every KUnit module: a run that tested nothing must not look like a
# pass.  $1: the suite glob, if any.
kunit_check_ran() {
	[ "$KUNIT_SUITES_RAN" -gt 0 ] ||
		result fail "kunit.suites" "no KUnit suite ran${1:+ (filter '$1')}"
}

# now_ms: milliseconds since boot
now_ms() {
	awk '{ printf "%d\n", $1 * 1000 }' /proc/uptime
}

# timed_rmmod MODULE: unload it; fail (the sourcing test's fail) if that
# took 15 s or more (Documentation/core.rst: one 10 s teardown budget per
# departure).  The longest so far is kept in $RMMOD_LONGEST (ms).
RMMOD_LONGEST=0
timed_rmmod() {
	local t0 ms
	t0=$(now_ms)
	rmmod "$1" || fail "rmmod $1"
	ms=$(($(now_ms) - t0))
	echo "rmmod $1: $ms ms"
	[ "$ms" -lt 15000 ] || fail "rmmod $1 took $ms ms"
	[ "$ms" -gt "$RMMOD_LONGEST" ] && RMMOD_LONGEST=$ms
	return 0
}
