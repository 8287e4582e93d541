/* SPDX-License-Identifier: ISC */
/*
 * The terminfo question asked before curses starts: is this terminal type
 * known? Kept apart because term.h defines macros (lines, columns) that
 * would collide with ordinary names elsewhere in the screen's code.
 */
#define TUI_CURSES_TERMINFO 1
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "tui_curses.h"

bool
tui_curses_term_known(const char *term)
{
	TERMINAL *saved = cur_term;
	int errret = 0;

	if (term == NULL || *term == '\0')
		return false;
	if (setupterm((char *)term, STDOUT_FILENO, &errret) != OK)
		return false;
	del_curterm(cur_term);
	cur_term = saved;
	return true;
}

bool
tui_curses_has_mouse(void)
{
	const char *term = getenv("TERM");
	char *kmous;

	/* On the console ncurses would load GPM, which never lets go. */
	if (term == NULL || strncmp(term, "linux", 5) == 0)
		return false;
	kmous = tigetstr("kmous");
	/* (char *)-1: not a string capability; NULL: absent. */
	return kmous != NULL && kmous != (char *)-1 && *kmous != '\0';
}

bool
tui_curses_size_sync(void)
{
	struct winsize ws;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 ||
	    ws.ws_col == 0)
		return false;
	if (ws.ws_row == LINES && ws.ws_col == COLS)
		return false;
	resizeterm(ws.ws_row, ws.ws_col);
	return true;
}
