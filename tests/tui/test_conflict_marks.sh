#!/bin/sh
# SPDX-License-Identifier: ISC
# The shifts pane marks what `rooster conflicts` reports (ops_conflicts,
# from the stored conflict state), not a judgment of its own: of a
# volunteer's shifts in a month over their limit only those past it, and
# nothing in a cancelled event. The pane judged each person afresh and
# marked both shifts of the month and the cancelled event's shift.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui_lib.sh"

r init --timezone UTC --name "Samen Thuis"
r event add "Eerste avond" --start "2031-03-10 14:00" --end "2031-03-10 16:00"
r event add "Tweede avond" --start "2031-03-20 14:00" --end "2031-03-20 16:00"
r event add "Afgelast feest" --start "2031-03-25 14:00" --end "2031-03-25 16:00"
r shift add 1 algemeen
r shift add 2 algemeen
r shift add 3 tolk
r volunteer add "Mounia Balakouh" --max-per-month 1
r assign 1 1
r assign 2 1 --force
r assign 3 1 --force
r event cancel 3
r conflicts --format json
json "conflicts: only the shift past the limit" \
    '[c["shift_id"] for c in j]==[2]'

tui_start 100 30
sees "first event in the shifts pane" "Shifts: Eerste avond"
sees "Mounia listed on the first" "Mounia Balakouh"
lacks "the month's first shift is not marked" "!! Mounia"
keys j
sees "second event in the shifts pane" "Shifts: Tweede avond"
sees "the shift past the limit is marked" "!! Mounia Balakouh (forced)"
keys j
sees "the cancelled event in the shifts pane" "Shifts: Afgelast feest"
lacks "nothing marked in a cancelled event" "!! Mounia"
quits "quits"
finish
