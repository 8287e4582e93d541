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

/*
 * The "Away" field: "DAY [DAY] [reason]" adds whole days the volunteer
 * cannot work, "-PERIOD" removes one (its number is in the form's
 * title). Parsed before anything is saved; *remove or *u set.
 */
static int
tui_form_volunteer_away(const char *text, struct unavailable *u,
    int64_t *remove, struct err *err)
{
	char buf[TUI_FIELD_MAX], *p, *second, *rest;
	int64_t day, last;

	memset(u, 0, sizeof *u);
	*remove = 0;
	snprintf(buf, sizeof buf, "%s", text);
	for (p = buf; *p == ' '; p++)
		;
	if (*p == '\0')
		return 0;
	if (*p == '-') {
		*remove = strtoll(p + 1, &rest, 10);
		if (*remove <= 0 || *rest != '\0')
			return err_set(err, ERR_INVALID, _("away: -PERIOD "
			    "removes a period by its number, e.g. -2"));
		return 0;
	}
	second = strchr(p, ' ');
	if (second != NULL)
		*second++ = '\0';
	if (rtime_parse_day(p, rtime_now(), &day, err) < 0)
		return -1;
	last = day;
	rest = second;
	if (second != NULL) {
		while (*second == ' ')
			second++;
		rest = strchr(second, ' ');
		if (rest != NULL)
			*rest++ = '\0';
		if (rtime_parse_day(second, rtime_now(), &last, NULL) < 0) {
			/* Not a day: the reason starts there. */
			if (rest != NULL)
				rest[-1] = ' ';
			rest = second;
			last = day;
		}
	}
	if (last < day)
		return err_set(err, ERR_INVALID, _("away: the last day is "
		    "before the first"));
	u->start = day;
	u->end = rtime_day_next(last);
	u->reason = xstrdup(rest != NULL ? rest : "");
	return 1;
}


static int
tui_form_volunteer_save(struct tui *tui, struct tui_form *f,
    struct err *err)
{
	struct volunteer v;
	struct unavailable away;
	int64_t id = f->id, remove;
	int rc = -1, add;

	/* The Away field is the form's last. */
	f->focus = f->count - 1;
	if ((add = tui_form_volunteer_away(tui_form_text(f, f->count - 1),
	    &away, &remove, err)) < 0)
		return -1;
	if (id != 0) {
		if (store_volunteer_get(tui->st, id, &v, err) < 0) {
			free(away.reason);
			return -1;
		}
		v.version = f->version;
	} else
		volunteer_init(&v);
	if (tui_form_fields_read(f, volunteer_fields, &v, false, err) < 0)
		goto out;
	f->focus = TUI_FORM_VOLUNTEER_NAME;
	if (volunteer_validate(&v, err) < 0) {
		if (v.name[0] != '\0')
			f->focus = TUI_FORM_VOLUNTEER_EMAIL;
		goto out;
	}
	rc = id != 0 ? ops_volunteer_edit(tui->st, &v, err) :
	    ops_volunteer_add(tui->st, &v, err);
	if (rc == 0 && add > 0) {
		away.volunteer_id = v.id;
		f->focus = f->count - 1;
		rc = ops_volunteer_unavailable(tui->st, &away, err);
	} else if (rc == 0 && remove > 0) {
		f->focus = f->count - 1;
		rc = ops_volunteer_available(tui->st, v.id, remove, err);
	}
	if (rc == 0)
		tui_form_saved(tui, f, TUI_PANE_VOLUNTEERS, TUI_ROW_VOLUNTEER,
		    v.id, _("volunteer saved"), _("volunteer added"));
out:
	free(away.reason);
	volunteer_fini(&v);
	return rc;
}

/* The title names the periods the volunteer is away: "Edit volunteer
 * (away: 1 06 Jan-07 Jan, 2 ...)". */
static void
tui_form_volunteer_title(struct tui *tui, struct tui_form *f, int64_t id)
{
	struct unavailable_list off = { 0 };
	char from[32], to[32];
	size_t i, len;

	if (id == 0 || store_unavailable_list(tui->st, id, &off, NULL) < 0 ||
	    off.len == 0) {
		unavailable_list_free(&off);
		return;
	}
	len = strlen(f->title);
	snprintf(f->title + len, sizeof f->title - len, " (%s", _("away:"));
	for (i = 0; i < off.len; i++) {
		rtime_format(off.items[i].start, "%d %b", from, sizeof from);
		rtime_format(rtime_day_add(off.items[i].end - 1, 0), "%d %b",
		    to, sizeof to);
		len = strlen(f->title);
		snprintf(f->title + len, sizeof f->title - len, "%s %lld %s%s%s",
		    i > 0 ? "," : "", (long long)off.items[i].id, from,
		    strcmp(from, to) != 0 ? "-" : "", strcmp(from, to) != 0 ?
		    to : "");
	}
	len = strlen(f->title);
	snprintf(f->title + len, sizeof f->title - len, ")");
	unavailable_list_free(&off);
}

/* The form on volunteer id (0: a new one); also afresh. */
static struct tui_form *
tui_form_volunteer_new(struct tui *tui, int64_t parent, int64_t id)
{
	struct tui_form *f;
	struct volunteer v;
	struct err err;

	(void)parent;
	volunteer_init(&v);
	if (id != 0 && store_volunteer_get(tui->st, id, &v, &err) < 0) {
		tui_status_error(tui, "%s", err.msg);
		return NULL;
	}
	f = tui_form_new(id != 0 ? _("Edit volunteer") : _("New volunteer"),
	    tui_form_volunteer_save);
	tui_form_volunteer_title(tui, f, id);
	f->id = id;
	f->version = v.version;
	f->fresh = tui_form_volunteer_new;
	/* Max/month shows empty for 0: its hint says "no limit". */
	tui_form_fields(f, volunteer_fields, &v);
	tui_form_field(f, _("Away"), TUI_FIELD_TEXT, NULL,
	    _("DAY [DAY] [reason] adds; -N removes"));
	volunteer_fini(&v);
	return f;
}

void
tui_form_volunteer_open(struct tui *tui, int64_t id)
{
	tui_form_open(tui, tui_form_volunteer_new(tui, 0, id));
}
