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
tui_detail_add_unavailable(struct tui *tui, int64_t volunteer_id,
    int64_t from)
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
		a = assignment_list_push(tui->detail);
		a->id = -1;
		a->start = off.items[i].start;
		a->end = off.items[i].end;
		a->event_title = xstrdup(off.items[i].reason != NULL ?
		    off.items[i].reason : "");
	}
	qsort(tui->detail->items, tui->detail->len, sizeof *tui->detail->items,
	    tui_detail_by_start);
	unavailable_list_free(&off);
}

void
tui_detail_open(struct tui *tui, int64_t volunteer_id)
{
	struct store_range range;
	struct volunteer v;
	struct err err;

	tui_detail_close(tui);
	if (store_volunteer_get(tui->st, volunteer_id, &v, &err) < 0) {
		tui_status_error(tui, "%s", err.msg);
		return;
	}
	memset(&range, 0, sizeof range);
	range.from = rtime_day_add(rtime_now(), 0);
	range.limit = TUI_DETAIL_LIMIT;
	tui->detail = xcalloc(1, sizeof *tui->detail);
	if (store_assignment_list_volunteer(tui->st, volunteer_id, &range,
	    tui->detail, &err) < 0)
		tui_status_error(tui, "%s", err.msg);
	tui_detail_add_unavailable(tui, volunteer_id, range.from);
	tui->detail_title = xasprintf(_("%s: upcoming shifts"), v.name);
	tui->detail_top = 0;
	volunteer_fini(&v);
}

void
tui_detail_close(struct tui *tui)
{
	if (tui->detail != NULL) {
		assignment_list_free(tui->detail);
		free(tui->detail);
	}
	tui->detail = NULL;
	free(tui->detail_title);
	tui->detail_title = NULL;
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

void
tui_detail_draw(struct tui *tui)
{
	struct tui_rect r;
	const struct assignment *a;
	char when[80];
	size_t i;
	int y;

	if (!tui_layout_box(tui->lines, tui->cols, tui->lines - 2,
	    tui->cols < 76 ? tui->cols : 76, &r))
		return;
	tui_text_box(r, tui->detail_title);
	tui->detail_height = r.h > 2 ? (size_t)(r.h - 2) : 1;
	if (tui->detail->len <= tui->detail_height)
		tui->detail_top = 0;
	else if (tui->detail_top > tui->detail->len - tui->detail_height)
		tui->detail_top = tui->detail->len - tui->detail_height;
	if (tui->detail->len == 0)
		tui_text_put(r.y + 1, r.x + 2, r.w - 4, _("no upcoming shifts"),
		    THEME_DIM);
	for (i = tui->detail_top, y = 1; i < tui->detail->len && y < r.h - 1;
	    i++, y++) {
		a = &tui->detail->items[i];
		if (a->id == -1) {
			tui_detail_period(a, when, sizeof when);
			tui_text_putf(r.y + y, r.x + 2, r.w - 4, THEME_DIM,
			    _("%s  unavailable%s%s"), when,
			    *a->event_title != '\0' ? ": " : "",
			    a->event_title);
			continue;
		}
		if (tui_pane_whole_days(a->start, a->end)) {
			/* Whole days: the day and "all day", no midnight. */
			rtime_format(a->start, "%a %d %b ", when, sizeof when);
			tui_pane_when(a->start, a->end, false,
			    when + strlen(when), sizeof when - strlen(when));
		} else
			rtime_format(a->start, "%a %d %b %H:%M", when,
			    sizeof when);
		tui_text_putf(r.y + y, r.x + 2, r.w - 4, THEME_NORMAL,
		    "%s  %-10s %s  (%s)", when, a->role, a->event_title,
		    _(assignment_status_name(a->status)));
	}
}

int
tui_detail_handle(struct tui *tui, int key)
{
	enum tui_action action = tui_keymap_action(&tui->keymap, key);
	size_t page = tui->detail_height > 1 ? tui->detail_height - 1 : 1;

	/* Scrolling; tui_detail_draw clamps to the last page. */
	if (key == TUI_KEY_ESC || key == 'q' || key == TUI_KEY_ENTER)
		tui_detail_close(tui);
	else if (action == TUI_ACT_DOWN)
		tui->detail_top++;
	else if (action == TUI_ACT_UP && tui->detail_top > 0)
		tui->detail_top--;
	else if (action == TUI_ACT_PAGE_DOWN)
		tui->detail_top += page;
	else if (action == TUI_ACT_PAGE_UP)
		tui->detail_top = tui->detail_top > page ?
		    tui->detail_top - page : 0;
	else if (action == TUI_ACT_FIRST)
		tui->detail_top = 0;
	else if (action == TUI_ACT_LAST)
		tui->detail_top = tui->detail->len;
	return TUI_HANDLED | TUI_DRAW;
}
