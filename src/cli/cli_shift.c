/* SPDX-License-Identifier: ISC */
/* `rooster shift ...`: add, list, show, edit, delete. */
#include "cli_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rooster/ops.h"

/* Apply the shared options of add and edit to sh. */
static int
cli_shift_apply(struct cli_ctx *ctx, struct cli_opt *opts, struct shift *sh)
{
	struct err err;
	long needed;

	err_clear(&err);
	if (opts[0].seen && rtime_parse_when(opts[0].value, &sh->start,
	    &err) < 0)
		return cli_fail(&err);
	if (opts[1].seen && rtime_parse_when(opts[1].value, &sh->end,
	    &err) < 0)
		return cli_fail(&err);
	if (opts[2].seen) {
		if (cli_args_int(ctx, opts[2].value, _("number needed"), 0,
		    1000,
		    &needed) < 0)
			return CLI_USAGE;
		sh->needed = (int)needed;
	}
	if (opts[3].seen) {
		free(sh->language);
		sh->language = xstrdup(opts[3].value);
	}
	return 0;
}

int
cli_shift_add(struct cli_ctx *ctx, int argc, char **argv)
{
	struct cli_opt opts[] = { { "start", true, NULL, false },
	    { "end", true, NULL, false }, { "needed", true, NULL, false },
	    { "language", true, NULL, false }, { "force", false, NULL, false } };
	struct shift sh;
	struct err err;
	char *pos[2];
	int rc;

	err_clear(&err);
	shift_init(&sh);
	if (cli_args_parse(ctx, argc, argv, opts, 5, pos, 2, 2) < 0 ||
	    cli_args_id(ctx, pos[0], _("event"), &sh.event_id) < 0)
		return CLI_USAGE;
	sh.role = xstrdup(pos[1]);
	sh.needed = 1;
	if ((rc = cli_shift_apply(ctx, opts, &sh)) == 0) {
		if (ops_shift_add(ctx->st, &sh, opts[4].seen, &err) < 0)
			rc = cli_fail(&err);
		else
			cli_out_id(ctx, sh.id);
	}
	shift_fini(&sh);
	return rc;
}

int
cli_shift_list(struct cli_ctx *ctx, int argc, char **argv)
{
	struct cli_opt opts[] = { { "from", true, NULL, false },
	    { "to", true, NULL, false } };
	struct store_range range = { 0 };
	struct shift_list list = { 0 };
	struct cli_table t;
	struct err err;
	char *pos[1];
	int64_t event_id;
	size_t i;
	int n, rc;

	err_clear(&err);
	if ((n = cli_args_parse(ctx, argc, argv, opts, 2, pos, 0, 1)) < 0)
		return CLI_USAGE;
	if (n == 1) {
		struct event ev;

		if (cli_args_id(ctx, pos[0], _("event"), &event_id) < 0)
			return CLI_USAGE;
		if (store_event_get(ctx->st, event_id, &ev, &err) < 0)
			return cli_fail(&err);
		event_fini(&ev);
		rc = store_shift_list_event(ctx->st, event_id, &list, &err);
	} else {
		range.from = rtime_day_add(ctx->now, 0);
		if (cli_args_days(ctx, opts[0].value, opts[1].value,
		    &range.from, &range.to) < 0)
			return CLI_USAGE;
		rc = store_shift_list_range(ctx->st, &range, &list, &err);
	}
	if (rc < 0)
		return cli_fail(&err);
	cli_table_init(&t, cli_shift_columns, cli_shift_ncolumns);
	for (i = 0; i < list.len; i++)
		cli_shift_row(&t, &list.items[i]);
	cli_table_print(ctx, &t);
	cli_table_fini(&t);
	shift_list_free(&list);
	return CLI_OK;
}

int
cli_shift_show(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct cli_column cols[] = {
		{ "id", N_("ID"), CLI_INT, CLI_BOTH },
		{ "event_id", N_("EVENT_ID"), CLI_INT, CLI_BOTH },
		{ "event", N_("EVENT"), CLI_TEXT, CLI_TABLE },
		{ "role", N_("ROLE"), CLI_TEXT, CLI_BOTH },
		{ "start", N_("START"), CLI_TIME, CLI_BOTH },
		{ "end", N_("END"), CLI_TIME, CLI_BOTH },
		{ "needed", N_("NEEDED"), CLI_INT, CLI_BOTH },
		{ "assigned", N_("ASSIGNED"), CLI_INT, CLI_BOTH },
		{ "language", N_("LANGUAGE"), CLI_TEXT, CLI_TABLE },
		{ "uid", N_("UID"), CLI_TEXT, CLI_TABLE },
	};
	struct assignment_list list = { 0 };
	static const struct cli_column note_col =
	    { "note", N_("NOTE"), CLI_TEXT, CLI_BOTH | CLI_FLEX };
	struct cli_column *acols;
	struct cli_table t, at;
	struct shift sh;
	struct err err;
	char *pos[1];
	int64_t id;
	size_t i;

	err_clear(&err);
	if (cli_args_parse(ctx, argc, argv, NULL, 0, pos, 1, 1) < 0 ||
	    cli_args_id(ctx, pos[0], _("shift"), &id) < 0)
		return CLI_USAGE;
	if (store_shift_get(ctx->st, id, &sh, &err) < 0 ||
	    store_assignment_list_shift(ctx->st, id, &list, &err) < 0) {
		shift_fini(&sh);
		assignment_list_free(&list);
		return cli_fail(&err);
	}
	cli_table_init(&t, cols, sizeof cols / sizeof cols[0]);
	cli_table_row(&t);
	cli_table_int(&t, sh.id);
	cli_table_int(&t, sh.event_id);
	cli_table_text(&t, sh.event_title);
	cli_table_text(&t, sh.role);
	cli_table_time(&t, sh.start);
	cli_table_time(&t, sh.end);
	cli_table_int(&t, sh.needed);
	cli_table_int(&t, sh.assigned);
	cli_table_text(&t, sh.language);
	cli_table_text(&t, sh.uid);
	/* The shared assignment columns, and each one's note. */
	acols = xreallocarray(NULL, cli_assignment_ncolumns + 1,
	    sizeof *acols);
	memcpy(acols, cli_assignment_columns, cli_assignment_ncolumns *
	    sizeof *acols);
	acols[cli_assignment_ncolumns] = note_col;
	cli_table_init(&at, acols, cli_assignment_ncolumns + 1);
	for (i = 0; i < list.len; i++) {
		cli_assignment_row(&at, &list.items[i]);
		cli_table_text(&at, list.items[i].note != NULL ?
		    list.items[i].note : "");
	}
	cli_table_print_record_list(ctx, &t, "assignments", &at);
	free(acols);
	cli_table_fini(&t);
	cli_table_fini(&at);
	assignment_list_free(&list);
	shift_fini(&sh);
	return CLI_OK;
}

int
cli_shift_edit(struct cli_ctx *ctx, int argc, char **argv)
{
	struct cli_opt opts[] = { { "start", true, NULL, false },
	    { "end", true, NULL, false }, { "needed", true, NULL, false },
	    { "language", true, NULL, false }, { "role", true, NULL, false },
	    { "force", false, NULL, false } };
	struct shift sh;
	struct err err;
	char *pos[1];
	int64_t id;
	int rc;

	err_clear(&err);
	if (cli_args_parse(ctx, argc, argv, opts, 6, pos, 1, 1) < 0 ||
	    cli_args_id(ctx, pos[0], _("shift"), &id) < 0)
		return CLI_USAGE;
	if (store_shift_get(ctx->st, id, &sh, &err) < 0)
		return cli_fail(&err);
	if (opts[4].seen) {
		free(sh.role);
		sh.role = xstrdup(opts[4].value);
	}
	if ((rc = cli_shift_apply(ctx, opts, &sh)) == 0 &&
	    ops_shift_edit(ctx->st, &sh, opts[5].seen, &err) < 0)
		rc = cli_fail(&err);
	shift_fini(&sh);
	return rc;
}

int
cli_shift_delete(struct cli_ctx *ctx, int argc, char **argv)
{
	struct err err;
	char *pos[1];
	int64_t id;

	err_clear(&err);
	if (cli_args_parse(ctx, argc, argv, NULL, 0, pos, 1, 1) < 0 ||
	    cli_args_id(ctx, pos[0], _("shift"), &id) < 0)
		return CLI_USAGE;
	if (ops_shift_delete(ctx->st, id, &err) < 0)
		return cli_fail(&err);
	return CLI_OK;
}
