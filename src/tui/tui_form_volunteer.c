/* SPDX-License-Identifier: ISC */
/*
 * The volunteer form: the volunteer_fields with a form label (name, e-mail,
 * phone, skills, languages and the most shifts per month). Validation is volunteer_validate(); saving is
 * ops_volunteer_add() or ops_volunteer_edit().
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rooster/ops.h"
#include "tui_curses.h"
#include "tui_pane.h"

/* The form shows the volunteer_fields that have a form label, in order. */
enum {
	TUI_FORM_VOLUNTEER_NAME = 0,
	TUI_FORM_VOLUNTEER_EMAIL
};

static int
tui_form_volunteer_save(struct tui *tui, struct tui_form *f,
    struct err *err)
{
	const struct model_field *fd;
	struct volunteer v;
	int64_t id = f->id;
	size_t i = 0;
	int rc = -1, n;
	char **slot;

	if (id != 0) {
		if (store_volunteer_get(tui->st, id, &v, err) < 0)
			return -1;
		v.version = f->version;
	} else
		volunteer_init(&v);
	for (fd = volunteer_fields; fd->key != NULL; fd++) {
		if (fd->form == NULL)
			continue;
		if (fd->kind == MODEL_FIELD_TEXT) {
			slot = model_field_slot(&v, fd);
			free(*slot);
			*slot = fd->list ? text_list_normalize(tui_form_text(f,
			    i)) : xstrdup(tui_form_text(f, i));
		} else {
			f->focus = i;
			if (tui_form_number(f, i, &n, err) < 0)
				goto out;
			model_field_set_int(&v, fd, n);
		}
		i++;
	}
	f->focus = TUI_FORM_VOLUNTEER_NAME;
	if (volunteer_validate(&v, err) < 0) {
		if (v.name[0] != '\0')
			f->focus = TUI_FORM_VOLUNTEER_EMAIL;
		goto out;
	}
	rc = id != 0 ? ops_volunteer_edit(tui->st, &v, err) :
	    ops_volunteer_add(tui->st, &v, err);
	if (rc == 0) {
		tui_status_message(tui, id != 0 ? _("volunteer saved") :
		    _("volunteer added"));
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

/* Stale edits: the row as stored now (tui_form.c asks what to do). */
static void
tui_form_volunteer_reopen(struct tui *tui, int64_t parent, int64_t id)
{
	(void)parent;
	tui_form_volunteer_open(tui, id);
}

static int64_t
tui_form_volunteer_version(struct tui *tui, int64_t id)
{
	struct volunteer row;
	int64_t version;

	if (store_volunteer_get(tui->st, id, &row, NULL) < 0)
		return 0;
	version = row.version;
	volunteer_fini(&row);
	return version;
}

void
tui_form_volunteer_open(struct tui *tui, int64_t id)
{
	struct tui_form *f;
	struct volunteer v;
	struct err err;
	const struct model_field *fd;
	char number[16];

	volunteer_init(&v);
	if (id != 0) {
		if (store_volunteer_get(tui->st, id, &v, &err) < 0) {
			tui_status_error(tui, "%s", err.msg);
			return;
		}
	}
	f = tui_form_new(id != 0 ? _("Edit volunteer") : _("New volunteer"),
	    tui_form_volunteer_save);
	f->id = id;
	f->version = v.version;
	f->reopen = tui_form_volunteer_reopen;
	f->stored_version = tui_form_volunteer_version;
	for (fd = volunteer_fields; fd->key != NULL; fd++) {
		if (fd->form == NULL)
			continue;
		/* A number shows empty for 0 (no limit). */
		number[0] = '\0';
		if (fd->kind != MODEL_FIELD_TEXT && model_field_int(&v, fd) > 0)
			snprintf(number, sizeof number, "%d",
			    model_field_int(&v, fd));
		tui_form_field(f, _(fd->form), fd->kind == MODEL_FIELD_TEXT ?
		    TUI_FIELD_TEXT : TUI_FIELD_NUMBER, fd->kind ==
		    MODEL_FIELD_TEXT ? *model_field_slot(&v, fd) : number,
		    fd->hint != NULL ? _(fd->hint) : NULL);
	}
	volunteer_fini(&v);
	tui_form_free(tui->form);
	tui->form = f;
}
