#!/bin/sh
# SPDX-License-Identifier: ISC
# The screen on the demo plan (`rooster demo`), at the four sizes of the
# issue, with help, picker and week view: what the coordinators see first.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui_lib.sh"
r demo
check "demo plan written" [ "$RC" -eq 0 ]
r event list --format json
first=$(printf '%s' "$OUT" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["title"][:20])')
name=$(sqlite3 "$DB" "SELECT value FROM settings WHERE key = 'name'" 2>/dev/null | cut -c1-20)

tui_start 80 24
sees "demo 80x24: plan name in the title" "rooster: $name"
sees "demo 80x24: first event listed" "$first"
sees "demo 80x24: its shifts beside it" "2 Shifts: $first"
sees_re "demo 80x24: staffing n/m on event rows" "[0-9]+/[0-9]+"
keys '?'
sees "demo: help" "Help: keys"
keys Escape 2 s
sees "demo: picker" "Assign to"
sees_re "demo: picker lists free volunteers first" "^[^+]*│ \\+ "
keys Escape w
sees "demo: week view" "Week "
keys w
resize 120 40
sees_re "demo 120x40: three panes" "1 Events.*2 Shifts.*3 Volunteers"
resize 40 12
sees "demo 40x12: the focused pane alone" "2 Shifts: $first"
lacks "demo 40x12: no other pane" "1 Events"
resize 20 6
sees "demo 20x6: notice" "terminal too small"
resize 80 24
sees "demo: back at 80x24" "2 Shifts: $first"
quits "demo: quits"
finish
