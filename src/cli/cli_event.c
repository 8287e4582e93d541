/* SPDX-License-Identifier: ISC */
/* `rooster event ...`: add, list, show, edit, cancel, delete. */
#include "cli_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rooster/ops.h"

/* Replace *field with a copy of value when the option was given. */
static void
cli_event_set(char **field, const struct cli_opt *opt)
{
	if (!opt->seen)
		return;
	free(*field);
	*field = xstrdup(opt->value);
}

/* Apply --start/--end; 0 or CLI_USAGE with the message printed. */
static int
cli_event_times(const struct cli_opt *start, const struct cli_opt *end,
    int64_t *s, int64_t *e)
{
	struct err err;

	err_clear(&err);
	if (start->seen && rtime_parse_when(start->value, s, &err) < 0)
		return cli_fail(&err);
	if (end->seen && rtime_parse_when(end->value, e, &err) < 0)
		return cli_fail(&err);
	return 0;
}

/*
 * Apply --date/--to to ev, making it all-day: from the start of the day
 * --date names (else the day ev starts on) to the end of the day --to
 * names (else, given --date alone, as many days as ev had when it was
 * all-day already, or one). 0 or CLI_USAGE with the message printed.
 */
static int
cli_event_days(const struct cli_ctx *ctx, const struct cli_opt *date,
    const struct cli_opt *to, struct event *ev)
{
	struct err err;
	int64_t start, last;
	int days = 1;

	err_clear(&err);
	if (ev->all_day && ev->end > ev->start)
		days = (int)((ev->end - ev->start + 43200) / 86400);
	start = rtime_day_add(ev->start, 0);
	if (date->seen && rtime_parse_day(date->value, ctx->now, &start,
	    &err) < 0)
		return cli_fail(&err);
	if (to->seen) {
		if (rtime_parse_day(to->value, ctx->now, &last, &err) < 0)
			return cli_fail(&err);
		if (last < start)
			return cli_usage_error(ctx, _("--to %s is before the "
			    "event's first day"), to->value);
		ev->end = rtime_day_next(last);
	} else if (date->seen || !ev->all_day)
		ev->end = rtime_day_add(start, days);
	ev->start = start;
	ev->all_day = true;
	return 0;
}

int
cli_event_add(struct cli_ctx *ctx, int argc, char **argv)
{
	struct cli_opt opts[] = { { "start", true, NULL, false },
	    { "end", true, NULL, false }, { "location", true, NULL, false },
	    { "description", true, NULL, false },
	    { "repeat", true, NULL, false },
	    { "languages", true, NULL, false },
	    { "date", true, NULL, false }, { "to", true, NULL, false } };
	struct event ev;
	struct err err;
	char *pos[1];
	int rc;

	err_clear(&err);
	if (cli_args_parse(ctx, argc, argv, opts, 8, pos, 1, 1) < 0)
		return CLI_USAGE;
	if ((opts[6].seen || opts[7].seen) && (opts[0].seen || opts[1].seen))
		return cli_usage_error(ctx, _("give either --date [--to] (an "
		    "all-day event) or --start and --end, not both"));
	if (opts[7].seen && !opts[6].seen)
		return cli_usage_error(ctx, _("--to needs --date (the first "
		    "day)"));
	if (!opts[6].seen && (!opts[0].seen || !opts[1].seen))
		return cli_usage_error(ctx,
		    _("an event needs --start and --end "
		    "(YYYY-MM-DD HH:MM), or --date (YYYY-MM-DD) for a whole "
		    "day"));
	event_init(&ev);
	ev.title = xstrdup(pos[0]);
	ev.start = rtime_day_add(ctx->now, 0);
	if ((rc = opts[6].seen ? cli_event_days(ctx, &opts[6], &opts[7],
	    &ev) : cli_event_times(&opts[0], &opts[1], &ev.start,
	    &ev.end)) != 0) {
		event_fini(&ev);
		return rc;
	}
	cli_event_set(&ev.location, &opts[2]);
	cli_event_set(&ev.description, &opts[3]);
	cli_event_set(&ev.rrule, &opts[4]);
	cli_event_set(&ev.languages, &opts[5]);
	if (ops_event_add(ctx->st, &ev, &err) < 0)
		rc = cli_fail(&err);
	else
		cli_out_id(ctx, ev.id);
	event_fini(&ev);
	return rc;
}

int
cli_event_list(struct cli_ctx *ctx, int argc, char **argv)
{
	struct cli_opt opts[] = { { "from", true, NULL, false },
	    { "to", true, NULL, false }, { "search", true, NULL, false },
	    { "gaps", false, NULL, false } };
	struct store_range range = { 0 };
	struct event_list list = { 0 };
	struct cli_table t;
	struct err err;
	size_t i;

	err_clear(&err);
	if (cli_args_parse(ctx, argc, argv, opts, 4, NULL, 0, 0) < 0)
		return CLI_USAGE;
	range.from = rtime_day_add(ctx->now, 0);
	if (cli_args_days(ctx, opts[0].value, opts[1].value, &range.from,
	    &range.to) < 0)
		return CLI_USAGE;
	range.search = opts[2].value;
	range.gaps_only = opts[3].seen;
	if (store_event_list(ctx->st, &range, &list, &err) < 0)
		return cli_fail(&err);
	cli_table_init(&t, cli_event_columns, cli_event_ncolumns);
	for (i = 0; i < list.len; i++)
		cli_event_row(&t, &list.items[i]);
	cli_table_print(ctx, &t);
	cli_table_fini(&t);
	event_list_free(&list);
	return CLI_OK;
}

int
cli_event_show(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct cli_column cols[] = {
		{ "id", N_("ID"), CLI_INT, CLI_BOTH },
		{ "uid", N_("UID"), CLI_TEXT, CLI_BOTH },
		{ "title", N_("TITLE"), CLI_TEXT, CLI_BOTH },
		{ "start", N_("START"), CLI_TIME, CLI_BOTH },
		{ "end", N_("END"), CLI_TIME, CLI_BOTH },
		{ "all_day", N_("ALL DAY"), CLI_JSON, CLI_BOTH },
		{ "location", N_("LOCATION"), CLI_TEXT, CLI_BOTH },
		{ "status", N_("STATUS"), CLI_TEXT, CLI_BOTH },
		{ "description", N_("DESCRIPTION"), CLI_TEXT, CLI_BOTH },
		{ "repeat", N_("REPEAT"), CLI_TEXT, CLI_BOTH },
		{ "series_id", N_("SERIES"), CLI_INT, CLI_BOTH },
		{ "occurrence_start", N_("OCCURRENCE"), CLI_TIME, CLI_BOTH },
		{ "languages", N_("LANGUAGES"), CLI_TEXT, CLI_BOTH },
		{ "sequence", N_("SEQUENCE"), CLI_INT, CLI_BOTH },
	};
	struct shift_list shifts = { 0 };
	struct cli_table t, st;
	struct event ev;
	struct err err;
	char *pos[1];
	int64_t id;
	size_t i;

	err_clear(&err);
	if (cli_args_parse(ctx, argc, argv, NULL, 0, pos, 1, 1) < 0 ||
	    cli_args_id(ctx, pos[0], _("event"), &id) < 0)
		return CLI_USAGE;
	if (store_event_get(ctx->st, id, &ev, &err) < 0 ||
	    store_shift_list_event(ctx->st, id, &shifts, &err) < 0) {
		event_fini(&ev);
		shift_list_free(&shifts);
		return cli_fail(&err);
	}
	cli_table_init(&t, cols, sizeof cols / sizeof cols[0]);
	cli_table_row(&t);
	cli_table_int(&t, ev.id);
	cli_table_text(&t, ev.uid);
	cli_table_text(&t, ev.title);
	cli_event_span(&t, &ev);
	cli_table_json(&t, ev.all_day ? "true" : "false");
	cli_table_text(&t, ev.location);
	cli_table_word(&t, event_status_name(ev.status));
	cli_table_text(&t, ev.description);
	cli_table_text(&t, ev.rrule ? ev.rrule : "");
	cli_table_int(&t, ev.series_id);
	if (ev.occurrence_start != 0)
		cli_table_time(&t, ev.occurrence_start);
	else
		cli_table_text(&t, "");
	cli_table_text(&t, ev.languages);
	cli_table_int(&t, ev.sequence);
	cli_table_init(&st, cli_shift_columns, cli_shift_ncolumns);
	for (i = 0; i < shifts.len; i++)
		cli_shift_row(&st, &shifts.items[i]);
	cli_table_print_record_list(ctx, &t, "shifts", &st);
	cli_table_fini(&t);
	cli_table_fini(&st);
	shift_list_free(&shifts);
	event_fini(&ev);
	return CLI_OK;
}

int
cli_event_edit(struct cli_ctx *ctx, int argc, char **argv)
{
	struct cli_opt opts[] = { { "title", true, NULL, false },
	    { "start", true, NULL, false }, { "end", true, NULL, false },
	    { "location", true, NULL, false },
	    { "description", true, NULL, false },
	    { "repeat", true, NULL, false },
	    { "languages", true, NULL, false },
	    { "series", false, NULL, false },
	    { "date", true, NULL, false }, { "to", true, NULL, false } };
	struct event ev;
	struct err err;
	char *pos[1];
	int64_t id;
	int rc;

	err_clear(&err);
	if (cli_args_parse(ctx, argc, argv, opts, 10, pos, 1, 1) < 0 ||
	    cli_args_id(ctx, pos[0], _("event"), &id) < 0)
		return CLI_USAGE;
	if ((opts[8].seen || opts[9].seen) && (opts[1].seen || opts[2].seen))
		return cli_usage_error(ctx, _("give either --date/--to (all "
		    "day) or --start/--end (with times), not both"));
	if (store_event_get(ctx->st, id, &ev, &err) < 0)
		return cli_fail(&err);
	cli_event_set(&ev.title, &opts[0]);
	if (ev.all_day && (opts[1].seen != opts[2].seen)) {
		event_fini(&ev);
		return cli_usage_error(ctx, _("event %lld is all-day: give "
		    "both --start and --end to give it times"), (long long)id);
	}
	if (opts[1].seen || opts[2].seen)
		ev.all_day = false;
	if ((rc = opts[8].seen || opts[9].seen ? cli_event_days(ctx, &opts[8],
	    &opts[9], &ev) : cli_event_times(&opts[1], &opts[2], &ev.start,
	    &ev.end)) != 0) {
		event_fini(&ev);
		return rc;
	}
	cli_event_set(&ev.location, &opts[3]);
	cli_event_set(&ev.description, &opts[4]);
	cli_event_set(&ev.rrule, &opts[5]);
	if (ev.rrule != NULL && *ev.rrule == '\0') {
		free(ev.rrule);
		ev.rrule = NULL;
	}
	cli_event_set(&ev.languages, &opts[6]);
	if ((opts[7].seen ? ops_series_edit(ctx->st, &ev, &err) :
	    ops_event_edit(ctx->st, &ev, &err)) < 0)
		rc = cli_fail(&err);
	event_fini(&ev);
	return rc;
}

int
cli_event_cancel(struct cli_ctx *ctx, int argc, char **argv)
{
	struct cli_opt opts[] = { { "series", false, NULL, false },
	    { "following", false, NULL, false } };
	struct err err;
	char *pos[1];
	int64_t id;

	err_clear(&err);
	if (cli_args_parse(ctx, argc, argv, opts, 2, pos, 1, 1) < 0 ||
	    cli_args_id(ctx, pos[0], _("event"), &id) < 0)
		return CLI_USAGE;
	if (opts[0].seen && opts[1].seen)
		return cli_usage_error(ctx, _("--series and --following "
		    "exclude each other"));
	if ((opts[0].seen || opts[1].seen ? ops_series_cancel_scope(ctx->st,
	    id, opts[1].seen, &err) : ops_event_cancel(ctx->st, id,
	    &err)) < 0)
		return cli_fail(&err);
	return CLI_OK;
}

int
cli_event_copy(struct cli_ctx *ctx, int argc, char **argv)
{
	struct cli_opt opts[] = { { "start", true, NULL, false } };
	struct err err;
	char *pos[1];
	int64_t id, start, new_id;

	err_clear(&err);
	if (cli_args_parse(ctx, argc, argv, opts, 1, pos, 1, 1) < 0 ||
	    cli_args_id(ctx, pos[0], _("event"), &id) < 0)
		return CLI_USAGE;
	if (!opts[0].seen)
		return cli_usage_error(ctx, _("give the copy's start with "
		    "--start WHEN"));
	/* A DAY for an all-day event's copy. */
	if ((strchr(opts[0].value, ':') != NULL ? rtime_parse_when(
	    opts[0].value, &start, &err) : rtime_parse_day(opts[0].value,
	    ctx->now, &start, &err)) < 0)
		return cli_fail(&err);
	if (ops_event_copy(ctx->st, id, start, &new_id, &err) < 0)
		return cli_fail(&err);
	cli_out_id(ctx, new_id);
	return CLI_OK;
}

int
cli_event_delete(struct cli_ctx *ctx, int argc, char **argv)
{
	struct cli_opt opts[] = { { "series", false, NULL, false },
	    { "following", false, NULL, false } };
	struct err err;
	char *pos[1];
	int64_t id;

	err_clear(&err);
	if (cli_args_parse(ctx, argc, argv, opts, 2, pos, 1, 1) < 0 ||
	    cli_args_id(ctx, pos[0], _("event"), &id) < 0)
		return CLI_USAGE;
	if (opts[0].seen && opts[1].seen)
		return cli_usage_error(ctx, _("--series and --following "
		    "exclude each other"));
	if (ops_series_delete(ctx->st, id, opts[0].seen ? OPS_SERIES_ALL :
	    opts[1].seen ? OPS_SERIES_FOLLOWING : OPS_SERIES_ONE, &err) < 0)
		return cli_fail(&err);
	return CLI_OK;
}
