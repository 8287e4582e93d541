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
	struct assignment_list list = { 0 };
	struct store_range range = { 0 };
	struct cli_table t, at;
	struct volunteer v;
	struct err err;
	char *pos[1];
	int64_t id;
	size_t i;

	err_clear(&err);
	if (cli_args_parse(ctx, argc, argv, NULL, 0, pos, 1, 1) < 0 ||
	    cli_args_id(ctx, pos[0], _("volunteer"), &id) < 0)
		return CLI_USAGE;
	range.from = rtime_day_add(ctx->now, 0);
	if (store_volunteer_get(ctx->st, id, &v, &err) < 0 ||
	    store_assignment_list_volunteer(ctx->st, id, &range, &list,
	    &err) < 0) {
		volunteer_fini(&v);
		assignment_list_free(&list);
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
	cli_table_print_record_list(ctx, &t, "upcoming", &at);
	cli_table_fini(&t);
	cli_table_fini(&at);
	assignment_list_free(&list);
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
	    cli_args_id(ctx, pos[0], _("volunteer"), &id) < 0)
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
	    cli_args_id(ctx, pos[0], _("volunteer"), &id) < 0)
		return CLI_USAGE;
	if (ops_volunteer_delete(ctx->st, id, &err) < 0)
		return cli_fail(&err);
	return CLI_OK;
}

int
cli_volunteer_unavailable(struct cli_ctx *ctx, int argc, char **argv)
{
	struct cli_opt opts[] = { { "from", true, NULL, false },
	    { "to", true, NULL, false }, { "reason", true, NULL, false } };
	struct unavailable u;
	struct err err;
	char *pos[1];

	err_clear(&err);
	memset(&u, 0, sizeof u);
	if (cli_args_parse(ctx, argc, argv, opts, 3, pos, 1, 1) < 0 ||
	    cli_args_id(ctx, pos[0], _("volunteer"), &u.volunteer_id) < 0)
		return CLI_USAGE;
	if (!opts[0].seen || !opts[1].seen)
		return cli_usage_error(ctx,
		    _("give the period with --from WHEN "
		    "--to WHEN"));
	if (rtime_parse_when(opts[0].value, &u.start, &err) < 0 ||
	    rtime_parse_when(opts[1].value, &u.end, &err) < 0)
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

int
cli_team_join(struct cli_ctx *ctx, int argc, char **argv)
{
	struct err err;
	char *pos[2];
	int64_t team, vol;

	err_clear(&err);
	if (cli_args_parse(ctx, argc, argv, NULL, 0, pos, 2, 2) < 0 ||
	    cli_args_id(ctx, pos[0], _("team"), &team) < 0 ||
	    cli_args_id(ctx, pos[1], _("volunteer"), &vol) < 0)
		return CLI_USAGE;
	if (ops_team_join(ctx->st, team, vol, &err) < 0)
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
	    cli_args_id(ctx, pos[0], _("volunteer"), &id) < 0)
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
