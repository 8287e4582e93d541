/* SPDX-License-Identifier: ISC */
/*
 * The screen's loop (htop's ScreenManager, tmux's server loop in small):
 * handle a resize, reload stale panes, draw, read a key with a one-second
 * timeout (on timeout ask store whether another process changed the file,
 * and reload keeping each selection on its item), map the key to an action
 * and offer it to the top pop-up, the focused pane, then the global
 * handler. What handlers ask for comes back as flags: the loop reloads
 * once per change and closes the pop-ups that asked to be. Signal
 * handlers only set flags; the loop restores the terminal.
 */
#include "rooster/tui.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "rooster/util.h"
#include "rooster/ops.h"
#include "tui_curses.h"

/* Terminal state (STYLE.md allows the TUI's globals). */
static volatile sig_atomic_t tui_loop_signal;	/* HUP, TERM or INT */
static volatile sig_atomic_t tui_loop_suspend;	/* TSTP */
static volatile sig_atomic_t tui_loop_winch;	/* WINCH */

static void
tui_loop_on_signal(int sig)
{
	tui_loop_signal = sig;
}

static void
tui_loop_on_tstp(int sig)
{
	(void)sig;
	tui_loop_suspend = 1;
}

/*
 * Our own SIGWINCH handler in place of ncurses' one: ncurses swallows a
 * resize that ends at the size it already had, yet a multiplexer may have
 * cut the screen's content on the way (tmux replays a burst of resizes as
 * "second-last size, then last"; a busy process reads the last size for
 * both). Every SIGWINCH therefore repaints every cell.
 */
static void
tui_loop_on_winch(int sig)
{
	(void)sig;
	tui_loop_winch = 1;
}

static void
tui_loop_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: a signal wakes the blocking read at once. */
	sa.sa_handler = tui_loop_on_signal;
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = tui_loop_on_tstp;
	sigaction(SIGTSTP, &sa, NULL);
	sa.sa_handler = tui_loop_on_winch;
	sigaction(SIGWINCH, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
}

static void
tui_loop_signals_default(void)
{
	signal(SIGHUP, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGINT, SIG_DFL);
	signal(SIGTSTP, SIG_DFL);
	signal(SIGWINCH, SIG_DFL);
}

/* Ctrl-Z: give the terminal back, stop, and take it again on resume. */
static void
tui_loop_suspend_now(void)
{
	struct sigaction sa, old;

	tui_loop_suspend = 0;
	endwin();
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = SIG_DFL;
	sigaction(SIGTSTP, &sa, &old);
	raise(SIGTSTP);
	/* Running again after SIGCONT. */
	sigaction(SIGTSTP, &old, NULL);
	reset_prog_mode();
	clearok(curscr, TRUE);
	refresh();
}

/* Translate a curses key into rooster's codes. */
static int
tui_loop_key(int rc, wint_t wc)
{
	if (rc == OK) {
		if (wc == '\n' || wc == '\r' || wc == KEY_ENTER)
			return TUI_KEY_ENTER;
		if (wc == 0x7f || wc == 0x08)
			return TUI_KEY_BACKSPACE;
		return (int)wc;
	}
	switch (wc) {
	case KEY_UP:		return TUI_KEY_UP;
	case KEY_DOWN:		return TUI_KEY_DOWN;
	case KEY_LEFT:		return TUI_KEY_LEFT;
	case KEY_RIGHT:		return TUI_KEY_RIGHT;
	case KEY_PPAGE:		return TUI_KEY_PGUP;
	case KEY_NPAGE:		return TUI_KEY_PGDN;
	case KEY_HOME:		return TUI_KEY_HOME;
	case KEY_END:		return TUI_KEY_END;
	case KEY_BTAB:		return TUI_KEY_BTAB;
	case KEY_BACKSPACE:	return TUI_KEY_BACKSPACE;
	case KEY_DC:		return TUI_KEY_DELETE;
	case KEY_F(1):		return TUI_KEY_F1;
	case KEY_ENTER:		return TUI_KEY_ENTER;
	case KEY_RESIZE:	return TUI_KEY_RESIZE;
	case KEY_MOUSE:		return TUI_KEY_MOUSE;
	default:
		/* Named, so that a key doing nothing can say so. */
		if (wc > KEY_F(1) && wc < KEY_F(64))
			return TUI_KEY_F0 + (int)(wc - KEY_F0);
		return TUI_KEY_UNKNOWN;
	}
}

/* The test hook: ROOSTER_RELOAD_LOG gets a line per reload. */
static void
tui_loop_reload_log(void)
{
	const char *path = getenv("ROOSTER_RELOAD_LOG");
	FILE *f;

	if (path == NULL || *path == '\0' || (f = fopen(path, "a")) == NULL)
		return;
	fputs("reload\n", f);
	fclose(f);
}

void
tui_loop_select(struct tui *tui, enum tui_pane_id pane, int kind,
    int64_t id, const char *unlisted)
{
	tui->select.wanted = true;
	tui->select.pane = pane;
	tui->select.kind = kind;
	tui->select.id = id;
	snprintf(tui->select.unlisted, sizeof tui->select.unlisted, "%s",
	    unlisted != NULL ? unlisted : "");
}

void
tui_loop_reload(struct tui *tui)
{
	struct tui_select *sel = &tui->select;
	int i;

	tui_loop_reload_log();
	/* In pane order: a row selected in the events pane is loaded by
	 * the shifts pane right after it. */
	for (i = 0; i < TUI_PANES; i++) {
		tui_pane_reload(tui, tui->panes[i]);
		if (!sel->wanted || sel->pane != (enum tui_pane_id)i)
			continue;
		if (!tui_list_select(&tui->panes[i]->list, sel->kind, sel->id,
		    0) && sel->unlisted[0] != '\0')
			tui_status_message(tui, "%s", sel->unlisted);
		sel->wanted = false;
	}
	tui_status_reload(tui);
	tui->data_version = store_data_version(tui->st);
}

static void
tui_loop_resize(struct tui *tui)
{
	getmaxyx(stdscr, tui->lines, tui->cols);
	tui_layout_compute(tui->lines, tui->cols, tui->focus, &tui->layout);
}

/*
 * The terminal changed size: what it shows now is anyone's guess (a
 * multiplexer may have cut lines off or pulled them back from its
 * history, and a burst of resizes can end at the size curses already
 * had), so the next frame repaints every cell instead of a difference.
 */
static int
tui_loop_resized(struct tui *tui)
{
	int i;

	clearok(curscr, TRUE);
	tui_loop_resize(tui);
	/* Taller than two screens of what a pane loaded: load more. */
	for (i = 0; i < TUI_PANES; i++)
		if (tui->panes[i]->more &&
		    tui->panes[i]->limit < 2 * (int64_t)tui->lines)
			return TUI_DRAW | TUI_RELOAD;
	return TUI_DRAW;
}

static void
tui_loop_draw_small(struct tui *tui)
{
	if (tui->lines < 1 || tui->cols < 1)
		return;
	tui_text_putf(0, 0, tui->cols, THEME_ERROR,
	    _("terminal too small (%dx%d, need %dx%d)"), tui->cols, tui->lines,
	    TUI_MIN_COLS, TUI_MIN_LINES);
}

static void
tui_loop_draw(struct tui *tui)
{
	struct tui_layout *lay = &tui->layout;
	struct tui_popup *top;
	size_t k;
	int i, y, x;

	erase();
	tui_loop_resize(tui);
	if (lay->mode == TUI_LAYOUT_TOO_SMALL) {
		tui_loop_draw_small(tui);
		goto out;
	}
	tui_status_draw_title(tui);
	if (!tui_stack_covered(tui)) {
		for (i = 0; i < TUI_PANES; i++) {
			if (!lay->shown[i])
				continue;
			tui->panes[i]->ops->draw(tui, tui->panes[i],
			    lay->pane[i], tui->focus == (enum tui_pane_id)i);
			if (lay->separator[i] >= 0)
				tui_text_vline(lay->body.y, lay->separator[i],
				    lay->body.h);
		}
	}
	tui_status_draw(tui);
	/* The pop-ups bottom-up, from the one that covers the panes (a
	 * question or the filter paints over the status line). */
	for (k = tui_stack_bottom(tui); k < tui->depth; k++)
		tui->stack[k]->ops->draw(tui, tui->stack[k]);
out:
	top = tui_stack_top(tui);
	if (top != NULL && top->ops->cursor != NULL &&
	    top->ops->cursor(top, &y, &x)) {
		curs_set(1);
		move(y, x);
	} else
		curs_set(0);
	refresh();
}

static void
tui_loop_focus(struct tui *tui, int pane)
{
	if (pane < 0)
		pane = TUI_PANES - 1;
	tui->focus = (enum tui_pane_id)(pane % TUI_PANES);
	/* The help and the week view close (nothing else is open). */
	tui_stack_close_full(tui, false);
}

/* Actions that do not belong to one pane. */
static int
tui_loop_global(struct tui *tui, enum tui_action action)
{
	struct tui_pane *p = tui->panes[tui->focus];
	struct tui_popup *week;

	switch (action) {
	case TUI_ACT_NEXT_PANE:
		tui_loop_focus(tui, (int)tui->focus + 1);
		break;
	case TUI_ACT_PREV_PANE:
		tui_loop_focus(tui, (int)tui->focus - 1);
		break;
	case TUI_ACT_PANE_1:
	case TUI_ACT_PANE_2:
	case TUI_ACT_PANE_3:
		tui_loop_focus(tui, action - TUI_ACT_PANE_1);
		break;
	case TUI_ACT_HELP:
		/* Over the week view; the help itself closes on ?. */
		tui_help_open(tui);
		break;
	case TUI_ACT_WEEK:
		/* From the help: to the week view, or out of both. */
		week = tui_stack_find(tui, "week");
		tui_stack_close_full(tui, false);
		if (week == NULL)
			tui_week_open(tui);
		break;
	case TUI_ACT_FILTER:
		if ((week = tui_stack_find(tui, "week")) != NULL) {
			week->closing = true;
			tui_stack_sweep(tui);
		}
		tui_filter_open(tui);
		break;
	case TUI_ACT_GAPS:
		tui->gaps_only = !tui->gaps_only;
		tui_status_message(tui, tui->gaps_only ?
		    _("showing only events with gaps (! shows all)") :
		    _("showing all events"));
		return TUI_HANDLED | TUI_RELOAD;
	case TUI_ACT_REDRAW:
		clearok(curscr, TRUE);
		return TUI_HANDLED | TUI_RELOAD;
	case TUI_ACT_ESCAPE:
		if (tui_stack_covered(tui)) {
			tui_stack_close_full(tui, false);
			break;
		}
		if (p->list.filter[0] != '\0') {
			tui_list_filter_set(&p->list, NULL);
			tui_status_message(tui, _("filter cleared"));
			return TUI_HANDLED | TUI_RELOAD;
		}
		break;
	case TUI_ACT_UNDO:
		return tui_history_undo(tui);
	case TUI_ACT_HISTORY:
		if (tui_stack_covered(tui))
			break;
		return tui_history_open(tui);
	case TUI_ACT_INVITE:
		return tui_invite_ask(tui);
	case TUI_ACT_QUIT:
		return TUI_HANDLED | TUI_QUIT;
	default:
		return TUI_UNHANDLED;
	}
	return TUI_HANDLED | TUI_DRAW;
}

/*
 * A key that did nothing says so on the status line: one bound to an
 * action that does not apply where the focus is, or one bound to nothing.
 */
static int
tui_loop_nothing(struct tui *tui, int key, bool bound)
{
	static const char *const panes[TUI_PANES] = {
		N_("the events pane"), N_("the shifts pane"),
		N_("the volunteers pane")
	};
	struct tui_popup *top;
	char name[24];
	const char *where;

	tui_keymap_key_name(key, name, sizeof name);
	if (strcmp(name, "?") == 0 || (key >= 0x80 && key < TUI_KEY_BASE))
		snprintf(name, sizeof name, "%s", _("that key"));
	if (!bound) {
		/* TRANSLATORS: %s is a key's name (F12, Z). */
		tui_status_message(tui, _("%s does nothing here — ? for help"),
		    name);
		return TUI_HANDLED | TUI_DRAW;
	}
	top = tui_stack_top(tui);
	where = top != NULL && top->ops->where != NULL ? _(top->ops->where) :
	    _(panes[tui->focus]);
	/* TRANSLATORS: "s: not in the events pane — ? for help". */
	tui_status_message(tui, _("%s: not in %s — ? for help"), name, where);
	return TUI_HANDLED | TUI_DRAW;
}

/*
 * A key no pop-up used: the focused pane's (unless the help or the week
 * view covers it), then the global actions.
 */
static int
tui_loop_dispatch(struct tui *tui, int key)
{
	enum tui_action action = tui_keymap_action(&tui->keymap, key);
	struct tui_pane *p = tui->panes[tui->focus];
	bool covered = tui_stack_covered(tui);
	int64_t event_before, event_after;
	int flags;

	/* A read-only plan: no change is even attempted. */
	if (tui->readonly && !covered &&
	    tui_keymap_changes(action, tui->focus)) {
		tui_status_error(tui, _("read-only: nothing can be changed"));
		return TUI_HANDLED | TUI_DRAW;
	}
	if (action == TUI_ACT_NONE)
		return tui_loop_nothing(tui, key, false);
	event_before = tui_pane_events_selected(tui);
	flags = TUI_UNHANDLED;
	if (!covered)
		flags = p->ops->handle(tui, p, action);
	if (flags == TUI_UNHANDLED)
		flags = tui_loop_global(tui, action);
	if (flags == TUI_UNHANDLED)
		return tui_loop_nothing(tui, key, true);
	event_after = tui_pane_events_selected(tui);
	if (event_before != event_after)
		tui_pane_reload(tui, tui->panes[TUI_PANE_SHIFTS]);
	return flags;
}

/*
 * A click selects: the pane under it gets the focus and the row under it
 * the selection. Only on the panes themselves; everything else is keys.
 */
static int
tui_loop_click(struct tui *tui)
{
	MEVENT ev;
	struct tui_rect r;
	struct tui_pane *p;
	size_t row;
	int i;

	if (getmouse(&ev) != OK || !(ev.bstate & (BUTTON1_PRESSED |
	    BUTTON1_CLICKED | BUTTON1_RELEASED)))
		return TUI_HANDLED;
	if (tui->depth > 0 || tui->layout.mode == TUI_LAYOUT_TOO_SMALL)
		return TUI_HANDLED;
	for (i = 0; i < TUI_PANES; i++) {
		r = tui->layout.pane[i];
		if (!tui->layout.shown[i] || ev.y < r.y || ev.y >= r.y + r.h ||
		    ev.x < r.x || ev.x >= r.x + r.w)
			continue;
		tui->focus = (enum tui_pane_id)i;
		p = tui->panes[i];
		row = p->list.top + (size_t)(ev.y - r.y - 1);
		if (ev.y > r.y && row < p->list.len &&
		    p->list.rows[row].selectable)
			p->list.selected = row;
		if (i == TUI_PANE_EVENTS)
			tui_pane_reload(tui, tui->panes[TUI_PANE_SHIFTS]);
		break;
	}
	return TUI_HANDLED | TUI_DRAW;
}

/* Route a key to the top pop-up, or past it to the panes. */
static int
tui_loop_key_in(struct tui *tui, int key)
{
	int flags;

	if (key == TUI_KEY_MOUSE)
		return tui_loop_click(tui);
	tui->message[0] = '\0';
	tui->message_error = false;
	if ((flags = tui_stack_key(tui, key)) != TUI_UNHANDLED)
		return flags;
	return tui_loop_dispatch(tui, key);
}

/* Another process committed: reload, selections stay on their items. */
static bool
tui_loop_poll(struct tui *tui)
{
	int64_t v = store_data_version(tui->st);
	size_t i;

	if (v == tui->data_version)
		return false;
	tui_loop_reload(tui);
	for (i = 0; i < tui->depth; i++)
		if (tui->stack[i]->ops->changed != NULL)
			tui->stack[i]->ops->changed(tui, tui->stack[i]);
	return true;
}

static void
tui_loop_free(struct tui *tui)
{
	int i;

	for (i = 0; i < TUI_PANES; i++)
		tui_pane_free(tui->panes[i]);
	tui_stack_close_full(tui, true);
	tui_week_free(tui);
	free(tui->plan_name);
}

/*
 * A benchmark hook (tests/bench/bench.py): with ROOSTER_FIRST_FRAME_FILE
 * set, write the CLOCK_MONOTONIC time at which the first frame has been
 * flushed to the terminal into that file. Nothing else changes.
 */
static void
tui_loop_first_frame(void)
{
	const char *path = getenv("ROOSTER_FIRST_FRAME_FILE");
	struct timespec ts;
	FILE *f;

	if (path == NULL || *path == '\0' || (f = fopen(path, "w")) == NULL)
		return;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	fprintf(f, "%lld.%09ld\n", (long long)ts.tv_sec, ts.tv_nsec);
	fclose(f);
}

/* Work the pop-ups do once a frame is shown; true to draw again. */
static bool
tui_loop_after_frame(struct tui *tui)
{
	size_t i;

	for (i = 0; i < tui->depth; i++)
		if (tui->stack[i]->ops->after_frame != NULL &&
		    tui->stack[i]->ops->after_frame(tui, tui->stack[i]))
			return true;
	return false;
}

static int
tui_loop_run(struct tui *tui)
{
	wint_t wc;
	int rc, key, flags = TUI_DRAW;
	bool first = true;

	for (;;) {
		if (tui_loop_signal != 0)
			return 1;
		if (tui_loop_suspend) {
			tui_loop_suspend_now();
			flags |= TUI_DRAW;
		}
		if (tui_loop_winch) {
			tui_loop_winch = 0;
			tui_curses_size_sync();
			flags |= tui_loop_resized(tui);
		}
		if (flags & TUI_RELOAD)
			tui_loop_reload(tui);
		tui_loop_draw(tui);
		if (first) {
			tui_loop_first_frame();
			first = false;
		}
		flags = 0;
		/* A picker just opened shows the best few at once; everyone
		 * is ranked while the coordinator reads them. */
		if (tui_loop_after_frame(tui)) {
			flags = TUI_DRAW;
			continue;
		}
		/* What reads rows off the screen comes after a frame: the
		 * marks of conflicts, the title's count of the week's gaps. */
		if (tui_pane_shifts_judge(tui) || tui_status_count(tui)) {
			flags = TUI_DRAW;
			continue;
		}
		errno = 0;
		rc = get_wch(&wc);
		if (tui_loop_signal != 0)
			return 1;
		if (rc == ERR) {
			if (tui_curses_size_sync())
				flags |= tui_loop_resized(tui);
			if (tui_loop_poll(tui))
				flags |= TUI_DRAW;
			continue;
		}
		key = tui_loop_key(rc, wc);
		if (key == TUI_KEY_RESIZE) {
			flags |= tui_loop_resized(tui);
			continue;
		}
		if (key == TUI_KEY_NONE)
			continue;
		flags = tui_loop_key_in(tui, key);
		/* The plan's first form left unsaved: nothing can be shown
		 * rightly without a zone. */
		if (tui->needs_zone && tui->depth == 0)
			return 0;
		if (flags & TUI_QUIT)
			return 0;
	}
}

int
tui_check_terminal(struct err *err)
{
	const char *term = getenv("TERM");

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return err_set(err, ERR_INVALID, _("no terminal for the "
		    "screen; try 'rooster help' or a command"));
	if (term == NULL || *term == '\0')
		return err_set(err, ERR_INVALID, _("TERM is not set, so the "
		    "screen cannot run; set it (e.g. xterm-256color) or use a "
		    "command such as 'rooster event list'"));
	/* An unknown type is tui_run()'s to refuse, after the plan opened. */
	if (tui_curses_term_known(term) && !tui_curses_term_addressable(term))
		return err_set(err, ERR_INVALID, _("terminal '%s' cannot move "
		    "the cursor, so the screen cannot run; use a command such "
		    "as 'rooster event list' (see 'rooster help')"), term);
	return 0;
}

int
tui_run(struct store *st, const struct ops_config *cfg)
{
	struct tui tui;
	SCREEN *screen;
	const char *term = getenv("TERM");
	char *zone;
	int rc;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, _("rooster: the screen needs a terminal; give "
		    "a command instead (see 'rooster help')\n"));
		return 2;
	}
	/*
	 * Line drawing as UTF-8 characters rather than the terminal's
	 * alternate character set, which many UTF-8 terminals (and
	 * multiplexers) show as letters.
	 */
	setenv("NCURSES_NO_UTF8_ACS", "1", 0);
	screen = NULL;
	tui_curses_fatal_save_modes();
	if (tui_curses_term_known(term))
		screen = newterm(NULL, stdout, stdin);
	if (screen == NULL) {
		fprintf(stderr, _("rooster: unknown terminal type '%s' (set "
		    "TERM, e.g. xterm-256color)\n"), term != NULL ? term : "");
		return 1;
	}
	set_term(screen);
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	set_escdelay(25);
	timeout(1000);
	/* The mouse may select; nothing needs it. */
	if (tui_curses_has_mouse()) {
		mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED |
		    BUTTON1_RELEASED, NULL);
		mouseinterval(0);
	}
	tui_theme_init();
	tui_loop_signal = 0;
	tui_loop_suspend = 0;
	tui_loop_signals();
	tui_curses_fatal_arm();

	memset(&tui, 0, sizeof tui);
	tui.gaps_week = -1;
	tui.st = st;
	tui.cfg = cfg;
	tui.readonly = store_is_readonly(st);
	tui.focus = TUI_PANE_EVENTS;
	tui_keymap_init(&tui.keymap);
	tui.panes[TUI_PANE_EVENTS] = tui_pane_new(&tui_pane_events_ops,
	    TUI_PANE_EVENTS);
	tui.panes[TUI_PANE_SHIFTS] = tui_pane_new(&tui_pane_shifts_ops,
	    TUI_PANE_SHIFTS);
	tui.panes[TUI_PANE_VOLUNTEERS] = tui_pane_new(&tui_pane_volunteers_ops,
	    TUI_PANE_VOLUNTEERS);
	tui_loop_resize(&tui);
	tui_loop_reload(&tui);
	if ((zone = store_setting_get(st, "time_zone")) == NULL &&
	    !tui.readonly) {
		tui.needs_zone = true;
		tui_form_plan_open(&tui);
	}
	free(zone);

	rc = tui_loop_run(&tui);

	/* An open form is dropped: nothing half-typed is ever written. */
	endwin();
	tui_curses_fatal_disarm();
	delscreen(screen);
	tui_loop_signals_default();
	tui_loop_free(&tui);
	return rc;
}
