#!/bin/sh
# SPDX-License-Identifier: ISC
# Staffing never looks better than it is (issue 15): a full shift refuses
# one more without --force; an event's total and its "!" are per shift
# (one shift over-staffed fills no other), over-staffing is marked;
# attendance waits for the shift; a shift lies within its event's day(s).
. "$(dirname "$0")/../lib.sh"

r init --timezone Europe/Amsterdam
r event add "Taalcafé" --start "2027-01-05 18:00" --end "2027-01-05 22:00"
r shift add 1 algemeen --start "2027-01-05 18:00" --end "2027-01-05 20:00" --needed 4
r shift add 1 algemeen --start "2027-01-05 20:00" --end "2027-01-05 22:00" --needed 2
for n in Ana Bo Cas Dirk Eva Fleur; do r volunteer add "$n"; done
for v in 1 2 3 4; do r assign 1 $v; done
refused "assign refuses a full shift" 1 "shift 1 is full \(4/4\); --force" assign 1 5
ok_run "assign --force adds a fifth" assign 1 5 --force
r assign 2 6
r event list --from 2027-01-01
has "event list: per shift, short" "5/6 !+"
r event list --gaps --from 2027-01-01
has "events with gaps: the event is short" "5/6 !+"
r gaps --from 2027-01-01 --to 2027-01-31
has "gaps: the short shift" "1/2"
r shift list 1
has "shift list: over-staffed marked" "5/4 +"
has "shift list: short marked" "1/2 !"
r print --event 1
has "print: what is missing" "1 more needed"
has "print: over-staffed" "1 more than needed"

refused "attended before the shift" 1 "has not started yet" attended 1 1
ok_run "attended --force" attended 1 1 --force

refused "shift before its event's day" 1 "outside event 1" \
    shift add 1 algemeen --start "2027-01-04 18:00" --end "2027-01-04 20:00"
refused "shift after its event" 1 "outside event 1" \
    shift add 1 algemeen --start "2027-01-06 10:00" --end "2027-01-06 12:00"
ok_run "shift earlier the same day" shift add 1 opbouw \
    --start "2027-01-05 16:00" --end "2027-01-05 18:00"
ok_run "shift outside with --force" shift add 1 opruimen \
    --start "2027-01-06 10:00" --end "2027-01-06 12:00" --force
refused "shift edit moved outside" 1 "outside event 1" \
    shift edit 1 --start "2027-01-07 18:00" --end "2027-01-07 20:00"
finish
