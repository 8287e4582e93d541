/* SPDX-License-Identifier: ISC */
/* Internals shared by the store's files: the handle and statement cache. */
#ifndef ROOSTER_STORE_INT_H
#define ROOSTER_STORE_INT_H

#include <sqlite3.h>

#include "rooster/store.h"

struct store_stmt_slot {
	const char	*sql;		/* the static SQL text, used as key */
	sqlite3_stmt	*stmt;
};

struct store {
	sqlite3			*db;
	char			*path;
	bool			 readonly;
	struct store_stmt_slot	*stmts;	/* prepared once per handle */
	size_t			 nstmts;
	size_t			 capstmts;
};

/*
 * The prepared statement for sql (a static string: its address is the
 * key), reset and with bindings cleared. NULL with err set on failure.
 */
sqlite3_stmt *store_stmt(struct store *st, const char *sql, struct err *err);
/* Map an SQLite result code to err (ERR_BUSY, ERR_READONLY, ERR_IO...). */
int store_fail(struct store *st, int rc, struct err *err);
/* Copy of column i as text ("" for NULL). The caller frees. */
char *store_col_text(sqlite3_stmt *stmt, int i);
/* Bind text or NULL when s is NULL. */
void store_bind_text(sqlite3_stmt *stmt, int i, const char *s);
/* Run a statement that returns no rows; 0 or -1 with err. */
int store_step_done(struct store *st, sqlite3_stmt *stmt, struct err *err);
/*
 * Refuse a file that is not a rooster plan or is newer than this program,
 * without writing to it (store_migrate.c).
 */
int store_migrate_check(struct store *st, struct err *err);
/* Apply pending migrations (store_migrate.c). */
int store_migrate(struct store *st, struct err *err);

#endif /* ROOSTER_STORE_INT_H */
