/* SPDX-License-Identifier: ISC */
/* Shifts in SQLite, with their event's title and their staffing. */
#include "rooster/store.h"

#include <stdint.h>
#include <string.h>

#include "store_int.h"

#define STORE_SHIFT_COLS \
	"s.id, s.event_id, s.uid, s.sequence, s.role, s.start_at, s.end_at, " \
	"s.needed, s.language, s.version, " \
	"(SELECT count(*) FROM assignments a WHERE a.shift_id = s.id " \
	"  AND " ASSIGNMENT_COUNTS_SQL("a.status") \
	"), e.title, e.location, e.status "

static void
store_shift_row(sqlite3_stmt *stmt, struct shift *sh)
{
	sh->id = sqlite3_column_int64(stmt, 0);
	sh->event_id = sqlite3_column_int64(stmt, 1);
	sh->uid = store_col_text(stmt, 2);
	sh->sequence = sqlite3_column_int(stmt, 3);
	sh->role = store_col_text(stmt, 4);
	sh->start = sqlite3_column_int64(stmt, 5);
	sh->end = sqlite3_column_int64(stmt, 6);
	sh->needed = sqlite3_column_int(stmt, 7);
	sh->language = store_col_text(stmt, 8);
	sh->version = sqlite3_column_int64(stmt, 9);
	sh->assigned = sqlite3_column_int(stmt, 10);
	sh->event_title = store_col_text(stmt, 11);
	sh->event_location = store_col_text(stmt, 12);
	sh->event_status = event_status_parse(
	    (const char *)sqlite3_column_text(stmt, 13));
}

static void
store_shift_bind(sqlite3_stmt *stmt, const struct shift *sh)
{
	sqlite3_bind_int64(stmt, 1, sh->event_id);
	store_bind_text(stmt, 2, sh->uid);
	sqlite3_bind_int(stmt, 3, sh->sequence);
	store_bind_text(stmt, 4, sh->role);
	sqlite3_bind_int64(stmt, 5, sh->start);
	sqlite3_bind_int64(stmt, 6, sh->end);
	sqlite3_bind_int(stmt, 7, sh->needed);
	store_bind_text(stmt, 8, sh->language ? sh->language : "");
}

int
store_shift_insert(struct store *st, struct shift *sh, struct err *err)
{
	static const char sql[] = "INSERT INTO shifts (event_id, uid, "
	    "sequence, role, start_at, end_at, needed, language) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
	sqlite3_stmt *stmt = store_stmt(st, sql, err);

	if (stmt == NULL)
		return -1;
	store_shift_bind(stmt, sh);
	if (store_step_done(st, stmt, err) < 0)
		return -1;
	sh->id = sqlite3_last_insert_rowid(st->db);
	sh->version = 1;
	return 0;
}

int
store_shift_update(struct store *st, struct shift *sh, struct err *err)
{
	static const char sql[] = "UPDATE shifts SET event_id = ?1, uid = ?2, "
	    "sequence = ?3, role = ?4, start_at = ?5, end_at = ?6, "
	    "needed = ?7, language = ?8, version = version + 1 WHERE id = ?9";
	sqlite3_stmt *stmt = store_stmt(st, sql, err);

	if (stmt == NULL)
		return -1;
	store_shift_bind(stmt, sh);
	sqlite3_bind_int64(stmt, 9, sh->id);
	if (store_step_done(st, stmt, err) < 0)
		return -1;
	if (sqlite3_changes(st->db) == 0)
		return err_set(err, ERR_NOT_FOUND, _("shift %lld not found "
		    "(see 'rooster shift list')"), (long long)sh->id);
	sh->version++;
	return 0;
}

int
store_shift_delete(struct store *st, int64_t id, struct err *err)
{
	static const char sql[] = "DELETE FROM shifts WHERE id = ?1";
	sqlite3_stmt *stmt = store_stmt(st, sql, err);

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	if (store_step_done(st, stmt, err) < 0)
		return -1;
	if (sqlite3_changes(st->db) == 0)
		return err_set(err, ERR_NOT_FOUND, _("shift %lld not found "
		    "(see 'rooster shift list')"), (long long)id);
	return 0;
}

int
store_shift_get(struct store *st, int64_t id, struct shift *sh,
    struct err *err)
{
	static const char sql[] = "SELECT " STORE_SHIFT_COLS
	    "FROM shifts s JOIN events e ON e.id = s.event_id WHERE s.id = ?1";
	sqlite3_stmt *stmt = store_stmt(st, sql, err);
	int rc;

	shift_init(sh);
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		store_shift_row(stmt, sh);
	sqlite3_reset(stmt);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, err);
	return err_set(err, ERR_NOT_FOUND, _("shift %lld not found (see "
	    "'rooster shift list')"), (long long)id);
}

int
store_shift_list_event(struct store *st, int64_t event_id,
    struct shift_list *out, struct err *err)
{
	static const char sql[] = "SELECT " STORE_SHIFT_COLS
	    "FROM shifts s JOIN events e ON e.id = s.event_id "
	    "WHERE s.event_id = ?1 ORDER BY s.start_at, s.role, s.id";
	sqlite3_stmt *stmt = store_stmt(st, sql, err);
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, event_id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		store_shift_row(stmt, shift_list_push(out));
	sqlite3_reset(stmt);
	return rc == SQLITE_DONE ? 0 : store_fail(st, rc, err);
}

int
store_shift_count_gaps(struct store *st, int64_t from, int64_t to,
    int64_t limit, int64_t *out, struct err *err)
{
	static const char sql[] = "SELECT count(*) FROM (SELECT 1 "
	    "FROM shifts s JOIN events e ON e.id = s.event_id "
	    "WHERE s.start_at >= ?1 AND s.start_at < ?2 "
	    "AND " EVENT_LIVE_SQL("e.status") " "
	    "AND s.needed > (SELECT count(*) FROM assignments a "
	    "  WHERE a.shift_id = s.id"
	    " AND " ASSIGNMENT_COUNTS_SQL("a.status") ") "
	    "LIMIT ?3)";
	sqlite3_stmt *stmt = store_stmt(st, sql, err);
	int rc;

	*out = 0;
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, from);
	sqlite3_bind_int64(stmt, 2, to);
	sqlite3_bind_int64(stmt, 3, limit > 0 ? limit : -1);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(stmt, 0);
	sqlite3_reset(stmt);
	return rc == SQLITE_ROW ? 0 : store_fail(st, rc, err);
}

int
store_shift_list_range(struct store *st, const struct store_range *range,
    struct shift_list *out, struct err *err)
{
	static const char sql[] = "SELECT " STORE_SHIFT_COLS
	    "FROM shifts s JOIN events e ON e.id = s.event_id "
	    "WHERE s.start_at >= ?1 AND s.start_at < ?2 "
	    "AND " EVENT_LIVE_SQL("e.status") " "
	    "AND (?3 = 0 OR s.needed > (SELECT count(*) FROM assignments a "
	    "  WHERE a.shift_id = s.id"
	    " AND " ASSIGNMENT_COUNTS_SQL("a.status") ") "
	    "  OR (?5 != 0 AND s.id IN (SELECT i.shift_id FROM invites i "
	    "  JOIN assignments a ON a.shift_id = i.shift_id "
	    "  AND a.volunteer_id = i.volunteer_id WHERE i.reasked != 0 "
	    "  AND i.state = 'sent' AND a.status = 'invited'))) "
	    "ORDER BY s.start_at, e.title, s.role, s.id LIMIT ?4";
	sqlite3_stmt *stmt = store_stmt(st, sql, err);
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, range->from ? range->from : INT64_MIN);
	sqlite3_bind_int64(stmt, 2, range->to ? range->to : INT64_MAX);
	sqlite3_bind_int(stmt, 3, range->gaps_only);
	sqlite3_bind_int64(stmt, 4, range->limit > 0 ? range->limit : -1);
	sqlite3_bind_int(stmt, 5, range->unconfirmed);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		store_shift_row(stmt, shift_list_push(out));
	sqlite3_reset(stmt);
	return rc == SQLITE_DONE ? 0 : store_fail(st, rc, err);
}
