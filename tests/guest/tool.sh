# SPDX-License-Identifier: GPL-2.0
# Helpers for the tests of the condis tool (tools/condis) and its netlink
# family.  Sourced after lib.sh and conic.sh.  tools/check/check builds the
# tool and nlfuzz and tools/vm/run (--bin) puts them in the guest's PATH.

OBJECTS=$DEBUGFS/condis/objects
TERR=/tmp/condis-tool.err

command -v condis >/dev/null && command -v nlfuzz >/dev/null ||
	fail "condis or nlfuzz is not in the guest's PATH (the check's \"tool\" stage builds them)"

# t ARGS...: run condis, which must succeed and print nothing
t() {
	local out

	out=$(condis "$@" 2>$TERR) || fail "condis $*: exit status $?: $(cat $TERR)"
	[ -z "$out" ] || fail "condis $*: printed '$out'"
}

# tout ARGS...: run condis, which must succeed; print its output
tout() {
	condis "$@" 2>$TERR || fail "condis $*: exit status $?: $(cat $TERR)"
}

# t_err STATUS MESSAGE ARGS...: condis must exit with STATUS, print nothing
# on stdout and exactly MESSAGE (one line) on stderr
t_err() {
	local want=$1 msg=$2 out rc
	shift 2
	out=$(condis "$@" 2>$TERR)
	rc=$?
	[ "$rc" = "$want" ] || fail "condis $*: exit status $rc, not $want ($(cat $TERR))"
	[ -z "$out" ] || fail "condis $*: printed '$out' on stdout"
	[ "$(cat $TERR)" = "$msg" ] ||
		fail "condis $*: said '$(cat $TERR)', not '$msg'"
}

# kv KEY: the value of KEY in the "key value ..." line(s) on stdin
kv() {
	awk -v k="$1" '{ for (i = 1; i < NF; i += 2) if ($i == k) { print $(i + 1); next } }'
}

# line KIND ID: the tool's line for one object ("show KIND")
line() {
	condis "$1" show | awk -v id="$2" '$2 == id'
}

# val KIND ID KEY: one value of one object
val() {
	line "$1" "$2" | kv "$3"
}

# as_nobody COMMAND: run a shell command as user nobody, without capabilities
as_nobody() {
	su nobody -s /bin/sh -c "$*"
}

# wait_link PORT: wait until a conic port's link is up
wait_link() {
	wait_for "grep -q link=up $DEBUGFS/conic/conic$1/state" || fail "conic$1: link not up"
}

# retry TENTHS COMMAND...: run COMMAND (a shell function too) until it
# succeeds, at most TENTHS tenths of a second
retry() {
	local n=0 max=$1
	shift
	until "$@" 2>/dev/null; do
		n=$((n + 1))
		[ $n -gt "$max" ] && return 1
		sleep 0.1
	done
}

# rx_is CALL N: client call CALL has received N packets
rx_is() {
	[ "$(val client "$1" rx-packets)" = "$2" ]
}

# wait_rx CALL N: wait until client call CALL received N packets, all intact
wait_rx() {
	retry 100 rx_is "$1" "$2" || fail "call $1 did not receive $2 packets: $(line client "$1")"
	[ "$(val client "$1" rx-bad)" = 0 ] || fail "call $1: corrupted packets"
}

# debugfs_canon KIND: the objects of KIND (adapter, binding, af, sap, vc,
# call, party) in the debugfs objects file, in its order, written as
# "condis KIND show" writes them, with every key debugfs has: all but the
# VCs' multipoint flag.  Counts the tool gets from the kernel (bindings and
# cm-afs of an adapter, parties of a VC) are counted in the tree.
debugfs_canon() {
	awk -v want="$1" '
	function v(s, a) { split(s, a, "="); return a[2] }
	{ sub(/^ +/, ""); sig = 0 }
	$1 == "signalling" { sub(/^signalling +/, ""); sig = 1 }
	$1 == "miniport" { mp = $3; mcm = $4 == "mcm" ? "yes" : "no"; next }
	$1 == "adapter" {
		kind[++n] = "adapter"; ad = $2; adname = $3; adrec = n
		head[n] = "adapter " $2 " name " $3 " miniport " mp " mcm " mcm \
			  " dying " ($4 == "dying" ? "yes" : "no")
		nbind[n] = 0; ncmaf[n] = 0
		next
	}
	$1 == "binding" {
		kind[++n] = "binding"; nbind[adrec]++; proto[n] = v($3); afs[n] = v($4)
		head[n] = "binding " $2 " adapter-id " ad " adapter " adname " protocol " v($3)
		next
	}
	$1 == "cm-af" { cmaf = $2; fam = v($3); cmby = v($4); ncmaf[adrec]++; next }
	$1 == "af" {
		kind[++n] = "af"; af = $2
		head[n] = "af " $2 " adapter-id " ad " adapter " adname " cm-af " cmaf \
			  " family " fam " client " v($3) " cm " cmby " state " v($4) \
			  " saps " v($5) " vcs " v($6)
		next
	}
	$1 == "sap" {
		kind[++n] = "sap"; addr = v($5)
		if (addr == "")
			addr = "\"\""
		head[n] = "sap " $2 " af " af " adapter " adname " type " v($3) " addr " addr \
			  " state " v($6)
		next
	}
	$1 == "vc" {
		kind[++n] = "vc"; vcrec = n; vcid = $2; call[n] = v($5); parties[n] = 0
		head[n] = "vc " $2 (sig ? "" : " af " af) " adapter-id " ad " adapter " adname \
			  " creator " v($3) " state " v($4) " call-state " v($5) \
			  " closed-by-network " ($6 == "closed-by-network" ? "yes" : "no")
		next
	}
	$1 == "tx" {
		tx[vcrec] = " tx-packets " v($2) " tx-bytes " v($3) " tx-errors " v($4) \
			    " tx-in-flight " v($5)
		next
	}
	$1 == "rx" { rx[vcrec] = " rx-packets " v($2) " rx-bytes " v($3) " rx-kept " v($4); next }
	$1 == "party" {
		kind[++n] = "party"; head[n] = "party " $2 " vc " vcid " state " v($3)
		if (v($3) != "gone")
			parties[vcrec]++
		next
	}
	$1 == "protocol" {
		pc[$3] = "no"; pm[$3] = "no"
		for (i = 4; i <= NF; i++) {
			if ($i == "client")
				pc[$3] = "yes"
			if ($i == "cm")
				pm[$3] = "yes"
		}
	}
	END {
		for (i = 1; i <= n; i++) {
			k = kind[i]
			if (k == "adapter")
				l = head[i] " bindings " nbind[i] " cm-afs " ncmaf[i]
			else if (k == "binding")
				l = head[i] " client " pc[proto[i]] " cm " pm[proto[i]] " afs " afs[i]
			else if (k == "vc")
				l = head[i] " parties " parties[i] tx[i] rx[i]
			else
				l = head[i]
			if (k == want || (want == "call" && k == "vc" && call[i] != "idle"))
				print l
		}
	}' "$OBJECTS"
}

# tool_canon KIND: "condis KIND show" with the keys debugfs_canon has
tool_canon() {
	condis "$1" show | sed 's/ multipoint \(yes\|no\)//'
}

# coecho_canon: coecho's debugfs "calls" file, written as "condis client
# show" writes the calls (its "any" rate 4294967295 is 0 on netlink, and
# its wildcard SAP "*" the empty name)
coecho_canon() {
	awk '
	function v(s, a) { split(s, a, "="); return a[2] }
	{
		rate = v($8) == 4294967295 ? 0 : v($8)
		sap = v($4) == "*" ? "\"\"" : v($4)
		print "call " v($1) " adapter " v($2) " sap-name " sap " outgoing " \
		      (v($3) == "out" ? "yes" : "no") " state " v($6) " parties " v($7) \
		      " rate " rate " tx-packets " v($9) " tx-done " v($10) " tx-errors " v($11) \
		      " rx-packets " v($12) " rx-bytes " v($13) " rx-bad " v($14) " echoed " v($15)
	}' "$CALLS"
}

# live_objects: the count on the last line of the debugfs objects file
live_objects() {
	sed -n 's/^live objects: //p' "$OBJECTS"
}

# all_dumps: every dump of the tool, plain and JSON, as one text
all_dumps() {
	local o
	for o in adapter binding af sap vc call party client; do
		echo "== $o"
		condis $o show 2>&1
		condis -j $o show 2>&1
	done
}
