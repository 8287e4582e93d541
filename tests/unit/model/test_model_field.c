/* SPDX-License-Identifier: ISC */
/*
 * Unit tests for src/model/model_field.c and volunteer_fields: every
 * field is reached through its row (text, int, bool), copied and
 * compared, and the table names each field of struct volunteer once.
 */
#include "harness.h"

#include <stdlib.h>
#include <string.h>

#include "rooster/model.h"

static const struct model_field *
field(const char *key)
{
	const struct model_field *f;

	for (f = volunteer_fields; f->key != NULL; f++)
		if (strcmp(f->key, key) == 0)
			return f;
	fail_msg("no field %s", key);
	return NULL;
}

/* const char *model_field_text(const void *rec, const struct model_field *f) */
static void
test_text(void **state)
{
	struct volunteer v;

	(void)state;
	volunteer_init(&v);
	assert_string_equal(model_field_text(&v, field("phone")), "");
	model_field_set_text(&v, field("phone"), "06-1234");
	assert_string_equal(v.phone, "06-1234");
	model_field_set_text(&v, field("phone"), NULL);
	assert_null(v.phone);
	volunteer_fini(&v);
}

/* int model_field_int(const void *rec, const struct model_field *f) */
static void
test_int_bool(void **state)
{
	struct volunteer v;

	(void)state;
	volunteer_init(&v);
	model_field_set_int(&v, field("max_per_month"), 4);
	assert_int_equal(v.max_per_month, 4);
	assert_int_equal(model_field_int(&v, field("active")), 1);
	model_field_set_int(&v, field("active"), 0);
	assert_false(v.active);
	assert_int_equal(field("max_per_month")->min, 0);
	assert_int_equal(field("max_per_month")->max, 1000);
	volunteer_fini(&v);
}

/* void model_field_copy(...); bool model_field_same(...) */
static void
test_copy_same(void **state)
{
	const struct model_field *f;
	struct volunteer a, b;

	(void)state;
	volunteer_init(&a);
	volunteer_init(&b);
	a.name = xstrdup("Ana");
	a.skills = xstrdup("tolk");
	a.max_per_month = 2;
	a.active = false;
	b.email = xstrdup("");
	assert_false(model_field_same(&a, &b, field("name")));
	assert_false(model_field_same(&a, &b, field("max_per_month")));
	assert_false(model_field_same(&a, &b, field("active")));
	for (f = volunteer_fields; f->key != NULL; f++) {
		model_field_copy(&b, &a, f);
		assert_true(model_field_same(&a, &b, f));
	}
	/* NULL and "" are the same text. */
	assert_null(a.email);
	assert_true(model_field_same(&a, &b, field("email")));
	assert_ptr_not_equal(a.name, b.name);
	volunteer_fini(&a);
	volunteer_fini(&b);
}

/* The table: keys unique, each with a label, an option and a place. */
static void
test_table(void **state)
{
	const struct model_field *f, *g;
	size_t n = 0;

	(void)state;
	for (f = volunteer_fields; f->key != NULL; f++, n++) {
		assert_non_null(f->label);
		assert_non_null(f->what);
		assert_non_null(f->dutch);
		assert_true(f->option != NULL && strncmp(f->option, "--",
		    2) == 0);
		assert_true(f->offset < sizeof(struct volunteer));
		for (g = volunteer_fields; g != f; g++)
			assert_true(strcmp(f->key, g->key) != 0 &&
			    f->offset != g->offset);
	}
	assert_int_equal(n, 8);
	assert_string_equal(volunteer_fields[0].key, "name");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_int_bool),
		cmocka_unit_test(test_copy_same),
		cmocka_unit_test(test_table),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
