/* SPDX-License-Identifier: ISC */
/*
 * libFuzzer target: the iCalendar importer. The input is an .ics file (an
 * event feed or an iTIP reply); ics_read parses it with libical and hands
 * each VEVENT to a callback that touches every field, so a bad pointer or
 * length in what the reader returns shows up under ASan. It is read twice:
 * strict, and as `import ics` reads it, stepping over problems with notes.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rooster/ics.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t
fuzz_ics_len(const char *s)
{
	return s != NULL ? strlen(s) : 0;
}

static int
fuzz_ics_item(void *arg, const struct ics_read_item *item, struct err *err)
{
	size_t *sum = arg, i;

	(void)err;
	*sum += fuzz_ics_len(item->uid) + fuzz_ics_len(item->summary) +
	    fuzz_ics_len(item->location) + fuzz_ics_len(item->description) +
	    fuzz_ics_len(item->rrule) + fuzz_ics_len(item->attendee);
	for (i = 0; i < item->nexdates; i++)
		*sum += (size_t)(item->exdates[i] & 1);
	*sum += (size_t)(item->start ^ item->end) & 1;
	if (item->freebusy != NULL)
		for (i = 0; i < item->freebusy->nbusy; i++)
			*sum += (size_t)(item->freebusy->busy[i].end & 1);
	return 0;
}

static void
fuzz_ics_note(void *arg, const char *note, bool skipped)
{
	size_t *sum = arg;

	*sum += strlen(note) + (size_t)skipped;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ics_read_options opts;
	struct err err;
	size_t sum = 0;
	FILE *fp;

	if (size == 0)
		return 0;
	fp = fmemopen((void *)(uintptr_t)data, size, "r");
	if (fp == NULL)
		return 0;
	ics_read(fp, "Europe/Amsterdam", fuzz_ics_item, &sum, &err);
	fclose(fp);
	fp = fmemopen((void *)(uintptr_t)data, size, "r");
	if (fp == NULL)
		return 0;
	memset(&opts, 0, sizeof opts);
	opts.zone = "Europe/Amsterdam";
	opts.note = fuzz_ics_note;
	ics_read_with(fp, &opts, fuzz_ics_item, &sum, &err);
	fclose(fp);
	return 0;
}
