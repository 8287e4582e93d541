/* SPDX-License-Identifier: ISC */
/*
 * A plain VEVENT read without libical's parser: the shape rooster's own
 * export and most generated calendars write (UID, DTSTAMP, DTSTART,
 * DTEND, SUMMARY, LOCATION, DESCRIPTION, STATUS, SEQUENCE, each once,
 * upper case, no parameters but a bare TZID or VALUE=DATE, values in
 * their plainest form). libical's parser spends most of its time finding
 * each property's kind among all it knows and reading times by sscanf;
 * this reads the few it needs directly. Anything else, even one odd
 * escape, makes ics_plain_read() decline, and the block goes to libical
 * as before: test_reader_plain_is_libical compares both on every real
 * sample and on random input.
 */
#include "ics_int.h"

#include <stdlib.h>
#include <string.h>

#include "rooster/util.h"

enum ics_plain_kind {
	ICS_PLAIN_UID,
	ICS_PLAIN_DTSTAMP,
	ICS_PLAIN_DTSTART,
	ICS_PLAIN_DTEND,
	ICS_PLAIN_SUMMARY,
	ICS_PLAIN_LOCATION,
	ICS_PLAIN_DESCRIPTION,
	ICS_PLAIN_STATUS,
	ICS_PLAIN_SEQUENCE,
	ICS_PLAIN_KINDS
};

static const struct {
	const char	*name;
	size_t		 len;
} ics_plain_names[ICS_PLAIN_KINDS] = {
	{ "UID", 3 }, { "DTSTAMP", 7 }, { "DTSTART", 7 }, { "DTEND", 5 },
	{ "SUMMARY", 7 }, { "LOCATION", 8 }, { "DESCRIPTION", 11 },
	{ "STATUS", 6 }, { "SEQUENCE", 8 }
};

/* The kind of a content line by its name (and what follows it), or -1. */
static int
ics_plain_kind(const char *line)
{
	int k;

	switch (line[0]) {
	case 'U': k = ICS_PLAIN_UID; break;
	case 'L': k = ICS_PLAIN_LOCATION; break;
	case 'S':
		k = line[1] == 'U' ? ICS_PLAIN_SUMMARY : line[1] == 'T' ?
		    ICS_PLAIN_STATUS : ICS_PLAIN_SEQUENCE;
		break;
	case 'D':
		if (line[1] == 'E') {
			k = ICS_PLAIN_DESCRIPTION;
			break;
		}
		if (line[1] != 'T')
			return -1;
		k = line[2] == 'E' ? ICS_PLAIN_DTEND : line[3] == 'T' &&
		    line[4] == 'A' && line[5] == 'M' ? ICS_PLAIN_DTSTAMP :
		    ICS_PLAIN_DTSTART;
		break;
	default:
		return -1;
	}
	if (strncmp(line, ics_plain_names[k].name, ics_plain_names[k].len) !=
	    0)
		return -1;
	line += ics_plain_names[k].len;
	if (*line == ':')
		return k;
	/* Parameters: only on times, read by ics_plain_time(). */
	if (*line == ';' && (k == ICS_PLAIN_DTSTART || k == ICS_PLAIN_DTEND))
		return k;
	return -1;
}

bool
ics_plain_line(const char *line, bool first, bool last)
{
	if (first)
		return strcmp(line, "BEGIN:VEVENT") == 0;
	if (last)
		return strcmp(line, "END:VEVENT") == 0;
	return ics_plain_kind(line) >= 0;
}

/* n digits at s as a number, or -1 if any is not a digit. */
static int
ics_plain_digits(const char *s, int n)
{
	int v = 0;

	while (n-- > 0) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (*s++ - '0');
	}
	return v;
}

/*
 * A DATE (date true) or DATE-TIME value into *t, floating or UTC
 * (a final Z); false if it is not in the plainest form or names a day or
 * an hour no calendar has.
 */
static bool
ics_plain_when(const char *v, bool date, struct icaltimetype *t)
{
	size_t len = strlen(v);

	*t = icaltime_null_time();
	if (len != (date ? 8u : 15u) && (date || len != 16 || v[15] != 'Z'))
		return false;
	t->year = ics_plain_digits(v, 4);
	t->month = ics_plain_digits(v + 4, 2);
	t->day = ics_plain_digits(v + 6, 2);
	if (t->year < 1 || t->month < 1 || t->month > 12 || t->day < 1 ||
	    t->day > icaltime_days_in_month(t->month, t->year))
		return false;
	if (date) {
		t->is_date = 1;
		return true;
	}
	if (v[8] != 'T')
		return false;
	t->hour = ics_plain_digits(v + 9, 2);
	t->minute = ics_plain_digits(v + 11, 2);
	t->second = ics_plain_digits(v + 13, 2);
	if (t->hour < 0 || t->hour > 23 || t->minute < 0 || t->minute > 59 ||
	    t->second < 0 || t->second > 59)
		return false;
	if (len == 16)
		t->zone = icaltimezone_get_utc_timezone();
	return true;
}

/*
 * A DTSTART or DTEND line (after its name): ":value", ";VALUE=DATE:value"
 * or ";TZID=name:value" with a plain name; the TZID into *tzid (in buf,
 * which has room for it).
 */
static bool
ics_plain_time(const char *rest, struct icaltimetype *t, char *buf,
    const char **tzid)
{
	const char *colon;
	size_t n;

	*tzid = NULL;
	if (*rest == ':')
		return ics_plain_when(rest + 1, false, t);
	if (strncmp(rest, ";VALUE=DATE:", 12) == 0)
		return ics_plain_when(rest + 12, true, t);
	if (strncmp(rest, ";TZID=", 6) != 0)
		return false;
	rest += 6;
	if ((colon = strchr(rest, ':')) == NULL || colon == rest)
		return false;
	n = (size_t)(colon - rest);
	/* Letters, digits and the few marks IANA names use. */
	if (strspn(rest, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789/_+-") != n)
		return false;
	memcpy(buf, rest, n);
	buf[n] = '\0';
	*tzid = buf;
	/* A UTC time with a TZID: libical's reading is the one to keep. */
	return ics_plain_when(colon + 1, false, t) &&
	    !icaltime_is_utc(*t);
}

/*
 * A TEXT value unescaped into out (room for strlen(v) + 1), as libical
 * does; false for an empty value, one that starts or ends with a space, an
 * escape other than \\ \; \, \n \N, or a control character.
 */
static bool
ics_plain_text(const char *v, char *out)
{
	const unsigned char *p = (const unsigned char *)v;

	/* libical drops the spaces a value starts or ends with. */
	if (*p == '\0' || *p == ' ' || v[strlen(v) - 1] == ' ')
		return false;
	for (; *p != '\0'; p++) {
		if (*p < 0x20 || *p == 0x7f)
			return false;
		if (*p != '\\') {
			*out++ = (char)*p;
			continue;
		}
		switch (*++p) {
		case '\\':
		case ';':
		case ',':
			*out++ = (char)*p;
			break;
		case 'n':
		case 'N':
			*out++ = '\n';
			break;
		default:
			return false;
		}
	}
	*out = '\0';
	return true;
}

void
ics_plain_fini(struct ics_plain *p)
{
	free(p->buf);
	memset(p, 0, sizeof *p);
}

bool
ics_plain_read(struct ics_plain *p, const char *lines, size_t n)
{
	const char *line = lines, *v;
	const char **text;
	bool seen[ICS_PLAIN_KINDS];
	size_t i, need = 0, len;
	char *out;
	int k;

	/* Room for every value unescaped (never longer) and TZID. */
	for (i = 0; i < n; i++, line += len + 1) {
		len = strlen(line);
		need += len + 1;
	}
	if (need > p->cap) {
		p->buf = xrealloc(p->buf, need);
		p->cap = need;
	}
	out = p->buf;
	p->uid = p->summary = p->location = p->description = NULL;
	p->start_tzid = p->end_tzid = NULL;
	p->stamp = p->start = p->end = icaltime_null_time();
	p->sequence = -1;
	p->status = ICAL_STATUS_NONE;
	memset(seen, 0, sizeof seen);
	line = lines + strlen(lines) + 1;	/* after BEGIN:VEVENT */
	for (i = 1; i + 1 < n; i++, line += strlen(line) + 1) {
		if ((k = ics_plain_kind(line)) < 0 || seen[k])
			return false;
		seen[k] = true;
		v = line + ics_plain_names[k].len + 1;
		text = k == ICS_PLAIN_UID ? &p->uid : k == ICS_PLAIN_SUMMARY ?
		    &p->summary : k == ICS_PLAIN_LOCATION ? &p->location :
		    k == ICS_PLAIN_DESCRIPTION ? &p->description : NULL;
		switch (k) {
		case ICS_PLAIN_DTSTAMP:
			if (!ics_plain_when(v, false, &p->stamp))
				return false;
			break;
		case ICS_PLAIN_DTSTART:
		case ICS_PLAIN_DTEND:
			if (!ics_plain_time(v - 1, k == ICS_PLAIN_DTSTART ?
			    &p->start : &p->end, out, k == ICS_PLAIN_DTSTART ?
			    &p->start_tzid : &p->end_tzid))
				return false;
			if (k == ICS_PLAIN_DTSTART ? p->start_tzid != NULL :
			    p->end_tzid != NULL)
				out += strlen(out) + 1;
			break;
		case ICS_PLAIN_STATUS:
			if (strcmp(v, "CONFIRMED") == 0)
				p->status = ICAL_STATUS_CONFIRMED;
			else if (strcmp(v, "TENTATIVE") == 0)
				p->status = ICAL_STATUS_TENTATIVE;
			else if (strcmp(v, "CANCELLED") == 0)
				p->status = ICAL_STATUS_CANCELLED;
			else
				return false;
			break;
		case ICS_PLAIN_SEQUENCE:
			len = strlen(v);
			if (len < 1 || len > 9 || ics_plain_digits(v,
			    (int)len) < 0)
				return false;
			p->sequence = ics_plain_digits(v, (int)len);
			break;
		}
		if (text != NULL) {
			if (!ics_plain_text(v, out))
				return false;
			*text = out;
			out += strlen(out) + 1;
		}
	}
	/* An event rooster can place, said the plainest way. */
	return seen[ICS_PLAIN_UID] && seen[ICS_PLAIN_DTSTART];
}
