/* SPDX-License-Identifier: ISC */
/*
 * Unit tests for the locale-aware parts of src/util/rtime.c: dates shown
 * the locale's way (rtime_format_show, rtime_format_day) and the first day
 * of the week. A locale the system lacks skips its test.
 */
#include "harness.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

/* 2027-03-27 14:00 in Europe/Amsterdam, a Saturday (checked with date(1)). */
#define T_0327_1400	INT64_C(1806152400)

static void
amsterdam(void)
{
	struct err err;

	assert_int_equal(rtime_zone_set("Europe/Amsterdam", &err), 0);
}

/* Switch LC_TIME to name, or skip the test when it is not installed. */
static bool
with_time_locale(const char *name)
{
	return setlocale(LC_TIME, name) != NULL;
}

/* void rtime_format_show(int64_t t, char *buf, size_t size) */
static void
test_show_c_is_iso(void **state)
{
	char buf[64];

	(void)state;
	amsterdam();
	setlocale(LC_TIME, "C");
	assert_true(rtime_locale_is_c());
	rtime_format_show(T_0327_1400, buf, sizeof buf);
	assert_string_equal(buf, "2027-03-27 14:00");
	rtime_format_day(T_0327_1400, buf, sizeof buf);
	assert_string_equal(buf, "2027-03-27");
	if (with_time_locale("C.UTF-8")) {
		assert_true(rtime_locale_is_c());
		rtime_format_show(T_0327_1400, buf, sizeof buf);
		assert_string_equal(buf, "2027-03-27 14:00");
	}
}

static void
test_show_dutch(void **state)
{
	char buf[64];

	(void)state;
	amsterdam();
	if (!with_time_locale("nl_NL.UTF-8"))
		skip();
	assert_false(rtime_locale_is_c());
	rtime_format_show(T_0327_1400, buf, sizeof buf);
	/* The year only more than about half a year (183 days) from now. */
	if (T_0327_1400 - rtime_now() >= INT64_C(183) * 86400 ||
	    rtime_now() - T_0327_1400 >= INT64_C(183) * 86400)
		assert_string_equal(buf, "za 27 mrt 2027 14:00");
	else
		assert_string_equal(buf, "za 27 mrt 14:00");
	rtime_format_day(T_0327_1400, buf, sizeof buf);
	assert_non_null(strstr(buf, "za 27 mrt"));
	setlocale(LC_TIME, "C");
}

static void
test_show_this_year_has_no_year(void **state)
{
	char buf[64], year[8];
	int64_t now = rtime_now();

	(void)state;
	amsterdam();
	if (!with_time_locale("nl_NL.UTF-8"))
		skip();
	rtime_format(now, "%Y", year, sizeof year);
	rtime_format_show(now, buf, sizeof buf);
	assert_null(strstr(buf, year));
	setlocale(LC_TIME, "C");
}

static void
test_show_english(void **state)
{
	char buf[64];

	(void)state;
	amsterdam();
	if (!with_time_locale("en_US.UTF-8"))
		skip();
	rtime_format_day(T_0327_1400, buf, sizeof buf);
	assert_non_null(strstr(buf, "Sat 27 Mar"));
	setlocale(LC_TIME, "C");
}

/* int rtime_week_first_day(void) */
static void
test_week_first_day(void **state)
{
	(void)state;
	setlocale(LC_TIME, "C");
	assert_int_equal(rtime_week_first_day(), 1);
	if (with_time_locale("nl_NL.UTF-8"))
		assert_int_equal(rtime_week_first_day(), 1);
	if (with_time_locale("en_US.UTF-8"))
		assert_int_equal(rtime_week_first_day(), 0);
	setlocale(LC_TIME, "C");
}

/* int64_t rtime_week_start_locale(int64_t t) */
static void
test_week_start_locale(void **state)
{
	/* Saturday 27 March 2027 14:00: Monday 22nd, or Sunday 21st. */
	const int64_t mon = INT64_C(1805670000), sun = INT64_C(1805583600);

	(void)state;
	amsterdam();
	setlocale(LC_TIME, "C");
	assert_int_equal(rtime_week_start_locale(T_0327_1400), mon);
	if (with_time_locale("nl_NL.UTF-8"))
		assert_int_equal(rtime_week_start_locale(T_0327_1400), mon);
	if (with_time_locale("en_US.UTF-8"))
		assert_int_equal(rtime_week_start_locale(T_0327_1400), sun);
	setlocale(LC_TIME, "C");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_show_c_is_iso),
		cmocka_unit_test(test_show_dutch),
		cmocka_unit_test(test_show_this_year_has_no_year),
		cmocka_unit_test(test_show_english),
		cmocka_unit_test(test_week_first_day),
		cmocka_unit_test(test_week_start_locale),
	};

	return cmocka_run_group_tests_name("util/rtime_locale", tests, NULL,
	    NULL);
}
