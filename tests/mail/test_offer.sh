#!/bin/sh
# SPDX-License-Identifier: ISC
# offer: an open shift needing 2 offered to 5 by invite; three accept
# (their replies arriving in another order than they were sent): the
# first two sent fill the places, the third and the two silent ones get
# a CANCEL "already filled"; offer and invite never send one person two
# REQUESTs for a shift; every message passes python3-icalendar.
. "$(dirname "$0")/../ics/lib.sh"
CHECK="/usr/bin/python3 $(cd "$(dirname "$0")/../ics" && pwd)/icscheck.py"

cat >"$WORK/sendmail" <<'SH'
#!/bin/sh
d=$(dirname "$0")/mail
mkdir -p "$d"
n=$(ls "$d" | grep -c '\.eml$')
cat >"$d/$n.eml"
SH
chmod +x "$WORK/sendmail"
config "name = Mounia Balakouh" "email = mounia@example.org" \
    "sendmail = $WORK/sendmail -t -oi"
r init --timezone Europe/Amsterdam --name "Stichting Samen" \
    --language nl >/dev/null
r event add "Voetbal" --start "2027-04-10 14:00" --end "2027-04-10 17:00" \
    --location "Stadion" >/dev/null
r shift add 1 begeleider --needed 2 >/dev/null
r shift add 1 tolk >/dev/null
for n in Ana Bea Cas Dirk Eva; do
	r volunteer add "$n Test" --email "$(echo "$n" | tr A-Z a-z)@example.net" --skills begeleider,tolk >/dev/null
done
U=$(uid_of_shift 1)
mails() { ls "$WORK/mail" 2>/dev/null | grep -c '\.eml$'; }
checkall() {
	for f in "$WORK"/mail/*.eml; do
		$CHECK mail "$f" >/dev/null || { echo "$f"; return 1; }
	done
}

r offer 1 >/dev/null 2>"$WORK/err0"
ok "offer without --outbox or --send: exit 2" test $? -eq 2
r --format csv offer 1 --send | tr -d '\r"' >"$WORK/run1"
ok "offer succeeds" test "${PIPESTATUS:-0}" = 0
ok "five REQUESTs (limit 3 x 2 open places)" test "$(mails)" -eq 5
ok "each sent" test "$(grep -c '^REQUEST,1,.*,sent,' "$WORK/run1")" -eq 5
sqlite3 "$ROOSTER_DB" "SELECT count(*) FROM assignments WHERE shift_id = 1 AND status = 'offered'" >"$WORK/n1"
ok "five assignments offered" test "$(cat "$WORK/n1")" -eq 5
$CHECK mail "$WORK/mail/0.eml" >"$WORK/m0.txt"
ok "offer mail parses in python3-icalendar" test $? -eq 0
ok "offer: METHOD REQUEST, NEEDS-ACTION" sh -c \
    "grep -q '^METHOD REQUEST$' '$WORK/m0.txt' && grep -q 'partstat=NEEDS-ACTION rsvp=TRUE' '$WORK/m0.txt'"
ok "offer mail says first come first served" has "$WORK/m0.txt" 'Wie het eerst accepteert'
ok "offer subject" has "$WORK/m0.txt" "^HEADER Subject: 'Open dienst: "
r --format json gaps --from 2027-04-10 --to 2027-04-11 >"$WORK/gaps1"
ok "offered people do not fill the shift" /usr/bin/python3 -c 'import json, sys
g = [o for o in json.load(open(sys.argv[1])) if o["id"] == 1][0]
assert g["assigned"] == 0 and g["missing"] == 2, g' "$WORK/gaps1"
r --format csv who 2027-04-10 | tr -d '\r"' >"$WORK/who1"
ok "who does not list offered people as working" lacks "$WORK/who1" 'Test'
r --format csv who 2027-04-10 --all | tr -d '\r"' >"$WORK/who1all"
ok "who --all shows them offered" test "$(grep -c ',offered$' "$WORK/who1all")" -eq 5

r --format csv offer 1 --send | tr -d '\r"' >"$WORK/run2"
ok "offer again: no second REQUEST" test "$(mails)" -eq 5
ok "offer again: nobody new to ask" lacks "$WORK/run2" ',sent,'
r --format csv offer 1 --to Ana,Bea --send | tr -d '\r"' >"$WORK/run2b"
ok "offer --to someone asked: no second REQUEST" test "$(mails)" -eq 5
ok "offer --to someone asked: listed as skipped" test "$(grep -c ',skipped,already on the shift or asked for it' "$WORK/run2b")" -eq 2
r invite --send >/dev/null
ok "invite sends no second REQUEST to the offered" test "$(mails)" -eq 5

# Three accept; Eva's reply (sent last) arrives first, Cas's (sent first)
# second, Ana's third. Bea and Dirk say nothing.
M=$WORK/Maildir
mkdir -p "$M/new" "$M/cur" "$M/tmp"
accept() {	# name stamp file
	a=$(echo "$1" | tr A-Z a-z)@example.net
	{ printf 'From: %s Test <%s>\nSubject: Geaccepteerd\nMIME-Version: 1.0\n' "$1" "$a"
	  printf 'Content-Type: text/calendar; charset=UTF-8; method=REPLY\n\n'
	  printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//EN\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\nUID:%s\r\nDTSTAMP:%s\r\nSEQUENCE:0\r\nORGANIZER:mailto:mounia@example.org\r\nATTENDEE;PARTSTAT=ACCEPTED:mailto:%s\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' "$U" "$2" "$a"
	} >"$M/new/$3"
}
accept Eva 20261201T091000Z 1700000001.eva.host
accept Cas 20261201T090000Z 1700000002.cas.host
accept Ana 20261201T090500Z 1700000003.ana.host
r --format csv import mail "$M" >"$WORK/imp1.csv"
ok "import mail succeeds" test $? -eq 0
tr -d '\r"' <"$WORK/imp1.csv" >"$WORK/imp1"
r --format csv who 2027-04-10 --all | tr -d '\r"' >"$WORK/who2"
ok "the first sent (Cas) is accepted" has "$WORK/who2" ',Cas Test,accepted$'
ok "the second sent (Ana) is accepted" has "$WORK/who2" ',Ana Test,accepted$'
ok "the third (Eva) is not on the shift" lacks "$WORK/who2" 'Eva Test'
ok "the silent ones are taken off it" sh -c "! grep -q 'Bea Test\|Dirk Test' '$WORK/who2'"
ok "summary: Eva too late" has "$WORK/imp1" 'eva.host.*too late: the shift is full'
ok "summary: Cas took the offer" has "$WORK/imp1" 'cas.host.*,accepted,applied: offer taken$'
r --format csv gaps --from 2027-04-10 --to 2027-04-11 | tr -d '\r"' >"$WORK/gaps2"
ok "the shift is full now" lacks "$WORK/gaps2" '^1,'

r --format csv invite --send | tr -d '\r"' >"$WORK/run3"
ok "three CANCELs" test "$(grep -c '^CANCEL,1,.*,sent,' "$WORK/run3")" -eq 3
ok "to Eva, Bea and Dirk" sh -c "grep -q 'CANCEL,1,.*Eva Test' '$WORK/run3' && grep -q 'CANCEL,1,.*Bea Test' '$WORK/run3' && grep -q 'CANCEL,1,.*Dirk Test' '$WORK/run3'"
ok "no REQUEST to the two accepted" lacks "$WORK/run3" '^REQUEST'
$CHECK mail "$WORK/mail/5.eml" >"$WORK/c.txt"
ok "CANCEL parses" has "$WORK/c.txt" '^METHOD CANCEL$'
ok "CANCEL says already filled, thank you" has "$WORK/c.txt" 'al vervuld — dank je wel'
ok "CANCEL subject" has "$WORK/c.txt" "^HEADER Subject: 'Al vervuld: "

sqlite3 "$ROOSTER_DB" .dump >"$WORK/d1"
r import mail "$M" >/dev/null
r invite --send >/dev/null
sqlite3 "$ROOSTER_DB" .dump >"$WORK/d2"
ok "a second import changes nothing" cmp "$WORK/d1" "$WORK/d2"
ok "and sends nothing" test "$(mails)" -eq 8

# --to: name them yourself; a full shift is refused.
mkdir "$WORK/outbox"
r --format csv offer 2 --to "bea@example.net,Dirk" Eva --outbox "$WORK/outbox" | tr -d '\r"' >"$WORK/run4"
ok "--to: three written" test "$(grep -c ',written,' "$WORK/run4")" -eq 3
ok "--to: one file each" test "$(ls "$WORK/outbox" | wc -l)" -eq 3
r offer 1 --send >/dev/null 2>"$WORK/err5"
ok "offering a full shift: refused" test $? -eq 1
ok "says it is full" has "$WORK/err5" 'shift 1 is full'

# A shift filled otherwise (assigned by hand): the offers are taken back.
r shift add 1 kassa >/dev/null
r --format csv offer 3 --to Bea,Dirk --send >/dev/null
ok "kassa offered to two" test "$(mails)" -eq 10
r assign 3 Cas --force >/dev/null
r --format csv invite --send | tr -d '\r"' >"$WORK/run6"
ok "filled by hand: both offers cancelled" test "$(grep -c '^CANCEL,3,.*,sent,' "$WORK/run6")" -eq 2
ok "and Cas invited" test "$(grep -c '^REQUEST,3,.*Cas Test.*,sent,' "$WORK/run6")" -eq 1
$CHECK mail "$WORK/mail/10.eml" >"$WORK/c2.txt"
ok "that CANCEL says already filled too" has "$WORK/c2.txt" 'al vervuld'

# offer --outbox DIR makes DIR as invite does (its parent must exist),
# and only for an offer that is made: a refused one leaves nothing.
r offer 1 --outbox "$WORK/full-outbox" >/dev/null 2>&1
ok "a refused offer creates no outbox" test ! -e "$WORK/full-outbox"
r shift add 1 garderobe >/dev/null
r --format csv offer 4 --to Bea --outbox "$WORK/new-outbox" | tr -d '\r"' >"$WORK/run7"
ok "offer --outbox creates the directory" test -d "$WORK/new-outbox"
ok "the new outbox is its owner's only" test "$(stat -c %a "$WORK/new-outbox")" = 700
ok "and holds the offer" test "$(ls "$WORK/new-outbox" | wc -l)" -eq 1
r offer 4 --to Dirk --outbox "$WORK/nope/outbox" >/dev/null 2>"$WORK/err7"
ok "offer --outbox under a missing parent: exit 2" test $? -eq 2
ok "says the parent is missing" has "$WORK/err7" 'parent directory does not exist'

ok "every message passes python3-icalendar" checkall
finish
