/* SPDX-License-Identifier: ISC */
/*
 * libFuzzer target: the CSV writer against the reader. The input gives a
 * volunteer's name, phone and notes (split at NUL bytes; the first byte
 * picks the English or the Dutch file); a volunteer the model accepts is
 * written as `export csv volunteers` writes it (BOM, header, CRLF, the
 * formula guard) and read back as `import csv` reads it, which must give
 * the same three values. Anything else aborts. Left out: a name or phone
 * holding a control character, which the model takes on the command line
 * but import csv refuses on purpose (a line break in a name cell is a
 * broken sheet); notes may hold any.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/cli/cli_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const fuzz_csvround_english[] = { "id", "name", "email",
    "phone", "skills", "languages", "max_per_month", "notes", "active" };
static const char *const fuzz_csvround_dutch[] = { "id", "naam", "e-mail",
    "telefoon", "vaardigheden", "talen", "max-per-maand", "notities",
    "actief" };

/* The next NUL-terminated piece of data, as a string. */
static char *
fuzz_csvround_piece(const uint8_t **data, size_t *size)
{
	const uint8_t *end = memchr(*data, '\0', *size);
	size_t n = end != NULL ? (size_t)(end - *data) : *size;
	char *s = xmalloc(n + 1);

	memcpy(s, *data, n);
	s[n] = '\0';
	*data += n < *size ? n + 1 : n;
	*size -= n < *size ? n + 1 : n;
	return s;
}

static bool
fuzz_csvround_has_control(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return true;
	return false;
}

static bool
fuzz_csvround_same(const char *a, const char *b)
{
	return strcmp(a != NULL ? a : "", b != NULL ? b : "") == 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *const *head;
	struct cli_csv_writer w;
	struct cli_sheet sheet;
	struct cli_sheet_rows rows;
	struct volunteer v;
	struct err err;
	char *buf = NULL;
	size_t len = 0, i;
	bool dutch;
	FILE *fp;

	if (size < 1)
		return 0;
	dutch = data[0] & 1;
	data++;
	size--;
	volunteer_init(&v);
	v.name = fuzz_csvround_piece(&data, &size);
	v.phone = fuzz_csvround_piece(&data, &size);
	v.notes = fuzz_csvround_piece(&data, &size);
	v.active = true;
	err_clear(&err);
	if (volunteer_validate(&v, &err) < 0 ||
	    fuzz_csvround_has_control(v.name) ||
	    fuzz_csvround_has_control(v.phone)) {
		volunteer_fini(&v);
		return 0;
	}
	if ((fp = open_memstream(&buf, &len)) == NULL)
		abort();
	head = dutch ? fuzz_csvround_dutch : fuzz_csvround_english;
	fputs("\xef\xbb\xbf", fp);
	cli_csv_writer_init(&w, fp, dutch ? ';' : ',', false);
	for (i = 0; i < 9; i++)
		cli_csv_writer_field(&w, head[i]);
	cli_csv_writer_end_row(&w);
	cli_csv_writer_field(&w, "1");
	cli_csv_writer_field(&w, v.name);
	cli_csv_writer_field(&w, "");
	cli_csv_writer_field(&w, v.phone);
	cli_csv_writer_field(&w, "");
	cli_csv_writer_field(&w, "");
	cli_csv_writer_field(&w, "0");
	cli_csv_writer_field(&w, v.notes);
	cli_csv_writer_field(&w, dutch ? "ja" : "yes");
	cli_csv_writer_end_row(&w);
	fclose(fp);
	cli_sheet_init(&sheet);
	memset(&rows, 0, sizeof rows);
	if (cli_sheet_read(&sheet, buf, len) < 0 ||
	    cli_sheet_volunteers(&sheet, &rows) < 0) {
		fprintf(stderr, "rooster's own CSV does not import: %s\n%s\n",
		    sheet.nproblems > 0 ? sheet.problems[0].msg : "?",
		    buf);
		abort();
	}
	if (rows.rows.len != 1 ||
	    !fuzz_csvround_same(rows.rows.items[0].name, v.name) ||
	    !fuzz_csvround_same(rows.rows.items[0].phone, v.phone) ||
	    !fuzz_csvround_same(rows.rows.items[0].notes, v.notes)) {
		fprintf(stderr, "imported differs from exported:\n%s\n", buf);
		abort();
	}
	cli_sheet_rows_fini(&rows);
	cli_sheet_fini(&sheet);
	free(buf);
	volunteer_fini(&v);
	return 0;
}
