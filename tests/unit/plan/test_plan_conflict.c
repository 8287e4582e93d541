/* SPDX-License-Identifier: ISC */
/*
 * Unit tests for src/plan/plan_conflict.c, as a table: each row is one
 * candidate shift, the volunteer's other bookings and unavailable periods,
 * and the conflicts expected, in order. Times are typed as the planner
 * types them, in the plan zone (Europe/Amsterdam); the daylight-saving
 * cases use UTC instants, because the wall clock is what lies there.
 */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>

#include "rooster/model.h"
#include "rooster/plan.h"

#define MAXROWS 6
#define NONE (-1)

struct booked_row {
	int64_t			 shift_id;
	const char		*start;		/* NULL ends the list */
	const char		*end;
	enum assignment_status	 status;
};

struct off_row {
	int64_t		 id;
	const char	*start;			/* NULL ends the list */
	const char	*end;
	const char	*reason;
};

struct conflict_case {
	const char		*name;
	const char		*role;
	const char		*language;
	const char		*start;		/* of shift 10 */
	const char		*end;
	const char		*skills;
	const char		*languages;
	int			 max_per_month;
	int			 rest_minutes;
	struct booked_row	 booked[MAXROWS];
	struct off_row		 off[MAXROWS];
	int			 kinds[MAXROWS];	/* NONE-terminated */
	int64_t			 others[MAXROWS];
	const char		*reason;	/* in the first conflict */
};

#define SAT_14_17 "2027-03-27 14:00", "2027-03-27 17:00"

static const struct conflict_case cases[] = {
	{ "free", "tolk", "", SAT_14_17, "tolk", "nl", 0, 0,
	    { { 0 } }, { { 0 } }, { NONE }, { 0 }, NULL },
	{ "overlap at start", "tolk", "", SAT_14_17, "tolk", "nl", 0, 0,
	    { { 11, "2027-03-27 13:00", "2027-03-27 15:00", 0 } }, { { 0 } },
	    { PLAN_CONFLICT_OVERLAP, NONE }, { 11 },
	    "Ana is already on shift 11 (tolk 2027-03-27 13:00-15:00)" },
	{ "overlap inside", "tolk", "", SAT_14_17, "tolk", "nl", 0, 0,
	    { { 12, "2027-03-27 15:00", "2027-03-27 16:00", 0 } }, { { 0 } },
	    { PLAN_CONFLICT_OVERLAP, NONE }, { 12 }, "shift 12" },
	{ "overlap around", "tolk", "", SAT_14_17, "tolk", "nl", 0, 0,
	    { { 12, "2027-03-27 09:00", "2027-03-27 23:00", 0 } }, { { 0 } },
	    { PLAN_CONFLICT_OVERLAP, NONE }, { 12 }, NULL },
	{ "touching before", "tolk", "", SAT_14_17, "tolk", "nl", 0, 0,
	    { { 11, "2027-03-27 11:00", "2027-03-27 14:00", 0 } }, { { 0 } },
	    { NONE }, { 0 }, NULL },
	{ "touching after", "tolk", "", SAT_14_17, "tolk", "nl", 0, 0,
	    { { 11, "2027-03-27 17:00", "2027-03-27 19:00", 0 } }, { { 0 } },
	    { NONE }, { 0 }, NULL },
	{ "the shift itself is ignored", "tolk", "", SAT_14_17, "tolk", "nl",
	    1, 0, { { 10, "2027-03-27 14:00", "2027-03-27 17:00", 0 } },
	    { { 0 } }, { NONE }, { 0 }, NULL },
	{ "declined is not booked", "tolk", "", SAT_14_17, "tolk", "nl", 0, 0,
	    { { 11, "2027-03-27 13:00", "2027-03-27 15:00",
	    ASSIGNMENT_DECLINED } }, { { 0 } }, { NONE }, { 0 }, NULL },
	{ "tentative is booked", "tolk", "", SAT_14_17, "tolk", "nl", 0, 0,
	    { { 11, "2027-03-27 13:00", "2027-03-27 15:00",
	    ASSIGNMENT_TENTATIVE } }, { { 0 } },
	    { PLAN_CONFLICT_OVERLAP, NONE }, { 11 }, NULL },
	{ "unavailable", "tolk", "", SAT_14_17, "tolk", "nl", 0, 0,
	    { { 0 } }, { { 5, "2027-03-27 15:00", "2027-03-27 16:00",
	    "tandarts" } }, { PLAN_CONFLICT_UNAVAILABLE, NONE }, { 5 },
	    "Ana is unavailable 2027-03-27 15:00-16:00: tandarts" },
	{ "unavailable for days", "tolk", "", SAT_14_17, "tolk", "nl", 0, 0,
	    { { 0 } }, { { 6, "2027-03-20 00:00", "2027-04-03 00:00", "" } },
	    { PLAN_CONFLICT_UNAVAILABLE, NONE }, { 6 },
	    "unavailable 2027-03-20 - 2027-04-02" },
	{ "unavailable one whole day", "tolk", "", SAT_14_17, "tolk", "nl", 0,
	    0, { { 0 } }, { { 7, "2027-03-27 00:00", "2027-03-28 00:00",
	    "vakantie" } }, { PLAN_CONFLICT_UNAVAILABLE, NONE }, { 7 },
	    "Ana is unavailable 2027-03-27: vakantie" },
	{ "unavailable touching", "tolk", "", SAT_14_17, "tolk", "nl", 0, 0,
	    { { 0 } }, { { 5, "2027-03-27 17:00", "2027-03-27 20:00", "" },
	    { 6, "2027-03-27 08:00", "2027-03-27 14:00", "" } },
	    { NONE }, { 0 }, NULL },
	{ "monthly limit reached", "tolk", "", SAT_14_17, "tolk", "nl", 2, 0,
	    { { 11, "2027-03-01 10:00", "2027-03-01 12:00", 0 },
	    { 12, "2027-03-10 10:00", "2027-03-10 12:00", 0 } }, { { 0 } },
	    { PLAN_CONFLICT_MONTHLY_LIMIT, NONE }, { 0 },
	    "Ana already has 2 shifts in 2027-03 (limit 2)" },
	{ "monthly limit not reached", "tolk", "", SAT_14_17, "tolk", "nl", 3,
	    0, { { 11, "2027-03-01 10:00", "2027-03-01 12:00", 0 },
	    { 12, "2027-03-10 10:00", "2027-03-10 12:00", 0 } }, { { 0 } },
	    { NONE }, { 0 }, NULL },
	{ "monthly limit, other month", "tolk", "", SAT_14_17, "tolk", "nl", 1,
	    0, { { 11, "2027-02-27 10:00", "2027-02-27 12:00", 0 },
	    { 12, "2027-04-01 10:00", "2027-04-01 12:00", 0 } }, { { 0 } },
	    { NONE }, { 0 }, NULL },
	{ "monthly limit, declined", "tolk", "", SAT_14_17, "tolk", "nl", 1, 0,
	    { { 11, "2027-03-01 10:00", "2027-03-01 12:00",
	    ASSIGNMENT_DECLINED } }, { { 0 } }, { NONE }, { 0 }, NULL },
	/* 00:30 on April 1st is April here, though still March in UTC. */
	{ "monthly limit, April in the plan zone", "tolk", "",
	    "2027-03-15 10:00", "2027-03-15 12:00", "tolk", "nl", 1, 0,
	    { { 11, "2027-04-01 00:30", "2027-04-01 02:00", 0 } }, { { 0 } },
	    { NONE }, { 0 }, NULL },
	/* 00:30 on March 1st is March here, though February in UTC. */
	{ "monthly limit, March in the plan zone", "tolk", "",
	    "2027-03-15 10:00", "2027-03-15 12:00", "tolk", "nl", 1, 0,
	    { { 11, "2027-03-01 00:30", "2027-03-01 02:00", 0 } }, { { 0 } },
	    { PLAN_CONFLICT_MONTHLY_LIMIT, NONE }, { 0 },
	    "1 shift in 2027-03 (limit 1)" },
	{ "rest exactly the minimum before", "tolk", "", SAT_14_17, "tolk",
	    "nl", 0, 660, { { 11, "2027-03-27 01:00", "2027-03-27 03:00", 0 } },
	    { { 0 } }, { NONE }, { 0 }, NULL },
	{ "rest one minute short before", "tolk", "", SAT_14_17, "tolk", "nl",
	    0, 660, { { 11, "2027-03-27 01:00", "2027-03-27 03:01", 0 } },
	    { { 0 } }, { PLAN_CONFLICT_REST, NONE }, { 11 },
	    "Ana would rest only 659 min" },
	{ "rest off", "tolk", "", SAT_14_17, "tolk", "nl", 0, 0,
	    { { 11, "2027-03-27 01:00", "2027-03-27 13:59", 0 } }, { { 0 } },
	    { NONE }, { 0 }, NULL },
	/* 17:00 CET to 05:00 CEST is 12 hours on the clock, 11 in fact. */
	{ "rest exactly the minimum after, across the DST night", "tolk", "",
	    SAT_14_17, "tolk", "nl", 0, 660,
	    { { 11, "2027-03-28 05:00", "2027-03-28 09:00", 0 } }, { { 0 } },
	    { NONE }, { 0 }, NULL },
	{ "rest short after, across the DST night", "tolk", "", SAT_14_17,
	    "tolk", "nl", 0, 660,
	    { { 11, "2027-03-28 04:59", "2027-03-28 09:00", 0 } }, { { 0 } },
	    { PLAN_CONFLICT_REST, NONE }, { 11 }, "minimum 660 min" },
	{ "skill missing", "tolk", "", SAT_14_17, "begeleider", "nl", 0, 0,
	    { { 0 } }, { { 0 } }, { PLAN_CONFLICT_SKILL, NONE }, { 0 },
	    "Ana does not have the skill 'tolk'" },
	{ "no skills at all", "tolk", "", SAT_14_17, "", "nl", 0, 0,
	    { { 0 } }, { { 0 } }, { PLAN_CONFLICT_SKILL, NONE }, { 0 }, NULL },
	{ "skill among several, any case", "Tolk", "", SAT_14_17,
	    "ehbo, tolk", "nl", 0, 0, { { 0 } }, { { 0 } }, { NONE }, { 0 },
	    NULL },
	{ "skill is a whole item", "tolk", "", SAT_14_17, "tolken", "nl", 0, 0,
	    { { 0 } }, { { 0 } }, { PLAN_CONFLICT_SKILL, NONE }, { 0 }, NULL },
	{ "algemeen needs no skill", SHIFT_ROLE_GENERAL, "", SAT_14_17, "",
	    "", 0, 0, { { 0 } }, { { 0 } }, { NONE }, { 0 }, NULL },
	{ "Algemeen needs no skill", "Algemeen", "", SAT_14_17, "", "", 0, 0,
	    { { 0 } }, { { 0 } }, { NONE }, { 0 }, NULL },
	{ "language missing", "tolk", "ti", SAT_14_17, "tolk", "nl,ar", 0, 0,
	    { { 0 } }, { { 0 } }, { PLAN_CONFLICT_LANGUAGE, NONE }, { 0 },
	    "Ana does not speak 'ti'" },
	{ "language spoken", "tolk", "AR", SAT_14_17, "tolk", "nl,ar", 0, 0,
	    { { 0 } }, { { 0 } }, { NONE }, { 0 }, NULL },
	{ "no language needed", "tolk", "", SAT_14_17, "tolk", "", 0, 0,
	    { { 0 } }, { { 0 } }, { NONE }, { 0 }, NULL },
	{ "everything at once", "tolk", "ti", SAT_14_17, "", "nl", 1, 60,
	    { { 11, "2027-03-27 13:00", "2027-03-27 15:00", 0 },
	    { 12, "2027-03-27 17:30", "2027-03-27 18:00", 0 } },
	    { { 5, "2027-03-27 16:00", "2027-03-27 18:00", "" } },
	    { PLAN_CONFLICT_OVERLAP, PLAN_CONFLICT_REST,
	    PLAN_CONFLICT_MONTHLY_LIMIT, PLAN_CONFLICT_UNAVAILABLE,
	    PLAN_CONFLICT_SKILL, PLAN_CONFLICT_LANGUAGE },
	    { 11, 12, 0, 5, 0, 0 }, NULL },
};

static int64_t
when(const char *s)
{
	struct err err;
	int64_t t;

	if (rtime_parse_when(s, &t, &err) != 0)
		fail_msg("bad time in table: %s", err.msg);
	return t;
}

static int
setup(void **state)
{
	struct err err;

	(void)state;
	return rtime_zone_set("Europe/Amsterdam", &err);
}

/* Build the structs of one row, check, and free them. */
static void
run_case(const struct conflict_case *tc)
{
	struct shift sh;
	struct volunteer v;
	struct assignment_list booked = { 0 };
	struct unavailable_list off = { 0 };
	struct plan_conflict_list out = { 0 };
	struct plan_candidate c;
	struct assignment *a;
	struct unavailable *u;
	size_t i, n, want;

	shift_init(&sh);
	sh.id = 10;
	sh.role = xstrdup(tc->role);
	sh.language = xstrdup(tc->language);
	sh.start = when(tc->start);
	sh.end = when(tc->end);
	sh.needed = 1;
	volunteer_init(&v);
	v.id = 1;
	v.name = xstrdup("Ana");
	v.skills = xstrdup(tc->skills);
	v.languages = xstrdup(tc->languages);
	v.max_per_month = tc->max_per_month;
	for (i = 0; i < MAXROWS && tc->booked[i].start != NULL; i++) {
		a = assignment_list_push(&booked);
		a->shift_id = tc->booked[i].shift_id;
		a->volunteer_id = 1;
		a->status = tc->booked[i].status;
		a->role = xstrdup("tolk");
		a->start = when(tc->booked[i].start);
		a->end = when(tc->booked[i].end);
	}
	for (i = 0; i < MAXROWS && tc->off[i].start != NULL; i++) {
		u = unavailable_list_push(&off);
		u->id = tc->off[i].id;
		u->volunteer_id = 1;
		u->start = when(tc->off[i].start);
		u->end = when(tc->off[i].end);
		u->reason = xstrdup(tc->off[i].reason);
	}
	memset(&c, 0, sizeof c);	/* fields this table does not set */
	c.zone = "Europe/Amsterdam";
	c.shift = &sh;
	c.volunteer = &v;
	c.booked = &booked;
	c.unavailable = &off;
	c.rest_minutes = tc->rest_minutes;

	n = plan_conflict_check(&c, &out);
	for (want = 0; want < MAXROWS && tc->kinds[want] != NONE; want++)
		;
	if (n != want || out.len != want) {
		for (i = 0; i < out.len; i++)
			print_error("  got %s: %s\n", plan_conflict_kind_name(
			    out.items[i].kind), out.items[i].reason);
		fail_msg("%s: %zu conflicts, want %zu", tc->name, n, want);
	}
	for (i = 0; i < want; i++) {
		if ((int)out.items[i].kind != tc->kinds[i] ||
		    out.items[i].other_id != tc->others[i])
			fail_msg("%s: conflict %zu is %s/%lld, want %s/%lld",
			    tc->name, i, plan_conflict_kind_name(
			    out.items[i].kind),
			    (long long)out.items[i].other_id,
			    plan_conflict_kind_name((enum plan_conflict_kind)
			    tc->kinds[i]), (long long)tc->others[i]);
		assert_contains(out.items[i].reason, "Ana");
		assert_null(strchr(out.items[i].reason, '\n'));
	}
	if (tc->reason != NULL)
		assert_contains(out.items[0].reason, tc->reason);

	plan_conflict_list_free(&out);
	assert_null(out.items);
	assignment_list_free(&booked);
	unavailable_list_free(&off);
	volunteer_fini(&v);
	shift_fini(&sh);
}

/*
 * size_t plan_conflict_check(const struct plan_candidate *c, struct
 *     plan_conflict_list *out)
 */
static void
test_table(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		run_case(&cases[i]);
}

/* One shift [start, end) against one booking [bstart, bend), as instants. */
static size_t
check_instants(int64_t start, int64_t end, int64_t bstart, int64_t bend,
    int rest, struct plan_conflict_list *out)
{
	struct shift sh;
	struct volunteer v;
	struct assignment_list booked = { 0 };
	struct assignment *a;
	struct plan_candidate c;
	size_t n;

	shift_init(&sh);
	sh.id = 10;
	sh.role = xstrdup(SHIFT_ROLE_GENERAL);
	sh.start = start;
	sh.end = end;
	volunteer_init(&v);
	v.name = xstrdup("Ana");
	a = assignment_list_push(&booked);
	a->shift_id = 11;
	a->start = bstart;
	a->end = bend;
	memset(&c, 0, sizeof c);
	c.zone = "Europe/Amsterdam";
	c.shift = &sh;
	c.volunteer = &v;
	c.booked = &booked;
	c.unavailable = NULL;
	c.rest_minutes = rest;
	n = plan_conflict_check(&c, out);
	assignment_list_free(&booked);
	volunteer_fini(&v);
	shift_fini(&sh);
	return n;
}

/* size_t plan_conflict_check(...), spring-forward night */
static void
test_dst_spring(void **state)
{
	/* 2027-03-28 00:30Z-01:30Z: 01:30 CET to 03:30 CEST, one hour. */
	const int64_t start = INT64_C(1806193800), end = INT64_C(1806197400);
	struct plan_conflict_list out = { 0 };

	(void)state;
	/* 01:15Z-02:00Z is 03:15-04:00 CEST: it overlaps. */
	assert_int_equal(check_instants(start, end, end - 900, end + 1800, 0,
	    &out), 1);
	assert_int_equal(out.items[0].kind, PLAN_CONFLICT_OVERLAP);
	/* Shown in local time; no role known gives no stray space. */
	assert_contains(out.items[0].reason, "(2027-03-28 03:15-04:00)");
	plan_conflict_list_free(&out);
	/* 01:30Z-02:30Z is 03:30-04:30 CEST: it only touches. */
	assert_int_equal(check_instants(start, end, end, end + 3600, 0, &out),
	    0);
	/* 23:30Z-00:30Z is 00:30-01:30 CET: it touches the start. */
	assert_int_equal(check_instants(start, end, start - 3600, start, 0,
	    &out), 0);
	/* The shift lasts one hour, not the two the clock shows. */
	assert_true(end - start == 3600);
	plan_conflict_list_free(&out);
}

/* size_t plan_conflict_check(...), fall-back night */
static void
test_dst_autumn(void **state)
{
	/* 2027-10-31 02:30-03:00 CEST, then the same wall time in CET. */
	const int64_t cest = INT64_C(1824942600), cet = INT64_C(1824946200);
	struct plan_conflict_list out = { 0 };

	(void)state;
	/* Same wall clock, different instants: no double booking. */
	assert_int_equal(check_instants(cest, cest + 1800, cet, cet + 1800, 0,
	    &out), 0);
	/* But only 30 minutes apart: too little rest for a 60-minute rule. */
	assert_int_equal(check_instants(cest, cest + 1800, cet, cet + 1800,
	    60, &out), 1);
	assert_int_equal(out.items[0].kind, PLAN_CONFLICT_REST);
	assert_contains(out.items[0].reason, "only 30 min");
	plan_conflict_list_free(&out);
	/* The same instants do overlap. */
	assert_int_equal(check_instants(cest, cest + 1800, cest + 60,
	    cest + 120, 0, &out), 1);
	plan_conflict_list_free(&out);
}

/* size_t plan_conflict_check(...): appends, and returns what it appended */
static void
test_appends(void **state)
{
	struct plan_conflict_list out = { 0 };
	size_t i;

	(void)state;
	for (i = 0; i < 20; i++)
		assert_int_equal(check_instants(100000, 200000, 150000, 160000,
		    0, &out), 1);
	assert_int_equal(out.len, 20);
	for (i = 0; i < out.len; i++)
		assert_int_equal(out.items[i].kind, PLAN_CONFLICT_OVERLAP);
	plan_conflict_list_free(&out);
	assert_int_equal(out.len, 0);
	plan_conflict_list_free(&out);
}

/* const char *plan_conflict_kind_name(enum plan_conflict_kind kind) */
static void
test_kind_name(void **state)
{
	(void)state;
	assert_string_equal(plan_conflict_kind_name(PLAN_CONFLICT_OVERLAP),
	    "overlap");
	assert_string_equal(plan_conflict_kind_name(PLAN_CONFLICT_UNAVAILABLE),
	    "unavailable");
	assert_string_equal(plan_conflict_kind_name(
	    PLAN_CONFLICT_MONTHLY_LIMIT), "monthly-limit");
	assert_string_equal(plan_conflict_kind_name(PLAN_CONFLICT_REST),
	    "rest");
	assert_string_equal(plan_conflict_kind_name(PLAN_CONFLICT_SKILL),
	    "skill");
	assert_string_equal(plan_conflict_kind_name(PLAN_CONFLICT_LANGUAGE),
	    "language");
	assert_string_equal(plan_conflict_kind_name(
	    (enum plan_conflict_kind)6), "?");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_dst_spring),
		cmocka_unit_test(test_dst_autumn),
		cmocka_unit_test(test_appends),
		cmocka_unit_test(test_kind_name),
	};

	return cmocka_run_group_tests_name("plan/conflict", tests, setup,
	    NULL);
}
