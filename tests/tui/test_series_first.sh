#!/bin/sh
# SPDX-License-Identifier: ISC
# The screen's "this one" deletes the first occurrence of a repeating
# event alone (issue 15), as `event delete` does: the next one takes the
# rule and the others stay.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui_lib.sh"
r init --timezone UTC --name "Samen Thuis"
r event add Fietsles --start "$DAY1 10:00" --end "$DAY1 11:00" --repeat "FREQ=DAILY;COUNT=3"
series=$OUT

tui_start 80 24
keys 1 g
sees "on the series' first" "Fietsles"
keys d
sees "delete asks how far" "delete: o this one (0 invited), f this+following 3 (0), a all 3 (0)"
keys o
sees "this one deleted" "occurrence deleted"
check "the other two stay" [ "$(sqlite3 "$DB" "SELECT count(*) FROM events WHERE title = 'Fietsles'")" = 2 ]
check "the next holds the rule" [ "$(sqlite3 "$DB" "SELECT rrule FROM events WHERE id = $((series + 1))")" = "FREQ=DAILY;COUNT=2" ]
check "the first is gone" [ "$(sqlite3 "$DB" "SELECT count(*) FROM events WHERE id = $series")" = 0 ]
quits "quits"
finish
