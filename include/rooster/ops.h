/* SPDX-License-Identifier: ISC */
/*
 * ops: every change to a plan, each one transaction. The command line and
 * the screen call these same functions. Each validates (model), asks plan,
 * writes through store, appends to the change log and commits; on any
 * failure it rolls back, so a refused change leaves the file untouched.
 */
#ifndef ROOSTER_OPS_H
#define ROOSTER_OPS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rooster/model.h"
#include "rooster/plan.h"
#include "rooster/store.h"
#include "rooster/util.h"

/* ops_plan.c */

/*
 * Prepare a freshly opened plan for use: on a new file record the system's
 * time zone (or Europe/Amsterdam) and a UID domain; then make the plan's
 * zone the one times are read and shown in.
 */
int ops_plan_open(struct store *st, struct err *err);
/*
 * Name the plan and set its zone (NULL keeps either). Refuses with
 * ERR_CONFLICT to change the zone of a plan that holds events.
 */
int ops_plan_init(struct store *st, const char *zone, const char *name,
    struct err *err);
/* Fill an empty plan with the demo plan around now. ERR_CONFLICT if not empty. */
int ops_plan_demo(struct store *st, int64_t now, struct err *err);

/* ops_event.c */

/* Validate and insert ev with a new UID; sets ev->id and ev->uid. */
int ops_event_add(struct store *st, struct event *ev, struct err *err);
/*
 * Save ev over the stored event ev->id. ev->version must equal the stored
 * version (else ERR_CONFLICT: changed by someone else). SEQUENCE grows when
 * time, place, repeat rule or status change; if start and end moved by
 * the same amount, the event's shifts move with them.
 */
int ops_event_edit(struct store *st, struct event *ev, struct err *err);
/* Mark event id cancelled (its SEQUENCE and its shifts' grow). */
int ops_event_cancel(struct store *st, int64_t id, struct err *err);
/* Delete event id with its shifts and assignments. */
int ops_event_delete(struct store *st, int64_t id, struct err *err);

/* ops_shift.c */

/*
 * Validate and insert sh with a new UID. A start or end of 0 takes the
 * event's. ERR_NOT_FOUND if sh->event_id names no event.
 */
int ops_shift_add(struct store *st, struct shift *sh, struct err *err);
/* Save sh over shift sh->id (version checked as for events). */
int ops_shift_edit(struct store *st, struct shift *sh, struct err *err);
int ops_shift_delete(struct store *st, int64_t id, struct err *err);

/* ops_volunteer.c */

int ops_volunteer_add(struct store *st, struct volunteer *v, struct err *err);
int ops_volunteer_edit(struct store *st, struct volunteer *v,
    struct err *err);
int ops_volunteer_delete(struct store *st, int64_t id, struct err *err);
/* Record that u->volunteer_id cannot work in [u->start, u->end). */
int ops_volunteer_unavailable(struct store *st, struct unavailable *u,
    struct err *err);
int ops_team_add(struct store *st, struct team *t, struct err *err);
int ops_team_join(struct store *st, int64_t team_id, int64_t volunteer_id,
    struct err *err);

/* ops_assign.c */

/*
 * The conflicts of putting volunteer_id on shift_id, without writing.
 * Appends to out; returns 0, or -1 with err (not found, I/O).
 */
int ops_assign_check(struct store *st, int64_t shift_id, int64_t volunteer_id,
    struct plan_conflict_list *out, struct err *err);
/*
 * Put volunteer_id on shift_id as planned. With conflicts and !force:
 * ERR_CONFLICT, the conflicts appended to conflicts (may be NULL), the
 * message the first reason. With force the assignment is marked forced.
 */
int ops_assign(struct store *st, int64_t shift_id, int64_t volunteer_id,
    bool force, struct plan_conflict_list *conflicts, struct err *err);
int ops_unassign(struct store *st, int64_t shift_id, int64_t volunteer_id,
    struct err *err);
/* Record the volunteer's answer (accepted, declined, tentative). */
int ops_respond(struct store *st, int64_t shift_id, int64_t volunteer_id,
    enum assignment_status status, struct err *err);
/* Record attendance after the shift; hours < 0 means the shift's length. */
int ops_attended(struct store *st, int64_t shift_id, int64_t volunteer_id,
    bool no_show, double hours, struct err *err);

/* ops_import.c: volunteers from a spreadsheet */

/* The optional columns an import holds; the name is always there. */
enum ops_import_field {
	OPS_IMPORT_EMAIL = 1 << 0,
	OPS_IMPORT_PHONE = 1 << 1,
	OPS_IMPORT_SKILLS = 1 << 2,
	OPS_IMPORT_LANGUAGES = 1 << 3,
	OPS_IMPORT_MAX_PER_MONTH = 1 << 4,
	OPS_IMPORT_NOTES = 1 << 5,
	OPS_IMPORT_ACTIVE = 1 << 6
};

/* What an import did (or, dry run, would do) with one row. */
enum ops_import_action {
	OPS_IMPORT_ADDED = 0,
	OPS_IMPORT_UPDATED,
	OPS_IMPORT_UNCHANGED
};

struct ops_import_result {
	size_t	added;
	size_t	updated;
	size_t	unchanged;
};

/*
 * Import rows, volunteers read from a spreadsheet, in one transaction.
 * A row with an e-mail address updates the stored volunteer with that
 * address (case-insensitive); a row without one updates the stored
 * volunteer of the same name who has no address either; any other row is
 * added. An update takes the row's name and the fields named in fields
 * (enum ops_import_field bits) and keeps the rest; a volunteer whose
 * fields all stay the same is unchanged and not written.
 * Every row is checked first: an invalid row, or two rows naming the same
 * volunteer, refuse the whole import with ERR_INVALID ("row N: ...",
 * counting rows from 1). With dry_run nothing is written and res says
 * what would happen. On success each row's id is its volunteer's (0 for
 * a dry-run add) and actions (may be NULL, else rows->len entries) says
 * what happened to each row. The rows' skill and language lists are
 * normalised in place.
 */
int ops_import_volunteers(struct store *st, struct volunteer_list *rows,
    unsigned fields, bool dry_run, enum ops_import_action *actions,
    struct ops_import_result *res, struct err *err);

#endif /* ROOSTER_OPS_H */
