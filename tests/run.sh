#!/bin/sh
# SPDX-License-Identifier: ISC
# The suite runner behind `make check`: for each build directory given
# (the normal one, then the sanitizer one) it runs every cmocka unit test
# and every end-to-end script (tests/*/test_*.sh), counts results, shows
# what failed, and ends with one line: N passed, N failed.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
pass=0
fail=0
skip=0
failed_names=""
log=$(mktemp)
trap 'rm -f "$log"' EXIT

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:halt_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export LC_ALL=C.UTF-8

count() { # name, output file, exit status
	p=$(grep -cE '^(\[       OK \]|ok - )' "$2")
	f=$(grep -E '^(\[  FAILED  \] [^0-9]|\[  ERROR   \]|not ok - )' "$2" | grep -vc 'test(s)')
	s=$(grep -cE '^(\[  SKIPPED \]|skip - )' "$2")
	if [ "$3" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
		echo "not ok - $1 exited with status $3" >> "$2"
	fi
	pass=$((pass + p))
	fail=$((fail + f))
	skip=$((skip + s))
	if [ "$f" -gt 0 ]; then
		failed_names="$failed_names $1"
		echo "---- $1: $f failed" >&2
		grep -E -B2 -A12 '^(\[  FAILED  \]|\[  ERROR   \]|not ok - |ERROR: |==[0-9]+==)|runtime error' "$2" | head -80 >&2
	fi
	printf '%-44s %4d passed %3d failed\n' "$1" "$p" "$f"
}

for build in "$@"; do
	[ -x "$build/rooster" ] || { echo "no $build/rooster: run make" >&2; exit 1; }
	label=$(basename "$build")
	for t in $(find "$build/tests" -type f -name 'test_*' -perm -u+x 2>/dev/null | sort); do
		name="$label:unit/${t#$build/tests/}"
		"$t" > "$log" 2>&1
		count "$name" "$log" $?
	done
	for t in "$top"/tests/*/test_*.sh; do
		[ -f "$t" ] || continue
		case "$label:$t" in
		build-san:*/tui/*) [ -n "${ROOSTER_SAN_TUI:-}" ] || continue ;;
		esac
		name="$label:${t#$top/tests/}"
		ROOSTER="$top/$build/rooster" ROOSTER_TOP="$top" \
		    sh "$t" > "$log" 2>&1 < /dev/null
		count "$name" "$log" $?
	done
done

if [ "$skip" -gt 0 ]; then
	echo "$pass passed, $fail failed, $skip skipped"
else
	echo "$pass passed, $fail failed"
fi
[ "$fail" -eq 0 ]
