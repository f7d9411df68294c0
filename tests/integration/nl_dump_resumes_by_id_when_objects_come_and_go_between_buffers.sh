# SPDX-License-Identifier: GPL-2.0
# A dump resumes after the id of the last object it put, not at a position:
# objects removed from, or added before, the part a dump's first buffer
# covered make it neither skip nor repeat an object that stays.  150 SAPs
# on conic1 need several buffers; nlfuzz churn (tools/condis/churn.c) sends
# the SAP dump, which fills the first buffer at once, then runs a command
# that changes the SAPs, then reads the rest, and checks that every SAP
# there before and after is in the dump exactly once.
. /condis/tests/guest/lib.sh
. /condis/tests/guest/conic.sh
. /condis/tests/guest/tool.sh

N=150
conic_load
t port add 0
t port add 1
t port link 0 peer 1
wait_link 1
i=0
while [ $i -lt $N ]; do
	t client listen conic1 "s$i"
	i=$((i + 1))
done
[ "$(condis sap show | grep -c .)" = $N ] || fail "not $N SAPs: $(condis sap show | grep -c .)"

churn() {
	local out rc
	out=$(nlfuzz churn --between "$1" sap-get)
	rc=$?
	echo "$out"
	[ $rc = 0 ] || fail "nlfuzz churn --between '$1': exit status $rc"
}

# Ten SAPs of the first buffer go: the later ones would move up ten places.
churn 'for i in 0 1 2 3 4 5 6 7 8 9; do condis client unlisten conic1 s$i || exit 1; done'
[ "$(condis sap show | grep -c .)" = $((N - 10)) ] || fail "the ten SAPs are not gone"

# Ten SAPs come on conic0, whose AF the walk meets before conic1's: the
# SAPs of conic1 would move down ten places.
churn 'for i in 0 1 2 3 4 5 6 7 8 9; do condis client listen conic0 n$i || exit 1; done'
[ "$(condis sap show | grep -c .)" = $N ] || fail "the ten new SAPs are not there"

# Both at once, with the removals inside what the first buffer covered.
churn 'for i in 10 11 12 13 14; do condis client unlisten conic1 s$i || exit 1; done;
	for i in 10 11 12 13 14; do condis client listen conic0 n$i || exit 1; done'

t port del 0
t port del 1
echo "the SAP dump resumed by id through removals and additions between its buffers"
exit 0
