/* SPDX-License-Identifier: ISC */
/* Shifts in SQLite, with their event's title and their staffing. */
#include "rooster/store.h"

#include <stdint.h>
#include <string.h>

#include "store_int.h"

/*
 * shift_fields' derived rows, in order: the event's title, the people
 * who count, the event's place and status.
 */
#define STORE_SHIFT_DERIVED \
	"e.title, (SELECT count(*) FROM assignments a WHERE a.shift_id = s.id " \
	"  AND " ASSIGNMENT_COUNTS_SQL("a.status") \
	"), e.location, e.status "
#define STORE_SHIFT_FROM "FROM shifts s JOIN events e ON e.id = s.event_id "

/* After a read or a write that found no row. */
static const char *const store_shift_gone = N_("shift %lld not found (see "
    "'rooster shift list')");

/* "SELECT s.id, s.version, <shift_fields>, <derived> FROM ..." tail. */
static const char *
store_shift_select(char **slot, const char *tail)
{
	return store_fields_select(slot, "SELECT s.id, s.version, ", "s.",
	    shift_fields, ", " STORE_SHIFT_DERIVED STORE_SHIFT_FROM, tail);
}

static void
store_shift_row(sqlite3_stmt *stmt, void *arg)
{
	struct shift *sh = arg;

	store_fields_read_derived(stmt, store_fields_read_row(stmt, 0,
	    &sh->id, &sh->version, sh, shift_fields), sh, shift_fields);
}

static void
store_shift_list_row(sqlite3_stmt *stmt, void *arg)
{
	store_shift_row(stmt, shift_list_push(arg));
}

int
store_shift_insert(struct store *st, struct shift *sh, struct err *err)
{
	static char *sql;

	if (store_fields_write(st, store_fields_insert(&sql, "shifts",
	    shift_fields, "", ""), sh, shift_fields, 0, err) < 0)
		return -1;
	sh->id = sqlite3_last_insert_rowid(st->db);
	sh->version = 1;
	return 0;
}

int
store_shift_update(struct store *st, struct shift *sh, struct err *err)
{
	static char *sql;

	if (store_fields_found(store_fields_write(st, store_fields_update(&sql,
	    "shifts", shift_fields, ", version = version + 1"), sh,
	    shift_fields, sh->id, err), err, _(store_shift_gone), sh->id) < 0)
		return -1;
	sh->version++;
	return 0;
}

int
store_shift_delete(struct store *st, int64_t id, struct err *err)
{
	static const char sql[] = "DELETE FROM shifts WHERE id = ?1";

	if (store_run(st, err, sql, "i", id) < 0)
		return -1;
	return store_fields_found(sqlite3_changes(st->db), err,
	    _(store_shift_gone), id);
}

int
store_shift_get(struct store *st, int64_t id, struct shift *sh,
    struct err *err)
{
	static char *sql;

	shift_init(sh);
	return store_fields_found(store_rows(st, store_query(st, err,
	    store_shift_select(&sql, "WHERE s.id = ?1"), "i", id),
	    store_shift_row, sh, err), err, _(store_shift_gone), id);
}

int
store_shift_list_event(struct store *st, int64_t event_id,
    struct shift_list *out, struct err *err)
{
	static char *sql;

	return store_rows(st, store_query(st, err, store_shift_select(&sql,
	    "WHERE s.event_id = ?1 ORDER BY s.start_at, s.role, s.id"), "i",
	    event_id), store_shift_list_row, out, err) < 0 ? -1 : 0;
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

	*out = 0;
	return store_int(st, err, out, sql, "iii", from, to,
	    limit > 0 ? limit : -1) < 0 ? -1 : 0;
}

int
store_shift_list_range(struct store *st, const struct store_range *range,
    struct shift_list *out, struct err *err)
{
	static char *sql;

	return store_rows(st, store_query(st, err, store_shift_select(&sql,
	    "WHERE s.start_at >= ?1 AND s.start_at < ?2 "
	    "AND " EVENT_LIVE_SQL("e.status") " "
	    "AND (?3 = 0 OR s.needed > (SELECT count(*) FROM assignments a "
	    "  WHERE a.shift_id = s.id"
	    " AND " ASSIGNMENT_COUNTS_SQL("a.status") ") "
	    "  OR (?5 != 0 AND s.id IN (SELECT i.shift_id FROM invites i "
	    "  JOIN assignments a ON a.shift_id = i.shift_id "
	    "  AND a.volunteer_id = i.volunteer_id WHERE i.reasked != 0 "
	    "  AND i.state = 'sent' AND a.status = 'invited'))) "
	    "ORDER BY s.start_at, e.title, s.role, s.id LIMIT ?4"), "iidid",
	    range->from ? range->from : INT64_MIN,
	    range->to ? range->to : INT64_MAX, (int)range->gaps_only,
	    (int64_t)(range->limit > 0 ? range->limit : -1),
	    (int)range->unconfirmed), store_shift_list_row, out, err) < 0 ?
	    -1 : 0;
}
