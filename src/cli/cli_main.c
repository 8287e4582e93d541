/* SPDX-License-Identifier: ISC */
/*
 * The command table and dispatcher: global options (anywhere on the line),
 * the plan's location, one read transaction around lookups, and the exit
 * status of every command. Usage and `rooster help` come from the table.
 */
#include "cli_int.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rooster/ops.h"
#include "rooster/tui.h"

static int cli_help(struct cli_ctx *ctx, int argc, char **argv);

static const struct cli_command cli_commands[] = {
	{ "init", NULL, N_("[--timezone ZONE] [--name ORGANISATION] "
	  "[--rest-minutes N] [--language nl|en]"),
	  N_("name the plan, set its zone, rest rule and "
	  "language"),
	  cli_plan_init, CLI_ANY_ZONE },
	{ "demo", NULL, "",
	  N_("fill an empty database with the demo plan"), cli_plan_demo,
	  CLI_NO_ZONE },
	{ "event", "add", N_("TITLE --start WHEN --end WHEN | --date DAY "
	  "[--to DAY] [--location L] [--description D] [--repeat RRULE] "
	  "[--languages L]"),
	  N_("add an event"), cli_event_add, 0 },
	{ "event", "list",
	  N_("[--from DAY] [--to DAY] [--search TEXT] [--gaps]"),
	  N_("list events (from today on unless --from)"), cli_event_list,
	  CLI_READS },
	{ "event", "show", N_("ID"), N_("show an event with its shifts"),
	  cli_event_show, CLI_READS },
	{ "event", "edit", N_("ID [--title T] [--start WHEN] [--end WHEN] "
	  "[--date DAY] [--to DAY] [--location L] [--description D] "
	  "[--repeat RRULE] [--languages L] [--series]"),
	  N_("change an event (--series: every occurrence)"), cli_event_edit,
	  0 },
	{ "event", "cancel", N_("ID [--series | --following]"),
	  N_("cancel an event (it stays, marked)"),
	  cli_event_cancel, 0 },
	{ "event", "copy", N_("ID --start WHEN"),
	  N_("copy an event with its shifts (no people) to a new start"),
	  cli_event_copy, 0 },
	{ "event", "delete", N_("ID [--series | --following]"),
	  N_("delete an event with its shifts"),
	  cli_event_delete, 0 },
	{ "shift", "add", N_("EVENT_ID ROLE [--start WHEN] [--end WHEN] "
	  "[--needed N] [--language L] [--force]"),
	  N_("add a shift to an event"), cli_shift_add, 0 },
	{ "shift", "list", N_("[EVENT_ID] [--from DAY] [--to DAY]"),
	  N_("list shifts"), cli_shift_list, CLI_READS },
	{ "shift", "show", N_("ID"), N_("show a shift with its assignments"),
	  cli_shift_show, CLI_READS },
	{ "shift", "edit", N_("ID [--role R] [--start WHEN] [--end WHEN] "
	  "[--needed N] [--language L] [--force]"), N_("change a shift"),
	  cli_shift_edit,
	  0 },
	{ "shift", "delete", N_("ID"), N_("delete a shift"), cli_shift_delete,
	  0 },
	{ "volunteer", "add", N_("NAME [--email E] [--phone P] [--skills a,b] "
	  "[--languages nl,ar] [--max-per-month N] [--notes TEXT]"),
	  N_("add a volunteer"), cli_volunteer_add, CLI_NO_ZONE },
	{ "volunteer", "list", N_("[--search TEXT] [--skill S]"),
	  N_("list volunteers"), cli_volunteer_list, CLI_READS | CLI_NO_ZONE },
	{ "volunteer", "show", N_("ID"),
	  N_("show a volunteer and their shifts"),
	  cli_volunteer_show, CLI_READS | CLI_NO_ZONE },
	{ "volunteer", "edit", N_("ID [--name N] [--email E] [--phone P] "
	  "[--skills a,b] [--languages nl,ar] [--max-per-month N] "
	  "[--notes TEXT] [--active yes|no]"), N_("change a volunteer"),
	  cli_volunteer_edit, CLI_NO_ZONE },
	{ "volunteer", "delete", N_("ID"), N_("delete a volunteer"),
	  cli_volunteer_delete, CLI_NO_ZONE },
	{ "volunteer", "unavailable",
	  N_("VOLUNTEER --from DAY|WHEN --to DAY|WHEN [--reason R] | "
	  "--remove PERIOD"),
	  N_("record (or remove) a period a volunteer cannot work"),
	  cli_volunteer_unavailable, 0 },
	{ "volunteer", "token", N_("ID [--rotate]"),
	  N_("print (or replace) the "
	  "secret token naming a volunteer's calendar feed"),
	  cli_volunteer_token, 0 },
	{ "team", "add", N_("NAME"), N_("add a team"), cli_team_add,
	  CLI_NO_ZONE },
	{ "team", "join", N_("TEAM VOLUNTEER"),
	  N_("put a volunteer in a team"),
	  cli_team_join, CLI_NO_ZONE },
	{ "team", "leave", N_("TEAM VOLUNTEER"),
	  N_("take a volunteer out of a team"), cli_team_leave, CLI_NO_ZONE },
	{ "team", "rename", N_("TEAM NAME"), N_("rename a team"),
	  cli_team_rename, CLI_NO_ZONE },
	{ "team", "delete", N_("TEAM"),
	  N_("delete a team (its members stay volunteers)"), cli_team_delete,
	  CLI_NO_ZONE },
	{ "team", "list", "", N_("list teams and members"), cli_team_list,
	  CLI_READS | CLI_NO_ZONE },
	{ "assign", NULL, N_("SHIFT_ID VOLUNTEER|--team TEAM_ID [--force] [--note TEXT]"),
	  N_("put a volunteer or a team on a shift"), cli_assign_assign, 0 },
	{ "unassign", NULL, N_("SHIFT_ID VOLUNTEER_ID"),
	  N_("take a volunteer off a shift"), cli_assign_unassign, 0 },
	{ "respond", NULL,
	  N_("SHIFT_ID VOLUNTEER_ID accepted|declined|tentative"),
	  N_("record a volunteer's answer"), cli_assign_respond, 0 },
	{ "attended", NULL, N_("SHIFT_ID VOLUNTEER_ID [--no-show] [--hours H] "
	  "[--force]"),
	  N_("record attendance after a shift"), cli_assign_attended, 0 },
	{ "who", NULL, N_("[DAY | --from DAY --to DAY] [--all]"),
	  N_("who works when (--all: those who declined too)"),
	  cli_query_who, CLI_READS },
	{ "gaps", NULL, N_("[--from DAY] [--to DAY]"),
	  N_("shifts still short of people"), cli_query_gaps, CLI_READS },
	{ "hours", NULL, N_("[--from DAY] [--to DAY]"),
	  N_("hours served and no-shows per volunteer"), cli_query_hours,
	  CLI_READS },
	{ "suggest", NULL, N_("SHIFT_ID [--limit N]"),
	  N_("volunteers ranked for a shift, best first"),
	  cli_suggest_list, CLI_READS },
	{ "conflicts", NULL, N_("[--from DAY] [--to DAY]"),
	  N_("every conflict in the plan, forced ones included"),
	  cli_conflict_list, CLI_READS },
	{ "import", "csv", N_("FILE [--dry-run]"),
	  N_("add or update volunteers from a spreadsheet"), cli_csv_import,
	  CLI_NO_ZONE },
	{ "export", "csv", N_("volunteers|assignments [-o FILE] [--dutch] "
	  "[--from DAY] [--to DAY]"),
	  N_("volunteers or assignments for a spreadsheet"), cli_csv_export,
	  CLI_READS },
	{ "print", NULL, N_("--event ID | --week DAY [--format text|html] "
	  "[--phones] [-o FILE]"),
	  N_("a one-page roster for the noticeboard"), cli_print,
	  CLI_READS | CLI_OWN_FORMAT },
	{ "export", "ics", N_("[--event ID | --volunteer ID] [-o FILE]"),
	  N_("write the plan's shifts as an iCalendar file"), cli_export_ics,
	  CLI_READS },
	{ "export", "feeds", N_("DIR"),
	  N_("one calendar per volunteer (named by "
	  "their token) and one for the plan"), cli_export_feeds, 0 },
	{ "invite", NULL, N_("[--event ID] (--outbox DIR | --send)"),
	  N_("send invitations, updates and cancellations (iTIP)"),
	  cli_invite_invite, 0 },
	{ "import", "ics", N_("FILE [--strict]"),
	  N_("import events, or replies to invites"),
	  cli_import_ics, 0 },
	{ "import", "mail", N_("PATH..."),
	  N_("apply replies from mail: a message, an mbox, a Maildir or -"),
	  cli_import_mail, 0 },
	{ "backup", NULL, N_("FILE"),
	  N_("copy the plan to a new file, safely while "
	  "others work"), cli_plan_backup, CLI_ANY_ZONE },
	{ "log", NULL, N_("[--limit N] [--volunteer ID] [--event ID]"),
	  N_("recent changes with who, when, before and after; newest first"),
	  cli_plan_log, CLI_READS | CLI_NO_ZONE },
	{ "undo", NULL, "", N_("undo your own last change (not undone yet)"),
	  cli_plan_undo, CLI_NO_ZONE },
	{ "restore", NULL, N_("FILE [--yes]"),
	  N_("replace the plan with a backup, "
	  "after checking it"), cli_plan_restore, CLI_ANY_ZONE },
	{ "volunteer", "export", N_("ID [-o FILE]"),
	  N_("everything stored about a "
	  "volunteer, as json"), cli_privacy_export,
	  CLI_READS | CLI_ANY_ZONE },
	{ "volunteer", "forget", N_("ID [--yes]"),
	  N_("erase a volunteer's personal "
	  "data everywhere, keeping anonymous counts"), cli_privacy_forget, 0 },
	{ "help", NULL, N_("[COMMAND]"),
	  N_("this list, or one command's usage"),
	  cli_help, CLI_NO_STORE },
};

#define CLI_NCOMMANDS (sizeof cli_commands / sizeof cli_commands[0])

int
cli_fail(const struct err *err)
{
	/* Messages quote names and file names: never let them reach the
	 * terminal raw, nor break the one line. */
	char *clean = text_sanitize(err->msg[0] != '\0' ? err->msg :
	    _("failed"));

	fprintf(stderr, "rooster: %s\n", clean);
	free(clean);
	return err->code == ERR_INVALID ? CLI_USAGE : CLI_FAILED;
}

int
cli_usage_error(const struct cli_ctx *ctx, const char *fmt, ...)
{
	va_list ap;
	char *s, *clean;

	(void)ctx;
	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	clean = text_sanitize(s);
	fprintf(stderr, "rooster: %s\n", clean);
	free(clean);
	free(s);
	return CLI_USAGE;
}

/* The translation of a table string; "" stays "" (not the po header). */
static const char *
cli_tr(const char *s)
{
	return s[0] != '\0' ? _(s) : s;
}

static void
cli_usage_line(FILE *fp, const struct cli_command *c)
{
	fprintf(fp, "rooster %s%s%s %s\n", c->noun, c->verb ? " " : "",
	    c->verb ? c->verb : "", cli_tr(c->usage));
}

static void
cli_help_all(FILE *fp)
{
	size_t i;
	char words[40];

	fputs(_("usage: rooster [--db FILE] [--format table|csv|json] "
	    "[-v] COMMAND ...\n"
	    "       rooster            (on a terminal: open the screen)\n\n"
	    "commands:\n"), fp);
	for (i = 0; i < CLI_NCOMMANDS; i++) {
		snprintf(words, sizeof words, "%s%s%s", cli_commands[i].noun,
		    cli_commands[i].verb ? " " : "",
		    cli_commands[i].verb ? cli_commands[i].verb : "");
		fprintf(fp, "  %-22s %s\n", words,
		    cli_tr(cli_commands[i].summary));
	}
	fputs(_("\nWHEN is YYYY-MM-DD HH:MM in the plan's time zone; DAY is "
	    "YYYY-MM-DD, today or tomorrow.\n"
	    "'rooster COMMAND --help' shows a command's arguments; "
	    "man rooster tells more.\n"), fp);
}

static void
cli_help_command(FILE *fp, const struct cli_command *c)
{
	fputs(_("usage: "), fp);
	cli_usage_line(fp, c);
	fprintf(fp, "%s\n", cli_tr(c->summary));
}

/* The command named by argv[0] (and argv[1]); *words says how many. */
static const struct cli_command *
cli_find(int argc, char **argv, int *words)
{
	size_t i;

	for (i = 0; argc > 0 && i < CLI_NCOMMANDS; i++) {
		if (strcmp(cli_commands[i].noun, argv[0]) != 0)
			continue;
		if (cli_commands[i].verb == NULL) {
			*words = 1;
			return &cli_commands[i];
		}
		if (argc > 1 && strcmp(cli_commands[i].verb, argv[1]) == 0) {
			*words = 2;
			return &cli_commands[i];
		}
	}
	return NULL;
}

static bool
cli_is_noun(const char *s)
{
	size_t i;

	for (i = 0; i < CLI_NCOMMANDS; i++)
		if (strcmp(cli_commands[i].noun, s) == 0)
			return true;
	return false;
}

static int
cli_help(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_command *c;
	int words;

	(void)ctx;
	if (argc == 0) {
		cli_help_all(stdout);
		return CLI_OK;
	}
	if ((c = cli_find(argc, argv, &words)) == NULL) {
		return cli_usage_error(ctx, _("no command '%s' (see 'rooster "
		    "help')"), argv[0]);
	}
	cli_help_command(stdout, c);
	return CLI_OK;
}

/* mkdir -p with mode 0700, for the default location only. */
static int
cli_mkdirs(const char *path)
{
	char *p = xstrdup(path), *s;
	int rc = 0;

	for (s = p + 1; *s != '\0' && rc == 0; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0700) != 0 && errno != EEXIST)
			rc = -1;
		*s = '/';
	}
	if (rc == 0 && mkdir(p, 0700) != 0 && errno != EEXIST)
		rc = -1;
	free(p);
	return rc;
}

/*
 * The plan's path: --db, $ROOSTER_DB, else $XDG_DATA_HOME/rooster/rooster.db
 * (whose directory is created). The caller frees.
 */
static char *
cli_db_path(const char *opt, struct err *err)
{
	const char *env = getenv("ROOSTER_DB"), *xdg, *home;
	char *dir, *path;

	if (opt != NULL && *opt != '\0')
		return xstrdup(opt);
	if (env != NULL && *env != '\0')
		return xstrdup(env);
	xdg = getenv("XDG_DATA_HOME");
	home = getenv("HOME");
	if (xdg != NULL && *xdg == '/')
		dir = xasprintf("%s/rooster", xdg);
	else if (home != NULL && *home != '\0')
		dir = xasprintf("%s/.local/share/rooster", home);
	else {
		err_set(err, ERR_INVALID,
		    _("no HOME: give the plan's file with "
		    "--db FILE or ROOSTER_DB"));
		return NULL;
	}
	if (cli_mkdirs(dir) < 0) {
		err_set(err, ERR_IO, _("cannot create %s: %s"), dir,
		    strerror(errno));
		free(dir);
		return NULL;
	}
	path = xasprintf("%s/rooster.db", dir);
	free(dir);
	return path;
}

/* Take the global options out of argv, wherever they stand. */
static int
cli_globals(int *argc, char **argv, const char **db, const char **format,
    bool *help, bool *version)
{
	int i, out = 1;
	const char *a;

	for (i = 1; i < *argc; i++) {
		a = argv[i];
		if (strcmp(a, "--") == 0) {
			while (i < *argc)
				argv[out++] = argv[i++];
			break;
		}
		if (strcmp(a, "--db") == 0 || strcmp(a, "--format") == 0) {
			if (i + 1 >= *argc) {
				fprintf(stderr, _("rooster: option %s needs a "
				    "value\n"), a);
				return -1;
			}
			*(a[2] == 'd' ? db : format) = argv[++i];
		} else if (strncmp(a, "--db=", 5) == 0)
			*db = a + 5;
		else if (strncmp(a, "--format=", 9) == 0)
			*format = a + 9;
		else if (strcmp(a, "-v") == 0 || strcmp(a, "--verbose") == 0)
			log_set_verbose(true);
		else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0)
			*help = true;
		else if (strcmp(a, "--version") == 0)
			*version = true;
		else
			argv[out++] = argv[i];
	}
	*argc = out;
	argv[out] = NULL;
	return 0;
}

/*
 * Open the plan for command c (NULL: the screen). A plan whose zone this
 * system lacks opens only for the commands that can mend or save it.
 */
static int
cli_open(struct cli_ctx *ctx, const struct cli_command *c,
    const char *db_opt, char **path_out)
{
	struct err err;
	char *path;
	int rc;

	err_clear(&err);
	if ((path = cli_db_path(db_opt, &err)) == NULL)
		return cli_fail(&err);
	*path_out = path;
	ctx->db_path = path;
	if (store_open(path, STORE_CREATE, &ctx->st, &err) < 0 ||
	    (rc = ops_plan_open(ctx->st, &err)) < 0)
		return cli_fail(&err);
	if (rc == OPS_PLAN_ZONE_MISSING && (c == NULL ||
	    !(c->flags & CLI_ANY_ZONE)))
		return cli_fail(&err);
	/* No zone yet: the screen asks for it; commands that need one
	 * name `init --timezone`. */
	if (rc == OPS_PLAN_ZONE_UNSET && c != NULL &&
	    !(c->flags & (CLI_ANY_ZONE | CLI_NO_ZONE)))
		return cli_fail(&err);
	return CLI_OK;
}

int
cli_run(int argc, char **argv)
{
	struct cli_ctx ctx;
	const struct cli_command *c;
	const char *db = NULL, *format = NULL;
	bool help = false, version = false, bad_format = false;
	char *path = NULL;
	int words = 0, rc;

	memset(&ctx, 0, sizeof ctx);
	ctx.now = rtime_now();
	if (cli_globals(&argc, argv, &db, &format, &help, &version) < 0)
		return CLI_USAGE;
	if (version) {
		printf("rooster %s\n", ROOSTER_VERSION);
		return CLI_OK;
	}
	ctx.format_name = format;
	if (format == NULL || strcmp(format, "table") == 0)
		ctx.format = CLI_FORMAT_TABLE;
	else if (strcmp(format, "csv") == 0)
		ctx.format = CLI_FORMAT_CSV;
	else if (strcmp(format, "json") == 0)
		ctx.format = CLI_FORMAT_JSON;
	else
		bad_format = true;
	if (bad_format && (argc < 2 || (c = cli_find(argc - 1, argv + 1,
	    &words)) == NULL || !(c->flags & CLI_OWN_FORMAT)))
		return cli_usage_error(&ctx,
		    _("unknown format '%s' (use table, "
		    "csv or json)"), format);
	if (argc < 2) {
		if (help) {
			cli_help_all(stdout);
			return CLI_OK;
		}
		{
			struct err terr;

			err_clear(&terr);
			if (tui_check_terminal(&terr) < 0) {
				fprintf(stderr, "rooster: %s\n", terr.msg);
				return CLI_USAGE;
			}
		}
		if ((rc = cli_open(&ctx, NULL, db, &path)) == CLI_OK) {
			struct ops_config cfg;

			/* Config warnings show before the screen opens. */
			if ((rc = cli_config_load(&cfg)) == CLI_OK)
				rc = tui_run(ctx.st, &cfg);
			ops_config_fini(&cfg);
		}
		store_close(ctx.st);
		free(path);
		return rc;
	}
	if ((c = cli_find(argc - 1, argv + 1, &words)) == NULL) {
		if (cli_is_noun(argv[1]))
			return cli_usage_error(&ctx, argc > 2 ?
			    _("unknown command 'rooster %s %s' (see 'rooster "
			    "help')") : _("'rooster %s' needs a command (see "
			    "'rooster help')%s"), argv[1], argc > 2 ?
			    argv[2] : "");
		return cli_usage_error(&ctx, _("unknown command '%s' (see "
		    "'rooster help')"), argv[1]);
	}
	ctx.command = c;
	if (help) {
		cli_help_command(stdout, c);
		return CLI_OK;
	}
	if (!(c->flags & CLI_NO_STORE) &&
	    (rc = cli_open(&ctx, c, db, &path)) != CLI_OK) {
		store_close(ctx.st);
		free(path);
		return rc;
	}
	if (c->flags & CLI_READS) {
		struct err err;

		err_clear(&err);
		if (store_begin_read(ctx.st, &err) < 0) {
			rc = cli_fail(&err);
			goto out;
		}
	}
	rc = c->handler(&ctx, argc - 1 - words, argv + 1 + words);
	if (ctx.st != NULL)
		store_rollback(ctx.st);
out:
	if (fflush(stdout) != 0 && rc == CLI_OK) {
		fprintf(stderr, _("rooster: cannot write output: %s\n"),
		    strerror(errno));
		rc = CLI_FAILED;
	}
	store_close(ctx.st);
	free(path);
	return rc;
}
