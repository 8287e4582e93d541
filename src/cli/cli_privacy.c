/* SPDX-License-Identifier: ISC */
/*
 * Personal data on request: everything stored about one volunteer as
 * json (an access request), and forgetting them (an erasure request),
 * which asks first on a terminal and wants --yes from a script.
 */
#include "cli_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rooster/ops.h"

/* The change-log lines about volunteer id, as a json array. */
static json_t *
cli_privacy_log(struct cli_ctx *ctx, int64_t id, struct err *err)
{
	struct store_log_filter f = { 0 };
	struct store_log_list list = { 0 };
	json_t *arr, *obj, *rows;
	char buf[64];
	size_t i;

	f.volunteer_id = id;
	f.limit = INT64_MAX;
	if (store_log_find(ctx->st, &f, &list, err) < 0)
		return NULL;
	arr = json_array();
	for (i = 0; i < list.len; i++) {
		rtime_format_iso(list.items[i].at, buf, sizeof buf);
		rows = json_loads(list.items[i].rows, 0, NULL);
		obj = json_pack("{s:I, s:s, s:s?, s:s?, s:s?, s:o}",
		    "id", (json_int_t)list.items[i].id, "at", buf,
		    "user", list.items[i].user,
		    "action", list.items[i].action,
		    "summary", list.items[i].summary,
		    "rows", rows != NULL ? rows : json_array());
		if (obj != NULL)
			json_array_append_new(arr, obj);
	}
	store_log_list_free(&list);
	return arr;
}

int
cli_privacy_export(struct cli_ctx *ctx)
{
	struct cli_file f;
	json_t *doc, *log;
	struct err err;
	char *text;
	int64_t id;

	err_clear(&err);
	id = cli_arg_id(ctx, "id");
	if (store_privacy_export(ctx->st, id, &text, &err) < 0)
		return cli_fail(&err);
	doc = json_loads(text, 0, NULL);
	free(text);
	if (doc == NULL || json_is_null(json_object_get(doc, "volunteer"))) {
		json_decref(doc);
		err_set(&err, ERR_NOT_FOUND, _("no volunteer %lld"),
		    (long long)id);
		return cli_fail(&err);
	}
	if ((log = cli_privacy_log(ctx, id, &err)) == NULL) {
		json_decref(doc);
		return cli_fail(&err);
	}
	json_object_set_new(doc, "change_log", log);
	if (cli_file_open(&f, cli_arg(ctx, "--output"), &err) < 0) {
		json_decref(doc);
		return cli_fail(&err);
	}
	cli_out_json(doc, f.fp);
	if (cli_file_close(&f, true, &err) < 0)
		return cli_fail(&err);
	return CLI_OK;
}

/* Ask on the terminal; true for y or yes (j or ja in Dutch). */
static bool
cli_privacy_confirm(const struct volunteer *v)
{
	char line[16], *name = text_sanitize(v->name);
	size_t n;

	fprintf(stderr, _("Forget volunteer %lld (%s)? This erases their "
	    "name, contact details, periods, teams, future shifts and their "
	    "history for good. [y/N] "), (long long)v->id, name);
	free(name);
	fflush(stderr);
	if (fgets(line, sizeof line, stdin) == NULL)
		return false;
	n = strcspn(line, "\n");
	line[n] = '\0';
	return (n == 1 && text_is_yes((unsigned char)line[0])) ||
	    strcmp(line, "yes") == 0 || strcmp(line, _("yes")) == 0;
}

int
cli_privacy_forget(struct cli_ctx *ctx)
{
	struct volunteer v;
	struct err err;
	int64_t id;
	bool ok;

	err_clear(&err);
	id = cli_arg_id(ctx, "id");
	if (!cli_arg_seen(ctx, "--yes")) {
		if (!isatty(STDIN_FILENO))
			return cli_usage_error(ctx,
			    _("forgetting volunteer %lld "
			    "cannot be undone: add --yes to confirm"),
			    (long long)id);
		if (store_volunteer_get(ctx->st, id, &v, &err) < 0)
			return cli_fail(&err);
		ok = cli_privacy_confirm(&v);
		volunteer_fini(&v);
		if (!ok) {
			fputs(_("rooster: nothing was changed\n"), stderr);
			return CLI_FAILED;
		}
	}
	if (ops_privacy_forget(ctx->st, id, &err) < 0)
		return cli_fail(&err);
	cli_out_note(ctx, _("volunteer %lld forgotten"), (long long)id);
	return CLI_OK;
}
