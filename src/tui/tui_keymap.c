/* SPDX-License-Identifier: ISC */
/*
 * Keys map to actions, never to functions. One table (calcurse's keydef[]
 * in keys.c) names each action, its default keys, where it acts and a
 * line of help; the defaults pass through the same "bind" parser a user's
 * configuration would, and the help overlay is generated from the table.
 */
#include <stdio.h>
#include <string.h>

#include "rooster/util.h"
#include "tui_int.h"

static const struct tui_keydef tui_keymap_defaults[] = {
	{ TUI_ACT_NEXT_PANE, "next-pane", "Tab", N_("everywhere"),
	  N_("next pane") },
	{ TUI_ACT_PREV_PANE, "previous-pane", "BTab", N_("everywhere"),
	  N_("previous pane") },
	{ TUI_ACT_PANE_1, "pane-events", "1", N_("everywhere"),
	  N_("events pane") },
	{ TUI_ACT_PANE_2, "pane-shifts", "2", N_("everywhere"),
	  N_("shifts pane (with assignments)") },
	{ TUI_ACT_PANE_3, "pane-volunteers", "3", N_("everywhere"),
	  N_("volunteers pane") },
	{ TUI_ACT_DOWN, "down", "j Down", N_("lists"), N_("move down") },
	{ TUI_ACT_UP, "up", "k Up", N_("lists"), N_("move up") },
	{ TUI_ACT_PAGE_DOWN, "page-down", "PgDn C-f", N_("lists"),
	  N_("page down (week view: next week)") },
	{ TUI_ACT_PAGE_UP, "page-up", "PgUp C-b", N_("lists"),
	  N_("page up (week view: previous week)") },
	{ TUI_ACT_FIRST, "first", "g Home", N_("lists"),
	  N_("first row (week view: this week)") },
	{ TUI_ACT_LAST, "last", "G End", N_("lists"), N_("last row") },
	{ TUI_ACT_OPEN, "open", "Enter", N_("lists"),
	  N_("open: event's shifts, edit shift, volunteer's shifts") },
	{ TUI_ACT_ADD, "add", "a", N_("panes"),
	  N_("add an event, shift or volunteer") },
	{ TUI_ACT_EDIT, "edit", "e", N_("panes"),
	    N_("edit the selected item") },
	{ TUI_ACT_DELETE, "delete", "d", N_("panes"),
	  N_("delete the selected item (asks y/n)") },
	/* These act in the shifts pane and on the week view's shift. */
	{ TUI_ACT_ASSIGN, "assign", "s", N_("shift/week"),
	  N_("assign a volunteer to the selected shift (picker)") },
	{ TUI_ACT_UNASSIGN, "unassign", "x", N_("shift/week"),
	  N_("remove the selected assignment") },
	{ TUI_ACT_RESPOND, "respond", "r", N_("shift/week"),
	  N_("record a response: accepted, declined, tentative") },
	{ TUI_ACT_NOTE, "note", "n", N_("shift/week"),
	  N_("note on the selected assignment (for the volunteer)") },
	{ TUI_ACT_CANCEL_EVENT, "cancel-event", "c", N_("events"),
	  N_("cancel the selected event (asks y/n)") },
	{ TUI_ACT_COPY_EVENT, "copy-event", "C", N_("events"),
	  N_("copy the selected event (with its shifts) to a new date") },
	{ TUI_ACT_FILTER, "filter", "/", N_("panes"),
	  N_("filter the focused pane; Esc clears") },
	{ TUI_ACT_GAPS, "gaps", "!", N_("events"),
	  N_("show only events with gaps (toggle)") },
	{ TUI_ACT_WEEK, "week", "w", N_("everywhere"),
	    N_("week view (toggle)") },
	{ TUI_ACT_WEEK_TODAY, "week-today", "t", N_("week view"),
	  N_("this week") },
	{ TUI_ACT_WEEK_GOTO, "week-goto", ":", N_("week view"),
	  N_("go to a date") },
	{ TUI_ACT_INVITE, "invite", "i", N_("events"),
	  N_("write invites for the selected event") },
	{ TUI_ACT_OFFER, "offer", "o", N_("shifts"),
	  N_("offer the selected shift by invite, first come first served") },
	{ TUI_ACT_UNDO, "undo", "u", N_("everywhere"),
	    N_("undo your last change") },
	{ TUI_ACT_HISTORY, "history", "h", N_("panes"),
	  N_("history of the selected item (the change log)") },
	{ TUI_ACT_REDRAW, "redraw", "C-l", N_("everywhere"),
	  N_("redraw the whole screen") },
	{ TUI_ACT_HELP, "help", "? F1", N_("everywhere"),
	  N_("this help; Esc or q closes it") },
	{ TUI_ACT_ESCAPE, "escape", "Esc", N_("everywhere"),
	  N_("leave a form, picker or view; clear a filter") },
	{ TUI_ACT_QUIT, "quit", "q", N_("everywhere"), N_("quit") },
};

#define TUI_KEYMAP_DEFAULTS \
	(sizeof tui_keymap_defaults / sizeof tui_keymap_defaults[0])

static const struct {
	const char	*name;
	int		 key;
} tui_keymap_names[] = {
	{ "Tab", TUI_KEY_TAB },
	{ "BTab", TUI_KEY_BTAB },
	{ "Enter", TUI_KEY_ENTER },
	{ "Esc", TUI_KEY_ESC },
	{ "Space", ' ' },
	{ "Up", TUI_KEY_UP },
	{ "Down", TUI_KEY_DOWN },
	{ "Left", TUI_KEY_LEFT },
	{ "Right", TUI_KEY_RIGHT },
	{ "PgUp", TUI_KEY_PGUP },
	{ "PgDn", TUI_KEY_PGDN },
	{ "Home", TUI_KEY_HOME },
	{ "End", TUI_KEY_END },
	{ "BSpace", TUI_KEY_BACKSPACE },
	{ "Delete", TUI_KEY_DELETE },
	{ "F1", TUI_KEY_F1 },
};

#define TUI_KEYMAP_NAMES \
	(sizeof tui_keymap_names / sizeof tui_keymap_names[0])

const struct tui_keydef *
tui_keymap_table(size_t *count)
{
	*count = TUI_KEYMAP_DEFAULTS;
	return tui_keymap_defaults;
}

int
tui_keymap_key_parse(const char *name)
{
	size_t i, len;
	unsigned char c;

	if (name == NULL || *name == '\0')
		return TUI_KEY_NONE;
	for (i = 0; i < TUI_KEYMAP_NAMES; i++) {
		if (strcmp(name, tui_keymap_names[i].name) == 0)
			return tui_keymap_names[i].key;
	}
	len = strlen(name);
	if (len == 3 && name[0] == 'C' && name[1] == '-') {
		c = (unsigned char)name[2];
		if (c >= 'a' && c <= 'z')
			return c - 'a' + 1;
		if (c >= 'A' && c <= 'Z')
			return c - 'A' + 1;
		return TUI_KEY_NONE;
	}
	c = (unsigned char)name[0];
	if (len == 1 && c > 0x20 && c < 0x7f)
		return c;
	return TUI_KEY_NONE;
}

void
tui_keymap_key_name(int key, char *buf, size_t size)
{
	size_t i;

	for (i = 0; i < TUI_KEYMAP_NAMES; i++) {
		if (tui_keymap_names[i].key == key) {
			snprintf(buf, size, "%s", tui_keymap_names[i].name);
			return;
		}
	}
	if (key > TUI_KEY_F0 && key < TUI_KEY_UNKNOWN)
		snprintf(buf, size, "F%d", key - TUI_KEY_F0);
	else if (key >= 1 && key <= 26)
		snprintf(buf, size, "C-%c", 'a' + key - 1);
	else if (key > 0x20 && key < 0x7f)
		snprintf(buf, size, "%c", key);
	else
		snprintf(buf, size, "?");
}

enum tui_action
tui_keymap_action_parse(const char *name)
{
	size_t i;

	for (i = 0; i < TUI_KEYMAP_DEFAULTS; i++) {
		if (strcmp(name, tui_keymap_defaults[i].name) == 0)
			return tui_keymap_defaults[i].action;
	}
	return TUI_ACT_NONE;
}

/* Bind key to action, replacing an earlier binding of the same key. */
static int
tui_keymap_bind(struct tui_keymap *km, int key, enum tui_action action,
    struct err *err)
{
	size_t i;

	for (i = 0; i < km->len; i++) {
		if (km->bindings[i].key == key) {
			km->bindings[i].action = action;
			return 0;
		}
	}
	if (km->len == TUI_KEYMAP_MAX)
		return err_set(err, ERR_INVALID, _("too many key bindings"));
	km->bindings[km->len].key = key;
	km->bindings[km->len].action = action;
	km->len++;
	return 0;
}

int
tui_keymap_parse(struct tui_keymap *km, const char *line, struct err *err)
{
	char word[3][64];
	int n, key;
	enum tui_action action;

	n = sscanf(line, "%63s %63s %63s", word[0], word[1], word[2]);
	if (n != 3 || strcmp(word[0], "bind") != 0)
		return err_set(err, ERR_INVALID, _("'%s': expected 'bind KEY "
		    "ACTION'"), line);
	if ((key = tui_keymap_key_parse(word[1])) == TUI_KEY_NONE)
		return err_set(err, ERR_INVALID, _("'%s': unknown key '%s'"),
		    line, word[1]);
	if ((action = tui_keymap_action_parse(word[2])) == TUI_ACT_NONE)
		return err_set(err, ERR_INVALID, _("'%s': unknown action '%s'"),
		    line, word[2]);
	return tui_keymap_bind(km, key, action, err);
}

void
tui_keymap_init(struct tui_keymap *km)
{
	char line[128], keys[64], *key, *save;
	size_t i;

	km->len = 0;
	for (i = 0; i < TUI_KEYMAP_DEFAULTS; i++) {
		snprintf(keys, sizeof keys, "%s", tui_keymap_defaults[i].keys);
		for (key = strtok_r(keys, " ", &save); key != NULL;
		    key = strtok_r(NULL, " ", &save)) {
			snprintf(line, sizeof line, "bind %s %s", key,
			    tui_keymap_defaults[i].name);
			/* The table is ours: a failure here is a bug. */
			if (tui_keymap_parse(km, line, NULL) < 0)
				log_debug("bad default binding %s", line);
		}
	}
}

enum tui_action
tui_keymap_action(const struct tui_keymap *km, int key)
{
	size_t i;

	for (i = 0; i < km->len; i++) {
		if (km->bindings[i].key == key)
			return km->bindings[i].action;
	}
	return TUI_ACT_NONE;
}

void
tui_keymap_keys_of(const struct tui_keymap *km, enum tui_action action,
    char *buf, size_t size)
{
	char name[16];
	size_t i, used = 0;
	int n;

	if (size == 0)
		return;
	buf[0] = '\0';
	for (i = 0; i < km->len; i++) {
		if (km->bindings[i].action != action)
			continue;
		tui_keymap_key_name(km->bindings[i].key, name, sizeof name);
		n = snprintf(buf + used, size - used, "%s%s",
		    used > 0 ? " " : "", name);
		if (n < 0 || (size_t)n >= size - used)
			break;
		used += (size_t)n;
	}
}

/* True if action would change the plan (Enter in pane 2 opens a form). */
bool
tui_keymap_changes(enum tui_action action, enum tui_pane_id focus)
{
	switch (action) {
	case TUI_ACT_ADD:
	case TUI_ACT_EDIT:
	case TUI_ACT_DELETE:
	case TUI_ACT_ASSIGN:
	case TUI_ACT_UNASSIGN:
	case TUI_ACT_RESPOND:
	case TUI_ACT_NOTE:
	case TUI_ACT_CANCEL_EVENT:
	case TUI_ACT_COPY_EVENT:
	case TUI_ACT_INVITE:
	case TUI_ACT_OFFER:
	case TUI_ACT_UNDO:
		return true;
	case TUI_ACT_OPEN:
		return focus == TUI_PANE_SHIFTS;
	default:
		return false;
	}
}
