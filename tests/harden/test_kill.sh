#!/bin/sh
# SPDX-License-Identifier: ISC
# kill -9 in the middle of a long import: the plan holds all of it or none
# of it, passes integrity_check, and the next change works. (When the kill
# lands is not asserted; either outcome must be whole.)
. "$(dirname "$0")/../lib.sh"

N=20000
r init --timezone Europe/Amsterdam
r volunteer add Before
awk -v n="$N" 'BEGIN { print "name,email,phone,notes";
    for (i = 0; i < n; i++)
	printf "Person %d,p%d@example.org,+31 6 %08d,notes %d\n", i, i, i, i }' \
    > "$TESTDIR/big.csv"
"$ROOSTER" --db "$DB" import csv "$TESTDIR/big.csv" > /dev/null 2>&1 &
pid=$!
sleep 1
kill -9 "$pid" 2> /dev/null
wait "$pid" 2> /dev/null
count=$(sqlite3 "$DB" "SELECT count(*) FROM volunteers WHERE name LIKE 'Person %'")
check "killed import: all or nothing (found $count of $N)" \
    [ "$count" -eq 0 -o "$count" -eq "$N" ]
check "killed import: integrity_check ok" \
    [ "$(sqlite3 "$DB" 'PRAGMA integrity_check')" = ok ]
check "killed import: what was there before is there" \
    [ "$(sqlite3 "$DB" "SELECT count(*) FROM volunteers WHERE name = 'Before'")" -eq 1 ]
pending=$(sqlite3 "$DB" "SELECT count(*) FROM change_rows WHERE change_id IS NULL")
check "killed import: no half-written history" [ "$pending" -eq 0 ]
ok_run "after the kill the next change works" volunteer add After
finish
