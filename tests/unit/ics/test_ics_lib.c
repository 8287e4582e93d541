/* SPDX-License-Identifier: ISC */
/*
 * int ics_lib_load(struct err *err);
 * libical and ICU are loaded by the ics layer when it first needs them
 * (src/ics/ics_lib.h): every function of rooster/ics.h is called here as
 * the first ics call of a fresh process (a child), so one that reaches
 * libical without loading it first calls through a NULL pointer and the
 * child dies. tests/ics/test_libical_on_demand.sh checks that every
 * function the header declares is named below.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "rooster/ics.h"

#define AMS "Europe/Amsterdam"
#define T0 INT64_C(1805220000)	/* 2027-03-16 18:00 UTC */

static const char calendar[] =
    "BEGIN:VCALENDAR\r\n"
    "VERSION:2.0\r\n"
    "PRODID:-//test//EN\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:a@example.org\r\n"
    "DTSTAMP:20270101T000000Z\r\n"
    "DTSTART:20270316T180000Z\r\n"
    "DTEND:20270316T200000Z\r\n"
    "SUMMARY:Soup kitchen\r\n"
    "RRULE:FREQ=WEEKLY;COUNT=2\r\n"
    "END:VEVENT\r\n"
    "END:VCALENDAR\r\n";

static const char vtimezone[] =
    "BEGIN:VTIMEZONE\r\n"
    "TZID:Fixed\r\n"
    "BEGIN:STANDARD\r\n"
    "DTSTART:19700101T000000\r\n"
    "TZOFFSETFROM:+0200\r\n"
    "TZOFFSETTO:+0200\r\n"
    "END:STANDARD\r\n"
    "END:VTIMEZONE\r\n";

static const struct ics_calendar cal = {
	.method = ICS_METHOD_PUBLISH, .name = "Test", .zone = AMS,
};

static const struct ics_item item = {
	.uid = "a@example.org", .dtstamp = T0, .start = T0,
	.end = T0 + 7200, .summary = "Soup kitchen", .status = EVENT_CONFIRMED,
};

/* Run fn in a child, as its first ics call; it must return 0. */
static void
first_call(int (*fn)(void))
{
	pid_t pid;
	int status;

	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0)
		_exit(fn() == 0 ? 0 : 1);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
}

static int
count_item(void *arg, const struct ics_read_item *it, struct err *err)
{
	(void)it;
	(void)err;
	(*(int *)arg)++;
	return 0;
}

static int
count_message(void *arg, const struct ics_mime_message *msg,
    struct err *err)
{
	(void)msg;
	(void)err;
	(*(int *)arg)++;
	return 0;
}

static int
call_lib_load(void)
{
	return ics_lib_load(NULL);
}

static int
call_zone_vtimezone(void)
{
	char *text = ics_zone_vtimezone(AMS, 2026, NULL);
	int rc = text != NULL && strstr(text, "TZID:" AMS) != NULL ? 0 : -1;

	free(text);
	return rc;
}

static int
call_zone_offsets(void)
{
	int64_t t = T0;
	int off = 0;

	if (ics_zone_offsets(vtimezone, &t, &off, 1, NULL) < 0)
		return -1;
	return off == 7200 ? 0 : -1;
}

static int
call_method_name(void)
{
	return strcmp(ics_method_name(ICS_METHOD_REQUEST), "REQUEST");
}

/* ics_writer_open, _set_fast, _add, _put, _end, _again, _close, _free. */
static int
call_writer(void)
{
	struct ics_writer *w;
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	int rc;

	if (fp == NULL || ics_writer_open(fp, &cal, &w, NULL) < 0)
		return -1;
	ics_writer_set_fast(w, false);
	rc = ics_writer_add(w, &item, NULL);
	if (rc == 0)
		rc = ics_writer_put(w, "", 0, NULL);
	if (rc == 0)
		rc = ics_writer_end(w, NULL);
	if (rc == 0)
		rc = ics_writer_again(w, fp, "Again", NULL);
	if (rc == 0)
		rc = ics_writer_close(w, NULL);
	else
		ics_writer_free(w);
	fclose(fp);
	if (rc == 0 && strstr(buf, "SUMMARY:Soup kitchen") == NULL)
		rc = -1;
	free(buf);
	return rc;
}

static int
call_message_new(void)
{
	char *text = ics_message_new(&cal, &item, NULL);
	int rc = text != NULL && strstr(text, "UID:a@example.org") != NULL ?
	    0 : -1;

	free(text);
	return rc;
}

static int
call_message_check(void)
{
	return ics_message_check(calendar, NULL);
}

static int
call_read_with(void)
{
	struct ics_read_options opts = { .zone = AMS };
	FILE *fp = fmemopen((void *)calendar, strlen(calendar), "r");
	int n = 0, rc;

	if (fp == NULL)
		return -1;
	rc = ics_read_with(fp, &opts, count_item, &n, NULL);
	fclose(fp);
	return rc == 0 && n == 1 ? 0 : -1;
}

static int
call_read(void)
{
	FILE *fp = fmemopen((void *)calendar, strlen(calendar), "r");
	int n = 0, rc;

	if (fp == NULL)
		return -1;
	rc = ics_read(fp, AMS, count_item, &n, NULL);
	fclose(fp);
	return rc == 0 && n == 1 ? 0 : -1;
}

static int
call_mail_new(void)
{
	struct ics_mail m = {
		.from = { "Org", "org@example.org" },
		.to = { "Vol", "vol@example.org" },
		.subject = "Invite", .text = "Hello",
		.calendar = calendar, .method = ICS_METHOD_REQUEST,
		.date = T0, .domain = "example.org",
	};
	char *text = ics_mail_new(&m, NULL);
	int rc = text != NULL ? 0 : -1;

	free(text);
	return rc;
}

static int
call_mail_address_ok(void)
{
	return ics_mail_address_ok("vol@example.org") ? 0 : -1;
}

static int
call_mime_read(void)
{
	static const char mail[] =
	    "From: vol@example.org\r\n"
	    "Subject: Re\r\n"
	    "Content-Type: text/calendar; charset=utf-8\r\n"
	    "\r\n";
	char path[] = "/tmp/rooster-test-ics-lib.XXXXXX";
	int fd = mkstemp(path), n = 0, rc;

	if (fd < 0)
		return -1;
	unlink(path);
	if (write(fd, mail, sizeof mail - 1) != (ssize_t)(sizeof mail - 1) ||
	    lseek(fd, 0, SEEK_SET) != 0) {
		close(fd);
		return -1;
	}
	rc = ics_mime_read(fd, false, count_message, &n, NULL);
	close(fd);
	return rc == 0 && n == 1 ? 0 : -1;
}

static int
call_recur_expand(void)
{
	int64_t *v = NULL;
	size_t n = 0;
	int rc = ics_recur_expand("FREQ=WEEKLY;COUNT=3", T0, AMS, 0, 10, &v,
	    &n, NULL);

	free(v);
	return rc == 0 && n == 3 ? 0 : -1;
}

static int
call_recur_check(void)
{
	return ics_recur_check("FREQ=WEEKLY;COUNT=3", NULL);
}

static int
call_recur_is_within_day(void)
{
	return ics_recur_is_within_day("FREQ=HOURLY;COUNT=3") ? 0 : -1;
}

static int
call_recur_is_bounded(void)
{
	return ics_recur_is_bounded("FREQ=WEEKLY;COUNT=3") ? 0 : -1;
}

#define FIRST(name) \
	static void test_first_##name(void **state) \
	{ (void)state; first_call(call_##name); }
FIRST(lib_load)
FIRST(zone_vtimezone)
FIRST(zone_offsets)
FIRST(method_name)
FIRST(writer)
FIRST(message_new)
FIRST(message_check)
FIRST(read_with)
FIRST(read)
FIRST(mail_new)
FIRST(mail_address_ok)
FIRST(mime_read)
FIRST(recur_expand)
FIRST(recur_check)
FIRST(recur_is_within_day)
FIRST(recur_is_bounded)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_first_lib_load),
		cmocka_unit_test(test_first_zone_vtimezone),
		cmocka_unit_test(test_first_zone_offsets),
		cmocka_unit_test(test_first_method_name),
		cmocka_unit_test(test_first_writer),
		cmocka_unit_test(test_first_message_new),
		cmocka_unit_test(test_first_message_check),
		cmocka_unit_test(test_first_read_with),
		cmocka_unit_test(test_first_read),
		cmocka_unit_test(test_first_mail_new),
		cmocka_unit_test(test_first_mail_address_ok),
		cmocka_unit_test(test_first_mime_read),
		cmocka_unit_test(test_first_recur_expand),
		cmocka_unit_test(test_first_recur_check),
		cmocka_unit_test(test_first_recur_is_within_day),
		cmocka_unit_test(test_first_recur_is_bounded),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
