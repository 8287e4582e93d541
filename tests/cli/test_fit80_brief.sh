#!/bin/sh
# SPDX-License-Identifier: ISC
# What the first month's trial (issue 15) still saw cut at 80 and 60
# columns in a pipe, in English and Dutch: event list cut a 38-character
# title (the place to "Bibliot…"); volunteer show in Dutch dropped STATUS;
# who DAY at 60 cut names over 25 characters; who --from/--to spent 23
# columns on a shift past midnight or on a list across two years. Now the
# year goes when the rows lie within a year (a night shift gives its end's
# time alone), a place or the event beside a name goes before a title or
# a name is cut, and a volunteer's own shifts keep their status. A table
# with room is as before.
. "$(dirname "$0")/../lib.sh"
export COLUMNS=80
widest() { printf '%s\n' "$1" | wc -L; }
narrow() { check "$1: no line wider than ${2:-80}" [ "$(widest "$OUT")" -le "${2:-80}" ]; }
# header NAME WORD: the table's header line has WORD as a column.
header() {
	if printf '%s\n' "$OUT" | grep -E "^[A-Z]" | grep -qE "(^| )$2( |$)"; then ok "$1"
	else not_ok "$1" "no column $2" "$(printf '%s' "$OUT" | head -8)"; fi
}
lacks() {
	if printf '%s' "$OUT" | grep -qF -- "$2"; then not_ok "$1" "output has '$2'" "$(printf '%s' "$OUT" | head -8)"
	else ok "$1"; fi
}

TITLE="Groepsbezoek ADO Den Haag – FC Utrecht"	# 38 characters
PLACE="Bibliotheek Centrum, Spui 68, Den Haag"
NAME="Maria-Fernanda Oyelaran-Vandenbroucke"	# 37
DAYNAME="Fatima-Zahra El Idrissi-Vermeulen"		# 33
r init --timezone Europe/Amsterdam --name "Samen Thuis"
r event add "$TITLE" --start "2030-03-14 18:00" --end "2030-03-14 22:30" --location "$PLACE"
r shift add 1 begeleider --needed 3
r event add Taalcafé --start "2030-03-13 18:00" --end "2030-03-13 21:00" --location "Buurthuis"
r shift add 2 begeleider --needed 3
r event add Nachtopvang --start "2030-03-13 22:00" --end "2030-03-14 02:00"
r shift add 3 wacht
r volunteer add "$NAME"
r volunteer add "$DAYNAME"
r assign 1 1 --force
r assign 2 2 --force
r assign 3 1 --force
r assign 1 2 --force

# 1. event list: the title whole, the year gone, the place what is left.
ok_run "event list at 80" event list
narrow "event list"
has "event list at 80: the 38-character title whole" "$TITLE"
has "event list at 80: the year gone, the rows within one" "03-14 18:00-22:30  $TITLE"
has "event list at 80: a shift past midnight ends in its time alone" "03-13 22:00-02:00  Nachtopvang"
has "event list at 80: the place keeps what room is left" "Bibliothe…"
LANGUAGE=nl r event list
narrow "Dutch event list"
has "Dutch event list at 80: the title whole" "$TITLE"
COLUMNS=60 r event list
narrow "event list at 60" 60
has "event list at 60: the title cut late" "03-14 18:00-22:30  Groepsbezoek ADO Den Haag – F…"
COLUMNS=160 r event list
has "event list at 160 (room): the year and the place as before" \
    "2030-03-14 18:00-22:30             $TITLE  $PLACE"

# 2. volunteer show: their shifts keep STATUS, in Dutch too.
r volunteer show 1
narrow "volunteer show"
header "volunteer show at 80: STATUS kept" STATUS
has "volunteer show at 80: planned" "planned"
LANGUAGE=nl r volunteer show 1
narrow "Dutch volunteer show"
header "Dutch volunteer show at 80: STATUS kept" STATUS
has "Dutch volunteer show at 80: gepland" "gepland"
has "Dutch volunteer show at 80: the night shift brief" "03-13 22:00-02:00"
COLUMNS=60 LANGUAGE=nl r volunteer show 1
narrow "Dutch volunteer show at 60" 60
header "Dutch volunteer show at 60: STATUS kept" STATUS
COLUMNS=132 r volunteer show 1
has "volunteer show at 132 (room): the year and the title as before" \
    "2030-03-13 22:00-2030-03-14 02:00  Nachtopvang"

# 3. who DAY at 60: the event beside the name goes before the name is cut.
COLUMNS=60 r who 2030-03-14
narrow "who DAY at 60" 60
has "who DAY at 60: a 33-character name whole" "$DAYNAME"
has "who DAY at 60: a 37-character one loses two" "Maria-Fernanda Oyelaran-Vandenbrou…"
COLUMNS=60 LANGUAGE=nl r who 2030-03-14
narrow "Dutch who DAY at 60" 60
has "Dutch who DAY at 60: the name whole" "$DAYNAME"
COLUMNS=132 r who 2030-03-14
has "who DAY with room: the event as before" "18:00-22:30  $TITLE  begeleider"

# 4. who --from/--to: a night shift, and a list across two years.
r who --from 2030-03-01 --to 2030-03-31
narrow "who --from --to"
has "who --from --to: the night shift brief" "03-13 22:00-02:00"
has "who --from --to: the 37-character name whole" "$NAME"
r event add "Oud en nieuw" --start "2029-12-31 20:00" --end "2029-12-31 23:30"
r shift add 4 gastheer
r assign 4 1 --force
r who --from 2029-12-01 --to 2030-03-31
narrow "who across two years"
has "who across two years: the name whole" "$NAME"
check "who across two years: months and days, in order" sh -c \
    'printf "%s\n" "$1" | sed -n 2p | grep -q "^12-31 20:00-23:30  "' - "$OUT"
LANGUAGE=nl r who --from 2029-12-01 --to 2030-03-31
narrow "Dutch who across two years"
has "Dutch who across two years: the name whole" "$NAME"
LC_ALL=nl_NL.UTF-8 r who --from 2030-03-01 --to 2030-03-31
narrow "who in the Dutch locale"
has "who in the Dutch locale: its short dates, the night shift brief" "wo 13 mrt 22:00-02:00  "
has "who in the Dutch locale: the name whole" "$NAME"
COLUMNS=132 r who --from 2029-12-01 --to 2030-03-31
has "who across two years with room: the years as before" "2029-12-31 20:00-23:30"
r who --from 2029-12-01 --to 2030-03-31 --format json
json "who json keeps the full start" 'j[0]["start"]=="2029-12-31T20:00:00+01:00" and j[0]["event"]=="Oud en nieuw"'
# More than a year apart the year stays: a month and day would repeat.
r event add Later --start "2031-03-13 10:00" --end "2031-03-13 11:00"
r shift add 5 x
r assign 5 1 --force
r who --from 2029-12-01
narrow "who over more than a year"
has "who over more than a year keeps the year" "2031-03-13 10:00-11:00"
lacks "who over more than a year: no brief dates" "  03-13 "
finish
