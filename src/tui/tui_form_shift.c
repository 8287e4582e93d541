/* SPDX-License-Identifier: ISC */
/*
 * The shift form: the shift_fields with a form label (role, start, end,
 * people needed), in their order. An empty start or end
 * takes the event's (as ops_shift_add() does). Validation is
 * shift_validate(); saving is ops_shift_add() or ops_shift_edit().
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rooster/ops.h"
#include "tui_curses.h"
#include "tui_pane.h"

/* Where shift_fields puts them in the form. */
enum {
	TUI_FORM_SHIFT_ROLE = 0,
	TUI_FORM_SHIFT_START,
	TUI_FORM_SHIFT_END,
	TUI_FORM_SHIFT_NEEDED
};

static int
tui_form_shift_save(struct tui *tui, struct tui_form *f, struct err *err)
{
	struct shift sh;
	struct event ev;
	int64_t id = f->id;
	int rc = -1;

	if (id != 0) {
		if (store_shift_get(tui->st, id, &sh, err) < 0)
			return -1;
		sh.version = f->version;
	} else {
		shift_init(&sh);
		sh.event_id = f->parent;
	}
	/* An empty time is 0 here: the event's, below. */
	if (tui_form_fields_read(f, shift_fields, &sh, true, err) < 0)
		goto out;
	if (*tui_form_text(f, TUI_FORM_SHIFT_NEEDED) == '\0') {
		err_set(err, ERR_INVALID, _("needed: how many people?"));
		goto out;
	}
	/* Empty times take the event's, so validation sees real ones. */
	if ((sh.start == 0 || sh.end == 0) &&
	    store_event_get(tui->st, sh.event_id, &ev, err) == 0) {
		if (sh.start == 0)
			sh.start = ev.start;
		if (sh.end == 0)
			sh.end = ev.end;
		event_fini(&ev);
	}
	f->focus = TUI_FORM_SHIFT_ROLE;
	if (shift_validate(&sh, err) < 0) {
		if (sh.start != 0 && sh.end <= sh.start)
			f->focus = TUI_FORM_SHIFT_END;
		goto out;
	}
	rc = id != 0 ? ops_shift_edit(tui->st, &sh, false, err) :
	    ops_shift_add(tui->st, &sh, false, err);
	if (rc == 0)
		tui_form_saved(tui, f, TUI_PANE_SHIFTS, TUI_ROW_SHIFT, sh.id,
		    _("shift saved"), _("shift added"));
out:
	shift_fini(&sh);
	return rc;
}

/* The form on shift id of event_id (0: a new one); also afresh. */
static struct tui_form *
tui_form_shift_new(struct tui *tui, int64_t event_id, int64_t id)
{
	struct tui_form *f;
	struct shift sh;
	struct err err;

	shift_init(&sh);
	sh.needed = 1;
	if (id != 0 && store_shift_get(tui->st, id, &sh, &err) < 0) {
		tui_status_error(tui, "%s", err.msg);
		return NULL;
	}
	f = tui_form_new(id != 0 ? _("Edit shift") : _("New shift"),
	    tui_form_shift_save);
	f->id = id;
	f->parent = event_id;
	f->version = sh.version;
	f->fresh = tui_form_shift_new;
	tui_form_fields(f, shift_fields, &sh);
	shift_fini(&sh);
	return f;
}

void
tui_form_shift_open(struct tui *tui, int64_t event_id, int64_t id)
{
	tui_form_open(tui, tui_form_shift_new(tui, event_id, id));
}
