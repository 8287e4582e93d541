/* SPDX-License-Identifier: ISC */
/*
 * One volunteer's upcoming shifts, opened with Enter in pane 3: a box over
 * the panes, scrolled with the list keys, closed with Esc, q or Enter. At
 * most TUI_DETAIL_LIMIT shifts are read.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui_curses.h"
#include "tui_pane.h"

#define TUI_DETAIL_LIMIT 100

static int
tui_detail_by_start(const void *a, const void *b)
{
	const struct assignment *x = a, *y = b;

	return x->start < y->start ? -1 : x->start > y->start;
}

/*
 * The periods the volunteer cannot work, among the shifts by start: rows
 * with id -1, the reason as their title.
 */
static void
tui_detail_add_unavailable(struct tui *tui, struct assignment_list *shown,
    int64_t volunteer_id, int64_t from)
{
	struct unavailable_list off = { 0 };
	struct assignment *a;
	size_t i;

	if (store_unavailable_list(tui->st, volunteer_id, &off, NULL) < 0) {
		unavailable_list_free(&off);
		return;
	}
	for (i = 0; i < off.len; i++) {
		if (off.items[i].end <= from)
			continue;
		a = assignment_list_push(shown);
		a->id = -1;
		a->start = off.items[i].start;
		a->end = off.items[i].end;
		a->event_title = xstrdup(off.items[i].reason != NULL ?
		    off.items[i].reason : "");
	}
	xsort(shown->items, shown->len, sizeof *shown->items,
	    tui_detail_by_start);
	unavailable_list_free(&off);
}

/* "Wed 06 Jan - Thu 07 Jan" for whole days, else from and to times. */
static void
tui_detail_period(const struct assignment *a, char *buf, size_t size)
{
	char from[32], to[32];
	bool days = rtime_day_add(a->start, 0) == a->start &&
	    rtime_day_add(a->end, 0) == a->end;

	rtime_format(a->start, days ? "%a %d %b" : "%a %d %b %H:%M", from,
	    sizeof from);
	rtime_format(days ? rtime_day_add(a->end - 1, 0) : a->end, days ?
	    "%a %d %b" : "%a %d %b %H:%M", to, sizeof to);
	snprintf(buf, size, "%s - %s", from, to);
}

static void
tui_detail_line(struct tui *tui, void *data, size_t i, int y, int x, int w)
{
	const struct assignment_list *shown = data;
	const struct assignment *a = &shown->items[i];
	char when[80];

	(void)tui;
	if (a->id == -1) {
		tui_detail_period(a, when, sizeof when);
		tui_text_putf(y, x, w, THEME_DIM, _("%s  unavailable%s%s"), when,
		    *a->event_title != '\0' ? ": " : "", a->event_title);
		return;
	}
	if (tui_pane_whole_days(a->start, a->end)) {
		/* Whole days: the day and "all day", no midnight. */
		rtime_format(a->start, "%a %d %b ", when, sizeof when);
		tui_pane_when(a->start, a->end, false, when + strlen(when),
		    sizeof when - strlen(when));
	} else
		rtime_format(a->start, "%a %d %b %H:%M", when, sizeof when);
	tui_text_putf(y, x, w, THEME_NORMAL, "%s  %-10s %s  (%s)", when,
	    a->role, a->event_title, _(assignment_status_name(a->status)));
}

static void
tui_detail_free(void *data)
{
	assignment_list_free(data);
}

/* At most 76 wide; closed by Esc, q or Enter only. */
static const struct tui_view_ops tui_detail_view = {
	TUI_VIEW_POPUP("detail", 0, NULL, NULL), 76, NULL,
	N_("no upcoming shifts"), TUI_ACT_NONE, NULL, tui_detail_line,
	tui_detail_free
};

void
tui_detail_open(struct tui *tui, int64_t volunteer_id)
{
	struct store_range range;
	struct assignment_list *shown;
	struct volunteer v;
	struct err err;
	char *title;

	if (store_volunteer_get(tui->st, volunteer_id, &v, &err) < 0) {
		tui_status_error(tui, "%s", err.msg);
		return;
	}
	memset(&range, 0, sizeof range);
	range.from = rtime_day_add(rtime_now(), 0);
	range.limit = TUI_DETAIL_LIMIT;
	shown = xcalloc(1, sizeof *shown);
	if (store_assignment_list_volunteer(tui->st, volunteer_id, &range,
	    shown, &err) < 0)
		tui_status_error(tui, "%s", err.msg);
	tui_detail_add_unavailable(tui, shown, volunteer_id, range.from);
	title = xasprintf(_("%s: upcoming shifts"), v.name);
	tui_view_open(tui, &tui_detail_view, title, shown, shown->len);
	free(title);
	volunteer_fini(&v);
}
