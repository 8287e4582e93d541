/* SPDX-License-Identifier: ISC */
/*
 * The week view (w): Monday to Sunday across, each day's shifts down with
 * their staffing, a "!" on every shift still short of people, and where
 * the day has room the event's title and the names on each shift. j/k
 * select a shift (s assigns to it; x, r and n act on one of its people,
 * asking which when there are several), PgDn/PgUp (or left/right) move a week, g or t return to this
 * week, : goes to a date. One range query of at most TUI_WEEK_MAX shifts
 * and one of their assignments per draw.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rooster/ops.h"
#include "tui_curses.h"
#include "tui_pane.h"

#define TUI_WEEK_MAX 700

/* Where the week view is, kept while it is closed. */
struct tui_week {
	int64_t		 start;		/* Monday shown */
	int64_t		 sel;		/* shift selected */
	int64_t		*ids;		/* the week's shifts in order */
	size_t		 n;
};

/* Narrow terminals: the days down, one line per shift. */
static void
tui_week_draw_agenda(struct tui *tui, const struct shift_list *shifts,
    int64_t from)
{
	struct tui_rect r = tui->layout.body;
	const struct shift *sh;
	char day[32], when[16], staff[32], role[160];
	enum tui_theme style;
	int64_t d, shown = -1;
	int y = r.y + 1, end = r.y + r.h - 1;	/* last line: "+N more" */
	size_t k;

	for (k = 0; k < shifts->len && y < end; k++) {
		sh = &shifts->items[k];
		d = rtime_day_add(sh->start, 0);
		if (d != shown) {
			/* A day heading needs a shift under it. */
			if (y + 1 >= end)
				break;
			/* TRANSLATORS: strftime format of a day heading. */
			/* xgettext:no-c-format */
			rtime_format(d, _("%a %d %b"), day, sizeof day);
			tui_text_put(y++, r.x, r.w, day, THEME_HEADER);
			shown = d;
		}
		tui_pane_when(sh->start, sh->end, false, when, sizeof when);
		style = tui_pane_staffing(sh->assigned, sh->needed, false,
		    staff, sizeof staff);
		shift_role_text(sh->role, sh->language, role, sizeof role);
		tui_text_putf(y, r.x, r.w - 6, THEME_NORMAL, " %s %s, %s", when,
		    role, sh->event_title);
		tui_text_put(y++, r.x + r.w - 6, 6, staff, style);
	}
	if (k < shifts->len && r.h > 1)
		tui_text_putf(r.y + r.h - 1, r.x, r.w, THEME_DIM,
		    _(" +%zu more (PgDn: next week)"), shifts->len - k);
	(void)from;
}

/*
 * One shift in day column col of the seven-column grid in r (columns cw
 * wide): time and staffing, then role and event if there is room. y[]
 * holds each column's next line, more[] what did not fit.
 */
/* The names on sh (not declined) from the week's assignments. */
static int
tui_week_names(const struct assignment_list *people, int64_t shift_id,
    const char **names, int max)
{
	size_t i;
	int n = 0;

	for (i = 0; people != NULL && i < people->len; i++)
		if (people->items[i].shift_id == shift_id &&
		    people->items[i].status != ASSIGNMENT_DECLINED) {
			if (n < max)
				names[n] = people->items[i].volunteer;
			n++;
		}
	return n;
}

/* Lines a shift takes in a column cw wide, with title and names. */
static int
tui_week_lines(int cw, const struct shift *sh,
    const struct assignment_list *people)
{
	return 2 + (cw < 17 ? 1 : 0) + tui_week_names(people, sh->id, NULL, 0);
}

static void
tui_week_cell(struct tui_rect r, int cw, int col, const struct shift *sh,
    int *y, int *more, const struct assignment_list *rich, bool selected)
{
	char when[16], staff[32], role[160];
	const char *names[16];
	enum tui_theme style;
	int x = r.x + col * cw, bottom = r.y + r.h - 1, n, i;

	if (y[col] >= bottom) {
		more[col]++;
		return;
	}
	/* Where space allows (rich): the title on a line of its own at 80
	 * columns, then the names of those on the shift. */
	if (rich != NULL) {
		tui_week_cell(r, cw, col, sh, y, more, NULL, selected);
		if (cw < 17 && y[col] < bottom)
			tui_text_put(y[col]++, x, cw - 1, sh->event_title,
			    selected ? THEME_SELECTED : THEME_DIM);
		n = tui_week_names(rich, sh->id, names, 16);
		for (i = 0; i < n && i < 16 && y[col] < bottom; i++)
			tui_text_putf(y[col]++, x, cw - 1, selected ?
			    THEME_SELECTED : THEME_NORMAL, " %s", names[i]);
		return;
	}
	style = tui_pane_staffing(sh->assigned, sh->needed, false,
	    staff, sizeof staff);
	/* Compact staffing: "0/1!" fits a 10-column day. */
	snprintf(staff, sizeof staff, "%d/%d%s", sh->assigned,
	    sh->needed, sh->assigned < sh->needed ? "!" :
	    sh->assigned > sh->needed ? "+" : "");
	shift_role_text(sh->role, sh->language, role, sizeof role);
	if (tui_pane_whole_days(sh->start, sh->end)) {
		/*
		 * A shift of whole days, in each of its days: "all day",
		 * then the role with the staffing ("all day" and the
		 * staffing would not fit one line of a 10-column day).
		 */
		tui_text_put(y[col], x, cw - 1, _("all day"), selected ?
		    THEME_SELECTED : style);
		y[col]++;
		if (y[col] < bottom) {
			tui_text_putf(y[col], x, cw - 1, selected ?
			    THEME_SELECTED : THEME_NORMAL,
			    " %s %s%s%s", staff, role, cw >= 17 ? ", " :
			    "", cw >= 17 ? sh->event_title : "");
			y[col]++;
		}
		return;
	}
	tui_pane_when(sh->start, sh->end, false, when, sizeof when);
	/* Two lines per shift when there is room: time, role. */
	tui_text_putf(y[col], x, cw - 1, selected ? THEME_SELECTED : style,
	    "%s %s", when, staff);
	y[col]++;
	if (y[col] < bottom) {
		tui_text_putf(y[col], x, cw - 1, selected ? THEME_SELECTED :
		    THEME_NORMAL, " %s%s%s", role, cw >= 17 ? ", " : "",
		    cw >= 17 ? sh->event_title : "");
		y[col]++;
	}
}

static void
tui_week_draw(struct tui *tui, struct tui_popup *pp)
{
	struct tui_rect r = tui->layout.body;
	struct store_range range;
	struct shift_list shifts = { 0 };
	struct assignment_list people = { 0 };
	const struct shift *sh;
	struct err err;
	char day[32], head[128], to[32];
	int col, cw, x, y[7], more[7], need[7], i, gaps = 0;
	bool found = false;
	int64_t d0;
	size_t k;

	(void)pp;
	memset(&range, 0, sizeof range);
	range.from = tui->week->start;
	range.to = rtime_day_add(tui->week->start, 7);
	range.limit = TUI_WEEK_MAX;
	if (store_shift_list_range(tui->st, &range, &shifts, &err) < 0)
		tui_status_error(tui, "%s", err.msg);
	range.limit = 0;
	if (store_assignment_list_range(tui->st, &range, &people, &err) < 0)
		tui_status_error(tui, "%s", err.msg);
	/* The shifts in order, for j/k; the selection stays on its shift
	 * or falls back to the week's first. */
	free(tui->week->ids);
	tui->week->ids = xreallocarray(NULL, shifts.len + 1,
	    sizeof *tui->week->ids);
	tui->week->n = shifts.len;
	for (k = 0; k < shifts.len; k++) {
		tui->week->ids[k] = shifts.items[k].id;
		found = found || shifts.items[k].id == tui->week->sel;
	}
	if (!found)
		tui->week->sel = shifts.len > 0 ? shifts.items[0].id : 0;
	for (k = 0; k < shifts.len; k++)
		if (shifts.items[k].assigned < shifts.items[k].needed)
			gaps++;
	/* TRANSLATORS: strftime formats of the week's first and last day. */
	/* xgettext:no-c-format */
	rtime_format(range.from, _("%d %b"), day, sizeof day);
	/* xgettext:no-c-format */
	rtime_format(rtime_day_add(range.from, 6), _("%d %b %Y"), to,
	    sizeof to);
	snprintf(head, sizeof head, _("Week %s - %s: %zu shifts, %d short"),
	    day, to, shifts.len, gaps);
	tui_text_put(r.y, r.x, r.w, head, THEME_HEADER);
	if (r.w < 70) {
		tui_week_draw_agenda(tui, &shifts, range.from);
		goto out;
	}
	cw = r.w / 7;
	for (col = 0; col < 7; col++) {
		x = r.x + col * cw;
		d0 = rtime_day_add(range.from, col);
		rtime_format(d0, cw >= 10 ? "%a %d" : "%a", day, sizeof day);
		tui_text_put(r.y + 1, x, cw - 1, day,
		    rtime_day_add(rtime_now(), 0) == d0 ? THEME_FOCUS :
		    THEME_HEADER);
		if (col > 0)
			tui_text_vline(r.y + 1, x - 1, r.h - 1);
		y[col] = r.y + 2;
		more[col] = 0;
	}
	/* A day whose shifts all fit with titles and names shows them. */
	memset(need, 0, sizeof need);
	for (k = 0; k < shifts.len; k++) {
		sh = &shifts.items[k];
		for (col = 6; col > 0; col--)
			if (sh->start >= rtime_day_add(range.from, col))
				break;
		need[col] += tui_week_lines(cw, sh, &people);
	}
	for (k = 0; k < shifts.len; k++) {
		sh = &shifts.items[k];
		for (col = 6; col > 0; col--) {
			if (sh->start >= rtime_day_add(range.from, col))
				break;
		}
		tui_week_cell(r, cw, col, sh, y, more, need[col] <= r.h - 3 &&
		    !tui_pane_whole_days(sh->start, sh->end) ? &people : NULL,
		    sh->id == tui->week->sel);
		/* Whole days show on each day they cover, in this week. */
		if (!tui_pane_whole_days(sh->start, sh->end))
			continue;
		for (col++; col < 7 && rtime_day_add(range.from, col) <
		    sh->end; col++)
			tui_week_cell(r, cw, col, sh, y, more, NULL,
			    sh->id == tui->week->sel);
	}
	for (i = 0; i < 7; i++) {
		if (more[i] > 0)
			tui_text_putf(r.y + r.h - 1, r.x + i * cw, cw - 1,
			    THEME_DIM, _("+%d more"), more[i]);
	}
out:
	shift_list_free(&shifts);
	assignment_list_free(&people);
}

/* The selected shift's place in the week's order, or week_n. */
static size_t
tui_week_index(const struct tui *tui)
{
	size_t i;

	for (i = 0; i < tui->week->n; i++)
		if (tui->week->ids[i] == tui->week->sel)
			return i;
	return tui->week->n;
}

/* ':' typed a day: the week holding it. */
static int
tui_week_goto_save(struct tui *tui, struct tui_form *f, struct err *err)
{
	int64_t day;

	if (rtime_parse_day(tui_form_text(f, 0), rtime_now(), &day, err) < 0)
		return -1;
	tui->week->start = rtime_week_start_locale(day);
	tui->week->sel = 0;
	return 0;
}

/*
 * x, r and n on a shift with more people than the digits of a question
 * can name: the shifts pane opens on the shift's event with the shift
 * selected, the week view closes.
 */
static int
tui_week_to_shift(struct tui *tui, const char *what)
{
	struct shift sh;

	if (store_shift_get(tui->st, tui->week->sel, &sh, NULL) < 0) {
		shift_fini(&sh);
		return TUI_HANDLED | TUI_DRAW;
	}
	tui_list_select(&tui->panes[TUI_PANE_EVENTS]->list, TUI_ROW_EVENT,
	    sh.event_id, 0);
	tui_pane_reload(tui, tui->panes[TUI_PANE_SHIFTS]);
	tui_list_select(&tui->panes[TUI_PANE_SHIFTS]->list, TUI_ROW_SHIFT,
	    sh.id, 0);
	tui->focus = TUI_PANE_SHIFTS;
	tui_layout_compute(tui->lines, tui->cols, tui->focus, &tui->layout);
	/* TRANSLATORS: %s is the key (x or r). */
	tui_status_message(tui, _("select the volunteer under the shift, "
	    "then %s"), what);
	shift_fini(&sh);
	/* The week view closes. */
	return TUI_HANDLED | TUI_DRAW | TUI_RELOAD | TUI_CLOSE;
}

/* The most people a "which one?" question names, by the digits 1-7. */
#define TUI_WEEK_CHOICES 7

/*
 * Act with action (x, r or n) on person a of shift sh: x removes at once
 * when chosen from several (ask says so) and asks y/n otherwise, r asks
 * for the response, n opens the note form.
 */
static int
tui_week_act(struct tui *tui, enum tui_action action, const struct shift *sh,
    const struct assignment *a, bool ask)
{
	struct err err;
	char *name = text_sanitize(a->volunteer);
	int flags = TUI_HANDLED | TUI_DRAW;

	if (action == TUI_ACT_UNASSIGN && ask)
		tui_status_ask(tui, "y", tui_pane_shifts_unassign_answer,
		    sh->id, a->volunteer_id, _("remove %s from %s? y/n"), name,
		    sh->role);
	else if (action == TUI_ACT_UNASSIGN)
		flags = tui_pane_done(tui, ops_unassign(tui->st, sh->id,
		    a->volunteer_id, &err), &err, _("assignment removed"));
	else if (action == TUI_ACT_RESPOND)
		tui_status_ask(tui, "adt", tui_pane_shifts_respond_answer,
		    sh->id, a->volunteer_id, _("%s: a accepted, d declined, "
		    "t tentative (Esc cancels)"), name);
	else
		tui_form_note_open(tui, sh->id, a->volunteer_id, a->volunteer,
		    a->note);
	free(name);
	return flags;
}

/* A digit chose one of the shift's people (ask->a shift, ask->b action). */
static int
tui_week_choice_answer(struct tui *tui, int key,
    const struct tui_ask *ask)
{
	struct assignment_list people = { 0 };
	struct shift sh;
	size_t i = (size_t)(key - '1');
	int flags = TUI_HANDLED | TUI_DRAW;

	if (store_shift_get(tui->st, ask->a, &sh, NULL) == 0 &&
	    store_assignment_list_shift(tui->st, sh.id, &people, NULL) == 0 &&
	    i < people.len)
		flags = tui_week_act(tui, (enum tui_action)ask->b, &sh,
		    &people.items[i], false);
	else
		tui_status_message(tui, _("the shift changed; try again"));
	assignment_list_free(&people);
	shift_fini(&sh);
	return flags;
}

/*
 * x, r and n in the week view act on the selected shift's people there:
 * on its one person at once, or after a question naming each by a digit.
 */
static int
tui_week_people(struct tui *tui, enum tui_action action, const char *key)
{
	struct assignment_list people = { 0 };
	struct shift sh;
	struct err err;
	char question[256], keys[TUI_WEEK_CHOICES + 1], *name;
	size_t i, used;
	int flags = TUI_HANDLED | TUI_DRAW;

	if (store_shift_get(tui->st, tui->week->sel, &sh, &err) < 0 ||
	    store_assignment_list_shift(tui->st, sh.id, &people, &err) < 0) {
		tui_status_error(tui, "%s", err.msg);
		goto out;
	}
	if (people.len == 0) {
		/* TRANSLATORS: %s is the shift's role. */
		tui_status_message(tui, _("nobody on %s yet (s assigns)"),
		    sh.role);
		goto out;
	}
	if (people.len == 1) {
		flags = tui_week_act(tui, action, &sh, &people.items[0], true);
		goto out;
	}
	if (people.len > TUI_WEEK_CHOICES) {
		flags = tui_week_to_shift(tui, key);
		goto out;
	}
	/* TRANSLATORS: the start of "x: who on tolk? 1 Ann, 2 Bo (Esc
	 * cancels)"; %s are the key and the shift's role. */
	used = (size_t)snprintf(question, sizeof question, _("%s: who on "
	    "%s?"), key, sh.role);
	for (i = 0; i < people.len && used < sizeof question; i++) {
		name = text_sanitize(people.items[i].volunteer);
		used += (size_t)snprintf(question + used, sizeof question -
		    used, "%s %zu %s", i > 0 ? "," : "", i + 1, name);
		free(name);
		keys[i] = (char)('1' + i);
	}
	keys[i] = '\0';
	if (used < sizeof question)
		snprintf(question + used, sizeof question - used, " %s",
		    _("(Esc cancels)"));
	tui_status_ask(tui, keys, tui_week_choice_answer, sh.id, action,
	    "%s", question);
out:
	assignment_list_free(&people);
	shift_fini(&sh);
	return flags;
}

static int
tui_week_key(struct tui *tui, struct tui_popup *pp, int key)
{
	enum tui_action action = tui_keymap_action(&tui->keymap, key);
	struct tui_form *f;
	size_t i = tui_week_index(tui);

	(void)pp;
	if (key == TUI_KEY_RIGHT || action == TUI_ACT_PAGE_DOWN)
		tui->week->start = rtime_day_add(tui->week->start, 7);
	else if (key == TUI_KEY_LEFT || action == TUI_ACT_PAGE_UP)
		tui->week->start = rtime_day_add(tui->week->start, -7);
	else if (action == TUI_ACT_DOWN) {
		/* The next shift; past the week's last, the next week. */
		if (i + 1 < tui->week->n)
			tui->week->sel = tui->week->ids[i + 1];
		else
			tui->week->start = rtime_day_add(tui->week->start, 7);
	} else if (action == TUI_ACT_UP) {
		if (i > 0 && i < tui->week->n)
			tui->week->sel = tui->week->ids[i - 1];
		else
			tui->week->start = rtime_day_add(tui->week->start, -7);
	} else if (action == TUI_ACT_FIRST || action == TUI_ACT_WEEK_TODAY)
		tui->week->start = rtime_week_start_locale(rtime_now());
	else if (action == TUI_ACT_WEEK_GOTO) {
		f = tui_form_new(_("Go to a date"), tui_week_goto_save);
		tui_form_field(f, _("Date"), TUI_FIELD_TEXT, NULL,
		    _("YYYY-MM-DD, today or tomorrow"));
		tui_form_open(tui, f);
	} else if (tui->readonly && tui->week->sel != 0 &&
	    (action == TUI_ACT_ASSIGN || action == TUI_ACT_UNASSIGN ||
	    action == TUI_ACT_RESPOND || action == TUI_ACT_NOTE))
		tui_status_error(tui, _("read-only: nothing can be changed"));
	else if (action == TUI_ACT_ASSIGN && tui->week->sel != 0)
		tui_picker_open(tui, tui->week->sel);
	else if (action == TUI_ACT_UNASSIGN && tui->week->sel != 0)
		return tui_week_people(tui, action, "x");
	else if (action == TUI_ACT_RESPOND && tui->week->sel != 0)
		return tui_week_people(tui, action, "r");
	else if (action == TUI_ACT_NOTE && tui->week->sel != 0)
		return tui_week_people(tui, action, "n");
	else if (action == TUI_ACT_ESCAPE || action == TUI_ACT_WEEK)
		return TUI_HANDLED | TUI_DRAW | TUI_CLOSE;
	else
		return TUI_UNHANDLED;
	return TUI_HANDLED | TUI_DRAW;
}

/* No close: the place stays in tui->week for the next opening. */
static const struct tui_popup_ops tui_week_popup = {
	"week", TUI_POPUP_FULL, N_("week"), N_("the week view"), NULL,
	tui_week_draw, tui_week_key, NULL, NULL, NULL, NULL
};

void
tui_week_open(struct tui *tui)
{
	if (tui->week == NULL)
		tui->week = xcalloc(1, sizeof *tui->week);
	if (tui->week->start == 0)
		tui->week->start = rtime_week_start_locale(rtime_now());
	tui_stack_push(tui, &tui_week_popup, tui->week);
}

void
tui_week_free(struct tui *tui)
{
	if (tui->week == NULL)
		return;
	free(tui->week->ids);
	free(tui->week);
	tui->week = NULL;
}
