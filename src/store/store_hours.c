/* SPDX-License-Identifier: ISC */
/* Hours served and no-shows per volunteer, for a chapter's yearly report. */
#include "rooster/store.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

int
store_hours_list(struct store *st, int64_t from, int64_t to,
    struct store_hours_list *out, struct err *err)
{
	static const char sql[] = "SELECT v.id, v.name,"
	    "  sum(a.attendance = 'attended'), sum(a.attendance = 'no-show'),"
	    "  coalesce(sum(CASE WHEN a.attendance = 'attended'"
	    "    THEN a.hours END), 0)"
	    "  FROM assignments a JOIN shifts s ON s.id = a.shift_id"
	    "  JOIN volunteers v ON v.id = a.volunteer_id"
	    "  WHERE s.start_at >= ?1 AND s.start_at < ?2"
	    "  AND a.attendance != ''"
	    "  GROUP BY v.id ORDER BY v.name COLLATE NOCASE, v.id";
	sqlite3_stmt *stmt = store_stmt(st, sql, err);
	struct store_hours *h;
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, from != 0 ? from : INT64_MIN);
	sqlite3_bind_int64(stmt, 2, to != 0 ? to : INT64_MAX);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (out->len == out->cap) {
			out->cap = out->cap ? out->cap * 2 : 16;
			out->items = xreallocarray(out->items, out->cap,
			    sizeof *out->items);
		}
		h = &out->items[out->len++];
		h->volunteer_id = sqlite3_column_int64(stmt, 0);
		h->volunteer = store_col_text(stmt, 1);
		h->attended = sqlite3_column_int(stmt, 2);
		h->no_shows = sqlite3_column_int(stmt, 3);
		h->hours = sqlite3_column_double(stmt, 4);
	}
	sqlite3_reset(stmt);
	return rc == SQLITE_DONE ? 0 : store_fail(st, rc, err);
}

void
store_hours_list_free(struct store_hours_list *list)
{
	size_t i;

	for (i = 0; i < list->len; i++)
		free(list->items[i].volunteer);
	free(list->items);
	memset(list, 0, sizeof *list);
}
