#!/bin/sh
# SPDX-License-Identifier: ISC
# All-day events: VALUE=DATE imports as dates (one day, several days over
# a clock change, DTSTART alone), `event add --date [--to]` and `event
# edit` switching both ways, tables, csv and json without times, and every
# export (export ics, feeds, invites) writing VALUE=DATE back with DTEND
# the day after, as python3-icalendar reads it; a shift inside keeps its
# times, a shift of whole days is dates.
. "$(dirname "$0")/lib.sh"

config "name = Mounia Balakouh" "email = mounia@example.org"
r init --timezone Europe/Amsterdam --name "Stichting Samen" >/dev/null
cat >"$WORK/days.ics" <<'ICS'
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Partner//EN
BEGIN:VEVENT
UID:day-1@example.org
DTSTAMP:20261130T100000Z
DTSTART;VALUE=DATE:20270410
DTEND;VALUE=DATE:20270411
SUMMARY:Koningsmarkt
END:VEVENT
BEGIN:VEVENT
UID:days-3@example.org
DTSTAMP:20261130T100000Z
DTSTART;VALUE=DATE:20270327
DTEND;VALUE=DATE:20270330
SUMMARY:Zomerkamp
END:VEVENT
BEGIN:VEVENT
UID:day-nodtend@example.org
DTSTAMP:20261130T100000Z
DTSTART;VALUE=DATE:20271031
SUMMARY:Wintertijd
END:VEVENT
END:VCALENDAR
ICS
r --format csv import ics "$WORK/days.ics" | tr -d '\r"' >"$WORK/i1"
ok "three all-day events added" grep -q '^3,0,0,0,0$' "$WORK/i1"
r --format json event list --from 2027-03-01 --to 2027-12-31 >"$WORK/l.json"
/usr/bin/python3 - "$WORK/l.json" >"$WORK/l.txt" <<'PY'
import json, sys
for e in json.load(open(sys.argv[1])):
    print(e["title"], e["start"], e["end"], e["all_day"])
PY
ok "json: one day, dates and the all_day flag" has "$WORK/l.txt" '^Koningsmarkt 2027-04-10 2027-04-10 True$'
ok "json: three days over the clock change, last day inclusive" has "$WORK/l.txt" '^Zomerkamp 2027-03-27 2027-03-29 True$'
ok "json: DTSTART alone is that one day (a 25-hour one)" has "$WORK/l.txt" '^Wintertijd 2027-10-31 2027-10-31 True$'
ok "stored as local midnights" test "$(sqlite3 "$ROOSTER_DB" \
    "SELECT count(*) FROM events WHERE all_day = 1 AND strftime('%H:%M', start_at, 'unixepoch', '+2 hours') IN ('00:00', '01:00')")" -eq 3
r event list --from 2027-03-01 --to 2027-12-31 >"$WORK/table"
ok "table: dates without times" has "$WORK/table" '2027-03-27 - 2027-03-29 +Zomerkamp'
ok "table: one day alone" has "$WORK/table" '^ *[0-9]+ +2027-04-10 +Koningsmarkt'
lacks "$WORK/table" '00:00' && ok "table: no midnight anywhere" true || ok "table: no midnight anywhere" false
r --format csv event list --from 2027-03-01 | tr -d '\r"' >"$WORK/l.csv"
ok "csv: dates and all_day" grep -q ',2027-03-27,2027-03-29,Zomerkamp,,confirmed,true$' "$WORK/l.csv"

# Round trip of what real clients wrote (tests/ics/real/): each all-day
# VEVENT python3-icalendar reads from the file comes back out of `export
# ics` with the same dates (a file without UIDs gets rooster's own).
REAL=$(cd "$(dirname "$0")/real" && pwd)
READ="/usr/bin/python3 $(cd "$(dirname "$0")" && pwd)/realcheck.py"
SAVED=$ROOSTER_DB
for f in apple-ical5-allday.ics google-allday.ics \
    google-allday-empty-exdate.ics; do
	export ROOSTER_DB="$WORK/real-$f.db"
	r init --timezone Europe/Amsterdam >/dev/null
	r import ics "$REAL/$f" >/dev/null 2>&1
	r export ics -o "$WORK/real-$f.out"
	$READ events "$REAL/$f" Europe/Amsterdam date |
	    sed -n 's/^EVENT start=\(DATE:[^ ]*\) end=\(DATE:[^ ]*\) rid=- .*/\1 \2/p' |
	    sort -u >"$WORK/real-$f.want"
	$READ events "$WORK/real-$f.out" Europe/Amsterdam date |
	    sed -n 's/^EVENT start=\(DATE:[^ ]*\) end=\(DATE:[^ ]*\) rid=- .*/\1 \2/p' |
	    sort -u >"$WORK/real-$f.got"
	ok "$f: has all-day events" test -s "$WORK/real-$f.want"
	ok "$f: every all-day event exported as the same dates" \
	    sh -c "comm -23 '$WORK/real-$f.want' '$WORK/real-$f.got' | grep -q . && exit 1 || exit 0"
done
export ROOSTER_DB="$SAVED"

# Round trip: import -> export -> python3-icalendar sees dates.
r export ics -o "$WORK/out.ics"
$CHECK cal "$WORK/out.ics" >"$WORK/out.txt"
ok "python3-icalendar reads the export" test $? -eq 0
ok "export: one day is DATE, DTEND the next day" has "$WORK/out.txt" \
    '^EVENT uid=day-1@example.org start=DATE:2027-04-10 end=DATE:2027-04-11 '
ok "export: three days over the clock change" has "$WORK/out.txt" \
    '^EVENT uid=days-3@example.org start=DATE:2027-03-27 end=DATE:2027-03-30 '
ok "export: DTSTART alone comes back as one day" has "$WORK/out.txt" \
    '^EVENT uid=day-nodtend@example.org start=DATE:2027-10-31 end=DATE:2027-11-01 '
ok "export: VALUE=DATE, no TZID on dates" has "$WORK/out.ics" '^DTSTART;VALUE=DATE:20270327'
r --format csv import ics "$WORK/out.ics" | tr -d '\r"' >"$WORK/i2"
ok "re-import of the export: nothing added" grep -q '^0,' "$WORK/i2"
r --format json event list --from 2027-03-01 --to 2027-12-31 >"$WORK/l2.json"
ok "re-import of the export: the same dates" cmp -s "$WORK/l.json" "$WORK/l2.json"

# event add --date [--to], and edit switching both ways.
r event add Open --date 2027-05-01 --to 2027-05-02 >/dev/null
ID=$(sqlite3 "$ROOSTER_DB" "SELECT id FROM events WHERE title = 'Open'")
r --format json event show "$ID" >"$WORK/s.json"
ok "event show json: dates and all_day" sh -c "grep -q '\"start\": \"2027-05-01\"' '$WORK/s.json' && grep -q '\"end\": \"2027-05-02\"' '$WORK/s.json' && grep -q '\"all_day\": true' '$WORK/s.json'"
r event edit "$ID" --start "2027-05-01 10:00" --end "2027-05-01 16:00"
r --format json event show "$ID" >"$WORK/s2.json"
ok "edit --start --end: times again" sh -c "grep -q '\"start\": \"2027-05-01T10:00:00+02:00\"' '$WORK/s2.json' && grep -q '\"all_day\": false' '$WORK/s2.json'"
r event edit "$ID" --date 2027-05-03
r --format json event show "$ID" >"$WORK/s3.json"
ok "edit --date: all day again, one day" sh -c "grep -q '\"start\": \"2027-05-03\"' '$WORK/s3.json' && grep -q '\"end\": \"2027-05-03\"' '$WORK/s3.json' && grep -q '\"all_day\": true' '$WORK/s3.json'"
r event edit "$ID" --to 2027-05-05
r --format json event show "$ID" >"$WORK/s4.json"
ok "edit --to: the last day moves" grep -q '"end": "2027-05-05"' "$WORK/s4.json"
r event edit "$ID" --start "2027-05-03 10:00" >/dev/null 2>"$WORK/e1"
ok "all-day given --start alone: exit 2" test $? -eq 2
ok "all-day given --start alone: one line" test "$(wc -l <"$WORK/e1")" -eq 1
r event add Bad --date 2027-05-03 --to 2027-05-01 >/dev/null 2>&1
ok "--to before --date: exit 2" test $? -eq 2
r event add Bad --date 2027-05-03 --start "2027-05-03 10:00" --end "2027-05-03 11:00" >/dev/null 2>&1
ok "--date with --start: exit 2" test $? -eq 2

# Shifts: one with times keeps them; one of whole days (no times given)
# is dates, as the event alone would be.
KAMP=$(sqlite3 "$ROOSTER_DB" "SELECT id FROM events WHERE title = 'Zomerkamp'")
r shift add "$KAMP" kok --start "2027-03-28 09:00" --end "2027-03-28 13:00" >/dev/null
r shift add "$KAMP" leiding >/dev/null
r volunteer add Ana --email ana@example.net >/dev/null
r assign 1 1 --force >/dev/null
r assign 2 1 --force >/dev/null
r export ics -o "$WORK/sh.ics"
$CHECK cal "$WORK/sh.ics" >"$WORK/sh.txt"
ok "a shift with times keeps them (09:00 CEST is 07:00Z)" has "$WORK/sh.txt" \
    "^EVENT uid=$(uid_of_shift 1) start=2027-03-28T07:00Z end=2027-03-28T11:00Z "
ok "a shift of the whole days is dates" has "$WORK/sh.txt" \
    "^EVENT uid=$(uid_of_shift 2) start=DATE:2027-03-27 end=DATE:2027-03-30 "
r who --from 2027-03-27 --to 2027-03-29 >"$WORK/who"
ok "who: the whole-days shift without times" has "$WORK/who" '^ +2 +03-27 - 03-29 +Zomerka.* leiding'
ok "who: the shift with times keeps them" has "$WORK/who" '^ +1 +03-28 09:00-13:00 +Zomerka.* kok'

# Feeds and invites write dates too.
mkdir "$WORK/feeds" "$WORK/out"
r export feeds "$WORK/feeds" >/dev/null
for f in "$WORK"/feeds/plan-*.ics; do $CHECK cal "$f"; done >"$WORK/feed.txt"
ok "plan feed: all-day event as dates" has "$WORK/feed.txt" \
    '^EVENT uid=day-1@example.org start=DATE:2027-04-10 end=DATE:2027-04-11 '
r invite --outbox "$WORK/out" >/dev/null
$CHECK cal "$WORK/out/shift2-volunteer1-seq0-request.ics" >"$WORK/req.txt"
ok "invite: the whole-days shift as dates" has "$WORK/req.txt" \
    "^EVENT uid=$(uid_of_shift 2) start=DATE:2027-03-27 end=DATE:2027-03-30 "
$CHECK cal "$WORK/out/shift1-volunteer1-seq0-request.ics" >"$WORK/req1.txt"
ok "invite: the shift with times keeps them" has "$WORK/req1.txt" \
    "^EVENT uid=$(uid_of_shift 1) start=2027-03-28T07:00Z "

# A weekly all-day series over the clock change: every occurrence whole days.
r event add Wekelijks --date 2027-03-20 --repeat "FREQ=WEEKLY;COUNT=3" >/dev/null
ok "series: every occurrence from midnight to midnight" test "$(sqlite3 "$ROOSTER_DB" \
    "SELECT count(*) FROM events WHERE title = 'Wekelijks' AND all_day = 1 AND (end_at - start_at) IN (82800, 86400, 90000)")" -eq 3
r export ics -o "$WORK/series.ics"
$CHECK cal "$WORK/series.ics" >"$WORK/series.txt"
ok "series: DTSTART a date" has "$WORK/series.txt" 'start=DATE:2027-03-20 end=DATE:2027-03-21 '
finish
