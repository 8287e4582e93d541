/* SPDX-License-Identifier: ISC */
/*
 * Stored text reaches the terminal only through here: cut and padded by
 * display width with util's text_fit(), which also escapes every control
 * character, so a name holding ESC ] 0 ; ... BEL is shown, not obeyed.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui_curses.h"

char *
tui_text_fit(const char *s, int w)
{
	struct strbuf sb;

	strbuf_init(&sb);
	if (w > 0)
		text_fit(&sb, s, (size_t)w, true);
	return strbuf_detach(&sb);
}

void
tui_text_put(int y, int x, int w, const char *s, enum tui_theme style)
{
	char *cell;

	if (w <= 0 || y < 0 || x < 0 || y >= LINES || x >= COLS)
		return;
	if (x + w > COLS)
		w = COLS - x;
	cell = tui_text_fit(s, w);
	attrset(tui_theme_attr(style));
	mvaddstr(y, x, cell);
	attrset(A_NORMAL);
	free(cell);
}

void
tui_text_putf(int y, int x, int w, enum tui_theme style, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	tui_text_put(y, x, w, s, style);
	free(s);
}

void
tui_text_fill(struct tui_rect r, enum tui_theme style)
{
	int i;

	for (i = 0; i < r.h; i++)
		tui_text_put(r.y + i, r.x, r.w, "", style);
}

void
tui_text_box(struct tui_rect r, const char *title)
{
	int i;

	if (r.h < 2 || r.w < 4)
		return;
	tui_text_fill(r, THEME_NORMAL);
	attrset(tui_theme_attr(THEME_HEADER));
	mvaddch(r.y, r.x, ACS_ULCORNER);
	mvhline(r.y, r.x + 1, ACS_HLINE, r.w - 2);
	mvaddch(r.y, r.x + r.w - 1, ACS_URCORNER);
	for (i = 1; i < r.h - 1; i++) {
		mvaddch(r.y + i, r.x, ACS_VLINE);
		mvaddch(r.y + i, r.x + r.w - 1, ACS_VLINE);
	}
	mvaddch(r.y + r.h - 1, r.x, ACS_LLCORNER);
	mvhline(r.y + r.h - 1, r.x + 1, ACS_HLINE, r.w - 2);
	mvaddch(r.y + r.h - 1, r.x + r.w - 1, ACS_LRCORNER);
	attrset(A_NORMAL);
	if (title != NULL && r.w > 6) {
		char *t = xasprintf(" %s ", title);
		int tw = (int)text_width(t);

		tui_text_put(r.y, r.x + 2, tw < r.w - 4 ? tw : r.w - 4, t,
		    THEME_HEADER);
		free(t);
	}
}

void
tui_text_vline(int y, int x, int h)
{
	if (x < 0 || x >= COLS || h <= 0)
		return;
	mvvline(y, x, ACS_VLINE, h);
}

bool
tui_text_append_cp(char *buf, size_t size, unsigned int cp)
{
	size_t len = strlen(buf);
	char enc[4];
	size_t n, i;

	if (cp < 0x80) {
		enc[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		enc[0] = (char)(0xc0 | (cp >> 6));
		enc[1] = (char)(0x80 | (cp & 0x3f));
		n = 2;
	} else if (cp < 0x10000) {
		if (cp >= 0xd800 && cp <= 0xdfff)
			return false;
		enc[0] = (char)(0xe0 | (cp >> 12));
		enc[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		enc[2] = (char)(0x80 | (cp & 0x3f));
		n = 3;
	} else if (cp < 0x110000) {
		enc[0] = (char)(0xf0 | (cp >> 18));
		enc[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		enc[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
		enc[3] = (char)(0x80 | (cp & 0x3f));
		n = 4;
	} else
		return false;
	if (len + n + 1 > size)
		return false;
	for (i = 0; i < n; i++)
		buf[len + i] = enc[i];
	buf[len + n] = '\0';
	return true;
}

void
tui_text_backspace(char *buf)
{
	size_t len = strlen(buf);

	while (len > 0) {
		len--;
		if (((unsigned char)buf[len] & 0xc0) != 0x80)
			break;
	}
	buf[len] = '\0';
}
