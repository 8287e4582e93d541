/* SPDX-License-Identifier: ISC */
/*
 * What calendars are made of: events with their shifts and the people on
 * them, walked row by row so an export of 100,000 shifts stays flat in
 * memory; UID lookups for imports and replies; volunteers' feed tokens.
 */
#include "rooster/store.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

/*
 * After the event's and the shift's columns, its people: "1633,..."
 * (volunteer id * 128 + status initial).
 */
#define STORE_CALENDAR_PEOPLE \
	"(SELECT group_concat(a.volunteer_id * 128 + unicode(a.status)) " \
	"  FROM assignments a WHERE a.shift_id = s.id " \
	"  AND " ASSIGNMENT_COUNTS_SQL("a.status") ") "

/*
 * Every volunteer's name, by id, read once per walk into one block of
 * text: a shift's people then cost no query each (1,000,000 of them in
 * the large bench plan), and no copy either (the names are borrowed).
 */
struct store_calendar_names {
	struct strbuf	 text;		/* the names, each ending in '\0' */
	size_t		*at;		/* offset in text by id (0: none) */
	int64_t		 max;		/* ids 0..max */
	/*
	 * All were read in name order, so at[] rises with it and is the
	 * rank too: one array, one cache miss per person, not two.
	 */
	bool		 ranked;
	sqlite3_stmt	*one;		/* by id, when not all were read */
};

static int
store_calendar_names_load(struct store *st, struct store_calendar_names *n,
    bool all, struct err *err)
{
	static const char max_sql[] = "SELECT max(id) FROM volunteers";
	/*
	 * In store_assignment_list_shift's order (name folded, then id),
	 * which the covering index volunteers_folded gives: the ranks are
	 * the rows' places, no sort of 50,000 folded names.
	 */
	static const char sql[] = "SELECT id, name FROM volunteers "
	    "ORDER BY name_folded, id";
	static const char one_sql[] = "SELECT name FROM volunteers WHERE id = ?1";
	sqlite3_stmt *stmt;
	const char *name;
	int64_t id, k;
	int rc;

	memset(n, 0, sizeof *n);
	strbuf_init(&n->text);
	strbuf_add(&n->text, "", 1);	/* offset 0: "" */
	if (!all) {
		n->one = store_stmt(st, one_sql, err);
		return n->one != NULL ? 0 : -1;
	}
	if ((stmt = store_stmt(st, max_sql, err)) == NULL)
		return -1;
	rc = sqlite3_step(stmt);
	n->max = rc == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : 0;
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW)
		return store_fail(st, rc, err);
	/* Row ids are dense in practice; a sparse plan reads one by one. */
	if (n->max < 0 || n->max > INT64_C(1) << 26) {
		n->max = 0;
		n->one = store_stmt(st, one_sql, err);
		return n->one != NULL ? 0 : -1;
	}
	n->at = xreallocarray(NULL, (size_t)n->max + 1, sizeof *n->at);
	for (k = 0; k <= n->max; k++)
		n->at[k] = 0;
	n->ranked = true;
	if ((stmt = store_stmt(st, sql, err)) == NULL)
		return -1;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		id = sqlite3_column_int64(stmt, 0);
		name = (const char *)sqlite3_column_text(stmt, 1);
		if (id < 0 || id > n->max || name == NULL)
			continue;
		n->at[id] = n->text.len;	/* rises: the rank */
		strbuf_add(&n->text, name,
		    (size_t)sqlite3_column_bytes(stmt, 1) + 1);
	}
	sqlite3_reset(stmt);
	return rc == SQLITE_DONE ? 0 : store_fail(st, rc, err);
}

static void
store_calendar_names_free(struct store_calendar_names *n)
{
	strbuf_fini(&n->text);
	free(n->at);
	memset(n, 0, sizeof *n);
}

/*
 * The name of volunteer id, as an offset in n->text ("" when gone):
 * valid until the next call (text may move as names are added).
 */
static size_t
store_calendar_name(struct store_calendar_names *n, int64_t id)
{
	const char *name;
	size_t at = 0;

	if (n->one == NULL)
		return id >= 0 && id <= n->max ? n->at[id] : 0;
	sqlite3_bind_int64(n->one, 1, id);
	if (sqlite3_step(n->one) == SQLITE_ROW &&
	    (name = (const char *)sqlite3_column_text(n->one, 0)) != NULL) {
		at = n->text.len;
		strbuf_add(&n->text, name,
		    (size_t)sqlite3_column_bytes(n->one, 0) + 1);
	}
	sqlite3_reset(n->one);
	return at;
}

/* By name folded, then id: the order of store_assignment_list_shift. */
static int
store_calendar_person_cmp(const void *pa, const void *pb)
{
	const struct assignment *a = pa, *b = pb;
	int c = text_fold_cmp(a->volunteer, b->volunteer);

	if (c != 0)
		return c;
	return (a->volunteer_id > b->volunteer_id) -
	    (a->volunteer_id < b->volunteer_id);
}

/* The same order, by the ranks of store_calendar_names_load (in id). */
static int
store_calendar_rank_cmp(const void *pa, const void *pb)
{
	const struct assignment *a = pa, *b = pb;

	return (a->id > b->id) - (a->id < b->id);
}

/*
 * The people column ("a12,p7") as assignments in name order, their names
 * borrowed from n (store_calendar_each takes them back before freeing).
 */
static void
store_calendar_people(sqlite3_stmt *stmt, int col,
    struct store_calendar_names *n, const struct shift *sh,
    struct assignment_list *out)
{
	const char *p = (const char *)sqlite3_column_text(stmt, col);
	struct assignment *a;
	int64_t id;
	size_t i;

	while (p != NULL && *p != '\0') {
		a = assignment_list_push(out);
		a->shift_id = sh->id;
		for (id = 0; *p >= '0' && *p <= '9'; p++)
			id = id * 10 + (*p - '0');
		/* The statuses' initials differ (declined is left out). */
		a->status = id % 128 == 'a' ? ASSIGNMENT_ACCEPTED :
		    id % 128 == 'i' ? ASSIGNMENT_INVITED :
		    id % 128 == 't' ? ASSIGNMENT_TENTATIVE :
		    id % 128 == 'o' ? ASSIGNMENT_OFFERED : ASSIGNMENT_PLANNED;
		id /= 128;
		a->volunteer_id = id;
		/* The rank, in the id the export does not use, to sort by. */
		a->id = n->ranked && id >= 0 && id <= n->max ?
		    (int64_t)n->at[id] : 0;
		/* An offset for now: the text may still move. */
		a->volunteer = (char *)(uintptr_t)store_calendar_name(n, id);
		if (*p == ',')
			p++;
	}
	for (i = 0; i < out->len; i++)
		out->items[i].volunteer = n->text.data +
		    (size_t)(uintptr_t)out->items[i].volunteer;
	if (out->len > 1)
		xsort(out->items, out->len, sizeof *out->items, n->ranked ?
		    store_calendar_rank_cmp : store_calendar_person_cmp);
	for (i = 0; i < out->len; i++)
		out->items[i].id = 0;
}

/*
 * One volunteer's calendar: their own assignment with its note (after
 * the people, declined or not), for what the entry says to them.
 */
static void
store_calendar_self(sqlite3_stmt *stmt, int col, int64_t self,
    struct assignment_list *people)
{
	struct assignment *a = NULL;
	int status;
	size_t i;

	for (i = 0; i < people->len && a == NULL; i++)
		if (people->items[i].volunteer_id == self)
			a = &people->items[i];
	if (a == NULL) {
		a = assignment_list_push(people);
		a->volunteer_id = self;
		a->volunteer = (char *)"";
		status = assignment_status_parse((const char *)
		    sqlite3_column_text(stmt, col + 1));
		a->status = status < 0 ? ASSIGNMENT_PLANNED :
		    (enum assignment_status)status;
	}
	a->note = store_col_text(stmt, col + 2);
}

/* The shift from column col on, through shift_fields; the next column. */
static int
store_calendar_shift(sqlite3_stmt *stmt, int col, const struct event *ev,
    struct shift *sh)
{
	col = store_fields_read_row(stmt, col, &sh->id, &sh->version, sh,
	    shift_fields);
	sh->event_title = xstrdup(ev->title);
	sh->event_location = xstrdup(ev->location);
	sh->event_status = (int)ev->status;
	return col;
}

/*
 * One of an event's people, as read for the whole plan or one event: a
 * shift's are found by shift id, then sorted by name.
 */
struct store_calendar_person {
	int64_t	 shift_id;
	int64_t	 volunteer_id;
	size_t	 rank;		/* place in name order, the name's offset
				   when ranked (0: not ranked) */
	char	 status;	/* the status' initial */
};

/* A shift's people: v[at..at+len). */
struct store_calendar_group {
	int64_t	 shift_id;
	size_t	 at;
	size_t	 len;
};

/*
 * An event's people as its statement gives them: each shift's in one run
 * (the join walks shift by shift), the runs found in turn when few, else
 * (or should a shift's people ever come in two runs) sorted by shift.
 */
struct store_calendar_people {
	struct store_calendar_person	*v;
	size_t				 len, cap;
	struct store_calendar_group	*g;
	size_t				 ngroups, gcap;
	bool				 sorted;	/* g by shift_id */
	unsigned			 touch;		/* a byte of each name
							   (read early) */
};

#define STORE_CALENDAR_FEW_SHIFTS 32

/* By shift, then by name through the ranks. */
static int
store_calendar_person_rank_cmp(const void *pa, const void *pb)
{
	const struct store_calendar_person *a = pa, *b = pb;

	if (a->shift_id != b->shift_id)
		return a->shift_id < b->shift_id ? -1 : 1;
	return (a->rank > b->rank) - (a->rank < b->rank);
}

static void
store_calendar_group_add(struct store_calendar_people *p, int64_t shift_id,
    size_t at)
{
	struct store_calendar_group *g = xarray_push(&p->g, &p->ngroups,
	    &p->gcap, sizeof *p->g);

	g->shift_id = shift_id;
	g->at = at;
}

/* The runs of p->v: each shift's once, else sorted by shift. */
static void
store_calendar_people_group(struct store_calendar_people *p)
{
	size_t i, j;
	bool unique = p->ngroups <= STORE_CALENDAR_FEW_SHIFTS;

	for (i = 0; unique && i < p->ngroups; i++)
		for (j = i + 1; unique && j < p->ngroups; j++)
			unique = p->g[i].shift_id != p->g[j].shift_id;
	p->sorted = !unique;
	if (unique)
		return;
	xsort(p->v, p->len, sizeof *p->v, store_calendar_person_rank_cmp);
	p->ngroups = 0;
	for (i = 0; i < p->len; i++) {
		if (i == 0 || p->v[i].shift_id != p->v[i - 1].shift_id)
			store_calendar_group_add(p, p->v[i].shift_id, i);
		p->g[p->ngroups - 1].len++;
	}
}

/*
 * The event's people from stmt (stepped to its end) into p, in runs
 * (those of shifts not asked for are never looked up).
 */
static int
store_calendar_people_read(struct store *st, sqlite3_stmt *stmt,
    const struct store_calendar_names *n, struct store_calendar_people *p,
    struct err *err)
{
	struct store_calendar_person *x;
	const unsigned char *status;
	int rc;

	p->len = 0;
	p->ngroups = 0;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		status = sqlite3_column_text(stmt, 2);
		/* Those who count (ASSIGNMENT_COUNTS_SQL), told here. */
		if (status == NULL || status[0] == 'd' || status[0] == 'o')
			continue;
		x = xarray_push(&p->v, &p->len, &p->cap, sizeof *p->v);
		x->shift_id = sqlite3_column_int64(stmt, 0);
		x->volunteer_id = sqlite3_column_int64(stmt, 1);
		x->status = (char)status[0];
		if (p->ngroups == 0 ||
		    p->g[p->ngroups - 1].shift_id != x->shift_id)
			store_calendar_group_add(p, x->shift_id, p->len - 1);
		p->g[p->ngroups - 1].len++;
	}
	sqlite3_reset(stmt);
	/*
	 * The ranks, and the names, looked up in loops of their own, not
	 * between steps: the volunteers are anywhere in 50,000, and a loop
	 * that does nothing else waits for many of those reads at once.
	 */
	for (x = p->v; x < p->v + p->len; x++)
		x->rank = n->ranked && x->volunteer_id >= 0 &&
		    x->volunteer_id <= n->max ? n->at[x->volunteer_id] : 0;
	/*
	 * Both cache lines a name's first 32 bytes may lie on, as strlen
	 * reads them (a prefetch instruction did not do it: loads do).
	 */
	for (x = p->v; n->ranked && x < p->v + p->len; x++)
		p->touch += (unsigned char)n->text.data[x->rank] +
		    (unsigned char)n->text.data[x->rank + 31 < n->text.len ?
		    x->rank + 31 : x->rank];
	return rc == SQLITE_DONE ? 0 : store_fail(st, rc, err);
}

static void
store_calendar_people_free(struct store_calendar_people *p)
{
	free(p->v);
	free(p->g);
	memset(p, 0, sizeof *p);
}

/* The people of shift_id among the event's (p), in name order, into out. */
static void
store_calendar_shift_people(struct store_calendar_names *n,
    struct store_calendar_people *p, int64_t shift_id,
    struct assignment_list *out)
{
	struct store_calendar_group *g = NULL;
	struct store_calendar_person *v, tmp;
	struct assignment *a;
	size_t lo = 0, hi = p->ngroups, mid, i, j;

	out->len = 0;
	if (p->sorted) {
		while (lo < hi) {
			mid = lo + (hi - lo) / 2;
			if (p->g[mid].shift_id < shift_id)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo < p->ngroups && p->g[lo].shift_id == shift_id)
			g = &p->g[lo];
	} else
		for (i = 0; i < p->ngroups && g == NULL; i++)
			if (p->g[i].shift_id == shift_id)
				g = &p->g[i];
	if (g == NULL)
		return;
	v = p->v + g->at;
	/* A shift's few people, by rank (unsorted runs only). */
	for (i = 1; !p->sorted && i < g->len; i++) {
		tmp = v[i];
		for (j = i; j > 0 && v[j - 1].rank > tmp.rank; j--)
			v[j] = v[j - 1];
		v[j] = tmp;
	}
	for (i = 0; i < g->len; i++) {
		a = assignment_list_push(out);
		a->shift_id = shift_id;
		a->volunteer_id = v[i].volunteer_id;
		/* The statuses' initials differ. */
		a->status = v[i].status == 'a' ? ASSIGNMENT_ACCEPTED :
		    v[i].status == 'i' ? ASSIGNMENT_INVITED :
		    v[i].status == 't' ? ASSIGNMENT_TENTATIVE :
		    ASSIGNMENT_PLANNED;
		/* An offset for now: the text may still move. */
		a->volunteer = (char *)(uintptr_t)(n->ranked ? v[i].rank :
		    store_calendar_name(n, v[i].volunteer_id));
	}
	for (i = 0; i < out->len; i++)
		out->items[i].volunteer = n->text.data +
		    (size_t)(uintptr_t)out->items[i].volunteer;
	/* Ranked: already in name order; else sorted by the names. */
	if (!n->ranked && out->len > 1)
		xsort(out->items, out->len, sizeof *out->items,
		    store_calendar_person_cmp);
}

/*
 * An event's shifts, read in the order of shifts_event and sorted here:
 * SQLite sorted each event's few shifts with a sorter of its own, 9 % of
 * the export's time. Their text is kept in one block for the event.
 */
struct store_calendar_shifts {
	struct store_calendar_shift_row {
		struct shift	 sh;	/* uid, role, language in text */
		size_t		 role_len;
	}		*v;
	size_t		 len, cap;
	struct strbuf	 text;
};

/* Column i's text into s->text, as an offset for now ("" if NULL). */
static char *
store_calendar_keep(struct store_calendar_shifts *s, sqlite3_stmt *stmt,
    int i, size_t *len)
{
	const unsigned char *t = sqlite3_column_text(stmt, i);
	size_t at = s->text.len, n = (size_t)sqlite3_column_bytes(stmt, i);

	strbuf_add(&s->text, t != NULL ? (const char *)t : "",
	    t != NULL ? n + 1 : 1);
	if (len != NULL)
		*len = t != NULL ? n : 0;
	return (char *)(uintptr_t)at;
}

/*
 * By start, role, id: the shifts statement's old ORDER BY, the role in
 * SQLite's BINARY order (bytes, then the shorter first).
 */
static int
store_calendar_shift_cmp(const void *pa, const void *pb)
{
	const struct store_calendar_shift_row *a = pa, *b = pb;
	int c;

	if (a->sh.start != b->sh.start)
		return a->sh.start < b->sh.start ? -1 : 1;
	c = memcmp(a->sh.role, b->sh.role, a->role_len < b->role_len ?
	    a->role_len : b->role_len);
	if (c != 0)
		return c;
	if (a->role_len != b->role_len)
		return a->role_len < b->role_len ? -1 : 1;
	return (a->sh.id > b->sh.id) - (a->sh.id < b->sh.id);
}

/* The event's shifts from stmt (stepped to its end) into s, sorted. */
static int
store_calendar_shifts_read(struct store *st, sqlite3_stmt *stmt,
    const struct event *ev, struct store_calendar_shifts *s,
    struct err *err)
{
	struct store_calendar_shift_row *r;
	struct shift *sh;
	int rc;

	s->len = 0;
	strbuf_reset(&s->text);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		r = xarray_push(&s->v, &s->len, &s->cap, sizeof *s->v);
		sh = &r->sh;
		memset(sh, 0, sizeof *sh);
		sh->id = sqlite3_column_int64(stmt, 0);
		sh->event_id = ev->id;
		sh->uid = store_calendar_keep(s, stmt, 1, NULL);
		sh->sequence = sqlite3_column_int(stmt, 2);
		sh->role = store_calendar_keep(s, stmt, 3, &r->role_len);
		sh->start = sqlite3_column_int64(stmt, 4);
		sh->end = sqlite3_column_int64(stmt, 5);
		sh->needed = sqlite3_column_int(stmt, 6);
		sh->language = store_calendar_keep(s, stmt, 7, NULL);
		sh->version = sqlite3_column_int64(stmt, 8);
		sh->event_title = ev->title;
		sh->event_location = ev->location;
		sh->event_status = (int)ev->status;
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, err);
	/* The text stays where it is now: offsets become pointers. */
	for (r = s->v; r < s->v + s->len; r++) {
		r->sh.uid = s->text.data + (uintptr_t)r->sh.uid;
		r->sh.role = s->text.data + (uintptr_t)r->sh.role;
		r->sh.language = s->text.data + (uintptr_t)r->sh.language;
	}
	if (s->len > 1)
		xsort(s->v, s->len, sizeof *s->v, store_calendar_shift_cmp);
	return 0;
}

/*
 * The whole plan, or one event: each event's row read once, its people
 * (ids and statuses only, names held once in n) with one statement and
 * its shifts with another, kept for the event and sorted in C. Three
 * statements in step, one snapshot (the events statement holds the read
 * transaction open).
 */
static int
store_calendar_each_event(struct store *st, int64_t event_id,
    struct store_calendar_names *n, store_calendar_fn *fn, void *arg,
    struct err *err)
{
	static char *events_sql;
	/*
	 * Who counts is told in C: SQLite's NOT IN costs more per row. An
	 * event's shifts are most often numbered in a row: their people are
	 * then one run of assignments_shift_status, read from one seek (with
	 * those of other events' shifts numbered among them, if few); else
	 * through the event's shifts, a seek for each.
	 */
	static const char range_sql[] = "SELECT shift_id, volunteer_id, "
	    "status FROM assignments WHERE shift_id BETWEEN ?1 AND ?2";
	static const char people_sql[] = "SELECT a.shift_id, "
	    "a.volunteer_id, a.status FROM shifts s JOIN assignments a "
	    "ON a.shift_id = s.id WHERE s.event_id = ?1";
	static const char shifts_sql[] = "SELECT s.id, s.uid, s.sequence, "
	    "s.role, s.start_at, s.end_at, s.needed, s.language, s.version "
	    "FROM shifts s WHERE s.event_id = ?1";
	sqlite3_stmt *events, *people, *range, *shifts, *which;
	struct store_calendar_people who = { 0 };
	struct store_calendar_shifts some = { 0 };
	struct assignment_list list = { 0 };
	size_t i;
	struct event ev;
	int64_t lo, hi;
	int rc = 0, step = SQLITE_DONE;

	if ((events = store_stmt(st, store_fields_select(&events_sql,
	    "SELECT e.id, e.version, ", "e.", event_fields, " FROM events e "
	    "WHERE (?1 = 0 OR e.id = ?1) ", "ORDER BY e.start_at, e.id"),
	    err)) == NULL ||
	    (people = store_stmt(st, people_sql, err)) == NULL ||
	    (range = store_stmt(st, range_sql, err)) == NULL ||
	    (shifts = store_stmt(st, shifts_sql, err)) == NULL)
		return -1;
	strbuf_init(&some.text);
	sqlite3_bind_int64(events, 1, event_id);
	while (rc == 0 && (step = sqlite3_step(events)) == SQLITE_ROW) {
		event_init(&ev);
		store_fields_read_row(events, 0, &ev.id, &ev.version, &ev,
		    event_fields);
		sqlite3_bind_int64(shifts, 1, ev.id);
		if ((rc = store_calendar_shifts_read(st, shifts, &ev, &some,
		    err)) < 0) {
			event_fini(&ev);
			break;
		}
		lo = INT64_MAX;
		hi = INT64_MIN;
		for (i = 0; i < some.len; i++) {
			lo = some.v[i].sh.id < lo ? some.v[i].sh.id : lo;
			hi = some.v[i].sh.id > hi ? some.v[i].sh.id : hi;
		}
		which = some.len > 0 && (uint64_t)hi - (uint64_t)lo <
		    4 * (uint64_t)some.len ? range : people;
		if (which == range) {
			sqlite3_bind_int64(range, 1, lo);
			sqlite3_bind_int64(range, 2, hi);
		} else
			sqlite3_bind_int64(people, 1, ev.id);
		if (some.len == 0)
			who.len = who.ngroups = 0;	/* nothing to read */
		else if ((rc = store_calendar_people_read(st, which, n, &who,
		    err)) < 0) {
			event_fini(&ev);
			break;
		}
		store_calendar_people_group(&who);
		for (i = 0; rc == 0 && i < some.len; i++) {
			store_calendar_shift_people(n, &who, some.v[i].sh.id,
			    &list);
			rc = fn(arg, &ev, &some.v[i].sh, &list, err);
		}
		if (rc == 0 && some.len == 0) {
			list.len = 0;
			rc = fn(arg, &ev, NULL, &list, err);
		}
		event_fini(&ev);
	}
	if (rc == 0 && step != SQLITE_DONE && step != SQLITE_ROW)
		rc = store_fail(st, step, err);
	sqlite3_reset(events);
	for (i = 0; i < list.cap && list.items != NULL; i++)
		list.items[i].volunteer = NULL;	/* borrowed */
	list.len = 0;
	assignment_list_free(&list);
	store_calendar_people_free(&who);
	free(some.v);
	strbuf_fini(&some.text);
	return rc;
}

int
store_calendar_each(struct store *st,
    const struct store_calendar_filter *filter, store_calendar_fn *fn,
    void *arg, struct err *err)
{
	/* One volunteer's: from their assignments, not every shift. */
	static char *events, *sql_volunteer;
	bool whole = filter == NULL || (filter->volunteer_id == 0 &&
	    filter->event_id == 0);
	sqlite3_stmt *stmt;
	struct store_calendar_names own, *names = &own;
	struct assignment_list people = { 0 };
	struct event ev;
	struct shift sh;
	bool has_shift;
	size_t i;
	int rc = 0, step = SQLITE_DONE, col;

	/*
	 * The whole plan: every name at once; else the few by id, unless
	 * the caller keeps them all for many calendars.
	 */
	if (st->names_kept != NULL)
		names = st->names_kept;
	else if (store_calendar_names_load(st, &own, whole, err) < 0) {
		store_calendar_names_free(&own);
		return -1;
	}
	if (whole || filter->volunteer_id == 0) {
		rc = store_calendar_each_event(st, filter != NULL ?
		    filter->event_id : 0, names, fn, arg, err);
		if (names == &own)
			store_calendar_names_free(&own);
		return rc;
	}
	store_fields_select(&events, "SELECT e.id, e.version, ", "e.",
	    event_fields, ", s.id, s.version, ", "");
	stmt = store_stmt(st, store_fields_select(&sql_volunteer, events,
	    "s.", shift_fields, ", " STORE_CALENDAR_PEOPLE ", a0.status, "
	    "a0.note FROM assignments a0 JOIN shifts s ON s.id = a0.shift_id "
	    "JOIN events e ON e.id = s.event_id "
	    "WHERE (?1 = 0 OR e.id = ?1) AND a0.volunteer_id = ?2 ",
	    "ORDER BY e.start_at, e.id, s.start_at, s.role, s.id"), err);
	if (stmt == NULL) {
		if (names == &own)
			store_calendar_names_free(&own);
		return -1;
	}
	sqlite3_bind_int64(stmt, 1, filter != NULL ? filter->event_id : 0);
	sqlite3_bind_int64(stmt, 2, filter != NULL ? filter->volunteer_id : 0);
	while (rc == 0 && (step = sqlite3_step(stmt)) == SQLITE_ROW) {
		event_init(&ev);
		col = store_fields_read_row(stmt, 0, &ev.id, &ev.version, &ev,
		    event_fields);
		has_shift = sqlite3_column_type(stmt, col) != SQLITE_NULL;
		shift_init(&sh);
		if (has_shift) {
			col = store_calendar_shift(stmt, col, &ev, &sh);
			store_calendar_people(stmt, col, names, &sh, &people);
			if (filter != NULL && filter->volunteer_id != 0)
				store_calendar_self(stmt, col,
				    filter->volunteer_id, &people);
		}
		rc = fn(arg, &ev, has_shift ? &sh : NULL, &people, err);
		for (i = 0; i < people.len; i++)
			people.items[i].volunteer = NULL;	/* borrowed */
		assignment_list_free(&people);
		shift_fini(&sh);
		event_fini(&ev);
	}
	if (rc == 0 && step != SQLITE_DONE)
		rc = store_fail(st, step, err);
	sqlite3_reset(stmt);
	if (names == &own)
		store_calendar_names_free(&own);
	return rc;
}

int
store_calendar_names_keep(struct store *st, bool keep, struct err *err)
{
	if (st->names_kept != NULL) {
		store_calendar_names_free(st->names_kept);
		free(st->names_kept);
		st->names_kept = NULL;
	}
	if (!keep)
		return 0;
	st->names_kept = xcalloc(1, sizeof *st->names_kept);
	if (store_calendar_names_load(st, st->names_kept, true, err) < 0) {
		store_calendar_names_free(st->names_kept);
		free(st->names_kept);
		st->names_kept = NULL;
		return -1;
	}
	return 0;
}

int
store_calendar_feeds(struct store *st, struct store_feed **out, size_t *len,
    struct err *err)
{
	static const char sql[] = "SELECT v.id, v.name, v.feed_token "
	    "FROM volunteers v ORDER BY v.name_folded, v.id";
	sqlite3_stmt *stmt = store_stmt(st, sql, err);
	struct store_feed *v = NULL;
	size_t n = 0, cap = 0;
	int rc;

	*out = NULL;
	*len = 0;
	if (stmt == NULL)
		return -1;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 256;
			v = xreallocarray(v, cap, sizeof *v);
		}
		v[n].volunteer_id = sqlite3_column_int64(stmt, 0);
		v[n].name = store_col_text(stmt, 1);
		v[n].token = sqlite3_column_type(stmt, 2) == SQLITE_NULL ?
		    NULL : store_col_text(stmt, 2);
		n++;
	}
	sqlite3_reset(stmt);
	*out = v;
	*len = n;
	if (rc != SQLITE_DONE) {
		store_feed_free(v, n);
		*out = NULL;
		*len = 0;
		return store_fail(st, rc, err);
	}
	return 0;
}

void
store_feed_free(struct store_feed *v, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		free(v[i].name);
		free(v[i].token);
	}
	free(v);
}

int64_t
store_calendar_shift_by_uid(struct store *st, const char *uid,
    struct err *err)
{
	static const char sql[] = "SELECT id FROM shifts WHERE uid = ?1";

	return store_id_by_text(st, sql, uid, err);
}

int64_t
store_calendar_event_by_uid(struct store *st, const char *uid,
    struct err *err)
{
	static const char sql[] = "SELECT id FROM events WHERE uid = ?1";

	return store_id_by_text(st, sql, uid, err);
}

int
store_calendar_uid_find(struct store *st, const char *uid, int64_t *shift_id,
    int64_t *event_id, struct err *err)
{
	static const char sql[] = "SELECT (SELECT id FROM shifts "
	    "WHERE uid = ?1), (SELECT id FROM events WHERE uid = ?1)";
	sqlite3_stmt *stmt = store_query(st, err, sql, "t", uid);
	int rc;

	*shift_id = *event_id = 0;
	if (stmt == NULL)
		return -1;
	/* Always one row: NULL (0) where no such UID is. */
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		*shift_id = sqlite3_column_int64(stmt, 0);
		*event_id = sqlite3_column_int64(stmt, 1);
		rc = sqlite3_step(stmt);
	}
	return store_end(st, stmt, rc, err);
}

int
store_calendar_token_get(struct store *st, int64_t volunteer_id,
    char **token, struct err *err)
{
	static const char sql[] = "SELECT feed_token FROM volunteers "
	    "WHERE id = ?1";
	sqlite3_stmt *stmt = store_stmt(st, sql, err);
	int rc;

	*token = NULL;
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, volunteer_id);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW && sqlite3_column_type(stmt, 0) != SQLITE_NULL)
		*token = store_col_text(stmt, 0);
	sqlite3_reset(stmt);
	if (rc == SQLITE_DONE)
		return err_set(err, ERR_NOT_FOUND, _("volunteer %lld not found "
		    "(see 'rooster volunteer list')"), (long long)volunteer_id);
	return rc == SQLITE_ROW ? 0 : store_fail(st, rc, err);
}

int
store_calendar_token_set(struct store *st, int64_t volunteer_id,
    const char *token, struct err *err)
{
	static const char sql[] = "UPDATE volunteers SET feed_token = ?2 "
	    "WHERE id = ?1";
	sqlite3_stmt *stmt = store_stmt(st, sql, err);

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, volunteer_id);
	store_bind_text(stmt, 2, token);
	if (store_step_done(st, stmt, err) < 0)
		return -1;
	if (sqlite3_changes(st->db) == 0)
		return err_set(err, ERR_NOT_FOUND, _("volunteer %lld not found "
		    "(see 'rooster volunteer list')"), (long long)volunteer_id);
	return 0;
}

int
store_calendar_marks_top(struct store *st, int64_t *top, struct err *err)
{
	*top = 0;
	return store_int(st, err, top, "SELECT coalesce(max(seq), 0) "
	    "FROM feed_marks", "") < 0 ? -1 : 0;
}

/* Rows gathered by store_rows. */
struct store_calendar_ids {
	int64_t	*v;
	size_t	 len, cap;
};

struct store_calendar_notes {
	struct store_calendar_note *v;
	size_t	 len, cap;
};

/* store_rows: one id into the array at arg. */
static void
store_calendar_id_row(sqlite3_stmt *stmt, void *arg)
{
	struct store_calendar_ids *ids = arg;

	*(int64_t *)xarray_push(&ids->v, &ids->len, &ids->cap,
	    sizeof *ids->v) = sqlite3_column_int64(stmt, 0);
}

/* The first column of stmt's rows (store_query()'s) into *out. */
static int
store_calendar_id_list(struct store *st, sqlite3_stmt *stmt, int64_t **out,
    size_t *len, struct err *err)
{
	struct store_calendar_ids ids = { NULL, 0, 0 };

	*out = NULL;
	*len = 0;
	if (store_rows(st, stmt, store_calendar_id_row, &ids, err) < 0) {
		free(ids.v);
		return -1;
	}
	*out = ids.v;
	*len = ids.len;
	return 0;
}

int
store_calendar_marks_since(struct store *st, int64_t since, int64_t **out,
    size_t *len, bool *plan, struct err *err)
{
	/* A shift's people, and an event's shifts' people, see its change. */
	static const char sql[] = "SELECT id FROM feed_marks "
	    "WHERE seq > ?1 AND kind = 'v' "
	    "UNION SELECT a.volunteer_id FROM feed_marks m "
	    "JOIN assignments a ON a.shift_id = m.id "
	    "WHERE m.seq > ?1 AND m.kind = 's' "
	    "UNION SELECT a.volunteer_id FROM feed_marks m "
	    "JOIN shifts s ON s.event_id = m.id "
	    "JOIN assignments a ON a.shift_id = s.id "
	    "WHERE m.seq > ?1 AND m.kind = 'e' ORDER BY 1";
	int64_t any = 0;

	*out = NULL;
	*len = 0;
	*plan = false;
	if (store_int(st, err, &any, "SELECT EXISTS (SELECT 1 FROM "
	    "feed_marks WHERE seq > ?1 AND kind IN ('s', 'e', 'p'))", "i",
	    since) < 0)
		return -1;
	*plan = any != 0;
	return store_calendar_id_list(st, store_query(st, err, sql, "i",
	    since), out, len, err);
}

int
store_calendar_marks_events(struct store *st, int64_t since, int64_t **out,
    size_t *len, struct err *err)
{
	/* A changed occurrence changes its series' first row's VEVENTs. */
	static const char sql[] = "WITH c(id) AS (SELECT id FROM feed_marks "
	    "WHERE seq > ?1 AND kind IN ('e', 'p') "
	    "UNION SELECT s.event_id FROM feed_marks m "
	    "JOIN shifts s ON s.id = m.id WHERE m.seq > ?1 AND m.kind = 's') "
	    "SELECT id FROM c UNION SELECT e.series_id FROM c "
	    "JOIN events e ON e.id = c.id WHERE e.series_id > 0 ORDER BY 1";
	return store_calendar_id_list(st, store_query(st, err, sql, "i",
	    since), out, len, err);
}

int
store_calendar_event_order(struct store *st, int64_t **out, size_t *len,
    struct err *err)
{
	/* The order of store_calendar_each's walk of the plan. */
	return store_calendar_id_list(st, store_query(st, err, "SELECT id "
	    "FROM events ORDER BY start_at, id", ""), out, len, err);
}

int
store_calendar_by_volunteer(struct store *st, store_calendar_shifts_fn *fn,
    void *arg, struct err *err)
{
	/* The covering index assignments_volunteer, in its order. */
	sqlite3_stmt *stmt = store_query(st, err, "SELECT volunteer_id, "
	    "shift_id FROM assignments ORDER BY volunteer_id", "");
	int64_t *ids = NULL, vid = 0, next;
	size_t n = 0, cap = 0;
	int rc = 0, step = SQLITE_DONE;

	if (stmt == NULL)
		return -1;
	while (rc == 0 && (step = sqlite3_step(stmt)) == SQLITE_ROW) {
		next = sqlite3_column_int64(stmt, 0);
		if (n > 0 && next != vid) {
			rc = fn(arg, vid, ids, n, err);
			n = 0;
		}
		vid = next;
		*(int64_t *)xarray_push(&ids, &n, &cap, sizeof *ids) =
		    sqlite3_column_int64(stmt, 1);
	}
	if (rc == 0 && step == SQLITE_DONE && n > 0)
		rc = fn(arg, vid, ids, n, err);
	free(ids);
	if (rc < 0) {
		sqlite3_reset(stmt);
		return -1;
	}
	return store_end(st, stmt, step, err);
}

/* store_rows: one note into the list at arg. */
static void
store_calendar_note_row(sqlite3_stmt *stmt, void *arg)
{
	struct store_calendar_notes *notes = arg;
	struct store_calendar_note note = { sqlite3_column_int64(stmt, 0),
	    sqlite3_column_int64(stmt, 1), store_col_text(stmt, 2) };

	*(struct store_calendar_note *)xarray_push(&notes->v, &notes->len,
	    &notes->cap, sizeof note) = note;
}

/* By volunteer, then shift. */
static int
store_calendar_note_cmp(const void *pa, const void *pb)
{
	const struct store_calendar_note *a = pa, *b = pb;
	int c = (a->volunteer_id > b->volunteer_id) -
	    (a->volunteer_id < b->volunteer_id);

	return c != 0 ? c : (a->shift_id > b->shift_id) -
	    (a->shift_id < b->shift_id);
}

int
store_calendar_notes(struct store *st, struct store_calendar_note **out,
    size_t *len, struct err *err)
{
	struct store_calendar_notes notes = { NULL, 0, 0 };

	*out = NULL;
	*len = 0;
	/* The table read in its order (few have a note), then sorted. */
	if (store_rows(st, store_query(st, err, "SELECT volunteer_id, "
	    "shift_id, note FROM assignments NOT INDEXED WHERE note != ''",
	    ""), store_calendar_note_row, &notes, err) < 0) {
		store_calendar_notes_free(notes.v, notes.len);
		return -1;
	}
	xsort(notes.v, notes.len, sizeof *notes.v, store_calendar_note_cmp);
	*out = notes.v;
	*len = notes.len;
	return 0;
}

void
store_calendar_notes_free(struct store_calendar_note *v, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		free(v[i].note);
	free(v);
}
