/* SPDX-License-Identifier: ISC */
/*
 * store_volunteer.c, the screen's paged list:
 * int store_volunteer_list_page(struct store *st, const char *search,
 *     const char *after_name, int64_t after_id, int64_t limit,
 *     struct volunteer_list *out, struct err *err);
 * and free/busy periods replaced by source:
 * int store_unavailable_clear(struct store *st, int64_t volunteer_id,
 *     const char *source, int64_t from, int64_t to, size_t *removed,
 *     struct err *err);
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

/* Names in folded order (Ë with E), as volunteer list sorts them; the
 * next page follows the same order. */
static void
test_folded(void **state)
{
	struct volunteer_list a = { 0 }, b = { 0 };
	struct err err;

	add(*state, "Zoë");
	add(*state, "Frank");
	add(*state, "Ëlla");
	add(*state, "Daan");
	assert_int_equal(store_volunteer_list_page(*state, NULL, NULL, 0, 2,
	    &a, &err), 0);
	assert_int_equal(a.len, 2);
	assert_string_equal(a.items[0].name, "Daan");
	assert_string_equal(a.items[1].name, "Ëlla");
	assert_int_equal(store_volunteer_list_page(*state, NULL,
	    a.items[1].name, a.items[1].id, 2, &b, &err), 0);
	assert_int_equal(b.len, 2);
	assert_string_equal(b.items[0].name, "Frank");
	assert_string_equal(b.items[1].name, "Zoë");
	volunteer_list_free(&a);
	volunteer_list_free(&b);
}

static void
period(struct store *st, int64_t start, int64_t end, const char *source)
{
	struct unavailable u;
	struct err err;

	memset(&u, 0, sizeof u);
	u.volunteer_id = 1;
	u.start = start;
	u.end = end;
	u.reason = (char *)"r";
	u.source = (char *)source;
	assert_int_equal(store_unavailable_insert(st, &u, &err), 0);
}

static void
test_unavailable_clear(void **state)
{
	struct unavailable_list ul = { 0 };
	struct store *st = *state;
	struct err err;
	size_t removed;

	add(st, "Ana");
	assert_int_equal(store_begin_write(st, &err), 0);
	period(st, 100, 200, "freebusy:a@b");	/* across the range's start */
	period(st, 300, 400, "freebusy:a@b");	/* inside */
	period(st, 450, 900, "freebusy:a@b");	/* across its end */
	period(st, 50, 1000, "");		/* typed in: stays whole */
	period(st, 300, 400, "freebusy:x@y");	/* another address */
	period(st, 1000, 1100, "freebusy:a@b");	/* after it */
	assert_int_equal(store_unavailable_clear(st, 1, "freebusy:a@b", 150,
	    500, &removed, &err), 0);
	assert_int_equal(removed, 3);
	assert_int_equal(store_commit(st, &err), 0);
	assert_int_equal(store_unavailable_list(st, 1, &ul, &err), 0);
	/* By start: 50-1000 '', 100-150, 300-400 x@y, 500-900, 1000-1100. */
	assert_int_equal(ul.len, 5);
	assert_true(ul.items[0].start == 50 && ul.items[0].end == 1000);
	assert_string_equal(ul.items[0].source, "");
	assert_true(ul.items[1].start == 100 && ul.items[1].end == 150);
	assert_string_equal(ul.items[1].source, "freebusy:a@b");
	assert_string_equal(ul.items[2].source, "freebusy:x@y");
	assert_true(ul.items[3].start == 500 && ul.items[3].end == 900);
	assert_true(ul.items[4].start == 1000 && ul.items[4].end == 1100);
	unavailable_list_free(&ul);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_empty, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pages, setup, teardown),
		cmocka_unit_test_setup_teardown(test_folded, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unavailable_clear, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
