/* SPDX-License-Identifier: ISC */
/*
 * What suggestions need about the volunteers weighed for a shift: the
 * assignments near it (found through the shifts' start index, folded per
 * volunteer in a hash table here), the unavailable periods over it, the
 * volunteers in name order, and per volunteer weighed the shifts in the
 * 30 days before and, with a limit, in the month: one small query each
 * for the first ones (a caller after the best few stops early), one scan
 * for all once many are weighed. Text is copied into one arena.
 */
#include "rooster/store.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

/* A shift longer than this is not looked back for (a week). */
#define STORE_SUGGEST_LOOKBACK (7 * INT64_C(86400))

/* Assignments that count, of shifts starting in [?1, ?2), except ?3. */
static const char store_suggest_near_sql[] =
    "SELECT a.volunteer_id, s.id, s.start_at, s.end_at"
    "  FROM shifts s JOIN assignments a ON a.shift_id = s.id"
    "  WHERE s.start_at >= ?1 AND s.start_at < ?2 AND s.id != ?3"
    "  AND a.status != 'declined' AND s.event_id NOT IN"
    "    (SELECT id FROM events WHERE status = 'cancelled')";

/* The role of a shift near the one to fill (few: read one by one). */
static const char store_suggest_role_sql[] =
    "SELECT role FROM shifts WHERE id = ?1";

/*
 * The month's shifts of one volunteer with a limit, through their own
 * index: asked only for the volunteers actually weighed.
 */
static const char store_suggest_month_sql[] =
    "SELECT count(*) FROM assignments a JOIN shifts s ON s.id = a.shift_id"
    "  WHERE a.volunteer_id = ?1 AND s.start_at >= ?2 AND s.start_at < ?3"
    "  AND s.id != ?4 AND a.status != 'declined' AND NOT EXISTS"
    "    (SELECT 1 FROM events e WHERE e.id = s.event_id"
    "    AND e.status = 'cancelled')";

/*
 * The same for every volunteer with a limit at once, when many are,
 * driven by the month's shifts: the unary + keeps SQLite from walking
 * every limited volunteer's assignments instead (no statistics tell it
 * that those can be half the volunteers).
 */
static const char store_suggest_months_sql[] =
    "SELECT a.volunteer_id, count(*) FROM shifts s"
    "  JOIN assignments a ON a.shift_id = s.id"
    "  WHERE s.start_at >= ?1 AND s.start_at < ?2 AND s.id != ?3"
    "  AND a.status != 'declined' AND +a.volunteer_id IN (SELECT id"
    "    FROM volunteers WHERE max_per_month > 0 AND active != 0)"
    "  AND s.event_id NOT IN"
    "    (SELECT id FROM events WHERE status = 'cancelled')"
    "  GROUP BY a.volunteer_id";

/*
 * Past this many volunteers with a limit, count all months in one scan;
 * past this many weighed, all recent counts. A query of one volunteer's
 * costs about 1/3,000 of the months scan of the large bench plan and
 * 1/1,400 of the recents scan; a caller after the best few weighs a few
 * hundred at most.
 */
#define STORE_SUGGEST_MONTH_QUERIES 2048
#define STORE_SUGGEST_RECENT_QUERIES 1024

/* "Recent": the 30 days before the shift. */
#define STORE_SUGGEST_RECENT (30 * INT64_C(86400))

static const char store_suggest_maxid_sql[] =
    "SELECT coalesce(max(id), 0) FROM volunteers";

static const char store_suggest_off_sql[] =
    "SELECT id, volunteer_id, start_at, end_at, reason FROM unavailable"
    "  WHERE start_at < ?2 AND end_at > ?1 ORDER BY start_at";

/* By name, through its index, so a caller can stop early. */
static const char store_suggest_volunteers_sql[] =
    "SELECT id, name, skills, languages, max_per_month FROM volunteers"
    "  WHERE active != 0 AND id NOT IN"
    "  (SELECT volunteer_id FROM assignments WHERE shift_id = ?1)"
    "  ORDER BY name COLLATE NOCASE, id";

/* A shift near the one to fill, compactly. */
struct store_suggest_near {
	int64_t	 shift_id;	/* 0: none */
	int64_t	 start;
	int64_t	 end;
	size_t	 role_at;	/* arena offset */
};

/* Facts about one volunteer with assignments near the shift. */
struct store_suggest_fact {
	int64_t			 vid;		/* 0: empty slot */
	struct store_suggest_near near[2];	/* overlap, within rest */
	int64_t			 off_id;	/* unavailable period, or 0 */
	int64_t			 off_start;
	int64_t			 off_end;
	size_t			 reason_at;
	int			 recent;	/* after the recents scan */
	int			 month;		/* after the months scan */
};

/*
 * Volunteer id -> fact. Ids are rowids, dense as a rule: then a plain
 * array indexed by id (direct), read in id order by the volunteers scan;
 * else open addressing over slots. Both hold fact index + 1, 0: none.
 */
struct store_suggest_map {
	uint32_t			*direct;	/* ndirect + 1 entries */
	int64_t				 ndirect;	/* largest id */
	uint32_t			*slots;
	size_t				 cap;		/* a power of two */
	struct store_suggest_fact	*facts;
	size_t				 len;
	size_t				 capfacts;
};

/* Ids up to this use the direct array (64 MiB of index at most). */
#define STORE_SUGGEST_DIRECT_MAX (16 * 1024 * 1024)

static size_t
store_suggest_hash(int64_t vid, size_t cap)
{
	uint64_t h = (uint64_t)vid * UINT64_C(0x9e3779b97f4a7c15);

	return (size_t)(h >> 32) & (cap - 1);
}

static void
store_suggest_grow(struct store_suggest_map *m)
{
	size_t i, j;

	free(m->slots);
	m->cap = m->cap ? m->cap * 2 : 4096;
	m->slots = xcalloc(m->cap, sizeof *m->slots);
	for (i = 0; i < m->len; i++) {
		if (m->direct != NULL && m->facts[i].vid >= 1 &&
		    m->facts[i].vid <= m->ndirect)
			continue;
		for (j = store_suggest_hash(m->facts[i].vid, m->cap);
		    m->slots[j] != 0; j = (j + 1) & (m->cap - 1))
			;
		m->slots[j] = (uint32_t)i + 1;
	}
}

/* A new fact for vid, its index + 1. */
static uint32_t
store_suggest_new(struct store_suggest_map *m, int64_t vid)
{
	struct store_suggest_fact *f;

	if (m->len == m->capfacts) {
		m->capfacts = m->capfacts ? m->capfacts * 2 : 2048;
		m->facts = xreallocarray(m->facts, m->capfacts,
		    sizeof *m->facts);
	}
	f = &m->facts[m->len++];
	memset(f, 0, sizeof *f);
	f->vid = vid;
	return (uint32_t)m->len;
}

static struct store_suggest_fact *
store_suggest_find(struct store_suggest_map *m, int64_t vid, bool add)
{
	struct store_suggest_fact *f;
	size_t i;

	if (m->direct != NULL && vid >= 1 && vid <= m->ndirect) {
		if (m->direct[vid] == 0 && add)
			m->direct[vid] = store_suggest_new(m, vid);
		return m->direct[vid] != 0 ? &m->facts[m->direct[vid] - 1] :
		    NULL;
	}
	if (add && (m->len + 1) * 2 > m->cap)
		store_suggest_grow(m);
	if (m->cap == 0)
		return NULL;
	for (i = store_suggest_hash(vid, m->cap); m->slots[i] != 0;
	    i = (i + 1) & (m->cap - 1))
		if (m->facts[m->slots[i] - 1].vid == vid)
			return &m->facts[m->slots[i] - 1];
	if (!add)
		return NULL;
	if (m->len == m->capfacts) {
		m->capfacts = m->capfacts ? m->capfacts * 2 : 2048;
		m->facts = xreallocarray(m->facts, m->capfacts,
		    sizeof *m->facts);
	}
	f = &m->facts[m->len++];
	memset(f, 0, sizeof *f);
	f->vid = vid;
	m->slots[i] = (uint32_t)m->len;
	return f;
}

static void
store_suggest_map_free(struct store_suggest_map *m)
{
	free(m->direct);
	free(m->slots);
	free(m->facts);
}

static const char *
store_suggest_text(sqlite3_stmt *stmt, int i)
{
	const char *s = (const char *)sqlite3_column_text(stmt, i);

	return s != NULL ? s : "";
}

/* Append column i's text and its NUL to the arena; its offset. */
static size_t
store_suggest_keep(struct strbuf *arena, sqlite3_stmt *stmt, int i)
{
	size_t at = arena->len;
	const char *s = (const char *)sqlite3_column_text(stmt, i);
	int n = sqlite3_column_bytes(stmt, i);

	strbuf_add(arena, s != NULL ? s : "", s != NULL ? (size_t)n : 0);
	strbuf_addc(arena, '\0');
	return at;
}

/* Fold the assignments near the shift (overlapping, within the rest). */
static int
store_suggest_scan_near(struct store *st, const struct shift *sh,
    int64_t rest, struct store_suggest_map *m, struct strbuf *arena,
    struct err *err)
{
	sqlite3_stmt *stmt = store_stmt(st, store_suggest_near_sql, err), *role;
	struct store_suggest_fact *f;
	struct store_suggest_near *a;
	int64_t s, e;
	int rc, k;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, sh->start - rest - STORE_SUGGEST_LOOKBACK);
	sqlite3_bind_int64(stmt, 2, sh->end + rest);
	sqlite3_bind_int64(stmt, 3, sh->id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		s = sqlite3_column_int64(stmt, 2);
		e = sqlite3_column_int64(stmt, 3);
		/* near[0]: an overlap; near[1]: within the rest. */
		if (s < sh->end && e > sh->start)
			k = 0;
		else if (s < sh->end + rest && e > sh->start - rest)
			k = 1;
		else
			continue;
		f = store_suggest_find(m, sqlite3_column_int64(stmt, 0), true);
		a = &f->near[k];
		if (a->shift_id != 0)
			continue;
		a->shift_id = sqlite3_column_int64(stmt, 1);
		a->start = s;
		a->end = e;
		if ((role = store_stmt(st, store_suggest_role_sql, err)) ==
		    NULL) {
			sqlite3_reset(stmt);
			return -1;
		}
		sqlite3_bind_int64(role, 1, a->shift_id);
		if (sqlite3_step(role) == SQLITE_ROW)
			a->role_at = store_suggest_keep(arena, role, 0);
		sqlite3_reset(role);
	}
	sqlite3_reset(stmt);
	return rc == SQLITE_DONE ? 0 : store_fail(st, rc, err);
}

static int
store_suggest_scan_off(struct store *st, const struct shift *sh,
    struct store_suggest_map *m, struct strbuf *arena, struct err *err)
{
	sqlite3_stmt *stmt = store_stmt(st, store_suggest_off_sql, err);
	struct store_suggest_fact *f;
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, sh->start);
	sqlite3_bind_int64(stmt, 2, sh->end);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		f = store_suggest_find(m, sqlite3_column_int64(stmt, 1), true);
		if (f->off_id != 0)
			continue;
		f->off_id = sqlite3_column_int64(stmt, 0);
		f->off_start = sqlite3_column_int64(stmt, 2);
		f->off_end = sqlite3_column_int64(stmt, 3);
		f->reason_at = store_suggest_keep(arena, stmt, 4);
	}
	sqlite3_reset(stmt);
	return rc == SQLITE_DONE ? 0 : store_fail(st, rc, err);
}

/* What the volunteers scan needs besides the row. */
struct store_suggest_ctx {
	struct store		*st;
	const struct shift	*sh;
	int64_t			 month_start;
	int64_t			 month_end;
	struct store_suggest_map *m;
	const char		*arena;
	store_suggest_fn	*fn;
	void			*arg;
	struct err		*err;
	int			 month_queries;	/* asked one by one so far */
	bool			 months_scanned; /* all in the map now */
	int			 recent_queries;
	bool			 recents_scanned;
};

/*
 * Count the 30 days before the shift of every volunteer into the map:
 * the assignments of the shifts starting then, in one pass.
 */
static int
store_suggest_recents(struct store_suggest_ctx *cx)
{
	sqlite3_stmt *stmt = store_stmt(cx->st, store_suggest_near_sql,
	    cx->err);
	struct store_suggest_fact *f;
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, cx->sh->start - STORE_SUGGEST_RECENT);
	sqlite3_bind_int64(stmt, 2, cx->sh->start);
	sqlite3_bind_int64(stmt, 3, cx->sh->id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		f = store_suggest_find(cx->m, sqlite3_column_int64(stmt, 0),
		    true);
		f->recent++;
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE)
		return store_fail(cx->st, rc, cx->err);
	cx->recents_scanned = true;
	return 0;
}

/* Shifts of vid starting in [from, to) except the one to fill, or -1. */
static int
store_suggest_count(struct store_suggest_ctx *cx, int64_t vid, int64_t from,
    int64_t to)
{
	sqlite3_stmt *stmt;
	int rc, n = 0;

	if ((stmt = store_stmt(cx->st, store_suggest_month_sql, cx->err)) ==
	    NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, vid);
	sqlite3_bind_int64(stmt, 2, from);
	sqlite3_bind_int64(stmt, 3, to);
	sqlite3_bind_int64(stmt, 4, cx->sh->id);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		n = sqlite3_column_int(stmt, 0);
	sqlite3_reset(stmt);
	return rc == SQLITE_ROW ? n : store_fail(cx->st, rc, cx->err);
}

/*
 * Shifts of vid in the 30 days before the shift, or -1 with err: one
 * query for the first volunteers weighed (a caller that wants the best
 * few stops early), then one scan for everyone.
 */
static int
store_suggest_recent(struct store_suggest_ctx *cx, int64_t vid)
{
	const struct store_suggest_fact *f;

	if (!cx->recents_scanned &&
	    ++cx->recent_queries > STORE_SUGGEST_RECENT_QUERIES &&
	    store_suggest_recents(cx) < 0)
		return -1;
	if (cx->recents_scanned) {
		f = store_suggest_find(cx->m, vid, false);
		return f != NULL ? f->recent : 0;
	}
	return store_suggest_count(cx, vid, cx->sh->start -
	    STORE_SUGGEST_RECENT, cx->sh->start);
}

/* Count the month of every volunteer with a limit into the map. */
static int
store_suggest_months(struct store_suggest_ctx *cx)
{
	sqlite3_stmt *stmt = store_stmt(cx->st, store_suggest_months_sql,
	    cx->err);
	struct store_suggest_fact *f;
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, cx->month_start);
	sqlite3_bind_int64(stmt, 2, cx->month_end);
	sqlite3_bind_int64(stmt, 3, cx->sh->id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		f = store_suggest_find(cx->m, sqlite3_column_int64(stmt, 0),
		    true);
		f->month = sqlite3_column_int(stmt, 1);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE)
		return store_fail(cx->st, rc, cx->err);
	cx->months_scanned = true;
	return 0;
}

/*
 * Shifts of vid in the shift's month, or -1 with err: one query for the
 * first few volunteers with a limit, then one scan for all of them.
 */
static int
store_suggest_month(struct store_suggest_ctx *cx, int64_t vid)
{
	const struct store_suggest_fact *f;

	if (!cx->months_scanned &&
	    ++cx->month_queries > STORE_SUGGEST_MONTH_QUERIES &&
	    store_suggest_months(cx) < 0)
		return -1;
	if (cx->months_scanned) {
		f = store_suggest_find(cx->m, vid, false);
		return f != NULL ? f->month : 0;
	}
	return store_suggest_count(cx, vid, cx->month_start, cx->month_end);
}

/* Call fn with the row of one volunteer: text borrowed from stmt. */
static int
store_suggest_row_call(sqlite3_stmt *stmt, struct store_suggest_ctx *cx)
{
	const struct store_suggest_fact *f;
	const char *arena = cx->arena;
	struct store_suggest_row r;
	struct assignment near[2];
	struct unavailable off;
	int64_t vid = sqlite3_column_int64(stmt, 0);
	int k;

	memset(&r, 0, sizeof r);
	r.volunteer.id = vid;
	r.volunteer.active = true;
	r.volunteer.name = (char *)store_suggest_text(stmt, 1);
	r.volunteer.skills = (char *)store_suggest_text(stmt, 2);
	r.volunteer.languages = (char *)store_suggest_text(stmt, 3);
	r.volunteer.email = r.volunteer.phone = r.volunteer.notes =
	    (char *)arena;
	r.volunteer.max_per_month = sqlite3_column_int(stmt, 4);
	if (r.volunteer.max_per_month > 0 &&
	    (r.month_count = store_suggest_month(cx, vid)) < 0)
		return -1;
	if ((r.recent = store_suggest_recent(cx, vid)) < 0)
		return -1;
	f = store_suggest_find(cx->m, vid, false);
	if (f != NULL) {
		r.near = near;
		for (k = 0; k < 2; k++) {
			if (f->near[k].shift_id == 0)
				continue;
			memset(&near[r.nnear], 0, sizeof near[r.nnear]);
			near[r.nnear].shift_id = f->near[k].shift_id;
			near[r.nnear].volunteer_id = vid;
			near[r.nnear].start = f->near[k].start;
			near[r.nnear].end = f->near[k].end;
			near[r.nnear].status = ASSIGNMENT_ACCEPTED;
			near[r.nnear].role = (char *)arena +
			    f->near[k].role_at;
			r.nnear++;
		}
		if (f->off_id != 0) {
			memset(&off, 0, sizeof off);
			off.id = f->off_id;
			off.volunteer_id = vid;
			off.start = f->off_start;
			off.end = f->off_end;
			off.reason = (char *)arena + f->reason_at;
			r.off = &off;
		}
	}
	return cx->fn(&r, cx->arg);
}

int
store_suggest_scan(struct store *st, const struct shift *sh, int rest_minutes,
    int64_t month_start, int64_t month_end, store_suggest_fn *fn, void *arg,
    struct err *err)
{
	struct store_suggest_map m = { 0 };
	struct store_suggest_ctx cx;
	struct strbuf arena;
	sqlite3_stmt *stmt;
	int64_t rest = (int64_t)rest_minutes * 60;
	int rc, cb = 0;

	if ((stmt = store_stmt(st, store_suggest_maxid_sql, err)) == NULL)
		return -1;
	if (sqlite3_step(stmt) == SQLITE_ROW)
		m.ndirect = sqlite3_column_int64(stmt, 0);
	sqlite3_reset(stmt);
	if (m.ndirect > 0 && m.ndirect <= STORE_SUGGEST_DIRECT_MAX)
		m.direct = xcalloc((size_t)m.ndirect + 1, sizeof *m.direct);
	strbuf_init(&arena);
	strbuf_addc(&arena, '\0');	/* offset 0 is "" */
	if (store_suggest_scan_near(st, sh, rest, &m, &arena, err) < 0 ||
	    store_suggest_scan_off(st, sh, &m, &arena, err) < 0 ||
	    (stmt = store_stmt(st, store_suggest_volunteers_sql, err)) ==
	    NULL) {
		store_suggest_map_free(&m);
		strbuf_fini(&arena);
		return -1;
	}
	/* The arena is final now: the volunteers add nothing to it. */
	sqlite3_bind_int64(stmt, 1, sh->id);
	memset(&cx, 0, sizeof cx);
	cx.st = st;
	cx.sh = sh;
	cx.month_start = month_start;
	cx.month_end = month_end;
	cx.m = &m;
	cx.arena = strbuf_str(&arena);
	cx.fn = fn;
	cx.arg = arg;
	cx.err = err;
	while (cb == 0 && (rc = sqlite3_step(stmt)) == SQLITE_ROW)
		cb = store_suggest_row_call(stmt, &cx);
	sqlite3_reset(stmt);
	store_suggest_map_free(&m);
	strbuf_fini(&arena);
	if (cb != 0)
		return cb > 0 ? 0 : cb;
	return rc == SQLITE_DONE ? 0 : store_fail(st, rc, err);
}
