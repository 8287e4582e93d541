/* SPDX-License-Identifier: ISC */
/*
 * int ops_invite(struct store *st, const struct ops_config *cfg,
 *     int64_t event_id, enum ops_invite_mode mode, const char *outbox,
 *     struct ops_invite_results *out, struct err *err);
 * int ops_ics_import(struct store *st, FILE *fp, bool strict,
 *     struct ops_ics_result *out, struct err *err);
 * The invitation cycle on an in-memory plan: REQUEST once, a higher
 * SEQUENCE after an edit, a CANCEL after unassign (and only one), a
 * REQUEST above the CANCEL after re-assigning, a failed hand-off left
 * due; a REPLY sets the status and an older one does not; a malformed
 * import changes nothing.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "rooster/ops.h"

/* 2027-03-27 14:00 Amsterdam (CET) */
#define T0 INT64_C(1806152400)

struct fixture {
	struct store		*st;
	struct ops_config	 cfg;
	char			 dir[64];
	int64_t			 shift;
	char			*uid;
};

static int
setup(void **state)
{
	int rc_open;
	struct fixture *f = calloc(1, sizeof *f);
	struct event ev;
	struct shift sh;
	struct volunteer v;
	struct err err;

	assert_int_equal(store_open(":memory:", STORE_CREATE, &f->st, &err), 0);
	rc_open = ops_plan_open(f->st, &err);
	/* A new plan on a UTC system has no zone until init (issue 15). */
	assert_true(rc_open == 0 || rc_open == OPS_PLAN_ZONE_UNSET);
	assert_int_equal(ops_plan_init(f->st, "Europe/Amsterdam", "Plan", &err),
	    0);
	ops_config_init(&f->cfg);
	f->cfg.email = strdup("org@example.org");
	snprintf(f->dir, sizeof f->dir, "/tmp/rooster-outbox.XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	event_init(&ev);
	ev.title = strdup("Taalcafe");
	ev.start = T0;
	ev.end = T0 + 3 * 3600;
	assert_int_equal(ops_event_add(f->st, &ev, &err), 0);
	shift_init(&sh);
	sh.event_id = ev.id;
	sh.role = strdup("algemeen");
	sh.needed = 2;
	assert_int_equal(ops_shift_add(f->st, &sh, false, &err), 0);
	f->shift = sh.id;
	f->uid = strdup(sh.uid);
	volunteer_init(&v);
	v.name = strdup("Ana");
	v.email = strdup("Ana@Example.net");
	assert_int_equal(ops_volunteer_add(f->st, &v, &err), 0);
	assert_int_equal(ops_assign(f->st, f->shift, v.id, true, NULL, &err),
	    0);
	volunteer_fini(&v);
	shift_fini(&sh);
	event_fini(&ev);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;
	char cmd[128];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
	assert_int_equal(system(cmd), 0);
	ops_config_fini(&f->cfg);
	store_close(f->st);
	free(f->uid);
	free(f);
	return 0;
}

/* Run invite to the outbox; return the one message's SEQUENCE or -1. */
static int
run(struct fixture *f, const char *method, size_t want)
{
	struct ops_invite_results res = { 0 };
	struct err err;
	int seq = -1;

	if (ops_invite(f->st, &f->cfg, 0, OPS_INVITE_OUTBOX, f->dir, &res,
	    &err) != 0)
		fail_msg("ops_invite: %s", err.msg);
	assert_int_equal(res.len, want);
	if (want > 0) {
		assert_string_equal(res.items[0].method, method);
		assert_string_equal(res.items[0].outcome, "written");
		seq = res.items[0].sequence;
	}
	ops_invite_results_free(&res);
	return seq;
}

static enum assignment_status
status(struct fixture *f)
{
	struct assignment a;
	struct err err;
	enum assignment_status s;

	assert_int_equal(store_assignment_get(f->st, f->shift, 1, &a, &err), 0);
	s = a.status;
	assignment_fini(&a);
	return s;
}

static void
test_invite_cycle(void **state)
{
	struct fixture *f = *state;
	struct shift sh;
	struct err err;

	assert_int_equal(run(f, "REQUEST", 1), 0);
	assert_int_equal(status(f), ASSIGNMENT_INVITED);
	run(f, NULL, 0);			/* nothing changed */
	assert_int_equal(store_shift_get(f->st, f->shift, &sh, &err), 0);
	sh.start += 3600;
	assert_int_equal(ops_shift_edit(f->st, &sh, false, &err), 0);
	shift_fini(&sh);
	assert_int_equal(run(f, "REQUEST", 1), 1);
	assert_int_equal(ops_unassign(f->st, f->shift, 1, &err), 0);
	assert_int_equal(run(f, "CANCEL", 1), 2);
	run(f, NULL, 0);			/* the CANCEL went once */
	assert_int_equal(ops_assign(f->st, f->shift, 1, true, NULL, &err), 0);
	assert_int_equal(run(f, "REQUEST", 1), 3);
}

static void
test_invite_failed_handoff(void **state)
{
	struct fixture *f = *state;
	struct ops_invite_results res = { 0 };
	struct err err;

	free(f->cfg.sendmail);
	f->cfg.sendmail = strdup("false");
	assert_int_equal(ops_invite(f->st, &f->cfg, 0, OPS_INVITE_SEND, NULL,
	    &res, &err), 0);
	assert_int_equal(res.len, 1);
	assert_int_equal(res.failed, 1);
	assert_string_equal(res.items[0].outcome, "failed");
	if (strstr(res.items[0].detail, "exit status 1") == NULL)
		fail_msg("detail: %s", res.items[0].detail);
	ops_invite_results_free(&res);
	assert_int_equal(status(f), ASSIGNMENT_PLANNED);
	free(f->cfg.sendmail);
	f->cfg.sendmail = strdup("cat");
	assert_int_equal(ops_invite(f->st, &f->cfg, 0, OPS_INVITE_SEND, NULL,
	    &res, &err), 0);
	assert_int_equal(res.failed, 0);
	assert_string_equal(res.items[0].outcome, "sent");
	ops_invite_results_free(&res);
	assert_int_equal(status(f), ASSIGNMENT_INVITED);
}

static void
test_invite_needs_organizer(void **state)
{
	struct fixture *f = *state;
	struct ops_invite_results res = { 0 };
	struct err err;

	free(f->cfg.email);
	f->cfg.email = NULL;
	assert_int_equal(ops_invite(f->st, &f->cfg, 0, OPS_INVITE_OUTBOX,
	    f->dir, &res, &err), -1);
	assert_int_equal(err.code, ERR_INVALID);
	assert_int_equal(res.len, 0);
	assert_int_equal(status(f), ASSIGNMENT_PLANNED);
}

static int
import(struct fixture *f, const char *fmt, int seq, const char *partstat,
    const char *stamp, struct ops_ics_result *res, struct err *err)
{
	char text[1024];
	FILE *fp;
	int rc;

	snprintf(text, sizeof text, fmt, f->uid, stamp, seq, partstat);
	fp = fmemopen(text, strlen(text), "r");
	memset(res, 0, sizeof *res);
	rc = ops_ics_import(f->st, fp, false, res, err);
	fclose(fp);
	return rc;
}

#define REPLY "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n" \
	"METHOD:REPLY\r\nBEGIN:VEVENT\r\nUID:%s\r\nDTSTAMP:%s\r\n" \
	"SEQUENCE:%d\r\nATTENDEE;PARTSTAT=%s:MAILTO:ana@EXAMPLE.NET\r\n" \
	"END:VEVENT\r\nEND:VCALENDAR\r\n"

static void
test_import_reply(void **state)
{
	struct fixture *f = *state;
	struct ops_ics_result res;
	struct shift sh;
	struct err err;

	assert_int_equal(run(f, "REQUEST", 1), 0);
	assert_int_equal(import(f, REPLY, 0, "ACCEPTED", "20261201T080000Z",
	    &res, &err), 0);
	assert_int_equal(res.replies, 1);
	ops_ics_result_fini(&res);
	assert_int_equal(status(f), ASSIGNMENT_ACCEPTED);
	/* An older DTSTAMP loses. */
	assert_int_equal(import(f, REPLY, 0, "DECLINED", "20261201T070000Z",
	    &res, &err), 0);
	assert_int_equal(res.ignored, 1);
	ops_ics_result_fini(&res);
	assert_int_equal(status(f), ASSIGNMENT_ACCEPTED);
	/* After an update, a reply to SEQUENCE 0 answers the old version. */
	assert_int_equal(store_shift_get(f->st, f->shift, &sh, &err), 0);
	sh.start += 3600;
	assert_int_equal(ops_shift_edit(f->st, &sh, false, &err), 0);
	shift_fini(&sh);
	assert_int_equal(run(f, "REQUEST", 1), 1);
	assert_int_equal(import(f, REPLY, 0, "DECLINED", "20261202T080000Z",
	    &res, &err), 0);
	assert_int_equal(res.replies, 0);
	ops_ics_result_fini(&res);
	/* The moved shift asked Ana again (issue 14): invited, not declined. */
	assert_int_equal(status(f), ASSIGNMENT_INVITED);
	assert_int_equal(import(f, REPLY, 1, "DECLINED", "20261202T080000Z",
	    &res, &err), 0);
	ops_ics_result_fini(&res);
	assert_int_equal(status(f), ASSIGNMENT_DECLINED);
	/* Malformed after a good reply: nothing of it stays. */
	assert_int_equal(import(f, REPLY "BEGIN:VEVENT\r\n", 1, "ACCEPTED",
	    "20261203T080000Z", &res, &err), -1);
	assert_int_equal(err.code, ERR_INVALID);
	assert_non_null(strstr(err.msg, "line "));
	ops_ics_result_fini(&res);
	assert_int_equal(status(f), ASSIGNMENT_DECLINED);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_invite_cycle, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_invite_failed_handoff,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_invite_needs_organizer,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_import_reply, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
