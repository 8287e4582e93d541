/* SPDX-License-Identifier: ISC */
/*
 * Pane 1: upcoming events grouped by day, with time in the plan's zone,
 * title, place and staffing. Rows come a page at a time from an indexed
 * range query; more are asked for when the selection nears the end.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rooster/ops.h"
#include "tui_curses.h"
#include "tui_pane.h"

struct tui_pane_events {
	struct event_list	events;
	/* What the rows were chosen by when the pane went to its tail. */
	bool			tail_known;
	char			tail_filter[128];
	bool			tail_gaps;
};

static bool
tui_pane_events_reload(struct tui *tui, struct tui_pane *p)
{
	struct tui_pane_events *pe = p->data;
	struct store_range range;
	struct err err;
	int64_t day = -1, d;
	size_t i;

	event_list_free(&pe->events);
	memset(&range, 0, sizeof range);
	range.from = rtime_day_add(rtime_now(), 0);
	range.search = p->list.filter[0] != '\0' ? p->list.filter : NULL;
	range.gaps_only = tui->gaps_only;
	/* A new filter or gaps toggle starts from the first rows again. */
	if (p->tail && pe->tail_known &&
	    (strcmp(pe->tail_filter, p->list.filter) != 0 ||
	    pe->tail_gaps != tui->gaps_only)) {
		p->tail = false;
		p->limit = TUI_PANE_FIRST;
	}
	pe->tail_known = p->tail;
	if (p->tail) {
		snprintf(pe->tail_filter, sizeof pe->tail_filter, "%s",
		    p->list.filter);
		pe->tail_gaps = tui->gaps_only;
	}
	range.backwards = p->tail;
	range.limit = tui_pane_limit(tui, p);
	if (store_event_list(tui->st, &range, &pe->events, &err) < 0)
		tui_status_error(tui, "%s", err.msg);
	p->more = (int64_t)pe->events.len >= p->limit;
	for (i = 0; i < pe->events.len; i++) {
		d = rtime_day_add(pe->events.items[i].start, 0);
		if (d != day) {
			tui_list_push(&p->list, TUI_ROW_HEADING, false, d, 0,
			    i);
			day = d;
		}
		tui_list_push(&p->list, TUI_ROW_EVENT, true,
		    pe->events.items[i].id, 0, i);
	}
	return true;
}

static void
tui_pane_events_row(struct tui *tui, struct tui_pane *p,
    const struct tui_list_row *row, int y, int x, int w, bool selected)
{
	struct tui_pane_events *pe = p->data;
	const struct event *ev = &pe->events.items[row->ref];
	char when[32], end[16], staff[32];
	enum tui_theme style, base = selected ? THEME_SELECTED : THEME_NORMAL;
	int sw, tw, rest, title_w, place_w;

	(void)tui;
	if (row->kind == TUI_ROW_HEADING) {
		/* TRANSLATORS: strftime format of a day heading; %-d is
		 * the day without a leading zero. */
		/* xgettext:no-c-format */
		rtime_format(ev->start, _("%A %d %B"), when, sizeof when);
		tui_text_put(y, x, w, when, THEME_HEADER);
		return;
	}
	if (ev->all_day)
		tui_pane_when(ev->start, ev->end, w >= 45, end, sizeof end);
	else
		tui_pane_when(ev->start, ev->end, w >= 45, when, sizeof when);
	/* All-day: its words in the width of the times (or of "all day"). */
	if (ev->all_day)
		snprintf(when, sizeof when, "%-*s", w >= 45 ? 11 : 7, end);
	tw = (int)text_width(when) + 2;
	style = tui_pane_staffing_event(ev, staff, sizeof staff);
	sw = (int)strlen(staff) > 6 ? (int)strlen(staff) : 6;
	/* A column before STAFF and one after it, off the pane's border. */
	rest = w - tw - sw - 2;
	if (rest < 4) {
		tui_text_put(y, x, w, ev->title, base);
		return;
	}
	place_w = rest >= 34 ? rest * 2 / 5 : 0;
	title_w = rest - place_w;
	tui_text_putf(y, x, tw, base, " %s", when);
	tui_text_put(y, x + tw, title_w, ev->title,
	    ev->status == EVENT_CANCELLED && !selected ? THEME_CANCELLED :
	    base);
	if (place_w > 0)
		tui_text_put(y, x + tw + title_w, place_w, ev->location,
		    selected ? base : THEME_DIM);
	tui_text_put(y, x + w - sw - 2, 1, "", base);
	tui_text_put(y, x + w - sw - 1, sw + 1, staff, selected ? base :
	    style);
}

static void
tui_pane_events_draw(struct tui *tui, struct tui_pane *p, struct tui_rect r,
    bool focused)
{
	tui_pane_heading(p, r, focused, tui->gaps_only ? _("Events with gaps") :
	    _("Events"));
	tui_pane_draw_rows(p, r, focused, tui_pane_events_row, tui,
	    p->list.filter[0] || tui->gaps_only ? _(" no matching events") :
	    _(" no upcoming events (a adds one)"));
}

static const struct event *
tui_pane_events_current(struct tui_pane *p)
{
	struct tui_pane_events *pe = p->data;
	const struct tui_list_row *row = tui_list_current(&p->list);

	if (row == NULL || row->kind != TUI_ROW_EVENT)
		return NULL;
	return &pe->events.items[row->ref];
}

int64_t
tui_pane_events_selected(struct tui *tui)
{
	const struct event *ev;

	ev = tui_pane_events_current(tui->panes[TUI_PANE_EVENTS]);
	return ev != NULL ? ev->id : 0;
}

/* o this one, f this and following, a all: for one of a series. */
static int
tui_pane_events_scope_answer(struct tui *tui, int key,
    const struct tui_ask *ask)
{
	enum ops_series_scope scope = key == 'a' ? OPS_SERIES_ALL :
	    key == 'f' ? OPS_SERIES_FOLLOWING : OPS_SERIES_ONE;
	struct err err;
	int rc;

	if (ask->b) {	/* delete */
		rc = ops_series_delete(tui->st, ask->a, scope, &err);
		return tui_pane_done(tui, rc, &err, scope == OPS_SERIES_ONE ?
		    _("occurrence deleted") : _("occurrences deleted"));
	}
	rc = scope == OPS_SERIES_ONE ? ops_event_cancel(tui->st, ask->a,
	    &err) : ops_series_cancel_scope(tui->st, ask->a,
	    scope == OPS_SERIES_FOLLOWING, &err);
	return tui_pane_done(tui, rc, &err, scope == OPS_SERIES_ONE ?
	    _("occurrence cancelled") : _("occurrences cancelled"));
}

/*
 * One occurrence of a repeating event: ask how far a delete or cancel
 * reaches, with how many told volunteers each choice affects.
 */
static void
tui_pane_events_ask_scope(struct tui *tui, const struct event *ev,
    const char *title, bool delete)
{
	int one, one_told, fol, fol_told, all, all_told;

	store_event_series_reach(tui->st, ev->series_id, ev->occurrence_start,
	    ev->occurrence_start, !delete, &one, &one_told, NULL);
	store_event_series_reach(tui->st, ev->series_id, ev->occurrence_start,
	    INT64_MAX, !delete, &fol, &fol_told, NULL);
	store_event_series_reach(tui->st, ev->series_id, INT64_MIN, INT64_MAX,
	    !delete, &all, &all_told, NULL);
	/* TRANSLATORS: o, f and a are the keys; the numbers in brackets
	 * count the volunteers invited to what that choice reaches. */
	tui_status_ask(tui, "ofa", tui_pane_events_scope_answer, ev->id,
	    delete, delete ? _("delete: o this one (%d invited), f this+"
	    "following %d (%d), a all %d (%d) - '%s'") : _("cancel: o this "
	    "one (%d invited), f this+following %d (%d), a all %d (%d) - "
	    "'%s'"), one_told, fol, fol_told, all, all_told, title);
}

/*
 * C typed the copy's start: a date and time, or a date alone (today and
 * tomorrow too), which keeps a timed event's time of day. The copy (with
 * its shifts, not the people) is made by ops_event_copy(), as `rooster
 * event copy ID --start WHEN` does, and selected.
 */
static int
tui_pane_events_copy_save(struct tui *tui, struct tui_form *f,
    struct err *err)
{
	const char *text = tui_form_text(f, 0);
	struct event ev;
	char when[64], day[16], time[8], unlisted[256];
	int64_t start, new_id;

	if (strchr(text, ':') != NULL) {
		if (rtime_parse_when(text, &start, err) < 0)
			return -1;
	} else {
		if (rtime_parse_day(text, rtime_now(), &start, err) < 0)
			return -1;
		if (store_event_get(tui->st, f->id, &ev, err) < 0)
			return -1;
		if (!ev.all_day) {
			rtime_format(start, "%Y-%m-%d", day, sizeof day);
			rtime_format(ev.start, "%H:%M", time, sizeof time);
			snprintf(when, sizeof when, "%s %s", day, time);
			if (rtime_parse_when(when, &start, err) < 0) {
				event_fini(&ev);
				return -1;
			}
		}
		event_fini(&ev);
	}
	if (ops_event_copy(tui->st, f->id, start, &new_id, err) < 0)
		return -1;
	rtime_format_when(start, when, sizeof when);
	tui_status_message(tui, _("event copied to %s"), when);
	/* TRANSLATORS: the copy is not among the listed events (it is in
	 * the past, or filtered out). */
	snprintf(unlisted, sizeof unlisted, _("event copied to %s (not "
	    "listed here)"), when);
	tui_loop_select(tui, TUI_PANE_EVENTS, TUI_ROW_EVENT, new_id,
	    unlisted);
	return 0;
}

static void
tui_pane_events_copy_open(struct tui *tui, const struct event *ev,
    const char *title)
{
	struct tui_form *f;
	char form_title[128], when[64];

	rtime_format_when(ev->start, when, sizeof when);
	/* TRANSLATORS: the event's title and its start now. */
	snprintf(form_title, sizeof form_title, _("Copy '%s' (%s) with its "
	    "shifts to"), title, when);
	f = tui_form_new(form_title, tui_pane_events_copy_save);
	f->id = ev->id;
	tui_form_field(f, _("Start"), TUI_FIELD_TEXT, NULL, ev->all_day ?
	    _("YYYY-MM-DD, today or tomorrow") : _("YYYY-MM-DD [HH:MM]; a "
	    "date alone keeps the time"));
	tui_form_open(tui, f);
}

static int
tui_pane_events_handle(struct tui *tui, struct tui_pane *p,
    enum tui_action action)
{
	const struct event *ev = tui_pane_events_current(p);
	char *title;
	int flags;

	if ((flags = tui_pane_move(tui, p, action)) != TUI_UNHANDLED)
		return flags;
	switch (action) {
	case TUI_ACT_ADD:
		tui_form_event_open(tui, 0);
		return TUI_HANDLED | TUI_DRAW;
	case TUI_ACT_ASSIGN:
		if (ev == NULL)
			break;
		tui->focus = TUI_PANE_SHIFTS;
		tui_status_message(tui, _("select a shift, then s"));
		return TUI_HANDLED | TUI_DRAW;
	default:
		break;
	}
	if (ev == NULL) {
		if (action == TUI_ACT_OPEN || action == TUI_ACT_EDIT ||
		    action == TUI_ACT_DELETE ||
		    action == TUI_ACT_CANCEL_EVENT ||
		    action == TUI_ACT_COPY_EVENT) {
			tui_status_message(tui, _("no event selected"));
			return TUI_HANDLED | TUI_DRAW;
		}
		return TUI_UNHANDLED;
	}
	title = text_sanitize(ev->title);
	flags = TUI_HANDLED | TUI_DRAW;
	switch (action) {
	case TUI_ACT_OPEN:
		tui->focus = TUI_PANE_SHIFTS;
		tui_layout_compute(tui->lines, tui->cols, tui->focus,
		    &tui->layout);
		break;
	case TUI_ACT_EDIT:
		tui_form_event_open(tui, ev->id);
		break;
	case TUI_ACT_DELETE:
		if (ev->series_id != 0) {
			tui_pane_events_ask_scope(tui, ev, title, true);
			break;
		}
		tui_status_ask(tui, "y", tui_pane_drop_answer, ev->id,
		    TUI_DROP_EVENT, _("delete event '%s' with its shifts? "
		    "y/n"), title);
		break;
	case TUI_ACT_CANCEL_EVENT:
		if (ev->status == EVENT_CANCELLED) {
			tui_status_message(tui, _("'%s' is already cancelled"),
			    title);
			break;
		}
		if (ev->series_id != 0) {
			tui_pane_events_ask_scope(tui, ev, title, false);
			break;
		}
		tui_status_ask(tui, "y", tui_pane_drop_answer, ev->id,
		    TUI_DROP_EVENT_CANCEL, _("cancel event '%s'? y/n"), title);
		break;
	case TUI_ACT_COPY_EVENT:
		tui_pane_events_copy_open(tui, ev, title);
		break;
	default:
		flags = TUI_UNHANDLED;
		break;
	}
	free(title);
	return flags;
}

static void
tui_pane_events_fini(void *data)
{
	event_list_free(&((struct tui_pane_events *)data)->events);
}

const struct tui_pane_ops tui_pane_events_ops = {
	"events", tui_pane_events_reload, tui_pane_events_draw,
	tui_pane_events_handle, tui_pane_events_fini, true, TUI_PANE_FIRST,
	sizeof(struct tui_pane_events)
};
