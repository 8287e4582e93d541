/* SPDX-License-Identifier: ISC */
/*
 * The only file that includes curses (as htop's ProvideCurses.h). The wide
 * character API of ncursesw is asked for explicitly, so that get_wch() and
 * multibyte addstr() are declared whatever the feature macros say.
 */
#ifndef ROOSTER_TUI_CURSES_H
#define ROOSTER_TUI_CURSES_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <curses.h>

#include "tui_int.h"

#ifdef TUI_CURSES_TERMINFO
/* term.h defines macros named lines and columns: only tui_curses.c. */
#include <term.h>
#endif

/*
 * tui_curses.c: true if the terminfo database knows term. Unlike a failed
 * newterm(), asking leaves nothing allocated behind.
 */
bool tui_curses_term_known(const char *term);
/*
 * tui_curses.c: restoring the terminal from a fatal signal. Save the
 * terminal's modes before curses changes them; arm once curses runs (the
 * reset sequence comes from terminfo then); disarm after endwin().
 */
void tui_curses_fatal_save_modes(void);
void tui_curses_fatal_arm(void);
void tui_curses_fatal_disarm(void);
/* tui_curses.c: true if term is known and can move the cursor (cup). */
bool tui_curses_term_addressable(const char *term);
/*
 * True if the terminal reports mouse clicks as keys (terminfo kmous, as
 * xterm-like terminals do). The Linux console's GPM path is left alone.
 */
bool tui_curses_has_mouse(void);

/*
 * tui_curses.c: if the terminal's real size differs from what curses
 * believes (a resize signal lost among many, or merged), tell curses and
 * return true. Checked on every idle tick, so the screen never stays
 * drawn for a size the terminal no longer has.
 */
bool tui_curses_size_sync(void);

/* tui_theme.c: the curses attributes of a semantic style. */
attr_t tui_theme_attr(enum tui_theme style);

#endif /* ROOSTER_TUI_CURSES_H */
