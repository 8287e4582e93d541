#!/bin/sh
# SPDX-License-Identifier: ISC
# Usage and parser come from one declaration per command: every option a
# command's --help shows is one its parser takes, an option it does not
# show is refused, and a missing argument quotes the same usage line.
. "$(dirname "$0")/../lib.sh"

r init --timezone Europe/Amsterdam
"$ROOSTER" help | sed -n 's/^  \([a-z]\{1,\}\( [a-z]\{1,\}\)\{0,1\}\)  .*/\1/p' \
    > "$TESTDIR/commands"
check "help lists the commands" test "$(wc -l < "$TESTDIR/commands")" -gt 40
bad=""
while read -r cmd; do
	[ "$cmd" = help ] && continue
	# shellcheck disable=SC2086
	usage=$("$ROOSTER" --db "$DB" $cmd --help | sed -n 's/^usage: rooster //p')
	for opt in $(printf '%s\n' "$usage" | grep -oE -- '--[a-z-]+' | sort -u); do
		[ "$opt" = --format ] && continue	# a global option
		# shellcheck disable=SC2086
		"$ROOSTER" --db "$DB" $cmd "$opt" > /dev/null 2> "$TESTDIR/err"
		if grep -q "unknown option" "$TESTDIR/err"; then
			bad="$bad $cmd:$opt"
		fi
	done
	# shellcheck disable=SC2086
	"$ROOSTER" --db "$DB" $cmd --no-such-option > /dev/null 2> "$TESTDIR/err"
	grep -q "unknown option '--no-such-option' for '$cmd'" "$TESTDIR/err" ||
	    bad="$bad $cmd:--no-such-option"
done < "$TESTDIR/commands"
check "every option shown is taken, an unknown one refused" test -z "$bad"
[ -z "$bad" ] || echo "#   $bad"

r event add --help
usage=$(printf '%s\n' "$OUT" | sed -n 's/^usage: rooster event add //p')
refused "a missing title quotes the same usage" 2 \
    "missing arguments: rooster event add TITLE --start WHEN" \
    event add --start "2027-01-01 10:00" --end "2027-01-01 11:00"
has_err() { printf '%s\n' "$ERR" | grep -qF -- "$1"; }
check "the usage quoted is --help's" has_err "$usage"
refused "a required option has its own message" 2 \
    "an event needs --start and --end" event add Title --start \
    "2027-01-01 10:00"
refused "ids are checked before the command runs" 2 \
    "invalid shift id 'x'" assign x 1
refused "-o is --output" 2 "option --output needs a value" \
    export csv volunteers -o
refused "a flag takes no value" 2 "option --gaps takes no value" \
    event list --gaps=yes
refused "an option once" 2 "option --from given twice" \
    event list --from 2027-01-01 --from 2027-01-02
finish
