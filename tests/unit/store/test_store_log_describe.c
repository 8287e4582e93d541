/* SPDX-License-Identifier: ISC */
/*
 * store_log_describe.c on :memory:, untranslated (English):
 * char *store_log_describe(st, entry);
 */
#include "harness.h"

#include <stdlib.h>

#include "rooster/store.h"

static int
setup(void **state)
{
	struct store *st;
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

/* The description of the newest log line. */
static char *
newest(struct store *st)
{
	struct store_log_filter f = { 0 };
	struct store_log_list list = { 0 };
	struct err err;
	char *s;

	f.limit = 1;
	assert_int_equal(store_log_find(st, &f, &list, &err), 0);
	assert_int_equal(list.len, 1);
	s = store_log_describe(st, &list.items[0]);
	store_log_list_free(&list);
	return s;
}

/* A volunteer named, while there and once deleted (from the log's rows). */
static void
test_volunteer_named(void **state)
{
	struct store *st = *state;
	struct volunteer v;
	struct err err;
	int64_t id;
	char *s;

	volunteer_init(&v);
	v.name = strdup("Fatima");
	assert_int_equal(store_begin_write(st, &err), 0);
	assert_int_equal(store_volunteer_insert(st, &v, &err), 0);
	assert_int_equal(store_log_append(st, "volunteer add", "volunteer",
	    v.id, "added 'Fatima'", &err), 0);
	assert_int_equal(store_commit(st, &err), 0);
	id = v.id;
	volunteer_fini(&v);
	s = newest(st);
	assert_string_equal(s, "volunteer Fatima added");
	free(s);

	assert_int_equal(store_begin_write(st, &err), 0);
	assert_int_equal(store_volunteer_delete(st, id, &err), 0);
	assert_int_equal(store_log_append(st, "volunteer delete", "volunteer",
	    id, "deleted 'Fatima'", &err), 0);
	assert_int_equal(store_commit(st, &err), 0);
	s = newest(st);
	assert_string_equal(s, "volunteer Fatima deleted");
	free(s);
}

/* An action it has no sentence for keeps the summary as written. */
static void
test_unknown_keeps_summary(void **state)
{
	struct store *st = *state;
	struct err err;
	char *s;

	assert_int_equal(store_begin_write(st, &err), 0);
	assert_int_equal(store_log_append(st, "demo", "plan", 0,
	    "demo plan: 3 events", &err), 0);
	assert_int_equal(store_commit(st, &err), 0);
	s = newest(st);
	assert_string_equal(s, "demo plan: 3 events");
	free(s);
}

/* Lines whose numbers or names only the summary holds read it back. */
static void
test_from_summary(void **state)
{
	static const char *const cases[][3] = {
		{ "import ics", "2 added, 1 updated, 3 replies",
		    "calendar read: 2 added, 1 updated, 3 replies, 0 free/busy" },
		{ "import ics", "0 added, 0 updated, 1 replies, 4 free/busy",
		    "calendar read: 0 added, 0 updated, 1 replies, 4 free/busy" },
		{ "restore", "restored the plan from /tmp/b.db",
		    "plan restored from /tmp/b.db" },
		{ "timezone", "zone Etc/UTC -> Europe/Amsterdam, local times kept",
		    "time zone Etc/UTC changed to Europe/Amsterdam, local times "
		    "kept" },
		{ "init", "at least 30 min rest between shifts",
		    "at least 30 minutes of rest between shifts" },
		{ "init", "language nl", "mails in Dutch" },
		{ "import mail", "offers settled by replies",
		    "offers settled by the replies" },
		{ "demo", "demo plan: 12 events, 30 volunteers, 3 teams",
		    "demo plan: 12 events, 30 volunteers, 3 teams" },
		{ "team rename", "renamed team 'Chauffeurs' to 'Rijders'",
		    "team Chauffeurs renamed to Rijders" },
		{ "team rename", "renamed team 'A' to ''", "renamed team 'A' to ''" },
		{ "init", "something else", "something else" },
	};
	struct store *st = *state;
	struct err err;
	size_t i;
	char *s;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		assert_int_equal(store_begin_write(st, &err), 0);
		assert_int_equal(store_log_append(st, cases[i][0], "plan", 0,
		    cases[i][1], &err), 0);
		assert_int_equal(store_commit(st, &err), 0);
		s = newest(st);
		assert_string_equal(s, cases[i][2]);
		free(s);
	}
}

/* invite without --event logs event 0: the sentence names no "#0". */
static void
test_invite_every_event(void **state)
{
	static const char *const cases[][2] = {
		{ "26 invitation messages written", "26 invitation messages "
		    "written" },
		{ "1 invitation message sent", "1 invitation message sent" },
	};
	struct store *st = *state;
	struct err err;
	size_t i;
	char *s;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		assert_int_equal(store_begin_write(st, &err), 0);
		assert_int_equal(store_log_append(st, "invite", "event", 0,
		    cases[i][0], &err), 0);
		assert_int_equal(store_commit(st, &err), 0);
		s = newest(st);
		assert_string_equal(s, cases[i][1]);
		free(s);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_volunteer_named, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_unknown_keeps_summary,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_from_summary, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_invite_every_event, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
