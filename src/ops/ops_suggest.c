/* SPDX-License-Identifier: ISC */
/*
 * Suggestions for a shift, shared by `rooster suggest` and the screen's
 * picker: store gathers the facts near the shift in a few scans and hands
 * over the volunteers in name order, plan weighs each with the assign
 * rules and ranks them. Reads only.
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

struct ops_suggest_scan {
	struct ops_suggest	*out;
	int			 rest;
	size_t			 want;		/* 0: everyone */
	size_t			 certain;	/* fits, none recent */
};

static int
ops_suggest_row(const struct store_suggest_row *r, void *arg)
{
	struct ops_suggest_scan *sc = arg;
	struct ops_suggest *out = sc->out;
	struct assignment_list booked;
	struct unavailable_list off;
	struct plan_candidate c;
	const struct plan_suggestion *s;

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
	c.rest_minutes = sc->rest;
	c.event_languages = out->event.languages;
	c.month_given = true;
	c.month_booked = r->month_count;
	plan_suggest_add(&out->ranked, &c, r->recent);
	/* Keep a copy: the row's text lives only during this call. */
	volunteer_dup(volunteer_list_push(&out->volunteers), &r->volunteer);
	s = &out->ranked.items[out->ranked.len - 1];
	if (s->conflicts == 0 && s->recent == 0)
		sc->certain++;
	/*
	 * Names come in order: once want volunteers fit with nothing in the
	 * 30 days before, nobody later in the alphabet can rank above them.
	 */
	return sc->want > 0 && sc->certain >= sc->want ? 1 : 0;
}

int
ops_suggest_top(struct store *st, int64_t shift_id, size_t n,
    struct ops_suggest *out, struct err *err)
{
	struct ops_suggest_scan sc;
	int64_t month_start, month_end;
	size_t i;

	memset(out, 0, sizeof *out);
	shift_init(&out->shift);
	event_init(&out->event);
	if (store_shift_get(st, shift_id, &out->shift, err) < 0 ||
	    store_event_get(st, out->shift.event_id, &out->event, err) < 0)
		return -1;
	memset(&sc, 0, sizeof sc);
	sc.out = out;
	sc.rest = ops_plan_rest_minutes(st);
	sc.want = n;
	ops_suggest_month(out->shift.start, &month_start, &month_end);
	if (store_suggest_scan(st, &out->shift, sc.rest, month_start,
	    month_end, ops_suggest_row, &sc, err) < 0)
		return -1;
	/* The copies have settled: point the suggestions at them. */
	for (i = 0; i < out->ranked.len; i++)
		out->ranked.items[i].volunteer = &out->volunteers.items[i];
	plan_suggest_rank_top(&out->ranked, n);
	return 0;
}

void
ops_suggest_fini(struct ops_suggest *s)
{
	plan_suggestion_list_free(&s->ranked);
	volunteer_list_free(&s->volunteers);
	shift_fini(&s->shift);
	event_fini(&s->event);
}
