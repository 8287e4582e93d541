/* SPDX-License-Identifier: ISC */
/* Assignments: a volunteer on a shift, with a response status. */
#include "rooster/model.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "model_int.h"

static const char *const assignment_status_names[] = {
	"planned", "invited", "accepted", "declined", "tentative", "offered",
	NULL
};
#define ASSIGNMENT_NSTATUS (sizeof assignment_status_names / \
	sizeof assignment_status_names[0] - 1)

static const char *const assignment_attendance_names[] = {
	"", "attended", "no-show", NULL
};
#define ASSIGNMENT_NATTENDANCE (sizeof assignment_attendance_names / \
	sizeof assignment_attendance_names[0] - 1)

#define ASSIGNMENT_FIELD(name, field, ...) \
	{ .key = name, .offset = offsetof(struct assignment, field), \
	  __VA_ARGS__ }

const struct model_field assignment_fields[] = {
	ASSIGNMENT_FIELD("shift_id", shift_id, .label = N_("SHIFT"),
	    .kind = MODEL_FIELD_ID),
	ASSIGNMENT_FIELD("volunteer_id", volunteer_id, .label = N_("VOL"),
	    .kind = MODEL_FIELD_ID),
	ASSIGNMENT_FIELD("status", status, .label = N_("STATUS"),
	    .kind = MODEL_FIELD_ENUM, .names = assignment_status_names),
	ASSIGNMENT_FIELD("attendance", attendance, .label = N_("ATTENDANCE"),
	    .kind = MODEL_FIELD_ENUM, .names = assignment_attendance_names,
	    .flags = MODEL_FIELD_APART),
	ASSIGNMENT_FIELD("hours", hours, .label = N_("HOURS"),
	    .kind = MODEL_FIELD_REAL, .flags = MODEL_FIELD_APART),
	ASSIGNMENT_FIELD("forced", forced, .label = N_("FORCED"),
	    .kind = MODEL_FIELD_BOOL, .max = 1),
	ASSIGNMENT_FIELD("note", note, .label = N_("NOTE"), .what = N_("note"),
	    .option = "--note", .kind = MODEL_FIELD_TEXT),
	ASSIGNMENT_FIELD("volunteer", volunteer, .label = N_("VOLUNTEER"),
	    .kind = MODEL_FIELD_TEXT, .flags = MODEL_FIELD_DERIVED),
	ASSIGNMENT_FIELD("role", role, .label = N_("ROLE"),
	    .kind = MODEL_FIELD_TEXT, .flags = MODEL_FIELD_DERIVED),
	ASSIGNMENT_FIELD("event", event_title, .label = N_("EVENT"),
	    .kind = MODEL_FIELD_TEXT, .flags = MODEL_FIELD_DERIVED),
	ASSIGNMENT_FIELD("start", start, .label = N_("START"),
	    .kind = MODEL_FIELD_TIME, .flags = MODEL_FIELD_DERIVED),
	ASSIGNMENT_FIELD("end", end, .label = N_("END"),
	    .kind = MODEL_FIELD_TIME, .flags = MODEL_FIELD_DERIVED),
	ASSIGNMENT_FIELD("language", language, .label = N_("LANGUAGE"),
	    .kind = MODEL_FIELD_TEXT, .flags = MODEL_FIELD_DERIVED),
	{ .key = NULL }
};

void
assignment_init(struct assignment *a)
{
	memset(a, 0, sizeof *a);
}

void
assignment_fini(struct assignment *a)
{
	free(a->volunteer);
	free(a->role);
	free(a->event_title);
	free(a->note);
	free(a->language);
	assignment_init(a);
}

const char *
assignment_status_name(enum assignment_status status)
{
	if ((unsigned)status >= ASSIGNMENT_NSTATUS)
		return "?";
	return assignment_status_names[status];
}

int
assignment_status_parse(const char *s)
{
	size_t i;

	for (i = 0; s != NULL && i < ASSIGNMENT_NSTATUS; i++)
		if (strcmp(s, assignment_status_names[i]) == 0)
			return (int)i;
	return -1;
}

const char *
assignment_attendance_name(enum assignment_attendance att)
{
	if ((unsigned)att >= ASSIGNMENT_NATTENDANCE)
		return "?";
	return assignment_attendance_names[att];
}

bool
assignment_counts(const struct assignment *a)
{
	return a->status != ASSIGNMENT_DECLINED &&
	    a->status != ASSIGNMENT_OFFERED;
}

struct assignment *
assignment_list_push(struct assignment_list *list)
{
	struct assignment *a;

	a = model_list_grow((void **)&list->items, list->len, &list->cap,
	    sizeof *a);
	list->len++;
	return a;
}

void
assignment_list_free(struct assignment_list *list)
{
	size_t i;

	for (i = 0; i < list->len; i++)
		assignment_fini(&list->items[i]);
	free(list->items);
	memset(list, 0, sizeof *list);
}
