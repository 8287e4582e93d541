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

struct cli_opt *
cli_args_opt(struct cli_opt *opts, size_t nopts, const char *name)
{
	size_t i;

	for (i = 0; i < nopts; i++)
		if (strcmp(opts[i].name, name) == 0)
			return &opts[i];
	abort();	/* a handler asked for an option it did not declare */
}

int
cli_args_parse(const struct cli_ctx *ctx, int argc, char **argv,
    struct cli_opt *opts, size_t nopts, char **pos, int min, int max)
{
	char name[64], cmd[64];
	const char *arg, *eq;
	bool options = true;
	int i, n = 0;
	size_t j, len;

	cli_args_cmdname(ctx, cmd, sizeof cmd);
	for (i = 0; i < argc; i++) {
		arg = argv[i];
		if (options && strcmp(arg, "--") == 0) {
			options = false;
			continue;
		}
		if (!options || arg[0] != '-' || arg[1] == '\0' ||
		    (arg[1] >= '0' && arg[1] <= '9')) {
			if (n >= max) {
				cli_usage_error(ctx, _("too many arguments for "
				    "'%s' at '%s' (see 'rooster %s --help')"),
				    cmd, arg, cmd);
				return -1;
			}
			pos[n++] = argv[i];
			continue;
		}
		if (arg[1] != '-') {
			cli_usage_error(ctx, _("unknown option '%s' for '%s' "
			    "(see 'rooster %s --help')"), arg, cmd, cmd);
			return -1;
		}
		eq = strchr(arg + 2, '=');
		len = eq != NULL ? (size_t)(eq - arg - 2) : strlen(arg + 2);
		snprintf(name, sizeof name, "%.*s", (int)len, arg + 2);
		for (j = 0; j < nopts && strcmp(opts[j].name, name) != 0; j++)
			;
		if (j == nopts) {
			cli_usage_error(ctx, _("unknown option '--%s' for '%s' "
			    "(see 'rooster %s --help')"), name, cmd, cmd);
			return -1;
		}
		if (opts[j].seen) {
			cli_usage_error(ctx, _("option --%s given twice"),
			    name);
			return -1;
		}
		opts[j].seen = true;
		if (!opts[j].has_arg) {
			if (eq != NULL) {
				cli_usage_error(ctx, _("option --%s takes no "
				    "value"), name);
				return -1;
			}
			continue;
		}
		if (eq != NULL)
			opts[j].value = eq + 1;
		else if (i + 1 < argc)
			opts[j].value = argv[++i];
		else {
			cli_usage_error(ctx, _("option --%s needs a value "
			    "(see 'rooster %s --help')"), name, cmd);
			return -1;
		}
	}
	if (n < min) {
		cli_usage_error(ctx, _("missing arguments: rooster %s %s"), cmd,
		    ctx->command != NULL && ctx->command->usage[0] != '\0' ?
		    _(ctx->command->usage) : "");
		return -1;
	}
	return n;
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
	n = exact > 0 ? exact : found.len;
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
		for (i = 0; i < n && i < found.len; i++)
			strbuf_addf(&names, "%s%s (%lld)", i > 0 ? ", " : "",
			    found.items[i].name, (long long)found.items[i].id);
		if (n >= 8 && found.len >= 8)
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
