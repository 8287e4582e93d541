/* SPDX-License-Identifier: ISC */
/*
 * cli_args.c's options taken from the field tables:
 * size_t cli_args_expand(const struct cli_command *c, struct cli_arg *out);
 * const char *cli_args_usage(const struct cli_command *c);
 * int cli_args_check(struct cli_ctx *ctx, int argc, char **argv);
 * Every field with an option is taken by its entity's add and edit (the
 * ones they name otherwise aside), with its usage words, and the usage
 * lines stay what they have always been: a field added to a table gets
 * its options with no other change, which these tests pin.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../../src/cli/cli_int.h"

/* The row of c's expanded arguments named name, or NULL. */
static const struct cli_arg *
find(const struct cli_arg *args, const char *name)
{
	for (; args->name != NULL; args++)
		if (strcmp(args->name, name) == 0)
			return args;
	return NULL;
}

/*
 * Each field of fields with an option is an option of `noun verb`, with
 * the field's usage words in its usage line, unless skip lists it.
 */
static void
check_fields(const char *noun, const char *verb,
    const struct model_field *fields, const char *const *skip)
{
	const struct cli_command *c = cli_command_find(noun, verb);
	struct cli_arg args[CLI_ARGS_MAX + 1];
	const struct model_field *f;
	const struct cli_arg *a;
	const char *const *s;
	bool skipped;

	assert_non_null(c);
	assert_ptr_equal(cli_args_fields(noun), fields);
	cli_args_expand(c, args);
	for (f = fields; f->key != NULL; f++) {
		if (f->option == NULL)
			continue;
		for (skipped = false, s = skip; *s != NULL; s++)
			skipped |= strcmp(*s, f->option) == 0;
		a = find(args, f->option);
		if (skipped)
			continue;
		if (a == NULL)
			fail_msg("%s %s does not take %s", noun, verb,
			    f->option);
		/* Its own words, unless the command says it otherwise. */
		assert_non_null(f->usage);
		assert_non_null(strstr(cli_args_usage(c), a->usage == f->usage ?
		    f->usage : f->option));
		assert_int_equal(a->kind, CLI_ARG_TEXT);
	}
}

static void
test_volunteer_options(void **state)
{
	static const char *const add_skip[] = { "--name", "--active", NULL };
	static const char *const none[] = { NULL };

	(void)state;
	check_fields("volunteer", "add", volunteer_fields, add_skip);
	check_fields("volunteer", "edit", volunteer_fields, none);
}

static void
test_event_shift_options(void **state)
{
	static const char *const event_skip[] = { "--title", NULL };
	static const char *const shift_skip[] = { "--role", NULL };
	static const char *const none[] = { NULL };

	(void)state;
	check_fields("event", "add", event_fields, event_skip);
	check_fields("event", "edit", event_fields, none);
	check_fields("shift", "add", shift_fields, shift_skip);
	check_fields("shift", "edit", shift_fields, none);
}

/* assign takes the options of assignment_fields (--note). */
static void
test_assign_options(void **state)
{
	static const char *const none[] = { NULL };

	(void)state;
	check_fields("assign", NULL, assignment_fields, none);
}

/*
 * The usage line of `noun verb` holds the words of was in their order,
 * nothing between them but the usage words of other fields' options: a
 * field added to a table adds its words and changes no other.
 */
static void
check_usage(const char *noun, const char *verb, const char *was)
{
	const struct cli_command *c = cli_command_find(noun, verb);
	const struct model_field *f;
	const char *line, *p;
	size_t n;

	assert_non_null(c);
	line = cli_args_usage(c);
	for (p = line; *p != '\0' || *was != '\0';) {
		n = strcspn(was, " ");
		if (*was != '\0' && strncmp(p, was, n) == 0 &&
		    (p[n] == ' ' || p[n] == '\0')) {
			p += n;
			was += n;
		} else {
			for (f = cli_args_fields(noun); f->key != NULL; f++)
				if (f->usage != NULL && strncmp(p, f->usage,
				    strlen(f->usage)) == 0 &&
				    strstr(was, f->usage) == NULL)
					break;
			if (f->key == NULL)
				fail_msg("%s %s: '%s' is not '%s'", noun, verb,
				    p, was);
			p += strlen(f->usage);
		}
		p += *p == ' ';
		was += *was == ' ';
	}
}

/* The usage lines, word for word as before the options were derived. */
static void
test_usage(void **state)
{
	(void)state;
	check_usage("volunteer", "add", "NAME [--email E] [--phone P] "
	    "[--skills a,b] [--languages nl,ar] [--max-per-month N] "
	    "[--notes TEXT]");
	check_usage("volunteer", "edit", "VOLUNTEER [--name N] [--email E] "
	    "[--phone P] [--skills a,b] [--languages nl,ar] "
	    "[--max-per-month N] [--notes TEXT] [--active yes|no]");
	check_usage("event", "add", "TITLE --start WHEN --end WHEN | --date "
	    "DAY [--to DAY] [--location L] [--description D] "
	    "[--repeat RRULE] [--languages L]");
	check_usage("event", "edit", "ID [--title T] [--start WHEN] "
	    "[--end WHEN] [--date DAY] [--to DAY] [--location L] "
	    "[--description D] [--repeat RRULE] [--languages L] [--series]");
	check_usage("shift", "add", "EVENT_ID ROLE [--start WHEN] "
	    "[--end WHEN] [--needed N] [--language L] [--force]");
	check_usage("shift", "edit", "ID [--role R] [--start WHEN] "
	    "[--end WHEN] [--needed N] [--language L] [--force]");
	check_usage("assign", NULL, "SHIFT_ID VOLUNTEER|--team TEAM_ID "
	    "[--force] [--note TEXT]");
}

/* The parser takes every field's option, and the value reaches it. */
static void
test_volunteer_add_parses(void **state)
{
	struct cli_ctx ctx;
	const struct model_field *f;
	char *argv[3];

	(void)state;
	for (f = volunteer_fields; f->key != NULL; f++) {
		if (f->option == NULL || strcmp(f->key, "name") == 0 ||
		    strcmp(f->key, "active") == 0)
			continue;
		memset(&ctx, 0, sizeof ctx);
		ctx.command = cli_command_find("volunteer", "add");
		argv[0] = (char *)"Ana";
		argv[1] = (char *)f->option;
		argv[2] = (char *)"1";
		assert_int_equal(cli_args_check(&ctx, 3, argv), 0);
		assert_string_equal(cli_arg(&ctx, "name"), "Ana");
		assert_string_equal(cli_arg(&ctx, f->option), "1");
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_volunteer_options),
		cmocka_unit_test(test_event_shift_options),
		cmocka_unit_test(test_assign_options),
		cmocka_unit_test(test_usage),
		cmocka_unit_test(test_volunteer_add_parses),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
