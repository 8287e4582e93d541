/* SPDX-License-Identifier: ISC */
/* Events in SQLite: one row each, staffing derived from shifts. */
#include "rooster/store.h"

#include <stdint.h>
#include <string.h>

#include "store_int.h"

/*
 * What its shifts add up to, event_fields' derived rows in order, packed
 * in one text column (store_fields_read_packed()): needed, assigned
 * (counting ones), short (sum of what each shift misses) and over (shifts
 * with more than needed). One subquery reads each shift's count once for
 * all four; its LIMIT keeps SQLite from folding the shift rows into the
 * sums, which would count each shift once per sum. printf() writes 0 for
 * an event without shifts (sums of no rows are NULL).
 */
#define STORE_EVENT_DERIVED \
	"(SELECT printf('%d %d %d %d', sum(n), sum(c), sum(max(n - c, 0)), " \
	"  sum(c > n)) FROM (SELECT s.needed AS n, (SELECT count(*) " \
	"  FROM assignments a WHERE a.shift_id = s.id" \
	"  AND " ASSIGNMENT_COUNTS_SQL("a.status") ") AS c " \
	"  FROM shifts s WHERE s.event_id = e.id LIMIT -1)) "
/* Which events a list holds: in the range, found, short if asked. */
#define STORE_EVENT_WHERE \
	"WHERE e.start_at >= ?1 AND e.start_at < ?2 " \
	"AND (?3 IS NULL OR instr(lower(e.title), lower(?3)) > 0 " \
	"  OR instr(lower(e.location), lower(?3)) > 0) " \
	"AND (?4 = 0 OR (" EVENT_LIVE_SQL("e.status") \
	" AND EXISTS (SELECT 1 " \
	"  FROM shifts s WHERE s.event_id = e.id AND s.needed > " \
	"  (SELECT count(*) FROM assignments a WHERE a.shift_id = s.id " \
	"   AND " ASSIGNMENT_COUNTS_SQL("a.status") ")))) "

/* After a read or a write that found no row. */
static const char *const store_event_gone = N_("event %lld not found (see "
    "'rooster event list')");

/* "SELECT e.id, e.version, <event_fields>, <derived> FROM events e" tail. */
static const char *
store_event_select(char **slot, const char *tail)
{
	return store_fields_select(slot, "SELECT e.id, e.version, ", "e.",
	    event_fields, ", " STORE_EVENT_DERIVED "FROM events e ", tail);
}

static void
store_event_row(sqlite3_stmt *stmt, void *arg)
{
	struct event *ev = arg;

	store_fields_read_packed(stmt, store_fields_read_row(stmt, 0,
	    &ev->id, &ev->version, ev, event_fields), ev, event_fields);
}

static void
store_event_list_row(sqlite3_stmt *stmt, void *arg)
{
	store_event_row(stmt, event_list_push(arg));
}

int
store_event_insert(struct store *st, struct event *ev, struct err *err)
{
	static char *sql;

	if (store_fields_write(st, store_fields_insert(&sql, "events",
	    event_fields, ", created_at, updated_at", ", :now, :now"), ev,
	    event_fields, 0, err) < 0)
		return -1;
	ev->id = sqlite3_last_insert_rowid(st->db);
	ev->version = 1;
	return 0;
}

/*
 * Rows per INSERT in store_event_insert_many(): one statement (one
 * statement journal, one pass of the CHECKs' set-up) for many rows.
 */
#define STORE_EVENT_BATCH 64

int
store_event_insert_many(struct store *st, struct event *evs, size_t n,
    size_t *failed, struct err *err)
{
	static char *sql;
	sqlite3_stmt *stmt;
	size_t i = 0, r;
	int next;

	*failed = n;
	while (n - i >= STORE_EVENT_BATCH) {
		stmt = store_stmt(st, store_fields_insert_rows(&sql, "events",
		    event_fields, ", created_at, updated_at", 2,
		    STORE_EVENT_BATCH), err);
		if (stmt == NULL)
			return -1;
		for (r = 0, next = 1; r < STORE_EVENT_BATCH; r++)
			next = store_fields_bind(stmt, next, &evs[i + r],
			    event_fields);
		sqlite3_bind_int64(stmt, next, rtime_now());
		if (store_step_done(st, stmt, err) < 0) {
			/* Undone as a whole; row by row says which. */
			if (sqlite3_get_autocommit(st->db))
				return -1;
			break;
		}
		for (r = 0; r < STORE_EVENT_BATCH; r++)
			evs[i + r].version = 1;
		i += STORE_EVENT_BATCH;
	}
	for (; i < n; i++)
		if (store_event_insert(st, &evs[i], err) < 0) {
			*failed = i;
			return -1;
		}
	return 0;
}

int
store_event_update(struct store *st, struct event *ev, struct err *err)
{
	static char *sql;

	if (store_fields_found(store_fields_write(st, store_fields_update(&sql,
	    "events", event_fields, ", updated_at = :now, version = version "
	    "+ 1"), ev, event_fields, ev->id, err), err, _(store_event_gone),
	    ev->id) < 0)
		return -1;
	ev->version++;
	return 0;
}

int
store_event_delete(struct store *st, int64_t id, struct err *err)
{
	static const char sql[] = "DELETE FROM events WHERE id = ?1";

	if (store_run(st, err, sql, "i", id) < 0)
		return -1;
	return store_fields_found(sqlite3_changes(st->db), err,
	    _(store_event_gone), id);
}

int
store_event_get(struct store *st, int64_t id, struct event *ev,
    struct err *err)
{
	static char *sql;

	event_init(ev);
	return store_fields_found(store_rows(st, store_query(st, err,
	    store_event_select(&sql, "WHERE e.id = ?1"), "i", id),
	    store_event_row, ev, err), err, _(store_event_gone), id);
}

int
store_event_list(struct store *st, const struct store_range *range,
    struct event_list *out, struct err *err)
{
	static char *sql, *back_sql;
	struct event tmp;
	size_t first = out->len, i, j;

	/* Backwards, the screen's G reads only the last page. */
	if (store_rows(st, store_query(st, err, range->backwards ?
	    store_event_select(&back_sql, STORE_EVENT_WHERE
	    "ORDER BY e.start_at DESC, e.id DESC LIMIT ?5") :
	    store_event_select(&sql, STORE_EVENT_WHERE
	    "ORDER BY e.start_at, e.id LIMIT ?5"), "iitdi",
	    range->from ? range->from : INT64_MIN,
	    range->to ? range->to : INT64_MAX, range->search,
	    (int)range->gaps_only, (int64_t)(range->limit > 0 ? range->limit :
	    -1)), store_event_list_row, out, err) < 0)
		return -1;
	/* Read backwards: turn the rows around, into start order. */
	for (i = first, j = out->len; range->backwards && i + 1 < j; i++) {
		j--;
		tmp = out->items[i];
		out->items[i] = out->items[j];
		out->items[j] = tmp;
	}
	return 0;
}

int
store_event_list_series(struct store *st, int64_t series_id,
    struct event_list *out, struct err *err)
{
	static char *sql;

	return store_rows(st, store_query(st, err, store_event_select(&sql,
	    "WHERE e.series_id = ?1 ORDER BY e.occurrence_start, e.id"), "i",
	    series_id), store_event_list_row, out, err) < 0 ? -1 : 0;
}

/* Of series ?1, the occurrences in [?2, ?3]; or event ?1 if it does
 * not repeat; with ?4, only those not cancelled yet. */
#define STORE_EVENT_REACH "((e.series_id = ?1 AND e.occurrence_start " \
	"BETWEEN ?2 AND ?3) OR (e.id = ?1 AND coalesce(e.series_id, 0) = 0)) " \
	"AND (?4 = 0 OR " EVENT_LIVE_SQL("e.status") ")"

/* The two counts of store_event_series_reach(), into n[0] and n[1]. */
static void
store_event_reach_row(sqlite3_stmt *stmt, void *arg)
{
	int *n = arg;

	n[0] = sqlite3_column_int(stmt, 0);
	n[1] = sqlite3_column_int(stmt, 1);
}

int
store_event_series_reach(struct store *st, int64_t series_id, int64_t from,
    int64_t to, bool live, int *occurrences, int *invited, struct err *err)
{
	/* Told already: any answer or invitation but a draft or a no. */
	static const char sql[] = "SELECT (SELECT count(*) FROM events e "
	    "  WHERE " STORE_EVENT_REACH "), "
	    "(SELECT count(DISTINCT a.volunteer_id) FROM events e "
	    "  JOIN shifts s ON s.event_id = e.id "
	    "  JOIN assignments a ON a.shift_id = s.id "
	    "  WHERE " STORE_EVENT_REACH
	    "  AND a.status NOT IN ('planned', 'declined'))";
	int n[2] = { 0, 0 };
	int rc = store_rows(st, store_query(st, err, sql, "iiid", series_id,
	    from, to, (int)live), store_event_reach_row, n, err);

	*occurrences = n[0];
	*invited = n[1];
	return rc < 0 ? -1 : 0;
}
