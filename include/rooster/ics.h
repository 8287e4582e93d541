/* SPDX-License-Identifier: ISC */
/*
 * ics: iCalendar export, invites and import through libical, and the
 * iMIP mail that carries an invite. libical types never leave src/ics/:
 * callers hand in plain structs and get text, files or callbacks back.
 * libical (and ICU) are loaded on the first call that needs them: each
 * function below that can fail then fails with ERR_IO, one line naming
 * the library, if they cannot be; one that returns bool returns false.
 */
#ifndef ROOSTER_ICS_H
#define ROOSTER_ICS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "rooster/model.h"
#include "rooster/util.h"

/* ics_lib.c */

/*
 * Load libical and ICU now, once per process (the functions below do it
 * themselves when they need them): for a caller that would rather fail
 * before it writes anything. Returns 0, or -1 with ERR_IO and one line
 * naming the library and what failed.
 */
int ics_lib_load(struct err *err);

/* ics_zone.c */

/*
 * The VTIMEZONE for IANA zone name as iCalendar text (CRLF lines), TZID
 * the plain name. A zone with one regular yearly daylight-saving rule
 * gets the compact one-DAYLIGHT, one-STANDARD RRULE form Outlook reads,
 * a zone without daylight saving a single STANDARD; the form is checked
 * against libical's zone data for from_year and the ten years after, and
 * a zone that fits neither gets libical's own rules from from_year on.
 * The caller frees. NULL with ERR_INVALID for an unknown zone.
 */
char *ics_zone_vtimezone(const char *zone, int from_year, struct err *err);
/*
 * The UTC offsets in seconds at the n UTC instants t[] according to the
 * VTIMEZONE text vtimezone, through libical, into out[]. For tests.
 * Returns 0, or -1 with ERR_INVALID if vtimezone is not a VTIMEZONE.
 */
int ics_zone_offsets(const char *vtimezone, const int64_t *t, int *out,
    size_t n, struct err *err);

/* ics_writer.c: one calendar, streamed one VEVENT at a time. */

enum ics_method {
	ICS_METHOD_NONE = 0,
	ICS_METHOD_PUBLISH,
	ICS_METHOD_REQUEST,
	ICS_METHOD_CANCEL,
	ICS_METHOD_REPLY
};

/* "PUBLISH", "REQUEST", ... ("" for none). */
const char *ics_method_name(enum ics_method method);

struct ics_calendar {
	enum ics_method	 method;
	const char	*organisation;	/* for PRODID; NULL: "rooster" */
	const char	*name;		/* X-WR-CALNAME and NAME; NULL: none */
	const char	*zone;		/* IANA zone of all times */
	const char	*vtimezone;	/* NULL, or ics_zone_vtimezone()'s
					   text for zone and the year before
					   this one, reused by many calendars */
};

struct ics_person {
	const char	*name;		/* CN; may be NULL or "" */
	const char	*email;		/* without mailto: */
};

struct ics_item {
	const char	*uid;
	int		 sequence;
	int64_t		 dtstamp;	/* UTC seconds */
	int64_t		 start;		/* UTC seconds */
	int64_t		 end;
	int64_t		 recurrence_id;	/* start of the instance, 0: none */
	bool		 all_day;	/* start, end (exclusive), recurrence_id
					   and exdates are local midnights,
					   written as VALUE=DATE */
	const char	*summary;
	const char	*location;	/* NULL or "": none */
	const char	*description;	/* NULL or "": none */
	enum event_status status;
	const char	*rrule;		/* RRULE value or NULL */
	const int64_t	*exdates;	/* starts of left-out instances */
	size_t		 nexdates;
	int		 reminder;	/* VALARM minutes before; 0: none */
	const struct ics_person *organizer;	/* NULL: none */
	const struct ics_person *attendee;	/* NULL: none */
	enum assignment_status partstat;	/* the attendee's answer */
};

struct ics_writer;

/*
 * Write the calendar's head (properties and VTIMEZONE) to fp and return
 * a writer for its events. ERR_INVALID for an unknown zone, ERR_IO if
 * writing fails. fp stays the caller's.
 */
int ics_writer_open(FILE *fp, const struct ics_calendar *cal,
    struct ics_writer **out, struct err *err);
/*
 * Write one VEVENT. Text is escaped as libical does; a bad RRULE is
 * ERR_INVALID, a write error ERR_IO.
 */
int ics_writer_add(struct ics_writer *w, const struct ics_item *item,
    struct err *err);
/*
 * For tests: fast false writes every VEVENT through libical; true (the
 * default when the calendar's zone is rtime's) writes plain ones itself.
 */
void ics_writer_set_fast(struct ics_writer *w, bool fast);
/*
 * Write the VEVENTs w still holds, then text's len bytes as they are
 * (VEVENTs written before, copied): after it, ftell on w's file is
 * where the next VEVENT goes. ERR_IO if writing fails.
 */
int ics_writer_put(struct ics_writer *w, const char *text, size_t len,
    struct err *err);
/* Write END:VCALENDAR and keep w for ics_writer_again. ERR_IO. */
int ics_writer_end(struct ics_writer *w, struct err *err);
/*
 * After ics_writer_end, begin another calendar like w's on fp, named
 * name (w must have been opened with a name): the head of many
 * calendars made once. fp stays the caller's; ERR_IO if writing fails.
 */
int ics_writer_again(struct ics_writer *w, FILE *fp, const char *name,
    struct err *err);
/* Write END:VCALENDAR and free w; NULL does nothing and returns 0. */
int ics_writer_close(struct ics_writer *w, struct err *err);
/* Free w without finishing the calendar (after an error). */
void ics_writer_free(struct ics_writer *w);
/*
 * A whole calendar of one item (an iTIP message) as a string the caller
 * frees; NULL with err on failure.
 */
char *ics_message_new(const struct ics_calendar *cal,
    const struct ics_item *item, struct err *err);

/*
 * Check text against RFC 5546's rules for its METHOD as libical encodes
 * them (icalrestriction_check, run on a copy). 0, or -1 with ERR_INVALID
 * and libical's first complaint.
 */
int ics_message_check(const char *text, struct err *err);

/* ics_reader.c: import, one VEVENT at a time. */

/* What a VFREEBUSY says (ics_freebusy.c). */
struct ics_read_freebusy {
	const char	*organizer;	/* address without mailto:, or NULL */
	const char *const *attendees;	/* their addresses, without mailto: */
	size_t		 nattendees;
	int64_t		 start;		/* the range it covers: DTSTART and */
	int64_t		 end;		/* DTEND, else its periods' first start
					   and last end; both 0 if neither */
	bool		 ranged;	/* start and end from DTSTART/DTEND */
	const struct span *busy;	/* BUSY, BUSY-TENTATIVE and
					   BUSY-UNAVAILABLE (and unknown
					   FBTYPEs, as RFC 5545 3.2.9 asks),
					   UTC, in file order */
	const int	*busy_type;	/* per period: 0 busy, 1 tentative,
					   2 unavailable */
	size_t		 nbusy;
	size_t		 nfree;		/* FBTYPE=FREE periods, left out */
};

/*
 * The highest SEQUENCE kept: a file's higher one (up to 2^63 in some
 * clients) is taken as this, with room left for rooster's own increments.
 */
#define ICS_SEQUENCE_MAX 2000000000

struct ics_read_item {
	long		 line;		/* line of its BEGIN:VEVENT */
	enum ics_method	 method;	/* of its calendar */
	const char	*uid;		/* made from its content when the
					   file gives none */
	int		 sequence;	/* at most ICS_SEQUENCE_MAX */
	bool		 sequence_clamped;	/* the file's was higher */
	int64_t		 dtstamp;	/* 0 when absent */
	int64_t		 start;
	int64_t		 end;
	bool		 all_day;
	int64_t		 recurrence_id;	/* 0: none */
	bool		 this_and_future;	/* RECURRENCE-ID;RANGE=
					   THISANDFUTURE */
	const char	*summary;	/* "" when absent */
	const char	*location;
	const char	*description;
	enum event_status status;
	const char	*rrule;		/* NULL: none; UNTIL in UTC */
	const int64_t	*exdates;	/* EXDATE instants, UTC seconds */
	size_t		 nexdates;
	const char	*attendee;	/* first ATTENDEE's address without
					   mailto:, or NULL */
	const char	*sent_by;	/* its SENT-BY address without
					   mailto:, or NULL */
	int		 partstat;	/* its answer as enum assignment_status,
					   -1 when none or NEEDS-ACTION */
	const struct ics_read_freebusy *freebusy;	/* not NULL: this is
					   a VFREEBUSY, not a VEVENT; only
					   line and method are set besides */
};

/*
 * Called for each VEVENT; the strings are borrowed for the call. Return
 * 0 to go on, -1 (with err set) to stop the read.
 */
typedef int ics_read_fn(void *arg, const struct ics_read_item *item,
    struct err *err);
/*
 * Called for each problem the read steps over, with a plain sentence
 * that starts with "line N: " (borrowed for the call); skipped is true
 * when a whole event was left out.
 */
typedef void ics_note_fn(void *arg, const char *note, bool skipped);

struct ics_read_options {
	const char	*zone;		/* IANA zone for floating and all-day
					   times */
	bool		 strict;	/* any problem stops the read */
	ics_note_fn	*note;		/* NULL: notes are dropped */
	bool		 repeating_only; /* only VEVENTs with an RRULE line
					   are parsed and handed to fn; the
					   others are stepped over unread */
	bool		 libical_only;	/* every VEVENT through libical's
					   parser, none read as plain (for
					   tests that compare the two) */
	size_t		*plain_read;	/* not NULL: counts the VEVENTs read
					   as plain, without libical's
					   parser */
	bool		*zones_found;	/* not NULL: set to whether the input
					   defines any VTIMEZONE */
	bool		 no_zones;	/* the caller knows (zones_found of
					   a read of the same input) that it
					   defines none: the pass that looks
					   for them is skipped */
};

/*
 * Read every VCALENDAR in fp (several may follow each other) and call fn
 * (with arg) for each VEVENT (and VFREEBUSY, item->freebusy set) as soon
 * as it is complete; each calendar's
 * VTIMEZONEs are read first, wherever they stand in it. A property
 * libical cannot read is left out with a note; an event without UID gets
 * one made from its content; an event without a start that can be placed
 * in time is skipped with a note (a REPLY needs no start: only UID,
 * RECURRENCE-ID, ATTENDEE, PARTSTAT, SEQUENCE and DTSTAMP). Time zones
 * are the calendar's VTIMEZONEs, IANA names (also behind a libical or
 * Evolution prefix), Windows names and Outlook's "(UTC+01:00) Amsterdam,
 * ..." names. With opts->strict every such problem stops the read
 * instead. Input that is not iCalendar (no VCALENDAR, BEGIN and END that
 * do not match) stops it always, with ERR_INVALID and "line N: ..." (the
 * caller should then discard what fn did). fp need not be seekable.
 */
int ics_read_with(FILE *fp, const struct ics_read_options *opts,
    ics_read_fn *fn, void *arg, struct err *err);
/* ics_read_with(), strict, floating times in zone. */
int ics_read(FILE *fp, const char *zone, ics_read_fn *fn, void *arg,
    struct err *err);

/* ics_mail.c: the iMIP (RFC 6047) mail that carries one iTIP message. */

struct ics_mail {
	struct ics_person from;
	struct ics_person to;
	const char	*subject;
	const char	*text;		/* text/plain body, UTF-8 */
	const char	*calendar;	/* the iCalendar message */
	enum ics_method	 method;	/* its METHOD (REQUEST or CANCEL) */
	int64_t		 date;		/* UTC seconds */
	const char	*domain;	/* for Message-ID */
};

/*
 * The mail as RFC 5322 text with CRLF lines: multipart/mixed holding
 * text/plain and text/calendar (method=...) in multipart/alternative and
 * the .ics as application/ics attachment, all base64; names and subject
 * RFC 2047-encoded when not plain ASCII, so no text can add a header.
 * ERR_INVALID if an address is not a plain addr-spec. The caller frees.
 */
char *ics_mail_new(const struct ics_mail *mail, struct err *err);
/* True if s is a plain addr-spec rooster will put in a header. */
bool ics_mail_address_ok(const char *s);

/* ics_mime.c: the calendar parts of mail, through GMime. */

struct ics_mime_part {
	const char	*from;		/* From address of the message that
					   holds it (a forwarded one's own),
					   "" when none */
	const char	*data;		/* content, decoded, in UTF-8 */
	size_t		 len;
	const char	*problem;	/* NULL, or why it cannot be read */
};

struct ics_mime_message {
	long			 index;		/* 1 for the first in the
						   source */
	const char		*from;		/* From address, "" if none */
	const char		*subject;	/* decoded, "" if none */
	const char		*message_id;	/* "" if none */
	const char		*problem;	/* NULL, or why it is no mail */
	const struct ics_mime_part *parts;	/* its calendar parts */
	size_t			 nparts;
};

/*
 * Called per message; everything is borrowed for the call. Return 0 to
 * go on, -1 (with err set) to stop.
 */
typedef int ics_mime_fn(void *arg, const struct ics_mime_message *msg,
    struct err *err);

/*
 * Read the mail in fd (not closed): one message, or with mbox true every
 * message of an mbox file. Each message's MIME tree is walked (nested
 * multiparts, forwarded message/rfc822) and its text/calendar,
 * application/ics and *.ics octet-stream parts are decoded (base64,
 * quoted-printable; charset to UTF-8). Input that is no message is
 * handed to fn with problem set. GMime is loaded on the first call.
 * Returns fn's -1, -1 with ERR_IO if GMime cannot be loaded, else 0.
 */
int ics_mime_read(int fd, bool mbox, ics_mime_fn *fn, void *arg,
    struct err *err);

/* ics_recur.c: repeat rules, expanded by libical's recurrence iterator. */

/*
 * Expand the RFC 5545 RRULE value rrule for a series whose first start is
 * dtstart (UTC seconds), in the IANA zone (so a weekly 19:00 stays 19:00
 * local across daylight-saving changes). Writes the starts in [dtstart,
 * until) in order, dtstart first, at most max, into a new array *out the
 * caller frees, and their number into *count. until 0 means no bound
 * (the rule must then end by COUNT or UNTIL, or max is reached).
 * Returns 0, or -1 with ERR_INVALID for a rule ics_recur_check()
 * refuses, an unknown zone, a rule that gives no date after dtstart
 * before 2201, or one that takes too many steps or too long (under a
 * second) to expand; the message names the rule.
 */
int ics_recur_expand(const char *rrule, int64_t dtstart, const char *zone,
    int64_t until, size_t max, int64_t **out, size_t *count,
    struct err *err);
/*
 * Returns 0 if rrule is a repeat rule rooster takes: libical reads it, it
 * repeats daily at most and keeps the start's time of day (no BYHOUR,
 * BYMINUTE or BYSECOND). Otherwise -1 with ERR_INVALID naming the rule.
 */
int ics_recur_check(const char *rrule, struct err *err);
/*
 * True if rrule is a readable rule that repeats within a day (FREQ below
 * DAILY, or BYHOUR, BYMINUTE, BYSECOND) and can give dates: one that a
 * calendar app may well send, which rooster does not plan. NULL: false.
 */
bool ics_recur_is_within_day(const char *rrule);
/* True if rrule ends by itself (has COUNT or UNTIL). rrule must be valid. */
bool ics_recur_is_bounded(const char *rrule);

#endif /* ROOSTER_ICS_H */
