/* SPDX-License-Identifier: ISC */
/* `rooster shift ...`: add, list, show, edit, delete. */
#include "cli_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rooster/ops.h"

int
cli_shift_add(struct cli_ctx *ctx)
{
	struct shift sh;
	struct err err;
	size_t copies = 0;
	int rc;

	err_clear(&err);
	shift_init(&sh);
	sh.event_id = cli_arg_id(ctx, "event");
	sh.role = xstrdup(cli_arg(ctx, "role"));
	sh.needed = 1;
	if ((rc = cli_args_apply(ctx, &sh, shift_fields)) == 0)
		rc = cli_out_added(ctx, ops_shift_add_copies(ctx->st, &sh,
		    cli_arg_seen(ctx, "--force"), &copies, &err), &sh.id,
		    &err);
	/* On a series' first occurrence it went to the later ones too. */
	if (rc == CLI_OK && copies > 0)
		cli_out_note(ctx, ngettext("also added to %zu later occurrence",
		    "also added to %zu later occurrences", (unsigned long)copies),
		    copies);
	shift_fini(&sh);
	return rc;
}

int
cli_shift_list(struct cli_ctx *ctx)
{
	struct store_range range = { 0 };
	struct cli_column cols[CLI_RECORD_MAX];
	struct shift_list list = { 0 };
	struct cli_table t;
	struct err err;
	int64_t event_id = cli_arg_id(ctx, "event");
	size_t i;
	int rc;

	err_clear(&err);
	if (event_id != 0) {
		struct event ev;

		if (store_event_get(ctx->st, event_id, &ev, &err) < 0)
			return cli_fail(&err);
		event_fini(&ev);
		rc = store_shift_list_event(ctx->st, event_id, &list, &err);
	} else {
		range.from = rtime_day_add(ctx->now, 0);
		if (cli_args_days(ctx, cli_arg(ctx, "--from"), cli_arg(ctx,
		    "--to"), &range.from, &range.to) < 0)
			return CLI_USAGE;
		rc = store_shift_list_range(ctx->st, &range, &list, &err);
	}
	if (rc < 0)
		return cli_fail(&err);
	cli_table_init(&t, cols, cli_list_columns(cols, CLI_RECORD_MAX,
	    cli_shift_columns, cli_shift_ncolumns, shift_fields));
	for (i = 0; i < list.len; i++)
		cli_shift_row(&t, &list.items[i]);
	cli_table_print(ctx, &t);
	cli_table_fini(&t);
	shift_list_free(&list);
	return CLI_OK;
}

/*
 * The people on a shift under its facts: who, their status and their
 * note; the shift's when, event and role are said once above, so the
 * table does not repeat them on every row. The note keeps its words: at
 * 80 columns it wraps rather than being cut. Attendance and hours are
 * `hours`' and `attended`'s; any other field of assignment_fields
 * follows in csv and json (cli_list_columns()).
 */
static const struct cli_column cli_shift_people[] = {
	{ "shift_id", N_("SHIFT"), CLI_INT, CLI_DATA },
	{ "volunteer_id", N_("VOL"), CLI_INT, CLI_BOTH | CLI_DROP },
	{ "volunteer", N_("VOLUNTEER"), CLI_TEXT,
	  CLI_BOTH | CLI_FLEX | CLI_KEEP },
	{ "status", N_("STATUS"), CLI_TEXT, CLI_BOTH | CLI_DROP_LATE },
	{ "note", N_("NOTE"), CLI_TEXT, CLI_BOTH | CLI_WRAP },
	CLI_LEFT_OUT("attendance"), CLI_LEFT_OUT("hours"),
	CLI_LEFT_OUT("forced"),
};

/* The note's place among the people's columns. */
#define CLI_SHIFT_PEOPLE_NOTE 4

size_t
cli_shift_people_columns(struct cli_column *cols)
{
	return cli_list_columns(cols, CLI_RECORD_MAX, cli_shift_people,
	    sizeof cli_shift_people / sizeof cli_shift_people[0],
	    assignment_fields);
}

/* The people of list into at; cols (CLI_RECORD_MAX, the caller's, as
 * long as at) gets the columns. */
static void
cli_shift_show_people(const struct cli_ctx *ctx, struct cli_table *at,
    struct cli_column *cols, const struct assignment_list *list)
{
	const struct assignment *a;
	bool noted = false;
	size_t i, n;

	n = cli_shift_people_columns(cols);
	/* In a table the notes take room only when there are some. */
	for (i = 0; i < list->len; i++)
		noted = noted || (list->items[i].note != NULL &&
		    *list->items[i].note != '\0');
	if (!noted && ctx->format == CLI_FORMAT_TABLE)
		cols[CLI_SHIFT_PEOPLE_NOTE].flags = CLI_DATA;
	cli_table_init(at, cols, n);
	for (a = list->items; a < list->items + list->len; a++) {
		cli_table_row(at);
		cli_table_fields(at, a, assignment_fields);
	}
}

int
cli_shift_show(struct cli_ctx *ctx)
{
	struct cli_column cols[CLI_RECORD_MAX];
	struct assignment_list list = { 0 };
	struct cli_column people[CLI_RECORD_MAX];
	struct cli_table t, at;
	struct shift sh;
	struct err err;
	int64_t id = cli_arg_id(ctx, "id");

	err_clear(&err);
	if (store_shift_get(ctx->st, id, &sh, &err) < 0 ||
	    store_assignment_list_shift(ctx->st, id, &list, &err) < 0) {
		shift_fini(&sh);
		assignment_list_free(&list);
		return cli_fail(&err);
	}
	cli_record_init(&t, cols, sh.id, &sh, shift_fields, NULL);
	cli_shift_show_people(ctx, &at, people, &list);
	cli_table_print_record_list(ctx, &t, "assignments", &at);
	cli_table_fini(&t);
	cli_table_fini(&at);
	assignment_list_free(&list);
	shift_fini(&sh);
	return CLI_OK;
}

int
cli_shift_edit(struct cli_ctx *ctx)
{
	struct shift sh;
	struct err err;
	int rc;

	err_clear(&err);
	if (store_shift_get(ctx->st, cli_arg_id(ctx, "id"), &sh, &err) < 0)
		return cli_fail(&err);
	if ((rc = cli_args_apply(ctx, &sh, shift_fields)) == 0 &&
	    ops_shift_edit(ctx->st, &sh, cli_arg_seen(ctx, "--force"),
	    &err) < 0)
		rc = cli_fail(&err);
	shift_fini(&sh);
	return rc;
}

int
cli_shift_delete(struct cli_ctx *ctx)
{
	struct err err;

	err_clear(&err);
	if (ops_shift_delete(ctx->st, cli_arg_id(ctx, "id"), &err) < 0)
		return cli_fail(&err);
	return CLI_OK;
}
