#!/bin/sh
# SPDX-License-Identifier: ISC
# A plan larger than a page: panes load rows a page at a time, scrolling
# and G reach the last rows, and filtering searches the whole table.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui_lib.sh"
r init --timezone UTC --name "Groot"
now=$(date -u +%s)
# 1500 events, one an hour from tomorrow; 1200 volunteers.
sqlite3 "$DB" "
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1500)
INSERT INTO events (uid, title, start_at, end_at, created_at, updated_at)
SELECT 'e' || i || '@test', printf('Event %04d', i),
  $now + 86400 + i * 3600, $now + 86400 + i * 3600 + 1800, $now, $now FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1200)
INSERT INTO volunteers (name, created_at)
SELECT printf('Vrijwilliger %04d', i), $now FROM n;"

tui_start 80 24
sees "first page shown" "Event 0001"
keys G
sees "G reaches the last event" "Event 1500"
keys g
sees "g back to the first" "Event 0001"
# G reads only the last rows, backwards; paging up from there loads the
# earlier ones page by page, and g still finds the first.
keys G
sees "G again: the last event" "Event 1500"
i=0
while [ $i -lt 40 ]; do keys PgUp; i=$((i + 1)); done
sees "paging up from the end reaches rows before the last page" "Event 0"
lacks "far from the end now" "Event 1500"
keys g
sees "g from the rows read backwards" "Event 0001"
i=0
while [ $i -lt 25 ]; do keys PgDn; i=$((i + 1)); done
sees "paging down past the first page of rows" "Event 04"
keys 3
sees "volunteers pane" "Vrijwilliger 0001"
keys End
sees "End reaches the last volunteer" "Vrijwilliger 1200"
keys /
keys "1199"
sees "filter finds a row beyond the first page" "Vrijwilliger 1199"
lacks "filter hides the others" "Vrijwilliger 1200"
keys Escape
quits "quits"

# The first page is a few screens; a terminal grown taller than two of
# them loads more at once, without a key.
tui_start 80 24
sees "a short terminal first" "Event 0001"
lacks "rows past the screen not shown yet" "Event 0120"
resize 80 150
sees "grown to 150 lines: the screen is filled" "Event 0120"
quits "quits after growing"
finish
