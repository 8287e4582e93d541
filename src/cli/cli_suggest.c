/* SPDX-License-Identifier: ISC */
/* `rooster suggest SHIFT_ID`: volunteers ranked for a shift, with reasons. */
#include "cli_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "rooster/ops.h"

int
cli_suggest_list(struct cli_ctx *ctx)
{
	static const struct cli_column cols[] = {
		/* Narrow, the rank (the order says it) and the id give way
		 * to the name: assign takes names. */
		{ "rank", "#", CLI_INT, CLI_BOTH | CLI_DROP },
		{ "volunteer_id", N_("VOL"), CLI_INT, CLI_BOTH | CLI_DROP },
		{ "volunteer", N_("VOLUNTEER"), CLI_TEXT,
		    CLI_BOTH | CLI_FLEX | CLI_KEEP },
		{ "fits", N_("FITS"), CLI_TEXT, CLI_BOTH },
		{ "conflicts", N_("CONFLICTS"), CLI_INT, CLI_DATA },
		{ "skill", N_("SKILL"), CLI_TEXT, CLI_DATA },
		{ "language", N_("LANGUAGE"), CLI_TEXT, CLI_DATA },
		{ "recent", "30D", CLI_INT, CLI_BOTH },
		{ "reason", N_("WHY"), CLI_TEXT, CLI_BOTH | CLI_FLEX },
	};
	struct plan_suggestion *s;
	struct ops_suggest sg;
	struct cli_table t;
	struct timespec t0, t1, c0, c1;
	struct err err;
	const char *given = cli_arg(ctx, "--limit");
	int64_t id = cli_arg_id(ctx, "shift");
	long limit = 20;
	size_t i;

	err_clear(&err);
	if (given != NULL && cli_args_int(ctx, given, _("limit"), 0,
	    10000000, &limit) < 0)
		return CLI_USAGE;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c0);
	if (ops_suggest_top(ctx->st, id, (size_t)limit, &sg, &err) < 0) {
		ops_suggest_fini(&sg);
		return cli_fail(&err);
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1);
	log_debug("suggest: ranked %zu volunteers in %.1f ms (cpu %.1f ms)",
	    sg.ranked.len, (double)(t1.tv_sec - t0.tv_sec) * 1e3 +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e6,
	    (double)(c1.tv_sec - c0.tv_sec) * 1e3 +
	    (double)(c1.tv_nsec - c0.tv_nsec) / 1e6);
	cli_table_init(&t, cols, sizeof cols / sizeof cols[0]);
	for (i = 0; i < sg.ranked.len && (limit == 0 || i < (size_t)limit);
	    i++) {
		s = &sg.ranked.items[i];
		cli_table_row(&t);
		cli_table_int(&t, (int64_t)i + 1);
		cli_table_int(&t, s->volunteer->id);
		cli_table_text(&t, s->volunteer->name);
		cli_table_word(&t, s->conflicts == 0 ? "yes" : "no");
		cli_table_int(&t, (int64_t)s->conflicts);
		cli_table_word(&t, s->skill_match ? "yes" : "no");
		cli_table_word(&t, s->language_match ? "yes" : "no");
		cli_table_int(&t, s->recent);
		cli_table_text(&t, ops_suggest_reason(&sg, i));
	}
	cli_table_print(ctx, &t);
	cli_table_fini(&t);
	ops_suggest_fini(&sg);
	return CLI_OK;
}
