/* SPDX-License-Identifier: ISC */
/*
 * Dates and the plan's time zone. Instants are UTC seconds; the zone is
 * applied through the C library and the system zoneinfo (TZ plus tzset),
 * so daylight-saving rules come from Debian's tzdata, never from a table
 * of our own. Times are shown in one plan zone (rtime_zone_set); a rule
 * that needs a zone names it (rtime_month_in), and rtime switches the C
 * library's zone to it and back only when the zone asked for differs
 * from the one in use, so no answer depends on which zone was set last.
 */
#include "rooster/util.h"

#include <ctype.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The plan zone times are shown in; "" until rtime_zone_set(). */
static char rtime_zone_name[128];
/* The zone rtime last gave the C library ("" none yet). */
static char rtime_applied[128];
/* TZ as the process had it before rtime first changed it. */
static char *rtime_tz_before;
static bool rtime_tz_saved;

/* Make zone the C library's zone, if it is not already. */
static void
rtime_use(const char *zone)
{
	const char *tz = getenv("TZ");

	if (tz != NULL && strcmp(tz, zone) == 0 &&
	    strcmp(rtime_applied, zone) == 0)
		return;
	if (!rtime_tz_saved) {
		rtime_tz_before = tz != NULL ? xstrdup(tz) : NULL;
		rtime_tz_saved = true;
	}
	setenv("TZ", zone, 1);
	tzset();
	snprintf(rtime_applied, sizeof rtime_applied, "%s", zone);
}

/*
 * Before showing or reading a time: the plan zone; before any, the
 * process's own TZ, put back if a rule switched away from it.
 */
static void
rtime_display(void)
{
	if (rtime_zone_name[0] != '\0') {
		rtime_use(rtime_zone_name);
		return;
	}
	if (rtime_applied[0] == '\0')
		return;
	if (rtime_tz_before != NULL)
		setenv("TZ", rtime_tz_before, 1);
	else
		unsetenv("TZ");
	tzset();
	rtime_applied[0] = '\0';
}

static const char *
rtime_zoneinfo_dir(void)
{
	const char *dir = getenv("TZDIR");

	return dir != NULL && *dir != '\0' ? dir : "/usr/share/zoneinfo";
}

bool
rtime_zone_is_valid(const char *name)
{
	char path[512], magic[4];
	const char *p;
	FILE *fp;
	size_t n;

	if (name == NULL || *name == '\0' || strlen(name) > 100 ||
	    name[0] == '/' || strstr(name, "..") != NULL)
		return false;
	for (p = name; *p != '\0'; p++) {
		if (!isalnum((unsigned char)*p) && strchr("/_+-", *p) == NULL)
			return false;
	}
	snprintf(path, sizeof path, "%s/%s", rtime_zoneinfo_dir(), name);
	if ((fp = fopen(path, "rb")) == NULL)
		return false;
	n = fread(magic, 1, sizeof magic, fp);
	fclose(fp);
	return n == 4 && memcmp(magic, "TZif", 4) == 0;
}

int
rtime_zone_set(const char *name, struct err *err)
{
	if (!rtime_zone_is_valid(name))
		return err_set(err, ERR_INVALID,
		    _("unknown time zone '%s' (use an IANA name such as "
		    "Europe/Amsterdam)"), name != NULL ? name : "");
	snprintf(rtime_zone_name, sizeof rtime_zone_name, "%s", name);
	rtime_use(name);
	return 0;
}

const char *
rtime_zone(void)
{
	return rtime_zone_name[0] != '\0' ? rtime_zone_name : "UTC";
}

static bool
rtime_zone_try(const char *name, char *buf, size_t size)
{
	if (!rtime_zone_is_valid(name))
		return false;
	snprintf(buf, size, "%s", name);
	return true;
}

void
rtime_system_zone(char *buf, size_t size)
{
	char line[256], link[512];
	const char *tz = getenv("TZ"), *p;
	FILE *fp;
	ssize_t n;

	if (tz != NULL && rtime_zone_try(tz[0] == ':' ? tz + 1 : tz, buf, size))
		return;
	if ((fp = fopen("/etc/timezone", "r")) != NULL) {
		if (fgets(line, sizeof line, fp) != NULL) {
			line[strcspn(line, "\r\n \t")] = '\0';
			if (rtime_zone_try(line, buf, size)) {
				fclose(fp);
				return;
			}
		}
		fclose(fp);
	}
	n = readlink("/etc/localtime", link, sizeof link - 1);
	if (n > 0) {
		link[n] = '\0';
		if ((p = strstr(link, "zoneinfo/")) != NULL &&
		    rtime_zone_try(p + strlen("zoneinfo/"), buf, size))
			return;
	}
	snprintf(buf, size, "%s", RTIME_ZONE_DEFAULT);
}

bool
rtime_zone_is_utc(const char *name)
{
	static const char *const utc[] = {
		"UTC", "UCT", "Universal", "Zulu", "GMT", "GMT0", "GMT+0",
		"GMT-0", "Greenwich"
	};
	size_t i;

	if (name == NULL)
		return false;
	if (strncmp(name, "Etc/", 4) == 0)
		name += 4;
	for (i = 0; i < sizeof utc / sizeof utc[0]; i++)
		if (strcmp(name, utc[i]) == 0)
			return true;
	return false;
}

int
rtime_wall_move(int64_t *v, size_t n, const char *from, const char *to,
    struct err *err)
{
	struct tm *tms;
	time_t out;
	size_t i;

	if (rtime_zone_set(to, err) < 0 || rtime_zone_set(from, err) < 0)
		return -1;
	/* Two passes: one zone switch each way, whatever n is. */
	tms = xreallocarray(NULL, n > 0 ? n : 1, sizeof *tms);
	for (i = 0; i < n; i++)
		rtime_local(v[i], &tms[i]);
	rtime_zone_set(to, NULL);
	for (i = 0; i < n; i++) {
		tms[i].tm_isdst = -1;
		out = mktime(&tms[i]);
		if (out != (time_t)-1)
			v[i] = (int64_t)out;
	}
	free(tms);
	return 0;
}

int64_t
rtime_now(void)
{
	return (int64_t)time(NULL);
}

int64_t
rtime_clock_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Read exactly n digits at *s, advancing it. */
static bool
rtime_digits(const char **s, int n, int *out)
{
	int v = 0;

	for (; n > 0; n--, (*s)++) {
		if (!isdigit((unsigned char)**s))
			return false;
		v = v * 10 + (**s - '0');
	}
	*out = v;
	return true;
}

static int
rtime_days_in_month(int year, int month)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

	return month == 2 && leap ? 29 : days[month - 1];
}

static bool
rtime_parse_date(const char **s, int *y, int *m, int *d)
{
	if (!rtime_digits(s, 4, y) || *(*s)++ != '-' ||
	    !rtime_digits(s, 2, m) || *(*s)++ != '-' ||
	    !rtime_digits(s, 2, d))
		return false;
	return *y >= RTIME_FIRST_YEAR && *y <= RTIME_LAST_YEAR && *m >= 1 && *m <= 12 && *d >= 1 &&
	    *d <= rtime_days_in_month(*y, *m);
}

/* Local wall time to an instant; false if the zone skips that time. */
static bool
rtime_from_local(int y, int mo, int d, int h, int mi, int64_t *out)
{
	struct tm tm, back;
	time_t t;

	memset(&tm, 0, sizeof tm);
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_isdst = -1;
	rtime_display();
	t = mktime(&tm);
	localtime_r(&t, &back);
	*out = (int64_t)t;
	return back.tm_year == y - 1900 && back.tm_mon == mo - 1 &&
	    back.tm_mday == d && back.tm_hour == h && back.tm_min == mi;
}

/* True if s starts with a year outside the years rooster plans. */
static bool
rtime_year_out_of_range(const char *s)
{
	int y;

	return s != NULL && rtime_digits(&s, 4, &y) && *s == '-' &&
	    (y < RTIME_FIRST_YEAR || y > RTIME_LAST_YEAR);
}

int
rtime_parse_when(const char *s, int64_t *out, struct err *err)
{
	const char *p = s;
	int y, mo, d, h, mi;

	if (s == NULL || !rtime_parse_date(&p, &y, &mo, &d) ||
	    (*p != ' ' && *p != 'T') || (p++, !rtime_digits(&p, 2, &h)) ||
	    *p++ != ':' || !rtime_digits(&p, 2, &mi) || *p != '\0' ||
	    h > 23 || mi > 59)
		return rtime_year_out_of_range(s) ? err_set(err, ERR_INVALID,
		    _("time '%s' is outside the years %d to %d, which rooster "
		    "plans"), s, RTIME_FIRST_YEAR, RTIME_LAST_YEAR) :
		    err_set(err, ERR_INVALID,
		    _("invalid time '%s' (use YYYY-MM-DD HH:MM, e.g. "
		    "2027-03-27 14:00)"), s != NULL ? s : "");
	if (!rtime_from_local(y, mo, d, h, mi, out))
		return err_set(err, ERR_INVALID,
		    _("%s does not exist in %s (the clocks skip it); "
		    "choose another time"), s, rtime_zone_name);
	return 0;
}

int
rtime_parse_day(const char *s, int64_t now, int64_t *out, struct err *err)
{
	const char *p = s;
	int y, mo, d;

	if (s != NULL && strcmp(s, "today") == 0) {
		*out = rtime_day_add(now, 0);
		return 0;
	}
	if (s != NULL && strcmp(s, "tomorrow") == 0) {
		*out = rtime_day_add(now, 1);
		return 0;
	}
	if (s == NULL || !rtime_parse_date(&p, &y, &mo, &d) || *p != '\0')
		return rtime_year_out_of_range(s) ? err_set(err, ERR_INVALID,
		    _("day '%s' is outside the years %d to %d, which rooster "
		    "plans"), s, RTIME_FIRST_YEAR, RTIME_LAST_YEAR) :
		    err_set(err, ERR_INVALID,
		    _("invalid day '%s' (use YYYY-MM-DD, today or tomorrow)"),
		    s != NULL ? s : "");
	rtime_from_local(y, mo, d, 0, 0, out);
	return 0;
}

void
rtime_local(int64_t t, struct tm *tm)
{
	time_t tt = (time_t)t;

	rtime_display();
	localtime_r(&tt, tm);
}

int64_t
rtime_day_add(int64_t t, int days)
{
	struct tm tm;

	rtime_local(t, &tm);
	tm.tm_mday += days;
	tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
	tm.tm_isdst = -1;
	return (int64_t)mktime(&tm);
}

int64_t
rtime_day_next(int64_t t)
{
	return rtime_day_add(t, 1);
}

int64_t
rtime_week_start(int64_t t)
{
	struct tm tm;

	rtime_local(t, &tm);
	return rtime_day_add(t, -((tm.tm_wday + 6) % 7));
}

void
rtime_format(int64_t t, const char *fmt, char *buf, size_t size)
{
	struct tm tm;

	rtime_local(t, &tm);
	if (strftime(buf, size, fmt, &tm) == 0 && size > 0)
		buf[0] = '\0';
}

void
rtime_format_iso(int64_t t, char *buf, size_t size)
{
	struct tm tm;
	long off;

	rtime_local(t, &tm);
	off = tm.tm_gmtoff;
	snprintf(buf, size, "%04d-%02d-%02dT%02d:%02d:%02d%c%02ld:%02ld",
	    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
	    tm.tm_min, tm.tm_sec, off < 0 ? '-' : '+', labs(off) / 3600,
	    labs(off) % 3600 / 60);
}

void
rtime_format_when(int64_t t, char *buf, size_t size)
{
	rtime_format(t, "%Y-%m-%d %H:%M", buf, size);
}

int
rtime_month(int64_t t)
{
	struct tm tm;

	rtime_local(t, &tm);
	return (tm.tm_year + 1900) * 100 + tm.tm_mon + 1;
}

int
rtime_month_in(const char *zone, int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;

	rtime_use(zone);
	localtime_r(&tt, &tm);
	rtime_display();
	return (tm.tm_year + 1900) * 100 + tm.tm_mon + 1;
}

/* Local midnight of the first day of tm's month plus months. */
static int64_t
rtime_month_first(struct tm tm, int months)
{
	tm.tm_mon += months;
	tm.tm_mday = 1;
	tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
	tm.tm_isdst = -1;
	return (int64_t)mktime(&tm);
}

void
rtime_month_span(const char *zone, int64_t t, int64_t *start, int64_t *end)
{
	time_t tt = (time_t)t;
	struct tm tm;

	rtime_use(zone);
	localtime_r(&tt, &tm);
	*start = rtime_month_first(tm, 0);
	*end = rtime_month_first(tm, 1);
	rtime_display();
}

bool
rtime_locale_is_c(void)
{
	const char *loc = setlocale(LC_TIME, NULL);

	return loc == NULL || strcmp(loc, "C") == 0 ||
	    strcmp(loc, "POSIX") == 0 || strncmp(loc, "C.", 2) == 0;
}

/* How far from now a date needs no year: about half a year, as ls -l. */
#define RTIME_NEAR	(INT64_C(183) * 86400)

/*
 * t as people read it: in the C locale as iso, else with this_year's
 * format when t lies within RTIME_NEAR of now (January's shifts planned
 * in December: "za 16 jan", the year going without saying) and
 * other_year's when not.
 */
static void
rtime_format_near(int64_t t, const char *iso, const char *this_year,
    const char *other_year, char *buf, size_t size)
{
	int64_t now = rtime_now();

	if (rtime_locale_is_c()) {
		rtime_format(t, iso, buf, size);
		return;
	}
	rtime_format(t, t > now - RTIME_NEAR && t < now + RTIME_NEAR ?
	    this_year : other_year, buf, size);
}

void
rtime_format_show(int64_t t, char *buf, size_t size)
{
	/* TRANSLATORS: strftime formats of a date and time in tables and
	 * on the screen; %-d is the day without a leading zero. */
	rtime_format_near(t, "%Y-%m-%d %H:%M", _("%a %-d %b %H:%M"),
	    _("%a %-d %b %Y %H:%M"), buf, size);
}

void
rtime_format_span(int64_t start, int64_t end, rtime_format_fn fmt,
    char *buf, size_t size)
{
	char a[64], b[64];

	fmt(start, a, sizeof a);
	if (rtime_day_add(start, 0) == rtime_day_add(end - 1, 0))
		rtime_format(end, "%H:%M", b, sizeof b);
	else
		fmt(end, b, sizeof b);
	snprintf(buf, size, "%s-%s", a, b);
}

void
rtime_format_days(int64_t first, int64_t last, char *buf, size_t size)
{
	char a[32], b[32];

	rtime_format_day(first, a, sizeof a);
	if (first == last) {
		snprintf(buf, size, "%s", a);
		return;
	}
	rtime_format_day(last, b, sizeof b);
	snprintf(buf, size, "%s - %s", a, b);
}

void
rtime_format_day(int64_t t, char *buf, size_t size)
{
	/* TRANSLATORS: strftime formats of a day. */
	rtime_format_near(t, "%Y-%m-%d", _("%a %-d %b"), _("%a %-d %b %Y"), buf,
	    size);
}

int
rtime_week_first_day(void)
{
	const char *p;

	if (rtime_locale_is_c())
		return 1;
	/*
	 * glibc: _NL_TIME_FIRST_WEEKDAY counts from the day of
	 * _NL_TIME_WEEK_1STDAY (a Sunday in every shipped locale): 1 is
	 * Sunday, 2 Monday.
	 */
	p = nl_langinfo(_NL_TIME_FIRST_WEEKDAY);
	if (p == NULL)
		return 1;
	return ((int)(unsigned char)p[0] + 6) % 7;
}

int64_t
rtime_week_start_locale(int64_t t)
{
	struct tm tm;

	rtime_local(t, &tm);
	return rtime_day_add(t, -((tm.tm_wday - rtime_week_first_day() + 7) %
	    7));
}
