/* SPDX-License-Identifier: ISC */
/*
 * bool ics_plain_read(struct ics_plain *p, const char *lines, size_t n);
 * through int ics_read_with(FILE *fp, const struct ics_read_options *opts,
 *     ics_read_fn *fn, void *arg, struct err *err);
 * A plain VEVENT is read without libical's parser (ics_plain.c); every
 * read must be the same as libical's (opts.libical_only): every item's
 * every field, every note, the result and its message. Compared on every
 * real sample under tests/ics/real, on each of them cut down to the
 * properties a plain event may hold (so that their real TZIDs, escapes
 * and UTF-8 go through the plain reader), and on thousands of random
 * events made to stand on either side of each of its rules.
 */
#include <dirent.h>
#include <inttypes.h>
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

#include "../../ics/ics_transcript.h"

#define AMS "Europe/Amsterdam"

static const char vtimezone[] =
    "BEGIN:VTIMEZONE\r\nTZID:Europe/Amsterdam\r\n"
    "BEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n"
    "TZNAME:CEST\r\nDTSTART:19700329T020000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n"
    "BEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n"
    "TZNAME:CET\r\nDTSTART:19701025T030000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\n"
    "END:VTIMEZONE\r\n";

/* Say where the two transcripts part. */
static void
diff_first(const char *a, const char *b, const char *what, int strict)
{
	size_t i = 0, start = 0;

	while (a[i] != '\0' && a[i] == b[i]) {
		if (a[i] == '\n')
			start = i + 1;
		i++;
	}
	print_error("%s (strict %d) parts at\nplain:   %.400s\n"
	    "libical: %.400s\n", what, strict, a + start, b + start);
}

/* Read text both ways, strict and not: the same. Returns plain reads. */
static size_t
both_ways(const char *text, size_t len, const char *what)
{
	size_t plain = 0, none = 0;
	char *a, *b;
	int strict;

	for (strict = 0; strict < 2; strict++) {
		a = transcript(text, len, strict, false, &plain);
		b = transcript(text, len, strict, true, &none);
		assert_non_null(a);
		assert_non_null(b);
		if (strcmp(a, b) != 0) {
			diff_first(a, b, what, strict);
			fail();
		}
		free(a);
		free(b);
	}
	assert_int_equal(none, 0);
	return plain;
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0, n;

	assert_non_null(fp);
	*len = 0;
	do {
		if (*len + 4096 + 1 > cap) {
			cap = cap * 2 + 8192;
			buf = xrealloc(buf, cap);
		}
		n = fread(buf + *len, 1, cap - *len - 1, fp);
		*len += n;
	} while (n > 0);
	fclose(fp);
	buf[*len] = '\0';
	return buf;
}

/* The name of a physical line, as far as ';' or ':'. */
static bool
name_is(const char *line, const char *name)
{
	size_t n = strlen(name);

	return strncmp(line, name, n) == 0 &&
	    (line[n] == ';' || line[n] == ':');
}

/*
 * text with each VEVENT cut down to what a plain event may hold: its
 * nested components and every other property (with its folded lines)
 * left out. Lines outside VEVENTs stay.
 */
static char *
cut_down(const char *text)
{
	static const char *const keep[] = { "UID", "DTSTAMP", "DTSTART",
	    "DTEND", "SUMMARY", "LOCATION", "DESCRIPTION", "STATUS",
	    "SEQUENCE", NULL };
	struct strbuf sb;
	const char *line = text, *end;
	int depth = 0;
	bool in = false, kept = false;
	size_t i;

	strbuf_init(&sb);
	for (; *line != '\0'; line = end) {
		end = strchr(line, '\n');
		end = end != NULL ? end + 1 : line + strlen(line);
		if (!in && strncmp(line, "BEGIN:VEVENT", 12) == 0) {
			in = true;
			depth = 0;
			kept = true;
		} else if (in && (*line == ' ' || *line == '\t')) {
			;	/* follows the line before */
		} else if (in && strncmp(line, "BEGIN:", 6) == 0) {
			depth++;
			kept = false;
		} else if (in && strncmp(line, "END:", 4) == 0) {
			kept = depth == 0;
			if (depth-- == 0)
				in = false;
		} else if (in) {
			kept = false;
			for (i = 0; depth == 0 && keep[i] != NULL; i++)
				if (name_is(line, keep[i]))
					kept = true;
		} else
			kept = true;
		if (kept)
			strbuf_add(&sb, line, (size_t)(end - line));
	}
	return strbuf_detach(&sb);
}

/*
 * Every real sample, as it is and cut down: the same both ways; the cut
 * down ones are read as plain events at least this often.
 */
static void
test_plain_real(void **state)
{
	const char *top = getenv("ROOSTER_TOP");
	char dir[4096], path[4200], *text, *cut;
	struct dirent *de;
	size_t len, plain = 0, files = 0;
	DIR *d;

	(void)state;
	snprintf(dir, sizeof dir, "%s%stests/ics/real", top != NULL ? top : "",
	    top != NULL ? "/" : "");
	d = opendir(dir);
	assert_non_null(d);
	while ((de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (len < 4 || strcmp(de->d_name + len - 4, ".ics") != 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
		text = slurp(path, &len);
		both_ways(text, len, de->d_name);
		cut = cut_down(text);
		plain += both_ways(cut, strlen(cut), de->d_name);
		files++;
		free(cut);
		free(text);
	}
	closedir(d);
	print_message("%zu real samples; cut down, %zu events read as plain\n",
	    files, plain / 2);
	assert_true(files >= 40);
	/*
	 * Cut down, some are plain (most real TZIDs are Windows names or
	 * quoted, read through ics_tzid.c, and Google's empty DESCRIPTION
	 * is a note): 14 events of 54 files when this was written.
	 */
	assert_true(plain / 2 >= 10);
}

/* xorshift64*: the same events every run. */
static uint64_t seed = 0x9e3779b97f4a7c15u;

static unsigned
rnd(unsigned n)
{
	seed ^= seed >> 12;
	seed ^= seed << 25;
	seed ^= seed >> 27;
	return (unsigned)((seed * 2685821657736338717u) >> 33) % n;
}

/* Whether this event may go wrong: half of them are made right. */
static bool messy;

/* Something odd, one time in n, in a messy event. */
static bool
odd(unsigned n)
{
	return messy && rnd(n) == 0;
}

/* TEXT of any sort: plain, escaped, odd escapes, UTF-8, bad bytes. */
static void
rnd_text(struct strbuf *sb)
{
	static const char *const bits[] = { "a", "Z", " ", "9", ",", ";",
	    ":", "\"", "\\,", "\\;", "\\\\", "\\n", "\\N", "\\t", "\\x",
	    "\\:", "\\\"", "\xc3\xa9", "\xe2\x80\x93", "\xf0\x9f\x8e\x89",
	    "\xff", "\xc3", "\x01", "\x7f", "\t", "=", "'", "^", "  " };
	unsigned n = odd(4) ? rnd(3) : 1 + rnd(40), i;

	/* Right: the first 13 bits (and UTF-8), not first or last a space. */
	strbuf_adds(sb, "a");
	for (i = 0; i < n; i++)
		strbuf_adds(sb, odd(3) ? bits[rnd(sizeof bits /
		    sizeof bits[0])] : rnd(3) == 0 ? bits[rnd(13)] :
		    rnd(6) == 0 ? bits[17 + rnd(3)] : bits[rnd(4)]);
	strbuf_adds(sb, "Z");
	if (odd(40))
		strbuf_adds(sb, "\\");		/* a lone one at the end */
}

/* A DATE or DATE-TIME value, mostly right, sometimes not quite. */
static void
rnd_time(struct strbuf *sb, bool date)
{
	static const int days[] = { 1, 15, 28, 29, 30, 31, 0, 32 };
	int y = rnd(8) == 0 ? 1 + (int)rnd(3000) : 2020 + (int)rnd(10);

	strbuf_addf(sb, "%04d%02d%02d", y, odd(10) ? (int)rnd(14) :
	    1 + (int)rnd(12), rnd(4) == 0 ? days[rnd(messy ? 8 : 4)] :
	    1 + (int)rnd(28));
	if (date && !odd(10))
		return;
	strbuf_addf(sb, "%c%02d%02d%02d", odd(20) ? 't' : 'T',
	    odd(12) ? (int)rnd(26) : (int)rnd(24),
	    odd(12) ? (int)rnd(62) : (int)rnd(60),
	    odd(12) ? (int)rnd(62) : (int)rnd(60));
	switch (messy ? rnd(12) : 3 + rnd(9)) {
	case 0:
		strbuf_adds(sb, "z");
		break;
	case 1:
		strbuf_adds(sb, "Z ");
		break;
	case 2:
		strbuf_adds(sb, "+01");
		break;
	default:
		if (rnd(2) == 0)
			strbuf_adds(sb, "Z");
		break;
	}
}

/* DTSTART or DTEND with any of the parameters real files use. */
static void
rnd_dt(struct strbuf *sb, const char *name)
{
	static const char *const params[] = { ":", ":", ":",
	    ";VALUE=DATE:", ";TZID=Europe/Amsterdam:",
	    ";TZID=Europe/Amsterdam:", ";TZID=America/New_York:",
	    ";TZID=Nowhere/Else:", ";TZID=\"Europe/Amsterdam\":",
	    ";VALUE=DATE-TIME:", ";TZID=Europe/Amsterdam;VALUE=DATE-TIME:",
	    ";TZID=W. Europe Standard Time:", ";TZID=:", ";X-A=b:",
	    ";value=date:" };
	const char *p = params[messy ? rnd(sizeof params / sizeof params[0]) :
	    rnd(6)];

	strbuf_addf(sb, "%s%s", name, p);
	rnd_time(sb, strstr(p, "DATE:") != NULL || strstr(p, "date:") != NULL ?
	    !odd(8) : odd(12));
	strbuf_adds(sb, "\r\n");
}

/* One property of a VEVENT, right or wrong in some way. */
static void
rnd_property(struct strbuf *sb, const char *name)
{
	static const char *const statuses[] = { "CONFIRMED", "TENTATIVE",
	    "CANCELLED", "confirmed", "DRAFT", "", "NEEDS-ACTION" };
	static const char *const sequences[] = { "0", "1", "7", "007",
	    "123456789", "1234567890", "99999999999", "-1", "x", "", "2 ",
	    "2147483647", "2000000001" };

	if (strcmp(name, "DTSTART") == 0 || strcmp(name, "DTEND") == 0 ||
	    strcmp(name, "DTSTAMP") == 0) {
		if (strcmp(name, "DTSTAMP") == 0 && rnd(3) != 0) {
			strbuf_adds(sb, "DTSTAMP:");
			rnd_time(sb, false);
			strbuf_adds(sb, "\r\n");
		} else
			rnd_dt(sb, name);
		return;
	}
	if (odd(30)) {
		/* The same name in another case, or with a parameter. */
		strbuf_addf(sb, "%c%s", name[0] + 32, name + 1);
	} else
		strbuf_adds(sb, name);
	if (odd(30))
		strbuf_adds(sb, ";LANGUAGE=nl");
	strbuf_adds(sb, ":");
	if (strcmp(name, "STATUS") == 0)
		strbuf_adds(sb, !odd(6) ? statuses[rnd(3)] :
		    statuses[rnd(7)]);
	else if (strcmp(name, "SEQUENCE") == 0)
		strbuf_adds(sb, sequences[messy ? rnd(sizeof sequences /
		    sizeof sequences[0]) : rnd(5)]);
	else
		rnd_text(sb);
	strbuf_adds(sb, "\r\n");
}

/* A VEVENT: mostly the plain properties, some missing, some twice. */
static void
rnd_event(struct strbuf *sb, unsigned serial)
{
	static const char *const names[] = { "DTSTAMP", "DTSTART", "DTEND",
	    "SUMMARY", "LOCATION", "DESCRIPTION", "STATUS", "SEQUENCE" };
	static const char *const others[] = { "CLASS:PUBLIC",
	    "TRANSP:OPAQUE", "X-ROOSTER-TEST:1", "CATEGORIES:a,b",
	    "DURATION:PT1H", "RRULE:FREQ=DAILY;COUNT=2",
	    "EXDATE:20270102T100000Z", "RECURRENCE-ID:20270101T100000Z",
	    "ATTENDEE;PARTSTAT=ACCEPTED:mailto:a@example.org",
	    "BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT5M\r\n"
	    "DESCRIPTION:x\r\nEND:VALARM", "X-LIC-ERROR:bad" };
	size_t i;

	messy = rnd(2) == 0;
	strbuf_adds(sb, odd(40) ? "BEGIN:vevent\r\n" : "BEGIN:VEVENT\r\n");
	if (!odd(25)) {
		if (rnd(4) == 0) {
			strbuf_adds(sb, "UID:");
			rnd_text(sb);
			strbuf_adds(sb, "\r\n");
		} else
			strbuf_addf(sb, "UID:rnd-%u@example.org\r\n", serial);
	}
	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (i == 1 ? odd(30) : rnd(6) == 0)
			continue;
		rnd_property(sb, names[i]);
		if (odd(40))
			rnd_property(sb, names[i]);
	}
	if (odd(8))
		strbuf_addf(sb, "%s\r\n", others[rnd(sizeof others /
		    sizeof others[0])]);
	strbuf_adds(sb, "END:VEVENT\r\n");
}

static void
test_plain_random(void **state)
{
	static const char *const methods[] = { "", "", "", "",
	    "METHOD:PUBLISH\r\n", "METHOD:REQUEST\r\n", "METHOD:CANCEL\r\n",
	    "METHOD:REPLY\r\n" };
	struct strbuf sb;
	size_t plain = 0, events = 0;
	unsigned cal, i, n;
	char what[64];

	(void)state;
	for (cal = 0; cal < 300; cal++) {
		strbuf_init(&sb);
		strbuf_addf(&sb, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
		    "PRODID:-//rooster//test//EN\r\n%s",
		    methods[rnd(sizeof methods / sizeof methods[0])]);
		if (rnd(3) != 0)
			strbuf_adds(&sb, vtimezone);
		n = 1 + rnd(12);
		for (i = 0; i < n; i++)
			rnd_event(&sb, cal * 100 + i);
		strbuf_adds(&sb, "END:VCALENDAR\r\n");
		snprintf(what, sizeof what, "random calendar %u", cal);
		plain += both_ways(sb.data, sb.len, what);
		events += n;
		strbuf_fini(&sb);
	}
	/* Both sides of the rules were met: many plain, many not. */
	print_message("%zu of %zu random events read as plain\n", plain,
	    events);
	assert_true(plain * 10 > events);
	assert_true(plain * 10 < events * 9);
}

/* The plain reader's own cases: each as libical reads it. */
static void
test_plain_cases(void **state)
{
	static const char *const events[] = {
		/* Rooster's own export: TZID with the calendar's zone. */
		"UID:a@x\r\nDTSTAMP:20261130T080000Z\r\n"
		"DTSTART;TZID=Europe/Amsterdam:20270328T013000\r\n"
		"DTEND;TZID=Europe/Amsterdam:20270328T033000\r\n"
		"SUMMARY:Taalcaf\xc3\xa9\\, zaal 2\\; boven\\nmet \\\\\r\n"
		"SEQUENCE:3\r\nSTATUS:TENTATIVE\r\n",
		/* All day, no DTEND: one day. */
		"UID:b@x\r\nDTSTART;VALUE=DATE:20271031\r\n",
		/* Floating, no DTEND: an hour in the plan's zone. */
		"UID:c@x\r\nDTSTART:20271031T023000\r\nSTATUS:CANCELLED\r\n",
		/* Not plain: each goes to libical and says so. */
		"UID:d@x\r\nDTSTART:20270230T100000Z\r\n",
		"UID:e@x\r\nDTSTART:20270101T100000Z\r\nSUMMARY:\r\n",
		"UID:f@x\r\nDTSTART:20270101T100000Z\r\nSUMMARY:a\\tb\r\n",
		"UID:g@x\r\nDTSTART;TZID=Nowhere:20270101T100000\r\n",
		"UID:h@x\r\nDTSTART;TZID=America/New_York:20270101T100000\r\n",
		"DTSTART:20270101T100000Z\r\n",
		"UID:\r\nDTSTART:20270101T100000Z\r\n",
		"UID:i@x\r\nDTSTART:20270101T100000Z\r\n"
		"SEQUENCE:3000000000\r\n",
		"UID:j@x\r\nDTSTART:20270101T100000Z\r\nDTEND:20270101T090000Z"
		"\r\n",
	};
	struct strbuf sb;
	size_t i, plain;
	char what[32];

	(void)state;
	for (i = 0; i < sizeof events / sizeof events[0]; i++) {
		strbuf_init(&sb);
		strbuf_addf(&sb, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n%s"
		    "BEGIN:VEVENT\r\n%sEND:VEVENT\r\nEND:VCALENDAR\r\n",
		    vtimezone, events[i]);
		snprintf(what, sizeof what, "case %zu", i);
		plain = both_ways(sb.data, sb.len, what);
		/* The first three are plain (and end before they start). */
		assert_int_equal(plain, i < 3 || i == 11 ? 2 : 0);
		strbuf_fini(&sb);
	}
}

/*
 * Calendars made to stand on the edge of what the plain reader takes,
 * whole (line ends, folds and BEGIN/END lines too): each read the same
 * both ways, and plain (2: strict and not) or left to libical (0).
 */
static void
test_plain_edges(void **state)
{
#define EV(x) "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\n" x
#define B "UID:a@x\r\nDTSTART:20270101T100000Z\r\n"
#define END "END:VEVENT\r\nEND:VCALENDAR\r\n"
	static const struct {
		const char	*text;
		size_t		 len;	/* 0: strlen(text) */
		size_t		 plain;
	} cases[] = {
		/* LF only; a fold by tab; a fold inside "é". */
		{ "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nDTSTART:20270101T1"
		  "00000Z\nSUMMARY:x\nEND:VEVENT\nEND:VCALENDAR\n", 0, 2 },
		{ EV(B "SUMMARY:ab\r\n\tcd\r\n" END), 0, 2 },
		{ EV(B "SUMMARY:caf\xc3\r\n \xa9 bar\r\n" END), 0, 2 },
		/* A fold at the very end; no END; END without BEGIN. */
		{ EV(B "SUMMARY:ab\r\n "), 0, 0 },
		{ EV(B), 0, 0 },
		{ EV(B "END:VCALENDAR\r\n"), 0, 0 },
		{ "BEGIN:VCALENDAR\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", 0, 0 },
		/* A VEVENT in a VEVENT; END and BEGIN in other case. */
		{ EV(B "BEGIN:VEVENT\r\n" B "END:VEVENT\r\n" END), 0, 0 },
		{ EV(B "END:vevent\r\nEND:VCALENDAR\r\n"), 0, 0 },
		{ "BEGIN:VCALENDAR\r\nBEGIN:vevent\r\n" B END, 0, 0 },
		{ "BEGIN:VCALENDAR\r\nBEGIN:VEVENT \r\n" B END, 0, 0 },
		{ EV(B "END:VEVENT \r\nEND:VCALENDAR\r\n"), 0, 0 },
		/* A NUL ends the line; so does a CR in it for a note. */
		{ EV(B "SUMMARY:a\0b\r\n" END), sizeof EV(B "SUMMARY:a\0b\r\n"
		  END) - 1, 2 },
		{ EV("UID:a\r\nDTSTART:20270101T100000Z\0x\r\n" END),
		  sizeof EV("UID:a\r\nDTSTART:20270101T100000Z\0x\r\n" END) -
		  1, 2 },
		{ EV(B "SUMMARY:a\rb\r\n" END), 0, 0 },
		/* Bytes that are not UTF-8 are passed on as libical does. */
		{ EV(B "SUMMARY:a\xff" "b\xc3\r\n" END), 0, 2 },
		{ EV("UID:\xff\xfe\r\nDTSTART:20270101T100000Z\r\n" END), 0, 2 },
		/* Escapes: the five, a lone one at the end, \: */
		{ EV(B "SUMMARY:a\\nb\\Nc\\,d\\;e\\\\f\r\n" END), 0, 2 },
		{ EV(B "SUMMARY:ab\\\r\n" END), 0, 0 },
		{ EV(B "SUMMARY:ab\\\\\\\r\n" END), 0, 0 },
		{ EV(B "SUMMARY:a\\:b\r\n" END), 0, 0 },
		{ EV("UID:a\\,b\\;c\\nd\r\nDTSTART:20270101T100000Z\r\n" END),
		  0, 2 },
		/* Twice, in other case, with a parameter. */
		{ EV(B "UID:b@x\r\n" END), 0, 0 },
		{ EV(B "DTSTART:20270102T100000Z\r\n" END), 0, 0 },
		{ EV("uid:a@x\r\nDTSTART:20270101T100000Z\r\n" END), 0, 0 },
		{ EV("Uid:a@x\r\nDtStart:20270101T100000Z\r\n" END), 0, 0 },
		{ EV(B "SUMMARY;LANGUAGE=nl:x\r\n" END), 0, 0 },
		{ EV(B "STATUS:confirmed\r\n" END), 0, 0 },
		/* TZIDs the calendar does not define; quoted; with a Z. */
		{ EV("UID:a\r\nDTSTART;TZID=Europe/Amsterdam:20270101T100000"
		  "\r\n" END), 0, 0 },
		{ EV("UID:a\r\nDTSTART;TZID=\"Europe/Amsterdam\":20270101T1"
		  "00000\r\n" END), 0, 0 },
		{ EV("UID:a\r\nDTSTART;TZID=Europe/Amsterdam:20270101T100000Z"
		  "\r\n" END), 0, 0 },
		{ EV(B "DTEND;TZID=Foo:20270101T110000\r\n" END), 0, 0 },
		/* A DATE with a time, a time without VALUE=DATE. */
		{ EV("UID:a\r\nDTSTART;VALUE=DATE:20270101T100000\r\n" END), 0,
		  0 },
		{ EV("UID:a\r\nDTSTART:20270101\r\n" END), 0, 0 },
		{ EV(B "DTEND;VALUE=DATE:20270102\r\n" END), 0, 2 },
		/* Years 0, 1, 1969, 3000 (libical's last), 3001, 9999. */
		{ EV("UID:a\r\nDTSTART:00000101T100000Z\r\n" END), 0, 0 },
		{ EV("UID:a\r\nDTSTART:00010101T100000Z\r\n" END), 0, 2 },
		{ EV("UID:a\r\nDTSTART;VALUE=DATE:00010101\r\n" END), 0, 2 },
		{ EV("UID:a\r\nDTSTART:19691231T235959Z\r\n" END), 0, 2 },
		{ EV("UID:a\r\nDTSTART:30001231T235959Z\r\n" END), 0, 2 },
		{ EV("UID:a\r\nDTSTART:30010101T000000Z\r\n" END), 0, 0 },
		{ EV("UID:a\r\nDTSTART:99991231T235959\r\n" END), 0, 0 },
		{ EV("UID:a\r\nDTSTART;VALUE=DATE:99991231\r\n" END), 0, 0 },
		/* Feb 30, Feb 29 of 2100 and 2400, 24:00, 23:59:60. */
		{ EV("UID:a\r\nDTSTART:20270230T100000Z\r\n" END), 0, 0 },
		{ EV("UID:a\r\nDTSTART:21000229T100000Z\r\n" END), 0, 0 },
		{ EV("UID:a\r\nDTSTART:24000229T100000Z\r\n" END), 0, 2 },
		{ EV("UID:a\r\nDTSTART:20270101T240000Z\r\n" END), 0, 0 },
		{ EV("UID:a\r\nDTSTART:20270101T235960Z\r\n" END), 0, 0 },
		/* SEQUENCE: 9 digits, 9 zeros, past an int. */
		{ EV(B "SEQUENCE:999999999\r\n" END), 0, 2 },
		{ EV(B "SEQUENCE:000000000\r\n" END), 0, 2 },
		{ EV(B "SEQUENCE:99999999999999999999999\r\n" END), 0, 0 },
		/* Empty values; a blank line; a line with no colon. */
		{ EV(B "SUMMARY:\r\n" END), 0, 0 },
		{ EV(B "STATUS:\r\n" END), 0, 0 },
		{ EV(B "SEQUENCE:\r\n" END), 0, 0 },
		{ EV(B "DTEND:\r\n" END), 0, 0 },
		{ EV(B "DTSTAMP:\r\n" END), 0, 0 },
		{ EV(B "\r\nSUMMARY:x\r\n" END), 0, 2 },
		{ EV(B "SUMMARY\r\n" END), 0, 1 },
		/* A DTSTAMP floating or a date. */
		{ EV(B "DTSTAMP:20270101T100000\r\n" END), 0, 2 },
		{ EV(B "DTSTAMP:20270101\r\n" END), 0, 0 },
		/* A line longer than any buffer. */
		{ NULL, 0, 2 },
	};
	struct strbuf sb;
	size_t i, len;
	char what[32];

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		strbuf_init(&sb);
		if (cases[i].text != NULL)
			strbuf_add(&sb, cases[i].text, cases[i].len != 0 ?
			    cases[i].len : strlen(cases[i].text));
		else {
			strbuf_adds(&sb, EV(B "SUMMARY:"));
			for (len = 0; len < 300000; len++)
				strbuf_adds(&sb, len % 75 == 74 ? "\xc3\xa9" :
				    "x");
			strbuf_adds(&sb, "\r\n" END);
		}
		snprintf(what, sizeof what, "edge %zu", i);
		len = both_ways(sb.data, sb.len, what);
		if (len != cases[i].plain)
			print_error("%s: %zu reads as plain, not %zu\n", what,
			    len, cases[i].plain);
		assert_int_equal(len, cases[i].plain);
		strbuf_fini(&sb);
	}
#undef EV
#undef B
#undef END
}

/*
 * The reader takes the file 64 KiB at a time (ics_reader_physical()):
 * plain events whose lines, CR LF, folds (one inside "é") and last line
 * without a break fall across that edge at every offset are read as
 * without it, and the same both ways.
 */
static void
test_plain_read_edge(void **state)
{
	static const char events[] =
	    "BEGIN:VEVENT\r\nUID:edge-1@x\r\nDTSTAMP:20261130T080000Z\r\n"
	    "DTSTART;TZID=Europe/Amsterdam:20270328T013000\r\n"
	    "DTEND;TZID=Europe/Amsterdam:20270328T033000\r\n"
	    "SUMMARY:Taalcaf\xc3\r\n \xa9\\, zaal 2\\; boven\\nmet \\\\\r\n"
	    "SEQUENCE:3\r\nSTATUS:TENTATIVE\r\nEND:VEVENT\r\n"
	    "BEGIN:VEVENT\nUID:edge-2@x\nDTSTART;VALUE=DATE:20271031\n"
	    "LOCATION:a\n\tb\nEND:VEVENT\n"
	    "BEGIN:VEVENT\r\nUID:edge-3@x\r\nDTSTART:20271031T023000\r\n"
	    "END:VEVENT\r\nEND:VCALENDAR";
	struct strbuf sb;
	char *want = NULL, *got;
	size_t pad, plain, base;

	(void)state;
	for (pad = 0; pad < sizeof events + 8; pad++) {
		strbuf_init(&sb);
		strbuf_addf(&sb, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n%s"
		    "X-PAD:", vtimezone);
		/* The events start this far before the first read's end. */
		base = 65535 - (sizeof events - 1) + pad;
		while (sb.len + 2 < base)
			strbuf_adds(&sb, "x");
		strbuf_adds(&sb, "\r\n");
		strbuf_adds(&sb, events);
		plain = 0;
		got = transcript(sb.data, sb.len, false, false, &plain);
		assert_non_null(got);
		assert_int_equal(plain, 3);
		if (want == NULL)
			want = got;
		else {
			if (strcmp(got, want) != 0) {
				diff_first(got, want, "read edge", 0);
				fail();
			}
			free(got);
		}
		assert_int_equal(both_ways(sb.data, sb.len, "read edge"), 6);
		strbuf_fini(&sb);
	}
	free(want);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_cases),
		cmocka_unit_test(test_plain_edges),
		cmocka_unit_test(test_plain_read_edge),
		cmocka_unit_test(test_plain_real),
		cmocka_unit_test(test_plain_random),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
