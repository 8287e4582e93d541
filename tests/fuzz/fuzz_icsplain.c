/* SPDX-License-Identifier: ISC */
/*
 * libFuzzer target: the plain VEVENT reader (src/ics/ics_plain.c) against
 * libical's. The input is an .ics file, read strict and not, once as
 * `import ics` reads it (plain events without libical's parser) and once
 * with libical only; everything each read hands on (every item's every
 * field, every note, the result and its message) is written down, and
 * the two transcripts must be the same: abort() if not, so the fuzzer
 * keeps the input that tells them apart. Seeded from tests/ics/real.
 */
#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rooster/ics.h"
#include "rooster/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
fuzz_icsplain_item(void *arg, const struct ics_read_item *it,
    struct err *err)
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
fuzz_icsplain_note(void *arg, const char *note, bool skipped)
{
	strbuf_addf(arg, "note skipped=%d %s\n", (int)skipped, note);
}

/* The transcript of reading data (libical only or not). */
static char *
fuzz_icsplain_read(const uint8_t *data, size_t size, bool strict,
    bool libical_only)
{
	struct ics_read_options opts;
	struct strbuf sb;
	struct err err;
	FILE *fp;
	int rc;

	strbuf_init(&sb);
	memset(&opts, 0, sizeof opts);
	memset(&err, 0, sizeof err);
	opts.zone = "Europe/Amsterdam";
	opts.strict = strict;
	opts.note = strict ? NULL : fuzz_icsplain_note;
	opts.libical_only = libical_only;
	fp = fmemopen((void *)(uintptr_t)data, size, "r");
	if (fp == NULL)
		return strbuf_detach(&sb);
	rc = ics_read_with(fp, &opts, fuzz_icsplain_item, &sb, &err);
	fclose(fp);
	strbuf_addf(&sb, "rc=%d", rc);
	if (rc < 0)
		strbuf_addf(&sb, " code=%d msg=%s", (int)err.code, err.msg);
	return strbuf_detach(&sb);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *a, *b;
	int strict;

	if (size == 0)
		return 0;
	for (strict = 0; strict < 2; strict++) {
		a = fuzz_icsplain_read(data, size, strict, false);
		b = fuzz_icsplain_read(data, size, strict, true);
		if (strcmp(a, b) != 0) {
			fprintf(stderr, "plain and libical differ (strict %d)"
			    "\nplain:\n%s\nlibical:\n%s\n", strict, a, b);
			abort();
		}
		free(a);
		free(b);
	}
	return 0;
}
