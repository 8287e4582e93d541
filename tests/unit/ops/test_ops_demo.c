/* SPDX-License-Identifier: ISC */
/*
 * int ops_plan_demo(struct store *st, int64_t now, struct err *err);
 * The demo fills only an empty plan, in one transaction, with a plan that
 * obeys the planning rules, has gaps and full shifts, and is the same for
 * the same now.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "rooster/ops.h"

/* 2027-03-20 10:00 UTC, a Saturday; Amsterdam moves to summer time 03-28. */
#define DEMO_NOW INT64_C(1805536800)
#define DEMO_ZONE "Europe/Amsterdam"

static struct store *
demo_store(void)
{
	int rc_open;
	struct store *st = NULL;
	struct err err;

	assert_int_equal(store_open(":memory:", STORE_CREATE, &st, &err), 0);
	rc_open = ops_plan_open(st, &err);
	/* A new plan on a UTC system has no zone until init (issue 15). */
	assert_true(rc_open == 0 || rc_open == OPS_PLAN_ZONE_UNSET);
	assert_int_equal(ops_plan_init(st, DEMO_ZONE, NULL, &err), 0);
	return st;
}

static struct store *
demo_filled(int64_t now)
{
	struct store *st = demo_store();
	struct err err;

	err_clear(&err);
	if (ops_plan_demo(st, now, &err) != 0)
		fail_msg("ops_plan_demo: %s", err.msg);
	return st;
}

static void
demo_events(struct store *st, struct event_list *out)
{
	struct store_range all = { 0 };
	struct err err;

	assert_int_equal(store_event_list(st, &all, out, &err), 0);
}

static void
demo_shifts(struct store *st, struct shift_list *out)
{
	struct store_range all = { 0 };
	struct err err;

	assert_int_equal(store_shift_list_range(st, &all, out, &err), 0);
}

static void
demo_volunteers(struct store *st, struct volunteer_list *out)
{
	struct err err;

	assert_int_equal(store_volunteer_list(st, NULL, NULL, out, &err), 0);
}

static size_t
demo_log_count(struct store *st, const char *action)
{
	struct store_log_list log = { 0 };
	struct err err;
	size_t i, n = 0;

	assert_int_equal(store_log_list(st, 1000, NULL, 0, &log, &err), 0);
	for (i = 0; i < log.len; i++)
		if (action == NULL || strcmp(log.items[i].action, action) == 0)
			n++;
	store_log_list_free(&log);
	return n;
}

/*
 * Everything the demo writes except UIDs, row versions and counts that
 * depend on the wall clock, as one string.
 */
static char *
demo_fingerprint(struct store *st)
{
	struct event_list events = { 0 };
	struct shift_list shifts = { 0 };
	struct assignment_list as = { 0 };
	struct volunteer_list vs = { 0 };
	struct unavailable_list off = { 0 };
	struct team_list teams = { 0 };
	struct strbuf sb;
	struct err err;
	char *name;
	size_t i, j, k;

	strbuf_init(&sb);
	name = store_setting_get(st, "name");
	strbuf_addf(&sb, "name=%s\n", name ? name : "(none)");
	free(name);
	demo_events(st, &events);
	for (i = 0; i < events.len; i++) {
		struct event *ev = &events.items[i];

		strbuf_addf(&sb, "E %s|%s|%s|%s|%lld|%lld|%d\n", ev->title,
		    ev->location, ev->description, ev->languages,
		    (long long)ev->start, (long long)ev->end, ev->status);
		assert_int_equal(store_shift_list_event(st, ev->id, &shifts,
		    &err), 0);
		for (j = 0; j < shifts.len; j++) {
			struct shift *sh = &shifts.items[j];

			strbuf_addf(&sb, " S %s|%s|%lld|%lld|%d|%d\n",
			    sh->role, sh->language, (long long)sh->start,
			    (long long)sh->end, sh->needed, sh->assigned);
			assert_int_equal(store_assignment_list_shift(st,
			    sh->id, &as, &err), 0);
			for (k = 0; k < as.len; k++)
				strbuf_addf(&sb, "  A %s|%s\n",
				    as.items[k].volunteer,
				    assignment_status_name(as.items[k].status));
			assignment_list_free(&as);
		}
		shift_list_free(&shifts);
	}
	event_list_free(&events);
	demo_volunteers(st, &vs);
	for (i = 0; i < vs.len; i++) {
		struct volunteer *v = &vs.items[i];

		strbuf_addf(&sb, "V %s|%s|%s|%s|%s|%d|%s\n", v->name, v->email,
		    v->phone, v->skills, v->languages, v->max_per_month,
		    v->notes);
		assert_int_equal(store_unavailable_list(st, v->id, &off, &err),
		    0);
		for (k = 0; k < off.len; k++)
			strbuf_addf(&sb, " U %lld|%lld|%s\n",
			    (long long)off.items[k].start,
			    (long long)off.items[k].end, off.items[k].reason);
		unavailable_list_free(&off);
	}
	volunteer_list_free(&vs);
	assert_int_equal(store_team_list(st, &teams, &err), 0);
	for (i = 0; i < teams.len; i++)
		strbuf_addf(&sb, "T %s|%d|%s\n", teams.items[i].name,
		    teams.items[i].members, teams.items[i].member_names ?
		    teams.items[i].member_names : "");
	team_list_free(&teams);
	return strbuf_detach(&sb);
}

static void
test_demo_counts(void **state)
{
	struct store *st = demo_filled(DEMO_NOW);
	struct event_list events = { 0 };
	struct volunteer_list vs = { 0 };
	struct team_list teams = { 0 };
	struct err err;
	char *name;
	size_t i, no_email = 0, limited = 0;
	bool cyrillic = false, geez = false, arabic = false;

	(void)state;
	demo_events(st, &events);
	assert_in_range(events.len, 12, 18);
	demo_volunteers(st, &vs);
	assert_in_range(vs.len, 35, 45);
	for (i = 0; i < vs.len; i++) {
		if (*vs.items[i].email == '\0')
			no_email++;
		if (vs.items[i].max_per_month > 0)
			limited++;
		cyrillic |= strcmp(vs.items[i].name, "Олена Коваленко") == 0;
		geez |= strcmp(vs.items[i].name, "ሳምሶን ተስፋይ") == 0;
		arabic |= strcmp(vs.items[i].name, "فاطمة الزهراء") == 0;
		assert_true(text_is_utf8(vs.items[i].name));
	}
	assert_true(no_email > 0 && no_email < vs.len / 4);
	assert_true(limited > 0);
	assert_true(cyrillic && geez && arabic);
	assert_int_equal(store_team_list(st, &teams, &err), 0);
	assert_in_range(teams.len, 2, 3);
	for (i = 0; i < teams.len; i++)
		assert_in_range(teams.items[i].members, 3, 5);
	name = store_setting_get(st, "name");
	assert_string_equal(name, "Samen Thuis — afdeling Leidschendam");
	free(name);
	assert_int_equal(demo_log_count(st, "demo"), 1);
	team_list_free(&teams);
	volunteer_list_free(&vs);
	event_list_free(&events);
	store_close(st);
}

/* Every event lies in the six weeks from today; taalcafés: Tuesdays 19:30. */
static void
test_demo_times(void **state)
{
	struct store *st = demo_filled(DEMO_NOW);
	struct event_list events = { 0 };
	int64_t today, end;
	char hm[8], wd[4];
	size_t i, cafes = 0;
	bool after_dst = false;

	(void)state;
	today = rtime_day_add(DEMO_NOW, 0);
	end = rtime_day_add(DEMO_NOW, 42);
	demo_events(st, &events);
	for (i = 0; i < events.len; i++) {
		struct event *ev = &events.items[i];

		assert_true(ev->start >= today && ev->end <= end);
		assert_true(ev->start < ev->end);
		if (strcmp(ev->title, "Taalcafé") != 0)
			continue;
		cafes++;
		rtime_format(ev->start, "%H:%M", hm, sizeof hm);
		rtime_format(ev->start, "%u", wd, sizeof wd);
		assert_string_equal(hm, "19:30");
		assert_string_equal(wd, "2");
		assert_string_equal(ev->location, "Bibliotheek Leidschendam");
		/* After 2027-03-28 19:30 local is 17:30 UTC, not 18:30. */
		if (ev->start > INT64_C(1806192000)) {
			after_dst = true;
			assert_int_equal((ev->start % 86400) / 60,
			    17 * 60 + 30);
		}
	}
	assert_in_range(cafes, 4, 6);
	assert_true(after_dst);
	event_list_free(&events);
	store_close(st);
}

/*
 * From Saturday 2027-02-27 the beach trip (week 4, Sunday) falls on the
 * night the clocks go forward: it must still start at 11:00 local time.
 */
static void
test_demo_dst_day(void **state)
{
	struct store *st = demo_filled(INT64_C(1803722400));
	struct event_list events = { 0 };
	char when[32];
	size_t i, found = 0;

	(void)state;
	demo_events(st, &events);
	for (i = 0; i < events.len; i++) {
		if (strcmp(events.items[i].title, "Uitje naar het strand van "
		    "Scheveningen") != 0)
			continue;
		found++;
		rtime_format_when(events.items[i].start, when, sizeof when);
		assert_string_equal(when, "2027-03-28 11:00");
		rtime_format_when(events.items[i].end, when, sizeof when);
		assert_string_equal(when, "2027-03-28 17:00");
	}
	assert_int_equal(found, 1);
	event_list_free(&events);
	store_close(st);
}

static void
test_demo_gaps_and_full(void **state)
{
	struct store *st = demo_filled(DEMO_NOW);
	struct shift_list shifts = { 0 };
	size_t i, gaps = 0, full = 0;

	(void)state;
	demo_shifts(st, &shifts);
	assert_true(shifts.len >= 15);
	for (i = 0; i < shifts.len; i++) {
		assert_in_range(shifts.items[i].needed, 1, 4);
		if (shift_is_full(&shifts.items[i]))
			full++;
		else
			gaps++;
		if (strcmp(shifts.items[i].role, "tolk") == 0)
			assert_true(*shifts.items[i].language != '\0');
	}
	assert_true(gaps > 0);
	assert_true(full > 0);
	shift_list_free(&shifts);
	store_close(st);
}

static struct volunteer *
demo_find(struct volunteer_list *vs, int64_t id)
{
	size_t i;

	for (i = 0; i < vs->len; i++)
		if (vs->items[i].id == id)
			return &vs->items[i];
	fail_msg("volunteer %lld not listed", (long long)id);
	return NULL;
}

/* Nobody twice at once, skills and languages fit, periods and limits held. */
static void
test_demo_rules(void **state)
{
	struct store *st = demo_filled(DEMO_NOW);
	struct store_range all = { 0 };
	struct assignment_list as = { 0 };
	struct volunteer_list vs = { 0 };
	struct unavailable_list off = { 0 };
	struct shift sh;
	struct volunteer *v;
	struct span a, b;
	struct err err;
	bool seen[5] = { false };
	size_t i, j, month;

	(void)state;
	assert_int_equal(store_assignment_list_range(st, &all, &as, &err), 0);
	assert_true(as.len > 40);
	demo_volunteers(st, &vs);
	for (i = 0; i < as.len; i++) {
		seen[as.items[i].status] = true;
		a.start = as.items[i].start;
		a.end = as.items[i].end;
		month = 0;
		for (j = 0; j < as.len; j++) {
			if (j == i || as.items[j].volunteer_id !=
			    as.items[i].volunteer_id)
				continue;
			b.start = as.items[j].start;
			b.end = as.items[j].end;
			if (span_overlaps(a, b))
				fail_msg("%s double-booked: %s and %s",
				    as.items[i].volunteer,
				    as.items[i].event_title,
				    as.items[j].event_title);
			if (assignment_counts(&as.items[j]) &&
			    rtime_month(b.start) == rtime_month(a.start))
				month++;
		}
		v = demo_find(&vs, as.items[i].volunteer_id);
		if (v->max_per_month > 0 && assignment_counts(&as.items[i]))
			assert_true(month + 1 <= (size_t)v->max_per_month);
		assert_int_equal(store_shift_get(st, as.items[i].shift_id, &sh,
		    &err), 0);
		if (strcmp(sh.role, SHIFT_ROLE_GENERAL) != 0 &&
		    !text_list_has(v->skills, sh.role))
			fail_msg("%s lacks skill %s", v->name, sh.role);
		if (*sh.language != '\0' &&
		    !text_list_has(v->languages, sh.language))
			fail_msg("%s does not speak %s", v->name, sh.language);
		shift_fini(&sh);
		assert_int_equal(store_unavailable_list(st, v->id, &off, &err),
		    0);
		for (j = 0; j < off.len; j++) {
			b.start = off.items[j].start;
			b.end = off.items[j].end;
			assert_false(span_overlaps(a, b));
		}
		unavailable_list_free(&off);
	}
	for (i = 0; i < 5; i++)
		if (!seen[i])
			fail_msg("no assignment is %s",
			    assignment_status_name((enum assignment_status)i));
	volunteer_list_free(&vs);
	assignment_list_free(&as);
	store_close(st);
}

/* A second run is refused and leaves every row and the log as they were. */
static void
test_demo_refused_when_filled(void **state)
{
	struct store *st = demo_filled(DEMO_NOW);
	struct err err;
	char *before, *after;
	size_t logged;

	(void)state;
	before = demo_fingerprint(st);
	logged = demo_log_count(st, NULL);
	err_clear(&err);
	assert_int_equal(ops_plan_demo(st, DEMO_NOW + 86400, &err), -1);
	assert_int_equal(err.code, ERR_CONFLICT);
	assert_string_equal(err.msg, "the plan is not empty; use a new "
	    "database for the demo (e.g. --db /tmp/demo.db)");
	after = demo_fingerprint(st);
	assert_string_equal(before, after);
	assert_int_equal(demo_log_count(st, NULL), logged);
	free(before);
	free(after);
	store_close(st);
}

/* One volunteer is enough to make a plan not empty. */
static void
test_demo_refused_with_a_volunteer(void **state)
{
	struct store *st = demo_store();
	struct volunteer v;
	struct event_list events = { 0 };
	struct volunteer_list vs = { 0 };
	struct err err;
	char *name;

	(void)state;
	volunteer_init(&v);
	v.name = xstrdup("Mounia Balakouh");
	assert_int_equal(ops_volunteer_add(st, &v, &err), 0);
	volunteer_fini(&v);
	assert_int_equal(ops_plan_demo(st, DEMO_NOW, &err), -1);
	assert_int_equal(err.code, ERR_CONFLICT);
	demo_events(st, &events);
	assert_int_equal(events.len, 0);
	demo_volunteers(st, &vs);
	assert_int_equal(vs.len, 1);
	name = store_setting_get(st, "name");
	assert_string_equal(name, "rooster");
	assert_int_equal(demo_log_count(st, "demo"), 0);
	free(name);
	volunteer_list_free(&vs);
	event_list_free(&events);
	store_close(st);
}

/* The same now gives the same plan; another now moves it. */
static void
test_demo_deterministic(void **state)
{
	struct store *a = demo_filled(DEMO_NOW);
	struct store *b = demo_filled(DEMO_NOW);
	struct store *c = demo_filled(DEMO_NOW + 3 * 86400);
	char *fa, *fb, *fc;

	(void)state;
	fa = demo_fingerprint(a);
	fb = demo_fingerprint(b);
	fc = demo_fingerprint(c);
	assert_string_equal(fa, fb);
	assert_string_not_equal(fa, fc);
	free(fa);
	free(fb);
	free(fc);
	store_close(a);
	store_close(b);
	store_close(c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_demo_counts),
		cmocka_unit_test(test_demo_times),
		cmocka_unit_test(test_demo_dst_day),
		cmocka_unit_test(test_demo_gaps_and_full),
		cmocka_unit_test(test_demo_rules),
		cmocka_unit_test(test_demo_refused_when_filled),
		cmocka_unit_test(test_demo_refused_with_a_volunteer),
		cmocka_unit_test(test_demo_deterministic),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
