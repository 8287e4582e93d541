/* SPDX-License-Identifier: ISC */
/* Hours served and no-shows per volunteer, for a chapter's yearly report. */
#include "rooster/store.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "store_int.h"

#define STORE_HOURS_FIELD(name, field, kind_) \
	{ .key = name, .offset = offsetof(struct store_hours, field), \
	  .kind = MODEL_FIELD_ ## kind_ }

/* The columns of store_hours_list()'s rows, in order. */
static const struct model_field store_hours_fields[] = {
	STORE_HOURS_FIELD("volunteer_id", volunteer_id, ID),
	STORE_HOURS_FIELD("volunteer", volunteer, TEXT),
	STORE_HOURS_FIELD("attended", attended, INT),
	STORE_HOURS_FIELD("no_shows", no_shows, INT),
	STORE_HOURS_FIELD("hours", hours, REAL),
	{ .key = NULL }
};

static void
store_hours_row(sqlite3_stmt *stmt, void *arg)
{
	struct store_hours_list *out = arg;

	store_fields_read(stmt, 0, xarray_push(&out->items, &out->len,
	    &out->cap, sizeof *out->items), store_hours_fields);
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
	model_list_free(list->items, list->len, sizeof *list->items,
	    store_hours_fields);
	memset(list, 0, sizeof *list);
}
