/* SPDX-License-Identifier: ISC */
/*
 * The event form: the event_fields with a form label (title, start, end,
 * place, description), in their order. Saving parses
 * the times in the plan's zone (days without times make it all-day),
 * validates with event_validate() and calls ops_event_add() or
 * ops_event_edit(); an edit carries the version seen
 * when the form opened, so a change by another coordinator is not undone.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rooster/ops.h"
#include "tui_curses.h"
#include "tui_pane.h"

/* Where event_fields puts them in the form. */
enum {
	TUI_FORM_EVENT_TITLE = 0,
	TUI_FORM_EVENT_START,
	TUI_FORM_EVENT_END
};

/* True if field i holds a day alone (YYYY-MM-DD, today, tomorrow). */
static bool
tui_form_event_is_day(const struct tui_form *f, size_t i, int64_t *day)
{
	return rtime_parse_day(tui_form_text(f, i), rtime_now(), day,
	    NULL) == 0;
}

/*
 * Start and end into ev: two times, or two days (or a start day and no
 * end) for an all-day event from the first day to the last, included.
 * On an error the focus is on the field at fault.
 */
static int
tui_form_event_span(struct tui_form *f, struct event *ev, struct err *err)
{
	int64_t first, last;
	bool day_start, day_end;

	day_start = tui_form_event_is_day(f, TUI_FORM_EVENT_START, &first);
	day_end = tui_form_event_is_day(f, TUI_FORM_EVENT_END, &last);
	if (day_start && (day_end ||
	    *tui_form_text(f, TUI_FORM_EVENT_END) == '\0')) {
		ev->all_day = true;
		ev->start = first;
		ev->end = rtime_day_next(day_end ? last : first);
		f->focus = TUI_FORM_EVENT_END;
		if (ev->end <= ev->start)
			return err_set(err, ERR_INVALID, _("End: the last day "
			    "is before the first"));
		return 0;
	}
	if (day_start != day_end) {
		f->focus = day_start ? TUI_FORM_EVENT_END :
		    TUI_FORM_EVENT_START;
		return err_set(err, ERR_INVALID, _("give start and end both as "
		    "days (all day) or both with a time"));
	}
	ev->all_day = false;
	f->focus = TUI_FORM_EVENT_START;
	if (tui_form_when(f, TUI_FORM_EVENT_START, &ev->start, err) < 0)
		return -1;
	f->focus = TUI_FORM_EVENT_END;
	return tui_form_when(f, TUI_FORM_EVENT_END, &ev->end, err);
}

static int
tui_form_event_save(struct tui *tui, struct tui_form *f, struct err *err)
{
	struct event ev;
	int64_t id = f->id;
	int rc = -1;

	if (f->id != 0) {
		if (store_event_get(tui->st, f->id, &ev, err) < 0)
			return -1;
		ev.version = f->version;
	} else
		event_init(&ev);
	/* The times are read here: a day alone makes it all-day. */
	if (tui_form_fields_read(f, event_fields, &ev, false, err) < 0 ||
	    tui_form_event_span(f, &ev, err) < 0)
		goto out;
	f->focus = TUI_FORM_EVENT_TITLE;
	if (event_validate(&ev, err) < 0) {
		if (ev.end <= ev.start)
			f->focus = TUI_FORM_EVENT_END;
		goto out;
	}
	rc = id != 0 ? ops_event_edit(tui->st, &ev, err) :
	    ops_event_add(tui->st, &ev, err);
	if (rc == 0)
		tui_form_saved(tui, f, TUI_PANE_EVENTS, TUI_ROW_EVENT, ev.id,
		    _("event saved"), _("event added"));
out:
	event_fini(&ev);
	return rc;
}

/* The form on event id (0: a new one); also afresh for a stale edit. */
static struct tui_form *
tui_form_event_new(struct tui *tui, int64_t parent, int64_t id)
{
	struct tui_form *f;
	struct event ev;
	struct err err;
	char day[32];

	(void)parent;
	event_init(&ev);
	if (id != 0 && store_event_get(tui->st, id, &ev, &err) < 0) {
		tui_status_error(tui, "%s", err.msg);
		return NULL;
	}
	f = tui_form_new(id != 0 ? _("Edit event") : _("New event"),
	    tui_form_event_save);
	f->id = id;
	f->version = ev.version;
	f->fresh = tui_form_event_new;
	tui_form_fields(f, event_fields, &ev);
	/* A day without a time in both: an all-day event. */
	if (ev.all_day) {
		rtime_format(ev.start, "%Y-%m-%d", day, sizeof day);
		tui_form_set(f, TUI_FORM_EVENT_START, day);
		rtime_format(event_last_day(&ev), "%Y-%m-%d", day, sizeof day);
		tui_form_set(f, TUI_FORM_EVENT_END, day);
	}
	event_fini(&ev);
	return f;
}

void
tui_form_event_open(struct tui *tui, int64_t id)
{
	tui_form_open(tui, tui_form_event_new(tui, 0, id));
}
