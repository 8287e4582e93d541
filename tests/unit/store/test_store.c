/* SPDX-License-Identifier: ISC */
/*
 * Unit tests for src/store/: opening, migrating and refusing files, and
 * every query on both ":memory:" and a real file. A file that is not ours,
 * or is newer than this program, must be refused and left byte-identical;
 * tests/data/schema-v<N>.sql holds each released schema, and each one is
 * migrated to the latest here.
 */
#include "harness.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "rooster/model.h"
#include "rooster/store.h"

/* 'Roos', as store_migrate.c writes it. */
#define ROOSTER_APPLICATION_ID 1383034739

#define T_0327_1400 INT64_C(1806152400)
#define HOUR 3600

struct fixture {
	struct store	*st;
	char		 dir[64];	/* temp directory, "" for :memory: */
	char		 path[128];	/* the plan inside it */
};

/* ---- helpers ---------------------------------------------------------- */

static void
fixture_dir(struct fixture *fx)
{
	const char *tmp = getenv("TMPDIR");

	snprintf(fx->dir, sizeof fx->dir, "%s/rooster-test-XXXXXX",
	    tmp != NULL && *tmp != '\0' && strlen(tmp) < 30 ? tmp : "/tmp");
	if (mkdtemp(fx->dir) == NULL)
		fail_msg("mkdtemp: %s", strerror(errno));
	snprintf(fx->path, sizeof fx->path, "%s/plan.db", fx->dir);
}

/* A path in the fixture's directory. */
static void
fixture_file(const struct fixture *fx, const char *name, char *buf,
    size_t size)
{
	snprintf(buf, size, "%s/%s", fx->dir, name);
}

static int
setup_memory(void **state)
{
	struct fixture *fx = xcalloc(1, sizeof *fx);
	struct err err;

	if (store_open(":memory:", STORE_CREATE, &fx->st, &err) != 0) {
		fprintf(stderr, "store_open: %s\n", err.msg);
		free(fx);
		return -1;
	}
	*state = fx;
	return 0;
}

static int
setup_file(void **state)
{
	struct fixture *fx = xcalloc(1, sizeof *fx);
	struct err err;

	fixture_dir(fx);
	if (store_open(fx->path, STORE_CREATE, &fx->st, &err) != 0) {
		fprintf(stderr, "store_open: %s\n", err.msg);
		free(fx);
		return -1;
	}
	*state = fx;
	return 0;
}

/* A directory but no plan yet: for tests that open files themselves. */
static int
setup_dir(void **state)
{
	struct fixture *fx = xcalloc(1, sizeof *fx);

	fixture_dir(fx);
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *fx = *state;
	char cmd[128];

	store_close(fx->st);
	if (fx->dir[0] != '\0') {
		/* Only our mkdtemp directory, whose name we made. */
		snprintf(cmd, sizeof cmd, "rm -rf '%s'", fx->dir);
		if (system(cmd) != 0)
			return -1;
	}
	free(fx);
	return 0;
}

/* Whole contents of path into a new buffer; *len set. NULL if missing. */
static char *
slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf;
	long n;

	if (fp == NULL)
		return NULL;
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	buf = xmalloc((size_t)n + 1);
	*len = fread(buf, 1, (size_t)n, fp);
	buf[*len] = '\0';
	fclose(fp);
	return buf;
}

static void
spit(const char *path, const char *data, size_t len)
{
	FILE *fp = fopen(path, "wb");

	assert_non_null(fp);
	assert_int_equal(fwrite(data, 1, len, fp), len);
	assert_int_equal(fclose(fp), 0);
}

/* Run sql on path with the SQLite library directly (no rooster code). */
static void
raw_sql(const char *path, const char *sql)
{
	sqlite3 *db;
	char *msg = NULL;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", sql, msg);
	sqlite3_close(db);
}

/* One integer from sql on path, read directly. */
static int64_t
raw_int(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *stmt;
	int64_t v = -1;

	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY,
	    NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &stmt, NULL),
	    SQLITE_OK);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		v = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	sqlite3_close(db);
	return v;
}

/* store_open must refuse path with code and leave it byte-identical. */
static void
assert_refused_unchanged(const char *path, enum err_code code)
{
	struct store *st = (struct store *)&st;
	struct err err;
	char *before, *after, side[256];
	size_t n1, n2;

	before = slurp(path, &n1);
	assert_non_null(before);
	err_clear(&err);
	assert_int_equal(store_open(path, STORE_CREATE, &st, &err), -1);
	assert_null(st);
	assert_int_equal(err.code, code);
	assert_true(err.msg[0] != '\0');
	after = slurp(path, &n2);
	assert_non_null(after);
	assert_int_equal(n1, n2);
	if (memcmp(before, after, n1) != 0)
		fail_msg("%s was changed by a refused open", path);
	snprintf(side, sizeof side, "%s-wal", path);
	assert_int_equal(access(side, F_OK), -1);
	snprintf(side, sizeof side, "%s-journal", path);
	assert_int_equal(access(side, F_OK), -1);
	free(before);
	free(after);
}

static int64_t
add_event(struct store *st, const char *uid, const char *title,
    int64_t start, int hours)
{
	struct event ev;
	struct err err;
	int64_t id;

	event_init(&ev);
	ev.uid = xstrdup(uid);
	ev.title = xstrdup(title);
	ev.location = xstrdup("Buurthuis");
	ev.start = start;
	ev.end = start + hours * HOUR;
	if (store_event_insert(st, &ev, &err) != 0)
		fail_msg("event insert: %s", err.msg);
	id = ev.id;
	assert_true(id > 0);
	assert_true(ev.version == 1);
	event_fini(&ev);
	return id;
}

/* Insert a shift of event_id; returns its id. */
static int64_t
add_shift(struct store *st, int64_t event_id, const char *uid,
    const char *role, int64_t start, int needed)
{
	struct shift sh;
	struct err err;
	int64_t id;

	shift_init(&sh);
	sh.event_id = event_id;
	sh.uid = xstrdup(uid);
	sh.role = xstrdup(role);
	sh.start = start;
	sh.end = start + 2 * HOUR;
	sh.needed = needed;
	if (store_shift_insert(st, &sh, &err) != 0)
		fail_msg("shift insert: %s", err.msg);
	id = sh.id;
	shift_fini(&sh);
	return id;
}

static int64_t
add_volunteer(struct store *st, const char *name, const char *email,
    const char *skills)
{
	struct volunteer v;
	struct err err;
	int64_t id;

	volunteer_init(&v);
	v.name = xstrdup(name);
	v.email = xstrdup(email);
	v.skills = xstrdup(skills);
	if (store_volunteer_insert(st, &v, &err) != 0)
		fail_msg("volunteer insert: %s", err.msg);
	id = v.id;
	volunteer_fini(&v);
	return id;
}

static void
add_assignment(struct store *st, int64_t shift_id, int64_t volunteer_id,
    enum assignment_status status)
{
	struct assignment a;
	struct err err;

	assignment_init(&a);
	a.shift_id = shift_id;
	a.volunteer_id = volunteer_id;
	a.status = status;
	if (store_assignment_insert(st, &a, &err) != 0)
		fail_msg("assignment insert: %s", err.msg);
	assert_true(a.id > 0);
}

/* ---- tests on both :memory: and a file -------------------------------- */

/* int store_schema_version(struct store *st); int store_schema_latest(void) */
static void
test_schema(void **state)
{
	struct fixture *fx = *state;

	assert_true(store_schema_latest() >= 1);
	assert_int_equal(store_schema_version(fx->st), store_schema_latest());
	assert_false(store_is_readonly(fx->st));
	assert_string_equal(store_path(fx->st),
	    fx->dir[0] != '\0' ? fx->path : ":memory:");
}

/* Assert ev's four derived staffing numbers. */
static void
assert_staffing(const struct event *ev, int needed, int assigned,
    int short_by, int over)
{
	assert_int_equal(ev->needed, needed);
	assert_int_equal(ev->assigned, assigned);
	assert_int_equal(ev->short_by, short_by);
	assert_int_equal(ev->over, over);
}

/*
 * The staffing numbers every reader of events derives (get, list forwards
 * and backwards, a series' occurrences, the gaps filter): needed, counting
 * assignments (not declined or offered), short summed per shift (an over
 * shift does not make up for a short one), over shifts.
 */
static void
test_event_staffing(void **state)
{
	struct fixture *fx = *state;
	struct event_list list = { 0 };
	struct store_range r;
	struct event ev;
	struct err err;
	int64_t e1, e2, e3, e4, s, v[5];
	int i;

	e1 = add_event(fx->st, "st1@t", "Mixed", T_0327_1400, 2);
	e2 = add_event(fx->st, "st2@t", "Empty", T_0327_1400 + 24 * HOUR, 2);
	e3 = add_event(fx->st, "st3@t", "Over", T_0327_1400 + 48 * HOUR, 2);
	e4 = add_event(fx->st, "st4@t", "Zero", T_0327_1400 + 72 * HOUR, 2);
	for (i = 0; i < 5; i++)
		v[i] = add_volunteer(fx->st, i == 0 ? "A" : i == 1 ? "B" :
		    i == 2 ? "C" : i == 3 ? "D" : "E", "", "");
	/* e1: short by 2 (1 of 3 counts), over by 1 (2 of 1), 0 of 0. */
	s = add_shift(fx->st, e1, "st1a@t", "tolk", T_0327_1400, 3);
	add_assignment(fx->st, s, v[0], ASSIGNMENT_ACCEPTED);
	add_assignment(fx->st, s, v[1], ASSIGNMENT_DECLINED);
	add_assignment(fx->st, s, v[2], ASSIGNMENT_OFFERED);
	s = add_shift(fx->st, e1, "st1b@t", "gastheer", T_0327_1400, 1);
	add_assignment(fx->st, s, v[3], ASSIGNMENT_PLANNED);
	add_assignment(fx->st, s, v[4], ASSIGNMENT_TENTATIVE);
	add_shift(fx->st, e1, "st1c@t", "reserve", T_0327_1400, 0);
	/* e3: two shifts over, none short. */
	for (i = 0; i < 2; i++) {
		s = add_shift(fx->st, e3, i ? "st3b@t" : "st3a@t", "tolk",
		    T_0327_1400 + 48 * HOUR, 1);
		add_assignment(fx->st, s, v[0], ASSIGNMENT_INVITED);
		add_assignment(fx->st, s, v[1], ASSIGNMENT_ACCEPTED);
	}
	/* e4: one shift needing nobody, nobody on it. */
	add_shift(fx->st, e4, "st4a@t", "reserve", T_0327_1400 + 72 * HOUR,
	    0);

	assert_int_equal(store_event_get(fx->st, e1, &ev, &err), 0);
	assert_staffing(&ev, 4, 3, 2, 1);
	event_fini(&ev);
	assert_int_equal(store_event_get(fx->st, e2, &ev, &err), 0);
	assert_staffing(&ev, 0, 0, 0, 0);
	event_fini(&ev);

	memset(&r, 0, sizeof r);
	assert_int_equal(store_event_list(fx->st, &r, &list, &err), 0);
	assert_int_equal(list.len, 4);
	assert_staffing(&list.items[0], 4, 3, 2, 1);
	assert_staffing(&list.items[1], 0, 0, 0, 0);
	assert_staffing(&list.items[2], 2, 4, 0, 2);
	assert_staffing(&list.items[3], 0, 0, 0, 0);
	event_list_free(&list);

	/* The screen's G: the last page, read backwards. */
	r.backwards = true;
	r.limit = 3;
	assert_int_equal(store_event_list(fx->st, &r, &list, &err), 0);
	assert_int_equal(list.len, 3);
	assert_true(list.items[0].id == e2 && list.items[2].id == e4);
	assert_staffing(&list.items[0], 0, 0, 0, 0);
	assert_staffing(&list.items[1], 2, 4, 0, 2);
	assert_staffing(&list.items[2], 0, 0, 0, 0);
	event_list_free(&list);

	/* Gaps: only e1 is short; e3's extra people make up for nothing. */
	memset(&r, 0, sizeof r);
	r.gaps_only = true;
	assert_int_equal(store_event_list(fx->st, &r, &list, &err), 0);
	assert_int_equal(list.len, 1);
	assert_true(list.items[0].id == e1);
	assert_staffing(&list.items[0], 4, 3, 2, 1);
	event_list_free(&list);

	/* A series' occurrences count the same way. */
	assert_int_equal(store_event_get(fx->st, e3, &ev, &err), 0);
	ev.series_id = e1;
	ev.occurrence_start = ev.start;
	assert_int_equal(store_event_update(fx->st, &ev, &err), 0);
	event_fini(&ev);
	assert_int_equal(store_event_list_series(fx->st, e1, &list, &err), 0);
	assert_int_equal(list.len, 1);
	assert_true(list.items[0].id == e3);
	assert_staffing(&list.items[0], 2, 4, 0, 2);
	event_list_free(&list);
}

/* int store_event_insert/get/update/delete(struct store *st, ...) */
static void
test_event_crud(void **state)
{
	struct fixture *fx = *state;
	struct event ev, got;
	struct err err;
	int64_t id;

	event_init(&ev);
	ev.uid = xstrdup("ev-1@rooster.test");
	ev.title = xstrdup("Taalcaf\xc3\xa9 "
	    "\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7");
	ev.description = xstrdup("line one\nline two");
	ev.start = T_0327_1400;
	ev.end = T_0327_1400 + 3 * HOUR;
	ev.status = EVENT_TENTATIVE;
	ev.languages = xstrdup("ar,nl");
	assert_int_equal(store_event_insert(fx->st, &ev, &err), 0);
	assert_true(ev.id > 0);
	assert_true(ev.version == 1);
	id = ev.id;

	assert_int_equal(store_event_get(fx->st, id, &got, &err), 0);
	assert_true(got.id == id);
	assert_string_equal(got.uid, ev.uid);
	assert_string_equal(got.title, ev.title);
	assert_string_equal(got.description, "line one\nline two");
	assert_string_equal(got.location, "");	/* NULL stored as "" */
	assert_null(got.rrule);			/* NULL stays NULL */
	assert_true(got.start == ev.start && got.end == ev.end);
	assert_int_equal(got.status, EVENT_TENTATIVE);
	assert_string_equal(got.languages, "ar,nl");
	assert_true(got.version == 1);
	assert_int_equal(got.needed, 0);
	assert_int_equal(got.assigned, 0);
	event_fini(&got);

	/* Update bumps the version in the row and in the struct. */
	free(ev.title);
	ev.title = xstrdup("Taalcafe (verplaatst)");
	ev.rrule = xstrdup("FREQ=WEEKLY;COUNT=4");
	ev.status = EVENT_CONFIRMED;
	assert_int_equal(store_event_update(fx->st, &ev, &err), 0);
	assert_true(ev.version == 2);
	assert_int_equal(store_event_update(fx->st, &ev, &err), 0);
	assert_true(ev.version == 3);
	assert_int_equal(store_event_get(fx->st, id, &got, &err), 0);
	assert_true(got.version == 3);
	assert_string_equal(got.title, "Taalcafe (verplaatst)");
	assert_string_equal(got.rrule, "FREQ=WEEKLY;COUNT=4");
	assert_int_equal(got.status, EVENT_CONFIRMED);
	event_fini(&got);

	/* Unknown ids. */
	ev.id = id + 100;
	assert_err(store_event_update(fx->st, &ev, &err), err, ERR_NOT_FOUND);
	assert_contains(err.msg, "not found");
	assert_err(store_event_get(fx->st, id + 100, &got, &err), err,
	    ERR_NOT_FOUND);
	assert_null(got.title);
	event_fini(&got);
	assert_err(store_event_delete(fx->st, id + 100, &err), err,
	    ERR_NOT_FOUND);

	/* Delete, then it is gone. */
	assert_int_equal(store_event_delete(fx->st, id, &err), 0);
	assert_err(store_event_get(fx->st, id, &got, &err), err,
	    ERR_NOT_FOUND);
	event_fini(&got);
	assert_err(store_event_delete(fx->st, id, &err), err, ERR_NOT_FOUND);
	event_fini(&ev);
}

/* int store_event_insert(...): the schema is the second line of defence */
static void
test_event_constraints(void **state)
{
	struct fixture *fx = *state;
	struct event_list list = { 0 };
	struct store_range all = { 0 };
	struct event ev;
	struct err err;

	add_event(fx->st, "dup@rooster.test", "Eerste", T_0327_1400, 2);
	event_init(&ev);
	ev.uid = xstrdup("dup@rooster.test");
	ev.title = xstrdup("Tweede");
	ev.start = T_0327_1400;
	ev.end = T_0327_1400 + HOUR;
	assert_err(store_event_insert(fx->st, &ev, &err), err, ERR_CONFLICT);
	free(ev.uid);
	ev.uid = xstrdup("other@rooster.test");
	ev.end = ev.start;
	assert_err(store_event_insert(fx->st, &ev, &err), err, ERR_CONFLICT);
	ev.end = ev.start + HOUR;
	free(ev.title);
	ev.title = xstrdup("   ");
	assert_err(store_event_insert(fx->st, &ev, &err), err, ERR_CONFLICT);
	event_fini(&ev);
	assert_int_equal(store_event_list(fx->st, &all, &list, &err), 0);
	assert_int_equal(list.len, 1);
	event_list_free(&list);
}

/*
 * int store_event_list(struct store *st, const struct store_range *range, ...)
 */
static void
test_event_list(void **state)
{
	struct fixture *fx = *state;
	struct event_list list = { 0 };
	struct store_range r;
	struct err err;
	int64_t e1, e2, e3, e4, s1, s3, v;

	/* Inserted out of order; listed by start. */
	e2 = add_event(fx->st, "e2@t", "Kookclub", T_0327_1400 + 24 * HOUR, 2);
	e1 = add_event(fx->st, "e1@t", "Taalcafe", T_0327_1400, 3);
	e3 = add_event(fx->st, "e3@t", "Huiswerkklas", T_0327_1400 + 48 * HOUR,
	    2);
	e4 = add_event(fx->st, "e4@t", "Geannuleerd", T_0327_1400 + 72 * HOUR,
	    2);
	v = add_volunteer(fx->st, "Ana", "", "");
	s1 = add_shift(fx->st, e1, "s1@t", "tolk", T_0327_1400, 2);
	add_shift(fx->st, e1, "s1b@t", "algemeen", T_0327_1400, 1);
	add_assignment(fx->st, s1, v, ASSIGNMENT_ACCEPTED);
	s3 = add_shift(fx->st, e3, "s3@t", "begeleider", T_0327_1400 +
	    48 * HOUR, 1);
	add_assignment(fx->st, s3, v, ASSIGNMENT_INVITED);
	add_shift(fx->st, e4, "s4@t", "tolk", T_0327_1400 + 72 * HOUR, 3);
	{
		struct event ev;

		assert_int_equal(store_event_get(fx->st, e4, &ev, &err), 0);
		ev.status = EVENT_CANCELLED;
		assert_int_equal(store_event_update(fx->st, &ev, &err), 0);
		event_fini(&ev);
	}

	memset(&r, 0, sizeof r);
	assert_int_equal(store_event_list(fx->st, &r, &list, &err), 0);
	assert_int_equal(list.len, 4);
	assert_true(list.items[0].id == e1 && list.items[1].id == e2 &&
	    list.items[2].id == e3 && list.items[3].id == e4);
	/* Staffing is derived: e1 needs 3, has 1. */
	assert_int_equal(list.items[0].needed, 3);
	assert_int_equal(list.items[0].assigned, 1);
	event_list_free(&list);

	/* from is inclusive, to exclusive. */
	r.from = T_0327_1400 + 24 * HOUR;
	r.to = T_0327_1400 + 48 * HOUR;
	assert_int_equal(store_event_list(fx->st, &r, &list, &err), 0);
	assert_int_equal(list.len, 1);
	assert_true(list.items[0].id == e2);
	event_list_free(&list);

	/* Search: substring of title or location, any case. */
	memset(&r, 0, sizeof r);
	r.search = "CAFE";
	assert_int_equal(store_event_list(fx->st, &r, &list, &err), 0);
	assert_int_equal(list.len, 1);
	assert_true(list.items[0].id == e1);
	event_list_free(&list);
	r.search = "buurthuis";
	assert_int_equal(store_event_list(fx->st, &r, &list, &err), 0);
	assert_int_equal(list.len, 4);
	event_list_free(&list);
	r.search = "%";		/* no LIKE wildcards */
	assert_int_equal(store_event_list(fx->st, &r, &list, &err), 0);
	assert_int_equal(list.len, 0);
	event_list_free(&list);

	/* Gaps: e1 is short, e3 is full, e2 has no shifts, e4 cancelled. */
	memset(&r, 0, sizeof r);
	r.gaps_only = true;
	assert_int_equal(store_event_list(fx->st, &r, &list, &err), 0);
	assert_int_equal(list.len, 1);
	assert_true(list.items[0].id == e1);
	event_list_free(&list);

	/* Limit. */
	memset(&r, 0, sizeof r);
	r.limit = 2;
	assert_int_equal(store_event_list(fx->st, &r, &list, &err), 0);
	assert_int_equal(list.len, 2);
	/* A list appends. */
	assert_int_equal(store_event_list(fx->st, &r, &list, &err), 0);
	assert_int_equal(list.len, 4);
	event_list_free(&list);

	/* Backwards: the last two, still in start order, appended too. */
	r.backwards = true;
	assert_int_equal(store_event_list(fx->st, &r, &list, &err), 0);
	assert_int_equal(list.len, 2);
	assert_true(list.items[0].id == e3 && list.items[1].id == e4);
	r.limit = 3;
	assert_int_equal(store_event_list(fx->st, &r, &list, &err), 0);
	assert_int_equal(list.len, 5);
	assert_true(list.items[2].id == e2 && list.items[3].id == e3 &&
	    list.items[4].id == e4);
	event_list_free(&list);
}

/* int store_shift_insert/get/update/delete(struct store *st, ...) */
static void
test_shift_crud(void **state)
{
	struct fixture *fx = *state;
	struct shift_list list = { 0 };
	struct shift sh, got;
	struct err err;
	int64_t e, id;

	e = add_event(fx->st, "e@t", "Taalcafe", T_0327_1400, 4);
	shift_init(&sh);
	sh.event_id = e;
	sh.uid = xstrdup("s@t");
	sh.role = xstrdup("tolk");
	sh.language = xstrdup("ti");
	sh.start = T_0327_1400;
	sh.end = T_0327_1400 + 2 * HOUR;
	sh.needed = 2;
	assert_int_equal(store_shift_insert(fx->st, &sh, &err), 0);
	assert_true(sh.id > 0 && sh.version == 1);
	id = sh.id;
	assert_int_equal(store_shift_get(fx->st, id, &got, &err), 0);
	assert_string_equal(got.role, "tolk");
	assert_string_equal(got.language, "ti");
	assert_string_equal(got.event_title, "Taalcafe");
	assert_string_equal(got.event_location, "Buurthuis");
	assert_int_equal(got.event_status, EVENT_CONFIRMED);
	assert_int_equal(got.needed, 2);
	assert_int_equal(got.assigned, 0);
	assert_true(got.event_id == e);
	shift_fini(&got);

	sh.needed = 3;
	assert_int_equal(store_shift_update(fx->st, &sh, &err), 0);
	assert_true(sh.version == 2);
	assert_int_equal(store_shift_get(fx->st, id, &got, &err), 0);
	assert_int_equal(got.needed, 3);
	assert_true(got.version == 2);
	shift_fini(&got);

	/* An event that does not exist: refused, nothing written. */
	free(sh.uid);
	sh.uid = xstrdup("s2@t");
	sh.event_id = e + 100;
	assert_int_equal(store_shift_insert(fx->st, &sh, &err), -1);
	assert_int_equal(store_shift_list_event(fx->st, e + 100, &list, &err),
	    0);
	assert_int_equal(list.len, 0);

	sh.id = id + 100;
	sh.event_id = e;
	assert_err(store_shift_update(fx->st, &sh, &err), err, ERR_NOT_FOUND);
	assert_err(store_shift_get(fx->st, id + 100, &got, &err), err,
	    ERR_NOT_FOUND);
	shift_fini(&got);
	assert_err(store_shift_delete(fx->st, id + 100, &err), err,
	    ERR_NOT_FOUND);
	assert_int_equal(store_shift_delete(fx->st, id, &err), 0);
	assert_err(store_shift_get(fx->st, id, &got, &err), err,
	    ERR_NOT_FOUND);
	shift_fini(&got);
	shift_fini(&sh);
}

/* int store_shift_list_event(...); int store_shift_list_range(...) */
static void
test_shift_list(void **state)
{
	struct fixture *fx = *state;
	struct shift_list list = { 0 };
	struct store_range r;
	struct event ev;
	struct err err;
	int64_t e1, e2, a, b, c, d, v;

	e1 = add_event(fx->st, "e1@t", "Taalcafe", T_0327_1400, 6);
	e2 = add_event(fx->st, "e2@t", "Kookclub", T_0327_1400 + 24 * HOUR, 6);
	c = add_shift(fx->st, e1, "c@t", "tolk", T_0327_1400 + 2 * HOUR, 1);
	b = add_shift(fx->st, e1, "b@t", "tolk", T_0327_1400, 1);
	a = add_shift(fx->st, e1, "a@t", "begeleider", T_0327_1400, 2);
	d = add_shift(fx->st, e2, "d@t", "kok", T_0327_1400 + 24 * HOUR, 1);
	v = add_volunteer(fx->st, "Ana", "", "");
	add_assignment(fx->st, b, v, ASSIGNMENT_ACCEPTED);
	add_assignment(fx->st, a, v, ASSIGNMENT_DECLINED);

	/* By start, then role. */
	assert_int_equal(store_shift_list_event(fx->st, e1, &list, &err), 0);
	assert_int_equal(list.len, 3);
	assert_true(list.items[0].id == a && list.items[1].id == b &&
	    list.items[2].id == c);
	/* Declined does not count as staffing. */
	assert_int_equal(list.items[0].assigned, 0);
	assert_int_equal(list.items[1].assigned, 1);
	shift_list_free(&list);

	memset(&r, 0, sizeof r);
	assert_int_equal(store_shift_list_range(fx->st, &r, &list, &err), 0);
	assert_int_equal(list.len, 4);
	assert_true(list.items[3].id == d);
	shift_list_free(&list);
	r.from = T_0327_1400 + HOUR;
	r.to = T_0327_1400 + 24 * HOUR + 1;
	assert_int_equal(store_shift_list_range(fx->st, &r, &list, &err), 0);
	assert_int_equal(list.len, 2);
	assert_true(list.items[0].id == c && list.items[1].id == d);
	shift_list_free(&list);

	/* Gaps only: a (0 of 2), c (0 of 1), d (0 of 1); b is full. */
	memset(&r, 0, sizeof r);
	r.gaps_only = true;
	assert_int_equal(store_shift_list_range(fx->st, &r, &list, &err), 0);
	assert_int_equal(list.len, 3);
	shift_list_free(&list);

	/* Shifts of a cancelled event are not in the range list. */
	assert_int_equal(store_event_get(fx->st, e2, &ev, &err), 0);
	ev.status = EVENT_CANCELLED;
	assert_int_equal(store_event_update(fx->st, &ev, &err), 0);
	event_fini(&ev);
	memset(&r, 0, sizeof r);
	assert_int_equal(store_shift_list_range(fx->st, &r, &list, &err), 0);
	assert_int_equal(list.len, 3);
	shift_list_free(&list);
	/* But still among the event's own shifts. */
	assert_int_equal(store_shift_list_event(fx->st, e2, &list, &err), 0);
	assert_int_equal(list.len, 1);
	assert_int_equal(list.items[0].event_status, EVENT_CANCELLED);
	shift_list_free(&list);
}

/*
 * int store_volunteer_insert/get/update/delete(...)
 * int64_t store_volunteer_find_email(...)
 */
static void
test_volunteer_crud(void **state)
{
	struct fixture *fx = *state;
	struct volunteer v, got;
	struct err err;
	int64_t id;

	volunteer_init(&v);
	v.name = xstrdup("\xc3\x8blla van D\xc4\xb3k");
	v.email = xstrdup("Ella@Example.org");
	v.skills = xstrdup("ehbo,tolk");
	v.languages = xstrdup("nl,ti");
	v.max_per_month = 4;
	v.active = false;
	assert_int_equal(store_volunteer_insert(fx->st, &v, &err), 0);
	assert_true(v.id > 0 && v.version == 1);
	id = v.id;
	assert_int_equal(store_volunteer_get(fx->st, id, &got, &err), 0);
	assert_string_equal(got.name, v.name);
	assert_string_equal(got.email, "Ella@Example.org");
	assert_string_equal(got.phone, "");
	assert_string_equal(got.skills, "ehbo,tolk");
	assert_string_equal(got.languages, "nl,ti");
	assert_int_equal(got.max_per_month, 4);
	assert_false(got.active);
	assert_int_equal(got.shifts_this_month, 0);
	volunteer_fini(&got);

	assert_true(store_volunteer_find_email(fx->st, "ella@example.ORG",
	    &err) == id);
	assert_true(store_volunteer_find_email(fx->st, "bob@example.org",
	    &err) == 0);
	assert_true(store_volunteer_find_email(fx->st, "", &err) == 0);

	v.active = true;
	free(v.phone);
	v.phone = xstrdup("+31 6 1234 5678");
	assert_int_equal(store_volunteer_update(fx->st, &v, &err), 0);
	assert_true(v.version == 2);
	assert_int_equal(store_volunteer_get(fx->st, id, &got, &err), 0);
	assert_true(got.active);
	assert_string_equal(got.phone, "+31 6 1234 5678");
	assert_true(got.version == 2);
	volunteer_fini(&got);

	v.id = id + 100;
	assert_err(store_volunteer_update(fx->st, &v, &err), err,
	    ERR_NOT_FOUND);
	assert_err(store_volunteer_get(fx->st, id + 100, &got, &err), err,
	    ERR_NOT_FOUND);
	volunteer_fini(&got);
	assert_err(store_volunteer_delete(fx->st, id + 100, &err), err,
	    ERR_NOT_FOUND);
	assert_int_equal(store_volunteer_delete(fx->st, id, &err), 0);
	assert_err(store_volunteer_get(fx->st, id, &got, &err), err,
	    ERR_NOT_FOUND);
	volunteer_fini(&got);
	volunteer_fini(&v);
}

/*
 * int store_volunteer_list(struct store *st, const char *search, const char
 *     *skill, ...)
 */
static void
test_volunteer_list(void **state)
{
	struct fixture *fx = *state;
	struct volunteer_list list = { 0 };
	struct err err;
	int64_t ana, bob, cem;

	bob = add_volunteer(fx->st, "bob Jansen", "bob@example.org", "tolken");
	ana = add_volunteer(fx->st, "Ana de Vries", "ana@example.org",
	    "ehbo,tolk");
	cem = add_volunteer(fx->st, "Cem", "cem@mail.example.nl", "Tolk");

	/* By name, any case. */
	assert_int_equal(store_volunteer_list(fx->st, NULL, NULL, &list, &err),
	    0);
	assert_int_equal(list.len, 3);
	assert_true(list.items[0].id == ana && list.items[1].id == bob &&
	    list.items[2].id == cem);
	volunteer_list_free(&list);

	/* Search matches name or e-mail. */
	assert_int_equal(store_volunteer_list(fx->st, "JANSEN", NULL, &list,
	    &err), 0);
	assert_int_equal(list.len, 1);
	assert_true(list.items[0].id == bob);
	volunteer_list_free(&list);
	assert_int_equal(store_volunteer_list(fx->st, "mail.example", NULL,
	    &list, &err), 0);
	assert_int_equal(list.len, 1);
	assert_true(list.items[0].id == cem);
	volunteer_list_free(&list);

	/* Skill is one whole item, any case: not "tolken". */
	assert_int_equal(store_volunteer_list(fx->st, NULL, "tolk", &list,
	    &err), 0);
	assert_int_equal(list.len, 2);
	assert_true(list.items[0].id == ana && list.items[1].id == cem);
	volunteer_list_free(&list);
	assert_int_equal(store_volunteer_list(fx->st, NULL, "ehbo", &list,
	    &err), 0);
	assert_int_equal(list.len, 1);
	volunteer_list_free(&list);
	assert_int_equal(store_volunteer_list(fx->st, NULL, "tol", &list,
	    &err), 0);
	assert_int_equal(list.len, 0);
	volunteer_list_free(&list);
	assert_int_equal(store_volunteer_list(fx->st, "ana", "tolk", &list,
	    &err), 0);
	assert_int_equal(list.len, 1);
	volunteer_list_free(&list);
}

/* int store_unavailable_insert(...); int store_unavailable_list(...) */
static void
test_unavailable(void **state)
{
	struct fixture *fx = *state;
	struct unavailable_list list = { 0 };
	struct unavailable u;
	struct err err;
	char reason[] = "vakantie";
	int64_t v, w;

	v = add_volunteer(fx->st, "Ana", "", "");
	w = add_volunteer(fx->st, "Bob", "", "");
	memset(&u, 0, sizeof u);
	u.volunteer_id = v;
	u.start = T_0327_1400 + 48 * HOUR;
	u.end = u.start + HOUR;
	u.reason = reason;
	assert_int_equal(store_unavailable_insert(fx->st, &u, &err), 0);
	assert_true(u.id > 0);
	u.start = T_0327_1400;
	u.end = u.start + HOUR;
	u.reason = NULL;
	assert_int_equal(store_unavailable_insert(fx->st, &u, &err), 0);
	u.volunteer_id = w;
	assert_int_equal(store_unavailable_insert(fx->st, &u, &err), 0);
	/* end before start is refused by the schema. */
	u.end = u.start;
	assert_int_equal(store_unavailable_insert(fx->st, &u, &err), -1);

	assert_int_equal(store_unavailable_list(fx->st, v, &list, &err), 0);
	assert_int_equal(list.len, 2);
	assert_true(list.items[0].start == T_0327_1400);
	assert_string_equal(list.items[0].reason, "");
	assert_string_equal(list.items[1].reason, "vakantie");
	assert_true(list.items[1].volunteer_id == v);
	unavailable_list_free(&list);
}

/*
 * int store_assignment_list_range(...) with people_only: sorted in C, in
 * the order SQLite gives the full rows (start, event title, role, name
 * folded, volunteer id), a volunteer on two alike shifts by shift id,
 * and range->limit applied after the order.
 */
static void
test_assignment_people_order(void **state)
{
	struct fixture *fx = *state;
	struct assignment_list full = { 0 }, lean = { 0 };
	struct store_range r;
	struct err err;
	int64_t e1, e2, s[5], v[4];
	size_t i;

	e1 = add_event(fx->st, "o1@t", "Taalcafe", T_0327_1400, 6);
	e2 = add_event(fx->st, "o2@t", "Koffie", T_0327_1400, 6);
	s[0] = add_shift(fx->st, e1, "o-s0@t", "tolk", T_0327_1400, 4);
	s[1] = add_shift(fx->st, e1, "o-s1@t", "gastheer", T_0327_1400, 4);
	s[2] = add_shift(fx->st, e2, "o-s2@t", "tolk", T_0327_1400, 4);
	s[3] = add_shift(fx->st, e1, "o-s3@t", "tolk", T_0327_1400 - HOUR, 4);
	s[4] = add_shift(fx->st, e1, "o-s4@t", "tolk", T_0327_1400, 4);
	v[0] = add_volunteer(fx->st, "Zo\xc3\xab", "", "");
	v[1] = add_volunteer(fx->st, "\xc3\x89mile", "", "");
	v[2] = add_volunteer(fx->st, "emile", "", "");
	v[3] = add_volunteer(fx->st, "Ana", "", "");
	for (i = 0; i < 4; i++) {
		add_assignment(fx->st, s[0], v[i], ASSIGNMENT_ACCEPTED);
		add_assignment(fx->st, s[2], v[3 - i], ASSIGNMENT_PLANNED);
	}
	add_assignment(fx->st, s[1], v[0], ASSIGNMENT_DECLINED);
	add_assignment(fx->st, s[3], v[2], ASSIGNMENT_INVITED);
	add_assignment(fx->st, s[4], v[1], ASSIGNMENT_ACCEPTED);

	memset(&r, 0, sizeof r);
	assert_int_equal(store_assignment_list_range(fx->st, &r, &full, &err),
	    0);
	r.people_only = true;
	assert_int_equal(store_assignment_list_range(fx->st, &r, &lean, &err),
	    0);
	assert_int_equal(full.len, 11);
	assert_int_equal(lean.len, full.len);
	for (i = 0; i < full.len; i++) {
		assert_true(lean.items[i].id == full.items[i].id);
		assert_int_equal(lean.items[i].status, full.items[i].status);
	}
	/* The hour before first; Koffie before Taalcafe; gastheer, tolk. */
	assert_true(lean.items[0].shift_id == s[3]);
	assert_true(lean.items[1].shift_id == s[2] &&
	    lean.items[1].volunteer_id == v[3]);
	assert_true(lean.items[5].shift_id == s[1]);
	/* Émile and emile fold alike: by id; Émile's two tolk shifts by id. */
	assert_true(lean.items[7].volunteer_id == v[1] &&
	    lean.items[7].shift_id == s[0]);
	assert_true(lean.items[8].volunteer_id == v[1] &&
	    lean.items[8].shift_id == s[4]);
	assert_true(lean.items[9].volunteer_id == v[2]);
	assert_true(lean.items[10].volunteer_id == v[0]);
	assignment_list_free(&lean);
	/* A limit takes the first in that order. */
	r.limit = 3;
	assert_int_equal(store_assignment_list_range(fx->st, &r, &lean, &err),
	    0);
	assert_int_equal(lean.len, 3);
	for (i = 0; i < lean.len; i++)
		assert_true(lean.items[i].id == full.items[i].id);
	assignment_list_free(&lean);
	/* After what the list held already. */
	assignment_list_push(&lean)->id = -1;
	r.limit = 0;
	assert_int_equal(store_assignment_list_range(fx->st, &r, &lean, &err),
	    0);
	assert_int_equal(lean.len, full.len + 1);
	assert_true(lean.items[0].id == -1);
	for (i = 0; i < full.len; i++)
		assert_true(lean.items[i + 1].id == full.items[i].id);
	assignment_list_free(&lean);
	assignment_list_free(&full);
}

/* int store_assignment_insert/get/delete/set_status/set_attendance(...) */
static void
test_assignment(void **state)
{
	struct fixture *fx = *state;
	struct assignment a, got;
	struct assignment_list list = { 0 }, lean = { 0 };
	struct store_range r;
	struct shift sh;
	struct err err;
	int64_t e, s1, s2, s3, s4, s5, ana, bob;
	bool forced = false, attended = false;
	size_t i;

	e = add_event(fx->st, "e@t", "Taalcafe", T_0327_1400, 6);
	s1 = add_shift(fx->st, e, "s1@t", "tolk", T_0327_1400, 2);
	s2 = add_shift(fx->st, e, "s2@t", "begeleider", T_0327_1400 + 3 * HOUR,
	    1);
	ana = add_volunteer(fx->st, "Ana", "", "tolk");
	bob = add_volunteer(fx->st, "Bob", "", "");

	assignment_init(&a);
	a.shift_id = s1;
	a.volunteer_id = ana;
	a.status = ASSIGNMENT_INVITED;
	a.forced = true;
	assert_int_equal(store_assignment_insert(fx->st, &a, &err), 0);
	assert_true(a.id > 0);
	/* The same volunteer on the same shift twice. */
	assert_err(store_assignment_insert(fx->st, &a, &err), err,
	    ERR_CONFLICT);
	assert_contains(err.msg, "already");
	/* Unknown shift or volunteer: refused. */
	a.shift_id = s1 + 100;
	assert_int_equal(store_assignment_insert(fx->st, &a, &err), -1);
	a.shift_id = s1;
	a.volunteer_id = bob + 100;
	assert_int_equal(store_assignment_insert(fx->st, &a, &err), -1);
	add_assignment(fx->st, s1, bob, ASSIGNMENT_PLANNED);
	add_assignment(fx->st, s2, ana, ASSIGNMENT_ACCEPTED);

	assert_int_equal(store_assignment_get(fx->st, s1, ana, &got, &err), 0);
	assert_int_equal(got.status, ASSIGNMENT_INVITED);
	assert_true(got.forced);
	assert_string_equal(got.volunteer, "Ana");
	assert_string_equal(got.role, "tolk");
	assert_string_equal(got.event_title, "Taalcafe");
	assert_true(got.start == T_0327_1400);
	assert_true(got.end == T_0327_1400 + 2 * HOUR);
	assert_int_equal(got.attendance, ATTENDANCE_UNKNOWN);
	assignment_fini(&got);

	assert_int_equal(store_assignment_set_status(fx->st, s1, ana,
	    ASSIGNMENT_DECLINED, &err), 0);
	assert_int_equal(store_assignment_set_attendance(fx->st, s2, ana,
	    ATTENDANCE_ATTENDED, 2.5, &err), 0);
	assert_int_equal(store_assignment_set_attendance(fx->st, s1, bob,
	    ATTENDANCE_NO_SHOW, 0, &err), 0);
	assert_int_equal(store_assignment_get(fx->st, s2, ana, &got, &err), 0);
	assert_int_equal(got.attendance, ATTENDANCE_ATTENDED);
	assert_true(got.hours > 2.49 && got.hours < 2.51);
	assignment_fini(&got);
	assert_int_equal(store_assignment_get(fx->st, s1, bob, &got, &err), 0);
	assert_int_equal(got.attendance, ATTENDANCE_NO_SHOW);
	assignment_fini(&got);

	/* Declined no longer counts towards the shift. */
	assert_int_equal(store_shift_get(fx->st, s1, &sh, &err), 0);
	assert_int_equal(sh.assigned, 1);
	shift_fini(&sh);

	/* On a shift, by name; of a volunteer, by start; in a range. */
	assert_int_equal(store_assignment_list_shift(fx->st, s1, &list, &err),
	    0);
	assert_int_equal(list.len, 2);
	assert_string_equal(list.items[0].volunteer, "Ana");
	assert_int_equal(list.items[0].status, ASSIGNMENT_DECLINED);
	assert_string_equal(list.items[1].volunteer, "Bob");
	assignment_list_free(&list);
	memset(&r, 0, sizeof r);
	assert_int_equal(store_assignment_list_volunteer(fx->st, ana, &r,
	    &list, &err), 0);
	assert_int_equal(list.len, 2);
	assert_true(list.items[0].shift_id == s1 &&
	    list.items[1].shift_id == s2);
	assignment_list_free(&list);
	r.from = T_0327_1400 + HOUR;
	assert_int_equal(store_assignment_list_volunteer(fx->st, ana, &r,
	    &list, &err), 0);
	assert_int_equal(list.len, 1);
	assert_true(list.items[0].shift_id == s2);
	assignment_list_free(&list);
	/*
	 * By start, then shift id, whatever order the shifts were added in:
	 * without a limit the rows are sorted in C, with one by SQLite.
	 */
	s3 = add_shift(fx->st, e, "s3@t", "kok", T_0327_1400 + 4 * HOUR, 1);
	s4 = add_shift(fx->st, e, "s4@t", "kok", T_0327_1400 - HOUR, 1);
	s5 = add_shift(fx->st, e, "s5@t", "tolk", T_0327_1400, 1);
	add_assignment(fx->st, s3, ana, ASSIGNMENT_ACCEPTED);
	add_assignment(fx->st, s5, ana, ASSIGNMENT_ACCEPTED);
	add_assignment(fx->st, s4, ana, ASSIGNMENT_ACCEPTED);
	memset(&r, 0, sizeof r);
	assert_int_equal(store_assignment_list_volunteer(fx->st, ana, &r,
	    &list, &err), 0);
	assert_int_equal(list.len, 5);
	assert_true(list.items[0].shift_id == s4 &&
	    list.items[1].shift_id == s1 && list.items[2].shift_id == s5 &&
	    list.items[3].shift_id == s2 && list.items[4].shift_id == s3);
	assignment_list_free(&list);
	r.limit = 3;
	assert_int_equal(store_assignment_list_volunteer(fx->st, ana, &r,
	    &list, &err), 0);
	assert_int_equal(list.len, 3);
	assert_true(list.items[0].shift_id == s4 &&
	    list.items[1].shift_id == s1 && list.items[2].shift_id == s5);
	assignment_list_free(&list);
	assert_int_equal(store_assignment_delete(fx->st, s3, ana, &err), 0);
	assert_int_equal(store_assignment_delete(fx->st, s4, ana, &err), 0);
	assert_int_equal(store_assignment_delete(fx->st, s5, ana, &err), 0);
	assert_int_equal(store_shift_delete(fx->st, s3, &err), 0);
	assert_int_equal(store_shift_delete(fx->st, s4, &err), 0);
	assert_int_equal(store_shift_delete(fx->st, s5, &err), 0);
	memset(&r, 0, sizeof r);
	assert_int_equal(store_assignment_list_range(fx->st, &r, &list, &err),
	    0);
	assert_int_equal(list.len, 3);
	/*
	 * people_only: the same rows, people and shifts, without the note,
	 * attendance, hours and forced that the full rows have here.
	 */
	r.people_only = true;
	assert_int_equal(store_assignment_list_range(fx->st, &r, &lean, &err),
	    0);
	assert_int_equal(lean.len, list.len);
	for (i = 0; i < list.len; i++) {
		assert_true(lean.items[i].id == list.items[i].id);
		assert_true(lean.items[i].shift_id == list.items[i].shift_id);
		assert_true(lean.items[i].volunteer_id ==
		    list.items[i].volunteer_id);
		assert_int_equal(lean.items[i].status, list.items[i].status);
		assert_string_equal(lean.items[i].volunteer,
		    list.items[i].volunteer);
		assert_string_equal(lean.items[i].role, list.items[i].role);
		assert_string_equal(lean.items[i].event_title,
		    list.items[i].event_title);
		assert_string_equal(lean.items[i].language,
		    list.items[i].language);
		assert_true(lean.items[i].start == list.items[i].start);
		assert_true(lean.items[i].end == list.items[i].end);
		assert_null(lean.items[i].note);
		assert_int_equal(lean.items[i].attendance, ATTENDANCE_UNKNOWN);
		assert_true(lean.items[i].hours == 0);
		assert_false(lean.items[i].forced);
		forced = forced || list.items[i].forced;
		attended = attended ||
		    list.items[i].attendance == ATTENDANCE_ATTENDED;
	}
	assert_true(forced && attended);
	r.people_only = false;
	assignment_list_free(&lean);
	assignment_list_free(&list);
	r.to = T_0327_1400 + 1;
	assert_int_equal(store_assignment_list_range(fx->st, &r, &list, &err),
	    0);
	assert_int_equal(list.len, 2);
	assignment_list_free(&list);

	/* Unknown pairs. */
	assert_err(store_assignment_get(fx->st, s2, bob, &got, &err), err,
	    ERR_NOT_FOUND);
	assignment_fini(&got);
	assert_err(store_assignment_set_status(fx->st, s2, bob,
	    ASSIGNMENT_ACCEPTED, &err), err, ERR_NOT_FOUND);
	assert_err(store_assignment_set_attendance(fx->st, s2, bob,
	    ATTENDANCE_ATTENDED, 1, &err), err, ERR_NOT_FOUND);
	assert_err(store_assignment_delete(fx->st, s2, bob, &err), err,
	    ERR_NOT_FOUND);
	assert_int_equal(store_assignment_delete(fx->st, s1, bob, &err), 0);
	assert_err(store_assignment_delete(fx->st, s1, bob, &err), err,
	    ERR_NOT_FOUND);
	assert_err(store_assignment_get(fx->st, s1, bob, &got, &err), err,
	    ERR_NOT_FOUND);
	assignment_fini(&got);
}

/* int store_event_delete(...): shifts and assignments go with the event */
static void
test_cascade(void **state)
{
	struct fixture *fx = *state;
	struct assignment_list list = { 0 };
	struct store_range r = { 0 };
	struct shift sh;
	struct volunteer v;
	struct assignment a;
	struct err err;
	int64_t e, keep, s1, s2, sk, ana;

	e = add_event(fx->st, "e@t", "Taalcafe", T_0327_1400, 6);
	keep = add_event(fx->st, "k@t", "Kookclub", T_0327_1400, 6);
	s1 = add_shift(fx->st, e, "s1@t", "tolk", T_0327_1400, 2);
	s2 = add_shift(fx->st, e, "s2@t", "tolk", T_0327_1400 + HOUR, 2);
	sk = add_shift(fx->st, keep, "sk@t", "kok", T_0327_1400, 2);
	ana = add_volunteer(fx->st, "Ana", "", "");
	add_assignment(fx->st, s1, ana, ASSIGNMENT_ACCEPTED);
	add_assignment(fx->st, s2, ana, ASSIGNMENT_ACCEPTED);
	add_assignment(fx->st, sk, ana, ASSIGNMENT_ACCEPTED);

	assert_int_equal(store_event_delete(fx->st, e, &err), 0);
	assert_err(store_shift_get(fx->st, s1, &sh, &err), err, ERR_NOT_FOUND);
	shift_fini(&sh);
	assert_err(store_shift_get(fx->st, s2, &sh, &err), err, ERR_NOT_FOUND);
	shift_fini(&sh);
	assert_err(store_assignment_get(fx->st, s1, ana, &a, &err), err,
	    ERR_NOT_FOUND);
	assignment_fini(&a);
	/* The volunteer and the other event's shift stay. */
	assert_int_equal(store_volunteer_get(fx->st, ana, &v, &err), 0);
	volunteer_fini(&v);
	assert_int_equal(store_assignment_list_volunteer(fx->st, ana, &r,
	    &list, &err), 0);
	assert_int_equal(list.len, 1);
	assert_true(list.items[0].shift_id == sk);
	assignment_list_free(&list);

	/* Deleting the volunteer takes the assignment along. */
	assert_int_equal(store_volunteer_delete(fx->st, ana, &err), 0);
	assert_int_equal(store_assignment_list_shift(fx->st, sk, &list, &err),
	    0);
	assert_int_equal(list.len, 0);
	assignment_list_free(&list);
}

/* int store_team_insert/get/join/list/members(...) */
static void
test_team(void **state)
{
	struct fixture *fx = *state;
	struct team t, got;
	struct team_list list = { 0 };
	struct err err;
	int64_t *ids, ana, bob, tid;
	size_t n;

	ana = add_volunteer(fx->st, "Ana", "", "");
	bob = add_volunteer(fx->st, "bob", "", "");
	team_init(&t);
	t.name = xstrdup("Tolken");
	assert_int_equal(store_team_insert(fx->st, &t, &err), 0);
	assert_true(t.id > 0);
	tid = t.id;
	assert_err(store_team_insert(fx->st, &t, &err), err, ERR_CONFLICT);
	assert_contains(err.msg, "Tolken");
	team_fini(&t);
	t.name = xstrdup("Koks");
	assert_int_equal(store_team_insert(fx->st, &t, &err), 0);
	team_fini(&t);

	assert_int_equal(store_team_join(fx->st, tid, bob, &err), 0);
	assert_int_equal(store_team_join(fx->st, tid, ana, &err), 0);
	assert_err(store_team_join(fx->st, tid, ana, &err), err, ERR_CONFLICT);
	assert_int_equal(store_team_join(fx->st, tid, ana + 100, &err), -1);

	assert_int_equal(store_team_get(fx->st, tid, &got, &err), 0);
	assert_string_equal(got.name, "Tolken");
	assert_int_equal(got.members, 2);
	team_fini(&got);
	assert_err(store_team_get(fx->st, tid + 100, &got, &err), err,
	    ERR_NOT_FOUND);
	team_fini(&got);

	assert_int_equal(store_team_members(fx->st, tid, &ids, &n, &err), 0);
	assert_int_equal(n, 2);
	assert_true(ids[0] == ana && ids[1] == bob);
	free(ids);
	assert_int_equal(store_team_members(fx->st, tid + 100, &ids, &n, &err),
	    0);
	assert_int_equal(n, 0);
	free(ids);

	assert_int_equal(store_team_list(fx->st, &list, &err), 0);
	assert_int_equal(list.len, 2);
	assert_string_equal(list.items[0].name, "Koks");
	assert_int_equal(list.items[0].members, 0);
	assert_string_equal(list.items[0].member_names, "");
	assert_string_equal(list.items[1].name, "Tolken");
	assert_int_equal(list.items[1].members, 2);
	assert_contains(list.items[1].member_names, "Ana");
	assert_contains(list.items[1].member_names, "bob");
	team_list_free(&list);
}

/* char *store_setting_get(...); int store_setting_set(...) */
static void
test_setting(void **state)
{
	struct fixture *fx = *state;
	struct err err;
	char *s;

	assert_null(store_setting_get(fx->st, "time_zone"));
	assert_int_equal(store_setting_set(fx->st, "time_zone",
	    "Europe/Amsterdam", &err), 0);
	s = store_setting_get(fx->st, "time_zone");
	assert_string_equal(s, "Europe/Amsterdam");
	free(s);
	assert_int_equal(store_setting_set(fx->st, "time_zone", "UTC", &err),
	    0);
	s = store_setting_get(fx->st, "time_zone");
	assert_string_equal(s, "UTC");
	free(s);
	assert_null(store_setting_get(fx->st, "Time_zone"));
}

/* int store_log_append(...); int store_log_list(...) */
static void
test_log(void **state)
{
	struct fixture *fx = *state;
	struct store_log_list list = { 0 };
	struct err err;

	assert_int_equal(store_log_append(fx->st, "event add", "event", 1,
	    "added 'Taalcafe'", &err), 0);
	assert_int_equal(store_log_append(fx->st, "shift add", "shift", 1,
	    NULL, &err), 0);
	assert_int_equal(store_log_append(fx->st, "event edit", "event", 1,
	    "moved", &err), 0);
	assert_int_equal(store_log_list(fx->st, 0, NULL, 0, &list, &err), 0);
	assert_int_equal(list.len, 3);
	/* Newest first. */
	assert_string_equal(list.items[0].action, "event edit");
	assert_string_equal(list.items[1].summary, "");
	assert_true(list.items[2].at > 0);
	assert_true(list.items[2].user[0] != '\0');
	store_log_list_free(&list);
	assert_int_equal(store_log_list(fx->st, 0, "event", 1, &list, &err), 0);
	assert_int_equal(list.len, 2);
	store_log_list_free(&list);
	assert_int_equal(store_log_list(fx->st, 1, NULL, 0, &list, &err), 0);
	assert_int_equal(list.len, 1);
	store_log_list_free(&list);
}

/*
 * int store_begin_write(...)
 * int store_commit(...)
 * void store_rollback(...)
 */
static void
test_transaction(void **state)
{
	struct fixture *fx = *state;
	struct event_list list = { 0 };
	struct store_range r = { 0 };
	struct err err;

	assert_int_equal(store_begin_write(fx->st, &err), 0);
	add_event(fx->st, "gone@t", "Weg", T_0327_1400, 1);
	store_rollback(fx->st);
	store_rollback(fx->st);		/* no transaction: harmless */
	assert_int_equal(store_event_list(fx->st, &r, &list, &err), 0);
	assert_int_equal(list.len, 0);
	assert_int_equal(store_begin_write(fx->st, &err), 0);
	add_event(fx->st, "kept@t", "Blijft", T_0327_1400, 1);
	assert_int_equal(store_commit(fx->st, &err), 0);
	assert_int_equal(store_event_list(fx->st, &r, &list, &err), 0);
	assert_int_equal(list.len, 1);
	event_list_free(&list);
	/* Reads in a read transaction. */
	assert_int_equal(store_begin_read(fx->st, &err), 0);
	assert_int_equal(store_event_list(fx->st, &r, &list, &err), 0);
	assert_int_equal(list.len, 1);
	event_list_free(&list);
	assert_int_equal(store_commit(fx->st, &err), 0);
	assert_true(store_data_version(fx->st) >= 0);
}

/* int store_backup(struct store *st, const char *path, struct err *err) */
static void
test_backup(void **state)
{
	struct fixture *fx = *state, tmp;
	struct store *copy;
	struct event ev;
	struct stat sb;
	struct err err;
	char path[160], *before, *after;
	size_t n1, n2;
	int64_t e;

	memset(&tmp, 0, sizeof tmp);
	if (fx->dir[0] == '\0')
		fixture_dir(&tmp);		/* :memory: needs a place */
	fixture_file(fx->dir[0] != '\0' ? fx : &tmp, "backup.db", path,
	    sizeof path);
	e = add_event(fx->st, "e@t", "Taalcafe", T_0327_1400, 2);
	assert_int_equal(store_backup(fx->st, path, &err), 0);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_int_equal(store_open(path, 0, &copy, &err), 0);
	assert_int_equal(store_schema_version(copy), store_schema_latest());
	assert_int_equal(store_event_get(copy, e, &ev, &err), 0);
	assert_string_equal(ev.title, "Taalcafe");
	event_fini(&ev);
	store_close(copy);

	/* Never over an existing file. */
	before = slurp(path, &n1);
	assert_err(store_backup(fx->st, path, &err), err, ERR_CONFLICT);
	assert_contains(err.msg, "exists");
	after = slurp(path, &n2);
	assert_int_equal(n1, n2);
	assert_memory_equal(before, after, n1);
	free(before);
	free(after);
	fixture_file(fx->dir[0] != '\0' ? fx : &tmp, "no/such/dir.db", path,
	    sizeof path);
	assert_err(store_backup(fx->st, path, &err), err, ERR_IO);
	if (tmp.dir[0] != '\0') {
		tmp.st = NULL;
		{
			void *p = xmalloc(sizeof tmp);

			memcpy(p, &tmp, sizeof tmp);
			assert_int_equal(teardown(&p), 0);
		}
	}
}

/* ---- tests on files only ---------------------------------------------- */

/*
 * int store_open(const char *path, int flags, struct store **out, struct err
 *     *err): creating
 */
static void
test_open_create(void **state)
{
	struct fixture *fx = *state;
	struct store *st;
	struct stat sb;
	struct err err;
	char path[160];
	mode_t old;

	/* Without STORE_CREATE a missing plan is an error, not a new file. */
	assert_err(store_open(fx->path, 0, &st, &err), err, ERR_NOT_FOUND);
	assert_null(st);
	assert_int_equal(access(fx->path, F_OK), -1);
	fixture_file(fx, "missing/plan.db", path, sizeof path);
	assert_err(store_open(path, STORE_CREATE, &st, &err), err, ERR_IO);
	assert_int_equal(access(path, F_OK), -1);

	/* An empty path is no plan (and no overflow making "."). */
	assert_err(store_open("", STORE_CREATE, &st, &err), err, ERR_INVALID);
	assert_null(st);
	/* A directory is not a plan. */
	assert_int_equal(store_open(fx->dir, STORE_CREATE, &st, &err), -1);
	assert_null(st);

	/* 0600 whatever the umask says. */
	old = umask(0);
	assert_int_equal(store_open(fx->path, STORE_CREATE, &st, &err), 0);
	umask(old);
	assert_int_equal(stat(fx->path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_int_equal(store_schema_version(st), store_schema_latest());
	store_close(st);
	assert_int_equal(stat(fx->path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_true(raw_int(fx->path, "PRAGMA application_id") ==
	    ROOSTER_APPLICATION_ID);
	assert_true(raw_int(fx->path, "PRAGMA user_version") ==
	    store_schema_latest());
	store_close(NULL);
}

/* int store_open(...): reopening changes nothing */
static void
test_open_again(void **state)
{
	struct fixture *fx = *state;
	struct store *st;
	struct event ev;
	struct err err;
	int64_t e, objects;

	assert_int_equal(store_open(fx->path, STORE_CREATE, &st, &err), 0);
	e = add_event(st, "e@t", "Taalcafe", T_0327_1400, 2);
	store_close(st);
	objects = raw_int(fx->path, "SELECT count(*) FROM sqlite_schema");
	assert_true(objects > 5);
	/* Twice, with and without STORE_CREATE. */
	assert_int_equal(store_open(fx->path, STORE_CREATE, &st, &err), 0);
	store_close(st);
	assert_int_equal(store_open(fx->path, 0, &st, &err), 0);
	assert_int_equal(store_schema_version(st), store_schema_latest());
	assert_int_equal(store_event_get(st, e, &ev, &err), 0);
	assert_string_equal(ev.title, "Taalcafe");
	event_fini(&ev);
	store_close(st);
	assert_true(raw_int(fx->path, "SELECT count(*) FROM sqlite_schema") ==
	    objects);
	assert_true(raw_int(fx->path, "SELECT count(*) FROM events") == 1);
}

/* int store_open(...): a plan from a newer rooster is refused untouched */
static void
test_open_newer(void **state)
{
	struct fixture *fx = *state;
	struct store *st;
	struct err err;
	char sql[128];

	/* Written by plain SQLite: rollback journal, schema latest + 1. */
	snprintf(sql, sizeof sql, "CREATE TABLE future (x); "
	    "PRAGMA user_version = %d; PRAGMA application_id = %d;",
	    store_schema_latest() + 1, ROOSTER_APPLICATION_ID);
	raw_sql(fx->path, sql);
	assert_refused_unchanged(fx->path, ERR_SCHEMA);
	assert_int_equal(store_open(fx->path, 0, &st, &err), -1);
	assert_contains(err.msg, "newer");
	assert_true(raw_int(fx->path, "PRAGMA user_version") ==
	    store_schema_latest() + 1);

	/* The same in WAL mode, as rooster itself writes plans. */
	assert_int_equal(unlink(fx->path), 0);
	assert_int_equal(store_open(fx->path, STORE_CREATE, &st, &err), 0);
	store_close(st);
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d",
	    store_schema_latest() + 7);
	raw_sql(fx->path, sql);
	assert_refused_unchanged(fx->path, ERR_SCHEMA);
}

/* int store_open(...): a file that is not SQLite is refused untouched */
static void
test_open_not_sqlite(void **state)
{
	struct fixture *fx = *state;
	char big[8192];
	size_t i;

	spit(fx->path, "Boodschappen: melk, brood\n", 26);
	assert_refused_unchanged(fx->path, ERR_SCHEMA);
	for (i = 0; i < sizeof big; i++)
		big[i] = (char)('a' + i % 26);
	spit(fx->path, big, sizeof big);
	assert_refused_unchanged(fx->path, ERR_SCHEMA);
}

/*
 * int store_open(...): another application's SQLite file is refused untouched
 */
static void
test_open_other_app(void **state)
{
	struct fixture *fx = *state;
	char path[160];

	/* Tables, no application id. */
	raw_sql(fx->path, "CREATE TABLE notes (id INTEGER PRIMARY KEY, "
	    "body TEXT); INSERT INTO notes (body) VALUES ('hallo');");
	assert_refused_unchanged(fx->path, ERR_SCHEMA);
	/* Another application's id (Fossil's), even with no tables. */
	fixture_file(fx, "other.db", path, sizeof path);
	raw_sql(path, "PRAGMA application_id = 252006673; "
	    "CREATE TABLE t (x); DROP TABLE t;");
	assert_true(raw_int(path, "SELECT count(*) FROM sqlite_schema") == 0);
	assert_refused_unchanged(path, ERR_SCHEMA);
	/* Only a user_version. */
	fixture_file(fx, "versioned.db", path, sizeof path);
	raw_sql(path, "PRAGMA user_version = 3;");
	assert_refused_unchanged(path, ERR_SCHEMA);
}

/* int store_open(...): an empty file (as from touch) becomes a plan */
static void
test_open_empty_file(void **state)
{
	struct fixture *fx = *state;
	struct store *st;
	struct err err;

	spit(fx->path, "", 0);
	assert_int_equal(store_open(fx->path, 0, &st, &err), 0);
	assert_int_equal(store_schema_version(st), store_schema_latest());
	store_close(st);
}

/* int store_open(...) with STORE_READONLY: reads work, writes are refused */
static void
test_open_readonly(void **state)
{
	struct fixture *fx = *state;
	struct store *st, *ro;
	struct event ev;
	struct err err;
	char *before, *after;
	size_t n1, n2;
	int64_t e;

	assert_int_equal(store_open(fx->path, STORE_CREATE, &st, &err), 0);
	e = add_event(st, "e@t", "Taalcafe", T_0327_1400, 2);
	store_close(st);
	before = slurp(fx->path, &n1);
	assert_int_equal(store_open(fx->path, STORE_READONLY, &ro, &err), 0);
	assert_true(store_is_readonly(ro));
	assert_int_equal(store_event_get(ro, e, &ev, &err), 0);
	assert_string_equal(ev.title, "Taalcafe");
	assert_err(store_begin_write(ro, &err), err, ERR_READONLY);
	assert_contains(err.msg, "read-only");
	/* Even without a transaction, a write fails and changes nothing. */
	free(ev.title);
	ev.title = xstrdup("Anders");
	assert_int_equal(store_event_update(ro, &ev, &err), -1);
	event_fini(&ev);
	store_close(ro);
	after = slurp(fx->path, &n2);
	assert_int_equal(n1, n2);
	assert_memory_equal(before, after, n1);
	free(before);
	free(after);
}

/*
 * int64_t store_data_version(struct store *st): sees other connections' commits
 */
static void
test_data_version(void **state)
{
	struct fixture *fx = *state;
	struct store *a, *b;
	struct err err;
	int64_t v1, v2;

	assert_int_equal(store_open(fx->path, STORE_CREATE, &a, &err), 0);
	assert_int_equal(store_open(fx->path, 0, &b, &err), 0);
	v1 = store_data_version(a);
	assert_true(v1 >= 0);
	/* Its own writes do not count: the screen knows what it did. */
	add_event(a, "a@t", "Eigen", T_0327_1400, 1);
	assert_true(store_data_version(a) == v1);
	add_event(b, "b@t", "Ander", T_0327_1400, 1);
	v2 = store_data_version(a);
	assert_true(v2 != v1);
	assert_true(store_data_version(a) == v2);
	store_close(b);
	store_close(a);
}

/* Load tests/data/schema-v<v>.sql into path; false if there is none. */
static bool
load_dump(int v, const char *path)
{
	const char *dir = getenv("ROOSTER_TEST_DATA");
	const char *top = getenv("ROOSTER_TOP");
	char dump[512], *sql;
	size_t n;

	if (dir != NULL)
		snprintf(dump, sizeof dump, "%s/schema-v%d.sql", dir, v);
	else if (top != NULL)
		snprintf(dump, sizeof dump, "%s/tests/data/schema-v%d.sql", top,
		    v);
	else
		snprintf(dump, sizeof dump, "tests/data/schema-v%d.sql", v);
	if ((sql = slurp(dump, &n)) == NULL)
		return false;
	raw_sql(path, sql);
	free(sql);
	return true;
}

/*
 * int store_migrate(...), through store_open: each released schema to the
 *     latest
 */
static void
test_migrate_dumps(void **state)
{
	struct fixture *fx = *state;
	struct store *st;
	struct event ev;
	struct shift sh;
	struct assignment a;
	struct volunteer vol;
	struct volunteer_list vols;
	struct err err;
	char path[160];
	int v, loaded = 0;

	for (v = 1; v <= store_schema_latest(); v++) {
		snprintf(path, sizeof path, "%s/v%d.db", fx->dir, v);
		if (!load_dump(v, path)) {
			if (v == 1)
				fail_msg("tests/data/schema-v1.sql is missing "
				    "(run from the top directory, or set "
				    "ROOSTER_TOP or ROOSTER_TEST_DATA)");
			continue;
		}
		loaded++;
		assert_true(raw_int(path, "PRAGMA user_version") == v);
		assert_true(raw_int(path, "PRAGMA application_id") ==
		    ROOSTER_APPLICATION_ID);
		/* Rows as schema 1 stored them; later schemas keep these. */
		raw_sql(path,
		    "INSERT INTO events (id, uid, title, start_at, end_at, "
		    "  created_at, updated_at) VALUES (7, 'e7@t', 'Taalcafe', "
		    "  1806152400, 1806163200, 1, 1);"
		    "INSERT INTO shifts (id, event_id, uid, role, start_at, "
		    "  end_at, needed) VALUES (8, 7, 's8@t', 'tolk', "
		    "  1806152400, 1806159600, 2);"
		    "INSERT INTO volunteers (id, name, email, created_at) "
		    "  VALUES (9, 'Ana', 'ana@example.org', 1);"
		    "INSERT INTO volunteers (id, name, created_at) "
		    "  VALUES (10, 'Ëlla Dĳkstra', 1);"
		    "INSERT INTO assignments (shift_id, volunteer_id, status, "
		    "  created_at) VALUES (8, 9, 'accepted', 1);"
		    "INSERT INTO settings (key, value) VALUES ('time_zone', "
		    "  'Europe/Amsterdam');");
		if (store_open(path, 0, &st, &err) != 0)
			fail_msg("schema %d: %s", v, err.msg);
		assert_int_equal(store_schema_version(st),
		    store_schema_latest());
		assert_int_equal(store_event_get(st, 7, &ev, &err), 0);
		assert_string_equal(ev.title, "Taalcafe");
		assert_int_equal(ev.needed, 2);
		assert_int_equal(ev.assigned, 1);
		event_fini(&ev);
		assert_int_equal(store_shift_get(st, 8, &sh, &err), 0);
		assert_string_equal(sh.role, "tolk");
		shift_fini(&sh);
		assert_int_equal(store_volunteer_get(st, 9, &vol, &err), 0);
		assert_string_equal(vol.email, "ana@example.org");
		volunteer_fini(&vol);
		assert_int_equal(store_assignment_get(st, 8, 9, &a, &err), 0);
		assert_int_equal(a.status, ASSIGNMENT_ACCEPTED);
		assignment_fini(&a);
		/* Names folded by migration 13, whatever the version. */
		memset(&vols, 0, sizeof vols);
		assert_int_equal(store_volunteer_list(st, "ella dijk", NULL,
		    &vols, &err), 0);
		assert_int_equal(vols.len, 1);
		assert_true(vols.items[0].id == 10);
		volunteer_list_free(&vols);
		/* Still writable through every query after migrating. */
		add_event(st, "new@t", "Nieuw", T_0327_1400, 1);
		store_close(st);
		assert_true(raw_int(path, "PRAGMA user_version") ==
		    store_schema_latest());
	}
	assert_true(loaded >= 1);
}

/*
 * int store_volunteer_refold(struct store *st, struct err *err): a name
 * another program wrote without its folded form is folded on open.
 */
static void
test_refold_on_open(void **state)
{
	struct fixture *fx = *state;
	struct volunteer_list vols = { 0 };
	struct store *st;
	struct err err;

	assert_int_equal(store_open(fx->path, STORE_CREATE, &st, &err), 0);
	store_close(st);
	raw_sql(fx->path, "INSERT INTO volunteers (id, name, created_at) "
	    "VALUES (3, 'Zoë Ëlla', 1)");
	assert_true(raw_int(fx->path, "SELECT count(*) FROM volunteers "
	    "WHERE name_folded = ''") == 1);
	assert_int_equal(store_open(fx->path, 0, &st, &err), 0);
	assert_int_equal(store_volunteer_list(st, "zoe ella", NULL, &vols,
	    &err), 0);
	assert_int_equal(vols.len, 1);
	volunteer_list_free(&vols);
	store_close(st);
	assert_true(raw_int(fx->path, "SELECT count(*) FROM volunteers "
	    "WHERE name_folded = 'zoe ella'") == 1);
	/* The fill is no change of anyone's: nothing to undo. */
	assert_true(raw_int(fx->path, "SELECT count(*) FROM change_rows") ==
	    0);
}

/* int store_open(...): the dump of the latest schema matches a new plan */
/*
 * What each migration from 18 on made, taken out again, so that a plan
 * made now can be rewound to an older schema (plan_at_schema). A new
 * migration adds its row.
 */
static const char *const schema_undo[] = {
	[18] = "DROP INDEX volunteers_names;",
	[19] = "DROP TABLE feed_state;",
};

/* fx's plan made by this rooster, rewound to schema version, then sql. */
static void
plan_at_schema(struct fixture *fx, int version, const char *sql)
{
	struct store *st;
	struct err err;
	char pragma[64];
	int v;

	assert_int_equal(store_open(fx->path, STORE_CREATE, &st, &err), 0);
	store_close(st);
	for (v = store_schema_latest(); v > version; v--) {
		if ((size_t)v >= sizeof schema_undo / sizeof schema_undo[0] ||
		    schema_undo[v] == NULL)
			fail_msg("migration %d has no row in schema_undo", v);
		raw_sql(fx->path, schema_undo[v]);
	}
	snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d;", version);
	raw_sql(fx->path, pragma);
	raw_sql(fx->path, sql);
}

/*
 * An open that upgrades a plan whose history triggers need no change
 * (migration 18 adds an index) notes the schema version it found them
 * right at, as it has written anyway: the lookups after it skip the
 * check of every trigger. Reading an up-to-date plan still never writes.
 */
static void
test_upgrade_notes_history(void **state)
{
	struct fixture *fx = *state;
	struct store *st;
	struct err err;

	/* The plan as schema 17 left it, its triggers' version noted. */
	plan_at_schema(fx, 17, "INSERT OR REPLACE INTO settings (key, value) "
	    "  SELECT 'history_schema_version', schema_version "
	    "  FROM pragma_schema_version;");
	assert_true(raw_int(fx->path, "SELECT value FROM settings WHERE key = "
	    "'history_schema_version'") == raw_int(fx->path,
	    "PRAGMA schema_version"));
	assert_int_equal(store_open(fx->path, 0, &st, &err), 0);
	store_close(st);
	assert_true(raw_int(fx->path, "PRAGMA user_version") ==
	    store_schema_latest());
	assert_true(raw_int(fx->path, "SELECT value FROM settings WHERE key = "
	    "'history_schema_version'") == raw_int(fx->path,
	    "PRAGMA schema_version"));
}

/*
 * Migration 19: what export feeds kept of a directory in settings moves
 * to feed_state, where a lookup of another setting does not pass it.
 */
static void
test_feed_state_moved(void **state)
{
	struct fixture *fx = *state;
	struct store *st;
	struct err err;
	char *v;

	/* A plan of schema 18 that published feeds to /srv/feeds. */
	plan_at_schema(fx, 18, "INSERT INTO settings (key, value) VALUES "
	    "('feeds_in:/srv/feeds', 'a.ics\nb.ics\n'), "
	    "('feeds_at:/srv/feeds', '7 x'), "
	    "('feeds_plan:/srv/feeds', '1 0 10'), "
	    "('feeds_elsewhere', 'kept'), ('name', 'Plan');");
	assert_int_equal(store_open(fx->path, 0, &st, &err), 0);
	v = store_keyed_get(st, STORE_FEED_STATE, "feeds_in:/srv/feeds");
	assert_string_equal(v, "a.ics\nb.ics\n");
	free(v);
	v = store_keyed_get(st, STORE_FEED_STATE, "feeds_at:/srv/feeds");
	assert_string_equal(v, "7 x");
	free(v);
	v = store_keyed_get(st, STORE_FEED_STATE, "feeds_plan:/srv/feeds");
	assert_string_equal(v, "1 0 10");
	free(v);
	assert_null(store_setting_get(st, "feeds_in:/srv/feeds"));
	v = store_setting_get(st, "feeds_elsewhere");
	assert_string_equal(v, "kept");
	free(v);
	v = store_setting_get(st, "name");
	assert_string_equal(v, "Plan");
	free(v);
	/* Written and read again through the new table. */
	assert_int_equal(store_keyed_set(st, STORE_FEED_STATE, "feeds_at:/srv/feeds", "8 y",
	    &err), 0);
	v = store_keyed_get(st, STORE_FEED_STATE, "feeds_at:/srv/feeds");
	assert_string_equal(v, "8 y");
	free(v);
	store_close(st);
	assert_true(raw_int(fx->path, "SELECT count(*) FROM settings WHERE "
	    "key GLOB 'feeds_*:*'") == 0);
}

static void
test_latest_dump_matches(void **state)
{
	struct fixture *fx = *state;
	struct store *st;
	struct err err;
	char path[160];
	int64_t a, b;

	fixture_file(fx, "dump.db", path, sizeof path);
	if (!load_dump(store_schema_latest(), path))
		skip();
	assert_int_equal(store_open(fx->path, STORE_CREATE, &st, &err), 0);
	store_close(st);
	a = raw_int(path, "SELECT count(*) FROM sqlite_schema");
	b = raw_int(fx->path, "SELECT count(*) FROM sqlite_schema");
	assert_true(a == b);
	a = raw_int(path, "SELECT sum(length(sql)) FROM sqlite_schema");
	b = raw_int(fx->path, "SELECT sum(length(sql)) FROM sqlite_schema");
	assert_true(a == b);
}

/*
 * int store_calendar_each(struct store *st,
 *     const struct store_calendar_filter *filter, store_calendar_fn *fn,
 *     void *arg, struct err *err);
 * Entries in event order (start, id), shifts in (start, role, id), each
 * shift's people those who count, in store_assignment_list_shift's
 * order (name NOCASE, then id); an event without shifts alone. An event
 * of many shifts, names that tie but for case or not at all, and every
 * status; the whole plan (names ranked) and one event (names one by one).
 */
struct calendar_walk {
	struct strbuf	 got;
};

/* Only the shifts' ids, one a line (test_calendar_each_roles). */
static int
calendar_roles_entry(void *arg, const struct event *ev,
    const struct shift *sh, const struct assignment_list *people,
    struct err *err)
{
	struct calendar_walk *w = arg;

	(void)ev;
	(void)people;
	(void)err;
	if (sh != NULL)
		strbuf_addf(&w->got, "s%lld\n", (long long)sh->id);
	return 0;
}

static int
calendar_walk_entry(void *arg, const struct event *ev, const struct shift *sh,
    const struct assignment_list *people, struct err *err)
{
	struct calendar_walk *w = arg;
	size_t i;

	(void)err;
	strbuf_addf(&w->got, "e%lld", (long long)ev->id);
	if (sh != NULL)
		strbuf_addf(&w->got, " s%lld %s %s %lld %s/%s", (long long)sh->id,
		    sh->uid, sh->role, (long long)sh->start, sh->event_title,
		    sh->event_location);
	for (i = 0; i < people->len; i++)
		strbuf_addf(&w->got, " %lld:%d:%s",
		    (long long)people->items[i].volunteer_id,
		    (int)people->items[i].status, people->items[i].volunteer);
	strbuf_adds(&w->got, "\n");
	return 0;
}

/*
 * Names folded (Ë with E, as store_assignment_list_shift orders them),
 * then the id.
 */
static int
calendar_person_cmp(const void *pa, const void *pb)
{
	const struct assignment *a = pa, *b = pb;
	int c = text_fold_cmp(a->volunteer, b->volunteer);

	if (c != 0)
		return c;
	return (a->volunteer_id > b->volunteer_id) -
	    (a->volunteer_id < b->volunteer_id);
}

/* What the walk must give for event_id's shifts, in order. */
static void
calendar_expect(struct store *st, int64_t event_id, const char *title,
    const int64_t *shifts, size_t n, struct strbuf *want)
{
	struct assignment_list on = { 0 };
	struct shift sh;
	struct err err;
	size_t i, k;

	for (k = 0; k < n; k++) {
		shift_init(&sh);
		assert_int_equal(store_shift_get(st, shifts[k], &sh, &err), 0);
		strbuf_addf(want, "e%lld s%lld %s %s %lld %s/Buurthuis",
		    (long long)event_id, (long long)sh.id, sh.uid, sh.role,
		    (long long)sh.start, title);
		assert_int_equal(store_assignment_list_shift(st, shifts[k], &on,
		    &err), 0);
		if (on.len > 1)
			qsort(on.items, on.len, sizeof *on.items,
			    calendar_person_cmp);
		for (i = 0; i < on.len; i++)
			if (assignment_counts(&on.items[i]))
				strbuf_addf(want, " %lld:%d:%s",
				    (long long)on.items[i].volunteer_id,
				    (int)on.items[i].status,
				    on.items[i].volunteer);
		strbuf_adds(want, "\n");
		assignment_list_free(&on);
		shift_fini(&sh);
	}
}

static int
calendar_shift_cmp(const void *pa, const void *pb)
{
	const int64_t *a = pa, *b = pb;

	/* id, start, the role's place in order (test_calendar_each). */
	if (a[1] != b[1])
		return a[1] < b[1] ? -1 : 1;
	if (a[2] != b[2])
		return a[2] < b[2] ? -1 : 1;
	return (a[0] > b[0]) - (a[0] < b[0]);
}

static void
test_calendar_each(void **state)
{
	struct fixture *fx = *state;
	static const char *const names[] = { "ana", "Ana", "Bob", "bob",
	    "\xc3\x89mile", "emile", "Zo\xc3\xab", "zoe", "Carla", "carla" };
	static const char *const roles[] = { "b", "a", "c" };
	int64_t vol[30], big, small, alone;
	int64_t rows[40][3], order[40], few[3], tmp; /* id, start, role rank */
	struct store_calendar_filter filter = { 0, 0 };
	struct calendar_walk w;
	struct strbuf want;
	struct err err;
	char uid[32], email[32];
	size_t i, k;

	for (i = 0; i < 30; i++) {
		snprintf(email, sizeof email, "v%zu@example.org", i);
		vol[i] = add_volunteer(fx->st, names[(i * 7) % 10], email, "");
	}
	big = add_event(fx->st, "big", "Big day", T_0327_1400 + 48 * HOUR, 12);
	small = add_event(fx->st, "small", "Small", T_0327_1400, 6);
	alone = add_event(fx->st, "alone", "Alone", T_0327_1400 + 24 * HOUR, 2);
	/* 40 shifts: more than an event's runs are looked up in turn. */
	for (k = 0; k < 40; k++) {
		snprintf(uid, sizeof uid, "big-%zu", k);
		rows[k][1] = T_0327_1400 + 48 * HOUR + (int64_t)(k % 4) * HOUR;
		rows[k][2] = (int64_t)(k % 3 == 1 ? 0 : k % 3 == 0 ? 1 : 2);
		rows[k][0] = add_shift(fx->st, big, uid, roles[k % 3],
		    rows[k][1], 3);
		for (i = 0; i < 30; i++)
			if ((i * 13 + k * 7) % 5 < 2)
				add_assignment(fx->st, rows[k][0], vol[i],
				    (enum assignment_status)((i + k) % 6));
	}
	qsort(rows, 40, sizeof rows[0], calendar_shift_cmp);
	for (k = 0; k < 40; k++)
		order[k] = rows[k][0];
	for (k = 0; k < 3; k++) {
		snprintf(uid, sizeof uid, "small-%zu", k);
		few[k] = add_shift(fx->st, small, uid, roles[k],
		    T_0327_1400, 2);
		for (i = 0; i < 30; i++)
			if ((i + k) % 3 == 0)
				add_assignment(fx->st, few[k], vol[i],
				    (enum assignment_status)(i % 6));
	}
	/* Start ties broken by role: a, b, c. */
	tmp = few[0];
	few[0] = few[1];
	few[1] = tmp;

	strbuf_init(&want);
	calendar_expect(fx->st, small, "Small", few, 3, &want);
	strbuf_addf(&want, "e%lld\n", (long long)alone);
	calendar_expect(fx->st, big, "Big day", order, 40, &want);
	strbuf_init(&w.got);
	assert_int_equal(store_calendar_each(fx->st, NULL, calendar_walk_entry,
	    &w, &err), 0);
	assert_string_equal(strbuf_str(&w.got), strbuf_str(&want));
	strbuf_fini(&w.got);

	/* One event: its names read one by one, the same order. */
	strbuf_reset(&want);
	calendar_expect(fx->st, big, "Big day", order, 40, &want);
	filter.event_id = big;
	strbuf_init(&w.got);
	assert_int_equal(store_calendar_each(fx->st, &filter,
	    calendar_walk_entry, &w, &err), 0);
	assert_string_equal(strbuf_str(&w.got), strbuf_str(&want));
	strbuf_fini(&w.got);
	strbuf_fini(&want);
}

/*
 * An event's people read by the range of its shifts' ids: shifts of two
 * events numbered in turn (a range holding another's, filtered), one
 * event's two shifts far apart (through the join), 12 in a row, and an
 * event without shifts; whole plan and one event, against
 * store_assignment_list_shift.
 */
static void
test_calendar_each_ranges(void **state)
{
	static const char *const names[] = { "Ida", "ida", "Bram", "Zo\xc3\xab",
	    "\xc3\x89mile", "Noor" };
	struct fixture *fx = *state;
	int64_t vol[12], x, y, z, w, empty, xs[3], ys[3], zs[2], ws[12];
	struct store_calendar_filter filter = { 0, 0 };
	struct calendar_walk walk;
	struct strbuf want, one;
	struct err err;
	char uid[32], email[32];
	size_t i, k;

	for (i = 0; i < 12; i++) {
		snprintf(email, sizeof email, "r%zu@example.org", i);
		vol[i] = add_volunteer(fx->st, names[i % 6], email, "");
	}
	x = add_event(fx->st, "x", "X", T_0327_1400, 4);
	y = add_event(fx->st, "y", "Y", T_0327_1400 + 24 * HOUR, 4);
	z = add_event(fx->st, "z", "Z", T_0327_1400 + 48 * HOUR, 4);
	w = add_event(fx->st, "w", "W", T_0327_1400 + 72 * HOUR, 14);
	empty = add_event(fx->st, "none", "None", T_0327_1400 + 96 * HOUR, 1);
	for (k = 0; k < 3; k++) {
		snprintf(uid, sizeof uid, "x-%zu", k);
		xs[k] = add_shift(fx->st, x, uid, "a", T_0327_1400 +
		    (int64_t)k * HOUR, 2);
		snprintf(uid, sizeof uid, "y-%zu", k);
		ys[k] = add_shift(fx->st, y, uid, "a", T_0327_1400 +
		    24 * HOUR + (int64_t)k * HOUR, 2);
	}
	zs[0] = add_shift(fx->st, z, "z-0", "a", T_0327_1400 + 48 * HOUR, 2);
	for (k = 0; k < 12; k++) {
		snprintf(uid, sizeof uid, "w-%zu", k);
		ws[k] = add_shift(fx->st, w, uid, "a", T_0327_1400 +
		    72 * HOUR + (int64_t)k * HOUR, 2);
	}
	zs[1] = add_shift(fx->st, z, "z-1", "a", T_0327_1400 + 49 * HOUR, 2);
	/* Everyone on each shift, with every status in turn. */
	for (k = 0; k < 3; k++)
		for (i = 0; i < 12; i++) {
			add_assignment(fx->st, xs[k], vol[i],
			    (enum assignment_status)((i + k) % 6));
			add_assignment(fx->st, ys[k], vol[i],
			    (enum assignment_status)((i + 2 * k) % 6));
		}
	for (k = 0; k < 2; k++)
		for (i = 0; i < 12; i++)
			add_assignment(fx->st, zs[k], vol[i],
			    (enum assignment_status)((i + k + 1) % 6));
	for (k = 0; k < 12; k++)
		for (i = 0; i < 12; i += 1 + k % 3)
			add_assignment(fx->st, ws[k], vol[i],
			    (enum assignment_status)((i + k) % 6));

	strbuf_init(&want);
	calendar_expect(fx->st, x, "X", xs, 3, &want);
	calendar_expect(fx->st, y, "Y", ys, 3, &want);
	calendar_expect(fx->st, z, "Z", zs, 2, &want);
	calendar_expect(fx->st, w, "W", ws, 12, &want);
	strbuf_addf(&want, "e%lld\n", (long long)empty);
	strbuf_init(&walk.got);
	assert_int_equal(store_calendar_each(fx->st, NULL, calendar_walk_entry,
	    &walk, &err), 0);
	assert_string_equal(strbuf_str(&walk.got), strbuf_str(&want));
	/* One event at a time: the names read one by one. */
	strbuf_init(&one);
	calendar_expect(fx->st, x, "X", xs, 3, &one);
	filter.event_id = x;
	strbuf_reset(&walk.got);
	assert_int_equal(store_calendar_each(fx->st, &filter,
	    calendar_walk_entry, &walk, &err), 0);
	assert_string_equal(strbuf_str(&walk.got), strbuf_str(&one));
	strbuf_reset(&one);
	calendar_expect(fx->st, z, "Z", zs, 2, &one);
	filter.event_id = z;
	strbuf_reset(&walk.got);
	assert_int_equal(store_calendar_each(fx->st, &filter,
	    calendar_walk_entry, &walk, &err), 0);
	assert_string_equal(strbuf_str(&walk.got), strbuf_str(&one));
	strbuf_fini(&one);
	strbuf_fini(&walk.got);
	strbuf_fini(&want);
}

/*
 * An event's shifts come in SQLite's order of start, role (BINARY: bytes,
 * a prefix first, capitals before small letters) and id, sorted in C by
 * store_calendar_each: ties of start and of role, added out of order.
 */
static void
test_calendar_each_roles(void **state)
{
	struct fixture *fx = *state;
	static const char *const roles[] = { "zeta", "a", "Zeta", "alpha",
	    "ab", "a", "\xc3\xa9t\xc3\xa9", "Zeta" };
	/* zzz; Zeta (2, 7); a (1, 5); ab; alpha; zeta; été */
	static const size_t order[] = { 8, 2, 7, 1, 5, 4, 3, 0, 6 };
	int64_t ev, id[9];
	struct store_calendar_filter filter = { 0, 0 };
	struct calendar_walk w;
	struct strbuf want;
	struct err err;
	char uid[32];
	size_t k;

	ev = add_event(fx->st, "roles", "Roles", T_0327_1400, 8);
	for (k = 0; k < 8; k++) {
		snprintf(uid, sizeof uid, "r-%zu", k);
		id[k] = add_shift(fx->st, ev, uid, roles[k], T_0327_1400 +
		    HOUR, 1);
	}
	/* An earlier start comes first whatever its role and id. */
	id[8] = add_shift(fx->st, ev, "r-8", "zzz", T_0327_1400, 1);
	strbuf_init(&want);
	for (k = 0; k < 9; k++)
		strbuf_addf(&want, "s%lld\n", (long long)id[order[k]]);
	strbuf_init(&w.got);
	filter.event_id = ev;
	assert_int_equal(store_calendar_each(fx->st, &filter,
	    calendar_roles_entry, &w, &err), 0);
	assert_string_equal(strbuf_str(&w.got), strbuf_str(&want));
	strbuf_reset(&w.got);
	assert_int_equal(store_calendar_each(fx->st, NULL,
	    calendar_roles_entry, &w, &err), 0);
	assert_string_equal(strbuf_str(&w.got), strbuf_str(&want));
	strbuf_fini(&w.got);
	strbuf_fini(&want);
}

#define BOTH(f) \
	cmocka_unit_test_setup_teardown(f, setup_memory, teardown), \
	cmocka_unit_test_setup_teardown(f, setup_file, teardown)
#define DIR_ONLY(f) cmocka_unit_test_setup_teardown(f, setup_dir, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		BOTH(test_schema),
		BOTH(test_event_crud),
		BOTH(test_calendar_each),
		BOTH(test_calendar_each_roles),
		BOTH(test_calendar_each_ranges),
		BOTH(test_event_constraints),
		BOTH(test_event_list),
		BOTH(test_event_staffing),
		BOTH(test_shift_crud),
		BOTH(test_shift_list),
		BOTH(test_volunteer_crud),
		BOTH(test_volunteer_list),
		BOTH(test_unavailable),
		BOTH(test_assignment),
		BOTH(test_assignment_people_order),
		BOTH(test_cascade),
		BOTH(test_team),
		BOTH(test_setting),
		BOTH(test_log),
		BOTH(test_transaction),
		BOTH(test_backup),
		DIR_ONLY(test_open_create),
		DIR_ONLY(test_open_again),
		DIR_ONLY(test_open_newer),
		DIR_ONLY(test_open_not_sqlite),
		DIR_ONLY(test_open_other_app),
		DIR_ONLY(test_open_empty_file),
		DIR_ONLY(test_open_readonly),
		DIR_ONLY(test_data_version),
		DIR_ONLY(test_migrate_dumps),
		DIR_ONLY(test_refold_on_open),
		DIR_ONLY(test_upgrade_notes_history),
		DIR_ONLY(test_feed_state_moved),
		DIR_ONLY(test_latest_dump_matches),
	};
	struct err err;

	/* Times are stored as UTC instants whatever the zone; fix one. */
	if (rtime_zone_set("Europe/Amsterdam", &err) != 0)
		return 1;
	return cmocka_run_group_tests_name("store", tests, NULL, NULL);
}
