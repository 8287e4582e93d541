/* SPDX-License-Identifier: ISC */
/*
 * Files the command line writes and reads whole: output goes to a
 * temporary file (mode 0600: it holds personal data) renamed over the
 * target only once complete, so a failed export never leaves half a file;
 * input is read into memory, "-" meaning standard input.
 */
#include "cli_int.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Largest file read whole: far beyond any volunteer list. */
#define CLI_FILE_MAX (64L * 1024 * 1024)

int
cli_file_open(struct cli_file *f, const char *path, struct err *err)
{
	struct stat sb;

	memset(f, 0, sizeof f[0]);
	if (path == NULL || strcmp(path, "-") == 0) {
		f->fp = stdout;
		return 0;
	}
	/*
	 * A device or a pipe (-o /dev/null, a FIFO) is written into, as the
	 * shell's > would: renaming a file over it would replace the device
	 * itself (as root, /dev/null for everyone).
	 */
	if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode) &&
	    !S_ISDIR(sb.st_mode)) {
		if ((f->fp = fopen(path, "w")) == NULL)
			return err_set(err, ERR_IO, _("cannot write %s: %s"),
			    path, strerror(errno));
		return 0;
	}
	if (file_atomic_open(&f->file, path, 0, err) < 0)
		return -1;
	f->fp = f->file.fp;
	return 0;
}

int
cli_file_close(struct cli_file *f, bool keep, struct err *err)
{
	int rc = 0;

	if (f->fp == NULL)
		return 0;
	if (f->file.path == NULL) {
		if (fflush(f->fp) != 0 && keep)
			rc = err_set(err, ERR_IO, _("cannot write output: %s"),
			    strerror(errno));
		if (f->fp != stdout && fclose(f->fp) != 0 && keep && rc == 0)
			rc = err_set(err, ERR_IO, _("cannot write output: %s"),
			    strerror(errno));
	} else if (keep)
		rc = file_atomic_commit(&f->file, false, err);
	else
		file_atomic_abort(&f->file);
	memset(f, 0, sizeof f[0]);
	return rc;
}

char *
cli_file_read(const char *path, size_t *len, struct err *err)
{
	FILE *fp;
	char *data = NULL;
	size_t cap = 0, n = 0, got;

	if (strcmp(path, "-") == 0)
		fp = stdin;
	else if ((fp = fopen(path, "rb")) == NULL) {
		err_set(err, errno == ENOENT ? ERR_INVALID : ERR_IO,
		    _("cannot read %s: %s"), path, strerror(errno));
		return NULL;
	}
	for (;;) {
		if (n + 1 >= cap) {
			cap = cap ? cap * 2 : 65536;
			data = xrealloc(data, cap);
		}
		got = fread(data + n, 1, cap - n - 1, fp);
		n += got;
		if (got == 0 || n > (size_t)CLI_FILE_MAX)
			break;
	}
	if (ferror(fp) || n > (size_t)CLI_FILE_MAX) {
		err_set(err, ERR_INVALID, n > (size_t)CLI_FILE_MAX ?
		    _("%s is too large (more than 64 MiB)") : _("cannot read "
		    "%s"),
		    path);
		free(data);
		data = NULL;
	} else {
		data[n] = '\0';
		*len = n;
	}
	if (fp != stdin)
		fclose(fp);
	return data;
}
