/* SPDX-License-Identifier: ISC */
/* Internals shared by the ops files: the transaction frame and UIDs. */
#ifndef ROOSTER_OPS_INT_H
#define ROOSTER_OPS_INT_H

#include "rooster/ops.h"

/*
 * Finish the write transaction begun by the caller: commit when rc is 0,
 * roll back otherwise. Returns 0 or -1.
 */
int ops_finish(struct store *st, int rc, struct err *err);
/*
 * ops_conflict.c, inside the caller's write transaction (ops_finish calls
 * it before every commit): judge again the volunteers an edit touched
 * and store what is in conflict. 0, or -1 with err.
 */
int ops_conflict_settle(struct store *st, struct err *err);
/*
 * The change-log line of a write that went well: if rc is 0, append
 * action on entity id with the summary fmt makes (store_log_append()).
 * Returns rc, or the append's result: `rc = ops_log(st, rc, ...)` after
 * the write, then ops_finish().
 */
int ops_log(struct store *st, int rc, struct err *err, const char *action,
    const char *entity, int64_t id, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));
/*
 * ops_plan.c: the plan's part of a candidate for plan_conflict_check():
 * rules zeroed, then the plan's rest minutes and zone, the zone read into
 * zone (size bytes), which must outlive rules. The caller adds the shift,
 * the event's languages and the volunteer with their bookings.
 */
void ops_plan_rules(struct store *st, struct plan_candidate *rules,
    char *zone, size_t size);
/* A new UID "<kind>-<32 hex>@<plan's uid domain>". The caller frees. */
char *ops_uid_new(struct store *st, const char *kind);
/* Two texts differ, NULL reading as "". */
bool ops_text_differs(const char *a, const char *b);
/*
 * Copy to dst the texts of src people type into an event (event_fields'
 * text rows with an option, the repeat rule aside; NULL as ""), only
 * those that differ from old's unless old is NULL (ops_event.c).
 */
void ops_event_texts(struct event *dst, const struct event *src,
    const struct event *old);

/*
 * ops_volunteer.c: normalise the comma lists (text_list_normalize), so
 * that "tolk , chauffeur" compares equal; typed and imported alike.
 */
void ops_volunteer_normalize(struct volunteer *v);

/*
 * ops_event.c: begin a write and read event id into ev. 0, or -1 with err
 * set and the write rolled back (nothing in ev to free).
 */
int ops_event_begin(struct store *st, int64_t id, struct event *ev,
    struct err *err);
/*
 * ops_event.c, inside the caller's write transaction: raise the SEQUENCE
 * of every shift of event_id, moving them by delta seconds.
 */
int ops_event_touch_shifts(struct store *st, int64_t event_id, int64_t delta,
    struct err *err);

/*
 * ops_series.c. The starts of the occurrences of first's repeat rule
 * (first->start included), bounded in number and in time: call it before
 * taking the write lock. *starts is the caller's to free. Returns 0, or -1
 * with ERR_INVALID naming the rule.
 */
int ops_series_dates(const struct event *first, int64_t **starts, size_t *n,
    struct err *err);
/*
 * Inside the caller's write transaction: mark first (stored, rrule set, no
 * occurrences yet) the series' first row and insert the other occurrences
 * (starts from ops_series_dates() for the same rule and start) with
 * copies of its shifts.
 */
int ops_series_expand(struct store *st, struct event *first,
    const int64_t *starts, size_t n, struct err *err);
/*
 * Inside the caller's write transaction: insert a copy of sh, every field
 * of shift_fields but its id, UID and event, on event to, as far from
 * to's start as sh is from from_start.
 */
int ops_series_insert_copy(struct store *st, const struct shift *sh,
    int64_t from_start, const struct event *to, struct err *err);
/* Copy sh (just added to first) onto every later, live occurrence;
 * *n counts the copies. */
int ops_series_spread_shift(struct store *st, const struct event *first,
    const struct shift *sh, size_t *n, struct err *err);

/* ops_export.c: what a calendar entry says, shared with invites */

/* "role – event title", or the title for an event alone. Caller frees. */
char *ops_export_summary(const struct event *ev, const struct shift *sh);
/*
 * True if the calendar entry for ev (sh NULL) or its shift sh is dates,
 * not times: an all-day event, and a shift of one that covers whole days
 * (local midnight to local midnight). Other shifts keep their times.
 */
bool ops_export_all_day(const struct event *ev, const struct shift *sh);
/*
 * The calendar entry's part that comes from ev (sh NULL) or its shift sh:
 * uid, sequence, start, end, all_day, ev's title as summary, location,
 * status, and ev's repeat rule for an event alone; texts borrowed. The
 * rest of item is left as it was: the caller zeroes it first, then sets
 * what its calendar adds (stamp, description, reminder, people).
 */
struct ics_item;
void ops_export_item(struct ics_item *item, const struct event *ev,
    const struct shift *sh);
/* True if [start, end) is whole local days (midnight to midnight). */
bool ops_export_whole_days(int64_t start, int64_t end);
/*
 * The event's description, who else is on the shift (all but self and
 * those who declined) and the coordinator from cfg. Caller frees.
 */
char *ops_export_description(const struct ops_config *cfg,
    const struct event *ev, const struct assignment_list *people,
    int64_t self);
/* The plan's name, "rooster" when unset. Caller frees. */
char *ops_export_plan_name(struct store *st);

#endif /* ROOSTER_OPS_INT_H */
