/* SPDX-License-Identifier: ISC */
/* Commands about the plan as a whole: init, demo, backup, log. */
#include "cli_int.h"

#include <stdio.h>
#include <stdlib.h>

#include "rooster/ops.h"

int
cli_plan_init(struct cli_ctx *ctx, int argc, char **argv)
{
	struct cli_opt opts[] = { { "timezone", true, NULL, false },
	    { "name", true, NULL, false },
	    { "rest-minutes", true, NULL, false } };
	struct err err;
	char *zone, *name, rest[48];
	long minutes = 0;
	int n;

	err_clear(&err);
	if (cli_args_parse(ctx, argc, argv, opts, 3, NULL, 0, 0) < 0)
		return CLI_USAGE;
	if (opts[2].seen && cli_args_int(ctx, opts[2].value, "rest minutes",
	    0, OPS_PLAN_REST_MAX, &minutes) < 0)
		return CLI_USAGE;
	if ((opts[0].seen || opts[1].seen || !opts[2].seen) &&
	    ops_plan_init(ctx->st, opts[0].value, opts[1].value, &err) < 0)
		return cli_fail(&err);
	if (opts[2].seen && ops_plan_rest(ctx->st, (int)minutes, &err) < 0)
		return cli_fail(&err);
	zone = store_setting_get(ctx->st, "time_zone");
	name = store_setting_get(ctx->st, "name");
	n = ops_plan_rest_minutes(ctx->st);
	if (n > 0)
		snprintf(rest, sizeof rest, "at least %d min rest", n);
	else
		snprintf(rest, sizeof rest, "no rest rule");
	cli_out_note(ctx, "plan '%s' in %s, %s, at %s", name ? name : "",
	    zone ? zone : "", rest, ctx->db_path);
	free(zone);
	free(name);
	return CLI_OK;
}

int
cli_plan_demo(struct cli_ctx *ctx, int argc, char **argv)
{
	struct err err;

	err_clear(&err);
	if (cli_args_parse(ctx, argc, argv, NULL, 0, NULL, 0, 0) < 0)
		return CLI_USAGE;
	if (ops_plan_demo(ctx->st, ctx->now, &err) < 0)
		return cli_fail(&err);
	cli_out_note(ctx, "demo plan written to %s", ctx->db_path);
	return CLI_OK;
}

int
cli_plan_backup(struct cli_ctx *ctx, int argc, char **argv)
{
	struct err err;
	char *pos[1];

	err_clear(&err);
	if (cli_args_parse(ctx, argc, argv, NULL, 0, pos, 1, 1) < 0)
		return CLI_USAGE;
	if (store_backup(ctx->st, pos[0], &err) < 0)
		return cli_fail(&err);
	cli_out_note(ctx, "backup written to %s", pos[0]);
	return CLI_OK;
}

int
cli_plan_log(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct cli_column cols[] = {
		{ "id", "ID", CLI_INT, CLI_BOTH },
		{ "at", "AT", CLI_TIME, CLI_BOTH },
		{ "user", "WHO", CLI_TEXT, CLI_BOTH },
		{ "action", "ACTION", CLI_TEXT, CLI_BOTH },
		{ "entity", "ENTITY", CLI_TEXT, CLI_DATA },
		{ "entity_id", "ENTITY_ID", CLI_INT, CLI_DATA },
		{ "summary", "WHAT", CLI_TEXT, CLI_BOTH | CLI_FLEX },
	};
	struct cli_opt opts[] = { { "limit", true, NULL, false } };
	struct store_log_list list = { 0 };
	struct cli_table t;
	struct err err;
	long limit = 20;
	size_t i;

	err_clear(&err);
	if (cli_args_parse(ctx, argc, argv, opts, 1, NULL, 0, 0) < 0)
		return CLI_USAGE;
	if (opts[0].seen && cli_args_int(ctx, opts[0].value, "limit", 1,
	    1000000, &limit) < 0)
		return CLI_USAGE;
	if (store_log_list(ctx->st, limit, NULL, 0, &list, &err) < 0)
		return cli_fail(&err);
	cli_table_init(&t, cols, sizeof cols / sizeof cols[0]);
	for (i = 0; i < list.len; i++) {
		cli_table_row(&t);
		cli_table_int(&t, list.items[i].id);
		cli_table_time(&t, list.items[i].at);
		cli_table_text(&t, list.items[i].user);
		cli_table_text(&t, list.items[i].action);
		cli_table_text(&t, list.items[i].entity);
		cli_table_int(&t, list.items[i].entity_id);
		cli_table_text(&t, list.items[i].summary);
	}
	cli_table_print(ctx, &t);
	cli_table_fini(&t);
	store_log_list_free(&list);
	return CLI_OK;
}
