/* SPDX-License-Identifier: ISC */
/*
 * tui: the coordinator's screen (ncursesw). Only src/tui/tui_curses.h
 * includes curses; nothing outside this layer sees it.
 */
#ifndef ROOSTER_TUI_H
#define ROOSTER_TUI_H

#include "rooster/store.h"
#include "rooster/util.h"

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
/*
 * Whether the screen can run here, asked before the plan is opened:
 * 0, or -1 with err set (ERR_INVALID) and its one-line message when
 * standard input or output is not a terminal (cron, `ssh host rooster`
 * without -t) or the terminal cannot move the cursor (TERM=dumb, as in
 * an Emacs shell); the message names what to do instead.
 */
int tui_check_terminal(struct err *err);

#endif /* ROOSTER_TUI_H */
