/* SPDX-License-Identifier: ISC */
/*
 * Unit tests for src/model/model_field.c and the entity tables
 * (volunteer_fields, event_fields, shift_fields, assignment_fields):
 * every field is reached through its row (text, int, bool, id, time,
 * enum, real), copied and compared, and each table names each field of
 * its struct once, at the member it says.
 */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rooster/model.h"

static const struct model_field *
field(const char *key)
{
	const struct model_field *f;

	for (f = volunteer_fields; f->key != NULL; f++)
		if (strcmp(f->key, key) == 0)
			return f;
	fail_msg("no field %s", key);
	return NULL;
}

/* const char *model_field_text(const void *rec, const struct model_field *f) */
static void
test_text(void **state)
{
	struct volunteer v;

	(void)state;
	volunteer_init(&v);
	assert_string_equal(model_field_text(&v, field("phone")), "");
	model_field_set_text(&v, field("phone"), "06-1234");
	assert_string_equal(v.phone, "06-1234");
	model_field_set_text(&v, field("phone"), NULL);
	assert_null(v.phone);
	volunteer_fini(&v);
}

/* int model_field_int(const void *rec, const struct model_field *f) */
static void
test_int_bool(void **state)
{
	struct volunteer v;

	(void)state;
	volunteer_init(&v);
	model_field_set_int(&v, field("max_per_month"), 4);
	assert_int_equal(v.max_per_month, 4);
	assert_int_equal(model_field_int(&v, field("active")), 1);
	model_field_set_int(&v, field("active"), 0);
	assert_false(v.active);
	assert_int_equal(field("max_per_month")->min, 0);
	assert_int_equal(field("max_per_month")->max, 1000);
	volunteer_fini(&v);
}

/* void model_field_copy(...); bool model_field_same(...) */
static void
test_copy_same(void **state)
{
	const struct model_field *f;
	struct volunteer a, b;

	(void)state;
	volunteer_init(&a);
	volunteer_init(&b);
	a.name = xstrdup("Ana");
	a.skills = xstrdup("tolk");
	a.max_per_month = 2;
	a.active = false;
	b.email = xstrdup("");
	assert_false(model_field_same(&a, &b, field("name")));
	assert_false(model_field_same(&a, &b, field("max_per_month")));
	assert_false(model_field_same(&a, &b, field("active")));
	for (f = volunteer_fields; f->key != NULL; f++) {
		model_field_copy(&b, &a, f);
		assert_true(model_field_same(&a, &b, f));
	}
	/* NULL and "" are the same text. */
	assert_null(a.email);
	assert_true(model_field_same(&a, &b, field("email")));
	assert_ptr_not_equal(a.name, b.name);
	volunteer_fini(&a);
	volunteer_fini(&b);
}

/* The table: keys unique, each with a label, an option and a place. */
static void
test_table(void **state)
{
	const struct model_field *f, *g;
	size_t n = 0;

	(void)state;
	for (f = volunteer_fields; f->key != NULL; f++, n++) {
		assert_non_null(f->label);
		assert_non_null(f->what);
		assert_non_null(f->dutch);
		assert_true(f->option != NULL && strncmp(f->option, "--",
		    2) == 0);
		assert_true(f->offset < sizeof(struct volunteer));
		for (g = volunteer_fields; g != f; g++)
			assert_true(strcmp(f->key, g->key) != 0 &&
			    f->offset != g->offset);
	}
	assert_int_equal(n, 8);
	assert_string_equal(volunteer_fields[0].key, "name");
}

/* Every row of fields in a struct of size bytes, each at its own place. */
static size_t
check_table(const struct model_field *fields, size_t size)
{
	const struct model_field *f, *g;
	size_t n = 0;

	for (f = fields; f->key != NULL; f++, n++) {
		assert_non_null(f->label);
		assert_true(f->offset < size);
		assert_true(f->kind != MODEL_FIELD_ENUM || f->names != NULL);
		assert_true(f->option == NULL || strncmp(f->option, "--",
		    2) == 0);
		assert_true(f->form == NULL || f->option != NULL);
		assert_ptr_equal(model_field_find(fields, f->key), f);
		for (g = fields; g != f; g++)
			assert_true(strcmp(f->key, g->key) != 0 &&
			    f->offset != g->offset);
	}
	assert_null(model_field_find(fields, "nothing"));
	return n;
}

static const struct model_field *
row(const struct model_field *fields, const char *key)
{
	const struct model_field *f = model_field_find(fields, key);

	if (f == NULL)
		fail_msg("no field %s", key);
	return f;
}

/* event_fields: each row reaches the member it names. */
static void
test_event_fields(void **state)
{
	const struct model_field *f;
	struct event a, b;

	(void)state;
	assert_int_equal(check_table(event_fields, sizeof a), 17);
	event_init(&a);
	event_init(&b);
	model_field_set_text(&a, row(event_fields, "title"), "Taalcafé");
	model_field_set_text(&a, row(event_fields, "repeat"), "FREQ=DAILY");
	model_field_set_text(&a, row(event_fields, "languages"), "ar,nl");
	model_field_set_int64(&a, row(event_fields, "start"), 1000);
	model_field_set_int64(&a, row(event_fields, "end"), 2000);
	model_field_set_int64(&a, row(event_fields, "series_id"), 7);
	model_field_set_int64(&a, row(event_fields, "occurrence_start"), 900);
	model_field_set_int(&a, row(event_fields, "all_day"), 1);
	model_field_set_int(&a, row(event_fields, "status"),
	    EVENT_CANCELLED);
	model_field_set_int(&a, row(event_fields, "sequence"), 3);
	assert_string_equal(a.title, "Taalcafé");
	assert_string_equal(a.rrule, "FREQ=DAILY");
	assert_string_equal(a.languages, "ar,nl");
	assert_true(a.start == 1000 && a.end == 2000 && a.series_id == 7 &&
	    a.occurrence_start == 900);
	assert_true(a.all_day);
	assert_int_equal(a.status, EVENT_CANCELLED);
	assert_int_equal(a.sequence, 3);
	assert_string_equal(model_field_name(&a, row(event_fields, "status")),
	    "cancelled");
	assert_int_equal(model_field_parse(row(event_fields, "status"),
	    "tentative"), EVENT_TENTATIVE);
	assert_int_equal(model_field_parse(row(event_fields, "status"),
	    "maybe"), -1);
	assert_string_equal(model_field_column(row(event_fields, "start")),
	    "start_at");
	assert_string_equal(model_field_column(row(event_fields, "repeat")),
	    "rrule");
	assert_string_equal(model_field_column(row(event_fields, "title")),
	    "title");
	for (f = event_fields; f->key != NULL; f++) {
		if ((f->flags & MODEL_FIELD_DERIVED) == 0 &&
		    (f->kind != MODEL_FIELD_TEXT || model_field_text(&a,
		    f)[0] != '\0'))
			assert_false(model_field_same(&a, &b, f));
		model_field_copy(&b, &a, f);
		assert_true(model_field_same(&a, &b, f));
	}
	assert_string_equal(b.rrule, "FREQ=DAILY");
	assert_true(b.series_id == 7 && b.occurrence_start == 900);
	assert_int_equal(b.status, EVENT_CANCELLED);
	/* SEQUENCE grows for time, place, rule and status, not a title. */
	assert_false(model_fields_differ(&a, &b, event_fields,
	    MODEL_FIELD_SEQUENCE));
	model_field_set_text(&b, row(event_fields, "title"), "Anders");
	assert_false(model_fields_differ(&a, &b, event_fields,
	    MODEL_FIELD_SEQUENCE));
	model_field_set_text(&b, row(event_fields, "location"), "Zaal");
	assert_true(model_fields_differ(&a, &b, event_fields,
	    MODEL_FIELD_SEQUENCE));
	event_fini(&a);
	event_fini(&b);
}

/* shift_fields: the rows, derived ones marked, and the members. */
static void
test_shift_fields(void **state)
{
	const struct model_field *f;
	struct shift a, b;
	size_t derived = 0;

	(void)state;
	assert_int_equal(check_table(shift_fields, sizeof a), 12);
	for (f = shift_fields; f->key != NULL; f++)
		derived += (f->flags & MODEL_FIELD_DERIVED) != 0;
	assert_int_equal(derived, 4);
	shift_init(&a);
	shift_init(&b);
	model_field_set_text(&a, row(shift_fields, "role"), "tolk");
	model_field_set_text(&a, row(shift_fields, "language"), "ti");
	model_field_set_int(&a, row(shift_fields, "needed"), 4);
	model_field_set_int64(&a, row(shift_fields, "event_id"), 12);
	model_field_set_int64(&a, row(shift_fields, "end"), 5000);
	assert_string_equal(a.role, "tolk");
	assert_string_equal(a.language, "ti");
	assert_int_equal(a.needed, 4);
	assert_true(a.event_id == 12 && a.end == 5000);
	assert_int_equal(row(shift_fields, "needed")->max, 1000);
	for (f = shift_fields; f->key != NULL; f++) {
		model_field_copy(&b, &a, f);
		assert_true(model_field_same(&a, &b, f));
	}
	assert_string_equal(b.role, "tolk");
	assert_true(b.event_id == 12 && b.needed == 4);
	shift_fini(&a);
	shift_fini(&b);
}

/* assignment_fields: enums by name, a real, the derived rows. */
static void
test_assignment_fields(void **state)
{
	const struct model_field *f;
	struct assignment a, b;

	(void)state;
	assert_int_equal(check_table(assignment_fields, sizeof a), 13);
	assignment_init(&a);
	assignment_init(&b);
	model_field_set_int(&a, row(assignment_fields, "status"),
	    ASSIGNMENT_OFFERED);
	model_field_set_int(&a, row(assignment_fields, "attendance"),
	    ATTENDANCE_NO_SHOW);
	model_field_set_real(&a, row(assignment_fields, "hours"), 2.5);
	model_field_set_int(&a, row(assignment_fields, "forced"), 1);
	model_field_set_text(&a, row(assignment_fields, "note"), "om 17:00");
	model_field_set_int64(&a, row(assignment_fields, "volunteer_id"), 9);
	assert_int_equal(a.status, ASSIGNMENT_OFFERED);
	assert_int_equal(a.attendance, ATTENDANCE_NO_SHOW);
	assert_true(a.hours == 2.5 && a.forced && a.volunteer_id == 9);
	assert_string_equal(a.note, "om 17:00");
	assert_string_equal(model_field_name(&a, row(assignment_fields,
	    "status")), "offered");
	assert_string_equal(model_field_name(&a, row(assignment_fields,
	    "attendance")), "no-show");
	assert_int_equal(model_field_parse(row(assignment_fields,
	    "attendance"), ""), ATTENDANCE_UNKNOWN);
	for (f = assignment_fields; f->key != NULL; f++) {
		model_field_copy(&b, &a, f);
		assert_true(model_field_same(&a, &b, f));
	}
	assert_true(b.hours == 2.5 && b.status == ASSIGNMENT_OFFERED);
	assignment_fini(&a);
	assignment_fini(&b);
}

/*
 * int model_field_set_value(void *rec, const struct model_field *f,
 *     const char *s, struct err *err)
 * int model_fields_set_value(void *rec, const struct model_field *fields,
 *     const char *key, const char *s, struct err *err)
 */
static void
test_set_value(void **state)
{
	struct volunteer v;
	struct event ev;
	struct err err;
	int64_t when;

	(void)state;
	volunteer_init(&v);
	event_init(&ev);
	err_clear(&err);
	/* Text as typed; a comma list normalised, as `volunteer add` does. */
	assert_int_equal(model_field_set_value(&v, field("notes"), " a , b ",
	    &err), 0);
	assert_string_equal(v.notes, " a , b ");
	assert_int_equal(model_fields_set_value(&v, volunteer_fields,
	    "languages", " nl , ar,, ", &err), 0);
	assert_string_equal(v.languages, "nl,ar");
	assert_int_equal(model_fields_set_value(&ev, event_fields,
	    "languages", "NL ,ti", &err), 0);
	assert_string_equal(ev.languages, "NL,ti");
	/* A whole number in min..max; anything else leaves it as it was. */
	assert_int_equal(model_field_set_value(&v, field("max_per_month"),
	    "4", &err), 0);
	assert_int_equal(v.max_per_month, 4);
	assert_int_equal(model_field_set_value(&v, field("max_per_month"),
	    "1001", &err), -1);
	assert_int_equal(err.code, ERR_INVALID);
	assert_string_equal(err.msg, "invalid max-per-month '1001' (a whole "
	    "number from 0 to 1000)");
	assert_int_equal(model_field_set_value(&v, field("max_per_month"),
	    "", &err), -1);
	assert_int_equal(model_field_set_value(&v, field("max_per_month"),
	    "3x", &err), -1);
	assert_int_equal(v.max_per_month, 4);
	/* yes or no. */
	assert_int_equal(model_field_set_value(&v, field("active"), "no",
	    &err), 0);
	assert_false(v.active);
	assert_int_equal(model_field_set_value(&v, field("active"), "true",
	    &err), -1);
	assert_string_equal(err.msg, "--active takes yes or no");
	assert_false(v.active);
	/* A WHEN, and an enum by its name. */
	assert_int_equal(rtime_parse_when("2027-03-01 19:30", &when, &err),
	    0);
	assert_int_equal(model_fields_set_value(&ev, event_fields, "start",
	    "2027-03-01 19:30", &err), 0);
	assert_true(ev.start == when);
	assert_int_equal(model_fields_set_value(&ev, event_fields, "start",
	    "2027-02-30 19:30", &err), -1);
	assert_true(ev.start == when);
	assert_int_equal(model_fields_set_value(&ev, event_fields, "status",
	    "tentative", &err), 0);
	assert_int_equal(ev.status, EVENT_TENTATIVE);
	assert_int_equal(model_fields_set_value(&ev, event_fields, "status",
	    "maybe", &err), -1);
	assert_int_equal(ev.status, EVENT_TENTATIVE);
	event_fini(&ev);
	volunteer_fini(&v);
}

/*
 * int event_validate(...), shift_validate(...), volunteer_validate(...):
 * every text field people type (a row with a `what`) is checked, by its
 * table: a new field needs no line of its own in validate.
 */
static void
test_validate_texts(void **state)
{
	struct event ev;
	struct shift sh;
	struct volunteer v;
	const struct model_field *f;
	struct err err;
	char want[128];
	int64_t start;

	(void)state;
	assert_int_equal(rtime_parse_when("2027-03-01 19:30", &start, &err),
	    0);
	event_init(&ev);
	ev.title = xstrdup("Taalcafé");
	ev.start = start;
	ev.end = start + 3600;
	shift_init(&sh);
	sh.role = xstrdup("tolk");
	sh.start = start;
	sh.end = start + 3600;
	volunteer_init(&v);
	v.name = xstrdup("Noor");
	assert_int_equal(event_validate(&ev, &err), 0);
	assert_int_equal(shift_validate(&sh, &err), 0);
	assert_int_equal(volunteer_validate(&v, &err), 0);
#define CHECK_TEXTS(rec, table, validate) \
	for (f = table; f->key != NULL; f++) { \
		if (f->kind != MODEL_FIELD_TEXT || f->what == NULL || \
		    (f->flags & MODEL_FIELD_DERIVED)) \
			continue; \
		model_field_set_text(rec, f, "ok \xff"); \
		assert_int_equal(validate(rec, &err), -1); \
		snprintf(want, sizeof want, "%s is not valid UTF-8 text", \
		    f->what); \
		assert_string_equal(err.msg, want); \
		model_field_set_text(rec, f, "ok"); \
	}
	CHECK_TEXTS(&ev, event_fields, event_validate);
	CHECK_TEXTS(&sh, shift_fields, shift_validate);
	CHECK_TEXTS(&v, volunteer_fields, volunteer_validate);
#undef CHECK_TEXTS
	event_fini(&ev);
	shift_fini(&sh);
	volunteer_fini(&v);
}

/* void model_fields_normalize(void *rec, const struct model_field *fields) */
static void
test_normalize(void **state)
{
	struct volunteer v;

	(void)state;
	volunteer_init(&v);
	v.skills = xstrdup(" tolk , eerste hulp,,");
	v.notes = xstrdup(" a , b ");
	model_fields_normalize(&v, volunteer_fields);
	assert_string_equal(v.skills, "tolk,eerste hulp");
	assert_string_equal(v.languages, "");	/* NULL becomes "" */
	assert_string_equal(v.notes, " a , b ");	/* not a list */
	volunteer_fini(&v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_int_bool),
		cmocka_unit_test(test_copy_same),
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_event_fields),
		cmocka_unit_test(test_shift_fields),
		cmocka_unit_test(test_assignment_fields),
		cmocka_unit_test(test_set_value),
		cmocka_unit_test(test_validate_texts),
		cmocka_unit_test(test_normalize),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
