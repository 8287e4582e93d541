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
		/* Narrow, the id gives way to the name and the reason wraps:
		 * both are what the coordinator acts on. */
		{ "volunteer_id", N_("VOL"), CLI_INT, CLI_BOTH | CLI_DROP },
		{ "volunteer", N_("VOLUNTEER"), CLI_TEXT,
		    CLI_BOTH | CLI_FLEX | CLI_KEEP },
		{ "result", N_("RESULT"), CLI_TEXT, CLI_BOTH },
		{ "reason", N_("WHY"), CLI_TEXT, CLI_BOTH | CLI_WRAP },
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
cli_assign_assign(struct cli_ctx *ctx)
{
	const char *note = cli_arg(ctx, "--note");
	struct assignment a, given;
	struct err err;
	int64_t shift = cli_arg_id(ctx, "shift"), vol;
	bool force = cli_arg_seen(ctx, "--force");
	int rc;

	err_clear(&err);
	if (cli_arg_seen(ctx, "--team")) {
		if (cli_arg_seen(ctx, "volunteer"))
			return cli_usage_error(ctx, _("give a VOLUNTEER_ID or "
			    "--team TEAM_ID, not both"));
		return cli_assign_team(ctx, shift, cli_arg_id(ctx, "--team"),
		    force);
	}
	if (!cli_arg_seen(ctx, "volunteer"))
		return cli_usage_error(ctx,
		    _("missing arguments: rooster assign "
		    "%s"), cli_args_usage(ctx->command));
	vol = cli_arg_id(ctx, "volunteer");
	/* --note for someone already on the shift changes the note. */
	if (note != NULL && store_assignment_get(ctx->st, shift, vol, &a,
	    NULL) == 0) {
		assignment_fini(&a);
		if (ops_assign_note(ctx->st, shift, vol, note, &err) < 0)
			return cli_fail(&err);
		return CLI_OK;
	}
	/* The options of assignment_fields (--note) on the new row. */
	assignment_init(&given);
	if ((rc = cli_args_apply(ctx, &given, assignment_fields)) == 0 &&
	    ops_assign_given(ctx->st, shift, vol, force, &given, NULL,
	    &err) < 0)
		rc = cli_fail(&err);
	assignment_fini(&given);
	return rc;
}

int
cli_assign_unassign(struct cli_ctx *ctx)
{
	struct err err;

	err_clear(&err);
	if (ops_unassign(ctx->st, cli_arg_id(ctx, "shift"), cli_arg_id(ctx,
	    "volunteer"), &err) < 0)
		return cli_fail(&err);
	return CLI_OK;
}

int
cli_assign_respond(struct cli_ctx *ctx)
{
	const char *answer = cli_arg(ctx, "status");
	struct err err;
	int status;

	err_clear(&err);
	status = assignment_status_parse(answer);
	if (status != ASSIGNMENT_ACCEPTED && status != ASSIGNMENT_DECLINED &&
	    status != ASSIGNMENT_TENTATIVE)
		return cli_usage_error(ctx, _("unknown response '%s' (use "
		    "accepted, declined or tentative)"), answer);
	if (ops_respond(ctx->st, cli_arg_id(ctx, "shift"), cli_arg_id(ctx,
	    "volunteer"), (enum assignment_status)status, &err) < 0)
		return cli_fail(&err);
	return CLI_OK;
}

int
cli_assign_attended(struct cli_ctx *ctx)
{
	const char *given = cli_arg(ctx, "--hours");
	bool no_show = cli_arg_seen(ctx, "--no-show");
	struct err err;
	char *end;
	double hours = -1;

	err_clear(&err);
	if (given != NULL) {
		hours = strtod(given, &end);
		/* Written so that NaN fails too: it compares false. */
		if (*given == '\0' || *end != '\0' ||
		    !(hours >= 0 && hours <= 168))
			return cli_usage_error(ctx, _("invalid hours '%s' (a "
			    "number from 0 to 168, e.g. 2.5)"), given);
		if (no_show)
			return cli_usage_error(ctx, _("--no-show and --hours "
			    "exclude each other"));
	}
	if (ops_attended(ctx->st, cli_arg_id(ctx, "shift"), cli_arg_id(ctx,
	    "volunteer"), no_show, hours, cli_arg_seen(ctx, "--force"),
	    &err) < 0)
		return cli_fail(&err);
	return CLI_OK;
}
