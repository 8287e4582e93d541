/* SPDX-License-Identifier: ISC */
/*
 * Reading a VFREEBUSY (RFC 5545 3.6.4): whose it is (ORGANIZER and
 * ATTENDEEs), the range it covers (DTSTART, DTEND) and its busy periods,
 * handed to the reader's callback as one item. libical has already split
 * a FREEBUSY line of several periods into one property per period, each
 * with the line's FBTYPE.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ics_int.h"

/* An address without its mailto: (any case); NULL for none or "". */
static const char *
ics_freebusy_address(const char *uri)
{
	if (uri == NULL)
		return NULL;
	if (strncasecmp(uri, "mailto:", 7) == 0)
		uri += 7;
	return *uri != '\0' ? uri : NULL;
}

/* t as UTC seconds: UTC, with its zone, or floating in zone. */
static bool
ics_freebusy_time(struct icaltimetype t, icaltimezone *zone, int64_t *out)
{
	if (icaltime_is_null_time(t) || !icaltime_is_valid_time(t))
		return false;
	if (icaltime_is_utc(t))
		*out = (int64_t)icaltime_as_timet(t);
	else
		*out = (int64_t)icaltime_as_timet_with_zone(t, t.zone != NULL ?
		    (icaltimezone *)t.zone : zone);
	return true;
}

/*
 * The kind of a FREEBUSY's periods: -1 free, 0 busy, 1 tentative, 2 not
 * available.
 */
static int
ics_freebusy_type(icalproperty *p)
{
	icalparameter *fb = icalproperty_get_first_parameter(p,
	    ICAL_FBTYPE_PARAMETER);

	if (fb == NULL)
		return 0;	/* BUSY is the default */
	switch (icalparameter_get_fbtype(fb)) {
	case ICAL_FBTYPE_FREE:
		return -1;
	case ICAL_FBTYPE_BUSYTENTATIVE:
		return 1;
	case ICAL_FBTYPE_BUSYUNAVAILABLE:
		return 2;
	default:
		/* BUSY, and what rooster does not know: busy (3.2.9). */
		return 0;
	}
}

int
ics_freebusy_read(icalcomponent *c, long line, enum ics_method method,
    icaltimezone *zone, ics_read_fn *fn, void *arg, struct err *err)
{
	struct ics_read_freebusy fb;
	struct ics_read_item item;
	struct icalperiodtype period;
	struct span *busy = NULL, s;
	const char **attendees = NULL, *addr;
	int *types = NULL, type;
	icalproperty *p;
	int64_t start, end;
	int rc;

	memset(&fb, 0, sizeof fb);
	p = icalcomponent_get_first_property(c, ICAL_ORGANIZER_PROPERTY);
	fb.organizer = p != NULL ? ics_freebusy_address(
	    icalproperty_get_organizer(p)) : NULL;
	for (p = icalcomponent_get_first_property(c, ICAL_ATTENDEE_PROPERTY);
	    p != NULL;
	    p = icalcomponent_get_next_property(c, ICAL_ATTENDEE_PROPERTY)) {
		if ((addr = ics_freebusy_address(icalproperty_get_attendee(
		    p))) == NULL)
			continue;
		attendees = xreallocarray(attendees, fb.nattendees + 1,
		    sizeof *attendees);
		attendees[fb.nattendees++] = addr;
	}
	for (p = icalcomponent_get_first_property(c, ICAL_FREEBUSY_PROPERTY);
	    p != NULL;
	    p = icalcomponent_get_next_property(c, ICAL_FREEBUSY_PROPERTY)) {
		period = icalproperty_get_freebusy(p);
		if (!ics_freebusy_time(period.start, zone, &s.start))
			continue;
		if (icaltime_is_null_time(period.end))
			s.end = s.start + icaldurationtype_as_int(
			    period.duration);
		else if (!ics_freebusy_time(period.end, zone, &s.end))
			continue;
		if (s.end <= s.start)
			continue;
		if ((type = ics_freebusy_type(p)) < 0) {
			fb.nfree++;
			continue;
		}
		busy = xreallocarray(busy, fb.nbusy + 1, sizeof *busy);
		types = xreallocarray(types, fb.nbusy + 1, sizeof *types);
		busy[fb.nbusy] = s;
		types[fb.nbusy++] = type;
		if (fb.nbusy == 1 || s.start < fb.start)
			fb.start = s.start;
		if (fb.nbusy == 1 || s.end > fb.end)
			fb.end = s.end;
	}
	if ((p = icalcomponent_get_first_property(c,
	    ICAL_DTSTART_PROPERTY)) != NULL &&
	    ics_freebusy_time(icalproperty_get_dtstart(p), zone, &start) &&
	    (p = icalcomponent_get_first_property(c,
	    ICAL_DTEND_PROPERTY)) != NULL &&
	    ics_freebusy_time(icalproperty_get_dtend(p), zone, &end) &&
	    end > start) {
		fb.start = start;
		fb.end = end;
		fb.ranged = true;
	}
	fb.attendees = attendees;
	fb.busy = busy;
	fb.busy_type = types;
	memset(&item, 0, sizeof item);
	item.line = line;
	item.method = method;
	item.partstat = -1;
	item.uid = item.summary = item.location = item.description = "";
	item.freebusy = &fb;
	rc = fn(arg, &item, err);
	free(attendees);
	free(busy);
	free(types);
	return rc;
}
