/* SPDX-License-Identifier: ISC */
/*
 * Calendars to read: `export ics` streams the plan (or one event, or one
 * volunteer's shifts) as METHOD:PUBLISH; `export feeds` writes one such
 * file per volunteer under an unguessable token plus one for the plan,
 * replacing a file only when its content changed. UIDs are the shifts'
 * own, the same as in invites, so nobody sees a shift twice.
 */
#include "rooster/ops.h"

#include <errno.h>
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
	item.uid = uid;
	item.sequence = sequence;
	item.dtstamp = ctx->now;
	item.start = start;
	item.end = end;
	item.recurrence_id = recurrence_id;
	item.all_day = ev->all_day;
	item.summary = ev->title;
	item.location = ev->location;
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
	item.uid = sh != NULL ? sh->uid : ev->uid;
	item.sequence = sh != NULL ? sh->sequence : ev->sequence;
	item.dtstamp = ctx->now;
	item.start = sh != NULL ? sh->start : ev->start;
	item.end = sh != NULL ? sh->end : ev->end;
	item.all_day = ops_export_all_day(ev, sh);
	item.summary = strbuf_str(&ctx->summary);
	item.location = ev->location;
	item.description = strbuf_str(&ctx->description);
	item.status = ev->status;
	/* A shift is one dated slot; only an event alone repeats. */
	item.rrule = sh == NULL ? ev->rrule : NULL;
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
	char *name, *org, *domain, *noreply;
	int rc;

	if ((name = ops_export_calendar_name(st, event_id, volunteer_id,
	    err)) == NULL)
		return -1;
	org = ops_export_plan_name(st);
	/*
	 * RFC 5546 wants an ORGANIZER in PUBLISH; a person's address there
	 * makes some apps mail them (ICALENDAR.md 4), so: the plan, no-reply.
	 */
	domain = store_setting_get(st, "uid_domain");
	noreply = xasprintf("no-reply@%s", domain != NULL && *domain != '\0' ?
	    domain : "rooster.invalid");
	free(domain);
	memset(&cal, 0, sizeof cal);
	cal.method = ICS_METHOD_PUBLISH;
	cal.organisation = org;
	cal.name = name;
	cal.zone = rtime_zone();
	cal.vtimezone = vtimezone;
	memset(&ctx, 0, sizeof ctx);
	ctx.st = st;
	ctx.event_id = event_id;
	ctx.cfg = cfg;
	ctx.volunteer_id = volunteer_id;
	ctx.now = rtime_now();
	ctx.organizer.name = org;
	ctx.organizer.email = noreply;
	strbuf_init(&ctx.summary);
	strbuf_init(&ctx.description);
	rc = ics_writer_open(fp, &cal, &ctx.w, err);
	if (rc == 0)
		rc = store_calendar_each(st, &filter, ops_export_entry, &ctx,
		    err);
	if (rc == 0)
		rc = ics_writer_close(ctx.w, err);
	else
		ics_writer_free(ctx.w);
	strbuf_fini(&ctx.summary);
	strbuf_fini(&ctx.description);
	free(name);
	free(org);
	free(noreply);
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
 * One volunteer's feed: made in memory and compared with the file, so
 * that an unchanged one costs no temporary file and no fsync; a changed
 * one is left complete in *pending's temporary file, to be synced and
 * renamed into place with the others (pending->path NULL: unchanged).
 */
static int
ops_export_feed_small(struct store *st, const struct ops_config *cfg,
    const char *path, int64_t volunteer_id, const char *vtimezone,
    struct file_atomic *pending, const char **result, struct err *err)
{
	char *buf = NULL;
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
	if (rc == 0 && ops_export_same_text(buf, len, path)) {
		*result = "unchanged";
		free(buf);
		return 0;
	}
	/* Written, not yet in place: all are synced at once, then renamed. */
	if (rc == 0 && (rc = file_atomic_open(pending, path, 0644, err)) == 0) {
		if (fwrite(buf, 1, len, pending->fp) != len) {
			rc = err_set(err, ERR_IO, _("cannot write %s: %s"),
			    path, strerror(errno));
			file_atomic_abort(pending);
		} else if ((rc = file_atomic_close(pending, err)) == 0)
			*result = "written";
		else
			file_atomic_abort(pending);
	}
	free(buf);
	return rc;
}

/*
 * Write one feed to dir/file through a temporary file; leave an equal
 * file alone. *result says which.
 */
static int
ops_export_feed_file(struct store *st, const struct ops_config *cfg,
    const char *dir, const char *file, int64_t volunteer_id,
    const char *vtimezone, struct file_atomic *pending, const char **result,
    struct err *err)
{
	struct file_atomic f;
	char *path = xasprintf("%s/%s", dir, file);
	int rc;

	if (volunteer_id != 0) {
		rc = ops_export_feed_small(st, cfg, path, volunteer_id,
		    vtimezone, pending, result, err);
		free(path);
		return rc;
	}

	/* Feeds are served to calendar apps: readable by the web server. */
	if (file_atomic_open(&f, path, 0644, err) < 0) {
		free(path);
		return -1;
	}
	rc = ops_export_calendar(st, cfg, 0, volunteer_id, f.fp, vtimezone,
	    err);
	if (rc == 0)
		rc = file_atomic_flush(&f, err);
	if (rc == 0 && ops_export_same(f.tmp, path)) {
		*result = "unchanged";
		file_atomic_abort(&f);
	} else if (rc == 0) {
		rc = file_atomic_commit(&f, false, err);
		*result = "written";
	} else
		file_atomic_abort(&f);
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

/*
 * Remove the feeds this plan wrote in dir before that it does not write
 * now (rotated tokens, deleted volunteers), then remember the ones it
 * wrote now. The list is the plan's own (setting feeds_in:<dir>), so the
 * files of other plans sharing dir, and any other file, are left alone.
 */
static int
ops_export_prune(struct store *st, const char *dir,
    struct ops_feed_list *out, size_t first, struct err *err)
{
	struct strbuf now;
	struct ops_feed *f;
	char *real, *key, *before, *name, *next, *path;
	size_t i, n = out->len;
	bool keep;
	int rc;

	real = realpath(dir, NULL);
	key = xasprintf("feeds_in:%s", real != NULL ? real : dir);
	free(real);
	before = store_setting_get(st, key);
	for (name = before; name != NULL && *name != '\0'; name = next) {
		if ((next = strchr(name, '\n')) != NULL)
			*next++ = '\0';
		else
			next = name + strlen(name);
		if (!ops_export_is_feed(name))
			continue;
		keep = false;
		for (i = first; i < n && !keep; i++)
			keep = strcmp(out->items[i].file, name) == 0;
		if (keep)
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
	free(before);
	strbuf_init(&now);
	for (i = first; i < n; i++)
		strbuf_addf(&now, "%s\n", out->items[i].file);
	if ((rc = store_begin_write(st, err)) == 0)
		rc = ops_finish(st, store_setting_set(st, key,
		    strbuf_str(&now), err), err);
	strbuf_fini(&now);
	free(key);
	return rc;
}

int
ops_export_feeds(struct store *st, const struct ops_config *cfg,
    const char *dir, struct ops_feed_list *out, struct err *err)
{
	struct store_feed *vols = NULL;
	struct file_atomic *pending = NULL;
	char *vtimezone = NULL;
	time_t now = (time_t)rtime_now();
	struct tm tm;
	struct ops_feed *f;
	char *token = NULL, hex[2 * OPS_EXPORT_TOKEN_BYTES + 1];
	size_t i, n, nvols = 0, first = out->len;
	bool lacking = false;
	int rc;

	/* Feeds are served to calendar apps: the umask decides. */
	if (file_dir_ensure(dir, 0777, err) < 0)
		return -1;
	/* Tokens first: those who lack one get it, all in one transaction. */
	rc = ops_export_plan_token(st, &token, err);
	if (rc == 0) {
		f = ops_feed_push(out);
		f->name = ops_export_plan_name(st);
		f->file = xasprintf("plan-%s.ics", token);
	}
	free(token);
	if (rc == 0 && (rc = store_calendar_feeds(st, &vols, &nvols,
	    err)) == 0)
		for (i = 0; i < nvols && !lacking; i++)
			lacking = vols[i].token == NULL;
	if (rc == 0 && lacking && (rc = store_begin_write(st, err)) == 0) {
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
	}
	for (i = 0; rc == 0 && i < nvols; i++) {
		f = ops_feed_push(out);
		f->volunteer_id = vols[i].volunteer_id;
		f->name = xstrdup(vols[i].name);
		f->file = xasprintf("%s.ics", vols[i].token);
	}
	store_feed_free(vols, nvols);
	if (rc == 0)
		rc = store_begin_read(st, err);
	/*
	 * One read: every volunteer's name once, and the VTIMEZONE once,
	 * for all the calendars.
	 */
	if (rc == 0)
		rc = store_calendar_names_keep(st, true, err);
	if (rc == 0) {
		gmtime_r(&now, &tm);
		vtimezone = ics_zone_vtimezone(rtime_zone(),
		    tm.tm_year + 1900 - 1, err);
		rc = vtimezone != NULL ? 0 : -1;
	}
	pending = xcalloc(out->len - first + 1, sizeof *pending);
	for (i = first; rc == 0 && i < out->len; i++)
		rc = ops_export_feed_file(st, cfg, dir, out->items[i].file,
		    out->items[i].volunteer_id, vtimezone, &pending[i - first],
		    &out->items[i].result, err);
	free(vtimezone);
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
	store_calendar_names_keep(st, false, NULL);
	store_rollback(st);
	if (rc == 0)
		rc = ops_export_prune(st, dir, out, first, err);
	return rc;
}
