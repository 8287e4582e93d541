/* SPDX-License-Identifier: ISC */
/* Assignments: a volunteer on a shift, with a response status. */
#include "rooster/model.h"

#include <stdlib.h>
#include <string.h>

#include "model_int.h"

static const char *const assignment_status_names[] = {
	"planned", "invited", "accepted", "declined", "tentative", "offered"
};

static const char *const assignment_attendance_names[] = {
	"", "attended", "no-show"
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
	if ((unsigned)status >= sizeof assignment_status_names /
	    sizeof assignment_status_names[0])
		return "?";
	return assignment_status_names[status];
}

int
assignment_status_parse(const char *s)
{
	size_t i;

	for (i = 0; s != NULL && i < sizeof assignment_status_names /
	    sizeof assignment_status_names[0]; i++)
		if (strcmp(s, assignment_status_names[i]) == 0)
			return (int)i;
	return -1;
}

const char *
assignment_attendance_name(enum assignment_attendance att)
{
	if ((unsigned)att >= sizeof assignment_attendance_names /
	    sizeof assignment_attendance_names[0])
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
