/* SPDX-License-Identifier: ISC */
/*
 * Who holds the write lock. A WAL database's writer holds a POSIX lock on
 * byte 120 of its -shm file (SQLite's WAL_WRITE_LOCK) for as long as its
 * transaction lasts; Linux lists such locks with their pid in /proc/locks.
 * Reading that list writes nothing and cannot go stale: the kernel drops
 * the lock when the holder exits, however it exits.
 */
#include "rooster/store.h"

#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/types.h>

#include "store_int.h"

/* Offset of the WAL write lock in the -shm file (SQLite's wal.c). */
#define STORE_LOCK_WAL_WRITE 120

/* The pid holding the WAL write lock of path's -shm file, or 0. */
static long
store_lock_pid(const char *path)
{
	char *shm, line[256], kind[16], rw[16];
	unsigned int maj, min;
	unsigned long ino;
	long long from, to;
	long pid, found = 0;
	struct stat sb;
	FILE *fp;

	shm = xasprintf("%s-shm", path);
	if (stat(shm, &sb) != 0) {
		free(shm);
		return 0;
	}
	free(shm);
	if ((fp = fopen("/proc/locks", "re")) == NULL)
		return 0;
	while (found == 0 && fgets(line, sizeof line, fp) != NULL) {
		/* "1: POSIX  ADVISORY  WRITE 26744 fe:00:10954716 120 120" */
		if (sscanf(line, "%*s %15s %*s %15s %ld %x:%x:%lu %lld %lld",
		    kind, rw, &pid, &maj, &min, &ino, &from, &to) != 8)
			continue;
		if (strcmp(kind, "POSIX") != 0 || strcmp(rw, "WRITE") != 0)
			continue;
		if (ino != (unsigned long)sb.st_ino ||
		    maj != major(sb.st_dev) || min != minor(sb.st_dev))
			continue;
		if (from <= STORE_LOCK_WAL_WRITE && STORE_LOCK_WAL_WRITE <= to)
			found = pid;
	}
	fclose(fp);
	return found;
}

char *
store_lock_holder(const char *path)
{
	char *file, cmd[160], *clean;
	const struct passwd *pw;
	struct strbuf sb;
	struct stat st;
	size_t n, i;
	long pid;
	FILE *fp;

	if ((pid = store_lock_pid(path)) <= 0)
		return NULL;
	strbuf_init(&sb);
	strbuf_addf(&sb, "process %ld", pid);
	file = xasprintf("/proc/%ld", pid);
	if (stat(file, &st) == 0) {
		pw = getpwuid(st.st_uid);
		if (pw != NULL)
			strbuf_addf(&sb, " of user %s", pw->pw_name);
		else
			strbuf_addf(&sb, " of uid %lu",
			    (unsigned long)st.st_uid);
	}
	free(file);
	file = xasprintf("/proc/%ld/cmdline", pid);
	if ((fp = fopen(file, "re")) != NULL) {
		n = fread(cmd, 1, sizeof cmd - 1, fp);
		fclose(fp);
		cmd[n] = '\0';
		for (i = 0; n > 0 && i < n - 1; i++)
			if (cmd[i] == '\0')
				cmd[i] = ' ';
		if (n > 0) {
			clean = text_sanitize(cmd);
			strbuf_addf(&sb, " (%s)", clean);
			free(clean);
		}
	}
	free(file);
	return strbuf_detach(&sb);
}
