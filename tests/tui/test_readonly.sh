#!/bin/sh
# SPDX-License-Identifier: ISC
# A plan file the user cannot write opens the screen read-only: the title
# line says READ-ONLY, every change key answers "read-only: nothing can be
# changed" without opening a form or asking, looking still works, and the
# file is untouched.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui_lib.sh"
seed

# As root, file modes do not bind: run the screen as an unprivileged user.
ro="$TESTDIR/ro"
mkdir -p "$ro"
cp "$DB" "$ro/plan.db"
chmod 0755 "$TESTDIR" "$ro"
chmod 0444 "$ro/plan.db"
if [ "$(id -u)" -eq 0 ]; then
	command -v runuser > /dev/null 2>&1 || { echo "skip - runuser missing"; exit 0; }
	TUI_WRAP="runuser -u nobody --"
fi
before=$(sum "$ro/plan.db")
DB="$ro/plan.db"

# refuses NAME KEYS...: the keys answer with the read-only line (the
# previous answer is cleared first, so an old line cannot pass for it).
refuses() {
	_n=$1; shift
	keys Escape
	wait_gone "read-only: nothing" > /dev/null
	keys "$@"
	sees "$_n" "read-only: nothing can be changed"
}

tui_start 80 24
sees "opens" "2 Shifts: Taalcafé"
sees "title line marks read-only" "READ-ONLY rooster: Samen Thuis"
refuses "a refused" a
lacks "no form opened" "New event"
for k in e d c i u; do
	refuses "$k refused" "$k"
done
lacks "no question asked" "y/n"
refuses "s refused" 2 s
lacks "no picker" "Assign to"
refuses "Enter on a shift refused" Enter
lacks "no shift form" "Edit shift"
for k in x r; do
	refuses "$k refused" j "$k"
done
refuses "volunteer add refused" 3 a
# Looking still works: help, week view, a volunteer's shifts.
keys Escape '?'
sees "help opens" "Help: keys"
keys Escape g Enter
sees "volunteer's shifts open" "upcoming shifts"
keys Escape
quits "quits"
check "file untouched" [ "$(sum "$ro/plan.db")" = "$before" ]
finish
