/* SPDX-License-Identifier: ISC */
/*
 * tui_form.c, the form state below curses:
 * int tui_form_key(struct tui *tui, struct tui_form *f, int key);
 * editing UTF-8 by characters, moving between fields, saving through the
 * form's save function (refused: text kept, message shown), Esc asking
 * before dropping typed text; and the WHEN and number field parsers.
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
	(void)err;
	saves++;
	tui_form_free(f);
	tui->form = NULL;
	return 0;
}

static struct tui *
new_tui(tui_form_save_fn save)
{
	struct tui *tui = calloc(1, sizeof *tui);

	tui->form = tui_form_new("Test", save);
	tui_form_field(tui->form, "Title", TUI_FIELD_TEXT, NULL, NULL);
	tui_form_field(tui->form, "Start", TUI_FIELD_WHEN, "2027-03-27 14:00",
	    NULL);
	tui_form_field(tui->form, "Needed", TUI_FIELD_NUMBER, "1", NULL);
	saves = 0;
	return tui;
}

static void
free_tui(struct tui *tui)
{
	tui_form_free(tui->form);
	free(tui);
}

static void
type(struct tui *tui, const char *keys)
{
	while (*keys)
		tui_form_key(tui, tui->form, (unsigned char)*keys++);
}

static void
test_edit_utf8(void **state)
{
	struct tui *tui = new_tui(save_refuse);
	struct tui_form *f = tui->form;

	(void)state;
	type(tui, "Zo");
	tui_form_key(tui, f, 0xeb);		/* ë */
	tui_form_key(tui, f, 0x674e);		/* 李 */
	assert_string_equal(tui_form_text(f, 0), "Zo\xc3\xab\xe6\x9d\x8e");
	assert_true(f->dirty);
	/* Left steps over a whole character; insert lands before it. */
	tui_form_key(tui, f, TUI_KEY_LEFT);
	tui_form_key(tui, f, TUI_KEY_LEFT);
	tui_form_key(tui, f, '-');
	assert_string_equal(tui_form_text(f, 0), "Zo-\xc3\xab\xe6\x9d\x8e");
	/* Backspace removes one character, Delete the one after. */
	tui_form_key(tui, f, TUI_KEY_BACKSPACE);
	tui_form_key(tui, f, TUI_KEY_DELETE);
	assert_string_equal(tui_form_text(f, 0), "Zo\xe6\x9d\x8e");
	tui_form_key(tui, f, TUI_KEY_HOME);
	tui_form_key(tui, f, TUI_KEY_BACKSPACE);	/* nothing before */
	tui_form_key(tui, f, TUI_KEY_END);
	tui_form_key(tui, f, TUI_KEY_RIGHT);		/* nothing after */
	tui_form_key(tui, f, TUI_KEY_DELETE);
	assert_string_equal(tui_form_text(f, 0), "Zo\xe6\x9d\x8e");
	/* Control and escape characters are never inserted. */
	tui_form_key(tui, f, 0x07);
	tui_form_key(tui, f, 0x9b);
	assert_string_equal(tui_form_text(f, 0), "Zo\xe6\x9d\x8e");
	tui_form_key(tui, f, 0x15);		/* C-u */
	assert_string_equal(tui_form_text(f, 0), "");
	free_tui(tui);
}

static void
test_fields_cycle(void **state)
{
	struct tui *tui = new_tui(save_refuse);
	struct tui_form *f = tui->form;

	(void)state;
	assert_int_equal(f->focus, 0);
	tui_form_key(tui, f, TUI_KEY_TAB);
	assert_int_equal(f->focus, 1);
	tui_form_key(tui, f, TUI_KEY_DOWN);
	tui_form_key(tui, f, TUI_KEY_TAB);
	assert_int_equal(f->focus, 0);
	tui_form_key(tui, f, TUI_KEY_BTAB);
	assert_int_equal(f->focus, 2);
	/* The initial text is there and the cursor at its end. */
	tui_form_key(tui, f, '0');
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
	flags = tui_form_key(tui, tui->form, TUI_KEY_ENTER);
	assert_int_equal(saves, 1);
	assert_non_null(tui->form);
	assert_false(flags & TUI_RELOAD);
	assert_true(tui->message_error);
	assert_string_equal(tui->message, "title: a title is needed");
	assert_string_equal(tui_form_text(tui->form, 0), "Taal");
	free_tui(tui);
}

static void
test_accepted_save_closes(void **state)
{
	struct tui *tui = new_tui(save_accept);
	int flags;

	(void)state;
	type(tui, "Taal");
	flags = tui_form_key(tui, tui->form, TUI_KEY_ENTER);
	assert_int_equal(saves, 1);
	assert_null(tui->form);
	assert_true(flags & TUI_RELOAD);
	free(tui);
}

static void
test_escape(void **state)
{
	struct tui *tui = new_tui(save_refuse);

	(void)state;
	/* Nothing typed: Esc closes at once. */
	tui_form_key(tui, tui->form, TUI_KEY_ESC);
	assert_null(tui->form);
	assert_false(tui->ask.active);
	free(tui);
	/* Typed text: Esc asks; the answer y drops the form. */
	tui = new_tui(save_refuse);
	type(tui, "x");
	tui_form_key(tui, tui->form, TUI_KEY_ESC);
	assert_non_null(tui->form);
	assert_true(tui->ask.active);
	assert_string_equal(tui->ask.keys, "y");
	tui->ask.active = false;
	tui->ask.fn(tui, 'y');
	assert_null(tui->form);
	assert_int_equal(saves, 0);
	free(tui);
}

static void
test_parsers(void **state)
{
	struct tui *tui = new_tui(save_refuse);
	struct tui_form *f = tui->form;
	struct err err;
	int64_t t;
	int n;

	(void)state;
	assert_int_equal(rtime_zone_set("UTC", NULL), 0);
	assert_int_equal(tui_form_when(f, 1, &t, &err), 0);
	assert_int_equal(t, 1806156000);	/* 2027-03-27 14:00 UTC */
	f->focus = 1;
	tui_form_key(tui, f, TUI_KEY_BACKSPACE);
	tui_form_key(tui, f, '9');
	tui_form_key(tui, f, '9');
	assert_int_equal(tui_form_when(f, 1, &t, &err), -1);
	assert_int_equal(err.code, ERR_INVALID);
	assert_true(strncmp(err.msg, "Start: ", 7) == 0);
	assert_int_equal(tui_form_number(f, 2, &n, &err), 0);
	assert_int_equal(n, 1);
	f->focus = 2;
	tui_form_key(tui, f, 0x15);
	assert_int_equal(tui_form_number(f, 2, &n, &err), 0);
	assert_int_equal(n, 0);			/* empty: none */
	type(tui, "-3");
	assert_int_equal(tui_form_number(f, 2, &n, &err), -1);
	assert_true(strncmp(err.msg, "Needed: ", 8) == 0);
	tui_form_key(tui, f, 0x15);
	type(tui, "2x");
	assert_int_equal(tui_form_number(f, 2, &n, &err), -1);
	free_tui(tui);
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
	};

	setlocale(LC_CTYPE, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
