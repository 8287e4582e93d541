/* SPDX-License-Identifier: ISC */
/*
 * size_t plan_conflict_check(const struct plan_candidate *c,
 *     struct plan_conflict_list *out);
 * The rules at their edges, one table row each: touching shifts, a shift
 * across midnight, the night the clocks go forward in Amsterdam, month
 * boundaries in the plan zone, rest exactly at the minimum, unavailable
 * periods, skills and languages (the shift's and the event's).
 * (test_plan_conflict.c holds the basic cases.)
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "rooster/plan.h"

#define K(kind)	(1u << (kind))
#define OVL	K(PLAN_CONFLICT_OVERLAP)
#define UNAV	K(PLAN_CONFLICT_UNAVAILABLE)
#define MONTH	K(PLAN_CONFLICT_MONTHLY_LIMIT)
#define REST	K(PLAN_CONFLICT_REST)
#define SKILL	K(PLAN_CONFLICT_SKILL)
#define LANG	K(PLAN_CONFLICT_LANGUAGE)

struct rule_span {
	const char	*start;		/* local WHEN in Europe/Amsterdam */
	const char	*end;
	bool		 declined;
};

struct rule_case {
	const char	*name;
	struct rule_span shift;
	const char	*role;
	const char	*language;	/* the shift's */
	const char	*event_languages;
	const char	*skills;
	const char	*languages;	/* the volunteer's */
	int		 max_per_month;
	int		 rest_minutes;
	struct rule_span booked[3];
	struct rule_span off[2];
	bool		 month_given;
	int		 month_booked;
	unsigned	 expect;	/* bit set of conflict kinds */
};

static const struct rule_case rule_cases[] = {
	{ "touching shifts do not conflict",
	  { "2027-05-01 12:00", "2027-05-01 15:00", false }, "algemeen", "",
	  NULL, "", "nl", 0, 0,
	  { { "2027-05-01 09:00", "2027-05-01 12:00", false } }, { { 0 } },
	  false, 0, 0 },
	{ "overlapping shifts conflict",
	  { "2027-05-01 11:59", "2027-05-01 15:00", false }, "algemeen", "",
	  NULL, "", "nl", 0, 0,
	  { { "2027-05-01 09:00", "2027-05-01 12:00", false } }, { { 0 } },
	  false, 0, OVL },
	{ "a declined shift does not count",
	  { "2027-05-01 10:00", "2027-05-01 11:00", false }, "algemeen", "",
	  NULL, "", "nl", 1, 600,
	  { { "2027-05-01 09:00", "2027-05-01 12:00", true } }, { { 0 } },
	  false, 0, 0 },
	{ "a shift across midnight overlaps the early morning",
	  { "2027-05-02 01:00", "2027-05-02 05:00", false }, "algemeen", "",
	  NULL, "", "", 0, 0,
	  { { "2027-05-01 22:00", "2027-05-02 02:00", false } }, { { 0 } },
	  false, 0, OVL },
	{ "a shift across midnight touches the next",
	  { "2027-05-02 02:00", "2027-05-02 06:00", false }, "algemeen", "",
	  NULL, "", "", 0, 0,
	  { { "2027-05-01 22:00", "2027-05-02 02:00", false } }, { { 0 } },
	  false, 0, 0 },
	/* 01:30 CET is 00:30 UTC, 03:30 CEST is 01:30 UTC: one hour. */
	{ "DST night: 03:00-04:00 overlaps 01:30-03:30 on instants",
	  { "2027-03-28 01:30", "2027-03-28 03:30", false }, "algemeen", "",
	  NULL, "", "", 0, 0,
	  { { "2027-03-28 03:00", "2027-03-28 04:00", false } }, { { 0 } },
	  false, 0, OVL },
	{ "DST night: 03:30-05:00 touches 01:30-03:30",
	  { "2027-03-28 01:30", "2027-03-28 03:30", false }, "algemeen", "",
	  NULL, "", "", 0, 0,
	  { { "2027-03-28 03:30", "2027-03-28 05:00", false } }, { { 0 } },
	  false, 0, 0 },
	{ "DST night: an hour of rest on instants is enough",
	  { "2027-03-28 01:30", "2027-03-28 03:30", false }, "algemeen", "",
	  NULL, "", "", 0, 60,
	  { { "2027-03-28 04:30", "2027-03-28 06:00", false } }, { { 0 } },
	  false, 0, 0 },
	{ "DST night: 59 minutes of rest on instants is not",
	  { "2027-03-28 01:30", "2027-03-28 03:30", false }, "algemeen", "",
	  NULL, "", "", 0, 60,
	  { { "2027-03-28 00:00", "2027-03-28 00:31", false } }, { { 0 } },
	  false, 0, REST },
	{ "rest exactly at the minimum, before and after",
	  { "2027-05-03 11:00", "2027-05-03 15:00", false }, "algemeen", "",
	  NULL, "", "", 0, 60,
	  { { "2027-05-03 08:00", "2027-05-03 10:00", false },
	    { "2027-05-03 16:00", "2027-05-03 18:00", false } }, { { 0 } },
	  false, 0, 0 },
	{ "one minute short of rest after",
	  { "2027-05-03 11:00", "2027-05-03 15:00", false }, "algemeen", "",
	  NULL, "", "", 0, 60,
	  { { "2027-05-03 15:59", "2027-05-03 18:00", false } }, { { 0 } },
	  false, 0, REST },
	{ "one minute short of rest before",
	  { "2027-05-03 11:00", "2027-05-03 15:00", false }, "algemeen", "",
	  NULL, "", "", 0, 60,
	  { { "2027-05-03 08:00", "2027-05-03 10:01", false } }, { { 0 } },
	  false, 0, REST },
	{ "rest rule off by default",
	  { "2027-05-03 11:00", "2027-05-03 15:00", false }, "algemeen", "",
	  NULL, "", "", 0, 0,
	  { { "2027-05-03 08:00", "2027-05-03 11:00", false } }, { { 0 } },
	  false, 0, 0 },
	/* 00:30 on 1 February in Amsterdam is still January in UTC. */
	{ "month limit: last evening of January is another month",
	  { "2027-02-01 00:30", "2027-02-01 01:30", false }, "algemeen", "",
	  NULL, "", "", 1, 0,
	  { { "2027-01-31 23:30", "2027-01-31 23:45", false } }, { { 0 } },
	  false, 0, 0 },
	{ "month limit: same local month conflicts",
	  { "2027-02-01 00:30", "2027-02-01 01:30", false }, "algemeen", "",
	  NULL, "", "", 1, 0,
	  { { "2027-02-28 23:30", "2027-02-28 23:45", false } }, { { 0 } },
	  false, 0, MONTH },
	{ "month limit: 00:30 on 1 March is March though UTC says February",
	  { "2027-02-10 10:00", "2027-02-10 12:00", false }, "algemeen", "",
	  NULL, "", "", 1, 0,
	  { { "2027-03-01 00:30", "2027-03-01 02:00", false } }, { { 0 } },
	  false, 0, 0 },
	{ "month limit: a shift is counted by its start",
	  { "2027-03-10 10:00", "2027-03-10 12:00", false }, "algemeen", "",
	  NULL, "", "", 1, 0,
	  { { "2027-02-28 23:00", "2027-03-01 03:00", false } }, { { 0 } },
	  false, 0, 0 },
	{ "month limit below the limit",
	  { "2027-03-10 10:00", "2027-03-10 12:00", false }, "algemeen", "",
	  NULL, "", "", 2, 0,
	  { { "2027-03-01 10:00", "2027-03-01 12:00", false } }, { { 0 } },
	  false, 0, 0 },
	{ "month count given replaces counting",
	  { "2027-03-10 10:00", "2027-03-10 12:00", false }, "algemeen", "",
	  NULL, "", "", 2, 0, { { 0 } }, { { 0 } }, true, 2, MONTH },
	{ "unavailable period overlapping",
	  { "2027-06-01 10:00", "2027-06-01 12:00", false }, "algemeen", "",
	  NULL, "", "", 0, 0, { { 0 } },
	  { { "2027-06-01 11:00", "2027-06-05 00:00", false } }, false, 0,
	  UNAV },
	{ "unavailable period touching",
	  { "2027-06-01 10:00", "2027-06-01 12:00", false }, "algemeen", "",
	  NULL, "", "", 0, 0, { { 0 } },
	  { { "2027-06-01 12:00", "2027-06-05 00:00", false },
	    { "2027-05-20 00:00", "2027-06-01 10:00", false } }, false, 0,
	  0 },
	{ "skill missing",
	  { "2027-06-01 10:00", "2027-06-01 12:00", false }, "tolk", "",
	  NULL, "begeleider", "", 0, 0, { { 0 } }, { { 0 } }, false, 0,
	  SKILL },
	{ "skill present, any case",
	  { "2027-06-01 10:00", "2027-06-01 12:00", false }, "tolk", "",
	  NULL, "begeleider,Tolk", "", 0, 0, { { 0 } }, { { 0 } }, false, 0,
	  0 },
	{ "general role needs no skill",
	  { "2027-06-01 10:00", "2027-06-01 12:00", false }, "algemeen", "",
	  NULL, "", "", 0, 0, { { 0 } }, { { 0 } }, false, 0, 0 },
	{ "interpreter shift needing Arabic, not spoken",
	  { "2027-06-01 10:00", "2027-06-01 12:00", false }, "tolk", "ar",
	  NULL, "tolk", "nl,en", 0, 0, { { 0 } }, { { 0 } }, false, 0,
	  LANG },
	{ "interpreter shift needing Arabic, spoken",
	  { "2027-06-01 10:00", "2027-06-01 12:00", false }, "tolk", "ar",
	  NULL, "tolk", "nl,ar", 0, 0, { { 0 } }, { { 0 } }, false, 0, 0 },
	{ "event asks for Arabic or Tigrinya, volunteer speaks neither",
	  { "2027-06-01 10:00", "2027-06-01 12:00", false }, "algemeen", "",
	  "ar, ti", "", "nl", 0, 0, { { 0 } }, { { 0 } }, false, 0, LANG },
	{ "event asks for Arabic or Tigrinya, volunteer speaks Tigrinya",
	  { "2027-06-01 10:00", "2027-06-01 12:00", false }, "algemeen", "",
	  "ar,ti", "", "nl,TI", 0, 0, { { 0 } }, { { 0 } }, false, 0, 0 },
	{ "the shift's language wins over the event's",
	  { "2027-06-01 10:00", "2027-06-01 12:00", false }, "algemeen",
	  "nl", "ar", "", "nl", 0, 0, { { 0 } }, { { 0 } }, false, 0, 0 },
	{ "everything at once",
	  { "2027-06-01 10:00", "2027-06-01 12:00", false }, "tolk", "ar",
	  NULL, "", "nl", 1, 120,
	  { { "2027-06-01 11:00", "2027-06-01 13:00", false },
	    { "2027-06-01 13:00", "2027-06-01 14:00", false } },
	  { { "2027-06-01 09:00", "2027-06-01 10:30", false } }, false, 0,
	  OVL | REST | MONTH | UNAV | SKILL | LANG },
};

static int64_t
rule_when(const char *s)
{
	struct err err;
	int64_t t = 0;

	if (rtime_parse_when(s, &t, &err) < 0)
		fail_msg("bad WHEN in table: %s: %s", s, err.msg);
	return t;
}

static int
rule_setup(void **state)
{
	struct err err;

	(void)state;
	return rtime_zone_set("Europe/Amsterdam", &err);
}

static void
test_rule_table(void **state)
{
	size_t i, j;

	(void)state;
	for (i = 0; i < sizeof rule_cases / sizeof rule_cases[0]; i++) {
		const struct rule_case *rc = &rule_cases[i];
		struct assignment_list booked = { 0 };
		struct unavailable_list off = { 0 };
		struct plan_conflict_list out = { 0 };
		struct plan_candidate c;
		struct shift sh;
		struct volunteer v;
		unsigned got = 0;
		size_t n;

		shift_init(&sh);
		sh.id = 1000;
		sh.role = xstrdup(rc->role);
		sh.language = xstrdup(rc->language);
		sh.start = rule_when(rc->shift.start);
		sh.end = rule_when(rc->shift.end);
		volunteer_init(&v);
		v.id = 7;
		v.name = xstrdup("Ana");
		v.skills = xstrdup(rc->skills);
		v.languages = xstrdup(rc->languages);
		v.max_per_month = rc->max_per_month;
		for (j = 0; j < 3 && rc->booked[j].start != NULL; j++) {
			struct assignment *a = assignment_list_push(&booked);

			a->shift_id = (int64_t)(j + 1);
			a->volunteer_id = 7;
			a->role = xstrdup("begeleider");
			a->start = rule_when(rc->booked[j].start);
			a->end = rule_when(rc->booked[j].end);
			a->status = rc->booked[j].declined ?
			    ASSIGNMENT_DECLINED : ASSIGNMENT_ACCEPTED;
		}
		for (j = 0; j < 2 && rc->off[j].start != NULL; j++) {
			struct unavailable *u = unavailable_list_push(&off);

			u->id = (int64_t)(j + 1);
			u->volunteer_id = 7;
			u->start = rule_when(rc->off[j].start);
			u->end = rule_when(rc->off[j].end);
			u->reason = xstrdup("holiday");
		}
		memset(&c, 0, sizeof c);
		c.zone = "Europe/Amsterdam";
		c.shift = &sh;
		c.volunteer = &v;
		c.booked = &booked;
		c.unavailable = &off;
		c.rest_minutes = rc->rest_minutes;
		c.event_languages = rc->event_languages;
		c.month_given = rc->month_given;
		c.month_booked = rc->month_booked;
		n = plan_conflict_check(&c, &out);
		assert_int_equal(n, out.len);
		for (j = 0; j < out.len; j++) {
			got |= K(out.items[j].kind);
			/* One line that names the volunteer. */
			assert_null(strchr(out.items[j].reason, '\n'));
			assert_non_null(strstr(out.items[j].reason, "Ana"));
		}
		if (got != rc->expect)
			fail_msg("case '%s': got kinds 0x%x, want 0x%x%s%s",
			    rc->name, got, rc->expect, out.len ? ": " : "",
			    out.len ? out.items[0].reason : "");
		plan_conflict_list_free(&out);
		assignment_list_free(&booked);
		unavailable_list_free(&off);
		shift_fini(&sh);
		volunteer_fini(&v);
	}
}

/* A conflict's reason names the other shift and the local times. */
static void
test_rule_reason_names_other(void **state)
{
	struct assignment_list booked = { 0 };
	struct plan_conflict_list out = { 0 };
	struct plan_candidate c;
	struct assignment *a;
	struct shift sh;
	struct volunteer v;

	(void)state;
	shift_init(&sh);
	sh.id = 5;
	sh.role = xstrdup("algemeen");
	sh.start = rule_when("2027-03-28 01:30");
	sh.end = rule_when("2027-03-28 03:30");
	volunteer_init(&v);
	v.name = xstrdup("Yonas");
	a = assignment_list_push(&booked);
	a->shift_id = 42;
	a->role = xstrdup("chauffeur");
	a->start = rule_when("2027-03-28 03:00");
	a->end = rule_when("2027-03-28 04:00");
	memset(&c, 0, sizeof c);
	c.zone = "Europe/Amsterdam";
	c.shift = &sh;
	c.volunteer = &v;
	c.booked = &booked;
	assert_int_equal(plan_conflict_check(&c, &out), 1);
	assert_int_equal(out.items[0].other_id, 42);
	assert_string_equal(out.items[0].reason, "Yonas is already on shift 42 "
	    "(chauffeur 2027-03-28 03:00-04:00)");
	plan_conflict_list_free(&out);
	assignment_list_free(&booked);
	shift_fini(&sh);
	volunteer_fini(&v);
}

/* The same shift is never in conflict with itself (re-checking). */
static void
test_rule_same_shift_ignored(void **state)
{
	struct assignment_list booked = { 0 };
	struct plan_conflict_list out = { 0 };
	struct plan_candidate c;
	struct assignment *a;
	struct shift sh;
	struct volunteer v;

	(void)state;
	shift_init(&sh);
	sh.id = 5;
	sh.role = xstrdup("algemeen");
	sh.start = rule_when("2027-05-01 10:00");
	sh.end = rule_when("2027-05-01 12:00");
	volunteer_init(&v);
	v.name = xstrdup("Ana");
	v.max_per_month = 1;
	a = assignment_list_push(&booked);
	a->shift_id = 5;
	a->start = sh.start;
	a->end = sh.end;
	memset(&c, 0, sizeof c);
	c.zone = "Europe/Amsterdam";
	c.shift = &sh;
	c.volunteer = &v;
	c.booked = &booked;
	c.rest_minutes = 60;
	assert_int_equal(plan_conflict_check(&c, &out), 0);
	plan_conflict_list_free(&out);
	assignment_list_free(&booked);
	shift_fini(&sh);
	volunteer_fini(&v);
}

/*
 * The monthly limit counts months in the plan's zone (c.zone), not in
 * the zone the process happens to be in: a shift on the evening of
 * 31 March in Amsterdam is already 1 April in Auckland.
 */
static int
rule_month_limit_in(const char *zone, const char *process_zone,
    char *reason, size_t size)
{
	struct assignment_list booked = { 0 };
	struct plan_conflict_list out = { 0 };
	struct plan_candidate c;
	struct assignment *a;
	struct shift sh;
	struct volunteer v;
	struct err err;
	size_t i;
	int n = 0;

	shift_init(&sh);
	sh.id = 7;
	sh.role = xstrdup("algemeen");
	sh.start = rule_when("2027-03-31 20:00");	/* Amsterdam, CEST */
	sh.end = rule_when("2027-03-31 23:00");
	volunteer_init(&v);
	v.name = xstrdup("Ana");
	v.max_per_month = 1;
	a = assignment_list_push(&booked);
	a->shift_id = 6;
	a->start = rule_when("2027-03-10 10:00");
	a->end = rule_when("2027-03-10 12:00");
	/* The process works in another zone, set both ways there are. */
	assert_int_equal(rtime_zone_set(process_zone, &err), 0);
	setenv("TZ", process_zone, 1);
	tzset();
	memset(&c, 0, sizeof c);
	c.shift = &sh;
	c.volunteer = &v;
	c.booked = &booked;
	c.zone = zone;
	plan_conflict_check(&c, &out);
	reason[0] = '\0';
	for (i = 0; i < out.len; i++)
		if (out.items[i].kind == PLAN_CONFLICT_MONTHLY_LIMIT) {
			snprintf(reason, size, "%s", out.items[i].reason);
			n++;
		}
	/* The process's zone is left as it was, for what it shows. */
	assert_string_equal(rtime_zone(), process_zone);
	assert_int_equal(rtime_month(sh.start), strcmp(process_zone,
	    "Pacific/Auckland") == 0 ? 202704 : 202703);
	assert_int_equal(rtime_zone_set("Europe/Amsterdam", &err), 0);
	plan_conflict_list_free(&out);
	assignment_list_free(&booked);
	shift_fini(&sh);
	volunteer_fini(&v);
	return n;
}

static void
test_rule_month_in_plan_zone(void **state)
{
	char reason[256];

	(void)state;
	/* Both in March in Amsterdam: the limit of one is reached. */
	assert_int_equal(rule_month_limit_in("Europe/Amsterdam",
	    "Pacific/Auckland", reason, sizeof reason), 1);
	assert_non_null(strstr(reason, "2027-03"));
	assert_int_equal(rule_month_limit_in("Europe/Amsterdam",
	    "Europe/Amsterdam", reason, sizeof reason), 1);
	/* In Auckland the shift falls in April: no limit, wherever we run. */
	assert_int_equal(rule_month_limit_in("Pacific/Auckland",
	    "Europe/Amsterdam", reason, sizeof reason), 0);
	assert_int_equal(rule_month_limit_in("Pacific/Auckland",
	    "Pacific/Auckland", reason, sizeof reason), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rule_table),
		cmocka_unit_test(test_rule_reason_names_other),
		cmocka_unit_test(test_rule_same_shift_ignored),
		cmocka_unit_test(test_rule_month_in_plan_zone),
	};

	return cmocka_run_group_tests(tests, rule_setup, NULL);
}
