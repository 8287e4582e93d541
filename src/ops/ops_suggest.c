/* SPDX-License-Identifier: ISC */
/*
 * Suggestions for a shift, shared by `rooster suggest` and the screen's
 * picker: store loads the facts for every active volunteer in one query,
 * plan weighs each with the assign rules and ranks them. Reads only.
 */
#include "rooster/ops.h"

#include <string.h>

#include "ops_int.h"

/* [start, end) of the plan-zone month holding t. */
static void
ops_suggest_month(int64_t t, int64_t *start, int64_t *end)
{
	struct tm tm;
	int64_t next;

	rtime_local(t, &tm);
	*start = rtime_day_add(t, 1 - tm.tm_mday);
	next = rtime_day_add(*start, 40);
	rtime_local(next, &tm);
	*end = rtime_day_add(next, 1 - tm.tm_mday);
}

int
ops_suggest(struct store *st, int64_t shift_id, struct ops_suggest *out,
    struct err *err)
{
	return ops_suggest_top(st, shift_id, 0, out, err);
}

int
ops_suggest_top(struct store *st, int64_t shift_id, size_t n,
    struct ops_suggest *out, struct err *err)
{
	struct assignment_list booked;
	struct unavailable_list off;
	struct plan_candidate c;
	struct store_suggest_row *r;
	int64_t month_start, month_end;
	int rest;
	size_t i;

	memset(out, 0, sizeof *out);
	shift_init(&out->shift);
	event_init(&out->event);
	if (store_shift_get(st, shift_id, &out->shift, err) < 0 ||
	    store_event_get(st, out->shift.event_id, &out->event, err) < 0)
		return -1;
	rest = ops_plan_rest_minutes(st);
	ops_suggest_month(out->shift.start, &month_start, &month_end);
	if (store_suggest_load(st, &out->shift, rest, month_start, month_end,
	    &out->rows, err) < 0)
		return -1;
	for (i = 0; i < out->rows.len; i++) {
		r = &out->rows.items[i];
		/* Lists over the row's own facts: borrowed, not freed. */
		booked.items = (struct assignment *)r->near;
		booked.len = booked.cap = r->nnear;
		off.items = (struct unavailable *)r->off;
		off.len = off.cap = r->off != NULL;
		memset(&c, 0, sizeof c);
		c.shift = &out->shift;
		c.volunteer = &r->volunteer;
		c.booked = &booked;
		c.unavailable = &off;
		c.rest_minutes = rest;
		c.event_languages = out->event.languages;
		c.month_given = true;
		c.month_booked = r->month_count;
		plan_suggest_add(&out->ranked, &c, r->recent);
	}
	plan_suggest_rank_top(&out->ranked, n);
	return 0;
}

void
ops_suggest_fini(struct ops_suggest *s)
{
	plan_suggestion_list_free(&s->ranked);
	store_suggest_list_free(&s->rows);
	shift_fini(&s->shift);
	event_fini(&s->event);
}
