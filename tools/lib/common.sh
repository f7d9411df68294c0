# SPDX-License-Identifier: GPL-2.0
# Helpers shared by the condis harness scripts (sourced, never executed).
#
# Paths: CONDIS_TOP is the checkout, CONDIS_CACHE the per-machine cache that
# survives across checkouts (debug kernel, probe results), CONDIS_BUILD the
# per-checkout scratch directory (module builds, initramfs, VM logs).

CONDIS_TOP=${CONDIS_TOP:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
CONDIS_CACHE=${CONDIS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/condis}
CONDIS_BUILD=${CONDIS_BUILD:-$CONDIS_TOP/build}
export CONDIS_TOP CONDIS_CACHE CONDIS_BUILD

# The kernel series the project targets; the exact release is found at run time.
CONDIS_STOCK_SERIES=${CONDIS_STOCK_SERIES:-6.12}
CONDIS_OLD_SERIES=${CONDIS_OLD_SERIES:-6.1}

msg() { printf '%s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Newest installed Debian amd64 headers of a kernel series, e.g. "6.12".
# Prints the release string (e.g. 6.12.117+deb12-amd64) or nothing.
headers_release() {
	local series=$1 d best=
	for d in /usr/src/linux-headers-"$series".*-amd64 /usr/src/linux-headers-"$series"-*-amd64; do
		[ -f "$d/Makefile" ] || continue
		best=$(printf '%s\n%s\n' "$best" "${d#/usr/src/linux-headers-}" | sed '/^$/d' | sort -V | tail -n 1)
	done
	printf '%s' "$best"
}

# Directory of the stock headers of a series (KDIR for out-of-tree builds).
headers_dir() {
	local rel
	rel=$(headers_release "$1")
	[ -n "$rel" ] || return 1
	printf '/usr/src/linux-headers-%s' "$rel"
}

# The stock kernel image matching the newest installed headers of a series.
stock_image() {
	local rel
	rel=$(headers_release "$1")
	[ -n "$rel" ] && [ -f "/boot/vmlinuz-$rel" ] || return 1
	printf '/boot/vmlinuz-%s' "$rel"
}

build_jobs() { echo $(($(nproc) + 1)); }
