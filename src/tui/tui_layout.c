/* SPDX-License-Identifier: ISC */
/*
 * Where everything goes for a terminal size: a pure function from lines,
 * columns and the focused pane to rectangles, so that every size from
 * 20x6 to 300x100 is unit-tested without a terminal. 120 columns and more
 * show the three panes side by side, 80 show two, 40x12 one at a time.
 */
#include <string.h>

#include "tui_int.h"

static void
tui_layout_rect(struct tui_rect *r, int y, int x, int h, int w)
{
	r->y = y;
	r->x = x;
	r->h = h;
	r->w = w;
}

void
tui_layout_compute(int lines, int cols, enum tui_pane_id focus,
    struct tui_layout *out)
{
	int i, h, w0, w1, right;

	memset(out, 0, sizeof *out);
	for (i = 0; i < TUI_PANES; i++)
		out->separator[i] = -1;
	if (lines < TUI_MIN_LINES || cols < TUI_MIN_COLS) {
		out->mode = TUI_LAYOUT_TOO_SMALL;
		tui_layout_rect(&out->status, 0, 0, lines > 0 ? 1 : 0,
		    cols > 0 ? cols : 0);
		return;
	}
	tui_layout_rect(&out->title, 0, 0, 1, cols);
	tui_layout_rect(&out->status, lines - 1, 0, 1, cols);
	h = lines - 2;
	tui_layout_rect(&out->body, 1, 0, h, cols);
	if (cols >= 120 && lines >= 16) {
		out->mode = TUI_LAYOUT_THREE;
		w0 = (cols - 2) * 40 / 100;
		w1 = (cols - 2) * 30 / 100;
		tui_layout_rect(&out->pane[0], 1, 0, h, w0);
		out->separator[0] = w0;
		tui_layout_rect(&out->pane[1], 1, w0 + 1, h, w1);
		out->separator[1] = w0 + 1 + w1;
		tui_layout_rect(&out->pane[2], 1, w0 + w1 + 2, h,
		    cols - w0 - w1 - 2);
		out->shown[0] = out->shown[1] = out->shown[2] = true;
	} else if (cols >= 80 && lines >= 16) {
		out->mode = TUI_LAYOUT_TWO;
		w0 = (cols - 1) * 52 / 100;
		right = focus == TUI_PANE_VOLUNTEERS ? 2 : 1;
		tui_layout_rect(&out->pane[0], 1, 0, h, w0);
		out->separator[0] = w0;
		tui_layout_rect(&out->pane[right], 1, w0 + 1, h,
		    cols - w0 - 1);
		out->shown[0] = out->shown[right] = true;
	} else {
		out->mode = TUI_LAYOUT_ONE;
		tui_layout_rect(&out->pane[focus], 1, 0, h, cols);
		out->shown[focus] = true;
	}
}

bool
tui_layout_box(int lines, int cols, int want_h, int want_w,
    struct tui_rect *out)
{
	int h = want_h, w = want_w;

	if (w > cols)
		w = cols;
	if (h > lines - 2)
		h = lines - 2;
	if (h < want_h || w < 20 || h < 3) {
		memset(out, 0, sizeof *out);
		return false;
	}
	tui_layout_rect(out, 1 + (lines - 2 - h) / 2, (cols - w) / 2, h, w);
	return true;
}
