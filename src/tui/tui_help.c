/* SPDX-License-Identifier: ISC */
/*
 * The help overlay, generated from the keymap table that drives input,
 * so that a key cannot exist without being listed (calcurse's help from
 * keydef[]).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui_curses.h"

char **
tui_help_lines(const struct tui_keymap *km, size_t *count)
{
	const struct tui_keydef *defs;
	char keys[64], **lines;
	size_t n, i;

	defs = tui_keymap_table(&n);
	lines = xcalloc(n, sizeof *lines);
	for (i = 0; i < n; i++) {
		tui_keymap_keys_of(km, defs[i].action, keys, sizeof keys);
		lines[i] = xasprintf("%-10s %-10s %s", keys[0] ? keys : "-",
		    defs[i].scope, defs[i].help);
	}
	*count = n;
	return lines;
}

void
tui_help_draw(struct tui *tui)
{
	struct tui_rect r = tui->layout.body;
	char **lines;
	size_t n, i, shown;
	int y;

	lines = tui_help_lines(&tui->keymap, &n);
	if (r.h < 2)
		goto out;
	shown = (size_t)(r.h - 1);
	if (tui->help_top + shown > n)
		tui->help_top = n > shown ? n - shown : 0;
	tui_text_put(r.y, r.x, r.w, " Help: keys (j/k scroll, Esc or q "
	    "closes)", THEME_HEADER);
	for (y = 1, i = tui->help_top; i < n && y < r.h; i++, y++)
		tui_text_putf(r.y + y, r.x, r.w, THEME_NORMAL, " %s",
		    lines[i]);
out:
	for (i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}

int
tui_help_handle(struct tui *tui, int key)
{
	switch (tui_keymap_action(&tui->keymap, key)) {
	case TUI_ACT_DOWN:
	case TUI_ACT_PAGE_DOWN:
		tui->help_top++;
		break;
	case TUI_ACT_UP:
	case TUI_ACT_PAGE_UP:
		if (tui->help_top > 0)
			tui->help_top--;
		break;
	case TUI_ACT_FIRST:
		tui->help_top = 0;
		break;
	case TUI_ACT_ESCAPE:
	case TUI_ACT_QUIT:
	case TUI_ACT_HELP:
		tui->help = false;
		break;
	default:
		return TUI_UNHANDLED;
	}
	return TUI_HANDLED | TUI_DRAW;
}
