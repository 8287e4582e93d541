/* SPDX-License-Identifier: ISC */
/*
 * int ics_read(FILE *fp, const char *zone, ics_read_fn *fn, void *arg,
 *     struct err *err);
 * int ics_read_with(FILE *fp, const struct ics_read_options *opts,
 *     ics_read_fn *fn, void *arg, struct err *err);
 * Replies with and without ORGANIZER, several calendars in one file,
 * folded and LF-only lines, zones from the file, all-day and floating
 * times; malformed input stops with the line it is on. Not strict: bad
 * properties and unplaceable events are notes, a VTIMEZONE after its
 * events is used, a UID made from content is the same every read.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "rooster/ics.h"
#include "rooster/util.h"

#define AMS "Europe/Amsterdam"

struct seen {
	int	 n;
	char	 uid[8][64];
	char	 attendee[8][64];
	char	 summary[8][128];
	int	 partstat[8];
	int	 sequence[8];
	int64_t	 start[8];
	int64_t	 end[8];
	int64_t	 rid[8];
	bool	 all_day[8];
	enum ics_method method[8];
	long	 line[8];
	char	 rrule[8][96];
	size_t	 nexdates[8];
	int64_t	 exdate0[8];
};

static int
seen_add(void *arg, const struct ics_read_item *it, struct err *err)
{
	struct seen *s = arg;
	int i = s->n++;

	(void)err;
	if (i >= 8)
		return 0;
	snprintf(s->uid[i], sizeof s->uid[i], "%s", it->uid);
	snprintf(s->attendee[i], sizeof s->attendee[i], "%s",
	    it->attendee ? it->attendee : "-");
	snprintf(s->summary[i], sizeof s->summary[i], "%s", it->summary);
	snprintf(s->rrule[i], sizeof s->rrule[i], "%s",
	    it->rrule ? it->rrule : "");
	s->partstat[i] = it->partstat;
	s->sequence[i] = it->sequence;
	s->start[i] = it->start;
	s->end[i] = it->end;
	s->rid[i] = it->recurrence_id;
	s->all_day[i] = it->all_day;
	s->method[i] = it->method;
	s->line[i] = it->line;
	s->nexdates[i] = it->nexdates;
	s->exdate0[i] = it->nexdates > 0 ? it->exdates[0] : 0;
	return 0;
}

static int
read_text(const char *text, struct seen *s, struct err *err)
{
	FILE *fp = fmemopen((void *)(uintptr_t)text, strlen(text), "r");
	int rc;

	memset(s, 0, sizeof *s);
	err_clear(err);
	rc = ics_read(fp, AMS, seen_add, s, err);
	fclose(fp);
	return rc;
}

#define REPLY(org, uid, who, ps) \
	"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n" \
	"METHOD:REPLY\r\nBEGIN:VEVENT\r\nUID:" uid "\r\n" \
	"DTSTAMP:20261201T083000Z\r\nSEQUENCE:3\r\n" org \
	"ATTENDEE;PARTSTAT=" ps ";CN=J:MAILTO:" who "\r\n" \
	"END:VEVENT\r\nEND:VCALENDAR\r\n"

static void
test_reader_replies(void **state)
{
	struct seen s;
	struct err err;

	(void)state;
	assert_int_equal(read_text(REPLY("ORGANIZER:mailto:o@x\r\n", "a@x",
	    "Jeroen@Example.NET", "ACCEPTED") REPLY("", "b@x", "ana@x",
	    "DECLINED") REPLY("", "c@x", "bo@x", "NEEDS-ACTION"), &s, &err),
	    0);
	assert_int_equal(s.n, 3);
	assert_int_equal(s.method[0], ICS_METHOD_REPLY);
	assert_string_equal(s.uid[0], "a@x");
	assert_string_equal(s.attendee[0], "Jeroen@Example.NET");
	assert_int_equal(s.partstat[0], ASSIGNMENT_ACCEPTED);
	assert_int_equal(s.sequence[0], 3);
	assert_string_equal(s.uid[1], "b@x");
	assert_int_equal(s.partstat[1], ASSIGNMENT_DECLINED);
	assert_int_equal(s.partstat[2], -1);
	assert_int_equal(s.line[1], 17);
}

/* Folded, LF-only, a zone of the file's own, a RECURRENCE-ID. */
static void
test_reader_events(void **state)
{
	static const char text[] =
	    "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:x\n"
	    "BEGIN:VTIMEZONE\nTZID:Custom Zone\nBEGIN:STANDARD\n"
	    "DTSTART:19700101T000000\nTZOFFSETFROM:+0300\n"
	    "TZOFFSETTO:+0300\nEND:STANDARD\nEND:VTIMEZONE\n"
	    "BEGIN:VEVENT\nUID:e1\nDTSTAMP:20261201T083000Z\n"
	    "DTSTART;TZID=Custom Zone:20270327T140000\nDURATION:PT2H\n"
	    "SUMMARY:Een lange titel die ge\n vouwen is\n"
	    "RRULE:FREQ=WEEKLY;UNTIL=20270501T120000\n"
	    "EXDATE;TZID=Custom Zone:20270403T140000,20270410T140000\n"
	    "EXDATE:20270417T110000Z\n"
	    "END:VEVENT\n"
	    "BEGIN:VTODO\nUID:t1\nBEGIN:VALARM\nACTION:DISPLAY\n"
	    "TRIGGER:-PT1H\nEND:VALARM\nEND:VTODO\n"
	    "BEGIN:VEVENT\nUID:e2\nDTSTART;VALUE=DATE:20270328\n"
	    "SUMMARY:Dag\nEND:VEVENT\n"
	    "BEGIN:VEVENT\nUID:e3\nDTSTART:20270328T140000\n"
	    "DTEND:20270328T150000Z\n"
	    "RECURRENCE-ID;TZID=Europe/Amsterdam:20270328T140000\n"
	    "SUMMARY:Zwevend\nEND:VEVENT\nEND:VCALENDAR\n";
	struct seen s;
	struct err err;

	(void)state;
	if (read_text(text, &s, &err) != 0)
		fail_msg("%s", err.msg);
	assert_int_equal(s.n, 3);
	assert_int_equal(s.method[0], ICS_METHOD_NONE);
	assert_string_equal(s.summary[0], "Een lange titel die gevouwen is");
	/* 14:00 at +03:00 is 11:00Z. */
	assert_int_equal(s.start[0], INT64_C(1806145200));
	assert_int_equal(s.end[0], INT64_C(1806145200) + 7200);
	assert_non_null(strstr(s.rrule[0], "UNTIL=20270501T090000Z"));
	assert_int_equal(s.line[0], 12);
	/* Two EXDATE lines, three dates; 14:00 at +03:00 is 11:00Z. */
	assert_int_equal(s.nexdates[0], 3);
	assert_int_equal(s.exdate0[0], INT64_C(1806145200) + 7 * 86400);
	/* A date: local midnight, one day long. */
	assert_true(s.all_day[1]);
	assert_int_equal(s.start[1], INT64_C(1806188400));
	assert_int_equal(s.end[1] - s.start[1], 86400);
	/* Floating: the plan's zone (CEST on the 28th). */
	assert_int_equal(s.start[2], INT64_C(1806235200));
	assert_int_equal(s.end[2], INT64_C(1806246000));
	assert_int_equal(s.rid[2], INT64_C(1806235200));
}

/*
 * repeating_only: the repeating events alone are parsed and handed on,
 * as a full read gives them (an rrule in any case, a second calendar);
 * the others, however broken their values, are stepped over unread.
 */
static void
test_reader_repeating_only(void **state)
{
	static const char text[] =
	    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n"	/* 1 */
	    "BEGIN:VEVENT\r\nUID:plain\r\nDTSTART:garbage\r\n"	/* 4 */
	    "SUMMARY:once\r\nEND:VEVENT\r\n"
	    "BEGIN:VEVENT\r\nUID:weekly\r\n"			/* 9 */
	    "DTSTART:20270327T130000Z\r\nDURATION:PT2H\r\n"
	    "RRULE:FREQ=WEEKLY;COUNT=3\r\nEND:VEVENT\r\n"
	    "END:VCALENDAR\r\n"
	    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:y\r\n"	/* 16 */
	    "BEGIN:VFREEBUSY\r\nUID:fb\r\nEND:VFREEBUSY\r\n"
	    "BEGIN:VEVENT\r\nUID:daily\r\n"			/* 22 */
	    "DTSTART;VALUE=DATE:20270401\r\nrrule;X-A=b:FREQ=DAILY;"
	    "COUNT=2\r\nEND:VEVENT\r\n"
	    "BEGIN:VEVENT\r\nUID:again-once\r\n"
	    "DTSTART:20270402T100000Z\r\nEND:VEVENT\r\n"
	    "END:VCALENDAR\r\n";
	struct ics_read_options opts;
	struct seen s, all;
	struct err err;
	FILE *fp;

	(void)state;
	memset(&opts, 0, sizeof opts);
	opts.zone = AMS;
	opts.repeating_only = true;
	memset(&s, 0, sizeof s);
	fp = fmemopen((void *)(uintptr_t)text, strlen(text), "r");
	if (ics_read_with(fp, &opts, seen_add, &s, &err) != 0)
		fail_msg("%s", err.msg);
	fclose(fp);
	assert_int_equal(s.n, 2);
	assert_string_equal(s.uid[0], "weekly");
	assert_int_equal(s.line[0], 9);
	assert_int_equal(s.start[0], INT64_C(1806152400));
	assert_int_equal(s.end[0], INT64_C(1806152400) + 7200);
	assert_string_equal(s.rrule[0], "FREQ=WEEKLY;COUNT=3");
	assert_string_equal(s.uid[1], "daily");
	assert_int_equal(s.line[1], 22);
	assert_true(s.all_day[1]);
	/* The same as a full read gives for them. */
	opts.repeating_only = false;
	memset(&all, 0, sizeof all);
	fp = fmemopen((void *)(uintptr_t)text, strlen(text), "r");
	if (ics_read_with(fp, &opts, seen_add, &all, &err) != 0)
		fail_msg("%s", err.msg);
	fclose(fp);
	assert_int_equal(all.n, 4);	/* "plain" skipped (no usable start), "fb" in */
	assert_string_equal(all.uid[0], "weekly");
	assert_string_equal(all.uid[2], "daily");
	assert_int_equal(all.start[2], s.start[1]);
	assert_int_equal(all.end[2], s.end[1]);
	assert_string_equal(all.rrule[2], s.rrule[1]);
}

/*
 * A read of repeating events only, when pass 1 saw no RRULE outside the
 * zones, skips pass 2: an RRULE folded over two lines still counts, a
 * zone's rules do not, nor does a bad line in a calendar with nothing
 * that repeats (a note no one takes).
 */
static void
test_reader_repeating_only_folded(void **state)
{
	static const char folded[] =
	    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n"
	    "BEGIN:VEVENT\r\nUID:once\r\nDTSTART:20270401T100000Z\r\n"
	    "END:VEVENT\r\n"
	    "BEGIN:VEVENT\r\nUID:folded\r\nDTSTART:20270401T100000Z\r\n"
	    "RRU\r\n LE:FREQ=DAILY;COUNT=2\r\nEND:VEVENT\r\n"
	    "END:VCALENDAR\r\n";
	static const char zone_only[] =
	    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n"
	    "no colon here\r\n"
	    "BEGIN:VTIMEZONE\r\nTZID:Europe/Amsterdam\r\n"
	    "BEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n"
	    "DTSTART:19701025T030000\r\n"
	    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\n"
	    "END:VTIMEZONE\r\n"
	    "BEGIN:VEVENT\r\nUID:once\r\n"
	    "DTSTART;TZID=Europe/Amsterdam:20270401T100000\r\nEND:VEVENT\r\n"
	    "END:VCALENDAR\r\n";
	struct ics_read_options opts;
	struct seen s;
	struct err err;
	FILE *fp;

	(void)state;
	memset(&opts, 0, sizeof opts);
	opts.zone = AMS;
	opts.repeating_only = true;
	memset(&s, 0, sizeof s);
	fp = fmemopen((void *)(uintptr_t)folded, strlen(folded), "r");
	if (ics_read_with(fp, &opts, seen_add, &s, &err) != 0)
		fail_msg("%s", err.msg);
	fclose(fp);
	assert_int_equal(s.n, 1);
	assert_string_equal(s.uid[0], "folded");
	assert_string_equal(s.rrule[0], "FREQ=DAILY;COUNT=2");
	memset(&s, 0, sizeof s);
	fp = fmemopen((void *)(uintptr_t)zone_only, strlen(zone_only), "r");
	assert_int_equal(ics_read_with(fp, &opts, seen_add, &s, &err), 0);
	fclose(fp);
	assert_int_equal(s.n, 0);
}

/*
 * zones_found says whether the input defines a VTIMEZONE (one after the
 * events that use it too, which places them); a read told no_zones of an
 * input without any hands on the same as a full read.
 */
static void
test_reader_no_zones(void **state)
{
	static const char none[] =
	    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n"
	    "BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20270401T100000Z\r\n"
	    "SUMMARY:one\r\nEND:VEVENT\r\n"
	    "BEGIN:VEVENT\r\nUID:b\r\nDTSTART;VALUE=DATE:20270402\r\n"
	    "RRULE:FREQ=DAILY;COUNT=2\r\nEND:VEVENT\r\n"
	    "END:VCALENDAR\r\n";
	static const char after[] =
	    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n"
	    "BEGIN:VEVENT\r\nUID:c\r\n"
	    "DTSTART;TZID=Custom:20270401T100000\r\nEND:VEVENT\r\n"
	    "BEGIN:VTIMEZONE\r\nTZID:Custom\r\n"
	    "BEGIN:STANDARD\r\nTZOFFSETFROM:+0300\r\nTZOFFSETTO:+0300\r\n"
	    "DTSTART:19700101T000000\r\nEND:STANDARD\r\n"
	    "END:VTIMEZONE\r\nEND:VCALENDAR\r\n";
	struct ics_read_options opts;
	struct seen full, skipped;
	struct err err;
	bool found = true;
	FILE *fp;

	(void)state;
	memset(&opts, 0, sizeof opts);
	opts.zone = AMS;
	opts.zones_found = &found;
	memset(&full, 0, sizeof full);
	fp = fmemopen((void *)(uintptr_t)none, strlen(none), "r");
	assert_int_equal(ics_read_with(fp, &opts, seen_add, &full, &err), 0);
	fclose(fp);
	assert_false(found);
	assert_int_equal(full.n, 2);
	opts.zones_found = NULL;
	opts.no_zones = true;
	memset(&skipped, 0, sizeof skipped);
	fp = fmemopen((void *)(uintptr_t)none, strlen(none), "r");
	assert_int_equal(ics_read_with(fp, &opts, seen_add, &skipped, &err),
	    0);
	fclose(fp);
	assert_memory_equal(&full, &skipped, sizeof full);

	opts.no_zones = false;
	opts.zones_found = &found;
	memset(&full, 0, sizeof full);
	fp = fmemopen((void *)(uintptr_t)after, strlen(after), "r");
	assert_int_equal(ics_read_with(fp, &opts, seen_add, &full, &err), 0);
	fclose(fp);
	assert_true(found);
	assert_int_equal(full.n, 1);
	/* 10:00 at +03:00 is 07:00 UTC, 2027-04-01. */
	assert_int_equal(full.start[0], INT64_C(1806562800));
}

/* The description's length of the one event read, for the test below. */
static int
long_line_item(void *arg, const struct ics_read_item *it, struct err *err)
{
	size_t *len = arg;

	(void)err;
	len[0] = strlen(it->description);
	len[1] = (size_t)it->line;
	len[2]++;
	return 0;
}

/*
 * Lines are cut from large reads: one longer than a read (folded too),
 * a byte order mark, LF and CR LF, and no line break at the very end.
 */
static void
test_reader_long_lines(void **state)
{
	struct ics_read_options opts;
	struct strbuf sb;
	struct err err;
	size_t got[3] = { 0, 0, 0 }, i;
	FILE *fp;

	(void)state;
	strbuf_init(&sb);
	strbuf_adds(&sb, "\xEF\xBB\xBF" "BEGIN:VCALENDAR\nVERSION:2.0\r\n"
	    "PRODID:x\n\nBEGIN:VEVENT\r\nUID:long\r\n"
	    "DTSTART:20270401T100000Z\r\nDESCRIPTION:");
	for (i = 0; i < 200000; i++)
		strbuf_addc(&sb, (char)('a' + i % 26));
	strbuf_adds(&sb, "\r\n ");
	for (i = 0; i < 70000; i++)
		strbuf_addc(&sb, 'z');
	strbuf_adds(&sb, "\r\nEND:VEVENT\r\nEND:VCALENDAR");
	memset(&opts, 0, sizeof opts);
	opts.zone = AMS;
	opts.strict = true;
	fp = fmemopen(sb.data, sb.len, "r");
	if (ics_read_with(fp, &opts, long_line_item, got, &err) != 0)
		fail_msg("%s", err.msg);
	fclose(fp);
	assert_int_equal(got[2], 1);
	assert_int_equal(got[0], 270000);
	assert_int_equal(got[1], 5);	/* BEGIN:VEVENT, after a blank line */
	strbuf_fini(&sb);
}

static void
test_reader_malformed(void **state)
{
	static const struct {
		const char *text;
		const char *want;
	} cases[] = {
		{ "", "line 1: no BEGIN:VCALENDAR" },
		{ "hello\r\n", "line 1: expected BEGIN:VCALENDAR" },
		{ "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\n"
		  "DTSTART:20270101T100000Z\r\n", "line 4: the file ends "
		  "inside a component" },
		{ "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\n"
		  "DTSTART:2027XX01T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
		  "line 4: " },
		{ "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\n"
		  "this is not a property\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
		  "line 4: not an iCalendar line" },
		{ "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n"
		  "DTSTART:20270101T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
		  "line 2: VEVENT without UID" },
		{ "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:y\r\n"
		  "SUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
		  "line 2: VEVENT without DTSTART" },
		{ "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:y\r\n"
		  "DTSTART;TZID=Nowhere/Land:20270101T100000\r\nEND:VEVENT\r\n"
		  "END:VCALENDAR\r\n", "time zone 'Nowhere/Land'" },
		{ "BEGIN:VCALENDAR\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
		  "line 2: END without its BEGIN" },
		{ "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\n", "line 2: the file "
		  "ends before END:VCALENDAR" },
	};
	struct seen s;
	struct err err;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		if (read_text(cases[i].text, &s, &err) != -1)
			fail_msg("case %zu read without error", i);
		assert_int_equal(err.code, ERR_INVALID);
		if (strstr(err.msg, cases[i].want) == NULL)
			fail_msg("case %zu: '%s' lacks '%s'", i, err.msg,
			    cases[i].want);
	}
}

/* The callback's -1 stops the read and its error comes back. */
static int
refuse(void *arg, const struct ics_read_item *it, struct err *err)
{
	(void)arg;
	return err_set(err, ERR_CONFLICT, "no %s", it->uid);
}

static void
test_reader_callback_stops(void **state)
{
	FILE *fp;
	struct err err;
	const char *text = REPLY("", "a@x", "j@x", "ACCEPTED");

	(void)state;
	fp = fmemopen((void *)(uintptr_t)text, strlen(text), "r");
	assert_int_equal(ics_read(fp, AMS, refuse, NULL, &err), -1);
	assert_int_equal(err.code, ERR_CONFLICT);
	assert_string_equal(err.msg, "no a@x");
	fclose(fp);
}

/* A VFREEBUSY comes as one item with its periods, FREE left out. */
static int
freebusy_seen(void *arg, const struct ics_read_item *it, struct err *err)
{
	const struct ics_read_freebusy **out = arg;
	static struct span busy[8];
	static int types[8];
	static struct ics_read_freebusy copy;
	static char organizer[64], attendee[64];
	size_t i;

	(void)err;
	assert_non_null(it->freebusy);
	copy = *it->freebusy;
	snprintf(organizer, sizeof organizer, "%s", copy.organizer);
	copy.organizer = organizer;
	assert_int_equal(copy.nattendees, 1);
	snprintf(attendee, sizeof attendee, "%s", copy.attendees[0]);
	assert_true(copy.nbusy <= 8);
	for (i = 0; i < copy.nbusy; i++) {
		busy[i] = copy.busy[i];
		types[i] = copy.busy_type[i];
	}
	copy.busy = busy;
	copy.busy_type = types;
	copy.attendees = NULL;
	*out = &copy;
	return 0;
}

static void
test_reader_freebusy(void **state)
{
	const char *text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
	    "METHOD:REPLY\r\nBEGIN:VFREEBUSY\r\n"
	    "ORGANIZER:MAILTO:org@x\r\nATTENDEE;CN=A:mailto:ana@x\r\n"
	    "DTSTART:20270301T000000Z\r\nDTEND:20270308T000000Z\r\n"
	    "FREEBUSY:20270302T090000Z/20270302T100000Z,"
	    "20270303T090000Z/PT2H\r\n"
	    "FREEBUSY;FBTYPE=FREE:20270304T090000Z/PT1H\r\n"
	    "FREEBUSY;FBTYPE=\"BUSY-TENTATIVE\":20270305T090000Z/PT1H\r\n"
	    "FREEBUSY;FBTYPE=X-FOCUS:20270306T090000Z/PT1H\r\n"
	    "END:VFREEBUSY\r\nEND:VCALENDAR\r\n";
	const struct ics_read_freebusy *fb = NULL;
	struct err err;
	FILE *fp;

	(void)state;
	fp = fmemopen((void *)(uintptr_t)text, strlen(text), "r");
	assert_int_equal(ics_read(fp, AMS, freebusy_seen, &fb, &err), 0);
	fclose(fp);
	assert_non_null(fb);
	assert_string_equal(fb->organizer, "org@x");
	assert_true(fb->ranged);
	assert_true(fb->start == INT64_C(1803859200));	/* 2027-03-01Z */
	assert_true(fb->end - fb->start == 7 * 86400);
	/* One line of two periods, tentative, and an unknown type: busy. */
	assert_int_equal(fb->nbusy, 4);
	assert_int_equal(fb->nfree, 1);
	assert_true(fb->busy[0].end - fb->busy[0].start == 3600);
	assert_true(fb->busy[1].end - fb->busy[1].start == 7200);
	assert_int_equal(fb->busy_type[0], 0);
	assert_int_equal(fb->busy_type[2], 1);
	assert_int_equal(fb->busy_type[3], 0);
}

struct noted {
	int	 n;
	int	 skipped;
	char	 text[8][160];
};

static void
noted_add(void *arg, const char *note, bool skipped)
{
	struct noted *nt = arg;

	if (nt->n < 8)
		snprintf(nt->text[nt->n], sizeof nt->text[0], "%s", note);
	nt->n++;
	nt->skipped += skipped;
}

/* Both callbacks get one arg: the items and the notes side by side. */
struct both {
	struct seen	 seen;
	struct noted	 noted;
};

static int
both_add(void *arg, const struct ics_read_item *it, struct err *err)
{
	return seen_add(&((struct both *)arg)->seen, it, err);
}

static void
both_note(void *arg, const char *note, bool skipped)
{
	noted_add(&((struct both *)arg)->noted, note, skipped);
}

static int
read_lenient(const char *text, struct both *b, struct err *err)
{
	struct ics_read_options opts;
	FILE *fp = fmemopen((void *)(uintptr_t)text, strlen(text), "r");
	int rc;

	memset(b, 0, sizeof *b);
	memset(&opts, 0, sizeof opts);
	opts.zone = AMS;
	opts.note = both_note;
	err_clear(err);
	rc = ics_read_with(fp, &opts, both_add, b, err);
	fclose(fp);
	return rc;
}

static void
test_reader_lenient(void **state)
{
	static const char text[] =
	    "BEGIN:VCALENDAR\r\n"				/* 1 */
	    "BEGIN:VEVENT\r\n"				/* 2 */
	    "UID:a@x\r\n"
	    "DTSTART;TZID=Eigen:20270410T140000\r\n"	/* 4 */
	    "DTEND;TZID=Eigen:20270410T150000\r\n"
	    "DESCRIPTION:\r\n"				/* 6 */
	    "END:VEVENT\r\n"
	    "BEGIN:VEVENT\r\n"				/* 8 */
	    "DTSTART:20270411T100000Z\r\n"
	    "SUMMARY:zonder UID\r\n"
	    "END:VEVENT\r\n"
	    "BEGIN:VEVENT\r\n"				/* 12 */
	    "UID:c@x\r\n"
	    "DTSTART;TZID=Nergens:20270412T100000\r\n"	/* 14 */
	    "END:VEVENT\r\n"
	    "BEGIN:VTIMEZONE\r\n"
	    "TZID:Eigen\r\n"
	    "BEGIN:STANDARD\r\n"
	    "DTSTART:16010101T000000\r\n"
	    "TZOFFSETFROM:+0530\r\n"
	    "TZOFFSETTO:+0530\r\n"
	    "END:STANDARD\r\n"
	    "END:VTIMEZONE\r\n"
	    "END:VCALENDAR\r\n";
	struct both b;
	struct err err;
	char uid[64];

	(void)state;
	assert_int_equal(read_lenient(text, &b, &err), 0);
	assert_int_equal(b.seen.n, 2);
	/* The zone defined after the event: 14:00 +05:30 is 08:30Z. */
	assert_string_equal(b.seen.uid[0], "a@x");
	assert_int_equal(b.seen.start[0], INT64_C(1807345800));
	assert_int_equal(b.seen.end[0] - b.seen.start[0], 3600);
	assert_int_equal(strncmp(b.seen.uid[1], "made-", 5), 0);
	snprintf(uid, sizeof uid, "%s", b.seen.uid[1]);
	assert_int_equal(b.noted.n, 3);
	assert_int_equal(b.noted.skipped, 1);
	assert_string_equal(b.noted.text[0],
	    "line 6: empty DESCRIPTION ignored");
	assert_non_null(strstr(b.noted.text[1], "line 8: VEVENT without UID"));
	assert_string_equal(b.noted.text[2], "line 14: DTSTART names time zone "
	    "'Nergens', which the file does not define; event skipped");
	/* The same content, the same UID. */
	assert_int_equal(read_lenient(text, &b, &err), 0);
	assert_string_equal(b.seen.uid[1], uid);
	/* Strict: the first problem stops the read. */
	assert_int_equal(read_text(text, &b.seen, &err), -1);
	assert_string_equal(err.msg, "line 6: empty DESCRIPTION");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reader_replies),
		cmocka_unit_test(test_reader_events),
		cmocka_unit_test(test_reader_repeating_only),
		cmocka_unit_test(test_reader_repeating_only_folded),
		cmocka_unit_test(test_reader_no_zones),
		cmocka_unit_test(test_reader_long_lines),
		cmocka_unit_test(test_reader_malformed),
		cmocka_unit_test(test_reader_callback_stops),
		cmocka_unit_test(test_reader_lenient),
		cmocka_unit_test(test_reader_freebusy),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
