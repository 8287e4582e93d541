/* SPDX-License-Identifier: ISC */
/*
 * store_fields.c through the entity tables: every written field of
 * event_fields, shift_fields, assignment_fields and unavailable_fields,
 * set to a value of
 * its own through its row, comes back the same from the store after an
 * insert and after an update; so a row added to a table (with its
 * migration) is stored without another line in store_*.c, and a row the
 * store does not carry fails here.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "rooster/store.h"

#define T0 1800000000	/* 2027-01-15, a whole hour */

static int
setup(void **state)
{
	struct store *st;
	struct err err;

	if (store_open(":memory:", STORE_CREATE, &st, &err) != 0)
		return -1;
	if (store_begin_write(st, &err) != 0)
		return -1;
	*state = st;
	return 0;
}

static int
teardown(void **state)
{
	struct err err;

	store_commit(*state, &err);
	store_close(*state);
	return 0;
}

static bool
written(const struct model_field *f)
{
	return (f->flags & (MODEL_FIELD_DERIVED | MODEL_FIELD_APART)) == 0;
}

/*
 * Give every written field of rec a value of its own for round: text
 * "key round", numbers from round, times an hour apart in table order
 * (start before end), ids from ids (the rows they must name).
 */
static void
fill(void *rec, const struct model_field *fields, int round, int64_t ids)
{
	const struct model_field *f;
	char text[64];
	int i = 0;

	for (f = fields; f->key != NULL; f++, i++) {
		if (!written(f))
			continue;
		switch (f->kind) {
		case MODEL_FIELD_TEXT:
			snprintf(text, sizeof text, "%s %d", f->key, round);
			model_field_set_text(rec, f, text);
			break;
		case MODEL_FIELD_INT:
			model_field_set_int(rec, f, round + i < f->max ?
			    round + i : f->max);
			break;
		case MODEL_FIELD_BOOL:
			model_field_set_int(rec, f, round % 2);
			break;
		case MODEL_FIELD_ENUM:
			model_field_set_int(rec, f, round);
			break;
		case MODEL_FIELD_ID:
			model_field_set_int64(rec, f, ids);
			break;
		case MODEL_FIELD_TIME:
			/* A day apart in rounds: all-day events stay whole. */
			model_field_set_int64(rec, f, T0 + round * 86400 +
			    i * 3600);
			break;
		case MODEL_FIELD_REAL:
			model_field_set_real(rec, f, round + 0.5);
			break;
		}
	}
}

/* Every written field of a and b holds the same value. */
static void
same(const void *a, const void *b, const struct model_field *fields)
{
	const struct model_field *f;

	for (f = fields; f->key != NULL; f++)
		if (written(f) && !model_field_same(a, b, f))
			fail_msg("field %s differs", f->key);
}

static int64_t
add_event(struct store *st, int round)
{
	struct event ev;
	struct err err;
	int64_t id;

	event_init(&ev);
	fill(&ev, event_fields, round, 0);
	ev.all_day = false;
	ev.series_id = 0;
	assert_int_equal(store_event_insert(st, &ev, &err), 0);
	id = ev.id;
	event_fini(&ev);
	return id;
}

/* int store_event_insert/update/get(...) */
static void
test_event(void **state)
{
	struct store *st = *state;
	struct event ev, got;
	struct err err;
	int64_t first = add_event(st, 0);

	event_init(&ev);
	fill(&ev, event_fields, 1, first);
	ev.all_day = false;	/* its times are not midnights */
	assert_int_equal(store_event_insert(st, &ev, &err), 0);
	assert_int_equal(store_event_get(st, ev.id, &got, &err), 0);
	same(&ev, &got, event_fields);
	assert_string_equal(got.title, "title 1");
	assert_string_equal(got.rrule, "repeat 1");
	assert_true(got.series_id == first);
	assert_int_equal(got.status, EVENT_TENTATIVE);
	event_fini(&got);
	fill(&ev, event_fields, 2, first);
	ev.all_day = false;
	assert_int_equal(store_event_update(st, &ev, &err), 0);
	assert_int_equal(store_event_get(st, ev.id, &got, &err), 0);
	same(&ev, &got, event_fields);
	assert_int_equal(got.status, EVENT_CANCELLED);
	event_fini(&got);
	/* NULL kept: no repeat rule and no series read back as such. */
	free(ev.rrule);
	ev.rrule = NULL;
	ev.series_id = 0;
	assert_int_equal(store_event_update(st, &ev, &err), 0);
	assert_int_equal(store_event_get(st, ev.id, &got, &err), 0);
	assert_null(got.rrule);
	assert_true(got.series_id == 0);
	event_fini(&got);
	event_fini(&ev);
}

/*
 * int store_event_insert_many(...): 150 rows, two statements of many and
 * the rest one by one, each read back the same; a row that fails in a
 * statement of many is the one named.
 */
static void
test_event_many(void **state)
{
	struct store *st = *state;
	struct event evs[150], got;
	struct err err;
	size_t i, failed;

	for (i = 0; i < 150; i++) {
		event_init(&evs[i]);
		fill(&evs[i], event_fields, (int)(i % 3), 0);
		evs[i].all_day = false;
		free(evs[i].uid);
		evs[i].uid = xasprintf("many %zu", i);
	}
	assert_int_equal(store_event_insert_many(st, evs, 150, &failed,
	    &err), 0);
	for (i = 0; i < 150; i++) {
		assert_int_equal(store_event_get(st, (int64_t)i + 1, &got,
		    &err), 0);
		same(&evs[i], &got, event_fields);
		assert_true(got.version == 1);
		event_fini(&got);
	}
	/* Again: every UID is taken; the first one fails. */
	assert_int_equal(store_event_insert_many(st, evs, 150, &failed,
	    &err), -1);
	assert_true(failed == 0);
	/* New UIDs but the 100th's: the rows before it are written. */
	for (i = 0; i < 150; i++) {
		free(evs[i].uid);
		evs[i].uid = xasprintf("again %zu", i == 99 ? (size_t)0 : i);
	}
	assert_int_equal(store_event_insert_many(st, evs, 150, &failed,
	    &err), -1);
	assert_true(failed == 99);
	assert_true(store_calendar_event_by_uid(st, "again 98", &err) > 0);
	assert_true(store_calendar_event_by_uid(st, "again 100", &err) == 0);
	for (i = 0; i < 150; i++)
		event_fini(&evs[i]);
}

/* int store_shift_insert/update/get(...) */
static void
test_shift(void **state)
{
	struct store *st = *state;
	struct shift sh, got;
	struct err err;
	int64_t event = add_event(st, 0);

	shift_init(&sh);
	fill(&sh, shift_fields, 1, event);
	assert_int_equal(store_shift_insert(st, &sh, &err), 0);
	assert_int_equal(store_shift_get(st, sh.id, &got, &err), 0);
	same(&sh, &got, shift_fields);
	assert_string_equal(got.role, "role 1");
	assert_string_equal(got.event_title, "title 0");	/* derived */
	shift_fini(&got);
	fill(&sh, shift_fields, 2, event);
	assert_int_equal(store_shift_update(st, &sh, &err), 0);
	assert_int_equal(store_shift_get(st, sh.id, &got, &err), 0);
	same(&sh, &got, shift_fields);
	assert_true(got.version == 2);
	shift_fini(&got);
	shift_fini(&sh);
}

/* int store_assignment_insert/get(...): the ids are the shift's and
 * the volunteer's, both 1 here. */
static void
test_assignment(void **state)
{
	struct store *st = *state;
	struct assignment a, got;
	struct volunteer v;
	struct shift sh;
	struct err err;
	int64_t event = add_event(st, 0);

	shift_init(&sh);
	fill(&sh, shift_fields, 1, event);
	assert_int_equal(store_shift_insert(st, &sh, &err), 0);
	volunteer_init(&v);
	v.name = xstrdup("Ana");
	assert_int_equal(store_volunteer_insert(st, &v, &err), 0);
	assert_true(sh.id == 1 && v.id == 1);
	assignment_init(&a);
	fill(&a, assignment_fields, 1, 1);
	assert_int_equal(store_assignment_insert(st, &a, &err), 0);
	assert_int_equal(store_assignment_get(st, 1, 1, &got, &err), 0);
	same(&a, &got, assignment_fields);
	assert_int_equal(got.status, ASSIGNMENT_INVITED);
	assert_string_equal(got.volunteer, "Ana");
	assert_string_equal(got.role, "role 1");
	assert_int_equal(got.attendance, ATTENDANCE_UNKNOWN);
	assignment_fini(&got);
	/* Attendance and hours are written apart. */
	assert_int_equal(store_assignment_set_attendance(st, 1, 1,
	    ATTENDANCE_NO_SHOW, 1.5, &err), 0);
	assert_int_equal(store_assignment_get(st, 1, 1, &got, &err), 0);
	assert_int_equal(got.attendance, ATTENDANCE_NO_SHOW);
	assert_true(got.hours == 1.5);
	assignment_fini(&got);
	assignment_fini(&a);
	shift_fini(&sh);
	volunteer_fini(&v);
}

/* int store_unavailable_insert/list(...): a period of volunteer 1. */
static void
test_unavailable(void **state)
{
	struct store *st = *state;
	struct unavailable u;
	struct unavailable_list got = { 0 };
	struct volunteer v;
	struct err err;

	volunteer_init(&v);
	v.name = xstrdup("Ana");
	assert_int_equal(store_volunteer_insert(st, &v, &err), 0);
	memset(&u, 0, sizeof u);
	fill(&u, unavailable_fields, 1, v.id);
	assert_int_equal(store_unavailable_insert(st, &u, &err), 0);
	assert_int_equal(store_unavailable_list(st, v.id, &got, &err), 0);
	assert_int_equal(got.len, 1);
	assert_true(got.items[0].id == u.id);
	same(&u, &got.items[0], unavailable_fields);
	assert_string_equal(got.items[0].source, "source 1");
	unavailable_list_free(&got);
	/* NULL texts are stored as "" (a day later: listed second). */
	fill(&u, unavailable_fields, 2, v.id);
	free(u.reason);
	free(u.source);
	u.reason = u.source = NULL;
	assert_int_equal(store_unavailable_insert(st, &u, &err), 0);
	assert_int_equal(store_unavailable_list(st, v.id, &got, &err), 0);
	assert_int_equal(got.len, 2);
	assert_string_equal(got.items[1].reason, "");
	assert_string_equal(got.items[1].source, "");
	unavailable_list_free(&got);
	volunteer_fini(&v);
}

/*
 * int store_invite_save/get(...): every column comes back as written
 * (a NULL text as ""), and a second save for the same UID and volunteer
 * changes that row, keeping its id.
 */
static void
test_invite(void **state)
{
	struct store *st = *state;
	struct store_invite inv, got;
	struct err err;
	int64_t id;

	store_invite_init(&inv);
	inv.uid = xstrdup("shift-1@example.org");
	inv.volunteer_id = 7;
	inv.shift_id = 3;
	inv.event_id = 2;
	inv.sequence = 4;
	inv.shift_sequence = 5;
	inv.cancelled = 1;
	inv.email = xstrdup("ana@example.org");
	inv.name = xstrdup("Ana");
	inv.summary = xstrdup("tolk");
	inv.start = T0;
	inv.end = T0 + 3600;
	inv.sent_at = T0 - 60;
	inv.reply_stamp = T0 - 30;
	inv.digest = xstrdup("one");
	inv.reasked = true;
	inv.offer = true;
	assert_int_equal(store_invite_save(st, &inv, &err), 0);
	assert_int_equal(store_invite_get(st, inv.uid, 7, &got, &err), 0);
	assert_true(got.id > 0 && got.volunteer_id == 7 && got.shift_id == 3 &&
	    got.event_id == 2);
	assert_int_equal(got.sequence, 4);
	assert_int_equal(got.shift_sequence, 5);
	assert_int_equal(got.cancelled, 1);
	assert_string_equal(got.email, "ana@example.org");
	assert_string_equal(got.name, "Ana");
	assert_string_equal(got.summary, "tolk");
	assert_string_equal(got.location, "");
	assert_true(got.start == T0 && got.end == T0 + 3600 &&
	    got.sent_at == T0 - 60 && got.reply_stamp == T0 - 30);
	assert_string_equal(got.digest, "one");
	assert_true(got.reasked && got.offer);
	id = got.id;
	store_invite_fini(&got);
	inv.cancelled = 0;
	inv.sequence = 6;
	free(inv.digest);
	inv.digest = xstrdup("two");
	inv.reasked = false;
	assert_int_equal(store_invite_save(st, &inv, &err), 0);
	assert_int_equal(store_invite_get(st, inv.uid, 7, &got, &err), 0);
	assert_true(got.id == id);
	assert_int_equal(got.cancelled, 0);
	assert_int_equal(got.sequence, 6);
	assert_string_equal(got.digest, "two");
	assert_true(!got.reasked && got.offer);
	store_invite_fini(&got);
	assert_int_equal(store_invite_get(st, inv.uid, 8, &got, &err), -1);
	assert_int_equal(err.code, ERR_NOT_FOUND);
	store_invite_fini(&got);
	store_invite_fini(&inv);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_event, setup, teardown),
		cmocka_unit_test_setup_teardown(test_event_many, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_shift, setup, teardown),
		cmocka_unit_test_setup_teardown(test_assignment, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_unavailable, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_invite, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
