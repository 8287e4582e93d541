/* SPDX-License-Identifier: ISC */
/*
 * Argument parsing for subcommands: long options anywhere among the
 * positionals (as git does), "--" to end them, and strict numbers.
 */
#include "cli_int.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static const char *
cli_args_cmdname(const struct cli_ctx *ctx, char *buf, size_t size)
{
	const struct cli_command *c = ctx->command;

	if (c == NULL)
		snprintf(buf, size, "rooster");
	else if (c->verb != NULL)
		snprintf(buf, size, "%s %s", c->noun, c->verb);
	else
		snprintf(buf, size, "%s", c->noun);
	return buf;
}

/* The unknown option's name as the old parser showed it (63 bytes). */
static const char *
cli_args_clip(const char *name, size_t len)
{
	static char buf[64];

	snprintf(buf, sizeof buf, "%.*s", (int)len, name);
	return buf;
}

const struct model_field *
cli_args_fields(const char *noun)
{
	if (strcmp(noun, "event") == 0)
		return event_fields;
	if (strcmp(noun, "shift") == 0)
		return shift_fields;
	if (strcmp(noun, "volunteer") == 0)
		return volunteer_fields;
	if (strcmp(noun, "assign") == 0)
		return assignment_fields;
	return NULL;
}

/* Word (an option) is one of the space-separated words of list. */
static bool
cli_args_listed(const char *list, const char *word)
{
	size_t n = strlen(word);
	const char *p;

	for (p = list; (p = strstr(p, word)) != NULL; p += n)
		if ((p == list || p[-1] == ' ') &&
		    (p[n] == '\0' || p[n] == ' '))
			return true;
	return false;
}

/* Field f's option is taken by another row of args, or skipped. */
static bool
cli_args_field_named(const struct cli_arg *args, const struct cli_arg *mark,
    const struct model_field *f)
{
	const struct cli_arg *a;

	if (cli_args_listed(mark->name, f->option))
		return true;
	for (a = args; a->name != NULL; a++)
		if (a != mark && a->kind != CLI_ARG_FIELDS &&
		    (strcmp(a->name, f->option) == 0 ||
		    strcmp(a->name, f->key) == 0))
			return true;
	return false;
}

size_t
cli_args_expand(const struct cli_command *c, struct cli_arg *out)
{
	static const struct cli_arg end = CLI_ARGS_END;
	const struct model_field *f;
	const struct cli_arg *a;
	size_t n = 0;

	for (a = c->args; a != NULL && a->name != NULL; a++) {
		if (a->kind != CLI_ARG_FIELDS) {
			if (n >= CLI_ARGS_MAX)
				abort();	/* raise CLI_ARGS_MAX */
			out[n++] = *a;
			continue;
		}
		if ((f = cli_args_fields(c->noun)) == NULL)
			abort();	/* the noun names no entity */
		for (; f->key != NULL; f++) {
			if (f->option == NULL ||
			    cli_args_field_named(c->args, a, f))
				continue;
			if (n >= CLI_ARGS_MAX || f->usage == NULL)
				abort();	/* raise CLI_ARGS_MAX; or
						 * give the field its usage */
			out[n].name = f->option;
			out[n].kind = CLI_ARG_TEXT;
			out[n].flags = 0;
			out[n].usage = f->usage;
			out[n++].what = NULL;
		}
	}
	out[n] = end;
	return n;
}

bool
cli_arg_declared(const struct cli_ctx *ctx, const char *name)
{
	const struct cli_arg *a;

	for (a = ctx->decl; a->name != NULL; a++)
		if (strcmp(a->name, name) == 0)
			return true;
	return false;
}

/* The index of the declared argument name; a handler's typo aborts. */
static size_t
cli_args_index(const struct cli_ctx *ctx, const char *name)
{
	size_t i;

	for (i = 0; ctx->decl[i].name != NULL; i++)
		if (strcmp(ctx->decl[i].name, name) == 0)
			return i;
	abort();	/* a handler asked for what its entry does not declare */
}

const char *
cli_arg(const struct cli_ctx *ctx, const char *name)
{
	return ctx->args.value[cli_args_index(ctx, name)];
}

bool
cli_arg_seen(const struct cli_ctx *ctx, const char *name)
{
	return cli_arg(ctx, name) != NULL;
}

int64_t
cli_arg_id(const struct cli_ctx *ctx, const char *name)
{
	return ctx->args.id[cli_args_index(ctx, name)];
}

const char *
cli_args_usage(const struct cli_command *c)
{
	static char buf[512];
	struct cli_arg args[CLI_ARGS_MAX + 1];
	const struct cli_arg *a;
	size_t len = 0;
	int n;

	if (c->args == NULL)
		return c->usage[0] != '\0' ? _(c->usage) : c->usage;
	cli_args_expand(c, args);
	buf[0] = '\0';
	for (a = args; a->name != NULL; a++) {
		if (a->usage[0] == '\0')
			continue;
		n = snprintf(buf + len, sizeof buf - len, "%s%s",
		    len > 0 ? " " : "", _(a->usage));
		if (n < 0 || (size_t)n >= sizeof buf - len)
			break;
		len += (size_t)n;
	}
	return buf;
}

/* The option named by arg ("--name" or "--name=value"), or -1. */
static int
cli_args_option(const struct cli_arg *args, const char *arg, size_t len)
{
	int i;

	for (i = 0; args[i].name != NULL; i++)
		if (args[i].name[0] == '-' && args[i].kind != CLI_ARG_SHOWN &&
		    strlen(args[i].name) == len &&
		    strncmp(args[i].name, arg, len) == 0)
			return i;
	return -1;
}

/* The index of positional number n (0 first), or -1 if there is none. */
static int
cli_args_positional(const struct cli_arg *args, int n, bool *many)
{
	int i, last = -1;

	*many = false;
	for (i = 0; args[i].name != NULL; i++) {
		if (args[i].name[0] == '-')
			continue;
		last = i;
		if (n-- == 0)
			return i;
	}
	if (last >= 0 && (args[last].flags & CLI_ARG_MANY)) {
		*many = true;
		return last;
	}
	return -1;
}

/* After the scan: the count, every id in order, the required options. */
static int
cli_args_finish(struct cli_ctx *ctx, int npos, const char *cmd)
{
	const struct cli_arg *args = ctx->decl, *a;
	const char *value;
	int i, min = 0;

	for (i = 0; args[i].name != NULL; i++)
		if (args[i].name[0] != '-' &&
		    (args[i].flags & CLI_ARG_REQUIRED))
			min++;
	if (npos < min) {
		cli_usage_error(ctx, _("missing arguments: rooster %s %s"), cmd,
		    cli_args_usage(ctx->command));
		return -1;
	}
	for (i = 0; args[i].name != NULL; i++) {
		value = ctx->args.value[i];
		if (value == NULL)
			continue;
		if ((args[i].kind == CLI_ARG_ID && cli_args_id(ctx, value,
		    _(args[i].what), &ctx->args.id[i]) < 0) ||
		    (args[i].kind == CLI_ARG_VOLUNTEER &&
		    cli_args_volunteer(ctx, value, &ctx->args.id[i]) < 0) ||
		    (args[i].kind == CLI_ARG_TEAM && cli_args_team(ctx, value,
		    &ctx->args.id[i]) < 0))
			return -1;
	}
	for (i = 0; args[i].name != NULL; i++) {
		a = &args[i];
		if (a->name[0] != '-' || !(a->flags & CLI_ARG_REQUIRED) ||
		    ctx->args.value[i] != NULL)
			continue;
		if (ctx->command->missing != NULL)
			cli_usage_error(ctx, "%s", _(ctx->command->missing));
		else
			cli_usage_error(ctx, _("missing option %s: rooster %s "
			    "%s"), a->name, cmd, cli_args_usage(ctx->command));
		return -1;
	}
	return 0;
}

int
cli_args_check(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_arg *args = ctx->decl;
	struct cli_args *out = &ctx->args;
	char cmd[64];
	const char *arg, *eq, *name;
	bool options = true, many;
	int i, j, npos = 0;
	size_t len;

	memset(out, 0, sizeof *out);
	cli_args_expand(ctx->command, ctx->decl);
	cli_args_cmdname(ctx, cmd, sizeof cmd);
	for (i = 0; i < argc; i++) {
		arg = argv[i];
		if (options && strcmp(arg, "--") == 0) {
			options = false;
			continue;
		}
		if (options && strcmp(arg, "-o") == 0 &&
		    cli_args_option(args, "--output", 8) >= 0)
			arg = "--output";
		if (!options || arg[0] != '-' || arg[1] == '\0' ||
		    (arg[1] >= '0' && arg[1] <= '9')) {
			if ((j = cli_args_positional(args, npos, &many)) < 0) {
				cli_usage_error(ctx, _("too many arguments for "
				    "'%s' at '%s' (see 'rooster %s --help')"),
				    cmd, arg, cmd);
				return -1;
			}
			if (many || (args[j].flags & CLI_ARG_MANY)) {
				out->many = xreallocarray(out->many,
				    (size_t)out->nmany + 1, sizeof *out->many);
				out->many[out->nmany++] = argv[i];
			}
			if (out->value[j] == NULL)
				out->value[j] = argv[i];
			npos++;
			continue;
		}
		if (arg[1] != '-') {
			cli_usage_error(ctx, _("unknown option '%s' for '%s' "
			    "(see 'rooster %s --help')"), arg, cmd, cmd);
			return -1;
		}
		eq = strchr(arg + 2, '=');
		len = eq != NULL ? (size_t)(eq - arg) : strlen(arg);
		if ((j = cli_args_option(args, arg, len)) < 0) {
			cli_usage_error(ctx, _("unknown option '--%s' for '%s' "
			    "(see 'rooster %s --help')"), cli_args_clip(arg +
			    2, len - 2), cmd, cmd);
			return -1;
		}
		name = args[j].name + 2;
		if (out->value[j] != NULL) {
			cli_usage_error(ctx, _("option --%s given twice"),
			    name);
			return -1;
		}
		if (args[j].kind == CLI_ARG_FLAG) {
			if (eq != NULL) {
				cli_usage_error(ctx, _("option --%s takes no "
				    "value"), name);
				return -1;
			}
			out->value[j] = "";
			continue;
		}
		if (eq != NULL)
			out->value[j] = eq + 1;
		else if (i + 1 < argc)
			out->value[j] = argv[++i];
		else {
			cli_usage_error(ctx, _("option --%s needs a value "
			    "(see 'rooster %s --help')"), name, cmd);
			return -1;
		}
	}
	return cli_args_finish(ctx, npos, cmd);
}

int
cli_args_int(const struct cli_ctx *ctx, const char *s, const char *what,
    long min, long max, long *out)
{
	char *end;
	long v;

	errno = 0;
	v = s != NULL ? strtol(s, &end, 10) : 0;
	if (s == NULL || *s == '\0' || *end != '\0' || errno != 0 ||
	    v < min || v > max) {
		cli_usage_error(ctx, _("invalid %s '%s' (a whole number from "
		    "%ld to %ld)"), what, s != NULL ? s : "", min, max);
		return -1;
	}
	*out = v;
	return 0;
}

int
cli_args_apply(struct cli_ctx *ctx, void *rec,
    const struct model_field *fields)
{
	const struct model_field *f;
	const char *value;
	struct err err;

	err_clear(&err);
	for (f = fields; f->key != NULL; f++)
		if (f->option != NULL && cli_arg_declared(ctx, f->option) &&
		    (value = cli_arg(ctx, f->option)) != NULL &&
		    model_field_set_value(rec, f, value, &err) < 0)
			return cli_fail(&err);
	return 0;
}

int
cli_args_id(const struct cli_ctx *ctx, const char *s, const char *what,
    int64_t *out)
{
	char *end;
	long long v;

	errno = 0;
	v = s != NULL ? strtoll(s, &end, 10) : 0;
	if (s == NULL || *s == '\0' || *end != '\0' || errno != 0 || v <= 0) {
		cli_usage_error(ctx, _("invalid %s id '%s' (a positive number; "
		    "see 'rooster %s list')"), what, s != NULL ? s : "", what);
		return -1;
	}
	*out = (int64_t)v;
	return 0;
}

int
cli_args_volunteer(const struct cli_ctx *ctx, const char *s, int64_t *out)
{
	struct volunteer_list found = { 0 };
	struct strbuf names;
	struct err err;
	size_t exact, i, n;
	const char *p;
	int64_t id;

	err_clear(&err);
	for (p = s; *p >= '0' && *p <= '9'; p++)
		;
	if (*s != '\0' && *p == '\0')
		return cli_args_id(ctx, s, _("volunteer"), out);
	if (strchr(s, '@') != NULL) {
		if ((id = store_volunteer_find_email(ctx->st, s, &err)) < 0)
			return cli_fail(&err), -1;
		if (id == 0) {
			cli_usage_error(ctx, _("no volunteer has the e-mail "
			    "address %s (see 'rooster volunteer list')"), s);
			return -1;
		}
		*out = id;
		return 0;
	}
	if (store_volunteer_match(ctx->st, s, &found, &exact, &err) < 0) {
		volunteer_list_free(&found);
		return cli_fail(&err), -1;
	}
	/* One best match is taken; else every candidate is listed. */
	n = exact == 1 ? 1 : found.len;
	if (n == 1) {
		*out = found.items[0].id;
		volunteer_list_free(&found);
		return 0;
	}
	if (n == 0)
		cli_usage_error(ctx, _("no volunteer is named '%s' (give an "
		    "id, an e-mail address or a name; see 'rooster volunteer "
		    "list')"), s);
	else {
		strbuf_init(&names);
		for (i = 0; i < n && i < 8; i++)
			strbuf_addf(&names, "%s%s (%lld)", i > 0 ? ", " : "",
			    found.items[i].name, (long long)found.items[i].id);
		if (n > 8)
			strbuf_adds(&names, ", ...");
		cli_usage_error(ctx, _("'%s' could be more than one volunteer: "
		    "%s; give more of the name or the id"), s,
		    strbuf_str(&names));
		strbuf_fini(&names);
	}
	volunteer_list_free(&found);
	return -1;
}

int
cli_args_team(const struct cli_ctx *ctx, const char *s, int64_t *out)
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
cli_args_range(const struct cli_ctx *ctx, int64_t *from, int64_t *to)
{
	return cli_args_days(ctx, cli_arg(ctx, "--from"), cli_arg(ctx, "--to"),
	    from, to);
}

int
cli_args_days(const struct cli_ctx *ctx, const char *from, const char *to,
    int64_t *out_from, int64_t *out_to)
{
	struct err err;

	err_clear(&err);
	if (from != NULL && rtime_parse_day(from, ctx->now, out_from,
	    &err) < 0)
		return cli_fail(&err), -1;
	if (to != NULL) {
		if (rtime_parse_day(to, ctx->now, out_to, &err) < 0)
			return cli_fail(&err), -1;
		*out_to = rtime_day_next(*out_to);
	}
	if (from != NULL && to != NULL && *out_to <= *out_from) {
		cli_usage_error(ctx, _("--to %s is before --from %s"), to,
		    from);
		return -1;
	}
	return 0;
}
