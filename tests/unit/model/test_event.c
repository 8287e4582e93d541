/* SPDX-License-Identifier: ISC */
/*
 * Unit tests for src/model/event.c: what makes an event valid, status
 * names, deep copies and the list type.
 */
#include "harness.h"

#include <stdlib.h>

#include "rooster/model.h"

/* A valid event the tests then break one field at a time. */
static void
make_event(struct event *ev)
{
	event_init(ev);
	ev->title = xstrdup("Taalcafe");
	ev->location = xstrdup("Buurthuis De Pijp");
	ev->start = 1806152400;
	ev->end = 1806163200;
}

/* A string of n copies of c (the caller frees). */
static char *
repeat(char c, size_t n)
{
	char *s = xmalloc(n + 1);

	memset(s, c, n);
	s[n] = '\0';
	return s;
}

/* int event_validate(const struct event *ev, struct err *err) */
static void
test_validate_ok(void **state)
{
	struct event ev;
	struct err err;

	(void)state;
	make_event(&ev);
	err_clear(&err);
	assert_int_equal(event_validate(&ev, &err), 0);
	assert_int_equal(err.code, ERR_OK);
	/* NULL description, location and rule are allowed. */
	free(ev.location);
	ev.location = NULL;
	assert_int_equal(event_validate(&ev, NULL), 0);
	/* Any script. */
	free(ev.title);
	ev.title = xstrdup("\xe1\x88\xb0\xe1\x88\x8b\xe1\x88\x9d "
	    "\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7");
	assert_int_equal(event_validate(&ev, &err), 0);
	event_fini(&ev);
}

/* int event_validate(const struct event *ev, struct err *err) */
static void
test_validate_title(void **state)
{
	static const char *const blank[] = { "", " ", "\t", "  \t  ", "\n",
	    " \r\n" };
	struct event ev;
	struct err err;
	size_t i;

	(void)state;
	make_event(&ev);
	free(ev.title);
	ev.title = NULL;
	assert_err(event_validate(&ev, &err), err, ERR_INVALID);
	assert_contains(err.msg, "title");
	for (i = 0; i < sizeof blank / sizeof blank[0]; i++) {
		free(ev.title);
		ev.title = xstrdup(blank[i]);
		assert_err(event_validate(&ev, &err), err, ERR_INVALID);
		assert_contains(err.msg, "title");
	}
	assert_int_equal(event_validate(&ev, NULL), -1);
	event_fini(&ev);
}

/* int event_validate(const struct event *ev, struct err *err) */
static void
test_validate_times(void **state)
{
	struct event ev;
	struct err err;

	(void)state;
	make_event(&ev);
	ev.end = ev.start;
	assert_err(event_validate(&ev, &err), err, ERR_INVALID);
	assert_contains(err.msg, "end");
	ev.end = ev.start - 60;
	assert_err(event_validate(&ev, &err), err, ERR_INVALID);
	ev.end = ev.start + 1;
	assert_int_equal(event_validate(&ev, &err), 0);
	event_fini(&ev);
}

/* int event_validate(const struct event *ev, struct err *err) */
static void
test_validate_utf8(void **state)
{
	struct event ev;
	struct err err;

	(void)state;
	make_event(&ev);
	free(ev.title);
	ev.title = xstrdup("Taal\xff" "cafe");
	assert_err(event_validate(&ev, &err), err, ERR_INVALID);
	assert_contains(err.msg, "title");
	assert_contains(err.msg, "UTF-8");
	free(ev.title);
	ev.title = xstrdup("Taalcafe");
	ev.description = xstrdup("\xc0\xaf");
	assert_err(event_validate(&ev, &err), err, ERR_INVALID);
	assert_contains(err.msg, "description");
	free(ev.description);
	ev.description = NULL;
	free(ev.location);
	ev.location = xstrdup("\xe5\xb1");
	assert_err(event_validate(&ev, &err), err, ERR_INVALID);
	assert_contains(err.msg, "location");
	free(ev.location);
	ev.location = NULL;
	ev.rrule = xstrdup("FREQ=WEEKLY\xfe");
	assert_err(event_validate(&ev, &err), err, ERR_INVALID);
	free(ev.rrule);
	ev.rrule = NULL;
	ev.languages = xstrdup("nl,\xff");
	assert_err(event_validate(&ev, &err), err, ERR_INVALID);
	assert_contains(err.msg, "languages");
	event_fini(&ev);
}

/* int event_validate(const struct event *ev, struct err *err) */
static void
test_validate_length(void **state)
{
	struct event ev;
	struct err err;

	(void)state;
	make_event(&ev);
	free(ev.title);
	ev.title = repeat('t', 10000);
	assert_int_equal(event_validate(&ev, &err), 0);
	free(ev.title);
	ev.title = repeat('t', MODEL_TEXT_MAX);
	assert_int_equal(event_validate(&ev, &err), 0);
	free(ev.title);
	ev.title = repeat('t', MODEL_TEXT_MAX + 1);
	assert_err(event_validate(&ev, &err), err, ERR_INVALID);
	assert_contains(err.msg, "too long");
	free(ev.title);
	ev.title = xstrdup("ok");
	ev.description = repeat('d', MODEL_TEXT_MAX + 1);
	assert_err(event_validate(&ev, &err), err, ERR_INVALID);
	assert_contains(err.msg, "description");
	event_fini(&ev);
}

/*
 * const char *event_status_name(enum event_status status)
 * int event_status_parse(const char *s)
 */
static void
test_status(void **state)
{
	int s;

	(void)state;
	for (s = EVENT_CONFIRMED; s <= EVENT_CANCELLED; s++)
		assert_int_equal(event_status_parse(event_status_name(
		    (enum event_status)s)), s);
	assert_string_equal(event_status_name(EVENT_CONFIRMED), "confirmed");
	assert_string_equal(event_status_name(EVENT_TENTATIVE), "tentative");
	assert_string_equal(event_status_name(EVENT_CANCELLED), "cancelled");
	assert_string_equal(event_status_name((enum event_status)99), "?");
	assert_int_equal(event_status_parse(NULL), -1);
	assert_int_equal(event_status_parse(""), -1);
	assert_int_equal(event_status_parse("?"), -1);
	assert_int_equal(event_status_parse("canceled"), -1);
	assert_int_equal(event_status_parse("Confirmed"), -1);
}

/* void event_dup(struct event *dst, const struct event *src) */
static void
test_dup(void **state)
{
	struct event ev, copy;

	(void)state;
	make_event(&ev);
	ev.id = 7;
	ev.rrule = xstrdup("FREQ=WEEKLY");
	event_dup(&copy, &ev);
	assert_true(copy.id == 7);
	assert_string_equal(copy.title, "Taalcafe");
	assert_ptr_not_equal(copy.title, ev.title);
	assert_ptr_not_equal(copy.rrule, ev.rrule);
	assert_null(copy.description);
	event_fini(&ev);
	/* The copy outlives the original. */
	assert_string_equal(copy.location, "Buurthuis De Pijp");
	event_fini(&copy);
	assert_null(copy.title);
	assert_true(copy.id == 0);
}

/*
 * struct event *event_list_push(struct event_list *list)
 * void event_list_free(struct event_list *list)
 */
static void
test_list(void **state)
{
	struct event_list list = { 0 };
	struct event *ev;
	int i;

	(void)state;
	event_list_free(&list);
	for (i = 0; i < 100; i++) {
		ev = event_list_push(&list);
		assert_true(ev->id == 0);
		assert_null(ev->title);
		ev->id = i + 1;
		ev->title = xasprintf("event %d", i);
	}
	assert_int_equal(list.len, 100);
	assert_true(list.items[99].id == 100);
	assert_string_equal(list.items[42].title, "event 42");
	event_list_free(&list);
	assert_int_equal(list.len, 0);
	assert_null(list.items);
}

/*
 * int event_validate(const struct event *ev, struct err *err): an
 * all-day event starts and ends at local midnights, also over the night
 * the clocks change; int64_t event_last_day(const struct event *ev).
 */
static void
test_validate_all_day(void **state)
{
	struct event ev;
	struct err err;
	int64_t day;

	(void)state;
	assert_int_equal(rtime_zone_set("Europe/Amsterdam", &err), 0);
	assert_int_equal(rtime_parse_day("2027-03-27", 0, &day, &err), 0);
	event_init(&ev);
	ev.title = xstrdup("Kamp");
	ev.all_day = true;
	ev.start = day;
	ev.end = rtime_day_add(day, 3);	/* over 28 March: 71 hours */
	assert_int_equal(event_validate(&ev, &err), 0);
	assert_true(event_last_day(&ev) == rtime_day_add(day, 2));
	ev.end = day + 3 * 86400;	/* 01:00 on the fourth day */
	assert_int_equal(event_validate(&ev, &err), -1);
	assert_int_equal(err.code, ERR_INVALID);
	ev.end = rtime_day_add(day, 1);
	ev.start = day + 3600;
	assert_int_equal(event_validate(&ev, &err), -1);
	ev.all_day = false;		/* with times, any instant will do */
	assert_int_equal(event_validate(&ev, &err), 0);
	event_fini(&ev);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_validate_ok),
		cmocka_unit_test(test_validate_title),
		cmocka_unit_test(test_validate_times),
		cmocka_unit_test(test_validate_utf8),
		cmocka_unit_test(test_validate_length),
		cmocka_unit_test(test_validate_all_day),
		cmocka_unit_test(test_status),
		cmocka_unit_test(test_dup),
		cmocka_unit_test(test_list),
	};

	return cmocka_run_group_tests_name("model/event", tests, NULL, NULL);
}
