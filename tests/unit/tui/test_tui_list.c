/* SPDX-License-Identifier: ISC */
/*
 * tui_list.c: selection that skips headings, windowing, restoring the
 * selection by id after a reload, and the filter match.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "../src/tui/tui_int.h"

enum { HEAD, ITEM, SUB };

/* Headings at 0 and 3, items at 1 2 4 5 6 (ids 10 20 40 50 60). */
static void
fill(struct tui_list *l)
{
	tui_list_init(l);
	tui_list_push(l, HEAD, false, 1, 0, 0);
	tui_list_push(l, ITEM, true, 10, 0, 0);
	tui_list_push(l, ITEM, true, 20, 0, 1);
	tui_list_push(l, HEAD, false, 2, 0, 0);
	tui_list_push(l, ITEM, true, 40, 0, 2);
	tui_list_push(l, SUB, true, 7, 40, 3);
	tui_list_push(l, ITEM, true, 60, 0, 4);
}

/* const struct tui_list_row *tui_list_current(const struct tui_list *l) */
static void
test_empty(void **state)
{
	struct tui_list l;

	(void)state;
	tui_list_init(&l);
	assert_null(tui_list_current(&l));
	assert_false(tui_list_move(&l, 1));
	assert_false(tui_list_first(&l));
	assert_false(tui_list_last(&l));
	assert_false(tui_list_page(&l, 1, 10));
	tui_list_restore(&l, NULL);
	tui_list_scroll(&l, 5);
	assert_int_equal(l.top, 0);
	tui_list_fini(&l);
}

static void
test_only_headings(void **state)
{
	struct tui_list l;

	(void)state;
	tui_list_init(&l);
	tui_list_push(&l, HEAD, false, 1, 0, 0);
	tui_list_restore(&l, NULL);
	assert_null(tui_list_current(&l));
	assert_false(tui_list_move(&l, 1));
	tui_list_fini(&l);
}

/* bool tui_list_move(struct tui_list *l, int delta) */
static void
test_move_skips_headings(void **state)
{
	struct tui_list l;

	(void)state;
	fill(&l);
	tui_list_restore(&l, NULL);	/* settles on row 1 */
	assert_int_equal(tui_list_current(&l)->id, 10);
	assert_true(tui_list_move(&l, 1));
	assert_int_equal(tui_list_current(&l)->id, 20);
	assert_true(tui_list_move(&l, 1));
	assert_int_equal(tui_list_current(&l)->id, 40);
	assert_true(tui_list_move(&l, -1));
	assert_int_equal(tui_list_current(&l)->id, 20);
	assert_true(tui_list_move(&l, 100));
	assert_int_equal(tui_list_current(&l)->id, 60);
	assert_false(tui_list_move(&l, 1));
	assert_true(tui_list_move(&l, -100));
	assert_int_equal(tui_list_current(&l)->id, 10);
	assert_false(tui_list_move(&l, -1));
	tui_list_fini(&l);
}

/* tui_list_first / tui_list_last */
static void
test_first_last(void **state)
{
	struct tui_list l;

	(void)state;
	fill(&l);
	assert_true(tui_list_last(&l));
	assert_int_equal(l.selected, 6);
	assert_true(tui_list_first(&l));
	assert_int_equal(l.selected, 1);
	tui_list_fini(&l);
}

/* bool tui_list_page(struct tui_list *l, int dir, size_t height) */
static void
test_page(void **state)
{
	struct tui_list l;
	size_t i;

	(void)state;
	tui_list_init(&l);
	for (i = 0; i < 100; i++)
		tui_list_push(&l, ITEM, true, (int64_t)i + 1, 0, i);
	assert_true(tui_list_page(&l, 1, 10));
	assert_int_equal(l.selected, 9);
	assert_true(tui_list_page(&l, 1, 10));
	assert_int_equal(l.selected, 18);
	assert_true(tui_list_page(&l, -1, 10));
	assert_int_equal(l.selected, 9);
	assert_true(tui_list_page(&l, -1, 10));
	assert_int_equal(l.selected, 0);
	tui_list_last(&l);
	assert_false(tui_list_page(&l, 1, 10));
	assert_int_equal(l.selected, 99);
	tui_list_fini(&l);
}

/* void tui_list_scroll(struct tui_list *l, size_t height) */
static void
test_scroll_window(void **state)
{
	struct tui_list l;
	size_t i;

	(void)state;
	tui_list_init(&l);
	for (i = 0; i < 50; i++)
		tui_list_push(&l, ITEM, true, (int64_t)i + 1, 0, i);
	tui_list_scroll(&l, 10);
	assert_int_equal(l.top, 0);
	tui_list_move(&l, 9);
	tui_list_scroll(&l, 10);
	assert_int_equal(l.top, 0);
	tui_list_move(&l, 1);
	tui_list_scroll(&l, 10);
	assert_int_equal(l.top, 1);
	tui_list_last(&l);
	tui_list_scroll(&l, 10);
	assert_int_equal(l.top, 40);
	tui_list_first(&l);
	tui_list_scroll(&l, 10);
	assert_int_equal(l.top, 0);
	/* A list shorter than the window never scrolls. */
	tui_list_scroll(&l, 100);
	assert_int_equal(l.top, 0);
	/* Shrinking the window keeps the selection visible. */
	tui_list_last(&l);
	tui_list_scroll(&l, 3);
	assert_true(l.selected >= l.top && l.selected < l.top + 3);
	tui_list_scroll(&l, 1);
	assert_int_equal(l.top, 49);
	tui_list_fini(&l);
}

static void
test_scroll_keeps_heading(void **state)
{
	struct tui_list l;

	(void)state;
	fill(&l);
	tui_list_select(&l, ITEM, 40, 0);	/* row 4, heading at 3 */
	tui_list_scroll(&l, 2);
	assert_int_equal(l.top, 3);
	tui_list_fini(&l);
}

/* void tui_list_restore(struct tui_list *l, const struct tui_list_row *) */
static void
test_restore_by_id(void **state)
{
	struct tui_list l;
	struct tui_list_row saved;

	(void)state;
	fill(&l);
	assert_true(tui_list_select(&l, ITEM, 40, 0));
	saved = *tui_list_current(&l);
	/* Reload with a new item before it: the selection follows 40. */
	tui_list_clear(&l);
	tui_list_push(&l, ITEM, true, 5, 0, 0);
	tui_list_push(&l, ITEM, true, 10, 0, 1);
	tui_list_push(&l, ITEM, true, 20, 0, 2);
	tui_list_push(&l, ITEM, true, 30, 0, 3);
	tui_list_push(&l, ITEM, true, 40, 0, 4);
	tui_list_restore(&l, &saved);
	assert_int_equal(tui_list_current(&l)->id, 40);
	assert_int_equal(l.selected, 4);
	tui_list_fini(&l);
}

static void
test_restore_gone(void **state)
{
	struct tui_list l;
	struct tui_list_row saved;

	(void)state;
	fill(&l);
	/* The assignment 7 under 40 disappears: select its shift 40. */
	assert_true(tui_list_select(&l, SUB, 7, 40));
	saved = *tui_list_current(&l);
	tui_list_clear(&l);
	tui_list_push(&l, ITEM, true, 10, 0, 0);
	tui_list_push(&l, ITEM, true, 40, 0, 1);
	tui_list_push(&l, ITEM, true, 60, 0, 2);
	tui_list_restore(&l, &saved);
	assert_int_equal(tui_list_current(&l)->id, 40);
	/* An item gone entirely: the index is clamped. */
	saved.kind = ITEM;
	saved.id = 99;
	saved.parent = 0;
	l.selected = 5;
	tui_list_restore(&l, &saved);
	assert_int_equal(l.selected, 2);
	tui_list_fini(&l);
}

/* bool tui_list_filter_match(const struct tui_list *l, const char *s) */
static void
test_filter(void **state)
{
	struct tui_list l;

	(void)state;
	tui_list_init(&l);
	assert_true(tui_list_filter_match(&l, "anything"));
	assert_true(tui_list_filter_match(&l, NULL));
	tui_list_filter_set(&l, "TAAL");
	assert_true(tui_list_filter_match(&l, "Taalcafé"));
	assert_true(tui_list_filter_match(&l, "het taal"));
	assert_false(tui_list_filter_match(&l, "Voetbal"));
	assert_false(tui_list_filter_match(&l, NULL));
	assert_false(tui_list_filter_match(&l, "taa"));
	tui_list_filter_set(&l, NULL);
	assert_string_equal(l.filter, "");
	tui_list_fini(&l);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_only_headings),
		cmocka_unit_test(test_move_skips_headings),
		cmocka_unit_test(test_first_last),
		cmocka_unit_test(test_page),
		cmocka_unit_test(test_scroll_window),
		cmocka_unit_test(test_scroll_keeps_heading),
		cmocka_unit_test(test_restore_by_id),
		cmocka_unit_test(test_restore_gone),
		cmocka_unit_test(test_filter),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
