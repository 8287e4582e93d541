/* SPDX-License-Identifier: ISC */
/*
 * Each assignment's stored conflict state (migration 8): the flagged
 * assignments by start, and the volunteers an edit touched since they
 * were last judged (the triggers of migration 8 mark them). ops judges
 * those again before each change commits (ops_conflict_settle), so a
 * week's audit only looks at the volunteers flagged in the week.
 */
#include "rooster/store.h"

#include <stdlib.h>
#include <string.h>

#include "store_int.h"

static const char store_conflict_dirty_sql[] =
    "SELECT volunteer_id FROM conflict_dirty";

static const char store_conflict_flagged_sql[] =
    "SELECT DISTINCT volunteer_id FROM conflict_flags"
    "  WHERE start_at >= ?1 AND start_at < ?2";

static const char store_conflict_list_sql[] =
    "SELECT volunteer_id, shift_id, start_at FROM conflict_flags"
    "  ORDER BY volunteer_id, shift_id";

static const char store_conflict_clear_one_sql[] =
    "DELETE FROM conflict_flags WHERE volunteer_id = ?1";

static const char store_conflict_clean_one_sql[] =
    "DELETE FROM conflict_dirty WHERE volunteer_id = ?1";

static const char store_conflict_clear_all_sql[] =
    "DELETE FROM conflict_flags";

static const char store_conflict_clean_all_sql[] =
    "DELETE FROM conflict_dirty";

static const char store_conflict_flag_sql[] =
    "INSERT OR IGNORE INTO conflict_flags (volunteer_id, shift_id, start_at)"
    "  VALUES (?1, ?2, ?3)";

int
store_conflict_dirty(struct store *st, int64_t **out, size_t *len,
    struct err *err)
{
	sqlite3_stmt *stmt = store_stmt(st, store_conflict_dirty_sql, err);

	*out = NULL;
	*len = 0;
	if (stmt == NULL)
		return -1;
	return store_ids(st, stmt, out, len, err);
}

int
store_conflict_candidates(struct store *st, int64_t from, int64_t to,
    int64_t **out, size_t *len, size_t *dirty, struct err *err)
{
	sqlite3_stmt *stmt;
	int64_t *a = NULL, *b = NULL, *v;
	size_t na = 0, nb = 0, i = 0, j = 0, n = 0;

	*out = NULL;
	*len = 0;
	*dirty = 0;
	if (store_conflict_dirty(st, &a, &na, err) < 0)
		return -1;
	if ((stmt = store_stmt(st, store_conflict_flagged_sql, err)) == NULL) {
		free(a);
		return -1;
	}
	sqlite3_bind_int64(stmt, 1, from != 0 ? from : INT64_MIN);
	sqlite3_bind_int64(stmt, 2, to != 0 ? to : INT64_MAX);
	if (store_ids(st, stmt, &b, &nb, err) < 0) {
		free(a);
		return -1;
	}
	/* The union of two sorted sets. */
	v = na + nb > 0 ? xreallocarray(NULL, na + nb, sizeof *v) : NULL;
	while (i < na || j < nb) {
		if (j == nb || (i < na && a[i] < b[j]))
			v[n++] = a[i++];
		else if (i == na || b[j] < a[i])
			v[n++] = b[j++];
		else {
			v[n++] = a[i++];
			j++;
		}
	}
	free(a);
	free(b);
	*out = v;
	*len = n;
	*dirty = na;
	return 0;
}

/* The flags read so far: a growable array. */
struct store_conflict_found {
	struct store_conflict_flag	*items;
	size_t				 len;
	size_t				 cap;
};

static void
store_conflict_flag_row(sqlite3_stmt *stmt, void *arg)
{
	struct store_conflict_found *f = arg;
	struct store_conflict_flag *v = xarray_push(&f->items, &f->len,
	    &f->cap, sizeof *v);

	v->volunteer_id = sqlite3_column_int64(stmt, 0);
	v->shift_id = sqlite3_column_int64(stmt, 1);
	v->start = sqlite3_column_int64(stmt, 2);
}

int
store_conflict_flags(struct store *st, struct store_conflict_flag **out,
    size_t *len, struct err *err)
{
	struct store_conflict_found f = { 0 };

	*out = NULL;
	*len = 0;
	if (store_rows(st, store_query(st, err, store_conflict_list_sql, ""),
	    store_conflict_flag_row, &f, err) < 0) {
		free(f.items);
		return -1;
	}
	*out = f.items;
	*len = f.len;
	return 0;
}

int
store_conflict_replace(struct store *st, const int64_t *vids, size_t nvids,
    const struct store_conflict_flag *flags, size_t nflags, struct err *err)
{
	size_t i;

	/* Forget what was stored of the volunteers judged, or of everyone. */
	for (i = 0; i < (vids != NULL ? nvids : 1); i++) {
		const char *sqls[2] = {
			vids != NULL ? store_conflict_clear_one_sql :
			    store_conflict_clear_all_sql,
			vids != NULL ? store_conflict_clean_one_sql :
			    store_conflict_clean_all_sql,
		};
		int k;

		for (k = 0; k < 2; k++)
			if (store_run(st, err, sqls[k], vids != NULL ? "i" : "",
			    vids != NULL ? vids[i] : 0) < 0)
				return -1;
	}
	if (nflags == 0)
		return 0;
	for (i = 0; i < nflags; i++)
		if (store_run(st, err, store_conflict_flag_sql, "iii",
		    flags[i].volunteer_id, flags[i].shift_id,
		    flags[i].start) < 0)
			return -1;
	return 0;
}
