#!/bin/sh
# SPDX-License-Identifier: ISC
# Planning at scale: a year of 1,000,000 assignments over 50,000
# volunteers. Times `rooster suggest` (one shift against everyone) and a
# whole-year `rooster conflicts` audit. Prints figures; asserts nothing
# about time (machines differ), only that both commands succeed.
# usage: sh tests/bench/bench_plan.sh build/rooster [DB [ASSIGNMENTS]]
# ASSIGNMENTS (default 1000000) sets the year's density; 100000 is a big
# but ordinary plan (two shifts a year per volunteer).
set -eu
BIN=${1:-build/rooster}
DB=${2:-${TMPDIR:-/tmp}/rooster-bench-plan.db}
NA=${3:-1000000}
export TZ=UTC LC_ALL=C
rm -f "$DB" "$DB-wal" "$DB-shm"
"$BIN" --db "$DB" init --timezone Europe/Amsterdam --rest-minutes 60 \
    >/dev/null
# 2027-01-01 00:00 UTC; 20,000 events, 5 shifts of 2 h each, 10 people
# per shift (1,000,000 assignments, or NA); 50,000 volunteers, 1 in 20
# limited.
sqlite3 "$DB" <<SQL
PRAGMA journal_mode = WAL;
PRAGMA synchronous = OFF;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n
  WHERE i < 50000)
INSERT INTO volunteers (id, name, skills, languages, max_per_month,
  created_at)
SELECT i, 'Volunteer ' || i,
  CASE i % 4 WHEN 0 THEN 'tolk' WHEN 1 THEN 'chauffeur' ELSE '' END,
  CASE i % 3 WHEN 0 THEN 'nl,ar' WHEN 1 THEN 'nl' ELSE 'ti,en' END,
  CASE WHEN i % 20 = 0 THEN 3 ELSE 0 END, 0 FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n
  WHERE i < 20000)
INSERT INTO events (id, uid, title, start_at, end_at, created_at,
  updated_at)
SELECT i, 'bench-e' || i, 'Event ' || i,
  1798761600 + (i * 1571) % 31536000,
  1798761600 + (i * 1571) % 31536000 + 36000, 0, 0 FROM n;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n
  WHERE i < 99999)
INSERT INTO shifts (id, event_id, uid, role, start_at, end_at, needed)
SELECT i + 1, i / 5 + 1, 'bench-s' || i,
  CASE i % 5 WHEN 0 THEN 'tolk' ELSE 'algemeen' END,
  e.start_at + (i % 5) * 7200, e.start_at + (i % 5) * 7200 + 7200, 12
FROM n JOIN events e ON e.id = i / 5 + 1;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n
  WHERE i < $NA - 1)
INSERT OR IGNORE INTO assignments (shift_id, volunteer_id, status,
  created_at)
SELECT i * (1000000 / $NA) / 10 + 1, (i * 7919) % 50000 + 1, 'accepted', 0
FROM n;
COMMIT;
SQL
echo "assignments: $(sqlite3 "$DB" 'SELECT count(*) FROM assignments')"
echo "volunteers:  $(sqlite3 "$DB" 'SELECT count(*) FROM volunteers')"
# -v logs the time ops_suggest took (loading and ranking), without the
# process start; the best of five runs, as the machine may be busy.
for i in 1 2 3 4 5; do
	"$BIN" --db "$DB" -v suggest 50000 --limit 20 2>&1 >/dev/null | \
	    sed -n 's/.*ranked \([0-9]*\) volunteers in \([0-9.]*\) ms (cpu \([0-9.]*\) ms)/\3 \2 \1/p'
done | sort -n | head -1 | while read -r cpu ms n; do
	echo "suggest: best 20 of 50,000 volunteers ($n weighed) in $cpu ms cpu, $ms ms wall (best of 5, cold process)"
done
t0=$(date +%s%N)
n=$("$BIN" --db "$DB" --format csv conflicts | wc -l)
t1=$(date +%s%N)
echo "conflicts (whole year): $((n - 1)) lines in $(( (t1 - t0) / 1000000 )) ms"
