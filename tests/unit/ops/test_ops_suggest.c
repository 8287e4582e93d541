/* SPDX-License-Identifier: ISC */
/*
 * int ops_suggest_top(struct store *st, int64_t shift_id, size_t n,
 *     struct ops_suggest *out, struct err *err);
 * On a generated plan: the best n found by the early-stopping scan are
 * exactly the first n of the full ranking, and every volunteer the full
 * ranking calls free is one assign would accept (ops_assign_check), and
 * the other way round; the facts asked one volunteer at a time agree with
 * the scans, field for field. A plan of more volunteers than store asks about
 * one by one (1,024 for the recent count, 2,048 with a limit for the
 * month count) takes both ways: the same ranking, recent counts right.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "rooster/ops.h"

/* 2027-05-03 10:00 UTC, a Monday. */
#define SG_T0 INT64_C(1809338400)
#define SG_VOLUNTEERS 160
#define SG_SHIFTS 60
/* Past store's one-by-one queries: every one has a limit in this plan. */
#define SG_MANY 2500

static uint32_t sg_seed = 12345;
static int sg_nvol = SG_VOLUNTEERS;
/* Starts of each volunteer's assigned shifts (the many plan), the oracle. */
static int64_t sg_booked[SG_MANY + 1][16];
static int sg_nbooked[SG_MANY + 1];

static uint32_t
sg_rand(uint32_t n)
{
	sg_seed = sg_seed * 1103515245u + 12345u;
	return (sg_seed >> 8) % n;
}

static struct store *
sg_plan(void)
{
	int rc_open;
	static const char *const roles[] = { "algemeen", "tolk", "chauffeur" };
	static const char *const langs[] = { "nl", "ar", "ti", "nl,ar" };
	struct store *st = NULL;
	struct volunteer v;
	struct event ev;
	struct shift sh;
	struct unavailable u;
	struct err err;
	char name[32];
	int i, j;
	int64_t vid;

	memset(sg_nbooked, 0, sizeof sg_nbooked);
	assert_int_equal(store_open(":memory:", STORE_CREATE, &st, &err), 0);
	rc_open = ops_plan_open(st, &err);
	/* A new plan on a UTC system has no zone until init (issue 15). */
	assert_true(rc_open == 0 || rc_open == OPS_PLAN_ZONE_UNSET);
	assert_int_equal(ops_plan_init(st, "Europe/Amsterdam", NULL, &err), 0);
	assert_int_equal(ops_plan_rest(st, 60, &err), 0);
	for (i = 0; i < sg_nvol; i++) {
		volunteer_init(&v);
		/* Names that tie in case, to test the name-then-id order. */
		snprintf(name, sizeof name, "%s %02d", i % 2 ? "ana" : "Ana",
		    (i * 7) % 50);
		v.name = xstrdup(name);
		v.skills = xstrdup(sg_rand(3) == 0 ? "tolk" : "");
		v.languages = xstrdup(langs[sg_rand(4)]);
		/* Many limits: past 64 store counts months in one scan. */
		v.max_per_month = sg_rand(2) == 0 ? 1 + (int)sg_rand(3) :
		    sg_nvol > SG_VOLUNTEERS ? 50 : 0;
		v.active = sg_rand(10) != 0;
		assert_int_equal(ops_volunteer_add(st, &v, &err), 0);
		volunteer_fini(&v);
		if (sg_rand(8) == 0) {
			memset(&u, 0, sizeof u);
			u.volunteer_id = i + 1;
			u.start = SG_T0 + (int64_t)sg_rand(40) * 86400;
			u.end = u.start + 3 * 86400;
			u.reason = xstrdup("away");
			assert_int_equal(ops_volunteer_unavailable(st, &u,
			    &err), 0);
			/* Some are away twice: the later one may be the
			 * one over a shift. */
			if (sg_rand(2) == 0) {
				u.id = 0;
				u.start += 4 * 86400;
				u.end = u.start + 3 * 86400;
				assert_int_equal(ops_volunteer_unavailable(st,
				    &u, &err), 0);
			}
			free(u.reason);
		}
	}
	for (i = 0; i < SG_SHIFTS; i++) {
		event_init(&ev);
		ev.title = xstrdup("Event");
		ev.start = SG_T0 + (int64_t)sg_rand(60 * 24) * 1800;
		ev.end = ev.start + 4 * 3600;
		ev.languages = xstrdup(sg_rand(4) == 0 ? "ar,ti" : "");
		assert_int_equal(ops_event_add(st, &ev, &err), 0);
		shift_init(&sh);
		sh.event_id = ev.id;
		sh.role = xstrdup(roles[sg_rand(3)]);
		sh.language = xstrdup(sg_rand(5) == 0 ? "ar" : "");
		sh.needed = 20;
		sh.start = ev.start + (int64_t)sg_rand(3) * 3600;
		sh.end = sh.start + 3600 + (int64_t)sg_rand(3) * 3600;
		assert_int_equal(ops_shift_add(st, &sh, false, &err), 0);
		for (j = 0; j < (sg_nvol > SG_VOLUNTEERS ? 60 : 12); j++) {
			vid = 1 + sg_rand((uint32_t)sg_nvol);
			if (ops_assign(st, sh.id, vid, true, NULL, &err) == 0 &&
			    sg_nvol > SG_VOLUNTEERS && sg_nbooked[vid] < 16)
				sg_booked[vid][sg_nbooked[vid]++] = sh.start;
		}
		shift_fini(&sh);
		event_fini(&ev);
	}
	return st;
}

/* Two weighings of one volunteer must agree in every field shown. */
static void
sg_same(struct ops_suggest *a, size_t i, struct ops_suggest *b, size_t j,
    const char *what)
{
	struct plan_suggestion *x = &a->ranked.items[i];
	struct plan_suggestion *y = &b->ranked.items[j];
	const char *rx = plan_suggest_reason(x, &a->shift, a->event.languages);
	const char *ry = plan_suggest_reason(y, &b->shift, b->event.languages);

	if (x->volunteer->id != y->volunteer->id || x->conflicts !=
	    y->conflicts || x->recent != y->recent || x->skill_match !=
	    y->skill_match || x->language_match != y->language_match ||
	    strcmp(rx, ry) != 0)
		fail_msg("shift %lld, %s: rank %zu is %lld (%zu, %d, %s), "
		    "want %lld (%zu, %d, %s)", (long long)a->shift.id, what,
		    i + 1, (long long)x->volunteer->id, x->conflicts,
		    x->recent, rx, (long long)y->volunteer->id,
		    y->conflicts, y->recent, ry);
}

static void
test_suggest_top_is_prefix(void **state)
{
	static const size_t ns[] = { 1, 3, 10, 25 };
	struct store *st = sg_plan();
	struct ops_suggest all, top;
	struct err err;
	int64_t shift;
	size_t k, i;

	(void)state;
	for (shift = 1; shift <= SG_SHIFTS; shift += 7) {
		assert_int_equal(ops_suggest(st, shift, &all, &err), 0);
		for (k = 0; k < sizeof ns / sizeof ns[0]; k++) {
			assert_int_equal(ops_suggest_top(st, shift, ns[k], &top,
			    &err), 0);
			for (i = 0; i < ns[k] && i < all.ranked.len; i++)
				sg_same(&top, i, &all, i, "best few");
			ops_suggest_fini(&top);
		}
		ops_suggest_fini(&all);
	}
	store_close(st);
}

/*
 * Asking for more than there are volunteers weighs everyone one by one
 * (two small queries each, those without the skill or a language in a
 * second pass); the full ranking gets everyone's facts from the scans.
 * Both must give the same ranking, field for field.
 */
static void
test_suggest_one_by_one_is_scan(void **state)
{
	struct store *st = sg_plan();
	struct ops_suggest all, each;
	struct err err;
	int64_t shift;
	size_t i, conflicted = 0, overlaps = 0, rests = 0;
	const char *why;

	(void)state;
	for (shift = 1; shift <= SG_SHIFTS; shift++) {
		assert_int_equal(ops_suggest(st, shift, &all, &err), 0);
		assert_int_equal(ops_suggest_top(st, shift, SG_VOLUNTEERS + 1,
		    &each, &err), 0);
		assert_int_equal(each.ranked.len, all.ranked.len);
		for (i = 0; i < all.ranked.len; i++) {
			sg_same(&each, i, &all, i, "one by one");
			why = all.ranked.items[i].reason;
			conflicted += all.ranked.items[i].conflicts > 0;
			overlaps += strstr(why, "is already on shift") != NULL;
			rests += strstr(why, "would rest only") != NULL;
		}
		ops_suggest_fini(&each);
		ops_suggest_fini(&all);
	}
	/* The plan has conflicts, overlaps and short rests among them. */
	assert_true(conflicted > 0);
	assert_true(overlaps > 0);
	assert_true(rests > 0);
	store_close(st);
}

static void
test_suggest_agrees_with_assign(void **state)
{
	struct store *st = sg_plan();
	struct plan_conflict_list found;
	struct ops_suggest all;
	struct assignment a;
	struct err err;
	int64_t shift, vid;
	size_t i, checked = 0, free_ones = 0;
	bool active[SG_VOLUNTEERS + 1] = { false };

	(void)state;
	for (vid = 1; vid <= SG_VOLUNTEERS; vid++) {
		struct volunteer v;

		assert_int_equal(store_volunteer_get(st, vid, &v, &err), 0);
		active[vid] = v.active;
		volunteer_fini(&v);
	}
	for (shift = 1; shift <= SG_SHIFTS; shift += 3) {
		assert_int_equal(ops_suggest(st, shift, &all, &err), 0);
		for (i = 0; i < all.ranked.len; i++) {
			const struct plan_suggestion *s = &all.ranked.items[i];

			vid = s->volunteer->id;
			assert_true(active[vid]);
			assert_int_not_equal(store_assignment_get(st, shift, vid,
			    &a, NULL), 0);
			assignment_fini(&a);
			memset(&found, 0, sizeof found);
			assert_int_equal(ops_assign_check(st, shift, vid, &found,
			    &err), 0);
			if ((found.len == 0) != (s->conflicts == 0))
				fail_msg("shift %lld, volunteer %lld: assign "
				    "finds %zu conflicts (%s), suggest %zu (%s)",
				    (long long)shift, (long long)vid, found.len,
				    found.len ? found.items[0].reason : "-",
				    s->conflicts, s->reason ? s->reason : "-");
			free_ones += s->conflicts == 0;
			checked++;
			plan_conflict_list_free(&found);
		}
		ops_suggest_fini(&all);
	}
	/* The plan must exercise both sides. */
	assert_true(free_ones > 0);
	assert_true(free_ones < checked);
	store_close(st);
}

/* recent as counted from what the plan booked: the 30 days before. */
static int
sg_recent(int64_t vid, int64_t start)
{
	int i, n = 0;

	for (i = 0; i < sg_nbooked[vid]; i++)
		n += sg_booked[vid][i] >= start - 30 * INT64_C(86400) &&
		    sg_booked[vid][i] < start;
	return n;
}

static void
test_suggest_many(void **state)
{
	struct store *st;
	struct plan_conflict_list found;
	struct ops_suggest all, top;
	struct shift sh;
	struct err err;
	int64_t shift, vid;
	size_t i, free_ones = 0, recent_ones = 0;

	(void)state;
	sg_nvol = SG_MANY;
	st = sg_plan();
	for (shift = 5; shift <= SG_SHIFTS; shift += 20) {
		shift_init(&sh);
		assert_int_equal(store_shift_get(st, shift, &sh, &err), 0);
		assert_int_equal(ops_suggest(st, shift, &all, &err), 0);
		assert_true(all.ranked.len > 2048);
		for (i = 0; i < all.ranked.len; i++) {
			const struct plan_suggestion *s = &all.ranked.items[i];

			vid = s->volunteer->id;
			if (s->recent != sg_recent(vid, sh.start))
				fail_msg("shift %lld, volunteer %lld: recent "
				    "%d, booked %d", (long long)shift,
				    (long long)vid, s->recent,
				    sg_recent(vid, sh.start));
			recent_ones += s->recent > 0;
			memset(&found, 0, sizeof found);
			assert_int_equal(ops_assign_check(st, shift, vid, &found,
			    &err), 0);
			if ((found.len == 0) != (s->conflicts == 0))
				fail_msg("shift %lld, volunteer %lld: assign "
				    "finds %zu conflicts, suggest %zu",
				    (long long)shift, (long long)vid, found.len,
				    s->conflicts);
			free_ones += s->conflicts == 0;
			plan_conflict_list_free(&found);
		}
		assert_int_equal(ops_suggest_top(st, shift, 10, &top, &err), 0);
		for (i = 0; i < 10; i++)
			assert_int_equal(top.ranked.items[i].volunteer->id,
			    all.ranked.items[i].volunteer->id);
		ops_suggest_fini(&top);
		ops_suggest_fini(&all);
		shift_fini(&sh);
	}
	/* Both sides of each count: people with recent shifts, and free. */
	assert_true(recent_ones > 0);
	assert_true(free_ones > 0);
	sg_nvol = SG_VOLUNTEERS;
	store_close(st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_suggest_top_is_prefix),
		cmocka_unit_test(test_suggest_one_by_one_is_scan),
		cmocka_unit_test(test_suggest_agrees_with_assign),
		cmocka_unit_test(test_suggest_many),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
