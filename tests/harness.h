/* SPDX-License-Identifier: ISC */
/*
 * What every unit test includes: cmocka with the headers it needs before
 * it, and a few helpers for struct err. Tests run each case in isolation
 * and print cmocka's summary lines, which tests/run.sh counts.
 */
#ifndef ROOSTER_TESTS_HARNESS_H
#define ROOSTER_TESTS_HARNESS_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "rooster/util.h"

/* Assert that a call failed with code and left a non-empty message. */
#define assert_err(rc, err, want) do {					\
	assert_int_equal((rc), -1);					\
	assert_int_equal((err).code, (want));				\
	assert_true((err).msg[0] != '\0');				\
} while (0)

/* Assert that s contains needle (both strings). */
#define assert_contains(s, needle) do {					\
	const char *assert_contains_s = (s);				\
	if (assert_contains_s == NULL ||				\
	    strstr(assert_contains_s, (needle)) == NULL)		\
		fail_msg("'%s' does not contain '%s'",			\
		    assert_contains_s ? assert_contains_s : "(null)",	\
		    (needle));						\
} while (0)

#endif /* ROOSTER_TESTS_HARNESS_H */
