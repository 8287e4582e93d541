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
	bool			 history;	/* change_rows exists */
	char			 history_seen[24]; /* schema version at which
						   the triggers were found
						   right, to note in the
						   next write; "" none */
	struct store_stmt_slot	*stmts;	/* prepared once per handle */
	size_t			 nstmts;
	size_t			 capstmts;
	/* Every volunteer's name, kept for calendars (store_calendar.c). */
	struct store_calendar_names *names_kept;
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
/*
 * Step stmt (bound by the caller) to the end and return its first column
 * as ids, sorted for bsearch with store_id_cmp; *out is NULL when there
 * are none. 0, or -1 with err (stmt reset either way).
 */
int store_ids(struct store *st, sqlite3_stmt *stmt, int64_t **out,
    size_t *len, struct err *err);
int store_id_cmp(const void *a, const void *b);
/*
 * The id in the first column of sql's first row with text bound to ?1: 0
 * if there is none, -1 with err on failure.
 */
int64_t store_id_by_text(struct store *st, const char *sql, const char *text,
    struct err *err);
/* Bind text or NULL when s is NULL. */
void store_bind_text(sqlite3_stmt *stmt, int i, const char *s);
/* Run a statement that returns no rows; 0 or -1 with err. */
int store_step_done(struct store *st, sqlite3_stmt *stmt, struct err *err);
/*
 * The statement helpers every store file uses, so a query reads as its
 * SQL and its values (the way fossil's db.c wraps SQLite). fmt has one
 * letter per parameter ?1, ?2, ... and each letter takes one argument:
 * 'i' an int64_t, 'd' an int, 't' a const char * (NULL binds NULL), '-'
 * none (the parameter is left unbound, for the caller to bind).
 */
/* The cached statement for sql with fmt's values bound; NULL with err. */
sqlite3_stmt *store_query(struct store *st, struct err *err, const char *sql,
    const char *fmt, ...);
/* Run sql, which returns no rows, with fmt's values; 0 or -1 with err. */
int store_run(struct store *st, struct err *err, const char *sql,
    const char *fmt, ...);
/*
 * The first column of sql's first row, with fmt's values bound, into
 * *value (left alone when there is no row, or for store_text() when the
 * column is NULL; store_text() copies, the caller frees). 1 if there was
 * a value, 0 if not, -1 with err.
 */
int store_int(struct store *st, struct err *err, int64_t *value,
    const char *sql, const char *fmt, ...);
int store_text(struct store *st, struct err *err, char **value,
    const char *sql, const char *fmt, ...);
/*
 * Reset stmt, which stepped to rc: 0 if rc is SQLITE_DONE, else -1 with
 * err as store_fail() sets it.
 */
int store_end(struct store *st, sqlite3_stmt *stmt, int rc, struct err *err);
typedef void (*store_row_fn)(sqlite3_stmt *stmt, void *arg);
/*
 * Step stmt (store_query()'s; NULL means it failed, err is set) to the
 * end, calling fn(stmt, arg) on each row, and reset it. The number of
 * rows, or -1 with err.
 */
int store_rows(struct store *st, sqlite3_stmt *stmt, store_row_fn fn,
    void *arg, struct err *err);
/*
 * Refuse a file that is not a rooster plan or is newer than this program,
 * without writing to it (store_migrate.c).
 */
int store_migrate_check(struct store *st, struct err *err);
/*
 * Who holds the write lock of the plan at path, as "process N of user U
 * (command line)", or NULL if unknown (store_lock.c). The caller frees.
 */
char *store_lock_holder(const char *path);
/*
 * Make the history triggers match the tables' columns, rewriting them in
 * one write transaction if a migration changed a table (store_history.c).
 */
/* In a write transaction: note history_seen, if any (never fails). */
void store_history_note(struct store *st);
int store_history_sync(struct store *st, struct err *err);
/*
 * Fold the names of volunteers whose name_folded is still empty: rows
 * written by another program (sqlite3 by hand, a generator) that knows
 * nothing of it. One probe through the index when there are none; else
 * one write transaction. Nothing on a read-only plan (store_volunteer.c).
 */
int store_volunteer_refold(struct store *st, struct err *err);
/* The columns of a table, from PRAGMA table_info (store_history.c). */
struct store_history_cols {
	char	**names;		/* plain identifiers only */
	bool	 *pk;			/* part of the primary key */
	char	**defaults;		/* DEFAULT expression text, or NULL */
	size_t	  len;
	bool	  has_id;		/* an "id" column names the row */
};

/*
 * Columns of tbl; ERR_SCHEMA if a name is not a plain identifier (so
 * names can be written into SQL). Free with store_history_cols_free.
 */
int store_history_columns(struct store *st, const char *tbl,
    struct store_history_cols *out, struct err *err);
void store_history_cols_free(struct store_history_cols *c);
/* The OS login name of this process, for the change log (store_log.c). */
void store_log_login(char *buf, size_t size);
/*
 * An event's stored columns, for "SELECT ... FROM events e", in the order
 * store_event_read() expects them as the first STORE_EVENT_NSTORED.
 */
#define STORE_EVENT_STORED_COLS \
	"e.id, e.uid, e.sequence, e.title, e.description, e.location, " \
	"e.start_at, e.end_at, e.status, e.rrule, e.languages, e.version, " \
	"coalesce(e.series_id, 0), coalesce(e.occurrence_start, 0), " \
	"e.all_day"
#define STORE_EVENT_NSTORED 15
/* Fill ev (initialised) from columns 0..14 (store_event.c). */
void store_event_read(sqlite3_stmt *stmt, struct event *ev);
/* Apply pending migrations (store_migrate.c). */
int store_migrate(struct store *st, struct err *err);

/*
 * Read the fields of a table (volunteer_fields...) from columns first,
 * first + 1, ... into rec, whose text slots are empty; text as
 * store_col_text() makes it.
 */
void store_fields_read(sqlite3_stmt *stmt, int first, void *rec,
    const struct model_field *fields);
/* Bind the fields of rec to ?first, ?first + 1, ...; NULL text as "". */
void store_fields_bind(sqlite3_stmt *stmt, int first, const void *rec,
    const struct model_field *fields);

#endif /* ROOSTER_STORE_INT_H */
