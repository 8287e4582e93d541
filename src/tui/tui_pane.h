/* SPDX-License-Identifier: ISC */
/*
 * Helpers the pane files share (tui_pane.c). Internal to src/tui/.
 */
#ifndef ROOSTER_TUI_PANE_H
#define ROOSTER_TUI_PANE_H

#include "tui_int.h"

/* Row kinds used by the panes' lists. */
enum tui_row_kind {
	TUI_ROW_HEADING = 0,
	TUI_ROW_EVENT,
	TUI_ROW_SHIFT,
	TUI_ROW_ASSIGNMENT,
	TUI_ROW_VOLUNTEER
};

/*
 * Rows asked of store at first: a few screens, so the first frame reads
 * no more than it shows (each event row sums its shifts' staffing); then
 * a page more at a time when the end is near.
 */
#define TUI_PANE_FIRST 64
#define TUI_PANE_PAGE 200

typedef void (*tui_pane_row_fn)(struct tui *tui, struct tui_pane *p,
    const struct tui_list_row *row, int y, int x, int w, bool selected);

/* Rows p should load now: its limit, raised to two screens if less. */
int64_t tui_pane_limit(const struct tui *tui, struct tui_pane *p);
/*
 * The time column of an entry [start, end) into buf: "14:00-17:00" (only
 * "14:00" when not wide); whole days (local midnight to midnight, as an
 * all-day event or a shift of one) "all day", or "3 days".
 */
void tui_pane_when(int64_t start, int64_t end, bool wide, char *buf,
    size_t size);
/* True if [start, end) is whole local days. */
bool tui_pane_whole_days(int64_t start, int64_t end);
/* "3/5 !" into buf; returns the style of the cell. */
enum tui_theme tui_pane_staffing(int assigned, int needed, bool cancelled,
    char *buf, size_t size);
/* An event's staffing counted per shift ("5/6 !+"); returns its style. */
enum tui_theme tui_pane_staffing_event(const struct event *ev, char *buf,
    size_t size);
void tui_pane_heading(struct tui_pane *p, struct tui_rect r, bool focused,
    const char *title);
/* Scroll to the selection and draw the visible rows through row. */
void tui_pane_draw_rows(struct tui_pane *p, struct tui_rect r, bool focused,
    tui_pane_row_fn row, struct tui *tui, const char *empty);
/* Status line after an ops call; returns flags (TUI_RELOAD on success). */
int tui_pane_done(struct tui *tui, int rc, const struct err *err,
    const char *done);

/* What y to "delete ...? y/n" does to row ask->a (ask->b is one of these). */
enum tui_pane_drop {
	TUI_DROP_EVENT = 0,
	TUI_DROP_EVENT_CANCEL,
	TUI_DROP_SHIFT,
	TUI_DROP_VOLUNTEER
};
int tui_pane_drop_answer(struct tui *tui, int key, const struct tui_ask *ask);

#endif /* ROOSTER_TUI_PANE_H */
