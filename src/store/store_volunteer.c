/* SPDX-License-Identifier: ISC */
/* Volunteers and their unavailable periods in SQLite. */
#include "rooster/store.h"

#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

/*
 * After a volunteer's id, version and volunteer_fields (store_volunteer_
 * select()): shifts this month, one volunteer's, a few rows via
 * assignments_volunteer.
 */
#define STORE_VOLUNTEER_COUNT \
	", (SELECT count(*) FROM assignments a JOIN shifts s ON s.id = a.shift_id" \
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
#define STORE_VOLUNTEER_MONTH_COUNT ", coalesce(m.n, 0) "
#define STORE_VOLUNTEER_MONTH_FROM \
	"FROM volunteers v LEFT JOIN month m ON m.volunteer_id = v.id "
#define STORE_VOLUNTEER_SKILL \
	"(?2 IS NULL OR instr(',' || lower(v.skills) || ',', " \
	"  ',' || lower(?2) || ',') > 0) "
/* Names folded (name_folded, migration 13): Ë sorts with E. */
#define STORE_VOLUNTEER_ORDER "ORDER BY v.name_folded, v.id"
/* The trigram index finds substrings of at least this many characters. */
#define STORE_VOLUNTEER_TRIGRAM 3

/*
 * "<with>SELECT v.id, v.version, <volunteer_fields><count><tail>", built
 * once into *slot: count is the shifts this month.
 */
static const char *
store_volunteer_select(char **slot, const char *with, const char *count,
    const char *tail)
{
	char *head;

	if (*slot != NULL)
		return *slot;
	head = xasprintf("%sSELECT v.id, v.version, ", with);
	store_fields_select(slot, head, "v.", volunteer_fields, count, tail);
	free(head);
	return *slot;
}

static void
store_volunteer_row(sqlite3_stmt *stmt, void *arg)
{
	struct volunteer *v = arg;

	v->shifts_this_month = sqlite3_column_int(stmt,
	    store_fields_read_row(stmt, 0, &v->id, &v->version, v,
	    volunteer_fields));
}

static void
store_volunteer_list_row(sqlite3_stmt *stmt, void *arg)
{
	store_volunteer_row(stmt, volunteer_list_push(arg));
}

/* store_fields_found()'s message for a volunteer id that is not there. */
static const char *const store_volunteer_gone = N_("volunteer %lld not found "
    "(see 'rooster volunteer list')");

/* Bind the bounds of this month in the plan zone to ?8 and ?9. */
static void
store_volunteer_bind_month(sqlite3_stmt *stmt)
{
	int64_t start, end;

	rtime_month_span(rtime_zone(), rtime_now(), &start, &end);
	sqlite3_bind_int64(stmt, 8, start);
	sqlite3_bind_int64(stmt, 9, end);
}

/*
 * Run sql, which takes volunteer_fields, :now, :id and :folded, the name
 * folded (kept in step with it on every write), for v.
 */
static int
store_volunteer_write(struct store *st, const char *sql,
    const struct volunteer *v, struct err *err)
{
	sqlite3_stmt *stmt = store_fields_prepare(st, sql, v,
	    volunteer_fields, v->id, err);

	if (stmt == NULL)
		return -1;
	sqlite3_bind_text(stmt, sqlite3_bind_parameter_index(stmt,
	    ":folded"), text_fold(v->name), -1, free);
	return store_step_done(st, stmt, err);
}

int
store_volunteer_insert(struct store *st, struct volunteer *v, struct err *err)
{
	static char *sql;

	if (store_volunteer_write(st, store_fields_insert(&sql, "volunteers",
	    volunteer_fields, ", created_at, name_folded", ", :now, :folded"),
	    v, err) < 0)
		return -1;
	v->id = sqlite3_last_insert_rowid(st->db);
	v->version = 1;
	return 0;
}

int
store_volunteer_update(struct store *st, struct volunteer *v, struct err *err)
{
	static char *sql;

	if (store_volunteer_write(st, store_fields_update(&sql, "volunteers",
	    volunteer_fields, ", name_folded = :folded, "
	    "version = version + 1"), v, err) < 0 ||
	    store_fields_found(sqlite3_changes(st->db), err,
	    _(store_volunteer_gone), v->id) < 0)
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
	return store_fields_found(sqlite3_changes(st->db), err,
	    _(store_volunteer_gone), id);
}

/*
 * One volunteer by id, with count as the shifts-this-month column (month:
 * it takes the month's bounds); *sql caches the statement.
 */
static int
store_volunteer_get_by(struct store *st, char **sql, const char *count,
    bool month, int64_t id, struct volunteer *v, struct err *err)
{
	sqlite3_stmt *stmt = store_query(st, err, store_volunteer_select(sql,
	    "", count, "FROM volunteers v WHERE v.id = ?1"), "i", id);

	volunteer_init(v);
	if (stmt != NULL && month)
		store_volunteer_bind_month(stmt);
	return store_fields_found(store_rows(st, stmt,
	    store_volunteer_row, v, err), err,
	    _(store_volunteer_gone), id);
}

int
store_volunteer_get(struct store *st, int64_t id, struct volunteer *v,
    struct err *err)
{
	static char *sql;

	return store_volunteer_get_by(st, &sql, STORE_VOLUNTEER_COUNT, true,
	    id, v, err);
}

int
store_volunteer_get_bare(struct store *st, int64_t id, struct volunteer *v,
    struct err *err)
{
	static char *sql;

	return store_volunteer_get_by(st, &sql, ", 0 ", false, id, v, err);
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

int
store_volunteer_refold(struct store *st, struct err *err)
{
	static const char probe[] = "SELECT 1 FROM volunteers "
	    "WHERE name_folded = '' AND rooster_fold(name) != '' LIMIT 1";
	/* The history trigger logs the fill; no change of ours claims it. */
	static const char fill[] = "BEGIN IMMEDIATE;"
	    "UPDATE volunteers SET name_folded = rooster_fold(name) "
	    "WHERE name_folded = '' AND rooster_fold(name) != '';"
	    "DELETE FROM change_rows WHERE change_id IS NULL;"
	    "COMMIT";
	sqlite3_stmt *stmt;
	int rc;

	if (st->readonly)
		return 0;
	if ((stmt = store_stmt(st, probe, err)) == NULL)
		return -1;
	rc = sqlite3_step(stmt);
	sqlite3_reset(stmt);
	if (rc == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_ROW)
		return store_fail(st, rc, err);
	if ((rc = sqlite3_exec(st->db, fill, NULL, NULL, NULL)) != SQLITE_OK) {
		store_fail(st, rc, err);
		store_rollback(st);
		return -1;
	}
	return 0;
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
	/*
	 * Only the entries between the month's first and last shift ids:
	 * ids grow as shifts are added, so a month's lie close together
	 * when the plan was made in order, and the rest of a volunteer's
	 * two years of shifts is not read (the bound is right in any order).
	 */
	static const char sql_mine[] = "SELECT shift_id FROM assignments "
	    "WHERE volunteer_id = ?1 AND shift_id BETWEEN ?2 AND ?3 AND "
	    ASSIGNMENT_COUNTS_SQL("status");
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
		sqlite3_bind_int64(stmt, 2, ids[0]);
		sqlite3_bind_int64(stmt, 3, ids[n - 1]);
		while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
			id = sqlite3_column_int64(stmt, 0);
			if (xbsearch(&id, ids, n, sizeof *ids,
			    store_id_cmp) != NULL)
				out->items[i].shifts_this_month++;
		}
		sqlite3_reset(stmt);
	}
	free(ids);
	return rc == SQLITE_DONE ? 0 : store_fail(st, rc, err);
}

/*
 * The trigram search's rows with the sort key after the month's count:
 * sorted here (store_keys_sort), not in the temporary b-tree
 * SQLite builds of every column of every match, which cost as much as
 * finding them.
 */
struct store_volunteer_sorted {
	struct volunteer_list	*out;
	struct store_keys	 keys;
};

static void
store_volunteer_sorted_row(sqlite3_stmt *stmt, void *arg)
{
	struct store_volunteer_sorted *sorted = arg;
	struct volunteer *v = volunteer_list_push(sorted->out);
	int col;

	col = store_fields_read_row(stmt, 0, &v->id, &v->version, v,
	    volunteer_fields);
	v->shifts_this_month = sqlite3_column_int(stmt, col);
	store_keys_add(&sorted->keys, stmt, col + 1, v->id,
	    sorted->out->len - 1);
}

/*
 * ORDER BY v.name_folded, v.id: SQLite's BINARY order of text is that of
 * strcmp (bytes unsigned, a prefix first), and the ids break ties.
 */
static int
store_volunteer_key_cmp(const void *pa, const void *pb)
{
	const struct store_key *a = pa, *b = pb;
	int c = strcmp(a->folded, b->folded);

	return c != 0 ? c : store_id_cmp(&a->id, &b->id);
}

/*
 * Three ways to one answer, each without regard to case and accents: the
 * search is folded (text_fold) and matched against name_folded and the
 * e-mail address. A search of three characters or more goes through
 * volunteers_fts (migrations 5 and 13: trigram index over name_folded
 * and email), as one quoted FTS5 phrase, so any text is a literal
 * substring, and counts each match's shifts through the covering index.
 * A shorter one cannot use trigrams and, like no search at all, reads
 * every volunteer in name order; those long lists count the whole
 * month's shifts in one pass instead.
 */
int
store_volunteer_list(struct store *st, const char *search, const char *skill,
    struct volunteer_list *out, struct err *err)
{
	static char *sql_all, *sql_short, *sql_fts;
	struct store_volunteer_sorted sorted = { 0 };
	struct strbuf phrase;
	sqlite3_stmt *stmt;
	bool fts = false;
	char *folded;
	int n;

	strbuf_init(&phrase);
	folded = text_fold(search);
	if (*folded == '\0')
		stmt = store_stmt(st, store_volunteer_select(&sql_all,
		    STORE_VOLUNTEER_MONTH_WITH, STORE_VOLUNTEER_MONTH_COUNT,
		    STORE_VOLUNTEER_MONTH_FROM "WHERE " STORE_VOLUNTEER_SKILL
		    STORE_VOLUNTEER_ORDER), err);
	else if (store_volunteer_chars(folded, STORE_VOLUNTEER_TRIGRAM) <
	    STORE_VOLUNTEER_TRIGRAM) {
		if ((stmt = store_stmt(st, store_volunteer_select(&sql_short,
		    STORE_VOLUNTEER_MONTH_WITH, STORE_VOLUNTEER_MONTH_COUNT,
		    STORE_VOLUNTEER_MONTH_FROM "WHERE (instr(v.name_folded, ?1) "
		    "> 0 OR instr(lower(v.email), ?1) > 0) AND "
		    STORE_VOLUNTEER_SKILL STORE_VOLUNTEER_ORDER), err)) != NULL)
			store_bind_text(stmt, 1, folded);
	} else {
		store_volunteer_phrase(&phrase, folded);
		/*
		 * The month's counts come after (store_volunteer_month), the
		 * order of STORE_VOLUNTEER_ORDER too.
		 */
		if ((stmt = store_stmt(st, store_volunteer_select(&sql_fts, "",
		    ", 0, v.name_folded ", "FROM volunteers v WHERE v.id IN "
		    "(SELECT rowid FROM volunteers_fts WHERE volunteers_fts "
		    "MATCH ?1) AND " STORE_VOLUNTEER_SKILL), err)) != NULL)
			store_bind_text(stmt, 1, strbuf_str(&phrase));
		fts = true;
	}
	strbuf_fini(&phrase);
	free(folded);
	if (stmt == NULL)
		return -1;
	store_bind_text(stmt, 2, skill);
	if (!fts) {
		store_volunteer_bind_month(stmt);
		return store_rows(st, stmt, store_volunteer_list_row, out,
		    err) < 0 ? -1 : 0;
	}
	sorted.out = out;
	n = store_rows(st, stmt, store_volunteer_sorted_row, &sorted, err);
	store_keys_sort(&sorted.keys, out->items, out->len, sizeof *out->items,
	    store_volunteer_key_cmp);
	return n < 0 ? -1 : store_volunteer_month(st, out, err);
}

/* The page's filter, then the keyset and order on the folded name. */
#define STORE_VOLUNTEER_PAGE(where) \
	"FROM volunteers v WHERE " where \
	"AND (?2 IS NULL OR v.name_folded > ?2 " \
	"  OR (v.name_folded = ?2 AND v.id > ?3)) " \
	"ORDER BY v.name_folded, v.id LIMIT ?4"
#define STORE_VOLUNTEER_PAGE_SEARCH \
	"(?1 IS NULL OR instr(v.name_folded, ?1) > 0 " \
	"  OR instr(lower(v.email), ?1) > 0) "
/*
 * A filter of three characters or more: the matches from the trigram
 * index, then the page among them (a rare filter would otherwise read
 * every volunteer looking for a page of matches).
 */
#define STORE_VOLUNTEER_PAGE_FTS \
	"v.id IN (SELECT rowid FROM volunteers_fts " \
	"  WHERE volunteers_fts MATCH ?1) "

int
store_volunteer_list_page(struct store *st, const char *search,
    const char *after_name, int64_t after_id, int64_t limit,
    struct volunteer_list *out, struct err *err)
{
	/* Keyset pagination over volunteers_folded: no OFFSET. */
	static char *sql_search, *sql_fts;
	struct strbuf phrase;
	sqlite3_stmt *stmt;
	char *folded = text_fold(search);
	bool fts;

	strbuf_init(&phrase);
	fts = store_volunteer_chars(folded, STORE_VOLUNTEER_TRIGRAM) >=
	    STORE_VOLUNTEER_TRIGRAM;
	if (fts) {
		store_volunteer_phrase(&phrase, folded);
		if ((stmt = store_stmt(st, store_volunteer_select(&sql_fts, "",
		    STORE_VOLUNTEER_COUNT,
		    STORE_VOLUNTEER_PAGE(STORE_VOLUNTEER_PAGE_FTS)), err)) != NULL)
			store_bind_text(stmt, 1, strbuf_str(&phrase));
	} else if ((stmt = store_stmt(st, store_volunteer_select(&sql_search,
	    "", STORE_VOLUNTEER_COUNT,
	    STORE_VOLUNTEER_PAGE(STORE_VOLUNTEER_PAGE_SEARCH)), err)) != NULL)
		store_bind_text(stmt, 1, *folded != '\0' ? folded : NULL);
	strbuf_fini(&phrase);
	free(folded);
	if (stmt == NULL)
		return -1;
	if (after_name != NULL)
		sqlite3_bind_text(stmt, 2, text_fold(after_name), -1, free);
	else
		sqlite3_bind_null(stmt, 2);
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
	static char *sql;

	if (store_fields_write(st, store_fields_insert(&sql, "unavailable",
	    unavailable_fields, "", ""), u, unavailable_fields, 0, err) < 0)
		return -1;
	u->id = sqlite3_last_insert_rowid(st->db);
	return 0;
}

static void
store_unavailable_row(sqlite3_stmt *stmt, void *arg)
{
	struct unavailable *u = unavailable_list_push(arg);

	store_fields_read_row(stmt, 0, &u->id, NULL, u, unavailable_fields);
}

int
store_unavailable_list(struct store *st, int64_t volunteer_id,
    struct unavailable_list *out, struct err *err)
{
	static char *sql;

	return store_rows(st, store_query(st, err, store_fields_select(&sql,
	    "SELECT id, ", "", unavailable_fields, " FROM unavailable ",
	    "WHERE volunteer_id = ?1 ORDER BY start_at"), "i", volunteer_id),
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

/* Candidates read for store_volunteer_match: far more than it lists. */
#define STORE_VOLUNTEER_MATCH_MAX 200

/*
 * The tier of a candidate named name for what was typed (want: text
 * lowered, accents kept; folded: text folded): 0 the whole name with the
 * accents as typed (case ignored), 1 a prefix with the accents as typed,
 * 2 the whole name folded, 3 a prefix folded (what the query found).
 * Only typed accents narrow: "ëlla" is Ëlla Visser beside Ella Jansen,
 * while "ella", typed as anyone would without them, could be either.
 */
static int
store_volunteer_tier(const char *name, const char *want, const char *folded,
    const char *name_folded)
{
	char *lower;
	size_t n = strlen(want);
	int tier = strcmp(name_folded, folded) == 0 ? 2 : 3;

	if (strcmp(want, folded) == 0)
		return tier;
	lower = text_lower(name);
	if (strncmp(lower, want, n) == 0)
		tier = lower[n] == '\0' ? 0 : 1;
	free(lower);
	return tier;
}

int
store_volunteer_match(struct store *st, const char *text,
    struct volunteer_list *out, size_t *exact, struct err *err)
{
	/* Folded prefixes through volunteers_folded: a range of the index. */
	static const char sql[] = "SELECT v.id, v.name, v.email, "
	    "v.name_folded FROM volunteers v "
	    "WHERE v.name_folded >= ?1 AND v.name_folded < ?1 || char(1114111) "
	    "ORDER BY v.name_folded, v.id LIMIT ?2";
	sqlite3_stmt *stmt = store_stmt(st, sql, err);
	struct volunteer_list found = { 0 };
	struct volunteer *v;
	char *folded, *want, *name_folded;
	int *tiers = NULL, best = 4, rc;
	size_t i;

	*exact = 0;
	if (stmt == NULL)
		return -1;
	folded = text_fold(text);
	want = text_lower(text);
	store_bind_text(stmt, 1, folded);
	sqlite3_bind_int(stmt, 2, STORE_VOLUNTEER_MATCH_MAX);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		v = volunteer_list_push(&found);
		v->id = sqlite3_column_int64(stmt, 0);
		v->name = store_col_text(stmt, 1);
		v->email = store_col_text(stmt, 2);
		name_folded = store_col_text(stmt, 3);
		tiers = xreallocarray(tiers, found.len, sizeof *tiers);
		tiers[found.len - 1] = store_volunteer_tier(v->name, want,
		    folded, name_folded);
		if (tiers[found.len - 1] < best)
			best = tiers[found.len - 1];
		free(name_folded);
	}
	sqlite3_reset(stmt);
	/* The best tier first, in name order; the rest after. */
	for (i = 0; i < found.len; i++)
		if (tiers[i] == best) {
			*volunteer_list_push(out) = found.items[i];
			(*exact)++;
		}
	for (i = 0; i < found.len; i++)
		if (tiers[i] != best)
			*volunteer_list_push(out) = found.items[i];
	/* Each one moved to out: only the array is left. */
	free(found.items);
	free(tiers);
	free(folded);
	free(want);
	return rc == SQLITE_DONE ? 0 : store_fail(st, rc, err);
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
