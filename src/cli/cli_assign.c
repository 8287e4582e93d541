/* SPDX-License-Identifier: ISC */
/* assign, unassign, respond, attended: volunteers on shifts. */
#include "cli_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rooster/ops.h"

/* Put each member of team on shift; report who was placed or skipped. */
static int
cli_assign_team(struct cli_ctx *ctx, int64_t shift, int64_t team, bool force)
{
	static const struct cli_column cols[] = {
		{ "volunteer_id", N_("VOL"), CLI_INT, CLI_BOTH },
		{ "volunteer", N_("VOLUNTEER"), CLI_TEXT, CLI_BOTH | CLI_FLEX },
		{ "result", N_("RESULT"), CLI_TEXT, CLI_BOTH },
		{ "reason", N_("WHY"), CLI_TEXT, CLI_BOTH | CLI_FLEX },
	};
	struct cli_table t;
	struct volunteer v;
	struct team tm;
	struct err err;
	int64_t *ids = NULL;
	size_t n = 0, i, placed = 0;

	err_clear(&err);
	if (store_team_get(ctx->st, team, &tm, &err) < 0 ||
	    store_team_members(ctx->st, team, &ids, &n, &err) < 0) {
		team_fini(&tm);
		return cli_fail(&err);
	}
	if (n == 0) {
		err_set(&err, ERR_CONFLICT, _("team %lld (%s) has no members "
		    "(add them with 'rooster team join')"), (long long)team,
		    tm.name);
		team_fini(&tm);
		return cli_fail(&err);
	}
	cli_table_init(&t, cols, sizeof cols / sizeof cols[0]);
	for (i = 0; i < n; i++) {
		err_clear(&err);
		cli_table_row(&t);
		cli_table_int(&t, ids[i]);
		if (store_volunteer_get(ctx->st, ids[i], &v, NULL) == 0)
			cli_table_text(&t, v.name);
		else
			cli_table_text(&t, "?");
		volunteer_fini(&v);
		if (ops_assign(ctx->st, shift, ids[i], force, NULL, &err) == 0) {
			placed++;
			cli_table_word(&t, "placed");
			cli_table_text(&t, "");
		} else {
			cli_table_word(&t, "skipped");
			cli_table_text(&t, err.msg);
			if (err.code != ERR_CONFLICT) {
				/* Not a planning reason: stop, say why. */
				cli_table_print(ctx, &t);
				cli_table_fini(&t);
				team_fini(&tm);
				free(ids);
				return cli_fail(&err);
			}
		}
	}
	cli_table_print(ctx, &t);
	cli_table_fini(&t);
	free(ids);
	if (placed == 0) {
		fprintf(stderr, _("rooster: nobody of team %lld was placed on "
		    "shift %lld (use --force to assign anyway)\n"),
		    (long long)team, (long long)shift);
		team_fini(&tm);
		return CLI_FAILED;
	}
	team_fini(&tm);
	return CLI_OK;
}

int
cli_assign_assign(struct cli_ctx *ctx, int argc, char **argv)
{
	struct cli_opt opts[] = { { "force", false, NULL, false },
	    { "team", true, NULL, false }, { "note", true, NULL, false } };
	struct assignment a;
	struct err err;
	char *pos[2];
	int64_t shift, vol, team;
	int n;

	err_clear(&err);
	if ((n = cli_args_parse(ctx, argc, argv, opts, 3, pos, 1, 2)) < 0 ||
	    cli_args_id(ctx, pos[0], _("shift"), &shift) < 0)
		return CLI_USAGE;
	if (opts[1].seen) {
		if (n != 1)
			return cli_usage_error(ctx, _("give a VOLUNTEER_ID or "
			    "--team TEAM_ID, not both"));
		if (cli_args_id(ctx, opts[1].value, _("team"), &team) < 0)
			return CLI_USAGE;
		return cli_assign_team(ctx, shift, team, opts[0].seen);
	}
	if (n != 2)
		return cli_usage_error(ctx,
		    _("missing arguments: rooster assign "
		    "%s"), _(ctx->command->usage));
	if (cli_args_volunteer(ctx, pos[1], &vol) < 0)
		return CLI_USAGE;
	/* --note for someone already on the shift changes the note. */
	if (opts[2].seen && store_assignment_get(ctx->st, shift, vol, &a,
	    NULL) == 0) {
		assignment_fini(&a);
		if (ops_assign_note(ctx->st, shift, vol, opts[2].value,
		    &err) < 0)
			return cli_fail(&err);
		return CLI_OK;
	}
	if (ops_assign_noted(ctx->st, shift, vol, opts[0].seen,
	    opts[2].value, NULL, &err) < 0)
		return cli_fail(&err);
	return CLI_OK;
}

/* Parse SHIFT_ID VOLUNTEER_ID from pos. */
static int
cli_assign_pair(struct cli_ctx *ctx, char **pos, int64_t *shift, int64_t *vol)
{
	if (cli_args_id(ctx, pos[0], _("shift"), shift) < 0 ||
	    cli_args_volunteer(ctx, pos[1], vol) < 0)
		return -1;
	return 0;
}

int
cli_assign_unassign(struct cli_ctx *ctx, int argc, char **argv)
{
	struct err err;
	char *pos[2];
	int64_t shift, vol;

	err_clear(&err);
	if (cli_args_parse(ctx, argc, argv, NULL, 0, pos, 2, 2) < 0 ||
	    cli_assign_pair(ctx, pos, &shift, &vol) < 0)
		return CLI_USAGE;
	if (ops_unassign(ctx->st, shift, vol, &err) < 0)
		return cli_fail(&err);
	return CLI_OK;
}

int
cli_assign_respond(struct cli_ctx *ctx, int argc, char **argv)
{
	struct err err;
	char *pos[3];
	int64_t shift, vol;
	int status;

	err_clear(&err);
	if (cli_args_parse(ctx, argc, argv, NULL, 0, pos, 3, 3) < 0 ||
	    cli_assign_pair(ctx, pos, &shift, &vol) < 0)
		return CLI_USAGE;
	status = assignment_status_parse(pos[2]);
	if (status != ASSIGNMENT_ACCEPTED && status != ASSIGNMENT_DECLINED &&
	    status != ASSIGNMENT_TENTATIVE)
		return cli_usage_error(ctx, _("unknown response '%s' (use "
		    "accepted, declined or tentative)"), pos[2]);
	if (ops_respond(ctx->st, shift, vol, (enum assignment_status)status,
	    &err) < 0)
		return cli_fail(&err);
	return CLI_OK;
}

int
cli_assign_attended(struct cli_ctx *ctx, int argc, char **argv)
{
	struct cli_opt opts[] = { { "no-show", false, NULL, false },
	    { "hours", true, NULL, false }, { "force", false, NULL, false } };
	struct err err;
	char *pos[2], *end;
	int64_t shift, vol;
	double hours = -1;

	err_clear(&err);
	if (cli_args_parse(ctx, argc, argv, opts, 3, pos, 2, 2) < 0 ||
	    cli_assign_pair(ctx, pos, &shift, &vol) < 0)
		return CLI_USAGE;
	if (opts[1].seen) {
		hours = strtod(opts[1].value, &end);
		/* Written so that NaN fails too: it compares false. */
		if (*opts[1].value == '\0' || *end != '\0' ||
		    !(hours >= 0 && hours <= 168))
			return cli_usage_error(ctx, _("invalid hours '%s' (a "
			    "number from 0 to 168, e.g. 2.5)"), opts[1].value);
		if (opts[0].seen)
			return cli_usage_error(ctx, _("--no-show and --hours "
			    "exclude each other"));
	}
	if (ops_attended(ctx->st, shift, vol, opts[0].seen, hours,
	    opts[2].seen, &err) < 0)
		return cli_fail(&err);
	return CLI_OK;
}
