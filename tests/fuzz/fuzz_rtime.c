/* SPDX-License-Identifier: ISC */
/*
 * libFuzzer target: date and time parsing (rtime_parse_when, _day) in a
 * zone with daylight saving, and formatting back whatever parsed. The
 * input is the text typed after --start or --from.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rooster/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	struct err err;
	char *s, buf[64];
	int64_t t;

	if (!ready) {
		rtime_zone_set("Europe/Amsterdam", NULL);
		ready = 1;
	}
	s = malloc(size + 1);
	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	if (rtime_parse_when(s, &t, &err) == 0) {
		rtime_format_when(t, buf, sizeof buf);
		rtime_format_iso(t, buf, sizeof buf);
	}
	if (rtime_parse_day(s, 1806152400, &t, &err) == 0)
		rtime_format_iso(t, buf, sizeof buf);
	free(s);
	return 0;
}
