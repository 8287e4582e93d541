/* SPDX-License-Identifier: ISC */
/* export ics, export feeds: calendars to subscribe to. */
#include "cli_int.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rooster/ops.h"

/*
 * Write the calendar to path through a temporary file renamed over it,
 * private like every export: it names every volunteer on every shift.
 */
static int
cli_export_file(struct cli_ctx *ctx, const struct ops_config *cfg,
    int64_t event_id, int64_t volunteer_id, const char *path)
{
	struct cli_file f;
	struct err err;
	int rc;

	err_clear(&err);
	if (cli_file_open(&f, path, &err) < 0)
		return cli_fail(&err);
	rc = ops_export_ics(ctx->st, cfg, event_id, volunteer_id, f.fp, &err);
	if (cli_file_close(&f, rc == 0, rc == 0 ? &err : NULL) < 0)
		rc = -1;
	return rc < 0 ? cli_fail(&err) : CLI_OK;
}

int
cli_export_ics(struct cli_ctx *ctx)
{
	const char *out = cli_arg(ctx, "--output");
	struct ops_config cfg;
	struct err err;
	int64_t event_id = cli_arg_id(ctx, "--event");
	int64_t volunteer_id = cli_arg_id(ctx, "--volunteer");
	int rc;

	if (event_id != 0 && volunteer_id != 0)
		return cli_usage_error(ctx,
		    _("give --event or --volunteer, not "
		    "both"));
	if ((rc = cli_config_load(&cfg)) != CLI_OK)
		return rc;
	err_clear(&err);
	if (out != NULL && strcmp(out, "-") != 0)
		rc = cli_export_file(ctx, &cfg, event_id, volunteer_id, out);
	else if (ops_export_ics(ctx->st, &cfg, event_id, volunteer_id, stdout,
	    &err) < 0)
		rc = cli_fail(&err);
	ops_config_fini(&cfg);
	return rc;
}

int
cli_export_feeds(struct cli_ctx *ctx)
{
	static const struct cli_column cols[] = {
		{ "volunteer_id", N_("VOL"), CLI_INT, CLI_BOTH },
		{ "name", N_("NAME"), CLI_TEXT, CLI_BOTH | CLI_FLEX },
		{ "file", N_("FILE"), CLI_TEXT, CLI_BOTH },
		{ "result", N_("RESULT"), CLI_TEXT, CLI_BOTH },
	};
	struct ops_feed_list feeds = { 0 };
	struct ops_config cfg;
	struct cli_table t;
	struct err err;
	size_t i;
	int rc;

	if ((rc = cli_config_load(&cfg)) != CLI_OK)
		return rc;
	err_clear(&err);
	if (ops_export_feeds(ctx->st, &cfg, cli_arg(ctx, "dir"), &feeds,
	    &err) < 0)
		rc = cli_fail(&err);
	cli_table_init(&t, cols, sizeof cols / sizeof cols[0]);
	for (i = 0; i < feeds.len; i++) {
		if (feeds.items[i].result == NULL)
			continue;
		cli_table_row(&t);
		cli_table_int(&t, feeds.items[i].volunteer_id);
		cli_table_text(&t, feeds.items[i].name);
		cli_table_text(&t, feeds.items[i].file);
		cli_table_word(&t, feeds.items[i].result);
	}
	if (rc == CLI_OK)
		cli_table_print(ctx, &t);
	cli_table_fini(&t);
	ops_feed_list_free(&feeds);
	ops_config_fini(&cfg);
	return rc;
}
