/* SPDX-License-Identifier: ISC */
/*
 * Repeat rules: an RRULE expanded with libical's recurrence iterator in
 * the plan's zone, so occurrences keep their local time of day across
 * daylight-saving changes. Only plain UTC instants leave this file.
 */
#include "rooster/ics.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ics_lib.h"

/*
 * libical's iterator steps one unit of FREQ at a time until a date fits
 * the rule, up to its own last year (about 2582): a rule that fits no
 * date, such as BYMONTH=2;BYMONTHDAY=30, makes one call scan every second
 * (SECONDLY), hour or day to that year. So rules repeat daily at most and
 * keep the start's time of day (no BYHOUR, BYMINUTE, BYSECOND), and the
 * iterator is given an UNTIL no later than the last year rooster takes,
 * and no more than 50 years after the start (20 for a monthly rule, whose
 * months libical fills slowly; no limit for a yearly one): one call then
 * scans at most some 18,000 days or 240 months. Around that, the number
 * of calls and the time they take are bounded too.
 */
#define ICS_RECUR_LAST_YEAR 2200
#define ICS_RECUR_YEARS(freq) ((freq) == ICAL_MONTHLY_RECURRENCE ? 20 : 50)
#define ICS_RECUR_BUDGET_MS 800
#define ICS_RECUR_CALLS(max) ((max) * 4 + 4096)

static icaltimezone *
ics_recur_zone(const char *zone)
{
	if (zone == NULL || strcmp(zone, "UTC") == 0 ||
	    strcmp(zone, "Etc/UTC") == 0)
		return icaltimezone_get_utc_timezone();
	return icaltimezone_get_builtin_timezone(zone);
}

static bool
ics_recur_has(const short *by)
{
	return by[0] != ICAL_RECURRENCE_ARRAY_MAX;
}

/*
 * True if some month the rule allows has some day of the month it asks
 * for: BYMONTH=2;BYMONTHDAY=30 has none, and libical would look for one
 * month by month to its last year.
 */
static bool
ics_recur_month_day_fits(const struct icalrecurrencetype *r)
{
	static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	int i, j, m, d;

	if (!ics_recur_has(r->by_month_day))
		return true;
	for (i = 0; i < 12; i++) {
		if (ics_recur_has(r->by_month)) {
			for (j = 0; j < ICAL_BY_MONTH_SIZE &&
			    r->by_month[j] != ICAL_RECURRENCE_ARRAY_MAX &&
			    r->by_month[j] != i + 1; j++)
				;
			if (j == ICAL_BY_MONTH_SIZE ||
			    r->by_month[j] != i + 1)
				continue;
		}
		for (m = 0; m < ICAL_BY_MONTHDAY_SIZE &&
		    (d = r->by_month_day[m]) != ICAL_RECURRENCE_ARRAY_MAX; m++)
			if (d != 0 && (d < 0 ? -d : d) <= days[i])
				return true;
	}
	return false;
}

static int
ics_recur_parse(const char *rrule, struct icalrecurrencetype *out,
    struct err *err)
{
	if (rrule == NULL || *rrule == '\0')
		return err_set(err, ERR_INVALID, _("empty repeat rule"));
	if (strlen(rrule) > 1000)
		return err_set(err, ERR_INVALID, _("repeat rule of %zu "
		    "characters; rooster reads up to 1000"), strlen(rrule));
	icalerror_clear_errno();
	*out = icalrecurrencetype_from_string(rrule);
	if (out->freq == ICAL_NO_RECURRENCE || icalerrno != ICAL_NO_ERROR) {
		icalerror_clear_errno();
		return err_set(err, ERR_INVALID, _("cannot read repeat rule "
		    "'%.200s' (e.g. FREQ=WEEKLY;COUNT=4 or "
		    "FREQ=WEEKLY;UNTIL=20270630T000000Z)"), rrule);
	}
	if (out->freq == ICAL_SECONDLY_RECURRENCE ||
	    out->freq == ICAL_MINUTELY_RECURRENCE ||
	    out->freq == ICAL_HOURLY_RECURRENCE)
		return err_set(err, ERR_INVALID, _("repeat rule '%.200s' "
		    "repeats within a day; events repeat daily at most "
		    "(FREQ=DAILY, WEEKLY, MONTHLY or YEARLY)"), rrule);
	if (ics_recur_has(out->by_hour) || ics_recur_has(out->by_minute) ||
	    ics_recur_has(out->by_second))
		return err_set(err, ERR_INVALID, _("repeat rule '%.200s' sets "
		    "hours, minutes or seconds; every occurrence keeps the "
		    "event's time of day (leave out BYHOUR, BYMINUTE and "
		    "BYSECOND)"), rrule);
	if (!ics_recur_month_day_fits(out))
		return err_set(err, ERR_INVALID, _("repeat rule '%.200s' asks "
		    "for a day its months do not have (BYMONTHDAY with "
		    "BYMONTH)"), rrule);
	return 0;
}

bool
ics_recur_is_within_day(const char *rrule)
{
	struct icalrecurrencetype r;

	if (rrule == NULL || strlen(rrule) > 1000 || ics_lib_load(NULL) < 0)
		return false;
	icalerror_clear_errno();
	r = icalrecurrencetype_from_string(rrule);
	if (r.freq == ICAL_NO_RECURRENCE || icalerrno != ICAL_NO_ERROR) {
		icalerror_clear_errno();
		return false;
	}
	/* A rule that can never give a date is hostile, not hourly. */
	if (!ics_recur_month_day_fits(&r))
		return false;
	return r.freq == ICAL_SECONDLY_RECURRENCE ||
	    r.freq == ICAL_MINUTELY_RECURRENCE ||
	    r.freq == ICAL_HOURLY_RECURRENCE || ics_recur_has(r.by_hour) ||
	    ics_recur_has(r.by_minute) || ics_recur_has(r.by_second);
}

int
ics_recur_check(const char *rrule, struct err *err)
{
	struct icalrecurrencetype r;

	if (ics_lib_load(err) < 0)
		return -1;
	return ics_recur_parse(rrule, &r, err);
}

bool
ics_recur_is_bounded(const char *rrule)
{
	struct icalrecurrencetype r;

	if (ics_lib_load(NULL) < 0 || ics_recur_parse(rrule, &r, NULL) < 0)
		return false;
	return r.count > 0 || !icaltime_is_null_time(r.until);
}

int
ics_recur_expand(const char *rrule, int64_t dtstart, const char *zone,
    int64_t until, size_t max, int64_t **out, size_t *count,
    struct err *err)
{
	struct icalrecurrencetype r;
	struct icaltimetype start, next, last;
	icalrecur_iterator *it;
	icaltimezone *tz, *utc;
	int64_t t, *v = NULL, deadline;
	size_t n = 0, cap = 0, calls = 0, want;
	bool own_until, exhausted = false;

	*out = NULL;
	*count = 0;
	if (ics_lib_load(err) < 0)
		return -1;
	utc = icaltimezone_get_utc_timezone();
	if (ics_recur_parse(rrule, &r, err) < 0)
		return -1;
	if ((tz = ics_recur_zone(zone)) == NULL)
		return err_set(err, ERR_INVALID, _("libical does not know the "
		    "time zone '%s'"), zone);
	/*
	 * RFC 5545 (3.8.5.3): DTSTART always counts as the first occurrence,
	 * also when the rule would not give it; COUNT includes it. COUNT is
	 * applied here, so that the iterator can be given an UNTIL.
	 */
	want = r.count > 0 && (size_t)r.count < max ? (size_t)r.count : max;
	start = icaltime_from_timet_with_zone((time_t)dtstart, 0, tz);
	last = icaltime_null_time();
	last.year = ICS_RECUR_LAST_YEAR;
	if (r.freq != ICAL_YEARLY_RECURRENCE &&
	    start.year + ICS_RECUR_YEARS(r.freq) < last.year)
		last.year = start.year + ICS_RECUR_YEARS(r.freq);
	last.month = 12;
	last.day = 31;
	last.hour = 23;
	last.minute = 59;
	last.second = 59;
	last = icaltime_set_timezone(&last, utc);
	own_until = !icaltime_is_null_time(r.until) &&
	    icaltime_compare(r.until, last) < 0;
	if (!own_until)
		r.until = last;
	r.count = 0;
	if ((it = icalrecur_iterator_new(r, start)) == NULL) {
		icalerror_clear_errno();
		return err_set(err, ERR_INVALID, _("cannot expand repeat rule "
		    "'%.200s' from its start"), rrule);
	}
	v = xreallocarray(NULL, cap = 16, sizeof *v);
	v[n++] = dtstart;
	deadline = rtime_clock_ms() + ICS_RECUR_BUDGET_MS;
	while (n < want) {
		if (++calls > ICS_RECUR_CALLS(max) ||
		    rtime_clock_ms() > deadline) {
			icalrecur_iterator_free(it);
			free(v);
			return err_set(err, ERR_INVALID, _("repeat rule "
			    "'%.200s' takes too long to expand; give a "
			    "simpler rule"), rrule);
		}
		next = icalrecur_iterator_next(it);
		if (icaltime_is_null_time(next)) {
			exhausted = true;
			break;
		}
		t = (int64_t)icaltime_as_timet_with_zone(next, tz);
		if (until != 0 && t >= until)
			break;
		if (t <= v[n - 1])
			continue;	/* dtstart itself, or a skipped hour */
		if (n == cap)
			v = xreallocarray(v, cap *= 2, sizeof *v);
		v[n++] = t;
	}
	icalrecur_iterator_free(it);
	icalerror_clear_errno();
	/* A rule that gives no date at all is a mistake, not a series. */
	if (n == 1 && want > 1 && exhausted && !own_until) {
		free(v);
		return err_set(err, ERR_INVALID, _("repeat rule '%.200s' gives "
		    "no date after the first one up to %d; check its BY "
		    "parts"), rrule, last.year);
	}
	if (n < want && exhausted && !own_until && want != max) {
		free(v);
		return err_set(err, ERR_INVALID, _("repeat rule '%.200s' gives "
		    "only %zu dates up to %d; give a smaller COUNT"), rrule, n,
		    last.year);
	}
	*out = v;
	*count = n;
	return 0;
}
