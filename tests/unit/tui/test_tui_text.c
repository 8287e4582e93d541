/* SPDX-License-Identifier: ISC */
/*
 * tui_text.c: cells cut and padded by display width (Arabic, Ge'ez, CJK,
 * combining marks), escapes never reaching the screen, and the UTF-8
 * editing helpers of forms and filters.
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

static int
setup(void **state)
{
	(void)state;
	return setlocale(LC_CTYPE, "C.UTF-8") == NULL;
}

static void
assert_cell(const char *s, int w, const char *want)
{
	char *cell = tui_text_fit(s, w);

	assert_string_equal(cell, want);
	if (w > 0)
		assert_int_equal(text_width(cell), (size_t)w);
	free(cell);
}

/* char *tui_text_fit(const char *s, int w) */
static void
test_fit_edges(void **state)
{
	(void)state;
	assert_cell(NULL, 3, "   ");
	assert_cell("abc", 0, "");
	assert_cell("abc", -4, "");
	assert_cell("abc", 3, "abc");
	assert_cell("abcd", 3, "ab\xe2\x80\xa6");
	assert_cell("ab", 4, "ab  ");
}

static void
test_fit_wide(void **state)
{
	(void)state;
	/* CJK: two columns each; a cut never splits one. */
	assert_cell("李小龍", 6, "李小龍");
	assert_cell("李小龍", 5, "李小\xe2\x80\xa6");
	assert_cell("李小龍", 4, "李\xe2\x80\xa6 ");
	/* Combining diacritic: Zoë with U+0308 is 3 columns. */
	assert_cell("Zoe\xcc\x88", 3, "Zoe\xcc\x88");
	/* Ge'ez and Arabic are one column per letter. */
	assert_cell("ሃብተ", 3, "ሃብተ");
	assert_cell("مريم", 5, "مريم ");
}

static void
test_fit_escapes(void **state)
{
	char *cell;

	(void)state;
	cell = tui_text_fit("Evil \033]0;pwned\007 x", 40);
	assert_null(strchr(cell, '\033'));
	assert_null(strchr(cell, '\007'));
	assert_non_null(strstr(cell, "\\e]0;pwned"));
	assert_int_equal(text_width(cell), 40);
	free(cell);
	cell = tui_text_fit("a\nb\xc2\x9b" "c\xff", 20);
	assert_null(strchr(cell, '\n'));
	assert_null(strstr(cell, "\xc2\x9b"));
	assert_true(text_is_utf8(cell));
	free(cell);
}

/* tui_text_append_cp / tui_text_backspace */
static void
test_edit_helpers(void **state)
{
	char buf[8] = "";

	(void)state;
	assert_true(tui_text_append_cp(buf, sizeof buf, 'a'));
	assert_true(tui_text_append_cp(buf, sizeof buf, 0xeb));	/* ë */
	/* 李, three bytes */
	assert_true(tui_text_append_cp(buf, sizeof buf, 0x674e));
	assert_string_equal(buf, "a\xc3\xab\xe6\x9d\x8e");
	/* Full: 6 bytes used, a 2-byte character does not fit in 8. */
	assert_false(tui_text_append_cp(buf, sizeof buf, 0xeb));
	assert_false(tui_text_append_cp(buf, sizeof buf, 0xd800));
	assert_false(tui_text_append_cp(buf, sizeof buf, 0x110000));
	tui_text_backspace(buf);
	assert_string_equal(buf, "a\xc3\xab");
	tui_text_backspace(buf);
	assert_string_equal(buf, "a");
	tui_text_backspace(buf);
	tui_text_backspace(buf);
	assert_string_equal(buf, "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fit_edges),
		cmocka_unit_test(test_fit_wide),
		cmocka_unit_test(test_fit_escapes),
		cmocka_unit_test(test_edit_helpers),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
