/* SPDX-License-Identifier: ISC */
/*
 * void plan_suggest_add(struct plan_suggestion_list *out,
 *     const struct plan_candidate *c, int recent);
 * void plan_suggest_rank(struct plan_suggestion_list *out);
 * const char *plan_suggest_reason(struct plan_suggestion *s,
 *     const struct shift *sh, const char *event_languages);
 * Ranking: no conflict first, then skill, language, fewest recent shifts,
 * name; every suggestion carries a one-line reason.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "rooster/plan.h"

struct sg_person {
	const char	*name;
	const char	*skills;
	const char	*languages;
	int		 recent;
	bool		 busy;		/* booked over the shift */
};

/* Shift: 2027-06-01 10:00-12:00 UTC, role tolk, language ar. */
static void
sg_rank(const struct sg_person *people, size_t n, const char **want,
    size_t nwant)
{
	struct plan_suggestion_list out = { 0 };
	struct volunteer *v = xcalloc(n, sizeof *v);
	struct assignment busy;
	struct assignment_list booked = { &busy, 1, 1 }, none = { 0 };
	struct plan_candidate c;
	struct shift sh;
	size_t i;

	shift_init(&sh);
	sh.id = 9;
	sh.role = xstrdup("tolk");
	sh.language = xstrdup("ar");
	sh.start = INT64_C(1811839200);
	sh.end = sh.start + 7200;
	assignment_init(&busy);
	busy.shift_id = 3;
	busy.start = sh.start - 3600;
	busy.end = sh.start + 3600;
	for (i = 0; i < n; i++) {
		volunteer_init(&v[i]);
		v[i].id = (int64_t)i + 1;
		v[i].name = xstrdup(people[i].name);
		v[i].skills = xstrdup(people[i].skills);
		v[i].languages = xstrdup(people[i].languages);
		memset(&c, 0, sizeof c);
		c.zone = "Europe/Amsterdam";
		c.shift = &sh;
		c.volunteer = &v[i];
		c.booked = people[i].busy ? &booked : &none;
		plan_suggest_add(&out, &c, people[i].recent);
	}
	plan_suggest_rank(&out);
	assert_int_equal(out.len, nwant);
	for (i = 0; i < nwant; i++) {
		if (strcmp(out.items[i].volunteer->name, want[i]) != 0)
			fail_msg("rank %zu: got %s, want %s", i + 1,
			    out.items[i].volunteer->name, want[i]);
		assert_non_null(plan_suggest_reason(&out.items[i], &sh, NULL));
		assert_true(plan_suggest_reason(&out.items[i], &sh,
		    NULL)[0] != '\0');
	}
	plan_suggestion_list_free(&out);
	for (i = 0; i < n; i++)
		volunteer_fini(&v[i]);
	free(v);
	shift_fini(&sh);
}

static void
test_suggest_empty(void **state)
{
	struct plan_suggestion_list out = { 0 };

	(void)state;
	plan_suggest_rank(&out);
	assert_int_equal(out.len, 0);
	plan_suggestion_list_free(&out);
}

static void
test_suggest_order(void **state)
{
	static const struct sg_person people[] = {
		/* conflicts: busy (but fits otherwise) */
		{ "Busy", "tolk", "ar", 0, true },
		/* conflict: no skill, but speaks ar */
		{ "NoSkill", "", "ar", 0, false },
		/* conflicts: neither skill nor language */
		{ "Neither", "", "nl", 0, false },
		/* conflict: skill, no language */
		{ "NoArabic", "tolk", "nl", 0, false },
		/* fits, loaded */
		{ "Loaded", "tolk", "ar,nl", 5, false },
		/* fits, equal load: by name, case-insensitive */
		{ "bram", "tolk", "ar", 1, false },
		{ "Anna", "tolk", "ar", 1, false },
	};
	static const char *want[] = {
		"Anna", "bram", "Loaded", "Busy", "NoArabic", "NoSkill",
		"Neither",
	};

	(void)state;
	sg_rank(people, sizeof people / sizeof people[0], want,
	    sizeof want / sizeof want[0]);
}

static void
test_suggest_reasons(void **state)
{
	struct plan_suggestion_list out = { 0 };
	struct plan_candidate c;
	struct volunteer v;
	struct shift sh;

	(void)state;
	shift_init(&sh);
	sh.role = xstrdup("tolk");
	sh.language = xstrdup("ar");
	sh.start = INT64_C(1811839200);
	sh.end = sh.start + 7200;
	volunteer_init(&v);
	v.name = xstrdup("Samira");
	v.skills = xstrdup("tolk");
	v.languages = xstrdup("ar");
	memset(&c, 0, sizeof c);
	c.zone = "Europe/Amsterdam";
	c.shift = &sh;
	c.volunteer = &v;
	plan_suggest_add(&out, &c, 2);
	assert_int_equal(out.items[0].conflicts, 0);
	assert_string_equal(plan_suggest_reason(&out.items[0], &sh, NULL),
	    "free, has skill tolk, speaks ar; 2 shifts in 30 days before");
	free(v.languages);
	v.languages = xstrdup("nl");
	plan_suggest_add(&out, &c, 0);
	assert_int_equal(out.items[1].conflicts, 1);
	assert_false(out.items[1].language_match);
	assert_true(out.items[1].skill_match);
	assert_string_equal(out.items[1].reason, "Samira does not speak 'ar'");
	plan_suggestion_list_free(&out);
	volunteer_fini(&v);
	shift_fini(&sh);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_suggest_empty),
		cmocka_unit_test(test_suggest_order),
		cmocka_unit_test(test_suggest_reasons),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
