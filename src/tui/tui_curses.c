/* SPDX-License-Identifier: ISC */
/*
 * The terminfo question asked before curses starts: is this terminal type
 * known? Kept apart because term.h defines macros (lines, columns) that
 * would collide with ordinary names elsewhere in the screen's code.
 */
#define TUI_CURSES_TERMINFO 1
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "tui_curses.h"

/*
 * The fatal-signal path (SIGSEGV, SIGABRT, ...): what it writes and the
 * terminal modes it puts back are prepared while all is well, so the
 * handler only calls write(), tcsetattr(), sigaction() and raise(), all
 * async-signal-safe (POSIX), as tmux and htop do on a crash.
 */
static char		 tui_curses_reset[512];
static size_t		 tui_curses_reset_len;
static struct termios	 tui_curses_modes;
static bool		 tui_curses_modes_saved;
static const int	 tui_curses_fatal_signals[] = {
	SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL
};
#define TUI_CURSES_NFATAL \
	(sizeof tui_curses_fatal_signals / sizeof tui_curses_fatal_signals[0])
static struct sigaction	 tui_curses_fatal_old[TUI_CURSES_NFATAL];

static void
tui_curses_reset_add(const char *s)
{
	size_t n;

	if (s == NULL || s == (char *)-1)
		return;
	n = strlen(s);
	if (tui_curses_reset_len + n >= sizeof tui_curses_reset)
		return;
	memcpy(tui_curses_reset + tui_curses_reset_len, s, n);
	tui_curses_reset_len += n;
}

static void
tui_curses_on_fatal(int sig)
{
	size_t i, off = 0;
	ssize_t n;

	while (off < tui_curses_reset_len) {
		n = write(STDOUT_FILENO, tui_curses_reset + off,
		    tui_curses_reset_len - off);
		if (n <= 0)
			break;
		off += (size_t)n;
	}
	if (tui_curses_modes_saved)
		tcsetattr(STDIN_FILENO, TCSANOW, &tui_curses_modes);
	/* Hand the signal on to what had it before (the default: a core). */
	for (i = 0; i < TUI_CURSES_NFATAL; i++)
		if (tui_curses_fatal_signals[i] == sig)
			sigaction(sig, &tui_curses_fatal_old[i], NULL);
	raise(sig);
}

void
tui_curses_fatal_save_modes(void)
{
	tui_curses_modes_saved = tcgetattr(STDIN_FILENO,
	    &tui_curses_modes) == 0;
}

void
tui_curses_fatal_arm(void)
{
	struct sigaction sa;
	size_t i;

	tui_curses_reset_len = 0;
	/* Mouse reporting off (X10, button, any-motion, SGR), attributes,
	 * cursor, keypad, then out of the alternate screen. */
	tui_curses_reset_add("\033[?1000l\033[?1002l\033[?1003l\033[?1006l");
	tui_curses_reset_add(tigetstr("sgr0"));
	tui_curses_reset_add(tigetstr("cnorm"));
	tui_curses_reset_add(tigetstr("rmkx"));
	tui_curses_reset_add(tigetstr("rmcup"));
	tui_curses_reset_add("\r\n");
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = tui_curses_on_fatal;
	sa.sa_flags = SA_RESETHAND;
	for (i = 0; i < TUI_CURSES_NFATAL; i++)
		sigaction(tui_curses_fatal_signals[i], &sa,
		    &tui_curses_fatal_old[i]);
}

void
tui_curses_fatal_disarm(void)
{
	size_t i;

	for (i = 0; i < TUI_CURSES_NFATAL; i++)
		sigaction(tui_curses_fatal_signals[i],
		    &tui_curses_fatal_old[i], NULL);
}

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
tui_curses_term_addressable(const char *term)
{
	TERMINAL *saved = cur_term;
	int errret = 0;
	char *cup;
	bool ok;

	if (term == NULL || *term == '\0')
		return false;
	if (setupterm((char *)term, STDOUT_FILENO, &errret) != OK)
		return false;
	/* A "dumb" or hardcopy terminal cannot move the cursor. */
	cup = tigetstr("cup");
	ok = cup != NULL && cup != (char *)-1 && *cup != '\0' &&
	    tigetflag("hc") <= 0;
	del_curterm(cur_term);
	cur_term = saved;
	return ok;
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
