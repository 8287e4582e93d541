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
	bool			 migrated;	/* this open upgraded the
						   schema (it wrote) */
	char			 history_seen[24]; /* schema version at which
						   the triggers were found
						   right, to note in the
						   next write; "" none */
	struct store_stmt_slot	*stmts;	/* prepared once per handle */
	size_t			 nstmts;
	size_t			 capstmts;
	/* Every volunteer's name, kept for calendars (store_calendar.c). */
	struct store_calendar_names *names_kept;
	int64_t			 log_open;	/* the open change's log line
						   (store_log_open), or 0 */
};

/*
 * The settings key under which the open change's log line id stands
 * while a change is open; the history triggers give it to each row
 * image they write (NULL when there is none: claimed at the log line).
 */
#define STORE_LOG_OPEN "change_open"

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
 * Rows read in any order and put in name order in C rather than in the
 * temporary b-tree SQLite builds of every column of every row: one key a
 * row, with the volunteer's folded name and id and the row's index.
 */
struct store_key {
	const void	*row;		/* the row (store_keys_sort sets it) */
	char		*folded;	/* v.name_folded */
	int64_t		 id;		/* the volunteer's */
	size_t		 at;		/* the row's index among the rows */
};
struct store_keys {
	struct store_key	*items;
	size_t			 len;
	size_t			 cap;
};
/* A key for row at, its folded name in stmt's column col. */
void store_keys_add(struct store_keys *keys, sqlite3_stmt *stmt, int col,
    int64_t id, size_t at);
/*
 * The last keys->len of the n rows (of size bytes each, from rows) put in
 * the order cmp gives their keys (it compares struct store_key, whose
 * row it may read); the keys are freed.
 */
void store_keys_sort(struct store_keys *keys, void *rows, size_t n,
    size_t size, int (*cmp)(const void *, const void *));
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
/* Apply pending migrations (store_migrate.c). */
int store_migrate(struct store *st, struct err *err);

/*
 * store_fields.c: an entity's row through its table (volunteer_fields,
 * event_fields...). Stored fields are all but MODEL_FIELD_DERIVED ones,
 * in table order; written ones are stored ones not MODEL_FIELD_APART.
 */
/*
 * Read the stored fields from columns first, first + 1, ... into rec,
 * whose text slots are empty; text as store_col_text() makes it (NULL
 * kept for MODEL_FIELD_NULL), an enum by its name (0 if unknown).
 * Returns the column after the last.
 */
int store_fields_read(sqlite3_stmt *stmt, int first, void *rec,
    const struct model_field *fields);
/*
 * A row: its id in column first, its version next (unless version is
 * NULL), then the stored fields. Returns the column after them.
 */
int store_fields_read_row(sqlite3_stmt *stmt, int first, int64_t *id,
    int64_t *version, void *rec, const struct model_field *fields);
/* The same for the MODEL_FIELD_DERIVED fields, which the query adds. */
int store_fields_read_derived(sqlite3_stmt *stmt, int first, void *rec,
    const struct model_field *fields);
/*
 * The same for MODEL_FIELD_DERIVED fields, all MODEL_FIELD_INT, that
 * the query packs in the one text column col as decimal numbers split by
 * spaces, in table order (one subquery for all); a missing number reads
 * as 0. Returns col + 1.
 */
int store_fields_read_packed(sqlite3_stmt *stmt, int col, void *rec,
    const struct model_field *fields);
/*
 * Bind the written fields of rec to ?first, ?first + 1, ...; NULL text
 * as "" (NULL for MODEL_FIELD_NULL, and a 0 id or time too). Returns the
 * parameter after the last.
 */
int store_fields_bind(sqlite3_stmt *stmt, int first, const void *rec,
    const struct model_field *fields);
/*
 * SQL built once from a table and kept in *slot (a static char *, so
 * the text's address keys store_stmt()'s cache), returned each call:
 * head, the stored columns each prefixed with alias ("e."), more (the
 * derived ones, the FROM) and tail (WHERE...).
 */
const char *store_fields_select(char **slot, const char *head,
    const char *alias, const struct model_field *fields, const char *more,
    const char *tail);
/*
 * "INSERT INTO table (<written columns> more_columns) VALUES (?1, ...
 * more_values)": more_* start with ", " or are "".
 */
const char *store_fields_insert(char **slot, const char *table,
    const struct model_field *fields, const char *more_columns,
    const char *more_values);
/*
 * The same for rows rows in one statement: row r's fields are ?(r * k +
 * 1) ... ?(r * k + k) for k written fields; the nmore more_columns of
 * every row all take ?(rows * k + 1) (the time, say).
 */
const char *store_fields_insert_rows(char **slot, const char *table,
    const struct model_field *fields, const char *more_columns, int nmore,
    int rows);
/*
 * "INSERT INTO table (<written columns>) VALUES (?1, ...) ON CONFLICT
 * (key) DO UPDATE SET <column> = ?1, ...": a row written whether or not
 * one with the same key (a UNIQUE list of columns) is there already.
 */
const char *store_fields_upsert(char **slot, const char *table,
    const struct model_field *fields, const char *key);
/*
 * "UPDATE table SET <column> = ?1, ... more_set WHERE id = :id"; more_set
 * starts with ", " or is "".
 */
const char *store_fields_update(char **slot, const char *table,
    const struct model_field *fields, const char *more_set);
/*
 * After a read or write of the row with id that gave n rows (-1: it
 * failed, err is set): 0, or ERR_NOT_FOUND with fmt (a "%lld").
 */
int store_fields_found(int n, struct err *err, const char *fmt, int64_t id);
/* Bind v to the named parameter name (":id", ":now") if stmt has it. */
void store_fields_bind_named(sqlite3_stmt *stmt, const char *name, int64_t v);
/*
 * sql (store_fields_insert()'s or _update()'s) prepared with rec's
 * written fields bound, :now the time and :id id; NULL with err.
 */
sqlite3_stmt *store_fields_prepare(struct store *st, const char *sql,
    const void *rec, const struct model_field *fields, int64_t id,
    struct err *err);
/* Run it: the rows changed, or -1 with err. */
int store_fields_write(struct store *st, const char *sql, const void *rec,
    const struct model_field *fields, int64_t id, struct err *err);

#endif /* ROOSTER_STORE_INT_H */
