/* SPDX-License-Identifier: ISC */
/*
 * Pane 3: volunteers by name with skills, languages and shifts this month.
 * Enter shows one volunteer's upcoming shifts (tui_detail.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rooster/ops.h"
#include "tui_curses.h"
#include "tui_pane.h"

struct tui_pane_volunteers {
	struct volunteer_list	volunteers;
};

static bool
tui_pane_volunteers_reload(struct tui *tui, struct tui_pane *p)
{
	struct tui_pane_volunteers *pv = p->data;
	struct err err;
	size_t i;

	volunteer_list_free(&pv->volunteers);
	if (store_volunteer_list_page(tui->st, p->list.filter[0] ?
	    p->list.filter : NULL, NULL, 0, tui_pane_limit(tui, p),
	    &pv->volunteers,
	    &err) < 0)
		tui_status_error(tui, "%s", err.msg);
	p->more = (int64_t)pv->volunteers.len >= p->limit;
	for (i = 0; i < pv->volunteers.len; i++)
		tui_list_push(&p->list, TUI_ROW_VOLUNTEER, true,
		    pv->volunteers.items[i].id, 0, i);
	return true;
}

static void
tui_pane_volunteers_row(struct tui *tui, struct tui_pane *p,
    const struct tui_list_row *row, int y, int x, int w, bool selected)
{
	struct tui_pane_volunteers *pv = p->data;
	const struct volunteer *v = &pv->volunteers.items[row->ref];
	enum tui_theme base = selected ? THEME_SELECTED : THEME_NORMAL;
	int nw = 3, rest, name_w, skills_w, lang_w;
	char count[16];

	(void)tui;
	rest = w - nw - 1;
	lang_w = rest >= 40 ? 9 : 0;
	skills_w = rest >= 24 ? (rest - lang_w) * 2 / 5 : 0;
	name_w = rest - skills_w - lang_w;
	tui_text_putf(y, x, name_w, base, " %s", v->name);
	if (skills_w > 0)
		tui_text_put(y, x + name_w, skills_w, v->skills,
		    selected ? base : THEME_DIM);
	if (lang_w > 0)
		tui_text_put(y, x + name_w + skills_w, lang_w, v->languages,
		    selected ? base : THEME_DIM);
	snprintf(count, sizeof count, "%*d", nw + 1, v->shifts_this_month);
	tui_text_put(y, x + rest, nw + 1, count, base);
}

static void
tui_pane_volunteers_draw(struct tui *tui, struct tui_pane *p,
    struct tui_rect r, bool focused)
{
	tui_pane_heading(p, r, focused, r.w >= 40 ?
	    _("Volunteers (shifts this month)") : _("Volunteers"));
	tui_pane_draw_rows(p, r, focused, tui_pane_volunteers_row, tui,
	    p->list.filter[0] ? _(" no matching volunteers") :
	    _(" no volunteers yet (a adds one)"));
}

static int
tui_pane_volunteers_handle(struct tui *tui, struct tui_pane *p,
    enum tui_action action)
{
	struct tui_pane_volunteers *pv = p->data;
	const struct tui_list_row *row = tui_list_current(&p->list);
	const struct volunteer *v = NULL;
	char *name;
	int flags;

	if ((flags = tui_pane_move(tui, p, action)) != TUI_UNHANDLED)
		return flags;
	if (action == TUI_ACT_ADD) {
		tui_form_volunteer_open(tui, 0);
		return TUI_HANDLED | TUI_DRAW;
	}
	if (row != NULL)
		v = &pv->volunteers.items[row->ref];
	if (v == NULL) {
		if (action == TUI_ACT_OPEN || action == TUI_ACT_EDIT ||
		    action == TUI_ACT_DELETE) {
			tui_status_message(tui, _("no volunteer selected"));
			return TUI_HANDLED | TUI_DRAW;
		}
		return TUI_UNHANDLED;
	}
	switch (action) {
	case TUI_ACT_OPEN:
		tui_detail_open(tui, v->id);
		return TUI_HANDLED | TUI_DRAW;
	case TUI_ACT_EDIT:
		tui_form_volunteer_open(tui, v->id);
		return TUI_HANDLED | TUI_DRAW;
	case TUI_ACT_DELETE:
		name = text_sanitize(v->name);
		tui_status_ask(tui, "y", tui_pane_drop_answer,
		    v->id, TUI_DROP_VOLUNTEER, _("delete volunteer %s and their assignments? "
		    "y/n"),
		    name);
		free(name);
		return TUI_HANDLED | TUI_DRAW;
	default:
		return TUI_UNHANDLED;
	}
}

static void
tui_pane_volunteers_fini(void *data)
{
	volunteer_list_free(&((struct tui_pane_volunteers *)data)->volunteers);
}

const struct tui_pane_ops tui_pane_volunteers_ops = {
	"volunteers", tui_pane_volunteers_reload, tui_pane_volunteers_draw,
	tui_pane_volunteers_handle, tui_pane_volunteers_fini, false,
	TUI_PANE_FIRST, sizeof(struct tui_pane_volunteers)
};
