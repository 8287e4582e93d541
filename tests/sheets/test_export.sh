#!/bin/sh
# SPDX-License-Identifier: ISC
# export csv: RFC 4180 with a UTF-8 BOM and CRLF that Python's csv module
# reads back; --dutch; -o creates the file 0600; a round trip through
# import csv changes nothing.
. "$(dirname "$0")/../lib.sh"

PY=/usr/bin/python3
r init --timezone Europe/Amsterdam --name "Samen Thuis"
r event add "Voetbal ADO" --start "2027-03-27 14:00" --end "2027-03-27 17:00" --location "Bingoal Stadion"
r shift add 1 begeleider --needed 2
r volunteer add 'Jan "JJ" Smit, jr.' --email jan@example.org --phone "+31 6 1234" --skills begeleider --notes "$(printf 'twee\nregels; echt')"
r volunteer add "Ëlla van Dĳk 山田" --email ella@example.org --skills begeleider,tolk --languages ar,nl --max-per-month 3
r volunteer add "=SOM(A1)" --skills begeleider
r assign 1 1
r assign 1 2 --note "haalt het gezin op; om 17:00, \"bij de poort\""
r attended 1 2 --hours 2.5 --force

# csv_rows FILE [SEP]: the file read back with Python's csv module as JSON.
csv_rows() {
	$PY - "$1" "${2:-,}" <<'PYEOF'
import csv, io, json, sys
raw = open(sys.argv[1], 'rb').read()
assert raw.startswith(b'\xef\xbb\xbf'), 'no UTF-8 BOM'
body = raw[3:].decode('utf-8')
assert body.split('\n', 1)[0].endswith('\r'), 'header line does not end in CRLF'
assert body.endswith('\r\n'), 'last line does not end in CRLF'
print(json.dumps(list(csv.reader(io.StringIO(body, newline=''),
    delimiter=sys.argv[2], strict=True))))
PYEOF
}

ok_run "export volunteers to stdout" export csv volunteers
cp "$TESTDIR/out" "$TESTDIR/v.csv"
check "starts with the UTF-8 BOM" [ "$(head -c 3 "$TESTDIR/v.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ]
OUT=$(csv_rows "$TESTDIR/v.csv" 2>&1)
json "volunteers parse back with Python's csv" 'j[0][:9]==["id","name","email","phone","skills","languages","max_per_month","notes","active"] and len(j)==4 and all(len(r)==len(j[0]) for r in j)'
# One column a field of volunteer_fields: the keys volunteer show prints,
# in their order, so a field added to the table (after active) is here.
rows=$OUT
header=$(head -1 "$TESTDIR/v.csv" | tr -d '\357\273\277\r' | tr , ' ')
r --format json volunteer show 1
shown=$(printf '%s' "$OUT" | /usr/bin/python3 -c 'import json,sys
print(" ".join(k for k in json.load(sys.stdin) if k not in ("assignments", "upcoming", "unavailable", "teams")))')
check "the volunteers' columns are the keys volunteer show prints ($header)" [ "$header" = "$shown" ]
OUT=$rows
json "quotes, commas, newlines survive" '[r for r in j if r[2]=="jan@example.org"][0][1]=="Jan \"JJ\" Smit, jr." and [r for r in j if r[2]=="jan@example.org"][0][7]=="twee\nregels; echt"'
json "Unicode survives" 'any(r[1]=="Ëlla van Dĳk 山田" and r[4]=="begeleider,tolk" and r[6]=="3" for r in j)'
json "a formula is guarded, a phone number is not" 'any(r[1]=="'"'"'=SOM(A1)" for r in j) and any(r[3]=="+31 6 1234" for r in j)'

ok_run "export assignments -o" export csv assignments -o "$TESTDIR/a.csv"
check "-o: nothing on stdout" [ -z "$OUT" ]
check "-o file is created 0600" [ "$(stat -c %a "$TESTDIR/a.csv")" = 600 ]
OUT=$(csv_rows "$TESTDIR/a.csv" 2>&1)
json "assignments parse back" 'j[0]==["shift_id","event","role","start","end","volunteer_id","name","email","phone","status","attendance","hours","note"] and len(j)==3 and all(len(r)==13 for r in j)'
json "assignment rows: the note last, quotes and commas kept" 'sorted(r[12] for r in j[1:])==["","haalt het gezin op; om 17:00, \"bij de poort\""]'
json "assignment rows: local ISO times, status, attendance, hours" 'sorted((r[6],r[3],r[4],r[9],r[10],r[11]) for r in j[1:])==sorted([("Jan \"JJ\" Smit, jr.","2027-03-27 14:00","2027-03-27 17:00","planned","",""),("Ëlla van Dĳk 山田","2027-03-27 14:00","2027-03-27 17:00","planned","attended","2.50")])'

umask 022
: > "$TESTDIR/old.csv"
chmod 644 "$TESTDIR/old.csv"
r export csv volunteers -o "$TESTDIR/old.csv" --dutch
check "an existing file is replaced 0600" [ "$(stat -c %a "$TESTDIR/old.csv")" = 600 ]
OUT=$(csv_rows "$TESTDIR/old.csv" ';' 2>&1)
json "--dutch: semicolons and Dutch headers" 'j[0][:9]==["id","naam","e-mail","telefoon","vaardigheden","talen","max-per-maand","notities","actief"] and len(j)==4 and all(len(r)==len(j[0]) and r[8]=="ja" for r in j[1:])'
r export csv assignments --dutch
check "--dutch: decimal comma" sh -c "printf '%s' \"\$1\" | grep -q ';attended;2,50'" - "$OUT"
check "--dutch: the note column named notitie" sh -c "printf '%s' \"\$1\" | head -1 | grep -q ';uren;notitie'" - "$OUT"

# Round trip: the Dutch export imports again and changes nothing.
before=$(dump)
ok_run "the export imports again" import csv "$TESTDIR/old.csv"
check "round trip: all unchanged" [ "$OUT" = "added 0, updated 0, unchanged 3" ]

refused "unknown export" 2 "volunteers or assignments" export csv teams
refused "missing directory for -o" 1 "cannot write" export csv volunteers -o "$TESTDIR/nope/v.csv"
check "nothing left behind on failure" [ ! -e "$TESTDIR/nope" ]

finish
