/* SPDX-License-Identifier: ISC */
/*
 * Undo (u) and the history of the selected item (h): u asks ops_undo to
 * reverse the coordinator's own last change and says what it undid or why
 * it would not; h opens a box over the panes listing the change-log lines
 * about the selected event, shift, assignment or volunteer, newest first.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rooster/ops.h"
#include "tui_curses.h"
#include "tui_pane.h"

#define TUI_HISTORY_LIMIT 200

struct tui_history {
	char			*title;
	struct store_log_list	 lines;
	size_t			 top;
	size_t			 height;
};

int
tui_history_undo(struct tui *tui)
{
	struct store_log_filter f;
	struct store_log_list found = { 0 };
	struct err err;
	int64_t undone = 0;
	char *what;

	if (ops_undo(tui->st, &undone, &err) < 0) {
		tui_status_error(tui, _("undo: %s"), err.msg);
		return TUI_HANDLED | TUI_DRAW;
	}
	memset(&f, 0, sizeof f);
	f.id = undone;
	f.limit = 1;
	if (store_log_find(tui->st, &f, &found, &err) == 0 &&
	    found.len == 1) {
		what = store_log_describe(tui->st, &found.items[0]);
		tui_status_message(tui, _("undone (%s): %s"),
		    found.items[0].action, what);
		free(what);
	} else
		tui_status_message(tui, _("undone: change %lld"),
		    (long long)undone);
	store_log_list_free(&found);
	return TUI_HANDLED | TUI_DRAW | TUI_RELOAD;
}

void
tui_history_close(struct tui *tui)
{
	struct tui_history *h = tui->history;

	if (h == NULL)
		return;
	store_log_list_free(&h->lines);
	free(h->title);
	free(h);
	tui->history = NULL;
}

/* The log bounds and a title for what is selected in the focused pane. */
static char *
tui_history_target(struct tui *tui, struct store_log_filter *f)
{
	struct tui_pane *p = tui->panes[tui->focus];
	const struct tui_list_row *row = tui_list_current(&p->list);
	struct event ev;
	struct shift sh;
	struct volunteer v;
	char *title = NULL;

	memset(f, 0, sizeof *f);
	f->limit = TUI_HISTORY_LIMIT;
	if (tui->focus == TUI_PANE_EVENTS) {
		f->event_id = tui_pane_events_selected(tui);
		if (f->event_id != 0 &&
		    store_event_get(tui->st, f->event_id, &ev, NULL) == 0) {
			title = xasprintf(_("History of %s"), ev.title);
			event_fini(&ev);
		}
		return title;
	}
	if (row == NULL)
		return NULL;
	if (tui->focus == TUI_PANE_VOLUNTEERS ||
	    row->kind == TUI_ROW_ASSIGNMENT) {
		f->volunteer_id = row->id;
		if (store_volunteer_get(tui->st, row->id, &v, NULL) < 0)
			return NULL;
		title = xasprintf(_("History of %s"), v.name);
		volunteer_fini(&v);
	}
	if (tui->focus == TUI_PANE_SHIFTS) {
		/* A shift, or a volunteer on it: the lines about the shift. */
		f->entity = "shift";
		f->entity_id = row->kind == TUI_ROW_ASSIGNMENT ? row->parent :
		    row->id;
		if (store_shift_get(tui->st, f->entity_id, &sh, NULL) < 0) {
			free(title);
			return NULL;
		}
		if (title == NULL)
			title = xasprintf(_("History of shift %s"), sh.role);
		else {
			char *t = xasprintf(_("%s on %s"), title, sh.role);

			free(title);
			title = t;
		}
		shift_fini(&sh);
	}
	return title;
}

int
tui_history_open(struct tui *tui)
{
	struct store_log_filter f;
	struct tui_history *h;
	struct err err;
	char *title;

	if ((title = tui_history_target(tui, &f)) == NULL) {
		tui_status_message(tui, _("select an event, shift or volunteer "
		    "to see its history"));
		return TUI_HANDLED | TUI_DRAW;
	}
	tui_history_close(tui);
	h = xcalloc(1, sizeof *h);
	h->title = title;
	if (store_log_find(tui->st, &f, &h->lines, &err) < 0)
		tui_status_error(tui, "%s", err.msg);
	tui->history = h;
	return TUI_HANDLED | TUI_DRAW;
}

void
tui_history_draw(struct tui *tui)
{
	struct tui_history *h = tui->history;
	const struct store_log_entry *e;
	struct tui_rect r;
	char when[32], *what;
	size_t i;
	int y;

	if (!tui_layout_box(tui->lines, tui->cols, tui->lines - 2,
	    tui->cols < 100 ? tui->cols : 100, &r)) {
		tui_text_put(tui->layout.body.y, 0, tui->cols,
		    _("enlarge the terminal to see the history"), THEME_ERROR);
		return;
	}
	tui_text_box(r, h->title);
	h->height = r.h > 2 ? (size_t)(r.h - 2) : 1;
	if (h->lines.len > h->height && h->top > h->lines.len - h->height)
		h->top = h->lines.len - h->height;
	if (h->lines.len == 0)
		tui_text_put(r.y + 1, r.x + 2, r.w - 4, _("no changes logged"),
		    THEME_DIM);
	for (i = h->top, y = 1; i < h->lines.len && y < r.h - 1; i++, y++) {
		e = &h->lines.items[i];
		rtime_format(e->at, "%Y-%m-%d %H:%M", when, sizeof when);
		what = store_log_describe(tui->st, e);
		if (r.w >= 100)
			tui_text_putf(r.y + y, r.x + 2, r.w - 4,
			    e->undone_by != 0 ? THEME_DIM : THEME_NORMAL,
			    "%s  %-8s %-14s%s %s", when, e->user, e->action,
			    e->undone_by != 0 ? _(" (undone)") : "", what);
		else {
			/* Narrow: what happened first, who did it after. */
			rtime_format_show(e->at, when, sizeof when);
			tui_text_putf(r.y + y, r.x + 2, r.w - 4,
			    e->undone_by != 0 ? THEME_DIM : THEME_NORMAL,
			    "%s%s  %s  (%s)", when, e->undone_by != 0 ?
			    _(" (undone)") : "", what, e->user);
		}
		free(what);
	}
}

int
tui_history_handle(struct tui *tui, int key)
{
	struct tui_history *h = tui->history;
	enum tui_action action = tui_keymap_action(&tui->keymap, key);
	size_t page = h->height > 1 ? h->height - 1 : 1;

	if (key == TUI_KEY_ESC || key == 'q' || key == TUI_KEY_ENTER ||
	    action == TUI_ACT_HISTORY)
		tui_history_close(tui);
	else if (action == TUI_ACT_DOWN)
		h->top++;
	else if (action == TUI_ACT_UP && h->top > 0)
		h->top--;
	else if (action == TUI_ACT_PAGE_DOWN)
		h->top += page;
	else if (action == TUI_ACT_PAGE_UP)
		h->top = h->top > page ? h->top - page : 0;
	else if (action == TUI_ACT_FIRST)
		h->top = 0;
	else if (action == TUI_ACT_LAST)
		h->top = h->lines.len;
	/* tui_history_draw clamps top to the last page. */
	return TUI_HANDLED | TUI_DRAW;
}
