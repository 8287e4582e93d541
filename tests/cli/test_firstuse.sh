#!/bin/sh
# SPDX-License-Identifier: ISC
# First use and the plan's zone (issue 15): on a server whose clock says
# UTC a new plan gets no zone; commands that need one refuse naming
# `rooster init --timezone`, the others work; `init --timezone` on a plan
# that holds events keeps every local wall-clock time, logged and
# undoable; e-mail addresses are unique in the plan, whatever their case.
. "$(dirname "$0")/../lib.sh"

# lib.sh runs with TZ=UTC: the system says UTC.
ok_run "volunteer add needs no zone" volunteer add "Ana" --email ana@example.org
check "no zone stored" [ -z "$(sqlite3 "$DB" "SELECT value FROM settings WHERE key = 'time_zone'")" ]
refused "event add names init --timezone" 1 \
    "no time zone yet.*rooster init --timezone Europe/Amsterdam" \
    event add Taalcafé --start "2027-01-05 18:00" --end "2027-01-05 20:00"
refused "who names init --timezone" 1 "rooster init --timezone" who
ok_run "volunteer list works" volunteer list
ok_run "init sets the zone" init --timezone Europe/Amsterdam --name "Samen Thuis"
ok_run "then event add works" event add Taalcafé --start "2027-01-05 18:00" --end "2027-01-05 20:00"

# A system zone that is not UTC is taken.
DB2="$TESTDIR/local.db"
TZ=Europe/Brussels "$ROOSTER" --db "$DB2" event add X --start "2027-01-05 18:00" --end "2027-01-05 19:00" > /dev/null 2>&1
check "a non-UTC system zone is taken" [ "$(sqlite3 "$DB2" "SELECT value FROM settings WHERE key = 'time_zone'")" = Europe/Brussels ]
# The demo brings its own zone.
"$ROOSTER" --db "$TESTDIR/demo.db" demo > /dev/null 2>&1
check "demo on a new plan works on a UTC server" [ "$(sqlite3 "$TESTDIR/demo.db" "SELECT value FROM settings WHERE key = 'time_zone'")" = Europe/Amsterdam ]

# init --timezone on a plan with events: local times kept.
r shift add 1 algemeen --start "2027-01-05 18:30" --end "2027-01-05 20:00"
r volunteer unavailable 1 --from "2027-01-06 09:00" --to "2027-01-06 17:00"
r assign 1 1 --force
ok_run "init --timezone on a plan with events" init --timezone America/New_York
r event list --from 2027-01-01 --format json
json "event keeps 18:00 local" 'j[0]["start"]=="2027-01-05T18:00:00-05:00" and j[0]["end"]=="2027-01-05T20:00:00-05:00"'
r shift list 1 --format json
json "shift keeps 18:30 local" 'j[0]["start"]=="2027-01-05T18:30:00-05:00"'
check "unavailable period keeps 09:00 local" [ "$(sqlite3 "$DB" 'SELECT start_at FROM unavailable')" = "$(date -d '2027-01-06 09:00 EST' +%s)" ]
r event show 1 --format json
json "event SEQUENCE grew" 'j["sequence"]>=1'
r log --limit 1 --format json
json "zone change logged" 'j[0]["action"]=="timezone" and "Europe/Amsterdam -> America/New_York" in j[0]["summary"]'
ok_run "undo the zone change" undo
r event list --from 2027-01-01 --format json
json "undo: times and zone back" 'j[0]["start"]=="2027-01-05T18:00:00+01:00"'
check "undo: zone setting back" [ "$(sqlite3 "$DB" "SELECT value FROM settings WHERE key = 'time_zone'")" = Europe/Amsterdam ]

# E-mail addresses are unique, whatever their case.
refused "volunteer add: a taken e-mail" 1 "ana@example.org|ANA@Example.org" \
    volunteer add "Ana Twee" --email ANA@Example.org
r volunteer add "Bo" --email bo@example.org
refused "volunteer edit: a taken e-mail" 1 "already volunteer 1" \
    volunteer edit 2 --email Ana@Example.ORG
ok_run "volunteer edit keeps its own e-mail in another case" volunteer edit 1 --email ANA@example.org
printf 'name,email\nCas,cas@example.org\nCasper,CAS@Example.org\n' > "$TESTDIR/dup.csv"
before=$(dump)
r import csv "$TESTDIR/dup.csv"
check "import csv: one e-mail twice, any case, refused" [ "$RC" -ne 0 ]
has_err() { printf '%s' "$ERR" | grep -q -- "$1"; }
check "import csv: names the line" has_err "CAS@Example.org is also on line 2"
check "import csv: nothing imported" [ "$before" = "$(dump)" ]
printf 'name,email\nAnnie,Ana@EXAMPLE.org\n' > "$TESTDIR/known.csv"
ok_run "import csv: a known e-mail in another case updates, not adds" import csv "$TESTDIR/known.csv"
check "import csv: still one Ana e-mail" [ "$(sqlite3 "$DB" "SELECT count(*) FROM volunteers WHERE lower(email) = 'ana@example.org'")" = 1 ]
finish
