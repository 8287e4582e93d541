/* SPDX-License-Identifier: ISC */
/* Events in SQLite: one row each, staffing derived from shifts. */
#include "rooster/store.h"

#include <stdint.h>
#include <string.h>

#include "store_int.h"

#define STORE_EVENT_COLS STORE_EVENT_STORED_COLS ", " \
	"(SELECT coalesce(sum(s.needed), 0) FROM shifts s " \
	"  WHERE s.event_id = e.id), " \
	"(SELECT count(*) FROM assignments a JOIN shifts s ON s.id = a.shift_id" \
	"  WHERE s.event_id = e.id" \
	"  AND " ASSIGNMENT_COUNTS_SQL("a.status") "), " \
	"(SELECT coalesce(sum(max(s.needed - (SELECT count(*) " \
	"  FROM assignments a WHERE a.shift_id = s.id " \
	"  AND " ASSIGNMENT_COUNTS_SQL("a.status") "), 0)), 0) FROM shifts s " \
	"  WHERE s.event_id = e.id), " \
	"(SELECT count(*) FROM shifts s WHERE s.event_id = e.id " \
	"  AND s.needed < (SELECT count(*) FROM assignments a " \
	"  WHERE a.shift_id = s.id" \
	"  AND " ASSIGNMENT_COUNTS_SQL("a.status") ")) "

void
store_event_read(sqlite3_stmt *stmt, struct event *ev)
{
	int status;

	ev->id = sqlite3_column_int64(stmt, 0);
	ev->uid = store_col_text(stmt, 1);
	ev->sequence = sqlite3_column_int(stmt, 2);
	ev->title = store_col_text(stmt, 3);
	ev->description = store_col_text(stmt, 4);
	ev->location = store_col_text(stmt, 5);
	ev->start = sqlite3_column_int64(stmt, 6);
	ev->end = sqlite3_column_int64(stmt, 7);
	status = event_status_parse((const char *)sqlite3_column_text(stmt, 8));
	ev->status = status < 0 ? EVENT_CONFIRMED : (enum event_status)status;
	ev->rrule = sqlite3_column_type(stmt, 9) == SQLITE_NULL ? NULL :
	    store_col_text(stmt, 9);
	ev->languages = store_col_text(stmt, 10);
	ev->version = sqlite3_column_int64(stmt, 11);
	ev->series_id = sqlite3_column_int64(stmt, 12);
	ev->occurrence_start = sqlite3_column_int64(stmt, 13);
	ev->all_day = sqlite3_column_int(stmt, 14) != 0;
}

static void
store_event_row(sqlite3_stmt *stmt, struct event *ev)
{
	store_event_read(stmt, ev);
	ev->needed = sqlite3_column_int(stmt, STORE_EVENT_NSTORED);
	ev->assigned = sqlite3_column_int(stmt, STORE_EVENT_NSTORED + 1);
	ev->short_by = sqlite3_column_int(stmt, STORE_EVENT_NSTORED + 2);
	ev->over = sqlite3_column_int(stmt, STORE_EVENT_NSTORED + 3);
}

static void
store_event_bind(sqlite3_stmt *stmt, const struct event *ev)
{
	store_bind_text(stmt, 1, ev->uid);
	sqlite3_bind_int(stmt, 2, ev->sequence);
	store_bind_text(stmt, 3, ev->title);
	store_bind_text(stmt, 4, ev->description ? ev->description : "");
	store_bind_text(stmt, 5, ev->location ? ev->location : "");
	sqlite3_bind_int64(stmt, 6, ev->start);
	sqlite3_bind_int64(stmt, 7, ev->end);
	store_bind_text(stmt, 8, event_status_name(ev->status));
	store_bind_text(stmt, 9, ev->rrule);
	store_bind_text(stmt, 10, ev->languages ? ev->languages : "");
	sqlite3_bind_int64(stmt, 11, rtime_now());
	if (ev->series_id != 0)
		sqlite3_bind_int64(stmt, 13, ev->series_id);
	if (ev->occurrence_start != 0)
		sqlite3_bind_int64(stmt, 14, ev->occurrence_start);
	sqlite3_bind_int(stmt, 15, ev->all_day ? 1 : 0);
}

int
store_event_insert(struct store *st, struct event *ev, struct err *err)
{
	static const char sql[] = "INSERT INTO events (uid, sequence, title, "
	    "description, location, start_at, end_at, status, rrule, "
	    "languages, created_at, updated_at, series_id, occurrence_start, "
	    "all_day) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
	    "?11, ?13, ?14, ?15)";
	sqlite3_stmt *stmt = store_stmt(st, sql, err);

	if (stmt == NULL)
		return -1;
	store_event_bind(stmt, ev);
	if (store_step_done(st, stmt, err) < 0)
		return -1;
	ev->id = sqlite3_last_insert_rowid(st->db);
	ev->version = 1;
	return 0;
}

int
store_event_update(struct store *st, struct event *ev, struct err *err)
{
	static const char sql[] = "UPDATE events SET uid = ?1, sequence = ?2, "
	    "title = ?3, description = ?4, location = ?5, start_at = ?6, "
	    "end_at = ?7, status = ?8, rrule = ?9, languages = ?10, "
	    "updated_at = ?11, series_id = ?13, occurrence_start = ?14, "
	    "all_day = ?15, version = version + 1 WHERE id = ?12";
	sqlite3_stmt *stmt = store_stmt(st, sql, err);

	if (stmt == NULL)
		return -1;
	store_event_bind(stmt, ev);
	sqlite3_bind_int64(stmt, 12, ev->id);
	if (store_step_done(st, stmt, err) < 0)
		return -1;
	if (sqlite3_changes(st->db) == 0)
		return err_set(err, ERR_NOT_FOUND, _("event %lld not found "
		    "(see 'rooster event list')"), (long long)ev->id);
	ev->version++;
	return 0;
}

int
store_event_delete(struct store *st, int64_t id, struct err *err)
{
	static const char sql[] = "DELETE FROM events WHERE id = ?1";
	sqlite3_stmt *stmt = store_stmt(st, sql, err);

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	if (store_step_done(st, stmt, err) < 0)
		return -1;
	if (sqlite3_changes(st->db) == 0)
		return err_set(err, ERR_NOT_FOUND, _("event %lld not found "
		    "(see 'rooster event list')"), (long long)id);
	return 0;
}

int
store_event_get(struct store *st, int64_t id, struct event *ev,
    struct err *err)
{
	static const char sql[] = "SELECT " STORE_EVENT_COLS
	    "FROM events e WHERE e.id = ?1";
	sqlite3_stmt *stmt = store_stmt(st, sql, err);
	int rc;

	event_init(ev);
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		store_event_row(stmt, ev);
	sqlite3_reset(stmt);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, err);
	return err_set(err, ERR_NOT_FOUND, _("event %lld not found (see "
	    "'rooster event list')"), (long long)id);
}

int
store_event_list(struct store *st, const struct store_range *range,
    struct event_list *out, struct err *err)
{
	static const char sql[] = "SELECT " STORE_EVENT_COLS
	    "FROM events e WHERE e.start_at >= ?1 AND e.start_at < ?2 "
	    "AND (?3 IS NULL OR instr(lower(e.title), lower(?3)) > 0 "
	    "  OR instr(lower(e.location), lower(?3)) > 0) "
	    "AND (?4 = 0 OR (" EVENT_LIVE_SQL("e.status")
	    " AND EXISTS (SELECT 1 "
	    "  FROM shifts s WHERE s.event_id = e.id AND s.needed > "
	    "  (SELECT count(*) FROM assignments a WHERE a.shift_id = s.id "
	    "   AND " ASSIGNMENT_COUNTS_SQL("a.status") ")))) "
	    "ORDER BY e.start_at, e.id LIMIT ?5";
	/* The same, from the end: the screen's G reads only the last page. */
	static const char back_sql[] = "SELECT " STORE_EVENT_COLS
	    "FROM events e WHERE e.start_at >= ?1 AND e.start_at < ?2 "
	    "AND (?3 IS NULL OR instr(lower(e.title), lower(?3)) > 0 "
	    "  OR instr(lower(e.location), lower(?3)) > 0) "
	    "AND (?4 = 0 OR (" EVENT_LIVE_SQL("e.status")
	    " AND EXISTS (SELECT 1 "
	    "  FROM shifts s WHERE s.event_id = e.id AND s.needed > "
	    "  (SELECT count(*) FROM assignments a WHERE a.shift_id = s.id "
	    "   AND " ASSIGNMENT_COUNTS_SQL("a.status") ")))) "
	    "ORDER BY e.start_at DESC, e.id DESC LIMIT ?5";
	sqlite3_stmt *stmt = store_stmt(st, range->backwards ? back_sql : sql,
	    err);
	struct event tmp;
	size_t first = out->len, i, j;
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, range->from ? range->from : INT64_MIN);
	sqlite3_bind_int64(stmt, 2, range->to ? range->to : INT64_MAX);
	store_bind_text(stmt, 3, range->search);
	sqlite3_bind_int(stmt, 4, range->gaps_only);
	sqlite3_bind_int64(stmt, 5, range->limit > 0 ? range->limit : -1);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		store_event_row(stmt, event_list_push(out));
	sqlite3_reset(stmt);
	/* Read backwards: turn the rows around, into start order. */
	for (i = first, j = out->len; range->backwards && i + 1 < j; i++) {
		j--;
		tmp = out->items[i];
		out->items[i] = out->items[j];
		out->items[j] = tmp;
	}
	return rc == SQLITE_DONE ? 0 : store_fail(st, rc, err);
}

int
store_event_list_series(struct store *st, int64_t series_id,
    struct event_list *out, struct err *err)
{
	static const char sql[] = "SELECT " STORE_EVENT_COLS
	    "FROM events e WHERE e.series_id = ?1 "
	    "ORDER BY e.occurrence_start, e.id";
	sqlite3_stmt *stmt = store_stmt(st, sql, err);
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, series_id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		store_event_row(stmt, event_list_push(out));
	sqlite3_reset(stmt);
	return rc == SQLITE_DONE ? 0 : store_fail(st, rc, err);
}

int
store_event_series_reach(struct store *st, int64_t series_id, int64_t from,
    int64_t to, int *occurrences, int *invited, struct err *err)
{
	/* Told already: any answer or invitation but a draft or a no. */
	static const char sql[] = "SELECT (SELECT count(*) FROM events e "
	    "  WHERE e.series_id = ?1 AND e.occurrence_start BETWEEN ?2 AND ?3), "
	    "(SELECT count(DISTINCT a.volunteer_id) FROM events e "
	    "  JOIN shifts s ON s.event_id = e.id "
	    "  JOIN assignments a ON a.shift_id = s.id "
	    "  WHERE e.series_id = ?1 AND e.occurrence_start BETWEEN ?2 AND ?3 "
	    "  AND a.status NOT IN ('planned', 'declined'))";
	sqlite3_stmt *stmt = store_stmt(st, sql, err);
	int rc;

	*occurrences = *invited = 0;
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, series_id);
	sqlite3_bind_int64(stmt, 2, from);
	sqlite3_bind_int64(stmt, 3, to);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		*occurrences = sqlite3_column_int(stmt, 0);
		*invited = sqlite3_column_int(stmt, 1);
	}
	sqlite3_reset(stmt);
	return rc == SQLITE_ROW ? 0 : store_fail(st, rc, err);
}
