/* SPDX-License-Identifier: ISC */
/*
 * Semantic styles, defined once (ncdu's UI_COLORS): the rest of the screen
 * asks for THEME_UNDERSTAFFED, never for red. Every style has a monochrome
 * form (bold, reverse, dim), used under NO_COLOR and on terminals without
 * colours; meaning never rests on colour alone, gaps also carry a sign.
 */
#include <stdlib.h>

#include "tui_curses.h"

static bool tui_theme_color;

struct tui_theme_def {
	short	fg;
	short	bg;
	attr_t	color_attr;	/* with colours */
	attr_t	mono_attr;	/* without */
};

static const struct tui_theme_def tui_theme_defs[THEME_COUNT] = {
	[THEME_NORMAL] = { -1, -1, A_NORMAL, A_NORMAL },
	[THEME_TITLE] = { COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE },
	[THEME_STATUS] = { COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE },
	[THEME_HEADER] = { COLOR_CYAN, -1, A_BOLD, A_BOLD },
	[THEME_FOCUS] = { COLOR_YELLOW, -1, A_BOLD | A_UNDERLINE,
	    A_BOLD | A_UNDERLINE },
	[THEME_SELECTED] = { -1, -1, A_REVERSE, A_REVERSE },
	[THEME_UNDERSTAFFED] = { COLOR_RED, -1, A_BOLD, A_BOLD },
	[THEME_STAFFED] = { COLOR_GREEN, -1, A_NORMAL, A_NORMAL },
	[THEME_CANCELLED] = { COLOR_MAGENTA, -1, A_DIM, A_DIM },
	[THEME_DIM] = { -1, -1, A_DIM, A_DIM },
	[THEME_ERROR] = { COLOR_WHITE, COLOR_RED, A_BOLD, A_REVERSE | A_BOLD },
	[THEME_INPUT] = { -1, -1, A_UNDERLINE, A_UNDERLINE },
};

void
tui_theme_init(void)
{
	const char *no_color = getenv("NO_COLOR");
	int i;

	tui_theme_color = false;
	if ((no_color != NULL && *no_color != '\0') || !has_colors())
		return;
	if (start_color() == ERR)
		return;
	use_default_colors();
	tui_theme_color = COLORS >= 8 && COLOR_PAIRS > THEME_COUNT;
	if (!tui_theme_color)
		return;
	for (i = 1; i < THEME_COUNT; i++)
		init_pair((short)i, tui_theme_defs[i].fg, tui_theme_defs[i].bg);
}

bool
tui_theme_has_color(void)
{
	return tui_theme_color;
}

attr_t
tui_theme_attr(enum tui_theme style)
{
	const struct tui_theme_def *d;

	if (style < 0 || style >= THEME_COUNT)
		style = THEME_NORMAL;
	d = &tui_theme_defs[style];
	if (!tui_theme_color)
		return d->mono_attr;
	if (d->fg == -1 && d->bg == -1)
		return d->color_attr;
	return d->color_attr | COLOR_PAIR(style);
}
