/* SPDX-License-Identifier: ISC */
/*
 * Unit tests for src/util/xmem.c and src/util/err.c: allocation that never
 * returns NULL (out of memory ends the process with one line and status 1)
 * and the caller-owned error record.
 */
#include "harness.h"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

/* char *xstrdup(const char *s) */
static void
test_xstrdup(void **state)
{
	char *s;

	(void)state;
	assert_null(xstrdup(NULL));
	s = xstrdup("");
	assert_string_equal(s, "");
	free(s);
	s = xstrdup("D\xc4\xb3k");
	assert_string_equal(s, "D\xc4\xb3k");
	free(s);
}

/* char *xasprintf(const char *fmt, ...) */
static void
test_xasprintf(void **state)
{
	char *s;

	(void)state;
	s = xasprintf("%s has %d shift%s", "Ana", 2, "s");
	assert_string_equal(s, "Ana has 2 shifts");
	free(s);
	s = xasprintf("%s", "");
	assert_string_equal(s, "");
	free(s);
}

/* void *xcalloc(size_t count, size_t size); void *xmalloc(size_t size) */
static void
test_alloc(void **state)
{
	unsigned char *p;
	size_t i;

	(void)state;
	p = xcalloc(100, 3);
	for (i = 0; i < 300; i++)
		assert_int_equal(p[i], 0);
	p = xreallocarray(p, 1000, 4);
	p[3999] = 1;
	p = xrealloc(p, 0);	/* never NULL, even for size 0 */
	assert_non_null(p);
	free(p);
	p = xmalloc(0);
	assert_non_null(p);
	free(p);
	p = xcalloc(0, 0);
	assert_non_null(p);
	free(p);
}

/* void *xreallocarray(void *ptr, size_t count, size_t size): overflow exits */
static void
test_reallocarray_overflow(void **state)
{
	pid_t pid;
	int status, fd;

	(void)state;
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		fd = open("/dev/null", O_WRONLY);
		dup2(fd, 2);
		xreallocarray(NULL, SIZE_MAX / 2 + 2, 2);
		_exit(0);	/* not reached if the overflow is caught */
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 1);
}

/* int err_set(struct err *err, enum err_code code, const char *fmt, ...) */
static void
test_err(void **state)
{
	struct err err;
	char big[1000];

	(void)state;
	assert_int_equal(err_set(NULL, ERR_IO, "ignored %d", 1), -1);
	err_clear(NULL);
	assert_int_equal(err_set(&err, ERR_NOT_FOUND, "event %d not found",
	    14), -1);
	assert_int_equal(err.code, ERR_NOT_FOUND);
	assert_string_equal(err.msg, "event 14 not found");
	err_clear(&err);
	assert_int_equal(err.code, ERR_OK);
	assert_string_equal(err.msg, "");
	/* A long message is cut, still NUL-terminated. */
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	err_set(&err, ERR_INVALID, "%s", big);
	assert_int_equal(strlen(err.msg), sizeof err.msg - 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_xstrdup),
		cmocka_unit_test(test_xasprintf),
		cmocka_unit_test(test_alloc),
		cmocka_unit_test(test_reallocarray_overflow),
		cmocka_unit_test(test_err),
	};

	return cmocka_run_group_tests_name("util/xmem", tests, NULL, NULL);
}
