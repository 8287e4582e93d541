/* SPDX-License-Identifier: ISC */
/* Internals shared by the ics files; libical through ics_lib.h. */
#ifndef ROOSTER_ICS_INT_H
#define ROOSTER_ICS_INT_H

#include "ics_lib.h"

#include "rooster/ics.h"

/*
 * The VTIMEZONE component for zone (see ics_zone_vtimezone); the caller
 * owns it. NULL with ERR_INVALID for an unknown zone.
 */
icalcomponent *ics_zone_component(const char *zone, int from_year,
    struct err *err);
/*
 * libical's built-in zone for an IANA name (global, never freed), the
 * UTC zone for "UTC"; NULL if unknown.
 */
icaltimezone *ics_zone_builtin(const char *zone);
/*
 * Hand the VFREEBUSY c (its BEGIN on line, in a calendar of method) to
 * fn as one item with item->freebusy set; floating times are taken in
 * zone. Returns what fn returns.
 */
int ics_freebusy_read(icalcomponent *c, long line, enum ics_method method,
    icaltimezone *zone, ics_read_fn *fn, void *arg, struct err *err);

/* ics_tzid.c */

/*
 * The zone a TZID names without the calendar's VTIMEZONE: an IANA name
 * (also behind a /vendor/.../ prefix), a Windows zone name or an Outlook
 * display name; libical's built-in zone, never freed. NULL if none.
 */
icaltimezone *ics_tzid_zone(const char *tzid);

/* ics_plain.c */

/* What a plain VEVENT says (see ics_plain.c); the strings are in buf. */
struct ics_plain {
	const char	*uid;		/* unescaped; never NULL once read */
	const char	*summary;	/* NULL when absent */
	const char	*location;
	const char	*description;
	struct icaltimetype stamp;	/* null time when absent */
	struct icaltimetype start;	/* floating, UTC or a date */
	struct icaltimetype end;	/* null time when absent */
	const char	*start_tzid;	/* bare TZID parameter, or NULL */
	const char	*end_tzid;
	int		 sequence;	/* -1 when absent */
	icalproperty_status status;	/* ICAL_STATUS_NONE when absent */
	char		*buf;		/* owned; reused from event to event */
	size_t		 cap;
};

/*
 * True if the content line may be part of a plain VEVENT: its BEGIN
 * (first), its END (last), else one of the properties it may hold.
 */
bool ics_plain_line(const char *line, bool first, bool last);
/*
 * Read the n content lines at lines (each NUL-terminated, one after
 * another, BEGIN:VEVENT first and END:VEVENT last) into p. False if the
 * event is not plain: libical's parser must read it.
 */
bool ics_plain_read(struct ics_plain *p, const char *lines, size_t n);
void ics_plain_fini(struct ics_plain *p);

#endif /* ROOSTER_ICS_INT_H */
