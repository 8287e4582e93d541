#!/bin/sh
# SPDX-License-Identifier: ISC
# import ics of events: PUBLISH, REQUEST or no METHOD add events by UID;
# importing again changes nothing; a higher SEQUENCE updates; CANCEL
# cancels; our own export does not duplicate our shifts.
. "$(dirname "$0")/lib.sh"

r init --timezone Europe/Amsterdam >/dev/null
cat >"$WORK/partner.ics" <<'ICS'
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Partner//EN
METHOD:PUBLISH
BEGIN:VTIMEZONE
TZID:W. Europe Standard Time
BEGIN:STANDARD
DTSTART:16010101T030000
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:16010101T020000
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3
END:DAYLIGHT
END:VTIMEZONE
BEGIN:VEVENT
UID:partner-1@example.org
DTSTAMP:20261130T100000Z
SEQUENCE:0
DTSTART;TZID=W. Europe Standard Time:20270327T140000
DTEND;TZID=W. Europe Standard Time:20270327T160000
SUMMARY:Partneroverleg\, met gast
LOCATION:Gemeentehuis
END:VEVENT
END:VCALENDAR
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Other//EN
BEGIN:VEVENT
UID:partner-2@example.org
DTSTART:20270328T120000Z
DURATION:PT1H
SUMMARY:Zondagmarkt
END:VEVENT
END:VCALENDAR
ICS
r --format csv import ics "$WORK/partner.ics" | tr -d '\r"' >"$WORK/i1"
ok "two calendars: two events added" grep -q '^2,0,0,0,0$' "$WORK/i1"
r --format csv event list --from 2027-03-01 | tr -d '\r"' >"$WORK/l1"
ok "the file's own zone: 14:00 W. Europe is 14:00 local" grep -q '2027-03-27T14:00:00+01:00,2027-03-27T16:00:00+01:00,Partneroverleg, met gast' "$WORK/l1"
ok "UTC with DURATION: 12:00Z is 14:00 CEST" grep -q '2027-03-28T14:00:00+02:00,2027-03-28T15:00:00+02:00,Zondagmarkt' "$WORK/l1"
r --format csv import ics "$WORK/partner.ics" | tr -d '\r"' >"$WORK/i2"
ok "re-import: nothing added or updated" grep -q '^0,0,2,0,0$' "$WORK/i2"
r --format csv event list --from 2027-03-01 | tr -d '\r"' >"$WORK/l2"
ok "re-import: the same events" cmp -s "$WORK/l1" "$WORK/l2"
sed -e 's/^SEQUENCE:0/SEQUENCE:1/' -e 's/^LOCATION:Gemeentehuis/LOCATION:Bibliotheek/' \
    "$WORK/partner.ics" >"$WORK/v2.ics"
r --format csv import ics "$WORK/v2.ics" | tr -d '\r"' >"$WORK/i3"
ok "higher SEQUENCE: updated" grep -q '^0,1,1,0,0$' "$WORK/i3"
r --format csv event list --from 2027-03-01 | tr -d '\r"' >"$WORK/l3"
ok "update: new location" grep -q 'Bibliotheek' "$WORK/l3"
ok "update: still one event with that UID" test "$(sqlite3 "$ROOSTER_DB" "SELECT count(*) FROM events WHERE uid = 'partner-1@example.org'")" -eq 1
sed -e 's/^METHOD:PUBLISH/METHOD:CANCEL/' -e 's/^SEQUENCE:0/SEQUENCE:2/' \
    -e '/^END:VCALENDAR/q' "$WORK/partner.ics" >"$WORK/cancel.ics"
r import ics "$WORK/cancel.ics" >/dev/null
ok "CANCEL: event cancelled" test "$(sqlite3 "$ROOSTER_DB" "SELECT status FROM events WHERE uid = 'partner-1@example.org'")" = cancelled

# An override of one occurrence shares the series' UID: not applied to it.
cat >"$WORK/rid.ics" <<'ICS'
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Other//EN
BEGIN:VEVENT
UID:partner-2@example.org
RECURRENCE-ID:20270328T120000Z
DTSTART:20270328T170000Z
DTEND:20270328T180000Z
SUMMARY:Verzet
END:VEVENT
END:VCALENDAR
ICS
r import ics "$WORK/rid.ics" >/dev/null 2>"$WORK/err"
ok "RECURRENCE-ID: noted" has "$WORK/err" 'RECURRENCE-ID'
ok "RECURRENCE-ID: the series keeps its title" test \
    "$(sqlite3 "$ROOSTER_DB" "SELECT title FROM events WHERE uid = 'partner-2@example.org'")" = Zondagmarkt

# Our own export imported back: shifts are not turned into events.
r shift add 2 kassa >/dev/null
r export ics >"$WORK/own.ics"
r --format csv import ics "$WORK/own.ics" 2>"$WORK/err" | tr -d '\r"' >"$WORK/i4"
ok "own export: no event added" grep -q '^0,' "$WORK/i4"
ok "own export: the shift is left as it is" has "$WORK/err" 'is a shift of this plan'

printf 'BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:z\nDTSTART:20270401T100000Z\nDTEND:20270401T090000Z\nSUMMARY:x\nEND:VEVENT\nEND:VCALENDAR\n' >"$WORK/back.ics"
r import ics --strict "$WORK/back.ics" >/dev/null 2>"$WORK/err"
ok "end before start, --strict: exit 2" test $? -eq 2
ok "end before start, --strict: says which line" has "$WORK/err" 'back.ics: line 2: '
r --format csv import ics "$WORK/back.ics" 2>"$WORK/err" | tr -d '\r"' >"$WORK/i5"
ok "end before start: the event is skipped, the file read" grep -q '^0,0,0,0,1$' "$WORK/i5"
ok "end before start: a note names its line" has "$WORK/err" 'back.ics: line 2: .*event skipped'
r import ics "$WORK/none.ics" >/dev/null 2>&1
ok "missing file: exit 1" test $? -eq 1
finish
