#!/bin/sh
# SPDX-License-Identifier: ISC
# What is typed for a field goes through its row in the entity's field
# table (model_field_set_value()), for the command line and the demo
# plan alike: comma lists normalised for events as for volunteers,
# numbers in their range, yes or no; and the demo plan, written as rows
# of text through the same tables, is whole.
. "$(dirname "$0")/../lib.sh"

r init --timezone Europe/Amsterdam
# An event's languages were kept as typed while a volunteer's and the
# screen's form were normalised; now all three are.
ok_run "event add --languages with spaces" event add "Taalcafé" \
    --start "2027-01-05 18:00" --end "2027-01-05 20:00" \
    --languages " nl , ar,, "
r --format json event show 1
json "event add: the languages normalised" 'j["languages"] == "nl,ar"'
ok_run "event edit --languages with spaces" event edit 1 --languages "ti ,  nl"
r --format json event show 1
json "event edit: the languages normalised" 'j["languages"] == "ti,nl"'
ok_run "volunteer add --languages with spaces" volunteer add "Noor" \
    --languages " ar , nl" --max-per-month 3
r --format json volunteer show 1
json "volunteer add: the languages normalised" \
    '(j[0] if isinstance(j, list) else j)["languages"] == "ar,nl"'
refused "--max-per-month out of range" 2 \
    "^rooster: invalid max-per-month '1001' \(a whole number from 0 to 1000\)$" \
    volunteer edit 1 --max-per-month 1001
refused "--needed not a number" 2 \
    "^rooster: invalid number needed 'two' \(a whole number from 0 to 1000\)$" \
    shift add 1 tolk --needed two
refused "--active neither yes nor no" 2 "^rooster: --active takes yes or no$" \
    volunteer edit 1 --active maybe
refused "--start not a WHEN" 2 "^rooster: .*2027-02-30" \
    event edit 1 --start "2027-02-30 18:00"

# The demo plan: every row of its tables arrives.
DB="$TESTDIR/demo.db"
ok_run "demo" demo
check "demo: 40 volunteers" [ "$(sqlite3 "$DB" "SELECT count(*) FROM volunteers")" = 40 ]
check "demo: 7 with a monthly limit, 5 with notes, 4 without e-mail" [ "$(sqlite3 "$DB" "SELECT sum(max_per_month > 0) || ' ' || sum(notes != '') || ' ' || sum(email = '') FROM volunteers")" = "7 5 4" ]
check "demo: 15 events, one tentative" [ "$(sqlite3 "$DB" "SELECT count(*) || ' ' || sum(status = 'tentative') FROM events")" = "15 1" ]
check "demo: 39 shifts needing 69 people" [ "$(sqlite3 "$DB" "SELECT count(*) || ' ' || sum(needed) FROM shifts")" = "39 69" ]
check "demo: 12 tolk shifts, each with its language" [ "$(sqlite3 "$DB" "SELECT count(*) FROM shifts WHERE role = 'tolk' AND language != ''")" = 12 ]
check "demo: a shift with its own times (13:00-16:00 local)" [ "$(sqlite3 "$DB" "SELECT count(*) FROM shifts s JOIN events e ON e.id = s.event_id WHERE s.role = 'tolk' AND s.start_at = e.start_at + 4 * 3600 AND s.end_at = e.end_at")" = 1 ]
check "demo: languages kept as listed" [ "$(sqlite3 "$DB" "SELECT languages FROM events WHERE id = 12")" = "nl,ar,ti,prs" ]
check "demo: 54 assignments" [ "$(sqlite3 "$DB" "SELECT count(*) FROM assignments")" = 54 ]
finish
