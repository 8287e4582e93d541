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

static int cli_help(struct cli_ctx *ctx);

static const struct cli_arg cli_takes_plan_init[] = {
	{ "--timezone", CLI_ARG_TEXT, 0, N_("[--timezone ZONE]"), NULL },
	{ "--name", CLI_ARG_TEXT, 0, N_("[--name ORGANISATION]"), NULL },
	{ "--rest-minutes", CLI_ARG_TEXT, 0, N_("[--rest-minutes N]"), NULL },
	{ "--language", CLI_ARG_TEXT, 0, N_("[--language nl|en]"), NULL },
	CLI_ARGS_END
};

static const struct cli_arg cli_takes_none[] = {
	CLI_ARGS_END
};

static const struct cli_arg cli_takes_event_add[] = {
	{ "title", CLI_ARG_TEXT, CLI_ARG_REQUIRED, N_("TITLE"), NULL },
	{ "--start", CLI_ARG_TEXT, 0, N_("--start WHEN"), NULL },
	{ "--end", CLI_ARG_TEXT, 0, N_("--end WHEN"), NULL },
	{ "--date", CLI_ARG_TEXT, 0, N_("| --date DAY"), NULL },
	{ "--to", CLI_ARG_TEXT, 0, N_("[--to DAY]"), NULL },
	CLI_ARGS_FIELDS(""),
	CLI_ARGS_END
};

static const struct cli_arg cli_takes_event_list[] = {
	{ "--from", CLI_ARG_TEXT, 0, N_("[--from DAY]"), NULL },
	{ "--to", CLI_ARG_TEXT, 0, N_("[--to DAY]"), NULL },
	{ "--search", CLI_ARG_TEXT, 0, N_("[--search TEXT]"), NULL },
	{ "--gaps", CLI_ARG_FLAG, 0, N_("[--gaps]"), NULL },
	CLI_ARGS_END
};

static const struct cli_arg cli_takes_event_id[] = {
	{ "id", CLI_ARG_ID, CLI_ARG_REQUIRED, N_("ID"), N_("event") },
	CLI_ARGS_END
};

static const struct cli_arg cli_takes_event_edit[] = {
	{ "id", CLI_ARG_ID, CLI_ARG_REQUIRED, N_("ID"), N_("event") },
	{ "--title", CLI_ARG_TEXT, 0, N_("[--title T]"), NULL },
	{ "--start", CLI_ARG_TEXT, 0, N_("[--start WHEN]"), NULL },
	{ "--end", CLI_ARG_TEXT, 0, N_("[--end WHEN]"), NULL },
	{ "--date", CLI_ARG_TEXT, 0, N_("[--date DAY]"), NULL },
	{ "--to", CLI_ARG_TEXT, 0, N_("[--to DAY]"), NULL },
	CLI_ARGS_FIELDS(""),
	{ "--series", CLI_ARG_FLAG, 0, N_("[--series]"), NULL },
	CLI_ARGS_END
};

static const struct cli_arg cli_takes_event_cancel[] = {
	{ "id", CLI_ARG_ID, CLI_ARG_REQUIRED, N_("ID"), N_("event") },
	{ "--series", CLI_ARG_FLAG, 0, N_("[--series | --following]"), NULL },
	{ "--following", CLI_ARG_FLAG, 0, "", NULL },
	CLI_ARGS_END
};

static const struct cli_arg cli_takes_event_copy[] = {
	{ "id", CLI_ARG_ID, CLI_ARG_REQUIRED, N_("ID"), N_("event") },
	{ "--start", CLI_ARG_TEXT, CLI_ARG_REQUIRED, N_("--start WHEN"), NULL },
	CLI_ARGS_END
};

static const struct cli_arg cli_takes_shift_add[] = {
	{ "event", CLI_ARG_ID, CLI_ARG_REQUIRED, N_("EVENT_ID"), N_("event") },
	{ "role", CLI_ARG_TEXT, CLI_ARG_REQUIRED, N_("ROLE"), NULL },
	CLI_ARGS_FIELDS(""),
	{ "--force", CLI_ARG_FLAG, 0, N_("[--force]"), NULL },
	CLI_ARGS_END
};

static const struct cli_arg cli_takes_shift_list[] = {
	{ "event", CLI_ARG_ID, 0, N_("[EVENT_ID]"), N_("event") },
	{ "--from", CLI_ARG_TEXT, 0, N_("[--from DAY]"), NULL },
	{ "--to", CLI_ARG_TEXT, 0, N_("[--to DAY]"), NULL },
	CLI_ARGS_END
};

static const struct cli_arg cli_takes_shift_id[] = {
	{ "id", CLI_ARG_ID, CLI_ARG_REQUIRED, N_("ID"), N_("shift") },
	CLI_ARGS_END
};

static const struct cli_arg cli_takes_shift_edit[] = {
	{ "id", CLI_ARG_ID, CLI_ARG_REQUIRED, N_("ID"), N_("shift") },
	CLI_ARGS_FIELDS(""),
	{ "--force", CLI_ARG_FLAG, 0, N_("[--force]"), NULL },
	CLI_ARGS_END
};

static const struct cli_arg cli_takes_volunteer_add[] = {
	{ "name", CLI_ARG_TEXT, CLI_ARG_REQUIRED, N_("NAME"), NULL },
	CLI_ARGS_FIELDS("--active"),
	CLI_ARGS_END
};

static const struct cli_arg cli_takes_volunteer_list[] = {
	{ "--search", CLI_ARG_TEXT, 0, N_("[--search TEXT]"), NULL },
	{ "--skill", CLI_ARG_TEXT, 0, N_("[--skill S]"), NULL },
	CLI_ARGS_END
};

static const struct cli_arg cli_takes_volunteer_id[] = {
	{ "id", CLI_ARG_VOLUNTEER, CLI_ARG_REQUIRED,
	  N_("VOLUNTEER"), N_("volunteer") },
	CLI_ARGS_END
};

static const struct cli_arg cli_takes_volunteer_edit[] = {
	{ "id", CLI_ARG_VOLUNTEER, CLI_ARG_REQUIRED,
	  N_("VOLUNTEER"), N_("volunteer") },
	CLI_ARGS_FIELDS(""),
	CLI_ARGS_END
};

static const struct cli_arg cli_takes_volunteer_unavailable[] = {
	{ "id", CLI_ARG_VOLUNTEER, CLI_ARG_REQUIRED,
	  N_("VOLUNTEER"), N_("volunteer") },
	{ "--from", CLI_ARG_TEXT, 0, N_("--from DAY|WHEN"), NULL },
	{ "--to", CLI_ARG_TEXT, 0, N_("[--to DAY|WHEN]"), NULL },
	{ "--reason", CLI_ARG_TEXT, 0, N_("[--reason R]"), NULL },
	{ "--remove", CLI_ARG_ID, 0, N_("| --remove PERIOD"), N_("period") },
	CLI_ARGS_END
};

static const struct cli_arg cli_takes_volunteer_token[] = {
	{ "id", CLI_ARG_VOLUNTEER, CLI_ARG_REQUIRED,
	  N_("VOLUNTEER"), N_("volunteer") },
	{ "--rotate", CLI_ARG_FLAG, 0, N_("[--rotate]"), NULL },
	CLI_ARGS_END
};

static const struct cli_arg cli_takes_team_add[] = {
	{ "name", CLI_ARG_TEXT, CLI_ARG_REQUIRED, N_("NAME"), NULL },
	CLI_ARGS_END
};

static const struct cli_arg cli_takes_team_join[] = {
	{ "team", CLI_ARG_TEAM, CLI_ARG_REQUIRED, N_("TEAM"), N_("team") },
	{ "volunteer", CLI_ARG_VOLUNTEER, CLI_ARG_REQUIRED,
	  N_("VOLUNTEER"), N_("volunteer") },
	CLI_ARGS_END
};

static const struct cli_arg cli_takes_team_rename[] = {
	{ "team", CLI_ARG_TEAM, CLI_ARG_REQUIRED, N_("TEAM"), N_("team") },
	{ "name", CLI_ARG_TEXT, CLI_ARG_REQUIRED, N_("NAME"), NULL },
	CLI_ARGS_END
};

static const struct cli_arg cli_takes_team_delete[] = {
	{ "team", CLI_ARG_TEAM, CLI_ARG_REQUIRED, N_("TEAM"), N_("team") },
	CLI_ARGS_END
};

static const struct cli_arg cli_takes_assign[] = {
	{ "shift", CLI_ARG_ID, CLI_ARG_REQUIRED, N_("SHIFT_ID"), N_("shift") },
	{ "volunteer", CLI_ARG_VOLUNTEER, 0,
	  N_("VOLUNTEER|--team TEAM_ID"), N_("volunteer") },
	{ "--team", CLI_ARG_ID, 0, "", N_("team") },
	{ "--force", CLI_ARG_FLAG, 0, N_("[--force]"), NULL },
	CLI_ARGS_FIELDS(""),
	CLI_ARGS_END
};

static const struct cli_arg cli_takes_pair[] = {
	{ "shift", CLI_ARG_ID, CLI_ARG_REQUIRED, N_("SHIFT_ID"), N_("shift") },
	{ "volunteer", CLI_ARG_VOLUNTEER, CLI_ARG_REQUIRED,
	  N_("VOLUNTEER"), N_("volunteer") },
	CLI_ARGS_END
};

static const struct cli_arg cli_takes_respond[] = {
	{ "shift", CLI_ARG_ID, CLI_ARG_REQUIRED, N_("SHIFT_ID"), N_("shift") },
	{ "volunteer", CLI_ARG_VOLUNTEER, CLI_ARG_REQUIRED,
	  N_("VOLUNTEER"), N_("volunteer") },
	{ "status", CLI_ARG_TEXT, CLI_ARG_REQUIRED,
	  N_("accepted|declined|tentative"), NULL },
	CLI_ARGS_END
};

static const struct cli_arg cli_takes_attended[] = {
	{ "shift", CLI_ARG_ID, CLI_ARG_REQUIRED, N_("SHIFT_ID"), N_("shift") },
	{ "volunteer", CLI_ARG_VOLUNTEER, CLI_ARG_REQUIRED,
	  N_("VOLUNTEER"), N_("volunteer") },
	{ "--no-show", CLI_ARG_FLAG, 0, N_("[--no-show]"), NULL },
	{ "--hours", CLI_ARG_TEXT, 0, N_("[--hours H]"), NULL },
	{ "--force", CLI_ARG_FLAG, 0, N_("[--force]"), NULL },
	CLI_ARGS_END
};

static const struct cli_arg cli_takes_who[] = {
	{ "day", CLI_ARG_TEXT, 0, N_("[DAY | --from DAY --to DAY]"), NULL },
	{ "--from", CLI_ARG_TEXT, 0, "", NULL },
	{ "--to", CLI_ARG_TEXT, 0, "", NULL },
	{ "--all", CLI_ARG_FLAG, 0, N_("[--all]"), NULL },
	CLI_ARGS_END
};

static const struct cli_arg cli_takes_range[] = {
	{ "--from", CLI_ARG_TEXT, 0, N_("[--from DAY]"), NULL },
	{ "--to", CLI_ARG_TEXT, 0, N_("[--to DAY]"), NULL },
	CLI_ARGS_END
};

static const struct cli_arg cli_takes_suggest[] = {
	{ "shift", CLI_ARG_ID, CLI_ARG_REQUIRED, N_("SHIFT_ID"), N_("shift") },
	{ "--limit", CLI_ARG_TEXT, 0, N_("[--limit N]"), NULL },
	CLI_ARGS_END
};

static const struct cli_arg cli_takes_csv_import[] = {
	{ "file", CLI_ARG_TEXT, CLI_ARG_REQUIRED, N_("FILE"), NULL },
	{ "--dry-run", CLI_ARG_FLAG, 0, N_("[--dry-run]"), NULL },
	CLI_ARGS_END
};

static const struct cli_arg cli_takes_csv_export[] = {
	{ "what", CLI_ARG_TEXT, CLI_ARG_REQUIRED,
	  N_("volunteers|assignments"), NULL },
	{ "--output", CLI_ARG_TEXT, 0, N_("[-o FILE]"), NULL },
	{ "--dutch", CLI_ARG_FLAG, 0, N_("[--dutch]"), NULL },
	{ "--from", CLI_ARG_TEXT, 0, N_("[--from DAY]"), NULL },
	{ "--to", CLI_ARG_TEXT, 0, N_("[--to DAY]"), NULL },
	CLI_ARGS_END
};

static const struct cli_arg cli_takes_print[] = {
	{ "--event", CLI_ARG_ID, 0,
	  N_("--event ID | --week DAY"), N_("event") },
	{ "--week", CLI_ARG_TEXT, 0, "", NULL },
	{ "--format", CLI_ARG_SHOWN, 0, N_("[--format text|html]"), NULL },
	{ "--phones", CLI_ARG_FLAG, 0, N_("[--phones]"), NULL },
	{ "--output", CLI_ARG_TEXT, 0, N_("[-o FILE]"), NULL },
	CLI_ARGS_END
};

static const struct cli_arg cli_takes_export_ics[] = {
	{ "--event", CLI_ARG_ID, 0,
	  N_("[--event ID | --volunteer ID]"), N_("event") },
	{ "--volunteer", CLI_ARG_VOLUNTEER, 0, "", N_("volunteer") },
	{ "--output", CLI_ARG_TEXT, 0, N_("[-o FILE]"), NULL },
	CLI_ARGS_END
};

static const struct cli_arg cli_takes_export_feeds[] = {
	{ "dir", CLI_ARG_TEXT, CLI_ARG_REQUIRED, N_("DIR"), NULL },
	CLI_ARGS_END
};

static const struct cli_arg cli_takes_invite[] = {
	{ "--event", CLI_ARG_ID, 0, N_("[--event ID]"), N_("event") },
	{ "--outbox", CLI_ARG_TEXT, 0, N_("(--outbox DIR | --send)"), NULL },
	{ "--send", CLI_ARG_FLAG, 0, "", NULL },
	CLI_ARGS_END
};

static const struct cli_arg cli_takes_offer[] = {
	{ "shift", CLI_ARG_ID, CLI_ARG_REQUIRED, N_("SHIFT"), N_("shift") },
	{ "more", CLI_ARG_TEXT, CLI_ARG_MANY, "", NULL },
	{ "--to", CLI_ARG_TEXT, 0, N_("[--to VOLUNTEER...]"), NULL },
	{ "--limit", CLI_ARG_TEXT, 0, N_("[--limit N]"), NULL },
	{ "--outbox", CLI_ARG_TEXT, 0, N_("(--outbox DIR | --send)"), NULL },
	{ "--send", CLI_ARG_FLAG, 0, "", NULL },
	CLI_ARGS_END
};

static const struct cli_arg cli_takes_import_ics[] = {
	{ "file", CLI_ARG_TEXT, CLI_ARG_REQUIRED, N_("FILE"), NULL },
	{ "--strict", CLI_ARG_FLAG, 0, N_("[--strict]"), NULL },
	CLI_ARGS_END
};

static const struct cli_arg cli_takes_import_mail[] = {
	{ "path", CLI_ARG_TEXT, CLI_ARG_REQUIRED | CLI_ARG_MANY,
	  N_("PATH..."), NULL },
	CLI_ARGS_END
};

static const struct cli_arg cli_takes_file[] = {
	{ "file", CLI_ARG_TEXT, CLI_ARG_REQUIRED, N_("FILE"), NULL },
	CLI_ARGS_END
};

static const struct cli_arg cli_takes_log[] = {
	{ "--limit", CLI_ARG_TEXT, 0, N_("[--limit N]"), NULL },
	{ "--volunteer", CLI_ARG_VOLUNTEER, 0,
	  N_("[--volunteer ID]"), N_("volunteer") },
	{ "--event", CLI_ARG_ID, 0, N_("[--event ID]"), N_("event") },
	CLI_ARGS_END
};

static const struct cli_arg cli_takes_restore[] = {
	{ "file", CLI_ARG_TEXT, CLI_ARG_REQUIRED, N_("FILE"), NULL },
	{ "--yes", CLI_ARG_FLAG, 0, N_("[--yes]"), NULL },
	CLI_ARGS_END
};

static const struct cli_arg cli_takes_volunteer_export[] = {
	{ "id", CLI_ARG_VOLUNTEER, CLI_ARG_REQUIRED,
	  N_("VOLUNTEER"), N_("volunteer") },
	{ "--output", CLI_ARG_TEXT, 0, N_("[-o FILE]"), NULL },
	CLI_ARGS_END
};

static const struct cli_arg cli_takes_volunteer_forget[] = {
	{ "id", CLI_ARG_VOLUNTEER, CLI_ARG_REQUIRED,
	  N_("VOLUNTEER"), N_("volunteer") },
	{ "--yes", CLI_ARG_FLAG, 0, N_("[--yes]"), NULL },
	CLI_ARGS_END
};


static const struct cli_command cli_commands[] = {
	{ "init", NULL, NULL, N_("name the plan, set its zone, rest rule and "
	  "language"),
	  cli_plan_init, CLI_ANY_ZONE, cli_takes_plan_init, NULL },
	{ "demo", NULL, NULL, N_("fill an empty database with the demo plan"),
	  cli_plan_demo, CLI_NO_ZONE, cli_takes_none, NULL },
	{ "event", "add", NULL, N_("add an event"),
	  cli_event_add, 0, cli_takes_event_add, NULL },
	{ "event", "list", NULL,
	  N_("list events (from today on unless --from)"),
	  cli_event_list, CLI_READS, cli_takes_event_list, NULL },
	{ "event", "show", NULL, N_("show an event with its shifts"),
	  cli_event_show, CLI_READS, cli_takes_event_id, NULL },
	{ "event", "edit", NULL,
	  N_("change an event (--series: every occurrence)"),
	  cli_event_edit, 0, cli_takes_event_edit, NULL },
	{ "event", "cancel", NULL, N_("cancel an event (it stays, marked)"),
	  cli_event_cancel, 0, cli_takes_event_cancel, NULL },
	{ "event", "copy", NULL,
	  N_("copy an event with its shifts (no people) to a new start"),
	  cli_event_copy, 0,
	  cli_takes_event_copy, N_("give the copy's start with --start WHEN") },
	{ "event", "delete", NULL, N_("delete an event with its shifts"),
	  cli_event_delete, 0, cli_takes_event_cancel, NULL },
	{ "shift", "add", NULL, N_("add a shift to an event"),
	  cli_shift_add, 0, cli_takes_shift_add, NULL },
	{ "shift", "list", NULL, N_("list shifts"),
	  cli_shift_list, CLI_READS, cli_takes_shift_list, NULL },
	{ "shift", "show", NULL, N_("show a shift with its assignments"),
	  cli_shift_show, CLI_READS, cli_takes_shift_id, NULL },
	{ "shift", "edit", NULL, N_("change a shift"),
	  cli_shift_edit, 0, cli_takes_shift_edit, NULL },
	{ "shift", "delete", NULL, N_("delete a shift"),
	  cli_shift_delete, 0, cli_takes_shift_id, NULL },
	{ "volunteer", "add", NULL, N_("add a volunteer"),
	  cli_volunteer_add, CLI_NO_ZONE, cli_takes_volunteer_add, NULL },
	{ "volunteer", "list", NULL, N_("list volunteers"),
	  cli_volunteer_list, CLI_READS | CLI_NO_ZONE,
	  cli_takes_volunteer_list, NULL },
	{ "volunteer", "show", NULL, N_("show a volunteer and their shifts"),
	  cli_volunteer_show, CLI_READS | CLI_NO_ZONE,
	  cli_takes_volunteer_id, NULL },
	{ "volunteer", "edit", NULL, N_("change a volunteer"),
	  cli_volunteer_edit, CLI_NO_ZONE, cli_takes_volunteer_edit, NULL },
	{ "volunteer", "delete", NULL, N_("delete a volunteer"),
	  cli_volunteer_delete, CLI_NO_ZONE, cli_takes_volunteer_id, NULL },
	{ "volunteer", "unavailable", NULL,
	  N_("record (or remove) a period a volunteer cannot work"),
	  cli_volunteer_unavailable, 0, cli_takes_volunteer_unavailable, NULL },
	{ "volunteer", "token", NULL, N_("print (or replace) the "
	  "secret token naming a volunteer's calendar feed"),
	  cli_volunteer_token, 0, cli_takes_volunteer_token, NULL },
	{ "team", "add", NULL, N_("add a team"),
	  cli_team_add, CLI_NO_ZONE, cli_takes_team_add, NULL },
	{ "team", "join", NULL, N_("put a volunteer in a team"),
	  cli_team_join, CLI_NO_ZONE, cli_takes_team_join, NULL },
	{ "team", "leave", NULL, N_("take a volunteer out of a team"),
	  cli_team_leave, CLI_NO_ZONE, cli_takes_team_join, NULL },
	{ "team", "rename", NULL, N_("rename a team"),
	  cli_team_rename, CLI_NO_ZONE, cli_takes_team_rename, NULL },
	{ "team", "delete", NULL,
	  N_("delete a team (its members stay volunteers)"),
	  cli_team_delete, CLI_NO_ZONE, cli_takes_team_delete, NULL },
	{ "team", "list", NULL, N_("list teams and members"),
	  cli_team_list, CLI_READS | CLI_NO_ZONE, cli_takes_none, NULL },
	{ "assign", NULL, NULL, N_("put a volunteer or a team on a shift"),
	  cli_assign_assign, 0, cli_takes_assign, NULL },
	{ "unassign", NULL, NULL, N_("take a volunteer off a shift"),
	  cli_assign_unassign, 0, cli_takes_pair, NULL },
	{ "respond", NULL, NULL, N_("record a volunteer's answer"),
	  cli_assign_respond, 0, cli_takes_respond, NULL },
	{ "attended", NULL, NULL, N_("record attendance after a shift"),
	  cli_assign_attended, 0, cli_takes_attended, NULL },
	{ "who", NULL, NULL,
	  N_("who works when (--all: those who declined too)"),
	  cli_query_who, CLI_READS, cli_takes_who, NULL },
	{ "gaps", NULL, NULL, N_("shifts still short of people"),
	  cli_query_gaps, CLI_READS, cli_takes_range, NULL },
	{ "hours", NULL, NULL, N_("hours served and no-shows per volunteer"),
	  cli_query_hours, CLI_READS, cli_takes_range, NULL },
	{ "suggest", NULL, NULL,
	  N_("volunteers ranked for a shift, best first"),
	  cli_suggest_list, CLI_READS, cli_takes_suggest, NULL },
	{ "conflicts", NULL, NULL,
	  N_("every conflict in the plan, forced ones included"),
	  cli_conflict_list, CLI_READS, cli_takes_range, NULL },
	{ "import", "csv", NULL,
	  N_("add or update volunteers from a spreadsheet"),
	  cli_csv_import, CLI_NO_ZONE, cli_takes_csv_import, NULL },
	{ "export", "csv", NULL,
	  N_("volunteers or assignments for a spreadsheet"),
	  cli_csv_export, CLI_READS, cli_takes_csv_export, NULL },
	{ "print", NULL, NULL, N_("a one-page roster for the noticeboard"),
	  cli_print, CLI_READS | CLI_OWN_FORMAT, cli_takes_print, NULL },
	{ "export", "ics", NULL,
	  N_("write the plan's shifts as an iCalendar file"),
	  cli_export_ics, CLI_READS, cli_takes_export_ics, NULL },
	{ "export", "feeds", NULL, N_("one calendar per volunteer (named by "
	  "their token) and one for the plan"),
	  cli_export_feeds, 0, cli_takes_export_feeds, NULL },
	{ "invite", NULL, NULL,
	  N_("send invitations, updates and cancellations (iTIP)"),
	  cli_invite_invite, 0, cli_takes_invite, NULL },
	{ "offer", NULL, NULL,
	  N_("offer an open shift by invite, first come first served"),
	  cli_invite_offer, 0, cli_takes_offer, NULL },
	{ "import", "ics", NULL, N_("import events, or replies to invites"),
	  cli_import_ics, 0, cli_takes_import_ics, NULL },
	{ "import", "mail", NULL,
	  N_("apply replies from mail: a message, an mbox, a Maildir or -"),
	  cli_import_mail, 0, cli_takes_import_mail, NULL },
	{ "backup", NULL, NULL, N_("copy the plan to a new file, safely while "
	  "others work"),
	  cli_plan_backup, CLI_ANY_ZONE, cli_takes_file, NULL },
	{ "log", NULL, NULL,
	  N_("recent changes with who, when, before and after; newest first"),
	  cli_plan_log, CLI_READS | CLI_NO_ZONE, cli_takes_log, NULL },
	{ "undo", NULL, NULL, N_("undo your own last change (not undone yet)"),
	  cli_plan_undo, CLI_NO_ZONE, cli_takes_none, NULL },
	{ "restore", NULL, NULL, N_("replace the plan with a backup, "
	  "after checking it"),
	  cli_plan_restore, CLI_ANY_ZONE, cli_takes_restore, NULL },
	{ "volunteer", "export", NULL, N_("everything stored about a "
	  "volunteer, as json"),
	  cli_privacy_export, CLI_READS | CLI_ANY_ZONE,
	  cli_takes_volunteer_export, NULL },
	{ "volunteer", "forget", NULL, N_("erase a volunteer's personal "
	  "data everywhere, keeping anonymous counts"),
	  cli_privacy_forget, 0, cli_takes_volunteer_forget, NULL },
	{ "help", NULL, N_("[COMMAND]"),
	  N_("this list, or one command's usage"),
	  cli_help, CLI_NO_STORE, NULL, NULL },
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
	    c->verb ? c->verb : "", cli_args_usage(c));
}

/* Help fits 80 columns in every language: summaries wrap under theirs. */
#define CLI_HELP_COLUMNS 80
#define CLI_HELP_INDENT 25

/* Print text's lines, each wrapped to cols, the wrapped parts indented. */
static void
cli_help_wrap(FILE *fp, const char *text, size_t cols, int indent)
{
	char **lines, *one;
	size_t n, i, len;

	while (*text != '\0') {
		len = strcspn(text, "\n");
		one = xasprintf("%.*s", (int)len, text);
		lines = text_wrap(one, cols, &n);
		free(one);
		for (i = 0; i < n; i++) {
			fprintf(fp, "%*s%s\n", i > 0 ? indent : 0, "",
			    lines[i]);
			free(lines[i]);
		}
		free(lines);
		text += len;
		if (*text == '\n')
			text++;
	}
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
		fprintf(fp, "  %-22s ", words);
		cli_help_wrap(fp, cli_tr(cli_commands[i].summary),
		    CLI_HELP_COLUMNS - CLI_HELP_INDENT, CLI_HELP_INDENT);
	}
	fputs("\n", fp);
	cli_help_wrap(fp, _("WHEN is YYYY-MM-DD HH:MM in the plan's time "
	    "zone; DAY is YYYY-MM-DD, today or tomorrow.\n"
	    "'rooster COMMAND --help' shows a command's arguments; "
	    "man rooster tells more.\n"), CLI_HELP_COLUMNS, 0);
}

static void
cli_help_command(FILE *fp, const struct cli_command *c)
{
	fputs(_("usage: "), fp);
	cli_usage_line(fp, c);
	cli_help_wrap(fp, cli_tr(c->summary), CLI_HELP_COLUMNS, 0);
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

const struct cli_command *
cli_command_find(const char *noun, const char *verb)
{
	char *argv[2] = { (char *)noun, (char *)verb };
	int words;

	return cli_find(verb != NULL ? 2 : 1, argv, &words);
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
cli_help(struct cli_ctx *ctx)
{
	const struct cli_command *c;
	int words;

	if (ctx->argc == 0) {
		cli_help_all(stdout);
		return CLI_OK;
	}
	if ((c = cli_find(ctx->argc, ctx->argv, &words)) == NULL) {
		return cli_usage_error(ctx, _("no command '%s' (see 'rooster "
		    "help')"), ctx->argv[0]);
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
	/* Another user's files in a shared directory: refused (file.c). */
	if (strcmp(path, ":memory:") != 0 && (access(path, F_OK) != 0 ||
	    access(path, W_OK) == 0) && file_plan_check(path, &err) < 0)
		return cli_fail(&err);
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
	ctx.argc = argc - 1 - words;
	ctx.argv = argv + 1 + words;
	if (c->args != NULL && cli_args_check(&ctx, ctx.argc, ctx.argv) < 0)
		rc = CLI_USAGE;
	else
		rc = c->handler(&ctx);
	free(ctx.args.many);
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
