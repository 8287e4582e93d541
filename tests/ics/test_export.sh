#!/bin/sh
# SPDX-License-Identifier: ISC
# export ics: a PUBLISH calendar python3-icalendar reads with the right UTC
# instants on both sides of the 2027-03-28 clock change, a compact
# VTIMEZONE, reminders from the config, filters, hostile text.
. "$(dirname "$0")/lib.sh"

config "name = Mounia Balakouh   # coordinator" "email = mounia@example.org"
two_events
r volunteer add "Jeroen M$(printf '\303\274')ller" --email jeroen@example.net >/dev/null
r volunteer add Ana --email ana@example.net >/dev/null
r assign 1 1 --force >/dev/null
r assign 1 2 --force >/dev/null
r assign 2 2 --force >/dev/null
r export ics -o "$WORK/all.ics" >"$WORK/stdout" 2>&1
ok "export -o writes nothing to stdout" test ! -s "$WORK/stdout"
$CHECK cal "$WORK/all.ics" >"$WORK/all.txt" 2>&1
ok "python3-icalendar reads the export" test $? -eq 0
ok "METHOD:PUBLISH" has "$WORK/all.txt" '^METHOD PUBLISH$'
ok "X-WR-CALNAME and NAME" has "$WORK/all.txt" '^CALNAME Stichting Samen$'
ok "NAME" has "$WORK/all.txt" '^NAME Stichting Samen$'
ok "X-WR-TIMEZONE" has "$WORK/all.txt" '^XTZ Europe/Amsterdam$'
ok "compact VTIMEZONE with the plain TZID" has "$WORK/all.txt" \
    '^VTIMEZONE Europe/Amsterdam daylight=1 standard=1$'
ok "no libical TZID prefix" lacks "$WORK/all.ics" 'freeassociation'
ok "one VEVENT per shift" count "$WORK/all.txt" '^EVENT ' 2
ok "14:00 on 27 March is 13:00Z" has "$WORK/all.txt" \
    "^EVENT uid=$(uid_of_shift 1) start=2027-03-27T13:00Z end=2027-03-27T16:00Z seq=0 status=CONFIRMED"
ok "14:00 on 28 March is 12:00Z" has "$WORK/all.txt" \
    "^EVENT uid=$(uid_of_shift 2) start=2027-03-28T12:00Z end=2027-03-28T15:00Z"
ok "SUMMARY is role - event" has "$WORK/all.txt" \
    "^SUMMARY 'begeleider $(printf '\342\200\223') Taalcaf$(printf '\303\251')'"
ok "LOCATION with comma and semicolon" has "$WORK/all.txt" \
    "^LOCATION 'Dorpshuis, Kerkstraat 12; zaal 2'"
ok "DESCRIPTION names who is on the shift and the coordinator" has \
    "$WORK/all.txt" "^DESCRIPTION 'Op deze dienst / On this shift: Ana, Jeroen.*Coordinator: Mounia Balakouh <mounia@example.org>'"
ok "VALARM a day before by default" count "$WORK/all.txt" \
    '^VALARM trigger=-1 day' 2
ok "no ATTENDEE in a feed" lacks "$WORK/all.txt" '^ATTENDEE'
ok "ORGANIZER in a feed: the plan, a no-reply address" count "$WORK/all.txt" \
    "^ORGANIZER mailto:no-reply@.* cn='Stichting Samen'" 2
ok "CRLF line ends" sh -c "! tr -d '\r' <'$WORK/all.ics' | cmp -s - '$WORK/all.ics'"

# Attendees come from one query merged with the shifts: each shift gets
# its own people (name order), a shift without people none.
# desc_of SHIFT: the DESCRIPTION of that shift's VEVENT, as parsed.
desc_of() {
	awk -v u="EVENT uid=$(uid_of_shift "$1") " '/^EVENT / { m = index($0, u) == 1 }
	    m && /^DESCRIPTION / { print }' "$WORK/pp.txt"
}
r shift add 1 kok >/dev/null
r shift add 2 kok >/dev/null
r assign 4 1 --force >/dev/null
r export ics >"$WORK/pp.ics"
$CHECK cal "$WORK/pp.ics" >"$WORK/pp.txt"
desc_of 1 >"$WORK/d1"
desc_of 3 >"$WORK/d3"
desc_of 4 >"$WORK/d4"
desc_of 2 >"$WORK/d2"
ok "the first shift: Ana and Jeroen, in name order" has "$WORK/d1" 'On this shift: Ana, Jeroen'
ok "a shift without people names nobody" lacks "$WORK/d3" 'On this shift'
ok "the shift after it: its own person" has "$WORK/d4" 'On this shift: Jeroen'
ok "the next event's shift: its own, not the last one's" has "$WORK/d2" \
    'On this shift: Ana\\n'
sqlite3 "$ROOSTER_DB" "DELETE FROM assignments WHERE shift_id = 4;
    DELETE FROM shifts WHERE id IN (3, 4)"

config "reminder = 0"
r export ics >"$WORK/none.ics"
$CHECK cal "$WORK/none.ics" >"$WORK/none.txt"
ok "reminder = 0: no VALARM" lacks "$WORK/none.txt" '^VALARM'
config "reminder = 90m"
r export ics >"$WORK/r90.ics"
ok "reminder = 90m" has "$WORK/r90.ics" '^TRIGGER:-PT1H30M'
config "reminder = soon"
r export ics >/dev/null 2>"$WORK/err"
ok "bad reminder: exit 2" test $? -eq 2
ok "bad reminder: one line naming the line" sh -c \
    "test \$(wc -l <'$WORK/err') -eq 1 && grep -q 'config line 1: reminder' '$WORK/err'"
config "colour = blue" "reminder = 1h"
r export ics >/dev/null 2>"$WORK/err"
ok "unknown key: a warning, not fatal" test $? -eq 0
ok "unknown key warning names it" has "$WORK/err" "warning: .*unknown setting 'colour'"
config ""

r export ics --volunteer 1 >"$WORK/v1.ics"
$CHECK cal "$WORK/v1.ics" >"$WORK/v1.txt"
ok "--volunteer: only their shifts" count "$WORK/v1.txt" '^EVENT ' 1
ok "--volunteer: calendar named after them" has "$WORK/v1.txt" '^CALNAME .*Jeroen'
ok "--volunteer: description names the others" has "$WORK/v1.txt" \
    "Also on this shift: Ana'"
r export ics --event 2 >"$WORK/e2.ics"
$CHECK cal "$WORK/e2.ics" >"$WORK/e2.txt"
ok "--event: only that event" count "$WORK/e2.txt" '^EVENT .*2027-03-28' 1
r export ics --event 99 >/dev/null 2>"$WORK/err"
ok "--event unknown: exit 1" test $? -eq 1
ok "--event unknown: one line" test "$(wc -l <"$WORK/err")" -eq 1

r event cancel 2 >/dev/null
r export ics >"$WORK/c.ics"
$CHECK cal "$WORK/c.ics" >"$WORK/c.txt"
ok "cancelled event: STATUS:CANCELLED, higher SEQUENCE" has "$WORK/c.txt" \
    "^EVENT uid=$(uid_of_shift 2) .*seq=1 status=CANCELLED"

# A third reader, where installed: calcurse (it reads the TZID through
# the system zone database and stores UTC-independent local times).
if command -v calcurse >/dev/null 2>&1; then
	mkdir -p "$WORK/cc/data" "$WORK/cc/conf"
	TZ=UTC calcurse -D "$WORK/cc/data" -C "$WORK/cc/conf" -i "$WORK/all.ics" \
	    >"$WORK/cc.out" 2>&1
	ok "calcurse imports both shifts" has "$WORK/cc.out" '^2 apps'
	TZ=UTC calcurse -D "$WORK/cc/data" -C "$WORK/cc/conf" -Q \
	    --from 03/27/2027 --days 2 >"$WORK/cc.txt" 2>&1
	ok "calcurse: 27 March 13:00Z" has "$WORK/cc.txt" '^ - 13:00 -> 16:00'
	ok "calcurse: 28 March 12:00Z" has "$WORK/cc.txt" '^ - 12:00 -> 15:00'
else
	echo "skip - calcurse not installed"
fi

# An event without shifts is one VEVENT; a weekly one repeats at 19:00
# local time on both sides of the clock change.
r event add "Spreekuur" --start "2027-03-16 19:00" --end "2027-03-16 20:00" \
    --repeat "FREQ=WEEKLY;COUNT=4" >/dev/null
r export ics >"$WORK/w.ics"
$CHECK expand "$WORK/w.ics" 4 >"$WORK/w.txt"
ok "weekly repeat: RRULE exported" has "$WORK/w.ics" '^RRULE:FREQ=WEEKLY;COUNT=4'
ok "weekly repeat before the change: 18:00Z" has "$WORK/w.txt" \
    'INSTANCE .* 2027-03-23T18:00Z 19:00'
ok "weekly repeat after the change: 17:00Z" has "$WORK/w.txt" \
    'INSTANCE .* 2027-03-30T17:00Z 19:00'

# A series (rows per occurrence): one VEVENT with RRULE, an EXDATE for a
# cancelled occurrence, an override for a moved one; never a duplicate.
r event cancel 4 >/dev/null
r event edit 5 --start "2027-03-30 20:00" --end "2027-03-30 21:00" >/dev/null
r export ics >"$WORK/s.ics"
$CHECK cal "$WORK/s.ics" >"$WORK/s.txt"
master=$(sqlite3 "$ROOSTER_DB" "SELECT uid FROM events WHERE id = 3")
ok "series: one VEVENT per UID without RECURRENCE-ID" test \
    "$(awk '/^BEGIN:VEVENT/{r=0} /^RECURRENCE-ID/{r=1} /^UID:/{u=$0} /^END:VEVENT/{if(!r)print u}' "$WORK/s.ics" | sort | uniq -d | wc -l)" -eq 0
ok "series: no VEVENT under an occurrence's own UID" \
    test "$(grep -c "^UID:$master" "$WORK/s.ics")" -eq 2
ok "series: cancelled occurrence is an EXDATE" has "$WORK/s.ics" \
    '^EXDATE;TZID=Europe/Amsterdam:20270323T190000'
ok "series: moved occurrence is an override" has "$WORK/s.ics" \
    '^RECURRENCE-ID;TZID=Europe/Amsterdam:20270330T190000'
ok "series: the override at 20:00 CEST = 18:00Z" has "$WORK/s.txt" \
    "^EVENT uid=$master start=2027-03-30T18:00Z"
# Asked for on its own, a moved occurrence is an event of its own with its
# own times (issue 12): a lone override is no event to libical and most
# clients.
r export ics --event 5 >"$WORK/s6.ics"
own=$(sqlite3 "$ROOSTER_DB" "SELECT uid FROM events WHERE id = 5")
$CHECK cal "$WORK/s6.ics" >"$WORK/s6.txt"
ok "series: --event of an occurrence is no override" lacks "$WORK/s6.ics" \
    '^RECURRENCE-ID'
ok "series: --event of an occurrence: its own UID and times, one VEVENT" sh -c \
    "grep -q '^EVENT uid=$own start=2027-03-30T18:00Z end=2027-03-30T19:00Z' '$WORK/s6.txt' &&
     test \$(grep -c '^EVENT' '$WORK/s6.txt') -eq 1"
export ROOSTER_DB="$WORK/copy.db"
r init --timezone Europe/Amsterdam >/dev/null
r import ics "$WORK/s.ics" >/dev/null 2>"$WORK/err"
ok "series: import gives the occurrences back" test \
    "$(sqlite3 "$ROOSTER_DB" "SELECT count(*) FROM events WHERE title = 'Spreekuur'")" -eq 4
ok "series: the moved one is moved" test "$(r --format csv event list \
    --from 2027-03-30 --to 2027-03-31 | tr -d '\r"' | cut -d, -f3 | tail -1)" = \
    2027-03-30T20:00:00+02:00
ok "series: the cancelled one comes back cancelled" test \
    "$(sqlite3 "$ROOSTER_DB" "SELECT group_concat(status) FROM events WHERE start_at = 1805824800")" = cancelled
r import ics "$WORK/s.ics" >/dev/null 2>&1
ok "series: re-import changes nothing" test \
    "$(sqlite3 "$ROOSTER_DB" "SELECT count(*) || max(sequence) FROM events WHERE title = 'Spreekuur'")" = 41
export ROOSTER_DB="$WORK/plan.db"

# Hostile text cannot add a property.
r event add "$(printf 'Evil\r\nATTENDEE:mailto:x@y\r\nEND:VEVENT; a,b: "q" \303\251')" \
    --start "2027-04-01 10:00" --end "2027-04-01 11:00" \
    --location "$(printf 'L\nDESCRIPTION:injected')" >/dev/null 2>"$WORK/err" ||
r event add "$(printf 'Evil ATTENDEE:mailto:x@y END:VEVENT; a,b: "q" \303\251')" \
    --start "2027-04-01 10:00" --end "2027-04-01 11:00" >/dev/null
r export ics >"$WORK/h.ics"
$CHECK cal "$WORK/h.ics" >"$WORK/h.txt" 2>&1
ok "hostile text: still parses" test $? -eq 0
ok "hostile text: no ATTENDEE appears" lacks "$WORK/h.txt" '^ATTENDEE'
ok "hostile text: no injected line" lacks "$WORK/h.ics" '^(ATTENDEE|DESCRIPTION:injected)'
ok "hostile text: every VEVENT has the usual properties only" sh -c \
    "! grep '^PROPS' '$WORK/h.txt' | grep -v '^PROPS \(DESCRIPTION,\)\?DTEND,DTSTAMP,DTSTART,\(EXDATE,\)\?\(LOCATION,\)\?ORGANIZER,\(RECURRENCE-ID,\)\?\(RRULE,\)\?SEQUENCE,STATUS,SUMMARY,UID$'"

# A zone without daylight saving time: one STANDARD.
export ROOSTER_DB="$WORK/tokyo.db"
r init --timezone Asia/Tokyo >/dev/null
r event add "Tokyo" --start "2027-03-28 14:00" --end "2027-03-28 15:00" >/dev/null
r export ics >"$WORK/t.ics"
$CHECK cal "$WORK/t.ics" >"$WORK/t.txt"
ok "Asia/Tokyo: a single STANDARD" has "$WORK/t.txt" \
    '^VTIMEZONE Asia/Tokyo daylight=0 standard=1$'
ok "Asia/Tokyo: 14:00 is 05:00Z" has "$WORK/t.txt" 'start=2027-03-28T05:00Z'
# X-WR-CALNAME is TEXT: escaped as NAME is, folded at 75 octets.
r init --timezone Asia/Tokyo --name "Samen Hier, Rotterdam; noord\\zuid $(printf '\342\200\224') vluchtelingenwerk Rotterdam-Noord, Schiedam en Vlaardingen" >/dev/null
r export ics -o "$WORK/n.ics"
tr -d '\r' <"$WORK/n.ics" | sed -e ':a' -e 'N' -e '$!ba' -e 's/\n //g' \
    >"$WORK/unfolded"
ok "X-WR-CALNAME: commas and semicolons escaped" \
    grep -q '^X-WR-CALNAME:Samen Hier\\, Rotterdam\\; noord\\\\zuid .* Rotterdam-Noord\\, Schiedam en Vlaardingen$' "$WORK/unfolded"
ok "X-WR-CALNAME: lines of at most 75 octets" sh -c \
    "tr -d '\\r' <'$WORK/n.ics' | LC_ALL=C awk 'length(\$0) > 75 { bad = 1 } END { exit bad }'"
$CHECK cal "$WORK/n.ics" >"$WORK/n.txt"
ok "X-WR-CALNAME: read back as the plan's name" has "$WORK/n.txt" \
    "^CALNAME Samen Hier, Rotterdam; noord.zuid .* Schiedam en Vlaardingen$"
# Someone offered the shift but not yet on it is not named on it.
export ROOSTER_DB="$WORK/offer.db"
r init --timezone Europe/Amsterdam >/dev/null
r event add X --start "2027-03-27 14:00" --end "2027-03-27 17:00" >/dev/null
r shift add 1 algemeen --needed 3 >/dev/null
r volunteer add Ana --email ana@example.org >/dev/null
r volunteer add Bob --email bob@example.org >/dev/null
r assign 1 1 >/dev/null
r offer 1 --to Bob --outbox "$WORK/offer-out" >/dev/null 2>&1
r export ics -o "$WORK/offer.ics"
ok "an offered volunteer is not named on the shift" \
    lacks "$WORK/offer.ics" 'Bob'
ok "who is on it is" has "$WORK/offer.ics" 'On this shift: Ana'
finish
