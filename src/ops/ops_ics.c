/* SPDX-License-Identifier: ISC */
/*
 * Importing iCalendar in one transaction: REPLYs set the answering
 * volunteer's status (matched by UID and address, older SEQUENCEs and
 * stale DTSTAMPs ignored); PUBLISH, REQUEST or no METHOD add or update
 * events by UID, so a partner's calendar can be imported again and again.
 * What the reader steps over becomes a note; input that is not iCalendar
 * (or, strict, any problem) rolls everything back. An override that comes
 * before its series waits for the end of the file.
 */
#include "rooster/ops.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "rooster/ics.h"
#include "ops_int.h"

/* The occurrences of the nth item's repeat rule, from the first pass. */
struct ops_ics_dates {
	long		 line;		/* the item's, as read */
	int64_t		*starts;
	size_t		 n;
	bool		 refused;	/* its rule repeats within a day */
	struct err	 why;		/* ... and what the rule check said */
};

/* An override read before its series: a deep copy of the item. */
struct ops_ics_pending {
	struct ics_read_item	 it;
	bool			 cancel;
};

struct ops_ics_ctx {
	struct store		*st;
	const char		*sender;	/* the mail's From, or NULL */
	struct ops_ics_result *out;
	struct ops_ics_dates	*dates;		/* one per repeating event,
						   by line */
	size_t			 ndates;
	size_t			 item;		/* the next item's index */
	struct ops_ics_pending	*pending;	/* overrides waiting */
	size_t			 npending;
	bool			 final;		/* the file has been read */
	bool			 strict;	/* any problem fails */
	struct event		*fresh;		/* new events not written yet */
	long			*fresh_line;	/* and their lines */
	size_t			 nfresh;
};

/*
 * New events (not repeating) wait in ctx->fresh until this many have
 * come, or anything else is to be read or written: one INSERT writes
 * many, which costs far less than one each (their triggers need a
 * statement journal per statement).
 */
#define OPS_ICS_FRESH 64

void
ops_ics_result_fini(struct ops_ics_result *res)
{
	size_t i;

	for (i = 0; i < res->nnotes; i++)
		free(res->notes[i]);
	free(res->notes);
	for (i = 0; i < res->nanswers; i++) {
		free(res->answers[i].shift);
		free(res->answers[i].volunteer);
		free(res->answers[i].email);
		free(res->answers[i].label);
	}
	free(res->answers);
	for (i = 0; i < res->noffers; i++) {
		free(res->offers[i].uid);
		free(res->offers[i].email);
		free(res->offers[i].label);
	}
	free(res->offers);
	for (i = 0; i < res->nbusy; i++) {
		free(res->busy[i].volunteer);
		free(res->busy[i].email);
	}
	free(res->busy);
	memset(res, 0, sizeof *res);
}

static void
ops_ics_note(struct ops_ics_ctx *ctx, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
ops_ics_note(struct ops_ics_ctx *ctx, const char *fmt, ...)
{
	struct ops_ics_result *out = ctx->out;
	va_list ap;

	out->notes = xreallocarray(out->notes, out->nnotes + 1,
	    sizeof *out->notes);
	va_start(ap, fmt);
	out->notes[out->nnotes++] = xvasprintf(fmt, ap);
	va_end(ap);
	out->ignored++;
}

/* A note from the reader: a property left out, or an event skipped. */
static void
ops_ics_reader_note(void *arg, const char *note, bool skipped)
{
	struct ops_ics_ctx *ctx = arg;
	struct ops_ics_result *out = ctx->out;

	out->notes = xreallocarray(out->notes, out->nnotes + 1,
	    sizeof *out->notes);
	out->notes[out->nnotes++] = xstrdup(note);
	if (skipped)
		out->ignored++;
}

static void
ops_ics_pending_add(struct ops_ics_ctx *ctx, const struct ics_read_item *it,
    bool cancel)
{
	struct ops_ics_pending *p;
	int64_t *ex = NULL;

	ctx->pending = xreallocarray(ctx->pending, ctx->npending + 1,
	    sizeof *ctx->pending);
	p = &ctx->pending[ctx->npending++];
	p->it = *it;
	p->cancel = cancel;
	p->it.uid = xstrdup(it->uid);
	p->it.summary = xstrdup(it->summary);
	p->it.location = xstrdup(it->location);
	p->it.description = xstrdup(it->description);
	p->it.rrule = it->rrule != NULL ? xstrdup(it->rrule) : NULL;
	p->it.attendee = it->attendee != NULL ? xstrdup(it->attendee) : NULL;
	if (it->nexdates > 0) {
		ex = xreallocarray(NULL, it->nexdates, sizeof *ex);
		memcpy(ex, it->exdates, it->nexdates * sizeof *ex);
	}
	p->it.exdates = ex;
}

static void
ops_ics_pending_free(struct ops_ics_ctx *ctx)
{
	size_t i;

	for (i = 0; i < ctx->npending; i++) {
		free((char *)ctx->pending[i].it.uid);
		free((char *)ctx->pending[i].it.summary);
		free((char *)ctx->pending[i].it.location);
		free((char *)ctx->pending[i].it.description);
		free((char *)ctx->pending[i].it.rrule);
		free((char *)ctx->pending[i].it.attendee);
		free((int64_t *)ctx->pending[i].it.exdates);
	}
	free(ctx->pending);
	ctx->pending = NULL;
	ctx->npending = 0;
}

/* Record that vol's answer to shift_id is status (already: was so). */
static int
ops_ics_answer(struct ops_ics_ctx *ctx, int64_t shift_id, int64_t vol,
    const char *email, enum assignment_status status, bool already,
    struct err *err)
{
	struct ops_ics_result *out = ctx->out;
	struct ops_ics_answer *an;
	struct volunteer v;
	struct shift sh;
	struct event ev;
	int rc;

	shift_init(&sh);
	event_init(&ev);
	volunteer_init(&v);
	if ((rc = store_shift_get(ctx->st, shift_id, &sh, err)) == 0 &&
	    (rc = store_event_get(ctx->st, sh.event_id, &ev, err)) == 0 &&
	    (rc = store_volunteer_get(ctx->st, vol, &v, err)) == 0) {
		out->answers = xreallocarray(out->answers, out->nanswers + 1,
		    sizeof *out->answers);
		an = &out->answers[out->nanswers++];
		memset(an, 0, sizeof *an);
		an->shift_id = shift_id;
		an->shift = ops_export_summary(&ev, &sh);
		an->start = sh.start;
		an->volunteer = xstrdup(v.name != NULL ? v.name : "");
		an->email = xstrdup(email);
		an->status = status;
		an->already = already;
	}
	volunteer_fini(&v);
	event_fini(&ev);
	shift_fini(&sh);
	return rc;
}

/* Did the mail come from the attendee, or from whom they let send? */
static bool
ops_ics_sender_ok(const struct ops_ics_ctx *ctx,
    const struct ics_read_item *it)
{
	if (ctx->sender == NULL)
		return true;
	return strcasecmp(ctx->sender, it->attendee) == 0 ||
	    (it->sent_by != NULL && strcasecmp(ctx->sender,
	    it->sent_by) == 0);
}

/* A note on an entry that was applied, changed on the way in. */
static void
ops_ics_remark(struct ops_ics_ctx *ctx, const struct ics_read_item *it)
{
	struct ops_ics_result *out = ctx->out;

	out->notes = xreallocarray(out->notes, out->nnotes + 1,
	    sizeof *out->notes);
	out->notes[out->nnotes++] = xasprintf(_("line %ld: SEQUENCE above "
	    "%d, which rooster keeps, taken as %d"), it->line,
	    ICS_SEQUENCE_MAX, ICS_SEQUENCE_MAX);
}

static int
ops_ics_reply(struct ops_ics_ctx *ctx, const struct ics_read_item *it,
    struct err *err)
{
	struct store_invite inv;
	struct assignment a;
	struct shift sh;
	enum assignment_status was;
	int64_t shift_id, vol;
	bool had;
	int rc;

	if (it->attendee == NULL || *it->attendee == '\0') {
		ops_ics_note(ctx, _("line %ld: reply without ATTENDEE"),
		    it->line);
		return 0;
	}
	if (!ops_ics_sender_ok(ctx, it)) {
		ops_ics_note(ctx, _("line %ld: not applied: sent by %s for %s"),
		    it->line, *ctx->sender != '\0' ? ctx->sender : "?",
		    it->attendee);
		return 0;
	}
	if ((shift_id = store_calendar_shift_by_uid(ctx->st, it->uid,
	    err)) < 0)
		return -1;
	if (shift_id == 0) {
		ops_ics_note(ctx, _("line %ld: reply for %s, which is no "
		    "shift of this plan"), it->line, it->uid);
		return 0;
	}
	if ((vol = store_volunteer_find_email(ctx->st, it->attendee,
	    err)) < 0)
		return -1;
	if (vol == 0) {
		ops_ics_note(ctx, _("line %ld: reply from %s, who is no "
		    "volunteer of this plan"), it->line, it->attendee);
		return 0;
	}
	if (store_assignment_get(ctx->st, shift_id, vol, &a, NULL) < 0) {
		assignment_fini(&a);
		ops_ics_note(ctx, _("line %ld: %s is no longer on shift %lld"),
		    it->line, it->attendee, (long long)shift_id);
		return 0;
	}
	was = a.status;
	assignment_fini(&a);
	if (it->partstat < 0) {
		ops_ics_note(ctx, _("line %ld: reply from %s gives no answer"),
		    it->line, it->attendee);
		return 0;
	}
	had = store_invite_get(ctx->st, it->uid, vol, &inv, NULL) == 0;
	if (had) {
		if (it->sequence < inv.sequence) {
			ops_ics_note(ctx, _("line %ld: reply from %s answers "
			    "an older invitation (SEQUENCE %d, now %d)"),
			    it->line, it->attendee, it->sequence,
			    inv.sequence);
			store_invite_fini(&inv);
			return 0;
		}
		if (it->dtstamp != 0 && it->dtstamp == inv.reply_stamp &&
		    (int)was == it->partstat) {
			/* This very reply, read before (a second run). */
			store_invite_fini(&inv);
			ctx->out->unchanged++;
			return ops_ics_answer(ctx, shift_id, vol, it->attendee,
			    was, true, err);
		}
		if (it->dtstamp != 0 && it->dtstamp <= inv.reply_stamp) {
			ops_ics_note(ctx, _("line %ld: reply from %s is not "
			    "newer than one already read"), it->line,
			    it->attendee);
			store_invite_fini(&inv);
			return 0;
		}
		store_invite_fini(&inv);
	} else {
		if (store_shift_get(ctx->st, shift_id, &sh, err) < 0) {
			shift_fini(&sh);
			return -1;
		}
		rc = it->sequence < sh.sequence;
		shift_fini(&sh);
		if (rc) {
			ops_ics_note(ctx, _("line %ld: reply from %s answers "
			    "an older version of the shift"), it->line,
			    it->attendee);
			return 0;
		}
	}
	if (was == ASSIGNMENT_OFFERED && it->partstat == ASSIGNMENT_ACCEPTED) {
		/* First come, first served: settled once all are read. */
		ctx->out->offers = xreallocarray(ctx->out->offers,
		    ctx->out->noffers + 1, sizeof *ctx->out->offers);
		memset(&ctx->out->offers[ctx->out->noffers], 0,
		    sizeof ctx->out->offers[0]);
		ctx->out->offers[ctx->out->noffers].shift_id = shift_id;
		ctx->out->offers[ctx->out->noffers].volunteer_id = vol;
		ctx->out->offers[ctx->out->noffers].dtstamp = it->dtstamp;
		ctx->out->offers[ctx->out->noffers].order =
		    (long)ctx->out->noffers;
		ctx->out->offers[ctx->out->noffers].uid = xstrdup(it->uid);
		ctx->out->offers[ctx->out->noffers].email =
		    xstrdup(it->attendee);
		ctx->out->noffers++;
		return 0;
	}
	if ((int)was == it->partstat && !had) {
		/* No invite to date the answer by: the same answer is no news. */
		ctx->out->unchanged++;
		return ops_ics_answer(ctx, shift_id, vol, it->attendee, was,
		    true, err);
	}
	if ((int)was != it->partstat && store_assignment_set_status(ctx->st,
	    shift_id, vol, (enum assignment_status)it->partstat, err) < 0)
		return -1;
	if (had && it->dtstamp != 0 && store_invite_set_reply(ctx->st,
	    it->uid, vol, it->dtstamp, err) < 0)
		return -1;
	ctx->out->replies++;
	return ops_ics_answer(ctx, shift_id, vol, it->attendee,
	    (enum assignment_status)it->partstat, false, err);
}

/* Put "line N: " before err's message. */
static void
ops_ics_at(struct err *err, long line)
{
	char msg[sizeof err->msg];

	if (err == NULL)
		return;
	memcpy(msg, err->msg, sizeof msg);
	err_set(err, err->code, _("line %ld: %.480s"), line, msg);
}

/* Forget the new events not written (after a failure). */
static void
ops_ics_fresh_free(struct ops_ics_ctx *ctx)
{
	size_t i;

	for (i = 0; i < ctx->nfresh; i++)
		event_fini(&ctx->fresh[i]);
	free(ctx->fresh);
	free(ctx->fresh_line);
	ctx->fresh = NULL;
	ctx->fresh_line = NULL;
	ctx->nfresh = 0;
}

/* Write the new events that wait. */
static int
ops_ics_flush(struct ops_ics_ctx *ctx, struct err *err)
{
	size_t i, failed;
	int rc;

	if (ctx->nfresh == 0)
		return 0;
	rc = store_event_insert_many(ctx->st, ctx->fresh, ctx->nfresh,
	    &failed, err);
	if (rc < 0 && failed < ctx->nfresh && err != NULL &&
	    err->code == ERR_INVALID)
		ops_ics_at(err, ctx->fresh_line[failed]);
	for (i = 0; i < ctx->nfresh; i++)
		event_fini(&ctx->fresh[i]);
	ctx->nfresh = 0;
	return rc;
}

/* Whether a new event with uid waits. */
static bool
ops_ics_fresh_has(const struct ops_ics_ctx *ctx, const char *uid)
{
	size_t i;

	for (i = 0; i < ctx->nfresh; i++)
		if (strcmp(ctx->fresh[i].uid, uid) == 0)
			return true;
	return false;
}

/* ev (taken over) to wait for the next flush. */
static int
ops_ics_fresh_add(struct ops_ics_ctx *ctx, struct event *ev, long line,
    struct err *err)
{
	if (ctx->fresh == NULL) {
		ctx->fresh = xreallocarray(NULL, OPS_ICS_FRESH,
		    sizeof *ctx->fresh);
		ctx->fresh_line = xreallocarray(NULL, OPS_ICS_FRESH,
		    sizeof *ctx->fresh_line);
	}
	ctx->fresh[ctx->nfresh] = *ev;
	ctx->fresh_line[ctx->nfresh++] = line;
	return ctx->nfresh == OPS_ICS_FRESH ? ops_ics_flush(ctx, err) : 0;
}

/* Copy what the file says about an event into ev. */
static void
ops_ics_fill(struct event *ev, const struct ics_read_item *it)
{
	/*
	 * An event without a title is stored with "(untitled)" in the
	 * importing user's language: a title is required everywhere it is
	 * shown and sent. An update without one keeps the title it has (that
	 * word, or what a coordinator typed), so that importing the same file
	 * in another language changes nothing.
	 */
	if (*it->summary != '\0' || ev->title == NULL ||
	    strspn(ev->title, " \t") == strlen(ev->title)) {
		free(ev->title);
		ev->title = xstrdup(*it->summary != '\0' ? it->summary :
		    _("(untitled)"));
	}
	free(ev->description);
	ev->description = xstrdup(it->description);
	free(ev->location);
	ev->location = xstrdup(it->location);
	ev->start = it->start;
	ev->end = it->end;
	ev->all_day = it->all_day;
	if (it->all_day) {
		/*
		 * Dates: the nearest local midnights (a day without DTEND
		 * was given 24 hours, which a clock change makes 23 or 25),
		 * and at least the one day DTSTART names.
		 */
		ev->start = rtime_day_add(it->start + 43200, 0);
		ev->end = rtime_day_add(it->end + 43200, 0);
		if (ev->end <= ev->start)
			ev->end = rtime_day_next(ev->start);
	}
	ev->status = it->status;
	free(ev->rrule);
	ev->rrule = it->rrule != NULL ? xstrdup(it->rrule) : NULL;
}

/*
 * Occurrences of series_id that the EXDATEs leave out become cancelled
 * ones; *changed counts them. Only those: the others stay as they are.
 */
static int
ops_ics_exdates(struct store *st, int64_t series_id,
    const struct ics_read_item *it, size_t *changed, struct err *err)
{
	struct event_list rows = { 0 };
	size_t i, j;
	int rc;

	rc = store_event_list_series(st, series_id, &rows, err);
	for (i = 0; rc == 0 && i < rows.len; i++)
		for (j = 0; j < it->nexdates; j++)
			if (rows.items[i].occurrence_start == it->exdates[j] &&
			    rows.items[i].status != EVENT_CANCELLED) {
				rows.items[i].status = EVENT_CANCELLED;
				rows.items[i].sequence++;
				rc = store_event_update(st, &rows.items[i], err);
				if (changed != NULL)
					(*changed)++;
				break;
			}
	event_list_free(&rows);
	return rc;
}

/* An event the file has no use for: a note, or in strict mode a failure. */
static int
ops_ics_unusable(struct ops_ics_ctx *ctx, const struct ics_read_item *it,
    struct err *err)
{
	if (ctx->strict) {
		ops_ics_at(err, it->line);
		return -1;
	}
	if (it->end == it->start && it->start != 0)
		ops_ics_note(ctx, _("line %ld: event takes no time (its end is "
		    "its start); event skipped"), it->line);
	else
		ops_ics_note(ctx, _("line %ld: %s; event skipped"), it->line,
		    err != NULL ? err->msg : "");
	return 0;
}

static int ops_ics_event(struct ops_ics_ctx *ctx,
    const struct ics_read_item *it, bool cancel, struct err *err);

/*
 * One occurrence row changed as the override it says: its own times and
 * texts (or cancelled), if its SEQUENCE is not older. A later row of a
 * RANGE=THISANDFUTURE override (later true) moves as far from its own
 * rule start as the override did, keeps its length, and stays cancelled
 * if it was.
 */
static int
ops_ics_occurrence_row(struct ops_ics_ctx *ctx,
    const struct ics_read_item *it, bool cancel, const struct event *row,
    bool later, bool *changed, struct err *err)
{
	struct event ev;
	int rc = 0;

	event_dup(&ev, row);
	if (cancel)
		ev.status = EVENT_CANCELLED;
	else {
		ops_ics_fill(&ev, it);
		free(ev.rrule);		/* the rule stays on the first row */
		ev.rrule = row->rrule != NULL ? xstrdup(row->rrule) : NULL;
		if (later) {
			ev.start = row->occurrence_start +
			    (it->start - it->recurrence_id);
			ev.end = ev.start + (it->end - it->start);
			if (row->status == EVENT_CANCELLED)
				ev.status = EVENT_CANCELLED;
		}
	}
	*changed = false;
	if (it->sequence < row->sequence || (row->start == ev.start &&
	    row->end == ev.end && row->status == ev.status &&
	    row->all_day == ev.all_day &&
	    !ops_text_differs(row->title, ev.title) &&
	    !ops_text_differs(row->location, ev.location) &&
	    !ops_text_differs(row->description, ev.description)))
		;
	else if (event_validate(&ev, err) < 0)
		rc = ops_ics_unusable(ctx, it, err);
	else {
		ev.sequence = it->sequence > row->sequence ? it->sequence :
		    row->sequence + 1;
		rc = store_event_update(ctx->st, &ev, err);
		if (rc == 0 && ev.start != row->start && ev.end - ev.start ==
		    row->end - row->start)
			rc = ops_event_touch_shifts(ctx->st, ev.id,
			    ev.start - row->start, err);
		*changed = rc == 0;
	}
	event_fini(&ev);
	return rc;
}

/*
 * An override (RECURRENCE-ID) of a series: apply it to the occurrence
 * the rule gave that start (and with RANGE=THISANDFUTURE to every later
 * one). One that comes before its series waits for the end of the file;
 * one whose series never comes, or whose start no occurrence has, is an
 * event of its own with the override's times.
 */
static int
ops_ics_occurrence(struct ops_ics_ctx *ctx,
    const struct ics_read_item *it, bool cancel, struct err *err)
{
	struct event_list rows = { 0 };
	struct ics_read_item alone;
	char *uid, *note;
	int64_t id;
	bool any = false, changed;
	size_t i, first;
	int rc = 0;

	if ((id = store_calendar_event_by_uid(ctx->st, it->uid, err)) < 0)
		return -1;
	if (id == 0 && !ctx->final) {
		ops_ics_pending_add(ctx, it, cancel);
		return 0;
	}
	if (id > 0 && store_event_list_series(ctx->st, id, &rows, err) < 0)
		return -1;
	for (first = 0; first < rows.len; first++)
		if (rows.items[first].occurrence_start == it->recurrence_id)
			break;
	if (first == rows.len) {
		event_list_free(&rows);
		if (cancel) {
			ops_ics_note(ctx, _("line %ld: cancellation of an "
			    "occurrence of %s that is not in this plan"),
			    it->line, it->uid);
			return 0;
		}
		/* Its own event, under a UID of its own. */
		note = xasprintf(_("line %ld: no occurrence of %s starts at "
		    "its RECURRENCE-ID; imported as an event of its own"),
		    it->line, it->uid);
		ops_ics_reader_note(ctx, note, false);
		free(note);
		uid = xasprintf("%s/%lld", it->uid,
		    (long long)it->recurrence_id);
		alone = *it;
		alone.uid = uid;
		alone.recurrence_id = 0;
		alone.this_and_future = false;
		alone.rrule = NULL;
		alone.nexdates = 0;
		rc = ops_ics_event(ctx, &alone, false, err);
		free(uid);
		return rc;
	}
	for (i = first; rc == 0 && i < rows.len; i++) {
		if (i > first && (!it->this_and_future || cancel))
			break;
		rc = ops_ics_occurrence_row(ctx, it, cancel, &rows.items[i],
		    i > first, &changed, err);
		any = any || changed;
	}
	if (rc == 0) {
		if (any)
			ctx->out->updated++;
		else
			ctx->out->unchanged++;
	}
	event_list_free(&rows);
	return rc;
}

/* What the first pass found for the repeating event it, or NULL. */
static struct ops_ics_dates *
ops_ics_dates_of(struct ops_ics_ctx *ctx, const struct ics_read_item *it)
{
	size_t lo = 0, hi = ctx->ndates, mid;

	/* In file order: by line. */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (ctx->dates[mid].line < it->line)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < ctx->ndates && ctx->dates[lo].line == it->line ?
	    &ctx->dates[lo] : NULL;
}

static int
ops_ics_event(struct ops_ics_ctx *ctx, const struct ics_read_item *it,
    bool cancel, struct err *err)
{
	struct ops_ics_dates *dates;
	struct event ev, old;
	int64_t id, shift_id, delta = 0;
	size_t excluded;
	bool significant;
	int rc;

	if (store_calendar_uid_find(ctx->st, it->uid, &shift_id, &id,
	    err) < 0)
		return -1;
	if (shift_id > 0) {
		ops_ics_note(ctx, _("line %ld: %s is a shift of this plan; "
		    "left as it is"), it->line, it->uid);
		return 0;
	}
	if (it->recurrence_id != 0)
		/* Same UID as its series: it changes one occurrence only. */
		return ops_ics_flush(ctx, err) < 0 ? -1 :
		    ops_ics_occurrence(ctx, it, cancel, err);
	/* A new event with this UID waits: written, it is found. */
	if (ops_ics_fresh_has(ctx, it->uid) && (ops_ics_flush(ctx, err) < 0 ||
	    (id = store_calendar_event_by_uid(ctx->st, it->uid, err)) < 0))
		return -1;
	if (id == 0 && cancel) {
		ops_ics_note(ctx, _("line %ld: cancellation of %s, which is "
		    "not in this plan"), it->line, it->uid);
		return 0;
	}
	dates = ops_ics_dates_of(ctx, it);
	if (id == 0 && dates != NULL && dates->refused)
		return ops_ics_unusable(ctx, it, &dates->why);
	if (id == 0) {
		event_init(&ev);
		ev.uid = xstrdup(it->uid);
		ev.sequence = it->sequence;
		ops_ics_fill(&ev, it);
		if (event_validate(&ev, err) < 0) {
			event_fini(&ev);
			return ops_ics_unusable(ctx, it, err);
		}
		if (ev.rrule == NULL) {
			ctx->out->added++;
			return ops_ics_fresh_add(ctx, &ev, it->line, err);
		}
		rc = ops_ics_flush(ctx, err);
		if (rc == 0)
			rc = store_event_insert(ctx->st, &ev, err);
		/*
		 * A repeating event: one row per occurrence, as `event add`,
		 * from the dates the first pass found.
		 */
		if (rc == 0 && ev.rrule != NULL)
			rc = dates != NULL ? ops_series_expand(ctx->st, &ev,
			    dates->starts, dates->n, err) :
			    err_set(err, ERR_IO, _("%s changed while it was "
			    "read"), it->uid);
		if (rc == 0 && ev.rrule != NULL && it->nexdates > 0)
			rc = ops_ics_exdates(ctx->st, ev.id, it, NULL, err);
		if (rc < 0 && err != NULL && err->code == ERR_INVALID)
			ops_ics_at(err, it->line);
		event_fini(&ev);
		if (rc == 0)
			ctx->out->added++;
		return rc;
	}
	if (ops_ics_flush(ctx, err) < 0)
		return -1;
	if (store_event_get(ctx->st, id, &old, err) < 0) {
		event_fini(&old);
		return -1;
	}
	event_dup(&ev, &old);
	if (cancel)
		ev.status = EVENT_CANCELLED;
	else
		ops_ics_fill(&ev, it);
	if (old.series_id != 0 && ops_text_differs(old.rrule, ev.rrule)) {
		/* Its occurrences are rows: a new rule is not re-expanded. */
		ops_ics_note(ctx, _("line %ld: the repeat rule of %s changed; "
		    "edit the series in rooster"), it->line, it->uid);
		free(ev.rrule);
		ev.rrule = old.rrule != NULL ? xstrdup(old.rrule) : NULL;
	}
	significant = model_fields_differ(&old, &ev, event_fields,
	    MODEL_FIELD_SEQUENCE);
	rc = 0;
	excluded = 0;
	/* An EXDATE added to a series cancels that occurrence only. */
	if (old.series_id != 0 && !cancel && it->nexdates > 0 &&
	    it->sequence >= old.sequence)
		rc = ops_ics_exdates(ctx->st, id, it, &excluded, err);
	if (rc < 0)
		;
	else if (it->sequence < old.sequence && !cancel)
		ctx->out->unchanged++;	/* an older version of what we have */
	else if (!significant && !ops_text_differs(old.title, ev.title) &&
	    !ops_text_differs(old.description, ev.description)) {
		if (excluded > 0)
			ctx->out->updated++;
		else
			ctx->out->unchanged++;
	} else if (event_validate(&ev, err) < 0)
		rc = ops_ics_unusable(ctx, it, err);
	else {
		if (significant)
			ev.sequence = it->sequence > old.sequence ?
			    it->sequence : old.sequence + 1;
		if (old.start != ev.start &&
		    ev.start - old.start == ev.end - old.end)
			delta = ev.start - old.start;
		rc = store_event_update(ctx->st, &ev, err);
		if (rc == 0 && (significant ||
		    ops_text_differs(old.title, ev.title)))
			rc = ops_event_touch_shifts(ctx->st, id, delta, err);
		if (rc == 0)
			ctx->out->updated++;
	}
	event_fini(&ev);
	event_fini(&old);
	return rc;
}

/*
 * The volunteer a free/busy is about, into *vol and *addr (borrowed from
 * fb): a REPLY answers for its ATTENDEE (the ORGANIZER asked), a
 * published one is its ORGANIZER's; the other is tried next. 0 with *vol
 * 0 if no address is a volunteer's, -1 on error.
 */
static int
ops_ics_busy_whose(struct ops_ics_ctx *ctx, const struct ics_read_item *it,
    int64_t *vol, const char **addr, struct err *err)
{
	const struct ics_read_freebusy *fb = it->freebusy;
	const char *cand[2 + 16];
	size_t n = 0, i;

	if (it->method != ICS_METHOD_REPLY && fb->organizer != NULL)
		cand[n++] = fb->organizer;
	for (i = 0; i < fb->nattendees && n < 17; i++)
		cand[n++] = fb->attendees[i];
	if (it->method == ICS_METHOD_REPLY && fb->organizer != NULL)
		cand[n++] = fb->organizer;
	*vol = 0;
	*addr = n > 0 ? cand[0] : NULL;
	for (i = 0; i < n; i++) {
		if ((*vol = store_volunteer_find_email(ctx->st, cand[i],
		    err)) < 0)
			return -1;
		if (*vol > 0) {
			*addr = cand[i];
			return 0;
		}
	}
	return 0;
}

/*
 * A VFREEBUSY: the volunteer's unavailable periods for the range it
 * covers, from the address it came from (source "freebusy:<address>"),
 * so a newer one replaces exactly what this one says and nothing typed.
 */
static int
ops_ics_busy(struct ops_ics_ctx *ctx, const struct ics_read_item *it,
    struct err *err)
{
	const struct ics_read_freebusy *fb = it->freebusy;
	static const char *const reasons[] = {
		N_("busy in their own calendar"),
		N_("tentatively busy in their own calendar"),
		N_("not available in their own calendar")
	};
	struct ops_ics_result *out = ctx->out;
	struct ops_ics_busy *b;
	struct unavailable u;
	struct volunteer v;
	const char *addr;
	char *source, *p;
	size_t removed, i;
	int64_t vol;
	int rc = 0;

	if (it->method == ICS_METHOD_REQUEST ||
	    it->method == ICS_METHOD_CANCEL) {
		ops_ics_note(ctx, _("line %ld: a free/busy request, not an "
		    "answer; ignored"), it->line);
		return 0;
	}
	if (ops_ics_busy_whose(ctx, it, &vol, &addr, err) < 0)
		return -1;
	if (addr == NULL) {
		ops_ics_note(ctx, _("line %ld: free/busy without ORGANIZER or "
		    "ATTENDEE: whose it is is unknown; ignored"), it->line);
		return 0;
	}
	if (vol == 0) {
		ops_ics_note(ctx, _("line %ld: free/busy of %s, who is no "
		    "volunteer of this plan"), it->line, addr);
		return 0;
	}
	if (ctx->sender != NULL && strcasecmp(ctx->sender, addr) != 0) {
		ops_ics_note(ctx, _("line %ld: not applied: sent by %s for %s"),
		    it->line, *ctx->sender != '\0' ? ctx->sender : "?", addr);
		return 0;
	}
	if (fb->end <= fb->start) {
		ops_ics_note(ctx, _("line %ld: free/busy of %s covers no time "
		    "(no DTSTART and DTEND, no busy periods); ignored"),
		    it->line, addr);
		return 0;
	}
	if (store_volunteer_get(ctx->st, vol, &v, err) < 0) {
		volunteer_fini(&v);
		return -1;
	}
	source = xasprintf("freebusy:%s", addr);
	for (p = source; *p != '\0'; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	out->busy = xreallocarray(out->busy, out->nbusy + 1,
	    sizeof *out->busy);
	b = &out->busy[out->nbusy++];
	memset(b, 0, sizeof *b);
	b->volunteer_id = vol;
	b->volunteer = xstrdup(v.name);
	b->email = xstrdup(addr);
	b->start = fb->start;
	b->end = fb->end;
	rc = store_unavailable_clear(ctx->st, vol, source, fb->start, fb->end,
	    &removed, err);
	b->replaced = removed;
	for (i = 0; rc == 0 && i < fb->nbusy; i++) {
		memset(&u, 0, sizeof u);
		u.volunteer_id = vol;
		/* Only what lies in the range it speaks for. */
		u.start = fb->busy[i].start > fb->start ? fb->busy[i].start :
		    fb->start;
		u.end = fb->busy[i].end < fb->end ? fb->busy[i].end : fb->end;
		if (u.end <= u.start)
			continue;
		u.reason = (char *)_(reasons[fb->busy_type[i]]);
		u.source = source;
		rc = store_unavailable_insert(ctx->st, &u, err);
		b->periods++;
	}
	free(source);
	volunteer_fini(&v);
	return rc;
}

static int
ops_ics_item(void *arg, const struct ics_read_item *it, struct err *err)
{
	struct ops_ics_ctx *ctx = arg;

	ctx->item++;
	if (it->sequence_clamped)
		ops_ics_remark(ctx, it);
	/* Only new events wait; whatever else comes sees them written. */
	if ((it->freebusy != NULL || it->method == ICS_METHOD_REPLY) &&
	    ops_ics_flush(ctx, err) < 0)
		return -1;
	if (it->freebusy != NULL)
		return ops_ics_busy(ctx, it, err);
	switch (it->method) {
	case ICS_METHOD_REPLY:
		return ops_ics_reply(ctx, it, err);
	case ICS_METHOD_CANCEL:
		return ops_ics_event(ctx, it, true, err);
	case ICS_METHOD_NONE:
	case ICS_METHOD_PUBLISH:
	case ICS_METHOD_REQUEST:
		break;
	}
	return ops_ics_event(ctx, it, false, err);
}

/*
 * The first pass, before the write lock: every repeat rule a new event
 * would get is expanded (bounded in steps and time), and every zone the
 * file defines is used, so that a hostile rule is refused while others
 * can still write.
 */
static int
ops_ics_dates(void *arg, const struct ics_read_item *it, struct err *err)
{
	struct ops_ics_ctx *ctx = arg;
	struct ops_ics_dates *d;
	struct event ev;
	int rc = 0;

	if (it->rrule == NULL || it->recurrence_id != 0 ||
	    it->method == ICS_METHOD_REPLY || it->method == ICS_METHOD_CANCEL)
		return 0;
	ctx->dates = xreallocarray(ctx->dates, ctx->ndates + 1,
	    sizeof *ctx->dates);
	d = &ctx->dates[ctx->ndates++];
	memset(d, 0, sizeof *d);
	d->line = it->line;
	event_init(&ev);
	ops_ics_fill(&ev, it);
	if (ev.rrule != NULL && (rc = ops_series_dates(&ev, &d->starts, &d->n,
	    &d->why)) < 0) {
		/*
		 * An hourly rule is one event rooster cannot plan: that event
		 * is skipped with a note (issue 12). A rule that gives no date
		 * or takes too long refuses the file (issue 13), as --strict
		 * refuses any.
		 */
		if (!ctx->strict && ics_recur_is_within_day(ev.rrule)) {
			d->refused = true;
			rc = 0;
		} else {
			if (err != NULL)
				*err = d->why;
			ops_ics_at(err, it->line);
		}
	}
	event_fini(&ev);
	return rc;
}

/* fp, or a private copy of it that can be read twice (a pipe). */
static FILE *
ops_ics_rewindable(FILE *fp, struct err *err)
{
	char buf[8192];
	FILE *copy;
	size_t n;

	if (fseek(fp, 0, SEEK_CUR) == 0)
		return fp;
	if ((copy = tmpfile()) == NULL) {
		err_set(err, ERR_IO, _("cannot keep a copy of the calendar: "
		    "%s"), strerror(errno));
		return NULL;
	}
	while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
		if (fwrite(buf, 1, n, copy) != n)
			break;
	if (ferror(fp) || ferror(copy) || fflush(copy) != 0) {
		err_set(err, ERR_IO, _("cannot keep a copy of the calendar: "
		    "%s"), strerror(errno));
		fclose(copy);
		return NULL;
	}
	rewind(copy);
	return copy;
}

static int
ops_ics_offer_cmp(const void *a, const void *b)
{
	const struct ops_ics_offer *x = a, *y = b;

	if (x->dtstamp != y->dtstamp)
		return x->dtstamp < y->dtstamp ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* Take everyone still offered off shift_id: it is full. */
static int
ops_ics_withdraw(struct store *st, int64_t shift_id, struct err *err)
{
	struct assignment_list on = { 0 };
	size_t i;
	int rc;

	rc = store_assignment_list_shift(st, shift_id, &on, err);
	for (i = 0; rc == 0 && i < on.len; i++)
		if (on.items[i].status == ASSIGNMENT_OFFERED)
			rc = store_assignment_delete(st, shift_id,
			    on.items[i].volunteer_id, err);
	assignment_list_free(&on);
	return rc;
}

/*
 * Settle one accepted offer: a place while the shift has one (then, full,
 * the others offered are taken off it), else taken back itself. Adds its
 * answer; *filled says it came too late.
 */
static int
ops_ics_settle_one(struct ops_ics_ctx *ctx, const struct ops_ics_offer *o,
    struct err *err)
{
	struct assignment_list on = { 0 };
	struct assignment a;
	struct shift sh;
	size_t j;
	int counted = 0, rc;
	bool open;

	rc = store_assignment_get(ctx->st, o->shift_id, o->volunteer_id, &a,
	    NULL);
	if (rc < 0 || a.status != ASSIGNMENT_OFFERED) {
		/* Taken back already (too late), or answered since. */
		open = rc == 0 && a.status == ASSIGNMENT_ACCEPTED;
		assignment_fini(&a);
		if (open)
			ctx->out->unchanged++;
		if (ops_ics_answer(ctx, o->shift_id, o->volunteer_id, o->email,
		    open ? ASSIGNMENT_ACCEPTED : ASSIGNMENT_OFFERED, open,
		    err) < 0)
			return -1;
		ctx->out->answers[ctx->out->nanswers - 1].filled = !open;
		return 0;
	}
	assignment_fini(&a);
	shift_init(&sh);
	if ((rc = store_shift_get(ctx->st, o->shift_id, &sh, err)) < 0 ||
	    (rc = store_assignment_list_shift(ctx->st, o->shift_id, &on,
	    err)) < 0)
		goto out;
	for (j = 0; j < on.len; j++)
		counted += assignment_counts(&on.items[j]);
	open = counted < sh.needed;
	if (open) {
		rc = store_assignment_set_status(ctx->st, o->shift_id,
		    o->volunteer_id, ASSIGNMENT_ACCEPTED, err);
		if (rc == 0 && o->dtstamp != 0)
			rc = store_invite_set_reply(ctx->st, o->uid,
			    o->volunteer_id, o->dtstamp, err);
		if (rc == 0 && counted + 1 >= sh.needed)
			rc = ops_ics_withdraw(ctx->st, o->shift_id, err);
		if (rc == 0)
			ctx->out->replies++;
	} else
		rc = store_assignment_delete(ctx->st, o->shift_id,
		    o->volunteer_id, err);
	if (rc == 0)
		rc = ops_ics_answer(ctx, o->shift_id, o->volunteer_id,
		    o->email, open ? ASSIGNMENT_ACCEPTED : ASSIGNMENT_OFFERED,
		    false, err);
	if (rc == 0)
		ctx->out->answers[ctx->out->nanswers - 1].filled = !open;
out:
	assignment_list_free(&on);
	shift_fini(&sh);
	return rc;
}

/* Settle res's offers within the caller's write transaction. */
static int
ops_ics_settle_in(struct store *st, struct ops_ics_result *res,
    struct err *err)
{
	struct ops_ics_ctx ctx;
	size_t i;
	int rc = 0;

	memset(&ctx, 0, sizeof ctx);
	ctx.st = st;
	ctx.out = res;
	xsort(res->offers, res->noffers, sizeof *res->offers,
	    ops_ics_offer_cmp);
	for (i = 0; rc == 0 && i < res->noffers; i++) {
		rc = ops_ics_settle_one(&ctx, &res->offers[i], err);
		if (rc == 0 && res->offers[i].label != NULL)
			res->answers[res->nanswers - 1].label =
			    xstrdup(res->offers[i].label);
	}
	return rc;
}

int
ops_ics_settle(struct store *st, struct ops_ics_result *res,
    struct err *err)
{
	int rc;

	if (res->noffers == 0)
		return 0;
	if (store_begin_write(st, err) < 0)
		return -1;
	rc = ops_ics_settle_in(st, res, err);
	if (rc == 0)
		rc = store_log_append(st, "import mail", "plan", 0,
		    "offers settled by replies", err);
	return ops_finish(st, rc, err);
}

/* The import, from sender (NULL: not by mail), strict or not. */
static int
ops_ics_run(struct store *st, FILE *fp, const char *sender, bool strict,
    struct ops_ics_result *out, struct err *err)
{
	struct ics_read_options opts;
	struct ops_ics_ctx ctx;
	FILE *in;
	char *summary;
	long at;
	size_t i;
	bool zones = true;
	int rc;

	memset(&ctx, 0, sizeof ctx);
	ctx.st = st;
	ctx.sender = sender;
	ctx.out = out;
	ctx.strict = strict;
	memset(&opts, 0, sizeof opts);
	opts.zone = rtime_zone();
	opts.strict = strict;
	if ((in = ops_ics_rewindable(fp, err)) == NULL)
		return -1;
	at = ftell(in);
	/*
	 * The first pass notes nothing: the second says it all once. It
	 * needs the repeating events only, so the others are not parsed
	 * twice; in strict mode it reads them all, so that the first
	 * problem in the file still stops it before the write lock.
	 */
	opts.repeating_only = !strict;
	opts.zones_found = &zones;
	rc = ics_read_with(in, &opts, ops_ics_dates, &ctx, err);
	opts.repeating_only = false;
	/* A file without VTIMEZONEs is not searched for them again. */
	opts.zones_found = NULL;
	opts.no_zones = !zones;
	if (rc == 0 && fseek(in, at, SEEK_SET) != 0)
		rc = err_set(err, ERR_IO, _("cannot read the calendar again: "
		    "%s"), strerror(errno));
	if (rc == 0)
		rc = store_begin_write(st, err);
	if (rc < 0)
		goto out;
	/* Each row image carries the change's id as it is written. */
	if ((rc = store_log_open(st, "import ics", "plan", 0, err)) < 0) {
		store_rollback(st);
		goto out;
	}
	opts.note = ops_ics_reader_note;
	rc = ics_read_with(in, &opts, ops_ics_item, &ctx, err);
	/* Overrides that came before their series, in file order. */
	ctx.final = true;
	for (i = 0; rc == 0 && i < ctx.npending; i++)
		rc = ops_ics_event(&ctx, &ctx.pending[i].it,
		    ctx.pending[i].cancel, err);
	if (rc == 0)
		rc = ops_ics_flush(&ctx, err);
	if (rc == 0 && !out->defer_offers)
		rc = ops_ics_settle_in(st, out, err);
	if (rc == 0 && out->added + out->updated + out->replies +
	    out->nbusy > 0) {
		summary = out->nbusy == 0 ? xasprintf("%zu added, %zu updated, "
		    "%zu replies", out->added, out->updated, out->replies) :
		    xasprintf("%zu added, %zu updated, %zu replies, %zu "
		    "free/busy", out->added, out->updated, out->replies,
		    out->nbusy);
		rc = store_log_close(st, true, summary, err);
		free(summary);
	} else if (rc == 0)
		rc = store_log_close(st, false, NULL, err);
	rc = ops_finish(st, rc, err);
out:
	ops_ics_fresh_free(&ctx);
	ops_ics_pending_free(&ctx);
	for (i = 0; i < ctx.ndates; i++)
		free(ctx.dates[i].starts);
	free(ctx.dates);
	if (in != fp)
		fclose(in);
	return rc;
}

int
ops_ics_import(struct store *st, FILE *fp, bool strict,
    struct ops_ics_result *out, struct err *err)
{
	return ops_ics_run(st, fp, NULL, strict, out, err);
}

int
ops_ics_import_from(struct store *st, FILE *fp, const char *sender,
    struct ops_ics_result *out, struct err *err)
{
	return ops_ics_run(st, fp, sender, false, out, err);
}
