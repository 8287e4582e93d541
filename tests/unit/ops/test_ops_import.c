/* SPDX-License-Identifier: ISC */
/*
 * int ops_import_volunteers(struct store *st, struct volunteer_list *rows,
 *     unsigned fields, bool dry_run, enum ops_import_action *actions,
 *     struct ops_import_result *res, struct err *err);
 * Rows match stored volunteers by e-mail (any case), or by name among
 * those without one; updates keep the columns the sheet lacks; a bad row
 * or a dry run writes nothing.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "rooster/ops.h"

static struct store *
import_store(void)
{
	int rc_open;
	struct store *st = NULL;
	struct volunteer v;
	struct err err;

	assert_int_equal(store_open(":memory:", STORE_CREATE, &st, &err), 0);
	rc_open = ops_plan_open(st, &err);
	/* A new plan on a UTC system has no zone until init (issue 15). */
	assert_true(rc_open == 0 || rc_open == OPS_PLAN_ZONE_UNSET);
	volunteer_init(&v);
	v.name = xstrdup("Ana de Vries");
	v.email = xstrdup("ana@example.org");
	v.phone = xstrdup("06-1");
	v.skills = xstrdup("tolk");
	v.max_per_month = 4;
	assert_int_equal(ops_volunteer_add(st, &v, &err), 0);
	assert_int_equal(v.id, 1);
	volunteer_fini(&v);
	volunteer_init(&v);
	v.name = xstrdup("Jan");
	assert_int_equal(ops_volunteer_add(st, &v, &err), 0);
	assert_int_equal(v.id, 2);
	volunteer_fini(&v);
	return st;
}

static struct volunteer *
row(struct volunteer_list *rows, const char *name, const char *email,
    const char *phone)
{
	struct volunteer *v = volunteer_list_push(rows);

	v->name = xstrdup(name);
	v->email = xstrdup(email);
	v->phone = xstrdup(phone);
	return v;
}

static int64_t
count(struct store *st)
{
	struct volunteer_list all = { 0 };
	struct err err;
	int64_t n;

	assert_int_equal(store_volunteer_list(st, NULL, NULL, &all, &err), 0);
	n = (int64_t)all.len;
	volunteer_list_free(&all);
	return n;
}

static void
test_import_empty(void **state)
{
	struct store *st = import_store();
	struct volunteer_list rows = { 0 };
	struct ops_import_result res;
	struct err err;

	(void)state;
	assert_int_equal(ops_import_volunteers(st, &rows, 0, false, NULL,
	    &res, &err), 0);
	assert_int_equal(res.added + res.updated + res.unchanged, 0);
	store_close(st);
}

static void
test_import_add_update_unchanged(void **state)
{
	struct store *st = import_store();
	struct volunteer_list rows = { 0 };
	enum ops_import_action actions[4];
	struct ops_import_result res;
	struct volunteer v;
	struct err err;

	(void)state;
	row(&rows, "Ana de Vries", "ANA@Example.org", "06-2");
	row(&rows, "Jan", "", "");
	row(&rows, "Nieuw", "nieuw@example.org", "");
	row(&rows, "Jan Twee", "", "");
	assert_int_equal(ops_import_volunteers(st, &rows, OPS_IMPORT_EMAIL |
	    OPS_IMPORT_PHONE, false, actions, &res, &err), 0);
	assert_int_equal(res.added, 2);
	assert_int_equal(res.updated, 1);
	assert_int_equal(res.unchanged, 1);
	assert_int_equal(actions[0], OPS_IMPORT_UPDATED);
	assert_int_equal(actions[1], OPS_IMPORT_UNCHANGED);
	assert_int_equal(actions[2], OPS_IMPORT_ADDED);
	assert_int_equal(rows.items[0].id, 1);
	assert_int_equal(rows.items[1].id, 2);
	assert_true(rows.items[2].id > 2);
	assert_int_equal(count(st), 4);
	/* Updated: the phone from the sheet, skills and limit kept. */
	assert_int_equal(store_volunteer_get(st, 1, &v, &err), 0);
	assert_string_equal(v.phone, "06-2");
	assert_string_equal(v.skills, "tolk");
	assert_int_equal(v.max_per_month, 4);
	volunteer_fini(&v);
	/* The same rows again: nothing changes. */
	assert_int_equal(ops_import_volunteers(st, &rows, OPS_IMPORT_EMAIL |
	    OPS_IMPORT_PHONE, false, actions, &res, &err), 0);
	assert_int_equal(res.unchanged, 4);
	assert_int_equal(count(st), 4);
	volunteer_list_free(&rows);
	store_close(st);
}

static void
test_import_dry_run_writes_nothing(void **state)
{
	struct store *st = import_store();
	struct volunteer_list rows = { 0 };
	enum ops_import_action actions[2];
	struct ops_import_result res;
	struct volunteer v;
	struct err err;

	(void)state;
	row(&rows, "Ana de Vries", "ana@example.org", "06-9");
	row(&rows, "Nieuw", "nieuw@example.org", "");
	assert_int_equal(ops_import_volunteers(st, &rows, OPS_IMPORT_EMAIL |
	    OPS_IMPORT_PHONE, true, actions, &res, &err), 0);
	assert_int_equal(res.added, 1);
	assert_int_equal(res.updated, 1);
	assert_int_equal(actions[1], OPS_IMPORT_ADDED);
	assert_int_equal(rows.items[1].id, 0);
	assert_int_equal(count(st), 2);
	assert_int_equal(store_volunteer_get(st, 1, &v, &err), 0);
	assert_string_equal(v.phone, "06-1");
	volunteer_fini(&v);
	volunteer_list_free(&rows);
	store_close(st);
}

static void
test_import_bad_row_refuses_all(void **state)
{
	struct store *st = import_store();
	struct volunteer_list rows = { 0 };
	struct ops_import_result res;
	struct err err;

	(void)state;
	row(&rows, "Goed", "goed@example.org", "");
	row(&rows, "", "leeg@example.org", "");
	err_clear(&err);
	assert_int_equal(ops_import_volunteers(st, &rows, OPS_IMPORT_EMAIL,
	    false, NULL, &res, &err), -1);
	assert_int_equal(err.code, ERR_INVALID);
	assert_non_null(strstr(err.msg, "row 2"));
	assert_int_equal(count(st), 2);
	volunteer_list_free(&rows);
	store_close(st);
}

static void
test_import_same_volunteer_twice(void **state)
{
	struct store *st = import_store();
	struct volunteer_list rows = { 0 };
	struct ops_import_result res;
	struct err err;

	(void)state;
	row(&rows, "A", "x@example.org", "");
	row(&rows, "B", "X@EXAMPLE.ORG", "");
	err_clear(&err);
	assert_int_equal(ops_import_volunteers(st, &rows, OPS_IMPORT_EMAIL,
	    false, NULL, &res, &err), -1);
	assert_int_equal(err.code, ERR_INVALID);
	assert_non_null(strstr(err.msg, "row 2: the same volunteer as row 1"));
	assert_int_equal(count(st), 2);
	volunteer_list_free(&rows);
	store_close(st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_import_empty),
		cmocka_unit_test(test_import_add_update_unchanged),
		cmocka_unit_test(test_import_dry_run_writes_nothing),
		cmocka_unit_test(test_import_bad_row_refuses_all),
		cmocka_unit_test(test_import_same_volunteer_twice),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
