/* SPDX-License-Identifier: ISC */
/*
 * tui: the coordinator's screen (ncursesw). Only src/tui/tui_curses.h
 * includes curses; nothing outside this layer sees it.
 */
#ifndef ROOSTER_TUI_H
#define ROOSTER_TUI_H

#include "rooster/store.h"

struct ops_config;

/*
 * Run the screen on the open plan st until the user quits or a signal
 * (SIGHUP, SIGTERM, SIGINT) ends it; the terminal is restored either way.
 * cfg (borrowed, may be NULL) is the person's config: invitations sent
 * with `i` need its organizer address and mail command.
 * Returns the process exit status: 0 on quit, 1 on a signal or error
 * (with one line already printed on stderr).
 */
int tui_run(struct store *st, const struct ops_config *cfg);

#endif /* ROOSTER_TUI_H */
