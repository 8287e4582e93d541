/* SPDX-License-Identifier: ISC */
/*
 * The iMIP mail (RFC 6047) around one iTIP message, built by hand: its
 * shape is fixed (CalConnect's recommended multipart/mixed with
 * multipart/alternative of text/plain and text/calendar, plus the .ics
 * attached) and every piece of user text in it is either base64 (bodies)
 * or an RFC 2047 encoded-word (names, subject), so no text can make a
 * header. Addresses are refused unless they are plain addr-specs.
 */
#include "rooster/ics.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char ics_mail_b64[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* Append base64 of s[0..n) with no line breaks. */
static void
ics_mail_base64(struct strbuf *sb, const unsigned char *s, size_t n)
{
	size_t i;
	unsigned v;

	for (i = 0; i + 2 < n; i += 3) {
		v = (unsigned)s[i] << 16 | (unsigned)s[i + 1] << 8 | s[i + 2];
		strbuf_addc(sb, ics_mail_b64[v >> 18 & 63]);
		strbuf_addc(sb, ics_mail_b64[v >> 12 & 63]);
		strbuf_addc(sb, ics_mail_b64[v >> 6 & 63]);
		strbuf_addc(sb, ics_mail_b64[v & 63]);
	}
	if (i < n) {
		v = (unsigned)s[i] << 16 | (i + 1 < n ? (unsigned)s[i + 1] << 8 :
		    0);
		strbuf_addc(sb, ics_mail_b64[v >> 18 & 63]);
		strbuf_addc(sb, ics_mail_b64[v >> 12 & 63]);
		strbuf_addc(sb, i + 1 < n ? ics_mail_b64[v >> 6 & 63] : '=');
		strbuf_addc(sb, '=');
	}
}

/* A body in base64, lines of 76 characters. */
static void
ics_mail_body(struct strbuf *sb, const char *s)
{
	struct strbuf enc;
	size_t i;

	strbuf_init(&enc);
	ics_mail_base64(&enc, (const unsigned char *)s, strlen(s));
	for (i = 0; i < enc.len; i += 76) {
		strbuf_add(sb, enc.data + i, enc.len - i < 76 ? enc.len - i : 76);
		strbuf_adds(sb, "\r\n");
	}
	strbuf_fini(&enc);
}

/* True if s is printable ASCII without the characters that need quoting. */
static bool
ics_mail_plain(const char *s)
{
	for (; *s != '\0'; s++)
		if (*s < 0x20 || *s > 0x7e || strchr("\"\\()<>,;:@[]=?", *s))
			return false;
	return true;
}

/*
 * Append s as header text: itself when plain, else RFC 2047 encoded-words
 * (UTF-8, base64) of at most 45 input bytes each, never splitting a UTF-8
 * sequence, separated by CRLF and a space (a folded header line). Line
 * breaks and other control characters in s become spaces first.
 */
static void
ics_mail_words(struct strbuf *sb, const char *text)
{
	char *s = xstrdup(text);
	size_t n = strlen(s), i = 0, take;

	/* A header is one line: control characters become spaces. */
	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			s[i] = ' ';
	i = 0;
	if (n == 0) {
		free(s);
		return;
	}
	/* Long plain text is encoded too: encoded words fold, it may not. */
	if (ics_mail_plain(s) && n <= 60) {
		strbuf_adds(sb, s);
		free(s);
		return;
	}
	while (i < n) {
		take = n - i > 45 ? 45 : n - i;
		while (take > 0 && i + take < n &&
		    ((unsigned char)s[i + take] & 0xc0) == 0x80)
			take--;
		if (take == 0)		/* not UTF-8: cut anywhere */
			take = n - i > 45 ? 45 : n - i;
		if (i > 0)
			strbuf_adds(sb, "\r\n ");
		strbuf_adds(sb, "=?UTF-8?B?");
		ics_mail_base64(sb, (const unsigned char *)s + i, take);
		strbuf_adds(sb, "?=");
		i += take;
	}
	free(s);
}

bool
ics_mail_address_ok(const char *s)
{
	const char *at;

	if (s == NULL || *s == '\0' || strlen(s) > 254)
		return false;
	if ((at = strchr(s, '@')) == NULL || at == s || at[1] == '\0' ||
	    strchr(at + 1, '@') != NULL)
		return false;
	for (; *s != '\0'; s++)
		if (*s <= 0x20 || *s > 0x7e || strchr("\"\\()<>,;:[]", *s))
			return false;
	return true;
}

/* "From: Name <addr>" with the name encoded as needed. */
static void
ics_mail_mailbox(struct strbuf *sb, const char *header,
    const struct ics_person *p)
{
	strbuf_adds(sb, header);
	strbuf_adds(sb, ": ");
	if (p->name != NULL && *p->name != '\0') {
		ics_mail_words(sb, p->name);
		strbuf_adds(sb, " ");
	}
	strbuf_addf(sb, "<%s>\r\n", p->email);
}

char *
ics_mail_new(const struct ics_mail *m, struct err *err)
{
	static const char *const days[] = { "Sun", "Mon", "Tue", "Wed", "Thu",
	    "Fri", "Sat" };
	static const char *const months[] = { "Jan", "Feb", "Mar", "Apr",
	    "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	const char *method = ics_method_name(m->method);
	char mixed[64], alt[64], id[33], bound[17];
	struct strbuf sb;
	time_t when = (time_t)m->date;
	struct tm tm;

	if (!ics_mail_address_ok(m->from.email)) {
		err_set(err, ERR_INVALID, _("organizer address '%s' cannot be "
		    "used in a mail (set email in the config)"),
		    m->from.email != NULL ? m->from.email : "");
		return NULL;
	}
	if (!ics_mail_address_ok(m->to.email)) {
		err_set(err, ERR_INVALID, _("address '%s' cannot be used in a "
		    "mail"), m->to.email != NULL ? m->to.email : "");
		return NULL;
	}
	random_hex(bound, 8);
	snprintf(mixed, sizeof mixed, "=_rooster_m_%s", bound);
	snprintf(alt, sizeof alt, "=_rooster_a_%s", bound);
	random_hex(id, 16);
	gmtime_r(&when, &tm);
	strbuf_init(&sb);
	ics_mail_mailbox(&sb, "From", &m->from);
	ics_mail_mailbox(&sb, "To", &m->to);
	strbuf_adds(&sb, "Subject: ");
	ics_mail_words(&sb, m->subject != NULL ? m->subject : "");
	strbuf_adds(&sb, "\r\n");
	strbuf_addf(&sb, "Date: %s, %02d %s %04d %02d:%02d:%02d +0000\r\n",
	    days[tm.tm_wday], tm.tm_mday, months[tm.tm_mon],
	    tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
	strbuf_addf(&sb, "Message-ID: <%s@%s>\r\n", id, m->domain != NULL &&
	    ics_mail_plain(m->domain) && *m->domain != '\0' ? m->domain :
	    "rooster.invalid");
	strbuf_adds(&sb, "MIME-Version: 1.0\r\n");
	strbuf_addf(&sb, "Content-Type: multipart/mixed; boundary=\"%s\"\r\n",
	    mixed);
	strbuf_adds(&sb, "\r\nThis is an iCalendar invitation (RFC 6047).\r\n");
	strbuf_addf(&sb, "\r\n--%s\r\n", mixed);
	strbuf_addf(&sb, "Content-Type: multipart/alternative; "
	    "boundary=\"%s\"\r\n", alt);
	strbuf_addf(&sb, "\r\n--%s\r\n", alt);
	strbuf_adds(&sb, "Content-Type: text/plain; charset=UTF-8\r\n"
	    "Content-Transfer-Encoding: base64\r\n\r\n");
	ics_mail_body(&sb, m->text != NULL ? m->text : "");
	strbuf_addf(&sb, "\r\n--%s\r\n", alt);
	strbuf_addf(&sb, "Content-Type: text/calendar; charset=UTF-8; "
	    "method=%s\r\nContent-Transfer-Encoding: base64\r\n\r\n", method);
	ics_mail_body(&sb, m->calendar);
	strbuf_addf(&sb, "\r\n--%s--\r\n", alt);
	strbuf_addf(&sb, "\r\n--%s\r\n", mixed);
	strbuf_adds(&sb, "Content-Type: application/ics; name=\"invite.ics\"\r\n"
	    "Content-Disposition: attachment; filename=\"invite.ics\"\r\n"
	    "Content-Transfer-Encoding: base64\r\n\r\n");
	ics_mail_body(&sb, m->calendar);
	strbuf_addf(&sb, "\r\n--%s--\r\n", mixed);
	return strbuf_detach(&sb);
}
