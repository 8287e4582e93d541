/* SPDX-License-Identifier: ISC */
/*
 * Repeating events. A series is stored as concrete rows, one per
 * occurrence, so every list, `who`, `gaps` and suggestion sees each
 * occurrence and staffs it on its own. The first row holds the rule and
 * is the series' name (series_id = its own id); every row keeps the start
 * the rule gave it (occurrence_start, its RECURRENCE-ID), so a moved or
 * cancelled occurrence can be exported as an override or an EXDATE.
 * The first row's shifts are the template for the others.
 */
#include "rooster/ops.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "rooster/ics.h"
#include "ops_int.h"

/* At most this many occurrences per series. */
#define OPS_SERIES_MAX 500
/* An open-ended rule is materialized this far from its first start. */
#define OPS_SERIES_HORIZON (366 * INT64_C(86400))

int
ops_series_insert_copy(struct store *st, const struct shift *sh,
    int64_t from_start, const struct event *to, struct err *err)
{
	struct shift copy;
	int rc;

	shift_dup(&copy, sh);
	copy.id = 0;
	copy.event_id = to->id;
	copy.start = to->start + (sh->start - from_start);
	copy.end = to->start + (sh->end - from_start);
	free(copy.uid);
	copy.uid = ops_uid_new(st, "shift");
	rc = store_shift_insert(st, &copy, err);
	shift_fini(&copy);
	return rc;
}

/* Copy the shifts of from onto to, at the same offsets from the start. */
static int
ops_series_copy_shifts(struct store *st, const struct event *from,
    const struct event *to, struct err *err)
{
	struct shift_list shifts = { 0 };
	size_t i;
	int rc;

	rc = store_shift_list_event(st, from->id, &shifts, err);
	for (i = 0; rc == 0 && i < shifts.len; i++) {
		shifts.items[i].sequence = 0;	/* the copies start afresh */
		rc = ops_series_insert_copy(st, &shifts.items[i], from->start,
		    to, err);
	}
	shift_list_free(&shifts);
	return rc;
}

/* The number of days an all-day event covers. */
static int
ops_series_days(const struct event *ev)
{
	/* Midnights: a day is 23, 24 or 25 hours; round to whole days. */
	return (int)((ev->end - ev->start + 43200) / 86400);
}

int
ops_series_dates(const struct event *first, int64_t **starts, size_t *n,
    struct err *err)
{
	int64_t until = 0;

	*starts = NULL;
	*n = 0;
	if (ics_recur_check(first->rrule, err) < 0)
		return -1;
	if (!ics_recur_is_bounded(first->rrule))
		until = first->start + OPS_SERIES_HORIZON;
	if (ics_recur_expand(first->rrule, first->start, rtime_zone(), until,
	    OPS_SERIES_MAX + 1, starts, n, err) < 0)
		return -1;
	if (*n > OPS_SERIES_MAX) {
		free(*starts);
		*starts = NULL;
		*n = 0;
		return err_set(err, ERR_INVALID,
		    _("repeat rule '%s' gives more "
		    "than %d occurrences; give a smaller COUNT or an earlier "
		    "UNTIL"), first->rrule, OPS_SERIES_MAX);
	}
	return 0;
}

int
ops_series_expand(struct store *st, struct event *first,
    const int64_t *starts, size_t n, struct err *err)
{
	struct event occ;
	size_t i;
	int rc;

	first->series_id = first->id;
	first->occurrence_start = first->start;
	rc = store_event_update(st, first, err);
	for (i = 1; rc == 0 && i < n; i++) {
		event_dup(&occ, first);
		free(occ.rrule);
		occ.rrule = NULL;
		free(occ.uid);
		occ.uid = ops_uid_new(st, "event");
		occ.id = 0;
		occ.sequence = 0;
		occ.start = starts[i];
		/* All-day: whole days, whatever the clocks do in between. */
		occ.end = first->all_day ? rtime_day_add(starts[i],
		    ops_series_days(first)) : starts[i] + (first->end -
		    first->start);
		occ.occurrence_start = starts[i];
		rc = store_event_insert(st, &occ, err);
		if (rc == 0)
			rc = ops_series_copy_shifts(st, first, &occ, err);
		event_fini(&occ);
	}
	return rc;
}

int
ops_series_spread_shift(struct store *st, const struct event *first,
    const struct shift *sh, size_t *n, struct err *err)
{
	struct event_list occs = { 0 };
	const struct event *o;
	int64_t now = rtime_now();
	size_t i;
	int rc;

	*n = 0;
	rc = store_event_list_series(st, first->id, &occs, err);
	for (i = 0; rc == 0 && i < occs.len; i++) {
		o = &occs.items[i];
		if (o->id == first->id || o->status == EVENT_CANCELLED ||
		    o->end <= now)
			continue;
		rc = ops_series_insert_copy(st, sh, first->start, o, err);
		(*n)++;
	}
	event_list_free(&occs);
	return rc;
}

/*
 * t moved by the wall-clock difference between from and to in the plan
 * zone: a series moved from 19:00 to 20:00 stays at 20:00 local on both
 * sides of a daylight-saving change.
 */
static int64_t
ops_series_wall_move(int64_t t, int64_t from, int64_t to)
{
	struct tm a, b, tm;
	int64_t wall;

	rtime_local(from, &a);
	rtime_local(to, &b);
	wall = (to + b.tm_gmtoff) - (from + a.tm_gmtoff);
	rtime_local(t, &tm);
	tm.tm_sec += (int)wall;
	tm.tm_isdst = -1;
	return (int64_t)mktime(&tm);
}

static bool
ops_series_differs(const char *a, const char *b)
{
	return strcmp(a != NULL ? a : "", b != NULL ? b : "") != 0;
}

/* Move the shifts of ev (already moved from old_start) with it. */
static int
ops_series_move_shifts(struct store *st, int64_t event_id, int64_t old_start,
    int64_t new_start, bool bump, struct err *err)
{
	struct shift_list shifts = { 0 };
	struct shift *sh;
	size_t i;
	int rc;

	rc = store_shift_list_event(st, event_id, &shifts, err);
	for (i = 0; rc == 0 && i < shifts.len; i++) {
		sh = &shifts.items[i];
		sh->start = ops_series_wall_move(sh->start, old_start,
		    new_start);
		sh->end = ops_series_wall_move(sh->end, old_start, new_start);
		if (bump)
			sh->sequence++;
		rc = store_shift_update(st, sh, err);
	}
	shift_list_free(&shifts);
	return rc;
}

int
ops_series_edit(struct store *st, const struct event *ev, struct err *err)
{
	struct event old, *o;
	struct event_list occs = { 0 };
	int64_t start, end;
	bool moved, significant;
	size_t i;
	int rc;

	if (event_validate(ev, err) < 0)
		return -1;
	if (ops_event_begin(st, ev->id, &old, err) < 0)
		return -1;
	if (ev->version != 0 && old.version != ev->version) {
		err_set(err, ERR_CONFLICT,
		    _("event %lld was changed by someone "
		    "else meanwhile; reload it and edit again"),
		    (long long)ev->id);
		rc = -1;
	} else if (old.series_id == 0) {
		err_set(err, ERR_CONFLICT, _("event %lld does not repeat; edit "
		    "it without --series"), (long long)ev->id);
		rc = -1;
	} else if (ops_series_differs(ev->rrule, NULL) &&
	    ops_series_differs(ev->rrule, old.rrule)) {
		err_set(err, ERR_CONFLICT,
		    _("the repeat rule of a series cannot "
		    "change; delete series %lld and add it again"),
		    (long long)old.series_id);
		rc = -1;
	} else
		rc = store_event_list_series(st, old.series_id, &occs, err);
	moved = old.start != ev->start || old.end != ev->end ||
	    old.all_day != ev->all_day;
	significant = moved || ops_series_differs(old.location, ev->location);
	for (i = 0; rc == 0 && i < occs.len; i++) {
		o = &occs.items[i];
		ops_event_texts(o, ev, &old);
		start = o->start;
		end = o->end;
		o->all_day = ev->all_day;
		if (moved) {
			o->start = ops_series_wall_move(start, old.start,
			    ev->start);
			o->end = ops_series_wall_move(end, old.end, ev->end);
			/* The rule moves too: so do the RECURRENCE-IDs. */
			o->occurrence_start = ops_series_wall_move(
			    o->occurrence_start, old.start, ev->start);
		}
		if (significant || ops_series_differs(old.title, ev->title))
			o->sequence++;
		rc = store_event_update(st, o, err);
		if (rc == 0 && (moved || significant ||
		    ops_series_differs(old.title, ev->title)))
			rc = ops_series_move_shifts(st, o->id, start, o->start,
			    true, err);
	}
	rc = ops_log(st, rc, err, "event edit", "event", old.series_id,
	    "edited all %zu occurrences of '%s'", occs.len, ev->title);
	event_list_free(&occs);
	event_fini(&old);
	return ops_finish(st, rc, err);
}

int
ops_series_cancel(struct store *st, int64_t id, struct err *err)
{
	return ops_series_cancel_scope(st, id, false, err);
}

int
ops_series_cancel_scope(struct store *st, int64_t id, bool following,
    struct err *err)
{
	struct event ev;
	struct event_list occs = { 0 };
	struct shift_list shifts = { 0 };
	size_t i, j, n = 0;
	int rc;

	if (ops_event_begin(st, id, &ev, err) < 0)
		return -1;
	if (ev.series_id == 0) {
		err_set(err, ERR_CONFLICT,
		    _("event %lld does not repeat; cancel "
		    "it without --series or --following"), (long long)id);
		rc = -1;
	} else
		rc = store_event_list_series(st, ev.series_id, &occs, err);
	for (i = 0; rc == 0 && i < occs.len; i++) {
		if (occs.items[i].status == EVENT_CANCELLED ||
		    (following && occs.items[i].occurrence_start <
		    ev.occurrence_start))
			continue;
		occs.items[i].status = EVENT_CANCELLED;
		occs.items[i].sequence++;
		n++;
		rc = store_event_update(st, &occs.items[i], err);
		if (rc == 0)
			rc = store_shift_list_event(st, occs.items[i].id,
			    &shifts, err);
		for (j = 0; rc == 0 && j < shifts.len; j++) {
			shifts.items[j].sequence++;
			rc = store_shift_update(st, &shifts.items[j], err);
		}
		shift_list_free(&shifts);
	}
	if (rc == 0 && n == 0) {
		err_set(err, ERR_CONFLICT, _("every occurrence of series %lld "
		    "is already cancelled"), (long long)ev.series_id);
		rc = -1;
	}
	rc = ops_log(st, rc, err, "event cancel", "event", ev.series_id,
	    "cancelled %zu occurrences of '%s'", n, ev.title);
	event_list_free(&occs);
	event_fini(&ev);
	return ops_finish(st, rc, err);
}

/*
 * rrule with its COUNT less skipped (the occurrences before a new first
 * one), or a copy of it as it is when it has none. Caller frees.
 */
static char *
ops_series_recount(const char *rrule, size_t skipped)
{
	struct strbuf sb;
	const char *p = rrule, *end;
	long count;

	strbuf_init(&sb);
	while (*p != '\0') {
		end = p + strcspn(p, ";");
		if (end - p > 6 && strncasecmp(p, "COUNT=", 6) == 0) {
			count = strtol(p + 6, NULL, 10) - (long)skipped;
			strbuf_addf(&sb, "COUNT=%ld", count > 1 ? count : 1);
		} else
			strbuf_add(&sb, p, (size_t)(end - p));
		if (*end == ';')
			strbuf_addc(&sb, *end++);
		p = end;
	}
	return strbuf_detach(&sb);
}

/*
 * Delete the first occurrence alone: the next one left takes the rule
 * (its COUNT less the occurrences before it), the series' UID and a
 * higher SEQUENCE, and the others point at it; then the first row goes.
 * A calendar sees the same series starting later. With no other
 * occurrence left, the series goes.
 */
static int
ops_series_delete_first(struct store *st, const struct event *first,
    size_t *n, struct err *err)
{
	struct event_list occs = { 0 };
	struct event *next = NULL;
	int64_t *starts = NULL;
	size_t count = 0, i, skipped = 0;
	int sequence = first->sequence, rc;
	char *rrule;

	*n = 1;
	if ((rc = store_event_list_series(st, first->id, &occs, err)) < 0)
		goto out;
	for (i = 0; i < occs.len; i++) {
		if (occs.items[i].sequence > sequence)
			sequence = occs.items[i].sequence;
		if (next == NULL && occs.items[i].id != first->id)
			next = &occs.items[i];
	}
	if (next == NULL) {
		rc = store_event_delete(st, first->id, err);
		goto out;
	}
	if ((rc = ics_recur_expand(first->rrule, first->occurrence_start,
	    rtime_zone(), next->occurrence_start, occs.len + OPS_SERIES_MAX,
	    &starts, &count, err)) < 0)
		goto out;
	for (i = 0; i < count; i++)
		if (starts[i] < next->occurrence_start)
			skipped++;
	rrule = ops_series_recount(first->rrule, skipped);
	free(next->rrule);
	next->rrule = rrule;
	for (i = 0; rc == 0 && i < occs.len; i++) {
		if (occs.items[i].id == first->id)
			continue;
		occs.items[i].series_id = next->id;
		rc = store_event_update(st, &occs.items[i], err);
	}
	if (rc == 0)
		rc = store_event_delete(st, first->id, err);
	if (rc == 0) {
		/* The first row is gone: its UID is free for the series. */
		free(next->uid);
		next->uid = xstrdup(first->uid);
		next->sequence = sequence + 1;
		rc = store_event_update(st, next, err);
	}
out:
	free(starts);
	event_list_free(&occs);
	return rc;
}

int
ops_series_delete(struct store *st, int64_t id, enum ops_series_scope scope,
    struct err *err)
{
	struct event_list occs = { 0 };
	struct event ev;
	size_t i, n = 0;
	int rc;

	if (store_begin_write(st, err) < 0)
		return -1;
	if ((rc = store_event_get(st, id, &ev, err)) < 0)
		return ops_finish(st, rc, err);
	if (ev.series_id == 0 && scope != OPS_SERIES_ONE) {
		err_set(err, ERR_CONFLICT, _("event %lld does not repeat; "
		    "delete it without --series or --following"),
		    (long long)id);
		rc = -1;
	} else if (ev.series_id == ev.id && scope == OPS_SERIES_ONE)
		rc = ops_series_delete_first(st, &ev, &n, err);
	else if (ev.series_id == 0 || scope == OPS_SERIES_ONE)
		rc = store_event_delete(st, id, err), n = 1;
	else if (scope == OPS_SERIES_ALL || ev.series_id == ev.id) {
		rc = store_event_list_series(st, ev.series_id, &occs, err);
		n = occs.len;
		/* The first row's cascade takes every occurrence. */
		if (rc == 0)
			rc = store_event_delete(st, ev.series_id, err);
	} else {
		rc = store_event_list_series(st, ev.series_id, &occs, err);
		for (i = 0; rc == 0 && i < occs.len; i++) {
			if (occs.items[i].occurrence_start <
			    ev.occurrence_start)
				continue;
			rc = store_event_delete(st, occs.items[i].id, err);
			n++;
		}
	}
	if (n == 1)
		rc = ops_log(st, rc, err, "event delete", "event", id,
		    "deleted '%s'", ev.title);
	else
		rc = ops_log(st, rc, err, "event delete", "event", id,
		    "deleted %zu occurrences of '%s'", n, ev.title);
	event_list_free(&occs);
	event_fini(&ev);
	return ops_finish(st, rc, err);
}
