/* SPDX-License-Identifier: ISC */
/*
 * Lookups: who works when, which shifts are short, hours served; and the
 * row shapes for events, shifts and assignments that every command prints
 * the same way (the json keys are DESIGN.md's and stay stable).
 */
#include "cli_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* "2027-03-27 14:00-17:00" (the end's date only when it differs); in
 * another locale than C the locale's way, "za 27 mrt 14:00-17:00". */
void
cli_when(int64_t start, int64_t end, char *buf, size_t size)
{
	if (end > start && rtime_day_add(start, 0) == start &&
	    rtime_day_add(end, 0) == end) {
		rtime_format_days(start, rtime_day_add(end - 1, 0), buf, size);
		return;
	}
	rtime_format_span(start, end, rtime_format_show, buf, size);
}

void
cli_when_brief(int64_t start, int64_t end, char *buf, size_t size)
{
	int64_t day = rtime_day_add(start, 0), last;
	char a[64], b[64], from[8];

	if (end > start && day == start && rtime_day_add(end, 0) == end) {
		rtime_format_days_brief(start, rtime_day_add(end - 1, 0), buf,
		    size);
		return;
	}
	rtime_format_show_brief(start, a, sizeof a);
	rtime_format(start, "%H:%M", from, sizeof from);
	rtime_format(end, "%H:%M", b, sizeof b);
	last = end > start ? rtime_day_add(end - 1, 0) : day;
	/* The same day, or the next before the start's time of day. */
	if (last != day && (last != rtime_day_next(day) ||
	    strcmp(b, from) >= 0))
		rtime_format_show_brief(end, b, sizeof b);
	snprintf(buf, size, "%s-%s", a, b);
}

void
cli_when_event(const struct event *ev, char *buf, size_t size)
{
	if (ev->all_day)
		rtime_format_days(ev->start, event_last_day(ev), buf, size);
	else
		cli_when(ev->start, ev->end, buf, size);
}

void
cli_event_span(struct cli_table *t, const struct event *ev)
{
	if (ev->all_day) {
		cli_table_day(t, ev->start);
		cli_table_day(t, event_last_day(ev));
	} else {
		cli_table_time(t, ev->start);
		cli_table_time(t, ev->end);
	}
}

/* Keyed as event_fields, whose rows fill the cells (when, staffing aside). */
const struct cli_column cli_event_columns[] = {
	{ "id", N_("ID"), CLI_INT, CLI_BOTH },
	{ "uid", N_("UID"), CLI_TEXT, CLI_DATA },
	{ "when", N_("WHEN"), CLI_TEXT, CLI_TABLE | CLI_BRIEF },
	{ "start", N_("START"), CLI_TIME, CLI_DATA },
	{ "end", N_("END"), CLI_TIME, CLI_DATA },
	{ "title", N_("TITLE"), CLI_TEXT, CLI_BOTH | CLI_FLEX | CLI_KEEP },
	/* Cut to its first letters a place says little: it goes before
	 * a title is cut. */
	{ "location", N_("LOCATION"), CLI_TEXT,
	    CLI_BOTH | CLI_FLEX | CLI_DROP_LATE },
	{ "status", N_("STATUS"), CLI_TEXT, CLI_BOTH | CLI_DROP_LATE },
	{ "staffing", N_("STAFF"), CLI_TEXT, CLI_TABLE },
	{ "all_day", N_("ALL DAY"), CLI_JSON, CLI_DATA },
	/* `event show` prints these; fields not named here follow
	 * all_day in csv and json (cli_list_columns()). */
	CLI_LEFT_OUT("description"), CLI_LEFT_OUT("repeat"),
	CLI_LEFT_OUT("series_id"), CLI_LEFT_OUT("occurrence_start"),
	CLI_LEFT_OUT("languages"), CLI_LEFT_OUT("sequence"),
};
const size_t cli_event_ncolumns =
    sizeof cli_event_columns / sizeof cli_event_columns[0];

void
cli_event_row(struct cli_table *t, const struct event *ev)
{
	char staff[48], when[64];

	cli_table_row(t);
	cli_table_int(t, ev->id);
	cli_table_fields(t, ev, event_fields);
	cli_when_event(ev, when, sizeof when);
	cli_table_when(t, when, ev->start, ev->all_day ?
	    rtime_day_next(event_last_day(ev)) : ev->end);
	cli_event_span(t, ev);
	cli_table_fields(t, ev, event_fields);
	/* Narrow, STATUS goes: a cancelled event must not read as short. */
	if (ev->status == EVENT_CANCELLED)
		snprintf(staff, sizeof staff, "%s", _("cancelled"));
	else
		event_staffing(ev, staff, sizeof staff);
	cli_table_text(t, staff);
	cli_table_fields(t, ev, event_fields);
}

/*
 * The columns every shift table starts with, filled by cli_shift_cells():
 * `shift list`, `event show` and `gaps`.
 */
#define CLI_SHIFT_COLUMNS \
	{ "id", N_("ID"), CLI_INT, CLI_BOTH }, \
	{ "event_id", N_("EVENT"), CLI_INT, CLI_BOTH | CLI_DROP }, \
	{ "when", N_("WHEN"), CLI_TEXT, CLI_TABLE }, \
	{ "start", N_("START"), CLI_TIME, CLI_DATA }, \
	{ "end", N_("END"), CLI_TIME, CLI_DATA }, \
	{ "role_shown", N_("ROLE"), CLI_TEXT, \
	    CLI_TABLE | CLI_FLEX | CLI_KEEP }, \
	{ "role", N_("ROLE"), CLI_TEXT, CLI_DATA }, \
	{ "language", N_("LANGUAGE"), CLI_TEXT, CLI_DATA }, \
	{ "needed", N_("NEEDED"), CLI_INT, CLI_DATA }, \
	{ "assigned", N_("ASSIGNED"), CLI_INT, CLI_DATA }, \
	{ "staffing", N_("STAFF"), CLI_TEXT, CLI_TABLE }

const struct cli_column cli_shift_columns[] = {
	CLI_SHIFT_COLUMNS,
	{ "event_title", N_("TITLE"), CLI_TEXT, CLI_TABLE | CLI_FLEX | CLI_KEEP },
};
const size_t cli_shift_ncolumns =
    sizeof cli_shift_columns / sizeof cli_shift_columns[0];

/* A new row of t with the CLI_SHIFT_COLUMNS of sh, staff as its staffing. */
static void
cli_shift_cells(struct cli_table *t, const struct shift *sh,
    const char *staff)
{
	char when[64], role[160];

	cli_table_row(t);
	cli_table_int(t, sh->id);
	cli_table_int(t, sh->event_id);
	cli_when(sh->start, sh->end, when, sizeof when);
	cli_table_text(t, when);
	cli_table_time(t, sh->start);
	cli_table_time(t, sh->end);
	shift_role_text(sh->role, sh->language, role, sizeof role);
	cli_table_text(t, role);
	cli_table_text(t, sh->role);
	cli_table_text(t, sh->language);
	cli_table_int(t, sh->needed);
	cli_table_int(t, sh->assigned);
	cli_table_text(t, staff);
}

size_t
cli_event_shift_columns(struct cli_column *cols, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i + 1 < cli_shift_ncolumns && k < n; i++) {
		cols[k] = cli_shift_columns[i];
		if (strcmp(cols[k].key, "event_id") == 0)
			cols[k].flags = CLI_DATA;
		k++;
	}
	return k;
}

void
cli_event_shift_row(struct cli_table *t, const struct shift *sh)
{
	char staff[48];

	if (sh->event_status == EVENT_CANCELLED)
		snprintf(staff, sizeof staff, "%s", _("cancelled"));
	else
		shift_staffing(sh, staff, sizeof staff);
	cli_shift_cells(t, sh, staff);
}

void
cli_shift_row(struct cli_table *t, const struct shift *sh)
{
	cli_event_shift_row(t, sh);
	cli_table_text(t, sh->event_title);
	/* The fields cli_list_columns() put after these. */
	cli_table_fields(t, sh, shift_fields);
}

static const struct cli_column cli_assignment_columns[] = {
	{ "shift_id", N_("SHIFT"), CLI_INT, CLI_BOTH },
	{ "when", N_("WHEN"), CLI_TEXT, CLI_TABLE | CLI_BRIEF },
	{ "event", N_("EVENT"), CLI_TEXT, CLI_TABLE | CLI_FLEX | CLI_KEEP },
	{ "role", N_("ROLE"), CLI_TEXT, CLI_TABLE | CLI_FLEX | CLI_KEEP },
	{ "volunteer_id", N_("VOL"), CLI_INT, CLI_BOTH | CLI_DROP },
	{ "volunteer", N_("VOLUNTEER"), CLI_TEXT, CLI_BOTH | CLI_FLEX | CLI_KEEP },
	{ "status", N_("STATUS"), CLI_TEXT, CLI_BOTH | CLI_DROP_LATE },
	/* Said elsewhere: under the shift, by `hours` and `attended`. */
	CLI_LEFT_OUT("attendance"), CLI_LEFT_OUT("hours"),
	CLI_LEFT_OUT("forced"), CLI_LEFT_OUT("note"),
};
static const size_t cli_assignment_ncolumns =
    sizeof cli_assignment_columns / sizeof cli_assignment_columns[0];

size_t
cli_assignment_list_columns(struct cli_column *cols)
{
	return cli_list_columns(cols, CLI_RECORD_MAX, cli_assignment_columns,
	    cli_assignment_ncolumns, assignment_fields);
}

void
cli_assignment_row(struct cli_table *t, const struct assignment *a)
{
	char when[64], role[160];

	cli_table_row(t);
	cli_table_int(t, a->shift_id);
	cli_when(a->start, a->end, when, sizeof when);
	cli_table_when(t, when, a->start, a->end);
	cli_table_text(t, a->event_title);
	shift_role_text(a->role, a->language, role, sizeof role);
	cli_table_text(t, role);
	cli_table_int(t, a->volunteer_id);
	cli_table_text(t, a->volunteer);
	cli_table_word(t, assignment_status_name(a->status));
	/* The fields cli_list_columns() put after these. */
	cli_table_fields(t, a, assignment_fields);
}

/*
 * who: the assignment shape plus a table mark for drafts. When narrow,
 * the shift's id goes with the volunteer's (its when, event and role say
 * which shift it is), and the event's title shrinks before the role and
 * the volunteer's name: the rows are about who works.
 */
static const struct cli_column cli_query_who_columns[] = {
	{ "shift_id", N_("SHIFT"), CLI_INT, CLI_BOTH | CLI_DROP },
	{ "when", N_("WHEN"), CLI_TEXT, CLI_TABLE | CLI_BRIEF },
	{ "start", N_("START"), CLI_TIME, CLI_DATA },
	{ "end", N_("END"), CLI_TIME, CLI_DATA },
	{ "event", N_("EVENT"), CLI_TEXT, CLI_BOTH | CLI_FLEX | CLI_DROP_LATE },
	{ "role_shown", N_("ROLE"), CLI_TEXT, CLI_TABLE | CLI_FLEX | CLI_KEEP },
	{ "role", N_("ROLE"), CLI_TEXT, CLI_DATA },
	{ "language", N_("LANGUAGE"), CLI_TEXT, CLI_DATA },
	{ "volunteer_id", N_("VOL"), CLI_INT, CLI_BOTH | CLI_DROP },
	{ "volunteer", N_("VOLUNTEER"), CLI_TEXT, CLI_BOTH | CLI_FLEX | CLI_KEEP },
	{ "status", N_("STATUS"), CLI_TEXT, CLI_BOTH | CLI_DROP_LATE },
	{ "draft", N_("DRAFT"), CLI_TEXT, CLI_TABLE | CLI_DROP_LATE },
};

/*
 * A who row's WHEN into buf: on a one-day list (day: that day's local
 * midnight, else 0) a shift with times within the day shows only them,
 * "14:00-17:00", the date every row shares giving way to the names.
 */
static void
cli_query_who_when(const struct assignment *a, int64_t day, char *buf,
    size_t size)
{
	char b[16];
	size_t n;

	if (day == 0 || a->end <= a->start || rtime_day_add(a->start, 0) != day ||
	    rtime_day_add(a->end - 1, 0) != day ||
	    (a->start == day && rtime_day_add(a->end, 0) == a->end)) {
		cli_when(a->start, a->end, buf, size);
		return;
	}
	rtime_format(a->start, "%H:%M", buf, size);
	rtime_format(a->end, "%H:%M", b, sizeof b);
	n = strlen(buf);
	snprintf(buf + n, size - n, "-%s", b);
}

/*
 * A who row's WHEN without the year every row of a --from/--to list
 * shares, in the C locale (ISO dates; other locales leave the year out
 * near today already): "01-05 18:00-20:00", five columns that a long
 * name keeps at 80.
 */
static void
cli_query_who_when_md(const struct assignment *a, char *buf, size_t size)
{
	bool days = a->end > a->start && rtime_day_add(a->start, 0) ==
	    a->start && rtime_day_add(a->end, 0) == a->end;
	int64_t last = days ? rtime_day_add(a->end - 1, 0) : a->end;
	char b[32];
	size_t n;

	rtime_format(a->start, days ? "%m-%d" : "%m-%d %H:%M", buf, size);
	if (days && last == a->start)
		return;
	rtime_format(last, days ? "%m-%d" : rtime_day_add(a->start, 0) ==
	    rtime_day_add(a->end - 1, 0) ? "%H:%M" : "%m-%d %H:%M", b,
	    sizeof b);
	n = strlen(buf);
	snprintf(buf + n, size - n, days ? " - %s" : "-%s", b);
}

/* True when every row of list starts and ends in one local year. */
static bool
cli_query_who_one_year(const struct assignment_list *list)
{
	char first[8] = "", y[8];
	size_t i;

	for (i = 0; i < list->len; i++) {
		rtime_format(list->items[i].start, "%Y", y, sizeof y);
		if (i == 0)
			memcpy(first, y, sizeof y);
		if (strcmp(y, first) != 0)
			return false;
		rtime_format(list->items[i].end - 1, "%Y", y, sizeof y);
		if (strcmp(y, first) != 0)
			return false;
	}
	return true;
}

/*
 * The WHEN and ROLE texts of the row made last: a day's list holds a
 * thousand people on a few dozen shifts, and its rows come by shift.
 */
struct cli_query_who_last {
	const struct assignment	*a;	/* NULL before the first row */
	char			 when[64];
	char			 role[160];
};

/* True if a and b are the same text, NULL being one. */
static bool
cli_query_same(const char *a, const char *b)
{
	return a == b || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

static void
cli_query_who_row(struct cli_table *t, const struct assignment *a,
    int64_t day, bool no_year, struct cli_query_who_last *last)
{
	const struct assignment *b = last->a;

	cli_table_row(t);
	cli_table_int(t, a->shift_id);
	if (b == NULL || b->start != a->start || b->end != a->end) {
		if (no_year)
			cli_query_who_when_md(a, last->when,
			    sizeof last->when);
		else
			cli_query_who_when(a, day, last->when,
			    sizeof last->when);
	}
	cli_table_when(t, last->when, a->start, a->end);
	cli_table_time(t, a->start);
	cli_table_time(t, a->end);
	cli_table_text(t, a->event_title);
	if (b == NULL || !cli_query_same(b->role, a->role) ||
	    !cli_query_same(b->language, a->language))
		shift_role_text(a->role, a->language, last->role,
		    sizeof last->role);
	last->a = a;
	cli_table_text(t, last->role);
	cli_table_text(t, a->role);
	cli_table_text(t, a->language);
	cli_table_int(t, a->volunteer_id);
	cli_table_text(t, a->volunteer);
	cli_table_word(t, assignment_status_name(a->status));
	/* A planned assignment is a draft: nobody told the volunteer yet. */
	cli_table_word(t, a->status == ASSIGNMENT_PLANNED ? "draft" : "");
}

int
cli_query_who(struct cli_ctx *ctx)
{
	struct store_range range = { 0 };
	struct assignment_list list = { 0 };
	struct cli_query_who_last last = { 0 };
	struct cli_table t;
	struct err err;
	const char *day = cli_arg(ctx, "day");
	bool span = cli_arg_seen(ctx, "--from") || cli_arg_seen(ctx, "--to");
	bool no_year;
	size_t i;

	err_clear(&err);
	if (day != NULL && span)
		return cli_usage_error(ctx, _("give either DAY or --from/--to, "
		    "not both"));
	if (day != NULL) {
		if (rtime_parse_day(day, ctx->now, &range.from, &err) < 0)
			return cli_fail(&err);
		range.to = rtime_day_next(range.from);
	} else if (span) {
		range.from = rtime_day_add(ctx->now, 0);
		range.to = 0;
		if (cli_args_range(ctx, &range.from, &range.to) < 0)
			return CLI_USAGE;
	} else {
		range.from = rtime_day_add(ctx->now, 0);
		range.to = rtime_day_next(range.from);
	}
	/* Its columns need no note, attendance, hours or forced. */
	range.people_only = true;
	if (store_assignment_list_range(ctx->st, &range, &list, &err) < 0)
		return cli_fail(&err);
	no_year = span && rtime_locale_is_c() && cli_query_who_one_year(&list);
	/* A planned assignment is a draft: nobody told the volunteer yet. */
	cli_table_init(&t, cli_query_who_columns, sizeof cli_query_who_columns /
	    sizeof cli_query_who_columns[0]);
	for (i = 0; i < list.len; i++) {
		/* Who declined, or was only offered the shift, does not
		 * work then; --all shows them too. */
		if (!assignment_counts(&list.items[i]) &&
		    !cli_arg_seen(ctx, "--all"))
			continue;
		cli_query_who_row(&t, &list.items[i], span ? 0 : range.from,
		    no_year, &last);
	}
	cli_table_print_or(ctx, &t, _("nobody works then"));
	cli_table_fini(&t);
	assignment_list_free(&list);
	return CLI_OK;
}

/*
 * gaps: the shift shape plus how many are missing and how many of those
 * counted are drafts (planned, not yet invited).
 */
static const struct cli_column cli_query_gap_columns[] = {
	CLI_SHIFT_COLUMNS,
	{ "missing", N_("MISSING"), CLI_INT, CLI_BOTH },
	{ "event_title", N_("TITLE"), CLI_TEXT, CLI_DATA },
	{ "location", N_("LOCATION"), CLI_TEXT, CLI_DATA },
	{ "planned", N_("DRAFTS"), CLI_INT, CLI_BOTH | CLI_DROP_LATE },
	{ "unconfirmed", N_("NOT RECONFIRMED"), CLI_TEXT, CLI_BOTH | CLI_FLEX },
	{ "title", N_("TITLE"), CLI_TEXT, CLI_TABLE | CLI_FLEX | CLI_KEEP },
};

/*
 * The names of those on shift_id asked to confirm a new time or place who
 * have not yet, comma-separated, in the order of their ids; NULL on
 * error. The shift's people are read only when someone is unconfirmed.
 */
static char *
cli_query_unconfirmed(struct cli_ctx *ctx, int64_t shift_id,
    struct err *err)
{
	struct store_invite_keys keys = { 0 };
	struct assignment_list on = { 0 };
	struct strbuf sb;
	size_t i, j;

	if (store_invite_unconfirmed(ctx->st, shift_id, &keys, err) < 0)
		return NULL;
	if (keys.len > 0 && store_assignment_list_shift(ctx->st, shift_id,
	    &on, err) < 0) {
		store_invite_keys_free(&keys);
		return NULL;
	}
	strbuf_init(&sb);
	strbuf_adds(&sb, "");
	for (i = 0; i < keys.len; i++)
		for (j = 0; j < on.len; j++)
			if (on.items[j].volunteer_id == keys.items[i].volunteer_id)
				strbuf_addf(&sb, "%s%s", sb.len > 0 ? ", " : "",
				    on.items[j].volunteer);
	store_invite_keys_free(&keys);
	assignment_list_free(&on);
	return strbuf_detach(&sb);
}

int
cli_query_gaps(struct cli_ctx *ctx)
{
	struct store_range range = { 0 };
	struct shift_list list = { 0 };
	const struct shift *sh;
	struct cli_table t;
	struct err err;
	char staff[48], *unconfirmed;
	size_t i;
	int planned;

	err_clear(&err);
	range.from = rtime_day_add(ctx->now, 0);
	if (cli_args_range(ctx, &range.from, &range.to) < 0)
		return CLI_USAGE;
	range.gaps_only = true;
	range.unconfirmed = true;
	if (store_shift_list_range(ctx->st, &range, &list, &err) < 0)
		return cli_fail(&err);
	cli_table_init(&t, cli_query_gap_columns, sizeof cli_query_gap_columns /
	    sizeof cli_query_gap_columns[0]);
	for (i = 0; i < list.len; i++) {
		sh = &list.items[i];
		/* Counts from the index; names only for the unconfirmed. */
		if (store_assignment_count_status(ctx->st, sh->id,
		    ASSIGNMENT_PLANNED, &planned, &err) < 0 ||
		    (unconfirmed = cli_query_unconfirmed(ctx, sh->id,
		    &err)) == NULL) {
			cli_table_fini(&t);
			shift_list_free(&list);
			return cli_fail(&err);
		}
		snprintf(staff, sizeof staff, "%d/%d", sh->assigned,
		    sh->needed);
		cli_shift_cells(&t, sh, staff);
		cli_table_int(&t, shift_missing(sh));
		cli_table_text(&t, sh->event_title);
		cli_table_text(&t, sh->event_location);
		cli_table_int(&t, planned);
		cli_table_text(&t, unconfirmed);
		free(unconfirmed);
		cli_table_text(&t, sh->event_title);
	}
	cli_table_print_or(ctx, &t, _("no shift is short of people"));
	cli_table_fini(&t);
	shift_list_free(&list);
	return CLI_OK;
}

int
cli_query_hours(struct cli_ctx *ctx)
{
	static const struct cli_column cols[] = {
		{ "volunteer_id", N_("VOL"), CLI_INT, CLI_BOTH },
		{ "volunteer", N_("VOLUNTEER"), CLI_TEXT, CLI_BOTH | CLI_FLEX },
		{ "attended", N_("ATTENDED"), CLI_INT, CLI_BOTH },
		{ "hours", N_("HOURS"), CLI_REAL, CLI_BOTH },
		{ "no_shows", N_("NO-SHOWS"), CLI_INT, CLI_BOTH },
	};
	struct store_hours_list list = { 0 };
	struct cli_table t;
	struct err err;
	int64_t from = 0, to = 0;
	size_t i;

	err_clear(&err);
	if (cli_args_range(ctx, &from, &to) < 0)
		return CLI_USAGE;
	if (store_hours_list(ctx->st, from, to, &list, &err) < 0)
		return cli_fail(&err);
	cli_table_init(&t, cols, sizeof cols / sizeof cols[0]);
	for (i = 0; i < list.len; i++) {
		cli_table_row(&t);
		cli_table_int(&t, list.items[i].volunteer_id);
		cli_table_text(&t, list.items[i].volunteer);
		cli_table_int(&t, list.items[i].attended);
		cli_table_real(&t, list.items[i].hours);
		cli_table_int(&t, list.items[i].no_shows);
	}
	cli_table_print_or(ctx, &t, _("no hours recorded then"));
	cli_table_fini(&t);
	store_hours_list_free(&list);
	return CLI_OK;
}
