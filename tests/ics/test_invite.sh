#!/bin/sh
# SPDX-License-Identifier: ISC
# invite and import ics: REQUEST -> changed REQUEST (higher SEQUENCE) ->
# CANCEL after unassign and after an event is cancelled; a second run
# sends nothing; iMIP mails parsed by Python's email package; a failing
# sendmail is retried; REPLY files set the status seen by `who`.
. "$(dirname "$0")/lib.sh"

config "name = Mounia Balakouh" "email = mounia@example.org"
two_events
r volunteer add "Jeroen M$(printf '\303\274')ller" --email Jeroen@Example.net >/dev/null
r volunteer add Ana --email ana@example.net >/dev/null
r volunteer add "Zonder Mail" >/dev/null
r assign 1 1 --force >/dev/null
r assign 1 2 --force >/dev/null
r assign 2 1 --force >/dev/null
r assign 2 3 --force >/dev/null
U1=$(uid_of_shift 1)
U2=$(uid_of_shift 2)
mkdir "$WORK/out"

r invite >/dev/null 2>&1
ok "invite without --outbox or --send: exit 2" test $? -eq 2
config "name = Mounia"
r invite --outbox "$WORK/out" >/dev/null 2>"$WORK/err"
ok "invite without organizer email: exit 2" test $? -eq 2
ok "and says to set email" has "$WORK/err" "set 'email = "
config "name = Mounia Balakouh" "email = mounia@example.org"

r --format csv invite --outbox "$WORK/out" >"$WORK/raw"
ok "first invite run succeeds" test $? -eq 0
tr -d '\r"' <"$WORK/raw" >"$WORK/run1.csv"
ok "three REQUESTs written" test "$(grep -c '^REQUEST,.*,written,' "$WORK/run1.csv")" -eq 3
ok "volunteer without e-mail listed and skipped" \
    grep -q '^REQUEST,2,3,Zonder Mail,.*,skipped,no e-mail' "$WORK/run1.csv"
ok "one file per message" test "$(ls "$WORK/out" | wc -l)" -eq 3
f=$WORK/out/shift1-volunteer1-seq0-request.ics
$CHECK cal "$f" >"$WORK/req.txt"
ok "REQUEST parses" test $? -eq 0
ok "METHOD:REQUEST" has "$WORK/req.txt" '^METHOD REQUEST$'
ok "REQUEST: shift UID, SEQUENCE 0, 13:00Z" has "$WORK/req.txt" \
    "^EVENT uid=$U1 start=2027-03-27T13:00Z end=2027-03-27T16:00Z seq=0 status=CONFIRMED"
ok "ORGANIZER from the config" has "$WORK/req.txt" \
    "^ORGANIZER mailto:mounia@example.org cn='Mounia Balakouh'"
ok "ATTENDEE with CN, ROLE, PARTSTAT, RSVP" has "$WORK/req.txt" \
    "^ATTENDEE mailto:Jeroen@Example.net cn='Jeroen M.*ller' role=REQ-PARTICIPANT partstat=NEEDS-ACTION rsvp=TRUE"
ok "one ATTENDEE" count "$WORK/req.txt" '^ATTENDEE' 1
$CHECK cal "$WORK/out/shift2-volunteer1-seq0-request.ics" >"$WORK/req2.txt"
ok "REQUEST after the clock change: 12:00Z" has "$WORK/req2.txt" \
    "^EVENT uid=$U2 start=2027-03-28T12:00Z"
r --format csv who --from 2027-03-27 --to 2027-03-29 | tr -d '\r"' >"$WORK/who1"
ok "sending moves planned to invited" test "$(grep -c ',invited$' "$WORK/who1")" -eq 3
ok "without e-mail stays planned" grep -q ',Zonder Mail,planned$' "$WORK/who1"

r --format csv invite --outbox "$WORK/out" | tr -d '\r"' >"$WORK/run2.csv"
ok "second run writes nothing" test "$(grep -c ',written,' "$WORK/run2.csv")" -eq 0
ok "second run: no new files" test "$(ls "$WORK/out" | wc -l)" -eq 3

# Edit: a new REQUEST with a higher SEQUENCE, same UID, to both on it.
r shift edit 1 --start "2027-03-27 15:00" >/dev/null
r --format csv invite --outbox "$WORK/out" | tr -d '\r"' >"$WORK/run3.csv"
ok "edit: two updated REQUESTs" test "$(grep -c '^REQUEST,1,.*,1,written' "$WORK/run3.csv")" -eq 2
$CHECK cal "$WORK/out/shift1-volunteer1-seq1-request.ics" >"$WORK/upd.txt"
ok "edit: same UID, SEQUENCE 1, new time" has "$WORK/upd.txt" \
    "^EVENT uid=$U1 start=2027-03-27T14:00Z .* seq=1 "

# Unassign: a CANCEL to that volunteer only, SEQUENCE above the last.
r unassign 2 1 >/dev/null
r --format csv invite --outbox "$WORK/out" | tr -d '\r"' >"$WORK/run4.csv"
ok "unassign: one CANCEL" test "$(grep -c '^CANCEL,2,1,.*,written' "$WORK/run4.csv")" -eq 1
$CHECK cal "$WORK/out/shift2-volunteer1-seq1-cancel.ics" >"$WORK/can.txt"
ok "CANCEL: METHOD" has "$WORK/can.txt" '^METHOD CANCEL$'
ok "CANCEL: same UID, SEQUENCE 1, STATUS:CANCELLED" has "$WORK/can.txt" \
    "^EVENT uid=$U2 .* seq=1 status=CANCELLED"
ok "CANCEL: to the removed volunteer" has "$WORK/can.txt" \
    '^ATTENDEE mailto:Jeroen@Example.net'
r --format csv invite --outbox "$WORK/out" | tr -d '\r"' >"$WORK/run5.csv"
ok "CANCEL is sent once" test "$(grep -c '^CANCEL' "$WORK/run5.csv")" -eq 0

# Cancelled event: a CANCEL to everyone invited to it.
r event cancel 1 >/dev/null
r --format csv invite --outbox "$WORK/out" | tr -d '\r"' >"$WORK/run6.csv"
ok "event cancelled: CANCEL to both" test "$(grep -c '^CANCEL,1,' "$WORK/run6.csv")" -eq 2
$CHECK cal "$WORK/out/shift1-volunteer2-seq2-cancel.ics" >"$WORK/can2.txt"
ok "event cancelled: SEQUENCE 2, STATUS:CANCELLED" has "$WORK/can2.txt" \
    "^EVENT uid=$U1 .* seq=2 status=CANCELLED"

# Re-assign after the CANCEL: a REQUEST above the CANCEL's SEQUENCE.
r assign 2 1 --force >/dev/null
r --format csv invite --event 2 --outbox "$WORK/out" | tr -d '\r"' >"$WORK/run7.csv"
ok "re-assigned: REQUEST with SEQUENCE 2" grep -q '^REQUEST,2,1,.*,2,written' "$WORK/run7.csv"

# REPLY: accepted shows in who; without ORGANIZER; older SEQUENCE ignored.
reply() {	# uid seq partstat address stamp
	printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//EN\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\nUID:%s\r\nDTSTAMP:%s\r\nSEQUENCE:%s\r\nATTENDEE;PARTSTAT=%s;CN=X:mailto:%s\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' \
	    "$1" "$5" "$2" "$3" "$4"
}
reply "$U2" 2 ACCEPTED jeroen@EXAMPLE.net 20261201T080000Z >"$WORK/reply.ics"
r import ics "$WORK/reply.ics" >"$WORK/imp" 2>&1
ok "REPLY import succeeds" test $? -eq 0
r --format csv who --from 2027-03-28 --to 2027-03-29 | tr -d '\r"' >"$WORK/who2"
ok "REPLY ACCEPTED shows as accepted in who" grep -q "Jeroen.*,accepted$" "$WORK/who2"
reply "$U2" 1 DECLINED jeroen@example.net 20261201T090000Z >"$WORK/old.ics"
r import ics "$WORK/old.ics" >/dev/null 2>"$WORK/err"
ok "REPLY to an older SEQUENCE is ignored" grep -q "Jeroen.*,accepted$" "$WORK/who2"
ok "and said so" has "$WORK/err" 'older invitation'
r --format csv who --from 2027-03-28 --to 2027-03-29 | tr -d '\r"' >"$WORK/who3"
ok "status unchanged after the old reply" grep -q "Jeroen.*,accepted$" "$WORK/who3"
{ reply "$U2" 2 TENTATIVE jeroen@example.net 20261201T100000Z
  reply "$U2" 0 ACCEPTED nobody@example.net 20261201T100000Z; } >"$WORK/two.ics"
r import ics "$WORK/two.ics" >/dev/null 2>"$WORK/err"
r --format csv who --from 2027-03-28 --to 2027-03-29 | tr -d '\r"' >"$WORK/who4"
ok "two calendars in one file: first applied" grep -q "Jeroen.*,tentative$" "$WORK/who4"
ok "unknown attendee: noted, not fatal" has "$WORK/err" 'nobody@example.net'

# Malformed, --strict: one line with a line number, nothing imported.
{ reply "$U2" 3 DECLINED jeroen@example.net 20261201T110000Z
  printf 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:2027XX01T1000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n'; } >"$WORK/bad.ics"
r import ics --strict "$WORK/bad.ics" >/dev/null 2>"$WORK/err"
ok "malformed: exit 2" test $? -eq 2
ok "malformed: one line with the line number" sh -c \
    "test \$(wc -l <'$WORK/err') -eq 1 && grep -q 'bad.ics: line 15: ' '$WORK/err'"
r --format csv who --from 2027-03-28 --to 2027-03-29 | tr -d '\r"' >"$WORK/who5"
ok "malformed: nothing imported (the good reply neither)" grep -q "Jeroen.*,tentative$" "$WORK/who5"
# Without --strict the unreadable event is skipped, the reply applied.
r import ics "$WORK/bad.ics" >/dev/null 2>"$WORK/err"
ok "malformed, lenient: imported" test $? -eq 0
ok "malformed, lenient: the bad start named by its line" has "$WORK/err" \
    'bad.ics: line 15: .*DTSTART.*event skipped'
r --format csv who --all --from 2027-03-28 --to 2027-03-29 | tr -d '\r"' >"$WORK/who6"
ok "malformed, lenient: the good reply applied" grep -q "Jeroen.*,declined$" "$WORK/who6"

# --send: iMIP through a fake sendmail; hostile names.
cat >"$WORK/sendmail" <<'SH'
#!/bin/sh
d=$(dirname "$0")/mail
mkdir -p "$d"
n=$(ls "$d" | grep -c '\.eml$')
printf '%s\n' "$@" >"$d/$n.args"
cat >"$d/$n.eml"
SH
printf '#!/bin/sh\ncat >/dev/null\nexit 75\n' >"$WORK/failmail"
chmod +x "$WORK/sendmail" "$WORK/failmail"
r volunteer add "$(printf 'Eve\r\nBcc: victim@example.com')" --email eve@example.net >/dev/null 2>&1 ||
r volunteer add "$(printf 'Eve Bcc: victim@example.com \303\251 "q" <a@b>')" --email eve@example.net >/dev/null
r event add "$(printf 'Feest\r\nBcc: x@y \342\200\223 caf\303\251')" --start "2027-04-10 12:00" \
    --end "2027-04-10 15:00" >/dev/null 2>&1 ||
r event add "Feest Bcc: x@y $(printf '\342\200\223') caf$(printf '\303\251')" --start "2027-04-10 12:00" \
    --end "2027-04-10 15:00" >/dev/null
r shift add 3 kok >/dev/null
r assign 3 4 --force >/dev/null
config "name = Mounia Balakouh" "email = mounia@example.org" "sendmail = $WORK/failmail -t -oi"
r invite --event 3 --send >"$WORK/out1" 2>"$WORK/err"
ok "failed hand-off: exit 1" test $? -eq 1
ok "failed hand-off: reported per recipient" has "$WORK/err" 'REQUEST to eve@example.net failed: .*exit status 75'
r --format csv who --from 2027-04-10 --to 2027-04-11 | tr -d '\r"' >"$WORK/who6"
ok "failed hand-off: not marked invited" grep -q ',planned$' "$WORK/who6"
config "name = Mounia Balakouh" "email = mounia@example.org" "sendmail = $WORK/sendmail -t -oi"
r invite --event 3 --send >/dev/null 2>"$WORK/err"
ok "retry: sent" test $? -eq 0
ok "retry: one mail" test -f "$WORK/mail/0.eml"
ok "sendmail got -t -oi as separate arguments" sh -c \
    "test \"\$(cat '$WORK/mail/0.args' | tr '\n' ' ')\" = '-t -oi '"
$CHECK mail "$WORK/mail/0.eml" >"$WORK/mail.txt"
ok "mail parses without defects" test $? -eq 0
ok "mail: text/calendar with method=REQUEST" has "$WORK/mail.txt" \
    '^PART text/calendar charset=UTF-8;method=REQUEST$'
ok "mail: METHOD in the body equals the MIME method" has "$WORK/mail.txt" '^METHOD REQUEST$'
ok "mail: application/ics attachment" has "$WORK/mail.txt" '^PART application/ics name=invite.ics$'
ok "mail: text/plain" has "$WORK/mail.txt" '^PART text/plain charset=UTF-8$'
ok "mail: exactly the headers rooster writes" sh -c \
    "test \"\$(grep '^HEADER' '$WORK/mail.txt' | cut -d: -f1 | tr '\n' ' ')\" = 'HEADER From HEADER To HEADER Subject HEADER Date HEADER Message-ID HEADER MIME-Version HEADER Content-Type '"
ok "mail: no Bcc header" lacks "$WORK/mail.txt" '^HEADER Bcc'
ok "mail: From decodes to the organizer" has "$WORK/mail.txt" \
    "^HEADER From: 'Mounia Balakouh <mounia@example.org>'"
ok "mail: To keeps the hostile name as text" has "$WORK/mail.txt" \
    "^HEADER To: .*Eve.*Bcc: victim@example.com.*<eve@example.net>"
ok "mail: Subject decodes (RFC 2047)" has "$WORK/mail.txt" \
    "^HEADER Subject: 'Uitnodiging / Invitation: kok $(printf '\342\200\223') Feest"
ok "mail: Subject is encoded on the wire" grep -q '^Subject: =?UTF-8?B?' "$WORK/mail/0.eml"
ok "mail: Date and Message-ID" sh -c "grep -q '^Date: ' '$WORK/mail/0.eml' && grep -q '^Message-ID: <' '$WORK/mail/0.eml'"
r --format csv who --from 2027-04-10 --to 2027-04-11 | tr -d '\r"' >"$WORK/who7"
ok "after sending: invited" grep -q ',invited$' "$WORK/who7"
r invite --event 3 --send >/dev/null 2>&1
ok "nothing changed: no second mail" test ! -e "$WORK/mail/1.eml"

# A new address: the invitation goes there, once.
r volunteer edit 4 --email eve.new@example.net >/dev/null
r --format csv invite --event 3 --outbox "$WORK/out" | tr -d '\r"' >"$WORK/run8.csv"
ok "new e-mail address: a REQUEST to it" grep -q \
    ',1,written,.*shift3-volunteer4-seq1-request.ics$' "$WORK/run8.csv"
$CHECK cal "$WORK/out/shift3-volunteer4-seq1-request.ics" >"$WORK/new.txt"
ok "new e-mail address: in the ATTENDEE" has "$WORK/new.txt" \
    '^ATTENDEE mailto:eve.new@example.net '
ok "hostile name: still one ATTENDEE" count "$WORK/new.txt" '^ATTENDEE' 1
ok "hostile name: the line break stays inside CN (RFC 6868)" has \
    "$WORK/new.txt" "^ATTENDEE mailto:eve.new@example.net cn='Eve .*Bcc: victim@example.com' role="
r --format csv invite --event 3 --outbox "$WORK/out" | tr -d '\r"' >"$WORK/run9.csv"
ok "new e-mail address: sent once" test "$(grep -c ',written' "$WORK/run9.csv")" -eq 0
# Two messages for one UID never share a DTSTAMP: were the last one
# stamped at 2100-01-01 00:00:00 (as a run in this very second would
# be), the next is a second later, not "now".
r event add Stempel --start "2027-05-01 10:00" --end "2027-05-01 12:00" >/dev/null
EV=$(sqlite3 "$ROOSTER_DB" "SELECT id FROM events WHERE title = 'Stempel'")
r shift add "$EV" kok >/dev/null
SH=$(sqlite3 "$ROOSTER_DB" "SELECT max(id) FROM shifts")
r volunteer add Stempelaar --email stempel@example.net >/dev/null
VO=$(sqlite3 "$ROOSTER_DB" "SELECT id FROM volunteers WHERE name = 'Stempelaar'")
r assign "$SH" "$VO" --force >/dev/null
rm -rf "$WORK/out9" && mkdir "$WORK/out9"
r invite --outbox "$WORK/out9" >/dev/null
US=$(uid_of_shift "$SH")
sqlite3 "$ROOSTER_DB" "UPDATE invites SET sent_at = 4102444800 WHERE uid = '$US'"
r shift edit "$SH" --start "2027-05-01 10:30" >/dev/null
rm -rf "$WORK/out9" && mkdir "$WORK/out9"
r invite --outbox "$WORK/out9" >/dev/null
ok "DTSTAMP after the last one sent" grep -q 'DTSTAMP:21000101T000001Z' \
    "$WORK/out9/shift$SH-volunteer$VO-seq1-request.ics"
ok "and kept as the last one sent" test "$(sqlite3 "$ROOSTER_DB" \
    "SELECT sent_at FROM invites WHERE uid = '$US'")" -eq 4102444801
finish
