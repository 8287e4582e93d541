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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

mode_t
file_private_mode(const char *path)
{
	struct stat sb;
	char *dir, *slash;
	mode_t mode = 0600;

	dir = xstrdup(path);
	slash = strrchr(dir, '/');
	if (slash == dir)
		slash[1] = '\0';
	else if (slash != NULL)
		*slash = '\0';
	else
		strcpy(dir, ".");
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

int
file_atomic_flush(struct file_atomic *f, struct err *err)
{
	int rc = 0;

	if (f->fp == NULL)
		return 0;
	if (fflush(f->fp) != 0 || ferror(f->fp) || fsync(fileno(f->fp)) != 0)
		rc = file_atomic_fail(f->path, errno != 0 ? errno : EIO, err);
	if (fclose(f->fp) != 0 && rc == 0)
		rc = file_atomic_fail(f->path, errno, err);
	f->fp = NULL;
	return rc;
}

int
file_atomic_close(struct file_atomic *f, struct err *err)
{
	int rc = 0;

	if (f->fp == NULL)
		return 0;
	if (fflush(f->fp) != 0 || ferror(f->fp))
		rc = file_atomic_fail(f->path, errno != 0 ? errno : EIO, err);
	if (fclose(f->fp) != 0 && rc == 0)
		rc = file_atomic_fail(f->path, errno, err);
	f->fp = NULL;
	return rc;
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
