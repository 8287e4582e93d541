/* SPDX-License-Identifier: ISC */
/*
 * `rooster import csv` and `rooster export csv`: volunteer lists in from
 * spreadsheets (cli_sheet.c reads them, ops_import_volunteers writes them
 * in one transaction) and volunteers or assignments out as RFC 4180 files
 * that LibreOffice and Excel open right: UTF-8 with a BOM, CRLF, and with
 * --dutch a semicolon, Dutch headers and a decimal comma.
 */
#include "cli_int.h"

#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rooster/ops.h"

/* Print every problem as "line N: ..." and the closing error line. */
static int
cli_csv_problems(const char *path, struct cli_sheet *sheet)
{
	char *clean;
	size_t i;

	/* By line, each line's in the order found (insertion sort is
	 * stable, and the list is short). */
	for (i = 1; i < sheet->nproblems; i++) {
		struct cli_sheet_problem p = sheet->problems[i];
		size_t j = i;

		for (; j > 0 && sheet->problems[j - 1].line > p.line; j--)
			sheet->problems[j] = sheet->problems[j - 1];
		sheet->problems[j] = p;
	}
	for (i = 0; i < sheet->nproblems; i++) {
		clean = text_sanitize(sheet->problems[i].msg);
		fprintf(stderr, _("line %d: %s\n"), sheet->problems[i].line,
		    clean);
		free(clean);
	}
	clean = text_sanitize(path);
	if (sheet->nproblems == 1)
		fprintf(stderr, _("rooster: %s: nothing imported: 1 problem "
		    "(fix the line above and import again)\n"), clean);
	else
		fprintf(stderr, _("rooster: %s: nothing imported: %zu problems "
		    "(fix the lines above and import again)\n"), clean,
		    sheet->nproblems);
	free(clean);
	return CLI_USAGE;
}

static const char *
cli_csv_action_name(enum ops_import_action action, bool dry_run)
{
	switch (action) {
	case OPS_IMPORT_ADDED:
		return dry_run ? "add" : "added";
	case OPS_IMPORT_UPDATED:
		return dry_run ? "update" : "updated";
	case OPS_IMPORT_UNCHANGED:
		break;
	}
	return "unchanged";
}

static void
cli_csv_import_report(struct cli_ctx *ctx, const struct cli_sheet_rows *in,
    const enum ops_import_action *actions,
    const struct ops_import_result *res, bool dry_run)
{
	static const struct cli_column row_cols[] = {
		{ "line", N_("LINE"), CLI_INT, CLI_BOTH },
		{ "action", N_("ACTION"), CLI_TEXT, CLI_BOTH },
		{ "id", N_("ID"), CLI_INT, CLI_BOTH },
		{ "name", N_("NAME"), CLI_TEXT, CLI_BOTH | CLI_FLEX },
	};
	static const struct cli_column sum_cols[] = {
		{ "added", N_("ADDED"), CLI_INT, CLI_BOTH },
		{ "updated", N_("UPDATED"), CLI_INT, CLI_BOTH },
		{ "unchanged", N_("UNCHANGED"), CLI_INT, CLI_BOTH },
		{ "dry_run", N_("DRY RUN"), CLI_INT, CLI_BOTH },
	};
	struct cli_table rows, sum;
	json_t *arr, *extra;
	size_t i;

	cli_table_init(&rows, row_cols, sizeof row_cols / sizeof row_cols[0]);
	for (i = 0; i < in->rows.len; i++) {
		cli_table_row(&rows);
		cli_table_int(&rows, in->lines[i]);
		cli_table_word(&rows, cli_csv_action_name(actions[i],
		    dry_run));
		cli_table_int(&rows, in->rows.items[i].id);
		cli_table_text(&rows, in->rows.items[i].name);
	}
	switch (ctx->format) {
	case CLI_FORMAT_TABLE:
		if (in->ignored != NULL)
			cli_out_note(ctx, _("ignored columns: %s"),
			    in->ignored);
		if (dry_run) {
			if (rows.nrows > 0)
				cli_table_print(ctx, &rows);
			cli_out_note(ctx, _("dry run, nothing changed: would "
			    "add %zu, update %zu, leave %zu unchanged"),
			    res->added, res->updated, res->unchanged);
		} else
			cli_out_note(ctx, _("added %zu, updated %zu, unchanged "
			    "%zu"), res->added, res->updated, res->unchanged);
		break;
	case CLI_FORMAT_CSV:
		cli_table_print(ctx, &rows);
		break;
	case CLI_FORMAT_JSON:
		cli_table_init(&sum, sum_cols,
		    sizeof sum_cols / sizeof sum_cols[0]);
		cli_table_row(&sum);
		cli_table_int(&sum, (int64_t)res->added);
		cli_table_int(&sum, (int64_t)res->updated);
		cli_table_int(&sum, (int64_t)res->unchanged);
		cli_table_int(&sum, dry_run);
		arr = json_array();
		for (i = 0; i < rows.nrows; i++)
			json_array_append_new(arr, cli_table_json_row(&rows,
			    i));
		extra = json_object();
		json_object_set_new(extra, "rows", arr);
		cli_table_print_record(ctx, &sum, extra);
		cli_table_fini(&sum);
		break;
	}
	cli_table_fini(&rows);
}

int
cli_csv_import(struct cli_ctx *ctx)
{
	const char *file = cli_arg(ctx, "file");
	bool dry_run = cli_arg_seen(ctx, "--dry-run");
	struct ops_import_result res;
	enum ops_import_action *actions = NULL;
	struct cli_sheet_rows rows;
	struct cli_sheet sheet;
	struct err err;
	char *data;
	size_t len;
	int rc = CLI_OK, read_rc, vol_rc;

	err_clear(&err);
	if ((data = cli_file_read(file, &len, &err)) == NULL)
		return cli_fail(&err);
	cli_sheet_init(&sheet);
	memset(&rows, 0, sizeof rows);
	/*
	 * A record that cannot be read (an unclosed quote at the end) does
	 * not hide the bad rows above it: the records read are checked too,
	 * and every problem is listed in one go, by line.
	 */
	read_rc = cli_sheet_read(&sheet, data, len);
	vol_rc = read_rc == 0 || sheet.len > 0 ?
	    cli_sheet_volunteers(&sheet, &rows) : -1;
	if (read_rc < 0 || vol_rc < 0) {
		rc = cli_csv_problems(file, &sheet);
		goto out;
	}
	actions = xcalloc(rows.rows.len + 1, sizeof *actions);
	if (ops_import_volunteers(ctx->st, &rows.rows, rows.fields,
	    dry_run, actions, &res, &err) < 0) {
		rc = cli_fail(&err);
		goto out;
	}
	cli_csv_import_report(ctx, &rows, actions, &res, dry_run);
out:
	free(actions);
	cli_sheet_rows_fini(&rows);
	cli_sheet_fini(&sheet);
	free(data);
	return rc;
}

/* Where an export goes and how it separates things. */
struct cli_csv_out {
	struct cli_csv_writer w;
	FILE	*fp;
	bool	 dutch;		/* Dutch headers, ja/nee, decimal comma */
};

static void
cli_csv_put(struct cli_csv_out *o, const char *s)
{
	cli_csv_writer_field(&o->w, s);
}

static void
cli_csv_put_int(struct cli_csv_out *o, int64_t v)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%lld", (long long)v);
	cli_csv_put(o, buf);
}

static void
cli_csv_put_time(struct cli_csv_out *o, int64_t t)
{
	char buf[32];

	/* "2027-03-27 14:00": LibreOffice and Excel read it as a date. */
	rtime_format_when(t, buf, sizeof buf);
	cli_csv_put(o, buf);
}

static void
cli_csv_end_row(struct cli_csv_out *o)
{
	cli_csv_writer_end_row(&o->w);
}

/* One cell of field f of rec (a NULL rec: empty). */
static void
cli_csv_put_field(struct cli_csv_out *o, const void *rec,
    const struct model_field *f)
{
	const struct assignment *a = rec;
	char hours[32], *comma;

	if (rec == NULL)
		cli_csv_put(o, "");
	else if (f->kind == MODEL_FIELD_INT)
		cli_csv_put_int(o, model_field_int(rec, f));
	else if (f->kind == MODEL_FIELD_BOOL)
		cli_csv_put(o, model_field_int(rec, f) ?
		    (o->dutch ? "ja" : "yes") : (o->dutch ? "nee" : "no"));
	else if (f->kind == MODEL_FIELD_ID)
		cli_csv_put_int(o, model_field_int64(rec, f));
	else if (f->kind == MODEL_FIELD_TIME)
		cli_csv_put_time(o, model_field_int64(rec, f));
	else if (f->kind == MODEL_FIELD_ENUM)
		cli_csv_put(o, model_field_name(rec, f));
	else if (f->kind == MODEL_FIELD_REAL) {
		/* The assignment's hours (the one real), once attendance is
		 * known, with a decimal comma in Dutch. */
		hours[0] = '\0';
		if (a->attendance != ATTENDANCE_UNKNOWN)
			snprintf(hours, sizeof hours, "%.2f",
			    model_field_real(rec, f));
		if (o->dutch && (comma = strchr(hours, '.')) != NULL)
			*comma = ',';
		cli_csv_put(o, hours);
	} else
		cli_csv_put(o, model_field_text(rec, f));
}

static int
cli_csv_volunteers(struct cli_ctx *ctx, struct cli_csv_out *o,
    struct err *err)
{
	const struct model_field *f;
	struct volunteer_list list = { 0 };
	const struct volunteer *v;
	size_t i;

	if (store_volunteer_list(ctx->st, NULL, NULL, &list, err) < 0)
		return -1;
	/* One column a field of volunteer_fields, after the id. */
	cli_csv_put(o, "id");
	for (f = volunteer_fields; f->key != NULL; f++)
		cli_csv_put(o, o->dutch ? f->dutch : f->key);
	cli_csv_end_row(o);
	for (i = 0; i < list.len; i++) {
		v = &list.items[i];
		cli_csv_put_int(o, v->id);
		for (f = volunteer_fields; f->key != NULL; f++)
			cli_csv_put_field(o, v, f);
		cli_csv_end_row(o);
	}
	volunteer_list_free(&list);
	return 0;
}

static int
cli_csv_by_id(const void *a, const void *b)
{
	const struct volunteer *const *x = a, *const *y = b;

	return (*x)->id < (*y)->id ? -1 : (*x)->id > (*y)->id;
}

/*
 * The columns of `export csv assignments`, each a row of an entity's
 * table (its key the English header, its dutch the Dutch one): the
 * assignment's, and at the NULL key its volunteer's contact, the rows of
 * volunteer_fields flagged MODEL_FIELD_CONTACT (name, e-mail, phone).
 * Sheets and scripts read these by place: any other stored assignment
 * field with a Dutch name (not forced) follows them, in table order.
 */
static const char *const cli_csv_assignment_columns[] = {
	"shift_id", "event", "role", "start", "end", "volunteer_id", NULL,
	"status", "attendance", "hours", "note"
};

size_t
cli_csv_assignment_fields(const struct model_field ***out)
{
	const size_t nlayout = sizeof cli_csv_assignment_columns /
	    sizeof cli_csv_assignment_columns[0];
	const struct model_field *f;
	size_t i, n = 0;

	/* The layout with its contact marker spelled out, then the rest. */
	for (f = volunteer_fields; f->key != NULL; f++)
		n++;
	for (f = assignment_fields; f->key != NULL; f++)
		n++;
	*out = xcalloc(nlayout + n, sizeof **out);
	n = 0;
	for (i = 0; i < nlayout; i++)
		if (cli_csv_assignment_columns[i] != NULL)
			(*out)[n++] = model_field_find(assignment_fields,
			    cli_csv_assignment_columns[i]);
		else
			for (f = volunteer_fields; f->key != NULL; f++)
				if (f->flags & MODEL_FIELD_CONTACT)
					(*out)[n++] = f;
	for (f = assignment_fields; f->key != NULL; f++) {
		if ((f->flags & MODEL_FIELD_DERIVED) || f->dutch == NULL)
			continue;
		for (i = 0; i < n && (*out)[i] != f; i++)
			;
		if (i == n)
			(*out)[n++] = f;
	}
	return n;
}

static int
cli_csv_assignments(struct cli_ctx *ctx, struct cli_csv_out *o,
    const struct store_range *range, struct err *err)
{
	const struct model_field **fields;
	struct volunteer_list vols = { 0 };
	struct assignment_list list = { 0 };
	const struct assignment *a;
	struct volunteer key, *keyp = &key, **byid = NULL, **hit;
	size_t i, c, ncols;
	int rc = -1;

	ncols = cli_csv_assignment_fields(&fields);
	if (store_volunteer_list(ctx->st, NULL, NULL, &vols, err) < 0 ||
	    store_assignment_list_range(ctx->st, range, &list, err) < 0)
		goto out;
	byid = xcalloc(vols.len + 1, sizeof *byid);
	for (i = 0; i < vols.len; i++)
		byid[i] = &vols.items[i];
	xsort(byid, vols.len, sizeof *byid, cli_csv_by_id);
	for (c = 0; c < ncols; c++)
		cli_csv_put(o, o->dutch ? fields[c]->dutch : fields[c]->key);
	cli_csv_end_row(o);
	for (i = 0; i < list.len; i++) {
		a = &list.items[i];
		key.id = a->volunteer_id;
		hit = xbsearch(&keyp, byid, vols.len, sizeof *byid,
		    cli_csv_by_id);
		for (c = 0; c < ncols; c++)
			cli_csv_put_field(o, !(fields[c]->flags &
			    MODEL_FIELD_CONTACT) ? (const void *)a :
			    hit != NULL ? (const void *)*hit : NULL,
			    fields[c]);
		cli_csv_end_row(o);
	}
	rc = 0;
out:
	free(fields);
	free(byid);
	volunteer_list_free(&vols);
	assignment_list_free(&list);
	return rc;
}

int
cli_csv_export(struct cli_ctx *ctx)
{
	const char *what = cli_arg(ctx, "what");
	struct store_range range = { 0 };
	struct cli_csv_out o;
	struct cli_file f;
	struct err err;
	bool volunteers;
	int rc;

	err_clear(&err);
	if (strcmp(what, "volunteers") == 0)
		volunteers = true;
	else if (strcmp(what, "assignments") == 0)
		volunteers = false;
	else
		return cli_usage_error(ctx, _("cannot export '%s' (use "
		    "volunteers or assignments)"), what);
	if (volunteers && (cli_arg_seen(ctx, "--from") ||
	    cli_arg_seen(ctx, "--to")))
		return cli_usage_error(ctx, _("--from and --to are for "
		    "assignments"));
	if (cli_args_range(ctx, &range.from, &range.to) < 0)
		return CLI_USAGE;
	if (cli_file_open(&f, cli_arg(ctx, "--output"), &err) < 0)
		return cli_fail(&err);
	memset(&o, 0, sizeof o);
	o.fp = f.fp;
	o.dutch = cli_arg_seen(ctx, "--dutch");
	cli_csv_writer_init(&o.w, f.fp, o.dutch ? ';' : ',', false);
	/* The BOM tells spreadsheets the file is UTF-8. */
	fputs("\xef\xbb\xbf", o.fp);
	rc = volunteers ? cli_csv_volunteers(ctx, &o, &err) :
	    cli_csv_assignments(ctx, &o, &range, &err);
	if (cli_file_close(&f, rc == 0, rc == 0 ? &err : NULL) < 0 ||
	    rc < 0)
		return cli_fail(&err);
	return CLI_OK;
}
