/* SPDX-License-Identifier: ISC */
/*
 * tui_stack.c, the pop-ups over the panes, below curses:
 * struct tui_popup *tui_stack_push(struct tui *tui,
 *     const struct tui_popup_ops *ops, void *data);
 * int tui_stack_key(struct tui *tui, int key);
 * void tui_stack_sweep(struct tui *tui);
 * the key goes to the top only, TUI_CLOSE takes the pop-up off, a full
 * pop-up covers the panes; a question (tui_status_ask) answers for the
 * pop-up that asked and closes it with TUI_CLOSE; the scrolling view
 * (tui_view_key) closes on its keys and leaves the help's others to the
 * screen.
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

static int closed;		/* pop-ups closed so far */
static int keys_seen;		/* keys the test pop-ups got */

static int
popup_key(struct tui *tui, struct tui_popup *pp, int key)
{
	(void)tui;
	(void)pp;
	keys_seen++;
	if (key == 'x')
		return TUI_HANDLED | TUI_CLOSE;
	if (key == 'u')
		return TUI_UNHANDLED;
	return TUI_HANDLED | TUI_DRAW;
}

static void
popup_close(struct tui_popup *pp)
{
	(void)pp;
	closed++;
}

static const struct tui_popup_ops box = {
	"box", 0, NULL, NULL, NULL, NULL, popup_key, popup_close, NULL, NULL,
	NULL
};

static const struct tui_popup_ops full = {
	"full", TUI_POPUP_FULL, "full", "the full one", NULL, NULL, popup_key,
	popup_close, NULL, NULL, NULL
};

static struct tui *
new_tui(void)
{
	struct tui *tui = calloc(1, sizeof *tui);

	tui_keymap_init(&tui->keymap);
	closed = keys_seen = 0;
	return tui;
}

static void
free_tui(struct tui *tui)
{
	tui_stack_close_full(tui, true);
	assert_int_equal(tui->depth, 0);
	free(tui);
}

static void
test_push_key_close(void **state)
{
	struct tui *tui = new_tui();
	struct tui_popup *a, *b;

	(void)state;
	assert_null(tui_stack_top(tui));
	assert_int_equal(tui_stack_key(tui, 'k'), TUI_UNHANDLED);
	a = tui_stack_push(tui, &full, NULL);
	b = tui_stack_push(tui, &box, NULL);
	assert_ptr_equal(tui_stack_top(tui), b);
	assert_ptr_equal(tui_stack_find(tui, "full"), a);
	assert_true(tui_stack_covered(tui));
	assert_int_equal(tui_stack_bottom(tui), 0);
	/* The key goes to the top only. */
	assert_int_equal(tui_stack_key(tui, 'k'), TUI_HANDLED | TUI_DRAW);
	assert_int_equal(keys_seen, 1);
	/* TUI_CLOSE takes it off (and is not passed on). */
	assert_int_equal(tui_stack_key(tui, 'x'), TUI_HANDLED);
	assert_int_equal(closed, 1);
	assert_ptr_equal(tui_stack_top(tui), a);
	/* A key the top leaves goes back to the screen. */
	assert_int_equal(tui_stack_key(tui, 'u'), TUI_UNHANDLED);
	/* Closing the full ones only leaves the boxes. */
	tui_stack_push(tui, &box, NULL);
	tui_stack_close_full(tui, false);
	assert_int_equal(tui->depth, 1);
	assert_false(tui_stack_covered(tui));
	assert_string_equal(tui_stack_top(tui)->ops->name, "box");
	free_tui(tui);
	assert_int_equal(closed, 3);
}

static int answered;
static int64_t answer_a, answer_b;

static int
answer_close(struct tui *tui, int key, const struct tui_ask *ask)
{
	(void)tui;
	answered = key;
	answer_a = ask->a;
	answer_b = ask->b;
	return TUI_HANDLED | TUI_RELOAD | TUI_CLOSE;
}

static int
answer_again(struct tui *tui, int key, const struct tui_ask *ask)
{
	(void)key;
	tui_status_ask(tui, "y", answer_close, ask->a + 1, 0, "and then?");
	return TUI_HANDLED;
}

static void
test_ask_answers_for_its_owner(void **state)
{
	struct tui *tui = new_tui();
	struct tui_popup *owner;

	(void)state;
	owner = tui_stack_push(tui, &box, NULL);
	tui_status_ask(tui, "yn", answer_close, 7, 8, "sure? %s", "y/n");
	assert_int_equal(tui->depth, 2);
	assert_string_equal(tui_stack_top(tui)->ops->name, "ask");
	assert_ptr_equal(((struct tui_ask *)tui_stack_top(tui)->data)->owner,
	    owner);
	/* Another key cancels the question; the owner stays. */
	assert_true(tui_stack_key(tui, 'q') & TUI_HANDLED);
	assert_string_equal(tui->message, "cancelled");
	assert_ptr_equal(tui_stack_top(tui), owner);
	assert_int_equal(closed, 0);
	/* An answer runs for the owner: its TUI_CLOSE closes both. */
	tui_status_ask(tui, "yn", answer_close, 7, 8, "sure?");
	assert_true(tui_stack_key(tui, 'n') & TUI_RELOAD);
	assert_int_equal(answered, 'n');
	assert_int_equal(answer_a, 7);
	assert_int_equal(answer_b, 8);
	assert_int_equal(tui->depth, 0);
	assert_int_equal(closed, 1);
	/* An answer that asks again: the new question's owner is the
	 * pop-up, not the question that is closing. */
	owner = tui_stack_push(tui, &box, NULL);
	tui_status_ask(tui, "y", answer_again, 1, 0, "first?");
	tui_stack_key(tui, 'y');
	assert_int_equal(tui->depth, 2);
	assert_ptr_equal(((struct tui_ask *)tui_stack_top(tui)->data)->owner,
	    owner);
	tui_stack_key(tui, 'y');
	assert_int_equal(answer_a, 2);
	assert_int_equal(tui->depth, 0);
	free(tui);
}

static void
nothing_to_free(void *data)
{
	(void)data;
}

static const struct tui_view_ops help_like = {
	TUI_VIEW_POPUP("view", TUI_POPUP_FULL, NULL, NULL), 0, NULL, NULL,
	TUI_ACT_HELP, NULL, NULL, nothing_to_free
};

static const struct tui_view_ops box_like = {
	TUI_VIEW_POPUP("view", 0, NULL, NULL), 76, NULL, NULL, TUI_ACT_HISTORY,
	NULL, NULL, nothing_to_free
};

static void
test_view_keys(void **state)
{
	struct tui *tui = new_tui();

	(void)state;
	/* A box: scrolling keys are its own, any other key too; q, Esc,
	 * Enter and its action close it. */
	tui_view_open(tui, &box_like, "Box", xcalloc(1, 1), 50);
	assert_int_equal(tui_stack_key(tui, 'j'), TUI_HANDLED | TUI_DRAW);
	assert_int_equal(tui_stack_key(tui, 'Z'), TUI_HANDLED | TUI_DRAW);
	assert_int_equal(tui->depth, 1);
	tui_stack_key(tui, TUI_KEY_ENTER);
	assert_int_equal(tui->depth, 0);
	tui_view_open(tui, &box_like, "Box", xcalloc(1, 1), 50);
	tui_stack_key(tui, 'h');
	assert_int_equal(tui->depth, 0);
	/* The help: what it does not use is the screen's; ? closes it. */
	tui_view_open(tui, &help_like, "Help", xcalloc(1, 1), 0);
	assert_int_equal(tui_stack_key(tui, 'G'), TUI_HANDLED | TUI_DRAW);
	assert_int_equal(tui_stack_key(tui, 'w'), TUI_UNHANDLED);
	assert_int_equal(tui->depth, 1);
	tui_stack_key(tui, '?');
	assert_int_equal(tui->depth, 0);
	free(tui);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_push_key_close),
		cmocka_unit_test(test_ask_answers_for_its_owner),
		cmocka_unit_test(test_view_keys),
	};

	setlocale(LC_CTYPE, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
