/* SPDX-License-Identifier: ISC */
/* import ics: events from a partner's calendar, or replies to invites. */
#include "cli_int.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rooster/ops.h"

int
cli_import_ics(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct cli_column cols[] = {
		{ "added", "ADDED", CLI_INT, CLI_BOTH },
		{ "updated", "UPDATED", CLI_INT, CLI_BOTH },
		{ "unchanged", "UNCHANGED", CLI_INT, CLI_BOTH },
		{ "replies", "REPLIES", CLI_INT, CLI_BOTH },
		{ "ignored", "IGNORED", CLI_INT, CLI_BOTH },
	};
	struct ops_ics_result res;
	struct cli_table t;
	struct err err;
	char *pos[1], *clean;
	FILE *fp;
	size_t i;
	int rc;

	if (cli_args_parse(ctx, argc, argv, NULL, 0, pos, 1, 1) < 0)
		return CLI_USAGE;
	if (strcmp(pos[0], "-") == 0)
		fp = stdin;
	else if ((fp = fopen(pos[0], "r")) == NULL) {
		fprintf(stderr, "rooster: cannot read %s: %s\n", pos[0],
		    strerror(errno));
		return CLI_FAILED;
	}
	memset(&res, 0, sizeof res);
	err_clear(&err);
	rc = ops_ics_import(ctx->st, fp, &res, &err);
	if (fp != stdin)
		fclose(fp);
	if (rc < 0) {
		if (err.code == ERR_INVALID) {
			clean = text_sanitize(err.msg);
			fprintf(stderr, "rooster: %s: %s; nothing was "
			    "imported\n", pos[0], clean);
			free(clean);
			ops_ics_result_fini(&res);
			return CLI_USAGE;
		}
		ops_ics_result_fini(&res);
		return cli_fail(&err);
	}
	for (i = 0; i < res.nnotes; i++) {
		clean = text_sanitize(res.notes[i]);
		fprintf(stderr, "rooster: %s: %s\n", pos[0], clean);
		free(clean);
	}
	cli_table_init(&t, cols, sizeof cols / sizeof cols[0]);
	cli_table_row(&t);
	cli_table_int(&t, (int64_t)res.added);
	cli_table_int(&t, (int64_t)res.updated);
	cli_table_int(&t, (int64_t)res.unchanged);
	cli_table_int(&t, (int64_t)res.replies);
	cli_table_int(&t, (int64_t)res.ignored);
	cli_table_print(ctx, &t);
	cli_table_fini(&t);
	ops_ics_result_fini(&res);
	return CLI_OK;
}
