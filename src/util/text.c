/* SPDX-License-Identifier: ISC */
/*
 * Text as a terminal sees it: UTF-8 decoded by hand (stored data is UTF-8
 * whatever the user's locale), widths from wcwidth(), and every control
 * character or invalid byte replaced by a visible escape. This is the one
 * place that decides what reaches a terminal; main() selects a UTF-8
 * LC_CTYPE so that wcwidth() knows the characters.
 */
#include "rooster/util.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

/*
 * Decode one UTF-8 sequence at s. Returns its length in bytes and sets *cp,
 * or returns 0 for an invalid or truncated sequence.
 */
static size_t
text_decode(const unsigned char *s, unsigned int *cp)
{
	unsigned int c = s[0], v;
	size_t n, i;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		n = 2;
		v = c & 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		n = 3;
		v = c & 0x0f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4;
		v = c & 0x07;
	} else
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		v = (v << 6) | (s[i] & 0x3f);
	}
	if ((n == 3 && v < 0x800) || (n == 4 && (v < 0x10000 || v > 0x10ffff)) ||
	    (v >= 0xd800 && v <= 0xdfff))
		return 0;
	*cp = v;
	return n;
}

/*
 * Controls, and the bidi controls that reorder what follows them on a
 * bidi terminal (U+202A-U+202E embeddings and overrides, U+2066-U+2069
 * isolates, and the marks U+200E, U+200F, U+061C): a name must not turn
 * the rest of a row around, and a cut one would lose its closing mark.
 */
static bool
text_is_control(unsigned int cp)
{
	return cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp <= 0x9f) ||
	    (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) ||
	    cp == 0x200e || cp == 0x200f || cp == 0x061c;
}

/* The escaped form of a control character or invalid byte. */
static void
text_escape(unsigned int cp, char *buf, size_t size)
{
	switch (cp) {
	case '\n': snprintf(buf, size, "\\n"); break;
	case '\r': snprintf(buf, size, "\\r"); break;
	case '\t': snprintf(buf, size, "\\t"); break;
	case 0x1b: snprintf(buf, size, "\\e"); break;
	default:
		if (cp > 0xff)
			snprintf(buf, size, "\\u%04x", cp & 0xffff);
		else
			snprintf(buf, size, "\\x%02x", cp);
		break;
	}
}

static int
text_cp_width(unsigned int cp)
{
	int w;

	/* Printable ASCII is one column everywhere; skip the libc lookup. */
	if (cp >= 0x20 && cp < 0x7f)
		return 1;
	w = wcwidth((wchar_t)cp);

	return w < 0 ? 1 : w;
}

/*
 * Walk s one displayable unit at a time: each call yields the bytes to
 * emit (a character, or its escape) and its width. Returns false at the end.
 */
struct text_unit {
	char	bytes[8];
	size_t	len;
	int	width;
};

static bool
text_next(const char **s, struct text_unit *u)
{
	const unsigned char *p = (const unsigned char *)*s;
	unsigned int cp;
	size_t n;

	if (*p == '\0')
		return false;
	n = text_decode(p, &cp);
	if (n == 0 || text_is_control(cp)) {
		text_escape(n == 0 ? p[0] : cp, u->bytes, sizeof u->bytes);
		u->len = strlen(u->bytes);
		u->width = (int)u->len;
		*s += n == 0 ? 1 : n;
		return true;
	}
	memcpy(u->bytes, p, n);
	u->len = n;
	u->width = text_cp_width(cp);
	*s += n;
	return true;
}

/*
 * Bytes of printable ASCII at the start of s: one column each, shown as
 * they are, so the common case skips decoding (table output is mostly
 * such runs).
 */
static size_t
text_ascii_run(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	while (*p >= 0x20 && *p < 0x7f)
		p++;
	return (size_t)(p - (const unsigned char *)s);
}

size_t
text_width(const char *s)
{
	struct text_unit u;
	size_t w = 0;

	size_t n;

	if (s == NULL)
		return 0;
	for (;;) {
		n = text_ascii_run(s);
		s += n;
		w += n;
		if (*s == '\0' || !text_next(&s, &u))
			break;
		w += (size_t)u.width;
	}
	return w;
}

char *
text_sanitize(const char *s)
{
	struct strbuf sb;
	struct text_unit u;

	strbuf_init(&sb);
	if (s != NULL)
		while (text_next(&s, &u))
			strbuf_add(&sb, u.bytes, u.len);
	return strbuf_detach(&sb);
}

void
text_fit(struct strbuf *sb, const char *s, size_t cols, bool pad)
{
	struct text_unit u;
	const char *p = s != NULL ? s : "";
	size_t used = 0, n, run;

	/* Printable ASCII that fits, as most cells of a table: one copy. */
	n = text_ascii_run(p);
	if (p[n] == '\0' && n <= cols) {
		strbuf_add(sb, p, n);
		used = n;
	} else if (text_width(p) <= cols) {
		for (;;) {
			n = text_ascii_run(p);
			strbuf_add(sb, p, n);
			p += n;
			used += n;
			if (*p == '\0' || !text_next(&p, &u))
				break;
			strbuf_add(sb, u.bytes, u.len);
			used += (size_t)u.width;
		}
	} else if (cols > 0) {
		/* What fits before the `…`: ASCII runs whole, else by unit. */
		for (;;) {
			run = text_ascii_run(p);
			n = run < cols - 1 - used ? run : cols - 1 - used;
			strbuf_add(sb, p, n);
			p += n;
			used += n;
			if (n < run || !text_next(&p, &u) ||
			    used + (size_t)u.width >= cols)
				break;
			strbuf_add(sb, u.bytes, u.len);
			used += (size_t)u.width;
		}
		/* Swallow combining marks that belong to the last character. */
		strbuf_adds(sb, "\xe2\x80\xa6");	/* … */
		used++;
	}
	if (pad && used < cols)
		strbuf_addchars(sb, ' ', cols - used);
}

char **
text_wrap(const char *s, size_t cols, size_t *count)
{
	char **lines = NULL, *word;
	size_t n = 0, cap = 0, len, w, lw = 0;
	struct strbuf line;

	strbuf_init(&line);
	for (;;) {
		while (*s == ' ')
			s++;
		if (*s == '\0')
			break;
		len = strcspn(s, " ");
		word = xasprintf("%.*s", (int)len, s);
		w = text_width(word);
		if (line.len > 0 && lw + 1 + w > cols) {
			if (n == cap) {
				cap = cap ? cap * 2 : 4;
				lines = xreallocarray(lines, cap,
				    sizeof *lines);
			}
			lines[n++] = strbuf_detach(&line);
			strbuf_init(&line);
			lw = 0;
		}
		if (line.len > 0) {
			strbuf_adds(&line, " ");
			lw++;
		}
		strbuf_adds(&line, word);
		lw += w;
		free(word);
		s += len;
	}
	if (line.len > 0 || n == 0) {
		lines = xreallocarray(lines, n + 1, sizeof *lines);
		lines[n++] = strbuf_detach(&line);
	} else
		strbuf_fini(&line);
	*count = n;
	return lines;
}

bool
text_is_yes(int ch)
{
	/*
	 * TRANSLATORS: the one letter that answers yes where a question says
	 * "y/n" (translated as your "j/n"); y answers yes as well.
	 */
	const char *yes = _("y");

	if (ch == 'y' || ch == 'Y')
		return true;
	return ch > 0 && ch < 0x80 && yes[0] != '\0' && (unsigned char)yes[0] < 0x80 &&
	    yes[1] == '\0' && tolower(ch) == tolower((unsigned char)yes[0]);
}

bool
text_is_utf8(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned int cp;
	size_t n;

	if (s == NULL)
		return true;
	while (*p != '\0') {
		if ((n = text_decode(p, &cp)) == 0)
			return false;
		p += n;
	}
	return true;
}

int
text_casecmp(const char *a, const char *b)
{
	const unsigned char *x = (const unsigned char *)(a ? a : "");
	const unsigned char *y = (const unsigned char *)(b ? b : "");

	while (*x != '\0' && tolower(*x) == tolower(*y)) {
		x++;
		y++;
	}
	return tolower(*x) - tolower(*y);
}

bool
text_list_next(const char **p, const char **item, size_t *len)
{
	const char *s = *p, *end;
	size_t n;

	if (s == NULL)
		return false;
	while (*s == ' ' || *s == ',')
		s++;
	if (*s == '\0') {
		*p = s;
		return false;
	}
	end = s + strcspn(s, ",");
	n = (size_t)(end - s);
	while (n > 0 && s[n - 1] == ' ')
		n--;
	*item = s;
	*len = n;
	*p = end;
	return true;
}

bool
text_list_has(const char *list, const char *item)
{
	const char *p = list, *it;
	size_t n, i, len;

	if (list == NULL || item == NULL)
		return false;
	len = strlen(item);
	while (text_list_next(&p, &it, &n)) {
		if (n != len)
			continue;
		for (i = 0; i < n && tolower((unsigned char)it[i]) ==
		    tolower((unsigned char)item[i]); i++)
			;
		if (i == n)
			return true;
	}
	return false;
}

char *
text_list_normalize(const char *list)
{
	struct strbuf sb;
	const char *p = list, *it;
	size_t n;

	strbuf_init(&sb);
	while (text_list_next(&p, &it, &n)) {
		if (sb.len > 0)
			strbuf_addc(&sb, ',');
		strbuf_add(&sb, it, n);
	}
	return strbuf_detach(&sb);
}

/*
 * Base letters of Latin-1's letters (U+00C0-U+00FF) and Latin Extended-A
 * (U+0100-U+017F), for text_fold(); '*' marks one that is not a letter
 * with a diacritic (×, ÷) and stays as it is. Dutch, French, German,
 * Polish, Turkish and the other Latin names a chapter meets fold here;
 * other scripts are kept, lowercased by nothing.
 */
static const char text_fold_latin1[] =
    "AAAAAAACEEEEIIII" "DNOOOOO*OUUUUYTs" "aaaaaaaceeeeiiii" "dnooooo*ouuuuyty";
static const char text_fold_latin_a[] =
    "AaAaAa" "CcCcCcCc" "DdDd" "EeEeEeEeEe" "GgGgGgGg" "HhHh" "IiIiIiIiIi"
    "Ii" "Jj" "Kkk" "LlLlLlLlLl" "NnNnNnnNn" "OoOoOoOo" "RrRrRr" "SsSsSsSs"
    "TtTtTt" "UuUuUuUuUuUu" "Ww" "YyY" "ZzZzZz" "s";

/* Append one character's form to sb: p holds its n bytes, cp its value. */
typedef void (*text_map_fn)(struct strbuf *sb, unsigned int cp,
    const unsigned char *p, size_t n);

/* s, each valid character through fn, invalid bytes dropped. */
static char *
text_map(const char *s, text_map_fn fn)
{
	struct strbuf sb;
	const unsigned char *p = (const unsigned char *)(s != NULL ? s : "");
	unsigned int cp;
	size_t n;

	strbuf_init(&sb);
	while (*p != '\0') {
		if ((n = text_decode(p, &cp)) == 0) {
			p++;
			continue;
		}
		fn(&sb, cp, p, n);
		p += n;
	}
	return strbuf_detach(&sb);
}

/* The folded form of one character (p, n bytes, value cp) into out. */
static size_t
text_fold_one(unsigned int cp, const unsigned char *p, size_t n, char *out)
{
	char c = '*';

	/* Ligatures fold to two letters: "Dĳk" is "dijk". */
	if (cp == 0xc6 || cp == 0xe6)
		return memcpy(out, "ae", 2), 2;
	if (cp == 0x152 || cp == 0x153)
		return memcpy(out, "oe", 2), 2;
	if (cp == 0xdf)
		return memcpy(out, "ss", 2), 2;
	if (cp == 0x132 || cp == 0x133)
		return memcpy(out, "ij", 2), 2;
	if (cp >= 0xc0 && cp <= 0xff)
		c = text_fold_latin1[cp - 0xc0];
	else if (cp >= 0x100 && cp <= 0x17f)
		c = text_fold_latin_a[cp - 0x100];
	else if (cp < 0x80)
		c = (char)cp;
	if (c == '*')
		return memcpy(out, p, n), n;
	out[0] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
	return 1;
}

static void
text_fold_char(struct strbuf *sb, unsigned int cp, const unsigned char *p,
    size_t n)
{
	char out[4];

	strbuf_add(sb, out, text_fold_one(cp, p, n, out));
}

char *
text_fold(const char *s)
{
	return text_map(s, text_fold_char);
}

/* The bytes of a string's folded form, one at a time (text_fold_cmp). */
struct text_fold_iter {
	const unsigned char	*p;		/* what is left to fold */
	char			 buf[4];	/* one character folded */
	size_t			 len, at;
};

/* The next byte of the folded form, or -1 at its end. */
static int
text_fold_next(struct text_fold_iter *it)
{
	unsigned int cp;
	size_t n;

	while (it->at == it->len) {
		if (*it->p == '\0')
			return -1;
		if ((n = text_decode(it->p, &cp)) == 0) {
			it->p++;
			continue;
		}
		it->len = text_fold_one(cp, it->p, n, it->buf);
		it->at = 0;
		it->p += n;
	}
	return (unsigned char)it->buf[it->at++];
}

int
text_fold_cmp(const char *a, const char *b)
{
	struct text_fold_iter x = { 0 }, y = { 0 };
	int c, d;

	x.p = (const unsigned char *)(a != NULL ? a : "");
	y.p = (const unsigned char *)(b != NULL ? b : "");
	do {
		c = text_fold_next(&x);
		d = text_fold_next(&y);
	} while (c == d && c != -1);
	return c < d ? -1 : c > d;
}

/* The lowercase of a Latin-1 or Latin Extended-A letter; cp if none. */
static unsigned int
text_lower_cp(unsigned int cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z' ? cp - 'A' + 'a' : cp;
	if (cp >= 0xc0 && cp <= 0xde && cp != 0xd7)
		return cp + 0x20;
	if (cp == 0x130)		/* İ: as text_fold reads it, i */
		return 'i';
	if (cp == 0x178)		/* Ÿ */
		return 0xff;
	/* Extended-A pairs its cases: upper even, except in two runs. */
	if ((cp >= 0x100 && cp <= 0x137) || (cp >= 0x14a && cp <= 0x177))
		return cp % 2 == 0 ? cp + 1 : cp;
	if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17e))
		return cp % 2 == 1 ? cp + 1 : cp;
	return cp;
}

static void
text_lower_char(struct strbuf *sb, unsigned int cp, const unsigned char *p,
    size_t n)
{
	unsigned int lower = text_lower_cp(cp);

	if (lower == cp)
		strbuf_add(sb, (const char *)p, n);
	else if (lower < 0x80)
		strbuf_addc(sb, (char)lower);
	else {
		/* Both cases of these letters take two bytes. */
		strbuf_addc(sb, (char)(0xc0 | (lower >> 6)));
		strbuf_addc(sb, (char)(0x80 | (lower & 0x3f)));
	}
}

char *
text_lower(const char *s)
{
	return text_map(s, text_lower_char);
}
