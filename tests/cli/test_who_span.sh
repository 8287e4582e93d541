#!/bin/sh
# SPDX-License-Identifier: ISC
# who --from/--to at 80 columns (issue 15): in the C locale the year every
# row shares goes from WHEN ("01-05 18:00-20:00"), so a 37-character name
# stays whole; a list across years keeps it while there is room; json
# keeps the full times.
. "$(dirname "$0")/../lib.sh"

long="Maria-Fernanda Oyelaran-Vandenbroucke"
r init --timezone Europe/Amsterdam
r volunteer add "$long"
r volunteer add Bo
r event add "Taalcafé Noord" --start "2027-01-05 18:00" --end "2027-01-05 20:00"
r shift add 1 gastheer --needed 2
r assign 1 1 --force
r assign 1 2 --force
r event add Kamp --date 2027-01-07 --to 2027-01-09
r shift add 2 kok
r assign "$OUT" Bo --force

export COLUMNS=80
r who --from 2027-01-01 --to 2027-01-31
has "who --from/--to at 80: a 37-character name stays whole" "$long"
has "the shared year goes from a timed shift" "01-05 18:00-20:00  "
has "and from an all-day one" "01-07 - 01-09  "
check "no line is wider than 80" [ "$(printf '%s\n' "$OUT" | wc -L)" -le 80 ]
r who --from 2027-01-01 --to 2027-01-31 --format json
json "json keeps the full start" 'j[0]["start"]=="2027-01-05T18:00:00+01:00"'

r event add Oud --start "2026-12-31 10:00" --end "2026-12-31 11:00"
r shift add "$OUT" x
r assign "$OUT" Bo --force
COLUMNS=100 r who --from 2026-12-01 --to 2027-01-31
has "a list across years keeps the year where there is room" "2026-12-31 10:00-11:00"
# At 80 the year would cut the long name: the rows lie within a year, so
# months and days say which dates they are (tests/cli/test_fit80_brief.sh).
r who --from 2026-12-01 --to 2027-01-31
has "a list across years at 80: the long name whole" "$long"
has "a list across years at 80: the year gives way" "12-31 10:00-11:00  "

finish
