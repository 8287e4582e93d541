/* SPDX-License-Identifier: ISC */
/*
 * Reading calendars incrementally. Lines are unfolded here only to know
 * their line numbers; each VEVENT is handed line by line to libical's
 * parser and processed as soon as it ends, so a file of 100,000 events
 * never becomes one tree. Several VCALENDARs may follow each other.
 *
 * The file is read twice: the first pass keeps only each calendar's
 * VTIMEZONEs (Evolution writes them after the events that use them), the
 * second places the events. Input that cannot be read twice (a pipe) is
 * copied to a temporary file first.
 *
 * Real clients write empty or odd properties; libical drops those and
 * says so in X-LIC-ERROR properties. Each becomes a note naming its line,
 * in plain words, and the event goes on without it; only an event without
 * a start rooster can place is skipped. In strict mode the first such
 * problem stops the read, as anything that is not iCalendar always does.
 */
#include "rooster/ics.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/types.h>

#include "ics_int.h"

enum ics_reader_state {
	ICS_READER_OUTSIDE = 0,	/* between calendars */
	ICS_READER_CALENDAR,	/* in a VCALENDAR, between components */
	ICS_READER_EVENT,	/* feeding a VEVENT or VFREEBUSY to it */
	ICS_READER_ZONE,	/* feeding a VTIMEZONE to the parser */
	ICS_READER_SKIP		/* in a component rooster does not use */
};

struct ics_reader {
	FILE		*fp;
	const char	*zone_name;	/* plan zone for floating times */
	icaltimezone	*zone;
	ics_read_fn	*fn;
	ics_note_fn	*note;
	void		*arg;
	bool		 strict;
	bool		 repeating_only; /* see struct ics_read_options */
	bool		 libical_only;
	size_t		*plain_read;
	bool		 zones_seen;	/* pass 1 met a VTIMEZONE */
	bool		 repeats;	/* pass 1 met an RRULE line outside
					   the zones (repeating_only: else
					   pass 2 has nothing to hand on) */
	bool		 plain;		/* the VEVENT read so far is plain:
					   its lines wait for its END */
	struct ics_plain plain_event;	/* what it says */
	int		 pass;		/* 1: VTIMEZONEs only, 2: events */
	icalcomponent	**zones;	/* pass 1's VTIMEZONEs per calendar */
	size_t		 nzones;
	long		 line;		/* physical lines read */
	char		*io;		/* what fread() gave, lines cut in
					   place */
	size_t		 io_len;
	size_t		 io_pos;	/* where the next line starts */
	size_t		 io_cap;
	bool		 io_eof;
	char		*pending;	/* next physical line, read ahead (in
					   io, until the next is read) */
	bool		 pending_ok;
	long		 pending_line;
	enum ics_reader_state state;
	int		 depth;		/* nesting inside the current block */
	char		 open[16][40];	/* names of the BEGINs not yet ended */
	bool		 skip_calendar;	/* a METHOD rooster does not read */
	char		*tzid_last;	/* the last TZID ics_tzid_zone() was */
	icaltimezone	*tzid_zone;	/* asked for, and its answer */
	char		 msg[240];
	long		 block_line;	/* line of the block's BEGIN */
	icalparser	*parser;
	icalcomponent	*calendar;	/* holds this calendar's VTIMEZONEs */
	enum ics_method	 method;
	long		 calendars;
	struct strbuf	 block;		/* lines of the current block */
	struct strbuf	 linenos;	/* their line numbers, as longs */
	long		 zone_changes;	/* estimated, over the file's zones */
};

/*
 * libical turns a VTIMEZONE into a list of every offset change from each
 * rule's DTSTART up to five years past the latest time asked for (2205
 * for rooster): a rule of FREQ=MINUTELY makes millions, memory without
 * end. Real zones change a few times a year on a named day, so a rule
 * must be yearly and pick days only (BYMONTH, BYDAY, BYMONTHDAY), and the
 * file's zones together may hold at most this many changes.
 */
#define ICS_READER_ZONE_LAST_YEAR 2206
#define ICS_READER_ZONE_CHANGES 100000

/* Bytes read from the file at a time (more for a longer line). */
#define ICS_READER_IO 65536

/*
 * Next physical line without its CR LF into *out, cut in place in r->io
 * (valid until the next call); false at end of file. Lines are found in
 * large reads by memchr, not by getline() one at a time.
 */
static bool
ics_reader_physical(struct ics_reader *r, char **out)
{
	char *start, *nl;
	size_t n, got;

	for (;;) {
		start = r->io + r->io_pos;
		n = r->io_len - r->io_pos;
		if ((nl = memchr(start, '\n', n)) != NULL)
			break;
		if (r->io_eof) {
			if (n == 0)
				return false;
			nl = start + n;	/* the last line, without LF */
			break;
		}
		/* The line so far to the front, room for more, read on. */
		memmove(r->io, start, n);
		r->io_len = n;
		r->io_pos = 0;
		if (r->io_cap - r->io_len < ICS_READER_IO) {
			r->io_cap = r->io_cap * 2 + ICS_READER_IO;
			r->io = xrealloc(r->io, r->io_cap);
		}
		/* One byte always kept free for the last line's NUL. */
		got = fread(r->io + r->io_len, 1, r->io_cap - r->io_len - 1,
		    r->fp);
		r->io_len += got;
		r->io_eof = got == 0;
	}
	/* Past the LF; at the end, past the line (the NUL has room). */
	r->io_pos = (size_t)(nl - r->io) + (nl < r->io + r->io_len ? 1 : 0);
	*nl = '\0';
	n = (size_t)(nl - start);
	r->line++;
	while (n > 0 && start[n - 1] == '\r')
		start[--n] = '\0';
	/* A UTF-8 byte order mark before the first line. */
	if (r->line == 1 && n >= 3 && memcmp(start, "\xEF\xBB\xBF", 3) == 0)
		start += 3;
	*out = start;
	return true;
}

/*
 * The next content line, unfolded (RFC 5545 3.1: a line break followed
 * by one space or tab continues the line), into out; *lineno its first
 * physical line. False at end of file.
 */
static bool
ics_reader_content(struct ics_reader *r, struct strbuf *out, long *lineno)
{
	if (!r->pending_ok) {
		r->pending_ok = ics_reader_physical(r, &r->pending);
		r->pending_line = r->line;
		if (!r->pending_ok)
			return false;
	}
	strbuf_reset(out);
	strbuf_adds(out, r->pending);
	*lineno = r->pending_line;
	for (;;) {
		r->pending_ok = ics_reader_physical(r, &r->pending);
		r->pending_line = r->line;
		if (!r->pending_ok || (r->pending[0] != ' ' &&
		    r->pending[0] != '\t'))
			break;
		strbuf_adds(out, r->pending + 1);
	}
	return true;
}

/* True if line is "BEGIN:<name>" or "END:<name>" (any case). */
static bool
ics_reader_is(const char *line, const char *word, const char *name)
{
	size_t n, m;

	/* Most lines are properties: their first letter tells. */
	if ((*line | 0x20) != (*word | 0x20))
		return false;
	n = strlen(word);
	if (strncasecmp(line, word, n) != 0 || line[n] != ':')
		return false;
	line += n + 1;
	if (name == NULL)
		return true;
	m = strlen(name);
	if (strncasecmp(line, name, m) != 0)
		return false;
	for (line += m; *line != '\0'; line++)
		if (!isspace((unsigned char)*line))
			return false;
	return true;
}

static int
ics_reader_fail(struct ics_reader *r, long line, const char *what,
    struct err *err)
{
	(void)r;
	return err_set(err, ERR_INVALID, _("line %ld: %s"), line, what);
}

/*
 * A problem the read can step over: in strict mode it stops the read
 * (-1 with err), else it is handed on as a note and 0 returned.
 */
static int
ics_reader_tell(struct ics_reader *r, long line, const char *what,
    bool skipped, struct err *err)
{
	char *text;

	if (r->strict)
		return ics_reader_fail(r, line, what, err);
	if (r->note != NULL) {
		text = xasprintf(_("line %ld: %s"), line, what);
		r->note(r->arg, text, skipped);
		free(text);
	}
	return 0;
}

static int
ics_reader_note(struct ics_reader *r, long line, const char *what,
    struct err *err)
{
	return ics_reader_tell(r, line, what, false, err);
}

/* The property name of a content line, upper-cased, into out. */
static void
ics_reader_name(const char *line, char *out, size_t size)
{
	size_t n = 0;

	while (line[n] != '\0' && line[n] != ';' && line[n] != ':' &&
	    n + 1 < size) {
		out[n] = (char)toupper((unsigned char)line[n]);
		n++;
	}
	out[n] = '\0';
}

/* The value of a content line: after the first colon outside quotes. */
static const char *
ics_reader_value(const char *line)
{
	bool quoted = false;

	for (; *line != '\0'; line++) {
		if (*line == '"')
			quoted = !quoted;
		else if (*line == ':' && !quoted)
			return line + 1;
	}
	return line;
}

/*
 * In plain words, what is wrong with the content line, into msg; with
 * ignored, saying that it was left out.
 */
static void
ics_reader_bad_what(const char *line, bool ignored, char *msg, size_t size)
{
	char name[48];
	const char *value = ics_reader_value(line);

	ics_reader_name(line, name, sizeof name);
	if (strcmp(name, "X-LIC-ERROR") == 0)
		snprintf(msg, size, ignored ? _("another program's error "
		    "report (X-LIC-ERROR) ignored") : _("another program's "
		    "error report (X-LIC-ERROR)"));
	else if (*value == '\0')
		snprintf(msg, size, ignored ? _("empty %s ignored") :
		    _("empty %s"), name);
	else
		snprintf(msg, size, ignored ? _("%s value '%.40s' not "
		    "understood; ignored") : _("%s value '%.40s' not "
		    "understood"), name, value);
}

/*
 * Say why the content line at lineno was left out. A VEVENT's DTSTART
 * is left to the event, which is skipped without it and says so.
 */
static int
ics_reader_bad_line(struct ics_reader *r, const char *line, long lineno,
    struct err *err)
{
	char msg[200];

	ics_reader_bad_what(line, !r->strict, msg, sizeof msg);
	if (r->strict)
		return ics_reader_fail(r, lineno, msg, err);
	if (r->state == ICS_READER_EVENT && r->depth == 0 &&
	    strncasecmp(line, "DTSTART", 7) == 0 &&
	    (line[7] == ';' || line[7] == ':'))
		return 0;
	/* An empty TZID of a VTIMEZONE is given back (see below). */
	if (r->state == ICS_READER_ZONE && strncasecmp(line, "TZID:", 5) == 0 &&
	    line[5] == '\0')
		return 0;
	return ics_reader_note(r, lineno, msg, err);
}

/* True if the content line cannot be read as a property on its own. */
static bool
ics_reader_line_is_bad(const char *line)
{
	icalproperty *p;
	char *copy = xstrdup(line);
	bool bad;

	p = icalproperty_new_from_string(copy);
	free(copy);
	bad = p == NULL || icalproperty_isa(p) == ICAL_XLICERROR_PROPERTY ||
	    icalproperty_get_first_parameter(p,
	    ICAL_XLICERRORTYPE_PARAMETER) != NULL;
	if (p != NULL)
		icalproperty_free(p);
	return bad;
}

/*
 * libical left X-LIC-ERRORs in the block just parsed: name each line it
 * could not read, then drop the error properties.
 */
static int
ics_reader_block_notes(struct ics_reader *r, icalcomponent *c,
    struct err *err)
{
	const long *linenos = (const long *)(const void *)r->linenos.data;
	size_t i, n = r->linenos.len / sizeof(long);
	const char *line = r->block.data;
	bool found = false;

	for (i = 0; i < n; i++, line += strlen(line) + 1) {
		if (ics_reader_is(line, "BEGIN", NULL) ||
		    ics_reader_is(line, "END", NULL) ||
		    !ics_reader_line_is_bad(line))
			continue;
		found = true;
		if (ics_reader_bad_line(r, line, linenos[i], err) < 0)
			return -1;
	}
	if (!found && ics_reader_note(r, r->block_line, _("part of this "
	    "component could not be read and was left out"), err) < 0)
		return -1;
	icalcomponent_strip_errors(c);
	return 0;
}

/* The line number of the block's first NAME property, else its BEGIN. */
static long
ics_reader_line_of(const struct ics_reader *r, const char *name)
{
	const long *linenos = (const long *)(const void *)r->linenos.data;
	size_t i, n = r->linenos.len / sizeof(long), len = strlen(name);
	const char *line = r->block.data;

	for (i = 0; i < n; i++, line += strlen(line) + 1)
		if (strncasecmp(line, name, len) == 0 &&
		    (line[len] == ';' || line[len] == ':'))
			return linenos[i];
	return r->block_line;
}

/* The block's first NAME content line (there must be one). */
static const char *
ics_reader_text_of(const struct ics_reader *r, const char *name)
{
	size_t i, n = r->linenos.len / sizeof(long), len = strlen(name);
	const char *line = r->block.data;

	for (i = 0; i < n; i++, line += strlen(line) + 1)
		if (strncasecmp(line, name, len) == 0 &&
		    (line[len] == ';' || line[len] == ':'))
			return line;
	return "";
}

/*
 * The zone a TZID names: this calendar's VTIMEZONE, else one known by
 * that name (IANA, prefixed, Windows, Outlook's display name); NULL if
 * none. libical resolves DTSTART and DTEND itself only for the first two.
 */
static icaltimezone *
ics_reader_zone(struct ics_reader *r, const char *tzid)
{
	icaltimezone *z;

	if (tzid == NULL)
		return NULL;
	if (r->calendar != NULL &&
	    (z = icalcomponent_get_timezone(r->calendar, tzid)) != NULL)
		return z;
	/* The last name looked up, so ICU's lists are walked once. */
	if (r->tzid_last == NULL || strcmp(r->tzid_last, tzid) != 0) {
		free(r->tzid_last);
		r->tzid_last = xstrdup(tzid);
		r->tzid_zone = ics_tzid_zone(tzid);
	}
	return r->tzid_zone;
}

/*
 * t (as parsed, maybe with a zone) as UTC seconds into *out, and the zone
 * it was read in into *zone (may be NULL). False with why in msg if it
 * cannot be placed in time.
 */
static bool
ics_reader_when(struct ics_reader *r, icalproperty *prop,
    struct icaltimetype t, int64_t *out, icaltimezone **zone,
    const char *what, char *msg, size_t size)
{
	icalparameter *tzid;
	icaltimezone *z = NULL;

	if (icaltime_is_null_time(t) || !icaltime_is_valid_time(t)) {
		snprintf(msg, size, _("%s is not a valid date or time"), what);
		return false;
	}
	tzid = prop != NULL ? icalproperty_get_first_parameter(prop,
	    ICAL_TZID_PARAMETER) : NULL;
	if (t.is_date)
		z = r->zone;
	else if (icaltime_is_utc(t))
		z = icaltimezone_get_utc_timezone();
	else if (t.zone != NULL)
		z = (icaltimezone *)t.zone;
	else if (tzid != NULL) {
		if ((z = ics_reader_zone(r, icalparameter_get_tzid(tzid))) ==
		    NULL) {
			snprintf(msg, size, _("%s names time zone '%.60s', "
			    "which the file does not define"), what,
			    icalparameter_get_tzid(tzid));
			return false;
		}
	} else
		z = r->zone;	/* floating: the plan's zone */
	*out = (int64_t)icaltime_as_timet_with_zone(t, z);
	if (zone != NULL)
		*zone = z;
	return true;
}

/* The attendee's answer as enum assignment_status, -1 for none. */
static int
ics_reader_partstat(icalproperty *att)
{
	icalparameter *ps = icalproperty_get_first_parameter(att,
	    ICAL_PARTSTAT_PARAMETER);

	if (ps == NULL)
		return -1;
	switch (icalparameter_get_partstat(ps)) {
	case ICAL_PARTSTAT_ACCEPTED:
		return ASSIGNMENT_ACCEPTED;
	case ICAL_PARTSTAT_DECLINED:
	case ICAL_PARTSTAT_DELEGATED:
		return ASSIGNMENT_DECLINED;
	case ICAL_PARTSTAT_TENTATIVE:
		return ASSIGNMENT_TENTATIVE;
	default:
		break;
	}
	return -1;
}

/* The attendee's SENT-BY address without mailto:, or NULL. */
static const char *
ics_reader_sent_by(icalproperty *att)
{
	icalparameter *sb = icalproperty_get_first_parameter(att,
	    ICAL_SENTBY_PARAMETER);
	const char *addr;

	if (sb == NULL || (addr = icalparameter_get_sentby(sb)) == NULL)
		return NULL;
	if (strncasecmp(addr, "mailto:", 7) == 0)
		addr += 7;
	return addr;
}

/*
 * A UID for an event the file gives none: the same content gives the
 * same UID, so importing the file again finds the event again. Two
 * 64-bit FNV-1a hashes of its lines (from different offsets) as hex.
 */
static char *
ics_reader_made_uid(const struct ics_reader *r)
{
	uint64_t a = UINT64_C(14695981039346656037), b = UINT64_C(0x9e3779b97f4a7c15);
	size_t i;

	for (i = 0; i < r->block.len; i++) {
		a = (a ^ (unsigned char)r->block.data[i]) *
		    UINT64_C(1099511628211);
		b = (b ^ (unsigned char)r->block.data[i]) *
		    UINT64_C(1099511628211);
	}
	return xasprintf("made-%016llx%016llx@rooster",
	    (unsigned long long)a, (unsigned long long)b);
}

/* Skip the event at line with a note saying why (in strict mode: fail). */
static int
ics_reader_skip(struct ics_reader *r, long line, const char *why,
    struct err *err)
{
	char msg[400];

	snprintf(msg, sizeof msg, _("%s; event skipped"), why);
	return r->strict ? ics_reader_fail(r, line, why, err) :
	    ics_reader_tell(r, line, msg, true, err);
}

/*
 * The value of the first line of the current block named name (as the
 * file wrote it, parameters skipped), or NULL; borrowed from the block.
 */
static const char *
ics_reader_block_value(const struct ics_reader *r, const char *name)
{
	const char *line, *end = r->block.data + r->block.len;
	size_t n = strlen(name);

	for (line = r->block.data; line != NULL && line < end;
	    line += strlen(line) + 1)
		if (strncasecmp(line, name, n) == 0 &&
		    (line[n] == ':' || line[n] == ';') &&
		    strchr(line, ':') != NULL)
			return strchr(line, ':') + 1;
	return NULL;
}

/* Turn the parsed VEVENT ev into an item and hand it to the callback. */
static int
ics_reader_event(struct ics_reader *r, icalcomponent *ev, struct err *err)
{
	struct ics_read_item item;
	struct icaltimetype start, end, rid;
	struct icalrecurrencetype rr;
	icalproperty *p, *sp, *ep;
	icalparameter *range;
	icaltimezone *start_zone = NULL;
	const char *addr, *seq;
	char *rrule = NULL, *made_uid = NULL, msg[300];
	int64_t *exdates = NULL, when;
	long long big;
	long line;
	bool reply;
	int rc = -1;

	memset(&item, 0, sizeof item);
	item.line = r->block_line;
	item.method = r->method;
	item.partstat = -1;
	reply = r->method == ICS_METHOD_REPLY;
	item.uid = icalcomponent_get_uid(ev);
	if (item.uid == NULL || *item.uid == '\0') {
		if (r->strict || reply)
			return ics_reader_skip(r, item.line,
			    _("VEVENT without UID"), err);
		made_uid = ics_reader_made_uid(r);
		item.uid = made_uid;
		if (ics_reader_note(r, item.line, _("VEVENT without UID; "
		    "given one made from its content"), err) < 0)
			goto free;
	}
	/* Resolve TZIDs through this calendar's VTIMEZONEs. */
	icalcomponent_add_component(r->calendar, ev);
	item.sequence = icalcomponent_get_sequence(ev);
	if (item.sequence < 0)
		item.sequence = 0;
	/*
	 * libical reads SEQUENCE into an int, and a larger one wraps: the
	 * file's own text says how large it was.
	 */
	if ((seq = ics_reader_block_value(r, "SEQUENCE")) != NULL) {
		errno = 0;
		big = strtoll(seq, NULL, 10);
		if (errno == ERANGE || big > ICS_SEQUENCE_MAX) {
			item.sequence = ICS_SEQUENCE_MAX;
			item.sequence_clamped = true;
		}
	}
	if ((p = icalcomponent_get_first_property(ev,
	    ICAL_DTSTAMP_PROPERTY)) != NULL &&
	    !ics_reader_when(r, p, icalproperty_get_dtstamp(p), &item.dtstamp,
	    NULL, "DTSTAMP", msg, sizeof msg)) {
		item.dtstamp = 0;
		if (ics_reader_note(r, ics_reader_line_of(r, "DTSTAMP"), msg,
		    err) < 0)
			goto out;
	}
	if ((p = icalcomponent_get_first_property(ev,
	    ICAL_RECURRENCEID_PROPERTY)) != NULL) {
		rid = icalcomponent_get_recurrenceid(ev);
		if (!ics_reader_when(r, p, rid, &item.recurrence_id, NULL,
		    "RECURRENCE-ID", msg, sizeof msg)) {
			rc = ics_reader_skip(r, ics_reader_line_of(r,
			    "RECURRENCE-ID"), msg, err);
			goto out;
		}
		range = icalproperty_get_first_parameter(p,
		    ICAL_RANGE_PARAMETER);
		item.this_and_future = range != NULL &&
		    icalparameter_get_range(range) == ICAL_RANGE_THISANDFUTURE;
	}
	sp = icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY);
	if (sp == NULL && !reply && r->method != ICS_METHOD_CANCEL) {
		/* libical dropped one it could not read: name that line. */
		if ((line = ics_reader_line_of(r, "DTSTART")) != item.line) {
			ics_reader_bad_what(ics_reader_text_of(r, "DTSTART"),
			    false, msg, sizeof msg);
			rc = ics_reader_skip(r, line, msg, err);
		} else
			rc = ics_reader_skip(r, item.line,
			    _("VEVENT without DTSTART"), err);
		goto out;
	}
	/* A reply needs none of the times: one that cannot be read is 0. */
	if (sp != NULL) {
		start = icalcomponent_get_dtstart(ev);
		if (!ics_reader_when(r, sp, start, &item.start, &start_zone,
		    "DTSTART", msg, sizeof msg)) {
			if (!reply) {
				rc = ics_reader_skip(r, ics_reader_line_of(r,
				    "DTSTART"), msg, err);
				goto out;
			}
			item.start = 0;
		}
		item.all_day = start.is_date != 0;
		ep = icalcomponent_get_first_property(ev, ICAL_DTEND_PROPERTY);
		if (ep != NULL && icalcomponent_get_first_property(ev,
		    ICAL_DURATION_PROPERTY) != NULL && !reply &&
		    ics_reader_note(r, ics_reader_line_of(r, "DURATION"),
		    _("both DTEND and DURATION; DTEND used"), err) < 0)
			goto out;
		if (ep != NULL || icalcomponent_get_first_property(ev,
		    ICAL_DURATION_PROPERTY) != NULL) {
			/* libical gives no end for both: DTEND wins. */
			end = ep != NULL ? icalproperty_get_dtend(ep) :
			    icalcomponent_get_dtend(ev);
			if (!ics_reader_when(r, ep, end, &item.end, NULL,
			    "DTEND", msg, sizeof msg)) {
				if (!reply) {
					rc = ics_reader_skip(r,
					    ics_reader_line_of(r, ep != NULL ?
					    "DTEND" : "DURATION"), msg, err);
					goto out;
				}
				item.end = 0;
			}
		} else
			/* RFC 5545 3.6.1: a day, or an instant (given 1 h). */
			item.end = item.start + (item.all_day ? 86400 : 3600);
	}
	item.summary = icalcomponent_get_summary(ev);
	item.location = icalcomponent_get_location(ev);
	item.description = icalcomponent_get_description(ev);
	if (item.summary == NULL)
		item.summary = "";
	if (item.location == NULL)
		item.location = "";
	if (item.description == NULL)
		item.description = "";
	switch (icalcomponent_get_status(ev)) {
	case ICAL_STATUS_CANCELLED:
		item.status = EVENT_CANCELLED;
		break;
	case ICAL_STATUS_TENTATIVE:
		item.status = EVENT_TENTATIVE;
		break;
	default:
		item.status = EVENT_CONFIRMED;
		break;
	}
	if (!reply && (p = icalcomponent_get_first_property(ev,
	    ICAL_RRULE_PROPERTY)) != NULL) {
		rr = icalproperty_get_rrule(p);
		if (!icaltime_is_null_time(rr.until) && !rr.until.is_date &&
		    !icaltime_is_utc(rr.until)) {
			rr.until = icaltime_convert_to_zone(icaltime_set_timezone(
			    &rr.until, start_zone != NULL ? start_zone :
			    r->zone), icaltimezone_get_utc_timezone());
		}
		rrule = icalrecurrencetype_as_string_r(&rr);
		item.rrule = rrule;
	}
	for (p = icalcomponent_get_first_property(ev, ICAL_EXDATE_PROPERTY);
	    !reply && p != NULL;
	    p = icalcomponent_get_next_property(ev, ICAL_EXDATE_PROPERTY)) {
		if (!ics_reader_when(r, p, icalproperty_get_exdate(p), &when,
		    NULL, "EXDATE", msg, sizeof msg)) {
			rc = ics_reader_skip(r, ics_reader_line_of(r, "EXDATE"),
			    msg, err);
			goto out;
		}
		exdates = xreallocarray(exdates, item.nexdates + 1,
		    sizeof *exdates);
		exdates[item.nexdates++] = when;
	}
	item.exdates = exdates;
	if ((p = icalcomponent_get_first_property(ev,
	    ICAL_ATTENDEE_PROPERTY)) != NULL &&
	    (addr = icalproperty_get_attendee(p)) != NULL) {
		if (strncasecmp(addr, "mailto:", 7) == 0)
			addr += 7;
		item.attendee = addr;
		item.partstat = ics_reader_partstat(p);
		item.sent_by = ics_reader_sent_by(p);
	}
	rc = r->fn(r->arg, &item, err);
out:
	if (rrule != NULL)
		icalmemory_free_buffer(rrule);
	free(exdates);
	icalcomponent_remove_component(r->calendar, ev);
free:
	free(made_uid);
	return rc;
}

static int
ics_reader_by_count(const short *by, int size)
{
	int n = 0;

	while (n < size && by[n] != ICAL_RECURRENCE_ARRAY_MAX)
		n++;
	return n;
}

/*
 * Changes a yearly rule gives per year, at most; -1 if it is not yearly.
 * Real zones name their days by month and weekday, but Lotus Notes adds
 * BYHOUR=2;BYMINUTE=0 and tzurl.org's zones pick days by BYYEARDAY: each
 * of those only narrows the days or multiplies them by its few values.
 */
static long
ics_reader_rule_per_year(const struct icalrecurrencetype *rr)
{
	int months, days, weekdays, monthdays, yeardays, weeks, i;
	long n;

	if (rr->freq != ICAL_YEARLY_RECURRENCE)
		return -1;
	months = ics_reader_by_count(rr->by_month, ICAL_BY_MONTH_SIZE);
	monthdays = ics_reader_by_count(rr->by_month_day,
	    ICAL_BY_MONTHDAY_SIZE);
	yeardays = ics_reader_by_count(rr->by_year_day, ICAL_BY_YEARDAY_SIZE);
	weeks = ics_reader_by_count(rr->by_week_no, ICAL_BY_WEEKNO_SIZE);
	weekdays = 0;
	for (i = 0; i < ICAL_BY_DAY_SIZE &&
	    rr->by_day[i] != ICAL_RECURRENCE_ARRAY_MAX; i++)
		/* A plain weekday falls up to 5 times a month. */
		weekdays += icalrecurrencetype_day_position(rr->by_day[i]) == 0 ?
		    5 : 1;
	days = monthdays > 0 && weekdays > 0 ? (monthdays < weekdays ?
	    monthdays : weekdays) : monthdays > 0 ? monthdays : weekdays > 0 ?
	    weekdays : 1;
	if (months == 0 && weekdays > 0 && monthdays == 0)
		days = weekdays > 53 ? 366 : weekdays * 53 / 5 + 1;
	n = (long)(months > 0 ? months : 1) * days;
	if (yeardays > 0 && (n > yeardays || (months == 0 && monthdays == 0 &&
	    weekdays == 0)))
		n = yeardays;
	if (weeks > 0 && (n > weeks * 7L || (months == 0 && monthdays == 0 &&
	    weekdays == 0 && yeardays == 0)))
		n = weeks * 7L;
	n *= ics_reader_by_count(rr->by_hour, ICAL_BY_HOUR_SIZE) > 0 ?
	    ics_reader_by_count(rr->by_hour, ICAL_BY_HOUR_SIZE) : 1;
	n *= ics_reader_by_count(rr->by_minute, ICAL_BY_MINUTE_SIZE) > 0 ?
	    ics_reader_by_count(rr->by_minute, ICAL_BY_MINUTE_SIZE) : 1;
	n *= ics_reader_by_count(rr->by_second, ICAL_BY_SECOND_SIZE) > 0 ?
	    ics_reader_by_count(rr->by_second, ICAL_BY_SECOND_SIZE) : 1;
	return n;
}

/* The TZID of c, fit for a message, in buf. */
static const char *
ics_reader_tzid(icalcomponent *c, char *buf, size_t size)
{
	icalproperty *p = icalcomponent_get_first_property(c,
	    ICAL_TZID_PROPERTY);
	const char *tzid = p != NULL ? icalproperty_get_tzid(p) : NULL;
	char *clean = text_sanitize(tzid != NULL ? tzid : "?");

	snprintf(buf, size, "%.60s", clean);
	free(clean);
	return buf;
}

/*
 * Refuse a VTIMEZONE (c, read at line) whose rules would make libical
 * list more changes than real zones ever have.
 */
static int
ics_reader_zone_check(struct ics_reader *r, icalcomponent *c,
    struct err *err)
{
	struct icalrecurrencetype rr;
	struct icaltimetype start;
	icalcomponent *sub;
	icalproperty *p;
	long per_year, years, n, total = 0;
	char msg[240], name[64];

	for (sub = icalcomponent_get_first_component(c, ICAL_ANY_COMPONENT);
	    sub != NULL;
	    sub = icalcomponent_get_next_component(c, ICAL_ANY_COMPONENT)) {
		start = icalcomponent_get_dtstart(sub);
		years = ICS_READER_ZONE_LAST_YEAR - (icaltime_is_null_time(start) ?
		    0 : start.year);
		if (years < 1)
			years = 1;
		for (p = icalcomponent_get_first_property(sub,
		    ICAL_RDATE_PROPERTY); p != NULL;
		    p = icalcomponent_get_next_property(sub,
		    ICAL_RDATE_PROPERTY))
			total++;
		for (p = icalcomponent_get_first_property(sub,
		    ICAL_RRULE_PROPERTY); p != NULL;
		    p = icalcomponent_get_next_property(sub,
		    ICAL_RRULE_PROPERTY)) {
			rr = icalproperty_get_rrule(p);
			if ((per_year = ics_reader_rule_per_year(&rr)) < 0) {
				snprintf(msg, sizeof msg, _("time zone '%.60s' "
				    "changes by a rule that is not yearly on "
				    "named days (FREQ=YEARLY with BYMONTH, "
				    "BYDAY or BYMONTHDAY)"),
				    ics_reader_tzid(c, name, sizeof name));
				return ics_reader_fail(r, r->block_line, msg,
				    err);
			}
			n = per_year * years;
			if (rr.count > 0 && rr.count < n)
				n = rr.count;
			total += n;
		}
		if (total > ICS_READER_ZONE_CHANGES)
			break;
	}
	r->zone_changes += total;
	if (total > ICS_READER_ZONE_CHANGES ||
	    r->zone_changes > ICS_READER_ZONE_CHANGES) {
		snprintf(msg, sizeof msg, _("time zone '%.60s' would change "
		    "its offset more than %d times; no real zone does"),
		    ics_reader_tzid(c, name, sizeof name),
		    ICS_READER_ZONE_CHANGES);
		return ics_reader_fail(r, r->block_line, msg, err);
	}
	return 0;
}

/* Start collecting a block (VEVENT, VTIMEZONE or one to skip). */
static void
ics_reader_block_begin(struct ics_reader *r, enum ics_reader_state state,
    long lineno)
{
	r->state = state;
	r->depth = 0;
	r->block_line = lineno;
	/* A reply or a cancellation reads more than a plain event says. */
	r->plain = state == ICS_READER_EVENT && !r->repeating_only &&
	    !r->libical_only && r->method != ICS_METHOD_REPLY &&
	    r->method != ICS_METHOD_CANCEL;
	strbuf_reset(&r->block);
	strbuf_reset(&r->linenos);
}

/* True if the block collected so far holds an RRULE line. */
static bool
ics_reader_block_repeats(const struct ics_reader *r)
{
	const char *line, *end = r->block.data + r->block.len;

	for (line = r->block.data; line != NULL && line < end;
	    line += strlen(line) + 1)
		if (strncasecmp(line, "RRULE", 5) == 0 &&
		    (line[5] == ':' || line[5] == ';'))
			return true;
	return false;
}

/*
 * The VEVENT collected in the block, handed to libical's parser line by
 * line now (repeating_only: only an event that repeats is parsed at all),
 * with the checks ics_reader_block_line makes as it feeds each line. The
 * component, or NULL with err set.
 */
static icalcomponent *
ics_reader_block_parse(struct ics_reader *r, struct err *err)
{
	const long *linenos = (const long *)(const void *)r->linenos.data;
	size_t i, n = r->linenos.len / sizeof(long);
	const char *line = r->block.data;
	icalcomponent *c = NULL;
	char *copy;

	for (i = 0; i < n; i++, line += strlen(line) + 1) {
		if (c != NULL) {
			icalcomponent_free(c);
			ics_reader_fail(r, linenos[i - 1], _("unexpected end "
			    "of component"), err);
			return NULL;
		}
		copy = xstrdup(line);
		c = icalparser_add_line(r->parser, copy);
		free(copy);
	}
	if (c == NULL)
		ics_reader_fail(r, n > 0 ? linenos[n - 1] : r->block_line,
		    _("libical cannot read this component"), err);
	return c;
}

/*
 * The block's lines but the last, handed to libical's parser: the event
 * turned out not to be plain. They are its BEGIN and properties, so the
 * parser returns nothing for them; fed now or as they came is the same.
 */
static int
ics_reader_block_feed(struct ics_reader *r, struct err *err)
{
	const long *linenos = (const long *)(const void *)r->linenos.data;
	size_t i, n = r->linenos.len / sizeof(long);
	const char *line = r->block.data;
	icalcomponent *c;
	char *copy;

	for (i = 0; i + 1 < n; i++, line += strlen(line) + 1) {
		copy = xstrdup(line);
		c = icalparser_add_line(r->parser, copy);
		free(copy);
		if (c != NULL) {
			icalcomponent_free(c);
			return ics_reader_fail(r, linenos[i], _("unexpected "
			    "end of component"), err);
		}
	}
	return 0;
}

/*
 * t of a plain event in the zone its bare TZID names (this calendar's
 * VTIMEZONE, where libical finds it too), or as it is without one. False
 * if the calendar defines no such zone: libical's reading decides then.
 */
static bool
ics_reader_plain_zone(struct ics_reader *r, const char *tzid,
    struct icaltimetype *t)
{
	icaltimezone *z;

	if (tzid == NULL)
		return true;
	if (r->calendar == NULL ||
	    (z = icalcomponent_get_timezone(r->calendar, tzid)) == NULL)
		return false;
	t->zone = z;
	return true;
}

/*
 * The VEVENT in the block, if it is plain (ics_plain.c), handed to the
 * callback as ics_reader_event() would from libical's tree: *done true
 * and what the callback returns. *done false if libical must read it.
 */
static int
ics_reader_plain(struct ics_reader *r, bool *done, struct err *err)
{
	struct ics_plain *p = &r->plain_event;
	struct ics_read_item item;
	struct icaltimetype start, end;
	char msg[300];

	*done = false;
	if (!ics_plain_read(p, r->block.data, r->linenos.len / sizeof(long)))
		return 0;
	memset(&item, 0, sizeof item);
	item.line = r->block_line;
	item.method = r->method;
	item.partstat = -1;
	item.uid = p->uid;
	item.sequence = p->sequence > 0 ? p->sequence : 0;
	if (!icaltime_is_null_time(p->stamp) && !ics_reader_when(r, NULL,
	    p->stamp, &item.dtstamp, NULL, "DTSTAMP", msg, sizeof msg))
		return 0;
	start = p->start;
	if (!ics_reader_plain_zone(r, p->start_tzid, &start) ||
	    !ics_reader_when(r, NULL, start, &item.start, NULL, "DTSTART",
	    msg, sizeof msg))
		return 0;
	item.all_day = start.is_date != 0;
	if (!icaltime_is_null_time(p->end)) {
		end = p->end;
		if (!ics_reader_plain_zone(r, p->end_tzid, &end) ||
		    !ics_reader_when(r, NULL, end, &item.end, NULL, "DTEND",
		    msg, sizeof msg))
			return 0;
	} else
		/* RFC 5545 3.6.1: a day, or an instant (given 1 h). */
		item.end = item.start + (item.all_day ? 86400 : 3600);
	item.summary = p->summary != NULL ? p->summary : "";
	item.location = p->location != NULL ? p->location : "";
	item.description = p->description != NULL ? p->description : "";
	item.status = p->status == ICAL_STATUS_CANCELLED ? EVENT_CANCELLED :
	    p->status == ICAL_STATUS_TENTATIVE ? EVENT_TENTATIVE :
	    EVENT_CONFIRMED;
	*done = true;
	if (r->plain_read != NULL)
		(*r->plain_read)++;
	return r->fn(r->arg, &item, err);
}

/* One content line inside a block; on its end, process the block. */
static int
ics_reader_block_line(struct ics_reader *r, char *line, long lineno,
    struct err *err)
{
	icalcomponent *c = NULL;
	char name[sizeof r->open[0]];
	bool done;
	int rc = 0;

	/* Each END must close the BEGIN it follows, as in any tree. */
	if (ics_reader_is(line, "BEGIN", NULL)) {
		if (r->depth < (int)(sizeof r->open / sizeof r->open[0]))
			ics_reader_name(line + 6, r->open[r->depth],
			    sizeof r->open[0]);
		r->depth++;
	} else if (ics_reader_is(line, "END", NULL)) {
		r->depth--;
		ics_reader_name(line + 4, name, sizeof name);
		if (r->depth < (int)(sizeof r->open / sizeof r->open[0]) &&
		    strcmp(name, r->open[r->depth]) != 0) {
			snprintf(r->msg, sizeof r->msg, _("END:%s does not "
			    "close BEGIN:%s"), name, r->open[r->depth]);
			return ics_reader_fail(r, lineno, r->msg, err);
		}
	}
	if (r->state == ICS_READER_SKIP) {
		if (r->depth == 0)
			r->state = ICS_READER_CALENDAR;
		else if (r->pass == 1 && (*line | 0x20) == 'r' &&
		    strncasecmp(line, "RRULE", 5) == 0 &&
		    (line[5] == ':' || line[5] == ';'))
			r->repeats = true;
		return 0;
	}
	if (*line == '\0')
		return 0;	/* a blank line inside a component */
	if (strchr(line, ':') == NULL)
		return ics_reader_note(r, lineno, _("not an iCalendar line "
		    "(no colon); ignored"), err);
	strbuf_add(&r->block, line, strlen(line) + 1);
	strbuf_add(&r->linenos, (const char *)&lineno, sizeof lineno);
	if (r->repeating_only && r->state == ICS_READER_EVENT) {
		/* Parsed whole at its end, and only if it repeats. */
		if (r->depth > 0)
			return 0;
		r->state = ICS_READER_CALENDAR;
		if (!ics_reader_block_repeats(r))
			return 0;
		r->state = ICS_READER_EVENT;
		if ((c = ics_reader_block_parse(r, err)) == NULL)
			return -1;
	} else if (r->plain && ics_plain_line(line, lineno == r->block_line,
	    r->depth == 0)) {
		/* Plain so far: read at its END, by libical if need be. */
		if (r->depth > 0)
			return 0;
		r->plain = false;
		if ((rc = ics_reader_plain(r, &done, err)) < 0 || done) {
			r->state = ICS_READER_CALENDAR;
			return rc;
		}
		if ((c = ics_reader_block_parse(r, err)) == NULL)
			return -1;
	} else {
		if (r->plain) {
			r->plain = false;
			if (ics_reader_block_feed(r, err) < 0)
				return -1;
		}
		c = icalparser_add_line(r->parser, line);
	}
	if (r->depth > 0) {
		if (c != NULL) {
			icalcomponent_free(c);
			return ics_reader_fail(r, lineno, _("unexpected end of "
			    "component"), err);
		}
		return 0;
	}
	if (c == NULL)
		return ics_reader_fail(r, lineno, _("libical cannot read this "
		    "component"), err);
	if (icalcomponent_count_errors(c) > 0)
		rc = ics_reader_block_notes(r, c, err);
	if (rc < 0)
		;
	else if (r->state == ICS_READER_ZONE) {
		if (icalcomponent_isa(c) == ICAL_VTIMEZONE_COMPONENT &&
		    (rc = ics_reader_zone_check(r, c, err)) == 0) {
			/*
			 * Exchange writes "TZID:" and "DTSTART;TZID=:":
			 * libical drops the empty TZID, give it back.
			 */
			if (icalcomponent_get_first_property(c,
			    ICAL_TZID_PROPERTY) == NULL)
				icalcomponent_add_property(c,
				    icalproperty_new_tzid(""));
			icalcomponent_add_component(r->calendar, c);
			c = NULL;
		}
	} else if (icalcomponent_isa(c) == ICAL_VEVENT_COMPONENT)
		rc = ics_reader_event(r, c, err);
	else if (icalcomponent_isa(c) == ICAL_VFREEBUSY_COMPONENT)
		rc = ics_freebusy_read(c, r->block_line, r->method, r->zone,
		    r->fn, r->arg, err);
	if (c != NULL)
		icalcomponent_free(c);
	r->state = ICS_READER_CALENDAR;
	return rc;
}

/* The end of a calendar: pass 1 keeps its zones for pass 2. */
static void
ics_reader_calendar_end(struct ics_reader *r)
{
	if (r->pass == 1) {
		r->zones = xreallocarray(r->zones, r->nzones + 1,
		    sizeof *r->zones);
		r->zones[r->nzones++] = r->calendar;
	} else
		icalcomponent_free(r->calendar);
	r->calendar = NULL;
	r->state = ICS_READER_OUTSIDE;
}

/* A line directly inside VCALENDAR. */
static int
ics_reader_calendar_line(struct ics_reader *r, char *line, long lineno,
    struct err *err)
{
	enum ics_reader_state state;
	icalproperty *p;

	if (ics_reader_is(line, "END", "VCALENDAR")) {
		ics_reader_calendar_end(r);
		return 0;
	}
	if (ics_reader_is(line, "BEGIN", NULL)) {
		/* Pass 1 reads the zones, pass 2 the events. */
		state = ICS_READER_SKIP;
		if ((ics_reader_is(line, "BEGIN", "VEVENT") ||
		    ics_reader_is(line, "BEGIN", "VFREEBUSY")) && r->pass == 2 &&
		    !r->skip_calendar)
			state = ICS_READER_EVENT;
		else if (ics_reader_is(line, "BEGIN", "VTIMEZONE") &&
		    r->pass == 1) {
			state = ICS_READER_ZONE;
			r->zones_seen = true;
		}
		ics_reader_block_begin(r, state, lineno);
		return ics_reader_block_line(r, line, lineno, err);
	}
	if (ics_reader_is(line, "END", NULL))
		return ics_reader_fail(r, lineno, _("END without its BEGIN"),
		    err);
	if (*line == '\0' || r->pass == 1)
		return 0;
	if (strchr(line, ':') == NULL)
		return ics_reader_note(r, lineno, _("not an iCalendar line "
		    "(no colon); ignored"), err);
	if (ics_reader_line_is_bad(line))
		return ics_reader_bad_line(r, line, lineno, err);
	p = icalproperty_new_from_string(line);
	if (icalproperty_isa(p) == ICAL_METHOD_PROPERTY) {
		switch (icalproperty_get_method(p)) {
		case ICAL_METHOD_PUBLISH:
			r->method = ICS_METHOD_PUBLISH;
			break;
		case ICAL_METHOD_REQUEST:
			r->method = ICS_METHOD_REQUEST;
			break;
		case ICAL_METHOD_REPLY:
			r->method = ICS_METHOD_REPLY;
			break;
		case ICAL_METHOD_CANCEL:
			r->method = ICS_METHOD_CANCEL;
			break;
		default:
			icalproperty_free(p);
			if (r->strict)
				return ics_reader_fail(r, lineno,
				    _("METHOD rooster does not handle (use "
				    "PUBLISH, REQUEST, REPLY or CANCEL)"), err);
			/* COUNTER, ADD, REFRESH...: leave the calendar out. */
			r->skip_calendar = true;
			snprintf(r->msg, sizeof r->msg, _("METHOD %.40s is not "
			    "one rooster reads; the events of this calendar "
			    "are left out"), ics_reader_value(line));
			return ics_reader_tell(r, lineno, r->msg, true, err);
		}
	}
	icalproperty_free(p);
	return 0;
}

static int
ics_reader_line(struct ics_reader *r, char *line, long lineno,
    struct err *err)
{
	switch (r->state) {
	case ICS_READER_OUTSIDE:
		if (*line == '\0')
			return 0;
		/*
		 * Podio adds an X-COMMENT after END:VCALENDAR; a component
		 * there (BEGIN or END) is no calendar, though.
		 */
		if (!ics_reader_is(line, "BEGIN", NULL) &&
		    !ics_reader_is(line, "END", NULL) &&
		    r->calendars > 0 && !r->strict)
			return r->pass == 1 ? 0 : ics_reader_note(r, lineno,
			    _("text after END:VCALENDAR ignored"), err);
		if (!ics_reader_is(line, "BEGIN", "VCALENDAR"))
			return ics_reader_fail(r, lineno, _("expected "
			    "BEGIN:VCALENDAR (is this an iCalendar file?)"),
			    err);
		/* Pass 2 starts with the zones pass 1 found in it. */
		if (r->pass == 2 && r->calendars < (long)r->nzones) {
			r->calendar = r->zones[r->calendars];
			r->zones[r->calendars] = NULL;
		} else
			r->calendar = icalcomponent_new(
			    ICAL_VCALENDAR_COMPONENT);
		r->method = ICS_METHOD_NONE;
		r->skip_calendar = false;
		r->calendars++;
		r->state = ICS_READER_CALENDAR;
		return 0;
	case ICS_READER_CALENDAR:
		return ics_reader_calendar_line(r, line, lineno, err);
	case ICS_READER_EVENT:
	case ICS_READER_ZONE:
	case ICS_READER_SKIP:
		return ics_reader_block_line(r, line, lineno, err);
	}
	return 0;
}

/* One pass over the whole input. */
static int
ics_reader_pass(struct ics_reader *r, struct err *err)
{
	struct strbuf line;
	long lineno = 0;
	int rc = 0;

	r->line = 0;
	r->pending_ok = false;
	r->io_len = r->io_pos = 0;
	r->io_eof = false;
	r->state = ICS_READER_OUTSIDE;
	r->calendars = 0;
	strbuf_init(&line);
	while (rc == 0 && ics_reader_content(r, &line, &lineno))
		rc = ics_reader_line(r, line.data, lineno, err);
	if (rc == 0 && ferror(r->fp))
		rc = err_set(err, ERR_IO, _("cannot read the calendar"));
	if (rc == 0 && r->state != ICS_READER_OUTSIDE)
		rc = ics_reader_fail(r, r->line, r->state ==
		    ICS_READER_CALENDAR ? _("the file ends before "
		    "END:VCALENDAR") : _("the file ends inside a component "
		    "(END missing)"), err);
	if (rc == 0 && r->calendars == 0)
		rc = ics_reader_fail(r, r->line > 0 ? r->line : 1, _("no "
		    "BEGIN:VCALENDAR: not an iCalendar file"), err);
	if (r->calendar != NULL)
		icalcomponent_free(r->calendar);
	r->calendar = NULL;
	/* A parser left inside a component would carry it over. */
	icalparser_free(r->parser);
	r->parser = icalparser_new();
	strbuf_fini(&line);
	return rc;
}

/* fp itself if it can be read again from here, else a copy of it. */
static FILE *
ics_reader_rewindable(FILE *fp, off_t *at)
{
	char buf[8192];
	FILE *copy;
	size_t n;

	if ((*at = ftello(fp)) >= 0 && fseeko(fp, *at, SEEK_SET) == 0)
		return fp;
	if ((copy = tmpfile()) == NULL)
		return NULL;
	while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
		if (fwrite(buf, 1, n, copy) != n)
			break;
	if (ferror(fp) || ferror(copy) || fflush(copy) != 0) {
		fclose(copy);
		return NULL;
	}
	*at = 0;
	rewind(copy);
	return copy;
}

int
ics_read_with(FILE *fp, const struct ics_read_options *opts,
    ics_read_fn *fn, void *arg, struct err *err)
{
	struct ics_reader r;
	off_t at;
	size_t i;
	int rc;

	if (ics_lib_load(err) < 0)
		return -1;
	memset(&r, 0, sizeof r);
	r.zone_name = opts->zone;
	r.fn = fn;
	r.note = opts->note;
	r.arg = arg;
	r.strict = opts->strict;
	r.repeating_only = opts->repeating_only;
	r.libical_only = opts->libical_only;
	r.plain_read = opts->plain_read;
	if ((r.zone = ics_zone_builtin(opts->zone)) == NULL)
		return err_set(err, ERR_INVALID,
		    _("time zone '%s' is unknown to "
		    "libical"), opts->zone);
	if ((r.fp = ics_reader_rewindable(fp, &at)) == NULL)
		return err_set(err, ERR_IO, _("cannot read the calendar"));
	r.parser = icalparser_new();
	strbuf_init(&r.block);
	strbuf_init(&r.linenos);
	/* Never NULL: memchr() and memmove() may not be given NULL. */
	r.io_cap = ICS_READER_IO;
	r.io = xmalloc(r.io_cap);
	/*
	 * Pass 1 finds the zones. Without any it finds only what pass 2
	 * finds again (it checks the same BEGIN and END on the same lines),
	 * so a caller that knows there are none skips it.
	 */
	r.pass = 1;
	rc = opts->no_zones ? 0 : ics_reader_pass(&r, err);
	if (rc == 0 && !opts->no_zones && fseeko(r.fp, at, SEEK_SET) != 0)
		rc = err_set(err, ERR_IO, _("cannot read the calendar"));
	if (opts->zones_found != NULL)
		*opts->zones_found = opts->no_zones ? false : r.zones_seen;
	/*
	 * Reading only repeating events, and none repeats: pass 2 would
	 * hand on nothing, and fail on nothing pass 1 did not (not strict,
	 * what it finds wrong besides is a note, and no one takes notes).
	 */
	if (rc == 0 && (!r.repeating_only || r.strict || r.note != NULL ||
	    r.repeats)) {
		clearerr(r.fp);
		r.pass = 2;
		rc = ics_reader_pass(&r, err);
	}
	for (i = 0; i < r.nzones; i++)
		if (r.zones[i] != NULL)
			icalcomponent_free(r.zones[i]);
	free(r.zones);
	free(r.tzid_last);
	ics_plain_fini(&r.plain_event);
	icalparser_free(r.parser);
	strbuf_fini(&r.block);
	strbuf_fini(&r.linenos);
	free(r.io);
	if (r.fp != fp)
		fclose(r.fp);
	return rc;
}

int
ics_read(FILE *fp, const char *zone, ics_read_fn *fn, void *arg,
    struct err *err)
{
	struct ics_read_options opts;

	memset(&opts, 0, sizeof opts);
	opts.zone = zone;
	opts.strict = true;
	return ics_read_with(fp, &opts, fn, arg, err);
}
