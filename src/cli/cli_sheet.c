/* SPDX-License-Identifier: ISC */
/*
 * Volunteer lists from spreadsheets: read a CSV file with libcsv (comma or
 * semicolon, with or without a UTF-8 BOM, quoted fields across lines),
 * remember the physical line each record starts on, match the header's
 * column names (English or Dutch), and turn the rows into volunteers,
 * collecting every problem with its line instead of stopping at the first.
 */
#include "cli_int.h"

#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rooster/ops.h"

/*
 * Spellings a header may have besides a field's key and Dutch name
 * (volunteer_fields), after cli_sheet_key() folded them.
 */
static const struct {
	const char	*spelling;
	const char	*key;		/* of volunteer_fields */
} cli_sheet_names[] = {
	{ "fullname", "name" },
	{ "volledigenaam", "name" },
	{ "emailaddress", "email" },
	{ "emailadres", "email" },
	{ "mail", "email" },
	{ "phonenumber", "phone" },
	{ "telephone", "phone" },
	{ "mobile", "phone" },
	{ "telefoonnummer", "phone" },
	{ "tel", "phone" },
	{ "mobiel", "phone" },
	{ "gsm", "phone" },
	{ "skill", "skills" },
	{ "vaardigheid", "skills" },
	{ "language", "languages" },
	{ "taal", "languages" },
	{ "maxshiftspermonth", "max_per_month" },
	{ "maximumpermonth", "max_per_month" },
	{ "maximumpermaand", "max_per_month" },
	{ "maxdienstenpermaand", "max_per_month" },
	{ "note", "notes" },
	{ "comments", "notes" },
	{ "notitie", "notes" },
	{ "opmerkingen", "notes" },
	{ "opmerking", "notes" },
};

static void cli_sheet_key(const char *header, char *buf, size_t size);

/* The column of field f: its row in volunteer_fields. */
static int
cli_sheet_field_column(const struct model_field *f)
{
	if (f - volunteer_fields >= CLI_SHEET_ID)
		abort();	/* raise CLI_SHEET_ID */
	return (int)(f - volunteer_fields);
}

const char *
cli_sheet_column_name(enum cli_sheet_column column)
{
	static char buf[64];
	const struct model_field *f;
	char *p;

	if (column == CLI_SHEET_ID)
		return "id";
	for (f = volunteer_fields; f->key != NULL; f++)
		if (cli_sheet_field_column(f) == (int)column)
			break;
	if (f->key == NULL)
		return "?";
	/* The key as a header would say it: "max-per-month". */
	snprintf(buf, sizeof buf, "%s", f->key);
	for (p = buf; (p = strchr(p, '_')) != NULL; p++)
		*p = '-';
	return buf;
}

/*
 * Fold a header for matching: ASCII letters lowercased, spaces, dashes,
 * underscores, dots and slashes dropped, other bytes kept ("E-mail" and
 * "max-per-month" become "email" and "maxpermonth").
 */
static void
cli_sheet_key(const char *header, char *buf, size_t size)
{
	size_t n = 0;
	unsigned char c;

	for (; *header != '\0' && n + 1 < size; header++) {
		c = (unsigned char)*header;
		if (c >= 'A' && c <= 'Z')
			buf[n++] = (char)(c - 'A' + 'a');
		else if (strchr(" \t-_./", c) == NULL)
			buf[n++] = (char)c;
	}
	buf[n] = '\0';
}

int
cli_sheet_column(const char *header)
{
	const struct model_field *f;
	char key[64], name[64];
	size_t i;

	if (header == NULL || strlen(header) >= sizeof key)
		return -1;
	cli_sheet_key(header, key, sizeof key);
	if (strcmp(key, "id") == 0)
		return CLI_SHEET_ID;
	for (f = volunteer_fields; f->key != NULL; f++) {
		cli_sheet_key(f->key, name, sizeof name);
		if (strcmp(key, name) == 0)
			return cli_sheet_field_column(f);
		cli_sheet_key(f->dutch != NULL ? f->dutch : "", name,
		    sizeof name);
		if (*name != '\0' && strcmp(key, name) == 0)
			return cli_sheet_field_column(f);
	}
	for (i = 0; i < sizeof cli_sheet_names / sizeof cli_sheet_names[0];
	    i++)
		if (strcmp(key, cli_sheet_names[i].spelling) == 0 &&
		    (f = model_field_find(volunteer_fields,
		    cli_sheet_names[i].key)) != NULL)
			return cli_sheet_field_column(f);
	return -1;
}

static void
cli_sheet_problem(struct cli_sheet *sheet, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
cli_sheet_problem(struct cli_sheet *sheet, int line, const char *fmt, ...)
{
	struct cli_sheet_problem *p;
	va_list ap;

	if (sheet->nproblems == sheet->capproblems) {
		sheet->capproblems = sheet->capproblems ?
		    sheet->capproblems * 2 : 8;
		sheet->problems = xreallocarray(sheet->problems,
		    sheet->capproblems, sizeof *sheet->problems);
	}
	p = &sheet->problems[sheet->nproblems++];
	p->line = line;
	va_start(ap, fmt);
	p->msg = xvasprintf(fmt, ap);
	va_end(ap);
}

void
cli_sheet_init(struct cli_sheet *sheet)
{
	memset(sheet, 0, sizeof *sheet);
}

void
cli_sheet_fini(struct cli_sheet *sheet)
{
	size_t i, j;

	for (i = 0; i < sheet->len; i++) {
		for (j = 0; j < sheet->records[i].len; j++)
			free(sheet->records[i].fields[j]);
		free(sheet->records[i].fields);
	}
	free(sheet->records);
	for (i = 0; i < sheet->nproblems; i++)
		free(sheet->problems[i].msg);
	free(sheet->problems);
	memset(sheet, 0, sizeof *sheet);
}

/* Parser state shared with the libcsv callbacks. */
struct cli_sheet_parse {
	struct cli_sheet	*sheet;
	struct cli_sheet_record	*record;	/* open record, or NULL */
	int			 line;		/* physical line being fed */
	int			 start;		/* where the open record began */
	bool			 in_record;
};

static struct cli_sheet_record *
cli_sheet_record_open(struct cli_sheet_parse *ps)
{
	struct cli_sheet *sheet = ps->sheet;
	struct cli_sheet_record *rec;

	if (ps->record != NULL)
		return ps->record;
	rec = xarray_push(&sheet->records, &sheet->len, &sheet->cap,
	    sizeof *rec);
	rec->line = ps->start;
	ps->record = rec;
	return rec;
}

static void
cli_sheet_on_field(void *s, size_t len, void *data)
{
	struct cli_sheet_parse *ps = data;
	struct cli_sheet_record *rec = cli_sheet_record_open(ps);
	char *field;

	if (rec->len == rec->cap) {
		rec->cap = rec->cap ? rec->cap * 2 : 8;
		rec->fields = xreallocarray(rec->fields, rec->cap,
		    sizeof *rec->fields);
	}
	field = xmalloc(len + 1);
	if (len > 0)
		memcpy(field, s, len);
	field[len] = '\0';
	rec->fields[rec->len++] = field;
}

static void
cli_sheet_on_record(int c, void *data)
{
	struct cli_sheet_parse *ps = data;

	(void)c;
	cli_sheet_record_open(ps);
	ps->record = NULL;
	ps->in_record = false;
}

/*
 * The separator of the header line: ';' when it holds more semicolons
 * than commas outside quotes (as Dutch spreadsheets write), else ','.
 */
static char
cli_sheet_separator(const char *data, size_t len)
{
	size_t i, commas = 0, semicolons = 0;
	bool quoted = false;

	for (i = 0; i < len; i++) {
		if (data[i] == '"')
			quoted = !quoted;
		else if (!quoted && (data[i] == '\n' || data[i] == '\r'))
			break;
		else if (!quoted && data[i] == ',')
			commas++;
		else if (!quoted && data[i] == ';')
			semicolons++;
	}
	return semicolons > commas ? ';' : ',';
}

/* Every line valid UTF-8 without NUL bytes; else a problem for the first. */
static int
cli_sheet_check_text(struct cli_sheet *sheet, const char *data, size_t len)
{
	const char *p = data, *nl, *end = data + len;
	char *copy;
	int line = 1;
	bool ok;

	if (len >= 2 && ((unsigned char)data[0] == 0xff ||
	    (unsigned char)data[0] == 0xfe) && ((unsigned char)data[1] ==
	    0xff || (unsigned char)data[1] == 0xfe)) {
		cli_sheet_problem(sheet, 1, _("the file is UTF-16 text; save "
		    "the sheet as CSV in UTF-8"));
		return -1;
	}
	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		copy = xmalloc((size_t)(nl - p) + 1);
		memcpy(copy, p, (size_t)(nl - p));
		copy[nl - p] = '\0';
		ok = strlen(copy) == (size_t)(nl - p) && text_is_utf8(copy);
		free(copy);
		if (!ok) {
			cli_sheet_problem(sheet, line, _("not UTF-8 text; save "
			    "the sheet as CSV in UTF-8"));
			return -1;
		}
		p = nl + 1;
		line++;
	}
	return 0;
}

int
cli_sheet_read(struct cli_sheet *sheet, const char *data, size_t len)
{
	struct cli_sheet_parse ps;
	struct csv_parser parser;
	size_t i;
	char c;
	int rc = 0;

	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0) {
		data += 3;
		len -= 3;
	}
	if (cli_sheet_check_text(sheet, data, len) < 0)
		return -1;
	sheet->separator = cli_sheet_separator(data, len);
	if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) {
		cli_sheet_problem(sheet, 1, _("out of memory"));
		return -1;
	}
	csv_set_delim(&parser, (unsigned char)sheet->separator);
	memset(&ps, 0, sizeof ps);
	ps.sheet = sheet;
	ps.line = 1;
	/*
	 * Byte by byte, so that the line a record starts on is known: libcsv
	 * reports a record only when it ends, lines later if a quoted field
	 * holds line breaks.
	 */
	for (i = 0; i < len; i++) {
		c = data[i];
		if (!ps.in_record && strchr(" \t\r\n", c) == NULL) {
			ps.in_record = true;
			ps.start = ps.line;
		}
		if (csv_parse(&parser, &data[i], 1, cli_sheet_on_field,
		    cli_sheet_on_record, &ps) != 1) {
			if (csv_error(&parser) == CSV_EPARSE)
				cli_sheet_problem(sheet, ps.line,
				    _("a quote out "
				    "of place: quote the whole field and "
				    "double the quotes inside (\"\")"));
			else
				cli_sheet_problem(sheet, ps.line,
				    _("cannot read "
				    "the file: %s"),
				    csv_strerror(csv_error(&parser)));
			rc = -1;
			break;
		}
		if (c == '\n')
			ps.line++;
	}
	if (rc == 0 && csv_fini(&parser, cli_sheet_on_field,
	    cli_sheet_on_record, &ps) != 0) {
		cli_sheet_problem(sheet, ps.start,
		    _("a quoted field starts here "
		    "but its closing quote is missing"));
		rc = -1;
	}
	csv_free(&parser);
	return rc;
}

/*
 * A value as exported: libcsv already dropped the spaces around an
 * unquoted field, and a quoted one keeps its own; only the ' that
 * guards a formula (cli_csv_writer.c) goes.
 */
static char *
cli_sheet_value(char *s)
{
	if (cli_csv_writer_is_guarded(s))
		s++;
	return s;
}

/* A header cell: spaces and tabs trimmed in place, the guard dropped. */
static char *
cli_sheet_clean(char *s)
{
	char *end;

	while (*s == ' ' || *s == '\t')
		s++;
	end = s + strlen(s);
	while (end > s && (end[-1] == ' ' || end[-1] == '\t'))
		*--end = '\0';
	if (cli_csv_writer_is_guarded(s))
		s++;
	return s;
}

static bool
cli_sheet_has_control(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return true;
	return false;
}

/* yes/no in English or Dutch; -1 if neither. */
static int
cli_sheet_yes_no(const char *s)
{
	static const char *const yes[] = { "", "yes", "y", "ja", "j", "true",
	    "waar", "1", "x" };
	static const char *const no[] = { "no", "n", "nee", "false",
	    "onwaar", "0" };
	size_t i;

	for (i = 0; i < sizeof yes / sizeof yes[0]; i++)
		if (text_casecmp(s, yes[i]) == 0)
			return 1;
	for (i = 0; i < sizeof no / sizeof no[0]; i++)
		if (text_casecmp(s, no[i]) == 0)
			return 0;
	return -1;
}

/*
 * The columns a sheet of new people names, those of the fields `volunteer
 * add` takes (not active), by key ("max-per-month") or else by Dutch
 * name, comma-separated into sb.
 */
static void
cli_sheet_column_list(struct strbuf *sb, bool dutch)
{
	struct cli_arg args[CLI_ARGS_MAX + 1];
	const struct model_field *f;
	const struct cli_arg *a;

	cli_args_expand(cli_command_find("volunteer", "add"), args);
	for (f = volunteer_fields; f->key != NULL; f++)
		for (a = args; a->name != NULL; a++)
			if (strcmp(a->name, f->key) == 0 ||
			    (f->option != NULL &&
			    strcmp(a->name, f->option) == 0)) {
				if (sb->len > 0)
					strbuf_adds(sb, ", ");
				strbuf_adds(sb, dutch ? f->dutch :
				    cli_sheet_column_name((enum
				    cli_sheet_column)cli_sheet_field_column(f)));
				break;
			}
}

/* Map header cells to columns; false (with problems) if unusable. */
static bool
cli_sheet_header(struct cli_sheet *sheet, struct cli_sheet_rows *out,
    int *map, size_t nmap)
{
	const struct cli_sheet_record *head = &sheet->records[0];
	int seen[CLI_SHEET_NCOLUMNS];
	struct strbuf ignored, english, dutch;
	size_t i;
	bool ok = true;
	char *h;
	int col;

	for (i = 0; i < CLI_SHEET_NCOLUMNS; i++)
		seen[i] = -1;
	strbuf_init(&ignored);
	for (i = 0; i < nmap; i++) {
		h = cli_sheet_clean(head->fields[i]);
		map[i] = -1;
		if (*h == '\0')
			continue;
		if ((col = cli_sheet_column(h)) < 0) {
			if (ignored.len > 0)
				strbuf_adds(&ignored, ", ");
			strbuf_addf(&ignored, "'%s'", h);
			continue;
		}
		if (seen[col] >= 0) {
			cli_sheet_problem(sheet, head->line, _("columns %d and "
			    "%zu both hold the %s"), seen[col] + 1, i + 1,
			    cli_sheet_column_name((enum cli_sheet_column)col));
			ok = false;
			continue;
		}
		seen[col] = (int)i;
		map[i] = col;
		if (col != CLI_SHEET_NAME && col != CLI_SHEET_ID)
			out->fields |= ops_import_field_bit(
			    &volunteer_fields[col]);
	}
	if (seen[CLI_SHEET_NAME] < 0) {
		strbuf_init(&english);
		strbuf_init(&dutch);
		cli_sheet_column_list(&english, false);
		cli_sheet_column_list(&dutch, true);
		/* TRANSLATORS: the first %s lists the English column
		 * names, the second the Dutch ones (%2$s, %1$s reorder). */
		cli_sheet_problem(sheet, head->line, _("no name column: the "
		    "first line must name the columns (%s; or %s)"),
		    english.data, dutch.data);
		strbuf_fini(&english);
		strbuf_fini(&dutch);
		ok = false;
	}
	out->ignored = ignored.len > 0 ? strbuf_detach(&ignored) : NULL;
	strbuf_fini(&ignored);
	return ok;
}

static bool
cli_sheet_blank(const struct cli_sheet_record *rec)
{
	size_t i;
	const char *p;

	for (i = 0; i < rec->len; i++)
		for (p = rec->fields[i]; *p != '\0'; p++)
			if (*p != ' ' && *p != '\t')
				return false;
	return true;
}

/* Store value s of column col in v; problems name the record's line. */
static void
cli_sheet_set(struct cli_sheet *sheet, const struct cli_sheet_record *rec,
    struct volunteer *v, enum cli_sheet_column col, const char *s)
{
	const struct model_field *f;
	char *end;
	long n;
	int yn;

	/* The column of a field is its row in volunteer_fields. */
	f = col != CLI_SHEET_ID ? &volunteer_fields[col] : NULL;
	/* Notes alone may run over lines. */
	if ((f == NULL || strcmp(f->key, "notes") != 0) &&
	    cli_sheet_has_control(s))
		cli_sheet_problem(sheet, rec->line,
		    _("the %s holds a line break "
		    "or another control character"),
		    cli_sheet_column_name(col));
	if (f == NULL)
		return;
	if (f->kind == MODEL_FIELD_TEXT)
		model_field_set_text(v, f, s);
	else if (f->kind == MODEL_FIELD_INT) {
		n = strtol(s, &end, 10);
		if (*s == '\0')
			n = 0;
		else if (*end != '\0' || n < f->min || n > f->max) {
			/* The field's bounds; its hint says what the lowest
			 * (an empty cell) means: "0 (no limit)". */
			if (f->hint != NULL)
				cli_sheet_problem(sheet, rec->line, _("%s '%s' "
				    "is not a number from %d (%s) to %d"),
				    _(f->what), s, f->min, _(f->hint), f->max);
			else
				cli_sheet_problem(sheet, rec->line, _("%s '%s' "
				    "is not a number from %d to %d"),
				    _(f->what), s, f->min, f->max);
			return;
		}
		model_field_set_int(v, f, (int)n);
	} else if ((yn = cli_sheet_yes_no(s)) < 0)
		cli_sheet_problem(sheet, rec->line, _("%s '%s' is neither yes "
		    "nor no"), _(f->what), s);
	else
		model_field_set_int(v, f, yn == 1);
}

static bool
cli_sheet_has_email(const struct volunteer *v)
{
	return v->email != NULL && v->email[0] != '\0';
}

/* A problem if v names the same volunteer as an earlier row. */
static void
cli_sheet_duplicate(struct cli_sheet *sheet, struct cli_sheet_rows *out,
    size_t r)
{
	const struct volunteer *v = &out->rows.items[r], *w;
	size_t i;

	for (i = 0; i < r; i++) {
		w = &out->rows.items[i];
		if (cli_sheet_has_email(v) && cli_sheet_has_email(w) &&
		    text_casecmp(v->email, w->email) == 0) {
			cli_sheet_problem(sheet, out->lines[r], _("e-mail "
			    "address %s is also on line %d"), v->email,
			    out->lines[i]);
			return;
		}
		if (!cli_sheet_has_email(v) && !cli_sheet_has_email(w) &&
		    v->name != NULL && w->name != NULL &&
		    text_casecmp(v->name, w->name) == 0) {
			cli_sheet_problem(sheet, out->lines[r],
			    _("'%s' without "
			    "an e-mail address is also on line %d; give one of "
			    "them an address"), v->name, out->lines[i]);
			return;
		}
	}
}

int
cli_sheet_volunteers(struct cli_sheet *sheet, struct cli_sheet_rows *out)
{
	const struct cli_sheet_record *rec;
	struct volunteer *v;
	struct err err;
	size_t before, i, r, ncols;
	int *map;

	memset(out, 0, sizeof *out);
	if (sheet->len == 0) {
		cli_sheet_problem(sheet, 1,
		    _("the file is empty: the first line "
		    "must name the columns"));
		return -1;
	}
	ncols = sheet->records[0].len;
	map = xcalloc(ncols, sizeof *map);
	if (!cli_sheet_header(sheet, out, map, ncols)) {
		free(map);
		return -1;
	}
	out->lines = xcalloc(sheet->len, sizeof *out->lines);
	for (r = 1; r < sheet->len; r++) {
		rec = &sheet->records[r];
		if (cli_sheet_blank(rec))
			continue;
		before = sheet->nproblems;
		out->lines[out->rows.len] = rec->line;
		v = volunteer_list_push(&out->rows);
		for (i = ncols; i < rec->len; i++)
			if (*cli_sheet_clean(rec->fields[i]) != '\0') {
				cli_sheet_problem(sheet, rec->line,
				    _("%zu fields but the first line names %zu "
				    "columns (a field holding '%c' needs "
				    "quotes)"), rec->len, ncols,
				    sheet->separator);
				break;
			}
		for (i = 0; i < ncols && i < rec->len; i++)
			if (map[i] >= 0)
				cli_sheet_set(sheet, rec, v,
				    (enum cli_sheet_column)map[i],
				    cli_sheet_value(rec->fields[i]));
		err_clear(&err);
		if (volunteer_validate(v, &err) < 0)
			cli_sheet_problem(sheet, rec->line, "%s", err.msg);
		if (sheet->nproblems == before)
			cli_sheet_duplicate(sheet, out, out->rows.len - 1);
	}
	free(map);
	return sheet->nproblems > 0 ? -1 : 0;
}

void
cli_sheet_rows_fini(struct cli_sheet_rows *rows)
{
	volunteer_list_free(&rows->rows);
	free(rows->lines);
	free(rows->ignored);
	memset(rows, 0, sizeof *rows);
}
