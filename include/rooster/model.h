/* SPDX-License-Identifier: ISC */
/*
 * model: the plain structs every layer passes around (events, shifts,
 * volunteers, assignments, teams, unavailable periods), their lists,
 * and their validation. No storage, no screen.
 */
#ifndef ROOSTER_MODEL_H
#define ROOSTER_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rooster/util.h"

/* Longest text rooster stores in one field, in bytes. */
#define MODEL_TEXT_MAX 65536

/* span.c: half-open [start, end) intervals of UTC seconds. */

struct span {
	int64_t	start;
	int64_t	end;
};

/* True if a and b share an instant; touching spans (a.end == b.start) do not. */
bool span_overlaps(struct span a, struct span b);
/* True if t lies in [s.start, s.end). */
bool span_contains(struct span s, int64_t t);

/* event.c */

enum event_status {
	EVENT_CONFIRMED = 0,
	EVENT_TENTATIVE,
	EVENT_CANCELLED
};

struct event {
	int64_t		 id;		/* 0 until stored */
	char		*uid;		/* iCalendar UID, stable forever */
	int		 sequence;	/* iCalendar SEQUENCE */
	char		*title;
	char		*description;
	char		*location;
	int64_t		 start;		/* UTC seconds */
	int64_t		 end;		/* UTC seconds, > start */
	bool		 all_day;	/* dates, no times: start and end are
					   local midnights, end exclusive */
	enum event_status status;
	char		*rrule;		/* RFC 5545 RRULE value, or NULL */
	char		*languages;	/* languages asked for, "ar,nl" */
	int64_t		 series_id;	/* first occurrence of its series
					   (the row holding rrule), or 0 */
	int64_t		 occurrence_start; /* RECURRENCE-ID: the start the
					   rule gave this occurrence, or 0 */
	int64_t		 version;	/* row version, grows on each change */
	int		 needed;	/* derived: people needed, all shifts */
	int		 assigned;	/* derived: non-declined assignments */
	int		 short_by;	/* derived: people missing, summed per
					   shift (an over-staffed shift fills
					   no other) */
	int		 over;		/* derived: shifts with more people
					   than needed */
};

struct event_list {
	struct event	*items;
	size_t		 len;
	size_t		 cap;
};

void event_init(struct event *ev);
void event_fini(struct event *ev);
/* Deep copy of src into dst (dst uninitialised). */
void event_dup(struct event *dst, const struct event *src);
/*
 * Check a title is present, start < end, an all-day event's start and end
 * fall on midnight in the plan zone, and texts are valid UTF-8 of sane
 * length. Returns 0, or -1 with ERR_INVALID and a message naming the field.
 */
int event_validate(const struct event *ev, struct err *err);
/*
 * The last day of an all-day event [start, end): the local midnight
 * starting the day before end.
 */
int64_t event_last_day(const struct event *ev);
const char *event_status_name(enum event_status status);
/*
 * An event's staffing into buf, counted per shift: "5/6 !" for one shift
 * 5/4 and one 1/2 (the fifth person fills no other shift), "+" for any
 * over-staffed shift, "-" when its shifts need nobody.
 */
void event_staffing(const struct event *ev, char *buf, size_t size);
/* Parse "confirmed|tentative|cancelled"; -1 if unknown. */
int event_status_parse(const char *s);
/* Append a zeroed event and return it (initialised). */
struct event *event_list_push(struct event_list *list);
void event_list_free(struct event_list *list);

/* model_field.c: one row per stored field of an entity */

enum model_field_kind {
	MODEL_FIELD_TEXT = 0,	/* char * */
	MODEL_FIELD_INT,	/* int, from min to max */
	MODEL_FIELD_BOOL,	/* bool: yes/no */
	MODEL_FIELD_ID,		/* int64_t: another row's id, 0 for none */
	MODEL_FIELD_TIME,	/* int64_t: UTC seconds */
	MODEL_FIELD_ENUM,	/* an int-sized enum, stored and shown by the
				   names of its values (names[]) */
	MODEL_FIELD_REAL	/* double */
};

/* model_field.flags */
#define MODEL_FIELD_NULL	0x01	/* kept as SQL NULL: a NULL text, a
					   0 id or time */
#define MODEL_FIELD_DERIVED	0x02	/* filled by queries (a join, a
					   count), never written */
#define MODEL_FIELD_APART	0x04	/* written by its own update, not by
					   insert or the whole-row update */
#define MODEL_FIELD_SHOW_TABLE	0x08	/* `show` prints it in a table only,
					   not in csv or json */
#define MODEL_FIELD_SHOW_NONE	0x10	/* `show` leaves it out */
#define MODEL_FIELD_TRUTH	0x20	/* a bool shown as true/false (a
					   json boolean), not yes/no */
#define MODEL_FIELD_SEQUENCE	0x40	/* a change is news for calendars:
					   the iCalendar SEQUENCE grows */
#define MODEL_FIELD_CONTACT	0x80	/* how to reach a volunteer: a
					   column of their assignments'
					   export */

/*
 * A field of an entity, as every face names it: the key (json, csv and
 * the column), its table header and message name (N_()), the Dutch
 * spreadsheet header, the command-line option, and where it lives in the
 * struct. Adding a field to an entity is one row in its table (and its
 * migration); the loops over the table do the rest.
 */
struct model_field {
	const char		*key;		/* "max_per_month" */
	const char		*label;		/* N_("MAX/MONTH") */
	const char		*what;		/* N_("max-per-month"), in
						 * messages */
	const char		*dutch;		/* "max-per-maand" */
	const char		*option;	/* "--max-per-month", or NULL */
	const char		*usage;		/* N_(): the option's words in
						 * a usage line, "[--max-per-month
						 * N]" (CLI_ARGS_FIELDS) */
	enum model_field_kind	 kind;
	size_t			 offset;	/* offsetof(struct, field) */
	int			 min, max;	/* MODEL_FIELD_INT */
	const char		*form;		/* N_() label in the screen's
						 * form, or NULL: not in it */
	const char		*hint;		/* N_() shown in an empty form
						 * field, or NULL */
	bool			 list;		/* a comma list, normalised */
	const char		*column;	/* the SQL column when it is
						 * not key ("start_at") */
	unsigned		 flags;		/* MODEL_FIELD_NULL ... */
	const char *const	*names;		/* MODEL_FIELD_ENUM: the name of
						 * each value, NULL-ended */
};

/* Where text field f of rec is kept, for a reader that fills it. */
char **model_field_slot(void *rec, const struct model_field *f);
/* The text field f of record rec (never NULL: "" when unset). */
const char *model_field_text(const void *rec, const struct model_field *f);
/* The int (or bool, as 0/1) field f of record rec. */
int model_field_int(const void *rec, const struct model_field *f);
/* Set text field f of rec to a copy of s (NULL stays NULL). */
void model_field_set_text(void *rec, const struct model_field *f,
    const char *s);
/* Set the int or bool field f of rec. */
void model_field_set_int(void *rec, const struct model_field *f, int v);
/* Copy field f from src to dst (text duplicated). */
void model_field_copy(void *dst, const void *src, const struct model_field *f);
/* Fields f of a and b hold the same value (NULL text as ""). */
bool model_field_same(const void *a, const void *b,
    const struct model_field *f);
/* The id or time field f of rec. */
int64_t model_field_int64(const void *rec, const struct model_field *f);
void model_field_set_int64(void *rec, const struct model_field *f,
    int64_t v);
/* The real field f of rec. */
double model_field_real(const void *rec, const struct model_field *f);
void model_field_set_real(void *rec, const struct model_field *f, double v);
/* The name of enum field f's value in rec ("?" if it has none). */
const char *model_field_name(const void *rec, const struct model_field *f);
/* The value of enum field f named s, or -1 if it names none. */
int model_field_parse(const struct model_field *f, const char *s);
/*
 * Free every text field of rec named in fields (setting it NULL), or
 * replace each with a copy (after a struct copy: the _dup functions).
 */
void model_fields_free(void *rec, const struct model_field *fields);
void model_fields_dup(void *rec, const struct model_field *fields);
/*
 * Free a list's len elements of size bytes at items, each one's text
 * fields as model_fields_free() does, then items itself.
 */
void model_list_free(void *items, size_t len, size_t size,
    const struct model_field *fields);
/* Some field of fields with flag differs between a and b (as _same()). */
bool model_fields_differ(const void *a, const void *b,
    const struct model_field *fields, unsigned flag);
/* The SQL column of f: column, else key. */
const char *model_field_column(const struct model_field *f);
/* The row of fields whose key is key, or NULL. */
const struct model_field *model_field_find(const struct model_field *fields,
    const char *key);
/*
 * A comma-list text field f of rec (a row with list set) normalised in
 * place with text_list_normalize() (NULL becomes ""); any other field is
 * left alone. _fields: every such field of rec.
 */
void model_field_normalize(void *rec, const struct model_field *f);
void model_fields_normalize(void *rec, const struct model_field *fields);
/*
 * Set field f of rec from s as it is typed (s not NULL): a text (a comma
 * list normalised with text_list_normalize()), a whole number in
 * min..max, a WHEN (rtime_parse_when()), an enum's name, yes or no. The
 * command line's options and the demo plan both come through here.
 * Returns 0, or -1 with ERR_INVALID and a message naming the field; rec
 * is unchanged then.
 */
int model_field_set_value(void *rec, const struct model_field *f,
    const char *s, struct err *err);
/* model_field_set_value() of the row keyed key, which fields must hold. */
int model_fields_set_value(void *rec, const struct model_field *fields,
    const char *key, const char *s, struct err *err);

/*
 * event.c: the event's fields in the order `event show` prints them (uid, title,
 * start, end, all_day, location, status, description, repeat, series_id,
 * occurrence_start, languages, sequence); ended by a row with key NULL.
 * The store reads and writes the event through it, the command line
 * shows it and takes its options from it.
 */
extern const struct model_field event_fields[];

/* shift.c */

struct shift {
	int64_t	 id;
	int64_t	 event_id;
	char	*uid;
	int	 sequence;
	char	*role;		/* e.g. begeleider, tolk; "algemeen" needs no skill */
	int64_t	 start;
	int64_t	 end;
	int	 needed;	/* people needed, >= 0 */
	char	*language;	/* language the shift needs, or "" */
	int64_t	 version;
	/* derived, filled by list queries */
	int	 assigned;	/* non-declined assignments */
	char	*event_title;
	char	*event_location;
	int	 event_status;	/* enum event_status of the event */
};

struct shift_list {
	struct shift	*items;
	size_t		 len;
	size_t		 cap;
};

#define SHIFT_ROLE_GENERAL "algemeen"

void shift_init(struct shift *sh);
void shift_fini(struct shift *sh);
void shift_dup(struct shift *dst, const struct shift *src);
/* Role present, start < end, needed in 0..1000. ERR_INVALID otherwise. */
int shift_validate(const struct shift *sh, struct err *err);
/* People still missing: needed - assigned, never negative. */
int shift_missing(const struct shift *sh);
bool shift_is_full(const struct shift *sh);
/*
 * "3/5 !" into buf: the people who count and those needed, then "!" when
 * short and "+" when more came than needed ("5/4 +"); "-" when the shift
 * needs nobody and has nobody.
 */
void shift_staffing(const struct shift *sh, char *buf, size_t size);
/*
 * A shift's role as people read it: with the language it needs, so that
 * two "tolk" shifts differ ("tolk (ar)", "tolk (ti)"); the role alone
 * when language is NULL or "".
 */
void shift_role_text(const char *role, const char *language, char *buf,
    size_t size);
/*
 * True for a role that needs no skill: none, "" or SHIFT_ROLE_GENERAL or
 * "general" in any ASCII case. The one rule assign, suggest and the
 * conflict audit share.
 */
bool shift_role_is_general(const char *role);
/*
 * The shift's fields in the order `shift show` prints them (event_id,
 * the event's title, role, start, end, needed, assigned, language, uid,
 * sequence); ended by a row with key NULL. Derived rows (the title,
 * assigned) are filled by the store's queries, not written.
 */
extern const struct model_field shift_fields[];
struct shift *shift_list_push(struct shift_list *list);
void shift_list_free(struct shift_list *list);

/* volunteer.c */

struct volunteer {
	int64_t	 id;
	char	*name;
	char	*email;		/* "" when unknown */
	char	*phone;
	char	*skills;	/* comma-separated, normalised */
	char	*languages;	/* comma-separated language codes */
	int	 max_per_month;	/* 0: no limit (volunteer_fields) */
	char	*notes;
	bool	 active;
	int64_t	 version;
	int	 shifts_this_month;	/* derived, for display */
};

struct volunteer_list {
	struct volunteer	*items;
	size_t			 len;
	size_t			 cap;
};

/*
 * The volunteer's fields in the order the faces show them (name, email,
 * phone, skills, languages, max_per_month, notes, active); ended by a row
 * with key NULL. OPS_IMPORT_* bits follow this order after the name.
 */
extern const struct model_field volunteer_fields[];

void volunteer_init(struct volunteer *v);
void volunteer_fini(struct volunteer *v);
void volunteer_dup(struct volunteer *dst, const struct volunteer *src);
/* Name present, e-mail plausible if given, limit >= 0. ERR_INVALID otherwise. */
int volunteer_validate(const struct volunteer *v, struct err *err);
/*
 * The volunteer's skills (a comma-separated list, NULL as empty) cover
 * role: a general role, or one item equal to role once both are trimmed
 * of spaces around them, in any ASCII case. Inner spaces and accents
 * count ("eerste hulp" is not "eerstehulp", "cafe" is not "café").
 */
bool volunteer_has_skill(const char *skills, const char *role);
/*
 * The volunteer's languages fit the shift: its own language when set
 * (not NULL or ""), else at least one of the event's comma-separated
 * languages (none asked: true). Items compare as in volunteer_has_skill().
 */
bool volunteer_speaks(const char *languages, const char *shift_language,
    const char *event_languages);
struct volunteer *volunteer_list_push(struct volunteer_list *list);
void volunteer_list_free(struct volunteer_list *list);

/* unavailable periods, in volunteer.c */

struct unavailable {
	int64_t	 id;
	int64_t	 volunteer_id;
	int64_t	 start;
	int64_t	 end;
	char	*reason;
	char	*source;	/* "" typed in; "freebusy:<address>" from a
				   volunteer's own calendar */
};

struct unavailable_list {
	struct unavailable	*items;
	size_t			 len;
	size_t			 cap;
};

/*
 * The period's stored fields (volunteer_id, start, end, reason, source);
 * ended by a row with key NULL. Only the store reads it: no face shows
 * or takes a period by its table.
 */
extern const struct model_field unavailable_fields[];
struct unavailable *unavailable_list_push(struct unavailable_list *list);
void unavailable_list_free(struct unavailable_list *list);

/* assignment.c */

enum assignment_status {
	ASSIGNMENT_PLANNED = 0,	/* a draft nobody was told of yet */
	ASSIGNMENT_INVITED,
	ASSIGNMENT_ACCEPTED,
	ASSIGNMENT_DECLINED,
	ASSIGNMENT_TENTATIVE,
	ASSIGNMENT_OFFERED	/* an open shift offered by invite, first
				   come first served: not booked yet */
};

enum assignment_attendance {
	ATTENDANCE_UNKNOWN = 0,
	ATTENDANCE_ATTENDED,
	ATTENDANCE_NO_SHOW
};

struct assignment {
	int64_t	 id;
	int64_t	 shift_id;
	int64_t	 volunteer_id;
	enum assignment_status status;
	enum assignment_attendance attendance;
	double	 hours;		/* hours served, when recorded */
	bool	 forced;	/* assigned despite a conflict */
	char	*language;	/* derived: the shift's language, or "" */
	char	*note;		/* for the volunteer ("haalt het gezin op
				   om 17:00"), or NULL/"" */
	/* derived, filled by list queries */
	char	*volunteer;	/* volunteer's name */
	char	*role;
	char	*event_title;
	int64_t	 start;
	int64_t	 end;
};

struct assignment_list {
	struct assignment	*items;
	size_t			 len;
	size_t			 cap;
};

void assignment_init(struct assignment *a);
/* dst is a copy of src with texts of its own (assignment_fields). */
void assignment_dup(struct assignment *dst, const struct assignment *src);
/* Every text of a (assignment_fields) is valid UTF-8 and not too long. */
int assignment_validate(const struct assignment *a, struct err *err);
void assignment_fini(struct assignment *a);
const char *assignment_status_name(enum assignment_status status);
/* Parse a status name; -1 if unknown. */
int assignment_status_parse(const char *s);
const char *assignment_attendance_name(enum assignment_attendance att);
/* Counts towards staffing: everything except declined. */
bool assignment_counts(const struct assignment *a);
/*
 * The same rule for SQL, on a status column ("a.status"): a fragment to
 * splice into a statement's text, so every query counts as
 * assignment_counts() does. Booked also means the event is not
 * cancelled: EVENT_LIVE_SQL("e.status").
 */
#define ASSIGNMENT_COUNTS_SQL(status)	status " NOT IN ('declined', 'offered')"
#define EVENT_LIVE_SQL(status)		status " != 'cancelled'"
/*
 * The assignment's fields (shift_id, volunteer_id, status, attendance,
 * hours, forced, note, then the derived volunteer, role, event_title,
 * start, end, language); ended by a row with key NULL. Attendance and
 * hours are written apart (store_assignment_set_attendance()).
 */
extern const struct model_field assignment_fields[];
struct assignment *assignment_list_push(struct assignment_list *list);
void assignment_list_free(struct assignment_list *list);

/* team.c */

struct team {
	int64_t	 id;
	char	*name;
	int	 members;	/* derived */
	char	*member_names;	/* derived, comma-separated */
};

struct team_list {
	struct team	*items;
	size_t		 len;
	size_t		 cap;
};

void team_init(struct team *t);
void team_fini(struct team *t);
int team_validate(const struct team *t, struct err *err);
struct team *team_list_push(struct team_list *list);
void team_list_free(struct team_list *list);

#endif /* ROOSTER_MODEL_H */
