/* SPDX-License-Identifier: ISC */
/*
 * char *ics_mail_new(const struct ics_mail *mail, struct err *err);
 * bool ics_mail_address_ok(const char *s);
 * The iMIP mail has exactly the headers rooster writes, whatever the
 * names and subject hold; the calendar part's method equals METHOD;
 * addresses that could smuggle a header are refused.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "rooster/ics.h"

#define HOSTILE "Ana\r\nBcc: victim@example.com\r\n\r\nbody \xc3\xa9 " \
	"=?UTF-8?B?x?= \"q\" <a@b>, \xd8\xb3\xd9\x84\xd8\xa7\xd9\x85 " \
	"a long tail to make several encoded words appear in one header"

static char *
mail(const char *name, const char *subject, const char *to)
{
	struct ics_mail m;
	struct err err;
	char *text;

	memset(&m, 0, sizeof m);
	m.from.name = name;
	m.from.email = "org@example.org";
	m.to.name = name;
	m.to.email = to;
	m.subject = subject;
	m.text = "Hallo\nHello";
	m.calendar = "BEGIN:VCALENDAR\r\nMETHOD:CANCEL\r\nEND:VCALENDAR\r\n";
	m.method = ICS_METHOD_CANCEL;
	m.date = INT64_C(1806000000);
	m.domain = "example.org";
	text = ics_mail_new(&m, &err);
	if (text == NULL && to != NULL && strcmp(to, "a@example.net") == 0)
		fail_msg("%s", err.msg);
	return text;
}

/* The header block: up to the first empty line. */
static size_t
header_len(const char *text)
{
	const char *e = strstr(text, "\r\n\r\n");

	assert_non_null(e);
	return (size_t)(e - text) + 2;
}

static void
test_mail_headers_hostile(void **state)
{
	static const char *const want[] = { "From: ", "To: ", "Subject: ",
	    "Date: ", "Message-ID: ", "MIME-Version: ", "Content-Type: " };
	char *text = mail(HOSTILE, HOSTILE, "a@example.net");
	size_t len = header_len(text), i, n = 0;
	const char *p;

	(void)state;
	/* Every header line is ours or a folded continuation. */
	for (p = text; p < text + len; p = strstr(p, "\r\n") + 2) {
		if (*p == ' ')
			continue;
		assert_true(n < sizeof want / sizeof want[0]);
		if (strncmp(p, want[n], strlen(want[n])) != 0)
			fail_msg("header %zu is '%.40s'", n, p);
		n++;
	}
	assert_int_equal(n, sizeof want / sizeof want[0]);
	assert_null(strstr(text, "Bcc"));
	/* No bare CR or LF anywhere, no line over 998 octets. */
	for (i = 0, p = text; text[i] != '\0'; i++) {
		if (text[i] == '\r')
			assert_int_equal(text[i + 1], '\n');
		if (text[i] == '\n') {
			assert_int_equal(text[i - 1], '\r');
			assert_true(text + i - p < 998);
			p = text + i + 1;
		}
	}
	assert_non_null(strstr(text, "Date: Thu, 25 Mar 2027 18:40:00 +0000\r\n"));
	assert_non_null(strstr(text, "Content-Type: text/calendar; "
	    "charset=UTF-8; method=CANCEL\r\n"));
	assert_non_null(strstr(text, "Content-Type: application/ics; "
	    "name=\"invite.ics\"\r\n"));
	free(text);
}

static void
test_mail_plain_names(void **state)
{
	char *text = mail("Ana de Vries", "Invitation", "a@example.net");

	(void)state;
	assert_non_null(strstr(text, "From: Ana de Vries <org@example.org>\r\n"));
	assert_non_null(strstr(text, "Subject: Invitation\r\n"));
	free(text);
	text = mail("J\xc3\xbcrgen", "x", "a@example.net");
	assert_non_null(strstr(text, "To: =?UTF-8?B?SsO8cmdlbg==?= "
	    "<a@example.net>\r\n"));
	free(text);
}

static void
test_mail_addresses(void **state)
{
	static const char *const bad[] = { "", "plain", "a@b@c", "@x",
	    "a@", "a b@x", "a@x\r\nBcc: v@y", "a@x>", "<a@x", "a,b@x",
	    "\"a\"@x", "a@x;b" };
	size_t i;

	(void)state;
	assert_true(ics_mail_address_ok("jeroen.muller+rooster@example.net"));
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		if (ics_mail_address_ok(bad[i]))
			fail_msg("'%s' accepted", bad[i]);
		assert_null(mail("x", "y", bad[i]));
	}
	assert_false(ics_mail_address_ok(NULL));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mail_headers_hostile),
		cmocka_unit_test(test_mail_plain_names),
		cmocka_unit_test(test_mail_addresses),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
