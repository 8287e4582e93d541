#!/bin/sh
# SPDX-License-Identifier: ISC
# A change by another process (another coordinator on the command line, or
# sqlite3) shows on the screen without a key press, and the selection stays
# on the same item.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui_lib.sh"
seed

tui_start 80 24
sees "main view" "2 Shifts: Taalcafé"
keys j
sees "second event selected" "2 Shifts: Voetbal ADO"

# Another coordinator adds an event that sorts before the selected one.
r event add "Vroege vergadering" --start "$DAY1 08:00" --end "$DAY1 09:00"
sees "event added elsewhere appears without a key" "Vroege vergadering"
sees "selection stays on the same event" "2 Shifts: Voetbal ADO"

# A shift added elsewhere to the selected event appears in pane 2.
r shift add 2 steward --needed 3
sees "shift added elsewhere appears" "steward"
sees "its staffing shows a gap" "0/3 !"

# An assignment through sqlite3 directly (any writer counts).
sqlite3 "$DB" "UPDATE shifts SET needed = 5 WHERE role = 'steward'"
sees "change by sqlite3 appears" "0/5 !"
sees "selection still on the same event" "2 Shifts: Voetbal ADO"
quits "quits"
finish
