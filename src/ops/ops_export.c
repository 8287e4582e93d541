/* SPDX-License-Identifier: ISC */
/*
 * Calendars to read: `export ics` streams the plan (or one event, or one
 * volunteer's shifts) as METHOD:PUBLISH; `export feeds` writes one such
 * file per volunteer under an unguessable token plus one for the plan,
 * replacing a file only when its content changed. UIDs are the shifts'
 * own, the same as in invites, so nobody sees a shift twice.
 */
#include "rooster/ops.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "rooster/ics.h"
#include "ops_int.h"

#define OPS_EXPORT_TOKEN_BYTES 16	/* 32 hex digits: unguessable */

/* ops_export_summary, appended to sb. */
static void
ops_export_summary_add(struct strbuf *sb, const struct event *ev,
    const struct shift *sh)
{
	if (sh != NULL) {
		strbuf_adds(sb, sh->role);
		strbuf_add(sb, " \xe2\x80\x93 ", 5);
	}
	strbuf_adds(sb, ev->title);
}

char *
ops_export_summary(const struct event *ev, const struct shift *sh)
{
	struct strbuf sb;

	strbuf_init(&sb);
	ops_export_summary_add(&sb, ev, sh);
	return strbuf_detach(&sb);
}

bool
ops_export_whole_days(int64_t start, int64_t end)
{
	return end > start && rtime_day_add(start, 0) == start &&
	    rtime_day_add(end, 0) == end;
}

bool
ops_export_all_day(const struct event *ev, const struct shift *sh)
{
	if (!ev->all_day)
		return false;
	return sh == NULL || ops_export_whole_days(sh->start, sh->end);
}

void
ops_export_item(struct ics_item *item, const struct event *ev,
    const struct shift *sh)
{
	item->uid = sh != NULL ? sh->uid : ev->uid;
	item->sequence = sh != NULL ? sh->sequence : ev->sequence;
	item->start = sh != NULL ? sh->start : ev->start;
	item->end = sh != NULL ? sh->end : ev->end;
	item->all_day = ops_export_all_day(ev, sh);
	item->summary = ev->title;
	item->location = ev->location;
	item->status = ev->status;
	/* A shift is one dated slot; only an event alone repeats. */
	item->rrule = sh == NULL ? ev->rrule : NULL;
}

/* ops_export_description, appended to sb (an export reuses one). */
static void
ops_export_description_add(struct strbuf *sb, const struct ops_config *cfg,
    const struct event *ev, const struct assignment_list *people,
    int64_t self)
{
	size_t i, shown = 0;

	if (ev->description != NULL && *ev->description != '\0') {
		strbuf_adds(sb, ev->description);
		strbuf_add(sb, "\n\n", 2);
	}
	/* The coordinator's note to this volunteer comes first. */
	for (i = 0; self != 0 && people != NULL && i < people->len; i++)
		if (people->items[i].volunteer_id == self &&
		    people->items[i].note != NULL &&
		    *people->items[i].note != '\0')
			strbuf_addf(sb, "Voor jou / For you: %s\n\n",
			    people->items[i].note);
	for (i = 0; people != NULL && i < people->len; i++) {
		if (people->items[i].volunteer_id == self ||
		    !assignment_counts(&people->items[i]))
			continue;
		strbuf_adds(sb, shown++ == 0 ? (self != 0 ?
		    "Ook op deze dienst / Also on this shift: " :
		    "Op deze dienst / On this shift: ") : ", ");
		strbuf_adds(sb, people->items[i].volunteer);
	}
	if (shown > 0)
		strbuf_adds(sb, "\n");
	if (cfg != NULL && ((cfg->name != NULL && *cfg->name != '\0') ||
	    (cfg->email != NULL && *cfg->email != '\0'))) {
		strbuf_adds(sb, "Co\xc3\xb6rdinator / Coordinator: ");
		if (cfg->name != NULL && *cfg->name != '\0')
			strbuf_adds(sb, cfg->name);
		if (cfg->email != NULL && *cfg->email != '\0')
			strbuf_addf(sb, "%s<%s>", cfg->name != NULL &&
			    *cfg->name != '\0' ? " " : "", cfg->email);
		strbuf_adds(sb, "\n");
	}
	while (sb->len > 0 && sb->data[sb->len - 1] == '\n')
		sb->data[--sb->len] = '\0';
}

char *
ops_export_description(const struct ops_config *cfg, const struct event *ev,
    const struct assignment_list *people, int64_t self)
{
	struct strbuf sb;

	strbuf_init(&sb);
	ops_export_description_add(&sb, cfg, ev, people, self);
	return strbuf_detach(&sb);
}

char *
ops_export_plan_name(struct store *st)
{
	char *name = store_setting_get(st, "name");

	if (name == NULL || *name == '\0') {
		free(name);
		name = xstrdup("rooster");
	}
	return name;
}

struct ops_export_ctx {
	struct store		*st;
	int64_t			 event_id;	/* the filter, or 0 */
	struct ics_writer	*w;
	const struct ops_config	*cfg;
	struct ics_person	 organizer;	/* the plan, no-reply address */
	char			*org_name;	/* organizer's strings, owned */
	char			*org_email;
	int64_t			 volunteer_id;
	int64_t			 now;
	size_t			 count;
	struct strbuf		 summary;	/* each entry's, reused */
	struct strbuf		 description;
};

/* One VEVENT for event ev alone (no shifts), with uid and extras. */
static int
ops_export_event_item(struct ops_export_ctx *ctx, const struct event *ev,
    const char *uid, int64_t start, int64_t end, int64_t recurrence_id,
    enum event_status status, int sequence, const char *rrule,
    const int64_t *exdates, size_t nexdates, struct err *err)
{
	struct ics_item item;
	char *description;
	int rc;

	memset(&item, 0, sizeof item);
	description = ops_export_description(ctx->cfg, ev, NULL, 0);
	/* The series' or occurrence's own uid, times, status and rule. */
	ops_export_item(&item, ev, NULL);
	item.uid = uid;
	item.sequence = sequence;
	item.dtstamp = ctx->now;
	item.start = start;
	item.end = end;
	item.recurrence_id = recurrence_id;
	item.description = description;
	item.status = status;
	item.rrule = rrule;
	item.exdates = exdates;
	item.nexdates = nexdates;
	item.reminder = ctx->cfg != NULL ? ctx->cfg->reminder : 0;
	item.organizer = &ctx->organizer;
	rc = ics_writer_add(ctx->w, &item, err);
	free(description);
	ctx->count++;
	return rc;
}

/*
 * A repeating event without shifts, whose occurrences are rows of their
 * own (ops_series.c): one VEVENT with the RRULE under the first row's
 * UID, an EXDATE for each occurrence the rule gives that was deleted or
 * cancelled on its own, and an override (same UID, RECURRENCE-ID) for
 * each occurrence that was moved or changed on its own.
 */
static int
ops_export_series(struct ops_export_ctx *ctx, const struct event *first,
    struct err *err)
{
	struct event_list rows = { 0 };
	const struct event *r;
	int64_t *expected = NULL, *exdates = NULL, last = 0, length;
	size_t nexpected = 0, nex = 0, i, j;
	enum event_status status = EVENT_CANCELLED;
	int sequence = 0, rc;
	bool found;

	if ((rc = store_event_list_series(ctx->st, first->series_id, &rows,
	    err)) < 0)
		goto out;
	length = first->end - first->start;
	for (i = 0; i < rows.len; i++) {
		r = &rows.items[i];
		if (r->occurrence_start > last)
			last = r->occurrence_start;
		if (r->sequence > sequence)
			sequence = r->sequence;
		if (r->status != EVENT_CANCELLED)
			status = first->status == EVENT_CANCELLED ?
			    EVENT_CONFIRMED : first->status;
	}
	if ((rc = ics_recur_expand(first->rrule, first->occurrence_start,
	    rtime_zone(), last + 1, rows.len + 10000, &expected, &nexpected,
	    err)) < 0)
		goto out;
	/*
	 * Left out: occurrences the rule gives that have no row, and those
	 * cancelled on their own (an EXDATE hides them in every client;
	 * calcurse, for one, would show a cancelled override beside them).
	 */
	exdates = xcalloc(nexpected + 1, sizeof *exdates);
	for (i = 0; i < nexpected; i++) {
		for (j = 0, found = false; j < rows.len && !found; j++)
			found = rows.items[j].occurrence_start == expected[i] &&
			    (rows.items[j].status != EVENT_CANCELLED ||
			    status == EVENT_CANCELLED);
		if (!found)
			exdates[nex++] = expected[i];
	}
	rc = ops_export_event_item(ctx, first, first->uid,
	    first->occurrence_start, first->occurrence_start + length, 0,
	    status, sequence, first->rrule, exdates, nex, err);
	for (i = 0; rc == 0 && i < rows.len; i++) {
		r = &rows.items[i];
		if (r->status == EVENT_CANCELLED && status != EVENT_CANCELLED)
			continue;	/* an EXDATE above */
		if (r->start == r->occurrence_start &&
		    r->end - r->start == length && r->status == status &&
		    !ops_text_differs(r->title, first->title) &&
		    !ops_text_differs(r->location, first->location) &&
		    !ops_text_differs(r->description, first->description))
			continue;
		rc = ops_export_event_item(ctx, r, first->uid, r->start,
		    r->end, r->occurrence_start, r->status, r->sequence, NULL,
		    NULL, 0, err);
	}
out:
	free(expected);
	free(exdates);
	event_list_free(&rows);
	return rc;
}

/*
 * An occurrence asked for on its own: an event of its own with its own
 * times, under the occurrence's own UID. An override (the series' UID
 * with RECURRENCE-ID) without its series is no event to libical and most
 * clients.
 */
static int
ops_export_occurrence(struct ops_export_ctx *ctx, const struct event *ev,
    struct err *err)
{
	return ops_export_event_item(ctx, ev, ev->uid, ev->start, ev->end, 0,
	    ev->status, ev->sequence, NULL, NULL, 0, err);
}

static int
ops_export_entry(void *arg, const struct event *ev, const struct shift *sh,
    const struct assignment_list *people, struct err *err)
{
	struct ops_export_ctx *ctx = arg;
	struct ics_item item;
	int rc;

	if (sh == NULL && ev->series_id != 0 && ev->rrule != NULL &&
	    ev->id == ev->series_id)
		return ops_export_series(ctx, ev, err);
	if (sh == NULL && ev->series_id != 0 && ev->id != ev->series_id)
		return ctx->event_id == ev->id ?
		    ops_export_occurrence(ctx, ev, err) : 0;
	memset(&item, 0, sizeof item);
	/* What ops_export_summary and ops_export_description make. */
	strbuf_reset(&ctx->summary);
	ops_export_summary_add(&ctx->summary, ev, sh);
	strbuf_reset(&ctx->description);
	ops_export_description_add(&ctx->description, ctx->cfg, ev, people,
	    ctx->volunteer_id);
	ops_export_item(&item, ev, sh);
	item.dtstamp = ctx->now;
	item.summary = strbuf_str(&ctx->summary);
	item.description = strbuf_str(&ctx->description);
	item.reminder = ctx->cfg != NULL ? ctx->cfg->reminder : 0;
	item.organizer = &ctx->organizer;
	rc = ics_writer_add(ctx->w, &item, err);
	ctx->count++;
	return rc;
}

/* The calendar's name: the plan's, and the event's or volunteer's. */
static char *
ops_export_calendar_name(struct store *st, int64_t event_id,
    int64_t volunteer_id, struct err *err)
{
	char *plan = ops_export_plan_name(st), *name = NULL;
	struct event ev;
	struct volunteer v;

	if (event_id != 0) {
		if (store_event_get(st, event_id, &ev, err) == 0)
			name = xasprintf("%s \xe2\x80\x93 %s", plan, ev.title);
		event_fini(&ev);
	} else if (volunteer_id != 0) {
		if (store_volunteer_get(st, volunteer_id, &v, err) == 0)
			name = xasprintf("%s \xe2\x80\x93 %s", plan, v.name);
		volunteer_fini(&v);
	} else
		name = xstrdup(plan);
	free(plan);
	return name;
}

/*
 * What every calendar of the plan shares: the organisation, and the plan
 * as the organizer at a no-reply address. ops_export_ctx_fini frees.
 */
static void
ops_export_ctx_init(struct ops_export_ctx *ctx, struct ics_calendar *cal,
    struct store *st, const struct ops_config *cfg, const char *name,
    const char *vtimezone)
{
	char *domain;

	memset(ctx, 0, sizeof *ctx);
	ctx->st = st;
	ctx->cfg = cfg;
	ctx->now = rtime_now();
	strbuf_init(&ctx->summary);
	strbuf_init(&ctx->description);
	ctx->org_name = ops_export_plan_name(st);
	/*
	 * RFC 5546 wants an ORGANIZER in PUBLISH; a person's address there
	 * makes some apps mail them (ICALENDAR.md 4), so: the plan, no-reply.
	 */
	domain = store_setting_get(st, "uid_domain");
	ctx->org_email = xasprintf("no-reply@%s", domain != NULL &&
	    *domain != '\0' ? domain : "rooster.invalid");
	free(domain);
	ctx->organizer.name = ctx->org_name;
	ctx->organizer.email = ctx->org_email;
	memset(cal, 0, sizeof *cal);
	cal->method = ICS_METHOD_PUBLISH;
	cal->organisation = ctx->org_name;
	cal->name = name;
	cal->zone = rtime_zone();
	cal->vtimezone = vtimezone;
}

static void
ops_export_ctx_fini(struct ops_export_ctx *ctx)
{
	strbuf_fini(&ctx->summary);
	strbuf_fini(&ctx->description);
	free(ctx->org_name);
	free(ctx->org_email);
}

/* ops_export_ics, with the VTIMEZONE text made once for many (or NULL). */
static int
ops_export_calendar(struct store *st, const struct ops_config *cfg,
    int64_t event_id, int64_t volunteer_id, FILE *fp, const char *vtimezone,
    struct err *err);

int
ops_export_ics(struct store *st, const struct ops_config *cfg,
    int64_t event_id, int64_t volunteer_id, FILE *fp, struct err *err)
{
	return ops_export_calendar(st, cfg, event_id, volunteer_id, fp, NULL,
	    err);
}

static int
ops_export_calendar(struct store *st, const struct ops_config *cfg,
    int64_t event_id, int64_t volunteer_id, FILE *fp, const char *vtimezone,
    struct err *err)
{
	struct store_calendar_filter filter = { event_id, volunteer_id };
	struct ops_export_ctx ctx;
	struct ics_calendar cal;
	char *name;
	int rc;

	if ((name = ops_export_calendar_name(st, event_id, volunteer_id,
	    err)) == NULL)
		return -1;
	ops_export_ctx_init(&ctx, &cal, st, cfg, name, vtimezone);
	ctx.event_id = event_id;
	ctx.volunteer_id = volunteer_id;
	rc = ics_writer_open(fp, &cal, &ctx.w, err);
	if (rc == 0)
		rc = store_calendar_each(st, &filter, ops_export_entry, &ctx,
		    err);
	if (rc == 0)
		rc = ics_writer_close(ctx.w, err);
	else
		ics_writer_free(ctx.w);
	free(name);
	ops_export_ctx_fini(&ctx);
	return rc;
}

void
ops_feed_list_free(struct ops_feed_list *list)
{
	size_t i;

	for (i = 0; i < list->len; i++) {
		free(list->items[i].name);
		free(list->items[i].file);
	}
	free(list->items);
	memset(list, 0, sizeof *list);
}

static struct ops_feed *
ops_feed_push(struct ops_feed_list *list)
{
	if (list->len == list->cap) {
		list->cap = list->cap ? list->cap * 2 : 16;
		list->items = xreallocarray(list->items, list->cap,
		    sizeof *list->items);
	}
	memset(&list->items[list->len], 0, sizeof list->items[0]);
	return &list->items[list->len++];
}

int
ops_export_token(struct store *st, int64_t volunteer_id, bool rotate,
    char **token, struct err *err)
{
	char hex[2 * OPS_EXPORT_TOKEN_BYTES + 1];
	int rc;

	*token = NULL;
	if (store_begin_write(st, err) < 0)
		return -1;
	rc = store_calendar_token_get(st, volunteer_id, token, err);
	if (rc == 0 && (*token == NULL || rotate)) {
		random_hex(hex, OPS_EXPORT_TOKEN_BYTES);
		free(*token);
		*token = xstrdup(hex);
		rc = store_calendar_token_set(st, volunteer_id, hex, err);
		if (rc == 0)
			rc = store_log_append(st, rotate ? "token rotate" :
			    "token", "volunteer", volunteer_id, "new feed token",
			    err);
	}
	if (ops_finish(st, rc, err) < 0) {
		free(*token);
		*token = NULL;
		return -1;
	}
	return 0;
}

/* The plan feed's token (a setting), made on first use. */
static int
ops_export_plan_token(struct store *st, char **token, struct err *err)
{
	char hex[2 * OPS_EXPORT_TOKEN_BYTES + 1];
	int rc = 0;

	if ((*token = store_setting_get(st, "feed_token")) != NULL)
		return 0;
	if (store_begin_write(st, err) < 0)
		return -1;
	if ((*token = store_setting_get(st, "feed_token")) == NULL) {
		random_hex(hex, OPS_EXPORT_TOKEN_BYTES);
		*token = xstrdup(hex);
		rc = store_setting_set(st, "feed_token", hex, err);
	}
	if (ops_finish(st, rc, err) < 0) {
		free(*token);
		*token = NULL;
		return -1;
	}
	return 0;
}

/* True if files a and b hold the same bytes except DTSTAMP lines. */
static bool
ops_export_same(const char *a, const char *b)
{
	FILE *fa = fopen(a, "r"), *fb;
	char *la = NULL, *lb = NULL;
	size_t ca = 0, cb = 0;
	ssize_t na, nb;
	bool same = false;

	if (fa == NULL)
		return false;
	if ((fb = fopen(b, "r")) == NULL) {
		fclose(fa);
		return false;
	}
	for (;;) {
		na = getline(&la, &ca, fa);
		nb = getline(&lb, &cb, fb);
		if (na < 0 || nb < 0) {
			same = na < 0 && nb < 0;
			break;
		}
		if (strncmp(la, "DTSTAMP:", 8) == 0 &&
		    strncmp(lb, "DTSTAMP:", 8) == 0)
			continue;
		if (na != nb || memcmp(la, lb, (size_t)na) != 0)
			break;
	}
	free(la);
	free(lb);
	fclose(fa);
	fclose(fb);
	return same;
}

/* True if the file at path holds text's len bytes, DTSTAMP lines aside. */
static bool
ops_export_same_text(const char *text, size_t len, const char *path)
{
	FILE *fp = fopen(path, "r");
	const char *p = text, *end = text + len, *nl;
	char *line = NULL;
	size_t cap = 0, n;
	ssize_t got;
	bool same = fp != NULL;

	while (same) {
		got = getline(&line, &cap, fp);
		if (got < 0 || p >= end) {
			same = got < 0 && p >= end;
			break;
		}
		nl = memchr(p, '\n', (size_t)(end - p));
		n = nl != NULL ? (size_t)(nl - p) + 1 : (size_t)(end - p);
		if (!(strncmp(line, "DTSTAMP:", 8) == 0 && n >= 8 &&
		    strncmp(p, "DTSTAMP:", 8) == 0))
			same = (size_t)got == n && memcmp(line, p, n) == 0;
		p += n;
	}
	free(line);
	if (fp != NULL)
		fclose(fp);
	return same;
}

/*
 * A feed made in memory (text's len bytes) for path: compared with the
 * file (if it may exist), so that an unchanged one costs no temporary file and no fsync; a
 * changed one is left complete in *pending's temporary file, to be
 * synced and renamed into place with the others (pending->path NULL:
 * unchanged).
 */
static int
ops_export_feed_put(const char *path, const char *text, size_t len,
    bool exists, struct file_atomic *pending, const char **result,
    struct err *err)
{
	int rc;

	memset(pending, 0, sizeof *pending);
	if (exists && ops_export_same_text(text, len, path)) {
		*result = "unchanged";
		return 0;
	}
	/* Written, not yet in place: all are synced at once, then renamed. */
	if ((rc = file_atomic_open(pending, path, 0644, err)) < 0)
		return -1;
	if (fwrite(text, 1, len, pending->fp) != len) {
		rc = err_set(err, ERR_IO, _("cannot write %s: %s"), path,
		    strerror(errno));
		file_atomic_abort(pending);
	} else if ((rc = file_atomic_close(pending, err)) == 0)
		*result = "written";
	else
		file_atomic_abort(pending);
	return rc;
}

/* One volunteer's feed, made by its own statement (a few of them). */
static int
ops_export_feed_small(struct store *st, const struct ops_config *cfg,
    const char *dir, const char *file, int64_t volunteer_id,
    const char *vtimezone, struct file_atomic *pending, const char **result,
    struct err *err)
{
	char *path, *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	int rc;

	memset(pending, 0, sizeof *pending);
	if (mem == NULL)
		return err_set(err, ERR_IO, _("out of memory for a calendar"));
	rc = ops_export_calendar(st, cfg, 0, volunteer_id, mem, vtimezone,
	    err);
	if (fclose(mem) != 0 && rc == 0)
		rc = err_set(err, ERR_IO, _("out of memory for a calendar"));
	path = xasprintf("%s/%s", dir, file);
	if (rc == 0)
		rc = ops_export_feed_put(path, buf, len, true, pending, result,
		    err);
	free(path);
	free(buf);
	return rc;
}

/*
 * The plan's feed, written to f's temporary file (rc: how that went):
 * left alone when equal to the file at path, else renamed into place.
 */
static int
ops_export_feed_plan_done(struct file_atomic *f, const char *path, int rc,
    const char **result, struct err *err)
{
	if (rc == 0)
		rc = file_atomic_flush(f, err);
	if (rc == 0 && ops_export_same(f->tmp, path)) {
		*result = "unchanged";
		file_atomic_abort(f);
	} else if (rc == 0) {
		rc = file_atomic_commit(f, false, err);
		*result = "written";
	} else
		file_atomic_abort(f);
	return rc;
}

static int
ops_export_id_cmp(const void *pa, const void *pb)
{
	const int64_t *a = pa, *b = pb;

	return (*a > *b) - (*a < *b);
}

/*
 * The plan's own feed is made event by event, and where each event's
 * VEVENTs lie in the file is kept (feed_state feeds_plan:<dir>): an export
 * after a change copies the bytes of the events it did not touch from
 * the file it wrote last, and makes only the touched events again.
 * Making all 100,000 VEVENTs took a second.
 */
struct ops_export_group {
	int64_t	 event_id;
	long	 off;			/* in the file */
	long	 len;			/* -1: still being written */
};

struct ops_export_plan {
	struct ops_export_ctx	 ctx;
	struct file_atomic	 f;
	struct ops_export_group	*v;	/* the file being written */
	size_t			 len, cap;
	int64_t			 event;	/* whose VEVENTs come now; 0: none */
};

static int
ops_export_plan_open(struct ops_export_plan *p, struct store *st,
    const struct ops_config *cfg, const char *path, const char *vtimezone,
    struct err *err)
{
	struct ics_calendar cal;
	char *name;
	int rc;

	memset(p, 0, sizeof *p);
	/* Feeds are served to calendar apps: readable by the web server. */
	if (file_atomic_open(&p->f, path, 0644, err) < 0)
		return -1;
	name = ops_export_plan_name(st);
	ops_export_ctx_init(&p->ctx, &cal, st, cfg, name, vtimezone);
	if ((rc = ics_writer_open(p->f.fp, &cal, &p->ctx.w, err)) < 0) {
		ops_export_ctx_fini(&p->ctx);
		file_atomic_abort(&p->f);
	}
	free(name);
	return rc;
}

/* Begin event_id's VEVENTs (0: their end) where the file is now. */
static int
ops_export_plan_at(struct ops_export_plan *p, int64_t event_id,
    struct err *err)
{
	struct ops_export_group *g;
	long pos;

	if (ics_writer_put(p->ctx.w, NULL, 0, err) < 0)
		return -1;
	if ((pos = ftell(p->f.fp)) < 0)
		return err_set(err, ERR_IO, _("cannot write %s: %s"),
		    p->f.path, strerror(errno));
	if (p->len > 0 && p->v[p->len - 1].len < 0)
		p->v[p->len - 1].len = pos - p->v[p->len - 1].off;
	if (event_id != 0) {
		g = xarray_push(&p->v, &p->len, &p->cap, sizeof *p->v);
		g->event_id = event_id;
		g->off = pos;
		g->len = -1;
	}
	p->event = event_id;
	return 0;
}

/*
 * Finish the plan's feed (rc: how writing went) and put it in place,
 * unless compare finds it equal to the file there; *index says where
 * its events lie (the caller frees; NULL on failure).
 */
static int
ops_export_plan_close(struct ops_export_plan *p, int rc, bool compare,
    const char **result, char **index, struct err *err)
{
	struct strbuf sb;
	char *path = xstrdup(p->f.path);
	size_t i;

	*index = NULL;
	if (rc == 0)
		rc = ops_export_plan_at(p, 0, err);
	if (rc == 0)
		rc = ics_writer_close(p->ctx.w, err);
	else
		ics_writer_free(p->ctx.w);
	p->ctx.w = NULL;
	ops_export_ctx_fini(&p->ctx);
	if (rc == 0) {
		strbuf_init(&sb);
		for (i = 0; i < p->len; i++)
			strbuf_addf(&sb, "%lld %ld %ld\n",
			    (long long)p->v[i].event_id, p->v[i].off,
			    p->v[i].len);
		*index = strbuf_detach(&sb);
	}
	free(p->v);
	if (compare)
		rc = ops_export_feed_plan_done(&p->f, path, rc, result, err);
	else if (rc == 0 && (rc = file_atomic_commit(&p->f, false, err)) == 0)
		*result = "written";
	else
		file_atomic_abort(&p->f);
	if (rc < 0) {
		free(*index);
		*index = NULL;
	}
	free(path);
	return rc;
}

static int
ops_export_group_cmp(const void *pa, const void *pb)
{
	const struct ops_export_group *a = pa, *b = pb;

	return (a->event_id > b->event_id) - (a->event_id < b->event_id);
}

/* index (ops_export_plan_close's) as groups by event, within size. */
static struct ops_export_group *
ops_export_plan_index(const char *index, long size, size_t *len)
{
	struct ops_export_group *v = NULL, g;
	size_t cap = 0;
	char *end;

	*len = 0;
	/* Lines of three numbers; 10,000 of them, so no sscanf. */
	while (index != NULL && *index != '\0') {
		g.event_id = (int64_t)strtoll(index, &end, 10);
		g.off = end != index ? strtol(end, &end, 10) : -1;
		g.len = g.off >= 0 ? strtol(end, &end, 10) : -1;
		if (*end != '\n')
			break;
		index = end + 1;
		if (g.off < 0 || g.len < 0 || g.off > size - g.len)
			continue;
		*(struct ops_export_group *)xarray_push(&v, len, &cap,
		    sizeof *v) = g;
	}
	xsort(v, *len, sizeof *v, ops_export_group_cmp);
	return v;
}

/*
 * The plan's feed at dir/file made again for the events in changed
 * (ascending), the others' VEVENTs copied from the file as index says
 * they lie; index NULL (or the file unreadable): every event made.
 */
static int
ops_export_plan_patch(struct store *st, const struct ops_config *cfg,
    const char *dir, const char *file, const char *vtimezone,
    const char *index, const int64_t *changed, size_t nchanged,
    char **new_index, const char **result, struct err *err)
{
	struct store_calendar_filter filter = { 0, 0 };
	struct ops_export_plan p;
	struct ops_export_group *old, key, *g;
	char *path = xasprintf("%s/%s", dir, file), *copy = NULL;
	int64_t *ids = NULL;
	size_t nold = 0, nids = 0, i, cap = 0;
	struct stat sb;
	int rc, fd = -1;

	/* The file as written last (its identity was checked). */
	if (index != NULL && (fd = open(path, O_RDONLY | O_CLOEXEC)) >= 0 &&
	    fstat(fd, &sb) < 0) {
		close(fd);
		fd = -1;
	}
	old = ops_export_plan_index(fd >= 0 ? index : NULL, fd >= 0 ?
	    (long)sb.st_size : 0, &nold);
	rc = ops_export_plan_open(&p, st, cfg, path, vtimezone, err);
	if (rc == 0)
		rc = store_calendar_event_order(st, &ids, &nids, err);
	for (i = 0; rc == 0 && i < nids; i++) {
		if ((rc = ops_export_plan_at(&p, ids[i], err)) < 0)
			break;
		key.event_id = ids[i];
		g = xbsearch(&ids[i], changed, nchanged, sizeof *changed,
		    ops_export_id_cmp) == NULL ? xbsearch(&key, old, nold,
		    sizeof *old, ops_export_group_cmp) : NULL;
		if (g != NULL) {
			/* Read a piece at a time: memory stays flat. */
			if ((size_t)g->len > cap)
				copy = xrealloc(copy, cap = (size_t)g->len);
			if (pread(fd, copy, (size_t)g->len, g->off) ==
			    (ssize_t)g->len) {
				rc = ics_writer_put(p.ctx.w, copy,
				    (size_t)g->len, err);
				continue;
			}
		}
		/* As in the walk of the whole plan (no occurrence alone). */
		filter.event_id = ids[i];
		rc = store_calendar_each(st, &filter, ops_export_entry,
		    &p.ctx, err);
	}
	if (p.ctx.w != NULL || rc == 0)
		rc = ops_export_plan_close(&p, rc, false, result, new_index,
		    err);
	if (fd >= 0)
		close(fd);
	free(copy);
	free(ids);
	free(old);
	free(path);
	return rc;
}

/* True if name looks like a feed rooster wrote: [plan-]<32 hex>.ics. */
static bool
ops_export_is_feed(const char *name)
{
	size_t i;

	if (strncmp(name, "plan-", 5) == 0)
		name += 5;
	for (i = 0; i < 2 * OPS_EXPORT_TOKEN_BYTES; i++)
		if (!((name[i] >= '0' && name[i] <= '9') ||
		    (name[i] >= 'a' && name[i] <= 'f')))
			return false;
	return strcmp(name + i, ".ics") == 0;
}

static int
ops_export_name_cmp(const void *pa, const void *pb)
{
	const char *const *a = pa, *const *b = pb;

	return strcmp(*a, *b);
}

/* The names of the files in dir, sorted, into *out (NULL: unreadable). */
static char **
ops_export_dir_names(const char *dir, size_t *len)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char **v = NULL;
	size_t n = 0, cap = 0;

	*len = 0;
	if (d == NULL)
		return NULL;
	while ((de = readdir(d)) != NULL)
		if (ops_export_is_feed(de->d_name))
			*(char **)xarray_push(&v, &n, &cap, sizeof *v) =
			    xstrdup(de->d_name);
	closedir(d);
	xsort(v, n, sizeof *v, ops_export_name_cmp);
	*len = n;
	return v != NULL ? v : xcalloc(1, sizeof *v);
}

static void
ops_export_names_free(char **v, size_t n)
{
	size_t i;

	for (i = 0; v != NULL && i < n; i++)
		free(v[i]);
	free(v);
}

static bool
ops_export_names_has(char *const *v, size_t n, const char *name)
{
	return v != NULL && xbsearch(&name, v, n, sizeof *v,
	    ops_export_name_cmp) != NULL;
}

/*
 * Every volunteer's calendar from one pass: the plan's shifts walked
 * once (writing the plan's feed on the way) and kept with their people,
 * then each volunteer's assignments from one index in volunteer order.
 * A statement per volunteer read their shifts' pages scattered over the
 * file, and the head of each calendar was made anew with libical.
 */
struct ops_export_person {
	int64_t			 volunteer_id;
	const char		*name;		/* borrowed from the feeds */
	enum assignment_status	 status;
};

struct ops_export_row {
	size_t		 event;		/* in events */
	struct shift	 sh;		/* id, uid, sequence, role, times */
	size_t		 first;		/* its people in people */
	size_t		 n;
};

struct ops_export_key {
	int64_t	 id;			/* a volunteer's or a shift's */
	size_t	 at;			/* its place */
};

struct ops_export_all {
	struct store		*st;
	const struct ops_config	*cfg;
	const char		*dir;
	struct ops_feed_list	*out;
	size_t			 first;		/* the plan's item in out */
	struct file_atomic	*pending;	/* by item - first */
	const char		*vtimezone;
	struct ops_export_plan	 plan;		/* the plan's feed */
	struct ops_export_ctx	 one;		/* a volunteer's */
	struct ops_export_key	*volunteers;	/* id -> item in out */
	size_t			 nvolunteers;
	struct event		*events;
	size_t			 nevents, capevents;
	struct ops_export_row	*rows;
	size_t			 nrows, caprows;
	struct ops_export_person *people;
	size_t			 npeople, cappeople;
	struct ops_export_key	*shifts;	/* shift id -> row */
	struct store_calendar_note *notes;	/* by volunteer, shift */
	size_t			 nnotes;
	struct assignment_list	 scratch;	/* one row's people */
	size_t			*ks;		/* one volunteer's rows */
	size_t			 capks;
	bool			*done;		/* by item - first */
	char			**names;	/* the files in dir, sorted */
	size_t			 nnames;
	char			*plan_name;
};

static int
ops_export_key_cmp(const void *pa, const void *pb)
{
	const struct ops_export_key *a = pa, *b = pb;

	return (a->id > b->id) - (a->id < b->id);
}

static int
ops_export_size_cmp(const void *pa, const void *pb)
{
	const size_t *a = pa, *b = pb;

	return (*a > *b) - (*a < *b);
}

static const struct ops_export_key *
ops_export_key_find(const struct ops_export_key *keys, size_t n, int64_t id)
{
	struct ops_export_key k = { id, 0 };

	return xbsearch(&k, keys, n, sizeof *keys, ops_export_key_cmp);
}

/* store_calendar_each: the plan's entry, and the shift kept. */
static int
ops_export_all_entry(void *arg, const struct event *ev,
    const struct shift *sh, const struct assignment_list *people,
    struct err *err)
{
	struct ops_export_all *all = arg;
	struct ops_export_row *r;
	struct ops_export_person *p;
	const struct ops_export_key *v;
	size_t i;

	if (ev->id != all->plan.event &&
	    ops_export_plan_at(&all->plan, ev->id, err) < 0)
		return -1;
	if (ops_export_entry(&all->plan.ctx, ev, sh, people, err) < 0)
		return -1;
	if (sh == NULL)
		return 0;
	if (all->nevents == 0 || all->events[all->nevents - 1].id != ev->id)
		event_dup(xarray_push(&all->events, &all->nevents,
		    &all->capevents, sizeof *all->events), ev);
	r = xarray_push(&all->rows, &all->nrows, &all->caprows,
	    sizeof *all->rows);
	r->event = all->nevents - 1;
	shift_init(&r->sh);
	r->sh.id = sh->id;
	r->sh.event_id = sh->event_id;
	r->sh.uid = xstrdup(sh->uid);
	r->sh.sequence = sh->sequence;
	r->sh.role = xstrdup(sh->role);
	r->sh.start = sh->start;
	r->sh.end = sh->end;
	r->first = all->npeople;
	r->n = people->len;
	for (i = 0; i < people->len; i++) {
		p = xarray_push(&all->people, &all->npeople, &all->cappeople,
		    sizeof *all->people);
		p->volunteer_id = people->items[i].volunteer_id;
		p->status = people->items[i].status;
		v = ops_export_key_find(all->volunteers, all->nvolunteers,
		    p->volunteer_id);
		p->name = v != NULL ? all->out->items[v->at].name : "";
	}
	return 0;
}

/* The note of volunteer_id on shift_id, or NULL. */
static const char *
ops_export_all_note(const struct ops_export_all *all, int64_t volunteer_id,
    int64_t shift_id)
{
	size_t lo = 0, hi = all->nnotes, mid;
	const struct store_calendar_note *n;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		n = &all->notes[mid];
		if (n->volunteer_id < volunteer_id ||
		    (n->volunteer_id == volunteer_id && n->shift_id < shift_id))
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < all->nnotes && all->notes[lo].volunteer_id == volunteer_id &&
	    all->notes[lo].shift_id == shift_id)
		return all->notes[lo].note;
	return NULL;
}

/* Row k's VEVENT in volunteer's calendar, as ops_export_entry makes it. */
static int
ops_export_all_row(struct ops_export_all *all, size_t k,
    int64_t volunteer_id, struct err *err)
{
	const struct ops_export_row *r = &all->rows[k];
	const char *note = ops_export_all_note(all, volunteer_id, r->sh.id);
	struct assignment *a, *self = NULL;
	size_t i;

	all->scratch.len = 0;
	for (i = 0; i < r->n; i++) {
		a = assignment_list_push(&all->scratch);
		a->shift_id = r->sh.id;
		a->volunteer_id = all->people[r->first + i].volunteer_id;
		a->volunteer = (char *)all->people[r->first + i].name;
		a->status = all->people[r->first + i].status;
		if (a->volunteer_id == volunteer_id)
			self = a;
	}
	/* Declined: not among the people, but the note is still theirs. */
	if (self == NULL && note != NULL) {
		self = assignment_list_push(&all->scratch);
		self->volunteer_id = volunteer_id;
		self->volunteer = (char *)"";
	}
	if (self != NULL)
		self->note = (char *)note;
	all->one.volunteer_id = volunteer_id;
	return ops_export_entry(&all->one, &all->events[r->event], &r->sh,
	    &all->scratch, err);
}

/* The calendar of out->items[item] from rows ks (in plan order). */
static int
ops_export_all_one(struct ops_export_all *all, size_t item, const size_t *ks,
    size_t nks, struct err *err)
{
	struct ops_feed *f = &all->out->items[item];
	struct ics_calendar cal;
	char *buf = NULL, *name, *path;
	size_t len = 0, i;
	FILE *mem = open_memstream(&buf, &len);
	int rc;

	if (mem == NULL)
		return err_set(err, ERR_IO, _("out of memory for a calendar"));
	name = xasprintf("%s \xe2\x80\x93 %s", all->plan_name, f->name);
	if (all->one.w == NULL) {
		ops_export_ctx_init(&all->one, &cal, all->st, all->cfg, name,
		    all->vtimezone);
		rc = ics_writer_open(mem, &cal, &all->one.w, err);
	} else
		rc = ics_writer_again(all->one.w, mem, name, err);
	for (i = 0; rc == 0 && i < nks; i++)
		rc = ops_export_all_row(all, ks[i], f->volunteer_id, err);
	if (rc == 0)
		rc = ics_writer_end(all->one.w, err);
	if (fclose(mem) != 0 && rc == 0)
		rc = err_set(err, ERR_IO, _("out of memory for a calendar"));
	path = xasprintf("%s/%s", all->dir, f->file);
	if (rc == 0)
		rc = ops_export_feed_put(path, buf, len,
		    ops_export_names_has(all->names, all->nnames, f->file),
		    &all->pending[item - all->first], &f->result, err);
	all->done[item - all->first] = true;
	free(path);
	free(name);
	free(buf);
	return rc;
}

/* store_calendar_by_volunteer: one volunteer's calendar. */
static int
ops_export_all_volunteer(void *arg, int64_t volunteer_id,
    const int64_t *shift_ids, size_t n, struct err *err)
{
	struct ops_export_all *all = arg;
	const struct ops_export_key *v, *sh;
	size_t i, nks = 0;

	v = ops_export_key_find(all->volunteers, all->nvolunteers,
	    volunteer_id);
	if (v == NULL)
		return 0;
	if (n > all->capks) {
		all->capks = n;
		all->ks = xreallocarray(all->ks, n, sizeof *all->ks);
	}
	for (i = 0; i < n; i++)
		if ((sh = ops_export_key_find(all->shifts, all->nrows,
		    shift_ids[i])) != NULL)
			all->ks[nks++] = sh->at;
	xsort(all->ks, nks, sizeof *all->ks, ops_export_size_cmp);
	return ops_export_all_one(all, v->at, all->ks, nks, err);
}

static void
ops_export_all_fini(struct ops_export_all *all)
{
	size_t i;

	for (i = 0; i < all->nevents; i++)
		event_fini(&all->events[i]);
	for (i = 0; i < all->nrows; i++)
		shift_fini(&all->rows[i].sh);
	free(all->events);
	free(all->rows);
	free(all->people);
	free(all->shifts);
	free(all->volunteers);
	free(all->scratch.items);
	free(all->ks);
	free(all->done);
	free(all->plan_name);
	ops_export_names_free(all->names, all->nnames);
	store_calendar_notes_free(all->notes, all->nnotes);
	ics_writer_free(all->one.w);
	ops_export_ctx_fini(&all->one);
}

/*
 * Every feed in out from first on (the plan's, then the volunteers'),
 * each compared with its file: the changed ones left in pending, the
 * plan's put in place with *plan_index saying where its events lie.
 */
static int
ops_export_feeds_all(struct store *st, const struct ops_config *cfg,
    const char *dir, struct ops_feed_list *out, size_t first,
    const char *vtimezone, struct file_atomic *pending, char **plan_index,
    struct err *err)
{
	struct ops_export_all all = { .st = st, .cfg = cfg, .dir = dir,
	    .out = out, .first = first, .pending = pending,
	    .vtimezone = vtimezone };
	char *path;
	size_t i;
	int rc;

	all.plan_name = ops_export_plan_name(st);
	/* A file not there (a first export) is not opened to compare. */
	all.names = ops_export_dir_names(dir, &all.nnames);
	all.done = xcalloc(out->len - first + 1, sizeof *all.done);
	all.nvolunteers = out->len - first - 1;
	all.volunteers = xcalloc(all.nvolunteers + 1, sizeof *all.volunteers);
	for (i = 0; i < all.nvolunteers; i++) {
		all.volunteers[i].id = out->items[first + 1 + i].volunteer_id;
		all.volunteers[i].at = first + 1 + i;
	}
	xsort(all.volunteers, all.nvolunteers, sizeof *all.volunteers,
	    ops_export_key_cmp);

	/* The plan's feed, while its shifts are read. */
	path = xasprintf("%s/%s", dir, out->items[first].file);
	rc = ops_export_plan_open(&all.plan, st, cfg, path, vtimezone, err);
	free(path);
	if (rc < 0) {
		ops_export_all_fini(&all);
		return -1;
	}
	rc = store_calendar_each(st, NULL, ops_export_all_entry, &all, err);
	rc = ops_export_plan_close(&all.plan, rc, true,
	    &out->items[first].result, plan_index, err);
	all.done[0] = true;

	/* Then each volunteer's, from the rows kept. */
	all.shifts = xcalloc(all.nrows + 1, sizeof *all.shifts);
	for (i = 0; i < all.nrows; i++) {
		all.shifts[i].id = all.rows[i].sh.id;
		all.shifts[i].at = i;
	}
	xsort(all.shifts, all.nrows, sizeof *all.shifts, ops_export_key_cmp);
	if (rc == 0)
		rc = store_calendar_notes(st, &all.notes, &all.nnotes, err);
	if (rc == 0)
		rc = store_calendar_by_volunteer(st, ops_export_all_volunteer,
		    &all, err);
	/* Those without shifts: a calendar with none. */
	for (i = first + 1; rc == 0 && i < out->len; i++)
		if (!all.done[i - first])
			rc = ops_export_all_one(&all, i, NULL, 0, err);
	ops_export_all_fini(&all);
	return rc;
}

/*
 * What a directory's feeds were made from besides the plan's rows: the
 * plan's name, domain and zone, the coordinator, the reminder, the
 * VTIMEZONE and this rooster. Another value means a full export.
 */
static char *
ops_export_fingerprint(struct store *st, const struct ops_config *cfg,
    const char *vtimezone)
{
	char *name = ops_export_plan_name(st);
	char *domain = store_setting_get(st, "uid_domain");
	const char *parts[8];
	char reminder[32];
	uint64_t h = UINT64_C(14695981039346656037);
	const unsigned char *p;
	size_t i;

	snprintf(reminder, sizeof reminder, "%d",
	    cfg != NULL ? cfg->reminder : 0);
	parts[0] = name;
	parts[1] = domain;
	parts[2] = rtime_zone();
	parts[3] = vtimezone;
	parts[4] = cfg != NULL ? cfg->name : NULL;
	parts[5] = cfg != NULL ? cfg->email : NULL;
	parts[6] = ROOSTER_VERSION;
	parts[7] = reminder;
	/* FNV-1a, each part ended by a byte no text holds. */
	for (i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		for (p = (const unsigned char *)(parts[i] != NULL ? parts[i] :
		    ""); *p != '\0'; p++)
			h = (h ^ *p) * UINT64_C(1099511628211);
		h = (h ^ 0xff) * UINT64_C(1099511628211);
	}
	free(name);
	free(domain);
	return xasprintf("%016llx", (unsigned long long)h);
}

/* The plan feed's file as found: its identity in the state line. */
static char *
ops_export_file_id(const char *dir, const char *file)
{
	char *path = xasprintf("%s/%s", dir, file);
	struct stat sb;
	char *id;

	if (stat(path, &sb) != 0)
		id = xstrdup("none");
	else
		id = xasprintf("%llu:%lld:%lld.%09ld",
		    (unsigned long long)sb.st_ino, (long long)sb.st_size,
		    (long long)sb.st_mtim.tv_sec, (long)sb.st_mtim.tv_nsec);
	free(path);
	return id;
}


/*
 * The feeds to make again since the directory's last export, from the
 * feed marks: build[i] for out item first + i. False (a full export)
 * when the directory's state is unknown or another's: no state, another
 * fingerprint, the plan's file not the one written last, the directory
 * changed since (a file removed or added, another plan's export, this
 * plan restored from a backup), or too many to make.
 * *seq: the highest mark the directory's feeds were made with.
 */
static bool
ops_export_feeds_since(struct store *st, const char *dir,
    const char *state, const char *fingerprint, struct ops_feed_list *out,
    size_t first, bool *build, int64_t *seq, struct err *err)
{
	char fp[32], fid[128], did[128], *now_fid, *now_did;
	long long since;
	int64_t *vids = NULL;
	size_t nvids = 0, i, n = 0;
	bool plan, ok;

	if (state == NULL || sscanf(state, "%lld %31s %127s %127s", &since,
	    fp, fid, did) != 4 || strcmp(fp, fingerprint) != 0)
		return false;
	now_fid = ops_export_file_id(dir, out->items[first].file);
	now_did = ops_export_file_id(dir, ".");
	ok = strcmp(now_fid, fid) == 0 && strcmp(now_did, did) == 0;
	free(now_fid);
	free(now_did);
	if (!ok || store_calendar_marks_since(st, (int64_t)since, &vids,
	    &nvids, &plan, err) < 0)
		return false;
	*seq = (int64_t)since;
	build[0] = plan;
	for (i = first + 1; i < out->len; i++) {
		build[i - first] = xbsearch(&out->items[i].volunteer_id, vids,
		    nvids, sizeof *vids, ops_export_id_cmp) != NULL;
		n += build[i - first];
	}
	free(vids);
	/* Past a quarter of them, one pass over all is cheaper. */
	return n <= (out->len - first) / 4 + 16;
}

/*
 * Remove the feeds this plan wrote in dir before that it does not write
 * now (rotated tokens, deleted volunteers), then remember the ones it
 * wrote now and the state they were made in (feed_state feeds_at:<dir>),
 * with where the plan feed's events lie if it was written (feeds_plan).
 * The list is the plan's own (feed_state feeds_in:<dir>), so the files of
 * other plans sharing dir, and any other file, are left alone.
 */
static int
ops_export_prune(struct store *st, const char *dir,
    struct ops_feed_list *out, size_t first, const char *state,
    const char *plan_index, struct err *err)
{
	struct strbuf now;
	struct ops_feed *f;
	char *real, *key, *at_key, *plan_key, *before, *name, *next, *path;
	char *did, *at;
	char **files;
	size_t i, n = out->len;
	bool same;
	int rc;

	real = realpath(dir, NULL);
	key = xasprintf("feeds_in:%s", real != NULL ? real : dir);
	at_key = xasprintf("feeds_at:%s", real != NULL ? real : dir);
	plan_key = xasprintf("feeds_plan:%s", real != NULL ? real : dir);
	free(real);
	strbuf_init(&now);
	for (i = first; i < n; i++)
		strbuf_addf(&now, "%s\n", out->items[i].file);
	before = store_keyed_get(st, STORE_FEED_STATE, key);
	/* The same files as last time: none to remove. */
	same = before != NULL && strcmp(before, strbuf_str(&now)) == 0;
	files = xcalloc(n - first + 1, sizeof *files);
	for (i = first; i < n && !same; i++)
		files[i - first] = out->items[i].file;
	if (!same)
		xsort(files, n - first, sizeof *files, ops_export_name_cmp);
	for (name = same ? NULL : before; name != NULL && *name != '\0';
	    name = next) {
		if ((next = strchr(name, '\n')) != NULL)
			*next++ = '\0';
		else
			next = name + strlen(name);
		if (!ops_export_is_feed(name) ||
		    ops_export_names_has(files, n - first, name))
			continue;
		path = xasprintf("%s/%s", dir, name);
		if (unlink(path) == 0) {
			f = ops_feed_push(out);
			f->name = xstrdup("");
			f->file = xstrdup(name);
			f->result = "removed";
		}
		free(path);
	}
	/* The directory as this export leaves it, removals done. */
	did = ops_export_file_id(dir, ".");
	at = state != NULL ? xasprintf("%s %s", state, did) : NULL;
	free(did);
	if ((rc = store_begin_write(st, err)) == 0) {
		if (!same)
			rc = store_keyed_set(st, STORE_FEED_STATE, key,
			    strbuf_str(&now), err);
		if (rc == 0 && at != NULL)
			rc = store_keyed_set(st, STORE_FEED_STATE, at_key,
			    at, err);
		if (rc == 0 && plan_index != NULL)
			rc = store_keyed_set(st, STORE_FEED_STATE, plan_key,
			    plan_index, err);
		rc = ops_finish(st, rc, err);
	}
	free(before);
	free(files);
	strbuf_fini(&now);
	free(at);
	free(key);
	free(at_key);
	free(plan_key);
	return rc;
}

/*
 * The volunteers' feeds, by name, after the plan's in out; tokens made
 * first for those who lack one, all in one transaction. Leaves a read
 * transaction open in which the list was read.
 */
static int
ops_export_feeds_list(struct store *st, struct ops_feed_list *out,
    struct err *err)
{
	struct store_feed *vols = NULL;
	struct ops_feed *f;
	char hex[2 * OPS_EXPORT_TOKEN_BYTES + 1];
	size_t i, nvols = 0;
	bool lacking = false;
	int rc;

	if ((rc = store_begin_read(st, err)) == 0 &&
	    (rc = store_calendar_feeds(st, &vols, &nvols, err)) == 0)
		for (i = 0; i < nvols && !lacking; i++)
			lacking = vols[i].token == NULL;
	if (rc == 0 && lacking) {
		store_rollback(st);
		if ((rc = store_begin_write(st, err)) < 0) {
			store_feed_free(vols, nvols);
			return -1;
		}
		/* Again inside the transaction: another run may have been. */
		store_feed_free(vols, nvols);
		rc = store_calendar_feeds(st, &vols, &nvols, err);
		for (i = 0; rc == 0 && i < nvols; i++) {
			if (vols[i].token != NULL)
				continue;
			random_hex(hex, OPS_EXPORT_TOKEN_BYTES);
			vols[i].token = xstrdup(hex);
			rc = store_calendar_token_set(st, vols[i].volunteer_id,
			    hex, err);
			if (rc == 0)
				rc = store_log_append(st, "token", "volunteer",
				    vols[i].volunteer_id, "new feed token",
				    err);
		}
		if (ops_finish(st, rc, err) < 0)
			rc = -1;
		/* What is exported is read in one transaction. */
		store_feed_free(vols, nvols);
		vols = NULL;
		nvols = 0;
		if (rc == 0 && (rc = store_begin_read(st, err)) == 0)
			rc = store_calendar_feeds(st, &vols, &nvols, err);
	}
	for (i = 0; rc == 0 && i < nvols; i++) {
		f = ops_feed_push(out);
		f->volunteer_id = vols[i].volunteer_id;
		f->name = xstrdup(vols[i].name);
		f->file = xasprintf("%s.ics", vols[i].token);
	}
	store_feed_free(vols, nvols);
	return rc;
}

int
ops_export_feeds(struct store *st, const struct ops_config *cfg,
    const char *dir, struct ops_feed_list *out, struct err *err)
{
	struct file_atomic *pending = NULL;
	char *vtimezone = NULL, *fingerprint = NULL, *state = NULL;
	char *real, *key, *fid, *token = NULL, *plan_index = NULL;
	char *index = NULL;
	time_t now = (time_t)rtime_now();
	struct tm tm;
	struct ops_feed *f;
	int64_t top = 0, since = 0, *events = NULL;
	size_t i, n, nevents = 0, first = out->len;
	bool *build = NULL, full = true;
	int rc;

	/* Feeds are served to calendar apps: the umask decides. */
	if (file_dir_ensure(dir, 0777, err) < 0)
		return -1;
	/* First, so that a zone or libical that fails makes no tokens. */
	gmtime_r(&now, &tm);
	if ((vtimezone = ics_zone_vtimezone(rtime_zone(),
	    tm.tm_year + 1900 - 1, err)) == NULL)
		return -1;
	rc = ops_export_plan_token(st, &token, err);
	if (rc == 0) {
		f = ops_feed_push(out);
		f->name = ops_export_plan_name(st);
		f->file = xasprintf("plan-%s.ics", token);
	}
	free(token);
	/* One read from here: the list, the marks and every calendar. */
	if (rc == 0)
		rc = ops_export_feeds_list(st, out, err);
	if (rc == 0)
		rc = store_calendar_marks_top(st, &top, err);
	pending = xcalloc(out->len - first + 1, sizeof *pending);
	build = xcalloc(out->len - first + 1, sizeof *build);
	real = realpath(dir, NULL);
	if (rc == 0) {
		fingerprint = ops_export_fingerprint(st, cfg, vtimezone);
		key = xasprintf("feeds_at:%s", real != NULL ? real : dir);
		state = store_keyed_get(st, STORE_FEED_STATE, key);
		free(key);
		full = !ops_export_feeds_since(st, dir, state, fingerprint,
		    out, first, build, &since, err);
		free(state);
		state = NULL;
	}
	/*
	 * A full export: one pass over everything. Else only the feeds the
	 * marks name, each by its own statement, and the plan's patched;
	 * the rest are as they were.
	 */
	if (rc == 0 && full)
		rc = ops_export_feeds_all(st, cfg, dir, out, first, vtimezone,
		    pending, &plan_index, err);
	if (rc == 0 && !full && build[0]) {
		key = xasprintf("feeds_plan:%s", real != NULL ? real : dir);
		index = store_keyed_get(st, STORE_FEED_STATE, key);
		free(key);
		rc = store_calendar_marks_events(st, since, &events, &nevents,
		    err);
		if (rc == 0)
			rc = ops_export_plan_patch(st, cfg, dir,
			    out->items[first].file, vtimezone, index, events,
			    nevents, &plan_index, &out->items[first].result,
			    err);
		free(index);
		free(events);
	} else if (rc == 0 && !full)
		out->items[first].result = "unchanged";
	for (i = first + 1; rc == 0 && !full && i < out->len; i++) {
		if (build[i - first])
			rc = ops_export_feed_small(st, cfg, dir,
			    out->items[i].file, out->items[i].volunteer_id,
			    vtimezone, &pending[i - first],
			    &out->items[i].result, err);
		else
			out->items[i].result = "unchanged";
	}
	free(real);
	free(vtimezone);
	free(build);
	/*
	 * The changed feeds are complete in their temporary files: one sync
	 * makes them durable, then each is renamed into place (a reader
	 * sees the old file or the new one, never part of one).
	 */
	for (n = 0, i = first; i < out->len; i++)
		n += pending[i - first].path != NULL;
	if (rc == 0 && n > 0)
		sync();
	for (i = first; i < out->len; i++) {
		if (pending[i - first].path == NULL)
			continue;
		if (rc == 0)
			rc = file_atomic_commit(&pending[i - first], false,
			    err);
		else
			file_atomic_abort(&pending[i - first]);
	}
	free(pending);
	store_rollback(st);
	/* The state the directory is in now, for the next export. */
	if (rc == 0) {
		fid = ops_export_file_id(dir, out->items[first].file);
		state = xasprintf("%lld %s %s", (long long)top, fingerprint,
		    fid);
		free(fid);
		rc = ops_export_prune(st, dir, out, first, state, plan_index,
		    err);
	}
	free(plan_index);
	free(state);
	free(fingerprint);
	return rc;
}
