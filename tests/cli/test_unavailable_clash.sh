#!/bin/sh
# SPDX-License-Identifier: ISC
# `volunteer unavailable` over shifts the person already works records the
# period and warns in one line on stderr naming those shifts (exit 0);
# `conflicts` lists the clash from then on. No clash, no warning; a
# declined shift is no clash; a shift past midnight clashes with the next
# day.
. "$(dirname "$0")/../lib.sh"

# warned NAME PATTERN ARGS...: exit 0, one line on stderr, a warning
# matching PATTERN (grep -E), and the period recorded (its id on stdout).
warned() {
	_n=$1; _pat=$2; shift 2
	r "$@"
	_lines=$(printf '%s\n' "$ERR" | wc -l)
	if [ "$RC" -ne 0 ]; then not_ok "$_n" "exit $RC" "stderr: $ERR"
	elif [ -z "$ERR" ] || [ "$_lines" -ne 1 ]; then not_ok "$_n" "stderr not one line: $ERR"
	elif ! printf '%s' "$ERR" | grep -q '^rooster: '; then not_ok "$_n" "stderr: $ERR"
	elif ! printf '%s' "$ERR" | grep -qE -- "$_pat"; then not_ok "$_n" "stderr '$ERR' lacks /$_pat/"
	elif [ "$(sqlite3 "$DB" "SELECT count(*) FROM unavailable WHERE id = '$OUT'")" != 1 ]; then
		not_ok "$_n" "the period was not recorded (stdout: $OUT)"
	else ok "$_n"; fi
}

r init --timezone Europe/Amsterdam
r volunteer add "Ana de Vries"
r volunteer add "Bo Jansen"
r event add Taalcafé --start "2027-01-12 19:00" --end "2027-01-12 21:00"
r shift add 1 gastheer --needed 3
r event add Nachtopvang --start "2027-01-13 22:00" --end "2027-01-14 02:00"
r shift add 2 wacht
r assign 1 ana --force
r assign 2 ana --force
r assign 1 bo --force
r respond 1 bo declined

warned "a day she works: warned, recorded" \
    "^rooster: warning: Ana de Vries already works then: shift 1 \(gastheer – Taalcafé 2027-01-12 19:00-21:00\); recorded anyway \(see 'rooster conflicts'\)$" \
    volunteer unavailable ana --from 2027-01-12 --reason ziek
r conflicts --format csv
has "conflicts lists the clash" "Ana de Vries is unavailable 2027-01-12: ziek"
warned "a shift past midnight clashes with the next day" \
    "already works then: shift 2 \(wacht – Nachtopvang 2027-01-13 22:00-2027-01-14 02:00\);" \
    volunteer unavailable ana --from 2027-01-14
warned "two shifts: both named" "shift 1 \(gastheer – Taalcafé .*\), shift 2 \(wacht – Nachtopvang .*\); recorded anyway" \
    volunteer unavailable ana --from 2027-01-10 --to 2027-01-20
LANGUAGE=nl warned "in Dutch" "^rooster: waarschuwing: Ana de Vries werkt dan al: dienst 1 \(gastheer – Taalcafé 2027-01-12 19:00-21:00\); toch vastgelegd \(zie 'rooster conflicts'\)$" \
    volunteer unavailable ana --from "2027-01-12 20:00" --to "2027-01-12 22:00"
ok_run "a declined shift is no clash" volunteer unavailable bo --from 2027-01-12
ok_run "a day without shifts: no warning" volunteer unavailable ana --from 2027-01-15
ok_run "a period ending as a shift starts: no warning" volunteer unavailable ana \
    --from "2027-01-12 10:00" --to "2027-01-12 19:00"
for d in 16 17 18 19 20; do
	r event add "Les $d" --start "2027-02-$d 10:00" --end "2027-02-$d 12:00"
	r shift add "$OUT" docent
	r assign "$OUT" ana --force
done
warned "five shifts: three named, the rest counted" \
    "shift [0-9]+ \([^)]*\), shift [0-9]+ \([^)]*\), shift [0-9]+ \([^)]*\) and 2 more; recorded anyway" \
    volunteer unavailable ana --from 2027-02-16 --to 2027-02-20
r volunteer unavailable ana --from 2027-02-16 --format json
check "json: the id on stdout, the warning on stderr" sh -c \
    'printf "%s" "$1" | grep -q "\"id\"" && printf "%s" "$2" | grep -q "^rooster: warning: "' - "$OUT" "$ERR"
finish
