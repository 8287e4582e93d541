/* SPDX-License-Identifier: ISC */
/*
 * Forms: a box of labelled fields edited in place. This file knows the
 * kinds of field (text, time, number) and the editing keys; the tables of
 * fields and their saving live in tui_form_event.c and friends, which
 * validate through the model and save through ops. A refused save keeps
 * everything typed and names the problem on the status line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui_curses.h"

struct tui_form *
tui_form_new(const char *title, tui_form_save_fn save)
{
	struct tui_form *f = xcalloc(1, sizeof *f);

	snprintf(f->title, sizeof f->title, "%s", title);
	f->save = save;
	f->cursor_x = -1;
	return f;
}

void
tui_form_field(struct tui_form *f, const char *label,
    enum tui_field_kind kind, const char *text, const char *hint)
{
	struct tui_field *fd;

	if (f->count == TUI_FORM_FIELDS)
		return;
	fd = &f->fields[f->count++];
	fd->label = label;
	fd->hint = hint;
	fd->kind = kind;
	snprintf(fd->text, sizeof fd->text, "%s", text ? text : "");
	fd->cursor = strlen(fd->text);
}

void
tui_form_free(struct tui_form *f)
{
	free(f);
}

const char *
tui_form_text(const struct tui_form *f, size_t i)
{
	return i < f->count ? f->fields[i].text : "";
}

int
tui_form_when(const struct tui_form *f, size_t i, int64_t *out,
    struct err *err)
{
	struct err e;

	if (rtime_parse_when(tui_form_text(f, i), out, &e) < 0)
		return err_set(err, ERR_INVALID, "%s: %s", f->fields[i].label,
		    e.msg);
	return 0;
}

int
tui_form_number(const struct tui_form *f, size_t i, int *out,
    struct err *err)
{
	const char *s = tui_form_text(f, i);
	char *end;
	long v;

	if (*s == '\0') {
		*out = 0;
		return 0;
	}
	v = strtol(s, &end, 10);
	if (*end != '\0' || v < 0 || v > 100000)
		return err_set(err, ERR_INVALID, _("%s: '%s' is not a whole "
		    "number of 0 or more"), f->fields[i].label, s);
	*out = (int)v;
	return 0;
}

void
tui_form_insert(struct tui_form *f, const char *s)
{
	struct tui_field *fd = &f->fields[f->focus];
	size_t len = strlen(fd->text), n = strlen(s);

	if (len + n + 1 > sizeof fd->text)
		return;
	memmove(fd->text + fd->cursor + n, fd->text + fd->cursor,
	    len - fd->cursor + 1);
	memcpy(fd->text + fd->cursor, s, n);
	fd->cursor += n;
	f->dirty = true;
}

void
tui_form_saved(struct tui *tui, const struct tui_form *f,
    enum tui_pane_id pane, int kind, int64_t id, const char *saved,
    const char *added)
{
	tui_status_message(tui, "%s", f->id != 0 ? saved : added);
	tui_loop_select(tui, pane, kind, id, NULL);
}

void
tui_form_set(struct tui_form *f, size_t i, const char *text)
{
	struct tui_field *fd = &f->fields[i];

	snprintf(fd->text, sizeof fd->text, "%s", text);
	fd->cursor = strlen(fd->text);
}

void
tui_form_fields(struct tui_form *f, const struct model_field *fields,
    const void *rec)
{
	const struct model_field *fd;
	enum tui_field_kind kind;
	char text[32];
	int64_t t;
	int n;

	for (fd = fields; fd->key != NULL; fd++) {
		if (fd->form == NULL)
			continue;
		text[0] = '\0';
		if (fd->kind == MODEL_FIELD_TEXT)
			kind = TUI_FIELD_TEXT;
		else if (fd->kind == MODEL_FIELD_TIME) {
			kind = TUI_FIELD_WHEN;
			if ((t = model_field_int64(rec, fd)) != 0)
				rtime_format_when(t, text, sizeof text);
		} else {
			kind = TUI_FIELD_NUMBER;
			if ((n = model_field_int(rec, fd)) != 0 || fd->hint == NULL)
				snprintf(text, sizeof text, "%d", n);
		}
		tui_form_field(f, _(fd->form), kind, kind == TUI_FIELD_TEXT ?
		    model_field_text(rec, fd) : text, fd->hint != NULL ?
		    _(fd->hint) : NULL);
	}
}

int
tui_form_fields_read(struct tui_form *f, const struct model_field *fields,
    void *rec, bool times, struct err *err)
{
	const struct model_field *fd;
	const char *text;
	int64_t t;
	size_t i = 0;
	int n;

	for (fd = fields; fd->key != NULL; fd++) {
		if (fd->form == NULL)
			continue;
		f->focus = i;
		text = tui_form_text(f, i++);
		if (fd->kind == MODEL_FIELD_TEXT) {
			model_field_set_text(rec, fd, text);
			model_field_normalize(rec, fd);
		} else if (fd->kind == MODEL_FIELD_TIME && times) {
			t = 0;
			if (*text != '\0' && tui_form_when(f, f->focus, &t,
			    err) < 0)
				return -1;
			model_field_set_int64(rec, fd, t);
		} else if (fd->kind != MODEL_FIELD_TIME) {
			if (tui_form_number(f, f->focus, &n, err) < 0)
				return -1;
			model_field_set_int(rec, fd, n);
		}
	}
	return 0;
}

/* Byte length of the UTF-8 character before / at the cursor. */
static size_t
tui_form_prev(const struct tui_field *fd)
{
	size_t i = fd->cursor;

	while (i > 0) {
		i--;
		if (((unsigned char)fd->text[i] & 0xc0) != 0x80)
			break;
	}
	return fd->cursor - i;
}

static size_t
tui_form_next(const struct tui_field *fd)
{
	size_t i = fd->cursor;

	if (fd->text[i] == '\0')
		return 0;
	i++;
	while (((unsigned char)fd->text[i] & 0xc0) == 0x80)
		i++;
	return i - fd->cursor;
}

static void
tui_form_delete(struct tui_field *fd, size_t at, size_t n)
{
	size_t len = strlen(fd->text);

	memmove(fd->text + at, fd->text + at + n, len - at - n + 1);
}

/* The form closes unsaved (asked, or nothing was typed). */
static int
tui_form_drop(struct tui *tui)
{
	tui_status_message(tui, _("nothing saved"));
	return TUI_HANDLED | TUI_DRAW | TUI_CLOSE;
}

static int
tui_form_drop_answer(struct tui *tui, int key,
    const struct tui_ask *ask)
{
	(void)key;
	(void)ask;
	return tui_form_drop(tui);
}

static int tui_form_save(struct tui *tui, struct tui_form *f);

/* The version stored now of the row f edits; 0 if it is gone. */
static int64_t
tui_form_stored_version(struct tui *tui, const struct tui_form *f)
{
	struct tui_form *now = f->fresh(tui, f->parent, f->id);
	int64_t version = now != NULL ? now->version : 0;

	tui_form_free(now);
	return version;
}

/* r: drop what was typed, show the stored row as it is now. */
static int
tui_form_stale_answer(struct tui *tui, int key,
    const struct tui_ask *ask)
{
	struct tui_form *f = ask->owner->data, *now;

	if (key == 'r') {
		/* The form afresh replaces this one (if the row is there). */
		if ((now = f->fresh(tui, f->parent, f->id)) == NULL)
			return TUI_HANDLED | TUI_DRAW;
		tui_form_open(tui, now);
		tui_status_message(tui, _("reloaded: what you typed was "
		    "dropped"));
		return TUI_HANDLED | TUI_DRAW | TUI_CLOSE;
	}
	/* o: save what was typed over the version stored now. */
	f->version = tui_form_stored_version(tui, f);
	return tui_form_save(tui, f);
}

/*
 * A refused save because someone else changed the row since the form
 * opened: ask, keeping the form and what was typed until answered (any
 * other key, Esc too, keeps editing). The question fits 80 columns.
 */
static bool
tui_form_stale(struct tui *tui, struct tui_form *f, const struct err *err)
{
	int64_t now;

	if (err->code != ERR_CONFLICT || f->id == 0 || f->fresh == NULL)
		return false;
	now = tui_form_stored_version(tui, f);
	if (now == 0 || now == f->version)
		return false;
	tui_status_ask(tui, "ro", tui_form_stale_answer, 0, 0,
	    _("changed by someone else: r reload (drops your typing), o "
	    "overwrite with yours"));
	return true;
}

static int
tui_form_save(struct tui *tui, struct tui_form *f)
{
	struct err err;

	err_clear(&err);
	if (f->save(tui, f, &err) < 0) {
		if (tui_form_stale(tui, f, &err))
			return TUI_HANDLED | TUI_DRAW;
		tui_status_error(tui, "%s", err.msg[0] ? err.msg :
		    _("could not save"));
		return TUI_HANDLED | TUI_DRAW;
	}
	/* The save function said what it did; the panes reload once. */
	return TUI_HANDLED | TUI_DRAW | TUI_RELOAD | TUI_CLOSE;
}

static int
tui_form_key(struct tui *tui, struct tui_popup *pp, int key)
{
	struct tui_form *f = pp->data;
	struct tui_field *fd = &f->fields[f->focus];
	char one[8] = "";
	size_t n;

	switch (key) {
	case TUI_KEY_ESC:
		if (f->dirty)
			tui_status_ask(tui, "y", tui_form_drop_answer, 0, 0,
			    _("drop what you typed? y/n"));
		else
			return tui_form_drop(tui);
		break;
	case TUI_KEY_ENTER:
		return tui_form_save(tui, f);
	case TUI_KEY_TAB:
	case TUI_KEY_DOWN:
		f->focus = (f->focus + 1) % f->count;
		break;
	case TUI_KEY_BTAB:
	case TUI_KEY_UP:
		f->focus = (f->focus + f->count - 1) % f->count;
		break;
	case TUI_KEY_LEFT:
		fd->cursor -= tui_form_prev(fd);
		break;
	case TUI_KEY_RIGHT:
		fd->cursor += tui_form_next(fd);
		break;
	case TUI_KEY_HOME:
	case 0x01:	/* C-a */
		fd->cursor = 0;
		break;
	case TUI_KEY_END:
	case 0x05:	/* C-e */
		fd->cursor = strlen(fd->text);
		break;
	case 0x15:	/* C-u */
		fd->text[0] = '\0';
		fd->cursor = 0;
		f->dirty = true;
		break;
	case TUI_KEY_BACKSPACE:
		if ((n = tui_form_prev(fd)) > 0) {
			fd->cursor -= n;
			tui_form_delete(fd, fd->cursor, n);
			f->dirty = true;
		}
		break;
	case TUI_KEY_DELETE:
		if ((n = tui_form_next(fd)) > 0) {
			tui_form_delete(fd, fd->cursor, n);
			f->dirty = true;
		}
		break;
	default:
		if (key < 0x20 || key == 0x7f || key >= TUI_KEY_BASE ||
		    (key >= 0x80 && key < 0xa0))
			return TUI_HANDLED;
		tui_text_append_cp(one, sizeof one, (unsigned int)key);
		tui_form_insert(f, one);
		break;
	}
	return TUI_HANDLED | TUI_DRAW;
}

/* Draw one field's text in w columns, keeping the cursor in view. */
static void
tui_form_draw_field(struct tui_form *f, size_t i, int y, int x, int w)
{
	struct tui_field *fd = &f->fields[i];
	const char *shown = fd->text;
	char *before;
	int cw;

	if (fd->text[0] == '\0' && fd->hint != NULL && i != f->focus) {
		tui_text_put(y, x, w, fd->hint, THEME_DIM);
		return;
	}
	before = xstrdup(fd->text);
	before[fd->cursor] = '\0';
	/* Skip leading characters until the cursor fits. */
	while ((cw = (int)text_width(before + (shown - fd->text))) >= w &&
	    *shown != '\0') {
		shown++;
		while (((unsigned char)*shown & 0xc0) == 0x80)
			shown++;
	}
	tui_text_put(y, x, w, shown, THEME_INPUT);
	if (i == f->focus) {
		f->cursor_y = y;
		f->cursor_x = x + cw;
	}
	free(before);
}

static void
tui_form_draw(struct tui *tui, struct tui_popup *pp)
{
	struct tui_form *f = pp->data;
	struct tui_rect r;
	size_t i;
	int lw = 0, w;

	f->cursor_x = -1;
	if (!tui_layout_box(tui->lines, tui->cols, (int)f->count + 4,
	    tui->cols < 72 ? tui->cols : 72, &r)) {
		tui_text_fill(tui->layout.body, THEME_NORMAL);
		tui_text_put(tui->layout.body.y, 0, tui->cols,
		    _("enlarge the terminal to see the form (kept)"),
		    THEME_ERROR);
		return;
	}
	for (i = 0; i < f->count; i++) {
		w = (int)text_width(f->fields[i].label);
		if (w > lw)
			lw = w;
	}
	if (lw > r.w / 3)
		lw = r.w / 3;
	tui_text_box(r, f->title);
	for (i = 0; i < f->count; i++) {
		tui_text_put(r.y + 1 + (int)i, r.x + 2, lw, f->fields[i].label,
		    i == f->focus ? THEME_FOCUS : THEME_NORMAL);
		tui_form_draw_field(f, i, r.y + 1 + (int)i, r.x + lw + 4,
		    r.w - lw - 6);
	}
	tui_text_put(r.y + r.h - 2, r.x + 2, r.w - 4,
	    _("Enter saves, Tab moves, Esc cancels"), THEME_DIM);
}

static bool
tui_form_cursor(struct tui_popup *pp, int *y, int *x)
{
	struct tui_form *f = pp->data;

	*y = f->cursor_y;
	*x = f->cursor_x;
	return f->cursor_x >= 0;
}

static void
tui_form_close(struct tui_popup *pp)
{
	tui_form_free(pp->data);
}

static const struct tui_popup_ops tui_form_popup = {
	"form", 0, NULL, NULL, N_("Enter save  Tab next  Esc cancel "),
	tui_form_draw, tui_form_key, tui_form_close, NULL, NULL,
	tui_form_cursor
};

void
tui_form_open(struct tui *tui, struct tui_form *f)
{
	if (f != NULL)
		tui_stack_push(tui, &tui_form_popup, f);
}
