#!/bin/sh
# SPDX-License-Identifier: ISC
# event show's ALL DAY reads as a word in the reader's language in a
# table ("HELE DAG: nee", not "false"), as volunteer show's ACTIVE does;
# json keeps a boolean and csv true/false. volunteer show lists their
# own shifts without repeating their name on every row (json keeps it).
. "$(dirname "$0")/../lib.sh"
r init --timezone Europe/Amsterdam --name "Samen Thuis"
r event add "Taalcafé" --start "2030-03-05 19:30" --end "2030-03-05 21:30"
r event add "Fietsdag" --date 2030-03-09
r event show 1
has "English: ALL DAY no" "ALL DAY:     no"
r event show 2
has "English: ALL DAY yes" "ALL DAY:     yes"
LC_ALL=nl_NL.UTF-8 r event show 1
check "Dutch: HELE DAG nee" sh -c 'printf "%s\n" "$1" | grep -q "^HELE DAG: *nee$"' - "$OUT"
LC_ALL=nl_NL.UTF-8 r event show 2
check "Dutch: HELE DAG ja" sh -c 'printf "%s\n" "$1" | grep -q "^HELE DAG: *ja$"' - "$OUT"
r --format json event show 2
json "json: a boolean" 'j["all_day"] is True'
r --format csv event show 1
has "csv: false" "false"
r volunteer add "Joëlle van der Linden-Hoogeveen" --skills begeleider
r shift add 1 begeleider
r assign 1 joelle
COLUMNS=80 r volunteer show joelle
check "volunteer show: the name once, not on each shift" [ "$(printf '%s\n' "$OUT" | grep -c 'Joëlle van der')" -eq 1 ]
has "volunteer show: the shift listed" "Taalcafé"
r shift add 1 gastvrouw
COLUMNS=80 r event show 1
check "event show: the title once, not on each shift" [ "$(printf '%s\n' "$OUT" | grep -c 'Taalcafé')" -eq 1 ]
has "event show: its shifts listed" "gastvrouw"
check "event show: no EVENT id column on each shift" sh -c '! printf "%s" "$1" | grep -qE "^ID +EVENT "' - "$OUT"
r --format json event show 1
json "event show json: the shifts as before" 'len(j["shifts"])==2 and j["shifts"][0]["event_id"]==1'
r --format json volunteer show joelle
json "json: the shift keeps its volunteer" 'j["upcoming"][0]["volunteer"].startswith("Joëlle")'
finish
