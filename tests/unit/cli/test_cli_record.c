/* SPDX-License-Identifier: ISC */
/*
 * cli_out.c's records from the field tables:
 * size_t cli_record_columns(struct cli_column *cols, size_t n,
 *     const struct model_field *fields);
 * void cli_record_init(struct cli_table *t, struct cli_column *cols,
 *     int64_t id, const void *rec, const struct model_field *fields,
 *     cli_record_cell_fn cell);
 * size_t cli_list_columns(struct cli_column *cols, size_t n,
 *     const struct cli_column *shown, size_t nshown,
 *     const struct model_field *fields);
 * `event show` and `shift show` print their tables' rows in order with
 * DESIGN.md's keys, and a row added to a table is shown with no other
 * change, by `show` and in a list's csv and json: the derivation these
 * tests pin.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../../src/cli/cli_int.h"

/* The keys of cols[0..n), space-separated, into buf. */
static const char *
keys(const struct cli_column *cols, size_t n, int flag, char *buf,
    size_t size)
{
	size_t i, len = 0;

	buf[0] = '\0';
	for (i = 0; i < n; i++)
		if (cols[i].flags & flag)
			len += (size_t)snprintf(buf + len, size - len, "%s%s",
			    len > 0 ? " " : "", cols[i].key);
	return buf;
}

/* event show: the keys it has always printed, in csv and json too. */
static void
test_event_columns(void **state)
{
	struct cli_column cols[CLI_RECORD_MAX];
	char buf[512];
	size_t n;

	(void)state;
	n = cli_record_columns(cols, CLI_RECORD_MAX, event_fields);
	assert_string_equal(keys(cols, n, CLI_DATA, buf, sizeof buf),
	    "id uid title start end all_day location status description "
	    "repeat series_id occurrence_start languages sequence");
	assert_string_equal(keys(cols, n, CLI_TABLE, buf, sizeof buf),
	    "id uid title start end all_day location status description "
	    "repeat series_id occurrence_start languages sequence");
	assert_int_equal(cols[5].type, CLI_JSON);	/* all_day */
	assert_string_equal(cols[11].header, "OCCURRENCE");
}

/* shift show: the event's title, its language and uid in tables only. */
static void
test_shift_columns(void **state)
{
	struct cli_column cols[CLI_RECORD_MAX];
	char buf[512];
	size_t n;

	(void)state;
	n = cli_record_columns(cols, CLI_RECORD_MAX, shift_fields);
	assert_string_equal(keys(cols, n, CLI_TABLE, buf, sizeof buf),
	    "id event_id event role start end needed assigned language uid");
	assert_string_equal(keys(cols, n, CLI_DATA, buf, sizeof buf),
	    "id event_id role start end needed assigned");
}

/* A made-up entity, as an entity gains a field: one more table row. */
struct thing {
	int64_t	 id;
	char	*name;
	int	 count;
	bool	 on;
	int64_t	 at;
	int	 state;
	char	*added;		/* the new field */
};

static const char *const thing_states[] = { "planned", "invited", NULL };

static const struct model_field thing_fields[] = {
	{ .key = "name", .label = "NAME", .kind = MODEL_FIELD_TEXT,
	  .offset = offsetof(struct thing, name) },
	{ .key = "count", .label = "COUNT", .kind = MODEL_FIELD_INT,
	  .offset = offsetof(struct thing, count), .max = 9 },
	{ .key = "on", .label = "ON", .kind = MODEL_FIELD_BOOL,
	  .offset = offsetof(struct thing, on) },
	{ .key = "at", .label = "AT", .kind = MODEL_FIELD_TIME,
	  .offset = offsetof(struct thing, at), .flags = MODEL_FIELD_NULL },
	{ .key = "state", .label = "STATE", .kind = MODEL_FIELD_ENUM,
	  .offset = offsetof(struct thing, state), .names = thing_states },
	{ .key = "added", .label = "ADDED", .kind = MODEL_FIELD_TEXT,
	  .offset = offsetof(struct thing, added) },
	{ .key = NULL }
};

/* cli_record_init(): a cell per row, each of its kind's type. */
static void
test_added_row(void **state)
{
	struct cli_column cols[CLI_RECORD_MAX];
	char name[] = "Ana", added[] = "new";
	struct thing x = { 7, name, 3, true, 0, 1, added };
	struct cli_table t;
	char buf[512];

	(void)state;
	cli_record_init(&t, cols, x.id, &x, thing_fields, NULL);
	assert_int_equal(t.ncols, 7);
	assert_int_equal(t.nrows, 1);
	assert_int_equal(t.fill, 7);
	assert_string_equal(keys(cols, t.ncols, CLI_DATA, buf, sizeof buf),
	    "id name count on at state added");
	assert_true(t.cells[0].type == CLI_INT && t.cells[0].num == 7);
	assert_string_equal(t.cells[1].text, "Ana");
	assert_true(t.cells[2].type == CLI_INT && t.cells[2].num == 3);
	assert_true(t.cells[3].type == CLI_WORD);
	assert_string_equal(t.cells[3].text, "yes");
	/* A 0 time kept as NULL shows nothing, not 1970. */
	assert_true(t.cells[4].type == CLI_TEXT);
	assert_string_equal(t.cells[4].text, "");
	assert_true(t.cells[5].type == CLI_WORD);
	assert_string_equal(t.cells[5].text, "invited");
	assert_string_equal(t.cells[6].text, "new");
	cli_table_fini(&t);
}

/* A record of a made-up entity, for a list of it. */
struct item {
	char	*name;
	char	*email;
	char	*phone;
	int	 count;
	char	*title;
	char	*hidden;
	bool	 on;
};

#define ITEM(key_, member, ...) \
	{ .key = key_, .label = #member, \
	  .offset = offsetof(struct item, member), __VA_ARGS__ }

static const struct model_field item_fields[] = {
	ITEM("name", name, .kind = MODEL_FIELD_TEXT),
	ITEM("email", email, .kind = MODEL_FIELD_TEXT),
	ITEM("phone", phone, .kind = MODEL_FIELD_TEXT),
	ITEM("count", count, .kind = MODEL_FIELD_INT,
	    .flags = MODEL_FIELD_DERIVED),
	ITEM("title", title, .kind = MODEL_FIELD_TEXT,
	    .flags = MODEL_FIELD_SHOW_TABLE),
	ITEM("hidden", hidden, .kind = MODEL_FIELD_TEXT,
	    .flags = MODEL_FIELD_SHOW_NONE),
	ITEM("on", on, .kind = MODEL_FIELD_BOOL, .max = 1),
	{ .key = NULL }
};

/*
 * A list: its own columns first, as they are; then the fields it does
 * not name (nor leave out, nor derived, nor shown in tables only) in
 * csv and json, in the table's order, with their labels and types; and
 * cli_table_fields() fills them after the list's own cells.
 */
static void
test_list_columns(void **state)
{
	static const struct cli_column shown[] = {
		{ "id", "ID", CLI_INT, CLI_BOTH },
		{ "name", "NAME", CLI_TEXT, CLI_BOTH | CLI_FLEX },
		{ "month", "MONTH", CLI_INT, CLI_TABLE },
		CLI_LEFT_OUT("phone"),
	};
	struct item it = { .name = (char *)"Ana", .email = (char *)"a@b",
	    .on = true };
	struct cli_column cols[CLI_RECORD_MAX];
	struct cli_table t;
	char buf[512];
	size_t n;

	(void)state;
	n = cli_list_columns(cols, CLI_RECORD_MAX, shown, 4, item_fields);
	assert_string_equal(keys(cols, n, CLI_TABLE, buf, sizeof buf),
	    "id name month");
	assert_string_equal(keys(cols, n, CLI_DATA, buf, sizeof buf),
	    "id name email on");
	assert_int_equal(cols[1].flags, CLI_BOTH | CLI_FLEX);
	assert_string_equal(cols[3].header, "email");
	assert_int_equal(cols[3].flags, CLI_DATA);
	assert_int_equal(cols[4].type, CLI_TEXT);	/* on: yes/no */
	cli_table_init(&t, cols, n);
	cli_table_row(&t);
	cli_table_int(&t, 1);
	cli_table_fields(&t, &it, item_fields);
	cli_table_int(&t, 7);
	cli_table_fields(&t, &it, item_fields);
	assert_int_equal(t.fill, n);
	assert_string_equal(t.cells[3].text, "a@b");
	assert_string_equal(t.cells[4].text, "yes");
	cli_table_fini(&t);
	/* shift_fields: the derived and the tables-only ones stay out. */
	n = cli_list_columns(cols, CLI_RECORD_MAX, shown, 1, shift_fields);
	assert_string_equal(keys(cols, n, CLI_DATA, buf, sizeof buf),
	    "id event_id role start end needed");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_event_columns),
		cmocka_unit_test(test_shift_columns),
		cmocka_unit_test(test_added_row),
		cmocka_unit_test(test_list_columns),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
