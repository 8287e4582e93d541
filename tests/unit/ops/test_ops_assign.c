/* SPDX-License-Identifier: ISC */
/*
 * int ops_assign_given(struct store *st, int64_t shift_id,
 *     int64_t volunteer_id, bool force, const struct assignment *given,
 *     struct plan_conflict_list *conflicts, struct err *err);
 * The new assignment holds every field given that the command line sets
 * (assignment_fields with an option: `assign --note`), whatever the
 * table holds; a text that is not UTF-8 is refused with nothing written.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "rooster/ops.h"

/* 2027-03-20 10:00 UTC. */
#define ASSIGN_NOW INT64_C(1805536800)

static struct store *
assign_plan(void)
{
	struct store *st = NULL;
	struct err err;
	int rc;

	assert_int_equal(store_open(":memory:", STORE_CREATE, &st, &err), 0);
	rc = ops_plan_open(st, &err);
	assert_true(rc == 0 || rc == OPS_PLAN_ZONE_UNSET);
	assert_int_equal(ops_plan_init(st, "Europe/Amsterdam", NULL, &err), 0);
	if (ops_plan_demo(st, ASSIGN_NOW, &err) != 0)
		fail_msg("ops_plan_demo: %s", err.msg);
	return st;
}

/* Put someone not yet on shift 1 there with given; their id. */
static int64_t
assign_someone(struct store *st, const struct assignment *given)
{
	struct err err;
	int64_t vol;

	for (vol = 1; vol < 100; vol++) {
		err_clear(&err);
		if (ops_assign_given(st, 1, vol, true, given, NULL, &err) == 0)
			return vol;
		assert_int_equal(err.code, ERR_CONFLICT);
	}
	fail_msg("nobody could go on shift 1");
	return 0;
}

static void
test_given_fields_stored(void **state)
{
	const struct model_field *f;
	struct assignment given, got;
	struct store *st = assign_plan();
	struct err err;
	char value[64];
	int64_t vol;
	int n = 0;

	(void)state;
	assignment_init(&given);
	for (f = assignment_fields; f->key != NULL; f++)
		if (f->option != NULL && f->kind == MODEL_FIELD_TEXT) {
			snprintf(value, sizeof value, "given %s", f->key);
			model_field_set_text(&given, f, value);
			n++;
		}
	assert_true(n > 0);
	vol = assign_someone(st, &given);
	assert_int_equal(store_assignment_get(st, 1, vol, &got, &err), 0);
	for (f = assignment_fields; f->key != NULL; f++)
		if (f->option != NULL && f->kind == MODEL_FIELD_TEXT)
			assert_string_equal(model_field_text(&got, f),
			    model_field_text(&given, f));
	assert_int_equal(got.status, ASSIGNMENT_PLANNED);
	assert_int_equal(got.shift_id, 1);
	assignment_fini(&got);
	assignment_fini(&given);
	store_close(st);
}

static void
test_bad_text_refused(void **state)
{
	struct assignment given;
	struct store *st = assign_plan();
	struct err err;

	(void)state;
	assignment_init(&given);
	given.note = strdup("a\377b");
	err_clear(&err);
	assert_int_equal(ops_assign_given(st, 1, 1, true, &given, NULL, &err),
	    -1);
	assert_int_equal(err.code, ERR_INVALID);
	assert_string_equal(err.msg, "note is not UTF-8 text");
	assignment_fini(&given);
	store_close(st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_given_fields_stored),
		cmocka_unit_test(test_bad_text_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
