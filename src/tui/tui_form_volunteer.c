/* SPDX-License-Identifier: ISC */
/*
 * The volunteer form: name, e-mail, phone, skills, languages and the most
 * shifts per month. Validation is volunteer_validate(); saving is
 * ops_volunteer_add() or ops_volunteer_edit().
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rooster/ops.h"
#include "tui_curses.h"
#include "tui_pane.h"

enum {
	TUI_FORM_VOLUNTEER_NAME = 0,
	TUI_FORM_VOLUNTEER_EMAIL,
	TUI_FORM_VOLUNTEER_PHONE,
	TUI_FORM_VOLUNTEER_SKILLS,
	TUI_FORM_VOLUNTEER_LANGUAGES,
	TUI_FORM_VOLUNTEER_MAX
};

static void
tui_form_volunteer_set(char **field, const char *text, bool list)
{
	free(*field);
	*field = list ? text_list_normalize(text) : xstrdup(text);
}

static int
tui_form_volunteer_save(struct tui *tui, struct tui_form *f,
    struct err *err)
{
	struct volunteer v;
	int64_t id = f->id;
	int rc = -1;

	if (id != 0) {
		if (store_volunteer_get(tui->st, id, &v, err) < 0)
			return -1;
		v.version = f->version;
	} else
		volunteer_init(&v);
	tui_form_volunteer_set(&v.name,
	    tui_form_text(f, TUI_FORM_VOLUNTEER_NAME), false);
	tui_form_volunteer_set(&v.email,
	    tui_form_text(f, TUI_FORM_VOLUNTEER_EMAIL), false);
	tui_form_volunteer_set(&v.phone,
	    tui_form_text(f, TUI_FORM_VOLUNTEER_PHONE), false);
	tui_form_volunteer_set(&v.skills,
	    tui_form_text(f, TUI_FORM_VOLUNTEER_SKILLS), true);
	tui_form_volunteer_set(&v.languages,
	    tui_form_text(f, TUI_FORM_VOLUNTEER_LANGUAGES), true);
	f->focus = TUI_FORM_VOLUNTEER_MAX;
	if (tui_form_number(f, TUI_FORM_VOLUNTEER_MAX, &v.max_per_month,
	    err) < 0)
		goto out;
	f->focus = TUI_FORM_VOLUNTEER_NAME;
	if (volunteer_validate(&v, err) < 0) {
		if (v.name[0] != '\0')
			f->focus = TUI_FORM_VOLUNTEER_EMAIL;
		goto out;
	}
	rc = id != 0 ? ops_volunteer_edit(tui->st, &v, err) :
	    ops_volunteer_add(tui->st, &v, err);
	if (rc == 0) {
		tui_status_message(tui, id != 0 ? "volunteer saved" :
		    "volunteer added");
		tui_form_free(tui->form);
		tui->form = NULL;
		tui_loop_reload(tui);
		tui_list_select(&tui->panes[TUI_PANE_VOLUNTEERS]->list,
		    TUI_ROW_VOLUNTEER, v.id, 0);
	}
out:
	volunteer_fini(&v);
	return rc;
}

void
tui_form_volunteer_open(struct tui *tui, int64_t id)
{
	struct tui_form *f;
	struct volunteer v;
	struct err err;
	char max[16] = "";

	volunteer_init(&v);
	if (id != 0) {
		if (store_volunteer_get(tui->st, id, &v, &err) < 0) {
			tui_status_error(tui, "%s", err.msg);
			return;
		}
		if (v.max_per_month > 0)
			snprintf(max, sizeof max, "%d", v.max_per_month);
	}
	f = tui_form_new(id != 0 ? "Edit volunteer" : "New volunteer",
	    tui_form_volunteer_save);
	f->id = id;
	f->version = v.version;
	tui_form_field(f, "Name", TUI_FIELD_TEXT, v.name, NULL);
	tui_form_field(f, "E-mail", TUI_FIELD_TEXT, v.email, NULL);
	tui_form_field(f, "Phone", TUI_FIELD_TEXT, v.phone, NULL);
	tui_form_field(f, "Skills", TUI_FIELD_TEXT, v.skills,
	    "e.g. tolk,rijbewijs");
	tui_form_field(f, "Languages", TUI_FIELD_TEXT, v.languages,
	    "e.g. nl,ar");
	tui_form_field(f, "Max/month", TUI_FIELD_NUMBER, max, "no limit");
	volunteer_fini(&v);
	tui_form_free(tui->form);
	tui->form = f;
}
