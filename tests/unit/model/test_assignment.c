/* SPDX-License-Identifier: ISC */
/*
 * Unit tests for src/model/assignment.c: status and attendance names (the
 * database stores the names, so they must round-trip), what counts towards
 * staffing, and the list type.
 */
#include "harness.h"

#include <stdlib.h>

#include "rooster/model.h"

/*
 * const char *assignment_status_name(enum assignment_status status)
 * int assignment_status_parse(const char *s)
 */
static void
test_status(void **state)
{
	static const char *const names[] = {
		"planned", "invited", "accepted", "declined", "tentative",
		"offered"
	};
	int s;

	(void)state;
	for (s = ASSIGNMENT_PLANNED; s <= ASSIGNMENT_OFFERED; s++) {
		assert_string_equal(assignment_status_name(
		    (enum assignment_status)s), names[s]);
		assert_int_equal(assignment_status_parse(names[s]), s);
	}
	assert_string_equal(assignment_status_name(
	    (enum assignment_status)6), "?");
	assert_string_equal(assignment_status_name(
	    (enum assignment_status)-1), "?");
	assert_int_equal(assignment_status_parse(NULL), -1);
	assert_int_equal(assignment_status_parse(""), -1);
	assert_int_equal(assignment_status_parse("Accepted"), -1);
	assert_int_equal(assignment_status_parse("accept"), -1);
	assert_int_equal(assignment_status_parse("?"), -1);
}

/* const char *assignment_attendance_name(enum assignment_attendance att) */
static void
test_attendance(void **state)
{
	(void)state;
	assert_string_equal(assignment_attendance_name(ATTENDANCE_UNKNOWN), "");
	assert_string_equal(assignment_attendance_name(ATTENDANCE_ATTENDED),
	    "attended");
	assert_string_equal(assignment_attendance_name(ATTENDANCE_NO_SHOW),
	    "no-show");
	assert_string_equal(assignment_attendance_name(
	    (enum assignment_attendance)3), "?");
}

/* bool assignment_counts(const struct assignment *a) */
static void
test_counts(void **state)
{
	struct assignment a;
	int s;

	(void)state;
	assignment_init(&a);
	/* Declined and offered (not booked yet) do not count. */
	for (s = ASSIGNMENT_PLANNED; s <= ASSIGNMENT_OFFERED; s++) {
		a.status = (enum assignment_status)s;
		assert_int_equal(assignment_counts(&a),
		    s != ASSIGNMENT_DECLINED && s != ASSIGNMENT_OFFERED);
	}
}

/* struct assignment *assignment_list_push(struct assignment_list *list) */
static void
test_list(void **state)
{
	struct assignment_list list = { 0 };
	struct assignment *a;
	int i;

	(void)state;
	for (i = 0; i < 33; i++) {
		a = assignment_list_push(&list);
		assert_true(a->shift_id == 0);
		assert_int_equal(a->status, ASSIGNMENT_PLANNED);
		a->volunteer = xasprintf("v%d", i);
		a->role = xstrdup("tolk");
		a->event_title = i % 3 ? xstrdup("Taalcafe") : NULL;
	}
	assert_int_equal(list.len, 33);
	assert_string_equal(list.items[32].volunteer, "v32");
	assignment_list_free(&list);
	assert_int_equal(list.len, 0);
	assert_null(list.items);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_status),
		cmocka_unit_test(test_attendance),
		cmocka_unit_test(test_counts),
		cmocka_unit_test(test_list),
	};

	return cmocka_run_group_tests_name("model/assignment", tests, NULL,
	    NULL);
}
