/* SPDX-License-Identifier: ISC */
/* Placeholder until the demo plan lands. */
#include "rooster/ops.h"

int
ops_plan_demo(struct store *st, int64_t now, struct err *err)
{
	(void)st;
	(void)now;
	return err_set(err, ERR_CONFLICT, "the demo plan is not built yet");
}
