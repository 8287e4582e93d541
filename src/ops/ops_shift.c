/* SPDX-License-Identifier: ISC */
/* Adding, editing and deleting shifts. */
#include "rooster/ops.h"

#include <stdlib.h>
#include <string.h>

#include "ops_int.h"

/*
 * A shift lies within its event's day(s): it starts neither before the
 * day the event starts nor after the event ends.
 */
static int
ops_shift_check_within(const struct shift *sh, const struct event *ev,
    struct err *err)
{
	char when[64], from[64], to[64];

	if (sh->start >= rtime_day_add(ev->start, 0) && sh->start <= ev->end)
		return 0;
	rtime_format_show(sh->start, when, sizeof when);
	rtime_format_show(ev->start, from, sizeof from);
	rtime_format_show(ev->end, to, sizeof to);
	return err_set(err, ERR_CONFLICT, _("a shift starting %s lies outside "
	    "event %lld (%s to %s); fix --start or use --force"), when,
	    (long long)ev->id, from, to);
}

int
ops_shift_add(struct store *st, struct shift *sh, bool force,
    struct err *err)
{
	size_t copies;

	return ops_shift_add_copies(st, sh, force, &copies, err);
}

int
ops_shift_add_copies(struct store *st, struct shift *sh, bool force,
    size_t *copies, struct err *err)
{
	struct event ev;
	int rc;

	*copies = 0;

	if (store_begin_write(st, err) < 0)
		return -1;
	if ((rc = store_event_get(st, sh->event_id, &ev, err)) < 0)
		return ops_finish(st, rc, err);
	if (sh->start == 0)
		sh->start = ev.start;
	if (sh->end == 0)
		sh->end = ev.end;
	rc = shift_validate(sh, err);
	if (rc == 0 && !force)
		rc = ops_shift_check_within(sh, &ev, err);
	if (rc == 0) {
		if (sh->uid == NULL)
			sh->uid = ops_uid_new(st, "shift");
		rc = store_shift_insert(st, sh, err);
	}
	/* The first row's shifts are the series' template. */
	if (rc == 0 && ev.series_id == ev.id)
		rc = ops_series_spread_shift(st, &ev, sh, copies, err);
	rc = ops_log(st, rc, err, "shift add", "shift", sh->id,
	    "added '%s' to '%s' (needs %d)", sh->role, ev.title, sh->needed);
	event_fini(&ev);
	return ops_finish(st, rc, err);
}

int
ops_shift_edit(struct store *st, struct shift *sh, bool force,
    struct err *err)
{
	struct event ev;
	struct shift old;
	int rc;

	if (shift_validate(sh, err) < 0)
		return -1;
	if (store_begin_write(st, err) < 0)
		return -1;
	if ((rc = store_shift_get(st, sh->id, &old, err)) < 0)
		return ops_finish(st, rc, err);
	if (sh->version != 0 && old.version != sh->version) {
		shift_fini(&old);
		err_set(err, ERR_CONFLICT,
		    _("shift %lld was changed by someone "
		    "else meanwhile; reload it and edit again"),
		    (long long)sh->id);
		return ops_finish(st, -1, err);
	}
	free(sh->uid);
	sh->uid = xstrdup(old.uid);
	sh->event_id = old.event_id;
	sh->sequence = old.sequence;
	if (old.start != sh->start || old.end != sh->end ||
	    strcmp(old.role, sh->role) != 0)
		sh->sequence++;
	sh->version = old.version;
	rc = 0;
	if (!force && (old.start != sh->start || old.end != sh->end)) {
		if ((rc = store_event_get(st, old.event_id, &ev, err)) == 0)
			rc = ops_shift_check_within(sh, &ev, err);
		event_fini(&ev);
	}
	if (rc == 0)
		rc = store_shift_update(st, sh, err);
	rc = ops_log(st, rc, err, "shift edit", "shift", sh->id,
	    "edited '%s' of '%s'", sh->role, old.event_title);
	shift_fini(&old);
	return ops_finish(st, rc, err);
}

int
ops_shift_delete(struct store *st, int64_t id, struct err *err)
{
	struct shift sh;
	int rc;

	if (store_begin_write(st, err) < 0)
		return -1;
	if ((rc = store_shift_get(st, id, &sh, err)) < 0)
		return ops_finish(st, rc, err);
	rc = store_shift_delete(st, id, err);
	rc = ops_log(st, rc, err, "shift delete", "shift", id,
	    "deleted '%s' of '%s'", sh.role, sh.event_title);
	shift_fini(&sh);
	return ops_finish(st, rc, err);
}
