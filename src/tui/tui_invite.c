/* SPDX-License-Identifier: ISC */
/*
 * `i` on the screen: after a y/n question, send the selected event's
 * invitations (iTIP REQUEST and CANCEL as iMIP mails, ops_invite) and say
 * on the status line what went out; statuses then reload like any change.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rooster/ops.h"
#include "tui_curses.h"
#include "tui_pane.h"

static int
tui_invite_answer(struct tui *tui, int key,
    const struct tui_ask *ask)
{
	struct ops_invite_results res = { 0 };
	const char *first_failure = NULL;
	size_t i, sent = 0, skipped = 0;
	struct err err;
	char *detail;

	(void)key;
	err_clear(&err);
	if (ops_invite(tui->st, tui->cfg, ask->a, OPS_INVITE_SEND, NULL,
	    &res, &err) < 0) {
		tui_status_error(tui, "%s", err.msg);
		ops_invite_results_free(&res);
		return TUI_HANDLED | TUI_DRAW;
	}
	for (i = 0; i < res.len; i++) {
		if (strcmp(res.items[i].outcome, "sent") == 0)
			sent++;
		else if (strcmp(res.items[i].outcome, "skipped") == 0)
			skipped++;
		else if (first_failure == NULL)
			first_failure = res.items[i].detail;
	}
	if (res.len == 0)
		tui_status_message(tui, _("invitations: nothing new to send"));
	else if (res.failed > 0) {
		detail = text_sanitize(first_failure);
		tui_status_error(tui, _("invitations: %zu sent, %zu skipped, "
		    "%zu failed (%s); i again retries"), sent, skipped,
		    res.failed, detail);
		free(detail);
	} else
		tui_status_message(tui, _("invitations: %zu sent%s"), sent,
		    skipped > 0 ? _(", some skipped (no e-mail address)") : "");
	ops_invite_results_free(&res);
	/* The mail command shares the terminal: repaint everything. */
	clearok(curscr, TRUE);
	return TUI_HANDLED | TUI_RELOAD;
}

int
tui_invite_ask(struct tui *tui)
{
	int64_t id = tui_pane_events_selected(tui);

	if (id == 0) {
		tui_status_message(tui, _("select an event first, then i"));
		return TUI_HANDLED | TUI_DRAW;
	}
	if (tui->cfg == NULL || tui->cfg->email == NULL) {
		tui_status_error(tui, _("invitations need your e-mail address: "
		    "set 'email = ...' in ~/.config/rooster/config"));
		return TUI_HANDLED | TUI_DRAW;
	}
	tui_status_ask(tui, "y", tui_invite_answer, id, 0, _("send the "
	    "invitations, updates and cancellations of this event by mail? "
	    "y/n"));
	return TUI_HANDLED | TUI_DRAW;
}

static int
tui_invite_offer_answer(struct tui *tui, int key,
    const struct tui_ask *ask)
{
	struct ops_invite_results res = { 0 };
	size_t i, sent = 0;
	struct err err;

	(void)key;
	err_clear(&err);
	if (ops_offer(tui->st, tui->cfg, ask->a, NULL, 0, 0,
	    OPS_INVITE_SEND, NULL, &res, &err) < 0) {
		tui_status_error(tui, "%s", err.msg);
		ops_invite_results_free(&res);
		clearok(curscr, TRUE);
		return TUI_HANDLED | TUI_DRAW;
	}
	for (i = 0; i < res.len; i++)
		sent += strcmp(res.items[i].outcome, "sent") == 0;
	if (res.failed > 0)
		tui_status_error(tui, _("offer: %zu sent, %zu failed; o again "
		    "offers it to the next best"), sent, res.failed);
	else if (sent == 0)
		tui_status_message(tui, _("offer: nobody new fits without a "
		    "conflict"));
	else
		tui_status_message(tui, _("offer: sent to %zu; the first to "
		    "accept get the places"), sent);
	ops_invite_results_free(&res);
	/* The mail command shares the terminal: repaint everything. */
	clearok(curscr, TRUE);
	return TUI_HANDLED | TUI_RELOAD;
}

int
tui_invite_offer_ask(struct tui *tui, int64_t shift_id, const char *role)
{
	char *name;

	if (tui->cfg == NULL || tui->cfg->email == NULL) {
		tui_status_error(tui, _("offers need your e-mail address: "
		    "set 'email = ...' in ~/.config/rooster/config"));
		return TUI_HANDLED | TUI_DRAW;
	}
	name = text_sanitize(role);
	tui_status_ask(tui, "y", tui_invite_offer_answer, shift_id, 0,
	    _("offer '%s' by mail to the best who fit, first come first "
	    "served? y/n"), name);
	free(name);
	return TUI_HANDLED | TUI_DRAW;
}
