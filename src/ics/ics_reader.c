/* SPDX-License-Identifier: ISC */
/*
 * Reading calendars incrementally. Lines are unfolded here only to know
 * their line numbers; each VEVENT and VTIMEZONE is handed line by line to
 * libical's parser and processed as soon as it ends, so a file of 100,000
 * events never becomes one tree. Several VCALENDARs may follow each other.
 */
#include "rooster/ics.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ics_int.h"

enum ics_reader_state {
	ICS_READER_OUTSIDE = 0,	/* between calendars */
	ICS_READER_CALENDAR,	/* in a VCALENDAR, between components */
	ICS_READER_EVENT,	/* feeding a VEVENT to the parser */
	ICS_READER_ZONE,	/* feeding a VTIMEZONE to the parser */
	ICS_READER_SKIP		/* in a component rooster does not use */
};

struct ics_reader {
	FILE		*fp;
	const char	*zone_name;	/* plan zone for floating times */
	icaltimezone	*zone;
	ics_read_fn	*fn;
	void		*arg;
	long		 line;		/* physical lines read */
	char		*pending;	/* next physical line, read ahead */
	size_t		 pending_cap;
	bool		 pending_ok;
	long		 pending_line;
	enum ics_reader_state state;
	int		 depth;		/* nesting inside the current block */
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

/* Next physical line without its CR LF into *buf; false at end of file. */
static bool
ics_reader_physical(struct ics_reader *r, char **buf, size_t *cap)
{
	ssize_t n = getline(buf, cap, r->fp);

	if (n < 0)
		return false;
	r->line++;
	while (n > 0 && ((*buf)[n - 1] == '\n' || (*buf)[n - 1] == '\r'))
		(*buf)[--n] = '\0';
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
		r->pending_ok = ics_reader_physical(r, &r->pending,
		    &r->pending_cap);
		r->pending_line = r->line;
		if (!r->pending_ok)
			return false;
	}
	strbuf_reset(out);
	strbuf_adds(out, r->pending);
	*lineno = r->pending_line;
	for (;;) {
		r->pending_ok = ics_reader_physical(r, &r->pending,
		    &r->pending_cap);
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
	size_t n = strlen(word), m;

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

/* The first X-LIC-ERROR text in c or its children, or NULL. */
static const char *
ics_reader_first_error(icalcomponent *c)
{
	icalproperty *p;
	icalcomponent *sub;
	const char *s;

	for (p = icalcomponent_get_first_property(c, ICAL_XLICERROR_PROPERTY);
	    p != NULL;
	    p = icalcomponent_get_next_property(c, ICAL_XLICERROR_PROPERTY))
		return icalproperty_get_xlicerror(p);
	for (sub = icalcomponent_get_first_component(c, ICAL_ANY_COMPONENT);
	    sub != NULL;
	    sub = icalcomponent_get_next_component(c, ICAL_ANY_COMPONENT))
		if ((s = ics_reader_first_error(sub)) != NULL)
			return s;
	return NULL;
}

/*
 * Report libical's complaint about the block just parsed, at the first
 * of its lines that libical cannot read on its own.
 */
static int
ics_reader_block_error(struct ics_reader *r, icalcomponent *c,
    struct err *err)
{
	const char *msg = ics_reader_first_error(c), *line;
	const long *linenos = (const long *)(const void *)r->linenos.data;
	size_t i, n = r->linenos.len / sizeof(long);
	icalproperty *p;
	long at = r->block_line;
	char *copy;

	line = r->block.data;
	for (i = 0; i < n; i++, line += strlen(line) + 1) {
		if (ics_reader_is(line, "BEGIN", NULL) ||
		    ics_reader_is(line, "END", NULL))
			continue;
		copy = xstrdup(line);
		p = icalproperty_new_from_string(copy);
		free(copy);
		if (p == NULL || icalproperty_get_first_parameter(p,
		    ICAL_XLICERRORTYPE_PARAMETER) != NULL ||
		    icalproperty_isa(p) == ICAL_XLICERROR_PROPERTY) {
			if (p != NULL)
				icalproperty_free(p);
			at = linenos[i];
			break;
		}
		icalproperty_free(p);
	}
	return err_set(err, ERR_INVALID, _("line %ld: %s"), at, msg != NULL ?
	    msg : _("libical cannot read this component"));
}

/*
 * The zone a TZID names: this calendar's VTIMEZONE, else libical's own
 * zone of that name (with or without libical's TZID prefix); NULL if none.
 * libical resolves DTSTART and DTEND itself, but not RECURRENCE-ID.
 */
static icaltimezone *
ics_reader_zone(struct ics_reader *r, const char *tzid)
{
	static const char prefix[] = "/freeassociation.sourceforge.net/";
	icaltimezone *z;

	if (tzid == NULL)
		return NULL;
	if (r->calendar != NULL &&
	    (z = icalcomponent_get_timezone(r->calendar, tzid)) != NULL)
		return z;
	if (strncmp(tzid, prefix, sizeof prefix - 1) == 0)
		tzid += sizeof prefix - 1;
	return ics_zone_builtin(tzid);
}

/* t (as parsed, maybe with a zone) as UTC seconds. */
static int
ics_reader_time(struct ics_reader *r, icalproperty *prop,
    struct icaltimetype t, int64_t *out, const char *what, long line,
    struct err *err)
{
	icalparameter *tzid;
	icaltimezone *z;
	char msg[160];

	if (icaltime_is_null_time(t) || !icaltime_is_valid_time(t)) {
		snprintf(msg, sizeof msg, _("%s is not a valid date or time"),
		    what);
		return ics_reader_fail(r, line, msg, err);
	}
	if (t.is_date)
		*out = (int64_t)icaltime_as_timet_with_zone(t, r->zone);
	else if (icaltime_is_utc(t))
		*out = (int64_t)icaltime_as_timet(t);
	else if (t.zone != NULL)
		*out = (int64_t)icaltime_as_timet_with_zone(t,
		    (icaltimezone *)t.zone);
	else {
		tzid = prop != NULL ? icalproperty_get_first_parameter(prop,
		    ICAL_TZID_PARAMETER) : NULL;
		if (tzid != NULL && (z = ics_reader_zone(r,
		    icalparameter_get_tzid(tzid))) != NULL) {
			*out = (int64_t)icaltime_as_timet_with_zone(t, z);
			return 0;
		}
		if (tzid != NULL) {
			snprintf(msg, sizeof msg,
			    _("%s names time zone '%.60s', "
			    "which the file does not define"), what,
			    icalparameter_get_tzid(tzid));
			return ics_reader_fail(r, line, msg, err);
		}
		*out = (int64_t)icaltime_as_timet_with_zone(t, r->zone);
	}
	return 0;
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

/* Turn the parsed VEVENT ev into an item and hand it to the callback. */
static int
ics_reader_event(struct ics_reader *r, icalcomponent *ev, struct err *err)
{
	struct ics_read_item item;
	struct icaltimetype start, end, rid;
	struct icalrecurrencetype rr;
	icalproperty *p, *sp, *ep;
	const char *addr;
	char *rrule = NULL;
	int64_t *exdates = NULL;
	int rc = -1;

	memset(&item, 0, sizeof item);
	item.line = r->block_line;
	item.method = r->method;
	item.partstat = -1;
	item.uid = icalcomponent_get_uid(ev);
	if (item.uid == NULL || *item.uid == '\0')
		return ics_reader_fail(r, item.line, _("VEVENT without UID"),
		    err);
	/* Resolve TZIDs through this calendar's VTIMEZONEs. */
	icalcomponent_add_component(r->calendar, ev);
	item.sequence = icalcomponent_get_sequence(ev);
	if (item.sequence < 0)
		item.sequence = 0;
	if ((p = icalcomponent_get_first_property(ev,
	    ICAL_DTSTAMP_PROPERTY)) != NULL &&
	    ics_reader_time(r, p, icalproperty_get_dtstamp(p), &item.dtstamp,
	    "DTSTAMP", item.line, err) < 0)
		goto out;
	sp = icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY);
	if (sp == NULL && r->method != ICS_METHOD_REPLY &&
	    r->method != ICS_METHOD_CANCEL) {
		ics_reader_fail(r, item.line, _("VEVENT without DTSTART"), err);
		goto out;
	}
	if (sp != NULL) {
		start = icalcomponent_get_dtstart(ev);
		if (ics_reader_time(r, sp, start, &item.start, "DTSTART",
		    item.line, err) < 0)
			goto out;
		item.all_day = start.is_date != 0;
		ep = icalcomponent_get_first_property(ev, ICAL_DTEND_PROPERTY);
		if (ep != NULL || icalcomponent_get_first_property(ev,
		    ICAL_DURATION_PROPERTY) != NULL) {
			end = icalcomponent_get_dtend(ev);
			if (ics_reader_time(r, ep, end, &item.end, "DTEND",
			    item.line, err) < 0)
				goto out;
		} else
			/* RFC 5545 3.6.1: a day, or an instant (given 1 h). */
			item.end = item.start + (item.all_day ? 86400 : 3600);
	}
	if ((p = icalcomponent_get_first_property(ev,
	    ICAL_RECURRENCEID_PROPERTY)) != NULL) {
		rid = icalcomponent_get_recurrenceid(ev);
		if (ics_reader_time(r, p, rid, &item.recurrence_id,
		    "RECURRENCE-ID", item.line, err) < 0)
			goto out;
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
	if ((p = icalcomponent_get_first_property(ev,
	    ICAL_RRULE_PROPERTY)) != NULL) {
		rr = icalproperty_get_rrule(p);
		if (!icaltime_is_null_time(rr.until) && !rr.until.is_date &&
		    !icaltime_is_utc(rr.until)) {
			start = icalcomponent_get_dtstart(ev);
			rr.until = icaltime_convert_to_zone(icaltime_set_timezone(
			    &rr.until, start.zone != NULL ?
			    (icaltimezone *)start.zone : r->zone),
			    icaltimezone_get_utc_timezone());
		}
		rrule = icalrecurrencetype_as_string_r(&rr);
		item.rrule = rrule;
	}
	for (p = icalcomponent_get_first_property(ev, ICAL_EXDATE_PROPERTY);
	    p != NULL;
	    p = icalcomponent_get_next_property(ev, ICAL_EXDATE_PROPERTY)) {
		exdates = xreallocarray(exdates, item.nexdates + 1,
		    sizeof *exdates);
		if (ics_reader_time(r, p, icalproperty_get_exdate(p),
		    &exdates[item.nexdates], "EXDATE", item.line, err) < 0)
			goto out;
		item.nexdates++;
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

/* Changes a yearly rule gives per year, at most; -1 if not day-picking. */
static long
ics_reader_rule_per_year(const struct icalrecurrencetype *rr)
{
	int months, days, weekdays, monthdays, i;

	if (rr->freq != ICAL_YEARLY_RECURRENCE ||
	    ics_reader_by_count(rr->by_second, ICAL_BY_SECOND_SIZE) > 0 ||
	    ics_reader_by_count(rr->by_minute, ICAL_BY_MINUTE_SIZE) > 0 ||
	    ics_reader_by_count(rr->by_hour, ICAL_BY_HOUR_SIZE) > 0 ||
	    ics_reader_by_count(rr->by_year_day, ICAL_BY_YEARDAY_SIZE) > 0 ||
	    ics_reader_by_count(rr->by_week_no, ICAL_BY_WEEKNO_SIZE) > 0)
		return -1;
	months = ics_reader_by_count(rr->by_month, ICAL_BY_MONTH_SIZE);
	monthdays = ics_reader_by_count(rr->by_month_day,
	    ICAL_BY_MONTHDAY_SIZE);
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
	return (long)(months > 0 ? months : 1) * days;
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
	strbuf_reset(&r->block);
	strbuf_reset(&r->linenos);
}

/* One content line inside a block; on its end, process the block. */
static int
ics_reader_block_line(struct ics_reader *r, char *line, long lineno,
    struct err *err)
{
	icalcomponent *c = NULL;
	int rc = 0;

	if (ics_reader_is(line, "BEGIN", NULL))
		r->depth++;
	else if (ics_reader_is(line, "END", NULL))
		r->depth--;
	if (r->state == ICS_READER_SKIP) {
		if (r->depth == 0)
			r->state = ICS_READER_CALENDAR;
		return 0;
	}
	strbuf_add(&r->block, line, strlen(line) + 1);
	strbuf_add(&r->linenos, (const char *)&lineno, sizeof lineno);
	if (strchr(line, ':') == NULL)
		return ics_reader_fail(r, lineno, _("not an iCalendar line "
		    "(no colon)"), err);
	c = icalparser_add_line(r->parser, line);
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
		rc = ics_reader_block_error(r, c, err);
	else if (r->state == ICS_READER_ZONE) {
		if (icalcomponent_isa(c) == ICAL_VTIMEZONE_COMPONENT &&
		    (rc = ics_reader_zone_check(r, c, err)) == 0) {
			icalcomponent_add_component(r->calendar, c);
			c = NULL;
		}
	} else if (icalcomponent_isa(c) == ICAL_VEVENT_COMPONENT)
		rc = ics_reader_event(r, c, err);
	if (c != NULL)
		icalcomponent_free(c);
	r->state = ICS_READER_CALENDAR;
	return rc;
}

/* A line directly inside VCALENDAR. */
static int
ics_reader_calendar_line(struct ics_reader *r, char *line, long lineno,
    struct err *err)
{
	icalproperty *p;

	if (ics_reader_is(line, "END", "VCALENDAR")) {
		icalcomponent_free(r->calendar);
		r->calendar = NULL;
		r->state = ICS_READER_OUTSIDE;
		return 0;
	}
	if (ics_reader_is(line, "BEGIN", "VEVENT") ||
	    ics_reader_is(line, "BEGIN", "VTIMEZONE") ||
	    ics_reader_is(line, "BEGIN", NULL)) {
		ics_reader_block_begin(r, ics_reader_is(line, "BEGIN",
		    "VEVENT") ? ICS_READER_EVENT : ics_reader_is(line, "BEGIN",
		    "VTIMEZONE") ? ICS_READER_ZONE : ICS_READER_SKIP, lineno);
		return ics_reader_block_line(r, line, lineno, err);
	}
	if (ics_reader_is(line, "END", NULL))
		return ics_reader_fail(r, lineno, _("END without its BEGIN"),
		    err);
	if (*line == '\0')
		return 0;
	if (strchr(line, ':') == NULL || (p = icalproperty_new_from_string(
	    line)) == NULL)
		return ics_reader_fail(r, lineno, _("not an iCalendar line"),
		    err);
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
			return ics_reader_fail(r, lineno,
			    _("METHOD rooster does "
			    "not handle (use PUBLISH, REQUEST, REPLY or "
			    "CANCEL)"), err);
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
		if (!ics_reader_is(line, "BEGIN", "VCALENDAR"))
			return ics_reader_fail(r, lineno, _("expected "
			    "BEGIN:VCALENDAR (is this an iCalendar file?)"),
			    err);
		r->calendar = icalcomponent_new(ICAL_VCALENDAR_COMPONENT);
		r->method = ICS_METHOD_NONE;
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

int
ics_read(FILE *fp, const char *zone, ics_read_fn *fn, void *arg,
    struct err *err)
{
	struct ics_reader r;
	struct strbuf line;
	long lineno = 0;
	int rc = 0;

	memset(&r, 0, sizeof r);
	r.fp = fp;
	r.zone_name = zone;
	r.fn = fn;
	r.arg = arg;
	if ((r.zone = ics_zone_builtin(zone)) == NULL)
		return err_set(err, ERR_INVALID,
		    _("time zone '%s' is unknown to "
		    "libical"), zone);
	r.parser = icalparser_new();
	strbuf_init(&line);
	strbuf_init(&r.block);
	strbuf_init(&r.linenos);
	while (rc == 0 && ics_reader_content(&r, &line, &lineno))
		rc = ics_reader_line(&r, line.data, lineno, err);
	if (rc == 0 && ferror(fp))
		rc = err_set(err, ERR_IO, _("cannot read the calendar"));
	if (rc == 0 && r.state != ICS_READER_OUTSIDE)
		rc = ics_reader_fail(&r, r.line, r.state == ICS_READER_CALENDAR ?
		    _("the file ends before END:VCALENDAR") : _("the file ends "
		    "inside a component (END missing)"), err);
	if (rc == 0 && r.calendars == 0)
		rc = ics_reader_fail(&r, r.line > 0 ? r.line : 1, _("no "
		    "BEGIN:VCALENDAR: not an iCalendar file"), err);
	if (r.calendar != NULL)
		icalcomponent_free(r.calendar);
	icalparser_free(r.parser);
	strbuf_fini(&line);
	strbuf_fini(&r.block);
	strbuf_fini(&r.linenos);
	free(r.pending);
	return rc;
}
