/* SPDX-License-Identifier: ISC */
/*
 * A benchmark tool, not part of rooster: an LD_PRELOAD shim that appends
 * the text of every statement rooster prepares to the file named by
 * $ROOSTER_SQL_TRACE, one per record ending in a NUL byte, so bench.py can
 * show EXPLAIN QUERY PLAN for exactly the queries each command runs.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef int (*sqltrace_prepare_fn)(void *, const char *, int, unsigned int,
    void **, const char **);
typedef int (*sqltrace_prepare2_fn)(void *, const char *, int, void **,
    const char **);

int sqlite3_prepare_v3(void *db, const char *sql, int n, unsigned int flags,
    void **stmt, const char **tail);
int sqlite3_prepare_v2(void *db, const char *sql, int n, void **stmt,
    const char **tail);

static void
sqltrace_log(const char *sql, int n)
{
	const char *path = getenv("ROOSTER_SQL_TRACE");
	FILE *f;

	if (path == NULL || sql == NULL)
		return;
	if ((f = fopen(path, "a")) == NULL)
		return;
	fwrite(sql, 1, n < 0 ? strlen(sql) : (size_t)n, f);
	fputc('\0', f);
	fclose(f);
}

int
sqlite3_prepare_v3(void *db, const char *sql, int n, unsigned int flags,
    void **stmt, const char **tail)
{
	static sqltrace_prepare_fn real;

	if (real == NULL)
		*(void **)&real = dlsym(RTLD_NEXT, "sqlite3_prepare_v3");
	sqltrace_log(sql, n);
	return real(db, sql, n, flags, stmt, tail);
}

int
sqlite3_prepare_v2(void *db, const char *sql, int n, void **stmt,
    const char **tail)
{
	static sqltrace_prepare2_fn real;

	if (real == NULL)
		*(void **)&real = dlsym(RTLD_NEXT, "sqlite3_prepare_v2");
	sqltrace_log(sql, n);
	return real(db, sql, n, stmt, tail);
}
