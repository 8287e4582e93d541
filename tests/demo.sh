#!/bin/sh
# SPDX-License-Identifier: ISC
# `make demo`: a demo plan in a throwaway location, then the screen on it
# (or, without a terminal, who is on and which shifts are short).
set -u
bin=$1
dir=$(mktemp -d "${TMPDIR:-/tmp}/rooster-demo.XXXXXX")
db="$dir/demo.db"
"$bin" --db "$db" init --timezone Europe/Amsterdam > /dev/null || exit 1
"$bin" --db "$db" demo || exit 1
if [ -t 0 ] && [ -t 1 ]; then
	"$bin" --db "$db"
	rc=$?
else
	echo "== who works this week"
	"$bin" --db "$db" who --from today --to "$(date -d '+6 days' +%F)"
	echo "== shifts still short of people"
	"$bin" --db "$db" gaps
	rc=$?
fi
echo "(the demo plan is in $db; run: $bin --db $db)"
exit $rc
