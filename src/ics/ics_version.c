/* SPDX-License-Identifier: ISC */
/* Placeholder so that the ics layer's archive exists until iCalendar lands. */
#include "rooster/ics.h"

#include <libical/ical.h>

const char *ics_libical_version(void);

const char *
ics_libical_version(void)
{
	return ICAL_VERSION;
}
