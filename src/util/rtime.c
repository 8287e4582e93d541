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
/* Counts rtime_zone_set() calls: what rtime_days remembers belongs to one. */
static unsigned rtime_zone_gen = 1;
/* The zone rtime last gave the C library ("" none yet). */
static char rtime_applied[128];
/* TZ as the process had it before rtime first changed it. */
static char *rtime_tz_before;
static bool rtime_tz_saved;

extern char **environ;

/*
 * Where the TZ entry rtime last set lies in environ. getenv() walks the
 * whole environment and was asked before every time shown; these tell
 * in a few loads whether TZ still holds what rtime put there: setenv,
 * putenv and unsetenv of TZ all leave another pointer in that slot (or
 * move environ), and setenv's strings are never freed, so the same
 * pointer means the same text.
 */
static char **rtime_env;		/* environ when rtime set TZ */
static size_t rtime_env_at;		/* TZ's index in it */
static const char *rtime_env_entry;	/* the "TZ=zone" setenv made */

/* True while TZ is still the entry rtime set last. */
static bool
rtime_env_is_ours(void)
{
	return rtime_env_entry != NULL && environ != NULL &&
	    environ == rtime_env && environ[rtime_env_at] == rtime_env_entry;
}

/* Note where setenv put TZ. */
static void
rtime_env_note(void)
{
	size_t i;

	rtime_env_entry = NULL;
	for (i = 0; environ != NULL && environ[i] != NULL; i++)
		if (strncmp(environ[i], "TZ=", 3) == 0) {
			rtime_env = environ;
			rtime_env_at = i;
			rtime_env_entry = environ[i];
			return;
		}
}

/* Make zone the C library's zone, if it is not already. */
static void
rtime_use(const char *zone)
{
	const char *tz;

	if (rtime_env_is_ours() && strcmp(rtime_applied, zone) == 0)
		return;
	if (!rtime_tz_saved) {
		tz = getenv("TZ");
		rtime_tz_before = tz != NULL ? xstrdup(tz) : NULL;
		rtime_tz_saved = true;
	}
	setenv("TZ", zone, 1);
	tzset();
	snprintf(rtime_applied, sizeof rtime_applied, "%s", zone);
	rtime_env_note();
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
	rtime_env_entry = NULL;
}

/*
 * The last two local days of the plan zone that times were asked in.
 * A list of a day's shifts asks for the same day's midnight and times
 * again and again, each a localtime_r() or a mktime() of the C library
 * (about a thousand instructions each); a day remembered answers them
 * by adding seconds to its midnight. Only days of 24 hours with the
 * same offset and DST flag at their first and last second are kept, so
 * a day whose clocks change is always asked of the C library (a zone
 * would need two changes that cancel within one day to fool this; the
 * tz database has none since 1970). Forgotten when the plan zone is
 * set; never used before there is one.
 */
struct rtime_day {
	unsigned	 gen;		/* rtime_zone_gen when noted; 0: none */
	int64_t		 start;		/* the day's local midnight */
	struct tm	 tm;		/* start, broken down */
};
static struct rtime_day rtime_days[2];
static unsigned rtime_days_next;	/* the one to replace next */

/* The remembered day holding t, or NULL. */
static const struct rtime_day *
rtime_day_known(int64_t t)
{
	const struct rtime_day *d;
	size_t i;

	for (i = 0; i < 2; i++) {
		d = &rtime_days[i];
		if (d->gen == rtime_zone_gen && t >= d->start &&
		    t < d->start + 86400)
			return d;
	}
	return NULL;
}

/*
 * Remember the day holding t (broken down in tm, in the plan zone, which
 * the C library has) if it is a plain one.
 */
static const struct rtime_day *
rtime_day_note(int64_t t, const struct tm *tm)
{
	struct rtime_day *d;
	struct tm first, last;
	time_t start, end;

	if (rtime_zone_name[0] == '\0')
		return NULL;
	start = (time_t)(t - (tm->tm_hour * 3600 + tm->tm_min * 60 +
	    tm->tm_sec));
	end = start + 86399;
	localtime_r(&start, &first);
	localtime_r(&end, &last);
	if (first.tm_hour != 0 || first.tm_min != 0 || first.tm_sec != 0 ||
	    first.tm_mday != tm->tm_mday || last.tm_mday != tm->tm_mday ||
	    last.tm_hour != 23 || last.tm_min != 59 || last.tm_sec != 59 ||
	    first.tm_gmtoff != tm->tm_gmtoff ||
	    last.tm_gmtoff != tm->tm_gmtoff ||
	    first.tm_isdst != tm->tm_isdst || last.tm_isdst != tm->tm_isdst)
		return NULL;
	d = &rtime_days[rtime_days_next];
	rtime_days_next = (rtime_days_next + 1) % 2;
	d->gen = rtime_zone_gen;
	d->start = (int64_t)start;
	d->tm = first;
	return d;
}

/* True if day b is the calendar day after day a. */
static bool
rtime_day_follows(const struct rtime_day *a, const struct rtime_day *b)
{
	if (b->tm.tm_year == a->tm.tm_year)
		return b->tm.tm_yday == a->tm.tm_yday + 1;
	return b->tm.tm_year == a->tm.tm_year + 1 && b->tm.tm_yday == 0 &&
	    a->tm.tm_mon == 11 && a->tm.tm_mday == 31;
}

/* t in the remembered day d, broken down. */
static void
rtime_day_local(const struct rtime_day *d, int64_t t, struct tm *tm)
{
	int secs = (int)(t - d->start);

	*tm = d->tm;
	tm->tm_hour = secs / 3600;
	tm->tm_min = secs % 3600 / 60;
	tm->tm_sec = secs % 60;
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
	rtime_zone_gen++;
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
	const struct rtime_day *d;

	rtime_display();
	if ((d = rtime_day_known(t)) != NULL) {
		rtime_day_local(d, t, tm);
		return;
	}
	localtime_r(&tt, tm);
	rtime_day_note(t, tm);
}

int64_t
rtime_day_add(int64_t t, int days)
{
	const struct rtime_day *d, *next;
	struct tm tm;

	rtime_local(t, &tm);
	/*
	 * A plain day's midnight, or the next day's when that one is
	 * remembered too (where clocks change at midnight, the next day
	 * may begin an hour after this one ends).
	 */
	if (days == 0 && (d = rtime_day_known(t)) != NULL)
		return d->start;
	if (days == 1 && (d = rtime_day_known(t)) != NULL &&
	    (next = rtime_day_known(d->start + 86400)) != NULL &&
	    next->start == d->start + 86400 && rtime_day_follows(d, next))
		return next->start;
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

	/* The plan's own zone, as nearly always: its remembered days. */
	if (rtime_zone_name[0] != '\0' && strcmp(zone, rtime_zone_name) == 0)
		return rtime_month(t);
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
rtime_format_show_brief(int64_t t, char *buf, size_t size)
{
	rtime_format(t, rtime_locale_is_c() ? "%m-%d %H:%M" :
	    _("%a %-d %b %H:%M"), buf, size);
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

/* Days first to last, each written by fmt. */
static void
rtime_format_days_by(int64_t first, int64_t last, rtime_format_fn fmt,
    char *buf, size_t size)
{
	char a[32], b[32];

	fmt(first, a, sizeof a);
	if (first == last) {
		snprintf(buf, size, "%s", a);
		return;
	}
	fmt(last, b, sizeof b);
	snprintf(buf, size, "%s - %s", a, b);
}

void
rtime_format_days(int64_t first, int64_t last, char *buf, size_t size)
{
	rtime_format_days_by(first, last, rtime_format_day, buf, size);
}

void
rtime_format_days_brief(int64_t first, int64_t last, char *buf, size_t size)
{
	rtime_format_days_by(first, last, rtime_format_day_brief, buf, size);
}

void
rtime_format_day(int64_t t, char *buf, size_t size)
{
	/* TRANSLATORS: strftime formats of a day. */
	rtime_format_near(t, "%Y-%m-%d", _("%a %-d %b"), _("%a %-d %b %Y"), buf,
	    size);
}

void
rtime_format_day_brief(int64_t t, char *buf, size_t size)
{
	rtime_format(t, rtime_locale_is_c() ? "%m-%d" : _("%a %-d %b"), buf,
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
