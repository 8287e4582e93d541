/* SPDX-License-Identifier: ISC */
/*
 * Repeat rules: an RRULE expanded with libical's recurrence iterator in
 * the plan's zone, so occurrences keep their local time of day across
 * daylight-saving changes. Only plain UTC instants leave this file.
 */
#include "rooster/ics.h"

#include <stdlib.h>
#include <string.h>

#include <libical/ical.h>

static icaltimezone *
ics_recur_zone(const char *zone)
{
	if (zone == NULL || strcmp(zone, "UTC") == 0 ||
	    strcmp(zone, "Etc/UTC") == 0)
		return icaltimezone_get_utc_timezone();
	return icaltimezone_get_builtin_timezone(zone);
}

static int
ics_recur_parse(const char *rrule, struct icalrecurrencetype *out,
    struct err *err)
{
	if (rrule == NULL || *rrule == '\0')
		return err_set(err, ERR_INVALID, "empty repeat rule");
	icalerror_clear_errno();
	*out = icalrecurrencetype_from_string(rrule);
	if (out->freq == ICAL_NO_RECURRENCE || icalerrno != ICAL_NO_ERROR) {
		icalerror_clear_errno();
		return err_set(err, ERR_INVALID, "cannot read repeat rule "
		    "'%s' (e.g. FREQ=WEEKLY;COUNT=4 or "
		    "FREQ=WEEKLY;UNTIL=20270630T000000Z)", rrule);
	}
	return 0;
}

bool
ics_recur_is_bounded(const char *rrule)
{
	struct icalrecurrencetype r;

	if (ics_recur_parse(rrule, &r, NULL) < 0)
		return false;
	return r.count > 0 || !icaltime_is_null_time(r.until);
}

int
ics_recur_expand(const char *rrule, int64_t dtstart, const char *zone,
    int64_t until, size_t max, int64_t **out, size_t *count,
    struct err *err)
{
	struct icalrecurrencetype r;
	struct icaltimetype start, next;
	icalrecur_iterator *it;
	icaltimezone *tz;
	int64_t t, *v = NULL;
	size_t n = 0, cap = 0;

	*out = NULL;
	*count = 0;
	if (ics_recur_parse(rrule, &r, err) < 0)
		return -1;
	if ((tz = ics_recur_zone(zone)) == NULL)
		return err_set(err, ERR_INVALID, "libical does not know the "
		    "time zone '%s'", zone);
	start = icaltime_from_timet_with_zone((time_t)dtstart, 0, tz);
	if ((it = icalrecur_iterator_new(r, start)) == NULL) {
		icalerror_clear_errno();
		return err_set(err, ERR_INVALID, "cannot expand repeat rule "
		    "'%s' from its start", rrule);
	}
	/*
	 * RFC 5545 (3.8.5.3): DTSTART always counts as the first occurrence,
	 * also when the rule would not give it; COUNT includes it.
	 */
	if (r.count > 0 && (size_t)r.count < max)
		max = (size_t)r.count;
	v = xreallocarray(NULL, cap = 16, sizeof *v);
	v[n++] = dtstart;
	while (n < max) {
		next = icalrecur_iterator_next(it);
		if (icaltime_is_null_time(next))
			break;
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
	*out = v;
	*count = n;
	return 0;
}
