/* SPDX-License-Identifier: ISC */
/*
 * The one scrolling view: the help over the whole body, a volunteer's
 * shifts and a history in a box. Each kind gives its lines through its
 * table (struct tui_view_ops); this file scrolls them. Moving past the
 * end is clamped when drawing, where the height is known.
 */
#include <stdlib.h>
#include <string.h>

#include "tui_curses.h"

struct tui_view {
	char		*title;
	void		*data;
	size_t		 top;		/* first line shown */
	size_t		 height;	/* lines shown last */
	size_t		 n;		/* lines, without vops->count */
};

static const struct tui_view_ops *
tui_view_ops_of(const struct tui_popup *pp)
{
	/* The pop-up's ops are the first member of the view's. */
	return (const struct tui_view_ops *)(const void *)pp->ops;
}

void
tui_view_open(struct tui *tui, const struct tui_view_ops *vops,
    const char *title, void *data, size_t n)
{
	struct tui_view *v = xcalloc(1, sizeof *v);

	v->title = xstrdup(title);
	v->data = data;
	v->n = n;
	tui_stack_push(tui, &vops->popup, v);
}

void
tui_view_close(struct tui_popup *pp)
{
	struct tui_view *v = pp->data;

	tui_view_ops_of(pp)->free(v->data);
	free(v->data);
	free(v->title);
	free(v);
}

void
tui_view_draw(struct tui *tui, struct tui_popup *pp)
{
	const struct tui_view_ops *vops = tui_view_ops_of(pp);
	struct tui_view *v = pp->data;
	struct tui_rect r;
	size_t n, i;
	int y, first, last, x, w;

	if (vops->popup.flags & TUI_POPUP_FULL) {
		/* The body under a heading, one column of margin. */
		r = tui->layout.body;
		n = vops->count != NULL ? vops->count(tui, v->data, r.w) :
		    v->n;
		if (r.h < 2)
			return;
		tui_text_put(r.y, r.x, r.w, v->title, THEME_HEADER);
		first = 1;
		last = r.h;
		x = r.x;
		w = r.w;
	} else {
		if (!tui_layout_box(tui->lines, tui->cols, tui->lines - 2,
		    tui->cols < vops->width ? tui->cols : vops->width, &r)) {
			if (vops->small != NULL)
				tui_text_put(tui->layout.body.y, 0, tui->cols,
				    _(vops->small), THEME_ERROR);
			return;
		}
		tui_text_box(r, v->title);
		first = 1;
		last = r.h - 1;
		x = r.x + 2;
		w = r.w - 4;
		n = vops->count != NULL ? vops->count(tui, v->data, w) : v->n;
	}
	v->height = last > first ? (size_t)(last - first) : 1;
	if (n <= v->height)
		v->top = 0;
	else if (v->top > n - v->height)
		v->top = n - v->height;
	if (n == 0 && vops->empty != NULL)
		tui_text_put(r.y + first, x, w, _(vops->empty), THEME_DIM);
	for (i = v->top, y = first; i < n && y < last; i++, y++)
		vops->line(tui, v->data, i, r.y + y, x, w);
}

int
tui_view_key(struct tui *tui, struct tui_popup *pp, int key)
{
	const struct tui_view_ops *vops = tui_view_ops_of(pp);
	struct tui_view *v = pp->data;
	enum tui_action action = tui_keymap_action(&tui->keymap, key);
	size_t page = v->height > 1 ? v->height - 1 : 1;
	bool full = vops->popup.flags & TUI_POPUP_FULL;

	/* A box closes on these keys whatever they are bound to; the
	 * help, over the whole body, on what they are bound to. */
	if ((vops->closes != TUI_ACT_NONE && action == vops->closes) ||
	    (full ? action == TUI_ACT_ESCAPE || action == TUI_ACT_QUIT :
	    key == TUI_KEY_ESC || key == 'q' || key == TUI_KEY_ENTER))
		return TUI_HANDLED | TUI_DRAW | TUI_CLOSE;
	switch (action) {
	case TUI_ACT_DOWN:
		v->top++;
		break;
	case TUI_ACT_UP:
		if (v->top > 0)
			v->top--;
		break;
	case TUI_ACT_PAGE_DOWN:
		v->top += page;
		break;
	case TUI_ACT_PAGE_UP:
		v->top = v->top > page ? v->top - page : 0;
		break;
	case TUI_ACT_FIRST:
		v->top = 0;
		break;
	case TUI_ACT_LAST:
		/* Drawing clamps to the last page. */
		v->top = (size_t)-1 / 2;
		break;
	default:
		/* Keys the help does not use are the screen's. */
		return full ? TUI_UNHANDLED : TUI_HANDLED | TUI_DRAW;
	}
	return TUI_HANDLED | TUI_DRAW;
}
