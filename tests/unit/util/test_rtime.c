/* SPDX-License-Identifier: ISC */
/*
 * Unit tests for src/util/rtime.c: reading and showing times in the plan
 * zone. The expected instants were computed independently with
 * `TZ=Europe/Amsterdam date -d '...' +%s`, never with rtime itself.
 */
#include "harness.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Instants in Europe/Amsterdam (checked with date(1)). */
#define T_0327_1400	INT64_C(1806152400)	/* 13:00Z, CET */
#define T_0328_1400	INT64_C(1806235200)	/* 12:00Z, CEST */
#define T_0327_0000	INT64_C(1806102000)
#define T_0328_0000	INT64_C(1806188400)	/* a 23-hour day follows */
#define T_0329_0000	INT64_C(1806271200)
#define T_1031_0000	INT64_C(1824933600)	/* a 25-hour day follows */
#define T_1101_0000	INT64_C(1825023600)
#define T_1031_0230_CEST INT64_C(1824942600)
#define T_1031_0230_CET	INT64_C(1824946200)
#define T_0322_0000	INT64_C(1805670000)	/* Monday */
#define T_0401_0030	INT64_C(1806532200)	/* 2027-03-31 22:30Z */

static void
amsterdam(void)
{
	struct err err;

	assert_int_equal(rtime_zone_set("Europe/Amsterdam", &err), 0);
}

/* int rtime_parse_when(const char *s, int64_t *out, struct err *err) */
static void
test_parse_when_dst(void **state)
{
	struct err err;
	int64_t t = 0;

	(void)state;
	amsterdam();
	assert_int_equal(rtime_parse_when("2027-03-27 14:00", &t, &err), 0);
	assert_true(t == T_0327_1400);
	assert_int_equal(rtime_parse_when("2027-03-28 14:00", &t, &err), 0);
	assert_true(t == T_0328_1400);
	/* The same wall time one day apart is 23 hours apart here. */
	assert_true(T_0328_1400 - T_0327_1400 == 23 * 3600);
	assert_int_equal(rtime_parse_when("2027-03-27T14:00", &t, &err), 0);
	assert_true(t == T_0327_1400);
}

/* int rtime_parse_when(const char *s, int64_t *out, struct err *err) */
static void
test_parse_when_invalid(void **state)
{
	static const char *const bad[] = {
		"", "2027-03-27", "2027-03-27 14", "2027-03-27 14:00:00",
		"2027-3-27 14:00", "27-03-2027 14:00", "2027-03-27 24:00",
		"2027-03-27 14:60", "2027-13-01 10:00", "2027-00-10 10:00",
		"2027-02-30 10:00", "2027-02-29 10:00", "2027-04-31 10:00",
		"2027-03-00 10:00", "2027-03-27 14:00 ", " 2027-03-27 14:00",
		"2027-03-27x14:00", "tomorrow", "2027-03-27 1a:00"
	};
	struct err err;
	int64_t t;
	size_t i;

	(void)state;
	amsterdam();
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		err_clear(&err);
		t = 42;
		if (rtime_parse_when(bad[i], &t, &err) != -1)
			fail_msg("'%s' was accepted", bad[i]);
		assert_int_equal(err.code, ERR_INVALID);
		assert_contains(err.msg, "invalid time");
	}
	assert_err(rtime_parse_when(NULL, &t, &err), err, ERR_INVALID);
	/* err may be NULL. */
	assert_int_equal(rtime_parse_when("2027-02-30 10:00", &t, NULL), -1);
}

/* int rtime_parse_when(const char *s, int64_t *out, struct err *err) */
static void
test_parse_when_leap(void **state)
{
	struct err err;
	int64_t t;

	(void)state;
	amsterdam();
	assert_int_equal(rtime_parse_when("2024-02-29 10:00", &t, &err), 0);
	assert_int_equal(rtime_parse_when("2000-02-29 10:00", &t, &err), 0);
	assert_err(rtime_parse_when("2027-02-29 10:00", &t, &err), err,
	    ERR_INVALID);
	assert_err(rtime_parse_when("2100-02-29 10:00", &t, &err), err,
	    ERR_INVALID);
}

/* int rtime_parse_when(const char *s, int64_t *out, struct err *err) */
static void
test_parse_when_skipped(void **state)
{
	struct err err;
	int64_t t;

	(void)state;
	amsterdam();
	/* 02:00-03:00 does not exist on 2027-03-28 in Amsterdam. */
	assert_err(rtime_parse_when("2027-03-28 02:30", &t, &err), err,
	    ERR_INVALID);
	assert_contains(err.msg, "does not exist");
	assert_contains(err.msg, "Europe/Amsterdam");
	assert_err(rtime_parse_when("2027-03-28 02:00", &t, &err), err,
	    ERR_INVALID);
	assert_int_equal(rtime_parse_when("2027-03-28 01:59", &t, &err), 0);
	assert_int_equal(rtime_parse_when("2027-03-28 03:00", &t, &err), 0);
	/* In UTC nothing is skipped. */
	assert_int_equal(rtime_zone_set("UTC", &err), 0);
	assert_int_equal(rtime_parse_when("2027-03-28 02:30", &t, &err), 0);
	amsterdam();
}

/* int rtime_parse_when(const char *s, int64_t *out, struct err *err) */
static void
test_parse_when_ambiguous(void **state)
{
	struct err err;
	int64_t t = 0;

	(void)state;
	amsterdam();
	/* 02:30 happens twice on 2027-10-31: either instant is accepted. */
	assert_int_equal(rtime_parse_when("2027-10-31 02:30", &t, &err), 0);
	assert_true(t == T_1031_0230_CEST || t == T_1031_0230_CET);
}

/*
 * int rtime_parse_day(const char *s, int64_t now, int64_t *out, struct err
 *     *err)
 */
static void
test_parse_day(void **state)
{
	struct err err;
	int64_t t = 0;

	(void)state;
	amsterdam();
	assert_int_equal(rtime_parse_day("2027-03-28", 0, &t, &err), 0);
	assert_true(t == T_0328_0000);
	assert_int_equal(rtime_parse_day("today", T_0328_1400, &t, &err), 0);
	assert_true(t == T_0328_0000);
	assert_int_equal(rtime_parse_day("tomorrow", T_0328_1400, &t, &err),
	    0);
	assert_true(t == T_0329_0000);
	/* 23:30 local on the 27th is already the 27th, not the 28th UTC. */
	assert_int_equal(rtime_parse_day("today", T_0328_0000 - 1800, &t,
	    &err), 0);
	assert_true(t == T_0327_0000);
	assert_err(rtime_parse_day("yesterday", 0, &t, &err), err,
	    ERR_INVALID);
	assert_err(rtime_parse_day("2027-02-30", 0, &t, &err), err,
	    ERR_INVALID);
	assert_err(rtime_parse_day("2027-03-28 10:00", 0, &t, &err), err,
	    ERR_INVALID);
	assert_err(rtime_parse_day("", 0, &t, &err), err, ERR_INVALID);
	assert_err(rtime_parse_day(NULL, 0, &t, &err), err, ERR_INVALID);
	assert_err(rtime_parse_day("Today", 0, &t, &err), err, ERR_INVALID);
}

/* int64_t rtime_day_add(int64_t t, int days) */
static void
test_day_add(void **state)
{
	(void)state;
	amsterdam();
	/* Local midnight, whatever the day's length. */
	assert_true(rtime_day_add(T_0328_1400, 0) == T_0328_0000);
	assert_true(rtime_day_add(T_0328_0000, 1) == T_0329_0000);
	assert_true(T_0329_0000 - T_0328_0000 == 23 * 3600);
	assert_true(rtime_day_add(T_1031_0000, 1) == T_1101_0000);
	assert_true(T_1101_0000 - T_1031_0000 == 25 * 3600);
	assert_true(rtime_day_add(T_0329_0000, -2) == T_0327_0000);
	assert_true(rtime_day_add(T_0327_1400, 1) == T_0328_0000);
	assert_true(rtime_day_next(T_0328_1400) == T_0329_0000);
	/* Across the month end. */
	assert_true(rtime_day_add(T_0401_0030, 0) == T_0401_0030 - 1800);
}

/* int64_t rtime_day_add(int64_t t, int days), where midnight is skipped */
static void
test_day_add_no_midnight(void **state)
{
	/* In Chile the clocks jump from 24:00 to 01:00 on 2027-09-05. */
	const int64_t sep4 = INT64_C(1820030400);	/* 00:00 -04 */
	const int64_t sep5 = INT64_C(1820116800);	/* 01:00 -03 */
	const int64_t sep6 = INT64_C(1820199600);	/* 00:00 -03 */
	struct err err;
	char buf[64];
	int64_t t;

	(void)state;
	assert_int_equal(rtime_zone_set("America/Santiago", &err), 0);
	/* The day starts at its first instant, never in the day before. */
	assert_int_equal(rtime_parse_day("2027-09-05", 0, &t, &err), 0);
	assert_true(t == sep5);
	rtime_format_iso(t, buf, sizeof buf);
	assert_string_equal(buf, "2027-09-05T01:00:00-03:00");
	assert_true(rtime_day_next(sep4) == sep5);
	assert_true(rtime_day_next(sep5) == sep6);
	assert_true(rtime_day_add(sep5 + 3600, 0) == sep5);
	assert_true(rtime_day_add(sep6, -1) == sep5);
	assert_err(rtime_parse_when("2027-09-05 00:30", &t, &err), err,
	    ERR_INVALID);
	amsterdam();
}

/* int64_t rtime_week_start(int64_t t) */
static void
test_week_start(void **state)
{
	(void)state;
	amsterdam();
	/* 2027-03-28 is a Sunday; its week began on Monday the 22nd. */
	assert_true(rtime_week_start(T_0328_1400) == T_0322_0000);
	assert_true(rtime_week_start(T_0322_0000) == T_0322_0000);
	assert_true(rtime_week_start(T_0329_0000) == T_0329_0000);
	assert_true(rtime_week_start(T_0329_0000 - 1) == T_0322_0000);
}

/* int rtime_month(int64_t t) */
static void
test_month(void **state)
{
	struct err err;

	(void)state;
	amsterdam();
	assert_int_equal(rtime_month(T_0327_1400), 202703);
	/* 00:30 on April 1st in Amsterdam is still March in UTC. */
	assert_int_equal(rtime_month(T_0401_0030), 202704);
	assert_int_equal(rtime_zone_set("UTC", &err), 0);
	assert_int_equal(rtime_month(T_0401_0030), 202703);
	amsterdam();
}

/*
 * int rtime_month_in(const char *zone, int64_t t)
 * void rtime_month_span(const char *zone, int64_t t, int64_t *start,
 *     int64_t *end)
 */
static void
test_month_in(void **state)
{
	struct err err;
	int64_t start = 0, end = 0;

	(void)state;
	/* Shown in UTC, counted in Amsterdam: each its own zone. */
	assert_int_equal(rtime_zone_set("UTC", &err), 0);
	assert_int_equal(rtime_month(T_0401_0030), 202703);
	assert_int_equal(rtime_month_in("Europe/Amsterdam", T_0401_0030),
	    202704);
	assert_int_equal(rtime_month(T_0401_0030), 202703);
	assert_int_equal(rtime_month_in("UTC", T_0401_0030), 202703);
	/* March in Amsterdam: from 1 March 00:00 CET to 1 April 00:00 CEST. */
	rtime_month_span("Europe/Amsterdam", T_0327_1400, &start, &end);
	assert_true(start == INT64_C(1803855600));
	assert_true(end == T_0401_0030 - 1800);
	assert_string_equal(rtime_zone(), "UTC");
	amsterdam();
}

/*
 * void rtime_format_span(int64_t start, int64_t end, rtime_format_fn fmt,
 *     char *buf, size_t size)
 * void rtime_format_days(int64_t first, int64_t last, char *buf,
 *     size_t size)
 */
static void
test_format_span(void **state)
{
	char buf[64];

	(void)state;
	amsterdam();
	rtime_format_span(T_0327_1400, T_0327_1400 + 3 * 3600,
	    rtime_format_when, buf, sizeof buf);
	assert_string_equal(buf, "2027-03-27 14:00-17:00");
	/* Ending on the next day: both with their dates. */
	rtime_format_span(T_0327_1400, T_0328_1400, rtime_format_when, buf,
	    sizeof buf);
	assert_string_equal(buf, "2027-03-27 14:00-2027-03-28 14:00");
	/* Ending at midnight is still the same day. */
	rtime_format_span(T_0327_1400, T_0328_0000, rtime_format_when, buf,
	    sizeof buf);
	assert_string_equal(buf, "2027-03-27 14:00-00:00");
	rtime_format_days(T_0327_0000, T_0327_0000, buf, sizeof buf);
	assert_string_equal(buf, "2027-03-27");
	rtime_format_days(T_0327_0000, T_0329_0000, buf, sizeof buf);
	assert_string_equal(buf, "2027-03-27 - 2027-03-29");
}

/*
 * void rtime_format_show(int64_t t, char *buf, size_t size) outside the C
 * locale: within about half a year of now without the year (January
 * planned in December), further off with it, past or future.
 */
static void
test_format_show_year(void **state)
{
	static const int64_t days[] = { 90, -90, 170, 400, -300 };
	static const bool with_year[] = { false, false, false, true, true };
	char buf[64], year[8];
	int64_t t;
	size_t i;

	(void)state;
	if (setlocale(LC_TIME, "nl_NL.UTF-8") == NULL) {
		skip();
		return;
	}
	amsterdam();
	for (i = 0; i < sizeof days / sizeof days[0]; i++) {
		t = rtime_now() + days[i] * 86400;
		rtime_format_show(t, buf, sizeof buf);
		rtime_format(t, " %Y ", year, sizeof year);
		if (with_year[i])
			assert_non_null(strstr(buf, year));
		else
			assert_null(strstr(buf, year));
	}
	setlocale(LC_TIME, "C");
}

/* void rtime_format_iso(int64_t t, char *buf, size_t size) */
static void
test_format_iso(void **state)
{
	struct err err;
	char buf[64];

	(void)state;
	amsterdam();
	rtime_format_iso(T_0327_1400, buf, sizeof buf);
	assert_string_equal(buf, "2027-03-27T14:00:00+01:00");
	rtime_format_iso(T_0328_1400, buf, sizeof buf);
	assert_string_equal(buf, "2027-03-28T14:00:00+02:00");
	assert_int_equal(rtime_zone_set("UTC", &err), 0);
	rtime_format_iso(T_0327_1400, buf, sizeof buf);
	assert_string_equal(buf, "2027-03-27T13:00:00+00:00");
	/* A negative offset that is not whole hours. */
	assert_int_equal(rtime_zone_set("America/St_Johns", &err), 0);
	rtime_format_iso(INT64_C(1800027000), buf, sizeof buf);
	assert_string_equal(buf, "2027-01-15T12:00:00-03:30");
	amsterdam();
}

/* void rtime_format_when(int64_t t, char *buf, size_t size) */
static void
test_format_when(void **state)
{
	struct err err;
	char buf[32];
	int64_t t;

	(void)state;
	amsterdam();
	rtime_format_when(T_0328_1400, buf, sizeof buf);
	assert_string_equal(buf, "2027-03-28 14:00");
	/* What is shown can be read back. */
	assert_int_equal(rtime_parse_when(buf, &t, &err), 0);
	assert_true(t == T_0328_1400);
	rtime_format(T_0328_1400, "%H:%M", buf, sizeof buf);
	assert_string_equal(buf, "14:00");
	/* Too small a buffer gives an empty string, not garbage. */
	rtime_format(T_0328_1400, "%Y-%m-%d %H:%M", buf, 4);
	assert_string_equal(buf, "");
}

/* bool rtime_zone_is_valid(const char *name) */
static void
test_zone_is_valid(void **state)
{
	(void)state;
	assert_true(rtime_zone_is_valid("Europe/Amsterdam"));
	assert_true(rtime_zone_is_valid("UTC"));
	assert_true(rtime_zone_is_valid("America/St_Johns"));
	assert_false(rtime_zone_is_valid(NULL));
	assert_false(rtime_zone_is_valid(""));
	assert_false(rtime_zone_is_valid("Mars/Olympus_Mons"));
	assert_false(rtime_zone_is_valid("europe/amsterdam"));
	assert_false(rtime_zone_is_valid("../zoneinfo/UTC"));
	assert_false(rtime_zone_is_valid("Europe/../UTC"));
	assert_false(rtime_zone_is_valid(".."));
	assert_false(rtime_zone_is_valid("/usr/share/zoneinfo/UTC"));
	assert_false(rtime_zone_is_valid("/etc/passwd"));
	assert_false(rtime_zone_is_valid("Europe"));		/* directory */
	assert_false(rtime_zone_is_valid("Europe/Amsterdam "));
	assert_false(rtime_zone_is_valid("zone.tab"));
	assert_false(rtime_zone_is_valid("leapseconds"));	/* not TZif */
	assert_false(rtime_zone_is_valid(":Europe/Amsterdam"));
}

/* int rtime_zone_set(const char *name, struct err *err) */
static void
test_zone_set(void **state)
{
	struct err err;

	(void)state;
	amsterdam();
	assert_string_equal(rtime_zone(), "Europe/Amsterdam");
	assert_string_equal(getenv("TZ"), "Europe/Amsterdam");
	assert_err(rtime_zone_set("Mars/Olympus_Mons", &err), err,
	    ERR_INVALID);
	assert_contains(err.msg, "Mars/Olympus_Mons");
	assert_err(rtime_zone_set("../../etc/passwd", &err), err,
	    ERR_INVALID);
	assert_err(rtime_zone_set(NULL, &err), err, ERR_INVALID);
	assert_int_equal(rtime_zone_set("/usr/share/zoneinfo/UTC", NULL), -1);
	/* A refused zone leaves the plan zone as it was. */
	assert_string_equal(rtime_zone(), "Europe/Amsterdam");
	assert_int_equal(rtime_month(T_0401_0030), 202704);
	assert_int_equal(rtime_zone_set("Asia/Tokyo", &err), 0);
	assert_string_equal(rtime_zone(), "Asia/Tokyo");
	amsterdam();
}

/* void rtime_system_zone(char *buf, size_t size) */
static void
test_system_zone(void **state)
{
	char buf[128];

	(void)state;
	setenv("TZ", "Asia/Tokyo", 1);
	rtime_system_zone(buf, sizeof buf);
	assert_string_equal(buf, "Asia/Tokyo");
	setenv("TZ", ":America/St_Johns", 1);
	rtime_system_zone(buf, sizeof buf);
	assert_string_equal(buf, "America/St_Johns");
	/* A TZ that names no zone falls through to the system's or default. */
	setenv("TZ", "../../etc/passwd", 1);
	rtime_system_zone(buf, sizeof buf);
	assert_true(rtime_zone_is_valid(buf));
	unsetenv("TZ");
	rtime_system_zone(buf, sizeof buf);
	assert_true(rtime_zone_is_valid(buf));
	amsterdam();
}

/* int64_t rtime_now(void) */
static void
test_now(void **state)
{
	(void)state;
	/* After 2026-01-01 and before 2200: a sane clock in seconds. */
	assert_true(rtime_now() > INT64_C(1767225600));
	assert_true(rtime_now() < INT64_C(7258118400));
}

/* bool rtime_zone_is_utc(const char *name) */
static void
test_zone_is_utc(void **state)
{
	(void)state;
	assert_false(rtime_zone_is_utc(NULL));
	assert_true(rtime_zone_is_utc("UTC"));
	assert_true(rtime_zone_is_utc("Etc/UTC"));
	assert_true(rtime_zone_is_utc("Etc/Universal"));
	assert_true(rtime_zone_is_utc("GMT"));
	assert_false(rtime_zone_is_utc("Europe/London"));
	assert_false(rtime_zone_is_utc("Etc/GMT+1"));
}

/* int rtime_wall_move(int64_t *v, size_t n, const char *from,
 *     const char *to, struct err *err) */
static void
test_wall_move(void **state)
{
	struct err err;
	int64_t v[2];

	(void)state;
	assert_int_equal(rtime_wall_move(v, 0, "UTC", "Mars/Base", &err), -1);
	/* 18:00 UTC on 5 January and 14:00 UTC on 1 July 2027. */
	v[0] = 1799172000;
	v[1] = 1814536800;
	assert_int_equal(rtime_wall_move(v, 2, "UTC", "Europe/Amsterdam",
	    &err), 0);
	/* The same wall times in Amsterdam: one hour, then two, earlier. */
	assert_int_equal(v[0], 1799172000 - 3600);
	assert_int_equal(v[1], 1814536800 - 7200);
	assert_string_equal(rtime_zone(), "Europe/Amsterdam");
}

/*
 * What the C library answers for t in zone, the way rtime asks it
 * (localtime_r; mktime of a local midnight), with TZ set here.
 */
struct rtime_ref {
	char	 text[96];	/* strftime with the offset and abbreviation */
	int64_t	 day;		/* local midnight of t's day */
	int64_t	 next;		/* the next day's */
	int	 month;		/* yyyymm */
};

static void
rtime_ref_of(const char *zone, int64_t t, struct rtime_ref *r)
{
	time_t tt = (time_t)t;
	struct tm tm, m;

	setenv("TZ", zone, 1);
	tzset();
	localtime_r(&tt, &tm);
	strftime(r->text, sizeof r->text, "%Y-%m-%d %H:%M:%S %z %Z %a %j",
	    &tm);
	r->month = (tm.tm_year + 1900) * 100 + tm.tm_mon + 1;
	m = tm;
	m.tm_hour = m.tm_min = m.tm_sec = 0;
	m.tm_isdst = -1;
	r->day = (int64_t)mktime(&m);
	m = tm;
	m.tm_mday++;
	m.tm_hour = m.tm_min = m.tm_sec = 0;
	m.tm_isdst = -1;
	r->next = (int64_t)mktime(&m);
}

static void
rtime_ref_check(const char *zone, int64_t t, const struct rtime_ref *r)
{
	char buf[96];

	rtime_format(t, "%Y-%m-%d %H:%M:%S %z %Z %a %j", buf, sizeof buf);
	assert_string_equal(buf, r->text);
	assert_true(rtime_day_add(t, 0) == r->day);
	assert_true(rtime_day_next(t) == r->next);
	assert_int_equal(rtime_month(t), r->month);
	assert_int_equal(rtime_month_in(zone, t), r->month);
	/* A rule in another zone leaves the plan zone's days alone. */
	(void)rtime_month_in("Asia/Kolkata", t);
}

/*
 * void rtime_local(int64_t t, struct tm *tm) and everything built on it,
 * as the process changes TZ behind rtime's back (unit tests and the
 * ops that set it in-process): rtime remembers the last days asked and
 * the TZ it set, and must answer as the C library does in the plan zone
 * on every day, those whose clocks change included (at 02:00, at
 * midnight, by half an hour), and forget a zone's days when another is
 * set. (Not Pacific/Apia's skipped 2011-12-30: glibc's mktime of a day
 * that does not exist depends on the calls made before it.)
 */
static void
test_zone_behind_our_back(void **state)
{
	static const struct {
		const char *zone;
		int64_t from;
	} zones[] = {
		{ "Europe/Amsterdam", T_0322_0000 - 90 * 86400 },
		{ "America/Santiago", INT64_C(1798761600) },	/* 2027 */
		{ "America/Sao_Paulo", INT64_C(1514764800) },	/* 2018 */
		{ "Australia/Lord_Howe", INT64_C(1798761600) },
	};
	enum { N = 2700, STEP = 3 * 3600 + 17 * 60 };
	static struct rtime_ref ref[N];
	struct err err;
	size_t z, i;
	int64_t t;

	(void)state;
	for (z = 0; z < sizeof zones / sizeof zones[0]; z++) {
		for (i = 0; i < N; i++)
			rtime_ref_of(zones[z].zone, zones[z].from +
			    (int64_t)i * STEP, &ref[i]);
		assert_int_equal(rtime_zone_set(zones[z].zone, &err), 0);
		/* In order, as a list asks, with TZ changed once before. */
		setenv("TZ", "UTC", 1);
		tzset();
		for (i = 0; i < N; i++)
			rtime_ref_check(zones[z].zone, zones[z].from +
			    (int64_t)i * STEP, &ref[i]);
		/* TZ changed before every question, or unset. */
		for (i = 0; i < N; i++) {
			if (i % 2 == 0)
				setenv("TZ", "Asia/Tokyo", 1);
			else
				unsetenv("TZ");
			tzset();
			rtime_ref_check(zones[z].zone, zones[z].from +
			    (int64_t)i * STEP, &ref[i]);
			assert_string_equal(getenv("TZ"), zones[z].zone);
		}
		/* Backwards, and the same instants a second apart. */
		for (i = N; i-- > 0;) {
			t = zones[z].from + (int64_t)i * STEP;
			rtime_ref_check(zones[z].zone, t, &ref[i]);
		}
	}
	/* Another plan zone: the same instant in it, not the last one's. */
	amsterdam();
	rtime_ref_of("Asia/Tokyo", T_0327_1400, &ref[0]);
	rtime_ref_of("Europe/Amsterdam", T_0327_1400, &ref[1]);
	amsterdam();
	rtime_ref_check("Europe/Amsterdam", T_0327_1400, &ref[1]);
	assert_int_equal(rtime_zone_set("Asia/Tokyo", &err), 0);
	rtime_ref_check("Asia/Tokyo", T_0327_1400, &ref[0]);
	amsterdam();
	rtime_ref_check("Europe/Amsterdam", T_0327_1400, &ref[1]);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_when_dst),
		cmocka_unit_test(test_parse_when_invalid),
		cmocka_unit_test(test_parse_when_leap),
		cmocka_unit_test(test_parse_when_skipped),
		cmocka_unit_test(test_parse_when_ambiguous),
		cmocka_unit_test(test_parse_day),
		cmocka_unit_test(test_day_add),
		cmocka_unit_test(test_day_add_no_midnight),
		cmocka_unit_test(test_week_start),
		cmocka_unit_test(test_month),
		cmocka_unit_test(test_month_in),
		cmocka_unit_test(test_format_span),
		cmocka_unit_test(test_format_iso),
		cmocka_unit_test(test_format_when),
		cmocka_unit_test(test_zone_is_valid),
		cmocka_unit_test(test_zone_set),
		cmocka_unit_test(test_system_zone),
		cmocka_unit_test(test_format_show_year),
		cmocka_unit_test(test_now),
		cmocka_unit_test(test_zone_is_utc),
		cmocka_unit_test(test_wall_move),
		cmocka_unit_test(test_zone_behind_our_back),
	};

	return cmocka_run_group_tests_name("util/rtime", tests, NULL, NULL);
}
