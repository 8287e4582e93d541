/* SPDX-License-Identifier: ISC */
/*
 * Every stored instant a person typed as a local time (events, their
 * occurrences, shifts, unavailable periods), read and written back in
 * bulk: for `init --timezone` on a plan that already holds them.
 */
#include "rooster/store.h"

#include <stdlib.h>
#include <string.h>

#include "store_int.h"

static void
store_rezone_row(sqlite3_stmt *stmt, void *arg)
{
	struct store_times *t = arg;
	struct store_time_row *r = xarray_push(&t->items, &t->len, &t->cap,
	    sizeof *r);

	r->kind = sqlite3_column_int(stmt, 0);
	r->id = sqlite3_column_int64(stmt, 1);
	r->at[0] = sqlite3_column_int64(stmt, 2);
	r->at[1] = sqlite3_column_int64(stmt, 3);
	r->at[2] = sqlite3_column_int64(stmt, 4);
}

void
store_times_free(struct store_times *t)
{
	free(t->items);
	memset(t, 0, sizeof *t);
}

int
store_times_get(struct store *st, struct store_times *out, struct err *err)
{
	static const char sql[] =
	    "SELECT 0, id, start_at, end_at, coalesce(occurrence_start, 0) "
	    "FROM events UNION ALL "
	    "SELECT 1, id, start_at, end_at, 0 FROM shifts UNION ALL "
	    "SELECT 2, id, start_at, end_at, 0 FROM unavailable";

	return store_rows(st, store_query(st, err, sql, ""), store_rezone_row,
	    out, err) < 0 ? -1 : 0;
}

int
store_times_put(struct store *st, const struct store_times *t,
    struct err *err)
{
	/* A new time is news for calendars: SEQUENCE grows. */
	static const char sql_event[] = "UPDATE events SET start_at = ?2, "
	    "end_at = ?3, occurrence_start = CASE WHEN occurrence_start IS "
	    "NULL THEN NULL ELSE ?4 END, sequence = sequence + 1, "
	    "version = version + 1, updated_at = ?5 WHERE id = ?1";
	static const char sql_shift[] = "UPDATE shifts SET start_at = ?2, "
	    "end_at = ?3, sequence = sequence + 1, version = version + 1 "
	    "WHERE id = ?1";
	static const char sql_off[] = "UPDATE unavailable SET start_at = ?2, "
	    "end_at = ?3 WHERE id = ?1";
	static const char *const sqls[] = { sql_event, sql_shift, sql_off };
	const struct store_time_row *r;
	size_t i;

	for (i = 0; i < t->len; i++) {
		r = &t->items[i];
		if (r->kind < 0 || r->kind > 2)
			continue;
		if (store_run(st, err, sqls[r->kind], r->kind == 0 ? "iiiii" :
		    "iii", r->id, r->at[0], r->at[1], r->at[2],
		    rtime_now()) < 0)
			return -1;
	}
	return 0;
}
