/* SPDX-License-Identifier: ISC */
/*
 * Unit tests for src/model/volunteer.c: names, plausible e-mail addresses,
 * the monthly limit, copies and the volunteer and unavailable lists.
 */
#include "harness.h"

#include <stdlib.h>

#include "rooster/model.h"

static void
make_volunteer(struct volunteer *v)
{
	volunteer_init(v);
	v->name = xstrdup("Ana de Vries");
	v->email = xstrdup("ana@example.org");
	v->skills = xstrdup("begeleider,tolk");
	v->languages = xstrdup("nl,ar");
}

static void
set_email(struct volunteer *v, const char *email)
{
	free(v->email);
	v->email = email != NULL ? xstrdup(email) : NULL;
}

/* void volunteer_init(struct volunteer *v) */
static void
test_init(void **state)
{
	struct volunteer v;

	(void)state;
	volunteer_init(&v);
	assert_true(v.active);
	assert_null(v.name);
	assert_int_equal(v.max_per_month, 0);
	volunteer_fini(&v);
	assert_true(v.active);
}

/* int volunteer_validate(const struct volunteer *v, struct err *err) */
static void
test_validate_name(void **state)
{
	static const char *const blank[] = { "", " ", "\t", " \n " };
	struct volunteer v;
	struct err err;
	size_t i;

	(void)state;
	make_volunteer(&v);
	assert_int_equal(volunteer_validate(&v, &err), 0);
	free(v.name);
	v.name = NULL;
	assert_err(volunteer_validate(&v, &err), err, ERR_INVALID);
	assert_contains(err.msg, "name");
	for (i = 0; i < sizeof blank / sizeof blank[0]; i++) {
		free(v.name);
		v.name = xstrdup(blank[i]);
		assert_err(volunteer_validate(&v, &err), err, ERR_INVALID);
	}
	free(v.name);
	v.name = xstrdup("\xc3\x8blla van D\xc4\xb3k \xe5\xb1\xb1\xe7\x94\xb0");
	assert_int_equal(volunteer_validate(&v, &err), 0);
	free(v.name);
	v.name = xstrdup("Ana\xff");
	assert_err(volunteer_validate(&v, &err), err, ERR_INVALID);
	assert_contains(err.msg, "UTF-8");
	free(v.name);
	v.name = xstrdup("Ana");
	v.notes = xstrdup("\xed\xa0\x80");
	assert_err(volunteer_validate(&v, &err), err, ERR_INVALID);
	assert_contains(err.msg, "notes");
	volunteer_fini(&v);
}

/* int volunteer_validate(const struct volunteer *v, struct err *err), e-mail */
static void
test_validate_email(void **state)
{
	static const char *const good[] = {
		"ana@example.org", "ana.de.vries+rooster@mail.example.nl",
		"A_B-c@sub.example.co.uk", "x@y.z"
	};
	static const char *const bad[] = {
		"ana", "@example.org", "ana@", "ana@example",
		"ana@@example.org",
		"ana@b@example.org", "ana@.example.org", "ana@example.org.",
		"ana @example.org", "ana@exa mple.org", "<ana@example.org>",
		"ana@example.org\n", "\"ana\"@example.org", "ana@example,org",
		"ana.b@localhost", "ana@example.org;bob@example.org"
	};
	struct volunteer v;
	struct err err;
	size_t i;

	(void)state;
	make_volunteer(&v);
	set_email(&v, NULL);
	assert_int_equal(volunteer_validate(&v, &err), 0);
	set_email(&v, "");
	assert_int_equal(volunteer_validate(&v, &err), 0);
	for (i = 0; i < sizeof good / sizeof good[0]; i++) {
		set_email(&v, good[i]);
		if (volunteer_validate(&v, &err) != 0)
			fail_msg("'%s' was refused: %s", good[i], err.msg);
	}
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		set_email(&v, bad[i]);
		err_clear(&err);
		if (volunteer_validate(&v, &err) != -1)
			fail_msg("'%s' was accepted", bad[i]);
		assert_int_equal(err.code, ERR_INVALID);
		assert_contains(err.msg, "e-mail");
	}
	volunteer_fini(&v);
}

/* int volunteer_validate(const struct volunteer *v, struct err *err), limit */
static void
test_validate_limit(void **state)
{
	struct volunteer v;
	struct err err;

	(void)state;
	make_volunteer(&v);
	v.max_per_month = -1;
	assert_err(volunteer_validate(&v, &err), err, ERR_INVALID);
	assert_contains(err.msg, "max-per-month");
	v.max_per_month = 1001;
	assert_err(volunteer_validate(&v, &err), err, ERR_INVALID);
	v.max_per_month = 0;
	assert_int_equal(volunteer_validate(&v, &err), 0);
	v.max_per_month = 1000;
	assert_int_equal(volunteer_validate(&v, &err), 0);
	volunteer_fini(&v);
}

/* void volunteer_dup(struct volunteer *dst, const struct volunteer *src) */
static void
test_dup(void **state)
{
	struct volunteer v, copy;

	(void)state;
	make_volunteer(&v);
	v.active = false;
	v.max_per_month = 4;
	volunteer_dup(&copy, &v);
	assert_ptr_not_equal(copy.name, v.name);
	volunteer_fini(&v);
	assert_string_equal(copy.name, "Ana de Vries");
	assert_string_equal(copy.skills, "begeleider,tolk");
	assert_null(copy.phone);
	assert_false(copy.active);
	assert_int_equal(copy.max_per_month, 4);
	volunteer_fini(&copy);
}

/* struct volunteer *volunteer_list_push(struct volunteer_list *list) */
static void
test_list(void **state)
{
	struct volunteer_list list = { 0 };
	struct unavailable_list off = { 0 };
	struct volunteer *v;
	struct unavailable *u;
	int i;

	(void)state;
	for (i = 0; i < 17; i++) {
		v = volunteer_list_push(&list);
		assert_true(v->active);
		assert_null(v->name);
		v->name = xasprintf("v%d", i);
	}
	assert_string_equal(list.items[16].name, "v16");
	volunteer_list_free(&list);
	assert_int_equal(list.len, 0);
	assert_null(list.items);
	for (i = 0; i < 9; i++) {
		u = unavailable_list_push(&off);
		assert_null(u->reason);
		u->reason = i % 2 ? xstrdup("vakantie") : NULL;
	}
	assert_int_equal(off.len, 9);
	unavailable_list_free(&off);
	assert_int_equal(off.len, 0);
	assert_null(off.items);
}

/*
 * bool volunteer_has_skill(const char *skills, const char *role);
 * Items trimmed and compared in ASCII case; inner spaces and accents count.
 */
static void
test_has_skill(void **state)
{
	(void)state;
	assert_true(volunteer_has_skill(NULL, NULL));
	assert_true(volunteer_has_skill(NULL, "Algemeen"));
	assert_true(volunteer_has_skill("", "GENERAL"));
	assert_false(volunteer_has_skill(NULL, "tolk"));
	assert_true(volunteer_has_skill(" Tolk , kok", "tolk"));
	assert_true(volunteer_has_skill("tolk, Eerste Hulp ", "eerste hulp"));
	/* The two spellings are different skills, for assign and audit. */
	assert_false(volunteer_has_skill("eerste hulp", "eerstehulp"));
	assert_false(volunteer_has_skill("eerstehulp", "eerste hulp"));
	assert_true(volunteer_has_skill("café", "CAFé"));
	assert_false(volunteer_has_skill("café", "cafe"));
	assert_false(volunteer_has_skill("koken", "kok"));
}

/*
 * bool volunteer_speaks(const char *languages, const char *shift_language,
 *     const char *event_languages);
 */
static void
test_speaks(void **state)
{
	(void)state;
	assert_true(volunteer_speaks(NULL, NULL, NULL));
	assert_true(volunteer_speaks(NULL, "", " , "));
	assert_false(volunteer_speaks(NULL, "ar", NULL));
	assert_true(volunteer_speaks("nl, AR", "ar", "ti"));
	/* The shift's own language wins over the event's. */
	assert_false(volunteer_speaks("ti", "ar", "ti"));
	assert_true(volunteer_speaks("nl ,ti", "", "ar, ti"));
	assert_false(volunteer_speaks("nl", NULL, "ar,ti"));
	assert_true(volunteer_speaks("Français", NULL, "en, FRANçAIS"));
	assert_false(volunteer_speaks("francais", NULL, "français"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_init),
		cmocka_unit_test(test_validate_name),
		cmocka_unit_test(test_validate_email),
		cmocka_unit_test(test_validate_limit),
		cmocka_unit_test(test_dup),
		cmocka_unit_test(test_list),
		cmocka_unit_test(test_has_skill),
		cmocka_unit_test(test_speaks),
	};

	return cmocka_run_group_tests_name("model/volunteer", tests, NULL,
	    NULL);
}
