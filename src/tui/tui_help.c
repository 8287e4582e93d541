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

/* The lines built for the width last drawn. */
struct tui_help {
	const struct tui_keymap	*km;
	char			**lines;
	size_t			 n;
};

static void
tui_help_drop(void *data)
{
	struct tui_help *h = data;

	while (h->n > 0)
		free(h->lines[--h->n]);
	free(h->lines);
	h->lines = NULL;
}

static size_t
tui_help_count(struct tui *tui, void *data, int w)
{
	struct tui_help *h = data;

	(void)tui;
	tui_help_drop(h);
	/* One column of margin before each line. */
	h->lines = tui_help_build(h->km, w > 1 ? (size_t)w - 1 : 0, &h->n);
	return h->n;
}

static void
tui_help_line(struct tui *tui, void *data, size_t i, int y, int x, int w)
{
	struct tui_help *h = data;

	(void)tui;
	tui_text_putf(y, x, w, THEME_NORMAL, " %s", h->lines[i]);
}

static const struct tui_view_ops tui_help_view = {
	TUI_VIEW_POPUP("help", TUI_POPUP_FULL, N_("help"), N_("the help")),
	0, NULL, NULL, TUI_ACT_HELP, tui_help_count, tui_help_line,
	tui_help_drop
};

void
tui_help_open(struct tui *tui)
{
	struct tui_help *h = xcalloc(1, sizeof *h);

	h->km = &tui->keymap;
	tui_view_open(tui, &tui_help_view, _(" Help: keys (j/k scroll, Esc "
	    "or q closes)"), h, 0);
}
