/* SPDX-License-Identifier: ISC */
/*
 * Files that hold personal data (plans, backups, exports) are created
 * readable by their owner only, or by the group too where the directory
 * is set-group-ID: the sign of a directory shared by a group of
 * coordinators. The mode is set explicitly, whatever the umask says.
 */
#include "rooster/util.h"

#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

char *
file_dir(const char *path)
{
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');

	if (slash == dir)
		slash[1] = '\0';
	else if (slash != NULL)
		*slash = '\0';
	else {
		/* No slash: the current directory (dir may be too short). */
		free(dir);
		dir = xstrdup(".");
	}
	return dir;
}

mode_t
file_private_mode(const char *path)
{
	struct stat sb;
	char *dir = file_dir(path);
	mode_t mode = 0600;

	if (stat(dir, &sb) == 0 && S_ISDIR(sb.st_mode) &&
	    (sb.st_mode & S_ISGID))
		mode = 0660;
	free(dir);
	return mode;
}

int
file_create_private(const char *path, bool exclusive, struct err *err)
{
	mode_t mode = file_private_mode(path);
	int fd;

	fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW |
	    (exclusive ? O_EXCL : O_TRUNC), mode);
	if (fd < 0)
		return err_set(err, errno == EEXIST ? ERR_CONFLICT : ERR_IO,
		    _("cannot create %s: %s"), path, errno == EEXIST ?
		    _("it exists already (choose a new name)") :
		    strerror(errno));
	if (fchmod(fd, mode) != 0) {
		err_set(err, ERR_IO, _("cannot set the mode of %s: %s"), path,
		    strerror(errno));
		close(fd);
		return -1;
	}
	return fd;
}

/* "cannot write path: reason", with a full disk said plainly. */
static int
file_atomic_fail(const char *path, int error, struct err *err)
{
	if (error == ENOSPC || error == EDQUOT)
		return err_set(err, ERR_IO, _("cannot write %s: the disk is "
		    "full (nothing was written)"), path);
	return err_set(err, ERR_IO, _("cannot write %s: %s"), path,
	    strerror(error));
}

int
file_atomic_open(struct file_atomic *f, const char *path, mode_t mode,
    struct err *err)
{
	const char *base = strrchr(path, '/');
	int fd, error;

	memset(f, 0, sizeof *f);
	base = base != NULL ? base + 1 : path;
	f->path = xstrdup(path);
	f->tmp = xasprintf("%.*s.%s.XXXXXX", (int)(base - path), path, base);
	if (mode == 0)
		mode = file_private_mode(path);
	/* mkstemp creates the file 0600; then the mode asked for. */
	if ((fd = mkstemp(f->tmp)) < 0 || fchmod(fd, mode) != 0 ||
	    (f->fp = fdopen(fd, "w")) == NULL) {
		error = errno;
		if (fd >= 0) {
			close(fd);
			unlink(f->tmp);
		}
		free(f->tmp);
		free(f->path);
		memset(f, 0, sizeof *f);
		return file_atomic_fail(path, error, err);
	}
	return 0;
}

/* Flush and close f's stream, with fsync first if sync. */
static int
file_atomic_end(struct file_atomic *f, bool sync, struct err *err)
{
	int rc = 0;

	if (f->fp == NULL)
		return 0;
	if (fflush(f->fp) != 0 || ferror(f->fp) ||
	    (sync && fsync(fileno(f->fp)) != 0))
		rc = file_atomic_fail(f->path, errno != 0 ? errno : EIO, err);
	if (fclose(f->fp) != 0 && rc == 0)
		rc = file_atomic_fail(f->path, errno, err);
	f->fp = NULL;
	return rc;
}

int
file_atomic_flush(struct file_atomic *f, struct err *err)
{
	return file_atomic_end(f, true, err);
}

int
file_atomic_close(struct file_atomic *f, struct err *err)
{
	return file_atomic_end(f, false, err);
}

int
file_atomic_commit(struct file_atomic *f, bool exclusive, struct err *err)
{
	int rc;

	if (f->path == NULL)
		return 0;
	errno = 0;
	rc = file_atomic_flush(f, err);
	if (rc == 0 && exclusive) {
		/* link() refuses an existing target, as O_EXCL would. */
		if (link(f->tmp, f->path) != 0)
			rc = errno == EEXIST ? err_set(err, ERR_CONFLICT,
			    _("cannot create %s: %s"), f->path,
			    _("it exists already (choose a new name)")) :
			    file_atomic_fail(f->path, errno, err);
	} else if (rc == 0 && rename(f->tmp, f->path) != 0)
		rc = file_atomic_fail(f->path, errno, err);
	/* After a link, or a failure, the temporary name goes. */
	if (rc != 0 || exclusive)
		unlink(f->tmp);
	free(f->tmp);
	free(f->path);
	memset(f, 0, sizeof *f);
	return rc;
}

void
file_atomic_abort(struct file_atomic *f)
{
	if (f->fp != NULL)
		fclose(f->fp);
	if (f->tmp != NULL)
		unlink(f->tmp);
	free(f->tmp);
	free(f->path);
	memset(f, 0, sizeof *f);
}

/*
 * One of the plan's files (the plan, its -wal or -shm), before the plan
 * is opened for writing: in a directory others can write, whoever made
 * the file first can read everything written into it. It must be a plain
 * file of ours (or of the directory's group, in a set-group-ID directory
 * shared by a group), closed to others.
 */
static int
file_plan_check_one(const char *file, const struct stat *dir,
    struct err *err)
{
	struct passwd *pw;
	struct stat sb;
	char owner[64];

	if (lstat(file, &sb) != 0)
		return 0;
	if (!S_ISREG(sb.st_mode))
		return err_set(err, ERR_IO, _("%s is not a plain file (a "
		    "link?); remove it, or give another --db"), file);
	if (sb.st_uid != geteuid() && !((dir->st_mode & S_ISGID) &&
	    sb.st_gid == dir->st_gid)) {
		if ((pw = getpwuid(sb.st_uid)) != NULL)
			snprintf(owner, sizeof owner, "%s", pw->pw_name);
		else
			snprintf(owner, sizeof owner, "%lu",
			    (unsigned long)sb.st_uid);
		return err_set(err, ERR_IO, _("%s belongs to user %s, not to "
		    "you, who could read the plan through it: remove it when "
		    "no one is using the plan, or keep plans in a directory "
		    "only you can write"), file, owner);
	}
	if (sb.st_mode & (S_IROTH | S_IWOTH))
		return err_set(err, ERR_IO, _("%s can be read or written by "
		    "others (mode %04o): make it private with 'chmod o-rwx "
		    "%s'"), file, (unsigned)(sb.st_mode & 07777), file);
	return 0;
}

/* True if path is empty or an SQLite file with rooster's application id. */
static bool
file_plan_is_plan(const char *path)
{
	unsigned char head[72];
	size_t n;
	FILE *fp;

	if ((fp = fopen(path, "rb")) == NULL)
		return false;
	n = fread(head, 1, sizeof head, fp);
	fclose(fp);
	if (n == 0)
		return true;
	/* 'Roos' (store_migrate.c), big-endian at offset 68. */
	return n == sizeof head && memcmp(head, "SQLite format 3", 16) == 0 &&
	    memcmp(head + 68, "Roos", 4) == 0;
}

int
file_plan_check(const char *path, struct err *err)
{
	static const char *const suffix[] = { "", "-wal", "-shm" };
	struct stat dir;
	char *d = file_dir(path), *file;
	size_t i;
	int rc = 0;

	if (stat(d, &dir) != 0)
		memset(&dir, 0, sizeof dir);
	free(d);
	/*
	 * The plan itself only when it is one (or still empty): a file that
	 * is not gets its own sentence from the identification that follows.
	 */
	for (i = file_plan_is_plan(path) ? 0 : 1;
	    rc == 0 && i < sizeof suffix / sizeof suffix[0]; i++) {
		file = xasprintf("%s%s", path, suffix[i]);
		rc = file_plan_check_one(file, &dir, err);
		free(file);
	}
	return rc;
}

int
file_dir_ensure(const char *dir, mode_t mode, struct err *err)
{
	struct stat sb;

	if (dir == NULL || *dir == '\0')
		return err_set(err, ERR_INVALID, _("no directory given"));
	if (stat(dir, &sb) == 0)
		return S_ISDIR(sb.st_mode) ? 0 : err_set(err, ERR_INVALID,
		    _("%s is not a directory"), dir);
	if (errno != ENOENT)
		return err_set(err, ERR_IO, _("cannot use %s: %s"), dir,
		    strerror(errno));
	if (mkdir(dir, mode) == 0)
		return 0;
	if (errno == ENOENT)
		return err_set(err, ERR_INVALID, _("cannot create %s: its "
		    "parent directory does not exist"), dir);
	return err_set(err, ERR_IO, _("cannot create %s: %s"), dir,
	    strerror(errno));
}
