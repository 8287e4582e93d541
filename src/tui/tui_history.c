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

static void
tui_history_line(struct tui *tui, void *data, size_t i, int y, int x, int w)
{
	const struct store_log_list *lines = data;
	const struct store_log_entry *e = &lines->items[i];
	enum tui_theme style = e->undone_by != 0 ? THEME_DIM : THEME_NORMAL;
	char when[32], *what;

	rtime_format(e->at, "%Y-%m-%d %H:%M", when, sizeof when);
	what = store_log_describe(tui->st, e);
	if (w >= 96)	/* a box 100 wide */
		tui_text_putf(y, x, w, style, "%s  %-8s %-14s%s %s", when,
		    e->user, e->action, e->undone_by != 0 ? _(" (undone)") :
		    "", what);
	else {
		/* Narrow: what happened first, who did it after. */
		rtime_format_show(e->at, when, sizeof when);
		tui_text_putf(y, x, w, style, "%s%s  %s  (%s)", when,
		    e->undone_by != 0 ? _(" (undone)") : "", what, e->user);
	}
	free(what);
}

static void
tui_history_free(void *data)
{
	store_log_list_free(data);
}

/* h closes it as it opened it. */
static const struct tui_view_ops tui_history_view = {
	TUI_VIEW_POPUP("history", 0, NULL, NULL), 100,
	N_("enlarge the terminal to see the history"), N_("no changes logged"),
	TUI_ACT_HISTORY, NULL, tui_history_line, tui_history_free
};

int
tui_history_open(struct tui *tui)
{
	struct store_log_filter f;
	struct store_log_list *lines;
	struct err err;
	char *title;

	if ((title = tui_history_target(tui, &f)) == NULL) {
		tui_status_message(tui, _("select an event, shift or volunteer "
		    "to see its history"));
		return TUI_HANDLED | TUI_DRAW;
	}
	lines = xcalloc(1, sizeof *lines);
	if (store_log_find(tui->st, &f, lines, &err) < 0)
		tui_status_error(tui, "%s", err.msg);
	tui_view_open(tui, &tui_history_view, title, lines, lines->len);
	free(title);
	return TUI_HANDLED | TUI_DRAW;
}
