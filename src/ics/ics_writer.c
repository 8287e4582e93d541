/* SPDX-License-Identifier: ISC */
/*
 * Writing calendars with libical, one VEVENT at a time: the head (with
 * the VTIMEZONE) and the tail come from one serialized VCALENDAR, each
 * event is built, serialized with icalcomponent_as_ical_string_r and
 * freed, so a calendar of 100,000 shifts needs the memory of one.
 *
 * The plain VEVENT of a bulk export (no repeat rule, no attendee, in the
 * plan's own zone) is written here instead, byte for byte what libical
 * writes (tests/unit/ics/test_ics_writer.c compares the two on random
 * text): its escaping, its folding (the same break points), and the
 * lines that never change within a calendar (ORGANIZER, TRIGGER, the
 * TZID prefix) serialized by libical once and kept. A tree per event and
 * its serialization were three quarters of an export's time.
 */
#include "rooster/ics.h"

#include <assert.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ics_int.h"

/*
 * A time written by the fast path, kept: a shift's end is often the next
 * one's start, and an event's shifts share their times.
 */
struct ics_writer_when {
	int64_t		 t;
	bool		 all_day;
	bool		 set;
	size_t		 len;
	char		 text[24];	/* "20260106T093000" or "20260106" */
};

/* VEVENTs of the fast path are written in blocks of about this size. */
#define ICS_WRITER_BLOCK 65536

struct ics_writer {
	FILE		*fp;
	icaltimezone	*zone;		/* libical's zone, for local times */
	char		*tzid;		/* the plain IANA name */
	char		*tail;		/* "END:VCALENDAR\r\n" as serialized */
	enum ics_method	 method;
	/* The fast path (ics_writer_fast), and what it keeps. */
	bool		 fast;		/* allowed: the zone is rtime's */
	struct strbuf	 line;		/* one property, unfolded */
	struct strbuf	 out;		/* one VEVENT */
	char		*dtstart;	/* "DTSTART;TZID=...:" */
	char		*dtend;
	char		*org_name;	/* the ORGANIZER line kept, and for */
	char		*org_email;
	char		*org_line;
	int		 trigger_minutes; /* the TRIGGER line kept, and for */
	char		*trigger_line;
	int64_t		 stamp;		/* the DTSTAMP line kept, and for */
	char		 stamp_line[96];
	size_t		 dtstart_len;
	size_t		 dtend_len;
	struct ics_writer_when when[2];	/* the last two times written */
	unsigned	 when_next;	/* the slot to replace next */
	/* The head around the calendar's name, for ics_writer_again. */
	char		*head;		/* up to the NAME line */
	char		*head_mid;	/* between it and X-WR-CALNAME */
	char		*head_end;	/* after X-WR-CALNAME */
};

const char *
ics_method_name(enum ics_method method)
{
	switch (method) {
	case ICS_METHOD_PUBLISH:
		return "PUBLISH";
	case ICS_METHOD_REQUEST:
		return "REQUEST";
	case ICS_METHOD_CANCEL:
		return "CANCEL";
	case ICS_METHOD_REPLY:
		return "REPLY";
	case ICS_METHOD_NONE:
		break;
	}
	return "";
}

static icalproperty_method
ics_writer_method(enum ics_method method)
{
	switch (method) {
	case ICS_METHOD_PUBLISH:
		return ICAL_METHOD_PUBLISH;
	case ICS_METHOD_REQUEST:
		return ICAL_METHOD_REQUEST;
	case ICS_METHOD_CANCEL:
		return ICAL_METHOD_CANCEL;
	case ICS_METHOD_REPLY:
		return ICAL_METHOD_REPLY;
	case ICS_METHOD_NONE:
		break;
	}
	return ICAL_METHOD_NONE;
}

/* An X- property; libical escapes line breaks in its value. */
static icalproperty *
ics_writer_x(const char *name, const char *value)
{
	icalproperty *p = icalproperty_new_x(value);

	icalproperty_set_x_name(p, name);
	return p;
}

/*
 * The X-WR-CALNAME line for name, CRLF included: X-WR-CALNAME is TEXT and
 * escaped as NAME is (RFC 5545 3.3.11), but libical escapes only
 * backslashes in an X- value. So the value is the one libical writes for
 * NAME, folded again at 75 octets, never inside a UTF-8 sequence.
 */
static char *
ics_writer_calname(const char *name)
{
	icalproperty *p = icalproperty_new_name(name);
	char *s = icalproperty_as_ical_string_r(p);
	struct strbuf line, out;
	const char *v;
	size_t i, col;

	icalproperty_free(p);
	strbuf_init(&line);
	strbuf_init(&out);
	v = strchr(s, ':');
	strbuf_adds(&line, "X-WR-CALNAME");
	for (i = 0; v != NULL && v[i] != '\0'; i++) {
		if (v[i] == '\r' && v[i + 1] == '\n') {
			i += v[i + 2] == ' ' ? 2 : 1;	/* unfold */
			continue;
		}
		strbuf_addc(&line, v[i]);
	}
	icalmemory_free_buffer(s);
	for (i = 0, col = 0; i < line.len; i++, col++) {
		if (col >= 75 && ((unsigned char)line.data[i] & 0xC0) != 0x80) {
			strbuf_adds(&out, "\r\n ");
			col = 1;
		}
		strbuf_addc(&out, line.data[i]);
	}
	strbuf_adds(&out, "\r\n");
	strbuf_fini(&line);
	return strbuf_detach(&out);
}

static void ics_writer_fast_init(struct ics_writer *w);
static char *ics_writer_libical_line(icalproperty *p);

static int
ics_writer_puts(struct ics_writer *w, const char *s, struct err *err)
{
	if (fputs(s, w->fp) == EOF)
		return err_set(err, ERR_IO, _("cannot write the calendar: %s"),
		    strerror(errno));
	return 0;
}

/* The head of a named calendar: its pieces around the name's lines. */
static int
ics_writer_head(struct ics_writer *w, const char *name, struct err *err)
{
	char *line = ics_writer_libical_line(icalproperty_new_name(name));
	char *calname = ics_writer_calname(name);
	int rc;

	rc = ics_writer_puts(w, w->head, err);
	if (rc == 0)
		rc = ics_writer_puts(w, line, err);
	if (rc == 0)
		rc = ics_writer_puts(w, w->head_mid, err);
	if (rc == 0)
		rc = ics_writer_puts(w, calname, err);
	if (rc == 0)
		rc = ics_writer_puts(w, w->head_end, err);
	free(line);
	free(calname);
	return rc;
}

int
ics_writer_open(FILE *fp, const struct ics_calendar *cal,
    struct ics_writer **out, struct err *err)
{
	struct ics_writer *w;
	icalcomponent *vcal, *vtz;
	struct icaldurationtype hour;
	char *prodid, *text, *end, *name_in, *stand_in;
	struct tm tm;
	time_t now = (time_t)rtime_now();
	int rc;

	*out = NULL;
	if (ics_lib_load(err) < 0)
		return -1;
	hour = icaldurationtype_null_duration();
	gmtime_r(&now, &tm);
	vtz = cal->vtimezone != NULL ?
	    icalcomponent_new_from_string(cal->vtimezone) : NULL;
	if (vtz == NULL && (vtz = ics_zone_component(cal->zone,
	    tm.tm_year + 1900 - 1, err)) == NULL)
		return -1;
	w = xcalloc(1, sizeof *w);
	w->fp = fp;
	w->method = cal->method;
	w->tzid = xstrdup(cal->zone);
	w->zone = ics_zone_builtin(cal->zone);
	strbuf_init(&w->line);
	strbuf_init(&w->out);
	ics_writer_fast_init(w);
	prodid = xasprintf("-//%s//rooster %s//NL", cal->organisation != NULL &&
	    *cal->organisation != '\0' ? cal->organisation : "rooster",
	    ROOSTER_VERSION);
	vcal = icalcomponent_vanew(ICAL_VCALENDAR_COMPONENT,
	    icalproperty_new_prodid(prodid), icalproperty_new_version("2.0"),
	    icalproperty_new_calscale("GREGORIAN"), (void *)0);
	free(prodid);
	if (cal->method != ICS_METHOD_NONE)
		icalcomponent_add_property(vcal,
		    icalproperty_new_method(ics_writer_method(cal->method)));
	if (cal->name != NULL && *cal->name != '\0') {
		/* Stand-ins, replaced below by the escaped lines. */
		icalcomponent_add_property(vcal, icalproperty_new_name(
		    "ROOSTER-NAME"));
		icalcomponent_add_property(vcal, ics_writer_x("X-WR-CALNAME",
		    "ROOSTER-CALNAME"));
	}
	icalcomponent_add_property(vcal, ics_writer_x("X-WR-TIMEZONE",
	    cal->zone));
	if (cal->method == ICS_METHOD_PUBLISH) {
		hour.hours = 1;
		icalcomponent_add_property(vcal,
		    icalproperty_new_refreshinterval(hour));
		icalcomponent_add_property(vcal, ics_writer_x("X-PUBLISHED-TTL",
		    "PT1H"));
	}
	icalcomponent_add_component(vcal, vtz);
	text = icalcomponent_as_ical_string_r(vcal);
	icalcomponent_free(vcal);
	/* Head: all before the last END:VCALENDAR; tail: that line. */
	end = strstr(text, "END:VCALENDAR");
	while (end != NULL && strstr(end + 1, "END:VCALENDAR") != NULL)
		end = strstr(end + 1, "END:VCALENDAR");
	if (end == NULL) {
		icalmemory_free_buffer(text);
		ics_writer_free(w);
		return err_set(err, ERR_IO, _("libical wrote no calendar"));
	}
	w->tail = xstrdup(end);
	*end = '\0';
	if ((name_in = strstr(text, "\nNAME:ROOSTER-NAME\r\n")) != NULL)
		name_in++;
	stand_in = strstr(text, "X-WR-CALNAME:ROOSTER-CALNAME\r\n");
	if (name_in != NULL && stand_in != NULL && name_in < stand_in) {
		*name_in = '\0';
		*stand_in = '\0';
		w->head = xstrdup(text);
		w->head_mid = xstrdup(name_in + strlen("NAME:ROOSTER-NAME\r\n"));
		w->head_end = xstrdup(stand_in + strlen(
		    "X-WR-CALNAME:ROOSTER-CALNAME\r\n"));
		rc = ics_writer_head(w, cal->name, err);
	} else
		rc = ics_writer_puts(w, text, err);
	icalmemory_free_buffer(text);
	if (rc < 0) {
		ics_writer_free(w);
		return -1;
	}
	*out = w;
	return 0;
}

/* t as local time in the writer's zone, floating (the TZID is added). */
static struct icaltimetype
ics_writer_local(const struct ics_writer *w, int64_t t)
{
	struct icaltimetype tt;

	tt = icaltime_from_timet_with_zone((time_t)t, 0, w->zone);
	tt.zone = NULL;
	return tt;
}

static struct icaltimetype
ics_writer_utc(int64_t t)
{
	return icaltime_from_timet_with_zone((time_t)t, 0,
	    icaltimezone_get_utc_timezone());
}

/* A date-time property in the plan's zone: VALUE;TZID=Europe/...:local. */
static icalproperty *
ics_writer_zoned(const struct ics_writer *w, icalproperty *p)
{
	icalproperty_add_parameter(p, icalparameter_new_tzid(w->tzid));
	return p;
}

/*
 * The instant t of item as its property value: for an all-day item the
 * date (in the writer's zone) it starts, VALUE=DATE; else the local time,
 * with TZID. p is the property made by new_fn from that value.
 */
static icalproperty *
ics_writer_when(const struct ics_writer *w, const struct ics_item *item,
    int64_t t, icalproperty *(*new_fn)(struct icaltimetype))
{
	struct icaltimetype tt;

	if (!item->all_day)
		return ics_writer_zoned(w, new_fn(ics_writer_local(w, t)));
	tt = icaltime_from_timet_with_zone((time_t)t, 1, w->zone);
	tt.zone = NULL;
	return new_fn(tt);
}

static icalparameter_partstat
ics_writer_partstat(enum assignment_status status)
{
	switch (status) {
	case ASSIGNMENT_ACCEPTED:
		return ICAL_PARTSTAT_ACCEPTED;
	case ASSIGNMENT_DECLINED:
		return ICAL_PARTSTAT_DECLINED;
	case ASSIGNMENT_TENTATIVE:
		return ICAL_PARTSTAT_TENTATIVE;
	case ASSIGNMENT_PLANNED:
	case ASSIGNMENT_INVITED:
	case ASSIGNMENT_OFFERED:
		break;
	}
	return ICAL_PARTSTAT_NEEDSACTION;
}

static icalproperty *
ics_writer_person(const struct ics_person *p, bool organizer)
{
	icalproperty *prop;
	char *uri = xasprintf("mailto:%s", p->email);

	prop = organizer ? icalproperty_new_organizer(uri) :
	    icalproperty_new_attendee(uri);
	free(uri);
	if (p->name != NULL && *p->name != '\0')
		icalproperty_add_parameter(prop, icalparameter_new_cn(p->name));
	return prop;
}

/*
 * The RRULE of item in libical's form, UNTIL moved to UTC when it was
 * given as a local time (RFC 5545 3.3.10). -1 if it does not parse.
 */
static int
ics_writer_rrule(const struct ics_writer *w, const char *rule,
    struct icalrecurrencetype *out, struct err *err)
{
	struct icalrecurrencetype rr;

	icalerror_clear_errno();
	rr = icalrecurrencetype_from_string(rule);
	if (rr.freq == ICAL_NO_RECURRENCE || icalerrno != ICAL_NO_ERROR) {
		icalerror_clear_errno();
		return err_set(err, ERR_INVALID, _("repeat rule '%s' is not a "
		    "valid RRULE"), rule);
	}
	if (!icaltime_is_null_time(rr.until) && !rr.until.is_date &&
	    !icaltime_is_utc(rr.until)) {
		rr.until = icaltime_convert_to_zone(
		    icaltime_set_timezone(&rr.until, w->zone),
		    icaltimezone_get_utc_timezone());
	}
	*out = rr;
	return 0;
}

/* The VEVENT for item; NULL with err set. The caller frees it. */
static icalcomponent *
ics_writer_event(const struct ics_writer *w, const struct ics_item *item,
    struct err *err)
{
	icalcomponent *ev, *alarm;
	icalproperty *p;
	struct icalrecurrencetype rr;
	struct icaltriggertype trigger;
	icalproperty_status status;
	size_t i;

	ev = icalcomponent_new(ICAL_VEVENT_COMPONENT);
	icalcomponent_add_property(ev, icalproperty_new_uid(item->uid));
	icalcomponent_add_property(ev, icalproperty_new_dtstamp(
	    ics_writer_utc(item->dtstamp)));
	icalcomponent_add_property(ev, icalproperty_new_sequence(
	    item->sequence));
	if (item->recurrence_id != 0)
		icalcomponent_add_property(ev, ics_writer_when(w, item,
		    item->recurrence_id, icalproperty_new_recurrenceid));
	/* All-day: DTEND is the day after the last (RFC 5545 3.6.1). */
	icalcomponent_add_property(ev, ics_writer_when(w, item, item->start,
	    icalproperty_new_dtstart));
	icalcomponent_add_property(ev, ics_writer_when(w, item, item->end,
	    icalproperty_new_dtend));
	if (item->rrule != NULL && *item->rrule != '\0') {
		if (ics_writer_rrule(w, item->rrule, &rr, err) < 0) {
			icalcomponent_free(ev);
			return NULL;
		}
		/* A date DTSTART wants a date UNTIL (RFC 5545 3.3.10). */
		if (item->all_day && !icaltime_is_null_time(rr.until) &&
		    !rr.until.is_date)
			rr.until = icaltime_from_timet_with_zone(
			    icaltime_as_timet_with_zone(rr.until,
			    icaltimezone_get_utc_timezone()), 1, w->zone);
		icalcomponent_add_property(ev, icalproperty_new_rrule(rr));
		for (i = 0; i < item->nexdates; i++)
			icalcomponent_add_property(ev, ics_writer_when(w, item,
			    item->exdates[i], icalproperty_new_exdate));
	}
	icalcomponent_add_property(ev, icalproperty_new_summary(
	    item->summary != NULL ? item->summary : ""));
	if (item->location != NULL && *item->location != '\0')
		icalcomponent_add_property(ev, icalproperty_new_location(
		    item->location));
	if (item->description != NULL && *item->description != '\0')
		icalcomponent_add_property(ev, icalproperty_new_description(
		    item->description));
	status = item->status == EVENT_CANCELLED ||
	    w->method == ICS_METHOD_CANCEL ? ICAL_STATUS_CANCELLED :
	    item->status == EVENT_TENTATIVE ? ICAL_STATUS_TENTATIVE :
	    ICAL_STATUS_CONFIRMED;
	icalcomponent_add_property(ev, icalproperty_new_status(status));
	if (item->organizer != NULL && item->organizer->email != NULL &&
	    *item->organizer->email != '\0')
		icalcomponent_add_property(ev, ics_writer_person(
		    item->organizer, true));
	if (item->attendee != NULL) {
		p = ics_writer_person(item->attendee, false);
		icalproperty_add_parameter(p, icalparameter_new_cutype(
		    ICAL_CUTYPE_INDIVIDUAL));
		icalproperty_add_parameter(p, icalparameter_new_role(
		    ICAL_ROLE_REQPARTICIPANT));
		icalproperty_add_parameter(p, icalparameter_new_partstat(
		    ics_writer_partstat(item->partstat)));
		icalproperty_add_parameter(p, icalparameter_new_rsvp(
		    ICAL_RSVP_TRUE));
		icalcomponent_add_property(ev, p);
	}
	if (item->reminder > 0 && status != ICAL_STATUS_CANCELLED) {
		trigger = icaltriggertype_from_int(-item->reminder * 60);
		alarm = icalcomponent_vanew(ICAL_VALARM_COMPONENT,
		    icalproperty_new_action(ICAL_ACTION_DISPLAY),
		    icalproperty_new_trigger(trigger),
		    icalproperty_new_description(item->summary != NULL ?
		    item->summary : ""), (void *)0);
		icalcomponent_add_component(ev, alarm);
	}
	return ev;
}

/* ---- the fast path: plain VEVENTs written as libical writes them ---- */

/* Two texts are the same, NULL reading as "". */
static bool
ics_writer_same(const char *a, const char *b)
{
	return strcmp(a != NULL ? a : "", b != NULL ? b : "") == 0;
}

/* A property line as libical serializes it, "NAME...:value\r\n". */
static char *
ics_writer_libical_line(icalproperty *p)
{
	char *text = icalproperty_as_ical_string_r(p), *copy;

	icalproperty_free(p);
	copy = xstrdup(text != NULL ? text : "");
	icalmemory_free_buffer(text);
	return copy;
}

/*
 * The text of libical's line for p up to its value: p holds a local
 * date-time of 2000-01-01 00:00, whose "20000101T000000\r\n" is cut off.
 * NULL if the line is not of that shape (or folded): no fast path then.
 */
static char *
ics_writer_prefix(icalproperty *p)
{
	char *line = ics_writer_libical_line(p);
	const char *value = "20000101T000000\r\n";
	size_t n = strlen(line), v = strlen(value);

	if (n <= v || strcmp(line + n - v, value) != 0 ||
	    strstr(line, "\r\n ") != NULL) {
		free(line);
		return NULL;
	}
	line[n - v] = '\0';
	return line;
}

static void
ics_writer_fast_init(struct ics_writer *w)
{
	struct icaltimetype tt = icaltime_from_string("20000101T000000");

	w->stamp = INT64_MIN;
	w->trigger_minutes = -1;
	/* Local times come from the C library: only in rtime's zone. */
	if (w->zone == NULL || strcmp(w->tzid, rtime_zone()) != 0)
		return;
	w->dtstart = ics_writer_prefix(ics_writer_zoned(w,
	    icalproperty_new_dtstart(tt)));
	w->dtend = ics_writer_prefix(ics_writer_zoned(w,
	    icalproperty_new_dtend(tt)));
	w->fast = w->dtstart != NULL && w->dtend != NULL;
	if (w->fast) {
		w->dtstart_len = strlen(w->dtstart);
		w->dtend_len = strlen(w->dtend);
	}
}

void
ics_writer_set_fast(struct ics_writer *w, bool fast)
{
	w->fast = fast && w->dtstart != NULL && w->dtend != NULL;
}

static bool
ics_writer_fast_fits(const struct ics_writer *w, const struct ics_item *item)
{
	return w->fast && item->recurrence_id == 0 &&
	    (item->rrule == NULL || *item->rrule == '\0') &&
	    item->attendee == NULL && item->uid != NULL &&
	    w->method != ICS_METHOD_CANCEL;
}

/*
 * Fold the line in w->line into w->out at libical's break points: a
 * line of 75 octets or more (its CRLF counted) breaks after the last
 * ';', ':' or ' ' among its first 74, else before the last byte among
 * its first 75 that starts a character, else after 74; what follows
 * goes on a line of its own after CRLF and a space, and so on.
 */
static void
ics_writer_fold(struct ics_writer *w)
{
	const unsigned char *s = (const unsigned char *)w->line.data;
	size_t left = w->line.len, at = 0, pos, next;
	bool first = true;

	while (left > 0) {
		if (left < 75)
			next = at + left;
		else {
			next = 0;
			for (pos = at + 73; pos > at && next == 0; pos--)
				if (s[pos] == ';' || s[pos] == ':' ||
				    s[pos] == ' ')
					next = pos + 1;
			for (pos = at + 74; pos > at && next == 0; pos--)
				if ((s[pos] & 0x80) == 0 ||
				    (s[pos] & 0xc0) == 0xc0)
					next = pos;
			if (next == 0)
				next = at + 74;
		}
		if (!first)
			strbuf_add(&w->out, "\r\n ", 3);
		first = false;
		strbuf_add(&w->out, w->line.data + at, next - at);
		left -= next - at;
		at = next;
	}
}

/* A TEXT value as libical escapes it (runs found by strcspn). */
static void
ics_writer_text(struct strbuf *sb, const char *s)
{
	char esc[2] = { '\\', 0 };
	size_t n;

	for (;; s++) {
		n = strcspn(s, "\b\f\r\n,;\\");
		strbuf_add(sb, s, n);
		s += n;
		switch (*s) {
		case '\0':
			return;
		case '\n':
			strbuf_add(sb, "\\n", 2);
			break;
		case ',':
		case ';':
		case '\\':
			/* One call: a description has a "," per name. */
			esc[1] = *s;
			strbuf_add(sb, esc, 2);
			break;
		default:
			break;	/* backspace, form feed, CR: dropped */
		}
	}
}

/* "NAME:" and the escaped text, folded into w->out. */
static void
ics_writer_fast_text(struct ics_writer *w, const char *name, const char *text)
{
	strbuf_reset(&w->line);
	strbuf_adds(&w->line, name);
	strbuf_addc(&w->line, ':');
	ics_writer_text(&w->line, text);
	strbuf_add(&w->line, "\r\n", 2);
	ics_writer_fold(w);
}

/* v as n decimal digits, zero-padded (0 <= v < 10^n), at p. */
static void
ics_writer_digits(char *p, int v, int n)
{
	while (n-- > 0) {
		p[n] = (char)('0' + v % 10);
		v /= 10;
	}
}

/*
 * The value of instant t as the fast path writes it: the local date and
 * time "YYYYMMDDTHHMMSS", or the local date alone for an all-day item;
 * the last two kept, so a time written again costs no conversion.
 */
static const struct ics_writer_when *
ics_writer_when_text(struct ics_writer *w, int64_t t, bool all_day)
{
	struct ics_writer_when *c;
	time_t tt = (time_t)t;
	struct tm tm;
	int year;

	for (c = w->when; c < w->when + 2; c++)
		if (c->set && c->t == t && c->all_day == all_day)
			return c;
	c = &w->when[w->when_next];
	w->when_next ^= 1;
	localtime_r(&tt, &tm);
	year = tm.tm_year + 1900;
	c->t = t;
	c->all_day = all_day;
	c->set = true;
	if (year < 0 || year > 9999 || tm.tm_sec > 59) {
		/* What "%04d" and "%02d" write beyond four and two digits. */
		snprintf(c->text, sizeof c->text, all_day ? "%04d%02d%02d" :
		    "%04d%02d%02dT%02d%02d%02d", year, tm.tm_mon + 1,
		    tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
		c->len = strlen(c->text);
		return c;
	}
	ics_writer_digits(c->text, year, 4);
	ics_writer_digits(c->text + 4, tm.tm_mon + 1, 2);
	ics_writer_digits(c->text + 6, tm.tm_mday, 2);
	c->len = 8;
	if (!all_day) {
		c->text[8] = 'T';
		ics_writer_digits(c->text + 9, tm.tm_hour, 2);
		ics_writer_digits(c->text + 11, tm.tm_min, 2);
		ics_writer_digits(c->text + 13, tm.tm_sec, 2);
		c->len = 15;
	}
	c->text[c->len] = '\0';
	return c;
}

/* prefix and the instant t: local time, or the local date (VALUE=DATE). */
static void
ics_writer_fast_when(struct ics_writer *w, const char *name,
    const char *prefix, size_t prefix_len, int64_t t, bool all_day)
{
	const struct ics_writer_when *v = ics_writer_when_text(w, t, all_day);

	strbuf_reset(&w->line);
	if (all_day) {
		strbuf_adds(&w->line, name);
		strbuf_add(&w->line, ";VALUE=DATE:", 12);
	} else
		strbuf_add(&w->line, prefix, prefix_len);
	strbuf_add(&w->line, v->text, v->len);
	strbuf_add(&w->line, "\r\n", 2);
	ics_writer_fold(w);
}

/* "SEQUENCE:n\r\n" into w->out, as "%d" writes n. */
static void
ics_writer_fast_sequence(struct ics_writer *w, int n)
{
	char buf[32];
	size_t at = sizeof buf;
	unsigned v;

	if (n < 0) {
		strbuf_addf(&w->out, "SEQUENCE:%d\r\n", n);
		return;
	}
	buf[--at] = '\n';
	buf[--at] = '\r';
	v = (unsigned)n;
	do {
		buf[--at] = (char)('0' + v % 10);
		v /= 10;
	} while (v != 0);
	strbuf_add(&w->out, "SEQUENCE:", 9);
	strbuf_add(&w->out, buf + at, sizeof buf - at);
}

/* item as one VEVENT in w->out, as ics_writer_event and libical would. */
static void
ics_writer_fast(struct ics_writer *w, const struct ics_item *item)
{
	struct icaltriggertype trigger;
	icalproperty_status status;
	time_t t;
	struct tm tm;
	bool organizer;

	/* Appended: written by ics_writer_add a block at a time. */
	strbuf_add(&w->out, "BEGIN:VEVENT\r\n", 14);
	ics_writer_fast_text(w, "UID", item->uid);
	if (item->dtstamp != w->stamp) {
		t = (time_t)item->dtstamp;
		gmtime_r(&t, &tm);
		snprintf(w->stamp_line, sizeof w->stamp_line,
		    "DTSTAMP:%04d%02d%02dT%02d%02d%02dZ\r\n", tm.tm_year + 1900,
		    tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
		    tm.tm_sec);
		w->stamp = item->dtstamp;
	}
	strbuf_adds(&w->out, w->stamp_line);
	ics_writer_fast_sequence(w, item->sequence);
	ics_writer_fast_when(w, "DTSTART", w->dtstart, w->dtstart_len,
	    item->start, item->all_day);
	ics_writer_fast_when(w, "DTEND", w->dtend, w->dtend_len, item->end,
	    item->all_day);
	ics_writer_fast_text(w, "SUMMARY", item->summary != NULL ?
	    item->summary : "");
	if (item->location != NULL && *item->location != '\0')
		ics_writer_fast_text(w, "LOCATION", item->location);
	if (item->description != NULL && *item->description != '\0')
		ics_writer_fast_text(w, "DESCRIPTION", item->description);
	status = item->status == EVENT_CANCELLED ? ICAL_STATUS_CANCELLED :
	    item->status == EVENT_TENTATIVE ? ICAL_STATUS_TENTATIVE :
	    ICAL_STATUS_CONFIRMED;
	strbuf_adds(&w->out, status == ICAL_STATUS_CANCELLED ?
	    "STATUS:CANCELLED\r\n" : status == ICAL_STATUS_TENTATIVE ?
	    "STATUS:TENTATIVE\r\n" : "STATUS:CONFIRMED\r\n");
	organizer = item->organizer != NULL && item->organizer->email != NULL &&
	    *item->organizer->email != '\0';
	if (organizer) {
		if (w->org_line == NULL || ics_writer_same(w->org_email,
		    item->organizer->email) == false ||
		    ics_writer_same(w->org_name, item->organizer->name) == false) {
			free(w->org_line);
			free(w->org_name);
			free(w->org_email);
			w->org_line = ics_writer_libical_line(
			    ics_writer_person(item->organizer, true));
			w->org_name = item->organizer->name != NULL ?
			    xstrdup(item->organizer->name) : NULL;
			w->org_email = xstrdup(item->organizer->email);
		}
		strbuf_adds(&w->out, w->org_line);
	}
	if (item->reminder > 0 && status != ICAL_STATUS_CANCELLED) {
		if (w->trigger_line == NULL ||
		    w->trigger_minutes != item->reminder) {
			free(w->trigger_line);
			trigger = icaltriggertype_from_int(-item->reminder * 60);
			w->trigger_line = ics_writer_libical_line(
			    icalproperty_new_trigger(trigger));
			w->trigger_minutes = item->reminder;
		}
		strbuf_adds(&w->out, "BEGIN:VALARM\r\nACTION:DISPLAY\r\n");
		strbuf_adds(&w->out, w->trigger_line);
		ics_writer_fast_text(w, "DESCRIPTION", item->summary != NULL ?
		    item->summary : "");
		strbuf_adds(&w->out, "END:VALARM\r\n");
	}
	strbuf_adds(&w->out, "END:VEVENT\r\n");
}

/* Write the fast path's VEVENTs not written yet. */
static int
ics_writer_flush(struct ics_writer *w, struct err *err)
{
	size_t len = w->out.len;
	bool ok = len == 0 || fwrite(w->out.data, 1, len, w->fp) == len;

	strbuf_reset(&w->out);
	if (!ok)
		return err_set(err, ERR_IO, _("cannot write the calendar: %s"),
		    strerror(errno));
	return 0;
}

int
ics_writer_add(struct ics_writer *w, const struct ics_item *item,
    struct err *err)
{
	icalcomponent *ev;
	char *text;
	int rc;

	/* w is ics_writer_open's, which loaded libical: so are the rest. */
	if (ics_writer_fast_fits(w, item)) {
		ics_writer_fast(w, item);
		return w->out.len >= ICS_WRITER_BLOCK ? ics_writer_flush(w,
		    err) : 0;
	}
	if (ics_writer_flush(w, err) < 0)
		return -1;
	if ((ev = ics_writer_event(w, item, err)) == NULL)
		return -1;
	text = icalcomponent_as_ical_string_r(ev);
	icalcomponent_free(ev);
	rc = ics_writer_puts(w, text, err);
	icalmemory_free_buffer(text);
	return rc;
}

int
ics_writer_put(struct ics_writer *w, const char *text, size_t len,
    struct err *err)
{
	if (ics_writer_flush(w, err) < 0)
		return -1;
	if (len > 0 && fwrite(text, 1, len, w->fp) != len)
		return err_set(err, ERR_IO, _("cannot write the calendar: %s"),
		    strerror(errno));
	return 0;
}

int
ics_writer_end(struct ics_writer *w, struct err *err)
{
	if (ics_writer_flush(w, err) < 0)
		return -1;
	return ics_writer_puts(w, w->tail, err);
}

int
ics_writer_again(struct ics_writer *w, FILE *fp, const char *name,
    struct err *err)
{
	assert(w->head != NULL);
	w->fp = fp;
	return ics_writer_head(w, name, err);
}

int
ics_writer_close(struct ics_writer *w, struct err *err)
{
	int rc;

	if (w == NULL)
		return 0;
	rc = ics_writer_end(w, err);
	ics_writer_free(w);
	return rc;
}

void
ics_writer_free(struct ics_writer *w)
{
	if (w == NULL)
		return;
	free(w->tzid);
	free(w->tail);
	strbuf_fini(&w->line);
	strbuf_fini(&w->out);
	free(w->dtstart);
	free(w->dtend);
	free(w->org_name);
	free(w->org_email);
	free(w->org_line);
	free(w->trigger_line);
	free(w->head);
	free(w->head_mid);
	free(w->head_end);
	free(w);
}

char *
ics_message_new(const struct ics_calendar *cal, const struct ics_item *item,
    struct err *err)
{
	struct ics_writer *w;
	char *buf = NULL;
	size_t len = 0;
	FILE *fp;
	int rc;

	if (ics_lib_load(err) < 0)
		return NULL;
	if ((fp = open_memstream(&buf, &len)) == NULL) {
		err_set(err, ERR_IO, _("out of memory for a calendar"));
		return NULL;
	}
	rc = ics_writer_open(fp, cal, &w, err);
	if (rc == 0 && (rc = ics_writer_add(w, item, err)) == 0)
		rc = ics_writer_close(w, err);
	else
		ics_writer_free(w);
	if (fclose(fp) != 0 && rc == 0)
		rc = err_set(err, ERR_IO, _("out of memory for a calendar"));
	if (rc < 0) {
		free(buf);
		return NULL;
	}
	return buf;
}

int
ics_message_check(const char *text, struct err *err)
{
	icalcomponent *root, *cal, *copy;
	icalproperty *p;
	int rc = 0;

	if (ics_lib_load(err) < 0)
		return -1;
	if ((root = icalparser_parse_string(text)) == NULL)
		return err_set(err, ERR_INVALID, _("libical cannot parse it"));
	cal = icalcomponent_isa(root) == ICAL_VCALENDAR_COMPONENT ? root :
	    icalcomponent_get_first_component(root,
	    ICAL_VCALENDAR_COMPONENT);
	for (; rc == 0 && cal != NULL; cal = cal == root ? NULL :
	    icalcomponent_get_next_component(root, ICAL_VCALENDAR_COMPONENT)) {
		/* The check adds X-LIC-ERROR to what it checks: a copy. */
		copy = icalcomponent_new_clone(cal);
		icalrestriction_check(copy);
		if (icalcomponent_count_errors(copy) > 0) {
			p = icalcomponent_get_first_property(copy,
			    ICAL_XLICERROR_PROPERTY);
			if (p == NULL) {
				icalcomponent *sub;

				for (sub = icalcomponent_get_first_component(
				    copy, ICAL_ANY_COMPONENT); sub != NULL &&
				    p == NULL;
				    sub = icalcomponent_get_next_component(copy,
				    ICAL_ANY_COMPONENT))
					p = icalcomponent_get_first_property(sub,
					    ICAL_XLICERROR_PROPERTY);
			}
			rc = err_set(err, ERR_INVALID, "%s", p != NULL ?
			    icalproperty_get_xlicerror(p) : _("restriction failed"));
		}
		icalcomponent_free(copy);
	}
	icalcomponent_free(root);
	return rc;
}
