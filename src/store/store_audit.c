/* SPDX-License-Identifier: ISC */
/*
 * The whole-plan conflict audit, in two streams. The narrow one: every
 * counting assignment (volunteer, start, shift, end) from a month before
 * the range on, sorted here by volunteer and start, so that one walk gives
 * each its previous shift and the latest end among all earlier ones: a
 * double booking or a short rest in O(n log n), without a self-join or
 * SQLite's window functions (which cost 120 ms of a week's 270 on the
 * large bench plan). The detailed one: the assignments in the range with
 * their shift, event, volunteer and unavailable period, in the same order
 * from one statement. Rows that cannot be in conflict are left out here;
 * plan judges the rest. For some volunteers (a week's flagged ones) the
 * narrow stream comes from each volunteer's entries between the ids that
 * bound the range's shifts, or from the range's shifts read once from an
 * index and each volunteer's entries among their ids; the detail per
 * assignment.
 */
#include "rooster/store.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

/* A shift longer than this is not looked back for (a week). */
#define STORE_AUDIT_LOOKBACK (7 * INT64_C(86400))

/* Every counting assignment starting in [?1, ?2), narrow. */
static const char store_audit_narrow_sql[] =
    "SELECT a.volunteer_id, s.start_at, s.id, s.end_at"
    "  FROM shifts s JOIN assignments a ON a.shift_id = s.id"
    "  WHERE s.start_at >= ?1 AND s.start_at < ?2"
    "  AND " ASSIGNMENT_COUNTS_SQL("a.status") " AND s.event_id NOT IN"
    "    (SELECT id FROM events WHERE status = 'cancelled')";

/*
 * The same for one volunteer ?3, through their own index and the shifts'
 * covering one (migration 8): the table's pages of every shift of theirs
 * would be read to find the few in the range. Cancelled events are left
 * out in C (store_audit_cancelled_sql, read once).
 */
static const char store_audit_narrow_one_sql[] =
    "SELECT a.volunteer_id, s.start_at, s.id, s.end_at, s.event_id"
    "  FROM assignments a JOIN shifts s INDEXED BY shifts_span"
    "  ON s.id = a.shift_id"
    "  WHERE a.volunteer_id = ?3 AND a.shift_id BETWEEN ?4 AND ?5"
    "  AND s.start_at >= ?1 AND s.start_at < ?2"
    "  AND " ASSIGNMENT_COUNTS_SQL("a.status");

/*
 * The shifts starting in [?1, ?2), narrow: a range of the covering index
 * shifts_start, read once for all the volunteers asked.
 */
static const char store_audit_window_sql[] =
    "SELECT id, start_at, end_at, event_id FROM shifts"
    "  WHERE start_at >= ?1 AND start_at < ?2";

/*
 * Volunteer ?1's counting entries between shift ids ?2 and ?3 (the
 * window's first and last), from the covering index assignments_volunteer
 * alone: ids grow as shifts are added, so a window's lie close together
 * when the plan was made in order (the bound is right in any order).
 */
static const char store_audit_mine_sql[] =
    "SELECT shift_id FROM assignments"
    "  WHERE volunteer_id = ?1 AND shift_id BETWEEN ?2 AND ?3"
    "  AND " ASSIGNMENT_COUNTS_SQL("status");

/*
 * The ids of the first shift starting at or after ?1 and of the last
 * starting before ?1: how many shifts lie between, in a plan made in
 * order (one seek each into shifts_start).
 */
static const char store_audit_first_sql[] =
    "SELECT id FROM shifts WHERE start_at >= ?1 ORDER BY start_at LIMIT 1";
static const char store_audit_last_sql[] =
    "SELECT id FROM shifts WHERE start_at < ?1"
    "  ORDER BY start_at DESC LIMIT 1";

/*
 * Whether a shift starting in [?1, ?2) has an id outside [?3, ?4]: none
 * when the ids at the window's ends bound every shift in it, as in a
 * plan made in order (a pass over the window's index entries, about 600
 * instructions each, none of them handed out).
 */
static const char store_audit_outside_sql[] =
    "SELECT id FROM shifts WHERE start_at >= ?1 AND start_at < ?2"
    "  AND id NOT BETWEEN ?3 AND ?4 LIMIT 1";

/*
 * Below this many of the window's shifts per volunteer, the pass above
 * costs less than a join per volunteer through all of their shifts.
 */
#define STORE_AUDIT_BOUND_PER 200

/*
 * The join per volunteer costs about as much as reading this many of the
 * window's shifts (a volunteer of the large bench plan has 20 shifts, a
 * seek of some 6,000 instructions and half a page read each; a row of the
 * window costs 1,500 instructions, 180 fit on a page): past it, the join.
 */
#define STORE_AUDIT_WINDOW_PER 100

static const char store_audit_cancelled_sql[] =
    "SELECT id FROM events WHERE status = 'cancelled'";

/*
 * What the rules need of volunteer ?1, read once per volunteer asked:
 * whether their monthly limit counts (as the list below) and whether
 * they have unavailable periods at all.
 */
static const char store_audit_who_sql[] =
    "SELECT name, skills, languages, max_per_month, active != 0,"
    "  EXISTS (SELECT 1 FROM unavailable u WHERE u.volunteer_id = ?1)"
    "  FROM volunteers WHERE id = ?1";

/* The volunteers whose every shift counts towards a monthly limit. */
static const char store_audit_limited_sql[] =
    "SELECT id FROM volunteers WHERE max_per_month > 0 AND active != 0";

/*
 * What plan needs of an assignment: its columns, then (after the FROM
 * naming s and a) the joins that give them.
 */
#define STORE_AUDIT_DETAIL_COLS \
    "SELECT a.volunteer_id, s.start_at, s.id, a.status, a.forced," \
    "  s.role, s.language, e.title, e.languages, v.name, v.skills," \
    "  v.languages, v.max_per_month, u.id, u.start_at, u.end_at," \
    "  u.reason, EXISTS (SELECT 1 FROM unavailable u3" \
    "    WHERE u3.volunteer_id = a.volunteer_id)"
#define STORE_AUDIT_OFF_JOIN \
    "  LEFT JOIN unavailable u ON u.id = (SELECT u2.id FROM unavailable u2" \
    "    WHERE u2.volunteer_id = a.volunteer_id" \
    "    AND u2.start_at < s.end_at AND u2.end_at > s.start_at" \
    "    ORDER BY u2.start_at LIMIT 1)"
#define STORE_AUDIT_DETAIL_JOINS \
    "  JOIN events e ON e.id = s.event_id" \
    "  JOIN volunteers v ON v.id = a.volunteer_id" \
    STORE_AUDIT_OFF_JOIN

/* Where a detailed row's columns are (status first, then as above). */
struct store_audit_cols {
	int	 status;	/* then forced, role, language, title and
				   the event's languages */
	int	 off;		/* the unavailable period: id, start, end,
				   reason */
};

/* The same assignments in [?1, ?2) with what plan needs, in walk order. */
static const char store_audit_detail_sql[] =
    STORE_AUDIT_DETAIL_COLS
    "  FROM shifts s JOIN assignments a ON a.shift_id = s.id"
    STORE_AUDIT_DETAIL_JOINS
    "  WHERE s.start_at >= ?1 AND s.start_at < ?2"
    "  AND " ASSIGNMENT_COUNTS_SQL("a.status")
    "  AND " EVENT_LIVE_SQL("e.status")
    "  ORDER BY a.volunteer_id, s.start_at, s.id";
static const struct store_audit_cols store_audit_detail_cols = { 3, 13 };

/*
 * The same for one assignment, shift ?1 and volunteer ?2, found by the
 * narrow stream: a flagged volunteer has a shift or two in a week, and
 * reading those alone spares a second walk through every shift of theirs
 * (about 20 seeks into shifts_span each) and a sort. The volunteer's
 * columns come once (store_audit_who_sql); the unavailable period only
 * for those who have any.
 */
#define STORE_AUDIT_ONE_SQL(off, join) \
    "SELECT a.status, a.forced, s.role, s.language, e.title, e.languages," \
    off "  FROM assignments a JOIN shifts s ON s.id = a.shift_id" \
    "  JOIN events e ON e.id = s.event_id" join \
    "  WHERE a.shift_id = ?1 AND a.volunteer_id = ?2" \
    "  AND " ASSIGNMENT_COUNTS_SQL("a.status") " AND e.status != 'cancelled'"
static const char store_audit_detail_one_sql[] =
    STORE_AUDIT_ONE_SQL(" NULL, NULL, NULL, NULL", "");
static const char store_audit_detail_one_off_sql[] =
    STORE_AUDIT_ONE_SQL(" u.id, u.start_at, u.end_at, u.reason",
    STORE_AUDIT_OFF_JOIN);
static const struct store_audit_cols store_audit_one_cols = { 0, 6 };

/* The role of an earlier shift named in a conflict. */
static const char store_audit_role_sql[] =
    "SELECT role FROM shifts WHERE id = ?1";

/* A shift of the window, narrow. */
struct store_audit_shift {
	int64_t	 id;
	int64_t	 start;
	int64_t	 end;
	int64_t	 event;
};

static int
store_audit_shift_cmp(const void *pa, const void *pb)
{
	const struct store_audit_shift *a = pa, *b = pb;

	return (a->id > b->id) - (a->id < b->id);
}

/* One counting assignment, and what the walk finds before it. */
struct store_audit_slot {
	int64_t	 vid;
	int64_t	 start;
	int64_t	 sid;
	int64_t	 end;
	int64_t	 prev;		/* index of the previous shift, -1: none */
	int64_t	 longest;	/* index of the earlier one ending last */
};

static int
store_audit_slot_cmp(const void *pa, const void *pb)
{
	const struct store_audit_slot *a = pa, *b = pb;

	if (a->vid != b->vid)
		return a->vid < b->vid ? -1 : 1;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	return (a->sid > b->sid) - (a->sid < b->sid);
}

static const char *
store_audit_text(sqlite3_stmt *stmt, int i)
{
	const char *s = (const char *)sqlite3_column_text(stmt, i);

	return s != NULL ? s : "";
}

/* A new slot at the end of *v (n used, cap allocated). */
static struct store_audit_slot *
store_audit_slot_push(struct store_audit_slot **v, size_t *n, size_t *cap)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 4096;
		*v = xreallocarray(*v, *cap, sizeof **v);
	}
	return &(*v)[(*n)++];
}

/*
 * The window's shifts by id: v[id - first] when direct (a plan made in
 * order numbers a window's shifts nearly without gaps; id 0 there: no
 * such shift), else sorted by id for a binary search.
 */
struct store_audit_window {
	struct store_audit_shift	*v;
	size_t				 len;
	int64_t				 first;
	int64_t				 last;
	bool				 direct;
};

/*
 * How to find the shifts of nvids volunteers starting in [lookback, to):
 * 0 to read them all once (store_audit_window_read, which gives up past
 * twice their share), 1 to join per volunteer among the shift ids [*lo,
 * *hi]; -1 with err. The ids of the window's first and last shifts guess
 * how many lie between (a plan made in order numbers them in order);
 * when every shift of the window lies between them (give or take a
 * margin), each volunteer's join reads only their entries there.
 */
static int
store_audit_window_plan(struct store *st, int64_t lookback, int64_t to,
    size_t nvids, int64_t *lo, int64_t *hi, struct err *err)
{
	int64_t first = 0, last = -1, outside = 0, margin;
	uint64_t span;
	int rc;

	*lo = INT64_MIN;
	*hi = INT64_MAX;
	if (store_int(st, err, &first, store_audit_first_sql, "i",
	    lookback) < 0 || store_int(st, err, &last, store_audit_last_sql,
	    "i", to) < 0)
		return -1;
	if (last < first)
		return 0;	/* none, or not in order */
	span = (uint64_t)(last - first);
	if (span >= (uint64_t)nvids * STORE_AUDIT_BOUND_PER)
		return 1;
	/* A day's shifts made in another order than by start: a margin. */
	margin = (int64_t)(span / 16) + 64;
	first = first > margin ? first - margin : 0;
	last = last < INT64_MAX - margin ? last + margin : INT64_MAX;
	if ((rc = store_int(st, err, &outside, store_audit_outside_sql,
	    "iiii", lookback, to, first, last)) < 0)
		return -1;
	if (rc == 0) {
		*lo = first;
		*hi = last;
		return 1;
	}
	return span >= (uint64_t)nvids * STORE_AUDIT_WINDOW_PER;
}

/*
 * Read the shifts starting in [lookback, to) into *w: 0, or 1 when there
 * are more than max (w empty: the join per volunteer reads less), or -1
 * with err.
 */
static int
store_audit_window_read(struct store *st, int64_t lookback, int64_t to,
    size_t max, struct store_audit_window *w, struct err *err)
{
	sqlite3_stmt *stmt = store_stmt(st, store_audit_window_sql, err);
	struct store_audit_shift *v = NULL, *s, *direct;
	size_t n = 0, cap = 0, i;
	bool sorted = true;
	int rc;

	memset(w, 0, sizeof *w);
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, lookback);
	sqlite3_bind_int64(stmt, 2, to);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (n == max) {
			sqlite3_reset(stmt);
			free(v);
			return 1;
		}
		if (n == cap) {
			cap = cap ? cap * 2 : 4096;
			v = xreallocarray(v, cap, sizeof *v);
		}
		s = &v[n++];
		s->id = sqlite3_column_int64(stmt, 0);
		s->start = sqlite3_column_int64(stmt, 1);
		s->end = sqlite3_column_int64(stmt, 2);
		s->event = sqlite3_column_int64(stmt, 3);
		if (n == 1 || s->id < w->first)
			w->first = s->id;
		if (n == 1 || s->id > w->last)
			w->last = s->id;
		if (n > 1 && s[-1].id > s->id)
			sorted = false;
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		free(v);
		return store_fail(st, rc, err);
	}
	w->v = v;
	w->len = n;
	if (n == 0 || sorted)
		return 0;
	/* Few gaps among the ids: a slot per id, else sorted. */
	if ((uint64_t)(w->last - w->first) < 2 * (uint64_t)n) {
		direct = xcalloc((size_t)(w->last - w->first) + 1,
		    sizeof *direct);
		for (i = 0; i < n; i++)
			direct[v[i].id - w->first] = v[i];
		free(v);
		w->v = direct;
		w->len = (size_t)(w->last - w->first) + 1;
		w->direct = true;
	} else
		xsort(v, n, sizeof *v, store_audit_shift_cmp);
	return 0;
}

/* The window's shift id, or NULL. */
static const struct store_audit_shift *
store_audit_window_find(const struct store_audit_window *w, int64_t id)
{
	struct store_audit_shift key;

	if (w->len == 0 || id < w->first || id > w->last)
		return NULL;
	if (w->direct)
		return w->v[id - w->first].id == id ? &w->v[id - w->first] :
		    NULL;
	key.id = id;
	return xbsearch(&key, w->v, w->len, sizeof *w->v,
	    store_audit_shift_cmp);
}

/*
 * The narrow rows of the volunteers in vids among the window's shifts w:
 * each volunteer's entries in assignments_volunteer, looked up in w.
 */
static int
store_audit_narrow_window(struct store *st, const int64_t *vids,
    size_t nvids, const struct store_audit_window *w,
    const int64_t *cancelled, size_t ncancelled,
    struct store_audit_slot **v, size_t *n, size_t *cap, struct err *err)
{
	sqlite3_stmt *stmt;
	const struct store_audit_shift *sh;
	struct store_audit_slot *s;
	size_t k;
	int rc = SQLITE_DONE;

	if (w->len == 0)
		return 0;
	if ((stmt = store_stmt(st, store_audit_mine_sql, err)) == NULL)
		return -1;
	for (k = 0; rc == SQLITE_DONE && k < nvids; k++) {
		sqlite3_bind_int64(stmt, 1, vids[k]);
		sqlite3_bind_int64(stmt, 2, w->first);
		sqlite3_bind_int64(stmt, 3, w->last);
		while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
			sh = store_audit_window_find(w,
			    sqlite3_column_int64(stmt, 0));
			if (sh == NULL || (ncancelled > 0 && xbsearch(&sh->event,
			    cancelled, ncancelled, sizeof *cancelled,
			    store_id_cmp) != NULL))
				continue;
			s = store_audit_slot_push(v, n, cap);
			s->vid = vids[k];
			s->start = sh->start;
			s->sid = sh->id;
			s->end = sh->end;
		}
		sqlite3_reset(stmt);
	}
	return rc == SQLITE_DONE ? 0 : store_fail(st, rc, err);
}

/* Read the narrow stream into *out (sorted, walked), or -1 with err. */
static int
store_audit_narrow(struct store *st, int64_t lookback, int64_t to,
    const int64_t *vids, size_t nvids, struct store_audit_slot **out,
    size_t *len, struct err *err)
{
	sqlite3_stmt *stmt = store_stmt(st, vids != NULL ?
	    store_audit_narrow_one_sql : store_audit_narrow_sql, err);
	struct store_audit_slot *v = NULL, *s;
	struct store_audit_window w = { 0 };
	size_t n = 0, cap = 0, i, first = 0, k, ncancelled = 0;
	int64_t *cancelled = NULL, eid;
	sqlite3_stmt *cs;
	int64_t lo = INT64_MIN, hi = INT64_MAX;
	int rc = SQLITE_DONE, wrc = 1;

	*out = NULL;
	*len = 0;
	if (stmt == NULL)
		return -1;
	if (vids != NULL && ((cs = store_stmt(st, store_audit_cancelled_sql,
	    err)) == NULL || store_ids(st, cs, &cancelled, &ncancelled,
	    err) < 0))
		return -1;
	/*
	 * Some volunteers in a bounded range: each one's join among the ids
	 * that bound the window's shifts, or the window's shifts once and
	 * each volunteer's entries among them, unless the window is long.
	 */
	if (vids != NULL && lookback != INT64_MIN)
		wrc = store_audit_window_plan(st, lookback, to, nvids, &lo, &hi,
		    err);
	if (wrc == 0)
		wrc = store_audit_window_read(st, lookback, to,
		    2 * nvids * STORE_AUDIT_WINDOW_PER, &w, err);
	if (wrc == 0)
		wrc = store_audit_narrow_window(st, vids, nvids, &w,
		    cancelled, ncancelled, &v, &n, &cap, err);
	free(w.v);
	if (wrc < 0) {
		free(cancelled);
		free(v);
		return -1;
	}
	/* The whole plan in one statement, or one per volunteer asked. */
	for (k = 0; wrc == 1 && rc == SQLITE_DONE &&
	    k < (vids != NULL ? nvids : 1); k++) {
		sqlite3_bind_int64(stmt, 1, lookback);
		sqlite3_bind_int64(stmt, 2, to);
		if (vids != NULL) {
			sqlite3_bind_int64(stmt, 3, vids[k]);
			sqlite3_bind_int64(stmt, 4, lo);
			sqlite3_bind_int64(stmt, 5, hi);
		}
		while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
			eid = vids != NULL ? sqlite3_column_int64(stmt, 4) : 0;
			if (ncancelled > 0 && xbsearch(&eid, cancelled,
			    ncancelled, sizeof *cancelled, store_id_cmp) != NULL)
				continue;
			s = store_audit_slot_push(&v, &n, &cap);
			s->vid = sqlite3_column_int64(stmt, 0);
			s->start = sqlite3_column_int64(stmt, 1);
			s->sid = sqlite3_column_int64(stmt, 2);
			s->end = sqlite3_column_int64(stmt, 3);
		}
		sqlite3_reset(stmt);
	}
	free(cancelled);
	if (rc != SQLITE_DONE) {
		free(v);
		return store_fail(st, rc, err);
	}
	if (n > 0)
		xsort(v, n, sizeof *v, store_audit_slot_cmp);
	/*
	 * The walk: per volunteer, the previous shift and the first of the
	 * earlier ones with the latest end (the earliest start among them).
	 */
	for (i = 0; i < n; i++) {
		if (i == 0 || v[i].vid != v[i - 1].vid)
			first = i;
		if (i == first) {
			v[i].prev = v[i].longest = -1;
			continue;
		}
		v[i].prev = (int64_t)i - 1;
		v[i].longest = v[i - 1].longest;
		if (v[i].longest < 0 || v[i - 1].end > v[v[i].longest].end)
			v[i].longest = (int64_t)i - 1;
	}
	*out = v;
	*len = n;
	return 0;
}

/* The earlier shift at index k as a booking of r's volunteer. */
static void
store_audit_previous(const struct store_audit_slot *v, int64_t k,
    struct store_audit_row *r, sqlite3_stmt *role)
{
	r->previous.shift_id = v[k].sid;
	r->previous.volunteer_id = v[k].vid;
	r->previous.start = v[k].start;
	r->previous.end = v[k].end;
	r->previous.status = ASSIGNMENT_ACCEPTED;
	r->previous.role = (char *)"";
	sqlite3_reset(role);
	sqlite3_bind_int64(role, 1, v[k].sid);
	if (sqlite3_step(role) == SQLITE_ROW)
		r->previous.role = (char *)store_audit_text(role, 0);
}

/* What the rules need of the volunteer of a row. */
struct store_audit_who {
	const char	*name;
	const char	*skills;
	const char	*languages;
	int		 max_per_month;
	bool		 limited;	/* a monthly limit that counts */
	bool		 off;		/* some unavailable period */
};

/* The volunteers with a monthly limit that counts, sorted. */
static int
store_audit_limited(struct store *st, int64_t **out, size_t *len,
    struct err *err)
{
	sqlite3_stmt *stmt = store_stmt(st, store_audit_limited_sql, err);

	*out = NULL;
	*len = 0;
	return stmt != NULL ? store_ids(st, stmt, out, len, err) : -1;
}

/* Volunteer vid's columns into *who: the SQLite result code. */
static int
store_audit_who_read(sqlite3_stmt *stmt, int64_t vid,
    struct store_audit_who *who)
{
	int rc;

	sqlite3_reset(stmt);
	sqlite3_bind_int64(stmt, 1, vid);
	if ((rc = sqlite3_step(stmt)) != SQLITE_ROW)
		return rc == SQLITE_DONE ? SQLITE_CORRUPT : rc;
	who->name = store_audit_text(stmt, 0);
	who->skills = store_audit_text(stmt, 1);
	who->languages = store_audit_text(stmt, 2);
	who->max_per_month = sqlite3_column_int(stmt, 3);
	who->limited = who->max_per_month > 0 &&
	    sqlite3_column_int(stmt, 4) != 0;
	who->off = sqlite3_column_int(stmt, 5) != 0;
	return SQLITE_ROW;
}

/*
 * The first of only's entries (sorted by volunteer, then shift) at or
 * after volunteer vid, from *k on; whether vid has any.
 */
static bool
store_audit_only_seek(const struct store_conflict_flag *only, size_t nonly,
    size_t *k, int64_t vid)
{
	while (*k < nonly && only[*k].volunteer_id < vid)
		(*k)++;
	return *k < nonly && only[*k].volunteer_id == vid;
}

/* Whether vid's entries in only, from k on, name shift sid. */
static bool
store_audit_only_has(const struct store_conflict_flag *only, size_t nonly,
    size_t k, int64_t vid, int64_t sid)
{
	for (; k < nonly && only[k].volunteer_id == vid; k++)
		if (only[k].shift_id == sid)
			return true;
	return false;
}

/*
 * The scan of the whole plan (vids NULL) or of the volunteers in vids,
 * those with entries in only judged on them alone (ops_conflicts).
 */
static int
store_audit_run(struct store *st, int64_t from, int64_t to,
    int rest_minutes, const int64_t *vids, size_t nvids,
    const struct store_conflict_flag *only, size_t nonly, store_audit_fn *fn,
    void *arg, struct err *err)
{
	const struct store_audit_cols *col = vids != NULL ?
	    &store_audit_one_cols : &store_audit_detail_cols;
	struct store_audit_slot *v = NULL, *s;
	struct store_audit_row r;
	struct store_audit_who who = { 0 };
	sqlite3_stmt *detail = NULL, *role, *one = NULL, *one_off = NULL;
	sqlite3_stmt *ws = NULL;
	int64_t *limited = NULL, lookback, rest, max_end, k, who_id = 0;
	size_t n, nlimited = 0, i, ok = 0;
	bool lim = false, near, maybe, keep, special, flagged = false;
	int status, rc = SQLITE_DONE, cb = 0, c;

	rest = (int64_t)rest_minutes * 60;
	/* Back to the month before from: monthly limits count it all. */
	lookback = from != 0 ? from - 31 * INT64_C(86400) -
	    STORE_AUDIT_LOOKBACK : INT64_MIN;
	if (from == 0)
		from = INT64_MIN;
	if (to == 0)
		to = INT64_MAX;
	if ((role = store_stmt(st, store_audit_role_sql, err)) == NULL)
		return -1;
	if (vids == NULL ? (detail = store_stmt(st, store_audit_detail_sql,
	    err)) == NULL || store_audit_limited(st, &limited, &nlimited,
	    err) < 0 : (one = store_stmt(st, store_audit_detail_one_sql,
	    err)) == NULL || (one_off = store_stmt(st,
	    store_audit_detail_one_off_sql, err)) == NULL ||
	    (ws = store_stmt(st, store_audit_who_sql, err)) == NULL)
		return -1;
	if (store_audit_narrow(st, lookback, to, vids, nvids, &v, &n,
	    err) < 0) {
		free(limited);
		return -1;
	}
	if (vids == NULL) {
		sqlite3_bind_int64(detail, 1, from);
		sqlite3_bind_int64(detail, 2, to);
	}
	for (i = 0; cb == 0 && i < n; i++) {
		s = &v[i];
		if (vids == NULL)
			lim = nlimited > 0 && xbsearch(&s->vid, limited,
			    nlimited, sizeof *limited, store_id_cmp) != NULL;
		else if (s->vid != who_id) {
			/* A new volunteer: their columns, once. */
			who_id = s->vid;
			if ((rc = store_audit_who_read(ws, s->vid, &who)) !=
			    SQLITE_ROW)
				break;
			rc = SQLITE_DONE;
			lim = who.limited;
			/*
			 * Judged on their flags alone, unless a limit counts
			 * only the rows given (an inactive volunteer's).
			 */
			flagged = store_audit_only_seek(only, nonly, &ok,
			    s->vid) && (lim || who.max_per_month == 0);
		}
		memset(&r, 0, sizeof r);
		r.shift.id = r.assignment.shift_id = s->sid;
		r.volunteer.id = r.assignment.volunteer_id = s->vid;
		r.shift.start = r.assignment.start = s->start;
		r.shift.end = r.assignment.end = s->end;
		r.volunteer.active = true;
		/*
		 * Before the range, or not flagged: only to count the month.
		 * A flagged volunteer's other shifts are in conflict with
		 * nothing since they were judged (ops_conflict_settle).
		 */
		if (s->start < from || (flagged && !store_audit_only_has(only,
		    nonly, ok, s->vid, s->sid))) {
			if (lim)
				cb = fn(&r, arg);
			continue;
		}
		/*
		 * In the range: the detailed stream has the same row next,
		 * or (some volunteers) the row of this assignment alone.
		 */
		if (vids != NULL) {
			detail = who.off ? one_off : one;
			sqlite3_reset(detail);
			sqlite3_bind_int64(detail, 1, s->sid);
			sqlite3_bind_int64(detail, 2, s->vid);
		}
		if ((rc = sqlite3_step(detail)) != SQLITE_ROW)
			break;
		if (vids == NULL && (sqlite3_column_int64(detail, 0) != s->vid ||
		    sqlite3_column_int64(detail, 2) != s->sid)) {
			rc = SQLITE_CORRUPT;
			break;
		}
		rc = SQLITE_DONE;
		if (vids == NULL) {
			who.name = store_audit_text(detail, 9);
			who.skills = store_audit_text(detail, 10);
			who.languages = store_audit_text(detail, 11);
			who.max_per_month = sqlite3_column_int(detail, 12);
			who.off = sqlite3_column_int(detail, 17) != 0;
		}
		c = col->status;
		max_end = s->longest >= 0 ? v[s->longest].end : INT64_MIN;
		near = s->longest >= 0 && max_end > s->start - rest;
		r.shift.role = (char *)store_audit_text(detail, c + 2);
		r.shift.language = (char *)store_audit_text(detail, c + 3);
		r.shift.event_title = (char *)store_audit_text(detail, c + 4);
		r.event_languages = store_audit_text(detail, c + 5);
		r.volunteer.name = (char *)who.name;
		r.volunteer.skills = (char *)who.skills;
		r.volunteer.languages = (char *)who.languages;
		r.volunteer.max_per_month = who.max_per_month;
		/* Could break a rule, and does break one plan may judge. */
		special = !shift_role_is_general(r.shift.role);
		maybe = lim || near || who.off || *r.event_languages != '\0' ||
		    *r.shift.language != '\0' || special;
		/* The skill rule is the model's, as assign's: never a copy. */
		keep = maybe && (r.volunteer.max_per_month > 0 || near ||
		    sqlite3_column_type(detail, col->off) != SQLITE_NULL ||
		    *r.shift.language != '\0' || *r.event_languages != '\0' ||
		    (special && !volunteer_has_skill(r.volunteer.skills,
		    r.shift.role)));
		if (!keep)
			continue;
		status = assignment_status_parse(store_audit_text(detail, c));
		r.assignment.status = status < 0 ? ASSIGNMENT_PLANNED :
		    (enum assignment_status)status;
		r.assignment.forced = sqlite3_column_int(detail, c + 1) != 0;
		r.assignment.role = r.shift.role;
		r.assignment.event_title = r.shift.event_title;
		r.assignment.volunteer = r.volunteer.name;
		if (sqlite3_column_type(detail, col->off) != SQLITE_NULL) {
			r.off.id = sqlite3_column_int64(detail, col->off);
			r.off.volunteer_id = r.volunteer.id;
			r.off.start = sqlite3_column_int64(detail, col->off + 1);
			r.off.end = sqlite3_column_int64(detail, col->off + 2);
			r.off.reason = (char *)store_audit_text(detail,
			    col->off + 3);
		}
		r.in_range = true;
		/*
		 * The previous shift, or the earlier one ending last when a
		 * long shift spans short ones: only near enough to matter.
		 */
		if (near) {
			k = v[s->prev].end == max_end ? s->prev : s->longest;
			store_audit_previous(v, k, &r, role);
		}
		cb = fn(&r, arg);
	}
	if (vids == NULL)
		sqlite3_reset(detail);
	else {
		sqlite3_reset(one);
		sqlite3_reset(one_off);
		sqlite3_reset(ws);
	}
	sqlite3_reset(role);
	free(v);
	free(limited);
	if (cb != 0)
		return cb;
	return rc == SQLITE_DONE ? 0 : store_fail(st, rc, err);
}

int
store_audit_scan(struct store *st, int64_t from, int64_t to,
    int rest_minutes, store_audit_fn *fn, void *arg, struct err *err)
{
	return store_audit_run(st, from, to, rest_minutes, NULL, 0, NULL, 0,
	    fn, arg, err);
}

int
store_audit_scan_some(struct store *st, int64_t from, int64_t to,
    int rest_minutes, const int64_t *vids, size_t nvids,
    const struct store_conflict_flag *only, size_t nonly, store_audit_fn *fn,
    void *arg, struct err *err)
{
	if (nvids == 0)
		return 0;
	return store_audit_run(st, from, to, rest_minutes, vids, nvids, only,
	    nonly, fn, arg, err);
}
