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
		    "cannot create %s: %s", path, errno == EEXIST ?
		    "it exists already (choose a new name)" : strerror(errno));
	if (fchmod(fd, mode) != 0) {
		err_set(err, ERR_IO, "cannot set the mode of %s: %s", path,
		    strerror(errno));
		close(fd);
		return -1;
	}
	return fd;
}
