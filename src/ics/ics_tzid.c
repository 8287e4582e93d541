/* SPDX-License-Identifier: ISC */
/*
 * The zone a TZID names when the calendar does not define it: an IANA
 * name, also behind the prefixes libical and Evolution put before it
 * (/freeassociation.sourceforge.net/Tzfile/Europe/Vienna,
 * /softwarestudio.org/Tzfile/America/Chicago); a Windows name ("W. Europe
 * Standard Time") through ICU's own copy of the CLDR Windows-zone table;
 * or Outlook's display name ("(UTC+01:00) Amsterdam, Berlin, Bern, Rome,
 * Stockholm, Vienna"), whose cities ICU's zone list knows, or without
 * cities ("(UTC-05:00) Eastern Time (US & Canada)"), its Windows name.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "ics_int.h"

/* The IANA zone ICU gives for a Windows zone name, into out. */
static bool
ics_tzid_windows(const char *tzid, char *out, size_t size)
{
	UChar win[128], id[128];
	UErrorCode status = U_ZERO_ERROR;
	int32_t n;

	u_strFromUTF8(win, (int32_t)(sizeof win / sizeof win[0]), &n, tzid,
	    -1, &status);
	if (U_FAILURE(status))
		return false;
	n = ucal_getTimeZoneIDForWindowsID(win, n, NULL, id,
	    (int32_t)(sizeof id / sizeof id[0]), &status);
	if (U_FAILURE(status) || n <= 0)
		return false;
	u_strToUTF8(out, (int32_t)size, NULL, id, n, &status);
	return U_SUCCESS(status) && out[0] != '\0';
}

/*
 * The zone of the first city of an Outlook display name that is the last
 * part of a zone ICU knows ("Amsterdam" -> Europe/Amsterdam).
 */
static icaltimezone *
ics_tzid_display(const char *tzid)
{
	UErrorCode status = U_ZERO_ERROR;
	UEnumeration *zones;
	icaltimezone *z = NULL;
	const char *p = strchr(tzid, ')'), *id, *slash;
	char city[64];
	size_t n;
	int32_t len;

	if (tzid[0] != '(' || p == NULL)
		return NULL;
	for (p++; z == NULL && *p != '\0'; p += *p == ',') {
		while (*p == ' ')
			p++;
		for (n = 0; *p != '\0' && *p != ',' && n + 1 < sizeof city;
		    p++)
			city[n++] = *p == ' ' ? '_' : *p;
		while (n > 0 && city[n - 1] == '_')
			n--;
		city[n] = '\0';
		if (n == 0)
			continue;
		status = U_ZERO_ERROR;
		zones = ucal_openTimeZones(&status);
		if (U_FAILURE(status))
			return NULL;
		while ((id = uenum_next(zones, &len, &status)) != NULL &&
		    U_SUCCESS(status)) {
			slash = strrchr(id, '/');
			if (slash != NULL && strcmp(slash + 1, city) == 0 &&
			    (z = ics_zone_builtin(id)) != NULL)
				break;
		}
		uenum_close(zones);
	}
	return z;
}

/*
 * Outlook's display names without cities ("(UTC-05:00) Eastern Time (US
 * & Canada)") are their Windows name with "Standard Time" for "Time".
 */
static icaltimezone *
ics_tzid_display_windows(const char *tzid)
{
	const char *p = strchr(tzid, ')'), *end;
	char name[128], iana[128];
	size_t n;

	if (tzid[0] != '(' || p == NULL)
		return NULL;
	for (p++; *p == ' '; p++)
		;
	if ((end = strstr(p, " (")) == NULL)
		end = p + strlen(p);
	n = (size_t)(end - p);
	if (n < 5 || strncmp(end - 5, " Time", 5) != 0 ||
	    n + sizeof " Standard" >= sizeof name)
		return NULL;
	snprintf(name, sizeof name, "%.*s Standard Time", (int)(n - 5), p);
	if (!ics_tzid_windows(name, iana, sizeof iana))
		return NULL;
	return ics_zone_builtin(iana);
}

icaltimezone *
ics_tzid_zone(const char *tzid)
{
	icaltimezone *z;
	const char *p;
	char iana[128];

	if (tzid == NULL || *tzid == '\0')
		return NULL;
	if ((z = ics_zone_builtin(tzid)) != NULL)
		return z;
	/* "/vendor/Tzfile/Area/City": try what follows each slash. */
	if (tzid[0] == '/')
		for (p = tzid; (p = strchr(p, '/')) != NULL; )
			if ((z = ics_zone_builtin(++p)) != NULL)
				return z;
	if (ics_tzid_windows(tzid, iana, sizeof iana) &&
	    (z = ics_zone_builtin(iana)) != NULL)
		return z;
	if ((z = ics_tzid_display(tzid)) != NULL)
		return z;
	return ics_tzid_display_windows(tzid);
}
