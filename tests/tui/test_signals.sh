#!/bin/sh
# SPDX-License-Identifier: ISC
# SIGHUP (a dropped SSH connection), SIGTERM and SIGINT during an open form:
# the terminal is restored, the exit status is non-zero, the database is
# exactly as before and intact. Ctrl-Z suspends and fg redraws.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui_lib.sh"
seed

for sig in HUP TERM INT; do
	tui_start 80 24
	sees "SIG$sig: main view" "2 Shifts: Taalcafé"
	keys a
	sees "SIG$sig: form open" "New event"
	keys "Half a title" Tab "$DAY1 10:00"
	sees "SIG$sig: typing" "Half a title"
	before=$(dump)
	kill -"$sig" "$(cat "$TESTDIR/pid")"
	wait_exit
	check "SIG$sig: exit status non-zero" [ "$EXIT" != 0 ] && [ "$EXIT" != timeout ]
	check "SIG$sig: database dump identical" [ "$before" = "$(dump)" ]
	check "SIG$sig: integrity_check ok" [ "$(sqlite3 "$DB" 'PRAGMA integrity_check')" = ok ]
	check "SIG$sig: no journal left behind" [ ! -s "$DB-journal" ]
	check "SIG$sig: one-line-free exit (no stderr noise)" [ ! -s "$TESTDIR/stderr" ]
	# The terminal is restored: the alternate screen is gone.
	check "SIG$sig: terminal restored (alternate screen left)" sh -c "[ \"\$(tmux -L $SOCK display -p -t t '#{alternate_on}')\" = 0 ]"
	T kill-session -t t > /dev/null 2>&1
done

# Ctrl-Z in an interactive shell: the shell gets the terminal back, fg
# brings the screen back fully drawn.
command -v bash > /dev/null 2>&1 || { echo "skip - no bash for job control"; finish; }
T kill-session -t t > /dev/null 2>&1
T new-session -d -s t -x 80 -y 24 "env -i PATH=$PATH HOME=$HOME TERM=xterm-256color LC_ALL=C.UTF-8 TZ=UTC PS1='prompt\$ ' bash --norc -i"
wait_for 'prompt$'
keys "$ROOSTER --db $DB" Enter
sees "Ctrl-Z: screen running" "2 Shifts: Taalcafé"
keys C-z
sees "Ctrl-Z: shell says stopped" "Stopped"
check "Ctrl-Z: terminal given back (alternate screen left)" sh -c "[ \"\$(tmux -L $SOCK display -p -t t '#{alternate_on}')\" = 0 ]"
keys "clear; fg" Enter
sees "fg: screen redrawn" "2 Shifts: Taalcafé"
sees "fg: title redrawn" "rooster: Samen Thuis"
sees "fg: status line redrawn" "? help  q quit"
keys q
sees "q returns to the shell" 'prompt$'
finish
