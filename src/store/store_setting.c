/* SPDX-License-Identifier: ISC */
/* Plan settings: a key-value table (time_zone, name, uid_domain, ...). */
#include "rooster/store.h"

#include "store_int.h"

char *
store_setting_get(struct store *st, const char *key)
{
	static const char sql[] = "SELECT value FROM settings WHERE key = ?1";
	sqlite3_stmt *stmt = store_stmt(st, sql, NULL);
	char *value = NULL;

	if (stmt == NULL)
		return NULL;
	store_bind_text(stmt, 1, key);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		value = store_col_text(stmt, 0);
	sqlite3_reset(stmt);
	return value;
}

int
store_setting_set(struct store *st, const char *key, const char *value,
    struct err *err)
{
	static const char sql[] = "INSERT INTO settings (key, value) "
	    "VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = ?2";
	sqlite3_stmt *stmt = store_stmt(st, sql, err);

	if (stmt == NULL)
		return -1;
	store_bind_text(stmt, 1, key);
	store_bind_text(stmt, 2, value);
	return store_step_done(st, stmt, err);
}
