/* SPDX-License-Identifier: ISC */
/*
 * tui_keymap.c: the default keys of DESIGN.md's table, the key-name and
 * bind parsers, that no key is bound twice, and that help lists every key.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../src/tui/tui_int.h"

/* int tui_keymap_key_parse(const char *name) */
static void
test_key_parse(void **state)
{
	char buf[16];

	(void)state;
	assert_int_equal(tui_keymap_key_parse(NULL), TUI_KEY_NONE);
	assert_int_equal(tui_keymap_key_parse(""), TUI_KEY_NONE);
	assert_int_equal(tui_keymap_key_parse("nonsense"), TUI_KEY_NONE);
	assert_int_equal(tui_keymap_key_parse("C-"), TUI_KEY_NONE);
	assert_int_equal(tui_keymap_key_parse("C-1"), TUI_KEY_NONE);
	assert_int_equal(tui_keymap_key_parse("j"), 'j');
	assert_int_equal(tui_keymap_key_parse("C-l"), 0x0c);
	assert_int_equal(tui_keymap_key_parse("Tab"), TUI_KEY_TAB);
	assert_int_equal(tui_keymap_key_parse("BTab"), TUI_KEY_BTAB);
	assert_int_equal(tui_keymap_key_parse("F1"), TUI_KEY_F1);
	assert_int_equal(tui_keymap_key_parse("PgDn"), TUI_KEY_PGDN);
	tui_keymap_key_name(0x0c, buf, sizeof buf);
	assert_string_equal(buf, "C-l");
	tui_keymap_key_name(TUI_KEY_ESC, buf, sizeof buf);
	assert_string_equal(buf, "Esc");
	tui_keymap_key_name('?', buf, sizeof buf);
	assert_string_equal(buf, "?");
	tui_keymap_key_name(TUI_KEY_BASE + 999, buf, sizeof buf);
	assert_string_equal(buf, "?");
}

/* The key table of DESIGN.md, "Screen". */
static void
test_defaults(void **state)
{
	static const struct {
		int		key;
		enum tui_action	action;
	} want[] = {
		{ TUI_KEY_TAB, TUI_ACT_NEXT_PANE },
		{ TUI_KEY_BTAB, TUI_ACT_PREV_PANE },
		{ '1', TUI_ACT_PANE_1 }, { '2', TUI_ACT_PANE_2 },
		{ '3', TUI_ACT_PANE_3 },
		{ 'j', TUI_ACT_DOWN }, { TUI_KEY_DOWN, TUI_ACT_DOWN },
		{ 'k', TUI_ACT_UP }, { TUI_KEY_UP, TUI_ACT_UP },
		{ TUI_KEY_PGUP, TUI_ACT_PAGE_UP },
		{ TUI_KEY_PGDN, TUI_ACT_PAGE_DOWN },
		{ 'g', TUI_ACT_FIRST }, { TUI_KEY_HOME, TUI_ACT_FIRST },
		{ 'G', TUI_ACT_LAST }, { TUI_KEY_END, TUI_ACT_LAST },
		{ TUI_KEY_ENTER, TUI_ACT_OPEN },
		{ 'a', TUI_ACT_ADD }, { 'e', TUI_ACT_EDIT },
		{ 'd', TUI_ACT_DELETE }, { 's', TUI_ACT_ASSIGN },
		{ 'x', TUI_ACT_UNASSIGN }, { 'r', TUI_ACT_RESPOND },
		{ '/', TUI_ACT_FILTER }, { '!', TUI_ACT_GAPS },
		{ 'w', TUI_ACT_WEEK }, { 'i', TUI_ACT_INVITE },
		{ 'u', TUI_ACT_UNDO }, { 0x0c, TUI_ACT_REDRAW },
		{ '?', TUI_ACT_HELP }, { TUI_KEY_F1, TUI_ACT_HELP },
		{ TUI_KEY_ESC, TUI_ACT_ESCAPE }, { 'q', TUI_ACT_QUIT },
		{ 'c', TUI_ACT_CANCEL_EVENT }, { 'h', TUI_ACT_HISTORY },
	};
	struct tui_keymap km;
	size_t i;

	(void)state;
	tui_keymap_init(&km);
	for (i = 0; i < sizeof want / sizeof want[0]; i++)
		assert_int_equal(tui_keymap_action(&km, want[i].key),
		    want[i].action);
	assert_int_equal(tui_keymap_action(&km, 'z'), TUI_ACT_NONE);
}

/* Keys never collide: each key is bound once. */
static void
test_no_duplicates(void **state)
{
	struct tui_keymap km;
	size_t i, j, n = 0;
	const struct tui_keydef *defs = tui_keymap_table(&n);
	char *copy, *k, *save;

	(void)state;
	tui_keymap_init(&km);
	for (i = 0; i < km.len; i++)
		for (j = i + 1; j < km.len; j++)
			assert_int_not_equal(km.bindings[i].key,
			    km.bindings[j].key);
	/* Every default key name parses, and every action has a key. */
	for (i = 0; i < n; i++) {
		assert_non_null(defs[i].help);
		copy = strdup(defs[i].keys);
		for (k = strtok_r(copy, " ", &save); k != NULL;
		    k = strtok_r(NULL, " ", &save))
			assert_int_not_equal(tui_keymap_key_parse(k),
			    TUI_KEY_NONE);
		free(copy);
	}
	for (i = TUI_ACT_NONE + 1; i < TUI_ACT_COUNT; i++) {
		char keys[64];

		tui_keymap_keys_of(&km, (enum tui_action)i, keys, sizeof keys);
		assert_true(keys[0] != '\0');
	}
}

/* int tui_keymap_parse(struct tui_keymap *km, const char *line, ...) */
static void
test_bind(void **state)
{
	struct tui_keymap km;
	struct err err;

	(void)state;
	tui_keymap_init(&km);
	assert_int_equal(tui_keymap_parse(&km, "bind z assign", &err), 0);
	assert_int_equal(tui_keymap_action(&km, 'z'), TUI_ACT_ASSIGN);
	/* Rebinding a key replaces its action. */
	assert_int_equal(tui_keymap_parse(&km, "bind s week", &err), 0);
	assert_int_equal(tui_keymap_action(&km, 's'), TUI_ACT_WEEK);
	assert_int_equal(tui_keymap_parse(&km, "bind", &err), -1);
	assert_int_equal(err.code, ERR_INVALID);
	assert_int_equal(tui_keymap_parse(&km, "bind zz assign", &err), -1);
	assert_non_null(strstr(err.msg, "unknown key"));
	assert_int_equal(tui_keymap_parse(&km, "bind z fly", &err), -1);
	assert_non_null(strstr(err.msg, "unknown action"));
	assert_int_equal(tui_keymap_parse(&km, "unbind z assign", &err), -1);
}

/* char **tui_help_lines(const struct tui_keymap *km, size_t *count) */
static void
test_help_lists_every_key(void **state)
{
	struct tui_keymap km;
	char **lines, name[16];
	size_t n, i, j;
	bool found;

	(void)state;
	tui_keymap_init(&km);
	lines = tui_help_lines(&km, &n);
	assert_true(n >= 28);
	for (i = 0; i < km.len; i++) {
		tui_keymap_key_name(km.bindings[i].key, name, sizeof name);
		found = false;
		for (j = 0; j < n && !found; j++)
			found = strncmp(lines[j], name, strlen(name)) == 0 ||
			    strstr(lines[j], name) != NULL;
		assert_true(found);
	}
	for (i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}

/* bool tui_keymap_changes(enum tui_action, enum tui_pane_id): every key
 * that could change the plan, and none that only looks. */
static void
test_changes(void **state)
{
	static const enum tui_action change[] = {
		TUI_ACT_ADD, TUI_ACT_EDIT, TUI_ACT_DELETE, TUI_ACT_ASSIGN,
		TUI_ACT_UNASSIGN, TUI_ACT_RESPOND, TUI_ACT_NOTE,
		TUI_ACT_CANCEL_EVENT, TUI_ACT_COPY_EVENT, TUI_ACT_INVITE,
		TUI_ACT_OFFER, TUI_ACT_UNDO
	};
	size_t i;
	int a, p;

	(void)state;
	for (i = 0; i < sizeof change / sizeof change[0]; i++)
		for (p = 0; p < TUI_PANES; p++)
			assert_true(tui_keymap_changes(change[i],
			    (enum tui_pane_id)p));
	/* Enter opens a shift's form or response in pane 2 only. */
	assert_true(tui_keymap_changes(TUI_ACT_OPEN, TUI_PANE_SHIFTS));
	assert_false(tui_keymap_changes(TUI_ACT_OPEN, TUI_PANE_EVENTS));
	assert_false(tui_keymap_changes(TUI_ACT_OPEN, TUI_PANE_VOLUNTEERS));
	/* Looking: moving, panes, filter, gaps, week, help, quit. */
	for (a = TUI_ACT_NONE; a < TUI_ACT_COUNT; a++) {
		bool listed = a == TUI_ACT_OPEN;

		for (i = 0; i < sizeof change / sizeof change[0]; i++)
			listed = listed || change[i] == (enum tui_action)a;
		if (!listed)
			assert_false(tui_keymap_changes((enum tui_action)a,
			    TUI_PANE_EVENTS));
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_key_parse),
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_no_duplicates),
		cmocka_unit_test(test_bind),
		cmocka_unit_test(test_help_lists_every_key),
		cmocka_unit_test(test_changes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
