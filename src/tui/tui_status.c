/* SPDX-License-Identifier: ISC */
/*
 * The title line (plan name, today, gaps this week) and the status line
 * (context, messages, questions, key hints). Questions asked here are the
 * screen's small modal prompts: y/n before deleting, a/d/t for responses.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rooster/store.h"
#include "tui_curses.h"

/* Gaps counted for the title at most; more shows as "999+". */
#define TUI_STATUS_GAPS_MAX 999

static void
tui_status_vset(struct tui *tui, bool error, const char *fmt, va_list ap)
{
	vsnprintf(tui->message, sizeof tui->message, fmt, ap);
	tui->message_error = error;
}

void
tui_status_message(struct tui *tui, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	tui_status_vset(tui, false, fmt, ap);
	va_end(ap);
}

void
tui_status_error(struct tui *tui, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	tui_status_vset(tui, true, fmt, ap);
	va_end(ap);
}

void
tui_status_ask(struct tui *tui, const char *keys, tui_answer_fn fn,
    int64_t a, int64_t b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(tui->ask.question, sizeof tui->ask.question, fmt, ap);
	va_end(ap);
	snprintf(tui->ask.keys, sizeof tui->ask.keys, "%s", keys);
	tui->ask.fn = fn;
	tui->ask.a = a;
	tui->ask.b = b;
	tui->ask.active = true;
}

void
tui_status_reload(struct tui *tui)
{
	struct store_range range;
	struct shift_list shifts = { 0 };
	int64_t now = rtime_now();

	free(tui->plan_name);
	tui->plan_name = store_setting_get(tui->st, "name");
	memset(&range, 0, sizeof range);
	range.from = rtime_week_start(now);
	range.to = rtime_day_add(range.from, 7);
	range.gaps_only = true;
	range.limit = TUI_STATUS_GAPS_MAX;
	tui->gaps_week = 0;
	if (store_shift_list_range(tui->st, &range, &shifts, NULL) == 0)
		tui->gaps_week = (int)shifts.len;
	shift_list_free(&shifts);
}

void
tui_status_draw_title(struct tui *tui)
{
	struct tui_rect r = tui->layout.title;
	char today[64], right[96];
	int rw;

	rtime_format(rtime_now(), "%a %d %b %Y", today, sizeof today);
	if (r.w < 64)
		today[0] = '\0';
	if (tui->gaps_week == 0)
		snprintf(right, sizeof right, "%s  no gaps this week ", today);
	else
		snprintf(right, sizeof right, "%s  ! %d%s gap%s this week ",
		    today, tui->gaps_week, tui->gaps_week >=
		    TUI_STATUS_GAPS_MAX ? "+" : "",
		    tui->gaps_week == 1 ? "" : "s");
	if (r.w < 64 && tui->gaps_week > 0)
		snprintf(right, sizeof right, "! %d%s gap%s ", tui->gaps_week,
		    tui->gaps_week >= TUI_STATUS_GAPS_MAX ? "+" : "",
		    tui->gaps_week == 1 ? "" : "s");
	else if (r.w < 64)
		right[0] = '\0';
	rw = (int)text_width(right);
	if (rw > r.w / 2 + 8)
		rw = r.w - 20 > 0 ? r.w - 20 : 0;
	/* One column between the name and the date, always. */
	tui_text_putf(r.y, r.x, r.w - rw - 1, THEME_TITLE, " rooster: %s",
	    tui->plan_name != NULL && *tui->plan_name != '\0' ?
	    tui->plan_name : "(unnamed plan)");
	tui_text_put(r.y, r.x + r.w - rw - 1, 1, "", THEME_TITLE);
	tui_text_put(r.y, r.x + r.w - rw, rw, right, THEME_TITLE);
}

/* Context of the status line: where the focus is and what is filtered. */
static void
tui_status_context(struct tui *tui, char *buf, size_t size)
{
	static const char *names[TUI_PANES] = {
		"events", "shifts", "volunteers"
	};
	struct tui_pane *p = tui->panes[tui->focus];

	if (tui->week)
		snprintf(buf, size, "week");
	else if (tui->help)
		snprintf(buf, size, "help");
	else
		snprintf(buf, size, "%s%s", names[tui->focus],
		    tui->gaps_only && tui->focus == TUI_PANE_EVENTS ?
		    " (gaps only)" : "");
	(void)p;
}

void
tui_status_draw(struct tui *tui)
{
	struct tui_rect r = tui->layout.status;
	struct tui_pane *p = tui->panes[tui->focus];
	char ctx[64], hints[96];
	int cw, hw;

	if (tui->ask.active) {
		tui_text_putf(r.y, r.x, r.w, THEME_ERROR, " %s",
		    tui->ask.question);
		return;
	}
	if (tui->filtering) {
		char *f = text_sanitize(p->list.filter);

		tui_text_putf(r.y, r.x, r.w, THEME_STATUS,
		    " filter: %s_   (Enter keeps, Esc clears)", f);
		free(f);
		return;
	}
	tui_status_context(tui, ctx, sizeof ctx);
	if (tui->form != NULL)
		snprintf(hints, sizeof hints,
		    "Enter save  Tab next  Esc cancel ");
	else if (tui->picker != NULL)
		snprintf(hints, sizeof hints, "Enter assign  Esc close ");
	else
		snprintf(hints, sizeof hints, "? help  q quit ");
	cw = (int)text_width(ctx) + 3;
	hw = (int)text_width(hints);
	if (cw + hw + 10 > r.w || tui->message[0] != '\0')
		hw = 0;
	if (cw > r.w)
		cw = r.w;
	tui_text_putf(r.y, r.x, cw, THEME_STATUS, " %s ", ctx);
	if (tui->message[0] != '\0')
		tui_text_putf(r.y, r.x + cw, r.w - cw - hw,
		    tui->message_error ? THEME_ERROR : THEME_STATUS, " %s",
		    tui->message);
	else if (p->list.filter[0] != '\0')
		tui_text_putf(r.y, r.x + cw, r.w - cw - hw, THEME_STATUS,
		    " filter: %s", p->list.filter);
	else
		tui_text_put(r.y, r.x + cw, r.w - cw - hw, "", THEME_STATUS);
	if (hw > 0)
		tui_text_put(r.y, r.x + r.w - hw, hw, hints, THEME_STATUS);
}
