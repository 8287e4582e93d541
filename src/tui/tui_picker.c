/* SPDX-License-Identifier: ISC */
/*
 * The assign picker (s): the volunteers ops_suggest_top() ranks for the
 * shift, those who can take it first with why they fit, those with
 * conflicts after them, greyed, with the reason; people already on the
 * shift last. The first frame shows the best TUI_PICKER_FIRST, which
 * ops_suggest_top finds without reading everyone; right after it is drawn
 * the loop has everyone ranked (tui_picker_complete), once per opening
 * and per change of the plan. Typing only filters the ranked list by name.
 * Choosing one with conflicts asks before forcing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rooster/ops.h"
#include "tui_curses.h"
#include "tui_pane.h"

static const struct tui_popup_ops tui_picker_popup;

/* Ranked for the first frame: more than a screenful. */
#define TUI_PICKER_FIRST 100

struct tui_picker {
	int64_t			 shift_id;
	char			*title;
	char			 filter[128];
	struct ops_suggest	 suggest;	/* ranked, best first */
	struct assignment_list	 already;	/* on the shift already */
	bool			 complete;	/* everyone ranked */
	struct tui_list		 list;		/* ref: ranked index, or
						   ranked.len + already index */
	size_t			 height;
};

static void
tui_picker_free(struct tui_picker *pk)
{
	if (pk == NULL)
		return;
	ops_suggest_fini(&pk->suggest);
	assignment_list_free(&pk->already);
	tui_list_fini(&pk->list);
	free(pk->title);
	free(pk);
}

/* The reason without the name it starts with: the name is beside it. */
static const char *
tui_picker_reason(const char *name, const char *reason)
{
	size_t n = strlen(name);

	if (reason == NULL)
		return "";
	if (strncmp(reason, name, n) == 0 && reason[n] == ' ')
		return reason + n + 1;
	return reason;
}

/* Rows of the ranked list whose name matches the filter, in rank order. */
static void
tui_picker_filter(struct tui_picker *pk)
{
	struct tui_list_row saved, *savedp = NULL;
	const struct tui_list_row *cur = tui_list_current(&pk->list);
	const struct plan_suggestion_list *rl = &pk->suggest.ranked;
	size_t i, n;

	if (cur != NULL) {
		saved = *cur;
		savedp = &saved;
	}
	tui_list_clear(&pk->list);
	tui_list_filter_set(&pk->list, pk->filter);
	/* Before everyone is ranked only the best few are in order. */
	n = rl->len;
	if (!pk->complete && n > TUI_PICKER_FIRST)
		n = TUI_PICKER_FIRST;
	for (i = 0; i < n; i++) {
		const struct volunteer *v = rl->items[i].volunteer;

		if (tui_list_filter_match(&pk->list, v->name))
			tui_list_push(&pk->list, TUI_ROW_VOLUNTEER, true,
			    v->id, 0, i);
	}
	for (i = 0; pk->complete && i < pk->already.len; i++) {
		if (tui_list_filter_match(&pk->list,
		    pk->already.items[i].volunteer))
			tui_list_push(&pk->list, TUI_ROW_VOLUNTEER, true,
			    pk->already.items[i].volunteer_id, 0,
			    rl->len + i);
	}
	tui_list_restore(&pk->list, savedp);
}

/* Rank the best n (0: everyone) for the shift. */
static void
tui_picker_rank(struct tui *tui, struct tui_picker *pk, size_t n)
{
	struct err err;

	ops_suggest_fini(&pk->suggest);
	assignment_list_free(&pk->already);
	memset(&pk->already, 0, sizeof pk->already);
	pk->complete = n == 0;
	if (ops_suggest_top(tui->st, pk->shift_id, n, &pk->suggest, &err) < 0 ||
	    store_assignment_list_shift(tui->st, pk->shift_id, &pk->already,
	    &err) < 0)
		tui_status_error(tui, "%s", err.msg);
	tui_picker_filter(pk);
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
	if (tui_pane_whole_days(sh.start, sh.end)) {
		/* Whole days: the day and "all day", no midnight. */
		rtime_format(sh.start, "%a %d %b ", when, sizeof when);
		tui_pane_when(sh.start, sh.end, false, when + strlen(when),
		    sizeof when - strlen(when));
	} else
		rtime_format(sh.start, "%a %d %b %H:%M", when, sizeof when);
	pk->title = xasprintf(_("Assign to %s, %s"), sh.role, when);
	shift_fini(&sh);
	pk->shift_id = shift_id;
	tui_list_init(&pk->list);
	tui_picker_rank(tui, pk, TUI_PICKER_FIRST);
	tui_stack_push(tui, &tui_picker_popup, pk);
}

/*
 * Rank everyone if only the best few are ranked yet (right after the
 * first frame). True if it had work to do.
 */
static bool
tui_picker_complete(struct tui *tui, struct tui_picker *pk)
{
	struct plan_suggestion_list *rl = &pk->suggest.ranked;
	size_t i, certain = 0;

	if (pk->complete)
		return false;
	/*
	 * ops_suggest_top stops reading only once TUI_PICKER_FIRST fit with
	 * nothing recent; with fewer it has weighed everyone, and sorting
	 * what it has is the whole ranking. Otherwise rank everyone; the
	 * best few stay where they are (the full ranking's first rows).
	 */
	for (i = 0; i < rl->len; i++) {
		if (rl->items[i].conflicts == 0 && rl->items[i].recent == 0)
			certain++;
	}
	if (certain < TUI_PICKER_FIRST) {
		plan_suggest_rank(rl);
		pk->complete = true;
		tui_picker_filter(pk);
	} else
		tui_picker_rank(tui, pk, 0);
	return true;
}

static int
tui_picker_assign(struct tui *tui, int64_t shift_id, int64_t volunteer_id,
    bool force)
{
	struct err err;
	int rc;

	rc = ops_assign(tui->st, shift_id, volunteer_id, force, NULL, &err);
	/* Assigned: the picker closes (the one that asked, for an answer). */
	return tui_pane_done(tui, rc, &err, force ? _("assigned (forced)") :
	    _("assigned")) | (rc == 0 ? TUI_CLOSE : 0);
}

static int
tui_picker_force_answer(struct tui *tui, int key,
    const struct tui_ask *ask)
{
	(void)key;
	return tui_picker_assign(tui, ask->a, ask->b, true);
}

/* What one row of the picker shows. */
struct tui_picker_view {
	int64_t		 id;
	const char	*name;
	const char	*reason;	/* why it fits, or the conflict */
	size_t		 conflicts;
	bool		 already;
};

static void
tui_picker_view(struct tui_picker *pk, size_t ref, struct tui_picker_view *v)
{
	struct ops_suggest *sg = &pk->suggest;
	struct plan_suggestion *s;
	const struct assignment *a;

	memset(v, 0, sizeof *v);
	if (ref >= sg->ranked.len) {
		a = &pk->already.items[ref - sg->ranked.len];
		v->id = a->volunteer_id;
		v->name = a->volunteer;
		v->reason = _("already on this shift");
		v->already = true;
		return;
	}
	s = &sg->ranked.items[ref];
	v->id = s->volunteer->id;
	v->name = s->volunteer->name;
	v->conflicts = s->conflicts;
	/* Only for the rows drawn: formatting 50,000 reasons is not free. */
	v->reason = tui_picker_reason(v->name, ops_suggest_reason(sg, ref));
}

static int
tui_picker_choose(struct tui *tui, struct tui_picker *pk)
{
	const struct tui_list_row *row = tui_list_current(&pk->list);
	struct tui_picker_view v;
	struct shift sh;
	char *name, count[32];
	bool full;

	if (row == NULL) {
		tui_status_message(tui, _("no volunteer matches"));
		return TUI_HANDLED | TUI_DRAW;
	}
	tui_picker_view(pk, row->ref, &v);
	name = text_sanitize(v.name);
	shift_init(&sh);
	full = !v.already && store_shift_get(tui->st, pk->shift_id, &sh,
	    NULL) == 0 && sh.needed > 0 && sh.assigned >= sh.needed;
	if (full)
		snprintf(count, sizeof count, "%d/%d", sh.assigned, sh.needed);
	shift_fini(&sh);
	if (v.already)
		tui_status_message(tui, _("%s is already on this shift"), name);
	else if (full)
		tui_status_ask(tui, "y", tui_picker_force_answer, pk->shift_id,
		    v.id, _("the shift is full (%s): add %s anyway? y/n"),
		    count, name);
	else if (v.conflicts > 0)
		tui_status_ask(tui, "y", tui_picker_force_answer, pk->shift_id,
		    v.id, _("assign anyway? y/n (%s: %s)"), name, v.reason);
	else {
		free(name);
		return tui_picker_assign(tui, pk->shift_id, v.id, false);
	}
	free(name);
	return TUI_HANDLED | TUI_DRAW;
}

static int
tui_picker_key_take(struct tui *tui, struct tui_popup *pp, int key)
{
	struct tui_picker *pk = pp->data;
	size_t h = pk->height > 0 ? pk->height : 1;

	tui_picker_complete(tui, pk);
	switch (key) {
	case TUI_KEY_ESC:
		/* Typed text is not dropped with the picker: Esc clears it
		 * first, a second Esc closes. */
		if (pk->filter[0] != '\0') {
			pk->filter[0] = '\0';
			tui_status_message(tui, _("search cleared (Esc again "
			    "closes the picker)"));
			break;
		}
		return TUI_HANDLED | TUI_DRAW | TUI_CLOSE;
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
	/* Typing filters what was ranked; nothing is ranked again. */
	tui_picker_filter(pk);
	pk->list.selected = 0;
	tui_list_restore(&pk->list, NULL);
	return TUI_HANDLED | TUI_DRAW;
}

static void
tui_picker_draw(struct tui *tui, struct tui_popup *pp)
{
	struct tui_picker *pk = pp->data;
	struct tui_picker_view v;
	struct tui_rect r;
	enum tui_theme style;
	size_t i;
	int y, nw;
	bool sel;

	if (!tui_layout_box(tui->lines, tui->cols, tui->lines - 2 < 22 ?
	    tui->lines - 2 : 22, tui->cols < 96 ? tui->cols : 96, &r)) {
		tui_text_put(tui->layout.body.y, 0, tui->cols,
		    _("enlarge the terminal to see the picker"), THEME_ERROR);
		return;
	}
	tui_text_box(r, pk->title);
	tui_text_putf(r.y + 1, r.x + 2, r.w - 4, THEME_INPUT, _("Find: %s_"),
	    pk->filter);
	pk->height = r.h > 4 ? (size_t)(r.h - 4) : 1;
	tui_list_scroll(&pk->list, pk->height);
	if (pk->list.len == 0)
		tui_text_put(r.y + 2, r.x + 2, r.w - 4,
		    _("no volunteer matches"),
		    THEME_DIM);
	nw = (r.w - 4) * 2 / 5;
	if (nw > 30)
		nw = 30;
	for (i = pk->list.top, y = 2; i < pk->list.len && y < r.h - 2;
	    i++, y++) {
		tui_picker_view(pk, pk->list.rows[i].ref, &v);
		sel = i == pk->list.selected;
		/* A sign as well as a colour: "+" fits, "-" does not. */
		if (v.already || v.conflicts > 0) {
			style = sel ? THEME_SELECTED : THEME_DIM;
			tui_text_putf(r.y + y, r.x + 2, nw - 1, style, "- %s",
			    v.name);
			tui_text_put(r.y + y, r.x + 1 + nw, 1, "", style);
			tui_text_put(r.y + y, r.x + 2 + nw, r.w - 4 - nw,
			    v.reason, style);
		} else {
			style = sel ? THEME_SELECTED : THEME_NORMAL;
			tui_text_putf(r.y + y, r.x + 2, nw - 1, style, "+ %s",
			    v.name);
			tui_text_put(r.y + y, r.x + 1 + nw, 1, "", style);
			tui_text_put(r.y + y, r.x + 2 + nw, r.w - 4 - nw,
			    v.reason, sel ? THEME_SELECTED : THEME_STAFFED);
		}
	}
	/* With text in Find, the first Esc clears it (tui_picker_key). */
	tui_text_put(r.y + r.h - 2, r.x + 2, r.w - 4, pk->filter[0] != '\0' ?
	    _("type to filter, arrows move, Enter assigns, Esc clears the "
	    "find") : _("type to filter, arrows move, Enter assigns, Esc "
	    "closes"), THEME_DIM);
}

/*
 * A key, then the status line's hints as the picker's own: with text in
 * Find, Esc clears it (the status line is drawn before the picker).
 */
static int
tui_picker_key(struct tui *tui, struct tui_popup *pp, int key)
{
	struct tui_picker *pk = pp->data;
	int rc = tui_picker_key_take(tui, pp, key);

	pp->hints = pk->filter[0] != '\0' ?
	    N_("Enter assign  Esc clear find ") : NULL;
	return rc;
}

/* The plan changed (another process): rank again. */
static void
tui_picker_changed(struct tui *tui, struct tui_popup *pp)
{
	tui_picker_rank(tui, pp->data, 0);
}

static bool
tui_picker_after_frame(struct tui *tui, struct tui_popup *pp)
{
	return tui_picker_complete(tui, pp->data);
}

static void
tui_picker_close(struct tui_popup *pp)
{
	tui_picker_free(pp->data);
}

static const struct tui_popup_ops tui_picker_popup = {
	"picker", 0, NULL, NULL, N_("Enter assign  Esc close "),
	tui_picker_draw, tui_picker_key, tui_picker_close, tui_picker_changed,
	tui_picker_after_frame, NULL
};
