/* SPDX-License-Identifier: ISC */
/*
 * Internals of the screen shared by the files of src/tui/. Nothing here
 * names a curses type: keys are rooster's own codes, colours are semantic
 * names, so the list, layout and keymap logic compile and test without a
 * terminal. Only tui_curses.h brings curses in.
 */
#ifndef ROOSTER_TUI_INT_H
#define ROOSTER_TUI_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rooster/util.h"
#include "rooster/model.h"
#include "rooster/plan.h"
#include "rooster/store.h"

struct tui;
struct tui_pane;
struct tui_ask;

/*
 * Keys: a Unicode code point for characters (control keys as their C0
 * code, so Ctrl-L is 0x0c), and the codes below for named keys. tui_loop.c
 * translates curses' key codes into these.
 */
enum tui_key {
	TUI_KEY_NONE = -1,
	TUI_KEY_TAB = 0x09,
	TUI_KEY_ENTER = 0x0d,
	TUI_KEY_ESC = 0x1b,
	TUI_KEY_BASE = 0x110000,
	TUI_KEY_UP,
	TUI_KEY_DOWN,
	TUI_KEY_LEFT,
	TUI_KEY_RIGHT,
	TUI_KEY_PGUP,
	TUI_KEY_PGDN,
	TUI_KEY_HOME,
	TUI_KEY_END,
	TUI_KEY_BTAB,
	TUI_KEY_BACKSPACE,
	TUI_KEY_DELETE,
	TUI_KEY_F1,
	TUI_KEY_RESIZE,
	TUI_KEY_MOUSE,		/* a click, read with getmouse() */
	TUI_KEY_F0,		/* F2..F63 are TUI_KEY_F0 + n */
	TUI_KEY_UNKNOWN = TUI_KEY_F0 + 64	/* any other special key */
};

/* Everything a key can ask for. */
enum tui_action {
	TUI_ACT_NONE = 0,
	TUI_ACT_NEXT_PANE,
	TUI_ACT_PREV_PANE,
	TUI_ACT_PANE_1,
	TUI_ACT_PANE_2,
	TUI_ACT_PANE_3,
	TUI_ACT_DOWN,
	TUI_ACT_UP,
	TUI_ACT_PAGE_DOWN,
	TUI_ACT_PAGE_UP,
	TUI_ACT_FIRST,
	TUI_ACT_LAST,
	TUI_ACT_OPEN,
	TUI_ACT_ADD,
	TUI_ACT_EDIT,
	TUI_ACT_DELETE,
	TUI_ACT_ASSIGN,
	TUI_ACT_UNASSIGN,
	TUI_ACT_RESPOND,
	TUI_ACT_NOTE,
	TUI_ACT_WEEK_TODAY,
	TUI_ACT_WEEK_GOTO,
	TUI_ACT_CANCEL_EVENT,
	TUI_ACT_COPY_EVENT,
	TUI_ACT_FILTER,
	TUI_ACT_GAPS,
	TUI_ACT_WEEK,
	TUI_ACT_INVITE,
	TUI_ACT_OFFER,
	TUI_ACT_UNDO,
	TUI_ACT_HISTORY,
	TUI_ACT_REDRAW,
	TUI_ACT_HELP,
	TUI_ACT_ESCAPE,
	TUI_ACT_QUIT,
	TUI_ACT_COUNT
};

/* What a handler asks the loop to do next (bits). */
enum tui_flags {
	TUI_UNHANDLED = 0,
	TUI_HANDLED = 1 << 0,	/* the key was used */
	TUI_DRAW = 1 << 1,	/* repaint */
	TUI_RELOAD = 1 << 2,	/* data changed: every pane reloads */
	TUI_QUIT = 1 << 3,	/* leave the loop */
	TUI_CLOSE = 1 << 4	/* from a pop-up: take it off the stack */
};

#define TUI_PANES 3
enum tui_pane_id {
	TUI_PANE_EVENTS = 0,
	TUI_PANE_SHIFTS,
	TUI_PANE_VOLUNTEERS
};

/* tui_keymap.c: one table drives input and help. */

struct tui_keydef {
	enum tui_action	 action;
	const char	*name;		/* "next-pane", used by bind */
	const char	*keys;		/* default keys, names, by spaces */
	const char	*scope;		/* where it acts, for help */
	const char	*help;		/* one line */
};

#define TUI_KEYMAP_MAX 96

struct tui_binding {
	int		 key;
	enum tui_action	 action;
};

struct tui_keymap {
	struct tui_binding	 bindings[TUI_KEYMAP_MAX];
	size_t			 len;
};

/* The default table (borrowed, static); *count set to its length. */
const struct tui_keydef *tui_keymap_table(size_t *count);
/* Fill km with the defaults from the table. */
void tui_keymap_init(struct tui_keymap *km);
/*
 * Parse one line "bind KEY ACTION" (the same parser the defaults pass
 * through) and apply it to km. Returns 0, or -1 with ERR_INVALID.
 */
int tui_keymap_parse(struct tui_keymap *km, const char *line,
    struct err *err);
/* The action bound to key, or TUI_ACT_NONE. */
enum tui_action tui_keymap_action(const struct tui_keymap *km, int key);
/* Key name ("j", "C-l", "PgDn", "F1") to code; TUI_KEY_NONE if unknown. */
int tui_keymap_key_parse(const char *name);
/* Code to name into buf ("?" for nonsense). */
void tui_keymap_key_name(int key, char *buf, size_t size);
/* Action by name; TUI_ACT_NONE if unknown. */
enum tui_action tui_keymap_action_parse(const char *name);
/*
 * True if action, with the focus on the given pane, would change the plan
 * (refused on a read-only plan before anything opens).
 */
bool tui_keymap_changes(enum tui_action action, enum tui_pane_id focus);
/* The names of the keys bound to action, "j Down", into buf. */
void tui_keymap_keys_of(const struct tui_keymap *km, enum tui_action action,
    char *buf, size_t size);

/* tui_list.c: selection, scrolling and filter of one pane (no curses). */

struct tui_list_row {
	int	 kind;		/* the pane's row kind (header, item...) */
	bool	 selectable;	/* headers are not */
	int64_t	 id;		/* item id */
	int64_t	 parent;	/* owning item id, or 0 */
	size_t	 ref;		/* index into the pane's data */
};

struct tui_list {
	struct tui_list_row	*rows;
	size_t			 len;
	size_t			 cap;
	size_t			 selected;	/* row index (if len > 0) */
	size_t			 top;		/* first row shown */
	char			 filter[128];	/* UTF-8, "" for none */
};

void tui_list_init(struct tui_list *l);
void tui_list_fini(struct tui_list *l);
/* Drop the rows but keep the filter and the selection index. */
void tui_list_clear(struct tui_list *l);
void tui_list_push(struct tui_list *l, int kind, bool selectable, int64_t id,
    int64_t parent, size_t ref);
/* The selected row, or NULL if no row is selectable. */
const struct tui_list_row *tui_list_current(const struct tui_list *l);
/* Move by delta selectable rows (clamped). True if the selection moved. */
bool tui_list_move(struct tui_list *l, int delta);
bool tui_list_first(struct tui_list *l);
bool tui_list_last(struct tui_list *l);
/* Move a page (height rows) down (dir > 0) or up. */
bool tui_list_page(struct tui_list *l, int dir, size_t height);
/* Select the row with kind, id and parent. False (no change) if absent. */
bool tui_list_select(struct tui_list *l, int kind, int64_t id,
    int64_t parent);
/*
 * After the rows were rebuilt: select the row equal to saved (kind, id,
 * parent) if present, else the same item of another kind, else keep the
 * index clamped to a selectable row. saved may be NULL.
 */
void tui_list_restore(struct tui_list *l, const struct tui_list_row *saved);
/* Adjust top so that the selection is visible in height rows. */
void tui_list_scroll(struct tui_list *l, size_t height);
/* Set the filter (NULL clears). */
void tui_list_filter_set(struct tui_list *l, const char *filter);
/* True if the filter is empty or s contains it (ASCII case-insensitive). */
bool tui_list_filter_match(const struct tui_list *l, const char *s);

/* tui_layout.c: terminal size to rectangles (no curses). */

#define TUI_MIN_COLS 40
#define TUI_MIN_LINES 12

enum tui_layout_mode {
	TUI_LAYOUT_TOO_SMALL = 0,
	TUI_LAYOUT_ONE,		/* one pane at a time */
	TUI_LAYOUT_TWO,		/* events beside shifts (or volunteers) */
	TUI_LAYOUT_THREE	/* all three side by side */
};

struct tui_rect {
	int	y;
	int	x;
	int	h;
	int	w;
};

struct tui_layout {
	enum tui_layout_mode	mode;
	struct tui_rect		title;		/* top line */
	struct tui_rect		body;		/* between title and status */
	struct tui_rect		status;		/* bottom line */
	struct tui_rect		pane[TUI_PANES];
	bool			shown[TUI_PANES];
	int			separator[TUI_PANES];	/* x of a line, or -1 */
};

/*
 * Split a lines x cols terminal. focus is the focused pane; in two-pane
 * mode the right side shows volunteers when they have the focus, else
 * shifts. Below TUI_MIN_COLS x TUI_MIN_LINES the mode is TOO_SMALL.
 */
void tui_layout_compute(int lines, int cols, enum tui_pane_id focus,
    struct tui_layout *out);
/* True if w x h fits inside the terminal (for boxes). */
bool tui_layout_box(int lines, int cols, int want_h, int want_w,
    struct tui_rect *out);

/* tui_theme.c: semantic colours, off under NO_COLOR or monochrome. */

enum tui_theme {
	THEME_NORMAL = 0,
	THEME_TITLE,
	THEME_STATUS,
	THEME_HEADER,		/* pane heading, day heading */
	THEME_FOCUS,		/* heading of the focused pane */
	THEME_SELECTED,
	THEME_UNDERSTAFFED,
	THEME_STAFFED,
	THEME_CANCELLED,
	THEME_DIM,		/* conflicts in the picker */
	THEME_ERROR,
	THEME_INPUT,		/* form fields */
	THEME_COUNT
};

/* Set up colours after curses started; honours NO_COLOR. */
void tui_theme_init(void);
bool tui_theme_has_color(void);

/* tui_text.c: the one place that puts stored text on the screen. */

/*
 * Draw UTF-8 s at y, x in exactly w columns (cut with "…", padded),
 * with control characters escaped, in the given style.
 */
void tui_text_put(int y, int x, int w, const char *s, enum tui_theme style);
/* Same with printf formatting. */
void tui_text_putf(int y, int x, int w, enum tui_theme style,
    const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* Fill a rectangle with spaces in style. */
void tui_text_fill(struct tui_rect r, enum tui_theme style);
/*
 * The cell text of s in exactly w columns: sanitized, cut with "…" and
 * padded; "" for w <= 0. The caller frees.
 */
char *tui_text_fit(const char *s, int w);
/* Draw a box frame with a title; inside is r shrunk by one. */
void tui_text_box(struct tui_rect r, const char *title);
/* Vertical separator line. */
void tui_text_vline(int y, int x, int h);
/* Append code point cp to a UTF-8 buffer of size bytes, if it fits. */
bool tui_text_append_cp(char *buf, size_t size, unsigned int cp);
/* Remove the last UTF-8 character of buf. */
void tui_text_backspace(char *buf);

/* Panes: small vtables (tui_pane_*.c). */

struct tui_pane_ops {
	const char	*name;
	/*
	 * Ask store for the rows, into the cleared list (tui_pane_reload()
	 * keeps the selection on the same item); false if they are other
	 * items than before (the selection starts at the top).
	 */
	bool	(*reload)(struct tui *tui, struct tui_pane *p);
	/* Paint into r (first line is the heading). */
	void	(*draw)(struct tui *tui, struct tui_pane *p, struct tui_rect r,
		    bool focused);
	/* An action for this pane; returns tui_flags. */
	int	(*handle)(struct tui *tui, struct tui_pane *p,
		    enum tui_action action);
	/* Free what the pane's data holds (tui_pane_free frees the rest). */
	void	(*fini)(void *data);
	/* reload can read the last rows first (tail): G needs no others. */
	bool	  can_tail;
	int64_t	  first;	/* rows asked for at first */
	size_t	  size;		/* of the pane's data */
};

struct tui_pane {
	const struct tui_pane_ops	*ops;
	enum tui_pane_id		 id;
	struct tui_list			 list;
	size_t				 height;	/* rows drawn last */
	int64_t				 limit;		/* rows asked for */
	bool				 more;		/* more in store (before
							   the rows, when tail) */
	bool				 tail;		/* the last limit rows
							   loaded, not the first */
	void				*data;		/* pane's own */
};

extern const struct tui_pane_ops tui_pane_events_ops;
extern const struct tui_pane_ops tui_pane_shifts_ops;
extern const struct tui_pane_ops tui_pane_volunteers_ops;
/* tui_pane.c: reload p's rows, the selection staying on its item. */
void tui_pane_reload(struct tui *tui, struct tui_pane *p);
/* tui_pane.c: a pane of the kind ops, its data zeroed; and its end. */
struct tui_pane *tui_pane_new(const struct tui_pane_ops *ops,
    enum tui_pane_id id);
void tui_pane_free(struct tui_pane *p);
/*
 * The current conflict of the assignment selected in the shifts pane (a
 * forced one stays visible), or NULL. Borrowed until the pane reloads.
 */
const char *tui_pane_shifts_conflict(struct tui *tui);
/*
 * Judge the shown assignments by the assign rules (their first conflict
 * now: a forced one, or one the plan grew into) if not done since the
 * pane loaded: after the frame, as each reads the volunteer's other
 * shifts. True if it did (draw again).
 */
bool tui_pane_shifts_judge(struct tui *tui);
/*
 * Answers to the shifts pane's questions about assignment (ask->a shift,
 * ask->b volunteer): y removes it; a, d or t records that response. The
 * week view asks them too.
 */
int tui_pane_shifts_unassign_answer(struct tui *tui, int key,
    const struct tui_ask *ask);
int tui_pane_shifts_respond_answer(struct tui *tui, int key,
    const struct tui_ask *ask);
/* The event selected in the events pane, 0 if none. */
int64_t tui_pane_events_selected(struct tui *tui);
/*
 * Move the list of p for a movement action; near the end of the rows
 * loaded, ask for another page. Returns flags (TUI_UNHANDLED if action is
 * not a movement).
 */
int tui_pane_move(struct tui *tui, struct tui_pane *p,
    enum tui_action action);

/*
 * Pop-ups: whatever opens over the panes (forms, the picker, the help,
 * the week view, a question) implements this small interface, as tmux's
 * window modes implement struct window_mode (window-*.c), and is pushed
 * on the stack in struct tui. The loop draws the panes, then the stack
 * bottom-up (from the topmost TUI_POPUP_FULL one, which covers the
 * panes), and gives each key to the top. A pop-up never calls the loop:
 * its key handler returns flags, TUI_RELOAD for a change (the loop
 * reloads once), TUI_CLOSE to leave the stack, and may ask for a row to
 * be selected after the reload (tui_loop_select()).
 */
struct tui_popup;

struct tui_popup_ops {
	const char	*name;		/* "form", "picker", "help"... */
	int		 flags;		/* TUI_POPUP_* */
	const char	*context;	/* N_() status context ("week"), or NULL */
	const char	*where;		/* N_() "the help", for keys not here */
	const char	*hints;		/* N_() status-line key hints, or NULL */
	/* Paint over what is beneath it. */
	void	(*draw)(struct tui *tui, struct tui_popup *pp);
	/*
	 * A key (rooster's code): flags, TUI_CLOSE to be closed. A full
	 * pop-up returns TUI_UNHANDLED for a key it leaves to the global
	 * actions; the others use every key.
	 */
	int	(*key)(struct tui *tui, struct tui_popup *pp, int key);
	/* Optional: free data, the pop-up left the stack. */
	void	(*close)(struct tui_popup *pp);
	/* Optional: another process changed the plan (after the reload). */
	void	(*changed)(struct tui *tui, struct tui_popup *pp);
	/* Optional: work after a frame is shown; true to draw again. */
	bool	(*after_frame)(struct tui *tui, struct tui_popup *pp);
	/* Optional: where the terminal's cursor goes; false for hidden. */
	bool	(*cursor)(struct tui_popup *pp, int *y, int *x);
};

#define TUI_POPUP_FULL 0x1	/* fills the body instead of the panes */

struct tui_popup {
	const struct tui_popup_ops	*ops;
	void				*data;		/* the pop-up's own */
	const char			*hints;		/* N_() in place of
							   ops->hints while
							   set (what a key
							   does now) */
	bool				 closing;	/* leaves at the sweep */
};

#define TUI_STACK_MAX 16

/* tui_stack.c */

/*
 * Push a pop-up with data (ops->close, if any, frees it). Returns it, or
 * NULL if the stack is full (data is closed then).
 */
struct tui_popup *tui_stack_push(struct tui *tui,
    const struct tui_popup_ops *ops, void *data);
/* The top pop-up, or NULL. */
struct tui_popup *tui_stack_top(struct tui *tui);
/* The topmost pop-up named name (not closing), or NULL. */
struct tui_popup *tui_stack_find(struct tui *tui, const char *name);
/*
 * Give key to the top pop-up, then close the pop-ups that asked to be.
 * Returns its flags (without TUI_CLOSE); TUI_UNHANDLED if the stack is
 * empty or the top left the key to the screen.
 */
int tui_stack_key(struct tui *tui, int key);
/* Take the pop-ups marked closing off the stack and close them. */
void tui_stack_sweep(struct tui *tui);
/* Close the full pop-ups (help, week), or every one if all. */
void tui_stack_close_full(struct tui *tui, bool all);
/* The lowest pop-up to draw: the topmost full one's index, else 0. */
size_t tui_stack_bottom(const struct tui *tui);
/* True if a full pop-up covers the panes. */
bool tui_stack_covered(const struct tui *tui);

/*
 * Modal y/n or one-of questions asked on the status line: a pop-up whose
 * answer runs fn for the pop-up that asked (owner, NULL for a pane): if
 * fn returns TUI_CLOSE, the owner closes.
 */
struct tui_ask;
typedef int (*tui_answer_fn)(struct tui *tui, int key,
    const struct tui_ask *ask);

struct tui_ask {
	char			 question[256];
	char			 keys[8];	/* answers that call fn */
	tui_answer_fn		 fn;
	int64_t			 a;		/* context for fn */
	int64_t			 b;
	struct tui_popup	*owner;		/* who asked, or NULL */
};

/* A row to select once the panes reloaded (tui_loop_select()). */
struct tui_select {
	bool			 wanted;
	enum tui_pane_id	 pane;
	int			 kind;
	int64_t			 id;
	char			 unlisted[256];	/* message if not listed */
};

struct tui_form;
struct tui_week;

/* The screen's whole state; the loop passes it to every handler. */
struct tui {
	struct store		*st;
	const struct ops_config	*cfg;		/* the config, or NULL */
	int			 lines;
	int			 cols;
	struct tui_layout	 layout;
	struct tui_keymap	 keymap;
	struct tui_pane		*panes[TUI_PANES];
	enum tui_pane_id	 focus;
	bool			 readonly;	/* the plan cannot be changed */
	bool			 gaps_only;
	bool			 needs_zone;	/* first start without a zone:
						   the plan form is open */
	struct tui_week		*week;		/* the week view's place, kept
						   while it is closed */
	struct tui_popup	*stack[TUI_STACK_MAX];	/* pop-ups, top last */
	size_t			 depth;
	struct tui_select	 select;	/* after the next reload */
	char			 message[256];
	bool			 message_error;
	char			*plan_name;
	int			 gaps_week;	/* shifts short this week, -1
						   until first counted */
	bool			 gaps_stale;	/* to count again */
	int64_t			 data_version;
};

/* tui_invite.c */

/* i: ask, then send the selected event's invitations by mail. */
int tui_invite_ask(struct tui *tui);
/* `o` in the shifts pane: after a y/n question, offer shift_id by invite. */
int tui_invite_offer_ask(struct tui *tui, int64_t shift_id, const char *role);

/* tui_status.c */

/* Show a message on the status line until the next key. */
void tui_status_message(struct tui *tui, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void tui_status_error(struct tui *tui, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Ask a question; fn runs when one of keys is typed. */
void tui_status_ask(struct tui *tui, const char *keys, tui_answer_fn fn,
    int64_t a, int64_t b, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
/* Recount the title line's figures (plan name, gaps this week). */
void tui_status_reload(struct tui *tui);
/* Count this week's gaps if stale; true if it did (draw again). */
bool tui_status_count(struct tui *tui);
void tui_status_draw_title(struct tui *tui);
void tui_status_draw(struct tui *tui);

/*
 * tui_view.c: the one scrolling view (help, a volunteer's shifts, a
 * history): lines under a heading in the body (full) or in a box, moved
 * with the list keys. A kind of view is a table whose first member is its
 * pop-up's ops, with tui_view_draw, tui_view_key and tui_view_close.
 */
struct tui_view_ops {
	struct tui_popup_ops	 popup;		/* first: pp->ops points here */
	int			 width;		/* box: at most this wide */
	const char		*small;		/* N_() when no box fits, or
						   NULL */
	const char		*empty;		/* N_() when there are no lines */
	enum tui_action		 closes;	/* closes it besides Esc and q
						   (and Enter in a box) */
	/*
	 * Optional: the count of lines w columns wide (may build them);
	 * without it, the count given to tui_view_open().
	 */
	size_t	(*count)(struct tui *tui, void *data, int w);
	/* Draw line i at y, x in w columns. */
	void	(*line)(struct tui *tui, void *data, size_t i, int y, int x,
		    int w);
	/* Free what data holds (the view frees data itself). */
	void	(*free)(void *data);
};

/* The pop-up part of a view's table: name, flags, context, where. */
#define TUI_VIEW_POPUP(name, flags, context, where) { (name), (flags), \
	(context), (where), NULL, tui_view_draw, tui_view_key, \
	tui_view_close, NULL, NULL, NULL }

/* Open a view of data (heap, owned) of n lines under title (copied). */
void tui_view_open(struct tui *tui, const struct tui_view_ops *vops,
    const char *title, void *data, size_t n);
void tui_view_draw(struct tui *tui, struct tui_popup *pp);
int tui_view_key(struct tui *tui, struct tui_popup *pp, int key);
void tui_view_close(struct tui_popup *pp);

/* tui_filter.c: / types a filter for the focused pane. */
void tui_filter_open(struct tui *tui);

/* tui_help.c: ? opens the keys' help over the panes. */
void tui_help_open(struct tui *tui);
/* Lines of help text (owned by the caller, free each and the array). */
char **tui_help_lines(const struct tui_keymap *km, size_t *count);

/* tui_week.c: w opens the week view, where it was left. */
void tui_week_open(struct tui *tui);
/* Free the week's place (tui->week). */
void tui_week_free(struct tui *tui);

/* tui_history.c: u (undo) and h (the selected item's change log) */
int tui_history_undo(struct tui *tui);
int tui_history_open(struct tui *tui);

/* tui_detail.c: one volunteer's upcoming shifts */
void tui_detail_open(struct tui *tui, int64_t volunteer_id);

/* tui_form.c: modal forms of text, time and number fields. */

enum tui_field_kind {
	TUI_FIELD_TEXT = 0,
	TUI_FIELD_WHEN,		/* YYYY-MM-DD HH:MM in the plan zone */
	TUI_FIELD_NUMBER
};

#define TUI_FIELD_MAX 1024
#define TUI_FORM_FIELDS 8

struct tui_field {
	const char		*label;
	const char		*hint;		/* shown while empty */
	enum tui_field_kind	 kind;
	char			 text[TUI_FIELD_MAX];	/* UTF-8 */
	size_t			 cursor;		/* byte offset */
};

/*
 * Save the form: 0 done (the form closes, the panes reload once; the
 * function says what it did and may ask for a row with
 * tui_loop_select()), -1 with err (the form stays).
 */
typedef int (*tui_form_save_fn)(struct tui *tui, struct tui_form *f,
    struct err *err);
/*
 * The form afresh on the stored row (id, parent as when opened), not yet
 * open, with the row's version now; NULL (the reason on the status line)
 * if the row is gone.
 */
typedef struct tui_form *(*tui_form_fresh_fn)(struct tui *tui,
    int64_t parent, int64_t id);

struct tui_form {
	char			 title[128];
	struct tui_field	 fields[TUI_FORM_FIELDS];
	size_t			 count;
	size_t			 focus;
	bool			 dirty;		/* typed since opened */
	tui_form_save_fn	 save;
	int64_t			 id;		/* row edited, 0 for new */
	int64_t			 parent;	/* event of a new shift */
	int64_t			 version;	/* row version when opened */
	/*
	 * Stale edits (the row changed since the form opened): reload drops
	 * what was typed for a fresh form; overwrite saves over the version
	 * the fresh form has.
	 */
	tui_form_fresh_fn	 fresh;
	int			 cursor_y;	/* where the cursor was drawn */
	int			 cursor_x;	/* -1: not shown */
};

struct tui_form *tui_form_new(const char *title, tui_form_save_fn save);
/* Push f on the stack (it owns f); NULL does nothing. */
void tui_form_open(struct tui *tui, struct tui_form *f);
/* Add a field with initial text (NULL for empty). */
void tui_form_field(struct tui_form *f, const char *label,
    enum tui_field_kind kind, const char *text, const char *hint);
void tui_form_free(struct tui_form *f);
/* The text of field i (borrowed). */
const char *tui_form_text(const struct tui_form *f, size_t i);
/* Parse field i as WHEN into *out; -1 with err naming the label. */
int tui_form_when(const struct tui_form *f, size_t i, int64_t *out,
    struct err *err);
int tui_form_number(const struct tui_form *f, size_t i, int *out,
    struct err *err);
/* Insert UTF-8 text at the cursor of the focused field. */
void tui_form_insert(struct tui_form *f, const char *s);
/*
 * A save's ops call succeeded: say saved (an edit) or added (a new row),
 * and select row (kind, id) in pane once the panes reloaded.
 */
void tui_form_saved(struct tui *tui, const struct tui_form *f,
    enum tui_pane_id pane, int kind, int64_t id, const char *saved,
    const char *added);
/* Replace the text of field i (the cursor goes to its end). */
void tui_form_set(struct tui_form *f, size_t i, const char *text);
/*
 * A field for each row of an entity's table (event_fields...) that has a
 * form label, in order, filled from rec: text as it is, a time as
 * YYYY-MM-DD HH:MM (empty for 0), a number (empty for 0 when the row has
 * a hint, such as "no limit").
 */
void tui_form_fields(struct tui_form *f, const struct model_field *fields,
    const void *rec);
/*
 * Back into rec: text (a list normalised), numbers, and with times set
 * the times too (an empty one is 0). Returns 0, or -1 with err and the
 * focus on the field at fault.
 */
int tui_form_fields_read(struct tui_form *f, const struct model_field *fields,
    void *rec, bool times, struct err *err);

/* tui_form_event.c, tui_form_shift.c, tui_form_volunteer.c */
void tui_form_event_open(struct tui *tui, int64_t id);
void tui_form_shift_open(struct tui *tui, int64_t event_id, int64_t id);
void tui_form_volunteer_open(struct tui *tui, int64_t id);
/* tui_form_plan.c: the note on an assignment (n). */
void tui_form_note_open(struct tui *tui, int64_t shift_id,
    int64_t volunteer_id, const char *name, const char *note);
/* tui_form_plan.c: a plan without a zone asks for its name and zone. */
void tui_form_plan_open(struct tui *tui);

/* tui_picker.c: choose a volunteer for a shift. */
void tui_picker_open(struct tui *tui, int64_t shift_id);

/* tui_loop.c */

/*
 * Reload every pane and the title figures, then select the row asked
 * for. Only the loop calls it, once per TUI_RELOAD; with
 * ROOSTER_RELOAD_LOG set, each reload appends a line to that file (for
 * tests: one change, one reload).
 */
void tui_loop_reload(struct tui *tui);
/*
 * After the next reload, select the row (kind, id) in pane; if it is not
 * listed and unlisted is not NULL, show that message instead.
 */
void tui_loop_select(struct tui *tui, enum tui_pane_id pane, int kind,
    int64_t id, const char *unlisted);

#endif /* ROOSTER_TUI_INT_H */
