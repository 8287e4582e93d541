/* SPDX-License-Identifier: ISC */
/*
 * What calendars are made of: events with their shifts and the people on
 * them, walked row by row so an export of 100,000 shifts stays flat in
 * memory; UID lookups for imports and replies; volunteers' feed tokens.
 */
#include "rooster/store.h"

#include <stdint.h>
#include <string.h>

#include "store_int.h"

#define STORE_CALENDAR_COLS STORE_EVENT_STORED_COLS ", " \
	"s.id, s.uid, s.sequence, s.role, s.start_at, s.end_at, s.needed, " \
	"s.language, s.version "
/* The shift's first column, after the event's. */
#define STORE_CALENDAR_SHIFT STORE_EVENT_NSTORED

static void
store_calendar_shift(sqlite3_stmt *stmt, const struct event *ev,
    struct shift *sh)
{
	sh->id = sqlite3_column_int64(stmt, STORE_CALENDAR_SHIFT + 0);
	sh->event_id = ev->id;
	sh->uid = store_col_text(stmt, STORE_CALENDAR_SHIFT + 1);
	sh->sequence = sqlite3_column_int(stmt, STORE_CALENDAR_SHIFT + 2);
	sh->role = store_col_text(stmt, STORE_CALENDAR_SHIFT + 3);
	sh->start = sqlite3_column_int64(stmt, STORE_CALENDAR_SHIFT + 4);
	sh->end = sqlite3_column_int64(stmt, STORE_CALENDAR_SHIFT + 5);
	sh->needed = sqlite3_column_int(stmt, STORE_CALENDAR_SHIFT + 6);
	sh->language = store_col_text(stmt, STORE_CALENDAR_SHIFT + 7);
	sh->version = sqlite3_column_int64(stmt, STORE_CALENDAR_SHIFT + 8);
	sh->event_title = xstrdup(ev->title);
	sh->event_location = xstrdup(ev->location);
	sh->event_status = (int)ev->status;
}

int
store_calendar_each(struct store *st,
    const struct store_calendar_filter *filter, store_calendar_fn *fn,
    void *arg, struct err *err)
{
	static const char sql[] = "SELECT " STORE_CALENDAR_COLS
	    "FROM events e LEFT JOIN shifts s ON s.event_id = e.id "
	    "WHERE (?1 = 0 OR e.id = ?1) AND ?2 = 0 "
	    "ORDER BY e.start_at, e.id, s.start_at, s.role, s.id";
	/* One volunteer's: from their assignments, not every shift. */
	static const char sql_volunteer[] = "SELECT " STORE_CALENDAR_COLS
	    "FROM assignments a JOIN shifts s ON s.id = a.shift_id "
	    "JOIN events e ON e.id = s.event_id "
	    "WHERE (?1 = 0 OR e.id = ?1) AND a.volunteer_id = ?2 "
	    "ORDER BY e.start_at, e.id, s.start_at, s.role, s.id";
	sqlite3_stmt *stmt = store_stmt(st, filter != NULL &&
	    filter->volunteer_id != 0 ? sql_volunteer : sql, err);
	struct assignment_list people = { 0 };
	struct event ev;
	struct shift sh;
	bool has_shift;
	int rc = 0, step;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, filter != NULL ? filter->event_id : 0);
	sqlite3_bind_int64(stmt, 2, filter != NULL ? filter->volunteer_id : 0);
	while (rc == 0 && (step = sqlite3_step(stmt)) == SQLITE_ROW) {
		event_init(&ev);
		store_event_read(stmt, &ev);
		has_shift = sqlite3_column_type(stmt, STORE_CALENDAR_SHIFT) !=
		    SQLITE_NULL;
		shift_init(&sh);
		if (has_shift) {
			store_calendar_shift(stmt, &ev, &sh);
			rc = store_assignment_list_shift(st, sh.id, &people,
			    err);
		}
		if (rc == 0)
			rc = fn(arg, &ev, has_shift ? &sh : NULL, &people, err);
		assignment_list_free(&people);
		memset(&people, 0, sizeof people);
		shift_fini(&sh);
		event_fini(&ev);
	}
	if (rc == 0 && step != SQLITE_DONE)
		rc = store_fail(st, step, err);
	sqlite3_reset(stmt);
	return rc;
}

int64_t
store_calendar_shift_by_uid(struct store *st, const char *uid,
    struct err *err)
{
	static const char sql[] = "SELECT id FROM shifts WHERE uid = ?1";

	return store_id_by_text(st, sql, uid, err);
}

int64_t
store_calendar_event_by_uid(struct store *st, const char *uid,
    struct err *err)
{
	static const char sql[] = "SELECT id FROM events WHERE uid = ?1";

	return store_id_by_text(st, sql, uid, err);
}

int
store_calendar_token_get(struct store *st, int64_t volunteer_id,
    char **token, struct err *err)
{
	static const char sql[] = "SELECT feed_token FROM volunteers "
	    "WHERE id = ?1";
	sqlite3_stmt *stmt = store_stmt(st, sql, err);
	int rc;

	*token = NULL;
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, volunteer_id);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW && sqlite3_column_type(stmt, 0) != SQLITE_NULL)
		*token = store_col_text(stmt, 0);
	sqlite3_reset(stmt);
	if (rc == SQLITE_DONE)
		return err_set(err, ERR_NOT_FOUND, _("volunteer %lld not found "
		    "(see 'rooster volunteer list')"), (long long)volunteer_id);
	return rc == SQLITE_ROW ? 0 : store_fail(st, rc, err);
}

int
store_calendar_token_set(struct store *st, int64_t volunteer_id,
    const char *token, struct err *err)
{
	static const char sql[] = "UPDATE volunteers SET feed_token = ?2 "
	    "WHERE id = ?1";
	sqlite3_stmt *stmt = store_stmt(st, sql, err);

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, volunteer_id);
	store_bind_text(stmt, 2, token);
	if (store_step_done(st, stmt, err) < 0)
		return -1;
	if (sqlite3_changes(st->db) == 0)
		return err_set(err, ERR_NOT_FOUND, _("volunteer %lld not found "
		    "(see 'rooster volunteer list')"), (long long)volunteer_id);
	return 0;
}
