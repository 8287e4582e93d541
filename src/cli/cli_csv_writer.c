/* SPDX-License-Identifier: ISC */
/*
 * The one CSV writer: RFC 4180 fields (libcsv quotes them), CRLF rows,
 * and the guard against spreadsheet formulas inside the field, where
 * import csv finds it again. To a terminal, control characters are shown
 * escaped as everywhere else; to a file or a pipe the data stays as
 * stored.
 */
#include "cli_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <csv.h>

/* A phone number or a negative number: safe although it starts with + or -. */
static bool
cli_csv_writer_is_number_like(const char *s)
{
	return s[strspn(s, "0123456789 +-()./")] == '\0';
}

bool
cli_csv_writer_is_formula(const char *s)
{
	if (s[0] == '=' || s[0] == '@' || s[0] == '\t' || s[0] == '\r')
		return true;
	return (s[0] == '+' || s[0] == '-') && !cli_csv_writer_is_number_like(s);
}

bool
cli_csv_writer_is_guarded(const char *s)
{
	return s[0] == '\'' && (cli_csv_writer_is_formula(s + 1) ||
	    s[1] == '\'');
}

void
cli_csv_writer_init(struct cli_csv_writer *w, FILE *fp, char separator,
    bool quote_all)
{
	memset(w, 0, sizeof *w);
	w->fp = fp;
	w->separator = separator;
	w->quote_all = quote_all;
	w->first = true;
	w->terminal = isatty(fileno(fp)) != 0;
}

void
cli_csv_writer_field(struct cli_csv_writer *w, const char *s)
{
	char *guarded = NULL, *shown = NULL;
	bool quote;

	if (s == NULL)
		s = "";
	if (!w->first)
		fputc(w->separator, w->fp);
	w->first = false;
	if (w->terminal)
		s = shown = text_sanitize(s);
	/*
	 * A cell starting with = + - @ TAB or CR is a formula to some
	 * spreadsheet: a ' inside the field makes it text, and import csv
	 * drops it again. A value that starts with such a ' gets one more.
	 */
	if (cli_csv_writer_is_formula(s) || cli_csv_writer_is_guarded(s))
		s = guarded = xasprintf("'%s", s);
	quote = w->quote_all || strchr(s, w->separator) != NULL ||
	    strpbrk(s, "\"\r\n\t") != NULL || s[0] == ' ' ||
	    (s[0] != '\0' && s[strlen(s) - 1] == ' ');
	if (quote)
		csv_fwrite(w->fp, s, strlen(s));
	else
		fputs(s, w->fp);
	free(guarded);
	free(shown);
}

void
cli_csv_writer_end_row(struct cli_csv_writer *w)
{
	fputs("\r\n", w->fp);
	w->first = true;
}
