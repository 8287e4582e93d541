#!/bin/sh
# SPDX-License-Identifier: ISC
# import mail: replies shaped as Gmail, Outlook and Apple Mail send them
# (multipart/alternative with text/calendar method=REPLY in 7bit, base64
# and quoted-printable, an application/ics attachment, a forwarded
# message/rfc822, a windows-1252 calendar), with real client mails from
# samples/ (see samples/SOURCES) and unrelated mail, in a Maildir: statuses
# set, calendar mail marked seen, the rest untouched byte for byte, a second
# run changes nothing, a reply from someone else is not applied; one
# message on standard input and an mbox.
. "$(dirname "$0")/../ics/lib.sh"
CHECK="/usr/bin/python3 $(cd "$(dirname "$0")/../ics" && pwd)/icscheck.py"
SAMPLES=$(cd "$(dirname "$0")/samples" && pwd)

config "name = Mounia Balakouh" "email = mounia@example.org"
two_events
r volunteer add "Ana de Vries" --email ana@example.net >/dev/null
r volunteer add "Jeroen Muller" --email jeroen@example.net >/dev/null
r volunteer add "Bea Bakker" --email bea@example.net >/dev/null
r volunteer add "Kees Smit" --email kees@example.net >/dev/null
r volunteer add "José Pérez" --email jose@example.net >/dev/null
r volunteer add "Dirk Dijk" --email dirk@example.net \
    --languages nl >/dev/null
r assign 1 1 --force >/dev/null
r assign 1 2 --force >/dev/null
r assign 2 3 --force >/dev/null
r assign 2 4 --force >/dev/null
r assign 2 5 --force >/dev/null
r assign 2 6 --force >/dev/null
U1=$(uid_of_shift 1)
U2=$(uid_of_shift 2)
mkdir "$WORK/out"
r invite --outbox "$WORK/out" >/dev/null

# ics UID PARTSTAT ADDRESS CN [SENT-BY]: a REPLY as clients write it.
ics() {
	sb=
	[ -n "${5:-}" ] && sb=";SENT-BY=\"mailto:$5\""
	printf 'BEGIN:VCALENDAR\r\nPRODID:-//client//EN\r\nVERSION:2.0\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\nUID:%s\r\nDTSTAMP:20261201T%s\r\nSEQUENCE:0\r\nORGANIZER;CN=Mounia Balakouh:mailto:mounia@example.org\r\nATTENDEE;PARTSTAT=%s;CN=%s%s:mailto:%s\r\nSUMMARY:Antwoord\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' \
	    "$1" "${STAMP:-080000Z}" "$2" "$4" "$sb" "$3"
}
b64() { base64 -w 76; }
qp() {
	/usr/bin/python3 -c 'import quopri, sys
sys.stdout.buffer.write(quopri.encodestring(sys.stdin.buffer.read()))'
}

M=$WORK/Maildir
mkdir -p "$M/new" "$M/cur" "$M/tmp"

# Gmail: mixed { alternative { plain b64, html qp, calendar 7bit },
# application/ics b64 }, the same calendar twice.
cal=$(ics "$U1" ACCEPTED ana@example.net "Ana de Vries")
{
	printf 'From: Ana de Vries <ana@example.net>\nTo: mounia@example.org\n'
	printf 'Subject: Accepted: begeleider @ Sat Mar 27, 2027\n'
	printf 'Message-ID: <gmail-1@mail.gmail.com>\nMIME-Version: 1.0\n'
	printf 'Content-Type: multipart/mixed; boundary="000000000000aa"\n\n'
	printf -- '--000000000000aa\nContent-Type: multipart/alternative; boundary="000000000000bb"\n\n'
	printf -- '--000000000000bb\nContent-Type: text/plain; charset="UTF-8"; format=flowed; delsp=yes\nContent-Transfer-Encoding: base64\n\n'
	printf 'Ana de Vries has accepted this invitation.\n' | b64
	printf -- '--000000000000bb\nContent-Type: text/html; charset="UTF-8"\nContent-Transfer-Encoding: quoted-printable\n\n'
	printf '<span style="display:none">Ana de Vries accepted</span>\n' | qp
	printf -- '--000000000000bb\nContent-Type: text/calendar; charset="UTF-8"; method=REPLY\nContent-Transfer-Encoding: 7bit\n\n'
	printf '%s\n' "$cal"
	printf -- '--000000000000bb--\n--000000000000aa\n'
	printf 'Content-Type: application/ics; name="invite.ics"\nContent-Disposition: attachment; filename="invite.ics"\nContent-Transfer-Encoding: base64\n\n'
	printf '%s\n' "$cal" | b64
	printf -- '--000000000000aa--\n'
} >"$M/new/1700000001.gmail.host"

# Outlook: alternative { plain iso-8859-1 qp, html, calendar base64 };
# the From address in another case than the ATTENDEE's.
{
	printf 'From: Jeroen Muller <Jeroen@Example.NET>\nTo: Mounia Balakouh <mounia@example.org>\n'
	printf 'Subject: Declined: begeleider\nMessage-ID: <AM0PR01@eurprd01.prod.outlook.com>\n'
	printf 'Content-Type: multipart/alternative;\n\tboundary="_000_AM0PR01_"\nMIME-Version: 1.0\n\n'
	printf -- '--_000_AM0PR01_\nContent-Type: text/plain; charset="iso-8859-1"\nContent-Transfer-Encoding: quoted-printable\n\n'
	printf 'Helaas, ik kan niet. Groeten, J=FCrgen\n\n'
	printf -- '--_000_AM0PR01_\nContent-Type: text/html; charset="iso-8859-1"\nContent-Transfer-Encoding: quoted-printable\n\n<html><body></body></html>\n'
	printf -- '--_000_AM0PR01_\nContent-Type: text/calendar; charset="utf-8"; method=REPLY\nContent-Transfer-Encoding: base64\n\n'
	ics "$U1" DECLINED jeroen@example.net "Jeroen Muller" | b64
	printf -- '\n--_000_AM0PR01_--\n'
} >"$M/cur/1700000002.outlook.host:2,"

# Apple Mail: mixed { plain, calendar quoted-printable attachment }.
{
	printf 'From: Bea Bakker <bea@example.net>\nContent-Type: multipart/mixed;\n\tboundary="Apple-Mail=_1A2B"\nMime-Version: 1.0 (Mac OS X Mail 16.0 \\(3774.600.62\\))\n'
	printf 'Subject: Invitation: tolk (Tentative)\nMessage-Id: <1A2B@example.net>\nTo: mounia@example.org\nX-Mailer: Apple Mail (2.3774.600.62)\n\n'
	printf -- '--Apple-Mail=_1A2B\nContent-Transfer-Encoding: 7bit\nContent-Type: text/plain;\n\tcharset=us-ascii\n\n\n'
	printf -- '--Apple-Mail=_1A2B\nContent-Type: text/calendar;\n\tcharset=utf-8;\n\tmethod=REPLY;\n\tname=iCal-20261201-080000.ics\n'
	printf 'Content-Disposition: attachment;\n\tfilename=iCal-20261201-080000.ics\nContent-Transfer-Encoding: quoted-printable\n\n'
	ics "$U2" TENTATIVE bea@example.net "Bea Bakker met een heel lange naam die de regel te lang maakt" | qp
	printf -- '\n--Apple-Mail=_1A2B--\n'
} >"$M/cur/1700000003.apple.host:2,F"

# A colleague forwards Kees's reply as an attachment (message/rfc822):
# Kees's own From answers for it.
{
	printf 'From: Coordinator Two <two@example.org>\nTo: mounia@example.org\nSubject: Fwd: Accepted\nMIME-Version: 1.0\n'
	printf 'Content-Type: multipart/mixed; boundary="fwd"\n\n--fwd\nContent-Type: text/plain\n\nSee below.\n'
	printf -- '--fwd\nContent-Type: message/rfc822\nContent-Disposition: attachment\n\n'
	printf 'From: Kees Smit <kees@example.net>\nTo: mounia@example.org\nSubject: Accepted: tolk\nMIME-Version: 1.0\n'
	printf 'Content-Type: text/calendar; charset=UTF-8; method=REPLY\nContent-Transfer-Encoding: base64\n\n'
	ics "$U2" ACCEPTED kees@example.net "Kees Smit" | b64
	printf -- '--fwd--\n'
} >"$M/new/1700000004.fwd.host"

# A windows-1252 calendar, 8bit: the CN holds an e-acute as one byte.
{
	printf 'From: jose@example.net\nTo: mounia@example.org\nSubject: Aceptado\nMIME-Version: 1.0\n'
	printf 'Content-Type: text/calendar; charset=windows-1252; method=REPLY\nContent-Transfer-Encoding: 8bit\n\n'
	ics "$U2" ACCEPTED jose@example.net "Jos$(printf '\351') P$(printf '\351')rez"
} >"$M/new/1700000005.latin.host"

# Someone else answers for Dirk: not applied.
{
	printf 'From: Mallory <mallory@example.com>\nTo: mounia@example.org\nSubject: Declined\nMIME-Version: 1.0\n'
	printf 'Content-Type: text/calendar; charset=UTF-8; method=REPLY\n\n'
	ics "$U2" DECLINED dirk@example.net "Dirk Dijk"
} >"$M/new/1700000006.forged.host"

# Dirk's partner answers for him, named as SENT-BY: applied.
{
	printf 'From: partner@example.net\nTo: mounia@example.org\nSubject: Accepted\nMIME-Version: 1.0\n'
	printf 'Content-Type: text/calendar; charset=UTF-8; method=REPLY\n\n'
	STAMP=090000Z ics "$U2" ACCEPTED dirk@example.net "Dirk Dijk" partner@example.net
} >"$M/new/1700000007.sentby.host"

# A calendar part that is no calendar: listed with the reason.
{
	printf 'From: ana@example.net\nTo: mounia@example.org\nSubject: Broken\nMIME-Version: 1.0\n'
	printf 'Content-Type: text/calendar; charset=UTF-8; method=REPLY\n\nBEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VCALENDAR\n'
} >"$M/new/1700000008.broken.host"

# Real client mails (invitations from elsewhere).
for f in "$SAMPLES"/*.eml; do
	cp "$f" "$M/new/1700000100.$(basename "$f" .eml).host"
done

# Unrelated mail: plain, with an attachment, read and unread.
printf 'From: bob@example.com\nTo: mounia@example.org\nSubject: Lunch?\n\nAt noon?\n' \
    >"$M/new/1700000010.lunch.host"
{
	printf 'From: bob@example.com\nSubject: Report\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="b"\n\n'
	printf -- '--b\nContent-Type: text/plain\n\nAttached.\n--b\nContent-Type: application/pdf; name="r.pdf"\nContent-Transfer-Encoding: base64\n\nJVBERi0xLjQK\n--b--\n'
} >"$M/cur/1700000011.report.host:2,RS"
printf 'From: carol@example.com\nSubject: Hi\n\nHi.\n' >"$M/cur/1700000012.hi.host:2,"
unrelated() {
	(cd "$M" && for f in new/1700000010.lunch.host \
	    "cur/1700000011.report.host:2,RS" "cur/1700000012.hi.host:2,"; do
		printf '%s ' "$f"; sha256sum <"$f"
	done)
}
unrelated >"$WORK/unrelated.before"

# The rows are read as csv (the facts, whatever the terminal's width);
# the same mail on a copy of the plan, as people read it, for the closing
# counts.
cp "$ROOSTER_DB" "$WORK/plan.copy"
cp -R "$M" "$WORK/Maildir.copy"
r --format csv import mail "$M" >"$WORK/run1.csv" 2>"$WORK/err1"
ok "import mail on a Maildir succeeds" test $? -eq 0
tr -d '\r"' <"$WORK/run1.csv" >"$WORK/run1"
COLUMNS=80 "$ROOSTER" --db "$WORK/plan.copy" import mail "$WORK/Maildir.copy" \
    >"$WORK/run1t" 2>>"$WORK/err1"
ok "import mail on a Maildir succeeds, as a table too" test $? -eq 0
# The table at 80 columns (a pipe, SSH): nothing wider, nothing cut (the
# shift and the result wrap), the volunteers' names whole.
ok "the table fits 80 columns" test "$(wc -L <"$WORK/run1t")" -le 80
ok "the table cuts nothing" lacks "$WORK/run1t" '…'
ok "the table: the names whole" sh -c "grep -q '^Jeroen Muller ' '$WORK/run1t' && grep -q '^Ana de Vries ' '$WORK/run1t' && grep -q '^mallory@example.com ' '$WORK/run1t'"
r --format csv who --from 2027-03-27 --to 2027-03-29 | tr -d '\r"' >"$WORK/who1"
r --format csv who --all --from 2027-03-27 --to 2027-03-29 | tr -d '\r"' >"$WORK/who1all"
ok "Gmail reply (7bit + application/ics): accepted" grep -q ',Ana de Vries,accepted$' "$WORK/who1"
ok "Outlook reply (base64, From in another case): declined" grep -q ",Jeroen Muller,declined$" "$WORK/who1all"
ok "Apple Mail reply (quoted-printable): tentative" grep -q ',Bea Bakker,tentative$' "$WORK/who1"
ok "forwarded reply (message/rfc822): accepted" grep -q ',Kees Smit,accepted$' "$WORK/who1"
ok "windows-1252 reply: accepted" grep -q ',José Pérez,accepted$' "$WORK/who1"
ok "reply with SENT-BY from the partner: accepted" grep -q ',Dirk Dijk,accepted$' "$WORK/who1"
ok "summary: reply from whom, which shift, new status" \
    has "$WORK/run1" 'new/1700000001.gmail.host,ana@example.net,1,begeleider[^,]*,[^,]*,Ana de Vries,accepted,applied$'
ok "the forged reply: not applied, sent by whom for whom" \
    has "$WORK/run1" 'mallory@example.com,.*not applied: sent by mallory@example.com for dirk@example.net$'
ok "the broken calendar: listed with the reason" \
    has "$WORK/run1" '1700000008.broken.host,ana@example.net,.*line [0-9]+: '
ok "real Outlook.com mail read (base64 part)" \
    has "$WORK/run1" 'nextcloud-request_outlook_com.host,alice@example.org,'
ok "real Google mail read" has "$WORK/run1" 'nextcloud-request_google.host,alice@example.org,'
ok "Gmail's calendar sent twice: one row" count "$WORK/run1" '1700000001.gmail.host' 1
ok "counts" has "$WORK/run1t" '^14 messages read, 11 with a calendar part, 6 replies applied, 11 marked seen$'
ok "nothing on stderr" test ! -s "$WORK/err1"

ls "$M/new" >"$WORK/new1"
ls "$M/cur" >"$WORK/cur1"
ok "calendar mail left new/" lacks "$WORK/new1" 'gmail|fwd|latin|forged|sentby|broken|nextcloud'
ok "only the unrelated mail stays in new/" test "$(cat "$WORK/new1")" = 1700000010.lunch.host
ok "new/ message moved to cur/ with :2,S" has "$WORK/cur1" '^1700000001\.gmail\.host:2,S$'
ok "cur/ message without flags gets S" has "$WORK/cur1" '^1700000002\.outlook\.host:2,S$'
ok "a flagged one keeps F, S added in order" has "$WORK/cur1" '^1700000003\.apple\.host:2,FS$'
unrelated >"$WORK/unrelated.after"
ok "unrelated mail untouched byte for byte, same names" \
    cmp "$WORK/unrelated.before" "$WORK/unrelated.after"

sqlite3 "$ROOSTER_DB" .dump >"$WORK/dump1"
(cd "$M" && find . -type f | sort | xargs sha256sum) >"$WORK/tree1"
r --format csv import mail "$M" >"$WORK/run2.csv" 2>&1
ok "second run succeeds" test $? -eq 0
tr -d '\r"' <"$WORK/run2.csv" >"$WORK/run2"
r import mail "$M" >"$WORK/run2t" 2>&1
ok "second run succeeds, as a table too" test $? -eq 0
COLUMNS=80 LC_ALL=nl_NL.UTF-8 r import mail "$M" >"$WORK/run2nl" 2>&1
ok "in Dutch the table fits 80 columns" \
    test "$(grep -v 'berichten gelezen' "$WORK/run2nl" | wc -L)" -le 80
ok "in Dutch the table cuts nothing" lacks "$WORK/run2nl" '…'
sqlite3 "$ROOSTER_DB" .dump >"$WORK/dump2"
(cd "$M" && find . -type f | sort | xargs sha256sum) >"$WORK/tree2"
ok "second run changes nothing in the plan" cmp "$WORK/dump1" "$WORK/dump2"
ok "second run changes nothing in the Maildir" cmp "$WORK/tree1" "$WORK/tree2"
ok "second run: replies already recorded" \
    has "$WORK/run2" 'gmail.host:2,S,ana@example.net,.*,accepted,already recorded$'
ok "second run: none applied" has "$WORK/run2t" ' 0 replies applied, 0 marked seen$'

# One message on standard input; then an mbox of two.
STAMP=100000Z ics "$U1" TENTATIVE ana@example.net Ana >"$WORK/c.ics"
{ printf 'From: ana@example.net\nSubject: x\nContent-Type: text/calendar; method=REPLY\n\n'
  cat "$WORK/c.ics"; } | r --format csv import mail - | tr -d '\r"' >"$WORK/run3"
ok "standard input: applied" has "$WORK/run3" '^\(standard input\),ana@example.net,.*,tentative,applied$'
{
	printf 'From ana@example.net Tue Dec  1 11:00:00 2026\n'
	printf 'From: ana@example.net\nSubject: x\nContent-Type: text/calendar; method=REPLY\n\n'
	STAMP=110000Z ics "$U1" ACCEPTED ana@example.net Ana
	printf '\nFrom bob@example.com Tue Dec  1 11:00:00 2026\nFrom: bob@example.com\nSubject: hi\n\nhi\n'
	printf '\nFrom bea@example.net Tue Dec  1 12:00:00 2026\n'
	printf 'From: bea@example.net\nSubject: x\nContent-Type: text/calendar; method=REPLY\n\n'
	STAMP=120000Z ics "$U2" DECLINED bea@example.net Bea
} >"$WORK/mbox"
cp "$WORK/mbox" "$WORK/mbox.orig"
cp "$ROOSTER_DB" "$WORK/plan.copy4"
r --format csv import mail "$WORK/mbox" | tr -d '\r"' >"$WORK/run4"
ok "mbox: the first message" has "$WORK/run4" 'mbox #1,ana@example.net,.*,accepted,applied$'
ok "mbox: the third message" has "$WORK/run4" 'mbox #3,bea@example.net,.*,declined,applied$'
"$ROOSTER" --db "$WORK/plan.copy4" import mail "$WORK/mbox" >"$WORK/run4t"
ok "mbox: three messages read" has "$WORK/run4t" '^3 messages read, 2 with a calendar part, 2 replies applied, 0 marked seen$'
ok "mbox left as it was" cmp "$WORK/mbox" "$WORK/mbox.orig"

# Refusals: one line, exit 2, nothing changed.
sqlite3 "$ROOSTER_DB" .dump >"$WORK/dump3"
r import mail "$M" "$WORK/nonexistent" >"$WORK/out5" 2>"$WORK/err5"
ok "a missing path: exit 2" test $? -eq 2
ok "one line on stderr naming it" test "$(wc -l <"$WORK/err5")" -eq 1
ok "names the path" has "$WORK/err5" 'nonexistent'
mkdir "$WORK/plain"
r import mail "$WORK/plain" >/dev/null 2>"$WORK/err6"
ok "a directory that is no Maildir: exit 2" test $? -eq 2
ok "says so" has "$WORK/err6" 'no Maildir'
r import mail - </dev/null >"$WORK/out7" 2>"$WORK/err7"
ok "empty standard input: exit 2" test $? -eq 2
ok "empty standard input: one line on stderr" test "$(wc -l <"$WORK/err7")" -eq 1
ok "empty standard input: says so" has "$WORK/err7" '^rooster: standard input is empty'
ok "empty standard input: no table" test ! -s "$WORK/out7"
printf '\n \n' | r import mail "$M" - >/dev/null 2>"$WORK/err8"
ok "blank standard input after a Maildir: exit 2" test $? -eq 2
ok "blank standard input: says so" has "$WORK/err8" '^rooster: standard input is empty'
: >"$WORK/empty.eml"
r import mail "$WORK/empty.eml" >/dev/null 2>"$WORK/err9"
ok "an empty message file: exit 2" test $? -eq 2
ok "an empty message file: named" has "$WORK/err9" 'empty.eml is empty'
sqlite3 "$ROOSTER_DB" .dump >"$WORK/dump4"
ok "refusals changed nothing" cmp "$WORK/dump3" "$WORK/dump4"
r import mail >/dev/null 2>&1
ok "no path: exit 2" test $? -eq 2

# Mail with no calendar part: a sentence, not a table header over nothing.
printf 'From: bob@example.com\nSubject: Lunch?\n\nAt noon?\n' >"$WORK/lunch.eml"
r import mail "$WORK/lunch.eml" >"$WORK/out10" 2>"$WORK/err10"
ok "no calendar part: exit 0" test $? -eq 0
ok "no calendar part: says no replies were found" has "$WORK/out10" '^no calendar replies found$'
ok "no calendar part: no table header" sh -c "! grep -q MESSAGE '$WORK/out10'"
ok "no calendar part: the counts follow" has "$WORK/out10" '^1 message read, 0 with a calendar part, 0 replies applied, 0 marked seen$'
r --format json import mail "$WORK/lunch.eml" >"$WORK/json10"
ok "no calendar part: json is an empty list" test "$(tr -d ' \n' <"$WORK/json10")" = "[]"

r --format json import mail "$WORK/mbox" >"$WORK/json"
ok "json rows" /usr/bin/python3 -c 'import json, sys
rows = json.load(open(sys.argv[1]))
assert rows[0]["status"] == "accepted" and rows[0]["shift_id"] == 1, rows
assert rows[0]["result"] == "already recorded", rows' "$WORK/json"

finish
