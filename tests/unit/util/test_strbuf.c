/* SPDX-License-Identifier: ISC */
/*
 * Unit tests for src/util/strbuf.c: the growable string every layer uses
 * to build output. Checks that appends keep the NUL, grow past the first
 * allocation and that detach hands over ownership.
 */
#include "harness.h"

#include <stdlib.h>

/*
 * void strbuf_init(struct strbuf *sb)
 * const char *strbuf_str(const struct strbuf *sb)
 */
static void
test_empty(void **state)
{
	struct strbuf sb;
	char *s;

	(void)state;
	strbuf_init(&sb);
	assert_null(sb.data);
	assert_int_equal(sb.len, 0);
	assert_string_equal(strbuf_str(&sb), "");
	s = strbuf_detach(&sb);
	assert_non_null(s);
	assert_string_equal(s, "");
	free(s);
	strbuf_fini(&sb);
	strbuf_fini(&sb);	/* twice is harmless */
}

/* void strbuf_add(struct strbuf *sb, const char *s, size_t n) */
static void
test_add(void **state)
{
	struct strbuf sb;

	(void)state;
	strbuf_init(&sb);
	strbuf_add(&sb, "abcdef", 3);
	assert_string_equal(strbuf_str(&sb), "abc");
	assert_int_equal(sb.len, 3);
	strbuf_adds(&sb, "de");
	strbuf_adds(&sb, NULL);
	strbuf_addc(&sb, 'f');
	strbuf_add(&sb, "", 0);
	assert_string_equal(strbuf_str(&sb), "abcdef");
	assert_int_equal(sb.len, 6);
	assert_true(sb.cap > sb.len);
	strbuf_fini(&sb);
	assert_null(sb.data);
}

/* void strbuf_addchars(struct strbuf *sb, char c, size_t n) */
static void
test_addchars(void **state)
{
	struct strbuf sb;

	(void)state;
	strbuf_init(&sb);
	strbuf_addchars(&sb, ' ', 0);
	assert_string_equal(strbuf_str(&sb), "");
	assert_int_equal(sb.len, 0);
	strbuf_adds(&sb, "ab");
	strbuf_addchars(&sb, ' ', 3);
	strbuf_addchars(&sb, '-', 1);
	assert_string_equal(strbuf_str(&sb), "ab   -");
	assert_int_equal(sb.len, 6);
	/* Past the first allocation: grows like any add. */
	strbuf_addchars(&sb, 'x', 500);
	assert_int_equal(sb.len, 506);
	assert_int_equal(sb.data[505], 'x');
	assert_int_equal(sb.data[506], '\0');
	strbuf_fini(&sb);
}

/* void strbuf_addf(struct strbuf *sb, const char *fmt, ...) */
static void
test_addf(void **state)
{
	struct strbuf sb;

	(void)state;
	strbuf_init(&sb);
	strbuf_addf(&sb, "shift %lld: %s", 14LL, "Ana");
	strbuf_addf(&sb, "%s", "");
	strbuf_addf(&sb, " (%d%%)", 50);
	assert_string_equal(strbuf_str(&sb), "shift 14: Ana (50%)");
	assert_int_equal(sb.len, strlen("shift 14: Ana (50%)"));
	strbuf_fini(&sb);
}

/*
 * static void strbuf_grow(struct strbuf *sb, size_t extra), through strbuf_add
 */
static void
test_grow(void **state)
{
	struct strbuf sb;
	size_t i;

	(void)state;
	strbuf_init(&sb);
	for (i = 0; i < 10000; i++)
		strbuf_addc(&sb, (char)('a' + i % 26));
	assert_int_equal(sb.len, 10000);
	assert_int_equal(strlen(strbuf_str(&sb)), 10000);
	assert_int_equal(sb.data[9999], 'a' + 9999 % 26);
	strbuf_addf(&sb, "%0200d", 7);
	assert_int_equal(sb.len, 10200);
	assert_int_equal(sb.data[10199], '7');
	assert_int_equal(sb.data[10200], '\0');
	strbuf_fini(&sb);
}

/*
 * void strbuf_reset(struct strbuf *sb)
 * char *strbuf_detach(struct strbuf *sb)
 */
static void
test_reset_detach(void **state)
{
	struct strbuf sb;
	char *s;

	(void)state;
	strbuf_init(&sb);
	strbuf_reset(&sb);
	assert_string_equal(strbuf_str(&sb), "");
	strbuf_adds(&sb, "old");
	strbuf_reset(&sb);
	assert_string_equal(strbuf_str(&sb), "");
	assert_int_equal(sb.len, 0);
	strbuf_adds(&sb, "new");
	s = strbuf_detach(&sb);
	assert_string_equal(s, "new");
	assert_null(sb.data);
	assert_int_equal(sb.len, 0);
	assert_int_equal(sb.cap, 0);
	free(s);
	/* Usable again after detach. */
	strbuf_adds(&sb, "again");
	assert_string_equal(strbuf_str(&sb), "again");
	strbuf_fini(&sb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_add),
		cmocka_unit_test(test_addchars),
		cmocka_unit_test(test_addf),
		cmocka_unit_test(test_grow),
		cmocka_unit_test(test_reset_detach),
	};

	return cmocka_run_group_tests_name("util/strbuf", tests, NULL, NULL);
}
