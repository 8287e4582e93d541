/* SPDX-License-Identifier: ISC */
/*
 * tui_form.c, the form state below curses, as a pop-up on the stack:
 * void tui_form_open(struct tui *tui, struct tui_form *f);
 * int tui_stack_key(struct tui *tui, int key);
 * editing UTF-8 by characters, moving between fields, saving through the
 * form's save function (refused: text kept, message shown; accepted: the
 * form closes and asks for one reload), Esc asking before dropping typed
 * text, a stale save asking reload or overwrite; the WHEN and number
 * field parsers; and forms made from an entity's field table:
 * void tui_form_fields(struct tui_form *f, const struct model_field *fields,
 *     const void *rec);
 * int tui_form_fields_read(struct tui_form *f,
 *     const struct model_field *fields, void *rec, bool times,
 *     struct err *err);
 */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../src/tui/tui_int.h"

static int saves;

static int
save_refuse(struct tui *tui, struct tui_form *f, struct err *err)
{
	(void)tui;
	(void)f;
	saves++;
	return err_set(err, ERR_INVALID, "title: a title is needed");
}

static int
save_accept(struct tui *tui, struct tui_form *f, struct err *err)
{
	(void)tui;
	(void)f;
	(void)err;
	saves++;
	return 0;
}

/* The form on top of the stack, or NULL. */
static struct tui_form *
form_of(struct tui *tui)
{
	struct tui_popup *top = tui_stack_top(tui);

	return top != NULL && strcmp(top->ops->name, "form") == 0 ?
	    top->data : NULL;
}

/* The question on top of the stack, or NULL. */
static struct tui_ask *
ask_of(struct tui *tui)
{
	struct tui_popup *top = tui_stack_top(tui);

	return top != NULL && strcmp(top->ops->name, "ask") == 0 ?
	    top->data : NULL;
}

static struct tui *
new_tui(tui_form_save_fn save)
{
	struct tui *tui = calloc(1, sizeof *tui);
	struct tui_form *f = tui_form_new("Test", save);

	tui_form_field(f, "Title", TUI_FIELD_TEXT, NULL, NULL);
	tui_form_field(f, "Start", TUI_FIELD_WHEN, "2027-03-27 14:00", NULL);
	tui_form_field(f, "Needed", TUI_FIELD_NUMBER, "1", NULL);
	tui_form_open(tui, f);
	saves = 0;
	return tui;
}

static void
free_tui(struct tui *tui)
{
	tui_stack_close_full(tui, true);
	free(tui);
}

/* A key as the loop gives it: to the top pop-up. */
static int
key(struct tui *tui, int k)
{
	return tui_stack_key(tui, k);
}

static void
type(struct tui *tui, const char *keys)
{
	while (*keys)
		key(tui, (unsigned char)*keys++);
}

static void
test_edit_utf8(void **state)
{
	struct tui *tui = new_tui(save_refuse);
	struct tui_form *f = form_of(tui);

	(void)state;
	type(tui, "Zo");
	key(tui, 0xeb);		/* ë */
	key(tui, 0x674e);		/* 李 */
	assert_string_equal(tui_form_text(f, 0), "Zo\xc3\xab\xe6\x9d\x8e");
	assert_true(f->dirty);
	/* Left steps over a whole character; insert lands before it. */
	key(tui, TUI_KEY_LEFT);
	key(tui, TUI_KEY_LEFT);
	key(tui, '-');
	assert_string_equal(tui_form_text(f, 0), "Zo-\xc3\xab\xe6\x9d\x8e");
	/* Backspace removes one character, Delete the one after. */
	key(tui, TUI_KEY_BACKSPACE);
	key(tui, TUI_KEY_DELETE);
	assert_string_equal(tui_form_text(f, 0), "Zo\xe6\x9d\x8e");
	key(tui, TUI_KEY_HOME);
	key(tui, TUI_KEY_BACKSPACE);	/* nothing before */
	key(tui, TUI_KEY_END);
	key(tui, TUI_KEY_RIGHT);		/* nothing after */
	key(tui, TUI_KEY_DELETE);
	assert_string_equal(tui_form_text(f, 0), "Zo\xe6\x9d\x8e");
	/* Control and escape characters are never inserted. */
	key(tui, 0x07);
	key(tui, 0x9b);
	assert_string_equal(tui_form_text(f, 0), "Zo\xe6\x9d\x8e");
	key(tui, 0x15);		/* C-u */
	assert_string_equal(tui_form_text(f, 0), "");
	free_tui(tui);
}

static void
test_fields_cycle(void **state)
{
	struct tui *tui = new_tui(save_refuse);
	struct tui_form *f = form_of(tui);

	(void)state;
	assert_int_equal(f->focus, 0);
	key(tui, TUI_KEY_TAB);
	assert_int_equal(f->focus, 1);
	key(tui, TUI_KEY_DOWN);
	key(tui, TUI_KEY_TAB);
	assert_int_equal(f->focus, 0);
	key(tui, TUI_KEY_BTAB);
	assert_int_equal(f->focus, 2);
	/* The initial text is there and the cursor at its end. */
	key(tui, '0');
	assert_string_equal(tui_form_text(f, 2), "10");
	free_tui(tui);
}

static void
test_refused_save_keeps_text(void **state)
{
	struct tui *tui = new_tui(save_refuse);
	int flags;

	(void)state;
	type(tui, "Taal");
	flags = key(tui, TUI_KEY_ENTER);
	assert_int_equal(saves, 1);
	assert_non_null(form_of(tui));
	assert_false(flags & TUI_RELOAD);
	assert_true(tui->message_error);
	assert_string_equal(tui->message, "title: a title is needed");
	assert_string_equal(tui_form_text(form_of(tui), 0), "Taal");
	free_tui(tui);
}

static void
test_accepted_save_closes(void **state)
{
	struct tui *tui = new_tui(save_accept);
	int flags;

	(void)state;
	type(tui, "Taal");
	flags = key(tui, TUI_KEY_ENTER);
	assert_int_equal(saves, 1);
	assert_null(form_of(tui));
	assert_int_equal(tui->depth, 0);
	assert_true(flags & TUI_RELOAD);
	free(tui);
}

static void
test_escape(void **state)
{
	struct tui *tui = new_tui(save_refuse);

	(void)state;
	/* Nothing typed: Esc closes at once. */
	key(tui, TUI_KEY_ESC);
	assert_null(form_of(tui));
	assert_null(ask_of(tui));
	assert_int_equal(tui->depth, 0);
	free(tui);
	/* Typed text: Esc asks; the answer y drops the form. */
	tui = new_tui(save_refuse);
	type(tui, "x");
	key(tui, TUI_KEY_ESC);
	assert_non_null(ask_of(tui));
	assert_string_equal(ask_of(tui)->keys, "y");
	assert_int_equal(tui->depth, 2);	/* the form under it */
	key(tui, 'y');
	assert_null(form_of(tui));
	assert_int_equal(tui->depth, 0);
	assert_int_equal(saves, 0);
	free(tui);
	/* Any other answer cancels the question; the form stays. */
	tui = new_tui(save_refuse);
	type(tui, "x");
	key(tui, TUI_KEY_ESC);
	key(tui, 'n');
	assert_non_null(form_of(tui));
	assert_string_equal(tui_form_text(form_of(tui), 0), "x");
	free_tui(tui);
}

static void
test_parsers(void **state)
{
	struct tui *tui = new_tui(save_refuse);
	struct tui_form *f = form_of(tui);
	struct err err;
	int64_t t;
	int n;

	(void)state;
	assert_int_equal(rtime_zone_set("UTC", NULL), 0);
	assert_int_equal(tui_form_when(f, 1, &t, &err), 0);
	assert_int_equal(t, 1806156000);	/* 2027-03-27 14:00 UTC */
	f->focus = 1;
	key(tui, TUI_KEY_BACKSPACE);
	key(tui, '9');
	key(tui, '9');
	assert_int_equal(tui_form_when(f, 1, &t, &err), -1);
	assert_int_equal(err.code, ERR_INVALID);
	assert_true(strncmp(err.msg, "Start: ", 7) == 0);
	assert_int_equal(tui_form_number(f, 2, &n, &err), 0);
	assert_int_equal(n, 1);
	f->focus = 2;
	key(tui, 0x15);
	assert_int_equal(tui_form_number(f, 2, &n, &err), 0);
	assert_int_equal(n, 0);			/* empty: none */
	type(tui, "-3");
	assert_int_equal(tui_form_number(f, 2, &n, &err), -1);
	assert_true(strncmp(err.msg, "Needed: ", 8) == 0);
	key(tui, 0x15);
	type(tui, "2x");
	assert_int_equal(tui_form_number(f, 2, &n, &err), -1);
	free_tui(tui);
}

/* A row stored at version 7 that the form saw at version 3. */
static int64_t stored = 7;
static int64_t saved_over;	/* the version a save went through with */
static int fresh_made;	/* forms made afresh from the stored row */

static int
save_versioned(struct tui *tui, struct tui_form *f, struct err *err)
{
	saves++;
	if (f->version != stored)
		return err_set(err, ERR_CONFLICT, "changed by someone else");
	saved_over = f->version;
	(void)tui;
	return 0;
}

static int
save_conflict_other(struct tui *tui, struct tui_form *f, struct err *err)
{
	(void)tui;
	(void)f;
	saves++;
	return err_set(err, ERR_CONFLICT, "event 1 is already cancelled");
}

static struct tui_form *
fresh(struct tui *tui, int64_t parent, int64_t id)
{
	struct tui_form *f = tui_form_new("Fresh", save_versioned);

	(void)tui;
	(void)parent;
	fresh_made++;
	f->id = id;
	f->version = stored;
	return f;
}

static struct tui *
new_stale(tui_form_save_fn save)
{
	struct tui *tui = new_tui(save);
	struct tui_form *f = form_of(tui);

	f->id = 1;
	f->version = 3;
	f->fresh = fresh;
	fresh_made = 0;
	saved_over = 0;
	type(tui, "mine");
	return tui;
}

/* A stale save asks r/o; Esc keeps editing, o saves over, r reloads. */
static void
test_stale(void **state)
{
	struct tui *tui = new_stale(save_versioned);

	(void)state;
	key(tui, TUI_KEY_ENTER);
	assert_non_null(ask_of(tui));
	assert_string_equal(ask_of(tui)->keys, "ro");
	assert_non_null(strstr(ask_of(tui)->question,
	    "changed by someone else"));
	assert_int_equal(tui->depth, 2);
	assert_string_equal(tui_form_text(tui->stack[0]->data, 0), "mine");
	/* o: saved with the version stored now; question and form close. */
	assert_true(key(tui, 'o') & TUI_RELOAD);
	assert_int_equal(tui->depth, 0);
	assert_int_equal(saved_over, 7);
	assert_int_equal(saves, 2);
	assert_null(form_of(tui));	/* no fresh form shown */
	free(tui);

	/* r: the form opens afresh, the typing is gone, nothing saved. */
	tui = new_stale(save_versioned);
	key(tui, TUI_KEY_ENTER);
	key(tui, 'r');
	assert_true(fresh_made >= 1);
	assert_int_equal(tui->depth, 1);	/* the fresh form only */
	assert_non_null(form_of(tui));
	assert_string_equal(form_of(tui)->title, "Fresh");
	assert_false(form_of(tui)->dirty);
	assert_int_equal(saves, 1);
	assert_int_equal(saved_over, 0);
	free_tui(tui);

	/* Another ERR_CONFLICT (the row is where the form saw it): no
	 * question, the message as usual. */
	tui = new_stale(save_conflict_other);
	form_of(tui)->version = stored;
	key(tui, TUI_KEY_ENTER);
	assert_null(ask_of(tui));
	assert_string_equal(tui->message, "event 1 is already cancelled");
	assert_non_null(form_of(tui));
	free_tui(tui);
}

/* The shift form is shift_fields' rows with a form label, in order. */
static void
test_fields_from_table(void **state)
{
	struct tui_form *f = tui_form_new("Shift", save_refuse);
	const struct model_field *row;
	struct volunteer v;
	struct shift sh;
	struct err err;
	size_t n = 0, i;

	(void)state;
	assert_int_equal(rtime_zone_set("UTC", NULL), 0);
	shift_init(&sh);
	sh.role = xstrdup("tolk");
	sh.start = 1806156000;			/* 2027-03-27 14:00 UTC */
	tui_form_fields(f, shift_fields, &sh);
	/* Each row with a form label is a field, in order: role, start, end,
	 * needed, and what a row adds after them. */
	for (row = shift_fields; row->key != NULL; row++)
		if (row->form != NULL) {
			assert_true(n < f->count);
			assert_string_equal(f->fields[n++].label, row->form);
		}
	assert_int_equal(f->count, n);
	assert_true(n >= 4);
	assert_string_equal(f->fields[0].label, "Role");
	assert_string_equal(tui_form_text(f, 0), "tolk");
	assert_int_equal(f->fields[1].kind, TUI_FIELD_WHEN);
	assert_string_equal(tui_form_text(f, 1), "2027-03-27 14:00");
	assert_string_equal(tui_form_text(f, 2), "");	/* no end: empty */
	assert_string_equal(f->fields[2].hint, "event's end");
	assert_int_equal(f->fields[3].kind, TUI_FIELD_NUMBER);
	assert_string_equal(tui_form_text(f, 3), "0");	/* no hint: shown */
	/* Back: text, times (empty is 0), numbers. */
	tui_form_set(f, 0, "begeleider");
	tui_form_set(f, 2, "2027-03-27 16:00");
	tui_form_set(f, 3, "3");
	assert_int_equal(tui_form_fields_read(f, shift_fields, &sh, true,
	    &err), 0);
	assert_string_equal(sh.role, "begeleider");
	assert_int_equal(sh.end, 1806156000 + 2 * 3600);
	assert_int_equal(sh.needed, 3);
	/* A bad number: refused, the focus on it. */
	tui_form_set(f, 3, "x");
	assert_int_equal(tui_form_fields_read(f, shift_fields, &sh, true,
	    &err), -1);
	assert_int_equal(f->focus, 3);
	shift_fini(&sh);
	tui_form_free(f);

	/* A number with a hint ("no limit") is empty for 0; lists are
	 * normalised on the way back. */
	f = tui_form_new("Volunteer", save_refuse);
	volunteer_init(&v);
	tui_form_fields(f, volunteer_fields, &v);
	assert_true(f->count >= 2);
	for (i = 0; i < f->count && strcmp(f->fields[i].label, "Max/month");
	    i++)
		;
	assert_true(i < f->count);
	assert_string_equal(tui_form_text(f, i), "");
	tui_form_free(f);
	volunteer_fini(&v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_edit_utf8),
		cmocka_unit_test(test_fields_cycle),
		cmocka_unit_test(test_refused_save_keeps_text),
		cmocka_unit_test(test_accepted_save_closes),
		cmocka_unit_test(test_escape),
		cmocka_unit_test(test_parsers),
		cmocka_unit_test(test_stale),
		cmocka_unit_test(test_fields_from_table),
	};

	setlocale(LC_CTYPE, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
