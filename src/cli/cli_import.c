/* SPDX-License-Identifier: ISC */
/*
 * import ics: events from a partner's calendar, or replies to invites.
 * Notes on what the file got wrong go to stderr, one line each; --strict
 * refuses the whole file at the first of them instead.
 */
#include "cli_int.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rooster/ops.h"

int
cli_import_ics(struct cli_ctx *ctx)
{
	static const struct cli_column cols[] = {
		{ "added", N_("ADDED"), CLI_INT, CLI_BOTH },
		{ "updated", N_("UPDATED"), CLI_INT, CLI_BOTH },
		{ "unchanged", N_("UNCHANGED"), CLI_INT, CLI_BOTH },
		{ "replies", N_("REPLIES"), CLI_INT, CLI_BOTH },
		{ "ignored", N_("IGNORED"), CLI_INT, CLI_BOTH },
	};
	const char *file = cli_arg(ctx, "file");
	struct ops_ics_result res;
	struct cli_table t;
	struct err err;
	char *clean, from[64], to[64];
	FILE *fp;
	size_t i;
	int rc;

	if (strcmp(file, "-") == 0)
		fp = stdin;
	else if ((fp = fopen(file, "r")) == NULL) {
		fprintf(stderr, _("rooster: cannot read %s: %s\n"), file,
		    strerror(errno));
		return CLI_FAILED;
	}
	memset(&res, 0, sizeof res);
	err_clear(&err);
	rc = ops_ics_import(ctx->st, fp, cli_arg_seen(ctx, "--strict"), &res,
	    &err);
	if (fp != stdin)
		fclose(fp);
	if (rc < 0) {
		if (err.code == ERR_INVALID) {
			clean = text_sanitize(err.msg);
			fprintf(stderr, _("rooster: %s: %s; nothing was "
			    "imported\n"), file, clean);
			free(clean);
			ops_ics_result_fini(&res);
			return CLI_USAGE;
		}
		ops_ics_result_fini(&res);
		return cli_fail(&err);
	}
	for (i = 0; i < res.nnotes; i++) {
		clean = text_sanitize(res.notes[i]);
		fprintf(stderr, _("rooster: %s: %s\n"), file, clean);
		free(clean);
	}
	/* Who answered what: a line each, for people (the table). */
	for (i = 0; i < res.nanswers; i++) {
		rtime_format_show(res.answers[i].start, from, sizeof from);
		cli_out_note(ctx, res.answers[i].already ?
		    _("%s (%s): %s for %s, %s (already so)") :
		    _("%s (%s): %s for %s, %s"), res.answers[i].volunteer,
		    res.answers[i].email,
		    _(assignment_status_name(res.answers[i].status)),
		    res.answers[i].shift, from);
	}
	/* Free/busy taken in: a line each, for people (the table). */
	for (i = 0; i < res.nbusy; i++) {
		rtime_format_show(res.busy[i].start, from, sizeof from);
		rtime_format_show(res.busy[i].end, to, sizeof to);
		cli_out_note(ctx, ngettext("%s (%s): %zu unavailable period "
		    "from their own calendar, %s to %s", "%s (%s): %zu "
		    "unavailable periods from their own calendar, %s to %s",
		    (unsigned long)res.busy[i].periods), res.busy[i].volunteer,
		    res.busy[i].email, res.busy[i].periods, from, to);
	}
	cli_table_init(&t, cols, sizeof cols / sizeof cols[0]);
	cli_table_row(&t);
	cli_table_int(&t, (int64_t)res.added);
	cli_table_int(&t, (int64_t)res.updated);
	cli_table_int(&t, (int64_t)res.unchanged);
	cli_table_int(&t, (int64_t)res.replies);
	cli_table_int(&t, (int64_t)res.ignored);
	cli_table_print(ctx, &t);
	cli_table_fini(&t);
	ops_ics_result_fini(&res);
	return CLI_OK;
}

/*
 * A message as the table names it: within a Maildir given, its name there
 * ("new/1700000001.host"); from a file or an mbox given, the file's own
 * name ("replies.mbox #3"); else as it is. Borrowed from message.
 */
static const char *
cli_import_mail_name(const struct cli_ctx *ctx, const char *message)
{
	const char *a, *base, *p;
	size_t n;
	int i;

	for (i = 0; i < ctx->args.nmany; i++) {
		a = ctx->args.many[i];
		n = strlen(a);
		if (n == 0 || strncmp(message, a, n) != 0)
			continue;
		if (message[n] == '/' || a[n - 1] == '/') {
			for (p = message + n; *p == '/'; p++)
				;
			return p;
		}
		if (message[n] != '\0' && message[n] != ' ')
			continue;
		for (base = p = message; p < message + n; p++)
			if (*p == '/')
				base = p + 1;
		return base;
	}
	return message;
}

/*
 * import mail: replies straight from a message, an mbox or a Maildir. The
 * table fits 80 columns: one WHO (the volunteer, else the sender) and one
 * WHAT (when and which shift) stand for four data columns, the message's
 * short name is shown whole or not at all (cut, it names no file) and
 * goes before names are cut, and the shift and the result keep their
 * words by wrapping.
 */
int
cli_import_mail(struct cli_ctx *ctx)
{
	static const struct cli_column cols[] = {
		{ "message", N_("MESSAGE"), CLI_TEXT, CLI_DATA },
		{ "message_shown", N_("MESSAGE"), CLI_TEXT,
		  CLI_TABLE | CLI_DROP_LATE },
		{ "from", N_("FROM"), CLI_TEXT, CLI_DATA },
		{ "who", N_("WHO"), CLI_TEXT, CLI_TABLE | CLI_FLEX | CLI_KEEP },
		{ "shift_id", N_("SHIFT"), CLI_INT, CLI_BOTH | CLI_DROP },
		{ "shift", N_("WHAT"), CLI_TEXT, CLI_DATA },
		{ "start", N_("START"), CLI_TIME, CLI_DATA },
		{ "what", N_("WHAT"), CLI_TEXT, CLI_TABLE | CLI_WRAP },
		{ "volunteer", N_("VOLUNTEER"), CLI_TEXT, CLI_DATA },
		{ "status", N_("STATUS"), CLI_WORD, CLI_BOTH },
		{ "result", N_("RESULT"), CLI_TEXT, CLI_BOTH | CLI_WRAP },
	};
	struct ops_mail_result res;
	struct ops_mail_row *r;
	struct cli_table t;
	struct err err;
	char *clean, *what, when[64];
	size_t i, k;
	int rc;

	memset(&res, 0, sizeof res);
	err_clear(&err);
	rc = ops_mail_import(ctx->st, ctx->args.many,
	    (size_t)ctx->args.nmany, &res, &err);
	if (rc < 0 && res.len == 0) {
		ops_mail_result_free(&res);
		if (err.code == ERR_INVALID) {
			clean = text_sanitize(err.msg);
			fprintf(stderr, _("rooster: %s\n"), clean);
			free(clean);
			return CLI_USAGE;
		}
		return cli_fail(&err);
	}
	cli_table_init(&t, cols, sizeof cols / sizeof cols[0]);
	for (i = 0; i < res.len; i++) {
		r = &res.rows[i];
		cli_table_row(&t);
		cli_table_text(&t, r->message);
		cli_table_text(&t, cli_import_mail_name(ctx, r->message));
		cli_table_text(&t, r->from);
		if (r->shift_id != 0) {
			cli_table_text(&t, r->volunteer);
			cli_table_int(&t, r->shift_id);
			cli_table_text(&t, r->shift);
			cli_table_time(&t, r->start);
			rtime_format_show(r->start, when, sizeof when);
			what = xasprintf("%s %s", when, r->shift);
			cli_table_text(&t, what);
			free(what);
			cli_table_text(&t, r->volunteer);
			cli_table_word(&t, r->status);
		} else {
			cli_table_text(&t, r->from);
			for (k = 0; k < 5; k++)
				cli_table_text(&t, "");
			cli_table_word(&t, "");
		}
		cli_table_text(&t, r->result);
	}
	/* A header over no rows reads as a fault: say what was found. */
	cli_table_print_or(ctx, &t, _("no calendar replies found"));
	cli_table_fini(&t);
	if (ctx->format == CLI_FORMAT_TABLE) {
		/* "1 reply applied", not "1 replies": each count its own. */
		printf(ngettext("%zu message read", "%zu messages read",
		    (unsigned long)res.messages), res.messages);
		printf(_(", %zu with a calendar part"), res.calendars);
		printf(ngettext(", %zu reply applied", ", %zu replies applied",
		    (unsigned long)res.replies), res.replies);
		printf(_(", %zu marked seen\n"), res.marked);
	}
	ops_mail_result_free(&res);
	if (rc < 0)
		return cli_fail(&err);
	return CLI_OK;
}
