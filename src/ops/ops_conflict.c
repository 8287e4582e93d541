/* SPDX-License-Identifier: ISC */
/*
 * Every current conflict in the plan, for `rooster conflicts` and for the
 * screen's marks: store finds the candidates in one windowed pass, plan
 * judges each with the rules assign uses, this file counts the months in
 * between. Reads only.
 */
#include "rooster/ops.h"

#include <stdlib.h>
#include <string.h>

#include "ops_int.h"

struct ops_conflict_scan {
	ops_conflict_fn	*fn;
	void		*arg;
	struct plan_candidate rules;	/* the plan's rest and zone */
	char		 zone[128];	/* the plan's, months count in it */
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
	int month = rtime_month_in(cs->zone, r->shift.start), rc = 0;
	size_t i;

	/* Rows come by volunteer, then start: count each plan-zone month. */
	if (r->volunteer.id != cs->volunteer || month != cs->month) {
		cs->volunteer = r->volunteer.id;
		cs->month = month;
		cs->in_month = 0;
	}
	c = cs->rules;
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
	c.event_languages = r->event_languages;
	plan_conflict_check(&c, &found);
	for (i = 0; rc == 0 && i < found.len; i++)
		rc = cs->fn(r, &found.items[i], cs->arg);
	plan_conflict_list_free(&found);
	return rc;
}

/* A scan of st's rules that calls fn(row, conflict, arg) per conflict. */
static void
ops_conflict_scan_init(struct ops_conflict_scan *cs, struct store *st,
    ops_conflict_fn *fn, void *arg)
{
	memset(cs, 0, sizeof *cs);
	cs->fn = fn;
	cs->arg = arg;
	ops_plan_rules(st, &cs->rules, cs->zone, sizeof cs->zone);
	cs->volunteer = -1;
}

/*
 * Past this many volunteers to look at, one pass over the whole range
 * reads fewer rows than a pair of statements per volunteer.
 */
#define OPS_CONFLICT_SOME_MAX 2000

int
ops_conflicts(struct store *st, int64_t from, int64_t to, ops_conflict_fn *fn,
    void *arg, struct err *err)
{
	struct ops_conflict_scan cs;
	struct store_conflict_flag *only = NULL;
	int64_t *vids = NULL;
	size_t n, dirty, nonly;
	int rc;

	ops_conflict_scan_init(&cs, st, fn, arg);
	/*
	 * Only volunteers with a stored conflict in the range, or not judged
	 * since an edit, can have one: the others' rows give nothing. Of
	 * those judged since, only the assignments flagged then can be in
	 * conflict now: the rest of their rows only count the month.
	 */
	if (store_conflict_candidates(st, from, to, &vids, &n, &dirty, &only,
	    &nonly, err) < 0)
		return -1;
	if (n > OPS_CONFLICT_SOME_MAX) {
		free(vids);
		free(only);
		return store_audit_scan(st, from, to, cs.rules.rest_minutes,
		    ops_conflict_row, &cs, err);
	}
	rc = store_audit_scan_some(st, from, to, cs.rules.rest_minutes, vids, n,
	    only, nonly, ops_conflict_row, &cs, err);
	free(vids);
	free(only);
	return rc;
}

/* What a judging pass found: one flag per assignment in conflict. */
struct ops_conflict_found {
	struct store_conflict_flag	*v;
	size_t				 len;
	size_t				 cap;
};

static int
ops_conflict_flag(const struct store_audit_row *row,
    const struct plan_conflict *c, void *arg)
{
	struct ops_conflict_found *f = arg;
	struct store_conflict_flag *last, *flag;

	(void)c;
	last = f->len > 0 ? &f->v[f->len - 1] : NULL;
	if (last != NULL && last->volunteer_id == row->volunteer.id &&
	    last->shift_id == row->shift.id)
		return 0;	/* another conflict of the same assignment */
	flag = xarray_push(&f->v, &f->len, &f->cap, sizeof *flag);
	flag->volunteer_id = row->volunteer.id;
	flag->shift_id = row->shift.id;
	flag->start = row->shift.start;
	return 0;
}

int
ops_conflict_settle(struct store *st, struct err *err)
{
	struct ops_conflict_found found = { 0 };
	struct ops_conflict_scan cs;
	int64_t *vids = NULL;
	size_t n;
	bool all;
	int rc;

	if (store_conflict_dirty(st, &vids, &n, err) < 0)
		return -1;
	if (n == 0)
		return 0;
	ops_conflict_scan_init(&cs, st, ops_conflict_flag, &found);
	/* Many touched (a new rule, an old plan): judge everyone at once. */
	all = n > OPS_CONFLICT_SOME_MAX;
	rc = all ? store_audit_scan(st, 0, 0, cs.rules.rest_minutes,
	    ops_conflict_row, &cs, err) :
	    store_audit_scan_some(st, 0, 0, cs.rules.rest_minutes, vids, n,
	    NULL, 0, ops_conflict_row, &cs, err);
	if (rc == 0)
		rc = store_conflict_replace(st, all ? NULL : vids, n, found.v,
		    found.len, err);
	free(found.v);
	free(vids);
	return rc;
}
