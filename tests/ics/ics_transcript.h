/* SPDX-License-Identifier: ISC */
/*
 * The transcript of an iCalendar read: everything ics_read_with() hands
 * on (every item's every field, every note, the result and its message)
 * as text, so that two reads can be compared. Shared by the plain
 * reader's unit test (tests/unit/ics/test_ics_plain.c) and its fuzz
 * target (tests/fuzz/fuzz_icsplain.c), so that a field added to
 * struct ics_read_item is compared by both at once.
 */
#ifndef ROOSTER_TESTS_ICS_TRANSCRIPT_H
#define ROOSTER_TESTS_ICS_TRANSCRIPT_H

#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "rooster/ics.h"
#include "rooster/util.h"

/* Everything a read hands on, as text. */
static int
transcript_item(void *arg, const struct ics_read_item *it, struct err *err)
{
	struct strbuf *sb = arg;
	size_t i;

	(void)err;
	strbuf_addf(sb, "item line=%ld method=%d uid=[%s] seq=%d clamped=%d "
	    "stamp=%" PRId64 " start=%" PRId64 " end=%" PRId64 " all_day=%d "
	    "rid=%" PRId64 " future=%d summary=[%s] location=[%s] "
	    "description=[%s] status=%d rrule=[%s] attendee=[%s] "
	    "sent_by=[%s] partstat=%d freebusy=%d exdates=", it->line,
	    (int)it->method, it->uid, it->sequence, (int)it->sequence_clamped,
	    it->dtstamp, it->start, it->end, (int)it->all_day,
	    it->recurrence_id, (int)it->this_and_future, it->summary,
	    it->location, it->description, (int)it->status,
	    it->rrule != NULL ? it->rrule : "(none)",
	    it->attendee != NULL ? it->attendee : "(none)",
	    it->sent_by != NULL ? it->sent_by : "(none)", it->partstat,
	    it->freebusy != NULL);
	for (i = 0; i < it->nexdates; i++)
		strbuf_addf(sb, "%" PRId64 ",", it->exdates[i]);
	strbuf_adds(sb, "\n");
	return 0;
}

static void
transcript_note(void *arg, const char *note, bool skipped)
{
	strbuf_addf(arg, "note skipped=%d %s\n", (int)skipped, note);
}

/*
 * The transcript of reading text in Europe/Amsterdam (libical only or
 * not); *plain, if not NULL, counts the events read plain. NULL if the
 * text cannot be opened as a stream.
 */
static char *
transcript(const void *text, size_t len, bool strict, bool libical_only,
    size_t *plain)
{
	struct ics_read_options opts;
	struct strbuf sb;
	struct err err;
	FILE *fp;
	int rc;

	memset(&opts, 0, sizeof opts);
	memset(&err, 0, sizeof err);
	opts.zone = "Europe/Amsterdam";
	opts.strict = strict;
	opts.note = strict ? NULL : transcript_note;
	opts.libical_only = libical_only;
	opts.plain_read = plain;
	fp = fmemopen((void *)(uintptr_t)text, len, "r");
	if (fp == NULL)
		return NULL;
	strbuf_init(&sb);
	rc = ics_read_with(fp, &opts, transcript_item, &sb, &err);
	fclose(fp);
	strbuf_addf(&sb, "rc=%d", rc);
	if (rc < 0)
		strbuf_addf(&sb, " code=%d msg=%s", (int)err.code, err.msg);
	return strbuf_detach(&sb);
}

#endif
