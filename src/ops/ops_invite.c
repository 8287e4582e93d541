/* SPDX-License-Identifier: ISC */
/*
 * iTIP invitations (RFC 5546): a REQUEST for each assignment that is new
 * or changed since its last invite, a CANCEL for each invited one that
 * was removed or whose event was cancelled. Each message is delivered
 * (outbox file or iMIP mail) before it is recorded, all in one write
 * transaction: what failed stays due and the next run retries it.
 */
#include "rooster/ops.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rooster/ics.h"
#include "ops_int.h"

struct ops_invite_ctx {
	struct store		*st;
	bool			 offering;	/* REQUESTs offer an open shift */
	bool			 filled;	/* this CANCEL: offer filled */
	const struct ops_config	*cfg;
	enum ops_invite_mode	 mode;
	const char		*outbox;
	int64_t			 now;
	char			*plan;		/* plan name, for PRODID */
	char			*domain;	/* for Message-ID */
	char			*language;	/* "nl",
	    "en" or NULL: both */
	struct ops_invite_results *out;
};

/* A run of invite or offer writing to out: the plan's words read once. */
static void
ops_invite_ctx_init(struct ops_invite_ctx *ctx, struct store *st,
    const struct ops_config *cfg, enum ops_invite_mode mode,
    const char *outbox, struct ops_invite_results *out)
{
	memset(ctx, 0, sizeof *ctx);
	ctx->st = st;
	ctx->cfg = cfg;
	ctx->mode = mode;
	ctx->outbox = outbox;
	ctx->now = rtime_now();
	ctx->out = out;
	ctx->plan = ops_export_plan_name(st);
	ctx->domain = store_setting_get(st, "uid_domain");
	ctx->language = ops_plan_language_get(st);
}

static void
ops_invite_ctx_fini(struct ops_invite_ctx *ctx)
{
	free(ctx->plan);
	free(ctx->domain);
	free(ctx->language);
}

void
ops_invite_results_free(struct ops_invite_results *list)
{
	size_t i;

	for (i = 0; i < list->len; i++) {
		free(list->items[i].volunteer);
		free(list->items[i].email);
		free(list->items[i].summary);
		free(list->items[i].detail);
	}
	free(list->items);
	memset(list, 0, sizeof *list);
}

static struct ops_invite_result *
ops_invite_push(struct ops_invite_results *list, const char *method,
    int64_t shift_id, int64_t volunteer_id, const char *name,
    const char *email, const char *summary, int64_t start)
{
	struct ops_invite_result *r;

	r = xarray_push(&list->items, &list->len, &list->cap, sizeof *r);
	r->method = method;
	r->shift_id = shift_id;
	r->volunteer_id = volunteer_id;
	r->volunteer = xstrdup(name != NULL ? name : "");
	r->email = xstrdup(email != NULL ? email : "");
	r->summary = xstrdup(summary != NULL ? summary : "");
	r->start = start;
	return r;
}

/*
 * The mail's words in the plan's language, kept here and not in the
 * catalogue: a mail goes out in the plan's language (rooster init
 * --language), whatever the coordinator's own locale. A plan without one
 * sends both, Dutch first.
 */
static bool
ops_invite_in(const struct ops_invite_ctx *ctx, const char *language)
{
	return ctx->language == NULL || strcmp(ctx->language, language) == 0;
}

/* The mail's subject word: Uitnodiging, Invitation, or both. */
static const char *
ops_invite_subject(const struct ops_invite_ctx *ctx, bool cancel,
    bool update)
{
	if (ctx->filled || ctx->offering) {
		if (ctx->language == NULL)
			return ctx->filled ? "Al vervuld / Already filled" :
			    "Open dienst / Open shift";
		if (strcmp(ctx->language, "nl") == 0)
			return ctx->filled ? "Al vervuld" : "Open dienst";
		return ctx->filled ? "Already filled" : "Open shift";
	}
	if (ctx->language == NULL)
		return cancel ? "Afgezegd / Cancelled" : update ?
		    "Gewijzigd / Updated" : "Uitnodiging / Invitation";
	if (strcmp(ctx->language, "nl") == 0)
		return cancel ? "Afgezegd" : update ? "Gewijzigd" :
		    "Uitnodiging";
	return cancel ? "Cancelled" : update ? "Updated" : "Invitation";
}

/*
 * A date in the mail's language, "za 27 mrt 2027" or "Sat 27 Mar 2027":
 * the plan's language, not the coordinator's locale, so the words are
 * here and not strftime's.
 */
static void
ops_invite_day(const char *language, int64_t t, char *buf, size_t size)
{
	static const char *const nl_days[] = { "zo", "ma", "di", "wo", "do",
	    "vr", "za" };
	static const char *const nl_months[] = { "jan", "feb", "mrt", "apr",
	    "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec" };
	static const char *const en_days[] = { "Sun", "Mon", "Tue", "Wed",
	    "Thu", "Fri", "Sat" };
	static const char *const en_months[] = { "Jan", "Feb", "Mar", "Apr",
	    "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	bool nl = strcmp(language, "nl") == 0;
	struct tm tm;

	rtime_local(t, &tm);
	snprintf(buf, size, "%s %d %s %d", (nl ? nl_days : en_days)[tm.tm_wday],
	    tm.tm_mday, (nl ? nl_months : en_months)[tm.tm_mon],
	    tm.tm_year + 1900);
}

/*
 * "za 27 mrt 2027 14:00–17:00", the end's day only when it differs; whole
 * days as dates only, "za 10 apr 2027" or "za 10 apr 2027 – ma 12 apr 2027".
 */
static void
ops_invite_span(const char *language, int64_t start, int64_t end,
    bool all_day, char *buf, size_t size)
{
	char day[24], day2[24], from[8], to[8];

	ops_invite_day(language, start, day, sizeof day);
	if (all_day) {
		if (rtime_day_add(end - 1, 0) == rtime_day_add(start, 0))
			snprintf(buf, size, "%s", day);
		else {
			ops_invite_day(language, end - 1, day2, sizeof day2);
			snprintf(buf, size, "%s \u2013 %s", day, day2);
		}
		return;
	}
	rtime_format(start, "%H:%M", from, sizeof from);
	rtime_format(end, "%H:%M", to, sizeof to);
	if (rtime_day_add(start, 0) == rtime_day_add(end - 1, 0))
		snprintf(buf, size, "%s %s\u2013%s", day, from, to);
	else {
		ops_invite_day(language, end, day2, sizeof day2);
		snprintf(buf, size, "%s %s \u2013 %s %s", day, from, day2, to);
	}
}

/* The first word of a name: the mail greets people by their first name. */
static char *
ops_invite_first_name(const char *name)
{
	size_t n;

	while (*name == ' ')
		name++;
	n = strcspn(name, " ");
	return n > 0 ? xasprintf("%.*s", (int)n, name) : xstrdup(name);
}

/* What an update changed, in language; "" when nothing shown changed. */
static void
ops_invite_changes(struct strbuf *sb, const char *language,
    const struct store_invite *old, const struct ics_item *item)
{
	bool nl = strcmp(language, "nl") == 0;
	char was[96], now[96], *p;
	const char *sep = "";

	if (old->start != item->start || old->end != item->end) {
		ops_invite_span(language, old->start, old->end, item->all_day,
		    was, sizeof was);
		ops_invite_span(language, item->start, item->end,
		    item->all_day, now, sizeof now);
		/* The same day: only the new times after "now". */
		p = now;
		if (!item->all_day && rtime_day_add(old->start, 0) ==
		    rtime_day_add(item->start, 0) &&
		    rtime_day_add(item->start, 0) ==
		    rtime_day_add(item->end - 1, 0))
			p = strrchr(now, ' ') + 1;
		strbuf_addf(sb, nl ? "was %s, nu %s" : "was %s, now %s", was,
		    p);
		sep = "; ";
	}
	if (ops_text_differs(old->location, item->location)) {
		strbuf_addf(sb, nl ? "%splaats: %s (was %s)" :
		    "%splace: %s (was %s)", sep,
		    item->location != NULL && *item->location != '\0' ?
		    item->location : "-",
		    old->location != NULL && *old->location != '\0' ?
		    old->location : "-");
		sep = "; ";
	}
	if (ops_text_differs(old->summary, item->summary))
		strbuf_addf(sb, nl ? "%snaam: %s (was %s)" :
		    "%sname: %s (was %s)", sep, item->summary, old->summary);
}

/* The mail in one language: greeting, what, when, where, what changed. */
static void
ops_invite_text_in(const struct ops_invite_ctx *ctx, struct strbuf *sb,
    const char *language, bool cancel, const struct store_invite *old,
    const char *first, const struct ics_item *item, const char *about)
{
	bool nl = strcmp(language, "nl") == 0;
	char when[96];
	size_t mark;
	const char *loc = item->location != NULL && *item->location != '\0' ?
	    item->location : "-";

	ops_invite_span(language, item->start, item->end, item->all_day, when,
	    sizeof when);
	strbuf_addf(sb, nl ? "Hallo %s,\n\n" : "Hello %s,\n\n", first);
	if (cancel && ctx->filled)
		strbuf_adds(sb, nl ? "Deze dienst is al vervuld \u2014 dank je "
		    "wel voor je antwoord!\n" : "This shift has already been "
		    "filled \u2014 thank you for answering!\n");
	else if (!cancel && old == NULL && ctx->offering)
		strbuf_adds(sb, nl ? "Er is nog plek op deze dienst. Wie het "
		    "eerst accepteert, staat erop:\n" : "A place is open on "
		    "this shift. The first to accept it gets it:\n");
	else if (nl)
		strbuf_adds(sb, cancel ? "Deze dienst gaat voor jou niet "
		    "door:\n" : old != NULL ? "Deze dienst is gewijzigd:\n" :
		    "Je bent ingeroosterd voor deze dienst:\n");
	else
		strbuf_adds(sb, cancel ? "This shift is off for you:\n" :
		    old != NULL ? "This shift has changed:\n" :
		    "You are on the roster for this shift:\n");
	strbuf_addf(sb, nl ? "  %s\n  Wanneer: %s\n  Waar: %s\n" :
	    "  %s\n  When: %s\n  Where: %s\n", item->summary, when, loc);
	if (old != NULL && !cancel) {
		strbuf_adds(sb, nl ? "  Gewijzigd: " : "  Changed: ");
		mark = sb->len;
		ops_invite_changes(sb, language, old, item);
		if (sb->len == mark)
			strbuf_adds(sb, nl ? "de beschrijving" :
			    "the description");
		strbuf_adds(sb, "\n");
	}
	strbuf_adds(sb, "\n");
	if (about != NULL && *about != '\0' && !cancel)
		strbuf_addf(sb, "%s\n\n", about);
	if (!cancel && old != NULL && item->partstat == ASSIGNMENT_INVITED)
		strbuf_adds(sb, nl ? "Kun je nog steeds? Accepteer of wijs de "
		    "uitnodiging opnieuw af in je agenda.\n\n" :
		    "Can you still make it? Please accept or decline the "
		    "invitation again in your calendar.\n\n");
	else if (!cancel)
		strbuf_adds(sb, nl ? "Wil je de uitnodiging in je agenda "
		    "accepteren of afwijzen?\n\n" : "Please accept or decline "
		    "the invitation in your calendar.\n\n");
}

/*
 * The plain-text part of the mail in the plan's language (both when it
 * has none). old: the last REQUEST sent for an update, else NULL; about:
 * the event's own description. Caller frees.
 */
static char *
ops_invite_text(const struct ops_invite_ctx *ctx, bool cancel,
    const struct store_invite *old, const char *name,
    const struct ics_item *item, const char *about)
{
	struct strbuf sb;
	char *first = ops_invite_first_name(name);

	strbuf_init(&sb);
	if (ops_invite_in(ctx, "nl"))
		ops_invite_text_in(ctx, &sb, "nl", cancel, old, first, item,
		    about);
	if (ctx->language == NULL)
		strbuf_adds(&sb, "-- \n\n");
	if (ops_invite_in(ctx, "en"))
		ops_invite_text_in(ctx, &sb, "en", cancel, old, first, item,
		    about);
	if (ctx->cfg->name != NULL && *ctx->cfg->name != '\0')
		strbuf_addf(&sb, "%s\n", ctx->cfg->name);
	strbuf_addf(&sb, "%s\n", ctx->cfg->email);
	free(first);
	return strbuf_detach(&sb);
}

/* Write text to outbox/file through a temporary file. */
static int
ops_invite_write(const char *dir, const char *file, const char *text,
    struct err *err)
{
	struct file_atomic f;
	char *path = xasprintf("%s/%s", dir, file);
	size_t len = strlen(text);
	int rc;

	if ((rc = file_atomic_open(&f, path, 0, err)) == 0) {
		if (fwrite(text, 1, len, f.fp) != len)
			rc = err_set(err, ERR_IO, _("cannot write %s: %s"),
			    path, strerror(errno));
		if (rc == 0)
			rc = file_atomic_commit(&f, false, err);
		else
			file_atomic_abort(&f);
	}
	free(path);
	return rc;
}

/*
 * Deliver one message: build the calendar, then write it or mail it.
 * Fills r's outcome and detail; returns 0 if delivered.
 */
static int
ops_invite_deliver(struct ops_invite_ctx *ctx, struct ops_invite_result *r,
    const struct ics_item *item, const char *name, const char *email,
    const struct store_invite *old, const char *about)
{
	struct ics_calendar cal;
	struct ics_mail mail;
	struct err err;
	bool cancel = strcmp(r->method, "CANCEL") == 0;
	char *text = NULL, *msg = NULL, *body = NULL, *subject = NULL;
	char *file = NULL, when[96];
	int rc = -1;

	err_clear(&err);
	memset(&cal, 0, sizeof cal);
	cal.method = cancel ? ICS_METHOD_CANCEL : ICS_METHOD_REQUEST;
	cal.organisation = ctx->plan;
	cal.zone = rtime_zone();
	if ((text = ics_message_new(&cal, item, &err)) == NULL)
		goto out;
	/* Never send what libical's RFC 5546 rules reject. */
	if (ics_message_check(text, &err) < 0)
		goto out;
	if (ctx->mode == OPS_INVITE_OUTBOX) {
		file = xasprintf("shift%lld-volunteer%lld-seq%d-%s.ics",
		    (long long)r->shift_id, (long long)r->volunteer_id,
		    item->sequence, cancel ? "cancel" : "request");
		if ((rc = ops_invite_write(ctx->outbox, file, text, &err)) == 0)
			r->detail = xasprintf("%s/%s", ctx->outbox, file);
		goto out;
	}
	ops_invite_span(ctx->language != NULL ? ctx->language : "nl",
	    item->start, item->end, item->all_day, when, sizeof when);
	subject = xasprintf("%s: %s, %s", ops_invite_subject(ctx, cancel,
	    old != NULL), item->summary, when);
	body = ops_invite_text(ctx, cancel, old, name, item, about);
	memset(&mail, 0, sizeof mail);
	mail.from.name = ctx->cfg->name;
	mail.from.email = ctx->cfg->email;
	mail.to.name = name;
	mail.to.email = email;
	mail.subject = subject;
	mail.text = body;
	mail.calendar = text;
	mail.method = cal.method;
	mail.date = ctx->now;
	mail.domain = ctx->domain;
	if ((msg = ics_mail_new(&mail, &err)) == NULL)
		goto out;
	if ((rc = ops_sendmail_run(ctx->cfg->sendmail, msg, strlen(msg),
	    &err)) == 0)
		r->detail = xasprintf("to %s", email);
out:
	if (rc == 0)
		r->outcome = ctx->mode == OPS_INVITE_OUTBOX ? "written" :
		    "sent";
	else {
		r->outcome = "failed";
		r->detail = xstrdup(err.msg);
		ctx->out->failed++;
	}
	free(text);
	free(msg);
	free(body);
	free(subject);
	free(file);
	return rc;
}

/* An empty item from the organizer (the config's coordinator) to att. */
static void
ops_invite_item(const struct ops_invite_ctx *ctx, struct ics_item *item,
    struct ics_person *org, struct ics_person *att, const char *name,
    const char *email)
{
	org->name = ctx->cfg->name;
	org->email = ctx->cfg->email;
	att->name = name;
	att->email = email;
	memset(item, 0, sizeof *item);
	item->organizer = org;
	item->attendee = att;
}

/*
 * The DTSTAMP of the next message to inv's volunteer about inv's UID:
 * now, but always later than the last one sent (a change and a second
 * run within one second must not look alike to the client).
 */
static int64_t
ops_invite_stamp(const struct ops_invite_ctx *ctx,
    const struct store_invite *inv)
{
	return inv->sent_at >= ctx->now ? inv->sent_at + 1 : ctx->now;
}

static int
ops_invite_cancel(struct ops_invite_ctx *ctx, const struct store_invite_key *k,
    struct err *err)
{
	struct store_invite inv;
	struct ops_invite_result *r;
	struct ics_person org, att;
	struct ics_item item;
	struct shift sh;
	int64_t shift_id;
	int seq, rc;

	if (store_invite_get(ctx->st, k->uid, k->volunteer_id, &inv, err) < 0)
		return -1;
	seq = inv.sequence + 1;
	if ((shift_id = store_calendar_shift_by_uid(ctx->st, inv.uid,
	    err)) < 0) {
		store_invite_fini(&inv);
		return -1;
	}
	if (shift_id > 0 && store_shift_get(ctx->st, shift_id, &sh, NULL) == 0) {
		if (sh.sequence > seq)
			seq = sh.sequence;
		shift_fini(&sh);
	}
	r = ops_invite_push(ctx->out, "CANCEL", inv.shift_id, inv.volunteer_id,
	    inv.name, inv.email, inv.summary, inv.start);
	r->sequence = seq;
	ops_invite_item(ctx, &item, &org, &att, inv.name, inv.email);
	item.uid = inv.uid;
	item.sequence = seq;
	item.dtstamp = ops_invite_stamp(ctx, &inv);
	item.start = inv.start;
	item.end = inv.end;
	item.summary = inv.summary;
	item.location = inv.location;
	item.status = EVENT_CANCELLED;
	/* Sent as dates if it was whole days (the event may be gone). */
	item.all_day = ops_export_whole_days(inv.start, inv.end);
	item.partstat = ASSIGNMENT_INVITED;
	rc = 0;
	ctx->filled = inv.offer;
	if (ops_invite_deliver(ctx, r, &item, inv.name, inv.email, NULL,
	    NULL) == 0) {
		inv.sequence = seq;
		inv.cancelled = true;
		inv.offer = false;
		inv.sent_at = item.dtstamp;
		rc = store_invite_save(ctx->st, &inv, err);
	}
	ctx->filled = false;
	store_invite_fini(&inv);
	return rc;
}

/*
 * What a REQUEST puts in the volunteer's calendar, as one string: two
 * messages with the same digest change nothing there that matters,
 * whatever their SEQUENCE. about is the event's own description: who
 * else is on the shift is news only beside a change that is. The caller
 * frees.
 */
static char *
ops_invite_digest(const struct ics_item *item, const char *about,
    const char *email)
{
	char *lower = xstrdup(email), *p, *out;

	for (p = lower; *p != '\0'; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	out = xasprintf("%lld|%lld|%s|%s|%s|%d|%lld|%s",
	    (long long)item->start, (long long)item->end, item->summary,
	    item->location != NULL ? item->location : "",
	    about != NULL ? about : "",
	    (int)item->status, (long long)item->reminder, lower);
	free(lower);
	return out;
}

static int
ops_invite_request(struct ops_invite_ctx *ctx,
    const struct store_invite_key *k, struct err *err)
{
	struct assignment_list people = { 0 };
	struct store_invite inv;
	struct ops_invite_result *r;
	struct ics_person org, att;
	struct ics_item item;
	struct shift sh;
	struct event ev;
	struct volunteer v;
	struct assignment a;
	char *summary = NULL, *description = NULL, *digest = NULL;
	bool had, update, reask;
	int seq, rc;

	shift_init(&sh);
	event_init(&ev);
	volunteer_init(&v);
	assignment_init(&a);
	store_invite_init(&inv);
	if ((rc = store_shift_get(ctx->st, k->shift_id, &sh, err)) < 0 ||
	    (rc = store_event_get(ctx->st, sh.event_id, &ev, err)) < 0 ||
	    (rc = store_volunteer_get(ctx->st, k->volunteer_id, &v, err)) < 0 ||
	    (rc = store_assignment_get(ctx->st, k->shift_id, k->volunteer_id,
	    &a, err)) < 0 ||
	    (rc = store_assignment_list_shift(ctx->st, k->shift_id, &people,
	    err)) < 0)
		goto out;
	summary = ops_export_summary(&ev, &sh);
	if (v.email == NULL || *v.email == '\0' ||
	    !ics_mail_address_ok(v.email)) {
		r = ops_invite_push(ctx->out, "REQUEST", sh.id, v.id, v.name,
		    v.email, summary, sh.start);
		r->outcome = "skipped";
		r->detail = xstrdup(v.email == NULL || *v.email == '\0' ?
		    _("no e-mail address (add one with 'rooster volunteer "
		    "edit')") : _("e-mail address cannot be used in a mail"));
		goto out;
	}
	had = store_invite_get(ctx->st, sh.uid, v.id, &inv, NULL) == 0;
	update = had && !inv.cancelled;
	seq = sh.sequence;
	if (had && inv.sequence + 1 > seq)
		seq = inv.sequence + 1;
	description = ops_export_description(ctx->cfg, &ev, &people, v.id);
	ops_invite_item(ctx, &item, &org, &att, v.name, v.email);
	ops_export_item(&item, &ev, &sh);
	item.sequence = seq;
	item.dtstamp = had ? ops_invite_stamp(ctx, &inv) : ctx->now;
	item.summary = summary;
	item.description = description;
	item.reminder = ctx->cfg->reminder;
	item.partstat = a.status;
	digest = ops_invite_digest(&item, ev.description, v.email);
	if (update && strcmp(inv.digest, digest) == 0) {
		/*
		 * Their calendar holds this already (an edit and its reverse,
		 * a delete and its undo): send nothing, note it is current.
		 */
		inv.shift_id = sh.id;
		inv.event_id = ev.id;
		inv.shift_sequence = sh.sequence;
		rc = store_invite_save(ctx->st, &inv, err);
		if (rc == 0 && a.status == ASSIGNMENT_PLANNED)
			rc = store_assignment_set_status(ctx->st, sh.id, v.id,
			    ASSIGNMENT_INVITED, err);
		goto out;
	}
	/* A new time or place: everyone on it is asked again. */
	reask = update && (inv.start != sh.start || inv.end != sh.end ||
	    ops_text_differs(inv.location, ev.location));
	if (reask || a.status == ASSIGNMENT_PLANNED)
		item.partstat = ASSIGNMENT_INVITED;
	r = ops_invite_push(ctx->out, "REQUEST", sh.id, v.id, v.name, v.email,
	    summary, sh.start);
	r->sequence = seq;
	if (ops_invite_deliver(ctx, r, &item, v.name, v.email,
	    update ? &inv : NULL, ev.description) == 0) {
		if (!had) {
			inv.uid = xstrdup(sh.uid);
			inv.volunteer_id = v.id;
		}
		inv.shift_id = sh.id;
		inv.event_id = ev.id;
		inv.sequence = seq;
		inv.shift_sequence = sh.sequence;
		inv.cancelled = false;
		free(inv.email);
		inv.email = xstrdup(v.email);
		free(inv.name);
		inv.name = xstrdup(v.name);
		free(inv.summary);
		inv.summary = xstrdup(summary);
		free(inv.location);
		inv.location = xstrdup(ev.location);
		inv.start = sh.start;
		inv.end = sh.end;
		inv.sent_at = item.dtstamp;
		free(inv.digest);
		inv.digest = digest;
		digest = NULL;
		if (reask && a.status != ASSIGNMENT_OFFERED)
			inv.reasked = true;
		inv.offer = a.status == ASSIGNMENT_OFFERED;
		rc = store_invite_save(ctx->st, &inv, err);
		if (rc == 0 && (a.status == ASSIGNMENT_PLANNED || (reask &&
		    a.status != ASSIGNMENT_INVITED &&
		    a.status != ASSIGNMENT_OFFERED)))
			rc = store_assignment_set_status(ctx->st, sh.id, v.id,
			    ASSIGNMENT_INVITED, err);
	}
out:
	store_invite_fini(&inv);
	free(summary);
	free(description);
	free(digest);
	assignment_list_free(&people);
	assignment_fini(&a);
	volunteer_fini(&v);
	event_fini(&ev);
	shift_fini(&sh);
	return rc;
}

int
ops_invite(struct store *st, const struct ops_config *cfg, int64_t event_id,
    enum ops_invite_mode mode, const char *outbox,
    struct ops_invite_results *out, struct err *err)
{
	struct store_invite_keys cancels = { 0 }, requests = { 0 };
	struct store_invite_keys full = { 0 };
	struct ops_invite_ctx ctx;
	struct event ev;
	size_t i, before = out->len, sent = 0;
	int rc;

	if (cfg->email == NULL || !ics_mail_address_ok(cfg->email))
		return err_set(err, ERR_INVALID, _("invites need your e-mail "
		    "address as organizer: set 'email = you@example.org' in "
		    "the config file"));
	/* The outbox holds personal data: created for its owner only. */
	if (mode == OPS_INVITE_OUTBOX && file_dir_ensure(outbox, 0700,
	    err) < 0)
		return -1;
	if (store_begin_write(st, err) < 0)
		return -1;
	if (event_id != 0) {
		if (store_event_get(st, event_id, &ev, err) < 0) {
			event_fini(&ev);
			return ops_finish(st, -1, err);
		}
		event_fini(&ev);
	}
	ops_invite_ctx_init(&ctx, st, cfg, mode, outbox, out);
	/* Offers on shifts filled since are taken back: a CANCEL each. */
	rc = store_invite_full_offers(st, &full, err);
	for (i = 0; rc == 0 && i < full.len; i++)
		rc = store_assignment_delete(st, full.items[i].shift_id,
		    full.items[i].volunteer_id, err);
	store_invite_keys_free(&full);
	if (rc == 0)
		rc = store_invite_due_cancels(st, event_id, &cancels, err);
	if (rc == 0)
		rc = store_invite_due_requests(st, event_id, ctx.now, &requests,
		    err);
	for (i = 0; rc == 0 && i < cancels.len; i++)
		rc = ops_invite_cancel(&ctx, &cancels.items[i], err);
	for (i = 0; rc == 0 && i < requests.len; i++)
		rc = ops_invite_request(&ctx, &requests.items[i], err);
	for (i = before; i < out->len; i++)
		if (out->items[i].outcome != NULL &&
		    (strcmp(out->items[i].outcome, "sent") == 0 ||
		    strcmp(out->items[i].outcome, "written") == 0))
			sent++;
	if (sent > 0)
		rc = ops_log(st, rc, err, "invite", "event", event_id,
		    "%zu invitation message%s %s", sent, sent == 1 ? "" : "s",
		    mode == OPS_INVITE_SEND ? "sent" : "written");
	store_invite_keys_free(&cancels);
	store_invite_keys_free(&requests);
	ops_invite_ctx_fini(&ctx);
	return ops_finish(st, rc, err);
}

/* Is volunteer id among the n in ids? */
static bool
ops_offer_named(const int64_t *ids, size_t n, int64_t id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (ids[i] == id)
			return true;
	return false;
}

/* Offer the shift to one volunteer: an offered assignment and its REQUEST. */
static int
ops_offer_one(struct ops_invite_ctx *ctx, const struct shift *sh,
    int64_t volunteer_id, struct err *err)
{
	struct store_invite_key key;
	struct store_invite inv;
	struct ops_invite_result *r;
	struct assignment a;
	struct volunteer v;
	size_t before = ctx->out->len;
	bool had;
	int rc;

	if (store_volunteer_get(ctx->st, volunteer_id, &v, err) < 0) {
		volunteer_fini(&v);
		return -1;
	}
	/* Never two REQUESTs for one shift: not to who is on it or was asked. */
	had = store_invite_get(ctx->st, sh->uid, volunteer_id, &inv, NULL) == 0;
	if (store_assignment_get(ctx->st, sh->id, volunteer_id, &a,
	    NULL) == 0 || (had && !inv.cancelled)) {
		r = ops_invite_push(ctx->out, "REQUEST", sh->id, volunteer_id,
		    v.name, v.email, "", sh->start);
		r->outcome = "skipped";
		r->detail = xstrdup(_("already on the shift or asked for it"));
		assignment_fini(&a);
		if (had)
			store_invite_fini(&inv);
		volunteer_fini(&v);
		return 0;
	}
	assignment_fini(&a);
	if (had)
		store_invite_fini(&inv);
	volunteer_fini(&v);
	assignment_init(&a);
	a.shift_id = sh->id;
	a.volunteer_id = volunteer_id;
	a.status = ASSIGNMENT_OFFERED;
	rc = store_assignment_insert(ctx->st, &a, err);
	assignment_fini(&a);
	if (rc < 0)
		return -1;
	key.shift_id = sh->id;
	key.volunteer_id = volunteer_id;
	key.uid = sh->uid;
	if (ops_invite_request(ctx, &key, err) < 0)
		return -1;
	/* Not delivered (or skipped): no offer stands. */
	if (ctx->out->len == before || (strcmp(ctx->out->items[before].outcome,
	    "sent") != 0 && strcmp(ctx->out->items[before].outcome,
	    "written") != 0))
		return store_assignment_delete(ctx->st, sh->id, volunteer_id,
		    err);
	return 0;
}

int
ops_offer(struct store *st, const struct ops_config *cfg, int64_t shift_id,
    const int64_t *to, size_t nto, size_t limit, enum ops_invite_mode mode,
    const char *outbox, struct ops_invite_results *out, struct err *err)
{
	struct assignment_list on = { 0 };
	struct ops_invite_ctx ctx;
	struct ops_suggest sug;
	struct shift sh;
	struct event ev;
	size_t i, open, asked = 0, sent = 0, before = out->len;
	int counted = 0;
	int rc;

	if (cfg->email == NULL || !ics_mail_address_ok(cfg->email))
		return err_set(err, ERR_INVALID, _("offers need your e-mail "
		    "address as organizer: set 'email = you@example.org' in "
		    "the config file"));
	/* An offer that fails is taken back: fail before one is made. */
	if (ics_lib_load(err) < 0 || store_begin_write(st, err) < 0)
		return -1;
	shift_init(&sh);
	event_init(&ev);
	memset(&sug, 0, sizeof sug);
	memset(&ctx, 0, sizeof ctx);
	if ((rc = store_shift_get(st, shift_id, &sh, err)) < 0 ||
	    (rc = store_event_get(st, sh.event_id, &ev, err)) < 0 ||
	    (rc = store_assignment_list_shift(st, shift_id, &on, err)) < 0)
		goto out;
	for (i = 0; i < on.len; i++)
		counted += assignment_counts(&on.items[i]);
	if (ev.status == EVENT_CANCELLED) {
		rc = err_set(err, ERR_INVALID, _("shift %lld belongs to a "
		    "cancelled event; nothing offered"), (long long)shift_id);
		goto out;
	}
	if (sh.end <= rtime_now()) {
		rc = err_set(err, ERR_INVALID, _("shift %lld is over; nothing "
		    "offered"), (long long)shift_id);
		goto out;
	}
	if (counted >= sh.needed) {
		rc = err_set(err, ERR_CONFLICT, _("shift %lld is full (%d/%d); "
		    "nothing offered"), (long long)shift_id, counted,
		    sh.needed);
		goto out;
	}
	/*
	 * The outbox is made as invite makes it (for its owner: it holds
	 * personal data), only once nothing above refused the offer.
	 */
	if (mode == OPS_INVITE_OUTBOX &&
	    (rc = file_dir_ensure(outbox, 0700, err)) < 0)
		goto out;
	open = (size_t)(sh.needed - counted);
	if (limit == 0)
		limit = 3 * open;
	ops_invite_ctx_init(&ctx, st, cfg, mode, outbox, out);
	ctx.offering = true;
	if (nto > 0) {
		for (i = 0; rc == 0 && i < nto; i++)
			if (!ops_offer_named(to, i, to[i]))
				rc = ops_offer_one(&ctx, &sh, to[i], err);
	} else if ((rc = ops_suggest_top(st, shift_id, limit, &sug,
	    err)) == 0) {
		/* The best who fit: no conflict (skills, languages, time). */
		for (i = 0; rc == 0 && i < sug.ranked.len && asked < limit;
		    i++) {
			if (sug.ranked.items[i].conflicts > 0)
				break;
			rc = ops_offer_one(&ctx, &sh,
			    sug.ranked.items[i].volunteer->id, err);
			asked++;
		}
	}
	for (i = before; i < out->len; i++)
		if (strcmp(out->items[i].outcome, "sent") == 0 ||
		    strcmp(out->items[i].outcome, "written") == 0)
			sent++;
	if (sent > 0)
		rc = ops_log(st, rc, err, "offer", "shift", shift_id,
		    "shift %lld offered to %zu volunteer%s",
		    (long long)shift_id, sent, sent == 1 ? "" : "s");
out:
	ops_suggest_fini(&sug);
	assignment_list_free(&on);
	event_fini(&ev);
	shift_fini(&sh);
	ops_invite_ctx_fini(&ctx);
	return ops_finish(st, rc, err);
}
