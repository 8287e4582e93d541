/* SPDX-License-Identifier: ISC */
/*
 * `rooster conflicts`: every current conflict in the plan, forced ones
 * included, one line each with its reason (ops_conflicts finds them).
 */
#include "cli_int.h"

#include <stdio.h>
#include <stdlib.h>

#include "rooster/ops.h"
#include "rooster/plan.h"

static int
cli_conflict_row(const struct store_audit_row *r,
    const struct plan_conflict *c, void *arg)
{
	struct cli_table *t = arg;
	char when[64];

	cli_table_row(t);
	cli_table_int(t, r->shift.id);
	cli_when(r->shift.start, r->shift.end, when, sizeof when);
	cli_table_text(t, when);
	cli_table_time(t, r->shift.start);
	cli_table_text(t, r->shift.event_title);
	cli_table_text(t, r->shift.role);
	cli_table_int(t, r->volunteer.id);
	cli_table_text(t, r->volunteer.name);
	cli_table_text(t, assignment_status_name(r->assignment.status));
	cli_table_text(t, r->assignment.forced ? "yes" : "no");
	cli_table_text(t, plan_conflict_kind_name(c->kind));
	cli_table_int(t, c->other_id);
	cli_table_text(t, c->reason);
	return 0;
}

int
cli_conflict_list(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct cli_column cols[] = {
		{ "shift_id", "SHIFT", CLI_INT, CLI_BOTH },
		{ "when", "WHEN", CLI_TEXT, 0 },
		{ "start", "START", CLI_TIME, CLI_DATA },
		{ "event", "EVENT", CLI_TEXT, CLI_DATA },
		{ "role", "ROLE", CLI_TEXT, CLI_DATA },
		{ "volunteer_id", "VOL", CLI_INT, CLI_BOTH },
		{ "volunteer", "VOLUNTEER", CLI_TEXT, CLI_DATA },
		{ "status", "STATUS", CLI_TEXT, CLI_DATA },
		{ "forced", "FORCED", CLI_TEXT, CLI_BOTH },
		{ "kind", "KIND", CLI_TEXT, CLI_DATA },
		{ "other_id", "OTHER", CLI_INT, CLI_DATA },
		{ "reason", "WHY", CLI_TEXT, CLI_BOTH | CLI_FLEX },
	};
	struct cli_opt opts[] = { { "from", true, NULL, false },
	    { "to", true, NULL, false } };
	struct cli_table t;
	struct err err;
	int64_t from = 0, to = 0;

	err_clear(&err);
	if (cli_args_parse(ctx, argc, argv, opts, 2, NULL, 0, 0) < 0 ||
	    cli_args_days(ctx, opts[0].value, opts[1].value, &from, &to) < 0)
		return CLI_USAGE;
	cli_table_init(&t, cols, sizeof cols / sizeof cols[0]);
	if (ops_conflicts(ctx->st, from, to, cli_conflict_row, &t, &err) < 0) {
		cli_table_fini(&t);
		return cli_fail(&err);
	}
	cli_table_print(ctx, &t);
	cli_table_fini(&t);
	return CLI_OK;
}
