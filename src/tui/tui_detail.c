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

void
tui_detail_draw(struct tui *tui)
{
	struct tui_rect r;
	const struct assignment *a;
	char when[32];
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
		if (tui_pane_whole_days(a->start, a->end)) {
			/* Whole days: the day and "all day", no midnight. */
			rtime_format(a->start, "%a %d %b ", when, sizeof when);
			tui_pane_when(a->start, a->end, false, when + strlen(when),
			    sizeof when - strlen(when));
		} else
			rtime_format(a->start, "%a %d %b %H:%M", when, sizeof when);
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
