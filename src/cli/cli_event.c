/* SPDX-License-Identifier: ISC */
/* `rooster event ...`: add, list, show, edit, cancel, delete. */
#include "cli_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rooster/ops.h"

/*
 * Apply --date/--to to ev, making it all-day: from the start of the day
 * --date names (else the day ev starts on) to the end of the day --to
 * names (else, given --date alone, as many days as ev had when it was
 * all-day already, or one). 0 or CLI_USAGE with the message printed.
 */
static int
cli_event_days(const struct cli_ctx *ctx, struct event *ev)
{
	const char *date = cli_arg(ctx, "--date"), *to = cli_arg(ctx, "--to");
	struct err err;
	int64_t start, last;
	int days = 1;

	err_clear(&err);
	if (ev->all_day && ev->end > ev->start)
		days = (int)((ev->end - ev->start + 43200) / 86400);
	start = rtime_day_add(ev->start, 0);
	if (date != NULL && rtime_parse_day(date, ctx->now, &start,
	    &err) < 0)
		return cli_fail(&err);
	if (to != NULL) {
		if (rtime_parse_day(to, ctx->now, &last, &err) < 0)
			return cli_fail(&err);
		if (last < start)
			return cli_usage_error(ctx, _("--to %s is before the "
			    "event's first day"), to);
		ev->end = rtime_day_next(last);
	} else if (date != NULL || !ev->all_day)
		ev->end = rtime_day_add(start, days);
	ev->start = start;
	ev->all_day = true;
	return 0;
}

int
cli_event_add(struct cli_ctx *ctx)
{
	bool start = cli_arg_seen(ctx, "--start"), end = cli_arg_seen(ctx,
	    "--end"), date = cli_arg_seen(ctx, "--date"), to = cli_arg_seen(ctx,
	    "--to");
	struct event ev;
	struct err err;
	int rc;

	err_clear(&err);
	if ((date || to) && (start || end))
		return cli_usage_error(ctx, _("give either --date [--to] (an "
		    "all-day event) or --start and --end, not both"));
	if (to && !date)
		return cli_usage_error(ctx, _("--to needs --date (the first "
		    "day)"));
	if (!date && (!start || !end))
		return cli_usage_error(ctx,
		    _("an event needs --start and --end "
		    "(YYYY-MM-DD HH:MM), or --date (YYYY-MM-DD) for a whole "
		    "day"));
	event_init(&ev);
	ev.title = xstrdup(cli_arg(ctx, "title"));
	ev.start = rtime_day_add(ctx->now, 0);
	/* The options of event_fields, then the days of an all-day one. */
	if ((rc = cli_args_apply(ctx, &ev, event_fields)) != 0 ||
	    (date && (rc = cli_event_days(ctx, &ev)) != 0)) {
		event_fini(&ev);
		return rc;
	}
	rc = cli_out_added(ctx, ops_event_add(ctx->st, &ev, &err), &ev.id,
	    &err);
	event_fini(&ev);
	return rc;
}

int
cli_event_list(struct cli_ctx *ctx)
{
	struct store_range range = { 0 };
	struct cli_column cols[CLI_RECORD_MAX];
	struct event_list list = { 0 };
	struct cli_table t;
	struct err err;
	size_t i;

	err_clear(&err);
	range.from = rtime_day_add(ctx->now, 0);
	if (cli_args_range(ctx, &range.from, &range.to) < 0)
		return CLI_USAGE;
	range.search = cli_arg(ctx, "--search");
	range.gaps_only = cli_arg_seen(ctx, "--gaps");
	if (store_event_list(ctx->st, &range, &list, &err) < 0)
		return cli_fail(&err);
	cli_table_init(&t, cols, cli_list_columns(cols, CLI_RECORD_MAX,
	    cli_event_columns, cli_event_ncolumns, event_fields));
	for (i = 0; i < list.len; i++)
		cli_event_row(&t, &list.items[i]);
	cli_table_print(ctx, &t);
	cli_table_fini(&t);
	event_list_free(&list);
	return CLI_OK;
}

/* An all-day event's start and end are days, its last one the end. */
static bool
cli_event_cell(struct cli_table *t, const void *rec,
    const struct model_field *f)
{
	const struct event *ev = rec;

	if (!ev->all_day || f->kind != MODEL_FIELD_TIME ||
	    (strcmp(f->key, "start") != 0 && strcmp(f->key, "end") != 0))
		return false;
	cli_table_day(t, f->key[0] == 's' ? ev->start : event_last_day(ev));
	return true;
}

int
cli_event_show(struct cli_ctx *ctx)
{
	struct cli_column cols[CLI_RECORD_MAX], scols[CLI_SHIFT_NCOLUMNS];
	struct shift_list shifts = { 0 };
	struct cli_table t, st;
	struct event ev;
	struct err err;
	int64_t id = cli_arg_id(ctx, "id");
	size_t i;

	err_clear(&err);
	if (store_event_get(ctx->st, id, &ev, &err) < 0 ||
	    store_shift_list_event(ctx->st, id, &shifts, &err) < 0) {
		event_fini(&ev);
		shift_list_free(&shifts);
		return cli_fail(&err);
	}
	cli_record_init(&t, cols, ev.id, &ev, event_fields, cli_event_cell);
	cli_table_init(&st, scols, cli_event_shift_columns(scols,
	    CLI_SHIFT_NCOLUMNS));
	for (i = 0; i < shifts.len; i++)
		cli_event_shift_row(&st, &shifts.items[i]);
	cli_table_print_record_list(ctx, &t, "shifts", &st);
	cli_table_fini(&t);
	cli_table_fini(&st);
	shift_list_free(&shifts);
	event_fini(&ev);
	return CLI_OK;
}

int
cli_event_edit(struct cli_ctx *ctx)
{
	bool start = cli_arg_seen(ctx, "--start"), end = cli_arg_seen(ctx,
	    "--end"), days = cli_arg_seen(ctx, "--date") || cli_arg_seen(ctx,
	    "--to");
	struct event ev;
	struct err err;
	int64_t id = cli_arg_id(ctx, "id");
	int rc;

	err_clear(&err);
	if (days && (start || end))
		return cli_usage_error(ctx, _("give either --date/--to (all "
		    "day) or --start/--end (with times), not both"));
	if (store_event_get(ctx->st, id, &ev, &err) < 0)
		return cli_fail(&err);
	if (ev.all_day && start != end) {
		event_fini(&ev);
		return cli_usage_error(ctx, _("event %lld is all-day: give "
		    "both --start and --end to give it times"), (long long)id);
	}
	if (start || end)
		ev.all_day = false;
	/* The options of event_fields, then the days of an all-day one. */
	if ((rc = cli_args_apply(ctx, &ev, event_fields)) != 0 ||
	    (days && (rc = cli_event_days(ctx, &ev)) != 0)) {
		event_fini(&ev);
		return rc;
	}
	if (ev.rrule != NULL && *ev.rrule == '\0') {
		free(ev.rrule);
		ev.rrule = NULL;
	}
	if ((cli_arg_seen(ctx, "--series") ? ops_series_edit(ctx->st, &ev,
	    &err) : ops_event_edit(ctx->st, &ev, &err)) < 0)
		rc = cli_fail(&err);
	event_fini(&ev);
	return rc;
}

/*
 * event cancel and event delete: one occurrence, or with --series all of
 * it, or with --following this one and the later ones.
 */
static int
cli_event_scoped(struct cli_ctx *ctx, bool cancel)
{
	bool series = cli_arg_seen(ctx, "--series");
	bool following = cli_arg_seen(ctx, "--following");
	int64_t id = cli_arg_id(ctx, "id");
	struct event ev;
	struct err err;
	char *title, *what;
	int rc, n = 0, told = 0;

	err_clear(&err);
	if (series && following)
		return cli_usage_error(ctx, _("--series and --following "
		    "exclude each other"));
	title = xstrdup("");
	/* What it reaches, counted before it goes, as the screen's question
	 * counts it; an unknown id is left to the operation to refuse. */
	if (store_event_get(ctx->st, id, &ev, &err) == 0) {
		store_event_series_reach(ctx->st, ev.series_id != 0 ?
		    ev.series_id : ev.id, series || ev.series_id == 0 ?
		    INT64_MIN : ev.occurrence_start, series || following ||
		    ev.series_id == 0 ? INT64_MAX : ev.occurrence_start, cancel,
		    &n, &told, NULL);
		free(title);
		title = xstrdup(ev.title);
		event_fini(&ev);
	}
	err_clear(&err);
	if (!cancel)
		rc = ops_series_delete(ctx->st, id, series ? OPS_SERIES_ALL :
		    following ? OPS_SERIES_FOLLOWING : OPS_SERIES_ONE, &err);
	else if (series || following)
		rc = ops_series_cancel_scope(ctx->st, id, following, &err);
	else
		rc = ops_event_cancel(ctx->st, id, &err);
	if (rc < 0) {
		free(title);
		return cli_fail(&err);
	}
	/* TRANSLATORS: the event's title and how many of its occurrences
	 * went. */
	what = cancel ? xasprintf(ngettext("cancelled '%s' (%d occurrence)",
	    "cancelled '%s' (%d occurrences)", (unsigned long)n), title, n) :
	    xasprintf(ngettext("deleted '%s' (%d occurrence)", "deleted '%s' "
	    "(%d occurrences)", (unsigned long)n), title, n);
	/* TRANSLATORS: the first part says what went; then how many
	 * volunteers invited to it are sent a CANCEL. */
	cli_out_note(ctx, ngettext("%s; %d invited volunteer gets a CANCEL",
	    "%s; %d invited volunteers get a CANCEL", (unsigned long)told),
	    what, told);
	free(what);
	free(title);
	return CLI_OK;
}

int
cli_event_cancel(struct cli_ctx *ctx)
{
	return cli_event_scoped(ctx, true);
}

int
cli_event_copy(struct cli_ctx *ctx)
{
	const char *when = cli_arg(ctx, "--start");
	struct err err;
	int64_t start, new_id;

	err_clear(&err);
	/* A DAY for an all-day event's copy. */
	if ((strchr(when, ':') != NULL ? rtime_parse_when(when, &start,
	    &err) : rtime_parse_day(when, ctx->now, &start, &err)) < 0)
		return cli_fail(&err);
	return cli_out_added(ctx, ops_event_copy(ctx->st, cli_arg_id(ctx,
	    "id"), start, &new_id, &err), &new_id, &err);
}

int
cli_event_delete(struct cli_ctx *ctx)
{
	return cli_event_scoped(ctx, false);
}
