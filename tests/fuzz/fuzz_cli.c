/* SPDX-License-Identifier: ISC */
/*
 * libFuzzer target: the whole command line, argument parsing through ops,
 * on a fresh copy of the demo plan each run (made once, kept in memory,
 * written to a temporary file before each run). The input is split into
 * arguments at newlines and NUL bytes. Arguments that would name other
 * files (--db, and commands that write or read files) are refused, so a
 * run touches only its own copy; -close_fd_mask=3 silences the output.
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rooster/cli.h"

#define FUZZ_MAXARGS 24

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
fuzz_cli_allowed(const char *a)
{
	static const char *const banned[] = { "--db", "backup", "restore",
	    "--output", "export", "-o", "import", "invite" };
	size_t i;

	for (i = 0; i < sizeof banned / sizeof banned[0]; i++)
		if (strncmp(a, banned[i], strlen(banned[i])) == 0)
			return 0;
	return 1;
}

static char fuzz_cli_path[64];
static char *fuzz_cli_plan;		/* the demo plan's bytes */
static size_t fuzz_cli_plan_len;

static void
fuzz_cli_unlink(void)
{
	char side[80];

	unlink(fuzz_cli_path);
	snprintf(side, sizeof side, "%s-wal", fuzz_cli_path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", fuzz_cli_path);
	unlink(side);
}

/* Make the demo plan once and keep its bytes. */
static void
fuzz_cli_setup(void)
{
	char *argv[] = { (char *)"rooster", (char *)"--db", fuzz_cli_path,
	    (char *)"demo", NULL };
	FILE *fp;
	long n;

	snprintf(fuzz_cli_path, sizeof fuzz_cli_path,
	    "/tmp/rooster-fuzz-%ld.db", (long)getpid());
	atexit(fuzz_cli_unlink);
	fuzz_cli_unlink();
	if (cli_run(4, argv) != 0)
		abort();
	fp = fopen(fuzz_cli_path, "rb");
	if (fp == NULL || fseek(fp, 0, SEEK_END) != 0 || (n = ftell(fp)) <= 0)
		abort();
	rewind(fp);
	fuzz_cli_plan = malloc((size_t)n);
	if (fuzz_cli_plan == NULL ||
	    fread(fuzz_cli_plan, 1, (size_t)n, fp) != (size_t)n)
		abort();
	fuzz_cli_plan_len = (size_t)n;
	fclose(fp);
}

static void
fuzz_cli_reset(void)
{
	int fd;

	fuzz_cli_unlink();
	fd = open(fuzz_cli_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd < 0 || write(fd, fuzz_cli_plan, fuzz_cli_plan_len) !=
	    (ssize_t)fuzz_cli_plan_len)
		abort();
	close(fd);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf, *argv[FUZZ_MAXARGS + 4], *p, *end;
	int argc = 0;

	if (size > 4096)
		return 0;
	buf = malloc(size + 1);
	if (buf == NULL)
		return 0;
	memcpy(buf, data, size);
	buf[size] = '\0';
	if (fuzz_cli_plan == NULL)
		fuzz_cli_setup();
	fuzz_cli_reset();
	argv[argc++] = (char *)"rooster";
	argv[argc++] = (char *)"--db";
	argv[argc++] = fuzz_cli_path;
	for (p = buf, end = buf + size; p <= end && argc < FUZZ_MAXARGS;) {
		char *nl = p;

		while (nl < end && *nl != '\n' && *nl != '\0')
			nl++;
		*nl = '\0';
		if (!fuzz_cli_allowed(p)) {
			free(buf);
			return 0;
		}
		argv[argc++] = p;
		p = nl + 1;
	}
	argv[argc] = NULL;
	cli_run(argc, argv);
	free(buf);
	return 0;
}
