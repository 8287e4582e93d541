#!/bin/sh
# SPDX-License-Identifier: ISC
# Whole unavailable days (issue 15): `--from DAY` alone is that one day, a
# time alone is refused; whole days read as days in conflict messages, not
# as midnights ("unavailable 2027-01-12", "2027-01-12 - 2027-01-14").
. "$(dirname "$0")/../lib.sh"

r init --timezone Europe/Amsterdam
r volunteer add "Ana de Vries"
r volunteer add "Bo Jansen"
r event add Taalcafé --start "2027-01-12 19:00" --end "2027-01-12 21:00"
r shift add 1 algemeen --needed 3

ok_run "--from DAY alone" volunteer unavailable ana --from 2027-01-12 --reason ziek
check "it is that one whole day" \
    [ "$(sqlite3 "$DB" 'SELECT end_at - start_at FROM unavailable WHERE id = 1')" = 86400 ]
r volunteer show ana --format json
json "from its midnight" 'j["unavailable"][0]["start"]=="2027-01-12T00:00:00+01:00" and j["unavailable"][0]["end"]=="2027-01-13T00:00:00+01:00"'
before=$(dump)
refused "a time alone says nothing of the end" 2 \
    "--from 2027-01-13 10:00 needs --to \(a day alone, --from DAY, is that whole day\)" \
    volunteer unavailable ana --from "2027-01-13 10:00"
check "the refusal changed nothing" [ "$(dump)" = "$before" ]
refused "--to alone is still refused" 2 "give the period with --from" \
    volunteer unavailable ana --to 2027-01-13

# Conflict messages: days, not 00:00.
refused "a whole day reads as the day" 1 \
    "Ana de Vries is unavailable 2027-01-12: ziek \(use --force" assign 1 ana
ok_run "three days" volunteer unavailable bo --from 2027-01-11 --to 2027-01-13
refused "days read as the first and last" 1 \
    "Bo Jansen is unavailable 2027-01-11 - 2027-01-13 \(use --force" assign 1 bo
r assign 1 bo --force
r conflicts --format csv
has "conflicts: the days" "Bo Jansen is unavailable 2027-01-11 - 2027-01-13"
lacks_midnight() { ! printf '%s' "$OUT" | grep -q "00:00-"; }
check "conflicts: no midnight" lacks_midnight
r volunteer add "Cem Kaya"
ok_run "a timed period" volunteer unavailable cem --from "2027-01-12 18:00" --to "2027-01-12 20:00" --reason tandarts
refused "a timed period keeps its times" 1 \
    "Cem Kaya is unavailable 2027-01-12 18:00-20:00: tandarts" assign 1 cem
finish
