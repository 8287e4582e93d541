/* SPDX-License-Identifier: ISC */
/*
 * Restoring a backup over the plan, then logging that it happened (the
 * log is the backup's from then on) and taking up the backup's time zone.
 */
#include "rooster/ops.h"

#include <stdlib.h>

#include "ops_int.h"

int
ops_restore(struct store *st, const char *path, struct err *err)
{
	char *summary;
	int rc;

	if (store_restore(st, path, err) < 0)
		return -1;
	if (store_begin_write(st, err) < 0)
		return -1;
	summary = xasprintf("restored the plan from %s", path);
	rc = store_log_append(st, "restore", "plan", 0, summary, err);
	free(summary);
	if (ops_finish(st, rc, err) < 0)
		return -1;
	/* The backup's zone was checked, but tzdata may go meanwhile. */
	return ops_plan_open(st, err) < 0 ? -1 : 0;
}
