#!/bin/sh
# SPDX-License-Identifier: ISC
# Where the plan lives and what happens to files that are not right:
# missing directory, read-only file, not SQLite, a newer schema.
. "$(dirname "$0")/../lib.sh"

sum() { sha256sum "$1" | cut -d' ' -f1; }

# Default location: created with its directory.
"$ROOSTER" init --name Default > /dev/null 2>&1
check "default plan under XDG_DATA_HOME" [ -f "$XDG_DATA_HOME/rooster/rooster.db" ]
check "default directory is 0700" [ "$(stat -c %a "$XDG_DATA_HOME/rooster")" = 700 ]
ROOSTER_DB="$TESTDIR/env.db" "$ROOSTER" volunteer add Env > /dev/null 2>&1
check "ROOSTER_DB is used" [ -f "$TESTDIR/env.db" ]

# --db in a directory that does not exist: an error, nothing created.
"$ROOSTER" --db "$TESTDIR/nope/plan.db" event list > /dev/null 2> "$TESTDIR/e"
rc=$?
check "missing directory: exit 1" [ "$rc" -eq 1 ]
check "missing directory: one line" [ "$(wc -l < "$TESTDIR/e")" -eq 1 ]
check "missing directory: says so" grep -q "does not exist" "$TESTDIR/e"
check "missing directory: not created" [ ! -e "$TESTDIR/nope" ]

# A global option after the command works too (a command that needs no
# zone: a new plan on this UTC system has none yet, issue 15).
"$ROOSTER" volunteer list --db "$TESTDIR/late.db" --format json > "$TESTDIR/o" 2>&1
check "global options after the command" [ "$(cat "$TESTDIR/o")" = "[]" ]

# Read-only plan: reads work, writes refused, file untouched.
r init --timezone Europe/Amsterdam
r event add X --start "2027-03-27 14:00" --end "2027-03-27 15:00"
# As root, file modes do not bind: read through an unprivileged user.
ro="$TESTDIR/ro"
mkdir -p "$ro"
cp "$DB" "$ro/plan.db"
chmod 0755 "$TESTDIR" "$ro"
chmod 0444 "$ro/plan.db"
as_user() {
	if [ "$(id -u)" -eq 0 ]; then runuser -u nobody -- "$@"; else "$@"; fi
}
before=$(sum "$ro/plan.db")
as_user "$ROOSTER" --db "$ro/plan.db" event list --from 2027-01-01 --format json > "$TESTDIR/o" 2> "$TESTDIR/e"
check "read-only: reading works" grep -q '"title": "X"' "$TESTDIR/o"
as_user "$ROOSTER" --db "$ro/plan.db" event add Y --start "2027-03-27 14:00" --end "2027-03-27 15:00" > /dev/null 2> "$TESTDIR/e"
rc=$?
check "read-only: write refused with exit 1" [ "$rc" -eq 1 ]
check "read-only: one clear line" [ "$(wc -l < "$TESTDIR/e")" -eq 1 ]
check "read-only: says read-only" grep -q "is read-only" "$TESTDIR/e"
check "read-only: file untouched" [ "$(sum "$ro/plan.db")" = "$before" ]

# Not an SQLite file.
printf 'hello, this is not a database\n' > "$TESTDIR/text.db"
before=$(sum "$TESTDIR/text.db")
"$ROOSTER" --db "$TESTDIR/text.db" event list > /dev/null 2> "$TESTDIR/e"
rc=$?
check "not SQLite: exit 1" [ "$rc" -eq 1 ]
check "not SQLite: one line" [ "$(wc -l < "$TESTDIR/e")" -eq 1 ]
check "not SQLite: says so" grep -q "not a rooster database" "$TESTDIR/e"
check "not SQLite: untouched" [ "$(sum "$TESTDIR/text.db")" = "$before" ]

# An SQLite file of another program.
sqlite3 "$TESTDIR/other.db" "create table t(x); insert into t values (1);"
before=$(sum "$TESTDIR/other.db")
"$ROOSTER" --db "$TESTDIR/other.db" event list > /dev/null 2> "$TESTDIR/e"
check "other SQLite file refused" grep -q "not a rooster plan" "$TESTDIR/e"
check "other SQLite file untouched" [ "$(sum "$TESTDIR/other.db")" = "$before" ]

# A plan from a newer rooster.
cp "$DB" "$TESTDIR/newer.db"
sqlite3 "$TESTDIR/newer.db" "PRAGMA user_version = 999;"
before=$(sum "$TESTDIR/newer.db")
"$ROOSTER" --db "$TESTDIR/newer.db" event list > /dev/null 2> "$TESTDIR/e"
rc=$?
check "newer schema: exit 1" [ "$rc" -eq 1 ]
check "newer schema: one clear line" grep -q "newer rooster (schema 999" "$TESTDIR/e"
check "newer schema: untouched" [ "$(sum "$TESTDIR/newer.db")" = "$before" ]

# No terminal: no command gives one line on stderr (not the whole command
# list, issue 15) and exit 2.
"$ROOSTER" --db "$DB" > "$TESTDIR/o" 2> "$TESTDIR/e" < /dev/null
rc=$?
check "no command without a terminal: exit 2" [ "$rc" -eq 2 ]
check "no command without a terminal: one line naming help" [ "$(cat "$TESTDIR/e")" = "rooster: no terminal for the screen; try 'rooster help' or a command" ]
check "no command without a terminal: nothing on stdout" [ ! -s "$TESTDIR/o" ]

# Help for each command comes from the table.
"$ROOSTER" help > "$TESTDIR/o"
check "help lists commands" grep -q "volunteer unavailable" "$TESTDIR/o"
"$ROOSTER" shift add --help > "$TESTDIR/o"
check "command --help" grep -q "usage: rooster shift add EVENT_ID ROLE" "$TESTDIR/o"
finish
