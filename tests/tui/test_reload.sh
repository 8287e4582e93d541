#!/bin/sh
# SPDX-License-Identifier: ISC
# One change, one reload: each save, assignment, copy and undo reloads the
# panes exactly once (ROOSTER_RELOAD_LOG gets a line per reload), a
# cancelled form none; the row a form saved is selected by that reload,
# so the shifts pane follows a new event at once.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui_lib.sh"
seed
LOG="$TESTDIR/reloads"
: > "$LOG"
reloads() { wc -l < "$LOG" | tr -d ' '; }
# once NAME: one more reload than before the last step.
once() {
	_n=$(reloads)
	if [ "$_n" = $((BEFORE + 1)) ]; then ok "$1"
	else not_ok "$1" "$((_n - BEFORE)) reloads, not 1"; fi
	BEFORE=$_n
}

tui_start 80 24 "ROOSTER_RELOAD_LOG=$LOG"
sees "main view" "2 Shifts: Taalcafé"
BEFORE=$(reloads)
check "the first frame reloaded once" [ "$BEFORE" = 1 ]

keys 1 e
sees "event form" "Edit event"
keys C-u "Taalcafé Oost" Enter
sees "event saved" "event saved"
sees "the shifts pane follows" "2 Shifts: Taalcafé Oost"
once "event saved: one reload"

keys 1 a
sees "new event form" "New event"
keys "Buurtfeest" Tab "$DAY2 10:00" Tab "$DAY2 12:00" Enter
sees "event added" "event added"
sees "the new event is selected, its shifts shown" "2 Shifts: Buurtfeest"
once "event added: one reload"

keys 1 g 2 e
sees "shift form" "Edit shift"
keys Tab Tab Tab C-u 3 Enter
sees "shift saved" "shift saved"
once "shift saved: one reload"

keys 2 g s
sees "picker opens" "Assign to begeleider"
keys "ሃብ" Enter
sees "assigned" "assigned"
lacks "picker closed" "Assign to begeleider"
once "assigned from the picker: one reload"

keys 3 e
sees "volunteer form" "Edit volunteer"
keys End " B" Enter
sees "volunteer saved" "volunteer saved"
once "volunteer saved: one reload"

keys 3 e
sees "volunteer form again" "Edit volunteer"
keys Escape
lacks "an untouched form closes" "Edit volunteer"
keys 1 e
sees "event form again" "Edit event"
keys x Escape
sees "asks before dropping" "drop what you typed?"
keys y
sees "dropped" "nothing saved"
check "cancelled forms: no reload" [ "$(reloads)" = "$BEFORE" ]

keys u
sees "undone" "undone"
once "undo: one reload"

COPYDAY=$(date -u -d '+10 days' +%F)
keys 1 g C
sees "copy form" "with its shifts to"
keys "$COPYDAY" Enter
sees "copied" "event copied to $COPYDAY 14:00"
once "copied: one reload"
quits "quits"
