#!/bin/sh
# SPDX-License-Identifier: ISC
# Several coordinators at once: four processes each add 500 volunteers
# through the command line at the same time, and none is lost or refused;
# a fifth reads all the while and never fails either, and a backup taken
# meanwhile is one consistent moment.
. "$(dirname "$0")/../lib.sh"

# 500 each; under the sanitizers (five times slower) 150, to stay near 30 s:
# that pass looks for memory errors, the normal one for lost changes.
case "$ROOSTER" in
*/build-san/*) N=${STRESS_N:-150} ;;
*) N=${STRESS_N:-500} ;;
esac
r init --timezone Europe/Amsterdam
for p in 1 2 3 4; do
	(
		i=0
		while [ "$i" -lt "$N" ]; do
			"$ROOSTER" --db "$DB" volunteer add "P$p-$i" \
			    > /dev/null 2>> "$TESTDIR/err.$p" ||
			    echo "exit $? at $i" >> "$TESTDIR/err.$p"
			i=$((i + 1))
		done
	) &
done
(
	i=0
	while [ "$i" -lt $((N / 5)) ]; do
		"$ROOSTER" --db "$DB" volunteer list --search P1 > /dev/null \
		    2>> "$TESTDIR/err.reader" ||
		    echo "reader exit $? at $i" >> "$TESTDIR/err.reader"
		i=$((i + 1))
	done
) &
# A backup while they all work: consistent, and nobody waits for it long.
sleep 1
"$ROOSTER" --db "$DB" backup "$TESTDIR/during.db" > /dev/null 2>> "$TESTDIR/err.backup" ||
    echo "backup failed" >> "$TESTDIR/err.backup"
wait
errors=$(cat "$TESTDIR"/err.* 2>/dev/null)
check "stress: 4 x $N changes, no process saw an error" [ -z "$errors" ]
[ -n "$errors" ] && printf '%s\n' "$errors" | head -5
count=$(sqlite3 "$DB" "SELECT count(*) FROM volunteers")
check "stress: all $((4 * N)) volunteers are there (found $count)" \
    [ "$count" -eq $((4 * N)) ]
logged=$(sqlite3 "$DB" "SELECT count(*) FROM change_log WHERE action = 'volunteer add'")
check "stress: every change is logged (found $logged)" \
    [ "$logged" -eq $((4 * N)) ]
check "stress: integrity_check ok" \
    [ "$(sqlite3 "$DB" 'PRAGMA integrity_check')" = ok ]
check "stress: the backup taken meanwhile passes integrity_check" \
    [ "$(sqlite3 "$TESTDIR/during.db" 'PRAGMA integrity_check')" = ok ]
during=$(sqlite3 "$TESTDIR/during.db" "SELECT count(*) FROM volunteers")
logged_during=$(sqlite3 "$TESTDIR/during.db" "SELECT count(*) FROM change_log WHERE action = 'volunteer add'")
check "stress: the backup is one moment ($during volunteers, as many logged)" \
    [ "$during" -eq "$logged_during" ]

finish
