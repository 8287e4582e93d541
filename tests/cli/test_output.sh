#!/bin/sh
# SPDX-License-Identifier: ISC
# Output that keeps what people act on (issue 15): at 80 columns (a pipe)
# names and titles stay whole while ids, status words and drafts give
# way; COLUMNS is honoured when output is not a terminal; json and csv
# carry what scripts need; a shift's language is shown wherever its role
# is; import ics says who answered what; import csv lists every bad line
# at once; invite --outbox and export feeds create their directory.
. "$(dirname "$0")/../lib.sh"
unset COLUMNS

r init --timezone Europe/Amsterdam
r event add "Taalcafé Oost" --start "2027-01-05 18:00" --end "2027-01-05 20:00" --location Bibliotheek
r shift add 1 tolk --language ar
r shift add 1 tolk --language ti --needed 2
r volunteer add "Fatima El Amrani-Bouzid" --email fatima@example.org --skills tolk --languages ar,nl --max-per-month 3 --notes "geen zaterdag"
r assign 1 1

# 80 columns: the long name whole, the id beside it gives way.
r who 2027-01-05
has "who at 80 columns: the name whole" "Fatima El Amrani-Bouzid"
check "who at 80 columns: no line wider than 80" [ "$(printf '%s\n' "$OUT" | python3 -c 'import sys; print(max(len(l.rstrip("\n")) for l in sys.stdin))')" -le 80 ]
check "who at 80 columns: the VOL id left out" sh -c "! printf '%s' \"\$1\" | grep -q ' VOL '" - "$OUT"
OUT=$(COLUMNS=140 "$ROOSTER" --db "$DB" who 2027-01-05)
has "COLUMNS=140 in a pipe: the VOL id is back" " VOL "
has "COLUMNS=140: the status too" "planned"

# The language beside the role: two tolk shifts differ.
r shift list 1
has "shift list: tolk (ar)" "tolk (ar)"
has "shift list: tolk (ti)" "tolk (ti)"
r gaps --from 2027-01-01
has "gaps: the language" "tolk (ti)"
r who 2027-01-05
has "who: the language" "tolk (ar)"
r print --event 1
has "print: the language" "tolk (ti)"

# What scripts need.
r who 2027-01-05 --format json
json "who json: start, end, event, role, language, status" 'j[0]["start"]=="2027-01-05T18:00:00+01:00" and j[0]["end"]=="2027-01-05T20:00:00+01:00" and j[0]["event"]=="Taalcafé Oost" and j[0]["role"]=="tolk" and j[0]["language"]=="ar" and j[0]["status"]=="planned"'
r gaps --from 2027-01-01 --format json
json "gaps json: event title, location, language" 'j[0]["event_title"]=="Taalcafé Oost" and j[0]["location"]=="Bibliotheek" and j[0]["language"]=="ti"'
r volunteer list --format json
json "volunteer list json: max_per_month, active, notes" 'j[0]["max_per_month"]==3 and j[0]["active"]=="yes" and j[0]["notes"]=="geen zaterdag"'
r who 2027-01-05 --format csv
has "who csv: the language column" '"language"'

# import ics says who answered what.
uid=$(sqlite3 "$DB" "SELECT uid FROM shifts WHERE id = 1")
printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//EN\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\nUID:%s\r\nDTSTAMP:20261201T080000Z\r\nSEQUENCE:0\r\nATTENDEE;PARTSTAT=ACCEPTED:mailto:fatima@example.org\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' "$uid" > "$TESTDIR/reply.ics"
r import ics "$TESTDIR/reply.ics"
has "import ics: who answered what" "Fatima El Amrani-Bouzid (fatima@example.org): accepted for tolk"

# import csv: every bad line at once, also above an unclosed quote.
printf 'name,email,max_per_month\nAna,ana@example.org,x\n,bo@example.org,2\nCas,"cas@example.org,3\n' > "$TESTDIR/bad.csv"
r import csv "$TESTDIR/bad.csv"
check "import csv: refused" [ "$RC" -eq 2 ]
check "import csv: line 2 listed" sh -c "printf '%s' \"\$1\" | grep -q '^line 2: max-per-month'" - "$ERR"
check "import csv: line 3 listed" sh -c "printf '%s' \"\$1\" | grep -q '^line 3: volunteer name is empty'" - "$ERR"
check "import csv: the unclosed quote on line 4 too" sh -c "printf '%s' \"\$1\" | grep -q '^line 4: a quoted field starts here'" - "$ERR"
check "import csv: three problems counted" sh -c "printf '%s' \"\$1\" | grep -q '3 problems'" - "$ERR"

# invite --outbox DIR and export feeds DIR create DIR (not its parent).
mkdir -p "$XDG_CONFIG_HOME/rooster"
printf 'name = Mounia\nemail = mounia@example.org\n' > "$XDG_CONFIG_HOME/rooster/config"
ok_run "invite --outbox creates the directory" invite --outbox "$TESTDIR/outbox"
check "the outbox exists, for its owner" [ "$(stat -c %a "$TESTDIR/outbox")" = 700 ]
check "a message written into it" [ -n "$(ls "$TESTDIR/outbox")" ]
refused "invite --outbox under a missing parent" 2 "parent directory does not exist" invite --outbox "$TESTDIR/nope/outbox"
ok_run "export feeds creates the directory" export feeds "$TESTDIR/feeds"
check "feeds written" [ -n "$(ls "$TESTDIR/feeds")" ]
refused "export feeds under a missing parent" 2 "parent directory does not exist" export feeds "$TESTDIR/nope/feeds"
# Nothing to list: a sentence, not a header over no rows; csv keeps its
# header and json is an empty list.
r who 2031-06-01
check "who on an empty day: one line saying so" [ "$OUT" = "nobody works then" ]
LC_ALL=nl_NL.UTF-8 r who 2031-06-01
check "Dutch who on an empty day" [ "$OUT" = "niemand werkt dan" ]
r gaps --from 2031-06-01 --to 2031-06-30
check "gaps with none: one line saying so" [ "$OUT" = "no shift is short of people" ]
r conflicts --from 2031-06-01 --to 2031-06-30
check "conflicts with none: one line saying so" [ "$OUT" = "no conflicts" ]
r hours --from 2031-06-01 --to 2031-06-30
check "hours with none: one line saying so" [ "$OUT" = "no hours recorded then" ]
r --format csv who 2031-06-01
check "who csv on an empty day: the header alone" [ "$(printf '%s' "$OUT" | tr -d '\r')" = '"shift_id","start","end","event","role","language","volunteer_id","volunteer","status"' ]
r --format json who 2031-06-01
check "who json on an empty day: []" [ "$(printf '%s' "$OUT" | tr -d ' \n')" = "[]" ]
finish
