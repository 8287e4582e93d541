/* SPDX-License-Identifier: ISC */
/* Assignments in SQLite: who is on which shift, and how they answered. */
#include "rooster/store.h"

#include <stdint.h>
#include <string.h>

#include "store_int.h"

#define STORE_ASSIGNMENT_COLS \
	"a.id, a.shift_id, a.volunteer_id, a.status, a.attendance, a.hours, " \
	"a.forced, v.name, s.role, e.title, s.start_at, s.end_at, a.note, " \
	"s.language "
#define STORE_ASSIGNMENT_FROM \
	"FROM assignments a JOIN volunteers v ON v.id = a.volunteer_id " \
	"JOIN shifts s ON s.id = a.shift_id JOIN events e ON e.id = s.event_id "

static void
store_assignment_row(sqlite3_stmt *stmt, struct assignment *a)
{
	const char *att;
	int status;

	a->id = sqlite3_column_int64(stmt, 0);
	a->shift_id = sqlite3_column_int64(stmt, 1);
	a->volunteer_id = sqlite3_column_int64(stmt, 2);
	status = assignment_status_parse(
	    (const char *)sqlite3_column_text(stmt, 3));
	a->status = status < 0 ? ASSIGNMENT_PLANNED :
	    (enum assignment_status)status;
	att = (const char *)sqlite3_column_text(stmt, 4);
	a->attendance = att == NULL || *att == '\0' ? ATTENDANCE_UNKNOWN :
	    strcmp(att, "attended") == 0 ? ATTENDANCE_ATTENDED :
	    ATTENDANCE_NO_SHOW;
	a->hours = sqlite3_column_double(stmt, 5);
	a->forced = sqlite3_column_int(stmt, 6) != 0;
	a->volunteer = store_col_text(stmt, 7);
	a->role = store_col_text(stmt, 8);
	a->event_title = store_col_text(stmt, 9);
	a->start = sqlite3_column_int64(stmt, 10);
	a->end = sqlite3_column_int64(stmt, 11);
	a->note = store_col_text(stmt, 12);
	a->language = store_col_text(stmt, 13);
}

int
store_assignment_insert(struct store *st, struct assignment *a,
    struct err *err)
{
	static const char sql[] = "INSERT INTO assignments (shift_id, "
	    "volunteer_id, status, forced, created_at, note) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
	sqlite3_stmt *stmt = store_stmt(st, sql, err);
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, a->shift_id);
	sqlite3_bind_int64(stmt, 2, a->volunteer_id);
	store_bind_text(stmt, 3, assignment_status_name(a->status));
	sqlite3_bind_int(stmt, 4, a->forced);
	sqlite3_bind_int64(stmt, 5, rtime_now());
	store_bind_text(stmt, 6, a->note != NULL ? a->note : "");
	rc = sqlite3_step(stmt);
	sqlite3_reset(stmt);
	if (rc == SQLITE_CONSTRAINT_UNIQUE)
		return err_set(err, ERR_CONFLICT, _("volunteer %lld is already "
		    "on shift %lld"), (long long)a->volunteer_id,
		    (long long)a->shift_id);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, err);
	a->id = sqlite3_last_insert_rowid(st->db);
	return 0;
}

int
store_assignment_delete(struct store *st, int64_t shift_id,
    int64_t volunteer_id, struct err *err)
{
	static const char sql[] = "DELETE FROM assignments "
	    "WHERE shift_id = ?1 AND volunteer_id = ?2";
	sqlite3_stmt *stmt = store_stmt(st, sql, err);

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, shift_id);
	sqlite3_bind_int64(stmt, 2, volunteer_id);
	if (store_step_done(st, stmt, err) < 0)
		return -1;
	if (sqlite3_changes(st->db) == 0)
		return err_set(err, ERR_NOT_FOUND, _("volunteer %lld is not on "
		    "shift %lld"), (long long)volunteer_id,
		    (long long)shift_id);
	return 0;
}

int
store_assignment_get(struct store *st, int64_t shift_id, int64_t volunteer_id,
    struct assignment *a, struct err *err)
{
	static const char sql[] = "SELECT " STORE_ASSIGNMENT_COLS
	    STORE_ASSIGNMENT_FROM "WHERE a.shift_id = ?1 AND a.volunteer_id = ?2";
	sqlite3_stmt *stmt = store_stmt(st, sql, err);
	int rc;

	assignment_init(a);
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, shift_id);
	sqlite3_bind_int64(stmt, 2, volunteer_id);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		store_assignment_row(stmt, a);
	sqlite3_reset(stmt);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, err);
	return err_set(err, ERR_NOT_FOUND, _("volunteer %lld is not on shift "
	    "%lld (see 'rooster shift show %lld')"), (long long)volunteer_id,
	    (long long)shift_id, (long long)shift_id);
}

int
store_assignment_set_status(struct store *st, int64_t shift_id,
    int64_t volunteer_id, enum assignment_status status, struct err *err)
{
	static const char sql[] = "UPDATE assignments SET status = ?3 "
	    "WHERE shift_id = ?1 AND volunteer_id = ?2";
	sqlite3_stmt *stmt = store_stmt(st, sql, err);

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, shift_id);
	sqlite3_bind_int64(stmt, 2, volunteer_id);
	store_bind_text(stmt, 3, assignment_status_name(status));
	if (store_step_done(st, stmt, err) < 0)
		return -1;
	if (sqlite3_changes(st->db) == 0)
		return err_set(err, ERR_NOT_FOUND, _("volunteer %lld is not on "
		    "shift %lld"), (long long)volunteer_id,
		    (long long)shift_id);
	return 0;
}

int
store_assignment_set_attendance(struct store *st, int64_t shift_id,
    int64_t volunteer_id, enum assignment_attendance att, double hours,
    struct err *err)
{
	static const char sql[] = "UPDATE assignments SET attendance = ?3, "
	    "hours = ?4 WHERE shift_id = ?1 AND volunteer_id = ?2";
	sqlite3_stmt *stmt = store_stmt(st, sql, err);

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, shift_id);
	sqlite3_bind_int64(stmt, 2, volunteer_id);
	store_bind_text(stmt, 3, assignment_attendance_name(att));
	sqlite3_bind_double(stmt, 4, hours);
	if (store_step_done(st, stmt, err) < 0)
		return -1;
	if (sqlite3_changes(st->db) == 0)
		return err_set(err, ERR_NOT_FOUND, _("volunteer %lld is not on "
		    "shift %lld"), (long long)volunteer_id,
		    (long long)shift_id);
	return 0;
}

/* Names in order folded (name_folded): Ë sorts with E, as people read. */
int
store_assignment_list_shift(struct store *st, int64_t shift_id,
    struct assignment_list *out, struct err *err)
{
	static const char sql[] = "SELECT " STORE_ASSIGNMENT_COLS
	    STORE_ASSIGNMENT_FROM "WHERE a.shift_id = ?1 "
	    "ORDER BY v.name_folded, v.id";
	sqlite3_stmt *stmt = store_stmt(st, sql, err);
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, shift_id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		store_assignment_row(stmt, assignment_list_push(out));
	sqlite3_reset(stmt);
	return rc == SQLITE_DONE ? 0 : store_fail(st, rc, err);
}

int
store_assignment_list_volunteer(struct store *st, int64_t volunteer_id,
    const struct store_range *range, struct assignment_list *out,
    struct err *err)
{
	static const char sql[] = "SELECT " STORE_ASSIGNMENT_COLS
	    STORE_ASSIGNMENT_FROM "WHERE a.volunteer_id = ?1 "
	    "AND s.start_at >= ?2 AND s.start_at < ?3 "
	    "AND " EVENT_LIVE_SQL("e.status") " "
	    "ORDER BY s.start_at, s.id LIMIT ?4";
	sqlite3_stmt *stmt = store_stmt(st, sql, err);
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, volunteer_id);
	sqlite3_bind_int64(stmt, 2, range->from ? range->from : INT64_MIN);
	sqlite3_bind_int64(stmt, 3, range->to ? range->to : INT64_MAX);
	sqlite3_bind_int64(stmt, 4, range->limit > 0 ? range->limit : -1);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		store_assignment_row(stmt, assignment_list_push(out));
	sqlite3_reset(stmt);
	return rc == SQLITE_DONE ? 0 : store_fail(st, rc, err);
}

int
store_assignment_list_range(struct store *st, const struct store_range *range,
    struct assignment_list *out, struct err *err)
{
	static const char sql[] = "SELECT " STORE_ASSIGNMENT_COLS
	    STORE_ASSIGNMENT_FROM "WHERE s.start_at >= ?1 AND s.start_at < ?2 "
	    "AND " EVENT_LIVE_SQL("e.status") " "
	    "ORDER BY s.start_at, e.title, s.role, v.name_folded, "
	    "v.id LIMIT ?3";
	sqlite3_stmt *stmt = store_stmt(st, sql, err);
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, range->from ? range->from : INT64_MIN);
	sqlite3_bind_int64(stmt, 2, range->to ? range->to : INT64_MAX);
	sqlite3_bind_int64(stmt, 3, range->limit > 0 ? range->limit : -1);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		store_assignment_row(stmt, assignment_list_push(out));
	sqlite3_reset(stmt);
	return rc == SQLITE_DONE ? 0 : store_fail(st, rc, err);
}

int
store_assignment_set_note(struct store *st, int64_t shift_id,
    int64_t volunteer_id, const char *note, struct err *err)
{
	static const char sql[] = "UPDATE assignments SET note = ?3 "
	    "WHERE shift_id = ?1 AND volunteer_id = ?2";
	sqlite3_stmt *stmt = store_stmt(st, sql, err);

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, shift_id);
	sqlite3_bind_int64(stmt, 2, volunteer_id);
	store_bind_text(stmt, 3, note != NULL ? note : "");
	if (store_step_done(st, stmt, err) < 0)
		return -1;
	if (sqlite3_changes(st->db) == 0)
		return err_set(err, ERR_NOT_FOUND, _("volunteer %lld is not on "
		    "shift %lld (see 'rooster shift show %lld')"),
		    (long long)volunteer_id, (long long)shift_id,
		    (long long)shift_id);
	return 0;
}
