/* SPDX-License-Identifier: ISC */
/*
 * Unit tests for src/model/shift.c: shift validation, staffing arithmetic
 * and the list type.
 */
#include "harness.h"

#include <stdlib.h>

#include "rooster/model.h"

static void
make_shift(struct shift *sh)
{
	shift_init(sh);
	sh->event_id = 1;
	sh->role = xstrdup("begeleider");
	sh->language = xstrdup("");
	sh->start = 1806152400;
	sh->end = 1806163200;
	sh->needed = 2;
}

static void
set_role(struct shift *sh, const char *role)
{
	free(sh->role);
	sh->role = xstrdup(role);
}

/* int shift_validate(const struct shift *sh, struct err *err) */
static void
test_validate_ok(void **state)
{
	struct shift sh;

	(void)state;
	make_shift(&sh);
	assert_int_equal(shift_validate(&sh, NULL), 0);
	set_role(&sh, SHIFT_ROLE_GENERAL);
	assert_int_equal(shift_validate(&sh, NULL), 0);
	free(sh.language);
	sh.language = NULL;
	assert_int_equal(shift_validate(&sh, NULL), 0);
	shift_fini(&sh);
}

/* int shift_validate(const struct shift *sh, struct err *err) */
static void
test_validate_role(void **state)
{
	static const char *const blank[] = { "", " ", "\t", " \t ", "\n" };
	struct shift sh;
	struct err err;
	size_t i;

	(void)state;
	make_shift(&sh);
	free(sh.role);
	sh.role = NULL;
	assert_err(shift_validate(&sh, &err), err, ERR_INVALID);
	assert_contains(err.msg, "role");
	for (i = 0; i < sizeof blank / sizeof blank[0]; i++) {
		set_role(&sh, blank[i]);
		if (shift_validate(&sh, &err) != -1)
			fail_msg("blank role '%s' was accepted", blank[i]);
		assert_int_equal(err.code, ERR_INVALID);
	}
	set_role(&sh, "tolk\xff");
	assert_err(shift_validate(&sh, &err), err, ERR_INVALID);
	assert_contains(err.msg, "UTF-8");
	set_role(&sh, "tolk");
	free(sh.language);
	sh.language = xstrdup("\xc3");
	assert_err(shift_validate(&sh, &err), err, ERR_INVALID);
	assert_contains(err.msg, "language");
	shift_fini(&sh);
}

/* int shift_validate(const struct shift *sh, struct err *err) */
static void
test_validate_times_needed(void **state)
{
	struct shift sh;
	struct err err;

	(void)state;
	make_shift(&sh);
	sh.end = sh.start;
	assert_err(shift_validate(&sh, &err), err, ERR_INVALID);
	sh.end = sh.start - 1;
	assert_err(shift_validate(&sh, &err), err, ERR_INVALID);
	sh.end = sh.start + 60;
	sh.needed = -1;
	assert_err(shift_validate(&sh, &err), err, ERR_INVALID);
	assert_contains(err.msg, "needed");
	sh.needed = 1001;
	assert_err(shift_validate(&sh, &err), err, ERR_INVALID);
	sh.needed = 0;
	assert_int_equal(shift_validate(&sh, &err), 0);
	sh.needed = 1000;
	assert_int_equal(shift_validate(&sh, &err), 0);
	shift_fini(&sh);
}

/*
 * int shift_missing(const struct shift *sh)
 * bool shift_is_full(const struct shift *sh)
 */
static void
test_missing(void **state)
{
	static const struct {
		int	needed, assigned, missing;
		bool	full;
	} cases[] = {
		{ 0, 0, 0, true },
		{ 1, 0, 1, false },
		{ 3, 1, 2, false },
		{ 2, 2, 0, true },
		{ 2, 5, 0, true },	/* over-staffed is never negative */
	};
	struct shift sh;
	size_t i;

	(void)state;
	shift_init(&sh);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		sh.needed = cases[i].needed;
		sh.assigned = cases[i].assigned;
		assert_int_equal(shift_missing(&sh), cases[i].missing);
		assert_int_equal(shift_is_full(&sh), cases[i].full);
	}
}

/* void shift_dup(struct shift *dst, const struct shift *src) */
static void
test_dup(void **state)
{
	struct shift sh, copy;

	(void)state;
	make_shift(&sh);
	sh.event_title = xstrdup("Taalcafe");
	shift_dup(&copy, &sh);
	assert_ptr_not_equal(copy.role, sh.role);
	assert_ptr_not_equal(copy.event_title, sh.event_title);
	shift_fini(&sh);
	assert_string_equal(copy.role, "begeleider");
	assert_string_equal(copy.event_title, "Taalcafe");
	assert_null(copy.event_location);
	assert_int_equal(copy.needed, 2);
	shift_fini(&copy);
}

/*
 * struct shift *shift_list_push(struct shift_list *list)
 * void shift_list_free(struct shift_list *list)
 */
static void
test_list(void **state)
{
	struct shift_list list = { 0 };
	struct shift *sh;
	int i;

	(void)state;
	for (i = 0; i < 20; i++) {
		sh = shift_list_push(&list);
		assert_null(sh->role);
		assert_int_equal(sh->needed, 0);
		sh->role = xasprintf("role %d", i);
		sh->event_title = xstrdup("t");
	}
	assert_int_equal(list.len, 20);
	assert_string_equal(list.items[19].role, "role 19");
	shift_list_free(&list);
	assert_int_equal(list.len, 0);
	assert_null(list.items);
	shift_list_free(&list);
}

/* bool shift_role_is_general(const char *role); */
static void
test_role_is_general(void **state)
{
	(void)state;
	assert_true(shift_role_is_general(NULL));
	assert_true(shift_role_is_general(""));
	assert_true(shift_role_is_general("algemeen"));
	assert_true(shift_role_is_general("ALGEMEEN"));
	assert_true(shift_role_is_general("General"));
	assert_false(shift_role_is_general(" algemeen"));
	assert_false(shift_role_is_general("tolk"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_validate_ok),
		cmocka_unit_test(test_validate_role),
		cmocka_unit_test(test_validate_times_needed),
		cmocka_unit_test(test_missing),
		cmocka_unit_test(test_role_is_general),
		cmocka_unit_test(test_dup),
		cmocka_unit_test(test_list),
	};

	return cmocka_run_group_tests_name("model/shift", tests, NULL, NULL);
}
