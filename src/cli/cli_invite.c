/* SPDX-License-Identifier: ISC */
/* invite: iTIP requests and cancellations, to an outbox or by mail. */
#include "cli_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rooster/ops.h"

int
cli_invite_invite(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct cli_column cols[] = {
		{ "method", N_("MESSAGE"), CLI_TEXT, CLI_BOTH },
		{ "shift_id", N_("SHIFT"), CLI_INT, CLI_BOTH },
		{ "volunteer_id", N_("VOL"), CLI_INT, CLI_DATA },
		{ "volunteer", N_("VOLUNTEER"), CLI_TEXT, CLI_BOTH | CLI_FLEX },
		{ "summary", N_("SHIFT"), CLI_TEXT, CLI_DATA },
		{ "start", N_("START"), CLI_TIME, CLI_BOTH },
		{ "sequence", N_("SEQ"), CLI_INT, CLI_BOTH },
		{ "result", N_("RESULT"), CLI_TEXT, CLI_BOTH },
		{ "detail", N_("DETAIL"), CLI_TEXT, CLI_BOTH | CLI_FLEX },
	};
	struct ops_invite_results res = { 0 };
	struct ops_invite_result *r;
	struct ops_config cfg;
	struct cli_table t;
	struct err err;
	size_t i;
	int rc;

	(void)argc;
	(void)argv;
	if (cli_arg_seen(ctx, "--outbox") == cli_arg_seen(ctx, "--send"))
		return cli_usage_error(ctx,
		    _("give --outbox DIR or --send (one "
		    "of them)"));
	if ((rc = cli_config_load(&cfg)) != CLI_OK) {
		ops_config_fini(&cfg);
		return rc;
	}
	err_clear(&err);
	if (ops_invite(ctx->st, &cfg, cli_arg_id(ctx, "--event"),
	    cli_arg_seen(ctx, "--send") ? OPS_INVITE_SEND : OPS_INVITE_OUTBOX,
	    cli_arg(ctx, "--outbox"), &res, &err) < 0) {
		ops_invite_results_free(&res);
		ops_config_fini(&cfg);
		return cli_fail(&err);
	}
	cli_table_init(&t, cols, sizeof cols / sizeof cols[0]);
	for (i = 0; i < res.len; i++) {
		r = &res.items[i];
		cli_table_row(&t);
		cli_table_text(&t, r->method);
		cli_table_int(&t, r->shift_id);
		cli_table_int(&t, r->volunteer_id);
		cli_table_text(&t, r->volunteer);
		cli_table_text(&t, r->summary);
		cli_table_time(&t, r->start);
		cli_table_int(&t, r->sequence);
		cli_table_word(&t, r->outcome);
		cli_table_text(&t, r->detail);
	}
	if (res.len == 0 && ctx->format == CLI_FORMAT_TABLE)
		cli_out_note(ctx,
		    _("nothing to send: every invitation is up to "
		    "date"));
	else
		cli_table_print(ctx, &t);
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
