/* SPDX-License-Identifier: ISC */
/*
 * Each assignment's stored conflict state (migration 8): the flagged
 * assignments by start, and the volunteers an edit touched since they
 * were last judged (the triggers of migration 8 mark them). ops judges
 * those again before each change commits (ops_conflict_settle), so a
 * week's audit only looks at the volunteers flagged in the week, and at
 * the assignments flagged of those not marked since.
 */
#include "rooster/store.h"

#include <stdlib.h>
#include <string.h>

#include "store_int.h"

static const char store_conflict_dirty_sql[] =
    "SELECT volunteer_id FROM conflict_dirty";

/* From the covering index conflict_flags_start. */
static const char store_conflict_flagged_sql[] =
    "SELECT volunteer_id, shift_id, start_at FROM conflict_flags"
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

/* Order flags by volunteer, then shift. */
static int
store_conflict_flag_cmp(const void *pa, const void *pb)
{
	const struct store_conflict_flag *a = pa, *b = pb;

	if (a->volunteer_id != b->volunteer_id)
		return a->volunteer_id < b->volunteer_id ? -1 : 1;
	return (a->shift_id > b->shift_id) - (a->shift_id < b->shift_id);
}

int
store_conflict_candidates(struct store *st, int64_t from, int64_t to,
    int64_t **out, size_t *len, size_t *dirty,
    struct store_conflict_flag **only, size_t *nonly, struct err *err)
{
	struct store_conflict_found f = { 0 };
	int64_t *a = NULL, *v;
	size_t na = 0, i = 0, j = 0, n = 0, k = 0;

	*out = NULL;
	*len = 0;
	*dirty = 0;
	if (only != NULL) {
		*only = NULL;
		*nonly = 0;
	}
	if (store_conflict_dirty(st, &a, &na, err) < 0)
		return -1;
	if (store_rows(st, store_query(st, err, store_conflict_flagged_sql,
	    "ii", from != 0 ? from : INT64_MIN, to != 0 ? to : INT64_MAX),
	    store_conflict_flag_row, &f, err) < 0) {
		free(a);
		free(f.items);
		return -1;
	}
	if (f.len > 0)
		xsort(f.items, f.len, sizeof *f.items,
		    store_conflict_flag_cmp);
	/* The union of two sorted sets; the flags of the dirty left out. */
	v = na + f.len > 0 ? xreallocarray(NULL, na + f.len, sizeof *v) :
	    NULL;
	while (i < na || j < f.len) {
		if (j < f.len && (i == na || f.items[j].volunteer_id < a[i])) {
			if (n == 0 || v[n - 1] != f.items[j].volunteer_id)
				v[n++] = f.items[j].volunteer_id;
			f.items[k++] = f.items[j++];
		} else if (j < f.len && f.items[j].volunteer_id == a[i])
			j++;	/* judged again whole: the flag says nothing */
		else {
			if (n == 0 || v[n - 1] != a[i])
				v[n++] = a[i];
			i++;
		}
	}
	free(a);
	*out = v;
	*len = n;
	*dirty = na;
	if (only != NULL && k > 0) {
		*only = f.items;
		*nonly = k;
	} else
		free(f.items);
	return 0;
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
