/* SPDX-License-Identifier: ISC */
/*
 * Restoring a backup: the file is opened read-only and must pass
 * integrity_check and be a rooster plan of a schema this program knows;
 * only then does SQLite's backup API copy it into the live plan, in one
 * write transaction, so other processes see the old plan or the new one.
 */
#include "rooster/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "store_int.h"

/* 'Roos', as in store_migrate.c. */
#define STORE_RESTORE_APPLICATION_ID 0x526f6f73
#define STORE_RESTORE_WAIT_MS 10000

static int
store_restore_int(sqlite3 *db, const char *sql, int *out)
{
	sqlite3_stmt *stmt;
	int rc;

	*out = 0;
	rc = sqlite3_prepare_v2(db, sql, -1, &stmt, NULL);
	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* integrity_check's first finding, on one line. */
static void
store_restore_damaged(const char *path, const char *why, struct err *err)
{
	char line[160], *p;

	snprintf(line, sizeof line, "%s", why);
	for (p = line; *p != '\0'; p++)
		if (*p == '\n' || *p == '\r')
			*p = ' ';
	err_set(err, ERR_IO, _("%s is damaged (%s); the plan was not changed"),
	    path, line);
}

static int
store_restore_open_immutable(const char *path, sqlite3 **db)
{
	struct strbuf uri;
	const char *p;
	int rc;

	strbuf_init(&uri);
	strbuf_adds(&uri, "file:");
	for (p = path; *p != '\0'; p++) {
		if (*p == '%' || *p == '?' || *p == '#')
			strbuf_addf(&uri, "%%%02X", (unsigned char)*p);
		else
			strbuf_addc(&uri, *p);
	}
	strbuf_adds(&uri, "?immutable=1");
	rc = sqlite3_open_v2(strbuf_str(&uri), db, SQLITE_OPEN_READONLY |
	    SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
	strbuf_fini(&uri);
	return rc;
}

/*
 * The backup's zone must be one this system knows: restored, a plan
 * without it would open for nothing but another restore.
 */
static int
store_restore_zone(const char *path, sqlite3 *db, struct err *err)
{
	static const char sql[] =
	    "SELECT value FROM settings WHERE key = 'time_zone'";
	sqlite3_stmt *stmt;
	const char *zone;
	char *clean;
	int rc, ret = 0;

	rc = sqlite3_prepare_v2(db, sql, -1, &stmt, NULL);
	if (rc != SQLITE_OK)
		return err_set(err, ERR_SCHEMA, _("%s is not a rooster plan "
		    "(%s); the plan was not changed"), path,
		    sqlite3_errstr(rc));
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		zone = (const char *)sqlite3_column_text(stmt, 0);
		if (zone == NULL || !rtime_zone_is_valid(zone)) {
			clean = text_sanitize(zone != NULL ? zone : "");
			ret = err_set(err, ERR_SCHEMA, _("%s is in the time "
			    "zone '%.60s', which this system does not know "
			    "(apt-get install tzdata-legacy, or restore "
			    "elsewhere); the plan was not changed"), path,
			    clean);
			free(clean);
		}
	} else if (rc != SQLITE_DONE)
		ret = err_set(err, ERR_IO, _("cannot read %s (%s); the plan "
		    "was not changed"), path, sqlite3_errstr(rc));
	sqlite3_finalize(stmt);
	return ret;
}

/* Open path read-only and check it; on failure err names the reason. */
static int
store_restore_check(const char *path, sqlite3 **out, struct err *err)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *stmt;
	const char *first;
	int rc, app = 0, version = 0;
	bool ok;

	*out = NULL;
	rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY |
	    SQLITE_OPEN_NOMUTEX, NULL);
	if (rc == SQLITE_OK)
		rc = store_restore_int(db, "PRAGMA application_id", &app);
	if ((rc & 0xff) == SQLITE_READONLY || (rc & 0xff) == SQLITE_CANTOPEN) {
		/*
		 * A backup in WAL mode where we may not create its -shm (a
		 * read-only directory): read it as immutable instead.
		 */
		sqlite3_close(db);
		db = NULL;
		rc = store_restore_open_immutable(path, &db);
		if (rc == SQLITE_OK)
			rc = store_restore_int(db, "PRAGMA application_id",
			    &app);
	}
	if (rc == SQLITE_OK)
		rc = store_restore_int(db, "PRAGMA user_version", &version);
	if ((rc & 0xff) == SQLITE_CORRUPT) {
		sqlite3_close(db);
		return err_set(err, ERR_IO,
		    _("%s is damaged (%s); the plan was "
		    "not changed"), path, sqlite3_errstr(rc));
	}
	if ((rc & 0xff) == SQLITE_NOTADB) {
		sqlite3_close(db);
		return err_set(err, ERR_SCHEMA, _("%s is not a rooster backup "
		    "(not an SQLite file); the plan was not changed"), path);
	}
	if (rc != SQLITE_OK) {
		err_set(err, rc == SQLITE_CANTOPEN ? ERR_NOT_FOUND : ERR_IO,
		    _("cannot read %s (%s); the plan was not changed"), path,
		    sqlite3_errstr(rc));
		sqlite3_close(db);
		return -1;
	}
	rc = sqlite3_prepare_v2(db, "PRAGMA integrity_check(1)", -1, &stmt,
	    NULL);
	ok = false;
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(stmt);
		first = rc == SQLITE_ROW ?
		    (const char *)sqlite3_column_text(stmt, 0) : NULL;
		ok = first != NULL && strcmp(first, "ok") == 0;
		if (!ok)
			store_restore_damaged(path, first != NULL ? first :
			    sqlite3_errmsg(db), err);
		sqlite3_finalize(stmt);
	} else
		err_set(err, ERR_IO, _("%s is damaged (%s); the plan was not "
		    "changed"), path, sqlite3_errstr(rc));
	if (!ok) {
		sqlite3_close(db);
		return -1;
	}
	if (app != STORE_RESTORE_APPLICATION_ID || version < 1) {
		sqlite3_close(db);
		return err_set(err, ERR_SCHEMA,
		    _("%s is an SQLite file but not "
		    "a rooster plan; the plan was not changed"), path);
	}
	if (version > store_schema_latest()) {
		sqlite3_close(db);
		return err_set(err, ERR_SCHEMA, _("%s was written by a newer "
		    "rooster (schema %d; this one knows %d): upgrade rooster; "
		    "the plan was not changed"), path, version,
		    store_schema_latest());
	}
	if (store_restore_zone(path, db, err) < 0) {
		sqlite3_close(db);
		return -1;
	}
	*out = db;
	return 0;
}

int
store_restore(struct store *st, const char *path, struct err *err)
{
	struct stat a, b;
	sqlite3 *src;
	sqlite3_backup *bk;
	struct timespec ts;
	int rc, waited = 0;

	if (st->readonly)
		return err_set(err, ERR_READONLY, _("%s is read-only: nothing "
		    "was changed (check its permissions)"), st->path);
	if (stat(path, &a) == 0 && stat(st->path, &b) == 0 &&
	    a.st_dev == b.st_dev && a.st_ino == b.st_ino)
		return err_set(err, ERR_INVALID,
		    _("%s is the plan itself; give "
		    "a backup file"), path);
	if (store_restore_check(path, &src, err) < 0)
		return -1;
	bk = sqlite3_backup_init(st->db, "main", src, "main");
	if (bk == NULL) {
		store_fail(st, sqlite3_errcode(st->db), err);
		sqlite3_close(src);
		return -1;
	}
	/* All pages in one step: one write transaction on the live plan. */
	while ((rc = sqlite3_backup_step(bk, -1)) == SQLITE_BUSY ||
	    rc == SQLITE_LOCKED) {
		if (waited >= STORE_RESTORE_WAIT_MS)
			break;
		ts.tv_sec = 0;
		ts.tv_nsec = 20 * 1000000L;
		nanosleep(&ts, NULL);
		waited += 20;
	}
	sqlite3_backup_finish(bk);
	sqlite3_close(src);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, err);
	/* An older backup: bring it to this schema, and its history too. */
	if (store_migrate(st, err) < 0 || store_history_sync(st, err) < 0)
		return -1;
	return 0;
}
