/* SPDX-License-Identifier: ISC */
/*
 * Putting volunteers on shifts: load what plan needs, ask plan, refuse
 * with the first reason unless forced, write, log, commit.
 */
#include "rooster/ops.h"

#include <stdlib.h>
#include <string.h>

#include "ops_int.h"

/* Enough around a shift to see its month and any neighbour within rest. */
#define OPS_ASSIGN_WINDOW (40 * 86400)

/*
 * The rules (the plan's, the shift and its event's languages) for
 * volunteer_id.
 */
static int
ops_assign_check_on(struct store *st, const struct plan_candidate *rules,
    int64_t volunteer_id, struct plan_conflict_list *out, struct err *err)
{
	struct volunteer v;
	struct assignment_list booked = { 0 };
	struct unavailable_list off = { 0 };
	struct store_range range = { 0 };
	struct plan_candidate c = *rules;
	int rc;

	/* The month is counted from booked: no count of it here. */
	if (store_volunteer_get_bare(st, volunteer_id, &v, err) < 0)
		return -1;
	range.from = rules->shift->start - OPS_ASSIGN_WINDOW;
	range.to = rules->shift->end + OPS_ASSIGN_WINDOW;
	rc = store_assignment_list_volunteer(st, volunteer_id, &range, &booked,
	    err);
	if (rc == 0)
		rc = store_unavailable_list(st, volunteer_id, &off, err);
	if (rc == 0) {
		c.volunteer = &v;
		c.booked = &booked;
		c.unavailable = &off;
		plan_conflict_check(&c, out);
	}
	assignment_list_free(&booked);
	unavailable_list_free(&off);
	volunteer_fini(&v);
	return rc;
}

int
ops_assign_check(struct store *st, int64_t shift_id, int64_t volunteer_id,
    struct plan_conflict_list *out, struct err *err)
{
	struct shift sh;
	struct event ev;
	struct plan_candidate rules;
	char zone[128];
	int rc;

	if (store_shift_get(st, shift_id, &sh, err) < 0)
		return -1;
	event_init(&ev);
	rc = store_event_get(st, sh.event_id, &ev, err);
	if (rc == 0) {
		ops_plan_rules(st, &rules, zone, sizeof zone);
		rules.shift = &sh;
		rules.event_languages = ev.languages;
		rc = ops_assign_check_on(st, &rules, volunteer_id, out, err);
	}
	event_fini(&ev);
	shift_fini(&sh);
	return rc;
}

/* ops_assign_judge's marks: the first reason of each person on shifts. */
struct ops_assign_marks {
	const struct shift_list		*shifts;
	const struct assignment_list	*assigned;
	char				***reasons;
};

static int
ops_assign_mark(const struct store_audit_row *row,
    const struct plan_conflict *c, void *arg)
{
	struct ops_assign_marks *m = arg;
	const struct assignment_list *al;
	size_t i, j;

	for (i = 0; i < m->shifts->len; i++)
		if (m->shifts->items[i].id == row->shift.id)
			break;
	if (i == m->shifts->len)
		return 0;	/* another event's shift at the same time */
	al = &m->assigned[i];
	for (j = 0; j < al->len; j++)
		if (al->items[j].volunteer_id == row->volunteer.id &&
		    m->reasons[i][j] == NULL &&
		    assignment_counts(&al->items[j]))
			m->reasons[i][j] = xstrdup(c->reason);
	return 0;
}

int
ops_assign_judge(struct store *st, const struct shift_list *shifts,
    const struct assignment_list *assigned, char ***reasons,
    struct err *err)
{
	struct ops_assign_marks m = { shifts, assigned, reasons };
	int64_t from = INT64_MAX, to = INT64_MIN;
	size_t i, j;

	for (i = 0; i < shifts->len; i++) {
		for (j = 0; j < assigned[i].len; j++)
			reasons[i][j] = NULL;
		if (shifts->items[i].start < from)
			from = shifts->items[i].start;
		if (shifts->items[i].start >= to)
			to = shifts->items[i].start + 1;
	}
	if (shifts->len == 0)
		return 0;
	/*
	 * What `rooster conflicts` reports for the shifts' starts, in one
	 * pass: the stored state (migration 8) names the few volunteers to
	 * judge again, where judging each person afresh asked three queries
	 * each (600 for an event of 200), and marked what the audit does not
	 * (every shift of a month over the limit, not only those past it;
	 * shifts of a cancelled event).
	 */
	return ops_conflicts(st, from, to, ops_assign_mark, &m, err);
}

/* A note for the volunteer is text (NULL is none). */
static int
ops_assign_note_check(const char *note, struct err *err)
{
	if (note != NULL && !text_is_utf8(note))
		return err_set(err, ERR_INVALID, _("note is not UTF-8 text"));
	return 0;
}

int
ops_assign(struct store *st, int64_t shift_id, int64_t volunteer_id,
    bool force, struct plan_conflict_list *conflicts, struct err *err)
{
	return ops_assign_given(st, shift_id, volunteer_id, force, NULL,
	    conflicts, err);
}

int
ops_assign_given(struct store *st, int64_t shift_id, int64_t volunteer_id,
    bool force, const struct assignment *given,
    struct plan_conflict_list *conflicts, struct err *err)
{
	struct plan_conflict_list found = { 0 };
	struct assignment a;
	struct shift sh;
	int rc;

	if (given != NULL && (ops_assign_note_check(given->note, err) < 0 ||
	    assignment_validate(given, err) < 0))
		return -1;
	if (store_begin_write(st, err) < 0)
		return -1;
	rc = ops_assign_check(st, shift_id, volunteer_id, &found, err);
	if (rc == 0 && store_assignment_get(st, shift_id, volunteer_id, &a,
	    NULL) == 0) {
		rc = err_set(err, ERR_CONFLICT,
		    _("%s is already on shift %lld"),
		    a.volunteer, (long long)shift_id);
		assignment_fini(&a);
	}
	if (rc == 0 && found.len > 0 && !force)
		rc = err_set(err, ERR_CONFLICT,
		    _("shift %lld: %s%s (use --force "
		    "to assign anyway)"), (long long)shift_id,
		    found.items[0].reason, found.len > 1 ?
		    _("; and more (see 'rooster suggest')") : "");
	if (rc == 0 && !force && (rc = store_shift_get(st, shift_id, &sh,
	    err)) == 0) {
		if (sh.needed > 0 && sh.assigned >= sh.needed)
			rc = err_set(err, ERR_CONFLICT, _("shift %lld is full "
			    "(%d/%d); --force to add one more"),
			    (long long)shift_id, sh.assigned, sh.needed);
		shift_fini(&sh);
	}
	if (conflicts != NULL)
		for (size_t i = 0; i < found.len; i++)
			*(struct plan_conflict *)xarray_push(&conflicts->items,
			    &conflicts->len, &conflicts->cap,
			    sizeof *conflicts->items) = found.items[i];
	if (rc == 0) {
		/* Every field given (assignment_fields), then who and where. */
		if (given != NULL)
			assignment_dup(&a, given);
		else
			assignment_init(&a);
		a.shift_id = shift_id;
		a.volunteer_id = volunteer_id;
		a.status = ASSIGNMENT_PLANNED;
		a.forced = found.len > 0;
		rc = store_assignment_insert(st, &a, err);
		assignment_fini(&a);
	}
	if (rc == 0 && (rc = store_shift_get(st, shift_id, &sh, err)) == 0) {
		rc = ops_log(st, rc, err, "assign", "shift", shift_id,
		    "volunteer %lld on '%s' of '%s'%s", (long long)volunteer_id,
		    sh.role, sh.event_title, found.len > 0 ? " (forced)" : "");
		shift_fini(&sh);
	}
	plan_conflict_list_free(&found);
	return ops_finish(st, rc, err);
}

int
ops_assign_note(struct store *st, int64_t shift_id, int64_t volunteer_id,
    const char *note, struct err *err)
{
	struct assignment a;
	int rc;

	if (ops_assign_note_check(note, err) < 0 ||
	    store_begin_write(st, err) < 0)
		return -1;
	if ((rc = store_assignment_get(st, shift_id, volunteer_id, &a,
	    err)) < 0)
		return ops_finish(st, rc, err);
	rc = store_assignment_set_note(st, shift_id, volunteer_id, note, err);
	if (note != NULL && *note != '\0')
		rc = ops_log(st, rc, err, "note", "shift", shift_id,
		    "note for '%s' on '%s' of '%s': %s", a.volunteer, a.role,
		    a.event_title, note);
	else
		rc = ops_log(st, rc, err, "note", "shift", shift_id,
		    "note for '%s' on '%s' of '%s' removed", a.volunteer,
		    a.role, a.event_title);
	assignment_fini(&a);
	return ops_finish(st, rc, err);
}

int
ops_unassign(struct store *st, int64_t shift_id, int64_t volunteer_id,
    struct err *err)
{
	int rc;

	if (store_begin_write(st, err) < 0)
		return -1;
	rc = store_assignment_delete(st, shift_id, volunteer_id, err);
	rc = ops_log(st, rc, err, "unassign", "shift", shift_id,
	    "volunteer %lld off shift %lld", (long long)volunteer_id,
	    (long long)shift_id);
	return ops_finish(st, rc, err);
}

int
ops_respond(struct store *st, int64_t shift_id, int64_t volunteer_id,
    enum assignment_status status, struct err *err)
{
	int rc;

	if (status != ASSIGNMENT_ACCEPTED && status != ASSIGNMENT_DECLINED &&
	    status != ASSIGNMENT_TENTATIVE)
		return err_set(err, ERR_INVALID, _("a response is accepted, "
		    "declined or tentative"));
	if (store_begin_write(st, err) < 0)
		return -1;
	rc = store_assignment_set_status(st, shift_id, volunteer_id, status,
	    err);
	rc = ops_log(st, rc, err, "respond", "shift", shift_id,
	    "volunteer %lld %s shift %lld", (long long)volunteer_id,
	    assignment_status_name(status), (long long)shift_id);
	return ops_finish(st, rc, err);
}

int
ops_attended(struct store *st, int64_t shift_id, int64_t volunteer_id,
    bool no_show, double hours, bool force, struct err *err)
{
	struct assignment a;
	char when[64];
	int rc;

	if (!(hours <= 24 * 7))		/* NaN too */
		return err_set(err, ERR_INVALID,
		    _("hours must be from 0 to 168"));
	if (store_begin_write(st, err) < 0)
		return -1;
	if ((rc = store_assignment_get(st, shift_id, volunteer_id, &a,
	    err)) < 0)
		return ops_finish(st, rc, err);
	if (a.start > rtime_now() && !force) {
		rtime_format_show(a.start, when, sizeof when);
		rc = err_set(err, ERR_CONFLICT, _("shift %lld has not started "
		    "yet (it starts %s); use --force to record it now"),
		    (long long)shift_id, when);
		assignment_fini(&a);
		return ops_finish(st, rc, err);
	}
	if (no_show)
		hours = 0;
	else if (hours < 0)
		hours = (double)(a.end - a.start) / 3600.0;
	rc = store_assignment_set_attendance(st, shift_id, volunteer_id,
	    no_show ? ATTENDANCE_NO_SHOW : ATTENDANCE_ATTENDED, hours, err);
	rc = ops_log(st, rc, err, "attended", "shift", shift_id,
	    "'%s' %s shift %lld (%.2f h)", a.volunteer,
	    no_show ? "did not show for" : "attended", (long long)shift_id,
	    hours);
	assignment_fini(&a);
	return ops_finish(st, rc, err);
}
