#!/bin/sh
# SPDX-License-Identifier: ISC
# Never a crash or garbage on any resize: sweep odd sizes, from 1x1 to
# 200x60, in every view (panes, form, picker, help, week, a volunteer's
# shifts, a history, a question), then check the screen is whole again at 80x24.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui_lib.sh"
seed
r volunteer add "$(printf 'Lang naam met \033[31m kleur en 李小龍李小龍李小龍李小龍李小龍')"

alive() { [ ! -s "$TESTDIR/exit" ]; }
sweep() {
	for size in 1x1 2x2 5x3 10x5 19x6 20x6 39x11 40x11 39x12 40x12 41x13 \
	    79x23 80x24 81x15 119x40 120x15 120x16 200x60 33x100 300x8; do
		resize "${size%x*}" "${size#*x}"
	done
	resize 80 24
}

tui_start 80 24
sees "main view" "2 Shifts: Taalcafé"
for view in panes form picker help week detail history ask; do
	case $view in
	form) keys a "Iets" ;;
	picker) keys 2 s ;;
	help) keys '?' ;;
	week) keys w ;;
	detail) keys 3 g Enter ;;
	history) keys 1 g h ;;
	ask) keys 1 d ;;
	esac
	sweep
	sleep 0.2
	check "$view: still running after the sweep" alive
	sees "$view: title line whole at 80x24" "rooster: Samen Thuis"
	case $view in
	form) sees "form: typed text kept" "Iets"; keys Escape y ;;
	picker) sees "picker: still open" "Assign to"; keys Escape ;;
	help) sees "help: still open" "Help: keys"; keys Escape ;;
	week) sees "week: still shown" "Week "; keys w ;;
	detail) sees "detail: still open" "upcoming shifts"; keys Escape ;;
	history) sees "history: still open" "History of"; keys Escape ;;
	ask) sees "question: still asked" "y/n"; keys n ;;
	esac
	sees "$view: back to the panes" "1 Events"
done

# tmux replays a burst of resizes as "second-last size, then the last";
# a busy screen reads the last size both times, and curses takes that as
# no resize at all while the terminal's cells were cut. Simulated
# exactly: wipe the terminal behind the screen's back (send-keys -R),
# then a SIGWINCH at the size it already has. Every cell must come back.
for view in panes ask; do
	case $view in ask) keys 1 d; sees "ask: question up" "y/n" ;; esac
	T send-keys -R -t t
	wait_gone "rooster: Samen Thuis" > /dev/null
	kill -WINCH "$(cat "$TESTDIR/pid")"
	sees "$view: same-size resize repaints the title" "rooster: Samen Thuis"
	sees "$view: same-size resize repaints the panes" "1 Events"
	case $view in ask) sees "ask: and the question" "y/n"; keys n ;; esac
done
quits "quits with status 0 after all that"
check "nothing on stderr" [ ! -s "$TESTDIR/stderr" ]
finish
