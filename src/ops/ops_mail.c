/* SPDX-License-Identifier: ISC */
/*
 * Replies straight from the mailbox: one message (.eml or standard
 * input), an mbox file, or a Maildir's new/ and cur/. Each calendar part
 * a message holds (found by ics_mime_read) goes through the same import
 * as `import ics`, checked against the message's sender, in its own
 * transaction; a Maildir message that held one is then marked seen
 * (":2,S", moved to cur/). Other mail is never touched, and a second run
 * finds every reply recorded already, so it changes nothing.
 */
#include "rooster/ops.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rooster/ics.h"
#include "ops_int.h"

enum ops_mail_kind {
	OPS_MAIL_MESSAGE,	/* one message, a file or stdin */
	OPS_MAIL_MBOX,
	OPS_MAIL_MAILDIR
};

struct ops_mail_ctx {
	struct store		*st;
	struct ops_mail_result	*out;
	const char		*label;		/* the message, for rows */
	bool			 mbox;
	bool			 calendar;	/* the message held one */
	struct ops_ics_result	 offers;	/* accepted offers, settled
						   once every message is read */
};

void
ops_mail_result_free(struct ops_mail_result *res)
{
	size_t i;

	for (i = 0; i < res->len; i++) {
		free(res->rows[i].message);
		free(res->rows[i].from);
		free(res->rows[i].shift);
		free(res->rows[i].volunteer);
		free(res->rows[i].result);
	}
	free(res->rows);
	memset(res, 0, sizeof *res);
}

/* The message's name in rows: the file, "FILE #N" in an mbox. */
static char *
ops_mail_label(const struct ops_mail_ctx *ctx, const struct ics_mime_message *m)
{
	return ctx->mbox ? xasprintf("%s #%ld", ctx->label, m->index) :
	    xstrdup(ctx->label);
}

static struct ops_mail_row *
ops_mail_row(struct ops_mail_ctx *ctx, const struct ics_mime_message *m,
    const char *from, char *result)
{
	struct ops_mail_result *out = ctx->out;
	struct ops_mail_row *r;

	r = xarray_push(&out->rows, &out->len, &out->cap, sizeof *r);
	r->message = ops_mail_label(ctx, m);
	r->from = xstrdup(from != NULL ? from : "");
	r->result = result;
	return r;
}

/* One calendar part through the shared import; rows for what it did. */
static int
ops_mail_part(struct ops_mail_ctx *ctx, const struct ics_mime_message *m,
    const struct ics_mime_part *p, struct err *err)
{
	struct ops_ics_result res;
	size_t moved;
	struct ops_mail_row *r;
	struct err e;
	FILE *fp;
	size_t i;
	int rc;

	if (p->problem != NULL) {
		ops_mail_row(ctx, m, p->from, xstrdup(p->problem));
		ctx->out->unusable++;
		return 0;
	}
	if (p->len == 0 || (fp = fmemopen((void *)p->data, p->len,
	    "r")) == NULL) {
		ops_mail_row(ctx, m, p->from, xstrdup(_("empty calendar "
		    "part")));
		ctx->out->unusable++;
		return 0;
	}
	memset(&res, 0, sizeof res);
	res.defer_offers = true;
	err_clear(&e);
	rc = ops_ics_import_from(ctx->st, fp, p->from, &res, &e);
	fclose(fp);
	if (rc < 0 && e.code != ERR_INVALID) {
		if (err != NULL)
			*err = e;
		ops_ics_result_fini(&res);
		return -1;
	}
	if (rc < 0) {
		/* Malformed: nothing of it was imported; say why. */
		ops_mail_row(ctx, m, p->from, xstrdup(e.msg));
		ctx->out->unusable++;
		ops_ics_result_fini(&res);
		return 0;
	}
	for (i = 0; i < res.nanswers; i++) {
		r = ops_mail_row(ctx, m, p->from, xstrdup(res.answers[i].already ?
		    _("already recorded") : _("applied")));
		r->shift_id = res.answers[i].shift_id;
		r->shift = xstrdup(res.answers[i].shift);
		r->start = res.answers[i].start;
		r->volunteer = xstrdup(res.answers[i].volunteer);
		r->status = assignment_status_name(res.answers[i].status);
	}
	for (i = 0; i < res.nbusy; i++) {
		r = ops_mail_row(ctx, m, p->from, xasprintf(ngettext("%zu "
		    "unavailable period from their own calendar", "%zu "
		    "unavailable periods from their own calendar",
		    (unsigned long)res.busy[i].periods), res.busy[i].periods));
		r->volunteer = xstrdup(res.busy[i].volunteer);
	}
	for (i = 0; i < res.nnotes; i++) {
		ops_mail_row(ctx, m, p->from, xstrdup(res.notes[i]));
		ctx->out->unusable++;
	}
	/* Accepted offers wait for the others, in arrival order. */
	for (i = 0; i < res.noffers; i++) {
		ctx->offers.offers = xreallocarray(ctx->offers.offers,
		    ctx->offers.noffers + 1, sizeof *ctx->offers.offers);
		ctx->offers.offers[ctx->offers.noffers] = res.offers[i];
		ctx->offers.offers[ctx->offers.noffers].order =
		    (long)ctx->offers.noffers;
		ctx->offers.offers[ctx->offers.noffers].label =
		    ops_mail_label(ctx, m);
		ctx->offers.noffers++;
	}
	moved = res.noffers;
	if (res.noffers > 0) {
		free(res.offers);	/* the strings moved */
		res.offers = NULL;
		res.noffers = 0;
	}
	if (res.added + res.updated > 0)
		ops_mail_row(ctx, m, p->from, xasprintf(_("%zu events added, "
		    "%zu updated"), res.added, res.updated));
	else if (res.nanswers + res.nnotes + res.nbusy + moved == 0)
		ops_mail_row(ctx, m, p->from, xstrdup(_("nothing new")));
	ctx->out->replies += res.replies;
	ops_ics_result_fini(&res);
	return 0;
}

/* Are two calendar parts the same text, line ends and trailing space aside? */
static bool
ops_mail_same(const struct ics_mime_part *a, const struct ics_mime_part *b)
{
	size_t i = 0, j = 0, alen = a->len, blen = b->len;

	if (strcmp(a->from, b->from) != 0)
		return false;
	while (alen > 0 && strchr(" \t\r\n", a->data[alen - 1]) != NULL)
		alen--;
	while (blen > 0 && strchr(" \t\r\n", b->data[blen - 1]) != NULL)
		blen--;
	for (;;) {
		while (i < alen && a->data[i] == '\r')
			i++;
		while (j < blen && b->data[j] == '\r')
			j++;
		if (i == alen || j == blen)
			return i == alen && j == blen;
		if (a->data[i++] != b->data[j++])
			return false;
	}
}

static int
ops_mail_message(void *arg, const struct ics_mime_message *m,
    struct err *err)
{
	struct ops_mail_ctx *ctx = arg;
	size_t i, j;

	ctx->out->messages++;
	if (m->problem != NULL) {
		ops_mail_row(ctx, m, m->from, xstrdup(m->problem));
		ctx->out->unusable++;
		return 0;
	}
	if (m->nparts == 0)
		return 0;
	ctx->calendar = true;
	ctx->out->calendars++;
	for (i = 0; i < m->nparts; i++) {
		/* Gmail and others send the same calendar twice. */
		for (j = 0; j < i; j++)
			if (ops_mail_same(&m->parts[j], &m->parts[i]))
				break;
		if (j < i)
			continue;
		if (ops_mail_part(ctx, m, &m->parts[i], err) < 0)
			return -1;
	}
	return 0;
}

/* Read one file descriptor's mail. */
static int
ops_mail_fd(struct ops_mail_ctx *ctx, int fd, const char *label, bool mbox,
    struct err *err)
{
	ctx->label = label;
	ctx->mbox = mbox;
	ctx->calendar = false;
	return ics_mime_read(fd, mbox, ops_mail_message, ctx, err);
}

/*
 * The Maildir name of a message that has been seen: name's base with
 * the "2," info holding its flags and S, in ASCII order. NULL if name
 * is marked seen already.
 */
static char *
ops_mail_seen_name(const char *name)
{
	const char *info = strstr(name, ":2,");
	char flags[64];
	size_t base, n = 0;
	const char *f;

	base = info != NULL ? (size_t)(info - name) : strlen(name);
	if (info != NULL) {
		if (strchr(info + 3, 'S') != NULL)
			return NULL;
		for (f = info + 3; *f != '\0' && n < sizeof flags - 2; f++) {
			if (*f > 'S' && (n == 0 || flags[n - 1] < 'S'))
				flags[n++] = 'S';
			flags[n++] = *f;
		}
	}
	if (memchr(flags, 'S', n) == NULL)
		flags[n++] = 'S';
	flags[n] = '\0';
	return xasprintf("%.*s:2,%s", (int)base, name, flags);
}

/* Mark dir/sub/name seen: renamed into dir/cur with the S flag. */
static int
ops_mail_mark_seen(struct ops_mail_ctx *ctx, const char *dir,
    const char *sub, const char *name, struct err *err)
{
	char *seen = ops_mail_seen_name(name), *from, *to;
	int rc = 0;

	if (seen == NULL && strcmp(sub, "cur") == 0)
		return 0;
	if (seen == NULL)
		seen = xstrdup(name);
	from = xasprintf("%s/%s/%s", dir, sub, name);
	to = xasprintf("%s/cur/%s", dir, seen);
	if (rename(from, to) != 0)
		rc = err_set(err, ERR_IO, _("cannot mark %s seen: %s"), from,
		    strerror(errno));
	else
		ctx->out->marked++;
	free(from);
	free(to);
	free(seen);
	return rc;
}

/* Skip dot files (a Maildir's temporary names never start so, but...). */
static int
ops_mail_visible(const struct dirent *d)
{
	return d->d_name[0] != '.';
}

static int
ops_mail_maildir(struct ops_mail_ctx *ctx, const char *dir, struct err *err)
{
	static const char *const subs[] = { "new", "cur" };
	struct dirent **names[2] = { NULL, NULL };
	char *path;
	size_t s;
	int i, n[2], fd, rc = 0;

	/* Both lists first: what is marked seen moves from new/ to cur/. */
	for (s = 0; s < 2; s++) {
		path = xasprintf("%s/%s", dir, subs[s]);
		n[s] = scandir(path, &names[s], ops_mail_visible, alphasort);
		free(path);
	}
	for (s = 0; s < 2; s++) {
		for (i = 0; i < n[s]; i++) {
			path = xasprintf("%s/%s/%s", dir, subs[s],
			    names[s][i]->d_name);
			if (rc == 0 && (fd = open(path, O_RDONLY)) >= 0) {
				rc = ops_mail_fd(ctx, fd, path, false, err);
				close(fd);
				if (rc == 0 && ctx->calendar)
					rc = ops_mail_mark_seen(ctx, dir,
					    subs[s], names[s][i]->d_name, err);
			}
			free(path);
			free(names[s][i]);
		}
		if (n[s] >= 0)
			free(names[s]);
	}
	return rc;
}

/* Settle the accepted offers of every message read: first sent, first in. */
static int
ops_mail_settle(struct ops_mail_ctx *ctx, struct err *err)
{
	struct ops_mail_result *out = ctx->out;
	struct ops_ics_answer *an;
	struct ops_mail_row *r;
	size_t i;

	if (ops_ics_settle(ctx->st, &ctx->offers, err) < 0)
		return -1;
	for (i = 0; i < ctx->offers.nanswers; i++) {
		an = &ctx->offers.answers[i];
		r = xarray_push(&out->rows, &out->len, &out->cap, sizeof *r);
		r->message = xstrdup(an->label != NULL ? an->label : "");
		r->from = xstrdup(an->email);
		r->shift_id = an->shift_id;
		r->shift = xstrdup(an->shift);
		r->start = an->start;
		r->volunteer = xstrdup(an->volunteer);
		r->status = assignment_status_name(an->status);
		r->result = xstrdup(an->filled ? _("too late: the shift is "
		    "full (a CANCEL follows with the next invite)") :
		    an->already ? _("already recorded") :
		    _("applied: offer taken"));
	}
	out->replies += ctx->offers.replies;
	return 0;
}

/*
 * Read fd to its end or to a byte that is not blank, copying what is read
 * to copy (when not NULL). Returns true if all of it was blank (or there
 * was nothing), and on a read error.
 */
static bool
ops_mail_blank(int fd, FILE *copy)
{
	char buf[8192];
	bool blank = true;
	ssize_t n, i;

	while ((n = read(fd, buf, sizeof buf)) > 0) {
		for (i = 0; blank && i < n; i++)
			blank = strchr(" \t\r\n", buf[i]) != NULL;
		if (copy != NULL)
			fwrite(buf, 1, (size_t)n, copy);
		else if (!blank)
			break;
	}
	return blank;
}

/*
 * Standard input, read whole into a temporary file first, so that empty
 * input is refused before any path is imported. Returns the file (the
 * caller closes it), or NULL with ERR_INVALID (empty) or ERR_IO.
 */
static FILE *
ops_mail_stdin(struct err *err)
{
	FILE *copy = tmpfile();

	if (copy == NULL) {
		err_set(err, ERR_IO, _("cannot keep standard input: %s"),
		    strerror(errno));
		return NULL;
	}
	if (ops_mail_blank(STDIN_FILENO, copy)) {
		fclose(copy);
		err_set(err, ERR_INVALID, _("standard input is empty: no mail "
		    "message to read"));
		return NULL;
	}
	if (fflush(copy) != 0 || lseek(fileno(copy), 0, SEEK_SET) != 0) {
		err_set(err, ERR_IO, _("cannot keep standard input: %s"),
		    strerror(errno));
		fclose(copy);
		return NULL;
	}
	return copy;
}

/* What path is, or -1 with err when it cannot be read or is empty. */
static int
ops_mail_kind(const char *path, enum ops_mail_kind *kind, struct err *err)
{
	char head[6] = { 0 }, *sub;
	struct stat sb;
	bool maildir, blank;
	ssize_t n;
	int fd;

	if (strcmp(path, "-") == 0) {
		*kind = OPS_MAIL_MESSAGE;
		return 0;
	}
	if (stat(path, &sb) != 0)
		return err_set(err, ERR_INVALID, _("cannot read %s: %s"), path,
		    strerror(errno));
	if (S_ISDIR(sb.st_mode)) {
		sub = xasprintf("%s/cur", path);
		maildir = stat(sub, &sb) == 0 && S_ISDIR(sb.st_mode);
		free(sub);
		sub = xasprintf("%s/new", path);
		maildir = maildir || (stat(sub, &sb) == 0 &&
		    S_ISDIR(sb.st_mode));
		free(sub);
		if (!maildir)
			return err_set(err, ERR_INVALID, _("%s is a directory "
			    "but no Maildir (it has no cur/ or new/)"), path);
		*kind = OPS_MAIL_MAILDIR;
		return 0;
	}
	if ((fd = open(path, O_RDONLY)) < 0)
		return err_set(err, ERR_INVALID, _("cannot read %s: %s"), path,
		    strerror(errno));
	n = read(fd, head, sizeof head - 1);
	blank = n <= 0 || (strspn(head, " \t\r\n") >= (size_t)n &&
	    ops_mail_blank(fd, NULL));
	close(fd);
	if (blank)
		return err_set(err, ERR_INVALID, _("%s is empty: no mail message "
		    "to read"), path);
	*kind = n == 5 && memcmp(head, "From ", 5) == 0 ? OPS_MAIL_MBOX :
	    OPS_MAIL_MESSAGE;
	return 0;
}

int
ops_mail_import(struct store *st, char *const *paths, size_t npaths,
    struct ops_mail_result *out, struct err *err)
{
	struct ops_mail_ctx ctx;
	enum ops_mail_kind *kinds;
	FILE *in = NULL;
	size_t i;
	int fd, rc = 0;

	/* Every path first, so that a typo or empty input changes nothing. */
	kinds = xreallocarray(NULL, npaths ? npaths : 1, sizeof *kinds);
	for (i = 0; rc == 0 && i < npaths; i++)
		if ((rc = ops_mail_kind(paths[i], &kinds[i], err)) == 0 &&
		    strcmp(paths[i], "-") == 0 && in == NULL &&
		    (in = ops_mail_stdin(err)) == NULL)
			rc = -1;
	memset(&ctx, 0, sizeof ctx);
	ctx.st = st;
	ctx.out = out;
	for (i = 0; rc == 0 && i < npaths; i++) {
		switch (kinds[i]) {
		case OPS_MAIL_MAILDIR:
			rc = ops_mail_maildir(&ctx, paths[i], err);
			break;
		case OPS_MAIL_MBOX:
		case OPS_MAIL_MESSAGE:
			if (strcmp(paths[i], "-") == 0)
				fd = fileno(in);
			else if ((fd = open(paths[i], O_RDONLY)) < 0) {
				rc = err_set(err, ERR_IO, _("cannot read %s: "
				    "%s"), paths[i], strerror(errno));
				break;
			}
			rc = ops_mail_fd(&ctx, fd, strcmp(paths[i], "-") == 0 ?
			    _("(standard input)") : paths[i],
			    kinds[i] == OPS_MAIL_MBOX, err);
			if (strcmp(paths[i], "-") != 0)
				close(fd);
			break;
		}
	}
	free(kinds);
	if (in != NULL)
		fclose(in);
	if (rc == 0)
		rc = ops_mail_settle(&ctx, err);
	ops_ics_result_fini(&ctx.offers);
	return rc;
}
