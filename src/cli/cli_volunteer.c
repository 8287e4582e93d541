/* SPDX-License-Identifier: ISC */
/* `rooster volunteer ...` and `rooster team ...`. */
#include "cli_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rooster/ops.h"

static const struct cli_column cli_volunteer_columns[] = {
	{ "id", N_("ID"), CLI_INT, CLI_BOTH },
	{ "name", N_("NAME"), CLI_TEXT, CLI_BOTH | CLI_FLEX },
	{ "email", N_("E-MAIL"), CLI_TEXT, CLI_BOTH | CLI_FLEX },
	{ "phone", N_("PHONE"), CLI_TEXT, CLI_BOTH },
	{ "skills", N_("SKILLS"), CLI_TEXT, CLI_BOTH | CLI_FLEX },
	{ "languages", N_("LANGUAGES"), CLI_TEXT, CLI_BOTH },
	{ "month", N_("MONTH"), CLI_INT, CLI_TABLE },
};

static void
cli_volunteer_row(struct cli_table *t, const struct volunteer *v)
{
	cli_table_row(t);
	cli_table_int(t, v->id);
	cli_table_text(t, v->name);
	cli_table_text(t, v->email);
	cli_table_text(t, v->phone);
	cli_table_text(t, v->skills);
	cli_table_text(t, v->languages);
	cli_table_int(t, v->shifts_this_month);
}

enum { VOL_EMAIL, VOL_PHONE, VOL_SKILLS, VOL_LANGUAGES, VOL_MAX, VOL_NOTES,
    VOL_NAME, VOL_ACTIVE, VOL_NOPTS };

#define CLI_VOLUNTEER_OPTS { \
	{ "email", true, NULL, false }, { "phone", true, NULL, false }, \
	{ "skills", true, NULL, false }, { "languages", true, NULL, false }, \
	{ "max-per-month", true, NULL, false }, \
	{ "notes", true, NULL, false }, { "name", true, NULL, false }, \
	{ "active", true, NULL, false } }

static void
cli_volunteer_set(char **field, const struct cli_opt *opt)
{
	if (!opt->seen)
		return;
	free(*field);
	*field = xstrdup(opt->value);
}

static int
cli_volunteer_apply(struct cli_ctx *ctx, struct cli_opt *opts,
    struct volunteer *v)
{
	long max;

	cli_volunteer_set(&v->email, &opts[VOL_EMAIL]);
	cli_volunteer_set(&v->phone, &opts[VOL_PHONE]);
	cli_volunteer_set(&v->skills, &opts[VOL_SKILLS]);
	cli_volunteer_set(&v->languages, &opts[VOL_LANGUAGES]);
	cli_volunteer_set(&v->notes, &opts[VOL_NOTES]);
	cli_volunteer_set(&v->name, &opts[VOL_NAME]);
	if (opts[VOL_MAX].seen) {
		if (cli_args_int(ctx, opts[VOL_MAX].value, _("max-per-month"),
		    0,
		    1000, &max) < 0)
			return CLI_USAGE;
		v->max_per_month = (int)max;
	}
	if (opts[VOL_ACTIVE].seen) {
		if (strcmp(opts[VOL_ACTIVE].value, "yes") == 0)
			v->active = true;
		else if (strcmp(opts[VOL_ACTIVE].value, "no") == 0)
			v->active = false;
		else
			return cli_usage_error(ctx,
			    _("--active takes yes or no"));
	}
	return 0;
}

int
cli_volunteer_add(struct cli_ctx *ctx, int argc, char **argv)
{
	struct cli_opt opts[VOL_NOPTS] = CLI_VOLUNTEER_OPTS;
	struct volunteer v;
	struct err err;
	char *pos[1];
	int rc;

	err_clear(&err);
	/* --name and --active make sense for edit only. */
	if (cli_args_parse(ctx, argc, argv, opts, VOL_NAME, pos, 1, 1) < 0)
		return CLI_USAGE;
	volunteer_init(&v);
	v.name = xstrdup(pos[0]);
	if ((rc = cli_volunteer_apply(ctx, opts, &v)) == 0) {
		if (ops_volunteer_add(ctx->st, &v, &err) < 0)
			rc = cli_fail(&err);
		else
			cli_out_id(ctx, v.id);
	}
	volunteer_fini(&v);
	return rc;
}

int
cli_volunteer_list(struct cli_ctx *ctx, int argc, char **argv)
{
	struct cli_opt opts[] = { { "search", true, NULL, false },
	    { "skill", true, NULL, false } };
	struct volunteer_list list = { 0 };
	struct cli_table t;
	struct err err;
	size_t i;

	err_clear(&err);
	if (cli_args_parse(ctx, argc, argv, opts, 2, NULL, 0, 0) < 0)
		return CLI_USAGE;
	if (store_volunteer_list(ctx->st, opts[0].value, opts[1].value, &list,
	    &err) < 0)
		return cli_fail(&err);
	cli_table_init(&t, cli_volunteer_columns,
	    sizeof cli_volunteer_columns / sizeof cli_volunteer_columns[0]);
	for (i = 0; i < list.len; i++)
		cli_volunteer_row(&t, &list.items[i]);
	cli_table_print(ctx, &t);
	cli_table_fini(&t);
	volunteer_list_free(&list);
	return CLI_OK;
}

/* A period of whole days as its days ("2027-01-06 - 2027-01-07"). */
static void
cli_volunteer_period(const struct unavailable *u, char *buf, size_t size)
{
	char a[48], b[48];
	int64_t last;

	if (rtime_day_add(u->start, 0) != u->start ||
	    rtime_day_add(u->end, 0) != u->end) {
		cli_when(u->start, u->end, buf, size);
		return;
	}
	last = rtime_day_add(u->end - 1, 0);
	rtime_format_day(u->start, a, sizeof a);
	rtime_format_day(last, b, sizeof b);
	if (last == u->start)
		snprintf(buf, size, "%s", a);
	else
		snprintf(buf, size, "%s - %s", a, b);
}

int
cli_volunteer_show(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct cli_column cols[] = {
		{ "id", N_("ID"), CLI_INT, CLI_BOTH },
		{ "name", N_("NAME"), CLI_TEXT, CLI_BOTH },
		{ "email", N_("E-MAIL"), CLI_TEXT, CLI_BOTH },
		{ "phone", N_("PHONE"), CLI_TEXT, CLI_BOTH },
		{ "skills", N_("SKILLS"), CLI_TEXT, CLI_BOTH },
		{ "languages", N_("LANGUAGES"), CLI_TEXT, CLI_BOTH },
		{ "max_per_month", N_("MAX/MONTH"), CLI_INT, CLI_BOTH },
		{ "notes", N_("NOTES"), CLI_TEXT, CLI_BOTH },
		{ "active", N_("ACTIVE"), CLI_TEXT, CLI_BOTH },
	};
	static const struct cli_column off_cols[] = {
		{ "id", N_("PERIOD"), CLI_INT, CLI_BOTH },
		{ "when", N_("WHEN"), CLI_TEXT, CLI_TABLE },
		{ "start", N_("START"), CLI_TIME, CLI_DATA },
		{ "end", N_("END"), CLI_TIME, CLI_DATA },
		{ "reason", N_("REASON"), CLI_TEXT, CLI_BOTH | CLI_FLEX },
		/* "" typed in, "freebusy:<address>" from their calendar. */
		{ "source", N_("SOURCE"), CLI_TEXT, CLI_TABLE | CLI_FLEX },
	};
	static const struct cli_column team_cols[] = {
		{ "id", N_("TEAM"), CLI_INT, CLI_BOTH },
		{ "name", N_("NAME"), CLI_TEXT, CLI_BOTH | CLI_FLEX },
	};
	struct assignment_list list = { 0 };
	struct unavailable_list off = { 0 };
	struct team_list teams = { 0 };
	struct store_range range = { 0 };
	struct cli_record_list lists[3];
	struct cli_table t, at, ot, tt;
	struct volunteer v;
	struct err err;
	char *pos[1], when[128];
	int64_t id;
	size_t i;

	err_clear(&err);
	memset(lists, 0, sizeof lists);
	if (cli_args_parse(ctx, argc, argv, NULL, 0, pos, 1, 1) < 0 ||
	    cli_args_volunteer(ctx, pos[0], &id) < 0)
		return CLI_USAGE;
	range.from = rtime_day_add(ctx->now, 0);
	if (store_volunteer_get(ctx->st, id, &v, &err) < 0 ||
	    store_assignment_list_volunteer(ctx->st, id, &range, &list,
	    &err) < 0 || store_unavailable_list(ctx->st, id, &off, &err) < 0 ||
	    store_team_list_volunteer(ctx->st, id, &teams, &err) < 0) {
		volunteer_fini(&v);
		assignment_list_free(&list);
		unavailable_list_free(&off);
		team_list_free(&teams);
		return cli_fail(&err);
	}
	cli_table_init(&t, cols, sizeof cols / sizeof cols[0]);
	cli_table_row(&t);
	cli_table_int(&t, v.id);
	cli_table_text(&t, v.name);
	cli_table_text(&t, v.email);
	cli_table_text(&t, v.phone);
	cli_table_text(&t, v.skills);
	cli_table_text(&t, v.languages);
	cli_table_int(&t, v.max_per_month);
	cli_table_text(&t, v.notes);
	cli_table_word(&t, v.active ? "yes" : "no");
	cli_table_init(&at, cli_assignment_columns, cli_assignment_ncolumns);
	for (i = 0; i < list.len; i++)
		cli_assignment_row(&at, &list.items[i]);
	cli_table_init(&ot, off_cols, sizeof off_cols / sizeof off_cols[0]);
	for (i = 0; i < off.len; i++) {
		cli_table_row(&ot);
		cli_table_int(&ot, off.items[i].id);
		cli_volunteer_period(&off.items[i], when, sizeof when);
		cli_table_text(&ot, when);
		cli_table_time(&ot, off.items[i].start);
		cli_table_time(&ot, off.items[i].end);
		cli_table_text(&ot, off.items[i].reason);
		cli_table_text(&ot, off.items[i].source);
	}
	cli_table_init(&tt, team_cols, sizeof team_cols / sizeof team_cols[0]);
	for (i = 0; i < teams.len; i++) {
		cli_table_row(&tt);
		cli_table_int(&tt, teams.items[i].id);
		cli_table_text(&tt, teams.items[i].name);
	}
	lists[0].key = "upcoming";
	lists[0].list = &at;
	lists[1].key = "unavailable";
	lists[1].title = N_("Unavailable:");
	lists[1].list = &ot;
	lists[2].key = "teams";
	lists[2].title = N_("Teams:");
	lists[2].list = &tt;
	cli_table_print_record_lists(ctx, &t, lists, 3);
	cli_table_fini(&t);
	cli_table_fini(&at);
	cli_table_fini(&ot);
	cli_table_fini(&tt);
	assignment_list_free(&list);
	unavailable_list_free(&off);
	team_list_free(&teams);
	volunteer_fini(&v);
	return CLI_OK;
}

int
cli_volunteer_edit(struct cli_ctx *ctx, int argc, char **argv)
{
	struct cli_opt opts[VOL_NOPTS] = CLI_VOLUNTEER_OPTS;
	struct volunteer v;
	struct err err;
	char *pos[1];
	int64_t id;
	int rc;

	err_clear(&err);
	if (cli_args_parse(ctx, argc, argv, opts, VOL_NOPTS, pos, 1, 1) < 0 ||
	    cli_args_volunteer(ctx, pos[0], &id) < 0)
		return CLI_USAGE;
	if (store_volunteer_get(ctx->st, id, &v, &err) < 0)
		return cli_fail(&err);
	if ((rc = cli_volunteer_apply(ctx, opts, &v)) == 0 &&
	    ops_volunteer_edit(ctx->st, &v, &err) < 0)
		rc = cli_fail(&err);
	volunteer_fini(&v);
	return rc;
}

int
cli_volunteer_delete(struct cli_ctx *ctx, int argc, char **argv)
{
	struct err err;
	char *pos[1];
	int64_t id;

	err_clear(&err);
	if (cli_args_parse(ctx, argc, argv, NULL, 0, pos, 1, 1) < 0 ||
	    cli_args_volunteer(ctx, pos[0], &id) < 0)
		return CLI_USAGE;
	if (ops_volunteer_delete(ctx->st, id, &err) < 0)
		return cli_fail(&err);
	return CLI_OK;
}

/*
 * One end of an unavailable period: WHEN as it is, or a whole DAY (the
 * local midnight that starts it, or for the end the one that ends it).
 */
static int
cli_volunteer_bound(const struct cli_ctx *ctx, const char *s, bool end,
    int64_t *out, struct err *err)
{
	if (strchr(s, ':') != NULL)
		return rtime_parse_when(s, out, err);
	if (rtime_parse_day(s, ctx->now, out, err) < 0)
		return -1;
	if (end)
		*out = rtime_day_next(*out);
	return 0;
}

int
cli_volunteer_unavailable(struct cli_ctx *ctx, int argc, char **argv)
{
	struct cli_opt opts[] = { { "from", true, NULL, false },
	    { "to", true, NULL, false }, { "reason", true, NULL, false },
	    { "remove", true, NULL, false } };
	struct unavailable u;
	struct err err;
	char *pos[1];
	int64_t period;

	err_clear(&err);
	memset(&u, 0, sizeof u);
	if (cli_args_parse(ctx, argc, argv, opts, 4, pos, 1, 1) < 0 ||
	    cli_args_volunteer(ctx, pos[0], &u.volunteer_id) < 0)
		return CLI_USAGE;
	if (opts[3].seen) {
		if (opts[0].seen || opts[1].seen || opts[2].seen)
			return cli_usage_error(ctx, _("--remove takes no "
			    "--from, --to or --reason"));
		if (cli_args_id(ctx, opts[3].value, _("period"), &period) < 0)
			return CLI_USAGE;
		if (ops_volunteer_available(ctx->st, u.volunteer_id, period,
		    &err) < 0)
			return cli_fail(&err);
		return CLI_OK;
	}
	if (!opts[0].seen || !opts[1].seen)
		return cli_usage_error(ctx,
		    _("give the period with --from DAY|WHEN "
		    "--to DAY|WHEN"));
	if (cli_volunteer_bound(ctx, opts[0].value, false, &u.start,
	    &err) < 0 || cli_volunteer_bound(ctx, opts[1].value, true, &u.end,
	    &err) < 0)
		return cli_fail(&err);
	u.reason = (char *)opts[2].value;
	if (ops_volunteer_unavailable(ctx->st, &u, &err) < 0)
		return cli_fail(&err);
	cli_out_id(ctx, u.id);
	return CLI_OK;
}

int
cli_team_add(struct cli_ctx *ctx, int argc, char **argv)
{
	struct team t;
	struct err err;
	char *pos[1];
	int rc = CLI_OK;

	err_clear(&err);
	if (cli_args_parse(ctx, argc, argv, NULL, 0, pos, 1, 1) < 0)
		return CLI_USAGE;
	team_init(&t);
	t.name = xstrdup(pos[0]);
	if (ops_team_add(ctx->st, &t, &err) < 0)
		rc = cli_fail(&err);
	else
		cli_out_id(ctx, t.id);
	team_fini(&t);
	return rc;
}

static int cli_team_arg(const struct cli_ctx *ctx, const char *s,
    int64_t *out);

int
cli_team_join(struct cli_ctx *ctx, int argc, char **argv)
{
	struct err err;
	char *pos[2];
	int64_t team, vol;

	err_clear(&err);
	if (cli_args_parse(ctx, argc, argv, NULL, 0, pos, 2, 2) < 0 ||
	    cli_team_arg(ctx, pos[0], &team) < 0 ||
	    cli_args_volunteer(ctx, pos[1], &vol) < 0)
		return CLI_USAGE;
	if (ops_team_join(ctx->st, team, vol, &err) < 0)
		return cli_fail(&err);
	return CLI_OK;
}

/* A TEAM argument: its id, or its name in any case. */
static int
cli_team_arg(const struct cli_ctx *ctx, const char *s, int64_t *out)
{
	struct team_list list = { 0 };
	struct err err;
	const char *p;
	size_t i;

	for (p = s; *p >= '0' && *p <= '9'; p++)
		;
	if (*s != '\0' && *p == '\0')
		return cli_args_id(ctx, s, _("team"), out);
	err_clear(&err);
	if (store_team_list(ctx->st, &list, &err) < 0) {
		team_list_free(&list);
		return cli_fail(&err), -1;
	}
	*out = 0;
	for (i = 0; i < list.len && *out == 0; i++) {
		char *a = text_fold(list.items[i].name), *b = text_fold(s);

		if (strcmp(a, b) == 0)
			*out = list.items[i].id;
		free(a);
		free(b);
	}
	team_list_free(&list);
	if (*out != 0)
		return 0;
	cli_usage_error(ctx, _("no team is named '%s' (see 'rooster team "
	    "list')"), s);
	return -1;
}

int
cli_team_leave(struct cli_ctx *ctx, int argc, char **argv)
{
	struct err err;
	char *pos[2];
	int64_t team, vol;

	err_clear(&err);
	if (cli_args_parse(ctx, argc, argv, NULL, 0, pos, 2, 2) < 0 ||
	    cli_team_arg(ctx, pos[0], &team) < 0 ||
	    cli_args_volunteer(ctx, pos[1], &vol) < 0)
		return CLI_USAGE;
	if (ops_team_leave(ctx->st, team, vol, &err) < 0)
		return cli_fail(&err);
	return CLI_OK;
}

int
cli_team_delete(struct cli_ctx *ctx, int argc, char **argv)
{
	struct err err;
	char *pos[1];
	int64_t team;

	err_clear(&err);
	if (cli_args_parse(ctx, argc, argv, NULL, 0, pos, 1, 1) < 0 ||
	    cli_team_arg(ctx, pos[0], &team) < 0)
		return CLI_USAGE;
	if (ops_team_delete(ctx->st, team, &err) < 0)
		return cli_fail(&err);
	return CLI_OK;
}

int
cli_team_rename(struct cli_ctx *ctx, int argc, char **argv)
{
	struct err err;
	char *pos[2];
	int64_t team;

	err_clear(&err);
	if (cli_args_parse(ctx, argc, argv, NULL, 0, pos, 2, 2) < 0 ||
	    cli_team_arg(ctx, pos[0], &team) < 0)
		return CLI_USAGE;
	if (ops_team_rename(ctx->st, team, pos[1], &err) < 0)
		return cli_fail(&err);
	return CLI_OK;
}

int
cli_team_list(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct cli_column cols[] = {
		{ "id", N_("ID"), CLI_INT, CLI_BOTH },
		{ "name", N_("NAME"), CLI_TEXT, CLI_BOTH | CLI_FLEX },
		{ "members", N_("MEMBERS"), CLI_INT, CLI_BOTH },
		{ "member_names", N_("WHO"), CLI_TEXT, CLI_BOTH | CLI_FLEX },
	};
	struct team_list list = { 0 };
	struct cli_table t;
	struct err err;
	size_t i;

	err_clear(&err);
	if (cli_args_parse(ctx, argc, argv, NULL, 0, NULL, 0, 0) < 0)
		return CLI_USAGE;
	if (store_team_list(ctx->st, &list, &err) < 0)
		return cli_fail(&err);
	cli_table_init(&t, cols, sizeof cols / sizeof cols[0]);
	for (i = 0; i < list.len; i++) {
		cli_table_row(&t);
		cli_table_int(&t, list.items[i].id);
		cli_table_text(&t, list.items[i].name);
		cli_table_int(&t, list.items[i].members);
		cli_table_text(&t, list.items[i].member_names);
	}
	cli_table_print(ctx, &t);
	cli_table_fini(&t);
	team_list_free(&list);
	return CLI_OK;
}

/* The feed token: its file is <token>.ics in `export feeds` DIR. */
int
cli_volunteer_token(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct cli_column cols[] = {
		{ "volunteer_id", N_("VOL"), CLI_INT, CLI_BOTH },
		{ "token", N_("TOKEN"), CLI_TEXT, CLI_BOTH },
		{ "file", N_("FEED FILE"), CLI_TEXT, CLI_BOTH },
	};
	struct cli_opt opts[] = { { "rotate", false, NULL, false } };
	struct cli_table t;
	struct err err;
	char *pos[1], *token, *file;
	int64_t id;

	err_clear(&err);
	if (cli_args_parse(ctx, argc, argv, opts, 1, pos, 1, 1) < 0 ||
	    cli_args_volunteer(ctx, pos[0], &id) < 0)
		return CLI_USAGE;
	if (ops_export_token(ctx->st, id, opts[0].seen, &token, &err) < 0)
		return cli_fail(&err);
	file = xasprintf("%s.ics", token);
	if (ctx->format == CLI_FORMAT_TABLE)
		printf("%s\n", token);
	else {
		cli_table_init(&t, cols, sizeof cols / sizeof cols[0]);
		cli_table_row(&t);
		cli_table_int(&t, id);
		cli_table_text(&t, token);
		cli_table_text(&t, file);
		cli_table_print_record(ctx, &t, NULL);
		cli_table_fini(&t);
	}
	if (opts[0].seen && ctx->format == CLI_FORMAT_TABLE)
		fprintf(stderr, _("rooster: run 'rooster export feeds DIR' to "
		    "remove the old feed and write %s\n"), file);
	free(file);
	free(token);
	return CLI_OK;
}
