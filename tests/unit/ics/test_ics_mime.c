/* SPDX-License-Identifier: ISC */
/*
 * int ics_mime_read(int fd, bool mbox, ics_mime_fn *fn, void *arg,
 *     struct err *err);
 * Calendar parts come out decoded (base64, quoted-printable) and in
 * UTF-8 whatever their charset; a forwarded message's parts carry its own
 * From; other parts are left out; input that is no mail is said so; an
 * mbox gives each message in turn; a pipe is read like a file.
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

#include "rooster/ics.h"

struct seen {
	int	 messages;
	char	 from[8][64];		/* per message */
	char	 part_from[8][64];	/* per part */
	char	 data[8][256];
	int	 parts;
	bool	 problem;
};

static int
collect(void *arg, const struct ics_mime_message *m, struct err *err)
{
	struct seen *s = arg;
	size_t i;

	(void)err;
	if (m->problem != NULL)
		s->problem = true;
	if (s->messages < 8)
		snprintf(s->from[s->messages], sizeof s->from[0], "%s",
		    m->from);
	s->messages++;
	for (i = 0; i < m->nparts && s->parts < 8; i++, s->parts++) {
		snprintf(s->part_from[s->parts], sizeof s->part_from[0], "%s",
		    m->parts[i].from);
		snprintf(s->data[s->parts], sizeof s->data[0], "%s",
		    m->parts[i].problem != NULL ? m->parts[i].problem :
		    m->parts[i].data);
	}
	return 0;
}

/* Run ics_mime_read on text through a temporary file (or a pipe). */
static void
read_text(const char *text, bool mbox, bool pipe_it, struct seen *s)
{
	struct err err;
	FILE *fp;
	int fds[2];

	memset(s, 0, sizeof *s);
	err_clear(&err);
	if (pipe_it) {
		assert_int_equal(pipe(fds), 0);
		assert_int_equal(write(fds[1], text, strlen(text)),
		    (ssize_t)strlen(text));
		close(fds[1]);
		assert_int_equal(ics_mime_read(fds[0], mbox, collect, s,
		    &err), 0);
		close(fds[0]);
		return;
	}
	fp = tmpfile();
	assert_non_null(fp);
	fputs(text, fp);
	fflush(fp);
	rewind(fp);
	assert_int_equal(ics_mime_read(fileno(fp), mbox, collect, s, &err), 0);
	fclose(fp);
}

static void
test_base64_and_others_left_out(void **state)
{
	struct seen s;

	(void)state;
	read_text("From: Ana <Ana@Example.NET>\nSubject: x\nMIME-Version: 1.0\n"
	    "Content-Type: multipart/alternative; boundary=b\n\n"
	    "--b\nContent-Type: text/plain\n\nhello\n"
	    "--b\nContent-Type: text/calendar; method=REPLY\n"
	    "Content-Transfer-Encoding: base64\n\n"
	    "QkVHSU46VkNBTEVOREFSDQpFTkQ6VkNBTEVOREFSDQo=\n--b--\n",
	    false, false, &s);
	assert_int_equal(s.messages, 1);
	assert_false(s.problem);
	assert_string_equal(s.from[0], "Ana@Example.NET");
	assert_int_equal(s.parts, 1);
	assert_string_equal(s.data[0], "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
}

static void
test_charset_and_qp(void **state)
{
	struct seen s;

	(void)state;
	/* windows-1252 e-acute, quoted-printable, in an application/ics. */
	read_text("From: jose@example.net\nMIME-Version: 1.0\n"
	    "Content-Type: application/ics; charset=windows-1252\n"
	    "Content-Transfer-Encoding: quoted-printable\n\n"
	    "CN=3DJos=E9\n", false, false, &s);
	assert_int_equal(s.parts, 1);
	assert_string_equal(s.data[0], "CN=Jos\xc3\xa9\n");
}

static void
test_forwarded_keeps_its_sender(void **state)
{
	struct seen s;

	(void)state;
	read_text("From: two@example.org\nMIME-Version: 1.0\n"
	    "Content-Type: multipart/mixed; boundary=f\n\n"
	    "--f\nContent-Type: text/plain\n\nsee below\n"
	    "--f\nContent-Type: message/rfc822\n\n"
	    "From: kees@example.net\nContent-Type: text/calendar\n\nX\n"
	    "--f--\n", false, false, &s);
	assert_int_equal(s.parts, 1);
	assert_string_equal(s.from[0], "two@example.org");
	assert_string_equal(s.part_from[0], "kees@example.net");
}

static void
test_unknown_charset_and_ics_name(void **state)
{
	struct seen s;

	(void)state;
	read_text("From: a@example.net\nMIME-Version: 1.0\n"
	    "Content-Type: multipart/mixed; boundary=m\n\n"
	    "--m\nContent-Type: text/calendar; charset=x-no-such-set\n\nX\n"
	    "--m\nContent-Type: application/octet-stream; name=invite.ics\n\n"
	    "Y\n--m\nContent-Type: application/octet-stream; name=a.pdf\n\n"
	    "Z\n--m--\n", false, false, &s);
	assert_int_equal(s.parts, 2);
	assert_non_null(strstr(s.data[0], "x-no-such-set"));
	assert_string_equal(s.data[1], "Y");	/* its CRLF is the boundary's */
}

static void
test_mbox_and_pipe(void **state)
{
	struct seen s;
	const char *mbox = "From a@example.net Tue Dec  1 11:00:00 2026\n"
	    "From: a@example.net\nContent-Type: text/calendar\n\nA\n\n"
	    "From b@example.net Tue Dec  1 11:00:00 2026\n"
	    "From: b@example.net\n\nno calendar\n";

	(void)state;
	read_text(mbox, true, false, &s);
	assert_int_equal(s.messages, 2);
	assert_string_equal(s.from[1], "b@example.net");
	assert_int_equal(s.parts, 1);
	read_text("From: p@example.net\nContent-Type: text/calendar\n\nP\n",
	    false, true, &s);
	assert_int_equal(s.messages, 1);
	assert_string_equal(s.from[0], "p@example.net");
	assert_string_equal(s.data[0], "P\n");
}

static void
test_not_a_message(void **state)
{
	struct seen s;

	(void)state;
	read_text("", false, false, &s);
	assert_int_equal(s.messages, 1);
	assert_true(s.problem);
	assert_int_equal(s.parts, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_base64_and_others_left_out),
		cmocka_unit_test(test_charset_and_qp),
		cmocka_unit_test(test_forwarded_keeps_its_sender),
		cmocka_unit_test(test_unknown_charset_and_ics_name),
		cmocka_unit_test(test_mbox_and_pipe),
		cmocka_unit_test(test_not_a_message),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
