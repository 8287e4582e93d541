/* SPDX-License-Identifier: ISC */
/*
 * The week view (w): Monday to Sunday across, each day's shifts down with
 * their staffing, a "!" on every shift still short of people. PgDn/PgUp
 * (or the arrows) move a week, g returns to this week. One range query of
 * at most TUI_WEEK_MAX shifts per draw.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui_curses.h"
#include "tui_pane.h"

#define TUI_WEEK_MAX 700

/* Narrow terminals: the days down, one line per shift. */
static void
tui_week_draw_agenda(struct tui *tui, const struct shift_list *shifts,
    int64_t from)
{
	struct tui_rect r = tui->layout.body;
	const struct shift *sh;
	char day[32], when[16], staff[32], role[160];
	enum tui_theme style;
	int64_t d, shown = -1;
	int y = r.y + 1, end = r.y + r.h - 1;	/* last line: "+N more" */
	size_t k;

	for (k = 0; k < shifts->len && y < end; k++) {
		sh = &shifts->items[k];
		d = rtime_day_add(sh->start, 0);
		if (d != shown) {
			/* A day heading needs a shift under it. */
			if (y + 1 >= end)
				break;
			/* TRANSLATORS: strftime format of a day heading. */
			/* xgettext:no-c-format */
			rtime_format(d, _("%a %d %b"), day, sizeof day);
			tui_text_put(y++, r.x, r.w, day, THEME_HEADER);
			shown = d;
		}
		tui_pane_when(sh->start, sh->end, false, when, sizeof when);
		style = tui_pane_staffing(sh->assigned, sh->needed, false,
		    staff, sizeof staff);
		shift_role_text(sh->role, sh->language, role, sizeof role);
		tui_text_putf(y, r.x, r.w - 6, THEME_NORMAL, " %s %s, %s", when,
		    role, sh->event_title);
		tui_text_put(y++, r.x + r.w - 6, 6, staff, style);
	}
	if (k < shifts->len && r.h > 1)
		tui_text_putf(r.y + r.h - 1, r.x, r.w, THEME_DIM,
		    _(" +%zu more (PgDn: next week)"), shifts->len - k);
	(void)from;
}

/*
 * One shift in day column col of the seven-column grid in r (columns cw
 * wide): time and staffing, then role and event if there is room. y[]
 * holds each column's next line, more[] what did not fit.
 */
static void
tui_week_cell(struct tui_rect r, int cw, int col, const struct shift *sh,
    int *y, int *more)
{
	char when[16], staff[32], role[160];
	enum tui_theme style;
	int x = r.x + col * cw, bottom = r.y + r.h - 1;

	if (y[col] >= bottom) {
		more[col]++;
		return;
	}
	style = tui_pane_staffing(sh->assigned, sh->needed, false,
	    staff, sizeof staff);
	/* Compact staffing: "0/1!" fits a 10-column day. */
	snprintf(staff, sizeof staff, "%d/%d%s", sh->assigned,
	    sh->needed, sh->assigned < sh->needed ? "!" :
	    sh->assigned > sh->needed ? "+" : "");
	shift_role_text(sh->role, sh->language, role, sizeof role);
	if (tui_pane_whole_days(sh->start, sh->end)) {
		/*
		 * A shift of whole days, in each of its days: "all day",
		 * then the role with the staffing ("all day" and the
		 * staffing would not fit one line of a 10-column day).
		 */
		tui_text_put(y[col], x, cw - 1, _("all day"), style);
		y[col]++;
		if (y[col] < bottom) {
			tui_text_putf(y[col], x, cw - 1, THEME_NORMAL,
			    " %s %s%s%s", staff, role, cw >= 17 ? ", " :
			    "", cw >= 17 ? sh->event_title : "");
			y[col]++;
		}
		return;
	}
	tui_pane_when(sh->start, sh->end, false, when, sizeof when);
	/* Two lines per shift when there is room: time, role. */
	tui_text_putf(y[col], x, cw - 1, style, "%s %s", when, staff);
	y[col]++;
	if (y[col] < bottom) {
		tui_text_putf(y[col], x, cw - 1, THEME_NORMAL,
		    " %s%s%s", role, cw >= 17 ? ", " : "",
		    cw >= 17 ? sh->event_title : "");
		y[col]++;
	}
}

void
tui_week_draw(struct tui *tui)
{
	struct tui_rect r = tui->layout.body;
	struct store_range range;
	struct shift_list shifts = { 0 };
	const struct shift *sh;
	struct err err;
	char day[32], head[128], to[32];
	int col, cw, x, y[7], more[7], i, gaps = 0;
	int64_t d0;
	size_t k;

	memset(&range, 0, sizeof range);
	range.from = tui->week_start;
	range.to = rtime_day_add(tui->week_start, 7);
	range.limit = TUI_WEEK_MAX;
	if (store_shift_list_range(tui->st, &range, &shifts, &err) < 0)
		tui_status_error(tui, "%s", err.msg);
	for (k = 0; k < shifts.len; k++)
		if (shifts.items[k].assigned < shifts.items[k].needed)
			gaps++;
	/* TRANSLATORS: strftime formats of the week's first and last day. */
	/* xgettext:no-c-format */
	rtime_format(range.from, _("%d %b"), day, sizeof day);
	/* xgettext:no-c-format */
	rtime_format(rtime_day_add(range.from, 6), _("%d %b %Y"), to,
	    sizeof to);
	snprintf(head, sizeof head, _("Week %s - %s: %zu shifts, %d short"),
	    day, to, shifts.len, gaps);
	tui_text_put(r.y, r.x, r.w, head, THEME_HEADER);
	if (r.w < 70) {
		tui_week_draw_agenda(tui, &shifts, range.from);
		goto out;
	}
	cw = r.w / 7;
	for (col = 0; col < 7; col++) {
		x = r.x + col * cw;
		d0 = rtime_day_add(range.from, col);
		rtime_format(d0, cw >= 10 ? "%a %d" : "%a", day, sizeof day);
		tui_text_put(r.y + 1, x, cw - 1, day,
		    rtime_day_add(rtime_now(), 0) == d0 ? THEME_FOCUS :
		    THEME_HEADER);
		if (col > 0)
			tui_text_vline(r.y + 1, x - 1, r.h - 1);
		y[col] = r.y + 2;
		more[col] = 0;
	}
	for (k = 0; k < shifts.len; k++) {
		sh = &shifts.items[k];
		for (col = 6; col > 0; col--) {
			if (sh->start >= rtime_day_add(range.from, col))
				break;
		}
		tui_week_cell(r, cw, col, sh, y, more);
		/* Whole days show on each day they cover, in this week. */
		if (!tui_pane_whole_days(sh->start, sh->end))
			continue;
		for (col++; col < 7 && rtime_day_add(range.from, col) <
		    sh->end; col++)
			tui_week_cell(r, cw, col, sh, y, more);
	}
	for (i = 0; i < 7; i++) {
		if (more[i] > 0)
			tui_text_putf(r.y + r.h - 1, r.x + i * cw, cw - 1,
			    THEME_DIM, _("+%d more"), more[i]);
	}
out:
	shift_list_free(&shifts);
}

int
tui_week_handle(struct tui *tui, enum tui_action action, int key)
{
	if (key == TUI_KEY_RIGHT || action == TUI_ACT_PAGE_DOWN ||
	    action == TUI_ACT_DOWN)
		tui->week_start = rtime_day_add(tui->week_start, 7);
	else if (key == TUI_KEY_LEFT || action == TUI_ACT_PAGE_UP ||
	    action == TUI_ACT_UP)
		tui->week_start = rtime_day_add(tui->week_start, -7);
	else if (action == TUI_ACT_FIRST)
		tui->week_start = rtime_week_start_locale(rtime_now());
	else if (action == TUI_ACT_ESCAPE || action == TUI_ACT_WEEK)
		tui->week = false;
	else
		return TUI_UNHANDLED;
	return TUI_HANDLED | TUI_DRAW;
}
