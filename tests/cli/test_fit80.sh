#!/bin/sh
# SPDX-License-Identifier: ISC
# At 80 columns in a pipe (issue 15) the tables keep what people act on:
# `shift show` says the shift's facts once and lists its people with
# their whole notes (wrapped, not cut); `who --from/--to` drops the shift
# and volunteer ids before a name is cut; `log` keeps its sentence whole
# (wrapped) while the action and ids give way. Long Dutch and Arabic
# names, in English and Dutch.
. "$(dirname "$0")/../lib.sh"
export COLUMNS=80
# widest TEXT: the most display columns one of its lines takes.
widest() { printf '%s\n' "$1" | wc -L; }
# column HEADER: the text of $OUT's column under HEADER (measured in
# display columns), its lines joined by one space: a wrapped sentence
# reads again as it was written.
column() {
	printf '%s\n' "$OUT" | /usr/bin/python3 -c '
import sys, unicodedata
def cells(line):
    out = []
    for ch in line:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            if out: out[-1] += ch
            continue
        out.append(ch)
        if unicodedata.east_asian_width(ch) in "WF": out.append("")
    return out
import re
lines = [cells(l.rstrip("\n")) for l in sys.stdin]
at = re.compile("(^| )" + re.escape(sys.argv[1]) + "( |$)")
h = next(i for i, l in enumerate(lines) if at.search("".join(l)))
head, lines = "".join(lines[h]), lines[h:]
start = at.search(head).start() + (head[at.search(head).start()] == " ")
end = start + len(sys.argv[1])
while end < len(head) and head[end] == " ": end += 1
if end == len(head): end = None
rows = []
for l in lines[1:]:
    if not "".join(l).strip(): break
    part = " ".join("".join(l[start:end]).split())
    if part: rows.append(part)
print(" ".join(rows))
' "$1"
}
# whole NAME HEADER TEXT: TEXT stands in the column HEADER, uncut.
whole() {
	if column "$2" | grep -qF -- "$3"; then ok "$1"
	else not_ok "$1" "column $2 lacks '$3' whole" "$(printf '%s' "$OUT" | head -20)"; fi
}
narrow() { check "$1: no line wider than ${2:-80}" [ "$(widest "$OUT")" -le "${2:-80}" ]; }

r init --timezone Europe/Amsterdam --name "Samen Thuis"
r event add "Groepsbezoek ADO Den Haag – FC Utrecht met de hele familie" \
    --start "2030-03-13 18:00" --end "2030-03-13 22:30"
r shift add 1 begeleider --needed 3
r shift add 1 chauffeur
r volunteer add "Joëlle van der Linden-Bouzid" --skills begeleider
r volunteer add "فاطمة الزهراء العلوي" --skills begeleider
r volunteer add "Renée Müller-Çelik" --skills chauffeur
NOTE="haalt het gezin op om 17:00 bij het AZC en rijdt daarna door naar het stadion in Den Haag"
r assign 1 joelle --note "$NOTE"
r assign 1 2 --note "tolk voor de familie Al-Hassan"
r assign 2 renee

ok_run "shift show at 80" shift show 1
narrow "shift show"
whole "shift show: the long note whole" NOTE "$NOTE"
whole "shift show: the Dutch name whole" VOLUNTEER "Joëlle van der Linden-Bouzid"
whole "shift show: the Arabic name whole" VOLUNTEER "فاطمة الزهراء العلوي"
check "shift show: the shift's facts said once" [ "$(printf '%s\n' "$OUT" | grep -c 'begeleider')" -eq 1 ]
check "shift show: no SHIFT/WHEN/EVENT columns in the people table" \
    sh -c '! printf "%s" "$1" | grep -qE "^SHIFT|  WHEN  "' - "$OUT"
r shift show 1 --format json
json "shift show json: the people keep their keys" 'sorted(j["assignments"][0].keys())==["note","shift_id","status","volunteer","volunteer_id"]'
LC_ALL=nl_NL.UTF-8 r shift show 1
narrow "Dutch shift show"
whole "Dutch shift show: the note whole" NOTITIE "$NOTE"
COLUMNS=60 r shift show 1
narrow "shift show at 60" 60
whole "shift show at 60: the note whole" NOTE "$NOTE"
whole "shift show at 60: the name whole" VOLUNTEER "Joëlle van der Linden-Bouzid"
check "shift show at 60: the event's title whole (wrapped) in the facts" \
    sh -c 'printf "%s\n" "$1" | sed -n "/^EVENT:/,/^ROLE:/p" | sed "\$d" |
    tr -s " \n" "  " | grep -qF "Groepsbezoek ADO Den Haag – FC Utrecht met de hele familie"' - "$OUT"

ok_run "who --from --to at 80" who --from 2030-03-13 --to 2030-03-14
narrow "who --from --to"
whole "who --from --to: the Dutch name whole" VOLUNTEER "Joëlle van der Linden-Bouzid"
whole "who --from --to: the Arabic name whole" VOLUNTEER "فاطمة الزهراء العلوي"
whole "who --from --to: the role whole" ROLE "chauffeur"
check "who --from --to: the ids gave way" sh -c '! printf "%s" "$1" | grep -qE "^SHIFT| VOL "' - "$OUT"
LC_ALL=nl_NL.UTF-8 r who --from 2030-03-13 --to 2030-03-14
narrow "Dutch who --from --to"
whole "Dutch who --from --to: the name whole" VRIJWILLIGER "Joëlle van der Linden-Bouzid"
r who --from 2030-03-13 --to 2030-03-14 --format csv
has "who csv keeps the shift id" "shift_id"

# who DAY: every row is on that day, so WHEN gives only the times and
# the names get the room the date took (22 columns, 26 in Dutch).
COLUMNS=60 r who 2030-03-13
narrow "who DAY at 60" 60
whole "who DAY at 60: the times without the date" WHEN "18:00-22:30"
check "who DAY at 60: no date in the rows" sh -c '! printf "%s" "$1" | grep -q "2030-03-13"' - "$OUT"
whole "who DAY at 60: the Arabic name whole" VOLUNTEER "فاطمة الزهراء العلوي"
whole "who DAY at 60: Renée's name whole" VOLUNTEER "Renée Müller-Çelik"
COLUMNS=60 LC_ALL=nl_NL.UTF-8 r who 2030-03-13
narrow "Dutch who DAY at 60" 60
whole "Dutch who DAY at 60: the times without the day" WANNEER "18:00-22:30"
whole "Dutch who DAY at 60: the Arabic name whole" VRIJWILLIGER "فاطمة الزهراء العلوي"
r who --from 2030-03-13 --to 2030-03-14
# The date is kept; the year every row shares is not (issue 15).
whole "who --from --to: the date kept (rows may be on several days)" WHEN "03-13 18:00-22:30"

r volunteer edit 3 --name "Renée Müller-Çelik van Oosterhout"
ok_run "log at 80" log --limit 3
narrow "log"
whole "log: the sentence whole" WHAT "volunteer Renée Müller-Çelik van Oosterhout changed"
whole "log: an assignment's sentence whole" WHAT "Renée Müller-Çelik van Oosterhout put on shift chauffeur – Groepsbezoek ADO Den Haag – FC Utrecht met de hele familie 13 Mar"
LC_ALL=nl_NL.UTF-8 r log --limit 3
narrow "Dutch log"
whole "Dutch log: the sentence whole" WAT "vrijwilliger Renée Müller-Çelik van Oosterhout gewijzigd"
COLUMNS=60 r log --limit 3
narrow "log at 60" 60
whole "log at 60: the sentence whole" WHAT "volunteer Renée Müller-Çelik van Oosterhout changed"
r log --limit 1 --format json
json "log json: the action kept" 'j[0]["action"]=="volunteer edit" and j[0]["id"]>0'

# assign --team: the volunteer id gives way and the reason wraps before a
# name or a reason is cut.
r team add "Chauffeurs en begeleiders van de zaterdag"
r team join 1 joelle
r team join 1 2
r team join 1 renee
r assign 2 --team 1
narrow "assign --team"
whole "assign --team: the Dutch name whole" VOLUNTEER "Joëlle van der Linden-Bouzid"
whole "assign --team: the reason whole (wrapped)" WHY "shift 2: Joëlle van der Linden-Bouzid is already on shift 1 (begeleider 2030-03-13 18:00-22:30); and more (see 'rooster suggest') (use --force to assign anyway)"
check "assign --team: the id gave way" sh -c '! printf "%s" "$1" | grep -qE "^VOL "' - "$OUT"
r --format csv assign 2 --team 1
has "assign --team csv keeps the id" "volunteer_id"
# suggest at 60: the rank and the id give way before a name is cut.
COLUMNS=60 r suggest 1
narrow "suggest at 60" 60
whole "suggest at 60: the long name whole" VOLUNTEER "Renée Müller-Çelik van Oosterhout"
check "suggest at 60: the rank and the id gave way" sh -c '! printf "%s" "$1" | grep -qE "^# | VOL "' - "$OUT"
COLUMNS=60 r --format csv suggest 1
has "suggest csv keeps rank and id" '"rank","volunteer_id"'
# A cancelled event at 80 columns, where STATUS gives way: its staffing
# says cancelled, not "0/1 !" (short) as if it still needed people.
r event add "Afgelaste fietsles" --start "2030-03-20 10:00" --end "2030-03-20 12:00"
EV=$OUT
r shift add "$EV" begeleider
r event cancel "$EV"
r event list --from 2030-03-01
row=$(printf '%s\n' "$OUT" | grep "Afgelaste")
check "event list at 80: a cancelled event says so" sh -c 'printf "%s" "$1" | grep -q "cancelled$"' - "$row"
check "event list at 80: a cancelled event is not short" sh -c '! printf "%s" "$1" | grep -q "!"' - "$row"
r shift list "$EV"
check "shift list of a cancelled event: not short" sh -c '! printf "%s" "$1" | grep -q "0/1"' - "$OUT"
has "shift list of a cancelled event: says cancelled" "cancelled"
LC_ALL=nl_NL.UTF-8 r event list --from 2030-03-01
has "Dutch event list: geannuleerd" "geannuleerd"
r --format json event list --from 2030-03-01
json "event list json: the cancelled event's status as before" 'any(e["status"]=="cancelled" for e in j)'
finish
