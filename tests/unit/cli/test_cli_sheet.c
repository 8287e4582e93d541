/* SPDX-License-Identifier: ISC */
/*
 * int cli_sheet_column(const char *header);
 * int cli_sheet_read(struct cli_sheet *sheet, const char *data, size_t len);
 * int cli_sheet_volunteers(struct cli_sheet *sheet,
 *     struct cli_sheet_rows *out);
 * Header names match in English and Dutch, any case and punctuation; the
 * reader finds the separator, skips a BOM and knows the line each record
 * starts on; every bad row becomes a problem with its line. Each field
 * of volunteer_fields is a column, found by its key or Dutch name.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../../src/cli/cli_int.h"
#include "rooster/ops.h"

static void
test_column_null_and_unknown(void **state)
{
	(void)state;
	assert_int_equal(cli_sheet_column(NULL), -1);
	assert_int_equal(cli_sheet_column(""), -1);
	assert_int_equal(cli_sheet_column("adres"), -1);
	assert_int_equal(cli_sheet_column("emial"), -1);
	assert_int_equal(cli_sheet_column("names"), -1);
}

static void
test_column_english_any_case(void **state)
{
	(void)state;
	assert_int_equal(cli_sheet_column("name"), CLI_SHEET_NAME);
	assert_int_equal(cli_sheet_column("NAME"), CLI_SHEET_NAME);
	assert_int_equal(cli_sheet_column("E-mail"), CLI_SHEET_EMAIL);
	assert_int_equal(cli_sheet_column("email"), CLI_SHEET_EMAIL);
	assert_int_equal(cli_sheet_column("Phone"), CLI_SHEET_PHONE);
	assert_int_equal(cli_sheet_column("Skills"), CLI_SHEET_SKILLS);
	assert_int_equal(cli_sheet_column("languages"),
	    CLI_SHEET_LANGUAGES);
	assert_int_equal(cli_sheet_column("max-per-month"),
	    CLI_SHEET_MAX_PER_MONTH);
	assert_int_equal(cli_sheet_column("Max per month"),
	    CLI_SHEET_MAX_PER_MONTH);
	assert_int_equal(cli_sheet_column("max_per_month"),
	    CLI_SHEET_MAX_PER_MONTH);
	assert_int_equal(cli_sheet_column("Notes"), CLI_SHEET_NOTES);
	assert_int_equal(cli_sheet_column("id"), CLI_SHEET_ID);
}

static void
test_column_dutch(void **state)
{
	(void)state;
	assert_int_equal(cli_sheet_column("Naam"), CLI_SHEET_NAME);
	assert_int_equal(cli_sheet_column("e-mailadres"), CLI_SHEET_EMAIL);
	assert_int_equal(cli_sheet_column("Telefoon"), CLI_SHEET_PHONE);
	assert_int_equal(cli_sheet_column("telefoonnummer"), CLI_SHEET_PHONE);
	assert_int_equal(cli_sheet_column("Vaardigheden"), CLI_SHEET_SKILLS);
	assert_int_equal(cli_sheet_column("TALEN"), CLI_SHEET_LANGUAGES);
	assert_int_equal(cli_sheet_column("Max per maand"),
	    CLI_SHEET_MAX_PER_MONTH);
	assert_int_equal(cli_sheet_column("max-per-maand"),
	    CLI_SHEET_MAX_PER_MONTH);
	assert_int_equal(cli_sheet_column("Notities"), CLI_SHEET_NOTES);
	assert_int_equal(cli_sheet_column("Opmerkingen"), CLI_SHEET_NOTES);
	assert_int_equal(cli_sheet_column(" actief "), CLI_SHEET_ACTIVE);
}

/* Read s and turn it into rows; returns cli_sheet_volunteers' result. */
static int
sheet_rows(struct cli_sheet *sheet, struct cli_sheet_rows *rows,
    const char *s)
{
	cli_sheet_init(sheet);
	memset(rows, 0, sizeof *rows);
	if (cli_sheet_read(sheet, s, strlen(s)) < 0)
		return -2;
	return cli_sheet_volunteers(sheet, rows);
}

/*
 * Every field of volunteer_fields is a column by its key and by its
 * Dutch name, named in messages by its key, and a sheet holding it sets
 * the field's import bit: a field added to the table is imported with no
 * line in cli_sheet.c.
 */
static void
test_column_every_field(void **state)
{
	const struct model_field *f;
	struct cli_sheet sheet;
	struct cli_sheet_rows rows;
	char data[256], want[64], *p;
	int col;

	(void)state;
	for (f = volunteer_fields; f->key != NULL; f++) {
		col = (int)(f - volunteer_fields);
		assert_int_equal(cli_sheet_column(f->key), col);
		assert_non_null(f->dutch);
		assert_int_equal(cli_sheet_column(f->dutch), col);
		snprintf(want, sizeof want, "%s", f->key);
		for (p = want; (p = strchr(p, '_')) != NULL; p++)
			*p = '-';
		assert_string_equal(cli_sheet_column_name(
		    (enum cli_sheet_column)col), want);
		if (col == CLI_SHEET_NAME)
			continue;
		snprintf(data, sizeof data, "name,%s\nAna,\n", f->dutch);
		cli_sheet_init(&sheet);
		assert_int_equal(cli_sheet_read(&sheet, data, strlen(data)), 0);
		assert_int_equal(cli_sheet_volunteers(&sheet, &rows), 0);
		assert_int_equal(rows.fields, ops_import_field_bit(f));
		cli_sheet_rows_fini(&rows);
		cli_sheet_fini(&sheet);
	}
	assert_int_equal(ops_import_field_bit(model_field_find(
	    volunteer_fields, "email")), OPS_IMPORT_EMAIL);
	assert_string_equal(cli_sheet_column_name(CLI_SHEET_ID), "id");
}

static void
test_read_separator_bom_lines(void **state)
{
	struct cli_sheet sheet;
	const char *s = "\xef\xbb\xbfnaam;notities\r\n"
	    "\"A, B\";\"one\ntwo\nthree\"\r\n"
	    "\r\n"
	    "C;x\r\n";

	(void)state;
	cli_sheet_init(&sheet);
	assert_int_equal(cli_sheet_read(&sheet, s, strlen(s)), 0);
	assert_int_equal(sheet.separator, ';');
	assert_int_equal(sheet.len, 3);
	assert_string_equal(sheet.records[0].fields[0], "naam");
	assert_int_equal(sheet.records[1].line, 2);
	assert_string_equal(sheet.records[1].fields[0], "A, B");
	assert_string_equal(sheet.records[1].fields[1], "one\ntwo\nthree");
	/* Three lines of a quoted field and a blank line later. */
	assert_int_equal(sheet.records[2].line, 6);
	cli_sheet_fini(&sheet);
}

static void
test_read_comma_wins_a_tie(void **state)
{
	struct cli_sheet sheet;
	const char *s = "name,\"a;b\"\nx,y\n";

	(void)state;
	cli_sheet_init(&sheet);
	assert_int_equal(cli_sheet_read(&sheet, s, strlen(s)), 0);
	assert_int_equal(sheet.separator, ',');
	assert_int_equal(sheet.records[0].len, 2);
	cli_sheet_fini(&sheet);
}

static void
test_read_unclosed_quote(void **state)
{
	struct cli_sheet sheet;
	const char *s = "name\nok\n\"open\nmore\n";

	(void)state;
	cli_sheet_init(&sheet);
	assert_int_equal(cli_sheet_read(&sheet, s, strlen(s)), -1);
	assert_int_equal(sheet.nproblems, 1);
	assert_int_equal(sheet.problems[0].line, 3);
	cli_sheet_fini(&sheet);
}

static void
test_read_not_utf8(void **state)
{
	struct cli_sheet sheet;
	const char *s = "name\nok\nJos\xe9\n";

	(void)state;
	cli_sheet_init(&sheet);
	assert_int_equal(cli_sheet_read(&sheet, s, strlen(s)), -1);
	assert_int_equal(sheet.problems[0].line, 3);
	assert_non_null(strstr(sheet.problems[0].msg, "UTF-8"));
	cli_sheet_fini(&sheet);
}

static void
test_rows_good(void **state)
{
	struct cli_sheet sheet;
	struct cli_sheet_rows rows;
	const char *s = "Naam,E-mail,Max per maand,Actief,adres,id\n"
	    "  Ana  ,ana@example.org,3,nee,Straat 1,7\n"
	    ",,,,,\n"
	    "'=Bob,,,,,\n";

	(void)state;
	assert_int_equal(sheet_rows(&sheet, &rows, s), 0);
	assert_int_equal(sheet.nproblems, 0);
	assert_int_equal(rows.rows.len, 2);
	assert_string_equal(rows.rows.items[0].name, "Ana");
	assert_string_equal(rows.rows.items[0].email, "ana@example.org");
	assert_int_equal(rows.rows.items[0].max_per_month, 3);
	assert_false(rows.rows.items[0].active);
	assert_int_equal(rows.lines[0], 2);
	/* The ' guarding a formula is dropped; the blank row skipped. */
	assert_string_equal(rows.rows.items[1].name, "=Bob");
	assert_int_equal(rows.lines[1], 4);
	assert_int_equal(rows.fields, OPS_IMPORT_EMAIL |
	    OPS_IMPORT_MAX_PER_MONTH | OPS_IMPORT_ACTIVE);
	assert_string_equal(rows.ignored, "'adres'");
	cli_sheet_rows_fini(&rows);
	cli_sheet_fini(&sheet);
}

/* True if sheet has a problem on line whose message holds text. */
static bool
has_problem(const struct cli_sheet *sheet, int line, const char *text)
{
	size_t i;

	for (i = 0; i < sheet->nproblems; i++)
		if (sheet->problems[i].line == line &&
		    strstr(sheet->problems[i].msg, text) != NULL)
			return true;
	return false;
}

static void
test_rows_every_problem_with_its_line(void **state)
{
	struct cli_sheet sheet;
	struct cli_sheet_rows rows;
	const char *s = "name;email;max-per-month;active;notes\n"
	    "Good;good@example.org;1;ja;\n"
	    ";empty@example.org;1;;\n"
	    "Bad Mail;bad@@example;1;;\n"
	    "Many;many@example.org;lots;;\"two\nlines\"\n"
	    "Active;active@example.org;1;misschien;\n"
	    "Twice;GOOD@example.org;1;;\n"
	    "Wide;wide@example.org;1;;;extra\n"
	    "\"Line\nbreak\";lb@example.org;;;\n";

	(void)state;
	assert_int_equal(sheet_rows(&sheet, &rows, s), -1);
	assert_true(has_problem(&sheet, 3, "name is empty"));
	assert_true(has_problem(&sheet, 4, "bad@@example"));
	assert_true(has_problem(&sheet, 5, "'lots'"));
	assert_true(has_problem(&sheet, 7, "'misschien'"));
	assert_true(has_problem(&sheet, 8, "also on line 2"));
	assert_true(has_problem(&sheet, 9, "6 fields"));
	assert_true(has_problem(&sheet, 10, "line break"));
	assert_int_equal(sheet.nproblems, 7);
	cli_sheet_rows_fini(&rows);
	cli_sheet_fini(&sheet);
}

static void
test_rows_header_problems(void **state)
{
	struct cli_sheet sheet;
	struct cli_sheet_rows rows;

	(void)state;
	assert_int_equal(sheet_rows(&sheet, &rows, ""), -1);
	assert_true(has_problem(&sheet, 1, "empty"));
	cli_sheet_rows_fini(&rows);
	cli_sheet_fini(&sheet);
	assert_int_equal(sheet_rows(&sheet, &rows, "email,phone\na@b.nl,1\n"),
	    -1);
	assert_true(has_problem(&sheet, 1, "no name column"));
	cli_sheet_rows_fini(&rows);
	cli_sheet_fini(&sheet);
	assert_int_equal(sheet_rows(&sheet, &rows, "name,naam\nA,B\n"), -1);
	assert_true(has_problem(&sheet, 1, "columns 1 and 2 both hold the "
	    "name"));
	cli_sheet_rows_fini(&rows);
	cli_sheet_fini(&sheet);
}

/* The problem on line of sheet that holds text, or NULL. */
static const char *
problem_with(const struct cli_sheet *sheet, int line, const char *text)
{
	size_t i;

	for (i = 0; i < sheet->nproblems; i++)
		if (sheet->problems[i].line == line &&
		    strstr(sheet->problems[i].msg, text) != NULL)
			return sheet->problems[i].msg;
	return NULL;
}

/* The columns a sheet without names is told of are volunteer_fields'. */
static void
test_rows_no_name_lists_the_fields(void **state)
{
	const struct model_field *f;
	struct cli_sheet sheet;
	struct cli_sheet_rows rows;
	const char *msg;
	char key[64], *p;

	(void)state;
	assert_int_equal(sheet_rows(&sheet, &rows, "email\na@b.nl\n"), -1);
	msg = problem_with(&sheet, 1, "no name column");
	assert_non_null(msg);
	for (f = volunteer_fields; f->key != NULL; f++) {
		snprintf(key, sizeof key, "%s", f->key);
		for (p = key; (p = strchr(p, '_')) != NULL; p++)
			*p = '-';
		/* `volunteer add` takes all but --active. */
		if (strcmp(f->key, "active") == 0) {
			assert_null(strstr(msg, f->dutch));
			continue;
		}
		assert_non_null(strstr(msg, key));
		assert_non_null(strstr(msg, f->dutch));
	}
	cli_sheet_rows_fini(&rows);
	cli_sheet_fini(&sheet);
}

/* A whole number out of its field's bounds is told them (and its hint). */
static void
test_rows_number_bounds_from_the_field(void **state)
{
	const struct model_field *f;
	struct cli_sheet sheet;
	struct cli_sheet_rows rows;
	const char *msg;
	char data[128], want[128];
	int n = 0;

	(void)state;
	for (f = volunteer_fields; f->key != NULL; f++) {
		if (f->kind != MODEL_FIELD_INT)
			continue;
		n++;
		snprintf(data, sizeof data, "name,%s\nA,%d\n", f->key,
		    f->max + 1);
		assert_int_equal(sheet_rows(&sheet, &rows, data), -1);
		msg = problem_with(&sheet, 2, f->what);
		assert_non_null(msg);
		if (f->hint != NULL)
			snprintf(want, sizeof want, "from %d (%s) to %d",
			    f->min, f->hint, f->max);
		else
			snprintf(want, sizeof want, "from %d to %d", f->min,
			    f->max);
		assert_non_null(strstr(msg, want));
		cli_sheet_rows_fini(&rows);
		cli_sheet_fini(&sheet);
	}
	assert_true(n > 0);
}

static void
test_rows_same_name_without_email(void **state)
{
	struct cli_sheet sheet;
	struct cli_sheet_rows rows;

	(void)state;
	assert_int_equal(sheet_rows(&sheet, &rows,
	    "name,email\nJan,\njan,\nJan,jan@example.org\n"), -1);
	assert_int_equal(sheet.nproblems, 1);
	assert_true(has_problem(&sheet, 3, "also on line 2"));
	cli_sheet_rows_fini(&rows);
	cli_sheet_fini(&sheet);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_column_null_and_unknown),
		cmocka_unit_test(test_column_english_any_case),
		cmocka_unit_test(test_column_dutch),
		cmocka_unit_test(test_column_every_field),
		cmocka_unit_test(test_read_separator_bom_lines),
		cmocka_unit_test(test_read_comma_wins_a_tie),
		cmocka_unit_test(test_read_unclosed_quote),
		cmocka_unit_test(test_read_not_utf8),
		cmocka_unit_test(test_rows_good),
		cmocka_unit_test(test_rows_every_problem_with_its_line),
		cmocka_unit_test(test_rows_header_problems),
		cmocka_unit_test(test_rows_no_name_lists_the_fields),
		cmocka_unit_test(test_rows_number_bounds_from_the_field),
		cmocka_unit_test(test_rows_same_name_without_email),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
