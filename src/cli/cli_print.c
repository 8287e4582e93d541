/* SPDX-License-Identifier: ISC */
/*
 * `rooster print`: a one-page roster for a noticeboard, of one event or of
 * one week, per day and shift the time, the role and who comes (with phone
 * numbers when asked). As plain text it fits 80 columns; as HTML it is one
 * standalone file (inline CSS, no scripts, nothing fetched) laid out for
 * one A4 page, with every piece of stored text escaped.
 */
#include "cli_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Text layout: indent, time, role, then names up to 80 columns. */
#define CLI_PRINT_WIDTH	80
#define CLI_PRINT_TIME	11	/* "14:00-17:00" */
#define CLI_PRINT_ROLE	14
#define CLI_PRINT_NAMES	(2 + CLI_PRINT_TIME + 2 + CLI_PRINT_ROLE + 2)

/* One line of the roster: a shift, or an event without shifts. */
struct cli_print_row {
	int64_t			 start;
	int64_t			 end;
	int64_t			 event_id;
	int64_t			 group_start;	/* its event's first that day */
	const char		*event;		/* borrowed from the lists */
	const char		*location;
	const char		*role;		/* NULL: event without shifts */
	int			 needed;
	struct assignment_list	 people;	/* by name, declined included */
};

struct cli_print {
	bool			 by_event;	/* --event, not --week */
	bool			 phones;
	bool			 html;
	bool			 cancelled;	/* the event (--event) is */
	int64_t			 from;		/* the week, for --week */
	int64_t			 now;
	char			*plan;		/* the plan's name, or NULL */
	struct event		 event;		/* --event */
	struct event_list	 events;	/* --week */
	struct shift_list	 shifts;
	struct volunteer_list	 volunteers;
	struct volunteer	**by_id;	/* volunteers sorted by id */
	struct cli_print_row	*rows;
	size_t			 nrows;
};

static int
cli_print_by_id(const void *a, const void *b)
{
	const struct volunteer *const *x = a, *const *y = b;

	return (*x)->id < (*y)->id ? -1 : (*x)->id > (*y)->id;
}

static const struct volunteer *
cli_print_volunteer(const struct cli_print *pr, int64_t id)
{
	struct volunteer key, *keyp = &key, **hit;

	key.id = id;
	hit = xbsearch(&keyp, pr->by_id, pr->volunteers.len, sizeof *pr->by_id,
	    cli_print_by_id);
	return hit != NULL ? *hit : NULL;
}

static bool
cli_print_same_day(int64_t a, int64_t b)
{
	return rtime_day_add(a, 0) == rtime_day_add(b, 0);
}

/*
 * Rows from i on that belong to the same event on the same day: they share
 * one event cell.
 */
static size_t
cli_print_group_len(const struct cli_print_row *rows, size_t nrows, size_t i)
{
	size_t n = 1;

	while (i + n < nrows && rows[i + n].event_id == rows[i].event_id &&
	    cli_print_same_day(rows[i + n].start, rows[i].start))
		n++;
	return n;
}

/* Per day, each event's rows together, events by their first start. */
static int
cli_print_row_cmp(const void *a, const void *b)
{
	const struct cli_print_row *x = a, *y = b;
	int c;

	if (x->group_start != y->group_start)
		return x->group_start < y->group_start ? -1 : 1;
	if ((c = strcmp(x->event, y->event)) != 0)
		return c;
	if (x->event_id != y->event_id)
		return x->event_id < y->event_id ? -1 : 1;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return strcmp(x->role != NULL ? x->role : "",
	    y->role != NULL ? y->role : "");
}

/* A new row on the board for a shift of an event, or the event alone. */
static struct cli_print_row *
cli_print_row_add(struct cli_print *pr, int64_t start, int64_t end,
    int64_t event_id, const char *event, const char *location)
{
	struct cli_print_row *row;

	pr->rows = xreallocarray(pr->rows, pr->nrows + 1, sizeof *pr->rows);
	row = &pr->rows[pr->nrows++];
	memset(row, 0, sizeof *row);
	row->start = start;
	row->end = end;
	row->event_id = event_id;
	row->event = event != NULL ? event : "";
	row->location = location;
	return row;
}

static void
cli_print_fini(struct cli_print *pr)
{
	size_t i;

	for (i = 0; i < pr->nrows; i++)
		assignment_list_free(&pr->rows[i].people);
	free(pr->rows);
	free(pr->by_id);
	free(pr->plan);
	event_fini(&pr->event);
	event_list_free(&pr->events);
	shift_list_free(&pr->shifts);
	volunteer_list_free(&pr->volunteers);
}

/* Load the shifts, their people and (for phones) the volunteers. */
static int
cli_print_load(struct cli_ctx *ctx, struct cli_print *pr, int64_t event_id,
    struct err *err)
{
	struct store_range range = { 0 };
	struct cli_print_row *row;
	struct shift *sh;
	const struct event *ev;
	char role[160];
	size_t i, j;

	pr->plan = store_setting_get(ctx->st, "name");
	if (pr->by_event) {
		if (store_event_get(ctx->st, event_id, &pr->event, err) < 0 ||
		    store_shift_list_event(ctx->st, event_id, &pr->shifts,
		    err) < 0)
			return -1;
		pr->cancelled = pr->event.status == EVENT_CANCELLED;
	} else {
		range.from = pr->from;
		range.to = rtime_day_add(pr->from, 7);
		if (store_event_list(ctx->st, &range, &pr->events, err) < 0 ||
		    store_shift_list_range(ctx->st, &range, &pr->shifts,
		    err) < 0)
			return -1;
	}
	if (store_volunteer_list(ctx->st, NULL, NULL, &pr->volunteers,
	    err) < 0)
		return -1;
	pr->by_id = xcalloc(pr->volunteers.len + 1, sizeof *pr->by_id);
	for (i = 0; i < pr->volunteers.len; i++)
		pr->by_id[i] = &pr->volunteers.items[i];
	xsort(pr->by_id, pr->volunteers.len, sizeof *pr->by_id,
	    cli_print_by_id);
	for (i = 0; i < pr->shifts.len; i++) {
		sh = &pr->shifts.items[i];
		row = cli_print_row_add(pr, sh->start, sh->end, sh->event_id,
		    sh->event_title, sh->event_location);
		/* The language with the role: two "tolk" shifts differ. */
		if (sh->language != NULL && *sh->language != '\0') {
			shift_role_text(sh->role, sh->language, role,
			    sizeof role);
			free(sh->role);
			sh->role = xstrdup(role);
		}
		row->role = sh->role != NULL ? sh->role : "";
		row->needed = sh->needed;
		if (store_assignment_list_shift(ctx->st, sh->id, &row->people,
		    err) < 0)
			return -1;
	}
	/* An event without shifts still belongs on the board. */
	for (i = 0; i < pr->events.len || (pr->by_event && i == 0); i++) {
		ev = pr->by_event ? &pr->event : &pr->events.items[i];
		if (!pr->by_event && ev->status == EVENT_CANCELLED)
			continue;
		for (j = 0; j < pr->shifts.len; j++)
			if (pr->shifts.items[j].event_id == ev->id)
				break;
		if (j < pr->shifts.len)
			continue;
		cli_print_row_add(pr, ev->start, ev->end, ev->id, ev->title,
		    ev->location);
	}
	for (i = 0; i < pr->nrows; i++) {
		pr->rows[i].group_start = pr->rows[i].start;
		for (j = 0; j < pr->nrows; j++)
			if (pr->rows[j].event_id == pr->rows[i].event_id &&
			    pr->rows[j].start < pr->rows[i].group_start &&
			    cli_print_same_day(pr->rows[j].start,
			    pr->rows[i].start))
				pr->rows[i].group_start = pr->rows[j].start;
	}
	xsort(pr->rows, pr->nrows, sizeof *pr->rows, cli_print_row_cmp);
	return 0;
}

/* "Saturday 27 March 2027" (the locale's names) into buf. */
static void
cli_print_day(int64_t t, bool year, char *buf, size_t size)
{
	char weekday[48], month[48];
	struct tm tm;

	rtime_local(t, &tm);
	rtime_format(t, "%A", weekday, sizeof weekday);
	rtime_format(t, "%B", month, sizeof month);
	if (year)
		snprintf(buf, size, "%s %d %s %d", weekday, tm.tm_mday, month,
		    tm.tm_year + 1900);
	else
		snprintf(buf, size, "%s %d %s", weekday, tm.tm_mday, month);
}

static void
cli_print_hours(const struct cli_print_row *row, char *buf, size_t size)
{
	char from[16], to[16], last[96];

	/* Whole days (an all-day event, a shift of one): no midnights. */
	if (row->end > row->start && rtime_day_add(row->start, 0) ==
	    row->start && rtime_day_add(row->end, 0) == row->end) {
		if (rtime_day_add(row->end - 1, 0) == row->start) {
			snprintf(buf, size, "%s", _("all day"));
			return;
		}
		/* TRANSLATORS: strftime format of the last day of an
		 * all-day event in the roster's narrow time column. */
		/* xgettext:no-c-format */
		rtime_format(rtime_day_add(row->end - 1, 0), _("%-d %b"), last,
		    sizeof last);
		/* TRANSLATORS: the last day of an all-day event, "to 29 Mar"
		 * (included); at most 11 columns. */
		snprintf(buf, size, _("to %s"), last);
		return;
	}
	rtime_format(row->start, "%H:%M", from, sizeof from);
	rtime_format(row->end, "%H:%M", to, sizeof to);
	snprintf(buf, size, "%s-%s", from, to);
}

/* The people who come: not declined. */
static size_t
cli_print_coming(const struct cli_print_row *row)
{
	size_t i, n = 0;

	for (i = 0; i < row->people.len; i++)
		n += assignment_counts(&row->people.items[i]);
	return n;
}

static int
cli_print_missing(const struct cli_print_row *row)
{
	int missing = row->needed - (int)cli_print_coming(row);

	return missing > 0 ? missing : 0;
}

/* People beyond what the shift needs: over-staffing is shown too. */
static int
cli_print_extra(const struct cli_print_row *row)
{
	int extra = (int)cli_print_coming(row) - row->needed;

	return row->needed > 0 && extra > 0 ? extra : 0;
}

/* The volunteer's phone number when --phones asks for it, else "". */
static const char *
cli_print_phone(const struct cli_print *pr, const struct assignment *a)
{
	const struct volunteer *v;

	if (!pr->phones)
		return "";
	v = cli_print_volunteer(pr, a->volunteer_id);
	return v != NULL && v->phone != NULL ? v->phone : "";
}

static bool
cli_print_any_tentative(const struct cli_print *pr)
{
	size_t i, j;

	for (i = 0; i < pr->nrows; i++)
		for (j = 0; j < pr->rows[i].people.len; j++)
			if (pr->rows[i].people.items[j].status ==
			    ASSIGNMENT_TENTATIVE)
				return true;
	return false;
}

/* The roster's heading and the line under it. Caller frees both. */
static void
cli_print_titles(const struct cli_print *pr, char **title, char **sub)
{
	char a[160], b[160], week[8], hours[32], *days;
	struct cli_print_row span;

	if (pr->by_event) {
		*title = xasprintf("%s%s", pr->event.title != NULL ?
		    pr->event.title : "",
		    pr->cancelled ? _(" (CANCELLED)") : "");
		cli_print_day(pr->event.start, true, a, sizeof a);
		span.start = pr->event.start;
		span.end = pr->event.end;
		cli_print_hours(&span, hours, sizeof hours);
		if (pr->event.all_day && event_last_day(&pr->event) !=
		    pr->event.start) {
			/* Several days: "Saturday 27 March 2027 to Monday
			 * 29 March 2027". */
			cli_print_day(pr->event.start, false, a, sizeof a);
			cli_print_day(event_last_day(&pr->event), true, b,
			    sizeof b);
			days = xasprintf(_("%s to %s"), a, b);
			if (pr->event.location != NULL &&
			    *pr->event.location != '\0') {
				*sub = xasprintf("%s, %s", days,
				    pr->event.location);
				free(days);
			} else
				*sub = days;
			return;
		}
		*sub = xasprintf("%s, %s%s%s", a, hours,
		    pr->event.location != NULL && *pr->event.location ? ", " :
		    "", pr->event.location != NULL ? pr->event.location : "");
		return;
	}
	rtime_format(pr->from, "%V", week, sizeof week);
	*title = xasprintf(_("Roster for week %s"), week);
	cli_print_day(pr->from, false, a, sizeof a);
	cli_print_day(rtime_day_add(pr->from, 6), true, b, sizeof b);
	*sub = xasprintf(_("%s to %s"), a, b);
}

/* Append s cut to cols columns, then a newline. */
static void
cli_print_line(struct strbuf *sb, const char *s, size_t cols)
{
	text_fit(sb, s, cols, false);
	while (sb->len > 0 && sb->data[sb->len - 1] == ' ')
		sb->data[--sb->len] = '\0';
	strbuf_addc(sb, '\n');
}

/* Lines of text for one column of the text roster. */
struct cli_print_lines {
	char	**items;	/* sanitized, each owned */
	size_t	  len;
	size_t	  cap;
};

static void
cli_print_lines_push(struct cli_print_lines *l, char *s)
{
	if (l->len == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 8;
		l->items = xreallocarray(l->items, l->cap, sizeof *l->items);
	}
	l->items[l->len++] = s;
}

static void
cli_print_lines_free(struct cli_print_lines *l)
{
	size_t i;

	for (i = 0; i < l->len; i++)
		free(l->items[i]);
	free(l->items);
	memset(l, 0, sizeof *l);
}

/*
 * Where a word wider than width may break: just after its last '/' or '-'
 * that leaves a head of at most width columns ("gastvrouw/" + "gastheer");
 * 0 if nowhere.
 */
static size_t
cli_print_wrap_cut(const char *word, size_t width)
{
	char head[256];
	size_t i, cut = 0;

	for (i = 1; word[i] != '\0' && i < sizeof head; i++) {
		if (word[i - 1] != '/' && word[i - 1] != '-')
			continue;
		memcpy(head, word, i);
		head[i] = '\0';
		if (text_width(head) <= width)
			cut = i;
	}
	return cut;
}

/* Add word to the line cur, first pushing cur onto l if word does not fit. */
static void
cli_print_wrap_add(struct cli_print_lines *l, struct strbuf *cur,
    const char *word, size_t width)
{
	if (cur->len > 0 && text_width(strbuf_str(cur)) + 1 +
	    text_width(word) > width)
		cli_print_lines_push(l, strbuf_detach(cur));
	if (cur->len > 0)
		strbuf_addc(cur, ' ');
	strbuf_adds(cur, word);
}

/*
 * Add s to l word-wrapped at width columns; a word wider than that breaks
 * after a '/' or '-' where it can, else stays whole and is cut with "…"
 * when printed.
 */
static void
cli_print_wrap(struct cli_print_lines *l, const char *s, size_t width)
{
	struct strbuf cur;
	char *clean = text_sanitize(s), *word, *save = NULL, keep;
	size_t cut;

	strbuf_init(&cur);
	for (word = strtok_r(clean, " ", &save); word != NULL;
	    word = strtok_r(NULL, " ", &save)) {
		while (text_width(word) > width &&
		    (cut = cli_print_wrap_cut(word, width)) > 0) {
			keep = word[cut];
			word[cut] = '\0';
			cli_print_wrap_add(l, &cur, word, width);
			word[cut] = keep;
			word += cut;
		}
		cli_print_wrap_add(l, &cur, word, width);
	}
	if (cur.len > 0 || l->len == 0)
		cli_print_lines_push(l, strbuf_detach(&cur));
	strbuf_fini(&cur);
	free(clean);
}

/*
 * The names column of one row: names joined with ", " while they fit, or
 * with --phones one a line with the number beside it (or under it, when
 * both do not fit); then what is still missing.
 */
static void
cli_print_text_names(const struct cli_print *pr,
    const struct cli_print_row *row, size_t width, struct cli_print_lines *l)
{
	const struct assignment *a;
	struct strbuf cur;
	char *name, *phone;
	size_t i;
	int missing = cli_print_missing(row);

	strbuf_init(&cur);
	for (i = 0; i < row->people.len; i++) {
		a = &row->people.items[i];
		if (!assignment_counts(a))
			continue;
		name = xasprintf("%s%s", a->volunteer != NULL ? a->volunteer :
		    "", a->status == ASSIGNMENT_TENTATIVE ? " (?)" : "");
		phone = text_sanitize(cli_print_phone(pr, a));
		if (pr->phones) {
			if (text_width(name) + 2 + text_width(phone) <= width) {
				strbuf_addf(&cur, "%s  %s", name, phone);
				cli_print_lines_push(l,
				    text_sanitize(strbuf_str(&cur)));
				strbuf_reset(&cur);
			} else {
				cli_print_wrap(l, name, width);
				if (*phone != '\0')
					cli_print_lines_push(l,
					    xasprintf("  %s", phone));
			}
		} else if (cur.len > 0 && text_width(strbuf_str(&cur)) + 2 +
		    text_width(name) > width) {
			strbuf_addc(&cur, ',');
			cli_print_lines_push(l, strbuf_detach(&cur));
			strbuf_adds(&cur, name);
		} else {
			if (cur.len > 0)
				strbuf_adds(&cur, ", ");
			strbuf_adds(&cur, name);
		}
		free(name);
		free(phone);
	}
	if (cur.len > 0)
		cli_print_lines_push(l, text_sanitize(strbuf_str(&cur)));
	if (missing > 0)
		cli_print_lines_push(l, xasprintf(ngettext("%d more needed",
		    "%d more needed", (unsigned long)missing), missing));
	else if (cli_print_extra(row) > 0)
		cli_print_lines_push(l, xasprintf(ngettext("%d more than "
		    "needed", "%d more than needed",
		    (unsigned long)cli_print_extra(row)),
		    cli_print_extra(row)));
	else if (l->len == 0 && row->role != NULL)
		cli_print_lines_push(l, xstrdup("-"));
	strbuf_fini(&cur);
}

static void
cli_print_text_row(const struct cli_print *pr, const struct cli_print_row *row,
    struct strbuf *sb)
{
	struct cli_print_lines roles = { 0 }, names = { 0 };
	char hours[32];
	size_t i, start;

	cli_print_hours(row, hours, sizeof hours);
	cli_print_wrap(&roles, row->role != NULL ? row->role : _("(no shifts)"),
	    CLI_PRINT_ROLE);
	cli_print_text_names(pr, row, CLI_PRINT_WIDTH - CLI_PRINT_NAMES,
	    &names);
	for (i = 0; i < roles.len || i < names.len; i++) {
		start = sb->len;
		strbuf_adds(sb, "  ");
		text_fit(sb, i == 0 ? hours : "", CLI_PRINT_TIME, true);
		strbuf_adds(sb, "  ");
		text_fit(sb, i < roles.len ? roles.items[i] : "",
		    CLI_PRINT_ROLE, true);
		strbuf_adds(sb, "  ");
		text_fit(sb, i < names.len ? names.items[i] : "",
		    CLI_PRINT_WIDTH - CLI_PRINT_NAMES, false);
		while (sb->len > start && sb->data[sb->len - 1] == ' ')
			sb->data[--sb->len] = '\0';
		strbuf_addc(sb, '\n');
	}
	cli_print_lines_free(&roles);
	cli_print_lines_free(&names);
}

static void
cli_print_text(const struct cli_print *pr, struct strbuf *sb)
{
	const struct cli_print_row *row, *prev;
	char *title, *sub, *s, day[160], when[32];
	size_t i;

	cli_print_titles(pr, &title, &sub);
	if (pr->plan != NULL && *pr->plan != '\0')
		cli_print_line(sb, pr->plan, CLI_PRINT_WIDTH);
	cli_print_line(sb, title, CLI_PRINT_WIDTH);
	cli_print_line(sb, sub, CLI_PRINT_WIDTH);
	free(title);
	free(sub);
	if (pr->nrows == 0) {
		strbuf_addc(sb, '\n');
		cli_print_line(sb, _("Nothing planned."), CLI_PRINT_WIDTH);
	}
	for (i = 0; i < pr->nrows; i++) {
		row = &pr->rows[i];
		prev = i > 0 ? &pr->rows[i - 1] : NULL;
		if (prev == NULL || !cli_print_same_day(prev->start,
		    row->start)) {
			strbuf_addc(sb, '\n');
			cli_print_day(row->start, false, day, sizeof day);
			cli_print_line(sb, day, CLI_PRINT_WIDTH);
			prev = NULL;
		}
		if (!pr->by_event && (prev == NULL ||
		    prev->event_id != row->event_id)) {
			s = xasprintf("%s%s%s", row->event, row->location !=
			    NULL && *row->location ? ", " : "",
			    row->location != NULL ? row->location : "");
			strbuf_adds(sb, "  ");
			cli_print_line(sb, s, CLI_PRINT_WIDTH - 2);
			free(s);
		}
		cli_print_text_row(pr, row, sb);
	}
	strbuf_addc(sb, '\n');
	if (cli_print_any_tentative(pr))
		cli_print_line(sb, _("(?) not sure yet"), CLI_PRINT_WIDTH);
	rtime_format_show(pr->now, when, sizeof when);
	s = xasprintf(_("As of %s."), when);
	cli_print_line(sb, s, CLI_PRINT_WIDTH);
	free(s);
}

void
cli_print_html_escape(struct strbuf *sb, const char *s)
{
	char *clean = text_sanitize(s != NULL ? s : "");
	const char *p;

	for (p = clean; *p != '\0'; p++) {
		switch (*p) {
		case '&': strbuf_adds(sb, "&amp;"); break;
		case '<': strbuf_adds(sb, "&lt;"); break;
		case '>': strbuf_adds(sb, "&gt;"); break;
		case '"': strbuf_adds(sb, "&quot;"); break;
		case '\'': strbuf_adds(sb, "&#39;"); break;
		default: strbuf_addc(sb, *p); break;
		}
	}
	free(clean);
}

static const char cli_print_css[] =
	"@page { size: A4; margin: 12mm; }\n"
	"* { box-sizing: border-box; }\n"
	"html { -webkit-print-color-adjust: exact; print-color-adjust: "
	"exact; }\n"
	"body { font-family: \"DejaVu Sans\", \"Liberation Sans\", Arial, "
	"sans-serif; line-height: 1.25; color: #000; margin: 0 auto; "
	"width: 186mm; }\n"
	"header { border-bottom: 1.5pt solid #000; margin-bottom: 4pt; }\n"
	"h1 { font-size: 1.6em; line-height: 1.2; margin: 0; }\n"
	"p { margin: 0 0 3pt; }\n"
	".plan { font-size: 0.95em; margin: 0; color: #444; }\n"
	"table { width: 100%; border-collapse: collapse; "
	"table-layout: fixed; }\n"
	"th, td { text-align: left; vertical-align: top; padding: 1.5pt 4pt; "
	"border-bottom: 0.5pt solid #bbb; overflow-wrap: anywhere; }\n"
	"thead th { font-size: 0.85em; color: #444; border-bottom: 1pt solid "
	"#000; }\n"
	"tr.day th { font-size: 1.1em; padding-top: 6pt; border-bottom: "
	"1pt solid #000; }\n"
	"tr { break-inside: avoid; page-break-inside: avoid; }\n"
	"col.time { width: 7.2em; }\n"
	"col.event { width: 48mm; }\n"
	"col.role { width: 27mm; }\n"
	"td.time { white-space: nowrap; }\n"
	".loc { color: #444; }\n"
	".who { white-space: nowrap; }\n"
	".tel { color: #333; }\n"
	".need { color: #a00000; font-style: italic; }\n"
	"footer { margin-top: 5pt; font-size: 0.8em; color: #555; }\n"
	"@media screen { body { margin: 12mm auto; } }\n";

static void
cli_print_html_people(const struct cli_print *pr,
    const struct cli_print_row *row, struct strbuf *sb)
{
	const struct assignment *a;
	size_t i, shown = 0;
	int missing = cli_print_missing(row);

	for (i = 0; i < row->people.len; i++) {
		a = &row->people.items[i];
		if (!assignment_counts(a))
			continue;
		if (shown++ > 0)
			strbuf_adds(sb, ", ");
		strbuf_adds(sb, "<span class=\"who\">");
		cli_print_html_escape(sb, a->volunteer);
		if (a->status == ASSIGNMENT_TENTATIVE)
			strbuf_adds(sb, " (?)");
		if (*cli_print_phone(pr, a) != '\0') {
			strbuf_adds(sb, " <span class=\"tel\">");
			cli_print_html_escape(sb, cli_print_phone(pr, a));
			strbuf_adds(sb, "</span>");
		}
		strbuf_adds(sb, "</span>");
	}
	if (missing > 0) {
		if (shown > 0)
			strbuf_adds(sb, "<br>");
		strbuf_adds(sb, "<span class=\"need\">");
		strbuf_addf(sb, ngettext("%d more needed", "%d more needed",
		    (unsigned long)missing), missing);
		strbuf_adds(sb, "</span>");
	} else if (cli_print_extra(row) > 0) {
		strbuf_adds(sb, "<br><span class=\"need\">");
		strbuf_addf(sb, ngettext("%d more than needed",
		    "%d more than needed",
		    (unsigned long)cli_print_extra(row)),
		    cli_print_extra(row));
		strbuf_adds(sb, "</span>");
	} else if (shown == 0 && row->role != NULL)
		strbuf_adds(sb, "-");
}

/* Widths (mm) of the table's columns; the names take what is left. */
#define CLI_PRINT_MM_PAGE	186.0	/* A4 less 12 mm margins */
#define CLI_PRINT_EM_TIME	7.2	/* "19:30-21:30" and padding */
#define CLI_PRINT_MM_EVENT	48.0
#define CLI_PRINT_MM_ROLE	27.0
#define CLI_PRINT_MM_PAD	2.8	/* 4pt padding each side */

/*
 * Lines that text of cols columns takes in a cell width_mm wide at size
 * pt: a character is about 0.55em wide, and wrapping at word or person
 * boundaries wastes about a sixth of each line.
 */
static double
cli_print_html_lines(size_t cols, double width_mm, double pt)
{
	double per_line = (width_mm - CLI_PRINT_MM_PAD) * 2.835 / (0.55 * pt) *
	    0.83;
	double lines = 1;

	while (lines * per_line < (double)cols)
		lines++;
	return lines;
}

/* Height in pt of the page's content at font size pt (see the CSS). */
static double
cli_print_html_height(const struct cli_print *pr, double pt)
{
	const struct cli_print_row *row;
	const struct assignment *a;
	double who_mm = CLI_PRINT_MM_PAGE - CLI_PRINT_EM_TIME * pt / 2.835 -
	    CLI_PRINT_MM_ROLE - (pr->by_event ? 0 : CLI_PRINT_MM_EVENT);
	double h, lines, n, rows_h;
	size_t i, j, k, cols, group;

	/* Plan line, title, subtitle and rule; table head; footer. */
	h = 4.6 * pt + 10 + 1.07 * pt + 4 + pt + 5;
	for (i = 0; i < pr->nrows; i += group) {
		if (i == 0 || !cli_print_same_day(pr->rows[i - 1].start,
		    pr->rows[i].start))
			h += 1.375 * pt + 8.5;
		group = pr->by_event ? 1 :
		    cli_print_group_len(pr->rows, pr->nrows, i);
		rows_h = 0;
		for (k = i; k < i + group; k++) {
			row = &pr->rows[k];
			cols = 0;
			for (j = 0; j < row->people.len; j++) {
				a = &row->people.items[j];
				if (assignment_counts(a))
					cols += text_width(a->volunteer) + 6 +
					    text_width(cli_print_phone(pr,
					    a)) + 1;
			}
			lines = cols > 0 ? cli_print_html_lines(cols, who_mm,
			    pt) : 1;
			if (cli_print_missing(row) > 0 && cols > 0)
				lines++;
			n = cli_print_html_lines(text_width(row->role != NULL ?
			    row->role : _("(no shifts)")), CLI_PRINT_MM_ROLE,
			    pt);
			if (n > lines)
				lines = n;
			rows_h += 1.25 * pt * lines + 3.5;
		}
		if (!pr->by_event) {
			row = &pr->rows[i];
			n = cli_print_html_lines(text_width(row->event),
			    CLI_PRINT_MM_EVENT, pt);
			if (row->location != NULL && *row->location != '\0')
				n += cli_print_html_lines(text_width(
				    row->location), CLI_PRINT_MM_EVENT, pt);
			if (1.25 * pt * n + 3.5 > rows_h)
				rows_h = 1.25 * pt * n + 3.5;
		}
		h += rows_h;
	}
	return h;
}

/*
 * The largest font size, from 9.5pt down to 6pt (the least still read
 * from a step away), at which the roster fits one A4 page (273 mm, less
 * a margin for error). A roster too long even at 6pt runs onto a second.
 */
static double
cli_print_html_font(const struct cli_print *pr)
{
	double pt;

	for (pt = 9.5; pt > 6; pt -= 0.25)
		if (cli_print_html_height(pr, pt) <= 273 * 2.835 * 0.93)
			break;
	return pt;
}

static void
cli_print_html(const struct cli_print *pr, struct strbuf *sb)
{
	const struct cli_print_row *row;
	char *title, *sub, *title_as_of, day[160], hours[32], when[32];
	size_t i;

	cli_print_titles(pr, &title, &sub);
	/* TRANSLATORS: the language tag of the printed HTML page. */
	strbuf_addf(sb, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<title>", _("en"));
	cli_print_html_escape(sb, title);
	strbuf_adds(sb, "</title>\n<style>\n");
	strbuf_adds(sb, cli_print_css);
	strbuf_addf(sb, "body { font-size: %.2fpt; }\n",
	    cli_print_html_font(pr));
	strbuf_adds(sb, "</style>\n</head>\n<body>\n<header>\n");
	if (pr->plan != NULL && *pr->plan != '\0') {
		strbuf_adds(sb, "<p class=\"plan\">");
		cli_print_html_escape(sb, pr->plan);
		strbuf_adds(sb, "</p>\n");
	}
	strbuf_adds(sb, "<h1>");
	cli_print_html_escape(sb, title);
	strbuf_adds(sb, "</h1>\n<p>");
	cli_print_html_escape(sb, sub);
	strbuf_adds(sb, "</p>\n</header>\n");
	free(title);
	free(sub);
	if (pr->nrows == 0)
		strbuf_addf(sb, "<p>%s</p>\n", _("Nothing planned."));
	else
		strbuf_addf(sb, "<table>\n<colgroup><col class=\"time\">%s"
		    "<col class=\"role\"><col></colgroup>\n"
		    "<thead><tr><th>%s</th>%s%s%s<th>%s</th><th>%s</th></tr>"
		    "</thead>\n<tbody>\n",
		    pr->by_event ? "" : "<col class=\"event\">", _("Time"),
		    pr->by_event ? "" : "<th>", pr->by_event ? "" : _("Event"),
		    pr->by_event ? "" : "</th>", _("Role"), _("Who"));
	for (i = 0; i < pr->nrows; i++) {
		row = &pr->rows[i];
		if (i == 0 || !cli_print_same_day(pr->rows[i - 1].start,
		    row->start)) {
			cli_print_day(row->start, false, day, sizeof day);
			strbuf_addf(sb, "<tr class=\"day\"><th colspan=\"%d\">",
			    pr->by_event ? 3 : 4);
			cli_print_html_escape(sb, day);
			strbuf_adds(sb, "</th></tr>\n");
		}
		cli_print_hours(row, hours, sizeof hours);
		strbuf_adds(sb, "<tr><td class=\"time\">");
		cli_print_html_escape(sb, hours);
		if (!pr->by_event && (i == 0 || row->event_id !=
		    pr->rows[i - 1].event_id || !cli_print_same_day(
		    pr->rows[i - 1].start, row->start))) {
			strbuf_addf(sb, "</td><td rowspan=\"%zu\">",
			    cli_print_group_len(pr->rows, pr->nrows, i));
			cli_print_html_escape(sb, row->event);
			if (row->location != NULL && *row->location != '\0') {
				strbuf_adds(sb, "<br><span class=\"loc\">");
				cli_print_html_escape(sb, row->location);
				strbuf_adds(sb, "</span>");
			}
		}
		strbuf_adds(sb, "</td><td class=\"role\">");
		cli_print_html_escape(sb, row->role != NULL ? row->role :
		    _("(no shifts)"));
		strbuf_adds(sb, "</td><td>");
		cli_print_html_people(pr, row, sb);
		strbuf_adds(sb, "</td></tr>\n");
	}
	if (pr->nrows > 0)
		strbuf_adds(sb, "</tbody>\n</table>\n");
	rtime_format_show(pr->now, when, sizeof when);
	strbuf_adds(sb, "<footer>");
	if (cli_print_any_tentative(pr))
		strbuf_addf(sb, "%s ", _("(?) not sure yet."));
	title_as_of = xasprintf(_("As of %s."), when);
	cli_print_html_escape(sb, title_as_of);
	free(title_as_of);
	strbuf_adds(sb, "</footer>\n</body>\n</html>\n");
}

static bool
cli_print_ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && text_casecmp(s + n - m, suffix) == 0;
}

int
cli_print(struct cli_ctx *ctx)
{
	const char *format = ctx->format_name, *out = NULL;
	struct cli_print pr;
	struct cli_file f;
	struct strbuf sb;
	struct err err;
	int64_t event_id = 0;
	int rc = CLI_OK;

	err_clear(&err);
	out = cli_arg(ctx, "--output");
	memset(&pr, 0, sizeof pr);
	event_init(&pr.event);
	if (format == NULL)
		pr.html = out != NULL && (cli_print_ends_with(out, ".html") ||
		    cli_print_ends_with(out, ".htm"));
	else if (strcmp(format, "html") == 0)
		pr.html = true;
	else if (strcmp(format, "text") != 0 && strcmp(format, "table") != 0)
		return cli_usage_error(ctx, _("print takes --format text or "
		    "--format html, not '%s'"), format);
	if (cli_arg_seen(ctx, "--event") == cli_arg_seen(ctx, "--week"))
		return cli_usage_error(ctx,
		    _("give either --event ID or --week "
		    "DAY (see 'rooster print --help')"));
	event_id = cli_arg_id(ctx, "--event");
	if (cli_arg_seen(ctx, "--week")) {
		if (rtime_parse_day(cli_arg(ctx, "--week"), ctx->now, &pr.from,
		    &err) < 0)
			return cli_fail(&err);
		pr.from = rtime_week_start(pr.from);
	}
	pr.by_event = cli_arg_seen(ctx, "--event");
	pr.phones = cli_arg_seen(ctx, "--phones");
	pr.now = ctx->now;
	if (cli_print_load(ctx, &pr, event_id, &err) < 0) {
		cli_print_fini(&pr);
		return cli_fail(&err);
	}
	strbuf_init(&sb);
	if (pr.html)
		cli_print_html(&pr, &sb);
	else
		cli_print_text(&pr, &sb);
	if (cli_file_open(&f, out, &err) < 0)
		rc = cli_fail(&err);
	else {
		fputs(strbuf_str(&sb), f.fp);
		if (cli_file_close(&f, true, &err) < 0)
			rc = cli_fail(&err);
	}
	strbuf_fini(&sb);
	cli_print_fini(&pr);
	return rc;
}
