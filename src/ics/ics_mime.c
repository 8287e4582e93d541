/* SPDX-License-Identifier: ISC */
/*
 * Calendar parts out of mail, through GMime: the only file that includes
 * it. Each message's MIME tree is walked (nested multiparts, forwarded
 * message/rfc822), and every text/calendar or application/ics part (or
 * an .ics attachment sent as octet-stream) is decoded from its transfer
 * encoding and converted from its charset to UTF-8. The caller gets
 * plain bytes and addresses, never a GMime type.
 */
#include "rooster/ics.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <gmime/gmime.h>

struct ics_mime_walk {
	struct ics_mime_part	*parts;
	size_t			 nparts;
	char			**owned;	/* strings to free afterwards */
	size_t			 nowned;
	int			 depth;
};

/* GMime's global state, set up once per process. */
static void
ics_mime_init(void)
{
	static bool done;

	if (!done) {
		g_mime_init();
		done = true;
	}
}

static const char *
ics_mime_keep(struct ics_mime_walk *w, char *s)
{
	w->owned = xreallocarray(w->owned, w->nowned + 1, sizeof *w->owned);
	w->owned[w->nowned++] = s;
	return s;
}

/* The first mailbox address of From, "" when there is none. Caller frees. */
static char *
ics_mime_from(GMimeMessage *msg)
{
	InternetAddressList *list = g_mime_message_get_from(msg);
	InternetAddress *ia;
	const char *addr;
	int i, n;

	n = list != NULL ? internet_address_list_length(list) : 0;
	for (i = 0; i < n; i++) {
		ia = internet_address_list_get_address(list, i);
		if (!INTERNET_ADDRESS_IS_MAILBOX(ia))
			continue;
		addr = internet_address_mailbox_get_addr(
		    INTERNET_ADDRESS_MAILBOX(ia));
		if (addr != NULL && *addr != '\0')
			return xstrdup(addr);
	}
	return xstrdup("");
}

/* Is this leaf a calendar? By type, or by an .ics name on a generic type. */
static bool
ics_mime_is_calendar(GMimeObject *obj)
{
	GMimeContentType *ct = g_mime_object_get_content_type(obj);
	const char *name;
	size_t len;

	if (ct == NULL)
		return false;
	if (g_mime_content_type_is_type(ct, "text", "calendar") ||
	    g_mime_content_type_is_type(ct, "application", "ics") ||
	    g_mime_content_type_is_type(ct, "text", "x-vcalendar"))
		return true;
	if (!g_mime_content_type_is_type(ct, "application", "octet-stream"))
		return false;
	name = g_mime_part_get_filename(GMIME_PART(obj));
	len = name != NULL ? strlen(name) : 0;
	return len > 4 && strcasecmp(name + len - 4, ".ics") == 0;
}

/* Decode part's content to UTF-8 into a new part of w. */
static void
ics_mime_take(struct ics_mime_walk *w, GMimeObject *obj, const char *from)
{
	struct ics_mime_part *p;
	GMimeDataWrapper *content = g_mime_part_get_content(GMIME_PART(obj));
	GMimeStream *mem, *filtered;
	GMimeFilter *conv = NULL;
	GByteArray *bytes;
	const char *charset;
	char *data;

	w->parts = xreallocarray(w->parts, w->nparts + 1, sizeof *w->parts);
	p = &w->parts[w->nparts++];
	memset(p, 0, sizeof *p);
	p->from = from;
	p->data = "";
	if (content == NULL) {
		p->problem = _("calendar part without content");
		return;
	}
	charset = g_mime_object_get_content_type_parameter(obj, "charset");
	if (charset != NULL && *charset != '\0' &&
	    strcasecmp(charset, "utf-8") != 0 &&
	    strcasecmp(charset, "utf8") != 0 &&
	    strcasecmp(charset, "us-ascii") != 0 &&
	    (conv = g_mime_filter_charset_new(charset, "UTF-8")) == NULL) {
		p->problem = ics_mime_keep(w, xasprintf(_("calendar part in "
		    "unknown character set %.40s"), charset));
		return;
	}
	mem = g_mime_stream_mem_new();
	filtered = g_mime_stream_filter_new(mem);
	if (conv != NULL) {
		g_mime_stream_filter_add(GMIME_STREAM_FILTER(filtered), conv);
		g_object_unref(conv);
	}
	if (g_mime_data_wrapper_write_to_stream(content, filtered) < 0 ||
	    g_mime_stream_flush(filtered) < 0)
		p->problem = _("calendar part cannot be decoded");
	else {
		bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(mem));
		data = xmalloc(bytes->len + 1);
		memcpy(data, bytes->data, bytes->len);
		data[bytes->len] = '\0';
		p->data = ics_mime_keep(w, data);
		p->len = bytes->len;
	}
	g_object_unref(filtered);
	g_object_unref(mem);
}

/* Walk obj; from is the address of the message that holds it. */
static void
ics_mime_walk(struct ics_mime_walk *w, GMimeObject *obj, const char *from)
{
	GMimeMessage *inner;
	int i, n;

	if (obj == NULL || w->depth > 32)	/* a bomb of nested parts */
		return;
	w->depth++;
	if (GMIME_IS_MULTIPART(obj)) {
		n = g_mime_multipart_get_count(GMIME_MULTIPART(obj));
		for (i = 0; i < n; i++)
			ics_mime_walk(w, g_mime_multipart_get_part(
			    GMIME_MULTIPART(obj), i), from);
	} else if (GMIME_IS_MESSAGE_PART(obj)) {
		/* A forwarded message: its own From answers for its parts. */
		inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(obj));
		if (inner != NULL)
			ics_mime_walk(w, g_mime_message_get_mime_part(inner),
			    ics_mime_keep(w, ics_mime_from(inner)));
	} else if (GMIME_IS_PART(obj) && ics_mime_is_calendar(obj))
		ics_mime_take(w, obj, from);
	w->depth--;
}

/* Hand one parsed message to fn. */
static int
ics_mime_message(GMimeMessage *msg, long index, ics_mime_fn *fn, void *arg,
    struct err *err)
{
	struct ics_mime_message m;
	struct ics_mime_walk w;
	const char *s;
	size_t i;
	int rc;

	memset(&m, 0, sizeof m);
	memset(&w, 0, sizeof w);
	m.index = index;
	m.from = ics_mime_keep(&w, ics_mime_from(msg));
	s = g_mime_message_get_subject(msg);
	m.subject = s != NULL ? s : "";
	s = g_mime_message_get_message_id(msg);
	m.message_id = s != NULL ? s : "";
	ics_mime_walk(&w, g_mime_message_get_mime_part(msg), m.from);
	m.parts = w.parts;
	m.nparts = w.nparts;
	rc = fn(arg, &m, err);
	for (i = 0; i < w.nowned; i++)
		free(w.owned[i]);
	free(w.owned);
	free(w.parts);
	return rc;
}

/* All of fd in a memory stream; NULL with errno if reading fails. */
static GMimeStream *
ics_mime_slurp(int fd)
{
	GByteArray *bytes = g_byte_array_new();
	char buf[65536];
	ssize_t n;

	while ((n = read(fd, buf, sizeof buf)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			g_byte_array_unref(bytes);
			return NULL;
		}
		g_byte_array_append(bytes, (const guint8 *)buf, (guint)n);
	}
	/* The stream takes the array. */
	return g_mime_stream_mem_new_with_byte_array(bytes);
}

int
ics_mime_read(int fd, bool mbox, ics_mime_fn *fn, void *arg,
    struct err *err)
{
	struct ics_mime_message bad;
	GMimeStream *stream;
	GMimeParser *parser;
	GMimeMessage *msg;
	long index = 0;
	int rc = 0;

	ics_mime_init();
	if (lseek(fd, 0, SEEK_CUR) < 0) {
		/* A pipe: GMime's file streams need to seek. */
		if ((stream = ics_mime_slurp(fd)) == NULL)
			return err_set(err, ERR_IO, _("cannot read the mail: "
			    "%s"), strerror(errno));
	} else {
		stream = g_mime_stream_fs_new(fd);
		g_mime_stream_fs_set_owner(GMIME_STREAM_FS(stream), FALSE);
	}
	parser = g_mime_parser_new_with_stream(stream);
	g_mime_parser_set_format(parser, mbox ? GMIME_FORMAT_MBOX :
	    GMIME_FORMAT_MESSAGE);
	do {
		index++;
		msg = g_mime_parser_construct_message(parser, NULL);
		if (msg == NULL) {
			/* An mbox ends here too; say so for one message only. */
			if (mbox && index > 1)
				break;
			memset(&bad, 0, sizeof bad);
			bad.index = index;
			bad.from = bad.subject = bad.message_id = "";
			bad.problem = _("not a mail message");
			rc = fn(arg, &bad, err);
			break;
		}
		rc = ics_mime_message(msg, index, fn, arg, err);
		g_object_unref(msg);
	} while (rc == 0 && mbox && !g_mime_parser_eos(parser));
	g_object_unref(parser);
	g_object_unref(stream);
	return rc;
}
