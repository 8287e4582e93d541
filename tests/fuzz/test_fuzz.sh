#!/bin/sh
# SPDX-License-Identifier: ISC
# Run every libFuzzer target (build-fuzz/fuzz/fuzz_*, made by `make
# fuzz-build`) for FUZZ_SECONDS each (5 under `make check`), starting from
# its seed corpus tests/fuzz/corpus/<target>/, which also keeps every input
# that once crashed, with the dictionary tests/fuzz/<target>.dict if any
# and the libFuzzer options in tests/fuzz/<target>.options if any (such as
# a tighter -timeout: a time limit per input). A crash, leak, sanitizer
# report or an input over its time limit fails the target.
# Under tests/run.sh it runs once, in the first (normal) pass.
set -u
top=${ROOSTER_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
case "${ROOSTER:-}" in
*/build-san/*) exit 0 ;;
esac
seconds=${FUZZ_SECONDS:-5}
bins=$(find "$top/build-fuzz/fuzz" -type f -name 'fuzz_*' ! -name '*.d' \
    -perm -u+x 2> /dev/null | sort)
if [ -z "$bins" ]; then
	echo "skip - fuzz (no build-fuzz/fuzz: clang or libclang-rt-14-dev missing; make fuzz-build)"
	exit 0
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/rooster-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail=0
for bin in $bins; do
	name=${bin##*/fuzz_}
	seeds="$top/tests/fuzz/corpus/$name"
	mkdir -p "$work/$name" "$work/$name.crash"
	dict=""
	[ -f "$top/tests/fuzz/$name.dict" ] && dict="-dict=$top/tests/fuzz/$name.dict"
	timeout=-timeout=10
	[ -f "$top/tests/fuzz/$name.options" ] &&
	    timeout=$(cat "$top/tests/fuzz/$name.options")
	ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:halt_on_error=1" \
	UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
	    "$bin" -max_total_time="$seconds" -close_fd_mask=3 \
	    $timeout -rss_limit_mb=2048 -print_final_stats=1 \
	    -artifact_prefix="$work/$name.crash/" $dict \
	    "$work/$name" "$seeds" > "$work/$name.log" 2>&1
	rc=$?
	execs=$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$work/$name.log" | tail -1)
	if [ "$rc" -eq 0 ] && [ -n "$execs" ]; then
		echo "ok - fuzz $name ($execs execs in ${seconds} s)"
	else
		echo "not ok - fuzz $name (exit $rc)"
		grep -E 'ERROR|runtime error|SUMMARY|^#[0-9]+ ' "$work/$name.log" | head -20 | sed 's/^/#   /'
		for a in "$work/$name.crash"/*; do
			[ -f "$a" ] || continue
			# Kept in the corpus: it fails every run until fixed,
			# and stays as a regression input after.
			echo "#   input kept as $seeds/$(basename "$a")"
			cp "$a" "$seeds/$(basename "$a")"
		done
		fail=1
	fi
done
exit "$fail"
