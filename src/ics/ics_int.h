/* SPDX-License-Identifier: ISC */
/* Internals shared by the ics files: the only header that includes libical. */
#ifndef ROOSTER_ICS_INT_H
#define ROOSTER_ICS_INT_H

#include <libical/ical.h>

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

#endif /* ROOSTER_ICS_INT_H */
