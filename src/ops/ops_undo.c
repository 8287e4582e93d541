/* SPDX-License-Identifier: ISC */
/*
 * Undo: put back what the coordinator's own last change changed, as one
 * new change of its own, so the log tells the whole story and the undo
 * can be seen (and is refused if someone changed the same rows since).
 */
#include "rooster/ops.h"

#include <stdlib.h>
#include <string.h>

#include "ops_int.h"

/*
 * The zone is a setting, outside the rows history keeps: a change of zone
 * (ops_plan_init(), "zone OLD -> NEW, ...") puts OLD back beside its rows.
 */
static int
ops_undo_zone(struct store *st, const char *summary, struct err *err)
{
	char zone[128];
	const char *arrow;
	size_t n;

	if (strncmp(summary, "zone ", 5) != 0 ||
	    (arrow = strstr(summary, " -> ")) == NULL ||
	    (n = (size_t)(arrow - summary - 5)) >= sizeof zone)
		return err_set(err, ERR_INVALID, _("cannot read the old time "
		    "zone back from the log"));
	memcpy(zone, summary + 5, n);
	zone[n] = '\0';
	if (!rtime_zone_is_valid(zone))
		return rtime_zone_set(zone, err);
	if (store_setting_set(st, "time_zone", zone, err) < 0)
		return -1;
	return rtime_zone_set(zone, err);
}

int
ops_undo(struct store *st, int64_t *undone, struct err *err)
{
	struct store_log_filter f = { 0 };
	struct store_log_list found = { 0 };
	const struct store_log_entry *e;
	char *summary, action[32];
	int64_t id, barrier;
	int rc;

	*undone = 0;
	if (store_begin_write(st, err) < 0)
		return -1;
	if ((rc = store_history_last(st, &id, err)) < 0)
		return ops_finish(st, rc, err);
	if (id == 0) {
		err_set(err, ERR_NOT_FOUND, _("nothing of yours to undo (see "
		    "'rooster log')"));
		return ops_finish(st, -1, err);
	}
	f.id = id;
	f.limit = 1;
	rc = store_log_find(st, &f, &found, err);
	if (rc == 0 && found.len != 1)
		rc = err_set(err, ERR_NOT_FOUND, _("change %lld is gone"),
		    (long long)id);
	/*
	 * A restore replaced everything, a forget erased a person: what came
	 * before either is not yours to put back (it may not even be the
	 * plan's own story any more).
	 */
	if (rc == 0)
		rc = store_history_barrier(st, id, &barrier, action,
		    sizeof action, err);
	if (rc == 0 && barrier != 0)
		rc = err_set(err, ERR_CONFLICT, strcmp(action, "restore") == 0 ?
		    _("cannot undo change %lld (%s): the plan was restored "
		    "from a backup after it (change %lld), and undo does not "
		    "go past a restore") : _("cannot undo change %lld (%s): a "
		    "volunteer was forgotten after it (change %lld), and undo "
		    "does not go past a forget"), (long long)id,
		    found.items[0].action, (long long)barrier);
	/* The zone before the rows (see ops_plan_init()). */
	if (rc == 0 && strcmp(found.items[0].action, "timezone") == 0)
		rc = ops_undo_zone(st, found.items[0].summary, err);
	if (rc == 0)
		rc = store_history_revert(st, id, err);
	if (rc == 0) {
		e = &found.items[0];
		summary = xasprintf("undid change %lld: %s", (long long)id,
		    e->summary);
		rc = store_log_append(st, "undo", e->entity, e->entity_id,
		    summary, err);
		free(summary);
	}
	if (rc == 0)
		rc = store_log_mark_undone(st, id, err);
	store_log_list_free(&found);
	if (ops_finish(st, rc, err) < 0)
		return -1;
	*undone = id;
	return 0;
}
