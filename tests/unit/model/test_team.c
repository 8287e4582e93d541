/* SPDX-License-Identifier: ISC */
/* Unit tests for src/model/team.c: team names and the list type. */
#include "harness.h"

#include <stdlib.h>

#include "rooster/model.h"

/* int team_validate(const struct team *t, struct err *err) */
static void
test_validate(void **state)
{
	static const char *const blank[] = { "", " ", "\t", "\n" };
	struct team t;
	struct err err;
	size_t i;

	(void)state;
	team_init(&t);
	assert_err(team_validate(&t, &err), err, ERR_INVALID);
	for (i = 0; i < sizeof blank / sizeof blank[0]; i++) {
		t.name = xstrdup(blank[i]);
		assert_err(team_validate(&t, &err), err, ERR_INVALID);
		assert_contains(err.msg, "team name");
		free(t.name);
	}
	t.name = xstrdup("Tolken \xd9\x85\xd8\xb1");
	assert_int_equal(team_validate(&t, &err), 0);
	free(t.name);
	t.name = xstrdup("Tolken\xff");
	assert_err(team_validate(&t, &err), err, ERR_INVALID);
	team_fini(&t);
	assert_null(t.name);
}

/* struct team *team_list_push(struct team_list *list) */
static void
test_list(void **state)
{
	struct team_list list = { 0 };
	struct team *t;
	int i;

	(void)state;
	for (i = 0; i < 10; i++) {
		t = team_list_push(&list);
		assert_null(t->name);
		t->name = xasprintf("team %d", i);
		t->member_names = xstrdup("Ana, Bob");
	}
	assert_string_equal(list.items[9].name, "team 9");
	team_list_free(&list);
	assert_int_equal(list.len, 0);
	assert_null(list.items);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_validate),
		cmocka_unit_test(test_list),
	};

	return cmocka_run_group_tests_name("model/team", tests, NULL, NULL);
}
