/* SPDX-License-Identifier: ISC */
/*
 * VTIMEZONE for any IANA zone, with the plain name as TZID. libical 3.0
 * would write its own zone with a /freeassociation.sourceforge.net/ TZID
 * and a full history several parsers misread, so the transitions are
 * measured from libical's zone data and rewritten in the compact form
 * calendar apps (Outlook above all) read best; see docs and ICALENDAR.md.
 */
#include "rooster/ics.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ics_int.h"

#define ICS_ZONE_YEARS		11	/* from_year and ten more */
#define ICS_ZONE_MAX_CHANGES	4	/* per year; more is no regular rule */

struct ics_zone_change {
	int64_t	at;		/* UTC second the new offset starts */
	int	from;		/* offset before, seconds east of UTC */
	int	to;		/* offset after */
};

/* How a yearly change day is described in an RRULE. */
enum ics_zone_rule {
	ICS_ZONE_LAST,		/* last <weekday> of the month: BYDAY=-1SU */
	ICS_ZONE_NTH,		/* n-th <weekday>: BYDAY=2SU */
	ICS_ZONE_FIXED,		/* the same date: BYMONTHDAY=22 */
	ICS_ZONE_AFTER,		/* first <weekday> on or after a day:
				   BYDAY=SU;BYMONTHDAY=2,3,4,5,6,7,8 */
	ICS_ZONE_NONE		/* one offset: no RRULE at all */
};

struct ics_zone_shape {
	enum ics_zone_rule rule;
	int	month;		/* 1..12 */
	int	mday;		/* for FIXED; first day for AFTER */
	int	wday;		/* 0 = Sunday */
	int	nth;		/* for NTH, 1..4 */
	int	secs;		/* local time of day, in the old offset */
	int	from;
	int	to;
};

icaltimezone *
ics_zone_builtin(const char *zone)
{
	if (zone == NULL || *zone == '\0')
		return NULL;
	if (strcmp(zone, "UTC") == 0 || strcmp(zone, "Etc/UTC") == 0)
		return icaltimezone_get_utc_timezone();
	return icaltimezone_get_builtin_timezone(zone);
}

/* Days since 1970-01-01 of a civil date (proleptic Gregorian). */
static int64_t
ics_zone_days(int y, int m, int d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static int
ics_zone_month_days(int y, int m)
{
	return (int)(ics_zone_days(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1,
	    1) - ics_zone_days(y, m, 1));
}

static int
ics_zone_offset_at(icaltimezone *z, int64_t t)
{
	struct icaltimetype tt;
	int dst = 0;

	tt = icaltime_from_timet_with_zone((time_t)t, 0,
	    icaltimezone_get_utc_timezone());
	return icaltimezone_get_utc_offset_of_utc_time(z, &tt, &dst);
}

/* The offset changes of z in year, at most max; -1 if there are more. */
static int
ics_zone_changes(icaltimezone *z, int year, struct ics_zone_change *out,
    int max)
{
	int64_t t = ics_zone_days(year, 1, 1) * 86400;
	int64_t stop = ics_zone_days(year + 1, 1, 1) * 86400, lo, hi, mid;
	int n = 0, off = ics_zone_offset_at(z, t), next;

	for (; t < stop; t += 86400) {
		next = ics_zone_offset_at(z, t + 86400);
		if (next == off)
			continue;
		lo = t;
		hi = t + 86400;
		while (hi - lo > 1) {
			mid = lo + (hi - lo) / 2;
			if (ics_zone_offset_at(z, mid) == off)
				lo = mid;
			else
				hi = mid;
		}
		if (hi < stop) {
			if (n == max)
				return -1;
			out[n].at = hi;
			out[n].from = off;
			out[n].to = next;
			n++;
		}
		off = next;
	}
	return n;
}

/* The shape of change c: month, weekday, local time, and the rule kind. */
static void
ics_zone_shape_of(const struct ics_zone_change *c, struct ics_zone_shape *s)
{
	time_t local = (time_t)(c->at + c->from);
	struct tm tm;

	gmtime_r(&local, &tm);
	s->month = tm.tm_mon + 1;
	s->mday = tm.tm_mday;
	s->wday = tm.tm_wday;
	s->secs = tm.tm_hour * 3600 + tm.tm_min * 60 + tm.tm_sec;
	s->nth = (tm.tm_mday - 1) / 7 + 1;
	s->from = c->from;
	s->to = c->to;
	s->rule = tm.tm_mday + 7 > ics_zone_month_days(tm.tm_year + 1900,
	    s->month) ? ICS_ZONE_LAST : s->nth <= 4 ? ICS_ZONE_NTH :
	    ICS_ZONE_FIXED;
}

/* True if change c (in year) follows rule kind of shape s. */
static bool
ics_zone_shape_fits(const struct ics_zone_shape *s, enum ics_zone_rule rule,
    const struct ics_zone_change *c, int year)
{
	struct ics_zone_shape o;

	ics_zone_shape_of(c, &o);
	if (o.month != s->month || o.secs != s->secs || o.from != s->from ||
	    o.to != s->to)
		return false;
	switch (rule) {
	case ICS_ZONE_LAST:
		return o.wday == s->wday && o.mday + 7 >
		    ics_zone_month_days(year, o.month);
	case ICS_ZONE_NTH:
		return o.wday == s->wday && o.nth == s->nth;
	case ICS_ZONE_FIXED:
		return o.mday == s->mday;
	case ICS_ZONE_AFTER:
		return o.wday == s->wday && o.mday >= s->mday &&
		    o.mday <= s->mday + 6;
	case ICS_ZONE_NONE:
		break;
	}
	return false;
}

/* The day of month in 1970 on which shape s first applies. */
static int
ics_zone_1970_mday(const struct ics_zone_shape *s)
{
	int wday1 = (int)((ics_zone_days(1970, s->month, 1) + 4) % 7);
	int dim = ics_zone_month_days(1970, s->month), first, wlast;

	switch (s->rule) {
	case ICS_ZONE_LAST:
		wlast = (wday1 + dim - 1) % 7;
		return dim - (wlast - s->wday + 7) % 7;
	case ICS_ZONE_NTH:
		first = 1 + (s->wday - wday1 + 7) % 7;
		return first + 7 * (s->nth - 1);
	case ICS_ZONE_AFTER:
		first = s->mday + (s->wday - (wday1 + s->mday - 1) % 7 + 7) % 7;
		return first;
	case ICS_ZONE_FIXED:
	case ICS_ZONE_NONE:
		break;
	}
	return s->mday;
}

/* TZNAME of the latest rule in libical's zone that ends in offset. */
static const char *
ics_zone_tzname(icaltimezone *z, int offset)
{
	icalcomponent *vtz = icaltimezone_get_component(z), *sub;
	icalproperty *p;
	const char *name = NULL;

	if (vtz == NULL)
		return offset == 0 ? "UTC" : NULL;
	for (sub = icalcomponent_get_first_component(vtz, ICAL_ANY_COMPONENT);
	    sub != NULL;
	    sub = icalcomponent_get_next_component(vtz, ICAL_ANY_COMPONENT)) {
		p = icalcomponent_get_first_property(sub,
		    ICAL_TZOFFSETTO_PROPERTY);
		if (p == NULL || icalproperty_get_tzoffsetto(p) != offset)
			continue;
		p = icalcomponent_get_first_property(sub, ICAL_TZNAME_PROPERTY);
		if (p != NULL)
			name = icalproperty_get_tzname(p);
	}
	return name;
}

static icalcomponent *
ics_zone_sub(icaltimezone *z, bool is_daylight, const struct ics_zone_shape *s)
{
	icalcomponent *sub = icalcomponent_new(is_daylight ?
	    ICAL_XDAYLIGHT_COMPONENT : ICAL_XSTANDARD_COMPONENT);
	struct icaltimetype start = icaltime_null_time();
	struct icalrecurrencetype rr;
	const char *abbrev = ics_zone_tzname(z, s->to);
	static const char *const days[] = { "SU", "MO", "TU", "WE", "TH",
	    "FR", "SA" };
	char rule[160];

	if (abbrev != NULL)
		icalcomponent_add_property(sub, icalproperty_new_tzname(abbrev));
	icalcomponent_add_property(sub, icalproperty_new_tzoffsetfrom(s->from));
	icalcomponent_add_property(sub, icalproperty_new_tzoffsetto(s->to));
	start.year = 1970;
	start.month = s->month;
	start.day = ics_zone_1970_mday(s);
	start.hour = s->secs / 3600;
	start.minute = s->secs / 60 % 60;
	start.second = s->secs % 60;
	start.is_date = 0;
	icalcomponent_add_property(sub, icalproperty_new_dtstart(start));
	switch (s->rule) {
	case ICS_ZONE_LAST:
		snprintf(rule, sizeof rule, "FREQ=YEARLY;BYMONTH=%d;BYDAY=-1%s",
		    s->month, days[s->wday]);
		break;
	case ICS_ZONE_NTH:
		snprintf(rule, sizeof rule, "FREQ=YEARLY;BYMONTH=%d;BYDAY=%d%s",
		    s->month, s->nth, days[s->wday]);
		break;
	case ICS_ZONE_FIXED:
		snprintf(rule, sizeof rule, "FREQ=YEARLY;BYMONTH=%d;"
		    "BYMONTHDAY=%d", s->month, s->mday);
		break;
	case ICS_ZONE_AFTER:
		snprintf(rule, sizeof rule, "FREQ=YEARLY;BYMONTH=%d;BYDAY=%s;"
		    "BYMONTHDAY=%d,%d,%d,%d,%d,%d,%d", s->month, days[s->wday],
		    s->mday, s->mday + 1, s->mday + 2, s->mday + 3, s->mday + 4,
		    s->mday + 5, s->mday + 6);
		break;
	case ICS_ZONE_NONE:
		return sub;
	}
	rr = icalrecurrencetype_from_string(rule);
	icalcomponent_add_property(sub, icalproperty_new_rrule(rr));
	return sub;
}

/* A single STANDARD: the zone keeps one offset in every year measured. */
static icalcomponent *
ics_zone_fixed(icaltimezone *z, int offset)
{
	struct ics_zone_shape s;

	memset(&s, 0, sizeof s);
	s.rule = ICS_ZONE_NONE;
	s.month = 1;
	s.mday = 1;
	s.from = s.to = offset;
	return ics_zone_sub(z, false, &s);
}

/*
 * Try the compact form: every year exactly two changes, the same two
 * each year, each on a day one RRULE describes. Returns the DAYLIGHT and
 * STANDARD pair, or NULL if the zone does not fit.
 */
static bool
ics_zone_compact(icaltimezone *z, int from_year, icalcomponent *vtz)
{
	struct ics_zone_change changes[ICS_ZONE_YEARS][ICS_ZONE_MAX_CHANGES];
	struct ics_zone_shape shape[2];
	static const enum ics_zone_rule order[] = { ICS_ZONE_LAST,
	    ICS_ZONE_NTH, ICS_ZONE_FIXED, ICS_ZONE_AFTER };
	int counts[ICS_ZONE_YEARS], y, k, r, offset, latest;
	bool fits, any = false;

	offset = ics_zone_offset_at(z, ics_zone_days(from_year, 1, 1) * 86400);
	for (y = 0; y < ICS_ZONE_YEARS; y++) {
		counts[y] = ics_zone_changes(z, from_year + y, changes[y],
		    ICS_ZONE_MAX_CHANGES);
		if (counts[y] != 0)
			any = true;
	}
	if (!any) {
		icalcomponent_add_component(vtz, ics_zone_fixed(z, offset));
		return true;
	}
	for (y = 0; y < ICS_ZONE_YEARS; y++)
		if (counts[y] != 2)
			return false;
	for (k = 0; k < 2; k++) {
		ics_zone_shape_of(&changes[0][k], &shape[k]);
		fits = false;
		for (r = 0; r < 4 && !fits; r++) {
			if (order[r] == ICS_ZONE_LAST &&
			    shape[k].rule != ICS_ZONE_LAST)
				continue;
			if (order[r] == ICS_ZONE_NTH && shape[k].nth > 4)
				continue;
			if (order[r] == ICS_ZONE_AFTER) {
				/* The latest day seen, less six, starts it. */
				for (latest = 1, y = 0; y < ICS_ZONE_YEARS; y++) {
					struct ics_zone_shape o;

					ics_zone_shape_of(&changes[y][k], &o);
					if (o.mday > latest)
						latest = o.mday;
				}
				shape[k].mday = latest > 6 ? latest - 6 : 1;
			}
			fits = true;
			for (y = 0; y < ICS_ZONE_YEARS && fits; y++)
				fits = ics_zone_shape_fits(&shape[k], order[r],
				    &changes[y][k], from_year + y);
			if (fits)
				shape[k].rule = order[r];
		}
		if (!fits)
			return false;
	}
	if (shape[0].from != shape[1].to || shape[0].to != shape[1].from ||
	    shape[0].to == shape[0].from)
		return false;
	/* The change to the larger offset is daylight saving time. */
	k = shape[0].to > shape[1].to ? 0 : 1;
	icalcomponent_add_component(vtz, ics_zone_sub(z, true, &shape[k]));
	icalcomponent_add_component(vtz, ics_zone_sub(z, false,
	    &shape[1 - k]));
	return true;
}

/* libical's own rules from from_year on, renamed to the plain TZID. */
static void
ics_zone_libical(icaltimezone *z, int from_year, icalcomponent *vtz)
{
	icalcomponent *own = icaltimezone_get_component(z), *copy, *sub;
	struct icaltimetype start = icaltime_null_time();

	if (own == NULL) {
		icalcomponent_add_component(vtz, ics_zone_fixed(z, 0));
		return;
	}
	copy = icalcomponent_new_clone(own);
	start.year = from_year;
	start.month = 1;
	start.day = 1;
	start = icaltime_set_timezone(&start, icaltimezone_get_utc_timezone());
	icaltimezone_truncate_vtimezone(copy, start, icaltime_null_time(), 1);
	while ((sub = icalcomponent_get_first_component(copy,
	    ICAL_ANY_COMPONENT)) != NULL) {
		icalcomponent_remove_component(copy, sub);
		icalcomponent_add_component(vtz, sub);
	}
	icalcomponent_free(copy);
}

icalcomponent *
ics_zone_component(const char *zone, int from_year, struct err *err)
{
	icaltimezone *z = ics_zone_builtin(zone);
	icalcomponent *vtz;

	if (z == NULL) {
		err_set(err, ERR_INVALID,
		    _("time zone '%s' is unknown to libical"),
		    zone != NULL ? zone : "");
		return NULL;
	}
	vtz = icalcomponent_new(ICAL_VTIMEZONE_COMPONENT);
	icalcomponent_add_property(vtz, icalproperty_new_tzid(zone));
	if (z == icaltimezone_get_utc_timezone())
		icalcomponent_add_component(vtz, ics_zone_fixed(z, 0));
	else if (!ics_zone_compact(z, from_year, vtz))
		ics_zone_libical(z, from_year, vtz);
	return vtz;
}

char *
ics_zone_vtimezone(const char *zone, int from_year, struct err *err)
{
	icalcomponent *vtz;
	char *text, *copy;

	if (ics_lib_load(err) < 0 ||
	    (vtz = ics_zone_component(zone, from_year, err)) == NULL)
		return NULL;
	text = icalcomponent_as_ical_string_r(vtz);
	icalcomponent_free(vtz);
	copy = xstrdup(text);		/* ours to free with free() */
	icalmemory_free_buffer(text);
	return copy;
}

int
ics_zone_offsets(const char *vtimezone, const int64_t *t, int *out,
    size_t n, struct err *err)
{
	icalcomponent *vtz;
	icaltimezone *z;
	size_t i;

	if (ics_lib_load(err) < 0)
		return -1;
	vtz = icalparser_parse_string(vtimezone);
	if (vtz == NULL || icalcomponent_isa(vtz) != ICAL_VTIMEZONE_COMPONENT) {
		if (vtz != NULL)
			icalcomponent_free(vtz);
		return err_set(err, ERR_INVALID, _("not a VTIMEZONE"));
	}
	z = icaltimezone_new();
	icaltimezone_set_component(z, vtz);
	for (i = 0; i < n; i++)
		out[i] = ics_zone_offset_at(z, t[i]);
	icaltimezone_free(z, 1);
	return 0;
}
