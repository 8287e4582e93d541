/* SPDX-License-Identifier: ISC */
/*
 * tui_layout.c: which panes show at which size, and that every rectangle
 * lies inside the terminal without overlapping, for all sizes up to 300x100.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "../src/tui/tui_int.h"

static void
assert_inside(const struct tui_rect *r, int lines, int cols)
{
	assert_true(r->y >= 0 && r->x >= 0 && r->h >= 0 && r->w >= 0);
	assert_true(r->y + r->h <= lines);
	assert_true(r->x + r->w <= cols);
}

static bool
overlap(const struct tui_rect *a, const struct tui_rect *b)
{
	return a->x < b->x + b->w && b->x < a->x + a->w &&
	    a->y < b->y + b->h && b->y < a->y + a->h;
}

/* void tui_layout_compute(int lines, int cols, enum tui_pane_id focus, ...) */
static void
test_too_small(void **state)
{
	struct tui_layout lay;

	(void)state;
	tui_layout_compute(6, 20, TUI_PANE_EVENTS, &lay);
	assert_int_equal(lay.mode, TUI_LAYOUT_TOO_SMALL);
	assert_false(lay.shown[0] || lay.shown[1] || lay.shown[2]);
	tui_layout_compute(11, 200, TUI_PANE_EVENTS, &lay);
	assert_int_equal(lay.mode, TUI_LAYOUT_TOO_SMALL);
	tui_layout_compute(50, 39, TUI_PANE_EVENTS, &lay);
	assert_int_equal(lay.mode, TUI_LAYOUT_TOO_SMALL);
	tui_layout_compute(0, 0, TUI_PANE_EVENTS, &lay);
	assert_int_equal(lay.mode, TUI_LAYOUT_TOO_SMALL);
	tui_layout_compute(-1, -5, TUI_PANE_EVENTS, &lay);
	assert_int_equal(lay.mode, TUI_LAYOUT_TOO_SMALL);
}

static void
test_40x12_one_pane(void **state)
{
	struct tui_layout lay;
	int f;

	(void)state;
	for (f = 0; f < TUI_PANES; f++) {
		tui_layout_compute(12, 40, (enum tui_pane_id)f, &lay);
		assert_int_equal(lay.mode, TUI_LAYOUT_ONE);
		assert_true(lay.shown[f]);
		assert_false(lay.shown[(f + 1) % 3] || lay.shown[(f + 2) % 3]);
		assert_int_equal(lay.pane[f].w, 40);
		assert_int_equal(lay.pane[f].h, 10);
		assert_int_equal(lay.status.y, 11);
	}
}

static void
test_80x24_two_panes(void **state)
{
	struct tui_layout lay;

	(void)state;
	tui_layout_compute(24, 80, TUI_PANE_EVENTS, &lay);
	assert_int_equal(lay.mode, TUI_LAYOUT_TWO);
	assert_true(lay.shown[TUI_PANE_EVENTS] && lay.shown[TUI_PANE_SHIFTS]);
	assert_false(lay.shown[TUI_PANE_VOLUNTEERS]);
	assert_true(lay.pane[0].w >= 38 && lay.pane[1].w >= 36);
	/* Volunteers are reachable: focused, they take the right side. */
	tui_layout_compute(24, 80, TUI_PANE_VOLUNTEERS, &lay);
	assert_true(lay.shown[TUI_PANE_EVENTS]);
	assert_true(lay.shown[TUI_PANE_VOLUNTEERS]);
	assert_false(lay.shown[TUI_PANE_SHIFTS]);
}

static void
test_120_three_panes(void **state)
{
	struct tui_layout lay;

	(void)state;
	tui_layout_compute(40, 120, TUI_PANE_SHIFTS, &lay);
	assert_int_equal(lay.mode, TUI_LAYOUT_THREE);
	assert_true(lay.shown[0] && lay.shown[1] && lay.shown[2]);
	assert_int_equal(lay.pane[0].w + lay.pane[1].w + lay.pane[2].w + 2,
	    120);
	tui_layout_compute(40, 119, TUI_PANE_SHIFTS, &lay);
	assert_int_equal(lay.mode, TUI_LAYOUT_TWO);
}

static void
test_every_size(void **state)
{
	struct tui_layout lay;
	int lines, cols, f, i, j;

	(void)state;
	for (lines = 0; lines <= 100; lines++)
	for (cols = 0; cols <= 300; cols += lines % 7 + 1)
	for (f = 0; f < TUI_PANES; f++) {
		tui_layout_compute(lines, cols, (enum tui_pane_id)f, &lay);
		if (lay.mode == TUI_LAYOUT_TOO_SMALL)
			continue;
		assert_true(lay.shown[f]);
		assert_inside(&lay.title, lines, cols);
		assert_inside(&lay.status, lines, cols);
		for (i = 0; i < TUI_PANES; i++) {
			if (!lay.shown[i])
				continue;
			assert_inside(&lay.pane[i], lines, cols);
			assert_true(lay.pane[i].w >= 20);
			assert_true(lay.pane[i].h >= 2);
			assert_false(overlap(&lay.pane[i], &lay.title));
			assert_false(overlap(&lay.pane[i], &lay.status));
			for (j = i + 1; j < TUI_PANES; j++)
				if (lay.shown[j])
					assert_false(overlap(&lay.pane[i],
					    &lay.pane[j]));
		}
	}
}

/* bool tui_layout_box(int lines, int cols, int want_h, int want_w, ...) */
static void
test_box(void **state)
{
	struct tui_rect r;

	(void)state;
	assert_true(tui_layout_box(24, 80, 10, 72, &r));
	assert_int_equal(r.w, 72);
	assert_int_equal(r.h, 10);
	assert_inside(&r, 24, 80);
	assert_true(tui_layout_box(12, 40, 10, 72, &r));
	assert_int_equal(r.w, 40);
	assert_inside(&r, 12, 40);
	/* A form of 9 fields cannot shrink into 12 lines. */
	assert_false(tui_layout_box(12, 40, 13, 72, &r));
	assert_false(tui_layout_box(6, 20, 5, 72, &r));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_too_small),
		cmocka_unit_test(test_40x12_one_pane),
		cmocka_unit_test(test_80x24_two_panes),
		cmocka_unit_test(test_120_three_panes),
		cmocka_unit_test(test_every_size),
		cmocka_unit_test(test_box),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
