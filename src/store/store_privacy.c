/* SPDX-License-Identifier: ISC */
/*
 * One person's data: all of it as json (an access request), or none of it
 * (an erasure request). Both are built from the tables' columns, so a
 * column a later migration adds to volunteers is exported and erased too.
 * Connections run with secure_delete on (store_db.c), so erased text is
 * overwritten in the file, and the checkpoint here empties the WAL.
 */
#include "rooster/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

/* Rows of change_rows r that hold volunteer ?1. */
#define STORE_PRIVACY_TOUCHES \
	"((r.tbl = 'volunteers' AND r.row_id = ?1) OR (r.tbl IN " \
	"('assignments', 'unavailable', 'team_members') AND ?1 IN " \
	"(json_extract(r.before, '$.volunteer_id'), " \
	"json_extract(r.after, '$.volunteer_id'))))"

/* Does the plan have table name (one added by a later migration)? */
static bool
store_privacy_has_table(struct store *st, const char *name)
{
	static const char sql[] = "SELECT count(*) FROM sqlite_schema "
	    "WHERE type = 'table' AND name = ?1";
	int64_t n = 0;

	(void)store_int(st, NULL, &n, sql, "t", name);
	return n > 0;
}

/* json_object of every column of alias (times as ISO 8601 UTC). */
static int
store_privacy_image(struct store *st, struct strbuf *sb, const char *tbl,
    const char *alias, struct err *err)
{
	struct store_history_cols c;
	const char *n;
	size_t i, len;

	if (store_history_columns(st, tbl, &c, err) < 0)
		return -1;
	strbuf_adds(sb, "json_object(");
	for (i = 0; i < c.len; i++) {
		n = c.names[i];
		len = strlen(n);
		if (len > 3 && strcmp(n + len - 3, "_at") == 0)
			strbuf_addf(sb, "%s'%s', strftime('%%Y-%%m-%%dT%%H:%%M:"
			    "%%SZ', %s.%s, 'unixepoch')", i > 0 ? ", " : "",
			    n, alias, n);
		else
			strbuf_addf(sb, "%s'%s', %s.%s", i > 0 ? ", " : "", n,
			    alias, n);
	}
	strbuf_adds(sb, ")");
	store_history_cols_free(&c);
	return 0;
}

int
store_privacy_export(struct store *st, int64_t id, char **out,
    struct err *err)
{
	struct strbuf sb;
	sqlite3_stmt *stmt = NULL;
	int rc = -1, step;

	*out = NULL;
	strbuf_init(&sb);
	strbuf_adds(&sb, "SELECT json_object('volunteer', json((SELECT ");
	if (store_privacy_image(st, &sb, "volunteers", "v", err) < 0)
		goto out;
	strbuf_adds(&sb, " FROM volunteers v WHERE v.id = ?1)), "
	    "'unavailable', json((SELECT json_group_array(");
	if (store_privacy_image(st, &sb, "unavailable", "u", err) < 0)
		goto out;
	strbuf_adds(&sb, ") FROM (SELECT * FROM unavailable WHERE "
	    "volunteer_id = ?1 ORDER BY start_at) u)), "
	    "'teams', json((SELECT json_group_array(json_object('id', t.id, "
	    "'name', t.name)) FROM teams t JOIN team_members m ON "
	    "m.team_id = t.id WHERE m.volunteer_id = ?1)), "
	    "'assignments', json((SELECT json_group_array(json_insert(");
	if (store_privacy_image(st, &sb, "assignments", "a", err) < 0)
		goto out;
	strbuf_adds(&sb, ", '$.shift', ");
	if (store_privacy_image(st, &sb, "shifts", "s", err) < 0)
		goto out;
	strbuf_adds(&sb, ", '$.event', ");
	if (store_privacy_image(st, &sb, "events", "e", err) < 0)
		goto out;
	strbuf_adds(&sb, ")) FROM (SELECT * FROM assignments WHERE "
	    "volunteer_id = ?1) a JOIN shifts s ON s.id = a.shift_id "
	    "JOIN events e ON e.id = s.event_id ORDER BY s.start_at))");
	if (store_privacy_has_table(st, "invites")) {
		/* What was sent to them: their address and name included. */
		strbuf_adds(&sb, ", 'invites', json((SELECT "
		    "json_group_array(");
		if (store_privacy_image(st, &sb, "invites", "i", err) < 0)
			goto out;
		strbuf_adds(&sb, ") FROM (SELECT * FROM invites WHERE "
		    "volunteer_id = ?1 ORDER BY sent_at) i))");
	}
	strbuf_adds(&sb, ")");
	rc = sqlite3_prepare_v2(st->db, strbuf_str(&sb), -1, &stmt, NULL);
	if (rc != SQLITE_OK) {
		rc = store_fail(st, rc, err);
		goto out;
	}
	sqlite3_bind_int64(stmt, 1, id);
	step = sqlite3_step(stmt);
	if (step == SQLITE_ROW)
		*out = store_col_text(stmt, 0);
	rc = step == SQLITE_ROW ? 0 : store_fail(st, step, err);
out:
	sqlite3_finalize(stmt);
	strbuf_fini(&sb);
	return rc;
}

/* Blank every column of volunteer ?1 but id, version and created_at. */
static int
store_privacy_blank(struct store *st, int64_t id, struct err *err)
{
	struct store_history_cols c;
	struct strbuf sb;
	const char *n;
	sqlite3_stmt *stmt;
	size_t i;
	int rc;

	if (store_history_columns(st, "volunteers", &c, err) < 0)
		return -1;
	strbuf_init(&sb);
	strbuf_adds(&sb, "UPDATE volunteers SET version = version + 1");
	for (i = 0; i < c.len; i++) {
		n = c.names[i];
		if (strcmp(n, "id") == 0 || strcmp(n, "version") == 0 ||
		    strcmp(n, "created_at") == 0)
			continue;
		if (strcmp(n, "name") == 0)
			strbuf_adds(&sb, ", name = 'forgotten volunteer'");
		else if (strcmp(n, "name_folded") == 0)
			strbuf_adds(&sb, ", name_folded = "
			    "'forgotten volunteer'");
		else if (strcmp(n, "active") == 0)
			strbuf_adds(&sb, ", active = 0");
		else
			/* The schema's own default: '' , 0 or NULL. */
			strbuf_addf(&sb, ", %s = %s", n, c.defaults[i] != NULL ?
			    c.defaults[i] : "NULL");
	}
	strbuf_adds(&sb, " WHERE id = ?1");
	store_history_cols_free(&c);
	rc = sqlite3_prepare_v2(st->db, strbuf_str(&sb), -1, &stmt, NULL);
	strbuf_fini(&sb);
	if (rc != SQLITE_OK)
		return store_fail(st, rc, err);
	sqlite3_bind_int64(stmt, 1, id);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? 0 : store_fail(st, rc, err);
}

#define STORE_PRIVACY_REMOVED "details removed: they named a forgotten " \
	"volunteer"

int
store_privacy_forget(struct store *st, int64_t id, const char *name,
    const char *email, const char *phone, int64_t now, struct err *err)
{
	static const char *const sqls[] = {
		"DELETE FROM unavailable WHERE volunteer_id = ?1",
		"DELETE FROM team_members WHERE volunteer_id = ?1",
		/* Copies of invitations sent: their address and name. */
		"DELETE FROM invites WHERE volunteer_id = ?1",
		/* Off shifts still to come; past ones stay, as counts. */
		"DELETE FROM assignments WHERE volunteer_id = ?1 AND shift_id "
		"IN (SELECT id FROM shifts WHERE end_at > ?2)",
		"UPDATE change_log SET summary = '" STORE_PRIVACY_REMOVED "' "
		"WHERE (entity = 'volunteer' AND entity_id = ?1) OR id IN "
		"(SELECT r.change_id FROM change_rows r WHERE "
		STORE_PRIVACY_TOUCHES ") OR instr(summary, ?3) > 0 OR "
		"(?4 <> '' AND instr(summary, ?4) > 0) OR "
		"(?5 <> '' AND instr(summary, ?5) > 0)",
		"DELETE FROM change_rows WHERE id IN (SELECT r.id FROM "
		"change_rows r WHERE " STORE_PRIVACY_TOUCHES ")",
		"DELETE FROM change_log WHERE summary = '"
		STORE_PRIVACY_REMOVED "' AND NOT EXISTS (SELECT 1 FROM "
		"change_rows r WHERE r.change_id = change_log.id)",
	};
	sqlite3_stmt *stmt;
	char *quoted;
	size_t i;
	int rc = 0;

	if (store_privacy_blank(st, id, err) < 0)
		return -1;
	quoted = xasprintf("'%s'", name);
	for (i = 0; rc == 0 && i < sizeof sqls / sizeof sqls[0]; i++) {
		if (!st->history && strstr(sqls[i], "change_rows") != NULL)
			continue;
		if (strstr(sqls[i], "invites") != NULL &&
		    !store_privacy_has_table(st, "invites"))
			continue;
		if ((stmt = store_stmt(st, sqls[i], err)) == NULL) {
			rc = -1;
			break;
		}
		sqlite3_bind_int64(stmt, 1, id);
		sqlite3_bind_int64(stmt, 2, now);
		store_bind_text(stmt, 3, quoted);
		store_bind_text(stmt, 4, email != NULL ? email : "");
		store_bind_text(stmt, 5, phone != NULL ? phone : "");
		rc = store_step_done(st, stmt, err);
	}
	free(quoted);
	return rc;
}

int
store_privacy_checkpoint(struct store *st, struct err *err)
{
	sqlite3_stmt *stmt;
	int rc, busy = 0;

	rc = sqlite3_prepare_v2(st->db, "PRAGMA wal_checkpoint(TRUNCATE)",
	    -1, &stmt, NULL);
	if (rc != SQLITE_OK)
		return store_fail(st, rc, err);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		busy = sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, rc, err);
	if (busy)
		return err_set(err, ERR_BUSY,
		    _("another process is reading %s, "
		    "so old copies of the erased data stay in %s-wal until it "
		    "is done; run the command again later"), st->path,
		    st->path);
	return 0;
}
