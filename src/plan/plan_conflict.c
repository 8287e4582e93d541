/* SPDX-License-Identifier: ISC */
/*
 * Conflicts: why a volunteer should not take a shift. Each rule is a small
 * function over plain structs; overlap is computed on UTC instants, so it
 * is right across daylight-saving changes, and spans are half-open, so
 * touching shifts (one ends as the next starts) do not conflict.
 */
#include "rooster/plan.h"

#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const plan_conflict_kind_names[] = {
	"overlap", "unavailable", "monthly-limit", "rest", "skill", "language"
};

const char *
plan_conflict_kind_name(enum plan_conflict_kind kind)
{
	if ((unsigned)kind >= sizeof plan_conflict_kind_names /
	    sizeof plan_conflict_kind_names[0])
		return "?";
	return plan_conflict_kind_names[kind];
}

static void
plan_conflict_add(struct plan_conflict_list *out, enum plan_conflict_kind kind,
    int64_t other_id, const char *fmt, ...)
{
	struct plan_conflict *c;
	va_list ap;

	c = xarray_push(&out->items, &out->len, &out->cap, sizeof *c);
	c->kind = kind;
	c->other_id = other_id;
	va_start(ap, fmt);
	vsnprintf(c->reason, sizeof c->reason, fmt, ap);
	va_end(ap);
}

void
plan_conflict_list_free(struct plan_conflict_list *list)
{
	free(list->items);
	memset(list, 0, sizeof *list);
}

/* "2027-03-27 14:00-17:00" in the plan zone; whole days as days. */
static void
plan_conflict_when(int64_t start, int64_t end, char *buf, size_t size)
{
	/* Whole days read as days: "2027-01-12", "2027-01-12 - 2027-01-14". */
	if (rtime_day_add(start, 0) == start && rtime_day_add(end, 0) == end)
		rtime_format_days(start, rtime_day_add(end - 1, 0), buf, size);
	else
		rtime_format_span(start, end, rtime_format_when, buf, size);
}

static void
plan_conflict_booked(const struct plan_candidate *c,
    struct plan_conflict_list *out)
{
	const struct shift *sh = c->shift;
	struct span mine = { sh->start, sh->end }, other;
	const struct assignment *a;
	int64_t rest = (int64_t)c->rest_minutes * 60, gap;
	int month = 0, in_month = 0;
	char when[64];
	size_t i;

	assert(c->zone != NULL);
	/* localtime is not free: only when a limit or a booking needs it. */
	if (c->volunteer->max_per_month > 0 ||
	    (c->booked != NULL && c->booked->len > 0))
		month = rtime_month_in(c->zone, sh->start);
	for (i = 0; c->booked != NULL && i < c->booked->len; i++) {
		a = &c->booked->items[i];
		if (a->shift_id == sh->id || !assignment_counts(a))
			continue;
		other.start = a->start;
		other.end = a->end;
		if (!c->month_given && c->volunteer->max_per_month > 0 &&
		    rtime_month_in(c->zone, a->start) == month)
			in_month++;
		gap = other.start >= mine.end ? other.start - mine.end :
		    mine.start - other.end;
		if (!span_overlaps(mine, other) && (rest <= 0 || gap >= rest))
			continue;
		plan_conflict_when(a->start, a->end, when, sizeof when);
		if (span_overlaps(mine, other)) {
			plan_conflict_add(out, PLAN_CONFLICT_OVERLAP,
			    a->shift_id,
			    _("%s is already on shift %lld (%s%s%s)"),
			    c->volunteer->name, (long long)a->shift_id,
			    a->role ? a->role : "", a->role && *a->role ? " " :
			    "", when);
			continue;
		}
		plan_conflict_add(out, PLAN_CONFLICT_REST, a->shift_id,
		    _("%s would rest only %lld min %s shift %lld (%s %s; "
		    "minimum %d min)"), c->volunteer->name,
		    (long long)(gap / 60), other.start >= mine.end ?
		    _("before") : _("after"), (long long)a->shift_id,
		    a->role ? a->role : "", when, c->rest_minutes);
	}
	if (c->month_given)
		in_month = c->month_booked;
	if (c->volunteer->max_per_month > 0 &&
	    in_month >= c->volunteer->max_per_month)
		plan_conflict_add(out, PLAN_CONFLICT_MONTHLY_LIMIT, 0,
		    ngettext("%s already has %d shift in %04d-%02d (limit %d)",
		    "%s already has %d shifts in %04d-%02d (limit %d)",
		    (unsigned long)in_month),
		    c->volunteer->name, in_month, month / 100, month % 100,
		    c->volunteer->max_per_month);
}

static void
plan_conflict_unavailable(const struct plan_candidate *c,
    struct plan_conflict_list *out)
{
	struct span mine = { c->shift->start, c->shift->end }, off;
	const struct unavailable *u;
	char when[64];
	size_t i;

	for (i = 0; c->unavailable != NULL && i < c->unavailable->len; i++) {
		u = &c->unavailable->items[i];
		off.start = u->start;
		off.end = u->end;
		if (!span_overlaps(mine, off))
			continue;
		plan_conflict_when(u->start, u->end, when, sizeof when);
		plan_conflict_add(out, PLAN_CONFLICT_UNAVAILABLE, u->id,
		    _("%s is unavailable %s%s%s"), c->volunteer->name, when,
		    u->reason && *u->reason ? ": " : "",
		    u->reason ? u->reason : "");
	}
}

bool
plan_conflict_may_fit(const struct shift *sh, const struct volunteer *v,
    const char *event_languages)
{
	return volunteer_has_skill(v->skills, sh->role) &&
	    volunteer_speaks(v->languages, sh->language, event_languages);
}

size_t
plan_conflict_check(const struct plan_candidate *c,
    struct plan_conflict_list *out)
{
	size_t before = out->len;
	const struct shift *sh = c->shift;
	const struct volunteer *v = c->volunteer;

	plan_conflict_booked(c, out);
	plan_conflict_unavailable(c, out);
	if (!volunteer_has_skill(v->skills, sh->role))
		plan_conflict_add(out, PLAN_CONFLICT_SKILL, 0,
		    _("%s does not have the skill '%s'"), v->name, sh->role);
	if (volunteer_speaks(v->languages, sh->language, c->event_languages))
		return out->len - before;
	/* The shift's own language, when set, is the one that counts. */
	if (sh->language != NULL && *sh->language != '\0')
		plan_conflict_add(out, PLAN_CONFLICT_LANGUAGE, 0,
		    _("%s does not speak '%s'"), v->name, sh->language);
	else
		plan_conflict_add(out, PLAN_CONFLICT_LANGUAGE, 0,
		    _("%s speaks none of the event's languages (%s)"), v->name,
		    c->event_languages);
	return out->len - before;
}
