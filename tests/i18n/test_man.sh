#!/bin/sh
# SPDX-License-Identifier: ISC
# The manual pages render cleanly, English and Dutch: man --warnings says
# nothing, the page has its header, and the SYNOPSIS (OVERZICHT in Dutch)
# puts each form of the command on a line of its own.
. "$(dirname "$0")/../lib.sh"

TOP=${ROOSTER_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
if ! command -v man > /dev/null 2>&1; then
	echo "skip - man (man-db) not installed"
	finish
fi

for page in rooster.1 rooster.nl.1; do
	f=$TOP/docs/$page
	W=$(MANWIDTH=80 man --warnings -l "$f" 2>&1 > "$TESTDIR/$page.txt")
	if [ -z "$W" ]; then ok "$page: man --warnings prints nothing"
	else not_ok "$page: man --warnings prints nothing" \
	    "$(printf '%s\n' "$W" | head -5)"; fi
	OUT=$(cat "$TESTDIR/$page.txt")
	has "$page: header line ROOSTER(1)" "ROOSTER(1)"
	check "$page: the first line is the header" \
	    sh -c "head -1 '$TESTDIR/$page.txt' | grep -q '^ROOSTER(1) .*ROOSTER(1)\$'"
done

# SYNOPSIS: "rooster [--db file]" alone on its line, then the command form.
OUT=$(cat "$TESTDIR/rooster.1.txt")
has_re() {
	if printf '%s\n' "$OUT" | grep -qE -- "$2"; then ok "$1"
	else not_ok "$1" "no line matching '$2'" "$(printf '%s\n' "$OUT" | sed -n 1,14p)"; fi
}
has_re "rooster.1: SYNOPSIS first form on its own line" '^ +rooster \[--db file\]$'
has_re "rooster.1: SYNOPSIS second form on its own line" '^ +rooster \[--db file\] \[--format'
OUT=$(cat "$TESTDIR/rooster.nl.1.txt")
has "rooster.nl.1: Dutch section NAAM" "NAAM"
has_re "rooster.nl.1: OVERZICHT first form on its own line" '^ +rooster \[--db bestand\]$'
has_re "rooster.nl.1: OVERZICHT second form on its own line" '^ +rooster \[--db bestand\] \[--format'
finish
