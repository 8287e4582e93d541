/* SPDX-License-Identifier: ISC */
/*
 * The stack of pop-ups over the panes (tmux keeps a pane's modes the same
 * way, window_pane_set_mode() in window.c). A pop-up is closed by marking
 * it; the loop sweeps the marked ones after each key, so a pop-up can
 * close the one that asked a question, or replace itself, without
 * pulling the stack from under the handler that is running.
 */
#include <stdlib.h>
#include <string.h>

#include "tui_curses.h"

struct tui_popup *
tui_stack_push(struct tui *tui, const struct tui_popup_ops *ops, void *data)
{
	struct tui_popup *pp = xcalloc(1, sizeof *pp);

	pp->ops = ops;
	pp->data = data;
	if (tui->depth == TUI_STACK_MAX) {
		if (ops->close != NULL)
			ops->close(pp);
		free(pp);
		return NULL;
	}
	tui->stack[tui->depth++] = pp;
	return pp;
}

struct tui_popup *
tui_stack_top(struct tui *tui)
{
	return tui->depth > 0 ? tui->stack[tui->depth - 1] : NULL;
}

struct tui_popup *
tui_stack_find(struct tui *tui, const char *name)
{
	size_t i;

	for (i = tui->depth; i > 0; i--)
		if (!tui->stack[i - 1]->closing &&
		    strcmp(tui->stack[i - 1]->ops->name, name) == 0)
			return tui->stack[i - 1];
	return NULL;
}

int
tui_stack_key(struct tui *tui, int key)
{
	struct tui_popup *top = tui_stack_top(tui);
	int flags;

	if (top == NULL)
		return TUI_UNHANDLED;
	flags = top->ops->key(tui, top, key);
	if (flags & TUI_CLOSE)
		top->closing = true;
	tui_stack_sweep(tui);
	return flags & ~TUI_CLOSE;
}

void
tui_stack_sweep(struct tui *tui)
{
	struct tui_popup *pp;
	size_t i, kept = 0;

	for (i = 0; i < tui->depth; i++) {
		pp = tui->stack[i];
		if (!pp->closing) {
			tui->stack[kept++] = pp;
			continue;
		}
		if (pp->ops->close != NULL)
			pp->ops->close(pp);
		free(pp);
	}
	tui->depth = kept;
}

void
tui_stack_close_full(struct tui *tui, bool all)
{
	size_t i;

	for (i = 0; i < tui->depth; i++)
		if (all || (tui->stack[i]->ops->flags & TUI_POPUP_FULL))
			tui->stack[i]->closing = true;
	tui_stack_sweep(tui);
}

size_t
tui_stack_bottom(const struct tui *tui)
{
	size_t i;

	for (i = tui->depth; i > 0; i--)
		if (tui->stack[i - 1]->ops->flags & TUI_POPUP_FULL)
			return i - 1;
	return 0;
}

bool
tui_stack_covered(const struct tui *tui)
{
	size_t i;

	for (i = 0; i < tui->depth; i++)
		if (tui->stack[i]->ops->flags & TUI_POPUP_FULL)
			return true;
	return false;
}
