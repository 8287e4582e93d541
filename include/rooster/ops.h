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
#include <stdio.h>

#include "rooster/model.h"
#include "rooster/plan.h"
#include "rooster/store.h"
#include "rooster/util.h"

/* ops_plan.c */

/*
 * Prepare a freshly opened plan for use: on a new file record the system's
 * time zone (unless it is UTC) and a UID domain; then make the plan's
 * zone the one times are read and shown in. Returns 0; or
 * OPS_PLAN_ZONE_MISSING with err saying which zone and how to mend it
 * when the plan's zone is not in this system's tzdata (the process then
 * works in UTC: fit only for init, backup, restore, volunteer export);
 * or -1 with err set.
 */
int ops_plan_open(struct store *st, struct err *err);
#define OPS_PLAN_ZONE_MISSING 1
/*
 * ops_plan_open() on a plan without a zone (made on a server whose clock
 * says UTC): err names `rooster init --timezone`; the process works in
 * UTC, fit only for what needs no zone, and for the screen, which asks.
 */
#define OPS_PLAN_ZONE_UNSET 2
/*
 * Name the plan and set its zone (NULL keeps either). Refuses with
 * ERR_CONFLICT to change the zone of a plan that holds events, unless
 * its zone is missing from this system (the instants stay as they are).
 */
int ops_plan_init(struct store *st, const char *zone, const char *name,
    struct err *err);
/* Longest rest rule: a week. */
#define OPS_PLAN_REST_MAX (7 * 24 * 60)
/*
 * Set the rest rule: volunteers need at least minutes between two shifts
 * (plan setting rest_minutes; 0 turns the rule off, the default).
 * ERR_INVALID outside 0..OPS_PLAN_REST_MAX.
 */
int ops_plan_rest(struct store *st, int minutes, struct err *err);
/*
 * Set the plan's language (plan setting language), "nl" or "en": the
 * language of the text in invitation mails. ERR_INVALID for another.
 */
int ops_plan_language(struct store *st, const char *language,
    struct err *err);
/*
 * The plan's language: "nl", "en", or NULL when never set (mails then
 * carry both texts, Dutch first). Caller frees.
 */
char *ops_plan_language_get(struct store *st);
/* The rest rule in minutes, 0 when off. */
int ops_plan_rest_minutes(struct store *st);
/*
 * The plan's zone into buf, the one its rules count months in: its
 * time_zone setting, or "UTC" (as ops_plan_open() works) when it has none
 * or this system lacks it. Read from the plan, never from the process.
 */
void ops_plan_zone(struct store *st, char *buf, size_t size);
/* Fill an empty plan with the demo plan around now. ERR_CONFLICT if not empty. */
int ops_plan_demo(struct store *st, int64_t now, struct err *err);

/* ops_event.c */

/* Validate and insert ev with a new UID; sets ev->id and ev->uid. */
int ops_event_add(struct store *st, struct event *ev, struct err *err);
/*
 * Copy event id, as a template, to a new event starting at start: title,
 * place, description, languages, length, and its shifts at the same
 * offsets; no people, no repeat rule. Sets *new_id.
 */
int ops_event_copy(struct store *st, int64_t id, int64_t start,
    int64_t *new_id, struct err *err);
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

/* ops_series.c: repeating events ("this one" is ops_event_edit/cancel) */

/*
 * Edit every occurrence of the series holding event ev->id: each field in
 * which ev differs from the stored row is set on all of them; a new
 * start/end moves them all by the same wall-clock amount (DST-correct),
 * with their shifts. ERR_CONFLICT if the event does not repeat or ev
 * changes the rule.
 */
int ops_series_edit(struct store *st, const struct event *ev,
    struct err *err);
/* Cancel every occurrence of the series holding event id. */
int ops_series_cancel(struct store *st, int64_t id, struct err *err);
/* As ops_series_cancel(); following: only event id's occurrence and
 * those after it. */
int ops_series_cancel_scope(struct store *st, int64_t id, bool following,
    struct err *err);
/* What a change to one occurrence of a repeating event reaches. */
enum ops_series_scope {
	OPS_SERIES_ONE = 0,	/* that occurrence alone */
	OPS_SERIES_FOLLOWING,	/* it and every later one */
	OPS_SERIES_ALL		/* the whole series */
};
/*
 * Delete event id: a plain event; or of a series the occurrence alone
 * (the first, which holds the rule, is refused: cancel it or delete all),
 * it and the later ones, or all. ERR_CONFLICT for a scope on a plain
 * event.
 */
int ops_series_delete(struct store *st, int64_t id,
    enum ops_series_scope scope, struct err *err);

/* ops_conflict.c: reads only, shared by the command line and the screen */

/*
 * Called per conflict: row (borrowed, as store_audit_scan gives it) is
 * the assignment in conflict, c the rule it breaks with its reason. A
 * non-zero return stops the scan and is returned by ops_conflicts.
 */
typedef int ops_conflict_fn(const struct store_audit_row *row,
    const struct plan_conflict *c, void *arg);
/*
 * Every conflict of the assignments on shifts starting in [from, to) (0:
 * no bound), forced ones included, by volunteer then start: each
 * assignment is judged by the rules of assign against the volunteer's
 * earlier shift that ends last, their unavailable periods, the shifts of
 * the month before it, skills and languages. One pass over the plan.
 */
int ops_conflicts(struct store *st, int64_t from, int64_t to,
    ops_conflict_fn *fn, void *arg, struct err *err);

/* ops_suggest.c: reads only, shared by the command line and the screen */

struct ops_suggest {
	struct shift			shift;	/* the shift to fill */
	struct event			event;	/* its event */
	struct volunteer_list		volunteers; /* those weighed */
	struct plan_suggestion_list	ranked;	/* best first; points into
						   volunteers */
};

/*
 * Rank every active volunteer not on shift_id (plan_suggest_rank): no
 * conflict first, then skill, language, fewest shifts in the 30 days
 * before, name. Fills *out (free it with ops_suggest_fini, also after
 * a failure). ERR_NOT_FOUND for an unknown shift.
 */
int ops_suggest(struct store *st, int64_t shift_id, struct ops_suggest *out,
    struct err *err);
/*
 * As ops_suggest, but only the best n (0: all) are certain and first, in
 * order; volunteers are read in name order only until the best n are
 * certain (n who fit with no shift in the 30 days before), so a screenful
 * costs far less than everyone. ranked.len may exceed n; when n were
 * found, volunteers lacking the skill or a language may be left out (they
 * rank below the n); otherwise everyone is in ranked.
 */
int ops_suggest_top(struct store *st, int64_t shift_id, size_t n,
    struct ops_suggest *out, struct err *err);
/*
 * The one-line reason of the i-th ranked volunteer (plan_suggest_reason()
 * for sg's shift and its event's languages), borrowed from sg.
 */
const char *ops_suggest_reason(struct ops_suggest *sg, size_t i);
void ops_suggest_fini(struct ops_suggest *s);

/* ops_shift.c */

/*
 * Validate and insert sh with a new UID. A start or end of 0 takes the
 * event's. ERR_NOT_FOUND if sh->event_id names no event; ERR_CONFLICT,
 * unless force, if it starts before the event's day or after its end.
 */
int ops_shift_add(struct store *st, struct shift *sh, bool force,
    struct err *err);
/* ops_shift_add(); added to a series' first occurrence, the shift is
 * copied onto its later live ones too: *copies counts them. */
int ops_shift_add_copies(struct store *st, struct shift *sh, bool force,
    size_t *copies, struct err *err);
/* Save sh over shift sh->id (version checked as for events; a new time
 * outside the event's day(s) refused as by ops_shift_add()). */
int ops_shift_edit(struct store *st, struct shift *sh, bool force,
    struct err *err);
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
/* Take a volunteer out of a team; ERR_NOT_FOUND if not in it. */
int ops_team_leave(struct store *st, int64_t team_id, int64_t volunteer_id,
    struct err *err);
/* Delete a team; its members stay volunteers, assignments stay. */
int ops_team_delete(struct store *st, int64_t team_id, struct err *err);
/* Rename a team; ERR_CONFLICT if another has the name. */
int ops_team_rename(struct store *st, int64_t team_id, const char *name,
    struct err *err);
/* Remove unavailable period period_id of volunteer_id. */
int ops_volunteer_available(struct store *st, int64_t volunteer_id,
    int64_t period_id, struct err *err);

/* ops_assign.c */

/*
 * The conflicts of putting volunteer_id on shift_id, without writing.
 * Appends to out; returns 0, or -1 with err (not found, I/O).
 */
int ops_assign_check(struct store *st, int64_t shift_id, int64_t volunteer_id,
    struct plan_conflict_list *out, struct err *err);
/*
 * The first conflict of each person on shifts (loaded; assigned[i] the
 * people of shifts->items[i]), as `rooster conflicts` reports it
 * (ops_conflicts, one pass over the shifts' starts): reasons[i][j] a new
 * string, or NULL for none and for one that does not count. For the
 * screen's marks. Returns 0, or -1 with err.
 */
int ops_assign_judge(struct store *st, const struct shift_list *shifts,
    const struct assignment_list *assigned, char ***reasons,
    struct err *err);
/*
 * Put volunteer_id on shift_id as planned. With conflicts and !force:
 * ERR_CONFLICT, the conflicts appended to conflicts (may be NULL), the
 * message the first reason. With force the assignment is marked forced.
 * A shift that already has its people (needed > 0) is refused with
 * ERR_CONFLICT unless force.
 */
int ops_assign(struct store *st, int64_t shift_id, int64_t volunteer_id,
    bool force, struct plan_conflict_list *conflicts, struct err *err);
/*
 * ops_assign() with the fields given set (assignment_fields with an
 * option, `assign --note`: a note for the volunteer), or NULL for none.
 */
int ops_assign_given(struct store *st, int64_t shift_id,
    int64_t volunteer_id, bool force, const struct assignment *given,
    struct plan_conflict_list *conflicts, struct err *err);
/* Set (or with "" remove) the note of an assignment. */
int ops_assign_note(struct store *st, int64_t shift_id, int64_t volunteer_id,
    const char *note, struct err *err);
int ops_unassign(struct store *st, int64_t shift_id, int64_t volunteer_id,
    struct err *err);
/* Record the volunteer's answer (accepted, declined, tentative). */
int ops_respond(struct store *st, int64_t shift_id, int64_t volunteer_id,
    enum assignment_status status, struct err *err);
/*
 * Record attendance after the shift; hours < 0 means the shift's length.
 * A shift that has not started is refused (ERR_CONFLICT) unless force.
 */
int ops_attended(struct store *st, int64_t shift_id, int64_t volunteer_id,
    bool no_show, double hours, bool force, struct err *err);

/* ops_import.c: volunteers from a spreadsheet */

/*
 * The optional columns an import holds; the name is always there. Each
 * field of volunteer_fields after the name has its bit, by its row:
 * ops_import_field_bit(); these are the names of the first ones'.
 */
enum ops_import_field {
	OPS_IMPORT_EMAIL = 1 << 0,
	OPS_IMPORT_PHONE = 1 << 1,
	OPS_IMPORT_SKILLS = 1 << 2,
	OPS_IMPORT_LANGUAGES = 1 << 3,
	OPS_IMPORT_MAX_PER_MONTH = 1 << 4,
	OPS_IMPORT_NOTES = 1 << 5,
	OPS_IMPORT_ACTIVE = 1 << 6
};

/* The bit of field f (a row of volunteer_fields but the name). */
unsigned ops_import_field_bit(const struct model_field *f);

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

/* ops_config.c: the person's settings (the config file), passed down */

#define OPS_CONFIG_SENDMAIL "/usr/sbin/sendmail -t -oi"
#define OPS_CONFIG_REMINDER (24 * 60)

struct ops_config {
	char	*name;		/* organizer's name (CN), or NULL */
	char	*email;		/* organizer's address, or NULL */
	char	*sendmail;	/* mail command, split on blanks, no shell */
	int	 reminder;	/* VALARM minutes before a shift; 0: none */
};

/* Defaults: no name or address, OPS_CONFIG_SENDMAIL, a day's reminder. */
void ops_config_init(struct ops_config *cfg);
void ops_config_fini(struct ops_config *cfg);

/* ops_export.c: calendars to read (feeds, files) */

/*
 * Write the METHOD:PUBLISH calendar of the plan, one event (event_id) or
 * one volunteer's shifts (volunteer_id) to fp, streaming. Reads only;
 * the caller holds a read transaction. ERR_NOT_FOUND for an unknown id.
 */
int ops_export_ics(struct store *st, const struct ops_config *cfg,
    int64_t event_id, int64_t volunteer_id, FILE *fp, struct err *err);

struct ops_feed {
	int64_t	 volunteer_id;	/* 0: the whole plan */
	char	*name;		/* volunteer's name, or the plan's */
	char	*file;		/* file name inside the directory */
	const char *result;	/* "written", "unchanged", "removed" */
};

struct ops_feed_list {
	struct ops_feed	*items;
	size_t		 len;
	size_t		 cap;
};

void ops_feed_list_free(struct ops_feed_list *list);
/*
 * Write DIR/<token>.ics per volunteer and DIR/plan-<token>.ics for the
 * plan (tokens made on first use), each through a temporary file renamed
 * into place; a file whose content is unchanged but for DTSTAMP is left
 * alone, and feeds of rotated tokens are removed. Appends to out.
 */
int ops_export_feeds(struct store *st, const struct ops_config *cfg,
    const char *dir, struct ops_feed_list *out, struct err *err);
/*
 * The feed token of volunteer_id (made if missing, replaced if rotate)
 * into *token, which the caller frees.
 */
int ops_export_token(struct store *st, int64_t volunteer_id, bool rotate,
    char **token, struct err *err);

/* ops_invite.c: iTIP REQUEST and CANCEL messages */

enum ops_invite_mode {
	OPS_INVITE_OUTBOX = 0,	/* one .ics file per message in a directory */
	OPS_INVITE_SEND		/* one iMIP mail per message, via sendmail */
};

struct ops_invite_result {
	const char *method;	/* "REQUEST" or "CANCEL" */
	int64_t	 shift_id;
	int64_t	 volunteer_id;
	char	*volunteer;
	char	*email;
	char	*summary;
	int64_t	 start;
	int	 sequence;
	const char *outcome;	/* "written", "sent", "skipped", "failed" */
	char	*detail;	/* file written, or why not */
};

struct ops_invite_results {
	struct ops_invite_result *items;
	size_t		 len;
	size_t		 cap;
	size_t		 failed;	/* outcomes "failed" */
};

void ops_invite_results_free(struct ops_invite_results *list);
/*
 * Send (or write to outbox) a REQUEST for every assignment new or
 * changed since its last invite and a CANCEL for every invited one
 * removed or whose event was cancelled; event_id 0 for all. Only what
 * was delivered is recorded (and planned becomes invited), so a failed
 * hand-off is retried by the next run. ERR_INVALID if the config has no
 * usable organizer address. Appends one result per message to out.
 */
int ops_invite(struct store *st, const struct ops_config *cfg,
    int64_t event_id, enum ops_invite_mode mode, const char *outbox,
    struct ops_invite_results *out, struct err *err);

/*
 * Offer open shift shift_id by invite, first come first served: to the
 * nto volunteers in to, or else to the best `suggest` ranks with no
 * conflict (skills, languages and time fit), at most limit (0: three
 * times the places open). Each gets an assignment with status offered
 * and an iTIP REQUEST (delivered as by ops_invite; an offer not
 * delivered is taken back). Nobody on the shift or already asked for it
 * is sent a second REQUEST (listed as skipped). Replies settle the
 * offers (ops_ics_import*). ERR_CONFLICT if the shift is full,
 * ERR_INVALID for a past shift, a cancelled event or no organizer
 * address, ERR_NOT_FOUND for an unknown shift or volunteer.
 */
int ops_offer(struct store *st, const struct ops_config *cfg,
    int64_t shift_id, const int64_t *to, size_t nto, size_t limit,
    enum ops_invite_mode mode, const char *outbox,
    struct ops_invite_results *out, struct err *err);

/* ops_sendmail.c */

/*
 * Run command (split on blanks; no shell) with msg on its standard
 * input. ERR_IO if it cannot run or exits non-zero.
 */
int ops_sendmail_run(const char *command, const char *msg, size_t len,
    struct err *err);

/* ops_ics.c: iCalendar files in */

/* A reply applied (or found recorded already) by an import. */
struct ops_ics_answer {
	int64_t			 shift_id;
	char			*shift;		/* "Role - Event" */
	int64_t			 start;		/* the shift's start */
	char			*volunteer;	/* their name */
	char			*email;		/* the ATTENDEE address */
	enum assignment_status	 status;	/* now */
	bool			 already;	/* was so before: nothing
						   changed */
	bool			 filled;	/* accepted an offer too late:
						   taken back, a CANCEL is due */
	char			*label;		/* the offer's label, or NULL */
};

/* An ACCEPTED reply to an offer, settled once all replies are read. */
struct ops_ics_offer {
	int64_t	 shift_id;
	int64_t	 volunteer_id;
	int64_t	 dtstamp;	/* when it was sent (0: unknown) */
	long	 order;		/* arrival */
	char	*uid;
	char	*email;
	char	*label;		/* the caller's (the message), or NULL */
};

/* A volunteer's free/busy taken in by an import. */
struct ops_ics_busy {
	int64_t	 volunteer_id;
	char	*volunteer;	/* their name */
	char	*email;		/* the address it was matched by */
	int64_t	 start;		/* the range it covers, UTC */
	int64_t	 end;
	size_t	 periods;	/* unavailable periods it set */
	size_t	 replaced;	/* earlier ones from that address in the
				   range, removed or cut */
};

struct ops_ics_result {
	size_t	 added;		/* events new to the plan */
	size_t	 updated;
	size_t	 unchanged;
	size_t	 replies;	/* answers applied */
	size_t	 ignored;	/* entries not applied; see notes */
	char	**notes;	/* one line each: why an entry was ignored */
	size_t	 nnotes;
	struct ops_ics_answer *answers;	/* every reply applied or already
					   recorded, in file order */
	size_t	 nanswers;
	struct ops_ics_busy *busy;	/* every free/busy applied */
	size_t	 nbusy;
	bool	 defer_offers;	/* set by the caller: leave accepted offers
				   in offers for ops_ics_settle() */
	struct ops_ics_offer *offers;
	size_t	 noffers;
};

void ops_ics_result_fini(struct ops_ics_result *res);
/*
 * Import every VEVENT of fp in one transaction: a METHOD:REPLY sets the
 * matching assignment's status; PUBLISH, REQUEST or no METHOD add or
 * update events by UID (idempotent), CANCEL cancels a known event or
 * occurrence. A VFREEBUSY (REPLY, PUBLISH or no METHOD) whose ATTENDEE
 * or ORGANIZER is a volunteer's address becomes their unavailable periods
 * in the range it covers, replacing what an earlier free/busy from that
 * address said there; periods typed in stay. What the file gets wrong
 * but rooster can step over (an empty or unreadable property, an event
 * without UID or without a start it can place) is a note in out->notes;
 * input that is not iCalendar, or with strict any such problem, is
 * ERR_INVALID "line N: ..." and nothing changes.
 */
int ops_ics_import(struct store *st, FILE *fp, bool strict,
    struct ops_ics_result *out, struct err *err);
/*
 * ops_ics_import (not strict) for a calendar that came by mail from
 * sender (an address; NULL: unknown, no check): a REPLY is applied only
 * when sender is its ATTENDEE's address or that ATTENDEE's SENT-BY (any
 * case), else it is noted "not applied: sent by X for Y".
 */
int ops_ics_import_from(struct store *st, FILE *fp, const char *sender,
    struct ops_ics_result *out, struct err *err);
/*
 * Settle the accepted offers in res->offers in one transaction, in the
 * order they were sent (DTSTAMP, then arrival): while the shift has open
 * places an offer becomes accepted; once it is full the others still
 * offered, and who accepts later, are taken off it (their CANCEL, "already
 * filled", goes out with the next invite). Appends an answer per offer.
 * Imports do this themselves unless res->defer_offers.
 */
int ops_ics_settle(struct store *st, struct ops_ics_result *res,
    struct err *err);
/* ops_mail.c: replies straight from the mailbox */

struct ops_mail_row {
	char		*message;	/* the file, "FILE #N" in an mbox */
	char		*from;		/* the sender's address */
	int64_t		 shift_id;	/* 0: no answer */
	char		*shift;		/* its summary, or NULL */
	int64_t		 start;		/* the shift's start */
	char		*volunteer;	/* who answered, or NULL */
	const char	*status;	/* their status now (static), or NULL */
	char		*result;	/* what happened, one line */
};

struct ops_mail_result {
	struct ops_mail_row *rows;	/* messages with a calendar part, and
					   those that could not be used */
	size_t	 len;
	size_t	 cap;
	size_t	 messages;	/* read */
	size_t	 calendars;	/* that held a calendar part */
	size_t	 replies;	/* answers applied */
	size_t	 unusable;	/* rows that say why something was not used */
	size_t	 marked;	/* Maildir messages marked seen */
};

void ops_mail_result_free(struct ops_mail_result *res);
/*
 * Import the calendar parts of the mail at each path: "-" (one message
 * on standard input), a message file, an mbox (a file starting "From "),
 * or a Maildir (its new/ and cur/). Each part goes through
 * ops_ics_import_from() with the From address of the message holding it,
 * in its own transaction; a malformed part is a row saying why, not an
 * error. A Maildir message that held a calendar part is then marked seen
 * (moved to cur/ with the S flag); other mail is left alone. Returns 0,
 * or -1 with ERR_INVALID for a path that is no mail (before anything is
 * imported), ERR_IO or ERR_BUSY when reading, storing or renaming fails
 * (what was imported before stays).
 */
int ops_mail_import(struct store *st, char *const *paths, size_t npaths,
    struct ops_mail_result *out, struct err *err);
/* ops_privacy.c */

/*
 * Erase volunteer id's personal data everywhere (store_privacy_forget),
 * log it without naming them, commit, then empty the WAL. A volunteer
 * forgotten before may be forgotten again (to retry the checkpoint).
 * ERR_NOT_FOUND if no such volunteer; ERR_BUSY if the data is erased
 * but another process kept the WAL from being emptied.
 */
int ops_privacy_forget(struct store *st, int64_t id, struct err *err);

/* ops_restore.c */

/*
 * Replace the plan with the backup at path (store_restore: checked first,
 * nothing changed on refusal), log it, and take up its time zone.
 */
int ops_restore(struct store *st, const char *path, struct err *err);

/* ops_undo.c */

/*
 * Undo the current OS user's newest change not undone yet, as a new change
 * logged "undo"; *undone gets the id of the change undone. ERR_NOT_FOUND
 * if there is none, ERR_CONFLICT (naming who) if someone changed the same
 * rows since.
 */
int ops_undo(struct store *st, int64_t *undone, struct err *err);

#endif /* ROOSTER_OPS_H */
