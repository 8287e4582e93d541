#!/bin/sh
# SPDX-License-Identifier: ISC
# import csv: comma and semicolon files, BOM, Dutch headers, quoted fields
# across lines, bad rows reported by line with nothing imported, re-import
# by e-mail, --dry-run.
. "$(dirname "$0")/../lib.sh"

r init --timezone Europe/Amsterdam --name "Samen Thuis"

# A good comma file, headers in mixed case.
printf '%s\n' 'Name,E-mail,PHONE,Skills,Languages,Max per month,Notes' \
  'Ana de Vries,ana@example.org,06-1234,"begeleider, tolk","nl,en",4,fietst' \
  'Mounir Haddad,mounir@example.org,,tolk,ar,,' \
  '' \
  'Ëlla van Dĳk 山田,,+31 6 5555,,,0,' > "$TESTDIR/good.csv"
ok_run "good comma file imports" import csv "$TESTDIR/good.csv"
check "summary counts three added" [ "$OUT" = "added 3, updated 0, unchanged 0" ]
r volunteer list --format json
json "three volunteers with their fields" 'len(j)==3 and {v["name"] for v in j}=={"Ana de Vries","Mounir Haddad","Ëlla van Dĳk 山田"} and [v for v in j if v["name"]=="Ana de Vries"][0]["skills"]=="begeleider,tolk" and [v for v in j if v["name"]=="Ana de Vries"][0]["languages"]=="nl,en"'
r volunteer show 1 --format json
json "max-per-month and notes read" 'j["max_per_month"]==4 and j["notes"]=="fietst"'

# Semicolons, a BOM, Dutch headers (CRLF as spreadsheets write).
printf '\357\273\277Naam;E-mailadres;Telefoon;Vaardigheden;Talen;Max-per-maand;Opmerkingen\r\n' > "$TESTDIR/nl.csv"
printf 'Bram Jansen;bram@example.nl;06 11 22 33 44;chauffeur;nl;2;rijdt op zaterdag\r\n' >> "$TESTDIR/nl.csv"
printf 'Sanne de Wit;sanne@example.nl;;begeleider;nl, en;;\r\n' >> "$TESTDIR/nl.csv"
ok_run "semicolon file with BOM and Dutch headers imports" import csv "$TESTDIR/nl.csv"
check "two added" [ "$OUT" = "added 2, updated 0, unchanged 0" ]
r volunteer list --search bram --format json
json "BOM does not stick to the first header; fields land right" 'len(j)==1 and j[0]["name"]=="Bram Jansen" and j[0]["email"]=="bram@example.nl" and j[0]["phone"]=="06 11 22 33 44" and j[0]["skills"]=="chauffeur"'

# A quoted field holding a line break and a semicolon; the line numbers of
# later records still count physical lines.
printf 'naam;email;notities\n"Karim; de tolk";karim@example.nl;"eerste regel\ntweede; regel"\nLeen;leen@example.nl;\n' > "$TESTDIR/quoted.csv"
ok_run "quoted field with a newline and a separator imports" import csv "$TESTDIR/quoted.csv"
r volunteer list --search karim --format json
json "separator kept inside quotes" 'len(j)==1 and j[0]["name"]=="Karim; de tolk"'
id=$(sqlite3 "$DB" "select id from volunteers where email='karim@example.nl'")
check "newline kept inside quotes" [ "$(sqlite3 "$DB" "select notes from volunteers where id=$id")" = "$(printf 'eerste regel\ntweede; regel')" ]

# Three bad rows: each reported with its physical line, nothing imported.
printf '%s\n' 'naam;email;max per maand;notities' \
  'Goed Mens;goed@example.nl;1;' \
  ';leeg@example.nl;1;geen naam' \
  'Piet;piet@@example;1;' \
  'Greet;greet@example.nl;veel;"twee' \
  'regels"' \
  'Noor;noor@example.nl;x;' > "$TESTDIR/bad.csv"
before=$(dump)
r import csv "$TESTDIR/bad.csv"
check "bad rows: exit 2" [ "$RC" -eq 2 ]
check "bad rows: line 3 (empty name)" grep -q '^line 3: .*name' "$TESTDIR/err"
check "bad rows: line 4 (e-mail)" grep -q "^line 4: .*piet@@example" "$TESTDIR/err"
check "bad rows: line 5 (max-per-month)" grep -q "^line 5: max-per-month 'veel'" "$TESTDIR/err"
check "bad rows: line 7 counts the quoted line break" grep -q "^line 7: max-per-month 'x'" "$TESTDIR/err"
check "bad rows: one summary error line last" sh -c "tail -n 1 '$TESTDIR/err' | grep -q '^rooster: .*nothing imported: 4 problems'"
check "bad rows: nothing else on stderr" [ "$(wc -l < "$TESTDIR/err")" -eq 5 ]
check "bad rows: the good row was not imported" [ "$(sqlite3 "$DB" "select count(*) from volunteers where email='goed@example.nl'")" -eq 0 ]
check "bad rows: database unchanged" [ "$before" = "$(dump)" ]

# The same volunteer twice in one file.
printf 'name,email\nA,dup@example.org\nB,DUP@example.org\n' > "$TESTDIR/dup.csv"
r import csv "$TESTDIR/dup.csv"
check "duplicate e-mail in the file: exit 2" [ "$RC" -eq 2 ]
check "duplicate e-mail: names both lines" grep -q '^line 3: .*also on line 2' "$TESTDIR/err"

# An unclosed quote and a missing name column.
printf 'name,email\n"Open,open@example.org\n' > "$TESTDIR/open.csv"
r import csv "$TESTDIR/open.csv"
check "unclosed quote: exit 2 at its line" sh -c "[ $RC -eq 2 ] && grep -q '^line 2: .*quote' '$TESTDIR/err'"
printf 'email,phone\na@example.org,1\n' > "$TESTDIR/noname.csv"
r import csv "$TESTDIR/noname.csv"
check "no name column: exit 2 at line 1" sh -c "[ $RC -eq 2 ] && grep -q '^line 1: no name column' '$TESTDIR/err'"
printf 'name\n\377\376\n' > "$TESTDIR/latin.csv"
r import csv "$TESTDIR/latin.csv"
check "not UTF-8: exit 2 naming the line" sh -c "[ $RC -eq 2 ] && grep -q '^line 2: not UTF-8' '$TESTDIR/err'"
refused "missing file" 2 "cannot read" import csv "$TESTDIR/nope.csv"

# Re-import: matched by e-mail (any case), so updated, not duplicated.
printf '%s\n' 'name,email,phone' \
  'Ana de Vries,ANA@EXAMPLE.ORG,06-9999' \
  'Mounir Haddad,mounir@example.org,' \
  'Ëlla van Dĳk 山田,,+31 6 5555' > "$TESTDIR/again.csv"
count=$(sqlite3 "$DB" "select count(*) from volunteers")
ok_run "re-import succeeds" import csv "$TESTDIR/again.csv"
check "re-import: one updated, two unchanged" [ "$OUT" = "added 0, updated 1, unchanged 2" ]
check "re-import: no duplicates" [ "$(sqlite3 "$DB" "select count(*) from volunteers")" -eq "$count" ]
check "re-import: phone updated" [ "$(sqlite3 "$DB" "select phone from volunteers where id=1")" = "06-9999" ]
check "re-import: columns not in the file kept" [ "$(sqlite3 "$DB" "select skills || '/' || max_per_month from volunteers where id=1")" = "begeleider,tolk/4" ]
ok_run "same file again" import csv "$TESTDIR/again.csv"
check "same file again: all unchanged" [ "$OUT" = "added 0, updated 0, unchanged 3" ]

# --dry-run: reports, changes nothing.
printf 'name,email,phone\nNieuw Iemand,nieuw@example.org,\nAna de Vries,ana@example.org,0000\n' > "$TESTDIR/dry.csv"
before=$(dump)
ok_run "dry run succeeds" import csv "$TESTDIR/dry.csv" --dry-run
has "dry run: summary" "dry run, nothing changed: would add 1, update 1, leave 0 unchanged"
has "dry run: lists the row to add with its line" "2  add"
check "dry run: database unchanged" [ "$before" = "$(dump)" ]
r import csv "$TESTDIR/dry.csv" --dry-run --format json
json "dry run json" 'j["added"]==1 and j["updated"]==1 and j["dry_run"]==1 and [x["action"] for x in j["rows"]]==["add","update"] and j["rows"][1]["id"]==1'
before=$(dump)
r import csv "$TESTDIR/bad.csv" --dry-run
check "dry run of a bad file: exit 2" [ "$RC" -eq 2 ]
check "dry run of a bad file: unchanged" [ "$before" = "$(dump)" ]

# A dry run only reads, so it works on a plan that cannot be written.
ro="$TESTDIR/ro"
mkdir -p "$ro"
cp "$DB" "$ro/plan.db"
cp "$TESTDIR/dry.csv" "$ro/dry.csv"
chmod 0755 "$TESTDIR" "$ro"
chmod 0444 "$ro/plan.db" "$ro/dry.csv"
as_user() {
	if [ "$(id -u)" -eq 0 ]; then runuser -u nobody -- "$@"; else "$@"; fi
}
as_user "$ROOSTER" --db "$ro/plan.db" import csv "$ro/dry.csv" --dry-run > "$TESTDIR/o" 2> "$TESTDIR/e"
check "dry run on a read-only plan works" grep -q "would add 1, update 1" "$TESTDIR/o"
as_user "$ROOSTER" --db "$ro/plan.db" import csv "$ro/dry.csv" > "$TESTDIR/o" 2> "$TESTDIR/e"
check "real import on a read-only plan is refused" grep -q "read-only" "$TESTDIR/e"

# Change log: one entry per volunteer written.
check "import is in the change log" [ "$(sqlite3 "$DB" "select count(*) from change_log where action='import csv'")" -ge 8 ]

finish
