/* SPDX-License-Identifier: ISC */
/* Teams and their members in SQLite. */
#include "rooster/store.h"

#include <stdlib.h>
#include <string.h>

#include "store_int.h"

/* Columns id, name, member count, member names (store_team_* SELECTs). */
static void
store_team_row(sqlite3_stmt *stmt, void *arg)
{
	struct team *t = arg;

	t->id = sqlite3_column_int64(stmt, 0);
	t->name = store_col_text(stmt, 1);
	t->members = sqlite3_column_int(stmt, 2);
	t->member_names = store_col_text(stmt, 3);
}

static void
store_team_list_row(sqlite3_stmt *stmt, void *arg)
{
	store_team_row(stmt, team_list_push(arg));
}

/*
 * Run sql with team id (0 for a new team) and name bound to ?1 and ?2; a
 * duplicate name is ERR_CONFLICT.
 */
static int
store_team_write(struct store *st, const char *sql, int64_t id,
    const char *name, struct err *err)
{
	sqlite3_stmt *stmt = store_query(st, err, sql, "it", id, name);
	int rc;

	if (stmt == NULL)
		return -1;
	rc = sqlite3_step(stmt);
	if (rc != SQLITE_CONSTRAINT_UNIQUE)
		return store_end(st, stmt, rc, err);
	sqlite3_reset(stmt);
	if (id == 0)
		return err_set(err, ERR_CONFLICT, _("a team named '%s' exists "
		    "already (see 'rooster team list')"), name);
	return err_set(err, ERR_CONFLICT, _("a team named '%s' exists "
	    "already"), name);
}

/* store_fields_found()'s message for a team id that is not there. */
static const char *const store_team_gone = N_("team %lld not found (see "
    "'rooster team list')");

int
store_team_insert(struct store *st, struct team *t, struct err *err)
{
	static const char sql[] = "INSERT INTO teams (name) VALUES (?2)";

	if (store_team_write(st, sql, 0, t->name, err) < 0)
		return -1;
	t->id = sqlite3_last_insert_rowid(st->db);
	return 0;
}

int
store_team_get(struct store *st, int64_t id, struct team *t, struct err *err)
{
	static const char sql[] = "SELECT t.id, t.name, "
	    "(SELECT count(*) FROM team_members m WHERE m.team_id = t.id), '' "
	    "FROM teams t WHERE t.id = ?1";

	team_init(t);
	return store_fields_found(store_rows(st, store_query(st, err, sql, "i",
	    id), store_team_row, t, err), err, _(store_team_gone), id);
}

int
store_team_join(struct store *st, int64_t team_id, int64_t volunteer_id,
    struct err *err)
{
	static const char sql[] = "INSERT INTO team_members (team_id, "
	    "volunteer_id) VALUES (?1, ?2)";
	sqlite3_stmt *stmt = store_query(st, err, sql, "ii", team_id,
	    volunteer_id);
	int rc;

	if (stmt == NULL)
		return -1;
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_CONSTRAINT_PRIMARYKEY) {
		sqlite3_reset(stmt);
		return err_set(err, ERR_CONFLICT, _("volunteer %lld is already "
		    "in team %lld"), (long long)volunteer_id,
		    (long long)team_id);
	}
	return store_end(st, stmt, rc, err);
}

int
store_team_list(struct store *st, struct team_list *out, struct err *err)
{
	static const char sql[] = "SELECT t.id, t.name, count(v.id), "
	    "coalesce(group_concat(v.name, ', '), '') FROM teams t "
	    "LEFT JOIN team_members m ON m.team_id = t.id "
	    "LEFT JOIN volunteers v ON v.id = m.volunteer_id "
	    "GROUP BY t.id ORDER BY t.name COLLATE NOCASE";

	return store_rows(st, store_query(st, err, sql, ""),
	    store_team_list_row, out, err) < 0 ? -1 : 0;
}

int
store_team_members(struct store *st, int64_t team_id, int64_t **ids,
    size_t *count, struct err *err)
{
	static const char sql[] = "SELECT v.id FROM team_members m "
	    "JOIN volunteers v ON v.id = m.volunteer_id WHERE m.team_id = ?1 "
	    "ORDER BY v.name_folded, v.id";
	sqlite3_stmt *stmt = store_query(st, err, sql, "i", team_id);
	size_t cap = 0;
	int rc;

	*ids = NULL;
	*count = 0;
	if (stmt == NULL)
		return -1;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (*count == cap) {
			cap = cap ? cap * 2 : 8;
			*ids = xreallocarray(*ids, cap, sizeof **ids);
		}
		(*ids)[(*count)++] = sqlite3_column_int64(stmt, 0);
	}
	return store_end(st, stmt, rc, err);
}

int
store_team_leave(struct store *st, int64_t team_id, int64_t volunteer_id,
    struct err *err)
{
	static const char sql[] = "DELETE FROM team_members "
	    "WHERE team_id = ?1 AND volunteer_id = ?2";

	if (store_run(st, err, sql, "ii", team_id, volunteer_id) < 0)
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

	if (store_run(st, err, sql, "i", team_id) < 0)
		return -1;
	return store_fields_found(sqlite3_changes(st->db), err,
	    _(store_team_gone), team_id);
}

int
store_team_rename(struct store *st, int64_t team_id, const char *name,
    struct err *err)
{
	static const char sql[] = "UPDATE teams SET name = ?2 WHERE id = ?1";

	if (store_team_write(st, sql, team_id, name, err) < 0)
		return -1;
	return store_fields_found(sqlite3_changes(st->db), err,
	    _(store_team_gone), team_id);
}

int
store_team_list_volunteer(struct store *st, int64_t volunteer_id,
    struct team_list *out, struct err *err)
{
	static const char sql[] = "SELECT t.id, t.name, 0, '' FROM teams t "
	    "JOIN team_members m ON m.team_id = t.id "
	    "WHERE m.volunteer_id = ?1 ORDER BY t.name COLLATE NOCASE";

	return store_rows(st, store_query(st, err, sql, "i", volunteer_id),
	    store_team_list_row, out, err) < 0 ? -1 : 0;
}
