/* SPDX-License-Identifier: ISC */
/*
 * int store_volunteer_list(struct store *st, const char *search,
 *     const char *skill, struct volunteer_list *out, struct err *err);
 * Name search goes through the FTS5 trigram index (three characters or
 * more) or a scan (fewer), and must answer as the plain substring test
 * did; the index follows inserts, renames and deletes; shifts_this_month
 * is the same whichever way the list was read.
 */
#include "harness.h"

#include <stdlib.h>

#include "rooster/store.h"

#define HOUR INT64_C(3600)

static int
setup(void **state)
{
	struct store *st = NULL;
	struct err err;

	if (store_open(":memory:", STORE_CREATE, &st, &err) != 0)
		return -1;
	*state = st;
	return 0;
}

static int
teardown(void **state)
{
	store_close(*state);
	return 0;
}

static int64_t
add_volunteer(struct store *st, const char *name, const char *email,
    const char *skills)
{
	struct volunteer v;
	struct err err;
	int64_t id;

	volunteer_init(&v);
	v.name = xstrdup(name);
	v.email = xstrdup(email);
	v.skills = xstrdup(skills);
	if (store_volunteer_insert(st, &v, &err) != 0)
		fail_msg("volunteer insert: %s", err.msg);
	id = v.id;
	volunteer_fini(&v);
	return id;
}

/* Ids found by search (NULL: all), in list order, as "1,3,"; n set. */
static char *
found(struct store *st, const char *search, const char *skill, size_t *n)
{
	struct volunteer_list list = { 0 };
	struct strbuf sb;
	struct err err;
	size_t i;

	err_clear(&err);
	if (store_volunteer_list(st, search, skill, &list, &err) != 0)
		fail_msg("store_volunteer_list(%s): %s", search, err.msg);
	strbuf_init(&sb);
	for (i = 0; i < list.len; i++)
		strbuf_addf(&sb, "%lld,", (long long)list.items[i].id);
	if (n != NULL)
		*n = list.len;
	volunteer_list_free(&list);
	return strbuf_detach(&sb);
}

#define assert_found(st, search, skill, want) do {			\
	char *assert_found_s = found((st), (search), (skill), NULL);	\
	assert_string_equal(assert_found_s, (want));			\
	free(assert_found_s);						\
} while (0)

static void
test_search_substring(void **state)
{
	struct store *st = *state;

	add_volunteer(st, "Ana de Vries", "ana@example.org", "tolk");	/* 1 */
	add_volunteer(st, "bob Jansen", "bob@mail.example", "");	/* 2 */
	add_volunteer(st, "Ëlla Dĳkstra", "", "tolk,ehbo");		/* 3 */
	add_volunteer(st, "Jan O\"Brien", "jan@example.org", "");	/* 4 */

	/* Inside a word, across a space, any ASCII case. */
	assert_found(st, "na de v", NULL, "1,");
	assert_found(st, "JANSEN", NULL, "2,");
	assert_found(st, "ansen", NULL, "2,");
	/* E-mail addresses too; list order is by name. */
	assert_found(st, "example.org", NULL, "1,4,");
	assert_found(st, "mail.exa", NULL, "2,");
	/* Non-ASCII text matches itself. */
	assert_found(st, "Ëlla", NULL, "3,");
	assert_found(st, "dĳk", NULL, "3,");
	/* FTS5 syntax is plain text here. */
	assert_found(st, "O\"Brien", NULL, "4,");
	assert_found(st, "ana OR bob", NULL, "");
	assert_found(st, "an*", NULL, "");
	assert_found(st, "nobody", NULL, "");
	/* Short searches (no trigram) still find substrings. */
	assert_found(st, "an", NULL, "1,2,4,");
	/* Case and accents ignored (name_folded): "ë" and "e" alike. */
	assert_found(st, "ë", NULL, "1,2,3,4,");
	assert_found(st, "Ë", NULL, "1,2,3,4,");
	assert_found(st, "ëll", NULL, "3,");
	assert_found(st, "ella", NULL, "3,");
	assert_found(st, "ELLA DIJK", NULL, "3,");
	/* With a skill, both must hold. */
	assert_found(st, "example", "tolk", "1,");
	assert_found(st, "ll", "ehbo", "3,");
	assert_found(st, NULL, "tolk", "1,3,");
	/* By name folded: Ëlla with the e's. */
	assert_found(st, NULL, NULL, "1,2,3,4,");
	assert_found(st, "", NULL, "1,2,3,4,");
}

/*
 * A trigram search is sorted in C, a short one by SQLite: both by name
 * folded, a prefix before what it starts, equal names by id, whatever
 * order they were added in.
 */
static void
test_search_order(void **state)
{
	struct store *st = *state;

	add_volunteer(st, "Zo\xc3\xab Ahmadi", "", "");		/* 1 */
	add_volunteer(st, "Ahmed Bakr", "", "");		/* 2 */
	add_volunteer(st, "ahmed bakr", "", "");		/* 3 */
	add_volunteer(st, "\xc3\x84hmed Bakr", "", "");		/* 4 */
	add_volunteer(st, "Ahmed", "", "");			/* 5 */
	add_volunteer(st, "Ahmed Ba", "", "");			/* 6 */
	add_volunteer(st, "Bram", "bram.ahmed@example.org", "");	/* 7 */

	assert_found(st, "ahm", NULL, "5,6,2,3,4,7,1,");
	assert_found(st, "ah", NULL, "5,6,2,3,4,7,1,");
	assert_found(st, "ahmed b", NULL, "6,2,3,4,");
	assert_found(st, "HMED", NULL, "5,6,2,3,4,7,");
}

static void
test_search_follows_changes(void **state)
{
	struct store *st = *state;
	struct volunteer v;
	struct err err;
	int64_t a, b;

	a = add_volunteer(st, "Karin Mulder", "karin@example.org", "");
	b = add_volunteer(st, "Kees Mulder", "kees@example.org", "");
	assert_found(st, "mulder", NULL, "1,2,");

	assert_int_equal(store_volunteer_get(st, a, &v, &err), 0);
	free(v.name);
	v.name = xstrdup("Karin Visser");
	free(v.email);
	v.email = xstrdup("karin.visser@example.net");
	assert_int_equal(store_volunteer_update(st, &v, &err), 0);
	volunteer_fini(&v);
	assert_found(st, "mulder", NULL, "2,");
	assert_found(st, "visser", NULL, "1,");
	assert_found(st, "example.net", NULL, "1,");
	assert_found(st, "karin@", NULL, "");

	assert_int_equal(store_volunteer_delete(st, b, &err), 0);
	assert_found(st, "mulder", NULL, "");
	assert_found(st, "kees", NULL, "");
	assert_found(st, "example", NULL, "1,");
}

/* Counts this month's shifts of a volunteer, as get and each list path do. */
static void
test_shifts_this_month(void **state)
{
	struct store *st = *state;
	struct volunteer_list list = { 0 };
	struct assignment as;
	struct volunteer v;
	struct event ev;
	struct shift sh;
	struct err err;
	int64_t now = rtime_now(), ana, bob, shift[3];
	int i;

	ana = add_volunteer(st, "Ana de Vries", "ana@example.org", "");
	bob = add_volunteer(st, "Bob Jansen", "", "");
	event_init(&ev);
	ev.uid = xstrdup("e1@test");
	ev.title = xstrdup("Taalcafé");
	ev.start = now - 366 * 24 * HOUR;
	ev.end = now + HOUR;
	assert_int_equal(store_event_insert(st, &ev, &err), 0);
	/* Now (this month), a year ago (not), and now again. */
	for (i = 0; i < 3; i++) {
		shift_init(&sh);
		sh.event_id = ev.id;
		sh.uid = xasprintf("s%d@test", i);
		sh.role = xstrdup("host");
		sh.start = i == 1 ? now - 366 * 24 * HOUR : now;
		sh.end = sh.start + 60;
		sh.needed = 2;
		assert_int_equal(store_shift_insert(st, &sh, &err), 0);
		shift[i] = sh.id;
		shift_fini(&sh);
	}
	event_fini(&ev);
	for (i = 0; i < 4; i++) {
		assignment_init(&as);
		as.shift_id = shift[i % 3];
		as.volunteer_id = i < 3 ? ana : bob;
		as.status = i == 2 ? ASSIGNMENT_DECLINED : ASSIGNMENT_ACCEPTED;
		assert_int_equal(store_assignment_insert(st, &as, &err), 0);
	}
	/* Ana: shift 0 counts, 1 is last year, 2 declined. Bob: shift 0. */
	assert_int_equal(store_volunteer_get(st, ana, &v, &err), 0);
	assert_int_equal(v.shifts_this_month, 1);
	volunteer_fini(&v);
	/* The bare read: the same volunteer, the month not counted. */
	assert_int_equal(store_volunteer_get_bare(st, ana, &v, &err), 0);
	assert_true(v.id == ana);
	assert_string_equal(v.name, "Ana de Vries");
	assert_string_equal(v.email, "ana@example.org");
	assert_int_equal(v.shifts_this_month, 0);
	volunteer_fini(&v);
	assert_err(store_volunteer_get_bare(st, ana + bob + 100, &v, &err),
	    err, ERR_NOT_FOUND);
	volunteer_fini(&v);
	assert_int_equal(store_volunteer_list(st, NULL, NULL, &list, &err), 0);
	assert_int_equal(list.len, 2);
	assert_int_equal(list.items[0].shifts_this_month, 1);
	assert_int_equal(list.items[1].shifts_this_month, 1);
	volunteer_list_free(&list);
	assert_int_equal(store_volunteer_list(st, "vries", NULL, &list, &err),
	    0);
	assert_int_equal(list.len, 1);
	assert_int_equal(list.items[0].shifts_this_month, 1);
	volunteer_list_free(&list);
	assert_int_equal(store_volunteer_list(st, "an", NULL, &list, &err), 0);
	assert_int_equal(list.len, 2);
	assert_int_equal(list.items[0].shifts_this_month, 1);
	volunteer_list_free(&list);
	/* Nobody without assignments is dropped by the join. */
	add_volunteer(st, "Cem", "", "");
	assert_int_equal(store_volunteer_list(st, NULL, NULL, &list, &err), 0);
	assert_int_equal(list.len, 3);
	assert_int_equal(list.items[2].shifts_this_month, 0);
	volunteer_list_free(&list);
}

/* The ids store_volunteer_match gives for text, as "3,1,/2" (*exact /). */
static char *
matched(struct store *st, const char *text)
{
	struct volunteer_list list = { 0 };
	struct strbuf sb;
	struct err err;
	size_t exact, i;

	if (store_volunteer_match(st, text, &list, &exact, &err) != 0)
		fail_msg("store_volunteer_match(%s): %s", text, err.msg);
	strbuf_init(&sb);
	for (i = 0; i < list.len; i++)
		strbuf_addf(&sb, "%s%lld,", i == exact ? "/" : "",
		    (long long)list.items[i].id);
	volunteer_list_free(&list);
	return strbuf_detach(&sb);
}

#define assert_matched(st, text, want) do {				\
	char *assert_matched_s = matched((st), (text));			\
	assert_string_equal(assert_matched_s, (want));			\
	free(assert_matched_s);						\
} while (0)

/*
 * int store_volunteer_match(struct store *st, const char *text,
 *     struct volunteer_list *out, size_t *exact, struct err *err);
 * Folded prefixes are candidates; the accents as typed pick among them.
 */
static void
test_match_tiers(void **state)
{
	struct store *st = *state;

	add_volunteer(st, "Ella Jansen", "", "");	/* 1 */
	add_volunteer(st, "Ëlla Visser", "", "");	/* 2 */
	add_volunteer(st, "Ellen de Vries", "", "");	/* 3 */
	add_volunteer(st, "Ëlla", "", "");		/* 4 */

	/* The whole name with its accents, any case. */
	assert_matched(st, "ËLLA", "4,/1,2,");
	/* A prefix with the accents as typed: only Ëlla Visser has it. */
	assert_matched(st, "ëlla v", "2,");
	/* Typed without accents: the whole name folded, else any. */
	assert_matched(st, "ella", "4,/1,2,");
	assert_matched(st, "ella ", "1,2,");
	assert_matched(st, "el", "4,1,2,3,");
	assert_matched(st, "ëllen", "3,");
	assert_matched(st, "x", "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_search_substring, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_search_order, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_search_follows_changes,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_shifts_this_month, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_match_tiers, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
