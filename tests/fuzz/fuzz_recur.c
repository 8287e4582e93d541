/* SPDX-License-Identifier: ISC */
/*
 * libFuzzer target: repeat-rule expansion. The input is a rule (up to the
 * first newline) and, after it, bytes that pick the series' start (some
 * day between 1970 and 2200, at some minute) and the plan's zone. Every
 * rule must be expanded or refused within the expansion's own bounds;
 * test_fuzz.sh gives each input a time limit (tests/fuzz/recur.options),
 * so a rule that makes libical scan for long is a failure, as a crash is.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rooster/ics.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const fuzz_recur_zones[] = { "Europe/Amsterdam", "UTC",
    "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu" };

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nl = memchr(data, '\n', size);
	size_t n = nl != NULL ? (size_t)(nl - data) : size, i;
	uint32_t pick = 0;
	int64_t start, *v = NULL, until;
	size_t count = 0;
	char *rule;
	int rc;

	rule = xmalloc(n + 1);
	memcpy(rule, data, n);
	rule[n] = '\0';
	for (i = n + 1; i < size && i < n + 5; i++)
		pick = pick << 8 | data[i];
	/* 1970-01-01 .. 2199-12-31, on the minute. */
	start = (int64_t)(pick % (230u * 366 * 1440)) * 60;
	until = pick & 1 ? start + 366 * INT64_C(86400) : 0;
	rc = ics_recur_expand(rule, start, fuzz_recur_zones[pick %
	    (sizeof fuzz_recur_zones / sizeof fuzz_recur_zones[0])], until, 501,
	    &v, &count, NULL);
	if (rc == 0) {
		if (count < 1 || count > 501 || v[0] != start)
			abort();
		for (i = 1; i < count; i++)
			if (v[i] <= v[i - 1] || (until != 0 && v[i] >= until))
				abort();
	} else if (v != NULL || count != 0)
		abort();
	free(v);
	free(rule);
	return 0;
}
