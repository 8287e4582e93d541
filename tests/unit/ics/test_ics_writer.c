/* SPDX-License-Identifier: ISC */
/*
 * int ics_writer_open(FILE *fp, const struct ics_calendar *cal,
 *     struct ics_writer **out, struct err *err);
 * int ics_writer_add(struct ics_writer *w, const struct ics_item *item,
 *     struct err *err);
 * char *ics_message_new(const struct ics_calendar *cal,
 *     const struct ics_item *item, struct err *err);
 * int ics_message_check(const char *text, struct err *err);
 * A REQUEST matches the golden file but for DTSTAMP and PRODID; what is
 * written reads back through libical unchanged, hostile text included,
 * with the right UTC instants on both sides of the clock change; no text
 * adds a property.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "rooster/ics.h"

#define AMS "Europe/Amsterdam"
#define MAR27_1300Z INT64_C(1806152400)	/* 2027-03-27 14:00 CET */
#define MAR28_1200Z INT64_C(1806235200)	/* 2027-03-28 14:00 CEST */
#define HOSTILE "Caf\xc3\xa9 \"x\"; a,b: c\r\nATTENDEE:mailto:evil@x\n" \
	"END:VEVENT\\n \xd8\xb3\xd9\x84\xd8\xa7\xd9\x85"

/* Blank out the value of every line starting with one of the names. */
static void
mask(char *text, const char *const *names)
{
	char *p = text, *e;
	size_t i, n;

	while (p != NULL && *p != '\0') {
		for (i = 0; names[i] != NULL; i++) {
			n = strlen(names[i]);
			if (strncmp(p, names[i], n) == 0 && p[n] == ':')
				for (e = p + n + 1; *e != '\r' && *e != '\0';
				    e++)
					*e = 'x';
		}
		p = strchr(p, '\n');
		if (p != NULL)
			p++;
	}
}

static int
count_lines(const char *text, const char *prefix)
{
	const char *p = text;
	int n = 0;

	while (p != NULL && *p != '\0') {
		if (strncmp(p, prefix, strlen(prefix)) == 0)
			n++;
		p = strchr(p, '\n');
		if (p != NULL)
			p++;
	}
	return n;
}

static char *
slurp(const char *path)
{
	FILE *fp = fopen(path, "rb");
	char *buf;
	long n;

	if (fp == NULL)
		fail_msg("cannot open %s", path);
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	buf = calloc(1, (size_t)n + 1);
	assert_int_equal(fread(buf, 1, (size_t)n, fp), (size_t)n);
	fclose(fp);
	return buf;
}

static char *
request(const char *summary, int64_t start)
{
	struct ics_calendar cal = { ICS_METHOD_REQUEST, "Stichting Samen", NULL,
	    AMS };
	struct ics_person org = { "Mounia Balakouh", "mounia@example.org" };
	struct ics_person att = { "M\xc3\xbcller, Jeroen",
	    "jeroen@example.net" };
	struct ics_item item;
	struct err err;
	char *text;

	memset(&item, 0, sizeof item);
	item.uid = "shift-1@example.org";
	item.sequence = 2;
	item.dtstamp = INT64_C(1806000000);
	item.start = start;
	item.end = start + 3 * 3600;
	item.summary = summary;
	item.location = "Dorpshuis De Kroon, Kerkstraat 12; zaal 2";
	item.description = "Ook op deze dienst: Ana";
	item.reminder = 24 * 60;
	item.organizer = &org;
	item.attendee = &att;
	item.partstat = ASSIGNMENT_INVITED;
	text = ics_message_new(&cal, &item, &err);
	if (text == NULL)
		fail_msg("%s", err.msg);
	return text;
}

static void
test_writer_golden(void **state)
{
	static const char *const volatile_names[] = { "DTSTAMP", "PRODID",
	    "UID", NULL };
	static char path[4096];
	char *text, *golden;

	(void)state;
	if (getenv("ROOSTER_TOP") != NULL &&
	    strlen(getenv("ROOSTER_TOP")) > sizeof path - 64)
		skip();
	text = request("begeleider \xe2\x80\x93 Taalcaf\xc3\xa9", MAR27_1300Z);
	golden = slurp(getenv("ROOSTER_TOP") != NULL ?
	    strcat(strcpy(path, getenv("ROOSTER_TOP")),
	    "/tests/data/ics/request.ics") : "tests/data/ics/request.ics");
	mask(text, volatile_names);
	mask(golden, volatile_names);
	assert_string_equal(text, golden);
	free(text);
	free(golden);
}

struct got {
	int	 n;
	char	 uid[128];
	char	 summary[256];
	char	 location[128];
	char	 attendee[128];
	int	 partstat;
	int	 sequence;
	int64_t	 start;
	int64_t	 end;
	enum ics_method method;
};

static int
collect(void *arg, const struct ics_read_item *it, struct err *err)
{
	struct got *g = arg;

	(void)err;
	g->n++;
	snprintf(g->uid, sizeof g->uid, "%s", it->uid);
	snprintf(g->summary, sizeof g->summary, "%s", it->summary);
	snprintf(g->location, sizeof g->location, "%s", it->location);
	snprintf(g->attendee, sizeof g->attendee, "%s",
	    it->attendee ? it->attendee : "");
	g->partstat = it->partstat;
	g->sequence = it->sequence;
	g->start = it->start;
	g->end = it->end;
	g->method = it->method;
	return 0;
}

static void
read_back(const char *text, struct got *g)
{
	FILE *fp = fmemopen((void *)(uintptr_t)text, strlen(text), "r");
	struct err err;

	memset(g, 0, sizeof *g);
	if (ics_read(fp, AMS, collect, g, &err) != 0)
		fail_msg("read back: %s\n%s", err.msg, text);
	fclose(fp);
}

static void
test_writer_round_trip_dst(void **state)
{
	struct got g;
	char *text;

	(void)state;
	text = request("tolk", MAR28_1200Z);
	assert_non_null(strstr(text,
	    "DTSTART;TZID=Europe/Amsterdam:20270328T140000\r\n"));
	read_back(text, &g);
	assert_int_equal(g.n, 1);
	assert_int_equal(g.start, MAR28_1200Z);
	assert_int_equal(g.end, MAR28_1200Z + 3 * 3600);
	assert_int_equal(g.sequence, 2);
	assert_int_equal(g.method, ICS_METHOD_REQUEST);
	assert_string_equal(g.uid, "shift-1@example.org");
	assert_string_equal(g.location,
	    "Dorpshuis De Kroon, Kerkstraat 12; zaal 2");
	assert_string_equal(g.attendee, "jeroen@example.net");
	free(text);
	text = request("tolk", MAR27_1300Z);
	assert_non_null(strstr(text,
	    "DTSTART;TZID=Europe/Amsterdam:20270327T140000\r\n"));
	read_back(text, &g);
	assert_int_equal(g.start, MAR27_1300Z);
	free(text);
}

static void
test_writer_hostile(void **state)
{
	struct got g;
	char *text;

	(void)state;
	text = request(HOSTILE, MAR27_1300Z);
	/* One event, one attendee, and no line made by the text. */
	assert_int_equal(count_lines(text, "BEGIN:VEVENT"), 1);
	assert_int_equal(count_lines(text, "END:VEVENT"), 1);
	assert_int_equal(count_lines(text, "ATTENDEE"), 1);
	assert_null(strstr(text, "\nATTENDEE:mailto:evil"));
	assert_null(strstr(text, "\r\n\r\n"));
	read_back(text, &g);
	assert_int_equal(g.n, 1);
	/* CR LF comes back as a line break; everything else as given. */
	assert_string_equal(g.summary, "Caf\xc3\xa9 \"x\"; a,b: c\n"
	    "ATTENDEE:mailto:evil@x\nEND:VEVENT\\n "
	    "\xd8\xb3\xd9\x84\xd8\xa7\xd9\x85");
	free(text);
}

/* Every line ends in CRLF and is at most 75 octets. */
static void
test_writer_lines(void **state)
{
	const char *p, *e;
	char *text;

	(void)state;
	text = request("\xe2\x80\x93\xe2\x80\x93\xe2\x80\x93\xe2\x80\x93"
	    "\xe2\x80\x93\xe2\x80\x93\xe2\x80\x93\xe2\x80\x93\xe2\x80\x93"
	    "\xe2\x80\x93 een heel lange titel die gevouwen moet worden "
	    "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9",
	    MAR27_1300Z);
	for (p = text; *p != '\0'; p = e + 2) {
		e = strstr(p, "\r\n");
		assert_non_null(e);
		assert_true(e - p <= 75);
		/* A continuation never starts inside a UTF-8 sequence. */
		if (*p == ' ')
			assert_true(((unsigned char)p[1] & 0xc0) != 0x80);
	}
	free(text);
}

/* Streaming: many events through one writer into a file. */
static void
test_writer_stream(void **state)
{
	struct ics_calendar cal = { ICS_METHOD_PUBLISH, NULL, "Plan", AMS };
	struct ics_writer *w;
	struct ics_item item;
	struct err err;
	char *buf = NULL, uid[32];
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	int i;

	(void)state;
	assert_int_equal(ics_writer_open(fp, &cal, &w, &err), 0);
	memset(&item, 0, sizeof item);
	for (i = 0; i < 1000; i++) {
		snprintf(uid, sizeof uid, "u%d", i);
		item.uid = uid;
		item.summary = "s";
		item.start = MAR27_1300Z + i * 3600;
		item.end = item.start + 1800;
		assert_int_equal(ics_writer_add(w, &item, &err), 0);
	}
	item.rrule = "FREQ=WEEKLY;UNTIL=20270501T170000";
	assert_int_equal(ics_writer_add(w, &item, &err), 0);
	item.rrule = "FREQ=SOMETIMES";
	assert_int_equal(ics_writer_add(w, &item, &err), -1);
	assert_int_equal(err.code, ERR_INVALID);
	assert_int_equal(ics_writer_close(w, &err), 0);
	fclose(fp);
	assert_int_equal(count_lines(buf, "BEGIN:VEVENT"), 1001);
	assert_int_equal(count_lines(buf, "BEGIN:VTIMEZONE"), 1);
	assert_int_equal(count_lines(buf, "END:VCALENDAR"), 1);
	assert_int_equal(count_lines(buf, "METHOD:PUBLISH"), 1);
	assert_int_equal(count_lines(buf, "X-WR-CALNAME:Plan"), 1);
	/* A local UNTIL becomes UTC (RFC 5545 3.3.10). */
	assert_non_null(strstr(buf, "UNTIL=20270501T150000Z"));
	assert_int_equal(strcmp(buf + len - 15, "END:VCALENDAR\r\n"), 0);
	free(buf);
}

/* REQUEST, CANCEL and PUBLISH pass libical's RFC 5546 restrictions. */
static void
test_writer_itip_rules(void **state)
{
	struct ics_calendar cal = { ICS_METHOD_CANCEL, NULL, NULL, AMS };
	struct ics_person org = { "O", "o@example.org" };
	struct ics_person att = { "A", "a@example.org" };
	struct ics_item item;
	struct err err;
	char *text;

	(void)state;
	text = request("x", MAR27_1300Z);
	if (ics_message_check(text, &err) != 0)
		fail_msg("REQUEST: %s", err.msg);
	free(text);
	memset(&item, 0, sizeof item);
	item.uid = "u";
	item.sequence = 3;
	item.summary = "s";
	item.start = MAR27_1300Z;
	item.end = MAR27_1300Z + 60;
	item.organizer = &org;
	item.attendee = &att;
	text = ics_message_new(&cal, &item, &err);
	assert_non_null(strstr(text, "STATUS:CANCELLED\r\n"));
	if (ics_message_check(text, &err) != 0)
		fail_msg("CANCEL: %s", err.msg);
	free(text);
	cal.method = ICS_METHOD_PUBLISH;
	item.attendee = NULL;
	text = ics_message_new(&cal, &item, &err);
	if (ics_message_check(text, &err) != 0)
		fail_msg("PUBLISH: %s", err.msg);
	free(text);
	/* And the check can fail: a REQUEST without ATTENDEE. */
	cal.method = ICS_METHOD_REQUEST;
	item.organizer = &org;
	text = ics_message_new(&cal, &item, &err);
	assert_int_equal(ics_message_check(text, &err), -1);
	assert_int_equal(err.code, ERR_INVALID);
	free(text);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_writer_golden),
		cmocka_unit_test(test_writer_round_trip_dst),
		cmocka_unit_test(test_writer_hostile),
		cmocka_unit_test(test_writer_lines),
		cmocka_unit_test(test_writer_stream),
		cmocka_unit_test(test_writer_itip_rules),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
