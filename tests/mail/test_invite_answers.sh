#!/bin/sh
# SPDX-License-Identifier: ISC
# Invites that respect answers: a declined assignment gets no REQUEST and
# `who` leaves it out (--all shows it); a moved shift asks everyone on it
# again (PARTSTAT=NEEDS-ACTION, status back to invited, gaps and the reply
# clear it); nothing is sent when the calendar would not change (delete
# and undo, an edit and its reverse); update mails say what changed, in
# the plan's language, by first name, with the event's description. Every
# message passes python3-icalendar.
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
r event add "Taalcafé" --start "2027-03-27 14:00" --end "2027-03-27 17:00" \
    --location "Dorpshuis" --description "Neem je eigen mok mee." >/dev/null
r shift add 1 begeleider --needed 3 >/dev/null
r volunteer add "Ana de Vries" --email ana@example.net >/dev/null
r volunteer add "Jeroen Muller" --email jeroen@example.net >/dev/null
r volunteer add "Bea Bakker" --email bea@example.net >/dev/null
r assign 1 1 --force >/dev/null
r assign 1 2 --force >/dev/null
r assign 1 3 --force >/dev/null
U=$(uid_of_shift 1)
mails() { ls "$WORK/mail" 2>/dev/null | grep -c '\.eml$'; }
checkall() {	# every mail parses, with its calendar, in python3-icalendar
	for f in "$WORK"/mail/*.eml; do
		$CHECK mail "$f" >/dev/null || { echo "$f"; return 1; }
	done
}

r invite --send >/dev/null
ok "first run: three REQUESTs" test "$(mails)" -eq 3

# Ana accepts, Jeroen declines, Bea says nothing (by mail).
reply() {	# partstat address stamp
	printf 'From: %s\nSubject: x\nContent-Type: text/calendar; method=REPLY\n\n' "$2"
	printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//EN\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\nUID:%s\r\nDTSTAMP:%s\r\nSEQUENCE:%s\r\nATTENDEE;PARTSTAT=%s:mailto:%s\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' \
	    "$U" "$3" "$(sqlite3 "$ROOSTER_DB" "SELECT sequence FROM shifts WHERE id = 1")" "$1" "$2"
}
reply ACCEPTED ana@example.net 20261201T080000Z | r import mail - >/dev/null
reply DECLINED jeroen@example.net 20261201T080000Z | r import mail - >/dev/null
r --format csv who 2027-03-27 | tr -d '\r"' >"$WORK/who1"
ok "who leaves out who declined" lacks "$WORK/who1" 'Jeroen'
ok "who lists the others" sh -c "grep -q ',Ana de Vries,accepted$' '$WORK/who1' && grep -q ',Bea Bakker,invited$' '$WORK/who1'"
r --format csv who 2027-03-27 --all | tr -d '\r"' >"$WORK/who1all"
ok "who --all shows them" has "$WORK/who1all" ',Jeroen Muller,declined$'

# Delete and undo: nothing to send.
r event delete 1 >/dev/null
r undo >/dev/null
r invite --send >"$WORK/run2" 2>&1
ok "delete + undo: no message" test "$(mails)" -eq 3
# An edit and its reverse: nothing to send.
r shift edit 1 --start "2027-03-27 15:00" >/dev/null
r shift edit 1 --start "2027-03-27 14:00" >/dev/null
r invite --send >/dev/null
ok "an edit and its reverse: no message" test "$(mails)" -eq 3

# Move the shift: Ana and Bea are asked again, Jeroen is not.
r event edit 1 --start "2027-03-27 14:30" --end "2027-03-27 17:30" \
    --location "Bibliotheek" >/dev/null
r shift edit 1 --start "2027-03-27 14:30" --end "2027-03-27 17:30" >/dev/null
r --format csv invite --send | tr -d '\r"' >"$WORK/run3"
ok "moved: two REQUESTs" test "$(mails)" -eq 5
ok "moved: none to who declined" lacks "$WORK/run3" 'Jeroen'
ana=$(grep -l 'ana@example.net' "$WORK"/mail/3.eml "$WORK"/mail/4.eml)
$CHECK mail "$ana" >"$WORK/upd.txt"
ok "update parses in python3-icalendar" test $? -eq 0
ok "update asks again: PARTSTAT=NEEDS-ACTION" has "$WORK/upd.txt" \
    '^ATTENDEE mailto:ana@example.net .*partstat=NEEDS-ACTION rsvp=TRUE'
ok "update: the new time" has "$WORK/upd.txt" "^EVENT uid=$U start=2027-03-27T13:30Z end=2027-03-27T16:30Z"
ok "update mail greets by first name" has "$WORK/upd.txt" "^TEXT 'Hallo Ana,"
ok "update mail says what changed, dates the Dutch way" has "$WORK/upd.txt" \
    "Gewijzigd: was za 27 mrt 2027 14:00–17:00, nu 14:30–17:30; plaats: Bibliotheek \\(was Dorpshuis\\)"
ok "update mail carries the event's description" has "$WORK/upd.txt" 'Neem je eigen mok mee'
ok "update mail asks to confirm again" has "$WORK/upd.txt" 'Kun je nog steeds'
ok "update mail: Dutch only (plan language nl)" lacks "$WORK/upd.txt" 'Hello Ana'
r --format csv who 2027-03-27 | tr -d '\r"' >"$WORK/who2"
ok "accepted goes back to invited" has "$WORK/who2" ',Ana de Vries,invited$'
r --format csv who 2027-03-27 --all | tr -d '\r"' >"$WORK/who2all"
ok "declined stays declined" has "$WORK/who2all" ',Jeroen Muller,declined$'
r --format csv gaps --from 2027-03-27 --to 2027-03-28 | tr -d '\r"' >"$WORK/gaps1"
ok "gaps names who has not reconfirmed" has "$WORK/gaps1" '^1,1,.*,Ana de Vries, Bea Bakker$'

# Ana reconfirms by mail: accepted, no longer listed.
reply ACCEPTED ana@example.net 20261202T080000Z | r import mail - >"$WORK/imp"
r --format csv who 2027-03-27 | tr -d '\r"' >"$WORK/who3"
ok "reconfirmed: accepted" has "$WORK/who3" ',Ana de Vries,accepted$'
r --format csv gaps --from 2027-03-27 --to 2027-03-28 | tr -d '\r"' >"$WORK/gaps2"
ok "gaps: only Bea left to reconfirm" has "$WORK/gaps2" '^1,1,.*,0,Bea Bakker$'
ok "gaps: Ana not" lacks "$WORK/gaps2" 'Ana'

# A new title only: an update that does not ask again.
r event edit 1 --title "Taalcafé Noord" >/dev/null
r invite --send >/dev/null
ok "title change: two updates sent" test "$(mails)" -eq 7
$CHECK mail "$(grep -l 'ana@example.net' "$WORK/mail/5.eml" "$WORK/mail/6.eml")" >"$WORK/title.txt"
ok "title change keeps Ana's answer" has "$WORK/title.txt" \
    '^ATTENDEE mailto:ana@example.net .*partstat=ACCEPTED'
ok "title change: says so" has "$WORK/title.txt" 'Gewijzigd: naam: begeleider – Taalcafé Noord \(was begeleider – Taalcafé\)'
ok "title change: no question again" lacks "$WORK/title.txt" 'Kun je nog steeds'
r --format csv who 2027-03-27 | tr -d '\r"' >"$WORK/who4"
ok "title change: Ana stays accepted" has "$WORK/who4" ',Ana de Vries,accepted$'

ok "every message passes python3-icalendar" checkall
finish
