/* SPDX-License-Identifier: ISC */
/* Events: an activity with a title, place, start and end (may repeat). */
#include "rooster/model.h"

#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model_int.h"

const char *const event_status_names[] = {
	"confirmed", "tentative", "cancelled", NULL
};

#define EVENT_FIELD(name, field, ...) \
	{ .key = name, .offset = offsetof(struct event, field), __VA_ARGS__ }

/* A number the store counts, which `show` leaves out. */
#define EVENT_COUNT(name, field, header) \
	EVENT_FIELD(name, field, .label = header, .kind = MODEL_FIELD_INT, \
	    .max = INT_MAX, .flags = MODEL_FIELD_DERIVED | \
	    MODEL_FIELD_SHOW_NONE)

const struct model_field event_fields[] = {
	EVENT_FIELD("uid", uid, .label = N_("UID"), .kind = MODEL_FIELD_TEXT,
	    .flags = MODEL_FIELD_NULL),
	EVENT_FIELD("title", title, .label = N_("TITLE"), .what = N_("title"),
	    .option = "--title",
	    .usage = N_("[--title T]"), .kind = MODEL_FIELD_TEXT,
	    .flags = MODEL_FIELD_NULL, .form = N_("Title")),
	EVENT_FIELD("start", start, .label = N_("START"), .option = "--start",
	    .usage = N_("[--start WHEN]"),
	    .kind = MODEL_FIELD_TIME, .column = "start_at",
	    .flags = MODEL_FIELD_SEQUENCE, .form = N_("Start"),
	    .hint = N_("YYYY-MM-DD HH:MM, or a day")),
	EVENT_FIELD("end", end, .label = N_("END"), .option = "--end",
	    .usage = N_("[--end WHEN]"),
	    .kind = MODEL_FIELD_TIME, .column = "end_at",
	    .flags = MODEL_FIELD_SEQUENCE, .form = N_("End"),
	    .hint = N_("YYYY-MM-DD HH:MM, or a day")),
	EVENT_FIELD("all_day", all_day, .label = N_("ALL DAY"),
	    .kind = MODEL_FIELD_BOOL, .max = 1,
	    .flags = MODEL_FIELD_TRUTH | MODEL_FIELD_SEQUENCE),
	EVENT_FIELD("location", location, .label = N_("LOCATION"),
	    .what = N_("location"), .option = "--location",
	    .usage = N_("[--location L]"),
	    .kind = MODEL_FIELD_TEXT, .flags = MODEL_FIELD_SEQUENCE,
	    .form = N_("Place")),
	EVENT_FIELD("status", status, .label = N_("STATUS"),
	    .kind = MODEL_FIELD_ENUM, .names = event_status_names,
	    .flags = MODEL_FIELD_SEQUENCE),
	EVENT_FIELD("description", description, .label = N_("DESCRIPTION"),
	    .what = N_("description"), .option = "--description",
	    .usage = N_("[--description D]"),
	    .kind = MODEL_FIELD_TEXT, .form = N_("Description")),
	EVENT_FIELD("repeat", rrule, .label = N_("REPEAT"),
	    .what = N_("repeat rule"), .option = "--repeat",
	    .usage = N_("[--repeat RRULE]"),
	    .kind = MODEL_FIELD_TEXT, .column = "rrule",
	    .flags = MODEL_FIELD_NULL | MODEL_FIELD_SEQUENCE),
	EVENT_FIELD("series_id", series_id, .label = N_("SERIES"),
	    .kind = MODEL_FIELD_ID, .flags = MODEL_FIELD_NULL),
	EVENT_FIELD("occurrence_start", occurrence_start,
	    .label = N_("OCCURRENCE"), .kind = MODEL_FIELD_TIME,
	    .flags = MODEL_FIELD_NULL),
	EVENT_FIELD("languages", languages, .label = N_("LANGUAGES"),
	    .what = N_("languages"), .option = "--languages",
	    .usage = N_("[--languages L]"),
	    .kind = MODEL_FIELD_TEXT, .list = true),
	EVENT_FIELD("sequence", sequence, .label = N_("SEQUENCE"),
	    .kind = MODEL_FIELD_INT, .max = INT_MAX),
	/* Its shifts', counted by the store's queries. */
	EVENT_COUNT("needed", needed, N_("NEEDED")),
	EVENT_COUNT("assigned", assigned, N_("ASSIGNED")),
	EVENT_COUNT("short_by", short_by, N_("MISSING")),
	EVENT_COUNT("over", over, N_("OVER")),
	{ .key = NULL }
};

void
event_init(struct event *ev)
{
	memset(ev, 0, sizeof *ev);
}

void
event_fini(struct event *ev)
{
	/* Every text of an event is one of event_fields. */
	model_fields_free(ev, event_fields);
	event_init(ev);
}

void
event_dup(struct event *dst, const struct event *src)
{
	*dst = *src;
	model_fields_dup(dst, event_fields);
}

int
event_validate(const struct event *ev, struct err *err)
{
	if (model_text_is_blank(ev->title))
		return err_set(err, ERR_INVALID, _("event title is empty"));
	if (model_fields_check_texts(ev, event_fields, err) < 0)
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
	return model_names_name(event_status_names, (int)status);
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
	return model_names_parse(event_status_names, s);
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
	model_list_free(list->items, list->len, sizeof *list->items,
	    event_fields);
	memset(list, 0, sizeof *list);
}
