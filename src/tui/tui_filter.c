/* SPDX-License-Identifier: ISC */
/*
 * The filter prompt (/): a pop-up on the status line; every key typed
 * refilters the focused pane, Enter or Tab keeps the filter, Esc clears it.
 */
#include <stdlib.h>

#include "tui_curses.h"

/* Typing into the focused pane's filter: every key refilters. */
static int
tui_filter_key(struct tui *tui, struct tui_popup *pp, int key)
{
	struct tui_pane *p = tui->panes[tui->focus];
	int closing = 0;

	(void)pp;
	if (key == TUI_KEY_ESC) {
		tui_list_filter_set(&p->list, NULL);
		closing = TUI_CLOSE;
	} else if (key == TUI_KEY_ENTER || key == TUI_KEY_TAB)
		closing = TUI_CLOSE;
	else if (key == TUI_KEY_BACKSPACE)
		tui_text_backspace(p->list.filter);
	else if (key >= 0x20 && key < TUI_KEY_BASE && key != 0x7f)
		tui_text_append_cp(p->list.filter, sizeof p->list.filter,
		    (unsigned int)key);
	else
		return TUI_HANDLED;
	p->list.selected = 0;
	tui_pane_reload(tui, p);
	if (tui->focus == TUI_PANE_EVENTS)
		tui_pane_reload(tui, tui->panes[TUI_PANE_SHIFTS]);
	return TUI_HANDLED | TUI_DRAW | closing;
}

/* The prompt replaces the status line. */
static void
tui_filter_draw(struct tui *tui, struct tui_popup *pp)
{
	struct tui_rect r = tui->layout.status;
	char *f = text_sanitize(tui->panes[tui->focus]->list.filter);

	(void)pp;
	tui_text_putf(r.y, r.x, r.w, THEME_STATUS,
	    _(" filter: %s_   (Enter keeps, Esc clears)"), f);
	free(f);
}

static const struct tui_popup_ops tui_filter_popup = {
	"filter", 0, NULL, NULL, NULL, tui_filter_draw,
	tui_filter_key, NULL, NULL, NULL, NULL
};

void
tui_filter_open(struct tui *tui)
{
	tui_stack_push(tui, &tui_filter_popup, NULL);
}
