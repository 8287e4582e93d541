/* SPDX-License-Identifier: ISC */
/* Volunteers and their unavailable periods in SQLite. */
#include "rooster/store.h"

#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

#define STORE_VOLUNTEER_FIELDS \
	"v.id, v.name, v.email, v.phone, v.skills, v.languages, " \
	"v.max_per_month, v.notes, v.active, v.version, "
/* Shifts this month, one volunteer's: a few rows via assignments_volunteer. */
#define STORE_VOLUNTEER_COLS STORE_VOLUNTEER_FIELDS \
	"(SELECT count(*) FROM assignments a JOIN shifts s ON s.id = a.shift_id" \
	"  WHERE a.volunteer_id = v.id" \
	" AND " ASSIGNMENT_COUNTS_SQL("a.status") " " \
	"  AND s.start_at >= ?8 AND s.start_at < ?9) "
/*
 * Shifts this month for a long list: the month's assignments counted once
 * (shifts_start, then assignments by shift) and joined, instead of one
 * subquery per volunteer, which would read every assignment of everyone.
 */
#define STORE_VOLUNTEER_MONTH_WITH \
	"WITH month (volunteer_id, n) AS (SELECT a.volunteer_id, count(*) " \
	"  FROM shifts s JOIN assignments a ON a.shift_id = s.id " \
	"  WHERE s.start_at >= ?8 AND s.start_at < ?9 " \
	"  AND " ASSIGNMENT_COUNTS_SQL("a.status") " GROUP BY a.volunteer_id) "
#define STORE_VOLUNTEER_MONTH_COLS STORE_VOLUNTEER_FIELDS "coalesce(m.n, 0) "
#define STORE_VOLUNTEER_MONTH_FROM \
	"FROM volunteers v LEFT JOIN month m ON m.volunteer_id = v.id "
#define STORE_VOLUNTEER_SKILL \
	"(?2 IS NULL OR instr(',' || lower(v.skills) || ',', " \
	"  ',' || lower(?2) || ',') > 0) "
#define STORE_VOLUNTEER_ORDER "ORDER BY v.name COLLATE NOCASE, v.id"
/* The trigram index finds substrings of at least this many characters. */
#define STORE_VOLUNTEER_TRIGRAM 3

static void
store_volunteer_row(sqlite3_stmt *stmt, void *arg)
{
	struct volunteer *v = arg;

	v->id = sqlite3_column_int64(stmt, 0);
	/* Columns 1 to 8 are volunteer_fields, in their order. */
	store_fields_read(stmt, 1, v, volunteer_fields);
	v->version = sqlite3_column_int64(stmt, 9);
	v->shifts_this_month = sqlite3_column_int(stmt, 10);
}

static void
store_volunteer_list_row(sqlite3_stmt *stmt, void *arg)
{
	store_volunteer_row(stmt, volunteer_list_push(arg));
}

/* ERR_NOT_FOUND for volunteer id if n (rows read or changed) is 0. */
static int
store_volunteer_found(int64_t id, int n, struct err *err)
{
	if (n < 0)
		return -1;
	if (n == 0)
		return err_set(err, ERR_NOT_FOUND, _("volunteer %lld not found "
		    "(see 'rooster volunteer list')"), (long long)id);
	return 0;
}

/* Bind the bounds of this month in the plan zone to ?8 and ?9. */
static void
store_volunteer_bind_month(sqlite3_stmt *stmt)
{
	int64_t start, end;

	rtime_month_span(rtime_zone(), rtime_now(), &start, &end);
	sqlite3_bind_int64(stmt, 8, start);
	sqlite3_bind_int64(stmt, 9, end);
}

static void
store_volunteer_bind(sqlite3_stmt *stmt, const struct volunteer *v)
{
	/* ?1 to ?8 are volunteer_fields, in their order. */
	store_fields_bind(stmt, 1, v, volunteer_fields);
}

int
store_volunteer_insert(struct store *st, struct volunteer *v, struct err *err)
{
	static const char sql[] = "INSERT INTO volunteers (name, email, phone, "
	    "skills, languages, max_per_month, notes, active, created_at) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
	sqlite3_stmt *stmt = store_stmt(st, sql, err);

	if (stmt == NULL)
		return -1;
	store_volunteer_bind(stmt, v);
	sqlite3_bind_int64(stmt, 9, rtime_now());
	if (store_step_done(st, stmt, err) < 0)
		return -1;
	v->id = sqlite3_last_insert_rowid(st->db);
	v->version = 1;
	return 0;
}

int
store_volunteer_update(struct store *st, struct volunteer *v, struct err *err)
{
	static const char sql[] = "UPDATE volunteers SET name = ?1, email = ?2, "
	    "phone = ?3, skills = ?4, languages = ?5, max_per_month = ?6, "
	    "notes = ?7, active = ?8, version = version + 1 WHERE id = ?9";
	sqlite3_stmt *stmt = store_stmt(st, sql, err);

	if (stmt == NULL)
		return -1;
	store_volunteer_bind(stmt, v);
	sqlite3_bind_int64(stmt, 9, v->id);
	if (store_step_done(st, stmt, err) < 0 ||
	    store_volunteer_found(v->id, sqlite3_changes(st->db), err) < 0)
		return -1;
	v->version++;
	return 0;
}

int
store_volunteer_delete(struct store *st, int64_t id, struct err *err)
{
	static const char sql[] = "DELETE FROM volunteers WHERE id = ?1";

	if (store_run(st, err, sql, "i", id) < 0)
		return -1;
	return store_volunteer_found(id, sqlite3_changes(st->db), err);
}

int
store_volunteer_get(struct store *st, int64_t id, struct volunteer *v,
    struct err *err)
{
	static const char sql[] = "SELECT " STORE_VOLUNTEER_COLS
	    "FROM volunteers v WHERE v.id = ?1";
	sqlite3_stmt *stmt = store_query(st, err, sql, "i", id);

	volunteer_init(v);
	if (stmt != NULL)
		store_volunteer_bind_month(stmt);
	return store_volunteer_found(id, store_rows(st, stmt,
	    store_volunteer_row, v, err), err);
}

int64_t
store_volunteer_find_email(struct store *st, const char *email,
    struct err *err)
{
	static const char sql[] = "SELECT id FROM volunteers "
	    "WHERE lower(email) = lower(?1) AND email != '' LIMIT 1";

	return store_id_by_text(st, sql, email, err);
}

int64_t
store_volunteer_find_name(struct store *st, const char *name,
    struct err *err)
{
	static const char sql[] = "SELECT id FROM volunteers "
	    "WHERE lower(name) = lower(?1) AND email = '' ORDER BY id LIMIT 1";

	return store_id_by_text(st, sql, name, err);
}

/* Characters (not bytes) in s, up to max. */
static size_t
store_volunteer_chars(const char *s, size_t max)
{
	size_t n = 0;

	for (; *s != '\0' && n < max; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

/* search as one FTS5 phrase: quoted, so any text is a literal substring. */
static void
store_volunteer_phrase(struct strbuf *sb, const char *search)
{
	const char *p;

	strbuf_addc(sb, '"');
	for (p = search; *p != '\0'; p++) {
		if (*p == '"')
			strbuf_addc(sb, '"');
		strbuf_addc(sb, *p);
	}
	strbuf_addc(sb, '"');
}

/*
 * Shifts this month of some hundreds of volunteers (out):
 * the month's shift ids, sorted here; then every entry of those
 * volunteers in the covering index assignments_volunteer (volunteer_id,
 * shift_id, status), counted by binary search. Two statements, no probe
 * into a temporary b-tree per entry as the same in SQL would make.
 */
static int
store_volunteer_month(struct store *st, struct volunteer_list *out,
    struct err *err)
{
	/* ?8 and ?9 as everywhere here: store_volunteer_bind_month. */
	static const char sql_shifts[] = "SELECT id FROM shifts "
	    "WHERE start_at >= ?8 AND start_at < ?9";
	static const char sql_mine[] = "SELECT shift_id FROM assignments "
	    "WHERE volunteer_id = ?1 AND " ASSIGNMENT_COUNTS_SQL("status");
	sqlite3_stmt *stmt;
	int64_t *ids, id;
	size_t n, i;
	int rc;

	if (out->len == 0)
		return 0;
	if ((stmt = store_stmt(st, sql_shifts, err)) == NULL)
		return -1;
	store_volunteer_bind_month(stmt);
	if (store_ids(st, stmt, &ids, &n, err) < 0)
		return -1;
	if ((stmt = store_stmt(st, sql_mine, err)) == NULL) {
		free(ids);
		return -1;
	}
	rc = SQLITE_DONE;
	for (i = 0; n > 0 && i < out->len && rc == SQLITE_DONE; i++) {
		out->items[i].shifts_this_month = 0;
		sqlite3_bind_int64(stmt, 1, out->items[i].id);
		while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
			id = sqlite3_column_int64(stmt, 0);
			if (bsearch(&id, ids, n, sizeof *ids,
			    store_id_cmp) != NULL)
				out->items[i].shifts_this_month++;
		}
		sqlite3_reset(stmt);
	}
	free(ids);
	return rc == SQLITE_DONE ? 0 : store_fail(st, rc, err);
}

/*
 * Three ways to one answer. A search of three characters or more goes
 * through volunteers_fts (migration: trigram index), as one quoted FTS5
 * phrase, so any text is a literal substring, and counts each match's
 * shifts through the covering index. A shorter one cannot use trigrams
 * and, like no search at all, reads every volunteer in name order; those
 * long lists count the whole month's shifts in one pass instead.
 */
int
store_volunteer_list(struct store *st, const char *search, const char *skill,
    struct volunteer_list *out, struct err *err)
{
	static const char sql_all[] = STORE_VOLUNTEER_MONTH_WITH
	    "SELECT " STORE_VOLUNTEER_MONTH_COLS STORE_VOLUNTEER_MONTH_FROM
	    "WHERE " STORE_VOLUNTEER_SKILL STORE_VOLUNTEER_ORDER;
	static const char sql_short[] = STORE_VOLUNTEER_MONTH_WITH
	    "SELECT " STORE_VOLUNTEER_MONTH_COLS STORE_VOLUNTEER_MONTH_FROM
	    "WHERE (instr(lower(v.name), lower(?1)) > 0 "
	    "  OR instr(lower(v.email), lower(?1)) > 0) "
	    "AND " STORE_VOLUNTEER_SKILL STORE_VOLUNTEER_ORDER;
	/* The month's counts come after (store_volunteer_month). */
	static const char sql_fts[] = "SELECT " STORE_VOLUNTEER_FIELDS "0 "
	    "FROM volunteers v WHERE v.id IN (SELECT rowid FROM volunteers_fts "
	    "  WHERE volunteers_fts MATCH ?1) "
	    "AND " STORE_VOLUNTEER_SKILL STORE_VOLUNTEER_ORDER;
	struct strbuf phrase;
	sqlite3_stmt *stmt;
	bool fts = false;

	strbuf_init(&phrase);
	if (search == NULL || *search == '\0')
		stmt = store_stmt(st, sql_all, err);
	else if (store_volunteer_chars(search, STORE_VOLUNTEER_TRIGRAM) <
	    STORE_VOLUNTEER_TRIGRAM) {
		if ((stmt = store_stmt(st, sql_short, err)) != NULL)
			store_bind_text(stmt, 1, search);
	} else {
		store_volunteer_phrase(&phrase, search);
		if ((stmt = store_stmt(st, sql_fts, err)) != NULL)
			store_bind_text(stmt, 1, strbuf_str(&phrase));
		fts = true;
	}
	strbuf_fini(&phrase);
	if (stmt == NULL)
		return -1;
	store_bind_text(stmt, 2, skill);
	if (!fts)
		store_volunteer_bind_month(stmt);
	if (store_rows(st, stmt, store_volunteer_list_row, out, err) < 0)
		return -1;
	return fts ? store_volunteer_month(st, out, err) : 0;
}

/*
 * A plan of at most this many volunteers pages in folded order
 * (rooster_fold: Ë sorts with E, as `volunteer list` does), folding every
 * name per page; a larger one keeps to the name index's order (case
 * folded only), whose page costs the same at any size.
 */
#define STORE_VOLUNTEER_FOLD_MAX 5000

/* The page's filter, keyset and order on key (an expression of names). */
#define STORE_VOLUNTEER_PAGE(where, key) \
	"SELECT " STORE_VOLUNTEER_COLS "FROM volunteers v WHERE " where \
	"AND (?2 IS NULL OR " key("v.name") " > " key("?2") " " \
	"  OR (" key("v.name") " = " key("?2") " AND v.id > ?3)) " \
	"ORDER BY " key("v.name") ", v.id LIMIT ?4"
#define STORE_VOLUNTEER_NOCASE(x) x " COLLATE NOCASE"
#define STORE_VOLUNTEER_FOLD(x) "rooster_fold(" x ")"
#define STORE_VOLUNTEER_PAGE_SEARCH \
	"(?1 IS NULL OR instr(lower(v.name), lower(?1)) > 0 " \
	"  OR instr(lower(v.email), lower(?1)) > 0) "
/*
 * A filter of three characters or more: the matches from the trigram
 * index, then the page among them (a rare filter would otherwise read
 * every volunteer looking for a page of matches).
 */
#define STORE_VOLUNTEER_PAGE_FTS \
	"v.id IN (SELECT rowid FROM volunteers_fts " \
	"  WHERE volunteers_fts MATCH ?1) "

/* True if the plan has at most STORE_VOLUNTEER_FOLD_MAX volunteers. */
static bool
store_volunteer_few(struct store *st)
{
	static const char sql[] = "SELECT count(*) FROM (SELECT 1 FROM "
	    "volunteers LIMIT ?1)";
	int64_t n = 0;

	(void)store_int(st, NULL, &n, sql, "i",
	    (int64_t)STORE_VOLUNTEER_FOLD_MAX + 1);
	return n <= STORE_VOLUNTEER_FOLD_MAX;
}

int
store_volunteer_list_page(struct store *st, const char *search,
    const char *after_name, int64_t after_id, int64_t limit,
    struct volunteer_list *out, struct err *err)
{
	/* Keyset pagination: no OFFSET; over volunteers_name when large. */
	static const char *const sql[2][2] = {
		{ STORE_VOLUNTEER_PAGE(STORE_VOLUNTEER_PAGE_SEARCH,
		    STORE_VOLUNTEER_NOCASE),
		  STORE_VOLUNTEER_PAGE(STORE_VOLUNTEER_PAGE_FTS,
		    STORE_VOLUNTEER_NOCASE) },
		{ STORE_VOLUNTEER_PAGE(STORE_VOLUNTEER_PAGE_SEARCH,
		    STORE_VOLUNTEER_FOLD),
		  STORE_VOLUNTEER_PAGE(STORE_VOLUNTEER_PAGE_FTS,
		    STORE_VOLUNTEER_FOLD) },
	};
	struct strbuf phrase;
	sqlite3_stmt *stmt;
	bool fts, fold = store_volunteer_few(st);

	strbuf_init(&phrase);
	fts = search != NULL && store_volunteer_chars(search,
	    STORE_VOLUNTEER_TRIGRAM) >= STORE_VOLUNTEER_TRIGRAM;
	if (fts) {
		store_volunteer_phrase(&phrase, search);
		if ((stmt = store_stmt(st, sql[fold][1], err)) != NULL)
			store_bind_text(stmt, 1, strbuf_str(&phrase));
	} else if ((stmt = store_stmt(st, sql[fold][0], err)) != NULL)
		store_bind_text(stmt, 1, search != NULL && *search != '\0' ?
		    search : NULL);
	strbuf_fini(&phrase);
	if (stmt == NULL)
		return -1;
	store_bind_text(stmt, 2, after_name);
	sqlite3_bind_int64(stmt, 3, after_id);
	sqlite3_bind_int64(stmt, 4, limit > 0 ? limit : -1);
	store_volunteer_bind_month(stmt);
	return store_rows(st, stmt, store_volunteer_list_row, out, err) < 0 ?
	    -1 : 0;
}

int
store_unavailable_insert(struct store *st, struct unavailable *u,
    struct err *err)
{
	static const char sql[] = "INSERT INTO unavailable (volunteer_id, "
	    "start_at, end_at, reason, source) VALUES (?1, ?2, ?3, ?4, ?5)";

	if (store_run(st, err, sql, "iiitt", u->volunteer_id, u->start, u->end,
	    u->reason ? u->reason : "", u->source ? u->source : "") < 0)
		return -1;
	u->id = sqlite3_last_insert_rowid(st->db);
	return 0;
}

static void
store_unavailable_row(sqlite3_stmt *stmt, void *arg)
{
	struct unavailable *u = unavailable_list_push(arg);

	u->id = sqlite3_column_int64(stmt, 0);
	u->volunteer_id = sqlite3_column_int64(stmt, 1);
	u->start = sqlite3_column_int64(stmt, 2);
	u->end = sqlite3_column_int64(stmt, 3);
	u->reason = store_col_text(stmt, 4);
	u->source = store_col_text(stmt, 5);
}

int
store_unavailable_list(struct store *st, int64_t volunteer_id,
    struct unavailable_list *out, struct err *err)
{
	static const char sql[] = "SELECT id, volunteer_id, start_at, end_at, "
	    "reason, source FROM unavailable WHERE volunteer_id = ?1 "
	    "ORDER BY start_at";

	return store_rows(st, store_query(st, err, sql, "i", volunteer_id),
	    store_unavailable_row, out, err) < 0 ? -1 : 0;
}

int
store_unavailable_delete(struct store *st, int64_t volunteer_id, int64_t id,
    struct err *err)
{
	static const char sql[] = "DELETE FROM unavailable "
	    "WHERE id = ?1 AND volunteer_id = ?2";

	if (store_run(st, err, sql, "ii", id, volunteer_id) < 0)
		return -1;
	if (sqlite3_changes(st->db) == 0)
		return err_set(err, ERR_NOT_FOUND, _("volunteer %lld has no "
		    "unavailable period %lld (see 'rooster volunteer show "
		    "%lld')"), (long long)volunteer_id, (long long)id,
		    (long long)volunteer_id);
	return 0;
}

int
store_volunteer_match(struct store *st, const char *text,
    struct volunteer_list *out, size_t *exact, struct err *err)
{
	/* Whole folded names first, then prefixes, by name. */
	static const char sql[] = "SELECT v.id, v.name, v.email, "
	    "rooster_fold(v.name) = ?1 FROM volunteers v "
	    "WHERE substr(rooster_fold(v.name), 1, length(?1)) = ?1 "
	    "ORDER BY 4 DESC, v.name COLLATE NOCASE, v.id LIMIT 8";
	sqlite3_stmt *stmt = store_stmt(st, sql, err);
	struct volunteer *v;
	char *folded;
	int rc;

	*exact = 0;
	if (stmt == NULL)
		return -1;
	folded = text_fold(text);
	store_bind_text(stmt, 1, folded);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		v = volunteer_list_push(out);
		v->id = sqlite3_column_int64(stmt, 0);
		v->name = store_col_text(stmt, 1);
		v->email = store_col_text(stmt, 2);
		if (sqlite3_column_int(stmt, 3))
			(*exact)++;
	}
	free(folded);
	return store_end(st, stmt, rc, err);
}

int
store_unavailable_clear(struct store *st, int64_t volunteer_id,
    const char *source, int64_t from, int64_t to, size_t *removed,
    struct err *err)
{
	/* What lies outside [from, to) of a period across an edge stays. */
	static const char before[] = "INSERT INTO unavailable (volunteer_id, "
	    "start_at, end_at, reason, source) SELECT volunteer_id, start_at, "
	    "?3, reason, source FROM unavailable WHERE volunteer_id = ?1 AND "
	    "source = ?2 AND start_at < ?3 AND end_at > ?3";
	static const char after[] = "INSERT INTO unavailable (volunteer_id, "
	    "start_at, end_at, reason, source) SELECT volunteer_id, ?4, "
	    "end_at, reason, source FROM unavailable WHERE volunteer_id = ?1 "
	    "AND source = ?2 AND start_at < ?4 AND end_at > ?4";
	/* The pieces just made end at ?3 or start at ?4: not overlapping. */
	static const char clear[] = "DELETE FROM unavailable WHERE "
	    "volunteer_id = ?1 AND source = ?2 AND start_at < ?4 AND "
	    "end_at > ?3";

	assert(source != NULL && *source != '\0');
	*removed = 0;
	if (store_run(st, err, before, "iti", volunteer_id, source, from) < 0 ||
	    store_run(st, err, after, "itii", volunteer_id, source, from,
	    to) < 0 ||
	    store_run(st, err, clear, "itii", volunteer_id, source, from,
	    to) < 0)
		return -1;
	*removed = (size_t)sqlite3_changes(st->db);
	return 0;
}
