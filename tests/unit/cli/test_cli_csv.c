/* SPDX-License-Identifier: ISC */
/*
 * size_t cli_csv_assignment_fields(const struct model_field ***out);
 * The columns of `export csv assignments`: the assignment's rows, by key,
 * and after volunteer_id every volunteer field flagged MODEL_FIELD_CONTACT,
 * in volunteer_fields' order, and after the note any other stored
 * assignment field with a Dutch name; sheets read the first ones by place.
 * size_t cli_shift_people_columns(struct cli_column *cols);
 * The people of `shift show`: every stored field of assignment_fields
 * but attendance, hours and forced; those of `volunteer show`'s shifts
 * (cli_assignment_list_columns()) every one but these and the note.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../../src/cli/cli_int.h"

static void
test_assignment_columns_take_the_contact_fields(void **state)
{
	const struct model_field **cols, *f;
	size_t n, i, at = 0, ncontact = 0;

	(void)state;
	n = cli_csv_assignment_fields(&cols);
	/* The layout scripts read by place, before and after the contact. */
	assert_true(n > 6);
	assert_string_equal(cols[0]->key, "shift_id");
	assert_string_equal(cols[5]->key, "volunteer_id");
	assert_ptr_equal(cols[5], model_field_find(assignment_fields,
	    "volunteer_id"));
	/* Then each contact field of volunteer_fields, in its order. */
	at = 6;
	for (f = volunteer_fields; f->key != NULL; f++) {
		if (!(f->flags & MODEL_FIELD_CONTACT))
			continue;
		ncontact++;
		assert_true(at < n);
		assert_ptr_equal(cols[at], f);
		at++;
	}
	assert_true(ncontact >= 3);
	assert_string_equal(cols[6]->key, "name");
	/* The rest are the assignment's own: status first, note after
	 * hours, then any other stored field with a Dutch name. */
	assert_string_equal(cols[at]->key, "status");
	for (i = at; i < n; i++)
		assert_ptr_equal(cols[i], model_field_find(assignment_fields,
		    cols[i]->key));
	assert_true(n >= at + 4);
	assert_string_equal(cols[at + 2]->key, "hours");
	assert_string_equal(cols[at + 3]->key, "note");
	for (f = assignment_fields; f->key != NULL; f++) {
		if ((f->flags & MODEL_FIELD_DERIVED) || f->dutch == NULL)
			continue;
		for (i = 0; i < n && cols[i] != f; i++)
			;
		if (i == n)
			fail_msg("export csv assignments lacks %s", f->key);
	}
	free(cols);
}

/*
 * cols (n of them) carry every stored assignment field but those in
 * left (nleft); what names the list in a failure.
 */
static void
check_assignment_fields(const struct cli_column *cols, size_t n,
    const char *const *left, size_t nleft, const char *what)
{
	const struct model_field *f;
	size_t i, j;
	bool out;

	for (f = assignment_fields; f->key != NULL; f++) {
		if (f->flags & MODEL_FIELD_DERIVED)
			continue;
		for (out = false, j = 0; j < nleft; j++)
			out |= strcmp(f->key, left[j]) == 0;
		for (i = 0; i < n; i++)
			if (strcmp(cols[i].key, f->key) == 0)
				break;
		if (out)
			assert_true(i == n);
		else if (i == n)
			fail_msg("%s lack %s", what, f->key);
	}
}

/* shift show's people carry every assignment field but three. */
static void
test_shift_people_take_the_fields(void **state)
{
	static const char *const left[] = { "attendance", "hours", "forced" };
	struct cli_column cols[CLI_RECORD_MAX];
	size_t n;

	(void)state;
	n = cli_shift_people_columns(cols);
	assert_string_equal(cols[0].key, "shift_id");
	assert_string_equal(cols[4].key, "note");
	check_assignment_fields(cols, n, left, 3, "shift show's people");
}

/* volunteer show's shifts carry every assignment field but four. */
static void
test_volunteer_shifts_take_the_fields(void **state)
{
	static const char *const left[] = { "attendance", "hours", "forced",
	    "note" };
	struct cli_column cols[CLI_RECORD_MAX];
	size_t n;

	(void)state;
	n = cli_assignment_list_columns(cols);
	assert_string_equal(cols[0].key, "shift_id");
	assert_string_equal(cols[6].key, "status");
	check_assignment_fields(cols, n, left, 4, "volunteer show's shifts");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_assignment_columns_take_the_contact_fields),
		cmocka_unit_test(test_shift_people_take_the_fields),
		cmocka_unit_test(test_volunteer_shifts_take_the_fields),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
