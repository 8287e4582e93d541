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
 * adds a property. The writer's own VEVENTs (the fast path of a bulk
 * export) are byte for byte libical's for random text of every kind, and
 * read back through libical with the same text and UTC instants.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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
	    AMS, NULL };
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
	struct ics_calendar cal = { ICS_METHOD_PUBLISH, NULL, "Plan", AMS,
	    NULL };
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

/* One calendar, named name, with two events: through a new writer. */
static char *
again_one(struct ics_writer **w, const char *name)
{
	struct ics_calendar cal = { ICS_METHOD_PUBLISH, "Org", NULL, AMS,
	    NULL };
	struct ics_item item;
	struct err err;
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	cal.name = name;
	if (*w == NULL)
		assert_int_equal(ics_writer_open(fp, &cal, w, &err), 0);
	else
		assert_int_equal(ics_writer_again(*w, fp, name, &err), 0);
	memset(&item, 0, sizeof item);
	item.uid = "u1";
	item.dtstamp = MAR27_1300Z;
	item.summary = name;
	item.start = MAR27_1300Z;
	item.end = MAR28_1200Z;
	assert_int_equal(ics_writer_add(*w, &item, &err), 0);
	assert_int_equal(ics_writer_end(*w, &err), 0);
	fclose(fp);
	return buf;
}

/*
 * int ics_writer_again(struct ics_writer *w, FILE *fp, const char *name,
 *     struct err *err);
 * Each calendar begun again is byte for byte one from a writer of its
 * own, for names libical escapes and folds.
 */
static void
test_writer_again(void **state)
{
	static const char *const names[] = { "Plan \xe2\x80\x93 Ana",
	    HOSTILE, "a;b,c\\d", "Stichting Samen \xe2\x80\x93 "
	    "\xd8\xb3\xd9\x84\xd8\xa7\xd9\x85 \xd8\xb3\xd9\x84"
	    "\xd8\xa7\xd9\x85 van der Linden-Vermeulen de Groot", "x" };
	struct ics_writer *many = NULL, *own;
	char *a, *b;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		own = NULL;
		a = again_one(&many, names[i]);
		b = again_one(&own, names[i]);
		assert_string_equal(a, b);
		assert_int_equal(count_lines(a, "BEGIN:VEVENT"), 1);
		assert_int_equal(count_lines(a, "BEGIN:VCALENDAR"), 1);
		assert_int_equal(strcmp(a + strlen(a) - 15,
		    "END:VCALENDAR\r\n"), 0);
		ics_writer_free(own);
		free(a);
		free(b);
	}
	ics_writer_free(many);
}

/* REQUEST, CANCEL and PUBLISH pass libical's RFC 5546 restrictions. */
static void
test_writer_itip_rules(void **state)
{
	struct ics_calendar cal = { ICS_METHOD_CANCEL, NULL, NULL, AMS,
	    NULL };
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

/* ---- the fast path against libical, on random items ---- */

static uint32_t fw_seed = 20261207;

static uint32_t
fw_rand(uint32_t n)
{
	fw_seed = fw_seed * 1103515245u + 12345u;
	return (fw_seed >> 8) % n;
}

/*
 * Random text: ASCII, UTF-8 of two, three and four bytes, control
 * characters, the characters TEXT escapes, line breaks; long enough now
 * and then to fold several times, at any byte.
 */
static void
fw_text(char *buf, size_t size, bool nonempty)
{
	static const char *const bits[] = {
		"a", "Z", " ", ";", ",", "\\", ":", "\"", "^", "\n", "\r",
		"\r\n", "\t", "\x01", "\x08", "\x0c", "\x1f", "\x7f",
		"\xc3\xa9", "\xd8\xb3", "\xe2\x80\x93", "\xe1\x8a\xa0",
		"\xe4\xb8\xad", "\xf0\x9f\x98\x80", "\xf0\x90\x8c\xb0",
		"Taalcaf\xc3\xa9 ", "\\n", "END:VEVENT", "x@y.nl",
	};
	size_t n = 0, len = 1 + fw_rand(fw_rand(4) == 0 ? 200 : 40), k;
	const char *b;

	buf[0] = '\0';
	if (!nonempty && fw_rand(5) == 0)
		return;
	for (k = 0; k < len; k++) {
		b = bits[fw_rand(sizeof bits / sizeof bits[0])];
		if (n + strlen(b) + 1 >= size)
			break;
		memcpy(buf + n, b, strlen(b));
		n += strlen(b);
	}
	buf[n] = '\0';
}

struct fw_back {
	const struct ics_item	*item;
	int			 seen;
};

/* libical's reading of what the fast path wrote: the same item. */
static int
fw_read(void *arg, const struct ics_read_item *r, struct err *err)
{
	struct fw_back *b = arg;
	const struct ics_item *it = b->item;
	char want[2048];
	const char *p;
	size_t n = 0;

	(void)err;
	b->seen++;
	assert_int_equal(r->start, it->start);
	assert_int_equal(r->end, it->end);
	assert_int_equal(r->all_day, it->all_day);
	assert_int_equal(r->sequence, it->sequence);
	assert_int_equal(r->dtstamp, it->dtstamp);
	/* What TEXT keeps: all but backspace, form feed and CR. */
	for (p = it->summary; *p != '\0' && n + 1 < sizeof want; p++)
		if (*p != '\b' && *p != '\f' && *p != '\r')
			want[n++] = *p;
	/* The reader trims what surrounds a title. */
	while (n > 0 && strchr(" \t", want[n - 1]) != NULL)
		n--;
	want[n] = '\0';
	for (p = want; *p != '\0' && strchr(" \t", *p) != NULL; p++)
		;
	assert_string_equal(r->summary, p);
	return 0;
}

/* t is within an hour of a clock change (local time may name two). */
static bool
fw_ambiguous(int64_t t)
{
	time_t a = (time_t)(t - 3700), b = (time_t)(t + 3700);
	struct tm ta, tb;

	localtime_r(&a, &ta);
	localtime_r(&b, &tb);
	return ta.tm_gmtoff != tb.tm_gmtoff;
}

static void
test_writer_fast_is_libical(void **state)
{
	struct ics_calendar cal = { ICS_METHOD_PUBLISH, "Org", "Plan", AMS,
	    NULL };
	struct ics_person org = { NULL, "no-reply@example.org" };
	char uid[128], summary[2048], location[2048], description[4096];
	char orgname[128];
	char *fast_buf, *slow_buf;
	size_t fast_len, slow_len, i;
	struct ics_writer *fast, *slow;
	struct fw_back back;
	struct ics_item item;
	struct err err;
	FILE *ff, *sf, *fa, *sa;
	int checked = 0;
	/* Every item through one pair of writers too: what the fast path
	 * keeps from item to item (times, blocks of output) is compared. */
	struct ics_writer *fast_all, *slow_all;
	char *fast_all_buf = NULL, *slow_all_buf = NULL;
	size_t fast_all_len, slow_all_len;
	int64_t prev_start = 0, prev_end = 0;
	bool prev_all_day = true;

	(void)state;
	assert_int_equal(rtime_zone_set(AMS, &err), 0);
	fa = open_memstream(&fast_all_buf, &fast_all_len);
	sa = open_memstream(&slow_all_buf, &slow_all_len);
	assert_int_equal(ics_writer_open(fa, &cal, &fast_all, &err), 0);
	assert_int_equal(ics_writer_open(sa, &cal, &slow_all, &err), 0);
	ics_writer_set_fast(slow_all, false);
	for (i = 0; i < 3000; i++) {
		fast_buf = slow_buf = NULL;
		ff = open_memstream(&fast_buf, &fast_len);
		sf = open_memstream(&slow_buf, &slow_len);
		assert_int_equal(ics_writer_open(ff, &cal, &fast, &err), 0);
		assert_int_equal(ics_writer_open(sf, &cal, &slow, &err), 0);
		ics_writer_set_fast(slow, false);
		memset(&item, 0, sizeof item);
		/* Something is left of a UID whatever libical drops. */
		uid[0] = 'u';
		fw_text(uid + 1, sizeof uid - 1, false);
		summary[0] = 's';
		fw_text(summary + 1, sizeof summary - 1, false);
		/* libical writes a value of dropped characters empty: not
		 * for this test, which reads them back. */
		location[0] = 'l';
		fw_text(location + 1, sizeof location - 1, false);
		description[0] = 'd';
		fw_text(description + 1, sizeof description - 1, false);
		if (fw_rand(4) == 0)
			location[0] = '\0';
		if (fw_rand(4) == 0)
			description[0] = '\0';
		fw_text(orgname, sizeof orgname, false);
		item.uid = uid;
		item.summary = summary;
		item.location = location;
		item.description = description;
		item.sequence = (int)fw_rand(3) * (int)fw_rand(1000);
		item.dtstamp = INT64_C(1796000000) + fw_rand(100000000);
		item.all_day = fw_rand(4) == 0;
		/* 2026-2031, any minute: both sides of every clock change. */
		item.start = INT64_C(1767225600) + (int64_t)fw_rand(2700000) *
		    60;
		if (item.all_day)
			item.start = rtime_day_add(item.start, 0);
		item.end = item.all_day ? rtime_day_add(item.start,
		    1 + (int)fw_rand(3)) : item.start + 60 +
		    (int64_t)fw_rand(5000) * 60;
		/* The hour a clock change repeats names two instants. */
		if (fw_ambiguous(item.start) || fw_ambiguous(item.end))
			item.start += 3 * 3600, item.end += 3 * 3600;
		/*
		 * Now and then a time written just before: a shift that
		 * starts as the last ended, or at the midnight an all-day
		 * item began; and now and then seconds.
		 */
		if (i > 0 && !item.all_day && fw_rand(3) == 0) {
			item.start = prev_all_day ? prev_start : prev_end;
			if (fw_rand(4) == 0)
				item.start += fw_rand(60);
			item.end = item.start + 60 + (int64_t)fw_rand(500) *
			    60 + fw_rand(60);
			if (fw_ambiguous(item.start) || fw_ambiguous(item.end))
				item.start += 3 * 3600, item.end += 3 * 3600;
		}
		prev_start = item.start;
		prev_end = item.end;
		prev_all_day = item.all_day;
		item.status = (enum event_status)fw_rand(3);
		item.reminder = fw_rand(2) == 0 ? 0 : (int)(1 + fw_rand(20000));
		org.name = orgname;
		item.organizer = fw_rand(5) == 0 ? NULL : &org;
		assert_int_equal(ics_writer_add(fast_all, &item, &err), 0);
		assert_int_equal(ics_writer_add(slow_all, &item, &err), 0);
		assert_int_equal(ics_writer_add(fast, &item, &err), 0);
		assert_int_equal(ics_writer_add(slow, &item, &err), 0);
		assert_int_equal(ics_writer_close(fast, &err), 0);
		assert_int_equal(ics_writer_close(slow, &err), 0);
		fclose(ff);
		fclose(sf);
		if (strcmp(fast_buf, slow_buf) != 0)
			fail_msg("item %zu differs:\n--- libical\n%s\n--- fast\n"
			    "%s", i, slow_buf, fast_buf);
		/* And libical reads it back as it was. */
		ff = fmemopen(fast_buf, fast_len, "r");
		back.item = &item;
		back.seen = 0;
		if (ics_read(ff, AMS, fw_read, &back, &err) != 0)
			fail_msg("item %zu does not read back: %s\n%s", i,
			    err.msg, fast_buf);
		fclose(ff);
		assert_int_equal(back.seen, 1);
		checked++;
		free(fast_buf);
		free(slow_buf);
	}
	assert_int_equal(checked, 3000);
	assert_int_equal(ics_writer_close(fast_all, &err), 0);
	assert_int_equal(ics_writer_close(slow_all, &err), 0);
	fclose(fa);
	fclose(sa);
	assert_int_equal(fast_all_len, slow_all_len);
	assert_int_equal(count_lines(fast_all_buf, "BEGIN:VEVENT"), 3000);
	if (strcmp(fast_all_buf, slow_all_buf) != 0)
		fail_msg("the calendar of all items differs");
	free(fast_all_buf);
	free(slow_all_buf);
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
		cmocka_unit_test(test_writer_again),
		cmocka_unit_test(test_writer_itip_rules),
		cmocka_unit_test(test_writer_fast_is_libical),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
