/* SPDX-License-Identifier: ISC */
/*
 * `rooster conflicts`: every current conflict in the plan, forced ones
 * included, one line each with its reason. store finds the candidates in
 * one windowed pass; plan judges each with the rules assign uses.
 */
#include "cli_int.h"

#include <stdio.h>
#include <stdlib.h>

#include "rooster/ops.h"
#include "rooster/plan.h"

struct cli_conflict_state {
	struct cli_table	*t;
	int			 rest_minutes;
	int64_t			 volunteer;	/* month being counted */
	int			 month;
	int			 in_month;	/* shifts seen in it so far */
};

static int
cli_conflict_row(const struct store_audit_row *r, void *arg)
{
	struct cli_conflict_state *cs = arg;
	struct plan_conflict_list found = { 0 };
	struct assignment_list booked = { 0 };
	struct unavailable_list off = { 0 };
	struct plan_candidate c = { 0 };
	char when[64];
	int month = rtime_month(r->shift.start);
	size_t i;

	if (r->volunteer.id != cs->volunteer || month != cs->month) {
		cs->volunteer = r->volunteer.id;
		cs->month = month;
		cs->in_month = 0;
	}
	c.month_given = true;
	c.month_booked = cs->in_month++;
	if (!r->in_range)
		return 0;
	/* One-element lists over the borrowed row: nothing to free. */
	if (r->previous.shift_id != 0) {
		booked.items = (struct assignment *)&r->previous;
		booked.len = booked.cap = 1;
	}
	if (r->off.id != 0) {
		off.items = (struct unavailable *)&r->off;
		off.len = off.cap = 1;
	}
	c.shift = &r->shift;
	c.volunteer = &r->volunteer;
	c.booked = &booked;
	c.unavailable = &off;
	c.rest_minutes = cs->rest_minutes;
	c.event_languages = r->event_languages;
	plan_conflict_check(&c, &found);
	for (i = 0; i < found.len; i++) {
		cli_table_row(cs->t);
		cli_table_int(cs->t, r->shift.id);
		cli_when(r->shift.start, r->shift.end, when, sizeof when);
		cli_table_text(cs->t, when);
		cli_table_time(cs->t, r->shift.start);
		cli_table_text(cs->t, r->shift.event_title);
		cli_table_text(cs->t, r->shift.role);
		cli_table_int(cs->t, r->volunteer.id);
		cli_table_text(cs->t, r->volunteer.name);
		cli_table_text(cs->t, assignment_status_name(
		    r->assignment.status));
		cli_table_text(cs->t, r->assignment.forced ? "yes" : "no");
		cli_table_text(cs->t, plan_conflict_kind_name(
		    found.items[i].kind));
		cli_table_int(cs->t, found.items[i].other_id);
		cli_table_text(cs->t, found.items[i].reason);
	}
	plan_conflict_list_free(&found);
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
	struct cli_conflict_state cs = { 0 };
	struct cli_table t;
	struct err err;
	int64_t from = 0, to = 0;

	err_clear(&err);
	if (cli_args_parse(ctx, argc, argv, opts, 2, NULL, 0, 0) < 0 ||
	    cli_args_days(ctx, opts[0].value, opts[1].value, &from, &to) < 0)
		return CLI_USAGE;
	cli_table_init(&t, cols, sizeof cols / sizeof cols[0]);
	cs.t = &t;
	cs.rest_minutes = ops_plan_rest_minutes(ctx->st);
	cs.volunteer = -1;
	if (store_audit_scan(ctx->st, from, to, cs.rest_minutes,
	    cli_conflict_row, &cs, &err) < 0) {
		cli_table_fini(&t);
		return cli_fail(&err);
	}
	cli_table_print(ctx, &t);
	cli_table_fini(&t);
	return CLI_OK;
}
