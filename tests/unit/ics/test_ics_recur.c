/* SPDX-License-Identifier: ISC */
/*
 * int ics_recur_expand(const char *rrule, int64_t dtstart, const char *zone,
 *     int64_t until, size_t max, int64_t **out, size_t *count,
 *     struct err *err);
 * A weekly 19:00 Amsterdam event stays 19:00 local across both clock
 * changes; COUNT, UNTIL, the horizon and the cap bound the expansion;
 * a rule libical cannot read is ERR_INVALID.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "rooster/ics.h"

#define AMS "Europe/Amsterdam"
/* Tuesday 2027-03-16 19:00 CET = 18:00 UTC; clocks go forward 03-28. */
#define TUE_0316 INT64_C(1805220000)

static void
test_recur_invalid(void **state)
{
	struct err err;
	int64_t *v = NULL;
	size_t n = 99;

	(void)state;
	err_clear(&err);
	assert_int_equal(ics_recur_expand("FREQ=SOMETIMES", TUE_0316, AMS, 0,
	    10, &v, &n, &err), -1);
	assert_int_equal(err.code, ERR_INVALID);
	assert_non_null(strstr(err.msg, "FREQ=SOMETIMES"));
	assert_null(v);
	assert_int_equal(n, 0);
	assert_int_equal(ics_recur_expand("", TUE_0316, AMS, 0, 10, &v, &n,
	    &err), -1);
	assert_int_equal(ics_recur_expand("FREQ=WEEKLY;COUNT=2", TUE_0316,
	    "Mars/Olympus", 0, 10, &v, &n, &err), -1);
}

static void
test_recur_weekly_count_across_dst(void **state)
{
	static const int64_t want[] = {
		INT64_C(1805220000),	/* 03-16 19:00 CET */
		INT64_C(1805824800),	/* 03-23 19:00 CET */
		INT64_C(1806426000),	/* 03-30 19:00 CEST = 17:00 UTC */
		INT64_C(1807030800),	/* 04-06 19:00 CEST */
	};
	struct err err;
	int64_t *v = NULL;
	size_t n = 0, i;

	(void)state;
	assert_int_equal(ics_recur_expand("FREQ=WEEKLY;COUNT=4", TUE_0316, AMS,
	    0, 500, &v, &n, &err), 0);
	assert_int_equal(n, 4);
	for (i = 0; i < n; i++)
		assert_int_equal(v[i], want[i]);
	free(v);
}

static void
test_recur_autumn_back(void **state)
{
	struct err err;
	int64_t *v = NULL;
	size_t n = 0;

	(void)state;
	/* 2027-10-19 19:00 CEST; clocks go back 10-31; UNTIL ends it. */
	assert_int_equal(ics_recur_expand("FREQ=WEEKLY;UNTIL=20271103T000000Z",
	    INT64_C(1823965200), AMS, 0, 500, &v, &n, &err), 0);
	assert_int_equal(n, 3);
	assert_int_equal(v[1], INT64_C(1824570000));	/* 10-26 19:00 CEST */
	assert_int_equal(v[2], INT64_C(1825178400));	/* 11-02 19:00 CET */
	free(v);
}

static void
test_recur_bounds(void **state)
{
	struct err err;
	int64_t *v = NULL;
	size_t n = 0;

	(void)state;
	/* Open-ended: the cap stops it. */
	assert_int_equal(ics_recur_expand("FREQ=DAILY", TUE_0316, AMS, 0, 7,
	    &v, &n, &err), 0);
	assert_int_equal(n, 7);
	assert_int_equal(v[6] - v[0], 6 * 86400);
	free(v);
	/* The horizon stops it before COUNT: [dtstart, until). */
	assert_int_equal(ics_recur_expand("FREQ=WEEKLY;COUNT=10", TUE_0316,
	    AMS, INT64_C(1805824800), 500, &v, &n, &err), 0);
	assert_int_equal(n, 1);
	free(v);
	assert_true(ics_recur_is_bounded("FREQ=WEEKLY;COUNT=4"));
	assert_true(ics_recur_is_bounded("FREQ=WEEKLY;UNTIL=20271103T000000Z"));
	assert_false(ics_recur_is_bounded("FREQ=WEEKLY"));
}

/* DTSTART off the rule still counts, and COUNT includes it. */
static void
test_recur_dtstart_counts(void **state)
{
	struct err err;
	int64_t *v = NULL;
	size_t n = 0;

	(void)state;
	/* Tuesday 16 March; the rule wants the 31st of each month. */
	assert_int_equal(ics_recur_expand("FREQ=MONTHLY;BYMONTHDAY=31;COUNT=3",
	    TUE_0316, AMS, 0, 500, &v, &n, &err), 0);
	assert_int_equal(n, 3);
	assert_int_equal(v[0], TUE_0316);
	/* 31 March 19:00 CEST, then 31 May (April has no 31st). */
	assert_int_equal(v[1], INT64_C(1806512400));
	assert_int_equal(v[2], INT64_C(1811782800));
	free(v);
}

/* refused NAME RULE WORD: ERR_INVALID, nothing returned, WORD said. */
static void
test_recur_refused(const char *rule, const char *word)
{
	struct err err;
	int64_t *v = NULL;
	size_t n = 99;

	err_clear(&err);
	assert_int_equal(ics_recur_expand(rule, TUE_0316, AMS, 0, 501, &v,
	    &n, &err), -1);
	assert_int_equal(err.code, ERR_INVALID);
	assert_null(v);
	assert_int_equal(n, 0);
	if (strstr(err.msg, word) == NULL)
		fail_msg("%s: '%s' lacks '%s'", rule, err.msg, word);
	assert_int_equal(ics_recur_check(rule, NULL) < 0,
	    strstr(word, "no date") == NULL && strstr(word, "only") == NULL);
}

/*
 * Rules that never give a date, or only by scanning every second, are
 * refused at once (issue 13: FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=30 ran
 * for ever while holding the write lock).
 */
static void
test_recur_hostile(void **state)
{
	(void)state;
	test_recur_refused("FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=30;COUNT=2",
	    "within a day");
	test_recur_refused("FREQ=MINUTELY;COUNT=2", "within a day");
	test_recur_refused("FREQ=HOURLY;BYMONTH=2;BYMONTHDAY=30",
	    "within a day");
	test_recur_refused("FREQ=DAILY;BYHOUR=1,2;COUNT=4", "BYHOUR");
	test_recur_refused("FREQ=DAILY;BYSECOND=0,1,2,3,4,5,6,7,8,9,10,11,"
	    "12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,"
	    "33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,"
	    "54,55,56,57,58,59;BYMONTH=2;BYMONTHDAY=30", "BYSECOND");
	test_recur_refused("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30;COUNT=2",
	    "a day its months do not have");
	test_recur_refused("FREQ=MONTHLY;BYMONTHDAY=-31;BYMONTH=2,4,6;"
	    "BYSETPOS=1", "a day its months do not have");
	test_recur_refused("FREQ=WEEKLY;INTERVAL=3000;COUNT=3",
	    "no date after the first");
	test_recur_refused("FREQ=YEARLY;COUNT=400", "only 174 dates");
}

/* A rare but real date is found, and a leap day rule keeps to leap years. */
static void
test_recur_rare(void **state)
{
	struct err err;
	int64_t *v = NULL;
	size_t n = 0;

	(void)state;
	assert_int_equal(ics_recur_expand("FREQ=YEARLY;BYMONTH=2;"
	    "BYMONTHDAY=29;COUNT=3", TUE_0316, AMS, 0, 501, &v, &n, &err), 0);
	assert_int_equal(n, 3);
	/* 2028-02-29 and 2032-02-29, 19:00 CET. */
	assert_int_equal(v[1], INT64_C(1835460000));
	assert_int_equal(v[2], INT64_C(1961690400));
	free(v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_recur_invalid),
		cmocka_unit_test(test_recur_weekly_count_across_dst),
		cmocka_unit_test(test_recur_autumn_back),
		cmocka_unit_test(test_recur_bounds),
		cmocka_unit_test(test_recur_dtstart_counts),
		cmocka_unit_test(test_recur_hostile),
		cmocka_unit_test(test_recur_rare),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
