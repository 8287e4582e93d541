#!/bin/sh
# SPDX-License-Identifier: ISC
# Every public header must compile on its own, warning-free, and twice in a
# row (include guard), so that "include what you use" works (STYLE.md 4).
# Usage: sh tests/check-headers.sh "$CC $CFLAGS"   (run from the top)
# Prints nothing and exits 0 when every header is fine; otherwise prints the
# compiler's words for each bad header and exits 1.

cc=${1:-${CC:-cc} -std=c11 -Wall -Wextra -Wpedantic -Iinclude}
cd "$(dirname "$0")/.." || exit 2

# Dependency-file flags would write "-.d" for standard input: drop them.
flags=
for w in $cc; do
	case $w in
	-MMD|-MD|-MP) ;;
	*) flags="$flags $w" ;;
	esac
done

status=0
out=$(mktemp) || exit 2
trap 'rm -f "$out"' EXIT
for h in include/rooster/*.h; do
	name=${h#include/}
	if ! printf '#include "%s"\n#include "%s"\n' "$name" "$name" |
	    $flags -Iinclude -x c -fsyntax-only - >"$out" 2>&1 ||
	    [ -s "$out" ]; then
		echo "$h: does not compile alone:"
		sed 's/^/	/' "$out"
		status=1
	fi
done
exit $status
