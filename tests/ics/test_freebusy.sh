#!/bin/sh
# SPDX-License-Identifier: ISC
# import ics of free/busy from volunteers' own calendars: a VFREEBUSY
# (published by Zimbra, a REPLY through DavMail, both from tests/ics/real/)
# whose ORGANIZER or ATTENDEE is a volunteer's address becomes their
# unavailable periods for its range, so `assign` refuses with the reason
# and `suggest` says so; a newer one from the same address replaces what
# the older said for its range (and only there); periods typed in stay;
# FBTYPE=FREE is not unavailable; a free/busy request, one of nobody in
# the plan, or one without an address changes nothing.
. "$(dirname "$0")/lib.sh"

REAL=$(cd "$(dirname "$0")/real" && pwd)
periods() {
	sqlite3 "$ROOSTER_DB" "SELECT count(*) FROM unavailable WHERE volunteer_id = $1 AND source $2"
}

r init --timezone Europe/Amsterdam >/dev/null
r volunteer add Yvonne --email YVR-2a@Example.com >/dev/null
r volunteer add Attie --email attendee@domain.tld >/dev/null
r volunteer add Olga --email organizer@domain.tld >/dev/null
r volunteer unavailable 1 --from "2014-04-16 08:00" --to "2014-04-16 12:00" \
    --reason vakantie >/dev/null
r volunteer unavailable 1 --from "2014-05-20 08:00" --to "2014-05-20 12:00" \
    --reason tandarts >/dev/null
# 17:15-21:00 CEST on 16 April is Zimbra's first busy period.
r event add Markt --start "2014-04-16 18:00" --end "2014-04-16 19:00" >/dev/null
r shift add 1 algemeen >/dev/null
# 10:15-11:15 CET on 3 January 2012 is DavMail's first.
r event add Overleg --start "2012-01-03 10:00" --end "2012-01-03 11:00" >/dev/null
r shift add 2 algemeen >/dev/null

r import ics "$REAL/zimbra-freebusy.ics" >"$WORK/z1" 2>"$WORK/z1.err"
ok "Zimbra PUBLISH: read" test $? -eq 0
ok "Zimbra PUBLISH: the ORGANIZER's 29 busy periods, any case of address" \
    test "$(periods 1 "= 'freebusy:yvr-2a@example.com'")" -eq 29
ok "the table says whose and how many" has "$WORK/z1" \
    '^Yvonne \(yvr-2a@example.com\): 29 unavailable periods from their own calendar'
ok "periods typed in stay" test "$(periods 1 "= ''")" -eq 2
r volunteer show 1 >"$WORK/show.txt"
ok "volunteer show: the free/busy periods with their source" \
    count "$WORK/show.txt" 'busy in their ow.* +freebusy:yvr-2a@e' 29
ok "volunteer show: typed periods without one" count "$WORK/show.txt" '(vakantie|tandarts) *$' 2
r assign 1 1 >"$WORK/a1" 2>&1
ok "assign in a busy period: refused (exit 1)" test $? -eq 1
ok "refused with the reason" has "$WORK/a1" \
    'Yvonne is unavailable .*17:15-21:00: busy in their own calendar'
ok "refused: nothing assigned" test "$(sqlite3 "$ROOSTER_DB" 'SELECT count(*) FROM assignments')" -eq 0
r suggest 1 >"$WORK/s1"
ok "suggest: the free/busy is the reason she does not fit" has "$WORK/s1" \
    'Yvonne +no .*Yvonne is unavailable'

r import ics "$REAL/zimbra-freebusy.ics" >/dev/null 2>&1
ok "re-import: replaced, not doubled" \
    test "$(periods 1 "= 'freebusy:yvr-2a@example.com'")" -eq 29
ok "re-import: typed periods still there" test "$(periods 1 "= ''")" -eq 2

# A newer free/busy (a copy of the real file without the first busy
# period) replaces the old one: 16 April 17:15 is free now.
grep -v '^FREEBUSY;FBTYPE=BUSY:20140416T151500Z' "$REAL/zimbra-freebusy.ics" \
    >"$WORK/zimbra-newer.ics"
r import ics "$WORK/zimbra-newer.ics" >/dev/null 2>&1
ok "newer free/busy: 28 periods" \
    test "$(periods 1 "= 'freebusy:yvr-2a@example.com'")" -eq 28
r assign 1 1 >/dev/null 2>&1
ok "newer free/busy: the shift can be assigned now" test $? -eq 0
ok "newer free/busy: typed periods still there" test "$(periods 1 "= ''")" -eq 2

# DavMail REPLY: the ATTENDEE's (not the ORGANIZER's, also a volunteer);
# the same periods on one FREEBUSY line or on eight.
r import ics "$REAL/davmail-freebusy-reply-1.ics" >/dev/null 2>&1
ok "DavMail REPLY: the ATTENDEE's 8 busy periods" \
    test "$(periods 2 "LIKE 'freebusy:%'")" -eq 8
ok "DavMail REPLY: not the ORGANIZER's" test "$(periods 3 "LIKE '%'")" -eq 0
r import ics "$REAL/davmail-freebusy-reply-2.ics" >/dev/null 2>&1
ok "DavMail REPLY, periods on one line: the same 8" \
    test "$(periods 2 "LIKE 'freebusy:%'")" -eq 8
r assign 2 2 >"$WORK/a2" 2>&1
ok "DavMail: assign refused with the reason" has "$WORK/a2" \
    'Attie is unavailable .*: busy in their own calendar'

# Only the range it covers is replaced; FREE is not unavailable; the kinds
# of busy keep their words.
cat >"$WORK/narrow.ics" <<'ICS'
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//rooster tests//EN
METHOD:PUBLISH
BEGIN:VFREEBUSY
ORGANIZER:mailto:attendee@domain.tld
DTSTAMP:20120201T000000Z
DTSTART:20120113T000000Z
DTEND:20120117T000000Z
FREEBUSY;FBTYPE=FREE:20120114T090000Z/PT8H
FREEBUSY;FBTYPE=BUSY-TENTATIVE:20120115T090000Z/PT1H
FREEBUSY;FBTYPE=BUSY-UNAVAILABLE:20120116T230000Z/PT3H
END:VFREEBUSY
END:VCALENDAR
ICS
r import ics "$WORK/narrow.ics" >/dev/null 2>&1
# 8 before; 13 and 16 Jan (two) went, 15 Jan tentative and 16 Jan 23:00
# (cut at the range's end) came.
ok "a narrower range: only its part replaced" \
    test "$(periods 2 "LIKE 'freebusy:%'")" -eq 8
ok "FBTYPE=FREE is not unavailable" test "$(sqlite3 "$ROOSTER_DB" \
    "SELECT count(*) FROM unavailable WHERE volunteer_id = 2 AND start_at = strftime('%s', '2012-01-14 09:00:00')")" -eq 0
ok "BUSY-TENTATIVE: its own words" test "$(sqlite3 "$ROOSTER_DB" \
    "SELECT reason FROM unavailable WHERE volunteer_id = 2 AND start_at = strftime('%s', '2012-01-15 09:00:00')")" = \
    "tentatively busy in their own calendar"
ok "BUSY-UNAVAILABLE: cut at the range's end" test "$(sqlite3 "$ROOSTER_DB" \
    "SELECT reason || ' ' || (end_at - start_at) FROM unavailable WHERE volunteer_id = 2 AND start_at = strftime('%s', '2012-01-16 23:00:00')")" = \
    "not available in their own calendar 3600"
ok "periods outside the range stay" test "$(sqlite3 "$ROOSTER_DB" \
    "SELECT count(*) FROM unavailable WHERE volunteer_id = 2 AND start_at = strftime('%s', '2012-01-03 09:15:00')")" -eq 1

# Nothing changes for a request, for nobody in the plan, without address.
sqlite3 "$ROOSTER_DB" .dump >"$WORK/before.sql"
sed -e 's/^METHOD:PUBLISH/METHOD:REQUEST/' "$WORK/narrow.ics" >"$WORK/req.ics"
r import ics "$WORK/req.ics" >/dev/null 2>"$WORK/e1"
ok "a free/busy request: a note" has "$WORK/e1" 'free/busy request, not an answer'
sed -e 's/attendee@domain.tld/stranger@example.org/' "$WORK/narrow.ics" >"$WORK/other.ics"
r import ics "$WORK/other.ics" >/dev/null 2>"$WORK/e2"
ok "someone not in the plan: a note" has "$WORK/e2" 'free/busy of stranger@example.org, who is no volunteer'
grep -v '^ORGANIZER' "$WORK/narrow.ics" >"$WORK/nobody.ics"
r import ics "$WORK/nobody.ics" >/dev/null 2>"$WORK/e3"
ok "no ORGANIZER or ATTENDEE: a note" has "$WORK/e3" 'without ORGANIZER or ATTENDEE'
sqlite3 "$ROOSTER_DB" .dump >"$WORK/after.sql"
ok "and nothing changed" cmp -s "$WORK/before.sql" "$WORK/after.sql"

# By mail: DavMail's REPLY from the volunteer's own address applies, the
# same from someone else does not.
mail() {
	printf 'From: %s\r\nTo: coordinatie@example.org\r\nSubject: Free/busy\r\n' "$1"
	printf 'Date: Tue, 31 Jan 2012 12:30:00 +0000\r\nMIME-Version: 1.0\r\n'
	printf 'Content-Type: text/calendar; charset=UTF-8; method=REPLY\r\n\r\n'
	cat "$REAL/davmail-freebusy-reply-1.ics"
}
r volunteer add Mira --email mira@example.org >/dev/null
mail "Someone <other@example.org>" | sed "s/attendee@domain.tld/mira@example.org/" >"$WORK/other.eml"
r --format csv import mail "$WORK/other.eml" >"$WORK/m1" 2>&1
ok "mail from another sender: not applied" test "$(periods 4 "LIKE 'freebusy:%'")" -eq 0
ok "mail from another sender: says so" has "$WORK/m1" 'not applied: sent by other@example.org'
mail "Mira <mira@example.org>" | sed "s/attendee@domain.tld/mira@example.org/" >"$WORK/mira.eml"
r --format csv import mail "$WORK/mira.eml" >"$WORK/m2" 2>&1
ok "mail from the volunteer: 8 periods" test "$(periods 4 "= 'freebusy:mira@example.org'")" -eq 8
ok "mail: the row says so" has "$WORK/m2" '8 unavailable periods from their own calendar'
finish
