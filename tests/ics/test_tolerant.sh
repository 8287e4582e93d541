#!/bin/sh
# SPDX-License-Identifier: ISC
# import ics reads what clients really write: a bad property is a note
# with its line, not a refused file; an event without UID gets a stable
# one; time zones by Windows name, Outlook display name, libical and
# Evolution prefixes, or a VTIMEZONE after the events; a REPLY never fails
# over what it does not need; series overrides before their master,
# RANGE=THISANDFUTURE, EXDATE and CANCEL of one occurrence. --strict keeps
# the all-or-nothing rule; what is not iCalendar is refused whole.
. "$(dirname "$0")/lib.sh"

r init --timezone Europe/Amsterdam >/dev/null
# import FILE: csv counts into $WORK/n (added,updated,unchanged,replies,
# ignored), notes into $WORK/err, exit status into $WORK/rc.
import() {
	r --format csv import ics "$@" 2>"$WORK/err" | tr -d '\r"' | tail -1 \
	    >"$WORK/n"
	echo $? >"$WORK/rc"
}
# when UID: "start end" of the event with that UID, in UTC.
when() {
	r --format json event list --from 2027-01-01 --to 2028-12-31 |
	    /usr/bin/python3 -c '
import datetime, json, sys
UTC = datetime.timezone.utc
for e in json.load(sys.stdin):
    if e["uid"] == sys.argv[1]:
        print(" ".join(datetime.datetime.fromisoformat(e[k]).astimezone(UTC)
                       .strftime("%Y-%m-%dT%H:%MZ") for k in ("start", "end")))
' "$1"
}

# --- a bad property is a note --------------------------------------------
printf '\357\273\277BEGIN:VCALENDAR\nMETHOD:PUBLISH\nX-WR-CALDESC:\nBEGIN:VEVENT\nUID:t1@x\n\nDTSTART:20270405T100000Z\nDTEND:20270405T110000Z\nDESCRIPTION:\nLOCATION;LANGUAGE=en-US:\nSUMMARY:Een heel lange titel die veel langer is dan vijfenzeventig octetten en niet gevouwen werd\nORGANIZER:MAILTO:a@example.org\nEND:VEVENT\nEND:VCALENDAR\n' >"$WORK/t1.ics"
import "$WORK/t1.ics"
ok "BOM, LF only, blank line, no PRODID or VERSION: imported" \
    grep -q '^1,0,0,0,0$' "$WORK/n"
ok "empty DESCRIPTION: a note with its line" \
    has "$WORK/err" 't1.ics: line 9: empty DESCRIPTION ignored$'
ok "empty LOCATION with a parameter: a note" \
    has "$WORK/err" 'line 10: empty LOCATION ignored$'
ok "empty property of the calendar: a note" \
    has "$WORK/err" 'line 3: empty X-WR-CALDESC ignored$'
ok "notes never speak libical's words" \
    lacks "$WORK/err" 'No value|Removing entire|X-LIC-ERRORTYPE'
ok "long unfolded line: the whole title" test \
    "$(sqlite3 "$ROOSTER_DB" "SELECT length(title) FROM events WHERE uid = 't1@x'")" -eq 89
r import ics --strict "$WORK/t1.ics" >/dev/null 2>"$WORK/err"
ok "--strict: refused (exit 2)" test $? -eq 2
ok "--strict: one line naming the first problem" sh -c \
    "test \$(wc -l <'$WORK/err') -eq 1 && grep -q 'line 3: empty X-WR-CALDESC; nothing was imported' '$WORK/err'"

# --- events without UID, DTEND with DURATION ------------------------------
cat >"$WORK/t2.ics" <<'ICS'
BEGIN:VCALENDAR
BEGIN:VEVENT
DTSTART:20270406T100000Z
DTEND:20270406T120000Z
DURATION:PT1H
SUMMARY:Zonder UID
END:VEVENT
BEGIN:VEVENT
DTSTART:20270407T100000Z
DURATION:PT1H
SUMMARY:Nog een zonder UID
END:VEVENT
END:VCALENDAR
ICS
import "$WORK/t2.ics"
ok "two events without UID: both added" grep -q '^2,0,0,0,0$' "$WORK/n"
ok "without UID: a note" has "$WORK/err" 'line 2: VEVENT without UID; given one'
ok "DTEND and DURATION: a note, DTEND used" \
    has "$WORK/err" 'line 5: both DTEND and DURATION; DTEND used'
ok "DTEND wins" test "$(sqlite3 "$ROOSTER_DB" "SELECT end_at - start_at FROM events WHERE title = 'Zonder UID'")" -eq 7200
import "$WORK/t2.ics"
ok "re-import: UIDs made from content find the same events" \
    grep -q '^0,0,2,0,0$' "$WORK/n"

printf 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:zero@x\r\nDTSTART:20270408T100000Z\r\nDTEND:20270408T100000Z\r\nSUMMARY:Herinnering\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' >"$WORK/zero.ics"
import "$WORK/zero.ics"
ok "an event that takes no time: skipped" grep -q '^0,0,0,0,1$' "$WORK/n"
ok "and says why" has "$WORK/err" 'line 2: event takes no time .*; event skipped$'

# --- time zones ------------------------------------------------------------
cat >"$WORK/t3.ics" <<'ICS'
BEGIN:VCALENDAR
BEGIN:VEVENT
UID:win@x
DTSTART;TZID=W. Europe Standard Time:20270410T140000
DTEND;TZID=W. Europe Standard Time:20270410T150000
SUMMARY:Windows name
END:VEVENT
BEGIN:VEVENT
UID:fle@x
DTSTART;TZID=FLE Standard Time:20270410T140000
DTEND;TZID=FLE Standard Time:20270410T150000
SUMMARY:FLE
END:VEVENT
BEGIN:VEVENT
UID:pac@x
DTSTART;TZID="Pacific Standard Time":20270410T140000
DTEND;TZID="Pacific Standard Time":20270410T150000
SUMMARY:Pacific
END:VEVENT
BEGIN:VEVENT
UID:display@x
DTSTART;TZID="(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna":20270410T140000
DTEND;TZID="(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna":20270410T150000
SUMMARY:Outlook display name
END:VEVENT
BEGIN:VEVENT
UID:eastern@x
DTSTART;TZID="(UTC-05:00) Eastern Time (US & Canada)":20270410T140000
DTEND;TZID="(UTC-05:00) Eastern Time (US & Canada)":20270410T150000
SUMMARY:Outlook display name without cities
END:VEVENT
BEGIN:VEVENT
UID:prefix@x
DTSTART;TZID=/softwarestudio.org/Tzfile/America/Chicago:20270410T140000
DTEND;TZID=/freeassociation.sourceforge.net/Tzfile/America/Chicago:20270410T150000
SUMMARY:Prefixed
END:VEVENT
BEGIN:VEVENT
UID:custom@x
DTSTART;TZID=Customized Time Zone:20270410T140000
DTEND;TZID=Customized Time Zone:20270410T150000
SUMMARY:Own VTIMEZONE, after the event
END:VEVENT
BEGIN:VEVENT
UID:nowhere@x
DTSTART;TZID=Nowhere Standard Time:20270410T140000
DTEND;TZID=Nowhere Standard Time:20270410T150000
SUMMARY:Unknown
END:VEVENT
BEGIN:VTIMEZONE
TZID:Customized Time Zone
BEGIN:STANDARD
DTSTART:16010101T000000
TZOFFSETFROM:+0530
TZOFFSETTO:+0530
END:STANDARD
END:VTIMEZONE
END:VCALENDAR
ICS
import "$WORK/t3.ics"
ok "time zones: seven added, the unknown one skipped" grep -q '^7,0,0,0,1$' "$WORK/n"
ok "Windows name through ICU: W. Europe is Berlin (CEST)" \
    test "$(when win@x)" = "2027-04-10T12:00Z 2027-04-10T13:00Z"
ok "Windows name: FLE is Kyiv (EEST)" \
    test "$(when fle@x)" = "2027-04-10T11:00Z 2027-04-10T12:00Z"
ok "Windows name: Pacific (PDT)" \
    test "$(when pac@x)" = "2027-04-10T21:00Z 2027-04-10T22:00Z"
ok "Outlook display name: Amsterdam" \
    test "$(when display@x)" = "2027-04-10T12:00Z 2027-04-10T13:00Z"
ok "Outlook display name without cities: Eastern (EDT)" \
    test "$(when eastern@x)" = "2027-04-10T18:00Z 2027-04-10T19:00Z"
ok "Evolution and libical prefixes: Chicago (CDT)" \
    test "$(when prefix@x)" = "2027-04-10T19:00Z 2027-04-10T20:00Z"
ok "a name nothing knows uses its VTIMEZONE, even after the event" \
    test "$(when custom@x)" = "2027-04-10T08:30Z 2027-04-10T09:30Z"
ok "neither: a note, the event skipped" has "$WORK/err" \
    "line 46: DTSTART names time zone 'Nowhere Standard Time', which the file does not define; event skipped"

# Lotus Notes names the hour of the change in its zones' rules, and Podio
# writes a comment after END:VCALENDAR.
cat >"$WORK/notes.ics" <<'ICS'
BEGIN:VCALENDAR
PRODID:-//Lotus Development Corporation//NONSGML Notes 8.5.3//EN_C
BEGIN:VTIMEZONE
TZID:W. Europe
BEGIN:STANDARD
DTSTART:19501029T020000
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
RRULE:FREQ=YEARLY;BYMINUTE=0;BYHOUR=2;BYDAY=-1SU;BYMONTH=10
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:19500326T020000
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
RRULE:FREQ=YEARLY;BYMINUTE=0;BYHOUR=2;BYDAY=-1SU;BYMONTH=3
END:DAYLIGHT
END:VTIMEZONE
BEGIN:VEVENT
UID:notes@x
DTSTART;TZID="W. Europe":20270410T140000
DTEND;TZID="W. Europe":20270410T150000
SUMMARY:Notes
END:VEVENT
END:VCALENDAR
X-COMMENT:Cached from 2022-02-20 14:28:21
ICS
import "$WORK/notes.ics"
ok "Lotus Notes zone rules with BYHOUR and BYMINUTE: read" \
    test "$(when notes@x)" = "2027-04-10T12:00Z 2027-04-10T13:00Z"
ok "text after END:VCALENDAR: a note" has "$WORK/err" \
    'line 25: text after END:VCALENDAR ignored$'
printf 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x@x\r\nEND:VEVENT\r\n' >"$WORK/after.ics"
r import ics "$WORK/after.ics" >/dev/null 2>&1
ok "a component after END:VCALENDAR: refused (exit 2)" test $? -eq 2

# --- replies need only what they use ----------------------------------------
config "name = Mounia Balakouh" "email = mounia@example.org"
r volunteer add Ana --email ana@example.net >/dev/null
r event add Taalcafe --start "2027-04-20 14:00" --end "2027-04-20 17:00" >/dev/null
r shift add "$(sqlite3 "$ROOSTER_DB" "SELECT id FROM events WHERE title = 'Taalcafe'")" gastvrouw >/dev/null
SH=$(sqlite3 "$ROOSTER_DB" "SELECT max(id) FROM shifts")
r assign "$SH" "$(sqlite3 "$ROOSTER_DB" "SELECT id FROM volunteers WHERE name = 'Ana'")" --force >/dev/null
mkdir "$WORK/out"
r invite --outbox "$WORK/out" >/dev/null
U=$(uid_of_shift "$SH")
# Shaped as Google Calendar writes a reply: empty DESCRIPTION and
# LOCATION, X-NUM-GUESTS; and here a TZID nothing defines.
cat >"$WORK/reply.ics" <<ICS
BEGIN:VCALENDAR
PRODID:-//Google Inc//Google Calendar 70.9054//EN
VERSION:2.0
CALSCALE:GREGORIAN
METHOD:REPLY
BEGIN:VEVENT
DTSTART;TZID=Nowhere Standard Time:20270420T140000
DTEND;TZID=Nowhere Standard Time:20270420T170000
DTSTAMP:20270301T100000Z
ORGANIZER;CN=Mounia Balakouh:mailto:mounia@example.org
UID:$U
ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=Ana;X-NUM-GUESTS=0:MAILTO:ANA@EXAMPLE.NET
CREATED:20270301T090000Z
DESCRIPTION:
LAST-MODIFIED:20270301T100000Z
LOCATION:
SEQUENCE:0
STATUS:CONFIRMED
SUMMARY:Taalcafe
TRANSP:OPAQUE
END:VEVENT
END:VCALENDAR
ICS
import "$WORK/reply.ics"
ok "Google-shaped reply, empty DESCRIPTION, unknown zone: applied" \
    grep -q '^0,0,0,1,0$' "$WORK/n"
ok "the volunteer is accepted" test "$(sqlite3 "$ROOSTER_DB" \
    "SELECT status FROM assignments WHERE shift_id = $SH")" = accepted

# --- series ------------------------------------------------------------------
cat >"$WORK/s1.ics" <<'ICS'
BEGIN:VCALENDAR
BEGIN:VEVENT
UID:week@x
RECURRENCE-ID:20270506T100000Z
DTSTART:20270506T120000Z
DTEND:20270506T130000Z
SUMMARY:Verzet
END:VEVENT
BEGIN:VEVENT
UID:week@x
DTSTART:20270429T100000Z
DTEND:20270429T110000Z
RRULE:FREQ=WEEKLY;COUNT=6
EXDATE:20270520T100000Z
SUMMARY:Wekelijks
END:VEVENT
END:VCALENDAR
ICS
import "$WORK/s1.ics"
occ() { sqlite3 "$ROOSTER_DB" "SELECT start_at || ' ' || status FROM events WHERE occurrence_start = strftime('%s', '$1') AND (uid = 'week@x' OR series_id = (SELECT id FROM events WHERE uid = 'week@x'))"; }
ok "override before its master: applied" \
    test "$(occ 2027-05-06T10:00:00)" = "$(date -u -d 2027-05-06T12:00:00Z +%s) confirmed"
ok "EXDATE: that occurrence cancelled" \
    test "$(occ 2027-05-20T10:00:00)" = "$(date -u -d 2027-05-20T10:00:00Z +%s) cancelled"
ok "EXDATE: the next one is not" \
    test "$(occ 2027-05-27T10:00:00)" = "$(date -u -d 2027-05-27T10:00:00Z +%s) confirmed"
import "$WORK/s1.ics"
ok "series re-imported: nothing changes" grep -q '^0,0,2,0,0$' "$WORK/n"
sed -e 's/^EXDATE:20270520T100000Z/EXDATE:20270520T100000Z,20270513T100000Z/' \
    -e 's/^SUMMARY:Wekelijks/SEQUENCE:1\nSUMMARY:Wekelijks/' "$WORK/s1.ics" \
    >"$WORK/s2.ics"
import "$WORK/s2.ics"
ok "a new EXDATE on an update cancels only that occurrence" sh -c \
    "test '$(occ 2027-05-13T10:00:00)' = '$(date -u -d 2027-05-13T10:00:00Z +%s) cancelled' &&
     test '$(occ 2027-05-27T10:00:00)' = '$(date -u -d 2027-05-27T10:00:00Z +%s) confirmed'"
cat >"$WORK/s3.ics" <<'ICS'
BEGIN:VCALENDAR
METHOD:CANCEL
BEGIN:VEVENT
UID:week@x
RECURRENCE-ID:20270429T100000Z
SEQUENCE:2
DTSTART:20270429T100000Z
END:VEVENT
END:VCALENDAR
ICS
import "$WORK/s3.ics"
ok "CANCEL of one occurrence cancels it" \
    test "$(occ 2027-04-29T10:00:00)" = "$(date -u -d 2027-04-29T10:00:00Z +%s) cancelled"
ok "and only it" \
    test "$(occ 2027-05-06T10:00:00)" = "$(date -u -d 2027-05-06T12:00:00Z +%s) confirmed"
cat >"$WORK/s4.ics" <<'ICS'
BEGIN:VCALENDAR
BEGIN:VEVENT
UID:week@x
RECURRENCE-ID;RANGE=THISANDFUTURE:20270527T100000Z
SEQUENCE:3
DTSTART:20270527T140000Z
DTEND:20270527T160000Z
SUMMARY:Wekelijks, later
END:VEVENT
END:VCALENDAR
ICS
import "$WORK/s4.ics"
ok "THISANDFUTURE: that occurrence moved" \
    test "$(occ 2027-05-27T10:00:00)" = "$(date -u -d 2027-05-27T14:00:00Z +%s) confirmed"
ok "THISANDFUTURE: the later one moved as far" \
    test "$(occ 2027-06-03T10:00:00)" = "$(date -u -d 2027-06-03T14:00:00Z +%s) confirmed"
ok "THISANDFUTURE: an earlier one stays" \
    test "$(occ 2027-05-06T10:00:00)" = "$(date -u -d 2027-05-06T12:00:00Z +%s) confirmed"

# --- a METHOD rooster does not read: that calendar is left out -------------
printf 'BEGIN:VCALENDAR\r\nMETHOD:COUNTER\r\nBEGIN:VEVENT\r\nUID:counter@x\r\nDTSTART:20270601T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\nBEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:next@x\r\nDTSTART:20270602T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' >"$WORK/counter.ics"
import "$WORK/counter.ics"
ok "METHOD:COUNTER: its calendar left out, the next one read" \
    grep -q '^1,0,0,0,1$' "$WORK/n"
ok "METHOD:COUNTER: a note" has "$WORK/err" \
    'line 2: METHOD COUNTER is not one rooster reads'
r import ics --strict "$WORK/counter.ics" >/dev/null 2>&1
ok "METHOD:COUNTER, --strict: refused (exit 2)" test $? -eq 2

# --- an hourly rule: that event is skipped, the rest of the file read ------
# (a rule that can never give a date still refuses the file: harden tests)
printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:hourly@x\r\nDTSTAMP:20270101T000000Z\r\nDTSTART:20270605T100000Z\r\nDTEND:20270605T103000Z\r\nRRULE:FREQ=HOURLY;COUNT=3\r\nSUMMARY:Elk uur\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:byhour@x\r\nDTSTAMP:20270101T000000Z\r\nDTSTART:20270606T100000Z\r\nDTEND:20270606T103000Z\r\nRRULE:FREQ=DAILY;COUNT=2;BYHOUR=10,14\r\nSUMMARY:Twee keer\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:plain@x\r\nDTSTAMP:20270101T000000Z\r\nDTSTART:20270607T100000Z\r\nDTEND:20270607T110000Z\r\nSUMMARY:Gewoon\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' >"$WORK/hourly.ics"
import "$WORK/hourly.ics"
ok "hourly rule: the plain event added, the two others skipped" \
    grep -q '^1,0,0,0,' "$WORK/n"
ok "hourly rule: exit 0" test "$(cat "$WORK/rc")" -eq 0
ok "hourly rule: a note naming its line" has "$WORK/err" \
    'line 4: repeat rule .FREQ=HOURLY;COUNT=3. repeats within a day.*event skipped$'
ok "BYHOUR rule: a note too" has "$WORK/err" \
    'line 12: repeat rule .*BYHOUR.*event skipped$'
ok "hourly rule: the plain event is there" test -n "$(when plain@x)"
r import ics --strict "$WORK/hourly.ics" >/dev/null 2>&1
ok "hourly rule, --strict: refused (exit 2)" test $? -eq 2

# --- what is not iCalendar is refused whole --------------------------------
printf 'BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:u@x\nDTSTART:20270601T100000Z\nEND:VTODO\nEND:VCALENDAR\n' >"$WORK/bad.ics"
r import ics "$WORK/bad.ics" >/dev/null 2>"$WORK/err"
ok "unbalanced BEGIN/END: refused (exit 2)" test $? -eq 2
ok "unbalanced: one line" test "$(wc -l <"$WORK/err")" -eq 1
printf 'Hallo,\n\ntot morgen!\n' >"$WORK/mail.txt"
r import ics "$WORK/mail.txt" >/dev/null 2>"$WORK/err"
ok "no VCALENDAR: refused (exit 2)" test $? -eq 2
ok "no VCALENDAR: one line" sh -c \
    "test \$(wc -l <'$WORK/err') -eq 1 && grep -q 'BEGIN:VCALENDAR' '$WORK/err'"

finish
