#!/bin/sh
# SPDX-License-Identifier: ISC
# print: the noticeboard roster. Text fits 80 columns; HTML parses with
# Python's html.parser, is standalone and escaped, asks for A4, and holds
# every assigned name (and no declined one).
. "$(dirname "$0")/../lib.sh"

PY=/usr/bin/python3
r init --timezone Europe/Amsterdam --name "Samen Thuis"
r event add "Voetbal ADO <Den Haag> & co" --start "2027-03-27 14:00" --end "2027-03-27 17:00" --location "Bingoal Stadion, vak \"Z\""
r shift add 1 begeleider --needed 4
r shift add 1 "tolk Arabisch en Tigrinya voor de hele middag" --needed 1
r event add "Taalcafé" --start "2027-03-23 19:00" --end "2027-03-23 21:00" --location "Bibliotheek"
r shift add 2 gastvrouw --needed 1
r event add "Partneroverleg" --start "2027-03-25 10:00" --end "2027-03-25 11:30"
r event add "Next week" --start "2027-03-29 10:00" --end "2027-03-29 11:00"
r shift add 4 algemeen --needed 1
names="Ëlla van Dĳk 山田|Fatima El Amrani|<b>Bold</b> & \"Quoted\" O'Neil|Abdirahman Mohamed Abdullahi Warsame-Hassan Yusuf|Ana de Vries"
i=0
echo "$names" | tr '|' '\n' > "$TESTDIR/names"
while IFS= read -r n; do
	i=$((i + 1))
	r volunteer add "$n" --phone "06 1000 000$i" --skills begeleider,tolk,gastvrouw
done < "$TESTDIR/names"
r volunteer add "Declined Person" --skills begeleider
r volunteer add "Other Week" --skills begeleider
r assign 1 1; r assign 1 2; r assign 1 3; r assign 1 6
r respond 1 6 declined
r respond 1 2 tentative
r assign 2 4 --force
r assign 3 5
r assign 4 7

# html_check FILE NAMES...: parse, check balance and standalone-ness, and
# print the text content for the name checks.
html_check() {
	$PY - "$@" <<'PYEOF'
import sys
from html.parser import HTMLParser
VOID = {"meta", "br", "hr", "img", "link", "input", "col", "wbr"}
class P(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.text, self.tags, self.errors = [], [], [], []
    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)
    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append("unbalanced </%s> (open: %s)" % (tag, self.stack))
        else:
            self.stack.pop()
    def handle_data(self, d):
        self.text.append(d)
src = open(sys.argv[1], encoding="utf-8").read()
p = P()
p.feed(src)
p.close()
if p.stack:
    p.errors.append("unclosed: %s" % p.stack)
assert src.startswith("<!DOCTYPE html>"), "no doctype"
tags = [t for t, a in p.tags]
assert not p.errors, p.errors
assert "script" not in tags and "link" not in tags and "img" not in tags, "not standalone"
assert "http" not in src and "url(" not in src and "@import" not in src, "fetches something"
assert any(t == "meta" and a.get("charset", "").lower() == "utf-8" for t, a in p.tags), "no meta charset"
assert "@page" in src and "size: A4" in src, "no A4 page"
text = "".join(p.text)
for n in sys.argv[2:]:
    if n.startswith("!"):
        assert n[1:] not in text, "should not hold " + n[1:]
    else:
        assert n in text, "lacks " + n
print("fine")
PYEOF
}

# widest FILE: the widest line in display columns.
widest() {
	$PY -c '
import sys, unicodedata
w = 0
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.rstrip("\n")
    n = sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)
    w = max(w, n)
print(w)' "$1"
}

ok_run "print --week (text)" print --week 2027-03-24
cp "$TESTDIR/out" "$TESTDIR/week.txt"
check "text: no line wider than 80 columns" [ "$(widest "$TESTDIR/week.txt")" -le 80 ]
has "text: week heading" "Roster for week 12"
has "text: day heading" "Saturday 27 March"
has "text: time and role" "14:00-17:00  begeleider"
has "text: tentative marked" "Fatima El Amrani (?)"
has "text: what is missing" "1 more needed"
has "text: an event without shifts" "Partneroverleg"
check "text: the declined volunteer is not listed" sh -c "! grep -q 'Declined Person' '$TESTDIR/week.txt'"
check "text: next week's shift is not listed" sh -c "! grep -q 'Other Week' '$TESTDIR/week.txt'"
check "text: no phone numbers without --phones" sh -c "! grep -q '06 1000' '$TESTDIR/week.txt'"

ok_run "print --week --phones" print --week 2027-03-22 --phones
cp "$TESTDIR/out" "$TESTDIR/phones.txt"
has "text: phone numbers with --phones" "Ana de Vries  06 1000 0005"
check "text with phones: no line wider than 80 columns" [ "$(widest "$TESTDIR/phones.txt")" -le 80 ]

ok_run "print --event (text)" print --event 1
has "text --event: the event is the heading" "Voetbal ADO <Den Haag> & co"
has "text --event: place in the subtitle" "Bingoal Stadion"

ok_run "print --week --format html -o FILE" print --week 2027-03-24 --format html --phones -o "$TESTDIR/week.html"
check "html -o file is 0600" [ "$(stat -c %a "$TESTDIR/week.html")" = 600 ]
out=$(html_check "$TESTDIR/week.html" "Ëlla van Dĳk 山田" "Fatima El Amrani" "<b>Bold</b> & \"Quoted\" O'Neil" \
  "Abdirahman Mohamed Abdullahi Warsame-Hassan Yusuf" "Ana de Vries" "06 1000 0005" "Voetbal ADO <Den Haag> & co" \
  '!Declined Person' '!Other Week' 2>&1)
if [ "$out" = fine ]; then ok "html: parses, balanced, standalone, A4, every assigned name"; else not_ok "html: parses, balanced, standalone, A4, every assigned name" "$out"; fi
check "html: markup in names is escaped" grep -qF '&lt;b&gt;Bold&lt;/b&gt; &amp; &quot;Quoted&quot; O&#39;Neil' "$TESTDIR/week.html"

r print --event 1 -o "$TESTDIR/event.html"
check "-o NAME.html means html" grep -q '^<!DOCTYPE html>' "$TESTDIR/event.html"
out=$(html_check "$TESTDIR/event.html" "Ëlla van Dĳk 山田" "Fatima El Amrani" "<b>Bold</b> & \"Quoted\" O'Neil" "Abdirahman Mohamed Abdullahi Warsame-Hassan Yusuf" '!Ana de Vries' '!Declined Person' 2>&1)
if [ "$out" = fine ]; then ok "html --event: valid and holds the event's names"; else not_ok "html --event: valid and holds the event's names" "$out"; fi

# One A4 page, where a renderer is at hand (weasyprint is optional).
if [ -x /usr/bin/weasyprint ]; then
	/usr/bin/weasyprint "$TESTDIR/week.html" "$TESTDIR/week.pdf" 2>/dev/null
	pages=$($PY -c "import re,sys; print(len(re.findall(rb'/Type\s*/Page[^s]', open(sys.argv[1],'rb').read())))" "$TESTDIR/week.pdf" 2>/dev/null)
	check "html renders as one A4 page" [ "$pages" = 1 ]
	check "html page is A4" sh -c "/usr/bin/pdfinfo '$TESTDIR/week.pdf' 2>/dev/null | grep -q '595.* x 841' || ! [ -x /usr/bin/pdfinfo ]"
	# Every week of the demo plan, with phone numbers, and a busy week.
	demo="$TESTDIR/demo.db"
	"$ROOSTER" --db "$demo" demo > /dev/null 2>&1
	most=0
	for w in 0 7 14 21 28 35 42; do
		"$ROOSTER" --db "$demo" print --week "$(date -d "+$w days" +%F)" --phones -o "$TESTDIR/d.html" 2>/dev/null
		/usr/bin/weasyprint "$TESTDIR/d.html" "$TESTDIR/d.pdf" 2>/dev/null
		n=$($PY -c "import re,sys; print(len(re.findall(rb'/Type\s*/Page[^s]', open(sys.argv[1],'rb').read())))" "$TESTDIR/d.pdf" 2>/dev/null)
		[ "${n:-9}" -gt "$most" ] && most=${n:-9}
	done
	check "every demo week prints on one page" [ "$most" -eq 1 ]
	busy="$TESTDIR/busy.db"
	"$ROOSTER" --db "$busy" init --timezone Europe/Amsterdam > /dev/null
	for i in $(seq 1 24); do "$ROOSTER" --db "$busy" volunteer add "Vrijwilliger $i van den Achternaam" --phone "06 1234 56$i" > /dev/null; done
	s=0
	for d in 22 23 24 25 26 27 28; do
		e=$("$ROOSTER" --db "$busy" event add "Activiteit op dag $d" --start "2027-03-$d 10:00" --end "2027-03-$d 12:00" --location "Buurthuis De Linde")
		for role in begeleider tolk; do
			s=$("$ROOSTER" --db "$busy" shift add "$e" "$role" --needed 4)
			for v in 1 2 3; do "$ROOSTER" --db "$busy" assign "$s" $(( (s * 3 + v) % 24 + 1 )) --force > /dev/null 2>&1; done
		done
	done
	"$ROOSTER" --db "$busy" print --week 2027-03-24 --phones -o "$TESTDIR/b.html"
	/usr/bin/weasyprint "$TESTDIR/b.html" "$TESTDIR/b.pdf" 2>/dev/null
	n=$($PY -c "import re,sys; print(len(re.findall(rb'/Type\s*/Page[^s]', open(sys.argv[1],'rb').read())))" "$TESTDIR/b.pdf" 2>/dev/null)
	check "a busy week (14 shifts, 42 names with phones) prints on one page" [ "$n" = 1 ]
else
	echo "skip - html renders as one A4 page (no weasyprint)"
fi

refused "print needs --event or --week" 2 "either --event ID or --week DAY" print
refused "not both" 2 "either --event ID or --week DAY" print --event 1 --week 2027-03-24
refused "unknown print format" 2 "text or --format html" print --week 2027-03-24 --format json
refused "unknown event" 1 "not found" print --event 99
refused "bad day" 2 "" print --week 2027-02-30
refused "global --format still checked elsewhere" 2 "unknown format 'html'" event list --format html

# A role of one long word breaks after its '/' instead of being cut.
r event add "Buurtmaaltijd" --start "2027-03-24 18:00" --end "2027-03-24 20:00"
r shift add "$OUT" gastvrouw/gastheer --needed 1
r print --week 2027-03-22
check "print: a long role breaks after its /, not cut" \
    sh -c 'printf "%s\n" "$1" | grep -q "^  18:00-20:00  gastvrouw/ " && printf "%s\n" "$1" | grep -q "^ *gastheer$"' - "$OUT"
check "print: no role cut with …" sh -c '! printf "%s" "$1" | grep -q "gas…"' - "$OUT"
finish
