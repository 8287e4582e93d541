/* SPDX-License-Identifier: ISC */
/*
 * The one list widget every pane uses (as tmux's mode-tree.c): rows with
 * an id, a selection that skips headings, a window of rows scrolled to keep
 * the selection visible, and a filter string. No curses here, so that all
 * of it is unit-tested.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rooster/util.h"
#include "tui_int.h"

void
tui_list_init(struct tui_list *l)
{
	memset(l, 0, sizeof *l);
}

void
tui_list_fini(struct tui_list *l)
{
	free(l->rows);
	tui_list_init(l);
}

void
tui_list_clear(struct tui_list *l)
{
	l->len = 0;
}

void
tui_list_push(struct tui_list *l, int kind, bool selectable, int64_t id,
    int64_t parent, size_t ref)
{
	struct tui_list_row *row;

	if (l->len == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 32;
		l->rows = xreallocarray(l->rows, l->cap, sizeof *l->rows);
	}
	row = &l->rows[l->len++];
	row->kind = kind;
	row->selectable = selectable;
	row->id = id;
	row->parent = parent;
	row->ref = ref;
}

const struct tui_list_row *
tui_list_current(const struct tui_list *l)
{
	if (l->selected >= l->len || !l->rows[l->selected].selectable)
		return NULL;
	return &l->rows[l->selected];
}

/* Nearest selectable row at or after i (dir 1) or before (dir -1). */
static bool
tui_list_seek(const struct tui_list *l, size_t i, int dir, size_t *out)
{
	while (i < l->len) {
		if (l->rows[i].selectable) {
			*out = i;
			return true;
		}
		if (dir < 0 && i == 0)
			break;
		i = dir < 0 ? i - 1 : i + 1;
	}
	return false;
}

/* Put the selection on a selectable row near its index. */
static void
tui_list_settle(struct tui_list *l)
{
	size_t i;

	if (l->len == 0) {
		l->selected = 0;
		return;
	}
	if (l->selected >= l->len)
		l->selected = l->len - 1;
	if (tui_list_seek(l, l->selected, 1, &i) ||
	    tui_list_seek(l, l->selected, -1, &i))
		l->selected = i;
}

bool
tui_list_move(struct tui_list *l, int delta)
{
	size_t old = l->selected, i;

	tui_list_settle(l);
	if (tui_list_current(l) == NULL)
		return false;
	while (delta > 0 && l->selected + 1 < l->len &&
	    tui_list_seek(l, l->selected + 1, 1, &i)) {
		l->selected = i;
		delta--;
	}
	while (delta < 0 && l->selected > 0 &&
	    tui_list_seek(l, l->selected - 1, -1, &i)) {
		l->selected = i;
		delta++;
	}
	return l->selected != old;
}

bool
tui_list_first(struct tui_list *l)
{
	size_t old = l->selected, i;

	if (tui_list_seek(l, 0, 1, &i))
		l->selected = i;
	return l->selected != old;
}

bool
tui_list_last(struct tui_list *l)
{
	size_t old = l->selected, i;

	if (l->len > 0 && tui_list_seek(l, l->len - 1, -1, &i))
		l->selected = i;
	return l->selected != old;
}

bool
tui_list_page(struct tui_list *l, int dir, size_t height)
{
	size_t old = l->selected, step = height > 1 ? height - 1 : 1, i;

	tui_list_settle(l);
	if (tui_list_current(l) == NULL)
		return false;
	if (dir > 0) {
		i = l->selected + step;
		if (i >= l->len)
			i = l->len - 1;
		if (!tui_list_seek(l, i, -1, &l->selected))
			l->selected = old;
		if (l->selected <= old)
			tui_list_last(l);
		l->top += step;
	} else {
		i = l->selected > step ? l->selected - step : 0;
		if (!tui_list_seek(l, i, 1, &l->selected))
			l->selected = old;
		if (l->selected >= old)
			tui_list_first(l);
		l->top = l->top > step ? l->top - step : 0;
	}
	return l->selected != old;
}

bool
tui_list_select(struct tui_list *l, int kind, int64_t id, int64_t parent)
{
	size_t i;

	for (i = 0; i < l->len; i++) {
		if (l->rows[i].selectable && l->rows[i].kind == kind &&
		    l->rows[i].id == id && l->rows[i].parent == parent) {
			l->selected = i;
			return true;
		}
	}
	return false;
}

void
tui_list_restore(struct tui_list *l, const struct tui_list_row *saved)
{
	size_t i;

	if (saved != NULL) {
		if (tui_list_select(l, saved->kind, saved->id, saved->parent))
			return;
		/* An assignment that went away: fall back to its shift. */
		for (i = 0; i < l->len; i++) {
			if (l->rows[i].selectable && saved->parent != 0 &&
			    l->rows[i].id == saved->parent &&
			    l->rows[i].parent == 0) {
				l->selected = i;
				return;
			}
		}
	}
	tui_list_settle(l);
}

void
tui_list_scroll(struct tui_list *l, size_t height)
{
	if (height == 0)
		return;
	if (l->len <= height) {
		l->top = 0;
		return;
	}
	if (l->top > l->len - height)
		l->top = l->len - height;
	if (l->selected < l->top)
		l->top = l->selected;
	else if (l->selected >= l->top + height)
		l->top = l->selected - height + 1;
	/* Keep a heading in view above the first item it heads. */
	if (l->top > 0 && l->top == l->selected &&
	    !l->rows[l->top - 1].selectable)
		l->top--;
}

void
tui_list_filter_set(struct tui_list *l, const char *filter)
{
	snprintf(l->filter, sizeof l->filter, "%s", filter ? filter : "");
}

bool
tui_list_filter_match(const struct tui_list *l, const char *s)
{
	char *text, *want;
	bool found;

	if (l->filter[0] == '\0')
		return true;
	if (s == NULL)
		return false;
	/* Case and Latin accents ignored: "ella" finds "Ëlla". */
	text = text_fold(s);
	want = text_fold(l->filter);
	found = strstr(text, want) != NULL;
	free(text);
	free(want);
	return found;
}
