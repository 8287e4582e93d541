/* SPDX-License-Identifier: ISC */
/*
 * store_history.c, store_log.c and store_privacy.c on :memory::
 * int store_log_append(st, action, entity, entity_id, summary, err);
 * int store_log_open(st, action, entity, entity_id, err);
 * int store_log_close(st, keep, summary, err);
 * int store_log_find(st, filter, out, err);
 * int store_history_last(st, &change_id, err);
 * int store_history_revert(st, change_id, err);
 * int store_privacy_forget(st, id, name, email, phone, now, err);
 */
#include "harness.h"

#include <stdlib.h>

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

/* Add a volunteer as one logged change; returns its id. */
static int64_t
add(struct store *st, const char *name, const char *email)
{
	struct volunteer v;
	struct err err;
	int64_t id;

	volunteer_init(&v);
	v.name = strdup(name);
	free(v.email);
	v.email = strdup(email);
	assert_int_equal(store_begin_write(st, &err), 0);
	assert_int_equal(store_volunteer_insert(st, &v, &err), 0);
	assert_int_equal(store_log_append(st, "volunteer add", "volunteer",
	    v.id, "added", &err), 0);
	assert_int_equal(store_commit(st, &err), 0);
	id = v.id;
	volunteer_fini(&v);
	return id;
}

/* Change id's e-mail as one logged change. */
static void
set_email(struct store *st, int64_t id, const char *email)
{
	struct volunteer v;
	struct err err;

	assert_int_equal(store_volunteer_get(st, id, &v, &err), 0);
	free(v.email);
	v.email = strdup(email);
	assert_int_equal(store_begin_write(st, &err), 0);
	assert_int_equal(store_volunteer_update(st, &v, &err), 0);
	assert_int_equal(store_log_append(st, "volunteer edit", "volunteer",
	    id, "edited", &err), 0);
	assert_int_equal(store_commit(st, &err), 0);
	volunteer_fini(&v);
}

static char *
email_of(struct store *st, int64_t id)
{
	struct volunteer v;
	struct err err;
	char *s;

	assert_int_equal(store_volunteer_get(st, id, &v, &err), 0);
	s = strdup(v.email);
	volunteer_fini(&v);
	return s;
}

static void
test_log_keeps_before_and_after(void **state)
{
	struct store_log_filter f = { 0 };
	struct store_log_list list = { 0 };
	struct err err;
	int64_t id = add(*state, "Ana", "ana@example.org");

	set_email(*state, id, "ana@example.net");
	f.limit = 1;
	assert_int_equal(store_log_find(*state, &f, &list, &err), 0);
	assert_int_equal(list.len, 1);
	assert_contains(list.items[0].rows, "\"table\":\"volunteers\"");
	assert_contains(list.items[0].rows,
	    "\"before\":{\"email\":\"ana@example.org\"");
	assert_contains(list.items[0].rows, "\"email\":\"ana@example.net\"");
	/* Only the changed fields (and the version) are listed. */
	assert_null(strstr(list.items[0].rows, "\"name\""));
	store_log_list_free(&list);
}

static void
test_unlogged_rows_are_dropped(void **state)
{
	struct store_log_filter f = { 0 };
	struct store_log_list list = { 0 };
	struct volunteer v;
	struct err err;

	volunteer_init(&v);
	v.name = strdup("Unlogged");
	assert_int_equal(store_begin_write(*state, &err), 0);
	assert_int_equal(store_volunteer_insert(*state, &v, &err), 0);
	assert_int_equal(store_commit(*state, &err), 0);
	volunteer_fini(&v);
	add(*state, "Bilal", "");
	f.limit = 1;
	assert_int_equal(store_log_find(*state, &f, &list, &err), 0);
	assert_int_equal(list.len, 1);
	assert_null(strstr(list.items[0].rows, "Unlogged"));
	assert_contains(list.items[0].rows, "Bilal");
	store_log_list_free(&list);
}

static void
test_revert_puts_back(void **state)
{
	struct err err;
	int64_t id = add(*state, "Ana", "ana@example.org"), change;
	char *email;

	set_email(*state, id, "ana@example.net");
	assert_int_equal(store_history_last(*state, &change, &err), 0);
	assert_true(change > 0);
	assert_int_equal(store_begin_write(*state, &err), 0);
	assert_int_equal(store_history_revert(*state, change, &err), 0);
	assert_int_equal(store_log_append(*state, "undo", "volunteer", id,
	    "undid", &err), 0);
	assert_int_equal(store_log_mark_undone(*state, change, &err), 0);
	assert_int_equal(store_commit(*state, &err), 0);
	email = email_of(*state, id);
	assert_string_equal(email, "ana@example.org");
	free(email);
	/* The next to undo is the add, not the undo nor the undone edit. */
	assert_int_equal(store_history_last(*state, &change, &err), 0);
	assert_int_equal(change, 1);
}

static void
test_revert_refuses_a_row_changed_since(void **state)
{
	struct err err;
	int64_t id = add(*state, "Ana", "ana@example.org");
	char *email;
	int rc;

	set_email(*state, id, "one@example.org");	/* change 2 */
	set_email(*state, id, "two@example.org");	/* change 3 */
	assert_int_equal(store_begin_write(*state, &err), 0);
	rc = store_history_revert(*state, 2, &err);
	store_rollback(*state);
	assert_err(rc, err, ERR_CONFLICT);
	assert_contains(err.msg, "volunteer 1 was changed since by");
	assert_contains(err.msg, "change 3");
	email = email_of(*state, id);
	assert_string_equal(email, "two@example.org");
	free(email);
}

static void
test_forget_leaves_no_trace(void **state)
{
	struct store_log_filter f = { 0 };
	struct store_log_list list = { 0 };
	struct err err;
	int64_t id = add(*state, "Ana Zwart", "ana@example.org");
	char *json;
	size_t i;

	set_email(*state, id, "ana@example.net");
	add(*state, "Bilal", "bilal@example.org");
	assert_int_equal(store_begin_write(*state, &err), 0);
	assert_int_equal(store_privacy_forget(*state, id, "Ana Zwart",
	    "ana@example.net", "", 0, &err), 0);
	assert_int_equal(store_commit(*state, &err), 0);
	assert_int_equal(store_privacy_export(*state, id, &json, &err), 0);
	assert_contains(json, "\"name\":\"forgotten volunteer\"");
	assert_null(strstr(json, "ana@"));
	free(json);
	f.limit = 100;
	assert_int_equal(store_log_find(*state, &f, &list, &err), 0);
	for (i = 0; i < list.len; i++) {
		assert_null(strstr(list.items[i].rows, "ana@"));
		assert_null(strstr(list.items[i].rows, "Zwart"));
	}
	assert_int_equal(list.len, 1);		/* Bilal's add */
	store_log_list_free(&list);
}

/* Insert a volunteer named name within the caller's transaction. */
static void
insert(struct store *st, const char *name)
{
	struct volunteer v;
	struct err err;

	volunteer_init(&v);
	v.name = strdup(name);
	assert_int_equal(store_volunteer_insert(st, &v, &err), 0);
	volunteer_fini(&v);
}

/*
 * An open change's rows carry its id as they are written (its line lists
 * them before it is closed); closed, it has its summary; closed without
 * keeping, its line and rows are gone; the setting never outlives the
 * transaction, even when a change is left open.
 */
static void
test_open_change(void **state)
{
	struct store_log_filter f = { 0 };
	struct store_log_list list = { 0 };
	struct err err;
	char *open;

	f.limit = 10;
	assert_int_equal(store_begin_write(*state, &err), 0);
	assert_int_equal(store_log_open(*state, "import ics", "plan", 0,
	    &err), 0);
	insert(*state, "Ana");
	insert(*state, "Bilal");
	assert_int_equal(store_log_find(*state, &f, &list, &err), 0);
	assert_int_equal(list.len, 1);
	assert_contains(list.items[0].rows, "Ana");
	assert_contains(list.items[0].rows, "Bilal");
	store_log_list_free(&list);
	assert_int_equal(store_log_close(*state, true, "2 added", &err), 0);
	assert_int_equal(store_log_close(*state, true, "again", &err), 0);
	assert_int_equal(store_commit(*state, &err), 0);
	assert_null(store_setting_get(*state, "change_open"));
	assert_int_equal(store_log_find(*state, &f, &list, &err), 0);
	assert_int_equal(list.len, 1);
	assert_string_equal(list.items[0].summary, "2 added");
	assert_contains(list.items[0].rows, "Bilal");
	store_log_list_free(&list);

	/* Nothing kept: no line, no rows; the next line claims none. */
	assert_int_equal(store_begin_write(*state, &err), 0);
	assert_int_equal(store_log_open(*state, "import ics", "plan", 0,
	    &err), 0);
	insert(*state, "Carla");
	assert_int_equal(store_log_close(*state, false, NULL, &err), 0);
	assert_int_equal(store_commit(*state, &err), 0);
	add(*state, "Dirk", "");
	assert_int_equal(store_log_find(*state, &f, &list, &err), 0);
	assert_int_equal(list.len, 2);
	assert_null(strstr(list.items[0].rows, "Carla"));
	assert_contains(list.items[0].rows, "Dirk");
	store_log_list_free(&list);

	/* Left open: the commit ends it, and later rows are not its. */
	assert_int_equal(store_begin_write(*state, &err), 0);
	assert_int_equal(store_log_open(*state, "import ics", "plan", 0,
	    &err), 0);
	insert(*state, "Eva");
	assert_int_equal(store_commit(*state, &err), 0);
	open = store_setting_get(*state, "change_open");
	assert_null(open);
	add(*state, "Fleur", "");
	assert_int_equal(store_log_find(*state, &f, &list, &err), 0);
	assert_int_equal(list.len, 4);
	assert_contains(list.items[0].rows, "Fleur");
	assert_null(strstr(list.items[0].rows, "Eva"));
	assert_contains(list.items[1].rows, "Eva");
	store_log_list_free(&list);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_log_keeps_before_and_after,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_unlogged_rows_are_dropped,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_revert_puts_back,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_revert_refuses_a_row_changed_since, setup, teardown),
		cmocka_unit_test_setup_teardown(test_forget_leaves_no_trace,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_open_change, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
