/* SPDX-License-Identifier: ISC */
/* Adding, editing, cancelling and deleting events. */
#include "rooster/ops.h"

#include <stdlib.h>
#include <string.h>

#include "ops_int.h"

bool
ops_text_differs(const char *a, const char *b)
{
	return strcmp(a != NULL ? a : "", b != NULL ? b : "") != 0;
}

void
ops_event_texts(struct event *dst, const struct event *src,
    const struct event *old)
{
	const struct model_field *f;

	for (f = event_fields; f->key != NULL; f++)
		if (f->kind == MODEL_FIELD_TEXT && f->option != NULL &&
		    strcmp(f->key, "repeat") != 0 && (old == NULL ||
		    !model_field_same(old, src, f)))
			model_field_set_text(dst, f, model_field_text(src, f));
}

int
ops_event_add(struct store *st, struct event *ev, struct err *err)
{
	int64_t *starts = NULL;
	size_t n = 0;
	int rc;

	if (event_validate(ev, err) < 0)
		return -1;
	if (ev->rrule != NULL && *ev->rrule == '\0') {
		free(ev->rrule);
		ev->rrule = NULL;
	}
	/* Expanded before the lock: others wait for no rule. */
	if (ev->rrule != NULL && ops_series_dates(ev, &starts, &n, err) < 0)
		return -1;
	if (store_begin_write(st, err) < 0) {
		free(starts);
		return -1;
	}
	if (ev->uid == NULL)
		ev->uid = ops_uid_new(st, "event");
	ev->series_id = 0;
	ev->occurrence_start = 0;
	rc = store_event_insert(st, ev, err);
	if (rc == 0 && ev->rrule != NULL)
		rc = ops_series_expand(st, ev, starts, n, err);
	free(starts);
	rc = ops_log(st, rc, err, "event add", "event", ev->id, "added '%s'",
	    ev->title);
	return ops_finish(st, rc, err);
}

int
ops_event_touch_shifts(struct store *st, int64_t event_id, int64_t delta,
    struct err *err)
{
	struct shift_list shifts = { 0 };
	size_t i;
	int rc;

	rc = store_shift_list_event(st, event_id, &shifts, err);
	for (i = 0; rc == 0 && i < shifts.len; i++) {
		shifts.items[i].sequence++;
		shifts.items[i].start += delta;
		shifts.items[i].end += delta;
		rc = store_shift_update(st, &shifts.items[i], err);
	}
	shift_list_free(&shifts);
	return rc;
}

int
ops_event_edit(struct store *st, struct event *ev, struct err *err)
{
	struct event old;
	struct err bad_rule;
	int64_t delta = 0, *starts = NULL;
	size_t n = 0;
	bool significant;
	int rc, dates = 0;

	if (event_validate(ev, err) < 0)
		return -1;
	/*
	 * A rule is expanded before the lock, in case the event becomes a
	 * series; its fault matters only then (a series keeps its rule).
	 */
	err_clear(&bad_rule);
	if (ev->rrule != NULL && *ev->rrule != '\0')
		dates = ops_series_dates(ev, &starts, &n, &bad_rule);
	if (ops_event_begin(st, ev->id, &old, err) < 0) {
		free(starts);
		return -1;
	}
	if (ev->version != 0 && old.version != ev->version) {
		event_fini(&old);
		free(starts);
		err_set(err, ERR_CONFLICT,
		    _("event %lld was changed by someone "
		    "else meanwhile; reload it and edit again"),
		    (long long)ev->id);
		return ops_finish(st, -1, err);
	}
	if ((old.series_id != 0 || old.occurrence_start != 0) &&
	    ops_text_differs(old.rrule, ev->rrule)) {
		err_set(err, ERR_CONFLICT, old.rrule != NULL ? _("the repeat "
		    "rule of a series cannot change; delete series %lld and "
		    "add it again") : _("event %lld is one occurrence of a "
		    "series and cannot repeat on its own"), old.rrule != NULL ?
		    (long long)old.series_id : (long long)ev->id);
		event_fini(&old);
		free(starts);
		return ops_finish(st, -1, err);
	}
	ev->series_id = old.series_id;
	ev->occurrence_start = old.occurrence_start;
	/* Time, place, repeat rule or status: event_fields says which. */
	significant = model_fields_differ(&old, ev, event_fields,
	    MODEL_FIELD_SEQUENCE);
	if (old.start != ev->start && ev->start - old.start == ev->end - old.end)
		delta = ev->start - old.start;
	free(ev->uid);
	ev->uid = xstrdup(old.uid);
	ev->sequence = old.sequence + (significant ? 1 : 0);
	ev->version = old.version;
	rc = store_event_update(st, ev, err);
	if (rc == 0 && (significant || ops_text_differs(old.title, ev->title)))
		rc = ops_event_touch_shifts(st, ev->id, delta, err);
	/* A plain event given a rule becomes the first of a series. */
	if (rc == 0 && old.series_id == 0 && ev->rrule != NULL &&
	    dates < 0) {
		if (err != NULL)
			*err = bad_rule;
		rc = -1;
	}
	if (rc == 0 && old.series_id == 0 && ev->rrule != NULL)
		rc = ops_series_expand(st, ev, starts, n, err);
	free(starts);
	rc = ops_log(st, rc, err, "event edit", "event", ev->id,
	    "edited '%s'%s", ev->title,
	    significant ? " (time, place or status)" : "");
	event_fini(&old);
	return ops_finish(st, rc, err);
}

int
ops_event_begin(struct store *st, int64_t id, struct event *ev,
    struct err *err)
{
	if (store_begin_write(st, err) < 0)
		return -1;
	return store_event_get(st, id, ev, err) < 0 ? ops_finish(st, -1, err) :
	    0;
}

/* Give up the write ops_event_begin() began on ev; err says why. */
static int
ops_event_refuse(struct store *st, struct event *ev, struct err *err)
{
	event_fini(ev);
	return ops_finish(st, -1, err);
}

int
ops_event_cancel(struct store *st, int64_t id, struct err *err)
{
	struct event ev;
	int rc;

	if (ops_event_begin(st, id, &ev, err) < 0)
		return -1;
	if (ev.status == EVENT_CANCELLED) {
		err_set(err, ERR_CONFLICT, _("event %lld is already cancelled"),
		    (long long)id);
		return ops_event_refuse(st, &ev, err);
	}
	ev.status = EVENT_CANCELLED;
	ev.sequence++;
	rc = store_event_update(st, &ev, err);
	if (rc == 0)
		rc = ops_event_touch_shifts(st, id, 0, err);
	rc = ops_log(st, rc, err, "event cancel", "event", id, "cancelled '%s'",
	    ev.title);
	event_fini(&ev);
	return ops_finish(st, rc, err);
}

int
ops_event_delete(struct store *st, int64_t id, struct err *err)
{
	struct event ev;
	int rc;

	if (ops_event_begin(st, id, &ev, err) < 0)
		return -1;
	if (ev.series_id != 0 && ev.series_id != ev.id) {
		err_set(err, ERR_CONFLICT, _("event %lld is one occurrence of "
		    "series %lld: cancel it with 'rooster event cancel %lld', "
		    "or delete the whole series with 'rooster event delete "
		    "%lld'"), (long long)id, (long long)ev.series_id,
		    (long long)id, (long long)ev.series_id);
		return ops_event_refuse(st, &ev, err);
	}
	rc = store_event_delete(st, id, err);
	rc = ops_log(st, rc, err, "event delete", "event", id, "deleted '%s'",
	    ev.title);
	event_fini(&ev);
	return ops_finish(st, rc, err);
}

int
ops_event_copy(struct store *st, int64_t id, int64_t start, int64_t *new_id,
    struct err *err)
{
	struct shift_list shifts = { 0 };
	struct event ev, copy;
	size_t i;
	int rc;

	*new_id = 0;
	event_init(&copy);
	if (ops_event_begin(st, id, &ev, err) < 0)
		return -1;
	rc = store_shift_list_event(st, id, &shifts, err);
	/* One event, not a series: a template's title, place, text,
	 * languages and length at the new start. */
	ops_event_texts(&copy, &ev, NULL);
	copy.all_day = ev.all_day;
	copy.start = start;
	copy.end = start + (ev.end - ev.start);
	if (rc == 0)
		rc = event_validate(&copy, err);
	if (rc == 0) {
		copy.uid = ops_uid_new(st, "event");
		rc = store_event_insert(st, &copy, err);
	}
	/* Every field of each shift (shift_fields), as a series copies
	 * them: role, people needed, language and what a row adds. */
	for (i = 0; rc == 0 && i < shifts.len; i++) {
		shifts.items[i].sequence = 0;
		rc = ops_series_insert_copy(st, &shifts.items[i], ev.start,
		    &copy, err);
	}
	rc = ops_log(st, rc, err, "event copy", "event", copy.id,
	    "copied '%s' (event %lld) with %zu shifts", ev.title, (long long)id,
	    shifts.len);
	if (rc == 0)
		*new_id = copy.id;
	shift_list_free(&shifts);
	event_fini(&ev);
	event_fini(&copy);
	return ops_finish(st, rc, err);
}
