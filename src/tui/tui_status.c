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

static void
tui_status_ask_draw(struct tui *tui, struct tui_popup *pp)
{
	struct tui_ask *ask = pp->data;
	struct tui_rect r = tui->layout.status;

	tui_text_putf(r.y, r.x, r.w, THEME_ERROR, " %s", ask->question);
}

/*
 * One of the keys answers for the pop-up that asked (its TUI_CLOSE
 * closes that one); any other key cancels.
 */
static int
tui_status_ask_key(struct tui *tui, struct tui_popup *pp, int key)
{
	struct tui_ask *ask = pp->data;
	int flags;

	/* A y/n question takes the locale's yes too (j in Dutch). */
	if (strchr(ask->keys, 'y') != NULL && text_is_yes(key))
		key = 'y';
	if (key <= 0 || key >= 0x80 || strchr(ask->keys, key) == NULL) {
		tui_status_message(tui, _("cancelled"));
		return TUI_HANDLED | TUI_DRAW | TUI_CLOSE;
	}
	flags = ask->fn(tui, key, ask);
	if ((flags & TUI_CLOSE) && ask->owner != NULL)
		ask->owner->closing = true;
	return flags | TUI_HANDLED | TUI_DRAW | TUI_CLOSE;
}

static void
tui_status_ask_close(struct tui_popup *pp)
{
	free(pp->data);
}

static const struct tui_popup_ops tui_status_ask_popup = {
	"ask", 0, NULL, NULL, NULL, tui_status_ask_draw, tui_status_ask_key,
	tui_status_ask_close, NULL, NULL, NULL
};

void
tui_status_ask(struct tui *tui, const char *keys, tui_answer_fn fn,
    int64_t a, int64_t b, const char *fmt, ...)
{
	struct tui_ask *ask = xcalloc(1, sizeof *ask);
	struct tui_popup *pp;
	size_t i;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ask->question, sizeof ask->question, fmt, ap);
	va_end(ap);
	snprintf(ask->keys, sizeof ask->keys, "%s", keys);
	ask->fn = fn;
	ask->a = a;
	ask->b = b;
	/* The owner: the pop-up asking (an answer may ask again). */
	for (i = tui->depth; i > 0; i--) {
		pp = tui->stack[i - 1];
		if (!pp->closing && pp->ops != &tui_status_ask_popup) {
			ask->owner = pp;
			break;
		}
	}
	tui_stack_push(tui, &tui_status_ask_popup, ask);
}

void
tui_status_reload(struct tui *tui)
{
	free(tui->plan_name);
	tui->plan_name = store_setting_get(tui->st, "name");
	/* Counted after the frame: an aggregate over rows off screen. */
	tui->gaps_stale = true;
}

bool
tui_status_count(struct tui *tui)
{
	int64_t from, n;

	if (!tui->gaps_stale)
		return false;
	tui->gaps_stale = false;
	from = rtime_week_start_locale(rtime_now());
	if (store_shift_count_gaps(tui->st, from, rtime_day_add(from, 7),
	    TUI_STATUS_GAPS_MAX, &n, NULL) < 0)
		return false;
	tui->gaps_week = (int)n;
	return true;
}

void
tui_status_draw_title(struct tui *tui)
{
	struct tui_rect r = tui->layout.title;
	char today[64], right[96];
	int rw;

	/* TRANSLATORS: strftime format of today in the title bar. */
	/* xgettext:no-c-format */
	rtime_format(rtime_now(), _("%a %d %b %Y"), today, sizeof today);
	if (r.w < 64)
		today[0] = '\0';
	if (tui->gaps_week < 0)		/* not counted yet */
		snprintf(right, sizeof right, "%s ", today);
	else if (tui->gaps_week == 0)
		snprintf(right, sizeof right, _("%s  no gaps this week "),
		    today);
	else
		snprintf(right, sizeof right, ngettext("%s  ! %d%s gap this "
		    "week ", "%s  ! %d%s gaps this week ",
		    (unsigned long)tui->gaps_week), today, tui->gaps_week,
		    tui->gaps_week >= TUI_STATUS_GAPS_MAX ? "+" : "");
	if (r.w < 64 && tui->gaps_week > 0)
		snprintf(right, sizeof right, ngettext("! %d%s gap ",
		    "! %d%s gaps ", (unsigned long)tui->gaps_week),
		    tui->gaps_week, tui->gaps_week >= TUI_STATUS_GAPS_MAX ?
		    "+" : "");
	else if (r.w < 64)
		right[0] = '\0';
	rw = (int)text_width(right);
	if (rw > r.w / 2 + 8)
		rw = r.w - 20 > 0 ? r.w - 20 : 0;
	/* One column between the name and the date, always. */
	tui_text_putf(r.y, r.x, r.w - rw - 1, THEME_TITLE, " %srooster: %s",
	    tui->readonly ? _("READ-ONLY ") : "",
	    tui->plan_name != NULL && *tui->plan_name != '\0' ?
	    tui->plan_name : _("(unnamed plan)"));
	tui_text_put(r.y, r.x + r.w - rw - 1, 1, "", THEME_TITLE);
	tui_text_put(r.y, r.x + r.w - rw, rw, right, THEME_TITLE);
}

/* Context of the status line: where the focus is and what is filtered. */
static void
tui_status_context(struct tui *tui, char *buf, size_t size)
{
	static const char *names[TUI_PANES] = {
		N_("events"), N_("shifts"), N_("volunteers")
	};
	size_t i;

	/* The lowest pop-up's that names one (the week under the help). */
	for (i = 0; i < tui->depth; i++)
		if (tui->stack[i]->ops->context != NULL) {
			snprintf(buf, size, "%s",
			    _(tui->stack[i]->ops->context));
			return;
		}
	snprintf(buf, size, "%s%s", _(names[tui->focus]),
	    tui->gaps_only && tui->focus == TUI_PANE_EVENTS ?
	    _(" (gaps only)") : "");
}

void
tui_status_draw(struct tui *tui)
{
	struct tui_rect r = tui->layout.status;
	struct tui_pane *p = tui->panes[tui->focus];
	const char *conflict, *hint = NULL;
	char ctx[64], hints[96];
	bool quiet = false;
	size_t i;
	int cw, hw;

	/* A question or the filter (pop-ups) paint over this line. */
	tui_status_context(tui, ctx, sizeof ctx);
	for (i = 0; i < tui->depth; i++) {
		if (tui->stack[i]->hints != NULL)
			hint = tui->stack[i]->hints;
		else if (tui->stack[i]->ops->hints != NULL)
			hint = tui->stack[i]->ops->hints;
		if (tui->stack[i]->ops->hints != NULL ||
		    tui->stack[i]->ops->context != NULL)
			quiet = true;
	}
	snprintf(hints, sizeof hints, "%s", hint != NULL ? _(hint) :
	    _("? help  q quit "));
	conflict = NULL;
	if (tui->focus == TUI_PANE_SHIFTS && !quiet)
		conflict = tui_pane_shifts_conflict(tui);
	cw = (int)text_width(ctx) + 3;
	hw = (int)text_width(hints);
	if (cw + hw + 10 > r.w || tui->message[0] != '\0' || conflict != NULL)
		hw = 0;
	if (cw > r.w)
		cw = r.w;
	tui_text_putf(r.y, r.x, cw, THEME_STATUS, " %s ", ctx);
	if (tui->message[0] != '\0')
		tui_text_putf(r.y, r.x + cw, r.w - cw - hw,
		    tui->message_error ? THEME_ERROR : THEME_STATUS, " %s",
		    tui->message);
	else if (conflict != NULL)
		tui_text_putf(r.y, r.x + cw, r.w - cw, THEME_ERROR,
		    _(" !! conflict: %s"), conflict);
	else if (p->list.filter[0] != '\0')
		tui_text_putf(r.y, r.x + cw, r.w - cw - hw, THEME_STATUS,
		    _(" filter: %s"), p->list.filter);
	else
		tui_text_put(r.y, r.x + cw, r.w - cw - hw, "", THEME_STATUS);
	if (hw > 0)
		tui_text_put(r.y, r.x + r.w - hw, hw, hints, THEME_STATUS);
}
