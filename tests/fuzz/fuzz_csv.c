/* SPDX-License-Identifier: ISC */
/*
 * libFuzzer target: the volunteer importer. The input is a spreadsheet
 * (CSV): it is parsed (cli_sheet_read), turned into volunteers with every
 * row checked (cli_sheet_volunteers), and, when clean, imported as a dry
 * run into an in-memory plan that holds one volunteer to match against,
 * so the matching code runs too without any write.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/cli/cli_int.h"
#include "rooster/ops.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct store *fuzz_csv_store;

static void
fuzz_csv_setup(void)
{
	struct volunteer v;

	if (store_open(":memory:", STORE_CREATE, &fuzz_csv_store, NULL) < 0 ||
	    ops_plan_open(fuzz_csv_store, NULL) < 0)
		abort();
	volunteer_init(&v);
	v.name = xstrdup("Ana de Vries");
	v.email = xstrdup("ana@example.org");
	if (ops_volunteer_add(fuzz_csv_store, &v, NULL) < 0)
		abort();
	volunteer_fini(&v);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cli_sheet sheet;
	struct cli_sheet_rows rows;
	struct ops_import_result res;
	enum ops_import_action *actions;

	if (fuzz_csv_store == NULL)
		fuzz_csv_setup();
	cli_sheet_init(&sheet);
	memset(&rows, 0, sizeof rows);
	if (cli_sheet_read(&sheet, (const char *)data, size) == 0 &&
	    cli_sheet_volunteers(&sheet, &rows) == 0) {
		actions = xcalloc(rows.rows.len + 1, sizeof *actions);
		ops_import_volunteers(fuzz_csv_store, &rows.rows, rows.fields,
		    true, actions, &res, NULL);
		free(actions);
	}
	cli_sheet_rows_fini(&rows);
	cli_sheet_fini(&sheet);
	return 0;
}
