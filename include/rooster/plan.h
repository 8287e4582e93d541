/* SPDX-License-Identifier: ISC */
/*
 * plan: the domain rules. Takes model structs, answers questions ("these
 * overlap", "this shift needs two more people"). No SQLite, libical or
 * curses: everything here is tested from tables of plain structs.
 */
#ifndef ROOSTER_PLAN_H
#define ROOSTER_PLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rooster/model.h"

/* plan_conflict.c */

enum plan_conflict_kind {
	PLAN_CONFLICT_OVERLAP = 0,	/* double-booked */
	PLAN_CONFLICT_UNAVAILABLE,	/* in an unavailable period */
	PLAN_CONFLICT_MONTHLY_LIMIT,	/* max shifts per month reached */
	PLAN_CONFLICT_REST,		/* too little rest between shifts */
	PLAN_CONFLICT_SKILL,		/* role not among the skills */
	PLAN_CONFLICT_LANGUAGE		/* does not speak the language needed */
};

struct plan_conflict {
	enum plan_conflict_kind	kind;
	int64_t			other_id;	/* other shift or period, or 0 */
	char			reason[256];	/* one line, names the other */
};

struct plan_conflict_list {
	struct plan_conflict	*items;
	size_t			 len;
	size_t			 cap;
};

/* Everything plan needs to judge one volunteer on one shift. */
struct plan_candidate {
	const struct shift		*shift;		/* the shift to fill */
	const struct volunteer		*volunteer;
	const struct assignment_list	*booked;	/* the volunteer's other
							   non-declined assignments
							   (start/end filled) */
	const struct unavailable_list	*unavailable;
	int				 rest_minutes;	/* 0: rule off */
	const char			*event_languages; /* the event's
							   "ar,nl", or NULL */
	bool				 month_given;	/* month_booked is
							   the count, booked
							   is not counted */
	int				 month_booked;	/* the volunteer's
							   other shifts in
							   the shift's month */
	const char			*zone;		/* the plan's zone
							   (IANA name), in
							   which months are
							   counted; never
							   NULL */
};

/*
 * Append to out every conflict of putting c->volunteer on c->shift, each
 * with a one-line reason. Returns the number appended. Assignments in
 * booked that are on c->shift itself are ignored. The rules:
 * - overlap: a booked shift shares an instant (touching is fine);
 * - rest: a booked shift ends or starts less than rest_minutes away;
 * - unavailable: an unavailable period overlaps the shift;
 * - monthly limit: as many shifts as the volunteer's limit already in
 *   the shift's month in c->zone (not the process's zone), counted from
 *   booked or taken from month_booked;
 * - skill: the role (unless "algemeen"/"general") is not a skill;
 * - language: the volunteer does not speak the shift's language, or
 *   speaks none of the event's languages (event_languages).
 */
size_t plan_conflict_check(const struct plan_candidate *c,
    struct plan_conflict_list *out);
/*
 * Whether v could fit sh before anything near the shift is known: v has
 * the skill (or the role is general) and speaks the shift's language or
 * one of event_languages. False: plan_conflict_check finds a skill or a
 * language conflict, whatever else holds.
 */
bool plan_conflict_may_fit(const struct shift *sh, const struct volunteer *v,
    const char *event_languages);
const char *plan_conflict_kind_name(enum plan_conflict_kind kind);
void plan_conflict_list_free(struct plan_conflict_list *list);

/* plan_suggest.c */

/* One volunteer weighed for a shift. */
struct plan_suggestion {
	const struct volunteer	*volunteer;	/* borrowed */
	size_t			 conflicts;	/* how many rules object */
	char			*reason;	/* first conflict, or NULL for a
						   fit until plan_suggest_reason
						   (owned by the list) */
	bool			 skill_match;	/* has the role (or general) */
	bool			 language_match; /* speaks what is needed */
	int			 recent;	/* shifts in the 30 days before */
};

struct plan_suggestion_list {
	struct plan_suggestion	*items;
	size_t			 len;
	size_t			 cap;
};

/*
 * Weigh c->volunteer for c->shift (with plan_conflict_check) and append
 * the result to out, recent being their shifts in the 30 days before the
 * shift. c is only read during the call; c->volunteer must outlive out.
 */
void plan_suggest_add(struct plan_suggestion_list *out,
    const struct plan_candidate *c, int recent);
/*
 * Rank out in place: no conflict first, then skill match, language match,
 * fewest recent shifts, name (folded: text_fold_cmp(), Ë with E), id.
 */
void plan_suggest_rank(struct plan_suggestion_list *out);
/*
 * Like plan_suggest_rank, but only the best n (0: all) are put first, in
 * order; the rest follow in no particular order. For a screenful out of
 * tens of thousands.
 */
void plan_suggest_rank_top(struct plan_suggestion_list *out, size_t n);
/*
 * The one-line reason of s: its first conflict, or why it fits ("free,
 * has skill tolk, speaks ar; 2 shifts in 30 days before"), kept in
 * s->reason from the first call. sh and event_languages as given to
 * plan_suggest_add. Borrowed from s.
 */
const char *plan_suggest_reason(struct plan_suggestion *s,
    const struct shift *sh, const char *event_languages);
void plan_suggestion_list_free(struct plan_suggestion_list *list);

#endif /* ROOSTER_PLAN_H */
