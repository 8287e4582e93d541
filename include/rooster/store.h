/* SPDX-License-Identifier: ISC */
/*
 * store: the SQLite file. Opening migrates it; every query is a prepared
 * statement with bound values; nothing above this layer sees SQLite.
 * Functions that change data expect the caller (ops) to hold a write
 * transaction from store_begin_write(); reads may run without one.
 */
#ifndef ROOSTER_STORE_H
#define ROOSTER_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "rooster/model.h"
#include "rooster/util.h"

struct store;

/* store_db.c */

enum store_open_flags {
	STORE_CREATE = 1 << 0,		/* create the file (mode 0600) if missing */
	STORE_READONLY = 1 << 1		/* open read-only, never migrate */
};

/*
 * Open (and with STORE_CREATE create) the plan at path and migrate it to
 * the latest schema. ":memory:" gives a private in-memory plan.
 * Returns 0 and sets *out, or -1 with err set: ERR_IO if the file cannot
 * be opened, ERR_SCHEMA if it is not a rooster plan or is newer than this
 * program, ERR_BUSY if it stayed locked, ERR_NOT_FOUND if it is missing and
 * STORE_CREATE not given, ERR_INVALID for an empty path. Nothing is
 * written on failure.
 */
int store_open(const char *path, int flags, struct store **out,
    struct err *err);
/* Close st, finalizing every statement; NULL does nothing. */
void store_close(struct store *st);
/* True if the file could not be opened for writing. */
bool store_is_readonly(const struct store *st);
/* The path given to store_open (borrowed, valid until store_close). */
const char *store_path(const struct store *st);

/*
 * Start a write transaction (BEGIN IMMEDIATE), retrying while another
 * process writes, for up to the busy timeout (10 s). ERR_BUSY after that,
 * ERR_READONLY on a read-only file.
 */
int store_begin_write(struct store *st, struct err *err);
/* Start a read transaction: one consistent snapshot for a command. */
int store_begin_read(struct store *st, struct err *err);
int store_commit(struct store *st, struct err *err);
/* Roll back the open transaction, if any. Never fails. */
void store_rollback(struct store *st);
/*
 * Counter that changes when another connection commits (PRAGMA
 * data_version); the screen polls it to reload.
 */
int64_t store_data_version(struct store *st);
/* Online backup of st into a new file at path (mode 0600). */
int store_backup(struct store *st, const char *path, struct err *err);
/* The schema version this program writes. */
int store_schema_latest(void);
/* The schema version of the open file. */
int store_schema_version(struct store *st);

/* store_setting.c: plan settings (time_zone, name, uid_domain, ...) */

/* Value of key, or NULL if unset. The caller frees. */
char *store_setting_get(struct store *st, const char *key);
int store_setting_set(struct store *st, const char *key, const char *value,
    struct err *err);

/* store_event.c */

/* Filter for event and shift lists; zeroes mean "no bound". */
struct store_range {
	int64_t		 from;		/* start >= from (0: none) */
	int64_t		 to;		/* start < to (0: none) */
	const char	*search;	/* substring of title/location, or NULL */
	int64_t		 limit;		/* rows at most (0: all) */
	bool		 gaps_only;	/* events/shifts short of people */
};

/* Insert ev (uid set by the caller) and set ev->id. */
int store_event_insert(struct store *st, struct event *ev, struct err *err);
/* Write every field of ev over row ev->id and bump its version. */
int store_event_update(struct store *st, struct event *ev, struct err *err);
/* Delete event id with its shifts and assignments. ERR_NOT_FOUND if none. */
int store_event_delete(struct store *st, int64_t id, struct err *err);
/* Load event id into ev (initialised by the callee). ERR_NOT_FOUND if none. */
int store_event_get(struct store *st, int64_t id, struct event *ev,
    struct err *err);
/* Events whose start lies in the range, soonest first, with staffing. */
int store_event_list(struct store *st, const struct store_range *range,
    struct event_list *out, struct err *err);

/* store_shift.c */

int store_shift_insert(struct store *st, struct shift *sh, struct err *err);
int store_shift_update(struct store *st, struct shift *sh, struct err *err);
int store_shift_delete(struct store *st, int64_t id, struct err *err);
/* Load shift id with its event's title and its staffing. */
int store_shift_get(struct store *st, int64_t id, struct shift *sh,
    struct err *err);
/* Shifts of one event, by start then role. */
int store_shift_list_event(struct store *st, int64_t event_id,
    struct shift_list *out, struct err *err);
/* Shifts starting in the range (of events not cancelled), soonest first. */
int store_shift_list_range(struct store *st, const struct store_range *range,
    struct shift_list *out, struct err *err);

/* store_volunteer.c */

int store_volunteer_insert(struct store *st, struct volunteer *v,
    struct err *err);
int store_volunteer_update(struct store *st, struct volunteer *v,
    struct err *err);
int store_volunteer_delete(struct store *st, int64_t id, struct err *err);
int store_volunteer_get(struct store *st, int64_t id, struct volunteer *v,
    struct err *err);
/* Volunteer with this e-mail (case-insensitive), 0 if none; -1 on error. */
int64_t store_volunteer_find_email(struct store *st, const char *email,
    struct err *err);
/*
 * Volunteer without an e-mail address whose name equals name (ASCII
 * case-insensitive), lowest id first; 0 if none; -1 on error.
 */
int64_t store_volunteer_find_name(struct store *st, const char *name,
    struct err *err);
/* Volunteers by name; search matches name/e-mail, skill one skill. */
int store_volunteer_list(struct store *st, const char *search,
    const char *skill, struct volunteer_list *out, struct err *err);
/*
 * One page of store_volunteer_list (no skill filter): at most limit
 * volunteers (0: all) ordered by name then id, starting after the one
 * named after_name with id after_id (after_name NULL: from the first).
 * For the screen, which never loads the whole table.
 */
int store_volunteer_list_page(struct store *st, const char *search,
    const char *after_name, int64_t after_id, int64_t limit,
    struct volunteer_list *out, struct err *err);
int store_unavailable_insert(struct store *st, struct unavailable *u,
    struct err *err);
/* Unavailable periods of volunteer_id, by start. */
int store_unavailable_list(struct store *st, int64_t volunteer_id,
    struct unavailable_list *out, struct err *err);

/* store_team.c */

int store_team_insert(struct store *st, struct team *t, struct err *err);
int store_team_get(struct store *st, int64_t id, struct team *t,
    struct err *err);
/* Add volunteer_id to team_id; ERR_CONFLICT if already a member. */
int store_team_join(struct store *st, int64_t team_id, int64_t volunteer_id,
    struct err *err);
int store_team_list(struct store *st, struct team_list *out, struct err *err);
/* Ids of team_id's members, by name. The caller frees *ids. */
int store_team_members(struct store *st, int64_t team_id, int64_t **ids,
    size_t *count, struct err *err);

/* store_assignment.c */

/* Insert a; ERR_CONFLICT if the volunteer is already on the shift. */
int store_assignment_insert(struct store *st, struct assignment *a,
    struct err *err);
/* Remove the volunteer from the shift; ERR_NOT_FOUND if not on it. */
int store_assignment_delete(struct store *st, int64_t shift_id,
    int64_t volunteer_id, struct err *err);
/* Load one assignment with names; ERR_NOT_FOUND if none. */
int store_assignment_get(struct store *st, int64_t shift_id,
    int64_t volunteer_id, struct assignment *a, struct err *err);
int store_assignment_set_status(struct store *st, int64_t shift_id,
    int64_t volunteer_id, enum assignment_status status, struct err *err);
int store_assignment_set_attendance(struct store *st, int64_t shift_id,
    int64_t volunteer_id, enum assignment_attendance att, double hours,
    struct err *err);
/* Assignments on one shift, by volunteer name. */
int store_assignment_list_shift(struct store *st, int64_t shift_id,
    struct assignment_list *out, struct err *err);
/* Assignments of one volunteer on shifts starting in the range (events not cancelled). */
int store_assignment_list_volunteer(struct store *st, int64_t volunteer_id,
    const struct store_range *range, struct assignment_list *out,
    struct err *err);
/* Assignments on shifts starting in the range, by start then name. */
int store_assignment_list_range(struct store *st,
    const struct store_range *range, struct assignment_list *out,
    struct err *err);

/* store_log.c: the change log */

struct store_log_entry {
	int64_t	 id;
	int64_t	 at;		/* UTC seconds */
	char	*user;		/* OS user, with SSH client address if any */
	char	*action;	/* "event add", "assign", ... */
	char	*entity;	/* "event", "shift", "volunteer", ... */
	int64_t	 entity_id;
	char	*summary;	/* one line: what changed */
};

struct store_log_list {
	struct store_log_entry	*items;
	size_t			 len;
	size_t			 cap;
};

/* Append a log line within the current write transaction. */
int store_log_append(struct store *st, const char *action,
    const char *entity, int64_t entity_id, const char *summary,
    struct err *err);
/* Newest first, at most limit (0: 50); entity may be NULL for all. */
int store_log_list(struct store *st, int64_t limit, const char *entity,
    int64_t entity_id, struct store_log_list *out, struct err *err);
void store_log_list_free(struct store_log_list *list);

#endif /* ROOSTER_STORE_H */
