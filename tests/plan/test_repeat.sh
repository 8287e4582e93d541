#!/bin/sh
# SPDX-License-Identifier: ISC
# Repeating events: the weekly language café with COUNT=4 shows four
# occurrences in a four-week window, each staffed on its own, at 19:00
# local on both sides of the March clock change; one occurrence can be
# moved or cancelled, the series edited as a whole; shifts added to the
# series reach its later occurrences.
. "$(dirname "$0")/../lib.sh"

r init --timezone Europe/Amsterdam
# Tuesday 16 March 2027; clocks go forward on Sunday 28 March.
ok_run "add weekly café" event add "Taalcafé" --start "2027-03-16 19:00" \
    --end "2027-03-16 21:00" --repeat "FREQ=WEEKLY;COUNT=4" --languages ar
has "prints the first id" "1"
ok_run "list four weeks" --format json event list --from 2027-03-15 \
    --to 2027-04-11
json "four occurrences" "len(j) == 4"
json "19:00 local across the change" "[o['start'] for o in j] == \
['2027-03-16T19:00:00+01:00', '2027-03-23T19:00:00+01:00', \
'2027-03-30T19:00:00+02:00', '2027-04-06T19:00:00+02:00']"
json "each its own uid" "len(set(o['uid'] for o in j)) == 4"
check "rows in the database" test "$(sqlite3 "$DB" \
    'SELECT count(*) FROM events WHERE series_id = 1')" -eq 4
check "RECURRENCE-ID kept" test "$(sqlite3 "$DB" "SELECT count(*) FROM \
events WHERE occurrence_start = start_at")" -eq 4
check "the rule on the first only" test "$(sqlite3 "$DB" "SELECT \
group_concat(id) FROM events WHERE rrule IS NOT NULL")" = 1

ok_run "shift on the series" shift add 1 algemeen --needed 2
r --format json shift list
json "the template reaches every occurrence" "len(j) == 4 and \
[o['start'][11:16] for o in j] == ['19:00'] * 4"
ok_run "extra shift on one occurrence" shift add 3 tolk --needed 1
r --format json shift list 3
json "only there" "len(j) == 2"
r --format json shift list 2
json "not on the others" "len(j) == 1"

r volunteer add Ana --languages ar
r volunteer add Bo --languages ar
ok_run "staff the first" assign 1 1
ok_run "staff the third" assign 3 1
ok_run "Bo on the third" assign 3 2
r --format json gaps --from 2027-03-15 --to 2027-04-11
json "each occurrence staffed on its own" "[(o['event_id'], o['missing']) \
for o in j] == [(1, 1), (2, 2), (3, 1), (4, 2)]"
r --format json who --from 2027-03-30 --to 2027-03-30
json "who sees the occurrence" "sorted(o['volunteer'] for o in j) == \
['Ana', 'Bo']"

ok_run "move one occurrence" event edit 2 --start "2027-03-24 19:00" \
    --end "2027-03-24 21:00"
r --format json event show 2
json "moved, RECURRENCE-ID kept" "j['start'] == '2027-03-24T19:00:00+01:00' \
and j['occurrence_start'] == '2027-03-23T19:00:00+01:00' and \
j['series_id'] == 1"
json "its shift moved with it" "j['shifts'][0]['start'] == \
'2027-03-24T19:00:00+01:00'"
ok_run "cancel one occurrence" event cancel 4
r --format json event list --from 2027-03-15 --to 2027-04-11
json "still listed, marked" "[o['status'] for o in j] == ['confirmed', \
'confirmed', 'confirmed', 'cancelled']"
r --format json gaps --from 2027-03-15 --to 2027-04-11
json "a cancelled occurrence has no gaps" "4 not in [o['event_id'] for o \
in j]"
# Issue 15: one occurrence is deleted alone (see tests/plan/test_scope.sh).
# The first occurrence alone is deleted too (the next takes the rule; see
# tests/plan/test_scope_first.sh); undone here, as the steps below use it.
ok_run "the first occurrence alone is deleted" event delete 1
check "the next one holds the rule" [ "$(sqlite3 "$DB" "SELECT id || ' ' || rrule FROM events WHERE rrule IS NOT NULL")" = "2 FREQ=WEEKLY;COUNT=3" ]
ok_run "and undone" undo
check "the first holds the rule again" [ "$(sqlite3 "$DB" "SELECT id || ' ' || rrule FROM events WHERE rrule IS NOT NULL")" = "1 FREQ=WEEKLY;COUNT=4" ]
refused "an occurrence cannot get its own rule" 1 "one occurrence" \
    event edit 3 --repeat "FREQ=DAILY;COUNT=2"
refused "the rule cannot change" 1 "cannot change" \
    event edit 1 --repeat "FREQ=WEEKLY;COUNT=9"
refused "bad rule is bad input" 2 "cannot read repeat rule" \
    event add X --start "2027-03-16 19:00" --end "2027-03-16 21:00" \
    --repeat "FREQ=SOMETIMES"
refused "too many occurrences" 2 "more than 500" \
    event add X --start "2027-03-16 19:00" --end "2027-03-16 21:00" \
    --repeat "FREQ=DAILY;COUNT=900"

ok_run "edit all: an hour later, new place" event edit 3 --series \
    --start "2027-03-30 20:00" --end "2027-03-30 22:00" --location Bieb
r --format json event list --from 2027-03-15 --to 2027-04-11
json "every occurrence 20:00 local" "[o['start'][11:16] for o in j] == \
['20:00'] * 4 and [o['location'] for o in j] == ['Bieb'] * 4"
json "DST still right" "j[0]['start'].endswith('+01:00') and \
j[3]['start'].endswith('+02:00')"
r --format json shift list 1
json "shifts moved with them" "j[0]['start'] == '2027-03-16T20:00:00+01:00'"
ok_run "cancel the series" event cancel 1 --series
r --format json event list --from 2027-03-15 --to 2027-04-11
json "all cancelled" "set(o['status'] for o in j) == {'cancelled'}"
refused "cancel twice" 1 "already cancelled" event cancel 2 --series

ok_run "UNTIL" event add Walk --start "2027-10-19 19:00" \
    --end "2027-10-19 20:00" --repeat "FREQ=WEEKLY;UNTIL=20271103T000000Z"
r --format json event list --from 2027-10-01 --to 2027-11-30
json "three walks, 19:00 local across October's change" "[o['start'] for \
o in j] == ['2027-10-19T19:00:00+02:00', '2027-10-26T19:00:00+02:00', \
'2027-11-02T19:00:00+01:00']"
r event add Solo --start "2027-12-01 10:00" --end "2027-12-01 11:00"
refused "--series on a plain event" 1 "does not repeat" \
    event edit "$OUT" --series --title Y
refused "cancel --series on a plain event" 1 "does not repeat" \
    event cancel 8 --series
ok_run "delete the series" event delete 1 --series
check "every occurrence gone, with shifts" test "$(sqlite3 "$DB" \
    'SELECT count(*) FROM events WHERE series_id = 1 OR id <= 4')" -eq 0
check "no shift left of it" test "$(sqlite3 "$DB" \
    'SELECT count(*) FROM shifts WHERE event_id <= 4')" -eq 0

# A plain event given a rule becomes the first of a series; its shifts
# are copied onto the new occurrences.
r shift add 8 algemeen --needed 2
ok_run "plain event gets a rule" event edit 8 --repeat "FREQ=DAILY;COUNT=3"
r --format json event list --from 2027-12-01 --to 2027-12-31
json "three days" "[o['start'][:10] for o in j] == ['2027-12-01', \
'2027-12-02', '2027-12-03']"
r --format json shift list --from 2027-12-01 --to 2027-12-31
json "each with the shift" "len(j) == 3 and all(o['needed'] == 2 for o in j)"
finish
