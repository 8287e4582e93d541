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

int
ops_undo(struct store *st, int64_t *undone, struct err *err)
{
	struct store_log_filter f = { 0 };
	struct store_log_list found = { 0 };
	const struct store_log_entry *e;
	char *summary;
	int64_t id;
	int rc;

	*undone = 0;
	if (store_begin_write(st, err) < 0)
		return -1;
	if ((rc = store_history_last(st, &id, err)) < 0)
		return ops_finish(st, rc, err);
	if (id == 0) {
		err_set(err, ERR_NOT_FOUND, "nothing of yours to undo (see "
		    "'rooster log')");
		return ops_finish(st, -1, err);
	}
	f.id = id;
	f.limit = 1;
	rc = store_log_find(st, &f, &found, err);
	if (rc == 0 && found.len != 1)
		rc = err_set(err, ERR_NOT_FOUND, "change %lld is gone",
		    (long long)id);
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
