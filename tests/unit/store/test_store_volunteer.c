/* SPDX-License-Identifier: ISC */
/*
 * store_volunteer.c, the screen's paged list:
 * int store_volunteer_list_page(struct store *st, const char *search,
 *     const char *after_name, int64_t after_id, int64_t limit,
 *     struct volunteer_list *out, struct err *err);
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "rooster/store.h"

static int
setup(void **state)
{
	struct store *st;
	struct err err;

	if (store_open(":memory:", STORE_CREATE, &st, &err) != 0)
		return -1;
	*state = st;
	return 0;
}

static int
teardown(void **state)
{
	store_close(*state);
	return 0;
}

static void
add(struct store *st, const char *name)
{
	struct volunteer v;
	struct err err;

	volunteer_init(&v);
	v.name = strdup(name);
	assert_int_equal(store_begin_write(st, &err), 0);
	assert_int_equal(store_volunteer_insert(st, &v, &err), 0);
	assert_int_equal(store_commit(st, &err), 0);
	volunteer_fini(&v);
}

static void
test_empty(void **state)
{
	struct volunteer_list vl = { 0 };
	struct err err;

	assert_int_equal(store_volunteer_list_page(*state, NULL, NULL, 0, 10,
	    &vl, &err), 0);
	assert_int_equal(vl.len, 0);
	volunteer_list_free(&vl);
}

static void
test_pages(void **state)
{
	struct volunteer_list a = { 0 }, b = { 0 }, all = { 0 };
	struct err err;
	size_t i;

	add(*state, "bram");
	add(*state, "Anna");
	add(*state, "anna");	/* same name ignoring case: id breaks ties */
	add(*state, "Cas");
	add(*state, "ëlla");
	assert_int_equal(store_volunteer_list_page(*state, NULL, NULL, 0, 0,
	    &all, &err), 0);
	assert_int_equal(all.len, 5);
	assert_int_equal(store_volunteer_list_page(*state, NULL, NULL, 0, 2,
	    &a, &err), 0);
	assert_int_equal(a.len, 2);
	assert_string_equal(a.items[0].name, "Anna");
	assert_string_equal(a.items[1].name, "anna");
	/* The next page starts after the last row of the first. */
	assert_int_equal(store_volunteer_list_page(*state, NULL,
	    a.items[1].name, a.items[1].id, 2, &b, &err), 0);
	assert_int_equal(b.len, 2);
	assert_string_equal(b.items[0].name, "bram");
	assert_string_equal(b.items[1].name, "Cas");
	/* Pages in order equal the whole list. */
	for (i = 0; i < 2; i++) {
		assert_int_equal(a.items[i].id, all.items[i].id);
		assert_int_equal(b.items[i].id, all.items[i + 2].id);
	}
	volunteer_list_free(&a);
	volunteer_list_free(&b);
	/* Search applies within pages. */
	assert_int_equal(store_volunteer_list_page(*state, "ANN", NULL, 0, 10,
	    &a, &err), 0);
	assert_int_equal(a.len, 2);
	volunteer_list_free(&a);
	volunteer_list_free(&all);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_empty, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pages, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
