/* SPDX-License-Identifier: ISC */
/*
 * ics: iCalendar export, invites and import through libical. libical
 * types never leave src/ics/.
 */
#ifndef ROOSTER_ICS_H
#define ROOSTER_ICS_H

#include <stddef.h>
#include <stdint.h>

#include "rooster/model.h"
#include "rooster/util.h"

/* ics_recur.c: repeat rules, expanded by libical's recurrence iterator. */

/*
 * Expand the RFC 5545 RRULE value rrule for a series whose first start is
 * dtstart (UTC seconds), in the IANA zone (so a weekly 19:00 stays 19:00
 * local across daylight-saving changes). Writes the starts in [dtstart,
 * until) in order, dtstart first, at most max, into a new array *out the
 * caller frees, and their number into *count. until 0 means no bound
 * (the rule must then end by COUNT or UNTIL, or max is reached).
 * Returns 0, or -1 with ERR_INVALID for a rule libical cannot read
 * (message names the rule) or an unknown zone.
 */
int ics_recur_expand(const char *rrule, int64_t dtstart, const char *zone,
    int64_t until, size_t max, int64_t **out, size_t *count,
    struct err *err);
/* True if rrule ends by itself (has COUNT or UNTIL). rrule must be valid. */
bool ics_recur_is_bounded(const char *rrule);

#endif /* ROOSTER_ICS_H */
