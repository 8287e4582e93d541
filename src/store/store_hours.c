/* SPDX-License-Identifier: ISC */
/* Hours served and no-shows per volunteer, for a chapter's yearly report. */
#include "rooster/store.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

static void
store_hours_row(sqlite3_stmt *stmt, void *arg)
{
	struct store_hours_list *out = arg;
	struct store_hours *h = xarray_push(&out->items, &out->len,
	    &out->cap, sizeof *h);

	h->volunteer_id = sqlite3_column_int64(stmt, 0);
	h->volunteer = store_col_text(stmt, 1);
	h->attended = sqlite3_column_int(stmt, 2);
	h->no_shows = sqlite3_column_int(stmt, 3);
	h->hours = sqlite3_column_double(stmt, 4);
}

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
	    "  GROUP BY v.id ORDER BY v.name_folded, v.id";

	return store_rows(st, store_query(st, err, sql, "ii",
	    from != 0 ? from : INT64_MIN, to != 0 ? to : INT64_MAX),
	    store_hours_row, out, err) < 0 ? -1 : 0;
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
