/* SPDX-License-Identifier: ISC */
/*
 * A benchmark tool, not part of rooster: run one command and print its
 * wall time in nanoseconds (CLOCK_MONOTONIC, fork to reaping), its peak
 * RSS in KiB (ru_maxrss, what `/usr/bin/time -f %M` prints), its exit
 * status and its CPU time (user + system) in nanoseconds. A small C parent keeps the child's RSS honest: after fork the
 * child starts with the parent's resident pages, so a Python parent would
 * add its own 18 MiB to every figure.
 *
 * usage: brun STDIN STDOUT COMMAND [ARG...]
 * STDIN or STDOUT "-" keeps brun's own; with $BRUN_REPORT set, the line
 * goes to that file instead of standard output.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int
main(int argc, char **argv)
{
	struct timespec t0, t1;
	struct rusage ru;
	FILE *f = stdout;
	char *report;
	int status, in, out;
	pid_t pid;

	if (argc < 4) {
		fprintf(stderr, "usage: brun STDIN STDOUT COMMAND [ARG...]\n");
		return 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid = fork();
	if (pid == 0) {
		if (strcmp(argv[1], "-") != 0) {
			if ((in = open(argv[1], O_RDONLY)) < 0)
				_exit(126);
			dup2(in, 0);
			close(in);
		}
		if (strcmp(argv[2], "-") != 0) {
			out = open(argv[2], O_WRONLY | O_CREAT | O_TRUNC, 0600);
			if (out < 0)
				_exit(126);
			dup2(out, 1);
			close(out);
		}
		execvp(argv[3], argv + 3);
		_exit(127);
	}
	if (pid < 0 || wait4(pid, &status, 0, &ru) < 0) {
		perror("brun");
		return 1;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if ((report = getenv("BRUN_REPORT")) != NULL &&
	    (f = fopen(report, "w")) == NULL) {
		perror(report);
		return 1;
	}
	fprintf(f, "%lld %ld %d %lld\n", (long long)(t1.tv_sec - t0.tv_sec) *
	    1000000000LL + (t1.tv_nsec - t0.tv_nsec), ru.ru_maxrss,
	    WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status),
	    (long long)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000000000LL +
	    (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1000LL);
	if (f != stdout)
		fclose(f);
	return 0;
}
