#!/bin/sh
# SPDX-License-Identifier: ISC
# u undoes the coordinator's own last change (ops_undo) and says what it
# undid; refused with the reason when there is nothing of theirs; h shows
# the change log of the selected event, shift, assignment or volunteer.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui_lib.sh"
seed
r respond 1 1 accepted

tui_start 100 30
sees "main view" "2 Shifts: Taalcafé"

# Remove Mounia on the screen, then u puts her back.
keys 2 g j x
sees "removed" "assignment removed"
sees "0 of 2" "0/2 !"
keys u
sees "undo says what it undid" "undone (unassign):"
sees "back on the shift" "1/2 !"
sees "with her response" "accepted"
r who "$DAY1" --format json
json "database: assignment back" 'len(j)==1 and j[0]["status"]=="accepted"'

# History of the event: newest first, the undone change marked.
keys 1 g h
sees "event history box" "History of Taalcafé"
sees "event add logged" "event add"
sees "shift add logged" "shift add"
sees "the undone unassign marked" "(undone)"
lacks "other event's lines not shown" "Voetbal"
keys Escape
lacks "Esc closes" "History of Taalcafé"

# History of a volunteer.
keys 3 g h
sees "volunteer history" "History of Mounia Balakouh"
sees "volunteer add logged" "volunteer add"
sees "her assignment logged" "assign"
keys q
lacks "q closes" "History of Mounia"

# History of one assignment (a volunteer under a shift).
keys 2 g j h
sees "assignment history" "History of Mounia Balakouh on begeleider"
sees "respond logged" "respond"
lacks "volunteer add not about the shift" "volunteer add"
keys h
lacks "h closes too" "History of Mounia"
quits "quits"

# Another OS user has nothing of theirs to undo: refused with the reason.
if [ "$(id -u)" -eq 0 ] && command -v runuser > /dev/null 2>&1; then
	shared="$TESTDIR/shared"
	mkdir -p "$shared"
	cp "$DB" "$shared/plan.db"
	# A plan shared as rooster supports it (issue 13): a set-group-ID
	# directory of the coordinators' group, files 0660, none for others.
	group=$(id -gn nobody)
	chmod 0777 "$TESTDIR"
	chgrp "$group" "$shared" "$shared/plan.db"
	chmod 2770 "$shared"
	chmod 0660 "$shared/plan.db"
	before=$(sqlite3 "$shared/plan.db" "SELECT count(*) FROM change_log")
	DB="$shared/plan.db" TUI_WRAP="runuser -u nobody --"
	tui_start 100 30
	sees "second user's screen" "2 Shifts: Taalcafé"
	keys u
	sees "refused with the reason" "undo: nothing of yours to undo"
	quits "second user quits"
	check "nothing logged" [ "$(sqlite3 "$shared/plan.db" "SELECT count(*) FROM change_log")" = "$before" ]
fi
finish
