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

/*
 * The help lines; with cols > 0 each key's text wraps to fit cols, its
 * later lines under its first (Dutch runs longer than English).
 */
static char **
tui_help_build(const struct tui_keymap *km, size_t cols, size_t *count)
{
	const struct tui_keydef *defs;
	char keys[64], **lines, **parts, *head;
	const char *scope;
	size_t n, i, j, np, len = 0, cap, width = 10, indent;

	defs = tui_keymap_table(&n);
	cap = n;
	lines = xcalloc(cap, sizeof *lines);
	/* The scope column as wide as its widest translation. */
	for (i = 0; i < n; i++)
		if (text_width(_(defs[i].scope)) > width)
			width = text_width(_(defs[i].scope));
	indent = 10 + 1 + width + 1;
	for (i = 0; i < n; i++) {
		tui_keymap_keys_of(km, defs[i].action, keys, sizeof keys);
		scope = _(defs[i].scope);
		head = xasprintf("%-10s %s%*s ", keys[0] ? keys : "-",
		    scope, (int)(width - text_width(scope)), "");
		if (cols > indent + 10)
			parts = text_wrap(_(defs[i].help), cols - indent, &np);
		else {
			parts = xcalloc(1, sizeof *parts);
			parts[0] = xstrdup(_(defs[i].help));
			np = 1;
		}
		if (len + np > cap) {
			cap = (len + np) * 2;
			lines = xreallocarray(lines, cap, sizeof *lines);
		}
		for (j = 0; j < np; j++) {
			lines[len++] = j == 0 ? xasprintf("%s%s", head,
			    parts[j]) : xasprintf("%*s%s", (int)indent, "",
			    parts[j]);
			free(parts[j]);
		}
		free(parts);
		free(head);
	}
	*count = len;
	return lines;
}

char **
tui_help_lines(const struct tui_keymap *km, size_t *count)
{
	return tui_help_build(km, 0, count);
}

void
tui_help_draw(struct tui *tui)
{
	struct tui_rect r = tui->layout.body;
	char **lines;
	size_t n, i, shown;
	int y;

	/* One column of margin before each line. */
	lines = tui_help_build(&tui->keymap, r.w > 1 ? (size_t)r.w - 1 : 0,
	    &n);
	if (r.h < 2)
		goto out;
	shown = (size_t)(r.h - 1);
	if (tui->help_top + shown > n)
		tui->help_top = n > shown ? n - shown : 0;
	tui_text_put(r.y, r.x, r.w, _(" Help: keys (j/k scroll, Esc or q "
	    "closes)"), THEME_HEADER);
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
	size_t page = tui->layout.body.h > 2 ?
	    (size_t)tui->layout.body.h - 2 : 1;

	switch (tui_keymap_action(&tui->keymap, key)) {
	case TUI_ACT_DOWN:
		tui->help_top++;
		break;
	case TUI_ACT_PAGE_DOWN:
		tui->help_top += page;
		break;
	case TUI_ACT_UP:
		if (tui->help_top > 0)
			tui->help_top--;
		break;
	case TUI_ACT_PAGE_UP:
		tui->help_top = tui->help_top > page ? tui->help_top - page : 0;
		break;
	case TUI_ACT_FIRST:
		tui->help_top = 0;
		break;
	case TUI_ACT_LAST:
		/* tui_help_draw clamps to the last page. */
		tui->help_top = (size_t)-1 / 2;
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
