#!/bin/sh
# SPDX-License-Identifier: ISC
# Terminal types, colours and NO_COLOR, an unknown TERM, no terminal.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui_lib.sh"
seed

for term in xterm-256color tmux-256color screen linux vt100; do
	TERM_UNDER_TEST=$term tui_start 80 24
	sees "TERM=$term: main view" "2 Shifts: Taalcafé"
	sees "TERM=$term: gap sign" "1/2 !"
	keys '?'
	sees "TERM=$term: help" "Help: keys"
	keys Escape
	quits "TERM=$term: quits cleanly"
	check "TERM=$term: nothing on stderr" [ ! -s "$TESTDIR/stderr" ]
done

# Colours on a colour terminal, none under NO_COLOR (the sign stays).
colours() { T capture-pane -e -p -t t | grep -cE '\[([0-9;]*;)?(3[0-7]|4[0-7]|38;5;[0-9]+)(;[0-9;]*)?m'; }
tui_start 80 24
wait_for "1/2 !"
check "colour terminal: colours used" [ "$(colours)" -gt 0 ]
quits "colour terminal: quits"
tui_start 80 24 NO_COLOR=1
sees "NO_COLOR: main view" "1/2 !"
check "NO_COLOR: no colour at all" [ "$(colours)" -eq 0 ]
check "NO_COLOR: selection still visible (reverse)" sh -c "tmux -L $SOCK capture-pane -e -p -t t | grep -q '\[7m'"
quits "NO_COLOR: quits"

# The mouse may select (an SGR click, as xterm sends it): the pane under
# it gets the focus, the row under it the selection.
TERM_UNDER_TEST=xterm-256color tui_start 80 24
sees "mouse: main view" "2 Shifts: Taalcafé"
click() { keys -l "$(printf '\033[<0;%d;%dM' "$1" "$2")"; keys -l "$(printf '\033[<0;%d;%dm' "$1" "$2")"; }
click 10 6
sees "mouse: click on the second event selects it" "2 Shifts: Voetbal ADO"
click 60 6
sees "mouse: click on pane 2 focuses it" " shifts "
quits "mouse: quits"

# An unknown terminal: one clear line, no crash, no screen.
TERM_UNDER_TEST=no-such-terminal-xyz tui_start 80 24
wait_exit
check "unknown TERM: exit status 1" [ "$EXIT" = 1 ]
check "unknown TERM: one line on stderr" [ "$(wc -l < "$TESTDIR/stderr")" -eq 1 ]
check "unknown TERM: says what to do" grep -q "^rooster: unknown terminal type 'no-such-terminal-xyz' (set TERM" "$TESTDIR/stderr"
T kill-session -t t > /dev/null 2>&1

# Not a terminal (cron, ssh without -t): one line, status 2, nothing
# changed; not the whole command list (issue 15).
before=$(dump)
"$ROOSTER" --db "$DB" < /dev/null > "$TESTDIR/out" 2> "$TESTDIR/err"
rc=$?
check "no terminal: exit status 2" [ "$rc" -eq 2 ]
check "no terminal: one line, naming help and commands" [ "$(cat "$TESTDIR/err")" = "rooster: no terminal for the screen; try 'rooster help' or a command" ]
check "no terminal: nothing on stdout" [ ! -s "$TESTDIR/out" ]
check "no terminal: database unchanged" [ "$before" = "$(dump)" ]

# TERM=dumb (an Emacs shell, an IDE console): refused in one line that
# names a command instead of 23 blank rows.
TERM_UNDER_TEST=dumb tui_start 80 24
wait_exit
check "TERM=dumb: exit status 2" [ "$EXIT" = 2 ]
check "TERM=dumb: one line on stderr" [ "$(wc -l < "$TESTDIR/stderr")" -eq 1 ]
check "TERM=dumb: names a command instead" grep -q "^rooster: terminal 'dumb' cannot move the cursor.*'rooster event list'" "$TESTDIR/stderr"
T kill-session -t t > /dev/null 2>&1
finish
