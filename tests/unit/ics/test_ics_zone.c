/* SPDX-License-Identifier: ISC */
/*
 * char *ics_zone_vtimezone(const char *zone, int from_year, struct err *err);
 * int ics_zone_offsets(const char *vtimezone, const int64_t *t, int *out,
 *     size_t n, struct err *err);
 * The VTIMEZONE carries the plain IANA TZID, has the compact form for
 * zones with one yearly DST rule and a single STANDARD without DST, and
 * gives (through libical) the same UTC offsets as the C library's zone
 * data at every change and between changes, 2026-2036.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "rooster/ics.h"

/* Count the lines of text that start with prefix. */
static int
count_lines(const char *text, const char *prefix)
{
	const char *p = text;
	int n = 0;

	while (p != NULL && *p != '\0') {
		if (strncmp(p, prefix, strlen(prefix)) == 0)
			n++;
		p = strchr(p, '\n');
		if (p != NULL)
			p++;
	}
	return n;
}

static void
test_zone_unknown(void **state)
{
	struct err err;

	(void)state;
	err_clear(&err);
	assert_null(ics_zone_vtimezone("Mars/Olympus_Mons", 2026, &err));
	assert_int_equal(err.code, ERR_INVALID);
	assert_non_null(strstr(err.msg, "Mars/Olympus_Mons"));
	assert_null(ics_zone_vtimezone("", 2026, &err));
}

/* Exactly the compact form of ICALENDAR.md, section 2.4. */
static void
test_zone_amsterdam_compact(void **state)
{
	struct err err;
	char *v;

	(void)state;
	v = ics_zone_vtimezone("Europe/Amsterdam", 2026, &err);
	assert_non_null(v);
	assert_non_null(strstr(v, "TZID:Europe/Amsterdam\r\n"));
	assert_null(strstr(v, "freeassociation"));
	assert_int_equal(count_lines(v, "BEGIN:DAYLIGHT"), 1);
	assert_int_equal(count_lines(v, "BEGIN:STANDARD"), 1);
	assert_int_equal(count_lines(v, "RDATE"), 0);
	assert_non_null(strstr(v, "BEGIN:DAYLIGHT\r\nTZNAME:CEST\r\n"
	    "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n"
	    "DTSTART:19700329T020000\r\n"
	    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\nEND:DAYLIGHT\r\n"));
	assert_non_null(strstr(v, "BEGIN:STANDARD\r\nTZNAME:CET\r\n"
	    "TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n"
	    "DTSTART:19701025T030000\r\n"
	    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\nEND:STANDARD\r\n"));
	assert_null(strstr(v, "UNTIL"));
	free(v);
}

static void
test_zone_shapes(void **state)
{
	static const struct {
		const char *zone;
		int daylight;
		const char *rule;	/* in the DAYLIGHT part, or NULL */
	} cases[] = {
		{ "America/New_York", 1, "BYDAY=2SU;BYMONTH=3" },
		{ "Australia/Sydney", 1, "BYDAY=1SU;BYMONTH=10" },
		{ "Europe/Dublin", 1, "BYDAY=-1SU;BYMONTH=3" },
		{ "Asia/Tokyo", 0, NULL },
		{ "UTC", 0, NULL },
		{ "Africa/Nairobi", 0, NULL },
	};
	struct err err;
	size_t i;
	char *v;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		v = ics_zone_vtimezone(cases[i].zone, 2026, &err);
		assert_non_null(v);
		assert_int_equal(count_lines(v, "BEGIN:DAYLIGHT"),
		    cases[i].daylight);
		assert_int_equal(count_lines(v, "BEGIN:STANDARD"), 1);
		assert_int_equal(count_lines(v, "RRULE"),
		    cases[i].daylight ? 2 : 0);
		if (cases[i].rule != NULL && strstr(v, cases[i].rule) == NULL)
			fail_msg("%s: no %s in\n%s", cases[i].zone,
			    cases[i].rule, v);
		free(v);
	}
}

/* The C library's offset at t in the zone TZ names. */
static long
libc_offset(const char *zone, int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;

	(void)zone;
	localtime_r(&tt, &tm);
	return tm.tm_gmtoff;
}

#define ZONE_SAMPLES 4096

static void
test_zone_offsets_agree(void **state)
{
	static const char *const zones[] = { "Europe/Amsterdam",
	    "Europe/London", "Europe/Dublin", "America/New_York",
	    "America/Sao_Paulo", "Australia/Sydney", "Australia/Lord_Howe",
	    "Pacific/Auckland", "Asia/Tokyo", "Asia/Kolkata", "Asia/Tehran",
	    "Africa/Casablanca", "America/Santiago", "UTC" };
	int64_t t, start = INT64_C(1767225600);	/* 2026-01-01Z */
	int64_t stop = INT64_C(2114380800);	/* 2037-01-01Z */
	static int64_t when[ZONE_SAMPLES];
	static long want[ZONE_SAMPLES];
	static int got[ZONE_SAMPLES];
	struct err err;
	size_t z, n, i;
	long before, now;
	char *v;

	(void)state;
	for (z = 0; z < sizeof zones / sizeof zones[0]; z++) {
		v = ics_zone_vtimezone(zones[z], 2026, &err);
		assert_non_null(v);
		setenv("TZ", zones[z], 1);
		tzset();
		before = libc_offset(zones[z], start);
		n = 0;
		for (t = start; t < stop && n + 2 < ZONE_SAMPLES; t += 1800) {
			now = libc_offset(zones[z], t);
			/* Every 10 days, and at each change: both sides. */
			if (now == before && (t - start) % (10 * 86400) != 0)
				continue;
			when[n] = t - 1800;
			want[n++] = before;
			when[n] = t;
			want[n++] = now;
			before = now;
		}
		assert_int_equal(ics_zone_offsets(v, when, got, n, &err), 0);
		for (i = 0; i < n; i++)
			if (got[i] != want[i])
				fail_msg("%s at %lld: VTIMEZONE says %d, libc "
				    "%ld\n%s", zones[z], (long long)when[i],
				    got[i], want[i], v);
		free(v);
	}
	unsetenv("TZ");
	tzset();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_zone_unknown),
		cmocka_unit_test(test_zone_amsterdam_compact),
		cmocka_unit_test(test_zone_shapes),
		cmocka_unit_test(test_zone_offsets_agree),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
