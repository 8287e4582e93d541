/* SPDX-License-Identifier: ISC */
/*
 * One volunteer's upcoming shifts, opened with Enter in pane 3: a box over
 * the panes, closed with Esc, q or Enter. At most a page of shifts is read.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui_curses.h"

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
	tui->detail_title = xasprintf("%s: upcoming shifts", v.name);
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
	if (tui->detail->len == 0)
		tui_text_put(r.y + 1, r.x + 2, r.w - 4, "no upcoming shifts",
		    THEME_DIM);
	for (i = 0, y = 1; i < tui->detail->len && y < r.h - 1; i++, y++) {
		a = &tui->detail->items[i];
		rtime_format(a->start, "%a %d %b %H:%M", when, sizeof when);
		tui_text_putf(r.y + y, r.x + 2, r.w - 4, THEME_NORMAL,
		    "%s  %-10s %s  (%s)", when, a->role, a->event_title,
		    assignment_status_name(a->status));
	}
}

int
tui_detail_handle(struct tui *tui, int key)
{
	if (key == TUI_KEY_ESC || key == 'q' || key == TUI_KEY_ENTER)
		tui_detail_close(tui);
	return TUI_HANDLED | TUI_DRAW;
}
