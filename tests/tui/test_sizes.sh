#!/bin/sh
# SPDX-License-Identifier: ISC
# The screen at 80x24, 120x40, 40x12 and 20x6, and resizing between them,
# also while a form is open: never a crash, typed text kept.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui_lib.sh"
seed

tui_start 80 24
sees "80x24: title line with the plan name" "rooster: Samen Thuis"
sees "80x24: events pane" "1 Events"
sees "80x24: shifts pane beside it" "2 Shifts: Taalcafé"
sees "80x24: events grouped by day" "$(date -u -d tomorrow +%A)"
sees "80x24: staffing with a gap sign" "1/3 !"
sees "80x24: shift staffing" "1/2 !"
sees "80x24: assigned volunteer and status" "Mounia Balakouh"
sees "80x24: status line hints" "? help  q quit"
check "80x24: volunteers pane not squeezed in" sh -c "! tmux -L $SOCK capture-pane -p -t t | grep -q '3 Volunteers'"
keys 3
sees "80x24: volunteers reachable with 3" "3 Volunteers"
sees "80x24: wide names shown" "李小龍 Zoë Çelik"
keys 1

resize 120 40
sees "120x40: three panes side by side" "3 Volunteers"
sees_re "120x40: the three side by side" "1 Events.*2 Shifts.*3 Volunteers"
sees "120x40: end times shown" "14:00-16:00 Taalcafé"

resize 40 12
sees "40x12: one pane" "1 Events"
lacks "40x12: shifts pane hidden" "2 Shifts"
keys Tab
sees "40x12: Tab switches to shifts" "2 Shifts"
keys Tab
sees "40x12: Tab switches to volunteers" "3 Volunteers"
keys BTab BTab

resize 20 6
sees "20x6: terminal too small notice" "terminal too small"
_i=0
while [ "$_i" -lt 50 ] && [ "$(lines_used)" -ne 1 ]; do sleep 0.1; _i=$((_i + 1)); done
check "20x6: notice on one line, rest blank" [ "$(lines_used)" -eq 1 ]
resize 80 24
sees "back to 80x24: full view again" "2 Shifts: Taalcafé"

# Resizing with a form open keeps what was typed.
keys a
sees "form opens" "New event"
keys "Half typed"
sees "typed text shown" "Half typed"
resize 20 6
sees "form at 20x6: too small notice" "terminal too small"
resize 40 12
sees "form at 40x12: form fits" "New event"
sees "form at 40x12: typed text kept" "Half typed"
resize 80 24
sees "form at 80x24: typed text kept" "Half typed"
keys Escape
sees "Esc with typed text asks first" "drop what you typed? y/n"
keys n
sees "n keeps the form" "Half typed"
keys Escape
sees "asks again" "drop what you typed? y/n"
keys y
lacks "y drops the form" "New event"
r event list
check "nothing half-typed was saved" sh -c "! printf '%s' \"\$OUT\" | grep -q 'Half typed'"

# Picker and week view survive a shrink too.
keys 2 s
sees "picker opens" "Assign to begeleider"
resize 40 12
resize 20 6
sees "picker at 20x6" "terminal too small"
resize 80 24
sees "picker back" "Assign to begeleider"
keys Escape w
sees "week view" "Week "
# On a Sunday, tomorrow's shifts are in next week's view.
[ "$(date -u +%u)" = 7 ] && keys PgDn
sees "week view: days across" "Mon "
sees "week view: a shift with its staffing and gap sign" "14:00 1/2!"
resize 40 12
sees "week view at 40x12: days down" "begeleider, Taalcafé"
sees "week view at 40x12: staffing" "1/2 !"
resize 80 24
keys w
quits "q quits with status 0"
check "nothing on stderr" [ ! -s "$TESTDIR/stderr" ]
finish
