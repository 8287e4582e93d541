/* SPDX-License-Identifier: ISC */
/* Teams and their members in SQLite. */
#include "rooster/store.h"

#include <stdlib.h>
#include <string.h>

#include "store_int.h"

int
store_team_insert(struct store *st, struct team *t, struct err *err)
{
	static const char sql[] = "INSERT INTO teams (name) VALUES (?1)";
	sqlite3_stmt *stmt = store_stmt(st, sql, err);
	int rc;

	if (stmt == NULL)
		return -1;
	store_bind_text(stmt, 1, t->name);
	rc = sqlite3_step(stmt);
	sqlite3_reset(stmt);
	if (rc == SQLITE_CONSTRAINT_UNIQUE)
		return err_set(err, ERR_CONFLICT, _("a team named '%s' exists "
		    "already (see 'rooster team list')"), t->name);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, err);
	t->id = sqlite3_last_insert_rowid(st->db);
	return 0;
}

int
store_team_get(struct store *st, int64_t id, struct team *t, struct err *err)
{
	static const char sql[] = "SELECT t.id, t.name, "
	    "(SELECT count(*) FROM team_members m WHERE m.team_id = t.id) "
	    "FROM teams t WHERE t.id = ?1";
	sqlite3_stmt *stmt = store_stmt(st, sql, err);
	int rc;

	team_init(t);
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		t->id = sqlite3_column_int64(stmt, 0);
		t->name = store_col_text(stmt, 1);
		t->members = sqlite3_column_int(stmt, 2);
	}
	sqlite3_reset(stmt);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, err);
	return err_set(err, ERR_NOT_FOUND, _("team %lld not found (see "
	    "'rooster team list')"), (long long)id);
}

int
store_team_join(struct store *st, int64_t team_id, int64_t volunteer_id,
    struct err *err)
{
	static const char sql[] = "INSERT INTO team_members (team_id, "
	    "volunteer_id) VALUES (?1, ?2)";
	sqlite3_stmt *stmt = store_stmt(st, sql, err);
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, team_id);
	sqlite3_bind_int64(stmt, 2, volunteer_id);
	rc = sqlite3_step(stmt);
	sqlite3_reset(stmt);
	if (rc == SQLITE_CONSTRAINT_PRIMARYKEY)
		return err_set(err, ERR_CONFLICT, _("volunteer %lld is already "
		    "in team %lld"), (long long)volunteer_id,
		    (long long)team_id);
	return rc == SQLITE_DONE ? 0 : store_fail(st, rc, err);
}

int
store_team_list(struct store *st, struct team_list *out, struct err *err)
{
	static const char sql[] = "SELECT t.id, t.name, count(v.id), "
	    "coalesce(group_concat(v.name, ', '), '') FROM teams t "
	    "LEFT JOIN team_members m ON m.team_id = t.id "
	    "LEFT JOIN volunteers v ON v.id = m.volunteer_id "
	    "GROUP BY t.id ORDER BY t.name COLLATE NOCASE";
	sqlite3_stmt *stmt = store_stmt(st, sql, err);
	struct team *t;
	int rc;

	if (stmt == NULL)
		return -1;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		t = team_list_push(out);
		t->id = sqlite3_column_int64(stmt, 0);
		t->name = store_col_text(stmt, 1);
		t->members = sqlite3_column_int(stmt, 2);
		t->member_names = store_col_text(stmt, 3);
	}
	sqlite3_reset(stmt);
	return rc == SQLITE_DONE ? 0 : store_fail(st, rc, err);
}

int
store_team_members(struct store *st, int64_t team_id, int64_t **ids,
    size_t *count, struct err *err)
{
	static const char sql[] = "SELECT v.id FROM team_members m "
	    "JOIN volunteers v ON v.id = m.volunteer_id WHERE m.team_id = ?1 "
	    "ORDER BY v.name COLLATE NOCASE, v.id";
	sqlite3_stmt *stmt = store_stmt(st, sql, err);
	size_t cap = 0;
	int rc;

	*ids = NULL;
	*count = 0;
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, team_id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (*count == cap) {
			cap = cap ? cap * 2 : 8;
			*ids = xreallocarray(*ids, cap, sizeof **ids);
		}
		(*ids)[(*count)++] = sqlite3_column_int64(stmt, 0);
	}
	sqlite3_reset(stmt);
	return rc == SQLITE_DONE ? 0 : store_fail(st, rc, err);
}

int
store_team_leave(struct store *st, int64_t team_id, int64_t volunteer_id,
    struct err *err)
{
	static const char sql[] = "DELETE FROM team_members "
	    "WHERE team_id = ?1 AND volunteer_id = ?2";
	sqlite3_stmt *stmt = store_stmt(st, sql, err);

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, team_id);
	sqlite3_bind_int64(stmt, 2, volunteer_id);
	if (store_step_done(st, stmt, err) < 0)
		return -1;
	if (sqlite3_changes(st->db) == 0)
		return err_set(err, ERR_NOT_FOUND, _("volunteer %lld is not in "
		    "team %lld (see 'rooster team list')"),
		    (long long)volunteer_id, (long long)team_id);
	return 0;
}

int
store_team_delete(struct store *st, int64_t team_id, struct err *err)
{
	static const char sql[] = "DELETE FROM teams WHERE id = ?1";
	sqlite3_stmt *stmt = store_stmt(st, sql, err);

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, team_id);
	if (store_step_done(st, stmt, err) < 0)
		return -1;
	if (sqlite3_changes(st->db) == 0)
		return err_set(err, ERR_NOT_FOUND, _("team %lld not found (see "
		    "'rooster team list')"), (long long)team_id);
	return 0;
}

int
store_team_rename(struct store *st, int64_t team_id, const char *name,
    struct err *err)
{
	static const char sql[] = "UPDATE teams SET name = ?2 WHERE id = ?1";
	sqlite3_stmt *stmt = store_stmt(st, sql, err);
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, team_id);
	store_bind_text(stmt, 2, name);
	rc = sqlite3_step(stmt);
	sqlite3_reset(stmt);
	if (rc == SQLITE_CONSTRAINT_UNIQUE)
		return err_set(err, ERR_CONFLICT, _("a team named '%s' exists "
		    "already"), name);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, err);
	if (sqlite3_changes(st->db) == 0)
		return err_set(err, ERR_NOT_FOUND, _("team %lld not found (see "
		    "'rooster team list')"), (long long)team_id);
	return 0;
}

int
store_team_list_volunteer(struct store *st, int64_t volunteer_id,
    struct team_list *out, struct err *err)
{
	static const char sql[] = "SELECT t.id, t.name FROM teams t "
	    "JOIN team_members m ON m.team_id = t.id "
	    "WHERE m.volunteer_id = ?1 ORDER BY t.name COLLATE NOCASE";
	sqlite3_stmt *stmt = store_stmt(st, sql, err);
	struct team *t;
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, volunteer_id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		t = team_list_push(out);
		t->id = sqlite3_column_int64(stmt, 0);
		t->name = store_col_text(stmt, 1);
		t->member_names = xstrdup("");
	}
	sqlite3_reset(stmt);
	return rc == SQLITE_DONE ? 0 : store_fail(st, rc, err);
}
