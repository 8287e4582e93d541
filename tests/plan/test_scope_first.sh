#!/bin/sh
# SPDX-License-Identifier: ISC
# Series scope (issue 15): the first occurrence of a repeating event is
# deleted alone like any other. The next one left takes the rule (its
# COUNT less the occurrences before it), the series' UID and a higher
# SEQUENCE, so a calendar (python3-icalendar here, libical through
# `import ics`) sees the same series starting later; undo puts it back.
. "$(dirname "$0")/../lib.sh"
CHECK="/usr/bin/python3 $(cd "$(dirname "$0")/.." && pwd)/ics/icscheck.py"

r init --timezone Europe/Amsterdam
r event add Overleg --start "2027-01-05 19:00" --end "2027-01-05 21:00" \
    --repeat "FREQ=WEEKLY;COUNT=5"
uid=$(sqlite3 "$DB" "SELECT uid FROM events WHERE id = 1")
ok_run "delete the third alone" event delete 3
r export ics -o "$TESTDIR/before.ics"
ok_run "delete the first alone" event delete 1
r event list --from 2027-01-01 --format json
json "the others stay" '[e["id"] for e in j]==[2,4,5]'
check "the second holds the rule, COUNT less one" \
    [ "$(sqlite3 "$DB" "SELECT id || ' ' || series_id || ' ' || rrule FROM events WHERE rrule IS NOT NULL")" = "2 2 FREQ=WEEKLY;COUNT=4" ]
check "every occurrence points at it" \
    [ "$(sqlite3 "$DB" "SELECT group_concat(DISTINCT series_id) FROM events")" = 2 ]
check "it has the series' UID" \
    [ "$(sqlite3 "$DB" "SELECT uid FROM events WHERE id = 2")" = "$uid" ]

# The export: one series, the same UID, starting on the 12th, the 19th
# still left out, a newer SEQUENCE.
ok_run "export ics" export ics -o "$TESTDIR/after.ics"
$CHECK cal "$TESTDIR/after.ics" > "$TESTDIR/after.txt"
check "python3-icalendar: one VEVENT, the series' UID, from the 12th, SEQUENCE 1" \
    grep -q "^EVENT uid=$uid start=2027-01-12T18:00Z end=2027-01-12T20:00Z seq=1 " "$TESTDIR/after.txt"
check "one VEVENT only" [ "$(grep -c '^EVENT' "$TESTDIR/after.txt")" = 1 ]
check "its rule: four from the 12th" grep -q "^RRULE FREQ=WEEKLY;COUNT=4" "$TESTDIR/after.txt"
check "the deleted 19th stays an EXDATE" \
    grep -q "^EXDATE;TZID=Europe/Amsterdam:20270119T190000" "$TESTDIR/after.ics"
$CHECK expand "$TESTDIR/after.ics" 10 > "$TESTDIR/expand.txt"
check "the rule gives the 12th to 2 Feb (the 19th excluded above)" \
    [ "$(awk '{print $3}' "$TESTDIR/expand.txt" | tr '\n' ' ')" = "2027-01-12T18:00Z 2027-01-19T18:00Z 2027-01-26T18:00Z 2027-02-02T18:00Z " ]
# libical, through rooster's own reader, into a fresh plan.
"$ROOSTER" --db "$TESTDIR/other.db" init --timezone Europe/Amsterdam > /dev/null
"$ROOSTER" --db "$TESTDIR/other.db" import ics "$TESTDIR/after.ics" > /dev/null 2>&1
check "libical: the 12th, 26th and 2 Feb, not the 5th or 19th" \
    [ "$(sqlite3 "$TESTDIR/other.db" "SELECT group_concat(date(start_at, 'unixepoch')) FROM (SELECT start_at FROM events WHERE status != 'cancelled' ORDER BY start_at)")" = "2027-01-12,2027-01-26,2027-02-02" ]

ok_run "undo" undo
check "the first is back with the rule" \
    [ "$(sqlite3 "$DB" "SELECT id || ' ' || uid || ' ' || rrule FROM events WHERE rrule IS NOT NULL")" = "1 $uid FREQ=WEEKLY;COUNT=5" ]
check "every occurrence points at it again" \
    [ "$(sqlite3 "$DB" "SELECT group_concat(DISTINCT series_id) FROM events")" = 1 ]

# Deleted one by one, the last occurrence takes the series with it.
ok_run "first again" event delete 1
ok_run "then the new first" event delete 2
ok_run "then the next" event delete 4
check "the last one holds a rule of one" \
    [ "$(sqlite3 "$DB" "SELECT id || ' ' || rrule FROM events")" = "5 FREQ=WEEKLY;COUNT=1" ]
ok_run "and the last" event delete 5
check "no occurrence left" [ "$(sqlite3 "$DB" "SELECT count(*) FROM events")" = 0 ]

# An open-ended rule keeps none; the shifts and people of the others stay.
r event add Taalcafé --start "2027-03-02 18:00" --end "2027-03-02 20:00" --repeat "FREQ=WEEKLY;UNTIL=20270323T235959Z"
first=$OUT
r shift add "$first" algemeen --needed 2
r volunteer add Ana
second=$(sqlite3 "$DB" "SELECT id FROM events WHERE series_id = $first AND id != $first ORDER BY occurrence_start LIMIT 1")
r assign "$(sqlite3 "$DB" "SELECT id FROM shifts WHERE event_id = $second")" ana
ok_run "delete the first of a series with shifts" event delete "$first"
check "UNTIL unchanged" [ "$(sqlite3 "$DB" "SELECT rrule FROM events WHERE id = $second")" = "FREQ=WEEKLY;UNTIL=20270323T235959Z" ]
r shift show "$(sqlite3 "$DB" "SELECT id FROM shifts WHERE event_id = $second")" --format json
json "Ana still on the second's shift" '[a["volunteer"] for a in j["assignments"]]==["Ana"]'
finish
