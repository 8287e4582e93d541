/* SPDX-License-Identifier: ISC */
/* Events: an activity with a title, place, start and end (may repeat). */
#include "rooster/model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model_int.h"

static const char *const event_status_names[] = {
	"confirmed", "tentative", "cancelled"
};

void
event_init(struct event *ev)
{
	memset(ev, 0, sizeof *ev);
}

void
event_fini(struct event *ev)
{
	free(ev->uid);
	free(ev->title);
	free(ev->description);
	free(ev->location);
	free(ev->rrule);
	free(ev->languages);
	event_init(ev);
}

void
event_dup(struct event *dst, const struct event *src)
{
	*dst = *src;
	dst->uid = xstrdup(src->uid);
	dst->title = xstrdup(src->title);
	dst->description = xstrdup(src->description);
	dst->location = xstrdup(src->location);
	dst->rrule = xstrdup(src->rrule);
	dst->languages = xstrdup(src->languages);
}

int
event_validate(const struct event *ev, struct err *err)
{
	if (model_text_is_blank(ev->title))
		return err_set(err, ERR_INVALID, _("event title is empty"));
	if (model_text_check(_("title"), ev->title, err) < 0 ||
	    model_text_check(_("description"), ev->description, err) < 0 ||
	    model_text_check(_("location"), ev->location, err) < 0 ||
	    model_text_check(_("repeat rule"), ev->rrule, err) < 0 ||
	    model_text_check(_("languages"), ev->languages, err) < 0)
		return -1;
	if (ev->start < RTIME_MIN || ev->end > RTIME_MAX)
		return err_set(err, ERR_INVALID, _("event lies outside the "
		    "years %d to %d, which rooster plans"), RTIME_FIRST_YEAR,
		    RTIME_LAST_YEAR);
	if (ev->end <= ev->start)
		return err_set(err, ERR_INVALID,
		    _("event ends before it starts (end must be after start)"));
	if (ev->all_day && (rtime_day_add(ev->start, 0) != ev->start ||
	    rtime_day_add(ev->end, 0) != ev->end))
		return err_set(err, ERR_INVALID, _("an all-day event starts "
		    "and ends at midnight (give days, not times)"));
	return 0;
}

int64_t
event_last_day(const struct event *ev)
{
	return rtime_day_add(ev->end - 1, 0);
}

const char *
event_status_name(enum event_status status)
{
	if ((unsigned)status >= sizeof event_status_names /
	    sizeof event_status_names[0])
		return "?";
	return event_status_names[status];
}

void
event_staffing(const struct event *ev, char *buf, size_t size)
{
	model_staffing(ev->needed - ev->short_by, ev->needed,
	    ev->short_by > 0, ev->over > 0, buf, size);
}

int
event_status_parse(const char *s)
{
	size_t i;

	for (i = 0; s != NULL && i < sizeof event_status_names /
	    sizeof event_status_names[0]; i++)
		if (strcmp(s, event_status_names[i]) == 0)
			return (int)i;
	return -1;
}

struct event *
event_list_push(struct event_list *list)
{
	struct event *ev;

	ev = model_list_grow((void **)&list->items, list->len, &list->cap,
	    sizeof *ev);
	list->len++;
	return ev;
}

void
event_list_free(struct event_list *list)
{
	size_t i;

	for (i = 0; i < list->len; i++)
		event_fini(&list->items[i]);
	free(list->items);
	memset(list, 0, sizeof *list);
}
