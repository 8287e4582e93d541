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

static void
store_log_user(char *buf, size_t size)
{
	const struct passwd *pw = getpwuid(getuid());
	const char *name = pw != NULL ? pw->pw_name : getenv("USER");
	const char *ssh = getenv("SSH_CLIENT");
	size_t n;

	snprintf(buf, size, "%s", name != NULL ? name : "?");
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
	sqlite3_stmt *stmt = store_stmt(st, sql, err);
	char user[256];

	if (stmt == NULL)
		return -1;
	store_log_user(user, sizeof user);
	sqlite3_bind_int64(stmt, 1, rtime_now());
	store_bind_text(stmt, 2, user);
	store_bind_text(stmt, 3, action);
	store_bind_text(stmt, 4, entity);
	sqlite3_bind_int64(stmt, 5, entity_id);
	store_bind_text(stmt, 6, summary ? summary : "");
	return store_step_done(st, stmt, err);
}

int
store_log_list(struct store *st, int64_t limit, const char *entity,
    int64_t entity_id, struct store_log_list *out, struct err *err)
{
	static const char sql[] = "SELECT id, at, user, action, entity, "
	    "entity_id, summary FROM change_log "
	    "WHERE (?1 IS NULL OR (entity = ?1 AND entity_id = ?2)) "
	    "ORDER BY id DESC LIMIT ?3";
	sqlite3_stmt *stmt = store_stmt(st, sql, err);
	struct store_log_entry *e;
	int rc;

	if (stmt == NULL)
		return -1;
	store_bind_text(stmt, 1, entity);
	sqlite3_bind_int64(stmt, 2, entity_id);
	sqlite3_bind_int64(stmt, 3, limit > 0 ? limit : 50);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (out->len == out->cap) {
			out->cap = out->cap ? out->cap * 2 : 16;
			out->items = xreallocarray(out->items, out->cap,
			    sizeof *out->items);
		}
		e = &out->items[out->len++];
		e->id = sqlite3_column_int64(stmt, 0);
		e->at = sqlite3_column_int64(stmt, 1);
		e->user = store_col_text(stmt, 2);
		e->action = store_col_text(stmt, 3);
		e->entity = store_col_text(stmt, 4);
		e->entity_id = sqlite3_column_int64(stmt, 5);
		e->summary = store_col_text(stmt, 6);
	}
	sqlite3_reset(stmt);
	return rc == SQLITE_DONE ? 0 : store_fail(st, rc, err);
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
	}
	free(list->items);
	memset(list, 0, sizeof *list);
}
