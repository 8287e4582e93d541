/* SPDX-License-Identifier: ISC */
/*
 * Internals of the command line: the command table, the context handed to
 * every handler, argument parsing, and the row printer (cli_out.c) that
 * alone turns rows into table, csv or json.
 */
#ifndef ROOSTER_CLI_INT_H
#define ROOSTER_CLI_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <jansson.h>

#include "rooster/cli.h"
#include "rooster/store.h"
#include "rooster/util.h"

/* Exit statuses (rooster.1). */
#define CLI_OK		0
#define CLI_FAILED	1
#define CLI_USAGE	2

enum cli_format {
	CLI_FORMAT_TABLE = 0,
	CLI_FORMAT_CSV,
	CLI_FORMAT_JSON
};

/* cli_args.c: what a command takes, declared once in its table entry */

enum cli_arg_kind {
	CLI_ARG_TEXT = 0,	/* a value, as typed */
	CLI_ARG_FLAG,		/* an option without a value */
	CLI_ARG_ID,		/* a positive id, checked before the handler */
	CLI_ARG_VOLUNTEER,	/* an id, e-mail or name: cli_args_volunteer() */
	CLI_ARG_TEAM,		/* an id or name: cli_args_team() */
	CLI_ARG_SHOWN,		/* only words in the usage line: a global
				 * option the handler reads (print --format) */
	CLI_ARG_FIELDS		/* CLI_ARGS_FIELDS(): stands for options */
};

enum cli_arg_flags {
	CLI_ARG_REQUIRED = 1 << 0,
	CLI_ARG_MANY = 1 << 1	/* the last positional: one or more */
};

/*
 * One positional argument ("title") or option ("--start"). The usage
 * line is the usage words of each in order, so help and parser agree.
 */
struct cli_arg {
	const char		*name;
	enum cli_arg_kind	 kind;
	int			 flags;		/* enum cli_arg_flags */
	const char		*usage;		/* N_(): its words in the usage
						 * line; "" when another's
						 * words say it */
	const char		*what;		/* CLI_ARG_ID: N_("event") */
};

#define CLI_ARGS_END	{ NULL, CLI_ARG_TEXT, 0, NULL, NULL }
#define CLI_ARGS_MAX	16

/*
 * A row standing for the option of every field of the command's entity
 * (event_fields for `event ...`: cli_args_fields()) in the table's
 * order, each a CLI_ARG_TEXT with the field's usage words; but not the
 * fields another row of the command names (by option, or a positional
 * by key), nor those whose options skip lists ("--active"). A field
 * added to the table is taken by such commands without a line here.
 */
#define CLI_ARGS_FIELDS(skip)	{ skip, CLI_ARG_FIELDS, 0, "", NULL }

/* What the parser found, read by name with cli_arg() and friends. */
struct cli_args {
	const char	*value[CLI_ARGS_MAX];	/* NULL: not given; a flag
						 * given is "" */
	int64_t		 id[CLI_ARGS_MAX];	/* CLI_ARG_ID, _VOLUNTEER,
						 * _TEAM: resolved */
	char		**many;			/* CLI_ARG_MANY: every one */
	int		 nmany;
};

struct cli_ctx {
	struct store	*st;		/* the open plan */
	enum cli_format	 format;
	const char	*format_name;	/* --format as given, or NULL */
	const char	*db_path;
	int64_t		 now;		/* UTC seconds, for today/tomorrow */
	const struct cli_command *command;
	struct cli_args	 args;		/* parsed from decl */
	struct cli_arg	 decl[CLI_ARGS_MAX + 1];	/* command->args with
							 * CLI_ARGS_FIELDS
							 * rows expanded */
	int		 argc;		/* what follows the command words, */
	char		**argv;		/* for a command without args */
};

typedef int cli_handler_fn(struct cli_ctx *ctx);

enum cli_command_flags {
	CLI_READS = 1 << 0,	/* runs inside one read transaction */
	CLI_NO_STORE = 1 << 1,	/* needs no plan (help) */
	CLI_OWN_FORMAT = 1 << 2,	/* takes other --format values (print) */
	CLI_ANY_ZONE = 1 << 3,	/* works while the plan's zone is missing */
	CLI_NO_ZONE = 1 << 4	/* needs no zone: runs on a plan not given
				   one yet (made on a UTC server) */
};

/*
 * A command. With args, the dispatcher parses the line against them (and
 * checks ids) before the handler runs, and the usage line comes from
 * them; a handler then reads cli_arg(ctx, "--start"). Without args
 * (NULL), usage is given and the handler parses ctx->argv itself.
 */
struct cli_command {
	const char	*noun;		/* "event", or the command itself */
	const char	*verb;		/* "add", or NULL for one-word commands */
	const char	*usage;		/* without args: the arguments' words */
	const char	*summary;	/* one line for `rooster help` */
	cli_handler_fn	*handler;
	int		 flags;
	const struct cli_arg *args;	/* ended by { NULL }, or NULL */
	const char	*missing;	/* N_(): a required option is absent */
};

/* cli_main.c */

/* Print "rooster: <message>" for err and return its exit status. */
int cli_fail(const struct err *err);
/* The command `rooster noun verb` (verb NULL: a one-word one), or NULL. */
const struct cli_command *cli_command_find(const char *noun,
    const char *verb);
/* Print "rooster: <message>" and return CLI_USAGE. */
int cli_usage_error(const struct cli_ctx *ctx, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* cli_args.c */

/*
 * Parse argv against ctx->command->args into ctx->args: options
 * (--name VALUE, --name=VALUE, --flag, -o for --output) anywhere, "--"
 * ends them; then the count of positionals, the required options, and
 * every id. On a usage error prints one line and returns -1.
 */
int cli_args_check(struct cli_ctx *ctx, int argc, char **argv);
/* The value of the declared argument name ("--start", "title"), or NULL. */
const char *cli_arg(const struct cli_ctx *ctx, const char *name);
/* The flag or option name was given. */
bool cli_arg_seen(const struct cli_ctx *ctx, const char *name);
/* The command declares the argument name. */
bool cli_arg_declared(const struct cli_ctx *ctx, const char *name);
/* The id given as name (CLI_ARG_ID, _VOLUNTEER, _TEAM), or 0 if absent. */
int64_t cli_arg_id(const struct cli_ctx *ctx, const char *name);
/* The usage line of c (after the command words), translated. */
const char *cli_args_usage(const struct cli_command *c);
/* The field table of the entity noun names ("volunteer"), or NULL. */
const struct model_field *cli_args_fields(const char *noun);
/*
 * c's arguments with each CLI_ARGS_FIELDS row replaced by the rows it
 * stands for, into out (CLI_ARGS_MAX + 1 rows, ended by CLI_ARGS_END).
 * Returns how many, the end not counted; more than CLI_ARGS_MAX aborts.
 */
size_t cli_args_expand(const struct cli_command *c, struct cli_arg *out);

/* Parse a positive id; on error prints and returns -1. */
int cli_args_id(const struct cli_ctx *ctx, const char *s, const char *what,
    int64_t *out);
/* Parse an integer in [min, max]; on error prints and returns -1. */
int cli_args_int(const struct cli_ctx *ctx, const char *s, const char *what,
    long min, long max, long *out);
/*
 * Set each field of rec whose option the command declares and was given
 * (fields: an entity's table, in its order) through
 * model_field_set_value(): text (a list normalised), a number in
 * the row's min..max, a time as WHEN, a bool as yes or no. 0, or the
 * exit status with the message printed (CLI_USAGE, or cli_fail()'s).
 */
int cli_args_apply(struct cli_ctx *ctx, void *rec,
    const struct model_field *fields);
/*
 * A VOLUNTEER argument: an id, an e-mail address (any case), or a name or
 * a unique prefix of one, case and Latin accents ignored ("ella" finds
 * "Ëlla"); a whole name beats longer ones it starts. On an unknown or
 * ambiguous one (the candidates listed) prints one line, returns -1.
 */
int cli_args_volunteer(const struct cli_ctx *ctx, const char *s,
    int64_t *out);
/* A TEAM argument: its id, or its name in any case (and accents). */
int cli_args_team(const struct cli_ctx *ctx, const char *s, int64_t *out);
/* The declared --from and --to DAY as cli_args_days() makes them. */
int cli_args_range(const struct cli_ctx *ctx, int64_t *from, int64_t *to);
/* Parse --from/--to DAY options into [from, to) (to is exclusive). */
int cli_args_days(const struct cli_ctx *ctx, const char *from, const char *to,
    int64_t *out_from, int64_t *out_to);

/* cli_out.c */

enum cli_type {
	CLI_TEXT = 0,
	CLI_INT,
	CLI_TIME,		/* UTC seconds: table local, data ISO 8601 */
	CLI_REAL,
	CLI_JSON,		/* json text: embedded in json, else as is */
	CLI_WORD,		/* a fixed English word (a status): data as
				 * is, translated in the table */
	CLI_DAY			/* a local midnight: table the locale's day,
				 * data YYYY-MM-DD */
};

enum cli_column_flags {
	CLI_TABLE = 1 << 0,	/* shown in the table */
	CLI_DATA = 1 << 1,	/* a key in json and a column in csv */
	CLI_BOTH = CLI_TABLE | CLI_DATA,
	CLI_FLEX = 1 << 2,	/* may shrink to fit the terminal */
	CLI_DROP = 1 << 3,	/* an id a name beside it repeats: left out
				   before anything shrinks */
	CLI_DROP_LATE = 1 << 4,	/* a status word, a draft mark: left out
				   before names and titles shrink; with
				   CLI_FLEX (an event beside the names, a
				   place) it shrinks with the flexible
				   columns and goes only after the status
				   words and the year (CLI_BRIEF) */
	CLI_KEEP = 1 << 5,	/* a name or title people act on: shrinks
				   after every other flexible column */
	CLI_WRAP = 1 << 6,	/* a sentence or note: keeps its words by
				   wrapping onto more lines, narrowed before
				   status words go (not below CLI_WRAP_MIN)
				   and with the names after that */
	CLI_BRIEF = 1 << 7	/* times of cli_table_when(): written
				   without the year (cli_when_brief()) once
				   status words went, before names and
				   titles shrink, when the rows lie within
				   a year (CLI_BRIEF_SPAN); with CLI_DROP
				   the year goes with the second ids,
				   before anything shrinks */
};

/* The rows of a CLI_BRIEF column lie within this many seconds: every
 * month and day among them stands for one date. */
#define CLI_BRIEF_SPAN	(INT64_C(360) * 86400)

/* The width a CLI_WRAP column keeps before anything is dropped for it. */
#define CLI_WRAP_MIN	24

struct cli_column {
	const char	*key;		/* json key and csv header */
	const char	*header;	/* table header */
	enum cli_type	 type;
	int		 flags;
};

struct cli_cell {
	enum cli_type	 type;
	const char	*text;		/* in the table's texts */
	const char	*shown;		/* a CLI_WORD's translation, borrowed */
	int64_t		 num;
	double		 real;
	int64_t		 end;		/* cli_table_when(): num is the start */
	bool		 null;
	bool		 when;		/* made by cli_table_when() */
};

/* Strings kept a block at a time (cli_out.c). */
struct cli_texts;

struct cli_table {
	const struct cli_column	*cols;
	size_t			 ncols;
	struct cli_cell		*cells;		/* nrows * ncols */
	struct cli_texts	*texts;		/* the cells' texts */
	const struct model_field *fields;	/* cli_table_fields()' last */
	const struct model_field **field_of;	/* ncols: their field each */
	size_t			 nrows;
	size_t			 cap;
	size_t			 fill;		/* cells set in the last row */
	/* Words translated so far: one gettext per word, not per cell. */
	struct {
		const char	*word;		/* English, a cell's own copy */
		const char	*shown;		/* its translation, borrowed */
	}			 words[24];
	size_t			 nwords;
};

void cli_table_init(struct cli_table *t, const struct cli_column *cols,
    size_t ncols);
void cli_table_fini(struct cli_table *t);
/* Start a new row; then one cli_table_* call per column, in order. */
void cli_table_row(struct cli_table *t);
void cli_table_text(struct cli_table *t, const char *s);
void cli_table_int(struct cli_table *t, int64_t v);
void cli_table_time(struct cli_table *t, int64_t v);
/* The day holding v (a local midnight): a date without a time. */
void cli_table_day(struct cli_table *t, int64_t v);
void cli_table_real(struct cli_table *t, double v);
/*
 * text (the times [start, end) as the row shows them, cli_when()): in a
 * CLI_BRIEF column the table may show them as cli_when_brief() instead.
 */
void cli_table_when(struct cli_table *t, const char *text, int64_t start,
    int64_t end);
void cli_table_json(struct cli_table *t, const char *json);
/*
 * A fixed English word such as a status (confirmed, accepted, yes):
 * csv and json keep it, the table shows its translation. The word must
 * be one of the list in cli_out.c, so that xgettext sees it.
 */
void cli_table_word(struct cli_table *t, const char *word);
/*
 * Columns for a record shown whole: "id", then one per field of fields
 * (key, label) that `show` prints (not MODEL_FIELD_SHOW_NONE; in tables
 * only for MODEL_FIELD_SHOW_TABLE); at most n. Returns how many.
 */
size_t cli_record_columns(struct cli_column *cols, size_t n,
    const struct model_field *fields);
/*
 * Columns for a list of records of fields: the rows of shown (how the
 * list has always shown them: its own columns, the fields it shows
 * with their flags, and CLI_LEFT_OUT() for the fields it does not),
 * then each other field that `show` prints in csv and json (not
 * MODEL_FIELD_DERIVED), as a CLI_DATA column after them: a field added
 * to a table reaches the list's csv and json with no line here. At most
 * n; returns how many. cli_table_fields() fills the fields' cells.
 */
size_t cli_list_columns(struct cli_column *cols, size_t n,
    const struct cli_column *shown, size_t nshown,
    const struct model_field *fields);
/* A row of a list's shown: a field the list leaves out. */
#define CLI_LEFT_OUT(key)	{ key, NULL, CLI_TEXT, 0 }
/*
 * The cells of those fields of rec, after its id: a bool as yes/no (as
 * true/false for MODEL_FIELD_TRUTH), an enum as its word, a time (none
 * for a 0 MODEL_FIELD_NULL one).
 */
void cli_record_row(struct cli_table *t, const void *rec,
    const struct model_field *fields);
/* The cell of field f of rec, as cli_record_row() writes it. */
void cli_table_field(struct cli_table *t, const void *rec,
    const struct model_field *f);
/*
 * The row's next cells, field by field of rec, as long as the columns'
 * keys name fields of fields; the first column that names none is left
 * for the caller (a computed cell), who may call again after it.
 */
void cli_table_fields(struct cli_table *t, const void *rec,
    const struct model_field *fields);
/* A cell written by the caller instead: true if cell() wrote field f. */
typedef bool (*cli_record_cell_fn)(struct cli_table *t, const void *rec,
    const struct model_field *f);
/* cli_record_row(), asking cell() (NULL: none) first for each field. */
void cli_record_row_with(struct cli_table *t, const void *rec,
    const struct model_field *fields, cli_record_cell_fn cell);
/* The most columns a record has: its id and its table's fields. */
#define CLI_RECORD_MAX	32
/*
 * Make t a record of one row: rec, whose id is id, with the columns of
 * fields written into cols (CLI_RECORD_MAX of them, kept while t is).
 */
void cli_record_init(struct cli_table *t, struct cli_column *cols, int64_t id,
    const void *rec, const struct model_field *fields,
    cli_record_cell_fn cell);
/* Print all rows in ctx->format: table, csv, or a json array. */
void cli_table_print(const struct cli_ctx *ctx, const struct cli_table *t);
/*
 * The same, but a table of no rows is the line none instead of a header
 * over nothing ("nobody works then"); csv and json as cli_table_print().
 */
void cli_table_print_or(const struct cli_ctx *ctx, const struct cli_table *t,
    const char *none);
/*
 * Print row 0 as one record: "key: value" lines, a csv row, or a json
 * object. extra (json only, may be NULL) is merged into the object and
 * stolen.
 */
void cli_table_print_record(const struct cli_ctx *ctx,
    const struct cli_table *t, json_t *extra);
/*
 * Print row 0 of t as one record with the rows of list under it: a json
 * object holding them as an array named key, or the record and then the
 * list as a table (csv: the record only).
 */
void cli_table_print_record_list(const struct cli_ctx *ctx,
    const struct cli_table *t, const char *key, const struct cli_table *list);
struct cli_record_list {
	const char		*key;	/* json key */
	const char		*title;	/* N_() line above it in a table, or
					   NULL */
	const struct cli_table	*list;
};
/* As cli_table_print_record_list() for n lists; empty ones print no
 * table, but are [] in json. */
void cli_table_print_record_lists(const struct cli_ctx *ctx,
    const struct cli_table *t, const struct cli_record_list *lists,
    size_t n);
/* Row r as a json object of its CLI_DATA columns. The caller owns it. */
json_t *cli_table_json_row(const struct cli_table *t, size_t r);
/* Print j (stolen) as indented json to fp. */
void cli_out_json(json_t *j, FILE *fp);
/* Print a new id: "N" or {"id": N}. */
void cli_out_id(const struct cli_ctx *ctx, int64_t id);
/*
 * After an add that returned rc: the new id it set in *id printed (read
 * after the call, hence a pointer) and CLI_OK, or the error err says
 * (cli_fail()).
 */
int cli_out_added(const struct cli_ctx *ctx, int rc, const int64_t *id,
    struct err *err);
/* Print a message line for people (table format) to stdout. */
void cli_out_note(const struct cli_ctx *ctx, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Width of the output: the terminal's columns, else 80. */
size_t cli_out_width(void);

/* cli_file.c: whole files in and out */

struct cli_file {
	FILE		*fp;		/* write here */
	struct file_atomic file;	/* unless standard output, a device
					   or a pipe */
};

/*
 * Open path for writing (NULL or "-": standard output) through a
 * temporary file created 0600 beside it; a device or a pipe (/dev/null,
 * a FIFO) is written into directly. Returns 0, or -1 with ERR_IO.
 */
int cli_file_open(struct cli_file *f, const char *path, struct err *err);
/*
 * Finish f: with keep, flush and rename the temporary file over the target
 * (ERR_IO if writing failed, the target then untouched); without keep,
 * remove it. A file never opened does nothing.
 */
int cli_file_close(struct cli_file *f, bool keep, struct err *err);
/*
 * The whole of path ("-": standard input) with a NUL after its *len
 * bytes; the caller frees. NULL with err (ERR_INVALID if missing).
 */
char *cli_file_read(const char *path, size_t *len, struct err *err);

/* cli_csv_writer.c: every CSV rooster writes */

struct cli_csv_writer {
	FILE	*fp;
	char	 separator;	/* ',' or ';' */
	bool	 quote_all;	/* quote every field (--format csv) */
	bool	 terminal;	/* fp is a terminal: escape control characters */
	bool	 first;		/* no field yet on this row */
};

/*
 * Write CSV rows to fp with separator; quote_all quotes every field,
 * otherwise only those that need it.
 */
void cli_csv_writer_init(struct cli_csv_writer *w, FILE *fp, char separator,
    bool quote_all);
/*
 * One field (NULL: empty). A value a spreadsheet would take for a
 * formula, or one that starts with the guard, gets a ' in front, inside
 * the quotes; cli_csv_writer_is_guarded() tells a reader to drop it.
 */
void cli_csv_writer_field(struct cli_csv_writer *w, const char *s);
void cli_csv_writer_end_row(struct cli_csv_writer *w);
/* True if s starts as a spreadsheet formula (= + - @ TAB CR). */
bool cli_csv_writer_is_formula(const char *s);
/* True if s (a field read back) starts with the writer's guard. */
bool cli_csv_writer_is_guarded(const char *s);

/* cli_sheet.c: volunteer lists from spreadsheets (CSV through libcsv) */

/*
 * A column of a volunteer sheet: a field's row in volunteer_fields (any
 * field is a column, by its key or its Dutch name; the names here are
 * the first ones'), or the id.
 */
enum cli_sheet_column {
	CLI_SHEET_NAME = 0,
	CLI_SHEET_EMAIL,
	CLI_SHEET_PHONE,
	CLI_SHEET_SKILLS,
	CLI_SHEET_LANGUAGES,
	CLI_SHEET_MAX_PER_MONTH,
	CLI_SHEET_NOTES,
	CLI_SHEET_ACTIVE,
	CLI_SHEET_ID = 31,	/* read and ignored: rows match by e-mail */
	CLI_SHEET_NCOLUMNS
};

struct cli_sheet_record {
	char	**fields;	/* as read, NUL-terminated */
	size_t	  len;
	size_t	  cap;
	int	  line;		/* physical line the record starts on */
};

struct cli_sheet_problem {
	int	 line;
	char	*msg;		/* one line, may hold the file's text */
};

struct cli_sheet {
	struct cli_sheet_record	 *records;	/* the header is records[0] */
	size_t			  len;
	size_t			  cap;
	char			  separator;	/* ',' or ';' */
	struct cli_sheet_problem *problems;	/* in the order found */
	size_t			  nproblems;
	size_t			  capproblems;
};

/* Volunteers read from a sheet, ready for ops_import_volunteers(). */
struct cli_sheet_rows {
	struct volunteer_list	 rows;
	int			*lines;		/* line of each row */
	unsigned		 fields;	/* enum ops_import_field bits */
	char			*ignored;	/* unknown columns, or NULL */
};

/* The column a header cell names (English or Dutch, any case), or -1. */
int cli_sheet_column(const char *header);
/* "name", "email", ...: the column's name in messages. */
const char *cli_sheet_column_name(enum cli_sheet_column column);
void cli_sheet_init(struct cli_sheet *sheet);
void cli_sheet_fini(struct cli_sheet *sheet);
/*
 * Parse CSV data (len bytes, a UTF-8 BOM skipped) into records. The
 * separator is ';' if the first line holds more of them than commas.
 * Returns 0, or -1 with a problem added (not UTF-8, unclosed quote).
 */
int cli_sheet_read(struct cli_sheet *sheet, const char *data, size_t len);
/*
 * Turn the records after the header into volunteers in out (initialised
 * here; free with cli_sheet_rows_fini). Blank rows are skipped. Each row
 * is validated; every problem (unknown value, invalid row, same volunteer
 * twice, no name column) is added to sheet with its line. Returns 0, or
 * -1 if there are problems.
 */
int cli_sheet_volunteers(struct cli_sheet *sheet, struct cli_sheet_rows *out);
void cli_sheet_rows_fini(struct cli_sheet_rows *rows);

/* Command handlers, one file per noun. */
int cli_plan_init(struct cli_ctx *ctx);
int cli_plan_demo(struct cli_ctx *ctx);
int cli_plan_backup(struct cli_ctx *ctx);
int cli_plan_log(struct cli_ctx *ctx);
int cli_plan_undo(struct cli_ctx *ctx);
int cli_plan_restore(struct cli_ctx *ctx);
int cli_privacy_export(struct cli_ctx *ctx);
int cli_privacy_forget(struct cli_ctx *ctx);
/*
 * The rows json of a log line (store_log_entry.rows) as one line for
 * people: "events 3 title: 'A' -> 'B'; +assignments 12". The caller frees.
 */
char *cli_plan_changes(const char *rows);
int cli_event_add(struct cli_ctx *ctx);
int cli_event_list(struct cli_ctx *ctx);
int cli_event_show(struct cli_ctx *ctx);
int cli_event_edit(struct cli_ctx *ctx);
int cli_event_copy(struct cli_ctx *ctx);
int cli_event_cancel(struct cli_ctx *ctx);
int cli_event_delete(struct cli_ctx *ctx);
int cli_shift_add(struct cli_ctx *ctx);
int cli_shift_list(struct cli_ctx *ctx);
int cli_shift_show(struct cli_ctx *ctx);
int cli_shift_edit(struct cli_ctx *ctx);
int cli_shift_delete(struct cli_ctx *ctx);
int cli_volunteer_add(struct cli_ctx *ctx);
int cli_volunteer_list(struct cli_ctx *ctx);
int cli_volunteer_show(struct cli_ctx *ctx);
int cli_volunteer_edit(struct cli_ctx *ctx);
int cli_volunteer_delete(struct cli_ctx *ctx);
int cli_volunteer_unavailable(struct cli_ctx *ctx);
int cli_team_add(struct cli_ctx *ctx);
int cli_team_join(struct cli_ctx *ctx);
int cli_team_list(struct cli_ctx *ctx);
int cli_team_leave(struct cli_ctx *ctx);
int cli_team_delete(struct cli_ctx *ctx);
int cli_team_rename(struct cli_ctx *ctx);
int cli_assign_assign(struct cli_ctx *ctx);
int cli_assign_unassign(struct cli_ctx *ctx);
int cli_assign_respond(struct cli_ctx *ctx);
int cli_assign_attended(struct cli_ctx *ctx);
int cli_query_who(struct cli_ctx *ctx);
int cli_volunteer_token(struct cli_ctx *ctx);
int cli_export_ics(struct cli_ctx *ctx);
int cli_export_feeds(struct cli_ctx *ctx);
int cli_invite_invite(struct cli_ctx *ctx);
int cli_invite_offer(struct cli_ctx *ctx);
int cli_import_ics(struct cli_ctx *ctx);
int cli_import_mail(struct cli_ctx *ctx);

/* cli_config.c */

struct ops_config;
/*
 * Fill cfg (initialised here; the caller finis it) from the config file.
 * Unknown keys print a warning; returns CLI_OK, or prints one error line
 * and returns CLI_USAGE for a bad value (CLI_FAILED if unreadable); cfg
 * then holds nothing to free.
 */
int cli_config_load(struct ops_config *cfg);
/*
 * cli_config_load() for invites (offers when offer): the organizer's
 * e-mail address is needed too (cli_config_need_email()).
 */
int cli_config_load_organizer(struct ops_config *cfg, bool offer);
/*
 * CLI_OK when cfg names the organizer's e-mail address; else prints one
 * line naming the config file to put it in (invites, or offers when offer)
 * and returns CLI_USAGE.
 */
int cli_config_need_email(const struct ops_config *cfg, bool offer);
int cli_query_gaps(struct cli_ctx *ctx);
int cli_query_hours(struct cli_ctx *ctx);
int cli_conflict_list(struct cli_ctx *ctx);
int cli_suggest_list(struct cli_ctx *ctx);
int cli_csv_import(struct cli_ctx *ctx);
int cli_csv_export(struct cli_ctx *ctx);
/*
 * The columns of `export csv assignments` in order, into *out (the
 * caller frees it): assignment_fields' rows, and the volunteer's contact
 * (volunteer_fields flagged MODEL_FIELD_CONTACT) after volunteer_id;
 * then any stored assignment field with a Dutch name not yet there.
 * Returns how many.
 */
size_t cli_csv_assignment_fields(const struct model_field ***out);
/*
 * The columns of `shift show`'s people into cols (CLI_RECORD_MAX): who,
 * status and note, then every other field of assignment_fields but
 * attendance, hours and forced, in csv and json. Returns how many.
 */
size_t cli_shift_people_columns(struct cli_column *cols);
int cli_print(struct cli_ctx *ctx);
/* Append s to sb as HTML text: controls escaped, & < > " ' as entities. */
void cli_print_html_escape(struct strbuf *sb, const char *s);

/*
 * "2027-03-27 14:00-17:00" into buf, for tables; whole days (local
 * midnight to local midnight) as dates alone, "2027-03-27" or
 * "2027-03-27 - 2027-03-29".
 */
void cli_when(int64_t start, int64_t end, char *buf, size_t size);
/* The same for an event: an all-day one as its dates. */
void cli_when_event(const struct event *ev, char *buf, size_t size);
/*
 * cli_when() without the year ("03-13 18:00-21:00", "wo 13 mrt
 * 18:00-21:00"), and a shift past midnight shorter than a day with its
 * end's time alone ("03-13 22:00-02:00"): a CLI_BRIEF column's text.
 */
void cli_when_brief(int64_t start, int64_t end, char *buf, size_t size);
/* Two cells, start and end: times, or for an all-day event its first
 * and last day (dates, the end inclusive). */
void cli_event_span(struct cli_table *t, const struct event *ev);
/* Shared row builders (cli_query.c): the stable json shapes of DESIGN.md. */
extern const struct cli_column cli_event_columns[];
extern const size_t cli_event_ncolumns;
void cli_event_row(struct cli_table *t, const struct event *ev);
extern const struct cli_column cli_shift_columns[];
extern const size_t cli_shift_ncolumns;
void cli_shift_row(struct cli_table *t, const struct shift *sh);
/*
 * The same without the event's title and id, which `event show` gives once
 * above (json keeps event_id): its columns written into cols (at most n,
 * CLI_SHIFT_NCOLUMNS suffice), how many returned, and a row of them.
 */
#define CLI_SHIFT_NCOLUMNS	16
size_t cli_event_shift_columns(struct cli_column *cols, size_t n);
void cli_event_shift_row(struct cli_table *t, const struct shift *sh);
/*
 * A volunteer's shifts: the columns of a list of assignment_fields into
 * cols (CLI_RECORD_MAX; cli_list_columns(): the shown ones, then any
 * field but attendance, hours, forced and note in csv and json), how
 * many returned, and a row of them.
 */
size_t cli_assignment_list_columns(struct cli_column *cols);
void cli_assignment_row(struct cli_table *t, const struct assignment *a);

#endif /* ROOSTER_CLI_INT_H */
