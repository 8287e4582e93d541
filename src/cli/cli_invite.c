/* SPDX-License-Identifier: ISC */
/* invite: iTIP requests and cancellations, to an outbox or by mail. */
#include "cli_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rooster/ops.h"

static const struct cli_column cli_invite_columns[] = {
	{ "method", N_("MESSAGE"), CLI_TEXT, CLI_BOTH },
	{ "shift_id", N_("SHIFT"), CLI_INT, CLI_BOTH },
	{ "volunteer_id", N_("VOL"), CLI_INT, CLI_DATA },
	{ "volunteer", N_("VOLUNTEER"), CLI_TEXT, CLI_BOTH | CLI_FLEX |
	    CLI_KEEP },
	{ "summary", N_("SHIFT"), CLI_TEXT, CLI_DATA },
	{ "start", N_("START"), CLI_TIME, CLI_BOTH },
	/* iTIP's revision number: the first to give way to a name. */
	{ "sequence", N_("SEQ"), CLI_INT, CLI_BOTH | CLI_DROP },
	{ "result", N_("RESULT"), CLI_TEXT, CLI_BOTH },
	{ "detail", N_("DETAIL"), CLI_TEXT, CLI_BOTH | CLI_FLEX },
};

/*
 * offer SHIFT [--to VOLUNTEER...] [--limit N] (--outbox DIR | --send):
 * --to takes one VOLUNTEER, or several separated by commas, and any
 * arguments after SHIFT are more of them.
 */
/* One row per message, as invite and offer both print them. */
static void
cli_invite_rows(struct cli_table *t, const struct ops_invite_results *res)
{
	const struct ops_invite_result *r;
	size_t i;

	for (i = 0; i < res->len; i++) {
		r = &res->items[i];
		cli_table_row(t);
		cli_table_text(t, r->method);
		cli_table_int(t, r->shift_id);
		cli_table_int(t, r->volunteer_id);
		cli_table_text(t, r->volunteer);
		cli_table_text(t, r->summary);
		cli_table_time(t, r->start);
		cli_table_int(t, r->sequence);
		cli_table_word(t, r->outcome);
		cli_table_text(t, r->detail);
	}
}

int
cli_invite_offer(struct cli_ctx *ctx)
{
	struct ops_invite_results res = { 0 };
	struct ops_config cfg;
	struct cli_table t;
	struct err err;
	char *list = NULL, *name, *save;
	int64_t *to = NULL, id;
	size_t i, nto = 0;
	long limit = 0;
	int rc = CLI_USAGE;

	if (cli_arg_seen(ctx, "--outbox") == cli_arg_seen(ctx, "--send")) {
		rc = cli_usage_error(ctx, _("give --outbox DIR or --send (one "
		    "of them)"));
		goto out;
	}
	if (ctx->args.nmany > 0 && !cli_arg_seen(ctx, "--to")) {
		rc = cli_usage_error(ctx, _("name the volunteers after --to"));
		goto out;
	}
	if (cli_arg_seen(ctx, "--limit") && cli_args_int(ctx,
	    cli_arg(ctx, "--limit"), "--limit", 1, 1000, &limit) < 0)
		goto out;
	if (cli_arg_seen(ctx, "--to")) {
		to = xreallocarray(NULL, (size_t)ctx->args.nmany + 1,
		    sizeof *to);
		list = xstrdup(cli_arg(ctx, "--to"));
		for (name = strtok_r(list, ",", &save); name != NULL;
		    name = strtok_r(NULL, ",", &save)) {
			if (cli_args_volunteer(ctx, name, &id) < 0) {
				rc = CLI_FAILED;
				goto out;
			}
			to = xreallocarray(to, nto + (size_t)ctx->args.nmany +
			    1, sizeof *to);
			to[nto++] = id;
		}
		for (i = 0; i < (size_t)ctx->args.nmany; i++) {
			if (cli_args_volunteer(ctx, ctx->args.many[i],
			    &id) < 0) {
				rc = CLI_FAILED;
				goto out;
			}
			to[nto++] = id;
		}
	}
	if ((rc = cli_config_load_organizer(&cfg, true)) != CLI_OK)
		goto out;
	err_clear(&err);
	if (ops_offer(ctx->st, &cfg, cli_arg_id(ctx, "shift"), to, nto,
	    (size_t)limit, cli_arg_seen(ctx, "--send") ? OPS_INVITE_SEND :
	    OPS_INVITE_OUTBOX, cli_arg(ctx, "--outbox"), &res, &err) < 0) {
		ops_invite_results_free(&res);
		ops_config_fini(&cfg);
		rc = cli_fail(&err);
		goto out;
	}
	cli_table_init(&t, cli_invite_columns, sizeof cli_invite_columns /
	    sizeof cli_invite_columns[0]);
	cli_invite_rows(&t, &res);
	cli_table_print_or(ctx, &t, _("nobody to offer the shift to: no "
	    "volunteer fits without a conflict"));
	cli_table_fini(&t);
	for (i = 0; i < res.len; i++)
		if (strcmp(res.items[i].outcome, "failed") == 0)
			fprintf(stderr, _("rooster: offer to %s failed: %s\n"),
			    res.items[i].email, res.items[i].detail);
	rc = res.failed > 0 ? CLI_FAILED : CLI_OK;
	ops_invite_results_free(&res);
	ops_config_fini(&cfg);
out:
	free(list);
	free(to);
	return rc;
}

int
cli_invite_invite(struct cli_ctx *ctx)
{
	struct ops_invite_results res = { 0 };
	struct ops_config cfg;
	struct cli_table t;
	struct err err;
	size_t i;
	int rc;

	if (cli_arg_seen(ctx, "--outbox") == cli_arg_seen(ctx, "--send"))
		return cli_usage_error(ctx,
		    _("give --outbox DIR or --send (one "
		    "of them)"));
	if ((rc = cli_config_load_organizer(&cfg, false)) != CLI_OK)
		return rc;
	err_clear(&err);
	if (ops_invite(ctx->st, &cfg, cli_arg_id(ctx, "--event"),
	    cli_arg_seen(ctx, "--send") ? OPS_INVITE_SEND : OPS_INVITE_OUTBOX,
	    cli_arg(ctx, "--outbox"), &res, &err) < 0) {
		ops_invite_results_free(&res);
		ops_config_fini(&cfg);
		return cli_fail(&err);
	}
	cli_table_init(&t, cli_invite_columns, sizeof cli_invite_columns /
	    sizeof cli_invite_columns[0]);
	cli_invite_rows(&t, &res);
	cli_table_print_or(ctx, &t, _("nothing to send: every invitation is "
	    "up to date"));
	cli_table_fini(&t);
	for (i = 0; i < res.len; i++)
		if (strcmp(res.items[i].outcome, "failed") == 0)
			fprintf(stderr,
			    _("rooster: %s to %s failed: %s (it will "
			    "be retried by the next 'rooster invite')\n"),
			    res.items[i].method, res.items[i].email,
			    res.items[i].detail);
	rc = res.failed > 0 ? CLI_FAILED : CLI_OK;
	ops_invite_results_free(&res);
	ops_config_fini(&cfg);
	return rc;
}
