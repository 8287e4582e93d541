#!/bin/sh
# SPDX-License-Identifier: ISC
# Hostile stored text: control characters and terminal escape sequences in
# names and titles never reach the terminal raw through the table output,
# the change log, notes, prompts or error lines; json escapes them.
. "$(dirname "$0")/../lib.sh"

ESC=$(printf '\033')
BEL=$(printf '\007')
evil="Eve${ESC}]0;owned${BEL}${ESC}[2J$(printf '\r')x"
r init --timezone Europe/Amsterdam
r event add "Party${ESC}[31m" --start "2027-03-27 14:00" --end "2027-03-27 17:00"
r shift add 1 "Host${ESC}[5m"
r volunteer add "$evil" --email "eve@example.org" --notes "$(printf 'line1\nline2')"
r assign 1 1 --force

# raw NAME: none of stdout and stderr of the last run holds ESC, BEL or CR.
raw() {
	if printf '%s%s' "$OUT" "$ERR" | grep -q "[$ESC$BEL$(printf '\r')]"; then
		not_ok "$1" "raw control characters in: $(printf '%s %s' "$OUT" "$ERR" | od -c | head -3)"
	else ok "$1"; fi
}
r log
raw "log table escapes control characters"
has "log table shows them escaped" '\e'
r volunteer list
raw "volunteer list escapes control characters"
r shift show 1
raw "shift show escapes control characters"
r assign 1 1
raw "error line with a hostile name is escaped"
check "error with a hostile name stays one line" [ "$(printf '%s\n' "$ERR" | wc -l)" -eq 1 ]
r undo
raw "undo note escapes the summary"
r assign 1 1 --force
r volunteer export 1
raw "export json escapes control characters"
json "export json keeps the text exactly" 'j["volunteer"]["name"].startswith("Eve\x1b]0;owned\x07")'
r --format json log --limit 3
raw "log json escapes control characters"
r volunteer forget 1
raw "forget refusal is escaped"
"$ROOSTER" --db "$DB" "help" "no${ESC}[2Jsuch" > "$TESTDIR/o" 2> "$TESTDIR/e"
OUT=$(cat "$TESTDIR/o"); ERR=$(cat "$TESTDIR/e")
raw "unknown help topic is escaped"
if command -v script > /dev/null 2>&1; then
	printf 'n\n' | script -qec "'$ROOSTER' --db '$DB' volunteer forget 1" /dev/null > "$TESTDIR/o" 2>&1
	OUT=$(cat "$TESTDIR/o" | tr -d '\r'); ERR=""
	raw "forget question escapes the name"
fi
finish
