/* SPDX-License-Identifier: ISC */
/* `rooster volunteer ...` and `rooster team ...`. */
#include "cli_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rooster/ops.h"

/*
 * Keyed as volunteer_fields, whose rows fill the cells (month aside);
 * the fields not named here follow in csv and json (cli_list_columns()).
 */
static const struct cli_column cli_volunteer_columns[] = {
	{ "id", N_("ID"), CLI_INT, CLI_BOTH },
	{ "name", N_("NAME"), CLI_TEXT, CLI_BOTH | CLI_FLEX | CLI_KEEP },
	{ "email", N_("E-MAIL"), CLI_TEXT, CLI_BOTH | CLI_FLEX },
	{ "phone", N_("PHONE"), CLI_TEXT, CLI_BOTH },
	{ "skills", N_("SKILLS"), CLI_TEXT, CLI_BOTH | CLI_FLEX },
	{ "languages", N_("LANGUAGES"), CLI_TEXT, CLI_BOTH },
	{ "month", N_("MONTH"), CLI_INT, CLI_TABLE },
	{ "max_per_month", N_("MAX/MONTH"), CLI_INT, CLI_DATA },
	{ "active", N_("ACTIVE"), CLI_WORD, CLI_DATA },
	{ "notes", N_("NOTES"), CLI_TEXT, CLI_DATA },
};

static void
cli_volunteer_row(struct cli_table *t, const struct volunteer *v)
{
	cli_table_row(t);
	cli_table_int(t, v->id);
	cli_table_fields(t, v, volunteer_fields);
	cli_table_int(t, v->shifts_this_month);
	cli_table_fields(t, v, volunteer_fields);
}

int
cli_volunteer_add(struct cli_ctx *ctx)
{
	struct volunteer v;
	struct err err;
	int rc;

	err_clear(&err);
	volunteer_init(&v);
	v.name = xstrdup(cli_arg(ctx, "name"));
	if ((rc = cli_args_apply(ctx, &v, volunteer_fields)) == 0)
		rc = cli_out_added(ctx, ops_volunteer_add(ctx->st, &v, &err),
		    &v.id, &err);
	volunteer_fini(&v);
	return rc;
}

int
cli_volunteer_list(struct cli_ctx *ctx)
{
	struct cli_column cols[CLI_RECORD_MAX];
	struct volunteer_list list = { 0 };
	struct cli_table t;
	struct err err;
	size_t i;

	err_clear(&err);
	/* By name folded, the search without regard to case and accents. */
	if (store_volunteer_list(ctx->st, cli_arg(ctx, "--search"),
	    cli_arg(ctx, "--skill"), &list, &err) < 0)
		return cli_fail(&err);
	cli_table_init(&t, cols, cli_list_columns(cols, CLI_RECORD_MAX,
	    cli_volunteer_columns, sizeof cli_volunteer_columns /
	    sizeof cli_volunteer_columns[0], volunteer_fields));
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
cli_volunteer_show(struct cli_ctx *ctx)
{
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
	struct cli_column cols[CLI_RECORD_MAX];
	struct cli_table t, at, ot, tt;
	struct cli_column acols[CLI_RECORD_MAX];
	struct volunteer v;
	struct err err;
	char when[128];
	int64_t id = cli_arg_id(ctx, "id");
	size_t i, n;

	err_clear(&err);
	memset(lists, 0, sizeof lists);
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
	cli_record_init(&t, cols, v.id, &v, volunteer_fields, NULL);
	/*
	 * Their own shifts: in a table the name would only repeat the one
	 * above on every row (and crowd out the event); json and csv keep
	 * it.
	 */
	n = cli_assignment_list_columns(acols);
	for (i = 0; i < n; i++)
		if (strcmp(acols[i].key, "volunteer") == 0 ||
		    strcmp(acols[i].key, "volunteer_id") == 0)
			acols[i].flags &= ~CLI_TABLE;
		/* Whether they accepted says more than a title's end,
		 * and that more than the year of an upcoming shift. */
		else if (strcmp(acols[i].key, "event") == 0)
			acols[i].flags &= ~CLI_KEEP;
		else if (strcmp(acols[i].key, "when") == 0)
			acols[i].flags |= CLI_DROP;
	cli_table_init(&at, acols, n);
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
cli_volunteer_edit(struct cli_ctx *ctx)
{
	struct volunteer v;
	struct err err;
	int rc;

	err_clear(&err);
	if (store_volunteer_get(ctx->st, cli_arg_id(ctx, "id"), &v, &err) < 0)
		return cli_fail(&err);
	if ((rc = cli_args_apply(ctx, &v, volunteer_fields)) == 0 &&
	    ops_volunteer_edit(ctx->st, &v, &err) < 0)
		rc = cli_fail(&err);
	volunteer_fini(&v);
	return rc;
}

int
cli_volunteer_delete(struct cli_ctx *ctx)
{
	struct err err;

	err_clear(&err);
	if (ops_volunteer_delete(ctx->st, cli_arg_id(ctx, "id"), &err) < 0)
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

/* The most clashing shifts the warning names; "and N more" for the rest. */
#define CLI_VOLUNTEER_CLASH_NAMED	3

/*
 * u was recorded over shifts its volunteer already works (not declined,
 * not only offered): say which, in one line on stderr. The period stays;
 * `conflicts` lists the clash from now on.
 */
static void
cli_volunteer_clashes(const struct cli_ctx *ctx, const struct unavailable *u)
{
	struct assignment_list list = { 0 };
	struct store_range range = { 0 };
	const struct assignment *a, *first = NULL;
	struct strbuf sb;
	struct err err;
	char when[64], role[160];
	size_t i, n = 0;

	err_clear(&err);
	/* Every shift starting before the period ends: one that started
	 * before it may still run into it. */
	range.to = u->end;
	if (store_assignment_list_volunteer(ctx->st, u->volunteer_id, &range,
	    &list, &err) < 0) {
		assignment_list_free(&list);
		return;
	}
	strbuf_init(&sb);
	for (i = 0; i < list.len; i++) {
		a = &list.items[i];
		if (!assignment_counts(a) || a->end <= u->start)
			continue;
		if (first == NULL)
			first = a;
		if (n++ >= CLI_VOLUNTEER_CLASH_NAMED)
			continue;
		cli_when(a->start, a->end, when, sizeof when);
		shift_role_text(a->role, a->language, role, sizeof role);
		if (n > 1)
			strbuf_adds(&sb, ", ");
		/* TRANSLATORS: one shift in the warning of `volunteer
		 * unavailable`: its id, role, event and time. */
		strbuf_addf(&sb, _("shift %lld (%s – %s %s)"),
		    (long long)a->shift_id, role, a->event_title, when);
	}
	if (n > CLI_VOLUNTEER_CLASH_NAMED)
		strbuf_addf(&sb, _(" and %zu more"),
		    n - CLI_VOLUNTEER_CLASH_NAMED);
	if (first != NULL)
		fprintf(stderr, _("rooster: warning: %s already works then: "
		    "%s; recorded anyway (see 'rooster conflicts')\n"),
		    first->volunteer, strbuf_str(&sb));
	strbuf_fini(&sb);
	assignment_list_free(&list);
}

int
cli_volunteer_unavailable(struct cli_ctx *ctx)
{
	const char *from = cli_arg(ctx, "--from"), *to = cli_arg(ctx, "--to");
	struct unavailable u;
	struct err err;

	err_clear(&err);
	memset(&u, 0, sizeof u);
	u.volunteer_id = cli_arg_id(ctx, "id");
	u.reason = (char *)cli_arg(ctx, "--reason");
	if (cli_arg_seen(ctx, "--remove")) {
		if (from != NULL || to != NULL || u.reason != NULL)
			return cli_usage_error(ctx, _("--remove takes no "
			    "--from, --to or --reason"));
		if (ops_volunteer_available(ctx->st, u.volunteer_id,
		    cli_arg_id(ctx, "--remove"), &err) < 0)
			return cli_fail(&err);
		return CLI_OK;
	}
	/* A day alone is that whole day; a time alone says nothing of the
	 * end. */
	if (from != NULL && to == NULL && strchr(from, ':') == NULL)
		to = from;
	else if (from != NULL && to == NULL)
		return cli_usage_error(ctx, _("--from %s needs --to (a day "
		    "alone, --from DAY, is that whole day)"), from);
	if (from == NULL || to == NULL)
		return cli_usage_error(ctx,
		    _("give the period with --from DAY|WHEN "
		    "--to DAY|WHEN"));
	if (cli_volunteer_bound(ctx, from, false, &u.start, &err) < 0 ||
	    cli_volunteer_bound(ctx, to, true, &u.end, &err) < 0)
		return cli_fail(&err);
	if (ops_volunteer_unavailable(ctx->st, &u, &err) < 0)
		return cli_fail(&err);
	cli_out_id(ctx, u.id);
	cli_volunteer_clashes(ctx, &u);
	return CLI_OK;
}

int
cli_team_add(struct cli_ctx *ctx)
{
	struct team t;
	struct err err;
	int rc = CLI_OK;

	err_clear(&err);
	team_init(&t);
	t.name = xstrdup(cli_arg(ctx, "name"));
	rc = cli_out_added(ctx, ops_team_add(ctx->st, &t, &err), &t.id, &err);
	team_fini(&t);
	return rc;
}

/* team join and team leave: the volunteer into or out of the team. */
static int
cli_team_member(struct cli_ctx *ctx, bool join)
{
	int64_t team = cli_arg_id(ctx, "team");
	int64_t volunteer = cli_arg_id(ctx, "volunteer");
	struct err err;
	int rc;

	err_clear(&err);
	rc = join ? ops_team_join(ctx->st, team, volunteer, &err) :
	    ops_team_leave(ctx->st, team, volunteer, &err);
	return rc < 0 ? cli_fail(&err) : CLI_OK;
}

int
cli_team_join(struct cli_ctx *ctx)
{
	return cli_team_member(ctx, true);
}

int
cli_team_leave(struct cli_ctx *ctx)
{
	return cli_team_member(ctx, false);
}

int
cli_team_delete(struct cli_ctx *ctx)
{
	struct err err;

	err_clear(&err);
	if (ops_team_delete(ctx->st, cli_arg_id(ctx, "team"), &err) < 0)
		return cli_fail(&err);
	return CLI_OK;
}

int
cli_team_rename(struct cli_ctx *ctx)
{
	struct err err;

	err_clear(&err);
	if (ops_team_rename(ctx->st, cli_arg_id(ctx, "team"), cli_arg(ctx,
	    "name"), &err) < 0)
		return cli_fail(&err);
	return CLI_OK;
}

int
cli_team_list(struct cli_ctx *ctx)
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
cli_volunteer_token(struct cli_ctx *ctx)
{
	static const struct cli_column cols[] = {
		{ "volunteer_id", N_("VOL"), CLI_INT, CLI_BOTH },
		{ "token", N_("TOKEN"), CLI_TEXT, CLI_BOTH },
		{ "file", N_("FEED FILE"), CLI_TEXT, CLI_BOTH },
	};
	bool rotate = cli_arg_seen(ctx, "--rotate");
	struct cli_table t;
	struct err err;
	char *token, *file;
	int64_t id = cli_arg_id(ctx, "id");

	err_clear(&err);
	if (ops_export_token(ctx->st, id, rotate, &token, &err) < 0)
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
	if (rotate && ctx->format == CLI_FORMAT_TABLE)
		fprintf(stderr, _("rooster: run 'rooster export feeds DIR' to "
		    "remove the old feed and write %s\n"), file);
	free(file);
	free(token);
	return CLI_OK;
}
