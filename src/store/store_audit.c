/* SPDX-License-Identifier: ISC */
/*
 * The whole-plan conflict audit. One pass over the assignments in a
 * range, ordered by volunteer and start, with window functions giving
 * each assignment the volunteer's previous shift (LAG) and the latest end
 * among all earlier ones (a running max), so double bookings and short
 * rests are found in O(n log n) without a self-join. Rows that cannot be
 * in conflict are filtered in SQL; plan judges the rest.
 */
#include "rooster/store.h"

#include <stdint.h>
#include <string.h>

#include "store_int.h"

/* A shift longer than this is not looked back for (a week). */
#define STORE_AUDIT_LOOKBACK (7 * INT64_C(86400))

/*
 * b: the window, over narrow rows only (ids and times), so the sort of a
 * year's assignments stays small. A row goes on to be joined with its
 * details only if it can break a rule: after an earlier shift that ends
 * less than the rest before it (max_end), of a volunteer with a limit or
 * an unavailable period, on a shift that needs a skill or a language, or
 * of an event that asks for languages. Those small sets are built once.
 */
static const char store_audit_sql[] =
    "WITH b AS ("
    "  SELECT a.id AS aid, a.volunteer_id AS vid, s.id AS sid,"
    "    s.event_id AS eid, s.start_at AS st, s.end_at AS en,"
    "    lag(s.id) OVER w AS prev_id,"
    "    max(s.end_at) OVER (w ROWS BETWEEN UNBOUNDED PRECEDING"
    "      AND 1 PRECEDING) AS max_end"
    "  FROM shifts s JOIN assignments a ON a.shift_id = s.id"
    "  WHERE s.start_at >= ?4 AND s.start_at < ?2"
    "    AND a.status != 'declined' AND s.event_id NOT IN"
    "    (SELECT id FROM events WHERE status = 'cancelled')"
    "  WINDOW w AS (PARTITION BY a.volunteer_id"
    "    ORDER BY s.start_at, s.id)"
    "), c AS ("
    "  SELECT * FROM b WHERE b.vid IN (SELECT id FROM volunteers"
    "    WHERE max_per_month > 0 AND active != 0)"
    "  OR (b.st >= ?1 AND (b.max_end > b.st - ?3"
    "    OR b.vid IN (SELECT volunteer_id FROM unavailable)"
    "    OR b.eid IN (SELECT id FROM events WHERE languages != '')"
    "    OR b.sid IN (SELECT id FROM shifts WHERE language != ''"
    "      OR lower(role) NOT IN ('algemeen', 'general'))))"
    ")"
    "SELECT c.sid, c.vid, a.status, a.forced, c.st, c.en, s.role,"
    "  s.language, e.title, e.languages, c.prev_id, p.start_at,"
    "  p.end_at, p.role, c.max_end, v.name, v.skills, v.languages,"
    "  v.max_per_month, u.id, u.start_at, u.end_at, u.reason,"
    "  c.st >= ?1 "
    "FROM c JOIN volunteers v ON v.id = c.vid"
    "  JOIN assignments a ON a.id = c.aid"
    "  JOIN shifts s ON s.id = c.sid JOIN events e ON e.id = c.eid"
    "  LEFT JOIN shifts p ON p.id = c.prev_id"
    "  LEFT JOIN unavailable u ON u.id = (SELECT u2.id FROM unavailable u2"
    "    WHERE u2.volunteer_id = c.vid"
    "    AND u2.start_at < c.en AND u2.end_at > c.st"
    "    ORDER BY u2.start_at LIMIT 1) "
    "WHERE v.max_per_month > 0 OR (c.st >= ?1 AND ("
    "  c.max_end > c.st - ?3 OR u.id IS NOT NULL"
    "  OR s.language != '' OR e.languages != ''"
    "  OR (lower(s.role) NOT IN ('algemeen', 'general')"
    "    AND instr(',' || lower(replace(v.skills, ' ', '')) || ',',"
    "      ',' || lower(s.role) || ',') = 0))) "
    "ORDER BY c.vid, c.st, c.sid";

/* The earlier shift of volunteer_id before start that ends at end. */
static const char store_audit_longest_sql[] =
    "SELECT s.id, s.start_at, s.role FROM assignments a"
    "  JOIN shifts s ON s.id = a.shift_id"
    "  JOIN events e ON e.id = s.event_id"
    "  WHERE a.volunteer_id = ?1 AND s.end_at = ?2 AND s.start_at <= ?3"
    "  AND a.status != 'declined' AND e.status != 'cancelled'"
    "  AND s.id != ?4 ORDER BY s.start_at LIMIT 1";

static const char *
store_audit_text(sqlite3_stmt *stmt, int i)
{
	const char *s = (const char *)sqlite3_column_text(stmt, i);

	return s != NULL ? s : "";
}

int
store_audit_scan(struct store *st, int64_t from, int64_t to,
    int rest_minutes, store_audit_fn *fn, void *arg, struct err *err)
{
	sqlite3_stmt *stmt, *longest;
	struct store_audit_row r;
	int64_t max_end, lookback;
	int status, rc, cb = 0;

	if ((stmt = store_stmt(st, store_audit_sql, err)) == NULL)
		return -1;
	if ((longest = store_stmt(st, store_audit_longest_sql, err)) == NULL)
		return -1;
	/* Back to the month before from: monthly limits count it all. */
	lookback = from != 0 ? from - 31 * INT64_C(86400) -
	    STORE_AUDIT_LOOKBACK : INT64_MIN;
	sqlite3_bind_int64(stmt, 1, from != 0 ? from : INT64_MIN);
	sqlite3_bind_int64(stmt, 2, to != 0 ? to : INT64_MAX);
	sqlite3_bind_int64(stmt, 3, (int64_t)rest_minutes * 60);
	sqlite3_bind_int64(stmt, 4, lookback);
	while (cb == 0 && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		memset(&r, 0, sizeof r);
		r.shift.id = r.assignment.shift_id =
		    sqlite3_column_int64(stmt, 0);
		r.volunteer.id = r.assignment.volunteer_id =
		    sqlite3_column_int64(stmt, 1);
		status = assignment_status_parse(store_audit_text(stmt, 2));
		r.assignment.status = status < 0 ? ASSIGNMENT_PLANNED :
		    (enum assignment_status)status;
		r.assignment.forced = sqlite3_column_int(stmt, 3) != 0;
		r.shift.start = r.assignment.start =
		    sqlite3_column_int64(stmt, 4);
		r.shift.end = r.assignment.end = sqlite3_column_int64(stmt, 5);
		r.shift.role = (char *)store_audit_text(stmt, 6);
		r.shift.language = (char *)store_audit_text(stmt, 7);
		r.shift.event_title = (char *)store_audit_text(stmt, 8);
		r.assignment.role = r.shift.role;
		r.assignment.event_title = r.shift.event_title;
		r.event_languages = store_audit_text(stmt, 9);
		if (sqlite3_column_type(stmt, 10) != SQLITE_NULL) {
			r.previous.shift_id = sqlite3_column_int64(stmt, 10);
			r.previous.volunteer_id = r.volunteer.id;
			r.previous.start = sqlite3_column_int64(stmt, 11);
			r.previous.end = sqlite3_column_int64(stmt, 12);
			r.previous.role = (char *)store_audit_text(stmt, 13);
			r.previous.status = ASSIGNMENT_ACCEPTED;
		}
		max_end = sqlite3_column_int64(stmt, 14);
		r.volunteer.name = (char *)store_audit_text(stmt, 15);
		r.volunteer.skills = (char *)store_audit_text(stmt, 16);
		r.volunteer.languages = (char *)store_audit_text(stmt, 17);
		r.volunteer.max_per_month = sqlite3_column_int(stmt, 18);
		r.volunteer.active = true;
		r.assignment.volunteer = r.volunteer.name;
		if (sqlite3_column_type(stmt, 19) != SQLITE_NULL) {
			r.off.id = sqlite3_column_int64(stmt, 19);
			r.off.volunteer_id = r.volunteer.id;
			r.off.start = sqlite3_column_int64(stmt, 20);
			r.off.end = sqlite3_column_int64(stmt, 21);
			r.off.reason = (char *)store_audit_text(stmt, 22);
		}
		r.in_range = sqlite3_column_int(stmt, 23) != 0;
		/*
		 * The previous shift is not always the one ending last: a
		 * long shift may span several short ones. Rare; look it up.
		 */
		if (r.previous.shift_id != 0 && max_end > r.previous.end &&
		    r.in_range) {
			sqlite3_reset(longest);
			sqlite3_bind_int64(longest, 1, r.volunteer.id);
			sqlite3_bind_int64(longest, 2, max_end);
			sqlite3_bind_int64(longest, 3, r.shift.start);
			sqlite3_bind_int64(longest, 4, r.shift.id);
			if (sqlite3_step(longest) == SQLITE_ROW) {
				r.previous.shift_id =
				    sqlite3_column_int64(longest, 0);
				r.previous.start =
				    sqlite3_column_int64(longest, 1);
				r.previous.end = max_end;
				r.previous.role =
				    (char *)store_audit_text(longest, 2);
			}
		}
		cb = fn(&r, arg);
		sqlite3_reset(longest);
	}
	sqlite3_reset(stmt);
	if (cb != 0)
		return cb;
	return rc == SQLITE_DONE ? 0 : store_fail(st, rc, err);
}
