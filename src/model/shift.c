/* SPDX-License-Identifier: ISC */
/* Shifts: a slot inside an event for one role and a number of people. */
#include "rooster/model.h"

#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model_int.h"

#define SHIFT_FIELD(name, field, ...) \
	{ .key = name, .offset = offsetof(struct shift, field), __VA_ARGS__ }

const struct model_field shift_fields[] = {
	SHIFT_FIELD("event_id", event_id, .label = N_("EVENT_ID"),
	    .kind = MODEL_FIELD_ID),
	SHIFT_FIELD("event", event_title, .label = N_("EVENT"),
	    .kind = MODEL_FIELD_TEXT,
	    .flags = MODEL_FIELD_DERIVED | MODEL_FIELD_SHOW_TABLE),
	SHIFT_FIELD("role", role, .label = N_("ROLE"), .what = N_("role"),
	    .option = "--role",
	    .usage = N_("[--role R]"), .kind = MODEL_FIELD_TEXT,
	    .flags = MODEL_FIELD_NULL, .form = N_("Role")),
	SHIFT_FIELD("start", start, .label = N_("START"), .option = "--start",
	    .usage = N_("[--start WHEN]"),
	    .kind = MODEL_FIELD_TIME, .column = "start_at",
	    .form = N_("Start"), .hint = N_("event's start")),
	SHIFT_FIELD("end", end, .label = N_("END"), .option = "--end",
	    .usage = N_("[--end WHEN]"),
	    .kind = MODEL_FIELD_TIME, .column = "end_at", .form = N_("End"),
	    .hint = N_("event's end")),
	SHIFT_FIELD("needed", needed, .label = N_("NEEDED"),
	    .what = N_("number needed"), .option = "--needed",
	    .usage = N_("[--needed N]"),
	    .kind = MODEL_FIELD_INT, .max = 1000, .form = N_("Needed")),
	SHIFT_FIELD("assigned", assigned, .label = N_("ASSIGNED"),
	    .kind = MODEL_FIELD_INT, .flags = MODEL_FIELD_DERIVED),
	SHIFT_FIELD("language", language, .label = N_("LANGUAGE"),
	    .what = N_("language"), .option = "--language",
	    .usage = N_("[--language L]"),
	    .kind = MODEL_FIELD_TEXT, .flags = MODEL_FIELD_SHOW_TABLE),
	SHIFT_FIELD("uid", uid, .label = N_("UID"), .kind = MODEL_FIELD_TEXT,
	    .flags = MODEL_FIELD_NULL | MODEL_FIELD_SHOW_TABLE),
	SHIFT_FIELD("sequence", sequence, .label = N_("SEQUENCE"),
	    .kind = MODEL_FIELD_INT, .max = INT_MAX,
	    .flags = MODEL_FIELD_SHOW_NONE),
	/* Its event's, for lists that show them. */
	SHIFT_FIELD("event_location", event_location, .label = N_("LOCATION"),
	    .kind = MODEL_FIELD_TEXT,
	    .flags = MODEL_FIELD_DERIVED | MODEL_FIELD_SHOW_NONE),
	SHIFT_FIELD("event_status", event_status, .label = N_("STATUS"),
	    .kind = MODEL_FIELD_ENUM, .names = event_status_names,
	    .flags = MODEL_FIELD_DERIVED | MODEL_FIELD_SHOW_NONE),
	{ .key = NULL }
};

void
shift_init(struct shift *sh)
{
	memset(sh, 0, sizeof *sh);
}

void
shift_fini(struct shift *sh)
{
	/* Every text of a shift is one of shift_fields. */
	model_fields_free(sh, shift_fields);
	shift_init(sh);
}

void
shift_dup(struct shift *dst, const struct shift *src)
{
	*dst = *src;
	model_fields_dup(dst, shift_fields);
}

int
shift_validate(const struct shift *sh, struct err *err)
{
	if (model_text_is_blank(sh->role))
		return err_set(err, ERR_INVALID, _("shift role is empty"));
	if (model_fields_check_texts(sh, shift_fields, err) < 0)
		return -1;
	if (sh->start < RTIME_MIN || sh->end > RTIME_MAX)
		return err_set(err, ERR_INVALID, _("shift lies outside the "
		    "years %d to %d, which rooster plans"), RTIME_FIRST_YEAR,
		    RTIME_LAST_YEAR);
	if (sh->end <= sh->start)
		return err_set(err, ERR_INVALID,
		    _("shift ends before it starts (end must be after start)"));
	if (sh->needed < 0 || sh->needed > 1000)
		return err_set(err, ERR_INVALID,
		    _("needed must be a number from 0 to 1000"));
	return 0;
}

int
shift_missing(const struct shift *sh)
{
	return sh->needed > sh->assigned ? sh->needed - sh->assigned : 0;
}

void
model_staffing(int filled, int needed, bool is_short, bool over, char *buf,
    size_t size)
{
	if (needed <= 0 && !over) {
		snprintf(buf, size, "-");
		return;
	}
	snprintf(buf, size, "%d/%d%s%s%s", filled, needed, is_short || over ? " " : "", is_short ? "!" : "",
	    over ? "+" : "");
}

void
shift_role_text(const char *role, const char *language, char *buf,
    size_t size)
{
	if (language != NULL && *language != '\0')
		snprintf(buf, size, "%s (%s)", role != NULL ? role : "",
		    language);
	else
		snprintf(buf, size, "%s", role != NULL ? role : "");
}

void
shift_staffing(const struct shift *sh, char *buf, size_t size)
{
	model_staffing(sh->assigned, sh->needed, sh->needed > sh->assigned, sh->assigned > sh->needed,
	    buf, size);
}

bool
shift_is_full(const struct shift *sh)
{
	return shift_missing(sh) == 0;
}

bool
shift_role_is_general(const char *role)
{
	if (role == NULL || *role == '\0')
		return true;
	/* Asked per assignment by the audit: most differ at once. */
	switch (*role) {
	case 'a':
	case 'A':
		return text_casecmp(role, SHIFT_ROLE_GENERAL) == 0;
	case 'g':
	case 'G':
		return text_casecmp(role, "general") == 0;
	default:
		return false;
	}
}

struct shift *
shift_list_push(struct shift_list *list)
{
	struct shift *sh;

	sh = model_list_grow((void **)&list->items, list->len, &list->cap,
	    sizeof *sh);
	list->len++;
	return sh;
}

void
shift_list_free(struct shift_list *list)
{
	model_list_free(list->items, list->len, sizeof *list->items,
	    shift_fields);
	memset(list, 0, sizeof *list);
}
