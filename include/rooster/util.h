/* SPDX-License-Identifier: ISC */
/*
 * util: memory, strings, errors, dates and time zones, display width, log.
 * Uses only the C library. Every other layer builds on it.
 */
#ifndef ROOSTER_UTIL_H
#define ROOSTER_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>

#include <libintl.h>	/* gettext is part of the C library (glibc) */

/*
 * Every user-visible string is marked: _("text") is translated where it is
 * used, N_("text") marks a string in a static table for xgettext and is
 * translated later with _(). The catalogue is src/po/nl.po.
 */
#define _(s) gettext(s)
#define N_(s) (s)

/* err.c */

enum err_code {
	ERR_OK = 0,
	ERR_INVALID,		/* bad input: exit 2 on the command line */
	ERR_NOT_FOUND,		/* no such id */
	ERR_CONFLICT,		/* refused by a planning rule or a newer row */
	ERR_BUSY,		/* locked too long */
	ERR_IO,			/* file or SQLite failure */
	ERR_SCHEMA,		/* file from a newer rooster, or not a plan */
	ERR_READONLY		/* database cannot be written */
};

struct err {
	enum err_code	code;
	char		msg[512];	/* one line, lowercase, no final period */
};

/*
 * Fill err (which may be NULL) with code and a printf-style message. Always
 * returns -1, so that `return err_set(...)` reads naturally.
 */
int err_set(struct err *err, enum err_code code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Reset err to ERR_OK with an empty message; err may be NULL. */
void err_clear(struct err *err);

/* xmem.c: allocation that reports and exits on out-of-memory. */

void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *ptr, size_t size);
void *xreallocarray(void *ptr, size_t count, size_t size);
/*
 * Append one zeroed element of size bytes to a growable array and return
 * it: itemsp points to the array's pointer (NULL to start), *len counts
 * the elements used and *cap those allocated. The one list growth every
 * layer uses (model lists, store and ops results).
 */
void *xarray_push(void *itemsp, size_t *len, size_t *cap, size_t size);
/* qsort that takes an empty or one-item array, NULL included (qsort(NULL, 0) is undefined). */
void xsort(void *base, size_t n, size_t size,
    int (*cmp)(const void *, const void *));
/* bsearch that takes an empty array, NULL included (NULL there is undefined). */
void *xbsearch(const void *key, const void *base, size_t n, size_t size,
    int (*cmp)(const void *, const void *));
/* Copy s; NULL gives NULL. The caller frees. */
char *xstrdup(const char *s);
/* printf into a new string the caller frees. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap);

/* strbuf.c: a growable NUL-terminated byte string. */

struct strbuf {
	char	*data;		/* always NUL-terminated once used */
	size_t	 len;		/* bytes before the NUL */
	size_t	 cap;		/* bytes allocated */
};

void strbuf_init(struct strbuf *sb);
void strbuf_fini(struct strbuf *sb);
void strbuf_add(struct strbuf *sb, const char *s, size_t n);
void strbuf_adds(struct strbuf *sb, const char *s);
void strbuf_addc(struct strbuf *sb, char c);
/* Append n copies of c (padding a column with spaces). */
void strbuf_addchars(struct strbuf *sb, char c, size_t n);
void strbuf_addf(struct strbuf *sb, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void strbuf_reset(struct strbuf *sb);
/* Return the data (never NULL) and leave sb empty; the caller frees. */
char *strbuf_detach(struct strbuf *sb);
/* Borrowed pointer to the data ("" when empty), valid until the next add. */
const char *strbuf_str(const struct strbuf *sb);

/* rtime.c: instants are int64_t UTC seconds; one plan zone for display. */

#define RTIME_ZONE_DEFAULT "Europe/Amsterdam"
/*
 * The instants rooster plans: local days from 1970 to 2200 in any zone
 * (UTC-12 to UTC+14), the range rtime_parse_when() and friends accept.
 */
#define RTIME_FIRST_YEAR 1970
#define RTIME_LAST_YEAR 2200
#define RTIME_MIN (-14 * INT64_C(3600))
#define RTIME_MAX (INT64_C(7289654400) + 12 * INT64_C(3600))

/*
 * True if name is an IANA zone installed in the system zoneinfo (TZDIR or
 * /usr/share/zoneinfo). Rejects paths, "..", and files that are not TZif.
 */
bool rtime_zone_is_valid(const char *name);
/*
 * Make name the plan zone, in which times are read and shown (rtime sets
 * TZ for this process: nothing else in rooster may). Returns 0, or -1
 * with ERR_INVALID for an unknown zone.
 */
int rtime_zone_set(const char *name, struct err *err);
/* The plan zone (borrowed, static), or "UTC" before any was set. */
const char *rtime_zone(void);
/*
 * The system's zone name (TZ if it names a zone, /etc/timezone, the
 * /etc/localtime link), else RTIME_ZONE_DEFAULT. Writes into buf.
 */
void rtime_system_zone(char *buf, size_t size);
/*
 * True if name is UTC under any of its names (UTC, Etc/UTC, UCT,
 * Universal, Zulu, GMT, GMT0, Greenwich, with or without "Etc/"): on a
 * server that says so, the clock tells nothing of where the plan lives.
 */
bool rtime_zone_is_utc(const char *name);
/*
 * Each of the n instants in v becomes the instant of its local wall-clock
 * time in zone from, read in zone to (a time the clocks skip in to moves
 * forward, as mktime does). Leaves the zone set to to. Both zones must be
 * valid. Returns 0, or -1 with ERR_INVALID for an unknown zone.
 */
int rtime_wall_move(int64_t *v, size_t n, const char *from, const char *to,
    struct err *err);
int64_t rtime_now(void);
/* Milliseconds on the monotonic clock: for deadlines, never a date. */
int64_t rtime_clock_ms(void);

/*
 * Parse WHEN, `YYYY-MM-DD HH:MM` or `YYYY-MM-DDTHH:MM` in the plan zone.
 * Rejects impossible dates (2027-02-30) and local times the zone skips
 * (02:30 on a spring-forward night). Returns 0, or -1 with ERR_INVALID.
 */
int rtime_parse_when(const char *s, int64_t *out, struct err *err);
/*
 * Parse DAY: `YYYY-MM-DD`, `today` or `tomorrow`, relative to now, giving
 * the instant of local midnight. Returns 0, or -1 with ERR_INVALID.
 */
int rtime_parse_day(const char *s, int64_t now, int64_t *out,
    struct err *err);
/* Local midnight of the day after the one holding t. */
int64_t rtime_day_next(int64_t t);
/* Local midnight of the day holding t, plus days (may be negative). */
int64_t rtime_day_add(int64_t t, int days);
/* Local midnight of the Monday starting the week holding t. */
int64_t rtime_week_start(int64_t t);
/* Break t down in the plan zone. */
void rtime_local(int64_t t, struct tm *tm);
/* strftime of t in the plan zone into buf. */
void rtime_format(int64_t t, const char *fmt, char *buf, size_t size);
/* `2027-03-27T14:00:00+01:00`: ISO 8601 with the zone's offset. */
void rtime_format_iso(int64_t t, char *buf, size_t size);
/* `2027-03-27 14:00` in the plan zone, the form WHEN is typed in. */
void rtime_format_when(int64_t t, char *buf, size_t size);
/*
 * t in the plan zone as people read it in the locale's language (LC_TIME):
 * `za 27 mrt 14:00` in Dutch, `Sat 27 Mar 14:00` in English, with the year
 * when it is not this year's. In the C or POSIX locale it is the form
 * WHEN is typed in, `2027-03-27 14:00`, as rtime_format_when().
 */
void rtime_format_show(int64_t t, char *buf, size_t size);
/*
 * As rtime_format_show() without the year, near today or not: `za 27 mrt
 * 14:00`; `03-27 14:00` in the C or POSIX locale. For a list whose rows
 * lie within a year, where the year would only take room.
 */
void rtime_format_show_brief(int64_t t, char *buf, size_t size);
/* A way of writing one instant: rtime_format_when, rtime_format_show. */
typedef void (*rtime_format_fn)(int64_t t, char *buf, size_t size);
/*
 * "start-end", each written by fmt, except that an end on start's local
 * day is its time alone: `2027-03-27 14:00-17:00`.
 */
void rtime_format_span(int64_t start, int64_t end, rtime_format_fn fmt,
    char *buf, size_t size);
/* Days first to last (local midnights) as days: `2027-03-27 - 2027-03-29`. */
void rtime_format_days(int64_t first, int64_t last, char *buf, size_t size);
/* The same without the year: `03-27 - 03-29`, `za 27 mrt - ma 29 mrt`. */
void rtime_format_days_brief(int64_t first, int64_t last, char *buf,
    size_t size);
/* Like rtime_format_show() for the day alone: `za 27 mrt`. */
void rtime_format_day(int64_t t, char *buf, size_t size);
/* The day alone without the year: `za 27 mrt`, `03-27` (C locale). */
void rtime_format_day_brief(int64_t t, char *buf, size_t size);
/* True when LC_TIME is the C or POSIX locale (dates shown as ISO). */
bool rtime_locale_is_c(void);
/*
 * The first day of the week in the locale (tm_wday: 0 Sunday, 1 Monday),
 * from nl_langinfo; Monday in the C and POSIX locales.
 */
int rtime_week_first_day(void);
/*
 * Local midnight of the first day of the locale's week holding t (Monday
 * in Dutch and in the C locale, Sunday in American English).
 */
int64_t rtime_week_start_locale(int64_t t);
/*
 * Month key yyyymm of t in zone (a valid IANA name), for monthly limits:
 * the same whatever zone the process shows times in or set last.
 */
int rtime_month_in(const char *zone, int64_t t);
/* Month key yyyymm of t in the plan zone, for display (rules: above). */
int rtime_month(int64_t t);
/*
 * [*start, *end) of the month holding t in zone: local midnight of its
 * first day and of the next month's first day.
 */
void rtime_month_span(const char *zone, int64_t t, int64_t *start,
    int64_t *end);

/* text.c: UTF-8 text measured in display columns. */

/*
 * Display width of UTF-8 s in terminal columns: wide characters count 2,
 * combining marks 0, control characters and invalid bytes as their
 * escaped form (`\e` 2, `\x07` 4), exactly as text_sanitize() shows them.
 */
size_t text_width(const char *s);
/*
 * Copy s into a new string where control characters (C0, DEL, C1) and
 * invalid UTF-8 are escaped (`\e`, `\n`, `\x07`...), so it can never act
 * on a terminal. The caller frees.
 */
char *text_sanitize(const char *s);
/*
 * Append to sb the sanitized s cut to at most cols columns (ending in `…`
 * when cut) and padded with spaces to exactly cols when pad is true.
 */
void text_fit(struct strbuf *sb, const char *s, size_t cols, bool pad);
/*
 * s cut at its spaces into lines of at most cols display columns (a word
 * wider than cols gets a line of its own); at least one line. Sets
 * *count. The caller frees each line and the array.
 */
char **text_wrap(const char *s, size_t cols, size_t *count);
/* True if s is valid UTF-8. */
bool text_is_utf8(const char *s);
/*
 * True if ch answers yes to a y/n question: `y` always, and the letter
 * the locale's questions name (`j` in Dutch), in either case.
 */
bool text_is_yes(int ch);
/*
 * s folded for matching and sorting names: lowercase, Latin letters
 * without their diacritics ("Ëlla" -> "ella", "Dĳk" -> "dijk"), other
 * scripts as they are, invalid bytes dropped. NULL as "". Caller frees.
 */
char *text_fold(const char *s);
/*
 * strcmp of text_fold(a) and text_fold(b), without making them: the order
 * of a column of folded names in SQLite (Ë with E). NULL as "".
 */
int text_fold_cmp(const char *a, const char *b);
/*
 * s lowercased, accents kept ("Ëlla" -> "ëlla"): ASCII, Latin-1 and Latin
 * Extended-A letters, as far as text_fold() reads them (so text_fold of
 * both is the same); other scripts as they are, invalid bytes dropped.
 * NULL as "". Caller frees.
 */
char *text_lower(const char *s);
/* Case-insensitive ASCII comparison of a and b (NULL as ""). */
int text_casecmp(const char *a, const char *b);
/* True if the comma-separated list contains item (ASCII case-insensitive). */
bool text_list_has(const char *list, const char *item);
/*
 * The next item of a comma-separated list at *p (NULL or "" is empty):
 * *item and *len get it without the spaces around it, *p moves past it.
 * False at the end. `while (text_list_next(&p, &item, &len))` walks one.
 */
bool text_list_next(const char **p, const char **item, size_t *len);
/* Trim spaces around each comma-separated item, drop empty ones. Caller frees. */
char *text_list_normalize(const char *list);

/* random.c */

/*
 * Fill buf with n random bytes from getrandom() as lowercase hex: 2*n
 * characters and a NUL (n at most 64). For UIDs and feed tokens.
 */
void random_hex(char *buf, size_t n);

/* file.c: files that hold personal data */

/*
 * The directory of path: "." when it names none, "/" for a file in the
 * root. The caller frees.
 */
char *file_dir(const char *path);

/*
 * The mode for a new private file at path: 0600, or 0660 when its
 * directory is set-group-ID (shared by a group).
 */
mode_t file_private_mode(const char *path);
/*
 * Create path for writing with file_private_mode(), set regardless of the
 * umask; exclusive refuses an existing file (ERR_CONFLICT), otherwise it
 * is truncated (and its mode narrowed). Never follows a symbolic link.
 * Returns the descriptor, or -1 with err set.
 */
int file_create_private(const char *path, bool exclusive, struct err *err);
/*
 * Make sure dir is a directory: create it (mode, less the umask) when it
 * does not exist, as `git format-patch -o` does, but not its parents (a
 * missing parent is more likely a typo). Returns 0, or -1 with
 * ERR_INVALID (not a directory, no parent) or ERR_IO.
 */
int file_dir_ensure(const char *dir, mode_t mode, struct err *err);

/*
 * A file written whole or not at all: a temporary file beside the target
 * (".name.XXXXXX", hidden from feeds and outboxes) that only a commit
 * puts in place, after fsync, so a failure, a full disk or a kill never
 * leaves half a file or an empty one under the target's name.
 */
struct file_atomic {
	char	*path;		/* the target */
	char	*tmp;		/* the temporary file beside it */
	FILE	*fp;		/* open on tmp for writing; NULL once flushed */
};
/*
 * Create f's temporary file for path with mode (0: file_private_mode(),
 * set whatever the umask). Returns 0, or -1 with ERR_IO (f then empty).
 */
int file_atomic_open(struct file_atomic *f, const char *path, mode_t mode,
    struct err *err);
/*
 * Flush, fsync and close f->fp, leaving the complete temporary file for a
 * commit (or for another writer that opens f->tmp by name). Returns 0, or
 * -1 with ERR_IO naming the target (full disk: its own message).
 */
int file_atomic_flush(struct file_atomic *f, struct err *err);
/*
 * The same without fsync, for many files made durable at once with
 * sync() before their commits (export feeds: one wait, not 50,000).
 */
int file_atomic_close(struct file_atomic *f, struct err *err);
/*
 * Flush if needed and put the temporary file in place: over the target,
 * or with exclusive only where no file is (ERR_CONFLICT otherwise).
 * Removes the temporary file on failure; f is empty afterwards.
 */
int file_atomic_commit(struct file_atomic *f, bool exclusive,
    struct err *err);
/* Drop the temporary file; f is empty afterwards. Safe on an empty f. */
void file_atomic_abort(struct file_atomic *f);
/*
 * Before a plan at path is opened for writing: it (when it is a rooster
 * plan or still empty), its -wal and its -shm must each be absent or a
 * plain file of the user's own (or of the directory's group in a
 * set-group-ID directory) that others cannot read or write. Returns 0, or
 * -1 with ERR_IO saying which file and what to do.
 */
int file_plan_check(const char *path, struct err *err);

/* log.c: diagnostics, written only with -v. */

void log_set_verbose(bool on);
void log_debug(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif /* ROOSTER_UTIL_H */
