/* SPDX-License-Identifier: ISC */
/* Assignments in SQLite: who is on which shift, and how they answered. */
#include "rooster/store.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

/* assignment_fields' derived rows: who, on which shift of which event. */
#define STORE_ASSIGNMENT_DERIVED \
	", v.name, s.role, e.title, s.start_at, s.end_at, s.language "
/* Only the name and its order of v: the narrow index has them (migration 18). */
#define STORE_ASSIGNMENT_FROM \
	"FROM assignments a JOIN volunteers v INDEXED BY volunteers_names " \
	"ON v.id = a.volunteer_id " \
	"JOIN shifts s ON s.id = a.shift_id JOIN events e ON e.id = s.event_id "

/* "SELECT a.id, <assignment_fields>, <derived> FROM ..." tail. */
static const char *
store_assignment_select(char **slot, const char *tail)
{
	return store_fields_select(slot, "SELECT a.id, ", "a.",
	    assignment_fields, STORE_ASSIGNMENT_DERIVED STORE_ASSIGNMENT_FROM,
	    tail);
}

static void
store_assignment_row(sqlite3_stmt *stmt, void *arg)
{
	struct assignment *a = arg;

	a->id = sqlite3_column_int64(stmt, 0);
	store_fields_read_derived(stmt, store_fields_read(stmt, 1, a,
	    assignment_fields), a, assignment_fields);
}

static void
store_assignment_list_row(sqlite3_stmt *stmt, void *arg)
{
	store_assignment_row(stmt, assignment_list_push(arg));
}

int
store_assignment_insert(struct store *st, struct assignment *a,
    struct err *err)
{
	static char *sql;
	sqlite3_stmt *stmt = store_stmt(st, store_fields_insert(&sql,
	    "assignments", assignment_fields, ", created_at", ", :now"), err);
	int rc;

	if (stmt == NULL)
		return -1;
	store_fields_bind(stmt, 1, a, assignment_fields);
	store_fields_bind_named(stmt, ":now", rtime_now());
	rc = sqlite3_step(stmt);
	sqlite3_reset(stmt);
	if (rc == SQLITE_CONSTRAINT_UNIQUE)
		return err_set(err, ERR_CONFLICT, _("volunteer %lld is already "
		    "on shift %lld"), (long long)a->volunteer_id,
		    (long long)a->shift_id);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, err);
	a->id = sqlite3_last_insert_rowid(st->db);
	return 0;
}

/*
 * After a change of volunteer_id on shift_id (stmt, bound, or NULL with
 * err set): 0, or -1 with err, ERR_NOT_FOUND when no row changed.
 */
static int
store_assignment_changed(struct store *st, sqlite3_stmt *stmt,
    int64_t shift_id, int64_t volunteer_id, struct err *err)
{
	if (stmt == NULL || store_step_done(st, stmt, err) < 0)
		return -1;
	if (sqlite3_changes(st->db) == 0)
		return err_set(err, ERR_NOT_FOUND, _("volunteer %lld is not on "
		    "shift %lld"), (long long)volunteer_id,
		    (long long)shift_id);
	return 0;
}

int
store_assignment_delete(struct store *st, int64_t shift_id,
    int64_t volunteer_id, struct err *err)
{
	static const char sql[] = "DELETE FROM assignments "
	    "WHERE shift_id = ?1 AND volunteer_id = ?2";

	return store_assignment_changed(st, store_query(st, err, sql, "ii",
	    shift_id, volunteer_id), shift_id, volunteer_id, err);
}

int
store_assignment_get(struct store *st, int64_t shift_id, int64_t volunteer_id,
    struct assignment *a, struct err *err)
{
	static char *sql;
	int n;

	assignment_init(a);
	n = store_rows(st, store_query(st, err, store_assignment_select(&sql,
	    "WHERE a.shift_id = ?1 AND a.volunteer_id = ?2"), "ii", shift_id,
	    volunteer_id), store_assignment_row, a, err);
	if (n != 0)
		return n < 0 ? -1 : 0;
	return err_set(err, ERR_NOT_FOUND, _("volunteer %lld is not on shift "
	    "%lld (see 'rooster shift show %lld')"), (long long)volunteer_id,
	    (long long)shift_id, (long long)shift_id);
}

int
store_assignment_set_status(struct store *st, int64_t shift_id,
    int64_t volunteer_id, enum assignment_status status, struct err *err)
{
	static const char sql[] = "UPDATE assignments SET status = ?3 "
	    "WHERE shift_id = ?1 AND volunteer_id = ?2";

	return store_assignment_changed(st, store_query(st, err, sql, "iit",
	    shift_id, volunteer_id, assignment_status_name(status)), shift_id,
	    volunteer_id, err);
}

int
store_assignment_set_attendance(struct store *st, int64_t shift_id,
    int64_t volunteer_id, enum assignment_attendance att, double hours,
    struct err *err)
{
	static const char sql[] = "UPDATE assignments SET attendance = ?3, "
	    "hours = ?4 WHERE shift_id = ?1 AND volunteer_id = ?2";
	sqlite3_stmt *stmt = store_query(st, err, sql, "iit", shift_id,
	    volunteer_id, assignment_attendance_name(att));

	if (stmt != NULL)
		sqlite3_bind_double(stmt, 4, hours);
	return store_assignment_changed(st, stmt, shift_id, volunteer_id,
	    err);
}

/* Names in order folded (name_folded): Ë sorts with E, as people read. */
int
store_assignment_list_shift(struct store *st, int64_t shift_id,
    struct assignment_list *out, struct err *err)
{
	static char *sql;

	return store_rows(st, store_query(st, err,
	    store_assignment_select(&sql, "WHERE a.shift_id = ?1 "
	    "ORDER BY v.name_folded, v.id"), "i", shift_id),
	    store_assignment_list_row, out, err) < 0 ? -1 : 0;
}

int
store_assignment_count_status(struct store *st, int64_t shift_id,
    enum assignment_status status, int *n, struct err *err)
{
	static const char sql[] = "SELECT count(*) FROM assignments "
	    "WHERE shift_id = ?1 AND status = ?2";
	int64_t v = 0;

	if (store_int(st, err, &v, sql, "it", shift_id,
	    assignment_status_name(status)) < 0)
		return -1;
	*n = (int)v;
	return 0;
}

/* By start, then shift id: ORDER BY s.start_at, s.id (a total order). */
static int
store_assignment_start_cmp(const void *pa, const void *pb)
{
	const struct assignment *a = pa, *b = pb;
	int c = store_id_cmp(&a->start, &b->start);

	return c != 0 ? c : store_id_cmp(&a->shift_id, &b->shift_id);
}

int
store_assignment_list_volunteer(struct store *st, int64_t volunteer_id,
    const struct store_range *range, struct assignment_list *out,
    struct err *err)
{
	static char *sql, *sql_all;
	size_t before = out->len;
	int n;

	if (range->limit > 0)
		return store_rows(st, store_query(st, err,
		    store_assignment_select(&sql, "WHERE a.volunteer_id = ?1 "
		    "AND s.start_at >= ?2 AND s.start_at < ?3 "
		    "AND " EVENT_LIVE_SQL("e.status") " "
		    "ORDER BY s.start_at, s.id LIMIT ?4"), "iiii", volunteer_id,
		    range->from ? range->from : INT64_MIN,
		    range->to ? range->to : INT64_MAX, (int64_t)range->limit),
		    store_assignment_list_row, out, err) < 0 ? -1 : 0;
	/*
	 * All of them (judging an assignment asks for 80 days around its
	 * shift: a few rows): sorted here, not in a temporary b-tree SQLite
	 * makes for each call (a quarter of the statement's cost, and the
	 * screen judges every assignment it shows).
	 */
	n = store_rows(st, store_query(st, err, store_assignment_select(&sql_all,
	    "WHERE a.volunteer_id = ?1 AND s.start_at >= ?2 "
	    "AND s.start_at < ?3 AND " EVENT_LIVE_SQL("e.status")), "iii",
	    volunteer_id, range->from ? range->from : INT64_MIN,
	    range->to ? range->to : INT64_MAX), store_assignment_list_row, out,
	    err);
	if (n < 0)
		return -1;
	if (out->len - before > 1)
		xsort(out->items + before, out->len - before,
		    sizeof *out->items, store_assignment_start_cmp);
	return 0;
}

/*
 * people_only rows with their sort key: the columns the index
 * assignments_shift_status holds (shift_id, status, volunteer_id and the
 * rowid), the derived ones, then name_folded. who DAY read 1,422 rows of
 * the million in assignments for their note, attendance, hours and
 * forced, which it never shows, and SQLite sorted every column of every
 * row in a temporary b-tree, which cost more than finding them; the rows
 * are sorted here (store_assignment_people_sort).
 */
struct store_assignment_people {
	struct assignment_list	*out;
	struct store_keys	 keys;
};

static void
store_assignment_people_row(sqlite3_stmt *stmt, void *arg)
{
	struct store_assignment_people *people = arg;
	struct assignment *a = assignment_list_push(people->out);
	int status, col;

	a->id = sqlite3_column_int64(stmt, 0);
	a->shift_id = sqlite3_column_int64(stmt, 1);
	a->volunteer_id = sqlite3_column_int64(stmt, 2);
	status = assignment_status_parse((const char *)
	    sqlite3_column_text(stmt, 3));
	a->status = status < 0 ? 0 : (enum assignment_status)status;
	col = store_fields_read_derived(stmt, 4, a, assignment_fields);
	store_keys_add(&people->keys, stmt, col, a->volunteer_id,
	    people->out->len - 1);
}

/*
 * ORDER BY s.start_at, e.title, s.role, v.name_folded, v.id, s.id (the
 * shift for a volunteer on two alike), as the full rows are read: SQLite's
 * BINARY order of text is strcmp's.
 */
static int
store_assignment_key_cmp(const void *pa, const void *pb)
{
	const struct store_key *ka = pa, *kb = pb;
	const struct assignment *a = ka->row, *b = kb->row;
	int c;

	if ((c = store_id_cmp(&a->start, &b->start)) != 0 ||
	    (c = strcmp(a->event_title, b->event_title)) != 0 ||
	    (c = strcmp(a->role, b->role)) != 0 ||
	    (c = strcmp(ka->folded, kb->folded)) != 0 ||
	    (c = store_id_cmp(&ka->id, &kb->id)) != 0)
		return c;
	return store_id_cmp(&a->shift_id, &b->shift_id);
}

/* The rows of people into the keys' order, the first limit (0: all). */
static void
store_assignment_people_sort(struct store_assignment_people *people,
    int64_t limit)
{
	struct assignment_list *out = people->out;
	size_t i, keep = people->keys.len, first = out->len - keep;

	store_keys_sort(&people->keys, out->items, out->len,
	    sizeof *out->items, store_assignment_key_cmp);
	if (limit > 0 && (uint64_t)limit < keep)
		keep = (size_t)limit;
	for (i = first + keep; i < out->len; i++)
		assignment_fini(&out->items[i]);
	out->len = first + keep;
}

#define STORE_ASSIGNMENT_RANGE \
	"WHERE s.start_at >= ?1 AND s.start_at < ?2 AND " \
	EVENT_LIVE_SQL("e.status") " "

int
store_assignment_list_range(struct store *st, const struct store_range *range,
    struct assignment_list *out, struct err *err)
{
	static const char sql_people[] = "SELECT a.id, a.shift_id, "
	    "a.volunteer_id, a.status" STORE_ASSIGNMENT_DERIVED
	    ", v.name_folded " STORE_ASSIGNMENT_FROM STORE_ASSIGNMENT_RANGE;
	static char *sql;
	struct store_assignment_people people = { 0 };
	int n;

	if (!range->people_only)
		return store_rows(st, store_query(st, err,
		    store_assignment_select(&sql, STORE_ASSIGNMENT_RANGE
		    "ORDER BY s.start_at, e.title, s.role, v.name_folded, "
		    "v.id, s.id LIMIT ?3"), "iii",
		    range->from ? range->from : INT64_MIN,
		    range->to ? range->to : INT64_MAX,
		    (int64_t)(range->limit > 0 ? range->limit : -1)),
		    store_assignment_list_row, out, err) < 0 ? -1 : 0;
	people.out = out;
	n = store_rows(st, store_query(st, err, sql_people, "ii",
	    range->from ? range->from : INT64_MIN,
	    range->to ? range->to : INT64_MAX),
	    store_assignment_people_row, &people, err);
	store_assignment_people_sort(&people, range->limit);
	return n < 0 ? -1 : 0;
}

int
store_assignment_set_note(struct store *st, int64_t shift_id,
    int64_t volunteer_id, const char *note, struct err *err)
{
	static const char sql[] = "UPDATE assignments SET note = ?3 "
	    "WHERE shift_id = ?1 AND volunteer_id = ?2";
	int rc = store_assignment_changed(st, store_query(st, err, sql, "iit",
	    shift_id, volunteer_id, note != NULL ? note : ""), shift_id,
	    volunteer_id, err);

	if (rc < 0 && err != NULL && err->code == ERR_NOT_FOUND)
		return err_set(err, ERR_NOT_FOUND, _("volunteer %lld is not on "
		    "shift %lld (see 'rooster shift show %lld')"),
		    (long long)volunteer_id, (long long)shift_id,
		    (long long)shift_id);
	return rc;
}
