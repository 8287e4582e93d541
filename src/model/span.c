/* SPDX-License-Identifier: ISC */
/* Half-open intervals: two shifts overlap when each starts before the other ends. */
#include "rooster/model.h"

bool
span_overlaps(struct span a, struct span b)
{
	return a.start < b.end && b.start < a.end;
}

bool
span_contains(struct span s, int64_t t)
{
	return s.start <= t && t < s.end;
}
