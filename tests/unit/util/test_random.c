/* SPDX-License-Identifier: ISC */
/*
 * Unit tests for src/util/random.c: UIDs and feed tokens are lowercase hex
 * of the length asked, NUL-terminated, and never repeat.
 */
#include "harness.h"

#include <ctype.h>

/* void random_hex(char *buf, size_t n) */
static void
test_hex(void **state)
{
	char a[129], b[129];
	size_t i;

	(void)state;
	memset(a, 'Z', sizeof a);
	random_hex(a, 16);
	assert_int_equal(strlen(a), 32);
	for (i = 0; i < 32; i++)
		assert_true(isxdigit((unsigned char)a[i]) &&
		    !isupper((unsigned char)a[i]));
	random_hex(b, 16);
	assert_string_not_equal(a, b);
	random_hex(a, 0);
	assert_string_equal(a, "");
	random_hex(a, 64);
	assert_int_equal(strlen(a), 128);
}

/* void random_hex(char *buf, size_t n): every byte value shows up */
static void
test_spread(void **state)
{
	char buf[129];
	int seen[16] = { 0 }, round, digits = 0;
	size_t i;

	(void)state;
	for (round = 0; round < 50; round++) {
		random_hex(buf, 64);
		for (i = 0; buf[i] != '\0'; i++)
			seen[isdigit((unsigned char)buf[i]) ? buf[i] - '0' :
			    buf[i] - 'a' + 10] = 1;
	}
	for (i = 0; i < 16; i++)
		digits += seen[i];
	/* 6400 hex digits: missing one of 16 has odds below 1e-170. */
	assert_int_equal(digits, 16);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hex),
		cmocka_unit_test(test_spread),
	};

	return cmocka_run_group_tests_name("util/random", tests, NULL, NULL);
}
