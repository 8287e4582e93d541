/* SPDX-License-Identifier: ISC */
/*
 * Pane 2: the shifts of the event selected in pane 1, each followed by its
 * volunteers and their statuses. Assigning (s), removing (x), responses
 * (r) and shift forms start here; each change goes through ops.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rooster/ops.h"
#include "tui_curses.h"
#include "tui_pane.h"

struct tui_pane_shifts {
	int64_t			 event_id;
	char			*event_title;
	struct shift_list	 shifts;
	struct assignment_list	*assigned;	/* one list per shift */
	char			***conflict;	/* [shift][assignment]: the
						   first conflict, or NULL */
	bool			 judged;	/* conflict filled in */
	struct store_invite_keys unconfirmed;	/* asked to confirm a new
						   time or place, no answer */
};

/* Free what the pane holds (also its fini). */
static void
tui_pane_shifts_clear(void *data)
{
	struct tui_pane_shifts *ps = data;
	size_t i, j;

	for (i = 0; ps->assigned != NULL && i < ps->shifts.len; i++) {
		for (j = 0; j < ps->assigned[i].len; j++)
			free(ps->conflict[i][j]);
		free(ps->conflict[i]);
		assignment_list_free(&ps->assigned[i]);
	}
	free(ps->assigned);
	free(ps->conflict);
	ps->assigned = NULL;
	ps->conflict = NULL;
	shift_list_free(&ps->shifts);
	free(ps->event_title);
	ps->event_title = NULL;
	store_invite_keys_free(&ps->unconfirmed);
}

/* Has the volunteer of a been asked to reconfirm and not answered? */
static bool
tui_pane_shifts_unconfirmed(const struct tui_pane_shifts *ps,
    const struct assignment *a)
{
	size_t i;

	for (i = 0; i < ps->unconfirmed.len; i++)
		if (ps->unconfirmed.items[i].shift_id == a->shift_id &&
		    ps->unconfirmed.items[i].volunteer_id == a->volunteer_id)
			return true;
	return false;
}

/* True if the filter matches the shift's role or one of its volunteers. */
static bool
tui_pane_shifts_match(struct tui_pane *p, const struct shift *sh,
    const struct assignment_list *al)
{
	size_t i;

	if (tui_list_filter_match(&p->list, sh->role))
		return true;
	for (i = 0; i < al->len; i++) {
		if (tui_list_filter_match(&p->list, al->items[i].volunteer))
			return true;
	}
	return false;
}

/* The shifts of the event selected in pane 1 (another: from the top). */
static bool
tui_pane_shifts_reload(struct tui *tui, struct tui_pane *p)
{
	struct tui_pane_shifts *ps = p->data;
	struct event ev;
	struct err err;
	int64_t event_id = tui_pane_events_selected(tui);
	bool same = event_id == ps->event_id;
	size_t i, j;

	tui_pane_shifts_clear(ps);
	ps->event_id = event_id;
	if (event_id == 0)
		return same;
	if (store_event_get(tui->st, event_id, &ev, &err) == 0) {
		ps->event_title = xstrdup(ev.title);
		event_fini(&ev);
	}
	if (store_shift_list_event(tui->st, event_id, &ps->shifts, &err) < 0) {
		tui_status_error(tui, "%s", err.msg);
		return same;
	}
	ps->assigned = xcalloc(ps->shifts.len + 1, sizeof *ps->assigned);
	ps->conflict = xcalloc(ps->shifts.len + 1, sizeof *ps->conflict);
	for (i = 0; i < ps->shifts.len; i++) {
		struct shift *sh = &ps->shifts.items[i];
		struct assignment_list *al = &ps->assigned[i];

		if (store_assignment_list_shift(tui->st, sh->id, al, &err) < 0)
			tui_status_error(tui, "%s", err.msg);
		if (store_invite_unconfirmed(tui->st, sh->id, &ps->unconfirmed,
		    &err) < 0)
			tui_status_error(tui, "%s", err.msg);
		ps->conflict[i] = xcalloc(al->len + 1, sizeof **ps->conflict);
		if (!tui_pane_shifts_match(p, sh, al))
			continue;
		tui_list_push(&p->list, TUI_ROW_SHIFT, true, sh->id, 0, i);
		for (j = 0; j < al->len && j < 10000; j++)
			tui_list_push(&p->list, TUI_ROW_ASSIGNMENT, true,
			    al->items[j].volunteer_id, sh->id,
			    i * 10000 + j);
	}
	ps->judged = false;
	return same;
}

bool
tui_pane_shifts_judge(struct tui *tui)
{
	struct tui_pane_shifts *ps = tui->panes[TUI_PANE_SHIFTS]->data;
	struct err err;

	if (ps->judged || ps->assigned == NULL)
		return false;
	ps->judged = true;
	(void)ops_assign_judge(tui->st, &ps->shifts, ps->assigned,
	    ps->conflict, &err);
	return true;
}

static const struct assignment *
tui_pane_shifts_assignment(struct tui_pane_shifts *ps,
    const struct tui_list_row *row)
{
	size_t i = row->ref / 10000, j = row->ref % 10000;

	if (row->kind != TUI_ROW_ASSIGNMENT || i >= ps->shifts.len ||
	    j >= ps->assigned[i].len)
		return NULL;
	return &ps->assigned[i].items[j];
}

/* The conflict of the assignment in row, or NULL. */
static const char *
tui_pane_shifts_conflict_of(struct tui_pane_shifts *ps,
    const struct tui_list_row *row)
{
	size_t i, j;

	if (row == NULL || tui_pane_shifts_assignment(ps, row) == NULL)
		return NULL;
	i = row->ref / 10000;
	j = row->ref % 10000;
	return ps->conflict[i][j];
}

const char *
tui_pane_shifts_conflict(struct tui *tui)
{
	struct tui_pane *p = tui->panes[TUI_PANE_SHIFTS];

	return tui_pane_shifts_conflict_of(p->data,
	    tui_list_current(&p->list));
}

static const struct shift *
tui_pane_shifts_shift(struct tui_pane_shifts *ps,
    const struct tui_list_row *row)
{
	size_t i;

	if (row == NULL)
		return NULL;
	i = row->kind == TUI_ROW_ASSIGNMENT ? row->ref / 10000 : row->ref;
	return i < ps->shifts.len ? &ps->shifts.items[i] : NULL;
}


/* Columns for the widest status word in the user's language, plus a gap. */
static int
tui_pane_shifts_status_width(void)
{
	enum assignment_status st;
	size_t w, widest = 0;

	for (st = ASSIGNMENT_PLANNED; st <= ASSIGNMENT_OFFERED; st++) {
		w = text_width(_(assignment_status_name(st)));
		if (w > widest)
			widest = w;
	}
	return widest > 14 ? 15 : (int)widest + 1;
}
static void
tui_pane_shifts_row(struct tui *tui, struct tui_pane *p,
    const struct tui_list_row *row, int y, int x, int w, bool selected)
{
	struct tui_pane_shifts *ps = p->data;
	const struct shift *sh = tui_pane_shifts_shift(ps, row);
	const struct assignment *a;
	enum tui_theme base = selected ? THEME_SELECTED : THEME_NORMAL, style;
	char when[32], staff[32], role[160];
	int tw, sw, stw;
	bool conflict;

	(void)tui;
	if (row->kind == TUI_ROW_ASSIGNMENT) {
		a = tui_pane_shifts_assignment(ps, row);
		if (a == NULL)
			return;
		stw = w >= 30 ? tui_pane_shifts_status_width() : 0;
		/* "!!" survives a monochrome terminal; the reason is on the
		 * status line when the row is selected. */
		conflict = tui_pane_shifts_conflict_of(ps, row) != NULL;
		tui_text_putf(y, x, w - stw, conflict && !selected ?
		    THEME_ERROR : base, "%s%s%s%s%s%s", conflict ? " !! " :
		    "    ", a->volunteer, a->forced ? _(" (forced)") : "",
		    tui_pane_shifts_unconfirmed(ps, a) ?
		    _(" (not reconfirmed)") : "",
		    a->note != NULL && *a->note != '\0' ? " - " : "",
		    a->note != NULL ? a->note : "");
		/* The gap goes before the status, so a name and note cut
		 * to fit never run into it. */
		if (stw > 0)
			tui_text_put(y, x + w - stw + 1, stw - 1,
			    _(assignment_status_name(a->status)),
			    selected ? base : a->status == ASSIGNMENT_DECLINED ?
			    THEME_DIM : a->status == ASSIGNMENT_ACCEPTED ?
			    THEME_STAFFED : THEME_NORMAL);
		return;
	}
	tui_pane_when(sh->start, sh->end, true, when, sizeof when);
	tw = (int)text_width(when) + 2;
	style = tui_pane_staffing(sh->assigned, sh->needed,
	    sh->event_status == EVENT_CANCELLED, staff, sizeof staff);
	sw = (int)strlen(staff) > 6 ? (int)strlen(staff) : 6;
	/* With its language: two "tolk" shifts must not look the same. */
	shift_role_text(sh->role, sh->language, role, sizeof role);
	if (w < tw + sw + 4) {
		tui_text_putf(y, x, w - sw, base, " %s", role);
		tui_text_put(y, x + w - sw, sw, staff, selected ? base : style);
		return;
	}
	tui_text_putf(y, x, tw, base, " %s", when);
	tui_text_put(y, x + tw, w - tw - sw, role, base);
	tui_text_put(y, x + w - sw, sw, staff, selected ? base : style);
}

static void
tui_pane_shifts_draw(struct tui *tui, struct tui_pane *p, struct tui_rect r,
    bool focused)
{
	struct tui_pane_shifts *ps = p->data;
	char *title;

	title = xasprintf(_("Shifts%s%s"), ps->event_title ? ": " : "",
	    ps->event_title ? ps->event_title : "");
	tui_pane_heading(p, r, focused, title);
	free(title);
	tui_pane_draw_rows(p, r, focused, tui_pane_shifts_row, tui,
	    ps->event_id == 0 ? _(" no event selected") :
	    p->list.filter[0] ? _(" no matching shifts") :
	    _(" no shifts yet (a adds one)"));
}

int
tui_pane_shifts_unassign_answer(struct tui *tui, int key,
    const struct tui_ask *ask)
{
	struct err err;
	int rc;

	(void)key;
	rc = ops_unassign(tui->st, ask->a, ask->b, &err);
	return tui_pane_done(tui, rc, &err, _("assignment removed"));
}

int
tui_pane_shifts_respond_answer(struct tui *tui, int key,
    const struct tui_ask *ask)
{
	enum assignment_status status;
	struct err err;
	char done[64];
	int rc;

	status = key == 'a' ? ASSIGNMENT_ACCEPTED : key == 'd' ?
	    ASSIGNMENT_DECLINED : ASSIGNMENT_TENTATIVE;
	rc = ops_respond(tui->st, ask->a, ask->b, status, &err);
	snprintf(done, sizeof done, _("response recorded: %s"),
	    _(assignment_status_name(status)));
	return tui_pane_done(tui, rc, &err, done);
}

static int
tui_pane_shifts_handle(struct tui *tui, struct tui_pane *p,
    enum tui_action action)
{
	struct tui_pane_shifts *ps = p->data;
	const struct tui_list_row *row = tui_list_current(&p->list);
	const struct shift *sh = tui_pane_shifts_shift(ps, row);
	const struct assignment *a = NULL;
	struct err err;
	char *name = NULL;
	int flags;

	if ((flags = tui_pane_move(tui, p, action)) != TUI_UNHANDLED)
		return flags;
	if (row != NULL && row->kind == TUI_ROW_ASSIGNMENT)
		a = tui_pane_shifts_assignment(ps, row);
	if (action == TUI_ACT_ADD) {
		if (ps->event_id == 0) {
			tui_status_message(tui, _("select an event first"));
			return TUI_HANDLED | TUI_DRAW;
		}
		tui_form_shift_open(tui, ps->event_id, 0);
		return TUI_HANDLED | TUI_DRAW;
	}
	if (sh == NULL) {
		switch (action) {
		case TUI_ACT_OPEN:
		case TUI_ACT_EDIT:
		case TUI_ACT_DELETE:
		case TUI_ACT_ASSIGN:
		case TUI_ACT_UNASSIGN:
		case TUI_ACT_RESPOND:
		case TUI_ACT_OFFER:
			tui_status_message(tui, _("no shift selected"));
			return TUI_HANDLED | TUI_DRAW;
		default:
			return TUI_UNHANDLED;
		}
	}
	/* These act on the volunteer selected under the shift. */
	if (a == NULL && (action == TUI_ACT_UNASSIGN ||
	    action == TUI_ACT_NOTE || action == TUI_ACT_RESPOND)) {
		tui_status_message(tui, action == TUI_ACT_UNASSIGN ?
		    _("select a volunteer under the shift to remove") :
		    _("select a volunteer under the shift first"));
		return TUI_HANDLED | TUI_DRAW;
	}
	if (a != NULL)
		name = text_sanitize(a->volunteer);
	flags = TUI_HANDLED | TUI_DRAW;
	switch (action) {
	case TUI_ACT_OPEN:
	case TUI_ACT_EDIT:
		if (a != NULL && action == TUI_ACT_OPEN)
			return tui_pane_shifts_handle(tui, p, TUI_ACT_RESPOND);
		tui_form_shift_open(tui, sh->event_id, sh->id);
		break;
	case TUI_ACT_DELETE:
		if (a != NULL)
			tui_status_ask(tui, "y",
			    tui_pane_shifts_unassign_answer, sh->id,
			    a->volunteer_id, _("remove %s from %s? y/n"), name,
			    sh->role);
		else
			tui_status_ask(tui, "y", tui_pane_drop_answer,
			    sh->id, TUI_DROP_SHIFT, _("delete shift '%s' with its "
			    "assignments? y/n"), sh->role);
		break;
	case TUI_ACT_ASSIGN:
		tui_picker_open(tui, sh->id);
		break;
	case TUI_ACT_OFFER:
		return tui_invite_offer_ask(tui, sh->id, sh->role);
	case TUI_ACT_UNASSIGN:
		flags = tui_pane_done(tui, ops_unassign(tui->st, sh->id,
		    a->volunteer_id, &err), &err, _("assignment removed"));
		break;
	case TUI_ACT_NOTE:
		tui_form_note_open(tui, sh->id, a->volunteer_id, a->volunteer,
		    a->note);
		break;
	case TUI_ACT_RESPOND:
		tui_status_ask(tui, "adt", tui_pane_shifts_respond_answer,
		    sh->id, a->volunteer_id, _("%s: a accepted, d declined, "
		    "t tentative (Esc cancels)"), name);
		break;
	default:
		flags = TUI_UNHANDLED;
		break;
	}
	free(name);
	return flags;
}

const struct tui_pane_ops tui_pane_shifts_ops = {
	"shifts", tui_pane_shifts_reload, tui_pane_shifts_draw,
	tui_pane_shifts_handle, tui_pane_shifts_clear, false, TUI_PANE_PAGE,
	sizeof(struct tui_pane_shifts)
};
