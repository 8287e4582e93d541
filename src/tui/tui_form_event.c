/* SPDX-License-Identifier: ISC */
/*
 * The event form: title, start, end, place, description. Saving parses
 * the times in the plan's zone, validates with event_validate() and calls
 * ops_event_add() or ops_event_edit(); an edit carries the version seen
 * when the form opened, so a change by another coordinator is not undone.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rooster/ops.h"
#include "tui_curses.h"
#include "tui_pane.h"

enum {
	TUI_FORM_EVENT_TITLE = 0,
	TUI_FORM_EVENT_START,
	TUI_FORM_EVENT_END,
	TUI_FORM_EVENT_LOCATION,
	TUI_FORM_EVENT_DESCRIPTION
};

static void
tui_form_event_set(char **field, const char *text)
{
	free(*field);
	*field = xstrdup(text);
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
	tui_form_event_set(&ev.title, tui_form_text(f, TUI_FORM_EVENT_TITLE));
	tui_form_event_set(&ev.location,
	    tui_form_text(f, TUI_FORM_EVENT_LOCATION));
	tui_form_event_set(&ev.description,
	    tui_form_text(f, TUI_FORM_EVENT_DESCRIPTION));
	f->focus = TUI_FORM_EVENT_START;
	if (tui_form_when(f, TUI_FORM_EVENT_START, &ev.start, err) < 0)
		goto out;
	f->focus = TUI_FORM_EVENT_END;
	if (tui_form_when(f, TUI_FORM_EVENT_END, &ev.end, err) < 0)
		goto out;
	f->focus = TUI_FORM_EVENT_TITLE;
	if (event_validate(&ev, err) < 0) {
		if (ev.end <= ev.start)
			f->focus = TUI_FORM_EVENT_END;
		goto out;
	}
	rc = id != 0 ? ops_event_edit(tui->st, &ev, err) :
	    ops_event_add(tui->st, &ev, err);
	if (rc == 0) {
		tui_status_message(tui, id != 0 ? "event saved" :
		    "event added");
		tui_form_free(tui->form);
		tui->form = NULL;
		tui_loop_reload(tui);
		tui_list_select(&tui->panes[TUI_PANE_EVENTS]->list,
		    TUI_ROW_EVENT, ev.id, 0);
	}
out:
	event_fini(&ev);
	return rc;
}

void
tui_form_event_open(struct tui *tui, int64_t id)
{
	struct tui_form *f;
	struct event ev;
	struct err err;
	char start[32] = "", end[32] = "";

	event_init(&ev);
	if (id != 0) {
		if (store_event_get(tui->st, id, &ev, &err) < 0) {
			tui_status_error(tui, "%s", err.msg);
			return;
		}
		rtime_format_when(ev.start, start, sizeof start);
		rtime_format_when(ev.end, end, sizeof end);
	}
	f = tui_form_new(id != 0 ? "Edit event" : "New event",
	    tui_form_event_save);
	f->id = id;
	f->version = ev.version;
	tui_form_field(f, "Title", TUI_FIELD_TEXT, ev.title, NULL);
	tui_form_field(f, "Start", TUI_FIELD_WHEN, start, "YYYY-MM-DD HH:MM");
	tui_form_field(f, "End", TUI_FIELD_WHEN, end, "YYYY-MM-DD HH:MM");
	tui_form_field(f, "Place", TUI_FIELD_TEXT, ev.location, NULL);
	tui_form_field(f, "Description", TUI_FIELD_TEXT, ev.description, NULL);
	event_fini(&ev);
	tui_form_free(tui->form);
	tui->form = f;
}
