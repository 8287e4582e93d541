/* SPDX-License-Identifier: ISC */
/*
 * What suggestions need about the volunteers weighed for a shift. A
 * session hands over the active volunteers in name order (a caller after
 * the best few stops early) and, for each volunteer the caller weighs,
 * the facts near the shift: the shifts overlapping it or within the rest,
 * an unavailable period over it, and the counts of the 30 days before and
 * of the month. For the first ones asked, two small queries per volunteer
 * through their own indexes; once many are asked (or everyone will be),
 * a few scans near the shift fold everyone's facts into a table here.
 */
#include "rooster/store.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

/* A shift longer than this is not looked back for (a week). */
#define STORE_SUGGEST_LOOKBACK (7 * INT64_C(86400))

/* "Recent": the 30 days before the shift. */
#define STORE_SUGGEST_RECENT (30 * INT64_C(86400))

/*
 * Past this many volunteers asked about one by one, the scans. One
 * volunteer's queries cost about 125 k instructions on the large bench
 * plan (each of their ~20 assignments is a look-up of its shift); the
 * scans about 300 M, whatever the number asked.
 */
#define STORE_SUGGEST_QUERIES 1024

/*
 * One volunteer's assignments that count, of shifts starting in
 * [?2, ?3), except ?4, through the volunteer's own index.
 */
static const char store_suggest_mine_sql[] =
    "SELECT s.id, s.start_at, s.end_at, s.role"
    "  FROM assignments a JOIN shifts s ON s.id = a.shift_id"
    "  WHERE a.volunteer_id = ?1 AND s.start_at >= ?2 AND s.start_at < ?3"
    "  AND s.id != ?4 AND " ASSIGNMENT_COUNTS_SQL("a.status") " AND NOT EXISTS"
    "    (SELECT 1 FROM events e WHERE e.id = s.event_id"
    "    AND e.status = 'cancelled')";

/* Volunteer ?3's first unavailable period over [?1, ?2). */
static const char store_suggest_my_off_sql[] =
    "SELECT id, volunteer_id, start_at, end_at, reason FROM unavailable"
    "  WHERE volunteer_id = ?3 AND start_at < ?2 AND end_at > ?1"
    "  ORDER BY start_at, id LIMIT 1";

/* Assignments that count, of shifts starting in [?1, ?2), except ?3. */
static const char store_suggest_near_sql[] =
    "SELECT a.volunteer_id, s.id, s.start_at, s.end_at"
    "  FROM shifts s JOIN assignments a ON a.shift_id = s.id"
    "  WHERE s.start_at >= ?1 AND s.start_at < ?2 AND s.id != ?3"
    "  AND " ASSIGNMENT_COUNTS_SQL("a.status") " AND s.event_id NOT IN"
    "    (SELECT id FROM events WHERE status = 'cancelled')";

/* The role of a shift near the one to fill (few: read one by one). */
static const char store_suggest_role_sql[] =
    "SELECT role FROM shifts WHERE id = ?1";

/*
 * The month's shifts of every volunteer with a limit, driven by the
 * month's shifts: the unary + keeps SQLite from walking
 * every limited volunteer's assignments instead (no statistics tell it
 * that those can be half the volunteers).
 */
static const char store_suggest_months_sql[] =
    "SELECT a.volunteer_id, count(*) FROM shifts s"
    "  JOIN assignments a ON a.shift_id = s.id"
    "  WHERE s.start_at >= ?1 AND s.start_at < ?2 AND s.id != ?3"
    "  AND " ASSIGNMENT_COUNTS_SQL("a.status")
    " AND +a.volunteer_id IN (SELECT id"
    "    FROM volunteers WHERE max_per_month > 0 AND active != 0)"
    "  AND s.event_id NOT IN"
    "    (SELECT id FROM events WHERE status = 'cancelled')"
    "  GROUP BY a.volunteer_id";

static const char store_suggest_maxid_sql[] =
    "SELECT coalesce(max(id), 0) FROM volunteers";

static const char store_suggest_off_sql[] =
    "SELECT id, volunteer_id, start_at, end_at, reason FROM unavailable"
    "  WHERE start_at < ?2 AND end_at > ?1 ORDER BY start_at, id";

/*
 * By name folded (Ë with E, as plan_suggest ranks ties), through its
 * covering index volunteers_folded, so a caller can stop early.
 */
static const char store_suggest_volunteers_sql[] =
    "SELECT id, name, skills, languages, max_per_month FROM volunteers"
    "  WHERE active != 0 AND id NOT IN"
    "  (SELECT volunteer_id FROM assignments WHERE shift_id = ?1)"
    "  ORDER BY name_folded, id";

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
	int			 recent;	/* in the 30 days before */
	int			 month;		/* in the month (limited) */
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

	f = xarray_push(&m->facts, &m->len, &m->capfacts, sizeof *f);
	f->vid = vid;
	return (uint32_t)m->len;
}

static struct store_suggest_fact *
store_suggest_find(struct store_suggest_map *m, int64_t vid, bool add)
{
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
	m->slots[i] = store_suggest_new(m, vid);
	return &m->facts[m->len - 1];
}

static void
store_suggest_map_free(struct store_suggest_map *m)
{
	free(m->direct);
	free(m->slots);
	free(m->facts);
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

static const char *
store_suggest_text(sqlite3_stmt *stmt, int i)
{
	const char *s = (const char *)sqlite3_column_text(stmt, i);

	return s != NULL ? s : "";
}

/* One shift's suggestions (store.h). */
struct store_suggest {
	struct store		*st;
	const struct shift	*sh;
	int64_t			 rest;		/* seconds, 0: off */
	int64_t			 month_start;
	int64_t			 month_end;
	sqlite3_stmt		*volunteers;	/* by name, NULL when done */
	int			 asked;		/* one by one so far */
	bool			 scanned;	/* the map holds everyone */
	struct store_suggest_map m;
	struct strbuf		 arena;		/* roles and reasons: offset
						   0 is "" */
	struct store_suggest_fact one;		/* the last asked alone */
	struct assignment	 near[2];	/* handed out */
	struct unavailable	 off;
};

/*
 * Which of the two kinds of near a shift [s, e) is to the one to fill:
 * 0 overlapping, 1 within the rest, -1 neither. Shifts starting more
 * than a week before the rest window are not looked at, in both ways.
 */
static int
store_suggest_near_kind(const struct store_suggest *ss, int64_t s, int64_t e)
{
	const struct shift *sh = ss->sh;

	if (s < sh->start - ss->rest - STORE_SUGGEST_LOOKBACK)
		return -1;
	if (s < sh->end && e > sh->start)
		return 0;
	if (s < sh->end + ss->rest && e > sh->start - ss->rest)
		return 1;
	return -1;
}

/*
 * Keep [s, e) of shift id as f's near of its kind when it is the first
 * (by start, then id): the same one whichever way the rows come. The
 * role is looked up (role_col < 0) or read from stmt's column role_col.
 */
static int
store_suggest_fold_near(struct store_suggest *ss, struct store_suggest_fact *f,
    int64_t id, int64_t s, int64_t e, sqlite3_stmt *stmt, int role_col,
    struct err *err)
{
	struct store_suggest_near *a;
	sqlite3_stmt *role;
	int k = store_suggest_near_kind(ss, s, e);

	if (k < 0)
		return 0;
	a = &f->near[k];
	if (a->shift_id != 0 && (a->start < s || (a->start == s &&
	    a->shift_id < id)))
		return 0;
	a->shift_id = id;
	a->start = s;
	a->end = e;
	if (role_col >= 0) {
		a->role_at = store_suggest_keep(&ss->arena, stmt, role_col);
		return 0;
	}
	if ((role = store_stmt(ss->st, store_suggest_role_sql, err)) == NULL)
		return -1;
	sqlite3_bind_int64(role, 1, id);
	a->role_at = 0;
	if (sqlite3_step(role) == SQLITE_ROW)
		a->role_at = store_suggest_keep(&ss->arena, role, 0);
	sqlite3_reset(role);
	return 0;
}

/* The scans: everyone's facts into the map. */

/* Fold the assignments near the shift (overlapping, within the rest). */
static int
store_suggest_scan_near(struct store_suggest *ss, struct err *err)
{
	sqlite3_stmt *stmt = store_stmt(ss->st, store_suggest_near_sql, err);
	struct store_suggest_fact *f;
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, ss->sh->start - ss->rest -
	    STORE_SUGGEST_LOOKBACK);
	sqlite3_bind_int64(stmt, 2, ss->sh->end + ss->rest);
	sqlite3_bind_int64(stmt, 3, ss->sh->id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (store_suggest_near_kind(ss, sqlite3_column_int64(stmt, 2),
		    sqlite3_column_int64(stmt, 3)) < 0)
			continue;
		f = store_suggest_find(&ss->m, sqlite3_column_int64(stmt, 0),
		    true);
		if (store_suggest_fold_near(ss, f, sqlite3_column_int64(stmt,
		    1), sqlite3_column_int64(stmt, 2),
		    sqlite3_column_int64(stmt, 3), NULL, -1, err) < 0) {
			sqlite3_reset(stmt);
			return -1;
		}
	}
	sqlite3_reset(stmt);
	return rc == SQLITE_DONE ? 0 : store_fail(ss->st, rc, err);
}

/*
 * The first unavailable period over the shift: of volunteer vid into
 * ss->one, or (vid 0) of everyone into the map.
 */
static int
store_suggest_scan_off(struct store_suggest *ss, int64_t vid,
    struct err *err)
{
	sqlite3_stmt *stmt = store_stmt(ss->st, vid != 0 ?
	    store_suggest_my_off_sql : store_suggest_off_sql, err);
	struct store_suggest_fact *f;
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, ss->sh->start);
	sqlite3_bind_int64(stmt, 2, ss->sh->end);
	if (vid != 0)
		sqlite3_bind_int64(stmt, 3, vid);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		f = vid != 0 ? &ss->one : store_suggest_find(&ss->m,
		    sqlite3_column_int64(stmt, 1), true);
		if (f->off_id != 0)
			continue;
		f->off_id = sqlite3_column_int64(stmt, 0);
		f->off_start = sqlite3_column_int64(stmt, 2);
		f->off_end = sqlite3_column_int64(stmt, 3);
		f->reason_at = store_suggest_keep(&ss->arena, stmt, 4);
	}
	sqlite3_reset(stmt);
	return rc == SQLITE_DONE ? 0 : store_fail(ss->st, rc, err);
}

/* Count the 30 days before the shift of every volunteer, in one pass. */
static int
store_suggest_scan_recent(struct store_suggest *ss, struct err *err)
{
	sqlite3_stmt *stmt = store_stmt(ss->st, store_suggest_near_sql, err);
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, ss->sh->start - STORE_SUGGEST_RECENT);
	sqlite3_bind_int64(stmt, 2, ss->sh->start);
	sqlite3_bind_int64(stmt, 3, ss->sh->id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		store_suggest_find(&ss->m, sqlite3_column_int64(stmt, 0),
		    true)->recent++;
	sqlite3_reset(stmt);
	return rc == SQLITE_DONE ? 0 : store_fail(ss->st, rc, err);
}

/* Count the month of every volunteer with a limit, in one pass. */
static int
store_suggest_scan_month(struct store_suggest *ss, struct err *err)
{
	sqlite3_stmt *stmt = store_stmt(ss->st, store_suggest_months_sql,
	    err);
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, ss->month_start);
	sqlite3_bind_int64(stmt, 2, ss->month_end);
	sqlite3_bind_int64(stmt, 3, ss->sh->id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		store_suggest_find(&ss->m, sqlite3_column_int64(stmt, 0),
		    true)->month = sqlite3_column_int(stmt, 1);
	sqlite3_reset(stmt);
	return rc == SQLITE_DONE ? 0 : store_fail(ss->st, rc, err);
}

static int
store_suggest_scan(struct store_suggest *ss, struct err *err)
{
	if (store_int(ss->st, err, &ss->m.ndirect, store_suggest_maxid_sql,
	    "") < 0)
		return -1;
	if (ss->m.ndirect > 0 && ss->m.ndirect <= STORE_SUGGEST_DIRECT_MAX)
		ss->m.direct = xcalloc((size_t)ss->m.ndirect + 1,
		    sizeof *ss->m.direct);
	if (store_suggest_scan_near(ss, err) < 0 ||
	    store_suggest_scan_off(ss, 0, err) < 0 ||
	    store_suggest_scan_recent(ss, err) < 0 ||
	    store_suggest_scan_month(ss, err) < 0)
		return -1;
	ss->scanned = true;
	return 0;
}

/* One volunteer asked alone: their facts into ss->one. */

static int
store_suggest_ask_mine(struct store_suggest *ss, int64_t vid,
    struct err *err)
{
	const struct shift *sh = ss->sh;
	struct store_suggest_fact *f = &ss->one;
	sqlite3_stmt *stmt = store_stmt(ss->st, store_suggest_mine_sql, err);
	int64_t lo, hi, s;
	int rc;

	if (stmt == NULL)
		return -1;
	lo = sh->start - ss->rest - STORE_SUGGEST_LOOKBACK;
	if (sh->start - STORE_SUGGEST_RECENT < lo)
		lo = sh->start - STORE_SUGGEST_RECENT;
	if (ss->month_start < lo)
		lo = ss->month_start;
	hi = sh->end + ss->rest;
	if (ss->month_end > hi)
		hi = ss->month_end;
	sqlite3_bind_int64(stmt, 1, vid);
	sqlite3_bind_int64(stmt, 2, lo);
	sqlite3_bind_int64(stmt, 3, hi);
	sqlite3_bind_int64(stmt, 4, sh->id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		s = sqlite3_column_int64(stmt, 1);
		if (s >= sh->start - STORE_SUGGEST_RECENT && s < sh->start)
			f->recent++;
		if (s >= ss->month_start && s < ss->month_end)
			f->month++;
		/* With the role in the row, folding cannot fail. */
		(void)store_suggest_fold_near(ss, f,
		    sqlite3_column_int64(stmt, 0), s,
		    sqlite3_column_int64(stmt, 2), stmt, 3, err);
	}
	sqlite3_reset(stmt);
	return rc == SQLITE_DONE ? 0 : store_fail(ss->st, rc, err);
}

int
store_suggest_begin(struct store *st, const struct shift *sh,
    int rest_minutes, int64_t month_start, int64_t month_end, bool everyone,
    struct store_suggest **out, struct err *err)
{
	struct store_suggest *ss = xcalloc(1, sizeof *ss);

	ss->st = st;
	ss->sh = sh;
	ss->rest = (int64_t)(rest_minutes > 0 ? rest_minutes : 0) * 60;
	ss->month_start = month_start;
	ss->month_end = month_end;
	strbuf_init(&ss->arena);
	strbuf_addc(&ss->arena, '\0');
	if ((everyone && store_suggest_scan(ss, err) < 0) ||
	    store_suggest_rewind(ss, err) < 0) {
		store_suggest_end(ss);
		return -1;
	}
	*out = ss;
	return 0;
}

int
store_suggest_rewind(struct store_suggest *ss, struct err *err)
{
	if ((ss->volunteers = store_stmt(ss->st, store_suggest_volunteers_sql,
	    err)) == NULL)
		return -1;
	sqlite3_bind_int64(ss->volunteers, 1, ss->sh->id);
	return 0;
}

int
store_suggest_next(struct store_suggest *ss, struct volunteer *v,
    struct err *err)
{
	sqlite3_stmt *stmt = ss->volunteers;
	int rc;

	if (stmt == NULL)
		return 0;
	if ((rc = sqlite3_step(stmt)) != SQLITE_ROW) {
		sqlite3_reset(stmt);
		ss->volunteers = NULL;
		return rc == SQLITE_DONE ? 0 : store_fail(ss->st, rc, err);
	}
	memset(v, 0, sizeof *v);
	v->id = sqlite3_column_int64(stmt, 0);
	v->active = true;
	v->name = (char *)store_suggest_text(stmt, 1);
	v->skills = (char *)store_suggest_text(stmt, 2);
	v->languages = (char *)store_suggest_text(stmt, 3);
	v->email = v->phone = v->notes = (char *)"";
	v->max_per_month = sqlite3_column_int(stmt, 4);
	return 1;
}

int
store_suggest_facts(struct store_suggest *ss, int64_t volunteer_id,
    struct store_suggest_facts *out, struct err *err)
{
	const struct store_suggest_fact *f;
	const char *arena;
	int k;

	memset(out, 0, sizeof *out);
	if (!ss->scanned && ++ss->asked > STORE_SUGGEST_QUERIES &&
	    store_suggest_scan(ss, err) < 0)
		return -1;
	if (ss->scanned)
		f = store_suggest_find(&ss->m, volunteer_id, false);
	else {
		memset(&ss->one, 0, sizeof ss->one);
		ss->one.vid = volunteer_id;
		/* Without the scans the arena holds one volunteer's text. */
		strbuf_reset(&ss->arena);
		strbuf_addc(&ss->arena, '\0');
		if (store_suggest_ask_mine(ss, volunteer_id, err) < 0 ||
		    store_suggest_scan_off(ss, volunteer_id, err) < 0)
			return -1;
		f = &ss->one;
	}
	if (f == NULL)
		return 0;
	arena = strbuf_str(&ss->arena);
	out->recent = f->recent;
	out->month_count = f->month;
	out->near = ss->near;
	for (k = 0; k < 2; k++) {
		if (f->near[k].shift_id == 0)
			continue;
		memset(&ss->near[out->nnear], 0, sizeof ss->near[0]);
		ss->near[out->nnear].shift_id = f->near[k].shift_id;
		ss->near[out->nnear].volunteer_id = volunteer_id;
		ss->near[out->nnear].start = f->near[k].start;
		ss->near[out->nnear].end = f->near[k].end;
		ss->near[out->nnear].status = ASSIGNMENT_ACCEPTED;
		ss->near[out->nnear].role = (char *)arena +
		    f->near[k].role_at;
		out->nnear++;
	}
	if (f->off_id != 0) {
		memset(&ss->off, 0, sizeof ss->off);
		ss->off.id = f->off_id;
		ss->off.volunteer_id = volunteer_id;
		ss->off.start = f->off_start;
		ss->off.end = f->off_end;
		ss->off.reason = (char *)arena + f->reason_at;
		out->off = &ss->off;
	}
	return 0;
}

void
store_suggest_end(struct store_suggest *ss)
{
	if (ss == NULL)
		return;
	if (ss->volunteers != NULL)
		sqlite3_reset(ss->volunteers);
	store_suggest_map_free(&ss->m);
	strbuf_fini(&ss->arena);
	free(ss);
}
