/* SPDX-License-Identifier: ISC */
/*
 * Suggestions: who could fill a shift, best first. Each volunteer is
 * weighed with the same rules as assign (plan_conflict_check), so a
 * suggestion never promises what assign would refuse; the ranking then
 * spreads the load: fewest shifts in the 30 days before wins.
 */
#include "rooster/plan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool
plan_suggest_general(const char *role)
{
	return role == NULL || *role == '\0' ||
	    text_casecmp(role, SHIFT_ROLE_GENERAL) == 0 ||
	    text_casecmp(role, "general") == 0;
}

void
plan_suggest_add(struct plan_suggestion_list *out,
    const struct plan_candidate *c, int recent)
{
	struct plan_conflict_list found = { 0 };
	struct plan_suggestion *s;
	const struct volunteer *v = c->volunteer;
	size_t i;

	if (out->len == out->cap) {
		out->cap = out->cap ? out->cap * 2 : 64;
		out->items = xreallocarray(out->items, out->cap,
		    sizeof *out->items);
	}
	s = &out->items[out->len++];
	memset(s, 0, sizeof *s);
	s->volunteer = v;
	s->recent = recent;
	s->conflicts = plan_conflict_check(c, &found);
	s->skill_match = true;
	s->language_match = true;
	for (i = 0; i < found.len; i++) {
		if (found.items[i].kind == PLAN_CONFLICT_SKILL)
			s->skill_match = false;
		if (found.items[i].kind == PLAN_CONFLICT_LANGUAGE)
			s->language_match = false;
	}
	/* The reason of a fit is written on demand: most are never shown. */
	if (found.len > 0)
		snprintf(s->reason, sizeof s->reason, "%s%s",
		    found.items[0].reason, found.len > 1 ? "; and more" : "");
	plan_conflict_list_free(&found);
}

const char *
plan_suggest_reason(struct plan_suggestion *s, const struct shift *sh,
    const char *event_languages)
{
	struct strbuf sb;

	if (s->conflicts > 0 || s->reason[0] != '\0')
		return s->reason;
	strbuf_init(&sb);
	strbuf_adds(&sb, "free");
	if (!plan_suggest_general(sh->role))
		strbuf_addf(&sb, ", has skill %s", sh->role);
	if (sh->language != NULL && *sh->language != '\0')
		strbuf_addf(&sb, ", speaks %s", sh->language);
	else if (event_languages != NULL && *event_languages != '\0')
		strbuf_adds(&sb, ", speaks an event language");
	strbuf_addf(&sb, "; %d shift%s in 30 days before", s->recent,
	    s->recent == 1 ? "" : "s");
	snprintf(s->reason, sizeof s->reason, "%s", strbuf_str(&sb));
	strbuf_fini(&sb);
	return s->reason;
}

static int
plan_suggest_cmp(const void *pa, const void *pb)
{
	const struct plan_suggestion *a = pa, *b = pb;
	int c;

	if ((a->conflicts > 0) != (b->conflicts > 0))
		return a->conflicts > 0 ? 1 : -1;
	if (a->skill_match != b->skill_match)
		return a->skill_match ? -1 : 1;
	if (a->language_match != b->language_match)
		return a->language_match ? -1 : 1;
	if (a->recent != b->recent)
		return a->recent < b->recent ? -1 : 1;
	if ((c = text_casecmp(a->volunteer->name, b->volunteer->name)) != 0)
		return c;
	return a->volunteer->id < b->volunteer->id ? -1 :
	    a->volunteer->id > b->volunteer->id;
}

void
plan_suggest_rank(struct plan_suggestion_list *out)
{
	if (out->len > 1)
		qsort(out->items, out->len, sizeof *out->items,
		    plan_suggest_cmp);
}

void
plan_suggestion_list_free(struct plan_suggestion_list *list)
{
	free(list->items);
	memset(list, 0, sizeof *list);
}
