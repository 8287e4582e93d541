/* SPDX-License-Identifier: ISC */
/* Commands about the plan as a whole: init, demo, backup, log. */
#include "cli_int.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rooster/ops.h"

/* "nl" or "en" when the messages' locale is Dutch or English, else NULL. */
static const char *
cli_plan_locale_language(void)
{
	const char *loc = setlocale(LC_MESSAGES, NULL);

	if (loc == NULL)
		return NULL;
	if (strncmp(loc, "nl", 2) == 0)
		return "nl";
	if (strncmp(loc, "en", 2) == 0)
		return "en";
	return NULL;
}

int
cli_plan_init(struct cli_ctx *ctx)
{
	const char *given = cli_arg(ctx, "--language");
	const char *rest_given = cli_arg(ctx, "--rest-minutes");
	const char *zone_given = cli_arg(ctx, "--timezone");
	const char *name_given = cli_arg(ctx, "--name");
	struct err err;
	char *zone, *name, *language, rest[48];
	const char *want;
	long minutes = 0;
	int n;

	err_clear(&err);
	if (given != NULL && strcmp(given, "nl") != 0 &&
	    strcmp(given, "en") != 0)
		return cli_usage_error(ctx, _("unknown language '%s' (nl or "
		    "en)"), given);
	if (rest_given != NULL && cli_args_int(ctx, rest_given,
	    _("rest minutes"), 0, OPS_PLAN_REST_MAX, &minutes) < 0)
		return CLI_USAGE;
	if ((zone_given != NULL || name_given != NULL || rest_given == NULL) &&
	    ops_plan_init(ctx->st, zone_given, name_given, &err) < 0)
		return cli_fail(&err);
	if (rest_given != NULL && ops_plan_rest(ctx->st, (int)minutes,
	    &err) < 0)
		return cli_fail(&err);
	/* The plan's language: as given, else the coordinator's the first
	 * time (a Dutch or English locale; otherwise mails stay bilingual). */
	language = ops_plan_language_get(ctx->st);
	want = given != NULL ? given : language == NULL ?
	    cli_plan_locale_language() : NULL;
	free(language);
	if (want != NULL && ops_plan_language(ctx->st, want, &err) < 0)
		return cli_fail(&err);
	zone = store_setting_get(ctx->st, "time_zone");
	name = store_setting_get(ctx->st, "name");
	n = ops_plan_rest_minutes(ctx->st);
	if (n > 0)
		snprintf(rest, sizeof rest, _("at least %d min rest"), n);
	else
		snprintf(rest, sizeof rest, _("no rest rule"));
	language = ops_plan_language_get(ctx->st);
	cli_out_note(ctx, _("plan '%s' in %s, %s, mails in %s, at %s"),
	    name ? name : "", zone ? zone : "", rest, language == NULL ?
	    _("Dutch and English") : strcmp(language, "nl") == 0 ? _("Dutch") :
	    _("English"), ctx->db_path);
	free(language);
	free(zone);
	free(name);
	return CLI_OK;
}

int
cli_plan_demo(struct cli_ctx *ctx)
{
	struct err err;
	char *zone;

	err_clear(&err);
	/* The demo is a Dutch chapter's plan: on a plan without a zone
	 * yet it brings its own. */
	zone = store_setting_get(ctx->st, "time_zone");
	if (zone == NULL && ops_plan_init(ctx->st, RTIME_ZONE_DEFAULT, NULL,
	    &err) < 0)
		return cli_fail(&err);
	free(zone);
	if (ops_plan_demo(ctx->st, ctx->now, &err) < 0)
		return cli_fail(&err);
	cli_out_note(ctx, _("demo plan written to %s"), ctx->db_path);
	return CLI_OK;
}

int
cli_plan_backup(struct cli_ctx *ctx)
{
	struct err err;

	err_clear(&err);
	if (store_backup(ctx->st, cli_arg(ctx, "file"), &err) < 0)
		return cli_fail(&err);
	cli_out_note(ctx, _("backup written to %s"), cli_arg(ctx, "file"));
	return CLI_OK;
}

/* One json value as short text for people. */
static void
cli_plan_value(struct strbuf *sb, const char *key, json_t *v)
{
	char buf[64];
	size_t n;

	if (json_is_string(v)) {
		strbuf_addc(sb, '\'');
		n = strlen(json_string_value(v));
		if (n > 40)
			strbuf_addf(sb, "%.37s...", json_string_value(v));
		else
			strbuf_adds(sb, json_string_value(v));
		strbuf_addc(sb, '\'');
	} else if (json_is_integer(v) && strlen(key) > 3 &&
	    strcmp(key + strlen(key) - 3, "_at") == 0) {
		rtime_format_when(json_integer_value(v), buf, sizeof buf);
		strbuf_adds(sb, buf);
	} else if (json_is_integer(v))
		strbuf_addf(sb, "%lld", (long long)json_integer_value(v));
	else if (json_is_real(v))
		strbuf_addf(sb, "%g", json_real_value(v));
	else
		strbuf_adds(sb, "null");
}

/* Bookkeeping fields that change with every edit: not news to people. */
static bool
cli_plan_is_bookkeeping(const char *key)
{
	return strcmp(key, "version") == 0 || strcmp(key, "sequence") == 0 ||
	    strcmp(key, "updated_at") == 0;
}

char *
cli_plan_changes(const char *rows)
{
	json_t *arr = json_loads(rows != NULL ? rows : "[]", 0, NULL);
	json_t *row, *before, *after, *v;
	const char *key;
	struct strbuf sb;
	size_t i, n;

	strbuf_init(&sb);
	json_array_foreach(arr, i, row) {
		before = json_object_get(row, "before");
		after = json_object_get(row, "after");
		if (sb.len > 0)
			strbuf_adds(&sb, "; ");
		strbuf_addf(&sb, "%s%s", json_is_null(before) ? "+" :
		    json_is_null(after) ? "-" : "",
		    json_string_value(json_object_get(row, "table")));
		if (json_is_integer(json_object_get(row, "id")))
			strbuf_addf(&sb, " %lld", (long long)json_integer_value(
			    json_object_get(row, "id")));
		if (json_is_null(before) || json_is_null(after))
			continue;
		n = 0;
		json_object_foreach(after, key, v) {
			if (cli_plan_is_bookkeeping(key))
				continue;
			strbuf_addf(&sb, "%s %s: ", n++ ? "," : "", key);
			cli_plan_value(&sb, key, json_object_get(before, key));
			strbuf_adds(&sb, " -> ");
			cli_plan_value(&sb, key, v);
		}
	}
	json_decref(arr);
	return strbuf_detach(&sb);
}

int
cli_plan_log(struct cli_ctx *ctx)
{
	static const struct cli_column cols[] = {
		/* At 80 columns the sentence keeps its words: the action
		 * (the sentence says it) goes first, then it wraps, then
		 * the id goes too. */
		{ "id", N_("ID"), CLI_INT, CLI_BOTH | CLI_DROP_LATE },
		{ "at", N_("AT"), CLI_TIME, CLI_BOTH },
		{ "user", N_("WHO"), CLI_TEXT, CLI_BOTH },
		{ "action", N_("ACTION"), CLI_TEXT, CLI_BOTH | CLI_DROP },
		{ "entity", N_("ENTITY"), CLI_TEXT, CLI_DATA },
		{ "entity_id", N_("ENTITY_ID"), CLI_INT, CLI_DATA },
		/* The table says it in the reader's words; data keeps the
		 * summary as it was written. */
		{ "what", N_("WHAT"), CLI_TEXT, CLI_TABLE | CLI_WRAP },
		{ "summary", N_("SUMMARY"), CLI_TEXT, CLI_DATA },
		{ "undone_by", N_("UNDONE"), CLI_INT, CLI_DATA },
		{ "changes", N_("CHANGED"), CLI_TEXT, CLI_BOTH | CLI_FLEX },
		{ "rows", N_("ROWS"), CLI_JSON, CLI_DATA },
	};
	struct store_log_filter f = { 0 };
	struct store_log_list list = { 0 };
	struct store_log_entry *e;
	struct cli_table t;
	struct err err;
	long limit = 20;
	char *changes, *what;
	size_t i;

	err_clear(&err);
	if (cli_arg_seen(ctx, "--limit") && cli_args_int(ctx, cli_arg(ctx,
	    "--limit"), _("limit"), 1, 1000000, &limit) < 0)
		return CLI_USAGE;
	f.volunteer_id = cli_arg_id(ctx, "--volunteer");
	f.event_id = cli_arg_id(ctx, "--event");
	f.limit = limit;
	if (store_log_find(ctx->st, &f, &list, &err) < 0)
		return cli_fail(&err);
	cli_table_init(&t, cols, sizeof cols / sizeof cols[0]);
	for (i = 0; i < list.len; i++) {
		e = &list.items[i];
		cli_table_row(&t);
		cli_table_int(&t, e->id);
		cli_table_time(&t, e->at);
		cli_table_text(&t, e->user);
		cli_table_text(&t, e->action);
		cli_table_text(&t, e->entity);
		cli_table_int(&t, e->entity_id);
		what = store_log_describe(ctx->st, e);
		cli_table_text(&t, what);
		free(what);
		cli_table_text(&t, e->summary);
		cli_table_int(&t, e->undone_by);
		changes = cli_plan_changes(e->rows);
		cli_table_text(&t, changes);
		free(changes);
		cli_table_json(&t, e->rows);
	}
	cli_table_print(ctx, &t);
	cli_table_fini(&t);
	store_log_list_free(&list);
	return CLI_OK;
}

int
cli_plan_undo(struct cli_ctx *ctx)
{
	struct store_log_filter f = { 0 };
	struct store_log_list list = { 0 };
	struct err err;
	int64_t id;
	char *what;

	err_clear(&err);
	if (ops_undo(ctx->st, &id, &err) < 0)
		return cli_fail(&err);
	f.id = id;
	f.limit = 1;
	if (store_log_find(ctx->st, &f, &list, &err) == 0 && list.len == 1) {
		what = store_log_describe(ctx->st, &list.items[0]);
		cli_out_note(ctx, _("undid change %lld (%s): %s"),
		    (long long)id, list.items[0].action, what);
		free(what);
	} else
		cli_out_note(ctx, _("undid change %lld"), (long long)id);
	if (ctx->format == CLI_FORMAT_JSON)
		cli_out_id(ctx, id);
	store_log_list_free(&list);
	return CLI_OK;
}

int
cli_plan_restore(struct cli_ctx *ctx)
{
	struct err err;
	char line[16], *clean;

	err_clear(&err);
	if (!cli_arg_seen(ctx, "--yes")) {
		if (!isatty(STDIN_FILENO))
			return cli_usage_error(ctx, _("restoring replaces the "
			    "whole plan for everyone: add --yes to confirm"));
		clean = text_sanitize(cli_arg(ctx, "file"));
		fprintf(stderr, _("Replace the whole plan with %s? [y/N] "),
		    clean);
		free(clean);
		fflush(stderr);
		if (fgets(line, sizeof line, stdin) == NULL ||
		    !text_is_yes((unsigned char)line[0])) {
			fputs(_("rooster: nothing was changed\n"), stderr);
			return CLI_FAILED;
		}
	}
	if (ops_restore(ctx->st, cli_arg(ctx, "file"), &err) < 0)
		return cli_fail(&err);
	cli_out_note(ctx, _("plan restored from %s"), cli_arg(ctx, "file"));
	return CLI_OK;
}
