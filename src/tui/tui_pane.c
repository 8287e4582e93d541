/* SPDX-License-Identifier: ISC */
/*
 * What the three panes share: moving the selection of a list, the pane
 * heading, and the staffing cell ("3/5 !") whose sign marks a gap even on
 * a monochrome terminal.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rooster/ops.h"
#include "tui_curses.h"
#include "tui_pane.h"

int
tui_pane_move(struct tui *tui, struct tui_pane *p, enum tui_action action)
{
	size_t h = p->height > 0 ? p->height : 1;

	/*
	 * G on a pane that can read from the end: only the last rows, read
	 * backwards (keyset from the end); g goes back to the first ones.
	 */
	if (action == TUI_ACT_LAST && p->ops->can_tail && p->more &&
	    !p->tail) {
		p->tail = true;
		p->limit = TUI_PANE_FIRST;
		tui_pane_reload(tui, p);
		tui_list_last(&p->list);
		return TUI_HANDLED | TUI_DRAW;
	}
	if (action == TUI_ACT_FIRST && p->tail) {
		p->tail = false;
		p->limit = TUI_PANE_FIRST;
		tui_pane_reload(tui, p);
		tui_list_first(&p->list);
		return TUI_HANDLED | TUI_DRAW;
	}
	switch (action) {
	case TUI_ACT_DOWN:
		tui_list_move(&p->list, 1);
		break;
	case TUI_ACT_UP:
		tui_list_move(&p->list, -1);
		break;
	case TUI_ACT_PAGE_DOWN:
		tui_list_page(&p->list, 1, h);
		break;
	case TUI_ACT_PAGE_UP:
		tui_list_page(&p->list, -1, h);
		break;
	case TUI_ACT_FIRST:
		tui_list_first(&p->list);
		break;
	case TUI_ACT_LAST:
		tui_list_last(&p->list);
		break;
	default:
		return TUI_UNHANDLED;
	}
	/* Within a page of the end of what was loaded: load another page. */
	if (p->more && !p->tail && p->list.selected + h >= p->list.len) {
		p->limit += TUI_PANE_PAGE;
		tui_pane_reload(tui, p);
	}
	/* The last rows loaded, and moving up near their top: a page more. */
	if (p->more && p->tail && p->list.selected < h) {
		p->limit += TUI_PANE_PAGE;
		tui_pane_reload(tui, p);
	}
	/*
	 * G asks for the real last row: page on until there is no more,
	 * doubling the page so that the rows read stay linear in the total.
	 */
	while (action == TUI_ACT_LAST && p->more) {
		p->limit = p->limit < TUI_PANE_PAGE ? TUI_PANE_PAGE :
		    p->limit * 2;
		tui_pane_reload(tui, p);
	}
	if (action == TUI_ACT_LAST)
		tui_list_last(&p->list);
	return TUI_HANDLED | TUI_DRAW;
}

int64_t
tui_pane_limit(const struct tui *tui, struct tui_pane *p)
{
	/* Two screens at least, whatever the terminal's height. */
	if (p->limit < 2 * (int64_t)tui->lines)
		p->limit = 2 * (int64_t)tui->lines;
	return p->limit;
}

bool
tui_pane_whole_days(int64_t start, int64_t end)
{
	return end > start && rtime_day_add(start, 0) == start &&
	    rtime_day_add(end, 0) == end;
}

void
tui_pane_when(int64_t start, int64_t end, bool wide, char *buf, size_t size)
{
	char to[16];
	int days;

	if (tui_pane_whole_days(start, end)) {
		/* Midnights: round 23- and 25-hour days to whole ones. */
		days = (int)((end - start + 43200) / 86400);
		if (days <= 1)
			snprintf(buf, size, "%s", _("all day"));
		else
			snprintf(buf, size, ngettext("%d day", "%d days",
			    (unsigned long)days), days);
		return;
	}
	rtime_format(start, "%H:%M", buf, size);
	if (wide) {
		rtime_format(end, "-%H:%M", to, sizeof to);
		strncat(buf, to, size - strlen(buf) - 1);
	}
}

enum tui_theme
tui_pane_staffing(int assigned, int needed, bool cancelled, char *buf,
    size_t size)
{
	if (cancelled) {
		snprintf(buf, size, "%s", _("cancel"));
		return THEME_CANCELLED;
	}
	if (needed <= 0) {
		snprintf(buf, size, "%d/-  ", assigned);
		return THEME_NORMAL;
	}
	if (assigned < needed) {
		snprintf(buf, size, "%d/%d !", assigned, needed);
		return THEME_UNDERSTAFFED;
	}
	snprintf(buf, size, "%d/%d %s", assigned, needed,
	    assigned > needed ? "+" : " ");
	return THEME_STAFFED;
}

enum tui_theme
tui_pane_staffing_event(const struct event *ev, char *buf, size_t size)
{
	if (ev->status == EVENT_CANCELLED || ev->needed <= 0 ||
	    (ev->short_by == 0 && ev->over == 0))
		return tui_pane_staffing(ev->assigned, ev->needed,
		    ev->status == EVENT_CANCELLED, buf, size);
	/* Counted per shift: one over-staffed shift fills no other. */
	snprintf(buf, size, "%d/%d %s%s", ev->needed - ev->short_by,
	    ev->needed, ev->short_by > 0 ? "!" : "", ev->over > 0 ? "+" : "");
	return ev->short_by > 0 ? THEME_UNDERSTAFFED : THEME_STAFFED;
}

void
tui_pane_heading(struct tui_pane *p, struct tui_rect r, bool focused,
    const char *title)
{
	char count[160];
	int cw;

	if (p->list.filter[0] != '\0')
		snprintf(count, sizeof count, " /%s", p->list.filter);
	else
		count[0] = '\0';
	cw = (int)text_width(count);
	if (cw > r.w / 2)
		cw = r.w / 2;
	tui_text_putf(r.y, r.x, r.w - cw, focused ? THEME_FOCUS : THEME_HEADER,
	    "%d %s", (int)p->id + 1, title);
	if (cw > 0)
		tui_text_put(r.y, r.x + r.w - cw, cw, count, THEME_HEADER);
}

void
tui_pane_draw_rows(struct tui_pane *p, struct tui_rect r, bool focused,
    tui_pane_row_fn row, struct tui *tui, const char *empty)
{
	size_t i;
	int y;

	p->height = r.h > 1 ? (size_t)(r.h - 1) : 1;
	tui_list_scroll(&p->list, p->height);
	if (p->list.len == 0 && r.h > 1) {
		tui_text_put(r.y + 1, r.x, r.w, empty, THEME_DIM);
		return;
	}
	for (y = 1, i = p->list.top; i < p->list.len && y < r.h; i++, y++)
		row(tui, p, &p->list.rows[i], r.y + y, r.x, r.w,
		    focused && i == p->list.selected);
}

/* Run an ops call's outcome into the status line. */
int
tui_pane_done(struct tui *tui, int rc, const struct err *err,
    const char *done)
{
	if (rc < 0) {
		tui_status_error(tui, "%s", err->msg);
		return TUI_HANDLED | TUI_DRAW;
	}
	tui_status_message(tui, "%s", done);
	return TUI_HANDLED | TUI_RELOAD;
}

int
tui_pane_drop_answer(struct tui *tui, int key, const struct tui_ask *ask)
{
	static const char *const done[] = {
		N_("event deleted"), N_("event cancelled"), N_("shift deleted"),
		N_("volunteer deleted")
	};
	struct err err;
	int rc;

	(void)key;
	switch (ask->b) {
	case TUI_DROP_EVENT:
		rc = ops_event_delete(tui->st, ask->a, &err);
		break;
	case TUI_DROP_EVENT_CANCEL:
		rc = ops_event_cancel(tui->st, ask->a, &err);
		break;
	case TUI_DROP_SHIFT:
		rc = ops_shift_delete(tui->st, ask->a, &err);
		break;
	default:
		rc = ops_volunteer_delete(tui->st, ask->a, &err);
		break;
	}
	return tui_pane_done(tui, rc, &err, _(done[ask->b]));
}

void
tui_pane_reload(struct tui *tui, struct tui_pane *p)
{
	const struct tui_list_row *cur = tui_list_current(&p->list);
	struct tui_list_row saved;
	bool keep = cur != NULL;

	if (keep)
		saved = *cur;
	tui_list_clear(&p->list);
	if (!p->ops->reload(tui, p)) {
		p->list.selected = 0;
		keep = false;
	}
	tui_list_restore(&p->list, keep ? &saved : NULL);
}

struct tui_pane *
tui_pane_new(const struct tui_pane_ops *ops, enum tui_pane_id id)
{
	struct tui_pane *p = xcalloc(1, sizeof *p);

	p->ops = ops;
	p->id = id;
	p->limit = ops->first;
	p->data = xcalloc(1, ops->size);
	tui_list_init(&p->list);
	return p;
}

void
tui_pane_free(struct tui_pane *p)
{
	if (p == NULL)
		return;
	p->ops->fini(p->data);
	free(p->data);
	tui_list_fini(&p->list);
	free(p);
}
