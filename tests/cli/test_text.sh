#!/bin/sh
# SPDX-License-Identifier: ISC
# Names in many scripts align by display width; control characters never
# reach the terminal raw in table output; csv and json keep data exact.
. "$(dirname "$0")/../lib.sh"

r init --timezone Europe/Amsterdam
for n in "فاطمة الزهراء" "ሳምሶን ተስፋይ" "山田太郎" "Ëlla van Dĳk" "Zoë Müller-Lüdenscheidt" "Олена Коваленко" "Ame\xcc\x81lie" ; do
	r volunteer add "$(printf "$n")" --skills begeleider
done
r volunteer list
# Every data row's PHONE column starts at the same display column.
cols=$(printf '%s\n' "$OUT" | tail -n +2 | /usr/bin/python3 -c '
import sys, unicodedata
def w(s):
    n = 0
    for ch in s:
        if unicodedata.combining(ch): continue
        n += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return n
for line in sys.stdin:
    i = line.index("begeleider")
    print(w(line[:i]))
' | sort -u | wc -l)
check "columns align by display width" [ "$cols" -eq 1 ]

r volunteer add "$(printf 'Evil\033]0;pwned\007Name')" --skills begeleider
r volunteer list
check "table output has no raw ESC" sh -c "! grep -q \"\$(printf '\033')\" '$TESTDIR/out'"
has "escape shown escaped" '\e]0;pwned\x07'
r volunteer list --format json
json "json keeps the exact name" 'any(v["name"]=="Evil\x1b]0;pwned\x07Name" for v in j)'
r volunteer add "$(printf 'Line\nBreak')"
r volunteer list
check "newline in a name does not break the table" [ "$(printf '%s\n' "$OUT" | grep -c 'Line')" -eq 1 ]
r volunteer list --format csv
check "csv starts with the header" [ "$(printf '%s\n' "$OUT" | head -1 | tr -d '\r')" = '"id","name","email","phone","skills","languages","max_per_month","active","notes"' ]
check "csv quotes a newline inside a field" /usr/bin/python3 -c "
import csv,sys
rows=list(csv.DictReader(open('$TESTDIR/out', newline='')))
sys.exit(0 if any(r['name']=='Line\nBreak' for r in rows) else 1)"
finish
