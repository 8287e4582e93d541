/* SPDX-License-Identifier: ISC */
/*
 * Unit tests for src/util/text.c: display widths of names in many scripts,
 * escaping of anything that could act on a terminal, and cutting text to a
 * column count without splitting a character.
 */
#include "harness.h"

#include <locale.h>
#include <stdlib.h>

/* Sanitize s, compare with want, and check the width agrees. */
static void
check_sanitize(const char *s, const char *want)
{
	char *got = text_sanitize(s);

	assert_string_equal(got, want);
	/* What is shown measures what text_width promised. */
	assert_int_equal(text_width(got), text_width(s));
	assert_true(text_is_utf8(got));
	free(got);
}

/* text_fit into a fresh buffer, compared with want. */
static void
check_fit(const char *s, size_t cols, bool pad, const char *want)
{
	struct strbuf sb;

	strbuf_init(&sb);
	text_fit(&sb, s, cols, pad);
	assert_string_equal(strbuf_str(&sb), want);
	if (pad)
		assert_int_equal(text_width(strbuf_str(&sb)), cols);
	else
		assert_true(text_width(strbuf_str(&sb)) <= cols);
	strbuf_fini(&sb);
}

/* size_t text_width(const char *s) */
static void
test_width_ascii(void **state)
{
	(void)state;
	assert_int_equal(text_width(NULL), 0);
	assert_int_equal(text_width(""), 0);
	assert_int_equal(text_width("Ana"), 3);
	assert_int_equal(text_width("begeleider, tolk"), 16);
}

/* size_t text_width(const char *s) */
static void
test_width_scripts(void **state)
{
	(void)state;
	/* Ë, ĳ one column each; the two CJK characters two each. */
	assert_int_equal(text_width("\xc3\x8blla van D\xc4\xb3k "
	    "\xe5\xb1\xb1\xe7\x94\xb0"), 17);
	assert_int_equal(text_width("\xe5\xb1\xb1\xe7\x94\xb0"), 4);
	/* Arabic: مرحبا, five letters, one column each. */
	assert_int_equal(text_width("\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7"),
	    5);
	/* Tigrinya in Ge'ez: ሰላም, three syllables. */
	assert_int_equal(text_width("\xe1\x88\xb0\xe1\x88\x8b\xe1\x88\x9d"), 3);
	/* Hangul and full-width Latin are wide too. */
	assert_int_equal(text_width("\xed\x95\x9c"), 2);
	assert_int_equal(text_width("\xef\xbc\xa1"), 2);
}

/* size_t text_width(const char *s) */
static void
test_width_combining(void **state)
{
	(void)state;
	/* e + U+0301 COMBINING ACUTE ACCENT is one column. */
	assert_int_equal(text_width("e\xcc\x81"), 1);
	assert_int_equal(text_width("Rene\xcc\x81"), 4);
	/* Two marks on one base. */
	assert_int_equal(text_width("a\xcc\x81\xcc\xa3"), 1);
	/* Precomposed é is one column as well. */
	assert_int_equal(text_width("\xc3\xa9"), 1);
}

/* size_t text_width(const char *s) */
static void
test_width_controls_invalid(void **state)
{
	(void)state;
	/* Control characters and invalid bytes count as their escapes. */
	assert_int_equal(text_width("\x1b"), 2);		/* \e */
	assert_int_equal(text_width("a\nb"), 4);		/* a\nb */
	assert_int_equal(text_width("\x07"), 4);		/* \x07 */
	assert_int_equal(text_width("\xff"), 4);		/* \xff */
	assert_int_equal(text_width("\xc2\x9b"), 4);		/* \x9b (C1) */
	assert_int_equal(text_width("\xe5\xb1"), 8);		/* cut CJK */
}

/* bool text_is_utf8(const char *s) */
static void
test_is_utf8(void **state)
{
	(void)state;
	assert_true(text_is_utf8(NULL));
	assert_true(text_is_utf8(""));
	assert_true(text_is_utf8("D\xc4\xb3k \xe5\xb1\xb1 \xf0\x9f\x98\x80"));
	assert_false(text_is_utf8("\xff"));
	assert_false(text_is_utf8("\xc3"));			/* truncated */
	assert_false(text_is_utf8("\xe5\xb1"));			/* truncated */
	assert_false(text_is_utf8("\xc0\xaf"));			/* overlong / */
	assert_false(text_is_utf8("\xe0\x80\xaf"));		/* overlong / */
	assert_false(text_is_utf8("\xf0\x80\x80\xaf"));		/* overlong / */
	assert_false(text_is_utf8("\xed\xa0\x80"));		/* surrogate */
	assert_false(text_is_utf8("\xf4\x90\x80\x80"));		/* > U+10FFFF */
	assert_false(text_is_utf8("\x80"));			/* lone tail */
	assert_false(text_is_utf8("abc\xfe"));
}

/* char *text_sanitize(const char *s) */
static void
test_sanitize(void **state)
{
	char *s;

	(void)state;
	s = text_sanitize(NULL);
	assert_string_equal(s, "");
	free(s);
	check_sanitize("", "");
	check_sanitize("Ana de Vries", "Ana de Vries");
	/* A title that would retitle the terminal window. */
	check_sanitize("\x1b]0;pwned\x07", "\\e]0;pwned\\x07");
	/* A colour escape. */
	check_sanitize("\x1b[31mred", "\\e[31mred");
	check_sanitize("a\r\nb", "a\\r\\nb");
	check_sanitize("a\tb", "a\\tb");
	check_sanitize("del\x7f", "del\\x7f");
	/* C1 controls, encoded as UTF-8 (U+009B is CSI). */
	check_sanitize("x\xc2\x9b" "31m", "x\\x9b31m");
	check_sanitize("\xc2\x85", "\\x85");
	/* Invalid bytes, one escape each. */
	check_sanitize("a\xff" "b", "a\\xffb");
	check_sanitize("\xc0\xaf", "\\xc0\\xaf");
	check_sanitize("\xe5\xb1", "\\xe5\\xb1");
	/* Text in any script passes unchanged. */
	check_sanitize("\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7",
	    "\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7");
	check_sanitize("\xe1\x88\xb0\xe1\x88\x8b\xe1\x88\x9d",
	    "\xe1\x88\xb0\xe1\x88\x8b\xe1\x88\x9d");
	check_sanitize("Rene\xcc\x81", "Rene\xcc\x81");
	/* No raw control byte survives. */
	s = text_sanitize("\x01\x02\x1b\x7f\x9b");
	assert_null(strpbrk(s, "\x01\x02\x1b\x7f\x9b"));
	free(s);
}

/* void text_fit(struct strbuf *sb, const char *s, size_t cols, bool pad) */
static void
test_fit_ascii(void **state)
{
	(void)state;
	check_fit("hello", 10, true, "hello     ");
	check_fit("hello", 10, false, "hello");
	check_fit("hello", 5, true, "hello");
	check_fit("hello world", 5, false, "hell\xe2\x80\xa6");
	check_fit("hello world", 5, true, "hell\xe2\x80\xa6");
	check_fit("hello", 1, true, "\xe2\x80\xa6");
	check_fit("hello", 0, true, "");
	check_fit("", 0, true, "");
	check_fit(NULL, 3, true, "   ");
	check_fit(NULL, 3, false, "");
}

/*
 * void text_fit(struct strbuf *sb, const char *s, size_t cols, bool pad)
 * Printable ASCII is copied whole; a run that ends in anything else
 * (a letter of two bytes, a control, DEL) is measured like any text.
 */
static void
test_fit_ascii_run_ends(void **state)
{
	(void)state;
	check_fit("abc\xc3\xa9", 4, true, "abc\xc3\xa9");
	check_fit("abc\xc3\xa9", 6, true, "abc\xc3\xa9  ");
	check_fit("abc\xc3\xa9" "d", 4, false, "abc\xe2\x80\xa6");
	check_fit("abc\x7f", 4, true, "abc\xe2\x80\xa6");
	check_fit("abc\x7f", 7, false, "abc\\x7f");
	check_fit("abc\t", 9, true, "abc\\t    ");
	check_fit("ab ~", 4, true, "ab ~");
	check_fit("ab ~", 3, true, "ab\xe2\x80\xa6");
	/* A mark that combines with the last letter kept goes with it. */
	check_fit("Rene\xcc\x81xyz", 5, true, "Rene\xcc\x81\xe2\x80\xa6");
	check_fit("Ren\xc3\xa9xyz", 5, true, "Ren\xc3\xa9\xe2\x80\xa6");
	check_fit("Ren\xc3\xa9xyz", 4, false, "Ren\xe2\x80\xa6");
}

/* void text_fit(struct strbuf *sb, const char *s, size_t cols, bool pad) */
static void
test_fit_wide(void **state)
{
	(void)state;
	/* 山田太郎 is 8 columns. */
	check_fit("\xe5\xb1\xb1\xe7\x94\xb0\xe5\xa4\xaa\xe9\x83\x8e", 8, true,
	    "\xe5\xb1\xb1\xe7\x94\xb0\xe5\xa4\xaa\xe9\x83\x8e");
	check_fit("\xe5\xb1\xb1\xe7\x94\xb0\xe5\xa4\xaa\xe9\x83\x8e", 5, true,
	    "\xe5\xb1\xb1\xe7\x94\xb0\xe2\x80\xa6");
	/* Never half a wide character: pad instead. */
	check_fit("\xe5\xb1\xb1\xe7\x94\xb0\xe5\xa4\xaa\xe9\x83\x8e", 4, true,
	    "\xe5\xb1\xb1\xe2\x80\xa6 ");
	check_fit("\xe5\xb1\xb1\xe7\x94\xb0\xe5\xa4\xaa\xe9\x83\x8e", 4, false,
	    "\xe5\xb1\xb1\xe2\x80\xa6");
	check_fit("\xe5\xb1\xb1\xe7\x94\xb0\xe5\xa4\xaa\xe9\x83\x8e", 2, true,
	    "\xe2\x80\xa6 ");
	check_fit("\xe5\xb1\xb1\xe7\x94\xb0", 3, true,
	    "\xe5\xb1\xb1\xe2\x80\xa6");
	/* Mixed: Ëlla van Dĳk 山田 (17 columns) into 16. */
	check_fit("\xc3\x8blla van D\xc4\xb3k \xe5\xb1\xb1\xe7\x94\xb0", 16,
	    true, "\xc3\x8blla van D\xc4\xb3k \xe5\xb1\xb1\xe2\x80\xa6");
	check_fit("\xc3\x8blla van D\xc4\xb3k \xe5\xb1\xb1\xe7\x94\xb0", 15,
	    true, "\xc3\x8blla van D\xc4\xb3k \xe2\x80\xa6 ");
}

/* void text_fit(struct strbuf *sb, const char *s, size_t cols, bool pad) */
static void
test_fit_combining_controls(void **state)
{
	(void)state;
	/* A combining mark stays with its base. */
	check_fit("e\xcc\x81" "e\xcc\x81" "e\xcc\x81", 2, true,
	    "e\xcc\x81\xe2\x80\xa6");
	check_fit("Rene\xcc\x81", 4, true, "Rene\xcc\x81");
	check_fit("Rene\xcc\x81", 6, true, "Rene\xcc\x81  ");
	/* Control characters are escaped, and an escape is never split. */
	check_fit("a\x1b" "b", 10, false, "a\\eb");
	check_fit("ab\x07" "cdef", 5, true, "ab\xe2\x80\xa6  ");
	check_fit("ab\x07" "cdef", 7, true, "ab\\x07\xe2\x80\xa6");
	check_fit("\x1b]0;pwned\x07", 20, false, "\\e]0;pwned\\x07");
}

/* void text_fit(struct strbuf *sb, const char *s, size_t cols, bool pad) */
static void
test_fit_appends(void **state)
{
	struct strbuf sb;

	(void)state;
	strbuf_init(&sb);
	strbuf_adds(&sb, "[");
	text_fit(&sb, "Ana", 5, true);
	strbuf_adds(&sb, "|");
	text_fit(&sb, "Bob de Vries", 6, true);
	strbuf_adds(&sb, "]");
	assert_string_equal(strbuf_str(&sb), "[Ana  |Bob d\xe2\x80\xa6]");
	strbuf_fini(&sb);
}

/* int text_casecmp(const char *a, const char *b) */
static void
test_casecmp(void **state)
{
	(void)state;
	assert_int_equal(text_casecmp(NULL, NULL), 0);
	assert_int_equal(text_casecmp(NULL, ""), 0);
	assert_true(text_casecmp(NULL, "a") < 0);
	assert_true(text_casecmp("a", NULL) > 0);
	assert_int_equal(text_casecmp("Algemeen", "algemeen"), 0);
	assert_int_equal(text_casecmp("TOLK", "tolk"), 0);
	assert_true(text_casecmp("ana", "Bob") < 0);
	assert_true(text_casecmp("bob", "Ana") > 0);
	assert_true(text_casecmp("tol", "tolk") < 0);
	assert_true(text_casecmp("tolk", "tol") > 0);
}

/* bool text_list_has(const char *list, const char *item) */
static void
test_list_has(void **state)
{
	(void)state;
	assert_false(text_list_has(NULL, "tolk"));
	assert_false(text_list_has("tolk", NULL));
	assert_false(text_list_has("", "tolk"));
	assert_false(text_list_has("tolk", ""));
	assert_false(text_list_has(",,", ""));
	assert_true(text_list_has("tolk", "tolk"));
	assert_true(text_list_has("ehbo,tolk", "tolk"));
	assert_true(text_list_has("ehbo, tolk ", "tolk"));
	assert_true(text_list_has(" EHBO ,tolk", "ehbo"));
	assert_true(text_list_has("nl,ar,ti", "AR"));
	assert_false(text_list_has("ehbo,tolk", "tol"));
	assert_false(text_list_has("ehbo,tolken", "tolk"));
	assert_false(text_list_has("nl,ar", "n"));
	assert_false(text_list_has("begeleider", "begeleider,tolk"));
}

/* char *text_list_normalize(const char *list) */
static void
test_list_normalize(void **state)
{
	static const struct {
		const char	*in;
		const char	*want;
	} cases[] = {
		{ NULL, "" },
		{ "", "" },
		{ " , ,, ", "" },
		{ "tolk", "tolk" },
		{ " ehbo , tolk ", "ehbo,tolk" },
		{ ",a,,b,", "a,b" },
		{ "first aid, tolk", "first aid,tolk" },
		{ "nl,ar,ti", "nl,ar,ti" },
	};
	size_t i;
	char *s;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		s = text_list_normalize(cases[i].in);
		assert_string_equal(s, cases[i].want);
		free(s);
	}
}

/* char *text_fold(const char *s) */
static void
test_fold(void **state)
{
	static const char *const cases[][2] = {
		{ NULL, "" },
		{ "", "" },
		{ "\xc3\x8b" "lla van D\xc4\xb3" "k", "ella van dijk" },	/* Ëlla van Dĳk */
		{ "Zo\xc3\xab" " \xc3\x87" "elik", "zoe celik" },	/* Zoë Çelik */
		{ "\xc5\x81\xc3\xb3" "d\xc5\xba", "lodz" },		/* Łódź */
		{ "Stra\xc3\x9f" "e", "strasse" },			/* Straße */
		{ "\xe6\x9d\x8e 3\xc3\x97" "4", "\xe6\x9d\x8e 3\xc3\x97" "4" },	/* 李 3×4 */
		{ "a\xff" "b", "ab" },
	};
	char *f;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		f = text_fold(cases[i][0]);
		assert_string_equal(f, cases[i][1]);
		free(f);
	}
}

/* char *text_lower(const char *s): case goes, accents stay */
static void
test_lower(void **state)
{
	static const char *const cases[][2] = {
		{ NULL, "" },
		{ "\xc3\x8b" "LLA van D\xc4\xb2" "K", "\xc3\xab" "lla van d\xc4\xb3" "k" },	/* ËLLA van DĲK */
		{ "\xc5\x81\xc3\x93" "D\xc5\xb9", "\xc5\x82\xc3\xb3" "d\xc5\xba" },	/* ŁÓDŹ */
		{ "\xc4\xb0" "stanbul \xc5\xb8", "istanbul \xc3\xbf" },	/* İstanbul Ÿ */
		{ "\xc3\x97\xc3\x9f" "\xe6\x9d\x8e", "\xc3\x97\xc3\x9f" "\xe6\x9d\x8e" },	/* ×ß李 */
		{ "A\xff" "B", "ab" },
	};
	char *l, *a, *b;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		l = text_lower(cases[i][0]);
		assert_string_equal(l, cases[i][1]);
		/* Folding either gives the same. */
		a = text_fold(cases[i][0]);
		b = text_fold(l);
		assert_string_equal(a, b);
		free(a);
		free(b);
		free(l);
	}
}

/* int text_fold_cmp(const char *a, const char *b): strcmp of the folds */
static void
test_fold_cmp(void **state)
{
	static const char *const names[] = {
		NULL, "", "Ella", "\xc3\x8b" "lla", "ella ", "Ellen", "Emma",
		"\xc3\x86" "sop", "Aesop", "Stra\xc3\x9f" "e", "Strasse", "strat",
		"Zo\xc3\xab", "zoe", "\xe6\x9d\x8e", "a\xff" "b", "ab", "Z",
	};
	size_t n = sizeof names / sizeof names[0], i, j;
	char *a, *b;
	int want, got;

	(void)state;
	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++) {
			a = text_fold(names[i]);
			b = text_fold(names[j]);
			want = strcmp(a, b);
			got = text_fold_cmp(names[i], names[j]);
			if ((want < 0) != (got < 0) || (want > 0) != (got > 0))
				fail_msg("text_fold_cmp(%s, %s) = %d, strcmp of "
				    "folds %d", names[i] ? names[i] : "NULL",
				    names[j] ? names[j] : "NULL", got, want);
			free(a);
			free(b);
		}
	/* Ë sorts with E: after "Ella" (a prefix), before "Ellen". */
	assert_true(text_fold_cmp("\xc3\x8b" "lla", "Ellen") < 0);
	assert_true(text_fold_cmp("\xc3\x8b" "lla", "Ella") == 0);
}

/* char **text_wrap(const char *s, size_t cols, size_t *count) */
static void
test_wrap(void **state)
{
	char **l;
	size_t n, i;

	(void)state;
	l = text_wrap("een antwoord vastleggen: geaccepteerd", 16, &n);
	assert_int_equal(n, 3);
	assert_string_equal(l[0], "een antwoord");
	assert_string_equal(l[1], "vastleggen:");
	assert_string_equal(l[2], "geaccepteerd");
	for (i = 0; i < n; i++)
		free(l[i]);
	free(l);
	/* Columns, not bytes: "één één" is 7 columns in 11 bytes. */
	l = text_wrap("\xc3\xa9\xc3\xa9n \xc3\xa9\xc3\xa9n x", 7, &n);
	assert_int_equal(n, 2);
	assert_string_equal(l[0], "\xc3\xa9\xc3\xa9n \xc3\xa9\xc3\xa9n");
	assert_string_equal(l[1], "x");
	for (i = 0; i < n; i++)
		free(l[i]);
	free(l);
	/* A word wider than the line stands alone; nothing is one "". */
	l = text_wrap("a verylongword b", 4, &n);
	assert_int_equal(n, 3);
	assert_string_equal(l[1], "verylongword");
	for (i = 0; i < n; i++)
		free(l[i]);
	free(l);
	l = text_wrap("   ", 10, &n);
	assert_int_equal(n, 1);
	assert_string_equal(l[0], "");
	free(l[0]);
	free(l);
}

/* bool text_is_yes(int ch), untranslated: y and Y only. */
static void
test_is_yes(void **state)
{
	(void)state;
	assert_true(text_is_yes('y'));
	assert_true(text_is_yes('Y'));
	assert_false(text_is_yes('n'));
	assert_false(text_is_yes('j'));
	assert_false(text_is_yes(0));
	assert_false(text_is_yes(0x1234));
}

/*
 * Bidi controls (issue 13): shown as escapes, so a name cannot reorder the
 * rest of a row, and a cut one leaves no open embedding behind.
 */
static void
test_sanitize_bidi(void **state)
{
	struct strbuf sb;

	(void)state;
	/* U+202E RIGHT-TO-LEFT OVERRIDE, U+2066 LRI, U+2069 PDI, U+200F RLM */
	check_sanitize("a\xe2\x80\xae" "bc", "a\\u202ebc");
	check_sanitize("\xe2\x81\xa6x\xe2\x81\xa9", "\\u2066x\\u2069");
	check_sanitize("\xe2\x80\x8fy", "\\u200fy");
	check_sanitize("\xe2\x80\xaa\xe2\x80\xab\xe2\x80\xac\xe2\x80\xad",
	    "\\u202a\\u202b\\u202c\\u202d");
	/* Arabic and Hebrew letters themselves stay as they are. */
	check_sanitize("\xd8\xb3\xd9\x84\xd8\xa7\xd9\x85 \xd7\xa9",
	    "\xd8\xb3\xd9\x84\xd8\xa7\xd9\x85 \xd7\xa9");
	assert_int_equal(text_width("a\xe2\x80\xae"), 7);
	/* Cut inside the escape: no raw override left. */
	strbuf_init(&sb);
	text_fit(&sb, "\xe2\x80\xae" "abc", 4, false);
	assert_null(strstr(strbuf_str(&sb), "\xe2\x80\xae"));
	strbuf_fini(&sb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sanitize_bidi),
		cmocka_unit_test(test_width_ascii),
		cmocka_unit_test(test_width_scripts),
		cmocka_unit_test(test_width_combining),
		cmocka_unit_test(test_width_controls_invalid),
		cmocka_unit_test(test_is_utf8),
		cmocka_unit_test(test_sanitize),
		cmocka_unit_test(test_fit_ascii),
		cmocka_unit_test(test_fit_ascii_run_ends),
		cmocka_unit_test(test_fit_wide),
		cmocka_unit_test(test_fit_combining_controls),
		cmocka_unit_test(test_fit_appends),
		cmocka_unit_test(test_casecmp),
		cmocka_unit_test(test_list_has),
		cmocka_unit_test(test_list_normalize),
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_lower),
		cmocka_unit_test(test_fold_cmp),
		cmocka_unit_test(test_wrap),
		cmocka_unit_test(test_is_yes),
	};

	/* wcwidth() knows characters only under a UTF-8 LC_CTYPE. */
	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL)
		return 1;
	return cmocka_run_group_tests_name("util/text", tests, NULL, NULL);
}
