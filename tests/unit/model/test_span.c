/* SPDX-License-Identifier: ISC */
/*
 * Unit tests for src/model/span.c: half-open [start, end) intervals, so
 * that one shift ending as the next starts is no double booking.
 */
#include "harness.h"

#include "rooster/model.h"

/* bool span_overlaps(struct span a, struct span b) */
static void
test_overlaps(void **state)
{
	static const struct {
		struct span	a, b;
		bool		want;
	} cases[] = {
		{ { 10, 20 }, { 15, 25 }, true },	/* b starts inside a */
		{ { 15, 25 }, { 10, 20 }, true },	/* a starts inside b */
		{ { 10, 20 }, { 12, 18 }, true },	/* b within a */
		{ { 12, 18 }, { 10, 20 }, true },	/* a within b */
		{ { 10, 20 }, { 10, 20 }, true },	/* identical */
		{ { 10, 20 }, { 10, 11 }, true },	/* same start */
		{ { 10, 20 }, { 19, 30 }, true },	/* one second shared */
		{ { 10, 20 }, { 20, 30 }, false },	/* touching */
		{ { 20, 30 }, { 10, 20 }, false },	/* touching, reversed */
		{ { 10, 20 }, { 21, 30 }, false },	/* apart */
		{ { 21, 30 }, { 10, 20 }, false },
		{ { -100, -50 }, { -60, 0 }, true },	/* before 1970 */
		{ { INT64_MIN, 0 }, { -1, INT64_MAX }, true },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		if (span_overlaps(cases[i].a, cases[i].b) != cases[i].want)
			fail_msg("case %zu: [%lld,%lld) [%lld,%lld) want %d", i,
			    (long long)cases[i].a.start,
			    (long long)cases[i].a.end,
			    (long long)cases[i].b.start,
			    (long long)cases[i].b.end, cases[i].want);
	}
}

/* bool span_contains(struct span s, int64_t t) */
static void
test_contains(void **state)
{
	struct span s = { 10, 20 };

	(void)state;
	assert_false(span_contains(s, 9));
	assert_true(span_contains(s, 10));	/* start is inside */
	assert_true(span_contains(s, 19));
	assert_false(span_contains(s, 20));	/* end is not */
	assert_false(span_contains(s, 21));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_overlaps),
		cmocka_unit_test(test_contains),
	};

	return cmocka_run_group_tests_name("model/span", tests, NULL, NULL);
}
