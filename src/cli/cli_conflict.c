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
	cli_table_word(t, assignment_status_name(r->assignment.status));
	cli_table_word(t, r->assignment.forced ? "yes" : "no");
	cli_table_text(t, plan_conflict_kind_name(c->kind));
	cli_table_int(t, c->other_id);
	cli_table_text(t, c->reason);
	return 0;
}

int
cli_conflict_list(struct cli_ctx *ctx)
{
	static const struct cli_column cols[] = {
		{ "shift_id", N_("SHIFT"), CLI_INT, CLI_BOTH },
		{ "when", N_("WHEN"), CLI_TEXT, 0 },
		{ "start", N_("START"), CLI_TIME, CLI_DATA },
		{ "event", N_("EVENT"), CLI_TEXT, CLI_DATA },
		{ "role", N_("ROLE"), CLI_TEXT, CLI_DATA },
		{ "volunteer_id", N_("VOL"), CLI_INT, CLI_BOTH },
		{ "volunteer", N_("VOLUNTEER"), CLI_TEXT, CLI_DATA },
		{ "status", N_("STATUS"), CLI_TEXT, CLI_DATA },
		{ "forced", N_("FORCED"), CLI_TEXT, CLI_BOTH },
		{ "kind", N_("KIND"), CLI_TEXT, CLI_DATA },
		{ "other_id", N_("OTHER"), CLI_INT, CLI_DATA },
		{ "reason", N_("WHY"), CLI_TEXT, CLI_BOTH | CLI_FLEX },
	};
	struct cli_table t;
	struct err err;
	int64_t from = 0, to = 0;

	err_clear(&err);
	if (cli_args_range(ctx, &from, &to) < 0)
		return CLI_USAGE;
	cli_table_init(&t, cols, sizeof cols / sizeof cols[0]);
	if (ops_conflicts(ctx->st, from, to, cli_conflict_row, &t, &err) < 0) {
		cli_table_fini(&t);
		return cli_fail(&err);
	}
	cli_table_print_or(ctx, &t, _("no conflicts"));
	cli_table_fini(&t);
	return CLI_OK;
}
