/* SPDX-License-Identifier: ISC */
/*
 * Suggestions: who could fill a shift, best first. Each volunteer is
 * weighed with the same rules as assign (plan_conflict_check), so a
 * suggestion never promises what assign would refuse; the ranking then
 * spreads the load: fewest shifts in the 30 days before wins.
 */
#include "rooster/plan.h"

#include <stdlib.h>
#include <string.h>

void
plan_suggest_add(struct plan_suggestion_list *out,
    const struct plan_candidate *c, int recent)
{
	struct plan_conflict_list found = { 0 };
	struct plan_suggestion *s;
	const struct volunteer *v = c->volunteer;
	size_t i;

	s = xarray_push(&out->items, &out->len, &out->cap, sizeof *s);
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
		s->reason = xasprintf("%s%s", found.items[0].reason,
		    found.len > 1 ? _("; and more") : "");
	plan_conflict_list_free(&found);
}

const char *
plan_suggest_reason(struct plan_suggestion *s, const struct shift *sh,
    const char *event_languages)
{
	struct strbuf sb;

	if (s->reason != NULL)
		return s->reason;
	strbuf_init(&sb);
	strbuf_adds(&sb, _("free"));
	if (!shift_role_is_general(sh->role))
		strbuf_addf(&sb, _(", has skill %s"), sh->role);
	if (sh->language != NULL && *sh->language != '\0')
		strbuf_addf(&sb, _(", speaks %s"), sh->language);
	else if (event_languages != NULL && *event_languages != '\0')
		strbuf_adds(&sb, _(", speaks an event language"));
	strbuf_addf(&sb, ngettext("; %d shift in 30 days before",
	    "; %d shifts in 30 days before", (unsigned long)s->recent),
	    s->recent);
	s->reason = strbuf_detach(&sb);
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
	/* Folded, the order store hands them over in (Ë with E). */
	if ((c = text_fold_cmp(a->volunteer->name, b->volunteer->name)) != 0)
		return c;
	return a->volunteer->id < b->volunteer->id ? -1 :
	    a->volunteer->id > b->volunteer->id;
}

static int
plan_suggest_cmp_ptr(const void *pa, const void *pb)
{
	return plan_suggest_cmp(*(const struct plan_suggestion *const *)pa,
	    *(const struct plan_suggestion *const *)pb);
}

/* Sift the worst of the heap's kept ones down (a max-heap on rank). */
static void
plan_suggest_sift(const struct plan_suggestion **heap, size_t n, size_t i)
{
	const struct plan_suggestion *tmp;
	size_t worst, l, r;

	for (;;) {
		worst = i;
		l = 2 * i + 1;
		r = l + 1;
		if (l < n && plan_suggest_cmp(heap[l], heap[worst]) > 0)
			worst = l;
		if (r < n && plan_suggest_cmp(heap[r], heap[worst]) > 0)
			worst = r;
		if (worst == i)
			return;
		tmp = heap[i];
		heap[i] = heap[worst];
		heap[worst] = tmp;
		i = worst;
	}
}

/*
 * Rank pointers, then lay the items out once in the new order. For the
 * best n only, a heap of n keeps the cost near one comparison per
 * volunteer.
 */
void
plan_suggest_rank_top(struct plan_suggestion_list *out, size_t n)
{
	const struct plan_suggestion **order;
	struct plan_suggestion *items;
	bool *taken;
	size_t i, j, k = 0;

	if (out->len < 2)
		return;
	if (n == 0 || n > out->len)
		n = out->len;
	order = xreallocarray(NULL, out->len, sizeof *order);
	if (n == out->len) {
		for (i = 0; i < out->len; i++)
			order[i] = &out->items[i];
	} else {
		for (i = 0; i < out->len; i++) {
			if (k < n) {
				order[k++] = &out->items[i];
				if (k == n)
					for (j = n / 2; j-- > 0;)
						plan_suggest_sift(order, n, j);
			} else if (plan_suggest_cmp(&out->items[i],
			    order[0]) < 0) {
				order[0] = &out->items[i];
				plan_suggest_sift(order, n, 0);
			}
		}
	}
	xsort(order, n, sizeof *order, plan_suggest_cmp_ptr);
	items = xreallocarray(NULL, out->cap, sizeof *items);
	taken = xcalloc(out->len, sizeof *taken);
	for (i = 0; i < n; i++) {
		items[i] = *order[i];
		taken[order[i] - out->items] = true;
	}
	for (i = 0, k = n; i < out->len; i++)
		if (!taken[i])
			items[k++] = out->items[i];
	free(taken);
	free(order);
	free(out->items);
	out->items = items;
}

void
plan_suggest_rank(struct plan_suggestion_list *out)
{
	plan_suggest_rank_top(out, 0);
}

void
plan_suggestion_list_free(struct plan_suggestion_list *list)
{
	size_t i;

	for (i = 0; i < list->len; i++)
		free(list->items[i].reason);
	free(list->items);
	memset(list, 0, sizeof *list);
}
