#!/bin/sh
# SPDX-License-Identifier: ISC
# import ics of many events: new events are written many to a statement,
# and whatever else comes (a repeating event, an override, a UID seen
# before in the same file) finds them written. The counts, the rows, the
# change log (undo) and the feeds' marks are as one at a time.
. "$(dirname "$0")/lib.sh"

r init --timezone Europe/Amsterdam >/dev/null
awk 'function ev(uid, seq, day, hour, title, extra) {
	printf "BEGIN:VEVENT\r\nUID:%s\r\nDTSTAMP:20261130T100000Z\r\n", uid
	printf "SEQUENCE:%d\r\n%s", seq, extra
	printf "DTSTART:202701%02dT%02d0000Z\r\n", day, hour
	printf "DTEND:202701%02dT%02d3000Z\r\n", day, hour
	printf "SUMMARY:%s\r\nEND:VEVENT\r\n", title
}
BEGIN {
	printf "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n"
	for (n = 1; n <= 300; n++) {
		ev("many-" n "@example.org", 0, n % 28 + 1, n % 20 + 1,
		    "Event " n, "")
		if (n == 150)
			ev("series@example.org", 0, 4, 22, "Weekly",
			    "RRULE:FREQ=WEEKLY;COUNT=3\r\n")
		if (n == 200)
			ev("many-10@example.org", 1, 3, 9, "Changed ten", "")
		if (n == 250)
			ev("series@example.org", 1, 12, 21, "Moved",
			    "RECURRENCE-ID:20270111T220000Z\r\n")
		if (n == 290)
			ev("many-5@example.org", 0, 6, 6, "Event 5", "")
	}
	printf "END:VCALENDAR\r\n"
}' >"$WORK/many.ics"

r --format csv import ics "$WORK/many.ics" | tr -d '\r"' >"$WORK/i1"
ok "301 added (300 and a series), 2 updated, 1 unchanged" \
    grep -q '^301,2,1,0,0$' "$WORK/i1"
q() { sqlite3 "$ROOSTER_DB" "$1"; }
ok "303 rows: 300 events and 3 occurrences" \
    test "$(q 'SELECT count(*) FROM events')" = 303
ok "a UID seen again in the same file updates the waiting event" \
    test "$(q "SELECT title || ' ' || sequence FROM events
	WHERE uid = 'many-10@example.org'")" = "Changed ten 1"
ok "an override of a series between waiting events" \
    test "$(q "SELECT count(*) FROM events WHERE title = 'Moved'")" = 1
ok "every event in file order" \
    test "$(q "SELECT group_concat(title, '|') FROM (SELECT title FROM events
	WHERE uid LIKE 'many-%' ORDER BY id)")" = \
    "$(awk 'BEGIN { for (n = 1; n <= 300; n++) printf "%s%s",
	(n > 1 ? "|" : ""), (n == 10 ? "Changed ten" : "Event " n) }')"
ok "every row change in the log of the import" \
    test "$(q "SELECT count(*) FROM change_rows r JOIN change_log l
	ON l.id = r.change_id WHERE l.action = 'import ics'")" = 306
ok "a feed mark for every event" \
    test "$(q "SELECT count(*) FROM feed_marks WHERE kind = 'e'")" = 303
r undo >/dev/null
ok "undo takes the whole import back" \
    test "$(q 'SELECT count(*) FROM events')" = 0
finish
