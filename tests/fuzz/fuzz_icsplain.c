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

#include "../ics/ics_transcript.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *a, *b;
	int strict;

	if (size == 0)
		return 0;
	for (strict = 0; strict < 2; strict++) {
		a = transcript(data, size, strict, false, NULL);
		b = transcript(data, size, strict, true, NULL);
		if (a == NULL || b == NULL) {
			free(a);
			free(b);
			return 0;
		}
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
