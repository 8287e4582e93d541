# SPDX-License-Identifier: ISC
# Helpers for the screen's end-to-end tests: run the real binary in a
# private tmux server, send keys, read the screen with capture-pane. Waits
# poll the screen in a bounded loop (no fixed sleeps, no timing asserts).
# Sourced after tests/lib.sh.

command -v tmux > /dev/null 2>&1 || { echo "skip - tmux not installed"; exit 0; }

SOCK="rooster-test-$$"
T() { tmux -L "$SOCK" "$@"; }
trap 'tmux -L "$SOCK" kill-server > /dev/null 2>&1; rm -rf "$TESTDIR"' EXIT
# Keep tmux's own config out of the tests.
export TMUX_TMPDIR="$TESTDIR"
# One idle session keeps the server up between screens: a server that
# exits as its last session ends races with the next new-session.
T -f /dev/null new-session -d -s keep -x 80 -y 24 "sleep 3600"

# tui_start COLS LINES [VAR=VALUE...]: the screen on $DB in a fresh window.
# The exit status lands in $TESTDIR/exit, the process id in $TESTDIR/pid.
tui_start() {
	_c=$1 _l=$2; shift 2
	rm -f "$TESTDIR/exit" "$TESTDIR/pid"
	printf '#!/bin/sh\necho $$ > "%s/pid"\nexec env %s "%s" --db "%s" 2> "%s/stderr"\n' \
	    "$TESTDIR" "TERM=${TERM_UNDER_TEST:-tmux-256color} $*" "$ROOSTER" "$DB" \
	    "$TESTDIR" > "$TESTDIR/run.sh"
	T kill-session -t t > /dev/null 2>&1
	T new-session -d -s t -x "$_c" -y "$_l" \
	    "sh $TESTDIR/run.sh; echo \$? > $TESTDIR/exit; sleep 600"
	T set-option -g remain-on-exit on > /dev/null 2>&1
}

screen() { T capture-pane -p -t t; }
keys() { T send-keys -t t "$@"; }
resize() { T resize-window -t t -x "$1" -y "$2"; }

# wait_for TEXT [TRIES]: poll (every 0.1 s, default 50 tries) until the
# screen shows TEXT. Returns 1 if it never does.
wait_for() {
	_i=0
	while [ "$_i" -lt "${2:-50}" ]; do
		if screen | grep -qF -- "$1"; then return 0; fi
		sleep 0.1
		_i=$((_i + 1))
	done
	return 1
}

# wait_gone TEXT: poll until the screen no longer shows TEXT.
wait_gone() {
	_i=0
	while [ "$_i" -lt "${2:-50}" ]; do
		if ! screen | grep -qF -- "$1"; then return 0; fi
		sleep 0.1
		_i=$((_i + 1))
	done
	return 1
}

# wait_exit: poll until the screen's process has ended; sets $EXIT.
wait_exit() {
	_i=0
	while [ "$_i" -lt 50 ]; do
		if [ -s "$TESTDIR/exit" ]; then
			EXIT=$(cat "$TESTDIR/exit")
			return 0
		fi
		sleep 0.1
		_i=$((_i + 1))
	done
	EXIT=timeout
	return 1
}

# sees NAME TEXT: the screen must come to show TEXT.
sees() {
	if wait_for "$2"; then ok "$1"
	else not_ok "$1" "screen lacks '$2':" "$(screen)"; fi
}

# sees_re NAME REGEX: the screen must come to match REGEX (grep -E).
sees_re() {
	_i=0
	while [ "$_i" -lt 50 ]; do
		if screen | grep -qE -- "$2"; then ok "$1"; return; fi
		sleep 0.1
		_i=$((_i + 1))
	done
	not_ok "$1" "screen does not match /$2/:" "$(screen)"
}

# lines_used: how many lines of the screen hold anything.
lines_used() { screen | grep -c '[^ ]'; }

# lacks NAME TEXT: the screen must (come to) not show TEXT.
lacks() {
	if wait_gone "$2"; then ok "$1"
	else not_ok "$1" "screen still shows '$2':" "$(screen)"; fi
}

# quits NAME: q ends the screen with status 0.
quits() {
	keys q
	wait_exit
	if [ "$EXIT" = 0 ]; then ok "$1"
	else not_ok "$1" "exit status $EXIT" "$(cat "$TESTDIR/stderr" 2>/dev/null)"; fi
	T kill-session -t t > /dev/null 2>&1
}

# A small plan: two events tomorrow and the day after, shifts, volunteers.
DAY1=$(date -u -d tomorrow +%F)
DAY2=$(date -u -d '+2 days' +%F)
seed() {
	r init --timezone UTC --name "Samen Thuis"
	r event add "Taalcafé" --start "$DAY1 14:00" --end "$DAY1 16:00" --location "Bibliotheek"
	r event add "Voetbal ADO" --start "$DAY2 19:00" --end "$DAY2 22:00" --location "Stadion"
	r shift add 1 begeleider --needed 2
	r shift add 1 tolk --needed 1
	r volunteer add "Mounia Balakouh" --skills begeleider,tolk --languages nl,ar
	r volunteer add "ሃብተ ገብረ" --skills begeleider --languages ti
	r volunteer add "李小龍 Zoë Çelik" --languages zh
	r assign 1 1
}
