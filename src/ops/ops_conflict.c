/* SPDX-License-Identifier: ISC */
/*
 * Every current conflict in the plan, for `rooster conflicts` and for the
 * screen's marks: store finds the candidates in one windowed pass, plan
 * judges each with the rules assign uses, this file counts the months in
 * between. Reads only.
 */
#include "rooster/ops.h"

#include <string.h>

#include "ops_int.h"

struct ops_conflict_scan {
	ops_conflict_fn	*fn;
	void		*arg;
	int		 rest_minutes;
	int64_t		 volunteer;	/* month being counted */
	int		 month;
	int		 in_month;	/* shifts seen in it so far */
};

static int
ops_conflict_row(const struct store_audit_row *r, void *arg)
{
	struct ops_conflict_scan *cs = arg;
	struct plan_conflict_list found = { 0 };
	struct assignment_list booked = { 0 };
	struct unavailable_list off = { 0 };
	struct plan_candidate c;
	int month = rtime_month(r->shift.start), rc = 0;
	size_t i;

	/* Rows come by volunteer, then start: count each plan-zone month. */
	if (r->volunteer.id != cs->volunteer || month != cs->month) {
		cs->volunteer = r->volunteer.id;
		cs->month = month;
		cs->in_month = 0;
	}
	memset(&c, 0, sizeof c);
	c.month_given = true;
	c.month_booked = cs->in_month++;
	if (!r->in_range)
		return 0;
	/* One-element lists over the borrowed row: nothing to free. */
	if (r->previous.shift_id != 0) {
		booked.items = (struct assignment *)&r->previous;
		booked.len = booked.cap = 1;
	}
	if (r->off.id != 0) {
		off.items = (struct unavailable *)&r->off;
		off.len = off.cap = 1;
	}
	c.shift = &r->shift;
	c.volunteer = &r->volunteer;
	c.booked = &booked;
	c.unavailable = &off;
	c.rest_minutes = cs->rest_minutes;
	c.event_languages = r->event_languages;
	plan_conflict_check(&c, &found);
	for (i = 0; rc == 0 && i < found.len; i++)
		rc = cs->fn(r, &found.items[i], cs->arg);
	plan_conflict_list_free(&found);
	return rc;
}

int
ops_conflicts(struct store *st, int64_t from, int64_t to, ops_conflict_fn *fn,
    void *arg, struct err *err)
{
	struct ops_conflict_scan cs;

	memset(&cs, 0, sizeof cs);
	cs.fn = fn;
	cs.arg = arg;
	cs.rest_minutes = ops_plan_rest_minutes(st);
	cs.volunteer = -1;
	return store_audit_scan(st, from, to, cs.rest_minutes,
	    ops_conflict_row, &cs, err);
}
