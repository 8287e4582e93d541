/* SPDX-License-Identifier: ISC */
/*
 * Rows by table: an entity's columns read, bound and named in SQL through
 * its model_field rows (volunteer_fields, event_fields...), so that a
 * field added to a table reaches the file without a hand-counted column.
 */
#include "rooster/store.h"

#include <stdlib.h>
#include <string.h>

#include "store_int.h"

/* Read by a select: every field but the derived ones. */
static bool
store_fields_stored(const struct model_field *f)
{
	return (f->flags & MODEL_FIELD_DERIVED) == 0;
}

/* Written by insert and update: neither derived nor written apart. */
static bool
store_fields_written(const struct model_field *f)
{
	return (f->flags & (MODEL_FIELD_DERIVED | MODEL_FIELD_APART)) == 0;
}

/* Read the stored fields, or the derived ones, from column first on. */
static int
store_fields_read_some(sqlite3_stmt *stmt, int first, void *rec,
    const struct model_field *fields, bool derived)
{
	char *p;
	int v;

	/* Per row of every list: no call per field beyond SQLite's. */
	for (; fields->key != NULL; fields++) {
		if (store_fields_stored(fields) == derived)
			continue;
		p = (char *)rec + fields->offset;
		switch (fields->kind) {
		case MODEL_FIELD_TEXT:
			*(char **)(void *)p = (fields->flags &
			    MODEL_FIELD_NULL) != 0 && sqlite3_column_type(stmt,
			    first) == SQLITE_NULL ? NULL :
			    store_col_text(stmt, first);
			break;
		case MODEL_FIELD_BOOL:
			*(bool *)(void *)p = sqlite3_column_int(stmt,
			    first) != 0;
			break;
		case MODEL_FIELD_ID:
		case MODEL_FIELD_TIME:
			*(int64_t *)(void *)p = sqlite3_column_int64(stmt,
			    first);
			break;
		case MODEL_FIELD_ENUM:
			v = model_field_parse(fields, (const char *)
			    sqlite3_column_text(stmt, first));
			*(int *)(void *)p = v < 0 ? 0 : v;
			break;
		case MODEL_FIELD_REAL:
			*(double *)(void *)p = sqlite3_column_double(stmt,
			    first);
			break;
		default:
			*(int *)(void *)p = sqlite3_column_int(stmt, first);
			break;
		}
		first++;
	}
	return first;
}

int
store_fields_read(sqlite3_stmt *stmt, int first, void *rec,
    const struct model_field *fields)
{
	return store_fields_read_some(stmt, first, rec, fields, false);
}

int
store_fields_read_row(sqlite3_stmt *stmt, int first, int64_t *id,
    int64_t *version, void *rec, const struct model_field *fields)
{
	*id = sqlite3_column_int64(stmt, first++);
	if (version != NULL)
		*version = sqlite3_column_int64(stmt, first++);
	return store_fields_read(stmt, first, rec, fields);
}

int
store_fields_read_derived(sqlite3_stmt *stmt, int first, void *rec,
    const struct model_field *fields)
{
	return store_fields_read_some(stmt, first, rec, fields, true);
}

int
store_fields_read_packed(sqlite3_stmt *stmt, int col, void *rec,
    const struct model_field *fields)
{
	const char *p = (const char *)sqlite3_column_text(stmt, col);
	char *end;

	for (; fields->key != NULL; fields++) {
		if (store_fields_stored(fields))
			continue;
		/* As sqlite3_column_int() takes a 64-bit number. */
		*(int *)(void *)((char *)rec + fields->offset) = p == NULL ? 0 :
		    (int)strtoll(p, &end, 10);
		p = p == NULL || end == p ? NULL : end;
	}
	return col + 1;
}

int
store_fields_bind(sqlite3_stmt *stmt, int first, const void *rec,
    const struct model_field *fields)
{
	bool keep_null;
	int64_t n;

	for (; fields->key != NULL; fields++) {
		if (!store_fields_written(fields))
			continue;
		keep_null = (fields->flags & MODEL_FIELD_NULL) != 0;
		switch (fields->kind) {
		case MODEL_FIELD_TEXT:
			if (keep_null)
				store_bind_text(stmt, first, *model_field_slot(
				    (void *)(uintptr_t)rec, fields));
			else
				store_bind_text(stmt, first, model_field_text(
				    rec, fields));
			break;
		case MODEL_FIELD_ID:
		case MODEL_FIELD_TIME:
			n = model_field_int64(rec, fields);
			if (n != 0 || !keep_null)
				sqlite3_bind_int64(stmt, first, n);
			else
				sqlite3_bind_null(stmt, first);
			break;
		case MODEL_FIELD_ENUM:
			store_bind_text(stmt, first, model_field_name(rec,
			    fields));
			break;
		case MODEL_FIELD_REAL:
			sqlite3_bind_double(stmt, first, model_field_real(rec,
			    fields));
			break;
		default:
			sqlite3_bind_int(stmt, first, model_field_int(rec,
			    fields));
			break;
		}
		first++;
	}
	return first;
}

/* How store_fields_list() writes each field. */
enum store_fields_as {
	STORE_FIELDS_COLUMN,	/* alias column: the stored ones */
	STORE_FIELDS_NAME,	/* column: the written ones */
	STORE_FIELDS_PARAM,	/* ?n: the written ones */
	STORE_FIELDS_SET	/* column = ?n: the written ones */
};

/* The fields as a comma list after sb's text. */
static void
store_fields_list(struct strbuf *sb, const char *alias,
    const struct model_field *fields, enum store_fields_as as)
{
	int n = 0;

	for (; fields->key != NULL; fields++) {
		if (as == STORE_FIELDS_COLUMN ? !store_fields_stored(fields) :
		    !store_fields_written(fields))
			continue;
		if (n++ > 0)
			strbuf_adds(sb, ", ");
		if (as == STORE_FIELDS_COLUMN)
			strbuf_addf(sb, "%s%s", alias,
			    model_field_column(fields));
		else if (as == STORE_FIELDS_NAME)
			strbuf_adds(sb, model_field_column(fields));
		else if (as == STORE_FIELDS_PARAM)
			strbuf_addf(sb, "?%d", n);
		else
			strbuf_addf(sb, "%s = ?%d",
			    model_field_column(fields), n);
	}
}

/* The text made once: a, the list, b, the second list (if any), c. */
static const char *
store_fields_sql(char **slot, const char *alias,
    const struct model_field *fields, const char *a,
    enum store_fields_as as, const char *b, int as2, const char *c)
{
	struct strbuf sb;

	if (*slot != NULL)
		return *slot;
	strbuf_init(&sb);
	strbuf_adds(&sb, a);
	store_fields_list(&sb, alias, fields, as);
	strbuf_adds(&sb, b);
	if (as2 >= 0)
		store_fields_list(&sb, alias, fields,
		    (enum store_fields_as)as2);
	strbuf_adds(&sb, c);
	*slot = strbuf_detach(&sb);
	return *slot;
}

const char *
store_fields_select(char **slot, const char *head, const char *alias,
    const struct model_field *fields, const char *more, const char *tail)
{
	return store_fields_sql(slot, alias, fields, head,
	    STORE_FIELDS_COLUMN, more, -1, tail);
}

const char *
store_fields_insert(char **slot, const char *table,
    const struct model_field *fields, const char *more_columns,
    const char *more_values)
{
	char *a, *b, *c;

	if (*slot != NULL)
		return *slot;
	a = xasprintf("INSERT INTO %s (", table);
	b = xasprintf("%s) VALUES (", more_columns);
	c = xasprintf("%s)", more_values);
	store_fields_sql(slot, "", fields, a, STORE_FIELDS_NAME, b,
	    STORE_FIELDS_PARAM, c);
	free(a);
	free(b);
	free(c);
	return *slot;
}

const char *
store_fields_insert_rows(char **slot, const char *table,
    const struct model_field *fields, const char *more_columns, int nmore,
    int rows)
{
	const struct model_field *f;
	struct strbuf sb;
	int n = 0, r, i;

	if (*slot != NULL)
		return *slot;
	for (f = fields; f->key != NULL; f++)
		if (store_fields_written(f))
			n++;
	strbuf_init(&sb);
	strbuf_addf(&sb, "INSERT INTO %s (", table);
	store_fields_list(&sb, "", fields, STORE_FIELDS_NAME);
	strbuf_addf(&sb, "%s) VALUES ", more_columns);
	for (r = 0; r < rows; r++) {
		strbuf_adds(&sb, r > 0 ? ", (" : "(");
		for (i = 1; i <= n + nmore; i++)
			strbuf_addf(&sb, "%s?%d", i > 1 ? ", " : "",
			    i <= n ? r * n + i : rows * n + 1);
		strbuf_adds(&sb, ")");
	}
	*slot = strbuf_detach(&sb);
	return *slot;
}

const char *
store_fields_upsert(char **slot, const char *table,
    const struct model_field *fields, const char *key)
{
	struct strbuf sb;

	if (*slot != NULL)
		return *slot;
	strbuf_init(&sb);
	strbuf_addf(&sb, "INSERT INTO %s (", table);
	store_fields_list(&sb, "", fields, STORE_FIELDS_NAME);
	strbuf_adds(&sb, ") VALUES (");
	store_fields_list(&sb, "", fields, STORE_FIELDS_PARAM);
	strbuf_addf(&sb, ") ON CONFLICT (%s) DO UPDATE SET ", key);
	store_fields_list(&sb, "", fields, STORE_FIELDS_SET);
	*slot = strbuf_detach(&sb);
	return *slot;
}

const char *
store_fields_update(char **slot, const char *table,
    const struct model_field *fields, const char *more_set)
{
	char *a, *b;

	if (*slot != NULL)
		return *slot;
	a = xasprintf("UPDATE %s SET ", table);
	b = xasprintf("%s WHERE id = :id", more_set);
	store_fields_sql(slot, "", fields, a, STORE_FIELDS_SET, b, -1, "");
	free(a);
	free(b);
	return *slot;
}

int
store_fields_found(int n, struct err *err, const char *fmt, int64_t id)
{
	if (n < 0)
		return -1;
	if (n == 0)
		return err_set(err, ERR_NOT_FOUND, fmt, (long long)id);
	return 0;
}

void
store_fields_bind_named(sqlite3_stmt *stmt, const char *name, int64_t v)
{
	int i = sqlite3_bind_parameter_index(stmt, name);

	if (i > 0)
		sqlite3_bind_int64(stmt, i, v);
}

sqlite3_stmt *
store_fields_prepare(struct store *st, const char *sql, const void *rec,
    const struct model_field *fields, int64_t id, struct err *err)
{
	sqlite3_stmt *stmt = store_stmt(st, sql, err);

	if (stmt == NULL)
		return NULL;
	store_fields_bind(stmt, 1, rec, fields);
	store_fields_bind_named(stmt, ":now", rtime_now());
	store_fields_bind_named(stmt, ":id", id);
	return stmt;
}

int
store_fields_write(struct store *st, const char *sql, const void *rec,
    const struct model_field *fields, int64_t id, struct err *err)
{
	sqlite3_stmt *stmt = store_fields_prepare(st, sql, rec, fields, id,
	    err);

	if (stmt == NULL || store_step_done(st, stmt, err) < 0)
		return -1;
	return sqlite3_changes(st->db);
}
