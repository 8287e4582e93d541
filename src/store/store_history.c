/* SPDX-License-Identifier: ISC */
/*
 * Row history: triggers copy the before and after of every changed row into
 * change_rows as JSON objects, and undo puts the before back. The triggers
 * are made from each table's columns when a plan is opened, so a migration
 * that adds a column is captured without touching this file; undo builds
 * its statements from the same column lists and binds every value.
 */
#include "rooster/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

/* The tables whose rows are kept in history, parents first. */
static const char *const store_history_tables[] = {
	"events", "shifts", "volunteers", "unavailable", "teams",
	"team_members", "assignments"
};
#define STORE_HISTORY_NTABLES \
	(sizeof store_history_tables / sizeof store_history_tables[0])

void
store_history_cols_free(struct store_history_cols *c)
{
	size_t i;

	for (i = 0; i < c->len; i++) {
		free(c->names[i]);
		free(c->defaults[i]);
	}
	free(c->names);
	free(c->pk);
	free(c->defaults);
	memset(c, 0, sizeof *c);
}

static bool
store_history_is_table(const char *tbl)
{
	size_t i;

	for (i = 0; i < STORE_HISTORY_NTABLES; i++)
		if (strcmp(tbl, store_history_tables[i]) == 0)
			return true;
	return false;
}

int
store_history_columns(struct store *st, const char *tbl,
    struct store_history_cols *out, struct err *err)
{
	static const char sql[] = "SELECT name, pk, dflt_value "
	    "FROM pragma_table_info(?1)";
	sqlite3_stmt *stmt = store_stmt(st, sql, err);
	const char *p;
	char *name;
	int rc;

	memset(out, 0, sizeof *out);
	if (stmt == NULL)
		return -1;
	store_bind_text(stmt, 1, tbl);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		name = store_col_text(stmt, 0);
		for (p = name; *p != '\0'; p++)
			if (!((*p >= 'a' && *p <= 'z') ||
			    (*p >= 'A' && *p <= 'Z') ||
			    (*p >= '0' && *p <= '9') || *p == '_'))
				break;
		if (*p != '\0' || *name == '\0') {
			free(name);
			sqlite3_reset(stmt);
			store_history_cols_free(out);
			return err_set(err, ERR_SCHEMA,
			    _("table %s has a column "
			    "this rooster cannot keep history of"), tbl);
		}
		out->names = xreallocarray(out->names, out->len + 1,
		    sizeof *out->names);
		out->pk = xreallocarray(out->pk, out->len + 1,
		    sizeof *out->pk);
		out->defaults = xreallocarray(out->defaults, out->len + 1,
		    sizeof *out->defaults);
		out->names[out->len] = name;
		out->pk[out->len] = sqlite3_column_int(stmt, 1) > 0;
		out->defaults[out->len] = sqlite3_column_type(stmt, 2) ==
		    SQLITE_NULL ? NULL : store_col_text(stmt, 2);
		if (strcmp(name, "id") == 0)
			out->has_id = true;
		out->len++;
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		store_history_cols_free(out);
		return store_fail(st, rc, err);
	}
	return 0;
}

/* json_object('a', P.a, 'b', P.b, ...) for P = OLD or NEW. */
static void
store_history_image(struct strbuf *sb, const struct store_history_cols *c,
    const char *p)
{
	size_t i;

	strbuf_adds(sb, "json_object(");
	for (i = 0; i < c->len; i++)
		strbuf_addf(sb, "%s'%s', %s.%s", i > 0 ? ", " : "",
		    c->names[i], p, c->names[i]);
	strbuf_adds(sb, ")");
}

/* The CREATE TRIGGER text for one table and kind ("ins", "upd", "del"). */
static char *
store_history_trigger_sql(const char *tbl, const struct store_history_cols *c,
    const char *kind)
{
	struct strbuf sb;
	const char *row = kind[0] == 'd' ? "OLD" : "NEW";
	size_t i;

	strbuf_init(&sb);
	strbuf_addf(&sb, "CREATE TRIGGER log_%s_%s AFTER %s ON %s", tbl, kind,
	    kind[0] == 'i' ? "INSERT" : kind[0] == 'u' ? "UPDATE" : "DELETE",
	    tbl);
	if (kind[0] == 'u') {
		strbuf_adds(&sb, " WHEN ");
		for (i = 0; i < c->len; i++)
			strbuf_addf(&sb, "%sOLD.%s IS NOT NEW.%s",
			    i > 0 ? " OR " : "", c->names[i], c->names[i]);
	}
	/* The open change's id, if one is open (store_log_open). */
	strbuf_addf(&sb, " BEGIN INSERT INTO change_rows (change_id, tbl, "
	    "row_id, before, after) VALUES ((SELECT value FROM settings "
	    "WHERE key = '" STORE_LOG_OPEN "'), '%s', ", tbl);
	if (c->has_id)
		strbuf_addf(&sb, "%s.id, ", row);
	else
		strbuf_adds(&sb, "NULL, ");
	if (kind[0] == 'i')
		strbuf_adds(&sb, "NULL");
	else
		store_history_image(&sb, c, "OLD");
	strbuf_adds(&sb, ", ");
	if (kind[0] == 'd')
		strbuf_adds(&sb, "NULL");
	else
		store_history_image(&sb, c, "NEW");
	strbuf_adds(&sb, "); END");
	return strbuf_detach(&sb);
}

/* True if the trigger named like sql's exists with exactly that text. */
static int
store_history_trigger_ok(struct store *st, const char *tbl, const char *kind,
    const char *want, bool *ok, struct err *err)
{
	static const char sql[] = "SELECT sql FROM sqlite_schema "
	    "WHERE type = 'trigger' AND name = 'log_' || ?1 || '_' || ?2";
	char *have = NULL;
	int rc = store_text(st, err, &have, sql, "tt", tbl, kind);

	*ok = have != NULL && strcmp(have, want) == 0;
	free(have);
	return rc < 0 ? -1 : 0;
}

/* Check (apply false) or bring up to date (apply true) every trigger. */
static int
store_history_triggers(struct store *st, bool apply, bool *all_ok,
    struct err *err)
{
	static const char *const kinds[] = { "ins", "upd", "del" };
	struct store_history_cols c;
	char *want, *drop;
	size_t t, k;
	bool ok;
	int rc = 0;

	*all_ok = true;
	for (t = 0; rc == 0 && t < STORE_HISTORY_NTABLES; t++) {
		if (store_history_columns(st, store_history_tables[t], &c,
		    err) < 0)
			return -1;
		for (k = 0; rc == 0 && c.len > 0 && k < 3; k++) {
			want = store_history_trigger_sql(
			    store_history_tables[t], &c, kinds[k]);
			rc = store_history_trigger_ok(st,
			    store_history_tables[t], kinds[k], want, &ok, err);
			if (rc == 0 && !ok) {
				*all_ok = false;
				if (apply) {
					drop = xasprintf("DROP TRIGGER IF "
					    "EXISTS log_%s_%s",
					    store_history_tables[t], kinds[k]);
					rc = sqlite3_exec(st->db, drop, NULL,
					    NULL, NULL);
					if (rc == SQLITE_OK)
						rc = sqlite3_exec(st->db, want,
						    NULL, NULL, NULL);
					if (rc != SQLITE_OK)
						rc = store_fail(st, rc, err);
					free(drop);
				}
			}
			free(want);
		}
		store_history_cols_free(&c);
	}
	return rc;
}

/*
 * The schema version (PRAGMA schema_version, which every schema change
 * raises) at which the triggers were last found or made right, kept in
 * settings: an open with no schema change since skips the check. A
 * version found right is noted by the next write rooster makes anyway,
 * so that opening a plan to read never writes to it.
 */
#define STORE_HISTORY_CHECKED "history_schema_version"

static int
store_history_schema_version(struct store *st, char *buf, size_t size,
    struct err *err)
{
	static const char sql[] = "PRAGMA schema_version";
	int64_t version;
	int rc = store_int(st, err, &version, sql, "");

	if (rc == 0)
		return store_fail(st, SQLITE_DONE, err);
	if (rc > 0)
		snprintf(buf, size, "%lld", (long long)version);
	return rc > 0 ? 0 : -1;
}

void
store_history_note(struct store *st)
{
	char version[sizeof st->history_seen];
	struct err err;

	if (st->history_seen[0] == '\0')
		return;
	/* Only if nobody changed the schema since it was checked. */
	if (store_history_schema_version(st, version, sizeof version,
	    &err) == 0 && strcmp(version, st->history_seen) == 0)
		(void)store_setting_set(st, STORE_HISTORY_CHECKED, version,
		    &err);
	st->history_seen[0] = '\0';
}

int
store_history_sync(struct store *st, struct err *err)
{
	static const char sql[] = "SELECT count(*) FROM sqlite_schema "
	    "WHERE type = 'table' AND name = 'change_rows'";
	char version[sizeof st->history_seen], *checked;
	int64_t n = 0;
	bool ok, same;
	int rc;

	st->history_seen[0] = '\0';
	rc = store_int(st, err, &n, sql, "");
	st->history = n > 0;
	if (rc == 0)
		return store_fail(st, SQLITE_DONE, err);
	if (rc < 0)
		return -1;
	if (!st->history || st->readonly)
		return 0;
	if (store_history_schema_version(st, version, sizeof version,
	    err) < 0)
		return -1;
	checked = store_setting_get(st, STORE_HISTORY_CHECKED);
	same = checked != NULL && strcmp(checked, version) == 0;
	free(checked);
	if (same)
		return 0;
	if (store_history_triggers(st, false, &ok, err) < 0)
		return -1;
	if (ok) {
		memcpy(st->history_seen, version, sizeof version);
		/*
		 * An open that upgraded the plan has written to it already:
		 * note the version now (store_begin_write does), or every
		 * lookup after an upgrade checks every trigger again (3.3 M
		 * instructions, 8 % of `who DAY` on a large plan) until
		 * someone changes something.
		 */
		if (!st->migrated)
			return 0;
		if (store_begin_write(st, err) < 0)
			return -1;
		return store_commit(st, err);
	}
	if (store_begin_write(st, err) < 0)
		return -1;
	if (store_history_triggers(st, true, &ok, err) < 0 ||
	    store_history_schema_version(st, version, sizeof version,
	    err) < 0 ||
	    store_setting_set(st, STORE_HISTORY_CHECKED, version, err) < 0) {
		store_rollback(st);
		return -1;
	}
	log_debug("history triggers of %s brought up to date", st->path);
	return store_commit(st, err);
}

/* The change to undo: the newest of login's changes not undone yet. */
int
store_history_last(struct store *st, int64_t *change_id, struct err *err)
{
	static const char sql[] = "SELECT id FROM change_log "
	    "WHERE (user = ?1 OR substr(user, 1, length(?1) + 1) = ?1 || '@') "
	    "AND undoes IS NULL AND undone_by IS NULL "
	    "AND EXISTS (SELECT 1 FROM change_rows r WHERE r.change_id = "
	    "change_log.id) ORDER BY id DESC LIMIT 1";
	char login[128];

	*change_id = 0;
	store_log_login(login, sizeof login);
	return store_int(st, err, change_id, sql, "t", login) < 0 ? -1 : 0;
}

int
store_history_barrier(struct store *st, int64_t change_id, int64_t *barrier,
    char *action, size_t size, struct err *err)
{
	static const char sql[] = "SELECT id, action FROM change_log "
	    "WHERE id > ?1 AND action IN ('restore', 'volunteer forget') "
	    "ORDER BY id LIMIT 1";
	sqlite3_stmt *stmt = store_stmt(st, sql, err);
	const char *a;
	int rc;

	*barrier = 0;
	if (size > 0)
		action[0] = '\0';
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, change_id);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		*barrier = sqlite3_column_int64(stmt, 0);
		a = (const char *)sqlite3_column_text(stmt, 1);
		snprintf(action, size, "%s", a != NULL ? a : "");
	}
	sqlite3_reset(stmt);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 :
	    store_fail(st, rc, err);
}

/* "event 3", for messages. */
static void
store_history_name(const char *tbl, int64_t row_id, char *buf, size_t size)
{
	static const char *const names[][2] = {
		{ "events", "event" }, { "shifts", "shift" },
		{ "volunteers", "volunteer" }, { "assignments", "assignment" },
		{ "unavailable", "unavailable period" }, { "teams", "team" },
		{ "team_members", "team membership" }
	};
	const char *name = tbl;
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(names[i][0], tbl) == 0)
			name = names[i][1];
	if (row_id > 0)
		snprintf(buf, size, "%s %lld", name, (long long)row_id);
	else
		snprintf(buf, size, "a %s", name);
}

/* Refuse with who changed tbl/row_id after change_id, if the log knows. */
static int
store_history_changed(struct store *st, int64_t change_id, const char *tbl,
    int64_t row_id, struct err *err)
{
	static const char sql[] = "SELECT l.id, l.user, l.action "
	    "FROM change_log l JOIN change_rows r ON r.change_id = l.id "
	    "WHERE l.id > ?1 AND r.tbl = ?2 AND r.row_id IS ?3 "
	    "ORDER BY l.id DESC LIMIT 1";
	sqlite3_stmt *stmt = store_stmt(st, sql, err);
	char what[64];

	store_history_name(tbl, row_id, what, sizeof what);
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, change_id);
	store_bind_text(stmt, 2, tbl);
	if (row_id > 0)
		sqlite3_bind_int64(stmt, 3, row_id);
	if (sqlite3_step(stmt) == SQLITE_ROW) {
		err_set(err, ERR_CONFLICT, _("cannot undo change %lld: %s was "
		    "changed since by %s ('%s', change %lld)"),
		    (long long)change_id, what,
		    (const char *)sqlite3_column_text(stmt, 1),
		    (const char *)sqlite3_column_text(stmt, 2),
		    (long long)sqlite3_column_int64(stmt, 0));
	} else
		err_set(err, ERR_CONFLICT, _("cannot undo change %lld: %s was "
		    "changed since"), (long long)change_id, what);
	sqlite3_reset(stmt);
	return -1;
}

/* "a = json_extract(?N, '$.a') AND ..." over the primary key. */
static void
store_history_where_pk(struct strbuf *sb, const struct store_history_cols *c,
    int param)
{
	size_t i;
	bool first = true;

	for (i = 0; i < c->len; i++) {
		if (!c->pk[i])
			continue;
		strbuf_addf(sb, "%s%s = json_extract(?%d, '$.%s')",
		    first ? "" : " AND ", c->names[i], param, c->names[i]);
		first = false;
	}
	if (first)
		strbuf_adds(sb, "0");
}

/* Run sql with ?1 = a, ?2 = b; *count gets the first column if asked. */
static int
store_history_run(struct store *st, const char *sql, const char *a,
    const char *b, int64_t *count, struct err *err)
{
	sqlite3_stmt *stmt;
	int rc;

	rc = sqlite3_prepare_v2(st->db, sql, -1, &stmt, NULL);
	if (rc != SQLITE_OK)
		return store_fail(st, rc, err);
	store_bind_text(stmt, 1, a);
	store_bind_text(stmt, 2, b);
	rc = sqlite3_step(stmt);
	if (count != NULL)
		*count = rc == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : 0;
	sqlite3_finalize(stmt);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 :
	    store_fail(st, rc, err);
}

/*
 * Columns that only count changes: an undo raises them rather than put
 * them back, so they do not tell whether someone else changed the row.
 * name_folded follows the name (an image from before migration 13 has
 * none).
 */
static bool
store_history_is_bookkeeping(const char *name)
{
	return strcmp(name, "version") == 0 || strcmp(name, "sequence") == 0 ||
	    strcmp(name, "updated_at") == 0 ||
	    strcmp(name, "name_folded") == 0;
}

/* Is the row as the change left it (after; NULL: absent)? */
static int
store_history_row_is(struct store *st, const char *tbl,
    const struct store_history_cols *c, const char *before,
    const char *after, bool *same, struct err *err)
{
	struct strbuf sb;
	int64_t n = 0;
	size_t i;
	int rc;

	strbuf_init(&sb);
	strbuf_addf(&sb, "SELECT count(*) FROM %s WHERE ", tbl);
	store_history_where_pk(&sb, c, 1);
	if (after != NULL)
		for (i = 0; i < c->len; i++) {
			if (store_history_is_bookkeeping(c->names[i]))
				continue;
			strbuf_addf(&sb, " AND (%s IS json_extract(?1, '$.%s') "
			    "OR (typeof(%s) = 'real' AND abs(%s - "
			    "json_extract(?1, '$.%s')) < 1e-6))", c->names[i],
			    c->names[i], c->names[i], c->names[i],
			    c->names[i]);
		}
	rc = store_history_run(st, strbuf_str(&sb),
	    after != NULL ? after : before, NULL, &n, err);
	strbuf_fini(&sb);
	*same = after != NULL ? n == 1 : n == 0;
	return rc;
}

/*
 * A volunteer's folded name (migration 13) is made again from the name
 * put back: an image from before that migration has none.
 */
#define STORE_HISTORY_REFOLD "rooster_fold(json_extract(?1, '$.name'))"

/* Put the before image back: delete, re-insert or update the row. */
static int
store_history_put_back(struct store *st, const char *tbl,
    const struct store_history_cols *c, const char *before,
    const char *after, struct err *err)
{
	struct strbuf sb;
	size_t i;
	int rc;

	strbuf_init(&sb);
	if (before == NULL) {
		strbuf_addf(&sb, "DELETE FROM %s WHERE ", tbl);
		store_history_where_pk(&sb, c, 2);
	} else if (after == NULL) {
		strbuf_addf(&sb, "INSERT INTO %s (", tbl);
		for (i = 0; i < c->len; i++)
			strbuf_addf(&sb, "%s%s", i > 0 ? ", " : "",
			    c->names[i]);
		strbuf_adds(&sb, ") VALUES (");
		for (i = 0; i < c->len; i++) {
			/* A calendar must see the row come back as newer. */
			if (strcmp(c->names[i], "sequence") == 0)
				strbuf_addf(&sb, "%sjson_extract(?1, "
				    "'$.sequence') + 1", i > 0 ? ", " : "");
			else if (strcmp(c->names[i], "name_folded") == 0)
				strbuf_addf(&sb, "%s" STORE_HISTORY_REFOLD,
				    i > 0 ? ", " : "");
			else
				strbuf_addf(&sb, "%sjson_extract(?1, '$.%s')",
				    i > 0 ? ", " : "", c->names[i]);
		}
		strbuf_adds(&sb, ")");
	} else {
		strbuf_addf(&sb, "UPDATE %s SET ", tbl);
		for (i = 0; i < c->len; i++) {
			strbuf_addf(&sb, "%s%s = ", i > 0 ? ", " : "",
			    c->names[i]);
			/*
			 * Versions only grow, so a form opened before the
			 * undo sees that the row changed; a SEQUENCE that
			 * the change raised grows once more.
			 */
			if (strcmp(c->names[i], "version") == 0)
				strbuf_adds(&sb, "version + 1");
			else if (strcmp(c->names[i], "sequence") == 0)
				strbuf_adds(&sb, "CASE WHEN json_extract(?1, "
				    "'$.sequence') = json_extract(?2, "
				    "'$.sequence') THEN sequence "
				    "ELSE sequence + 1 END");
			else if (strcmp(c->names[i], "updated_at") == 0)
				strbuf_adds(&sb, "updated_at");
			else if (strcmp(c->names[i], "name_folded") == 0)
				strbuf_adds(&sb, STORE_HISTORY_REFOLD);
			else
				strbuf_addf(&sb, "json_extract(?1, '$.%s')",
				    c->names[i]);
		}
		strbuf_adds(&sb, " WHERE ");
		store_history_where_pk(&sb, c, 2);
	}
	rc = store_history_run(st, strbuf_str(&sb), before, after, NULL, err);
	strbuf_fini(&sb);
	return rc;
}

struct store_history_row {
	char	*tbl;
	int64_t	 row_id;
	char	*before;
	char	*after;
};

static int
store_history_rows(struct store *st, int64_t change_id,
    struct store_history_row **rows, size_t *len, struct err *err)
{
	static const char sql[] = "SELECT tbl, row_id, before, after "
	    "FROM change_rows WHERE change_id = ?1 ORDER BY id DESC";
	sqlite3_stmt *stmt = store_stmt(st, sql, err);
	struct store_history_row *r;
	int rc;

	*rows = NULL;
	*len = 0;
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, change_id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		*rows = xreallocarray(*rows, *len + 1, sizeof **rows);
		r = &(*rows)[(*len)++];
		r->tbl = store_col_text(stmt, 0);
		r->row_id = sqlite3_column_int64(stmt, 1);
		r->before = sqlite3_column_type(stmt, 2) == SQLITE_NULL ?
		    NULL : store_col_text(stmt, 2);
		r->after = sqlite3_column_type(stmt, 3) == SQLITE_NULL ?
		    NULL : store_col_text(stmt, 3);
	}
	sqlite3_reset(stmt);
	return rc == SQLITE_DONE ? 0 : store_fail(st, rc, err);
}

static void
store_history_rows_free(struct store_history_row *rows, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		free(rows[i].tbl);
		free(rows[i].before);
		free(rows[i].after);
	}
	free(rows);
}

/*
 * Rows the revert touched that the change had not: a cascade reached rows
 * added since (shifts someone put on an event this change created).
 */
static int
store_history_strays(struct store *st, int64_t change_id, struct err *err)
{
	static const char sql[] = "SELECT p.tbl, p.row_id FROM change_rows p "
	    "WHERE p.change_id IS NULL AND NOT EXISTS (SELECT 1 FROM "
	    "change_rows o WHERE o.change_id = ?1 AND o.tbl = p.tbl "
	    "AND o.row_id IS p.row_id) LIMIT 1";
	sqlite3_stmt *stmt = store_stmt(st, sql, err);
	char *tbl;
	int64_t row_id;
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, change_id);
	rc = sqlite3_step(stmt);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(stmt);
		return rc == SQLITE_DONE ? 0 : store_fail(st, rc, err);
	}
	tbl = store_col_text(stmt, 0);
	row_id = sqlite3_column_int64(stmt, 1);
	sqlite3_reset(stmt);
	rc = store_history_changed(st, change_id, tbl, row_id, err);
	free(tbl);
	return rc;
}

/*
 * A row put back that points at a row deleted since (an assignment whose
 * shift someone removed): refuse now rather than fail at commit.
 */
static int
store_history_dangling(struct store *st, int64_t change_id, struct err *err)
{
	static const char sql[] = "SELECT \"table\", rowid, parent "
	    "FROM pragma_foreign_key_check LIMIT 1";
	sqlite3_stmt *stmt = store_stmt(st, sql, err);
	char what[64], parent[64];
	int rc;

	if (stmt == NULL)
		return -1;
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		store_history_name((const char *)sqlite3_column_text(stmt, 0),
		    sqlite3_column_int64(stmt, 1), what, sizeof what);
		store_history_name((const char *)sqlite3_column_text(stmt, 2),
		    0, parent, sizeof parent);
		err_set(err, ERR_CONFLICT,
		    _("cannot undo change %lld: %s would "
		    "point at %s deleted since"), (long long)change_id, what,
		    parent);
	}
	sqlite3_reset(stmt);
	if (rc == SQLITE_ROW)
		return -1;
	return rc == SQLITE_DONE ? 0 : store_fail(st, rc, err);
}

/* Does a newer row of the change (rows are newest first) touch row i's? */
static bool
store_history_seen_later(const struct store_history_row *rows, size_t i)
{
	size_t j;

	if (rows[i].row_id <= 0)
		return false;
	for (j = 0; j < i; j++)
		if (rows[j].row_id == rows[i].row_id &&
		    strcmp(rows[j].tbl, rows[i].tbl) == 0)
			return true;
	return false;
}

int
store_history_revert(struct store *st, int64_t change_id, struct err *err)
{
	struct store_history_row *rows;
	struct store_history_cols c;
	size_t len, i;
	bool same;
	int rc;

	if (store_history_rows(st, change_id, &rows, &len, err) < 0)
		return -1;
	if (len == 0) {
		store_history_rows_free(rows, len);
		return err_set(err, ERR_CONFLICT, _("change %lld has no "
		    "recorded rows to undo"), (long long)change_id);
	}
	rc = sqlite3_exec(st->db, "PRAGMA defer_foreign_keys = ON", NULL,
	    NULL, NULL) == SQLITE_OK ? 0 : store_fail(st, SQLITE_ERROR, err);
	/* First check every row, oldest first, to name the first conflict. */
	for (i = len; rc == 0 && i-- > 0;) {
		if (!store_history_is_table(rows[i].tbl)) {
			rc = err_set(err, ERR_SCHEMA, _("change %lld names "
			    "table %s, unknown here"), (long long)change_id,
			    rows[i].tbl);
			break;
		}
		/* A row changed twice: only its last image must hold. */
		if (store_history_seen_later(rows, i))
			continue;
		if ((rc = store_history_columns(st, rows[i].tbl, &c,
		    err)) < 0)
			break;
		rc = store_history_row_is(st, rows[i].tbl, &c, rows[i].before,
		    rows[i].after, &same, err);
		if (rc == 0 && !same)
			rc = store_history_changed(st, change_id, rows[i].tbl,
			    rows[i].row_id, err);
		store_history_cols_free(&c);
	}
	/* Then newest row first, so children go before their parents. */
	for (i = 0; rc == 0 && i < len; i++) {
		if ((rc = store_history_columns(st, rows[i].tbl, &c,
		    err)) < 0)
			break;
		rc = store_history_put_back(st, rows[i].tbl, &c,
		    rows[i].before, rows[i].after, err);
		store_history_cols_free(&c);
		if (rc < 0 && err != NULL && err->code == ERR_CONFLICT) {
			char why[sizeof err->msg];

			snprintf(why, sizeof why, "%s", err->msg);
			err_set(err, ERR_CONFLICT, _("cannot undo change %lld: "
			    "the plan has changed since (%s)"),
			    (long long)change_id, why);
		}
	}
	if (rc == 0)
		rc = store_history_strays(st, change_id, err);
	if (rc == 0)
		rc = store_history_dangling(st, change_id, err);
	store_history_rows_free(rows, len);
	return rc;
}
