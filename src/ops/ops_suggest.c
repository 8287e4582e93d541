/* SPDX-License-Identifier: ISC */
/*
 * Suggestions for a shift, shared by `rooster suggest` and the screen's
 * picker: store hands over the volunteers in name order and the facts
 * near the shift of each one weighed, plan weighs them with the assign
 * rules and ranks them. Reads only.
 */
#include "rooster/ops.h"

#include <string.h>

#include "ops_int.h"

int
ops_suggest(struct store *st, int64_t shift_id, struct ops_suggest *out,
    struct err *err)
{
	return ops_suggest_top(st, shift_id, 0, out, err);
}

/*
 * Weigh one volunteer (text borrowed) by the plan's rules (the shift,
 * rest and zone of rules) and keep a copy of them.
 */
static int
ops_suggest_weigh(struct store_suggest *ss, struct ops_suggest *out,
    const struct plan_candidate *rules, const struct volunteer *v,
    struct err *err)
{
	struct store_suggest_facts f;
	struct assignment_list booked;
	struct unavailable_list off;
	struct plan_candidate c = *rules;

	if (store_suggest_facts(ss, v->id, &f, err) < 0)
		return -1;
	/* Lists over the facts: borrowed, not freed. */
	booked.items = (struct assignment *)f.near;
	booked.len = booked.cap = f.nnear;
	off.items = (struct unavailable *)f.off;
	off.len = off.cap = f.off != NULL;
	c.volunteer = v;
	c.booked = &booked;
	c.unavailable = &off;
	c.month_booked = f.month_count;
	plan_suggest_add(&out->ranked, &c, f.recent);
	volunteer_dup(volunteer_list_push(&out->volunteers), v);
	return 0;
}

/*
 * The volunteers come in name order (folded, as plan_suggest ranks
 * ties). Once n of them fit with nothing in
 * the 30 days before, nobody later in the alphabet can rank above them,
 * nor can anyone without the skill or a language asked for: those are
 * passed over, and weighed in a second pass only if the first ends
 * without n such.
 */
static int
ops_suggest_scan(struct store_suggest *ss, struct ops_suggest *out,
    const struct plan_candidate *rules, size_t n, struct err *err)
{
	const struct plan_suggestion *s;
	struct volunteer v;
	size_t certain = 0, passed = 0;
	bool second = false, fits;
	int rc;

	for (;;) {
		rc = store_suggest_next(ss, &v, err);
		if (rc == 0 && !second && passed > 0) {
			second = true;
			rc = store_suggest_rewind(ss, err);
			continue;
		}
		if (rc <= 0)
			break;
		fits = n == 0 || plan_conflict_may_fit(&out->shift, &v,
		    out->event.languages);
		if (fits == second) {
			passed += !fits;
			continue;
		}
		if (ops_suggest_weigh(ss, out, rules, &v, err) < 0)
			return -1;
		s = &out->ranked.items[out->ranked.len - 1];
		certain += s->conflicts == 0 && s->recent == 0;
		if (n > 0 && !second && certain >= n)
			break;
	}
	return rc < 0 ? -1 : 0;
}

int
ops_suggest_top(struct store *st, int64_t shift_id, size_t n,
    struct ops_suggest *out, struct err *err)
{
	struct store_suggest *ss;
	struct plan_candidate rules;
	int64_t month_start, month_end;
	bool own = !store_in_transaction(st);
	char zone[128];
	int rc;
	size_t i;

	memset(out, 0, sizeof *out);
	shift_init(&out->shift);
	event_init(&out->event);
	/* One read transaction (the caller's, or ours): one state. */
	if (own && store_begin_read(st, err) < 0)
		return -1;
	if (store_shift_get(st, shift_id, &out->shift, err) < 0 ||
	    store_event_get(st, out->shift.event_id, &out->event, err) < 0) {
		if (own)
			store_rollback(st);
		return -1;
	}
	ops_plan_rules(st, &rules, zone, sizeof zone);
	rules.shift = &out->shift;
	rules.event_languages = out->event.languages;
	rules.month_given = true;
	rtime_month_span(zone, out->shift.start, &month_start, &month_end);
	rc = store_suggest_begin(st, &out->shift, rules.rest_minutes,
	    month_start, month_end, n == 0, &ss, err);
	if (rc == 0) {
		rc = ops_suggest_scan(ss, out, &rules, n, err);
		store_suggest_end(ss);
	}
	if (own)
		store_rollback(st);
	if (rc < 0)
		return -1;
	/* The copies have settled: point the suggestions at them. */
	for (i = 0; i < out->ranked.len; i++)
		out->ranked.items[i].volunteer = &out->volunteers.items[i];
	plan_suggest_rank_top(&out->ranked, n);
	return 0;
}

const char *
ops_suggest_reason(struct ops_suggest *sg, size_t i)
{
	return plan_suggest_reason(&sg->ranked.items[i], &sg->shift,
	    sg->event.languages);
}

void
ops_suggest_fini(struct ops_suggest *s)
{
	plan_suggestion_list_free(&s->ranked);
	volunteer_list_free(&s->volunteers);
	shift_fini(&s->shift);
	event_fini(&s->event);
}
