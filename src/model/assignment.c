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

static const char *const assignment_attendance_names[] = {
	"", "attended", "no-show", NULL
};

#define ASSIGNMENT_FIELD(name, field, ...) \
	{ .key = name, .offset = offsetof(struct assignment, field), \
	  __VA_ARGS__ }

/* A row the store fills from a join, never written. */
#define ASSIGNMENT_JOINED(name, field, header, nl, kind_) \
	ASSIGNMENT_FIELD(name, field, .label = header, .dutch = nl, \
	    .kind = MODEL_FIELD_ ## kind_, .flags = MODEL_FIELD_DERIVED)

const struct model_field assignment_fields[] = {
	ASSIGNMENT_FIELD("shift_id", shift_id, .label = N_("SHIFT"),
	    .dutch = "dienst", .kind = MODEL_FIELD_ID),
	ASSIGNMENT_FIELD("volunteer_id", volunteer_id, .label = N_("VOL"),
	    .dutch = "vrijwilliger", .kind = MODEL_FIELD_ID),
	ASSIGNMENT_FIELD("status", status, .label = N_("STATUS"),
	    .dutch = "status", .kind = MODEL_FIELD_ENUM,
	    .names = assignment_status_names),
	ASSIGNMENT_FIELD("attendance", attendance, .label = N_("ATTENDANCE"),
	    .dutch = "aanwezigheid", .kind = MODEL_FIELD_ENUM,
	    .names = assignment_attendance_names, .flags = MODEL_FIELD_APART),
	ASSIGNMENT_FIELD("hours", hours, .label = N_("HOURS"), .dutch = "uren",
	    .kind = MODEL_FIELD_REAL, .flags = MODEL_FIELD_APART),
	ASSIGNMENT_FIELD("forced", forced, .label = N_("FORCED"),
	    .kind = MODEL_FIELD_BOOL, .max = 1),
	ASSIGNMENT_FIELD("note", note, .label = N_("NOTE"), .what = N_("note"),
	    .dutch = "notitie", .option = "--note",
	    .usage = N_("[--note TEXT]"), .kind = MODEL_FIELD_TEXT),
	/* Who, and the shift's: from the store's joins. */
	ASSIGNMENT_JOINED("volunteer", volunteer, N_("VOLUNTEER"), "naam",
	    TEXT),
	ASSIGNMENT_JOINED("role", role, N_("ROLE"), "rol", TEXT),
	ASSIGNMENT_JOINED("event", event_title, N_("EVENT"), "activiteit",
	    TEXT),
	ASSIGNMENT_JOINED("start", start, N_("START"), "begin", TIME),
	ASSIGNMENT_JOINED("end", end, N_("END"), "einde", TIME),
	ASSIGNMENT_JOINED("language", language, N_("LANGUAGE"), "taal",
	    TEXT),
	{ .key = NULL }
};

void
assignment_init(struct assignment *a)
{
	memset(a, 0, sizeof *a);
}

void
assignment_dup(struct assignment *dst, const struct assignment *src)
{
	*dst = *src;
	model_fields_dup(dst, assignment_fields);
}

int
assignment_validate(const struct assignment *a, struct err *err)
{
	return model_fields_check_texts(a, assignment_fields, err);
}

void
assignment_fini(struct assignment *a)
{
	/* Every text of an assignment is one of assignment_fields. */
	model_fields_free(a, assignment_fields);
	assignment_init(a);
}

const char *
assignment_status_name(enum assignment_status status)
{
	return model_names_name(assignment_status_names, (int)status);
}

int
assignment_status_parse(const char *s)
{
	return model_names_parse(assignment_status_names, s);
}

const char *
assignment_attendance_name(enum assignment_attendance att)
{
	return model_names_name(assignment_attendance_names, (int)att);
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
	model_list_free(list->items, list->len, sizeof *list->items,
	    assignment_fields);
	memset(list, 0, sizeof *list);
}
