/* SPDX-License-Identifier: ISC */
/*
 * The change log: who changed what, when. The user is the OS login, with
 * the SSH client's address when the session came over SSH.
 */
#include "rooster/store.h"

#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store_int.h"

static int store_log_claim(struct store *st, struct err *err);

void
store_log_login(char *buf, size_t size)
{
	const struct passwd *pw = getpwuid(getuid());
	const char *name = pw != NULL ? pw->pw_name : getenv("USER");

	snprintf(buf, size, "%s", name != NULL ? name : "?");
}

static void
store_log_user(char *buf, size_t size)
{
	const char *ssh = getenv("SSH_CLIENT");
	size_t n;

	store_log_login(buf, size);
	if (ssh != NULL && *ssh != '\0') {
		n = strlen(buf);
		snprintf(buf + n, size - n, "@%.*s", (int)strcspn(ssh, " "),
		    ssh);
	}
}

int
store_log_append(struct store *st, const char *action, const char *entity,
    int64_t entity_id, const char *summary, struct err *err)
{
	static const char sql[] = "INSERT INTO change_log (at, user, action, "
	    "entity, entity_id, summary) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
	char user[256];

	store_log_user(user, sizeof user);
	if (store_run(st, err, sql, "itttit", rtime_now(), user, action,
	    entity, entity_id, summary ? summary : "") < 0)
		return -1;
	return store_log_claim(st, err);
}

int
store_log_open(struct store *st, const char *action, const char *entity,
    int64_t entity_id, struct err *err)
{
	static const char sql[] = "INSERT OR REPLACE INTO settings (key, "
	    "value) VALUES ('" STORE_LOG_OPEN "', ?1)";

	/* Rows written before it are not its own: their line claims them. */
	if (store_log_append(st, action, entity, entity_id, "", err) < 0)
		return -1;
	st->log_open = sqlite3_last_insert_rowid(st->db);
	if (st->history && store_run(st, err, sql, "i", st->log_open) < 0)
		return -1;
	return 0;
}

int
store_log_close(struct store *st, bool keep, const char *summary,
    struct err *err)
{
	static const char drop[] = "DELETE FROM settings "
	    "WHERE key = '" STORE_LOG_OPEN "'";
	static const char sum[] = "UPDATE change_log SET at = ?2, "
	    "summary = ?3 WHERE id = ?1";
	static const char gone[] = "DELETE FROM change_log WHERE id = ?1";
	int64_t id = st->log_open;

	if (id == 0)
		return 0;
	st->log_open = 0;
	if (st->history && store_run(st, err, drop, "") < 0)
		return -1;
	if (!keep)
		/* Its row images go with it (ON DELETE CASCADE). */
		return store_run(st, err, gone, "i", id) < 0 ? -1 : 0;
	if (store_run(st, err, sum, "iit", id, rtime_now(),
	    summary != NULL ? summary : "") < 0)
		return -1;
	/* A trigger made before open changes wrote none (docs/schema.md). */
	return store_log_claim(st, err);
}

/* The row images written since the last log line belong to this one. */
static int
store_log_claim(struct store *st, struct err *err)
{
	static const char sql[] = "UPDATE change_rows SET change_id = "
	    "(SELECT max(id) FROM change_log) WHERE change_id IS NULL";

	return st->history ? store_run(st, err, sql, "") : 0;
}

int
store_log_mark_undone(struct store *st, int64_t change_id, struct err *err)
{
	static const char sql[] = "UPDATE change_log SET "
	    "undoes = CASE WHEN id = ?1 THEN undoes ELSE ?1 END, "
	    "undone_by = CASE WHEN id = ?1 THEN "
	    "(SELECT max(id) FROM change_log) ELSE undone_by END "
	    "WHERE id = ?1 OR id = (SELECT max(id) FROM change_log)";

	return store_run(st, err, sql, "i", change_id);
}

/*
 * For each line, the rows it changed as a json array of {table, id,
 * before, after}; for an edited row only the fields that changed.
 */
#define STORE_LOG_ROWS \
	"(SELECT json_group_array(json_object('table', r.tbl, 'id', " \
	"r.row_id, 'before', CASE WHEN r.before IS NULL OR r.after IS NULL " \
	"THEN json(r.before) ELSE json((SELECT json_group_object(b.key, " \
	"b.value) FROM json_each(r.before) b, json_each(r.after) a " \
	"WHERE a.key = b.key AND a.value IS NOT b.value)) END, 'after', " \
	"CASE WHEN r.before IS NULL OR r.after IS NULL THEN json(r.after) " \
	"ELSE json((SELECT json_group_object(a.key, a.value) FROM " \
	"json_each(r.before) b, json_each(r.after) a WHERE a.key = b.key " \
	"AND a.value IS NOT b.value)) END)) FROM (SELECT * FROM change_rows " \
	"WHERE change_id = l.id ORDER BY id) r)"

/* Rows that touch volunteer ?4 or event ?5. */
#define STORE_LOG_TOUCHES(v) \
	"?" v " IN (json_extract(r.before, '$.volunteer_id'), " \
	"json_extract(r.after, '$.volunteer_id'))"
#define STORE_LOG_EVENT_SHIFTS \
	"(SELECT id FROM shifts WHERE event_id = ?5 UNION SELECT s.row_id " \
	"FROM change_rows s WHERE s.tbl = 'shifts' AND ?5 IN " \
	"(json_extract(s.before, '$.event_id'), " \
	"json_extract(s.after, '$.event_id')))"

int
store_log_find(struct store *st, const struct store_log_filter *f,
    struct store_log_list *out, struct err *err)
{
	static const char sql[] = "SELECT l.id, l.at, l.user, l.action, "
	    "l.entity, l.entity_id, l.summary, l.undoes, l.undone_by, "
	    STORE_LOG_ROWS " FROM change_log l "
	    "WHERE (?1 IS NULL OR (l.entity = ?1 AND l.entity_id = ?2)) "
	    "AND (?6 = 0 OR l.id = ?6) "
	    "AND (?4 IS NULL OR (l.entity = 'volunteer' AND l.entity_id = ?4) "
	    "OR EXISTS (SELECT 1 FROM change_rows r WHERE r.change_id = l.id "
	    "AND ((r.tbl = 'volunteers' AND r.row_id = ?4) OR (r.tbl IN "
	    "('assignments', 'unavailable', 'team_members') AND "
	    STORE_LOG_TOUCHES("4") ")))) "
	    "AND (?5 IS NULL OR (l.entity = 'event' AND l.entity_id = ?5) "
	    "OR (l.entity = 'shift' AND l.entity_id IN " STORE_LOG_EVENT_SHIFTS
	    ") OR EXISTS (SELECT 1 FROM change_rows r WHERE r.change_id = l.id "
	    "AND ((r.tbl = 'events' AND r.row_id = ?5) OR (r.tbl = 'shifts' "
	    "AND ?5 IN (json_extract(r.before, '$.event_id'), "
	    "json_extract(r.after, '$.event_id'))) OR (r.tbl = 'assignments' "
	    "AND coalesce(json_extract(r.before, '$.shift_id'), "
	    "json_extract(r.after, '$.shift_id')) IN " STORE_LOG_EVENT_SHIFTS
	    ")))) ORDER BY l.id DESC LIMIT ?3";
	static const char sql_old[] = "SELECT id, at, user, action, entity, "
	    "entity_id, summary, NULL, NULL, '[]' FROM change_log l "
	    "WHERE (?1 IS NULL OR (entity = ?1 AND entity_id = ?2)) "
	    "AND (?6 = 0 OR l.id = ?6) "
	    "AND ?4 IS NULL AND ?5 IS NULL ORDER BY id DESC LIMIT ?3";
	sqlite3_stmt *stmt = store_query(st, err, st->history ? sql : sql_old,
	    "tii", f->entity, f->entity_id, f->limit > 0 ? f->limit : 50);
	struct store_log_entry *e;
	int rc;

	if (stmt == NULL)
		return -1;
	if (f->volunteer_id > 0)
		sqlite3_bind_int64(stmt, 4, f->volunteer_id);
	if (f->event_id > 0)
		sqlite3_bind_int64(stmt, 5, f->event_id);
	sqlite3_bind_int64(stmt, 6, f->id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		e = xarray_push(&out->items, &out->len, &out->cap, sizeof *e);
		e->id = sqlite3_column_int64(stmt, 0);
		e->at = sqlite3_column_int64(stmt, 1);
		e->user = store_col_text(stmt, 2);
		e->action = store_col_text(stmt, 3);
		e->entity = store_col_text(stmt, 4);
		e->entity_id = sqlite3_column_int64(stmt, 5);
		e->summary = store_col_text(stmt, 6);
		e->undoes = sqlite3_column_int64(stmt, 7);
		e->undone_by = sqlite3_column_int64(stmt, 8);
		e->rows = store_col_text(stmt, 9);
	}
	return store_end(st, stmt, rc, err);
}

int
store_log_list(struct store *st, int64_t limit, const char *entity,
    int64_t entity_id, struct store_log_list *out, struct err *err)
{
	struct store_log_filter f = { 0 };

	f.limit = limit;
	f.entity = entity;
	f.entity_id = entity_id;
	return store_log_find(st, &f, out, err);
}

void
store_log_list_free(struct store_log_list *list)
{
	size_t i;

	for (i = 0; i < list->len; i++) {
		free(list->items[i].user);
		free(list->items[i].action);
		free(list->items[i].entity);
		free(list->items[i].summary);
		free(list->items[i].rows);
	}
	free(list->items);
	memset(list, 0, sizeof *list);
}
