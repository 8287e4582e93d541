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
/* Whether a transaction is open (a caller's read, or a write). */
bool store_in_transaction(const struct store *st);
/*
 * Counter that changes when another connection commits (PRAGMA
 * data_version); the screen polls it to reload.
 */
int64_t store_data_version(struct store *st);
/* Online backup of st into a new file at path (mode 0600). */
int store_backup(struct store *st, const char *path, struct err *err);
/*
 * Replace the whole plan with the backup at path, atomically, after
 * checking (read-only) that it passes integrity_check and is a rooster
 * plan of a schema this program knows (older ones are migrated). On any
 * refusal neither file is changed: ERR_SCHEMA (not a plan, newer), ERR_IO
 * (damaged, unreadable), ERR_BUSY, ERR_READONLY, ERR_INVALID (path is the
 * plan itself). Call outside any transaction.
 */
int store_restore(struct store *st, const char *path, struct err *err);
/* The schema version this program writes. */
int store_schema_latest(void);
/* The schema version of the open file. */
int store_schema_version(struct store *st);

/* store_setting.c: plan settings (time_zone, name, uid_domain, ...) */

/* Value of key, or NULL if unset. The caller frees. */
char *store_setting_get(struct store *st, const char *key);
int store_setting_set(struct store *st, const char *key, const char *value,
    struct err *err);
/*
 * A key's value in one of the plan's keyed tables: settings (as the two
 * above), or feed_state, what `export feeds` keeps of a directory
 * between runs ("feeds_in:DIR", "feeds_at:DIR", "feeds_plan:DIR";
 * migration 19). Get: NULL if unset, the caller frees.
 */
enum store_keyed {
	STORE_SETTINGS,
	STORE_FEED_STATE
};
char *store_keyed_get(struct store *st, enum store_keyed table,
    const char *key);
int store_keyed_set(struct store *st, enum store_keyed table,
    const char *key, const char *value, struct err *err);

/* store_rezone.c: every instant typed as a local time, in bulk */

struct store_time_row {
	int	 kind;		/* 0 event, 1 shift, 2 unavailable period */
	int64_t	 id;
	int64_t	 at[3];		/* start, end, an occurrence's start (or 0) */
};

struct store_times {
	struct store_time_row	*items;
	size_t			 len;
	size_t			 cap;
};

/* Append every event's, shift's and unavailable period's instants to out
 * (the caller frees it with store_times_free). 0, or -1 with err. */
int store_times_get(struct store *st, struct store_times *out,
    struct err *err);
/* Write t's instants back (events and shifts get a new SEQUENCE). Inside
 * the caller's write transaction. 0, or -1 with err. */
int store_times_put(struct store *st, const struct store_times *t,
    struct err *err);
void store_times_free(struct store_times *t);

/* store_event.c */

/* Filter for event and shift lists; zeroes mean "no bound". */
struct store_range {
	int64_t		 from;		/* start >= from (0: none) */
	int64_t		 to;		/* start < to (0: none) */
	const char	*search;	/* substring of title/location, or NULL */
	int64_t		 limit;		/* rows at most (0: all) */
	bool		 gaps_only;	/* events/shifts short of people */
	bool		 backwards;	/* store_event_list: the last limit
					   rows (still in start order), read
					   backwards from the end */
	bool		 unconfirmed;	/* with gaps_only, shifts too where
					   someone asked to confirm a new
					   time or place has not answered */
	bool		 people_only;	/* store_assignment_list_range: who
					   is on which shift, no note,
					   attendance, hours or forced */
};

/* Insert ev (uid set by the caller) and set ev->id. */
int store_event_insert(struct store *st, struct event *ev, struct err *err);
/*
 * Insert the n events evs (uids set by the caller), many to a statement;
 * their ids are not set. On failure *failed is the one that failed (n:
 * not known); rows before it may be written (the caller rolls back).
 */
int store_event_insert_many(struct store *st, struct event *evs, size_t n,
    size_t *failed, struct err *err);
/* Write every field of ev over row ev->id and bump its version. */
int store_event_update(struct store *st, struct event *ev, struct err *err);
/* Delete event id with its shifts and assignments. ERR_NOT_FOUND if none. */
int store_event_delete(struct store *st, int64_t id, struct err *err);
/* Load event id into ev (initialised by the callee). ERR_NOT_FOUND if none. */
int store_event_get(struct store *st, int64_t id, struct event *ev,
    struct err *err);
/*
 * Events whose start lies in the range, soonest first, with staffing
 * (range->backwards: the last range->limit of them, in the same order).
 */
int store_event_list(struct store *st, const struct store_range *range,
    struct event_list *out, struct err *err);

/*
 * Every occurrence of the series whose first row is series_id (that row
 * included), by occurrence_start. Empty if it is no series.
 */
int store_event_list_series(struct store *st, int64_t series_id,
    struct event_list *out, struct err *err);
/*
 * Of series series_id, the occurrences whose RECURRENCE-ID lies in
 * [from, to] and the volunteers on their shifts who were told already
 * (invited, offered or answered but declined): what a change reaches.
 * If series_id names an event that does not repeat, that event. With
 * live, only the occurrences not cancelled yet (what a cancel reaches).
 */
int store_event_series_reach(struct store *st, int64_t series_id,
    int64_t from, int64_t to, bool live, int *occurrences, int *invited,
    struct err *err);

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
/*
 * How many shifts starting in [from, to) are short of people (as
 * store_shift_list_range's gaps_only), counting up to limit (0: all).
 */
int store_shift_count_gaps(struct store *st, int64_t from, int64_t to,
    int64_t limit, int64_t *out, struct err *err);

/* store_volunteer.c */

int store_volunteer_insert(struct store *st, struct volunteer *v,
    struct err *err);
int store_volunteer_update(struct store *st, struct volunteer *v,
    struct err *err);
int store_volunteer_delete(struct store *st, int64_t id, struct err *err);
int store_volunteer_get(struct store *st, int64_t id, struct volunteer *v,
    struct err *err);
/*
 * As store_volunteer_get() without counting this month's shifts
 * (shifts_this_month stays 0): what judging a conflict needs, read once
 * per assignment shown.
 */
int store_volunteer_get_bare(struct store *st, int64_t id,
    struct volunteer *v, struct err *err);
/* Volunteer with this e-mail (case-insensitive), 0 if none; -1 on error. */
int64_t store_volunteer_find_email(struct store *st, const char *email,
    struct err *err);
/*
 * Volunteer without an e-mail address whose name equals name (ASCII
 * case-insensitive), lowest id first; 0 if none; -1 on error.
 */
int64_t store_volunteer_find_name(struct store *st, const char *name,
    struct err *err);
/*
 * Volunteers by name folded (Ë with E); search matches a part of the name
 * or e-mail address without regard to case and accents ("ell" finds
 * Ellen and Ëlla), skill one skill.
 */
int store_volunteer_list(struct store *st, const char *search,
    const char *skill, struct volunteer_list *out, struct err *err);
/*
 * One page of store_volunteer_list (no skill filter): at most limit
 * volunteers (0: all) ordered by name folded (Ë with E) then id,
 * starting after the one named after_name with id after_id (after_name
 * NULL: from the first). For the screen, which never loads the whole
 * table.
 */
int store_volunteer_list_page(struct store *st, const char *search,
    const char *after_name, int64_t after_id, int64_t limit,
    struct volunteer_list *out, struct err *err);
int store_unavailable_insert(struct store *st, struct unavailable *u,
    struct err *err);
/*
 * Volunteers whose name, folded (text_fold(): case and Latin accents
 * ignored), is text folded or starts with it, through the index on
 * name_folded (id, name, email filled). The best of them first, *exact
 * of them: if text has accents, the whole name with them as typed (case
 * ignored), else a prefix with them; then the whole name folded, else
 * all; the others after; each group in folded name order.
 */
int store_volunteer_match(struct store *st, const char *text,
    struct volunteer_list *out, size_t *exact, struct err *err);
/* Delete period id of volunteer_id; ERR_NOT_FOUND if they have none. */
int store_unavailable_delete(struct store *st, int64_t volunteer_id,
    int64_t id, struct err *err);
/* Unavailable periods of volunteer_id, by start. */
int store_unavailable_list(struct store *st, int64_t volunteer_id,
    struct unavailable_list *out, struct err *err);
/*
 * Remove what volunteer_id's periods from source (not "") say about
 * [from, to): those inside go, those across an edge keep the part
 * outside. Periods of other sources (typed in: "") are left alone.
 * *removed: the periods that went or were cut. 0, or -1 with ERR_IO.
 */
int store_unavailable_clear(struct store *st, int64_t volunteer_id,
    const char *source, int64_t from, int64_t to, size_t *removed,
    struct err *err);

/* store_team.c */

int store_team_insert(struct store *st, struct team *t, struct err *err);
int store_team_get(struct store *st, int64_t id, struct team *t,
    struct err *err);
/* Add volunteer_id to team_id; ERR_CONFLICT if already a member. */
int store_team_join(struct store *st, int64_t team_id, int64_t volunteer_id,
    struct err *err);
int store_team_list(struct store *st, struct team_list *out, struct err *err);
/* Take volunteer_id out of team_id; ERR_NOT_FOUND if not a member. */
int store_team_leave(struct store *st, int64_t team_id, int64_t volunteer_id,
    struct err *err);
/* Delete team_id (its memberships go with it); ERR_NOT_FOUND if none. */
int store_team_delete(struct store *st, int64_t team_id, struct err *err);
/* ERR_CONFLICT if another team has name, ERR_NOT_FOUND if none. */
int store_team_rename(struct store *st, int64_t team_id, const char *name,
    struct err *err);
/* The teams volunteer_id is in, by name (no member counts). */
int store_team_list_volunteer(struct store *st, int64_t volunteer_id,
    struct team_list *out, struct err *err);
/* Ids of team_id's members, by name. The caller frees *ids. */
int store_team_members(struct store *st, int64_t team_id, int64_t **ids,
    size_t *count, struct err *err);

/* store_assignment.c */

/* Set the note of volunteer_id on shift_id ("" or NULL: none);
 * ERR_NOT_FOUND if they are not on it. */
int store_assignment_set_note(struct store *st, int64_t shift_id,
    int64_t volunteer_id, const char *note, struct err *err);

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
/*
 * How many assignments on shift_id have status, into *n (from the index,
 * no row read). Returns 0, or -1 with ERR_IO.
 */
int store_assignment_count_status(struct store *st, int64_t shift_id,
    enum assignment_status status, int *n, struct err *err);
/* Assignments of one volunteer on shifts starting in the range (events not cancelled). */
int store_assignment_list_volunteer(struct store *st, int64_t volunteer_id,
    const struct store_range *range, struct assignment_list *out,
    struct err *err);
/*
 * Assignments on shifts starting in the range, by start, event title,
 * role, name folded, volunteer id and shift id; at most range->limit. With
 * range->people_only each has its id, shift, volunteer, status and the
 * derived fields only (note NULL, attendance, hours and forced zero),
 * read from an index without the assignments' rows.
 */
int store_assignment_list_range(struct store *st,
    const struct store_range *range, struct assignment_list *out,
    struct err *err);

/* store_audit.c: the whole-plan conflict audit */

/*
 * One assignment that may be in conflict, with what plan needs to judge
 * it. Every string is borrowed from SQLite and valid only during the
 * callback: copy what you keep, free nothing.
 */
struct store_audit_row {
	struct shift		 shift;		/* id, start, end, role,
						   language, event_title */
	struct volunteer	 volunteer;	/* id, name, skills, languages,
						   monthly limit */
	struct assignment	 assignment;	/* status, forced, names */
	struct assignment	 previous;	/* the volunteer's earlier shift
						   ending last (shift_id 0:
						   none) */
	struct unavailable	 off;		/* an unavailable period over
						   the shift (id 0: none) */
	const char		*event_languages;
	bool			 in_range;	/* false: given only to count
						   the month (before from, or
						   not to be judged) */
};

struct store_conflict_flag;	/* below, store_conflict.c */

/* Called per row; a non-zero return stops the scan and is returned. */
typedef int store_audit_fn(const struct store_audit_row *row, void *arg);

/*
 * Call fn for each non-declined assignment (of events not cancelled)
 * starting in [from, to) (0: no bound) that may break a rule: it starts
 * less than rest_minutes after an earlier shift of the volunteer ends
 * (or overlaps it), lies in an unavailable period, needs a skill or a
 * language; and for volunteers with a monthly limit every assignment
 * from the month before from on (in_range false before from), ordered by
 * volunteer then start, so the caller can count each month.
 */
int store_audit_scan(struct store *st, int64_t from, int64_t to,
    int rest_minutes, store_audit_fn *fn, void *arg, struct err *err);

/*
 * The same scan for the volunteers in vids only (sorted, distinct; none:
 * nothing is called), each read through their own index (with a bounded
 * range, among the shift ids that bound the range's shifts, or among
 * the range's shifts read once, when there are few enough for so many
 * volunteers): the rows given are exactly those
 * store_audit_scan gives for these volunteers, in the same order, but
 * for those of a volunteer with entries in only (their stored conflict
 * flags in the range, sorted by volunteer then shift; NULL: none): of
 * their rows in the range, those of their entries are given, the others
 * only to count the month (in_range false) when a monthly limit counts
 * for them, else not at all (an inactive volunteer with a limit is
 * judged whole: the rows given are those counted).
 */
int store_audit_scan_some(struct store *st, int64_t from, int64_t to,
    int rest_minutes, const int64_t *vids, size_t nvids,
    const struct store_conflict_flag *only, size_t nonly, store_audit_fn *fn,
    void *arg, struct err *err);

/* store_conflict.c: each assignment's stored conflict state */

/* One assignment plan found in conflict. */
struct store_conflict_flag {
	int64_t	 volunteer_id;
	int64_t	 shift_id;
	int64_t	 start;		/* the shift's start */
};

/*
 * The volunteers an edit touched since they were last judged, sorted.
 * The caller frees *out (NULL when there are none). 0, or -1 with err.
 */
int store_conflict_dirty(struct store *st, int64_t **out, size_t *len,
    struct err *err);
/*
 * The volunteers whose conflicts in [from, to) (0: no bound) may have
 * changed or exist: those with a flagged assignment starting in the
 * range and every volunteer still to be judged (*dirty of them). Sorted,
 * distinct; the caller frees *out. And into *only (when not NULL) the
 * flags in the range of the volunteers not to be judged again, as
 * store_audit_scan_some takes them: by volunteer, then shift; the caller
 * frees it. 0, or -1 with err.
 */
int store_conflict_candidates(struct store *st, int64_t from, int64_t to,
    int64_t **out, size_t *len, size_t *dirty,
    struct store_conflict_flag **only, size_t *nonly, struct err *err);
/*
 * Every stored flag, by volunteer then shift (for tests and checks). The
 * caller frees *out. 0, or -1 with err.
 */
int store_conflict_flags(struct store *st, struct store_conflict_flag **out,
    size_t *len, struct err *err);
/*
 * Inside the caller's write transaction: the volunteers in vids (NULL:
 * everyone) were judged again and flags are what was found in conflict.
 * Replaces their stored flags and marks them judged. 0, or -1 with err.
 */
int store_conflict_replace(struct store *st, const int64_t *vids,
    size_t nvids, const struct store_conflict_flag *flags, size_t nflags,
    struct err *err);

/* store_suggest.c: what ranking volunteers for a shift needs */

/*
 * The facts near a shift about one volunteer. Pointers are borrowed and
 * valid until the next call on the session.
 */
struct store_suggest_facts {
	const struct assignment		*near;		/* nnear shifts: the
							   first overlapping,
							   the first within
							   the rest */
	size_t				 nnear;
	const struct unavailable	*off;		/* the first over the
							   shift, or NULL */
	int				 month_count;	/* in the shift's month */
	int				 recent;	/* in the 30 days before */
};

/* Suggestions for one shift: a session (opaque). */
struct store_suggest;

/*
 * Start a session for sh (id, start, end; borrowed until the end).
 * [month_start, month_end) is sh's month in the plan zone. everyone: the
 * caller will ask the facts of every volunteer (scan at once). Declined
 * assignments and cancelled events never count. 0, or -1 with err.
 */
int store_suggest_begin(struct store *st, const struct shift *sh,
    int rest_minutes, int64_t month_start, int64_t month_end, bool everyone,
    struct store_suggest **out, struct err *err);
/*
 * The next active volunteer who is not on the shift, in name order
 * (folded, text_fold_cmp(), then id): 1 with v's id, name, skills, languages and
 * monthly limit (text borrowed until the next call), 0 after the last,
 * -1 with err.
 */
int store_suggest_next(struct store_suggest *ss, struct volunteer *v,
    struct err *err);
/* Start the volunteers over from the first. 0, or -1 with err. */
int store_suggest_rewind(struct store_suggest *ss, struct err *err);
/*
 * The facts about one volunteer: two small queries each for the first
 * ones asked, a few scans near the shift for everyone once many are.
 * 0, or -1 with err.
 */
int store_suggest_facts(struct store_suggest *ss, int64_t volunteer_id,
    struct store_suggest_facts *out, struct err *err);
void store_suggest_end(struct store_suggest *ss);

/* store_hours.c */

struct store_hours {
	int64_t	 volunteer_id;
	char	*volunteer;	/* name (owned) */
	int	 attended;	/* shifts attended */
	int	 no_shows;
	double	 hours;		/* hours served on attended shifts */
};

struct store_hours_list {
	struct store_hours	*items;
	size_t			 len;
	size_t			 cap;
};

/*
 * Per volunteer with attendance recorded on shifts starting in [from,
 * to) (0: no bound): shifts attended, no-shows, hours. By name.
 */
int store_hours_list(struct store *st, int64_t from, int64_t to,
    struct store_hours_list *out, struct err *err);
void store_hours_list_free(struct store_hours_list *list);

/* store_log.c: the change log */

struct store_log_entry {
	int64_t	 id;
	int64_t	 at;		/* UTC seconds */
	char	*user;		/* OS user, with SSH client address if any */
	char	*action;	/* "event add", "assign", ... */
	char	*entity;	/* "event", "shift", "volunteer", ... */
	int64_t	 entity_id;
	char	*summary;	/* one line: what changed */
	int64_t	 undoes;	/* the change this one undid, or 0 */
	int64_t	 undone_by;	/* the change that undid this one, or 0 */
	char	*rows;		/* json array of {table, id, before, after} */
};

/* Which log lines store_log_find returns; zeroes and NULL: no bound. */
struct store_log_filter {
	int64_t		 limit;		/* lines at most (0: 50) */
	int64_t		 id;		/* this line only */
	const char	*entity;	/* lines logged about entity/entity_id */
	int64_t		 entity_id;
	int64_t		 volunteer_id;	/* lines that touched this volunteer */
	int64_t		 event_id;	/* ... or this event or its shifts */
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
/*
 * Open a change within the current write transaction: its log line is
 * written now, and the row images written until store_log_close() carry
 * its id as they are written, instead of being claimed by one UPDATE at
 * the end (for a change of many rows: import). Nothing else may append a
 * log line meanwhile. 0, or -1 with err.
 */
int store_log_open(struct store *st, const char *action, const char *entity,
    int64_t entity_id, struct err *err);
/*
 * Close the open change: keep true gives its line summary (and the time
 * now), false takes the line out with what it holds (nothing changed).
 * Without an open change, does nothing. 0, or -1 with err.
 */
int store_log_close(struct store *st, bool keep, const char *summary,
    struct err *err);
/* Newest first, at most limit (0: 50); entity may be NULL for all. */
int store_log_list(struct store *st, int64_t limit, const char *entity,
    int64_t entity_id, struct store_log_list *out, struct err *err);
/* Lines matching every bound of f, newest first. */
int store_log_find(struct store *st, const struct store_log_filter *f,
    struct store_log_list *out, struct err *err);
/* Link the newest log line as the undo of change_id. */
int store_log_mark_undone(struct store *st, int64_t change_id,
    struct err *err);
void store_log_list_free(struct store_log_list *list);
/*
 * Line e as a sentence in the reader's language naming the people, shifts
 * and events it touched ("Fatima taken off shift begeleider – Taalcafé
 * 5 Jan"); an undo names what it undid; the stored summary when the log
 * knows too little. Caller frees.
 */
char *store_log_describe(struct store *st, const struct store_log_entry *e);

/* store_calendar.c: what calendars are made of */

struct store_calendar_filter {
	int64_t	event_id;	/* 0: every event */
	int64_t	volunteer_id;	/* 0: everyone; else only their shifts */
};

/*
 * Called once per calendar entry: a shift with its event, or an event
 * alone (sh NULL) when it has no shifts. people lists the assignments on
 * the shift that count (assignment_counts), by name folded then id,
 * with only shift_id, volunteer_id, status and volunteer (the name) set
 * (empty for an event alone); in one volunteer's calendar their own
 * assignment is there too, counting or not, with its note. All borrowed
 * for the call.
 */
typedef int store_calendar_fn(void *arg, const struct event *ev,
    const struct shift *sh, const struct assignment_list *people,
    struct err *err);

/*
 * Walk events (soonest first) and their shifts matching filter, calling
 * fn for each entry without loading them all: memory stays flat. Stops
 * at fn's first -1. Cancelled events are included.
 */
int store_calendar_each(struct store *st,
    const struct store_calendar_filter *filter, store_calendar_fn *fn,
    void *arg, struct err *err);
/*
 * keep: read every volunteer's name once and use them for every
 * store_calendar_each until called again with keep false (which frees
 * them; store_close does too). For many calendars in one read
 * transaction: names changed after this are not seen. 0, or -1 with err.
 */
int store_calendar_names_keep(struct store *st, bool keep, struct err *err);

/* A volunteer's feed: who, and their token (NULL: none yet). */
struct store_feed {
	int64_t	 volunteer_id;
	char	*name;
	char	*token;
};

/*
 * Every volunteer with their feed token, by name folded then id, in
 * one statement. The caller frees with store_feed_free. 0, or -1 with err.
 */
int store_calendar_feeds(struct store *st, struct store_feed **out,
    size_t *len, struct err *err);
void store_feed_free(struct store_feed *v, size_t len);
/*
 * The highest seq of the feed marks (migration 14) into *top; 0 when
 * there are none. 0, or -1 with err.
 */
int store_calendar_marks_top(struct store *st, int64_t *top,
    struct err *err);
/*
 * The volunteers whose calendars the marks after seq since name (their
 * own, their shifts', their events'), ascending and each once, into
 * *out (the caller frees; ids of volunteers gone may be among them);
 * *plan true if the plan's own calendar changed too. 0, or -1 with err.
 */
int store_calendar_marks_since(struct store *st, int64_t since,
    int64_t **out, size_t *len, bool *plan, struct err *err);
/*
 * The events whose VEVENTs in the plan's own calendar the marks after
 * seq since may have changed (the first row of a series for any of its
 * occurrences), ascending, into *out (the caller frees; ids of events
 * gone may be among them). 0, or -1 with err.
 */
int store_calendar_marks_events(struct store *st, int64_t since,
    int64_t **out, size_t *len, struct err *err);
/*
 * Every event's id in the order store_calendar_each walks the plan,
 * into *out (the caller frees). 0, or -1 with err.
 */
int store_calendar_event_order(struct store *st, int64_t **out,
    size_t *len, struct err *err);
/*
 * Called once per volunteer with assignments, by id, with the ids of
 * all their shifts (declined too); shift_ids is borrowed for the call.
 */
typedef int store_calendar_shifts_fn(void *arg, int64_t volunteer_id,
    const int64_t *shift_ids, size_t n, struct err *err);
/*
 * Every volunteer's assignments in one pass of an index, for making all
 * the volunteers' calendars at once. Stops at fn's first -1. 0, or -1
 * with err.
 */
int store_calendar_by_volunteer(struct store *st,
    store_calendar_shifts_fn *fn, void *arg, struct err *err);
/* The note on one assignment. */
struct store_calendar_note {
	int64_t	 volunteer_id;
	int64_t	 shift_id;
	char	*note;
};
/*
 * Every assignment's note that is not empty, by volunteer then shift.
 * Free with store_calendar_notes_free. 0, or -1 with err.
 */
int store_calendar_notes(struct store *st, struct store_calendar_note **out,
    size_t *len, struct err *err);
void store_calendar_notes_free(struct store_calendar_note *v, size_t len);
/* Id of the shift with this UID, 0 if none, -1 on error. */
int64_t store_calendar_shift_by_uid(struct store *st, const char *uid,
    struct err *err);
/* Id of the event with this UID, 0 if none, -1 on error. */
int64_t store_calendar_event_by_uid(struct store *st, const char *uid,
    struct err *err);
/*
 * Both of the above in one statement: the shift's id into *shift_id, the
 * event's into *event_id (0: none). 0, or -1 with err.
 */
int store_calendar_uid_find(struct store *st, const char *uid,
    int64_t *shift_id, int64_t *event_id, struct err *err);
/* The feed token of volunteer id into *token (NULL: none yet). */
int store_calendar_token_get(struct store *st, int64_t volunteer_id,
    char **token, struct err *err);
int store_calendar_token_set(struct store *st, int64_t volunteer_id,
    const char *token, struct err *err);

/* store_invite.c: the iTIP messages sent, per shift UID and volunteer */

struct store_invite {
	int64_t	 id;
	char	*uid;		/* the shift's UID */
	int64_t	 volunteer_id;
	int64_t	 shift_id;
	int64_t	 event_id;
	int	 sequence;	/* SEQUENCE last sent to this volunteer */
	int	 shift_sequence; /* the shift's SEQUENCE then */
	int	 cancelled;	/* 1: the last message was a CANCEL (the
				   state names' index: sent, cancelled) */
	char	*email;		/* where it went */
	char	*name;
	char	*summary;	/* what it said, for a later CANCEL */
	char	*location;
	int64_t	 start;
	int64_t	 end;
	int64_t	 sent_at;
	int64_t	 reply_stamp;	/* DTSTAMP of the last REPLY applied */
	char	*digest;	/* what the last REQUEST put in the
				   volunteer's calendar, to send nothing
				   when that would not change */
	bool	 reasked;	/* asked to confirm a new time or place;
				   cleared by their next reply */
	bool	 offer;		/* the REQUEST offered an open shift */
};

struct store_invite_key {
	int64_t	 shift_id;	/* for due requests */
	int64_t	 volunteer_id;
	char	*uid;		/* for due cancels */
};

struct store_invite_keys {
	struct store_invite_key	*items;
	size_t			 len;
	size_t			 cap;
};

void store_invite_init(struct store_invite *inv);
void store_invite_fini(struct store_invite *inv);
void store_invite_keys_free(struct store_invite_keys *keys);
/* The invite for (uid, volunteer_id); ERR_NOT_FOUND if none. */
int store_invite_get(struct store *st, const char *uid, int64_t volunteer_id,
    struct store_invite *inv, struct err *err);
/* Insert or replace the row for (inv->uid, inv->volunteer_id). */
int store_invite_save(struct store *st, const struct store_invite *inv,
    struct err *err);
int store_invite_set_reply(struct store *st, const char *uid,
    int64_t volunteer_id, int64_t stamp, struct err *err);
/*
 * The volunteers on shift_id asked to confirm a new time or place who
 * have not answered yet (still invited), by id, into out (volunteer_id).
 */
int store_invite_unconfirmed(struct store *st, int64_t shift_id,
    struct store_invite_keys *out, struct err *err);
/*
 * Offered assignments (shift_id, volunteer_id) on shifts that are full
 * (filled otherwise than by the offer): they are to be taken back.
 */
int store_invite_full_offers(struct store *st, struct store_invite_keys *out,
    struct err *err);
/*
 * Assignments (shift_id, volunteer_id) that need a REQUEST: never sent,
 * cancelled since, shift changed since (higher SEQUENCE), planned again,
 * or the volunteer's address changed; on shifts ending after now, of events not cancelled; event_id 0
 * for all.
 */
int store_invite_due_requests(struct store *st, int64_t event_id,
    int64_t now, struct store_invite_keys *out, struct err *err);
/*
 * Invites (uid, volunteer_id) whose assignment, shift or event is gone
 * or whose event is cancelled: they need a CANCEL.
 */
int store_invite_due_cancels(struct store *st, int64_t event_id,
    struct store_invite_keys *out, struct err *err);
/* store_history.c: row images of each change, and undo */

/*
 * The id of the current OS user's newest change that is not an undo and
 * not undone yet, in *change_id (0 if none).
 */
int store_history_last(struct store *st, int64_t *change_id,
    struct err *err);
/*
 * The first restore or forget logged after change_id, which undo may not
 * go past: its id in *barrier (0 if none) and its action in action.
 */
int store_history_barrier(struct store *st, int64_t change_id,
    int64_t *barrier, char *action, size_t size, struct err *err);
/*
 * Put back the rows change_id changed, as they were before it, within the
 * caller's write transaction. ERR_CONFLICT, naming who, if any of those
 * rows changed since or the undo would reach rows added since.
 */
int store_history_revert(struct store *st, int64_t change_id,
    struct err *err);

/* store_privacy.c: one person's data */

/*
 * Everything stored about volunteer id as one json object (volunteer,
 * unavailable, teams, assignments with their shift and event, invitations
 * sent to them); every
 * column, times as ISO 8601 UTC. "volunteer" is null if there is none.
 * The caller frees *out.
 */
int store_privacy_export(struct store *st, int64_t id, char **out,
    struct err *err);
/*
 * Within the caller's write transaction, erase volunteer id: blank every
 * column of the row but id, version and created_at (it stays as "forgotten
 * volunteer" so that past assignments still count in reports), delete
 * their unavailable periods, team memberships, the copies of invitations
 * sent to them and assignments on shifts ending after now, every
 * change-log row image that holds them, and
 * every log line about them or whose summary names them ('name', email or
 * phone) with no other rows left.
 */
int store_privacy_forget(struct store *st, int64_t id, const char *name,
    const char *email, const char *phone, int64_t now, struct err *err);
/*
 * Copy the WAL into the file and truncate it, outside any transaction.
 * ERR_BUSY if another process's read keeps old pages alive.
 */
int store_privacy_checkpoint(struct store *st, struct err *err);

#endif /* ROOSTER_STORE_H */
