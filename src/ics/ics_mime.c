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

#include <dlfcn.h>
#include <gmime/gmime.h>

/*
 * GMime is loaded when mail is read, not when rooster starts: linking it
 * (with GIO, GObject and GLib) cost every command, a lookup included,
 * about 7 million instructions and 160 page faults of relocations and
 * constructors (docs/PERFORMANCE.md), for the one command that reads
 * mail. Every GMime and GLib function this file calls, directly or
 * through GMime's type macros, is looked up once by dlsym() and called
 * through its pointer: the names below stand for those pointers.
 */
#define ICS_MIME_LIBRARY "libgmime-3.0.so.0"
#define ICS_MIME_SYMBOLS(X) \
	X(g_byte_array_append) \
	X(g_byte_array_new) \
	X(g_byte_array_unref) \
	X(g_mime_content_type_is_type) \
	X(g_mime_data_wrapper_write_to_stream) \
	X(g_mime_filter_charset_new) \
	X(g_mime_init) \
	X(g_mime_message_get_from) \
	X(g_mime_message_get_message_id) \
	X(g_mime_message_get_mime_part) \
	X(g_mime_message_get_subject) \
	X(g_mime_message_part_get_message) \
	X(g_mime_message_part_get_type) \
	X(g_mime_multipart_get_count) \
	X(g_mime_multipart_get_part) \
	X(g_mime_multipart_get_type) \
	X(g_mime_object_get_content_type) \
	X(g_mime_object_get_content_type_parameter) \
	X(g_mime_parser_construct_message) \
	X(g_mime_parser_eos) \
	X(g_mime_parser_new_with_stream) \
	X(g_mime_parser_set_format) \
	X(g_mime_part_get_content) \
	X(g_mime_part_get_filename) \
	X(g_mime_part_get_type) \
	X(g_mime_stream_filter_add) \
	X(g_mime_stream_filter_get_type) \
	X(g_mime_stream_filter_new) \
	X(g_mime_stream_flush) \
	X(g_mime_stream_fs_get_type) \
	X(g_mime_stream_fs_new) \
	X(g_mime_stream_fs_set_owner) \
	X(g_mime_stream_mem_get_byte_array) \
	X(g_mime_stream_mem_get_type) \
	X(g_mime_stream_mem_new) \
	X(g_mime_stream_mem_new_with_byte_array) \
	X(g_object_unref) \
	X(g_type_check_instance_cast) \
	X(g_type_check_instance_is_a) \
	X(internet_address_list_get_address) \
	X(internet_address_list_length) \
	X(internet_address_mailbox_get_addr) \
	X(internet_address_mailbox_get_type)

#define ICS_MIME_POINTER(name) static __typeof__(name) *ics_mime_p_##name;
ICS_MIME_SYMBOLS(ICS_MIME_POINTER)

#define g_byte_array_append (*ics_mime_p_g_byte_array_append)
#define g_byte_array_new (*ics_mime_p_g_byte_array_new)
#define g_byte_array_unref (*ics_mime_p_g_byte_array_unref)
#define g_mime_content_type_is_type (*ics_mime_p_g_mime_content_type_is_type)
#define g_mime_data_wrapper_write_to_stream (*ics_mime_p_g_mime_data_wrapper_write_to_stream)
#define g_mime_filter_charset_new (*ics_mime_p_g_mime_filter_charset_new)
#define g_mime_init (*ics_mime_p_g_mime_init)
#define g_mime_message_get_from (*ics_mime_p_g_mime_message_get_from)
#define g_mime_message_get_message_id (*ics_mime_p_g_mime_message_get_message_id)
#define g_mime_message_get_mime_part (*ics_mime_p_g_mime_message_get_mime_part)
#define g_mime_message_get_subject (*ics_mime_p_g_mime_message_get_subject)
#define g_mime_message_part_get_message (*ics_mime_p_g_mime_message_part_get_message)
#define g_mime_message_part_get_type (*ics_mime_p_g_mime_message_part_get_type)
#define g_mime_multipart_get_count (*ics_mime_p_g_mime_multipart_get_count)
#define g_mime_multipart_get_part (*ics_mime_p_g_mime_multipart_get_part)
#define g_mime_multipart_get_type (*ics_mime_p_g_mime_multipart_get_type)
#define g_mime_object_get_content_type (*ics_mime_p_g_mime_object_get_content_type)
#define g_mime_object_get_content_type_parameter (*ics_mime_p_g_mime_object_get_content_type_parameter)
#define g_mime_parser_construct_message (*ics_mime_p_g_mime_parser_construct_message)
#define g_mime_parser_eos (*ics_mime_p_g_mime_parser_eos)
#define g_mime_parser_new_with_stream (*ics_mime_p_g_mime_parser_new_with_stream)
#define g_mime_parser_set_format (*ics_mime_p_g_mime_parser_set_format)
#define g_mime_part_get_content (*ics_mime_p_g_mime_part_get_content)
#define g_mime_part_get_filename (*ics_mime_p_g_mime_part_get_filename)
#define g_mime_part_get_type (*ics_mime_p_g_mime_part_get_type)
#define g_mime_stream_filter_add (*ics_mime_p_g_mime_stream_filter_add)
#define g_mime_stream_filter_get_type (*ics_mime_p_g_mime_stream_filter_get_type)
#define g_mime_stream_filter_new (*ics_mime_p_g_mime_stream_filter_new)
#define g_mime_stream_flush (*ics_mime_p_g_mime_stream_flush)
#define g_mime_stream_fs_get_type (*ics_mime_p_g_mime_stream_fs_get_type)
#define g_mime_stream_fs_new (*ics_mime_p_g_mime_stream_fs_new)
#define g_mime_stream_fs_set_owner (*ics_mime_p_g_mime_stream_fs_set_owner)
#define g_mime_stream_mem_get_byte_array (*ics_mime_p_g_mime_stream_mem_get_byte_array)
#define g_mime_stream_mem_get_type (*ics_mime_p_g_mime_stream_mem_get_type)
#define g_mime_stream_mem_new (*ics_mime_p_g_mime_stream_mem_new)
#define g_mime_stream_mem_new_with_byte_array (*ics_mime_p_g_mime_stream_mem_new_with_byte_array)
#define g_object_unref (*ics_mime_p_g_object_unref)
#define g_type_check_instance_cast (*ics_mime_p_g_type_check_instance_cast)
#define g_type_check_instance_is_a (*ics_mime_p_g_type_check_instance_is_a)
#define internet_address_list_get_address (*ics_mime_p_internet_address_list_get_address)
#define internet_address_list_length (*ics_mime_p_internet_address_list_length)
#define internet_address_mailbox_get_addr (*ics_mime_p_internet_address_mailbox_get_addr)
#define internet_address_mailbox_get_type (*ics_mime_p_internet_address_mailbox_get_type)

struct ics_mime_walk {
	struct ics_mime_part	*parts;
	size_t			 nparts;
	char			**owned;	/* strings to free afterwards */
	size_t			 nowned;
	int			 depth;
};

/*
 * GMime loaded and its global state set up, once per process. Returns 0,
 * or -1 with ERR_IO if the library or one of its functions is missing.
 */
static int
ics_mime_init(struct err *err)
{
	static const struct {
		const char	*name;
		void		**slot;
	} table[] = {
#define ICS_MIME_ENTRY(name) { #name, (void **)&ics_mime_p_##name },
		ICS_MIME_SYMBOLS(ICS_MIME_ENTRY)
#undef ICS_MIME_ENTRY
	};
	static bool done;
	void *lib;
	size_t i;

	if (done)
		return 0;
	if ((lib = dlopen(ICS_MIME_LIBRARY, RTLD_NOW | RTLD_LOCAL)) == NULL)
		return err_set(err, ERR_IO, _("cannot read mail: GMime (%s) "
		    "did not load: %s"), ICS_MIME_LIBRARY, dlerror());
	for (i = 0; i < sizeof table / sizeof table[0]; i++)
		if ((*table[i].slot = dlsym(lib, table[i].name)) == NULL)
			return err_set(err, ERR_IO, _("cannot read mail: GMime "
			    "(%s) lacks %s"), ICS_MIME_LIBRARY, table[i].name);
	g_mime_init();
	done = true;
	return 0;
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
		if (bytes->len > 0)	/* an empty part's data is NULL */
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

	if (ics_mime_init(err) < 0)
		return -1;
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
