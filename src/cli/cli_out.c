/* SPDX-License-Identifier: ISC */
/*
 * The one place that prints data: rows become an aligned table (measured
 * in display columns, stripped of control characters, fitted to the
 * terminal), RFC 4180 csv through libcsv, or json through jansson.
 */
#include "cli_int.h"

#include <csv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

/*
 * Strings kept a block at a time: a table of a thousand rows copied each
 * of its ten thousand texts into a malloc of its own and freed each
 * again, as much work as measuring and printing them.
 */
struct cli_texts {
	struct cli_texts	*next;		/* the block filled before */
	size_t			 len;		/* bytes used */
	size_t			 cap;		/* bytes in data */
	char			 data[];
};

#define CLI_TEXTS_FIRST	4096		/* a block's size, doubling */
#define CLI_TEXTS_MOST	(64 * 1024)	/* up to this */

/* A copy of the n bytes at s, NUL-terminated, kept in *head's blocks. */
static const char *
cli_texts_add(struct cli_texts **head, const char *s, size_t n)
{
	struct cli_texts *b = *head;
	size_t cap;
	char *p;

	if (b == NULL || b->cap - b->len <= n) {
		cap = b == NULL ? CLI_TEXTS_FIRST : b->cap < CLI_TEXTS_MOST ?
		    b->cap * 2 : b->cap;
		if (cap <= n)
			cap = n + 1;
		b = xmalloc(sizeof *b + cap);
		b->next = *head;
		b->len = 0;
		b->cap = cap;
		*head = b;
	}
	p = b->data + b->len;
	memcpy(p, s, n);
	p[n] = '\0';
	b->len += n + 1;
	return p;
}

static void
cli_texts_free(struct cli_texts **head)
{
	struct cli_texts *b;

	while ((b = *head) != NULL) {
		*head = b->next;
		free(b);
	}
}

/* s (NULL: fallback) kept for the life of t. */
static const char *
cli_table_keep(struct cli_table *t, const char *s, const char *fallback)
{
	if (s == NULL)
		s = fallback;
	return cli_texts_add(&t->texts, s, strlen(s));
}

void
cli_table_init(struct cli_table *t, const struct cli_column *cols,
    size_t ncols)
{
	memset(t, 0, sizeof *t);
	t->cols = cols;
	t->ncols = ncols;
}

void
cli_table_fini(struct cli_table *t)
{
	cli_texts_free(&t->texts);
	free(t->field_of);
	free(t->cells);
	memset(t, 0, sizeof *t);
}

void
cli_table_row(struct cli_table *t)
{
	if (t->nrows == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 16;
		t->cells = xreallocarray(t->cells, t->cap * t->ncols,
		    sizeof *t->cells);
	}
	memset(&t->cells[t->nrows * t->ncols], 0,
	    t->ncols * sizeof *t->cells);
	t->nrows++;
	t->fill = 0;
}

/* The next cell of the last row, of type type. */
static struct cli_cell *
cli_table_next(struct cli_table *t, enum cli_type type)
{
	struct cli_cell *c;

	if (t->nrows == 0 || t->fill >= t->ncols) {
		/* A row builder wrote more cells than columns: a bug. */
		fprintf(stderr, _("rooster: internal error: table overflow\n"));
		abort();
	}
	c = &t->cells[(t->nrows - 1) * t->ncols + t->fill++];
	c->type = type;
	return c;
}

void
cli_table_text(struct cli_table *t, const char *s)
{
	cli_table_next(t, CLI_TEXT)->text = cli_table_keep(t, s, "");
}

void
cli_table_int(struct cli_table *t, int64_t v)
{
	cli_table_next(t, CLI_INT)->num = v;
}

void
cli_table_time(struct cli_table *t, int64_t v)
{
	cli_table_next(t, CLI_TIME)->num = v;
}

void
cli_table_day(struct cli_table *t, int64_t v)
{
	cli_table_next(t, CLI_DAY)->num = v;
}

void
cli_table_json(struct cli_table *t, const char *json)
{
	cli_table_next(t, CLI_JSON)->text = cli_table_keep(t, json, "null");
}

/*
 * The words cli_table_word() shows, for xgettext: statuses of events and
 * assignments, answers, and outcomes of assign, invite, export feeds and
 * import csv.
 */
static const char *const cli_out_words[] __attribute__((unused)) = {
	N_("confirmed"), N_("tentative"), N_("cancelled"), N_("planned"),
	N_("invited"), N_("accepted"), N_("declined"), N_("yes"), N_("no"),
	N_("placed"), N_("skipped"), N_("draft"), N_("written"), N_("sent"),
	N_("failed"), N_("unchanged"), N_("removed"), N_("add"),
	N_("added"), N_("update"), N_("updated"), N_("offered")
};

void
cli_table_word(struct cli_table *t, const char *word)
{
	struct cli_cell *c = cli_table_next(t, CLI_WORD);
	size_t i;

	if (word == NULL)
		word = "";
	/*
	 * gettext looks each word up again (about 1,600 instructions in
	 * the C locale): a table of a thousand statuses asked it for each
	 * cell every time the cell was measured or printed. A word seen
	 * before shares that cell's copy.
	 */
	for (i = 0; i < t->nwords; i++)
		if (strcmp(t->words[i].word, word) == 0) {
			c->text = t->words[i].word;
			c->shown = t->words[i].shown;
			return;
		}
	c->text = cli_table_keep(t, word, "");
	c->shown = c->text[0] == '\0' ? c->text : _(c->text);
	if (t->nwords < sizeof t->words / sizeof t->words[0]) {
		t->words[t->nwords].word = c->text;
		t->words[t->nwords++].shown = c->shown;
	}
}

void
cli_table_real(struct cli_table *t, double v)
{
	cli_table_next(t, CLI_REAL)->real = v;
}

void
cli_table_when(struct cli_table *t, const char *text, int64_t start,
    int64_t end)
{
	struct cli_cell *c = cli_table_next(t, CLI_TEXT);

	c->text = cli_table_keep(t, text, "");
	c->num = start;
	c->end = end;
	c->when = true;
}

size_t
cli_out_width(void)
{
	struct winsize ws;

	const char *env = getenv("COLUMNS");
	long n;

	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
	    ws.ws_col >= 20)
		return ws.ws_col;
	/* A pipe or a file: COLUMNS says how wide the reader is. */
	if (env != NULL && (n = strtol(env, NULL, 10)) >= 20 && n <= 1000)
		return (size_t)n;
	return 80;
}

/*
 * v in decimal at the start of buf (at least 21 bytes): what "%lld"
 * writes, without snprintf's few hundred instructions for each id of a
 * long table.
 */
static void
cli_int_text(int64_t v, char *buf)
{
	uint64_t u = v < 0 ? -(uint64_t)v : (uint64_t)v;
	char digits[24];
	size_t n = 0, i = 0;

	do {
		digits[n++] = (char)('0' + u % 10);
		u /= 10;
	} while (u != 0);
	if (v < 0)
		buf[i++] = '-';
	while (n > 0)
		buf[i++] = digits[--n];
	buf[i] = '\0';
}

/*
 * The cell as people read it (table) or as data (csv): its own text, or
 * formatted into buf (at least 64 bytes). Borrowed.
 */
static const char *
cli_cell_peek(const struct cli_cell *c, bool data, char *buf, size_t size)
{
	switch (c->type) {
	case CLI_JSON:
		/* A json boolean reads as a word in a table ("ALL DAY: no"). */
		if (!data && strcmp(c->text, "true") == 0)
			return _("yes");
		if (!data && strcmp(c->text, "false") == 0)
			return _("no");
		return c->text;
	case CLI_TEXT:
		return c->text;
	case CLI_WORD:
		return data ? c->text : c->shown;
	case CLI_INT:
		cli_int_text(c->num, buf);
		return buf;
	case CLI_REAL:
		snprintf(buf, size, "%.2f", c->real);
		return buf;
	case CLI_TIME:
		if (data)
			rtime_format_iso(c->num, buf, size);
		else
			rtime_format_show(c->num, buf, size);
		return buf;
	case CLI_DAY:
		if (data)
			rtime_format(c->num, "%Y-%m-%d", buf, size);
		else
			rtime_format_day(c->num, buf, size);
		return buf;
	}
	return "";
}

/* The same as a new string. */
static char *
cli_cell_string(const struct cli_cell *c, bool data)
{
	char buf[64];

	return xstrdup(cli_cell_peek(c, data, buf, sizeof buf));
}

/*
 * A cell of a printed table as people read it, measured once: the width
 * decides the columns and the printing pads to them.
 */
struct cli_shown {
	const char	*text;		/* the cell's, or the printer's copy */
	size_t		 width;		/* text_width(text) */
};

/*
 * Narrow the columns with one of flags (and none of without) that are
 * wider than floor, one display column at a time and the widest first,
 * until the table fits avail.
 */
static void
cli_table_shrink(const struct cli_table *t, size_t *width, const bool *hidden,
    size_t *total, size_t avail, int flags, int without, size_t floor)
{
	size_t i, widest;

	while (*total > avail) {
		widest = t->ncols;
		for (i = 0; i < t->ncols; i++)
			if (!hidden[i] && (t->cols[i].flags & flags) &&
			    !(t->cols[i].flags & without) && width[i] > floor &&
			    (widest == t->ncols || width[i] > width[widest]))
				widest = i;
		if (widest == t->ncols)
			break;
		width[widest]--;
		(*total)--;
	}
}

/*
 * Leave out the columns with all of flags (and none of without), right
 * to left, until it fits.
 */
static void
cli_table_drop(const struct cli_table *t, const size_t *width, bool *hidden,
    size_t *total, size_t avail, int flags, int without)
{
	size_t i;

	for (i = t->ncols; *total > avail && i-- > 0;)
		if (!hidden[i] && (t->cols[i].flags & flags) == flags &&
		    !(t->cols[i].flags & without)) {
			hidden[i] = true;
			*total -= *total > width[i] + 2 ? width[i] + 2 : *total;
		}
}

/*
 * Write the CLI_BRIEF columns with all of flags without the year (brief:
 * nrows * ncols texts, NULL where a row keeps its own, which is no
 * wider) while the table is too wide and their rows lie within
 * CLI_BRIEF_SPAN.
 */
static void
cli_table_brief(const struct cli_table *t, size_t *width, const bool *hidden,
    char **brief, size_t *total, size_t avail, int flags)
{
	const struct cli_cell *c;
	int64_t first, last;
	size_t i, r, w;
	char buf[128];

	for (i = 0; *total > avail && i < t->ncols; i++) {
		if (hidden[i] || (t->cols[i].flags & (CLI_BRIEF | flags)) !=
		    (CLI_BRIEF | flags))
			continue;
		first = INT64_MAX;
		last = INT64_MIN;
		for (r = 0; r < t->nrows; r++) {
			c = &t->cells[r * t->ncols + i];
			/* Not a time, or brief already. */
			if (!c->when || brief[r * t->ncols + i] != NULL)
				break;
			first = c->num < first ? c->num : first;
			last = c->end > last ? c->end : last;
		}
		if (r < t->nrows || last - first >= CLI_BRIEF_SPAN)
			continue;
		w = text_width(_(t->cols[i].header));
		for (r = 0; r < t->nrows; r++) {
			c = &t->cells[r * t->ncols + i];
			cli_when_brief(c->num, c->end, buf, sizeof buf);
			free(brief[r * t->ncols + i]);
			brief[r * t->ncols + i] = NULL;
			if (text_width(buf) < text_width(c->text))
				brief[r * t->ncols + i] = xstrdup(buf);
			if (text_width(brief[r * t->ncols + i] != NULL ? buf :
			    c->text) > w)
				w = text_width(brief[r * t->ncols + i] !=
				    NULL ? buf : c->text);
		}
		if (w >= width[i]) {
			/* Nothing gained: every row as it was. */
			for (r = 0; r < t->nrows; r++) {
				free(brief[r * t->ncols + i]);
				brief[r * t->ncols + i] = NULL;
			}
			continue;
		}
		*total -= width[i] - w;
		width[i] = w;
	}
}

/*
 * Too wide (80 columns over SSH, a pipe): what people act on stays whole
 * longest. A column with nothing in any row goes before anything else
 * (its header alone says nothing). Then second ids go (right to left: a
 * name says the same), the other flexible columns shrink, sentences and
 * notes wrap onto more lines (down to CLI_WRAP_MIN), then status words
 * and draft marks go, times leave out their year (CLI_BRIEF; with
 * CLI_DROP as soon as the second ids went), a flexible column that may
 * go goes (the year back if that leaves room), and names and titles
 * shrink last, the widest first; room a dropped column leaves goes back
 * to what was narrowed.
 */
static void
cli_table_fit(const struct cli_table *t, const struct cli_shown *shown,
    size_t *width, bool *hidden, char **brief, size_t total, size_t avail)
{
	static const int give_back[] = { CLI_WRAP, CLI_KEEP, CLI_FLEX };
	size_t *whole, i, r, k;

	whole = xcalloc(t->ncols, sizeof *whole);
	memcpy(whole, width, t->ncols * sizeof *whole);
	for (i = t->ncols; total > avail && t->nrows > 0 && i-- > 0;) {
		if (hidden[i])
			continue;
		for (r = 0; r < t->nrows; r++)
			if (*shown[r * t->ncols + i].text != '\0')
				break;
		if (r == t->nrows) {
			hidden[i] = true;
			total -= total > width[i] + 2 ? width[i] + 2 : total;
		}
	}
	if (t->nrows > 0) {
		cli_table_drop(t, width, hidden, &total, avail, CLI_DROP,
		    CLI_BRIEF);
		cli_table_brief(t, width, hidden, brief, &total, avail,
		    CLI_DROP);
		cli_table_shrink(t, width, hidden, &total, avail, CLI_FLEX,
		    CLI_KEEP | CLI_WRAP, 8);
		cli_table_shrink(t, width, hidden, &total, avail, CLI_WRAP, 0,
		    CLI_WRAP_MIN);
		cli_table_drop(t, width, hidden, &total, avail, CLI_DROP_LATE,
		    CLI_FLEX);
		cli_table_brief(t, width, hidden, brief, &total, avail, 0);
		cli_table_drop(t, width, hidden, &total, avail,
		    CLI_DROP_LATE | CLI_FLEX, 0);
		/* A column gone may leave room for the year again. */
		for (i = 0; i < t->ncols; i++) {
			if (hidden[i] || width[i] == whole[i] ||
			    !(t->cols[i].flags & CLI_BRIEF) ||
			    total + whole[i] - width[i] > avail)
				continue;
			total += whole[i] - width[i];
			width[i] = whole[i];
			for (r = 0; r < t->nrows; r++) {
				free(brief[r * t->ncols + i]);
				brief[r * t->ncols + i] = NULL;
			}
		}
		cli_table_shrink(t, width, hidden, &total, avail, CLI_WRAP, 0,
		    12);
		cli_table_shrink(t, width, hidden, &total, avail,
		    CLI_KEEP | CLI_WRAP, 0, 8);
	}
	for (k = 0; k < sizeof give_back / sizeof give_back[0]; k++)
		for (i = 0; i < t->ncols; i++)
			while (!hidden[i] && (t->cols[i].flags & give_back[k]) &&
			    width[i] < whole[i] && total < avail) {
				width[i]++;
				total++;
			}
	free(whole);
}

/*
 * Row r (0: the header) as its lines: a CLI_WRAP cell wider than its
 * column takes as many as its words need, the other cells stand on the
 * first. lines and nlines: ncols each, empty, and left so.
 */
static void
cli_table_print_row(const struct cli_table *t, const struct cli_shown *shown,
    size_t r, const size_t *width, const bool *hidden, char *const *brief,
    size_t last, char ***lines, size_t *nlines, struct strbuf *sb)
{
	const struct cli_cell *c;
	const struct cli_shown *sh;
	size_t i, k, height = 1, n, w;
	const char *s;

	for (i = 0; r > 0 && i < t->ncols; i++) {
		if (hidden[i] || !(t->cols[i].flags & CLI_WRAP))
			continue;
		sh = &shown[(r - 1) * t->ncols + i];
		if (sh->width <= width[i])
			continue;
		lines[i] = text_wrap(sh->text, width[i], &nlines[i]);
		if (nlines[i] > height)
			height = nlines[i];
	}
	for (k = 0; k < height; k++) {
		strbuf_reset(sb);
		n = 0;
		for (i = 0; i < t->ncols; i++) {
			if (hidden[i])
				continue;
			if (n++)
				strbuf_adds(sb, "  ");
			c = r > 0 ? &t->cells[(r - 1) * t->ncols + i] : NULL;
			sh = r > 0 ? &shown[(r - 1) * t->ncols + i] : NULL;
			if (lines[i] != NULL)
				s = k < nlines[i] ? lines[i][k] : "";
			else if (k > 0)
				s = "";
			else if (c == NULL)
				s = _(t->cols[i].header);
			else if (brief[(r - 1) * t->ncols + i] != NULL)
				s = brief[(r - 1) * t->ncols + i];
			else
				s = sh->text;
			/* Numbers align right, text left. */
			if (c != NULL && c->type == CLI_INT) {
				w = s == sh->text ? sh->width : text_width(s);
				if (w < width[i])
					strbuf_addchars(sb, ' ', width[i] - w);
				text_fit(sb, s, width[i], false);
			} else
				text_fit(sb, s, width[i], i != last);
		}
		while (sb->len > 0 && sb->data[sb->len - 1] == ' ')
			sb->data[--sb->len] = '\0';
		puts(strbuf_str(sb));
	}
	for (i = 0; i < t->ncols; i++) {
		for (k = 0; k < nlines[i]; k++)
			free(lines[i][k]);
		free(lines[i]);
		lines[i] = NULL;
		nlines[i] = 0;
	}
}

static void
cli_table_print_text(const struct cli_table *t)
{
	size_t *width, *nlines, total = 0, i, r, shown = 0, last = 0;
	struct cli_texts *texts = NULL;
	struct cli_shown *cells, *sh;
	char **brief, ***lines;
	bool *hidden;
	struct strbuf sb;
	const char *s;
	char buf[64];

	width = xcalloc(t->ncols, sizeof *width);
	hidden = xcalloc(t->ncols, sizeof *hidden);
	cells = xcalloc(t->nrows * t->ncols + 1, sizeof *cells);
	for (i = 0; i < t->ncols; i++) {
		hidden[i] = !(t->cols[i].flags & CLI_TABLE);
		if (hidden[i])
			continue;
		width[i] = text_width(_(t->cols[i].header));
		for (r = 0; r < t->nrows; r++) {
			sh = &cells[r * t->ncols + i];
			s = cli_cell_peek(&t->cells[r * t->ncols + i], false,
			    buf, sizeof buf);
			sh->text = s != buf ? s : cli_texts_add(&texts, buf,
			    strlen(buf));
			if ((sh->width = text_width(sh->text)) > width[i])
				width[i] = sh->width;
		}
		total += width[i] + (shown++ ? 2 : 0);
	}
	brief = xcalloc(t->nrows * t->ncols + 1, sizeof *brief);
	cli_table_fit(t, cells, width, hidden, brief, total, cli_out_width());
	for (i = 0; i < t->ncols; i++)
		if (!hidden[i])
			last = i;
	lines = xcalloc(t->ncols, sizeof *lines);
	nlines = xcalloc(t->ncols, sizeof *nlines);
	strbuf_init(&sb);
	for (r = 0; r <= t->nrows; r++)
		cli_table_print_row(t, cells, r, width, hidden, brief, last,
		    lines, nlines, &sb);
	strbuf_fini(&sb);
	for (i = 0; i < t->nrows * t->ncols; i++)
		free(brief[i]);
	free(brief);
	free(lines);
	free(nlines);
	free(cells);
	cli_texts_free(&texts);
	free(width);
	free(hidden);
}

static void
cli_table_print_csv(const struct cli_table *t, size_t from, size_t to)
{
	struct cli_csv_writer w;
	char buf[64];
	size_t i, r;

	cli_csv_writer_init(&w, stdout, ',', true);
	for (i = 0; i < t->ncols; i++)
		if (t->cols[i].flags & CLI_DATA)
			cli_csv_writer_field(&w, t->cols[i].key);
	cli_csv_writer_end_row(&w);
	for (r = from; r < to; r++) {
		for (i = 0; i < t->ncols; i++) {
			if (!(t->cols[i].flags & CLI_DATA))
				continue;
			cli_csv_writer_field(&w, cli_cell_peek(&t->cells[r *
			    t->ncols + i], true, buf, sizeof buf));
		}
		cli_csv_writer_end_row(&w);
	}
}

static json_t *
cli_json_text(const char *s)
{
	json_t *j = json_string(s);

	if (j == NULL) {	/* not UTF-8: never expected, never fatal */
		char *clean = text_sanitize(s);

		j = json_string(clean);
		free(clean);
	}
	return j;
}

/* Embedded json text as a value; text that does not parse as a string. */
static json_t *
cli_json_value(const char *s)
{
	json_t *j = json_loads(s, JSON_DECODE_ANY, NULL);

	return j != NULL ? j : cli_json_text(s);
}

json_t *
cli_table_json_row(const struct cli_table *t, size_t r)
{
	const struct cli_cell *c;
	json_t *obj = json_object();
	char buf[64];
	size_t i;

	for (i = 0; i < t->ncols; i++) {
		if (!(t->cols[i].flags & CLI_DATA))
			continue;
		c = &t->cells[r * t->ncols + i];
		switch (c->type) {
		case CLI_TEXT:
		case CLI_WORD:
			json_object_set_new(obj, t->cols[i].key,
			    cli_json_text(c->text));
			break;
		case CLI_JSON:
			json_object_set_new(obj, t->cols[i].key,
			    cli_json_value(c->text));
			break;
		case CLI_INT:
			json_object_set_new(obj, t->cols[i].key,
			    json_integer(c->num));
			break;
		case CLI_REAL:
			json_object_set_new(obj, t->cols[i].key,
			    json_real(c->real));
			break;
		case CLI_TIME:
			rtime_format_iso(c->num, buf, sizeof buf);
			json_object_set_new(obj, t->cols[i].key,
			    json_string(buf));
			break;
		case CLI_DAY:
			rtime_format(c->num, "%Y-%m-%d", buf, sizeof buf);
			json_object_set_new(obj, t->cols[i].key,
			    json_string(buf));
			break;
		}
	}
	return obj;
}

static void
cli_json_print(json_t *j)
{
	json_dumpf(j, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	fputc('\n', stdout);
	json_decref(j);
}

/* Which outputs of `show` print field f: CLI_BOTH, CLI_TABLE or none. */
static int
cli_record_shown(const struct model_field *f)
{
	if (f->flags & MODEL_FIELD_SHOW_NONE)
		return 0;
	return f->flags & MODEL_FIELD_SHOW_TABLE ? CLI_TABLE : CLI_BOTH;
}

/* The type of field f's cells. */
static enum cli_type
cli_field_type(const struct model_field *f)
{
	static const enum cli_type types[] = {
		[MODEL_FIELD_TEXT] = CLI_TEXT, [MODEL_FIELD_INT] = CLI_INT,
		[MODEL_FIELD_BOOL] = CLI_TEXT, [MODEL_FIELD_ID] = CLI_INT,
		[MODEL_FIELD_TIME] = CLI_TIME, [MODEL_FIELD_ENUM] = CLI_TEXT,
		[MODEL_FIELD_REAL] = CLI_REAL
	};

	return f->flags & MODEL_FIELD_TRUTH ? CLI_JSON : types[f->kind];
}

size_t
cli_record_columns(struct cli_column *cols, size_t n,
    const struct model_field *fields)
{
	size_t k = 0;

	if (n == 0)
		return 0;
	cols[k].key = "id";
	cols[k].header = N_("ID");
	cols[k].type = CLI_INT;
	cols[k++].flags = CLI_BOTH;
	for (; fields->key != NULL && k < n; fields++) {
		if (cli_record_shown(fields) == 0)
			continue;
		cols[k].key = fields->key;
		cols[k].header = fields->label;
		cols[k].type = cli_field_type(fields);
		cols[k++].flags = cli_record_shown(fields);
	}
	return k;
}

size_t
cli_list_columns(struct cli_column *cols, size_t n,
    const struct cli_column *shown, size_t nshown,
    const struct model_field *fields)
{
	size_t i, k = 0;

	for (i = 0; i < nshown && k < n; i++)
		if (shown[i].flags != 0)
			cols[k++] = shown[i];
	for (; fields->key != NULL && k < n; fields++) {
		if (cli_record_shown(fields) != CLI_BOTH ||
		    (fields->flags & MODEL_FIELD_DERIVED))
			continue;
		for (i = 0; i < nshown; i++)
			if (strcmp(shown[i].key, fields->key) == 0)
				break;
		if (i < nshown)
			continue;
		cols[k].key = fields->key;
		cols[k].header = fields->label;
		cols[k].type = cli_field_type(fields);
		cols[k++].flags = CLI_DATA;
	}
	return k;
}

void
cli_record_init(struct cli_table *t, struct cli_column *cols, int64_t id,
    const void *rec, const struct model_field *fields,
    cli_record_cell_fn cell)
{
	cli_table_init(t, cols, cli_record_columns(cols, CLI_RECORD_MAX,
	    fields));
	cli_table_row(t);
	cli_table_int(t, id);
	cli_record_row_with(t, rec, fields, cell);
}

void
cli_record_row(struct cli_table *t, const void *rec,
    const struct model_field *fields)
{
	cli_record_row_with(t, rec, fields, NULL);
}

void
cli_table_field(struct cli_table *t, const void *rec,
    const struct model_field *f)
{
	switch (f->kind) {
	case MODEL_FIELD_TEXT:
		cli_table_text(t, model_field_text(rec, f));
		break;
	case MODEL_FIELD_BOOL:
		if (f->flags & MODEL_FIELD_TRUTH)
			cli_table_json(t, model_field_int(rec, f) ? "true" :
			    "false");
		else
			cli_table_word(t, model_field_int(rec, f) ? "yes" :
			    "no");
		break;
	case MODEL_FIELD_ID:
		cli_table_int(t, model_field_int64(rec, f));
		break;
	case MODEL_FIELD_TIME:
		if (model_field_int64(rec, f) == 0 &&
		    (f->flags & MODEL_FIELD_NULL))
			cli_table_text(t, "");
		else
			cli_table_time(t, model_field_int64(rec, f));
		break;
	case MODEL_FIELD_ENUM:
		cli_table_word(t, model_field_name(rec, f));
		break;
	case MODEL_FIELD_REAL:
		cli_table_real(t, model_field_real(rec, f));
		break;
	default:
		cli_table_int(t, model_field_int(rec, f));
		break;
	}
}

void
cli_table_fields(struct cli_table *t, const void *rec,
    const struct model_field *fields)
{
	const struct model_field *f;
	size_t i;

	/* Each column's field looked up once a table, not once a row. */
	if (t->fields != fields) {
		if (t->field_of == NULL)
			t->field_of = xcalloc(t->ncols + 1,
			    sizeof *t->field_of);
		for (i = 0; i < t->ncols; i++)
			t->field_of[i] = model_field_find(fields,
			    t->cols[i].key);
		t->fields = fields;
	}
	while (t->fill < t->ncols && (f = t->field_of[t->fill]) != NULL)
		cli_table_field(t, rec, f);
}

void
cli_record_row_with(struct cli_table *t, const void *rec,
    const struct model_field *fields, cli_record_cell_fn cell)
{
	for (; fields->key != NULL; fields++)
		if (cli_record_shown(fields) != 0 && (cell == NULL ||
		    !cell(t, rec, fields)))
			cli_table_field(t, rec, fields);
}

void
cli_table_print(const struct cli_ctx *ctx, const struct cli_table *t)
{
	json_t *arr;
	size_t r;

	switch (ctx->format) {
	case CLI_FORMAT_TABLE:
		cli_table_print_text(t);
		break;
	case CLI_FORMAT_CSV:
		cli_table_print_csv(t, 0, t->nrows);
		break;
	case CLI_FORMAT_JSON:
		arr = json_array();
		for (r = 0; r < t->nrows; r++)
			json_array_append_new(arr, cli_table_json_row(t, r));
		cli_json_print(arr);
		break;
	}
}

void
cli_table_print_or(const struct cli_ctx *ctx, const struct cli_table *t,
    const char *none)
{
	if (ctx->format == CLI_FORMAT_TABLE && t->nrows == 0)
		printf("%s\n", none);
	else
		cli_table_print(ctx, t);
}

/*
 * Print sb (a record's label, indent wide) and then value: whole, or
 * wrapped onto lines under the first when wider than the terminal, so
 * that a long title or note keeps its words.
 */
static void
cli_table_print_value(struct strbuf *sb, const char *value, size_t indent)
{
	size_t avail = cli_out_width() > indent + 1 ?
	    cli_out_width() - indent - 1 : 10, n = 1, k;
	char **lines = NULL;

	if (avail < 10)
		avail = 10;
	if (text_width(value) > avail)
		lines = text_wrap(value, avail, &n);
	for (k = 0; k < n; k++) {
		if (k > 0) {
			strbuf_reset(sb);
			text_fit(sb, "", indent, true);
		}
		text_fit(sb, lines != NULL ? lines[k] : value, avail, false);
		puts(strbuf_str(sb));
		if (lines != NULL)
			free(lines[k]);
	}
	free(lines);
}

void
cli_table_print_record(const struct cli_ctx *ctx, const struct cli_table *t,
    json_t *extra)
{
	struct strbuf sb;
	size_t i, w = 0;
	json_t *obj;
	char *s;

	if (t->nrows == 0) {
		json_decref(extra);
		return;
	}
	switch (ctx->format) {
	case CLI_FORMAT_TABLE:
		for (i = 0; i < t->ncols; i++)
			if (text_width(_(t->cols[i].header)) > w)
				w = text_width(_(t->cols[i].header));
		strbuf_init(&sb);
		for (i = 0; i < t->ncols; i++) {
			strbuf_reset(&sb);
			s = xasprintf("%s:", _(t->cols[i].header));
			text_fit(&sb, s, w + 2, true);
			free(s);
			s = cli_cell_string(&t->cells[i], false);
			cli_table_print_value(&sb, s, w + 2);
			free(s);
		}
		strbuf_fini(&sb);
		json_decref(extra);
		break;
	case CLI_FORMAT_CSV:
		cli_table_print_csv(t, 0, 1);
		json_decref(extra);
		break;
	case CLI_FORMAT_JSON:
		obj = cli_table_json_row(t, 0);
		if (extra != NULL) {
			json_object_update(obj, extra);
			json_decref(extra);
		}
		cli_json_print(obj);
		break;
	}
}

void
cli_out_json(json_t *j, FILE *fp)
{
	json_dumpf(j, fp, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	fputc('\n', fp);
	json_decref(j);
}

void
cli_out_id(const struct cli_ctx *ctx, int64_t id)
{
	if (ctx->format == CLI_FORMAT_JSON)
		printf("{\"id\": %lld}\n", (long long)id);
	else
		printf("%lld\n", (long long)id);
}

int
cli_out_added(const struct cli_ctx *ctx, int rc, const int64_t *id,
    struct err *err)
{
	if (rc < 0)
		return cli_fail(err);
	cli_out_id(ctx, *id);
	return CLI_OK;
}

void
cli_out_note(const struct cli_ctx *ctx, const char *fmt, ...)
{
	va_list ap;
	char *s, *clean;

	if (ctx->format != CLI_FORMAT_TABLE)
		return;
	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	clean = text_sanitize(s);
	puts(clean);
	free(clean);
	free(s);
}

void
cli_table_print_record_lists(const struct cli_ctx *ctx,
    const struct cli_table *t, const struct cli_record_list *lists,
    size_t n)
{
	json_t *arr, *extra = NULL;
	size_t i, k;

	if (ctx->format == CLI_FORMAT_JSON) {
		extra = json_object();
		for (k = 0; k < n; k++) {
			arr = json_array();
			for (i = 0; i < lists[k].list->nrows; i++)
				json_array_append_new(arr,
				    cli_table_json_row(lists[k].list, i));
			json_object_set_new(extra, lists[k].key, arr);
		}
	}
	cli_table_print_record(ctx, t, extra);
	if (ctx->format != CLI_FORMAT_TABLE)
		return;
	for (k = 0; k < n; k++) {
		if (lists[k].list->nrows == 0)
			continue;
		putchar('\n');
		if (lists[k].title != NULL)
			printf("%s\n", _(lists[k].title));
		cli_table_print(ctx, lists[k].list);
	}
}

void
cli_table_print_record_list(const struct cli_ctx *ctx,
    const struct cli_table *t, const char *key, const struct cli_table *list)
{
	json_t *arr, *extra = NULL;
	size_t i;

	if (ctx->format == CLI_FORMAT_JSON) {
		arr = json_array();
		for (i = 0; i < list->nrows; i++)
			json_array_append_new(arr, cli_table_json_row(list, i));
		extra = json_object();
		json_object_set_new(extra, key, arr);
	}
	cli_table_print_record(ctx, t, extra);
	if (ctx->format == CLI_FORMAT_TABLE && list->nrows > 0) {
		putchar('\n');
		cli_table_print(ctx, list);
	}
}
