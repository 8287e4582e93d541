/* SPDX-License-Identifier: ISC */
/*
 * The assign picker (s): volunteers filtered as you type, those who can
 * take the shift first, those with conflicts after them, greyed, with the
 * reason ops_assign_check() gives. Choosing one with conflicts asks before
 * forcing. At most TUI_PICKER_MAX volunteers are judged per keystroke.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rooster/ops.h"
#include "tui_curses.h"
#include "tui_pane.h"

#define TUI_PICKER_MAX 200

struct tui_picker_item {
	int64_t	 id;
	char	*name;
	char	*reason;	/* first conflict, or NULL */
	size_t	 conflicts;
	bool	 already;	/* on the shift already */
	size_t	 order;		/* position by name, for a stable sort */
};

struct tui_picker {
	int64_t			 shift_id;
	char			*title;
	char			 filter[128];
	struct tui_picker_item	*items;
	size_t			 len;
	struct tui_list		 list;
	size_t			 height;
};

static void
tui_picker_clear(struct tui_picker *pk)
{
	size_t i;

	for (i = 0; i < pk->len; i++) {
		free(pk->items[i].name);
		free(pk->items[i].reason);
	}
	free(pk->items);
	pk->items = NULL;
	pk->len = 0;
}

void
tui_picker_free(struct tui_picker *pk)
{
	if (pk == NULL)
		return;
	tui_picker_clear(pk);
	tui_list_fini(&pk->list);
	free(pk->title);
	free(pk);
}

static int
tui_picker_rank(const struct tui_picker_item *it)
{
	if (it->already)
		return 2;
	return it->conflicts > 0 ? 1 : 0;
}

static int
tui_picker_cmp(const void *a, const void *b)
{
	const struct tui_picker_item *x = a, *y = b;
	int rx = tui_picker_rank(x), ry = tui_picker_rank(y);

	if (rx != ry)
		return rx - ry;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* The reason without the name it starts with: the name is beside it. */
static const char *
tui_picker_reason(const char *name, const char *reason)
{
	size_t n = strlen(name);

	if (strncmp(reason, name, n) == 0 && reason[n] == ' ')
		return reason + n + 1;
	return reason;
}

/* Judge the volunteers matching the filter against the shift. */
static void
tui_picker_rebuild(struct tui *tui, struct tui_picker *pk)
{
	struct volunteer_list vl = { 0 };
	struct assignment_list al = { 0 };
	struct plan_conflict_list cl;
	struct tui_list_row saved, *savedp = NULL;
	const struct tui_list_row *cur = tui_list_current(&pk->list);
	struct tui_picker_item *it;
	struct err err;
	size_t i, j, n;

	if (cur != NULL) {
		saved = *cur;
		savedp = &saved;
	}
	tui_picker_clear(pk);
	tui_list_clear(&pk->list);
	if (store_volunteer_list_page(tui->st, pk->filter[0] ? pk->filter :
	    NULL, NULL, 0, TUI_PICKER_MAX, &vl, &err) < 0 ||
	    store_assignment_list_shift(tui->st, pk->shift_id, &al, &err) < 0)
		tui_status_error(tui, "%s", err.msg);
	n = vl.len < TUI_PICKER_MAX ? vl.len : TUI_PICKER_MAX;
	pk->items = xcalloc(n + 1, sizeof *pk->items);
	for (i = 0; i < n; i++) {
		it = &pk->items[pk->len++];
		it->id = vl.items[i].id;
		it->name = xstrdup(vl.items[i].name);
		it->order = i;
		for (j = 0; j < al.len; j++) {
			if (al.items[j].volunteer_id == it->id)
				it->already = true;
		}
		if (it->already)
			continue;
		memset(&cl, 0, sizeof cl);
		if (ops_assign_check(tui->st, pk->shift_id, it->id, &cl,
		    &err) < 0) {
			it->conflicts = 1;
			it->reason = xstrdup(err.msg);
		} else if (cl.len > 0) {
			it->conflicts = cl.len;
			it->reason = xstrdup(tui_picker_reason(it->name,
			    cl.items[0].reason));
		}
		plan_conflict_list_free(&cl);
	}
	qsort(pk->items, pk->len, sizeof *pk->items, tui_picker_cmp);
	for (i = 0; i < pk->len; i++)
		tui_list_push(&pk->list, TUI_ROW_VOLUNTEER, true,
		    pk->items[i].id, 0, i);
	tui_list_restore(&pk->list, savedp);
	volunteer_list_free(&vl);
	assignment_list_free(&al);
}

void
tui_picker_open(struct tui *tui, int64_t shift_id)
{
	struct tui_picker *pk = xcalloc(1, sizeof *pk);
	struct shift sh;
	struct err err;
	char when[32];

	if (store_shift_get(tui->st, shift_id, &sh, &err) < 0) {
		tui_status_error(tui, "%s", err.msg);
		free(pk);
		return;
	}
	rtime_format(sh.start, "%a %d %b %H:%M", when, sizeof when);
	pk->title = xasprintf("Assign to %s, %s", sh.role, when);
	shift_fini(&sh);
	pk->shift_id = shift_id;
	tui_list_init(&pk->list);
	tui_picker_free(tui->picker);
	tui->picker = pk;
	tui_picker_rebuild(tui, pk);
}

static void
tui_picker_close(struct tui *tui)
{
	tui_picker_free(tui->picker);
	tui->picker = NULL;
}

static int
tui_picker_assign(struct tui *tui, int64_t shift_id, int64_t volunteer_id,
    bool force)
{
	struct err err;
	int rc;

	rc = ops_assign(tui->st, shift_id, volunteer_id, force, NULL, &err);
	if (rc == 0)
		tui_picker_close(tui);
	return tui_pane_done(tui, rc, &err, force ? "assigned (forced)" :
	    "assigned");
}

static int
tui_picker_force_answer(struct tui *tui, int key)
{
	(void)key;
	return tui_picker_assign(tui, tui->ask.a, tui->ask.b, true);
}

static int
tui_picker_choose(struct tui *tui, struct tui_picker *pk)
{
	const struct tui_list_row *row = tui_list_current(&pk->list);
	const struct tui_picker_item *it;
	char *name;

	if (row == NULL) {
		tui_status_message(tui, "no volunteer matches");
		return TUI_HANDLED | TUI_DRAW;
	}
	it = &pk->items[row->ref];
	name = text_sanitize(it->name);
	if (it->already)
		tui_status_message(tui, "%s is already on this shift", name);
	else if (it->conflicts > 0)
		tui_status_ask(tui, "y", tui_picker_force_answer, pk->shift_id,
		    it->id, "assign anyway? y/n (%s)", it->reason);
	else {
		free(name);
		return tui_picker_assign(tui, pk->shift_id, it->id, false);
	}
	free(name);
	return TUI_HANDLED | TUI_DRAW;
}

int
tui_picker_key(struct tui *tui, struct tui_picker *pk, int key)
{
	size_t h = pk->height > 0 ? pk->height : 1;

	switch (key) {
	case TUI_KEY_NONE:
		break;
	case TUI_KEY_ESC:
		tui_picker_close(tui);
		return TUI_HANDLED | TUI_DRAW;
	case TUI_KEY_ENTER:
		return tui_picker_choose(tui, pk);
	case TUI_KEY_DOWN:
	case TUI_KEY_TAB:
		tui_list_move(&pk->list, 1);
		return TUI_HANDLED | TUI_DRAW;
	case TUI_KEY_UP:
	case TUI_KEY_BTAB:
		tui_list_move(&pk->list, -1);
		return TUI_HANDLED | TUI_DRAW;
	case TUI_KEY_PGDN:
		tui_list_page(&pk->list, 1, h);
		return TUI_HANDLED | TUI_DRAW;
	case TUI_KEY_PGUP:
		tui_list_page(&pk->list, -1, h);
		return TUI_HANDLED | TUI_DRAW;
	case TUI_KEY_HOME:
		tui_list_first(&pk->list);
		return TUI_HANDLED | TUI_DRAW;
	case TUI_KEY_END:
		tui_list_last(&pk->list);
		return TUI_HANDLED | TUI_DRAW;
	case TUI_KEY_BACKSPACE:
		tui_text_backspace(pk->filter);
		pk->list.selected = 0;
		break;
	default:
		if (key < 0x20 || key == 0x7f || key >= TUI_KEY_BASE ||
		    (key >= 0x80 && key < 0xa0))
			return TUI_HANDLED;
		tui_text_append_cp(pk->filter, sizeof pk->filter,
		    (unsigned int)key);
		pk->list.selected = 0;
		break;
	}
	tui_picker_rebuild(tui, pk);
	return TUI_HANDLED | TUI_DRAW;
}

void
tui_picker_draw(struct tui *tui, struct tui_picker *pk)
{
	const struct tui_picker_item *it;
	struct tui_rect r;
	size_t i;
	int y, nw;
	bool sel;

	if (!tui_layout_box(tui->lines, tui->cols, tui->lines - 2 < 22 ?
	    tui->lines - 2 : 22, tui->cols < 76 ? tui->cols : 76, &r)) {
		tui_text_put(tui->layout.body.y, 0, tui->cols,
		    "enlarge the terminal to see the picker", THEME_ERROR);
		return;
	}
	tui_text_box(r, pk->title);
	tui_text_putf(r.y + 1, r.x + 2, r.w - 4, THEME_INPUT, "Find: %s_",
	    pk->filter);
	pk->height = r.h > 4 ? (size_t)(r.h - 4) : 1;
	tui_list_scroll(&pk->list, pk->height);
	if (pk->len == 0)
		tui_text_put(r.y + 2, r.x + 2, r.w - 4, "no volunteer matches",
		    THEME_DIM);
	nw = (r.w - 4) * 2 / 5;
	for (i = pk->list.top, y = 2; i < pk->list.len && y < r.h - 2;
	    i++, y++) {
		it = &pk->items[pk->list.rows[i].ref];
		sel = i == pk->list.selected;
		if (it->already || it->conflicts > 0) {
			tui_text_putf(r.y + y, r.x + 2, nw,
			    sel ? THEME_SELECTED : THEME_DIM, "  %s", it->name);
			tui_text_putf(r.y + y, r.x + 2 + nw, r.w - 4 - nw,
			    sel ? THEME_SELECTED : THEME_DIM, "%s",
			    it->already ? "already on this shift" : it->reason);
		} else {
			tui_text_putf(r.y + y, r.x + 2, nw,
			    sel ? THEME_SELECTED : THEME_NORMAL, "+ %s",
			    it->name);
			tui_text_put(r.y + y, r.x + 2 + nw, r.w - 4 - nw,
			    "free", sel ? THEME_SELECTED : THEME_STAFFED);
		}
	}
	tui_text_put(r.y + r.h - 2, r.x + 2, r.w - 4,
	    "type to filter, arrows move, Enter assigns, Esc closes",
	    THEME_DIM);
}
