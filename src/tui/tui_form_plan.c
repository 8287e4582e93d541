/* SPDX-License-Identifier: ISC */
/*
 * The plan's first start on a server whose clock says UTC: the plan has
 * no zone yet, so the screen asks for its name and zone before anything
 * else (ops_plan_init() saves them). Leaving the form leaves the screen:
 * without a zone no time can be read or shown rightly.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rooster/ops.h"
#include "tui_curses.h"
#include "tui_pane.h"

enum {
	TUI_FORM_PLAN_NAME = 0,
	TUI_FORM_PLAN_ZONE
};

static int
tui_form_plan_save(struct tui *tui, struct tui_form *f, struct err *err)
{
	const char *name = tui_form_text(f, TUI_FORM_PLAN_NAME);
	const char *zone = tui_form_text(f, TUI_FORM_PLAN_ZONE);

	f->focus = TUI_FORM_PLAN_ZONE;
	if (!rtime_zone_is_valid(zone))
		return err_set(err, ERR_INVALID, _("unknown time zone '%s' "
		    "(use an IANA name such as Europe/Amsterdam)"), zone);
	f->focus = TUI_FORM_PLAN_NAME;
	if (ops_plan_init(tui->st, zone, *name != '\0' ? name : NULL,
	    err) < 0)
		return -1;
	tui->needs_zone = false;
	tui_status_message(tui, _("plan '%s' in %s"), *name != '\0' ? name :
	    "rooster", zone);
	return 0;
}

void
tui_form_plan_open(struct tui *tui)
{
	struct tui_form *f;
	char *name = store_setting_get(tui->st, "name");

	f = tui_form_new(_("New plan: its name and time zone"),
	    tui_form_plan_save);
	tui_form_field(f, _("Name"), TUI_FIELD_TEXT,
	    name != NULL && strcmp(name, "rooster") != 0 ? name : NULL,
	    _("e.g. Samen Thuis Utrecht"));
	tui_form_field(f, _("Time zone"), TUI_FIELD_TEXT, NULL,
	    _("e.g. Europe/Amsterdam"));
	free(name);
	tui_form_open(tui, f);
}

/*
 * The note on an assignment ("haalt het gezin op om 17:00"), for the
 * volunteer: shown under the shift and in their invitation. A small form
 * of one field; saving an empty one removes the note.
 */
static int
tui_form_note_save(struct tui *tui, struct tui_form *f, struct err *err)
{
	if (ops_assign_note(tui->st, f->parent, f->id, tui_form_text(f, 0),
	    err) < 0)
		return -1;
	tui_status_message(tui, *tui_form_text(f, 0) != '\0' ?
	    _("note saved") : _("note removed"));
	return 0;
}

void
tui_form_note_open(struct tui *tui, int64_t shift_id, int64_t volunteer_id,
    const char *name, const char *note)
{
	struct tui_form *f;
	char title[128], *clean = text_sanitize(name);

	snprintf(title, sizeof title, _("Note for %s"), clean);
	free(clean);
	f = tui_form_new(title, tui_form_note_save);
	f->parent = shift_id;
	f->id = volunteer_id;
	tui_form_field(f, _("Note"), TUI_FIELD_TEXT, note,
	    _("e.g. brings the family at 17:00"));
	tui_form_open(tui, f);
}
