/* SPDX-License-Identifier: ISC */
/*
 * Opening, transactions and the statement cache. Every connection runs
 * with foreign keys on, WAL, and a 10-second busy timeout; writes start
 * with BEGIN IMMEDIATE so two writers queue instead of deadlocking.
 */
#include "rooster/store.h"

#include <assert.h>
#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "store_int.h"

#define STORE_BUSY_MS 10000

static int store_drop_unclaimed(struct store *st, struct err *err);

sqlite3_stmt *
store_stmt(struct store *st, const char *sql, struct err *err)
{
	struct store_stmt_slot *slot;
	sqlite3_stmt *stmt;
	size_t i;
	int rc;

	for (i = 0; i < st->nstmts; i++) {
		if (st->stmts[i].sql == sql) {
			sqlite3_reset(st->stmts[i].stmt);
			sqlite3_clear_bindings(st->stmts[i].stmt);
			return st->stmts[i].stmt;
		}
	}
	rc = sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
	    &stmt, NULL);
	if (rc != SQLITE_OK) {
		store_fail(st, rc, err);
		return NULL;
	}
	slot = xarray_push(&st->stmts, &st->nstmts, &st->capstmts,
	    sizeof *slot);
	slot->sql = sql;
	slot->stmt = stmt;
	return stmt;
}

int
store_id_cmp(const void *pa, const void *pb)
{
	int64_t a = *(const int64_t *)pa, b = *(const int64_t *)pb;

	return (a > b) - (a < b);
}

void
store_keys_add(struct store_keys *keys, sqlite3_stmt *stmt, int col,
    int64_t id, size_t at)
{
	struct store_key *key = xarray_push(&keys->items, &keys->len,
	    &keys->cap, sizeof *keys->items);

	key->folded = store_col_text(stmt, col);
	key->id = id;
	key->at = at;
}

void
store_keys_sort(struct store_keys *keys, void *rows, size_t n, size_t size,
    int (*cmp)(const void *, const void *))
{
	char *base = rows, *sorted;
	size_t i, first = n - keys->len;

	for (i = 0; i < keys->len; i++)
		keys->items[i].row = base + keys->items[i].at * size;
	xsort(keys->items, keys->len, sizeof *keys->items, cmp);
	sorted = xreallocarray(NULL, keys->len + 1, size);
	for (i = 0; i < keys->len; i++)
		memcpy(sorted + i * size, keys->items[i].row, size);
	if (keys->len > 0)
		memcpy(base + first * size, sorted, keys->len * size);
	free(sorted);
	for (i = 0; i < keys->len; i++)
		free(keys->items[i].folded);
	free(keys->items);
	memset(keys, 0, sizeof *keys);
}

int64_t
store_id_by_text(struct store *st, const char *sql, const char *text,
    struct err *err)
{
	int64_t id = 0;

	return store_int(st, err, &id, sql, "t", text) < 0 ? -1 : id;
}

int
store_ids(struct store *st, sqlite3_stmt *stmt, int64_t **out, size_t *len,
    struct err *err)
{
	int64_t *v = NULL;
	size_t n = 0, cap = 0;
	int rc;

	*out = NULL;
	*len = 0;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 1024;
			v = xreallocarray(v, cap, sizeof *v);
		}
		v[n++] = sqlite3_column_int64(stmt, 0);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		free(v);
		return store_fail(st, rc, err);
	}
	if (n > 0)
		xsort(v, n, sizeof *v, store_id_cmp);
	*out = v;
	*len = n;
	return 0;
}

int
store_fail(struct store *st, int rc, struct err *err)
{
	const char *msg = st != NULL && st->db != NULL ?
	    sqlite3_errmsg(st->db) : sqlite3_errstr(rc);
	const char *path = st != NULL && st->path != NULL ? st->path : "";

	/*
	 * An I/O error that is a full disk (making the -shm of a plan whose
	 * last user closed it, even for a lookup) says so.
	 */
	if ((rc & 0xff) == SQLITE_IOERR && st != NULL && st->db != NULL &&
	    (sqlite3_system_errno(st->db) == ENOSPC ||
	    sqlite3_system_errno(st->db) == EDQUOT))
		rc = SQLITE_FULL;
	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return err_set(err, ERR_BUSY,
		    _("%s stayed locked by another rooster for more than %d "
		    "seconds; try again"), path, STORE_BUSY_MS / 1000);
	case SQLITE_READONLY:
	case SQLITE_PERM:
		return err_set(err, ERR_READONLY,
		    _("%s is read-only: nothing was changed (check its "
		    "permissions)"), path);
	case SQLITE_NOTADB:
		return err_set(err, ERR_SCHEMA,
		    _("%s is not a rooster database (not an SQLite file)"),
		    path);
	case SQLITE_CORRUPT:
		return err_set(err, ERR_IO,
		    _("%s is damaged (%s); restore it from a backup"), path,
		    msg);
	case SQLITE_FULL:
		return err_set(err, ERR_IO,
		    _("the disk holding %s is full: nothing was changed"),
		    path);
	case SQLITE_CONSTRAINT:
		return err_set(err, ERR_CONFLICT,
		    _("refused by the database: %s"),
		    msg);
	case SQLITE_CANTOPEN:
		return err_set(err, ERR_IO, _("cannot open %s (%s)"), path,
		    msg);
	default:
		log_debug("sqlite error %d: %s", rc, msg);
		return err_set(err, ERR_IO, _("database error on %s: %s"), path,
		    msg);
	}
}

char *
store_col_text(sqlite3_stmt *stmt, int i)
{
	const unsigned char *s = sqlite3_column_text(stmt, i);

	return xstrdup(s != NULL ? (const char *)s : "");
}

void
store_bind_text(sqlite3_stmt *stmt, int i, const char *s)
{
	if (s == NULL)
		sqlite3_bind_null(stmt, i);
	else
		sqlite3_bind_text(stmt, i, s, -1, SQLITE_TRANSIENT);
}

int
store_step_done(struct store *st, sqlite3_stmt *stmt, struct err *err)
{
	int rc = sqlite3_step(stmt);

	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return store_fail(st, rc, err);
	return 0;
}

/* Bind the values in ap to ?1, ?2, ... as fmt's letters say. */
static void
store_bind_va(sqlite3_stmt *stmt, const char *fmt, va_list ap)
{
	int i;

	assert(strlen(fmt) <= (size_t)sqlite3_bind_parameter_count(stmt));
	for (i = 1; *fmt != '\0'; fmt++, i++)
		switch (*fmt) {
		case 'i':
			sqlite3_bind_int64(stmt, i, va_arg(ap, int64_t));
			break;
		case 'd':
			sqlite3_bind_int(stmt, i, va_arg(ap, int));
			break;
		case 't':
			store_bind_text(stmt, i, va_arg(ap, const char *));
			break;
		case '-':
			break;
		default:
			assert(!"store_query: unknown letter in fmt");
		}
}

sqlite3_stmt *
store_query(struct store *st, struct err *err, const char *sql,
    const char *fmt, ...)
{
	sqlite3_stmt *stmt = store_stmt(st, sql, err);
	va_list ap;

	if (stmt == NULL)
		return NULL;
	va_start(ap, fmt);
	store_bind_va(stmt, fmt, ap);
	va_end(ap);
	return stmt;
}

int
store_run(struct store *st, struct err *err, const char *sql,
    const char *fmt, ...)
{
	sqlite3_stmt *stmt = store_stmt(st, sql, err);
	va_list ap;

	if (stmt == NULL)
		return -1;
	va_start(ap, fmt);
	store_bind_va(stmt, fmt, ap);
	va_end(ap);
	return store_step_done(st, stmt, err);
}

/*
 * Column 0 of the first row of sql with the values in ap into *ival or,
 * unless it is NULL, as a copy into *tval: store_int() and store_text().
 */
static int
store_value(struct store *st, struct err *err, const char *sql,
    int64_t *ival, char **tval, const char *fmt, va_list ap)
{
	sqlite3_stmt *stmt = store_stmt(st, sql, err);
	int rc;

	if (stmt == NULL)
		return -1;
	store_bind_va(stmt, fmt, ap);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW && ival != NULL)
		*ival = sqlite3_column_int64(stmt, 0);
	else if (rc == SQLITE_ROW && sqlite3_column_type(stmt, 0) != SQLITE_NULL)
		*tval = store_col_text(stmt, 0);
	else if (rc == SQLITE_ROW)
		rc = SQLITE_DONE;
	sqlite3_reset(stmt);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : store_fail(st, rc, err);
}

int
store_int(struct store *st, struct err *err, int64_t *value,
    const char *sql, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = store_value(st, err, sql, value, NULL, fmt, ap);
	va_end(ap);
	return rc;
}

int
store_text(struct store *st, struct err *err, char **value, const char *sql,
    const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = store_value(st, err, sql, NULL, value, fmt, ap);
	va_end(ap);
	return rc;
}

int
store_end(struct store *st, sqlite3_stmt *stmt, int rc, struct err *err)
{
	sqlite3_reset(stmt);
	return rc == SQLITE_DONE ? 0 : store_fail(st, rc, err);
}

int
store_rows(struct store *st, sqlite3_stmt *stmt, store_row_fn fn, void *arg,
    struct err *err)
{
	int rc, n = 0;

	if (stmt == NULL)
		return -1;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		fn(stmt, arg);
		n++;
	}
	return store_end(st, stmt, rc, err) < 0 ? -1 : n;
}

static int
store_exec(struct store *st, const char *sql, struct err *err)
{
	int rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);

	return rc == SQLITE_OK ? 0 : store_fail(st, rc, err);
}

/* Create path with mode 0600 (0660 if its directory is group-shared). */
static int
store_create_file(const char *path, struct err *err)
{
	char *dir;
	struct stat sb;
	mode_t mode = 0600;
	int fd;

	dir = file_dir(path);
	if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
		err_set(err, ERR_IO, _("directory %s does not exist (create it "
		    "first, or check --db)"), dir);
		free(dir);
		return -1;
	}
	if (sb.st_mode & S_ISGID)
		mode = 0660;
	free(dir);
	fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, mode);
	if (fd < 0 && errno != EEXIST)
		return err_set(err, ERR_IO, _("cannot create %s: %s"), path,
		    strerror(errno));
	if (fd >= 0) {
		fchmod(fd, mode);	/* whatever the umask said */
		close(fd);
	}
	return 0;
}

/*
 * False if the plan's -shm file is missing and cannot be made: the
 * directory cannot be written, or its disk is full (a -shm takes 32 KiB).
 * SQLite would then refuse reading too; such a plan opens read-only, so
 * that it can still be read (with no -wal either, the file is all).
 */
static bool
store_open_dir_writable(const char *path)
{
	struct statvfs vfs;
	struct stat sb;
	char *dir, *shm, *wal;
	bool ok;

	shm = xasprintf("%s-shm", path);
	wal = xasprintf("%s-wal", path);
	ok = access(shm, W_OK) == 0 || (stat(wal, &sb) == 0 && sb.st_size > 0);
	free(shm);
	free(wal);
	if (ok)
		return true;
	dir = file_dir(path);
	ok = access(dir, W_OK) == 0 && (statvfs(dir, &vfs) != 0 ||
	    (uint64_t)vfs.f_bavail * vfs.f_frsize >= 64 * 1024);
	free(dir);
	return ok;
}

/*
 * A WAL plan opened read-only needs its -shm file; in a directory the user
 * cannot write that cannot be created, and SQLite refuses to read. Then
 * open it as immutable: a read-only snapshot, which is all a reader
 * without write access can use anyway.
 */
static int
store_open_immutable(struct store *st)
{
	struct strbuf uri;
	const char *p;
	int rc;

	rc = sqlite3_exec(st->db, "SELECT count(*) FROM sqlite_schema", NULL,
	    NULL, NULL);
	/* A full disk, where the -shm cannot be made, reads the same way. */
	if ((rc & 0xff) == SQLITE_IOERR &&
	    (sqlite3_system_errno(st->db) == ENOSPC ||
	    sqlite3_system_errno(st->db) == EDQUOT))
		rc = SQLITE_CANTOPEN;
	if (rc == SQLITE_OK || ((rc & 0xff) != SQLITE_READONLY &&
	    (rc & 0xff) != SQLITE_CANTOPEN && (rc & 0xff) != SQLITE_FULL))
		return 0;
	strbuf_init(&uri);
	strbuf_adds(&uri, "file:");
	for (p = st->path; *p != '\0'; p++) {
		if (*p == '%' || *p == '?' || *p == '#')
			strbuf_addf(&uri, "%%%02X", (unsigned char)*p);
		else
			strbuf_addc(&uri, *p);
	}
	strbuf_adds(&uri, "?immutable=1");
	sqlite3_close(st->db);
	st->db = NULL;
	rc = sqlite3_open_v2(strbuf_str(&uri), &st->db, SQLITE_OPEN_READONLY |
	    SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
	strbuf_fini(&uri);
	log_debug("reopened %s immutable: %d", st->path, rc);
	return rc == SQLITE_OK ? 0 : -1;
}

/* rooster_fold(text): text_fold() for queries that match names. */
static void
store_db_fold(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	char *folded;

	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	folded = text_fold((const char *)sqlite3_value_text(argv[0]));
	sqlite3_result_text(ctx, folded, -1, free);
}

/*
 * SQLite without its mutexes and memory statistics, before its first use:
 * rooster has one thread, and Debian's library locks a mutex on every
 * call and every allocation (about 400 instructions a row of a scan).
 * If something used SQLite first, the calls fail and it stays as built.
 */
static void
store_sqlite_config(void)
{
	static bool done;

	if (done)
		return;
	done = true;
	(void)sqlite3_config(SQLITE_CONFIG_SINGLETHREAD);
	(void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

int
store_open(const char *path, int flags, struct store **out, struct err *err)
{
	struct store *st;
	bool memory = strcmp(path, ":memory:") == 0;
	char *uri;
	int oflags, rc;

	*out = NULL;
	store_sqlite_config();
	if (*path == '\0')
		return err_set(err, ERR_INVALID, _("no plan file given (use "
		    "--db FILE)"));
	if (!memory && access(path, F_OK) != 0) {
		if (!(flags & STORE_CREATE))
			return err_set(err, ERR_NOT_FOUND,
			    _("no plan at %s (run 'rooster init' to create "
			    "one)"),
			    path);
		if (store_create_file(path, err) < 0)
			return -1;
	}
	st = xcalloc(1, sizeof *st);
	st->path = xstrdup(path);
	oflags = SQLITE_OPEN_NOMUTEX | ((flags & STORE_READONLY) ?
	    SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE);
	if (!memory && !(flags & STORE_READONLY) && (access(path, W_OK) != 0 ||
	    !store_open_dir_writable(path)))
		oflags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_READONLY;
	/*
	 * A name is a file, never an SQLite URI: with URIs on (as Debian
	 * builds SQLite), "file:x.db?mode=memory" would lose every write.
	 */
	if (!memory && strncmp(path, "file:", 5) == 0) {
		uri = xasprintf("./%s", path);
		rc = sqlite3_open_v2(uri, &st->db, oflags, NULL);
		free(uri);
	} else
		rc = sqlite3_open_v2(path, &st->db, oflags, NULL);
	if (rc != SQLITE_OK) {
		store_fail(st, rc, err);
		store_close(st);
		return -1;
	}
	st->readonly = sqlite3_db_readonly(st->db, "main") == 1;
	if (st->readonly && !memory && store_open_immutable(st) < 0) {
		store_fail(st, SQLITE_CANTOPEN, err);
		store_close(st);
		return -1;
	}
	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_create_function(st->db, "rooster_fold", 1, SQLITE_UTF8 |
	    SQLITE_DETERMINISTIC, NULL, store_db_fold, NULL, NULL);
	sqlite3_busy_timeout(st->db, STORE_BUSY_MS);
	/*
	 * Identify the file before anything (even WAL mode) writes to it.
	 * Sort in memory: whole-plan queries (suggest, conflicts) otherwise
	 * spend their time in temporary files. No memory map and SQLite's
	 * default page cache (2 MB): every page read through a map counts in
	 * the process's RSS, so a 256 MB map and a 32 MB cache made memory
	 * grow with the plan (the screen 41 MB, export ics 87 MB on 100,000
	 * shifts) for no measurable gain in suggest or a week's conflicts
	 * (docs/PERFORMANCE.md).
	 */
	if (store_exec(st, "PRAGMA foreign_keys = ON", err) < 0 ||
	    store_exec(st, "PRAGMA temp_store = MEMORY", err) < 0 ||
	    store_migrate_check(st, err) < 0 ||
	    (!st->readonly && !memory &&
	    store_exec(st, "PRAGMA journal_mode = WAL", err) < 0) ||
	    store_migrate(st, err) < 0 ||
	    store_exec(st, "PRAGMA secure_delete = ON", err) < 0 ||
	    store_history_sync(st, err) < 0 ||
	    store_volunteer_refold(st, err) < 0) {
		store_close(st);
		return -1;
	}
	*out = st;
	return 0;
}

void
store_close(struct store *st)
{
	size_t i;

	if (st == NULL)
		return;
	store_calendar_names_keep(st, false, NULL);
	for (i = 0; i < st->nstmts; i++)
		sqlite3_finalize(st->stmts[i].stmt);
	free(st->stmts);
	if (st->db != NULL)
		sqlite3_close(st->db);
	free(st->path);
	free(st);
}

bool
store_is_readonly(const struct store *st)
{
	return st->readonly;
}

const char *
store_path(const struct store *st)
{
	return st->path;
}

/*
 * The busy handler waits for a lock held by another writer, but SQLite
 * returns SQLITE_BUSY without calling it in some cases: while another
 * connection recovers the WAL index (SQLITE_BUSY_RECOVERY), when a read
 * snapshot is too old to write on (SQLITE_BUSY_SNAPSHOT), and when a
 * deadlock between a reader and a writer is possible. So retry the BEGIN
 * itself, each attempt waiting at most what is left of the 10 seconds.
 */
int
store_begin_write(struct store *st, struct err *err)
{
	int64_t deadline, left;
	char *holder;
	int rc;

	if (st->readonly)
		return err_set(err, ERR_READONLY,
		    _("%s is read-only: nothing was changed (check its "
		    "permissions)"), st->path);
	deadline = rtime_clock_ms() + STORE_BUSY_MS;
	for (;;) {
		rc = sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
		if ((rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED)
			break;
		if (!sqlite3_get_autocommit(st->db))
			sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		left = deadline - rtime_clock_ms();
		if (left <= 0)
			break;
		log_debug("write lock busy (%d), %lld ms left", rc,
		    (long long)left);
		sqlite3_sleep(5 + (int)(rtime_clock_ms() % 20));
		sqlite3_busy_timeout(st->db, (int)(left > 0 ? left : 1));
	}
	sqlite3_busy_timeout(st->db, STORE_BUSY_MS);
	if (rc == SQLITE_OK) {
		store_history_note(st);
		return store_drop_unclaimed(st, err);
	}
	if ((rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED)
		return store_fail(st, rc, err);
	holder = store_lock_holder(st->path);
	err_set(err, ERR_BUSY, _("%s has been locked for more than %d seconds "
	    "by %s; nothing was changed, try again when it is done"), st->path,
	    STORE_BUSY_MS / 1000, holder != NULL ? holder :
	    _("another program (perhaps a rooster elsewhere or a backup)"));
	free(holder);
	return -1;
}

int
store_begin_read(struct store *st, struct err *err)
{
	return store_exec(st, "BEGIN", err);
}

/*
 * Row images no log line claimed belong to no change of ours: at commit,
 * those of a change that logged nothing; at begin, those another program
 * (sqlite3 by hand) left, which must not join our next change.
 */
static int
store_drop_unclaimed(struct store *st, struct err *err)
{
	static const char sql[] = "DELETE FROM change_rows "
	    "WHERE change_id IS NULL";
	sqlite3_stmt *stmt;

	if (!st->history || sqlite3_get_autocommit(st->db))
		return 0;
	if ((stmt = store_stmt(st, sql, err)) == NULL ||
	    store_step_done(st, stmt, err) < 0) {
		store_rollback(st);
		return -1;
	}
	return 0;
}

int
store_commit(struct store *st, struct err *err)
{
	static const char sql[] = "DELETE FROM settings "
	    "WHERE key = '" STORE_LOG_OPEN "'";

	/* A change left open is closed as it stands: never kept open. */
	if (st->log_open != 0) {
		st->log_open = 0;
		if (store_run(st, err, sql, "") < 0) {
			store_rollback(st);
			return -1;
		}
	}
	if (store_drop_unclaimed(st, err) < 0)
		return -1;
	if (store_exec(st, "COMMIT", err) < 0) {
		store_rollback(st);
		return -1;
	}
	return 0;
}

bool
store_in_transaction(const struct store *st)
{
	return !sqlite3_get_autocommit(st->db);
}

void
store_rollback(struct store *st)
{
	st->log_open = 0;
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

int64_t
store_data_version(struct store *st)
{
	static const char sql[] = "PRAGMA data_version";
	int64_t v = -1;

	(void)store_int(st, NULL, &v, sql, "");
	return v;
}

int
store_backup(struct store *st, const char *path, struct err *err)
{
	struct file_atomic f;
	struct stat sb;
	sqlite3 *dst = NULL;
	sqlite3_backup *bk;
	int rc;

	/*
	 * Written under a temporary name and linked to path at the end, so
	 * a killed backup leaves no empty file that blocks the next one.
	 */
	if (lstat(path, &sb) == 0)
		return err_set(err, ERR_CONFLICT, _("cannot create %s: %s"),
		    path, _("it exists already (choose a new name)"));
	if (file_atomic_open(&f, path, 0, err) < 0 ||
	    file_atomic_flush(&f, err) < 0) {
		file_atomic_abort(&f);
		return -1;
	}
	rc = sqlite3_open_v2(f.tmp, &dst, SQLITE_OPEN_READWRITE, NULL);
	if (rc == SQLITE_OK) {
		bk = sqlite3_backup_init(dst, "main", st->db, "main");
		if (bk == NULL)
			rc = sqlite3_errcode(dst);
		else {
			/* Small steps, so writers get the lock in between. */
			while ((rc = sqlite3_backup_step(bk, 256)) == SQLITE_OK ||
			    rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
				sqlite3_sleep(5);
			sqlite3_backup_finish(bk);
			if (rc == SQLITE_DONE)
				rc = SQLITE_OK;
		}
	}
	sqlite3_close(dst);
	if (rc != SQLITE_OK) {
		file_atomic_abort(&f);
		return err_set(err, ERR_IO, _("backup to %s failed: %s"), path,
		    rc == SQLITE_FULL ? _("the disk is full") :
		    sqlite3_errstr(rc));
	}
	return file_atomic_commit(&f, true, err);
}

int
store_schema_version(struct store *st)
{
	static const char sql[] = "PRAGMA user_version";
	int64_t v = -1;

	(void)store_int(st, NULL, &v, sql, "");
	return (int)v;
}
